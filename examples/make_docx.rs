//! Writes a minimal, valid DOCX from a text file, byte for byte the same on every run (fixed
//! timestamps, fixed part order), for the fixtures in `fixtures/docx/`.
//!
//! ```text
//! cargo run --example make_docx -- fixtures/docx/backend-developer.txt fixtures/docx/backend-developer.docx
//! ```
//!
//! The text format, one paragraph per line:
//! - `# Title` is a Heading 1 paragraph;
//! - `TABLE: a | b | c` is a table row; consecutive `TABLE:` lines make one table;
//! - `TEXTBOX: text` is a paragraph anchoring a text box that holds `text`, written the way
//!   Word writes it: a DrawingML shape with a VML fallback copy of the same text box;
//! - `HEADER: text` and `FOOTER: text` are paragraphs of the page header and footer;
//! - a tab character is a Word tab; an empty line is an empty paragraph;
//! - any other line is a plain paragraph.
//!
//! The extractor's unit tests include this file (`src/extract/docx/testing.rs`), check
//! that the committed fixture equals what it writes, and use [`zip_parts`] for hostile
//! packages.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml""#,
);

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const STYLES: &str = concat!(
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>"#,
    r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>"#,
    r#"</w:styles>"#,
);

/// Column width of generated tables, in twentieths of a point (2 inches).
const COLUMN_TWIPS: u32 = 2880;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: make_docx INPUT.txt OUTPUT.docx");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).unwrap_or_else(|e| {
        eprintln!("error: reading `{input}`: {e}");
        std::process::exit(2);
    });
    if let Err(e) = std::fs::write(output, build(&text)) {
        eprintln!("error: writing `{output}`: {e}");
        std::process::exit(2);
    }
}

/// The DOCX for `text` (format in the module docs).
pub(crate) fn build(text: &str) -> Vec<u8> {
    let mut body = String::new();
    let mut header = String::new();
    let mut footer = String::new();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut boxes = 0;
    for line in text.lines() {
        if let Some(row) = line.strip_prefix("TABLE:") {
            rows.push(row.split('|').map(str::trim).collect());
            continue;
        }
        if !rows.is_empty() {
            body.push_str(&table(&std::mem::take(&mut rows)));
        }
        if let Some(rest) = line.strip_prefix("HEADER:") {
            header.push_str(&paragraph(rest.trim(), None));
        } else if let Some(rest) = line.strip_prefix("FOOTER:") {
            footer.push_str(&paragraph(rest.trim(), None));
        } else if let Some(rest) = line.strip_prefix("TEXTBOX:") {
            boxes += 1;
            body.push_str(&text_box(rest.trim(), boxes));
        } else if let Some(rest) = line.strip_prefix("# ") {
            body.push_str(&paragraph(rest.trim(), Some("Heading1")));
        } else {
            body.push_str(&paragraph(line, None));
        }
    }
    if !rows.is_empty() {
        body.push_str(&table(&rows));
        // Word wants a paragraph between a table and the end of the body.
        body.push_str(&paragraph("", None));
    }

    let mut relationships = vec![(
        "rId1",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "styles.xml",
    )];
    let mut overrides = vec![
        ("/word/document.xml", "document.main"),
        ("/word/styles.xml", "styles"),
    ];
    let mut section = String::new();
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !header.is_empty() {
        relationships.push((
            "rId2",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
            "header1.xml",
        ));
        overrides.push(("/word/header1.xml", "header"));
        section.push_str(r#"<w:headerReference w:type="default" r:id="rId2"/>"#);
        parts.push((
            "word/header1.xml",
            format!("{XML_DECL}<w:hdr {NAMESPACES}>{header}</w:hdr>"),
        ));
    }
    if !footer.is_empty() {
        relationships.push((
            "rId3",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
            "footer1.xml",
        ));
        overrides.push(("/word/footer1.xml", "footer"));
        section.push_str(r#"<w:footerReference w:type="default" r:id="rId3"/>"#);
        parts.push((
            "word/footer1.xml",
            format!("{XML_DECL}<w:ftr {NAMESPACES}>{footer}</w:ftr>"),
        ));
    }
    section.push_str(concat!(
        r#"<w:pgSz w:w="12240" w:h="15840"/>"#,
        r#"<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" "#,
        r#"w:header="720" w:footer="720" w:gutter="0"/>"#,
    ));

    let mut content_types = String::from(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    ));
    for (part, kind) in &overrides {
        content_types.push_str(&format!(
            r#"<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>"#
        ));
    }
    content_types.push_str("</Types>");

    let mut document_rels = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in &relationships {
        document_rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        ));
    }
    document_rels.push_str("</Relationships>");

    let package_rels = concat!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rId1" "#,
        r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#,
        r#"Target="word/document.xml"/></Relationships>"#,
    );
    let document = format!(
        "{XML_DECL}<w:document {NAMESPACES}><w:body>{body}<w:sectPr>{section}</w:sectPr></w:body></w:document>"
    );

    let mut all: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", format!("{XML_DECL}{content_types}")),
        ("_rels/.rels", format!("{XML_DECL}{package_rels}")),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            format!("{XML_DECL}{document_rels}"),
        ),
        ("word/styles.xml", format!("{XML_DECL}{STYLES}")),
    ];
    all.extend(parts);
    let borrowed: Vec<(&str, &str)> = all.iter().map(|(n, c)| (*n, c.as_str())).collect();
    zip_parts(&borrowed)
}

