"""Sources an article names for its text: wire datelines, agency tags, credit lines, citations.

Rule-based on purpose: agencies credit themselves in a few fixed shapes ("Moscow, May 30
(IANS) …", "Vatican City (AFP) - …", "Copyright 2020 The Associated Press", "(With inputs from
PTI)"), and outlets are cited as "<name> reported/wrote/posted" or "according to <name>". The
kinds are kept apart because they mean different things for lineage: a dateline, agency tag,
copyright line or the front-matter `credit` field says *this text is that agency's copy*; a
citation or an interview credit says *this text relies on that outlet for a fact or a quote*.
"""

from __future__ import annotations

import re

from ...model import Article, Credit, CreditKind, Sentence
from ...nlp.lexicon import (
    AGENCIES,
    INITIALISM_SKIPPED_WORDS,
    MEDIA_NAME_WORDS,
    MONTH_NAMES_CAPITALISED,
)
from ...nlp.text import fold

WIRE_KINDS: frozenset[CreditKind] = frozenset(
    {"dateline", "agency tag", "credit field", "copyright", "credit line"}
)

DATELINE_WITHIN = 3  # a dateline may follow a photo caption, so look at the first sentences
_AGENCY = "|".join(f"(?:{pattern})" for pattern in AGENCIES.values())
# "Moscow, May 30 (IANS) …", "Vatican City (AFP) - …", "NEW DELHI, May 30 (PTI)": a place of
# one to four capitalised words (a state may follow a comma), an optional date, then the agency.
_PLACE_WORD = r"[A-Z][\w.'’/-]*"
_DATE = rf"(?:,? {MONTH_NAMES_CAPITALISED} \d{{1,2}}(?:, \d{{4}})?|,? \d{{4}})"
_AGENCY_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:,? {_PLACE_WORD}){{0,3}}){_DATE}? ?\((?P<agency>{_AGENCY})\)"
    rf" ?(?:—|–|--|-|:)? "
)
# "MARTINSBURG, W.Va. — …", "WASHINGTON -- …": a place in capitals, then a dash.
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{2,40}(?:, [A-Z][\w.'’ -]{1,20}?)?) ?(?:—|–|--) "
)
_TAG = re.compile(rf"\((?:(?i:with inputs? from |source: ))?(?P<agency>{_AGENCY})\)")
# "… on Tuesday.—IANS", "… next week. - IANS": the agency signing off at the end of the text.
_TRAILING_TAG = re.compile(rf"(?:^|(?<=[\s.]))(?:—|–|--|-) ?(?P<agency>{_AGENCY})\.?$")
# Reuters' "(Reporting by …; Editing by …)" and "Associated Press writer X contributed to this
# report": lines that say the text (or part of it) was written by the agency's staff.
_CREDIT_LINE = re.compile(
    r"\((?:Additional )?[Rr]eporting by [^()]*?(?:;[^()]*)?\)"
    rf"|(?P<agency>{_AGENCY})(?: staff)? (?:writers?|correspondents?|reporters?) [^.]*?"
    r"contributed (?:to )?(?:this|the) (?:report|story)"
)
# "…, AFP said": an agency cited for a fact (outlets "said" too often to be read this way).
_AGENCY_SAID = re.compile(rf"(?<![\w-])(?:the )?(?P<agency>{_AGENCY}) (?:said|says|added)\b")
_COPYRIGHT = re.compile(rf"(?i:copyright|©)\s*(?:\d{{4}}\s+)?(?P<agency>{_AGENCY})")
_NAME = rf"(?:[Tt]he )?(?:[A-Z][\w&.’'-]* ){{0,3}}(?:{MEDIA_NAME_WORDS})\b|{_AGENCY}"
_CITES = re.compile(
    rf"(?:(?<![\w-])(?P<before>{_NAME}),? (?:\w+ )?(?:reported|wrote|posted|said in a report|"
    rf"quoted|noted|claimed|countered|cited))"
    rf"|(?:(?:according to|as|reports? (?:by|in)|news (?:agency|outlet)|media outlet|"
    rf"newspaper) (?P<after>{_NAME}))"
)
_INTERVIEW = re.compile(rf"(?:interview with|told|speaking to) (?P<name>{_NAME})")


def article_credits(article: Article) -> tuple[Credit, ...]:
    """Every credit the article carries, in reading order (the credit field first)."""
    credits: list[Credit] = []
    if article.credit:
        credits.append(Credit(article.id, canonical(article.credit), "credit field",
                              article.credit))
    opening = _opening(article)
    for sentence in article.sentences:
        found = _sentence_credits(article, sentence, opening) + _named_credits(article, sentence)
        seen: set[tuple[str, str]] = set()
        for _, credit in sorted(found, key=lambda f: (f[0], f[1].kind)):
            if (credit.source, credit.kind) not in seen:  # "news agency PTI reported": once
                seen.add((credit.source, credit.kind))
                credits.append(credit)
    return tuple(credits)


def _sentence_credits(
    article: Article, sentence: Sentence, opening: tuple[str, re.Match[str]] | None
) -> list[tuple[int, Credit]]:
    """Agency credits of one sentence, by where they start: its dateline, agency tags."""
    text = sentence.text
    found: list[tuple[int, Credit]] = []
    skip = 0  # characters of this sentence already read as the dateline
    if opening is not None and opening[0] == sentence.id:
        match = opening[1]
        skip = match.end()
        if match.re is _AGENCY_DATELINE:
            found.append((0, Credit(article.id, canonical(match.group("agency")), "dateline",
                                    _dateline_text(match), sentence.id)))
    for match in _TAG.finditer(text, skip):
        if _abbreviates(text[:match.start()], match.group("agency")):
            continue  # "the Press Trust of India (PTI)": an abbreviation, not a credit
        found.append((match.start(), Credit(article.id, canonical(match.group("agency")),
                                            "agency tag", match.group(0), sentence.id)))
    if sentence is article.sentences[-1] and (end := _TRAILING_TAG.search(text)):
        found.append((end.start(), Credit(article.id, canonical(end.group("agency")),
                                          "agency tag", end.group(0).strip(), sentence.id)))
    return found


def _named_credits(article: Article, sentence: Sentence) -> list[tuple[int, Credit]]:
    """Credits one sentence names in words: credit and copyright lines, citations of an agency
    or another outlet, interviews given to one."""
    text = sentence.text
    found: list[tuple[int, Credit]] = []
    for match in _CREDIT_LINE.finditer(text):
        agency = canonical(match.group("agency")) if match.group("agency") else "Reuters"
        found.append((match.start(), Credit(article.id, agency, "credit line",
                                            match.group(0), sentence.id)))
    for match in _AGENCY_SAID.finditer(text):
        found.append((match.start(), Credit(article.id, canonical(match.group("agency")),
                                            "cites", match.group(0), sentence.id)))
    for match in _COPYRIGHT.finditer(text):
        found.append((match.start(), Credit(article.id, canonical(match.group("agency")),
                                            "copyright", match.group(0), sentence.id)))
    for match in _CITES.finditer(text):
        name = match.group("before") or match.group("after")
        if not names_outlet(name, article):
            found.append((match.start(), Credit(article.id, canonical(name), "cites",
                                                match.group(0), sentence.id)))
    for match in _INTERVIEW.finditer(text):
        if not names_outlet(match.group("name"), article):
            found.append((match.start(), Credit(article.id, canonical(match.group("name")),
                                                "interview", match.group(0), sentence.id)))
    return found


def dateline(article: Article) -> str | None:
    """The dateline opening the article ("Moscow, May 30 (IANS)", "WASHINGTON —"), if any."""
    opening = _opening(article)
    return _dateline_text(opening[1]) if opening else None


def _opening(article: Article) -> tuple[str, re.Match[str]] | None:
    """(sentence id, match) of a dateline at the start of one of the first sentences.

    A photo caption may come first, so each of the first three sentences is tried, but each
    on its own: a match starts at the sentence's start and never runs past its end, and the
    place is one to four capitalised words, so "A spokesman for the Press Trust of India (PTI)
    said …" and "The Andhra Pradesh (AP) government …" are no datelines. A sentence splitter
    may cut "MARTINSBURG, W.Va." off its dash, so a sentence of a few words is read together
    with the next one for a dateline in capitals.
    """
    sentences = article.sentences
    for k, sentence in enumerate(sentences[:DATELINE_WITHIN]):
        match = _AGENCY_DATELINE.match(sentence.text + " ")
        if match and not _abbreviates(match.group("place"), match.group("agency")):
            return sentence.id, match
        text = sentence.text
        if len(text.split()) <= 4 and k + 1 < len(sentences):
            text = f"{text} {sentences[k + 1].text}"
        if match := _CAPS_DATELINE.match(text):
            return sentence.id, match
    return None


def _abbreviates(before: str, acronym: str) -> bool:
    """True when the words just before "(XX)" have the initials XX ("Andhra Pradesh (AP)")."""
    letters = acronym.upper()
    initials = ""
    for word in reversed(re.findall(r"[\w&’']+", before)[-8:]):
        if word.lower() in INITIALISM_SKIPPED_WORDS:
            continue
        if not word[0].isupper():
            break
        initials = "".join(part[0] for part in word.split("-") if part) + initials
        if initials.upper() == letters:
            return True
        if len(initials) >= len(letters):
            break
    return False


def _dateline_text(match: re.Match[str]) -> str:
    return match.group(0).strip(" —–-:")


def wire_sources(credits: tuple[Credit, ...]) -> tuple[str, ...]:
    """Agencies an article's own credits name as the origin of its text."""
    return tuple(sorted({c.source for c in credits if c.kind in WIRE_KINDS}))


def canonical(name: str) -> str:
    """One name per source: agency spellings to their short name, outlets without "the"."""
    cleaned = name.strip().strip(".,;:")
    for short, pattern in AGENCIES.items():
        if re.fullmatch(pattern, cleaned):
            return short
    return re.sub(r"^the\s+", "", cleaned, flags=re.IGNORECASE)


def names_outlet(source: str, article: Article) -> bool:
    """True when `source` names the outlet that published `article` (any of its names)."""
    wanted = _key(source)
    outlet = article.outlet
    names = [outlet.name, outlet.slug.replace("-", " "), *re.findall(r"\(([^)]*)\)", outlet.name),
             re.sub(r"\s*\([^)]*\)", "", outlet.name)]
    keys = {_key(n) for n in names} - {""}
    return bool(wanted) and any(wanted == k or wanted.replace(" ", "") == k.replace(" ", "")
                                for k in keys)


def _key(name: str) -> str:
    return fold(canonical(name))
