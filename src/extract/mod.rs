//! Document -> text. Reads a resume or posting (a path or `-` for stdin), detects its kind
//! by content, never by file name ([`Kind`], [`detect`]), and returns normalised lines with
//! their page numbers:
//! - PDF (`pdf/`: our own text layer on lopdf) and DOCX (`docx/`);
//! - JSON Resume (`jsonresume.rs`): laid out as a printed resume, its `skills` keywords
//!   hinted as a Skills section;
//! - YAML (`yaml.rs`): JSON Resume written in YAML, read as the JSON, and RenderCV's
//!   `cv:`/`sections:` layout; loading is bounded in depth and alias copies;
//! - LaTeX (`latex.rs`): moderncv, awesome-cv and other sources read as the typeset page,
//!   sectioning commands as heading lines ("# Skills"), entry commands a line per argument,
//!   `\cvitem{Languages}{Python, Go}` as "Languages: Python, Go"; linear on any input;
//! - Markdown and plain text, as written.
//!
//! YAML of another shape, YAML that does not load, and text that only mentions LaTeX are
//! plain text.

mod docx;
mod jsonresume;
mod latex;
pub mod normalize;
pub mod pdf;
mod yaml;

use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// Largest input read, in bytes (64 MiB). Larger files get [`ExtractError::TooLarge`].
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The kind of document, detected from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Starts with `%PDF-` (within the first 1024 bytes).
    Pdf,
    /// A ZIP container holding `word/document.xml`.
    Docx,
    /// A JSON object in the JSON Resume schema (`basics`, `work`, `skills`...).
    JsonResume,
    /// An OLE compound file: a legacy `.doc` or an encrypted Office file.
    Ole,
    /// UTF-8 YAML holding one resume: JSON Resume written in YAML (`basics`, `work`,
    /// `skills`...) or RenderCV (`cv:` with `sections:`). Other YAML is [`Kind::Text`].
    Yaml,
    /// UTF-8 LaTeX source: a line starting `\documentclass` or `\begin{document}`, or a
    /// fragment whose lines are mostly commands (`\section{`, `\item`, `\cventry{`...).
    Latex,
    /// Anything else that is valid UTF-8 (plain text, Markdown). UTF-16 with a byte-order
    /// mark is decoded first, then detected again (text, Markdown, JSON Resume, YAML or
    /// LaTeX).
    Text,
}

/// One line of extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The normalised text, without the line break.
    pub text: String,
    /// 1-based page number for paged documents (PDF), `None` otherwise.
    pub page: Option<u32>,
    /// Section label forced by the source format (JSON Resume `skills` keywords are
    /// `Some("skills")`); `None` when sections are found from headings.
    pub section_hint: Option<&'static str>,
}

/// Extracted, normalised text: the lines in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Lines in reading order; line `i` is line number `i + 1` in evidence.
    pub lines: Vec<Line>,
}

impl Document {
    /// Builds a document from raw text (one page, no page numbers), normalising its lines.
    pub fn from_text(text: &str) -> Document {
        // Lines end in "\n", "\r\n" or a lone "\r" (old Mac files).
        let lines = text
            .split('\n')
            .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'));
        let mut raw: Vec<(String, Option<u32>)> = lines.map(|l| (l.to_owned(), None)).collect();
        if text.ends_with('\n') {
            raw.pop(); // the empty piece after the last line break
        }
        Document {
            lines: normalize::normalize_lines(raw.into_iter()),
        }
    }

    /// True when no line has a letter or digit.
    pub fn is_blank(&self) -> bool {
        !self
            .lines
            .iter()
            .any(|l| l.text.chars().any(char::is_alphanumeric))
    }
}

