"""Comparison pages: edits where one text reuses the other, own words for independent accounts."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.data.load import load_data
from parallax.model import StoryAnalysis
from parallax.render import Templates
from parallax.render.compare import render_compare


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
