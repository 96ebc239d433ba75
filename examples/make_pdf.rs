//! Writes small, deterministic PDFs for tests and fixtures.
//!
//! ```text
//! cargo run --example make_pdf -- IN.txt OUT.pdf          # text -> Helvetica 11 pt pages
//! cargo run --example make_pdf -- --fixture NAME OUT.pdf  # one special-case fixture
//! cargo run --example make_pdf -- --all-fixtures DIR      # every special-case fixture
//! cargo run --example make_pdf -- --list                  # fixture names
//! ```
//!
//! Output depends only on the input: no dates, no random IDs, streams left uncompressed so
//! the files read as text. The generator keeps its own Helvetica widths and WinAnsi table
//! ([`helvetica`]) instead of borrowing the reader's, so the fixtures test the reader
//! against an independent writer.

use std::process::ExitCode;

use helvetica::{helvetica_text_width, helvetica_width, win_ansi_encode};
use lopdf::{
    Dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream,
    dictionary,
};

const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 72.0;
const SIZE: f32 = 11.0;
const LEADING: f32 = 14.0;

type Fixture = fn() -> Vec<u8>;

/// The special-case fixtures, by name; `fixtures/pdf/README.md` says what each must give.
const FIXTURES: &[(&str, Fixture)] = &[
    ("type3-tounicode", type3_tounicode),
    ("form-xobject", form_xobject),
    ("td-words", td_words),
    ("bt-lines", bt_lines),
    ("two-columns", two_columns),
    ("rotated", rotated),
    ("ligatures", ligatures),
    ("letter-spaced", letter_spaced),
    ("cid-identity", cid_identity),
    ("cid-cff-no-tounicode", cid_cff_no_tounicode),
    ("encrypted-empty-user", encrypted_empty_user),
    ("encrypted-user", encrypted_user),
    ("image-only", image_only),
    ("truncated", truncated),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--list"] => {
            for (name, _) in FIXTURES {
                println!("{name}");
            }
            Ok(())
        }
        ["--fixture", name, out] => match FIXTURES.iter().find(|(n, _)| *n == name) {
            Some((_, make)) => write(out, &make()),
            None => Err(format!("unknown fixture `{name}` (see --list)")),
        },
        ["--all-fixtures", dir] => FIXTURES
            .iter()
            .try_for_each(|(name, make)| write(&format!("{dir}/{name}.pdf"), &make())),
        [input, out] if !input.starts_with("--") => std::fs::read_to_string(input)
            .map_err(|e| format!("reading `{input}`: {e}"))
            .and_then(|text| write(out, &text_pdf(&text))),
        _ => Err("usage: make_pdf IN.txt OUT.pdf | --fixture NAME OUT.pdf | \
                  --all-fixtures DIR | --list"
            .to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("writing `{path}`: {e}"))
}

/// A document under construction: pages share one page tree.
struct Builder {
    doc: Document,
    pages_id: lopdf::ObjectId,
    kids: Vec<Object>,
}

impl Builder {
    fn new() -> Builder {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        Builder {
            doc,
            pages_id,
            kids: Vec::new(),
        }
    }

    fn add(&mut self, object: impl Into<Object>) -> lopdf::ObjectId {
        self.doc.add_object(object)
    }

    fn stream(&mut self, dict: Dictionary, content: impl Into<Vec<u8>>) -> lopdf::ObjectId {
        self.add(Stream::new(dict, content.into()).with_compression(false))
    }

