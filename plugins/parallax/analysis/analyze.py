"""analyze(story) -> StoryAnalysis: the one pure function between loading and rendering.

It reads no files and knows nothing of MkDocs, so it can be cached on disk by a hash of the
story and of the analysis code, and mapped over stories by a process pool or a Dask cluster
without change (the `batch` package does both).
"""

from __future__ import annotations

from ..model import Reason, Story, StoryAnalysis
from ..nlp.memo import forget_story
from ..nlp.samefact import SameFact
from ..nlp.semantic import MeaningSpace
from ..nlp.similarity import SentenceSpace
from .alignment.pairwise import align_story
from .alignment.synopsis import build_synopsis, default_base
from .alignment.word_diff import with_word_diffs
from .claims.discovery import suggest_claims
from .claims.matrix import claim_matrix, suggested_rows
from .claims.stance import StanceReader
from .facts.contradictions import find_contradictions
from .facts.datelines import date_from_datelines
from .facts.discrepancies import find_discrepancies
from .facts.quote_groups import group_quotes
from .facts.quotes import short_phrases, story_quotes
from .facts.sentence_facts import read_story_facts, story_fact_check
from .reuse.lineage import infer_lineage
from .reuse.pair_reuse import story_reuse


def story_space(story: Story) -> SentenceSpace:
    """The similarity space of one story: IDF over every sentence of every article."""
    return SentenceSpace(s.text for a in story.articles for s in a.sentences)


def analyze(story: Story) -> StoryAnalysis:
    """Align every pair of articles; fill the claim matrix; compare quotes and facts; trace
    reuse and lineage; line every outlet up in one synopsis. An undated article with a dated
    dateline is dated by it first, so every reading of its dates counts from that day."""
    forget_story()  # the last story's sentences will not be read again
    story = date_from_datelines(story)
    space = story_space(story)
    meaning = MeaningSpace(s.text for a in story.articles for s in a.sentences)
    decide = SameFact(meaning)
    pairs = with_word_diffs(story, align_story(story.articles, decide, space))
    # Each sentence's facts, read once; the story's names type its facts and quotes alike.
    names, facts = read_story_facts(story)
    # A date or figure that differs from the claim's counts as disputing it; dates are read as
    # the discrepancies page reads them.
    reader = StanceReader(facts=story_fact_check(story, facts), space=meaning)
    curated = claim_matrix(story, reader)
    quotes = story_quotes(story, names)
    suggestions = suggest_claims(story, pairs, space, curated, decide, quotes)
    reuse = story_reuse(story, pairs)
    lineage = infer_lineage(story, reuse)
    if story.synopsis_base is not None:
        base, why = story.synopsis_base, Reason("chosen in story.yml")
    else:
        base, why = default_base(story, reuse, lineage)
    return StoryAnalysis(
        story=story,
        pairs=pairs,
        claims=curated + suggested_rows(story, suggestions, reader),
        suggestions=suggestions,
        facts=facts,
        quotes=quotes,
        quote_groups=group_quotes(story, quotes, pairs, space),
        short_phrases=short_phrases(quotes),
        discrepancies=find_discrepancies(story, facts, pairs, decide),
        contradictions=find_contradictions(story, pairs, decide, quotes),
        reuse=reuse,
        lineage=lineage,
        synopsis=build_synopsis(story, pairs, base, why),
    )
