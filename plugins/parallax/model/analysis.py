"""Analysis results: pairwise alignments, the claim matrix, suggestions, and StoryAnalysis."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .diff import WordDiff
from .facts import (
    Contradiction,
    Discrepancy,
    Quote,
    QuoteGroup,
    SentenceFacts,
    ShortPhrase,
)
from .reasons import Reason
from .reuse import Lineage, PairReuse, Synopsis
from .story import RowOp, Stance, Story


@dataclass(frozen=True)
class Row:
    """One row of a pairwise alignment.

    Over all rows of a pair, the `a` ids in order are exactly article a's sentences once each,
    and likewise for `b`. A moved sentence appears twice as a `move` row: once at its place in
    a (with `b` empty) and once at its place in b (with `a` empty); `counterpart` names the
    sentence(s) on the other side.
    """

    op: RowOp
    a: tuple[str, ...]
    b: tuple[str, ...]
    similarity: float = 0.0
    counterpart: tuple[str, ...] = ()
    # A replaced row: a's text against b's. A moved row: the text on its side against its
    # counterpart's, a's words first. None for the others (nothing to mark).
    diff: WordDiff | None = None


@dataclass(frozen=True)
class SharedFact:
    """Sentences of two articles that state one fact: linked to each other by the alignment,
    in or out of order, with the word diff of the two tellings."""

    a: tuple[str, ...]  # in reading order
    b: tuple[str, ...]
    diff: WordDiff


@dataclass(frozen=True)
class PairAlignment:
    """Two articles aligned sentence by sentence, with a similarity score in 0..1."""

    a: str
    b: str
    similarity: float
    rows: tuple[Row, ...]
    facts: tuple[SharedFact, ...] = ()  # the facts both state, in a's reading order

    @property
    def slug(self) -> str:
        return f"{self.a}-{self.b}"

    def links(self) -> tuple[tuple[str, str], ...]:
        """Every (a sentence id, b sentence id) the rows say state the same fact, each once.

        A row in reading order links each of its a sentences to each of its b sentences; a
        moved row links its sentence to its counterparts. A moved sentence's counterpart may sit
        in a row of its own or in an in-order row, so read moves from both sides.
        """
        return tuple(self.link_similarities())

    def link_similarities(self) -> dict[tuple[str, str], float]:
        """`links`, each with the similarity of the row that makes it (p(same fact); the
        higher of two rows that both make it)."""
        found: dict[tuple[str, str], float] = {}

        def add(links: Iterable[tuple[str, str]], similarity: float) -> None:
            for link in links:
                found[link] = max(found.get(link, 0.0), similarity)

        for row in self.rows:
            if row.op in ("equal", "replace"):
                add(((i, j) for i in row.a for j in row.b), row.similarity)
            elif row.op == "move":
                add(((i, j) for i in row.a for j in row.counterpart), row.similarity)
                add(((i, j) for j in row.b for i in row.counterpart), row.similarity)
        return found


@dataclass(frozen=True)
class Cell:
    """One claim x article cell of the matrix.

    `stance` is the best reading and `score` its calibrated probability (1.0 for a curated
    cell); `why` says why, as a reason render/wording.py words (`note`: a curated cell's note,
    as claims.yml writes it). A red flag (*disputes*, or an omission of a claim most
    outlets carry) whose probability is under the threshold for showing it is `uncertain`: it
    is shown as uncertain, with this reading and its evidence.
    """

    stance: Stance
    evidence: tuple[str, ...] = ()
    score: float = 0.0
    curated: bool = False
    note: str | None = None
    uncertain: bool = False
    why: Reason | None = None  # an automatic cell's reason

    @property
    def shown(self) -> str:
        """What the page, the CSV and the JSON show: the stance, or `uncertain`."""
        return "uncertain" if self.uncertain else self.stance


@dataclass(frozen=True)
class ClaimResult:
    """A claim with one cell per article of the story."""

    id: str
    text: str
    curated: bool  # written by a maintainer in claims.yml (not suggested)
    cells: tuple[tuple[str, Cell], ...]  # (article id, cell), in article order
    carried_by: tuple[str, ...]  # articles whose cell is not `omits`, in article order
    notable_omissions: tuple[str, ...]  # articles that surely omit what most others carry

    def cell(self, article_id: str) -> Cell:
        return dict(self.cells)[article_id]


@dataclass(frozen=True)
class StoryAnalysis:
    """Everything the renderers and the exporter need for one story; a pure function's output."""

    story: Story
    pairs: tuple[PairAlignment, ...]
    claims: tuple[ClaimResult, ...]
    suggestions: tuple[SuggestedClaim, ...]  # discovery's metadata for non-curated claims
    facts: tuple[SentenceFacts, ...]  # read once per sentence
    quotes: tuple[Quote, ...]
    quote_groups: tuple[QuoteGroup, ...]
    short_phrases: tuple[ShortPhrase, ...]  # the most often quoted first
    discrepancies: tuple[Discrepancy, ...]
    contradictions: tuple[Contradiction, ...]
    reuse: tuple[PairReuse, ...]  # one per pair, same order as `pairs`
    lineage: Lineage
    synopsis: Synopsis

    def pair(self, a: str, b: str) -> PairAlignment:
        for pair in self.pairs:
            if (pair.a, pair.b) == (a, b) or (pair.a, pair.b) == (b, a):
                return pair
        raise KeyError(f"no pair {a}/{b} in story {self.story.id}")


# --------------------------------------------------------------------------- claim discovery

# `headline`: a fact of the articles' ledes that two or more outlets tell in their own words;
# `shared`: two or more outlets carry the statement; `distinctive`: only one outlet makes it.
SuggestionKind = Literal["headline", "shared", "distinctive"]


@dataclass(frozen=True)
class SuggestedClaim:
    """A claim found automatically (see discovery.py); its matrix row is a `ClaimResult`.

    `id` is derived from the text, so it survives rebuilds; `support` lists the sentences that
    carry the statement, per article, in article order; `rank` starts at 1.
    """

    id: str
    text: str
    kind: SuggestionKind
    rank: int
    score: float
    source: tuple[str, str]  # (article id, sentence id) the text is taken from (cleaned: no
    # dateline or leading conjunction, see claimtext.py)
    support: tuple[tuple[str, tuple[str, ...]], ...]
    outlets: tuple[str, ...]  # outlet slugs carrying it, sorted
