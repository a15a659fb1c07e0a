"""Who said a quotation: attributions around it, and what a speaker may be.

Attributions, in order of trust:

* after the quotation: "…," said Kevin Rennie / "…," Rennie said / "…," Kevin Rennie, a former
  Republican state lawmaker, told The Post / "…," according to the lawsuit / "…," Khan was
  quoted as saying / "…," Murphy, the head of Right to Rise USA, tweeted on Friday;
* before it: "quoted FM Lavrov as saying –", "According to the newspaper, “…”", "Roman
  Babushkin said – …", "Rubio says Obama is “obsessed” with…" (the subject of the last speech
  verb before the quotation);
* an introduction that ends with a colon ("Cruz continued:", "The email goes on to say:") for
  a quotation that stands alone after it.

What may not be a speaker: a title or abbreviation on its own ("Sen.", "Rep."), a committee,
a place, and a medium ("the newspaper", "CNN", "The Express Tribune reported"): a medium is
what carried the quotation, kept apart as `via`, since two outlets quoting one person
through different papers would otherwise seem to disagree on who spoke. Pronouns ("he
added") are left for the passage to resolve: they refer back to the last named speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...nlp.dates import find_dates
from ...nlp.entities import StoryNames, find_entities, is_place_name
from ...nlp.lexicon import (
    MEDIUM_NAME_WORDS,
    NOT_SPEECH_CUES,
    ORGANISATION_WORDS,
    SPEAKER_CLAUSE_OPENERS,
    SPEAKER_DESCRIPTION_OPENERS,
    SPEAKER_PHRASE_ENDS,
    SPEAKER_PRONOUNS,
    SPEAKER_QUALIFIERS,
    SPEAKER_TITLES,
    SPEECH_VERB_BASES,
    SPEECH_VERB_IRREGULAR_FORMS,
    STOPWORDS,
)
from ...nlp.text import fold, stem
from .spellings import variant


def _forms(verb: str) -> list[str]:
    """A verb's finite forms: "say" → say, says, said; "note" → note, notes, noted."""
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        past = verb + ("d" if verb.endswith("e") else "ed")
    return [verb, third, *SPEECH_VERB_IRREGULAR_FORMS.get(verb, (past,))]


SPEECH_VERBS = "|".join(sorted({f for v in SPEECH_VERB_BASES.split() for f in _forms(v)
                                if f not in NOT_SPEECH_CUES} | {
    "points out", "pointed out", "goes on to say", "went on to say", "is quoted as saying",
    "was quoted as saying"}, key=len, reverse=True))
# "…, noting that …", "…, calling him “a total stiff”": the clause's subject speaks.
_IRREGULAR = SPEECH_VERB_IRREGULAR_FORMS
PARTICIPLES = "|".join(sorted({_IRREGULAR.get(v, ("",))[0].removesuffix("ed") + "ing"
                               if v in ("admit", "quip") else
                               (v[:-1] if v.endswith("e") else v) + "ing"
                               for v in SPEECH_VERB_BASES.split()}, key=len, reverse=True))
_CUE = rf"(?:has |had |have )?(?:{SPEECH_VERBS})"
_APPOSITION = r"(?:,\s*[^,“”\"]{2,120}?,)?"
# Speech verbs are matched in lower case: "the United States" does not "state".
# A speaker's words: anything but punctuation, save the dot of "Sen." or "Joseph M. Sellers".
_ABBREVIATED = r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Atty)\."
_SPEAKER_CHAR = rf"(?:{_ABBREVIATED}|\b[A-Z]\.|[^,.;:“”\"])"
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.;:–—-]*(?P<cue>{SPEECH_VERBS})\s+(?P<speaker>(?:(?!\b(?:{SPEAKER_PHRASE_ENDS})\b)"
    rf"{_SPEAKER_CHAR})+)")
_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,.;:–—-]*(?P<speaker>{_SPEAKER_CHAR}{{1,80}}?){_APPOSITION},?\s+(?P<cue>{_CUE}|"
    r"(?:was|were|has been|had been) quoted as saying)\b")
_AFTER_ACCORDING = re.compile(
    rf"^[\s,.;:–—-]*according to\s+(?P<speaker>{_SPEAKER_CHAR}{{1,80}})", re.IGNORECASE)
