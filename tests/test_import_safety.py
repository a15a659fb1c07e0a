"""`parallax import` never writes what the build would refuse, and never harms the terminal.

One test per fault of issue 8, section 4: each failed on the importer before the fix.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli

from .conftest import DATA, ROOT

RAW = DATA / "raw"
PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED = next(RAW.glob("001_*.txt"))


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def import_seed(data: Path, *extra: str):  # type: ignore[no-untyped-def]
    return invoke("import", str(SEED), "--story", "s", "--data-dir", str(data), *extra)


def check(data: Path):  # type: ignore[no-untyped-def]
    return invoke("check", str(data))


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    """The error a user sees: exit 1, no traceback, no 'this is a bug'."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "this is a bug" not in result.output
    return str(result.output)


# ------------------------------------------------------------------- same checks as `check`


@pytest.mark.parametrize(("args", "expected"), [
    (["--outlet", "index"], "gives the article id 'index', which a story page uses"),
    (["--outlet", "x", "--id", "claims"], "--id claims gives the article id 'claims'"),
    (["--outlet", ""], "--outlet is empty"),
    (["--outlet", "   "], "--outlet is empty"),
    (["--outlet", "x", "--set", "date=2025-02-30"], "date '2025-02-30' is not a real YYYY-MM-DD"),
    (["--outlet", "x", "--set", "url=javascript:alert(1)"],
     "url 'javascript:alert(1)' is not an http(s) link"),
    (["--outlet", "x", "--set", "removed=nothing"], "the import writes `removed` itself"),
    (["--outlet", "x", "--set", "outlet=dawn"], "the import writes `outlet` itself — use --outlet"),
])
def test_import_refuses_what_check_would_refuse(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    data = tmp_path / "data"
    output = one_line_error(import_seed(data, *args))
    assert expected in output
    assert not (data / "stories").exists() or not any((data / "stories").rglob("*.md"))


def test_set_values_that_check_accepts_are_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = import_seed(data, "--outlet", "x", "--set", "date=2025-05-30",
                         "--set", "url=https://example.org/a")
    assert result.exit_code == 0, result.output
    assert check(data).exit_code == 0


@pytest.mark.parametrize("flag", ["--story", "--outlet"])
def test_overlong_names_are_a_one_line_error(tmp_path: Path, flag: str) -> None:
    data = tmp_path / "data"
    args = {"--story": "s", "--outlet": "x"}
    args[flag] = "a" * 300
    result = invoke("import", str(SEED), "--story", args["--story"], "--outlet", args["--outlet"],
                    "--data-dir", str(data))
    output = one_line_error(result)
    assert "300 characters long" in output and "shorter" in output
    assert len(output.strip().splitlines()) == 1
    assert not data.exists()


def test_two_outlets_with_one_file_name_get_id_advice_never_force(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert import_seed(data, "--outlet", "Daily Star (Bangladesh)").exit_code == 0
    target = data / "stories" / "s" / "daily-star-bangladesh.md"
    before = target.read_bytes()
    for extra in ([], ["--force"]):  # --force must not overwrite another outlet's article
        output = one_line_error(import_seed(data, "--outlet", "Daily Star: Bangladesh", *extra))
        assert "pass --id daily-star-bangladesh-2" in output
        assert "--force" not in output
        assert target.read_bytes() == before
    assert import_seed(data, "--outlet", "Daily Star: Bangladesh",
                       "--id", "daily-star-bangladesh-2").exit_code == 0
    # the same outlet again: replacing is what --force is for
    again = one_line_error(import_seed(data, "--outlet", "Daily Star (Bangladesh)"))
    assert "already exists — pass --force to replace it" in again


# ------------------------------------------------------------------- article text and dates


@pytest.mark.slow
def test_menu_and_footer_page_is_refused_not_imported_as_home(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = invoke("import", str(PAGES / "menu-and-footer.html"), "--story", "s",
                    "--outlet", "x", "--data-dir", str(data))
    output = one_line_error(result)
    assert "no article text" in output and "menu or a footer" in output
    assert not data.exists()


def test_no_date_is_invented_from_a_copyright_year(tmp_path: Path) -> None:
    html = (PAGES / "junk-byline.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2022-04-22">', "")
    html = html.replace("</article>", "</article><footer>© 2019 Example Ferries Ltd</footer>")
    page = tmp_path / "undated.html"
    page.write_text(html, encoding="utf-8")
    data = tmp_path / "data"
    result = invoke("import", str(page), "--story", "s", "--outlet", "x", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    text = (data / "stories" / "s" / "x.md").read_text(encoding="utf-8")
    assert "date:" not in text.split("---")[1]


@pytest.mark.slow
@pytest.mark.parametrize("depth", [600, 3000])  # beyond libxml2's limit, then beyond "huge"
def test_deeply_nested_article_imports(tmp_path: Path, depth: int) -> None:
    paragraph = ("<p>The council voted on Tuesday to approve the new budget for the city's "
                 "schools, officials said, after a debate that lasted most of the evening.</p>")
    body = "<div>" * depth + "<article><h1>Council approves schools budget</h1>" + \
        paragraph * 4 + "</article>" + "</div>" * depth
    page = tmp_path / "nested.html"
    page.write_text(f"<html><head><title>Council approves schools budget</title></head>"
                    f"<body>{body}</body></html>", encoding="utf-8")
    data = tmp_path / "data"
    result = invoke("import", str(page), "--story", "s", "--outlet", "x", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    text = (data / "stories" / "s" / "x.md").read_text(encoding="utf-8")
    assert "The council voted on Tuesday" in text


# ------------------------------------------------------------------- files on disk


_INTERRUPTED_IMPORT = """
import os, signal, sys
from parallax.cli import main
real_fdopen = os.fdopen
def fdopen(fd, *args, **kwargs):
    handle = real_fdopen(fd, *args, **kwargs)
    real_write = handle.write
    def write(text):
        real_write(text[: len(text) // 2])
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` does, halfway through the write
        return real_write(text[len(text) // 2:])
    handle.write = write
    return handle
os.fdopen = fdopen
sys.argv = ["parallax", "import", sys.argv[1], "--story", "s", "--outlet", "x",
            "--data-dir", sys.argv[2]]
main()
"""


def test_interrupted_import_leaves_no_temporary_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = subprocess.run([sys.executable, "-c", _INTERRUPTED_IMPORT, str(SEED), str(data)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 128 + signal.SIGTERM, run.stderr
    assert "interrupted (SIGTERM); nothing written" in run.stderr
    folder = data / "stories" / "s"
    assert list(folder.iterdir()) == [], "neither the article nor a temporary file"


def test_stale_temporary_files_are_ignored_and_cleared(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = data / "stories" / "s"
    folder.mkdir(parents=True)
    stale = folder / ".x.md.k3j9x_2a.tmp"  # what `kill -9` during an import leaves
    stale.write_text("---\noutlet: x\n", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    # a folder holding only the leftover is no story yet: check passes
    assert "OK" in check(data).output
    assert import_seed(data, "--outlet", "x").exit_code == 0
    assert not stale.exists()
    assert [p.name for p in folder.iterdir()] == ["x.md"]


def test_imported_file_has_the_permissions_of_other_data_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    previous = os.umask(0o022)
    try:
        (tmp_path / "other.md").write_text("x", encoding="utf-8")  # any file the user makes
        assert import_seed(data, "--outlet", "x").exit_code == 0
    finally:
        os.umask(previous)
    mode = stat.S_IMODE((data / "stories" / "s" / "x.md").stat().st_mode)
    assert mode == stat.S_IMODE((tmp_path / "other.md").stat().st_mode) == 0o644


# ------------------------------------------------------------------- control characters


def test_terminal_output_escapes_control_characters(tmp_path: Path) -> None:
    source = tmp_path / "crafted.txt"
    source.write_text("Council approves budget\n\nAdvertisement\x1b]0;pwned\x07\x1b[2J\n\n"
                      "The council approved the budget on Tuesday after a long debate in the "
                      "chamber, officials said.\n\nComments\r\x1b[1A\x1b[2K\n", encoding="utf-8")
    data = tmp_path / "d\x1b[31mred"
    result = invoke("import", str(source), "--story", "s", "--outlet", "x",
                    "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\r" not in result.output
    assert "\\x1b[31mred" in result.output  # the folder name, escaped
    assert "\\x1b]0;pwned\\x07" in result.output  # the removed line, escaped


def test_nul_and_control_characters_are_stripped_on_import(tmp_path: Path) -> None:
    source = tmp_path / "nul.txt"
    source.write_text("Council approves\x00 budget\n\nThe council\x00 approved the budget on "
                      "Tuesday\x1b[8m after a long debate, officials said.\n", encoding="utf-8")
    data = tmp_path / "data"
    assert invoke("import", str(source), "--story", "s", "--outlet", "x",
                  "--data-dir", str(data)).exit_code == 0
    text = (data / "stories" / "s" / "x.md").read_text(encoding="utf-8")
    assert "\x00" not in text and "\x1b" not in text
    assert "The council approved the budget on Tuesday[8m after" in text
    assert "rule: control characters" in text
    assert check(data).exit_code == 0


def test_check_rejects_control_characters_with_the_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert import_seed(data, "--outlet", "x").exit_code == 0
    article = data / "stories" / "s" / "x.md"
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[12] = lines[12] + "\x00"
    article.write_text("\n".join(lines), encoding="utf-8")
    result = check(data)
    assert result.exit_code == 1
    assert "x.md:13: control character U+0000" in result.output
    assert "\x00" not in result.output


def test_what_check_would_warn_about_is_said_at_import(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "outlets.yml").write_text("sakshi-post:\n  name: Sakshi Post\n", encoding="utf-8")
    result = import_seed(data, "--outlet", "sakshi-psot")
    assert result.exit_code == 0, result.output
    assert "outlet 'sakshi-psot' is not in outlets.yml: did you mean sakshi-post?" in result.output
