//! PDF -> text lines per page: our own text layer on lopdf's object model.
//!
//! lopdf reads the file (objects, streams, decryption with the empty password); everything
//! about text is ours: `font` and `cmap` turn string bytes into text and widths
//! (`/ToUnicode` first, then encodings and glyph names), `content` runs the content
//! streams (and the Form XObjects they draw) to place every glyph, `layout` turns the
//! glyphs into lines in reading order (word gaps, columns, rotation, letter spacing).
//!
//! # Hostile files
//! Every input gives text or an [`ExtractError`], bounded in time and memory: streams are
//! decoded against budgets ([`MAX_DECOMPRESSED`] while loading, [`MAX_CONTENT_BYTES`] of
//! content per page), operators, glyphs, forms and output are counted (`LIMITS`,
//! [`MAX_TEXT_BYTES`]), nothing recurses without a depth cap, and a panic inside lopdf or
//! here is caught and reported as [`ExtractError::Damaged`].
//!
//! # Is a child process with `RLIMIT_AS` worth it? Not now.
//! It would also bound what the budgets miss: an allocation lopdf makes before any budget
//! applies, an abort, a stack overflow (none of which `catch_unwind` can stop). Measured on
//! the 2-core dev machine (release build): spawning our extractor on a tiny PDF costs
//! 1.4 ms per file against 0.7 ms for `/bin/true` and about 0.05 ms for the extraction
//! itself, so re-exec adds ~1.3 ms (2.4 ms when `prlimit` wraps it; `setrlimit` in
//! `pre_exec` avoids that extra exec). The 15 resume PDFs take 3-11 ms each in-process, so
//! isolation would add 15-40 %. With the budgets above, the 352 hostile files of the
//! evaluation corpus peak at 36 MB RSS and finish within 1 s each in-process, with no
//! crash. Recommendation: keep extraction in-process; add an opt-in child process (for
//! batch runs over untrusted uploads) only if fuzzing or a corpus ever shows an abort,
//! a stack overflow or an allocation that escapes the budgets.

mod cff;
mod cmap;
mod content;
mod encoding;
mod font;
mod layout;
mod metrics;
mod resolve;
mod tables;

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::sync::{Arc, Mutex};

use lopdf::{Document, LoadOptions};

use super::ExtractError;
use content::{Interpreter, Limits, Stop};
use font::FontCache;

/// Most pages read from one PDF.
pub const MAX_PAGES: usize = 2000;
/// Cap on decompressed stream bytes while loading (32 MiB).
pub const MAX_DECOMPRESSED: usize = 32 * 1024 * 1024;
/// Cap on decoded content (page streams and forms) of one page (16 MiB).
pub const MAX_CONTENT_BYTES: usize = 16 * 1024 * 1024;
/// Cap on text produced from one PDF, in bytes (8 MiB).
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;
/// Per-page budgets of the content interpreter.
pub(crate) const LIMITS: Limits = Limits {
    content_bytes: MAX_CONTENT_BYTES,
    operations: 4_000_000,
    glyphs: 1_000_000,
    forms: 5_000,
    form_depth: 16,
    text_bytes: MAX_TEXT_BYTES,
};

/// Extracts the text of every page, in page order, as lines (not yet normalised).
///
/// Errors: [`ExtractError::Unsupported`] without a `%PDF` header in the first 1,024 bytes, [`ExtractError::Encrypted`]
/// when a user password is needed (an owner password alone is no obstacle),
/// [`ExtractError::NoTextLayer`] when pages read cleanly but carry no text (a scan),
/// [`ExtractError::TooLarge`] past a budget, [`ExtractError::Damaged`] otherwise: the file
/// does not load, or it has no text and a page, content stream or font is broken (the
/// first such problem is the message).
pub fn extract_pages(bytes: &[u8]) -> Result<Vec<Vec<String>>, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(4).any(|w| w == b"%PDF") {
        return Err(ExtractError::Unsupported("no %PDF header".into()));
    }
    let result = quietly(|| std::panic::catch_unwind(AssertUnwindSafe(|| extract(bytes))));
    result.unwrap_or_else(|_| Err(ExtractError::Damaged("the PDF reader failed on it".into())))
}

