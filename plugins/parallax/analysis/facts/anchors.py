"""What a fact is about: the event a date is for, the thing an amount measures.

Two values are compared only when they describe the same thing, and a sentence often holds
two: "The governor … told The Indianapolis Star on Saturday that … the law, which he signed
on Thursday" dates a telling and a signing. Each date is tied to the words of its own clause:
the noun it qualifies ("a March 3 deadline", "Wednesday's ruling"), else the nearest content
words before it in its clause (the verb that governs it: "signed it into law on Thursday"),
else, for a date that opens its clause ("On Thursday, the service announced …"), the first
words after. Words are compared as lemmas (irregular pasts mapped: "met" is "meet", "repaid"
"repay") and stems.

A date on a reporting verb also bounds what was reported: "lawyers said in 2017 that Hunter
repaid the campaign" puts the repayment no later than 2017, so that event is recorded with a
"≤" mark and compared as a bound.

An amount is about the content words of its clause next to it: "$250,000 in campaign funds",
"48 percent of the vote", "repaid his campaign more than $60,000".
"""

from __future__ import annotations

import re

from ...model import Fact
from ...nlp.lexicon import (
    ANCHOR_NUMBER_WORDS,
    DETERMINERS,
    GENERIC_EVENT_WORDS,
    IRREGULAR_VERB_LEMMAS,
    REPORTING_STEMS,
    STOPWORDS,
)
from ...nlp.text import fold, stem

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_BREAK = re.compile(r",(?!\d)|[;:“”\"—–]|\s-\s")  # not the comma of "60,000"
_SENTENCE_BREAK = re.compile(r"[;:—–]|\s-\s")
# Function words; unlike the similarity stop list, reporting verbs ("said", "told") count.
_FUNCTION = STOPWORDS - {"said", "says", "say", "told"}
_PAST = re.compile(r"^[a-z]+ed$")
_BOUND = "≤"


def lemma(word: str) -> str:
    """A comparable form of a word: irregular forms mapped, then stemmed."""
    folded = fold(word).replace("'", "").replace("’", "")
    return stem(IRREGULAR_VERB_LEMMAS.get(folded, folded))


def _content(text: str, start: int, end: int) -> list[tuple[str, int, str]]:
    """(lemma, offset, word) of the content words between two offsets, in order: no function
    words, no names (capitalised inside the sentence), no figures, no date words."""
    found = []
    for match in _WORD.finditer(text, start, end):
        word = match.group(0)
        lower = fold(word)
        if (lower in _FUNCTION or lower in GENERIC_EVENT_WORDS or lower in ANCHOR_NUMBER_WORDS
                or len(lower) < 3):
            continue
        if word[:1].isupper():
            continue  # a name ("Nazaroof", "The Indianapolis Star"), or a sentence opener
        found.append((lemma(word), match.start(), word))
    return found


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around [start, end)."""
    breaks_before = [m.end() for m in _BREAK.finditer(text, 0, start)]
    after = _BREAK.search(text, end)
    return (breaks_before[-1] if breaks_before else 0), (after.start() if after else len(text))


def date_event(text: str, fact: Fact) -> str:
    """The event a date is for, as space-separated lemmas, the word next to the date first;
    "≤lemma" marks an event the date bounds (reported as done by then)."""
    follow = re.match(r"\s*(?:['’]s\b)?", text[fact.end:])
    after = fact.end + (follow.end() if follow else 0)
    before_words = re.findall(r"[A-Za-z’']+", text[:fact.start])
    attributive = (before_words and before_words[-1].lower() in DETERMINERS) or (
        re.match(r"['’]s\b", text[fact.end:]) is not None)
    if attributive:
        nouns = _content(text, after, min(len(text), after + 40))
        nouns = [n for n in nouns if n[1] <= after + 25][:2]
        if nouns and not any(m.start() < nouns[0][1] for m in _BREAK.finditer(text, after,
                                                                               nouns[0][1])):
            return " ".join(n[0] for n in nouns)  # "a March 3 deadline", "Tuesday's vote"
    low, high = _clause(text, fact.start, fact.end)
    left = _content(text, low, fact.start)[-2:]
    words = [n[0] for n in reversed(left)]  # nearest first
    if not left:
        # The date opens its clause ("On Thursday, the service announced …", "Earlier
        # Monday, Connecticut Gov. Dan Malloy (D) took a similar stand"): the main clause
        # follows, past the comma and any names.
        stop = _SENTENCE_BREAK.search(text, fact.end)
        words = [n[0] for n in _content(text, fact.end, stop.start() if stop else len(text))[:3]]
    bounded = []
    reported = re.search(r"\bthat\b", text[fact.end:high + 60])
    if any(w in REPORTING_STEMS for w in words) and reported:
        # "said in 2017 that Hunter and his wife repaid the campaign": the repayment was done.
        tail_start = fact.end + reported.end()
        tail_end = _clause(text, tail_start, tail_start)[1]
        previous = ""
        for match in _WORD.finditer(text, tail_start, tail_end):
            word = fold(match.group(0))
            passive = previous in ("be", "been", "being", "is", "are", "was", "were")
            if not passive and ((word in IRREGULAR_VERB_LEMMAS and not word.endswith("ing")) or (
                    _PAST.match(word) and len(word) > 4)):
                bounded.append(_BOUND + lemma(word))
            previous = word
    return " ".join(dict.fromkeys([*words, *bounded]))


def amount_subject(text: str, fact: Fact) -> str:
    """What an amount measures: content lemmas of its clause just after it ("of the vote",
    "in campaign funds"), and just before it ("repaid his campaign more than $60,000")."""
    low, high = _clause(text, fact.start, fact.end)
    after = [n[0] for n in _content(text, fact.end, high)[:3]]
    before = [n[0] for n in _content(text, low, fact.start)[-2:]]
    return " ".join(dict.fromkeys([*after, *before]))


def plain(about: str) -> set[str]:
    """The event or subject lemmas, without the bounded ones."""
    return {w for w in about.split() if not w.startswith(_BOUND)}


def bounded(about: str) -> set[str]:
    """The events a date bounds ("≤repay")."""
    return {w[1:] for w in about.split() if w.startswith(_BOUND)}


def relation(first: Fact, second: Fact) -> str:
    """How two dates' events relate: "same" (a shared event word, the word next to one of the
    dates: "signed into law on Thursday"/"signed it into law on Thursday", not "law grew
    Monday"/"law enacted last week"), "reported" (a shared reporting verb only), "bounded"
    (one bounds the other's event), or "" (none)."""
    shared = plain(first.about) & plain(second.about)
    nearest = {a.split()[0] for a in (first.about, second.about) if a}
    if (shared - REPORTING_STEMS) & nearest:
        return "same"
    if bounded(first.about) & plain(second.about) or bounded(second.about) & plain(first.about):
        return "bounded"
    return "reported" if shared else ""
