"""Date resolution measured on news annotated with normalised time expressions (TimeML).

TempEval-3 (SemEval-2013 task 1) annotated news articles with every time expression and its
normalised value (`<TIMEX3 type="DATE" value="2013-03-22">Friday</TIMEX3>`) and each article's
creation date (DCT). We read each article's text, split it into sentences as the site does, run
`parallax.nlp.dates.find_dates` with the DCT as the publication date, and compare:

* found: share of gold calendar dates (a day, a month, a year, a week, a decade) that overlap a
  date we extract;
* right: share of them whose value we resolve exactly (at the gold's own precision), overall
  and for the relative ones (those that write no year, so that their value depends on the
  article's date: "Friday", "last week", "March 3", "three months ago"), split by whether
  the gold date lies before or after the DCT;
* spurious: share of our dates that overlap no gold time expression at all.

Gold values that are not calendar dates (PRESENT_REF, seasons, quarters, XXXX-…) are counted
and left out. Clock times are scored apart.

The data is not in this repository. Point the bench at a folder of `.tml` files:

* `$PARALLAX_TEMPEVAL` (or `--corpus`): the TempEval-3 platinum test set (20 articles, CC BY
  3.0), e.g. the `te3-platinum/` folder of github.com/qiangning/StructTempRel-EMNLP17
  (data/TempEval3/Evaluation/te3-platinum);
* `--dev PATH`: TimeBank and AQUAINT as cleaned for TempEval-3 (`TBAQ-cleaned/`, e.g. from
  github.com/jspotter/TempEval-3, data/TBAQ-cleaned), the development set the rules were
  checked against.

With `--polnear PATH` (or $PARALLAX_POLNEAR: the `data` folder of github.com/networkdynamics/
PolNeAR) it also reads the datelines of PolNeAR's articles and compares them with their
publication dates.

Run: `.venv/bin/python bench/dates.py [--corpus PATH] [--dev PATH] [--polnear PATH]
[--errors N]`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from parallax.nlp.dates import find_dates
from parallax.nlp.text import split_paragraphs, split_sentences

CORPUS_ABSENT = 2
_CALENDAR = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}(?:-WE)?|\d{3})$")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    kind: str  # DATE, TIME, DURATION, SET
    value: str
    relative: bool


@dataclass(frozen=True)
class Document:
    name: str
    dct: str
    text: str
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> Document:
    """The plain text of a TimeML file with its TIMEX3 spans and its creation date."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    dct_timex = root.find("DCT/TIMEX3")
    dct = (dct_timex.get("value") or "")[:10] if dct_timex is not None else ""
    body = root.find("TEXT")
    pieces: list[str] = []
    timexes: list[Timex] = []

    def walk(element: ET.Element) -> None:
        if element.text:
            pieces.append(element.text)
        for child in element:
            start = sum(map(len, pieces))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, pieces))
                text = "".join(pieces)[start:end]
                # Relative: its value needs the article's date (no year written out).
                timexes.append(Timex(start, end, text, child.get("type") or "",
                                     child.get("value") or "",
                                     not re.search(r"\b(?:1[89]|20)\d\d\b|['’]\d\ds\b", text)))
            if child.tail:
                pieces.append(child.tail)

    if body is not None:
        walk(body)
    return Document(path.stem, dct, "".join(pieces), tuple(timexes))


def located(text: str) -> list[tuple[str, int]]:
    """Sentences as the site splits them, with their offsets in the text."""
    found: list[tuple[str, int]] = []
    cursor = 0
    for paragraph in split_paragraphs(text):
        for sentence in split_sentences(paragraph):
            at = text.find(sentence, cursor)
            if at < 0:  # whitespace inside the sentence was normalised: search by its start
                at = text.find(sentence.split(" ", 1)[0], cursor)
                if at < 0:
                    continue
                sentence = re.sub(r"\s+", " ", text[at:at + len(sentence) + 40])[:len(sentence)]
            found.append((sentence, at))
            cursor = at + 1
    return found


def gold_form(value: str) -> str:
    """Our value in TimeML's notation: decades are written "197" there."""
    return value[:3] if re.fullmatch(r"\d{4}s", value) else value


@dataclass
class Tally:
    counts: Counter[str]
    errors: list[str]


