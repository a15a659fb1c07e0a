"""Features of one (claim, article) pair for the stance model, and each sentence's reading.

The same code reads FNC-1's headline × body pairs when training and a story's claim × article
cells on the site, so what the model learnt is what it is given. Two kinds of signal:

* **Meaning.** How close each sentence (and each of its clauses and comma parts) is to the claim
  in the shipped sentence-embedding space, and how much of the claim's wording it covers, by
  the words themselves and by their nearest words in meaning ("secure" ~ "safe"), each word
  weighted by how rare it is (the norm of its static vector: the distilled model scales common
  tokens down).
* **Stance cues, scoped.** Read in the clause of the sentence that matches the claim: a denial
  only when what it denies is the claim's content, a negation only just before the claim's
  words, attribution and hedges only when they scope over them (see `cues.py`).

Sentences are ranked by relevance (meaning and coverage); the article's features pool the cues
of its most relevant sentences, weighted by how relevant each is, beside rates over the whole
text (FNC-1's bodies discuss a claim without repeating it sentence for sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ....nlp.encoder import SentenceEncoder, default_encoder
from ....nlp.lexicon import LIGHT_VERB_FORMS, STOPWORDS
from ....nlp.memo import per_story
from ....nlp.text import content_stems, fold, stem, words
from . import cues

TOP = 3  # sentences whose cues are pooled
MIN_PART_STEMS = 6  # content words a clause or comma part needs to be matched on its own
SOFT_FLOOR = 0.35  # word cosines below this are unrelated words, not partial matches


def credit(cosines: np.ndarray) -> np.ndarray:
    """How much a word's nearest word counts for it: 1 for itself, nothing under `SOFT_FLOOR`,
    linear between, so a near synonym (cosine ~0.55: "quit" / "withdraw") counts about a third
    and a word of the same topic (~0.4) next to nothing."""
    return np.clip((cosines - SOFT_FLOOR) / (1.0 - SOFT_FLOOR), 0.0, 1.0)
NEGATION_REACH = 4  # a negation scopes over the next few words ("no 'multibillion' contract")
LIGHT_VERBS = frozenset(stem(w) for w in LIGHT_VERB_FORMS)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


# --------------------------------------------------------------------------- word vectors

class WordTable:
    """Unit vectors and rarity weights of single words, memoised (news repeats its words)."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self._rows: dict[str, int] = {}
        self._vectors = np.zeros((1024, encoder.dimensions), dtype=np.float32)
        self._weights = np.zeros(1024, dtype=np.float32)

    def ids(self, tokens: Sequence[str]) -> np.ndarray:
        """Row numbers of the tokens, adding the ones not seen yet."""
        for token in tokens:
            if token not in self._rows:
                row = len(self._rows)
                if row == len(self._weights):  # grow by doubling: amortised O(1) per word
                    self._vectors = np.vstack([self._vectors, np.zeros_like(self._vectors)])
                    self._weights = np.concatenate([self._weights, np.zeros_like(self._weights)])
                ids = self.encoder.token_ids(token)
                if ids:
                    mean = self.encoder.rows(ids).mean(axis=0)
                    norm = float(np.linalg.norm(mean))
                    if norm:
                        self._vectors[row] = mean / norm
                        self._weights[row] = NUMBER_WEIGHT if token[0].isdigit() else norm
                self._rows[token] = row
        return np.array([self._rows[t] for t in tokens], dtype=np.int64)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        return self._vectors[ids]

    def weights(self, ids: np.ndarray) -> np.ndarray:
        return self._weights[ids]


@lru_cache(maxsize=1)
def default_words() -> WordTable:
    return WordTable(default_encoder())


# Words, and figures kept whole ("1.5", "250,000", "26%"): a figure is one fact.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W_]+)*(?:[-‐][^\W_]+)*")
NUMBER_WEIGHT = 6.0  # a figure weighs as much as a rare name: it is what a claim is precise about


def content_words(text: str) -> list[str]:
    """Folded content words and figures (stop words dropped), the units of coverage."""
    return [w for w in TOKEN.findall(fold(text)) if w not in STOPWORDS]


# --------------------------------------------------------------------------- the claim

