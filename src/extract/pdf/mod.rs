//! PDF -> text lines per page, on lopdf. (First version: lopdf's own text extraction with
//! load limits; to be replaced by our own text layer.)

pub mod encoding;
pub mod metrics;
mod tables;

use lopdf::{Document, LoadOptions};

use super::ExtractError;

/// Most pages read from one PDF.
pub const MAX_PAGES: usize = 2000;
/// Cap on decompressed stream bytes while loading (32 MiB).
pub const MAX_DECOMPRESSED: usize = 32 * 1024 * 1024;
/// Cap on text produced from one PDF, in bytes (8 MiB).
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// Extracts the text of every page, in page order, as lines (not yet normalised).
pub fn extract_pages(bytes: &[u8]) -> Result<Vec<Vec<String>>, ExtractError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options)
        .map_err(|e| ExtractError::Damaged(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(ExtractError::TooLarge(format!(
            "{} pages (limit {MAX_PAGES})",
            pages.len()
        )));
    }
    let mut out = Vec::with_capacity(pages.len());
    let mut produced = 0usize;
    for (&number, _) in pages.iter() {
        let text = doc.extract_text(&[number]).unwrap_or_default();
        produced += text.len();
        if produced > MAX_TEXT_BYTES {
            return Err(ExtractError::TooLarge(format!(
                "over {} MiB of text",
                MAX_TEXT_BYTES >> 20
            )));
        }
        out.push(text.lines().map(str::to_string).collect());
    }
    Ok(out)
}
