"""View-model pieces shared by several page kinds (their templates are the partials)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import Article, Stance, Story, WordDiff
from .links import StoryLinks

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


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Bar:
    """A horizontal bar: `share` of the track filled (0..1), the number written beside it."""

    share: float
    label: str


def bar(value: float, maximum: float, label: str) -> Bar:
    return Bar(0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)), label)


@dataclass(frozen=True)
class SentenceRef:
    """A link to one sentence of an article; `text` is the sentence (a link's title, a quote)."""

    id: str
    href: str
    text: str


def sentence_refs(links: StoryLinks, article: Article, ids: tuple[str, ...]) -> list[SentenceRef]:
    return [SentenceRef(sid, links.article(article.id, sid), article.sentence(sid).text)
            for sid in ids]


@dataclass(frozen=True)
class Piece:
    """A run of text in a word diff: plain, struck through (`del`) or underlined (`ins`); a
    `block` piece is a whole passage replaced at once."""

    kind: Literal["text", "del", "ins"]
    text: str
    block: bool = False


DiffSide = Literal["a", "b", "both"]


def diff_pieces(diff: WordDiff, side: DiffSide) -> list[Piece]:
    """One side of a word diff: `a` strikes out what b lacks, `b` underlines what it adds,
    `both` does both in b's text. A rewritten passage is one block of its side's text."""
    if diff.rewritten:
        whole = diff.segments[0]
        if side == "a":
            return [Piece("del", whole.a, block=True)]
        return [Piece("ins", whole.b, block=True)]
    pieces = []
    for segment in diff.segments:
        if segment.op == "equal":
            pieces.append(Piece("text", segment.a if side == "a" else segment.b))
            continue
        if segment.a and side in ("a", "both"):
            pieces.append(Piece("del", segment.a))
        if segment.b and side in ("b", "both"):
            pieces.append(Piece("ins", segment.b))
    return pieces


def plain(text: str) -> list[Piece]:
    return [Piece("text", text)]


@dataclass(frozen=True)
class Header:
    """The top of a story's sub-page: its title and a link back to the story."""

    title: str
    story: Link


def header(title: str, story: Story, links: StoryLinks) -> Header:
    return Header(title, Link(links.story_home(), story.title))
