"""The seed story's hand-judged alignment gold (tests/fixtures/seed_alignment_gold.yml), scored.

Shared by tests/test_alignment_gold.py and bench/paraphrase.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parallax.model import PairAlignment, Story

GOLD = Path(__file__).parent / "fixtures" / "seed_alignment_gold.yml"
Link = tuple[str, str]


@dataclass
class PairGold:
    a: str
    b: str
    sure: set[Link]
    possible: set[Link]
    moves: list[set[Link]]


@dataclass
class Score:
    found: int = 0
    right: int = 0  # found links that are sure or possible
    sure: int = 0
    sure_found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    moves_missing: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.sure_found / self.sure if self.sure else 1.0


def _sentence(story: Story, article: str, phrase: str) -> str:
    hits = [s.id for s in story.article(article).sentences if phrase in s.text]
    if len(hits) != 1:
        raise ValueError(f"gold phrase {phrase!r} finds {len(hits)} sentences in {article}")
    return hits[0]


def load_gold(story: Story, path: Path = GOLD) -> list[PairGold]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["pairs"]:
        a, b = entry["a"], entry["b"]

        def links(items: list[list[str]], a: str = a, b: str = b) -> set[Link]:
            return {(_sentence(story, a, x), _sentence(story, b, y)) for x, y in items}

        out.append(PairGold(a, b, links(entry.get("sure") or []),
                            links(entry.get("possible") or []),
                            [links(group) for group in entry.get("moves") or []]))
    return out


def moved_links(pair: PairAlignment) -> set[Link]:
    moved: set[Link] = set()
    for row in pair.rows:
        if row.op == "move":
            moved.update((i, j) for i in row.a for j in row.counterpart)
            moved.update((i, j) for j in row.b for i in row.counterpart)
    return moved


def score(story: Story, pairs: tuple[PairAlignment, ...], gold: list[PairGold]) -> Score:
    result = Score()
    by_key = {(p.a, p.b): p for p in pairs}
    for expected in gold:
        pair = by_key[(expected.a, expected.b)]
        found = set(pair.links())
        allowed = expected.sure | expected.possible
        result.found += len(found)
        result.right += len(found & allowed)
        result.sure += len(expected.sure)
        result.sure_found += len(found & expected.sure)
        result.wrong += [_show(story, pair, x) for x in sorted(found - allowed)]
        result.missed += [_show(story, pair, x) for x in sorted(expected.sure - found)]
        moved = moved_links(pair)
        for group in expected.moves:
            if not group & moved:
                result.moves_missing += [" or ".join(_show(story, pair, x) for x in sorted(group))]
    return result


def _show(story: Story, pair: PairAlignment, link: Link) -> str:
    a, b = story.article(pair.a), story.article(pair.b)
    return (f"{pair.a} {link[0]} / {pair.b} {link[1]}: {a.sentence(link[0]).text[:70]!r} | "
            f"{b.sentence(link[1]).text[:70]!r}")
