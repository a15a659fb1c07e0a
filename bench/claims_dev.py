"""The claim matrix on its development set: 10 BASIL stories × 8 claims × 3 outlets = 240 cells.

    python bench/claims_dev.py            # figures
    python bench/claims_dev.py --cells    # also every wrong cell, with its evidence

Reads `stories/` and `claims/` of the public evaluation corpus ($PARALLAX_CORPUS, else
../shared/corpus), loads each story as the site would (a temporary data folder with the claims
as `claims.yml`, ids kept), and fills the matrix with the shipped method. Scored as the set's
README says: a cell is right when its stance is the gold or in `also_ok` (headline), strict
without `also_ok`, per class after folding accepted alternatives into the gold, and position
inversions. Uncertain cells are scored by their best reading, and counted apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only cost

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.analysis.claims.matrix import claim_matrix
from parallax.analysis.claims.stance import Decision, StanceReader
from parallax.analysis.claims.stance_model.fit import fit_softmax
from parallax.analysis.claims.stance_model.model import Softmax, StanceModel, default_model
from parallax.analysis.facts.sentence_facts import story_fact_check
from parallax.data.load import load_data
from parallax.model import STANCES, Cell, Story
from parallax.render.wording import cell_note

OUTLETS = ("fox-news", "huffpost", "new-york-times")


@dataclass(frozen=True)
class Judged:
    """One cell: the gold, what is accepted, and what the method said."""

    story: str
    claim: str
    claim_text: str
    outlet: str
    gold: str
    accepted: frozenset[str]
    cell: Cell
    gold_evidence: tuple[str, ...]

    @property
    def right(self) -> bool:
        return self.cell.stance in self.accepted

    @property
    def inversion(self) -> bool:
        predicted = self.cell.stance
        if predicted == "disputes":
            return not self.accepted & {"disputes", "omits"}
        return predicted in ("asserts", "reports") and self.accepted == {"disputes"}


def corpus_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def build_data(corpus: Path, folder: Path) -> dict[str, dict]:
    """Write the stories as a Parallax data folder; return each story's gold claims file."""
    (folder / "outlets.yml").write_text(
        "fox-news: {name: Fox News}\nhuffpost: {name: HuffPost}\n"
        "new-york-times: {name: The New York Times}\n", encoding="utf-8")
    golds = {}
    for gold_file in sorted((corpus / "claims").glob("*.yml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        story = gold["story"]
        target = folder / "stories" / story
        target.mkdir(parents=True)
        for outlet in OUTLETS:
            text = (corpus / "stories" / story / f"{outlet}.md").read_text(encoding="utf-8")
            meta_text, body = text[4:].split("\n---\n", 1)
            meta = yaml.safe_load(meta_text)
            front = {"outlet": outlet, "title": meta["title"] or story}
            if meta.get("date"):
                front["date"] = str(meta["date"])
            (target / f"{outlet}.md").write_text(
                "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body,
                encoding="utf-8")
        claims = [{"id": c["id"], "text": c["text"]} for c in gold["claims"]]
        (target / "claims.yml").write_text(yaml.safe_dump(claims, allow_unicode=True),
                                           encoding="utf-8")
        golds[story] = gold
    return golds


def load_dev_set(corpus: Path) -> tuple[dict[str, Story], dict[str, dict]]:
    """The development set's stories, loaded as the site loads data, and their gold."""
    with tempfile.TemporaryDirectory() as tmp:
        golds = build_data(corpus, Path(tmp))
        stories = {s.id: s for s in load_data(tmp)}
    return stories, golds


GATE_L2 = 1e-2


def gate_rows(corpus: Path, model: StanceModel) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The in-story model's inputs for every cell, whether gold says it is carried (1) or
    omitted (0), and each cell's story."""
    stories, golds = load_dev_set(corpus)
    rows, carried, story_of = [], [], []
    for story_id, gold in sorted(golds.items()):
        reader = StanceReader(model=model)
        for claim in gold["claims"]:
            for article in stories[story_id].articles:
                rows.append(model.gate(reader.reading(claim["text"], article)))
                carried.append(int(claim["gold"][article.id]["stance"] != "omits"))
                story_of.append(story_id)
    return np.array(rows), np.array(carried), story_of


def accepted_omits(corpus: Path) -> np.ndarray:
    """Per cell, in `gate_rows` order: whether *omits* is an accepted answer."""
    _, golds = load_dev_set(corpus)
    return np.array([
        "omits" in [claim["gold"][outlet]["stance"], *claim["gold"][outlet].get("also_ok", [])]
        for _, gold in sorted(golds.items()) for claim in gold["claims"] for outlet in OUTLETS])


def fit_gate(rows: np.ndarray, carried: np.ndarray) -> Softmax:
    """Logistic regression: class 0 carried, class 1 omitted."""
    weights, bias = fit_softmax(rows, 1 - carried, 2, l2=GATE_L2)
    return Softmax(weights, bias, 1.0)


def decisions(corpus: Path, model: StanceModel) -> list[tuple[Decision, frozenset[str]]]:
    """Every cell's decision (which rule or model decided it) and its accepted stances."""
    stories, golds = load_dev_set(corpus)
    result = []
    for story_id, gold in sorted(golds.items()):
        story = stories[story_id]
        reader = StanceReader(facts=story_fact_check(story), model=model)
        for claim in gold["claims"]:
            for article in story.articles:
                cell_gold = claim["gold"][article.id]
                accepted = frozenset([cell_gold["stance"], *cell_gold.get("also_ok", [])])
                result.append((reader.decision(claim["text"], article), accepted))
    return result


def judge(corpus: Path, model: StanceModel | None = None) -> list[Judged]:
    """Every cell of the development set, judged."""
    stories, golds = load_dev_set(corpus)
    judged = []
    for story_id, gold in sorted(golds.items()):
        story: Story = stories[story_id]
        reader = StanceReader(facts=story_fact_check(story), model=model)
        rows = {row.id: row for row in claim_matrix(story, reader)}
        for claim in gold["claims"]:
            for outlet in OUTLETS:
                cell_gold = claim["gold"][outlet]
                accepted = frozenset([cell_gold["stance"], *cell_gold.get("also_ok", [])])
                judged.append(Judged(story_id, claim["id"], claim["text"], outlet,
                                     cell_gold["stance"], accepted,
                                     rows[claim["id"]].cell(outlet),
                                     tuple(cell_gold.get("evidence", []))))
    return judged


def per_class(judged: Sequence[Judged]) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support per stance, accepted alternatives folded into gold."""
    pairs = [(j.gold, j.gold if j.right else j.cell.stance) for j in judged]
    result = {}
    for label in STANCES:
        tp = sum(1 for g, p in pairs if g == p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        support = sum(1 for g, _ in pairs if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        result[label] = (precision, recall, f1, support)
    return result


def summary(judged: Sequence[Judged]) -> str:
    n = len(judged)
    right = sum(j.right for j in judged)
    strict = sum(j.cell.stance == j.gold for j in judged)
    inversions = sum(j.inversion for j in judged)
    classes = per_class(judged)
    macro = sum(v[2] for v in classes.values()) / len(classes)
    lines = [f"Claim matrix, development set: {n} cells ({len({j.story for j in judged})} "
             "stories)",
             f"  accuracy (gold or also_ok)  {right / n:.3f} ({right}/{n})",
             f"  strict accuracy             {strict / n:.3f}",
             f"  macro-F1 (4 stances)        {macro:.3f}",
             f"  position inversions         {inversions / n:.1%} ({inversions} cells)",
             "  class      precision  recall  F1     support"]
    for label, (p, r, f, s) in classes.items():
        lines.append(f"  {label:9}  {p:9.3f}  {r:6.3f}  {f:5.3f}  {s:7d}")
    confusion = Counter((j.gold, j.gold if j.right else j.cell.stance) for j in judged)
    lines.append("  confusion (rows gold, columns predicted):")
    lines.append("  " + " " * 10 + "".join(f"{s:>10}" for s in STANCES))
    for g in STANCES:
        lines.append(f"  {g:10}" + "".join(f"{confusion[(g, p)]:>10}" for p in STANCES))
    uncertain = [j for j in judged if j.cell.uncertain]
    shown = [j for j in judged if j.cell.stance == "disputes" and not j.cell.uncertain]
    right_flags = sum("disputes" in j.accepted for j in shown)
    lines.append(f"  disputes shown as red flags: {len(shown)}, right {right_flags}"
                 f" (precision {right_flags / len(shown) if shown else float('nan'):.2f}); "
                 f"uncertain cells: {len(uncertain)}")
    by_story = Counter(j.story for j in judged if j.right)
    lines.append("  per story: " + ", ".join(f"{s.split('-', 2)[2][:18]} {by_story[s]}/24"
                                             for s in sorted({j.story for j in judged})))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--cells", action="store_true", help="print every wrong cell")
    parser.add_argument("--loso", action="store_true",
                        help="also leave one story out: refit the in-story model without it")
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    if not (corpus / "claims").is_dir() or not (corpus / "stories").is_dir():
        print(f"claims_dev: no claims development set at {corpus}/claims — set "
              "PARALLAX_CORPUS to the folder of the public evaluation corpus", file=sys.stderr)
        return 2
    judged = judge(corpus)
    if args.cells:
        for j in judged:
            if not j.right:
                c = j.cell
                print(f"{j.story[:24]} {j.claim} [{j.outlet}] gold={j.gold} "
                      f"({'/'.join(sorted(j.accepted))}) got={c.stance} p={c.score:.2f}"
                      f"{' UNCERTAIN' if c.uncertain else ''} ev={' '.join(c.evidence)}: "
                      f"{cell_note(c)}")
    print(summary(judged))
    if args.loso:
        print(summary(leave_one_story_out(corpus)).replace(
            "Claim matrix, development set:", "Leave one story out (in-story model refitted "
            "without the story it fills):"))
    return 0


def leave_one_story_out(corpus: Path) -> list[Judged]:
    """Each story judged with the in-story model fitted on the other nine."""
    model = default_model()
    rows, carried, story_of = gate_rows(corpus, model)
    judged = []
    for story in sorted(set(story_of)):
        keep = np.array([s != story for s in story_of])
        held = replace(model, in_story=fit_gate(rows[keep], carried[keep]))
        judged += [j for j in judge(corpus, held) if j.story == story]
    return judged


if __name__ == "__main__":
    sys.exit(main())
