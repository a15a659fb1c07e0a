"""Shared passages between two texts: word n-gram anchors, chained across small edits, aligned.

The method follows passim's outline (Smith et al.): find n-grams two texts have in common
(anchors), join anchors that lie close together on both sides into one candidate passage, then
align the candidate word by word (difflib) to count what really matches. A few inserted, dropped
or changed words between two anchors do not break a passage; a rewritten sentence with no
shared four-word run does not make one.

Words are compared as Snowball stems of their folded form, so "identified"/"identify" and
curly/straight quotes match. Every word also records whether it stands inside quotation marks,
so the caller can tell copied narrative from a quotation two reporters heard alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from cydifflib import SequenceMatcher

from ...model import Article
from ...nlp.lexicon import STOPWORDS
from ...nlp.memo import per_story
from ...nlp.text import fold, stem

NGRAM = 4  # anchor length in words: long enough to be rare by chance, short enough to survive edits
MAX_GAP = 6  # words either side between two anchors that still read as one passage
MIN_MATCHED = 8  # a passage needs this many matched words (two overlapping anchors at least)
MAX_REPEATS = 3  # an n-gram repeated more often than this in one text is a refrain, not an anchor
MIN_CONTENT = 2  # an anchor needs this many non-stop words ("in the wake of" is not evidence)

# Same word pattern as text.words (checked by a test), plus the quotation marks we track.
_WORD = r"[^\W_]+(?:['’][^\W_]+)*(?:[-‐][^\W_]+)*"
_TOKEN = re.compile(rf'(["“”«»])|({_WORD})')
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})
_OPENING = "“«"
_CLOSING = "”»"
_OPEN_CONTEXT = " \t([{—–-/"
_CLOSE_CONTEXT = " \t.,;:!?)]}—–-/"


@dataclass(frozen=True)
class Token:
    """One word of an article: its comparison key and where it stands in the text."""

    key: str  # stem of the folded word
    sentence: int  # index into article.sentences
    start: int  # character offsets inside that sentence's text
    end: int
    quoted: bool  # inside quotation marks
    stop: bool  # a function word


@dataclass(frozen=True)
class Span:
    """A candidate or final passage: token ranges [a0, a1) and [b0, b1) and the words matched."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched_a: tuple[int, ...] = ()  # token indices of a that found their match in b
    matched_b: tuple[int, ...] = ()

    @property
    def matched(self) -> int:
        return len(self.matched_a)


def tokenize(article: Article) -> list[Token]:
    """Word tokens of the whole article, each flagged when inside quotation marks.

    Quotation state runs across the sentences of a paragraph and is reset at each paragraph:
    news quotes close within their paragraph (or are re-opened in the next). A closing mark with
    no opening one quotes the paragraph up to it, which is how scrapers lose opening marks.
    """
    tokens: list[Token] = []
    inside, paragraph, paragraph_start = False, -1, 0
    for index, sentence in enumerate(article.sentences):
        if sentence.paragraph != paragraph:
            inside, paragraph, paragraph_start = False, sentence.paragraph, len(tokens)
        # Dashes fold to hyphens one for one (as in text.fold), so offsets stay those of the text.
        text = sentence.text.translate(_DASHES)
        for match in _TOKEN.finditer(text):
            mark = match.group(1)
            if mark is None:
                word = fold(match.group(2))
                tokens.append(Token(stem(word), index, match.start(), match.end(), inside,
                                    word in STOPWORDS))
            elif _is_opening(text, match.start(), mark):
                inside = True
            elif inside:
                inside = False
            else:  # an orphan closing mark: everything before it in the paragraph was quoted
                for k in range(paragraph_start, len(tokens)):
                    tokens[k] = _quoted(tokens[k])
    return tokens


def _quoted(token: Token) -> Token:
    return Token(token.key, token.sentence, token.start, token.end, True, token.stop)


def _is_opening(text: str, at: int, mark: str) -> bool:
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before in _OPEN_CONTEXT and after not in _CLOSE_CONTEXT:
        return True
    if after in _CLOSE_CONTEXT:
        return False
    return not before.isalnum()


