"""Suggested claims read as claims (claimtext.py): real sentences of the seed story and the
public BASIL stories, the rules one by one, then every suggestion of every story."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.claims.claim_text import attributed, claim_text, plainness, problem
from parallax.data.load import load_data
from parallax.model import Story, StoryAnalysis
from parallax.nlp.text import fold

from .conftest import corpus_path


def _sentence(story: Story, article: str, words: str) -> tuple[str, str | None]:
    """The sentence of `article` holding `words`, and the sentence before it."""
    sentences = story.article(article).sentences
    (k,) = [k for k, s in enumerate(sentences) if words in s.text]
    return sentences[k].text, sentences[k - 1].text if k else None


@pytest.fixture(scope="module")
def basil(corpus: Path) -> dict[str, Story]:
    return {s.id: s for s in load_data(corpus)}


@pytest.fixture(scope="module")
def basil_analyses(basil: dict[str, Story]) -> dict[str, StoryAnalysis]:
    return {story_id: analyze(story) for story_id, story in basil.items()}


def test_a_wire_dateline_is_no_part_of_the_claim(seed_story: Story) -> None:
    text, _ = _sentence(seed_story, "sakshi-post", "Moscow, May 30 (IANS)")
    assert claim_text(text).startswith("Russia on Friday")


@pytest.mark.corpus
@pytest.mark.parametrize(("story", "article", "words", "expected"), [
    ("2013-05-benghazi-talking-points-emails", "huffpost", "The White House on Wednesday",
     "The White House on Wednesday"),  # "WASHINGTON –- "
    ("2014-12-nebraska-oklahoma-sue-colorado-marijuana", "fox-news", "top law enforcement",
     "Colorado's top law enforcement"),  # "Denver (AP) – "
    ("2014-12-nebraska-oklahoma-sue-colorado-marijuana", "huffpost", "isn't backing down",
     "Colorado Attorney General"),  # "But "
    ("2017-11-trump-elephant-trophy-imports", "fox-news", "has shrunk from about 5 million",
     "The number of African elephants"),  # "As a result, "
])
def test_datelines_and_leading_conjunctions_come_off(
    basil: dict[str, Story], story: str, article: str, words: str, expected: str
) -> None:
    text, previous = _sentence(basil[story], article, words)
    assert claim_text(text).startswith(expected)
    assert problem(text, previous) is None


@pytest.mark.corpus
@pytest.mark.parametrize(("story", "article", "words", "why"), [
    # Cut by the sentence splitter at an abbreviation, on both sides of the cut.
    ("2018-08-duncan-hunter-indicted", "fox-news", "Rep. Duncan Hunter, R-Calif.", "fragment"),
    ("2018-08-duncan-hunter-indicted", "fox-news", ", and his wife, Margaret,", "fragment"),
    ("2015-03-indiana-religious-freedom-law", "fox-news", "Gov. Jay Inslee and Seattle Mayor",
     "fragment"),
    # An attribution with nothing attributed: the quotation is the sentence before.
    ("2011-03-walmart-sex-bias-supreme-court", "huffpost", "Scalia asked.", "fragment"),
    ("2015-03-indiana-religious-freedom-law", "huffpost", "Pence wrote in a Wall Street",
     "fragment"),
    # Someone's words, their speaker named in another sentence.
    ("2010-05-blumenthal-vietnam-service", "huffpost", "And you exemplify it.",
     "speakerless quotation"),
    ("2012-08-romney-urges-akin-to-quit", "huffpost", "Today, his fellow Missourians urged",
     "speakerless quotation"),
    # Pronouns and demonstratives whose antecedent is elsewhere.
    ("2011-03-walmart-sex-bias-supreme-court", "fox-news", "Her discrimination claims were",
     "dangling reference"),
    ("2011-04-trump-birther-investigators", "huffpost", "Since then, he said",
     "dangling reference"),
    ("2011-03-walmart-sex-bias-supreme-court", "fox-news", "This dual argument",
     "dangling reference"),
    ("2017-11-trump-elephant-trophy-imports", "fox-news", "The comment comes less than 48",
     "dangling reference"),
    ("2018-08-duncan-hunter-indicted", "fox-news", "The pair is due to be arraigned",
     "dangling reference"),
])
def test_sentences_that_cannot_be_claims(
    basil: dict[str, Story], basil_analyses: dict[str, StoryAnalysis],
    story: str, article: str, words: str, why: str,
) -> None:
    text, previous = _sentence(basil[story], article, words)
    sentence = next(s.id for s in basil[story].article(article).sentences if s.text == text)
    quotes = [q for q in basil_analyses[story].quotes
              if (q.article, q.sentence) == (article, sentence)]
    assert problem(text, previous, quotes) == why


@pytest.mark.corpus
def test_a_quotation_with_its_speaker_and_an_expletive_it_are_claims(
    basil: dict[str, Story], basil_analyses: dict[str, StoryAnalysis]
) -> None:
    story = "2014-08-holder-visits-ferguson"
    text, previous = _sentence(basil[story], "fox-news", '"I understand that mistrust," Holder')
    quotes = [q for q in basil_analyses[story].quotes if q.article == "fox-news"
              and basil[story].article("fox-news").sentence(q.sentence).text == text]
    assert problem(text, previous, quotes) is None
    text, previous = _sentence(basil["2017-11-trump-elephant-trophy-imports"], "fox-news",
                               "It was not immediately clear why")
    assert problem(text, previous) is None


@pytest.mark.slow
def test_captions_are_never_claims(seed_story: Story) -> None:
    # The loader records what it removed as captions; none of it may be a claim either.
    corpus = corpus_path()
    stories = [seed_story] + (list(load_data(corpus)) if (corpus / "stories").is_dir() else [])
    removed = [r.text for s in stories for a in s.articles for r in a.removed
               if "caption" in r.rule]
    for text in removed:
        assert problem(text) == "caption", text


def _check_suggestions(analysis: StoryAnalysis) -> None:
    story = analysis.story
    quotes: dict[tuple[str, str], list] = {}
    for quote in analysis.quotes:
        quotes.setdefault((quote.article, quote.sentence), []).append(quote)
    for suggestion in analysis.suggestions:
        article = story.article(suggestion.source[0])
        ids = [s.id for s in article.sentences]
        k = ids.index(suggestion.source[1])
        source = article.sentences[k].text
        previous = article.sentences[k - 1].text if k else None
        assert problem(source, previous, quotes.get(suggestion.source, ())) is None, source
        assert suggestion.text == claim_text(source)
        assert not fold(suggestion.text).startswith(("but ", "and ", "however"))
        if suggestion.kind == "distinctive":
            continue
        # The plainest self-contained version among the sentences carrying it.
        for article_id, sentence_ids in suggestion.support:
            member = story.article(article_id)
            for sentence_id in sentence_ids:
                j = [s.id for s in member.sentences].index(sentence_id)
                text = member.sentences[j].text
                before = member.sentences[j - 1].text if j else None
                if problem(text, before, quotes.get((article_id, sentence_id), ())) is None:
                    assert plainness(suggestion.text) <= plainness(claim_text(text))


def test_every_seed_suggestion_reads_as_a_claim(seed_analysis: StoryAnalysis) -> None:
    _check_suggestions(seed_analysis)


@pytest.mark.corpus
def test_every_basil_suggestion_reads_as_a_claim(
        basil_analyses: dict[str, StoryAnalysis]) -> None:
    for analysis in basil_analyses.values():
        _check_suggestions(analysis)


@pytest.mark.corpus
def test_headline_facts_told_in_own_words_are_suggested(
        basil_analyses: dict[str, StoryAnalysis]) -> None:
    headline = {story_id: [s for s in a.suggestions if s.kind == "headline"]
                for story_id, a in basil_analyses.items()}
    # The indictment of Hunter and his wife, in each outlet's own words, all three outlets.
    hunter = headline["2018-08-duncan-hunter-indicted"]
    assert any(len(s.outlets) == 3 and "indicted" in s.text for s in hunter)
    # Romney calling on Akin to quit: Fox's "give up his bid", HuffPost's "drop out".
    romney = headline["2012-08-romney-urges-akin-to-quit"]
    assert any({"fox-news", "huffpost"} <= {a for a, _ in s.support} for s in romney)
    assert sum(bool(found) for found in headline.values()) >= 5
    for suggestions in headline.values():  # own words: an own-voice version where there is one
        for suggestion in suggestions:
            assert suggestion.rank <= len(suggestions)  # headline facts rank first
            assert not attributed(suggestion.text) or len(suggestion.outlets) >= 2
