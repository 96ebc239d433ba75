//! LaTeX resume sources (moderncv, awesome-cv, AltaCV, Jake's resume, the `res` class, plain
//! `article`) -> text lines, read as a person reads the typeset page:
//! - The preamble (before `\begin{document}`) is dropped but for the title block's values,
//!   each a line: `\name{First}{Last}` ("First Last"), `\firstname`/`\familyname`, `\title`,
//!   `\author`, `\position`. Nothing after `\end{document}` is read. Comments (`%` to the end
//!   of the line, not `\%`) are dropped, with their line break, as TeX does.
//! - Sectioning commands become heading lines of their own, marked with their level as in
//!   Markdown, so that the section finder sees them and a `\subsection` stays inside its
//!   `\section`: `\section{Skills}` is "# Skills", `\subsection{Tools}` "## Tools"
//!   (`\cvsection` and `\begin{rSection}{..}` are level 1, `\cvsubsection` level 2).
//! - Entry commands give one line per non-empty argument (`\cventry` of moderncv and
//!   awesome-cv, `\cvevent`, `\cvhonor`, `\resumeSubheading`, `\resumeProjectHeading`...);
//!   item commands give "label: value" lines (`\cvitem{Languages}{Python, Go}` is "Languages:
//!   Python, Go"; also `\cvskill`, `\cvitemwithcomment`, `\cvdoubleitem`, `\resumeSubItem`);
//!   `\cvlistitem`, `\resumeItem` and `\cvtag` are a line each. `\item`, `\\`, `\newline`,
//!   a blank line and each environment's start and end break the line; a single line break
//!   of the source is a space, as in TeX.
//! - Formatting commands give their argument's text (`\textbf{X}` is "X"; `\href{url}{text}`
//!   "text"; `\url{u}` "u"); commands whose arguments are not text drop them (`\vspace`,
//!   `\usepackage`, `\includegraphics`, `\newcommand` and the like); any other command keeps
//!   its arguments' text and drops its name (one argument in place, several a line each).
//! - Escapes and ligatures are undone: `\# \& \% \$ \_ \{ \}` are the characters, `~` a space,
//!   `--` and `---` dashes, ``` `` ``` and `''` quotes, accents (`\'e`) composed; math keeps
//!   its text without the `$`; an unescaped `&` (a table cell) is ": " the first time on a
//!   line, " | " after.
//!
//! The work is linear in the input: braces are matched once up front, an unmatched brace is
//! skipped, groups nest at most [`MAX_DEPTH`] deep (deeper ones are read flat), and an
//! optional argument `[...]` is at most [`MAX_OPTION`] bytes long. `\input` files are not
//! followed.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Document, ExtractError, MAX_LINES, normalize};

/// Deepest brace nesting read as groups; braces nested deeper are skipped and their content
/// read in place.
const MAX_DEPTH: usize = 32;

/// Longest optional argument (`[...]`), in bytes; a longer bracket is text.
const MAX_OPTION: usize = 1024;

/// True when `text` is LaTeX source: a line starts with `\documentclass` or
/// `\begin{document}`, or at least three lines, and a quarter of the lines that are not blank
/// or comments, start with a command (`\section{`, `\item`, `\cventry[`...). Text with a
/// Markdown code fence is never LaTeX, so a Markdown resume quoting some LaTeX stays text.
pub(super) fn looks_like(text: &str) -> bool {
    let (mut lines, mut commands, mut document) = (0usize, 0usize, false);
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("```") || line.starts_with("~~~") {
            return false;
        }
        if line.is_empty() || line.starts_with('%') {
            continue;
        }
        lines += 1;
        document |= line.starts_with("\\documentclass") || line.starts_with("\\begin{document}");
        commands += usize::from(starts_with_command(line));
    }
    document || (commands >= 3 && commands * 4 >= lines)
}

/// Commands that often stand alone on a line, without an argument.
const BARE_COMMANDS: &[&str] = &[
    "item",
    "hline",
    "maketitle",
    "makecvtitle",
    "makecvheader",
    "noindent",
    "centering",
    "newpage",
    "clearpage",
    "medskip",
    "smallskip",
    "bigskip",
    "vfill",
    "hfill",
    "divider",
    "resumeSubHeadingListStart",
    "resumeSubHeadingListEnd",
    "resumeItemListStart",
    "resumeItemListEnd",
];

/// True when a line starts with a command of two letters or more followed by `{`, `[` or
/// `*`, or with one of [`BARE_COMMANDS`] (so `\n` or a Windows path is no command).
fn starts_with_command(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('\\') else {
        return false;
    };
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (name, after) = rest.split_at(name_len);
    name_len >= 2
        && (after.starts_with(['{', '[', '*'])
            || (BARE_COMMANDS.contains(&name) && !after.starts_with(|c: char| c.is_alphanumeric())))
}

/// The text lines of LaTeX source, before normalisation: white space collapsed, blank
/// lines dropped; `None` when there would be more than [`MAX_LINES`] (reading stops there).
fn read(text: &str) -> Option<Vec<String>> {
    let src = strip_comments(text);
    const BEGIN: &str = "\\begin{document}";
    let (preamble, body) = match src.find(BEGIN) {
        Some(i) => (&src[..i], &src[i + BEGIN.len()..]),
        None => ("", src.as_str()),
    };
    let body = body.find("\\end{document}").map_or(body, |i| &body[..i]);
    let mut out = Tex::new(preamble, true).read()?;
    out.push('\n');
    out.push_str(&Tex::new(body, false).read()?);
    drop(src);
    let lines: Vec<String> = out
        .split('\n')
        .map(collapse)
        .filter(|line| !line.is_empty())
        .collect();
    (lines.len() <= MAX_LINES).then_some(lines)
}

/// Extracts the text of LaTeX source (one page, no page numbers).
///
/// Errors: [`ExtractError::TooLarge`] for over [`MAX_LINES`] lines.
pub(super) fn extract(text: &str) -> Result<Document, ExtractError> {
    let lines = read(text).ok_or_else(super::too_many_lines)?;
    Ok(Document {
        lines: normalize::normalize_lines(lines.into_iter().map(|line| (line, None))),
    })
}

