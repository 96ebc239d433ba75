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
//!   [`CELL_SEPARATOR`] and the paragraphs of one cell by [`CELL_PARAGRAPH_SEPARATOR`]:
//!   a skills table reads `Languages | Python, Go`, so a category stays next to its
//!   skills. A row that is long, has a cell of many paragraphs, holds a nested table or has
//!   only one non-empty cell is a layout table (a two-column resume): each of its cells'
//!   lines is its own line, left to right, so headings inside the columns stay headings;
//! - runs of empty paragraphs collapse to one empty line.
//!
//! Lines are normalised one by one with [`normalize::normalize_line`]; unlike a PDF, a DOCX
//! paragraph is not wrapped, so a trailing hyphen is never a broken word.

use std::collections::HashSet;
use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use zip::ZipArchive;
use zip::result::ZipError;

use super::{Document, ExtractError, Line, normalize};

/// Largest uncompressed XML part read, in bytes (32 MiB).
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// Largest total of uncompressed XML read from one file, in bytes (64 MiB).
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Most ZIP entries accepted; a real DOCX has tens, a few hundred with many images.
pub const MAX_ENTRIES: usize = 10_000;
/// Most header and footer parts read, each.
pub const MAX_HEADER_FOOTER_PARTS: usize = 64;

/// Joins the cells of a short table row.
pub const CELL_SEPARATOR: &str = " | ";
/// Joins the paragraphs of one cell in a short table row.
pub const CELL_PARAGRAPH_SEPARATOR: &str = "; ";
/// A row stays one line only while no cell has more non-empty lines than this...
const MAX_CELL_LINES: usize = 6;
/// ...and the joined row has at most this many characters.
const MAX_ROW_CHARS: usize = 240;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const NS_MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

const MAIN_PART: &str = "word/document.xml";

/// Resource limits for one extraction; [`Limits::DEFAULT`] in production, small ones in
/// tests.
#[derive(Debug, Clone, Copy)]
struct Limits {
    part_bytes: u64,
    total_bytes: u64,
    entries: usize,
}

impl Limits {
    const DEFAULT: Limits = Limits {
        part_bytes: MAX_PART_BYTES,
        total_bytes: MAX_TOTAL_BYTES,
        entries: MAX_ENTRIES,
    };
}

/// Extracts the text of a DOCX file.
///
/// Errors: [`ExtractError::Unsupported`] for a ZIP that is not a DOCX or that this reader
/// cannot unpack (encrypted entries, compression other than deflate),
/// [`ExtractError::Damaged`] for a corrupt ZIP or XML part, [`ExtractError::TooLarge`]
/// over the limits above. A document without text is [`ExtractError::NoText`].
pub fn extract_docx(bytes: &[u8]) -> Result<Document, ExtractError> {
    extract_with(bytes, Limits::DEFAULT)
}

