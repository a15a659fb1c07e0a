"""Dates on real news text: resolved by the sentence's tense against the article's own date,
clock times as times, names in capitals not dates, datelines that date undated articles, and
the TempEval-3 measurement when its data is at hand."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.facts.datelines import date_from_datelines, dateline_date
from parallax.analysis.facts.sentence_facts import sentence_facts
from parallax.data.load import load_data
from parallax.model import Story
from parallax.render import story_pages

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def basil(corpus: Path) -> dict[str, Story]:
    return {s.id: s for s in load_data(corpus)}


def facts_of(stories: dict[str, Story], story: str, article: str, words: str,
             kinds: tuple[str, ...] = ("date",)) -> list[tuple[str, str]]:
    """The facts of the sentence of `article` that contains `words` (found by its words, not
    its id, which shifts when the loader drops a caption or a heading)."""
    item = stories[story].article(article)
    texts = [s.text for s in item.sentences if words in s.text]
    assert len(texts) == 1, (article, words, texts)
    return [(f.text, f.value) for f in sentence_facts(texts[0], item.date) if f.kind in kinds]


HUNTER = "2018-08-duncan-hunter-indicted"
INDIANA = "2015-03-indiana-religious-freedom-law"
BLUMENTHAL = "2010-05-blumenthal-vietnam-service"
BENGHAZI = "2013-05-benghazi-talking-points-emails"
AKIN = "2012-08-romney-urges-akin-to-quit"
TRUMP = "2011-04-trump-birther-investigators"


@pytest.mark.corpus
def test_a_date_the_wording_looks_ahead_to_is_ahead(basil: dict[str, Story]) -> None:
    # Both dated Tuesday 21 August 2018: the arraignment is on the coming Thursday, not the
    # one before.
    assert facts_of(basil, HUNTER, "fox-news", "The pair is due") == [
        ("on Thursday morning", "2018-08-23")]
    assert facts_of(basil, HUNTER, "new-york-times", "The Hunters are scheduled") == [
        ("Thursday morning", "2018-08-23")]
    # "Blumenthal will face the winner of the GOP primary on August 10" (18 May 2010).
    assert facts_of(basil, BLUMENTHAL, "fox-news", "Blumenthal will face the") == [
        ("August 10", "2010-08-10")]
    # Written on Sunday 29 March: the Final Four "will take place … on Saturday and next
    # Monday" (4 and 6 April; "next Monday" said on a Sunday is not tomorrow).
    assert facts_of(basil, INDIANA, "new-york-times", "The debate cast a") == [
        ("on Saturday", "2015-04-04"), ("next Monday", "2015-04-06")]
    # "before this weekend’s … Final Four" in a Tuesday paper: the coming weekend.
    assert ("this weekend", "2015-W14-WE") in facts_of(basil, INDIANA, "fox-news",
                                                       "Long on Monday also")


@pytest.mark.corpus
def test_a_date_the_wording_looks_back_on_is_behind(basil: dict[str, Story]) -> None:
    # Fox (Tuesday 31 March): "since the governor signed it into law on Thursday" (26 March).
    assert facts_of(basil, INDIANA, "fox-news", "But state lawmakers and") == [
        ("on Thursday", "2015-03-26")]
    # The NYT (Sunday 29 March): one sentence, two events, two dates.
    assert facts_of(basil, INDIANA, "new-york-times", "The governor, a Republican,") == [
        ("on Saturday", "2015-03-28"), ("on Thursday", "2015-03-26")]
    # "Angie’s List … this weekend put on hold plans": the weekend just past.
    assert facts_of(basil, INDIANA, "fox-news", "Angie’s List, the business-rating") == [
        ("this weekend", "2015-W13-WE")]
    # A weekday that names its date picks the year in which the two agree.
    assert facts_of(basil, BENGHAZI, "new-york-times",
                    "The process began in") == [("Friday, Sept. 14", "2012-09-14")]


@pytest.mark.corpus
def test_clock_times_are_times_not_figures(basil: dict[str, Story]) -> None:
    kinds = ("date", "time", "number")
    # "facing a 5 p.m. deadline to withdraw": one time, no count of 5.
    assert facts_of(basil, AKIN, "fox-news", "The Republican congressman is", kinds) == [
        ("5 p.m.", "17:00")]
    assert facts_of(basil, BENGHAZI, "new-york-times", "The process began in",
                    kinds) == [("4:20 p.m.", "16:20"), ("Friday, Sept. 14", "2012-09-14")]
    assert facts_of(basil, BENGHAZI, "new-york-times", "At 7:51 p.m., the",
                    kinds) == [("7:51 p.m.", "19:51")]


@pytest.mark.corpus
def test_a_name_in_capitals_is_not_a_date(basil: dict[str, Story]) -> None:
    # NBC's "Today" show and ABC's "This Week" are programmes; the weekday is the date.
    assert facts_of(basil, TRUMP, "fox-news", "have people that actually") == [
        ("on Thursday", "2011-04-07")]
    assert facts_of(basil, INDIANA, "new-york-times", "Mr. Pence appeared on") == [
        ("on Sunday", "2015-03-29")]
    assert facts_of(basil, INDIANA, "fox-news", "Long and Bosma also") == [("Sunday", "2015-03-29")]
    # "the Final Four" is a name, not a count of four.
    assert not facts_of(basil, INDIANA, "fox-news", "Long on Monday also", ("number",))


@pytest.mark.slow
def test_a_dateline_dates_an_undated_article(seed_story: Story) -> None:
    # Sakshi Post's wire copy opens "Moscow, May 30 (IANS) Russia on Friday rubbished …".
    undated = dataclasses.replace(seed_story, articles=tuple(
        dataclasses.replace(a, date=None) if a.id == "sakshi-post" else a
        for a in seed_story.articles))
    dated = date_from_datelines(undated).article("sakshi-post")
    assert (dated.date, dated.date_source) == ("2025-05-30", "dateline “Moscow, May 30 (IANS)”")
    # The rest of the analysis counts from it: "on Friday" is 30 May.
    analysis = analyze(undated)
    friday = [f for sf in analysis.facts if (sf.article, sf.sentence) == ("sakshi-post", "s1")
              for f in sf.facts if f.text == "on Friday"]
    assert friday[0].value == "2025-05-30" and not friday[0].story_dated
    # …and the pages say where the date came from.
    pages = story_pages(analysis)
    article_page = pages[f"stories/{seed_story.id}/sakshi-post/index.md"].body
    assert "from the dateline “Moscow, May 30 (IANS)”" in article_page
    assert "from the dateline" in pages[f"stories/{seed_story.id}/index.md"].body
    # Articles with a date of their own keep it, and say nothing of a source.
    assert analysis.story.article("unattributed-004").date_source is None


# Openings of real wire copy (Reuters, 2016, in PolNeAR's HuffPost articles; the AFP and AP
# forms without a date, in PolNeAR and the public corpus).
PARIS = ("PARIS, Aug 31 (Reuters) - France’s far-right National Front party leader, Marine Le "
         "Pen, voiced support for U.S. Republican presidential candidate Donald Trump.")
BARE = ("Dec 29 (Reuters) - U.S. Democratic presidential candidate Hillary Clinton on Tuesday "
        "said that Islamic State violence against Iraqi Yazidis and other minorities is genocide.")


def test_datelines_and_what_is_not_one() -> None:
    import datetime as dt
    assert dateline_date(PARIS, dt.date(2016, 9, 2)) == ("2016-08-31",
                                                         "PARIS, Aug 31 (Reuters)")
    # The year is the one nearest the reference date: a late-December dateline in January.
    assert dateline_date(BARE, dt.date(2016, 1, 3)) == ("2015-12-29", "Dec 29 (Reuters)")
    assert dateline_date(BARE, None) is None  # no year anywhere to count from
    assert dateline_date("Washington (AFP) – The Washington Post on Thursday became the latest",
                         dt.date(2016, 9, 2)) is None
    assert dateline_date("On Tuesday, Clinton said that Islamic State violence …",
                         dt.date(2016, 9, 2)) is None


@pytest.mark.corpus
def test_a_dateline_without_a_date_dates_nothing(basil: dict[str, Story]) -> None:
    marijuana = basil["2014-12-nebraska-oklahoma-sue-colorado-marijuana"]
    fox = marijuana.article("fox-news")
    undated = dataclasses.replace(marijuana, articles=tuple(
        dataclasses.replace(a, date=None) if a.id == fox.id else a for a in marijuana.articles))
    assert date_from_datelines(undated).article("fox-news").date is None  # "Denver (AP) –"


def test_tempeval_platinum_accuracy_when_the_data_is_given() -> None:
    folder = os.environ.get("PARALLAX_TEMPEVAL")
    if not folder or not Path(folder).is_dir():
        pytest.skip("TempEval-3 data not given: set PARALLAX_TEMPEVAL to the te3-platinum folder")
    sys.path.insert(0, str(ROOT / "bench"))
    import dates as bench  # type: ignore[import-not-found]

    tally = bench.score(bench.load(Path(folder)))
    assert tally.counts["gold"] > 50
    assert tally.counts["right"] / tally.counts["gold"] >= 0.85
    assert tally.counts["spurious"] / tally.counts["ours"] <= 0.05