def score(documents: list[Document]) -> Tally:
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for document in documents:
        ours: list[tuple[int, int, str, str]] = []  # (start, end, kind, value)
        for sentence, at in located(document.text):
            for fact in find_dates(sentence, document.dct or None):
                ours.append((at + fact.start, at + fact.end, fact.kind, fact.value))
        for timex in document.timexes:
            overlapping = [o for o in ours if o[0] < timex.end and timex.start < o[1]]
            if timex.kind == "TIME":
                counts["time"] += 1
                counts["time_found"] += any(o[2] == "time" for o in overlapping)
                continue
            if timex.kind != "DATE":
                continue
            if not _CALENDAR.match(timex.value):
                counts["not_calendar"] += 1
                continue
            dates = [o for o in overlapping if o[2] == "date"]
            key = "relative" if timex.relative else "absolute"
            if timex.relative and document.dct:
                key += "_future" if timex.value > document.dct[:len(timex.value)] else "_past"
            counts["gold"] += 1
            counts[f"gold_{key}"] += 1
            counts["found"] += bool(dates)
            right = any(gold_form(o[3]) == timex.value for o in dates)
            counts["right"] += right
            counts[f"right_{key}"] += right
            if not right:
                said = ", ".join(f"{document.text[o[0]:o[1]]!r}={o[3]}" for o in dates) or "none"
                errors.append(f"{document.name} (DCT {document.dct}): {timex.text!r} gold "
                              f"{timex.value}, ours {said}")
        for start, end, kind, _ in ours:
            if kind != "date":
                continue
            counts["ours"] += 1
            counts["spurious"] += not any(t.start < end and start < t.end
                                          for t in document.timexes)
    return Tally(counts, errors)


def report(title: str, documents: list[Document], show_errors: int) -> None:
    tally = score(documents)
    c = tally.counts

    def share(part: str, whole: str) -> str:
        return f"{c[part]}/{c[whole]} = {c[part] / c[whole]:.1%}" if c[whole] else "n/a"

    print(f"{title}: {len(documents)} articles, {c['gold']} calendar dates in the gold "
          f"({c['not_calendar']} other date values left out), {c['ours']} dates extracted")
    print(f"  found (overlap a date we extract):   {share('found', 'gold')}")
    print(f"  right value, all:                    {share('right', 'gold')}")
    print(f"  right value, absolute:               {share('right_absolute', 'gold_absolute')}")
    print(f"  right value, relative, in the past:  "
          f"{share('right_relative_past', 'gold_relative_past')}")
    print(f"  right value, relative, ahead:        "
          f"{share('right_relative_future', 'gold_relative_future')}")
    print(f"  spurious (ours, no gold timex):      {share('spurious', 'ours')}")
    print(f"  clock times read as times:           {share('time_found', 'time')}")
    for line in tally.errors[:show_errors]:
        print(f"    miss: {line}")


def datelines(polnear: Path) -> None:
    """Datelines against publication dates: PolNeAR's articles (US political news, 2015-16)
    carry their publication date in its metadata; for every article that opens with a dated
    dateline, is the date we read from it that day (or a day off: wire copy is dated where it
    is filed, the metadata in another time zone)? The year is counted from the publication
    date, as it would be from a story's date, so this measures the month and the day."""
    import csv
    import datetime as dt

    from parallax.analysis.facts.datelines import DATELINE_WITHIN, dateline_date

    rows = list(csv.DictReader((polnear / "metadata.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    found = same = close = 0
    for row in rows:
        path = polnear / row["compartment"] / "text" / f"{row['filename']}.txt"
        if not path.exists() or not row["publication_date"][:4].isdigit():
            continue
        published = dt.date.fromisoformat(row["publication_date"])
        opening = [s for p in split_paragraphs(path.read_text(encoding="utf-8"))
                   for s in split_sentences(p)][:DATELINE_WITHIN + 1]
        read = next((d for s in opening if (d := dateline_date(s, published))), None)
        if read is None:
            continue
        found += 1
        gap = (published - dt.date.fromisoformat(read[0])).days
        same += gap == 0
        close += abs(gap) <= 1
    print(f"datelines (PolNeAR, {len(rows)} articles): {found} open with a dated dateline; "
          f"its day is the publication day in {same}, within a day of it in {close} "
          f"({close / found:.1%})" if found else "datelines: none found")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=os.environ.get("PARALLAX_TEMPEVAL"),
                        help="folder of TempEval-3 platinum .tml files ($PARALLAX_TEMPEVAL)")
    parser.add_argument("--dev", type=Path, default=None,
                        help="folder of development .tml files (TimeBank, AQUAINT)")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    parser.add_argument("--polnear", type=Path, default=os.environ.get("PARALLAX_POLNEAR"),
                        help="PolNeAR's data folder, for datelines ($PARALLAX_POLNEAR)")
    args = parser.parse_args(argv)
    if args.polnear is not None and (Path(args.polnear) / "metadata.tsv").exists():
        datelines(Path(args.polnear))
    if args.corpus is None or not args.corpus.is_dir():
        print("TempEval-3 data not found: set PARALLAX_TEMPEVAL (or --corpus) to a folder of "
              ".tml files, such as te3-platinum from the TempEval-3 release", file=sys.stderr)
        return CORPUS_ABSENT
    if args.dev is not None:
        report(f"development ({args.dev.name})", load(args.dev), args.errors)
    report(f"TempEval-3 platinum ({args.corpus.name})", load(args.corpus), args.errors)
    return 0


def load(folder: Path) -> list[Document]:
    return [read_tml(path) for path in sorted(folder.rglob("*.tml"))]


if __name__ == "__main__":
    sys.exit(main())
