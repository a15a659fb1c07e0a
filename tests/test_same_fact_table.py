"""The same-fact feature table is computed for all pairs at once: it must give, bit for bit,
what the decision's features were when read one pair at a time (the site depends on them)."""

from __future__ import annotations

import difflib
import math

from parallax.model import Story
from parallax.nlp.samefact import COLUMNS_FROM, FEATURES, ORDER, Profile, SameFact, feature_table

# The shared-item features of one pair, as first written with Python sets: the reference.
_SETWISE = ("word_dice", "word_containment", "bigram_dice", "length_ratio", "number_mismatch",
            "number_conflict", "name_mismatch", "negation_mismatch", "word_order",
            "bigram_precision", "trigram_precision", "length_gap")


def _precision(grams: dict[tuple[str, ...], int], others: dict[tuple[str, ...], int]) -> float:
    total = sum(grams.values())
    return sum(grams[g] for g in grams.keys() & others.keys()) / total if total else 0.0


def _setwise(p: Profile, q: Profile) -> list[float]:
    shared = len(p.content & q.content)
    sizes = len(p.content) + len(q.content)
    bigram_sizes = len(p.bigrams) + len(q.bigrams)
    numbers, names = p.numbers | q.numbers, p.names | q.names
    total = len(p.stems) + len(q.stems)
    in_order = sum(min(p.stem_counts[s], q.stem_counts[s])
                   for s in p.stem_counts.keys() & q.stem_counts.keys())
    return [
        2 * shared / sizes if sizes else 0.0,
        shared / (min(len(p.content), len(q.content)) or 1),
        2 * len(p.bigrams & q.bigrams) / bigram_sizes if bigram_sizes else 0.0,
        min(p.content_count, q.content_count) / (max(p.content_count, q.content_count) or 1),
        len(p.numbers ^ q.numbers) / len(numbers) if numbers else 0.0,
        float(bool(p.numbers) and bool(q.numbers) and p.numbers != q.numbers),
        len(p.names ^ q.names) / len(names) if names else 0.0,
        float(p.negated != q.negated),
        2.0 * in_order / total if total else 1.0,
        (_precision(p.grams2, q.grams2) + _precision(q.grams2, p.grams2)) / 2,
        (_precision(p.grams3, q.grams3) + _precision(q.grams3, p.grams3)) / 2,
        math.log1p(abs(p.word_count - q.word_count)),
    ]


def test_feature_table_matches_the_pairwise_reference(seed_story: Story) -> None:
    decide = SameFact()
    articles = [[decide.profile(s.text) for s in a.sentences] for a in seed_story.articles]
    columns = [FEATURES.index(name) for name in _SETWISE]
    compared = 0
    for first in articles:
        for second in articles:
            assert len(first) * len(second) >= COLUMNS_FROM  # the column-wise way
            table = feature_table(first, second)
            assert table.shape == (len(first), len(second), len(FEATURES))
            for i, p in enumerate(first):
                for j, q in enumerate(second):
                    assert table[i, j, columns].tolist() == _setwise(p, q), (i, j)
                    compared += 1
    assert compared > 1000  # the seed story's five articles, every sentence pair


def test_a_lone_pair_gets_what_it_gets_in_a_table(seed_story: Story) -> None:
    # The pair-by-pair way; only the counted features: BLAS may round a cosine's last bit
    # differently by the shape of the product.
    decide = SameFact()
    ps = [decide.profile(s.text) for s in seed_story.articles[0].sentences]
    qs = [decide.profile(s.text) for s in seed_story.articles[1].sentences]
    table = feature_table(ps, qs)
    columns = [FEATURES.index(name) for name in _SETWISE if name != "word_order"]
    for i, p in enumerate(ps):
        for j, q in enumerate(qs):
            alone = feature_table([p], [q])[0, 0]
            assert alone[columns].tolist() == table[i, j, columns].tolist()
            assert alone[columns].tolist() == [v for name, v in zip(_SETWISE, _setwise(p, q),
                                                                    strict=True)
                                               if name != "word_order"]
            assert alone[ORDER] == difflib.SequenceMatcher(None, p.stems, q.stems,
                                                           autojunk=False).ratio()
    every = [FEATURES.index(name) for name in _SETWISE]
    for i, p in enumerate(ps):  # a row against a few: pair by pair, with the word-order bound
        few = feature_table([p], qs[:5])
        for j, q in enumerate(qs[:5]):
            assert few[0, j, every].tolist() == _setwise(p, q) == table[i, j, every].tolist()
