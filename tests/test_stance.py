"""Stance with evidence on the seed story's real sentences; the rules that need no learning;
the uncertain state; the fact-conflict hook."""

from __future__ import annotations

import dataclasses
import re

import pytest

from parallax.analysis.claims.matrix import claim_matrix
from parallax.analysis.claims.stance import (
    NEGATION_WORDS,
    NEGATIONS,
    StanceReader,
    article_cell,
    claim_shape,
    clauses,
    decide,
)
from parallax.analysis.claims.stance_model.cues import denied_spans, speaker
from parallax.analysis.claims.stance_model.features import article_view, claim_view, pair_reading
from parallax.analysis.claims.stance_model.model import default_model
from parallax.model import Article, Fact, FactConflict, Outlet, Story, StoryAnalysis
from parallax.nlp.text import sentences_from_body
from parallax.render.wording import cell_note, stance_reason

ET, SP, U0, U1, U4 = ("eurasian-times", "sakshi-post", "unattributed-000", "unattributed-001",
                      "unattributed-004")

# What each outlet does with each curated claim, every cell, decided by reading the texts (see
# claims.yml). Each is the cell's reading: a dispute under the red-flag threshold is shown as
# uncertain, with this reading (see test_disputes_below_the_threshold_are_uncertain). The
# EurAsian Times piece is about an earlier episode and carries none of them; the
# Pakistani-leaning account (004) never relays Russia's denial: it reports growing ties instead.
EXPECTED = {
    "reports-called-fake": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                            U4: "omits"},
    "joint-working-group": {ET: "omits", SP: "disputes", U0: "disputes", U1: "disputes",
                            U4: "omits"},
    # 004 dates the Khan-Nazaroof meeting "earlier in April": a conflicting fact.
    "meeting-on-may-13": {ET: "omits", SP: "reports", U0: "reports", U1: "omits",
                          U4: "disputes"},
    "multibillion-contract-signed": {ET: "omits", SP: "disputes", U0: "disputes", U1: "disputes",
                                     U4: "omits"},
    "talks-took-place": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts", U4: "omits"},
    # "was credited with shooting down", "were said to have intercepted": hedged.
    "s400-intercepted-missiles": {ET: "omits", SP: "reports", U0: "reports", U1: "asserts",
                                  U4: "omits"},
    "brahmos-struck-targets": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                               U4: "omits"},
    "pahalgam-26-civilians": {ET: "omits", SP: "asserts", U0: "asserts", U1: "omits",
                              U4: "omits"},
    "putin-to-visit-india": {ET: "omits", SP: "asserts", U0: "asserts", U1: "asserts",
                             U4: "omits"},
    "soviet-built-steel-mills": {ET: "omits", SP: "reports", U0: "reports", U1: "asserts",
                                 U4: "omits"},
    "steel-plant-under-construction": {ET: "omits", SP: "omits", U0: "omits", U1: "omits",
                                       U4: "asserts"},
}

# What an evidence sentence of each claim must mention: the claim's own subject, read off the
# claim, not off the method (a sentence matched on "industrial … taken" would fail it).
KEY_CONTENT = {
    "reports-called-fake": r"fake|fabricated",
    "joint-working-group": r"joint working group|in Karachi",
    "meeting-on-may-13": r"Nazaroof",
    "multibillion-contract-signed": r"multibillion",
    "talks-took-place": r"talks|negotiations|industrial cooperation",
    "s400-intercepted-missiles": r"S-400",
    "brahmos-struck-targets": r"BrahMos",
    "pahalgam-26-civilians": r"Pahalgam",
    "putin-to-visit-india": r"Putin[^.]*visit",
    "soviet-built-steel-mills": r"Soviet",
    "steel-plant-under-construction": r"700 acres",
}


@pytest.fixture(scope="module")
def reader() -> StanceReader:
    return StanceReader()


def _article(body: str, article_id: str = "a") -> Article:
    return Article(article_id, "s", Outlet(article_id, article_id.upper()), article_id.upper(),
                   sentences_from_body(body), f"{article_id}.md")


def _decide(claim: str, article: Article, carried: float = 0.9, disputed: float = 0.1):
    """The rules' reading of one pair, with the models' probabilities fixed."""
    view = claim_view(claim)
    pair = pair_reading(view, article_view([s.text for s in article.sentences]), 5)
    return decide(view, pair, carried, disputed, lambda a, b: (), article)


