"""Pairwise sentence alignment: which sentence of article a states the same fact as which of b.

Two kinds of evidence say that two sentences of a story state the same fact:

- the trained decision (`nlp/samefact.py`): p(same fact) from meaning, wording, and numbers and
  names that must agree, learnt from people's judgements of news sentence pairs (MSRP). It is
  sure of close paraphrases and gives low p to unrelated sentences; a fact retold in quite
  other words gets a middling p (such pairs are rare in what it learnt from);
- meaning within the story: the cosine of the two sentence vectors, against how close each
  sentence comes to the rest of the other article (the ratio margin of Artetxe & Schwenk,
  2019). Sentences of one story all sit close together; a counterpart stands out from the rest.

A pair is a counterpart in reading order when the decision says so (p ≥ `LINK`), or when the
two sentences are each other's closest in meaning, about the same thing (cosine ≥ `CLOSE`),
and either stand out (margin ≥ `MARGIN`) with the decision not ruling them out (p ≥ `FLOOR`),
or are half way to a decision (p ≥ `LIKELY`). Then:

1. In-order rows: the non-crossing counterparts with the largest summed strength (no gap cost,
   so reordered text does not drag the rest down), by `sparse.monotone_matches`, which picks
   what the full dynamic-programming table would in O(k log k) for k counterparts.
2. Gaps: when both outlets have at most `GAP` sentences between two rows (or a row and the
   start or end), the reading order all but names the counterparts; p ≥ `FLOOR` will do.
3. Merges: a neighbour joins a row when the row holds its closest counterpart in meaning and
   the outlet said the row's fact in two sentences (p ≥ `TWICE`) or split one in two (the
   joined passages read as one fact clearly better, by `MERGE_GAIN`).
4. Moves: a sentence left over whose counterpart sits elsewhere becomes a `move` row naming it
   (never a pair with the wrong neighbour): on the stricter `MOVE`, by meaning as above, or as
   the missing piece of a row (adding it raises the row's p by `PIECE_GAIN`). The counterpart
   may sit in a moved row of its own or in an in-order row (a fact one outlet states twice, or
   splits over two places).
The rows keep both articles' reading order and list every sentence exactly once per side.
Precision comes first: quote groups, discrepancies, reuse shares and the synopsis are built on
these pairs, so a sentence with no confident counterpart stays unpaired. The thresholds of the
decision come from MSRP train; the others were set on BASIL stories by reading the pairs they
make (`bench/paraphrase.py` prints both), and the seed's hand-made gold tests the result.

Long articles cost near-linear time and memory: past `EVERY_PAIR` sentence pairs, only
candidate pairs are weighed (see `_Evidence`); on the seed and the BASIL stories the
candidates give exactly the rows that weighing every pair gives (`tests/test_align.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ...model import Article, PairAlignment, Row, RowOp
from ...nlp.candidate_pairs import close_pairs, monotone_matches
from ...nlp.samefact import SameFact
from ...nlp.similarity import SentenceSpace
from ...nlp.text import fold, words

LINK = 0.5  # p(same fact) at which the trained decision alone makes a counterpart
MOVE = 0.79  # …and out of reading order (MSRP train, cross-validated: 90 % precision)
MARGIN = 1.12  # how far a counterpart by meaning must stand out from the story's other pairs
CLOSE = 0.6  # cosine under which two sentences are not about the same thing, whatever stands out
LIKELY = 0.3  # p at which the closest counterpart in meaning need not stand out much
FLOOR = 0.05  # p below which no closeness in meaning makes a counterpart
NEIGHBOURS = 3  # the margin compares with this many closest sentences on each side
GAP = 3  # sentences between two rows, on each side, that the reading order pairs up
TWICE = 0.25  # p of a neighbour with the row that reads as the row's fact said twice
MERGE_GAIN = 0.1  # joining a sentence to a row must raise p of the row by this much
PIECE_GAIN = 0.2  # …and a piece from elsewhere in the text (a move) must raise it this much
MAX_GROUP = 3  # sentences per side in one row
# Long articles (see `_Evidence`): up to this many sentence pairs every pair is weighed; beyond,
# only each sentence's `NEAREST` closest in meaning (both ways) and pairs sharing rare words.
EVERY_PAIR = 150 * 150
NEAREST = 6
SHARED_WORDS = 0.3  # TF-IDF cosine at which a pair of a long article is weighed for its words
BLOCK = 256  # sentences per block of cosines (memory: BLOCK x the other article's length)
Pair = tuple[int, int]


@dataclass
class _Group:
    a: list[int]
    b: list[int]


class _Evidence:
    """What says that sentence i of a and sentence j of b state the same fact.

    Weighing every pair costs the product of the two lengths: fine for news (40 x 40), ruinous
    for two 100,000-word articles (4,500 x 4,500 pairs, each a trained decision over twenty
    signals). So every pair is weighed only up to `EVERY_PAIR` pairs. Beyond, the candidates are
    each sentence's `NEAREST` closest sentences in meaning, both ways (cosines computed
    blockwise, so memory stays linear; exact, ties broken by position), and pairs that share
    rare words (the TF-IDF inverted index of `sparse.py`). Everything the rules read from all
    of a row — the closest sentence in meaning, the few closest for the margin, mutual
    closeness — comes from the exact nearest lists; the likeliest counterpart by the decision,
    and which pairs are counterparts at all, from the candidates. A pair a rule asks about
    outside them (a neighbour of a row, a sentence in a small gap) is weighed when asked.
    """

    def __init__(
        self, texts_a: Sequence[str], texts_b: Sequence[str], decide: SameFact,
        lexical: SentenceSpace | None = None, every_pair: bool | None = None,
    ) -> None:
        self.texts = {"a": texts_a, "b": texts_b}
        self.decide = decide
        m, n = len(texts_a), len(texts_b)
        self._worded = {"a": [bool(words(t)) for t in texts_a],
                        "b": [bool(words(t)) for t in texts_b]}
        self._vectors = {"a": decide.space.vectors(list(texts_a)).astype(np.float64),
                         "b": decide.space.vectors(list(texts_b)).astype(np.float64)}
        depth = min(max(NEAREST, MAX_GROUP + 1, NEIGHBOURS), max(m, n))
        # nearest[side][k]: the other side's sentences closest in meaning to k, closest first.
        self.nearest: dict[str, list[list[int]]] = {}
        self._crowd_mean: dict[str, list[float]] = {}  # mean of the NEIGHBOURS closest cosines
        self._closest_cos: dict[str, list[float]] = {}
        self._cosine: dict[Pair, float] = {}
        for side, other in (("a", "b"), ("b", "a")):
            ids, values = _nearest(self._vectors[side], self._vectors[other], depth)
            self.nearest[side] = ids.tolist()
            top = min(NEIGHBOURS, values.shape[1])
            self._crowd_mean[side] = (values[:, :top].mean(axis=1).tolist() if top
                                      else [0.0] * len(ids))
            self._closest_cos[side] = values[:, 0].tolist() if top else [0.0] * len(ids)
            for k, (row, cosines) in enumerate(zip(ids.tolist(), values.tolist(), strict=True)):
                for o, c in zip(row, cosines, strict=True):
                    self._cosine[(k, o) if side == "a" else (o, k)] = c
        if every_pair is None:
            every_pair = m * n <= EVERY_PAIR
        self._p: dict[Pair, float] = {}
        if every_pair:
            candidates = [(i, j) for i in range(m) for j in range(n)]
            # One batch: below FLOOR, p is an upper bound; a sentence with no word, nothing.
            worded = np.outer(self._worded["a"], self._worded["b"])
            every = np.where(worded, decide.matrix(texts_a, texts_b, floor=FLOOR), 0.0)
            self._p.update(zip(candidates, every.ravel().tolist(), strict=True))
        else:
            candidates = sorted({*self._cosine, *self._shared_words(lexical)})
            self._weigh(candidates)
        crowd = min(m, n) > NEIGHBOURS  # the margin needs a crowd to stand out from
        self.strength: dict[Pair, float] = {}
        self.moved: list[Pair] = []
        # The likeliest counterpart of each sentence among the candidates: (p, -index).
        self._likeliest: dict[str, dict[int, tuple[float, int]]] = {"a": {}, "b": {}}
        for (i, j) in candidates:
            p = self._p[(i, j)]
            for side, k, o in (("a", i, j), ("b", j, i)):
                if (p, -o) > self._likeliest[side].get(k, (-1.0, 0)):
                    self._likeliest[side][k] = (p, -o)
            by_meaning = crowd and self._by_meaning(i, j, p)
            if p >= LINK or by_meaning:
                # Strength orders competing counterparts: the decision's p, raised for a
                # meaning match to what a decided pair would have (it is a counterpart, just
                # one in other words). Rounded: a last-bit difference must not flip a choice.
                self.strength[(i, j)] = round(max(p, LINK if by_meaning else 0.0), 6)
            if p >= MOVE or by_meaning:
                self.moved.append((i, j))

    def _shared_words(self, lexical: SentenceSpace | None) -> Iterable[Pair]:
        texts_a, texts_b = self.texts["a"], self.texts["b"]
        space = lexical or SentenceSpace([*texts_a, *texts_b])
        return close_pairs([space.vector(t) for t in texts_a], [space.vector(t) for t in texts_b],
                           SHARED_WORDS)

    def _weigh(self, pairs: Sequence[Pair]) -> None:
        """p(same fact) of pairs not weighed yet (below FLOOR: an upper bound)."""
        new = [pair for pair in dict.fromkeys(pairs) if pair not in self._p]
        texts_a, texts_b = self.texts["a"], self.texts["b"]
        worded_a, worded_b = self._worded["a"], self._worded["b"]
        # A "sentence" with no word (a stray quotation mark) states nothing.
        asked = [(i, j) for i, j in new if worded_a[i] and worded_b[j]]
        self._p.update(dict.fromkeys(new, 0.0))
        values = self.decide.pairs(texts_a, texts_b, asked, floor=FLOOR)
        self._p.update(zip(asked, values.tolist(), strict=True))

    def p(self, i: int, j: int) -> float:
        if (i, j) not in self._p:
            self._weigh([(i, j)])
        return self._p[(i, j)]

    def p_from(self, side: str, k: int, o: int) -> float:
        """p of sentence k of `side` with sentence o of the other side."""
        return self.p(k, o) if side == "a" else self.p(o, k)

    def cosine(self, i: int, j: int) -> float:
        found = self._cosine.get((i, j))
        if found is None:
            # Rounded: a last-bit difference in a float sum must not flip a comparison.
            found = self._cosine[(i, j)] = round(
                float(self._vectors["a"][i] @ self._vectors["b"][j]), 6)
        return found

    def closest(self, side: str, k: int) -> int | None:
        """The other side's sentence closest in meaning to sentence k of `side` (None: the
        other side has no sentence)."""
        row = self.nearest[side][k]
        return row[0] if row else None

    def closest_outside(self, side: str, o: int, own: Iterable[int]) -> int | None:
        """The sentence of the side opposite `side` closest in meaning to sentence o of `side`,
        leaving out `own` (at most MAX_GROUP sentences, so the nearest list always holds it)."""
        return next((k for k in self.nearest[side][o] if k not in own), None)

    def likeliest(self, side: str, k: int, also: Iterable[int] = ()) -> int | None:
        """The other side's likeliest counterpart of sentence k of `side` by the decision,
        among the candidates and the sentences `also` (the first of equals)."""
        best = self._likeliest[side].get(k)
        for o in also:
            here = (self.p_from(side, k, o), -o)
            if best is None or here > best:
                best = here
        return None if best is None else -best[1]

    def _by_meaning(self, i: int, j: int, p: float) -> bool:
        """Each other's closest in meaning, about the same thing, and either standing out from
        the rest of the story (the ratio margin of Artetxe & Schwenk, 2019) or half way to a
        decision."""
        cosine = self.cosine(i, j)
        if cosine < CLOSE or cosine < self._closest_cos["a"][i] \
                or cosine < self._closest_cos["b"][j] or p < FLOOR:
            return False
        scale = (self._crowd_mean["a"][i] + self._crowd_mean["b"][j]) / 2
        margin = round(cosine / (scale if scale > 0 else 1.0), 6)
        return (margin >= MARGIN) or (margin >= 1.0 and p >= LIKELY)


def _nearest(rows: np.ndarray, columns: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row vector: the `depth` closest column vectors by cosine, closest first (the
    lower index first among equals), and their cosines rounded to 6 places; computed a block of
    rows at a time."""
    m, n = len(rows), len(columns)
    depth = min(depth, n)
    ids = np.zeros((m, depth), dtype=np.int64)
    values = np.zeros((m, depth))
    for start in range(0, m, BLOCK):
        block = np.round(rows[start:start + BLOCK] @ columns.T, 6)
        if depth < n:
            # The depth-th largest value of each row; all above it, then the first of those
            # equal to it, make exactly `depth` per row.
            kth = -np.partition(-block, depth - 1, axis=1)[:, depth - 1:depth]
            above = block > kth
            equal = block == kth
            room = depth - above.sum(axis=1, keepdims=True)
            keep = above | (equal & (np.cumsum(equal, axis=1) <= room))
            chosen = np.nonzero(keep)[1].reshape(-1, depth)
        else:
            chosen = np.tile(np.arange(n), (len(block), 1))
        cosines = np.take_along_axis(block, chosen, axis=1)
        order = np.lexsort((chosen, -cosines), axis=1)
        ids[start:start + BLOCK] = np.take_along_axis(chosen, order, axis=1)
        values[start:start + BLOCK] = np.take_along_axis(cosines, order, axis=1)
    return ids, values


