"""The Python package against the CLI: the same reports, the same errors, and threads."""

from __future__ import annotations

import json
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import skillgap
from conftest import CORPUS, FIXTURES, POSTING

RESUMES = FIXTURES + CORPUS


def same(a, b) -> bool:
    """Equal, key order included (json.loads keeps it; `==` on dicts ignores it)."""
    return json.dumps(a) == json.dumps(b)


def record(path: str, call) -> dict:
    """A batch record of the CLI, made from Python: the path, then the report's fields; or
    the path and the error."""
    try:
        return {"path": path, **call(Path(path))}
    except skillgap.SkillgapError as e:
        return {"path": path, "error": {"kind": e.kind, "message": e.message}}


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_fixtures_are_found():
    assert len(FIXTURES) >= 20
    assert "fixtures/resumes/backend-developer.pdf" in FIXTURES


@pytest.mark.parametrize("command", ["extract", "analyze"])
def test_batch_records_equal_the_cli(cli, command):
    """Every fixture resume (and corpus PDF), the unreadable ones included, gives the record
    the CLI's batch gives it, in the same key order."""
    status, out, err = cli(command, *RESUMES, "--format", "jsonl", "--jobs", "2")
    assert status in (0, 1), err
    call = skillgap.extract if command == "extract" else skillgap.analyze
    want = lines(out)
    got = [record(path, call) for path in RESUMES]
    assert [r["path"] for r in want] == RESUMES
    for w, g in zip(want, got):
        assert same(w, g), w["path"]
    assert any("error" in r for r in want), "some fixtures fail to read"


@pytest.mark.parametrize("path", RESUMES)
def test_single_reports_equal_the_cli_json(cli, path):
    """`skillgap analyze FILE --format json` and `extract` equal the functions on the file's
    bytes named `filename`, and on the path; a file the CLI cannot read raises its message."""
    data = Path(path).read_bytes()
    for command, call in [("analyze", skillgap.analyze), ("extract", skillgap.extract)]:
        status, out, err = cli(command, path, "--format", "json")
        if status == 2:
            with pytest.raises(skillgap.SkillgapError) as raised:
                call(data, filename=path)
            assert err.strip() == f"error: {raised.value.message}"
            with pytest.raises(skillgap.SkillgapError):
                call(Path(path))
            continue
        want = json.loads(out)
        assert same(call(data, filename=path), want)
        assert same(call(Path(path)), want)


def test_options_equal_the_cli(cli_json):
    resume = "fixtures/resumes/backend-developer.txt"
    data = Path(resume).read_bytes()
    cases = [
        (["--role", "data-engineer"], {"role": "data-engineer"}),
        (
            ["--role", "backend-engineer", "--hours-per-week", "25"],
            {"role": "backend-engineer", "hours_per_week": 25},
        ),
        (["--related-threshold", "0.2"], {"related_threshold": 0.2}),
        (["--related-threshold", "55%"], {"related_threshold": 0.55}),
    ]
    for flags, kwargs in cases:
        want = cli_json("analyze", resume, *flags, "--format", "json")
        assert same(skillgap.analyze(data, filename=resume, **kwargs), want), flags


def test_a_job_posting_equals_the_cli(cli_json):
    resume = "fixtures/resumes/backend-developer.pdf"
    want = cli_json("analyze", resume, "--job", POSTING, "--format", "json")
    assert "match_score" in want
    assert same(skillgap.analyze(Path(resume), job=Path(POSTING)), want)
    got = skillgap.analyze(
        Path(resume).read_bytes(),
        filename=resume,
        job=Path(POSTING).read_text(),
        job_filename=POSTING,
    )
    assert same(got, want)
    want = cli_json(
        "analyze", resume, "--job", POSTING, "--hours-per-week", "30", "--format", "json"
    )
    assert same(skillgap.analyze(Path(resume), job=Path(POSTING), hours_per_week=30), want)


def test_roles_equal_the_cli(cli_json):
    listed = cli_json("roles", "list", "--format", "json")
    assert same(skillgap.roles(), listed)
    for row in listed["roles"]:
        want = cli_json("roles", "show", row["id"], "--format", "json")
        assert same(skillgap.role(row["id"]), want)
    want = cli_json(
        "roles", "show", "backend-engineer", "--related-threshold", "0.2", "--format", "json"
    )
    assert same(skillgap.role("backend-engineer", related_threshold=0.2), want)


