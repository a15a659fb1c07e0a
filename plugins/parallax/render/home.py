"""The list of stories that the plugin puts into the hand-written home page."""

from __future__ import annotations

from .. import ids
from ..model import Story
from .links import relative
from .pictures import bar
from .safe import html_text

MARKER = "<!-- parallax:stories -->"


def render_story_list(stories: list[Story], from_page: str = "index.md") -> str:
    """An HTML table of stories: title (linked), date, outlets and articles."""
    if not stories:
        return "<p>No stories yet: add one under <code>data/stories/</code>.</p>"
    most = max(len({a.outlet.slug for a in s.articles}) for s in stories)
    rows = []
    for story in sorted(stories, key=lambda s: (s.date or "", s.id), reverse=True):
        outlets = len({a.outlet.slug for a in story.articles})
        href = relative(from_page, ids.story_page(story.id))
        rows.append(
            f'<tr><td><a href="{html_text(href)}">{html_text(story.title)}</a></td>'
            f"<td>{html_text(story.date or 'undated')}</td>"
            f"<td>{bar(outlets, most, str(outlets))}</td><td>{len(story.articles)}</td></tr>"
        )
    return (
        '<table class="px-stories"><thead><tr><th>Story</th><th>Date</th><th>Outlets</th>'
        f"<th>Articles</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