_BEFORE_QUOTED_AS = re.compile(r"quoted (?P<speaker>.{1,80}?) as saying\W*$", re.IGNORECASE)
_BEFORE_ACCORDING = re.compile(r"\baccording to (?P<speaker>[^,“”\"]{1,80}?)\s*,",
                               re.IGNORECASE)
_BEFORE_CUE = re.compile(rf"\b(?P<cue>{SPEECH_VERBS}|{PARTICIPLES})\b")
# "his remarks", "the claims", "Trump's comments": the speech word is a noun there.
_NOUN_USE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|such|"
                       r"any|no|some|new|recent|earlier|latest|of)|['’]s)\s+$", re.IGNORECASE)
# Adverbs and auxiliaries between a speaker and the verb: "he also said", "she did say".
_ADVERBS = re.compile(r"(?:\s+(?:also|then|later|again|once|further|earlier|previously|"
                      r"repeatedly|recently|often|never|always|even|still|simply|did|does|do|"
                      r"would|will|could|might|has|had|have|is|are|was|were|been|"
                      r"went on to|goes on to|\w+ly))+\s*$")
# "Steve Israel (D-N.Y.) said": a party and state tag is no clause boundary.
# A name set off after a description: ", Eric Schultz." / ", Joseph M. Sellers,"
_NAMED_AFTER = re.compile(r",\s*(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*(?:[,.;]|$)")
_SUBORDINATE = re.compile(r"\b(?:while|and|but|because|when|although|whereas|regarding|after|"
                          r"before|since|if|who|which|that)\b", re.IGNORECASE)
_TAG = re.compile(r"\s*\([^()]{1,12}\)")
# "Sen. John Cornyn, R-TX, who heads …": a party and state between commas.
_PARTY = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{1,6}\s*(?=,)")
# A name or a short description after a verb: "said the governor", "said Kevin Rennie".
_NOUN_PHRASE = re.compile(
    r"^(?:(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*|(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}"
    r"(?!(?:was|is|are|were|has|had|will|would|could|did)$)[\w’'-]+)$")
# "the N.C.A.A. president, Mark Emmert, said": a name set off after a description.
_NAME_APPOSITIVE = re.compile(r"(?:\b(?:a|an|the)\s[^,]{2,80}|[a-z]+),\s*(?P<name>(?:[A-Z][\w’'.-]*"
                              r"\s+){1,3}[A-Z][\w’'-]+)\s*,\s*$")
# "Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says": the name.
_APPOSITIVE = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s*,\s*"
                         r"(?:a|an|the|his|her|[a-z0-9])[^“”\"]{2,150},\s*$")
# The speaker just before a verb: a name with its title (after a lower-case word)…
_NAME_TAIL = re.compile(r"(?:^|(?<=[a-z,]\s))(?P<np>(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?)"
                        r"{0,5}[A-Z][\w’'.-]*)\s*$")
# …or a short description.
_TAIL = re.compile(
    r"(?P<np>(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?){0,5}[A-Z][\w’'.-]*|\b(?:he|she|they|it|we|I)"
    r"|\b(?:the|a|an|his|her|their|its|one|another|some)\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+)"
    r"\s*$")
# The subject that opens a clause: "He signaled he did, saying …", "Romney released … saying".
_OPENING = re.compile(
    r"^\s*(?P<np>(?:he|she|they|we|I|He|She|They|We)\b|(?:[A-Z][\w’'.-]*\s+"
    r"(?:of\s+(?:the\s+)?)?){0,5}[A-Z][\w’'.-]*(?=\s+[a-z]|\s*$)|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'-]+\s+)"
    r"{0,3}[a-z][\w’'-]+(?=\s+[a-z]+(?:ed|s)\b))")
