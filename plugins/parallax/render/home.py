"""The list of stories: put into the hand-written home page where it holds the marker, or a
home page of its own when the site has none."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Story
from .common import Bar, Link, bar
from .generated_page import GeneratedPage
from .links import relative
from .templating import Templates

MARKER = "<!-- parallax:stories -->"
HOME = "index.md"


@dataclass(frozen=True)
class StoryRow:
    link: Link
    date: str | None
    outlets: Bar
    articles: int


def story_rows(stories: list[Story], from_page: str) -> list[StoryRow]:
    """Newest first; the outlet count as a bar scaled to the story with most outlets."""
    most = max((len({a.outlet.slug for a in s.articles}) for s in stories), default=0)
    rows = []
    for story in sorted(stories, key=lambda s: (s.date or "", s.id), reverse=True):
        outlets = len({a.outlet.slug for a in story.articles})
        rows.append(StoryRow(Link(relative(from_page, ids.story_page(story.id)), story.title),
                             story.date, bar(outlets, most, str(outlets)), len(story.articles)))
    return rows


def render_story_list(stories: list[Story], templates: Templates,
                      from_page: str = HOME) -> str:
    """The stories as an HTML table, for the hand-written page holding `MARKER`."""
    return templates.render("stories", stories=story_rows(stories, from_page)).html


def render_home(stories: list[Story], templates: Templates) -> GeneratedPage:
    """A home page listing the stories, for a site whose docs have none."""
    rendered = templates.render("home", stories=story_rows(stories, HOME))
    return GeneratedPage(HOME, "Stories", rendered.html, rendered.headings)
