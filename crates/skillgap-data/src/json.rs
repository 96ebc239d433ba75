//! A JSON reader that keeps positions: every value, and every object key, knows the 1-based
//! line and column of its first character, so diagnostics point at the offending value.
//!
//! It accepts the JSON grammar (RFC 8259: no leading zeros, no raw control characters in
//! strings) and keeps duplicate keys instead of dropping them, so that a reader can report
//! them. `skillgap roles check` judges validity with `serde_json` first, whose messages it
//! shows. Columns count characters (Unicode scalar values), not bytes.

use std::fmt;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A JSON value with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts (`"`, `{`, `[`, a digit, `-`, `t`, `f` or `n`).
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// One `"key": value` pair of an object, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key, unescaped.
    pub key: String,
    /// Where the key's opening quote is.
    pub key_pos: Pos,
    /// The value.
    pub node: Node,
}

/// A JSON value. Objects keep every member in source order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object.
    Object(Vec<Member>),
}

impl Value {
    /// The JSON type name, as used in messages ("a string", "an array").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl Node {
    /// The first member named `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
            _ => None,
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number value, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The node at `path`, if it exists.
    pub fn at(&self, path: &[Seg]) -> Option<&Node> {
        let mut node = self;
        for seg in path {
            node = match (seg, &node.value) {
                (Seg::Key(k), Value::Object(_)) => node.get(k)?,
                (Seg::Index(i), Value::Array(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// One step of a path into a document: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// `.key`
    Key(String),
    /// `[index]`
    Index(usize),
}

/// Parses `phases[1].skills[2]` or `skills[14].aliases[0]` into segments. `None` when the
/// path is malformed. The empty path is the document itself.
pub fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            segs.push(Seg::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        } else {
            let rest_key = if segs.is_empty() {
                rest
            } else {
                rest.strip_prefix('.')?
            };
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            if end == 0 {
                return None;
            }
            segs.push(Seg::Key(rest_key[..end].to_string()));
            rest = &rest_key[end..];
        }
    }
    Some(segs)
}

/// Writes segments back in the `phases[1].skills[2]` form.
pub struct PathDisplay<'a>(pub &'a [Seg]);

impl fmt::Display for PathDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The position of the value at `path` (e.g. `phases[1].skills[2]`) in `text`.
/// `None` when the text is not valid JSON, the path is malformed, or nothing is there.
pub fn locate(text: &str, path: &str) -> Option<Pos> {
    let root = parse(text).ok()?;
    Some(root.at(&parse_path(path)?)?.pos)
}

/// A syntax error found by [`parse`]: what was expected, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What went wrong.
    pub message: String,
    /// Where.
    pub pos: Pos,
}

/// Parses a whole document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        column: 1,
    };
    p.skip_ws();
    let node = p.value(0)?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.error("trailing characters after the document"));
    }
    Ok(node)
}

/// Nesting deeper than this is refused rather than overflowing the stack.
const MAX_DEPTH: usize = 128;

struct Parser {
    chars: Vec<char>,
    i: usize,
    line: usize,
    column: usize,
}

