"""Docs stay honest: every command, option and dependency is documented; CI runs the README's
test command; the Pages workflow builds with the README's build command."""

from __future__ import annotations

import re
import tomllib

import click
import yaml

from parallax.cli import cli
from parallax.config import ParallaxConfig

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "parallax") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix} {name}")
    return names


def test_quick_start_has_the_two_commands() -> None:
    quick = README[README.index("## Quick start"):]
    block = quick[quick.index("```"): quick.index("```", quick.index("```") + 3)]
    assert "make site" in block and "make test" in block


def test_every_cli_command_is_in_the_readme() -> None:
    for command in _commands(cli):
        assert f"`{command}" in README, command


def test_every_plugin_option_is_in_the_readme() -> None:
    for name, _option in ParallaxConfig._schema:
        assert f"| `{name}` |" in README, name


def test_every_dependency_says_why() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    table = README[README.index("## Why each dependency"):]
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=\[ ]", requirement, maxsplit=1)[0]
        assert name in table, name


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", script, re.MULTILINE)


def test_pages_workflow_builds_with_make_and_least_privilege() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert any(step.get("run") == "make site" for step in build["steps"])
    uses = [step.get("uses", "") for job in (build, deploy) for step in job["steps"]]
    for action in ("actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action) for u in uses), action
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # The analysis cache is restored before the build and saved, pruned, after it.
    steps = build["steps"]
    names = [step.get("uses", step.get("run", "")) for step in steps]
    restore = next(i for i, n in enumerate(names) if n.startswith("actions/cache/restore@"))
    save = next(i for i, n in enumerate(names) if n.startswith("actions/cache/save@"))
    prune = names.index(".venv/bin/parallax cache prune data")
    assert restore < names.index("make site") < prune < save
    assert steps[restore]["with"]["path"] == steps[save]["with"]["path"] == ".cache/parallax"
    assert dict(ParallaxConfig._schema)["cache_dir"].default == ".cache/parallax"
    # `on: push` parses as the key True in YAML 1.1
    trigger = workflow.get("on", workflow.get(True))
    assert trigger["push"]["branches"] == ["main"]
