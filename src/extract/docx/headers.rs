//! Page headers and footers: the parts `word/headerN.xml` and `word/footerN.xml`, read
//! in number order, each distinct one once.

use std::collections::HashSet;

use super::archive::Package;
use super::part_lines;
use crate::extract::ExtractError;

/// Most header and footer parts read, each.
pub(super) const MAX_HEADER_FOOTER_PARTS: usize = 64;

/// The lines of the parts `{prefix}N.xml` in number order (at most
/// [`MAX_HEADER_FOOTER_PARTS`]), skipping empty parts and parts whose lines equal an
/// earlier one's (first-page, even-page and default headers often repeat).
pub(super) fn distinct_part_lines(
    package: &mut Package<'_>,
    prefix: &str,
) -> Result<Vec<String>, ExtractError> {
    let names = numbered_parts(package.names(), prefix);
    let mut out = Vec::new();
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    for name in names.iter().take(MAX_HEADER_FOOTER_PARTS) {
        let lines = trim_blank_ends(part_lines(package, name)?);
        if !lines.is_empty() && seen.insert(lines.clone()) {
            out.extend(lines);
        }
    }
    Ok(out)
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
mod tests {
    use super::super::extract_docx;
    use super::super::testing::{texts, zip_parts};
    use super::super::walk::NS_W;

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
}
