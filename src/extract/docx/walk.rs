//! Walking the XML of one WordprocessingML part (the body, a header or a footer) into
//! lines: paragraphs, breaks and tabs, text boxes after their anchor, table rows through
//! [`table`](super::table), and the content to skip (deleted text, field codes, the
//! fallback copy of a text box).

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::table::{Cell, render_row};

/// WordprocessingML, transitional (the usual one) and strict.
pub(super) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility: `mc:AlternateContent`, `mc:Choice`, `mc:Fallback`.
pub(super) const NS_MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What an element means to the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Table,
    Row,
    Cell,
    TextBox,
    Text,
    Space,
    Break,
    Hyphen,
    /// Content to skip whole: deleted text, field codes, properties, a fallback copy.
    Skip,
    Other,
}

fn classify(ns: &ResolveResult<'_>, local: &str) -> Tag {
    let ns = match ns {
        ResolveResult::Bound(ns) => ns.0,
        _ => return Tag::Other,
    };
    if ns == NS_MC {
        return if local == "Fallback" {
            Tag::Skip
        } else {
            Tag::Other
        };
    }
    if ns != NS_W && ns != NS_W_STRICT {
        return Tag::Other;
    }
    match local {
        "p" => Tag::Paragraph,
        "tbl" => Tag::Table,
        "tr" => Tag::Row,
        "tc" => Tag::Cell,
        "txbxContent" => Tag::TextBox,
        "t" => Tag::Text,
        "tab" | "ptab" => Tag::Space,
        "br" | "cr" => Tag::Break,
        "noBreakHyphen" => Tag::Hyphen,
        "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "sym" | "pPr" | "rPr"
        | "sectPr" | "sdtPr" | "sdtEndPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "tblPrEx" => {
            Tag::Skip
        }
        _ => Tag::Other,
    }
}

/// An open paragraph: the lines ended by breaks, the line being built, and the lines of
/// the text boxes it anchors.
#[derive(Debug, Default)]
struct Para {
    done: Vec<String>,
    current: String,
    boxed: Vec<String>,
}

/// The containers open at a point of the XML, innermost last.
#[derive(Debug)]
enum Frame {
    Para(Para),
    TextBox(Vec<String>),
    Table(Vec<String>),
    Row(Vec<Cell>),
    Cell(Cell),
}

#[derive(Debug, Default)]
struct Walker {
    out: Vec<String>,
    frames: Vec<Frame>,
    /// Inside a `w:t`: its text so far and whether `xml:space="preserve"` is set.
    text: Option<(String, bool)>,
}

impl Walker {
    fn start(&mut self, tag: Tag, element: &BytesStart<'_>) {
        match tag {
            Tag::Paragraph => self.frames.push(Frame::Para(Para::default())),
            Tag::Table => self.frames.push(Frame::Table(Vec::new())),
            Tag::Row => self.frames.push(Frame::Row(Vec::new())),
            Tag::Cell => self.frames.push(Frame::Cell(Cell::default())),
            Tag::TextBox => self.frames.push(Frame::TextBox(Vec::new())),
            Tag::Text => {
                let preserve = element
                    .try_get_attribute("xml:space")
                    .ok()
                    .flatten()
                    .is_some_and(|a| a.value.trim() == "preserve");
                self.text = Some((String::new(), preserve));
            }
            Tag::Space | Tag::Break | Tag::Hyphen => self.empty(tag),
            Tag::Skip | Tag::Other => {}
        }
    }

