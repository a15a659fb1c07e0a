"""Direct quotations and who said them, sentence by sentence.

Quotation marks: straight ("…"), typographic (“…”, ‘…’) and other languages' («…», ‹…›,
„…“, „…”, ‚…‘, 「…」, 『…』). A straight mark opens when a space or the sentence start comes
before it and a word after it; otherwise it closes. Outlets drop marks: a closing mark with no
opening one quotes from the sentence start (or from a dash or colon after "said"), an opening
mark never closed quotes to the sentence's end.

Speakers come from the attributions around a quotation (`speakers`); a pronoun ("he added")
and a quotation that stands alone with no attribution take the last named speaker of the
passage; failing all that, an embedded quotation is given, weakly, to the sentence's first
person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Article, Quote, QuoteMarks, Sentence, ShortPhrase, Story
from ...nlp.dates import find_dates
from ...nlp.entities import StoryNames, find_entities
from ...nlp.lexicon import (
    QUOTE_INTRO_VERBS,
    SPEAKER_PRONOUNS,
    TITLE_ABBREVIATIONS,
    TITLES_BEFORE_NAMES,
)
from ...nlp.text import fold
from . import speakers
from .speakers import speaker_key, speakers_compatible

SHORT_WORDS = 3  # quotations this short are scare quotes ("fake reports"), not statements
PASSAGE = 2  # paragraphs back that "he said" may reach for its speaker

_OPEN, _CLOSE, _EITHER = "“‘«‹„‚「『", "”’»›」』", '"'
# The marks that close a quotation each opening mark starts ("„Zitat“", "„cytat”").
_PARTNERS = {"“": "”", "‘": "’", "«": "»", "‹": "›", "„": "“”", "‚": "‘’", "「": "」",
             "『": "』", '"': '"'}
_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + _EITHER) + "]")
_INTRO = re.compile(rf"\b(?:{QUOTE_INTRO_VERBS}|saying)\s*[–—:-]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    marks: QuoteMarks
    mark_start: int  # where the opening mark (or the quote, without one) begins
    mark_end: int  # just after the closing mark (or the quote's end)


def quote_spans(text: str) -> list[_Span]:
    """Where the quotations of one sentence are, by their marks."""
    marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(text)]
    spans: list[_Span] = []
    open_at: int | None = None
    for position, mark in marks:
        role = _role(text, position, mark)
        if open_at is not None and mark in _PARTNERS[text[open_at]] and mark in _OPEN:
            # "„Zitat“": the German closing mark is the English opening one.
            role = "close" if not text[position + 1: position + 2].isalpha() else "none"
        if role == "open" and open_at is None:
            open_at = position
        elif role == "close":
            if open_at is not None:
                spans.append(_Span(open_at + 1, position, "paired", open_at, position + 1))
                open_at = None
            elif mark in _EITHER + "”":  # a lone closing ’ is an apostrophe far more often
                start = _unmarked_start(text[:position])
                spans.append(_Span(start, position, "close-only", start, position + 1))
    if open_at is not None and text[open_at] in _EITHER + "“«„「『":
        spans.append(_Span(open_at + 1, len(text), "open-only", open_at, len(text)))
    return [s for s in spans if text[s.start:s.end].strip(" ,.;:")]


def _role(text: str, position: int, mark: str) -> str:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if mark in "「『」』":  # CJK corner brackets: no spaces around them, and no other use
        return "open" if mark in _OPEN else "close"
    if mark in _OPEN:
        return "open" if (before.isspace() or before in "([–—-" or not position) else "none"
    if mark in _CLOSE:
        return "close" if not after.isalpha() else "none"  # "Russia’s" is an apostrophe
    opens = (not position or before.isspace() or before in "([–—-") and not after.isspace()
    return "open" if opens else "close"


def _unmarked_start(head: str) -> int:
    """Where a quote with only its closing mark begins: after "said –", else the start."""
    intros = list(_INTRO.finditer(head))
    if intros:
        return intros[-1].end()
    return len(head) - len(head.lstrip())


def article_quotes(article: Article, names: StoryNames | None = None) -> tuple[Quote, ...]:
    """Every direct quotation of one article with its speaker, in reading order."""
    quotes: list[Quote] = []
    passage = _Passage()
    sentences = article.sentences
    for index, sentence in enumerate(sentences):
        text = sentence.text
        spans = quote_spans(text)
        in_sentence: Quote | None = None  # the sentence's first statement with a speaker
        for k, span in enumerate(spans):
            limit = spans[k + 1].mark_start if k + 1 < len(spans) else len(text)
            quoted = text[span.start: span.end].strip().rstrip(",;:").strip()
            short = len(quoted.split()) <= SHORT_WORDS
            found = speakers.after(text[span.mark_end: limit], names)
            if (found is None or _pronoun(found)) and text[: span.mark_start].strip():
                # "Weiner admitted … that they had “…,” he claimed": the named subject of the
                # sentence beats a pronoun after the quotation.
                named = speakers.before(text[: span.mark_start], names)
                if named is not None and (found is None or not _pronoun(named)):
                    found = named
            if found is None and in_sentence is not None:
                # '"…," Inslee said. "…"': a second quotation takes the first one's speaker.
                found = speakers.Attribution(in_sentence.speaker, in_sentence.cue,
                                             in_sentence.via)
            if found is None and not short and _alone(text, span):
                found = _around(sentences, index, names) or passage.continued(
                    sentence.paragraph)
            if found is None and not short and span.marks == "paired":
                found = _first_person(text[: span.mark_start], names)
            found = found or speakers.NONE
            resolved = found.cue == "continued" or _pronoun(found)
            if _pronoun(found):
                found = passage.resolve(found, sentence.paragraph)
            elif found.speaker:
                found = passage.named(found)
            start = text.index(quoted, span.start) if quoted else span.start
            quote = Quote(
                id=f"{article.id}:q{len(quotes) + 1}", article=article.id, sentence=sentence.id,
                text=quoted, start=start, end=start + len(quoted), speaker=found.speaker,
                speaker_key=speakers.speaker_key(found.speaker, names), cue=found.cue,
                marks=span.marks, short=short, via=found.via,
                resolved=resolved or (in_sentence is not None and in_sentence.resolved
                                      and found.speaker == in_sentence.speaker),
            )
            quotes.append(quote)
            if in_sentence is None and (quote.speaker or quote.via) and (
                    not short or found.cue not in ("", "continued", "named before the quotation")):
                in_sentence = quote  # a scare quote counts only with its own attribution
        at = (sentence.paragraph, index)
        passage.note_people(text, at, names)
        if not spans:
            # Reported speech names the passage's speaker too: "Murray says the law doesn't
            # reflect Seattle residents' values." Then "“…,” he said" is Murray.
            reported = speakers.before(text, names)
            if reported is not None and reported.speaker and not _pronoun(reported):
                passage.spoke(reported, at)
        if in_sentence is not None and in_sentence.cue != "named before the quotation":
            passage.spoke(speakers.Attribution(in_sentence.speaker, in_sentence.cue,
                                               in_sentence.via), at)
    return tuple(quotes)


def _around(
    sentences: tuple[Sentence, ...], index: int, names: StoryNames | None
) -> speakers.Attribution | None:
    """For a sentence that is only a quotation: an attribution the sentence splitter cut off
    into a short next sentence ('"…" | Pence wrote in an op-ed.'), or an introduction ending
    with a colon just before it ("Cruz continued:", "The email goes on to say:")."""
    sentence = sentences[index]
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    if following is not None and following.paragraph == sentence.paragraph and len(
            following.text.split()) <= 12:
        found = speakers.after(following.text, names)
        if found is not None:
            return found
    previous = sentences[index - 1] if index else None
    if previous is not None and sentence.paragraph - previous.paragraph <= 1 and \
            previous.text.rstrip().endswith(":") and not quote_spans(previous.text):
        intro = previous.text.rstrip()[:-1]
        found = speakers.before(intro, names) or speakers.opening_subject(intro, names)
        if found is not None and (found.speaker or found.via):
            return found
    return None


def _first_person(head: str, names: StoryNames | None) -> speakers.Attribution | None:
    """An embedded quotation with no speech verb: the sentence's first person, if any; a weak
    reading, never used to say two outlets disagree on who spoke."""
    people = [f for f in find_entities(head, names, _dates(head)) if f.kind == "person"]
    if not people:
        return None
    return speakers.Attribution(people[0].text, "named before the quotation", weak=True)


_TITLED = re.compile(rf"\b(?P<title>{TITLES_BEFORE_NAMES})\s+(?P<name>(?:[A-Z][\w’'.-]+\s+){{0,2}}"
                     r"[A-Z][\w’'-]+)")
_DESCRIBED = re.compile(r"(?:the|The)\s+(?:former\s+)?(?P<title>(?i:governor|senator|"
                        r"representative|president|attorney general|secretary of state|"
                        r"secretary|speaker|mayor|judge|chief justice|justice|ambassador|"
                        r"prime minister|chancellor|sheriff|prosecutor|director|chairman|"
                        r"chairwoman|commissioner|congressman|congresswoman|captain))")


class _Passage:
    """Who spoke last in the passage, and whom it last made the subject of a sentence: what
    "he said" and a bare quotation refer to. Positions are (paragraph, sentence index)."""

    def __init__(self) -> None:
        self.speaker: speakers.Attribution | None = None
        self.speaker_at = (-9, -9)
        self.subject: str | None = None  # "But Justice Antonin Scalia was unconvinced."
        self.subject_at = (-9, -9)
        self.person: str | None = None
        self.person_at = (-9, -9)
        self.titled: dict[str, str] = {}  # "governor" → "Mike Pence", the last one named

    def continued(self, paragraph: int) -> speakers.Attribution | None:
        """A quotation with no attribution continues the last speaker's words."""
        if self.speaker is not None and paragraph - self.speaker_at[0] <= 1:
            return speakers.Attribution(self.speaker.speaker, "continued", self.speaker.via)
        return None

    def resolve(self, found: speakers.Attribution, paragraph: int) -> speakers.Attribution:
        """A pronoun ("he added") refers back to the last named speaker of the passage, or to
        a person the passage made the subject of a sentence since; with neither, to the
        person named last."""
        candidates = [(at, who) for at, who in (
            (self.speaker_at, self.speaker), (self.subject_at, self.subject))
            if who is not None and paragraph - at[0] <= PASSAGE]
        if candidates:
            _, who = max(candidates, key=lambda c: c[0])
            if isinstance(who, speakers.Attribution):
                return self.named(speakers.Attribution(who.speaker, found.cue, who.via))
            return self.named(speakers.Attribution(who, found.cue))
        if self.person is not None and paragraph - self.person_at[0] <= 1:
            return speakers.Attribution(self.person, found.cue)
        return speakers.Attribution(None, found.cue)

    def named(self, found: speakers.Attribution) -> speakers.Attribution:
        """"the governor" is the governor the article named: "Gov. Mike Pence"."""
        title = _DESCRIBED.fullmatch(found.speaker or "")
        if title and title["title"].lower() in self.titled:
            return speakers.Attribution(self.titled[title["title"].lower()], found.cue,
                                        found.via)
        return found

    def spoke(self, found: speakers.Attribution, at: tuple[int, int]) -> None:
        if found.speaker or found.via:
            self.speaker, self.speaker_at = found, at

    def note_people(self, text: str, at: tuple[int, int], names: StoryNames | None) -> None:
        people = [f for f in find_entities(text, names)
                  if f.kind == "person" or (f.kind == "name" and " " in f.text)]
        if people:
            self.person, self.person_at = people[-1].text, at
        opening = re.match(r"(?:(?:But|And|So|Yet|Then|Still|Meanwhile|However),?\s+)?", text)
        start = opening.end() if opening else 0
        if people and people[0].start <= start + 30 and not text[start:people[0].start].strip(
                " ").lower().startswith(("the ", "a ", "an ", "in ", "on ", "at ")) and \
                re.match(r"\s+[a-z]", text[people[0].end:]):
            self.subject, self.subject_at = people[0].text, at
        for match in _TITLED.finditer(text):
            written = match["title"].lower()
            title = TITLE_ABBREVIATIONS.get(written.rstrip("."), written)
            self.titled[title] = match["name"]


