"""Comparison pages: edits where one text reuses the other, own words for independent accounts."""

from __future__ import annotations

import random
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from parallax.analysis.analyze import analyze
from parallax.data.load import load_data
from parallax.model import StoryAnalysis
from parallax.render import Templates, story_pages
from parallax.render.compare import render_compare
from parallax.render.pair_choice import compared_pairs


def _page(analysis: StoryAnalysis, a: str, b: str) -> str:
    return render_compare(analysis, analysis.pair(a, b), Templates()).body


def _sentence_count(page: str, side: str, sentence_id: str, article: str) -> int:
    return len(re.findall(rf'href="[^"]*{article}/#{sentence_id}"', page))


def _every_sentence_once(analysis: StoryAnalysis, a: str, b: str, page: str) -> None:
    story = analysis.story
    for article in (a, b):
        for sentence in story.article(article).sentences:
            assert _sentence_count(page, "", sentence.id, article) == 1, (article, sentence.id)


def _whole_sentence_marks(page: str) -> list[str]:
    """Cells or list items whose whole text is struck through or underlined."""
    return re.findall(r'<(?:del|ins) class="px-block">', page) + [
        m.group() for m in re.finditer(
            r'<(td|li)[^>]*>(?:<span [^>]*></span>)?(?:<a [^>]*>[^<]*</a> )+'
            r"<(del|ins)>[^<]*</\2></\1>", page)]


def test_independent_accounts_are_not_shown_as_edits(seed_analysis: StoryAnalysis) -> None:
    for a, b in (("unattributed-000", "unattributed-001"), ("eurasian-times", "unattributed-004")):
        reuse = next(r for r in seed_analysis.reuse if (r.a, r.b) == (a, b))
        assert reuse.label in ("independent", "shares quotes only")
        page = _page(seed_analysis, a, b)
        assert "Independent accounts." in page and "neither is shown as an edit" in page
        assert '<h2 id="same-fact-own-words">Same fact, own words' in page
        assert '<h2 id="only-in-a-' in page and '<h2 id="only-in-b-' in page
        assert not _whole_sentence_marks(page), (a, b)
        assert "struck through" not in page
        _every_sentence_once(seed_analysis, a, b, page)


def test_independent_pairs_in_one_wire_family_say_so(seed_analysis: StoryAnalysis) -> None:
    page = _page(seed_analysis, "unattributed-000", "unattributed-001")
    assert "independent rewrites of the same IANS copy" in page
    # Their shared facts sit side by side, each in its own words.
    row = re.search(r'<tr id="row-a-s13"[^>]*>.*?</tr>', page)
    assert row and "same fact, own words" in row.group() and "Denis Alipov" in row.group()


def test_a_rewrite_keeps_the_word_level_edits(seed_analysis: StoryAnalysis) -> None:
    page = _page(seed_analysis, "sakshi-post", "unattributed-000")
    assert "Independent accounts." not in page
    assert "<del>" in page and "<ins>" in page
    # The swapped opening: 000's lead is shown as moved, linked to the row of its counterpart.
    moved = re.search(r'<tr id="row-b-s1" class="px-row px-move">.*?</tr>', page)
    assert moved and "moved: appears in A as" in moved.group()
    target = re.search(r'href="#(row-[ab]-s\d+)">s2<', moved.group())
    assert target and f'id="{target.group(1)}"' in page
    assert "1 moved" in page


@pytest.mark.corpus
def test_basil_accounts_get_own_words_pages(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "stories").symlink_to(corpus / "stories", target_is_directory=True)
        story = next(s for s in load_data(tmp) if s.id == "2018-08-duncan-hunter-indicted")
    analysis = analyze(story)
    for pair in analysis.pairs:
        page = _page(analysis, pair.a, pair.b)
        assert "Independent accounts." in page, pair.slug  # three newsrooms, no copying
        assert not _whole_sentence_marks(page), pair.slug
        _every_sentence_once(analysis, pair.a, pair.b, page)
        # Marks stay only where the wording is shared (a quotation both carry).
        for row in re.findall(r'<tr id="row-a-[^"]+" class="px-row px-fact">.*?</tr>', page):
            marked = "<del>" in row or "<ins>" in row
            assert marked == ("shared wording" in row), row


def test_own_words_pages_lay_each_article_out_in_its_direction(
    seed_analysis: StoryAnalysis,
) -> None:
    # As on every page with article text: an Urdu article's sentences are laid out right to
    # left, the rest get dir="auto".
    story = seed_analysis.story
    articles = tuple(replace(a, language="ur") if a.id == "unattributed-000" else a
                     for a in story.articles)
    analysis = replace(seed_analysis, story=replace(story, articles=articles))
    page = _page(analysis, "unattributed-000", "unattributed-001")
    assert "Independent accounts." in page
    assert '<td class="px-side px-a" lang="ur" dir="rtl">' in page
    assert '<td class="px-side px-b" lang="en" dir="auto">' in page
    assert '<ul class="px-only-list" lang="ur" dir="rtl">' in page
    assert '<ul class="px-only-list" lang="en" dir="auto">' in page