/// A line with its runs of white space made one space, trimmed.
fn collapse(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` without comments: from an unescaped `%` to the end of its line, the line break and
/// the next line's leading spaces included (TeX reads "a%\n  b" as "ab").
fn strip_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut start) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            // An escaped character (`\%` among them) or a control word's first letter.
            b'\\' => i += 2,
            b'%' => {
                out.push_str(&text[start..i]);
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| i + n + 1);
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                    i += 1;
                }
                start = i;
            }
            _ => i += 1,
        }
    }
    // `i` only ever stops on ASCII bytes or the end, so `start` is a character boundary.
    out.push_str(&text[start.min(text.len())..]);
    out
}

/// The byte positions of matching braces, `(open, close)` sorted by `open`; braces escaped
/// as `\{` and `\}` are not counted, and unmatched ones are left out.
fn brace_pairs(bytes: &[u8]) -> Vec<(u32, u32)> {
    // Four bytes per open brace and eight per pair: a pair is kept when it closes, so
    // unmatched braces cost nothing once the pass is over.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut open: Vec<u32> = Vec::new();
    let mut i = 0;
    // Positions past u32::MAX are left unmatched (read flat); inputs are far smaller.
    let limit = bytes.len().min(u32::MAX as usize);
    while i < limit {
        match bytes[i] {
            b'\\' => i += 1,
            b'{' => open.push(i as u32),
            b'}' => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i as u32));
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Kept in closing order; sorted runs (siblings, nests) make this sort cheap.
    pairs.sort_unstable();
    pairs
}

/// Commands whose first arguments are not text, with how many of them to drop (the
/// argument after them, if any, is read in place).
const DROPPED_ARGS: &[(&str, usize)] = &[
    ("AtBeginDocument", 1),
    ("RequirePackage", 1),
    ("addbibresource", 1),
    ("address", 3),
    ("addtocounter", 2),
    ("addtolength", 2),
    ("bibliography", 1),
    ("bibliographystyle", 1),
    ("cite", 1),
    ("citep", 1),
    ("citet", 1),
    ("cline", 1),
    ("cmidrule", 1),
    ("color", 1),
    ("colorbox", 1),
    ("colorlet", 2),
    ("definecolor", 3),
    ("documentclass", 1),
    ("email", 1),
    ("extrainfo", 1),
    ("faIcon", 1),
    ("fcolorbox", 2),
    ("fontfamily", 1),
    ("fontsize", 2),
    ("geometry", 1),
    ("github", 1),
    ("gitlab", 1),
    ("homepage", 1),
    ("href", 1),
    ("hyperlink", 1),
    ("hypersetup", 1),
    ("hyphenation", 1),
    ("include", 1),
    ("includegraphics", 1),
    ("includeonly", 1),
    ("input", 1),
    ("label", 1),
    ("linespread", 1),
    ("linkedin", 1),
    ("makecvfooter", 3),
    ("mobile", 1),
    ("moderncvcolor", 1),
    ("moderncvicons", 1),
    ("moderncvstyle", 1),
    ("moderncvtheme", 2),
    ("multicolumn", 2),
    ("multirow", 2),
    ("newcounter", 1),
    ("newgeometry", 1),
    ("newlength", 1),
    ("nocite", 1),
    ("orcid", 1),
    ("pagecolor", 1),
    ("pagenumbering", 1),
    ("pageref", 1),
    ("pagestyle", 1),
    ("parbox", 1),
    ("phantom", 1),
    ("phone", 1),
    ("photo", 1),
    ("raisebox", 1),
    ("ref", 1),
    ("resizebox", 2),
    ("rule", 2),
    ("scalebox", 1),
    ("setcounter", 2),
    ("setlength", 2),
    ("setmainfont", 1),
    ("setmonofont", 1),
    ("setsansfont", 1),
    ("setstretch", 1),
    ("social", 1),
    ("stackoverflow", 1),
    ("textcolor", 1),
    ("thispagestyle", 1),
    ("titleformat", 5),
    ("titlespacing", 4),
    ("twitter", 1),
    ("urlstyle", 1),
    ("usepackage", 1),
    ("vspace", 1),
];

/// Commands whose one argument is text read in place.
const FORMATTING: &[&str] = &[
    "MakeLowercase",
    "MakeUppercase",
    "centerline",
    "emph",
    "ensuremath",
    "fbox",
    "framebox",
    "hbox",
    "makebox",
    "mathbf",
    "mathit",
    "mathrm",
    "mathsf",
    "mathtt",
    "mbox",
    "operatorname",
    "text",
    "textbf",
    "textit",
    "textmd",
    "textnormal",
    "textrm",
    "textsc",
    "textsf",
    "textsl",
    "textsubscript",
    "textsuperscript",
    "texttt",
    "textup",
    "uline",
    "underline",
];

/// Commands that stand for text.
const SYMBOLS: &[(&str, &str)] = &[
    ("AA", "Å"),
    ("AE", "Æ"),
    ("L", "Ł"),
    ("O", "Ø"),
    ("OE", "Œ"),
    ("Rightarrow", "→"),
    ("aa", "å"),
    ("ae", "æ"),
    ("approx", "≈"),
    ("backslash", "\\"),
    ("bullet", "•"),
    ("cdot", "•"),
    ("cdotp", "•"),
    ("cdots", "..."),
    ("copyright", "©"),
    ("degree", "°"),
    ("dots", "..."),
    ("enskip", " "),
    ("enspace", " "),
    ("euro", "€"),
    ("ge", "≥"),
    ("geq", "≥"),
    ("hfil", " "),
    ("hfill", " "),
    ("i", "ı"),
    ("j", "ȷ"),
    ("l", "ł"),
    ("ldots", "..."),
    ("le", "≤"),
    ("leftarrow", "←"),
    ("leq", "≤"),
    ("longrightarrow", "→"),
    ("mid", "|"),
    ("nobreakspace", " "),
    ("o", "ø"),
    ("oe", "œ"),
    ("pm", "±"),
    ("pounds", "£"),
    ("qquad", " "),
    ("quad", " "),
    ("rightarrow", "→"),
    ("sim", "~"),
    ("slash", "/"),
    ("space", " "),
    ("ss", "ß"),
    ("textasciicircum", "^"),
    ("textasciitilde", "~"),
    ("textbackslash", "\\"),
    ("textbar", "|"),
    ("textbullet", "•"),
    ("textcopyright", "©"),
    ("textdegree", "°"),
    ("textdollar", "$"),
    ("textellipsis", "..."),
    ("textemdash", "—"),
    ("textendash", "–"),
    ("texteuro", "€"),
    ("textperiodcentered", "•"),
    ("textquotedblleft", "\""),
    ("textquotedblright", "\""),
    ("textquoteleft", "'"),
    ("textquoteright", "'"),
    ("textregistered", "®"),
    ("textrightarrow", "→"),
    ("textsterling", "£"),
    ("texttimes", "×"),
    ("texttrademark", "™"),
    ("textunderscore", "_"),
    ("thinspace", " "),
    ("times", "×"),
    ("to", "→"),
    ("vert", "|"),
];

/// Commands that stand for a word: a letter or digit written next to them is set apart.
const WORDS: &[(&str, &str)] = &[
    ("BibTeX", "BibTeX"),
    ("LaTeX", "LaTeX"),
    ("LaTeXe", "LaTeX2e"),
    ("LuaLaTeX", "LuaLaTeX"),
    ("LuaTeX", "LuaTeX"),
    ("TeX", "TeX"),
    ("XeLaTeX", "XeLaTeX"),
    ("XeTeX", "XeTeX"),
];

/// Accent commands and the combining mark each puts on its argument's first letter.
const ACCENTS: &[(&str, char)] = &[
    ("\"", '\u{308}'),
    ("'", '\u{301}'),
    (".", '\u{307}'),
    ("=", '\u{304}'),
    ("H", '\u{30B}'),
    ("^", '\u{302}'),
    ("`", '\u{300}'),
    ("b", '\u{331}'),
    ("c", '\u{327}'),
    ("d", '\u{323}'),
    ("k", '\u{328}'),
    ("r", '\u{30A}'),
    ("u", '\u{306}'),
    ("v", '\u{30C}'),
    ("~", '\u{303}'),
];

