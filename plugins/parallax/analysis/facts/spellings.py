"""One name spelt two ways: a typo ("Tump" beside "Trump", "Paris Island" beside "Parris
Island") or a transliteration ("Moammar Gadhafi" beside "Muammar al-Qaddafi", "al-Qa'ida"
beside "al Qaeda"); never an inflection ("Democrat", "Democrats", "Democratic"), a possessive
or a demonym ("Africa", "African").

Two spellings are of one name when every word but one is the same (Arabic articles such as
"al-" aside) and that word is
* a typo: string similarity of 85 or more (rapidfuzz ratio) with the same first letter, or
* a transliteration: the same consonant skeleton once vowels, doubled letters and the usual
  alternations (q/k/g, dh/d, ph/f) are folded, in words of five letters or more that are
  still alike as strings (ratio 65 or more),
and is not the other plus an inflection or derivation suffix.

How sure that is depends on the evidence that both spellings name the same referent: another
word of the name that agrees ("Paris Island"), sentences the alignment pairs that carry one
spelling each, or one spelling that is rare (one or two sentences) beside a common one (three
or more). Without such evidence a pair is only a possible variant. Two spellings in one
sentence are two names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ...model import (
    Discrepancy,
    DiscrepancyValue,
    Reason,
    SentenceFacts,
    Story,
    sentence_number,
)
from ...nlp.lexicon import SPELLING_PARTICLES
from ...nlp.text import fold, stem

TYPO_RATIO = 85  # rapidfuzz ratio for two spellings of one word
MIN_LETTERS = 4
TRANSLITERATION_LETTERS = 5
TRANSLITERATION_RATIO = 65  # and still this alike as strings
RARE, COMMON = 2, 3  # sentences: a spelling this rare beside one this common is a slip
# Confidence by evidence (see the module docstring).
OTHER_WORDS_AGREE, LINKED, RARE_BESIDE_COMMON, UNTIED = 0.9, 0.85, 0.8, 0.5
TRANSLITERATION_DISCOUNT = 0.95
NAME_KINDS = ("person", "place", "organisation", "name")
# Endings that make another word of the same name: plurals, possessives, demonyms and
# adjectives ("Democrats", "Trump's", "African", "Democratic", "Italian", "Pakistani").
_SUFFIXES = ("s", "es", "n", "an", "ian", "ans", "ians", "ns", "ese", "ish", "ic", "ics", "i",
             "is", "ite", "ites", "ist", "ists", "ern", "ean", "eans", "er", "ers")
_FOLDS = (("ph", "f"), ("dh", "d"), ("kh", "k"), ("th", "t"), ("ck", "k"), ("q", "k"),
          ("g", "k"), ("c", "k"), ("y", "i"))


@dataclass
class _Name:
    written: str
    kind: str
    words: tuple[str, ...]
    where: dict[str, set[str]] = field(default_factory=dict)  # article → sentences

    @property
    def sentences(self) -> set[tuple[str, str]]:
        return {(a, s) for a, ss in self.where.items() for s in ss}


def comparable_words(value: str) -> tuple[str, ...]:
    """The words of a folded name without articles and apostrophes: "al-qa'ida" → ("qaida",)."""
    words = []
    for word in re.split(r"[\s-]+", value):
        word = re.sub(r"[^a-z]", "", fold(word))
        if word and word not in SPELLING_PARTICLES:
            words.append(word)
    return tuple(words)


def inflected(first: str, second: str) -> bool:
    """One word is the other inflected or derived: "democrat"/"democrats"/"democratic",
    "africa"/"african", "italy"/"italian"."""
    short, long = sorted((first, second), key=len)
    if stem(short) == stem(long):
        return True
    for suffix in _SUFFIXES:
        if long == short + suffix:
            return True
        if short[-1] in "aeiouy" and long == short[:-1] + suffix:
            return True
    return False


def skeleton(word: str) -> str:
    """The word with vowels, doubled letters and common transliteration alternations folded:
    "qaddafi" and "gadhafi" are both "kadafa"."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = re.sub(r"[aeiou]+", "a", word)
    return re.sub(r"(.)\1+", r"\1", word)


