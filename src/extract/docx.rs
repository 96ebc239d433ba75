//! DOCX -> text lines. (Placeholder: to be implemented with zip + quick-xml.)

use super::{Document, ExtractError};

/// Extracts the text of a DOCX file.
pub fn extract_docx(_bytes: &[u8]) -> Result<Document, ExtractError> {
    Err(ExtractError::Unsupported(
        "DOCX is not supported yet".into(),
    ))
}
