"""Decode a saved HTML page as a browser would: its byte-order mark, then what it declares.

A page saved from a browser keeps its original bytes, and many news sites still serve
ISO-8859-1, windows-1252 or GB2312. The order follows the HTML standard's encoding sniffing:
a byte-order mark wins (it cannot be there by accident), then the page's own declaration
(`<meta charset>`, `<meta http-equiv="Content-Type">`, an XML declaration), then UTF-8 when the
bytes are valid UTF-8, then statistical detection (charset-normalizer). A declaration the bytes
contradict (a page that says UTF-8 but is Latin-1) is not trusted: detection decides.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Labels browsers read as a superset encoding (WHATWG Encoding Standard, "labels"): a page
# declaring ISO-8859-1 is decoded as windows-1252 by every browser, so its curly quotes from
# 0x80-0x9F survive; GB2312 pages are decoded as GB18030, and so on.
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254",
    "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874", "gb2312": "gb18030",
    "gbk": "gb18030", "x-gbk": "gb18030", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "big5": "big5hkscs",
    "x-user-defined": "cp1252",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))

# Where a declaration may be: the head, before any content. Browsers give up after the first
# 1024 bytes; saved pages often carry long scripts first, so we read up to the end of the head.
_HEAD_LIMIT = 65536
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_CHARSET_ATTR = re.compile(rb"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTTP_EQUIV = re.compile(rb"""\bhttp-equiv\s*=\s*["']?\s*content-type""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


@dataclass(frozen=True)
class Decoded:
    """The page as text, the Python codec used, and where the choice came from."""

    text: str
    encoding: str
    source: str  # "byte-order mark", "<meta charset>", "http-equiv", "xml declaration", …


def decode_html(data: bytes) -> Decoded:
    """Decode HTML bytes: byte-order mark, declared charset, UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(encoding, errors="replace"), encoding,
                           "byte-order mark")
    declared = declared_charset(data)
    if declared is not None:
        label, where = declared
        codec = _codec(label)
        if codec is not None:
            # A page declaring UTF-16 in ASCII-compatible bytes is read as UTF-8 (HTML standard).
            codec = "utf-8" if codec.startswith("utf-16") else codec
            try:
                return Decoded(data.decode(codec), codec, where)
            except UnicodeDecodeError:
                pass  # the declaration is wrong for these bytes: let the bytes decide
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # Pages assembled from several sources: UTF-8 throughout, with a few stray Latin-1
        # bytes (a pasted quote). Decoding the whole page as Latin-1 would garble every
        # other accented letter, so only the stray bytes are read as windows-1252.
        return Decoded(data.decode("utf-8", errors=_STRAY_BYTES), "utf-8",
                       "UTF-8 with stray windows-1252 bytes")
    detected = _detect(data)
    if detected is not None:
        return detected
    # Nothing fits: decode what is declared (or windows-1252) with replacement characters
    # rather than refuse; the import still shows the reader what it got.
    fallback = (_codec(declared[0]) if declared else None) or "cp1252"
    return Decoded(data.decode(fallback, errors="replace"), fallback, "fallback")


def declared_charset(data: bytes) -> tuple[str, str] | None:
    """The charset label the page declares, and where: `<meta charset>`, http-equiv or XML."""
    xml = _XML_DECLARATION.match(data[:200])
    head = data[:_HEAD_LIMIT]
    end = head.lower().find(b"</head")
    head = _COMMENT.sub(b"", head if end < 0 else head[:end])
    for tag in _META.finditer(head):
        attribute = _CHARSET_ATTR.search(tag.group(0))
        if attribute is None:
            continue
        where = "http-equiv" if _HTTP_EQUIV.search(tag.group(0)) else "<meta charset>"
        return attribute.group(1).decode("ascii").lower(), where
    if xml is not None:
        return xml.group(1).decode("ascii").lower(), "xml declaration"
    return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY_BYTES = "parallax-stray-cp1252"


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    stray = error.object[error.start:error.end]
    return bytes(stray).decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_BYTES, _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences: the page is UTF-8 with a few strays."""
    high = sum(1 for byte in data if byte >= 0x80)
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences >= 0.8 * high


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _BROWSER_ALIASES:
        return _BROWSER_ALIASES[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 pages need it

    matches = list(from_bytes(data))
    if not matches:
        return None
    # Detection often ties between related code pages (windows-1250 and windows-1252 read
    # "élève" equally well as far as its statistics go). Among the near-best, take the one a
    # browser falls back to for most of the web, windows-1252, as the HTML standard does.
    best = min(m.chaos for m in matches)
    near = [m.encoding for m in matches if m.chaos <= best + 0.01]
    encoding = "cp1252" if "cp1252" in near else near[0]
    encoding = _codec(encoding) or encoding
    try:
        return Decoded(data.decode(encoding), encoding, "detected")
    except (LookupError, UnicodeDecodeError):
        return None
