"""Named people, places and organisations, found by capitalisation, titles and context.

A rule-based reader of English news (see site_src/methods.md for the libraries evaluated and
why none is used): a run of capitalised words is a name; a title in front ("President",
"Ambassador") makes it a person, and so does a speech verb after a first and last name
("Roman Babushkin said"); an organisation word ("Tribune", "Fund", "Mills") or an acronym
makes it an organisation; a country or capital in countryinfo's gazetteer ("China",
"Beijing") or a preposition of place ("in", "at", "to") a place. A title's complement is
part of the title ("Minister of Industry and Trade Aleksei Gruzdev" names Aleksei Gruzdev).
A second pass over the whole story (`StoryNames`) types the bare mentions: "Khan" is a person
once "Haroon Akhtar Khan" was seen (and "Sergy Lavrov" once "Sergey Lavrov" was), "Moscow" a
place once "in Moscow" was; and a capitalised phrase whose every word the story also writes
in lower case ("Blank Cheque", "Special") is a common noun dressed up, not a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import countryinfo

from ..model import Fact, FactKind
from .lexicon import (
    CAPITALISED_OPENERS,
    GAZETTEER_SKIPPED,
    NAME_SPEECH_VERBS,
    NAME_TITLE_WORDS,
    ORGANISATION_WORDS,
    PLACE_PREFIXES,
    PLACE_PREPOSITIONS,
    STOPWORDS,
)
from .memo import per_story
from .text import fold

_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*[\w]|[^\W\d_]|\d+[-\w]*")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|stani|eli|iet)$")
# Words that join a title to its complement ("Minister of Industry and Trade"): the first
# after the title itself, the second between parts of the complement.
_COMPLEMENT_OPENS = re.compile(r"\s+(?:of|for)(?:\s+the)?\s+")
_COMPLEMENT_JOINS = re.compile(r"\s+(?:and|&|of|for)(?:\s+the)?\s+")
_NAME_SHAPED = re.compile(r"[A-Z][a-z’'-]+[a-z]")
_NEXT_WORD = re.compile(r"\W*?([\w’']+)")
_LOWER_PREFIX = re.compile(r"[a-z]+-(?=[A-Z])")  # "then-Soviet Union", "pro-Russia"


def _adjective(word: str) -> bool:
    """A hyphenated adjective such as "Russian-made" or "Soviet-era"."""
    parts = word.split("-")
    return len(parts) > 1 and parts[-1].islower()


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(places, demonyms), folded: every country's name and longer alternative names and its
    capital ("china", "russian federation", "beijing"), from the countryinfo package's data."""
    places: set[str] = set()
    demonyms: set[str] = set()
    for country in countryinfo.all_countries():
        info = country.info()
        names = [info.get("name"), info.get("capital"), *(info.get("altSpellings") or [])]
        for name in names:
            # Codes ("RU", "PAK") are acronyms of other things too; skip them.
            if isinstance(name, str) and len(name) > 3 and not re.search(r"[,()]", name):
                folded = fold(name)
                if folded not in GAZETTEER_SKIPPED and not folded.startswith("the "):
                    places.add(folded)
        if isinstance(info.get("demonym"), str):
            demonyms.add(fold(info["demonym"]))
    return frozenset(places), frozenset(demonyms)


def is_place_name(value: str) -> bool:
    """Whether a folded name is a country or a capital ("china", "new delhi")."""
    return value in gazetteer()[0]


def _demonym(word: str) -> bool:
    return bool(_DEMONYM.search(word)) or word in gazetteer()[1]


def _place_compound(word: str) -> bool:
    """A hyphenated pair of places, an adjective of relations: "India-Russia", "China-Russia"."""
    parts = fold(word).split("-")
    return len(parts) > 1 and all(is_place_name(p) for p in parts)


@dataclass
class StoryNames:
    """Typed names seen anywhere in a story, used to type bare mentions ("Khan", "Moscow"),
    and the words it writes in lower case, which are common nouns, not names."""

    people: set[str] = field(default_factory=set)  # folded full names
    places: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)  # folded words seen in lower case

    def learn(self, facts: Iterable[Fact]) -> None:
        for fact in facts:
            {"person": self.people, "place": self.places,
             "organisation": self.organisations}.get(fact.kind, set()).add(fact.value)

    def learn_words(self, text: str) -> None:
        """Remember the words a sentence writes in lower case ("a blank cheque")."""
        self.common.update(fold(w) for w in re.findall(r"\b[a-z][a-z’'-]+\b", text))

    def shares_surname(self, value: str) -> bool:
        """A first and last name whose last name a known person has ("sergy lavrov")."""
        parts = value.split()
        return 2 <= len(parts) <= 3 and any(
            p.split()[-1] == parts[-1] and len(p.split()) > 1 for p in self.people)

    def kind_of(self, value: str) -> FactKind | None:
        if value in self.places:
            return "place"
        if value in self.organisations:
            return "organisation"
        if value in self.people or any(p.split()[-1] == value for p in self.people):
            return "person"
        return None

    def full_name(self, value: str) -> str:
        """The longest known person name ending in `value` ("khan" → "haroon akhtar khan")."""
        matches = sorted((p for p in self.people if p.split()[-1] == value.split()[-1]),
                         key=lambda p: (-len(p), p))
        return matches[0] if matches else value