fn extract(bytes: &[u8]) -> Result<Vec<Vec<String>>, ExtractError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options.clone()) {
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            // An object stream that inflates past the budget (a bomb) sinks the whole load;
            // try again without such streams: the page text is rarely inside them.
            let options = LoadOptions {
                filter: Some(drop_oversized_object_streams),
                ..options
            };
            Document::load_mem_with_options(bytes, options).map_err(load_error)?
        }
        result => result.map_err(load_error)?,
    };
    // lopdf decrypts with the empty user password on its own; a document still encrypted
    // after loading needs a password we do not have.
    if doc.trailer.has(b"Encrypt") {
        return Err(ExtractError::Encrypted);
    }
    let mut pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() {
        pages = loose_pages(&doc);
    }
    if pages.len() > MAX_PAGES {
        return Err(ExtractError::TooLarge(format!(
            "{} pages (limit {MAX_PAGES})",
            pages.len()
        )));
    }
    if pages.is_empty() {
        return Err(ExtractError::Damaged("no pages found".into()));
    }
    let mut fonts = FontCache::default();
    let mut out = Vec::with_capacity(pages.len());
    let mut produced = 0usize;
    let mut problems = Vec::new();
    if let Some(declared) = declared_page_count(&doc)
        && declared > pages.len()
    {
        problems.push(format!(
            "{} of {declared} pages missing",
            declared - pages.len()
        ));
    }
    for &page_id in &pages {
        let glyphs = Interpreter::new(&doc, bytes, &mut fonts, LIMITS)
            .run_page(page_id)
            .map_err(|Stop::TooLarge(why)| ExtractError::TooLarge(why))?;
        problems.extend(glyphs.problems.iter().take(4).cloned());
        let lines = layout::page_lines(&glyphs);
        produced += lines.iter().map(|l| l.len() + 1).sum::<usize>();
        if produced > MAX_TEXT_BYTES {
            return Err(ExtractError::TooLarge(format!(
                "over {} MiB of text",
                MAX_TEXT_BYTES >> 20
            )));
        }
        out.push(lines);
    }
    let has_text = out
        .iter()
        .flatten()
        .any(|l| l.chars().any(|c| !c.is_whitespace()));
    if !has_text {
        return Err(match problems.into_iter().next() {
            Some(problem) => ExtractError::Damaged(problem),
            None => ExtractError::NoTextLayer,
        });
    }
    Ok(out)
}

/// The page count the page tree declares (`/Count` of the catalog's `/Pages`), if any.
fn declared_page_count(doc: &Document) -> Option<usize> {
    let pages = resolve::dict(doc, doc.catalog().ok()?.get(b"Pages").ok())?;
    let count = resolve::number(doc, pages.get(b"Count").ok())?;
    (count >= 1.0 && count.is_finite()).then_some(count as usize)
}

/// Load filter: drops object streams that inflate past [`MAX_DECOMPRESSED`].
fn drop_oversized_object_streams(
    id: lopdf::ObjectId,
    object: &mut lopdf::Object,
) -> Option<(lopdf::ObjectId, lopdf::Object)> {
    if let lopdf::Object::Stream(stream) = object
        && stream.dict.has_type(b"ObjStm")
        && stream
            .decompressed_content_with_limit(MAX_DECOMPRESSED)
            .is_err()
    {
        return None;
    }
    Some((id, object.clone()))
}

/// Page objects found by scanning, in object order, for a document whose page tree leads
/// nowhere (a `/Kids` cycle, a missing `/Pages`).
fn loose_pages(doc: &Document) -> Vec<lopdf::ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(|d| d.has_type(b"Page")))
        .map(|(id, _)| *id)
        .take(MAX_PAGES + 1)
        .collect()
}

fn load_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ExtractError::Encrypted,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ExtractError::TooLarge(format!(
                "a stream inflates past {} MiB",
                MAX_DECOMPRESSED >> 20
            ))
        }
        e => ExtractError::Damaged(e.to_string()),
    }
}

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Threads inside [`quietly`], and the panic hook that was in place before the first.
static QUIET: Mutex<(usize, Option<Arc<Hook>>)> = Mutex::new((0, None));

