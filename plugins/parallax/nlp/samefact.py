"""Do two sentences state the same fact? A small trained decision over meaning and wording.

A cosine of sentence vectors alone cannot tell "same fact" from "same topic": sentences of one
story all sit close together. So the decision combines signals, each cheap and explainable:

- meaning: the cosine of the two sentence vectors (`encoder.py`), and a soft word match (each
  content word's closest word on the other side, by the same model's word vectors, so "secure"
  meets "safe" and "hub" meets "center"), read both ways;
- wording: shared content stems (Dice, and containment in the shorter), shared stem bigrams and
  trigrams, word order (difflib's ratio over the stem sequences);
- what must agree: numbers and names one side has and the other lacks, a negation on one side;
- length: the ratio and the gap, and how many content words have no counterpart at all.

A logistic regression weighs them. Its weights (`weights/same_fact.json`, a few hundred bytes)
are learnt by `tools/train_same_fact.py` from the training split of the Microsoft Research
Paraphrase Corpus — news sentences judged by people as saying the same thing or not — and
applied here with numpy. `bench/paraphrase.py` scores it on the corpus's test split.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from cydifflib import SequenceMatcher

from .encoder import SentenceEncoder
from .lexicon import SAME_FACT_NEGATIONS, STOPWORDS
from .linear import LinearModel
from .memo import per_story
from .semantic import MeaningSpace
from .text import stem, words

WEIGHTS = Path(__file__).parent / "weights" / "same_fact.json"

# Each feature with the sign its weight must have: agreement can only raise p(same fact), a
# mismatch can only lower it (see linear.py for why the trainer enforces this).
SIGNED_FEATURES = (
    ("embedding_cosine", +1), ("word_dice", +1), ("word_containment", +1), ("bigram_dice", +1),
    ("soft_f", +1), ("soft_min", +1), ("soft_max", +1), ("length_ratio", +1),
    ("number_mismatch", -1), ("number_conflict", -1), ("name_mismatch", -1),
    ("negation_mismatch", -1), ("embedding_cosine_sq", +1), ("soft_min_sq", +1),
    ("word_order", +1), ("bigram_precision", +1), ("trigram_precision", +1),
    ("unmatched_max", -1), ("unmatched_min", -1), ("length_gap", -1),
)
FEATURES = tuple(name for name, _ in SIGNED_FEATURES)
SIGNS = tuple(sign for _, sign in SIGNED_FEATURES)

UNMATCHED_BELOW = 0.5  # a word whose closest word on the other side is further has no counterpart
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A capitalised word that does not open a sentence: a name, a title, an acronym.
_NAME = re.compile(r"(?<![.!?:]\s)(?<![.!?:][\"”’']\s)\b[A-Z][A-Za-z]+")


@dataclass(frozen=True)
class Profile:
    """What the decision needs to know about one text, computed once per text."""

    vector: np.ndarray  # unit sentence vector
    word_vectors: np.ndarray  # one unit row per content word (a zero row when there is none)
    stems: tuple[str, ...]  # stems of all words, in order
    stem_counts: dict[str, int]
    occurrences: frozenset[tuple[str, int]]  # (stem, k) for the k-th repeat of each stem
    grams2: dict[tuple[str, ...], int]  # counts of stem bigrams and trigrams of all words
    grams3: dict[tuple[str, ...], int]
    grams2_total: int  # the sums of those counts, kept: every pair of texts needs them
    grams3_total: int
    content: frozenset[str]  # content-word stems
    bigrams: frozenset[tuple[str, str]]  # adjacent content-word stems
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words after the first word, lower-cased
    negated: bool
    content_count: int
    word_count: int


class SameFact:
    """p(same fact) for sentence pairs, from the shipped weights and sentence encoder."""

    def __init__(self, space: MeaningSpace | None = None, model: LinearModel | None = None) -> None:
        self.space = space or MeaningSpace()
        self._model = model  # None: the shipped weights, read on first use (a trainer never does)
        self._profiles: dict[str, Profile] = {}
        # The alignment, then facts and claims, ask about the same pairs again.
        self._features: dict[tuple[str, str], np.ndarray] = {}

    @property
    def model(self) -> LinearModel:
        if self._model is None:
            self._model = shipped_model()
        if self._model.features != FEATURES:
            raise ValueError("the same-fact weights were trained on other features: "
                             "run tools/train_same_fact.py")
        return self._model

    @property
    def encoder(self) -> SentenceEncoder:
        return self.space.encoder

    def profile(self, text: str) -> Profile:
        found = self._profiles.get(text)
        if found is None:
            found = self._profiles[text] = self._make_profile(text)
        return found

    def _make_profile(self, text: str) -> Profile:
        tokens = words(text)
        content = [w for w in tokens if w not in STOPWORDS]
        stems = [stem(w) for w in content]
        every = tuple(stem(w) for w in tokens)
        stem_counts = dict(Counter(every))
        grams2: dict[tuple[str, ...], int] = dict(Counter(pairwise(every)))
        grams3: dict[tuple[str, ...], int] = dict(
            Counter(zip(every, every[1:], every[2:], strict=False)))
        rows = [_word_vector(self.encoder, w) for w in content]
        matrix = np.vstack(rows) if rows else np.zeros((1, self.encoder.dimensions), np.float32)
        return Profile(
            vector=self.space.vector(text).astype(np.float64),
            word_vectors=matrix,
            stems=every,
            stem_counts=stem_counts,
            occurrences=frozenset((s, k) for s, count in stem_counts.items() for k in range(count)),
            grams2=grams2,
            grams3=grams3,
            grams2_total=sum(grams2.values()),
            grams3_total=sum(grams3.values()),
            content=frozenset(stems),
            bigrams=frozenset(pairwise(stems)),
            numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
            names=_names(text),
            negated=any(w in SAME_FACT_NEGATIONS or w.endswith("n't") for w in tokens),
            content_count=len(content),
            word_count=len(tokens),
        )

    def features(self, first: str, second: str) -> np.ndarray:
        """The decision's inputs for one pair, in `FEATURES` order (read-only: it is shared)."""
        found = self._features.get((first, second))
        if found is None:
            found = feature_table([self.profile(first)], [self.profile(second)])[0, 0]
            found.setflags(write=False)
            self._features[first, second] = found
        return found

    def probability(self, first: str, second: str) -> float:
        return float(self.model.probability(self.features(first, second)[None, :])[0])

    def matrix(self, rows: Sequence[str], columns: Sequence[str], floor: float = 0.0) -> np.ndarray:
        """p(same fact) of every row text against every column text.

        Word order is the costly feature: a pair that cannot reach `floor` even with the best
        word order its shared words allow gets that upper bound (below `floor`) instead.
        """
        if not rows or not columns:
            return np.zeros((len(rows), len(columns)))
        ps, qs = [self.profile(r) for r in rows], [self.profile(c) for c in columns]
        table = feature_table(ps, qs)
        flat = table.reshape(-1, len(FEATURES))
        p = self.model.probability(flat)
        for k in np.nonzero(p >= floor)[0]:
            i, j = divmod(int(k), len(qs))
            flat[k, ORDER] = _word_order(ps[i], qs[j])
        return np.asarray(self.model.probability(flat).reshape(len(rows), len(columns)))

    def pairs(
        self, rows: Sequence[str], columns: Sequence[str], pairs: Sequence[tuple[int, int]],
        floor: float = 0.0,
    ) -> np.ndarray:
        """p(same fact) of the listed (row index, column index) pairs only, as `matrix` gives
        them: the cost grows with the pairs asked for, not with the product of the two lists
        (long articles)."""
        if not pairs:
            return np.zeros(0)
        by_row: dict[int, list[int]] = {}
        for i, j in pairs:
            by_row.setdefault(i, []).append(j)
        order: list[tuple[int, int]] = []
        parts: list[np.ndarray] = []
        for i, js in by_row.items():
            table = feature_table([self.profile(rows[i])], [self.profile(columns[j]) for j in js])
            parts.append(table[0])
            order.extend((i, j) for j in js)
        flat = np.vstack(parts)
        p = self.model.probability(flat)
        for k in np.nonzero(p >= floor)[0]:
            i, j = order[int(k)]
            flat[k, ORDER] = _word_order(self.profile(rows[i]), self.profile(columns[j]))
        found = dict(zip(order, self.model.probability(flat).tolist(), strict=True))
        return np.array([found[pair] for pair in pairs])


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel:
    """The weights shipped in the package, read once per process."""
    return LinearModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


