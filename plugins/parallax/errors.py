"""Typed errors of the core. The plugin and the CLI turn them into one readable message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, what, and how to fix it."""

    path: str
    message: str
    fix: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} — {self.fix}"


class ParallaxError(Exception):
    """Base class of every error the core raises on purpose."""


class DataError(ParallaxError):
    """The data directory holds something Parallax cannot use; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        head = "1 problem in the data" if count == 1 else f"{count} problems in the data"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


class ImportRefused(ParallaxError):
    """`parallax import` will not write the article (exists, unreadable, empty)."""