@dataclass(frozen=True)
class ClaimShape:
    """What the claim's own wording says about how to read the evidence."""

    negative: bool  # a denial-claim ("Russia called the reports fake")
    attributed: bool  # about what someone said or admitted
    question: bool  # "Real or hoax?": it can only be reported
    hedged: bool  # "reportedly", "may have": the claim itself is unconfirmed
    numbers: tuple[str, ...]  # figures it states, which evidence must carry
    stems: frozenset[str]
    negated: bool = False  # a negation of its own words, outside quoted speech ("never served")
    core: frozenset[str] = frozenset()  # its words less denial, negation and attribution cues
    speaker: frozenset[str] = frozenset()  # an attributed claim's speaker ("Paul Ryan told…")


# A wire dateline opening a text ("Moscow, May 30 (IANS)"): its date is no figure of the text.
DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40}?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^()]{1,40}\)\s*[-–—:]?|[-–—:])\s*",
    re.IGNORECASE,
)


def claim_shape(text: str) -> ClaimShape:
    """The claim's shape. It is a denial-claim when it uses a denial cue outside quoted speech,
    and negated when it negates its own words there ("never served"): the "don't" of a quoted
    "I don't think anybody doubts…" belongs to the speaker's turn of phrase. A wire dateline's
    date is not one of its figures, and a year or a day of the month is a detail, not one of
    the figures evidence must carry (see `core_numbers`)."""
    folded = fold(text)
    stems = frozenset(content_stems(text))
    unquoted = cues.QUOTED.sub(
        lambda m: " " if len(m.group(1).split()) >= cues.MIN_QUOTE_WORDS else m.group(0), folded)
    rest = _denied(folded)
    for cue in (cues.DENIAL, cues.CLAIM_ATTRIBUTION, cues.NEGATION_WORDS, cues.QUALIFIERS,
                cues.HEDGE):
        rest = cue.sub(" ", rest)
    return ClaimShape(
        negative=bool(cues.DENIAL.search(unquoted)),
        attributed=bool(cues.CLAIM_ATTRIBUTION.search(folded)),
        question=cues.is_question(folded),
        hedged=bool(cues.HEDGE.search(folded) or cues.QUALIFIERS.search(folded)),
        numbers=core_numbers(text),
        stems=stems,
        negated=bare_negation(unquoted, stems),
        core=frozenset(content_stems(rest)),
        speaker=_claim_speaker(folded),
    )


def _claim_speaker(folded: str) -> frozenset[str]:
    """The content words before an attributed claim's verb of saying: who it says spoke."""
    verb = cues.CLAIM_ATTRIBUTION.search(folded)
    return frozenset(content_stems(folded[:verb.start()])) if verb else frozenset()


_DATE_NUMBER = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (\d{1,2})\b|"
    r"(\d{1,2}) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b((?:19|20)\d\d)\b)")


def core_numbers(text: str) -> tuple[str, ...]:
    """The figures a claim is about (counts, amounts), less its dates: a day of the month and
    a year are details an outlet may leave out ("fewer details still count")."""
    folded = fold(DATELINE.sub("", text, count=1))
    dates = {n for m in _DATE_NUMBER.finditer(folded) for n in m.groups() if n}
    return tuple(sorted(set(NUMBER.findall(folded)) - dates))


def _denied(folded: str) -> str:
    """What a claim is about, less who says it: the quotation it opens with, or what follows its
    verb of saying or denying ("Russia called | the reports … fake")."""
    if folded.lstrip().startswith('"'):
        quoted = cues.QUOTED.findall(folded)
        if quoted and len(quoted[0].split()) >= cues.MIN_QUOTE_WORDS:
            return str(quoted[0])
    verb = cues.SPEECH.search(folded)
    return folded[verb.end():] if verb and folded[:verb.start()].strip() else folded


def negation_before(folded: str, stems: frozenset[str] | None) -> bool:
    """A denial cue, or a negation; with `stems`, only a negation just before those words."""
    if cues.DENIAL.search(folded):
        return True
    tokens = words(cues.NOT_NEGATING.sub(" ", folded))
    for index, token in enumerate(tokens):
        if token in cues.NEGATIONS or cues.CONTRACTED_NEGATION.fullmatch(token):
            if stems is None:
                return True
            following = tokens[index + 1: index + 1 + NEGATION_REACH]
            if any(s in stems for s in content_stems(" ".join(following))):
                return True
    return False


