"""Where outlets disagree on facts: dates, amounts, a name's spelling, a fact left out.

Facts are compared only between sentences that are about the same thing: sentences the story's
alignment pairs, and sentences of different articles that name the same two or more rare
people or organisations ("Haroon Akhtar Khan" and "Denis Nazaroof" meet in three sentences,
only one of them aligned). On each such link `conflicts_between` finds different values, and
amounts one side states and the other leaves out; links that agree join the disagreement, so
one discrepancy lists every outlet's version. A figure the outlets state differently ("26
civilians" against "25 civilians") is reported as that conflict only, never also as left out.
Name spellings are compared over the whole story with a string-similarity ratio: "Sergy
Lavrov" and "Sergey Lavrov" are one person spelt twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .facts import (
    AMOUNT_KINDS,
    NAME_KINDS,
    conflicts_between,
    dates_compatible,
    precise,
    readable_date,
)
from .model import (
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyValue,
    Fact,
    PairAlignment,
    SentenceFacts,
    Story,
)
from .quantities import same_thing
from .unionfind import DisjointSets

RARE_SHARE = 0.1  # a name in at most this share of the story's sentences is distinctive
SHARED_NAMES = 2  # distinctive names two sentences must share to count as one topic
NAME_RATIO = 80  # rapidfuzz ratio for two spellings of one word of a name
SINGLE_NAME_RATIO = 88  # stricter for one-word names, which have no other word to agree

PRESENCE_MIN = 2  # a fact left out is news when at least this many outlets state it
Node = tuple[str, str, str]  # (article id, sentence id, fact text)
_KIND_ORDER: tuple[DiscrepancyKind, ...] = ("date", "number", "money", "percent", "presence",
                                            "name")


@dataclass
class _Links:
    """Fact-level edges of one kind: disagreements, and agreements that join them."""

    conflicts: list[tuple[Node, Node]]
    agreements: list[tuple[Node, Node]]


def find_discrepancies(
    story: Story, facts: Sequence[SentenceFacts], pairs: Sequence[PairAlignment]
) -> tuple[Discrepancy, ...]:
    """Every discrepancy of a story, in a deterministic order with ids discrepancy-1, …"""
    by_sentence = {(sf.article, sf.sentence): sf.facts for sf in facts}
    order = {a.id: k for k, a in enumerate(story.articles)}
    links: dict[str, _Links] = {k: _Links([], []) for k in _KIND_ORDER}
    for (a, i), (b, j) in _sentence_links(story, by_sentence, pairs):
        facts_a, facts_b = by_sentence.get((a, i), ()), by_sentence.get((b, j), ())
        _compare(a, i, facts_a, b, j, facts_b, links)
    found: list[tuple[tuple[int, int, int], Discrepancy]] = []
    clusters: dict[str, list[set[Node]]] = {
        kind: _clusters(links[kind]) for kind in _KIND_ORDER[:-1] if kind != "presence"}
    # A figure in a conflict is reported there: its absence elsewhere is not a second row.
    disputed = {node for kind in AMOUNT_KINDS for cluster in clusters[kind] for node in cluster}
    clusters["presence"] = _clusters(_Links(
        [(x, y) for x, y in links["presence"].conflicts if x not in disputed],
        [(x, y) for x, y in links["presence"].agreements
         if x not in disputed and y not in disputed]))
    for kind in _KIND_ORDER[:-1]:
        for cluster in clusters[kind]:
            stating = {a for a, _, text in cluster if text}
            if kind == "presence" and len(stating) < PRESENCE_MIN:
                continue
            found.append(_discrepancy(kind, cluster, story, by_sentence, order))
    found.extend(_name_spellings(story, facts, order))
    found.sort(key=lambda x: x[0])
    return tuple(
        Discrepancy(f"discrepancy-{n}", d.kind, d.topic, d.values, d.explanation)
        for n, (_, d) in enumerate(found, 1)
    )


def _sentence_links(
    story: Story,
    by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
    pairs: Sequence[PairAlignment],
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Sentence pairs of different articles about the same thing, each once, sorted."""
    linked: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for pair in pairs:
        for row in pair.rows:
            others = row.b if row.op in ("equal", "replace") else row.counterpart
            if row.op in ("equal", "replace") or (row.op == "move" and row.a):
                linked.update(((pair.a, i), (pair.b, j)) for i in row.a for j in others)
    total = sum(len(a.sentences) for a in story.articles)
    mentions: dict[str, set[tuple[str, str]]] = {}
    for key, facts in by_sentence.items():
        for fact in facts:
            if fact.kind in ("person", "organisation", "name"):
                mentions.setdefault(_name_key(fact), set()).add(key)
    rare = {n for n, where in mentions.items() if len(where) <= max(2, RARE_SHARE * total)}
    names_of = {key: {_name_key(f) for f in facts if _name_key(f) in rare}
                for key, facts in by_sentence.items()}
    # A sentence with an aligned counterpart in the other article is compared with that
    # counterpart only: shared names alone would also tie it to its neighbours.
    paired = {(x, y[0]) for x, y in linked} | {(y, x[0]) for x, y in linked}
    # Only sentences sharing a rare name can share SHARED_NAMES of them: look those up, not
    # every pair of sentences (quadratic in long articles).
    sharing: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(names_of):
        for name in names_of[key]:
            sharing.setdefault(name, []).append(key)
    candidates = {(x, y) for keys in sharing.values() for x, y in itertools.combinations(keys, 2)}
    for x, y in candidates:
        if x[0] == y[0] or (x, y[0]) in paired or (y, x[0]) in paired:
            continue
        if len(names_of[x] & names_of[y]) >= SHARED_NAMES:
            linked.add((x, y) if x < y else (y, x))
    return sorted(linked)