def align_pair(
    first: Article, second: Article, decide: SameFact, lexical: SentenceSpace | None = None,
    every_pair: bool | None = None,
) -> PairAlignment:
    """Align two articles of one story; `first` becomes side a. `lexical`: the story's TF-IDF
    space, used to find candidate pairs in long articles (built from the pair when missing);
    `every_pair`: weigh every pair (True) or the candidates only (False); default by length."""
    texts_a = [s.text for s in first.sentences]
    texts_b = [s.text for s in second.sentences]
    evidence = _Evidence(texts_a, texts_b, decide, lexical, every_pair)
    matches = _fill_gaps(monotone_matches(evidence.strength, 0.0, len(texts_b)), evidence,
                         len(texts_a), len(texts_b))
    groups = [_Group([i], [j]) for i, j in matches]
    _merge_neighbours(groups, evidence, texts_a, texts_b, decide)
    moves = _moves(evidence, groups, texts_a, texts_b, decide)
    rows = _rows(first, second, groups, moves, evidence, decide)
    return PairAlignment(
        a=first.id, b=second.id, similarity=_pair_similarity(first, second, rows), rows=rows
    )


def _fill_gaps(matches: list[Pair], evidence: _Evidence, m: int, n: int) -> list[Pair]:
    """Pair the few sentences left between two in-order rows (or a row and an article's start
    or end).

    When both outlets have at most `GAP` sentences between the same two landmarks, the reading
    order all but names the counterparts: the decision need only not rule them out (`FLOOR`),
    and the two sentences be about the same thing (`CLOSE`).
    """
    boxes = [(i0, j0, i1, j1)
             for (i0, j0), (i1, j1) in itertools.pairwise([(-1, -1), *matches, (m, n)])
             if 1 <= i1 - i0 - 1 <= GAP and 1 <= j1 - j0 - 1 <= GAP]
    evidence._weigh([(i, j) for i0, j0, i1, j1 in boxes
                     for i in range(i0 + 1, i1) for j in range(j0 + 1, j1)])
    found = list(matches)
    for i0, j0, i1, j1 in boxes:
        inside = {(i - i0 - 1, j - j0 - 1): evidence.p(i, j)
                  for i in range(i0 + 1, i1) for j in range(j0 + 1, j1)
                  if evidence.p(i, j) >= FLOOR and evidence.cosine(i, j) >= CLOSE}
        found += [(i0 + 1 + i, j0 + 1 + j) for i, j in monotone_matches(inside, 0.0, j1 - j0 - 1)]
    return sorted(found)


