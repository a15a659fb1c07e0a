"""Contradictions between outlets: scoped polarity on real sentences (FNC-1's public headlines
and bodies), none shown on the seed or outside our BASIL gold, and the structured reasons
worded on the page, in the JSON export and in the discrepancies CSV."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape

from parallax.analysis.analyze import analyze
from parallax.analysis.facts.contradictions import ContradictionReader
from parallax.export.story_export import discrepancies_csv, story_document
from parallax.model import (
    CONFIDENT,
    Article,
    Contradiction,
    ContradictionSide,
    Outlet,
    Sentence,
    Story,
    StoryAnalysis,
)
from parallax.nlp.polarity import polarity, shared_stems
from parallax.nlp.samefact import SameFact
from parallax.nlp.semantic import MeaningSpace
from parallax.render import Templates
from parallax.render.discrepancies import render_discrepancies
from parallax.render.wording import contradiction_explanation


@pytest.fixture(scope="module")
def fnc1_texts(corpus: Path) -> set[str]:
    """Every headline and body sentence of FNC-1's competition test split."""
    from parallax.nlp.text import sentences_from_body

    folder = corpus / "fnc1"
    texts: set[str] = set()
    with (folder / "competition_test_stances.csv").open(encoding="utf-8", newline="") as f:
        texts.update(row["Headline"] for row in csv.DictReader(f))
    with (folder / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            texts.update(s.text for s in sentences_from_body(row["articleBody"]))
    return texts


def _real(texts: set[str], start: str) -> str:
    """The shortest real text opening with `start` (headlines repeat with small variants)."""
    found = sorted((t for t in texts if t.startswith(start)), key=lambda t: (len(t), t))
    assert found, start
    return found[0]


@pytest.fixture(scope="module")
def reader() -> ContradictionReader:
    return ContradictionReader(SameFact(MeaningSpace()))


ADOPTED = "Argentina's president has adopted a young Jewish boy"
NOT_ADOPTED = "No, Argentina's president did not adopt a Jewish child"


@pytest.mark.corpus
def test_a_negated_statement_against_the_statement_is_a_contradiction(
    fnc1_texts: set[str], reader: ContradictionReader
) -> None:
    stated, negated = _real(fnc1_texts, ADOPTED), _real(fnc1_texts, NOT_ADOPTED)
    reading = reader.read(("a", "s1", stated), ("b", "s1", negated))
    assert reading is not None and reading.reason == "negation"
    assert reading.cue == "did not adopt" and reading.negating[2] == negated
    assert reading.confidence >= CONFIDENT  # both in their own voice, the same fact


@pytest.mark.corpus
@pytest.mark.parametrize(("first", "second"), [
    # Both negative: "could not ever see herself being happy" agrees with "never be happy".
    ("Transgender teen who committed suicide left heartbreaking note saying she would",
     "A transgender teenager who committed suicide left a heartbreaking note"),
    # "not known which species": the negation stays in its clause, the sting is not negated.
    ("Woman stung by scorpion on Alaska Airlines flight",
     "It is not known which species stung the woman"),
    # "not everybody wakes up" bounds a quantity; it does not deny that this teenager did.
    ("Teenager wakes up while undergoing BRAIN SURGERY",
     "Brain surgery recovery can be a gamble, but not everybody wakes up"),
    # Both say he is alive: the "not dead" side is no statement for the "hoax" side to deny.
    ("Hugh Hefner is not dead", "Hugh Hefner is very much still alive, despite a hoax"),
])
def test_agreeing_or_out_of_scope_negations_are_not_contradictions(
    fnc1_texts: set[str], reader: ContradictionReader, first: str, second: str
) -> None:
    x, y = _real(fnc1_texts, first), _real(fnc1_texts, second)
    assert reader.read(("a", "s1", x), ("b", "s1", y)) is None


@pytest.mark.corpus
def test_the_negated_word_is_the_one_after_the_negation(fnc1_texts: set[str]) -> None:
    negated = _real(fnc1_texts, "We cannot confirm if ISIL leader")
    stated = _real(fnc1_texts, "Condition of Abu Bakr al-Baghdadi")
    shared = shared_stems(stated, negated)
    assert "leader" in shared
    # "cannot confirm if …": confirming is negated, not the leader the clause goes on about.
    assert not polarity(negated, shared).negated


def test_the_seed_story_shows_no_contradiction(seed_analysis: StoryAnalysis) -> None:
    # Russia's denial is relayed by every outlet that carries the reports: nobody states the
    # deal as signed in its own voice, so nothing is flagged as a contradiction.
    assert not [c for c in seed_analysis.contradictions if c.confident]


@pytest.fixture(scope="module")
def adoption(corpus: Path, fnc1_texts: set[str]) -> StoryAnalysis:
    """Two outlets' openings from FNC-1's public text: one states the adoption, one denies it."""
    def article(article_id: str, texts: list[str]) -> Article:
        return Article(article_id, "adoption", Outlet(article_id, article_id.title()), "t",
                       tuple(Sentence(f"s{k}", t, k - 1) for k, t in enumerate(texts, 1)),
                       f"{article_id}.md")

    first = article("first", [_real(fnc1_texts, ADOPTED)])
    second = article("second", [_real(fnc1_texts, NOT_ADOPTED)])
    return analyze(Story("adoption", "Adoption", (first, second)))


@pytest.mark.corpus
def test_the_page_export_and_csv_show_both_sentences(adoption: StoryAnalysis) -> None:
    (contradiction,) = adoption.contradictions
    assert contradiction.confident and contradiction.id == "contradiction-1"
    assert [s.role for s in contradiction.sides] == ["states", "negates"]
    page = render_discrepancies(adoption, Templates()).body
    assert '<h2 id="contradictions">' in page and "Possible, unconfirmed" not in page
    for side in contradiction.sides:
        text = adoption.story.article(side.article).sentence(side.sentence).text
        assert str(escape(text)) in page
    why = contradiction_explanation(contradiction, adoption.story)
    assert why.startswith("Second negates what First states") and "“did not adopt”" in why
    document = json.loads(json.dumps(story_document(adoption)))
    (exported,) = document["contradictions"]
    assert exported["reason"] == "negation" and exported["confident"] is True
    assert [s["article"] for s in exported["sides"]] == ["first", "second"]
    assert exported["explanation"] == why
    rows = list(csv.DictReader(discrepancies_csv(adoption).splitlines()))
    assert [(r["kind"], r["article_id"], r["sentences"]) for r in rows] == [
        ("contradiction", "first", "s1"), ("contradiction", "second", "s1")]


def test_the_page_shows_a_contradiction_of_any_text_as_text(
    seed_analysis: StoryAnalysis,
) -> None:
    """The contradiction table, confident and unconfirmed, without the corpus: both sentences
    quoted whole and escaped, each linked, the structured reason worded."""
    story = seed_analysis.story
    hostile = Article("evil", story.id, Outlet("evil", "<b>Evil</b>"), "t",
                      (Sentence("s1", "It did <script>alert(1)</script> not happen.", 0),),
                      "evil.md")
    analysis = replace(seed_analysis, story=replace(story, articles=(*story.articles, hostile)))
    sides = (ContradictionSide("sakshi-post", "s1", "states", True),
             ContradictionSide("evil", "s1", "negates", False, "a <i>spokesman</i>"))
    sure = Contradiction("contradiction-1", "negation", "did not", ("rubbished",), sides,
                         0.9, 0.8)
    unsure = replace(sure, id="contradiction-2", confidence=0.4)
    page = render_discrepancies(replace(analysis, contradictions=(sure, unsure)),
                                Templates()).body
    assert '<h2 id="contradictions">' in page and '<tr id="contradiction-1"' in page
    assert "1 possible contradiction the analysis is not sure of" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>&lt;b&gt;Evil&lt;/b&gt;</strong> (negates)" in page  # names escaped…
    assert "relays a &lt;i&gt;spokesman&lt;/i&gt; here" in page  # …and speakers
    assert page.count('href="../evil/#s1"') == 2
