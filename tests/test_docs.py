"""Documentation stays true: every command has help text, every
setting is documented in docs/settings.md, and the docs the README links exist."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from legation.cli import cli
from legation.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DOC = ROOT / "docs" / "settings.md"


def commands(group: click.Group = cli, prefix: str = "legation") -> list[tuple[str, click.Command]]:
    found = [(prefix, group)]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


COMMANDS = commands()


def test_there_are_commands():
    names = [name for name, _ in COMMANDS]
    assert "legation extract" in names and "legation summary" in names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_text(name: str, command: click.Command):
    assert (command.help or "").strip(), f"`{name}` has no help text (give the function a docstring)"
    assert len(command.get_short_help_str(limit=200)) > 10, f"`{name}`: the first line of its help says too little"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_runs(name: str, command: click.Command):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*name.split()[1:], "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.name for s in SETTINGS])
def test_every_setting_is_documented(setting):
    text = SETTINGS_DOC.read_text(encoding="utf-8")
    section = re.search(rf"^## `{setting.name}`\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, f"docs/settings.md has no '## `{setting.name}`' section"
    body = section.group(1)
    assert f"`LEGATION_{setting.name.upper()}`" in body, f"{setting.name}: environment variable not documented"
    assert f"`{setting.default}`" in body, f"{setting.name}: default {setting.default!r} not documented"


def test_no_setting_is_documented_that_does_not_exist():
    documented = re.findall(r"^## `(\w+)`", SETTINGS_DOC.read_text(encoding="utf-8"), re.M)
    assert sorted(documented) == sorted(s.name for s in SETTINGS)


def test_links_in_readme_and_docs_resolve():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / target).exists(), f"{doc.relative_to(ROOT)} links to missing {target}"
