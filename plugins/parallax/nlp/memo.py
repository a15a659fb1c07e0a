"""Memoised text functions that pay off within one story, forgotten between stories.

The analysis reads the same sentences, clauses and pairs of passages many times over for one
story (claim after claim, pair after pair), and almost never those of another story. A cache
that lived for the whole build would grow with the corpus in every worker (a 250-story build
holds hundreds of thousands of sentences); these are emptied when the next story starts, so a
worker's memory stays flat and the hit rate stays the same. They cache pure functions, so
forgetting changes no result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import TypeVar

T = TypeVar("T")

_CLEARS: list[Callable[[], None]] = []


def per_story(func: Callable[..., T]) -> _lru_cache_wrapper[T]:
    """`functools.cache` for one story at a time (see `forget_story`)."""
    cached = lru_cache(maxsize=None)(func)
    _CLEARS.append(cached.cache_clear)
    return cached


def forget_story() -> None:
    """Empty every per-story cache: the story they were filled for is done."""
    for clear in _CLEARS:
        clear()
