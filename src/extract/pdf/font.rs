//! PDF fonts as the text layer needs them: how to split a string into codes, what text each
//! code stands for, and how far each glyph advances.
//!
//! Text comes from `/ToUnicode` first, always (Chrome's Type 3 fonts carry meaningless glyph
//! names in `/Encoding`), then `/Encoding` with `/Differences` and glyph names, then the
//! built-in encoding of an embedded Type 1 program, then the base encodings.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cff;
use super::cmap::CMap;
use super::encoding::{BaseEncoding, glyph_name_to_text};
use super::metrics::Standard;
use super::resolve;

/// Largest embedded font program read to find a Type 1 built-in encoding.
const MAX_FONT_PROGRAM: usize = 4 * 1024 * 1024;

/// How a font splits strings into codes.
#[derive(Debug)]
enum Codes {
    /// One byte per code (Type 1, TrueType, Type 3).
    Simple,
    /// Two bytes per code, code = CID (Identity-H/V, or an unknown predefined CMap).
    Identity,
    /// A predefined `Uni*-UCS2-*` / `Uni*-UTF16-*` CMap: codes are UTF-16 units.
    Ucs2,
    /// An embedded CMap: codespace ranges split the codes, `cid` maps them.
    Embedded(CMap),
}

/// One decoded glyph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph<'a> {
    /// The text it stands for (may be empty, or several characters for a ligature).
    pub text: &'a str,
    /// Advance width in text space units per unit of font size (glyph width / 1000).
    pub width: f32,
    /// True for the single-byte code 32, which word spacing (`Tw`) applies to.
    pub word_space: bool,
}

/// A font ready for decoding.
#[derive(Debug)]
pub(super) struct Font {
    codes: Codes,
    to_unicode: Option<CMap>,
    /// Simple fonts: text per code from the encoding (ToUnicode merged in).
    simple_text: Vec<Box<str>>,
    /// Simple fonts: width per code, in text space per unit font size.
    simple_widths: Vec<f32>,
    /// CID fonts: widths of CID ranges, sorted by first CID.
    cid_widths: Vec<CidWidth>,
    /// Identity-H/V fonts without ToUnicode: text per CID from the glyph names of an
    /// embedded CFF program (empty when it has none).
    cff_text: Vec<Option<Box<str>>>,
    default_width: f32,
    /// Scale from font size to the glyph height (Type 3 fonts with unusual matrices).
    pub size_scale: f32,
}

impl Font {
    /// A stand-in for a missing or unreadable font: WinAnsi, Helvetica widths.
    pub(super) fn fallback() -> Font {
        let mut font = Font {
            codes: Codes::Simple,
            to_unicode: None,
            simple_text: Vec::new(),
            simple_widths: Vec::new(),
            cid_widths: Vec::new(),
            cff_text: Vec::new(),
            default_width: 0.5,
            size_scale: 1.0,
        };
        font.fill_simple(&[], BaseEncoding::WinAnsi, Some(Standard::Helvetica), None);
        font
    }

