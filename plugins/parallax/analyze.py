"""analyze(story) -> StoryAnalysis: the one pure function between loading and rendering.

It reads no files and knows nothing of MkDocs, so it can be memoised by `cache_key(story)` and
mapped over stories by a process pool without change.
"""

from __future__ import annotations

import hashlib
import pickle

from .align import align_story
from .claims import claim_matrix
from .lineage import infer_lineage
from .model import Story, StoryAnalysis
from .reuse import story_reuse
from .similarity import SentenceSpace
from .synopsis import build_synopsis, default_base

ANALYSIS_VERSION = "2"  # bump when the analysis changes, to invalidate cached results


def story_space(story: Story) -> SentenceSpace:
    """The similarity space of one story: IDF over every sentence of every article."""
    return SentenceSpace(s.text for a in story.articles for s in a.sentences)


def analyze(story: Story) -> StoryAnalysis:
    """Align every pair of articles, fill the claim matrix, trace reuse and lineage."""
    space = story_space(story)
    pairs = align_story(story.articles, space)
    reuse = story_reuse(story, pairs)
    lineage = infer_lineage(story, reuse)
    base, why = default_base(story, reuse, lineage)
    return StoryAnalysis(
        story=story,
        pairs=pairs,
        claims=claim_matrix(story, space),
        reuse=reuse,
        lineage=lineage,
        synopsis=build_synopsis(story, pairs, base, why),
    )


def cache_key(story: Story) -> str:
    """A hash of everything `analyze` reads; equal keys give equal analyses."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    digest.update(pickle.dumps(story, protocol=4))
    return digest.hexdigest()