# A medium: a paper's name ("The Express Tribune", "Fox News"), a broadcaster or agency, or
# a description of one ("the newspaper").
_MEDIUM = re.compile(
    rf"^(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,4}}(?:{MEDIUM_NAME_WORDS})(?:\s+[A-Z]\w*)?$"
    r"|^(?:CNN|NBC|ABC|CBS|MSNBC|NPR|PBS|BBC|Reuters|AFP|AP|IANS|PTI|Politico|Axios|"
    r"Breitbart|HuffPost|Huffington Post|Slate|Twitter|Facebook|Fox|Bloomberg|Xinhua|TASS)"
    r"(?:\s+\w+)?$"
    r"|^(?:the|a|an)\s+(?:\w+\s+)?(?:newspaper|paper|magazine|network|website|news|outlet|"
    r"station|broadcaster|channel|daily|tabloid|wire service|news agency)$")
_MEDIUM_DESCRIBED = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:news\s+|media\s+)?(?:outlet|agency|newspaper|channel|daily|paper|"
    r"network|broadcaster|website|magazine|tabloid)\s+(?P<name>.+)$", re.IGNORECASE)
_BODIES = re.compile(r"\b(?:committee|subcommittee|caucus|panel)\b", re.IGNORECASE)
# A description: a determiner, then a lower-case head noun, then perhaps its complement.
_DESCRIPTION = re.compile(r"(?i:a|an|the|his|her|their|its|one|another)\s+(?:[a-z][\w’'-]*\s+)*"
                          r"[a-z][\w’'-]*(?:\s+(?:for|of|at|with|from|to|in)\b.*)?$")


@dataclass(frozen=True)
class Attribution:
    """Who a quotation is attributed to, by which words, and through which medium."""

    speaker: str | None
    cue: str
    via: str | None = None
    weak: bool = False  # inferred (the sentence's first person), not stated


NONE = Attribution(None, "")


def after(text: str, names: StoryNames | None) -> Attribution | None:
    """An attribution right after a quotation: "…," said X / X said / according to X /
    "…," the dawn of a movement, Bozell says."""
    text = _PARTY.sub("", _TAG.sub("", text))
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SUBJECT_FIRST, _AFTER_ACCORDING):
        match = pattern.match(text)
        if match and plausible(match["speaker"]):
            cue = match.groupdict().get("cue") or "according to"
            speaker = match["speaker"]
            named = _NAMED_AFTER.match(text, match.end("speaker"))
            if named and re.match(r"\s*(?:a|an|the)\b", speaker, re.IGNORECASE):
                speaker = named["name"]  # "said a White House spokesman, Eric Schultz"
            speaker = _ADVERBS.sub("", " " + tidy(speaker)).strip()  # "Dukes once told"
            if re.search(r"\b(?:it|who|which|that|what)$", speaker, re.IGNORECASE):
                continue  # "the articles that are written": no speaker here
            return judged(speaker, cue.lower(), names)
    clause = re.split(r"[.;:!?]\s|“|\"", text)[0]
    cues = [c for c in _cues(clause) if not c["cue"].endswith("ing")]
    if cues:
        head = clause[:cues[0].start()]
        subject = _subject(head, participle=False)
        # Only an apposition may come between ("…," the dawn of a movement, Bozell says),
        # not another clause ("…" regarding her links while Sanders suggests).
        if subject is not None and not _SUBORDINATE.search(head[:head.rfind(subject)]):
            return judged(subject, cues[0]["cue"], names)
    return None


def _cues(text: str) -> list[re.Match[str]]:
    """Speech verbs used as verbs: not "his remarks", not "to counter"."""
    return [c for c in _BEFORE_CUE.finditer(text) if not _NOUN_USE.search(text[:c.start()])
            and not re.search(r"\bto\s+$", text[:c.start()])]


def before(text: str, names: StoryNames | None) -> Attribution | None:
    """An attribution before a quotation in its sentence."""
    quoted_as = _BEFORE_QUOTED_AS.search(text)
    if quoted_as and plausible(quoted_as["speaker"]):
        return judged(quoted_as["speaker"], "quoted as saying", names)
    text = _PARTY.sub("", _TAG.sub("", text))
    cues = _cues(text)
    according = _BEFORE_ACCORDING.search(text)
    if according and plausible(according["speaker"]) and not any(
            c.start() > according.end() for c in cues):
        return judged(according["speaker"], "according to", names)
    if not cues:
        return None
    cue = cues[-1]
    subject = _subject(text[:cue.start()], cue["cue"].endswith("ing"))
    if subject is None:
        # "…, said the governor, “…”": the speaker follows the verb.
        rest = _AFTER_VERB_FIRST.match(text[cue.start():])
        if rest and _NOUN_PHRASE.match(tidy(rest["speaker"])) and plausible(rest["speaker"]):
            return judged(rest["speaker"], cue["cue"], names)
        return None
    return judged(subject, cue["cue"], names)


