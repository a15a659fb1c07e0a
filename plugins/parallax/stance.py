"""Stance of one article towards one claim: asserts, reports, disputes or omits, with evidence.

The method is lexical and needs nothing heavy:

1. **Evidence.** The article's sentences closest to the claim (a `Scorer`: TF-IDF cosine in the
   story's space by default) above a threshold, that use at least a third of the claim's key
   words (its words the story uses, less light verbs such as "taken", "set"), and at least 40 %
   as close as the article's best; at most `MAX_EVIDENCE` of them. A sentence that meets the
   claim on one or two topic words ("industrial … Pakistan") is not evidence.
2. **Focus.** A sentence can hold two stances ("Sources admitted talks *but* slammed reports of
   a contract"), so it is cut at contrast words (but, however, although, while…) and the clause
   closest to the claim decides; cue words elsewhere in the sentence do not leak into it.
3. **Cues in the focus clause.** A denial ("fake", "fabricated", "no basis", "rubbished") or a
   negation right before the claim's own words *disputes* a plain claim. A claim that is itself
   a denial ("Russia called the reports fake") is asserted or reported by a sentence that
   carries a denial too ("Russia rubbished 'fake reports'"); a sentence without one is no
   evidence for it ("The minister visited Karachi" says nothing of "The minister denied the
   story"), unless it states in its own voice most of what the claim denies: that contradicts
   it. A negation inside quoted speech ("I don't think anybody doubts…") does not make a claim a
   denial. Otherwise an attribution or hedge ("according to", "Pakistani media reported", "was
   quoted as saying", "allegedly", "was credited with", a quotation) makes it *report* the
   claim, unless the claim is itself about what someone said. A sentence with the claim's
   subject but a different fact (a date, a figure) disputes it through the pluggable
   `FactCheck`.
4. **Article.** A denial in any evidence sentence wins (outlets report a claim, then relay its
   denial: their stance is the denial, and the cell shows both); a bare negation wins only in
   the closest sentence. Then own-voice sentences against attributed ones, weighted by
   similarity; the cell cites the sentences that decide it. A claim stating a figure is not
   carried by a sentence that lacks the figure (a wire dateline's date is not a figure).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .model import Article, Cell, Stance
from .similarity import SentenceSpace, cosine
from .text import content_stems, fold, has_content, stem, words

EVIDENCE_THRESHOLD = 0.16  # TF-IDF cosine for a sentence to count as being about the claim
CONFLICT_SIMILARITY = 0.3  # a conflicting fact only counts in a sentence clearly on the claim
MAX_EVIDENCE = 3
EVIDENCE_REACH = 0.4  # more evidence must be at least 40 % as close as the article's best
NEGATION_REACH = 4  # a negation scopes over the next few words ("no 'multibillion' contract")
KEY_SHARE = 1 / 3  # share of the claim's key words a sentence must use to be evidence
MIN_RESTATED = 2
AFFIRM_SHARE = 0.6  # share of a denial-claim's core words a sentence must restate to contradict it

# Denials and judgements of falsehood: strong cues, they win wherever they stand in the article.
DENIAL = re.compile(
    r"\b(?:fake[sd]?|false(?:ly)?|falsif\w*|fabricat\w*|hoax\w*|baseless|groundless|unfounded|"
    r"no basis|no truth|no evidence|bogus|debunk\w*|den(?:y|ies|ied|ial|ying)|rubbish\w*|"
    r"dismiss\w*|reject\w*|refut\w*|denounc\w*|slam(?:s|med)?|untrue|not true|not real|"
    r"made (?:it|this|that|the \w+) up|disinformation|misinformation|propaganda|overblown|"
    r"exaggerat\w*|staged|scripted|stunt|myth|nonsense|not the case)\b"
)
NEGATIONS = frozenset({"no", "not", "never", "none", "nor", "neither", "without", "cannot"})
# Contracted negations ("don't", "isn’t"), with either apostrophe: `fold` straightens it, but
# not every text a pattern reads has been folded.
CONTRACTED_NEGATION = re.compile(r"\w+n['’]t")
# Affirmations: a sentence confirming what a denial-claim denies contradicts it.
AFFIRMATION = re.compile(
    r"\b(?:confirm\w*|acknowledg\w*|admit\w*|verif\w*|true|real|genuine|authentic|indeed)\b"
)
# Light verbs: their sense comes from their object ("take place", "take shape", "set up").
LIGHT_VERBS = frozenset(stem(w) for w in """take takes taking taken took make makes making made
    give gives giving given gave get gets getting got gotten go goes going went gone come comes
    coming came put puts putting set sets setting let lets keep keeps keeping kept""".split())
# Qualifiers of a claim's assertion or denial ("likely a hoax", "weren't really tricked"): part of
# its stance, not of what it is about.
QUALIFIERS = re.compile(
    r"\b(?:likely|unlikely|probabl[ey]|possibl[ey]|perhaps|maybe|really|actually|truly|indeed)\b"
)
# The same negations as one pattern, for cues found in running text.
NEGATION_WORDS = re.compile(
    r"\b(?:" + "|".join([*sorted(NEGATIONS), CONTRACTED_NEGATION.pattern]) + r")\b"
)
# Negation words in set phrases that negate nothing ("not only X but Y", "no doubt").
NOT_NEGATING = re.compile(r"\b(?:not only|not just|not least|no doubt|without doubt|no sooner)\b")
# Reporting: the outlet relays the content as someone else's. The cue scopes forward over what
# follows it in the clause ("reports claimed that A, including B").
REPORTING = re.compile(
    r"\b(?:according to|reported|as per|quoted|cited|citing|claim(?:s|ed|ing)? (?:that|to)|claims|"
    r"alleg(?:e|es|ed|ing|ation|ations)|said|says|say|told|stated|states|wrote|writes|posted|"
    r"tweeted|added|noted|explained|insisted|revealed|believes?|believed|suggest(?:s|ed)?|"
    r"indicated|rumou?r\w*|if true|whether)\b"
)
# Hedges: unconfirmed content, scoped to their own comma-separated part ("were said to have").
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purported(?:ly)?|apparently|seemingly|supposedly|"
    r"(?:is|are|was|were) (?:said|believed|thought|reported) to|appears? to|appeared to|"
    r"(?:is|are|was|were|been|being) credited with|may have|might have|might be|could have|"
    r"unconfirmed)\b"
)
# A claim about what someone said: the same attribution in the article asserts it.
_ATTRIBUTION_VERBS = (
    r"said|says|say|told|stated|called|calls|admitted|admits|claimed|claims|denied|denies|"
    r"reported|described|announced|confirmed|insisted|acknowledged"
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
QUOTE_THEN_SPEAKER = re.compile(r"^[^\"“”]*[\"“]?[^\"“”]{20,}[,.!?][\"”]\s+\S")
MIN_QUOTE_WORDS = 5  # shorter quoted phrases are names or scare quotes ("fake reports")
RELATIVE = ("who ", "whom ", "whose ", "which ", "where ", "when ")
REPORTING_ASIDE = 8  # words: ", reported Pakistani media," scopes over the whole sentence
MIN_PART_STEMS = 6  # content words a clause or comma part needs to be matched on its own
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A wire dateline opening a text ("Moscow, May 30 (IANS)", "NEW DELHI, Jan. 5 -"): its date is
# when the story was filed, not a figure the statement makes.
DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40}?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^()]{1,40}\)\s*[-–—:]?|[-–—:])\s*",
    re.IGNORECASE,
)


class Scorer(Protocol):
    """How close two texts are (0..1), and the closeness from which a sentence is evidence."""

    threshold: float

    @property
    def space(self) -> SentenceSpace | None:
        """The story's sentence space, whose word frequencies tell which of a claim's words
        evidence must share; None to count them over the article alone."""
        ...

    def similarity(self, claim: str, text: str) -> float: ...


class LexicalScorer:
    """TF-IDF cosine in the story's `SentenceSpace` (the default; no model needed).

    The claim's words that no sentence of the story uses can never be matched; they are left
    out of its vector rather than diluting every score (a headline's "foiled", "chronic").
    """

    threshold = EVIDENCE_THRESHOLD

    def __init__(self, space: SentenceSpace) -> None:
        self.space = space
        self._claims: dict[str, dict[str, float]] = {}

    def similarity(self, claim: str, text: str) -> float:
        return cosine(self._claim_vector(claim), self.space.vector(text))

    def _claim_vector(self, claim: str) -> dict[str, float]:
        vector = self._claims.get(claim)
        if vector is None:
            known = {f: w for f, w in self.space.vector(claim).items()
                     if self.space.document_frequency(f)}
            norm = math.sqrt(sum(w * w for w in known.values())) or 1.0
            vector = self._claims[claim] = {f: w / norm for f, w in known.items()}
        return vector


# The fact-conflict hook: non-empty when two texts give different values for the same kind of
# fact (a date, a figure). The default finds none; `facts.fact_conflicts` plugs in here.
FactCheck = Callable[[str, str], Sequence[object]]


def no_conflicts(first: str, second: str) -> tuple[()]:
    """The default `FactCheck`: never reports a conflict."""
    return ()


@dataclass(frozen=True)
class ClaimShape:
    """What the claim's own wording says about how to read the evidence."""

    negative: bool  # the claim is a denial ("Russia called the reports fake")
    attributed: bool  # the claim is about what someone said or admitted
    question: bool  # "Real or hoax?": it can only be reported, never asserted or disputed
    numbers: tuple[str, ...]  # figures the claim states, which evidence must carry
    stems: frozenset[str]
    negated: bool = False  # a negation anywhere in its words, quoted speech included
    core: frozenset[str] = frozenset()  # its words less denial, negation and attribution cues


def claim_shape(text: str) -> ClaimShape:
    """The claim's shape. It is a denial-claim when it uses a denial cue, or a negation of its
    own words outside quoted speech: the "don't" of a quoted "I don't think anybody doubts…"
    belongs to the speaker's turn of phrase, not to a denial the claim makes. A wire dateline's
    date ("Moscow, May 30 (IANS)") is not one of its figures."""
    folded = fold(text)
    stems = frozenset(content_stems(text))
    unquoted = QUOTED.sub(
        lambda m: " " if len(m.group(1).split()) >= MIN_QUOTE_WORDS else m.group(0), folded)
    cues = _denied(folded)
    for cue in (DENIAL, CLAIM_ATTRIBUTION, NEGATION_WORDS, QUALIFIERS, HEDGE):
        cues = cue.sub(" ", cues)
    return ClaimShape(
        negative=bool(DENIAL.search(folded)) or _negative(unquoted, stems),
        attributed=bool(CLAIM_ATTRIBUTION.search(folded) or REPORTING.search(folded)),
        question=folded.rstrip().endswith("?"),
        numbers=tuple(sorted(set(NUMBER.findall(fold(DATELINE.sub("", text, count=1)))))),
        stems=stems,
        negated=_negative(folded, None),
        core=frozenset(content_stems(cues)),
    )


def _denied(folded: str) -> str:
    """What a claim is about, less who says it: the quotation a claim opens with ("'An
    exaggerated news…,' said an official"), or what follows its verb of saying or denying
    ("Russia called | the reports … fake", "The minister denied | the story")."""
    if folded.lstrip().startswith('"'):
        quoted = QUOTED.findall(folded)
        if quoted and len(quoted[0].split()) >= MIN_QUOTE_WORDS:
            return quoted[0]
    verb = SPEECH.search(folded)
    return folded[verb.end():] if verb and folded[:verb.start()].strip() else folded


@dataclass(frozen=True)
class SentenceStance:
    """One evidence sentence's stance, how close it is to the claim and why."""

    sentence_id: str
    similarity: float
    stance: Stance
    strong: bool = False  # a denial or conflicting fact, not a bare negation
    note: str | None = None


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


def sentence_stance(
    claim: str,
    sentence: str,
    similarity: float,
    scorer: Scorer,
    facts: FactCheck = no_conflicts,
    shape: ClaimShape | None = None,
    carries: bool = False,
) -> tuple[Stance, bool, str | None]:
    """(stance, strong, note) of one sentence that is about the claim.

    `omits` here means the sentence is no evidence either way: a denial-claim's subject without
    its denial ("The minister visited Karachi" says nothing of "The minister denied the story").
    `carries` marks a sentence known to carry the claim (a suggested claim's own sentences),
    which is never read as no evidence.
    """
    shape = shape or claim_shape(claim)
    if shape.question:
        return "reports", False, "the claim is a question: it can only be reported"
    if similarity >= CONFLICT_SIMILARITY:
        conflicts = facts(claim, sentence)
        if conflicts:
            return "disputes", True, f"conflicting fact: {conflicts[0]}"
    focus = max(clauses(sentence), key=lambda c: scorer.similarity(claim, c))
    folded = fold(focus)
    strong = bool(DENIAL.search(folded))
    negative = strong or _negative(folded, shape.stems)
    if shape.negative and not negative and not carries:
        # A sentence without the denial counts against a denial-claim only when it restates,
        # in its own voice, what the claim denies; otherwise it is no evidence.
        if similarity >= scorer.threshold and _restates(focus, shape):
            return "disputes", False, "states what the claim denies"
        return "omits", False, "does not carry the denial"
    if not shape.negative and (strong or (negative and not shape.negated)):
        # A bare negation against a claim that itself negates ("I don't think anybody
        # doubts…" against "There isn't anyone who questions…") is agreement, not contrast.
        return "disputes", strong, None
    if not shape.attributed and _attributed(focus, shape.stems):
        return "reports", False, None
    return "asserts", False, None


def _restates(clause: str, shape: ClaimShape) -> bool:
    """Whether the clause states, unattributed, most of the core of what a denial-claim denies:
    at least `AFFIRM_SHARE` of its core words (what it denies, not who denies it), and either an
    affirmation ("confirmed", "is real") or at least `MIN_RESTATED` of them ("the minister spoke
    about the story" affirms nothing the minister denied)."""
    shared = len(shape.core & set(content_stems(clause)))
    if not shape.core or shared < AFFIRM_SHARE * len(shape.core):
        return False
    if shared < MIN_RESTATED and not AFFIRMATION.search(fold(clause)):
        return False
    return not _attributed(clause, shape.stems)


def _attributed(clause: str, stems: frozenset[str]) -> bool:
    """Whether the clause relays its claim-bearing content as someone else's or as unconfirmed.

    A reporting cue scopes forward over the rest of the clause ("reports claimed that A,
    including B"); a short reporting aside scopes over all of it (", reported Pakistani media,");
    a hedge ("were said to have") only over its own comma-separated part; a cue inside a relative
    clause (", who stated …,") says nothing about the rest. A quotation holding the claim's
    words, or a clause that opens with a quotation closed by its speaker, is reported speech.
    """
    if QUOTE_THEN_SPEAKER.search(clause):
        return True
    for quoted in QUOTED.findall(clause):
        if len(quoted.split()) >= MIN_QUOTE_WORDS and stems & set(content_stems(quoted)):
            return True
    parts = [p.strip() for p in re.split(r"[,:()]", clause)]
    overlap = [len(stems & set(content_stems(p))) for p in parts]
    core = max(range(len(parts)), key=lambda i: (overlap[i], -i))  # where the claim sits
    for index, part in enumerate(parts):
        folded = fold(part)
        if folded.startswith(RELATIVE):
            continue
        if HEDGE.search(folded) and overlap[index]:
            return True
        if not REPORTING.search(HEDGE.sub(" ", folded)):
            continue
        if len(folded.split()) <= REPORTING_ASIDE or (index <= core and overlap[core]):
            return True
    return False


def sentence_evidence(claim: str, sentence: str, scorer: Scorer) -> float:
    """How close a sentence is to the claim: the whole sentence or its closest clause or part.

    A long sentence often carries the claim in one clause ("…, particularly the joint venture to
    build new steel factories in Karachi"); its other clauses should not dilute the match. Parts
    shorter than `MIN_PART_STEMS` content words are too small to match on their own.
    """
    return max([scorer.similarity(claim, sentence)]
               + [scorer.similarity(claim, p) for p in _pieces(sentence)])


@lru_cache(maxsize=65536)
def _pieces(sentence: str) -> tuple[str, ...]:
    """Clauses and comma parts of a sentence long enough to match a claim on their own."""
    pieces = {p.strip() for c in clauses(sentence) for p in (c, *re.split(r"[,;:()]", c))}
    return tuple(sorted(p for p in pieces if len(content_stems(p)) >= MIN_PART_STEMS))


def key_stems(shape: ClaimShape, frequency: Callable[[str], int]) -> frozenset[str]:
    """The claim's words that evidence can share: those the story uses at all (`frequency`: in
    how many of its sentences), less light verbs ("taken" of "taken place", "set" of "set up"),
    whose sense comes from the words around them ("taken shape" is not "taken place")."""
    return frozenset(s for s in shape.stems if s not in LIGHT_VERBS and frequency(s) > 0)


def shares_claim(text: str, keys: frozenset[str]) -> bool:
    """Whether the text uses at least `KEY_SHARE` of the claim's key words.

    A sentence that meets a claim on one or two of its words ("industrial", "Pakistan" for
    "Moscow admitted that talks on industrial cooperation with Pakistan had taken place") is on
    the story's topic, not on the claim.
    """
    return not keys or len(keys & set(content_stems(text))) >= KEY_SHARE * len(keys)


def _frequency(scorer: Scorer, article: Article) -> Callable[[str], int]:
    """Stem frequencies over the story when the scorer has its space, else over the article."""
    if scorer.space is not None:
        return scorer.space.document_frequency
    return _article_space(tuple(s.text for s in article.sentences)).document_frequency


@lru_cache(maxsize=64)
def _article_space(texts: tuple[str, ...]) -> SentenceSpace:
    """One article's own space, built once for all the claims scored against it."""
    return SentenceSpace(texts)


def article_cell(
    claim: str,
    article: Article,
    scorer: Scorer,
    facts: FactCheck = no_conflicts,
    anchors: Sequence[str] = (),
) -> Cell:
    """The automatic cell for one claim and one article.

    Evidence is the article's sentences at least `scorer.threshold` close to the claim that
    use at least `KEY_SHARE` of its `key_stems`, and at least `EVIDENCE_REACH` as close as the
    best of them; at most `MAX_EVIDENCE`. `anchors` are sentence ids known to carry the claim (a
    suggested claim's own sentences, clustered as one statement): they are evidence whatever
    their score, and they carry it even where the claim's figures are spread over neighbouring
    sentences (a differing figure is the discrepancies page's business).
    """
    shape = claim_shape(claim)
    keys = key_stems(shape, _frequency(scorer, article))
    # A sentence with no content words ("It was May, and he would be there.") says nothing
    # checkable: it is never evidence, not even for a suggested claim it was taken from.
    scored = [(sentence_evidence(claim, s.text, scorer), s) for s in article.sentences
              if has_content(s.text)]
    relevant = [(sim, s) for sim, s in scored
                if s.id in anchors or (sim >= scorer.threshold and shares_claim(s.text, keys))]
    reach = EVIDENCE_REACH * max((sim for sim, _ in relevant), default=0.0)
    candidates = sorted(
        ((sim, s) for sim, s in relevant if sim >= reach or s.id in anchors),
        key=lambda x: (-(x[1].id in anchors), -x[0], _num(x[1].id)),
    )[: max(MAX_EVIDENCE, len(anchors))]
    if not candidates:  # the farther the closest sentence, the surer; one off the claim's words
        best = max((sim for sim, _ in scored), default=0.0)  # but close: unsure
        return Cell("omits", (), round(max(0.5, 1.0 - best / scorer.threshold), 3))
    readings = []
    for sim, sentence in candidates:
        stance, strong, note = sentence_stance(claim, sentence.text, sim, scorer, facts, shape,
                                               carries=sentence.id in anchors)
        readings.append(SentenceStance(sentence.id, sim, stance, strong, note))
    counted = [r for r in readings if r.stance != "omits"]  # the readings that are evidence
    if not counted:  # about the claim's subject, but none carries its denial
        closest = tuple(sorted((r.sentence_id for r in readings), key=_num))
        return Cell("omits", closest, 0.5,
                    note="mentions the subject but does not carry the claim's denial")
    stance, chosen = _combine(counted)
    # The evidence is what decides the cell; a dispute also shows what it disputes (outlets
    # report a claim, then relay its denial).
    shown = counted if stance == "disputes" else chosen
    evidence = tuple(sorted((r.sentence_id for r in shown), key=_num))
    note = next((r.note for r in chosen if r.note), None)
    if (stance != "disputes" and shape.numbers and not anchors
            and not _carries_numbers(shape, article, evidence)):
        missing = ", ".join(shape.numbers)
        return Cell("omits", evidence, 0.5,
                    note=f"mentions the subject but not the claim's figures ({missing})")
    return Cell(stance, evidence, _confidence(counted, chosen), note=note)


def _combine(counted: list[SentenceStance]) -> tuple[Stance, list[SentenceStance]]:
    """A denial or conflicting fact wins; a bare negation (or a restated denial-claim) only in
    the closest sentence; then own voice against attribution, weighted by similarity.
    `counted` are the readings that are evidence (none `omits`), at least one."""
    best = max(counted, key=lambda r: r.similarity)
    strong = [r for r in counted if r.stance == "disputes" and r.strong]
    if strong:
        return "disputes", strong
    if best.stance == "disputes":
        return "disputes", [best]
    weight = {s: sum(r.similarity for r in counted if r.stance == s)
              for s in ("asserts", "reports")}
    stance: Stance = "asserts" if weight["asserts"] >= weight["reports"] else "reports"
    if weight[stance] == 0:  # only weak disputes besides the best: read the best
        stance = best.stance
    return stance, [r for r in counted if r.stance == stance]


def _confidence(readings: list[SentenceStance], chosen: list[SentenceStance]) -> float:
    """How close the deciding evidence is, times the share of evidence that agrees."""
    closeness = min(1.0, 2.0 * max(r.similarity for r in chosen))
    total = sum(r.similarity for r in readings)
    # Anchored evidence can score 0; then agreement is the share of readings, not 0/0.
    agreement = (sum(r.similarity for r in chosen) / total if total > 0
                 else len(chosen) / len(readings))
    return round(closeness * agreement, 3)


def _negative(folded: str, stems: frozenset[str] | None) -> bool:
    """A denial cue, or a negation; with `stems`, only a negation just before the claim's words."""
    if DENIAL.search(folded):
        return True
    tokens = words(NOT_NEGATING.sub(" ", folded))
    for index, token in enumerate(tokens):
        if token in NEGATIONS or CONTRACTED_NEGATION.fullmatch(token):
            if stems is None:
                return True
            following = tokens[index + 1: index + 1 + NEGATION_REACH]
            if any(s in stems for s in content_stems(" ".join(following))):
                return True
    return False


def _carries_numbers(shape: ClaimShape, article: Article, evidence: tuple[str, ...]) -> bool:
    found = {n for sid in evidence for n in NUMBER.findall(fold(article.sentence(sid).text))}
    return set(shape.numbers) <= found


def _num(sentence_id: str) -> int:
    return int(sentence_id[1:])
