"""Fact extraction on the seed story's real sentences: dates, amounts, names, conflicts."""

from __future__ import annotations

import pytest

from parallax.analysis.facts.sentence_facts import fact_conflicts, sentence_facts, story_fact_check
from parallax.model import Fact, Story, StoryAnalysis
from parallax.nlp.dates import compatible, find_dates
from parallax.nlp.entities import StoryNames, find_entities, is_place_name
from parallax.nlp.quantities import find_quantities, overlap
from parallax.render.wording import (
    cell_note,
    discrepancy_explanation,
    discrepancy_topic,
    fact_conflict,
)


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


def test_undated_articles_count_from_the_story_date(seed_story: Story) -> None:
    # unattributed-000 has no date; the story is dated 2025-05-30. Its "last month" and the
    # year of its "May 13" come from the story's date, and are marked as a guess.
    story_date = seed_story.date
    assert story_date == "2025-05-30"
    last_month = find_dates(text_of(seed_story, "unattributed-000", "s14"), None, story_date)
    assert [(f.text, f.value, f.relative, f.story_dated) for f in last_month] == [
        ("last month", "2025-04", True, True)]
    may_13 = find_dates(text_of(seed_story, "unattributed-000", "s4"), None, story_date)
    assert [(f.value, f.relative, f.story_dated) for f in may_13] == [("2025-05-13", False, True)]
    # A year written out, or a decade, owes nothing to the story's date.
    written = find_dates(text_of(seed_story, "unattributed-001", "s1"), None, story_date)
    assert [(f.value, f.story_dated) for f in written] == [("2025-05-30", False)]
    decade = find_dates(text_of(seed_story, "unattributed-000", "s3"), None, story_date)
    assert [(f.value, f.story_dated) for f in decade] == [("1970s", False)]
    # A dated article keeps its own date: the story's is only a fallback.
    dated = find_dates(text_of(seed_story, "sakshi-post", "s13"), "2025-05-30", "2024-01-01")
    assert [(f.value, f.story_dated) for f in dated] == [("2025-05", False), ("2025", False)]


def test_decades_and_years(seed_story: Story) -> None:
    assert dates_of(seed_story, "sakshi-post", "s2") == [("the 1970s", "1970s")]
    assert dates_of(seed_story, "unattributed-004", "s6") == [("2024", "2024")]


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
        ("percent", "30%", "30", "%"), ("money", "up to $2.6 billion", "2600000000", "USD")]
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


def test_a_title_and_its_complement_are_not_names(seed_analysis: StoryAnalysis) -> None:
    facts = {(sf.article, sf.sentence): sf.facts for sf in seed_analysis.facts}
    # "Russian Deputy Minister of Industry and Trade Aleksei Gruzdev and Pakistan’s Minister
    # for Industries and Production, Rana Tanveer": two people, two portfolios.
    found = names(facts[("unattributed-004", "s13")])
    assert {("person", "Aleksei Gruzdev"), ("person", "Rana Tanveer")} <= found
    assert not {t for _, t in found} & {"Industry", "Trade Aleksei Gruzdev", "Industries",
                                        "Production"}


def test_people_by_speech_verb_and_by_shared_surname(seed_analysis: StoryAnalysis) -> None:
    facts = {(sf.article, sf.sentence): sf.facts for sf in seed_analysis.facts}
    # "… deputy chief of mission Roman Babushkin said – …": a first and last name that speaks.
    assert ("person", "Roman Babushkin") in names(facts[("eurasian-times", "s11")])
    # "Sergy Lavrov visited Islamabad": the surname of Sergey Lavrov, named with his title.
    assert ("person", "Sergy Lavrov") in names(facts[("eurasian-times", "s2")])