def opening_subject(text: str, names: StoryNames | None) -> Attribution | None:
    """The subject that opens a sentence's last clause, as the speaker of the quotation it
    introduces ("Cruz called them on it:", "President Clinton released the statement:")."""
    subject = _subject(_TAG.sub("", text), participle=True)
    return judged(subject, "introduced the quotation", names) if subject else None


def _subject(head: str, participle: bool) -> str | None:
    """The speaker of a speech verb, from the words before it: the noun phrase right before a
    finite verb ("Florida Sen. Marco Rubio says", "but he also said", "Murphy, the head of
    Right to Rise USA, tweeted"), or the subject of the clause before "…, saying"."""
    # Sentences are already split: a ". " inside one is an abbreviation ("Mr. Romney").
    clause = re.split(r"[;:–—(]", _PARTY.sub(" ", head))[-1]
    if re.search(r"\b(?:and|but)\s*$", clause):
        # "Khan has reportedly pointed out … and said": the subject of both verbs.
        clause, participle = re.sub(r"\b(?:and|but)\s*$", "", clause), True
    if participle:
        # "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling
        # him …": the subject of the last clause that has one.
        for part in reversed(re.split(r",\s*(?:and\s+|but\s+)?", clause)):
            opening = _OPENING.match(part)
            if opening and plausible(opening["np"]) and not opening["np"].split()[0].endswith(
                    "ing"):
                return opening["np"].strip()
        return None
    named = _NAME_APPOSITIVE.search(clause)
    if named:
        return named["name"]  # "the N.C.A.A. president, Mark Emmert, said"
    clause = _APPOSITIVE.sub(r"\g<name>", clause.rstrip() + " ")  # "X, <description>,"
    clause = _ADVERBS.sub("", clause.rstrip())
    relative = re.search(r"^(?P<np>.*?[A-Z][\w’'.-]*)\s*,\s*who\s*$", clause)
    if relative:
        clause = relative["np"]  # "Russian President Vladimir Putin, who stated …"
    elif re.search(r"\b(?:it|who|which|that|what)\s*$", clause, re.IGNORECASE):
        return None  # "what it calls", "commentators who say": no named speaker here
    pronoun = re.search(r"\b(he|she|they|we|I|He|She|They|We)\s*$", clause)
    if pronoun:
        return pronoun.group(1)
    for pattern in (_NAME_TAIL, _TAIL):
        tail = pattern.search(clause)
        if tail:
            words = tail["np"].split()
            while words and (fold(words[0]) in STOPWORDS
                             or fold(words[0]) in SPEAKER_CLAUSE_OPENERS) and \
                    fold(words[0]) not in SPEAKER_DESCRIPTION_OPENERS:
                words = words[1:]  # "Although Weiner", "But the governor"
            phrase = " ".join(words)
            return phrase if phrase and plausible(phrase) else None
    return None


def judged(phrase: str, cue: str, names: StoryNames | None) -> Attribution:
    """The attribution a phrase makes: a speaker, or a medium it came through, or nothing
    (a title, a committee, a place or a date alone)."""
    speaker = tidy(phrase)
    if any(f.end - f.start >= len(speaker) - 4 for f in find_dates(speaker)):
        return Attribution(None, cue)  # "February 20", "Hillary 2008"
    if fold(speaker) in SPEAKER_PRONOUNS:
        return Attribution(speaker, cue)  # for the passage to resolve
    described = _MEDIUM_DESCRIBED.match(speaker)  # "Indian news outlet Zee News"
    if _MEDIUM.match(speaker) or (described and described["name"][:1].isupper()):
        return Attribution(None, cue, via=speaker)
    person = re.match(r"(?P<who>.+?)\s+(?:of|from|at|for|with)\s+(?P<medium>.+)$", speaker)
    if person and _MEDIUM.match(person["medium"]) and plausible(person["who"]):
        speaker = person["who"]  # "Joel Pollak of Breitbart California"
    if _BODIES.search(speaker) or not _names_someone(speaker):
        return Attribution(None, cue)
    if is_place_name(fold(speaker).removeprefix("the ")):  # "Moscow said": the government
        return Attribution(None, cue)
    return Attribution(speaker, cue)


