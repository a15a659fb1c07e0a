"""Where outlets disagree on facts: dates, amounts, a name's spelling, a figure left out.

Facts are compared only between sentences that are about the same thing: sentences the story's
alignment pairs, and sentences of different articles the alignment left apart that name the same
two or more rare people or organisations ("Haroon Akhtar Khan" and "Denis Nazaroof" meet in
three sentences, only one of them aligned), or state the same rare figure of the same thing
("repaid the campaign about $60,000" / "repaid his campaign more than $60,000 earlier this year,
…": the same fact inside a longer sentence, which the same-fact decision, weighing whole
sentences, doubts). Shared names make a topic, not a fact: a pair linked by names alone is
dropped when the same-fact decision rules it out (two sentences about the same people can tell
two events, the White House releasing e-mails on one day and the e-mails becoming public on
another). Two dates tied only by a reporting verb ("as I said yesterday" / "Akin said over the
weekend") are read as one act of saying only in pairs the decision calls the same fact, not in
counterparts by meaning nor in linked pairs (`facts.date_relation`). On each link
`conflicts_between` finds values of the same thing that differ (the same event's date, the same
noun's count), each with a confidence; links that agree join the disagreement, so one
discrepancy lists every outlet's version, and it is as sure as its best-founded conflict. A
figure the outlets state differently ("26 civilians" against "25 civilians") is reported as that
conflict only, never also as left out.

Two counts of the same specific thing ("1.5 million women", "a 48-page indictment") are also
compared across the whole story when every outlet states one figure for it, since outlets
often put such a figure in sentences the alignment does not pair. Name spellings are
compared over the whole story (`spellings`).

Every discrepancy carries a confidence; at `CONFIDENT` or above the page shows it as a
discrepancy, below it as possible, unconfirmed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...model import (
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyValue,
    Fact,
    PairAlignment,
    Reason,
    SentenceFacts,
    Story,
    sentence_number,
)
from ...nlp.quantities import head_stems, overlap, same_thing
from ...nlp.samefact import SameFact
from ..alignment.pairwise import LINK, ruled_out
from ..disjoint_sets import DisjointSets
from .sentence_facts import (
    AMOUNT_KINDS,
    conflicts_between,
    date_relation,
    dates_agree,
)
from .spellings import name_spellings

RARE_SHARE = 0.1  # a name in at most this share of the story's sentences is distinctive
SHARED_NAMES = 2  # distinctive names two sentences must share to count as one topic
NAMES_LINK = 0.85  # a link by shared names is a little less sure than an aligned pair
PRESENCE_MIN = 2  # a fact left out is news when at least this many outlets state it
LEFT_OUT = 0.75  # in an aligned counterpart (times NAMES_LINK in one linked by names)
STORY_WIDE_COUNT = 0.7  # one figure per outlet for the same specific count
SPECIFIC_FIGURE = 1000  # a count this large, or of a compound unit, names a specific thing
Node = tuple[str, str, str]  # (article id, sentence id, fact text)
# (x, y, how sure the link is, whether the same-fact decision says the two state one fact)
Link = tuple[tuple[str, str], tuple[str, str], float, bool]
_KIND_ORDER: tuple[DiscrepancyKind, ...] = ("date", "number", "money", "percent", "presence",
                                            "name")


@dataclass
class _Edges:
    """Fact-level edges of one kind: disagreements with their confidence, and agreements."""

    conflicts: list[tuple[Node, Node, float]]
    agreements: list[tuple[Node, Node]]


def find_discrepancies(
    story: Story, facts: Sequence[SentenceFacts], pairs: Sequence[PairAlignment],
    decide: SameFact | None = None,
) -> tuple[Discrepancy, ...]:
    """Every discrepancy of a story: confident ones first, then the possible ones, each group
    in a deterministic order; ids discrepancy-1, … `decide`: the same-fact decision the
    alignment used, which vetoes links by shared names (None: no veto)."""
    by_sentence = {(sf.article, sf.sentence): sf.facts for sf in facts}
    order = {a.id: k for k, a in enumerate(story.articles)}
    edges: dict[str, _Edges] = {k: _Edges([], []) for k in _KIND_ORDER}
    links = _sentence_links(story, by_sentence, pairs, decide)
    for (a, i), (b, j), factor, same_fact in links:
        _compare(a, i, by_sentence.get((a, i), ()), b, j, by_sentence.get((b, j), ()),
                 factor, same_fact, edges)
    _story_wide_counts(by_sentence, edges["number"])
    found: list[Discrepancy] = []
    clusters: dict[str, list[tuple[set[Node], float]]] = {
        kind: _clusters(edges[kind]) for kind in _KIND_ORDER[:-2]}
    # A figure in a conflict is reported there: its absence elsewhere is not a second row.
    disputed = {node for kind in AMOUNT_KINDS for cluster, _ in clusters[kind]
                for node in cluster}
    presence = edges["presence"]
    clusters["presence"] = _clusters(_Edges(
        [(x, y, c) for x, y, c in presence.conflicts if x not in disputed],
        [(x, y) for x, y in presence.agreements if x not in disputed and y not in disputed]))
    for kind in _KIND_ORDER[:-1]:
        for cluster, confidence in clusters[kind]:
            stating = {a for a, _, text in cluster if text}
            if kind == "presence" and len(stating) < PRESENCE_MIN:
                continue
            found.append(_discrepancy(kind, cluster, confidence, story, by_sentence, order))
    linked = {(x, y) for x, y, _, _ in links}
    found.extend(name_spellings(story, facts, linked))
    found.sort(key=lambda d: (not d.confident, _KIND_ORDER.index(d.kind),
                              order[d.values[0].article], sentence_number(d.values[0].sentences[0]),
                              _about_key(d.about)))
    return tuple(replace(d, id=f"discrepancy-{n}") for n, d in enumerate(found, 1))


def _about_key(about: Reason) -> tuple[str, ...]:
    """What a discrepancy is about, for ordering: the noun, the names, the figures."""
    key: list[str] = []
    for _, value in about.values:
        key += [str(v) for v in value] if isinstance(value, tuple) else [str(value or "")]
    return tuple(key)


def _sentence_links(
    story: Story,
    by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
    pairs: Sequence[PairAlignment],
    decide: SameFact | None = None,
) -> list[Link]:
    """Sentence pairs of different articles about the same thing, each once, sorted, with how
    sure the link is and whether the same-fact decision says they state one fact (aligned
    pairs may be counterparts by meaning alone: about the same thing, in other words)."""
    linked: dict[tuple[tuple[str, str], tuple[str, str]], tuple[float, bool]] = {}
    for pair in pairs:
        for (i, j), similarity in pair.link_similarities().items():
            linked[((pair.a, i), (pair.b, j))] = (1.0, similarity >= LINK)
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
    unpaired = [(x, y) for x, y in candidates
                if x[0] != y[0] and (x, y[0]) not in paired and (y, x[0]) not in paired]
    for x, y in unpaired:
        if len(names_of[x] & names_of[y]) < SHARED_NAMES:
            continue
        # Shared names make the two one topic, but not one fact when the same-fact decision
        # rules that out (the aligner's own veto).
        if decide is not None and ruled_out(decide, story.article(x[0]).sentence(x[1]).text,
                                            story.article(y[0]).sentence(y[1]).text):
            continue
        linked[(x, y) if x < y else (y, x)] = (NAMES_LINK, False)
    # The same rare figure of the same thing is that fact itself: as sure a link as an aligned
    # pair for what the figure measures, though the rest of the two sentences may differ.
    for x, y in _same_figure(by_sentence, total):
        if (x, y[0]) not in paired and (y, x[0]) not in paired:
            linked[(x, y)] = (1.0, False)
    return [(x, y, factor, same_fact) for (x, y), (factor, same_fact) in sorted(linked.items())]


def _same_figure(
    by_sentence: dict[tuple[str, str], tuple[Fact, ...]], total: int
) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Sentence pairs of different articles that state the same rare figure of the same thing
    (in figures, of the same noun or the same measured thing), each pair sorted. A figure is
    indexed by its value, so only sentences sharing one are compared."""
    stating: dict[tuple[str, str], list[tuple[tuple[str, str], Fact]]] = {}
    for key, facts in sorted(by_sentence.items()):
        for fact in facts:
            if _countable(fact):
                stating.setdefault((fact.kind, fact.value), []).append((key, fact))
    found = set()
    for group in stating.values():
        if len({key for key, _ in group}) > max(2, RARE_SHARE * total):
            continue  # a figure the story keeps repeating names no one fact
        for (x, first), (y, second) in itertools.combinations(group, 2):
            if x[0] != y[0] and _same_amount(first, second) and overlap(first, second):
                found.add((x, y) if x < y else (y, x))
    return found


