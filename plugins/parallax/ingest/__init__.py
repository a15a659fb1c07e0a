"""Importers for `parallax import`: raw text or HTML in, a cleaned article file out.

`read_source` picks the reader by suffix, `clean` drops boilerplate while recording every
removal, and `write_article` writes the Markdown file atomically.
"""

from __future__ import annotations

from .boilerplate import Cleaned, clean
from .readers import RawArticle, read_source
from .writer import write_article

__all__ = ["Cleaned", "RawArticle", "clean", "read_source", "write_article"]
