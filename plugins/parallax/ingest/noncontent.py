"""Lines of a page that are not article prose: captions, section headings, placeholders.

Shared by `parallax import` (which records them as removed) and the loader (which keeps them
out of the analysed sentences of files written by hand or by older importers). Every test is
on one paragraph, with its neighbours where the layout is the evidence (a heading is a short
unpunctuated line followed by prose).
"""

from __future__ import annotations

import re

from ..model import Removed
from ..nlp.lexicon import PHOTO_AGENCIES, PHOTO_CREDIT_WORDS

PHOTO_CAPTION = "photo caption"
VIDEO_CAPTION = "video caption"
SECTION_HEADING = "section heading"
PLACEHOLDER = "placeholder"

_CAPTION_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    # "… (AP Photo/Evan Vucci)", "(Picture by Jameel Springer)", "(Credit: Clayton Aldern / Grist)"
    rf"^.{{0,400}}[(\[]\s*(?:{PHOTO_AGENCIES}\s*)?(?:file\s+)?{PHOTO_CREDIT_WORDS}\b[^()\[\]]{{0,80}}[)\]]\.?$",
    # "… Photo: FACEBOOK/JASMINE TRIDEVIL", "Photograph: Jane Doe/Reuters", "Photo by Jane Doe"
    rf"^(?:.{{0,400}}[.!?”\"’]\s+)?(?:featured\s+)?(?:{PHOTO_CREDIT_WORDS}\s+)?{PHOTO_CREDIT_WORDS}\s*"
    r"(?::|by|via|courtesy(?: of)?)"
    r"\s*[^.!?]{1,80}$",
    # "… REUTERS/Jane Doe", "… AFP via Getty Images", "… /File Photo"
    rf"^.{{0,400}}(?:\b{PHOTO_AGENCIES}\s*/\s*[A-Z][\w.' -]{{1,60}}|via Getty Images|"
    r"/\s*file photo|[/|]\s*Getty Images)\.?$",
    # "Image caption …", "Image copyright …", "FILE PHOTO: …", "FILE - In this …", "Pictured: …"
    r"^(?:image|photo|media)\s+(?:caption|copyright|source)\b.*",
    r"^(?:file photo\s*[:-]|file\s+[-–—]\s|pictured\s*:|caption\s*:|above\s*:|top\s*:).*",
    r"^\[?\s*(?:image|photo|picture)\s+(?:via|by|from|credit)\b[^\]]*\]?$",  # "[Image via WTSP]"
))
_VIDEO_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^(?:video|watch|media caption|play video|video duration)\s*[:|–—-].*",
    r"^.{0,300}\(video\)\.?$",
))
_PLACEHOLDERS = re.compile(
    r"(?:loading|poll loading|loading video|image|photo|picture|video|audio|play|play video|"
    r"pause|replay|unmute|mute|fullscreen|full screen|close|caption|hide caption|"
    r"toggle caption|enlarge(?: this)? image|expand|click to expand|skip(?: ad(?:vert)?)?|"
    r"embedded content|embed|copy link|link copied|gallery|view gallery|open gallery|"
    r"listen(?: to (?:this|the) (?:article|story))?|\d+\s*(?:min(?:ute)?s?|sec(?:ond)?s?)\s+read|"
    r"story continues below(?: advertisement)?|continue reading(?: below)?|"
    r"this (?:video|content|embed) is not available.*|"
    r"(?:your browser does not support|please enable javascript|javascript is disabled).*|"
    r"(?:image|photo|slide)\s+\d+\s+(?:of|/)\s+\d+|\d+\s*/\s*\d+|"
    r"(?:posted|published|updated|last updated|release date|filed under|tags?|topics?|"
    r"related|credit|source|caption|photo credit)(?:\s+(?:on|at|in|by))?\s*:?|"
    r"share(?: this(?: item| article| story| page)?)?(?: on| via)? [a-z]+|"
    r"send this page to someone via e-?mail|"
    r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|news|tv|info)(?:\.[a-z]{2})?)"
    r"\s*[.…]*",
    re.IGNORECASE)
_BRACKETED = re.compile(r"\[[^\]]{0,60}\]|<!--.*-->", re.DOTALL)  # "[embedded content]"
_END_PUNCTUATION = tuple('.!?…:;,"”’\')»。！？۔؟।')
_HEADING_MAX_WORDS = 12


def noncontent_kind(text: str, following: str | None = None) -> str | None:
    """The kind of non-prose line `text` is, or None for article prose.

    `following` is the next paragraph: a heading is judged by what it introduces.
    """
    line = text.strip()
    if not line:
        return PLACEHOLDER
    if _PLACEHOLDERS.fullmatch(line) or _BRACKETED.fullmatch(line):
        return PLACEHOLDER
    if line.startswith("#") and re.match(r"^#{1,6}\s+\S", line):
        return SECTION_HEADING  # a Markdown heading in a hand-written article file
    words = line.split()
    if len(words) <= 90:
        if any(p.match(line) for p in _VIDEO_PATTERNS):
            return VIDEO_CAPTION
        if any(p.match(line) for p in _CAPTION_PATTERNS):
            return PHOTO_CAPTION
    if following is not None and _looks_like_heading(line, following):
        return SECTION_HEADING
    return None


def _looks_like_heading(line: str, following: str) -> bool:
    """A short capitalised line without closing punctuation, introducing longer prose."""
    words = line.split()
    if not 1 <= len(words) <= _HEADING_MAX_WORDS or line.endswith(_END_PUNCTUATION):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    if re.search(r"[\"“”«»]|https?://|@", line) or line.startswith(("-", "–", "—", "•", "*")):
        return False
    next_words = following.split()
    return len(next_words) >= max(8, 2 * len(words)) and following.rstrip().endswith(
        _END_PUNCTUATION)


def split_noncontent(paragraphs: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Paragraphs kept as prose, and (kind, text) of those that are captions and the like."""
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        kind = noncontent_kind(paragraph, following)
        if kind is None:
            kept.append(paragraph)
        else:
            dropped.append((kind, paragraph))
    return kept, dropped


def strip_noncontent(body: str) -> tuple[str, tuple[Removed, ...]]:
    """A Markdown article body without its captions, headings and placeholders, and those."""
    from ..nlp.text import split_paragraphs

    kept, dropped = split_noncontent(split_paragraphs(body))
    return "\n\n".join(kept), tuple(Removed(kind, text) for kind, text in dropped)