def _name_key(fact: Fact) -> str:
    # People are named in full once and by surname after: compare by surname.
    return fact.value.split()[-1] if fact.kind == "person" else fact.value


def _compare(
    a: str, i: str, facts_a: Sequence[Fact], b: str, j: str, facts_b: Sequence[Fact],
    factor: float, same_fact: bool, edges: dict[str, _Edges],
) -> None:
    for conflict in conflicts_between(facts_a, facts_b, same_fact):
        edges[conflict.kind].conflicts.append(
            ((a, i, conflict.a), (b, j, conflict.b), round(conflict.confidence * factor, 3)))
    dates_a = [f for f in facts_a if f.kind == "date"]
    dates_b = [f for f in facts_b if f.kind == "date"]
    one_each = len(dates_a) == 1 and len(dates_b) == 1
    for x in dates_a:
        for y in dates_b:
            relation = date_relation(x, y, one_each, same_fact)
            if relation and dates_agree(x, y, relation):
                edges["date"].agreements.append(((a, i, x.text), (b, j, y.text)))
    for x in (f for f in facts_a if f.kind in AMOUNT_KINDS):
        for y in (f for f in facts_b if f.kind in AMOUNT_KINDS):
            if _same_amount(x, y) and overlap(x, y):
                edges[x.kind].agreements.append(((a, i, x.text), (b, j, y.text)))
    # A figure in digits that one side states and the other leaves out ("26 civilians").
    sure = LEFT_OUT if factor == 1.0 else LEFT_OUT * NAMES_LINK * NAMES_LINK
    for mine, theirs, side, other in ((facts_a, facts_b, (a, i), (b, j)),
                                      (facts_b, facts_a, (b, j), (a, i))):
        for fact in (f for f in mine if _countable(f)):
            match = [g for g in theirs if _same_amount(fact, g) or (
                g.value == fact.value and g.kind == fact.kind)]
            target = edges["presence"]
            if not match:
                target.conflicts.append(((*side, fact.text), (*other, ""), sure * factor))
            elif side < other and any(overlap(fact, g) for g in match):
                # Only the same figure joins a "left out" row: 26 and 25 are a conflict.
                same = next(g for g in match if overlap(fact, g))
                target.agreements.append(((*side, fact.text), (*other, same.text)))


