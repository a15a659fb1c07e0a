"""The stance lexicon, and readings of one clause scoped to the part that matches a claim.

Words alone mislead: "Officials detained her with a fake ID" holds a denial word and denies
nothing about who she is. So every cue here is read against the claim: a denial counts when
what it denies (the words it governs) is the claim's content, a negation when it stands just
before the claim's own words, an attribution when it scopes over them. Who is speaking is kept
for the explanation line ("relays a denial by the Kremlin").
"""

from __future__ import annotations

import re

from ....nlp.text import fold

# Denials and judgements of falsehood.
DENIAL = re.compile(
    r"\b(?:fake[sd]?|false(?:ly)?|falsif\w*|fabricat\w*|hoax\w*|baseless|groundless|unfounded|"
    r"no basis|no truth|no evidence|bogus|debunk\w*|den(?:y|ies|ied|ial|ials|ying)|rubbish\w*|"
    r"dismiss\w*|reject\w*|refut\w*|denounc\w*|slam(?:s|med)?|untrue|not true|not real|"
    r"made (?:it|this|that|the \w+) up|disinformation|misinformation|propaganda|overblown|"
    r"exaggerat\w*|staged|scripted|stunt|myth|nonsense|not the case|satir\w*|prank\w*|"
    r"rumou?rs? (?:is|are|was|were) (?:not|un)\w*)\b"
)
# Denials that govern what follows them ("denied that …", "rejected reports of …"); the others
# judge what they stand next to ("the reports are fake", "a hoax video").
DENIAL_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rubbish(?:es|ed|ing)?|dismiss(?:es|ed|ing)?|"
    r"reject(?:s|ed|ing)?|refut(?:es|ed|ing)|debunk(?:s|ed|ing)?|denounc(?:es|ed|ing)|"
    r"slam(?:s|med|ming)?)\b"
)
NEGATIONS = frozenset({"no", "not", "never", "none", "nor", "neither", "without", "cannot"})
# Contracted negations ("don't", "isn’t"), with either apostrophe.
CONTRACTED_NEGATION = re.compile(r"\w+n['’]t")
NEGATION_WORDS = re.compile(
    r"\b(?:" + "|".join([*sorted(NEGATIONS), CONTRACTED_NEGATION.pattern]) + r")\b"
)
# Negation words in set phrases that negate nothing ("not only X but Y", "no doubt").
NOT_NEGATING = re.compile(r"\b(?:not only|not just|not least|no doubt|without doubt|no sooner)\b")
# Affirmations: confirming what a denial denies.
AFFIRMATION = re.compile(
    r"\b(?:confirm\w*|acknowledg\w*|admit\w*|verif\w*|true|real|genuine|authentic|indeed|"
    r"proved|proven|official(?:ly)?)\b"
)
# Qualifiers of a claim's assertion or denial ("likely a hoax"): part of its stance, not of
# what it is about.
QUALIFIERS = re.compile(
    r"\b(?:likely|unlikely|probabl[ey]|possibl[ey]|perhaps|maybe|really|actually|truly|indeed)\b"
)
# Reporting: the outlet relays the content as someone else's; scopes forward in its clause.
REPORTING = re.compile(
    r"\b(?:according to|reported|reports (?:that|say|said)|as per|quoted|cited|citing|"
    r"claim(?:s|ed|ing)? (?:that|to)|alleg(?:e|es|ed|ing|ation|ations)|said|says|say|told|stated|"
    r"wrote|writes|"
    r"posted|tweeted|added|noted|explained|insisted|revealed|believes?|believed|suggest(?:s|ed)?|"
    r"indicated|rumou?r\w*|if true|whether|announced|warned|argued|testified|contended|"
    r"fears?|feared|worr(?:y|ies|ied)|voiced|expressed|accus\w+|charged that|contends|"
    r"maintain(?:s|ed)|predicted|expects?|expected|thinks?|thought|felt|feels?|hopes?|hoped|"
    r"concerned that|asserted|argues|warns|urged|urges|called for|asked|wants)\b"
)
# Hedges: unconfirmed content, scoped to their own comma-separated part.
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purported(?:ly)?|apparently|seemingly|supposedly|"
    r"(?:is|are|was|were) (?:said|believed|thought|reported|rumou?red) to|appears? to|"
    r"appeared to|(?:is|are|was|were|been|being) credited with|may have|might have|might be|"
    r"could have|could be|unconfirmed|unverified|rumou?red|not clear|unclear)\b"
)
# A claim about what someone said: the same attribution in the article asserts it.
_ATTRIBUTION_VERBS = (
    r"said|says|say|told|stated|called|calls|admitted|admits|claimed|denied|denies|"
    r"described|announced|confirmed|insisted|acknowledged|urged|urges|warned|argued|"
    r"referred|spoke|remarks|tweet(?:ed)?|wrote|boasted|recalled|"
    r"mentioned|asked|testified|accused|blamed|praised|criticized|criticised|vowed|pledged|"
    r"promised|threatened|suggested|questioned|defended|apologi[sz]ed"
)
CLAIM_ATTRIBUTION = re.compile(rf"\b(?:{_ATTRIBUTION_VERBS})\b")
# Verbs of saying or denying: who comes before them is the speaker, not what is denied.
SPEECH = re.compile(
    rf"\b(?:{_ATTRIBUTION_VERBS}"
    r"|den(?:y|ies|ied|ying)|rubbish(?:es|ed)|dismiss(?:es|ed)|reject(?:s|ed)|refut(?:es|ed)|"
    r"denounc(?:es|ed)|slam(?:s|med)|debunk(?:s|ed))\b"
)
CONTRAST = re.compile(
    r";|,\s+yet\b|,?\s+\b(?:but|however|although|though|whereas|while|even as)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
# A clause that opens with a quotation closed by its speaker (“…,” she said). The optional
# opening quote is one group with the run before it, so matching stays linear in the
# clause: two adjacent runs of non-quotes made the regex try every split (quadratic).
QUOTE_THEN_SPEAKER = re.compile(r"^(?:[^\"“”]*[\"“])?[^\"“”]{20,}[,.!?][\"”]\s+\S")
MIN_QUOTE_WORDS = 5  # shorter quoted phrases are names or scare quotes ("fake reports")
RELATIVE = ("who ", "whom ", "whose ", "which ", "where ", "when ")
REPORTING_ASIDE = 8  # words: ", reported Pakistani media," scopes over the whole sentence
# Verbs that hand content to a speaker: who comes before them ("North Korea has moved to deny",
# "Prosecutors said") or after them (", said Mr. Ibrahim") is who the outlet attributes it to.
SPEAKER_VERBS = re.compile(
    r"\b(?:said|says|say|told|tells|stated|denied|denies|deny|rubbished|dismissed|"
    r"rejected|refuted|debunked|reported|claimed|insisted|confirmed|announced|"
    r"called|slammed|denounced|wrote|writes|tweeted|admitted|acknowledged|added|noted|argued|"
    r"warned|alleged|alleges|contended|testified|suggested|explained|maintained|charged|"
    r"fear|fears|feared|believes|believed|voiced|expressed)\b"
)
# Verbs after which the speaker may follow (", said Mr. Ibrahim").
SAID = re.compile(r"said|says|told|added|wrote|tweeted|noted|explained|stated|reported|"
                  r"confirmed|announced|insisted|argued|warned")
_SPEAKER_AFTER_CUE = re.compile(r"\baccording to ([^,.;:()\"“”]{2,80})", re.IGNORECASE)
_BEFORE_TRIM = re.compile(
    r"^(?:and|but|while|as|so|then|also|however|meanwhile|later|earlier|now)\s+", re.IGNORECASE)
_VERB_LEAD = re.compile(
    r"\s+(?:has|have|had|also|\w+ly|moved to|went on to|on \w+(?: night| morning)?)$",
    re.IGNORECASE)
# Words that make a lower-case noun phrase a speaker ("the ministry", "local media").
ROLES = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|ministry|minister|media|police|prosecutors?|"
    r"authorities|government|sources?|lawyers?|attorneys?|aides?|campaign|critics|"
    r"supporters|experts?|analysts?|reports?|statement|agency|department|office|"
    r"spokesperson|witnesses|residents|officers?|investigators|judges?|justices?|court|"
    r"company|firm|group|organi[sz]ation|administration|community|leaders?|democrats|"
    r"republicans|lawmakers|senators?|governor|president|website|site|newspaper|paper)\b",
    re.IGNORECASE)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "this",
                      "that", "there"})


