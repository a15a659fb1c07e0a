"""Text reuse between every pair of a story's articles: passages, containment, and a label.

Two kinds of evidence, because wire copy is reused in two ways:

* **Shared passages** (`passages.py`): runs of the same words, found from four-word anchors and
  aligned across small edits. They catch copying and light editing, and measure how much of
  each article lies inside text it shares with the other (word containment, both ways).
* **Sentence counterparts** (the story's pairwise alignment, `align.py`): the share of each
  article's sentences that have a counterpart in the other. They catch rewrites that change
  nearly every word but keep the source's facts sentence by sentence, in its order.

Quotations are set apart: two independent reporters quote the same speaker alike, so shared
words inside quotation marks never make a pair a rewrite on their own. Legal and syndication
notices (an AP copyright line) are found and shown but never counted.

Thresholds were measured on the public corpus (33 pairs: SemEval-2022 Task 8 pairs with human
ratings and BASIL triplets of independent reports of one event) and the seed story; see
site_src/methods.md for the figures.
"""

from __future__ import annotations

import re

from ...model import Article, PairAlignment, PairReuse, Passage, Reason, ReuseLabel, Story
from ...nlp.memo import per_story
from .passages import Span, Token, find_spans, tokenize

# Label thresholds (see the module docstring and methods.md for how they were chosen).
VERBATIM_WORDS = 0.6  # share of the more-contained article's words inside shared passages
COPIED_NARRATIVE = 0.15  # …counting only words outside quotation marks: copied narrative
REWRITE_SENTENCES = 0.3  # mean share (both ways) of unquoted sentences with a counterpart
QUOTED_PASSAGE = 0.5  # a passage counts as a quotation when this share of its words is quoted
QUOTED_SENTENCE = 0.5  # likewise for a sentence

# Notices that syndicated copy carries whatever the story: they must not read as reuse.
_NOTICE = re.compile(
    # legal lines
    r"\bcopyright\b|©|\ball rights reserved\b|may not be (?:published|reproduced|redistributed)"
    r"|\brewritten,? or redistributed\b"
    # syndication notes ("…auto-generated from a syndicated feed", "Only the headline …")
    r"|\bsyndicated feed\b|\bauto-generated from\b|\bnot been edited by\b"
    r"|\bonly the headline\b[^.]*\b(?:reworked|changed|edited)\b"
    r"|\bcontributed to this (?:report|story)\b"
    # prompts: share, follow, subscribe, download, read more
    r"|\bcontinues below\b|\bsend this page to\b|\bshare this (?:item|article|story)\b"
    r"|\bsign up for (?:our|the)\b[^.]*\bnewsletters?\b|\bsubscribe to (?:our|the)\b"
    r"|\bfollow \w+(?:'|’)s? (?:full |live |latest )?coverage\b|\bfollow us on\b"
    r"|\bdelivered (?:straight |directly )?to your inbox\b|\bdownload (?:our|the)\b[^.]*\bapp\b"
    r"|\bbreaking news alerts\b|\bclick here\b|^(?:also read|read more|watch)\s*:",
    re.IGNORECASE,
)


@per_story  # asked once per word of a passage, about that word's sentence
def is_notice(text: str) -> bool:
    """True for a legal or syndication notice sentence (copyright line, share prompt)."""
    return bool(_NOTICE.search(text))


def story_reuse(story: Story, pairs: tuple[PairAlignment, ...]) -> tuple[PairReuse, ...]:
    """Reuse figures for every aligned pair of the story, in the order of `pairs`."""
    tokens = {a.id: tokenize(a) for a in story.articles}
    return tuple(
        pair_reuse(story.article(p.a), story.article(p.b), p, tokens[p.a], tokens[p.b])
        for p in pairs
    )


def pair_reuse(
    a: Article,
    b: Article,
    alignment: PairAlignment,
    tokens_a: list[Token] | None = None,
    tokens_b: list[Token] | None = None,
) -> PairReuse:
    """Passages, containment both ways and a label for two articles aligned as `alignment`."""
    ta = tokens_a if tokens_a is not None else tokenize(a)
    tb = tokens_b if tokens_b is not None else tokenize(b)
    found = find_spans(ta, tb)
    passages = tuple(_passage(span, a, b, ta, tb) for span in found)
    counted = [p for p in passages if not p.boilerplate]
    spans = [s for s, p in zip(found, passages, strict=True) if not p.boilerplate]
    words_a = _share(len({i for s in spans for i in s.matched_a}), len(ta))
    words_b = _share(len({j for s in spans for j in s.matched_b}), len(tb))
    unquoted = sum(1 for s in spans for i, j in zip(s.matched_a, s.matched_b, strict=True)
                   if not ta[i].quoted and not tb[j].quoted)
    quoted_a, quoted_b = _quoted_shares(a, ta), _quoted_shares(b, tb)
    sent_a, sent_b, narr_a, narr_b = _counterparts(a, b, alignment, quoted_a, quoted_b)
    copied = max(_share(unquoted, len(ta)), _share(unquoted, len(tb)))
    label, why = _label(
        words=max(words_a, words_b),
        copied=copied,
        narrative=(narr_a + narr_b) / 2,
        quoted_words=sum(round(p.words * p.quoted) for p in counted),
        passages=counted,
    )
    return PairReuse(
        a=a.id, b=b.id, label=label, why=why, passages=passages,
        words_a_in_b=words_a, words_b_in_a=words_b,
        sentences_a_in_b=sent_a, sentences_b_in_a=sent_b,
        narrative_a_in_b=narr_a, narrative_b_in_a=narr_b, copied=copied,
    )


