"""Sentence alignment on the seed story's real text."""

from __future__ import annotations

from parallax.model import StoryAnalysis
from parallax.text import fold


def _pair_text(analysis: StoryAnalysis, a: str, b: str) -> list[tuple[str, str, str]]:
    story = analysis.story
    pair = analysis.pair(a, b)
    first, second = story.article(pair.a), story.article(pair.b)
    return [
        (row.op,
         " ".join(first.sentence(i).text for i in row.a),
         " ".join(second.sentence(j).text for j in row.b))
        for row in pair.rows
    ]


def test_ians_rewrites_have_matching_sentences_side_by_side(seed_analysis: StoryAnalysis) -> None:
    rows = _pair_text(seed_analysis, "sakshi-post", "unattributed-000")
    aligned = [(a, b) for op, a, b in rows if op in ("equal", "replace")]
    # The same facts, reworded by two outlets, must sit in one row each.
    expected = [
        ("rubbished \"fake reports\"", "outrightly dismissed what it called \"fake reports\""),
        ("Denis Nazaroof held in Islamabad on May 13", "meeting on May 13 at Islamabad"),
        ("agreed to form a joint working group", "decided to have a joint working group"),
        ("a secure and thriving hub for investment", "a safe and vibrant center for investment"),
        ("slammed reports which claimed", "rubbished allegations of any agreed or concrete deal"),
        ("An exaggerated news from someone", "This looks like an overblown report"),
        ("exclusive interview with IANS", "recent interview with IANS"),
    ]
    for in_a, in_b in expected:
        found = any(fold(in_a) in fold(a) and fold(in_b) in fold(b) for a, b in aligned)
        assert found, (in_a, in_b)


def test_ians_rewrites_are_the_most_similar_pair(seed_analysis: StoryAnalysis) -> None:
    best = max(seed_analysis.pairs, key=lambda p: p.similarity)
    assert {best.a, best.b} == {"sakshi-post", "unattributed-000"}
    assert best.similarity > 0.3


def test_older_related_piece_is_least_similar(seed_analysis: StoryAnalysis) -> None:
    def mean_similarity(article: str) -> float:
        scores = [p.similarity for p in seed_analysis.pairs if article in (p.a, p.b)]
        return sum(scores) / len(scores)

    others = [a.id for a in seed_analysis.story.articles if a.id != "eurasian-times"]
    assert all(mean_similarity("eurasian-times") < mean_similarity(o) for o in others)


def test_rows_list_every_sentence_once_in_order(seed_analysis: StoryAnalysis) -> None:
    story = seed_analysis.story
    for pair in seed_analysis.pairs:
        a_ids = [i for row in pair.rows for i in row.a]
        b_ids = [j for row in pair.rows for j in row.b]
        assert a_ids == [s.id for s in story.article(pair.a).sentences]
        assert b_ids == [s.id for s in story.article(pair.b).sentences]