def test_countries_and_capitals_are_places(seed_analysis: StoryAnalysis) -> None:
    facts = {(sf.article, sf.sentence): sf.facts for sf in seed_analysis.facts}
    # "… balance its ties with India and China and one way of keeping Beijing happy …"
    assert {("place", "China"), ("place", "Beijing")} <= names(
        facts[("eurasian-times", "s18")])
    assert is_place_name("russian federation") and is_place_name("new delhi")
    # "India-Russia relations": a pair of places used as an adjective, not a name.
    assert not any(f.text in ("India-Russia", "China-Russia", "Pakistan-Russia")
                   for sf in seed_analysis.facts for f in sf.facts)


def test_common_nouns_in_capitals_are_not_names(seed_story: Story,
                                                seed_analysis: StoryAnalysis) -> None:
    facts = {(sf.article, sf.sentence): sf.facts for sf in seed_analysis.facts}
    # "countered the Blank Cheque claims": the story also writes "a blank cheque".
    assert not any(t == "Blank Cheque" for _, t in names(facts[("eurasian-times", "s6")]))
    # "the long-standing Special and Privileged Strategic Partnership": "special" is common.
    assert not any(t == "Special" for _, t in names(facts[("unattributed-001", "s4")]))
    # Without the story's words in view the same sentence still yields a name: it is the
    # story, not a word list, that says "blank cheque" is a common noun.
    text = text_of(seed_story, "eurasian-times", "s6")
    assert ("name", "Blank Cheque") in names(find_entities(text))
    story_names = StoryNames()
    story_names.learn_words(text)  # "… getting a blank cheque from Moscow …"
    assert ("name", "Blank Cheque") not in names(find_entities(text, story_names))
    # Proper names stay: "Pakistan-occupied Kashmir", "Soviet Union" after "then-".
    assert ("name", "Pakistan-occupied Kashmir") in names(facts[("unattributed-000", "s9")])
    assert ("organisation", "Soviet Union") in names(facts[("unattributed-000", "s3")])


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


PUTIN_CALL_THIS_MONTH = ("sakshi-post", "s13")  # dated 2025-05-30: "earlier this month"
PUTIN_CALL_LAST_MONTH = ("unattributed-000", "s14")  # undated: "last month"


def test_a_conflict_resting_on_the_story_date_says_so(seed_story: Story) -> None:
    this_month = text_of(seed_story, *PUTIN_CALL_THIS_MONTH)
    last_month = text_of(seed_story, *PUTIN_CALL_LAST_MONTH)
    # Without a reference date for the undated article, "last month" cannot be compared.
    assert fact_conflicts(this_month, last_month, "2025-05-30", None) == ()
    conflicts = fact_conflicts(this_month, last_month, "2025-05-30", None, seed_story.date)
    # "this year" (Putin's planned visit) is no match for "last month" (the call).
    assert [(c.kind, c.a, c.b, c.value_a, c.value_b) for c in conflicts] == [
        ("date", "earlier this month", "last month", "2025-05", "2025-04")]
    assert "counted from the story's date as the article is undated" in fact_conflict(conflicts[0])


def test_two_undated_relative_dates_compare_only_as_words(seed_story: Story) -> None:
    # Two undated articles may count "last month" from different days: no conflict between
    # different phrases, even though both were resolved against the story's date.
    last_month = text_of(seed_story, *PUTIN_CALL_LAST_MONTH)
    this_month = last_month.replace("last month", "earlier this month")
    assert fact_conflicts(last_month, this_month, None, None, seed_story.date) == ()
    # A resolved "on Friday" agrees with the written-out "May 30, 2025".
    assert fact_conflicts(text_of(seed_story, "unattributed-000", "s2"),
                          text_of(seed_story, "unattributed-001", "s1"),
                          None, None, seed_story.date) == ()


