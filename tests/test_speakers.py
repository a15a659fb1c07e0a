"""Speakers and quote groups on the public corpus's BASIL stories: each attribution form, what
may not be a speaker, "he said" back to the passage's speaker, and grouping only the same
quotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.facts.speakers import judged
from parallax.data.load import load_data
from parallax.model import Quote, StoryAnalysis
from parallax.render.wording import quote_flag_explanation

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def basil(corpus: Path) -> dict[str, StoryAnalysis]:
    return {s.id: analyze(s) for s in load_data(corpus)}


def sentence_id(analysis: StoryAnalysis, article: str, words: str) -> str:
    """The id of the sentence of `article` that contains `words` (ids shift when the loader
    drops a caption or a heading; the words do not)."""
    found = [s.id for a in analysis.story.articles if a.id == article
             for s in a.sentences if words in s.text]
    assert len(found) == 1, (article, words, found)
    return found[0]


def quote(basil: dict[str, StoryAnalysis], story: str, article: str, words: str,
          index: int = 0) -> Quote:
    """The `index`-th quotation of the sentence of `article` that contains `words`."""
    sentence = sentence_id(basil[story], article, words)
    found = [q for q in basil[story].quotes
             if (q.article, q.sentence) == (article, sentence) and not q.short]
    return found[index]


def said(q: Quote) -> tuple[str | None, str]:
    return q.speaker, q.cue


HUNTER = "2018-08-duncan-hunter-indicted"
HOLDER = "2014-08-holder-visits-ferguson"
TRUMP = "2011-04-trump-birther-investigators"
INDIANA = "2015-03-indiana-religious-freedom-law"
ELEPHANTS = "2017-11-trump-elephant-trophy-imports"
POT = "2014-12-nebraska-oklahoma-sue-colorado-marijuana"
BLUMENTHAL = "2010-05-blumenthal-vietnam-service"


def test_said_x_and_x_said_with_a_description(basil: dict[str, StoryAnalysis]) -> None:
    # '"…," said Sam Kamin, a University of Denver law professor.'
    kamin = quote(basil, POT, "fox-news", "Right now, these regulations")
    assert said(kamin) == ("Sam Kamin", "said")
    # '"…," Rev. John Paul Hopping of Our Lady of Guadalupe, told HuffPost.'
    hopping = quote(basil, HOLDER, "huffpost", "We didn’t know it was Eric Holder")
    assert hopping.speaker_key == "person:hopping" and hopping.cue == "told"
    # "A spokesman for Mr. Hunter, Michael Harrison, said Tuesday that … “…”": the name.
    harrison = quote(basil, HUNTER, "new-york-times", "A spokesman for Mr. Hunter")
    assert said(harrison) == ("Michael Harrison", "said")
    # "Kevin Rennie, a former Republican state lawmaker, published a blog post stating …"
    assert said(quote(basil, BLUMENTHAL, "huffpost", "Kevin Rennie, a former Republican")) == (
        "Kevin Rennie", "stating")
    # "Sen. John Cornyn, R-TX, who heads the GOP campaign committee, said Tuesday, “…,” and
    # predicted, “…”": the senator, not his party tag, for both.
    cornyn_said = sentence_id(basil[BLUMENTHAL], "fox-news", "John Cornyn, R-TX")
    cornyn = [q for q in basil[BLUMENTHAL].quotes
              if (q.article, q.sentence) == ("fox-news", cornyn_said)]
    assert [q.speaker_key for q in cornyn] == ["person:cornyn", "person:cornyn"]


def test_according_to_and_writing_on_twitter(basil: dict[str, StoryAnalysis]) -> None:
    # '“…,” according to the U.S. Attorney’s Office.'
    office = quote(basil, HUNTER, "fox-news", "According to the indictment, the Hunters")
    assert said(office) == ("the U.S. Attorney’s Office", "according to")
    # "And actor Ashton Kutcher recently tweeted: “…”"
    kutcher = quote(basil, INDIANA, "fox-news", "Ashton Kutcher recently tweeted")
    assert said(kutcher) == ("Ashton Kutcher", "tweeted")
    # "Interior Secretary Ryan Zinke said in a statement on Twitter that he and Trump “…”"
    zinke = quote(basil, ELEPHANTS, "huffpost", "Ryan Zinke said in a statement")
    assert zinke.speaker_key == "person:zinke"


def test_he_said_refers_back_to_the_passage(basil: dict[str, StoryAnalysis]) -> None:
    # The NYT: "In an interview on Monday, the attorney general said …" then "“My intention
    # …,” he said.": the attorney general the article named, Richard Blumenthal.
    intention = quote(basil, BLUMENTHAL, "new-york-times", "My intention has always been")
    assert intention.speaker == "Richard Blumenthal" and intention.resolved
    # HuffPost: "Murray says the law doesn’t reflect Seattle residents’ values" (no quotation)
    # and then "“Seattleites know that …,” he said": Murray, not Inslee, quoted just before.
    seattle = quote(basil, "2015-03-indiana-religious-freedom-law", "fox-news", "Seattleites know")
    assert seattle.speaker_key == "person:murray"
    # A quotation that stands alone continues its speaker's words.
    alone = quote(basil, POT, "fox-news", "It's incredibly unusual for a state")
    assert alone.speaker == "Sam Kamin"


def test_titles_committees_media_and_places_are_never_speakers(
    basil: dict[str, StoryAnalysis]
) -> None:
    # '“…,” Clinton testified before the House Foreign Affairs committee.'
    assert said(quote(basil, "2013-05-benghazi-talking-points-emails", "fox-news",
                      "that cable did not come")) == ("Clinton", "testified")
    # "Trump told NBC's “Today” show": Trump, not the show.
    assert quote(basil, TRUMP, "fox-news", "they cannot believe what").speaker == "Trump"
    # "As HuffPost reported Wednesday, … would “enhance …,” a spokesperson for the U.S. Fish
    # and Wildlife Service said": the spokesperson; a paper is a medium, not a speaker.
    fws = quote(basil, ELEPHANTS, "huffpost", "As HuffPost reported Wednesday")
    assert fws.speaker_key is not None and fws.speaker_key.startswith("role:")
    for phrase in ("Sen.", "Rep", "the House Foreign Affairs Committee", "Moscow",
                   "February 20"):
        assert judged(phrase, "said", None).speaker is None, phrase
    assert judged("the newspaper", "said", None).via == "the newspaper"
    assert judged("Joel Pollak of Breitbart California", "observed", None).speaker == \
        "Joel Pollak"
    speakers = {q.speaker for a in basil.values() for q in a.quotes if q.speaker}
    assert not speakers & {"Sen", "Senate Foreign", "Relations", "the news", "Rep", "Gov"}


def test_only_the_same_quotation_is_grouped(basil: dict[str, StoryAnalysis]) -> None:
    # Bruning's two statements (Fox: "This contraband …"; HuffPost: "Colorado has undermined
    # …") at one news conference are two quotations, and so are Vicente's and Tvert's lines
    # that both end "on the wrong side of history".
    grouped = {q for g in basil[POT].quote_groups for q in g.quotes}
    assert quote(basil, POT, "fox-news", "This contraband has been").id not in grouped
    assert quote(basil, POT, "fox-news", "on the wrong side of history").id not in grouped
    # No group in the ten stories joins two people's words: no "different speakers" flag.
    assert not [f for a in basil.values() for g in a.quote_groups for f in g.flags
                if f.kind == "speaker"]
    # The same words in two outlets are one quotation, and a real change of wording is
    # flagged: "they cannot believe what they're finding" against "… what they're talking".
    trump = basil["2011-04-trump-birther-investigators"]
    group = next(g for g in trump.quote_groups
                 if quote(basil, TRUMP, "fox-news", "they cannot believe what").id in g.quotes)
    assert [(f.kind, f.confident) for f in group.flags] == [("wording", True)]
    assert "“finding” → “talking”" in quote_flag_explanation(group.flags[0])


def test_editorial_insertions_and_transliterations_are_not_misquotations(
    basil: dict[str, StoryAnalysis]
) -> None:
    # Fox writes "(Libyan strongman Muammar) al-Qaddafi", HuffPost "(… Moammar) Gadhafi":
    # an editor's gloss and a transliteration, inside the same quotation.
    trump = basil["2011-04-trump-birther-investigators"]
    libya = next(g for g in trump.quote_groups
                 if quote(basil, TRUMP, "fox-news", "Trump accused Obama of").id in g.quotes)
    assert not libya.flags
    # Kennedy's "these (local) supervisors" in Fox: an insertion in brackets.
    walmart = basil["2011-03-walmart-sex-bias-supreme-court"]
    breath = next(g for g in walmart.quote_groups
                  if quote(basil, walmart.story.id, "fox-news", "in the next breath").id
                  in g.quotes)
    assert not breath.flags
