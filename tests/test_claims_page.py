"""The claim matrix page and the export of claims: suggested rows, omissions, evidence quotes."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from parallax.analyze import analyze
from parallax.export import claims_csv, story_document, to_json
from parallax.model import ClaimSpec, Story, StoryAnalysis
from parallax.render.claims import render_claims

from .conftest import SEED_STORY

CLAIMS_URL = f"/stories/{SEED_STORY}/claims/"


def test_export_carries_suggestions_confidence_and_omissions(seed_analysis: StoryAnalysis) -> None:
    document = story_document(seed_analysis)
    assert document["schema_version"] >= "1.1"  # suggestions arrived in 1.1
    claims = {c["id"]: c for c in document["claims"]}
    suggested = [c for c in document["claims"] if not c["curated"]]
    assert len(suggested) == len(seed_analysis.suggestions) > 0
    first = suggested[0]["suggestion"]
    assert first["rank"] == 1 and first["kind"] in ("shared", "distinctive")
    assert all(s["sentences"] for s in first["support"])
    assert "suggestion" not in claims["joint-working-group"]
    cell = claims["joint-working-group"]["cells"]["sakshi-post"]
    assert cell["stance"] == "disputes" and 0 < cell["confidence"] <= 1
    assert claims["multibillion-contract-signed"]["notable_omissions"] == [
        "eurasian-times", "unattributed-004"]
    assert claims["multibillion-contract-signed"]["carried_by"] == [
        "sakshi-post", "unattributed-000", "unattributed-001"]
    assert to_json(seed_analysis) == to_json(analyze(seed_analysis.story))  # deterministic
    rows = claims_csv(seed_analysis).splitlines()
    assert len(rows) == 1 + len(seed_analysis.claims) * len(seed_analysis.story.articles)


def test_page_shows_curated_then_suggested_with_quotes(seed_analysis: StoryAnalysis) -> None:
    page = render_claims(seed_analysis)
    curated, suggested = page.split("## Suggested claims")
    assert "## Curated claims" in curated and 'id="claim-joint-working-group"' in curated
    assert "#1 suggested" in suggested and "Carried by:" in suggested
    assert "Notable omissions" in curated and "⚠ omitted here" in curated
    # The evidence sentence is quoted in the cell and linked to its anchor.
    assert "../sakshi-post/#s7" in page
    assert "slammed reports which claimed that a &quot;multibillion dollar contract&quot;" in page
    assert "\n\n" not in page.split("<table", 1)[1].split("</table>", 1)[0]  # one HTML block


def test_claim_text_is_escaped(seed_story: Story) -> None:
    hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) "quoted"'
    story = dataclasses.replace(seed_story, claims=(ClaimSpec("hostile", hostile),))
    page = render_claims(analyze(story))
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
    page.get_by_label("✘ disputed").check()
    disputed = page.locator("tr.px-claim-row:not([hidden])")
    assert 0 < disputed.count() < total
    assert page.locator("#claim-joint-working-group").is_visible()
    assert not page.locator("#claim-brahmos-struck-targets").is_visible()
    assert page.locator("#claim-joint-working-group td.px-match").count() == 3
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


def test_matrix_is_searchable(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [d["text"] for d in index["docs"] if d["location"].startswith(
        f"stories/{SEED_STORY}/claims/")]
    joined = " ".join(texts)
    assert "Suggested claims" in " ".join(d["title"] for d in index["docs"])
    assert "slammed reports" in joined  # evidence quotes are indexed
