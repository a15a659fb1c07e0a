"""Is what we extracted the article? No article text at all, or a stub of a longer one.

A saved page may hold no article (a menu, a footer), or hold it where an extractor cannot
see it: in scripts that render it in the browser, so that only a photo caption comes out.
Both are said plainly, never imported in silence. The page's own hints of its article's
length are schema.org's `wordCount` and `articleBody`, the prose in its scripts, and the
prose paragraphs a reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .saved_page import PageFacts

ADVICE = ("save the page as the browser shows it once loaded (Save Page As → 'Web Page, "
          "complete'), or paste the article text into a .txt file and import that")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?:\s|$)|[。！？۔]")


def reads_as_prose(paragraph: str) -> bool:
    """A sentence of running text, not a menu entry, a label or a list of names."""
    letters = [c for c in paragraph if c.isalpha()]
    if len(letters) < 20:
        return False
    cased = sum(1 for c in letters if c.islower() or c.isupper())
    if cased < 0.5 * len(letters):
        # Scripts without letter case (Chinese, Arabic, Hindi…): a sentence end, or length.
        return bool(_SENTENCE_END.search(paragraph)) or len(letters) >= 40
    words = paragraph.split()
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 0.25 * len(words) and (bool(_SENTENCE_END.search(paragraph))
                                           or len(words) >= 15)


def has_article_text(paragraphs: list[str]) -> bool:
    """A paragraph reads as prose, or many short ones do together (dialogue, verse)."""
    if any(reads_as_prose(p) for p in paragraphs):
        return True
    joined = " ".join(paragraphs)
    return len(joined.split()) >= 40 and reads_as_prose(joined)


@dataclass(frozen=True)
class LengthCheck:
    """Paragraphs to import, a note when the page's structured text replaced a stub, warnings."""

    paragraphs: list[str]
    body_source: str | None = None
    warnings: tuple[str, ...] = ()


def check_length(paragraphs: list[str], page: PageFacts | None) -> LengthCheck:
    """Compare the extracted body with the page's own hints of its article's length."""
    if page is None:
        return LengthCheck(paragraphs)
    chars = sum(len(p) for p in paragraphs)
    words = sum(len(p.split()) for p in paragraphs)
    structured = page.structured_body or ""
    if len(structured) >= 500 and chars < 0.5 * len(structured):
        # The page states its article text in its structured data (schema.org articleBody)
        # while its HTML shows only a fragment of it: take the page's own statement.
        return LengthCheck(
            [p.strip() for p in structured.splitlines() if p.strip()],
            body_source=(f"the page's structured data (schema.org articleBody, "
                         f"{len(structured.split())} words); its HTML held {words} words"),
        )
    warnings = []
    if page.word_count and words < 0.5 * page.word_count and page.word_count - words >= 100:
        warnings.append(f"the page gives its article {page.word_count} words (schema.org "
                        f"wordCount), but only {words} were found in its HTML")
    # Scripts hold prose on many complete pages too (a JSON copy of the article, other
    # articles): only a near-empty extraction beside them reads as a client-drawn page.
    if page.script_prose >= 1500 and chars < min(1000, 0.1 * page.script_prose):
        warnings.append(f"the page's scripts hold {page.script_prose} characters of prose, "
                        f"its HTML only {chars}: the article is probably drawn by JavaScript")
    if page.visible_prose - chars >= 1000 and chars < 0.5 * page.visible_prose:
        warnings.append(f"the page shows a block of {page.visible_prose} characters of prose, "
                        f"but only {chars} were extracted as the article")
    return LengthCheck(paragraphs, warnings=tuple(warnings))