fn extract_with(bytes: &[u8], limits: Limits) -> Result<Document, ExtractError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    if zip.len() > limits.entries {
        return Err(ExtractError::TooLarge(format!(
            "{} ZIP entries (limit {})",
            zip.len(),
            limits.entries
        )));
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    if !names.iter().any(|n| n == MAIN_PART) {
        return Err(ExtractError::Unsupported(not_docx_reason(&names)));
    }

    let mut budget = limits.total_bytes;
    let mut raw: Vec<String> = Vec::new();
    let headers = numbered_parts(&names, "word/header");
    let footers = numbered_parts(&names, "word/footer");
    append_distinct_parts(&mut zip, &headers, limits, &mut budget, &mut raw)?;
    raw.extend(part_lines(&mut zip, MAIN_PART, limits, &mut budget)?);
    append_distinct_parts(&mut zip, &footers, limits, &mut budget, &mut raw)?;

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

/// Appends the lines of each part in `names`, skipping empty parts and parts whose lines
/// equal an earlier one's (first-page, even-page and default headers often repeat).
fn append_distinct_parts(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    names: &[String],
    limits: Limits,
    budget: &mut u64,
    out: &mut Vec<String>,
) -> Result<(), ExtractError> {
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    for name in names.iter().take(MAX_HEADER_FOOTER_PARTS) {
        let lines = trim_blank_ends(part_lines(zip, name, limits, budget)?);
        if !lines.is_empty() && seen.insert(lines.clone()) {
            out.extend(lines);
        }
    }
    Ok(())
}

/// Names `{prefix}N.xml` (and `{prefix}.xml`), sorted by N.
fn numbered_parts(names: &[String], prefix: &str) -> Vec<String> {
    let mut found: Vec<(u64, &String)> = names
        .iter()
        .filter_map(|name| {
            let digits = name.strip_prefix(prefix)?.strip_suffix(".xml")?;
            if digits.is_empty() {
                Some((0, name))
            } else if digits.bytes().all(|b| b.is_ascii_digit()) {
                Some((digits.parse().unwrap_or(u64::MAX), name))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name.clone()).collect()
}

/// Why a ZIP without `word/document.xml` is not a DOCX, with a hint at what it is.
fn not_docx_reason(names: &[String]) -> String {
    let has = |name: &str| names.iter().any(|n| n == name);
    let what = if has("xl/workbook.xml") {
        " (an Excel workbook?)"
    } else if has("ppt/presentation.xml") {
        " (a PowerPoint presentation?)"
    } else if has("content.xml") && has("mimetype") {
        " (an OpenDocument file? save it as .docx)"
    } else {
        ""
    };
    format!("a ZIP file but not a DOCX: it has no {MAIN_PART}{what}")
}

fn zip_error(err: ZipError) -> ExtractError {
    match err {
        ZipError::UnsupportedArchive(why) => {
            ExtractError::Unsupported(format!("a ZIP file this reader cannot unpack: {why}"))
        }
        ZipError::CompressionMethodNotSupported(method) => ExtractError::Unsupported(format!(
            "a ZIP file with compression method {method}; a DOCX uses deflate"
        )),
        ZipError::InvalidPassword => {
            ExtractError::Unsupported("a ZIP file with encrypted entries".into())
        }
        other => ExtractError::Damaged(format!("not a readable ZIP file: {other}")),
    }
}

/// Reads part `name` (at most `limits.part_bytes` and what is left of `budget`) and
/// returns its lines.
fn part_lines(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: Limits,
    budget: &mut u64,
) -> Result<Vec<String>, ExtractError> {
    let xml = read_part(zip, name, limits, budget)?;
    lines_of_xml(&xml).map_err(|why| ExtractError::Damaged(format!("{name}: {why}")))
}

fn read_part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: Limits,
    budget: &mut u64,
) -> Result<String, ExtractError> {
    let limit = limits.part_bytes.min(*budget);
    let too_large = |size: &dyn std::fmt::Display| {
        ExtractError::TooLarge(format!(
            "{name} unpacks to {size} bytes (limit {} for this part)",
            human_size(limit)
        ))
    };
    let mut file = zip.by_name(name).map_err(zip_error)?;
    if file.encrypted() {
        return Err(ExtractError::Unsupported(format!(
            "a ZIP file with encrypted entries ({name})"
        )));
    }
    // The declared size is a claim, checked first for a quick answer; the read below is
    // bounded whatever the claim.
    let declared = file.size();
    if declared > limit {
        return Err(too_large(&declared));
    }
    let mut bytes = Vec::with_capacity(declared as usize);
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ExtractError::Damaged(format!("{name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&format!("more than {limit}")));
    }
    *budget -= bytes.len() as u64;
    decode_xml_bytes(bytes).map_err(|why| ExtractError::Damaged(format!("{name}: {why}")))
}

/// `n` bytes as "N MiB" when a whole number of MiB, else "N bytes".
fn human_size(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

/// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, the
/// encodings a DOCX part may use.
fn decode_xml_bytes(bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| "invalid UTF-16".to_string())
    };
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to() + 3)),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
    }
}

/// What an element means to the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Table,
    Row,
    Cell,
    TextBox,
    Text,
    Space,
    Break,
    Hyphen,
    /// Content to skip whole: deleted text, field codes, properties, a fallback copy.
    Skip,
    Other,
}

fn classify(ns: &ResolveResult<'_>, local: &str) -> Tag {
    let ns = match ns {
        ResolveResult::Bound(ns) => ns.0,
        _ => return Tag::Other,
    };
    if ns == NS_MC {
        return if local == "Fallback" {
            Tag::Skip
        } else {
            Tag::Other
        };
    }
    if ns != NS_W && ns != NS_W_STRICT {
        return Tag::Other;
    }
    match local {
        "p" => Tag::Paragraph,
        "tbl" => Tag::Table,
        "tr" => Tag::Row,
        "tc" => Tag::Cell,
        "txbxContent" => Tag::TextBox,
        "t" => Tag::Text,
        "tab" | "ptab" => Tag::Space,
        "br" | "cr" => Tag::Break,
        "noBreakHyphen" => Tag::Hyphen,
        "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "sym" | "pPr" | "rPr"
        | "sectPr" | "sdtPr" | "sdtEndPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "tblPrEx" => {
            Tag::Skip
        }
        _ => Tag::Other,
    }
}