def test_expected_covers_every_curated_cell(seed_analysis: StoryAnalysis) -> None:
    articles = {a.id for a in seed_analysis.story.articles}
    assert set(EXPECTED) == {c.id for c in seed_analysis.story.claims} == set(KEY_CONTENT)
    assert all(set(cells) == articles for cells in EXPECTED.values())


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_curated_claims_come_out_right(seed_analysis: StoryAnalysis, claim_id: str) -> None:
    row = next(c for c in seed_analysis.claims if c.id == claim_id)
    got = {article: row.cell(article).stance for article in EXPECTED[claim_id]}
    assert got == EXPECTED[claim_id]


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_every_carried_cell_cites_sentences_on_the_claim(
    seed_analysis: StoryAnalysis, claim_id: str
) -> None:
    row = next(c for c in seed_analysis.claims if c.id == claim_id)
    for article_id, cell in row.cells:
        assert 0.0 <= cell.score <= 1.0
        if cell.curated:
            continue
        assert cell_note(cell), (claim_id, article_id)  # every cell says why
        if cell.stance == "omits":
            continue
        assert cell.evidence, (claim_id, article_id)
        article = seed_analysis.story.article(article_id)
        for sentence_id in cell.evidence:
            text = article.sentence(sentence_id).text
            assert re.search(KEY_CONTENT[claim_id], text), (claim_id, article_id, text)


def test_only_the_pakistani_leaning_outlet_asserts_the_new_plant(
    seed_analysis: StoryAnalysis,
) -> None:
    row = next(c for c in seed_analysis.claims if c.id == "steel-plant-under-construction")
    asserting = [a for a, cell in row.cells if cell.stance == "asserts"]
    assert asserting == [U4]
    assert "700 acres" in seed_analysis.story.article(U4).sentence(
        row.cell(U4).evidence[0]).text
    assert cell_note(row.cell(U4)) == "states it in its own voice"


def test_a_relayed_denial_says_who_denies(seed_analysis: StoryAnalysis) -> None:
    row = next(c for c in seed_analysis.claims if c.id == "joint-working-group")
    cell = row.cell(SP)
    assert cell.stance == "disputes" and "relays a denial by Russia" in (cell_note(cell) or "")
    # The cell cites the denial and what it denies (the Express Tribune's report).
    texts = [seed_analysis.story.article(SP).sentence(s).text for s in cell.evidence]
    assert any("rubbished" in t for t in texts) and any("Express Tribune" in t for t in texts)


def test_report_then_denial_in_one_sentence_disputes(seed_story: Story, reader) -> None:
    # "admitted negotiations … but slammed reports which claimed that a contract has been signed"
    article = seed_story.article(SP)
    assert len(clauses(article.sentence("s7").text)) == 2
    contract = reader.cell("A multibillion dollar contract was signed between Russia and "
                           "Pakistan.", article)
    assert contract.stance == "disputes" and "s7" in contract.evidence
    talks = reader.cell("Moscow admitted that talks on industrial cooperation with Pakistan "
                        "had taken place.", article)
    assert talks.stance == "asserts"


def test_a_denial_of_something_else_is_no_dispute() -> None:
    # "false records" and "a fake ID" describe things; "fake reports" judges what was said.
    assert denied_spans("They filed false campaign finance records.") == []
    assert denied_spans("She was detained for travelling with a fake ID.") == []
    assert denied_spans('Russia rubbished "fake reports" of a deal.')
    article = _article("The couple were charged with filing false campaign finance records "
                       "and converting $250,000 in campaign funds to personal use.")
    decision = _decide("The couple converted $250,000 of campaign funds to personal use.",
                       article)
    assert decision.stance == "asserts"


MINISTER = "The minister denied the story."


@pytest.mark.parametrize(("sentence", "stance"), [
    ("The minister visited Karachi on Monday.", "omits"),  # no evidence either way
    ("On Monday the minister said the story was false.", "asserts"),
    ("The minister denied the story, calling it fake.", "asserts"),
])
def test_a_denial_claim_is_carried_by_its_denial_only(sentence: str, stance: str) -> None:
    decision = _decide(MINISTER, _article(sentence))
    assert decision.stance == stance


def test_a_denial_claim_is_omitted_by_an_article_without_the_denial() -> None:
    article = _article("The minister visited Karachi on Monday.\n\n"
                       "The minister spoke about the story at length.")
    decision = _decide(MINISTER, article)
    assert decision.stance == "omits" and "denial" in stance_reason(decision.why)


