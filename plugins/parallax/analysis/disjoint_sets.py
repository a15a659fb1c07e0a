"""Disjoint sets (union-find): grouping items that are linked pair by pair.

Used to gather facts that disagree across outlets and sentences that the synopsis puts in one
row. Path halving keeps `find` near constant time.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Items seen so far, each in one group; `union` merges two groups."""

    def __init__(self) -> None:
        self._parent: dict[T, T] = {}

    def find(self, item: T) -> T:
        """The representative of the item's group (a new item is a group of its own)."""
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: T, second: T) -> None:
        """Merge the group of `second` into the group of `first`."""
        self._parent[self.find(second)] = self.find(first)

    def __iter__(self) -> Iterator[T]:
        return iter(self._parent)