    /// Helvetica with WinAnsiEncoding (no /Widths: a standard 14 font).
    fn helvetica(&mut self) -> lopdf::ObjectId {
        self.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        })
    }

    /// Adds a page with `content` and `resources`; `extra` entries go into the page dict.
    fn page(&mut self, content: &str, resources: Dictionary, extra: Dictionary) {
        let content_id = self.stream(Dictionary::new(), content.as_bytes());
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
            "Contents" => content_id,
            "Resources" => resources,
        };
        page.extend(&extra);
        let id = self.add(page);
        self.kids.push(id.into());
    }

    fn finish_doc(mut self) -> Document {
        let count = self.kids.len() as i64;
        let pages = dictionary! {
            "Type" => "Pages",
            "Kids" => std::mem::take(&mut self.kids),
            "Count" => count,
        };
        self.doc
            .objects
            .insert(self.pages_id, Object::Dictionary(pages));
        let catalog = self.add(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
        // A fixed file identifier keeps output (and encryption keys) deterministic.
        let id = Object::String(
            b"skillgap-fixture".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        );
        self.doc.trailer.set("ID", vec![id.clone(), id]);
        self.doc
    }

    fn finish(self) -> Vec<u8> {
        save(self.finish_doc())
    }
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing to memory");
    out
}

fn font_resources(fonts: &[(&str, lopdf::ObjectId)]) -> Dictionary {
    let mut font = Dictionary::new();
    for (name, id) in fonts {
        font.set(*name, *id);
    }
    dictionary! { "Font" => font }
}

/// A PDF literal string for `text` in WinAnsiEncoding (`?` for characters it lacks).
fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        match win_ansi_encode(c).unwrap_or(b'?') {
            b @ (b'(' | b')' | b'\\') => {
                out.push('\\');
                out.push(b as char);
            }
            b @ 0x20..=0x7E => out.push(b as char),
            b => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push(')');
    out
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::from("<");
    for b in bytes {
        out.push_str(&format!("{b:02X}"));
    }
    out.push('>');
    out
}

/// Splits `line` into pieces no wider than `width` at `SIZE` points, at spaces where it can.
fn wrap(line: &str, width: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if helvetica_text_width(&candidate, SIZE) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        // A word wider than the line is cut wherever it must be.
        for c in word.chars() {
            current.push(c);
            if helvetica_text_width(&current, SIZE) > width {
                current.pop();
                out.push(std::mem::take(&mut current));
                current.push(c);
            }
        }
    }
    out.push(current);
    out
}

/// Lays `text` out in Helvetica 11 pt on US Letter pages, one input line per line, wrapping
/// long lines and starting new pages as needed.
fn text_pdf(text: &str) -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let lines: Vec<String> = text
        .lines()
        .flat_map(|l| wrap(l.trim_end(), PAGE_W - 2.0 * MARGIN))
        .collect();
    let per_page = ((PAGE_H - 2.0 * MARGIN) / LEADING) as usize;
    let chunks: Vec<&[String]> = if lines.is_empty() {
        vec![&[]]
    } else {
        lines.chunks(per_page).collect()
    };
    for chunk in chunks {
        let mut content = format!(
            "BT\n/F1 {SIZE} Tf\n{LEADING} TL\n{MARGIN} {} Td\n",
            PAGE_H - MARGIN
        );
        for line in chunk {
            if !line.is_empty() {
                content.push_str(&format!("{} Tj\n", literal(line)));
            }
            content.push_str("T*\n");
        }
        content.push_str("ET\n");
        b.page(&content, font_resources(&[("F1", font)]), Dictionary::new());
    }
    b.finish()
}

