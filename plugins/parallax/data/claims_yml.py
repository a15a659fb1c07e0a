"""claims.yml → ClaimSpec list: claim ids and texts, and curated overrides per outlet or article."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path

from ..model import STANCES, Article, ClaimSpec, Override, Stance
from . import ids
from .errors import excerpt
from .files import Problems, optional_str, read_yaml
from .yaml_lines import LineDict, LineList


def load_claims(
    path: Path,
    articles: list[Article],
    problems: Problems,
    failed: AbstractSet[str] = frozenset(),
) -> list[ClaimSpec]:
    """Read claims.yml; `failed` are ids of articles that did not load (overrides may name them)."""
    if not path.exists():
        return []
    data = read_yaml(path, problems)
    if data is None:
        return []
    if isinstance(data, LineDict) and "claims" in data:
        data = data["claims"]
    if not isinstance(data, list):
        problems.add(path, "expected a list of claims", "write `- id: c1` / `  text: …` items", 1)
        return []
    by_article = {a.id: a for a in articles}
    by_outlet: dict[str, list[str]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet.slug, []).append(article.id)
    claims: list[ClaimSpec] = []
    seen: set[str] = set()
    for index, item in enumerate(data):
        if not isinstance(item, LineDict):
            line = data.lines[index] if isinstance(data, LineList) else None
            problems.add(path, "each claim must be a mapping with id: and text:, not "
                         f"{excerpt(item)}", "write `- id: c1` / `  text: …`", line)
            continue
        claim_id, text = item.get("id"), item.get("text")
        if not isinstance(claim_id, str) or not ids.is_valid_id(claim_id):
            problems.add(path, f"claim id {excerpt(claim_id)} is missing or not a slug",
                         "use ids like c1, meeting-date", item.line)
            continue
        if claim_id in seen:
            problems.add(path, f"duplicate claim id {excerpt(claim_id)}",
                         "give each claim its own id", item.line_of("id"))
            continue
        seen.add(claim_id)
        if not isinstance(text, str) or not text.strip():
            problems.add(path, f"claim {excerpt(claim_id)} has no text", "add `text: …`", item.line)
            continue
        overrides = _parse_overrides(item, claim_id, path, by_article, by_outlet, problems,
                                     failed)
        claims.append(ClaimSpec(id=claim_id, text=text.strip(), overrides=overrides,
                                line=item.line))
    return claims


def _parse_overrides(
    item: LineDict,
    claim_id: str,
    path: Path,
    by_article: dict[str, Article],
    by_outlet: dict[str, list[str]],
    problems: Problems,
    failed: AbstractSet[str],
) -> tuple[tuple[str, Override], ...]:
    raw = item.get("overrides")
    if raw is None:
        return ()
    if not isinstance(raw, LineDict):
        problems.add(path, f"claim {excerpt(claim_id)}: overrides must map outlet to stance",
                     "write `overrides: {outlet-slug: {stance: disputes, evidence: [s3]}}`",
                     item.line_of("overrides"))
        return ()
    result: dict[str, Override] = {}
    known = sorted(set(by_outlet) | set(by_article))
    for key, value in raw.items():
        line = raw.line_of(key)
        targets = [key] if key in by_article else by_outlet.get(key, [])
        if not targets and key in failed:
            continue  # its article's own problem is reported; "unknown outlet" would mislead
        if not targets:
            problems.add(path, f"claim {excerpt(claim_id)}: override names unknown outlet "
                         f"{excerpt(key)}",
                         "use an outlet slug or article id of this story: "
                         f"{', '.join(known)}", line)
            continue
        if isinstance(value, str):
            value = {"stance": value}
        if not isinstance(value, dict) or value.get("stance") is None:
            problems.add(path, f"claim {excerpt(claim_id)}: override for {excerpt(key)} needs a "
                         "stance",
                         f"use stance: one of {', '.join(STANCES)}", line)
            continue
        if value["stance"] not in STANCES:
            problems.add(path, f"claim {excerpt(claim_id)}: override for {excerpt(key)} has "
                         f"unknown stance {excerpt(value['stance'])}",
                         f"use stance: one of {', '.join(STANCES)}",
                         value.line_of("stance") if isinstance(value, LineDict) else line)
            continue
        evidence = value.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        stance: Stance = value["stance"]
        for target in targets:
            article = by_article[target]
            known_ids = {s.id for s in article.sentences}
            missing = [e for e in evidence if e not in known_ids]
            if missing:
                problems.add(path, f"claim {excerpt(claim_id)}: {target} has no sentence "
                             f"{', '.join(map(str, missing))}",
                             f"use sentence ids s1…s{len(article.sentences)} "
                             "(see the article page)",
                             line)
                continue
            result[target] = Override(stance=stance, evidence=tuple(evidence),
                                      note=optional_str(value.get("note")))
    return tuple(sorted(result.items()))