    /// Builds the font from its dictionary.
    pub(super) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name_of(doc, dict, b"Subtype").unwrap_or_default();
        let to_unicode = resolve::stream_bytes(doc, dict.get(b"ToUnicode").ok())
            .map(|bytes| CMap::parse(&bytes))
            .filter(|cmap| cmap.has_unicode());
        if subtype == b"Type0" {
            return Font::load_type0(doc, dict, to_unicode);
        }
        let base_font = name_of(doc, dict, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let standard = Standard::from_base_font(&base_font);
        let descriptor = resolve::dict(doc, dict.get(b"FontDescriptor").ok());
        let symbolic = base_font.contains("Symbol")
            || (standard.is_none()
                && descriptor
                    .and_then(|d| resolve::number(doc, d.get(b"Flags").ok()))
                    .is_some_and(|f| (f as i64) & 4 != 0 && (f as i64) & 32 == 0));

        // The encoding: a name, or a dictionary with /BaseEncoding and /Differences.
        let encoding_obj = dict.get(b"Encoding").ok().map(|o| resolve::object(doc, o));
        let (mut base, differences) = match encoding_obj {
            Some(Object::Name(n)) => (BaseEncoding::from_name(n), Vec::new()),
            Some(Object::Dictionary(d)) => (
                name_of(doc, d, b"BaseEncoding").and_then(BaseEncoding::from_name),
                differences(doc, d),
            ),
            _ => (None, Vec::new()),
        };
        // No base encoding named: an embedded Type 1 program's own encoding, else the font's
        // standard one.
        let mut builtin = None;
        if base.is_none() && subtype != b"Type3" {
            builtin = descriptor.and_then(|d| builtin_type1_encoding(doc, d));
        }
        if base.is_none() {
            base = Some(if base_font.contains("Symbol") {
                BaseEncoding::Symbol
            } else if subtype == b"TrueType" && !symbolic {
                BaseEncoding::WinAnsi
            } else {
                BaseEncoding::Standard
            });
        }
        let mut overrides: Vec<(u8, String)> = builtin.unwrap_or_default();
        overrides.extend(differences);

        let mut font = Font {
            codes: Codes::Simple,
            to_unicode,
            simple_text: Vec::new(),
            simple_widths: Vec::new(),
            cid_widths: Vec::new(),
            cff_text: Vec::new(),
            default_width: 0.5,
            size_scale: 1.0,
        };
        let mut width_scale = 0.001;
        if subtype == b"Type3" {
            let m = resolve::numbers(doc, dict.get(b"FontMatrix").ok());
            if m.len() == 6 {
                let (a, d) = (m[0].abs(), (m[2] * m[2] + m[3] * m[3]).sqrt());
                if a.is_finite() && a > 1e-6 && a < 1e3 {
                    width_scale = a;
                }
                // Glyph height in text space: the font box if it has one, else a
                // 1000-unit em as in other fonts.
                let bbox = resolve::numbers(doc, dict.get(b"FontBBox").ok());
                let units = match bbox[..] {
                    [_, y0, _, y1] if (y1 - y0).abs() > 1e-3 => (y1 - y0).abs(),
                    _ => 1000.0,
                };
                if d.is_finite() && d > 1e-6 && d < 1e3 {
                    font.size_scale = (d * units).clamp(0.01, 100.0);
                }
            }
        }
        let missing = descriptor
            .and_then(|d| resolve::number(doc, d.get(b"MissingWidth").ok()))
            .filter(|w| *w > 0.0);
        let widths = Widths {
            first: resolve::number(doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as i64,
            list: resolve::numbers(doc, dict.get(b"Widths").ok()),
            missing,
            scale: width_scale,
        };
        font.fill_simple(
            &overrides,
            base.unwrap_or(BaseEncoding::Standard),
            standard,
            Some(&widths),
        );
        font
    }

    fn load_type0(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let encoding = dict.get(b"Encoding").ok().map(|o| resolve::object(doc, o));
        let identity =
            matches!(encoding, Some(Object::Name(n)) if n == b"Identity-H" || n == b"Identity-V");
        let codes = match encoding {
            Some(Object::Name(n)) => {
                let n = String::from_utf8_lossy(n);
                if n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16")) {
                    Codes::Ucs2
                } else {
                    Codes::Identity
                }
            }
            Some(Object::Stream(s)) => {
                let bytes = resolve::stream_content(s);
                match bytes.map(|b| CMap::parse(&b)) {
                    Some(cmap) if cmap.has_codespaces() => Codes::Embedded(cmap),
                    _ => Codes::Identity,
                }
            }
            _ => Codes::Identity,
        };
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|o| resolve::object(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| resolve::dict(doc, Some(o)));
        let mut default_width = 1.0;
        let mut cid_widths = Vec::new();
        if let Some(desc) = descendant {
            if let Some(dw) = resolve::number(doc, desc.get(b"DW").ok()) {
                default_width = dw / 1000.0;
            }
            cid_widths = cid_width_table(doc, desc.get(b"W").ok());
        }
        let cff_text = match descendant {
            Some(desc) if identity && to_unicode.is_none() => cff_text(doc, desc),
            _ => Vec::new(),
        };
        Font {
            codes,
            to_unicode,
            simple_text: Vec::new(),
            simple_widths: Vec::new(),
            cid_widths,
            cff_text,
            default_width,
            size_scale: 1.0,
        }
    }

