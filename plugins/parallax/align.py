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

1. In-order rows: a dynamic programme picks the non-crossing counterparts with the largest
   summed strength (no gap cost, so reordered text does not drag the rest down).
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
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .model import Article, PairAlignment, Row, RowOp
from .nlp.samefact import SameFact
from .text import fold, words

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


@dataclass
class _Group:
    a: list[int]
    b: list[int]


@dataclass(frozen=True)
class _Evidence:
    p: np.ndarray  # p(same fact) from the trained decision
    strength: np.ndarray  # > 0 where a pair is a counterpart in reading order
    moved: np.ndarray  # True where a pair is a counterpart even out of order
    cosine: np.ndarray  # cosines of the sentence vectors


def align_pair(first: Article, second: Article, decide: SameFact) -> PairAlignment:
    """Align two articles of one story; `first` becomes side a."""
    texts_a = [s.text for s in first.sentences]
    texts_b = [s.text for s in second.sentences]
    evidence = _evidence(texts_a, texts_b, decide)
    matches = _fill_gaps(_monotone_matches(evidence.strength), evidence.p, evidence.cosine)
    groups = [_Group([i], [j]) for i, j in matches]
    _merge_neighbours(groups, evidence, texts_a, texts_b, decide)
    moves = _moves(evidence, groups, texts_a, texts_b, decide)
    rows = _rows(first, second, groups, moves, evidence.p, decide)
    return PairAlignment(
        a=first.id, b=second.id, similarity=_pair_similarity(first, second, rows), rows=rows
    )


def _evidence(texts_a: list[str], texts_b: list[str], decide: SameFact) -> _Evidence:
    p = decide.matrix(texts_a, texts_b, floor=FLOOR)  # below FLOOR: an upper bound
    if not p.size:
        return _Evidence(p, p.copy(), p > 0, p.copy())
    # Rounded: a last-bit difference in a float sum must not flip a comparison.
    cosine = np.round(decide.space.matrix(texts_a, texts_b).astype(np.float64), 6)
    margin = _margin(cosine)
    mutual = (cosine >= cosine.max(axis=1, keepdims=True)) & (
        cosine >= cosine.max(axis=0, keepdims=True))
    # A "sentence" with no word (a stray quotation mark) states nothing.
    worded = np.outer([bool(words(t)) for t in texts_a], [bool(words(t)) for t in texts_b])
    p = np.where(worded, p, 0.0)
    # The margin needs a crowd to stand out from: articles of a few sentences have none.
    crowd = min(p.shape) > NEIGHBOURS
    by_meaning = mutual & crowd & (cosine >= CLOSE) & (
        ((margin >= MARGIN) & (p >= FLOOR)) | ((margin >= 1.0) & (p >= LIKELY)))
    linked = (p >= LINK) | by_meaning
    # Strength orders competing counterparts: the decision's p, raised for a meaning match to
    # what a decided pair would have (it is a counterpart, just one in other words).
    strength = np.where(linked, np.maximum(p, np.where(by_meaning, LINK, 0.0)), 0.0)
    return _Evidence(p, np.round(strength, 6), (p >= MOVE) | by_meaning, cosine)


def _margin(cosine: np.ndarray) -> np.ndarray:
    """cos(x, y) over the mean of x's and y's `NEIGHBOURS` closest cosines on the other side."""
    k_a, k_b = min(NEIGHBOURS, cosine.shape[1]), min(NEIGHBOURS, cosine.shape[0])
    near_a = -np.sort(-cosine, axis=1)[:, :k_a].mean(axis=1)
    near_b = -np.sort(-cosine, axis=0)[:k_b, :].mean(axis=0)
    scale = (near_a[:, None] + near_b[None, :]) / 2
    return np.asarray(np.round(cosine / np.where(scale > 0, scale, 1.0), 6))


def _monotone_matches(strength: np.ndarray) -> list[tuple[int, int]]:
    """Non-crossing pairs maximising summed strength (Needleman-Wunsch, no gap cost)."""
    m, n = strength.shape
    gain = strength.tolist()
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        row, prev, gains = score[i], score[i - 1], gain[i - 1]
        for j in range(1, n + 1):
            best = max(prev[j], row[j - 1])
            g = gains[j - 1]
            if g > 0 and prev[j - 1] + g > best:
                best = prev[j - 1] + g
            row[j] = best
    matches: list[tuple[int, int]] = []
    i, j = m, n
    while i > 0 and j > 0:
        g = gain[i - 1][j - 1]
        if g > 0 and abs(score[i][j] - (score[i - 1][j - 1] + g)) < 1e-12:
            matches.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return matches[::-1]


