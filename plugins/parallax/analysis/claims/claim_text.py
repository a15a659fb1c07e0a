"""Claim text hygiene: a suggested claim reads as a claim, on its own, in plain words.

A sentence of an article is not yet a claim. `claim_text` takes off what belongs to the
article rather than to the fact: a wire dateline ("LONDON (AFP) –", "WASHINGTON —"), and a
leading conjunction or linking adverb ("But", "However,", "As a result,"). `problem` says why a
sentence cannot be a claim at all, whatever its wording:

* **caption**: a photo or video caption, or a placeholder line (`ingest.noncontent`);
* **fragment**: a piece the sentence splitter cut off at an abbreviation ("Rep. Duncan Hunter,
  R-Calif." / ", and his wife, Margaret, were indicted…"), a sentence that starts in lower
  case or with punctuation, or an attribution with nothing attributed ("Scalia asked.");
* **speakerless quotation**: mostly someone's quoted words, with the speaker named in another
  sentence or nowhere ("And you exemplify it. Whatever we think about the war…");
* **dangling reference**: it opens with a pronoun or a demonstrative whose antecedent is in
  another sentence ("He said Obama…", "Since then, he said…", "This dual argument…", "The
  pair is due…").

`plainness` orders the self-contained versions of one fact: in the outlet's own voice before
relayed (quotation marks, a reporting verb), then the fewest words. The shortest own-voice
version is the plainest by that measure; ties go to the version closest to the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...ingest.noncontent import noncontent_kind
from ...model import Quote
from ...nlp.text import fold
from .stance_model.cues import REPORTING

QUOTED_SHARE = 0.5  # a sentence this much inside quotation marks is a quotation
# "LONDON (AFP) –", "Denver (AP) –", "HARTFORD, Conn. —", "WASHINGTON --", "FERGUSON, Mo. --",
# "Moscow, May 30 (IANS)": a place (capitals, or a capitalised word before an agency in
# brackets), optionally a date, an optional agency, then a dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,20}?)?"
    r"|[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}"
    r"(?=,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?\((?:[A-Z]{2,6}|Reuters|Xinhua|Bloomberg)\)))"
    r",?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
    r"(?:\((?:[A-Z]{2,6}|Reuters|Xinhua|Bloomberg)\)\s*(?:[—–-]{1,2}|:)?|(?:[—–-]{1,2}|:))\s*")
_CONNECTIVE = re.compile(
    r"^\s*(?:but|and|or|yet|so|still|also|however|meanwhile|moreover|furthermore|nonetheless|"
    r"nevertheless|instead|indeed|besides|separately|likewise|similarly|otherwise|then|"
    r"in addition|in response|as a result|in turn|at the same time|even so|on the other hand)"
    r"\b,?\s+", re.IGNORECASE)
# A sentence cut at an abbreviation ends in one: "R-Calif.", "Mo.", "Wash.", "Cong.", "D-Ore."
_CUT_AT_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]-)?[A-Z][a-z]{1,4}\.$")
# An attribution with nothing attributed: "Scalia asked.", "Pence wrote in a … op-ed."
_ATTRIBUTION_ONLY = re.compile(
    r"^[^,;\"“”]{0,60}\b(?:said|says|asked|asks|added|adds|wrote|writes|told|tells|tweeted|"
    r"posted|noted|explained|replied|continued|recalled)\b"
    r"(?:\s+(?:in|on|at|to|during|via|later|earlier|then)\b[^\"“”]*)?[.!]?$")
_PRONOUN_OPENING = re.compile(
    r"^(?:[^,]{1,40},\s+)?(?:he|she|they|him|her|them|his|their|its|this|that|these|those|"
    r"such|the pair|the couple|the two|the former|the latter)\b"
    # "The comment comes…", "The measure has sparked…": a noun that names something said or
    # done in another sentence, with nothing after it saying which.
    r"|^the (?:comments?|remarks?|statements?|move|announcement|decision|incident|episode|"
    r"measure|plan|proposal|policy)\s+(?!of\b|by\b|to\b|from\b|that\b|which\b|in\b|on\b|"
    r"for\b|about\b|against\b)", re.IGNORECASE)
# "It" that stands for nothing ("It was not immediately clear why…", "It looks like…").
_EXPLETIVE_IT = re.compile(r"^(?:[^,]{1,40},\s+)?it\s+(?:is|was|has been|had been|looks|"
                           r"seems|seemed|appears|appeared|remains|remained|will be|would be)\b",
                           re.IGNORECASE)
_IT_OPENING = re.compile(r"^(?:[^,]{1,40},\s+)?(?:it|its)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def claim_text(sentence: str) -> str:
    """The sentence without a wire dateline or a leading conjunction, first letter capitalised
    (a dateline's agency is no part of the fact)."""
    text = _DATELINE.sub("", sentence, count=1).strip()
    while True:
        stripped = _CONNECTIVE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text or sentence.strip()


def problem(sentence: str, previous: str | None = None, quotes: Sequence[Quote] = ()) -> str | None:
    """Why `sentence` cannot be a claim ("caption", "fragment", "speakerless quotation",
    "dangling reference"), or None. `previous` is the sentence before it in its article;
    `quotes` the quotations found in it (with their speakers)."""
    raw = sentence.strip()
    if noncontent_kind(raw) is not None:
        return "caption"
    if not raw or not (raw[0].isupper() or raw[0].isdigit() or raw[0] in "\"“‘'"):
        return "fragment"
    if _CUT_AT_ABBREVIATION.search(raw) or (
            previous is not None and _CUT_AT_ABBREVIATION.search(previous.strip())):
        return "fragment"
    text = claim_text(raw)
    if _ATTRIBUTION_ONLY.match(text) and "that" not in fold(text).split():
        return "fragment"
    if _speakerless(raw, quotes):
        return "speakerless quotation"
    if _dangling(text):
        return "dangling reference"
    return None


def _speakerless(sentence: str, quotes: Sequence[Quote]) -> bool:
    """Mostly quoted words whose speaker the sentence does not name."""
    quoted = sum(q.end - q.start for q in quotes)
    if not quoted and _QUOTE_MARKS.match(sentence.lstrip()):
        # Marks the quotation finder could not pair: quoted when it opens with one and
        # names no one after its closing mark.
        closing = re.search(r"[\"”]\s*,?\s*\w+", sentence.lstrip()[1:])
        quoted = 0 if closing else len(sentence)
    if quoted < QUOTED_SHARE * len(sentence):
        return False
    named = [q for q in quotes if q.speaker and not q.resolved and
             fold(q.speaker.split()[-1]) in fold(sentence)]
    return not named


def _dangling(text: str) -> bool:
    if _PRONOUN_OPENING.match(text):
        return True
    return bool(_IT_OPENING.match(text)) and not _EXPLETIVE_IT.match(text)


def attributed(text: str) -> bool:
    """Relayed rather than stated: quotation marks or a reporting verb."""
    return bool(_QUOTE_MARKS.search(text) or REPORTING.search(fold(text)))


def plainness(text: str) -> tuple[bool, int]:
    """Sort key, plainest first: own voice before relayed, then fewer words."""
    return attributed(text), len(text.split())
