"""Loading and validating data/: the seed corpus loads; each kind of bad input gets one clear
message naming the file, the line where known, and the fix."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.data.errors import DataError
from parallax.data.load import load_data, load_data_with_warnings

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
        "claims.yml:4: claim 'c1': override for 'sakshi-post' has unknown stance 'denies' — "
        "use stance: one of asserts, reports, disputes, omits",
    ),
    (
        "override without a stance",
        lambda d: (d / STORY / "claims.yml").write_text(
            "- id: c1\n  text: T\n  overrides:\n    sakshi-post: {evidence: [s1]}\n",
            encoding="utf-8"),
        "override for 'sakshi-post' needs a stance — use stance: one of asserts,",
    ),
    (
        "impossible date in front matter",
        lambda d: replace_in(d / STORY / "unattributed-004.md", "date: '2025-05-30'",
                             "date: 2025-02-30"),
        "unattributed-004.md:4: date '2025-02-30' is not a real YYYY-MM-DD date — write e.g.",
    ),
    (
        "impossible date in story.yml",
        lambda d: replace_in(d / STORY / "story.yml", "date: 2025-05-30", "date: 2025-13-01"),
        "story.yml:2: date '2025-13-01' is not a real YYYY-MM-DD date — write e.g.",
    ),
    (
        "YAML tag that cannot be read",
        lambda d: replace_in(d / STORY / "sakshi-post.md", "outlet: sakshi-post",
                             "outlet: !!int sakshi"),
        "sakshi-post.md:2: invalid YAML: cannot read 'sakshi' as tag:yaml.org,2002:int",
    ),
    (
        "outlet is a number",
        lambda d: replace_in(d / STORY / "sakshi-post.md", "outlet: sakshi-post", "outlet: 42"),
        "sakshi-post.md:2: `outlet` must be text, not 42 — write `outlet:` as one line of text",
    ),
    (
        "title is a list",
        lambda d: replace_in(d / STORY / "unattributed-004.md",
                             "title: India suffers another diplomatic blow as Russia strengthens "
                             "ties with Pakistan", "title: [a, b]"),
        "unattributed-004.md:3: `title` must be text, not ['a', 'b']",
    ),
    (
        "front matter not closed",
        lambda d: (d / STORY / "unattributed-001.md").write_text(
            "---\noutlet: x\ntitle: T\n\nText without the closing line.\n", encoding="utf-8"),
        "unattributed-001.md:1: the front matter is not closed — end it with a line holding "
        "only '---'",
    ),
    (
        "front matter after blank lines not closed",
        lambda d: (d / STORY / "unattributed-001.md").write_text(
            "\n\n---\noutlet: x\ntitle: T\n\nText without the closing line.\n",
            encoding="utf-8"),
        "unattributed-001.md:3: the front matter is not closed — end it with a line holding "
        "only '---'",
    ),
    (
        "text before the front matter",
        lambda d: (d / STORY / "unattributed-001.md").write_text(
            "Text.\n---\noutlet: x\ntitle: T\n---\n\nMore text.\n", encoding="utf-8"),
        "unattributed-001.md:1: no YAML front matter",
    ),
    (
        "claims as a list of strings",
        lambda d: (d / STORY / "claims.yml").write_text(
            "# claims\n- Russia called the reports fake.\n- c2\n", encoding="utf-8"),
        "claims.yml:3: each claim must be a mapping with id: and text:, not 'c2'",
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


def test_blank_lines_before_the_front_matter_are_skipped_and_lines_stay_right(
    data: Path
) -> None:
    path = data / STORY / "unattributed-004.md"
    before = load_data(data)[0].article("unattributed-004")
    path.write_text("\n  \n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_data(data)[0].article("unattributed-004") == before
    replace_in(path, "date: '2025-05-30'", "date: 30 May 2025")
    replace_in(path, "outlet: unattributed-004\n", "")
    assert sorted(problems(data)) == [
        f"data/{STORY}/unattributed-004.md:3: missing required `outlet` — add `outlet: …` to the "
        "front matter",
        f"data/{STORY}/unattributed-004.md:5: date '30 May 2025' is not YYYY-MM-DD — write e.g. "
        "date: 2025-05-30",
    ]
    path.write_text("\n\n---\noutlet: x\ntitle: T\n---\n\n# T\n", encoding="utf-8")
    (found,) = problems(data)
    assert found.startswith(f"data/{STORY}/unattributed-004.md:7: article body is empty")


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


def test_override_of_a_broken_article_is_not_called_unknown(data: Path) -> None:
    # The article's own problem is the one to fix; "unknown outlet" would send the reader astray.
    replace_in(data / STORY / "sakshi-post.md", "outlet: sakshi-post\n", "")
    (data / STORY / "claims.yml").write_text(
        "- id: c1\n  text: T\n  overrides:\n    sakshi-post: {stance: asserts}\n",
        encoding="utf-8")
    (found,) = problems(data)
    assert "missing required `outlet`" in found


def test_misspelt_outlet_slug_is_a_warning_with_a_suggestion(data: Path) -> None:
    replace_in(data / STORY / "sakshi-post.md", "outlet: sakshi-post", "outlet: sakshi-psot")
    loaded = load_data_with_warnings(data)
    assert [str(w) for w in loaded.warnings] == [
        f"data/{STORY}/sakshi-post.md:2: outlet 'sakshi-psot' is not in outlets.yml: did you "
        "mean sakshi-post? — write `outlet: sakshi-post`, or add 'sakshi-psot' to outlets.yml "
        "if it is another outlet"
    ]
    assert loaded.stories[0].article("sakshi-post").outlet.name == "sakshi-psot"


def test_free_outlet_names_and_the_seed_corpus_give_no_warning(data: Path) -> None:
    assert load_data_with_warnings(data).warnings == []
    replace_in(data / STORY / "sakshi-post.md", "outlet: sakshi-post", "outlet: Dawn")
    assert load_data_with_warnings(data).warnings == []


def test_article_note_is_kept_as_a_field() -> None:
    (story,) = load_data(DATA)
    note = story.article("eurasian-times").note
    assert note is not None and note.startswith("Undated. Older, related piece")
    assert "note" not in dict(story.article("eurasian-times").extra)


def test_check_reports_an_impossible_date_instead_of_crashing(data: Path) -> None:
    replace_in(data / STORY / "sakshi-post.md", "date: '2025-05-30'", "date: 2025-02-30")
    result = CliRunner().invoke(cli, ["check", str(data)])
    assert result.exit_code == 1, result.output
    assert "sakshi-post.md:5: date '2025-02-30' is not a real YYYY-MM-DD date" in result.output
    assert isinstance(result.exception, SystemExit), "a clean exit, not a crash"


def test_check_prints_warnings_and_still_passes(data: Path) -> None:
    replace_in(data / STORY / "sakshi-post.md", "outlet: sakshi-post", "outlet: sakshi-psot")
    result = CliRunner().invoke(cli, ["check", str(data)])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "did you mean sakshi-post?" in result.output
    assert "OK — 1 story, 5 articles" in result.output and "1 warning" in result.output


def _copies_of_the_seed_story(data: Path, count: int) -> list[Path]:
    copies = [data / "stories" / f"copy-{i}" for i in range(count)]
    for copy in copies:
        shutil.copytree(data / STORY, copy)
    return copies


def test_loading_in_processes_gives_the_same_stories_warnings_and_problems(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import parallax.data.load as load

    pools: list[int] = []

    class CountedPool(load.ProcessPoolExecutor):  # a real pool that says it was used
        def __init__(self, workers: int) -> None:
            pools.append(workers)
            super().__init__(workers)

    monkeypatch.setattr(load, "ProcessPoolExecutor", CountedPool)
    copies = _copies_of_the_seed_story(data, 5)
    replace_in(copies[1] / "sakshi-post.md", "outlet: sakshi-post", "outlet: sakshi-psot")
    alone, in_pool = load_data_with_warnings(data), load_data_with_warnings(data, workers=2)
    assert pools == [2]
    assert in_pool == alone and len(in_pool.stories) == 6 and len(in_pool.warnings) == 1

    replace_in(copies[0] / "sakshi-post.md", "outlet: sakshi-post\n", "")
    (copies[3] / "story.yml").write_text("title: [unclosed\n", encoding="utf-8")
    errors = []
    for workers in (1, 2):
        with pytest.raises(DataError) as caught:
            load_data(data, workers=workers)
        errors.append([str(p) for p in caught.value.problems])
    assert errors[0] == errors[1] and len(errors[0]) == 2
    assert "copy-0" in errors[0][0] and "copy-3" in errors[0][1]
