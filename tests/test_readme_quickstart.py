"""The README's first steps work as written: two Quickstart commands, installs from a checkout, clean JSONL."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, flags=re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _commands(section: str) -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    lines = (line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines())
    return [line for line in lines if line]


def test_the_quickstart_is_two_commands() -> None:
    assert _commands(_section("Quickstart")) == ["./scripts/quickstart", "./scripts/test"]


def test_every_pip_install_in_the_readme_installs_from_a_checkout() -> None:
    # The package is not on PyPI: a bare `pip install conflict-events[...]` fails for a new user.
    installs = [c for c in _commands(README) if c.startswith("pip install")]
    assert installs, "the README says how to install"
    for command in installs:
        target = command.split()[-1].strip("\"'")
        assert target.startswith("."), f"{command!r} does not install from the checkout"


def test_quickstart_writes_only_jsonl_on_stdout() -> None:
    proc = subprocess.run(
        [str(ROOT / "scripts" / "quickstart"), "--no-progress"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(json.loads(line)["document"]["id"] for line in lines)
    assert "setup: " in proc.stderr  # setup's messages went to stderr