def clauses(sentence: str) -> list[str]:
    """The sentence cut at contrast words; a leading "Although X, Y" gives X and Y."""
    pieces = [p.strip(" ,") for p in CONTRAST.split(sentence)]
    result: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        # "although X, Y" split off its "although" leaves "X, Y": the comma ends the concession.
        head, comma, tail = piece.partition(", ")
        if result == [] and sentence.lower().lstrip().startswith(
            ("although", "though", "while", "even as")
        ) and comma:
            result.extend([head, tail])
        else:
            result.append(piece)
    return result or [sentence]


# "fake reports" judge what was said; "a fake ID", "false records" describe a thing: no denial.
JUDGED_NOUNS = re.compile(
    r"(?:news|reports?|reporting|stor(?:y|ies)|claims?|allegations?|rumou?rs?|information|"
    r"accounts?|narratives?|headlines?|articles?|posts?|videos?|photos?|pictures?|images?|"
    r"quotes?|statements?|tweets?|websites?|sites?|propaganda)\b")
_ADJECTIVE_DENIAL = re.compile(r"(?:fake|false|bogus|fabricated|phony|phoney)$")


def denied_spans(clause: str) -> list[tuple[str, str]]:
    """(what is denied, who denies or "") for every denial in the clause.

    A denial verb governs what follows it ("An Iraqi official denied | that the woman is his
    wife"); its speaker is what comes before. A judgement ("fake", "a hoax", "not true") judges
    the words around it in its own clause: both sides are returned as what it may deny.
    """
    folded = fold(clause)
    spans: list[tuple[str, str]] = []
    for match in DENIAL.finditer(folded):
        before, after = folded[: match.start()], folded[match.end():]
        following = re.match(r"\s*[\"']?\s*([a-z]+)", after)
        if (_ADJECTIVE_DENIAL.fullmatch(match.group(0)) and following
                and not JUDGED_NOUNS.match(following.group(1))
                and following.group(1) not in ("and", "or", "that", "as", "to", "in", "by")):
            continue  # an adjective on an ordinary noun ("false records")
        if DENIAL_VERB.fullmatch(match.group(0)):
            spans.append((after, speaker(clause) or ""))
        else:
            spans.append((before + " " + after, ""))
    return spans


