"""The N-way synopsis: every outlet's version of the story side by side, one row per passage.

A star alignment around one base article, built from the story's pairwise alignments:

1. Rows start as the base article's sentences, in its order (sentences another outlet merges
   into one stay together in one row).
2. Each other outlet's sentences join the row of their base counterpart (aligned in place or
   moved).
3. Sentences with no counterpart in the base are grouped with their counterparts in the other
   outlets (pairwise alignments between those outlets). A group whose counterpart already sits
   in a row joins that row; any other group gets a row of its own, placed after the row of the
   outlet's previous sentence.
4. Within each outlet, the rows its sentences sit in should follow its own reading order; the
   sentences off the longest such ordered run are marked as moved.
5. Each row's most common wording (the medoid: the cell sharing most words with the others,
   word diff) is the reference the other cells' word differences are marked against.

Every sentence of every article lands in exactly one cell (tested as a property).
"""

from __future__ import annotations

from bisect import bisect_right

from ...model import (
    Article,
    Lineage,
    PairAlignment,
    PairReuse,
    Reason,
    Story,
    Synopsis,
    SynopsisCell,
    SynopsisRow,
    sentence_number,
)
from ..disjoint_sets import DisjointSets
from .word_diff import word_diff

Key = tuple[str, str]  # (article id, sentence id)
_Oriented = tuple[tuple[str, ...], tuple[str, ...], str]


CHOSEN = Reason("chosen")  # a base given by the caller


def default_base(
    story: Story, reuse: tuple[PairReuse, ...], lineage: Lineage | None
) -> tuple[str, Reason]:
    """The base article and why: the earliest witness of the largest reuse family, else the
    article whose sentences the others' sentences most often match (the most-copied)."""
    families = [f for f in (lineage.families if lineage else ()) if len(f.members) > 1]
    if families:
        family = families[0]  # lineage sorts the largest family first
        return family.earliest, Reason.of("earliest witness", members=len(family.members),
                                          source=family.source)

    def copied(article: Article) -> float:
        return sum(p.share(p.b if p.a == article.id else p.a) for p in reuse
                   if article.id in (p.a, p.b))

    best = min(story.articles, key=lambda a: (-copied(a), a.date or "9999-99-99", a.id))
    return best.id, Reason.of("most matched")


def build_synopsis(
    story: Story, pairs: tuple[PairAlignment, ...], base: str,
    base_reason: Reason = CHOSEN,
) -> Synopsis:
    """Align all articles of the story around `base`; see the module docstring."""
    # The closest outlets first: they anchor the rows of what the base lacks.
    closeness = {(p.b if p.a == base else p.a): p.similarity for p in pairs if base in (p.a, p.b)}
    columns = (base, *sorted((a.id for a in story.articles if a.id != base),
                             key=lambda a: (-closeness.get(a, 0.0), a)))
    rows = _base_rows(story, pairs, base, columns)
    placed = {key for row in rows for key in row}
    _add_unplaced(story, pairs, columns, rows, placed)
    moved = _moved(story, rows, columns)
    built = []
    for number, row in enumerate(rows, 1):
        cells = _cells(story, row, columns, moved)
        built.append(SynopsisRow(f"r{number}", cells, next(c.article for c in cells if c.medoid)))
    return Synopsis(base=base, base_reason=base_reason, columns=columns, rows=tuple(built))


def _oriented(pairs: tuple[PairAlignment, ...], x: str, y: str) -> list[_Oriented]:
    """The rows of pair x/y as (x ids, y ids, op); a moved sentence comes with its counterpart
    (so a move shows up twice, once from each side)."""
    for pair in pairs:
        if {pair.a, pair.b} != {x, y}:
            continue
        flip = pair.a != x
        out: list[_Oriented] = []
        for row in pair.rows:
            a_ids, b_ids = row.a, row.b
            if row.op == "move":  # one side empty: fill it with the counterpart
                a_ids, b_ids = (a_ids, row.counterpart) if a_ids else (row.counterpart, b_ids)
            out.append((b_ids, a_ids, row.op) if flip else (a_ids, b_ids, row.op))
        return out
    raise KeyError(f"no alignment of {x} and {y}")