ORDER = FEATURES.index("word_order")
# From this many pairs on, a table is computed column by column (about 30: measured on
# 8-article stories, 0.07 ms for one pair by sets, 0.3 ms by matrices, 2.4 against 4.5 ms for
# 17 x 13); both ways give the same floats (tests/test_same_fact_table.py).
COLUMNS_FROM = 32


def feature_table(ps: Sequence[Profile], qs: Sequence[Profile]) -> np.ndarray:
    """Features of every p against every q: shape (len(ps), len(qs), len(FEATURES)).

    The word-order feature holds its upper bound (the share of words the two texts could
    match in some order); `SameFact.matrix` replaces it where it can matter, `features` always.
    """
    soft_pq, soft_qp, unmatched_pq, unmatched_qp = _soft_matches(ps, qs)
    cosine = np.array([p.vector for p in ps]) @ np.array([q.vector for q in qs]).T
    table = np.zeros((len(ps), len(qs), len(FEATURES)))
    if len(ps) * len(qs) < COLUMNS_FROM:  # a few pairs: the matrices would cost more
        for i, p in enumerate(ps):
            for j, q in enumerate(qs):
                table[i, j] = _pair_row(p, q, float(cosine[i, j]), float(soft_pq[i, j]),
                                        float(soft_qp[i, j]), int(unmatched_pq[i, j]),
                                        int(unmatched_qp[i, j]))
    else:
        columns = _pair_columns(ps, qs, cosine, soft_pq.astype(np.float64),
                                soft_qp.astype(np.float64), unmatched_pq, unmatched_qp)
        for k, column in enumerate(columns):
            table[:, :, k] = column
    if len(ps) == 1 and len(qs) == 1:
        table[0, 0, ORDER] = _word_order(ps[0], qs[0])
    return table


