"""Facts per sentence (dates, amounts, names) and conflicts between two texts' facts.

`story_facts` reads every sentence of a story: dates first (so "May 13" is never a count or a
person), then amounts, then names, typed with what the whole story says about each name.
`fact_conflicts` compares two texts about the same thing and says where they state different
values; it is kept precise (a value one text leaves out, or one that cannot be compared, such
as "on Friday" in an undated article of a story without a date, is never a conflict).

An undated article's relative dates ("last month") and years ("May 13") are counted from the
story's date and marked `story_dated`; a conflict that rests on such a date is still reported,
but its reason says so, since an undated article may be older than the story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import dates
from .entities import StoryNames, find_entities
from .model import Fact, FactConflict, SentenceFacts, Story
from .quantities import find_quantities, same_thing

AMOUNT_KINDS = ("number", "money", "percent")
NAME_KINDS = ("person", "place", "organisation", "name")


def sentence_facts(
    text: str,
    published: str | None = None,
    names: StoryNames | None = None,
    story_date: str | None = None,
) -> tuple[Fact, ...]:
    """Every fact of one sentence, in reading order; `story_date` dates an undated article."""
    found_dates = dates.find_dates(text, published, story_date)
    taken = [(f.start, f.end) for f in found_dates]
    amounts = find_quantities(text, taken)
    taken += [(f.start, f.end) for f in amounts]
    entities = find_entities(text, names, taken)
    return tuple(sorted((*found_dates, *amounts, *entities), key=lambda f: (f.start, f.end)))


def story_names(story: Story) -> StoryNames:
    """What the whole story says about names: the typed names each sentence gives on its own,
    and the words it writes in lower case. Built once per story and shared by its facts and
    quotes, so a name is typed the same on every page."""
    names = StoryNames()
    for article in story.articles:
        for sentence in article.sentences:
            names.learn(sentence_facts(sentence.text, article.date, story_date=story.date))
            names.learn_words(sentence.text)
    return names


def story_facts(story: Story, names: StoryNames | None = None) -> tuple[SentenceFacts, ...]:
    """Facts of every sentence of a story; names are typed with the whole story in view
    (`names`: the story's `story_names`, built here when not given)."""
    if names is None:
        names = story_names(story)
    result = []
    for article in story.articles:
        for sentence in article.sentences:
            facts = sentence_facts(sentence.text, article.date, names, story.date)
            if facts:
                result.append(SentenceFacts(article.id, sentence.id, facts))
    return tuple(result)


def fact_conflicts(
    text_a: str,
    text_b: str,
    published_a: str | None = None,
    published_b: str | None = None,
    story_date: str | None = None,
) -> tuple[FactConflict, ...]:
    """Where two texts about the same thing state different values for one kind of fact.

    Dates conflict when each text has a date that no date of the other can match ("on May
    13" vs "earlier in April"); counts when they count the same noun differently ("26
    civilians" vs "25 civilians"); money and percentages when each text has exactly one and
    they differ. Empty when the texts agree or one is silent. A text without a publication
    date has its dates counted from `story_date`, if given, and the reason says so.
    """
    facts_a = sentence_facts(text_a, published_a, story_date=story_date)
    facts_b = sentence_facts(text_b, published_b, story_date=story_date)
    return conflicts_between(facts_a, facts_b)


def story_fact_check(story: Story) -> Callable[[str, str], tuple[FactConflict, ...]]:
    """`fact_conflicts` for the claim matrix of one story: (claim, sentence) → conflicts.

    The claim is read as of the story's date (its maintainer wrote it for this story); the
    sentence as of its article's date, or the story's date if the article is undated, exactly
    as `story_facts` reads it, so a cell's note and the discrepancies page say the same date.
    """
    dated: dict[str, set[str | None]] = {}
    for article in story.articles:
        for sentence in article.sentences:
            dated.setdefault(sentence.text, set()).add(article.date)

    def check(claim: str, sentence: str) -> tuple[FactConflict, ...]:
        published = dated.get(sentence, {None})
        # The same words in articles of different dates: no one reference date to count from.
        story_date = story.date if len(published) == 1 else None
        article_date = next(iter(published)) if len(published) == 1 else None
        return fact_conflicts(claim, sentence, story.date, article_date, story_date)

    return check


def conflicts_between(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> tuple[FactConflict, ...]:
    """`fact_conflicts` on facts already extracted."""
    return (*_date_conflicts(facts_a, facts_b), *_count_conflicts(facts_a, facts_b),
            *_single_amount_conflicts(facts_a, facts_b))


def dates_compatible(first: Fact, second: Fact) -> bool | None:
    """Whether two date facts can name the same day; None when they cannot be compared.

    Two relative dates that were both counted from the story's date (two undated articles)
    may count from different days: as with unresolved ones, only the same words agree.
    """
    if first.story_dated and second.story_dated and first.relative and second.relative:
        return True if dates.same_phrase(first.text, second.text) else None
    return dates.compatible(first.value, second.value)


def precise(fact: Fact) -> bool:
    """A date to the day or the month, as against a year, a decade or an unresolved phrase."""
    return fact.unit in ("day", "month")


def _date_conflicts(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[FactConflict]:
    in_a = [f for f in facts_a if f.kind == "date"]
    in_b = [f for f in facts_b if f.kind == "date"]

    def unmatched(mine: list[Fact], theirs: list[Fact]) -> list[Fact]:
        # A date that cannot be compared (None) counts as matched: no evidence, no conflict.
        # A day or month is matched by a day or month where the other text has one: "this
        # year" (a planned visit) says nothing of when a call was "last month".
        fine = [g for g in theirs if precise(g)]
        return [f for f in mine
                if all(dates_compatible(f, g) is False for g in (fine if precise(f) and fine
                                                                 else theirs))]

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
    """A date value in words: "13 May 2025", "April, year not given", "relative"; a date
    counted from the story's date says so."""
    year, month, day, precision = dates.parse_iso(fact.value)
    if precision == "relative":
        return "relative to an unknown publication date"
    if precision == "decade":
        return f"the {year}s"
    parts = [str(day)] if day else []
    if month:
        parts.append(_MONTH_NAMES[month - 1])
    text = " ".join(parts) + (f" {year}" if year else ", year not given")
    if fact.story_dated:
        counted = "counted" if fact.relative else "year taken"
        return f"{text}, {counted} from the story's date as the article is undated"
    return f"{text}, counted from the publication date" if fact.relative else text