def _same_amount(first: Fact, second: Fact) -> bool:
    return first.kind == second.kind and same_thing(first, second) and (
        first.kind == "number" or bool(set(first.about.split()) & set(second.about.split())))


def _countable(fact: Fact) -> bool:
    """Amounts written in figures: these are the facts worth noticing when one outlet drops
    them ("26 civilians"); "the two countries" is not."""
    return fact.kind in AMOUNT_KINDS and any(c.isdigit() for c in fact.text) \
        and (fact.kind != "number" or bool(fact.unit))


def _story_wide_counts(by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
                       edges: _Edges) -> None:
    """Counts of one specific thing that each outlet states once, compared story-wide."""
    stated: dict[tuple[str, ...], dict[str, list[tuple[str, Fact]]]] = {}
    for (article, sentence), facts in sorted(by_sentence.items()):
        for fact in facts:
            if fact.kind != "number" or not fact.unit:
                continue
            head = head_stems(fact.unit)
            if head and (len(head) > 1 or float(fact.value) >= SPECIFIC_FIGURE):
                stated.setdefault(head, {}).setdefault(article, []).append((sentence, fact))
    linked = {frozenset((x, y)) for x, y, _ in edges.conflicts} | {
        frozenset(pair) for pair in edges.agreements}
    for per_article in stated.values():
        # One reading per outlet: all its figures for the thing can be the same figure.
        if len(per_article) < 2 or any(
                not all(overlap(f, g) for (_, f), (_, g) in itertools.combinations(found, 2))
                for found in per_article.values()):
            continue
        for a, b in itertools.combinations(sorted(per_article), 2):
            (i, x), (j, y) = per_article[a][0], per_article[b][0]
            node_x, node_y = (a, i, x.text), (b, j, y.text)
            if frozenset((node_x, node_y)) in linked:
                continue
            if overlap(x, y):
                edges.agreements.append((node_x, node_y))
            else:
                edges.conflicts.append((node_x, node_y, STORY_WIDE_COUNT))