def bare_negation(folded: str, stems: frozenset[str]) -> bool:
    """A negation (not a denial word) just before the claim's words."""
    return any(not stems.isdisjoint(window) for window in _negation_windows(folded))


# Clauses are read against claim after claim: what a cue finds in a clause does not depend on
# the claim, only whether it touches the claim's stems does; so it is read once per text.
@per_story
def _negation_windows(folded: str) -> tuple[frozenset[str], ...]:
    """For each negation (not a denial word): the content stems of the words just after it."""
    tokens = words(cues.NOT_NEGATING.sub(" ", folded))
    return tuple(frozenset(content_stems(" ".join(tokens[index + 1: index + 1 + NEGATION_REACH])))
                 for index, token in enumerate(tokens)
                 if token in cues.NEGATIONS or cues.CONTRACTED_NEGATION.fullmatch(token))


@dataclass
class ClaimView:
    """A claim ready to be compared: its vector, its words and their weights, its shape."""

    text: str
    shape: ClaimShape
    vector: np.ndarray
    words: tuple[str, ...]  # content words and figures, as folded
    word_ids: np.ndarray
    word_weights: np.ndarray
    word_stems: tuple[str, ...]


def claim_view(text: str, table: WordTable | None = None) -> ClaimView:
    table = table or default_words()
    tokens = [w for w in content_words(text) if stem(w) not in LIGHT_VERBS] or content_words(text)
    ids = table.ids(tokens)
    return ClaimView(text, claim_shape(text), table.encoder.encode([text])[0], tuple(tokens), ids,
                     table.weights(ids), tuple(stem(t) for t in tokens))


# --------------------------------------------------------------------------- the article

def pieces(sentence: str) -> tuple[str, ...]:
    """Clauses and comma parts long enough to match a claim on their own."""
    found = {p.strip() for c in cues.clauses(sentence)
             for p in (c, *re.split(r"[,;:()]", c))}
    return tuple(sorted(p for p in found
                        if p != sentence and len(content_stems(p)) >= MIN_PART_STEMS))


@dataclass
class ArticleView:
    """An article's sentences embedded once, for every claim compared with it."""

    texts: tuple[str, ...]
    piece_vectors: np.ndarray  # sentences first, then their pieces
    piece_owner: np.ndarray  # sentence index of each row of piece_vectors
    word_ids: np.ndarray  # content words of all sentences, in order
    word_owner: np.ndarray  # sentence index of each word
    word_stems: tuple[str, ...]
    stem_codes: np.ndarray  # each word's stem as the index of its first occurrence's stem
    # Read once here, not once per claim (a story reads every article against every claim):
    word_vectors: np.ndarray  # the unit vector of each word (rows of the word table)
    stem_index: dict[str, int]  # stem -> its code in `stem_codes`
    word_sentences: np.ndarray  # the sentences that have a word, in order…
    sentence_starts: np.ndarray  # …and where each one's run of words starts
    vector: np.ndarray  # the whole text's direction: mean of its sentence vectors
    flags: np.ndarray  # sentences × CUE_NAMES: which cues each sentence holds (0 or 1)


CUE_NAMES = ("denial", "hedge", "report", "question", "affirm", "negation")
RATE_NAMES = tuple(f"rate_{name}" for name in CUE_NAMES)  # share of sentences with the cue
NEAR_NAMES = tuple(f"near_{name}" for name in CUE_NAMES)  # the same, weighted by relevance
ATTENTION = 0.05  # softmax temperature of relevance: the closest few sentences dominate


