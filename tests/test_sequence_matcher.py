"""The analysis matches sequences with cydifflib, difflib's algorithms compiled: it must give
the very opcodes, matching blocks and ratios the standard library's `difflib` gives (word diffs,
word order in the same-fact decision, quote excerpts and reuse spans are built on them)."""

from __future__ import annotations

import difflib
import itertools

import cydifflib
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.model import Story
from parallax.nlp.text import fold, stem, word_tokens_with_space, words


def _same_matching(a: list[str], b: list[str]) -> None:
    ours = cydifflib.SequenceMatcher(None, a, b, autojunk=False)
    reference = difflib.SequenceMatcher(None, a, b, autojunk=False)
    assert [tuple(op) for op in ours.get_opcodes()] == reference.get_opcodes()
    assert [tuple(m) for m in ours.get_matching_blocks()] == [
        tuple(m) for m in reference.get_matching_blocks()]
    assert ours.ratio() == reference.ratio()


def test_word_and_stem_sequences_of_the_seed_story(seed_story: Story) -> None:
    """Every pair of sentences from two articles, as word diffs (folded tokens with their
    spaces) and as the same-fact decision's stem sequences see them."""
    articles = [[s.text for s in a.sentences] for a in seed_story.articles]
    compared = 0
    for first, second in itertools.combinations(articles, 2):
        for text_a, text_b in itertools.product(first, second):
            _same_matching([fold(t) for t in word_tokens_with_space(text_a)],
                           [fold(t) for t in word_tokens_with_space(text_b)])
            _same_matching([stem(w) for w in words(text_a)], [stem(w) for w in words(text_b)])
            compared += 1
    assert compared > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcde"),
                                                                  max_size=40))
def test_repetitive_sequences(a: list[str], b: list[str]) -> None:
    """Few distinct items, many repeats: where the longest match has many ties to break."""
    _same_matching(a, b)