def _names_someone(speaker: str) -> bool:
    """A name, or a description with its determiner ("the governor"); not a title alone
    ("Sen", "Rep.", "Gov.") nor function words."""
    words = [fold(w).strip(".") for w in re.findall(r"[\w’'.-]+", speaker)]
    described = bool(words) and words[0] in SPEAKER_DESCRIPTION_OPENERS
    return any(w not in STOPWORDS and w not in SPEAKER_QUALIFIERS
               and (described or w not in SPEAKER_TITLES)
               for w in words)


def plausible(phrase: str) -> bool:
    """A speaker is a short noun phrase that starts with a capital or a determiner, not with
    a conjunction or an adverb ("When he returned he began by")."""
    words = tidy(phrase).split()
    if not 0 < len(words) <= 10:
        return False
    first = words[0].lower()
    if first in STOPWORDS and first not in SPEAKER_DESCRIPTION_OPENERS:
        return False
    return (words[0][:1].isupper() or first in SPEAKER_DESCRIPTION_OPENERS) and any(
        w.lower() not in STOPWORDS or w.lower() in SPEAKER_PRONOUNS for w in words)


def tidy(phrase: str) -> str:
    return re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", phrase).strip()


def speaker_key(speaker: str | None, names: StoryNames | None = None) -> str | None:
    """A comparable form of a speaker: ``person:alipov``, ``organisation:justice department``
    or ``role:russian govern offici`` (content stems of a description)."""
    if not speaker or fold(speaker) in SPEAKER_PRONOUNS:
        return None
    if _DESCRIPTION.match(speaker):
        # A description ("a White House spokesman", "the governor", "a spokesperson for the
        # U.S. Fish and Wildlife Service"): a role, whatever names it mentions.
        stems = [stem(w) for w in re.findall(r"[\w-]+", fold(speaker))
                 if w not in SPEAKER_QUALIFIERS and w not in STOPWORDS]
        return f"role:{' '.join(stems)}" if stems else None
    affiliated = re.match(r"(?P<who>.+?)\s+of\s+(?:the\s+)?[A-Z]", speaker)
    if affiliated and any(w[:1].isupper() and fold(w).strip(".") not in SPEAKER_TITLES
                          for w in affiliated["who"].split()):
        speaker = affiliated["who"]  # "Rev. John Paul Hopping of Our Lady of Guadalupe"
    entities = find_entities(speaker, names)
    for kinds in (("person", "name"), ("organisation",)):
        found = [f for f in entities if f.kind in kinds and fold(f.text).strip(".") not in
                 SPEAKER_TITLES]
        if found:
            value = found[-1].value.removeprefix("the ")
            if kinds[0] == "person":
                return f"person:{value.split()[-1]}"
            return f"organisation:{value}"
    tokens = [t for t in speaker.split() if fold(t).strip(".") not in SPEAKER_TITLES]
    if tokens and all(t[:1].isupper() for t in tokens) and not any(
            fold(t) in ORGANISATION_WORDS for t in tokens):
        return f"person:{fold(tokens[-1])}"  # a bare name ("Khan"), capitalised as a whole
    stems = [stem(w) for w in re.findall(r"[\w-]+", fold(speaker))
             if w not in SPEAKER_QUALIFIERS and w not in STOPWORDS]
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
    if kind_a == kind_b == "person" and variant(words_a, words_b):
        return True  # "Trump" and "Tump": one person, spelt twice
    if kind_a == "role" and kind_b == "role":
        a, b = words_a.split(), words_b.split()
        shared = len(set(a) & set(b))
        return a[-1] == b[-1] and shared >= min(len(a), len(b)) / 2
    if "role" in (kind_a, kind_b) or "medium" in (kind_a, kind_b):
        return None  # a description, or a paper that carried the words: cannot tell
    return False
