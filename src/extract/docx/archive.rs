//! The ZIP side of a DOCX: opening the package, reading its XML parts within hard limits,
//! decoding them to text, and saying what is wrong with a file that is not a readable DOCX.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::extract::ExtractError;

/// Largest uncompressed XML part read, in bytes (32 MiB).
pub(super) const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// Largest total of uncompressed XML read from one file, in bytes (64 MiB).
pub(super) const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Most ZIP entries accepted; a real DOCX has tens, a few hundred with many images.
pub(super) const MAX_ENTRIES: usize = 10_000;

/// The main document part; a ZIP without it is not a DOCX.
pub(super) const MAIN_PART: &str = "word/document.xml";

/// Resource limits for one extraction; [`Limits::DEFAULT`] in production, small ones in
/// tests.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Largest uncompressed part, in bytes.
    pub(super) part_bytes: u64,
    /// Largest total of uncompressed parts, in bytes.
    pub(super) total_bytes: u64,
    /// Most ZIP entries.
    pub(super) entries: usize,
}

impl Limits {
    pub(super) const DEFAULT: Limits = Limits {
        part_bytes: MAX_PART_BYTES,
        total_bytes: MAX_TOTAL_BYTES,
        entries: MAX_ENTRIES,
    };
}

/// An open DOCX package: the ZIP, the names of its entries, and the bytes still allowed
/// to be unpacked from it.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    limits: Limits,
    budget: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a ZIP holding [`MAIN_PART`].
    ///
    /// Errors: [`ExtractError::Damaged`] for a corrupt ZIP, [`ExtractError::TooLarge`] for
    /// more than `limits.entries` entries, [`ExtractError::Unsupported`] for a ZIP this
    /// reader cannot unpack or one that is not a DOCX.
    pub(super) fn open(bytes: &'a [u8], limits: Limits) -> Result<Package<'a>, ExtractError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
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
        Ok(Package {
            zip,
            names,
            limits,
            budget: limits.total_bytes,
        })
    }

    /// The names of the entries, in ZIP order.
    pub(super) fn names(&self) -> &[String] {
        &self.names
    }

    /// Reads part `name` (at most `limits.part_bytes` and what is left of the total) as
    /// text.
    ///
    /// Errors: [`ExtractError::TooLarge`] over a limit, [`ExtractError::Unsupported`] for
    /// an encrypted entry or an unknown compression, [`ExtractError::Damaged`] for corrupt
    /// data or text that is neither UTF-8 nor UTF-16.
    pub(super) fn read_xml(&mut self, name: &str) -> Result<String, ExtractError> {
        let limit = self.limits.part_bytes.min(self.budget);
        let too_large = |size: &dyn std::fmt::Display| {
            ExtractError::TooLarge(format!(
                "{name} unpacks to {size} bytes (limit {} for this part)",
                human_size(limit)
            ))
        };
        let mut file = self.zip.by_name(name).map_err(zip_error)?;
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
        self.budget -= bytes.len() as u64;
        decode_xml_bytes(bytes).map_err(|why| ExtractError::Damaged(format!("{name}: {why}")))
    }
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
    // A trailing odd byte of a UTF-16 part is left out, as a reader of 16-bit units does.
    let whole_units = &bytes[..bytes.len() - bytes.len() % 2];
    if let Some(text) = crate::extract::decode_bom_utf16(whole_units) {
        return text.map_err(|_| "invalid UTF-16".to_owned());
    }
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to() + 3)),
        _ => String::from_utf8(bytes)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{FIXTURE_DOCX, docx_with_body, texts, zip_parts};
    use super::super::walk::NS_W;
    use super::super::{extract_docx, extract_with};
    use super::*;

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
                assert!(why.starts_with("word/document.xml unpacks to "), "{why}");
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
}
