"""Stance with evidence on the seed story's real sentences, and the fact-conflict hook."""

from __future__ import annotations

import re

import pytest

from parallax.analyze import story_space
from parallax.claims import claim_matrix
from parallax.model import Article, Outlet, Story, StoryAnalysis
from parallax.similarity import SentenceSpace
from parallax.stance import (
    NEGATION_WORDS,
    NEGATIONS,
    LexicalScorer,
    article_cell,
    claim_shape,
    clauses,
    sentence_stance,
)
from parallax.text import sentences_from_body

ET, SP, U0, U1, U4 = ("eurasian-times", "sakshi-post", "unattributed-000", "unattributed-001",
                      "unattributed-004")

# What each outlet does with each curated claim, every cell, decided by reading the texts (see
# claims.yml). The EurAsian Times piece is about an earlier episode and carries none of them; the
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
def scorer(seed_story: Story) -> LexicalScorer:
    return LexicalScorer(story_space(seed_story))


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
        if cell.stance == "omits" or cell.curated:
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


MINISTER = "The minister denied the story."


@pytest.mark.parametrize(("sentence", "stance"), [
    ("The minister visited Karachi on Monday.", "omits"),  # no evidence either way
    ("On Monday the minister said the story was false.", "asserts"),
    ("The minister denied the story, calling it fake.", "asserts"),
    ("The minister confirmed the story.", "disputes"),  # states what the claim denies
    ("Aides said the minister confirmed the story.", "omits"),  # someone else's word for it
])
def test_a_denial_claim_needs_a_denial_or_a_contradiction(sentence: str, stance: str) -> None:
    story_scorer = LexicalScorer(SentenceSpace([MINISTER, sentence, "Karachi is a city."]))
    assert sentence_stance(MINISTER, sentence, 0.5, story_scorer)[0] == stance


def test_a_denial_claim_is_omitted_by_an_article_without_the_denial() -> None:
    body = ("The minister visited Karachi on Monday.\n\n"
            "The minister spoke about the story at length.")
    article = Article("a", "s", Outlet("a", "A"), "A", sentences_from_body(body), "a.md")
    space = SentenceSpace([s.text for s in article.sentences])
    cell = article_cell(MINISTER, article, LexicalScorer(space))
    assert cell.stance == "omits" and "denial" in (cell.note or "")


class _ScorerWithoutSpace:
    """A scorer that knows no story space (as `SemanticScorer()` without one)."""

    threshold = LexicalScorer.threshold
    space = None

    def __init__(self, inner: LexicalScorer) -> None:
        self._inner = inner

    def similarity(self, claim: str, text: str) -> float:
        return self._inner.similarity(claim, text)


def test_a_scorer_without_a_space_counts_words_over_the_article(seed_story: Story) -> None:
    article = seed_story.article(SP)
    own = LexicalScorer(SentenceSpace(s.text for s in article.sentences))
    for claim in seed_story.claims:
        assert article_cell(claim.text, article, _ScorerWithoutSpace(own)) == \
            article_cell(claim.text, article, own)


def test_claim_shape_reads_denials_not_quoted_negations() -> None:
    assert claim_shape(MINISTER).negative
    assert claim_shape("Russian sources say that no multibillion dollar contract has been "
                       "signed.").negative
    quoted = ('"I don\'t think there is anybody, anywhere in the world that doubts the '
              'credentials of Prime Minister Modi," Alipov told IANS.')
    assert not claim_shape(quoted).negative and claim_shape(quoted).negated
    assert not claim_shape("Not only Russia but also China invested in the plant.").negative


def test_negations_read_alike_with_either_apostrophe() -> None:
    assert all(NEGATION_WORDS.fullmatch(word) for word in NEGATIONS)  # one list, two forms
    straight, curly = (claim_shape(f"Russia didn{mark}t sign the steel mill contract.")
                       for mark in ("'", "’"))
    assert straight.negative and curly.negative
    assert straight.core == curly.core  # the negation is a cue, not a word of the claim
    assert NEGATION_WORDS.search("We don’t know.") and NEGATION_WORDS.search("We don't know.")


def test_polarity_on_the_seed_story(seed_story: Story, scorer) -> None:
    # A denial-claim is not disputed by a sentence that merely shares its subject.
    fake = "Russia called the reports of growing economic ties with Pakistan fake."
    acknowledged = seed_story.article(U4).sentence("s8").text  # "Russia also acknowledged …"
    assert sentence_stance(fake, acknowledged, 0.24, scorer)[0] == "omits"
    exaggerated = seed_story.article(SP).sentence("s9").text  # "An exaggerated news from …"
    lavrov = seed_story.article(ET).sentence("s4").text  # "Moscow is ready for any cooperation"
    assert sentence_stance(exaggerated, lavrov, 0.3, scorer)[0] == "omits"
    # A claim quoting "I don't think anybody doubts…" is no denial: a paraphrase without the
    # negation does not dispute it, and one with its own negation agrees with it.
    alipov = seed_story.article(SP).sentence("s14").text
    commended = seed_story.article(U1).sentence("s7").text  # "publicly commended … Modi"
    assert sentence_stance(alipov, commended, 0.3, scorer)[0] != "disputes"
    isnt = seed_story.article(U0).sentence("s16").text  # "There isn't anyone anywhere …"
    assert sentence_stance(alipov, isnt, 0.5, scorer)[0] == "asserts"


def test_credited_with_is_a_hedge(seed_story: Story, scorer) -> None:
    credited = seed_story.article(SP).sentence("s10").text  # "S-400 was credited with …"
    assert "credited with" in credited
    claim = "Russian-made S-400 air defence systems intercepted incoming missiles."
    assert sentence_stance(claim, credited, 0.5, scorer)[0] == "reports"


def test_a_wire_dateline_is_no_figure_of_the_claim() -> None:
    lead = ('Moscow, May 30 (IANS) Russia on Friday rubbished "fake reports" which cited that it '
            "is broadening economic ties with Pakistan.")
    assert claim_shape(lead).numbers == ()
    assert claim_shape("NEW DELHI, Jan. 5 - Talks resumed.").numbers == ()
    assert claim_shape("They met in Islamabad on May 13.").numbers == ("13",)


def test_evidence_must_meet_the_claim_not_just_its_topic(seed_story: Story, scorer) -> None:
    talks = "Moscow admitted that talks on industrial cooperation with Pakistan had taken place."
    # "A major industrial project has also taken shape …" shares only topic words.
    assert article_cell(talks, seed_story.article(U4), scorer).stance == "omits"
    visit = "President Putin is set to visit India this year."
    assert article_cell(visit, seed_story.article(U0), scorer).evidence == ("s15",)
    soviet = "The Soviet Union designed and funded Pakistan Steel Mills in the 1970s."
    assert article_cell(soviet, seed_story.article(SP), scorer).evidence == ("s2",)


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