/// How a known command is read.
#[derive(Debug, Clone, Copy)]
enum Command {
    /// A heading line of this level.
    Heading(usize),
    /// A value of the title block, a line of its own even in the preamble: its arguments
    /// (up to this many) joined by spaces.
    TitleLine(usize),
    /// `\firstname`: the start of a name line.
    FirstName,
    /// `\familyname`: the end of a name line.
    FamilyName,
    /// A line per non-empty argument.
    Entry,
    /// "label: value" lines from this many arguments: 2 (label, value), 3 (label, value,
    /// comment) or 4 (two label-value pairs).
    Labelled(usize),
    /// Its one argument on a line of its own.
    Line,
    /// Its one argument in place.
    Formatting,
    /// Drops this many arguments, then reads the next in place (for `\href{url}{text}`).
    Drop(usize),
    /// `\hspace{len}`: a space.
    Space,
    /// `\url{u}`: the argument as written.
    Raw,
    /// Text.
    Symbol(&'static str),
    /// A word (`\LaTeX`).
    Word(&'static str),
    /// An accent on the argument's first letter.
    Accent(char),
    /// A line break.
    Break,
    /// `\item`: a line break, then the optional label.
    Item,
    /// `\begin{env}`.
    Begin,
    /// `\end{env}`.
    End,
    /// `\newcommand`, `\renewcommand`, `\providecommand`: name, options, body.
    Define,
    /// `\newenvironment`, `\renewenvironment`: name, options, two bodies.
    DefineEnvironment,
    /// `\def\name<parameters>{body}`.
    Def,
    /// `\let\a\b` or `\let\a=\b`.
    Let,
}

/// Commands read in their own way, by name.
const NAMED: &[(&[&str], Command)] = &[
    (
        &["part", "chapter", "section", "cvsection"],
        Command::Heading(1),
    ),
    (&["subsection", "cvsubsection"], Command::Heading(2)),
    (&["subsubsection"], Command::Heading(3)),
    (&["name"], Command::TitleLine(2)),
    (
        &["title", "author", "position", "subtitle"],
        Command::TitleLine(1),
    ),
    (&["firstname"], Command::FirstName),
    (&["familyname", "lastname", "surname"], Command::FamilyName),
    (
        &[
            "cventry",
            "cvsubentry",
            "cvevent",
            "cvhonor",
            "cvlistdoubleitem",
            "cvproject",
            "resumeSubheading",
            "resumeSubSubheading",
            "resumeProjectHeading",
        ],
        Command::Entry,
    ),
    (
        &["cvitem", "cvskill", "cvline", "resumeSubItem"],
        Command::Labelled(2),
    ),
    (&["cvitemwithcomment", "cvlanguage"], Command::Labelled(3)),
    (&["cvdoubleitem", "cvcomputer"], Command::Labelled(4)),
    (&["cvlistitem", "resumeItem", "cvtag"], Command::Line),
    (&["url", "nolinkurl", "path"], Command::Raw),
    (
        &[
            "par",
            "newline",
            "linebreak",
            "break",
            "cr",
            "tabularnewline",
            "newpage",
            "clearpage",
            "pagebreak",
        ],
        Command::Break,
    ),
    (&["item"], Command::Item),
    (&["hspace"], Command::Space),
    (&["begin"], Command::Begin),
    (&["end"], Command::End),
    (
        &[
            "newcommand",
            "renewcommand",
            "providecommand",
            "DeclareRobustCommand",
        ],
        Command::Define,
    ),
    (
        &["newenvironment", "renewenvironment"],
        Command::DefineEnvironment,
    ),
    (&["def", "gdef", "edef", "xdef"], Command::Def),
    (&["let"], Command::Let),
];

/// How the command `name` (a control word, or a control symbol's character) is read;
/// `None` for an unknown one. The tables are merged into one map on first use.
fn command(name: &str) -> Option<Command> {
    static TABLE: OnceLock<HashMap<&'static str, Command>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let named = NAMED
            .iter()
            .flat_map(|(names, c)| names.iter().map(move |name| (*name, *c)));
        let formatting = FORMATTING.iter().map(|name| (*name, Command::Formatting));
        let dropped = DROPPED_ARGS
            .iter()
            .map(|&(name, n)| (name, Command::Drop(n)));
        let symbols = SYMBOLS.iter().map(|&(name, t)| (name, Command::Symbol(t)));
        let words = WORDS.iter().map(|&(name, w)| (name, Command::Word(w)));
        let accents = ACCENTS.iter().map(|&(name, m)| (name, Command::Accent(m)));
        named
            .chain(formatting)
            .chain(dropped)
            .chain(symbols)
            .chain(words)
            .chain(accents)
            .collect()
    });
    table.get(name).copied()
}

