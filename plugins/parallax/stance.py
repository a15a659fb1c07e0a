"""Stance of one article towards one claim: asserts, reports, disputes or omits, with evidence.

The method is lexical and needs nothing heavy:

1. **Evidence.** The article's sentences closest to the claim (a `Scorer`: TF-IDF cosine in the
   story's space by default) above a threshold, at most `MAX_EVIDENCE` of them.
2. **Focus.** A sentence can hold two stances ("Sources admitted talks *but* slammed reports of
   a contract"), so it is cut at contrast words (but, however, although, while…) and the clause
   closest to the claim decides; cue words elsewhere in the sentence do not leak into it.
3. **Cues in the focus clause.** A denial ("fake", "fabricated", "no basis", "rubbished") or a
   negation right before the claim's own words gives the clause negative polarity; if that
   differs from the claim's polarity it *disputes* the claim ("Russia called the reports fake"
   is itself negative, so "Russia rubbished 'fake reports'" *asserts* it). Otherwise an
   attribution or hedge ("according to", "Pakistani media reported", "was quoted as saying",
   "allegedly", a quotation) makes it *report* the claim, unless the claim is itself about what
   someone said. A sentence with the claim's subject but a different fact (a date, a figure)
   disputes it through the pluggable `FactCheck`.
4. **Article.** A denial in any evidence sentence wins (outlets report a claim, then relay its
   denial: their stance is the denial); a bare negation wins only in the closest sentence. Then
   own-voice sentences against attributed ones, weighted by similarity. A claim stating a
   figure is not carried by a sentence that lacks the figure.
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
from .text import content_stems, fold, words

EVIDENCE_THRESHOLD = 0.16  # TF-IDF cosine for a sentence to count as being about the claim
CONFLICT_SIMILARITY = 0.3  # a conflicting fact only counts in a sentence clearly on the claim
MAX_EVIDENCE = 3
DENIAL_REACH = 0.4  # a denial counts if at least 40 % as close to the claim as the best evidence
NEGATION_REACH = 4  # a negation scopes over the next few words ("no 'multibillion' contract")

# Denials and judgements of falsehood: strong cues, they win wherever they stand in the article.
DENIAL = re.compile(
    r"\b(?:fake[sd]?|false(?:ly)?|falsif\w*|fabricat\w*|hoax\w*|baseless|groundless|unfounded|"
    r"no basis|no truth|no evidence|bogus|debunk\w*|den(?:y|ies|ied|ial|ying)|rubbish\w*|"
    r"dismiss\w*|reject\w*|refut\w*|denounc\w*|slam(?:s|med)?|untrue|not true|not real|"
    r"made (?:it|this|that|the \w+) up|disinformation|misinformation|propaganda|overblown|"
    r"exaggerat\w*|staged|scripted|stunt|myth|nonsense|not the case)\b"
)
NEGATIONS = frozenset({"no", "not", "never", "none", "nor", "neither", "without", "cannot"})
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
    r"may have|might have|might be|could have|unconfirmed)\b"
)
# A claim about what someone said: the same attribution in the article asserts it.
CLAIM_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|stated|called|calls|admitted|admits|claimed|claims|denied|denies|"
    r"reported|described|announced|confirmed|insisted|acknowledged)\b"
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


class Scorer(Protocol):
    """How close two texts are (0..1), and the closeness from which a sentence is evidence."""

    threshold: float

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


def claim_shape(text: str) -> ClaimShape:
    folded = fold(text)
    return ClaimShape(
        negative=_negative(folded, None),
        attributed=bool(CLAIM_ATTRIBUTION.search(folded)),
        question=folded.rstrip().endswith("?"),
        numbers=tuple(sorted(set(NUMBER.findall(folded)))),
        stems=frozenset(content_stems(text)),
    )


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
) -> tuple[Stance, bool, str | None]:
    """(stance, strong, note) of one sentence that is about the claim."""
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
    if negative != shape.negative:
        return "disputes", strong, None
    if not shape.attributed and _attributed(focus, shape.stems):
        return "reports", False, None
    return "asserts", False, None


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


def article_cell(
    claim: str,
    article: Article,
    scorer: Scorer,
    facts: FactCheck = no_conflicts,
    anchors: Sequence[str] = (),
) -> Cell:
    """The automatic cell for one claim and one article.

    `anchors` are sentence ids known to carry the claim (a suggested claim's own sentences):
    they are evidence whatever their score.
    """
    shape = claim_shape(claim)
    scored = [(sentence_evidence(claim, s.text, scorer), s) for s in article.sentences]
    candidates = sorted(
        ((sim, s) for sim, s in scored if sim >= scorer.threshold or s.id in anchors),
        key=lambda x: (-(x[1].id in anchors), -x[0], _num(x[1].id)),
    )[: max(MAX_EVIDENCE, len(anchors))]
    if not candidates:
        best = max((sim for sim, _ in scored), default=0.0)
        return Cell("omits", (), round(min(1.0, 1.0 - best / scorer.threshold), 3))
    readings = []
    for sim, sentence in candidates:
        stance, strong, note = sentence_stance(claim, sentence.text, sim, scorer, facts, shape)
        readings.append(SentenceStance(sentence.id, sim, stance, strong, note))
    stance, chosen = _combine(readings)
    evidence = tuple(sorted((r.sentence_id for r in readings), key=_num))
    note = next((r.note for r in chosen if r.note), None)
    if stance != "disputes" and shape.numbers and not _carries_numbers(shape, article, evidence):
        missing = ", ".join(shape.numbers)
        return Cell("omits", evidence, 0.5,
                    note=f"mentions the subject but not the claim's figures ({missing})")
    return Cell(stance, evidence, _confidence(readings, chosen), note=note)


def _combine(readings: list[SentenceStance]) -> tuple[Stance, list[SentenceStance]]:
    """A denial wins unless far weaker than the best evidence; a bare negation only in the
    closest sentence; then own voice against attribution, weighted by similarity."""
    best = max(readings, key=lambda r: r.similarity)
    strong = [r for r in readings if r.stance == "disputes" and r.strong
              and r.similarity >= DENIAL_REACH * best.similarity]
    if strong:
        return "disputes", strong
    if best.stance == "disputes":
        return "disputes", [best]
    weight = {s: sum(r.similarity for r in readings if r.stance == s)
              for s in ("asserts", "reports")}
    stance: Stance = "asserts" if weight["asserts"] >= weight["reports"] else "reports"
    if weight[stance] == 0:  # only weak disputes besides the best: read the best
        stance = best.stance
    return stance, [r for r in readings if r.stance == stance]


def _confidence(readings: list[SentenceStance], chosen: list[SentenceStance]) -> float:
    """How close the deciding evidence is, times the share of evidence that agrees."""
    closeness = min(1.0, 2.0 * max(r.similarity for r in chosen))
    agreement = sum(r.similarity for r in chosen) / sum(r.similarity for r in readings)
    return round(closeness * agreement, 3)


def _negative(folded: str, stems: frozenset[str] | None) -> bool:
    """A denial cue, or a negation; with `stems`, only a negation just before the claim's words."""
    if DENIAL.search(folded):
        return True
    tokens = words(folded)
    for index, token in enumerate(tokens):
        if token in NEGATIONS or token.endswith("n't"):
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
