"""Facts per sentence (dates, times, amounts, names) and conflicts between two texts' facts.

`sentence_facts` reads one sentence: dates and clock times first (so "May 13" is never a
count or a person, "11:59 p.m." never two figures), then amounts, then names, typed with what
the whole story says about each name; every date and amount is tied to what it is about
(`anchors`). `conflicts_between` compares two texts about the same thing and says where they
state different values *for the same thing*, each conflict with a confidence:

* dates of the same event (a shared event word: "signed … on Thursday" and "signed … last
  week"; or a date that bounds the other's event: "said in 2017 that he repaid" against
  "repaid … earlier this year") whose intervals do not meet; a sentence with one date against
  another with one date, with no event word in common, is a weaker match;
* counts of the same noun (its head: "26 innocent civilians", "26 civilians") whose ranges do
  not meet, where no count of that noun in one text matches one in the other ("six arrests
  Wednesday, compared to 47 the previous night" agrees with "47 arrests overnight");
* money and percentages about the same thing ("in campaign funds", "of the vote"), or, weaker,
  the one amount of its kind in each text.

A value one text leaves out, or one that cannot be compared ("on Friday" in an undated article
of a story without a date), is never a conflict. A conflict that rests on a date counted from
the story's date (an undated article), or on a year the text did not write ("March 2" against
"March 2008"), is less sure, and its confidence says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from ...model import Fact, FactConflict, SentenceFacts, Story
from ...nlp import dates
from ...nlp.entities import StoryNames, find_entities
from ...nlp.quantities import find_quantities, head_stems, overlap, same_thing
from . import anchors

AMOUNT_KINDS = ("number", "money", "percent")
NAME_KINDS = ("person", "place", "organisation", "name")
# How sure a conflict is, by what ties the two values to one thing (see the module docstring).
SAME_EVENT, BOUNDED, ONE_DATE_EACH, SAME_SPEAKING = 0.9, 0.75, 0.55, 0.5
SAME_COUNT, AMBIGUOUS_COUNT = 0.9, 0.5
SAME_SUBJECT, ONE_AMOUNT_EACH = 0.85, 0.45
STORY_DATED, YEAR_GUESSED = 0.6, 0.5  # multipliers for guesses in the resolution
CLAIM_MIN = 0.5  # the claim matrix uses conflicts at least this sure


def sentence_facts(
    text: str,
    published: str | None = None,
    names: StoryNames | None = None,
    story_date: str | None = None,
) -> tuple[Fact, ...]:
    """Every fact of one sentence, in reading order; `story_date` dates an undated article."""
    values, taken = _values(text, published, story_date)
    return _in_order((*values, *find_entities(text, names, taken)))


def _values(
    text: str, published: str | None, story_date: str | None
) -> tuple[tuple[Fact, ...], list[tuple[int, int]]]:
    """The dates and amounts of one sentence, and the spans they take (names come after)."""
    found_dates = tuple(
        dataclasses.replace(f, about=anchors.date_event(text, f)) if f.kind == "date" else f
        for f in dates.find_dates(text, published, story_date))
    taken = [(f.start, f.end) for f in found_dates]
    amounts = tuple(
        dataclasses.replace(f, about=anchors.amount_subject(text, f)) if f.kind != "number"
        else f for f in find_quantities(text, taken))
    taken += [(f.start, f.end) for f in amounts]
    return (*found_dates, *amounts), taken


def _in_order(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    return tuple(sorted(facts, key=lambda f: (f.start, f.end)))


def read_story_facts(story: Story) -> tuple[StoryNames, tuple[SentenceFacts, ...]]:
    """The facts of every sentence of a story, each sentence read once: its dates and amounts,
    then its names, typed with what the whole story says about them (`StoryNames`, returned
    too: quotations type their speakers with it). Only sentences with facts are listed."""
    names = StoryNames()
    values: dict[tuple[str, str], tuple[tuple[Fact, ...], list[tuple[int, int]]]] = {}
    for article in story.articles:
        for sentence in article.sentences:
            found, taken = values[(article.id, sentence.id)] = _values(
                sentence.text, article.date, story.date)
            names.learn(_in_order((*found, *find_entities(sentence.text, None, taken))))
            names.learn_words(sentence.text)
    result = []
    for article in story.articles:
        for sentence in article.sentences:
            found, taken = values[(article.id, sentence.id)]
            facts = _in_order((*found, *find_entities(sentence.text, names, taken)))
            if facts:
                result.append(SentenceFacts(article.id, sentence.id, facts))
    return names, tuple(result)


def story_names(story: Story) -> StoryNames:
    """What the whole story says about names (see `read_story_facts`)."""
    return read_story_facts(story)[0]


def fact_conflicts(
    text_a: str,
    text_b: str,
    published_a: str | None = None,
    published_b: str | None = None,
    story_date: str | None = None,
) -> tuple[FactConflict, ...]:
    """Where two texts about the same thing state different values for one thing.

    Empty when the texts agree or one is silent. A text without a publication date has its
    dates counted from `story_date`, if given, and the reason says so.
    """
    facts_a = sentence_facts(text_a, published_a, story_date=story_date)
    facts_b = sentence_facts(text_b, published_b, story_date=story_date)
    return conflicts_between(facts_a, facts_b)


def story_fact_check(
    story: Story, known: tuple[SentenceFacts, ...] | None = None
) -> Callable[[str, str], tuple[FactConflict, ...]]:
    """`fact_conflicts` for the claim matrix of one story: (claim, sentence) → conflicts.

    The claim is read as of the story's date (its maintainer wrote it for this story); the
    sentence as of its article's date, or the story's date if the article is undated, exactly
    as `read_story_facts` reads it, so a cell's note and the discrepancies page say the same
    date. `known`: the story's facts from `read_story_facts`, so a sentence is not read again
    (names do not change its dates and amounts). Only conflicts at least `CLAIM_MIN` sure
    count: a cell marked "disputes" is a red flag.
    """
    dated: dict[str, set[str | None]] = {}
    for article in story.articles:
        for sentence in article.sentences:
            dated.setdefault(sentence.text, set()).add(article.date)
    read: dict[str, tuple[Fact, ...]] = {}  # sentence text → its facts, read once
    if known is not None:
        texts = {(a.id, s.id): s.text for a in story.articles for s in a.sentences}
        read = {text: () for text, published in dated.items() if len(published) == 1}
        for entry in known:
            text = texts[(entry.article, entry.sentence)]
            if text in read:
                read[text] = entry.facts
    claims: dict[str, tuple[Fact, ...]] = {}

    def check(claim: str, sentence: str) -> tuple[FactConflict, ...]:
        published = dated.get(sentence, {None})
        # The same words in articles of different dates: no one reference date to count from.
        story_date = story.date if len(published) == 1 else None
        article_date = next(iter(published)) if len(published) == 1 else None
        if claim not in claims:
            claims[claim] = sentence_facts(claim, story.date, story_date=story.date)
        if sentence not in read:
            read[sentence] = sentence_facts(sentence, article_date, story_date=story_date)
        conflicts = conflicts_between(claims[claim], read[sentence])
        return tuple(c for c in conflicts if c.confidence >= CLAIM_MIN)

    return check


def conflicts_between(
    facts_a: Sequence[Fact], facts_b: Sequence[Fact], same_fact: bool = True
) -> tuple[FactConflict, ...]:
    """`fact_conflicts` on facts already extracted, surest first within each kind.
    `same_fact`: the two texts are known to state the same fact (see `date_relation`)."""
    return (*_date_conflicts(facts_a, facts_b, same_fact), *_count_conflicts(facts_a, facts_b),
            *_amount_conflicts(facts_a, facts_b))


def dates_compatible(first: Fact, second: Fact) -> bool | None:
    """Whether two date facts can name the same day; None when they cannot be compared.

    Two relative dates that were both counted from the story's date (two undated articles)
    may count from different days: as with unresolved ones, only the same words agree.
    """
    if first.story_dated and second.story_dated and first.relative and second.relative:
        return True if dates.same_phrase(first.text, second.text) else None
    met = dates.overlap(first, second)
    return met if met is not None else dates.compatible(first.value, second.value)


def date_relation(first: Fact, second: Fact, one_each: bool, same_fact: bool = True) -> str:
    """How two dates of two texts are tied to one event: "same", "bounded", "reported",
    "single" (the one date of each text), or "" (not comparable).

    A reporting verb on each side ties two dates to one act of saying only when the two texts
    state the same fact (`same_fact`): in two texts about one topic, "As I said yesterday"
    (Romney) and "Akin said over the weekend" are two people speaking on two days."""
    relation = anchors.relation(first, second)
    if relation == "reported" and not (one_each and same_fact):
        return ""  # two dates of saying something, in sentences with other dates
    # The one date of each text, of events unknown on at least one side.
    single = one_each and not (first.about and second.about)
    return relation or ("single" if single else "")


def dates_agree(first: Fact, second: Fact, relation: str) -> bool | None:
    """Whether two related dates can be of the same event; a bounding date ("said in 2017
    that he repaid") only says the event was done by its end."""
    if relation == "bounded":
        bound, event = (first, second) if anchors.bounded(first.about) & anchors.plain(
            second.about) else (second, first)
        if bound.high and event.low:
            return event.low <= bound.high
        return None
    return dates_compatible(first, second)


def precise(fact: Fact) -> bool:
    """A date to the day or the month, as against a year, a decade or an unresolved phrase."""
    return fact.unit in ("day", "month")


_DATE_CONFIDENCE = {"same": SAME_EVENT, "bounded": BOUNDED, "single": ONE_DATE_EACH,
                    "reported": SAME_SPEAKING}


def _date_conflicts(
    facts_a: Sequence[Fact], facts_b: Sequence[Fact], same_fact: bool = True
) -> list[FactConflict]:
    in_a = [f for f in facts_a if f.kind == "date"]
    in_b = [f for f in facts_b if f.kind == "date"]
    one_each = len(in_a) == 1 and len(in_b) == 1
    related = [(x, y, r) for x in in_a for y in in_b
               if (r := date_relation(x, y, one_each, same_fact))]
    agreeing = {id(f) for x, y, r in related if dates_agree(x, y, r) for f in (x, y)}
    conflicts = []
    for x, y, relation in related:
        if id(x) in agreeing or id(y) in agreeing or dates_agree(x, y, relation) is not False:
            continue  # each has a counterpart it agrees with: two events, both consistent
        confidence = _DATE_CONFIDENCE[relation]
        if x.story_dated or y.story_dated:
            confidence *= STORY_DATED
        if _only_the_year(x, y):
            confidence *= YEAR_GUESSED  # "March 2" (year guessed) against "March 2008"
        conflicts.append(FactConflict(
            "date", x.text, y.text, x.value, y.value, (x, y), round(confidence, 3)))
    return sorted(conflicts, key=lambda c: -c.confidence)[:1]


def _only_the_year(first: Fact, second: Fact) -> bool:
    """The two differ only in a year one of them did not write."""
    if not (first.year_inferred or second.year_inferred):
        return False
    y1, m1, d1, _ = dates.parse_iso(first.value)
    y2, m2, d2, _ = dates.parse_iso(second.value)
    return y1 != y2 and (m1 is None or m2 is None or m1 == m2) and (
        d1 is None or d2 is None or d1 == d2)


def _count_conflicts(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[FactConflict]:
    conflicts = []
    by_head_a = _by_head(facts_a)
    by_head_b = _by_head(facts_b)
    for head in sorted(set(by_head_a) & set(by_head_b)):
        xs, ys = by_head_a[head], by_head_b[head]
        if any(overlap(x, y) for x in xs for y in ys):
            continue  # one count matches: the others count something else ("47 the night before")
        x, y = min(((x, y) for x in xs for y in ys),
                   key=lambda p: abs(float(p[0].value) - float(p[1].value)))
        several = len({f.value for f in xs}) > 1 or len({f.value for f in ys}) > 1
        conflicts.append(FactConflict(
            "number", x.text, y.text, x.value, y.value, (x, y),
            AMBIGUOUS_COUNT if several else SAME_COUNT))
    return conflicts


def _by_head(facts: Sequence[Fact]) -> dict[tuple[str, ...], list[Fact]]:
    grouped: dict[tuple[str, ...], list[Fact]] = {}
    for fact in facts:
        if fact.kind == "number" and fact.unit and (head := head_stems(fact.unit)):
            grouped.setdefault(head, []).append(fact)
    return grouped


def _amount_conflicts(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[FactConflict]:
    conflicts: list[FactConflict] = []
    for kind in ("money", "percent"):
        in_a = [f for f in facts_a if f.kind == kind]
        in_b = [f for f in facts_b if f.kind == kind]
        one_each = len(in_a) == 1 and len(in_b) == 1
        related = []
        for x in in_a:
            for y in in_b:
                if not same_thing(x, y):
                    continue  # another currency
                if anchors.plain(x.about) & anchors.plain(y.about):
                    # In a list of figures ("Romney 21 percent, Huckabee 17 percent") which
                    # figure goes with which is a guess.
                    related.append((x, y, SAME_SUBJECT if one_each else ONE_AMOUNT_EACH))
                elif one_each:
                    related.append((x, y, ONE_AMOUNT_EACH))
        matched = {id(f) for x, y, _ in related if overlap(x, y) for f in (x, y)}
        for x, y, confidence in related:
            if id(x) in matched or id(y) in matched or overlap(x, y):
                continue
            conflicts.append(FactConflict(
                kind, x.text, y.text, x.value, y.value, (x, y), confidence))
    return conflicts