@dataclass
class _Run:
    tokens: list[tuple[str, int, int]]  # (word, start, end)
    after: str  # the lower-case word just before the run ("in", "to", …)
    initial: bool  # starts the sentence (or a quotation), where capitals say nothing
    following: str = ""  # the word just after the run, lower case ("said")

    @property
    def start(self) -> int:
        return self.tokens[0][1]

    @property
    def end(self) -> int:
        return self.tokens[-1][2]


def find_entities(
    text: str, names: StoryNames | None = None, taken: Iterable[tuple[int, int]] = ()
) -> tuple[Fact, ...]:
    """People, places, organisations (and untyped names) in one sentence.

    `taken` spans (dates, amounts) are not names: "May 13" is a date, not a person.
    """
    names = names or StoryNames()
    facts: list[Fact] = []
    runs = _sentence_runs(text, tuple(taken))
    title = False  # the run before is a title or its complement ("Minister of Industry")
    opened = False  # …and that title has a complement opened by "of" or "for"
    for index, run in enumerate(runs):
        previous = runs[index - 1] if index else None
        between = text[previous.end:run.start] if previous else ""
        if title and (_COMPLEMENT_OPENS.fullmatch(between) or (
                opened and _COMPLEMENT_JOINS.fullmatch(between))):
            fact, title = _complement(text, run, names)
            opened = title
            facts.extend(fact)
            continue
        if title and between == ", ":
            appositive = _appositive(text, run)  # "Minister for Industries, Rana Tanveer"
            if appositive:
                facts.append(appositive)
                title = opened = False
                continue
        found = _classify(text, run, previous, names)
        facts.extend(found)
        title = not found and _ends_with_title(run)
        opened = False
    return tuple(sorted(facts, key=lambda f: f.start))


def _complement(text: str, run: _Run, names: StoryNames) -> tuple[list[Fact], bool]:
    """A capitalised run after "Minister of" / "for": part of the title, unless a name ends
    it ("Trade Aleksei Gruzdev"). Returns the facts found and whether the title goes on."""
    words = [fold(w) for w, _, _ in run.tokens]
    if any(w in ORGANISATION_WORDS for w in words):
        return [], False
    if len(words) >= 3 and all(_NAME_SHAPED.fullmatch(w) for w, _, _ in run.tokens[-2:]):
        start, end = run.tokens[-2][1], run.tokens[-1][2]
        return [Fact("person", text[start:end], fold(text[start:end]), start, end)], False
    if len(words) == 2 and names.kind_of(words[-1]) == "person":  # "Secretary of State Rubio"
        start, end = run.tokens[-1][1], run.tokens[-1][2]
        return [Fact("person", text[start:end], words[-1], start, end)], False
    value = " ".join(words)
    if is_place_name(value):  # "Prime Minister of Pakistan": still a place
        return [Fact("place", text[run.start:run.end], value, run.start, run.end)], True
    return [], True  # "Industry", "Trade": the portfolio, not a name


def _appositive(text: str, run: _Run) -> Fact | None:
    """A first and last name set off by a comma right after a title."""
    shaped = all(_NAME_SHAPED.fullmatch(w) for w, _, _ in run.tokens)
    value = fold(text[run.start:run.end])
    if 2 <= len(run.tokens) <= 3 and shaped and not is_place_name(value) and not any(
            fold(w) in ORGANISATION_WORDS or fold(w) in NAME_TITLE_WORDS for w, _, _ in run.tokens):
        return Fact("person", text[run.start:run.end], value, run.start, run.end)
    return None


# A story's facts read each sentence twice (once to learn its names, once typed by them) and
# its quotes a third time: the capitalised runs depend on the text and taken spans only, and
# nothing changes a run once made, so one story's readings share them.
@per_story
def _sentence_runs(text: str, taken: tuple[tuple[int, int], ...]) -> tuple[_Run, ...]:
    """The capitalised runs of one sentence, each with the word that follows it."""
    runs = _runs(text, list(taken))
    for run in runs:
        following = _NEXT_WORD.match(text, run.end)
        run.following = following.group(1).lower() if following else ""
    return tuple(runs)


