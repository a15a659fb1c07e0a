"""Stance of one article towards one claim: asserts, reports, disputes or omits, with the
sentences that decide it, a calibrated probability, and a line saying why.

1. **Does the article carry the claim?** Every sentence is compared with the claim by meaning
   (the shipped embedding model) and by how much of the claim's wording it covers, word by word
   by meaning (see `stance_model.features`). The in-story model turns the best matches into
   P(carried); under one half the cell is *omits*. A sentence is evidence only when it holds
   the claim itself: one that shares only the claim's subject is not.
2. **Readings that need no learning**, in the matrix's own order of precedence: a claim phrased
   as a question can only be reported; a sentence on the claim that states a different date or
   figure disputes it (the pluggable `FactCheck`); a claim's figures must be in its evidence; a
   claim that is itself a denial is carried only by a sentence that carries the denial. Then an
   outlet that states the claim in its own voice anywhere asserts it; one that relays a denial
   of what the claim says, or negates its words, disputes it.
3. **The trained model** (FNC-1) gives P(disputes | carried) from the whole article; when no
   rule above applies, above one half the cell disputes, else it asserts or reports.
4. **Probability.** The model's calibrated probability of the reading, or, for a rule, the
   rule's precision measured on the development set (`StanceModel.rules`).
5. **Honest when unsure.** A *disputes* reading under the model's red-flag threshold (chosen on
   held-out data for 90 % precision) is `uncertain`: shown as such, with its reading, evidence
   and probability. Notable omissions get the same treatment in `claims.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from ...model import Article, Cell, FactConflict, Reason, Stance, sentence_number
from ...nlp.semantic import MeaningSpace
from ...nlp.text import content_stems, fold, has_content
from .stance_model.cues import (
    AFFIRMATION,
    DENIAL,
    NEGATION_WORDS,
    NEGATIONS,
    NOT_NEGATING,
    clauses,
    speaker,
)
from .stance_model.features import (
    NUMBER,
    ArticleView,
    ClaimShape,
    ClaimView,
    PairReading,
    Reading,
    WordTable,
    article_view,
    claim_shape,
    claim_view,
    default_words,
    pair_reading,
)
from .stance_model.model import StanceModel, default_model

READ = 5  # sentences read per cell, most relevant first
COVERED = 0.4  # share of the claim's weighted words (by meaning) a sentence must hold…
CLOSE = 0.7  # …or the embedding cosine it must reach, to be evidence of the claim itself
CONFLICT_COVERED = 0.5  # share of the claim's words (figures aside) a conflicting sentence holds
DENIED = 0.3  # share of the claim a denial must deny to dispute it…
DENIED_PART = 0.7  # …and share of what the sentence holds of the claim: the denial governs it
DENIAL_HOLDS = 0.3  # a denial sentence is evidence holding this much of the claim
REACH = 0.75  # further evidence must be at least this relevant, against the best
MAX_EVIDENCE = 3
ANCHORED = 0.95  # P(carried) of a suggested claim's own sentences: it was found in them
AFFIRM_SHARE = 0.6  # share of a denial-claim's core a sentence must restate to contradict it
MIN_RESTATED = 2

# The fact-conflict hook: non-empty when two texts give different values for the same kind of
# fact (a date, a figure). The default finds none; `facts.fact_conflicts` plugs in here.
FactCheck = Callable[[str, str], Sequence[FactConflict]]

# The readings that decide a cell. `model`: the trained model's; `no_evidence`: the in-story
# model's omission; the others are rules, whose precision on the development set stands for
# their probability.
RULES = ("subject_only", "question", "fact_conflict", "missing_figure", "no_denial",
         "restated_denial", "denial")
# Readings of own voice against attribution, measured only among cells that carry the claim
# without disputing it (the models' probability covers the rest).
VOICES = ("own_voice", "relayed")


def no_conflicts(first: str, second: str) -> tuple[()]:
    """The default `FactCheck`: never reports a conflict."""
    return ()


@dataclass(frozen=True)
class Decision:
    """A cell's reading before it becomes a `Cell`."""

    stance: Stance
    probability: float
    evidence: tuple[Reading, ...]
    why: Reason  # render/wording.py words it
    rule: str  # "model", "no_evidence", one of RULES or one of VOICES


