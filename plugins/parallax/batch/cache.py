"""The analysis cache on disk: one validated JSON file per analysed story.

`analyze(story)` is pure, so its result can be kept by a hash of what it reads: the story
itself and the analysis version (the code that computes it, the shipped model and weights, and
the versions of the libraries it calls). `mkdocs build`, `mkdocs serve` and the `parallax`
command share one folder (default `.cache/parallax/`), so only a story whose inputs changed is
analysed again, and CI can carry the folder between runs.

Why JSON validated against the data model, not pickle: a cache travels (CI restores it from
a store other runs wrote), and unpickling runs whatever code the bytes name. A keyed checksum
would only move the problem to where the key is kept, and in CI the key would travel with the
cache. Decoding typed JSON with msgspec builds nothing but our frozen dataclasses and checks
every field's type and every enum value, so a corrupt, foreign or hostile entry can at worst be
refused. It costs about 6 ms per story to read back, against about a second to analyse one.

An entry is two lines: a header (format, schema, key, analysis version, the body's length and
SHA-256) and the body (the `StoryAnalysis`). Anything that does not check out, from a
truncated file to an entry claiming another story, is reported through `warn` and treated as a
miss; the next write replaces it. Entries are written to a temporary file and renamed into
place, so a reader never sees half an entry and a killed build leaves at worst a temporary file
that `clear` removes. Deleting the folder at any time is safe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import importlib.metadata
import os
import shutil
import sys
import tempfile
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from ..model import Reason, Story, StoryAnalysis

DEFAULT_DIR = Path(".cache") / "parallax"
FORMAT = "parallax-analysis-cache"
SCHEMA = 1  # bump when the entry layout (not the analysis) changes
SUFFIX = ".json"
_ENTRIES = "analyses"
_TEMP_PREFIX = ".tmp-"
_PACKAGE = Path(__file__).resolve().parents[1]  # the parallax package
# Parts of the package that only present an analysis or drive a build: changing them cannot
# change what `analyze` returns, so they stay out of the analysis version (and editing a
# template does not throw the cache away). Everything else in the package counts, including
# any module added later, so forgetting this list can only cost a re-analysis, never a stale hit.
_NOT_ANALYSIS = frozenset({
    "render", "export", "templates", "assets", "ingest", "batch", "plugin.py", "cli.py",
    "cache_cli.py", "config.py", "atomic_site.py", "terminal.py", "site_files.py",
    "mkdocs_yml.py", "py.typed", "__pycache__",
})
# Libraries whose behaviour the analysis depends on: a new release may split or score text
# differently, so it starts a new analysis version.
_LIBRARIES = ("numpy", "pysbd", "snowballstemmer", "regex", "rapidfuzz", "cydifflib", "countryinfo",
              "msgspec")

Warn = Callable[[str], None]


class _Header(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    schema: int
    key: str
    version: str
    story: str
    length: int
    sha256: str


@dataclass(frozen=True)
class CacheInfo:
    """What `parallax cache info` prints."""

    folder: Path
    entries: int
    current: int  # entries written by this analysis version
    bytes: int
    version: str


def analysis_files(package: Path = _PACKAGE) -> list[Path]:
    """The package files the analysis version is a hash of (code, model, weights), sorted."""
    files = []
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if path.is_file() and not _NOT_ANALYSIS.intersection(relative.parts) \
                and path.suffix not in (".pyc", ".pyo"):
            files.append(path)
    return files


@functools.cache
def analysis_version() -> str:
    """A hash of everything but the story that decides what `analyze` returns."""
    return version_of(_PACKAGE)


def version_of(package: Path) -> str:
    """The analysis version of the package folder `package` (uncached)."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}\n".encode())
    for library in _LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{library} {importlib.metadata.version(library)}\n".encode())
    for path in analysis_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def story_key(story: Story, version: str | None = None) -> str:
    """The cache key of one story: a hash of its inputs (every field `load` read, as canonical
    JSON) and of the analysis version."""
    digest = hashlib.sha256((version or analysis_version()).encode() + b"\0")
    digest.update(msgspec.json.encode(story))
    return digest.hexdigest()


