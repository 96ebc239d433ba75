//! CMaps: the `/ToUnicode` maps (codes -> text) and embedded `/Encoding` CMaps (codes -> CIDs)
//! of PDF fonts. Reads codespace ranges, `bfchar`, `bfrange` (offset and array forms),
//! `cidchar` and `cidrange`; ignores everything else. Bounded: a hostile CMap cannot make
//! it allocate more than [`MAX_ENTRIES`] entries.

use std::borrow::Cow;
use std::collections::HashMap;

use super::encoding::glyph_name_to_text;

/// Most mapping entries (chars plus ranges) read from one CMap.
pub(super) const MAX_ENTRIES: usize = 200_000;

/// A code of 1 to 4 bytes, keyed with its length so that `<41>` and `<0041>` differ.
fn key(len: usize, code: u32) -> u64 {
    (len as u64) << 32 | u64::from(code)
}

/// One codespace range: codes of `len` bytes whose every byte lies between the bounds.
#[derive(Debug, Clone)]
struct Codespace {
    len: usize,
    lo: [u8; 4],
    hi: [u8; 4],
}

#[derive(Debug, Clone)]
enum RangeDst {
    /// The first code maps to these UTF-16 units; each next code adds one to the last unit.
    Offset(Vec<u16>),
    /// One destination per code.
    Array(Vec<Box<str>>),
}

#[derive(Debug, Clone)]
struct UniRange {
    lo: u64,
    hi: u64,
    dst: RangeDst,
}

/// A parsed CMap.
#[derive(Debug, Clone, Default)]
pub(super) struct CMap {
    codespaces: Vec<Codespace>,
    uni_chars: HashMap<u64, Box<str>>,
    uni_ranges: Vec<UniRange>,
    cid_chars: HashMap<u64, u32>,
    cid_ranges: Vec<(u64, u64, u32)>,
}

impl CMap {
    /// Parses CMap source text. Never fails: what cannot be read is left out.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer { data, pos: 0 };
        let mut entries = 0usize;
        while let Some(token) = lexer.next() {
            let Token::Keyword(word) = token else {
                continue;
            };
            match word {
                b"begincodespacerange" => {
                    while let Some((Token::Hex(lo), Token::Hex(hi))) = lexer.pair() {
                        if let Some(cs) = codespace(&lo, &hi) {
                            cmap.codespaces.push(cs);
                        }
                    }
                }
                b"beginbfchar" => {
                    while let Some((Token::Hex(src), dst)) = lexer.pair() {
                        let Some(text) = destination(&dst) else {
                            continue;
                        };
                        if let Some(k) = code_key(&src) {
                            cmap.uni_chars.insert(k, text.into_boxed_str());
                            entries += 1;
                        }
                        if entries > MAX_ENTRIES {
                            break;
                        }
                    }
                }
                b"beginbfrange" => {
                    while let Some(Token::Hex(lo)) = lexer.next() {
                        let (Some(Token::Hex(hi)), Some(dst)) = (lexer.next(), lexer.dst()) else {
                            break;
                        };
                        let (Some(lo_key), Some(hi_key)) = (code_key(&lo), code_key(&hi)) else {
                            continue;
                        };
                        if hi_key < lo_key || lo.len() != hi.len() {
                            continue;
                        }
                        let dst = match dst {
                            Token::Hex(bytes) => RangeDst::Offset(utf16_units(&bytes)),
                            Token::Array(items) => RangeDst::Array(
                                items
                                    .iter()
                                    .map(|t| destination(t).unwrap_or_default().into_boxed_str())
                                    .collect(),
                            ),
                            _ => continue,
                        };
                        cmap.uni_ranges.push(UniRange {
                            lo: lo_key,
                            hi: hi_key,
                            dst,
                        });
                        entries += 1;
                        if entries > MAX_ENTRIES {
                            break;
                        }
                    }
                }
                b"begincidchar" => {
                    while let Some((Token::Hex(src), Token::Number(cid))) = lexer.pair() {
                        if let Some(k) = code_key(&src) {
                            cmap.cid_chars.insert(k, cid as u32);
                            entries += 1;
                        }
                        if entries > MAX_ENTRIES {
                            break;
                        }
                    }
                }
                b"begincidrange" => {
                    while let Some(Token::Hex(lo)) = lexer.next() {
                        let (Some(Token::Hex(hi)), Some(Token::Number(cid))) =
                            (lexer.next(), lexer.next())
                        else {
                            break;
                        };
                        if let (Some(l), Some(h)) = (code_key(&lo), code_key(&hi))
                            && l <= h
                        {
                            cmap.cid_ranges.push((l, h, cid as u32));
                            entries += 1;
                        }
                        if entries > MAX_ENTRIES {
                            break;
                        }
                    }
                }
                _ => {}
            }
            if entries > MAX_ENTRIES {
                break;
            }
        }
        cmap.uni_ranges.sort_by_key(|r| r.lo);
        cmap.cid_ranges.sort_by_key(|r| r.0);
        cmap
    }

    /// True when the CMap maps no code to text.
    pub(super) fn has_unicode(&self) -> bool {
        !self.uni_chars.is_empty() || !self.uni_ranges.is_empty()
    }

    /// True when the CMap declares codespace ranges.
    pub(super) fn has_codespaces(&self) -> bool {
        !self.codespaces.is_empty()
    }

    /// Splits the next code off `bytes` by the codespace ranges: `(code, length)`. A byte
    /// sequence in no range takes the shortest codespace length (or `default_len`).
    pub(super) fn next_code(&self, bytes: &[u8], default_len: usize) -> (u32, usize) {
        for len in 1..=4 {
            if len > bytes.len() {
                break;
            }
            let candidate = &bytes[..len];
            if self.codespaces.iter().any(|cs| {
                cs.len == len
                    && candidate
                        .iter()
                        .zip(cs.lo.iter().zip(&cs.hi))
                        .all(|(b, (lo, hi))| lo <= b && b <= hi)
            }) {
                return (be(candidate), len);
            }
        }
        let len = self
            .codespaces
            .iter()
            .map(|cs| cs.len)
            .min()
            .unwrap_or(default_len)
            .clamp(1, bytes.len().max(1));
        (be(&bytes[..len.min(bytes.len())]), len)
    }

    /// The text for a code of `len` bytes, if the CMap maps it.
    pub(super) fn unicode(&self, code: u32, len: usize) -> Option<Cow<'_, str>> {
        let k = key(len, code);
        if let Some(text) = self.uni_chars.get(&k) {
            return Some(Cow::Borrowed(text));
        }
        let end = self.uni_ranges.partition_point(|r| r.lo <= k);
        // Ranges may overlap; look back a little for one that holds the code.
        for range in self.uni_ranges[..end].iter().rev().take(8) {
            if k > range.hi {
                continue;
            }
            let offset = (k - range.lo) as usize;
            return match &range.dst {
                RangeDst::Array(items) => items.get(offset).map(|s| Cow::Borrowed(&**s)),
                RangeDst::Offset(units) => {
                    let mut units = units.clone();
                    let last = units.last_mut()?;
                    *last = last.wrapping_add(offset as u16);
                    Some(Cow::Owned(decode_utf16(&units)))
                }
            };
        }
        None
    }

    /// The CID for a code of `len` bytes, if the CMap maps it.
    pub(super) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        let k = key(len, code);
        if let Some(&cid) = self.cid_chars.get(&k) {
            return Some(cid);
        }
        let end = self.cid_ranges.partition_point(|r| r.0 <= k);
        self.cid_ranges[..end]
            .iter()
            .rev()
            .take(8)
            .find(|r| k <= r.1)
            .map(|r| r.2 + (k - r.0) as u32)
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

