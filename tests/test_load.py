"""Loading and validating data/: the seed corpus loads; each kind of bad input gets one clear
message naming the file, the line where known, and the fix."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from parallax.errors import DataError
from parallax.load import load_data

from .conftest import DATA, SEED_STORY

STORY = Path("stories") / SEED_STORY


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the default corpus."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data(data)
    return [str(p) for p in caught.value.problems]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_default_corpus_loads() -> None:
    (story,) = load_data(DATA)
    assert story.id == SEED_STORY
    assert [a.id for a in story.articles] == [
        "eurasian-times", "sakshi-post", "unattributed-000", "unattributed-001", "unattributed-004"
    ]
    assert story.article("sakshi-post").outlet.name == "Sakshi Post"
    assert story.article("sakshi-post").credit == "IANS"
    assert story.article("eurasian-times").outlet.name == "The EurAsian Times"
    assert story.article("unattributed-000").outlet.name == "Unattributed outlet (seed 000)"
    assert len(story.claims) >= 8
    # unknown front-matter keys are kept, not rejected
    assert dict(story.article("sakshi-post").extra)["imported_from"].startswith("002_")


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "broken YAML",
        lambda d: replace_in(d / STORY / "sakshi-post.md", "outlet: sakshi-post",
                             "outlet: [sakshi-post"),
        "sakshi-post.md:",
    ),
    (
        "missing outlet",
        lambda d: replace_in(d / STORY / "sakshi-post.md", "outlet: sakshi-post\n", ""),
        "missing required `outlet` — add `outlet: …` to the front matter",
    ),
    (
        "missing title",
        lambda d: replace_in(d / STORY / "unattributed-004.md",
                             "title: India suffers another diplomatic blow as Russia strengthens "
                             "ties with Pakistan\n", ""),
        "missing required `title`",
    ),
    (
        "bad date",
        lambda d: replace_in(d / STORY / "unattributed-004.md", "date: '2025-05-30'",
                             "date: 30 May 2025"),
        "unattributed-004.md:4: date '30 May 2025' is not YYYY-MM-DD",
    ),
    (
        "javascript url",
        lambda d: replace_in(d / STORY / "unattributed-004.md", "date: '2025-05-30'",
                             "url: javascript:alert(1)"),
        "is not an http(s) link",
    ),
    (
        "empty body",
        lambda d: (d / STORY / "unattributed-001.md").write_text(
            "---\noutlet: x\ntitle: T\n---\n\n# T\n\n", encoding="utf-8"),
        "unattributed-001.md:5: article body is empty",
    ),
    (
        "no front matter",
        lambda d: (d / STORY / "unattributed-001.md").write_text("Just text.\n", encoding="utf-8"),
        "unattributed-001.md:1: no YAML front matter",
    ),
    (
        "duplicate article id",
        lambda d: shutil.copy(d / STORY / "sakshi-post.md", d / STORY / "Sakshi-Post.md"),
        "Sakshi-Post.md",
    ),
    (
        "unknown outlet in override",
        lambda d: (d / STORY / "claims.yml").write_text(
            "- id: c1\n  text: Russia called the reports fake.\n  overrides:\n"
            "    dawn: {stance: disputes}\n", encoding="utf-8"),
        "claims.yml:4: claim 'c1': override names unknown outlet 'dawn' — use an outlet slug "
        "or article id of this story: eurasian-times, sakshi-post,",
    ),
    (
        "bad stance in override",
        lambda d: (d / STORY / "claims.yml").write_text(
            "- id: c1\n  text: T\n  overrides:\n    sakshi-post: {stance: denies}\n",
            encoding="utf-8"),
        "needs a stance — use stance: one of asserts, reports, disputes, omits",
    ),
    (
        "unknown evidence sentence",
        lambda d: (d / STORY / "claims.yml").write_text(
            "- id: c1\n  text: T\n  overrides:\n    sakshi-post: {stance: asserts, "
            "evidence: [s99]}\n", encoding="utf-8"),
        "sakshi-post has no sentence s99 — use sentence ids s1…s14",
    ),
    (
        "duplicate claim id",
        lambda d: (d / STORY / "claims.yml").write_text(
            "- id: c1\n  text: A\n- id: c1\n  text: B\n", encoding="utf-8"),
        "claims.yml:3: duplicate claim id 'c1'",
    ),
    (
        "story without articles",
        lambda d: (d / "stories" / "empty-story").mkdir(),
        "empty-story: story folder has no articles",
    ),
    (
        "bad outlet kind",
        lambda d: replace_in(d / "outlets.yml", "kind: wire", "kind: agency"),
        "outlets.yml:13: outlet 'ians' has unknown kind 'agency' — use one of wire, state, private",
    ),
    (
        "reserved article id",
        lambda d: shutil.copy(d / STORY / "sakshi-post.md", d / STORY / "claims.md"),
        "article id 'claims' is reserved",
    ),
]


@pytest.mark.parametrize(("name", "break_it", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_file_line_and_fix(
    data: Path, name: str, break_it: Callable[[Path], None], expected: str
) -> None:
    break_it(data)
    found = problems(data)
    assert any(expected in p for p in found), found
    assert all(" — " in p for p in found), "every problem carries a fix"


def test_non_utf8_file_names_line_and_fix(data: Path) -> None:
    path = data / STORY / "unattributed-001.md"
    raw = path.read_bytes().replace(b"Russia formally", "Russia \xe9formally".encode("latin-1"))
    path.write_bytes(raw)
    (found,) = problems(data)
    assert "unattributed-001.md:" in found
    assert "not UTF-8" in found and "iconv" in found


def test_broken_yaml_reports_the_line(data: Path) -> None:
    replace_in(data / STORY / "story.yml", "date: 2025-05-30", "date: [2025-05-30")
    (found,) = problems(data)
    assert found.startswith(f"data/{STORY}/story.yml:")
    line = int(found.split(":")[1])
    assert line in (2, 3), found


def test_several_problems_are_reported_together(data: Path) -> None:
    replace_in(data / STORY / "sakshi-post.md", "outlet: sakshi-post\n", "")
    (data / "stories" / "empty-story").mkdir()
    assert len(problems(data)) == 2
