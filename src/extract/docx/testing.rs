//! Helpers shared by the tests of the DOCX reader: the committed fixture and packages
//! built in memory by the fixture generator.

use super::super::Document;
use super::extract_docx;
use super::walk::{NS_MC, NS_W};

#[allow(dead_code)]
#[path = "../../../examples/make_docx.rs"]
mod make_docx;

pub(super) use make_docx::{build, zip_parts};

pub(super) const FIXTURE_TXT: &str = include_str!("../../../fixtures/docx/backend-developer.txt");
pub(super) const FIXTURE_DOCX: &[u8] =
    include_bytes!("../../../fixtures/docx/backend-developer.docx");

pub(super) fn texts(doc: &Document) -> Vec<&str> {
    doc.lines.iter().map(|l| l.text.as_str()).collect()
}

/// A package holding only `word/document.xml` with `body` inside `w:body`.
pub(super) fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="{NS_W}" xmlns:mc="{NS_MC}"><w:body>{body}</w:body></w:document>"#
    );
    zip_parts(&[("word/document.xml", &xml)])
}

pub(super) fn lines_of_body(body: &str) -> Vec<String> {
    let doc = extract_docx(&docx_with_body(body)).expect("extracts");
    doc.lines.into_iter().map(|l| l.text).collect()
}
