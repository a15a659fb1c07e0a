"""Text from other scripts: their sentence ends split sentences, their quotation marks are found
as quotations, and right-to-left text is shown right to left (checked in a real browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.analysis.facts.quotes import article_quotes
from parallax.data.load import load_data
from parallax.model import Article, Outlet
from parallax.nlp.text import sentences_from_body, split_sentences
from parallax.render.safe import Direction, direction

from .conftest import make_project, mkdocs_build, serve

URDU = "روس نے اسٹیل ملز کی خبروں کو جعلی قرار دیا۔ وزیر نے کہا کہ کوئی معاہدہ نہیں ہوا۔"


@pytest.mark.parametrize(("paragraph", "expected"), [
    (URDU, ["روس نے اسٹیل ملز کی خبروں کو جعلی قرار دیا۔", "وزیر نے کہا کہ کوئی معاہدہ نہیں ہوا۔"]),
    ("هل هذا صحيح؟ لا، إنه خبر كاذب.", ["هل هذا صحيح؟", "لا، إنه خبر كاذب."]),
    ("रूस ने खबरों को फर्जी बताया। कोई समझौता नहीं हुआ।",
     ["रूस ने खबरों को फर्जी बताया।", "कोई समझौता नहीं हुआ।"]),
    ("Ռուսաստանը հերքեց։ Պայմանագիր չկա։", ["Ռուսաստանը հերքեց։", "Պայմանագիր չկա։"]),
    ("ሩሲያ ዜናውን አስተባበለች። ስምምነት የለም።", ["ሩሲያ ዜናውን አስተባበለች።", "ስምምነት የለም።"]),
    ("他说：「这是假新闻。」双方没有签署协议。", ["他说：「这是假新闻。」", "双方没有签署协议。"]),
    ("Mr. Smith went to Washington on Jan. 5. He said so.",
     ["Mr. Smith went to Washington on Jan. 5.", "He said so."]),
])
def test_every_scripts_sentence_end_splits_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def _article(body: str, language: str | None = None) -> Article:
    return Article("a", "story", Outlet("o", "O"), "T", sentences_from_body(body), "a.md",
                   language=language)


@pytest.mark.parametrize(("sentence", "quoted"), [
    ("Он сказал: «Это фейк, всё это ложь от начала до конца», — добавил министр.",
     "Это фейк, всё это ложь от начала до конца"),
    ("« Nous ne vendrons jamais cette usine à personne », a déclaré le ministre.",
     "Nous ne vendrons jamais cette usine à personne"),
    ("„Das stimmt nicht, das ist alles frei erfunden“, sagte die Sprecherin.",
     "Das stimmt nicht, das ist alles frei erfunden"),
    ("„To nieprawda, nigdy tego nie powiedziałem” – mówi minister.",
     "To nieprawda, nigdy tego nie powiedziałem"),
    ("Il a dit ‹ ceci est faux et sans fondement › hier.", "ceci est faux et sans fondement"),
    ("大臣は「その報道は事実ではない」と述べた。", "その報道は事実ではない"),
])
def test_other_languages_quotation_marks_are_quotations(sentence: str, quoted: str) -> None:
    quotes = article_quotes(_article(sentence))
    assert [q.text for q in quotes] == [quoted]


def test_direction_follows_the_language_else_the_text() -> None:
    assert direction("ur") == Direction("ur", "rtl")
    assert direction("ar-EG") == Direction("ar-EG", "rtl")
    assert direction("ks-Arab") == Direction("ks-Arab", "rtl")
    assert direction("en") == Direction("en", "auto")
    assert direction(None) == Direction(None, "auto")
    assert direction('ur" onmouseover="x') == Direction(None, "auto")  # not a language tag


OUTLETS = "dawn:\n  name: Dawn\n"
ARTICLES = {
    "dawn.md": f"---\noutlet: dawn\ntitle: خبر\nlanguage: ur\n---\n\n{URDU}\n",
    "wire.md": ("---\noutlet: Wire\ntitle: Steel mill reports denied\n---\n\n"
                "Russia denied the steel mill reports. The minister said: «no deal was "
                f"signed at all with anyone». {URDU}\n"),
}


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    story = data / "stories" / "steel"
    story.mkdir(parents=True)
    (data / "outlets.yml").write_text(OUTLETS, encoding="utf-8")
    for name, text in ARTICLES.items():
        (story / name).write_text(text, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("project"), data)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_urdu_sentences_load_split_and_quotes_found(rtl_site: Path) -> None:
    (story,) = load_data(rtl_site.parent / "data")
    assert len(story.article("dawn").sentences) == 2
    wire = story.article("wire")
    assert [q.text for q in article_quotes(wire)] == ["no deal was signed at all with anyone"]


def test_rtl_pages_carry_the_direction(rtl_site: Path) -> None:
    page = (rtl_site / "stories" / "steel" / "dawn" / "index.html").read_text(encoding="utf-8")
    assert '<div class="px-article" lang="ur" dir="rtl">' in page
    compare = (rtl_site / "stories" / "steel" / "compare" / "dawn-wire" / "index.html")
    assert 'class="px-side px-a" lang="ur" dir="rtl"' in compare.read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_browser_lays_urdu_out_right_to_left(rtl_site: Path, page) -> None:  # type: ignore[no-untyped-def]
    with serve(rtl_site) as url:
        page.goto(f"{url}/stories/steel/dawn/")
        assert page.eval_on_selector(".px-article", "e => getComputedStyle(e).direction") == "rtl"
        # In the English article, the Urdu sentence still reads right to left on its own.
        page.goto(f"{url}/stories/steel/wire/")
        directions = page.eval_on_selector_all(
            ".px-s > span[dir=auto]", "els => els.map(e => getComputedStyle(e).direction)")
        assert directions[0] == "ltr" and directions[-1] == "rtl"
        # Let the search worker finish loading its index before this test's server stops:
        # a fetch cut off by the shutdown is reported as a page error ("Network error").
        page.wait_for_load_state("networkidle")