/// Why a document could not be turned into text. Each kind has its own message; the
/// `kind()` name is stable and appears in batch JSON.
#[derive(Debug, Error)]
pub enum ExtractError {
    /// The file could not be read (the operating system's message, said once).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The input is empty.
    #[error("the file is empty")]
    Empty,
    /// A DOCX or JSON Resume document with no text in it: which kind, and why when known
    /// (for a JSON Resume, the fields skipped for holding the wrong type). Kind `empty`.
    #[error("this {0} holds no text{1}")]
    NoText(&'static str, String),
    /// Over [`MAX_INPUT_BYTES`] or a PDF limit (pages, decompressed size).
    #[error("the file is too large: {0}")]
    TooLarge(String),
    /// Not a PDF, DOCX, JSON Resume, UTF-8 text or UTF-16 text with a byte-order mark.
    #[error("not a PDF, DOCX or UTF-8 text file ({0})")]
    Unsupported(String),
    /// Encrypted with a user password.
    #[error("this PDF is password-protected; save an unprotected copy and try again")]
    Encrypted,
    /// A PDF whose pages read cleanly but show no text (a scan, a blank page). A PDF
    /// whose structure is broken is [`ExtractError::Damaged`] instead, and one whose glyphs
    /// do not decode [`ExtractError::Unreadable`].
    #[error("this PDF has no text layer (scanned?); run OCR first, e.g. ocrmypdf")]
    NoTextLayer,
    /// A PDF or DOCX that could not be parsed.
    #[error("the file is damaged: {0}")]
    Damaged(String),
    /// The text decodes to mostly non-letters, U+FFFD or private-use characters.
    #[error(
        "the text layer is unreadable (mostly symbols or undecodable glyphs); try re-exporting the PDF"
    )]
    Unreadable,
}

impl ExtractError {
    /// Stable kebab-case name of the error kind (used in JSON Lines batch output).
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractError::Io(_) => "io",
            ExtractError::Empty | ExtractError::NoText(..) => "empty",
            ExtractError::TooLarge(_) => "too-large",
            ExtractError::Unsupported(_) => "unsupported",
            ExtractError::Encrypted => "encrypted",
            ExtractError::NoTextLayer => "no-text-layer",
            ExtractError::Damaged(_) => "damaged",
            ExtractError::Unreadable => "unreadable",
        }
    }
}

/// Reads `path` (or stdin for `-`), at most [`MAX_INPUT_BYTES`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, ExtractError> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        let file = std::fs::File::open(path)?;
        // One read of the right size instead of a doubling buffer (syscalls are not free).
        let size = file
            .metadata()
            .map_or(0, |m| m.len())
            .min(MAX_INPUT_BYTES + 1);
        bytes.reserve_exact(size as usize + 1);
        file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge(format!(
            "over {} MiB",
            MAX_INPUT_BYTES / 1024 / 1024
        )));
    }
    Ok(bytes)
}

/// True when the first 1024 bytes hold a PDF header. It may follow some junk, and some
/// writers drop its dash ("%PDF\n").
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(4)
        .any(|w| w == b"%PDF")
}

/// Detects the kind of `bytes` from their content, not a file name.
pub fn detect(bytes: &[u8]) -> Kind {
    if is_pdf(bytes) {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Kind::Docx;
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Kind::Ole;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let trimmed = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &bytes[i..]);
    if trimmed.is_some_and(|t| t.starts_with(b"{")) && jsonresume::looks_like(bytes) {
        return Kind::JsonResume;
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.contains('\0')
    {
        if yaml::looks_like(text) {
            return Kind::Yaml;
        }
        if latex::looks_like(text) {
            return Kind::Latex;
        }
    }
    Kind::Text
}

/// Like [`detect`], for UTF-16 text with a byte-order mark the kind of the decoded text.
pub fn detect_decoded(bytes: &[u8]) -> Kind {
    match decode_utf16(bytes) {
        Ok(Some(text)) => detect(text.as_bytes()),
        _ => detect(bytes),
    }
}

/// Turns document bytes into normalised text.
///
/// Errors: see [`ExtractError`]; a document with no letters or digits at all is
/// [`ExtractError::Empty`] (or [`ExtractError::NoTextLayer`] for a PDF).
pub fn extract(bytes: &[u8]) -> Result<Document, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if let Some(text) = decode_utf16(bytes)? {
        // What Windows Notepad saves as "Unicode": decoded, then detected again.
        return extract(text.as_bytes());
    }
    let doc = match detect(bytes) {
        Kind::Pdf => {
            let pages = pdf::extract_pages(bytes)?;
            let raw = pages
                .into_iter()
                .enumerate()
                .flat_map(|(i, page)| page.into_iter().map(move |line| (line, Some(i as u32 + 1))));
            let doc = Document {
                lines: normalize::normalize_lines(raw),
            };
            // `extract_pages` found glyphs with text; none of it a letter or digit means
            // glyphs that do not decode (U+FFFD), not a missing text layer.
            if doc.is_blank() || normalize::is_unreadable(&doc) {
                return Err(ExtractError::Unreadable);
            }
            doc
        }
        Kind::Docx => docx::extract_docx(bytes)?,
        Kind::Ole => {
            return Err(ExtractError::Unsupported(
                "a legacy .doc or an encrypted Office file; save it as an unprotected .docx".into(),
            ));
        }
        Kind::JsonResume => {
            jsonresume::extract(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))?
        }
        kind @ (Kind::Yaml | Kind::Latex | Kind::Text) => {
            let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
                .map_err(|e| {
                    ExtractError::Unsupported(format!("invalid UTF-8 at byte {}", e.valid_up_to()))
                })?;
            if text.contains('\0') {
                return Err(ExtractError::Unsupported(
                    "binary data (NUL bytes), not text".into(),
                ));
            }
            let breaks = text.bytes().filter(|&b| b == b'\n' || b == b'\r').count()
                - text.matches("\r\n").count();
            if breaks > MAX_LINES {
                return Err(too_many_lines());
            }
            if looks_like_headerless_pdf(text) {
                return Err(ExtractError::Damaged(
                    "PDF objects without a %PDF header".into(),
                ));
            }
            let (doc, what) = match kind {
                Kind::Yaml => (yaml::extract(text)?, "YAML file"),
                Kind::Latex => (latex::extract(text)?, "LaTeX file"),
                _ => (Document::from_text(text), "text file"),
            };
            if doc.is_blank() {
                return Err(ExtractError::NoText(what, String::new()));
            }
            doc
        }
    };
    if doc.is_blank() {
        return Err(ExtractError::Empty);
    }
    let text_bytes: usize = doc.lines.iter().map(|l| l.text.len()).sum();
    if text_bytes > MAX_TEXT_BYTES {
        return Err(ExtractError::TooLarge(format!(
            "over {} MiB of text",
            MAX_TEXT_BYTES / 1024 / 1024
        )));
    }
    let doc = doc.with_short_lines();
    if doc.lines.len() > MAX_LINES {
        return Err(too_many_lines());
    }
    Ok(doc)
}

