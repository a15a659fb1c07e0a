"""Which way a sentence points on the words it shares with another: stated, negated or denied.

Two outlets contradict each other when one states what the other negates ("will attend" / "is
not expected to attend"), denies ("confirmed" / "denied"), or says the opposite of ("approved"
/ "rejected"). Words alone mislead, so every cue is read in scope, against the words the two
sentences share:

* a **negation** ("not", "no", "never", "n't", "without", "refused to", "failed to", "could
  not") counts only when a shared content word follows it within a few words;
* a **denial** counts only when what it denies (`stance_model.cues.denied_spans`) holds a
  shared content word;
* an **opposite** is a pair of words of opposite sense, one on each side, neither side also
  using the other's word ("approved" / "rejected", "rose" / "fell").

A name is never what is negated: "no Pakistani official" negates an official, not Pakistan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis.claims.stance_model.cues import (
    CONTRACTED_NEGATION,
    NEGATIONS,
    NOT_NEGATING,
    denied_spans,
)
from .lexicon import (
    AUXILIARIES,
    HONORIFICS,
    NEGATED_QUANTIFIERS,
    NEGATING_VERB_FORMS,
    NEGATION_CLAUSE_ENDS,
    NEGATION_PASSES,
    STOPWORDS,
)
from .memo import per_story
from .text import content_stems, fold, stem, words

REACH = 4  # words a negation may pass over to reach the word it negates
NEGATING_VERBS = frozenset(stem(w) for w in NEGATING_VERB_FORMS)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
# Pairs of opposite sense, as stems; a pair reads the same both ways.
_OPPOSITES = """
    confirm:deny admit:deny accept:reject approve:reject support:oppose win:lose won:lost
    rise:fall rose:fell increase:decrease increase:drop increase:decline raise:cut raise:lower
    allow:ban allow:forbid allow:prohibit permit:ban permit:prohibit legal:illegal
    guilty:innocent acquit:convict alive:dead open:close open:shut true:false agree:refuse
    attend:skip attend:boycott join:leave start:end start:stop begin:end lift:impose
    expand:shrink include:exclude survive:die present:absent higher:lower larger:smaller
"""
OPPOSITES: frozenset[tuple[str, str]] = frozenset(
    pair for first, second in (p.split(":") for p in _OPPOSITES.split())
    for pair in ((stem(first), stem(second)), (stem(second), stem(first))))


@dataclass(frozen=True)
class Polarity:
    """How one sentence treats the words it shares with another."""

    negated: frozenset[str]  # shared content stems inside a negation's scope
    denied: frozenset[str]  # shared content stems inside what a denial denies
    cue: str  # the negating or denying words as written ("not expected to"), else ""

    @property
    def negative(self) -> bool:
        return bool(self.negated or self.denied)


def shared_stems(first: str, second: str) -> frozenset[str]:
    """Content stems of both sentences that are words, not names or figures."""
    return _predicate_stems(first) & _predicate_stems(second)


@per_story  # each sentence is compared with many others (every aligned pair, every claim)
def _predicate_stems(text: str) -> frozenset[str]:
    # A capitalised word that does not open the sentence is a name; a figure is a value.
    found = set()
    for index, token in enumerate(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)):
        if token[0].isdigit() or (index and token[0].isupper()):
            continue
        folded = fold(token)
        if folded not in STOPWORDS and folded not in NEGATIONS and folded not in HONORIFICS:
            found.add(stem(folded))
    return frozenset(found)


def polarity(text: str, shared: frozenset[str]) -> Polarity:
    """The negated and denied shared words of `text`, with the cue that does it."""
    tokens, negations, denials = _negation_cues(text)
    negated: set[str] = set()
    cue = ""
    for index in negations:
        head = _negated_head(tokens, index)
        if head is None or stem(tokens[head]) not in shared:
            continue
        negated.add(stem(tokens[head]))
        if not cue:  # "could not confirm", "is not expected to attend": from the auxiliary on
            start = index - 1 if index and tokens[index - 1] in AUXILIARIES else index
            cue = " ".join(tokens[start:head + 1])
    denied: set[str] = set()
    for span_stems in denials:
        hit = span_stems & shared
        if hit:
            denied.update(hit)
            if not cue:
                cue = _denial_word(text)
    return Polarity(frozenset(negated), frozenset(denied), cue)


# A sentence is compared with many others, each time for the stems the two share: where its
# negations stand and what its denials deny are read once per sentence.
@per_story
def _negation_cues(
    text: str,
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[frozenset[str], ...]]:
    """The sentence's tokens, the positions of its negating words, and the content stems of
    each span it denies."""
    tokens = tuple(_TOKEN.findall(NOT_NEGATING.sub(" ", fold(text))))
    negations = tuple(index for index, token in enumerate(tokens)
                      if token in NEGATIONS or CONTRACTED_NEGATION.fullmatch(token)
                      or stem(token) in NEGATING_VERBS)
    return tokens, negations, tuple(frozenset(content_stems(span))
                                    for span, _ in denied_spans(text))


def _negated_head(tokens: Sequence[str], negation: int) -> int | None:
    """The index of the word a negation negates: the first content word after it, past
    auxiliaries, adverbs, articles and verbs that pass it on ("not expected to attend",
    "refused to step down"); None when a clause ends first ("not known which…", "No, …") or
    the negation bounds a quantifier ("not everybody")."""
    for index in range(negation + 1, min(len(tokens), negation + 2 + REACH)):
        token = tokens[index]
        if not token[0].isalnum() or token in NEGATION_CLAUSE_ENDS:
            return None
        if index == negation + 1 and token in NEGATED_QUANTIFIERS:
            return None
        if token in NEGATION_PASSES or token.endswith("ly") or token in NEGATIONS:
            continue
        return index
    return None


_DENIAL_WORD = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject\w*|dismiss\w*|refut\w*|fake|false|hoax|untrue|"
    r"baseless|not true|no evidence|no basis)\b", re.IGNORECASE)


def _denial_word(text: str) -> str:
    match = _DENIAL_WORD.search(text)
    return match.group(0) if match else "denied"


def opposites(first: str, second: str) -> tuple[str, str] | None:
    """A pair of opposite words, the first's then the second's, when neither sentence also
    uses the other's word ("approved" / "rejected"), as written; else None."""
    first_words = {stem(w): w for w in words(fold(first)) if w not in STOPWORDS}
    second_words = {stem(w): w for w in words(fold(second)) if w not in STOPWORDS}
    for mine, word in sorted(first_words.items()):
        for theirs, other in sorted(second_words.items()):
            if (mine, theirs) in OPPOSITES and mine not in second_words \
                    and theirs not in first_words:
                return word, other
    return None