def article_view(texts: Sequence[str], table: WordTable | None = None,
                 encode: Callable[[Sequence[str]], np.ndarray] | None = None) -> ArticleView:
    """An article's sentences ready for every claim. `encode` embeds texts (default: the
    shipped encoder; a story's `MeaningSpace.vectors` shares the vectors with alignment)."""
    table = table or default_words()
    encode = encode or table.encoder.encode
    texts = tuple(texts)
    all_pieces = list(texts)
    owner = list(range(len(texts)))
    for index, text in enumerate(texts):
        extra = pieces(text)
        all_pieces.extend(extra)
        owner.extend([index] * len(extra))
    vectors = encode(all_pieces) if all_pieces else np.zeros(
        (0, table.encoder.dimensions), dtype=np.float32)
    tokens: list[str] = []
    word_owner: list[int] = []
    for index, text in enumerate(texts):
        found = content_words(text)
        tokens.extend(found)
        word_owner.extend([index] * len(found))
    stems = tuple(stem(t) for t in tokens)
    codes = {s: i for i, s in enumerate(dict.fromkeys(stems))}
    mean = vectors[: len(texts)].sum(axis=0) if texts else np.zeros(table.encoder.dimensions)
    norm = float(np.linalg.norm(mean))
    word_ids = table.ids(tokens)
    word_vectors = table.vectors(word_ids)
    word_vectors.setflags(write=False)  # shared by every claim read against the article
    owners = np.array(word_owner, dtype=np.int64)
    word_sentences, sentence_starts = np.unique(owners, return_index=True)
    return ArticleView(
        texts=texts,
        piece_vectors=vectors,
        piece_owner=np.array(owner, dtype=np.int64),
        word_ids=word_ids,
        word_owner=owners,
        word_stems=stems,
        stem_codes=np.array([codes[s] for s in stems], dtype=np.int64),
        word_vectors=word_vectors,
        stem_index=codes,
        word_sentences=word_sentences,
        sentence_starts=sentence_starts,
        vector=(mean / norm if norm else mean).astype(np.float32),
        flags=_flags(texts),
    )


def _flags(texts: Sequence[str]) -> np.ndarray:
    """One row per sentence: 1 where it holds the cue, whatever the claim."""
    rows = np.zeros((len(texts), len(CUE_NAMES)), dtype=np.float32)
    for index, text in enumerate(texts):
        folded = fold(text)
        rows[index] = [
            bool(cues.DENIAL.search(folded)),
            bool(cues.HEDGE.search(folded)),
            bool(cues.REPORTING.search(folded)),
            cues.is_question(folded),
            bool(cues.AFFIRMATION.search(folded)),
            bool(cues.NEGATION_WORDS.search(cues.NOT_NEGATING.sub(" ", folded))),
        ]
    return rows


# --------------------------------------------------------------------------- one sentence

@dataclass(frozen=True)
class Reading:
    """What one sentence does with the claim, read in its clause that matches the claim."""

    index: int  # sentence index in the article
    relevance: float
    meaning: float  # embedding cosine, sentence or best piece
    coverage: float  # share of the claim's (weighted) words, by meaning
    content: float  # the same, the claim's figures left out
    exact: float  # share of the claim's (weighted) words, exactly
    denial: float  # 0..1: how much of the claim what a denial denies covers (0: none)
    negation: bool  # a bare negation just before the claim's words
    attributed: bool  # relayed as someone else's (reporting verb, quotation)
    hedged: bool  # unconfirmed ("reportedly", "were said to")
    quoted: bool  # the claim's words inside a quotation
    affirmed: bool  # "confirmed", "is true"
    question: bool
    speaker: str | None  # who it is attributed to, or who denies
    focus: str  # the clause the reading comes from

    @property
    def own_voice(self) -> bool:
        return not (self.attributed or self.hedged or self.quoted or self.question)


