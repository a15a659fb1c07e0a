"""StoryAnalysis → open data: one JSON document per story and CSVs of its claim matrix and
its discrepancies.

The schema is documented in site_src/export-format.md and checked by tests/test_export.py. The
site's pages and this export are projections of the same StoryAnalysis, worded by the same
module (render/wording.py), so they cannot disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..model import (
    Article,
    ClaimResult,
    Contradiction,
    Discrepancy,
    Fact,
    Lineage,
    PairAlignment,
    PairReuse,
    Quote,
    QuoteGroup,
    Story,
    StoryAnalysis,
    SuggestedClaim,
    Synopsis,
    WordDiff,
)

# The export's explanations read as the page's: the wording lives in the render layer.
from ..render.wording import (
    cell_note,
    contradiction_explanation,
    discrepancy_explanation,
    discrepancy_topic,
    edge_evidence,
    lineage_sentences,
    quote_flag_explanation,
    reuse_reason,
    synopsis_base_reason,
)

# 1.1 suggested claims; 1.2 facts, quotes, discrepancies; 1.3 reuse, lineage, synopsis;
# 1.4 confidences of discrepancies and quote flags, fact ranges and subjects, clock times,
# quotes' `via` and `resolved`, articles' `date_source`; 1.5 alignment by meaning: a row's
# similarity is p(same fact), and a move may show on one side only;
# 2.0 calibrated cells: `stance` may be `uncertain` (the best reading moves to `reading`);
# 2.1 contradictions (JSON `contradictions`, CSV rows of kind `contradiction`), suggestion kind
# `headline`, suggested claim texts cleaned (no dateline or leading conjunction);
# 2.2 word-level diffs: `diff` on replaced and moved rows, a pair's shared `facts`, synopsis
# cells and quote group `versions`
SCHEMA_VERSION = "2.2"


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
        "facts": _facts(analysis),
        "quotes": [_quote(q) for q in analysis.quotes],
        "quote_groups": [_quote_group(g) for g in analysis.quote_groups],
        "discrepancies": [_discrepancy(d) for d in analysis.discrepancies],
        "contradictions": [_contradiction(c, story) for c in analysis.contradictions],
        "reuse": [_reuse(r) for r in analysis.reuse],
        "lineage": _lineage(analysis.lineage, story),
        "synopsis": _synopsis(analysis.synopsis),
    }


def to_json(analysis: StoryAnalysis) -> str:
    """Deterministic JSON (sorted where order carries no meaning), compact: the export is the
    largest part of a site (every pair's alignment with its word diffs), and indentation made
    it 1.8 times larger (README, "Figures at scale"). `python -m json.tool` pretty-prints it."""
    return json.dumps(story_document(analysis), ensure_ascii=False,
                      separators=(",", ":")) + "\n"


# Characters a spreadsheet (Excel, LibreOffice, Google Sheets) reads as the start of a formula
# when a cell begins with them: OWASP's list (= + - @ tab CR), ASVS's NUL, a line feed, and the
# full-width forms some locales convert to their ASCII twins.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")


def spreadsheet_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    OWASP's advice for CSV injection: a cell that starts with a formula character (after any
    spaces, which some spreadsheets trim) gets a leading single quote, which spreadsheets take
    as "this is text". Quoting of commas, quotes and line breaks is the csv module's (RFC 4180).
    Leading spaces are kept: the quote goes before them.
    """
    text = str(value)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def _csv(header: list[str], rows: Iterable[list[object]]) -> str:
    """RFC 4180 CSV whose every cell passes through `spreadsheet_cell`, so article text can
    never become a live formula."""
    buffer = io.StringIO()
    # RFC 4180's CRLF: the csv module then also quotes a lone CR inside a cell, which a
    # spreadsheet would otherwise read as a new row starting with what follows it.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
    return buffer.getvalue()


def claims_csv(analysis: StoryAnalysis) -> str:
    """One row per claim x article: the matrix in a spreadsheet-friendly shape."""
    outlets = {a.id: a.outlet.name for a in analysis.story.articles}
    return _csv(
        ["claim_id", "claim", "claim_curated", "article_id", "outlet", "stance", "reading",
         "probability", "evidence", "cell_curated", "explanation"],
        ([claim.id, claim.text, claim.curated, article_id, outlets[article_id], cell.shown,
          cell.stance, f"{cell.score:.3f}", " ".join(cell.evidence), cell.curated,
          cell_note(cell) or ""]
         for claim in analysis.claims for article_id, cell in claim.cells))


def discrepancies_csv(analysis: StoryAnalysis) -> str:
    """One row per discrepancy × outlet value, with the discrepancy's confidence; then one row
    per contradiction × side (kind `contradiction`, the side's sentence as its value)."""
    story = analysis.story
    outlets = {a.id: a.outlet.name for a in story.articles}
    rows: list[list[object]] = [
        [discrepancy.id, discrepancy.kind, discrepancy.confident,
         f"{discrepancy.confidence:.3f}", discrepancy_topic(discrepancy), value.article,
         outlets[value.article], value.value, " ".join(value.sentences),
         discrepancy_explanation(discrepancy)]
        for discrepancy in analysis.discrepancies for value in discrepancy.values]
    for contradiction in analysis.contradictions:
        why = contradiction_explanation(contradiction, story)
        for side in contradiction.sides:
            rows.append([contradiction.id, "contradiction", contradiction.confident,
                         f"{contradiction.confidence:.3f}", ", ".join(contradiction.words),
                         side.article, outlets[side.article],
                         story.article(side.article).sentence(side.sentence).text,
                         side.sentence, why])
    return _csv(
        ["discrepancy_id", "kind", "confident", "confidence", "topic", "article_id", "outlet",
         "value", "sentences", "explanation"], rows)


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": article.outlet.name,
        "outlet_slug": article.outlet.slug,
        "title": article.title,
        "date": article.date,
        "date_source": article.date_source,
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
             **({"counterpart": list(r.counterpart)} if r.counterpart else {}),
             **({"diff": _diff(r.diff)} if r.diff else {})}
            for r in pair.rows
        ],
        "facts": [{"a": list(f.a), "b": list(f.b), "diff": _diff(f.diff)} for f in pair.facts],
    }


