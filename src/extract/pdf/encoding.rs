//! Single-byte font encodings: the PDF base encodings, `/Differences`, and glyph names
//! (Adobe Glyph List names, `uniXXXX`, `uXXXX[XX]`, ligature names such as `f_f_i`).

use super::tables;

/// A base encoding named by a font's `/Encoding` (or implied by the font).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BaseEncoding {
    /// Adobe StandardEncoding, the default for Type 1 fonts without an encoding.
    Standard,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// The built-in encoding of the Symbol font (only the few glyphs resumes use).
    Symbol,
}

impl BaseEncoding {
    /// The encoding with this PDF name (`WinAnsiEncoding`...), if it is a base encoding.
    pub(super) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            // MacExpertEncoding holds small capitals and old-style figures; MacRoman
            // is the closest useful reading of it.
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            _ => None,
        }
    }

    /// The character for `code`, if the encoding has one.
    pub(super) fn decode(self, code: u8) -> Option<char> {
        let table = match self {
            BaseEncoding::Standard => &tables::STANDARD,
            BaseEncoding::WinAnsi => &tables::WIN_ANSI,
            BaseEncoding::MacRoman => &tables::MAC_ROMAN,
            BaseEncoding::Symbol => return symbol(code),
        };
        match table[code as usize] {
            0 => None,
            v => char::from_u32(u32::from(v)),
        }
    }
}

/// The few Symbol-font glyphs that appear in resumes (bullets, arrows, dashes); letters map to
/// their Latin look-alikes are left out on purpose (Symbol letters are Greek).
fn symbol(code: u8) -> Option<char> {
    Some(match code {
        0x20 => ' ',
        0x21 => '!',
        0x28 => '(',
        0x29 => ')',
        0x2B => '+',
        0x2C => ',',
        0x2D => '\u{2212}',
        0x2E => '.',
        0x2F => '/',
        b'0'..=b'9' => code as char,
        0x3A => ':',
        0x3B => ';',
        0x3C => '<',
        0x3D => '=',
        0x3E => '>',
        0x3F => '?',
        0x5B => '[',
        0x5D => ']',
        0x7C => '|',
        0xA8 => '\u{2663}',
        0xAE => '\u{2192}',
        0xB7 => '\u{2022}',
        0xBE => '\u{23AF}',
        0xD7 => '\u{22C5}',
        0xE0 => '\u{25CA}',
        _ => return None,
    })
}

/// The text a glyph name stands for, following the Adobe Glyph List rules: a suffix after
/// `.` is dropped, `_` joins ligature components, `uniXXXX` (several groups allowed) and
/// `uXXXX`..`uXXXXXX` name code points, other names are looked up in the list. Names such as
/// `g123` or `cid45` that carry no meaning give `None`.
pub(super) fn glyph_name_to_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    let mut out = String::new();
    for part in base.split('_') {
        out.push_str(&component(part)?);
    }
    Some(out)
}

fn component(name: &str) -> Option<String> {
    if let Some(c) = lookup(name) {
        return Some(c.to_string());
    }
    if let Some(hex) = name.strip_prefix("uni")
        && !hex.is_empty()
        && hex.len() % 4 == 0
        && hex
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase())
    {
        return hex
            .as_bytes()
            .chunks(4)
            .map(|chunk| {
                let v = u32::from_str_radix(std::str::from_utf8(chunk).ok()?, 16).ok()?;
                char::from_u32(v).filter(|c| !is_surrogate(*c))
            })
            .collect();
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && hex
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase())
    {
        let v = u32::from_str_radix(hex, 16).ok()?;
        return char::from_u32(v).map(String::from);
    }
    None
}

fn is_surrogate(c: char) -> bool {
    (0xD800..=0xDFFF).contains(&(c as u32))
}

/// Looks a single glyph name up in the Adobe Glyph List subset.
pub(super) fn lookup(name: &str) -> Option<char> {
    let table = tables::GLYPH_NAMES;
    let i = table.binary_search_by(|(n, _)| (*n).cmp(name)).ok()?;
    char::from_u32(u32::from(table[i].1))
}

/// Expands the Latin ligature code points (U+FB00..U+FB06) to their letters.
pub(super) fn expand_ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        let cases = [
            ("A", Some("A")),
            ("space", Some(" ")),
            ("fi", Some("\u{FB01}")),
            ("f_f_i", Some("ffi")),
            ("uni0041", Some("A")),
            ("uni00410042", Some("AB")),
            ("uni004", None),
            ("uni00e9", None),
            ("u1F600", Some("\u{1F600}")),
            ("a.sc", Some("a")),
            ("quoteright", Some("\u{2019}")),
            ("bullet", Some("\u{2022}")),
            ("g123", None),
            ("cid45", None),
            ("", None),
            (".notdef", None),
        ];
        for (name, want) in cases {
            assert_eq!(glyph_name_to_text(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.decode(0x93), Some('\u{201C}'));
        assert_eq!(BaseEncoding::WinAnsi.decode(0xE9), Some('é'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('\u{2019}'));
        assert_eq!(BaseEncoding::Standard.decode(0xAE), Some('\u{FB01}'));
        assert_eq!(BaseEncoding::MacRoman.decode(0x8E), Some('é'));
        assert_eq!(BaseEncoding::Standard.decode(0x10), None);
        assert_eq!(BaseEncoding::WinAnsi.decode(0x95), Some('\u{2022}'));
        // Codes WinAnsi leaves unused read as bullets too.
        assert_eq!(BaseEncoding::WinAnsi.decode(0x81), Some('\u{2022}'));
        assert!((0..=255).all(|code| BaseEncoding::WinAnsi.decode(code) != Some('\u{4E2D}')));
    }
}
