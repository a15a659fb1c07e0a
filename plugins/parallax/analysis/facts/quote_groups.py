"""The same quotation across outlets: grouping, word-level comparison, fidelity flags.

Two quotations from different articles are one quotation only when their words overlap
substantially (most of the shorter one's content words recur in the other, or their
similarity is high), or when they share both the speaker and the event: the same named
speaker (or the same described one, "a senior Russian government official" and "a top
Russian government official") in sentences the story's alignment pairs, with some words in
common. A speaker given only by inference (the sentence's first person) does not count.

A direct quotation should be verbatim, so a group is flagged when two outlets' versions differ
in any content word beyond spelling ("tracked" vs "traced"); a shorter excerpt of the same
words is not a difference. Near-identical words under two different named speakers are
flagged as attributed to different speakers. Each flag carries a confidence: how sure it is
that the two versions are one quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cydifflib import SequenceMatcher
from rapidfuzz import fuzz

from ...model import (
    PairAlignment,
    Quote,
    QuoteFlag,
    QuoteGroup,
    QuoteVersion,
    Reason,
    Story,
    WordDiff,
    sentence_number,
)
from ...nlp.candidate_pairs import FeatureIndex
from ...nlp.lexicon import STOPWORDS
from ...nlp.similarity import SentenceSpace
from ...nlp.text import fold, stem, words
from ..alignment.word_diff import word_diff
from ..disjoint_sets import DisjointSets
from .speakers import speakers_compatible
from .spellings import comparable_words, variant

OVERLAP_COVERED = 0.75  # share of the shorter quotation's content words found in the other,
# in runs of two or more in the same order (an excerpt, not a shared phrase)…
OVERLAP_WORDS = 4  # …when it has at least this many ("Well, which is it?" has one)
OVERLAP_SIMILARITY = 0.6  # or this cosine similarity: the same words, substantially
SAME_EVENT_MIN = 0.15  # the same speaker at one event: a paraphrase still shares some words
OTHER_SPEAKER_COVERED = 0.8  # near-identical words before two speakers are told apart
SPELLING_RATIO = 85  # rapidfuzz ratio above which two words are one word spelt differently
# Confidence of a flag by what makes the two versions one quotation.
SAME_WORDS, SAME_SPEAKER_AND_EVENT, DESCRIBED_SPEAKER, INFERRED_SPEAKER = 0.9, 0.85, 0.75, 0.6
WEAK_CUE = "named before the quotation"


def group_quotes(
    story: Story, quotes: Sequence[Quote], pairs: Sequence[PairAlignment], space: SentenceSpace
) -> tuple[QuoteGroup, ...]:
    """Groups of the same quotation carried by two or more articles, with their flags."""
    long = [q for q in quotes if not q.short]
    aligned = _same_passages(story, _aligned_sentences(pairs))
    sets: DisjointSets[int] = DisjointSets()  # indices into `long`
    # Every link needs a shared content word: compare only quotations sharing one (a word in
    # more than sparse.DENSE of them, a long text's running topic, does not count alone).
    sharing = FeatureIndex([space.vector(q.text) for q in long])
    for i, first in enumerate(long):
        for j in sorted(k for k in sharing.near(space.vector(first.text), 1e-12) if k > i):
            second = long[j]
            if first.article == second.article:
                continue
            if _linked(first, second, aligned, space):
                sets.union(i, j)
    # Which index represents a group does not matter: members and groups are sorted below.
    members: dict[int, list[Quote]] = {}
    for index, quote in enumerate(long):
        members.setdefault(sets.find(index), []).append(quote)
    order = {a.id: k for k, a in enumerate(story.articles)}
    groups = [
        sorted(m, key=lambda q: (order[q.article], sentence_number(q.sentence), q.start))
        for m in members.values() if len({q.article for q in m}) > 1
    ]
    groups.sort(key=lambda m: (order[m[0].article], sentence_number(m[0].sentence), m[0].start))

    def tie(x: Quote, y: Quote) -> float:
        return _tie(x, y, aligned, space)

    return tuple(
        QuoteGroup(id=f"quote-{n}", quotes=tuple(q.id for q in m), speaker=_speaker(m),
                   flags=_flags(m, order, tie), versions=_versions(m))
        for n, m in enumerate(groups, 1)
    )


def _versions(group: Sequence[Quote]) -> tuple[QuoteVersion, ...]:
    """Each outlet's version (its quotations of the group joined), in the group's article
    order, word-diffed against the first."""
    by_article: dict[str, list[Quote]] = {}
    for quote in group:
        by_article.setdefault(quote.article, []).append(quote)
    texts = {article: joined_text(quotes) for article, quotes in by_article.items()}
    first = next(iter(texts.values()))
    return tuple(
        QuoteVersion(article, tuple(q.id for q in quotes), texts[article],
                     None if index == 0 else word_diff(first, texts[article]))
        for index, (article, quotes) in enumerate(by_article.items()))


def _same_passages(
    story: Story, aligned: set[tuple[str, str, str, str]]
) -> set[tuple[str, str, str, str]]:
    """Sentence pairs that tell the same event: aligned ones, and a sentence next to an
    aligned one in its paragraph (an outlet may split a quotation over two sentences)."""
    neighbours: dict[tuple[str, str], list[str]] = {}
    for article in story.articles:
        for before, after in zip(article.sentences, article.sentences[1:], strict=False):
            if before.paragraph == after.paragraph:
                neighbours.setdefault((article.id, before.id), []).append(after.id)
                neighbours.setdefault((article.id, after.id), []).append(before.id)
    near = set(aligned)
    for a, i, b, j in aligned:
        for k in neighbours.get((a, i), []):
            near.update({(a, k, b, j), (b, j, a, k)})
    return near


def _aligned_sentences(pairs: Sequence[PairAlignment]) -> set[tuple[str, str, str, str]]:
    linked: set[tuple[str, str, str, str]] = set()
    for pair in pairs:
        for i, j in pair.links():
            linked.add((pair.a, i, pair.b, j))
            linked.add((pair.b, j, pair.a, i))
    return linked


def _linked(
    first: Quote, second: Quote, aligned: set[tuple[str, str, str, str]], space: SentenceSpace
) -> bool:
    return _tie(first, second, aligned, space) > 0


def _tie(
    first: Quote, second: Quote, aligned: set[tuple[str, str, str, str]], space: SentenceSpace
) -> float:
    """How sure it is that two quotations are one (0: they are not): the same words, or the
    same speaker at the same event."""
    similarity = space.similarity(first.text, second.text)
    if _content_words(first.text, second.text) >= OVERLAP_WORDS and (
            _excerpt(first.text, second.text) >= OVERLAP_COVERED
            or similarity >= OVERLAP_SIMILARITY):
        return SAME_WORDS
    in_aligned = (first.article, first.sentence, second.article, second.sentence) in aligned
    if WEAK_CUE in (first.cue, second.cue):
        # The sentences' first person, the same on both sides, in sentences the alignment
        # pairs ("Vladimir Putin, … “will be identified, tracked and punished”"): possible.
        same = speakers_compatible(first.speaker_key, second.speaker_key)
        return INFERRED_SPEAKER if same and in_aligned and similarity >= SAME_EVENT_MIN else 0.0
    if not speakers_compatible(_key(first), _key(second)):
        return 0.0
    if in_aligned and similarity >= SAME_EVENT_MIN:
        named = not (_key(first) or "").startswith("role:")
        return SAME_SPEAKER_AND_EVENT if named else DESCRIBED_SPEAKER
    return 0.0


def _excerpt(text_a: str, text_b: str) -> float:
    """Share of the shorter text's content stems found in the other in runs of two or more,
    in order: high for an excerpt or a lightly edited copy, low for two quotations that
    only share a phrase ("on the wrong side of history")."""
    a = [stem(w) for w in words(text_a) if w not in STOPWORDS]
    b = [stem(w) for w in words(text_b) if w not in STOPWORDS]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    runs = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 2)
    return runs / min(len(a), len(b)) if a and b else 0.0


def _content_words(text_a: str, text_b: str) -> int:
    """Content words in the shorter of two texts."""
    return min(len({w for w in words(t) if w not in STOPWORDS}) for t in (text_a, text_b))


def _key(quote: Quote) -> str | None:
    """A speaker key that counts as evidence: not one inferred from the sentence's first
    person, which may not be the speaker at all; for words a paper carried with no speaker,
    the paper ("…," The Express Tribune reported)."""
    if quote.cue == WEAK_CUE:
        return None
    if quote.speaker_key is None and quote.via:
        return f"medium:{fold(quote.via).removeprefix('the ')}"
    return quote.speaker_key


def _who(quote: Quote) -> tuple[str | None, str | None]:
    """A quotation's speaker as written, else the paper it is credited to: (speaker, paper)."""
    return (quote.speaker, None) if quote.speaker else (None, quote.via)