def test_claim_shape_reads_denials_not_quoted_negations() -> None:
    assert claim_shape(MINISTER).negative
    assert claim_shape("Russian sources say that no multibillion dollar contract has been "
                       "signed.").negated
    quoted = ('"I don\'t think there is anybody, anywhere in the world that doubts the '
              'credentials of Prime Minister Modi," Alipov told IANS.')
    assert not claim_shape(quoted).negative and not claim_shape(quoted).negated
    assert not claim_shape("Not only Russia but also China invested in the plant.").negated
    assert claim_shape("Paul Ryan told Akin he had to leave the race.").speaker == {"paul",
                                                                                     "ryan"}


def test_negations_read_alike_with_either_apostrophe() -> None:
    assert all(NEGATION_WORDS.fullmatch(word) for word in NEGATIONS)  # one list, two forms
    straight, curly = (claim_shape(f"Russia didn{mark}t sign the steel mill contract.")
                       for mark in ("'", "’"))
    assert straight.negated and curly.negated
    assert straight.core == curly.core  # the negation is a cue, not a word of the claim
    assert NEGATION_WORDS.search("We don’t know.") and NEGATION_WORDS.search("We don't know.")


def test_a_negated_claim_is_not_disputed_by_its_own_negation() -> None:
    claim = "Blumenthal never served in Vietnam."
    agreeing = _decide(claim, _article("Mr. Blumenthal never served in Vietnam."))
    assert agreeing.stance == "asserts"


def test_a_denial_claim_is_not_disputed_by_a_sentence_sharing_its_subject(
    seed_story: Story,
) -> None:
    fake = "Russia called the reports of growing economic ties with Pakistan fake."
    decision = _decide(fake, seed_story.article(U4))  # "Russia also acknowledged …"
    assert decision.stance == "omits"


def test_credited_with_is_a_hedge(seed_story: Story, reader) -> None:
    claim = "Russian-made S-400 air defence systems intercepted incoming missiles."
    cell = reader.cell(claim, seed_story.article(SP))  # "S-400 was credited with …"
    assert cell.stance == "reports" and cell_note(cell) == "relays it as unconfirmed"
    assert "credited with" in seed_story.article(SP).sentence(cell.evidence[0]).text


def test_figures_of_a_claim_are_its_counts_not_its_dates() -> None:
    lead = ('Moscow, May 30 (IANS) Russia on Friday rubbished "fake reports" which cited that it '
            "is broadening economic ties with Pakistan.")
    assert claim_shape(lead).numbers == ()
    assert claim_shape("NEW DELHI, Jan. 5 - Talks resumed.").numbers == ()
    # A year or a day of the month is a detail an outlet may leave out; a count is the fact.
    assert claim_shape("They met in Islamabad on May 13.").numbers == ()
    assert claim_shape("The April 22 attack in 2025 killed 26 civilians.").numbers == ("26",)
    assert claim_shape("The class action covers 1.5 million women.").numbers == ("1.5",)


def test_evidence_must_meet_the_claim_not_just_its_topic(seed_story: Story, reader) -> None:
    talks = "Moscow admitted that talks on industrial cooperation with Pakistan had taken place."
    # "A major industrial project has also taken shape …" shares only topic words.
    assert reader.cell(talks, seed_story.article(U4)).stance == "omits"
    visit = "President Putin is set to visit India this year."
    assert reader.cell(visit, seed_story.article(U0)).evidence == ("s15",)
    soviet = "The Soviet Union designed and funded Pakistan Steel Mills in the 1970s."
    assert reader.cell(soviet, seed_story.article(SP)).evidence == ("s2",)


def test_attribution_asides_and_relative_clauses(seed_story: Story, reader) -> None:
    meeting = "Haroon Akhtar Khan and Denis Nazaroof met in Islamabad on May 13."
    cell = reader.cell(meeting, seed_story.article(SP))  # "The idea, reported Pakistani media,"
    assert cell.stance == "reports" and "Pakistani media" in (cell_note(cell) or "")
    visit = "President Putin is set to visit India this year."
    relative = reader.cell(visit, seed_story.article(SP))  # "Putin, who stated …, is slated …"
    assert relative.stance == "asserts" and "s13" in relative.evidence


def test_who_speaks() -> None:
    assert speaker("North Korea has moved to deny reports its leader is opening a bar") == \
        "North Korea"
    assert speaker("An Iraqi official on Wednesday denied that the woman is his wife") == \
        "An Iraqi official"
    assert speaker("“We learned,” Mr. Blumenthal said to the group in Norwalk.") == \
        "Mr. Blumenthal"
    assert speaker("The A.G., according to the Times, said he had misspoken") == "the Times"
    assert speaker("He said the meeting went well.") is None  # a pronoun is no one


