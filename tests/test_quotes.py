"""Quotations, speakers and fidelity flags on the seed story's real sentences."""

from __future__ import annotations

import dataclasses

import pytest

from parallax.analysis.analyze import analyze
from parallax.model import Article, Outlet, Quote, Story, StoryAnalysis
from parallax.nlp.text import sentences_from_body
from parallax.render.wording import quote_flag_explanation


def quote_in(analysis: StoryAnalysis, article: str, sentence: str) -> Quote:
    found = [q for q in analysis.quotes if (q.article, q.sentence) == (article, sentence)
             and not q.short]
    assert len(found) == 1, found
    return found[0]


def test_paired_marks_and_speaker_after_the_quote(seed_analysis: StoryAnalysis) -> None:
    quote = quote_in(seed_analysis, "sakshi-post", "s9")
    assert quote.text.startswith("An exaggerated news from someone who wants to derail")
    assert quote.marks == "paired"
    assert (quote.speaker, quote.cue) == ("a senior Russian government official", "said")
    khan = quote_in(seed_analysis, "sakshi-post", "s5")
    assert (khan.speaker, khan.cue) == ("Khan", "was quoted as saying")
    # A paper is not a speaker: it is what carried the words.
    tribune = quote_in(seed_analysis, "sakshi-post", "s4")
    assert (tribune.speaker, tribune.via, tribune.cue) == (None, "The Express Tribune",
                                                           "reported")
    alipov = quote_in(seed_analysis, "sakshi-post", "s14")
    assert (alipov.speaker, alipov.cue) == ("Alipov", "told")


def test_quote_missing_its_opening_mark(seed_analysis: StoryAnalysis) -> None:
    # unattributed-000 drops the opening mark: the quotation runs from the sentence start.
    quote = quote_in(seed_analysis, "unattributed-000", "s10")
    assert quote.marks == "close-only"
    assert quote.text.startswith("This looks like an overblown report from people attempting")
    assert quote.speaker == "a top Russian government official"
    tribune = quote_in(seed_analysis, "unattributed-000", "s5")
    assert tribune.marks == "close-only"
    assert tribune.text.startswith("The two officials held lengthy discussions")
    assert (tribune.speaker, tribune.via) == (None, "The Express Tribune")


def test_quote_missing_its_closing_mark(seed_analysis: StoryAnalysis) -> None:
    quote = quote_in(seed_analysis, "unattributed-000", "s6")
    assert quote.marks == "open-only"
    assert quote.text.startswith("Pakistan is a safe and vibrant center")
    assert quote.speaker == "Khan"


def test_dash_introduced_quote_and_pronoun_speaker(seed_analysis: StoryAnalysis) -> None:
    # "Roman Babushkin said – We are all members …,” he said."
    first = quote_in(seed_analysis, "eurasian-times", "s11")
    assert first.text.startswith("We are all members of the Shanghai Cooperation Organisation")
    assert first.speaker == "Roman Babushkin"
    # "“Russia has limited cooperation …,” he added." — he is the previous speaker.
    second = quote_in(seed_analysis, "eurasian-times", "s12")
    assert (second.speaker, second.cue) == ("Roman Babushkin", "added")
    lavrov = quote_in(seed_analysis, "eurasian-times", "s4")
    assert (lavrov.speaker, lavrov.cue) == ("FM Lavrov", "quoted as saying")


def test_continued_quotation_takes_the_previous_speaker(seed_analysis: StoryAnalysis) -> None:
    continued = quote_in(seed_analysis, "unattributed-000", "s17")
    assert continued.text.startswith("This was reiterated")
    assert continued.speaker == "Ambassador Alipov"
    zee = quote_in(seed_analysis, "unattributed-004", "s19")
    assert (zee.speaker, zee.via) == (None, "Indian news outlet Zee News")


def test_embedded_quote_is_attributed_to_the_subject(seed_analysis: StoryAnalysis) -> None:
    # "Russian President Vladimir Putin, who stated in his phone conversation … that … “will
    # be identified, tracked and punished”": the relative clause's antecedent speaks.
    quote = quote_in(seed_analysis, "sakshi-post", "s13")
    assert quote.text == "will be identified, tracked and punished"
    assert (quote.speaker, quote.speaker_key, quote.cue) == (
        "Russian President Vladimir Putin", "person:putin", "stated")


def test_scare_quotes_are_kept_but_short(seed_analysis: StoryAnalysis) -> None:
    short = {(q.article, q.text.rstrip(".")) for q in seed_analysis.quotes if q.short}
    assert {("sakshi-post", "fake reports"), ("unattributed-001", "fake reports"),
            ("unattributed-000", "multibillion dollar contract")} <= short
    grouped = {qid for g in seed_analysis.quote_groups for qid in g.quotes}
    assert not any(q.short and q.id in grouped for q in seed_analysis.quotes)