class StanceReader:
    """Reads the cells of one story: each article and each claim is embedded once."""

    def __init__(self, facts: FactCheck = no_conflicts, model: StanceModel | None = None,
                 words: WordTable | None = None, space: MeaningSpace | None = None) -> None:
        self.facts = facts
        self.model = model or default_model()
        self.words = words or default_words()
        self.space = space  # the story's sentence vectors, shared with alignment when given
        self._articles: dict[tuple[str, ...], ArticleView] = {}
        self._claims: dict[str, ClaimView] = {}

    def article(self, article: Article) -> ArticleView:
        texts = tuple(s.text for s in article.sentences)
        view = self._articles.get(texts)
        if view is None:
            view = self._articles[texts] = article_view(
                texts, self.words, self.space.vectors if self.space else None)
        return view

    def claim(self, text: str) -> ClaimView:
        view = self._claims.get(text)
        if view is None:
            view = self._claims[text] = claim_view(text, self.words)
        return view

    def reading(self, claim: str, article: Article) -> PairReading:
        return pair_reading(self.claim(claim), self.article(article), READ, self.words)

    def decision(self, claim: str, article: Article, anchors: Sequence[str] = ()) -> Decision:
        """How the cell is decided (see the module's docstring)."""
        pair = self.reading(claim, article)
        ids = [s.id for s in article.sentences]
        anchored = {ids.index(a) for a in anchors if a in ids}
        related = self.model.probabilities(pair.features)[0]
        disputed = float(related[1] / (related[:3].sum() or 1.0))  # P(disagree | related)
        carried = self.model.carried_in_story(pair)
        if anchored:
            carried = max(carried, ANCHORED)  # the suggestion was found in these sentences
        return decide(self.claim(claim), pair, carried, disputed, self.facts, article,
                      anchored, self.model.rules)

    def cell(self, claim: str, article: Article, anchors: Sequence[str] = ()) -> Cell:
        """The automatic cell for one claim and one article.

        `anchors` are sentence ids known to carry the claim (a suggested claim's own sentences):
        they are evidence whatever their score.
        """
        decision = self.decision(claim, article, anchors)
        threshold = self.model.thresholds.get("disputes", 1.0)
        uncertain = decision.stance == "disputes" and decision.probability < threshold
        why = decision.why
        if uncertain:
            why = Reason.of("uncertain", reading=why, probability=decision.probability,
                            threshold=threshold, omission=False)
        ids = [s.id for s in article.sentences]
        evidence = tuple(sorted((ids[r.index] for r in decision.evidence), key=sentence_number))
        return Cell(decision.stance, evidence, round(decision.probability, 3), why=why,
                    uncertain=uncertain)


