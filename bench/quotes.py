"""Quotation and speaker extraction measured on BASIL's human annotations (public corpus).

BASIL marks bias spans in 30 news articles and says, for each, whether it lies inside a
quotation (`quote`: yes/no) and whose (`speaker`). That is not a gold list of quotations, but
it gives three honest figures for `parallax.quotes`:

* quoted spans found: share of `quote=yes` spans that lie inside a quotation we extract (the
  ceiling is below 100%: BASIL also counts indirect speech, which has no quotation marks);
* unquoted spans wrongly inside: share of `quote=no` spans inside an extracted quotation;
* speaker: for quoted spans BASIL attributes to a named person (Mike_Pence, Donald_Trump, …)
  and that we found, the share whose extracted speaker has that surname.

Run: `.venv/bin/python bench/quotes.py` (reads $PARALLAX_CORPUS or ../shared/corpus).
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from parallax.facts import story_names
from parallax.model import Article, Outlet, Quote, Sentence, Story
from parallax.quotes import article_quotes
from parallax.text import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parents[1]


def corpus_path() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def body_of(path: Path) -> str:
    """The body as the corpus README defines it: after the front matter and one blank line."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[end + 1:] if text[end:end + 1] == "\n" else text[end:]


def located_sentences(body: str) -> list[tuple[Sentence, int]]:
    """Sentences of the body with their offsets in it (BASIL offsets are into the body)."""
    found: list[tuple[Sentence, int]] = []
    cursor = 0
    for index, paragraph in enumerate(split_paragraphs(body)):
        for text in split_sentences(paragraph):
            at = body.find(text, cursor)
            if at < 0:  # whitespace was normalised: this sentence cannot be located
                continue
            found.append((Sentence(f"s{len(found) + 1}", text, index), at))
            cursor = at + len(text)
    return found


def quotes_with_offsets(path: Path) -> list[tuple[Quote, int, int]]:
    body = body_of(path)
    located = located_sentences(body)
    offsets = {s.id: at for s, at in located}
    article = Article(id=path.stem, story_id=path.parent.name,
                      outlet=Outlet(slug=path.stem, name=path.stem), title="",
                      sentences=tuple(s for s, _ in located), source_path=str(path))
    # the same name list the site builds for a story (here: a story of one article)
    names = story_names(Story(id=article.story_id, title="", articles=(article,)))
    return [(q, offsets[q.sentence] + q.start, offsets[q.sentence] + q.end)
            for q in article_quotes(article, names)]


def main() -> int:
    corpus = corpus_path()
    gold = corpus / "gold.jsonl"
    if not gold.exists():
        print(f"public corpus not found at {corpus}: set PARALLAX_CORPUS to its folder")
        return 2
    spans = [r for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines())
             if r["type"] == "basil_phrase_span"]
    by_article: dict[str, list[dict[str, object]]] = defaultdict(list)
    for span in spans:
        by_article[str(span["article"])].append(span)
    counts = {"yes": 0, "yes_inside": 0, "no": 0, "no_inside": 0, "named": 0, "named_right": 0}
    extracted = 0
    for article in sorted(by_article):
        quotes = quotes_with_offsets(corpus / article)
        extracted += len(quotes)
        for span in by_article[article]:
            start, end = int(span["body_start"]), int(span["body_end"])  # type: ignore[call-overload]
            # Inside: at least half the span lies within the quotation's words.
            inside = [q for q, s, e in quotes if min(e, end) - max(s, start) >= (end - start) / 2]
            label = "yes" if span["quote"] == "yes" else "no"
            counts[label] += 1
            counts[f"{label}_inside"] += bool(inside)
            speaker = str(span.get("speaker") or "")
            if label == "yes" and inside and "_" in speaker and not speaker.startswith("other"):
                surname = speaker.split("_")[-1].lower()
                if surname in ("officials", "lawmakers"):
                    continue  # a group, not a named person
                counts["named"] += 1
                counts["named_right"] += any(surname in (q.speaker_key or "") for q in inside)
    print(f"BASIL: {len(by_article)} articles, {len(spans)} annotated spans, "
          f"{extracted} quotations extracted")
    print(f"quoted spans found inside an extracted quotation: "
          f"{counts['yes_inside']}/{counts['yes']} = {counts['yes_inside'] / counts['yes']:.1%}")
    print(f"unquoted spans wrongly inside a quotation:        "
          f"{counts['no_inside']}/{counts['no']} = {counts['no_inside'] / counts['no']:.1%}")
    if counts["named"]:
        print(f"speaker surname right (named speakers, found):    "
              f"{counts['named_right']}/{counts['named']} = "
              f"{counts['named_right'] / counts['named']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