fn code_key(bytes: &[u8]) -> Option<u64> {
    (1..=4)
        .contains(&bytes.len())
        .then(|| key(bytes.len(), be(bytes)))
}

fn codespace(lo: &[u8], hi: &[u8]) -> Option<Codespace> {
    if lo.len() != hi.len() || !(1..=4).contains(&lo.len()) {
        return None;
    }
    let mut cs = Codespace {
        len: lo.len(),
        lo: [0; 4],
        hi: [0; 4],
    };
    cs.lo[..lo.len()].copy_from_slice(lo);
    cs.hi[..hi.len()].copy_from_slice(hi);
    Some(cs)
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return vec![u16::from(bytes[0])];
    }
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn decode_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// The text a bfchar destination (hex string, literal string or glyph name) stands for.
fn destination(token: &Token) -> Option<String> {
    let text = match token {
        Token::Hex(bytes) => decode_utf16(&utf16_units(bytes)),
        Token::Literal(bytes) => decode_utf16(&utf16_units(bytes)),
        Token::Name(name) => glyph_name_to_text(std::str::from_utf8(name).ok()?)?,
        _ => return None,
    };
    // A map to NUL (seen in broken producers) is no map at all.
    (!text.is_empty() && !text.chars().all(|c| c == '\0')).then_some(text)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Literal(Vec<u8>),
    Name(Vec<u8>),
    Number(i64),
    Keyword(&'static [u8]),
    Other,
    Array(Vec<Token>),
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

const KEYWORDS: &[&[u8]] = &[
    b"begincodespacerange",
    b"endcodespacerange",
    b"beginbfchar",
    b"endbfchar",
    b"beginbfrange",
    b"endbfrange",
    b"begincidchar",
    b"endcidchar",
    b"begincidrange",
    b"endcidrange",
];

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl Lexer<'_> {
    fn pair(&mut self) -> Option<(Token, Token)> {
        let a = self.next()?;
        if matches!(a, Token::Keyword(_)) {
            return None;
        }
        Some((a, self.dst()?))
    }

    /// The next token, reading `[ ... ]` as one array token.
    fn dst(&mut self) -> Option<Token> {
        self.skip_space();
        if self.data.get(self.pos) == Some(&b'[') {
            self.pos += 1;
            let mut items = Vec::new();
            loop {
                self.skip_space();
                match self.data.get(self.pos) {
                    None => return None,
                    Some(b']') => {
                        self.pos += 1;
                        return Some(Token::Array(items));
                    }
                    Some(_) => {
                        let t = self.next()?;
                        if matches!(t, Token::Keyword(_)) {
                            return None;
                        }
                        if items.len() < 65_536 {
                            items.push(t);
                        }
                    }
                }
            }
        }
        self.next()
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else if b.is_ascii_whitespace() || b == 0 {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn next(&mut self) -> Option<Token> {
        self.skip_space();
        let data = self.data;
        let start = self.pos;
        let &b = data.get(start)?;
        match b {
            b'<' if data.get(start + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(Token::Other)
            }
            b'>' if data.get(start + 1) == Some(&b'>') => {
                self.pos += 2;
                Some(Token::Other)
            }
            b'<' => {
                self.pos += 1;
                let mut digits = Vec::new();
                while let Some(&c) = data.get(self.pos) {
                    self.pos += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = (c as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                Some(Token::Hex(
                    digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(),
                ))
            }
            b'(' => {
                self.pos += 1;
                let mut out = Vec::new();
                let mut depth = 1usize;
                while let Some(&c) = data.get(self.pos) {
                    self.pos += 1;
                    match c {
                        b'\\' => {
                            if let Some(&e) = data.get(self.pos) {
                                self.pos += 1;
                                out.push(match e {
                                    b'n' => b'\n',
                                    b'r' => b'\r',
                                    b't' => b'\t',
                                    b'b' => 8,
                                    b'f' => 12,
                                    b'0'..=b'7' => {
                                        let mut v = u32::from(e - b'0');
                                        for _ in 0..2 {
                                            match data.get(self.pos) {
                                                Some(&d @ b'0'..=b'7') => {
                                                    v = v * 8 + u32::from(d - b'0');
                                                    self.pos += 1;
                                                }
                                                _ => break,
                                            }
                                        }
                                        v as u8
                                    }
                                    other => other,
                                });
                            }
                        }
                        b'(' => {
                            depth += 1;
                            out.push(c);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            out.push(c);
                        }
                        _ => out.push(c),
                    }
                }
                Some(Token::Literal(out))
            }
            b'/' => {
                self.pos += 1;
                let s = self.pos;
                while let Some(&c) = data.get(self.pos) {
                    if c.is_ascii_whitespace() || is_delimiter(c) {
                        break;
                    }
                    self.pos += 1;
                }
                Some(Token::Name(data[s..self.pos].to_vec()))
            }
            b'[' | b']' | b'{' | b'}' | b')' | b'>' => {
                self.pos += 1;
                Some(Token::Other)
            }
            _ => {
                while let Some(&c) = data.get(self.pos) {
                    if c.is_ascii_whitespace() || is_delimiter(c) {
                        break;
                    }
                    self.pos += 1;
                }
                let word = &data[start..self.pos];
                if let Some(k) = KEYWORDS.iter().find(|k| **k == word) {
                    return Some(Token::Keyword(k));
                }
                match std::str::from_utf8(word).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => Some(Token::Number(n)),
                    None => Some(Token::Other),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
3 beginbfchar <01> <0041> <02> <FB01> <8001> <D83DDE80> endbfchar
2 beginbfrange <10> <12> <0061> <8010> <8011> [<0066 0066> /f_i] endbfrange
1 begincidrange <20> <7F> 100 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_chars_ranges_and_codespaces() {
        let cmap = CMap::parse(SAMPLE);
        let text = |code, len| cmap.unicode(code, len).map(|c| c.into_owned());
        assert_eq!(text(0x01, 1).as_deref(), Some("A"));
        assert_eq!(text(0x02, 1).as_deref(), Some("\u{FB01}"));
        assert_eq!(text(0x8001, 2).as_deref(), Some("\u{1F680}"));
        assert_eq!(text(0x11, 1).as_deref(), Some("b"));
        assert_eq!(text(0x12, 1).as_deref(), Some("c"));
        assert_eq!(text(0x13, 1), None);
        assert_eq!(text(0x8010, 2).as_deref(), Some("ff"));
        assert_eq!(text(0x8011, 2).as_deref(), Some("fi"));
        assert_eq!(text(0x0001, 2), None);
        assert_eq!(cmap.cid(0x21, 1), Some(101));
        assert_eq!(cmap.next_code(&[0x41, 0x80], 2), (0x41, 1));
        assert_eq!(cmap.next_code(&[0x80, 0x01, 0x41], 2), (0x8001, 2));
    }

    #[test]
    fn survives_garbage() {
        for data in [
            &b""[..],
            b"beginbfchar",
            b"beginbfrange <00> <FFFFFFFF> <0041> endbfrange",
            b"beginbfrange <0000> <FFFF> [ <41> ",
            b"begincodespacerange <00> endcodespacerange (((",
            b"<<<<>>>>[[[]]] % comment",
        ] {
            let cmap = CMap::parse(data);
            let _ = cmap.unicode(0x41, 1);
            let _ = cmap.next_code(b"\xFF", 1);
            let _ = cmap.next_code(b"", 1);
        }
        let big = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(
            big.unicode(0x0000_0002, 4).as_deref(),
            Some("C"),
            "ranges are not expanded"
        );
    }
}
