//! DOCX -> text lines: the main document, page headers and footers, text boxes and tables
//! of a WordprocessingML package (a ZIP of XML parts), read with hard limits so that a
//! hostile file costs little and never panics.
//!
//! What becomes a line:
//! - each paragraph (`w:p`) is a line; a line break (`w:br`, `w:cr`) inside it starts a new
//!   line; a tab (`w:tab`, `w:ptab`) is a space; headings are paragraphs like any other;
//! - page headers come first (each distinct header once, in part-number order), then the
//!   body, then the footers the same way;
//! - a text box (`w:txbxContent`) gives its own lines right after the paragraph that anchors
//!   it; of an `mc:AlternateContent` only the `mc:Choice` is read, because the
//!   `mc:Fallback` holds a second copy of the same text box for older readers;
//! - deleted and moved-away text (`w:del`, `w:moveFrom`, `w:delText`), field codes
//!   (`w:instrText`; the field's result is kept) and symbols (`w:sym`) are skipped;
//! - a table row whose cells are short becomes one line, the cells joined by
//!   [`table::CELL_SEPARATOR`] and the paragraphs of one cell by
//!   [`table::CELL_PARAGRAPH_SEPARATOR`]: a skills table reads `Languages | Python, Go`, so
//!   a category stays next to its skills. A row that is long, has a cell of many
//!   paragraphs, holds a nested table or has only one non-empty cell is a layout table (a
//!   two-column resume): each of its cells' lines is its own line, left to right, so
//!   headings inside the columns stay headings;
//! - runs of empty paragraphs collapse to one empty line.
//!
//! Lines are normalised one by one with [`normalize::normalize_line`]; unlike a PDF, a DOCX
//! paragraph is not wrapped, so a trailing hyphen is never a broken word.

mod archive;
mod headers;
mod table;
#[cfg(test)]
mod testing;
mod walk;

use super::{Document, ExtractError, Line, normalize};
use archive::{Limits, MAIN_PART, Package};

/// Extracts the text of a DOCX file.
///
/// Errors: [`ExtractError::Unsupported`] for a ZIP that is not a DOCX or that this reader
/// cannot unpack (encrypted entries, compression other than deflate),
/// [`ExtractError::Damaged`] for a corrupt ZIP or XML part, [`ExtractError::TooLarge`]
/// over [`archive::MAX_ENTRIES`], [`archive::MAX_PART_BYTES`] or
/// [`archive::MAX_TOTAL_BYTES`]. A document without text is [`ExtractError::NoText`].
pub(super) fn extract_docx(bytes: &[u8]) -> Result<Document, ExtractError> {
    extract_with(bytes, Limits::DEFAULT)
}

fn extract_with(bytes: &[u8], limits: Limits) -> Result<Document, ExtractError> {
    let mut package = Package::open(bytes, limits)?;
    let mut raw = headers::distinct_part_lines(&mut package, "word/header")?;
    raw.extend(part_lines(&mut package, MAIN_PART)?);
    raw.extend(headers::distinct_part_lines(&mut package, "word/footer")?);

    let lines = raw.iter().map(|text| Line {
        text: normalize::normalize_line(text),
        page: None,
        section_hint: None,
    });
    let doc = Document {
        lines: collapse_blank_lines(lines),
    };
    if doc.is_blank() {
        return Err(ExtractError::NoText("DOCX document", String::new()));
    }
    Ok(doc)
}

/// Reads part `name` (within the package's limits) and returns its lines.
fn part_lines(package: &mut Package<'_>, name: &str) -> Result<Vec<String>, ExtractError> {
    let xml = package.read_xml(name)?;
    walk::lines_of_xml(&xml).map_err(|why| ExtractError::Damaged(format!("{name}: {why}")))
}

/// Drops blank lines at both ends and collapses runs of blank lines to one.
fn collapse_blank_lines(lines: impl Iterator<Item = Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let blank = line.text.is_empty();
        if blank && out.last().is_none_or(|l| l.text.is_empty()) {
            continue;
        }
        out.push(line);
    }
    if out.last().is_some_and(|l| l.text.is_empty()) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::testing::{FIXTURE_DOCX, FIXTURE_TXT, build, docx_with_body, texts};
    use super::*;

    #[test]
    fn fixture_is_what_make_docx_writes() {
        assert!(
            build(FIXTURE_TXT) == FIXTURE_DOCX,
            "fixtures/docx/backend-developer.docx is stale; regenerate it (fixtures/docx/README.md)"
        );
    }

    #[test]
    fn fixture_lines_header_text_box_table_footer() {
        let doc = extract_docx(FIXTURE_DOCX).expect("the fixture extracts");
        assert_eq!(
            texts(&doc),
            vec![
                "Jordan Rivera | jordan.rivera@example.com | Portland, OR",
                "Jordan Rivera",
                "Backend Developer",
                "Open to backend developer roles, remote or hybrid",
                "",
                "Summary",
                "Backend developer with five years of experience building REST APIs in Python on PostgreSQL.",
                "",
                "Experience",
                "Backend Developer, Acme Logistics 2021 - present",
                "- Designed and maintained REST APIs in Python serving two million requests a day.",
                "- Tuned SQL queries and PostgreSQL indexes; cut p95 latency by 40%.",
                "- Packaged services with Docker & reviewed every change in Git.",
                "Junior Developer, Brightline Software 2019 - 2021",
                "- Wrote SQL reports and Python scripts for data imports and exports.",
                "",
                "Skills",
                "Category | Skills",
                "Languages | Python, SQL",
                "Databases | PostgreSQL",
                "APIs | REST APIs",
                "Tools | Docker, Git",
                "",
                "Education",
                "B.Sc. Computer Science, Oregon State University, 2019",
                "Jordan Rivera - Resume",
            ]
        );
        assert!(
            doc.lines
                .iter()
                .all(|l| l.page.is_none() && l.section_hint.is_none())
        );
    }

    #[test]
    fn fixture_goes_through_detect_and_extract() {
        assert_eq!(super::super::detect(FIXTURE_DOCX), super::super::Kind::Docx);
        let doc = super::super::extract(FIXTURE_DOCX).expect("extracts");
        // The lines joined as text, each ending in `\n`.
        let text: String = doc.lines.iter().map(|l| format!("{}\n", l.text)).collect();
        assert!(text.contains("Tools | Docker, Git\n"));
    }

    #[test]
    fn document_without_text_is_empty() {
        assert!(matches!(
            extract_docx(&docx_with_body("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>")),
            Err(ExtractError::NoText("DOCX document", _))
        ));
    }

    #[test]
    fn hostile_inputs_never_panic() {
        // Every prefix and a few bit flips of the fixture: any result but a panic.
        for len in (0..FIXTURE_DOCX.len()).step_by(97) {
            let _ = extract_docx(&FIXTURE_DOCX[..len]);
        }
        for at in (0..FIXTURE_DOCX.len()).step_by(53) {
            let mut bytes = FIXTURE_DOCX.to_vec();
            bytes[at] ^= 0xFF;
            let _ = extract_docx(&bytes);
        }
        // Deep nesting does not recurse.
        let deep = [
            "<w:tbl><w:tr><w:tc>".repeat(2000),
            "</w:tc></w:tr></w:tbl>".repeat(2000),
        ]
        .concat();
        let _ = extract_docx(&docx_with_body(&deep));
    }
}
