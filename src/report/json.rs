//! JSON output: one pretty-printed object per report, ending in a newline; and the records
//! of a batch, as JSON Lines or as one JSON array. Keys are the contract documented in
//! README ("JSON output").

use std::io::{self, Write};
use std::path::Path;

use serde::{Serialize, Serializer};

use super::{BatchOutput, Framing, terminal_safe};
use crate::batch::FileError;

/// Writes `value` as pretty JSON followed by a newline.
pub(crate) fn write<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes `value` as one JSON line.
pub(crate) fn write_line<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes a ranking of postings as JSON Lines: one `--job` report a line, by rank, then one
/// `{"job", "error"}` line per posting left out.
pub(crate) fn write_ranking_lines(
    ranking: &super::JobRanking,
    out: &mut dyn Write,
) -> io::Result<()> {
    for report in &ranking.postings {
        write_line(report, out)?;
    }
    for skipped in &ranking.skipped {
        write_line(skipped, out)?;
    }
    Ok(())
}

/// One record of a batch: the report with its path, or the error.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum Record<T> {
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

/// One file's result of a batch as a JSON record (no line break), for
/// [`super::BatchOutput::write`].
/// Serialising is the costly part of writing a record, so a batch does it in parallel.
pub(crate) fn record_bytes<T: Serialize>(path: &Path, result: Result<T, FileError>) -> Vec<u8> {
    let path = path.display().to_string();
    let record = match result {
        Ok(report) => Record::Ok { path, report },
        Err(error) => Record::Err { path, error },
    };
    serde_json::to_vec(&record).expect("reports serialise to memory")
}

/// Writes one report as a line of JSON Lines, in the shape of a batch record (the path,
/// then the report's fields).
pub(crate) fn write_record<T: Serialize>(
    path: &Path,
    report: T,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut output = BatchOutput::start(Framing::JsonLines, out)?;
    output.write(&record_bytes(path, Ok::<T, FileError>(report)), out)?;
    output.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::BatchOutput;

    #[test]
    fn a_record_error_message_is_safe_for_the_terminal_and_the_path_is_kept() {
        let error = FileError {
            kind: "other".into(),
            message: "cannot read `a\u{1b}[2Jb.txt`: bad\u{7}".into(),
        };
        let bytes = record_bytes::<()>(Path::new("a\u{1b}[2Jb.txt"), Err(error));
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            r#"{"path":"a\u001b[2Jb.txt","error":{"kind":"other","message":"cannot read `a[2Jb.txt`: bad"}}"#
        );
    }

    #[test]
    fn batch_output_frames_lines_and_arrays() {
        let framed = |framing: Framing, items: &[&str]| {
            let mut out = Vec::new();
            let mut output = BatchOutput::start(framing, &mut out).unwrap();
            for item in items {
                output.write(item.as_bytes(), &mut out).unwrap();
            }
            output.finish(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(framed(Framing::JsonArray, &[]), "[\n]\n");
        assert_eq!(framed(Framing::JsonArray, &["1", "2"]), "[\n1,\n2\n]\n");
        assert_eq!(framed(Framing::JsonLines, &["1", "2"]), "1\n2\n");
        assert_eq!(framed(Framing::Text, &["a\n", "b\n"]), "a\nb\n");
    }
}
