"""Boilerplate removal: drop what a scraper picked up around the article, and say what it was.

Three levels, each recording every removal as a `Removed(rule, text)` for the front matter:

* whole paragraphs: ads, "Read also" links, comment forms, bylines, captions, headings, …;
* sentences: a prompt to subscribe, sign up, download an app or follow the outlet, and
  copyright or standards notices, also when they share a paragraph with article text;
* runs inside a paragraph: a page whose lead came out as one run-on paragraph mixed with
  menu and share-button text ("Share Facebook Twitter WhatsApp", "By X - May 4, 2022",
  "Related articles …", the headline repeated inside it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Removed
from ..nlp.lexicon import WEEKDAY_NAMES_LOWER
from ..nlp.text import fold, normalise_whitespace, split_sentences
from .noncontent import PHOTO_CAPTION, SECTION_HEADING, noncontent_kind, split_noncontent
from .page_dates import DATE_LINE, parse_date
from .prompts import sentence_rule, visible_form
from .saved_page import PageFacts

_Rule = tuple[str, Callable[[str, int], bool]]


def _matches(pattern: str) -> Callable[[str, int], bool]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text, _index: bool(compiled.fullmatch(text.strip()))


def _near_top(pattern: str, within: int = 3) -> Callable[[str, int], bool]:
    """Bylines and datelines only count as boilerplate among the first paragraphs."""
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text, index: index < within and bool(compiled.fullmatch(text.strip()))


_TIME = r"(?:\s*[.,]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATE_WITH_LABEL = (
    rf"(?:(?:posted|published|updated|last updated)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{WEEKDAY_NAMES_LOWER},?\s+)?"
    rf"{DATE_LINE}\.?{_TIME}\.?"
)

RULES: tuple[_Rule, ...] = (
    ("advertisement", _matches(r"(?:advertisements?|sponsored(?: content)?|\[?ad\]?)")),
    ("read-also link", _matches(r"(?:read also|also read|read more|read|watch|see also)\s*[|:].*")),
    ("comment footer", _matches(
        r"(?:comments?|\d+\s+comments?|leave a (?:reply|comment)|reply|post a comment|"
        r"your email address will not be published\.?.*|required fields are marked.*)")),
    ("syndication disclaimer", _matches(
        r"disclaimer\s*:.*(?:syndicat|auto-generated|not been edited|agency feed).*")),
    ("share buttons", _matches(r"(?:share(?: this(?: article)?)?|tweet|print|email|whatsapp)")),
    ("separator", _matches(r"[|•·\-–—_*]+")),
    ("byline", _near_top(r"(?:web desk|news desk|online desk|staff reporter|by\s+[^.]{2,60})")),
    ("date line", _near_top(_DATE_WITH_LABEL)),
)

# Scrapers sometimes glue a metadata field onto the first paragraph: "date 2025-05-30 Moscow, …".
_SCRAPED_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
# A byline glued onto the lede: "By Aaron Humes: The Americas cannot ignore …".
_BYLINE_PREFIX = re.compile(r"^By\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*[:|—–]\s+")
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
# Runs of interface text inside a paragraph (capitalised labels, as buttons show them).
_INLINE_RUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share buttons", re.compile(
        r"(?:\b(?:Share|Facebook|Twitter|WhatsApp|Email|E-mail|Telegram|LinkedIn|Pinterest|"
        r"Reddit|Print|Messenger|Pocket|Flipboard|Tumblr|Copy [Ll]ink)\b[ \t|·]*){3,}")),
    ("byline", re.compile(rf"\bBy {_NAME}\s*[-–—|,]\s*{DATE_LINE}{_TIME}", re.IGNORECASE)),
    ("photo caption", re.compile(
        r"(?<=[.!?”’\"] )(?:Photo(?:graph)?|Picture|Image|Credit)s?\s*:\s*[A-Z][\w.'’-]+"
        r"(?:\s+[A-Z][\w.'’-]+)?(?:\s*/\s*[A-Z][\w.'’-]+)?")),
    ("related links", re.compile(
        r"(?:(?<=[.!?”’\"] )|^)(?:Related (?:[Vv]ideos|[Aa]rticles|[Ss]tories|[Pp]osts|[Nn]ews)|"
        r"More from (?:the )?author|You (?:may|might) also like|Recommended for you|"
        r"Most (?:Read|Popular|Viewed)|Trending Now)\b.*$", re.DOTALL)),
)
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*]|\d+[.)])\s+")


@dataclass
class Cleaned:
    """Paragraphs kept, what was removed, and metadata recovered from the removed parts."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    date: str | None = None
    author: str | None = None


