"""Amounts in news sentences: money ("$2.6 billion"), percentages ("30%") and counts of
things ("26 innocent civilians", "two officials", "dozens of protesters", "a 48-page
indictment"), each with a comparable value and the range of values it allows.

A figure is read as news writes it. "250,000" is a round figure, anything from 245,000 to
255,000; "47" is exact. "about", "nearly" and "some" widen it; "more than", "at least" and
"over" make it a floor, "fewer than", "under" and "at most" a ceiling; "up to" and "as many
as" state the figure itself (the top of the estimate, which is what outlets differ on).
Counts in words are ranges: "dozens" 24 to 99, "hundreds" 200 to 999, "thousands", "tens of
thousands", "a dozen" 12, "a handful" 2 to 6. Two figures can be the same when their ranges
meet.

The counted noun is the one the number counts, up to the first plural ("26 innocent
civilians"; "1.5 million women seeking back pay" counts women). A figure that repeats a count
without its noun ("six arrests Wednesday, compared to 47 the previous night") counts the same
noun. "a 48-page indictment" counts pages of the indictment.

Hand-written on purpose: quantulum3, the maintained quantity extractor, was tried on the seed
story and reads prepositions as units ("13 at" → ampere-turns), the day of "May 30" as a
quantity, and gives no counted noun, which is what news comparison needs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ..model import Fact, FactKind
from .lexicon import (
    COUNT_CLASSIFIERS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FIGURE_MODIFIERS,
    IRREGULAR_PLURALS,
    NUMBER_WORDS,
    SCALE_WORDS,
    SCALES,
    STOPWORDS,
    UNIT_WORDS,
    VAGUE_COUNTS,
)
from .memo import per_story
from .text import fold, stem

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_VAGUE_WORDS = "|".join(sorted((re.escape(w) for w in VAGUE_COUNTS), key=len, reverse=True))
_MODIFIER = "|".join(sorted((re.escape(m) for m in FIGURE_MODIFIERS), key=len, reverse=True))
_LEAD = rf"(?:(?P<mod>(?i:{_MODIFIER}))\s+)?"

_MONEY = re.compile(
    rf"{_LEAD}(?:(?P<cur>US\$|\$|€|£|₹|₽|(?<![A-Za-z])(?:Rs\.?|USD|EUR|GBP|INR|PKR|RUB)\s?)"
    rf"\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{SCALE_WORDS}\b|[mkMK]\b))?"
    rf"|(?P<num2>{_NUMBER})\s?(?P<scale2>{SCALE_WORDS}\s)?\s?"
    rf"(?P<word>(?:US )?(?:dollars?|euros?|pounds|rupees?|roubles?|rubles?|yuan))\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"{_LEAD}(?P<num>{_NUMBER})\s?(?:%|percent\b|per cent\b)",
                      re.IGNORECASE)
_NOUN_WORDS = r"(?P<noun>(?:\s(?!(?:of|in|at|on|and|or|to|for|from|by|with|the|a|an)\b)" \
              r"[a-z][a-z-]+){0,2})"
# A count: a number (digits, or a number word) then the words naming what is counted.
_COUNT_WORDS = "|".join(w for w in NUMBER_WORDS if w != "one")
_COUNT = re.compile(
    rf"{_LEAD}(?<![\w.,$€£₹:-])(?P<num>{_NUMBER}|(?i:{_COUNT_WORDS}))"
    rf"(?:\s(?P<scale>{SCALE_WORDS}|dozen))?(?![\w%:-])" + _NOUN_WORDS
)
# "a 48-page indictment", "a two-year investigation": the unit, then what it measures.
_COMPOUND = re.compile(
    rf"(?<![\w.,$€£₹-])(?P<num>{_NUMBER}|(?i:{'|'.join(NUMBER_WORDS)}))-"
    r"(?P<unit>[a-z]+)(?:-(?:old|long))?(?P<noun>\s[a-z][a-z-]+)?"
)
_VAGUE_COUNT = re.compile(rf"{_LEAD}\b(?P<vague>(?i:{_VAGUE_WORDS}))\b(?:\s+of)?" + _NOUN_WORDS)
# A bare figure that repeats a count just made: "…, compared to 47", "up from 12".
_ELLIPSIS = re.compile(r"(?:compared (?:to|with)|up from|down from|against|versus|vs\.?|"
                       r"from|to|than)\s+$")


def find_quantities(text: str, taken: Iterable[tuple[int, int]] = ()) -> tuple[Fact, ...]:
    """Money, percentages and counts in one sentence, skipping the spans in `taken` (dates)."""
    return _find_quantities(text, tuple(taken))


@per_story  # facts, names and the claim matrix read the same sentences
def _find_quantities(text: str, taken: tuple[tuple[int, int], ...]) -> tuple[Fact, ...]:
    found = _Found(list(taken))
    # In this order: a span one kind takes is not read again by the next.
    for finder in (_money_facts, _percent_facts, _compound_facts, _vague_facts, _count_facts):
        finder(text, found)
    return tuple(sorted(found.facts, key=lambda f: f.start))


class _Found:
    """Facts found so far in one sentence, and the spans they (and dates) take."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.facts: list[Fact] = []

    def free(self, start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in self.spans)

    def add(self, fact: Fact) -> None:
        self.spans.append((fact.start, fact.end))
        self.facts.append(fact)


