"""The README documents every command and every analytic query, and shows the test command."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in subcommands() if f"newsline {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_query_file_is_in_the_readme() -> None:
    missing = [p.name for p in sorted((ROOT / "sql" / "queries").glob("*.sql")) if p.name not in README]
    assert not missing, f"queries missing from README.md: {missing}"


def test_readme_gives_the_two_commands() -> None:
    assert "make run" in README
    assert "make test" in README
