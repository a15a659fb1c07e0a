"""Word-level differences inside two aligned passages (difflib), cleaned up for people; and
the diffs of every replaced or moved row and every shared fact of a story's alignments.

Raw token diffs of a paraphrase look like confetti: alternating one-word changes. Two cleanups
make them readable: short unchanged islands between changes are absorbed into the change, and a
passage rewritten beyond recognition becomes one replaced block.
"""

from __future__ import annotations

from dataclasses import replace

from cydifflib import SequenceMatcher

from ...model import (
    Article,
    PairAlignment,
    Segment,
    SegmentOp,
    SharedFact,
    Story,
    WordDiff,
    sentence_number,
)
from ...nlp.memo import per_story
from ...nlp.text import fold, word_tokens_with_space
from ..disjoint_sets import DisjointSets

REWRITE_BELOW = 0.45  # share of unchanged words under which a passage counts as rewritten
ISLAND_MAX_CHARS = 4  # unchanged runs this short between two changes are merged into them


# The same two passages are diffed again and again in one story (a row's pair, its shared
# fact, the synopsis medoid against every other wording): difflib runs once per pair. The
# result is frozen, so sharing it is safe.
@per_story
def word_diff(text_a: str, text_b: str) -> WordDiff:
    """Diff two passages word by word (case and typographic quotes ignored when matching)."""
    tokens_a, tokens_b = word_tokens_with_space(text_a), word_tokens_with_space(text_b)
    matcher = SequenceMatcher(
        None, [fold(t) for t in tokens_a], [fold(t) for t in tokens_b], autojunk=False
    )
    raw = [
        Segment(_op(tag), "".join(tokens_a[i1:i2]), "".join(tokens_b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    segments = _absorb_islands(raw)
    unchanged = _unchanged_share(segments, text_a, text_b)
    if unchanged < REWRITE_BELOW and text_a and text_b:
        return WordDiff((Segment("replace", text_a, text_b),), unchanged, True)
    return WordDiff(tuple(segments), unchanged, False)


def _op(tag: str) -> SegmentOp:
    return {"equal": "equal", "delete": "delete", "insert": "insert"}.get(tag, "replace")  # type: ignore[return-value]


def _absorb_islands(segments: list[Segment]) -> list[Segment]:
    """Merge tiny unchanged runs (a space, "of the") that sit between two changes."""
    merged: list[Segment] = []
    for index, segment in enumerate(segments):
        is_island = (
            segment.op == "equal"
            and 0 < index < len(segments) - 1
            and len(segment.a.strip()) <= ISLAND_MAX_CHARS
            and segments[index - 1].op != "equal"
            and segments[index + 1].op != "equal"
        )
        if is_island:
            segment = Segment("replace", segment.a, segment.b)
        if merged and segment.op != "equal" and merged[-1].op != "equal":
            last = merged.pop()
            segment = Segment("replace", last.a + segment.a, last.b + segment.b)
        merged.append(segment)
    return [_tidy(s) for s in merged]


def _tidy(segment: Segment) -> Segment:
    if segment.op == "replace" and not segment.a:
        return Segment("insert", "", segment.b)
    if segment.op == "replace" and not segment.b:
        return Segment("delete", segment.a, "")
    return segment


def _unchanged_share(segments: list[Segment], text_a: str, text_b: str) -> float:
    total = len(text_a.split()) + len(text_b.split())
    if not total:
        return 1.0
    same = sum(len(s.a.split()) * 2 for s in segments if s.op == "equal")
    return min(1.0, same / total)


def with_word_diffs(story: Story, pairs: tuple[PairAlignment, ...]) -> tuple[PairAlignment, ...]:
    """Every pair with the word diff of each replaced or moved row, and the facts both
    articles state with the diff of their two tellings: computed once, here, for every page
    and the export."""
    return tuple(_diffed(story.article(p.a), story.article(p.b), p) for p in pairs)


def _diffed(a: Article, b: Article, pair: PairAlignment) -> PairAlignment:
    rows = []
    for row in pair.rows:
        if row.op == "replace":
            diff = word_diff(_text(a, row.a), _text(b, row.b))
        elif row.op == "move":  # shown where it sits, against its place on the other side
            diff = (word_diff(_text(a, row.a), _text(b, row.counterpart)) if row.a
                    else word_diff(_text(a, row.counterpart), _text(b, row.b)))
        else:
            rows.append(row)
            continue
        rows.append(replace(row, diff=diff))
    facts = tuple(SharedFact(sa, sb, word_diff(_text(a, sa), _text(b, sb)))
                  for sa, sb in _linked_groups(pair))
    return replace(pair, rows=tuple(rows), facts=facts)


def _linked_groups(pair: PairAlignment) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Sentences that state the same fact, one group per fact (sentences linked to each other,
    in or out of order, form one group), in a's reading order."""
    sets: DisjointSets[tuple[str, str]] = DisjointSets()
    for i, j in pair.links():
        sets.union(("a", i), ("b", j))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in sets:
        groups.setdefault(sets.find(node), []).append(node)
    facts = [(tuple(sorted((s for side, s in g if side == "a"), key=sentence_number)),
              tuple(sorted((s for side, s in g if side == "b"), key=sentence_number)))
             for g in groups.values()]
    return sorted(facts, key=lambda f: (sentence_number(f[0][0]), sentence_number(f[1][0])))


def _text(article: Article, sentence_ids: tuple[str, ...]) -> str:
    return " ".join(article.sentence(s).text for s in sentence_ids)
