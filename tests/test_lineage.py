"""Credits, datelines and lineage on the seed story (and constructed variants of its text)."""

from __future__ import annotations

import dataclasses
import re

from parallax.analysis.analyze import analyze
from parallax.analysis.reuse.credits import article_credits, canonical, dateline, wire_sources
from parallax.analysis.reuse.pair_reuse import REWRITE_SENTENCES
from parallax.model import Article, Outlet, Sentence, Story, StoryAnalysis
from parallax.render.lineage import _picture
from parallax.render.lineage_svg import CHAR, Edge
from parallax.render.wording import edge_evidence, family_note, lineage_sentences


def _credits(story: Story, article_id: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.source, c.sentence) for c in article_credits(story.article(article_id))]


def test_sakshi_post_credits_ians_by_dateline_and_credit_field(seed_story: Story) -> None:
    found = _credits(seed_story, "sakshi-post")
    assert ("credit field", "IANS", None) in found
    assert ("dateline", "IANS", "s1") in found
    assert dateline(seed_story.article("sakshi-post")) == "Moscow, May 30 (IANS)"
    assert wire_sources(article_credits(seed_story.article("sakshi-post"))) == ("IANS",)


def test_seed_000_mentions_ians_but_does_not_credit_it(seed_story: Story) -> None:
    article = seed_story.article("unattributed-000")
    credits = article_credits(article)
    assert wire_sources(credits) == ()
    assert ("interview", "IANS", "s13") in _credits(seed_story, "unattributed-000")
    assert dateline(article) is None


def test_citations_of_other_outlets_are_found(seed_story: Story) -> None:
    assert ("cites", "Express Tribune", "s4") in _credits(seed_story, "sakshi-post")
    assert ("cites", "Express Tribune", "s5") in _credits(seed_story, "unattributed-000")
    eurasian = _credits(seed_story, "eurasian-times")
    assert ("cites", "PTI", "s10") in eurasian
    assert ("cites", "Economic Times", "s6") in eurasian
    # "told the EurAsian Times" is the outlet naming itself, not a source.
    assert all(source != "EurAsian Times" for _, source, _ in eurasian)
    assert ("cites", "Zee News", "s18") in _credits(seed_story, "unattributed-004")


def test_agency_spellings_have_one_name() -> None:
    assert canonical("The Associated Press") == "AP"
    assert canonical("Indo-Asian News Service") == "IANS"
    assert canonical("Agence France-Presse") == "AFP"
    assert canonical("the Express Tribune") == "Express Tribune"


def _article(story: Story, article_id: str, first: str) -> Article:
    """A real seed article with its first sentence replaced."""
    article = story.article(article_id)
    sentences = (Sentence("s1", first, 0), *article.sentences[1:])
    return dataclasses.replace(article, sentences=sentences)


def test_datelines_and_tags_of_other_agencies(seed_story: Story) -> None:
    cases = {
        "WASHINGTON (Reuters) - Russia on Friday rubbished reports.": ("dateline", "Reuters"),
        "NEW DELHI, May 30 (PTI) Russia on Friday rubbished reports.": ("dateline", "PTI"),
        "Russia on Friday rubbished reports (With inputs from IANS).": ("agency tag", "IANS"),
        "Copyright 2025 The Associated Press. All rights reserved.": ("copyright", "AP"),
        "Vatican City (AFP) - Pope Francis apologised on Wednesday.": ("dateline", "AFP"),
    }
    for text, (kind, source) in cases.items():
        article = _article(seed_story, "unattributed-000", text)
        found = {(c.kind, c.source) for c in article_credits(article)}
        assert (kind, source) in found, text
    plain = _article(seed_story, "unattributed-000", "MARTINSBURG, W.Va. — A driver was held.")
    assert dateline(plain) == "MARTINSBURG, W.Va."
    assert wire_sources(article_credits(plain)) == ()  # a place alone credits no agency


def test_ians_family_is_inferred_from_the_credited_copy(seed_analysis: StoryAnalysis) -> None:
    lineage = seed_analysis.lineage
    assert lineage is not None
    family = next(f for f in lineage.families if f.source == "IANS")
    assert {"sakshi-post", "unattributed-000"} <= set(family.members)
    assert family.credited == ("sakshi-post",)
    assert "unattributed-000" in family.inferred
    assert family.earliest == "sakshi-post"
    assert "eurasian-times" not in family.members
    edges = {(e.source, e.target): e for e in lineage.edges}
    assert edges[("source:ians", "sakshi-post")].kind == "credited"
    assert edges[("source:ians", "unattributed-000")].kind == "inferred"
    rewrite = edges[("sakshi-post", "unattributed-000")]
    assert rewrite.label == "rewrite of shared source"
    assert not rewrite.directed  # siblings from one wire report: neither copied the other
    assert all("eurasian-times" not in (e.source, e.target) for e in lineage.edges)


