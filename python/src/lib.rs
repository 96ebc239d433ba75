//! `skillgap._skillgap`: the native part of the `skillgap` Python package. Each function
//! returns the JSON string of the CLI's report from [`skillgap::api`] (the package's
//! `__init__.py` parses it with `json.loads`, which keeps the key order) and runs with the
//! GIL released, so Python threads calling it run in parallel. Failures raise
//! `skillgap.SkillgapError(kind, message)` (defined in `skillgap/_error.py`).

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyString, PyType};
use skillgap::api::{self, AnalyzeOptions, Input};

/// A document as Python gave it: bytes (borrowed), a copy of a `bytearray`, text, or a path.
enum Data<'a> {
    /// `bytes`, borrowed: immutable, and kept alive by the caller during the call.
    Bytes(&'a [u8]),
    /// A `bytearray`, copied: another thread could change it while the GIL is released.
    Copied(Vec<u8>),
    /// `str`: text, as its UTF-8 bytes.
    Text(&'a str),
    /// An `os.PathLike`: a file read as the CLI reads it.
    Path(PathBuf),
}

impl<'a> Data<'a> {
    /// Reads `obj`: `bytes`, `bytearray`, `str` (text), or an `os.PathLike` (a path).
    ///
    /// Errors: `TypeError` for anything else.
    fn of(obj: &'a Bound<'_, PyAny>) -> PyResult<Data<'a>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Data::Bytes(bytes.as_bytes()));
        }
        if let Ok(array) = obj.cast::<PyByteArray>() {
            return Ok(Data::Copied(array.to_vec()));
        }
        if let Ok(text) = obj.cast::<PyString>() {
            return Ok(Data::Text(text.to_str()?));
        }
        if obj.hasattr("__fspath__")? {
            return Ok(Data::Path(obj.extract()?));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "a document is bytes, bytearray, str (text) or os.PathLike (a path), not {}",
            obj.get_type().name()?
        )))
    }

    /// The input for [`api`], named `name` when it is in memory.
    fn input<'b>(&'b self, name: Option<&'b str>) -> Input<'b> {
        match self {
            Data::Bytes(bytes) => Input::Bytes { bytes, name },
            Data::Copied(bytes) => Input::Bytes { bytes, name },
            Data::Text(text) => Input::Bytes {
                bytes: text.as_bytes(),
                name,
            },
            Data::Path(path) => Input::Path(path),
        }
    }
}

/// `skillgap.SkillgapError`, imported once.
static SKILLGAP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The Python exception for `err`: `SkillgapError(kind, message)`.
fn raise(py: Python<'_>, err: api::Error) -> PyErr {
    let made = SKILLGAP_ERROR
        .import(py, "skillgap._error", "SkillgapError")
        .and_then(|class| class.call1((err.kind, err.message)));
    match made {
        Ok(value) => PyErr::from_value(value),
        Err(import_failed) => import_failed,
    }
}

/// The output of `skillgap extract FILE --format json` for `data`, named `filename`.
#[pyfunction]
#[pyo3(signature = (data, filename=None))]
fn extract_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    filename: Option<&str>,
) -> PyResult<String> {
    let data = Data::of(data)?;
    let input = data.input(filename);
    py.detach(|| api::extract_json(input))
        .map_err(|e| raise(py, e))
}

/// The output of `skillgap analyze FILE [--role R] [--job J] [--hours-per-week H]
/// [--related-threshold F] --format json` for `data`, named `filename`.
#[pyfunction]
#[pyo3(signature = (data, filename=None, role=None, job=None, job_filename=None, hours_per_week=None, related_threshold=None))]
#[allow(clippy::too_many_arguments)]
fn analyze_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    filename: Option<&str>,
    role: Option<&str>,
    job: Option<&Bound<'_, PyAny>>,
    job_filename: Option<&str>,
    hours_per_week: Option<f64>,
    related_threshold: Option<f64>,
) -> PyResult<String> {
    let data = Data::of(data)?;
    let job = job.map(Data::of).transpose()?;
    let options = AnalyzeOptions {
        role,
        job: job.as_ref().map(|job| job.input(job_filename)),
        hours_per_week,
        related_threshold,
    };
    let input = data.input(filename);
    py.detach(|| api::analyze_json(input, &options))
        .map_err(|e| raise(py, e))
}

/// The output of `skillgap roles list --format json`.
#[pyfunction]
fn roles_json(py: Python<'_>) -> PyResult<String> {
    py.detach(api::roles_json).map_err(|e| raise(py, e))
}

/// The output of `skillgap roles show ID [--related-threshold F] --format json`.
#[pyfunction]
#[pyo3(signature = (id, related_threshold=None))]
fn role_json(py: Python<'_>, id: &str, related_threshold: Option<f64>) -> PyResult<String> {
    py.detach(|| api::role_json(id, related_threshold))
        .map_err(|e| raise(py, e))
}

/// The files `skillgap analyze INPUTS...` takes, in its order.
#[pyfunction]
fn resume_files(py: Python<'_>, inputs: Vec<PathBuf>) -> PyResult<Vec<PathBuf>> {
    py.detach(|| api::resume_files(&inputs))
        .map_err(|e| raise(py, e))
}

/// The module `skillgap._skillgap`.
#[pymodule]
fn _skillgap(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(extract_json, module)?)?;
    module.add_function(wrap_pyfunction!(analyze_json, module)?)?;
    module.add_function(wrap_pyfunction!(roles_json, module)?)?;
    module.add_function(wrap_pyfunction!(role_json, module)?)?;
    module.add_function(wrap_pyfunction!(resume_files, module)?)?;
    Ok(())
}
