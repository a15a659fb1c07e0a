"""Claim discovery: statements worth a matrix row, found without `claims.yml`.

* **Shared** statements are sentences that two or more outlets carry. Sentences linked by the
  pairwise alignments (`StoryAnalysis.pairs`: equal, replace and move rows) are clustered,
  closest links first, under two constraints: at most one sentence per article, and the mean
  similarity over all cross-article pairs in a cluster stays above `CLUSTER_MIN` (so chains of
  loosely related sentences do not merge). A cluster spanning two or more outlets is a claim.
* **Headline** statements are shared statements of the articles' ledes (their first
  `LEDE` sentences): two lede sentences of different outlets are one fact told in their own
  words when each is the other's closest lede sentence by meaning (cosine `LEDE_CLOSE` or
  more) and the same-fact decision gives them at least `LEDE_SAME`; such facts are rarely
  worded alike, so the aligner, which weighs whole articles, often leaves them apart.
* **Distinctive** statements are sentences only one outlet makes: no sentence of another article
  comes near them (below the evidence threshold) and they carry checkable specifics (figures,
  names). At most `DISTINCTIVE_PER_ARTICLE` per article.

A claim's text is the plainest self-contained version among its sentences (`claimtext`: no
dateline or leading conjunction; never a caption, a fragment, someone's quotation without its
speaker or a sentence that leans on another; own voice before relayed, then the fewest
words); a cluster with no such version is not suggested.

Ranking: headline claims first, then shared claims, each by the number of outlets carrying
them, then the cluster's mean similarity; then distinctive claims by their specificity. A
suggestion that repeats a curated claim (similarity `DUPLICATE` or more to its text, or
sentences that are mostly that claim's evidence) is dropped. Ids derive from the text, so a
suggestion keeps its id across rebuilds, and pasting it into `claims.yml` keeps it too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np

from ...data import ids
from ...model import ClaimResult, PairAlignment, Quote, Story, SuggestedClaim, sentence_number
from ...nlp.candidate_pairs import FeatureIndex
from ...nlp.lexicon import STOPWORDS
from ...nlp.samefact import SameFact
from ...nlp.semantic import MeaningSpace
from ...nlp.similarity import SentenceSpace
from ...nlp.text import fold, has_content, words
from .claim_text import claim_text, plainness, problem
from .closeness import LexicalScorer, sentence_evidence

LINK_MIN = 0.25  # aligned sentences closer than this are candidate members of one claim
CLUSTER_MIN = 0.25  # mean cross-article similarity a cluster must keep
DUPLICATE = 0.3  # a suggestion this close to a curated claim is that claim
DISTINCTIVE_PER_ARTICLE = 2
MIN_WORDS = 8  # shorter sentences are rarely a self-contained statement
MIN_SPECIFICS = 2  # figures and names a distinctive statement needs to be checkable
MAX_SHARED = 12
MAX_DISTINCTIVE = 8
LEDE = 3  # sentences of an article's opening that carry its headline-level facts
LEDE_CLOSE = 0.6  # cosine two lede sentences need to be one fact (the aligner's CLOSE)
LEDE_SAME = 0.15  # …and p(same fact): the position says "lede", the decision "one fact"
LEDE_WORDS = 6  # shorter lede sentences are datelines and bylines
MAX_HEADLINE = 4

_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+")
_FIGURE = re.compile(r"\d[\d.,]*%?")

Node = tuple[str, str]  # (article id, sentence id)


@dataclass
class _Cluster:
    members: dict[str, str]  # article id -> sentence id


def suggest_claims(
    story: Story,
    pairs: Iterable[PairAlignment],
    space: SentenceSpace,
    curated: Sequence[ClaimResult] = (),
    decide: SameFact | None = None,
    quotes: Sequence[Quote] = (),
) -> tuple[SuggestedClaim, ...]:
    """Headline, shared then distinctive suggestions, ranked, without those that repeat a
    curated claim.

    `curated` are the curated rows of the matrix: a suggestion whose sentences are, for at
    least half of them, the evidence of one curated claim is that claim again. `decide` is the
    alignment's same-fact decision (a fresh one when None); `quotes` the story's quotations,
    whose speakers tell a quotation with its speaker from one without.
    """
    text = {(a.id, s.id): s.text for a in story.articles for s in a.sentences}
    outlet = {a.id: a.outlet.slug for a in story.articles}
    decide = decide or SameFact(MeaningSpace(text.values()))
    hygiene = _Hygiene(story, quotes)
    clusters = _clusters(_links(pairs, text, space), text, space)
    shared = [c for c in clusters if len({outlet[a] for a in c.members}) >= 2]
    headline = _headline_clusters(story, decide)
    in_shared = {(a, s) for c in shared + headline for a, s in c.members.items()}
    scorer = LexicalScorer(space)
    evidence = [{(a, s) for a, cell in row.cells if cell.stance != "omits" for s in cell.evidence}
                for row in curated]

    def duplicate(nodes: list[Node], claim: str) -> bool:
        if any(scorer.similarity(row.text, text[n]) >= DUPLICATE
               for row in curated for n in nodes):
            return True
        if any(scorer.similarity(row.text, claim) >= DUPLICATE for row in curated):
            return True
        return any(2 * len(used & set(nodes)) >= len(nodes) for used in evidence)

    def grouped(kind: str, groups: list[_Cluster], most: int) -> list[SuggestedClaim]:
        found = []
        for cluster in groups:
            nodes = sorted(cluster.members.items())
            source = hygiene.plainest(nodes, text, space)
            if source is None:
                continue  # no member reads as a claim on its own
            claim = claim_text(text[source])
            if duplicate(nodes, claim):
                continue
            mean = _mean_similarity(nodes, text, space)
            outlets = tuple(sorted({outlet[a] for a, _ in nodes}))
            found.append(_suggestion(story, kind, claim, source, nodes, outlets,
                                     round(len(outlets) / len(set(outlet.values())) * 0.7
                                           + mean * 0.3, 3)))
        found.sort(key=lambda s: (-len(s.outlets), -s.score, s.source[0],
                                  sentence_number(s.source[1])))
        return found[:most]

    tops = grouped("headline", headline, MAX_HEADLINE)
    taken = {(a, s) for t in tops for a, ids_ in t.support for s in ids_}
    found = tops + grouped("shared", [c for c in shared
                                      if not taken & set(c.members.items())], MAX_SHARED)
    distinctive = []
    for node in _distinctive(story, text, in_shared, space):
        claim = claim_text(text[node])
        if hygiene.usable(node, text) and not duplicate([node], claim):
            distinctive.append(_suggestion(story, "distinctive", claim, node, [node],
                                           (outlet[node[0]],), _specificity_score(text[node])))
    distinctive.sort(key=lambda s: (-s.score, s.source[0], sentence_number(s.source[1])))
    ranked = found + distinctive[:MAX_DISTINCTIVE]
    unique: dict[str, SuggestedClaim] = {}
    for rank, suggestion in enumerate(ranked, 1):
        unique.setdefault(suggestion.id, replace(suggestion, rank=rank))
    return tuple(replace(s, rank=r) for r, s in enumerate(unique.values(), 1))


class _Hygiene:
    """Which sentences of a story can be a claim's text, and the plainest of a group."""

    def __init__(self, story: Story, quotes: Sequence[Quote]) -> None:
        self.previous: dict[Node, str] = {}
        for article in story.articles:
            for before, sentence in zip(article.sentences, article.sentences[1:], strict=False):
                self.previous[(article.id, sentence.id)] = before.text
        self.quotes: dict[Node, list[Quote]] = {}
        for quote in quotes:
            self.quotes.setdefault((quote.article, quote.sentence), []).append(quote)

    def usable(self, node: Node, text: dict[Node, str]) -> bool:
        return problem(text[node], self.previous.get(node), self.quotes.get(node, ())) is None

    def plainest(self, nodes: list[Node], text: dict[Node, str],
                 space: SentenceSpace) -> Node | None:
        """The plainest usable member: own voice first, then fewest words; ties go to the
        member closest to the others, then the earlier article and sentence."""
        usable = [n for n in nodes if self.usable(n, text)]
        if not usable:
            return None

        def closeness(node: Node) -> float:
            return sum(space.similarity(text[node], text[o]) for o in nodes if o != node)

        return min(usable, key=lambda n: (plainness(claim_text(text[n])),
                                          -round(closeness(n), 9), n[0], sentence_number(n[1])))


