"""Why the analysis concluded what it did, as data: the render layer words it.

A `Reason` names the rule that fired (`kind`), the figures and words it rests on (`values`) and,
where it matters, the sentences (`sentences`). No English is made in the core:
`render/wording.py` turns each kind into the sentence a reader meets, for the pages, the export
and the command line alike (and, one day, for a translation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reason:
    kind: str
    values: tuple[tuple[str, Any], ...] = ()  # (name, value): str, number, bool, None or tuples
    sentences: tuple[tuple[str, str], ...] = ()  # (article id, sentence id) it rests on

    @classmethod
    def of(cls, kind: str, /, **values: Any) -> Reason:
        return cls(kind, tuple(values.items()))

    def __getitem__(self, name: str) -> Any:
        for key, value in self.values:
            if key == name:
                return value
        raise KeyError(f"reason {self.kind!r} has no value {name!r}")
