"""Text primitives: paragraphs, sentences, normalised word tokens and stems.

Sentence boundaries come from pysbd (rule-based, no model download); it keeps a quotation of
several sentences together, which suits news text where a quote is cited as one unit. pysbd's
English rules know only Latin full stops, so every other script's sentence end (Unicode's
Sentence_Terminal: Urdu ۔, Arabic ؟, Devanagari ।, Armenian ։, Ethiopic ።, Myanmar ။, CJK 。…)
splits too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pysbd
import regex
import snowballstemmer
from pysbd.utils import TextSpan

from ..model import Sentence
from .lexicon import STOPWORDS
from .memo import per_story

_LINK_TARGET = r"\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"  # one level of nested parens
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]" + _LINK_TARGET)
_MD_LINK = re.compile(r"\[([^\]]+)\]" + _LINK_TARGET)
_WS = re.compile(r"\s+")
# A sentence end of a non-Latin script, with any closing quotes or brackets after it, followed
# by a space; the ideographic ones end a sentence with no space after them.
_SCRIPT_END = regex.compile(
    r"(?<=[\p{Sentence_Terminal}--\p{ASCII}][\p{Pe}\p{Pf}\"'»」』]*)\s+"
    r"|(?<=[。！？｡][\p{Pe}\p{Pf}」』]*)(?=[^\s\p{Pe}\p{Pf}」』])",
    flags=regex.VERSION1,
)
# Closing brackets and quotes a splitter left at the start of the next sentence ("。」").
_LEADING_CLOSERS = regex.compile(r"^[\p{Pe}”]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:[-‐][^\W_]+)*", re.UNICODE)



class _Segmenter(pysbd.Segmenter):
    r"""pysbd's segmenter, finding each sentence in the text with `str.find`.

    pysbd (0.3) gives back each sentence as it stands in the original text by searching for
    `re.escape(sentence) + r"\s*"`: a regular expression compiled for every sentence, which
    also pushes pysbd's own rules out of `re`'s cache of 512 patterns, so they are compiled
    again and again: about a third of the time data loading took. This finds the same spans,
    by the same rules (the first non-overlapping occurrence ending after the previous
    sentence, with the whitespace after it; `\s` is `str.isspace`). `tests/test_text.py`
    compares the two on the seeds and the corpus's stories; they also agreed on all 28,479
    paragraphs of FNC-1's article bodies.
    """

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        if not all(sentences):  # an empty sentence matches anywhere: pysbd's own way
            return list(super().sentences_with_char_spans(sentences))
        text: str = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        for sentence in sentences:
            start = text.find(sentence)
            while start >= 0:
                end = start + len(sentence)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[start:end], start, end))
                    prior_end = end
                    break
                start = text.find(sentence, end)  # the next match that does not overlap
        return spans


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return _Segmenter(language="en", clean=False)


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space and strip."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def plain_inline(text: str) -> str:
    """Reduce inline Markdown links and images to their visible text.

    Article bodies are untrusted: a link such as ``[x](javascript:…)`` must never become live, so
    the analysis works on plain text and the renderers escape it.
    """
    return _MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", text))


def split_paragraphs(body: str) -> list[str]:
    """Split a Markdown body into paragraphs (blank-line separated), dropping a leading H1."""
    paragraphs = [normalise_whitespace(p) for p in re.split(r"\n\s*\n", body)]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and paragraphs[0].startswith("# "):
        paragraphs = paragraphs[1:]
    return paragraphs


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences."""
    return list(_split_cached(paragraph))


@lru_cache(maxsize=65536)
def _split_cached(paragraph: str) -> tuple[str, ...]:
    # pysbd costs ~1 ms per paragraph; `mkdocs serve` re-reads unchanged files on every rebuild.
    pieces: list[str] = []
    for segment in _segmenter().segment(paragraph):
        for part in _SCRIPT_END.split(segment):
            part = normalise_whitespace(part)
            closers = _LEADING_CLOSERS.match(part)
            if closers and pieces:  # they close the previous sentence
                pieces[-1] += closers.group(0)
                part = part[closers.end():].lstrip()
            if part:
                pieces.append(part)
    return tuple(pieces)


def sentences_from_body(body: str) -> tuple[Sentence, ...]:
    """Paragraphs, then sentences, numbered ``s1``, ``s2``, … in reading order."""
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(split_paragraphs(body)):
        for text in split_sentences(plain_inline(paragraph)):
            sentences.append(Sentence(id=f"s{len(sentences) + 1}", text=text, paragraph=index))
    return tuple(sentences)


@per_story
def fold(text: str) -> str:
    """Case- and typography-insensitive form used to compare texts (quotes, dashes, accents).

    Memoised: the analysis folds the same sentences and clauses many times over.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.translate(_TYPOGRAPHY)
    return normalise_whitespace(text).lower()


_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‹": "'",
        "›": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)


def words(text: str) -> list[str]:
    """Word tokens in their original spelling (no punctuation)."""
    return list(_words(text))


@per_story  # the analysis splits the same sentences many times over
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def stem(word: str) -> str:
    return _stem_cached(word)


@lru_cache(maxsize=65536)
def _stem_cached(word: str) -> str:
    return str(_stemmer().stemWord(word))


def content_stems(text: str) -> list[str]:
    """Stems of the content words of `text`, in order (stop words dropped)."""
    return list(_content_stems(text))


@per_story
def _content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS)


def has_content(text: str) -> bool:
    """Whether `text` has a content word: one that is not a stop word (numbers count).

    A sentence of stop words only ("It was May, and Will said he would be there.") matches
    nothing and asserts nothing checkable, so it is never a claim or a claim's evidence.
    """
    return bool(_content_stems(text))


def word_tokens_with_space(text: str) -> list[str]:
    """Tokens for a word-level diff: words, punctuation and the spaces between them.

    Joining the tokens gives back `text` exactly, so a diff over them loses nothing.
    """
    return re.findall(r"\s+|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]|_", text)