/// Decodes text that starts with a UTF-16 byte-order mark (`FF FE` little-endian, `FE FF`
/// big-endian) into UTF-8, without the mark; `None` for anything else (and for a PDF whose
/// junk before `%PDF` happens to start so).
///
/// Errors: [`ExtractError::Unsupported`] for an odd number of bytes or a lone surrogate,
/// naming the byte offset (counted from the start of the file, mark included).
fn decode_utf16(bytes: &[u8]) -> Result<Option<String>, ExtractError> {
    if is_pdf(bytes) {
        return Ok(None);
    }
    match decode_bom_utf16(bytes) {
        None => Ok(None),
        Some(Ok(text)) => Ok(Some(text)),
        Some(Err(Utf16Error::OddLength)) => Err(ExtractError::Unsupported(format!(
            "invalid UTF-16: an odd number of bytes ({})",
            bytes.len()
        ))),
        Some(Err(Utf16Error::LoneSurrogate { unit, at })) => Err(ExtractError::Unsupported(
            format!("invalid UTF-16: a lone surrogate {unit:04X} at byte {at}"),
        )),
    }
}

/// Why bytes after a UTF-16 byte-order mark are not UTF-16 text.
pub(crate) enum Utf16Error {
    /// The bytes after the mark are not a whole number of 16-bit units.
    OddLength,
    /// A surrogate without its pair: the unit, and its byte offset from the start (mark
    /// included).
    LoneSurrogate { unit: u16, at: usize },
}

/// The text after a UTF-16 byte-order mark (`FF FE` little-endian, `FE FF` big-endian),
/// without the mark; `None` when `bytes` do not start with one. Shared by plain text and
/// DOCX parts.
pub(crate) fn decode_bom_utf16(bytes: &[u8]) -> Option<Result<String, Utf16Error>> {
    let unit: fn([u8; 2]) -> u16 = match bytes {
        [0xFF, 0xFE, ..] => u16::from_le_bytes,
        [0xFE, 0xFF, ..] => u16::from_be_bytes,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Some(Err(Utf16Error::OddLength));
    }
    let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    let mut at = 2; // byte offset of the current unit
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(e) => {
                return Some(Err(Utf16Error::LoneSurrogate {
                    unit: e.unpaired_surrogate(),
                    at,
                }));
            }
        }
    }
    Some(Ok(text))
}

/// Most text a document may have, in bytes of UTF-8 (4 MiB, some 600,000 words; a long
/// resume has under 100 KiB): the skill search is linear, and this bounds one document's run
/// to about a second and its memory to some tens of MiB.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// Most lines a document may have, long lines cut included (a resume has a few hundred):
/// memory stays bounded however short the lines of a 64 MiB input are.
pub const MAX_LINES: usize = 100_000;