/// An open paragraph: the lines ended by breaks, the line being built, and the lines of
/// the text boxes it anchors.
#[derive(Debug, Default)]
struct Para {
    done: Vec<String>,
    current: String,
    boxed: Vec<String>,
}

/// A table cell: its lines, and whether it holds a nested table.
#[derive(Debug, Default)]
struct Cell {
    lines: Vec<String>,
    has_table: bool,
}

/// The containers open at a point of the XML, innermost last.
#[derive(Debug)]
enum Frame {
    Para(Para),
    TextBox(Vec<String>),
    Table(Vec<String>),
    Row(Vec<Cell>),
    Cell(Cell),
}

#[derive(Debug, Default)]
struct Walker {
    out: Vec<String>,
    frames: Vec<Frame>,
    /// Inside a `w:t`: its text so far and whether `xml:space="preserve"` is set.
    text: Option<(String, bool)>,
}

impl Walker {
    fn start(&mut self, tag: Tag, element: &BytesStart<'_>) {
        match tag {
            Tag::Paragraph => self.frames.push(Frame::Para(Para::default())),
            Tag::Table => self.frames.push(Frame::Table(Vec::new())),
            Tag::Row => self.frames.push(Frame::Row(Vec::new())),
            Tag::Cell => self.frames.push(Frame::Cell(Cell::default())),
            Tag::TextBox => self.frames.push(Frame::TextBox(Vec::new())),
            Tag::Text => {
                let preserve = element
                    .try_get_attribute("xml:space")
                    .ok()
                    .flatten()
                    .is_some_and(|a| a.value.trim() == "preserve");
                self.text = Some((String::new(), preserve));
            }
            Tag::Space | Tag::Break | Tag::Hyphen => self.empty(tag),
            Tag::Skip | Tag::Other => {}
        }
    }

    fn empty(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.deliver(vec![String::new()], false),
            Tag::Cell => self.deliver_cell(Cell::default()),
            Tag::Space => self.push_str(" "),
            Tag::Hyphen => self.push_str("-"),
            Tag::Break => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    let line = std::mem::take(&mut p.current);
                    p.done.push(line);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Text => {
                if let Some((text, preserve)) = self.text.take() {
                    // Without xml:space="preserve", Word ignores the ends' white space.
                    self.push_str(if preserve { &text } else { text.trim() });
                }
            }
            Tag::Paragraph => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    let mut lines = p.done;
                    if !p.current.trim().is_empty() || (lines.is_empty() && p.boxed.is_empty()) {
                        lines.push(p.current);
                    }
                    lines.extend(p.boxed);
                    self.deliver(lines, false);
                }
            }
            Tag::TextBox | Tag::Table => {
                if let Some(Frame::TextBox(lines) | Frame::Table(lines)) = self.frames.pop() {
                    self.deliver(lines, tag == Tag::Table);
                }
            }
            Tag::Row => {
                if let Some(Frame::Row(cells)) = self.frames.pop() {
                    self.deliver(render_row(cells), false);
                }
            }
            Tag::Cell => {
                if let Some(Frame::Cell(cell)) = self.frames.pop() {
                    self.deliver_cell(cell);
                }
            }
            _ => {}
        }
    }

    /// Text for the open `w:t`, or straight into the paragraph (tabs, breaks).
    fn push_str(&mut self, s: &str) {
        if let Some((text, _)) = &mut self.text {
            text.push_str(s);
        } else if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.current.push_str(s);
        }
    }

    /// Hands finished lines to the innermost open container.
    fn deliver(&mut self, lines: Vec<String>, from_table: bool) {
        match self.frames.last_mut() {
            None => self.out.extend(lines),
            Some(Frame::Para(p)) => p.boxed.extend(lines),
            Some(Frame::TextBox(v) | Frame::Table(v)) => v.extend(lines),
            Some(Frame::Row(cells)) => cells.push(Cell {
                lines,
                has_table: from_table,
            }),
            Some(Frame::Cell(cell)) => {
                cell.lines.extend(lines);
                cell.has_table |= from_table;
            }
        }
    }

    fn deliver_cell(&mut self, cell: Cell) {
        match self.frames.last_mut() {
            Some(Frame::Row(cells)) => cells.push(cell),
            _ => self.deliver(cell.lines, cell.has_table),
        }
    }
}

