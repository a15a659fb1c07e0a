"""StoryAnalysis → open data: one JSON document per story and a CSV of its claim matrix.

The schema is documented in site_src/export.md and checked by tests/test_export.py. The site's
pages and this export are written from the same StoryAnalysis, so they cannot disagree.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .claims import carriers, notable_omissions
from .model import Article, ClaimResult, PairAlignment, StoryAnalysis, SuggestedClaim

SCHEMA_VERSION = "1.1"  # 1.1: suggested claims, cell confidence, notable omissions


def story_document(analysis: StoryAnalysis) -> dict[str, Any]:
    """The export as plain JSON-ready data."""
    story = analysis.story
    suggestions = {s.id: s for s in analysis.suggestions}
    return {
        "schema_version": SCHEMA_VERSION,
        "story": {
            "id": story.id,
            "title": story.title,
            "date": story.date,
            "summary": story.summary,
        },
        "articles": [_article(a) for a in story.articles],
        "pairs": [_pair(p) for p in analysis.pairs],
        "claims": [_claim(c, suggestions.get(c.id)) for c in analysis.claims],
    }


def to_json(analysis: StoryAnalysis) -> str:
    """Deterministic, human-diffable JSON (sorted where order carries no meaning)."""
    return json.dumps(story_document(analysis), ensure_ascii=False, indent=2) + "\n"


def claims_csv(analysis: StoryAnalysis) -> str:
    """One row per claim x article: the matrix in a spreadsheet-friendly shape."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["claim_id", "claim", "claim_curated", "article_id", "outlet", "stance",
                     "evidence", "score", "cell_curated"])
    outlets = {a.id: a.outlet.name for a in analysis.story.articles}
    for claim in analysis.claims:
        for article_id, cell in claim.cells:
            writer.writerow([claim.id, claim.text, claim.curated, article_id, outlets[article_id],
                             cell.stance, " ".join(cell.evidence), f"{cell.score:.3f}",
                             cell.curated])
    return buffer.getvalue()


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": article.outlet.name,
        "outlet_slug": article.outlet.slug,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "author": article.author,
        "credit": article.credit,
        "language": article.language,
        "source_path": article.source_path,
        "sentences": [{"id": s.id, "text": s.text, "paragraph": s.paragraph}
                      for s in article.sentences],
        "removed": [{"rule": r.rule, "text": r.text} for r in article.removed],
    }


def _pair(pair: PairAlignment) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "similarity": pair.similarity,
        "rows": [
            {"op": r.op, "a": list(r.a), "b": list(r.b), "similarity": r.similarity,
             **({"counterpart": list(r.counterpart)} if r.counterpart else {})}
            for r in pair.rows
        ],
    }


def _claim(claim: ClaimResult, suggestion: SuggestedClaim | None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "curated": claim.curated,
        "carried_by": list(carriers(claim)),
        "notable_omissions": list(notable_omissions(claim)),
        "cells": {
            article_id: {
                "stance": cell.stance,
                "evidence": list(cell.evidence),
                "confidence": cell.score,
                "score": cell.score,  # schema 1.0 name of `confidence`, kept for old readers
                "curated": cell.curated,
                **({"note": cell.note} if cell.note else {}),
            }
            for article_id, cell in claim.cells
        },
    }
    if suggestion is not None:
        document["suggestion"] = {
            "rank": suggestion.rank,
            "kind": suggestion.kind,
            "score": suggestion.score,
            "outlets": list(suggestion.outlets),
            "source": {"article": suggestion.source[0], "sentence": suggestion.source[1]},
            "support": [{"article": a, "sentences": list(s)} for a, s in suggestion.support],
        }
    return document
