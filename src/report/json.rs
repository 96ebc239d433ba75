//! JSON output: one pretty-printed object per report, ending in a newline; and the records
//! of a batch, as JSON Lines or as one JSON array. Keys are the contract documented in
//! README ("JSON output").

use std::io::{self, Write};
use std::path::Path;

use serde::{Serialize, Serializer};

use super::terminal_safe;
use crate::batch::FileError;

/// Writes `value` as pretty JSON followed by a newline.
pub fn write<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes `value` as one JSON line.
pub fn write_line<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// One record of a batch: the report with its path, or the error.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Record<T: Serialize> {
    /// A processed file.
    Ok {
        /// The input path.
        path: String,
        /// The report's fields, flattened.
        #[serde(flatten)]
        report: T,
    },
    /// A file that failed.
    Err {
        /// The input path.
        path: String,
        /// What went wrong: `kind`, and `message` made safe for the terminal (the one
        /// string of a JSON report that is: it is printed as it is by people's scripts).
        #[serde(serialize_with = "safe_error")]
        error: FileError,
    },
}

/// Serialises a [`FileError`] as `{"kind": ..., "message": ...}`, the message made safe for
/// the terminal.
fn safe_error<S: Serializer>(error: &FileError, serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Shown<'a> {
        kind: &'a str,
        message: String,
    }
    Shown {
        kind: &error.kind,
        message: terminal_safe(&error.message),
    }
    .serialize(serializer)
}

/// One file's result of a batch as a JSON record (no line break), for [`Records::write`].
/// Serialising is the costly part of writing a record, so a batch does it in parallel.
pub fn record_bytes<T: Serialize>(path: &Path, result: Result<T, FileError>) -> Vec<u8> {
    let path = path.display().to_string();
    let record = match result {
        Ok(report) => Record::Ok { path, report },
        Err(error) => Record::Err { path, error },
    };
    serde_json::to_vec(&record).expect("reports serialise to memory")
}

/// Writes the records of a batch: JSON Lines, or the items of one JSON array.
#[derive(Debug)]
pub struct Records {
    array: bool,
    first: bool,
}

impl Records {
    /// Starts the records (`[` for an array; nothing for JSON Lines).
    pub fn start(array: bool, out: &mut dyn Write) -> io::Result<Records> {
        if array {
            out.write_all(b"[")?;
        }
        Ok(Records { array, first: true })
    }

    /// Writes a record from [`record_bytes`]: a line of JSON Lines, or an item of the array.
    pub fn write(&mut self, bytes: &[u8], out: &mut dyn Write) -> io::Result<()> {
        if self.array {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
            out.write_all(bytes)?;
        } else {
            out.write_all(bytes)?;
            out.write_all(b"\n")?;
        }
        self.first = false;
        Ok(())
    }

    /// Ends the records (`\n]\n` for an array; nothing for JSON Lines).
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        if self.array {
            out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

/// Writes one report as a line of JSON Lines, in the shape of a batch record (the path,
/// then the report's fields).
pub fn write_record<T: Serialize>(path: &Path, report: T, out: &mut dyn Write) -> io::Result<()> {
    let mut records = Records::start(false, out)?;
    records.write(&record_bytes(path, Ok::<T, FileError>(report)), out)?;
    records.finish(out)
}