fn too_many_lines() -> ExtractError {
    ExtractError::TooLarge(format!("over {MAX_LINES} lines"))
}

/// True when text is PDF syntax: numbered objects ("1 0 obj ... endobj") with a `startxref`
/// or `trailer`, a PDF that lost its header rather than a resume.
fn looks_like_headerless_pdf(text: &str) -> bool {
    text.contains(" obj")
        && text.contains("endobj")
        && (text.contains("startxref") || text.contains("trailer"))
}

/// Longest line kept whole, in characters. Resume lines are far shorter; a longer line
/// (a whole file without line breaks, a hostile input) is cut at spaces into lines of at
/// most this length, so that per-line work stays bounded and the run stays linear.
pub const MAX_LINE_CHARS: usize = 2000;

impl Document {
    /// Splits lines longer than [`MAX_LINE_CHARS`] at the last space before the limit (or at
    /// the limit when there is none), keeping page and section hints.
    pub(crate) fn with_short_lines(mut self) -> Document {
        if self.lines.iter().all(|l| l.text.len() <= MAX_LINE_CHARS) {
            return self;
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for Line {
            text,
            page,
            section_hint,
        } in self.lines.drain(..)
        {
            let piece = |text: &str| Line {
                text: text.to_owned(),
                page,
                section_hint,
            };
            let mut rest = text.as_str();
            // Each step looks at most MAX_LINE_CHARS characters ahead and copies only the
            // piece it cuts: linear in the line.
            while let Some((limit, _)) = rest.char_indices().nth(MAX_LINE_CHARS) {
                let cut = rest[..limit].rfind(' ').filter(|&i| i > 0).unwrap_or(limit);
                lines.push(piece(&rest[..cut]));
                rest = rest[cut..].trim_start();
            }
            lines.push(piece(rest));
        }
        self.lines = lines;
        self
    }
}

/// Reads and extracts `path` (`-` for stdin).
pub fn extract_path(path: &Path) -> Result<Document, ExtractError> {
    extract(&read_input(path)?)
}

/// Helpers of the readers' unit tests.
#[cfg(test)]
pub(crate) mod testkit {
    use super::Document;

    /// A line's text and section hint.
    pub(crate) type HintedLine<'a> = (&'a str, Option<&'a str>);

    /// The lines of `doc` with their section hints.
    pub(crate) fn lines(doc: &Document) -> Vec<HintedLine<'_>> {
        doc.lines
            .iter()
            .map(|l| (l.text.as_str(), l.section_hint))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_white_space_holds_no_text() {
        let err = extract(b"  \n\t\r\n").unwrap_err();
        assert_eq!(err.kind(), "empty");
        assert_eq!(err.to_string(), "this text file holds no text");
        assert_eq!(extract(b"").unwrap_err().to_string(), "the file is empty");
    }

    #[test]
    fn a_text_of_too_many_lines_is_too_large() {
        let many = "x\n".repeat(MAX_LINES + 1);
        let err = extract(many.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), "too-large");
        assert_eq!(err.to_string(), "the file is too large: over 100000 lines");
        // CR LF counts once per line.
        let crlf = "x\r\n".repeat(MAX_LINES);
        assert_eq!(extract(crlf.as_bytes()).unwrap().lines.len(), MAX_LINES);
    }

    #[test]
    fn a_text_over_the_text_limit_is_too_large() {
        let line = ["Python and Docker"; 100].join(" ");
        let lines = MAX_TEXT_BYTES / line.len() + 1;
        let Err(err) = extract(format!("{line}\n").repeat(lines).as_bytes()) else {
            panic!("a text of {lines} lines of {} bytes was read", line.len());
        };
        assert_eq!(err.kind(), "too-large");
        assert_eq!(err.to_string(), "the file is too large: over 4 MiB of text");
        let under = format!("{line}\n").repeat(lines - 1);
        assert!(extract(under.as_bytes()).is_ok());
    }

    #[test]
    fn long_lines_are_cut_at_spaces_keeping_their_page() {
        let word = "abcdefghi "; // 10 characters
        let doc = Document {
            lines: vec![Line {
                text: word.repeat(450).trim_end().to_owned(),
                page: Some(3),
                section_hint: None,
            }],
        }
        .with_short_lines();
        let lengths: Vec<usize> = doc.lines.iter().map(|l| l.text.len()).collect();
        assert_eq!(lengths, vec![1999, 1999, 499]);
        assert!(doc.lines.iter().all(|l| l.page == Some(3)));
    }

