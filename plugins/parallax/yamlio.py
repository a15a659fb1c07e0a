"""YAML reading that remembers line numbers, so every data error can name its line.

`yaml.safe_load` forgets where a value came from. `load_yaml` builds the same plain Python values
but returns mappings as `LineDict`, whose `.lines` maps each key to its 1-based line number, and
sequences as `LineList`, whose `.lines` holds each item's line.
"""

from __future__ import annotations

from typing import Any

import yaml


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


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences remember their lines."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Some constructors fail with bare Python errors and no position (`!!int abc` is a
        # ValueError); turn them into YAML errors that carry the node's line.
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError):
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value!r} as {node.tag}", node.start_mark
            ) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict.empty(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(item, deep=True) for item in node.value)
    result.lines = [item.start_mark.line + 1 for item in node.value]
    result.line = node.start_mark.line + 1
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
    """YAML that does not parse; `line` is 1-based (None when the parser gives none)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML safely; line numbers are shifted so the text's first line is `first_line`."""
    try:
        value = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or str(error)
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(f"invalid YAML: {error}", None) from None
    if first_line != 1:
        _shift(value, first_line - 1)
    return value


def _shift(value: Any, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        value.lines = {k: v + offset for k, v in value.lines.items()}
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, list):
        if isinstance(value, LineList):
            value.line += offset
            value.lines = [line + offset for line in value.lines]
        for item in value:
            _shift(item, offset)


def dump_yaml(value: Any) -> str:
    """Block-style, key-order-preserving, Unicode-friendly YAML (for files people read)."""
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)
