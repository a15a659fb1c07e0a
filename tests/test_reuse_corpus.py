"""Reuse and credits on the public corpus (SemEval-2022 pairs, BASIL triplets)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.reuse.credits import article_credits, dateline
from parallax.analysis.reuse.lineage import TEXT_REUSE
from parallax.data.load import load_data
from parallax.model import Story
from parallax.render.wording import reuse_reason

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def semeval(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Story]:
    """The reuse/ folder read by the project's own loader (it has the data/stories layout)."""
    root = tmp_path_factory.mktemp("reuse")
    (root / "stories").symlink_to(corpus / "reuse", target_is_directory=True)
    return {s.id: s for s in load_data(root)}


def test_unrelated_ap_stories_with_the_same_boilerplate_are_not_reuse(
    semeval: dict[str, Story],
) -> None:
    # SemEval pair 1484084337_1484110209: rated 4 (unrelated), same AP copyright notice.
    crash = semeval["2020-01-west-virginia-dui-crash"].article("washington-post-ap")
    haiti = semeval["2020-01-haiti-independence-day"].article("washington-post-ap")
    story = Story(id="negative", title="negative", articles=(
        dataclasses.replace(crash, id="crash"), dataclasses.replace(haiti, id="haiti")))
    analysis = analyze(story)
    reuse = analysis.reuse[0]
    assert reuse.label not in TEXT_REUSE
    notices = [p for p in reuse.passages if p.boilerplate]
    assert notices and "Associated Press" in notices[0].a_text
    assert reuse.words_a_in_b == reuse.words_b_in_a == 0.0
    assert reuse.sentences_a_in_b == reuse.sentences_b_in_a == 0.0
    assert analysis.lineage is not None
    assert all(e.kind != "reuse" for e in analysis.lineage.edges)


def test_same_event_reported_by_different_newsrooms_is_not_a_copy(
    semeval: dict[str, Story], corpus: Path
) -> None:
    for story in [*semeval.values(), *load_data(corpus)]:
        if len(story.articles) < 2:
            continue
        for reuse in analyze(story).reuse:
            assert reuse.label not in TEXT_REUSE, (story.id, reuse.a, reuse.b,
                                                   reuse_reason(reuse.why))


def test_quotes_shared_by_independent_reports_are_labelled_as_quotes(corpus: Path) -> None:
    stories = {s.id: s for s in load_data(corpus)}
    analysis = analyze(stories["2010-05-blumenthal-vietnam-service"])
    labels = {(r.a, r.b): r for r in analysis.reuse}
    pair = labels[("huffpost", "new-york-times")]
    assert pair.label == "shares quotes only"
    assert max(p.words for p in pair.passages) > 50  # the long quotation of his speech
    assert all(p.quoted >= 0.5 for p in pair.passages)
    # Fox News names The New York Times: that edge has a direction.
    assert analysis.lineage is not None
    cited = next(e for e in analysis.lineage.edges if {e.source, e.target} == {"fox-news",
                                                                            "new-york-times"})
    assert (cited.source, cited.target, cited.directed) == ("new-york-times", "fox-news", True)


def test_credits_of_agencies_in_real_wire_copy(semeval: dict[str, Story], corpus: Path) -> None:
    yahoo = semeval["2020-01-pope-francis-slap-apology"].article("yahoo-news-afp")
    assert ("dateline", "AFP") in {(c.kind, c.source) for c in article_credits(yahoo)}
    crash = semeval["2020-01-west-virginia-dui-crash"].article("washington-post-ap")
    assert ("copyright", "AP") in {(c.kind, c.source) for c in article_credits(crash)}
    assert dateline(crash) == "MARTINSBURG, W.Va."
    fox = {s.id: s for s in load_data(corpus)}[
        "2014-12-nebraska-oklahoma-sue-colorado-marijuana"].article("fox-news")
    assert dateline(fox) == "Denver (AP)"
