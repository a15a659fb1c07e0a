"""Named people, places and organisations, found by capitalisation, titles and context.

No library fits offline: spaCy, stanza, flair and GLiNER all download a model at run time (and
spaCy models from PyPI mirrors are off limits), NLTK's chunker needs its data downloaded too.
So this is a rule-based reader of English news: a run of capitalised words is a name; a title
in front ("President", "Ambassador") makes it a person, an organisation word ("Tribune",
"Fund", "Mills") or an acronym an organisation, a preposition of place ("in", "at", "to") a
place. A second pass over the whole story (`StoryNames`) types the bare mentions: "Khan" is a
person once "Haroon Akhtar Khan" was seen, "Moscow" a place once "in Moscow" was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Fact, FactKind
from .text import STOPWORDS, fold

_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*[\w]|[^\W\d_]|\d+[-\w]*")
TITLES = frozenset(
    (
        "president", "prime", "minister", "pm", "minister", "fm", "deputy", "ambassador",
        "assistant", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "general",
        "gen", "judge", "justice", "secretary", "chancellor", "king", "queen", "prince", "pope",
        "chairman", "chairwoman", "vice", "chief", "commander", "spokesperson", "spokesman",
        "spokeswoman", "attorney", "mayor", "foreign", "envoy", "representative", "official",
        "officials", "leader", "premier", "ambassadors", "director", "head", "adviser", "advisor",
        "senior", "top", "former"
    )
)
ORG_WORDS = frozenset(
    (
        "times", "tribune", "news", "post", "fund", "organisation", "organization", "ministry",
        "bank", "mills", "forces", "army", "navy", "agency", "council", "party", "union",
        "corporation", "company", "group", "institute", "university", "commission", "committee",
        "parliament", "senate", "embassy", "government", "media", "press", "express", "reuters",
        "associated", "federation", "alliance", "court", "department", "office", "board", "league",
        "association", "network", "channel", "pipeline", "project"
    )
)
PLACE_PREPOSITIONS = frozenset(
    (
        "in", "at", "from", "to", "near", "across", "inside", "into", "towards", "toward",
        "visited", "visiting", "visit", "via"
    )
)
PLACE_PREFIXES = frozenset(
    (
        "new", "north", "south", "east", "west", "san", "santa", "saint", "st", "port", "fort"
    )
)
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|stani|eli|iet)$")
# Capitalised only because they open a sentence.
_SENTENCE_OPENERS = frozenset(
    (
        "both", "all", "each", "every", "some", "many", "most", "recently", "earlier", "later",
        "meanwhile", "although", "however", "once", "senior", "top", "former", "according",
        "following", "reminiscent", "like", "unlike"
    )
)


def _adjective(word: str) -> bool:
    """A hyphenated adjective such as "Russian-made" or "Soviet-era"."""
    parts = word.split("-")
    return len(parts) > 1 and parts[-1].islower()


@dataclass
class StoryNames:
    """Typed names seen anywhere in a story, used to type bare mentions ("Khan", "Moscow")."""

    people: set[str] = field(default_factory=set)  # folded full names
    places: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)

    def learn(self, facts: Iterable[Fact]) -> None:
        for fact in facts:
            {"person": self.people, "place": self.places,
             "organisation": self.organisations}.get(fact.kind, set()).add(fact.value)

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


def find_entities(
    text: str, names: StoryNames | None = None, taken: Iterable[tuple[int, int]] = ()
) -> tuple[Fact, ...]:
    """People, places, organisations (and untyped names) in one sentence.

    `taken` spans (dates, amounts) are not names: "May 13" is a date, not a person.
    """
    names = names or StoryNames()
    facts: list[Fact] = []
    runs = _runs(text, list(taken))
    for index, run in enumerate(runs):
        previous = runs[index - 1] if index else None
        facts.extend(_classify(text, run, previous, names))
    return tuple(sorted(facts, key=lambda f: f.start))


def _runs(text: str, taken: list[tuple[int, int]]) -> list[_Run]:
    runs: list[_Run] = []
    current: list[tuple[str, int, int]] = []
    before = ""
    last_end = 0
    for match in _TOKEN.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(0)).rstrip(".")
        gap = text[last_end:match.start()]
        masked = any(match.start() < e and s < match.end() for s, e in taken)
        capital = not masked and (word[:1].isupper() or (word[:1].isdigit() and current != []))
        breaks = bool(re.search(r"[,;:()“”\"–—]|[.!?]\s", gap))
        if current and (not capital or breaks or gap.strip()):
            runs.append(_Run(current, before, _is_initial(text, current[0][1])))
            current = []
        if capital:
            if not current:
                before = _previous_word(text, match.start())
            current.append((word, match.start(), match.start() + len(word)))
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
            lowered[skip] in STOPWORDS or lowered[skip] in _SENTENCE_OPENERS
            or lowered[skip].endswith("ing")):
        skip += 1
    if skip == len(words) or (len(words) - skip == 1 and _adjective(words[skip])):
        return []
    organisation = any(w in ORG_WORDS for w in lowered)
    if not organisation and (_DEMONYM.search(lowered[-1]) or lowered[-1] in TITLES):
        return []  # "South Asian", "Russian", "Prime Minister": adjectives and titles
    # Leading demonyms and titles: "Russian President Vladimir Putin" → Vladimir Putin.
    titled = run.after in TITLES
    while skip < len(words) - 1 and (
            (_DEMONYM.search(lowered[skip]) and not organisation) or lowered[skip] in TITLES):
        titled = titled or lowered[skip] in TITLES
        skip += 1
    inner = [k for k in range(skip, len(words) - 1) if lowered[k] in TITLES]
    if inner and not organisation:  # "Seattle Mayor Ed Murray": the name follows the title
        skip, titled = inner[-1] + 1, True
    name_tokens = run.tokens[skip:]
    after_title = (previous is not None and _ends_with_title(previous) and not titled
                   and run.after in ("to", "of", "for", "the"))
    if after_title and len(name_tokens) >= 3 and not any(w in ORG_WORDS for w in lowered):
        # "Ambassador to India Denis Alipov": the complement, then a first and last name.
        name_tokens = name_tokens[-2:]
        titled = True
    start, end = name_tokens[0][1], name_tokens[-1][2]
    surface = text[start:end]
    value = fold(surface)
    parts = value.split()
    if value in STOPWORDS or value in TITLES:
        return []
    kind = _kind(parts, run, titled, names)
    if kind is None:
        return []
    return [Fact(kind, surface, value, start, end)]


def _ends_with_title(run: _Run) -> bool:
    return fold(run.tokens[-1][0]) in TITLES


def _kind(parts: list[str], run: _Run, titled: bool, names: StoryNames) -> FactKind | None:
    value = " ".join(parts)
    if titled and not any(p in ORG_WORDS for p in parts):
        return "person"
    if any(p in ORG_WORDS for p in parts) or _acronym(run.tokens[-1][0]):
        return "organisation"
    known = names.kind_of(value)
    if known:
        return known
    if run.after in PLACE_PREPOSITIONS or (parts[0] in PLACE_PREFIXES and len(parts) > 1):
        return "place"
    if run.initial and len(parts) == 1:
        return None  # a capital at the start of a sentence says nothing on its own
    return "name"


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= len(letters) - 1
