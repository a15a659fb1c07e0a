"""The shipped sentence-embedding model: its files, its tokenizer, stable vectors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from parallax.nlp.encoder import MODEL_DIR, SentenceEncoder, default_encoder
from parallax.nlp.wordpiece import normalize, pre_tokenize


def test_model_files_match_their_manifest() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256((MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert (MODEL_DIR / "LICENSE").read_text(encoding="utf-8").count("Apache License") >= 1
    provenance = (MODEL_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "all-MiniLM-L6-v2" in provenance and "Apache-2.0" in provenance
    assert "tools/build_embedding_model.py" in provenance
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 30_000_000  # the package stays small


def test_wordpiece_follows_bert_rules() -> None:
    assert normalize("Naïve CAFÉ\u200b\tx") == "naive cafe x"
    assert pre_tokenize("Russia's \"fake\" deal—U.S.") == [
        "Russia", "'", "s", '"', "fake", '"', "deal", "—", "U", ".", "S", "."]
    encoder = default_encoder()
    vocab = encoder.tokenizer.vocabulary
    token = {i: t for t, i in vocab.items()}
    pieces = [token[i] for i in encoder.tokenizer.ids("Nazarov unbelievably")]
    assert "".join(p.removeprefix("##") for p in pieces) == "nazarovunbelievably"
    assert not pieces[0].startswith("##")  # each word starts with a whole-word piece
    assert sum(not p.startswith("##") for p in pieces) == 2  # ...and only there
    assert encoder.tokenizer.ids("x" * 101) == [encoder.tokenizer.unknown_id]


def test_vectors_are_unit_length_and_meaningful() -> None:
    encoder = default_encoder()
    vectors = encoder.encode([
        "The steel mill in Karachi will be revived with Russian help.",
        "Russia is to help restore the Karachi steel plant.",
        "The cricket match was washed out by heavy rain.",
        "",
    ])
    assert vectors.dtype == np.float32 and vectors.shape == (4, encoder.dimensions)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not vectors[3].any()  # no known token: the zero vector, never NaN
    paraphrase, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert paraphrase > 0.6 and paraphrase > unrelated + 0.3


def _vector_digest(seed: str) -> str:
    code = ("from parallax.nlp.encoder import default_encoder;import hashlib;"
            "v=default_encoder().encode(['Russia dismissed the reports as fake.',"
            "'Pakistan Steel Mills (PSM) was set up with Soviet help.']);"
            "print(hashlib.sha256(v.tobytes()).hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", code], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.mark.slow
def test_vectors_are_identical_under_any_hash_seed() -> None:
    assert len({_vector_digest(seed) for seed in ("0", "1", "12345")}) == 1


def test_a_copy_of_the_model_loads(tmp_path: Path) -> None:
    for name in ("vectors.npy", "vocab.txt", "manifest.json"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    copy = SentenceEncoder(tmp_path)
    assert copy.version == default_encoder().version
    (tmp_path / "vocab.txt").write_text("[UNK]\nonly", encoding="utf-8")
    with pytest.raises(ValueError, match="do not match the vocabulary"):
        SentenceEncoder(tmp_path)


def test_meaning_space_embeds_each_text_once() -> None:
    from parallax.nlp.semantic import MeaningSpace

    texts = ["Russia denied the report.", "Moscow rejected the story.", "It rained in Lahore."]
    space = MeaningSpace(texts)
    grid = space.matrix(texts, texts)
    assert grid.shape == (3, 3) and np.allclose(np.diag(grid), 1.0, atol=1e-5)
    assert space.similarity(texts[0], texts[1]) > space.similarity(texts[0], texts[2])
    space.vectors(texts + texts[:1])
    assert len(space._rows) == 3  # no text embedded twice
    assert space.similarity("", texts[0]) == 0.0