def _fake_story(n: int, seed: int = 3) -> SimpleNamespace:
    """What `compared_pairs` reads of an analysis, for a story of n outlets: every pair with a
    similarity, some pairs labelled as sharing a wire source, and a wire family of a third of
    the outlets (the first of them its earliest witness)."""
    rnd = random.Random(seed)
    names = [f"outlet-{i:02d}" for i in range(n)]
    pairs = [SimpleNamespace(a=a, b=b, similarity=round(rnd.random(), 3))
             for i, a in enumerate(names) for b in names[i + 1:]]
    reuse = [SimpleNamespace(a=p.a, b=p.b, label="rewrite of shared source" if rnd.random() < 0.1
                             else "independent") for p in pairs]
    members = tuple(rnd.sample(names, n // 3))
    family = SimpleNamespace(members=members, earliest=members[0])
    return SimpleNamespace(pairs=pairs, reuse=reuse, lineage=SimpleNamespace(families=[family]),
                           story=SimpleNamespace(articles=[SimpleNamespace(id=n) for n in names]))


@pytest.mark.parametrize("outlets", [8, 40])
def test_comparison_pages_grow_linearly_with_the_outlets(outlets: int) -> None:
    story = _fake_story(outlets)
    chosen = compared_pairs(story, 2)  # type: ignore[arg-type]
    assert outlets <= len(chosen) <= 3 * outlets  # 8 outlets: at most 24 of 28 pairs; 40: 120
    assert len(compared_pairs(story, 3)) <= 4 * outlets
    assert len(compared_pairs(story, None)) == outlets * (outlets - 1) // 2  # type: ignore[arg-type]
    for article in story.story.articles:  # every article keeps its nearest and its wire kin
        mine = [p for p in story.pairs if article.id in (p.a, p.b)]
        nearest = max(mine, key=lambda p: p.similarity)
        similarity = {(p.a, p.b): p.similarity for p in story.pairs}
        wire = sorted(((r.a, r.b) for r in story.reuse
                       if article.id in (r.a, r.b) and r.label != "independent"),
                      key=lambda pair: -similarity[pair])
        assert (nearest.a, nearest.b) in chosen or len(wire) >= 2
        assert all(pair in chosen for pair in wire[:2])  # the most similar of its wire kin
    family = story.lineage.families[0]  # every copy is shown against the family's earliest
    assert all((m, family.earliest) in chosen or (family.earliest, m) in chosen
               for m in family.members if m != family.earliest)


def test_the_seed_story_pages_each_articles_two_nearest(seed_analysis: StoryAnalysis) -> None:
    pages = story_pages(seed_analysis)
    compare = sorted(path.split("/")[3] for path in pages if "/compare/" in path)
    assert len(compare) == 7 < len(seed_analysis.pairs)
    assert {(p.a, p.b) for p in seed_analysis.pairs if f"{p.a}-{p.b}" in compare} == \
        compared_pairs(seed_analysis, 2)
    every = story_pages(seed_analysis, nearest=None)
    assert sum("/compare/" in path for path in every) == len(seed_analysis.pairs)
    # The other three pairs are drawn by the story page's picker, from the export.
    story = pages[f"stories/{seed_analysis.story.id}/index.md"].body
    assert 'data-px-picker data-px-export="../../export/' in story
    assert story.count("<option value=") == 2 * len(seed_analysis.story.articles)


@pytest.mark.slow
def test_parallax_pages_follows_compare_nearest_from_mkdocs_yml(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from parallax.cli import cli

    from .conftest import DATA, SEED_STORY

    def compare_pages(nearest: object) -> int:
        config = tmp_path / f"mkdocs-{nearest}.yml"
        config.write_text(f"plugins:\n  - parallax:\n      compare_nearest: {nearest}\n",
                          encoding="utf-8")
        out = tmp_path / f"pages-{nearest}"
        result = CliRunner().invoke(cli, ["pages", str(out), "--data-dir", str(DATA),
                                          "--config-file", str(config),
                                          "--cache-dir", str(tmp_path / "cache")])
        if result.exit_code != 0:
            return -1
        return len(list((out / "stories" / SEED_STORY / "compare").glob("*/index.md")))

    assert compare_pages(2) == 7
    assert compare_pages(4) == 10  # every pair of the seed's 5 articles
    assert compare_pages(0) == -1
