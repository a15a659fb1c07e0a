"""The page layer keeps its shape: HTML lives in templates, Python builds view models."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

RENDER = ROOT / "plugins" / "parallax" / "render"
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*[\s>/]")


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_html_in_the_python_of_the_page_layer() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
             for path in sorted(RENDER.glob("*.py")) for line, text in _strings(path)
             if TAG.search(text)]
    assert found == [], "HTML belongs in templates/parallax/: " + "; ".join(found)


def test_the_check_sees_html_in_a_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""A <b>docstring</b> is fine."""\nX = f"<td>{1}</td>"\n',
                      encoding="utf-8")
    assert [text for _, text in _strings(sample) if TAG.search(text)] == ["<td>", "</td>"]


def test_every_template_is_shipped_as_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    folders = {p.parent.relative_to(RENDER.parent).as_posix()
               for p in (RENDER / "templates").rglob("*.html")}
    for folder in folders:
        assert f'"{folder}/*.html"' in pyproject, folder
    assert '"render/assets/*"' in pyproject
