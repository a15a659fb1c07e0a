"""The claim matrix page and the export of claims: suggested rows, omissions, evidence quotes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.claims.matrix import notable_omissions
from parallax.export.story_export import claims_csv, story_document, to_json
from parallax.model import ClaimSpec, Story, StoryAnalysis
from parallax.render import Templates
from parallax.render.claims import render_claims
from parallax.render.wording import cell_note

from .conftest import DATA, SEED_STORY

CLAIMS_URL = f"/stories/{SEED_STORY}/claims/"


@pytest.mark.slow
def test_export_carries_suggestions_confidence_and_omissions(seed_analysis: StoryAnalysis) -> None:
    document = story_document(seed_analysis)
    assert document["schema_version"] == "2.2"  # 2.0: calibrated cells; 2.2: word diffs
    claims = {c["id"]: c for c in document["claims"]}
    suggested = [c for c in document["claims"] if not c["curated"]]
    assert len(suggested) == len(seed_analysis.suggestions) > 0
    first = suggested[0]["suggestion"]
    assert first["rank"] == 1 and first["kind"] in ("shared", "distinctive")
    assert all(s["sentences"] for s in first["support"])
    assert "suggestion" not in claims["joint-working-group"]
    cell = claims["joint-working-group"]["cells"]["sakshi-post"]
    assert cell["reading"] == "disputes" and 0 < cell["probability"] <= 1
    assert cell["stance"] == ("uncertain" if cell["uncertain"] else "disputes")
    assert cell["confidence"] == cell["score"] == cell["probability"]  # the older names
    # The EurAsian Times surely omits it; the Pakistani-leaning account's omission is either
    # sure enough to outline or shown as uncertain, never a silent guess.
    contract = claims["multibillion-contract-signed"]
    assert contract["notable_omissions"][0] == "eurasian-times"
    u4 = contract["cells"]["unattributed-004"]
    assert u4["reading"] == "omits"
    assert ("unattributed-004" in contract["notable_omissions"]) != u4["uncertain"]
    assert claims["multibillion-contract-signed"]["carried_by"] == [
        "sakshi-post", "unattributed-000", "unattributed-001"]
    assert to_json(seed_analysis) == to_json(analyze(seed_analysis.story))  # deterministic
    rows = claims_csv(seed_analysis).splitlines()
    assert len(rows) == 1 + len(seed_analysis.claims) * len(seed_analysis.story.articles)


def _uncertain_row(analysis: StoryAnalysis) -> tuple[str, str]:
    """(claim id, article id) of a cell shown as uncertain."""
    for claim in analysis.claims:
        for article_id, cell in claim.cells:
            if cell.uncertain:
                return claim.id, article_id
    raise AssertionError("no uncertain cell in the seed story")


def test_uncertain_cells_are_a_distinct_state_on_page_csv_and_json(
    seed_analysis: StoryAnalysis,
) -> None:
    claim_id, article_id = _uncertain_row(seed_analysis)
    cell = next(c for c in seed_analysis.claims if c.id == claim_id).cell(article_id)
    assert (cell_note(cell) or "").startswith("uncertain: reads as")
    document = story_document(seed_analysis)
    exported = next(c for c in document["claims"] if c["id"] == claim_id)["cells"][article_id]
    assert exported["stance"] == "uncertain" and exported["uncertain"] is True
    assert exported["reading"] == cell.stance != "uncertain"
    assert exported["evidence"] == list(cell.evidence)
    rows = list(csv.DictReader(io.StringIO(claims_csv(seed_analysis))))
    row = next(r for r in rows if r["claim_id"] == claim_id and r["article_id"] == article_id)
    assert (row["stance"], row["reading"]) == ("uncertain", cell.stance)
    assert float(row["probability"]) == pytest.approx(cell.score, abs=1e-3)
    assert row["explanation"] == cell_note(cell)
    confident = [r for r in rows if r["stance"] != "uncertain"]
    assert confident and all(r["stance"] == r["reading"] for r in confident)
    page = render_claims(seed_analysis, Templates()).body
    html = page.split(f'id="claim-{claim_id}"', 1)[1].split("</tr>", 1)[0]
    assert 'data-stance="uncertain"' in html and f'data-reading="{cell.stance}"' in html
    assert "px-stance-uncertain" in html and "</span> uncertain</span>" in html
    assert "best reading:" in html and "probability" in html
    stances = re.search(r'data-stances="([^"]*)"', html)
    assert stances and "uncertain" in stances.group(1).split()  # the filter finds the row


def test_an_unsure_omission_is_not_outlined_as_notable(seed_analysis: StoryAnalysis) -> None:
    for claim in seed_analysis.claims:
        notable = set(notable_omissions(claim))
        for article_id, cell in claim.cells:
            if article_id in notable:
                assert cell.stance == "omits" and not cell.uncertain
            elif cell.stance == "omits" and cell.uncertain:
                assert "needed to call the omission notable" in (cell_note(cell) or "")


@pytest.mark.slow
def test_claims_page_and_csv_are_identical_across_hash_seeds() -> None:
    # Sets iterate in a per-process order; probabilities come from float sums: neither may
    # change a byte of what readers see.
    script = ("import sys; from pathlib import Path; from parallax.data.load import load_data; "
              "from parallax.analysis.analyze import analyze; "
              "from parallax.export.story_export import claims_csv; "
              "from parallax.render import Templates; "
              "from parallax.render.claims import render_claims; "
              f"a = analyze(load_data(Path({str(DATA)!r}))[0]); "
              "sys.stdout.write(render_claims(a, Templates()).body + claims_csv(a))")
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1 and "uncertain" in outputs.pop()


def test_page_shows_curated_then_suggested_with_quotes(seed_analysis: StoryAnalysis) -> None:
    page = render_claims(seed_analysis, Templates()).body
    curated, suggested = page.split('<h2 id="suggested-claims"')
    assert '<h2 id="curated-claims"' in curated and 'id="claim-joint-working-group"' in curated
    assert "#1 suggested" in suggested and "Carried by:" in suggested
    assert "Notable omissions" in curated and "⚠ omitted here" in curated
    # The evidence sentence is quoted in the cell and linked to its anchor.
    assert "../sakshi-post/#s7" in page
    assert "slammed reports which claimed that a &#34;multibillion dollar contract&#34;" in page
    assert "\n\n" not in page.split("<table", 1)[1].split("</table>", 1)[0]  # one HTML block


@pytest.mark.slow
def test_claim_text_is_escaped(seed_story: Story) -> None:
    hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) "quoted"'
    story = dataclasses.replace(seed_story, claims=(ClaimSpec("hostile", hostile),))
    page = render_claims(analyze(story), Templates()).body
    assert "<img" not in page and "&lt;img src=x" in page
    assert 'href="javascript' not in page


@pytest.mark.browser
def test_stance_filter_hides_rows_and_evidence_lands_on_sentence(page, site_url: str) -> None:
    page.goto(site_url + CLAIMS_URL)
    rows = page.locator("tr.px-claim-row")
    total = rows.count()
    assert total > 10
    status = page.locator(".px-filter-status")
    assert status.inner_text() == f"Showing {total} of {total} claims."
    # Russia's relayed denial reads as a dispute, not sure enough to flag: uncertain.
    page.get_by_label("? uncertain").check()
    unsure = page.locator("tr.px-claim-row:not([hidden])")
    assert 0 < unsure.count() < total
    assert page.locator("#claim-joint-working-group").is_visible()
    assert not page.locator("#claim-brahmos-struck-targets").is_visible()
    matches = page.locator("#claim-joint-working-group td.px-match")
    assert page.locator('#claim-joint-working-group td.px-match[data-reading="disputes"]'
                        ).count() == 3  # the three outlets relaying Russia's denial
    assert "best reading" in matches.first.inner_text()
    page.get_by_label("all claims").check()
    assert page.locator("#claim-brahmos-struck-targets").is_visible()
    # The evidence quote opens in place; the sentence link lands on the sentence.
    cell = page.locator("#claim-multibillion-contract-signed td[data-stance]").nth(1)
    cell.locator("summary").click()
    assert "multibillion dollar contract" in cell.locator("blockquote").inner_text()
    cell.locator("a.px-evidence", has_text="s7").click()
    page.wait_for_url(re.compile(r"/sakshi-post/#s7$"))
    target = page.locator(".px-s:target")
    assert target.get_attribute("id") == "s7"
    assert "slammed reports" in target.inner_text()
    # A sentence that decides several claims is quoted once; later cells link to that quotation,
    # and following the link opens the earlier disclosure on it.
    page.go_back()
    later = page.locator("details.px-quote a", has_text="quoted above").first
    anchor = (later.get_attribute("href") or "").lstrip("#")
    assert anchor.startswith("q-")
    later.locator("xpath=ancestor::details[1]/summary").click()
    later.click()
    quotation = page.locator(f"blockquote[id='{anchor}']")
    assert quotation.is_visible()
    assert page.evaluate("location.hash") == f"#{anchor}"


def test_matrix_is_searchable(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [d["text"] for d in index["docs"] if d["location"].startswith(
        f"stories/{SEED_STORY}/claims/")]
    joined = " ".join(texts)
    assert "Suggested claims" in " ".join(d["title"] for d in index["docs"])
    assert "Russia called the reports of growing economic ties with Pakistan fake." in joined
    # An evidence quote repeats an article's sentence: it is found once, on the article page.
    assert "slammed reports" not in joined
    assert any("slammed reports" in d["text"] for d in index["docs"]
               if d["location"].startswith(f"stories/{SEED_STORY}/") and "/claims/" not in
               d["location"])