    fn empty(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.deliver(vec![String::new()], false),
            Tag::Cell => self.deliver_cell(Cell::default()),
            Tag::Space => self.push_str(" "),
            Tag::Hyphen => self.push_str("-"),
            Tag::Break => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    let line = std::mem::take(&mut p.current);
                    p.done.push(line);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Text => {
                if let Some((text, preserve)) = self.text.take() {
                    // Without xml:space="preserve", Word ignores the ends' white space.
                    self.push_str(if preserve { &text } else { text.trim() });
                }
            }
            Tag::Paragraph => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    let mut lines = p.done;
                    if !p.current.trim().is_empty() || (lines.is_empty() && p.boxed.is_empty()) {
                        lines.push(p.current);
                    }
                    lines.extend(p.boxed);
                    self.deliver(lines, false);
                }
            }
            Tag::TextBox | Tag::Table => {
                if let Some(Frame::TextBox(lines) | Frame::Table(lines)) = self.frames.pop() {
                    self.deliver(lines, tag == Tag::Table);
                }
            }
            Tag::Row => {
                if let Some(Frame::Row(cells)) = self.frames.pop() {
                    self.deliver(render_row(cells), false);
                }
            }
            Tag::Cell => {
                if let Some(Frame::Cell(cell)) = self.frames.pop() {
                    self.deliver_cell(cell);
                }
            }
            _ => {}
        }
    }

    /// Text for the open `w:t`, or straight into the paragraph (tabs, breaks).
    fn push_str(&mut self, s: &str) {
        if let Some((text, _)) = &mut self.text {
            text.push_str(s);
        } else if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.current.push_str(s);
        }
    }

    /// Hands finished lines to the innermost open container.
    fn deliver(&mut self, lines: Vec<String>, from_table: bool) {
        match self.frames.last_mut() {
            None => self.out.extend(lines),
            Some(Frame::Para(p)) => p.boxed.extend(lines),
            Some(Frame::TextBox(v) | Frame::Table(v)) => v.extend(lines),
            Some(Frame::Row(cells)) => cells.push(Cell {
                lines,
                has_table: from_table,
            }),
            Some(Frame::Cell(cell)) => {
                cell.lines.extend(lines);
                cell.has_table |= from_table;
            }
        }
    }

    fn deliver_cell(&mut self, cell: Cell) {
        match self.frames.last_mut() {
            Some(Frame::Row(cells)) => cells.push(cell),
            _ => self.deliver(cell.lines, cell.has_table),
        }
    }
}