def test_a_claims_figures_must_be_carried(seed_story: Story, reader) -> None:
    claim = "The April 22 Pahalgam terror attack killed 26 civilians."
    assert reader.cell(claim, seed_story.article(U1)).stance == "omits"
    # Even where the article were judged to carry it, naming the attack is not the toll.
    decision = _decide(claim, seed_story.article(U1))
    assert decision.stance == "omits" and "(26)" in stance_reason(decision.why)
    assert reader.cell(claim, seed_story.article(SP)).stance == "asserts"


def test_a_question_can_only_be_reported(seed_story: Story, reader) -> None:
    claim = "Did Russia and Pakistan agree on a joint working group for a steel mill in Karachi?"
    assert reader.cell(claim, seed_story.article(SP)).stance == "reports"


def test_a_sentence_without_content_words_is_never_evidence() -> None:
    article = _article("It was May, and he would be there.\n\nThe steel mill opened in Karachi.")
    view = claim_view("It was May, and he would be there.")
    pair = pair_reading(view, article_view([s.text for s in article.sentences]), 5)
    decision = decide(view, pair, 0.99, 0.0, lambda a, b: (), article, anchored={0})
    assert "s1" not in {article.sentences[r.index].id for r in decision.evidence}


def test_disputes_below_the_threshold_are_uncertain(seed_story: Story) -> None:
    claim = "Pakistan and Russia agreed to form a joint working group to set up a steel mill."
    model = default_model()
    shipped = StanceReader(model=model).cell(claim, seed_story.article(SP))
    assert shipped.stance == "disputes"
    threshold = model.thresholds["disputes"]
    assert shipped.uncertain == (shipped.score < threshold)
    if shipped.uncertain:
        note = cell_note(shipped) or ""
        assert shipped.shown == "uncertain" and note.startswith("uncertain: reads as")
        assert f"{shipped.score:.2f}" in note and f"{threshold:.2f}" in note
    # The same reading above a lower threshold is shown as a dispute, evidence unchanged.
    sure = dataclasses.replace(model, thresholds={**model.thresholds, "disputes": 0.0})
    shown = StanceReader(model=sure).cell(claim, seed_story.article(SP))
    assert not shown.uncertain and shown.shown == "disputes"
    assert shown.evidence == shipped.evidence and shown.score == shipped.score


_MONTHS = "january february march april may june july august september october november december"


def month_conflicts(first: str, second: str) -> tuple[FactConflict, ...]:
    """A deliberately simple date check for this test: the months two texts name differ."""
    def months(text: str) -> set[str]:
        return {m for m in _MONTHS.split() if re.search(rf"\b{m}\b", text.lower())}

    def month(name: str) -> Fact:
        number = _MONTHS.split().index(name) + 1
        return Fact("date", name, f"2025-{number:02d}", 0, len(name), unit="month")

    a, b = months(first), months(second)
    if not a or not b or a & b:
        return ()
    x, y = month(sorted(a)[0]), month(sorted(b)[0])
    return (FactConflict("date", x.text, y.text, x.value, y.value, (x, y)),)


def test_fact_conflict_hook_turns_a_different_date_into_a_dispute(seed_story: Story) -> None:
    claim = "Haroon Akhtar Khan and Denis Nazaroof met in Islamabad on May 13."
    u4 = seed_story.article(U4)  # "Earlier in April, … Nazaroof also met with … Khan"
    default = article_cell(claim, u4)
    assert default.stance != "disputes"
    hooked = article_cell(claim, u4, facts=month_conflicts)
    assert hooked.stance == "disputes"
    assert "Earlier in April" in u4.sentence(hooked.evidence[0]).text
    assert "conflicting fact: different dates: “may” (May 2025) against “april” (April 2025)" in (
        cell_note(hooked) or "")
    # The outlets that give the same date are not touched by the hook.
    assert article_cell(claim, seed_story.article(U0), facts=month_conflicts).stance == \
        "reports"
    matrix = claim_matrix(seed_story, StanceReader(facts=month_conflicts))
    row = next(c for c in matrix if c.id == "meeting-on-may-13")
    assert row.cell(U4).stance == "disputes"


def test_overrides_win_and_carry_their_note(seed_analysis: StoryAnalysis) -> None:
    row = next(c for c in seed_analysis.claims if c.id == "putin-to-visit-india")
    cell = row.cell(ET)
    assert cell.curated and cell.stance == "omits" and "Lavrov" in (cell_note(cell) or "")
    assert not cell.uncertain and cell.score == 1.0
