"""The discrepancies page: where outlets disagree on a date, an amount, a name's spelling, or
leave out a fact others state, and where they contradict each other; every value linked to the
sentence it comes from, with how sure the analysis is. Those below the confidence threshold are
listed apart, as possible. The core hands contradictions over as structured reasons;
`contradiction_explanation` words them, for the page and the export alike."""

from __future__ import annotations

from collections import Counter

from .. import ids
from ..model import Contradiction, Discrepancy, Story, StoryAnalysis
from .common import article_labels, sentence_links
from .links import StoryLinks
from .pictures import bar
from .safe import front_matter, html_text, md_text

KIND_LABELS = {
    "date": "date",
    "number": "number",
    "money": "amount",
    "percent": "percentage",
    "presence": "left out",
    "name": "spelling",
    "contradiction": "contradiction",
}
KIND_HELP = {
    "date": "outlets date the same event differently",
    "number": "outlets count the same thing differently",
    "money": "outlets give different amounts",
    "percent": "outlets give different percentages",
    "presence": "a figure most outlets state is missing from another's matching passage",
    "name": "one name spelt in more than one way",
    "contradiction": "one outlet states what another negates, denies or says the opposite of",
}
ROLE_WORDS = {"states": "states", "negates": "negates"}
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


def render_discrepancies(analysis: StoryAnalysis) -> str:
    story = analysis.story
    links = StoryLinks(story.id, ids.story_subpage(story.id, "discrepancies"))
    labels = article_labels(story)
    title = f"Discrepancies: {story.title}"
    sure = [d for d in analysis.discrepancies if d.confident]
    possible = [d for d in analysis.discrepancies if not d.confident]
    parts = [
        front_matter(title),
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
        "Facts the outlets state differently: dates, numbers and amounts of the same thing in "
        "passages that tell the same event, figures one outlet leaves out, names spelt more "
        "than one way, and contradictions — one outlet states what another negates or denies. "
        "Each value is quoted as written and linked to its sentence, so every row "
        "can be checked against the text. Each row says how sure the analysis is that the "
        "values are of one thing; those it is not sure of are listed apart, below, as possible "
        "and unconfirmed.\n",
    ]
    contradictions = [c for c in analysis.contradictions if c.confident]
    unconfirmed = [c for c in analysis.contradictions if not c.confident]
    if not analysis.discrepancies and not analysis.contradictions:
        parts.append("<p>No discrepancies found: where the outlets state the same facts, "
                     "they agree.</p>\n")
        return "\n".join(parts)
    if sure or contradictions:
        counts = Counter([d.kind for d in sure] + ["contradiction"] * len(contradictions))
        most = max(counts.values())
        summary = "".join(
            f"<tr><th scope=\"row\">{html_text(KIND_LABELS[k])}</th>"
            f"<td>{bar(n, most, str(n))}</td><td>{html_text(KIND_HELP[k])}</td></tr>"
            for k, n in sorted(counts.items(), key=lambda kv: list(KIND_LABELS).index(kv[0]))
        )
        parts.append('<table class="px-discrepancy-kinds"><thead><tr><th scope="col">Kind</th>'
                     '<th scope="col">Found</th><th scope="col">Meaning</th></tr></thead>'
                     f"<tbody>{summary}</tbody></table>\n")
    parts.append("## All discrepancies\n")
    if sure:
        parts.append(_table(sure, analysis, links, labels))
    else:
        parts.append("<p>None the analysis is sure of.</p>\n")
    if contradictions:
        parts.append("## Contradictions\n")
        parts.append("Sentences of two outlets that tell the same fact, one stating what the "
                     "other negates, denies or says the opposite of. Both sentences are quoted "
                     "in full.\n")
        parts.append(_contradiction_table(contradictions, analysis, links, labels))
    if possible or unconfirmed:
        parts.append("## Possible, unconfirmed\n")
    if possible:
        parts.append(
            f"{len(possible)} more the analysis is not sure of: the values may be of different "
            "things (two events in one passage, a year the text does not write, an undated "
            "article), so they are not counted as discrepancies. Read the sentences before "
            "relying on them.\n")
        parts.append(_table(possible, analysis, links, labels, "px-possible"))
    if unconfirmed:
        parts.append(
            f"{_plural(len(unconfirmed), 'possible contradiction')} the analysis is not sure "
            "of: the two sentences may tell different facts, or one outlet only relays "
            "someone's words. Read both before relying on them.\n")
        parts.append(_contradiction_table(unconfirmed, analysis, links, labels, "px-possible"))
    return "\n".join(parts)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _contradiction_table(
    contradictions: list[Contradiction], analysis: StoryAnalysis, links: StoryLinks,
    labels: dict[str, str], extra: str = "",
) -> str:
    rows = "".join(_contradiction_row(c, analysis, links, labels) for c in contradictions)
    classes = " ".join(("px-discrepancies px-contradictions", extra)).strip()
    return (
        f'<div class="px-scroll"><table class="{classes}"><thead><tr>'
        '<th scope="col">About</th><th scope="col">What each outlet says</th>'
        '<th scope="col">Why it is flagged</th><th scope="col">Sure</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>\n"
    )