def test_the_claim_matrix_reads_dates_as_the_discrepancy_page(
    seed_story: Story, seed_analysis: StoryAnalysis
) -> None:
    claim = next(c for c in seed_story.claims if c.id == "meeting-on-may-13")
    check = story_fact_check(seed_story)
    conflicts = check(claim.text, text_of(seed_story, *EARLIER_IN_APRIL))
    assert [(c.value_a, c.value_b) for c in conflicts] == [("2025-05-13", "2025-04")]
    row = next(r for r in seed_analysis.claims if r.id == "meeting-on-may-13")
    note = cell_note(dict(row.cells)["unattributed-004"]) or ""
    assert "(April 2025, year not written)" in note and "year not given" not in note
    page = next(d for d in seed_analysis.discrepancies if d.kind == "date"
                and "Nazaroof" in discrepancy_topic(d))
    assert "(April 2025, year not written)" in discrepancy_explanation(page)


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


def quantities_in(text: str) -> list[Fact]:
    taken = [(f.start, f.end) for f in find_dates(text)]
    return list(find_quantities(text, taken))


# Real sentences of the public corpus (BASIL): the NYT and HuffPost on Wal-Mart, Fox, HuffPost
# and the NYT on the Hunter indictment, Fox on Ferguson.
WALMART_NYT = ("For now, the question in the case, Wal-Mart Stores v. Dukes, No. 10-277, is "
               "whether hundreds of thousands of female workers have enough in common to join "
               "together in a single lawsuit.")
WALMART_HUFFPOST = ("Estimates of how many women could be included in the lawsuit run from "
                    "500,000 to 1.6 million.")
HUNTER_NYT = ("Beyond the family vacations and private school tuition, the indictment said "
              "expenses included dental work, theater tickets, and domestic and international "
              "travel for almost a dozen relatives, as well as “tens of thousands of dollars on "
              "smaller purchases")
HOLDER_FOX = ("Outside the St. Louis County Justice Center, where the grand jury convened, two "
              "dozen protesters gathered in a circle for a prayer, chanted and held signs.")


def test_counts_in_words_are_ranges() -> None:
    workers = quantities_in(WALMART_NYT)
    assert [(f.text, f.unit, f.low, f.high) for f in workers] == [
        ("hundreds of thousands of female workers", "female workers", "200000", "999999")]
    half_million, top = quantities_in(WALMART_HUFFPOST)
    assert (half_million.value, top.value) == ("500000", "1600000")
    # "hundreds of thousands" is compared with figures: 500,000 can be it, 1.6 million not.
    assert overlap(workers[0], half_million) and not overlap(workers[0], top)
    relatives, dollars = quantities_in(HUNTER_NYT)
    assert (relatives.text, relatives.value, relatives.low, relatives.high) == (
        "almost a dozen relatives", "12", "10.2", "12")
    assert (dollars.kind, dollars.unit, dollars.low, dollars.high) == ("money", "USD", "20000",
                                                                       "99999")
    assert [(f.text, f.value) for f in quantities_in(HOLDER_FOX)] == [
        ("two dozen protesters", "24")]


def test_round_figures_and_their_modifiers() -> None:
    # "$250,000" is a round figure; "more than $250,000" can be it; "1.5 million" is not
    # "up to 1.6 million".
    fox = quantities_in("Rep. Duncan Hunter and his wife were indicted on charges of "
                        "illegally converting $250,000 in campaign funds.")[0]
    nyt = quantities_in("They are charged with converting more than $250,000 in campaign "
                        "funds to pay for personal expenses.")[0]
    assert (fox.low, fox.high, nyt.low, nyt.high) == ("245100", "254900", "245100", "")
    assert overlap(fox, nyt)
    women = quantities_in("the sex discrimination lawsuit that covers 1.5 million women")[0]
    upper = quantities_in("a massive sex discrimination lawsuit against Wal-Mart on behalf of "
                          "up to 1.6 million women")[0]
    assert not overlap(women, upper)
    # Exact small figures: a 48-page indictment is not a 47-page one; a compound counts the
    # unit of what follows it.
    pages = quantities_in("In a 48-page indictment released by the Justice Department")[0]
    assert (pages.text, pages.unit, pages.value) == ("48-page indictment", "page indictment",
                                                     "48")
