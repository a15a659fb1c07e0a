"""The N-way synopsis: no sentence lost or repeated, shared facts side by side."""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.analysis.alignment.synopsis import _oriented, default_base
from parallax.analysis.analyze import analyze
from parallax.data.errors import DataError
from parallax.data.load import load_data
from parallax.model import Article, Outlet, Sentence, Story, StoryAnalysis, Synopsis
from parallax.nlp.text import fold
from parallax.render.wording import synopsis_base_reason

from .conftest import DATA, SEED_STORY


def _no_loss(story: Story, synopsis: Synopsis) -> None:
    placed = Counter((c.article, s) for row in synopsis.rows for c in row.cells
                     for s in c.sentences)
    expected = Counter((a.id, s.id) for a in story.articles for s in a.sentences)
    assert placed == expected  # every sentence of every article exactly once
    assert set(synopsis.columns) == {a.id for a in story.articles}
    assert synopsis.columns[0] == synopsis.base
    for row in synopsis.rows:
        assert row.cells, row.id
        articles = [c.article for c in row.cells]
        assert articles == [a for a in synopsis.columns if a in articles]  # column order
        assert sum(c.medoid for c in row.cells) == 1
        assert row.medoid in articles
        for cell in row.cells:
            assert set(cell.moved) <= set(cell.sentences)
    # The base article reads in order, top to bottom.
    base = [s for row in synopsis.rows for c in row.cells if c.article == synopsis.base
            for s in c.sentences]
    assert base == [s.id for s in story.article(synopsis.base).sentences]


def _split_matches(analysis: StoryAnalysis) -> list[tuple[str, ...]]:
    """Pairwise matches (equal, replace, move) whose sentences sit in more than one row.

    The one principled exception: a sentence sits in one row, so when the pairwise alignments
    disagree (its counterparts sit in different rows) it can be beside only one of them. Such
    matches are left out; any other split is returned.
    """
    assert analysis.synopsis is not None
    where = {(c.article, s): row.id for row in analysis.synopsis.rows for c in row.cells
             for s in c.sentences}
    matches: list[list[tuple[str, str]]] = []
    for pair in analysis.pairs:
        for x_ids, y_ids, op in _oriented(analysis.pairs, pair.a, pair.b):
            if op in ("equal", "replace", "move") and x_ids and y_ids:
                matches.append([(pair.a, s) for s in x_ids] + [(pair.b, s) for s in y_ids])
    partners: dict[tuple[str, str], set[str]] = {}
    for keys in matches:
        for key in keys:
            partners.setdefault(key, set()).update(where[k] for k in keys if k[0] != key[0])
    return [tuple(f"{a}:{s}" for a, s in keys) for keys in matches
            if len({where[k] for k in keys}) > 1 and all(len(partners[k]) == 1 for k in keys)]


def test_seed_synopsis_places_every_sentence_once(seed_analysis: StoryAnalysis) -> None:
    assert seed_analysis.synopsis is not None
    _no_loss(seed_analysis.story, seed_analysis.synopsis)


def test_every_pairwise_match_shares_one_row(seed_analysis: StoryAnalysis) -> None:
    assert _split_matches(seed_analysis) == []
    # 000's lead (the Soviet-era heritage of cooperation) is Sakshi Post's second sentence,
    # moved to the front: it sits beside it, not in a row of its own.
    lead = _row_with(seed_analysis, "unattributed-000", "Soviet-era heritage")
    assert "Pakistani media recently reported" in lead["sakshi-post"]
    # Putin's visit, a clause of one Sakshi Post sentence, is a sentence of its own in 000.
    visit = _row_with(seed_analysis, "unattributed-000", "Putin is also set to visit India")
    assert "slated to visit India" in visit["sakshi-post"]


def test_the_joint_working_group_passage_lines_up(seed_analysis: StoryAnalysis) -> None:
    row = _row_with(seed_analysis, "sakshi-post", "joint working group")
    assert "Express Tribune" in row["sakshi-post"]
    assert "joint working group" in fold(row["unattributed-000"])


