"""The export carries facts, quotes, quote groups and discrepancies, as documented."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.export.story_export import story_document, to_json
from parallax.model import StoryAnalysis

DOCS = Path(__file__).resolve().parents[1] / "site_src" / "export-format.md"
DATA = Path(__file__).resolve().parents[1] / "data"


def test_new_sections_are_exported(seed_analysis: StoryAnalysis) -> None:
    document = json.loads(to_json(seed_analysis))
    s3 = seed_analysis.story.article("sakshi-post").sentence("s3").text
    start = s3.index("Haroon Akhtar Khan")
    assert document["facts"]["sakshi-post"]["s3"][0] == {
        "kind": "person", "text": "Haroon Akhtar Khan", "value": "haroon akhtar khan",
        "start": start, "end": start + len("Haroon Akhtar Khan")}
    dates = [f for f in document["facts"]["sakshi-post"]["s1"] if f["kind"] == "date"]
    friday = seed_analysis.story.article("sakshi-post").sentence("s1").text.index("on Friday")
    assert dates[1] == {"kind": "date", "text": "on Friday", "value": "2025-05-30",
                        "start": friday, "end": friday + 9, "unit": "day", "relative": True,
                        "range": ["2025-05-30", "2025-05-30"], "about": "rubbish fake report"}
    quotes = {q["id"]: q for q in document["quotes"]}
    official = next(q for q in quotes.values()
                    if q["article"] == "unattributed-000" and q["sentence"] == "s10")
    assert official["marks"] == "close-only" and not official["short"]
    group = next(g for g in document["quote_groups"] if official["id"] in g["quotes"])
    assert group["flags"][0]["kind"] == "wording"
    assert {"article": "unattributed-000", "sentence": "s10"} in group["flags"][0]["sentences"]
    assert all(q in quotes for g in document["quote_groups"] for q in g["quotes"])
    kinds = {d["kind"] for d in document["discrepancies"]}
    assert {"date", "presence", "name"} <= kinds
    for discrepancy in document["discrepancies"]:
        assert set(discrepancy) == {"id", "kind", "topic", "values", "explanation",
                                    "confidence", "confident"}
        assert discrepancy["confident"] == (discrepancy["confidence"] >= 0.7)
    assert document["schema_version"] == "2.2"  # 1.4 brought these; 2.1 contradictions
    tribune = next(q for q in quotes.values() if q["via"] == "The Express Tribune")
    assert tribune["speaker"] is None and tribune["resolved"] is False
    assert {f["confident"] for g in document["quote_groups"] for f in g["flags"]} <= {True, False}


def test_export_is_deterministic(seed_analysis: StoryAnalysis) -> None:
    assert to_json(seed_analysis) == to_json(seed_analysis)


def test_every_exported_key_is_documented(seed_analysis: StoryAnalysis) -> None:
    documented = DOCS.read_text(encoding="utf-8")
    document = story_document(seed_analysis)
    keys = {"facts", "quotes", "quote_groups", "discrepancies"}
    keys |= set(document["quotes"][0]) | set(document["quote_groups"][0])
    keys |= set(document["quote_groups"][0]["flags"][0]) | set(document["discrepancies"][0])
    keys |= {k for sentences in document["facts"].values() for facts in sentences.values()
             for fact in facts for k in fact}
    # 2.2's word diffs: on rows, shared facts, quote versions and synopsis cells, one shape.
    pair = next(p for p in document["pairs"] if any("diff" in r for r in p["rows"]))
    diff = next(r["diff"] for r in pair["rows"] if "diff" in r)
    keys |= set(pair) | set(pair["facts"][0]) | set(diff) | set(diff["segments"][0])
    keys |= {k for v in document["quote_groups"][0]["versions"] for k in v}
    keys |= {k for row in document["synopsis"]["rows"] for c in row["cells"].values() for k in c}
    missing = {k for k in keys if not re.search(rf"`{k}(?:\[\])?`", documented)}
    assert not missing, f"undocumented in export-format.md: {sorted(missing)}"


@pytest.mark.slow
def test_export_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    # Sets iterate in a per-process order: the export must not depend on it.
    script = ("from pathlib import Path; from parallax.data.load import load_data; "
              "from parallax.analysis.analyze import analyze; "
              "from parallax.export.story_export import to_json; "
              f"import sys; sys.stdout.write(to_json(analyze(load_data(Path({str(DATA)!r}))[0])))")
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
