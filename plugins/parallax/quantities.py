"""Amounts in news sentences: money ("$2.6 billion"), percentages ("30%") and counts of
things ("26 innocent civilians", "two officials"), each with a comparable value.

Hand-written on purpose: quantulum3, the maintained quantity extractor, was tried on the seed
story and reads prepositions as units ("13 at" → ampere-turns, "700 acres at" → acre
ampere-turns), the day of "May 30" as a quantity, and gives no counted noun, which is what news
comparison needs ("26 civilians" vs "25 civilians"). News amounts are few in form; these
patterns cover them and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Fact
from .text import STOPWORDS, fold, stem

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7,
          "lakh": 1e5, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
_SCALE_WORDS = r"(?:thousand|million|billion|trillion|crore|lakh|bn|mn)"
_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                     "£": "GBP", "gbp": "GBP", "₹": "INR", "rs": "INR", "rs.": "INR",
                     "inr": "INR", "pkr": "PKR", "rub": "RUB", "₽": "RUB"}
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "rupee": "INR",
                   "rouble": "RUB", "ruble": "RUB", "yuan": "CNY"}
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}

_MONEY = re.compile(
    rf"(?P<cur>US\$|\$|€|£|₹|₽|(?<![A-Za-z])(?:Rs\.?|USD|EUR|GBP|INR|PKR|RUB)\s?)"
    rf"\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE_WORDS}\b|[mkMK]\b))?"
    rf"|(?P<num2>{_NUMBER})\s?(?P<scale2>{_SCALE_WORDS}\s)?\s?"
    rf"(?P<word>(?:US )?(?:dollars?|euros?|pounds|rupees?|roubles?|rubles?|yuan))\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
# A count: a number (digits, or a number word) then the words naming what is counted.
_COUNT = re.compile(
    rf"(?<![\w.,$€£₹-])(?P<num>{_NUMBER}|(?i:{'|'.join(w for w in _WORD_NUMBERS if w != 'one')}))"
    rf"(?:\s(?P<scale>{_SCALE_WORDS}))?(?![\w%-])"
    r"(?P<noun>(?:\s(?!(?:of|in|at|on|and|or|to|for|from|by|with|the|a|an)\b)"
    r"[a-z][a-z-]+){0,2})"
)


def find_quantities(text: str, taken: Iterable[tuple[int, int]] = ()) -> tuple[Fact, ...]:
    """Money, percentages and counts in one sentence, skipping the spans in `taken` (dates)."""
    spans = list(taken)
    facts: list[Fact] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in spans)

    for match in _MONEY.finditer(text):
        if not free(match.start(), match.end()):
            continue
        currency, amount = _money(match)
        spans.append((match.start(), match.end()))
        facts.append(Fact("money", match.group(0).strip(), _number_text(amount),
                          match.start(), match.end(), unit=currency))
    for match in _PERCENT.finditer(text):
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end()))
            facts.append(Fact("percent", match.group(0), _number_text(_float(match["num"])),
                              match.start(), match.end(), unit="%"))
    for match in _COUNT.finditer(text):
        start, end = match.start(), match.end()
        if not free(start, end) or _is_year(match["num"]):
            continue
        noun = _head(match["noun"])
        if match["num"].isalpha() and not noun:
            continue  # "one" alone is a pronoun far more often than a count
        value = _count_value(match["num"]) * _SCALE.get((match["scale"] or "").lower(), 1)
        if noun:
            end = match.start("noun") + match["noun"].index(noun) + len(noun)
        else:
            end = match.end("scale") if match["scale"] else match.end("num")
        spans.append((start, end))
        facts.append(Fact("number", text[start:end], _number_text(value), start, end,
                          unit=noun.lower()))
    return tuple(sorted(facts, key=lambda f: f.start))


def same_thing(first: Fact, second: Fact) -> bool:
    """Whether two amounts measure the same thing: same currency, or a shared counted noun."""
    if first.kind != second.kind:
        return False
    if first.kind == "number":
        return bool(noun_stems(first.unit) & noun_stems(second.unit))
    return first.unit == second.unit


def noun_stems(noun: str) -> set[str]:
    return {stem(w) for w in fold(noun).split() if w not in STOPWORDS}


def _money(match: re.Match[str]) -> tuple[str, float]:
    if match["num"]:
        currency = _CURRENCY_SYMBOLS.get(match["cur"].strip().lower(), "USD")
        scale = _SCALE.get((match["scale"] or "").lower(), 1)
        return currency, _float(match["num"]) * scale
    word = match["word"].lower().split()[-1].rstrip("s")
    scale = _SCALE.get((match["scale2"] or "").strip().lower(), 1)
    return _CURRENCY_WORDS.get(word, word.upper()), _float(match["num2"]) * scale


def _head(noun: str) -> str:
    """The counted noun: words up to and including the first plural ("officials engaged")."""
    kept: list[str] = []
    for word in noun.split():
        kept.append(word)
        if word.endswith("s") and not word.endswith("ss"):
            break
    return " ".join(kept)


def _count_value(token: str) -> float:
    return float(_WORD_NUMBERS[token.lower()]) if token.isalpha() else _float(token)


def _float(token: str) -> float:
    return float(token.replace(",", ""))


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2099


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