def _clash(first: Quote, second: Quote) -> bool:
    """Two different speakers for one quotation. A paper that carried the words is not a
    speaker, but the same words given to a paper's report by one outlet and to a person by
    another are a misattribution (unless the person's words came through that paper)."""
    key_a, key_b = _key(first), _key(second)
    if key_a is None or key_b is None or first.resolved or second.resolved:
        return False  # a speaker read from "he said" may be the wrong "he"
    media = [k.startswith("medium:") for k in (key_a, key_b)]
    if all(media):
        return False  # two papers carrying the same words: reuse, not misattribution
    if any(media):
        paper, person = (key_a, second) if media[0] else (key_b, first)
        return fold(person.via or "").removeprefix("the ") != paper.removeprefix("medium:")
    return speakers_compatible(key_a, key_b) is False


def _covered(text_a: str, text_b: str) -> float:
    """Share of the shorter text's content stems found in the longer one."""
    a = {stem(w) for w in words(text_a) if w not in STOPWORDS}
    b = {stem(w) for w in words(text_b) if w not in STOPWORDS}
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def _speaker(quotes: Sequence[Quote]) -> str | None:
    """The most specific speaker named: a person's or organisation's name over a role."""
    named = [q for q in quotes if q.speaker_key and not q.speaker_key.startswith("role:")]
    chosen = named or [q for q in quotes if q.speaker]
    if not chosen:
        return None
    return max(chosen, key=lambda q: (len(q.speaker or ""), q.id)).speaker


