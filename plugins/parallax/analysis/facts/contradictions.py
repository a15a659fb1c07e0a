"""Contradictions: two outlets state opposite things about the same event.

A contradiction is a pair of sentences of different articles that state the same fact but for
its polarity: one states what the other negates ("will attend" / "is not expected to attend"),
denies, or says the opposite of (`polarity.py`). Found in three steps:

1. **Candidates.** Sentence pairs the alignment links (`PairAlignment.links`), and, since the
   same-fact decision counts a negation on one side against a pair, each sentence holding a
   negation or denial with its closest sentences by meaning in every other article.
2. **Reading.** The pair must share at least `MIN_SHARED` content words (not names), one side
   must negate or deny some of them in scope and the other state them plainly, with no
   negation or denial of its own and neither a question (or each side use one of a pair of
   opposite words), and the same-fact decision, the polarity set aside,
   must say the two tell one fact. The stance model (`stance_model`, trained on FNC-1) reads
   the negating side against the other as a claim, and says whether each side speaks in its
   own voice or relays someone.
3. **Confidence.** How sure it is that the two tell one fact (the same-fact decision, polarity
   aside), times how direct the opposition is: a negation in scope counts whole, a denial
   `DENIAL` of it, a pair of opposite words `OPPOSITE`, and a side that relays someone else's
   words rather than saying it in its own voice `RELAYED`. At `CONFIDENT` or above the page
   shows the pair as a contradiction; below, as possible and unconfirmed. Its precision is
   measured on our BASIL gold (`bench/discrepancies.py`) and on FNC-1's sentence pairs
   (`bench/contradictions.py`).

The core returns structured reasons (the reason, the cue and the shared words, each side's
voice and speaker, the sentence ids, the confidence); `render/discrepancies.py` words them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...model import (
    Contradiction,
    ContradictionReason,
    ContradictionSide,
    PairAlignment,
    Quote,
    Story,
    sentence_number,
)
from ...nlp.polarity import Polarity, opposites, polarity, shared_stems
from ...nlp.samefact import FEATURES as SAME_FACT_FEATURES
from ...nlp.samefact import SameFact
from ...nlp.text import content_stems, fold, stem, words
from ..claims.stance_model.cues import is_question
from ..claims.stance_model.cues import speaker as clause_speaker
from ..claims.stance_model.features import article_view, claim_view, default_words, pair_reading
from ..claims.stance_model.model import StanceModel, default_model

MIN_SHARED = 2  # content words (not names) the two sentences must share
SAME_EVENT = 0.3  # p(same fact), polarity set aside, under which two sentences tell two facts
CLOSEST = 2  # closest sentences by meaning, per other article, for a sentence with a cue
CLOSE = 0.6  # …at least this close (the aligner's own floor for "about the same thing")
_CUE = re.compile(r"\b(?:not|no|never|none|nor|neither|without|cannot|\w+n['’]t|refus\w*|"
                  r"fail\w*|unable|den(?:y|ies|ied|ial)|reject\w*|dismiss\w*|refut\w*|fake|"
                  r"false|hoax|untrue|baseless)\b", re.IGNORECASE)
_NEGATION = SAME_FACT_FEATURES.index("negation_mismatch")

# The readings the confidence model weighs, in the order of its weights.
DENIAL = 0.9  # a denial may deny a neighbouring claim, not quite the stated words
OPPOSITE = 0.8  # opposite words can describe two sides of one fact ("rose" / "fell" of two)
RELAYED = 0.8  # a side that relays someone: the outlet reports a claim, it does not make it


@dataclass(frozen=True)
class Reading:
    """One candidate pair read for opposition, before it becomes a `Contradiction`."""

    reason: ContradictionReason
    cue: str
    words: tuple[str, ...]  # the shared words the two disagree on, as the stating side writes them
    negating: tuple[str, str, str]  # (article, sentence id, text) of the side that negates
    stating: tuple[str, str, str]
    same_fact: float
    disagree: float  # the stance model's P(disagree | related), negating side against the other
    negating_own: bool
    stating_own: bool
    negating_speaker: str | None
    stating_speaker: str | None
    shared_share: float  # share of the shorter side's content words the two share

    @property
    def confidence(self) -> float:
        """How sure the reading is (see the module's docstring)."""
        factor = {"negation": 1.0, "denial": DENIAL, "opposite": OPPOSITE}[self.reason]
        if not (self.negating_own and self.stating_own):
            factor *= RELAYED
        return round(self.same_fact * factor, 3)


class ContradictionReader:
    """Reads sentence pairs for contradictions; one per story (it memoises the stance views)."""

    def __init__(self, decide: SameFact, model: StanceModel | None = None) -> None:
        self.decide = decide
        self.model = model or default_model()

    def same_fact_apart(self, first: str, second: str) -> float:
        """p(same fact) with the negation on one side set aside: the polarity is what a
        contradiction is about, so it cannot also count against the two telling one fact."""
        features = self.decide.features(first, second).copy()
        features[_NEGATION] = 0.0
        return float(self.decide.model.probability(features[None, :])[0])

    def read(self, first: tuple[str, str, str], second: tuple[str, str, str]) -> Reading | None:
        """The pair's opposition, or None when the two do not oppose each other."""
        x, y = first[2], second[2]
        shared = shared_stems(x, y)
        if len(shared) < MIN_SHARED:
            return None
        px, py = polarity(x, shared), polarity(y, shared)
        reason: ContradictionReason
        if px.negative != py.negative:
            (negating, neg), (stating, _) = ((first, px), (second, py)) if px.negative else (
                (second, py), (first, px))
            reason = "negation" if neg.negated else "denial"
            cue, disputed = neg.cue, neg.negated | neg.denied
        elif not px.negative and not py.negative:
            pair = opposites(x, y)
            if pair is None:
                return None
            # The side with the word of negative sense (its stem second in the lexicon's
            # reading) is read as the one that negates; either order reads the same.
            negating, stating, reason = second, first, "opposite"
            cue, disputed = f"{pair[0]} / {pair[1]}", frozenset()
        else:
            return None
        if _CUE.search(stating[2]) or is_question(x) or is_question(y):
            # A stating side with a negation of its own ("could not ever see herself being
            # happy" / "would never be happy") or a question states nothing plainly.
            return None
        same = self.same_fact_apart(x, y)
        if same < SAME_EVENT:
            return None
        disagree, scoped, negating_own, negating_speaker = self._stance(stating[2], negating[2])
        if reason != "opposite" and not scoped:
            return None  # the stance model's own scoped reading finds no negation of the claim
        _, _, stating_own, stating_speaker = self._stance(negating[2], stating[2])
        short = min(len(set(_stems(x))), len(set(_stems(y)))) or 1
        return Reading(reason, cue, _words_of(stating[2], disputed or shared), negating,
                       stating, round(same, 4), round(disagree, 4), negating_own, stating_own,
                       negating_speaker, stating_speaker, round(min(1.0, len(shared) / short), 4))

    def _stance(self, claim: str, sentence: str) -> tuple[float, bool, bool, str | None]:
        """The stance model's reading of `sentence` against `claim` as a claim: P(disagree |
        related), whether its cues negate or deny the claim's words in scope, its voice and
        speaker."""
        words = default_words()
        view = article_view([sentence], words, self.decide.space.vectors)
        pair = pair_reading(claim_view(claim, words), view, 1, words)
        related = self.model.probabilities(pair.features)[0]
        disagree = float(related[1] / (related[:3].sum() or 1.0))
        reading = pair.readings[0]
        who = reading.speaker or (clause_speaker(sentence) if not reading.own_voice else None)
        return disagree, reading.negation or reading.denial > 0, reading.own_voice, who


def _stems(text: str) -> list[str]:
    return content_stems(text)


def _words_of(text: str, stems: frozenset[str]) -> tuple[str, ...]:
    """The words of `text` whose stems are in `stems`, as written, in order, once each."""
    found: dict[str, str] = {}
    for word in words(fold(text)):
        key = stem(word)
        if key in stems and key not in found:
            found[key] = word
    return tuple(found.values())


def candidate_pairs(story: Story, pairs: Sequence[PairAlignment], decide: SameFact,
                    ) -> list[tuple[tuple[str, str, str], tuple[str, str, str]]]:
    """Aligned sentence pairs, and each sentence with a negation or denial beside its closest
    sentences by meaning in every other article; each pair once, in a stable order."""
    text = {(a.id, s.id): s.text for a in story.articles for s in a.sentences}
    found: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for pair in pairs:
        for i, j in pair.links():
            found.add(((pair.a, i), (pair.b, j)))
    space = decide.space
    for article in story.articles:
        cued = [s for s in article.sentences if _CUE.search(s.text)]
        if not cued:
            continue
        rows = space.vectors([s.text for s in cued])
        for other in story.articles:
            if other.id == article.id or not other.sentences:
                continue
            cosines = rows @ space.vectors([s.text for s in other.sentences]).T
            for k, sentence in enumerate(cued):
                for j in np.argsort(-cosines[k], kind="stable")[:CLOSEST]:
                    if cosines[k, j] >= CLOSE:
                        x, y = (article.id, sentence.id), (other.id, other.sentences[j].id)
                        found.add((x, y) if x < y else (y, x))
    ordered = sorted(found, key=lambda p: (p[0][0], sentence_number(p[0][1]),
                                           p[1][0], sentence_number(p[1][1])))
    return [((x[0], x[1], text[x]), (y[0], y[1], text[y])) for x, y in ordered]


def find_contradictions(story: Story, pairs: Sequence[PairAlignment], decide: SameFact,
                        quotes: Sequence[Quote] = (), reader: ContradictionReader | None = None,
                        ) -> tuple[Contradiction, ...]:
    """Every contradiction of a story, confident ones first, then by article and sentence
    order; ids contradiction-1, … A relaying side names its speaker from `quotes` (the
    quotation's speaker, when that sentence names them), else none."""
    reader = reader or ContradictionReader(decide)
    order = {a.id: k for k, a in enumerate(story.articles)}
    # Only a speaker the sentence names itself: one resolved from the passage ("he said") may
    # be the wrong person, and a wrong name on a red flag misleads.
    speakers = {(q.article, q.sentence): q.speaker for q in quotes
                if q.speaker and not q.resolved}
    found = []
    for first, second in candidate_pairs(story, pairs, decide):
        reading = reader.read(first, second)
        if reading is not None:
            found.append(_contradiction(reading, order, speakers))
    found.sort(key=lambda c: (not c.confident, order[c.sides[0].article],
                              sentence_number(c.sides[0].sentence), order[c.sides[1].article],
                              sentence_number(c.sides[1].sentence)))
    return tuple(Contradiction(f"contradiction-{n}", c.reason, c.cue, c.words, c.sides,
                               c.same_fact, c.confidence) for n, c in enumerate(found, 1))


def _contradiction(reading: Reading, order: dict[str, int],
                   speakers: dict[tuple[str, str], str]) -> Contradiction:
    def side(node: tuple[str, str, str], role: str, own: bool) -> ContradictionSide:
        who = None if own else speakers.get((node[0], node[1]))
        return ContradictionSide(node[0], node[1], role, own, who)  # type: ignore[arg-type]

    negating = side(reading.negating, "negates", reading.negating_own)
    stating = side(reading.stating, "states", reading.stating_own)
    sides = tuple(sorted((negating, stating),
                         key=lambda s: (order[s.article], sentence_number(s.sentence))))
    return Contradiction("", reading.reason, reading.cue, reading.words,
                         (sides[0], sides[1]), reading.same_fact, reading.confidence)


__all__ = ["ContradictionReader", "Polarity", "Reading", "candidate_pairs",
           "find_contradictions"]