def story_quotes(story: Story, names: StoryNames | None = None) -> tuple[Quote, ...]:
    return tuple(q for article in story.articles for q in article_quotes(article, names))


def short_phrases(quotes: tuple[Quote, ...]) -> tuple[ShortPhrase, ...]:
    """Short quotations grouped by their words (case, accents and edge punctuation aside),
    the most often quoted first, then alphabetically."""
    phrases: dict[str, list[Quote]] = {}
    for quote in (q for q in quotes if q.short):
        phrases.setdefault(fold(quote.text).strip(" .,"), []).append(quote)
    return tuple(ShortPhrase(group[0].text, tuple(q.id for q in group))
                 for _, group in sorted(phrases.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _pronoun(found: speakers.Attribution) -> bool:
    return bool(found.speaker) and fold(found.speaker or "") in SPEAKER_PRONOUNS


def _alone(text: str, span: _Span) -> bool:
    """The quotation is (nearly) the whole sentence: a continuation of the one before."""
    return len(text) - (span.mark_end - span.mark_start) <= 3


def _dates(text: str) -> list[tuple[int, int]]:
    """Date spans: "Tuesday" in "a statement late Tuesday saying" is not a speaker."""
    return [(f.start, f.end) for f in find_dates(text)]


__all__ = [
    "SHORT_WORDS",
    "article_quotes",
    "quote_spans",
    "short_phrases",
    "speaker_key",
    "speakers_compatible",
    "story_quotes",
]
