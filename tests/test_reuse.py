"""Text reuse on the seed story's real text: passages, containment, labels, quotations."""

from __future__ import annotations

import dataclasses

from parallax.analysis.analyze import analyze
from parallax.analysis.reuse.pair_reuse import is_notice
from parallax.analysis.reuse.passages import tokenize
from parallax.model import Article, Outlet, PairReuse, Sentence, Story, StoryAnalysis
from parallax.nlp.text import words
from parallax.render.wording import reuse_reason

IANS = ("sakshi-post", "unattributed-000")


def _reuse(analysis: StoryAnalysis, a: str, b: str) -> PairReuse:
    for pair in analysis.reuse:
        if {pair.a, pair.b} == {a, b}:
            return pair
    raise KeyError((a, b))


def test_every_pair_has_reuse_figures_in_pair_order(seed_analysis: StoryAnalysis) -> None:
    assert [(r.a, r.b) for r in seed_analysis.reuse] == [(p.a, p.b) for p in seed_analysis.pairs]


def test_ians_pair_is_a_rewrite_of_a_shared_source(seed_analysis: StoryAnalysis) -> None:
    pair = _reuse(seed_analysis, *IANS)
    assert pair.label == "rewrite of shared source"
    # Nearly every sentence of each has a counterpart in the other …
    assert pair.share("sakshi-post") > 0.9
    assert pair.share("unattributed-000") > 0.75
    # … although the rewrite shares few runs of words: a paraphrase, not a copy.
    assert max(pair.words_a_in_b, pair.words_b_in_a) < 0.2


def test_ians_pair_shares_the_alipov_passage_word_for_word(seed_analysis: StoryAnalysis) -> None:
    pair = _reuse(seed_analysis, *IANS)
    alipov = [p for p in pair.passages if "Russian Ambassador to India Denis Alipov" in p.a_text]
    assert len(alipov) == 1
    passage = alipov[0]
    assert "Russian Ambassador to India Denis Alipov" in passage.b_text
    assert passage.quoted == 0.0  # narrative, not a quotation
    story = seed_analysis.story
    # Passage sentence ids point at the sentences that hold the text.
    assert passage.a_text in " ".join(story.article(pair.a).sentence(s).text for s in passage.a)
    assert passage.b_text in " ".join(story.article(pair.b).sentence(s).text for s in passage.b)


def test_older_eurasian_times_piece_is_independent_of_all(seed_analysis: StoryAnalysis) -> None:
    others = [a.id for a in seed_analysis.story.articles if a.id != "eurasian-times"]
    for other in others:
        pair = _reuse(seed_analysis, "eurasian-times", other)
        assert pair.label == "independent", other
        assert pair.passages == ()


def test_the_pakistani_leaning_account_is_independent(seed_analysis: StoryAnalysis) -> None:
    for other in ("sakshi-post", "unattributed-000", "unattributed-001"):
        assert _reuse(seed_analysis, "unattributed-004", other).label == "independent"


def test_a_lightly_edited_copy_is_a_verbatim_copy(seed_story: Story) -> None:
    original = seed_story.article("sakshi-post")
    # A second outlet drops the dateline, trims one sentence and adds a line of its own.
    sentences = list(original.sentences)
    sentences[0] = Sentence("s1", sentences[0].text.replace("Moscow, May 30 (IANS) ", ""), 0)
    sentences[6] = Sentence("s7", sentences[6].text.split(" but ")[0] + ".", 6)
    sentences.append(Sentence(f"s{len(sentences) + 1}", "Follow our live coverage.", 99))
    copy = dataclasses.replace(original, id="copy", sentences=tuple(sentences), credit=None)
    analysis = analyze(Story(id="t", title="t", articles=(copy, original)))
    pair = analysis.reuse[0]
    assert pair.label == "verbatim copy"
    assert min(pair.words_a_in_b, pair.words_b_in_a) > 0.9


def test_unrelated_texts_share_nothing(seed_story: Story) -> None:
    a = seed_story.article("eurasian-times")
    b = seed_story.article("unattributed-004")
    analysis = analyze(Story(id="t", title="t", articles=(a, b)))
    assert analysis.reuse[0].label == "independent"
    assert analysis.reuse[0].words_a_in_b == 0.0


