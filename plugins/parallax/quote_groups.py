"""The same quotation across outlets: grouping, word-level comparison, fidelity flags.

Two quotations from different articles are one quotation when their speakers can be the same
and their words are close enough, where "close enough" depends on what else ties them: the
story's sentence alignment already pairs their sentences (a low bar: a paraphrase put in
quotation marks shares few words), or both name the same speaker, or neither (a high bar).
Nearly identical words with two different named speakers also make a group, flagged as a
quotation attributed to different speakers.

A direct quotation should be verbatim, so a group is flagged when two outlets' versions differ
in any content word beyond spelling ("tracked" vs "traced"); a shorter excerpt of the same
words is not a difference.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from rapidfuzz import fuzz

from .diff import WordDiff, word_diff
from .model import PairAlignment, Quote, QuoteFlag, QuoteGroup, Story
from .quotes import speakers_compatible
from .similarity import SentenceSpace
from .sparse import FeatureIndex
from .text import STOPWORDS, stem, words
from .unionfind import DisjointSets

ALIGNED_MIN = 0.10  # quotes in aligned sentences: the alignment is the main evidence
SAME_SPEAKER_MIN = 0.20  # the same named speaker, sentences not aligned
UNTIED_MIN = 0.35  # nothing else ties them
OTHER_SPEAKER_MIN = 0.50  # near-identical words under two different speakers
SPELLING_RATIO = 85  # rapidfuzz ratio above which two words are one word spelt differently


def group_quotes(
    story: Story, quotes: Sequence[Quote], pairs: Sequence[PairAlignment], space: SentenceSpace
) -> tuple[QuoteGroup, ...]:
    """Groups of the same quotation carried by two or more articles, with their flags."""
    long = [q for q in quotes if not q.short]
    aligned = _aligned_sentences(pairs)
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
        sorted(m, key=lambda q: (order[q.article], int(q.sentence[1:]), q.start))
        for m in members.values() if len({q.article for q in m}) > 1
    ]
    groups.sort(key=lambda m: (order[m[0].article], int(m[0].sentence[1:]), m[0].start))
    return tuple(
        QuoteGroup(id=f"quote-{n}", quotes=tuple(q.id for q in m), speaker=_speaker(m),
                   flags=_flags(m, order))
        for n, m in enumerate(groups, 1)
    )


def _aligned_sentences(pairs: Sequence[PairAlignment]) -> set[tuple[str, str, str, str]]:
    linked: set[tuple[str, str, str, str]] = set()
    for pair in pairs:
        for row in pair.rows:
            if row.op in ("equal", "replace"):
                links = [(i, j) for i in row.a for j in row.b]
            elif row.op == "move" and row.a:
                links = [(i, j) for i in row.a for j in row.counterpart]
            else:
                continue
            for i, j in links:
                linked.add((pair.a, i, pair.b, j))
                linked.add((pair.b, j, pair.a, i))
    return linked


def _linked(
    first: Quote, second: Quote, aligned: set[tuple[str, str, str, str]], space: SentenceSpace
) -> bool:
    similarity = space.similarity(first.text, second.text)
    same_speaker = speakers_compatible(first.speaker_key, second.speaker_key)
    if same_speaker is False:
        return similarity >= OTHER_SPEAKER_MIN
    if (first.article, first.sentence, second.article, second.sentence) in aligned:
        return similarity >= ALIGNED_MIN
    if same_speaker:
        # One outlet may quote a longer passage: most of the shorter one's words then recur.
        return similarity >= SAME_SPEAKER_MIN or _covered(first.text, second.text) >= 0.5
    return similarity >= UNTIED_MIN


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


def _flags(group: Sequence[Quote], order: dict[str, int]) -> tuple[QuoteFlag, ...]:
    by_article: dict[str, list[Quote]] = {}
    for quote in group:
        by_article.setdefault(quote.article, []).append(quote)
    articles = sorted(by_article, key=order.__getitem__)
    flags: list[QuoteFlag] = []
    for k, a in enumerate(articles):
        for b in articles[k + 1:]:
            qa, qb = by_article[a], by_article[b]
            sentences = tuple(sorted({(q.article, q.sentence) for q in (*qa, *qb)},
                                     key=lambda s: (order[s[0]], int(s[1][1:]))))
            ids = (qa[0].id, qb[0].id)
            text_a, text_b = joined_text(qa), joined_text(qb)
            diff = word_diff(text_a, text_b)
            unchanged = round(diff.unchanged, 3)
            if changed_words(text_a, text_b):
                flags.append(QuoteFlag(
                    "wording", (a, b), ids, sentences, unchanged,
                    f"The wording inside the quotation marks differs ({unchanged:.0%} of the "
                    f"words in common): {_changes_in_words(diff)}."))
            speakers = {(x.speaker_key, y.speaker_key) for x in qa for y in qb}
            clash = [(x, y) for x, y in speakers if speakers_compatible(x, y) is False]
            if clash:
                who_a = next(q.speaker for q in qa if q.speaker_key == clash[0][0])
                who_b = next(q.speaker for q in qb if q.speaker_key == clash[0][1])
                flags.append(QuoteFlag(
                    "speaker", (a, b), ids, sentences, unchanged,
                    f"The same words are attributed to different speakers: “{who_a}” and "
                    f"“{who_b}”."))
    return tuple(flags)


def _changes_in_words(diff: WordDiff) -> str:
    if diff.rewritten:
        return "the versions are worded differently throughout"
    changes = [(_bare(s.a), _bare(s.b)) for s in diff.segments if s.op != "equal"]
    changes = [(a, b) for a, b in changes if a or b]
    shown = [
        f"“{a}” → “{b}”" if a and b else f"“{a or b}” {'left out' if a else 'added'}"
        for a, b in changes[:3]
    ]
    return ", ".join(shown) + (" …" if len(changes) > 3 else "")


def _bare(text: str) -> str:
    return text.strip(" \t.,;:!?\"“”‘’")


def changed_words(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """Content-word changes between two versions of a quotation: (old, new) runs.

    Function words, spelling variants ("recognised"/"recognized") and a shorter excerpt
    (one version's words all found, in order, in the other's) do not count.
    """
    content_a = [w for w in words(text_a) if w not in STOPWORDS]
    content_b = [w for w in words(text_b) if w not in STOPWORDS]
    stems_a, stems_b = [stem(w) for w in content_a], [stem(w) for w in content_b]
    matcher = difflib.SequenceMatcher(None, stems_a, stems_b, autojunk=False)
    if matcher.find_longest_match(0, len(stems_a), 0, len(stems_b)).size == min(
            len(stems_a), len(stems_b)):
        return []  # one is an excerpt of the other
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = content_a[i1:i2], content_b[j1:j2]
        if len(old) == len(new) and all(fuzz.ratio(x, y) >= SPELLING_RATIO
                                        for x, y in zip(old, new, strict=True)):
            continue
        changes.append((" ".join(old), " ".join(new)))
    return changes