/// One line for a short row of two or more cells, else every cell's lines in order.
fn render_row(cells: Vec<Cell>) -> Vec<String> {
    let texts: Vec<Vec<&str>> = cells
        .iter()
        .map(|c| {
            c.lines
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    let compact = cells.iter().all(|c| !c.has_table)
        && texts.iter().all(|t| t.len() <= MAX_CELL_LINES)
        && texts.iter().filter(|t| !t.is_empty()).count() >= 2;
    if compact {
        let joined = texts
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| t.join(CELL_PARAGRAPH_SEPARATOR))
            .collect::<Vec<_>>()
            .join(CELL_SEPARATOR);
        if joined.chars().count() <= MAX_ROW_CHARS {
            return vec![joined];
        }
    }
    texts.into_iter().flatten().map(str::to_string).collect()
}

/// The lines of one WordprocessingML part; the error is a reason for `Damaged`.
fn lines_of_xml(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = NsReader::from_str(xml);
    let mut walker = Walker::default();
    let mut depth: usize = 0;
    let mut skip_depth: usize = 0;
    let mut saw_root = false;
    loop {
        let position = reader.buffer_position();
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("XML error near byte {position}: {e}"))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                saw_root = true;
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                let tag = classify(&ns, e.local_name().into_inner());
                if tag == Tag::Skip {
                    skip_depth = 1;
                } else {
                    walker.start(tag, &e);
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                walker.end(classify(&ns, e.local_name().into_inner()));
            }
            Event::Empty(e) => {
                saw_root = true;
                if skip_depth == 0 {
                    walker.empty(classify(&ns, e.local_name().into_inner()));
                }
            }
            Event::Text(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    text.push_str(&e.xml10_content());
                }
            }
            Event::CData(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    text.push_str(&e.xml10_content());
                }
            }
            Event::GeneralRef(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    match e.resolve_char_ref() {
                        Ok(Some(c)) => text.push(c),
                        Ok(None) => text.push_str(resolve_predefined_entity(&e).unwrap_or("")),
                        Err(err) => return Err(format!("XML error near byte {position}: {err}")),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err("no XML element".into());
    }
    if depth != 0 {
        return Err("the XML ends inside an element (truncated?)".into());
    }
    Ok(walker.out)
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

fn trim_blank_ends(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let first = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    lines.split_off(first)
}

#[cfg(test)]
#[allow(dead_code)]
#[path = "../../../examples/make_docx.rs"]
mod make_docx;

#[cfg(test)]
mod tests {
    use super::make_docx::{build, zip_parts};
    use super::*;

    const FIXTURE_TXT: &str = include_str!("../../../fixtures/docx/backend-developer.txt");
    const FIXTURE_DOCX: &[u8] = include_bytes!("../../../fixtures/docx/backend-developer.docx");

    fn texts(doc: &Document) -> Vec<&str> {
        doc.lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// A package holding only `word/document.xml` with `body` inside `w:body`.
    fn docx_with_body(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="{NS_W}" xmlns:mc="{NS_MC}"><w:body>{body}</w:body></w:document>"#
        );
        zip_parts(&[("word/document.xml", &xml)])
    }

    fn lines_of_body(body: &str) -> Vec<String> {
        let doc = extract_docx(&docx_with_body(body)).expect("extracts");
        doc.lines.into_iter().map(|l| l.text).collect()
    }

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
        assert!(doc.text().contains("Tools | Docker, Git\n"));
    }

    #[test]
    fn runs_table() {
        let cases: &[(&str, &[&str])] = &[
            // Runs join without spaces; tabs are spaces; breaks start lines.
            (
                r#"<w:p><w:r><w:t>Post</w:t></w:r><w:r><w:t>greSQL</w:t><w:tab/><w:t>2020</w:t><w:br/><w:t>next</w:t><w:cr/><w:t>last</w:t></w:r></w:p>"#,
                &["PostgreSQL 2020", "next", "last"],
            ),
            // Without xml:space="preserve" the ends' spaces are dropped.
            (
                r#"<w:p><w:r><w:t xml:space="preserve">Go </w:t><w:t> lang</w:t><w:t>uage</w:t></w:r></w:p>"#,
                &["Go language"],
            ),
            // Entities and character references.
            (
                r#"<w:p><w:r><w:t>R&amp;D &lt;team&gt; &quot;C&#43;&#x2B;&quot; &apos;x&apos;</w:t></w:r></w:p>"#,
                &[r#"R&D <team> "C++" 'x'"#],
            ),
            // Deleted text, moved-away text, field codes and symbols are skipped.
            (
                concat!(
                    r#"<w:p><w:del><w:r><w:delText>Java</w:delText></w:r></w:del>"#,
                    r#"<w:ins><w:r><w:t>Kotlin</w:t></w:r></w:ins>"#,
                    r#"<w:moveFrom><w:r><w:t>Scala</w:t></w:r></w:moveFrom>"#,
                    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                    r#"<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://aws.example" </w:instrText></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
                    r#"<w:r><w:t xml:space="preserve"> site</w:t></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                    r#"<w:r><w:sym w:font="Wingdings" w:char="F0A7"/></w:r></w:p>"#,
                ),
                &["Kotlin site"],
            ),
            // Tab stops in paragraph properties are not text.
            (
                r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Rust</w:t></w:r></w:p>"#,
                &["Rust"],
            ),
            // Runs of empty paragraphs collapse; ends are trimmed.
            (
                r#"<w:p/><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/><w:p></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p><w:p/>"#,
                &["a", "", "b"],
            ),
            // Text outside w:t (pretty-printing white space) is ignored; hyperlinks and
            // content controls keep their text.
            (
                "<w:p>\n  <w:hyperlink><w:r><w:t>Docker</w:t></w:r></w:hyperlink>\n  <w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:placeholder><w:docPart w:val=\"y\"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>, Git</w:t></w:r></w:sdtContent></w:sdt>\n</w:p>",
                &["Docker, Git"],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(lines_of_body(body), *want, "body {body}");
        }
    }

    fn cell(paragraphs: &[&str]) -> String {
        let ps: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr>{ps}</w:tc>")
    }

    fn row(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    #[test]
    fn tables_short_rows_are_one_line() {
        let body = format!(
            "<w:tbl><w:tblPr/><w:tblGrid/>{}{}{}</w:tbl>",
            row(&[cell(&["Languages"]), cell(&["Python", "Go"])]),
            row(&[cell(&["Cloud"]), cell(&[]), cell(&["none yet"])]),
            row(&[cell(&["Only one cell"]), cell(&[""])]),
        );
        assert_eq!(
            lines_of_body(&body),
            vec![
                "Languages | Python; Go",
                "Cloud | none yet",
                "Only one cell"
            ]
        );
    }

    #[test]
    fn tables_layout_rows_are_split_into_lines() {
        let long = "Led the migration of the billing service to a new database schema. ".repeat(4);
        let many: Vec<String> = (1..=7).map(|i| format!("item {i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let nested = format!(
            "<w:tbl>{}</w:tbl>",
            row(&[cell(&["SQL"]), cell(&["advanced"])])
        );
        let body = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[
                cell(&["SKILLS", "Python"]),
                cell(&["EXPERIENCE", long.trim()])
            ]),
            row(&[cell(&["LIST"]), cell(&many)]),
            row(&[
                format!("<w:tc><w:p><w:r><w:t>Databases</w:t></w:r></w:p>{nested}<w:p/></w:tc>"),
                cell(&["x"]),
            ]),
        );
        let mut want = vec!["SKILLS", "Python", "EXPERIENCE", long.trim(), "LIST"];
        want.extend(&many);
        want.extend(["Databases", "SQL | advanced", "x"]);
        assert_eq!(lines_of_body(&body), want);
    }

    #[test]
    fn text_box_fallback_copy_is_skipped() {
        let content = "<w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent>";
        let body = format!(
            concat!(
                "<w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent>",
                "<mc:Choice Requires=\"wps\"><w:drawing>{c}</w:drawing></mc:Choice>",
                "<mc:Fallback><w:pict>{c}</w:pict></mc:Fallback>",
                "</mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> after</w:t></w:r></w:p>",
                // An old-style VML text box with no AlternateContent is read.
                "<w:p><w:r><w:pict>{c}</w:pict></w:r></w:p>",
            ),
            c = content
        );
        assert_eq!(lines_of_body(&body), vec!["Before after", "Boxed", "Boxed"]);
    }

    #[test]
    fn prefixes_do_not_matter_namespaces_do() {
        let xml = concat!(
            r#"<doc:document xmlns:doc="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><doc:body>"#,
            r#"<doc:p><doc:r><doc:t>Word text</doc:t></doc:r></doc:p>"#,
            r#"<a:p><a:r><a:t>DrawingML text</a:t></a:r></a:p>"#,
            r#"</doc:body></doc:document>"#,
        );
        let doc = extract_docx(&zip_parts(&[("word/document.xml", xml)])).expect("extracts");
        assert_eq!(texts(&doc), vec!["Word text"]);
    }

    #[test]
    fn headers_are_read_in_number_order_once_each() {
        let part = |root: &str, text: &str| {
            format!(
                r#"<w:{root} xmlns:w="{NS_W}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{root}>"#
            )
        };
        let body = format!(
            r#"<w:document xmlns:w="{NS_W}"><w:body><w:p><w:r><w:t>Body</w:t></w:r></w:p></w:body></w:document>"#
        );
        let (h10, h2, h3, f1) = (
            part("hdr", "Header ten"),
            part("hdr", "Header two"),
            part("hdr", "Header two"),
            part("ftr", "Footer"),
        );
        let bytes = zip_parts(&[
            ("word/header10.xml", &h10),
            ("word/header2.xml", &h2),
            ("word/header3.xml", &h3),
            ("word/footer1.xml", &f1),
            ("word/headerless.xml", &h10),
            ("word/document.xml", &body),
        ]);
        let doc = extract_docx(&bytes).expect("extracts");
        assert_eq!(
            texts(&doc),
            vec!["Header two", "Header ten", "Body", "Footer"]
        );
    }

    #[test]
    fn utf16_and_bom_parts_decode() {
        let xml = format!(
            r#"<w:document xmlns:w="{NS_W}"><w:body><w:p><w:r><w:t>Café</w:t></w:r></w:p></w:body></w:document>"#
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_xml_bytes(utf16).as_deref(), Ok(xml.as_str()));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(xml.as_bytes());
        assert_eq!(decode_xml_bytes(bom).as_deref(), Ok(xml.as_str()));
        assert!(decode_xml_bytes(vec![b'<', 0xFF, b'>']).is_err());
    }

    #[test]
    fn zip_without_document_xml_is_unsupported() {
        let cases = [
            (vec![("hello.txt", "hi")], "a ZIP file but not a DOCX"),
            (
                vec![("xl/workbook.xml", "<workbook/>")],
                "(an Excel workbook?)",
            ),
            (
                vec![("mimetype", "x"), ("content.xml", "<x/>")],
                "(an OpenDocument file? save it as .docx)",
            ),
        ];
        for (parts, want) in cases {
            match extract_docx(&zip_parts(&parts)) {
                Err(ExtractError::Unsupported(why)) => assert!(why.contains(want), "{why}"),
                other => panic!("expected Unsupported, got {other:?}"),
            }
        }
    }

    #[test]
    fn truncated_zip_is_damaged() {
        for len in [0, 4, 30, FIXTURE_DOCX.len() / 2, FIXTURE_DOCX.len() - 1] {
            match extract_docx(&FIXTURE_DOCX[..len]) {
                Err(ExtractError::Damaged(why)) => assert!(!why.is_empty()),
                other => panic!("length {len}: expected Damaged, got {other:?}"),
            }
        }
    }

    #[test]
    fn corrupt_entry_data_is_damaged() {
        // Flip bytes in the deflated data of word/document.xml (offset 541, 1388 bytes).
        let mut bytes = FIXTURE_DOCX.to_vec();
        for b in &mut bytes[700..900] {
            *b ^= 0x5A;
        }
        assert!(matches!(
            extract_docx(&bytes),
            Err(ExtractError::Damaged(_))
        ));
    }

    #[test]
    fn invalid_xml_is_damaged() {
        let cases = [
            "<w:document><w:body><w:p></w:body></w:document>",
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:body><w:p><w:r><w:t>cut"#),
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:body></w:p></w:body></w:document>"#),
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:t>&#0;</w:t></w:document>"#),
            "",
            "just text",
        ];
        for xml in cases {
            match extract_docx(&zip_parts(&[("word/document.xml", xml)])) {
                Err(ExtractError::Damaged(why)) => {
                    assert!(why.starts_with("word/document.xml: "), "{why}")
                }
                other => panic!("{xml:?}: expected Damaged, got {other:?}"),
            }
        }
    }

    #[test]
    fn document_without_text_is_empty() {
        assert!(matches!(
            extract_docx(&docx_with_body("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>")),
            Err(ExtractError::NoText("DOCX document", _))
        ));
    }

    fn small_limits() -> Limits {
        Limits {
            part_bytes: 1000,
            total_bytes: 1500,
            entries: 8,
        }
    }

    #[test]
    fn declared_size_over_the_limit_is_too_large() {
        // 200 KB of paragraphs deflate to a few hundred bytes: a small zip bomb.
        let body = "<w:p><w:r><w:t>Python</w:t></w:r></w:p>".repeat(5000);
        let bytes = docx_with_body(&body);
        assert!(bytes.len() < 2000, "{} bytes", bytes.len());
        match extract_with(&bytes, small_limits()) {
            Err(ExtractError::TooLarge(why)) => {
                assert!(why.starts_with("word/document.xml unpacks to "), "{why}")
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn the_total_of_all_parts_is_capped() {
        let part = |text: &str| {
            format!(
                r#"<w:hdr xmlns:w="{NS_W}"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:hdr>"#,
                text.repeat(100)
            )
        };
        let (a, b) = (part("a"), part("b"));
        let body = format!(r#"<w:document xmlns:w="{NS_W}"><w:body/></w:document>"#);
        let bytes = zip_parts(&[
            ("word/header1.xml", &a),
            ("word/header2.xml", &b),
            ("word/header3.xml", &a),
            ("word/document.xml", &body),
        ]);
        let doc = extract_with(&bytes, Limits::DEFAULT).expect("extracts");
        assert_eq!(texts(&doc), vec!["a".repeat(100), "b".repeat(100)]);
        assert!(matches!(
            extract_with(
                &bytes,
                Limits {
                    total_bytes: 400,
                    ..small_limits()
                }
            ),
            Err(ExtractError::TooLarge(_))
        ));
    }

    /// Overwrites the uncompressed size recorded for every entry, in the local headers and
    /// the central directory.
    fn lie_about_sizes(bytes: &mut [u8], size: u32) {
        for at in 0..bytes.len().saturating_sub(30) {
            let offset = match &bytes[at..at + 4] {
                b"PK\x03\x04" => 22,
                b"PK\x01\x02" => 24,
                _ => continue,
            };
            bytes[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
        }
    }

    #[test]
    fn a_lying_declared_size_does_not_bound_the_read() {
        let body = "<w:p><w:r><w:t>Python</w:t></w:r></w:p>".repeat(5000);
        let mut bytes = docx_with_body(&body);
        lie_about_sizes(&mut bytes, 100);
        // Whatever the zip crate makes of the lie, the read stops at the limit.
        match extract_with(&bytes, small_limits()) {
            Err(ExtractError::TooLarge(_) | ExtractError::Damaged(_)) => {}
            other => panic!("expected TooLarge or Damaged, got {other:?}"),
        }
        let mut bytes = docx_with_body(&body);
        lie_about_sizes(&mut bytes, u32::MAX - 1);
        assert!(matches!(
            extract_docx(&bytes),
            Err(ExtractError::TooLarge(_) | ExtractError::Damaged(_))
        ));
    }

    #[test]
    fn too_many_entries_is_too_large() {
        let names: Vec<String> = (0..9).map(|i| format!("word/media/image{i}.png")).collect();
        let mut parts: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
        parts.push(("word/document.xml", "<w:document/>"));
        match extract_with(&zip_parts(&parts), small_limits()) {
            Err(ExtractError::TooLarge(why)) => assert_eq!(why, "10 ZIP entries (limit 8)"),
            other => panic!("expected TooLarge, got {other:?}"),
        }
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
        let deep = "<w:tbl><w:tr><w:tc>".repeat(2000) + &"</w:tc></w:tr></w:tbl>".repeat(2000);
        let _ = extract_docx(&docx_with_body(&deep));
    }
}
