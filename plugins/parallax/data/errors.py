"""Typed errors of the core. The plugin and the CLI turn them into one readable message."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Any

MAX_MESSAGE = 300  # characters of one problem's message or fix; a value is quoted in excerpt


class _Excerpt(reprlib.Repr):
    """`repr` that stays short whatever the value: long strings are cut in the middle, deep or
    long containers (including the loader's dict and list subclasses) are elided."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = 60
        self.maxother = 60
        self.maxlevel = 2
        self.maxlist = self.maxtuple = self.maxset = self.maxdict = 4

    def repr1(self, x: Any, level: int) -> str:
        if isinstance(x, dict):
            return self.repr_dict(x, level)
        if isinstance(x, list):
            return self.repr_list(x, level)
        if isinstance(x, str):
            return self.repr_str(x, level)
        return super().repr1(x, level)


_EXCERPT = _Excerpt()


def excerpt(value: Any) -> str:
    """A short, cut `repr` of a value from the data, safe to put in any message.

    Error messages quote what they complain about; a value can be a 50 MB string or a deep
    structure, and quoting it whole would flood the terminal or exhaust memory.
    """
    return _EXCERPT.repr(value)


def _cap(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, what, and how to fix it."""

    path: str
    message: str
    fix: str
    line: int | None = None

    def __post_init__(self) -> None:
        # The last guard: whatever a caller quoted, one problem stays one readable line.
        object.__setattr__(self, "message", _cap(self.message))
        object.__setattr__(self, "fix", _cap(self.fix))

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