def _base_rows(
    story: Story, pairs: tuple[PairAlignment, ...], base: str, columns: tuple[str, ...]
) -> list[list[Key]]:
    """Rows anchored on the base article's sentences, with each outlet's counterparts added."""
    index = {s.id: k for k, s in enumerate(story.article(base).sentences)}
    # Base sentences another outlet reads as one passage share a row: merge them as ranges.
    ranges = [[k, k] for k in range(len(index))]
    for other in columns[1:]:
        for base_ids, _, op in _oriented(pairs, base, other):
            if op in ("equal", "replace") and len(base_ids) > 1:
                ks = [index[i] for i in base_ids]
                ranges.append([min(ks), max(ks)])
    spans: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    starts = [lo for lo, _ in spans]
    rows: list[list[Key]] = [
        [(base, s.id) for s in story.article(base).sentences[lo:hi + 1]] for lo, hi in spans
    ]
    # A sentence sits in one row: beside its in-order counterpart if it has one, else beside
    # the base sentence it was moved from (a move may name a sentence aligned in order too).
    placed: set[Key] = set()
    for other in columns[1:]:
        oriented = _oriented(pairs, base, other)
        for kinds in (("equal", "replace"), ("move",)):
            for base_ids, other_ids, op in oriented:
                if op in kinds and base_ids and other_ids:
                    row = rows[bisect_right(starts, index[base_ids[0]]) - 1]
                    new = [(other, j) for j in other_ids if (other, j) not in placed]
                    row.extend(new)
                    placed.update(new)
    return rows


def _add_unplaced(
    story: Story,
    pairs: tuple[PairAlignment, ...],
    columns: tuple[str, ...],
    rows: list[list[Key]],
    placed: set[Key],
) -> None:
    """Place the sentences the base lacks, by their counterparts in the other outlets.

    Free sentences matched to each other (pairwise alignments between non-base outlets) form a
    group. A group with a member matched to a sentence that already sits in a row joins that
    row (if that breaks its outlet's reading order, `_moved` marks it); any other group gets a
    row of its own, placed after the row of the outlet's previous sentence.
    """
    others = columns[1:]
    order = {a: k for k, a in enumerate(columns)}
    sets, anchors = _free_matches(pairs, others, placed)
    groups: dict[Key, list[Key]] = {}
    for article_id in others:
        for sentence in story.article(article_id).sentences:
            key = (article_id, sentence.id)
            if key not in placed:
                groups.setdefault(sets.find(key), []).append(key)
    joins: dict[Key, Key] = {}  # group root → the placed sentence whose row it joins
    for root, members in groups.items():
        found = [(order[m[0]], sentence_number(m[1]), order[a[0]], sentence_number(a[1]), a)
                 for m in members for a in anchors.get(m, ())]
        if found:
            joins[root] = min(found)[-1]
    row_of = {key: row for row in rows for key in row}  # each placed sentence's row
    for article_id in others:
        keys = [(article_id, s.id) for s in story.article(article_id).sentences]
        in_order = _landmarks(keys, rows, row_of, placed, columns[0])
        # New rows are noted against the existing row they go before or after, and the rows
        # rebuilt once per outlet: inserting into the list as we go would cost a scan each.
        before: dict[int, list[list[Key]]] = {}
        after: dict[int, list[list[Key]]] = {}
        pending: list[list[Key]] = []  # new rows before the outlet's first landmark
        cursor: tuple[int, int] | None = None  # (existing row, new rows already after it)
        for n, key in enumerate(keys):
            if key in placed:
                if n in in_order:
                    landmark = id(row_of[key])
                    before.setdefault(landmark, []).extend(pending)
                    pending = []
                    cursor = (landmark, 0)
                continue
            root = sets.find(key)
            group = sorted(groups[root], key=lambda k: (order[k[0]], sentence_number(k[1])))
            placed.update(group)
            if root in joins:  # beside its counterpart, wherever that sits
                joined = row_of[joins[root]]
                joined.extend(group)
                row_of.update((k, joined) for k in group)
                continue
            row_of.update((k, group) for k in group)
            if cursor is None:
                pending.append(group)
            else:
                landmark, count = cursor
                after.setdefault(landmark, []).insert(count, group)
                cursor = (landmark, count + 1)
        rows[:] = [new for row in rows for new in (*before.get(id(row), ()), row,
                                                     *after.get(id(row), ()))]
        rows.extend(pending)  # an outlet with nothing in common: its rows come last