def find_spans(a: list[Token], b: list[Token]) -> list[Span]:
    """Shared passages of two token lists, longest first, none overlapping another on a side."""
    seeds = _seeds(a, b)
    chains = _chain(seeds)
    keys_a = [t.key for t in a]
    keys_b = [t.key for t in b]
    aligned: list[Span] = []
    for chain in chains:
        matcher = SequenceMatcher(
            None, keys_a[chain.a0:chain.a1], keys_b[chain.b0:chain.b1], autojunk=False
        )
        blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
        matched_a = tuple(chain.a0 + blk.a + k for blk in blocks for k in range(blk.size))
        matched_b = tuple(chain.b0 + blk.b + k for blk in blocks for k in range(blk.size))
        if len(matched_a) >= MIN_MATCHED:
            aligned.append(Span(chain.a0, chain.a1, chain.b0, chain.b1, matched_a, matched_b))
    return _non_overlapping(aligned)


def _grams(tokens: list[Token]) -> dict[tuple[str, ...], list[int]]:
    """Each n-gram of keys with enough content words, and where it starts (read-only: an
    article's n-grams are shared by every pair it is in)."""
    return _grams_of(tuple(t.key for t in tokens), tuple(t.stop for t in tokens))


@per_story
def _grams_of(
    keys: tuple[str, ...], stops: tuple[bool, ...]
) -> dict[tuple[str, ...], list[int]]:
    # Content words before each position: a window's count is a difference, not a re-count.
    before = list(accumulate((not stop for stop in stops), initial=0))
    grams: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(keys) - NGRAM + 1):
        if before[i + NGRAM] - before[i] < MIN_CONTENT:
            continue
        grams.setdefault(tuple(keys[i:i + NGRAM]), []).append(i)
    return grams


def _seeds(a: list[Token], b: list[Token]) -> list[Span]:
    """Maximal runs of consecutive shared n-grams on one diagonal (i - j constant)."""
    grams_a, grams_b = _grams(a), _grams(b)
    hits = sorted(
        ((i - j, i, j) for gram, positions in grams_a.items()
         if gram in grams_b and len(positions) <= MAX_REPEATS
         and len(grams_b[gram]) <= MAX_REPEATS
         for i in positions for j in grams_b[gram]),
    )
    seeds: list[Span] = []
    last: tuple[int, int] | None = None  # (diagonal, i) of the previous hit
    for diagonal, i, j in hits:
        if last is not None and last == (diagonal, i - 1):
            s = seeds[-1]
            seeds[-1] = Span(s.a0, i + NGRAM, s.b0, j + NGRAM)
        else:
            seeds.append(Span(i, i + NGRAM, j, j + NGRAM))
        last = (diagonal, i)
    return sorted(seeds, key=lambda s: (s.a0, s.b0, s.a1, s.b1))


def _chain(seeds: list[Span]) -> list[Span]:
    """Join seeds that follow each other on both sides within MAX_GAP words (a small edit)."""
    chains: list[Span] = []
    active: list[int] = []  # chains a seed can still join: seeds come in order of a0
    for seed in seeds:
        best: tuple[int, int] | None = None  # (gap, chain index)
        active = [k for k in active if seed.a0 - chains[k].a1 <= MAX_GAP]
        for k in active:
            chain = chains[k]
            gap_a, gap_b = seed.a0 - chain.a1, seed.b0 - chain.b1
            if -NGRAM < gap_a <= MAX_GAP and -NGRAM < gap_b <= MAX_GAP:
                gap = max(gap_a, 0) + max(gap_b, 0)
                if best is None or gap < best[0]:
                    best = (gap, k)
        if best is None:
            active.append(len(chains))
            chains.append(seed)
        else:
            chain = chains[best[1]]
            chains[best[1]] = Span(chain.a0, max(chain.a1, seed.a1), chain.b0,
                                   max(chain.b1, seed.b1))
    return chains


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the longest passages; drop any that reuse words already claimed on either side."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-s.matched, s.a0, s.b0)):
        if any((span.a0 < k.a1 and k.a0 < span.a1) or (span.b0 < k.b1 and k.b0 < span.b1)
               for k in kept):
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: (s.a0, s.b0))
