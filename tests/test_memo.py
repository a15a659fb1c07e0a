"""Per-story caches: the same results, forgotten when the next story starts."""

from __future__ import annotations

from parallax.nlp.memo import forget_story, per_story
from parallax.nlp.text import content_stems, fold


def test_a_per_story_cache_answers_again_and_is_emptied_between_stories() -> None:
    calls: list[str] = []

    @per_story
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("a") == shout("a") == "A"
    assert calls == ["a"]  # asked twice, computed once
    forget_story()
    assert shout("a") == "A"
    assert calls == ["a", "a"]  # computed again after the story


def test_text_caches_give_the_same_answers_after_forgetting() -> None:
    sentence = "Russia’s “Steel” deal: Pakistan said the mill would reopen."
    before = (fold(sentence), content_stems(sentence))
    forget_story()
    assert (fold(sentence), content_stems(sentence)) == before
    assert fold.cache_info().currsize == 1  # only what was asked since the story started