/// A deterministic ZIP of `parts` (name, content), deflated, in the given order.
pub(crate) fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
    let time = DateTime::from_date_and_time(2024, 1, 1, 0, 0, 0).expect("a valid fixed date");
    let options = SimpleFileOptions::DEFAULT
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, options).expect("start a ZIP entry");
        zip.write_all(content.as_bytes()).expect("write to memory");
    }
    zip.finish().expect("finish the ZIP").into_inner()
}

/// Escapes text for XML content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The runs for `text`: a tab character becomes `w:tab`.
fn runs(text: &str) -> String {
    let mut out = String::new();
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:tab/></w:r>");
        }
        if !piece.is_empty() {
            out.push_str(&format!(
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(piece)
            ));
        }
    }
    out
}

fn paragraph(text: &str, style: Option<&str>) -> String {
    let properties = style
        .map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#))
        .unwrap_or_default();
    format!("<w:p>{properties}{}</w:p>", runs(text))
}

fn table(rows: &[Vec<&str>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    let border =
        |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| border(side))
        .collect();
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>"#
    );
    for _ in 0..columns {
        out.push_str(&format!(r#"<w:gridCol w:w="{COLUMN_TWIPS}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    for row in rows {
        out.push_str("<w:tr>");
        for i in 0..columns {
            let cell = row.get(i).copied().unwrap_or("");
            out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{COLUMN_TWIPS}" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
                paragraph(cell, None)
            ));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// A paragraph anchoring an inline text box (4 x 0.5 inches) that holds `text`, with the
/// VML fallback copy Word writes for older readers.
fn text_box(text: &str, id: u32) -> String {
    let content = format!("<w:txbxContent>{}</w:txbxContent>", paragraph(text, None));
    format!(
        concat!(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>"#,
            r#"<wp:inline distT="0" distB="0" distL="0" distR="0">"#,
            r#"<wp:extent cx="3657600" cy="457200"/><wp:docPr id="{id}" name="Text Box {id}"/>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
            r#"<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>"#,
            r#"<a:ext cx="3657600" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#,
            r#"</wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"#,
            r#"</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"#,
            r##"<mc:Fallback><w:pict><v:shape id="Text Box {id}" type="#_x0000_t202" "##,
            r#"style="width:288pt;height:36pt"><v:textbox>{content}</v:textbox></v:shape></w:pict>"#,
            r#"</mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        ),
        id = id,
        content = content,
    )
}