def _joined(group: _Group, texts_a: list[str], texts_b: list[str], decide: SameFact) -> float:
    return decide.probability(" ".join(texts_a[i] for i in sorted(group.a)),
                              " ".join(texts_b[j] for j in sorted(group.b)))


def _merge_neighbours(
    groups: list[_Group], evidence: _Evidence, texts_a: list[str], texts_b: list[str],
    decide: SameFact,
) -> None:
    """A neighbour joins a row when the row holds its closest counterpart in meaning, and either
    its likeliest one too, with p ≥ `TWICE` (the outlet said the row's fact in two sentences),
    or the joined passages read clearly more as one fact (a sentence split in two)."""
    used = {"a": {i for g in groups for i in g.a}, "b": {j for g in groups for j in g.b}}
    for group in groups:
        while len(group.a) + len(group.b) < 2 * MAX_GROUP:
            current = _joined(group, texts_a, texts_b, decide)
            candidates: list[tuple[float, str, int]] = []
            for side, members, size in (("a", group.a, len(texts_a)),
                                        ("b", group.b, len(texts_b))):
                if len(members) >= MAX_GROUP:
                    continue
                others = group.b if side == "a" else group.a
                for k in (min(members) - 1, max(members) + 1):
                    if not 0 <= k < size or k in used[side]:
                        continue
                    if evidence.closest(side, k) not in others:
                        continue
                    trial = (_Group([*members, k], group.b) if side == "a"
                             else _Group(group.a, [*members, k]))
                    together = _joined(trial, texts_a, texts_b, decide)
                    own = max(evidence.p_from(side, k, o) for o in others)
                    said_twice = own >= TWICE and evidence.likeliest(side, k, others) in others
                    if said_twice or together >= current + MERGE_GAIN:
                        candidates.append((max(own, together), side, k))
            if not candidates:
                break
            _, side, k = max(candidates)
            (group.a if side == "a" else group.b).append(k)
            used[side].add(k)
            group.a.sort()
            group.b.sort()


