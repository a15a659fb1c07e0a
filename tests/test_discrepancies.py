"""Discrepancies across the seed story's outlets: the named cases, and every value anchored."""

from __future__ import annotations

import dataclasses

from parallax.analyze import analyze
from parallax.model import Discrepancy, Story, StoryAnalysis


def by_kind(analysis: StoryAnalysis, kind: str) -> list[Discrepancy]:
    return [d for d in analysis.discrepancies if d.kind == kind]


def said(discrepancy: Discrepancy) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(v.article, v.value, v.sentences) for v in discrepancy.values}


def test_meeting_date_may_13_against_earlier_in_april(seed_analysis: StoryAnalysis) -> None:
    dates = [d for d in by_kind(seed_analysis, "date") if "Nazaroof" in d.topic]
    assert len(dates) == 1
    assert said(dates[0]) == {
        ("sakshi-post", "May 13", ("s3",)),
        ("unattributed-000", "May 13", ("s4",)),
        ("unattributed-004", "Earlier in April", ("s14",)),
    }
    assert "Khan" in dates[0].topic and "Nazaroof" in dates[0].topic
    assert "April 2025" in dates[0].explanation
    # Sakshi Post dates "May 13" itself: its reading is shown, with no story-date caveat.
    assert "(13 May 2025)" in dates[0].explanation


def test_putin_call_this_month_against_last_month(seed_analysis: StoryAnalysis) -> None:
    # Sakshi Post (dated 30 May) has Putin's call with Modi "earlier this month"; undated
    # unattributed-000 says "last month", counted from the story's date, and says so.
    calls = [d for d in by_kind(seed_analysis, "date") if "Putin" in d.topic]
    assert len(calls) == 1
    assert said(calls[0]) == {
        ("sakshi-post", "earlier this month", ("s13",)),
        ("unattributed-000", "last month", ("s14",)),
    }
    assert "story's date as the article is undated" in calls[0].explanation
    assert "may agree" in calls[0].explanation
    assert len(by_kind(seed_analysis, "date")) == 2


def test_the_older_undated_article_raises_no_fact_conflict(seed_analysis: StoryAnalysis) -> None:
    # The EurAsian Times piece is older and about other events (Lavrov's visit): its
    # sentences align with nothing that states a date or figure, so nothing is flagged.
    for discrepancy in seed_analysis.discrepancies:
        if discrepancy.kind != "name":
            assert all(v.article != "eurasian-times" for v in discrepancy.values)


def with_sentence(story: Story, article_id: str, sentence_id: str, old: str, new: str) -> Story:
    articles = []
    for article in story.articles:
        if article.id == article_id:
            sentences = tuple(
                dataclasses.replace(s, text=s.text.replace(old, new)) if s.id == sentence_id
                else s for s in article.sentences)
            article = dataclasses.replace(article, sentences=sentences)
        articles.append(article)
    return dataclasses.replace(story, articles=tuple(articles))


def test_a_conflicting_figure_is_not_also_left_out(seed_story: Story) -> None:
    # unattributed-000 altered to 25 deaths: 26 against 25 is one number conflict; the
    # figure is not also a "left out" row (unattributed-001 gives no toll).
    story = with_sentence(seed_story, "unattributed-000", "s13", "26 civilian lives",
                          "25 civilian lives")
    analysis = analyze(story)
    numbers = by_kind(analysis, "number")
    assert [said(d) for d in numbers] == [{
        ("sakshi-post", "26 innocent civilians", ("s12",)),
        ("unattributed-000", "25 civilian lives", ("s13",)),
    }]
    assert not any(v.value for d in by_kind(analysis, "presence") for v in d.values
                   if "civilian" in v.value)


def test_death_toll_present_in_two_outlets_absent_in_one(seed_analysis: StoryAnalysis) -> None:
    presence = by_kind(seed_analysis, "presence")
    assert len(presence) == 1
    assert said(presence[0]) == {
        ("sakshi-post", "26 innocent civilians", ("s12",)),
        ("unattributed-000", "26 civilian lives", ("s13",)),
        ("unattributed-001", "", ("s7",)),  # the matching Pahalgam sentence, without a toll
    }
    assert "left out" in presence[0].explanation


def test_name_spelt_two_ways(seed_analysis: StoryAnalysis) -> None:
    names = by_kind(seed_analysis, "name")
    assert [sorted(v.value for v in d.values) for d in names] == [["Sergey Lavrov",
                                                                  "Sergy Lavrov"]]
    # Different people with similar names are not spellings of one name.
    assert not any("Ryabkov" in v.value for d in names for v in d.values)


def test_every_value_is_verbatim_in_its_sentences(seed_analysis: StoryAnalysis) -> None:
    story = seed_analysis.story
    assert seed_analysis.discrepancies
    for discrepancy in seed_analysis.discrepancies:
        assert len({v.article for v in discrepancy.values}) >= 1
        for value in discrepancy.values:
            article = story.article(value.article)
            texts = [article.sentence(s).text for s in value.sentences]
            assert texts
            if value.value:
                assert all(value.value in t for t in texts), (discrepancy.id, value)


def test_ids_are_sequential_and_stable(seed_analysis: StoryAnalysis) -> None:
    ids = [d.id for d in seed_analysis.discrepancies]
    assert ids == [f"discrepancy-{n}" for n in range(1, len(ids) + 1)]
