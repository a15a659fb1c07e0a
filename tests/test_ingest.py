"""`parallax import`: reading, boilerplate removal on the real seeds, safe writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.ingest import clean, read_source
from parallax.nlp.text import fold

from .conftest import DATA, ROOT, SEED_STORY

RAW = DATA / "raw"


def cleaned(name: str, title: str | None = None):  # type: ignore[no-untyped-def]
    raw = read_source(next(RAW.glob(f"{name}_*.txt")), has_headline=title is None)
    return raw, clean(raw.paragraphs, title or raw.title)


def rules(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.rule for r in result.removed]


def test_seed_000_drops_nine_ads_read_also_links_and_the_repeated_paragraph() -> None:
    _, result = cleaned("000")
    assert rules(result).count("advertisement") == 9
    assert rules(result).count("read-also link") == 2
    (repeat,) = [r for r in result.removed if r.rule == "repeated paragraph"]
    assert repeat.text.startswith("Recent news reports from Pakistan indicated")
    # the first occurrence stays, exactly once
    kept = [p for p in result.paragraphs if p.startswith("Recent news reports from Pakistan")]
    assert len(kept) == 1
    assert not any(p == "Advertisement" or p.startswith("Read also") for p in result.paragraphs)


def test_seed_001_drops_the_comment_form() -> None:
    _, result = cleaned("001")
    assert [r.text for r in result.removed] == [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]


def test_seed_002_drops_scraped_date_and_syndication_disclaimer() -> None:
    _, result = cleaned("002", title="headline given on the command line")
    assert rules(result) == ["scraped metadata", "syndication disclaimer"]
    assert result.date == "2025-05-30"
    assert result.paragraphs[0].startswith("Moscow, May 30 (IANS) Russia on Friday rubbished")
    assert "Sakshi Post" not in " ".join(result.paragraphs)


def test_seed_004_one_paragraph_per_line_with_byline_dateline_and_footer() -> None:
    raw, result = cleaned("004")
    assert raw.title == ("India suffers another diplomatic blow as Russia strengthens ties "
                         "with Pakistan")
    assert rules(result) == ["byline", "separator", "date line", "read-also link",
                             "comment footer", "comment footer"]
    assert result.author == "Web Desk"
    assert result.date == "2025-05-30"
    assert len(result.paragraphs) == 14


@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_nothing_is_lost_silently(name: str) -> None:
    """Every non-empty raw line is either kept (inside a paragraph) or recorded as removed."""
    raw_path = next(RAW.glob(f"{name}_*.txt"))
    _, result = cleaned(name)
    kept = fold(" ".join(result.paragraphs))
    removed = [fold(r.text) for r in result.removed]
    for line in raw_path.read_text(encoding="utf-8").splitlines()[1:]:
        line = fold(line)
        if line:
            assert line in kept or line in removed, line


def test_clean_text_is_left_alone() -> None:
    _, result = cleaned("003")
    assert result.removed == []
    assert len(result.paragraphs) == 13


@pytest.mark.slow
def test_committed_seed_articles_are_what_the_importer_makes(tmp_path: Path) -> None:
    """The default corpus is produced by `parallax import`, not by hand."""
    env = {**os.environ, "DATA_DIR": str(tmp_path),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["sh", str(RAW / "import-seeds.sh")], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    made = sorted((tmp_path / "stories" / SEED_STORY).glob("*.md"))
    assert [p.name for p in made] == sorted(
        p.name for p in (DATA / "stories" / SEED_STORY).glob("*.md"))
    for path in made:
        committed = DATA / "stories" / SEED_STORY / path.name
        assert path.read_bytes() == committed.read_bytes(), path.name


HTML = """<!doctype html><html><head><title>Site | Pakistan and Russia discuss steel mill</title>
<meta property="og:title" content="Pakistan and Russia discuss steel mill">
<meta name="date" content="2025-05-29"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Pakistan and Russia discuss steel mill</h1>
<p>Islamabad and Moscow on Thursday discussed a proposal to set up a new steel mill in Karachi,
officials said.</p><p>Advertisement</p>
<p>The meeting was held in Islamabad on May 13 between Haroon Akhtar Khan and Denis Nazaroof,
according to a statement.</p>
<p>A joint working group will be formed to take the project forward, the statement added.</p>
<script>alert('x')</script></article>
<footer>Copyright 2025. All rights reserved.</footer></body></html>"""


def test_import_html_extracts_main_text(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(HTML, encoding="utf-8")
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(source), "--story", "s", "--outlet", "dawn",
                                      "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    text = (data / "stories" / "s" / "dawn.md").read_text(encoding="utf-8")
    assert "title: Pakistan and Russia discuss steel mill" in text
    assert "date: '2025-05-29'" in text
    assert "Denis Nazaroof" in text and "joint working group" in text
    for junk in ("Copyright", "alert(", "World"):
        assert junk not in text.split("---", 2)[2], junk
    assert "rule: advertisement" in text and "rule: repeated headline" in text


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = ["import", str(next(RAW.glob("001_*.txt"))), "--story", "s", "--outlet", "x",
            "--data-dir", str(data)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    target = data / "stories" / "s" / "x.md"
    target.write_text("edited by hand\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 1
    assert "already exists — pass --force" in refused.output
    assert target.read_text(encoding="utf-8") == "edited by hand\n"
    forced = CliRunner().invoke(cli, [*args, "--force"])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("---\noutlet: x\n")
    assert [p.name for p in target.parent.iterdir()] == ["x.md"], "no temporary files left"


def test_import_non_utf8_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("Headline\n\nCaf\xe9 text.\n".encode("latin-1"))
    result = CliRunner().invoke(cli, ["import", str(source), "--story", "s", "--outlet", "x",
                                      "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "iconv" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize(
    ("flag", "value", "expected"),
    [
        ("--date", "30/05/2025", "--date: date '30/05/2025' is not YYYY-MM-DD — pass e.g."),
        ("--date", "2025-02-30", "date '2025-02-30' is not a real YYYY-MM-DD date"),
        ("--url", "javascript:alert(1)", "--url 'javascript:alert(1)' is not an http(s) link"),
    ],
)
def test_import_refuses_bad_date_and_url(
    tmp_path: Path, flag: str, value: str, expected: str
) -> None:
    # Caught before writing: the build would refuse the article file anyway.
    result = CliRunner().invoke(cli, ["import", str(next(RAW.glob("001_*.txt"))), "--story", "s",
                                      "--outlet", "x", flag, value,
                                      "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("name", ["scan.pdf", "notes.docx", "article"])
def test_import_refuses_unsupported_file_types(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"%PDF-1.7 binary")
    result = CliRunner().invoke(cli, ["import", str(source), "--story", "s", "--outlet", "x",
                                      "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert f"{source}: unsupported file type" in result.output
    assert "import a .txt, .html, .htm file" in result.output
    assert not (tmp_path / "d").exists()


def test_import_accepts_htm_and_upper_case_suffixes(tmp_path: Path) -> None:
    for name in ("page.htm", "PAGE.HTML"):
        (tmp_path / name).write_text(HTML, encoding="utf-8")
        raw = read_source(tmp_path / name)
        assert raw.title == "Pakistan and Russia discuss steel mill"
