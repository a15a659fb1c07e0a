"""analyze(story) -> StoryAnalysis: the one pure function between loading and rendering.

It reads no files and knows nothing of MkDocs, so it can be memoised by `cache_key(story)` and
mapped over stories by a process pool without change.
"""

from __future__ import annotations

import hashlib
import pickle

from .align import align_story
from .claims import claim_matrix, suggested_rows
from .discovery import suggest_claims
from .model import Story, StoryAnalysis
from .similarity import SentenceSpace
from .stance import LexicalScorer, no_conflicts

ANALYSIS_VERSION = "2"  # bump when the analysis changes, to invalidate cached results


def story_space(story: Story) -> SentenceSpace:
    """The similarity space of one story: IDF over every sentence of every article."""
    return SentenceSpace(s.text for a in story.articles for s in a.sentences)


def analyze(story: Story) -> StoryAnalysis:
    """Align every pair of articles, suggest claims and fill the claim matrix."""
    space = story_space(story)
    pairs = align_story(story.articles, space)
    scorer = LexicalScorer(space)
    # facts: the fact-conflict check (a date or figure that differs from the claim's)
    curated = claim_matrix(story, scorer, facts=no_conflicts)
    suggestions = suggest_claims(story, pairs, space, curated)
    return StoryAnalysis(
        story=story,
        pairs=pairs,
        claims=curated + suggested_rows(story, suggestions, scorer, facts=no_conflicts),
        suggestions=suggestions,
    )


def cache_key(story: Story) -> str:
    """A hash of everything `analyze` reads; equal keys give equal analyses."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    digest.update(pickle.dumps(story, protocol=4))
    return digest.hexdigest()
