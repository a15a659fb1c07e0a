"""Facts per sentence (dates, amounts, names) and conflicts between two texts' facts.

`story_facts` reads every sentence of a story: dates first (so "May 13" is never a count or a
person), then amounts, then names, typed with what the whole story says about each name.
`fact_conflicts` compares two texts about the same thing and says where they state different
values; it is kept precise (a value one text leaves out, or one that cannot be compared, such
as "on Friday" in an undated article, is never a conflict).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import dates
from .entities import StoryNames, find_entities
from .model import Fact, FactConflict, SentenceFacts, Story
from .quantities import find_quantities, same_thing

AMOUNT_KINDS = ("number", "money", "percent")
NAME_KINDS = ("person", "place", "organisation", "name")


def sentence_facts(
    text: str, published: str | None = None, names: StoryNames | None = None
) -> tuple[Fact, ...]:
    """Every fact of one sentence, in reading order."""
    found_dates = dates.find_dates(text, published)
    taken = [(f.start, f.end) for f in found_dates]
    amounts = find_quantities(text, taken)
    taken += [(f.start, f.end) for f in amounts]
    entities = find_entities(text, names, taken)
    return tuple(sorted((*found_dates, *amounts, *entities), key=lambda f: (f.start, f.end)))


def story_facts(story: Story) -> tuple[SentenceFacts, ...]:
    """Facts of every sentence of a story; names are typed with the whole story in view."""
    names = StoryNames()
    for article in story.articles:
        for sentence in article.sentences:
            names.learn(sentence_facts(sentence.text, article.date))
    result = []
    for article in story.articles:
        for sentence in article.sentences:
            facts = sentence_facts(sentence.text, article.date, names)
            if facts:
                result.append(SentenceFacts(article.id, sentence.id, facts))
    return tuple(result)


def fact_conflicts(
    text_a: str, text_b: str, published_a: str | None = None, published_b: str | None = None
) -> tuple[FactConflict, ...]:
    """Where two texts about the same thing state different values for one kind of fact.

    Dates conflict when each text has a date that no date of the other can match ("on May
    13" vs "earlier in April"); counts when they count the same noun differently ("26
    civilians" vs "25 civilians"); money and percentages when each text has exactly one and
    they differ. Empty when the texts agree or one is silent.
    """
    facts_a = sentence_facts(text_a, published_a)
    facts_b = sentence_facts(text_b, published_b)
    return conflicts_between(facts_a, facts_b)


def conflicts_between(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> tuple[FactConflict, ...]:
    """`fact_conflicts` on facts already extracted."""
    return (*_date_conflicts(facts_a, facts_b), *_count_conflicts(facts_a, facts_b),
            *_single_amount_conflicts(facts_a, facts_b))


def _date_conflicts(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[FactConflict]:
    in_a = [f for f in facts_a if f.kind == "date"]
    in_b = [f for f in facts_b if f.kind == "date"]

    def unmatched(mine: list[Fact], theirs: list[Fact]) -> list[Fact]:
        # A date that cannot be compared (None) counts as matched: no evidence, no conflict.
        return [f for f in mine if all(dates.compatible(f.value, g.value) is False
                                       for g in theirs)]

    lonely_a, lonely_b = unmatched(in_a, in_b), unmatched(in_b, in_a)
    if not (in_a and in_b and lonely_a and lonely_b):
        return []
    first, second = lonely_a[0], lonely_b[0]
    return [FactConflict("date", first.text, second.text, first.value, second.value,
                         f"different dates: “{first.text}” ({readable_date(first)}) against "
                         f"“{second.text}” ({readable_date(second)})")]


def _count_conflicts(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[FactConflict]:
    conflicts = []
    counts_b = [f for f in facts_b if f.kind == "number" and f.unit]
    for fact in (f for f in facts_a if f.kind == "number" and f.unit):
        same = [g for g in counts_b if same_thing(fact, g)]
        if same and all(g.value != fact.value for g in same):
            other = same[0]
            conflicts.append(FactConflict(
                "number", fact.text, other.text, fact.value, other.value,
                f"different counts of {other.unit.split()[-1]}: {fact.value} against "
                f"{other.value}"))
    return conflicts


def _single_amount_conflicts(
    facts_a: Sequence[Fact], facts_b: Sequence[Fact]
) -> list[FactConflict]:
    conflicts: list[FactConflict] = []
    for kind in ("money", "percent"):
        in_a = [f for f in facts_a if f.kind == kind]
        in_b = [f for f in facts_b if f.kind == kind]
        # With several amounts per text we cannot tell which goes with which: say nothing.
        if len(in_a) == 1 and len(in_b) == 1 and same_thing(in_a[0], in_b[0]) and (
                in_a[0].value != in_b[0].value):
            first, second = in_a[0], in_b[0]
            conflicts.append(FactConflict(
                kind, first.text, second.text, first.value, second.value,
                f"different {'amounts' if kind == 'money' else 'percentages'}: "
                f"“{first.text}” against “{second.text}”"))
    return conflicts


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def readable_date(fact: Fact) -> str:
    """A date value in words: "13 May 2025", "April, year not given", "relative"."""
    year, month, day, precision = dates.parse_iso(fact.value)
    if precision == "relative":
        return "relative to an unknown publication date"
    if precision == "decade":
        return f"the {year}s"
    parts = [str(day)] if day else []
    if month:
        parts.append(_MONTH_NAMES[month - 1])
    text = " ".join(parts) + (f" {year}" if year else ", year not given")
    return f"{text}, counted from the publication date" if fact.relative else text