    fn fill_simple(
        &mut self,
        overrides: &[(u8, String)],
        base: BaseEncoding,
        standard: Option<Standard>,
        widths: Option<&Widths>,
    ) {
        let mut text: Vec<Box<str>> = (0..=255u8)
            .map(|code| {
                base.decode(code)
                    .map(|c| c.to_string().into_boxed_str())
                    .unwrap_or_default()
            })
            .collect();
        for (code, t) in overrides {
            text[*code as usize] = t.clone().into_boxed_str();
        }
        if let Some(cmap) = &self.to_unicode {
            for (code, slot) in text.iter_mut().enumerate() {
                // Some producers write 2-byte codes in the ToUnicode of a simple font.
                if let Some(t) = cmap
                    .unicode(code as u32, 1)
                    .or_else(|| cmap.unicode(code as u32, 2))
                {
                    *slot = t.into_owned().into_boxed_str();
                }
            }
        }
        let mut w = vec![0.0f32; 256];
        for (code, slot) in w.iter_mut().enumerate() {
            let from_list = widths.and_then(|ws| {
                let i = code as i64 - ws.first;
                (i >= 0)
                    .then(|| ws.list.get(i as usize).copied())
                    .flatten()
                    .filter(|v| v.is_finite())
                    .map(|v| v * ws.scale)
            });
            *slot = match from_list {
                Some(v) => v,
                None => {
                    let c = text[code].chars().next();
                    match (standard, c) {
                        (Some(s), Some(c)) if widths.is_none_or(|ws| ws.list.is_empty()) => {
                            f32::from(s.width(c)) / 1000.0
                        }
                        _ => widths
                            .and_then(|ws| ws.missing.map(|m| m * ws.scale))
                            .unwrap_or(if widths.is_some_and(|ws| !ws.list.is_empty()) {
                                0.0
                            } else {
                                0.5
                            }),
                    }
                }
            };
        }
        self.simple_text = text;
        self.simple_widths = w;
    }

