//! Glyph names from an embedded CFF font program (`/FontFile3` with `/Subtype /Type1C` or
//! `/CIDFontType0C`), for CID fonts that come without a `/ToUnicode` map.
//!
//! Only what the names need is read: the header, the Name, Top DICT and String INDEXes, the
//! CharStrings INDEX (for the glyph count) and the charset. Every read is bounds-checked and
//! every count is capped by the bytes that remain, so hostile data gives `None`, never a
//! panic or a large allocation.

use std::ops::Range;

/// Glyph names by glyph id (GID 0 is `.notdef`, given as `None`), or `None` when the program
/// is CID-keyed (its Top DICT has `ROS`, so the charset holds CIDs rather than names), uses a
/// predefined Expert charset, or is malformed.
///
/// `data` is a bare CFF program, or an OpenType font (`OTTO`, as `/FontFile3 /OpenType`
/// holds) whose `CFF ` table is read.
pub(super) fn glyph_names(data: &[u8]) -> Option<Vec<Option<String>>> {
    let data = match data.get(..4) {
        Some(b"OTTO") => opentype_cff_table(data)?,
        _ => data,
    };
    let header_size = usize::from(*data.get(2)?);
    if header_size < 4 {
        return None;
    }
    let (_names, next) = index(data, header_size)?;
    let (top_dicts, next) = index(data, next)?;
    let (strings, _) = index(data, next)?;
    let top = TopDict::parse(data.get(top_dicts.first()?.clone())?)?;
    if top.cid_keyed {
        return None;
    }
    let (char_strings, _) = index(data, top.char_strings?)?;
    let glyphs = char_strings.len();
    let sids = charset(data, top.charset, glyphs)?;
    let name = |sid: u16| -> Option<String> {
        let sid = usize::from(sid);
        match STANDARD_STRINGS.get(sid) {
            Some(s) => Some((*s).to_owned()),
            None => {
                let range = strings.get(sid - STANDARD_STRINGS.len())?.clone();
                Some(String::from_utf8_lossy(data.get(range)?).into_owned())
            }
        }
    };
    let mut out = Vec::with_capacity(glyphs);
    out.push(None);
    out.extend(sids.into_iter().map(name));
    Some(out)
}

