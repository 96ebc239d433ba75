"""skillgap from Python: the skills in a resume and the gap to a target role.

The functions run the same Rust code as the ``skillgap`` CLI and return exactly its JSON
reports as dicts, with the same keys in the same order (``--format json``; README, "JSON
output"). A document is given as

- ``bytes`` or ``bytearray``: a PDF, DOCX, JSON Resume, LaTeX, YAML, Markdown or text file's
  content; the kind is detected from the content, as the CLI does, never from a name;
- ``str``: text, taken as its UTF-8 bytes (the same report as a file holding that text);
- an ``os.PathLike`` (``pathlib.Path("cv.pdf")``): a file, read as the CLI reads it.

``filename`` becomes the report's ``input`` field, as the path given to the CLI would (a
path names itself); without one it is ``"-"``, as for stdin. Work runs with the GIL
released: a thread pool calling these functions uses every core. Failures raise
:class:`SkillgapError` with the CLI's error ``kind`` and ``message``.

>>> import skillgap
>>> report = skillgap.analyze(open("cv.pdf", "rb").read(), role="backend-engineer")
>>> report["coverage"], [s["id"] for s in report["missing_skills"]][:3]
"""

from __future__ import annotations

import json
import os
from typing import Any, TypeAlias

from . import _skillgap
from ._error import SkillgapError

__all__ = [
    "Document",
    "SkillgapError",
    "analyze",
    "extract",
    "resume_files",
    "role",
    "roles",
]

#: What the functions take as a document: content (bytes, bytearray), text (str) or a path.
Document: TypeAlias = bytes | bytearray | str | os.PathLike[str]


def _name(filename: str | os.PathLike[str] | None) -> str | None:
    return None if filename is None else os.fspath(filename)


def extract(data: Document, *, filename: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The skills in a resume: ``skillgap extract FILE --format json``.

    Returns ``{"schema_version", "input", "skills", "learning", "not_claimed"}``; each skill
    has ``id``, ``name``, ``category``, ``match``, ``evidence`` (1-based ``line`` and
    ``column``, ``page``, ``section``) and more, as documented for the CLI.

    Raises :class:`SkillgapError` when the document cannot be read.
    """
    return json.loads(_skillgap.extract_json(data, _name(filename)))


def analyze(
    data: Document,
    *,
    role: str | None = None,
    job: Document | None = None,
    hours_per_week: float | None = None,
    related_threshold: float | None = None,
    filename: str | os.PathLike[str] | None = None,
    job_filename: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """The gap from a resume to a role: ``skillgap analyze FILE --format json``.

    - ``role``: a role id (``--role``; see :func:`roles`); default the best-fitting role.
    - ``job``: a job posting, a document like ``data`` (``--job``): the report is then the
      ``--job`` shape (``required``, ``preferred``, ``match_score``, ``similar_roles``,
      ``role_gap``...). ``job_filename`` is its ``job`` field. Not with ``role`` or
      ``related_threshold``.
    - ``hours_per_week``: study pace, 1 to 80 hours (``--hours-per-week``); default the
      role's own pace.
    - ``related_threshold``: the share of a role's skills another role must exceed to be
      listed as related, a fraction 0 to 1 (``--related-threshold``; default 0.4).

    Returns the analyze report: ``{"schema_version", "input", "role", "role_choice",
    "skills_found", "learning", "not_claimed", "phases", "missing_skills",
    "recommended_phase", "time_to_ready", "related_roles", "coverage"}``.

    Raises :class:`SkillgapError` when a document cannot be read, the role is unknown, the
    posting names no skill (kind ``no-skills``) or asks for none (``no-requirements``), or an
    option is out of range (kind ``other``); ``TypeError`` when an option is not a number.
    """
    return json.loads(
        _skillgap.analyze_json(
            data,
            _name(filename),
            role,
            job,
            _name(job_filename),
            _number("hours_per_week", hours_per_week),
            _number("related_threshold", related_threshold),
        )
    )


def _number(name: str, value: object) -> float | None:
    """`value` as a float, or None; a bool or a non-number is a TypeError (``True`` is no
    pace)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    return float(value)


def roles() -> dict[str, Any]:
    """The shipped roles: ``skillgap roles list --format json``.

    Returns ``{"schema_version", "roles": [{"id", "title", "months", "hours_per_week",
    "phases"}]}``, sorted by id.
    """
    return json.loads(_skillgap.roles_json())


def role(id: str, *, related_threshold: float | None = None) -> dict[str, Any]:
    """One role's plan: ``skillgap roles show ID --format json``.

    Returns ``{"schema_version", "id", "title", "summary", "months", "hours_per_week",
    "salary", "phases", "related_roles", "ubiquitous_skills"}``.

    Raises :class:`SkillgapError` (kind ``other``) for an unknown id, naming the closest one.
    """
    threshold = None if related_threshold is None else float(related_threshold)
    return json.loads(_skillgap.role_json(id, threshold))


def resume_files(*inputs: str | os.PathLike[str]) -> list[str]:
    """The files ``skillgap analyze INPUTS...`` would take, in its order.

    Files as given; directories searched recursively for ``.pdf``, ``.docx``, ``.md``,
    ``.markdown``, ``.txt``, ``.tex``, JSON Resume ``.json`` and YAML resume ``.yaml`` and
    ``.yml`` files, sorted by path; each file once.
    Pass each one to :func:`analyze` as ``pathlib.Path(path)`` to get the records of the
    CLI's batch (``{"path": path, **report}``). A directory that cannot be listed is left
    out (the CLI writes an error record for it).
    """
    return [os.fspath(p) for p in _skillgap.resume_files([os.fspath(i) for i in inputs])]