def decide(claim: ClaimView, pair: PairReading, carried: float, disputed: float,
           facts: FactCheck, article: Article, anchored: AbstractSet[int] = frozenset(),
           rules: Mapping[str, float] | None = None) -> Decision:
    """The stance, its probability, its evidence and why, for one pair.

    `carried` is P(the article carries the claim); `disputed` P(it disputes it, if it does);
    `rules` the measured precision of each rule (half where unmeasured).
    """
    shape = claim.shape

    def precision(rule: str, unmeasured: float = 0.5) -> float:
        return (rules or {}).get(rule, unmeasured)

    if carried < 0.5:
        return Decision("omits", 1.0 - carried, (),
                        Reason("no evidence"), "no_evidence")
    candidates = _candidates(pair, anchored, article)
    if not candidates:
        return Decision("omits", precision("subject_only"), (),
                        Reason("subject only"), "subject_only")
    if shape.question:
        return Decision("reports", carried * precision("question"), candidates[:1],
                        Reason("question claim"), "question")
    conflict = _conflicting_fact(claim, candidates, facts, article, anchored)
    if conflict is not None:
        reading, fact = conflict
        return Decision("disputes", carried * precision("fact_conflict"), (reading,),
                        Reason.of("conflicting fact", conflict=fact), "fact_conflict")
    if shape.numbers and not anchored and not _carries_numbers(shape.numbers, article, pair,
                                                                candidates):
        return Decision("omits", precision("missing_figure"), (),
                        Reason.of("missing figures", figures=tuple(shape.numbers)),
                        "missing_figure")
    agree = carried * (1.0 - disputed)
    # Own voice or attribution is read off the evidence: its precision, among cells that carry
    # the claim without disputing it, scales the model's probability.
    own_voice = agree * precision("own_voice", 1.0)
    relayed_voice = agree * precision("relayed", 1.0)
    if shape.negative:
        # A denial-claim ("Russia called the reports fake") is carried by its denial only.
        carrying = [r for r in candidates
                    if _against(r, shape, claim.text) or r.index in anchored]
        if not carrying:
            restating = [r for r in candidates if _restates(r, shape)]
            if restating:
                return Decision("disputes", carried * precision("restated_denial"),
                                tuple(restating[:1]), Reason("restates the denied"),
                                "restated_denial")
            return Decision("omits", precision("no_denial"), (),
                            Reason("no denial"), "no_denial")
        return _voice(claim, carrying, own_voice, relayed_voice)
    # A suggested claim's own sentence is the claim: it never disputes it.
    supporting = [r for r in candidates
                  if (r.index in anchored or not _against(r, shape, claim.text))
                  and (r.own_voice or _same_speaker(r, claim))]
    if supporting:  # own voice anywhere: the outlet asserts it
        return Decision("asserts", own_voice, tuple(supporting[:MAX_EVIDENCE]),
                        _why_asserts(supporting[0], shape), "own_voice")
    against = [r for r in candidates
               if r.index not in anchored and _against(r, shape, claim.text)]
    if against:
        others = [r for r in candidates if r not in against][:1]  # what it disputes
        return Decision("disputes", carried * precision("denial"),
                        tuple(against[:MAX_EVIDENCE - len(others)] + others),
                        _why_disputes(_with_speaker(against[0], article)), "denial")
    if disputed > 0.5:
        return Decision("disputes", carried * disputed, tuple(candidates[:2]),
                        Reason("model disputes"), "model")
    relayed = [r for r in candidates if not r.own_voice] or candidates
    return Decision("reports", relayed_voice, tuple(relayed[:MAX_EVIDENCE]),
                    _why_reports(_with_speaker(relayed[0], article)), "relayed")


def _conflicting_fact(
    claim: ClaimView, candidates: tuple[Reading, ...], facts: FactCheck, article: Article,
    anchored: AbstractSet[int],
) -> tuple[Reading, FactConflict] | None:
    """The first evidence sentence giving a fact that conflicts with the claim's, and that fact.

    A different value counts only in a sentence about the same thing: one that holds the
    claim's words (figures aside) and does not also state the claim's own figures."""
    numbers = claim.shape.numbers
    for reading in candidates:
        text = article.sentences[reading.index].text
        if (reading.content >= CONFLICT_COVERED or reading.index in anchored) and not (
                numbers and set(numbers) <= set(NUMBER.findall(fold(text)))):
            conflicts = facts(claim.text, text)
            if conflicts:
                return reading, conflicts[0]
    return None


def _voice(claim: ClaimView, carrying: list[Reading], own_voice: float,
           relayed_voice: float) -> Decision:
    """A denial-claim carried by these sentences: asserted in the outlet's own voice (or by
    the claim's own speaker), else reported."""
    own = [r for r in carrying if r.own_voice or _same_speaker(r, claim)]
    if own:
        return Decision("asserts", own_voice, tuple(own[:MAX_EVIDENCE]),
                        _why_asserts(own[0], claim.shape), "own_voice")
    return Decision("reports", relayed_voice, tuple(carrying[:MAX_EVIDENCE]),
                    _why_reports(carrying[0]), "relayed")


def _candidates(pair: PairReading, anchored: AbstractSet[int],
                article: Article) -> tuple[Reading, ...]:
    """The sentences that hold the claim itself, the closest first; at least the closest one
    (the in-story model found the claim carried, if only across sentences). A sentence with no
    content word ("It was May, and he would be there.") says nothing checkable: it is never
    evidence, not even for a suggested claim taken from it."""
    readings = [r for r in pair.readings if has_content(article.sentences[r.index].text)]
    holding = [r for r in readings if r.index in anchored or _holds_claim(r)]
    if not holding:
        return ()
    best = max(r.relevance for r in holding)
    # A denial names what it denies briefly ("denounced 'fake reports' … of steel factories in
    # Karachi"): a close sentence whose denial governs the claim is evidence too.
    return tuple(r for r in readings
                 if r.index in anchored or (r.relevance >= REACH * best
                 and (r in holding or (r.coverage >= DENIAL_HOLDS and _denies(r)))))


def _holds_claim(reading: Reading) -> bool:
    """Whether a sentence carries the claim itself, not just its subject."""
    return reading.coverage >= COVERED or reading.meaning >= CLOSE


