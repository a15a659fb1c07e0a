"""Claim discovery: statements worth a matrix row, found without `claims.yml`.

* **Shared** statements are sentences that two or more outlets carry. Sentences linked by the
  pairwise alignments (`StoryAnalysis.pairs`: equal, replace and move rows) are clustered,
  closest links first, under two constraints: at most one sentence per article, and the mean
  similarity over all cross-article pairs in a cluster stays above `CLUSTER_MIN` (so chains of
  loosely related sentences do not merge). A cluster spanning two or more outlets is a claim;
  its text is the member closest to the others (verbatim, so it stays anchored).
* **Distinctive** statements are sentences only one outlet makes: no sentence of another article
  comes near them (below the evidence threshold) and they carry checkable specifics (figures,
  names). At most `DISTINCTIVE_PER_ARTICLE` per article.

Ranking: shared claims first, by the number of outlets carrying them, then the cluster's mean
similarity; then distinctive claims by their specificity. A suggestion that repeats a curated
claim (similarity `DUPLICATE` or more to its text, or sentences that are mostly that claim's
evidence) is dropped. Ids derive from the text, so a
suggestion keeps its id across rebuilds, and pasting it into `claims.yml` keeps it too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from . import ids
from .lexical_match import LexicalScorer, sentence_evidence
from .model import ClaimResult, PairAlignment, Story, SuggestedClaim
from .similarity import SentenceSpace
from .sparse import FeatureIndex
from .text import STOPWORDS, fold, has_content, words

LINK_MIN = 0.25  # aligned sentences closer than this are candidate members of one claim
CLUSTER_MIN = 0.25  # mean cross-article similarity a cluster must keep
DUPLICATE = 0.3  # a suggestion this close to a curated claim is that claim
DISTINCTIVE_PER_ARTICLE = 2
MIN_WORDS = 8  # shorter sentences are rarely a self-contained statement
MIN_SPECIFICS = 2  # figures and names a distinctive statement needs to be checkable
MAX_SHARED = 12
MAX_DISTINCTIVE = 8

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
) -> tuple[SuggestedClaim, ...]:
    """Shared then distinctive suggestions, ranked, without those that repeat a curated claim.

    `curated` are the curated rows of the matrix: a suggestion whose sentences are, for at
    least half of them, the evidence of one curated claim is that claim again.
    """
    text = {(a.id, s.id): s.text for a in story.articles for s in a.sentences}
    outlet = {a.id: a.outlet.slug for a in story.articles}
    clusters = _clusters(_links(pairs, text, space), text, space)
    shared = [c for c in clusters if len({outlet[a] for a in c.members}) >= 2]
    in_shared = {(a, s) for c in shared for a, s in c.members.items()}
    scorer = LexicalScorer(space)
    evidence = [{(a, s) for a, cell in row.cells if cell.stance != "omits" for s in cell.evidence}
                for row in curated]

    def duplicate(nodes: list[Node]) -> bool:
        if any(scorer.similarity(row.text, text[n]) >= DUPLICATE
               for row in curated for n in nodes):
            return True
        return any(2 * len(used & set(nodes)) >= len(nodes) for used in evidence)

    found: list[SuggestedClaim] = []
    for cluster in shared:
        nodes = sorted(cluster.members.items())
        if duplicate(nodes):
            continue
        source = _medoid(nodes, text, space)
        mean = _mean_similarity(nodes, text, space)
        outlets = tuple(sorted({outlet[a] for a, _ in nodes}))
        found.append(_suggestion(story, "shared", text[source], source, nodes, outlets,
                                 round(len(outlets) / len(set(outlet.values())) * 0.7
                                       + mean * 0.3, 3)))
    found.sort(key=lambda s: (-len(s.outlets), -s.score, s.source[0], _num(s.source[1])))
    found = found[:MAX_SHARED]
    distinctive = []
    for node in _distinctive(story, text, in_shared, space):
        if not duplicate([node]):
            distinctive.append(_suggestion(story, "distinctive", text[node], node, [node],
                                           (outlet[node[0]],), _specificity_score(text[node])))
    distinctive.sort(key=lambda s: (-s.score, s.source[0], _num(s.source[1])))
    ranked = found + distinctive[:MAX_DISTINCTIVE]
    unique: dict[str, SuggestedClaim] = {}
    for rank, suggestion in enumerate(ranked, 1):
        unique.setdefault(suggestion.id, replace(suggestion, rank=rank))
    return tuple(replace(s, rank=r) for r, s in enumerate(unique.values(), 1))


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
    owner: dict[Node, _Cluster] = {}
    for _, first, second in links:
        left = owner.get(first) or _Cluster({first[0]: first[1]})
        right = owner.get(second) or _Cluster({second[0]: second[1]})
        if left is right or set(left.members) & set(right.members):
            continue
        merged = _Cluster({**left.members, **right.members})
        if _mean_similarity(sorted(merged.members.items()), text, space) < CLUSTER_MIN:
            continue
        for node in merged.members.items():
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
            candidates.append((-_specificity_score(sentence.text), _num(sentence.id), node))
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

    return min(nodes, key=lambda n: (-round(closeness(n), 9), n[0], _num(n[1])))


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


def _num(sentence_id: str) -> int:
    return int(sentence_id[1:])
