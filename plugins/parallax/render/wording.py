"""The English a reader meets, for whatever the analysis found: one place to word (and one day
to translate) the structured reasons the core returns. The pages, the export and the command
line all word through here, so they say the same thing."""

from __future__ import annotations

from ..model import FamilyTie


def percent(value: float) -> str:
    """`0.82` → `82 %`, the style of figures in sentences."""
    return f"{round(value * 100)} %"


def family_note(tie: FamilyTie) -> str:
    """Why a pair labelled less than a rewrite still sits in one family."""
    what = f"the same {tie.source} copy" if tie.source else "one shared source"
    return (f"independent rewrites of {what}: both belong to its family, but only "
            f"{percent(tie.narrative)} of their unquoted sentences match each other (a rewrite "
            f"of each other needs {percent(tie.needed)})")