/// Reads one part of a LaTeX source (the preamble or the body) into text with line breaks.
struct Tex<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pairs: Vec<(u32, u32)>,
    pos: usize,
    depth: usize,
    /// The next `]` at or after the last place one was looked for (`bytes.len()` if none).
    next_bracket: usize,
    out: String,
    /// In the preamble: text is dropped but for the title block's values.
    muted: bool,
    /// A table cell separator (`&`) was written on this line.
    cell: bool,
    /// The last output came from a command: a letter or digit written next to another is set
    /// apart by a space ("Python\sep Go" is "Python Go").
    glue: bool,
    /// Line breaks written so far; reading stops past [`MAX_LINES`].
    breaks: usize,
}

impl<'a> Tex<'a> {
    fn new(src: &'a str, muted: bool) -> Tex<'a> {
        Tex {
            src,
            bytes: src.as_bytes(),
            pairs: brace_pairs(src.as_bytes()),
            pos: 0,
            depth: 0,
            next_bracket: 0,
            out: String::new(),
            muted,
            cell: false,
            glue: false,
            breaks: 0,
        }
    }

    /// The text of the whole source; `None` past [`MAX_LINES`] lines.
    fn read(mut self) -> Option<String> {
        self.run(self.bytes.len());
        (self.breaks <= MAX_LINES).then_some(self.out)
    }

    /// Writes `text` (unless muted), setting it apart from the text before when `glue` asks.
    fn put(&mut self, text: &str) {
        if self.muted || text.is_empty() {
            return;
        }
        if std::mem::take(&mut self.glue)
            && self.out.ends_with(|c: char| c.is_alphanumeric())
            && text.starts_with(|c: char| c.is_alphanumeric())
        {
            self.out.push(' ');
        }
        self.out.push_str(text);
    }

    /// Ends the line (unless it is empty or muted).
    fn newline(&mut self) {
        self.cell = false;
        self.glue = false;
        if !self.muted && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
            self.breaks += 1;
        }
    }

