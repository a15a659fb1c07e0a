"""Discrepancies across the seed story's outlets: the named cases, and every value anchored."""

from __future__ import annotations

from parallax.model import Discrepancy, StoryAnalysis


def by_kind(analysis: StoryAnalysis, kind: str) -> list[Discrepancy]:
    return [d for d in analysis.discrepancies if d.kind == kind]


def said(discrepancy: Discrepancy) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(v.article, v.value, v.sentences) for v in discrepancy.values}


def test_meeting_date_may_13_against_earlier_in_april(seed_analysis: StoryAnalysis) -> None:
    dates = by_kind(seed_analysis, "date")
    assert len(dates) == 1
    assert said(dates[0]) == {
        ("sakshi-post", "May 13", ("s3",)),
        ("unattributed-000", "May 13", ("s4",)),
        ("unattributed-004", "Earlier in April", ("s14",)),
    }
    assert "Khan" in dates[0].topic and "Nazaroof" in dates[0].topic
    assert "April 2025" in dates[0].explanation


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