def _label(
    words: float, copied: float, narrative: float, quoted_words: int, passages: list[Passage]
) -> tuple[ReuseLabel, Reason]:
    """The label and the figures behind it: `words` in shared passages, `copied` outside
    quotations, `narrative` (unquoted sentences with a counterpart, mean of both ways)."""
    figures = {"words": words, "copied": copied, "narrative": narrative}
    if words >= VERBATIM_WORDS:
        return "verbatim copy", Reason.of("same words", **figures)
    if copied >= COPIED_NARRATIVE or narrative >= REWRITE_SENTENCES:
        return "rewrite of shared source", Reason.of("same narrative", **figures)
    quoted = [p for p in passages if p.quoted >= QUOTED_PASSAGE]
    if quoted and quoted_words >= sum(p.words for p in passages) / 2:
        return "shares quotes only", Reason.of("quotations only", quotations=len(quoted),
                                               **figures)
    return "independent", Reason.of("no shared text", **figures)


def _passage(span: Span, a: Article, b: Article, ta: list[Token], tb: list[Token]) -> Passage:
    a_ids = _sentence_ids(a, ta, span.a0, span.a1)
    b_ids = _sentence_ids(b, tb, span.b0, span.b1)
    quoted = sum(1 for i, j in zip(span.matched_a, span.matched_b, strict=True)
                 if ta[i].quoted or tb[j].quoted)
    notice_words = sum(1 for i in span.matched_a if is_notice(a.sentences[ta[i].sentence].text))
    identity = (span.matched / (span.a1 - span.a0) + span.matched / (span.b1 - span.b0)) / 2
    return Passage(
        a=a_ids, b=b_ids,
        a_text=_text(a, ta, span.a0, span.a1), b_text=_text(b, tb, span.b0, span.b1),
        words=span.matched, identity=round(identity, 4),
        quoted=round(quoted / span.matched, 4),
        boilerplate=notice_words * 2 >= span.matched,
    )


def _sentence_ids(article: Article, tokens: list[Token], start: int, end: int) -> tuple[str, ...]:
    indices = sorted({tokens[k].sentence for k in range(start, end)})
    return tuple(article.sentences[i].id for i in indices)


def _text(article: Article, tokens: list[Token], start: int, end: int) -> str:
    """The passage as printed: from its first word to its last, across sentence breaks."""
    first, last = tokens[start], tokens[end - 1]
    if first.sentence == last.sentence:
        return article.sentences[first.sentence].text[first.start:last.end]
    pieces = [article.sentences[first.sentence].text[first.start:]]
    pieces += [article.sentences[k].text for k in range(first.sentence + 1, last.sentence)]
    pieces.append(article.sentences[last.sentence].text[:last.end])
    return " ".join(pieces)


def _quoted_shares(article: Article, tokens: list[Token]) -> dict[str, float]:
    """Share of each sentence's words inside quotation marks."""
    total = [0] * len(article.sentences)
    quoted = [0] * len(article.sentences)
    for token in tokens:
        total[token.sentence] += 1
        quoted[token.sentence] += token.quoted
    return {s.id: (quoted[k] / total[k] if total[k] else 0.0)
            for k, s in enumerate(article.sentences)}


def _counterparts(
    a: Article,
    b: Article,
    alignment: PairAlignment,
    quoted_a: dict[str, float],
    quoted_b: dict[str, float],
) -> tuple[float, float, float, float]:
    """Sentence shares with a counterpart: (a in b, b in a, unquoted a in b, unquoted b in a).

    Notices are left out of both the counts and the totals.
    """
    notice_a = {s.id for s in a.sentences if is_notice(s.text)}
    notice_b = {s.id for s in b.sentences if is_notice(s.text)}
    with_a: set[str] = set()
    with_b: set[str] = set()
    narrative_a: set[str] = set()
    narrative_b: set[str] = set()
    for row in alignment.rows:
        if row.op not in ("equal", "replace", "move"):
            continue
        # A moved sentence's row holds one side; its counterpart names the other side.
        side_a = row.a or row.counterpart
        side_b = row.b or row.counterpart
        plain = (_mean(quoted_a, side_a) < QUOTED_SENTENCE
                 and _mean(quoted_b, side_b) < QUOTED_SENTENCE)
        with_a.update(row.a)
        with_b.update(row.b)
        if plain:
            narrative_a.update(i for i in row.a if quoted_a[i] < QUOTED_SENTENCE)
            narrative_b.update(j for j in row.b if quoted_b[j] < QUOTED_SENTENCE)
    plain_a = [s.id for s in a.sentences
               if s.id not in notice_a and quoted_a[s.id] < QUOTED_SENTENCE]
    plain_b = [s.id for s in b.sentences
               if s.id not in notice_b and quoted_b[s.id] < QUOTED_SENTENCE]
    return (
        _share(len(with_a - notice_a), len(a.sentences) - len(notice_a)),
        _share(len(with_b - notice_b), len(b.sentences) - len(notice_b)),
        _share(len(narrative_a - notice_a), len(plain_a)),
        _share(len(narrative_b - notice_b), len(plain_b)),
    )


def _mean(values: dict[str, float], keys: tuple[str, ...]) -> float:
    return sum(values.get(k, 0.0) for k in keys) / len(keys) if keys else 0.0


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole > 0 else 0.0
