"""Type stubs of the native module ``skillgap._skillgap`` (see ``python/src/lib.rs``).

Each function returns the CLI's JSON report as a string (pretty-printed, with a final
newline) and raises ``skillgap.SkillgapError`` on failure. Use the typed wrappers of the
``skillgap`` package instead.
"""

import os
import pathlib
from typing import TypeAlias

_Document: TypeAlias = bytes | bytearray | str | os.PathLike[str]

def extract_json(data: _Document, filename: str | None = None) -> str: ...
def analyze_json(
    data: _Document,
    filename: str | None = None,
    role: str | None = None,
    job: _Document | None = None,
    job_filename: str | None = None,
    hours_per_week: float | None = None,
    related_threshold: float | None = None,
) -> str: ...
def roles_json() -> str: ...
def role_json(id: str, related_threshold: float | None = None) -> str: ...
def resume_files(inputs: list[str]) -> list[pathlib.Path]: ...