/// A ToUnicode CMap with 1-byte codes: `chars` as bfchar entries, `ranges` as bfrange entries
/// (start, end, destination), the destination a hex string or an array of them.
fn to_unicode(codespace: &str, chars: &[(String, String)], ranges: &[String]) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
    );
    out.push_str(&format!(
        "1 begincodespacerange\n{codespace}\nendcodespacerange\n"
    ));
    if !chars.is_empty() {
        out.push_str(&format!("{} beginbfchar\n", chars.len()));
        for (code, dest) in chars {
            out.push_str(&format!("{code} {dest}\n"));
        }
        out.push_str("endbfchar\n");
    }
    if !ranges.is_empty() {
        out.push_str(&format!("{} beginbfrange\n", ranges.len()));
        for range in ranges {
            out.push_str(range);
            out.push('\n');
        }
        out.push_str("endbfrange\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

fn utf16_hex(text: &str) -> String {
    let mut out = String::from("<");
    for unit in text.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// A Type 3 font as Chrome/Skia writes them: glyph names in `/Differences` that mean
/// nothing (here: the wrong letters, so decoding by name gives mojibake), a `/ToUnicode`
/// CMap with the truth, widths in glyph space under a `/FontMatrix` of 1/100.
fn type3_tounicode() -> Vec<u8> {
    let lines = ["Senior Rust Engineer", "Kubernetes Docker"];
    let mut alphabet: Vec<char> = Vec::new();
    for c in lines.concat().chars() {
        if !alphabet.contains(&c) {
            alphabet.push(c);
        }
    }
    alphabet.push(' ');
    let code = |c: char| alphabet.iter().position(|&a| a == c).unwrap() as u8 + 1;
    let mut b = Builder::new();
    let mut procs = Dictionary::new();
    let mut differences: Vec<Object> = vec![1.into()];
    let mut widths: Vec<Object> = Vec::new();
    let mut chars = Vec::new();
    let mut ranges = Vec::new();
    for (i, &c) in alphabet.iter().enumerate() {
        // Misleading names: the next letter of the alphabet ("S" is called /T).
        let name = if c == ' ' {
            "space".to_owned()
        } else {
            char::from_u32(c as u32 + 1).unwrap().to_string()
        };
        let w = helvetica_text_width(&c.to_string(), 100.0).round();
        let proc_id = b.stream(
            Dictionary::new(),
            format!("{w} 0 d0\n5 0 {} 70 re f\n", w - 10.0),
        );
        procs.set(format!("p{i}"), proc_id);
        differences.push(Object::Name(name.into_bytes()));
        widths.push(w.into());
        let code_hex = format!("<{:02X}>", i + 1);
        if i % 2 == 0 {
            chars.push((code_hex, utf16_hex(&c.to_string())));
        } else {
            ranges.push(format!(
                "{code_hex} {code_hex} {}",
                utf16_hex(&c.to_string())
            ));
        }
    }
    // CharProcs are keyed by the /Differences names; keep them in step.
    let mut char_procs = Dictionary::new();
    for (i, name) in differences.iter().skip(1).enumerate() {
        let key = name.as_name().unwrap().to_vec();
        if !char_procs.has(&key) {
            char_procs.set(key, procs.get(format!("p{i}").as_bytes()).unwrap().clone());
        }
    }
    let cmap = to_unicode("<00> <FF>", &chars, &ranges);
    let cmap_id = b.stream(Dictionary::new(), cmap);
    let last = alphabet.len() as i64;
    let font = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "CharProcs" => char_procs,
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
        "FirstChar" => 1,
        "LastChar" => last,
        "Widths" => widths,
        "ToUnicode" => cmap_id,
        "Resources" => Dictionary::new(),
    });
    let encode = |s: &str| -> Vec<u8> { s.chars().map(code).collect() };
    let content = format!(
        "BT /T3 12 Tf 72 700 Td {} Tj ET\n\
         BT /T3 12 Tf 72 680 Td [{} -350 {}] TJ ET\n",
        hex(&encode(lines[0])),
        hex(&encode("Kubernetes")),
        hex(&encode("Docker")),
    );
    b.page(&content, font_resources(&[("T3", font)]), Dictionary::new());
    b.finish()
}

/// Text drawn through Form XObjects: one with its own resources and matrix, one nested in
/// it, and one that draws itself (a cycle the reader must stop).
fn form_xobject() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let nested = b.stream(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 400.into(), 100.into()],
            "Resources" => font_resources(&[("F9", font)]),
        },
        "BT /F9 11 Tf 0 0 Td (Nested form text) Tj ET\n",
    );
    let looping_id = b.doc.new_object_id();
    let looping = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 400.into(), 100.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F9" => font },
                "XObject" => dictionary! { "Self" => looping_id },
            },
        },
        b"BT /F9 11 Tf 0 0 Td (Cycle text) Tj ET\n/Self Do\n".to_vec(),
    )
    .with_compression(false);
    b.doc.objects.insert(looping_id, Object::Stream(looping));
    let form = b.stream(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 400.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-20).into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F9" => font },
                "XObject" => dictionary! { "Inner" => nested },
            },
        },
        "BT /F9 11 Tf 0 20 Td (Text inside a form) Tj ET\nq 1 0 0 1 0 -20 cm /Inner Do Q\n",
    );
    let content = "BT /F1 14 Tf 72 720 Td (Page heading) Tj ET\n\
                   q 1 0 0 1 72 620 cm /Fm0 Do Q\n\
                   q 1 0 0 1 72 500 cm /Loop Do Q\n";
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "Fm0" => form, "Loop" => looping_id },
    };
    b.page(content, resources, Dictionary::new());
    b.finish()
}