@dataclass
class _Move:
    counterparts: list[int]
    p: float  # p(same fact) of the sentence, or of the row it completes, with its counterparts


def _moves(
    evidence: _Evidence, groups: list[_Group], texts_a: list[str], texts_b: list[str],
    decide: SameFact,
) -> dict[tuple[str, int], _Move]:
    """Counterparts of sentences left out of the in-order rows, by ("a", i) or ("b", j).

    Best pairs first; a sentence keeps every counterpart found (at most `MAX_GROUP`).
    """
    placed = {"a": {i for g in groups for i in g.a}, "b": {j for g in groups for j in g.b}}
    moves: dict[tuple[str, int], _Move] = {}

    def add(side: str, k: int, others: list[int], p: float) -> None:
        move = moves.setdefault((side, k), _Move([], p))
        move.counterparts.extend(o for o in others if o not in move.counterparts)
        del move.counterparts[MAX_GROUP:]
        move.p = max(move.p, p)

    for _, i, j in sorted((-evidence.p(i, j), i, j) for i, j in evidence.moved):
        if i not in placed["a"]:
            add("a", i, [j], evidence.p(i, j))
        if j not in placed["b"]:
            add("b", j, [i], evidence.p(i, j))
    # A piece of a row said elsewhere: the other outlet split the fact and put half of it
    # somewhere else (the row reads as one fact only with the piece added). Adding text to the
    # shorter side of a row can raise p by evening out the lengths alone, so the piece and the
    # row must also be each other's closest in meaning, and the piece not ruled out alone.
    # Only a sentence whose closest counterpart sits in the row can be its piece: look those
    # up, not every sentence for every row (quadratic in long articles).
    closest_to: dict[tuple[str, int], list[int]] = {}
    for side, size in (("a", len(texts_a)), ("b", len(texts_b))):
        for k in range(size):
            closest = evidence.closest(side, k)
            if closest is not None:
                closest_to.setdefault((side, closest), []).append(k)
    for group in groups:
        current = _joined(group, texts_a, texts_b, decide)
        pieces: list[tuple[float, str, int]] = []
        for side in ("a", "b"):
            own, others = (group.a, group.b) if side == "a" else (group.b, group.a)
            other_side = "b" if side == "a" else "a"
            for k in sorted({k for o in others for k in closest_to.get((side, o), [])}):
                if k in placed[side] or (side, k) in moves or not any(
                        evidence.closest_outside(other_side, o, own) == k for o in others):
                    continue
                if max(evidence.p_from(side, k, o) for o in others) < FLOOR:
                    continue
                trial = (_Group([*group.a, k], group.b) if side == "a"
                         else _Group(group.a, [*group.b, k]))
                together = _joined(trial, texts_a, texts_b, decide)
                if together >= current + PIECE_GAIN:
                    pieces.append((together, side, k))
        if pieces:
            together, side, k = max(pieces)
            add(side, k, group.b if side == "a" else group.a, together)
    return moves