def speaker(clause: str) -> str | None:
    """Who the clause attributes its content to, as written, if it names anyone.

    "according to X", "X said / denied / has moved to deny", or ", said X" after a quotation or
    comma. A pronoun is no one ("he said"); a lower-case phrase is a speaker only when it names
    a role ("the ministry", "local media").
    """
    match = _SPEAKER_AFTER_CUE.search(clause)
    if match:
        return _name(match.group(1))
    for verb in SPEAKER_VERBS.finditer(clause):
        before = clause[: verb.start()].rstrip()
        after = clause[verb.end():]
        if not before or before[-1] in ",\"”'’":
            if not SAID.fullmatch(verb.group(0)):
                continue  # what follows "denied" is what is denied, not who denies
            found = re.match(r"\s+((?:the |a |an )?[^,.;:()\"“”]{2,60})", after)
            if found and (found.group(1)[0].isupper() or ROLES.search(found.group(1))):
                name = _name(found.group(1))
                if name:
                    return name
            continue
        phrase = re.split(r"[,;:()\"“”—–]|\bthat\b|\bwho\b|\bwhich\b", before)[-1].strip()
        while _VERB_LEAD.search(phrase):  # "has moved to", "on Friday firmly"
            phrase = _VERB_LEAD.sub("", phrase)
        phrase = _BEFORE_TRIM.sub("", phrase)
        words = phrase.split()
        if 0 < len(words) <= 8:
            name = _name(phrase)
            if name and (any(w[0].isupper() for w in words) or ROLES.search(phrase)):
                return name
    return None


_DATELINE_LEAD = re.compile(r"^(?:[A-Z][A-Z.' ]+[,]?(?: \w+\.? \d+)?\s*(?:--|—|–|-)\s*)")


def _name(phrase: str) -> str | None:
    name = _DATELINE_LEAD.sub("", " ".join(phrase.split())).strip(" ,.'’\"“”")
    first = name.split(" ", 1)[0].lower() if name else ""
    if not name or first in PRONOUNS or len(name.split()) > 8 or any(c.isdigit() for c in name):
        return None
    return name


def is_question(text: str) -> bool:
    return fold(text).rstrip(" \"'").endswith("?")
