"""Where the per-story analyses run: in this process, in a local process pool, or on Dask.

Every executor takes one function and a list of items and yields `(index, result)` pairs as
results arrive. The caller puts each result at its index, so the output does not depend on the
number of workers or on which worker finishes first; it can also render and drop each result
as it comes, so a long build does not hold every analysis in memory at once.

`local` runs `workers` processes (`auto`: one per core this process may use); one worker, or
one item, runs in this process with no pool at all. `dask` sends the same function to a Dask
cluster (`scheduler`: its address, e.g. `tcp://10.0.0.5:8786`; none starts a local cluster),
for corpora one machine analyses too slowly. It needs the `dask` extra
(`pip install "parallax-digest[dask]"`) and Parallax of the same analysis version on every
worker, which is checked before any story is sent.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from ..data.errors import ParallaxError

T = TypeVar("T")
R = TypeVar("R")

ExecutorKind = Literal["local", "dask"]
EXECUTORS: tuple[str, ...] = ("local", "dask")


# How long to wait for a Dask scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = "30s"


class ExecutorError(ParallaxError):
    """The executor cannot run as configured (a missing extra, an unreachable scheduler)."""


@dataclass(frozen=True)
class ExecutorSettings:
    """How to run the analyses: `kind`, the number of local `workers`, a Dask `scheduler`."""

    kind: ExecutorKind = "local"
    workers: int = 1
    scheduler: str | None = None


def resolve_workers(workers: int | str) -> int:
    """`auto` → the cores this process may run on; a number ≥ 1 as is."""
    if workers == "auto":
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    if isinstance(workers, int) and not isinstance(workers, bool) and workers >= 1:
        return workers
    raise ValueError(f"workers: {workers!r} is not a number ≥ 1 or `auto`")


def run_each(func: Callable[[T], R], items: Sequence[T],
             settings: ExecutorSettings) -> Iterator[tuple[int, R]]:
    """`func(item)` for every item, yielded as `(index, result)` in the order they finish.

    The first exception `func` raises is raised here (after the pending work is cancelled).
    """
    if not items:
        return
    if settings.kind == "dask":
        yield from _on_dask(func, items, settings)
    elif settings.workers <= 1 or len(items) == 1:
        for index, item in enumerate(items):
            yield index, func(item)
    else:
        yield from _in_processes(func, items, min(settings.workers, len(items)))


def _in_processes(func: Callable[[T], R], items: Sequence[T],
                  workers: int) -> Iterator[tuple[int, R]]:
    with ProcessPoolExecutor(workers) as pool:
        futures = {pool.submit(func, item): index for index, item in enumerate(items)}
        try:
            for future in as_completed(futures):
                # Forgotten once yielded: a finished future holds its result, and this
                # dictionary would otherwise keep every analysis alive to the last one.
                yield futures.pop(future), future.result()
        finally:  # an error, or a caller that stopped early: do not run the rest
            for future in futures:
                future.cancel()


def _on_dask(func: Callable[[T], R], items: Sequence[T],
             settings: ExecutorSettings) -> Iterator[tuple[int, R]]:
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise ExecutorError("executor: dask needs the dask extra — "
                            'pip install "parallax-digest[dask]"') from None
    cluster: Any = None
    if settings.scheduler is None:
        # The scheduler always serves HTTP (health, metrics), by default on port 8787, which
        # another cluster on the machine may hold: any free port instead.
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1,
                               dashboard_address=":0")
    try:
        client = Client(settings.scheduler or cluster, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as error:  # refused, timed out, or not an address at all
        if cluster is not None:
            cluster.close()
        raise ExecutorError(f"executor: cannot reach the Dask scheduler at "
                            f"{settings.scheduler} ({error}) — is it running?") from None
    try:
        _check_versions(client)
        futures = client.map(_one_at_a_time, [func] * len(items), list(items), pure=False,
                             key=[f"parallax-{i}" for i in range(len(items))])
        index = {future.key: i for i, future in enumerate(futures)}
        try:
            for future in dask_completed(futures):
                yield index[future.key], future.result()
                future.release()
        finally:
            client.cancel(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# The analysis is not thread-safe (shared memos, the stemmer), and a Dask worker may run
# several tasks in threads of one process: those take turns. Threads gain nothing on this
# pure-Python work anyway (the GIL); a worker per core (`dask worker --nthreads 1`) does.
_ANALYSING = threading.Lock()


def _one_at_a_time(func: Callable[[T], R], item: T) -> R:
    with _ANALYSING:
        return func(item)


def _check_versions(client: Any) -> None:
    """Refuse workers whose analysis could differ from this process's (another Parallax, other
    model files or libraries): their results would not be the site this build should make."""
    from .cache import analysis_version

    ours = analysis_version()
    theirs = client.run(analysis_version)
    other = sorted(worker for worker, version in theirs.items() if version != ours)
    if other:
        raise ExecutorError(f"executor: Dask worker(s) {', '.join(other)} run another Parallax "
                            "analysis version — install the same parallax-digest there")
