"""YAML reading that remembers line numbers, so every data error can name its line.

`yaml.safe_load` forgets where a value came from. `load_yaml` builds the same plain Python values
but returns mappings as `LineDict`, whose `.lines` maps each key to its 1-based line number, and
sequences as `LineList`, whose `.lines` holds each item's line.

Every data file is untrusted, so the loader also refuses what `safe_load` accepts but no data
file needs: aliases that repeat more than `ALIAS_BUDGET` values in all (a 700-byte "billion
laughs" block expands to billions; the budget is counted while composing, before anything is
expanded), an alias inside the node it refers to, and a key written twice in one mapping (YAML
says keys are unique; PyYAML would silently keep the last).
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import excerpt

ALIAS_BUDGET = 1000  # values all aliases of one file may repeat, counted as expanded
_MERGE_TAG = "tag:yaml.org,2002:merge"


class LineDict(dict[str, Any]):
    """A dict that also knows the source line of each key (and of itself)."""

    lines: dict[str, int]
    line: int

    @classmethod
    def empty(cls, line: int = 1) -> LineDict:
        """A mapping with no keys at `line`: what a file that is absent or holds none gives."""
        result = cls()
        result.lines = {}
        result.line = line
        return result

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A list that also knows the source line of each item (and of itself)."""

    lines: list[int]
    line: int


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a data file may not hold; carries the fix to show."""

    def __init__(self, problem: str, mark: yaml.Mark, fix: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences remember their lines, with an alias budget."""

    def __init__(self, stream: str, first_line: int = 1) -> None:
        super().__init__(stream)
        self.first_line = first_line  # the text's first line in its file
        self._sizes: dict[int, int] = {}  # id(node) → values it holds once aliases are expanded
        self._repeated = 0  # values repeated by aliases so far

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if not self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self._sizes[id(node)] = 1 + sum(self._sizes[id(child)] for child in _children(node))
            return node
        event = self.peek_event()
        node = super().compose_node(parent, index)
        size = self._sizes.get(id(node))
        if size is None:  # the alias sits inside the very node its anchor names
            raise _Refused(f"alias *{event.anchor} refers to a value that contains it",
                           event.start_mark, "write the value out; a data value cannot "
                           "contain itself")
        self._repeated += size
        if self._repeated > ALIAS_BUDGET:
            raise _Refused(f"aliases repeat more than {ALIAS_BUDGET} values (at *{event.anchor})",
                           event.start_mark, "write the values out instead of repeating them "
                           "with &anchors and *aliases")
        return node

    def file_line(self, node: yaml.Node) -> int:
        """The 1-based line of `node` in its file."""
        return int(node.start_mark.line) + self.first_line

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Some constructors fail with bare Python errors and no position (`!!int abc` is a
        # ValueError); turn them into YAML errors that carry the node's line.
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError):
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {excerpt(node.value)} as {node.tag}", node.start_mark
            ) from None


def _children(node: yaml.Node | None) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    # Keys written twice are an error; keys merged in with `<<: *base` may be overridden.
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue
        key = str(loader.construct_object(key_node, deep=True))
        line = loader.file_line(key_node)
        if key in seen:
            raise _Refused(f"duplicate key {excerpt(key)} (lines {seen[key]} and {line})",
                           key_node.start_mark, "keep one of the two lines: YAML keeps only "
                           "the last, silently")
        seen[key] = line
    loader.flatten_mapping(node)
    result = LineDict.empty(loader.file_line(node))
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = loader.file_line(key_node)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(item, deep=True) for item in node.value)
    result.lines = [loader.file_line(item) for item in node.value]
    result.line = loader.file_line(node)
    return result


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError (no line) for impossible dates such as 2025-02-30; keep
    # the text instead, so the caller's date check reports it with its file and line.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class YamlSyntaxError(ValueError):
    """YAML that does not parse or is refused; `line` is 1-based (None when the parser gives
    none); `fix` is the advice for a refused construct (None: a plain syntax error)."""

    def __init__(self, message: str, line: int | None, fix: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.fix = fix


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML safely; line numbers are shifted so the text's first line is `first_line`."""
    loader = _LineLoader(text, first_line)  # a SafeLoader subclass
    try:
        return loader.get_single_data()
    except _Refused as error:
        assert error.problem_mark is not None
        raise YamlSyntaxError(str(error.problem), error.problem_mark.line + first_line,
                              error.fix) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or str(error)
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(f"invalid YAML: {error}", None) from None
    finally:
        loader.dispose()


def dump_yaml(value: Any) -> str:
    """Block-style, key-order-preserving, Unicode-friendly YAML (for files people read)."""
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)