/// The lines of one WordprocessingML part; the error is a reason for `Damaged` (bad XML,
/// no element, or a truncated part).
pub(super) fn lines_of_xml(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = NsReader::from_str(xml);
    let mut walker = Walker::default();
    let mut depth: usize = 0;
    let mut skip_depth: usize = 0;
    let mut saw_root = false;
    loop {
        let position = reader.buffer_position();
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("XML error near byte {position}: {e}"))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                saw_root = true;
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                let tag = classify(&ns, e.local_name().into_inner());
                if tag == Tag::Skip {
                    skip_depth = 1;
                } else {
                    walker.start(tag, &e);
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                walker.end(classify(&ns, e.local_name().into_inner()));
            }
            Event::Empty(e) => {
                saw_root = true;
                if skip_depth == 0 {
                    walker.empty(classify(&ns, e.local_name().into_inner()));
                }
            }
            Event::Text(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    text.push_str(&e.xml10_content());
                }
            }
            Event::CData(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    text.push_str(&e.xml10_content());
                }
            }
            Event::GeneralRef(e) if skip_depth == 0 => {
                if let Some((text, _)) = &mut walker.text {
                    match e.resolve_char_ref() {
                        Ok(Some(c)) => text.push(c),
                        Ok(None) => text.push_str(resolve_predefined_entity(&e).unwrap_or("")),
                        Err(err) => return Err(format!("XML error near byte {position}: {err}")),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err("no XML element".into());
    }
    if depth != 0 {
        return Err("the XML ends inside an element (truncated?)".into());
    }
    Ok(walker.out)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{lines_of_body, texts, zip_parts};
    use super::super::{ExtractError, extract_docx};
    use super::*;

    #[test]
    fn runs_table() {
        let cases: &[(&str, &[&str])] = &[
            // Runs join without spaces; tabs are spaces; breaks start lines.
            (
                r#"<w:p><w:r><w:t>Post</w:t></w:r><w:r><w:t>greSQL</w:t><w:tab/><w:t>2020</w:t><w:br/><w:t>next</w:t><w:cr/><w:t>last</w:t></w:r></w:p>"#,
                &["PostgreSQL 2020", "next", "last"],
            ),
            // Without xml:space="preserve" the ends' spaces are dropped.
            (
                r#"<w:p><w:r><w:t xml:space="preserve">Go </w:t><w:t> lang</w:t><w:t>uage</w:t></w:r></w:p>"#,
                &["Go language"],
            ),
            // Entities and character references.
            (
                r#"<w:p><w:r><w:t>R&amp;D &lt;team&gt; &quot;C&#43;&#x2B;&quot; &apos;x&apos;</w:t></w:r></w:p>"#,
                &[r#"R&D <team> "C++" 'x'"#],
            ),
            // Deleted text, moved-away text, field codes and symbols are skipped.
            (
                concat!(
                    r#"<w:p><w:del><w:r><w:delText>Java</w:delText></w:r></w:del>"#,
                    r#"<w:ins><w:r><w:t>Kotlin</w:t></w:r></w:ins>"#,
                    r#"<w:moveFrom><w:r><w:t>Scala</w:t></w:r></w:moveFrom>"#,
                    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                    r#"<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://aws.example" </w:instrText></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
                    r#"<w:r><w:t xml:space="preserve"> site</w:t></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                    r#"<w:r><w:sym w:font="Wingdings" w:char="F0A7"/></w:r></w:p>"#,
                ),
                &["Kotlin site"],
            ),
            // Tab stops in paragraph properties are not text.
            (
                r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Rust</w:t></w:r></w:p>"#,
                &["Rust"],
            ),
            // Runs of empty paragraphs collapse; ends are trimmed.
            (
                r#"<w:p/><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/><w:p></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p><w:p/>"#,
                &["a", "", "b"],
            ),
            // Text outside w:t (pretty-printing white space) is ignored; hyperlinks and
            // content controls keep their text.
            (
                "<w:p>\n  <w:hyperlink><w:r><w:t>Docker</w:t></w:r></w:hyperlink>\n  <w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:placeholder><w:docPart w:val=\"y\"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>, Git</w:t></w:r></w:sdtContent></w:sdt>\n</w:p>",
                &["Docker, Git"],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(lines_of_body(body), *want, "body {body}");
        }
    }

    #[test]
    fn text_box_fallback_copy_is_skipped() {
        let content = "<w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent>";
        let body = format!(
            concat!(
                "<w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent>",
                "<mc:Choice Requires=\"wps\"><w:drawing>{c}</w:drawing></mc:Choice>",
                "<mc:Fallback><w:pict>{c}</w:pict></mc:Fallback>",
                "</mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> after</w:t></w:r></w:p>",
                // An old-style VML text box with no AlternateContent is read.
                "<w:p><w:r><w:pict>{c}</w:pict></w:r></w:p>",
            ),
            c = content
        );
        assert_eq!(lines_of_body(&body), vec!["Before after", "Boxed", "Boxed"]);
    }

    #[test]
    fn prefixes_do_not_matter_namespaces_do() {
        let xml = concat!(
            r#"<doc:document xmlns:doc="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><doc:body>"#,
            r#"<doc:p><doc:r><doc:t>Word text</doc:t></doc:r></doc:p>"#,
            r#"<a:p><a:r><a:t>DrawingML text</a:t></a:r></a:p>"#,
            r#"</doc:body></doc:document>"#,
        );
        let doc = extract_docx(&zip_parts(&[("word/document.xml", xml)])).expect("extracts");
        assert_eq!(texts(&doc), vec!["Word text"]);
    }

    #[test]
    fn invalid_xml_is_damaged() {
        let cases = [
            "<w:document><w:body><w:p></w:body></w:document>",
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:body><w:p><w:r><w:t>cut"#),
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:body></w:p></w:body></w:document>"#),
            &format!(r#"<w:document xmlns:w="{NS_W}"><w:t>&#0;</w:t></w:document>"#),
            "",
            "just text",
        ];
        for xml in cases {
            match extract_docx(&zip_parts(&[("word/document.xml", xml)])) {
                Err(ExtractError::Damaged(why)) => {
                    assert!(why.starts_with("word/document.xml: "), "{why}");
                }
                other => panic!("{xml:?}: expected Damaged, got {other:?}"),
            }
        }
    }
}
