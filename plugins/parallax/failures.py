"""Unexpected exceptions while analysing or rendering a story → one error naming story and stage.

Bad data is reported by `load` as a `DataError`. Anything else raised while a story is analysed
is a bug in Parallax; the maintainer still deserves one readable line that says which story and
which stage of the analysis failed, not a traceback. The traceback is kept on the error, for the
debug log. `StageFailed` pickles, so it crosses a process pool intact.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .data.errors import ParallaxError

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent

# The module a stage of `analyze()` lives in → what a maintainer would call that stage.
STAGE_NAMES = {
    "pairwise": "sentence alignment",
    "candidate_pairs": "sentence alignment",
    "similarity": "sentence similarity",
    "semantic": "sentence meaning",
    "encoder": "sentence meaning",
    "wordpiece": "sentence meaning",
    "samefact": "same-fact decision",
    "matrix": "claim matrix",
    "stance": "claim stances",
    "discovery": "claim suggestions",
    "claim_text": "claim suggestions",
    "sentence_facts": "facts",
    "anchors": "facts",
    "datelines": "datelines",
    "dates": "dates",
    "quantities": "figures",
    "entities": "names",
    "spellings": "names",
    "quotes": "quotations",
    "speakers": "quotations",
    "quote_groups": "quotation comparison",
    "discrepancies": "discrepancies",
    "contradictions": "contradictions",
    "polarity": "contradictions",
    "pair_reuse": "text reuse",
    "passages": "shared passages",
    "credits": "credits",
    "lineage": "lineage",
    "synopsis": "synopsis",
    "word_diff": "word diff",
    "text": "sentences",
}


class StageFailed(ParallaxError):
    """An unexpected exception in one stage of one story's analysis (or rendering)."""

    def __init__(self, story: str, stage: str, cause: str, where: str, trace: str) -> None:
        super().__init__(story, stage, cause, where, trace)  # args: what pickling rebuilds
        self.story, self.stage, self.cause, self.where, self.trace = (
            story, stage, cause, where, trace)

    def __str__(self) -> str:
        where = f" (at {self.where})" if self.where else ""
        return (f"story {self.story!r}: the {self.stage} stage failed{where}: {self.cause} — "
                "this is a bug in Parallax, not in your data; the rest of the site was not "
                "changed. Please report it with the traceback (`mkdocs build --verbose` or "
                "PARALLAX_DEBUG=1 prints it)")


def guarded(story: str, stage: str, function: Callable[..., T], *args: object) -> T:
    """`function(*args)`, turning any unexpected exception into `StageFailed`.

    With `stage="analysis"` the stage is read from the traceback: the step of `analyze()` that
    was running (its module, e.g. `claims` → "claim matrix").
    """
    try:
        return function(*args)
    except ParallaxError:
        raise
    except Exception as error:
        raise failure(story, stage, error) from None


def failure(story: str, stage: str, error: BaseException) -> StageFailed:
    """The `StageFailed` describing `error`, raised while `stage` of `story` ran."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if _in_package(f.filename)]
    step = _analysis_step(ours)
    if step is not None:
        stage = STAGE_NAMES.get(step, step.replace("_", " "))
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name}" if ours else ""
    cause = f"{type(error).__name__}: {_short(str(error))}"
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return StageFailed(story, stage, cause, where, trace)


def _analysis_step(frames: list[traceback.FrameSummary]) -> str | None:
    """The module of the function `analyze()` called when the error happened, if any."""
    for index, frame in enumerate(frames):
        if frame.name == "analyze" and Path(frame.filename).stem == "analyze":
            # The first frame outside analyze.py (its own helpers, such as the story's
            # similarity space, belong to the step they serve).
            inner = (Path(f.filename).stem for f in frames[index + 1:])
            return next((stem for stem in inner if stem != "analyze"), None)
    return None


def _in_package(filename: str) -> bool:
    try:
        Path(filename).resolve().relative_to(_PACKAGE)
    except ValueError:
        return False
    return True


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