def _free_matches(
    pairs: tuple[PairAlignment, ...], others: tuple[str, ...], placed: set[Key]
) -> tuple[DisjointSets[Key], dict[Key, list[Key]]]:
    """Free sentences joined by the alignments between non-base outlets, and for each free
    sentence the placed ones it is matched to."""
    sets: DisjointSets[Key] = DisjointSets()
    anchors: dict[Key, list[Key]] = {}
    for i, x in enumerate(others):
        for y in others[i + 1:]:
            for x_ids, y_ids, op in _oriented(pairs, x, y):
                if op not in ("equal", "replace", "move"):
                    continue
                keys = [(x, s) for s in x_ids] + [(y, s) for s in y_ids]
                free = [k for k in keys if k not in placed]
                for key in free[1:]:
                    sets.union(free[0], key)
                for key in free:
                    anchors.setdefault(key, []).extend(k for k in keys if k in placed)
    return sets, anchors


def _landmarks(
    keys: list[Key], rows: list[list[Key]], row_of: dict[Key, list[Key]], placed: set[Key],
    base: str,
) -> set[int]:
    """Positions of an outlet's placed sentences that sit in its reading order: new rows go
    only after those. A moved one is no landmark, and an outlet that shares nothing with the
    base has none (its rows go after the base's text)."""
    position = {id(row): k for k, row in enumerate(rows)}
    landmarks = [n for n, key in enumerate(keys) if key in placed]
    landmark_rows = [position[id(row_of[keys[n]])] for n in landmarks]
    if not any(k[0] == base for r in landmark_rows for k in rows[r]):
        return set()
    return {landmarks[m] for m in _longest_non_decreasing(landmark_rows)}


def _moved(story: Story, rows: list[list[Key]], columns: tuple[str, ...]) -> set[Key]:
    """Sentences off each outlet's longest run of rows in its own reading order."""
    where = {key: k for k, row in enumerate(rows) for key in row}
    moved: set[Key] = set()
    for article_id in columns:
        keys = [(article_id, s.id) for s in story.article(article_id).sentences]
        keep = _longest_non_decreasing([where[k] for k in keys])
        moved.update(k for n, k in enumerate(keys) if n not in keep)
    return moved


def _longest_non_decreasing(values: list[int]) -> set[int]:
    """Positions of one longest non-decreasing subsequence (patience sorting, leftmost ties)."""
    tails: list[int] = []  # tails[k]: value ending the best run of length k + 1
    tail_at: list[int] = []  # …and its position
    previous = [-1] * len(values)
    for n, value in enumerate(values):
        k = bisect_right(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(n)
        else:
            tails[k] = value
            tail_at[k] = n
        previous[n] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    n = tail_at[-1] if tail_at else -1
    while n != -1:
        keep.add(n)
        n = previous[n]
    return keep


def _cells(
    story: Story, row: list[Key], columns: tuple[str, ...], moved: set[Key]
) -> tuple[SynopsisCell, ...]:
    present = [a for a in columns if any(k[0] == a for k in row)]
    ids = {a: tuple(sorted((k[1] for k in row if k[0] == a), key=sentence_number)) for a in present}
    texts = {a: " ".join(story.article(a).sentence(s).text for s in ids[a]) for a in present}
    medoid = _medoid(present, texts)
    # Each other wording against the row's most common one: what its page cell marks.
    diffs = {a: word_diff(texts[medoid], texts[a]) for a in present if a != medoid}
    return tuple(
        SynopsisCell(
            article=a,
            sentences=ids[a],
            medoid=a == medoid,
            unchanged=round(diffs[a].unchanged, 4) if a in diffs else 1.0,
            moved=tuple(s for s in ids[a] if (a, s) in moved),
            diff=diffs.get(a),
        )
        for a in present
    )


def _medoid(present: list[str], texts: dict[str, str]) -> str:
    """The wording that shares most words with the row's other wordings (first column on ties)."""
    if len(present) == 1:
        return present[0]
    score = {
        a: sum(word_diff(texts[a], texts[b]).unchanged for b in present if b != a)
        for a in present
    }
    return max(present, key=lambda a: (round(score[a], 9), -present.index(a)))