def test_text_is_its_utf8_bytes_and_unnamed_input_is_a_dash():
    path = Path("fixtures/resumes/backend-developer.txt")
    by_text = skillgap.analyze(path.read_text(encoding="utf-8"))
    by_bytes = skillgap.analyze(path.read_bytes())
    by_array = skillgap.analyze(bytearray(path.read_bytes()))
    assert same(by_text, by_bytes) and same(by_bytes, by_array)
    assert by_text["input"] == "-"
    assert skillgap.extract("Python and Rust", filename="cv.txt")["input"] == "cv.txt"


def test_resume_files_are_the_batch_inputs(cli):
    status, out, err = cli("extract", "fixtures", "--format", "jsonl")
    assert status in (0, 1), err
    assert skillgap.resume_files("fixtures") == [r["path"] for r in lines(out)]


@pytest.mark.parametrize(
    "call, kind, message",
    [
        (lambda: skillgap.extract(b""), "empty", "cannot read the document: the file is empty"),
        (
            lambda: skillgap.extract(b"", filename="cv.txt"),
            "empty",
            "cannot read `cv.txt`: the file is empty",
        ),
        (lambda: skillgap.extract(Path("fixtures/pdf/encrypted-user.pdf")), "encrypted", None),
        (lambda: skillgap.extract(Path("fixtures/pdf/image-only.pdf")), "no-text-layer", None),
        (
            lambda: skillgap.extract(Path("no/such/file.pdf")),
            "io",
            "cannot read `no/such/file.pdf`: No such file or directory (os error 2)",
        ),
        (lambda: skillgap.extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 legacy"), "unsupported", None),
        (
            lambda: skillgap.analyze("Python", role="backend-enginer"),
            "other",
            (
                "unknown role `backend-enginer`; did you mean `backend-engineer`? "
                "(run `skillgap roles list` to see all roles)"
            ),
        ),
        (lambda: skillgap.analyze("Python", hours_per_week=0.5), "other", None),
        (lambda: skillgap.analyze("Python", related_threshold=40), "other", None),
        (lambda: skillgap.analyze("Python", role="backend-engineer", job="Python"), "other", None),
        (lambda: skillgap.analyze("Python", job="no skills here at all"), "no-skills", None),
        (lambda: skillgap.role("nope"), "other", None),
    ],
)
def test_errors_carry_their_kind(call, kind, message):
    with pytest.raises(skillgap.SkillgapError) as raised:
        call()
    error = raised.value
    assert error.kind == kind, error.message
    if message is not None:
        assert error.message == message
    assert str(error) == error.message
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.kind, again.message) == (type(error), error.kind, error.message)


def test_a_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        skillgap.extract(42)  # type: ignore[arg-type]


def test_a_thread_pool_gives_the_same_records_as_a_loop():
    paths = [p for p in RESUMES if not p.startswith("fixtures/pdf/")] + RESUMES
    documents = [(Path(p).read_bytes(), p) for p in paths]

    def one(item):
        data, name = item
        try:
            return skillgap.analyze(data, filename=name)
        except skillgap.SkillgapError as e:
            return {"error": [e.kind, e.message]}

    looped = [one(item) for item in documents]
    with ThreadPoolExecutor(2) as pool:
        pooled = list(pool.map(one, documents))
    assert same(pooled, looped)


def test_the_gil_is_released_during_a_call():
    """While one thread analyses a long document, another keeps running Python: no pause
    as long as the call (a held GIL would stop it for the whole call)."""
    text = Path("fixtures/resumes/backend-developer.txt").read_text() * 1000
    started = time.perf_counter()
    skillgap.analyze(text)
    took = time.perf_counter() - started
    done = threading.Event()
    worker = threading.Thread(target=lambda: (skillgap.analyze(text), done.set()))
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert took > 0.05, "the document is long enough to tell"
    assert longest < took / 2, (longest, took)


@pytest.mark.parametrize("bad", [True, "12", [12]])
def test_a_pace_that_is_no_number_is_a_type_error(bad):
    with pytest.raises(TypeError):
        skillgap.analyze("Python", hours_per_week=bad)
    with pytest.raises(TypeError):
        skillgap.analyze("Python", related_threshold=bad)
