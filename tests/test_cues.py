"""The stance cues' patterns: rewritten for speed, they must accept exactly what they did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.analysis.claims.stance_model.cues import QUOTE_THEN_SPEAKER

# The pattern as first written: two adjacent runs of non-quotes, so the regex engine tried every
# split of a clause (quadratic). The linear form must keep its language.
QUADRATIC = re.compile(r"^[^\"“”]*[\"“]?[^\"“”]{20,}[,.!?][\"”]\s+\S")

# Quotes, the punctuation before a closing quote, and spaces are what the pattern turns on:
# clauses are built around its shape (a run, a quote, ~20 characters, a closing quote, a
# speaker) with pieces that can break it anywhere.
_QUOTES = st.sampled_from(["", '"', "“", "”"])
_RUN = st.text(alphabet="ab ,.!?\n\xa0'", max_size=8)
_CLAUSES = st.tuples(
    _RUN, _QUOTES, st.text(alphabet="ab ,.!?", min_size=16, max_size=24),
    st.sampled_from([",", ".", "!", "?", "x"]), _QUOTES, st.sampled_from(["", " ", "  ", "\n"]),
    _RUN, _QUOTES, _RUN,
).map("".join)


@settings(max_examples=4000, deadline=None)
@given(_CLAUSES)
def test_quote_then_speaker_accepts_what_the_quadratic_pattern_accepted(clause: str) -> None:
    assert bool(QUOTE_THEN_SPEAKER.search(clause)) == bool(QUADRATIC.search(clause))


def test_quote_then_speaker_reads_a_quotation_closed_by_its_speaker() -> None:
    assert QUOTE_THEN_SPEAKER.search("“We will not accept these terms,” the minister said")
    assert QUOTE_THEN_SPEAKER.search('The talks, he said, "failed on every point." Officials')
    assert not QUOTE_THEN_SPEAKER.search("“Short,” he said")  # under 20 characters quoted
    assert not QUOTE_THEN_SPEAKER.search("The minister said the terms were unacceptable.")
