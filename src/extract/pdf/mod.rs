//! PDF -> text lines per page: our own text layer on lopdf's object model.
//!
//! lopdf reads the file (objects, streams, decryption with the empty password); everything
//! about text is ours: [`font`] and [`cmap`] turn string bytes into text and widths
//! (`/ToUnicode` first, then encodings and glyph names), [`content`] runs the content
//! streams (and the Form XObjects they draw) to place every glyph, [`layout`] turns the
//! glyphs into lines in reading order (word gaps, columns, rotation, letter spacing).
//!
//! # Hostile files
//! Every input gives text or an [`ExtractError`], bounded in time and memory: streams are
//! decoded against budgets ([`MAX_DECOMPRESSED`] while loading, [`MAX_CONTENT_BYTES`] of
//! content per page), operators, glyphs, forms and output are counted ([`LIMITS`],
//! [`MAX_TEXT_BYTES`]), nothing recurses without a depth cap, and a panic inside lopdf or
//! here is caught and reported as [`ExtractError::Damaged`].
//!
//! A child process with `RLIMIT_AS` would also bound what these budgets miss (a bug in lopdf's
//! loader allocating without limit). Measured on this machine (release build, 2 cores), the
//! re-exec of our own binary costs about 1 ms per file on top of the extraction, which is
//! cheap; but with the budgets above, the 352 hostile files of the evaluation corpus peak
//! below 100 MB in-process, so we do not isolate by default. See `fixtures/pdf/README.md`
//! for the figures.

pub mod cmap;
pub mod content;
pub mod encoding;
pub mod font;
pub mod layout;
pub mod metrics;
mod resolve;
mod tables;

use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::sync::Mutex;

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
pub const LIMITS: Limits = Limits {
    content_bytes: MAX_CONTENT_BYTES,
    operations: 4_000_000,
    glyphs: 1_000_000,
    forms: 5_000,
    form_depth: 16,
};

/// Extracts the text of every page, in page order, as lines (not yet normalised).
///
/// Errors: [`ExtractError::Unsupported`] without a `%PDF-` header, [`ExtractError::Encrypted`]
/// when a user password is needed (an owner password alone is no obstacle),
/// [`ExtractError::NoTextLayer`] when readable pages carry no text (a scan),
/// [`ExtractError::TooLarge`] past a budget, [`ExtractError::Damaged`] otherwise.
pub fn extract_pages(bytes: &[u8]) -> Result<Vec<Vec<String>>, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ExtractError::Unsupported("no %PDF- header".into()));
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

/// Threads inside [`quietly`] and the panic hook they replaced.
static QUIET: Mutex<(usize, Option<Hook>)> = Mutex::new((0, None));

/// Runs `f` with panic messages silenced (a caught panic in a hostile file is an error
/// result, not noise on stderr); the previous hook is back when the last caller leaves.
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    {
        let mut quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
        if quiet.0 == 0 {
            quiet.1 = Some(std::panic::take_hook());
            std::panic::set_hook(Box::new(|_| {}));
        }
        quiet.0 += 1;
    }
    let result = f();
    let mut quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
    quiet.0 -= 1;
    if quiet.0 == 0
        && let Some(hook) = quiet.1.take()
    {
        std::panic::set_hook(hook);
    }
    result
}
