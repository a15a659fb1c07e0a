"""Text reuse between pairs, wire lineage, and the N-way synopsis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .diff import WordDiff
from .reasons import Reason

ReuseLabel = Literal[
    "verbatim copy", "rewrite of shared source", "shares quotes only", "independent"
]
REUSE_LABELS: tuple[ReuseLabel, ...] = (
    "verbatim copy", "rewrite of shared source", "shares quotes only", "independent"
)


@dataclass(frozen=True)
class Passage:
    """A run of words two articles share (n-gram anchors aligned across small edits)."""

    a: tuple[str, ...]  # sentence ids of article a the passage touches
    b: tuple[str, ...]
    a_text: str  # the passage as article a prints it
    b_text: str
    words: int  # words matched on both sides
    identity: float  # matched words / words in the passage's span (mean of both sides)
    quoted: float  # share of the matched words that stand inside quotation marks
    boilerplate: bool = False  # a legal or syndication notice, not counted as reuse


@dataclass(frozen=True)
class PairReuse:
    """How much of two articles comes from the other, and what kind of reuse that is."""

    a: str
    b: str
    label: ReuseLabel
    why: Reason  # the figures behind the label (render/wording.py words them)
    passages: tuple[Passage, ...]
    words_a_in_b: float  # share of a's words inside shared passages (boilerplate excluded)
    words_b_in_a: float
    sentences_a_in_b: float  # share of a's sentences with an aligned counterpart in b
    sentences_b_in_a: float
    narrative_a_in_b: float  # the same, counting only sentences outside quotation marks
    narrative_b_in_a: float
    copied: float = 0.0  # share of the more-contained article's words in unquoted passages

    def share(self, article: str) -> float:
        """Share of `article`'s sentences that have a counterpart in the other article."""
        return self.sentences_a_in_b if article == self.a else self.sentences_b_in_a


CreditKind = Literal[
    "dateline", "agency tag", "credit field", "copyright", "credit line", "cites", "interview"
]


@dataclass(frozen=True)
class Credit:
    """A source an article names for its text: a wire dateline, a credit line, a citation."""

    article: str
    source: str  # canonical name, e.g. "IANS", "AP", "The Express Tribune"
    kind: CreditKind
    text: str  # the words that show it
    sentence: str | None = None  # None for the front-matter credit field


@dataclass(frozen=True)
class LineageNode:
    id: str  # an article id, or "source:<slug>" for a wire or outlet the articles credit
    label: str
    kind: Literal["article", "source"]
    date: str | None = None


@dataclass(frozen=True)
class LineageEdge:
    """Reuse between two nodes; `directed` edges run from the earlier witness to the later."""

    source: str
    target: str
    kind: Literal["credited", "inferred", "reuse"]
    directed: bool
    why: Reason  # the evidence (render/wording.py words it)
    label: ReuseLabel | None = None  # reuse edges only
    share: float | None = None  # reuse: share of target's sentences with a counterpart in source
    share_back: float | None = None  # …and of source's sentences in target


@dataclass(frozen=True)
class Family:
    """Articles that carry one source's copy, credited or not."""

    source: str | None  # the wire or outlet, when one is credited
    members: tuple[str, ...]
    earliest: str  # the earliest witness (see lineage.py for the order of evidence)
    credited: tuple[str, ...]  # members that credit `source`
    inferred: tuple[str, ...]  # members that carry it without crediting it


@dataclass(frozen=True)
class FamilyTie:
    """Two articles of one family whose own pair is labelled less than a rewrite.

    Families join articles through chains of reuse: two rewrites of one wire report can each
    follow the credited copy closely and still share too little with each other for the pair's
    own label. The label stays as measured; this says what the family means for the pair:
    only `narrative` of their unquoted sentences match, where a rewrite needs `needed`.
    """

    a: str
    b: str
    source: str | None  # the family's credited source, if any
    narrative: float
    needed: float


@dataclass(frozen=True)
class Lineage:
    credits: tuple[Credit, ...]
    nodes: tuple[LineageNode, ...]
    edges: tuple[LineageEdge, ...]
    families: tuple[Family, ...]
    statements: tuple[Reason, ...]  # the lineage, told in order (render/wording.py words them)
    ties: tuple[FamilyTie, ...]  # pairs of one family labelled less than a rewrite


@dataclass(frozen=True)
class SynopsisCell:
    """One outlet's wording of one aligned passage."""

    article: str
    sentences: tuple[str, ...]
    medoid: bool = False  # this cell is the row's most common wording
    unchanged: float = 1.0  # share of words equal to the medoid's (word diff)
    moved: tuple[str, ...] = ()  # sentences the outlet tells at another point of its text
    diff: WordDiff | None = None  # the medoid's wording against this cell's (shared rows)


@dataclass(frozen=True)
class SynopsisRow:
    id: str  # r1, r2, … in base-article order
    cells: tuple[SynopsisCell, ...]  # outlets present in the row, in column order
    medoid: str  # article id of the most common wording


@dataclass(frozen=True)
class Synopsis:
    """Every outlet side by side; each sentence of each article sits in exactly one row."""

    base: str
    base_reason: Reason  # why this article is the base (render/wording.py words it)
    columns: tuple[str, ...]  # article ids, base first
    rows: tuple[SynopsisRow, ...]
