"""The analysis cache on disk: hit, miss, invalidation on code or data change, corrupt and
foreign entries refused with a warning, atomic writes, and `parallax cache info|clear|prune`."""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import shutil
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from parallax import model
from parallax.batch.cache import AnalysisCache, analysis_version, story_key, version_of
from parallax.cli import cli
from parallax.model import Article, Story, StoryAnalysis

from .conftest import DATA

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "parallax"


def edited(story: Story, text: str) -> Story:
    """`story` with its first article's first sentence replaced by `text`."""
    article = story.articles[0]
    sentences = (dataclasses.replace(article.sentences[0], text=text), *article.sentences[1:])
    first: Article = dataclasses.replace(article, sentences=sentences)
    return dataclasses.replace(story, articles=(first, *story.articles[1:]))


@pytest.fixture
def warnings() -> list[str]:
    return []


@pytest.fixture
def cache(tmp_path: Path, warnings: list[str]) -> AnalysisCache:
    return AnalysisCache(tmp_path / "cache", warn=warnings.append)


def entry_bytes(cache: AnalysisCache, story: Story) -> bytes:
    return cache.path(cache.key(story)).read_bytes()


def test_miss_then_hit_gives_back_an_equal_analysis(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis, warnings: list[str]
) -> None:
    assert cache.get(seed_story) is None
    cache.put(seed_story, seed_analysis)
    again = cache.get(seed_story)
    assert again == seed_analysis
    assert msgspec.json.encode(again) == msgspec.json.encode(seed_analysis)
    assert warnings == []
    # Written atomically: the entry and the cache-directory tag, no temporary file left over.
    assert [p.name for p in cache.path(cache.key(seed_story)).parent.iterdir()] == \
        [cache.path(cache.key(seed_story)).name]
    assert (cache.folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d17")


def test_a_changed_article_is_a_miss(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis
) -> None:
    cache.put(seed_story, seed_analysis)
    changed = edited(seed_story, "An entirely new opening sentence.")
    assert cache.key(changed) != cache.key(seed_story)
    assert cache.get(changed) is None
    assert cache.get(seed_story) == seed_analysis  # the other entry is untouched


def test_the_key_reads_every_input_but_nothing_else(seed_story: Story) -> None:
    # Every field `load` fills counts (a claim, the story's title); an equal story, built
    # anew, gives the same key in any process.
    assert story_key(seed_story) == story_key(dataclasses.replace(seed_story))
    assert story_key(seed_story) != story_key(dataclasses.replace(seed_story, title="Other"))
    assert story_key(seed_story) != story_key(dataclasses.replace(seed_story, claims=()))
    assert story_key(seed_story, "v1") != story_key(seed_story, "v2")


def test_another_analysis_version_is_a_miss(
    tmp_path: Path, seed_story: Story, seed_analysis: StoryAnalysis, warnings: list[str]
) -> None:
    old = AnalysisCache(tmp_path, version="old-code", warn=warnings.append)
    old.put(seed_story, seed_analysis)
    new = AnalysisCache(tmp_path, version="new-code", warn=warnings.append)
    assert new.get(seed_story) is None
    assert warnings == []  # a different key, so simply not there: nothing to warn about
    assert new.info().entries == 1 and new.info().current == 0


def test_the_version_changes_with_analysis_code_and_model_files_not_with_templates(
    tmp_path: Path,
) -> None:
    package = tmp_path / "parallax"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    assert version_of(package) == analysis_version()
    before = version_of(package)

    align = package / "analysis" / "alignment" / "pairwise.py"
    align.write_text(align.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    after_code = version_of(package)
    assert after_code != before

    weights = package / "analysis" / "claims" / "stance_model" / "weights.json"
    weights.write_bytes(weights.read_bytes() + b" ")
    after_model = version_of(package)
    assert after_model != after_code

    # Presentation only: the analysis is the same, so the cache stays valid.
    (package / "render" / "story.py").write_text("# re-worded\n", encoding="utf-8")
    (package / "cli.py").write_text("# another command line\n", encoding="utf-8")
    (package / "batch" / "analyse_many.py").write_text("# another way to run many\n",
                                                   encoding="utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "align.cpython-311.pyc").write_bytes(b"\0")
    assert version_of(package) == after_model


def _rewrite_body(raw: bytes, body: bytes) -> bytes:
    """An entry with `body` and a header whose length and checksum match it."""
    head = msgspec.json.decode(raw.partition(b"\n")[0])
    head.update(length=len(body), sha256=hashlib.sha256(body).hexdigest())
    return msgspec.json.encode(head) + b"\n" + body


@pytest.mark.parametrize("damage", [
    "truncated", "flipped byte", "empty", "not json", "wrong type", "unknown enum value",
    "pickle", "other format",
])
def test_a_corrupt_entry_is_ignored_with_a_warning_and_replaced(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis,
    warnings: list[str], damage: str,
) -> None:
    cache.put(seed_story, seed_analysis)
    path = cache.path(cache.key(seed_story))
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n")
    damaged = {
        "truncated": raw[: len(raw) // 2],
        "flipped byte": head + b"\n" + body.replace(b"Russia", b"Rossia", 1),
        "empty": b"",
        "not json": b"\x00\xff garbage",
        # Checksums recomputed: the typed decoding is what refuses these.
        "wrong type": _rewrite_body(raw, body.replace(b'"similarity":', b'"similarity":"x",'
                                                      b'"_":', 1)),
        "unknown enum value": _rewrite_body(raw, body.replace(b'"asserts"', b'"assertz"', 1)),
        # Never unpickled: a pickle is not an entry, whatever it would do when loaded.
        "pickle": pickle.dumps(seed_analysis),
        "other format": raw.replace(b'"parallax-analysis-cache"', b'"someone-else"', 1),
    }[damage]
    path.write_bytes(damaged)
    assert cache.get(seed_story) is None
    assert len(warnings) == 1
    assert str(path) in warnings[0] and "ignored" in warnings[0]
    assert seed_story.id in warnings[0]
    cache.put(seed_story, seed_analysis)  # the next write replaces it
    assert cache.get(seed_story) == seed_analysis


def test_an_entry_of_another_story_under_this_key_is_refused(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis,
    warnings: list[str],
) -> None:
    other = dataclasses.replace(seed_story, id="another-story")
    cache.put(other, dataclasses.replace(seed_analysis, story=other))
    # A foreign entry copied (or crafted) under the seed story's file name.
    shutil.copy(cache.path(cache.key(other)), cache.path(cache.key(seed_story)))
    assert cache.get(seed_story) is None
    assert "another story or analysis version" in warnings[0]


def test_an_unwritable_cache_warns_and_the_build_goes_on(
    tmp_path: Path, seed_story: Story, seed_analysis: StoryAnalysis, warnings: list[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = AnalysisCache(blocker / "cache", warn=warnings.append)
    cache.put(seed_story, seed_analysis)
    cache.put(seed_story, seed_analysis)  # said once, not once per story
    assert cache.get(seed_story) is None
    assert len(warnings) == 1 and "cannot write the analysis cache" in warnings[0]


def test_clear_prune_and_info(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis
) -> None:
    changed = edited(seed_story, "An entirely new opening sentence.")
    cache.put(seed_story, seed_analysis)
    cache.put(changed, seed_analysis)
    leftover = cache.path("x").parent / ".tmp-killed-build"
    leftover.write_bytes(b"half an entry")
    info = cache.info()
    assert (info.entries, info.current) == (2, 2)
    assert info.bytes > len(entry_bytes(cache, seed_story))
    assert cache.prune([cache.key(seed_story)]) == 1
    assert not leftover.exists()
    assert cache.get(seed_story) == seed_analysis and cache.get(changed) is None
    assert cache.clear() == 1
    assert cache.info().entries == 0 and cache.clear() == 0


def test_the_cache_commands(tmp_path: Path, seed_story: Story,
                            seed_analysis: StoryAnalysis) -> None:
    folder = tmp_path / "cache"
    AnalysisCache(folder).put(seed_story, seed_analysis)
    runner = CliRunner()
    info = runner.invoke(cli, ["cache", "info", "--cache-dir", str(folder)])
    assert info.exit_code == 0, info.output
    assert "entries: 1 (1 of this version, 0 of others)" in info.output
    assert analysis_version() in info.output
    # Prune against the real data folder keeps the seed story's entry.
    prune = runner.invoke(cli, ["cache", "prune", str(DATA), "--cache-dir", str(folder)])
    assert prune.exit_code == 0 and "removed 0 cached analyses" in prune.output
    clear = runner.invoke(cli, ["cache", "clear"], env={"PARALLAX_CACHE_DIR": str(folder)})
    assert clear.exit_code == 0 and "removed 1 cached analysis from" in clear.output
    assert AnalysisCache(folder).info().entries == 0


def test_the_commands_read_cache_dir_from_mkdocs_yml(tmp_path: Path, seed_story: Story,
                                                     seed_analysis: StoryAnalysis,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --cache-dir, the commands look where the plugin writes: its `cache_dir` in
    ./mkdocs.yml (a project that moved its cache is not told "entries: 0")."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARALLAX_CACHE_DIR", raising=False)
    AnalysisCache(tmp_path / "build-cache").put(seed_story, seed_analysis)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - parallax:\n      cache_dir: build-cache\n",
        encoding="utf-8")
    runner = CliRunner()
    info = runner.invoke(cli, ["cache", "info"])
    assert info.exit_code == 0, info.output
    assert "cache: build-cache" in info.output and "entries: 1 (1 of" in info.output
    # The option and the environment still win over the file.
    other = runner.invoke(cli, ["cache", "info", "--cache-dir", str(tmp_path / "other")])
    assert "entries: 0" in other.output
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - parallax:\n      cache_dir: [1]\n",
                                         encoding="utf-8")
    bad = runner.invoke(cli, ["cache", "info"])
    assert bad.exit_code != 0 and "parallax `cache_dir` must be a folder path" in bad.output
    (tmp_path / "mkdocs.yml").unlink()
    default = runner.invoke(cli, ["cache", "info"])
    assert "cache: .cache/parallax" in default.output


@pytest.mark.slow
def test_the_analysing_commands_share_the_cache_with_the_build(
    tmp_path: Path, seed_story: Story, seed_analysis: StoryAnalysis
) -> None:
    """`parallax claims suggest` and `parallax reuse` fill the cache a build reads, answer from
    it when the story is unchanged, and leave it alone with --no-cache."""
    folder = tmp_path / "cache"
    runner = CliRunner()
    suggest = ["claims", "suggest", seed_story.id, "--data-dir", str(DATA)]
    cold = runner.invoke(cli, [*suggest, "--cache-dir", str(folder), "--workers", "1"])
    assert cold.exit_code == 0, cold.output
    assert AnalysisCache(folder).get(seed_story) == seed_analysis
    (entry,) = folder.glob("analyses/*.json")
    written = entry.stat().st_mtime_ns
    warm = runner.invoke(cli, [*suggest, "--cache-dir", str(folder)])
    assert warm.exit_code == 0 and warm.stdout == cold.stdout
    assert entry.stat().st_mtime_ns == written, "answered from the cache, not analysed again"
    unused = tmp_path / "unused"
    uncached = runner.invoke(cli, ["reuse", str(DATA), "--no-cache", "--cache-dir", str(unused)])
    assert uncached.exit_code == 0 and not unused.exists()
    cached = runner.invoke(cli, ["reuse", str(DATA), "--cache-dir", str(folder)])
    assert cached.stdout == uncached.stdout and entry.stat().st_mtime_ns == written
    bad = runner.invoke(cli, ["reuse", str(DATA), "--workers", "none"])
    assert bad.exit_code == 2 and "--workers" in bad.output


def test_objects_inside_reasons_come_back_as_the_same_model_objects(
    cache: AnalysisCache, seed_story: Story, seed_analysis: StoryAnalysis
) -> None:
    """A Reason's values are untyped (`Any`): nested reasons and fact conflicts must come back
    as themselves, not as dicts, which needs every model dataclass to have its own field set."""
    classes = [getattr(model, name) for name in model.__all__]
    shapes = [frozenset(f.name for f in dataclasses.fields(c)) for c in classes
              if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(shapes) == len(set(shapes))
    cache.put(seed_story, seed_analysis)
    back = cache.get(seed_story)
    assert back is not None
    nested = [v for _, cell in back.claims[2].cells for _, v in (cell.why.values if cell.why
                                                                else ())]
    assert any(isinstance(v, model.Reason) for v in nested)
    assert back == seed_analysis
