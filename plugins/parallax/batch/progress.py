"""Progress of a long run in words: how many are done, the time so far, an estimate of the rest."""

from __future__ import annotations

import time
from collections.abc import Callable

# A run shorter than this says nothing about time left: the first stories are not a rate yet.
ESTIMATE_AFTER_S = 5.0


class Progress:
    """Counts finished items and reports through `say` at most every `every_s` seconds (and
    always for the last item, and for every item of a short list)."""

    def __init__(self, total: int, say: Callable[[str], None], *, every_s: float = 2.0,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.total = total
        self.done = 0
        self._say = say
        self._every = every_s
        self._clock = clock
        self._started = clock()
        self._last = -every_s

    def advance(self, label: str) -> None:
        """One more item finished (`label` says which)."""
        self.done += 1
        now = self._clock()
        elapsed = now - self._started
        if self.total > 10 and self.done < self.total and now - self._last < self._every:
            return
        self._last = now
        self._say(f"[{self.done}/{self.total}] {label} ({elapsed:.1f} s{self._left(elapsed)})")

    def _left(self, elapsed: float) -> str:
        """", about 40 s left" once the run is long enough to estimate, else nothing."""
        remaining = self.total - self.done
        if remaining <= 0 or elapsed < ESTIMATE_AFTER_S:
            return ""
        seconds = elapsed / self.done * remaining
        return f", about {_duration(seconds)} left"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = seconds / 60
    return f"{minutes:.0f} min" if minutes < 90 else f"{minutes / 60:.1f} h"