def _money_facts(text: str, found: _Found) -> None:
    for match in _MONEY.finditer(text):
        if found.free(match.start(), match.end()):
            currency, amount, written = _money(match)
            found.add(_fact("money", text, match, amount, written, currency))


def _percent_facts(text: str, found: _Found) -> None:
    for match in _PERCENT.finditer(text):
        if found.free(match.start(), match.end()):
            # A percentage is exact as written: 30% and 32% differ.
            found.add(_fact("percent", text, match, _float(match["num"]), "", "%"))


def _compound_facts(text: str, found: _Found) -> None:
    for match in _COMPOUND.finditer(text):
        if found.free(match.start(), match.end()) and match["unit"] in UNIT_WORDS:
            noun = (match["noun"] or "").strip()
            if noun in STOPWORDS or noun.endswith("ing"):
                noun = ""
            value = _count_value(match["num"])
            end = match.end("noun") if noun else match.end("unit")
            found.add(Fact("number", text[match.start():end], _number_text(value),
                           match.start(), end, unit=f"{match['unit']} {noun}".strip(),
                           low=_number_text(value), high=_number_text(value)))


def _vague_facts(text: str, found: _Found) -> None:
    for match in _VAGUE_COUNT.finditer(text):
        noun = _head(match["noun"])
        if not noun or not found.free(match.start(), match.end()):
            continue
        nominal, high = VAGUE_COUNTS[match["vague"].lower()]
        low, high = _modified(match["mod"], nominal, high)
        end = match.start("noun") + match["noun"].index(noun) + len(noun)
        money = CURRENCY_WORDS.get(noun.lower().removeprefix("us ").rstrip("s"))
        found.add(Fact("money" if money else "number", text[match.start():end],
                       _number_text(nominal), match.start(), end, unit=money or noun.lower(),
                       low=_number_text(low), high=_bound(high)))


def _count_facts(text: str, found: _Found) -> None:
    for match in _COUNT.finditer(text):
        start = match.start()
        if not found.free(start, match.end("num")) or _is_year(match["num"]):
            continue
        noun = _head(match["noun"])
        if match["num"].isalpha() and not noun:
            continue  # "one" alone is a pronoun far more often than a count
        if match["num"][:1].isupper() and text[:start].strip():
            continue  # "the Final Four", "the Big Ten": a number word in a name
        value = _count_value(match["num"]) * SCALES.get((match["scale"] or "").lower(), 1)
        if noun:
            end = match.start("noun") + match["noun"].index(noun) + len(noun)
        else:
            end = match.end("scale") if match["scale"] else match.end("num")
            noun = _repeated_noun(text, match.start("num"), found.facts)
        if not found.free(start, end):
            continue
        low, high = _range(value, match["num"], match["scale"])
        low, high = _modified(match["mod"], low, high)
        found.add(Fact("number", text[start:end], _number_text(value), start, end,
                       unit=noun.lower(), low=_number_text(low), high=_bound(high)))


def _fact(kind: FactKind, text: str, match: re.Match[str], amount: float, written: str,
          unit: str) -> Fact:
    scale = match.groupdict().get("scale") or match.groupdict().get("scale2")
    low, high = _range(amount, written, scale)
    low, high = _modified(match["mod"], low, high)
    return Fact(kind, match.group(0).strip(), _number_text(amount),
                match.start(), match.start() + len(match.group(0).strip()), unit=unit,
                low=_number_text(low), high=_bound(high))