def _rows(
    first: Article,
    second: Article,
    groups: list[_Group],
    moves: dict[tuple[str, int], _Move],
    evidence: _Evidence,
    decide: SameFact,
) -> tuple[Row, ...]:
    a_ids = [s.id for s in first.sentences]
    b_ids = [s.id for s in second.sentences]
    rows: list[Row] = []
    ia = ib = 0  # next sentence of a and of b not yet in a row

    def flush(upto_a: int, upto_b: int) -> None:
        nonlocal ia, ib
        for i in range(ia, upto_a):
            if ("a", i) in moves:
                move = moves[("a", i)]
                rows.append(Row("move", (a_ids[i],), (), round(move.p, 4),
                                tuple(b_ids[j] for j in sorted(move.counterparts))))
            else:
                rows.append(Row("delete", (a_ids[i],), ()))
        for j in range(ib, upto_b):
            if ("b", j) in moves:
                move = moves[("b", j)]
                rows.append(Row("move", (), (b_ids[j],), round(move.p, 4),
                                tuple(a_ids[i] for i in sorted(move.counterparts))))
            else:
                rows.append(Row("insert", (), (b_ids[j],)))
        ia, ib = max(ia, upto_a), max(ib, upto_b)

    for group in sorted(groups, key=lambda g: (g.a[0], g.b[0])):
        flush(group.a[0], group.b[0])
        text_a = " ".join(first.sentences[i].text for i in group.a)
        text_b = " ".join(second.sentences[j].text for j in group.b)
        op: RowOp = "equal" if fold(text_a) == fold(text_b) else "replace"
        if op == "equal":
            similarity = 1.0
        else:
            best = max(evidence.p(i, j) for i in group.a for j in group.b)
            similarity = max(round(best, 4), round(decide.probability(text_a, text_b), 4))
        rows.append(Row(op, tuple(a_ids[i] for i in group.a), tuple(b_ids[j] for j in group.b),
                        similarity))
        ia, ib = group.a[-1] + 1, group.b[-1] + 1
    flush(len(a_ids), len(b_ids))
    return tuple(rows)