def _same_speaker(reading: Reading, claim: ClaimView) -> bool:
    """For a claim about what someone said: the sentence relays that person's words, so
    carrying the attribution asserts the claim ("Moscow admitted…" against "Moscow sources
    admitted…"; not against "Pakistani media reported that Moscow…")."""
    if not claim.shape.attributed:
        return False
    # The claim's speaker ('"…," said a senior official' names them after the quotation).
    who = set(content_stems(speaker(claim.text) or "")) or claim.shape.speaker
    # Who the sentence names as speaker, when it can be read; else whom the clause names.
    return bool(who & set(content_stems(reading.speaker or reading.focus)))


def _denies(reading: Reading) -> bool:
    """A denial governs what the sentence holds of the claim."""
    return reading.denial >= max(DENIED, DENIED_PART * reading.coverage)


def _against(reading: Reading, shape: ClaimShape, claim: str) -> bool:
    """A denial of what the claim says, or a negation of its words, unless the claim negates
    them itself, quoted speech included ("I don't think anybody doubts…"): then the negation
    agrees."""
    negating = shape.negated or bool(NEGATION_WORDS.search(NOT_NEGATING.sub(" ", fold(claim))))
    return _denies(reading) or (reading.negation and not negating)


def _restates(reading: Reading, shape: ClaimShape) -> bool:
    """Whether a sentence states, in its own voice, most of what a denial-claim denies: at least
    `AFFIRM_SHARE` of its core (what it denies, not who denies it), and an affirmation
    ("confirmed", "is real") or at least `MIN_RESTATED` of those words."""
    shared = len(shape.core & set(content_stems(reading.focus)))
    if not shape.core or shared < AFFIRM_SHARE * len(shape.core) or not reading.own_voice:
        return False
    return shared >= MIN_RESTATED or bool(AFFIRMATION.search(fold(reading.focus)))


def _carries_numbers(numbers: Sequence[str], article: Article, pair: PairReading,
                     readings: Sequence[Reading]) -> bool:
    """Whether the claim's figures are in the evidence or in any sentence holding most of the
    claim's other words (the figure may sit in a sentence the ranking put lower)."""
    holding = {r.index for r in readings} | {
        i for i, share in enumerate(pair.scores["content"]) if share >= COVERED}
    found = {n for i in holding for n in NUMBER.findall(fold(article.sentences[i].text))}
    return set(numbers) <= found


def _with_speaker(reading: Reading, article: Article) -> Reading:
    """The reading, with the speaker of the whole sentence when its clause names none ("Sources
    in Moscow admitted talks | but slammed reports …")."""
    if reading.speaker or (reading.own_voice and reading.denial == 0):
        return reading
    return replace(reading, speaker=speaker(article.sentences[reading.index].text))


def _why_asserts(reading: Reading, shape: ClaimShape) -> Reason:
    if not reading.own_voice:
        return Reason.of("carries the statement", speaker=reading.speaker or None)
    return Reason("own voice")


def _why_disputes(reading: Reading) -> Reason:
    if reading.denial > 0 and not reading.negation:
        if reading.speaker:
            return Reason.of("relays a denial", speaker=reading.speaker)
        if reading.own_voice:
            return Reason("denies")
        return Reason.of("relays a denial", speaker=None)
    if reading.speaker and not reading.own_voice:
        return Reason.of("relays the opposite", speaker=reading.speaker)
    return Reason("negates")


def _why_reports(reading: Reading) -> Reason:
    if reading.question:
        return Reason("as a question")
    if reading.hedged and not reading.attributed:
        return Reason("unconfirmed")
    if reading.speaker:
        return Reason.of("attributes", speaker=reading.speaker)
    if reading.quoted:
        return Reason("quotes")
    return Reason("relays")


def article_cell(claim: str, article: Article, facts: FactCheck = no_conflicts,
                 anchors: Sequence[str] = (), reader: StanceReader | None = None) -> Cell:
    """The automatic cell for one claim and one article (a one-off `StanceReader`)."""
    return (reader or StanceReader(facts)).cell(claim, article, anchors)


__all__ = ["DENIAL", "NEGATIONS", "NEGATION_WORDS", "RULES", "VOICES", "Decision", "FactCheck",
           "StanceReader", "article_cell", "claim_shape", "clauses", "no_conflicts"]
