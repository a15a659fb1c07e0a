"""Text for the terminal: control characters shown as escapes, never executed.

Article text, file and folder names are untrusted. Echoed raw, an ESC sequence in a removed
boilerplate line could retitle the terminal window, move the cursor over earlier output or
hide what follows; a carriage return or a bidirectional override could disguise a line.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, and the bidirectional embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_WITH_NEWLINES = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Control characters that never belong in article text (tab and newline do).
CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """`text` with unsafe characters as visible escapes (``\\x1b``, ``\\u202e``)."""
    pattern = _UNSAFE_WITH_NEWLINES if one_line else _UNSAFE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
