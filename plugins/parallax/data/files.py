"""Reading data files: collecting problems, UTF-8 text, YAML with lines, front matter, values.

Shared by `load` (outlets, stories, articles) and `claims_file` (claims.yml).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..terminal import CONTROL_IN_TEXT
from .errors import Problem, excerpt
from .limits import Limits, describe
from .yaml_lines import YamlSyntaxError, load_yaml

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Problems:
    """Gathers problems relative to the data dir so messages show short paths."""

    root: Path
    # The size limits this load enforces (`read_text` refuses larger files unread).
    limits: Limits = field(default_factory=Limits)
    problems: list[Problem] = field(default_factory=list)
    # Likely mistakes that still load (a misspelt outlet slug): shown, but they stop nothing
    # unless the caller is strict (`mkdocs build --strict` fails on logged warnings).
    warnings: list[Problem] = field(default_factory=list)

    def add(self, path: Path, message: str, fix: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.rel(path), message, fix, line))

    def warn(self, path: Path, message: str, fix: str, line: int | None = None) -> None:
        self.warnings.append(Problem(self.rel(path), message, fix, line))

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def read_text(path: Path, problems: Problems) -> str | None:
    """The file as text; None, with the problem recorded, when it is too large or not UTF-8."""
    size = path.stat().st_size
    if size > problems.limits.file_kb * 1024:
        problems.add(path, f"file is {describe(size)}, over the limit of "
                     f"{problems.limits.file_kb} KB per data file",
                     "split it, or raise `limits: {file_kb: …}` of the parallax plugin in "
                     "mkdocs.yml if it really is one article")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
                     "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)", line)
        return None
    # NUL, ESC and the like never belong in text; they would reach pages and terminals.
    control = CONTROL_IN_TEXT.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        problems.add(path, f"control character U+{ord(control.group(0)):04X} on this line",
                     "delete it (`parallax import` removes such characters)", line)
        return None
    return text


def read_yaml(path: Path, problems: Problems) -> Any:
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as error:
        problems.add(path, str(error),
                     error.fix or "fix the YAML syntax (quote values containing ':' or '#')",
                     error.line)
        return None


@dataclass(frozen=True)
class FrontMatter:
    """An article file split at its front matter; lines are 1-based lines of the file."""

    text: str  # the YAML between the two '---' lines
    line: int  # the opening '---' (after any blank lines); the YAML starts on the next line
    body: str
    body_line: int


class FrontMatterError(ValueError):
    """Why a file has no usable front matter, with the fix and the line to show."""

    def __init__(self, message: str, fix: str, line: int) -> None:
        super().__init__(message)
        self.fix = fix
        self.line = line


def split_front_matter(text: str) -> FrontMatter:
    """The front matter and body of an article file, or FrontMatterError saying what is wrong.

    Blank lines before the opening '---' are skipped (an editor or a paste may add them); the
    lines reported stay those of the file.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or lines[start].strip() != "---":
        raise FrontMatterError("no YAML front matter", "start the file with a '---' block "
                               "holding outlet: and title:", 1)
    for index in range(start + 1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return FrontMatter("".join(lines[start + 1:index]), start + 1,
                               "".join(lines[index + 1:]), index + 2)
    raise FrontMatterError("the front matter is not closed", "end it with a line holding only "
                           "'---' between the last key and the article text", start + 1)


def optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def optional_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def date_problem(value: Any) -> str | None:
    """Why `value` is not a usable date, or None when it is one (or absent)."""
    if value is None or optional_date(value) is not None:
        return None
    if isinstance(value, str) and _DATE.match(value.strip()):
        return f"date {excerpt(value)} is not a real YYYY-MM-DD date"  # 2025-02-30, 2025-13-01
    return f"date {excerpt(value)} is not YYYY-MM-DD"


def is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))
