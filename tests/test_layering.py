"""The package keeps its shape: projections import nothing from the analysis, HTML lives in
templates, Python builds view models."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "parallax"
RENDER = PACKAGE / "render"
# The one entry point into the analysis that adapters may call: load → analyze → project.
ANALYZE = "parallax.analysis.analyze"
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


def _imports(path: Path) -> set[str]:
    """Absolute names of the parallax modules a file imports (relative imports resolved)."""
    module = ["parallax", *path.relative_to(PACKAGE).with_suffix("").parts]
    if module[-1] == "__init__":
        module = module[:-1]
    package = module if path.name == "__init__.py" else module[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            found |= {name} | {f"{name}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("parallax")}


def test_projections_import_nothing_from_the_analysis() -> None:
    """Render and export read a StoryAnalysis; the command line, the plugin and the site files
    call the analysis through its one entry point, and never reach into its stages."""
    projections = [*RENDER.rglob("*.py"), *(PACKAGE / "export").rglob("*.py")]
    adapters = [PACKAGE / name for name in ("cli.py", "plugin.py", "site_files.py")]
    found = [f"{path.relative_to(ROOT)} imports {name}"
             for path in projections for name in sorted(_imports(path))
             if name.startswith("parallax.analysis")]
    found += [f"{path.relative_to(ROOT)} imports {name}"
              for path in adapters for name in sorted(_imports(path))
              if name.startswith("parallax.analysis") and not name.startswith(ANALYZE)]
    assert found == []


def test_the_import_check_resolves_relative_imports() -> None:
    names = _imports(RENDER / "claims.py")
    assert "parallax.model" in names and "parallax.data.ids" in names



# Word lists live in nlp/lexicon.py; the stance model's cue patterns stay with its weights.
# (render/ and data/ read no text: their sets are language codes and reserved folder names.)
READERS = [PACKAGE / "nlp", PACKAGE / "ingest", PACKAGE / "analysis"]
LEXICON_EXEMPT = {PACKAGE / "nlp" / "lexicon.py",
                  PACKAGE / "analysis" / "claims" / "stance_model" / "cues.py"}


def _word_lists(path: Path) -> list[int]:
    """Lines of module-level sets of lower-case words: `frozenset("a b".split())`,
    `frozenset(("a", "b"))`."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign) else None  # typed: model values
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id == "frozenset" and value.args):
            continue
        words = [c.value for c in ast.walk(value.args[0])
                 if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        if words and all(re.fullmatch(r"[a-z’' |\n-]+", w) for w in words):
            found.append(node.lineno)
    return found


def test_word_lists_live_in_the_lexicon() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}" for folder in READERS
             for path in sorted(folder.rglob("*.py")) if path not in LEXICON_EXEMPT
             for line in _word_lists(path)]
    assert found == [], "word lists belong in nlp/lexicon.py: " + ", ".join(found)


def test_the_word_list_check_finds_a_list(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('A = frozenset("one two".split())\nB = frozenset(("x", "y"))\n'
                      'C = frozenset({"AP"})\nD = frozenset(["rtl", "ar"])\n',
                      encoding="utf-8")
    assert _word_lists(sample) == [1, 2, 4]