    /// The closing brace of the group opened at `open`, when it closes before `end` and the
    /// group is not nested too deep.
    fn group_end(&self, open: usize, end: usize) -> Option<usize> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        let k = self
            .pairs
            .binary_search_by_key(&open, |&(o, _)| o as usize)
            .ok()?;
        Some(self.pairs[k].1 as usize).filter(|&close| close < end)
    }

    /// The closing bracket of an optional argument opened at `open`: the next `]`, at most
    /// [`MAX_OPTION`] bytes on and before `end`. Each byte is looked at once, since reading
    /// only moves forward.
    fn option_end(&mut self, open: usize, end: usize) -> Option<usize> {
        if self.next_bracket <= open {
            self.next_bracket = self.bytes[open + 1..]
                .iter()
                .position(|&b| b == b']')
                .map_or(self.bytes.len(), |n| open + 1 + n);
        }
        let close = self.next_bracket;
        (close < end && close - open <= MAX_OPTION).then_some(close)
    }

    /// Skips spaces and at most one line break (TeX skips them after a control word and
    /// between arguments; a blank line ends the paragraph).
    fn skip_spaces(&mut self, end: usize) {
        let mut breaks = 0;
        while self.pos < end {
            match self.bytes[self.pos] {
                b' ' | b'\t' | b'\r' => {}
                b'\n' if breaks == 0 => breaks += 1,
                _ => break,
            }
            self.pos += 1;
        }
    }

    /// Skips optional arguments `[...]` right here.
    fn skip_options(&mut self, end: usize) {
        while self.pos < end
            && self.bytes[self.pos] == b'['
            && let Some(close) = self.option_end(self.pos, end)
        {
            self.pos = close + 1;
        }
    }

    /// The next argument, after spaces and optional arguments: its braces' positions.
    /// Nothing moves when there is none but the skipped optional arguments.
    fn next_arg(&mut self, end: usize) -> Option<(usize, usize)> {
        let mut mark = self.pos;
        loop {
            self.skip_spaces(end);
            if self.pos < end
                && self.bytes[self.pos] == b'['
                && let Some(close) = self.option_end(self.pos, end)
            {
                self.pos = close + 1;
                mark = self.pos;
                continue;
            }
            break;
        }
        if self.pos < end
            && self.bytes[self.pos] == b'{'
            && let Some(close) = self.group_end(self.pos, end)
        {
            return Some((self.pos, close));
        }
        self.pos = mark;
        None
    }

    /// Reads the group `open..=close` in place.
    fn group(&mut self, open: usize, close: usize) {
        self.depth += 1;
        self.pos = open + 1;
        self.run(close);
        self.depth -= 1;
        self.pos = close + 1;
    }

    /// Reads the group `open..=close` into text of its own.
    fn capture(&mut self, open: usize, close: usize) -> String {
        let out = std::mem::take(&mut self.out);
        let (cell, glue) = (self.cell, self.glue);
        (self.cell, self.glue) = (false, false);
        self.group(open, close);
        (self.cell, self.glue) = (cell, glue);
        std::mem::replace(&mut self.out, out)
    }

    /// Up to `max` arguments, each read into text of its own, trimmed.
    fn args(&mut self, max: usize, end: usize) -> Vec<String> {
        let mut args = Vec::new();
        while args.len() < max
            && let Some((open, close)) = self.next_arg(end)
        {
            let text = self.capture(open, close);
            args.push(text.trim().to_owned());
        }
        args
    }

    /// Skips up to `n` arguments unread.
    fn drop_args(&mut self, n: usize, end: usize) {
        for _ in 0..n {
            match self.next_arg(end) {
                Some((_, close)) => self.pos = close + 1,
                None => return,
            }
        }
    }

    /// Reads the source up to `end`.
    fn run(&mut self, end: usize) {
        while self.pos < end && self.breaks <= MAX_LINES {
            let pos = self.pos;
            match self.bytes[pos] {
                b'\\' => self.command(end),
                b'{' => match self.group_end(pos, end) {
                    Some(close) => self.group(pos, close),
                    None => self.pos += 1,
                },
                // A stray or flattened closing brace, math shifts, sub- and superscripts.
                b'}' | b'$' | b'^' | b'_' => self.pos += 1,
                b'~' => {
                    self.put(" ");
                    self.pos += 1;
                }
                b'&' => {
                    if !self.muted {
                        let kept = self.out.trim_end_matches([' ', '\t']).len();
                        self.out.truncate(kept);
                    }
                    let separator = if self.cell { " | " } else { ": " };
                    self.put(separator);
                    self.cell = true;
                    self.pos += 1;
                }
                b'-' => {
                    let n = self.bytes[pos..end]
                        .iter()
                        .take_while(|&&b| b == b'-')
                        .count();
                    self.put(match n {
                        2 => "–",
                        3 => "—",
                        _ => &self.src[pos..pos + n],
                    });
                    self.pos += n;
                }
                quote @ (b'`' | b'\'') => {
                    let double = self.bytes.get(pos + 1) == Some(&quote) && pos + 1 < end;
                    self.put(if double {
                        "\""
                    } else {
                        &self.src[pos..pos + 1]
                    });
                    self.pos += 1 + usize::from(double);
                }
                b' ' | b'\t' | b'\r' | b'\n' => {
                    let n = self.bytes[pos..end]
                        .iter()
                        .take_while(|b| b.is_ascii_whitespace())
                        .count();
                    let breaks = self.bytes[pos..pos + n]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                    if breaks >= 2 {
                        self.newline();
                    } else {
                        self.put(" ");
                    }
                    self.pos += n;
                }
                _ => {
                    let n = self.bytes[pos..end]
                        .iter()
                        .take_while(|b| !is_special(**b))
                        .count();
                    // Special bytes are ASCII, so the run ends on a character boundary.
                    self.put(&self.src[pos..pos + n]);
                    self.pos += n;
                }
            }
        }
    }

    /// Reads the command at `self.pos` (a backslash).
    fn command(&mut self, end: usize) {
        let start = self.pos + 1;
        if start >= end {
            self.pos = end;
            return;
        }
        let letters = self.bytes[start..end]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if letters == 0 {
            return self.control_symbol(start, end);
        }
        let name = &self.src[start..start + letters];
        self.pos = start + letters;
        if self.pos < end && self.bytes[self.pos] == b'*' {
            self.pos += 1;
        }
        self.skip_spaces(end);
        match command(name) {
            Some(known) => self.known(known, end),
            None => self.unknown(end),
        }
    }

    /// A backslash and one character that is not a letter, at `start`.
    fn control_symbol(&mut self, start: usize, end: usize) {
        let c = self.src[start..].chars().next().unwrap_or(' ');
        self.pos = start + c.len_utf8();
        match c {
            '\\' => {
                self.newline();
                if self.pos < end && self.bytes[self.pos] == b'*' {
                    self.pos += 1;
                }
                self.skip_options(end);
            }
            '#' | '$' | '%' | '&' | '_' | '{' | '}' => self.put(c.encode_utf8(&mut [0; 4])),
            ' ' | '\t' | '\n' | '\r' | ',' | ';' | ':' | '>' => self.put(" "),
            '|' => self.put("|"),
            '!' | '/' | '-' | '@' | '(' | ')' | '[' | ']' => {}
            _ => match command(c.encode_utf8(&mut [0; 4])) {
                Some(Command::Accent(mark)) => self.accent(mark, false, end),
                _ => self.put(c.encode_utf8(&mut [0; 4])),
            },
        }
    }

    /// Reads a known command's arguments (the command name and the spaces after it read).
    fn known(&mut self, known: Command, end: usize) {
        match known {
            Command::Heading(level) => {
                let title = self.args(1, end).concat();
                let title = collapse(&title);
                if !title.is_empty() {
                    self.newline();
                    self.put(&format!("{} {title}", "#".repeat(level)));
                    self.newline();
                }
            }
            Command::TitleLine(n) => {
                let muted = std::mem::replace(&mut self.muted, false);
                let args = self.args(n, end);
                let line = collapse(&args.join(" "));
                self.newline();
                self.put(&line);
                self.newline();
                self.muted = muted;
            }
            Command::FirstName | Command::FamilyName => {
                let muted = std::mem::replace(&mut self.muted, false);
                let name = self.args(1, end).concat();
                if matches!(known, Command::FirstName) {
                    self.newline();
                }
                self.glue = true;
                self.put(&name);
                self.glue = true;
                if matches!(known, Command::FamilyName) {
                    self.newline();
                }
                self.muted = muted;
            }
            Command::Entry => {
                let args = self.args(9, end);
                self.lines(&args);
            }
            Command::Labelled(n) => {
                let args = self.args(n, end);
                let arg = |i: usize| args.get(i).map_or("", String::as_str);
                self.newline();
                match n {
                    3 if !arg(2).is_empty() => {
                        self.labelled(arg(0), &format!("{} ({})", arg(1), arg(2)));
                    }
                    4 => {
                        self.labelled(arg(0), arg(1));
                        self.labelled(arg(2), arg(3));
                    }
                    _ => self.labelled(arg(0), arg(1)),
                }
            }
            Command::Line => {
                let args = self.args(1, end);
                self.lines(&args);
            }
            Command::Formatting => {
                if let Some((open, close)) = self.next_arg(end) {
                    self.group(open, close);
                }
            }
            Command::Drop(n) => {
                self.drop_args(n, end);
                if let Some((open, close)) = self.next_arg(end) {
                    self.group(open, close);
                }
            }
            Command::Space => {
                self.drop_args(1, end);
                self.put(" ");
            }
            Command::Raw => {
                if let Some((open, close)) = self.next_arg(end) {
                    self.glue = true;
                    self.put(&self.src[open + 1..close]);
                    self.pos = close + 1;
                }
            }
            Command::Symbol(text) => self.put(text),
            Command::Word(word) => {
                self.glue = true;
                self.put(word);
                self.glue = true;
            }
            Command::Accent(mark) => self.accent(mark, true, end),
            Command::Break => self.newline(),
            Command::Item => {
                self.newline();
                if self.pos < end
                    && self.bytes[self.pos] == b'['
                    && self.depth < MAX_DEPTH
                    && let Some(close) = self.option_end(self.pos, end)
                {
                    let open = self.pos;
                    // The label is read as a group would be: `[` and `]` stand for braces.
                    self.depth += 1;
                    self.pos = open + 1;
                    self.run(close);
                    self.depth -= 1;
                    self.pos = close + 1;
                    self.put(" ");
                }
            }
            Command::Begin => self.begin(end),
            Command::End => {
                self.drop_args(1, end);
                self.newline();
            }
            Command::Define => {
                if self.pos < end && self.bytes[self.pos] == b'\\' {
                    self.skip_control_sequence(end);
                    self.drop_args(1, end);
                } else {
                    self.drop_args(2, end);
                }
            }
            Command::DefineEnvironment => self.drop_args(3, end),
            Command::Def => {
                self.skip_control_sequence(end);
                // The parameter text (`#1#2`, delimiters) runs up to the body's brace.
                let limit = end.min(self.pos + 64);
                while self.pos < limit && self.bytes[self.pos] != b'{' {
                    self.pos += 1;
                }
                self.drop_args(1, end);
            }
            Command::Let => {
                self.skip_control_sequence(end);
                self.skip_spaces(end);
                if self.pos < end && self.bytes[self.pos] == b'=' {
                    self.pos += 1;
                    self.skip_spaces(end);
                }
                if self.pos < end && self.bytes[self.pos] == b'\\' {
                    self.skip_control_sequence(end);
                } else if self.pos < end {
                    self.pos += 1;
                }
            }
        }
    }

    /// Any other command: its arguments' text, one in place, several a line each.
    fn unknown(&mut self, end: usize) {
        let args = self.args(9, end);
        if args.len() > 1 {
            return self.lines(&args);
        }
        self.glue = true;
        if let Some(arg) = args.first() {
            self.put(arg);
            self.glue = true;
        }
    }

    /// Each non-empty text on lines of its own.
    fn lines(&mut self, texts: &[String]) {
        self.newline();
        for text in texts.iter().filter(|t| !t.is_empty()) {
            self.put(text);
            self.newline();
        }
    }

    /// A "label: value" line (the label's own colon dropped; just one of them when the other
    /// is empty).
    fn labelled(&mut self, label: &str, value: &str) {
        let label = label.trim_end_matches(':').trim_end();
        match (label.is_empty(), value.is_empty()) {
            (false, false) => self.put(&format!("{label}: {value}")),
            (true, _) => self.put(value),
            (false, true) => self.put(label),
        }
        self.newline();
    }

    /// `\begin{env}`: a line break, then what the environment takes: its options and
    /// arguments that are not text (a table's column spec, a minipage's width) are dropped,
    /// `rSection`'s title is a heading and `rSubsection`'s arguments are an entry.
    fn begin(&mut self, end: usize) {
        let Some((open, close)) = self.next_arg(end) else {
            return;
        };
        let env = self.src[open + 1..close].trim();
        self.pos = close + 1;
        self.newline();
        let dropped = match env {
            "tabular" | "array" | "longtable" | "minipage" | "multicols" | "wrapfigure" => 1,
            "tabular*" | "tabularx" | "tabulary" | "adjustwidth" => 2,
            "rSection" => return self.known(Command::Heading(1), end),
            "rSubsection" => return self.known(Command::Entry, end),
            _ => 0,
        };
        self.skip_options(end);
        self.drop_args(dropped, end);
        self.skip_options(end);
    }

    /// Skips a control sequence (`\name` or `\x`) or one character.
    fn skip_control_sequence(&mut self, end: usize) {
        if self.pos >= end {
            return;
        }
        if self.bytes[self.pos] == b'\\' {
            self.pos += 1;
            let letters = self.bytes[self.pos..end]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if letters > 0 {
                self.pos += letters;
                return;
            }
        }
        if let Some(c) = self.src[self.pos..end].chars().next() {
            self.pos += c.len_utf8();
        }
    }

    /// An accent: its argument (a group, or the next character) with `mark` after the first
    /// letter; a dotless i or j under an accent is a plain one. `spaces`: spaces before
    /// the argument are skipped (they were, after a control word).
    fn accent(&mut self, mark: char, spaces: bool, end: usize) {
        let base = match self.next_arg(end) {
            Some((open, close)) => self.capture(open, close),
            None => {
                if !spaces && self.pos < end && self.bytes[self.pos].is_ascii_whitespace() {
                    return;
                }
                match self.src[self.pos..end].chars().next() {
                    // A dotless i or j, or another letter written as a command (`\"\i`).
                    Some('\\') => {
                        let start = self.pos + 1;
                        let letters = self.bytes[start..end]
                            .iter()
                            .take_while(|b| b.is_ascii_alphabetic())
                            .count();
                        match command(&self.src[start..start + letters]) {
                            Some(Command::Symbol(text)) if letters > 0 => {
                                self.pos = start + letters;
                                self.skip_spaces(end);
                                text.to_owned()
                            }
                            _ => String::new(),
                        }
                    }
                    Some(c) if c != '{' && c != '}' => {
                        self.pos += c.len_utf8();
                        c.to_string()
                    }
                    _ => String::new(),
                }
            }
        };
        let mut chars = base.chars();
        let Some(first) = chars.next() else { return };
        let first = match first {
            'ı' => 'i',
            'ȷ' => 'j',
            c => c,
        };
        let mut text = String::with_capacity(base.len() + 2);
        text.push(first);
        text.push(mark);
        text.extend(chars);
        self.put(&text);
    }
}

