"""Real `mkdocs build` runs: the default corpus, the plugin config, and bad data."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config.base import load_config

from parallax.config import ParallaxConfig

from .conftest import DATA, ROOT, SEED_STORY, make_project, mkdocs_build

STORY_DIR = f"stories/{SEED_STORY}"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_home_lists_the_story_with_outlet_count_and_date(built_site: Path) -> None:
    html = read(built_site, "index.html")
    assert f'href="{STORY_DIR}/"' in html
    assert "Russia dismisses &#34;fake reports&#34; of a steel-mill deal with Pakistan" in html
    row = html[html.index(f'href="{STORY_DIR}/"'):]
    row = row[: row.index("</tr>")]
    assert "2025-05-30" in row and ">5</span>" in row


def test_story_page_has_coverage_similarity_links_and_download(built_site: Path) -> None:
    html = read(built_site, f"{STORY_DIR}/index.html")
    coverage = html[html.index('class="px-coverage"'):]
    coverage = coverage[: coverage.index("</table>")]
    assert coverage.count("<tr>") == 6  # header + 5 articles
    for name in ("Sakshi Post", "The EurAsian Times", "Unattributed outlet (seed 004)"):
        assert name in coverage
    heatmap = html[html.index('class="px-heatmap"'):]
    heatmap = heatmap[: heatmap.index("</table>")]
    assert len(re.findall(r"<td class=\"px-heat px-heat-\d\"", heatmap)) == 20  # 5x5 minus diagonal
    assert 'href="claims/"' in html
    # Every pair is linked: to its page where it has one, else to the picker on this page.
    paged = set(re.findall(r'href="compare/([a-z0-9-]+)/"', html))
    picked = {tuple(sorted(pair)) for pair in re.findall(
        r'href="\./\?a=([a-z0-9-]+)&amp;b=([a-z0-9-]+)#compare-any-two"', html)}
    assert paged == {p.name for p in (built_site / STORY_DIR / "compare").iterdir()}
    assert len(paged) + len(picked) == 10 and len(picked) >= 1
    assert f'href="../../export/{SEED_STORY}.json"' in html
    assert f'href="../../export/{SEED_STORY}-claims.csv"' in html


def test_every_article_page_anchors_every_sentence(built_site: Path) -> None:
    export = json.loads(read(built_site, f"export/{SEED_STORY}.json"))
    for article in export["articles"]:
        html = read(built_site, f"{STORY_DIR}/{article['id']}/index.html")
        anchors = re.findall(r'<span class="px-s" id="(s\d+)">', html)
        assert anchors == [s["id"] for s in article["sentences"]]
        # links to its diffs with every other article: a page, or the story page's picker
        pages = re.findall(r'href="\.\./compare/[a-z0-9-]+/"', html)
        picker = re.findall(r'href="\.\./\?a=[a-z0-9-]+&amp;b=[a-z0-9-]+#compare-any-two"', html)
        assert len(pages) >= 1 and len(pages) + len(picker) == 4


def test_article_note_is_shown_on_its_page(built_site: Path) -> None:
    page = read(built_site, f"{STORY_DIR}/eurasian-times/index.html")
    assert '<th scope="row">Note</th><td>Undated. Older, related piece' in page


def test_compare_pages_exist_for_each_articles_nearest_with_two_columns(
    built_site: Path,
) -> None:
    pages = sorted(p.parent.name for p in (built_site / STORY_DIR / "compare").glob("*/index.html"))
    # Each of the 5 articles keeps its 2 nearest: 7 distinct pairs of the 10 here.
    assert len(pages) == 7 and "sakshi-post-unattributed-000" in pages
    html = read(built_site, f"{STORY_DIR}/compare/sakshi-post-unattributed-000/index.html")
    assert "<th scope=\"col\">A: Sakshi Post</th>" in html
    assert "<th scope=\"col\">B: Unattributed outlet (seed 000)</th>" in html
    assert "<del>" in html and "<ins>" in html
    assert ">changed<" in html and ">only in B<" in html


def test_claim_matrix_cells_link_to_evidence_sentences(built_site: Path) -> None:
    html = read(built_site, f"{STORY_DIR}/claims/index.html")
    links = re.findall(r'class="px-evidence" href="\.\./([a-z0-9-]+)/#(s\d+)"', html)
    assert links, "the matrix links to evidence"
    export = json.loads(read(built_site, f"export/{SEED_STORY}.json"))
    sentences = {a["id"]: {s["id"] for s in a["sentences"]} for a in export["articles"]}
    for article, sentence in links:
        assert sentence in sentences[article]


def test_no_page_repeats_a_sentence(built_site: Path) -> None:
    """Issue 12: pages carry no repeated payload. Each article sentence's text appears at most
    once on any page (the claims page once quoted every evidence sentence a second time, in the
    title of its link). The list of boilerplate dropped at import is not article text."""
    export = json.loads(read(built_site, f"export/{SEED_STORY}.json"))
    sentences = {s["text"] for a in export["articles"] for s in a["sentences"]
                 if len(s["text"]) >= 40}
    pages = sorted((built_site / STORY_DIR).rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        text = html.unescape(re.sub(r'<details class="px-removed">.*?</details>', "",
                                    page.read_text(encoding="utf-8"), flags=re.S))
        repeated = [s[:60] for s in sentences if text.count(s) > 1]
        assert not repeated, f"{page.relative_to(built_site)} repeats {repeated}"
    claims = read(built_site, f"{STORY_DIR}/claims/index.html")
    assert claims.count('class="px-evidence"') > 20  # the evidence links are all still there


def test_search_index_holds_article_text(built_site: Path) -> None:
    index = json.loads(read(built_site, "search/search_index.json"))
    hits = [d["location"] for d in index["docs"] if "Nazaroof" in d["text"]]
    assert any(h.startswith(f"{STORY_DIR}/sakshi-post/") for h in hits)


def test_generated_pages_stay_out_of_the_nav(built_site: Path) -> None:
    nav = read(built_site, f"{STORY_DIR}/compare/sakshi-post-unattributed-000/index.html")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert "compare" not in nav and "Sakshi Post" not in nav


def test_build_is_deterministic(built_site: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    again = project / "site"
    for path in (f"export/{SEED_STORY}.json", f"export/{SEED_STORY}-claims.csv",
                 f"{STORY_DIR}/index.html", f"{STORY_DIR}/claims/index.html",
                 f"{STORY_DIR}/compare/sakshi-post-unattributed-000/index.html"):
        assert read(again, path) == read(built_site, path), path


@pytest.mark.build
def test_bad_data_stops_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    article = project / "data" / "stories" / SEED_STORY / "sakshi-post.md"
    article.write_text(article.read_text(encoding="utf-8").replace("outlet: sakshi-post\n", ""),
                       encoding="utf-8")
    claims = project / "data" / "stories" / SEED_STORY / "claims.yml"
    original_claims = claims.read_bytes()
    result = mkdocs_build(project)
    assert result.returncode == 1
    message = result.stderr
    assert f"data/stories/{SEED_STORY}/sakshi-post.md:1: missing required `outlet`" in message
    assert "add `outlet: …` to the front matter" in message
    assert "Traceback" not in message
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before, "the previous site is left exactly as it was"
    assert claims.read_bytes() == original_claims, "data files are never changed"


def test_default_config_loads_and_validates(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    config = ParallaxConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({})
    failed, warnings = config.validate()
    assert not failed and not warnings
    assert config.enabled is True and config.export is True
    assert config.workers == len(os.sched_getaffinity(0))  # `auto`: every usable core
    assert (config.executor, config.scheduler) == ("local", None)
    assert config.cache is True and config.cache_dir == ".cache/parallax"
    assert Path(config.data_dir) == tmp_path / "data"


def test_repository_mkdocs_yml_loads_the_plugin() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["parallax"]
    assert Path(plugin.config.data_dir) == DATA
    assert config.use_directory_urls


@pytest.mark.build
def test_data_dir_must_exist(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    shutil.rmtree(project / "data")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "data_dir" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.build
def test_impossible_date_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    story_yml = project / "data" / "stories" / SEED_STORY / "story.yml"
    story_yml.write_text(story_yml.read_text(encoding="utf-8").replace(
        "date: 2025-05-30", "date: 2025-02-30"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (f"data/stories/{SEED_STORY}/story.yml:2: date '2025-02-30' is not a real YYYY-MM-DD "
            "date") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_misspelt_outlet_fails_a_strict_build(tmp_path: Path) -> None:
    # A one-article corpus keeps this cheap: strict mode fails only after the whole build.
    data = tmp_path / "tiny"
    story = data / "stories" / "tiny-story"
    story.mkdir(parents=True)
    (data / "outlets.yml").write_text("sakshi-post:\n  name: Sakshi Post\n", encoding="utf-8")
    (story / "a.md").write_text("---\noutlet: sakshi-psot\ntitle: T\n---\n\nOne sentence here.\n",
                                encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", data)
    result = mkdocs_build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "in strict mode" in output, "the whole build ran; the warning aborted it"
    assert "Traceback" not in output
    assert ("data/stories/tiny-story/a.md:2: outlet 'sakshi-psot' is not in outlets.yml: did you "
            "mean sakshi-post?") in result.stderr