def _pair_similarity(first: Article, second: Article, rows: tuple[Row, ...]) -> float:
    """Share of both texts' words that have a counterpart, weighted by how sure the pair is."""
    words_a = {s.id: len(s.text.split()) for s in first.sentences}
    words_b = {s.id: len(s.text.split()) for s in second.sentences}
    total = sum(words_a.values()) + sum(words_b.values())
    if not total:
        return 0.0
    covered = 0.0
    for row in rows:
        # A moved sentence's row holds its own side only, so each row counts its own words.
        if row.op in ("equal", "replace", "move"):
            covered += row.similarity * (sum(words_a[i] for i in row.a) +
                                         sum(words_b[j] for j in row.b))
    return round(min(1.0, covered / total), 4)


def ruled_out(decide: SameFact, first: str, second: str) -> bool:
    """Whether the same-fact decision rules two sentences out as counterparts (p < `FLOOR`):
    then neither closeness in meaning nor shared names makes them state one fact."""
    return decide.probability(first, second) < FLOOR


def align_story(
    articles: tuple[Article, ...], decide: SameFact, lexical: SentenceSpace | None = None
) -> tuple[PairAlignment, ...]:
    """Every unordered pair of articles, a before b in id order."""
    ordered = sorted(articles, key=lambda a: a.id)
    return tuple(
        align_pair(x, y, decide, lexical) for k, x in enumerate(ordered) for y in ordered[k + 1:]
    )