def test_lineage_in_words_states_the_ians_family_with_its_figures(
    seed_analysis: StoryAnalysis,
) -> None:
    lineage = seed_analysis.lineage
    assert lineage is not None
    pair = next(r for r in seed_analysis.reuse if {r.a, r.b} == {"sakshi-post",
                                                                  "unattributed-000"})
    expected = (f"Sakshi Post and Unattributed outlet (seed 000) are rewrites of the same IANS "
                f"report: {round(pair.share('unattributed-000') * 100)} % of Unattributed outlet "
                f"(seed 000)’s sentences have a counterpart in Sakshi Post")
    sentences = lineage_sentences(lineage, seed_analysis.story)
    assert any(s.startswith(expected) for s in sentences), sentences
    said = " ".join(sentences)
    assert re.search(r"Sakshi Post credits IANS; .*Unattributed outlet \(seed 000\).* carr(y|ies) "
                     r"the same IANS copy without crediting it", said)
    assert "The earliest witness is Sakshi Post (dated 2025-05-30, it credits IANS" in said
    assert "The EurAsian Times" in said and "share no reused text" in said


def test_family_members_labelled_independent_get_a_note(seed_analysis: StoryAnalysis) -> None:
    # 000 and 001 each rewrite the IANS copy, but share too little with each other for the
    # pair's own label: the label stays as measured, and a note says what the family means.
    lineage = seed_analysis.lineage
    assert lineage is not None
    pair = next(r for r in seed_analysis.reuse if {r.a, r.b} == {"unattributed-000",
                                                                  "unattributed-001"})
    assert pair.label == "independent"
    ties = {frozenset((t.a, t.b)): t for t in lineage.ties}
    tie = ties[frozenset((pair.a, pair.b))]
    assert (tie.source, tie.needed) == ("IANS", REWRITE_SENTENCES)
    note = family_note(tie)
    assert note.startswith("independent rewrites of the same IANS copy")
    mean = round((pair.narrative_a_in_b + pair.narrative_b_in_a) / 2 * 100)
    assert f"only {mean} % of their unquoted sentences match each other" in note
    assert any("are independent rewrites of the same IANS copy" in s
               for s in lineage_sentences(lineage, seed_analysis.story))
    # A rewrite needs no note, and a pair outside the family gets none.
    assert frozenset(("sakshi-post", "unattributed-000")) not in ties
    assert frozenset(("sakshi-post", "eurasian-times")) not in ties


def test_direction_follows_dates_when_no_source_is_credited(seed_story: Story) -> None:
    # Two outlets run the same uncredited text on different days: the earlier is the source.
    sakshi = seed_story.article("sakshi-post")
    text = (Sentence("s1", sakshi.sentences[0].text.replace("Moscow, May 30 (IANS) ", ""), 0),
            *sakshi.sentences[1:])
    early = dataclasses.replace(sakshi, id="early", sentences=text, credit=None,
                                date="2025-05-30")
    late = dataclasses.replace(seed_story.article("unattributed-000"), id="late",
                               date="2025-06-02")
    analysis = analyze(Story(id="t", title="t", articles=(early, late)))
    lineage = analysis.lineage
    assert lineage.families[0].source is None
    edge = next(e for e in lineage.edges if e.kind == "reuse")
    assert (edge.source, edge.target, edge.directed) == ("early", "late", True)
    assert (edge.why.kind, edge.why["earlier"], edge.why["later"]) == ("dated", "early", "late")
    assert "dated 2025-05-30" in edge_evidence(edge.why, analysis.story)
    assert any("Neither" in s and "credits the source they share" in s
               for s in lineage_sentences(lineage, analysis.story))


def test_same_day_uncredited_copies_stay_undirected(seed_story: Story) -> None:
    first = dataclasses.replace(seed_story.article("unattributed-000"), id="first",
                                date="2025-05-30")
    second = dataclasses.replace(seed_story.article("sakshi-post"), id="second", credit=None,
                                 sentences=(Sentence("s1", "Russia rubbished the reports.", 0),
                                            *seed_story.article("sakshi-post").sentences[1:]))
    second = dataclasses.replace(second, date="2025-05-30")
    lineage = analyze(Story(id="t", title="t", articles=(first, second))).lineage
    assert lineage is not None
    edge = next(e for e in lineage.edges if e.kind == "reuse")
    assert not edge.directed


def test_cli_prints_reuse_labels_and_the_lineage_in_words() -> None:
    from click.testing import CliRunner

    from parallax.cli import cli

    from .conftest import DATA, SEED_STORY

    result = CliRunner().invoke(cli, ["reuse", str(DATA), "--story", SEED_STORY])
    assert result.exit_code == 0, result.output
    assert "sakshi-post / unattributed-000: rewrite of shared source" in result.output
    assert "are rewrites of the same IANS report" in result.output
    assert "(independent rewrites of the same IANS copy" in result.output
    missing = CliRunner().invoke(cli, ["reuse", str(DATA), "--story", "no-such-story"])
    assert missing.exit_code != 0 and "no story 'no-such-story'" in missing.output


