"""Precision and recall of the discrepancies page against our own gold on the BASIL stories.

`bench/gold/basil-discrepancies.yml` lists, for the 10 BASIL stories of the public evaluation
corpus, the real discrepancies a careful reader finds (each value quoted from its sentence),
the contradictions between outlets, and pairs
that must not be flagged (inflections, figures of different things, dates of two events).
The site's analysis runs on each story exactly as a build would, and:

* a flag matches a gold discrepancy when it shows two of its differing values, each in the
  article and sentence the gold quotes;
* precision: confident flags (those the page shows as discrepancies) that match a gold
  discrepancy, over all confident flags; the same for the "possible, unconfirmed" ones;
* recall: gold discrepancies matched by a confident flag, for the clear ones and for all;
* traps: flags that match a pair the gold says is not a discrepancy;
* contradictions: a flag matches a gold contradiction when its two sentences are two of the
  sentences the gold quotes for it, in different articles; precision and recall as above.

This is a development figure: the rules were written while reading these stories (the gold
was written first, from the articles alone). Run: `.venv/bin/python bench/discrepancies.py
[--verbose]` (reads $PARALLAX_CORPUS or ../shared/corpus).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from parallax.analysis.analyze import analyze
from parallax.data.load import load_data
from parallax.model import Contradiction, Discrepancy, Story
from parallax.nlp.text import fold, normalise_whitespace

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "basil-discrepancies.yml"
CORPUS_ABSENT = 2


def corpus_path() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


@dataclass(frozen=True)
class GoldValue:
    article: str  # article id
    value: str
    sentence: str  # sentence id


@dataclass(frozen=True)
class GoldItem:
    id: str
    story: str
    kind: str
    certainty: str
    values: tuple[GoldValue, ...]


def load_gold(stories: dict[str, Story], path: Path = GOLD) -> dict[str, list[GoldItem]]:
    """The gold, each quoted sentence located among the site's sentences of its article."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    gold: dict[str, list[GoldItem]] = {}
    for section in ("discrepancies", "contradictions", "not_discrepancies"):
        items = []
        for n, entry in enumerate(raw.get(section) or []):
            story = stories[entry["story"]]
            values = tuple(_locate(story, v) for v in entry["values"])
            items.append(GoldItem(entry.get("id", f"{section}-{n + 1}"), story.id,
                                  entry.get("kind", "contradiction"),
                                  entry.get("certainty", "clear"), values))
        gold[section] = items
    return gold


def _locate(story: Story, value: dict[str, Any]) -> GoldValue:
    article = story.article(Path(value["article"]).stem)
    fragment = normalise_whitespace(value["sentence"])
    for sentence in article.sentences:
        if fragment in sentence.text:
            return GoldValue(article.id, str(value["value"]), sentence.id)
    raise SystemExit(f"{GOLD.name}: {value['article']}: no sentence contains {fragment!r}")


def matches(flag: Discrepancy, item: GoldItem) -> bool:
    """The flag shows two of the item's differing values, each where the gold quotes it."""
    shown = set()
    for gold in item.values:
        for value in flag.values:
            if value.value and value.article == gold.article and gold.sentence in \
                    value.sentences and _same_words(value.value, gold.value):
                shown.add(fold(gold.value))
    return len(shown) >= 2


def _same_words(first: str, second: str) -> bool:
    a, b = fold(first), fold(second)
    return a in b or b in a


@dataclass
class Score:
    confident: int = 0
    confident_right: int = 0
    possible: int = 0
    possible_right: int = 0
    clear: int = 0
    clear_found: int = 0
    arguable: int = 0
    arguable_found: int = 0
    found_at_all: int = 0
    traps_confident: int = 0
    traps_possible: int = 0
    contradictions_confident: int = 0
    contradictions_confident_right: int = 0
    contradictions_possible: int = 0
    contradictions_possible_right: int = 0
    contradictions_clear: int = 0
    contradictions_clear_found: int = 0
    contradictions_all: int = 0
    contradictions_found: int = 0
    contradictions_found_at_all: int = 0


def contradiction_matches(flag: Contradiction, item: GoldItem) -> bool:
    """The flag's two sentences are two of the item's, in different articles."""
    quoted = {(v.article, v.sentence) for v in item.values}
    sides = {(s.article, s.sentence) for s in flag.sides}
    return len({a for a, _ in sides}) == 2 and sides <= quoted


