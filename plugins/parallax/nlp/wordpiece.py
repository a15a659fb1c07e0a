"""BERT's uncased WordPiece tokenizer in plain Python: text -> vocabulary ids.

The shipped embedding model was distilled from all-MiniLM-L6-v2, whose tokenizer is BERT's
uncased WordPiece. Hugging Face `tokenizers` would do this in Rust, but it is a heavy wheel for
a few dozen lines of rules; this module reproduces its output exactly for the rules the model
uses (BertNormalizer: clean text, CJK spacing, lowercase, strip accents; BertPreTokenizer:
whitespace and punctuation; WordPiece: greedy longest match, `##` continuations), which
`tools/build_embedding_model.py` checks against the library on real text. Each distinct word is
tokenized once (news repeats its words), so the cost is a dictionary lookup per word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

MAX_WORD_CHARS = 100  # longer "words" (URLs, hashes) are one unknown token, as in BERT
CONTINUATION = "##"


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cf")


def _is_whitespace(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII symbol ("$", "^", "`") as punctuation, beside
    # the Unicode P* categories.
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F
            or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF
            or 0x2F800 <= code <= 0x2FA1F)


def normalize(text: str) -> str:
    """BertNormalizer: drop control characters, space out CJK, lowercase, strip accents."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or _is_control(char):
            continue
        if _is_whitespace(char):
            out.append(" ")
        elif _is_cjk(code):
            out.append(f" {char} ")
        else:
            out.append(char)
    lowered = "".join(out).lower()
    return "".join(c for c in unicodedata.normalize("NFD", lowered)
                   if unicodedata.category(c) != "Mn")


def pre_tokenize(text: str) -> list[str]:
    """BertPreTokenizer: split on whitespace, and make every punctuation mark its own word."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if _is_whitespace(char):
            if current:
                words.append("".join(current))
                current = []
        elif _is_punctuation(char):
            if current:
                words.append("".join(current))
                current = []
            words.append(char)
        else:
            current.append(char)
    if current:
        words.append("".join(current))
    return words


class WordPiece:
    """Greedy longest-match-first WordPiece over a fixed vocabulary."""

    def __init__(self, vocabulary: Mapping[str, int], unknown: str = "[UNK]") -> None:
        self.vocabulary = vocabulary
        self.unknown_id = vocabulary[unknown]
        self._word_ids = lru_cache(maxsize=200_000)(self._split_word)
        self._piece_ids = lru_cache(maxsize=200_000)(self._split_piece)

    def _split_word(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unknown_id,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                found = self.vocabulary.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unknown_id,)  # one unmatchable piece makes the whole word unknown
            ids.append(found)
            start = end
        return tuple(ids)

    def ids(self, text: str) -> list[int]:
        """Vocabulary ids of a text, unknown words included (as the unknown id)."""
        out: list[int] = []
        # Normalising is a map of each character on its own and a space stays a space, so a
        # text can be cut at its spaces first, and each piece ("Pakistan's", "(IANS)") be
        # tokenized once per process: news repeats its words, and the character loop is the
        # slow part.
        for piece in text.split(" "):
            out.extend(self._piece_ids(piece))
        return out

    def _split_piece(self, piece: str) -> tuple[int, ...]:
        return tuple(i for word in pre_tokenize(normalize(piece)) for i in self._word_ids(word))
