"""`parallax import` on saved web pages: charsets, headlines, bylines, stubs and leftovers.

The pages in tests/fixtures/pages/ were written for these tests, one class of real-page
fault each (see the README there); the public evaluation pages are measured by
bench/import_eval.py and checked below only where the corpus is present.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.data.files import split_front_matter
from parallax.data.yaml_lines import load_yaml
from parallax.ingest import read_source
from parallax.ingest.boilerplate import clean
from parallax.ingest.bylines import clean_byline
from parallax.ingest.encoding import decode_html
from parallax.ingest.headline import choose_headline, strip_site_tail
from parallax.ingest.saved_page import PageFacts

from .conftest import ROOT

PAGES = ROOT / "tests" / "fixtures" / "pages"


def run_import(tmp_path: Path, page: Path, *extra: str, outlet: str = "example"):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(page), "--story", "s", "--outlet", outlet,
                                      "--data-dir", str(data), *extra])
    target = data / "stories" / "s" / f"{outlet}.md"
    return result, target


def front_and_body(path: Path) -> tuple[dict, str]:  # type: ignore[type-arg]
    front = split_front_matter(path.read_text(encoding="utf-8"))
    return dict(load_yaml(front.text)), front.body


# ----------------------------------------------------------------------------- charsets


def test_latin1_page_is_decoded_as_its_meta_charset_declares(tmp_path: Path) -> None:
    page = PAGES / "latin1-meta-charset.html"
    with pytest.raises(UnicodeDecodeError):
        page.read_bytes().decode("utf-8")  # the fixture really is not UTF-8
    result, target = run_import(tmp_path, page)
    assert result.exit_code == 0, result.output
    assert "decoded as cp1252 (<meta charset>)" in result.output
    meta, body = front_and_body(target)
    assert meta["title"] == "Stadtrat beschließt neuen Haushalt für die Schulen"
    # ISO-8859-1 is read as windows-1252, as browsers do: the German quotes survive
    assert "„Das ist ein großer Schritt für unsere Kinder“, sagte Müller" in body
    assert "\ufffd" not in body


def test_http_equiv_declaration_is_read_too() -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=ISO-8859-1"></head><body><p>Caf\xe9 cr\xe8me</p></body></html>')
    decoded = decode_html(html.encode("latin-1"))
    assert (decoded.encoding, decoded.source) == ("cp1252", "http-equiv")
    assert "Café crème" in decoded.text


def test_byte_order_mark_wins_over_a_wrong_declaration() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Müller</p></body></html>'
    decoded = decode_html(codecs.BOM_UTF8 + html.encode("utf-8"))
    assert decoded.source == "byte-order mark"
    assert "Müller" in decoded.text


def test_undeclared_or_misdeclared_pages_fall_back_to_the_bytes() -> None:
    # declared UTF-8, but a Latin-1 byte slipped in among real UTF-8: only the stray is cp1252
    mixed = ('<html><head><meta charset="utf-8"></head><body><p>Grüße aus Köln, '.encode()
             + b"Stra\xdfe</p></body></html>")
    decoded = decode_html(mixed)
    assert "Grüße aus Köln, Straße" in decoded.text
    assert decoded.source == "UTF-8 with stray windows-1252 bytes"
    # nothing declared, not UTF-8: detection
    plain = ("<html><body><p>" + "Les élèves ont dû répéter l'été dernier. " * 20
             + "</p></body></html>").encode("cp1252")
    detected = decode_html(plain)
    assert detected.source == "detected"
    assert "élèves ont dû répéter l'été" in detected.text


def test_txt_files_keep_the_clear_utf8_error(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("Headline\n\nCaf\xe9 text.\n".encode("latin-1"))
    result, _ = run_import(tmp_path, source)
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "iconv" in result.output


# ----------------------------------------------------------------------------- headlines


def test_cms_name_in_metadata_gives_way_to_the_visible_h1(tmp_path: Path) -> None:
    result, target = run_import(tmp_path, PAGES / "cms-name-title.html")
    assert result.exit_code == 0, result.output
    meta, body = front_and_body(target)
    assert meta["title"] == "Plumber jailed after faulty boiler killed a student in her flat"
    # the masthead h1 (the site's name) is not taken; which source was used is recorded
    assert meta["title_source"].startswith("visible headline (<h1>)")
    assert "'escenic'" in meta["title_source"]
    assert {"rule": "metadata title, not a headline", "text": "escenic"} in meta["removed"]
    assert body.lstrip().startswith("# Plumber jailed")


def test_site_name_and_date_tail_are_cut_real_headline_text_stays(tmp_path: Path) -> None:
    result, target = run_import(tmp_path, PAGES / "site-name-title.html")
    assert result.exit_code == 0, result.output
    meta, _ = front_and_body(target)
    # "Update |" is the outlet's own headline text, not a site name: it stays
    assert meta["title"] == "Update | Berlin confronts its colonial past with new initiative"
    assert {"rule": "site name in headline",
            "text": "| The Example Wave | 19.01.2020"} in meta["removed"]
    assert meta["title_source"] == "page metadata"


def test_site_tail_needs_the_page_or_the_outlet_to_name_it() -> None:
    page = PageFacts(site_names=("The Japan Times", "japantimes.co.jp"))
    headline = choose_headline("Losing face: masks stolen from Kobe hospital | The Japan Times",
                               page)
    assert headline is not None
    assert headline.text == "Losing face: masks stolen from Kobe hospital"
    # a " - " inside the headline is kept when the segment is not the site's
    assert strip_site_tail("Brexit - what happens next", {"thejapantimes"}) == (
        "Brexit - what happens next", "")
    # the outlet's own name identifies the tail when the page names no site
    named = choose_headline("Prison official quits - Cayman Compass", PageFacts(),
                            outlet_names=["Cayman Compass"])
    assert named is not None and named.text == "Prison official quits"
    # a date alone is cut only when it is the page's own date
    assert strip_site_tail("Talks resume | 19.01.2020", set(), "2020-01-19")[0] == "Talks resume"
    assert strip_site_tail("Talks resume | 19.01.2020", set(), "2021-05-05")[1] == ""


# ----------------------------------------------------------------------------- bylines


def test_junk_byline_is_recorded_not_kept(tmp_path: Path) -> None:
    result, target = run_import(tmp_path, PAGES / "junk-byline.html")
    assert result.exit_code == 0, result.output
    meta, _ = front_and_body(target)
    assert "author" not in meta
    assert {"rule": "junk byline", "text": "Article by"} in meta["removed"]


@pytest.mark.parametrize(("given", "kept", "removed"), [
    ("No Author", None, ["No Author"]),
    ("CBS News February", "CBS News", ["February"]),
    ("admin", None, ["admin"]),
    ("Posted by Jane Doe on May 3, 2022", "Jane Doe", ["Posted by … on May 3, 2022"]),
    ("Ursula von der Leyen", "Ursula von der Leyen", []),
    ("AFP; The Local", "AFP; The Local", []),
    ("Web Desk", "Web Desk", []),
    ("BBNTEAM", "BBNTEAM", []),
    ("Rob Picheta; CNN", "Rob Picheta; CNN", []),
])
def test_bylines_keep_person_and_desk_names(
    given: str, kept: str | None, removed: list[str]
) -> None:
    byline = clean_byline(given)
    assert byline.author == kept
    assert [r.text for r in byline.removed] == removed


# ----------------------------------------------------------------------------- stubs


def test_caption_only_page_is_refused_with_what_to_do(tmp_path: Path) -> None:
    result, target = run_import(tmp_path, PAGES / "caption-only.html")
    assert result.exit_code == 1
    assert "no article text" in result.output
    assert "scripts hold" in result.output and "JavaScript" in result.output
    assert "Save Page As" in result.output and ".txt" in result.output
    assert not target.exists()


def _teaser_page(tmp_path: Path) -> Path:
    """caption-only.html with a one-paragraph teaser in the HTML: extractable, but a stub."""
    html = (PAGES / "caption-only.html").read_text(encoding="utf-8").replace(
        '<div id="app">',
        '<div id="app"><p class="teaser">The chief executive has been urged to study how her '
        "neighbour won re-election against the odds, critics said on Tuesday.</p>")
    page = tmp_path / "teaser.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_stub_is_warned_about_and_strict_refuses_it(tmp_path: Path) -> None:
    page = _teaser_page(tmp_path)
    result, target = run_import(tmp_path, page)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "drawn by JavaScript" in result.output
    assert "paste the article text into a .txt file" in result.output
    assert target.exists()
    target.unlink()
    strict, target = run_import(tmp_path, page, "--strict")
    assert strict.exit_code == 1
    assert "--strict refuses it, nothing written" in strict.output
    assert not target.exists()


def test_word_count_hint_flags_a_stub(tmp_path: Path) -> None:
    html = (PAGES / "junk-byline.html").read_text(encoding="utf-8").replace(
        "</head>", '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"wordCount": 1285}</script></head>')
    page = tmp_path / "counted.html"
    page.write_text(html, encoding="utf-8")
    result, _ = run_import(tmp_path, page)
    assert result.exit_code == 0
    assert "1285 words (schema.org wordCount)" in result.output


def test_structured_article_body_replaces_a_teaser(tmp_path: Path) -> None:
    result, target = run_import(tmp_path, PAGES / "structured-body.html")
    assert result.exit_code == 0, result.output
    assert "article text taken from the page's structured data" in result.output
    meta, body = front_and_body(target)
    assert meta["body_source"].startswith("the page's structured data (schema.org articleBody")
    assert "Officials declined to say when the first meeting would take place" in body


def test_full_article_is_not_flagged(tmp_path: Path) -> None:
    result, _ = run_import(tmp_path, PAGES / "cms-name-title.html")
    assert "warning" not in result.output


# ----------------------------------------------------------------------------- leftovers


def test_paywall_prompts_footers_and_interface_runs_are_removed_and_recorded(
    tmp_path: Path,
) -> None:
    result, target = run_import(tmp_path, PAGES / "paywall-prompt.html")
    assert result.exit_code == 0, result.output
    meta, body = front_and_body(target)
    removed = {(r["rule"], r["text"]) for r in meta["removed"]}
    for rule, text in [
        ("subscription prompt", "To view the full story, please subscribe to The Example Times. "
                                "You can choose a $60 Annual Subscription or a $5 Weekly Pass."),
        ("subscription prompt", "Join now or renew to get:"),
        ("subscription prompt", "- Instant access to special reports"),
        ("newsletter prompt", "Never miss the latest news by signing up to our newsletter today!"),
        ("app prompt", "For the latest stories and breaking news updates download the Example "
                       "Times apps for iOS and Android."),
        ("editorial standards", "Our Standards: The Example Trust Principles."),
        ("share buttons", "Share Facebook Twitter WhatsApp Email"),
        ("byline", "By Ann Smith - April 26, 2022"),
        ("breadcrumb", "Home News"),
    ]:
        assert (rule, text) in removed, (rule, text)
    assert any(rule == "copyright notice" and text.startswith("© 2022 Example Times.")
               for rule, text in removed)
    for junk in ("subscribe", "Never miss", "Facebook", "©", "Trust Principles", "Home News",
                 "download the"):
        assert junk not in body, junk
    # article text around the prompts stays, sentence by sentence
    assert ("The family of a ranked junior tennis player has launched a crowdfunding effort to "
            "pay for his treatment.") in body
    assert "His older brother started the fundraiser earlier this month." in body
    # a sentence that reports on a newsletter is news, not a prompt
    assert "The club he trains with launched a newsletter to keep members informed." in body


def test_a_headline_made_of_the_lede_stays_in_the_lede() -> None:
    lede = ('Moscow, May 30 (IANS) Russia on Friday rubbished "fake reports" which cited that it '
            "is broadening economic ties with Pakistan, especially by jointly setting up steel "
            "mills in Karachi.")
    result = clean([lede], title='Russia on Friday rubbished "fake reports" which cited that it '
                   "is broadening economic ties with Pakistan")
    assert result.paragraphs == [lede]


def test_every_removal_is_recorded_nothing_lost(tmp_path: Path) -> None:
    """Each extracted paragraph is kept or recorded, piece by piece."""
    raw = read_source(PAGES / "paywall-prompt.html")
    result = clean(raw.paragraphs, raw.title, raw.page)
    kept = " ".join(result.paragraphs)
    recorded = " ".join(r.text for r in result.removed)
    for paragraph in raw.paragraphs:
        for word in paragraph.split():
            assert word in kept or word in recorded, word


# ----------------------------------------------------------------------------- public pages


@pytest.mark.corpus
def test_every_evaluation_page_imports_or_says_why(corpus: Path, tmp_path: Path) -> None:
    """All 83 pages: none fails with a traceback; non-UTF-8 pages are no longer refused."""
    from parallax.data.errors import ParallaxError
    from parallax.ingest import ImportRequest, prepare_import

    evaluation = json.loads((corpus / "webpages" / "evaluation.json").read_text("utf-8"))
    refused = []
    for item in evaluation["news"] + evaluation["charset"]:
        request = ImportRequest(source=corpus / "webpages" / item["file"], story="s",
                                outlet="o", data_dir=tmp_path / "data")
        try:
            prepare_import(request)
        except ParallaxError as error:
            refused.append((item["file"], str(error)))
    assert not any("not UTF-8" in why for _, why in refused), refused
    assert len(refused) <= 1, refused


@pytest.mark.corpus
def test_prompt_rules_take_only_interface_sentences_of_real_articles(corpus: Path) -> None:
    """1,400 sentences of the corpus's articles (scraped as published): the sentence rules
    match the notices and prompts they hold, and not one reported sentence."""
    from parallax.ingest.prompts import sentence_rule
    from parallax.nlp.text import split_paragraphs, split_sentences

    matched = set()
    for path in sorted([*corpus.glob("stories/*/*.md"), *corpus.glob("stance/articles/*/*.md"),
                        *corpus.glob("reuse/*/*.md")]):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for paragraph in split_paragraphs(body):
            matched |= {(sentence_rule(s), s) for s in split_sentences(paragraph)
                        if sentence_rule(s)}
    assert matched == {
        ("copyright notice", "Copyright 2020 The Associated Press."),
        ("copyright notice", "All rights reserved."),
        ("copyright notice",
         "This material may not be published, broadcast, rewritten or redistributed."),
        ("feedback prompt", "Have a tip we should know?"),
        ("share prompt", "Share this item on Twitter"),
        ("share prompt", "Share this item via WhatsApp"),
        ("social media prompt", "Join the conversation with TeleWonderWomen on Twitter."),
        ("share prompt",
         "Share this with your friends and family by clicking the button below."),
    }