    /// Decodes `bytes` glyph by glyph.
    pub(super) fn decode(&self, bytes: &[u8], mut each: impl FnMut(Glyph<'_>)) {
        if matches!(self.codes, Codes::Simple) {
            for &b in bytes {
                each(Glyph {
                    text: &self.simple_text[b as usize],
                    width: self.simple_widths[b as usize],
                    word_space: b == 32,
                });
            }
            return;
        }
        let mut pos = 0;
        let mut scratch = String::new();
        while pos < bytes.len() {
            let rest = &bytes[pos..];
            let (code, len) = match &self.codes {
                Codes::Embedded(cmap) => cmap.next_code(rest, 2),
                _ => match &self.to_unicode {
                    // With Identity-H the ToUnicode codespace is the best guide to 1-byte
                    // codes; without one, codes are two bytes.
                    Some(cmap)
                        if cmap.has_codespaces() && matches!(self.codes, Codes::Identity) =>
                    {
                        let (code, len) = cmap.next_code(rest, 2);
                        if len == 2 || rest.len() < 2 {
                            (code, len)
                        } else {
                            (u32::from(u16::from_be_bytes([rest[0], rest[1]])), 2)
                        }
                    }
                    _ if rest.len() >= 2 => (u32::from(u16::from_be_bytes([rest[0], rest[1]])), 2),
                    _ => (u32::from(rest[0]), 1),
                },
            };
            let len = len.max(1);
            pos += len;
            let cid = match &self.codes {
                Codes::Embedded(cmap) => cmap.cid(code, len).unwrap_or(code),
                _ => code,
            };
            scratch.clear();
            match self.to_unicode.as_ref().and_then(|c| c.unicode(code, len)) {
                Some(t) => scratch.push_str(&t),
                None => match &self.codes {
                    Codes::Ucs2 => {
                        scratch.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    // A code the font's own ToUnicode leaves out is dropped, as poppler
                    // does; with no ToUnicode at all the text is unknowable.
                    _ if self.to_unicode.is_some() => {}
                    _ => match self.cff_text.get(cid as usize).and_then(Option::as_deref) {
                        Some(t) => scratch.push_str(t),
                        None => scratch.push('\u{FFFD}'),
                    },
                },
            }
            each(Glyph {
                text: &scratch,
                width: self.cid_width(cid),
                word_space: len == 1 && code == 32,
            });
        }
    }

    fn cid_width(&self, cid: u32) -> f32 {
        let end = self.cid_widths.partition_point(|r| r.first <= cid);
        match end.checked_sub(1).map(|i| self.cid_widths[i]) {
            Some(r) if cid <= r.last => r.width,
            _ => self.default_width,
        }
    }
}

/// Text per CID of a `CIDFontType0` descendant under Identity-H/V whose embedded CFF program
/// (`/FontFile3`, `/Type1C`, `/CIDFontType0C` or `/OpenType`) is not CID-keyed: the code is
/// then the glyph id, and the glyph names, read through the Adobe Glyph List, give the text.
/// Empty when there is no such program or it carries no names (a CID-keyed one keeps only
/// CIDs).
fn cff_text(doc: &Document, descendant: &Dictionary) -> Vec<Option<Box<str>>> {
    if name_of(doc, descendant, b"Subtype") != Some(b"CIDFontType0") {
        return Vec::new();
    }
    let Some(descriptor) = resolve::dict(doc, descendant.get(b"FontDescriptor").ok()) else {
        return Vec::new();
    };
    let Some(Object::Stream(program)) = descriptor
        .get(b"FontFile3")
        .ok()
        .map(|o| resolve::object(doc, o))
    else {
        return Vec::new();
    };
    if !matches!(
        name_of(doc, &program.dict, b"Subtype"),
        Some(b"Type1C" | b"CIDFontType0C" | b"OpenType")
    ) {
        return Vec::new();
    }
    let names = resolve::stream_content(program)
        .and_then(|bytes| cff::glyph_names(&bytes))
        .unwrap_or_default();
    let text: Vec<Option<Box<str>>> = names
        .iter()
        .map(|n| {
            n.as_deref()
                .and_then(glyph_name_to_text)
                .map(String::into_boxed_str)
        })
        .collect();
    if text.iter().all(Option::is_none) {
        return Vec::new();
    }
    text
}

struct Widths {
    first: i64,
    list: Vec<f32>,
    missing: Option<f32>,
    scale: f32,
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match dict.get(key).ok().map(|o| resolve::object(doc, o)) {
        Some(Object::Name(n)) => Some(n),
        _ => None,
    }
}

/// The `/Differences` array of an encoding dictionary as (code, text) pairs.
fn differences(doc: &Document, dict: &Dictionary) -> Vec<(u8, String)> {
    let Some(Object::Array(items)) = dict
        .get(b"Differences")
        .ok()
        .map(|o| resolve::object(doc, o))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut code: i64 = 0;
    for item in items.iter().take(4096) {
        match resolve::object(doc, item) {
            Object::Integer(n) => code = *n,
            Object::Real(n) => code = *n as i64,
            Object::Name(name) => {
                if (0..=255).contains(&code)
                    && let Some(text) = std::str::from_utf8(name).ok().and_then(glyph_name_to_text)
                {
                    out.push((code as u8, text));
                }
                code += 1;
            }
            _ => {}
        }
    }
    out
}

/// The encoding written in the clear-text part of an embedded Type 1 font program
/// (`dup 12 /fi put` lines), as (code, text) pairs; `None` if there is none.
fn builtin_type1_encoding(doc: &Document, descriptor: &Dictionary) -> Option<Vec<(u8, String)>> {
    let stream = match resolve::object(doc, descriptor.get(b"FontFile").ok()?) {
        Object::Stream(s) => s,
        _ => return None,
    };
    let length1 = resolve::number(doc, stream.dict.get(b"Length1").ok())
        .filter(|n| *n > 0.0)
        .map(|n| (n as usize).min(MAX_FONT_PROGRAM));
    let bytes = match length1.and_then(|len| inflate_prefix(stream, len)) {
        Some(clear) => clear,
        None => stream.get_plain_content_with_limit(MAX_FONT_PROGRAM).ok()?,
    };
    let clear_len = length1.unwrap_or(bytes.len()).min(bytes.len());
    let clear = &bytes[..clear_len];
    let end = find(clear, b"eexec").unwrap_or(clear.len());
    let clear = &clear[..end];
    let start = find(clear, b"/Encoding")?;
    let mut out = Vec::new();
    let mut words = clear[start..]
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(word) = words.next() {
        if word == b"dup" {
            let code = words
                .next()
                .and_then(|w| std::str::from_utf8(w).ok()?.parse::<u8>().ok());
            let name = words.next().and_then(|w| w.strip_prefix(b"/"));
            if let (Some(code), Some(name)) = (code, name)
                && let Some(text) = std::str::from_utf8(name).ok().and_then(glyph_name_to_text)
            {
                out.push((code, text));
            }
        } else if word == b"readonly" || word == b"def" {
            if !out.is_empty() {
                break;
            }
        } else if word == b"StandardEncoding" {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The first `len` bytes of a stream compressed with FlateDecode alone (no predictor),
/// inflating no further: a Type 1 program's clear-text part is its first `Length1` bytes,
/// and the encrypted rest, most of the program, is not needed (on the AltaCV resumes this
/// saved about 10M of 46M instructions per run). `None` for other streams or when the data
/// does not inflate; the caller then decodes the whole stream as before.
fn inflate_prefix(stream: &lopdf::Stream, len: usize) -> Option<Vec<u8>> {
    use std::io::Read;
    let flate_only = matches!(stream.filters().as_deref(), Ok([b"FlateDecode"]));
    if !flate_only || stream.dict.has(b"DecodeParms") {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    flate2::read::ZlibDecoder::new(stream.content.as_slice())
        .take(len as u64)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One width of a CID font's `/W` array: the CIDs `first..=last` are `width` wide.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CidWidth {
    first: u32,
    last: u32,
    /// In text space per unit font size (the `/W` value / 1000).
    width: f32,
}

/// The `/W` array of a CID font: `c [w1 w2 ...]` and `c_first c_last w` entries.
fn cid_width_table(doc: &Document, w: Option<&Object>) -> Vec<CidWidth> {
    let Some(Object::Array(items)) = w.map(|o| resolve::object(doc, o)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    let num = |o: &Object| resolve::number(doc, Some(o));
    while i < items.len() && out.len() < 200_000 {
        let Some(first) = num(&items[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match items.get(i + 1).map(|o| resolve::object(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, w) in ws.iter().enumerate().take(65_536) {
                    if let Some(w) = num(w) {
                        let cid = first.saturating_add(k as u32);
                        out.push(CidWidth {
                            first: cid,
                            last: cid,
                            width: w / 1000.0,
                        });
                    }
                }
                i += 2;
            }
            Some(last) => {
                if let (Some(last), Some(w)) = (num(last), items.get(i + 2).and_then(num)) {
                    let last = last.max(0.0) as u32;
                    if last >= first {
                        out.push(CidWidth {
                            first,
                            last,
                            width: w / 1000.0,
                        });
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
    out.sort_by_key(|r| r.first);
    out
}

/// Fonts already built, by object id, so that each is read once per document.
#[derive(Default)]
pub(super) struct FontCache {
    fonts: HashMap<lopdf::ObjectId, std::rc::Rc<Font>>,
    /// Fonts written directly into a resource dictionary, by the dictionary's address
    /// (the document does not change while we read it).
    direct: HashMap<usize, std::rc::Rc<Font>>,
    /// Fonts built so far; past [`MAX_FONT_LOADS`] every new one is the fallback.
    loads: usize,
    fallback: Option<std::rc::Rc<Font>>,
}

/// Most fonts built for one document (each costs a few tables and maybe a font program).
const MAX_FONT_LOADS: usize = 10_000;

impl FontCache {
    /// The font for a `/Font` resource entry (a reference or a direct dictionary).
    pub(super) fn get(&mut self, doc: &Document, entry: &Object) -> std::rc::Rc<Font> {
        let address = entry as *const Object as usize;
        let cached = match entry {
            Object::Reference(id) => self.fonts.get(id),
            _ => self.direct.get(&address),
        };
        if let Some(font) = cached {
            return font.clone();
        }
        if self.loads >= MAX_FONT_LOADS {
            return self
                .fallback
                .get_or_insert_with(|| std::rc::Rc::new(Font::fallback()))
                .clone();
        }
        self.loads += 1;
        let font = match resolve::dict(doc, Some(entry)) {
            Some(dict) => Font::load(doc, dict),
            None => Font::fallback(),
        };
        let font = std::rc::Rc::new(font);
        {
            match entry {
                Object::Reference(id) => self.fonts.insert(*id, font.clone()),
                _ => self.direct.insert(address, font.clone()),
            };
        }
        font
    }
}