def _soft_matches(
    ps: Sequence[Profile], qs: Sequence[Profile]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For every pair: the mean closeness of each side's words to their closest word on the
    other side (both ways), and how many words have no close counterpart (both ways)."""
    words_p = np.vstack([p.word_vectors for p in ps])
    words_q = np.vstack([q.word_vectors for q in qs])
    starts_p = np.cumsum([0] + [len(p.word_vectors) for p in ps[:-1]])
    starts_q = np.cumsum([0] + [len(q.word_vectors) for q in qs[:-1]])
    sizes_p = np.array([len(p.word_vectors) for p in ps], dtype=np.float64)
    sizes_q = np.array([len(q.word_vectors) for q in qs], dtype=np.float64)
    has_p = np.array([p.content_count > 0 for p in ps])
    has_q = np.array([q.content_count > 0 for q in qs])
    closeness = words_p @ words_q.T
    best_for_p = np.maximum.reduceat(closeness, starts_q, axis=1)  # each p word, per q text
    best_for_q = np.maximum.reduceat(closeness, starts_p, axis=0)  # per p text, each q word
    soft_pq = np.add.reduceat(best_for_p, starts_p, axis=0) / sizes_p[:, None]
    soft_qp = np.add.reduceat(best_for_q, starts_q, axis=1) / sizes_q[None, :]
    unmatched_pq = np.add.reduceat((best_for_p < UNMATCHED_BELOW).astype(np.int64), starts_p,
                                   axis=0) * has_p[:, None]
    unmatched_qp = np.add.reduceat((best_for_q < UNMATCHED_BELOW).astype(np.int64), starts_q,
                                   axis=1) * has_q[None, :]
    return soft_pq, soft_qp, unmatched_pq, unmatched_qp


def _pair_row(
    p: Profile, q: Profile, cosine: float, recall_p: float, recall_q: float,
    unmatched_p: int, unmatched_q: int,
) -> list[float]:
    shared = len(p.content & q.content)
    sizes = len(p.content) + len(q.content)
    bigram_sizes = len(p.bigrams) + len(q.bigrams)
    soft_min, soft_max = min(recall_p, recall_q), max(recall_p, recall_q)
    numbers = p.numbers | q.numbers
    names = p.names | q.names
    return [
        cosine,
        2 * shared / sizes if sizes else 0.0,
        shared / (min(len(p.content), len(q.content)) or 1),
        2 * len(p.bigrams & q.bigrams) / bigram_sizes if bigram_sizes else 0.0,
        2 * recall_p * recall_q / (recall_p + recall_q) if recall_p + recall_q > 0 else 0.0,
        soft_min, soft_max,
        min(p.content_count, q.content_count) / (max(p.content_count, q.content_count) or 1),
        len(p.numbers ^ q.numbers) / len(numbers) if numbers else 0.0,
        float(bool(p.numbers) and bool(q.numbers) and p.numbers != q.numbers),
        len(p.names ^ q.names) / len(names) if names else 0.0,
        float(p.negated != q.negated),
        cosine * cosine, soft_min * soft_min,
        _order_bound(p, q),
        _mean_precision(p.grams2, q.grams2, p.grams2_total, q.grams2_total),
        _mean_precision(p.grams3, q.grams3, p.grams3_total, q.grams3_total),
        max(unmatched_p, unmatched_q), min(unmatched_p, unmatched_q),
        math.log1p(abs(p.word_count - q.word_count)),
    ]


def _order_bound(p: Profile, q: Profile) -> float:
    """An upper bound of `_word_order` (difflib's quick_ratio: shared stems in any order)."""
    total = len(p.stems) + len(q.stems)
    if not total:
        return 1.0
    counts_p, counts_q = p.stem_counts, q.stem_counts
    shared = sum(min(counts_p[s], counts_q[s]) for s in counts_p.keys() & counts_q.keys())
    return 2.0 * shared / total


def _mean_precision(
    grams: dict[tuple[str, ...], int], others: dict[tuple[str, ...], int], total: int,
    others_total: int,
) -> float:
    """The mean of both texts' n-gram precision: the share of each one's n-grams (with their
    counts) that the other also has. One intersection serves both ways; the counts are
    integers, so the sums do not depend on the set's order."""
    shared = grams.keys() & others.keys()
    mine = sum(grams[g] for g in shared) / total if total else 0.0
    theirs = sum(others[g] for g in shared) / others_total if others_total else 0.0
    return (mine + theirs) / 2


def _pair_columns(
    ps: Sequence[Profile], qs: Sequence[Profile], cosine: np.ndarray, recall_p: np.ndarray,
    recall_q: np.ndarray, unmatched_p: np.ndarray, unmatched_q: np.ndarray,
) -> list[np.ndarray]:
    """Each feature for every pair at once, in `FEATURES` order.

    A loop over pairs of Python sets cost more than everything else in the decision. Every
    overlap is a count of shared items, so it is a product of incidence matrices; the ratios
    are then taken in the same order of operations as one pair at a time would, so each value
    is the same float (integers convert exactly, and IEEE division rounds once)."""
    content_p, content_q = _sizes(ps, qs, lambda t: len(t.content))
    shared = _shared(ps, qs, lambda t: t.content)
    bigrams_p, bigrams_q = _sizes(ps, qs, lambda t: len(t.bigrams))
    numbers_p, numbers_q = _sizes(ps, qs, lambda t: len(t.numbers))
    numbers_shared = _shared(ps, qs, lambda t: t.numbers)
    names_p, names_q = _sizes(ps, qs, lambda t: len(t.names))
    names_shared = _shared(ps, qs, lambda t: t.names)
    count_p, count_q = _sizes(ps, qs, lambda t: t.content_count)
    negated_p, negated_q = _sizes(ps, qs, lambda t: int(t.negated))
    soft_min, soft_max = np.minimum(recall_p, recall_q), np.maximum(recall_p, recall_q)
    number_kinds = numbers_p + numbers_q - numbers_shared
    name_kinds = names_p + names_q - names_shared
    recall_sum = recall_p + recall_q
    return [
        cosine,
        _ratio(2 * shared, content_p + content_q),
        shared / _or_one(np.minimum(content_p, content_q)),
        _ratio(2 * _shared(ps, qs, lambda t: t.bigrams), bigrams_p + bigrams_q),
        _ratio(2 * recall_p * recall_q, recall_sum, where=recall_sum > 0),
        soft_min, soft_max,
        np.minimum(count_p, count_q) / _or_one(np.maximum(count_p, count_q)),
        _ratio(number_kinds - numbers_shared, number_kinds),
        ((numbers_p > 0) & (numbers_q > 0)
         & ~((numbers_shared == numbers_p) & (numbers_shared == numbers_q))).astype(np.float64),
        _ratio(name_kinds - names_shared, name_kinds),
        (negated_p != negated_q).astype(np.float64),
        cosine * cosine, soft_min * soft_min,
        _order_bounds(ps, qs),
        _mean_precisions(ps, qs, lambda t: t.grams2, lambda t: t.grams2_total),
        _mean_precisions(ps, qs, lambda t: t.grams3, lambda t: t.grams3_total),
        np.maximum(unmatched_p, unmatched_q), np.minimum(unmatched_p, unmatched_q),
        _length_gaps(ps, qs),
    ]


def _sizes(
    ps: Sequence[Profile], qs: Sequence[Profile], size: Callable[[Profile], int]
) -> tuple[np.ndarray, np.ndarray]:
    """One number per text: a column for the rows, a row for the columns (they broadcast)."""
    return (np.array([size(p) for p in ps], dtype=np.int64)[:, None],
            np.array([size(q) for q in qs], dtype=np.int64)[None, :])


def _ratio(top: np.ndarray, bottom: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
    """top / bottom, 0.0 where bottom is 0 (or where `where` is False)."""
    top, bottom = np.broadcast_arrays(top, bottom)
    keep = bottom != 0 if where is None else where
    return np.divide(top, bottom, out=np.zeros(top.shape), where=keep)


def _or_one(values: np.ndarray) -> np.ndarray:
    return np.where(values == 0, 1, values)


def _shared(
    ps: Sequence[Profile], qs: Sequence[Profile], items: Callable[[Profile], Iterable[Hashable]],
) -> np.ndarray:
    """How many items each p shares with each q (as integers)."""
    return _overlap([dict.fromkeys(items(p), 1) for p in ps], [set(items(q)) for q in qs])


def _overlap(
    weights: Sequence[dict[Any, int]], others: Sequence[Iterable[Hashable]]
) -> np.ndarray:
    """For each (p, q): the sum of p's weights over the items q also has.

    Only items on both sides get a column; the float64 product is exact, as every partial
    sum is an integer far below 2**53, whatever order BLAS adds in."""
    vocabulary = {item: k for k, item in enumerate(
        set().union(*weights) & set().union(*others))}
    left = np.zeros((len(weights), len(vocabulary)))
    right = np.zeros((len(others), len(vocabulary)))
    for i, row in enumerate(weights):
        for item, weight in row.items():
            if (k := vocabulary.get(item)) is not None:
                left[i, k] = weight
    for j, column in enumerate(others):
        for item in column:
            if (k := vocabulary.get(item)) is not None:
                right[j, k] = 1
    return np.rint(left @ right.T).astype(np.int64)


def _order_bounds(ps: Sequence[Profile], qs: Sequence[Profile]) -> np.ndarray:
    """An upper bound of `_word_order` (difflib's quick_ratio: shared stems in any order).

    The shared count, the sum over stems of the smaller of the two counts, is the overlap of
    the (stem, k-th occurrence) pairs of each side."""
    total = np.array([len(p.stems) for p in ps])[:, None] + np.array([len(q.stems) for q in qs])
    shared = _shared(ps, qs, lambda t: t.occurrences)
    return np.divide(2.0 * shared, total, out=np.ones(total.shape), where=total != 0)


def _mean_precisions(
    ps: Sequence[Profile], qs: Sequence[Profile],
    grams: Callable[[Profile], dict[tuple[str, ...], int]], total: Callable[[Profile], int],
) -> np.ndarray:
    """The mean of both texts' n-gram precision: the share of each one's n-grams (with their
    counts) that the other also has."""
    totals_p, totals_q = _sizes(ps, qs, total)
    mine = _ratio(_overlap([grams(p) for p in ps], [grams(q) for q in qs]), totals_p)
    theirs = _ratio(_overlap([grams(q) for q in qs], [grams(p) for p in ps]).T, totals_q)
    return (mine + theirs) / 2


def _length_gaps(ps: Sequence[Profile], qs: Sequence[Profile]) -> np.ndarray:
    """log1p of the word-count gap, by `math.log1p` (numpy's may differ in the last bit)."""
    gaps = np.abs(np.array([p.word_count for p in ps])[:, None]
                  - np.array([q.word_count for q in qs])[None, :])
    logs = {gap: math.log1p(gap) for gap in np.unique(gaps).tolist()}
    return np.array([[logs[gap] for gap in row] for row in gaps.tolist()], dtype=np.float64)


def _word_order(p: Profile, q: Profile) -> float:
    """difflib's ratio over the two stem sequences: how much of the wording runs in one order."""
    return _stem_order(p.stems, q.stems)


# A story asks for the same pair more than once (the alignment, then facts, quotes, claims):
# difflib is the costly feature, so its ratio is kept per pair of stem sequences.
@per_story
def _stem_order(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    return float(SequenceMatcher(None, first, second, autojunk=False).ratio())


def _names(text: str) -> frozenset[str]:
    start = len(text) - len(text.lstrip(" \"“‘'("))
    return frozenset(m.group().lower() for m in _NAME.finditer(text)
                     if m.start() > start and m.group().lower() not in STOPWORDS)


@lru_cache(maxsize=65536)
def _word_vector(encoder: SentenceEncoder, word: str) -> np.ndarray:
    """A word's unit vector: the mean of its WordPiece rows (zeros for an unknown word)."""
    unknown = encoder.tokenizer.unknown_id
    ids = [i for i in encoder.tokenizer.ids(word) if i != unknown]
    if not ids:
        return np.zeros(encoder.dimensions, np.float32)
    mean = encoder.rows(ids).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean
