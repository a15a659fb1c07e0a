"""Analyse many stories: answered from the cache where their inputs are unchanged, the rest on
the executor, with progress; each result yielded as soon as it is ready.

The caller gets `(index, analysis)` pairs, in no fixed order, and places them by index, so the
site is the same whatever the number of workers. It can render each analysis and let it go,
so a build holds its pages, not every analysis, in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .. import _threads  # noqa: F401  (one BLAS thread per worker, before numpy loads)
from ..analysis.analyze import analyze
from ..failures import guarded
from ..model import Story, StoryAnalysis
from .cache import AnalysisCache
from .executor import ExecutorSettings, run_each
from .progress import Progress


def analyse_story(story: Story) -> StoryAnalysis:
    """`analyze`, with any unexpected exception turned into one `StageFailed` naming the story
    and stage (module level, so a process pool or a Dask worker can run it)."""
    return guarded(story.id, "analysis", analyze, story)


@dataclass
class BatchReport:
    """What one batch did: how many stories were analysed, how many came from the cache."""

    analysed: list[str] = field(default_factory=list)
    from_cache: int = 0
    seconds: float = 0.0


def analyse_stories(
    stories: Sequence[Story],
    *,
    cache: AnalysisCache | None,
    settings: ExecutorSettings,
    say: Callable[[str], None],
    report: BatchReport | None = None,
    analyse: Callable[[Story], StoryAnalysis] = analyse_story,
) -> Iterator[tuple[int, StoryAnalysis]]:
    """Every story's analysis as `(index in stories, analysis)`, cached ones first."""
    report = report if report is not None else BatchReport()
    started = time.perf_counter()
    keys = [cache.key(story) for story in stories] if cache else [""] * len(stories)
    todo: list[int] = []
    for index, (story, key) in enumerate(zip(stories, keys, strict=True)):
        cached = cache.get(story, key) if cache else None
        if cached is None:
            todo.append(index)
            continue
        report.from_cache += 1
        yield index, cached
    if todo:
        say(f"analysing {len(todo)} of {len(stories)} stories "
            f"({report.from_cache} unchanged, from the cache)" if cache else
            f"analysing {len(todo)} {'story' if len(todo) == 1 else 'stories'} (no cache)")
    progress = Progress(len(todo), say)
    for position, analysis in run_each(analyse, [stories[i] for i in todo], settings):
        index = todo[position]
        story = stories[index]
        if cache:
            cache.put(story, analysis, keys[index])
        report.analysed.append(story.id)
        progress.advance(f"{story.id}: {len(story.articles)} articles")
        yield index, analysis
    report.seconds = time.perf_counter() - started