def _name_key(fact: Fact) -> str:
    # People are named in full once and by surname after: compare by surname.
    return fact.value.split()[-1] if fact.kind == "person" else fact.value


def _compare(
    a: str, i: str, facts_a: Sequence[Fact], b: str, j: str, facts_b: Sequence[Fact],
    links: dict[str, _Links],
) -> None:
    for conflict in conflicts_between(facts_a, facts_b):
        links[conflict.kind].conflicts.append(((a, i, conflict.a), (b, j, conflict.b)))
    for x in (f for f in facts_a if f.kind == "date"):
        for y in (f for f in facts_b if f.kind == "date"):
            if dates_compatible(x, y) and precise(x) == precise(y):
                links["date"].agreements.append(((a, i, x.text), (b, j, y.text)))
    for mine, theirs, side, other in ((facts_a, facts_b, (a, i), (b, j)),
                                      (facts_b, facts_a, (b, j), (a, i))):
        for fact in (f for f in mine if _countable(f)):
            match = [g for g in theirs if same_thing(fact, g) or (g.value == fact.value
                     and g.kind == fact.kind)]
            target = links["presence"]
            if not match:
                target.conflicts.append(((*side, fact.text), (*other, "")))
            elif side < other and match[0].value == fact.value:
                # Only the same figure joins a "left out" row: 26 and 25 are a conflict.
                target.agreements.append(((*side, fact.text), (*other, match[0].text)))
            if match and fact.kind in ("money", "percent", "number"):
                for g in match:
                    if g.value == fact.value and side < other:
                        links[fact.kind].agreements.append(((*side, fact.text),
                                                            (*other, g.text)))


def _sureness(fact: Fact) -> tuple[bool, bool]:
    return fact.story_dated, fact.value.startswith("-")


def _countable(fact: Fact) -> bool:
    """Amounts written in figures: these are the facts worth noticing when one outlet drops
    them ("26 civilians"); "the two countries" is not."""
    return fact.kind in ("number", "money", "percent") and any(c.isdigit() for c in fact.text) \
        and (fact.kind != "number" or bool(fact.unit))


def _clusters(links: _Links) -> list[set[Node]]:
    """Connected groups of facts that contain at least one disagreement."""
    sets: DisjointSets[Node] = DisjointSets()
    for x, y in sorted(links.conflicts) + sorted(links.agreements):
        sets.union(x, y)
    disputed = {sets.find(x) for x, _ in links.conflicts}
    groups: dict[Node, set[Node]] = {}
    for node in sorted(sets):
        if sets.find(node) in disputed:
            groups.setdefault(sets.find(node), set()).add(node)
    return list(groups.values())


def _discrepancy(
    kind: DiscrepancyKind,
    cluster: set[Node],
    story: Story,
    by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
    order: dict[str, int],
) -> tuple[tuple[int, int, int], Discrepancy]:
    per_article: dict[tuple[str, str], list[str]] = {}
    for article, sentence, text in cluster:
        per_article.setdefault((article, text), []).append(sentence)
    if kind == "presence":  # an article that states it somewhere is not "absent"
        stated = {a for (a, text) in per_article if text}
        per_article = {k: v for k, v in per_article.items() if k[1] or k[0] not in stated}
    values = tuple(sorted(
        (DiscrepancyValue(a, text, tuple(sorted(set(s), key=_num)))
         for (a, text), s in per_article.items()),
        key=lambda v: (order[v.article], _num(v.sentences[0]), v.value)))
    stated_texts = sorted({v.value for v in values if v.value}, key=str.lower)
    first = values[0]
    rank = (_KIND_ORDER.index(kind), order[first.article], _num(first.sentences[0]))
    if kind == "presence":
        missing = [v for v in values if not v.value]
        topic = " / ".join(f"“{t}”" for t in stated_texts)
        stating = len({v.article for v in values if v.value})
        explanation = (f"{topic} is stated by {_count(stating)} and left out of the matching "
                       f"passage by {_count(len(missing))}.")
    else:
        topic = _topic(kind, cluster, by_sentence)
        facts: dict[str, Fact] = {}
        for a, s, text in sorted(cluster):  # sorted: the same text always reads the same way
            for fact in by_sentence.get((a, s), ()):
                # Prefer the surest reading: dated by its own article, then one with a year
                # ("13 May 2025" over "13 May, year not given").
                if fact.text == text and (text not in facts or _sureness(fact) < _sureness(
                        facts[text])):
                    facts[text] = fact
        shown = [f"“{t}” ({readable_date(facts[t])})" if kind == "date" and t in facts
                 else f"“{t}”" for t in stated_texts]
        explanation = (f"The outlets give different {_KIND_WORDS[kind]} for what the matching "
                       f"sentences describe: {' against '.join(shown)}.")
        if any(facts[t].story_dated for t in stated_texts if t in facts):
            explanation += (f" The undated article's date is a guess, counted from the "
                            f"story's date ({story.date}): if it appeared on another day, the "
                            f"two may agree.")
    return rank, Discrepancy("", kind, topic, values, explanation)


