"""Sentences that speak to the reader instead of reporting: prompts and notices.

A news page addresses its reader around the article: subscribe, sign up for the newsletter,
download the app, follow us, write to the editor, advertise with us; and it adds notices:
copyright, "Our Standards: The Thomson Reuters Trust Principles". Each is recognised one
sentence at a time, by its address to the reader (imperatives, "you", "our") rather than
by topic words, so a report *about* a newsletter or a copyright case stays.
"""

from __future__ import annotations

import re

# Letters from other scripts that look Latin ("Аdvеrtіѕе" with Cyrillic А, е, і, ѕ): pages
# write prompts so to slip past ad blockers. Matching reads them as the Latin letters.
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХаеіјорсухѕԁһӏԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
    "ABEKMHOPCTXaeijopcyxsdhlqwABEZHIKMNOPTYXo",
)
_OPEN = r"^[\s\"“‘'(\[—–-]*"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("subscription prompt",
         _OPEN + r"(?:to (?:view|read|continue reading|access|unlock) (?:the|this) (?:full |whole |"
         r"rest of (?:the|this) )?(?:story|article)|(?:please )?subscribe\b|"
         r"(?:first-time |new )?subscribers? (?:also )?(?:get|receive|enjoy)|"
         r"if you(?:'|’)re (?:seeing this message|already a (?:subscriber|member))|"
         r"already (?:a )?(?:subscriber|member)s?\b|when you (?:join|subscribe)|"
         r"join (?:now|today)\b|become a (?:member|subscriber|supporter)\b|"
         r"you can choose (?:a|an|between) .{0,40}(?:subscription|pass)|"
         r"you(?:'|’)ve (?:reached|used) (?:your|all your) (?:free )?(?:articles?|stories)|"
         r"(?:create|register for) a free account|support (?:our|independent|local) journalism|"
         r"this (?:article|story|content) is (?:only )?(?:for|available to|reserved for) "
         r"(?:subscribers|members))"),
        ("newsletter prompt",
         _OPEN + r"(?:sign up (?:for|to) .{0,60}newsletter|never miss (?:the latest|a story|"
         r"our top stories|an? (?:update|story))|get (?:the|our) .{0,60}(?:newsletter|"
         r"(?:daily|weekly) edition|by e-?mail)|(?:simply )?(?:pop|enter|type|drop) your e-?mail|"
         r"every (?:day|week|morning) we(?:'|’)ll send you|you can unsubscribe|"
         r"rest assured (?:that )?your data|sign up here\b)|"
         r"\bnewsletter bringing you\b.*\bsign up\b"),
        ("app prompt",
         _OPEN + r"(?:(?:for .{0,60}?,? )?download (?:the|our) .{0,60}\bapps?\b|"
         r"get (?:the|our) .{0,40}\bapp\b)"),
        ("social media prompt",
         _OPEN + r"(?:(?:follow|like|join) (?:us|\S+(?: \S+){0,4}) on (?:twitter|facebook|"
         r"instagram|tiktok|youtube|linkedin|whatsapp|telegram|threads)\b|"
         r"send us a message on (?:whatsapp|facebook|twitter|telegram)|"
         r"join the conversation\b.{0,60}\bon (?:twitter|facebook))"),
        ("feedback prompt",
         _OPEN + r"(?:we want to hear what you think|submit a letter to the editor|"
         r"(?:write|e-?mail) (?:to )?us at\b|have a (?:news )?tip (?:we should know|for us)|"
         r"send us your (?:tips|stories|photos|news)|do you have a story (?:idea|tip|for us)|"
         r"(?:you can )?contact \S+(?: \S+){0,2} on (?:facebook|twitter|instagram).{0,80}"
         r"e-?mail\b)"),
        ("share prompt",
         _OPEN + r"(?:share this (?:article|story|item|page|post)\b.{0,40}$|"
         r"share this with your friends)"),
        ("copyright notice",
         _OPEN + r"(?:©|\(c\)\s|copyright\b(?:\s+(?:©|\(c\)))?\s*\d{4})|all rights reserved|"
         r"copyrighted (?:property|material) of|"
         r"^this (?:material|article|story|content) (?:may|must|can)(?:not| not) be (?:\w+,? ){0,3}"
         r"(?:published|reproduced|reprinted|republished|broadcast|rewritten|redistributed)|"
         r"written permission must be obtained|reprint(?:ing)? (?:this |our )?content "
         r"without permission"),
        ("editorial standards",
         _OPEN + r"(?:our (?:editorial )?standards\s*:|(?:the )?(?:thomson reuters )?"
         r"trust principles\.?$)"),
        ("advertising prompt",
         _OPEN + r"(?:advertise (?:with|on|here)\b|we offer .{0,60}marketing packages|"
         r"your (?:content|ad|message) is delivered|(?:contact|e-?mail|call) us at \S+@\S+)"),
    )
)


def visible_form(text: str) -> str:
    """`text` with Latin look-alike letters from other scripts read as Latin (same length)."""
    return text.translate(_LOOKALIKES)


def sentence_rule(sentence: str) -> str | None:
    """The prompt or notice rule `sentence` falls under, or None for a reported sentence."""
    text = visible_form(sentence.strip())
    return next((name for name, pattern in _RULES if pattern.search(text)), None)
