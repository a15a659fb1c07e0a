"""Sentence alignment on the seed story's real text."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from parallax.analysis.alignment import pairwise
from parallax.analysis.alignment.pairwise import NEAREST, _Evidence, align_pair
from parallax.model import Row, Story, StoryAnalysis
from parallax.nlp.samefact import SameFact
from parallax.nlp.semantic import MeaningSpace
from parallax.nlp.text import fold


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


@pytest.mark.slow
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


def test_long_article_candidates_give_the_rows_of_every_pair(seed_analysis: StoryAnalysis) -> None:
    # Long articles weigh only each sentence's nearest in meaning and pairs sharing rare words;
    # on the seed's ten real pairs that finds every row that weighing every pair finds.
    story = seed_analysis.story
    meaning = MeaningSpace(s.text for a in story.articles for s in a.sentences)
    for pair in seed_analysis.pairs:
        first, second = story.article(pair.a), story.article(pair.b)
        every = align_pair(first, second, SameFact(meaning), every_pair=True)
        candidates = align_pair(first, second, SameFact(meaning), every_pair=False)
        assert candidates.rows == every.rows == _undiffed(pair.rows), pair.slug


def test_long_article_weighs_a_few_pairs_per_sentence(seed_story: Story) -> None:
    # Every seed sentence against a reordered copy of the story: near-linear, not m x n.
    texts = [s.text for a in seed_story.articles for s in a.sentences]
    copy = texts[len(texts) // 2:] + texts[: len(texts) // 2]
    decide = SameFact(MeaningSpace([*texts]))
    evidence = _Evidence(texts, copy, decide, every_pair=False)
    weighed = len(evidence._p)
    assert weighed <= 4 * NEAREST * (len(texts) + len(copy)) < len(texts) * len(copy)
    # A copied sentence's counterpart is found however far it moved.
    assert all(evidence.closest("a", i) == (i - len(texts) // 2) % len(texts) or
               texts[evidence.closest("a", i)] == texts[i] for i in range(len(texts)))


@pytest.mark.parametrize("block", [1, 3, 256])
def test_nearest_lists_are_exact_with_ties(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Few distinct values, so ties are common; the closest first, the lower index among equals.
    rnd = np.random.default_rng(5)
    rows = rnd.integers(0, 3, size=(17, 4)).astype(np.float64)
    columns = rnd.integers(0, 3, size=(11, 4)).astype(np.float64)
    monkeypatch.setattr(pairwise, "BLOCK", block)
    for depth in (1, 4, 11, 20):
        ids, values = pairwise._nearest(rows, columns, depth)
        full = np.round(rows @ columns.T, 6)
        for k in range(len(rows)):
            expected = sorted(range(len(columns)), key=lambda j: (-full[k, j], j))[:depth]
            assert ids[k].tolist() == expected
            assert values[k].tolist() == [full[k, j] for j in expected]


def _undiffed(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """Rows as the aligner makes them (the analysis adds their word diffs afterwards)."""
    return tuple(replace(row, diff=None) for row in rows)