_KIND_WORDS = {"date": "dates", "number": "numbers", "money": "amounts",
               "percent": "percentages"}


def _topic(kind: str, cluster: set[Node], by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
           ) -> str:
    """What the sentences are about: the names they share, or the counted noun."""
    name_sets = [
        {f.text if f.kind != "person" else by_sentence_person(f) for f in
         by_sentence.get((a, s), ()) if f.kind in ("person", "organisation")}
        for a, s, _ in sorted(cluster)
    ]
    shared = set.intersection(*name_sets) if name_sets else set()
    label = {"date": "date", "number": "count", "money": "amount", "percent": "percentage"}[kind]
    if shared:
        return f"{label} in the passage on {', '.join(sorted(shared))}"
    return label


def by_sentence_person(fact: Fact) -> str:
    return fact.text.split()[-1]


def _name_spellings(
    story: Story, facts: Sequence[SentenceFacts], order: dict[str, int]
) -> list[tuple[tuple[int, int, int], Discrepancy]]:
    spellings: dict[str, dict[str, set[str]]] = {}  # folded name → article → sentences
    written: dict[str, str] = {}
    for sf in facts:
        for fact in sf.facts:
            if fact.kind in NAME_KINDS:
                spellings.setdefault(fact.value, {}).setdefault(sf.article, set()).add(
                    sf.sentence)
                written.setdefault(fact.value, fact.text)
    found = []
    names = sorted(spellings)
    for x, y in _variant_candidates(names):
        if not _variants(x, y):
            continue
        values = tuple(sorted(
            (DiscrepancyValue(a, written[name], tuple(sorted(s, key=_num)))
             for name in (x, y) for a, s in spellings[name].items()),
            key=lambda v: (order[v.article], _num(v.sentences[0]), v.value)))
        articles = {v.article for v in values}
        where = "within one article" if len(articles) == 1 else "across outlets"
        explanation = (f"The same name is spelt two ways {where}: “{written[x]}” and "
                       f"“{written[y]}”.")
        rank = (_KIND_ORDER.index("name"), order[values[0].article], _num(values[0].sentences[0]))
        found.append((rank, Discrepancy("", "name", f"spelling of {written[x]}", values,
                                        explanation)))
    return found


def _variant_candidates(names: list[str]) -> list[tuple[str, str]]:
    """The pairs of `names` (sorted) that `_variants` could accept, in the order of
    `itertools.combinations(names, 2)`: names alike but for one word, which starts with the same
    letter. Bucketing by the other words avoids comparing every pair of names."""
    buckets: dict[tuple[int, int, tuple[str, ...]], list[int]] = {}
    for index, name in enumerate(names):
        words = name.split()
        for k, word in enumerate(words):
            buckets.setdefault((len(words), k, (*words[:k], word[:1], *words[k + 1:])),
                               []).append(index)
    pairs = {pair for members in buckets.values() for pair in itertools.combinations(members, 2)}
    return [(names[i], names[j]) for i, j in sorted(pairs)]


def _variants(x: str, y: str) -> bool:
    """Two spellings of one name: same number of words, one word spelt slightly differently."""
    words_x, words_y = x.split(), y.split()
    if len(words_x) != len(words_y) or x.replace("-", " ") == y.replace("-", " "):
        return False
    different = [(p, q) for p, q in zip(words_x, words_y, strict=True) if p != q]
    if len(different) != 1:
        return False
    p, q = different[0]
    if min(len(p), len(q)) < 4 or p[:1] != q[:1]:
        return False
    threshold = SINGLE_NAME_RATIO if len(words_x) == 1 else NAME_RATIO
    return fuzz.ratio(p, q) >= threshold


def _num(sentence_id: str) -> int:
    return int(sentence_id[1:])


def _count(n: int) -> str:
    return f"{n} outlet{'s' if n != 1 else ''}"
