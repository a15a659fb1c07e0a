"""Importers for `parallax import`: raw text or HTML in, a cleaned article file out.

`prepare_import` reads the source (`read_source`: .txt as is, HTML decoded as it declares and
extracted by trafilatura), picks the headline and byline, removes boilerplate while recording
every removal (`clean`), checks the result as `parallax check` would, and `write_article`
writes it atomically.
"""

from __future__ import annotations

from .boilerplate import Cleaned, clean
from .pipeline import ImportRequest, Prepared, prepare_import
from .readers import RawArticle, read_source
from .writer import write_article

__all__ = ["Cleaned", "ImportRequest", "Prepared", "RawArticle", "clean", "prepare_import",
           "read_source", "write_article"]
