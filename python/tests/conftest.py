"""Shared fixtures: the repository, the CLI to compare with, and the resumes to compare on.

Environment:
  SKILLGAP_BIN     the skillgap binary (default: target/release/skillgap of the repository)
  SKILLGAP_CORPUS  a folder of resume PDFs added to the comparisons (default: the shared
                   corpus, ../shared/corpus/pdf beside the repository, when it exists)
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bin() -> Path:
    return Path(os.environ.get("SKILLGAP_BIN") or ROOT / "target" / "release" / "skillgap")


def _corpus() -> list[Path]:
    asked = os.environ.get("SKILLGAP_CORPUS")
    candidates = (
        [Path(asked)]
        if asked
        else [
            ROOT.parent / "shared" / "corpus" / "pdf",
            # A git worktree in a folder of worktrees (../wt/NAME) beside shared/.
            ROOT.parent.parent / "shared" / "corpus" / "pdf",
        ]
    )
    for folder in candidates:
        if folder.is_dir():
            return sorted(folder.glob("*.pdf"))
    return []


# Paths relative to the repository root, as given to the CLI (the tests run there).
FIXTURES = sorted(
    str(p.relative_to(ROOT))
    for pattern in [
        "fixtures/resumes/*",
        "fixtures/docx/*.docx",
        "fixtures/jsonresume/*.json",
        "fixtures/text/*.txt",
        "fixtures/headings/*.md",
        "fixtures/headings/*.txt",
        "fixtures/claims/*.md",
        "fixtures/pdf/*.pdf",
        "fixtures/eval/holdout2/resumes/*",
    ]
    for p in ROOT.glob(pattern)
)
CORPUS = [str(p) for p in _corpus()]
POSTING = "fixtures/postings/backend-posting.md"


@pytest.fixture(scope="session", autouse=True)
def _at_root() -> None:
    """Runs every test in the repository root, where the fixture paths are."""
    os.chdir(ROOT)


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI: `cli(*args)` -> (exit status, stdout, stderr)."""
    binary = _bin()
    if not binary.is_file():
        pytest.fail(
            f"no skillgap binary at {binary}: run `cargo build --release` or set SKILLGAP_BIN"
        )

    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [str(binary), *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def cli_json(cli):
    """The CLI's JSON report for `args` (exit 0 or 1), parsed keeping key order."""

    def run(*args: str):
        status, out, err = cli(*args)
        assert status in (0, 1), err
        return json.loads(out)

    return run


def same(a, b) -> bool:
    """Equal, key order included (json.loads keeps it; `==` on dicts ignores it)."""
    return json.dumps(a) == json.dumps(b)