/// Bytes that end a run of plain text.
fn is_special(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'{'
            | b'}'
            | b'$'
            | b'^'
            | b'_'
            | b'~'
            | b'&'
            | b'-'
            | b'`'
            | b'\''
            | b' '
            | b'\t'
            | b'\r'
            | b'\n'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of a source that has at most [`MAX_LINES`] of them.
    fn to_lines(text: &str) -> Vec<String> {
        read(text).expect("at most MAX_LINES lines")
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn lines_table() {
        let cases: &[(&str, &[&str])] = &[
            // Entries: a line per non-empty argument; items: "label: value".
            (
                r"\cventry{2019--2021}{Data Engineer}{Acme}{Berlin}{}{Built ETL in \textbf{Python}.}",
                &[
                    "2019–2021",
                    "Data Engineer",
                    "Acme",
                    "Berlin",
                    "Built ETL in Python.",
                ],
            ),
            (
                "\\cvitem{Languages}{Python, Go}\n\\cvitem{}{Rust}\n\\cvitem{Tools:}{Git}\n\\cvitem[1em]{Cloud}{}",
                &["Languages: Python, Go", "Rust", "Tools: Git", "Cloud"],
            ),
            (
                r"\cvitemwithcomment{English}{Fluent}{C1}\cvdoubleitem{Web}{React}{Data}{SQL}",
                &["English: Fluent (C1)", "Web: React", "Data: SQL"],
            ),
            (
                r"\cvskill{Programming}{Go, Python}\cvlistitem{Kafka}\resumeItem{Used Redis}\cvtag{Rust}\cvtag{Go}",
                &[
                    "Programming: Go, Python",
                    "Kafka",
                    "Used Redis",
                    "Rust",
                    "Go",
                ],
            ),
            (
                "\\resumeSubheading\n  {Acme}{2019 -- 2021}\n  {Engineer}{Berlin}",
                &["Acme", "2019 – 2021", "Engineer", "Berlin"],
            ),
            // Headings, marked with their level, each a line of its own.
            (
                "Intro \\section{Skills}Python\\subsection*{Tools}Git\\cvsection[x]{Projects}\\subsubsection{A \\& B}",
                &[
                    "Intro",
                    "# Skills",
                    "Python",
                    "## Tools",
                    "Git",
                    "# Projects",
                    "### A & B",
                ],
            ),
            (
                r"\begin{rSection}{Skills}Go\end{rSection}\section{}",
                &["# Skills", "Go"],
            ),
            // Escapes, ties, dashes, quotes, math.
            (
                r"C\#, R\&D, 40\%, \$5, snake\_case, \{x\}, a~b, 2019--2021, a---b, ``q'' $\sim$5 $|$ x^2",
                &["C#, R&D, 40%, $5, snake_case, {x}, a b, 2019–2021, a—b, \"q\" ~5 | x2"],
            ),
            // Comments, with their line break; `\%` is no comment.
            (
                "Python % not Go\n   Rust 100\\% \\\\% gone\nSQL\n\nKafka",
                &["Python Rust 100%", "SQL", "Kafka"],
            ),
            // Line breaks: `\\`, `\newline`, a blank line, items, environments.
            (
                "one\\\\[2pt]two\\newline three\n\nfour\n five\\begin{itemize}[noitemsep]\\item six \\item[Tools:] Git\\end{itemize}seven",
                &[
                    "one",
                    "two",
                    "three",
                    "four five",
                    "six",
                    "Tools: Git",
                    "seven",
                ],
            ),
            // Formatting unwraps; links keep their text, URLs are as written.
            (
                r"\textbf{Python}, \emph{Go}, \textit{Rust}, \texttt{SQL}, {\bf Java}, \underline{C}",
                &["Python, Go, Rust, SQL, Java, C"],
            ),
            (
                r"\href{https://x.example/a_b}{my \emph{site}} and \url{https://x.example/c_d}",
                &["my site and https://x.example/c_d"],
            ),
            // Arguments that are not text are dropped.
            (
                r"\vspace{2pt}C\hspace*{1em}Go \includegraphics[width=2cm]{me.png}\textcolor{red}{Rust}\color{blue}",
                &["C Go Rust"],
            ),
            (
                "\\newcommand{\\sep}[1]{\\section{#1}}\\renewcommand\\x{y}\\def\\z#1{#1}\\let\\a=\\b Python",
                &["Python"],
            ),
            // Unknown commands keep their arguments' text: one in place, several a line each.
            (
                r"\skill{Python}\skill{Go}\sep Rust\sep{}Java, \cvevent{Engineer}{Acme}{2020}{Tokyo}",
                &["Python Go Rust Java,", "Engineer", "Acme", "2020", "Tokyo"],
            ),
            // Tables: the first cell is a label.
            (
                "\\begin{tabular}{ @{} l l }\nLanguages & Python, Go \\\\ \\hline\nTools & Git & Docker \\\\\n\\end{tabular}",
                &["Languages: Python, Go", "Tools: Git | Docker"],
            ),
            // Words and symbols.
            (
                r"\LaTeX{} and \LaTeX, \TeX\ docs\ldots\ Stra\ss e \textbar\ x",
                &["LaTeX and LaTeX, TeX docs... Straße | x"],
            ),
        ];
        for (tex, want) in cases {
            assert_eq!(to_lines(tex), *want, "{tex}");
        }
    }

    #[test]
    fn preamble_keeps_the_title_block() {
        let tex = "\\documentclass[11pt]{moderncv}\n\\moderncvstyle{classic}\n\\usepackage[utf8]{inputenc}\n\
                   \\name{Ana}{Silva}\n\\title{Data Engineer}\n\\email{ana@example.com}\n\
                   \\newcommand{\\x}{\\section{Hidden}}\nStray preamble text\n\
                   \\begin{document}\n\\makecvtitle\n\\section{Skills}\nPython\n\\end{document}\nAfter the end";
        assert_eq!(
            to_lines(tex),
            ["Ana Silva", "Data Engineer", "# Skills", "Python"]
        );
        let old = "\\firstname{Ana}\\familyname{Silva}\\begin{document}Go\\end{document}";
        assert_eq!(to_lines(old), ["Ana Silva", "Go"]);
        let article = "\\documentclass{article}\\author{Ana Silva}\\begin{document}\\maketitle Go\\end{document}";
        assert_eq!(to_lines(article), ["Ana Silva", "Go"]);
    }

    #[test]
    fn accents_are_composed_by_normalisation() {
        let doc =
            extract(r#"Jos\'e M\"{u}ller, Fran\c{c}ois, \v{S}koda, na\"\i ve, \'{\i}"#).unwrap();
        assert_eq!(texts(&doc), ["José Müller, François, Škoda, naïve, í"]);
    }

    #[test]
    fn a_preamble_alone() {
        // Nothing but set-up: no text, an error naming the kind.
        let tex =
            b"\\documentclass[11pt]{article}\n\\usepackage{geometry}\n\\geometry{margin=1in}\n";
        assert_eq!(super::super::detect(tex), super::super::Kind::Latex);
        let err = super::super::extract(tex).unwrap_err();
        assert_eq!(err.kind(), "empty");
        assert_eq!(err.to_string(), "this LaTeX file holds no text");
        // A title block without a body is the name only.
        let named = b"\\documentclass{moderncv}\n\\name{Ana}{Silva}\n\\usepackage{x}\n";
        assert_eq!(texts(&super::super::extract(named).unwrap()), ["Ana Silva"]);
    }

    #[test]
    fn unbalanced_braces_and_cut_off_commands() {
        let cases: &[(&str, &[&str])] = &[
            (r"\textbf{Python, Go", &["Python, Go"]),
            ("Python}}} Go{ Rust", &["Python Go Rust"]),
            (r"\cventry{Engineer}{Acme", &["Engineer", "Acme"]),
            (r"\section{Skills", &["Skills"]),
            (r"\begin{itemize", &["itemize"]),
            (r"\item[Tools Git", &["[Tools Git"]),
            (r"Go \'", &["Go"]),
            ("Go \\", &["Go"]),
            (r"\href{https://x.example}", &[]),
            (r"\def\x", &[]),
            (r"\newcommand", &[]),
            ("", &[]),
        ];
        for (tex, want) in cases {
            assert_eq!(to_lines(tex), *want, "{tex}");
        }
    }

    #[test]
    fn deep_nesting_is_read_flat_without_overflowing_the_stack() {
        let n = 100_000;
        let braces = format!("{}Python{}", "{".repeat(n), "}".repeat(n));
        assert_eq!(to_lines(&braces), ["Python"]);
        let bold = format!("{}Go{}", r"\textbf{".repeat(n), "}".repeat(n));
        assert_eq!(to_lines(&bold), ["Go"]);
        let entries = format!("{}Rust{}", r"\cventry{".repeat(n), "}{}".repeat(n));
        assert_eq!(to_lines(&entries), ["Rust"]);
        let open = format!("{}Java", r"\section{".repeat(n));
        assert_eq!(to_lines(&open), ["Java"]);
        let labels = format!("{}Go]", r"\item[".repeat(200));
        assert!(to_lines(&labels).concat().contains("Go"));
    }

    #[test]
    fn hostile_input_stays_linear() {
        // Patterns that would make a naive reader rescan: unmatched brackets after
        // commands, unmatched braces, long optional arguments, many arguments.
        let size = 1 << 20;
        let patterns = [
            r"\x[",
            r"\item[",
            "{",
            r"\cventry{a}",
            r"\textbf{",
            "[]",
            r"\begin{itemize}[",
            r"\\[",
            "&",
            r"\'",
        ];
        for pattern in patterns {
            let tex = pattern.repeat(size / pattern.len());
            let start = std::time::Instant::now();
            let lines = read(&tex);
            let took = start.elapsed();
            assert!(took.as_secs() < 5, "{pattern}: {took:?}");
            let bytes = lines.iter().flatten().map(String::len).sum::<usize>();
            assert!(bytes <= 2 * tex.len(), "{pattern}");
        }
        // Reading stops past the line limit: an error, not a silent cut.
        let many = r"\item x ".repeat(MAX_LINES + 1);
        assert!(read(&many).is_none());
        let document = format!("\\documentclass{{article}}\n{many}");
        let err = super::super::extract(document.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "the file is too large: over 100000 lines");
        let most = read(&r"\item x ".repeat(MAX_LINES)).map(|l| l.len());
        assert_eq!(most, Some(MAX_LINES));
        assert!(read(&r"\item x ".repeat(3 * MAX_LINES)).is_none());
    }

    #[test]
    fn looks_like_table() {
        let cases = [
            ("\\documentclass[11pt]{moderncv}\n", true),
            ("  \\begin{document}\nHi\n\\end{document}\n", true),
            (
                "\\cvsection{Skills}\n\\begin{cvskills}\n\\cvskill{Go}{Rust}\n\\end{cvskills}\n",
                true,
            ),
            (
                "% comment\n\\section{Skills}\n\\item Python\n\\item Go\nSome text\nMore text\n",
                true,
            ),
            // Too few commands, or too few among the lines.
            ("\\textbf{Python}\nPython and Go\n", false),
            (
                "\\section{A}\n\\section{B}\n\\section{C}\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
                false,
            ),
            // Markdown or text mentioning LaTeX.
            (
                "# Ana\nUse \\n for a new line.\nI write \\section{} in LaTeX.\n",
                false,
            ),
            (
                "# Ana\n```latex\n\\documentclass{article}\n\\begin{document}\n\\section{A}\n```\n",
                false,
            ),
            ("\\n\n\\t\n\\x\n", false),
            ("C:\\Users\\ana\nC:\\Temp\n\\\\server\\share\n", false),
            ("Python, Go\n", false),
        ];
        for (text, want) in cases {
            assert_eq!(looks_like(text), want, "{text:?}");
        }
    }

    /// Each command is in one table only, and the tables are sorted (the data stays tidy).
    #[test]
    fn command_tables_are_tidy() {
        let mut names: Vec<&str> = NAMED
            .iter()
            .flat_map(|(names, _)| names.iter().copied())
            .collect();
        let tables: [Vec<&str>; 5] = [
            FORMATTING.to_vec(),
            DROPPED_ARGS.iter().map(|(n, _)| *n).collect(),
            SYMBOLS.iter().map(|(n, _)| *n).collect(),
            WORDS.iter().map(|(n, _)| *n).collect(),
            ACCENTS.iter().map(|(n, _)| *n).collect(),
        ];
        for table in &tables {
            let mut sorted = table.clone();
            sorted.sort_unstable();
            assert_eq!(*table, sorted);
            names.extend(table);
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a command in two tables");
    }

    #[test]
    fn fixtures_are_latex() {
        for name in [
            "data-engineer-moderncv.tex",
            "devops-engineer-awesome-cv.tex",
        ] {
            let path = format!("{}/fixtures/resumes/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(
                super::super::detect(&bytes),
                super::super::Kind::Latex,
                "{name}"
            );
        }
    }
}
