"""Stance with evidence on the seed story's real sentences, and the fact-conflict hook."""

from __future__ import annotations

import re

import pytest

from parallax.analyze import story_space
from parallax.claims import claim_matrix
from parallax.model import Story, StoryAnalysis
from parallax.stance import LexicalScorer, article_cell, claim_shape, clauses, sentence_stance

ET, SP, U0, U1, U4 = ("eurasian-times", "sakshi-post", "unattributed-000", "unattributed-001",
                      "unattributed-004")

# What each outlet does with each curated claim, read from the texts (see claims.yml). The
# EurAsian Times piece is about an earlier episode and carries none of them.
EXPECTED = {
    "reports-called-fake": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                            U4: "disputes"},
    "joint-working-group": {ET: "omits", SP: "disputes", U0: "disputes", U1: "disputes",
                            U4: "omits"},
    "meeting-on-may-13": {ET: "omits", SP: "reports", U0: "reports", U1: "omits"},
    "multibillion-contract-signed": {ET: "omits", SP: "disputes", U0: "disputes", U1: "disputes",
                                     U4: "omits"},
    "talks-took-place": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts"},
    "s400-intercepted-missiles": {ET: "omits", SP: "asserts", U0: "reports", U4: "omits"},
    "brahmos-struck-targets": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                               U4: "omits"},
    "pahalgam-26-civilians": {ET: "omits", SP: "asserts", U0: "asserts", U1: "omits",
                              U4: "omits"},
    "putin-to-visit-india": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                             U4: "omits"},
    "soviet-built-steel-mills": {ET: "omits", SP: "reports", U0: "reports", U1: "asserts",
                                 U4: "omits"},
}


@pytest.fixture(scope="module")
def scorer(seed_story: Story) -> LexicalScorer:
    return LexicalScorer(story_space(seed_story))


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_curated_claims_come_out_right(seed_analysis: StoryAnalysis, claim_id: str) -> None:
    row = next(c for c in seed_analysis.claims if c.id == claim_id)
    got = {article: row.cell(article).stance for article in EXPECTED[claim_id]}
    assert got == EXPECTED[claim_id]


def test_every_carried_cell_links_to_its_evidence(seed_analysis: StoryAnalysis) -> None:
    for row in (c for c in seed_analysis.claims if c.curated):
        for article_id, cell in row.cells:
            if cell.stance != "omits":
                assert cell.evidence, (row.id, article_id)
                article = seed_analysis.story.article(article_id)
                assert all(article.sentence(s) for s in cell.evidence)
            assert 0.0 <= cell.score <= 1.0


def test_only_the_pakistani_leaning_outlet_asserts_the_new_plant(
    seed_analysis: StoryAnalysis,
) -> None:
    row = next(c for c in seed_analysis.claims if c.id == "steel-plant-under-construction")
    asserting = [a for a, cell in row.cells if cell.stance == "asserts"]
    assert asserting == [U4]
    assert "700 acres" in seed_analysis.story.article(U4).sentence(
        row.cell(U4).evidence[0]).text


def test_report_then_denial_in_one_sentence_disputes(seed_story: Story, scorer) -> None:
    # "admitted negotiations … but slammed reports which claimed that a contract has been signed"
    sentence = seed_story.article(SP).sentence("s7").text
    contract = "A multibillion dollar contract was signed between Russia and Pakistan."
    talks = "Moscow admitted that talks on industrial cooperation with Pakistan had taken place."
    assert len(clauses(sentence)) == 2
    assert sentence_stance(contract, sentence, 0.5, scorer)[0] == "disputes"
    assert sentence_stance(talks, sentence, 0.5, scorer)[0] == "asserts"


