"""Claim discovery on the seed story: shared and distinctive statements, ids, the CLI's YAML."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.analysis.analyze import analyze
from parallax.analysis.claims.claim_text import claim_text
from parallax.analysis.claims.discovery import suggestion_id
from parallax.analysis.claims.stance import DENIAL, NEGATION_WORDS
from parallax.cli import cli
from parallax.data.load import load_data
from parallax.model import Story, StoryAnalysis
from parallax.nlp.text import fold
from parallax.render.wording import cell_note

from .conftest import DATA, SEED_STORY


def _uncurated(story: Story) -> StoryAnalysis:
    return analyze(dataclasses.replace(story, claims=()))


@pytest.mark.slow
def test_suggestions_exist_without_claims_yml(seed_story: Story) -> None:
    analysis = _uncurated(seed_story)
    shared = [s for s in analysis.suggestions if s.kind in ("headline", "shared")]
    distinctive = [s for s in analysis.suggestions if s.kind == "distinctive"]
    assert shared and distinctive
    texts = [fold(s.text) for s in shared]
    # The lead every Indian account tells (a headline fact), and the S-400 / BrahMos passage.
    headline = [fold(s.text) for s in analysis.suggestions if s.kind == "headline"]
    assert any("fake reports" in t for t in headline)
    assert any("brahmos" in t for t in texts)
    assert [s.rank for s in analysis.suggestions] == list(range(1, len(analysis.suggestions) + 1))


@pytest.mark.slow
def test_shared_suggestions_are_carried_by_their_outlets(seed_story: Story) -> None:
    analysis = _uncurated(seed_story)
    for suggestion in (s for s in analysis.suggestions if s.kind != "distinctive"):
        assert len(suggestion.outlets) >= 2
        assert len(suggestion.support) == len({a for a, _ in suggestion.support})
        row = next(c for c in analysis.claims if c.id == suggestion.id)
        assert not row.curated
        for article_id, sentences in suggestion.support:
            cell = row.cell(article_id)
            assert set(sentences) <= set(cell.evidence)
            # The sentences a suggestion was found in carry it ("Carried by" agrees with the
            # cells), also where the claim's figures stand in a neighbouring sentence.
            assert cell.stance != "omits", (suggestion.text, article_id)
        source = seed_story.article(suggestion.source[0]).sentence(suggestion.source[1])
        # Verbatim but for a dateline or a leading conjunction, so it stays anchored.
        assert claim_text(source.text) == suggestion.text
    ranked = [len(s.outlets) for s in analysis.suggestions if s.kind == "shared"]
    assert ranked == sorted(ranked, reverse=True)


@pytest.mark.slow
def test_suggested_rows_dispute_only_with_a_denial_or_a_conflict(seed_story: Story) -> None:
    # A denial-claim ("An exaggerated news…") is not disputed by a sentence that merely shares
    # its subject, nor is a quoted "I don't think…" a denial to be disputed.
    for analysis in (_uncurated(seed_story), analyze(seed_story)):
        for row in (c for c in analysis.claims if not c.curated):
            for article_id, cell in row.cells:
                if cell.stance != "disputes":
                    continue
                texts = [fold(seed_story.article(article_id).sentence(s).text)
                         for s in cell.evidence]
                assert ("conflicting fact" in (cell_note(cell) or "")
                        or any(DENIAL.search(t) or NEGATION_WORDS.search(t) for t in texts)), (
                    row.text, article_id)


def test_a_wire_dateline_does_not_make_a_suggestion_lose_its_carriers(seed_story: Story) -> None:
    analysis = _uncurated(seed_story)
    lead = next(s for s in analysis.suggestions
                if seed_story.article(s.source[0]).sentence(s.source[1]).text.startswith(
                    "Moscow, May 30 (IANS)"))
    assert lead.text.startswith("Russia on Friday")  # the dateline is no part of the claim
    row = next(c for c in analysis.claims if c.id == lead.id)
    assert all(row.cell(a).stance != "omits" for a, _ in lead.support)
    assert row.cell("unattributed-000").stance == "asserts"  # "Russia … dismissed … 'fake reports'"


def test_distinctive_suggestions_belong_to_one_outlet(seed_analysis: StoryAnalysis) -> None:
    distinctive = [s for s in seed_analysis.suggestions if s.kind == "distinctive"]
    assert distinctive
    for suggestion in distinctive:
        row = next(c for c in seed_analysis.claims if c.id == suggestion.id)
        carried = [a for a, cell in row.cells if cell.stance != "omits"]
        assert carried == [suggestion.support[0][0]], suggestion.text
    # The Pakistani-leaning account's own facts (April meetings, Ryabkov) are among them.
    assert any("Ryabkov" in s.text for s in distinctive)


@pytest.mark.slow
def test_suggestions_repeating_curated_claims_are_dropped(seed_story: Story,
                                                          seed_analysis: StoryAnalysis) -> None:
    uncurated = {fold(s.text) for s in _uncurated(seed_story).suggestions}
    curated = {fold(s.text) for s in seed_analysis.suggestions}
    dropped = uncurated - curated
    # The S-400 / BrahMos passage, curated as s400-intercepted-missiles (its plainest version
    # is the BrahMos sentence).
    assert any("brahmos" in t for t in dropped)
    assert not any("brahmos" in t or "s-400" in t for t in curated)
    assert len(seed_analysis.claims) == len(seed_story.claims) + len(seed_analysis.suggestions)
    assert [c.curated for c in seed_analysis.claims] == sorted(
        (c.curated for c in seed_analysis.claims), reverse=True)


@pytest.mark.slow
def test_ids_derive_from_text_and_survive_rebuilds(seed_story: Story,
                                                   seed_analysis: StoryAnalysis) -> None:
    again = analyze(seed_story)
    assert [s.id for s in again.suggestions] == [s.id for s in seed_analysis.suggestions]
    for suggestion in seed_analysis.suggestions:
        assert suggestion.id == suggestion_id(suggestion.text)
    assert suggestion_id("Putin will visit India.") != suggestion_id("Putin will visit China.")


@pytest.mark.slow
def test_cli_suggest_prints_yaml_that_loads_as_claims(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["claims", "suggest", SEED_STORY, "--data-dir", str(DATA),
                                       "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n- id: ") == 5
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "stories" / SEED_STORY / "claims.yml").write_text(result.output, encoding="utf-8")
    story = {s.id: s for s in load_data(data)}[SEED_STORY]
    analysis = analyze(story)
    expected = [s.id for s in analyze({s.id: s for s in load_data(DATA)}[SEED_STORY])
                .suggestions[:5]]
    assert [c.id for c in story.claims] == expected
    # Pasted, they are curated rows now: no longer suggested, same ids.
    assert not {s.id for s in analysis.suggestions} & set(expected)
    assert [c.id for c in analysis.claims if c.curated] == expected


def test_cli_suggest_names_unknown_story() -> None:
    result = CliRunner().invoke(cli, ["claims", "suggest", "no-such-story", "--data-dir",
                                       str(DATA)])
    assert result.exit_code != 0 and "no story 'no-such-story'" in result.output