/// Words placed by `Td` and `TJ` offsets, with no space glyphs between them; kerning inside
/// a word must not split it.
fn td_words() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let mut content = String::from("BT /F1 11 Tf 72 700 Td\n");
    for word in ["Machine", "Learning", "Engineer"] {
        let advance = helvetica_text_width(word, SIZE) + 3.0;
        content.push_str(&format!("{} Tj {advance:.2} 0 Td\n", literal(word)));
    }
    content.push_str("ET\n");
    content.push_str(
        "BT /F1 11 Tf 72 680 Td [(Data) -400 (Engineering) -400 (T) 80 (ensor) -20 (Flow)] TJ ET\n",
    );
    b.page(&content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// Four lines in one BT block, moved by `Td`, `T*`, `'` and `"`.
fn bt_lines() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let content = "BT /F1 11 Tf 14 TL 72 700 Td (First line) Tj 0 -14 Td (Second line) Tj \
                   T* (Third line) Tj (Fourth line) ' 0 0 (Fifth line) \" ET\n";
    b.page(content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// A heading across the page, then two columns drawn row by row (interleaved in the
/// content stream), as many two-column resume templates do.
fn two_columns() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let left = [
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
    ];
    let right = [
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
    ];
    let mut content = String::from("BT /F1 16 Tf 72 730 Td (Jane Doe - Backend Engineer) Tj ET\n");
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 690.0 - LEADING * i as f32;
        content.push_str(&format!(
            "BT /F1 11 Tf 72 {y} Td {} Tj ET\nBT /F1 11 Tf 300 {y} Td {} Tj ET\n",
            literal(l),
            literal(r)
        ));
    }
    b.page(&content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// A page with `/Rotate 90` whose text is drawn rotated in user space, so it reads upright
/// on screen; then a page with `/Rotate 270` and upright user-space text.
fn rotated() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let content = "BT /F1 11 Tf 0 1 -1 0 100 72 Tm (Rotated line one) Tj \
                   0 1 -1 0 114 72 Tm (Rotated line two) Tj ET\n";
    let rotate = |angle: i64| dictionary! { "Rotate" => angle };
    b.page(content, font_resources(&[("F1", font)]), rotate(90));
    let content =
        "BT /F1 11 Tf 72 700 Td (Landscape line one) Tj 0 -14 Td (Landscape line two) Tj ET\n";
    b.page(content, font_resources(&[("F1", font)]), rotate(270));
    b.finish()
}

/// Ligature glyphs: by name in `/Differences` (`fi`, `f_f_i`, `fl`), and through a
/// `/ToUnicode` that maps a code to U+FB01.
fn ligatures() -> Vec<u8> {
    let mut b = Builder::new();
    let by_name = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![
                128.into(), "fi".into(), "f_f_i".into(), "fl".into(),
            ],
        },
    });
    let cmap = to_unicode(
        "<00> <FF>",
        &[("<01>".into(), "<FB01>".into())],
        &[
            "<20> <7E> <0020>".into(),
            "<02> <03> [<0066006C> <00660066>]".into(),
        ],
    );
    let cmap_id = b.stream(Dictionary::new(), cmap);
    let by_cmap = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "ABCDEF+Calibri",
        "FirstChar" => 1,
        "LastChar" => 126,
        "Widths" => vec![Object::Integer(500); 126],
        "ToUnicode" => cmap_id,
    });
    let content = format!(
        "BT /F1 11 Tf 72 700 Td {} Tj ET\nBT /F2 11 Tf 72 680 Td {} Tj ET\n",
        hex(b"Certi\x80ed e\x81cient work\x82ow"),
        hex(b"Pro\x01le \x02ow e\x03ort"),
    );
    b.page(
        &content,
        font_resources(&[("F1", by_name), ("F2", by_cmap)]),
        Dictionary::new(),
    );
    b.finish()
}

