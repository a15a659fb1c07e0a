"""Data a hostile or careless maintainer might write: YAML bombs, duplicate keys, huge values,
file names too long for the file system, files and stories too large. Each gets one clear
error naming the file (and line), fast, before anything is built."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.data import ids
from parallax.data.errors import DataError
from parallax.data.limits import Limits, limits_from_mkdocs_yml
from parallax.data.load import load_data

from .conftest import DATA, SEED_STORY, make_project, mkdocs_build

STORY = Path("stories") / SEED_STORY
ARTICLE = STORY / "sakshi-post.md"

# 700 bytes that expand to 9**9 (387 million) strings: "billion laughs".
LAUGHS = """
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
  j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def problems(data: Path, limits: Limits | None = None) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data(data, limits)
    return [str(p) for p in caught.value.problems]


def insert_after(path: Path, anchor: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert anchor in content
    path.write_text(content.replace(anchor, anchor + text, 1), encoding="utf-8")


def check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`parallax check` in a process of its own, with a generous safety timeout."""
    parallax = Path(sys.executable).parent / "parallax"  # the installed console script
    return subprocess.run([str(parallax), "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


# ------------------------------------------------------------------ YAML


@pytest.mark.parametrize("where", ["article", "story.yml", "claims.yml", "outlets.yml"])
def test_an_alias_bomb_is_refused_at_its_line_in_every_data_file(data: Path, where: str) -> None:
    if where == "article":
        path, anchor = data / ARTICLE, "outlet: sakshi-post\n"
        insert_after(path, anchor, "extra:" + LAUGHS + "\n")
    elif where == "claims.yml":
        path = data / STORY / "claims.yml"
        path.write_text("- id: c1\n  text: T\n  note:" + LAUGHS.replace("\n  ", "\n    ")
                        + "\n", encoding="utf-8")
    else:
        path = data / (STORY / "story.yml" if where == "story.yml" else Path("outlets.yml"))
        path.write_text(path.read_text(encoding="utf-8") + "bomb:" + LAUGHS + "\n",
                        encoding="utf-8")
    (found,) = problems(data)
    rel = str(path.relative_to(data.parent))
    assert found.startswith(rel + ":"), found
    assert "aliases repeat more than 1000 values" in found
    assert "write the values out" in found
    assert len(found) < 400


def test_check_refuses_the_bomb_at_once_instead_of_exhausting_memory(data: Path) -> None:
    insert_after(data / ARTICLE, "outlet: sakshi-post\n", "extra:" + LAUGHS + "\n")
    result = check(str(data))
    assert result.returncode == 1, result.stderr
    assert "aliases repeat more than 1000 values" in result.stderr


def test_a_few_aliases_still_work(data: Path) -> None:
    path = data / STORY / "claims.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "- id: c1\n", "- id: c1\n  note: &same shared note\n", 1), encoding="utf-8")
    load_data(data)


def test_an_alias_inside_its_own_anchor_is_refused(data: Path) -> None:
    path = data / STORY / "story.yml"
    path.write_text(path.read_text(encoding="utf-8") + "loop: &x [1, *x]\n", encoding="utf-8")
    (found,) = problems(data)
    assert "alias *x refers to a value that contains it" in found


@pytest.mark.parametrize(("where", "first", "second"), [
    ("article", "title: First\n", "title: Second\n"),
    ("story.yml", "editor: one\n", "editor: two\n"),
    ("claims.yml", "    sakshi-post: asserts\n", "    sakshi-post: disputes\n"),
])
def test_a_key_written_twice_is_an_error_naming_both_lines(
    data: Path, where: str, first: str, second: str
) -> None:
    if where == "article":
        path = data / ARTICLE
        insert_after(path, "outlet: sakshi-post\n", first + second)
        key = "title"
    elif where == "story.yml":
        path = data / STORY / "story.yml"
        path.write_text(path.read_text(encoding="utf-8") + first + second, encoding="utf-8")
        key = "editor"
    else:
        path = data / STORY / "claims.yml"
        path.write_text("- id: c1\n  text: T\n  overrides:\n" + first + second,
                        encoding="utf-8")
        key = "sakshi-post"
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = (lines.index(first.rstrip("\n")) + 1, lines.index(second.rstrip("\n")) + 1)
    found = problems(data)
    message = f"duplicate key '{key}' (lines {expected[0]} and {expected[1]})"
    assert any(message in p and f":{expected[1]}: " in p for p in found), found


def test_merged_keys_may_be_overridden(data: Path) -> None:
    path = data / "outlets.yml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "base: &base {name: Base, kind: wire}\nderived:\n  <<: *base\n"
                    "  name: Derived\n", encoding="utf-8")
    load_data(data)


@pytest.mark.slow
def test_messages_quote_only_a_short_cut_excerpt_of_a_value(data: Path) -> None:
    huge = "[" + ", ".join(f"word{k}" for k in range(20000)) + "]"
    text = (data / ARTICLE).read_text(encoding="utf-8")
    (data / ARTICLE).write_text(text.replace("title: ", f"title: {huge}\nold_title: ", 1),
                                encoding="utf-8")
    (data / STORY / "claims.yml").write_text(f"- {huge}\n", encoding="utf-8")
    found = problems(data)
    assert len(found) == 2
    assert all(len(p) < 400 for p in found), [len(p) for p in found]
    assert any("`title` must be text, not ['word0', 'word1'" in p for p in found)


# ------------------------------------------------------------------ file names


def test_ids_at_the_limit_keep_every_file_name_within_common_limits() -> None:
    story, a, b = "s" * ids.MAX_ID_LENGTH, "a" * ids.MAX_ID_LENGTH, "b" * ids.MAX_ID_LENGTH
    paths = [ids.story_page(story), ids.article_page(story, a), ids.compare_page(story, a, b),
             ids.story_subpage(story, "discrepancies"), ids.export_json(story),
             ids.export_csv(story)]
    names = [part for path in paths for part in path.split("/")]
    assert max(len(n.encode()) for n in names) <= ids.MAX_FILE_NAME


def test_check_rejects_article_names_too_long_for_the_file_system(data: Path) -> None:
    long_a, long_b = "a" * 60 + "-" + "x" * 69, "b" * 130
    for name in (long_a, long_b):
        shutil.copy(data / ARTICLE, data / STORY / f"{name}.md")
    result = CliRunner().invoke(cli, ["check", str(data)])
    assert result.exit_code == 1
    assert f"{long_a}.md: article file name " in result.output
    assert "is too long: 130 characters of id, over the limit of 64" in result.output
    assert f"rename it to {'a' * 60}.md" in result.output
    assert f"rename it to {'b' * 64}.md" in result.output


def test_check_rejects_a_story_folder_name_too_long(data: Path) -> None:
    (data / STORY).rename(data / "stories" / ("story-" * 20).strip("-"))
    (found,) = problems(data)
    assert "is too long: 119 characters of id, over the limit of 64" in found
    assert found.endswith(f"rename the folder to {'-'.join(['story'] * 10)}")


@pytest.mark.build
def test_the_build_stops_on_long_names_before_touching_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    before = sorted((project / "site").rglob("*"))
    story = project / "data" / STORY
    for name in ("a" * 130, "b" * 130):
        shutil.copy(story / "sakshi-post.md", story / f"{name}.md")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "over the limit of 64" in result.stderr
    assert "Traceback" not in result.stderr and "File name too long" not in result.stderr
    assert sorted((project / "site").rglob("*")) == before


# ------------------------------------------------------------------ size limits


def test_a_file_over_the_size_limit_is_refused_unread(data: Path) -> None:
    path = data / STORY / "huge.md"
    front = "---\noutlet: huge\ntitle: Huge\n---\n\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(front)
        sentence = "The mill was sold again and again to the same buyer. "
        handle.write(sentence * (2 * 1024 * 1024 // len(sentence)))  # 2 MB
    result = check(str(data))
    assert result.returncode == 1
    assert f"{STORY}/huge.md: file is 2.0 MB, over the limit of 1024 KB per data file" \
        in result.stderr
    assert "raise `limits: {file_kb: …}`" in result.stderr


def test_sentence_and_article_limits_name_the_file_and_the_limit(data: Path) -> None:
    found = problems(data, Limits(sentences=10))
    assert any(f"{STORY}/sakshi-post.md:" in p and "sentences, over the limit of 10 per "
               "article" in p for p in found), found
    (found,) = problems(data, Limits(articles=4))
    assert found.startswith(f"data/{STORY}: story has 5 articles, over the limit of 4 per story")


@pytest.mark.build
def test_limits_come_from_mkdocs_yml_for_both_build_and_check(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert limits_from_mkdocs_yml(project / "mkdocs.yml") == Limits()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "data_dir: data", "data_dir: data\n      limits: {articles: 4}"), encoding="utf-8")
    assert limits_from_mkdocs_yml(config) == Limits(articles=4)
    result = check("data", cwd=project)
    assert result.returncode == 1 and "over the limit of 4 per story" in result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 1 and "over the limit of 4 per story" in built.stderr
    config.write_text(config.read_text(encoding="utf-8").replace("{articles: 4}",
                                                                 "{articles: 0}"),
                      encoding="utf-8")
    result = check("data", cwd=project)
    assert "limits.articles must be a whole number of at least 1, not 0" in result.stderr
    built = mkdocs_build(project)
    assert "limits.articles must be a whole number of at least 1, not 0" in built.stderr


def test_the_repository_config_reads_despite_mkdocs_tags(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV [NAME, x]\nplugins:\n  - search\n  - parallax:\n"
                      "      enabled: !ENV [PARALLAX, true]\n      limits:\n"
                      "        sentences: 200\n", encoding="utf-8")
    assert limits_from_mkdocs_yml(config) == Limits(sentences=200)
