"""The data model: what `load` produces and what `analyze` consumes.

Everything here is a frozen dataclass of plain values (str, int, float, tuples, dicts) so that
a story and its analysis are hashable inputs, picklable for a process pool and serialisable to
JSON without a custom encoder. Identifiers are contracts (see DESIGN.md): story ids are folder
names, article ids are file stems, sentence ids are ``s1``, ``s2``, … in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The four stances a claim x article cell can take. `reports` = the article attributes the claim
# to someone else without endorsing it; `omits` = no sentence carries it.
Stance = Literal["asserts", "reports", "disputes", "omits"]
STANCES: tuple[Stance, ...] = ("asserts", "reports", "disputes", "omits")

# Alignment row operations of a pairwise diff (see export schema).
RowOp = Literal["equal", "replace", "delete", "insert", "move"]

OutletKind = Literal["wire", "state", "private"]
OUTLET_KINDS: tuple[str, ...] = ("wire", "state", "private")


@dataclass(frozen=True)
class Outlet:
    """A publisher. `slug` is the key used in `data/outlets.yml` and in URLs."""

    slug: str
    name: str
    country: str | None = None
    url: str | None = None
    kind: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, addressable as ``<article page>#<id>``."""

    id: str
    text: str
    paragraph: int  # 0-based paragraph index inside the body


@dataclass(frozen=True)
class Removed:
    """A piece of boilerplate the importer dropped, kept so nothing is lost silently."""

    rule: str
    text: str


@dataclass(frozen=True)
class Article:
    """One outlet's article, validated and split into sentences."""

    id: str
    story_id: str
    outlet: Outlet
    title: str
    sentences: tuple[Sentence, ...]
    source_path: str  # relative to the data dir, for error messages and edit links
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    credit: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # unknown front-matter keys, kept and ignored

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    @property
    def paragraphs(self) -> tuple[tuple[Sentence, ...], ...]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.paragraph, []).append(sentence)
        return tuple(tuple(grouped[k]) for k in sorted(grouped))

    def sentence(self, sentence_id: str) -> Sentence:
        for sentence in self.sentences:
            if sentence.id == sentence_id:
                return sentence
        raise KeyError(f"{self.id} has no sentence {sentence_id}")


