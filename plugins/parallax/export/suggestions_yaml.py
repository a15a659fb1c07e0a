"""Suggested claims as YAML a maintainer can paste into a story's `claims.yml`."""

from __future__ import annotations

import yaml

from ..model import StoryAnalysis


def suggestions_yaml(analysis: StoryAnalysis, limit: int | None = None) -> str:
    """The top suggestions as `claims.yml` items, each preceded by a comment saying why."""
    story = analysis.story
    chosen = analysis.suggestions[:limit] if limit else analysis.suggestions
    lines = [
        f"# Suggested claims for {story.id} ({len(chosen)} of {len(analysis.suggestions)}).",
        f"# Paste the ones you keep into data/stories/{story.id}/claims.yml; edit the text",
        "# freely: the id stays the claim's id from then on.",
    ]
    if not chosen:
        lines.append("# (none: every statement two outlets share is already curated)")
        lines.append("[]")
    for suggestion in chosen:
        where = ", ".join(f"{a} {' '.join(s)}" for a, s in suggestion.support)
        kind = ("carried by " + str(len(suggestion.outlets)) + " outlets"
                if suggestion.kind != "distinctive" else "only one outlet says it")
        if suggestion.kind == "headline":
            kind = "headline fact, " + kind + " in their own words"
        lines.append("")
        lines.append(f"# {suggestion.rank}. {kind} (score {suggestion.score:.2f}): {where}")
        item = yaml.safe_dump([{"id": suggestion.id, "text": suggestion.text}],
                              allow_unicode=True, sort_keys=False, width=100)
        lines.append(item.rstrip("\n"))
    return "\n".join(lines) + "\n"
