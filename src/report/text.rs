//! `skillgap text`: a document's normalised lines, as the matcher sees them.

use std::io::{self, Write};

use crate::extract::Document;

/// Writes the lines of `doc`, with `line_numbers` prefixed by the 1-based line number and,
/// for PDF, the page (`  12 p2: `). The lines are written as they are: normalisation has
/// already removed control and bidirectional characters from them.
pub(crate) fn write_lines(
    doc: &Document,
    line_numbers: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, line) in doc.lines.iter().enumerate() {
        if line_numbers {
            match line.page {
                Some(p) => write!(out, "{:>4} p{p}: ", i + 1)?,
                None => write!(out, "{:>4}: ", i + 1)?,
            }
        }
        writeln!(out, "{}", line.text)?;
    }
    Ok(())
}