def relevance(meaning: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """One number per sentence to rank by: meaning and coverage count alike."""
    return 0.5 * meaning + 0.5 * coverage


def score_sentences(claim: ClaimView, article: ArticleView,
                    table: WordTable | None = None) -> dict[str, np.ndarray]:
    """Per sentence: meaning (best of the sentence and its pieces), coverage by meaning, exact
    coverage and relevance; `article_coverage` is coverage over the whole text (discounted,
    then plain), `plain_coverage` per sentence without the in-article discount."""
    table = table or default_words()
    n = len(article.texts)
    meaning = np.zeros(n, dtype=np.float32)
    coverage = np.zeros(n, dtype=np.float32)
    exact = np.zeros(n, dtype=np.float32)
    content = np.zeros(n, dtype=np.float32)
    whole = np.zeros(2, dtype=np.float32)
    plain_coverage = np.zeros(n, dtype=np.float32)
    if n:
        cos = article.piece_vectors @ claim.vector
        meaning = np.full(n, -1.0, dtype=np.float32)
        np.maximum.at(meaning, article.piece_owner, cos)
        meaning = np.clip(meaning, 0.0, 1.0)
    if n and len(claim.word_ids) and len(article.word_ids):
        sims = table.vectors(claim.word_ids) @ article.word_vectors.T  # k × words
        sims = credit(sims)
        mine = np.array([article.stem_index.get(s, -1) for s in claim.word_stems])
        same = (mine[:, None] == article.stem_codes[None, :]).astype(np.float32)
        # Words are stored sentence by sentence: reduce each sentence's run of columns.
        owners, starts = article.word_sentences, article.sentence_starts
        best = np.maximum.reduceat(sims, starts, axis=1)
        # A claim word most of the article's sentences use ("Pakistan" in a story about
        # Pakistan) tells little about which sentence carries the claim: weigh it down.
        used = (best >= 0.5).sum(axis=1)
        raw = claim.word_weights * (np.log((1.0 + n) / (1.0 + used)) + 1.0)
        weights = raw / (float(raw.sum()) or 1.0)
        coverage[owners] = weights @ best
        words_only = np.array([0.0 if w[0].isdigit() else 1.0 for w in claim.words])
        if words_only.any():  # the same share, the claim's figures left out
            content_weights = raw * words_only
            content[owners] = content_weights / content_weights.sum() @ best
        exact[owners] = weights @ np.maximum.reduceat(same, starts, axis=1)
        whole[0] = weights @ sims.max(axis=1)
        # The same shares with the words' own weights, undiscounted: across stories (FNC-1's
        # related against unrelated pairs) a word of the claim the text repeats is a match.
        plain = claim.word_weights / (float(claim.word_weights.sum()) or 1.0)
        plain_coverage[owners] = plain @ best
        whole[1] = plain @ sims.max(axis=1)
    return {"meaning": meaning, "coverage": coverage, "exact": exact, "content": content,
            "relevance": relevance(meaning, coverage).astype(np.float32),
            "article_coverage": whole, "plain_coverage": plain_coverage}


def read_sentence(claim: ClaimView, text: str, index: int, scores: dict[str, np.ndarray],
                  encoder: SentenceEncoder | None = None) -> Reading:
    """The cues of one sentence, read in its clause closest to the claim."""
    encoder = encoder or default_encoder()
    parts, vectors = _clauses(text, encoder)
    focus = parts[int(np.argmax(vectors @ claim.vector))] if vectors is not None else parts[0]
    folded = fold(focus)
    stems = claim.shape.stems
    denial = 0.0
    who: str | None = None
    for denied, by in _denied_spans(focus):
        share = _share(claim, denied)
        denial = max(denial, share)
        if share > 0 and by and who is None:  # "Russia denounced … 'fake reports'"
            who = by
    attributed = _attributed(focus, stems)
    return Reading(
        index=index,
        relevance=float(scores["relevance"][index]),
        meaning=float(scores["meaning"][index]),
        coverage=float(scores["coverage"][index]),
        content=float(scores["content"][index]),
        exact=float(scores["exact"][index]),
        denial=denial,
        negation=bare_negation(folded, stems),
        attributed=attributed,
        hedged=_hedged(focus, stems),
        quoted=_quoted(focus, stems),
        affirmed=bool(cues.AFFIRMATION.search(folded)),
        question=cues.is_question(text),
        speaker=who or (_speaker(focus) if attributed else None),
        focus=focus,
    )


# A story's most relevant sentences are read against claim after claim: what does not depend
# on the claim (the clauses, their vectors, the denials and the speaker of a clause) is read
# once per text. Results are immutable (tuples, read-only arrays).
@per_story
def _clauses(text: str, encoder: SentenceEncoder) -> tuple[tuple[str, ...], np.ndarray | None]:
    """The sentence's clauses, and their vectors when there is more than one."""
    parts = cues.clauses(text)
    if len(parts) == 1:
        return tuple(parts), None
    vectors = encoder.encode(parts)
    vectors.setflags(write=False)
    return tuple(parts), vectors


@per_story
def _denied_spans(clause: str) -> tuple[tuple[str, str], ...]:
    return tuple(cues.denied_spans(clause))


@per_story
def _speaker(clause: str) -> str | None:
    return cues.speaker(clause)


def _share(claim: ClaimView, span: str) -> float:
    """How much of the claim's weighted words a span holds, by meaning (0..1)."""
    table = default_words()
    span_vectors = _span_vectors(span)
    if not len(span_vectors) or not len(claim.word_ids):
        return 0.0
    sims = table.vectors(claim.word_ids) @ span_vectors.T
    best = credit(sims).max(axis=1)
    total = float(claim.word_weights.sum()) or 1.0
    return float(np.minimum(best, 1.0) @ claim.word_weights / total)


@per_story
def _span_vectors(span: str) -> np.ndarray:
    """The unit vectors of a span's content words, one row each (read-only): a denied span is
    weighed against claim after claim."""
    table = default_words()
    vectors = table.vectors(table.ids(content_words(span)))
    vectors.setflags(write=False)
    return vectors


def _attributed(clause: str, stems: frozenset[str]) -> bool:
    """Whether the clause relays its claim-bearing content as someone else's.

    A reporting cue scopes forward over the rest of the clause ("reports claimed that A,
    including B"); a short reporting aside scopes over all of it (", reported Pakistani media,");
    a cue inside a relative clause (", who stated …,") says nothing about the rest. A quotation
    holding the claim's words, or a clause that opens with a quotation closed by its speaker,
    is reported speech.
    """
    if _speaker_after_quote(clause) or _quoted(clause, stems):
        return True
    parts = _reporting_parts(clause)
    overlap = [len(stems & part_stems) for part_stems, _, _ in parts]
    core = max(range(len(parts)), key=lambda i: (overlap[i], -i))  # where the claim sits
    for index, (_, reporting, aside) in enumerate(parts):
        if reporting and (aside or (index <= core and overlap[core])):
            return True
    return False


@per_story
def _speaker_after_quote(clause: str) -> bool:
    return bool(cues.QUOTE_THEN_SPEAKER.search(clause))


@per_story
def _reporting_parts(clause: str) -> tuple[tuple[frozenset[str], bool, bool], ...]:
    """Per comma part: its content stems, whether it holds a reporting cue that can scope
    over the claim (not inside a relative clause), and whether it is a short aside."""
    found = []
    for part in (p.strip() for p in re.split(r"[,:()]", clause)):
        folded = fold(part)
        reporting = not folded.startswith(cues.RELATIVE) and bool(
            cues.REPORTING.search(cues.HEDGE.sub(" ", folded)))
        found.append((frozenset(content_stems(part)), reporting,
                      len(folded.split()) <= cues.REPORTING_ASIDE))
    return tuple(found)


def _hedged(clause: str, stems: frozenset[str]) -> bool:
    """A hedge in a comma part that holds some of the claim's words ("were said to have")."""
    return any(not stems.isdisjoint(part) for part in _hedged_parts(clause))


@per_story
def _hedged_parts(clause: str) -> tuple[frozenset[str], ...]:
    """The content stems of each comma part that holds a hedge."""
    return tuple(frozenset(content_stems(part)) for part in re.split(r"[,:()]", clause)
                 if cues.HEDGE.search(fold(part)))


def _quoted(clause: str, stems: frozenset[str]) -> bool:
    return any(not stems.isdisjoint(quote) for quote in _long_quotes(clause))


@per_story
def _long_quotes(clause: str) -> tuple[frozenset[str], ...]:
    """The content stems of each quotation long enough to be reported speech."""
    return tuple(frozenset(content_stems(q)) for q in cues.QUOTED.findall(clause)
                 if len(q.split()) >= cues.MIN_QUOTE_WORDS)


# --------------------------------------------------------------------------- the pair

FEATURE_NAMES = (
    # meaning and coverage
    "meaning_1", "meaning_2", "coverage_1", "coverage_2", "exact_1", "relevance_1",
    "relevance_2", "relevance_3", "article_meaning", "article_coverage", "lead_meaning",
    "plain_coverage_1", "plain_coverage_2", "plain_article_coverage",
    # cues of the most relevant sentences, weighted by relevance
    "denial", "negation", "attributed", "hedged", "quoted", "affirmed", "question",
    "own_voice_1", "denial_any",
    # the whole text, evenly and weighted by relevance to the claim
    *RATE_NAMES, *NEAR_NAMES, "denial_nearest",
    # the claim
    "claim_negative", "claim_question", "claim_hedged", "claim_attributed",
    # the claim's polarity against the evidence's
    "negative_x_denial", "negative_x_own_voice", "negative_x_affirmed", "hedged_x_attributed",
    "question_x_denial",
)


@dataclass(frozen=True)
class PairReading:
    """Everything the model and the cell need from one (claim, article) pair."""

    features: np.ndarray
    readings: tuple[Reading, ...]  # the `TOP` most relevant sentences, most relevant first
    scores: dict[str, np.ndarray]


def pair_reading(claim: ClaimView, article: ArticleView, top: int = TOP,
                 table: WordTable | None = None) -> PairReading:
    """The feature vector of a pair (in `FEATURE_NAMES` order) and its top sentences' readings."""
    table = table or default_words()
    scores = score_sentences(claim, article, table)
    n = len(article.texts)
    order = sorted(range(n), key=lambda i: (-float(scores["relevance"][i]), i))
    readings = tuple(read_sentence(claim, article.texts[i], i, scores, table.encoder)
                     for i in order[:top])
    return PairReading(_features(claim, article, scores, readings, table), readings, scores)


def _pooled_flags(article: ArticleView, scores: dict[str, np.ndarray]) -> list[float]:
    """Cue rates over all sentences, evenly and by attention to the claim; and how relevant the
    most relevant sentence holding a denial is, against the most relevant of all."""
    width = len(CUE_NAMES)
    if not len(article.texts):
        return [0.0] * (2 * width + 1)
    rel = scores["relevance"].astype(np.float64)
    attention = np.exp((rel - rel.max()) / ATTENTION)
    attention /= attention.sum()
    denials = article.flags[:, 0] > 0
    nearest = float(rel[denials].max() / rel.max()) if denials.any() and rel.max() > 0 else 0.0
    return [*article.flags.mean(axis=0).tolist(), *(attention @ article.flags).tolist(), nearest]


def _top(values: np.ndarray, k: int) -> float:
    if len(values) < k:
        return 0.0
    return float(np.sort(values)[::-1][k - 1])


def _features(claim: ClaimView, article: ArticleView, scores: dict[str, np.ndarray],
              readings: Sequence[Reading], table: WordTable) -> np.ndarray:
    shape = claim.shape
    best = readings[0].relevance if readings else 0.0
    weight = [r.relevance / best if best > 0 else 0.0 for r in readings]
    total = sum(weight) or 1.0

    def pooled_max(values: Sequence[float]) -> float:
        return max((w * v for w, v in zip(weight, values, strict=True)), default=0.0)

    def pooled_mean(values: Sequence[float]) -> float:
        return sum(w * v for w, v in zip(weight, values, strict=True)) / total

    n = len(article.texts)
    article_coverage = float(scores["article_coverage"][0])
    denial = pooled_max([r.denial for r in readings])
    own = float(readings[0].own_voice) if readings else 0.0
    affirmed = pooled_max([float(r.affirmed) for r in readings])
    attributed = pooled_mean([float(r.attributed) for r in readings])
    values = [
        _top(scores["meaning"], 1), _top(scores["meaning"], 2),
        _top(scores["coverage"], 1), _top(scores["coverage"], 2), _top(scores["exact"], 1),
        _top(scores["relevance"], 1), _top(scores["relevance"], 2), _top(scores["relevance"], 3),
        max(0.0, float(article.vector @ claim.vector)), article_coverage,
        float(scores["meaning"][: min(2, n)].max()) if n else 0.0,
        _top(scores["plain_coverage"], 1), _top(scores["plain_coverage"], 2),
        float(scores["article_coverage"][1]),
        denial, pooled_max([float(r.negation) for r in readings]), attributed,
        pooled_mean([float(r.hedged) for r in readings]),
        pooled_mean([float(r.quoted) for r in readings]), affirmed,
        pooled_max([float(r.question) for r in readings]), own,
        pooled_max([float(r.denial > 0) for r in readings]),
        *_pooled_flags(article, scores),
        float(shape.negative), float(shape.question), float(shape.hedged),
        float(shape.attributed),
        float(shape.negative) * denial, float(shape.negative) * own,
        float(shape.negative) * affirmed, float(shape.hedged) * attributed,
        float(shape.question) * denial,
    ]
    return np.array(values, dtype=np.float32)
