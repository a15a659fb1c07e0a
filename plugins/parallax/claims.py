"""Claim x article stance, with evidence sentences and a confidence.

For each claim and article: the sentences closest to the claim (lexical similarity) are the
candidate evidence; cue words then decide the stance:

* a sentence whose polarity differs from the claim's (a denial cue such as "fake", "rubbished",
  "no basis" against a plain claim, or a plain statement against a denial-claim) *disputes* it;
* a sentence that attributes the content to someone else ("according to", "reported",
  "was quoted as saying") *reports* it;
* otherwise the article *asserts* it; with no close sentence it *omits* it.
A denial anywhere among the evidence wins over reporting: most seed articles report the
Pakistani claim and then relay Russia's denial, and the denial is their stance.
Curated overrides from claims.yml win over all of this and are marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article, Cell, ClaimResult, ClaimSpec, Stance, Story
from .similarity import SentenceSpace
from .text import fold

EVIDENCE_THRESHOLD = 0.16  # similarity for a sentence to count as being about the claim
MAX_EVIDENCE = 3

DENIAL_CUES = re.compile(
    r"\b(?:fake|fakes|false|falsely|fabricat\w*|hoax\w*|baseless|no basis|bogus|debunk\w*|"
    r"den(?:y|ies|ied|ial)|rubbish\w*|dismiss\w*|reject\w*|refut\w*|slam\w*|untrue|not true|"
    r"misleading|propaganda|disinformation|overblown|exaggerat\w*|no truth|never)\b"
)
NEGATION = re.compile(r"\b(?:no|not|nor|n't|without|neither|none)\b")
ATTRIBUTION_CUES = re.compile(
    r"\b(?:according to|reported(?:ly)?|reports? (?:said|say|claimed|suggest\w*|cited)|"
    r"was quoted|were quoted|quoted as|claim(?:s|ed)?|alleg\w*|said to|is said|were said|"
    r"sources? (?:said|say|told)|as per|cited|purported\w*|rumou?r\w*|"
    r"media (?:reported|said|claimed)|told|said|says|stated|wrote)\b"
)


@dataclass(frozen=True)
class _Scored:
    sentence_id: str
    similarity: float
    stance: Stance


def claim_polarity_negative(text: str) -> bool:
    """True when the claim itself is a denial ("Russia called the reports fake")."""
    folded = fold(text)
    return bool(DENIAL_CUES.search(folded) or NEGATION.search(folded))


def sentence_stance(claim_text: str, sentence_text: str) -> Stance:
    """Stance of one sentence towards a claim it is about."""
    claim, sentence = fold(claim_text), fold(sentence_text)
    sentence_negative = bool(DENIAL_CUES.search(sentence) or NEGATION.search(sentence))
    if sentence_negative != claim_polarity_negative(claim):
        return "disputes"
    claim_attributed = bool(ATTRIBUTION_CUES.search(claim))
    if ATTRIBUTION_CUES.search(sentence) and not claim_attributed:
        return "reports"
    return "asserts"


def article_cell(claim: ClaimSpec, article: Article, space: SentenceSpace) -> Cell:
    """The automatic cell for one claim and one article."""
    claim_vector = space.vector(claim.text)
    scored = sorted(
        (
            _Scored(s.id, sim, "asserts")
            for s in article.sentences
            if (sim := _similarity(claim_vector, space.vector(s.text))) >= EVIDENCE_THRESHOLD
        ),
        key=lambda x: (-x.similarity, _num(x.sentence_id)),
    )[:MAX_EVIDENCE]
    if not scored:
        best = max((_similarity(claim_vector, space.vector(s.text)) for s in article.sentences),
                   default=0.0)
        return Cell(stance="omits", evidence=(), score=round(1.0 - best, 3))
    stances = [
        _Scored(x.sentence_id, x.similarity,
                sentence_stance(claim.text, article.sentence(x.sentence_id).text))
        for x in scored
    ]
    stance = _combine(stances)
    evidence = tuple(sorted((x.sentence_id for x in stances), key=_num))
    confidence = max(x.similarity for x in stances if x.stance == stance)
    return Cell(stance=stance, evidence=evidence, score=round(min(1.0, confidence * 2), 3))


def _combine(stances: list[_Scored]) -> Stance:
    """A denial among the evidence wins; then attribution; then assertion."""
    for wanted in ("disputes", "reports", "asserts"):
        if any(x.stance == wanted for x in stances):
            return wanted  # type: ignore[return-value]
    return "omits"


def _similarity(u: dict[str, float], v: dict[str, float]) -> float:
    return sum(w * v.get(f, 0.0) for f, w in u.items())


def _num(sentence_id: str) -> int:
    return int(sentence_id[1:])


def claim_matrix(story: Story, space: SentenceSpace) -> tuple[ClaimResult, ...]:
    """One row per curated claim, one cell per article; overrides from claims.yml win."""
    results = []
    for claim in story.claims:
        overrides = dict(claim.overrides)
        cells = []
        for article in story.articles:
            if article.id in overrides:
                override = overrides[article.id]
                cell = Cell(override.stance, override.evidence, 1.0, curated=True,
                            note=override.note)
            else:
                cell = article_cell(claim, article, space)
            cells.append((article.id, cell))
        results.append(ClaimResult(claim.id, claim.text, curated=True, cells=tuple(cells)))
    return tuple(results)