def test_polarity_a_denial_claim_is_asserted_by_the_denial(seed_story: Story, scorer) -> None:
    claim = "Russia called the reports of growing economic ties with Pakistan fake."
    assert claim_shape(claim).negative
    lead = seed_story.article(SP).sentence("s1").text  # Russia … rubbished "fake reports" …
    assert "rubbished" in lead
    assert sentence_stance(claim, lead, 0.5, scorer)[0] == "asserts"
    plain = "Pakistan and Russia agreed to form a joint working group to set up a steel mill."
    assert sentence_stance(plain, lead, 0.5, scorer)[0] == "disputes"


def test_attribution_asides_and_relative_clauses(seed_story: Story, scorer) -> None:
    meeting = "Haroon Akhtar Khan and Denis Nazaroof met in Islamabad on May 13."
    aside = seed_story.article(SP).sentence("s3").text  # "The idea, reported Pakistani media, …"
    assert sentence_stance(meeting, aside, 0.5, scorer)[0] == "reports"
    visit = "President Putin is set to visit India this year."
    relative = seed_story.article(SP).sentence("s13").text  # "Putin, who stated …, is slated …"
    assert sentence_stance(visit, relative, 0.5, scorer)[0] == "asserts"
    hedged = seed_story.article(U0).sentence("s12").text  # S-400 "were said to have …", BrahMos
    assert sentence_stance("S-400 systems intercepted incoming missiles.", hedged, 0.5,
                           scorer)[0] == "reports"
    assert sentence_stance("BrahMos cruise missiles were used to strike high-value targets.",
                           hedged, 0.5, scorer)[0] == "asserts"


def test_a_claims_figures_must_be_carried(seed_story: Story, scorer) -> None:
    claim = "The April 22 Pahalgam terror attack killed 26 civilians."
    cell = article_cell(claim, seed_story.article(U1), scorer)  # names the attack, not the toll
    assert cell.stance == "omits" and cell.evidence and "26" in (cell.note or "")
    assert article_cell(claim, seed_story.article(SP), scorer).stance == "asserts"


def test_a_question_can_only_be_reported(seed_story: Story, scorer) -> None:
    claim = "Did Russia and Pakistan agree on a joint working group for a steel mill in Karachi?"
    assert article_cell(claim, seed_story.article(SP), scorer).stance == "reports"


_MONTHS = "january february march april may june july august september october november december"


def month_conflicts(first: str, second: str) -> tuple[str, ...]:
    """A deliberately simple date check for this test: the months two texts name differ."""
    def months(text: str) -> set[str]:
        return {m for m in _MONTHS.split() if re.search(rf"\b{m}\b", text.lower())}

    a, b = months(first), months(second)
    return (f"{sorted(a)[0]} vs {sorted(b)[0]}",) if a and b and not a & b else ()


def test_fact_conflict_hook_turns_a_different_date_into_a_dispute(
    seed_story: Story, scorer
) -> None:
    claim = "Haroon Akhtar Khan and Denis Nazaroof met in Islamabad on May 13."
    u4 = seed_story.article(U4)  # "Earlier in April, … Nazaroof also met with … Khan"
    default = article_cell(claim, u4, scorer)
    assert default.stance != "disputes"
    hooked = article_cell(claim, u4, scorer, facts=month_conflicts)
    assert hooked.stance == "disputes"
    assert "Earlier in April" in u4.sentence(hooked.evidence[0]).text
    assert "may vs april" in (hooked.note or "") or "april" in (hooked.note or "")
    # The outlets that give the same date are not touched by the hook.
    assert article_cell(claim, seed_story.article(U0), scorer, facts=month_conflicts).stance == \
        "reports"
    matrix = claim_matrix(seed_story, scorer, facts=month_conflicts)
    row = next(c for c in matrix if c.id == "meeting-on-may-13")
    assert row.cell(U4).stance == "disputes"


def test_overrides_win_and_carry_their_note(seed_analysis: StoryAnalysis) -> None:
    row = next(c for c in seed_analysis.claims if c.id == "putin-to-visit-india")
    cell = row.cell(ET)
    assert cell.curated and cell.stance == "omits" and "Lavrov" in (cell.note or "")