def test_tokens_are_the_words_of_text_words(seed_story: Story) -> None:
    for article in seed_story.articles:
        tokens = tokenize(article)
        for index, sentence in enumerate(article.sentences):
            spelled = [sentence.text[t.start:t.end] for t in tokens if t.sentence == index]
            assert [words(w)[0] for w in spelled] == words(sentence.text), sentence.text


def _quoted_text(article: Article, sentence_id: str) -> str:
    index = [s.id for s in article.sentences].index(sentence_id)
    text = article.sentences[index].text
    return " ".join(text[t.start:t.end] for t in tokenize(article)
                    if t.sentence == index and t.quoted)


def test_quotation_marks_are_followed_through_a_paragraph(seed_story: Story) -> None:
    sakshi = seed_story.article("sakshi-post")
    assert _quoted_text(sakshi, "s1") == "fake reports"
    assert _quoted_text(sakshi, "s5").startswith("Pakistan is a secure and thriving hub")
    assert "Khan" not in _quoted_text(sakshi, "s5")


def test_lost_opening_and_closing_marks_still_read_as_quotes(seed_story: Story) -> None:
    seed_000 = seed_story.article("unattributed-000")
    # s5 lost its opening mark: the words before the orphan closing mark are the quotation.
    s5 = _quoted_text(seed_000, "s5")
    assert s5.startswith("The two officials held lengthy discussions")
    assert "Express Tribune" not in s5
    # s6 lost its closing mark: the quotation runs to the end of the paragraph.
    assert _quoted_text(seed_000, "s6").endswith("identified its potential")


def test_wire_notices_are_recognised() -> None:
    assert is_notice("Copyright 2020 The Associated Press. All rights reserved.")
    assert is_notice("This material may not be published, broadcast, rewritten or redistributed.")
    assert is_notice("Story continues below advertisement")
    assert not is_notice("Russia on Friday rubbished \"fake reports\" of a steel mill deal.")
    assert is_notice("Follow AP's coverage of the elections at https://apnews.com/hub/elections.")
    assert is_notice("Associated Press writer Jane Doe contributed to this report.")
    assert is_notice("READ MORE: Here’s what’s going to cost more in 2020")
    assert not is_notice("Russia on Friday rubbished reports (With inputs from IANS).")


_BRIEFS = (
    "Police in Ohio arrested a man on Tuesday after a three-hour standoff at a farmhouse near "
    "Dayton. Officers said no one was hurt and the man was taken to the county jail.",
    "The city council of Tacoma approved a new budget for road repairs on Monday night. The "
    "plan adds twelve million dollars for potholes and bridge inspections over two years.",
)
_NOTICES = {
    "syndicated feed": "(This story has not been edited by Devdiscourse staff and is "
                       "auto-generated from a syndicated feed.)",
    "headline only": "(Only the headline and picture of this report may have been reworked by "
                     "the Business Standard staff; the rest of the content is auto-generated "
                     "from a syndicated feed.)",
    "copyright": "Copyright 2020 The Associated Press. All rights reserved. This material may "
                 "not be published, broadcast, rewritten or redistributed.",
    "app prompt": "Get the latest headlines delivered straight to your inbox every morning. "
                  "Download our free mobile app for breaking news alerts and live updates.",
    "follow": "Follow AP's coverage of the elections at https://apnews.com/hub/elections and "
              "get the latest news from the Associated Press every day.",
    "contributed": "Associated Press writers Jane Doe and John Roe in Washington contributed "
                   "to this report.",
}


def test_unrelated_briefs_with_the_same_notice_are_independent() -> None:
    from parallax.nlp.text import sentences_from_body

    for name, notice in _NOTICES.items():
        articles = tuple(
            Article(id=f"a{k}", story_id="t", outlet=Outlet(slug=f"o{k}", name=f"O{k}"),
                    title="t", sentences=sentences_from_body(f"{brief}\n\n{notice}"),
                    source_path=f"a{k}.md")
            for k, brief in enumerate(_BRIEFS)
        )
        pair = analyze(Story(id="t", title="t", articles=articles)).reuse[0]
        assert pair.label == "independent", (name, reuse_reason(pair.why))
        assert pair.passages and all(p.boilerplate for p in pair.passages), name