def test_a_sentence_moved_to_the_front_is_marked_moved(seed_story: Story) -> None:
    sakshi = seed_story.article("sakshi-post")
    seed_000 = seed_story.article("unattributed-000")
    texts = [s.text for s in seed_000.sentences]
    alipov = next(k for k, t in enumerate(texts) if "Denis Alipov" in t)
    texts.insert(0, texts.pop(alipov))
    moved = dataclasses.replace(seed_000, id="moved", sentences=tuple(
        Sentence(f"s{k + 1}", t, k) for k, t in enumerate(texts)))
    analysis = analyze(Story(id="t", title="t", articles=(sakshi, moved)))
    synopsis = analysis.synopsis
    assert synopsis is not None and synopsis.base == "sakshi-post"
    _no_loss(analysis.story, synopsis)
    row = next(r for r in synopsis.rows for c in r.cells if c.article == "moved"
               and "s1" in c.sentences)
    cell = next(c for c in row.cells if c.article == "moved")
    assert cell.moved == ("s1",)
    assert any(c.article == "sakshi-post" for c in row.cells)  # beside its counterpart
    # Besides it, only 000's own lead is out of Sakshi Post's order (the two rewrites open with
    # the same two sentences swapped).
    lead = next(s.id for s in moved.sentences if "Recent news reports" in s.text)
    assert {m for r in synopsis.rows for c in r.cells if c.article == "moved"
            for m in c.moved} == {"s1", lead}


def test_base_is_the_credited_wire_copy(seed_analysis: StoryAnalysis) -> None:
    synopsis = seed_analysis.synopsis
    assert synopsis is not None
    assert synopsis.base == "sakshi-post"
    assert "earliest witness" in synopsis_base_reason(synopsis.base_reason)
    # The closest outlets come first: the two other tellings of the IANS report.
    assert synopsis.columns[:3] == ("sakshi-post", "unattributed-000", "unattributed-001")


def _row_with(analysis: StoryAnalysis, article: str, phrase: str) -> dict[str, str]:
    """The row holding `phrase` in `article`, as {article id: its text in that row}."""
    assert analysis.synopsis is not None
    story = analysis.story
    for row in analysis.synopsis.rows:
        texts = {c.article: " ".join(story.article(c.article).sentence(s).text
                                     for s in c.sentences) for c in row.cells}
        if fold(phrase) in fold(texts.get(article, "")):
            return texts
    raise AssertionError(f"{phrase!r} not found in {article}")


def test_shared_facts_of_the_four_steel_mill_articles_line_up(
    seed_analysis: StoryAnalysis,
) -> None:
    denial = _row_with(seed_analysis, "sakshi-post", 'rubbished "fake reports"')
    assert "what it called \"fake reports\"" in denial["unattributed-000"]
    assert "fake reports" in fold(denial["unattributed-001"])
    s400 = _row_with(seed_analysis, "sakshi-post", "S-400")
    assert "S-400" in s400["unattributed-000"] and "S-400" in s400["unattributed-001"]
    alipov = _row_with(seed_analysis, "sakshi-post", "exclusive interview with IANS")
    assert "Denis Alipov" in alipov["unattributed-000"]
    assert "Denis Alipov" in alipov["unattributed-001"]
    meeting = _row_with(seed_analysis, "sakshi-post", "Denis Nazaroof held in Islamabad")
    assert "Nazaroof" in meeting["unattributed-000"]
    assert "Nazaroof" in meeting["unattributed-004"]  # the Pakistani-leaning account, too
    contract = _row_with(seed_analysis, "sakshi-post", "multibillion dollar contract")
    assert "multibillion dollar contract" in fold(contract["unattributed-000"])
    assert "multibillion dollar contract" in fold(contract["unattributed-001"])
    # The older EurAsian Times piece shares none of these rows.
    for row in (denial, s400, alipov, meeting, contract):
        assert "eurasian-times" not in row


def test_unique_sentences_get_rows_of_their_own(seed_analysis: StoryAnalysis) -> None:
    assert seed_analysis.synopsis is not None
    lavrov = _row_with(seed_analysis, "eurasian-times", "Sergy Lavrov visited Islamabad")
    assert list(lavrov) == ["eurasian-times"]


@pytest.mark.slow
def test_the_synopsis_is_deterministic() -> None:
    first = {s.id: s for s in load_data(DATA)}[SEED_STORY]
    second = {s.id: s for s in load_data(DATA)}[SEED_STORY]
    assert analyze(first).synopsis == analyze(second).synopsis


