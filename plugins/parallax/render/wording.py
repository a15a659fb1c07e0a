"""The English a reader meets, for whatever the analysis found: one place to word (and one day
to translate) the structured reasons the core returns. The pages, the export and the command
line all word through here, so they say the same thing."""

from __future__ import annotations

import calendar

from ..model import (
    Cell,
    Contradiction,
    Discrepancy,
    Fact,
    FactConflict,
    FamilyTie,
    Lineage,
    QuoteFlag,
    Reason,
    Story,
)
from ..nlp.dates import parse_iso


def percent(value: float) -> str:
    """`0.82` → `82 %`, the style of figures in sentences."""
    return f"{round(value * 100)} %"


def family_note(tie: FamilyTie) -> str:
    """Why a pair labelled less than a rewrite still sits in one family."""
    what = f"the same {tie.source} copy" if tie.source else "one shared source"
    return (f"independent rewrites of {what}: both belong to its family, but only "
            f"{percent(tie.narrative)} of their unquoted sentences match each other (a rewrite "
            f"of each other needs {percent(tie.needed)})")


# ------------------------------------------------------------------------------- text reuse


def reuse_reason(why: Reason) -> str:
    """The figures behind a pair's reuse label."""
    figures = (f"{percent(why['words'])} of words in shared passages, "
               f"{percent(why['copied'])} outside quotes; {percent(why['narrative'])} of "
               "unquoted sentences have a counterpart (mean of both ways)")
    if why.kind == "same words":
        return f"most of the text is the same words: {figures}"
    if why.kind == "same narrative":
        return f"the same narrative, sentence by sentence: {figures}"
    if why.kind == "quotations only":
        n = why["quotations"]
        return f"{n} shared quotation{'s' if n != 1 else ''}, no shared narrative: {figures}"
    return f"no more shared text than independent reports share: {figures}"


# ---------------------------------------------------------------------------------- lineage

_COPIES = {"verbatim copy": "copies", "rewrite of shared source": "rewrites"}


