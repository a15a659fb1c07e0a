"""The input side of the model: outlets, articles and their sentences, stories, curated claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stance = Literal["asserts", "reports", "disputes", "omits"]
STANCES: tuple[Stance, ...] = ("asserts", "reports", "disputes", "omits")

# Alignment row operations of a pairwise diff (see export schema).
RowOp = Literal["equal", "replace", "delete", "insert", "move"]

OutletKind = Literal["wire", "state", "private"]
OUTLET_KINDS: tuple[str, ...] = ("wire", "state", "private")


@dataclass(frozen=True)
class Outlet:
    """A publisher. `slug` is the key used in `data/outlets.yml` and in URLs."""

    slug: str
    name: str
    country: str | None = None
    url: str | None = None
    kind: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, addressable as ``<article page>#<id>``."""

    id: str
    text: str
    paragraph: int  # 0-based paragraph index inside the body


def sentence_number(sentence_id: str) -> int:
    """The place of a sentence in its article, from its id: ``"s12"`` → 12 (0 for an id not
    of that form). The one place sentence ids are read as numbers."""
    digits = sentence_id[1:]
    return int(digits) if digits.isdigit() else 0


@dataclass(frozen=True)
class Removed:
    """A piece of boilerplate the importer dropped, kept so nothing is lost silently."""

    rule: str
    text: str


@dataclass(frozen=True)
class Article:
    """One outlet's article, validated and split into sentences."""

    id: str
    story_id: str
    outlet: Outlet
    title: str
    sentences: tuple[Sentence, ...]
    source_path: str  # relative to the data dir, for error messages and edit links
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    credit: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # unknown front-matter keys, kept and ignored
    note: str | None = None  # the curator's remark, shown on the article page
    # Where `date` came from when not from the front matter: "dateline “Moscow, May 30 (IANS)”"
    date_source: str | None = None

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    @property
    def paragraphs(self) -> tuple[tuple[Sentence, ...], ...]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.paragraph, []).append(sentence)
        return tuple(tuple(grouped[k]) for k in sorted(grouped))

    def sentence(self, sentence_id: str) -> Sentence:
        # Ids are s1, s2, … in order: look there first (a scan per lookup is quadratic in long
        # articles), then scan, for sentences built by hand.
        number = sentence_number(sentence_id)
        if 0 < number <= len(self.sentences):
            candidate = self.sentences[number - 1]
            if candidate.id == sentence_id:
                return candidate
        for sentence in self.sentences:
            if sentence.id == sentence_id:
                return sentence
        raise KeyError(f"{self.id} has no sentence {sentence_id}")


@dataclass(frozen=True)
class Override:
    """A curated cell in `claims.yml`: it wins over the automatic stance."""

    stance: Stance
    evidence: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class ClaimSpec:
    """A claim as written by a maintainer in `claims.yml`."""

    id: str
    text: str
    # keyed by article id (outlet-slug keys are resolved to article ids by `load`)
    overrides: tuple[tuple[str, Override], ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Story:
    """One story: its metadata, its articles (sorted by id) and its curated claims."""

    id: str
    title: str
    articles: tuple[Article, ...]
    claims: tuple[ClaimSpec, ...] = ()
    date: str | None = None
    summary: str | None = None
    source_dir: str = ""
    synopsis_base: str | None = None  # story.yml `synopsis_base:`; None = chosen by analysis

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(f"story {self.id} has no article {article_id}")

    def article_labels(self) -> dict[str, str]:
        """What each article is called on pages and pictures: its outlet's name, with the
        article id added when the outlet has several articles in the story."""
        counts: dict[str, int] = {}
        for article in self.articles:
            counts[article.outlet.name] = counts.get(article.outlet.name, 0) + 1
        return {a.id: a.outlet.name if counts[a.outlet.name] == 1
                else f"{a.outlet.name} ({a.id})" for a in self.articles}