def _headline_clusters(story: Story, decide: SameFact) -> list[_Cluster]:
    """Lede sentences of different outlets that tell one fact in their own words: each the
    other's closest lede sentence by meaning, close enough, and not ruled out as one fact;
    grouped closest first, one sentence per article, every two members close."""
    ledes = {a.id: [s for s in a.sentences[:LEDE + 1] if len(s.text.split()) >= LEDE_WORDS
                    and has_content(s.text)][:LEDE] for a in story.articles}
    space = decide.space
    links: list[tuple[float, Node, Node]] = []
    articles = [a for a in story.articles if ledes[a.id]]
    for k, first in enumerate(articles):
        for second in articles[k + 1:]:
            xs, ys = ledes[first.id], ledes[second.id]
            cosines = space.matrix([s.text for s in xs], [s.text for s in ys])
            for i, x in enumerate(xs):
                j = int(np.argmax(cosines[i]))
                if int(np.argmax(cosines[:, j])) != i or cosines[i, j] < LEDE_CLOSE:
                    continue
                if decide.probability(x.text, ys[j].text) >= LEDE_SAME:
                    links.append((round(float(cosines[i, j]), 6), (first.id, x.id),
                                  (second.id, ys[j].id)))
    links.sort(key=lambda x: (-x[0], x[1], x[2]))
    text = {(a.id, s.id): s.text for a in story.articles for s in a.sentences}
    return _merge(links, lambda members: all(
        space.similarity(text[x], text[y]) >= LEDE_CLOSE for x, y in combinations(members, 2)))


