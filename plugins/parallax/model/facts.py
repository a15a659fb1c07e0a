"""Facts, quotations and discrepancies: each names the sentences it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .diff import WordDiff
from .reasons import Reason

# Everything below is about verbatim text: each fact, quotation and discrepancy names the
# sentences it rests on, so a page can link every flag to the exact sentence.

# date: a calendar expression; time: a clock time ("11:59 p.m."); number: a count ("26
# civilians"); money, percent: amounts; person, place, organisation: named entities; name: a
# capitalised name of unknown kind.
FactKind = Literal[
    "date", "time", "number", "money", "percent", "person", "place", "organisation", "name"
]
FACT_KINDS: tuple[str, ...] = (
    "date", "time", "number", "money", "percent", "person", "place", "organisation", "name"
)


@dataclass(frozen=True)
class Fact:
    """One fact stated in a sentence, with its verbatim text and a normalised value.

    `value` is comparable across outlets: dates as ``2025-05-13``, ``2025-05``, ``2025-W22``
    (a week), ``--05-13`` (no year known), ``1970s`` or ``relative:friday`` (said relative to
    an unknown day); clock times as ``23:59``; amounts as plain numbers (the figure as
    written: "dozens" is 24); names case- and accent-folded. `unit` is the counted noun of a
    number ("civilians"), the currency of money, or the precision of a date (day, week, month,
    year, decade). `low` and `high` bound what the value allows, inclusive: a date's first and
    last possible day (ISO), an amount's smallest and largest reading ("dozens": 24 to 99,
    "more than 40": 40 up, "1.5 million": 1.45 to 1.55 million); empty when unknown or
    unbounded. `about` says what the value is of: the event a date is for ("sign", "arraign")
    or the thing an amount measures ("indictment page", "vote"), as content-word stems.
    `relative` marks a date said relative to publication ("on Friday", "last month").
    `year_inferred` marks a date whose year was not written ("May 13"), so its year is the
    reading nearest the reference date. `story_dated` marks a date whose article is undated,
    so that its year, or the whole date of a relative one, was counted from the story's date:
    a guess, since an undated article may be older than the story.
    """

    kind: FactKind
    text: str
    value: str
    start: int
    end: int
    unit: str = ""
    relative: bool = False
    story_dated: bool = False
    low: str = ""
    high: str = ""
    about: str = ""
    year_inferred: bool = False


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
    facts: tuple[Fact, Fact]  # the two facts, as read (render/wording.py words the conflict)
    confidence: float = 1.0  # how sure it is that both values are of the same thing (0..1)


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
    via: str | None = None  # the medium it was quoted through ("The Express Tribune")
    resolved: bool = False  # the speaker comes from the passage ("he said", a continuation)


@dataclass(frozen=True)
class ShortPhrase:
    """One short quoted phrase ("fake reports") wherever the outlets put it in quotation marks:
    a word marked as someone else's, listed rather than compared."""

    text: str  # as the first of them writes it
    quotes: tuple[str, ...]  # quote ids, in story order


QuoteFlagKind = Literal["wording", "speaker"]


@dataclass(frozen=True)
class QuoteFlag:
    """A problem between two outlets' versions of one quotation."""

    kind: QuoteFlagKind
    articles: tuple[str, str]
    quotes: tuple[str, str]  # quote ids
    sentences: tuple[tuple[str, str], ...]  # (article id, sentence id) it rests on
    unchanged: float  # share of words the two versions have in common
    why: Reason  # the word changes or the two speakers (render/wording.py words them)
    confidence: float = 1.0  # how sure it is that the two versions are one quotation

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


@dataclass(frozen=True)
class QuoteVersion:
    """One outlet's version of a quotation several carry: its quotations joined into one
    passage (an outlet may split it), word-diffed against the group's first version."""

    article: str
    quotes: tuple[str, ...]  # quote ids, in reading order
    text: str
    diff: WordDiff | None  # None for the first version itself


@dataclass(frozen=True)
class QuoteGroup:
    """The same quotation as carried by several outlets."""

    id: str  # "quote-1", "quote-2", … in order of first appearance
    quotes: tuple[str, ...]  # quote ids, in article order
    speaker: str | None  # the most specific speaker any outlet names
    flags: tuple[QuoteFlag, ...]
    versions: tuple[QuoteVersion, ...]  # one per outlet, in article order


DiscrepancyKind = Literal["date", "number", "money", "percent", "name", "presence"]


@dataclass(frozen=True)
class DiscrepancyValue:
    """What one article says (or leaves out) about a discrepancy, with its sentences."""

    article: str
    value: str  # as written; "" when the article leaves the fact out
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Discrepancy:
    """Outlets disagree on a fact: a date, an amount, a name's spelling, or its presence.

    `confidence` (0..1) is how sure it is that the values are of one thing and really differ;
    at `CONFIDENT` or above it is shown as a discrepancy, below as possible, unconfirmed.
    """

    id: str  # "discrepancy-1", … in a deterministic order, confident ones first
    kind: DiscrepancyKind
    about: Reason  # what it is about (render/wording.py words it as the topic)
    values: tuple[DiscrepancyValue, ...]
    why: Reason  # why it is flagged (worded as the explanation)
    confidence: float = 1.0

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


# negation: one side negates words the other states ("is not expected to attend" / "will
# attend"); denial: one side denies them; opposite: the two use words of opposite sense
# ("approved" / "rejected").
ContradictionReason = Literal["negation", "denial", "opposite"]


@dataclass(frozen=True)
class ContradictionSide:
    """One article's side of a contradiction: its sentence, what it does with the disputed
    words, and whether it says so in its own voice or relays someone (`speaker`)."""

    article: str
    sentence: str
    role: Literal["states", "negates"]
    own_voice: bool
    speaker: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """Two outlets state opposite things about the same event, one sentence each.

    Structured, not worded: `reason`, `cue` (the negating words as written, or the two
    opposite words), `words` (the disputed words, as the stating side writes them), each side's
    role and voice, `same_fact` (p that the two tell one fact, the polarity set aside) and
    `confidence` (calibrated; at `CONFIDENT` or above it is shown as a contradiction, below as
    possible, unconfirmed). The render layer words it.
    """

    id: str  # "contradiction-1", … confident ones first
    reason: ContradictionReason
    cue: str
    words: tuple[str, ...]
    sides: tuple[ContradictionSide, ContradictionSide]  # in article and sentence order
    same_fact: float
    confidence: float

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


CONFIDENT = 0.7  # a discrepancy, contradiction or quotation flag this sure is shown as one