def joined_text(quotes: Sequence[Quote]) -> str:
    """One article's part of a group as one passage (an outlet may split a quotation)."""
    return " … ".join(q.text for q in quotes)


def _flags(group: Sequence[Quote], order: dict[str, int],
           tie: Callable[[Quote, Quote], float]) -> tuple[QuoteFlag, ...]:
    by_article: dict[str, list[Quote]] = {}
    for quote in group:
        by_article.setdefault(quote.article, []).append(quote)
    articles = sorted(by_article, key=order.__getitem__)
    flags: list[QuoteFlag] = []
    for k, a in enumerate(articles):
        for b in articles[k + 1:]:
            qa, qb = by_article[a], by_article[b]
            sentences = tuple(sorted({(q.article, q.sentence) for q in (*qa, *qb)},
                                     key=lambda s: (order[s[0]], sentence_number(s[1]))))
            ids = (qa[0].id, qb[0].id)
            text_a, text_b = joined_text(qa), joined_text(qb)
            diff = word_diff(text_a, text_b)
            unchanged = round(diff.unchanged, 3)
            # How sure the two outlets' versions are one quotation: their best direct tie.
            sure = max(tie(x, y) for x in qa for y in qb)
            if sure and changed_words(text_a, text_b):
                flags.append(QuoteFlag(
                    "wording", (a, b), ids, sentences, unchanged,
                    _wording_changes(diff, unchanged), sure))
            clash = [(x, y) for x in qa for y in qb
                     if _clash(x, y) and _covered(x.text, y.text) >= OTHER_SPEAKER_COVERED]
            if clash:
                flags.append(QuoteFlag(
                    "speaker", (a, b), ids, sentences, unchanged,
                    Reason.of("other speaker", speakers=tuple(_who(q) for q in clash[0])),
                    SAME_WORDS))
    return tuple(flags)


