"""Direct quotations and who said them, sentence by sentence.

Quotation marks: straight ("…"), typographic (“…”, ‘…’) and other languages' («…», ‹…›,
„…“, „…”, ‚…‘, 「…」, 『…』). A straight mark opens when a space or the sentence start comes
before it and a word after it; otherwise it closes. Outlets drop marks: a closing mark with no
opening one quotes from the sentence start (or from a dash or colon after "said"), an opening
mark never closed quotes to the sentence's end.

Speakers, in order of trust: an attribution after the quote ("…," said a senior official /
Khan was quoted as saying / The Express Tribune reported), one before it ("quoted FM Lavrov as
saying –", "Roman Babushkin said –"), then the first person named before an embedded quote.
A pronoun ("he added") and a quote with no attribution that follows a quoted sentence of the
same paragraph take the previous quotation's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .entities import ORG_WORDS, StoryNames, find_entities
from .model import Article, Quote, QuoteMarks, Sentence, Story
from .text import STOPWORDS, fold, stem

SHORT_WORDS = 3  # quotations this short are scare quotes ("fake reports"), not statements

_OPEN, _CLOSE, _EITHER = "“‘«‹„‚「『", "”’»›」』", '"'
# The marks that close a quotation each opening mark starts ("„Zitat“", "„cytat”").
_PARTNERS = {"“": "”", "‘": "’", "«": "»", "‹": "›", "„": "“”", "‚": "‘’", "「": "」",
             "『": "』", '"': '"'}
_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + _EITHER) + "]")
_SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|stated|states|reported|reports|posted|wrote|"
    r"writes|claimed|claims|asked|explained|insisted|declared|announced|remarked|tweeted|"
    r"argued|warned|observed|continued|replied|responded|commented|admitted|acknowledged|"
    r"emphasi[sz]ed|stressed|quipped|recalled|underlined|maintained|countered"
)
_QUOTED = r"(?:was|were|has been|had been) quoted as saying"
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.;:–—-]*(?P<cue>{_SPEECH_VERBS})\s+(?P<speaker>(?:(?!\b(?:on|in|at|when|during|"
    r"after|before|while|who|to|from|that|as|about)\b)[^,.;:])+)", re.IGNORECASE)
_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,.;:–—-]*(?P<speaker>[^,.;:]{{1,80}}?)\s+(?P<cue>{_QUOTED}|(?:has |had )?"
    rf"(?:{_SPEECH_VERBS}))\b", re.IGNORECASE)
_BEFORE_QUOTED_AS = re.compile(r"quoted (?P<speaker>.{1,80}?) as saying\W*$", re.IGNORECASE)
_BEFORE_VERB = re.compile(rf"\b(?P<cue>{_SPEECH_VERBS}|saying)\b[\s,:–—-]*$", re.IGNORECASE)
_INTRO = re.compile(rf"\b(?:{_SPEECH_VERBS}|saying)\s*[–—:-]\s*", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_QUALIFIERS = frozenset(
    (
        "a", "an", "the", "senior", "top", "high-ranking", "high", "ranking", "unnamed",
        "anonymous", "one", "another", "key"
    )
)


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
    context = _Context()
    following = dict(zip(article.sentences, (*article.sentences[1:], None), strict=True))
    for sentence in article.sentences:
        spans = quote_spans(sentence.text)
        in_sentence: Quote | None = None
        for index, span in enumerate(spans):
            outside_before = sentence.text[: span.mark_start]
            limit = spans[index + 1].mark_start if index + 1 < len(spans) else len(sentence.text)
            outside_after = sentence.text[span.mark_end: limit]
            quoted = sentence.text[span.start: span.end].strip().rstrip(",;:").strip()
            short = len(quoted.split()) <= SHORT_WORDS
            speaker, cue = _speaker(outside_before, outside_after, span, short, names)
            if speaker is None and in_sentence is not None and in_sentence.speaker:
                # '"…," Inslee said. "…"': a second quotation takes the first one's speaker.
                speaker, cue = in_sentence.speaker, in_sentence.cue
            elif speaker is not None and fold(speaker) in _PRONOUNS:
                speaker = context.resolve(sentence.paragraph)  # "he said"
            elif speaker is None and not short and _alone(sentence.text, span):
                # A sentence that is only a quotation: the sentence splitter may have cut its
                # attribution off ('"…" | Pence wrote in an op-ed.'); else it continues the
                # last speaker's words.
                speaker, cue = _attribution_after(following[sentence], sentence.paragraph, names)
                if speaker is None:
                    speaker = context.resolve(sentence.paragraph, quotes_only=True)
                    cue = "continued" if speaker else ""
                elif fold(speaker) in _PRONOUNS:
                    speaker = context.resolve(sentence.paragraph)
            start = sentence.text.index(quoted, span.start) if quoted else span.start
            quote = Quote(
                id=f"{article.id}:q{len(quotes) + 1}", article=article.id, sentence=sentence.id,
                text=quoted, start=start, end=start + len(quoted), speaker=speaker,
                speaker_key=speaker_key(speaker, names), cue=cue, marks=span.marks,
                short=short,
            )
            quotes.append(quote)
            if not short:
                in_sentence = quote
        context.note_people(sentence.text, sentence.paragraph, names)
        if in_sentence is not None and in_sentence.speaker:
            context.spoke(in_sentence.speaker, sentence.paragraph)
    return tuple(quotes)


def _attribution_after(
    sentence: Sentence | None, paragraph: int, names: StoryNames | None
) -> tuple[str | None, str]:
    """The speaker named by a short next sentence such as "Pence wrote in an op-ed."."""
    if sentence is None or sentence.paragraph != paragraph or len(sentence.text.split()) > 12:
        return None, ""
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SUBJECT_FIRST):
        match = pattern.match(sentence.text)
        if match and _plausible(match["speaker"]):
            return _tidy(match["speaker"]), match["cue"].lower()
    return None, ""


class _Context:
    """Who spoke or was named last: what "he said" and a bare quotation refer to."""

    def __init__(self) -> None:
        self.speaker: str | None = None
        self.speaker_paragraph = -9
        self.person: str | None = None
        self.person_paragraph = -9
        self.person_is_newer = False  # named after the last speaker spoke

    def resolve(self, paragraph: int, quotes_only: bool = False) -> str | None:
        # Only nearby text counts: a pronoun two paragraphs on may mean someone else. A
        # pronoun means the person named most recently, speaker or not.
        person = (self.person if not quotes_only and paragraph - self.person_paragraph <= 1
                  else None)
        speaker = self.speaker if paragraph - self.speaker_paragraph <= 1 else None
        if person and (self.person_is_newer or not speaker):
            return person
        return speaker

    def spoke(self, speaker: str, paragraph: int) -> None:
        self.speaker, self.speaker_paragraph = speaker, paragraph
        self.person_is_newer = False

    def note_people(self, text: str, paragraph: int, names: StoryNames | None) -> None:
        people = [f for f in find_entities(text, names)
                  if f.kind == "person" or (f.kind == "name" and " " in f.text)]
        if people:
            self.person, self.person_paragraph = people[-1].text, paragraph
            self.person_is_newer = True


def story_quotes(story: Story, names: StoryNames | None = None) -> tuple[Quote, ...]:
    return tuple(q for article in story.articles for q in article_quotes(article, names))


def _alone(text: str, span: _Span) -> bool:
    """The quotation is (nearly) the whole sentence: a continuation of the one before."""
    return len(text) - (span.mark_end - span.mark_start) <= 3


def _speaker(
    before: str, after: str, span: _Span, short: bool, names: StoryNames | None
) -> tuple[str | None, str]:
    candidates: list[tuple[str, str]] = []
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SUBJECT_FIRST):
        match = pattern.match(after)
        if match and _plausible(match["speaker"]):
            candidates.append((_tidy(match["speaker"]), match["cue"].lower()))
            break
    quoted_as = _BEFORE_QUOTED_AS.search(before)
    if quoted_as:
        candidates.append((_tidy(quoted_as["speaker"]), "quoted as saying"))
    elif before.strip():
        verb = _BEFORE_VERB.search(before)
        named = sorted((f for f in find_entities(before, names, _dates(before))
                        if f.kind in ("person", "organisation", "name")),
                       key=lambda f: (f.kind != "person", -f.start))
        last_word = re.search(r"\b(\w+)\W*$", before[: verb.start()]) if verb else None
        if verb and last_word and last_word.group(1).lower() in _PRONOUNS:
            candidates.append((last_word.group(1), verb["cue"].lower()))  # "Of Obama, he said,"
        elif verb and named:
            candidates.append((named[0].text, verb["cue"].lower()))
        elif verb:
            subject = _tidy(before[: verb.start()].rsplit(",", 1)[-1])
            lead = re.match(r"(?:[A-Z][\w’'-]*\s?)+", subject)
            if len(subject.split()) > 4 and lead and fold(lead.group(0).split()[0]) not in (
                    STOPWORDS):
                subject = lead.group(0).strip()  # "Romney released a statement … saying:"
            if _plausible(subject):
                candidates.append((subject, verb["cue"].lower()))
        elif named and span.marks == "paired" and not short:
            # An embedded quotation: the sentence's subject (its first person) speaks.
            first = min(named, key=lambda f: (f.kind != "person", f.start))
            candidates.append((first.text, "named before the quotation"))
    for speaker, cue in candidates:  # a name beats a pronoun
        if fold(speaker) not in _PRONOUNS:
            return speaker, cue
    return (candidates[0] if candidates else (None, ""))


_SPEAKER_OPENERS = frozenset(
    (
        "a", "an", "the", "his", "her", "their", "its", "one", "another", "he", "she", "they", "we",
        "i"
    )
)


def _plausible(phrase: str) -> bool:
    """A speaker is a short noun phrase that starts with a capital or a determiner."""
    words = _tidy(phrase).split()
    return (0 < len(words) <= 8 and (words[0][:1].isupper() or words[0].lower() in
                                      _SPEAKER_OPENERS)
            and any(w.lower() not in STOPWORDS or w.lower() in _PRONOUNS for w in words))


def _dates(text: str) -> list[tuple[int, int]]:
    """Date spans: "Tuesday" in "a statement late Tuesday saying" is not a speaker."""
    return [(f.start, f.end) for f in find_dates(text)]


def _tidy(phrase: str) -> str:
    return re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", phrase).strip()


def speaker_key(speaker: str | None, names: StoryNames | None = None) -> str | None:
    """A comparable form of a speaker: ``person:alipov``, ``organisation:express tribune`` or
    ``role:russian govern offici`` (content stems of a description)."""
    if not speaker or fold(speaker) in _PRONOUNS:
        return None
    entities = find_entities(speaker, names)
    for kinds in (("person", "name"), ("organisation",)):
        found = [f for f in entities if f.kind in kinds]
        if found:
            value = found[-1].value.removeprefix("the ")
            if kinds[0] == "person":
                return f"person:{value.split()[-1]}"
            return f"organisation:{value}"
    tokens = speaker.split()
    if all(t[:1].isupper() for t in tokens) and not any(fold(t) in ORG_WORDS for t in tokens):
        return f"person:{fold(tokens[-1])}"  # a bare name ("Khan"), capitalised as a whole
    stems = [stem(w) for w in re.findall(r"[\w-]+", fold(speaker))
             if w not in _QUALIFIERS and w not in STOPWORDS]
    return f"role:{' '.join(stems)}" if stems else None


def speakers_compatible(first: str | None, second: str | None) -> bool | None:
    """True: the same speaker; False: different ones; None: cannot tell (one unknown, or a
    name against a description such as "the ambassador")."""
    if first is None or second is None:
        return None
    if first == second:
        return True
    kind_a, _, words_a = first.partition(":")
    kind_b, _, words_b = second.partition(":")
    if kind_a == "role" and kind_b == "role":
        a, b = words_a.split(), words_b.split()
        shared = len(set(a) & set(b))
        return a[-1] == b[-1] and shared >= min(len(a), len(b)) / 2
    if "role" in (kind_a, kind_b):
        return None
    return False