impl Parser {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            message: message.to_owned(),
            pos: self.pos(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r' | '\u{feff}')) {
            self.bump();
        }
    }

    fn expect(&mut self, want: char) -> Result<(), SyntaxError> {
        if self.peek() == Some(want) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(&format!("expected `{want}`")))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        let pos = self.pos();
        let value = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Value::String(self.string()?),
            Some('t') => self.word("true", Value::Bool(true))?,
            Some('f') => self.word("false", Value::Bool(false))?,
            Some('n') => self.word("null", Value::Null)?,
            Some(c) if c == '-' || c.is_ascii_digit() => self.number()?,
            _ => return Err(self.error("expected a value")),
        };
        Ok(Node { pos, value })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for want in word.chars() {
            self.expect(want)?;
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit() || "+-.eE".contains(c)) {
            self.bump();
        }
        let text: String = self.chars[start..self.i].iter().collect();
        if !is_json_number(&text) {
            return Err(self.error("invalid number"));
        }
        text.parse()
            .map(Value::Number)
            .map_err(|_| self.error("invalid number"))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            match self.bump() {
                None => return Err(self.error("unterminated string")),
                Some('"') => return Ok(out),
                Some('\\') => match self.bump() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('/') => out.push('/'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hi = self.hex4()?;
                        let code = if (0xD800..0xDC00).contains(&hi) {
                            self.expect('\\')?;
                            self.expect('u')?;
                            let lo = self.hex4()?;
                            0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                        } else {
                            hi
                        };
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    _ => return Err(self.error("invalid escape")),
                },
                Some(c) if c < ' ' => return Err(self.error("control character in a string")),
                Some(c) => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            self.bump();
            n = n * 16 + d;
        }
        Ok(n)
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.expect('[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.bump() {
                Some(',') => {}
                Some(']') => return Ok(Value::Array(items)),
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.expect('{')?;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos();
            let key = self.string()?;
            self.skip_ws();
            self.expect(':')?;
            self.skip_ws();
            let node = self.value(depth + 1)?;
            members.push(Member { key, key_pos, node });
            self.skip_ws();
            match self.bump() {
                Some(',') => {}
                Some('}') => return Ok(Value::Object(members)),
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: a number as JSON writes it.
fn is_json_number(text: &str) -> bool {
    fn digits(s: &[u8]) -> usize {
        s.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let mut s = text.as_bytes();
    if let [b'-', rest @ ..] = s {
        s = rest;
    }
    match digits(s) {
        0 => return false,
        n if n > 1 && s[0] == b'0' => return false,
        n => s = &s[n..],
    }
    if let [b'.', rest @ ..] = s {
        match digits(rest) {
            0 => return false,
            n => s = &rest[n..],
        }
    }
    if let [b'e' | b'E', rest @ ..] = s {
        let rest = rest
            .strip_prefix(b"+")
            .or(rest.strip_prefix(b"-"))
            .unwrap_or(rest);
        match digits(rest) {
            0 => return false,
            n => s = &rest[n..],
        }
    }
    s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
  "id": "backend",
  "phases": [
    {"name": "A", "skills": ["a"]},
    {
      "name": "Bé",
      "skills": ["x", {"any_of": ["y", "z"]}, "kubernets"]
    }
  ],
  "n": -1.5e2, "t": true, "nul": null, "esc": "a\"b\u00e9\ud83d\ude00"
}"#;

    fn at(path: &str) -> Option<(usize, usize)> {
        locate(DOC, path).map(|p| (p.line, p.column))
    }

    #[test]
    fn locates_values_by_path() {
        let cases = [
            ("", Some((1, 1))),
            ("id", Some((2, 9))),
            ("phases", Some((3, 13))),
            ("phases[0]", Some((4, 5))),
            ("phases[0].skills[0]", Some((4, 30))),
            ("phases[1].name", Some((6, 15))),
            ("phases[1].skills[2]", Some((7, 47))),
            ("phases[1].skills[1].any_of[1]", Some((7, 40))),
            ("n", Some((10, 8))),
            ("esc", Some((10, 47))),
            ("phases[2]", None),
            ("id[0]", None),
            ("missing", None),
            ("phases[x]", None),
        ];
        for (path, want) in cases {
            assert_eq!(at(path), want, "{path}");
        }
    }

    #[test]
    fn unescapes_strings_and_parses_scalars() {
        let root = parse(DOC).unwrap();
        assert_eq!(root.get("esc").unwrap().as_str(), Some("a\"bé😀"));
        assert_eq!(root.get("n").unwrap().as_f64(), Some(-150.0));
        assert_eq!(root.get("t").unwrap().value, Value::Bool(true));
        assert_eq!(root.get("nul").unwrap().value, Value::Null);
    }

    #[test]
    fn keeps_duplicate_keys_with_their_positions() {
        let root = parse("{\"a\": 1,\n \"a\": 2}").unwrap();
        let Value::Object(members) = &root.value else {
            panic!("object expected")
        };
        assert_eq!(members.len(), 2);
        assert_eq!(members[1].key_pos, Pos { line: 2, column: 2 });
        assert_eq!(root.get("a").unwrap().as_f64(), Some(1.0));
    }

    #[test]
    fn paths_round_trip() {
        for path in ["phases[1].skills[2]", "skills[14].aliases[0]", "id", ""] {
            let segs = parse_path(path).unwrap();
            assert_eq!(PathDisplay(&segs).to_string(), path);
        }
        for bad in ["a..b", ".a", "a[", "a[-1]", "a.[0]"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn accepts_json_numbers() {
        for good in ["0", "-0", "10", "1.5", "-1.5e2", "2E-3", "1e+9", "0.25"] {
            assert!(parse(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn rejects_broken_text() {
        for bad in [
            "",
            "{",
            "[1,]x",
            "{\"a\" 1}",
            "\"abc",
            "[1] 2",
            "tru",
            "01",
            "1.",
            "-",
            "1e",
            ".5",
            "1.5e+",
            "--1",
            "\"a\u{1}b\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