def _clusters(edges: _Edges) -> list[tuple[set[Node], float]]:
    """Connected groups of facts that contain at least one disagreement, with the confidence
    of their surest disagreement."""
    sets: DisjointSets[Node] = DisjointSets()
    for x, y, _ in sorted(edges.conflicts):
        sets.union(x, y)
    for x, y in sorted(edges.agreements):
        sets.union(x, y)
    best: dict[Node, float] = {}
    for x, _, confidence in edges.conflicts:
        root = sets.find(x)
        best[root] = max(best.get(root, 0.0), confidence)
    groups: dict[Node, set[Node]] = {}
    for node in sorted(sets):
        if sets.find(node) in best:
            groups.setdefault(sets.find(node), set()).add(node)
    return [(group, round(best[root], 3)) for root, group in groups.items()]


def _discrepancy(
    kind: DiscrepancyKind,
    cluster: set[Node],
    confidence: float,
    story: Story,
    by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
    order: dict[str, int],
) -> Discrepancy:
    per_article: dict[tuple[str, str], list[str]] = {}
    for article, sentence, text in cluster:
        per_article.setdefault((article, text), []).append(sentence)
    if kind == "presence":  # an article that states it somewhere is not "absent"
        stated = {a for (a, text) in per_article if text}
        per_article = {k: v for k, v in per_article.items() if k[1] or k[0] not in stated}
    values = tuple(sorted(
        (DiscrepancyValue(a, text, tuple(sorted(set(s), key=sentence_number)))
         for (a, text), s in per_article.items()),
        key=lambda v: (order[v.article], sentence_number(v.sentences[0]), v.value)))
    stated_texts = tuple(sorted({v.value for v in values if v.value}, key=str.lower))
    if kind == "presence":
        stating = len({v.article for v in values if v.value})
        missing = sum(1 for v in values if not v.value)
        return Discrepancy("", kind, Reason.of("figure", texts=stated_texts), values,
                           Reason.of("left out", texts=stated_texts, stating=stating,
                                     missing=missing), confidence)
    facts: dict[str, Fact] = {}
    for a, s, text in sorted(cluster):  # sorted: the same text always reads the same way
        for fact in by_sentence.get((a, s), ()):
            # Prefer the surest reading: dated by its own article, then one with a year
            # ("13 May 2025" over "13 May, year not given").
            if fact.text == text and (text not in facts or _sureness(fact) < _sureness(
                    facts[text])):
                facts[text] = fact
    # Each value as written, with its date read (a `Fact`) where it is a date.
    shown = tuple((t, facts[t] if kind == "date" and t in facts else None)
                  for t in stated_texts)
    guessed = any(facts[t].story_dated for t in stated_texts if t in facts)
    return Discrepancy("", kind, _about(kind, cluster, by_sentence), values,
                       Reason.of("different values", kind=kind, shown=shown,
                                 story_date=story.date if guessed else None), confidence)


def _sureness(fact: Fact) -> tuple[bool, bool]:
    return fact.story_dated, fact.value.startswith("-")


def _about(kind: str, cluster: set[Node], by_sentence: dict[tuple[str, str], tuple[Fact, ...]],
           ) -> Reason:
    """What the sentences are about: the counted noun, and the names they share."""
    name_sets = [
        {f.text if f.kind != "person" else f.text.split()[-1] for f in
         by_sentence.get((a, s), ()) if f.kind in ("person", "organisation")}
        for a, s, _ in sorted(cluster)
    ]
    shared = set.intersection(*name_sets) if name_sets else set()
    unit = None
    if kind == "number":
        units = {f.unit for a, s, text in cluster for f in by_sentence.get((a, s), ())
                 if f.text == text and f.unit}
        unit = min(units, key=len) if units else None
    return Reason.of("passage", kind=kind, unit=unit, names=tuple(sorted(shared)))