/// Letter-spaced headings: `Tc` spacing, and spaced-out capitals with space glyphs.
fn letter_spaced() -> Vec<u8> {
    let mut b = Builder::new();
    let font = b.helvetica();
    let content = "BT /F1 11 Tf 72 700 Td 4 Tc (SENIOR) Tj 80 0 Td (ENGINEER) Tj ET\n\
                   BT /F1 11 Tf 72 680 Td 0 Tc (S K I L L S) Tj ET\n\
                   BT /F1 11 Tf 72 660 Td (Languages: C R Go) Tj ET\n";
    b.page(content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// A Type 0 font with Identity-H, 2-byte codes, `/W` widths and a ToUnicode CMap with a
/// 2-byte codespace, bfchar, bfrange, and a surrogate pair.
fn cid_identity() -> Vec<u8> {
    let mut b = Builder::new();
    let text = "Go gRPC K8s";
    // Glyph ids: 0x0100 + position in this alphabet.
    let alphabet: Vec<char> = "GogRPCK8s ".chars().collect();
    let gid = |c: char| 0x0100 + alphabet.iter().position(|&a| a == c).unwrap() as u16;
    let mut chars: Vec<(String, String)> = alphabet
        .iter()
        .filter(|&&c| c != 'R' && c != 'P' && c != 'C')
        .map(|&c| (format!("<{:04X}>", gid(c)), utf16_hex(&c.to_string())))
        .collect();
    chars.push(("<0200>".into(), utf16_hex("\u{1F680}")));
    // R alone, then P and C (consecutive glyph ids, not consecutive letters) in array form.
    let ranges = vec![
        format!("<{:04X}> <{:04X}> <0052>", gid('R'), gid('R')),
        format!("<{:04X}> <{:04X}> [<0050> <0043>]", gid('P'), gid('C')),
    ];
    let cmap = to_unicode("<0000> <FFFF>", &chars, &ranges);
    let cmap_id = b.stream(Dictionary::new(), cmap);
    let widths: Vec<Object> = alphabet
        .iter()
        .map(|c| Object::Integer(i64::from(helvetica_width(*c))))
        .collect();
    let descendant = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+NotoSans",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "DW" => 1000,
        "W" => vec![0x0100.into(), Object::Array(widths), 0x0200.into(), 0x0200.into(), 1000.into()],
    });
    let font = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+NotoSans",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => cmap_id,
    });
    let mut codes: Vec<u8> = Vec::new();
    for c in text.chars() {
        codes.extend_from_slice(&gid(c).to_be_bytes());
    }
    codes.extend_from_slice(&[0x01, 0x09]); // the space glyph
    codes.extend_from_slice(&[0x02, 0x00]);
    let content = format!("BT /F1 11 Tf 72 700 Td {} Tj ET\n", hex(&codes));
    b.page(&content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// A Type 0 font with Identity-H over a `CIDFontType0` whose `/FontFile3` (`/Type1C`) is a tiny
/// name-keyed CFF program, and no ToUnicode: the 2-byte codes are glyph ids, and only the
/// glyph names in the CFF charset say which letters they are (one of them, `c.alt`, a custom
/// string in the String INDEX; `fi` a ligature).
fn cid_cff_no_tounicode() -> Vec<u8> {
    let mut b = Builder::new();
    // Glyph id = 1 + position in this list (glyph 0 is .notdef).
    let glyphs = [
        "P", "y", "t", "h", "o", "n", "space", "K", "u", "b", "e", "r", "s", "fi", "p", "c.alt",
        "i",
    ];
    let program = b.stream(
        dictionary! { "Subtype" => "Type1C" },
        cff::name_keyed("ABCDEF+SourceSansPro", &glyphs),
    );
    let char_of = |name: &str| match name {
        "space" => ' ',
        "fi" => '\u{FB01}',
        _ => name.chars().next().unwrap(),
    };
    let widths: Vec<Object> = glyphs
        .iter()
        .map(|n| Object::Integer(i64::from(helvetica_width(char_of(n)))))
        .collect();
    let descriptor = b.add(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+SourceSansPro",
        "Flags" => 32,
        "FontBBox" => vec![0.into(), (-250).into(), 1000.into(), 750.into()],
        "ItalicAngle" => 0,
        "Ascent" => 750,
        "Descent" => -250,
        "CapHeight" => 660,
        "StemV" => 80,
        "FontFile3" => program,
    });
    let descendant = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "ABCDEF+SourceSansPro",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => vec![1.into(), Object::Array(widths)],
    });
    let font = b.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+SourceSansPro",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    });
    let codes = |names: &[&str]| -> String {
        let mut bytes = Vec::new();
        for name in names {
            let gid = 1 + glyphs.iter().position(|g| g == name).unwrap() as u16;
            bytes.extend_from_slice(&gid.to_be_bytes());
        }
        hex(&bytes)
    };
    let letters = |word: &str| -> Vec<String> {
        word.chars()
            .map(|c| {
                if c == ' ' {
                    "space".to_owned()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let line1: Vec<String> = letters("Python Kubernetes");
    let line1: Vec<&str> = line1.iter().map(String::as_str).collect();
    let line2 = ["p", "r", "o", "fi", "c.alt", "i", "e", "n", "t"];
    let content = format!(
        "BT /F1 11 Tf 72 700 Td {} Tj ET\nBT /F1 11 Tf 72 680 Td {} Tj ET\n",
        codes(&line1),
        codes(&line2)
    );
    b.page(&content, font_resources(&[("F1", font)]), Dictionary::new());
    b.finish()
}

/// A minimal writer of CFF font programs (Adobe Technical Note #5176), independent of the
/// reader in `src/extract/pdf/cff.rs`.
mod cff {
    /// The CFF standard strings this generator uses, with their SIDs (the rest of the 391
    /// are not needed here).
    fn standard_sid(name: &str) -> Option<u16> {
        let b = name.as_bytes();
        match name {
            "space" => Some(1),
            "fi" => Some(109),
            _ if b.len() == 1 && b[0].is_ascii_uppercase() => Some(34 + u16::from(b[0] - b'A')),
            _ if b.len() == 1 && b[0].is_ascii_lowercase() => Some(66 + u16::from(b[0] - b'a')),
            _ => None,
        }
    }

    /// An INDEX with 2-byte offsets.
    fn index(items: &[Vec<u8>]) -> Vec<u8> {
        let mut out = (items.len() as u16).to_be_bytes().to_vec();
        if items.is_empty() {
            return out;
        }
        out.push(2);
        let mut offset: u16 = 1;
        out.extend_from_slice(&offset.to_be_bytes());
        for item in items {
            offset += item.len() as u16;
            out.extend_from_slice(&offset.to_be_bytes());
        }
        for item in items {
            out.extend_from_slice(item);
        }
        out
    }

    /// A DICT integer in the fixed 5-byte form, so offsets can be written before they are known.
    fn int5(v: usize) -> Vec<u8> {
        let mut out = vec![29];
        out.extend_from_slice(&(v as i32).to_be_bytes());
        out
    }

    /// A name-keyed (not CID-keyed) CFF with `.notdef` plus `glyphs`, every charstring just
    /// `endchar`, and a format 0 charset naming them; names that are not standard strings go
    /// into the String INDEX.
    pub(crate) fn name_keyed(font_name: &str, glyphs: &[&str]) -> Vec<u8> {
        let mut strings: Vec<Vec<u8>> = Vec::new();
        let mut charset = vec![0u8];
        for name in glyphs {
            let sid = standard_sid(name).unwrap_or_else(|| {
                strings.push(name.as_bytes().to_vec());
                390 + strings.len() as u16
            });
            charset.extend_from_slice(&sid.to_be_bytes());
        }
        let char_strings = index(&vec![vec![14u8]; glyphs.len() + 1]);
        let name_index = index(&[font_name.as_bytes().to_vec()]);
        let string_index = index(&strings);
        let global_subrs = index(&[]);
        // Top DICT: charset (15) and CharStrings (17) offsets, 12 bytes in all.
        let top_len = 12;
        let top_index_len = 2 + 1 + 2 * 2 + top_len;
        let char_strings_at =
            4 + name_index.len() + top_index_len + string_index.len() + global_subrs.len();
        let charset_at = char_strings_at + char_strings.len();
        let mut top = int5(charset_at);
        top.push(15);
        top.extend(int5(char_strings_at));
        top.push(17);
        let top_index = index(&[top]);
        assert_eq!(top_index.len(), top_index_len);
        let mut out = vec![1, 0, 4, 2];
        for part in [
            name_index,
            top_index,
            string_index,
            global_subrs,
            char_strings,
            charset,
        ] {
            out.extend(part);
        }
        out
    }
}

fn encrypted(user_password: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(&text_pdf("Encrypted resume\nRust and SQL\n"))
        .expect("reading our own PDF");
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE | Permissions::COPYABLE,
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypting");
    // For revision 3 only the first 16 bytes of /U are checked; lopdf fills the rest with
    // random bytes, which we zero so that the file is the same on every run.
    let encrypt_id = doc.trailer.get(b"Encrypt").and_then(Object::as_reference);
    if let Ok(Object::Dictionary(dict)) = encrypt_id.and_then(|id| doc.get_object_mut(id))
        && let Ok(Object::String(u, _)) = dict.get_mut(b"U")
        && u.len() == 32
    {
        u[16..].fill(0);
    }
    save(doc)
}

/// RC4 128-bit encryption with an empty user password: opens without asking.
fn encrypted_empty_user() -> Vec<u8> {
    encrypted("")
}

/// RC4 128-bit encryption with a user password: cannot be read without it.
fn encrypted_user() -> Vec<u8> {
    encrypted("secret")
}

/// One page that only draws an image (a scan).
fn image_only() -> Vec<u8> {
    let mut b = Builder::new();
    let pixels: Vec<u8> = (0..64u8).map(|i| i * 4).collect();
    let image = b.stream(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 8,
            "Height" => 8,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        pixels,
    );
    let resources = dictionary! { "XObject" => dictionary! { "Im0" => image } };
    b.page(
        "q 468 0 0 648 72 72 cm /Im0 Do Q\n",
        resources,
        Dictionary::new(),
    );
    b.finish()
}

/// A text PDF cut off inside its first page's content stream.
fn truncated() -> Vec<u8> {
    let full = text_pdf("Truncated resume\nSkills: Rust, Go\n");
    let cut = full
        .windows(7)
        .position(|w| w == b"Skills:")
        .expect("content is uncompressed");
    full[..cut + 3].to_vec()
}

/// What the generator knows about Helvetica and WinAnsiEncoding: enough to wrap lines,
/// write `/Widths`, and encode text as bytes.
mod helvetica {
    /// Helvetica advance widths for U+0020..=U+007E, in 1/1000 em (from its AFM file).
    const ASCII_WIDTHS: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
        278, // ' '../
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
        556, // 0..?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
        778, // @..O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
        556, // P.._
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
        556, // `..o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
    ];

    /// The width of characters the table does not cover, in 1/1000 em.
    const DEFAULT_WIDTH: u16 = 556;

    /// WinAnsiEncoding (Windows code page 1252) bytes 0x80..=0x9F and their characters;
    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unused. Printable ASCII and 0xA0..=0xFF are
    /// Latin-1.
    const WIN_ANSI_HIGH: [(u8, char); 27] = [
        (0x80, '\u{20AC}'),
        (0x82, '\u{201A}'),
        (0x83, '\u{0192}'),
        (0x84, '\u{201E}'),
        (0x85, '\u{2026}'),
        (0x86, '\u{2020}'),
        (0x87, '\u{2021}'),
        (0x88, '\u{02C6}'),
        (0x89, '\u{2030}'),
        (0x8A, '\u{0160}'),
        (0x8B, '\u{2039}'),
        (0x8C, '\u{0152}'),
        (0x8E, '\u{017D}'),
        (0x91, '\u{2018}'),
        (0x92, '\u{2019}'),
        (0x93, '\u{201C}'),
        (0x94, '\u{201D}'),
        (0x95, '\u{2022}'),
        (0x96, '\u{2013}'),
        (0x97, '\u{2014}'),
        (0x98, '\u{02DC}'),
        (0x99, '\u{2122}'),
        (0x9A, '\u{0161}'),
        (0x9B, '\u{203A}'),
        (0x9C, '\u{0153}'),
        (0x9E, '\u{017E}'),
        (0x9F, '\u{0178}'),
    ];

    /// Width of `c` in Helvetica, in 1/1000 em: exact for printable ASCII, close for the
    /// punctuation resumes use, 722 for other capitals and 556 for the rest.
    pub(crate) fn helvetica_width(c: char) -> u16 {
        let ascii = |c: char| ASCII_WIDTHS[c as usize - 0x20];
        match c {
            ' '..='~' => ascii(c),
            '\u{A0}' => ascii(' '),
            '\u{2013}' => DEFAULT_WIDTH,
            '\u{2014}' | '\u{2026}' => 1000,
            '\u{2018}' | '\u{2019}' | '\u{201A}' => ascii('\'') + 31,
            '\u{2022}' => 350,
            c if c.is_uppercase() => 722,
            _ => DEFAULT_WIDTH,
        }
    }

    /// Width of `text` in Helvetica at `size` points, in points.
    pub(crate) fn helvetica_text_width(text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(helvetica_width(c))).sum();
        units as f32 * size / 1000.0
    }

    /// The WinAnsiEncoding byte for `c`, if it has one.
    pub(crate) fn win_ansi_encode(c: char) -> Option<u8> {
        match c {
            ' '..='~' | '\u{A0}'..='\u{FF}' => Some(c as u8),
            _ => WIN_ANSI_HIGH
                .iter()
                .find(|&&(_, high)| high == c)
                .map(|&(byte, _)| byte),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn widths_and_encoding() {
            assert_eq!(helvetica_width(' '), 278);
            assert_eq!(helvetica_width('W'), 944);
            assert_eq!(helvetica_width('~'), 584);
            assert_eq!(helvetica_width('\u{2019}'), 222);
            assert!((helvetica_text_width("Rust", 10.0) - 20.56).abs() < 0.01);
            assert_eq!(win_ansi_encode('é'), Some(0xE9));
            assert_eq!(win_ansi_encode('\u{2022}'), Some(0x95));
            assert_eq!(win_ansi_encode('\u{4E2D}'), None);
            assert_eq!(win_ansi_encode('\u{7F}'), None);
        }
    }
}