/// The `CFF ` table of an OpenType font (table records follow the 12-byte header).
fn opentype_cff_table(data: &[u8]) -> Option<&[u8]> {
    let tables = usize::from(u16::from_be_bytes([*data.get(4)?, *data.get(5)?]));
    let u32_at = |p: usize| -> Option<usize> {
        let b = data.get(p..p + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    (0..tables).find_map(|i| {
        let record = 12 + i * 16;
        if data.get(record..record + 4)? != b"CFF " {
            return None;
        }
        let (offset, length) = (u32_at(record + 8)?, u32_at(record + 12)?);
        data.get(offset..offset.checked_add(length)?)
    })
}

/// The items of the INDEX at `pos` as byte ranges of `data`, and the position just past it.
fn index(data: &[u8], pos: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let count = usize::from(u16::from_be_bytes([*data.get(pos)?, *data.get(pos + 1)?]));
    if count == 0 {
        return Some((Vec::new(), pos + 2));
    }
    let off_size = usize::from(*data.get(pos + 2)?);
    if !(1..=4).contains(&off_size) {
        return None;
    }
    let offsets_start = pos + 3;
    let offsets_len = (count + 1).checked_mul(off_size)?;
    let offsets = data.get(offsets_start..offsets_start.checked_add(offsets_len)?)?;
    // Offsets count from the byte before the data.
    let base = offsets_start + offsets_len - 1;
    let read = |i: usize| -> usize {
        offsets[i * off_size..(i + 1) * off_size]
            .iter()
            .fold(0usize, |v, b| (v << 8) | usize::from(*b))
    };
    let mut items = Vec::with_capacity(count);
    let mut start = read(0);
    if start != 1 {
        return None;
    }
    for i in 1..=count {
        let end = read(i);
        if end < start {
            return None;
        }
        items.push(base + start..base + end);
        start = end;
    }
    let end = base + start;
    (end <= data.len()).then_some((items, end))
}

/// The Top DICT entries the names need.
#[derive(Debug, Default, PartialEq)]
struct TopDict {
    /// Offset of the charset (0, 1, 2 name the predefined ones); 0 when absent.
    charset: usize,
    /// Offset of the CharStrings INDEX.
    char_strings: Option<usize>,
    /// The DICT has `ROS` (12 30): a CID-keyed font.
    cid_keyed: bool,
}

impl TopDict {
    fn parse(dict: &[u8]) -> Option<TopDict> {
        let mut out = TopDict::default();
        let mut operands: Vec<f64> = Vec::new();
        let mut pos = 0;
        while pos < dict.len() {
            let b0 = dict[pos];
            pos += 1;
            match b0 {
                0..=21 => {
                    let op = if b0 == 12 {
                        let b1 = *dict.get(pos)?;
                        pos += 1;
                        1200 + u16::from(b1)
                    } else {
                        u16::from(b0)
                    };
                    let offset = || {
                        operands
                            .last()
                            .filter(|v| **v >= 0.0 && **v <= u32::MAX as f64)
                            .map(|v| *v as usize)
                    };
                    match op {
                        15 => out.charset = offset()?,
                        17 => out.char_strings = Some(offset()?),
                        1230 => out.cid_keyed = true,
                        _ => {}
                    }
                    operands.clear();
                }
                28 => {
                    let v = i16::from_be_bytes([*dict.get(pos)?, *dict.get(pos + 1)?]);
                    pos += 2;
                    operands.push(f64::from(v));
                }
                29 => {
                    let bytes = dict.get(pos..pos + 4)?;
                    pos += 4;
                    operands.push(f64::from(i32::from_be_bytes([
                        bytes[0], bytes[1], bytes[2], bytes[3],
                    ])));
                }
                30 => {
                    let (v, used) = real(&dict[pos..])?;
                    pos += used;
                    operands.push(v);
                }
                32..=246 => operands.push(f64::from(i32::from(b0) - 139)),
                247..=250 => {
                    let b1 = i32::from(*dict.get(pos)?);
                    pos += 1;
                    operands.push(f64::from((i32::from(b0) - 247) * 256 + b1 + 108));
                }
                251..=254 => {
                    let b1 = i32::from(*dict.get(pos)?);
                    pos += 1;
                    operands.push(f64::from(-(i32::from(b0) - 251) * 256 - b1 - 108));
                }
                _ => return None,
            }
            // The DICT grammar allows 48 operands per operator.
            if operands.len() > 48 {
                return None;
            }
        }
        Some(out)
    }
}

/// A DICT real number (nibbles after operator 30): its value and the bytes it took.
fn real(bytes: &[u8]) -> Option<(f64, usize)> {
    let mut text = String::new();
    for (i, b) in bytes.iter().enumerate() {
        for nibble in [b >> 4, b & 0x0f] {
            match nibble {
                0..=9 => text.push(char::from(b'0' + nibble)),
                0xa => text.push('.'),
                0xb => text.push('E'),
                0xc => text.push_str("E-"),
                0xe => text.push('-'),
                0xf => return Some((text.parse().unwrap_or(0.0), i + 1)),
                _ => {}
            }
        }
    }
    None
}

/// The SIDs of glyphs 1..`glyphs` from the charset at `offset`.
fn charset(data: &[u8], offset: usize, glyphs: usize) -> Option<Vec<u16>> {
    let wanted = glyphs.saturating_sub(1);
    match offset {
        // ISOAdobe: SID = GID, for the 228 glyphs it names.
        0 => return Some((1..=wanted.min(228) as u16).collect()),
        1 | 2 => return None,
        _ => {}
    }
    let format = *data.get(offset)?;
    let mut pos = offset + 1;
    let u16_at = |p: usize| Some(u16::from_be_bytes([*data.get(p)?, *data.get(p + 1)?]));
    // Every SID costs at least one byte of input (format 1 and 2 ranges: 3 or 4 bytes for
    // up to 256 or 65536 SIDs), so the glyph count is capped by what the data can hold.
    let mut sids = Vec::with_capacity(wanted.min(data.len().saturating_sub(pos)));
    match format {
        0 => {
            while sids.len() < wanted {
                sids.push(u16_at(pos)?);
                pos += 2;
            }
        }
        1 | 2 => {
            while sids.len() < wanted {
                let first = u16_at(pos)?;
                let left = if format == 1 {
                    pos += 3;
                    usize::from(*data.get(pos - 1)?)
                } else {
                    pos += 4;
                    usize::from(u16_at(pos - 2)?)
                };
                for k in 0..=left {
                    if sids.len() == wanted {
                        break;
                    }
                    sids.push(first.checked_add(k as u16)?);
                }
            }
        }
        _ => return None,
    }
    Some(sids)
}

/// The 391 standard strings of the CFF specification (Appendix A), by SID.
static STANDARD_STRINGS: [&str; 391] = [
    ".notdef",
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quoteright",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "quoteleft",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
    "exclamdown",
    "cent",
    "sterling",
    "fraction",
    "yen",
    "florin",
    "section",
    "currency",
    "quotesingle",
    "quotedblleft",
    "guillemotleft",
    "guilsinglleft",
    "guilsinglright",
    "fi",
    "fl",
    "endash",
    "dagger",
    "daggerdbl",
    "periodcentered",
    "paragraph",
    "bullet",
    "quotesinglbase",
    "quotedblbase",
    "quotedblright",
    "guillemotright",
    "ellipsis",
    "perthousand",
    "questiondown",
    "grave",
    "acute",
    "circumflex",
    "tilde",
    "macron",
    "breve",
    "dotaccent",
    "dieresis",
    "ring",
    "cedilla",
    "hungarumlaut",
    "ogonek",
    "caron",
    "emdash",
    "AE",
    "ordfeminine",
    "Lslash",
    "Oslash",
    "OE",
    "ordmasculine",
    "ae",
    "dotlessi",
    "lslash",
    "oslash",
    "oe",
    "germandbls",
    "onesuperior",
    "logicalnot",
    "mu",
    "trademark",
    "Eth",
    "onehalf",
    "plusminus",
    "Thorn",
    "onequarter",
    "divide",
    "brokenbar",
    "degree",
    "thorn",
    "threequarters",
    "twosuperior",
    "registered",
    "minus",
    "eth",
    "multiply",
    "threesuperior",
    "copyright",
    "Aacute",
    "Acircumflex",
    "Adieresis",
    "Agrave",
    "Aring",
    "Atilde",
    "Ccedilla",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Egrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Igrave",
    "Ntilde",
    "Oacute",
    "Ocircumflex",
    "Odieresis",
    "Ograve",
    "Otilde",
    "Scaron",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Ugrave",
    "Yacute",
    "Ydieresis",
    "Zcaron",
    "aacute",
    "acircumflex",
    "adieresis",
    "agrave",
    "aring",
    "atilde",
    "ccedilla",
    "eacute",
    "ecircumflex",
    "edieresis",
    "egrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "igrave",
    "ntilde",
    "oacute",
    "ocircumflex",
    "odieresis",
    "ograve",
    "otilde",
    "scaron",
    "uacute",
    "ucircumflex",
    "udieresis",
    "ugrave",
    "yacute",
    "ydieresis",
    "zcaron",
    "exclamsmall",
    "Hungarumlautsmall",
    "dollaroldstyle",
    "dollarsuperior",
    "ampersandsmall",
    "Acutesmall",
    "parenleftsuperior",
    "parenrightsuperior",
    "twodotenleader",
    "onedotenleader",
    "zerooldstyle",
    "oneoldstyle",
    "twooldstyle",
    "threeoldstyle",
    "fouroldstyle",
    "fiveoldstyle",
    "sixoldstyle",
    "sevenoldstyle",
    "eightoldstyle",
    "nineoldstyle",
    "commasuperior",
    "threequartersemdash",
    "periodsuperior",
    "questionsmall",
    "asuperior",
    "bsuperior",
    "centsuperior",
    "dsuperior",
    "esuperior",
    "isuperior",
    "lsuperior",
    "msuperior",
    "nsuperior",
    "osuperior",
    "rsuperior",
    "ssuperior",
    "tsuperior",
    "ff",
    "ffi",
    "ffl",
    "parenleftinferior",
    "parenrightinferior",
    "Circumflexsmall",
    "hyphensuperior",
    "Gravesmall",
    "Asmall",
    "Bsmall",
    "Csmall",
    "Dsmall",
    "Esmall",
    "Fsmall",
    "Gsmall",
    "Hsmall",
    "Ismall",
    "Jsmall",
    "Ksmall",
    "Lsmall",
    "Msmall",
    "Nsmall",
    "Osmall",
    "Psmall",
    "Qsmall",
    "Rsmall",
    "Ssmall",
    "Tsmall",
    "Usmall",
    "Vsmall",
    "Wsmall",
    "Xsmall",
    "Ysmall",
    "Zsmall",
    "colonmonetary",
    "onefitted",
    "rupiah",
    "Tildesmall",
    "exclamdownsmall",
    "centoldstyle",
    "Lslashsmall",
    "Scaronsmall",
    "Zcaronsmall",
    "Dieresissmall",
    "Brevesmall",
    "Caronsmall",
    "Dotaccentsmall",
    "Macronsmall",
    "figuredash",
    "hypheninferior",
    "Ogoneksmall",
    "Ringsmall",
    "Cedillasmall",
    "questiondownsmall",
    "oneeighth",
    "threeeighths",
    "fiveeighths",
    "seveneighths",
    "onethird",
    "twothirds",
    "zerosuperior",
    "foursuperior",
    "fivesuperior",
    "sixsuperior",
    "sevensuperior",
    "eightsuperior",
    "ninesuperior",
    "zeroinferior",
    "oneinferior",
    "twoinferior",
    "threeinferior",
    "fourinferior",
    "fiveinferior",
    "sixinferior",
    "seveninferior",
    "eightinferior",
    "nineinferior",
    "centinferior",
    "dollarinferior",
    "periodinferior",
    "commainferior",
    "Agravesmall",
    "Aacutesmall",
    "Acircumflexsmall",
    "Atildesmall",
    "Adieresissmall",
    "Aringsmall",
    "AEsmall",
    "Ccedillasmall",
    "Egravesmall",
    "Eacutesmall",
    "Ecircumflexsmall",
    "Edieresissmall",
    "Igravesmall",
    "Iacutesmall",
    "Icircumflexsmall",
    "Idieresissmall",
    "Ethsmall",
    "Ntildesmall",
    "Ogravesmall",
    "Oacutesmall",
    "Ocircumflexsmall",
    "Otildesmall",
    "Odieresissmall",
    "OEsmall",
    "Oslashsmall",
    "Ugravesmall",
    "Uacutesmall",
    "Ucircumflexsmall",
    "Udieresissmall",
    "Yacutesmall",
    "Thornsmall",
    "Ydieresissmall",
    "001.000",
    "001.001",
    "001.002",
    "001.003",
    "Black",
    "Bold",
    "Book",
    "Light",
    "Medium",
    "Regular",
    "Roman",
    "Semibold",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn index(items: &[&[u8]]) -> Vec<u8> {
        if items.is_empty() {
            return vec![0, 0];
        }
        let mut out = (items.len() as u16).to_be_bytes().to_vec();
        out.push(2);
        let mut offset = 1u16;
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

    fn int32(v: i32) -> Vec<u8> {
        let mut out = vec![29];
        out.extend_from_slice(&v.to_be_bytes());
        out
    }

    /// A CFF with `glyphs` empty charstrings, the custom `strings`, and `charset` bytes
    /// (or a predefined charset id); `ros` makes it CID-keyed.
    fn cff(glyphs: usize, strings: &[&[u8]], charset: Result<Vec<u8>, i32>, ros: bool) -> Vec<u8> {
        let endchar: &[u8] = &[14];
        let char_strings = index(&vec![endchar; glyphs]);
        let strings = index(strings);
        let top_len = if ros { 5 + 12 } else { 12 };
        let top_index_len = 2 + 1 + 4 + top_len;
        let name = index(&[b"Test"]);
        let start = 4 + name.len() + top_index_len + strings.len() + 2;
        let char_strings_at = start as i32;
        let charset_at = (start + char_strings.len()) as i32;
        let mut top = Vec::new();
        if ros {
            top.extend_from_slice(&[139, 139, 139, 12, 30]);
        }
        top.extend(int32(charset.as_ref().err().copied().unwrap_or(charset_at)));
        top.push(15);
        top.extend(int32(char_strings_at));
        top.push(17);
        assert_eq!(top.len(), top_len);
        let mut out = vec![1, 0, 4, 1];
        out.extend(name);
        out.extend(index(&[&top]));
        out.extend(strings);
        out.extend([0, 0]);
        out.extend(char_strings);
        if let Ok(bytes) = charset {
            out.extend(bytes);
        }
        out
    }

    fn names(data: &[u8]) -> Option<Vec<Option<&'static str>>> {
        glyph_names(data).map(|v| {
            v.into_iter()
                .map(|n| n.map(|s| &*Box::leak(s.into_boxed_str())))
                .collect()
        })
    }

    #[test]
    fn charset_formats_name_the_glyphs() {
        // Format 0: P (SID 49), y (90), fi (109), a custom string (SID 391).
        let format0 = cff(
            5,
            &[b"f_t"],
            Ok(vec![0, 0, 49, 0, 90, 0, 109, 1, 135]),
            false,
        );
        assert_eq!(
            names(&format0).unwrap(),
            [None, Some("P"), Some("y"), Some("fi"), Some("f_t")]
        );
        // Format 1: a..c as one range, then space.
        let format1 = cff(5, &[], Ok(vec![1, 0, 66, 2, 0, 1, 0]), false);
        assert_eq!(
            names(&format1).unwrap(),
            [None, Some("a"), Some("b"), Some("c"), Some("space")]
        );
        // Format 2: one range longer than the glyphs.
        let format2 = cff(3, &[], Ok(vec![2, 0, 34, 1, 0]), false);
        assert_eq!(names(&format2).unwrap(), [None, Some("A"), Some("B")]);
        // Predefined ISOAdobe: SID = GID.
        let iso = cff(3, &[], Err(0), false);
        assert_eq!(names(&iso).unwrap(), [None, Some("space"), Some("exclam")]);
    }

    #[test]
    fn cid_keyed_expert_and_unknown_sids_give_no_names() {
        assert_eq!(names(&cff(3, &[], Ok(vec![0, 0, 1, 0, 2]), true)), None);
        assert_eq!(names(&cff(3, &[], Err(1), false)), None);
        // SID 392 with only one custom string: that glyph has no name.
        let data = cff(3, &[b"x"], Ok(vec![0, 1, 136, 1, 135]), false);
        assert_eq!(names(&data).unwrap(), [None, None, Some("x")]);
    }

    #[test]
    fn top_dict_operands() {
        // 1.5 as a real, then charset 500 (248 encoding), CharStrings 256 (28 encoding).
        let dict = [30, 0x1a, 0x5f, 248, 136, 15, 28, 0x01, 0x00, 17];
        let top = TopDict::parse(&dict).unwrap();
        assert_eq!(top.charset, 500);
        assert_eq!(top.char_strings, Some(256));
        assert_eq!(real(&[0x1a, 0x5f]), Some((1.5, 2)));
        assert_eq!(real(&[0xe2, 0xc3, 0xff]).map(|r| r.0), Some(-2e-3));
        assert_eq!(TopDict::parse(&[28, 0xff, 0xff, 17]), None);
        assert_eq!(TopDict::parse(&[255]), None);
        assert_eq!(TopDict::parse(&[30, 0x11]), None);
    }

    #[test]
    fn opentype_wrapper_is_read_through_its_cff_table() {
        let program = cff(3, &[], Ok(vec![0, 0, 49, 0, 90]), false);
        let mut otf = b"OTTO".to_vec();
        otf.extend_from_slice(&[0, 2, 0, 32, 0, 1, 0, 0]);
        // A `head` record first, then `CFF ` at offset 44.
        otf.extend_from_slice(b"head\0\0\0\0\0\0\0\0\0\0\0\0");
        otf.extend_from_slice(b"CFF \0\0\0\0");
        otf.extend_from_slice(&44u32.to_be_bytes());
        otf.extend_from_slice(&(program.len() as u32).to_be_bytes());
        otf.extend_from_slice(&program);
        assert_eq!(names(&otf).unwrap(), [None, Some("P"), Some("y")]);
        // Cut short, or with no CFF table: nothing.
        assert_eq!(glyph_names(&otf[..otf.len() - 1]), None);
        assert_eq!(glyph_names(&otf[..28]), None);
        let mut no_cff = otf.clone();
        no_cff[28..32].copy_from_slice(b"glyf");
        assert_eq!(glyph_names(&no_cff), None);
    }

    #[test]
    fn hostile_data_gives_none_without_panicking() {
        let good = cff(
            5,
            &[b"f_t"],
            Ok(vec![0, 0, 49, 0, 90, 0, 109, 1, 135]),
            false,
        );
        assert!(glyph_names(&good).is_some());
        // Every truncation and every single-byte change either reads or gives None.
        for len in 0..good.len() {
            let _ = glyph_names(&good[..len]);
        }
        for at in 0..good.len() {
            for v in [0u8, 1, 4, 0x7f, 0xff] {
                let mut bad = good.clone();
                bad[at] = v;
                let _ = glyph_names(&bad);
            }
        }
        // A header size past the end, an INDEX claiming 65535 items in a few bytes, and a
        // 4-byte offset size pointing far away.
        assert_eq!(glyph_names(&[1, 0, 200, 1]), None);
        assert_eq!(glyph_names(&[1, 0, 4, 1, 0xff, 0xff, 1, 1, 2]), None);
        assert_eq!(
            glyph_names(&[1, 0, 4, 1, 0, 1, 4, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff]),
            None
        );
        // A charset format 2 range of 65535 glyphs for a font with two.
        let big = cff(2, &[], Ok(vec![2, 0, 1, 0xff, 0xff]), false);
        assert_eq!(names(&big).unwrap(), [None, Some("space")]);
    }
}
