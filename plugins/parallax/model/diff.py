"""Word-level differences between two passages, as analysis computes them and pages mark them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SegmentOp = Literal["equal", "delete", "insert", "replace"]


@dataclass(frozen=True)
class Segment:
    """One piece of a word diff: `a` is the old text, `b` the new (equal segments: a == b)."""

    op: SegmentOp
    a: str
    b: str


@dataclass(frozen=True)
class WordDiff:
    segments: tuple[Segment, ...]
    unchanged: float  # share of the words (both sides) in equal segments
    rewritten: bool  # True when shown as one replaced block