class AnalysisCache:
    """Analyses on disk under `folder`, by `story_key`. Safe to share between processes."""

    def __init__(self, folder: Path | str, *, version: str | None = None,
                 warn: Warn | None = None) -> None:
        self.folder = Path(folder)
        self.version = version or analysis_version()
        self._warn = warn or (lambda message: None)
        self._decoder = msgspec.json.Decoder(StoryAnalysis)
        self._unwritable = False  # said once per build, not once per story

    @property
    def _entries(self) -> Path:
        return self.folder / _ENTRIES

    def key(self, story: Story) -> str:
        return story_key(story, self.version)

    def path(self, key: str) -> Path:
        return self._entries / f"{key}{SUFFIX}"

    def get(self, story: Story, key: str | None = None) -> StoryAnalysis | None:
        """The cached analysis of `story`, or None (a miss, or an entry that did not check out,
        reported through `warn`)."""
        key = key or self.key(story)
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            self._warn(f"cache entry {path} unreadable ({error.strerror or error}); "
                       f"analysing story {story.id!r} again")
            return None
        try:
            return self._decode(raw, key, story)
        except (ValueError, TypeError, msgspec.DecodeError, msgspec.ValidationError) as error:
            self._warn(f"cache entry {path} ignored ({_short(error)}); analysing story "
                       f"{story.id!r} again — `parallax cache clear` empties the cache")
            return None

    def _decode(self, raw: bytes, key: str, story: Story) -> StoryAnalysis:
        head, _, body = raw.partition(b"\n")
        header = msgspec.json.decode(head, type=_Header)
        if (header.format, header.schema) != (FORMAT, SCHEMA):
            raise ValueError(f"format {header.format!r} {header.schema}, not {FORMAT!r} {SCHEMA}")
        if header.key != key or header.version != self.version or header.story != story.id:
            raise ValueError("written for another story or analysis version")
        if header.length != len(body) or header.sha256 != hashlib.sha256(body).hexdigest():
            raise ValueError("checksum does not match: the file is damaged")
        analysis: StoryAnalysis = self._decoder.decode(body)
        _restore_reason_tuples(analysis)
        if analysis.story.id != story.id or \
                [a.id for a in analysis.story.articles] != [a.id for a in story.articles]:
            raise ValueError("the analysis inside is of another story")
        return analysis

    def put(self, story: Story, analysis: StoryAnalysis, key: str | None = None) -> None:
        """Write the entry atomically; a cache that cannot be written is reported, not fatal."""
        key = key or self.key(story)
        body = msgspec.json.encode(analysis)
        header = msgspec.json.encode(_Header(
            format=FORMAT, schema=SCHEMA, key=key, version=self.version, story=story.id,
            length=len(body), sha256=hashlib.sha256(body).hexdigest()))
        try:
            self._write(self.path(key), header + b"\n" + body)
        except OSError as error:
            if not self._unwritable:
                self._warn(f"cannot write the analysis cache in {self.folder} "
                           f"({error.strerror or error}); the build goes on without it")
            self._unwritable = True

    def _write(self, target: Path, content: bytes) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            # The standard tag (bford.info/cachedir) keeps backup tools out of the folder.
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# The analysis cache of Parallax; safe to delete.\n", encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            # Atomic: a reader sees the old entry or the new one, never half of one.
            Path(temporary).replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise

    def _files(self) -> list[Path]:
        return sorted(self._entries.glob(f"*{SUFFIX}")) if self._entries.is_dir() else []

    def info(self) -> CacheInfo:
        files = self._files()
        current = sum(1 for f in files if self._entry_version(f) == self.version)
        size = sum(f.stat().st_size for f in self._entries.iterdir()) \
            if self._entries.is_dir() else 0
        return CacheInfo(self.folder, len(files), current, size, self.version)

    @staticmethod
    def _entry_version(path: Path) -> str | None:
        try:
            with path.open("rb") as handle:
                return msgspec.json.decode(handle.readline(), type=_Header).version
        except (OSError, ValueError, msgspec.DecodeError):
            return None

    def clear(self) -> int:
        """Remove every entry (and leftover temporary files); return how many entries."""
        count = len(self._files())
        shutil.rmtree(self._entries, ignore_errors=True)
        return count

    def prune(self, keep: Iterable[str]) -> int:
        """Remove entries whose key is not in `keep` (e.g. the current stories' keys), and any
        leftover temporary files; return how many entries went."""
        kept = {f"{key}{SUFFIX}" for key in keep}
        removed = 0
        if not self._entries.is_dir():
            return 0
        for path in sorted(self._entries.iterdir()):
            if path.name in kept:
                continue
            removed += path.suffix == SUFFIX
            with contextlib.suppress(OSError):
                path.unlink()
        return removed


def _short(error: Exception, width: int = 160) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= width else text[: width - 1] + "…"


# A `Reason`'s values are typed `Any`: strings, numbers, tuples, and also other model objects (a
# nested Reason, a FactConflict). JSON gives tuples back as lists and objects as dicts, so after
# the typed decode they are restored: a list becomes a tuple again, and a dict becomes the one
# model dataclass whose fields are exactly its keys (decoded and validated by msgspec like the
# rest); a dict that matches none refuses the entry. Only the fields whose type can hold a
# Reason are walked, so this costs little beside the decode itself.
def _restore_reason_tuples(value: object) -> None:
    if isinstance(value, Reason):
        object.__setattr__(value, "values",
                           tuple((k, _from_json_value(v)) for k, v in value.values))
    elif dataclasses.is_dataclass(value):
        for name in _fields_with_reasons(type(value)):  # type: ignore[arg-type]
            _restore_reason_tuples(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            if isinstance(item, tuple | list) or dataclasses.is_dataclass(item):
                _restore_reason_tuples(item)


def _from_json_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_from_json_value(v) for v in value)
    if isinstance(value, dict):
        cls = _model_classes().get(frozenset(value))
        if cls is None:
            raise ValueError(f"a reason holds an unknown object (keys {sorted(value)[:5]})")
        decoded: object = msgspec.convert(value, type=cls)
        _restore_reason_tuples(decoded)
        return decoded
    return value


@functools.cache
def _model_classes() -> dict[frozenset[str], type]:
    """Every dataclass of the data model, by its set of field names (unique: a test checks)."""
    from .. import model

    found: dict[frozenset[str], type] = {}
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            found[frozenset(f.name for f in dataclasses.fields(cls))] = cls
    return found


@functools.cache
def _fields_with_reasons(cls: type) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if _holds_reason(hints[f.name], set()))


def _holds_reason(hint: Any, seen: set[type]) -> bool:
    if hint is Reason:
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return False
    if origin in (tuple, list, dict, typing.Union, types.UnionType):
        return any(_holds_reason(arg, seen) for arg in typing.get_args(hint) if arg is not ...)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint not in seen:
        seen.add(hint)
        return any(_holds_reason(h, seen) for h in typing.get_type_hints(hint).values())
    return False