def _diff(diff: WordDiff) -> dict[str, Any]:
    """A word diff: segments in reading order (`equal` ones carry the shared words in both
    `a` and `b`); `rewritten`: shown as one replaced block."""
    return {
        "rewritten": diff.rewritten,
        "unchanged": round(diff.unchanged, 4),
        "segments": [{"op": s.op, "a": s.a, "b": s.b} for s in diff.segments],
    }


def _claim(claim: ClaimResult, suggestion: SuggestedClaim | None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "curated": claim.curated,
        "carried_by": list(claim.carried_by),
        "notable_omissions": list(claim.notable_omissions),
        "cells": {
            article_id: {
                "stance": cell.shown,
                "reading": cell.stance,
                "uncertain": cell.uncertain,
                "probability": cell.score,
                "evidence": list(cell.evidence),
                "confidence": cell.score,  # schema 1.1 name of `probability`
                "score": cell.score,  # schema 1.0 name of `probability`
                "curated": cell.curated,
                **({"note": note} if (note := cell_note(cell)) else {}),
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


def _facts(analysis: StoryAnalysis) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """article id → sentence id → facts; sentences without facts are left out."""
    facts: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for entry in analysis.facts:
        facts.setdefault(entry.article, {})[entry.sentence] = [_fact(f) for f in entry.facts]
    return facts


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "kind": fact.kind,
        "text": fact.text,
        "value": fact.value,
        "start": fact.start,
        "end": fact.end,
        **({"unit": fact.unit} if fact.unit else {}),
        **({"relative": True} if fact.relative else {}),
        **({"story_dated": True} if fact.story_dated else {}),
        **({"year_inferred": True} if fact.year_inferred else {}),
        **({"range": [fact.low or None, fact.high or None]} if fact.low or fact.high else {}),
        **({"about": fact.about} if fact.about else {}),
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "sentence": quote.sentence,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "speaker_key": quote.speaker_key,
        "cue": quote.cue,
        "marks": quote.marks,
        "short": quote.short,
        "via": quote.via,
        "resolved": quote.resolved,
    }


def _quote_group(group: QuoteGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "quotes": list(group.quotes),
        "speaker": group.speaker,
        "versions": [{"article": v.article, "quotes": list(v.quotes), "text": v.text,
                      **({"diff": _diff(v.diff)} if v.diff else {})} for v in group.versions],
        "flags": [
            {"kind": f.kind, "articles": list(f.articles), "quotes": list(f.quotes),
             "sentences": [{"article": a, "sentence": s} for a, s in f.sentences],
             "unchanged": f.unchanged, "explanation": quote_flag_explanation(f),
             "confidence": f.confidence, "confident": f.confident}
            for f in group.flags
        ],
    }


def _discrepancy(discrepancy: Discrepancy) -> dict[str, Any]:
    return {
        "id": discrepancy.id,
        "kind": discrepancy.kind,
        "topic": discrepancy_topic(discrepancy),
        "values": [{"article": v.article, "value": v.value, "sentences": list(v.sentences)}
                   for v in discrepancy.values],
        "explanation": discrepancy_explanation(discrepancy),
        "confidence": discrepancy.confidence,
        "confident": discrepancy.confident,
    }


def _contradiction(contradiction: Contradiction, story: Story) -> dict[str, Any]:
    return {
        "id": contradiction.id,
        "reason": contradiction.reason,
        "cue": contradiction.cue,
        "words": list(contradiction.words),
        "sides": [{"article": s.article, "sentence": s.sentence, "role": s.role,
                   "own_voice": s.own_voice, "speaker": s.speaker}
                  for s in contradiction.sides],
        "same_fact": contradiction.same_fact,
        "confidence": contradiction.confidence,
        "confident": contradiction.confident,
        "explanation": contradiction_explanation(contradiction, story),
    }


def _reuse(pair: PairReuse) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "label": pair.label,
        "reason": reuse_reason(pair.why),
        "words_a_in_b": pair.words_a_in_b,
        "words_b_in_a": pair.words_b_in_a,
        "sentences_a_in_b": pair.sentences_a_in_b,
        "sentences_b_in_a": pair.sentences_b_in_a,
        "narrative_a_in_b": pair.narrative_a_in_b,
        "narrative_b_in_a": pair.narrative_b_in_a,
        "copied": pair.copied,
        "passages": [
            {"a": list(p.a), "b": list(p.b), "a_text": p.a_text, "b_text": p.b_text,
             "words": p.words, "identity": p.identity, "quoted": p.quoted,
             "boilerplate": p.boilerplate}
            for p in pair.passages
        ],
    }


def _lineage(lineage: Lineage, story: Story) -> dict[str, Any]:
    return {
        "credits": [{"article": c.article, "source": c.source, "kind": c.kind, "text": c.text,
                     "sentence": c.sentence} for c in lineage.credits],
        "nodes": [{"id": n.id, "label": n.label, "kind": n.kind, "date": n.date}
                  for n in lineage.nodes],
        "edges": [{"source": e.source, "target": e.target, "kind": e.kind,
                   "directed": e.directed, "label": e.label, "share": e.share,
                   "share_back": e.share_back, "evidence": edge_evidence(e.why, story)}
                  for e in lineage.edges],
        "families": [{"source": f.source, "members": list(f.members), "earliest": f.earliest,
                      "credited": list(f.credited), "inferred": list(f.inferred)}
                     for f in lineage.families],
        "sentences": list(lineage_sentences(lineage, story)),
    }


def _synopsis(synopsis: Synopsis) -> dict[str, Any]:
    return {
        "base": synopsis.base,
        "base_reason": synopsis_base_reason(synopsis.base_reason),
        "columns": list(synopsis.columns),
        "rows": [
            {"id": row.id, "medoid": row.medoid,
             "cells": {c.article: {"sentences": list(c.sentences), "medoid": c.medoid,
                                   "unchanged": c.unchanged, "moved": list(c.moved),
                                   **({"diff": _diff(c.diff)} if c.diff else {})}
                       for c in row.cells}}
            for row in synopsis.rows
        ],
    }
