"""Fact extraction on the seed story's real sentences: dates, amounts, names, conflicts."""

from __future__ import annotations

import pytest

from parallax.dates import compatible, find_dates
from parallax.facts import fact_conflicts, sentence_facts
from parallax.model import Fact, Story, StoryAnalysis
from parallax.quantities import find_quantities


def text_of(story: Story, article: str, sentence: str) -> str:
    return story.article(article).sentence(sentence).text


def dates_of(story: Story, article: str, sentence: str) -> list[tuple[str, str]]:
    art = story.article(article)
    return [(f.text, f.value) for f in find_dates(art.sentence(sentence).text, art.date)]


def test_absolute_dates_with_and_without_a_year(seed_story: Story) -> None:
    # sakshi-post is dated 2025-05-30, so a bare "May 13" is May 13 of 2025 ...
    assert dates_of(seed_story, "sakshi-post", "s3") == [("May 13", "2025-05-13")]
    # ... the undated rewrite keeps the day and month and does not invent a year ...
    assert dates_of(seed_story, "unattributed-000", "s4") == [("May 13", "--05-13")]
    # ... and a year written out is kept, even without a publication date.
    assert dates_of(seed_story, "unattributed-001", "s1") == [("May 30, 2025", "2025-05-30")]
    assert dates_of(seed_story, "unattributed-001", "s5") == [("earlier in May 2025", "2025-05")]


def test_relative_dates_resolve_against_the_article_date(seed_story: Story) -> None:
    # The article is dated Friday 2025-05-30: "on Friday" is that day, not a week before.
    first = find_dates(text_of(seed_story, "sakshi-post", "s1"), "2025-05-30")
    assert [(f.text, f.value, f.relative) for f in first] == [
        ("May 30", "2025-05-30", False), ("on Friday", "2025-05-30", True)]
    assert dates_of(seed_story, "sakshi-post", "s8") == [("earlier this month", "2025-05")]
    assert dates_of(seed_story, "sakshi-post", "s13") == [
        ("earlier this month", "2025-05"), ("this year", "2025")]
    assert dates_of(seed_story, "sakshi-post", "s14") == [
        ("May 5", "2025-05-05"), ("on Wednesday", "2025-05-28")]
    assert dates_of(seed_story, "unattributed-004", "s14") == [("Earlier in April", "2025-04")]


def test_relative_dates_without_a_publication_date_stay_relative(seed_story: Story) -> None:
    facts = find_dates(text_of(seed_story, "unattributed-000", "s14"), None)
    assert [(f.text, f.value, f.relative, f.unit) for f in facts] == [
        ("last month", "relative:last month", True, "relative")]
    assert dates_of(seed_story, "unattributed-000", "s2") == [("on Friday", "relative:friday")]


def test_decades_and_years(seed_story: Story) -> None:
    assert dates_of(seed_story, "sakshi-post", "s2") == [("the 1970s", "1970s")]
    assert dates_of(seed_story, "unattributed-004", "s6") == [("In 2024", "2024")]


def test_words_that_only_look_like_dates_are_not_dates(seed_story: Story) -> None:
    # "may" the verb, "26%" and "and now" are dates to dateparser's search_dates; not here.
    assert dates_of(seed_story, "unattributed-001", "s3") == []
    assert dates_of(seed_story, "eurasian-times", "s20") == []
    assert dates_of(seed_story, "sakshi-post", "s11") == []


def test_date_compatibility() -> None:
    assert compatible("2025-05-13", "--05-13") is True
    assert compatible("2025-05-13", "2025-05") is True
    assert compatible("--05-13", "--04") is False
    assert compatible("1970s", "1974") is True
    assert compatible("relative:friday", "2025-05-30") is None


def amounts(text: str) -> list[tuple[str, str, str, str]]:
    # Dates first, as `sentence_facts` does: the day of "April 22" is not a count.
    taken = [(f.start, f.end) for f in find_dates(text)]
    return [(f.kind, f.text, f.value, f.unit) for f in find_quantities(text, taken)]


def test_money_percent_and_counts(seed_story: Story) -> None:
    assert amounts(text_of(seed_story, "unattributed-004", "s12")) == [
        ("percent", "30%", "30", "%"), ("money", "$2.6 billion", "2600000000", "USD")]
    assert amounts(text_of(seed_story, "unattributed-004", "s6")) == [
        ("money", "$1 billion", "1000000000", "USD")]
    assert amounts(text_of(seed_story, "eurasian-times", "s20")) == [
        ("percent", "74%", "74", "%"), ("percent", "26%", "26", "%")]
    # A count keeps what is counted, up to the plural noun.
    assert amounts(text_of(seed_story, "sakshi-post", "s12")) == [
        ("number", "26 innocent civilians", "26", "innocent civilians")]
    assert amounts(text_of(seed_story, "unattributed-000", "s13")) == [
        ("number", "26 civilian lives", "26", "civilian lives")]
    assert amounts(text_of(seed_story, "sakshi-post", "s4")) == [
        ("number", "two officials", "2", "officials")]
    assert amounts(text_of(seed_story, "unattributed-004", "s11")) == [
        ("number", "700 acres", "700", "acres")]