def test_quotes_point_at_their_text(seed_analysis: StoryAnalysis) -> None:
    story = seed_analysis.story
    for quote in seed_analysis.quotes:
        text = story.article(quote.article).sentence(quote.sentence).text
        assert text[quote.start:quote.end] == quote.text


def group_of(analysis: StoryAnalysis, article: str, sentence: str):  # type: ignore[no-untyped-def]
    quote = quote_in(analysis, article, sentence)
    found = [g for g in analysis.quote_groups if quote.id in g.quotes]
    assert len(found) == 1, f"{article} {sentence} is in no group"
    return found[0]


def test_the_russian_officials_two_versions_are_one_quote_flagged(
    seed_analysis: StoryAnalysis,
) -> None:
    group = group_of(seed_analysis, "sakshi-post", "s9")
    assert quote_in(seed_analysis, "unattributed-000", "s10").id in group.quotes
    wording = [f for f in group.flags if f.kind == "wording"]
    assert len(wording) == 1
    assert set(wording[0].sentences) == {("sakshi-post", "s9"), ("unattributed-000", "s10")}
    assert wording[0].unchanged < 0.3
    assert not [f for f in group.flags if f.kind == "speaker"]  # senior/top official: same


def test_every_ians_quote_reworded_by_the_rewrite_is_flagged(
    seed_analysis: StoryAnalysis,
) -> None:
    # unattributed-000 paraphrases each IANS quotation inside quotation marks.
    for sakshi, other in (("s4", "s5"), ("s5", "s6"), ("s13", "s14"), ("s14", "s16")):
        group = group_of(seed_analysis, "sakshi-post", sakshi)
        assert quote_in(seed_analysis, "unattributed-000", other).id in group.quotes
        assert any(f.kind == "wording" for f in group.flags), sakshi
    putin = group_of(seed_analysis, "sakshi-post", "s13")
    assert ("“tracked and punished” → “traced and penalized”"
            in quote_flag_explanation(putin.flags[0]))
    # The Alipov quotation is split in two by unattributed-000; both halves join the group.
    alipov = group_of(seed_analysis, "sakshi-post", "s14")
    assert quote_in(seed_analysis, "unattributed-000", "s17").id in alipov.quotes


def test_quotes_of_different_events_are_not_grouped(seed_analysis: StoryAnalysis) -> None:
    grouped = {qid for g in seed_analysis.quote_groups for qid in g.quotes}
    others = [q for q in seed_analysis.quotes if q.article in ("eurasian-times",
                                                               "unattributed-004")]
    assert others and not any(q.id in grouped for q in others)


@pytest.mark.slow
def test_same_words_under_another_speaker_are_flagged(seed_story: Story) -> None:
    # The real seed, with one outlet crediting the Tribune's quotation to Khan instead.
    article = seed_story.article("unattributed-000")
    sentences = tuple(
        dataclasses.replace(s, text=s.text.replace("The Express Tribune posted",
                                                   "Haroon Akhtar Khan said"))
        for s in article.sentences
    )
    sakshi = seed_story.article("sakshi-post")
    copied = next(s for s in sakshi.sentences if s.id == "s4").text.split('," The')[0] + '," '
    sentences = tuple(
        dataclasses.replace(s, text=copied.lstrip('"') + "Haroon Akhtar Khan said.")
        if s.id == "s5" else s for s in sentences
    )
    story = dataclasses.replace(seed_story, articles=tuple(
        dataclasses.replace(a, sentences=sentences) if a.id == article.id else a
        for a in seed_story.articles))
    analysis = analyze(story)
    group = group_of(analysis, "sakshi-post", "s4")
    speaker = [f for f in group.flags if f.kind == "speaker"]
    assert len(speaker) == 1
    assert "The Express Tribune" in quote_flag_explanation(speaker[0])
    assert "Haroon Akhtar Khan" in quote_flag_explanation(speaker[0])
    assert not [f for f in group.flags if f.kind == "wording"]  # the words are the same


def test_quotes_and_facts_type_names_alike() -> None:
    # The story writes "the pontiff" in lower case, so "Pontiff" is a title, not a person: the
    # facts say so, and the quote's speaker must be read with the same names, as a role.
    def article(article_id: str, body: str) -> Article:
        return Article(article_id, "t", Outlet(article_id, article_id.upper()), article_id,
                       sentences_from_body(body), f"{article_id}.md")

    story = Story(id="t", title="t", articles=(
        article("a", '"Every form of violence against a woman is a blasphemy against God," the '
                     "Pontiff told worshippers.\n\nThe pontiff later spoke about equality."),
        article("b", "The pontiff denounced all violence against women on Wednesday."),
    ))
    analysis = analyze(story)
    assert not [f for sf in analysis.facts for f in sf.facts if f.value == "pontiff"]
    (quote,) = analysis.quotes
    assert (quote.speaker, quote.speaker_key) == ("the Pontiff", "role:pontiff")