def variant(first: str, second: str) -> str | None:
    """"typo", "transliteration" or None for two spellings of one word of a name."""
    if first == second or min(len(first), len(second)) < MIN_LETTERS or inflected(first,
                                                                                    second):
        return None
    short, long = sorted((first, second), key=len)
    if long.startswith(short):
        return None  # an ending added ("Salesforce.com"): another form, not a slip
    if first[0] == second[0] and fuzz.ratio(first, second) >= TYPO_RATIO:
        return "typo"
    if min(len(first), len(second)) >= TRANSLITERATION_LETTERS and skeleton(
            first) == skeleton(second) and fuzz.ratio(first, second) >= TRANSLITERATION_RATIO:
        return "transliteration"
    return None


def name_spellings(
    story: Story,
    facts: Sequence[SentenceFacts],
    linked: set[tuple[tuple[str, str], tuple[str, str]]],
) -> list[Discrepancy]:
    """Names spelt two ways, each with its confidence; ids are left for the caller."""
    # One entry per spelling: "al Qaeda" and "Qaeda" are one spelling of one name.
    names: dict[tuple[str, ...], _Name] = {}
    for entry in facts:
        for fact in entry.facts:
            if fact.kind in NAME_KINDS and (words := comparable_words(fact.value)):
                name = names.setdefault(words, _Name(fact.text, fact.kind, words))
                name.where.setdefault(entry.article, set()).add(entry.sentence)
                if name.kind == "name" and fact.kind != "name":
                    name.kind = fact.kind
    found: dict[frozenset[tuple[str, str]], list[tuple[_Name, _Name, float, str]]] = {}
    for x, y in itertools.combinations(sorted(names), 2):
        first, second = names[x], names[y]
        judged = _judge(first, second, linked)
        if judged is not None:
            # Spellings in the same sentences are one discrepancy ("Muammar … al-Qaddafi"
            # against "Moammar … Gadhafi").
            key = frozenset(first.sentences | second.sentences)
            found.setdefault(key, []).append((first, second, *judged))
    order = {a.id: k for k, a in enumerate(story.articles)}
    return [_discrepancy(pairs, order) for _, pairs in sorted(
        found.items(), key=lambda kv: sorted(kv[0]))]


def _judge(
    first: _Name, second: _Name, linked: set[tuple[tuple[str, str], tuple[str, str]]]
) -> tuple[float, str] | None:
    if len(first.words) != len(second.words) or first.words == second.words:
        return None
    if first.kind != second.kind and "name" not in (first.kind, second.kind):
        return None
    differing = [(p, q) for p, q in zip(first.words, second.words, strict=True) if p != q]
    if len(differing) != 1:
        return None
    kind = variant(*differing[0])
    if kind is None or first.sentences & second.sentences:
        return None  # not one word spelt twice, or two names side by side in one sentence
    if len(first.words) > 1:
        confidence = OTHER_WORDS_AGREE
    elif any((p, q) in linked or (q, p) in linked
             for p in first.sentences for q in second.sentences):
        confidence = LINKED
    elif sorted((len(first.sentences), len(second.sentences)))[0] <= RARE and max(
            len(first.sentences), len(second.sentences)) >= COMMON:
        confidence = RARE_BESIDE_COMMON
    else:
        confidence = UNTIED
    if kind == "transliteration":
        confidence *= TRANSLITERATION_DISCOUNT
    return round(confidence, 3), kind


def _discrepancy(
    pairs: list[tuple[_Name, _Name, float, str]], order: dict[str, int]
) -> Discrepancy:
    names = list({id(n): n for pair in pairs for n in pair[:2]}.values())
    by_article: dict[tuple[str, str], set[str]] = {}
    for name in names:
        for article, sentences in name.where.items():
            by_article.setdefault((article, name.written), set()).update(sentences)
    values = tuple(sorted(
        (DiscrepancyValue(a, written, tuple(sorted(s, key=sentence_number)))
         for (a, written), s in by_article.items()),
        key=lambda v: (order[v.article], sentence_number(v.sentences[0]), v.value)))
    why = Reason.of("spellings", one_article=len({v.article for v in values}) == 1,
                    spellings=tuple((a.written, b.written) for a, b, _, _ in pairs),
                    kinds=tuple(sorted({k for *_, k in pairs})))
    confidence = max(c for _, _, c, _ in pairs)
    return Discrepancy("", "name", Reason.of("name", name=pairs[0][0].written), values, why,
                       confidence)