def _fill_gaps(
    matches: list[tuple[int, int]], p: np.ndarray, cosine: np.ndarray
) -> list[tuple[int, int]]:
    """Pair the few sentences left between two in-order rows (or a row and an article's start
    or end).

    When both outlets have at most `GAP` sentences between the same two landmarks, the reading
    order all but names the counterparts: the decision need only not rule them out (`FLOOR`),
    and the two sentences be about the same thing (`CLOSE`).
    """
    m, n = p.shape
    allowed = (p >= FLOOR) & (cosine >= CLOSE)
    found = list(matches)
    for (i0, j0), (i1, j1) in itertools.pairwise([(-1, -1), *matches, (m, n)]):
        if 1 <= i1 - i0 - 1 <= GAP and 1 <= j1 - j0 - 1 <= GAP:
            inside = np.where(allowed, p, 0.0)[i0 + 1:i1, j0 + 1:j1]
            found += [(i0 + 1 + i, j0 + 1 + j) for i, j in _monotone_matches(inside)]
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
                p = evidence.p if side == "a" else evidence.p.T
                cosine = evidence.cosine if side == "a" else evidence.cosine.T
                for k in (min(members) - 1, max(members) + 1):
                    if not 0 <= k < size or k in used[side]:
                        continue
                    if int(np.argmax(cosine[k])) not in others:
                        continue
                    trial = (_Group([*members, k], group.b) if side == "a"
                             else _Group(group.a, [*members, k]))
                    together = _joined(trial, texts_a, texts_b, decide)
                    own = max(float(p[k, o]) for o in others)
                    said_twice = own >= TWICE and int(np.argmax(p[k])) in others
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

    p = evidence.p
    rows, columns = np.nonzero(evidence.moved)
    for _, i, j in sorted(((-float(p[i, j]), int(i), int(j)) for i, j in zip(rows, columns,
                                                                          strict=True))):
        if i not in placed["a"]:
            add("a", i, [j], float(p[i, j]))
        if j not in placed["b"]:
            add("b", j, [i], float(p[i, j]))
    # A piece of a row said elsewhere: the other outlet split the fact and put half of it
    # somewhere else (the row reads as one fact only with the piece added). Adding text to the
    # shorter side of a row can raise p by evening out the lengths alone, so the piece and the
    # row must also be each other's closest in meaning, and the piece not ruled out alone.
    for group in groups:
        current = _joined(group, texts_a, texts_b, decide)
        pieces: list[tuple[float, str, int]] = []
        for side, size in (("a", len(texts_a)), ("b", len(texts_b))):
            for k in range(size):
                if k in placed[side] or (side, k) in moves or not _closest_outside(
                        evidence.cosine if side == "a" else evidence.cosine.T, k,
                        group.a if side == "a" else group.b,
                        group.b if side == "a" else group.a):
                    continue
                own = max(float(p[k, o] if side == "a" else p[o, k])
                          for o in (group.b if side == "a" else group.a))
                if own < FLOOR:
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


def _closest_outside(
    cosine: np.ndarray, k: int, own: list[int], others: list[int]
) -> bool:
    """Whether sentence `k` (a row of `cosine`) is closest in meaning to one of `others`, and
    that one is closest to `k` among the sentences on `k`'s side outside the row (`own`)."""
    if int(np.argmax(cosine[k])) not in others:
        return False
    outside = [i for i in range(cosine.shape[0]) if i not in own]
    return any(outside[int(np.argmax(cosine[outside, o]))] == k for o in others)


def _rows(
    first: Article,
    second: Article,
    groups: list[_Group],
    moves: dict[tuple[str, int], _Move],
    p: np.ndarray,
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
            similarity = max(_best(p[np.ix_(group.a, group.b)]),
                             round(decide.probability(text_a, text_b), 4))
        rows.append(Row(op, tuple(a_ids[i] for i in group.a), tuple(b_ids[j] for j in group.b),
                        similarity))
        ia, ib = group.a[-1] + 1, group.b[-1] + 1
    flush(len(a_ids), len(b_ids))
    return tuple(rows)


def _best(values: np.ndarray) -> float:
    return round(float(np.max(values)), 4)


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


def align_story(articles: tuple[Article, ...], decide: SameFact) -> tuple[PairAlignment, ...]:
    """Every unordered pair of articles, a before b in id order."""
    ordered = sorted(articles, key=lambda a: a.id)
    return tuple(
        align_pair(x, y, decide) for k, x in enumerate(ordered) for y in ordered[k + 1:]
    )