def names(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _verb(items: list[str] | tuple[str, ...], one: str, many: str) -> str:
    return one if len(items) == 1 else many


def lineage_sentences(lineage: Lineage, story: Story) -> tuple[str, ...]:
    """The lineage in words, as the story page tells it."""
    return tuple(lineage_sentence(statement, story) for statement in lineage.statements)


def lineage_sentence(statement: Reason, story: Story) -> str:
    labels = story.article_labels()
    kind = statement.kind
    if kind == "copy in family":
        first, second = statement["first"], statement["second"]
        source = statement["source"]
        what = f"the same {source} report" if source else "a shared source"
        return (f"{labels[first]} and {labels[second]} are {_COPIES[statement['label']]} of "
                f"{what}: {percent(statement['share'])} of {labels[second]}’s sentences have a "
                f"counterpart in {labels[first]} ({percent(statement['share_back'])} the other "
                "way).")
    if kind == "uncredited family":
        members = [labels[m] for m in statement["members"]]
        if len(members) == 2:
            return f"Neither {members[0]} nor {members[1]} credits the source they share."
        return f"None of {names(members)} credits the source they share."
    if kind == "credited family":
        source = statement["source"]
        credited = [labels[m] for m in statement["credited"]]
        sentence = f"{names(credited)} {_verb(credited, 'credits', 'credit')} {source}"
        if statement["inferred"]:
            inferred = [labels[m] for m in statement["inferred"]]
            sentence += (f"; {names(inferred)} {_verb(inferred, 'carries', 'carry')} the same "
                         f"{source} copy without crediting it")
        return sentence + "."
    if kind == "family tie":
        tie = statement["tie"]
        return f"{labels[tie.a]} and {labels[tie.b]} are {family_note(tie)}."
    if kind == "earliest witness":
        return (f"The earliest witness is {labels[statement['article']]}"
                f"{_earliest_reason(statement)}.")
    if kind == "quotations only":
        evidence = statement["evidence"]
        named = f"; {edge_evidence(evidence, story)}" if evidence else ""
        return (f"{labels[statement['a']]} and {labels[statement['b']]} share quotations but "
                f"no narrative text{named}.")
    if kind == "relies on":
        return (f"{labels[statement['target']]} relies on {labels[statement['source']]}: "
                f"{edge_evidence(statement['evidence'], story)}.")
    if kind == "shares nothing":
        alone = [labels[a] for a in statement["articles"]]
        return (f"{names(alone)} {_verb(alone, 'shares', 'share')} no reused text with the "
                "other articles.")
    if kind == "notices":
        n = statement["count"]
        return (f"{n} shared notice{'s' if n != 1 else ''} (such as a copyright line) were "
                "found and not counted as reuse.")
    raise ValueError(f"no wording for lineage statement {kind!r}")


def _earliest_reason(statement: Reason) -> str:
    reasons = []
    if statement["date"]:
        reasons.append(f"dated {statement['date']}")
    if statement["credits"]:
        reasons.append(f"it credits {statement['credits']}")
    if statement["dateline"] is not None:
        reasons.append(f"it opens with the dateline “{statement['dateline']}”")
    if not reasons:
        return " (no date or credit decides; it accounts for most of the others’ text)"
    return f" ({', '.join(reasons)})"


def edge_evidence(why: Reason, story: Story) -> str:
    """Why a lineage edge is drawn: a credit, copy carried without one, a citation, dates, or
    the figures behind the pair's reuse label."""
    if why.kind == "credits":
        shown = "; ".join(f"{kind} “{text}”" for kind, text in why["credits"])
        return f"credits {why['source']}: {shown}"
    if why.kind == "carries uncredited":
        source = why["source"]
        if why["via"] is None:
            evidence = f"shares its text with articles carrying the {source} copy"
        else:
            evidence = (f"does not credit {source}; {percent(why['share'])} of its sentences "
                        f"have a counterpart in {story.article_labels()[why['via']]}, which does")
        if why["mention"]:
            evidence += f" (it mentions {source}: “{why['mention']}”)"
        return evidence
    if why.kind == "names":
        citing, cited = story.article(why["citing"]), story.article(why["cited"])
        return f"{citing.outlet.name} names {cited.outlet.name}: “{why['text']}”"
    if why.kind == "dated":
        earlier, later = story.article(why["earlier"]), story.article(why["later"])
        return (f"{earlier.outlet.name} is dated {earlier.date}, {later.outlet.name} "
                f"{later.date}")
    return reuse_reason(why)


# The lineage picture: what each line style means, and the short labels on its curves.
LINE_MEANINGS = {
    "credited": "credits the source in its text",
    "inferred": "carries the source's copy without crediting it",
    "text": "copied or rewritten text, labelled on the curve; each % = share of the sentences "
            "of the article on that side with a counterpart in the other",
    "quotes": "shares quotations only",
}
SHORT_REUSE_LABELS = {"verbatim copy": "verbatim copy", "rewrite of shared source": "rewrite",
                      "shares quotes only": "quotes only"}


def lineage_picture_words(lineage: Lineage, story: Story) -> str:
    """The lineage picture in words (its `<desc>`): every line, then the lineage itself."""
    label = {n.id: n.label for n in lineage.nodes}
    words = []
    for edge in lineage.edges:
        link = "→" if edge.directed else "and"
        kind = edge.kind if edge.kind != "reuse" else (edge.label or "reuse")
        words.append(f"{label[edge.source]} {link} {label[edge.target]}: {kind}.")
    return " ".join([*words, *lineage_sentences(lineage, story)])


# ---------------------------------------------------------------------------- discrepancies


def date_in_words(fact: Fact) -> str:
    """A date value in words: "13 May 2025", "April, year not given", "relative"; a date
    counted from the story's date says so."""
    year, month, day, precision = parse_iso(fact.value)
    if precision == "relative":
        if fact.low and fact.high:
            return f"between {fact.low} and {fact.high}, counted from the publication date"
        return "relative to an unknown publication date"
    if precision == "decade":
        return f"the {year}s"
    if precision == "week":
        text = f"the week of {fact.low}" if fact.low else fact.value
    else:
        parts = [str(day)] if day else []
        if month:
            parts.append(calendar.month_name[month])
        text = " ".join([*parts, str(year)]) if year else " ".join(parts) + ", year not given"
    if fact.story_dated:
        counted = "counted" if fact.relative else "year taken"
        return f"{text}, {counted} from the story's date as the article is undated"
    if fact.relative:
        return f"{text}, counted from the publication date"
    return f"{text}, year not written" if fact.year_inferred and year else text


_PASSAGE_NOUNS = {"date": "date", "number": "count", "money": "amount", "percent": "percentage"}
_VALUE_NOUNS = {"date": "dates", "number": "numbers", "money": "amounts",
                "percent": "percentages"}
_SPELLING_KINDS = {"typo": "one spelling looks like a slip of the other",
                   "transliteration": "two transliterations of one name"}


def outlets(n: int) -> str:
    return f"{n} outlet{'s' if n != 1 else ''}"


def _quoted(texts: tuple[str, ...]) -> str:
    return " / ".join(f"“{t}”" for t in texts)


def discrepancy_topic(discrepancy: Discrepancy) -> str:
    """A few words saying what a discrepancy is about."""
    about = discrepancy.about
    if about.kind == "figure":
        return _quoted(about["texts"])
    if about.kind == "name":
        return f"spelling of {about['name']}"
    label = _PASSAGE_NOUNS[about["kind"]]
    if about["unit"]:
        label = f"count of {about['unit']}"
    if about["names"]:
        return f"{label} in the passage on {', '.join(about['names'])}"
    return label


def discrepancy_explanation(discrepancy: Discrepancy) -> str:
    """Why a discrepancy is flagged, with the values as written."""
    why = discrepancy.why
    if why.kind == "left out":
        return (f"{_quoted(why['texts'])} is stated by {outlets(why['stating'])} and left out "
                f"of the matching passage by {outlets(why['missing'])}.")
    if why.kind == "spellings":
        where = "within one article" if why["one_article"] else "across outlets"
        spelt = " and ".join(f"“{a}” / “{b}”" for a, b in why["spellings"])
        return (f"The same name is spelt two ways {where}: {spelt} "
                f"({'; '.join(_SPELLING_KINDS[k] for k in why['kinds'])}).")
    shown = [f"“{text}” ({date_in_words(fact)})" if fact is not None else f"“{text}”"
             for text, fact in why["shown"]]
    explanation = (f"The outlets give different {_VALUE_NOUNS[why['kind']]} for what the "
                   f"matching sentences describe: {' against '.join(shown)}.")
    if why["story_date"]:
        explanation += (f" The undated article's date is a guess, counted from the story's "
                        f"date ({why['story_date']}): if it appeared on another day, the two "
                        "may agree.")
    return explanation


# ---------------------------------------------------------------------------------- quotes


def quote_flag_explanation(flag: QuoteFlag) -> str:
    """Why two outlets' versions of one quotation are flagged."""
    why = flag.why
    if why.kind == "other speaker":
        who_a, who_b = (speaker or f"a report in {paper}" for speaker, paper in why["speakers"])
        return f"The same words are attributed to different speakers: “{who_a}” and “{who_b}”."
    if why["rewritten"]:
        changes = "the versions are worded differently throughout"
    else:
        changes = ", ".join(
            f"“{a}” → “{b}”" if a and b else f"“{a or b}” {'left out' if a else 'added'}"
            for a, b in why["changes"]) + (" …" if why["more"] else "")
    return (f"The wording inside the quotation marks differs ({why['unchanged']:.0%} of the "
            f"words in common): {changes}.")


# --------------------------------------------------------------------------------- synopsis


def synopsis_base_reason(why: Reason) -> str:
    """Why the synopsis follows the text it follows."""
    if why.kind == "earliest witness":
        source = f", {why['source']} copy" if why["source"] else ""
        return (f"the earliest witness of the largest family of shared text "
                f"({why['members']} articles{source})")
    if why.kind == "most matched":
        return "the article whose sentences the other outlets' sentences match most often"
    if why.kind == "chosen in story.yml":
        return "chosen in story.yml (synopsis_base)"
    return "chosen by the caller"


# ------------------------------------------------------------------------------ claim cells

_STANCE_REASONS = {
    "no evidence": "no sentence states, attributes or contradicts it",
    "subject only": "mentions the subject, but no sentence states, attributes or contradicts "
                    "the claim itself",
    "question claim": "the claim is a question: it can only be reported",
    "restates the denied": "states what the claim denies",
    "no denial": "mentions the subject but does not carry the claim's denial",
    "model disputes": "reads against the claim as a whole (the trained model)",
    "own voice": "states it in its own voice",
    "denies": "denies it in its own voice",
    "negates": "says the opposite: it negates the claim's own words",
    "as a question": "raises it as a question",
    "unconfirmed": "relays it as unconfirmed",
    "quotes": "quotes someone saying it",
    "relays": "relays it as someone else's statement",
}


def cell_note(cell: Cell) -> str | None:
    """What a claim-matrix cell says about why it reads as it does: a curated cell's own note,
    else the automatic reading's reason in words."""
    if cell.why is None:
        return cell.note
    return stance_reason(cell.why)


def stance_reason(why: Reason) -> str:
    """Why a cell has its stance."""
    if why.kind in _STANCE_REASONS:
        return _STANCE_REASONS[why.kind]
    if why.kind == "uncertain":
        reads = "omitted" if why["omission"] else "disputes"
        needed = "to call the omission notable" if why["omission"] else "to show it"
        return (f"uncertain: reads as {reads} ({stance_reason(why['reading'])}), with "
                f"probability {under(why['probability'], why['threshold'])} needed {needed}")
    if why.kind == "conflicting fact":
        return f"gives a conflicting fact: {fact_conflict(why['conflict'])}"
    if why.kind == "missing figures":
        return f"mentions the subject but not the claim's figures ({', '.join(why['figures'])})"
    if why.kind == "carries the statement":
        by = f", by {why['speaker']}" if why["speaker"] else ""
        return f"carries the statement the claim is about{by}"
    if why.kind == "relays a denial":
        return f"relays a denial by {why['speaker']}" if why["speaker"] else \
            "relays a denial of it"
    if why.kind == "relays the opposite":
        return f"relays {why['speaker']} saying the opposite"
    if why.kind == "attributes":
        return f"attributes it to {why['speaker']}"
    raise ValueError(f"no wording for a cell's reason {why.kind!r}")


def under(probability: float, threshold: float) -> str:
    """ "0.40, under the 0.67", with a third decimal where two would read the same."""
    digits = 2 if f"{probability:.2f}" != f"{threshold:.2f}" else 3
    return f"{probability:.{digits}f}, under the {threshold:.{digits}f}"


def fact_conflict(conflict: FactConflict) -> str:
    """Two values of one fact that differ, as written (a date with how it was read)."""
    x, y = conflict.facts
    if conflict.kind == "date":
        return (f"different dates: “{x.text}” ({date_in_words(x)}) against "
                f"“{y.text}” ({date_in_words(y)})")
    if conflict.kind == "number":
        return f"different counts of {y.unit.split()[-1]}: “{x.text}” against “{y.text}”"
    what = "amounts" if conflict.kind == "money" else "percentages"
    return f"different {what}: “{x.text}” against “{y.text}”"


# --------------------------------------------------------------------------- contradictions

REASON_WORDS = {"negation": "negates", "denial": "denies", "opposite": "says the opposite of"}


def contradiction_explanation(contradiction: Contradiction, story: Story) -> str:
    """The contradiction in words: who negates what, with which words, and who only relays."""
    outlets = {a.id: a.outlet.name for a in story.articles}
    negating = next(s for s in contradiction.sides if s.role == "negates")
    stating = next(s for s in contradiction.sides if s.role == "states")
    disputed = ", ".join(f"“{w}”" for w in contradiction.words)
    if contradiction.reason == "opposite":
        first, _, second = contradiction.cue.partition(" / ")
        text = (f"{outlets[stating.article]} and {outlets[negating.article]} use words of "
                f"opposite sense for the same fact: “{first}” against “{second}”.")
    else:
        verb = REASON_WORDS[contradiction.reason]
        text = (f"{outlets[negating.article]} {verb} what {outlets[stating.article]} states "
                f"({disputed}): “{contradiction.cue}”.")
    for side in contradiction.sides:
        if not side.own_voice:
            who = side.speaker or "someone else"
            text += (f" {outlets[side.article]} relays {who} here rather than saying it in "
                     "its own voice.")
    return text
