"""Quotation and speaker extraction measured on human annotations of news.

**BASIL** (public evaluation corpus) marks bias spans in 30 news articles and says, for each,
whether it lies inside a quotation (`quote`: yes/no) and whose (`speaker`). That is not a gold
list of quotations, but it gives three honest figures for `parallax.analysis.facts.quotes`:

* quoted spans found: share of `quote=yes` spans that lie inside a quotation we extract (the
  ceiling is below 100%: BASIL also counts indirect speech, which has no quotation marks);
* unquoted spans wrongly inside: share of `quote=no` spans inside an extracted quotation;
* speaker: for quoted spans BASIL attributes to a named person (Mike_Pence, Donald_Trump, …)
  and that we found, the share whose extracted speaker has that surname.

**PolNeAR** (Newell, Margolin and Ruths, LREC 2018: 1,008 US political news articles from
seven outlets, every attribution annotated as source, cue and content) gives a gold speaker
for every quotation. For each annotated attribution whose content is a direct quotation (in
quotation marks), we look for our quotation over the same words and compare speakers:

* found: gold direct quotations our extraction covers;
* speaker right: among those, the share whose speaker is the gold source (the same surname,
  or the same head noun for a description: "a senior official", "sources"); "no speaker" is
  counted as wrong. A gold source that is a pronoun ("he said") is compared with the last
  named source the gold gives before it in the article, a stand-in for coreference.

Development used PolNeAR's train split; the figure in the README is the test split, run once.

Run: `.venv/bin/python bench/quotes.py [--polnear PATH] [--split test|train|dev]` (BASIL from
$PARALLAX_CORPUS or ../shared/corpus; PolNeAR from $PARALLAX_POLNEAR or --polnear: the `data`
folder of a checkout of github.com/networkdynamics/PolNeAR, which is not in this repository).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from parallax.analysis.facts.quotes import SHORT_WORDS, article_quotes
from parallax.analysis.facts.sentence_facts import story_names
from parallax.model import Article, Outlet, Quote, Sentence, Story
from parallax.nlp.text import fold, split_paragraphs, split_sentences

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


def quotes_with_offsets(path: Path, body: str | None = None) -> list[tuple[Quote, int, int]]:
    """Our quotations of one article, with offsets into its body (the corpus body by default)."""
    body = body_of(path) if body is None else body
    located = located_sentences(body)
    offsets = {s.id: at for s, at in located}
    article = Article(id=path.stem, story_id=path.parent.name,
                      outlet=Outlet(slug=path.stem, name=path.stem), title="",
                      sentences=tuple(s for s, _ in located), source_path=str(path))
    # the same name list the site builds for a story (here: a story of one article)
    names = story_names(Story(id=article.story_id, title="", articles=(article,)))
    return [(q, offsets[q.sentence] + q.start, offsets[q.sentence] + q.end)
            for q in article_quotes(article, names)]


def basil(corpus: Path) -> int:
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


# --------------------------------------------------------------------------- PolNeAR

_QUOTE_MARKS = "\"“”"
_PRONOUNS = frozenset("he she they it i we you him her them".split())
_TITLE_WORDS = frozenset(
    "mr mrs ms dr sen senator rep representative gov governor president former the a an".split())


@dataclass(frozen=True)
class Attribution:
    source: str
    source_start: int
    content_start: int
    content_end: int


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one PolNeAR standoff file that have a source and a content."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, *offsets = parts[1].replace(";", " ").split()
            numbers = [int(o) for o in offsets]
            spans[parts[0]] = (label, min(numbers), max(numbers), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(p.split(":", 1) for p in parts[1].split()[1:] if ":" in p))
    found = []
    for relation in relations:
        if "Source" in relation and "Content" in relation:
            source, content = spans.get(relation["Source"]), spans.get(relation["Content"])
            if source and content:
                found.append(Attribution(source[3], source[1], content[1], content[2]))
    return found


def _direct(text: str, attribution: Attribution) -> bool:
    """The content is a direct quotation: it is, or holds, words in quotation marks."""
    content = text[attribution.content_start:attribution.content_end]
    before = text[max(0, attribution.content_start - 2):attribution.content_start]
    return any(m in content for m in _QUOTE_MARKS) or any(m in before for m in _QUOTE_MARKS)


def _key_words(speaker: str) -> set[str]:
    """The words that identify a speaker: a name's surname, a description's head noun; an
    apposition after a comma ("Huma Abedin, vice chairwoman for …") does not count."""
    head = speaker.split(",")[0] if speaker.split(",")[0].strip() else speaker
    tokens = [t for t in re.findall(r"[\w’'.-]+", head)
              if fold(t).strip(".") not in _TITLE_WORDS]
    names = [t for t in tokens if t[:1].isupper()]
    chosen = names or tokens
    if not chosen:
        return set()
    last = re.sub(r"['’]s$", "", fold(chosen[-1]).strip("."))
    return {last.rstrip("s") if not names else last}


def same_speaker(ours: str | None, gold: str) -> bool:
    if not ours:
        return False
    return bool(_key_words(ours) & _key_words(gold)) or fold(gold) in fold(ours)


def polnear(folder: Path, split: str, limit: int | None, errors: int) -> int:
    texts = folder / split / "text"
    if not texts.is_dir():
        print(f"PolNeAR not found at {folder}: set PARALLAX_POLNEAR (or --polnear) to the "
              f"`data` folder of a PolNeAR checkout (github.com/networkdynamics/PolNeAR)")
        return 2
    annotations: dict[str, Path] = {}
    for path in sorted((folder / split / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)  # one annotator each
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for name in sorted(annotations)[:limit]:
        text = (texts / f"{name}.txt").read_text(encoding="utf-8")
        quotes = quotes_with_offsets(texts / f"{name}.txt", text)
        attributions = sorted(read_ann(annotations[name]), key=lambda a: a.content_start)
        named: list[tuple[int, str]] = [(a.source_start, a.source) for a in attributions
                                        if fold(a.source) not in _PRONOUNS]
        for attribution in attributions:
            if not _direct(text, attribution):
                continue
            gold = attribution.source
            kind = "pronoun" if fold(gold) in _PRONOUNS else "named"
            words = len(text[attribution.content_start:attribution.content_end].split())
            if words <= SHORT_WORDS:
                kind = "short"  # a scare quote: listed on the page, not compared
            if kind == "pronoun" or (kind == "short" and fold(gold) in _PRONOUNS):
                earlier = [s for at, s in named if at < attribution.source_start]
                if not earlier:
                    continue
                gold = earlier[-1]
            counts[f"{kind}_gold"] += 1
            covering = [q for q, s, e in quotes if min(e, attribution.content_end) - max(
                s, attribution.content_start) >= (e - s) / 2 and e > s]
            if not covering:
                continue
            counts[f"{kind}_found"] += 1
            # A medium the quotation came through (`via`) stands for the gold's source too:
            # PolNeAR annotates "according to the newspaper" with the newspaper as source.
            right = any(same_speaker(q.speaker or q.via, gold) for q in covering)
            counts[f"{kind}_right"] += right
            counts[f"{kind}_none"] += all(q.speaker is None and q.via is None for q in covering)
            if not right and len(misses) < errors:
                around = text[max(0, attribution.content_start - 120):
                              attribution.content_end + 80].replace("\n", " ")
                misses.append(f"{kind} gold {gold!r}, ours "
                              f"{[q.speaker or q.via for q in covering]} | "
                              f"…{around}…")
    c = counts

    def share(part: str, whole: str) -> str:
        return f"{c[part]}/{c[whole]} = {c[part] / c[whole]:.1%}" if c[whole] else "n/a"

    gold = c["named_gold"] + c["pronoun_gold"]
    print(f"PolNeAR ({split} split): {min(len(annotations), limit or len(annotations))} "
          f"articles, {gold} direct quotations of more than {SHORT_WORDS} words with a source "
          f"(and {c['short_gold']} shorter ones)")
    print(f"  found:                                    "
          f"{c['named_found'] + c['pronoun_found']}/{gold}")
    for kind, label in (("named", "source named"), ("pronoun", "source a pronoun"),
                        ("short", "short quotations")):
        print(f"  speaker right, {label + ':':30}{share(f'{kind}_right', f'{kind}_found')}"
              f"  (none given: {share(f'{kind}_none', f'{kind}_found')})")
    c["all_right"] = c["named_right"] + c["pronoun_right"]
    c["all_found"] = c["named_found"] + c["pronoun_found"]
    c["all_given"] = c["all_found"] - c["named_none"] - c["pronoun_none"]
    print(f"  speaker right, all quotations found:      {share('all_right', 'all_found')}")
    print(f"  speaker right, where one is given:        {share('all_right', 'all_given')}")
    for line in misses:
        print(f"    miss: {line}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=os.environ.get("PARALLAX_POLNEAR"),
                        help="PolNeAR's data folder ($PARALLAX_POLNEAR)")
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    code = basil(corpus_path())
    if args.polnear is None:
        print("PolNeAR not given: set PARALLAX_POLNEAR (or --polnear) to the `data` folder of "
              "a checkout of github.com/networkdynamics/PolNeAR to measure speakers on it")
        return code
    return max(code, polnear(Path(args.polnear), args.split, args.limit, args.errors))


if __name__ == "__main__":
    sys.exit(main())