def _contradiction_row(
    contradiction: Contradiction, analysis: StoryAnalysis, links: StoryLinks,
    labels: dict[str, str],
) -> str:
    story = analysis.story
    items = []
    for side in contradiction.sides:
        article = story.article(side.article)
        sentence = article.sentence(side.sentence).text
        where = sentence_links(links, article, (side.sentence,))
        items.append(f"<li><strong>{html_text(labels[side.article])}</strong> "
                     f"({html_text(ROLE_WORDS[side.role])}): “{html_text(sentence)}” "
                     f"({where})</li>")
    about = ", ".join(contradiction.words) or contradiction.cue
    return (
        f'<tr id="{html_text(contradiction.id)}" class="px-discrepancy px-d-contradiction">'
        f"<td>{html_text(about)}</td>"
        f'<td><ul class="px-values">{"".join(items)}</ul></td>'
        f"<td>{html_text(contradiction_explanation(contradiction, story))}</td>"
        f'<td class="px-num">'
        f'{bar(contradiction.confidence, 1.0, f"{contradiction.confidence:.0%}")}</td></tr>'
    )


def _table(
    discrepancies: list[Discrepancy], analysis: StoryAnalysis, links: StoryLinks,
    labels: dict[str, str], extra: str = "",
) -> str:
    rows = "".join(_row(d, analysis, links, labels) for d in discrepancies)
    classes = " ".join(("px-discrepancies", extra)).strip()
    return (
        f'<div class="px-scroll"><table class="{classes}"><thead><tr>'
        '<th scope="col">Kind</th><th scope="col">About</th>'
        '<th scope="col">What each outlet says</th><th scope="col">Why it is flagged</th>'
        '<th scope="col">Sure</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>\n"
    )


def _row(
    discrepancy: Discrepancy, analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> str:
    items = []
    for value in discrepancy.values:
        article = analysis.story.article(value.article)
        where = sentence_links(links, article, value.sentences)
        said = (f"“{html_text(value.value)}”" if value.value
                else '<span class="px-none">not stated</span> in the matching passage')
        items.append(f"<li><strong>{html_text(labels[value.article])}</strong>: {said} "
                     f"({where})</li>")
    return (
        f'<tr id="{html_text(discrepancy.id)}" class="px-discrepancy px-d-{discrepancy.kind}">'
        f"<td>{html_text(KIND_LABELS[discrepancy.kind])}</td>"
        f"<td>{html_text(discrepancy.topic)}</td>"
        f'<td><ul class="px-values">{"".join(items)}</ul></td>'
        f"<td>{html_text(discrepancy.explanation)}</td>"
        f'<td class="px-num">{bar(discrepancy.confidence, 1.0, f"{discrepancy.confidence:.0%}")}'
        "</td></tr>"
    )
