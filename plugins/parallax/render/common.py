"""Small pieces shared by several page kinds."""

from __future__ import annotations

from ..model import Article, Stance, Story
from .links import StoryLinks
from .safe import html_text

STANCE_LABELS: dict[Stance, str] = {
    "asserts": "asserts",
    "reports": "reports (attributed)",
    "disputes": "disputes",
    "omits": "omits",
}
# A symbol per stance so the matrix reads without colour.
STANCE_SYMBOLS: dict[Stance, str] = {
    "asserts": "✔",
    "reports": "❝",
    "disputes": "✘",
    "omits": "∅",
}


def article_labels(story: Story) -> dict[str, str]:
    """Outlet name per article; an outlet with several articles gets the article id added."""
    counts: dict[str, int] = {}
    for article in story.articles:
        counts[article.outlet.name] = counts.get(article.outlet.name, 0) + 1
    return {
        a.id: a.outlet.name if counts[a.outlet.name] == 1 else f"{a.outlet.name} ({a.id})"
        for a in story.articles
    }


def sentence_links(links: StoryLinks, article: Article, sentence_ids: tuple[str, ...]) -> str:
    """Comma-separated links to sentences, each titled with the sentence's text."""
    parts = []
    for sid in sentence_ids:
        text = article.sentence(sid).text
        parts.append(
            f'<a class="px-evidence" href="{html_text(links.article(article.id, sid))}" '
            f'title="{html_text(text)}">{html_text(sid)}</a>'
        )
    return ", ".join(parts)


def stance_badge(stance: Stance, curated: bool = False) -> str:
    curated_mark = (
        ' <span class="px-curated" title="set by a maintainer in claims.yml">✎ curated</span>'
        if curated else ""
    )
    return (
        f'<span class="px-stance px-stance-{stance}">'
        f'<span aria-hidden="true">{STANCE_SYMBOLS[stance]}</span> {STANCE_LABELS[stance]}'
        f"</span>{curated_mark}"
    )
