//! JSON Resume (jsonresume.org schema) -> text lines. (Placeholder.)

use super::{Document, ExtractError};

/// True when `bytes` parse as a JSON object with JSON Resume top-level keys.
pub fn looks_like(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| {
            v.as_object()
                .map(|o| o.contains_key("basics") || o.contains_key("work"))
        })
        .unwrap_or(false)
}

/// Extracts the text of a JSON Resume document.
pub fn extract(bytes: &[u8]) -> Result<Document, ExtractError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ExtractError::Unsupported("invalid UTF-8".into()))?;
    Ok(Document::from_text(text))
}
