"""Identifiers and the URLs derived from them: URLs depend on ids only, so links survive."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

# Folder names a story uses for its own pages; an article may not take them.
RESERVED_ARTICLE_IDS = frozenset(
    {"index", "compare", "claims", "quotes", "discrepancies", "synopsis", "lineage", "export"}
)


# The longest file name the site writes is a comparison folder, "<article a>-<article b>".
# With ids of at most 64 characters every name stays within 143 bytes: the strictest common
# limit (eCryptfs home folders; ext4, APFS, NTFS and Windows allow 255).
MAX_ID_LENGTH = 64
MAX_FILE_NAME = 143


def slugify(text: str) -> str:
    """Lower-case ASCII slug: ``"EurAsian Times"`` → ``"eurasian-times"``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def too_long(value: str) -> bool:
    """Whether an id would make file names too long for common file systems."""
    return len(value.encode("utf-8")) > MAX_ID_LENGTH


def shorten(value: str) -> str:
    """`value` cut to `MAX_ID_LENGTH` at a hyphen where it can be: a suggested new id."""
    if not too_long(value):
        return value
    cut = value[:MAX_ID_LENGTH]
    head = cut.rsplit("-", 1)[0] if "-" in cut[MAX_ID_LENGTH // 2:] else cut
    return head.strip("-") or cut


def pair_slug(a: str, b: str) -> str:
    """The compare-page slug of two articles; `a` is the one that sorts first."""
    first, second = sorted((a, b))
    return f"{first}-{second}"


# Paths of generated files, relative to the docs dir. Every page is the index of its own
# folder, so its URL (MkDocs' directory URLs) is its folder: a relative link then means the
# same thing read from the page's URL or from its file, and builders that resolve links in
# HTML against the Markdown file (Zensical does) land where MkDocs does.
def story_page(story: str) -> str:
    return f"stories/{story}/index.md"


def article_page(story: str, article: str) -> str:
    return f"stories/{story}/{article}/index.md"


def compare_page(story: str, a: str, b: str) -> str:
    return f"stories/{story}/compare/{pair_slug(a, b)}/index.md"


def story_subpage(story: str, name: str) -> str:
    """claims, quotes, discrepancies, synopsis, lineage: one page per story each."""
    return f"stories/{story}/{name}/index.md"


def export_json(story: str) -> str:
    return f"export/{story}.json"


def export_csv(story: str) -> str:
    return f"export/{story}-claims.csv"


def export_discrepancies_csv(story: str) -> str:
    return f"export/{story}-discrepancies.csv"