@dataclass(frozen=True)
class Override:
    """A curated cell in `claims.yml`: it wins over the automatic stance."""

    stance: Stance
    evidence: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class ClaimSpec:
    """A claim as written by a maintainer in `claims.yml`."""

    id: str
    text: str
    # keyed by article id (outlet-slug keys are resolved to article ids by `load`)
    overrides: tuple[tuple[str, Override], ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Story:
    """One story: its metadata, its articles (sorted by id) and its curated claims."""

    id: str
    title: str
    articles: tuple[Article, ...]
    claims: tuple[ClaimSpec, ...] = ()
    date: str | None = None
    summary: str | None = None
    source_dir: str = ""

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(f"story {self.id} has no article {article_id}")


# --------------------------------------------------------------------------- analysis results


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


@dataclass(frozen=True)
class PairAlignment:
    """Two articles aligned sentence by sentence, with a similarity score in 0..1."""

    a: str
    b: str
    similarity: float
    rows: tuple[Row, ...]

    @property
    def slug(self) -> str:
        return f"{self.a}-{self.b}"


@dataclass(frozen=True)
class Cell:
    """One claim x article cell of the matrix."""

    stance: Stance
    evidence: tuple[str, ...] = ()
    score: float = 0.0
    curated: bool = False
    note: str | None = None


@dataclass(frozen=True)
class ClaimResult:
    """A claim with one cell per article of the story."""

    id: str
    text: str
    curated: bool  # written by a maintainer in claims.yml (not suggested)
    cells: tuple[tuple[str, Cell], ...]  # (article id, cell), in article order

    def cell(self, article_id: str) -> Cell:
        return dict(self.cells)[article_id]


@dataclass(frozen=True)
class StoryAnalysis:
    """Everything the renderers and the exporter need for one story; a pure function's output."""

    story: Story
    pairs: tuple[PairAlignment, ...]
    claims: tuple[ClaimResult, ...]
    suggestions: tuple[SuggestedClaim, ...] = ()  # discovery's metadata for non-curated claims
    facts: tuple[SentenceFacts, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    reuse: tuple[PairReuse, ...] = ()  # one per pair, same order as `pairs`
    lineage: Lineage | None = None
    synopsis: Synopsis | None = None

    def pair(self, a: str, b: str) -> PairAlignment:
        for pair in self.pairs:
            if (pair.a, pair.b) == (a, b) or (pair.a, pair.b) == (b, a):
                return pair
        raise KeyError(f"no pair {a}/{b} in story {self.story.id}")


# --------------------------------------------------------------------------- claim discovery

# `shared`: two or more outlets carry the statement; `distinctive`: only one outlet makes it.
SuggestionKind = Literal["shared", "distinctive"]


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
    source: tuple[str, str]  # (article id, sentence id) the text is taken from
    support: tuple[tuple[str, tuple[str, ...]], ...]
    outlets: tuple[str, ...]  # outlet slugs carrying it, sorted


# --------------------------------------------------------------- facts, quotes, discrepancies
# Everything below is about verbatim text: each fact, quotation and discrepancy names the
# sentences it rests on, so a page can link every flag to the exact sentence.

# date: a calendar expression; number: a count ("26 civilians"); money, percent: amounts;
# person, place, organisation: named entities; name: a capitalised name of unknown kind.
FactKind = Literal[
    "date", "number", "money", "percent", "person", "place", "organisation", "name"
]
FACT_KINDS: tuple[str, ...] = (
    "date", "number", "money", "percent", "person", "place", "organisation", "name"
)


@dataclass(frozen=True)
class Fact:
    """One fact stated in a sentence, with its verbatim text and a normalised value.

    `value` is comparable across outlets: dates as ``2025-05-13``, ``2025-05``, ``--05-13``
    (no year known), ``1970s`` or ``relative:friday`` (said relative to an unknown day);
    amounts as plain numbers; names case- and accent-folded. `unit` is the counted noun of a
    number ("civilians"), the currency of money, or the precision of a date (day, month, year,
    decade). `relative` marks a date said relative to publication ("on Friday", "last month").
    """

    kind: FactKind
    text: str
    value: str
    start: int
    end: int
    unit: str = ""
    relative: bool = False


@dataclass(frozen=True)
class SentenceFacts:
    """The facts of one sentence (only sentences with at least one fact are kept)."""

    article: str
    sentence: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class FactConflict:
    """Two texts state different values for the same kind of fact."""

    kind: FactKind
    a: str  # the fact as written in the first text
    b: str  # …and in the second
    value_a: str
    value_b: str
    explanation: str

    def __str__(self) -> str:
        return self.explanation


QuoteMarks = Literal["paired", "open-only", "close-only"]


@dataclass(frozen=True)
class Quote:
    """A direct quotation in one sentence and who it is attributed to.

    `marks` says how it was delimited: both marks present, or only an opening or a closing
    mark (some outlets drop one). `short` quotations (one to three words, "fake reports") are
    scare quotes: kept, but not compared for fidelity.
    """

    id: str  # unique in the story: "<article>:q<n>"
    article: str
    sentence: str
    text: str  # the quoted words, without the marks
    start: int  # offsets of `text` in the sentence
    end: int
    speaker: str | None  # as written ("a senior Russian government official"), or None
    speaker_key: str | None  # folded form used to compare speakers
    cue: str  # the attribution words ("said", "was quoted as saying", "reported")
    marks: QuoteMarks
    short: bool


QuoteFlagKind = Literal["wording", "speaker"]


@dataclass(frozen=True)
class QuoteFlag:
    """A problem between two outlets' versions of one quotation."""

    kind: QuoteFlagKind
    articles: tuple[str, str]
    quotes: tuple[str, str]  # quote ids
    sentences: tuple[tuple[str, str], ...]  # (article id, sentence id) it rests on
    unchanged: float  # share of words the two versions have in common
    explanation: str


@dataclass(frozen=True)
class QuoteGroup:
    """The same quotation as carried by several outlets."""

    id: str  # "quote-1", "quote-2", … in order of first appearance
    quotes: tuple[str, ...]  # quote ids, in article order
    speaker: str | None  # the most specific speaker any outlet names
    flags: tuple[QuoteFlag, ...] = ()


DiscrepancyKind = Literal["date", "number", "money", "percent", "name", "presence"]


@dataclass(frozen=True)
class DiscrepancyValue:
    """What one article says (or leaves out) about a discrepancy, with its sentences."""

    article: str
    value: str  # as written; "" when the article leaves the fact out
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Discrepancy:
    """Outlets disagree on a fact: a date, an amount, a name's spelling, or its presence."""

    id: str  # "discrepancy-1", … in a deterministic order
    kind: DiscrepancyKind
    topic: str  # a few words saying what it is about
    values: tuple[DiscrepancyValue, ...]
    explanation: str


# --------------------------------------------------------------- text reuse, lineage, synopsis

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
    reason: str  # the figures behind the label, in words
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


CreditKind = Literal["dateline", "agency tag", "credit field", "copyright", "cites", "interview"]


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
    evidence: str  # why, in words
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
class Lineage:
    credits: tuple[Credit, ...]
    nodes: tuple[LineageNode, ...]
    edges: tuple[LineageEdge, ...]
    families: tuple[Family, ...]
    sentences: tuple[str, ...]  # the lineage in words (plain text, escaped by the renderers)


@dataclass(frozen=True)
class SynopsisCell:
    """One outlet's wording of one aligned passage."""

    article: str
    sentences: tuple[str, ...]
    medoid: bool = False  # this cell is the row's most common wording
    unchanged: float = 1.0  # share of words equal to the medoid's (word diff)
    moved: tuple[str, ...] = ()  # sentences the outlet tells at another point of its text


@dataclass(frozen=True)
class SynopsisRow:
    id: str  # r1, r2, … in base-article order
    cells: tuple[SynopsisCell, ...]  # outlets present in the row, in column order
    medoid: str  # article id of the most common wording


@dataclass(frozen=True)
class Synopsis:
    """Every outlet side by side; each sentence of each article sits in exactly one row."""

    base: str
    base_reason: str
    columns: tuple[str, ...]  # article ids, base first
    rows: tuple[SynopsisRow, ...]