def _links(
    pairs: Iterable[PairAlignment], text: dict[Node, str], space: SentenceSpace
) -> list[tuple[float, Node, Node]]:
    """Sentence pairs the alignments put side by side, with their own similarity."""
    links = set()
    for pair in pairs:
        for x, y in pair.links():
            first, second = (pair.a, x), (pair.b, y)
            sim = space.similarity(text[first], text[second])
            if sim >= LINK_MIN:
                links.add((round(sim, 6), first, second))
    return sorted(links, key=lambda x: (-x[0], x[1], x[2]))


def _clusters(
    links: list[tuple[float, Node, Node]], text: dict[Node, str], space: SentenceSpace
) -> list[_Cluster]:
    """Closest links first; merge two clusters if no article repeats and they stay close."""
    return _merge(links, lambda members: _mean_similarity(members, text, space) >= CLUSTER_MIN)


def _merge(links: list[tuple[float, Node, Node]],
           keep: Callable[[list[Node]], bool]) -> list[_Cluster]:
    """Join linked sentences, closest link first, into clusters with at most one sentence per
    article, merging two clusters only when `keep` accepts the merged members."""
    owner: dict[Node, _Cluster] = {}
    for _, first, second in links:
        left = owner.get(first) or _Cluster({first[0]: first[1]})
        right = owner.get(second) or _Cluster({second[0]: second[1]})
        if left is right or set(left.members) & set(right.members):
            continue
        merged = _Cluster({**left.members, **right.members})
        members = sorted(merged.members.items())
        if not keep(members):
            continue
        for node in members:
            owner[node] = merged
    unique = {id(c): c for c in owner.values()}
    return sorted(unique.values(), key=lambda c: sorted(c.members.items()))


def _distinctive(
    story: Story, text: dict[Node, str], taken: set[Node], space: SentenceSpace
) -> list[Node]:
    """Sentences with specifics that no other article comes near."""
    scorer = LexicalScorer(space)
    result = []
    for article in story.articles:
        others = [s.text for a in story.articles if a.id != article.id for s in a.sentences]
        if not others:
            continue
        # Only sentences sharing a word can come near (their clauses too: ceiling 1.0).
        index = FeatureIndex([space.vector(o) for o in others], ceiling=1.0)
        candidates = []
        for sentence in article.sentences:
            node = (article.id, sentence.id)
            if node in taken or len(sentence.text.split()) < MIN_WORDS:
                continue
            if not has_content(sentence.text):  # stop words only: nothing to check
                continue
            if sentence.text.rstrip().endswith("?") or _specifics(sentence.text) < MIN_SPECIFICS:
                continue
            near = index.near(space.vector(sentence.text), scorer.threshold)
            if any(sentence_evidence(sentence.text, others[k], scorer) >= scorer.threshold
                   for k in near):
                continue
            candidates.append((-_specificity_score(sentence.text), sentence_number(sentence.id),
                               node))
        result += [node for *_, node in sorted(candidates)[:DISTINCTIVE_PER_ARTICLE]]
    return result


def _specifics(sentence: str) -> int:
    """Distinct figures and capitalised names (not the sentence's first word)."""
    return len(set(_FIGURE.findall(sentence))) + len(set(_NAME.findall(sentence.strip())))


def _specificity_score(sentence: str) -> float:
    return round(min(1.0, _specifics(sentence) / 8), 3)


def _medoid(nodes: list[Node], text: dict[Node, str], space: SentenceSpace) -> Node:
    """The member closest on average to the others (ties: the earlier article and sentence)."""
    def closeness(node: Node) -> float:
        return sum(space.similarity(text[node], text[o]) for o in nodes if o != node)

    return min(nodes, key=lambda n: (-round(closeness(n), 9), n[0], sentence_number(n[1])))


def _mean_similarity(nodes: list[Node], text: dict[Node, str], space: SentenceSpace) -> float:
    pairs = list(combinations(nodes, 2))
    if not pairs:
        return 1.0
    return sum(space.similarity(text[x], text[y]) for x, y in pairs) / len(pairs)


def _suggestion(
    story: Story, kind: str, claim: str, source: Node, nodes: list[Node],
    outlets: tuple[str, ...], score: float,
) -> SuggestedClaim:
    order = {a.id: i for i, a in enumerate(story.articles)}
    support = tuple(sorted(((a, (s,)) for a, s in nodes), key=lambda x: order[x[0]]))
    return SuggestedClaim(id=suggestion_id(claim), text=claim, kind=kind,  # type: ignore[arg-type]
                          rank=0, score=score, source=source, support=support, outlets=outlets)


def suggestion_id(claim: str) -> str:
    """A slug of the claim's first content words and a hash of its text: stable, unique."""
    content = [w for w in words(claim) if w not in STOPWORDS and not w.isdigit()][:5]
    digest = hashlib.sha1(fold(claim).encode()).hexdigest()[:6]
    slug = ids.slugify(" ".join(content))[:48].strip("-")
    return f"{slug}-{digest}" if slug != "untitled" else f"claim-{digest}"