def clean(paragraphs: list[str], title: str | None = None,
          page: PageFacts | None = None) -> Cleaned:
    """Remove boilerplate paragraphs, sentences and runs, and repeated paragraphs.

    A paragraph that repeats the headline (HTML pages often carry the H1 inside the article
    body) is dropped too: the headline is kept in the front matter. `page` adds what the HTML
    itself marks: section headings and figure captions.
    """
    result = Cleaned(paragraphs=[])
    seen: set[str] = set()
    headline = fold(title) if title else None
    # List items right after a removed prompt ending in ':' ("Join now to get:") belong to it.
    prompt_list, prompt_list_rule = False, ""
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if not text:
            continue
        if index == 0 and (prefix := _SCRAPED_DATE_PREFIX.match(text)):
            result.removed.append(Removed("scraped metadata", prefix.group(0).strip()))
            result.date = prefix.group(1)
            text = text[prefix.end():]
        if index < 3 and (prefix := _BYLINE_PREFIX.match(text)):
            result.removed.append(Removed("byline", prefix.group(0).strip()))
            result.author = result.author or prefix.group(1)
            text = text[prefix.end():]
        if prompt_list and _LIST_ITEM.match(text):
            result.removed.append(Removed(prompt_list_rule, text))
            continue
        prompt_list = False
        following = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else None
        rule = "repeated headline" if headline and fold(text) == headline else _paragraph_rule(
            text, index, following, page)
        if rule is not None:
            result.removed.append(Removed(rule, text))
            _recover_metadata(result, rule, text)
            continue
        text, removed = _strip_interface(text, headline, page)
        result.removed.extend(removed)
        if not text:
            if removed and removed[-1].text.rstrip().endswith(":"):
                prompt_list, prompt_list_rule = True, removed[-1].rule
            continue
        key = fold(text)
        if key == headline:
            result.removed.append(Removed("repeated headline", text))
            continue
        if key in seen:
            result.removed.append(Removed("repeated paragraph", text))
            continue
        seen.add(key)
        result.paragraphs.append(text)
    # The loader's own pass (captions, headings, placeholders among the kept paragraphs), so
    # an imported file never holds a line the loader would still keep out of the analysis.
    result.paragraphs, dropped = split_noncontent(result.paragraphs)
    result.removed.extend(Removed(kind, text) for kind, text in dropped)
    return result


def _paragraph_rule(
    text: str, index: int, following: str | None, page: PageFacts | None
) -> str | None:
    rule = next((name for name, test in RULES if test(text, index)), None)
    if rule is not None:
        return rule
    if page is not None:
        key = fold(text)
        if key in page.headings and len(text.split()) <= 20:
            return SECTION_HEADING
        if _in_captions(key, page):
            return PHOTO_CAPTION
    return noncontent_kind(text, following)


def _in_captions(key: str, page: PageFacts) -> bool:
    """The page marks this text as a figure caption (or a caption holds all of it)."""
    if len(key) < 12:
        return key in page.captions
    return any(key == caption or key in caption for caption in page.captions)


def _recover_metadata(result: Cleaned, rule: str, text: str) -> None:
    if rule == "date line" and result.date is None:
        match = re.search(DATE_LINE, text, re.IGNORECASE)
        result.date = parse_date(match.group(0)) if match else None
    if rule == "byline" and result.author is None:
        result.author = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)


def _strip_interface(
    text: str, headline: str | None, page: PageFacts | None
) -> tuple[str, list[Removed]]:
    """Remove interface runs and interface sentences from a paragraph; say what went."""
    removed: list[Removed] = []
    for rule, pattern in _INLINE_RUNS:
        for match in list(pattern.finditer(text))[::-1]:
            piece = match.group(0).strip()
            if piece:
                removed.insert(0, Removed(rule, piece))
                text = text[:match.start()] + " " + text[match.end():]
    # Only a paragraph that mixes in interface text carries the headline as page furniture;
    # elsewhere a headline made of the lede's own words is the lede (seed 002).
    if removed and headline and len(headline.split()) >= 5:
        text = _cut_headline_copies(normalise_whitespace(text), headline, removed)
    if removed:  # only text that lost a piece is re-spaced; untouched text stays as written
        text = normalise_whitespace(text)
    if not text:
        return "", removed
    sentences = split_sentences(text)
    verdicts = [_sentence_verdict(s, page) for s in sentences]
    if not any(verdicts):
        return text, removed
    rules = {v for v in verdicts if v}
    if all(verdicts) and len(rules) == 1:
        removed.append(Removed(rules.pop(), text))
        return "", removed
    kept = []
    for sentence, verdict in zip(sentences, verdicts, strict=True):
        if verdict:
            removed.append(Removed(verdict, sentence))
        else:
            kept.append(sentence)
    return " ".join(kept), removed


def _sentence_verdict(sentence: str, page: PageFacts | None) -> str | None:
    if len(sentence.split()) > 60:
        return None  # interface prompts are short; a long sentence is the article's
    rule = sentence_rule(sentence)
    if rule is None and page is not None and len(sentence) >= 20 and _in_captions(
            fold(sentence), page):
        rule = PHOTO_CAPTION
    return rule


def _cut_headline_copies(text: str, headline: str, removed: list[Removed]) -> str:
    """The headline repeated inside a run-on paragraph, with a breadcrumb before it."""
    visible = visible_form(text)
    folded = fold(visible)
    if len(folded) != len(text) or headline not in folded:
        return text  # folding changed lengths: positions would not line up, leave it
    pieces: list[str] = []
    cursor = 0
    for match in re.finditer(re.escape(headline), folded):
        before = text[cursor:match.start()]
        # "Home Issues <headline>": a short run of capitalised menu words before it
        crumb = re.search(r"(?:^|(?<=[.!?”’\"] ))(?:[A-Z][\w&'’-]*[ \t›»>/|]+){1,4}$", before)
        if crumb and cursor == 0 and crumb.start() == 0:
            removed.append(Removed("breadcrumb", before.strip()))
            before = ""
        pieces.append(before)
        removed.append(Removed("repeated headline", text[match.start():match.end()]))
        cursor = match.end()
    pieces.append(text[cursor:])
    return normalise_whitespace(" ".join(pieces))