thread_local! {
    /// This thread is inside [`quietly`].
    static QUIET_HERE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with panic messages from this thread silenced (a caught panic in a hostile file
/// is an error result, not noise on stderr). Panics on other threads still reach the
/// previous hook, which is put back when the last caller leaves.
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    {
        let mut quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
        if quiet.0 == 0 {
            let previous: Arc<Hook> = Arc::new(std::panic::take_hook());
            let inner = previous.clone();
            std::panic::set_hook(Box::new(move |info| {
                if !QUIET_HERE.with(Cell::get) {
                    inner(info);
                }
            }));
            quiet.1 = Some(previous);
        }
        quiet.0 += 1;
    }
    let was_quiet = QUIET_HERE.with(|q| q.replace(true));
    let result = f();
    QUIET_HERE.with(|q| q.set(was_quiet));
    let mut quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
    quiet.0 -= 1;
    if quiet.0 == 0
        && let Some(previous) = quiet.1.take()
    {
        // Dropping our hook drops its handle on the previous one, which can then go back.
        drop(std::panic::take_hook());
        match Arc::try_unwrap(previous) {
            Ok(hook) => std::panic::set_hook(hook),
            Err(shared) => std::panic::set_hook(Box::new(move |info| shared(info))),
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/fixtures/pdf/{name}.pdf", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    }

    fn pages(name: &str) -> Vec<Vec<String>> {
        extract_pages(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// A one-page PDF around `content`, with Helvetica as /F1 (xref offsets computed).
    fn pdf_with_content(content: &str) -> Vec<u8> {
        pdf_with_objects(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> >>",
            &format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len() + 1
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
    }

    /// A stream object with these extra dictionary entries around `data`.
    fn stream(entries: &str, data: &str) -> String {
        format!(
            "<< /Length {} {entries} >>\nstream\n{data}\nendstream",
            data.len()
        )
    }

    /// A PDF of these objects (numbered from 1; the first is the catalog), xref computed.
    fn pdf_with_objects(objects: &[&str]) -> Vec<u8> {
        let mut out = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
        }
        let xref = out.len();
        out.push_str(&format!(
            "xref\n0 {}\n0000000000 65535 f \n",
            objects.len() + 1
        ));
        for o in offsets {
            out.push_str(&format!("{o:010} 00000 n \n"));
        }
        out.push_str(&format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        ));
        out.into_bytes()
    }

    #[test]
    fn fixtures_give_their_text() {
        let cases: &[(&str, &[&[&str]])] = &[
            (
                "type3-tounicode",
                &[&["Senior Rust Engineer", "Kubernetes Docker"]],
            ),
            (
                "form-xobject",
                &[&[
                    "Page heading",
                    "Text inside a form",
                    "Nested form text",
                    "Cycle text",
                ]],
            ),
            (
                "td-words",
                &[&["Machine Learning Engineer", "Data Engineering TensorFlow"]],
            ),
            (
                "bt-lines",
                &[&[
                    "First line",
                    "Second line",
                    "Third line",
                    "Fourth line",
                    "Fifth line",
                ]],
            ),
            (
                "two-columns",
                &[&[
                    "Jane Doe - Backend Engineer",
                    "SKILLS",
                    "Rust",
                    "Python",
                    "PostgreSQL",
                    "Kubernetes",
                    "Terraform",
                    "EDUCATION",
                    "BSc Computer Science",
                    "University of Leeds",
                    "LANGUAGES",
                    "English",
                    "German",
                    "EXPERIENCE",
                    "Backend Engineer at Acme",
                    "Built payment services in Rust",
                    "Ran PostgreSQL clusters on AWS",
                    "Platform Engineer at Initech",
                    "Moved builds to GitHub Actions",
                    "Wrote Terraform modules",
                    "PROJECTS",
                    "skillgap: resume analyser",
                    "A CLI that reads PDF files",
                    "Open source since 2021",
                    "Used by two teams",
                ]],
            ),
            (
                "rotated",
                &[
                    &["Rotated line one", "Rotated line two"],
                    &["Landscape line one", "Landscape line two"],
                ],
            ),
            (
                "ligatures",
                &[&["Certified efficient workflow", "Profile flow effort"]],
            ),
            (
                "letter-spaced",
                &[&["SENIOR ENGINEER", "SKILLS", "Languages: C R Go"]],
            ),
            ("cid-identity", &[&["Go gRPC K8s \u{1F680}"]]),
            // No ToUnicode: the names in the embedded CFF charset give the text.
            (
                "cid-cff-no-tounicode",
                &[&["Python Kubernetes", "proficient"]],
            ),
            (
                "encrypted-empty-user",
                &[&["Encrypted resume", "Rust and SQL"]],
            ),
        ];
        for (name, want) in cases {
            assert_eq!(&pages(name), want, "{name}");
        }
    }

    #[test]
    fn fixtures_give_their_error() {
        let cases = [
            ("encrypted-user", "encrypted"),
            ("image-only", "no-text-layer"),
            ("truncated", "damaged"),
        ];
        for (name, kind) in cases {
            match extract_pages(&fixture(name)) {
                Err(e) => assert_eq!(e.kind(), kind, "{name}: {e}"),
                Ok(p) => panic!("{name}: expected {kind}, got {p:?}"),
            }
        }
    }

    #[test]
    fn rejects_what_is_not_a_pdf() {
        for bytes in [&b""[..], b"hello, world", b"PK\x03\x04 not a pdf"] {
            let e = extract_pages(bytes).unwrap_err();
            assert_eq!(e.kind(), "unsupported");
        }
        let e = extract_pages(b"%PDF-1.7\n garbage garbage").unwrap_err();
        assert_eq!(e.kind(), "damaged", "{e}");
    }

    #[test]
    fn content_edge_cases() {
        let cases = [
            // Unbalanced Q, q past the stack cap, operators outside BT.
            (
                format!("Q Q {} BT /F1 12 Tf 72 700 Td (Still read) Tj ET", "q ".repeat(2000)),
                vec!["Still read"],
            ),
            // A string shown with no font set falls back to WinAnsi.
            ("BT 72 700 Td (No font) Tj ET".to_owned(), vec!["No font"]),
            // A font name that is not in the resources.
            ("BT /F9 12 Tf 72 700 Td (Missing font) Tj ET".to_owned(), vec!["Missing font"]),
            // Garbage operators and operands are ignored; a broken stream keeps what it read.
            (
                "BT /F1 12 Tf 72 700 Td 1 2 3 4 Tm () Tj (Kept) Tj ET xyz 1 0 ] [ (".to_owned(),
                vec!["Kept"],
            ),
            // Superscript joins its line; a word split by kerning stays whole.
            (
                "BT /F1 12 Tf 72 700 Td (x) Tj /F1 8 Tf 4.5 Ts (2) Tj /F1 12 Tf 0 Ts [( + A) 20 (BC)] TJ ET".to_owned(),
                vec!["x2 + ABC"],
            ),
            // Text drawn twice at the same place (fake bold) is read once.
            (
                "BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET".to_owned(),
                vec!["Bold"],
            ),
        ];
        for (content, want) in cases {
            let got = extract_pages(&pdf_with_content(&content));
            assert_eq!(
                got.ok(),
                Some(vec![want.iter().map(|s| s.to_string()).collect()]),
                "{content:.60}"
            );
        }
    }

    /// The error kind and message of extracting `bytes` as a whole document.
    fn verdict(bytes: &[u8]) -> (&'static str, String) {
        match crate::extract::extract(bytes) {
            Err(e) => (e.kind(), e.to_string()),
            Ok(doc) => panic!("expected an error, got {doc:?}"),
        }
    }

    #[test]
    fn broken_structure_is_damaged_not_a_missing_text_layer() {
        let damaged = |why: &str| ("damaged", format!("the file is damaged: {why}"));
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
                    /Resources << /Font << /F1 5 0 R >> >> >>";
        let helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
        let blank = &stream("", "0 0 1 rg 10 10 50 50 re f");
        let cases: Vec<(Vec<u8>, _)> = vec![
            // A content stream cut inside a string, one that turns to garbage, one cut
            // inside its text object.
            (
                pdf_with_content("BT /F1 12 Tf 72 700 Td (Cut off in the mid"),
                damaged("a content stream breaks off in unreadable bytes"),
            ),
            (
                pdf_with_content("q 1 0 0 1 0 0 cm } } ) BT /F1 12 Tf (Never read) Tj ET"),
                damaged("a content stream breaks off in unreadable bytes"),
            ),
            (
                pdf_with_content("BT /F1 12 Tf 72 700 Td"),
                damaged("a content stream ends inside a text object (cut short?)"),
            ),
            // Flate data that does not inflate.
            (
                pdf_with_objects(&[
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    page,
                    &stream("/Filter /FlateDecode", "not zlib data"),
                    helvetica,
                ]),
                damaged("page content: its FlateDecode data does not decode"),
            ),
            // A page the tree lists but that is not in the file; pages the count promises.
            (
                pdf_with_objects(&[
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
                    page,
                    blank,
                    helvetica,
                ]),
                damaged("page object 9 0 R is missing or unreadable"),
            ),
            (
                pdf_with_objects(&[
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 3 >>",
                    page,
                    blank,
                    helvetica,
                ]),
                damaged("2 of 3 pages missing"),
            ),
            // Text in a font that is not in the file.
            (
                pdf_with_objects(&[
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    page,
                    &stream("", "BT /F1 12 Tf 72 700 Td <0001> Tj ET"),
                ]),
                damaged("a font object is missing"),
            ),
        ];
        for (i, (bytes, want)) in cases.into_iter().enumerate() {
            let (kind, message) = verdict(&bytes);
            assert_eq!(
                (kind, message.as_str()),
                (want.0, want.1.as_str()),
                "case {i}"
            );
        }
    }

    #[test]
    fn a_generated_resume_damaged_at_random_is_damaged() {
        let path = format!(
            "{}/fixtures/resumes/backend-developer.pdf",
            env!("CARGO_MANIFEST_DIR")
        );
        let good = std::fs::read(path).unwrap();
        let find = |needle: &[u8]| good.windows(needle.len()).position(|w| w == needle);
        // Garbage over the start of the content stream (same length: offsets hold).
        let mut garbled = good.clone();
        let at = find(b"/F1 11 Tf").unwrap();
        for (i, b) in garbled[at..at + 40].iter_mut().enumerate() {
            *b = 0x80 | (i as u8).wrapping_mul(37);
        }
        assert_eq!(
            verdict(&garbled),
            (
                "damaged",
                "the file is damaged: a content stream breaks off in unreadable bytes".into()
            )
        );
        // A page dictionary whose closing brackets were hit.
        let mut page = good.clone();
        let at = find(b">>>>>>").unwrap();
        page[at + 4] = b'6';
        let (kind, message) = verdict(&page);
        assert_eq!(kind, "damaged", "{message}");
        assert!(message.contains("is missing or unreadable"), "{message}");
    }

    #[test]
    fn glyphs_that_do_not_decode_are_unreadable() {
        // Identity-H with no ToUnicode and no font program: the text is unknowable.
        let bytes = pdf_with_objects(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> >>",
            &stream("", "BT /F1 12 Tf 72 700 Td <000100020003> Tj ET"),
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H \
             /DescendantFonts [6 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        ]);
        assert_eq!(verdict(&bytes).0, "unreadable");
    }

    #[test]
    fn blank_page_is_no_text_layer() {
        let e = extract_pages(&pdf_with_content("0 0 1 rg 10 10 100 100 re f")).unwrap_err();
        assert_eq!(e.kind(), "no-text-layer");
    }

    #[test]
    fn quiet_panics_restore_the_hook() {
        let caught = quietly(|| std::panic::catch_unwind(|| panic!("boom")));
        assert!(caught.is_err());
        assert!(!QUIET_HERE.with(Cell::get));
    }
}