def _runs(text: str, taken: list[tuple[int, int]]) -> list[_Run]:
    runs: list[_Run] = []
    current: list[tuple[str, int, int]] = []
    before = ""
    last_end = 0
    for match in _TOKEN.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(0)).rstrip(".")
        start = match.start()
        prefix = _LOWER_PREFIX.match(word)
        if prefix:
            word, start = word[prefix.end():], start + prefix.end()
        gap = text[last_end:match.start()]
        masked = any(match.start() < e and s < match.end() for s, e in taken)
        capital = not masked and (word[:1].isupper() or (word[:1].isdigit() and current != []))
        breaks = bool(re.search(r"[,;:()“”\"–—]|[.!?]\s", gap))
        if current and (not capital or breaks or gap.strip()):
            runs.append(_Run(current, before, _is_initial(text, current[0][1])))
            current = []
        if capital:
            if not current:
                before = _previous_word(text, start)
            current.append((word, start, start + len(word)))
            if match.group(0).endswith(("’s", "'s")):
                runs.append(_Run(current, before, _is_initial(text, current[0][1])))
                current = []
        last_end = match.end()
    if current:
        runs.append(_Run(current, before, _is_initial(text, current[0][1])))
    return runs


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[\w’']+", text[:start])
    return words[-1].lower() if words else ""


def _is_initial(text: str, start: int) -> bool:
    head = text[:start].rstrip()
    return not head or head[-1] in "“\"‘'–—:(.!?"


def _classify(text: str, run: _Run, previous: _Run | None, names: StoryNames) -> list[Fact]:
    words = [w for w, _, _ in run.tokens]
    lowered = [fold(w) for w in words]
    skip = 0
    # A capital that only starts the sentence: "Is Pakistan …", "Both India and …".
    while run.initial and skip < len(words) and (
            lowered[skip] in STOPWORDS or lowered[skip] in CAPITALISED_OPENERS
            or lowered[skip].endswith("ing")):
        skip += 1
    if skip == len(words) or (len(words) - skip == 1 and _adjective(words[skip])):
        return []
    organisation = any(w in ORGANISATION_WORDS for w in lowered)
    if not organisation and (_demonym(lowered[-1]) or lowered[-1] in NAME_TITLE_WORDS
                             or _place_compound(words[-1])):
        # "South Asian", "Russian", "Prime Minister", "India-Russia": adjectives and titles
        return []
    # Leading demonyms, titles and adjectives: "Russian President Vladimir Putin" → Vladimir
    # Putin, "Russian-made S-400" → S-400, "India-Russia Special" → Special.
    titled = run.after in NAME_TITLE_WORDS
    while skip < len(words) - 1 and (
            (_demonym(lowered[skip]) and not organisation) or lowered[skip] in NAME_TITLE_WORDS
            or (_adjective(words[skip]) and _demonym(lowered[skip].split("-")[0]))
            or _place_compound(words[skip])):
        titled = titled or lowered[skip] in NAME_TITLE_WORDS
        skip += 1
    inner = [k for k in range(skip, len(words) - 1) if lowered[k] in NAME_TITLE_WORDS]
    if inner and not organisation:  # "Seattle Mayor Ed Murray": the name follows the title
        skip, titled = inner[-1] + 1, True
    name_tokens = run.tokens[skip:]
    after_title = (previous is not None and _ends_with_title(previous) and not titled
                   and run.after in ("to", "of", "for", "the"))
    if after_title and len(name_tokens) >= 3 and not any(w in ORGANISATION_WORDS for w in lowered):
        # "Ambassador to India Denis Alipov": the complement, then a first and last name.
        name_tokens = name_tokens[-2:]
        titled = True
    start, end = name_tokens[0][1], name_tokens[-1][2]
    surface = text[start:end]
    value = fold(surface)
    parts = value.split()
    if value in STOPWORDS or value in NAME_TITLE_WORDS:
        return []
    kind = _kind(parts, run, titled, names)
    if kind is None:
        return []
    return [Fact(kind, surface, value, start, end)]


def _ends_with_title(run: _Run) -> bool:
    return fold(run.tokens[-1][0]) in NAME_TITLE_WORDS


def _kind(parts: list[str], run: _Run, titled: bool, names: StoryNames) -> FactKind | None:
    value = " ".join(parts)
    if titled and not any(p in ORGANISATION_WORDS for p in parts):
        return "person"
    if any(p in ORGANISATION_WORDS for p in parts) or _acronym(run.tokens[-1][0]):
        return "organisation"
    known = names.kind_of(value)
    if known:
        return known
    if is_place_name(value):
        return "place"
    if run.after in PLACE_PREPOSITIONS or (parts[0] in PLACE_PREFIXES and len(parts) > 1):
        return "place"
    tokens = run.tokens[len(run.tokens) - len(parts):]
    person_shaped = 2 <= len(parts) <= 3 and all(_NAME_SHAPED.fullmatch(w) for w, _, _ in tokens)
    if person_shaped and (run.following in NAME_SPEECH_VERBS or names.shares_surname(value)):
        return "person"  # "Roman Babushkin said", "Sergy Lavrov" beside "Sergey Lavrov"
    if run.initial and len(parts) == 1:
        return None  # a capital at the start of a sentence says nothing on its own
    if all(p in names.common for p in parts):
        return None  # "Blank Cheque", "Special": words the story writes in lower case too
    return "name"


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= len(letters) - 1
