"""The one exception of skillgap."""

from __future__ import annotations

__all__ = ["SkillgapError"]


class SkillgapError(Exception):
    """A document, role or option skillgap could not use.

    ``kind`` is the kind a batch record of the CLI gives the same failure
    (``skillgap analyze DIR --format jsonl``: ``{"path", "error": {"kind", "message"}}``):
    ``io``, ``empty``, ``too-large``, ``unsupported``, ``encrypted``, ``no-text-layer``,
    ``damaged``, ``unreadable``, or ``other`` (an unknown role, a posting that names no skill,
    an option out of range). ``message`` is the CLI's one-line message, for example
    ``cannot read `cv.pdf`: this PDF is password-protected; save an unprotected copy and
    try again``.

    The exception pickles (its arguments are ``(kind, message)``), so it crosses process
    boundaries, as in a Dask or multiprocessing worker.
    """

    kind: str
    message: str

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"SkillgapError(kind={self.kind!r}, message={self.message!r})"