def test_dates_are_not_counted_as_amounts(seed_story: Story) -> None:
    facts = sentence_facts(text_of(seed_story, "sakshi-post", "s12"), "2025-05-30")
    assert [(f.kind, f.text) for f in facts if f.kind in ("date", "number")] == [
        ("date", "April 22"), ("number", "26 innocent civilians")]


def names(facts: tuple[Fact, ...]) -> set[tuple[str, str]]:
    return {(f.kind, f.text) for f in facts if f.kind in ("person", "place", "organisation",
                                                          "name")}


def test_people_places_and_organisations(seed_analysis: StoryAnalysis) -> None:
    facts = {(sf.article, sf.sentence): sf.facts for sf in seed_analysis.facts}
    assert {("person", "Haroon Akhtar Khan"), ("person", "Denis Nazaroof"),
            ("place", "Islamabad")} <= names(facts[("sakshi-post", "s3")])
    # Titles are stripped from people: "Russian Deputy Foreign Minister Sergei Ryabkov".
    assert {("person", "Ishaq Dar"), ("person", "Sergei Ryabkov"),
            ("place", "Islamabad")} <= names(facts[("unattributed-004", "s4")])
    assert {("organisation", "International Monetary Fund"),
            ("organisation", "IMF")} <= names(facts[("sakshi-post", "s6")])
    assert ("organisation", "Zee News") in names(facts[("unattributed-004", "s18")])
    # A bare surname is typed by what the story says elsewhere.
    assert ("person", "Khan") in names(facts[("sakshi-post", "s5")])
    # Adjectives and sentence-initial capitals are not names.
    assert not any(f.text in ("Russian", "Pakistani", "South Asian", "Is Pakistan")
                   for sf in seed_analysis.facts for f in sf.facts)


MAY_13 = ("sakshi-post", "s3")
EARLIER_IN_APRIL = ("unattributed-004", "s14")


def test_conflicting_meeting_dates(seed_story: Story) -> None:
    conflicts = fact_conflicts(text_of(seed_story, *MAY_13), text_of(seed_story, *EARLIER_IN_APRIL))
    assert [(c.kind, c.a, c.b) for c in conflicts] == [("date", "May 13", "Earlier in April")]
    # Resolved against the publication dates, the values say the same.
    dated = fact_conflicts(text_of(seed_story, *MAY_13), text_of(seed_story, *EARLIER_IN_APRIL),
                           "2025-05-30", "2025-05-30")
    assert [(c.value_a, c.value_b) for c in dated] == [("2025-05-13", "2025-04")]


def test_agreeing_dates_are_no_conflict(seed_story: Story) -> None:
    assert fact_conflicts(text_of(seed_story, *MAY_13),
                          text_of(seed_story, "unattributed-000", "s4")) == ()
    # "on Friday" in an undated article cannot be compared: silence, not a conflict.
    assert fact_conflicts(text_of(seed_story, "unattributed-000", "s2"),
                          text_of(seed_story, "unattributed-001", "s1")) == ()


def test_counts_conflict_only_when_they_count_the_same_thing(seed_story: Story) -> None:
    sakshi = text_of(seed_story, "sakshi-post", "s12")
    altered = sakshi.replace("26 innocent civilians", "25 innocent civilians")
    conflicts = fact_conflicts(sakshi, altered)
    assert [(c.kind, c.value_a, c.value_b) for c in conflicts] == [("number", "26", "25")]
    # "26 innocent civilians" and "26 civilian lives" agree.
    assert fact_conflicts(sakshi, text_of(seed_story, "unattributed-000", "s13")) == ()
    # One text silent on the count (unattributed-001 gives no death toll): no conflict.
    assert fact_conflicts(sakshi, text_of(seed_story, "unattributed-001", "s7")) == ()


@pytest.mark.parametrize(("a", "b"), [
    ("trade reached $1 billion", "trade reached $1.2 billion"),
    ("slash steel imports by 30%", "slash steel imports by 40%"),
])
def test_single_amounts_conflict(a: str, b: str) -> None:
    assert len(fact_conflicts(a, b)) == 1


def test_facts_point_at_their_text(seed_analysis: StoryAnalysis) -> None:
    story = seed_analysis.story
    assert seed_analysis.facts
    for entry in seed_analysis.facts:
        text = story.article(entry.article).sentence(entry.sentence).text
        for fact in entry.facts:
            assert text[fact.start:fact.end] == fact.text