SHOWN_CHANGES = 3  # word changes named in a flag; more are marked as more


def _wording_changes(diff: WordDiff, unchanged: float) -> Reason:
    """How two versions of a quotation differ: rewritten throughout, or the first few word
    changes as (old, new) pairs, an empty side for words left out or added."""
    changes = [(_bare(s.a), _bare(s.b)) for s in diff.segments if s.op != "equal"]
    changes = [(a, b) for a, b in changes if a or b]
    return Reason.of("wording differs", unchanged=unchanged, rewritten=diff.rewritten,
                     changes=tuple(changes[:SHOWN_CHANGES]),
                     more=not diff.rewritten and len(changes) > SHOWN_CHANGES)


def _bare(text: str) -> str:
    return text.strip(" \t.,;:!?\"“”‘’")


def _editorial(text: str) -> str:
    """A quotation without an editor's bracketed insertions and with hyphens as spaces."""
    return re.sub(r"[-‐‑]", " ", re.sub(r"\s*[(\[][^()\[\]]{1,40}[)\]]", "", text))


def changed_words(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """Content-word changes between two versions of a quotation: (old, new) runs.

    Not changes: function words; spelling variants ("recognised"/"recognized"), compounds
    ("workforce"/"work force"), hyphenation and name transliterations ("Muammar"/"Moammar");
    an editor's insertion in brackets ("these (local) supervisors"); words one version leaves
    out at either end (a shorter excerpt) or where it marks an elision ("…").
    """
    tokens_a, tokens_b = _tokens(text_a), _tokens(text_b)
    stems_a = [t if t == _ELISION else stem(t) for t in tokens_a]
    stems_b = [t if t == _ELISION else stem(t) for t in tokens_b]
    ops = [op for op in SequenceMatcher(None, stems_a, stems_b,
                                                autojunk=False).get_opcodes()]
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)  # an excerpt that starts later…
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()  # …or ends sooner
    changes = []
    for tag, i1, i2, j1, j2 in ops:
        old = [t for t in tokens_a[i1:i2] if t != _ELISION]
        new = [t for t in tokens_b[j1:j2] if t != _ELISION]
        if tag == "equal" or not (old or new) or _same_words(old, new):
            continue
        if not (old and new) and (_elided(tokens_a, i1, i2) or _elided(tokens_b, j1, j2)):
            continue  # "… whatever we think": the outlet marks what it left out
        changes.append((" ".join(old), " ".join(new)))
    return changes


_ELISION = "…"


def _tokens(text: str) -> list[str]:
    """Content words of a quotation in order, with elision marks kept as "…"."""
    found = re.findall(r"\.\.\.|…|[^\W_]+(?:['’][^\W_]+)*", fold(_editorial(text)))
    return [_ELISION if t in ("...", "…") else t for t in found
            if t in ("...", "…") or t not in STOPWORDS]


def _elided(tokens: list[str], start: int, end: int) -> bool:
    """An elision mark at a gap, or next to it."""
    return _ELISION in tokens[max(0, start - 1):end + 1]


def _same_words(old: list[str], new: list[str]) -> bool:
    """One run of words spelt two ways: variants, compounds, transliterated names."""
    if "".join(old) == "".join(new):
        return True  # "workforce" / "work force"
    old, new = list(comparable_words(" ".join(old))), list(comparable_words(" ".join(new)))
    if len(old) != len(new) or not old:
        return False  # ("al-Qaddafi" and "Gadhafi" compare without the article "al")
    return all(fuzz.ratio(x, y) >= SPELLING_RATIO or variant(x, y) for x, y in zip(
        old, new, strict=True))