def score(stories: dict[str, Story], gold: dict[str, list[GoldItem]],
          verbose: bool = False) -> Score:
    result = Score()
    for story_id in sorted(stories):
        analysis = analyze(stories[story_id])
        _score_contradictions(story_id, analysis.contradictions, gold, result, verbose)
        flags = analysis.discrepancies
        items = [g for g in gold["discrepancies"] if g.story == story_id]
        traps = [g for g in gold["not_discrepancies"] if g.story == story_id]
        for flag in flags:
            right = any(matches(flag, g) for g in items)
            trapped = any(matches(flag, t) for t in traps)
            if flag.confident:
                result.confident += 1
                result.confident_right += right
                result.traps_confident += trapped
            else:
                result.possible += 1
                result.possible_right += right
                result.traps_possible += trapped
            if verbose and not right:
                shown = " / ".join(f"{v.article}:{v.value!r}" for v in flag.values)
                print(f"  {'confident' if flag.confident else 'possible '} flag not in the "
                      f"gold{' (a trap)' if trapped else ''}: {story_id} {flag.kind} "
                      f"{flag.confidence}: {shown}")
        for item in items:
            confident = any(matches(f, item) for f in flags if f.confident)
            if item.certainty == "clear":
                result.clear += 1
                result.clear_found += confident
            else:
                result.arguable += 1
                result.arguable_found += confident
            result.found_at_all += any(matches(f, item) for f in flags)
            if verbose and not confident:
                print(f"  missed ({item.certainty}): {story_id} {item.id}")
    return result


def _score_contradictions(story_id: str, flags: tuple[Contradiction, ...],
                          gold: dict[str, list[GoldItem]], result: Score, verbose: bool) -> None:
    items = [g for g in gold["contradictions"] if g.story == story_id]
    for flag in flags:
        right = any(contradiction_matches(flag, g) for g in items)
        if flag.confident:
            result.contradictions_confident += 1
            result.contradictions_confident_right += right
        else:
            result.contradictions_possible += 1
            result.contradictions_possible_right += right
        if verbose and not right:
            print(f"  {'confident' if flag.confident else 'possible '} contradiction not in "
                  f"the gold: {story_id} {flag.reason} {flag.confidence}: "
                  f"{' / '.join(f'{s.article}:{s.sentence}' for s in flag.sides)}")
    for item in items:
        confident = any(contradiction_matches(f, item) for f in flags if f.confident)
        result.contradictions_all += 1
        result.contradictions_found += confident
        result.contradictions_found_at_all += any(contradiction_matches(f, item) for f in flags)
        if item.certainty == "clear":
            result.contradictions_clear += 1
            result.contradictions_clear_found += confident
        if verbose and not confident:
            print(f"  missed contradiction ({item.certainty}): {story_id} {item.id}")


def report(result: Score, gold: dict[str, list[GoldItem]]) -> None:
    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.1%}" if whole else f"{part}/0"

    total = result.clear + result.arguable
    print(f"gold: {total} discrepancies ({result.clear} clear, {result.arguable} arguable), "
          f"{len(gold['contradictions'])} contradictions ({result.contradictions_clear} clear), "
          f"{len(gold['not_discrepancies'])} pairs that are not discrepancies")
    print(f"precision, confident flags (shown as discrepancies): "
          f"{share(result.confident_right, result.confident)}")
    print(f"precision, possible flags (listed apart):            "
          f"{share(result.possible_right, result.possible)}")
    print(f"recall, clear discrepancies (confident flags):       "
          f"{share(result.clear_found, result.clear)}")
    print(f"recall, all discrepancies (confident flags):         "
          f"{share(result.clear_found + result.arguable_found, total)}")
    print(f"recall, all discrepancies (any flag):                "
          f"{share(result.found_at_all, total)}")
    print(f"not-discrepancies flagged: {result.traps_confident} confident, "
          f"{result.traps_possible} possible")
    print(f"contradictions: precision, confident flags (shown): "
          f"{share(result.contradictions_confident_right, result.contradictions_confident)}")
    print(f"contradictions: precision, possible flags (apart):  "
          f"{share(result.contradictions_possible_right, result.contradictions_possible)}")
    print(f"contradictions: recall, clear (confident flags):    "
          f"{share(result.contradictions_clear_found, result.contradictions_clear)}")
    print(f"contradictions: recall, all (confident flags):      "
          f"{share(result.contradictions_found, result.contradictions_all)}")
    print(f"contradictions: recall, all (any flag):             "
          f"{share(result.contradictions_found_at_all, result.contradictions_all)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and extra flags")
    args = parser.parse_args(argv)
    corpus = corpus_path()
    if not (corpus / "stories").is_dir():
        print(f"public corpus not found at {corpus}: set PARALLAX_CORPUS to its folder",
              file=sys.stderr)
        return CORPUS_ABSENT
    stories = {s.id: s for s in load_data(corpus)}
    gold = load_gold(stories)
    result = score(stories, gold, args.verbose)
    report(result, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
