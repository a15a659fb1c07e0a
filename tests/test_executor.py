"""Executors: the same analyses whatever the number of workers, in process pools and on a Dask
LocalCluster; errors cross the pool intact; progress estimates the time left."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import msgspec
import pytest

from parallax.batch import executor
from parallax.batch.analyse_many import BatchReport, analyse_stories, analyse_story
from parallax.batch.cache import AnalysisCache
from parallax.batch.executor import ExecutorError, ExecutorSettings, resolve_workers, run_each
from parallax.batch.progress import Progress
from parallax.failures import StageFailed
from parallax.model import Story, StoryAnalysis


def small_stories(seed: Story, count: int) -> list[Story]:
    """`count` distinct stories made of the seed's first three articles, cut to a few sentences
    (each different, so no two analyses are the same)."""
    stories = []
    for n in range(count):
        articles = tuple(dataclasses.replace(a, sentences=a.sentences[n: n + 6])
                         for a in seed.articles[:3])
        stories.append(dataclasses.replace(seed, id=f"story-{n}", articles=articles, claims=()))
    return stories


def square(n: int) -> int:
    return n * n


def fail_on_three(n: int) -> int:
    if n == 3:
        raise StageFailed(f"story-{n}", "claim matrix", "ValueError: boom", "x.py:1", "trace")
    return n


def encoded(results: dict[int, StoryAnalysis]) -> list[bytes]:
    return [msgspec.json.encode(results[i]) for i in sorted(results)]


def test_workers_auto_means_the_usable_cores() -> None:
    assert resolve_workers("auto") == len(os.sched_getaffinity(0))
    assert resolve_workers(3) == 3
    for bad in (0, -1, "many", True, 2.5):
        with pytest.raises(ValueError, match="workers"):
            resolve_workers(bad)  # type: ignore[arg-type]


def test_results_come_back_by_index_from_any_executor() -> None:
    items = list(range(7))
    for settings in (ExecutorSettings(workers=1), ExecutorSettings(workers=2)):
        results = dict(run_each(square, items, settings))
        assert results == {i: i * i for i in items}
    assert list(run_each(square, [], ExecutorSettings(workers=2))) == []


def test_an_error_in_a_worker_is_raised_whole() -> None:
    with pytest.raises(StageFailed) as raised:
        dict(run_each(fail_on_three, list(range(6)), ExecutorSettings(workers=2)))
    assert raised.value.story == "story-3" and raised.value.stage == "claim matrix"


@pytest.mark.slow
def test_the_analyses_are_identical_with_one_or_two_workers(seed_story: Story) -> None:
    stories = small_stories(seed_story, 3)
    runs = []
    for workers in (1, 2):
        results = dict(analyse_stories(stories, cache=None, settings=ExecutorSettings(
            workers=workers), say=lambda message: None))
        runs.append(encoded(results))
    assert runs[0] == runs[1]


@pytest.mark.slow
def test_a_batch_answers_unchanged_stories_from_the_cache(
    tmp_path: Path, seed_story: Story
) -> None:
    stories = small_stories(seed_story, 3)
    messages: list[str] = []
    cache = AnalysisCache(tmp_path)
    first = BatchReport()
    cold = dict(analyse_stories(stories, cache=cache, settings=ExecutorSettings(),
                                say=messages.append, report=first))
    assert first.analysed == ["story-0", "story-1", "story-2"] and first.from_cache == 0
    assert messages[0] == "analysing 3 of 3 stories (0 unchanged, from the cache)"
    assert messages[-1].startswith("[3/3] story-2: 3 articles (")

    # One article of one story edited: only that story is analysed again.
    article = stories[1].articles[0]
    stories[1] = dataclasses.replace(stories[1], articles=(
        dataclasses.replace(article, title="A corrected headline"), *stories[1].articles[1:]))
    second = BatchReport()
    warm = dict(analyse_stories(stories, cache=cache, settings=ExecutorSettings(),
                                say=messages.append, report=second))
    assert second.analysed == ["story-1"] and second.from_cache == 2
    assert encoded({0: warm[0], 2: warm[2]}) == encoded({0: cold[0], 2: cold[2]})
    assert warm[1].story.articles[0].title == "A corrected headline"
    assert warm[1] == analyse_story(stories[1])


@pytest.mark.slow
def test_the_dask_executor_on_a_local_cluster(seed_story: Story) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    stories = small_stories(seed_story, 3)
    local = dict(analyse_stories(stories, cache=None, settings=ExecutorSettings(),
                                 say=lambda message: None))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster:
        settings = ExecutorSettings(kind="dask", scheduler=cluster.scheduler_address)
        on_dask = dict(analyse_stories(stories, cache=None, settings=settings,
                                       say=lambda message: None))
        assert encoded(on_dask) == encoded(local)
        with pytest.raises(StageFailed):
            dict(run_each(fail_on_three, list(range(5)), settings))


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    monkeypatch.setattr(executor, "CONNECT_TIMEOUT", "1s")
    settings = ExecutorSettings(kind="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(ExecutorError, match="cannot reach the Dask scheduler"):
        dict(run_each(square, [1, 2], settings))
    nonsense = ExecutorSettings(kind="dask", scheduler="not a scheduler")
    with pytest.raises(ExecutorError, match="cannot reach the Dask scheduler"):
        dict(run_each(square, [1, 2], nonsense))


def test_progress_says_how_many_and_estimates_the_time_left() -> None:
    now = [0.0]
    said: list[str] = []
    progress = Progress(40, said.append, every_s=2.0, clock=lambda: now[0])
    for step in range(40):
        now[0] = (step + 1) * 0.5  # half a second per story
        progress.advance(f"story-{step}")
    # Rate-limited to one line per two seconds, plus the last.
    assert len(said) == 11
    assert said[0] == "[1/40] story-0 (0.5 s)"  # too early to estimate
    assert said[5] == "[21/40] story-20 (10.5 s, about 10 s left)"
    assert said[-1] == "[40/40] story-39 (20.0 s)"