def _range(value: float, written: str, scale: str | None) -> tuple[float, float]:
    """What a figure as written allows: "47" is 47, "250,000" 245,000 to 255,000, "1.5
    million" 1.45 to 1.55 million (just under half a unit of its last written digit). An
    empty `written` is exact."""
    digits = written.replace(",", "")
    if not digits[:1].isdigit():
        return value, value  # exact: a number word ("six"), a percentage
    multiplier = SCALES.get((scale or "").strip().lower(), 1)
    if "." in digits:
        unit = 10 ** -len(digits.split(".")[1]) * multiplier
    elif multiplier > 1:
        unit = 0.1 * multiplier  # "$1 billion" is written as exactly as "$1.0 billion"
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        unit = 10 ** zeros
    if unit <= 1:
        return value, value
    return value - 0.49 * unit, value + 0.49 * unit


def _modified(modifier: str | None, low: float, high: float) -> tuple[float, float]:
    kind = FIGURE_MODIFIERS.get(re.sub(r"\s+", " ", (modifier or "").lower()))
    if kind == "approx":
        return min(low, high * 0.9), max(high, low * 1.1)
    if kind == "almost":
        return min(low, high * 0.85), high
    if kind == "floor":
        return low, math.inf
    if kind == "ceiling":
        return 0, high
    return low, high


def _repeated_noun(text: str, start: int, before: list[Fact]) -> str:
    """The noun of an earlier count that a bare figure repeats ("compared to 47")."""
    if not _ELLIPSIS.search(text[:start]):
        return ""
    counts = [f for f in before if f.kind == "number" and f.unit and f.end <= start]
    return max(counts, key=lambda f: f.end).unit if counts else ""


def same_thing(first: Fact, second: Fact) -> bool:
    """Whether two amounts measure the same thing: the same counted noun (its last word, the
    head: "innocent civilians" and "civilians"), the same currency, or percentages."""
    if first.kind != second.kind:
        return False
    if first.kind == "number":
        return bool(first.unit and second.unit) and head_stems(first.unit) == head_stems(
            second.unit)
    return first.unit == second.unit


def head_stems(noun: str) -> tuple[str, ...]:
    """The stems that name what is counted: the head noun, and the unit of a compound
    ("page indictment" → page, indictment)."""
    words = [w for w in fold(noun).split() if w not in STOPWORDS]
    if not words:
        return ()
    if words[0] in UNIT_WORDS:
        return tuple(stem(w) for w in words)
    if len(words) > 1 and words[-1] in COUNT_CLASSIFIERS:
        return (stem(words[-2]),)  # "26 civilian lives" counts civilians
    return (stem(words[-1]),)


def noun_stems(noun: str) -> set[str]:
    return {stem(w) for w in fold(noun).split() if w not in STOPWORDS}


def overlap(first: Fact, second: Fact) -> bool:
    """Whether two amounts' ranges meet (the figures can be the same)."""
    def bounds(fact: Fact) -> tuple[float, float]:
        value = float(fact.value)
        low = float(fact.low) if fact.low else value
        high = float(fact.high) if fact.high else math.inf if fact.low else value
        return low, high

    (low_a, high_a), (low_b, high_b) = bounds(first), bounds(second)
    return low_a <= high_b and low_b <= high_a


def _money(match: re.Match[str]) -> tuple[str, float, str]:
    if match["num"]:
        currency = CURRENCY_SYMBOLS.get(match["cur"].strip().lower(), "USD")
        scale = SCALES.get((match["scale"] or "").lower(), 1)
        return currency, _float(match["num"]) * scale, match["num"]
    word = match["word"].lower().split()[-1].rstrip("s")
    scale = SCALES.get((match["scale2"] or "").strip().lower(), 1)
    return CURRENCY_WORDS.get(word, word.upper()), _float(match["num2"]) * scale, match["num2"]


def _head(noun: str) -> str:
    """The counted noun: words up to and including the first plural ("officials engaged");
    a participle ends it ("women seeking")."""
    kept: list[str] = []
    for word in noun.split():
        if word.endswith("ing") and kept:
            break
        kept.append(word)
        if (word.endswith("s") and not word.endswith("ss")) or word in IRREGULAR_PLURALS:
            break
    return " ".join(kept)


def _count_value(token: str) -> float:
    return float(NUMBER_WORDS[token.lower()]) if token.isalpha() else _float(token)


def _float(token: str) -> float:
    return float(token.replace(",", ""))


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2099


def _number_text(value: float) -> str:
    if math.isinf(value):
        return ""
    value = round(value, 6)
    return str(int(value)) if value == int(value) else f"{value:.6f}".rstrip("0")


def _bound(value: float) -> str:
    """An upper bound as text: empty for no bound ("more than 40")."""
    return _number_text(value)