# ------------------------------------------------------------ credits: abbreviations and forms


def _plain(*texts: str) -> Article:
    outlet = Outlet(slug="some-paper", name="Some Paper")
    sentences = tuple(Sentence(f"s{k + 1}", t, 0) for k, t in enumerate(texts))
    return Article(id="x", story_id="t", outlet=outlet, title="t", sentences=sentences,
                   source_path="x.md")


def _found(article: Article) -> set[tuple[str, str]]:
    return {(c.kind, c.source) for c in article_credits(article)}


def test_agency_acronyms_used_as_abbreviations_are_no_credits() -> None:
    abbreviations = [
        "The Andhra Pradesh (AP) government announced a new steel policy on Monday.",
        "A spokesman for the Press Trust of India (PTI) said the agency would appeal the order.",
        "The Awami National Party (ANP) and the Asian News International (ANI) office were shut.",
        "Agence France-Presse (AFP) and the Indo-Asian News Service (IANS) were not invited.",
    ]
    for text in abbreviations:
        for article in (_plain(text, "Officials met on Monday."),
                        _plain("Officials met on Monday.", text)):
            assert _found(article) == set(), text
            assert dateline(article) is None, text
    # A dateline never runs across a sentence end, and its place is a few capitalised words.
    crossing = _plain("The talks ended in Moscow.", "(IANS) Officials met on Monday.")
    assert dateline(crossing) is None
    long_place = _plain("Officials of the state met the prime minister (AP) on Monday.")
    assert dateline(long_place) is None


def test_more_credit_forms() -> None:
    cases = {
        ("The Senate voted on Tuesday, AFP said.",): ("cites", "AFP"),
        ("The Senate voted on Tuesday.",
         "(Reporting by John Smith; Editing by Jane Doe)"): ("credit line", "Reuters"),
        ("The Senate voted on Tuesday.",
         "Associated Press writer Jane Doe contributed to this report."): ("credit line", "AP"),
        ("The Senate voted on Tuesday.", "Talks go on next week.—IANS"): ("agency tag", "IANS"),
        ("The Senate voted on Tuesday.", "- IANS"): ("agency tag", "IANS"),
        ("NEW DELHI, May 30 (PTI) The Senate voted on Tuesday.",): ("dateline", "PTI"),
        ("Photo: the Senate chamber.", "Denver (AP) — The Senate voted."): ("dateline", "AP"),
    }
    for texts, credit in cases.items():
        assert credit in _found(_plain(*texts)), texts
    assert wire_sources(article_credits(_plain("A.", "Talks go on.—IANS"))) == ("IANS",)
    # A trailing dash-name only counts at the very end of the text.
    assert _found(_plain("Talks go on.—IANS", "More talks follow.")) == set()


def _curve_points(edge: Edge, steps: int = 400) -> list[tuple[float, float]]:
    """Points along an edge of the lineage picture: its straight line or cubic curve."""
    if edge.line:
        x1, y1, x2, y2 = edge.line
        return [(x1 + (x2 - x1) * k / steps, y1 + (y2 - y1) * k / steps) for k in range(steps + 1)]
    assert edge.path
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", edge.path)]
    xs, ys = numbers[0::2], numbers[1::2]  # a cubic: start, two control points, end
    assert len(xs) == 4, edge.path
    weights = [[(1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3]
               for t in (k / steps for k in range(steps + 1))]
    return [(sum(w * x for w, x in zip(ws, xs, strict=True)),
             sum(w * y for w, y in zip(ws, ys, strict=True))) for ws in weights]


def test_lineage_labels_stay_clear_of_the_other_curves(seed_analysis: StoryAnalysis) -> None:
    """Each curve's label sits on its own curve; no other line may run through its text (a
    deeper arc used to cross the shallower arc's "100 % · rewrite · 94 %")."""
    picture = _picture(seed_analysis, seed_analysis.lineage)
    assert sum(1 for e in picture.edges if e.path) >= 2  # two arcs: the case that overlapped
    for edge in picture.edges:
        text = f"{edge.shares[0]} · {edge.label} · {edge.shares[1]}" if edge.shares else edge.label
        half = len(text) * CHAR / 2
        box = (edge.label_x - half, edge.label_y - 11, edge.label_x + half, edge.label_y + 4)
        for other in picture.edges:
            if other is edge:
                continue
            inside = [(round(x), round(y)) for x, y in _curve_points(other)
                      if box[0] <= x <= box[2] and box[1] <= y <= box[3]]
            assert not inside, (text, other.label, inside[:3])