# ------------------------------------------------------------------ property: generated stories

_POOL = [s.text for a in {s.id: s for s in load_data(DATA)}[SEED_STORY].articles
         for s in a.sentences]


@st.composite
def _stories(draw: st.DrawFn) -> Story:
    """2–4 articles built from real seed sentences: shared, reordered, trimmed, or their own."""
    count = draw(st.integers(2, 4))
    articles = []
    for k in range(count):
        picks = draw(st.lists(st.sampled_from(_POOL), min_size=1, max_size=9))
        texts = []
        for text in picks:
            if draw(st.booleans()):  # an outlet's light edit: drop the sentence's last words
                cut = text.split()
                text = " ".join(cut[: max(3, len(cut) - draw(st.integers(0, 6)))])
            texts.append(text)
        breaks = draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)))
        paragraph, sentences = 0, []
        for n, (text, new_paragraph) in enumerate(zip(texts, breaks, strict=True)):
            paragraph += 1 if new_paragraph and n else 0
            sentences.append(Sentence(f"s{n + 1}", text, paragraph))
        outlet = Outlet(slug=f"outlet-{k}", name=f"Outlet {k}")
        articles.append(Article(id=f"a{k}", story_id="generated", outlet=outlet,
                                title=f"Article {k}", sentences=tuple(sentences),
                                source_path=f"a{k}.md",
                                date=draw(st.sampled_from([None, "2025-05-30", "2025-05-31"]))))
    return Story(id="generated", title="Generated", articles=tuple(articles))


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stories())
def test_every_sentence_appears_exactly_once(story: Story) -> None:
    analysis = analyze(story)
    assert analysis.synopsis is not None
    _no_loss(story, analysis.synopsis)
    assert _split_matches(analysis) == []


# ------------------------------------------------------------------ choosing the base


def _copy_data(tmp_path: Path, extra: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    story_yml = data / "stories" / SEED_STORY / "story.yml"
    story_yml.write_text(story_yml.read_text("utf-8") + extra, "utf-8")
    return data


@pytest.mark.slow
def test_story_yml_can_choose_the_synopsis_base(tmp_path: Path) -> None:
    data = _copy_data(tmp_path, "synopsis_base: unattributed-000\n")
    story = {s.id: s for s in load_data(data)}[SEED_STORY]
    assert story.synopsis_base == "unattributed-000"
    synopsis = analyze(story).synopsis
    assert synopsis is not None
    assert synopsis.base == "unattributed-000" and synopsis.columns[0] == "unattributed-000"
    assert "story.yml" in synopsis_base_reason(synopsis.base_reason)
    _no_loss(story, synopsis)


def test_an_unknown_synopsis_base_is_an_error_naming_the_line(tmp_path: Path) -> None:
    data = _copy_data(tmp_path, "synopsis_base: no-such-article\n")
    lines = (data / "stories" / SEED_STORY / "story.yml").read_text("utf-8").splitlines()
    with pytest.raises(DataError) as raised:
        load_data(data)
    message = raised.value.render()
    assert "story.yml" in message
    assert f":{len(lines)}" in message  # the line of the key
    assert "no-such-article" in message
    assert "eurasian-times, sakshi-post, unattributed-000" in message  # the valid ids


def test_default_base_is_the_earliest_witness_else_the_most_copied(
    seed_analysis: StoryAnalysis,
) -> None:
    story, reuse = seed_analysis.story, seed_analysis.reuse
    assert story.synopsis_base is None
    base, why = default_base(story, reuse, seed_analysis.lineage)
    assert (base, why.kind, why["source"]) == ("sakshi-post", "earliest witness", "IANS")
    assert "earliest witness" in synopsis_base_reason(why)
    # Without a reuse family: the article whose sentences the others match most often.
    base, why = default_base(story, reuse, None)

    def copied(article_id: str) -> float:
        return sum(p.share(p.b if p.a == article_id else p.a) for p in reuse
                   if article_id in (p.a, p.b))

    assert base == max((a.id for a in story.articles), key=copied)
    assert why.kind == "most matched" and "most often" in synopsis_base_reason(why)