    #[test]
    fn pdf_headers_and_binary_data() {
        assert_eq!(detect(b"junk\n%PDF\n1 0 obj"), Kind::Pdf);
        assert_eq!(detect(b"Python and SQL"), Kind::Text);
        assert!(matches!(
            extract(b"Python\0SQL"),
            Err(ExtractError::Unsupported(_))
        ));
        let headless = b"1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n";
        assert!(matches!(extract(headless), Err(ExtractError::Damaged(_))));
    }

    #[test]
    fn text_kinds_by_content() {
        let cases: [(&[u8], Kind); 9] = [
            (b"{\"basics\": {\"name\": \"Ana\"}}", Kind::JsonResume),
            (b"basics:\n  name: Ana\n", Kind::Yaml),
            (b"\xEF\xBB\xBFcv:\n  name: Ana\n", Kind::Yaml),
            (b"\\documentclass{article}\n", Kind::Latex),
            (b"\\section{Skills}\n\\item Go\n\\item Rust\n", Kind::Latex),
            // YAML of another shape, Markdown, invalid UTF-8 and NUL bytes stay text.
            (b"name: skillgap\nversion: 1\n", Kind::Text),
            (b"# Ana\n\n## Skills\n- Python\n", Kind::Text),
            (b"\\section{A}\n\\item \xFF\n\\item b\n", Kind::Text),
            (b"\\section{A}\n\\item \0\n\\item b\n", Kind::Text),
        ];
        for (bytes, want) in cases {
            assert_eq!(detect(bytes), want, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_then_detected() {
        let utf16 = |text: &str, be: bool| {
            let mut out = if be {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in text.encode_utf16() {
                out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            out
        };
        for be in [false, true] {
            let doc = extract(&utf16("Skills\r\nPython, Rust \u{1F680}\r\n", be)).unwrap();
            let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(texts, ["Skills", "Python, Rust \u{1F680}"]);
            let json = r#"{"basics": {"name": "Ana"}, "skills": [{"name": "Web", "keywords": ["Django"]}]}"#;
            let doc = extract(&utf16(json, be)).unwrap();
            assert!(
                doc.lines
                    .iter()
                    .any(|l| l.text.contains("Django") && l.section_hint == Some("skills")),
                "{doc:?}"
            );
        }
        let latex = extract(&utf16("\\section{Skills}\n\\item C\\#\n\\item Go\n", false)).unwrap();
        let texts: Vec<&str> = latex.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["# Skills", "C#", "Go"]);
        assert_eq!(
            detect_decoded(&utf16("skills:\n  - Python\n", true)),
            Kind::Yaml
        );
        let odd = extract(b"\xFE\xFF\0P\0").unwrap_err();
        assert_eq!(
            odd.to_string(),
            "not a PDF, DOCX or UTF-8 text file (invalid UTF-16: an odd number of bytes (5))"
        );
        let lone = extract(b"\xFE\xFF\0P\xDC\x00").unwrap_err();
        assert_eq!(lone.kind(), "unsupported");
        assert!(
            lone.to_string().contains("lone surrogate DC00 at byte 4"),
            "{lone}"
        );
        // A PDF with junk before its header stays a PDF.
        assert_eq!(decode_utf16(b"\xFF\xFE junk %PDF-1.4").unwrap(), None);
        assert!(matches!(extract(b"\xFF\xFE"), Err(ExtractError::Empty)));
    }

    #[test]
    fn line_endings_of_every_kind() {
        let doc = Document::from_text("Skills\rPython\r\nGo\nRust\n");
        let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Skills", "Python", "Go", "Rust"]);
    }

    #[test]
    fn long_lines_are_cut_at_spaces() {
        let text = "Python, ".repeat(1000);
        let doc = Document::from_text(&text).with_short_lines();
        assert!(doc.lines.len() >= 4);
        assert!(
            doc.lines
                .iter()
                .all(|l| l.text.chars().count() <= MAX_LINE_CHARS)
        );
        assert!(doc.lines.iter().all(|l| l.text.starts_with("Python")));
        let joined: usize = doc
            .lines
            .iter()
            .map(|l| l.text.matches("Python").count())
            .sum();
        assert_eq!(joined, 1000);
    }
}
