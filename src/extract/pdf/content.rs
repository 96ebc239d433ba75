//! The content-stream interpreter: runs a page's operators (and the Form XObjects it draws)
//! far enough to know where every glyph lands. Tracks the CTM (`cm`, `q`/`Q`), the text
//! matrices and the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`), and emits one
//! [`PlacedGlyph`] per glyph that has text, in device space turned so that its text runs
//! left to right.

use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::encoding::expand_ligature;
use super::font::{Font, FontCache};
use super::resolve;

/// Budgets for one page; exceeding one stops the page with [`Stop`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Decoded content bytes (page streams plus forms).
    pub content_bytes: usize,
    /// Operators run.
    pub operations: usize,
    /// Glyphs placed.
    pub glyphs: usize,
    /// Form XObjects run.
    pub forms: usize,
    /// Forms drawn inside forms.
    pub form_depth: usize,
    /// Bytes of glyph text.
    pub text_bytes: usize,
}

/// Why a page was stopped.
#[derive(Debug)]
pub(super) enum Stop {
    /// A budget of [`Limits`] ran out (the message says which).
    TooLarge(String),
}

/// A 2D affine matrix `[a b c d e f]` (row-vector convention, as in PDF).
pub(super) type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the matrix that applies `m` first.
pub(super) fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// One glyph with text, in its direction's frame: `u` runs along the text, `v` across it
/// (larger `v` = higher on the page, i.e. earlier in reading order).
#[derive(Debug, Clone, Copy)]
pub(super) struct PlacedGlyph {
    /// Start of the glyph along the text direction.
    pub u0: f32,
    /// End of the glyph (start plus its width, without character spacing).
    pub u1: f32,
    /// Baseline position across the text direction.
    pub v: f32,
    /// Font size in device space.
    pub size: f32,
    /// Text direction in quarter turns counter-clockwise (0 = left to right).
    pub dir: u8,
    /// The glyph's text is whitespace.
    pub space: bool,
    /// Byte range of its text in [`PageGlyphs::text`].
    pub start: u32,
    /// Length of that range.
    pub len: u32,
}

/// All glyphs of one page, with their text in one buffer.
#[derive(Debug, Default)]
pub(super) struct PageGlyphs {
    /// Glyphs in content-stream order.
    pub glyphs: Vec<PlacedGlyph>,
    /// Text of all glyphs.
    pub text: String,
    /// The page (or a form) draws an image.
    pub has_image: bool,
    /// Problems met (unreadable streams, bad operators), for the damaged-file verdict.
    pub problems: Vec<String>,
}

impl PageGlyphs {
    /// The text of glyph `g`.
    pub(super) fn glyph_text(&self, g: &PlacedGlyph) -> &str {
        &self.text[g.start as usize..(g.start + g.len) as usize]
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl GState {
    fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Runs the content of pages.
pub(super) struct Interpreter<'a> {
    doc: &'a Document,
    /// The file, to recover streams whose `/Length` could not be read.
    file: &'a [u8],
    fonts: &'a mut FontCache,
    fallback: Rc<Font>,
    limits: Limits,
    used_bytes: usize,
    used_ops: usize,
    used_forms: usize,
    /// Forms being run (to stop cycles).
    form_stack: Vec<ObjectId>,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    /// Open marked-content sequences; `Some` for an outermost `/ActualText` span: the
    /// glyph count and text length when it began, and its replacement text.
    marked: Vec<Option<(usize, usize, String)>>,
    /// Where the first glyph inside the open `/ActualText` span was drawn, even one
    /// without text of its own (an icon): (u0, u1, v, size, dir).
    actual_anchor: Option<(f32, f32, f32, f32, u8)>,
    out: PageGlyphs,
}

const MAX_GSTATE_STACK: usize = 512;

/// An operator no content stream uses, appended to every stream run: reaching it means the
/// whole stream parsed. lopdf's operation iterator ends quietly at the first bytes it cannot
/// parse (garbage, a string or inline image cut short), which is how a damaged file looks.
const END_OPERATOR: &str = "SkillgapEndOfContent";

impl<'a> Interpreter<'a> {
    /// An interpreter for one page.
    pub(super) fn new(
        doc: &'a Document,
        file: &'a [u8],
        fonts: &'a mut FontCache,
        limits: Limits,
    ) -> Interpreter<'a> {
        Interpreter {
            doc,
            file,
            fonts,
            fallback: Rc::new(Font::fallback()),
            limits,
            used_bytes: 0,
            used_ops: 0,
            used_forms: 0,
            form_stack: Vec::new(),
            gs: GState::new(IDENTITY),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            marked: Vec::new(),
            actual_anchor: None,
            out: PageGlyphs::default(),
        }
    }

    /// Runs the page `page_id` and returns its glyphs.
    pub(super) fn run_page(mut self, page_id: ObjectId) -> Result<PageGlyphs, Stop> {
        let doc = self.doc;
        let resources = page_resources(doc, page_id);
        let page = doc.get_dictionary(page_id).ok();
        if page.is_none() {
            self.out.problems.push(format!(
                "page object {} {} R is missing or unreadable",
                page_id.0, page_id.1
            ));
        }
        let contents = page.and_then(|p| p.get(b"Contents").ok());
        let streams = content_streams(doc, contents);
        if streams.is_empty() && contents.is_some() {
            self.out.problems.push("page content is missing".into());
        }
        // The page's streams form one content stream: concatenate them (an operator may
        // span two of them).
        let mut data = Vec::new();
        for stream in streams {
            let recovered = recover_stream(stream, self.file);
            let stream = recovered.as_ref().unwrap_or(stream);
            let remaining = self.limits.content_bytes.saturating_sub(data.len());
            match self.decode(stream, remaining)? {
                Ok(bytes) => {
                    self.note_undecodable(stream, &bytes, "page content");
                    data.extend_from_slice(&bytes);
                }
                Err(e) => {
                    // Like other readers, fall back to whatever decoded, else the raw bytes.
                    self.out.problems.push(format!("page content: {e}"));
                    if stream.content.len() <= remaining && stream.filters().is_err() {
                        data.extend_from_slice(&stream.content);
                    }
                }
            }
            data.push(b'\n');
        }
        self.used_bytes = data.len();
        self.run(&mut data, &resources)?;
        Ok(self.out)
    }

    /// A content stream's decoded bytes, at most `remaining`. Going over the page's content
    /// limit stops the document (too large); any other decoding error is the caller's to
    /// report and recover from.
    fn decode(
        &self,
        stream: &lopdf::Stream,
        remaining: usize,
    ) -> Result<Result<Vec<u8>, lopdf::Error>, Stop> {
        match stream.get_plain_content_with_limit(remaining) {
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => Err(Stop::TooLarge(format!(
                "page content over {} MiB",
                self.limits.content_bytes >> 20
            ))),
            other => Ok(other),
        }
    }

    /// Notes a filtered stream with data that decoded to nothing: lopdf reports a corrupt
    /// or truncated Flate (or an LZW) stream that way rather than as an error.
    fn note_undecodable(&mut self, stream: &lopdf::Stream, decoded: &[u8], what: &str) {
        if decoded.is_empty()
            && stream.content.iter().any(|b| !b.is_ascii_whitespace())
            && let Ok(filters) = stream.filters()
            && let Some(filter) = filters.first()
        {
            self.out.problems.push(format!(
                "{what}: its {} data does not decode",
                String::from_utf8_lossy(filter)
            ));
        }
    }

    /// Runs the operators of `data` (a content stream; [`END_OPERATOR`] is appended to it
    /// to tell a stream read to its end from one that breaks off). A stream that breaks off,
    /// or ends inside a text object, is noted in `problems`.
    fn run(&mut self, data: &mut Vec<u8>, resources: &[&'a Dictionary]) -> Result<(), Stop> {
        data.push(b'\n');
        data.extend_from_slice(END_OPERATOR.as_bytes());
        data.push(b'\n');
        let mut complete = false;
        let mut in_text = false;
        for op in Content::decode_iter(data) {
            let op = match op {
                Ok(op) => op,
                Err(e) => {
                    self.out.problems.push(format!("content stream: {e}"));
                    complete = true; // said already
                    break;
                }
            };
            match op.operator.as_str() {
                END_OPERATOR => {
                    complete = true;
                    break;
                }
                "BT" => in_text = true,
                "ET" => in_text = false,
                _ => {}
            }
            self.used_ops += 1;
            if self.used_ops > self.limits.operations {
                return Err(Stop::TooLarge(format!(
                    "over {} operators on a page",
                    self.limits.operations
                )));
            }
            self.operation(&op.operator, &op.operands, resources)?;
        }
        if !complete {
            self.out
                .problems
                .push("a content stream breaks off in unreadable bytes".into());
        } else if in_text {
            self.out
                .problems
                .push("a content stream ends inside a text object (cut short?)".into());
        }
        Ok(())
    }

    fn operation(
        &mut self,
        operator: &str,
        operands: &[Object],
        resources: &[&'a Dictionary],
    ) -> Result<(), Stop> {
        let num = |i: usize| -> f32 {
            match operands.get(i) {
                Some(Object::Integer(v)) => *v as f32,
                Some(Object::Real(v)) if v.is_finite() => *v,
                _ => 0.0,
            }
        };
        let matrix = || [num(0), num(1), num(2), num(3), num(4), num(5)];
        match operator {
            "q" if self.stack.len() < MAX_GSTATE_STACK => self.stack.push(self.gs.clone()),
            "Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            "cm" if operands.len() == 6 => self.gs.ctm = mul(&matrix(), &self.gs.ctm),
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Tf" => {
                self.gs.size = num(1);
                let font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| lookup(self.doc, resources, b"Font", name));
                self.gs.font = Some(match font {
                    Some(entry) => {
                        if resolve::dict(self.doc, Some(entry)).is_none() {
                            self.out.problems.push("a font object is missing".into());
                        }
                        self.fonts.get(self.doc, entry)
                    }
                    None => {
                        self.out.problems.push("missing font".into());
                        self.fallback.clone()
                    }
                });
            }
            "Tc" => self.gs.char_spacing = num(0),
            "Tw" => self.gs.word_spacing = num(0),
            "Tz" => self.gs.scale = num(0) / 100.0,
            "TL" => self.gs.leading = num(0),
            "Ts" => self.gs.rise = num(0),
            "Td" => self.move_line(num(0), num(1)),
            "TD" => {
                self.gs.leading = -num(1);
                self.move_line(num(0), num(1));
            }
            "Tm" if operands.len() == 6 => {
                self.tlm = matrix();
                self.tm = self.tlm;
            }
            "T*" => self.move_line(0.0, -self.gs.leading),
            "Tj" => {
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s)?;
                }
            }
            "'" => {
                self.move_line(0.0, -self.gs.leading);
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s)?;
                }
            }
            "\"" => {
                self.gs.word_spacing = num(0);
                self.gs.char_spacing = num(1);
                self.move_line(0.0, -self.gs.leading);
                if let Some(Object::String(s, _)) = operands.get(2) {
                    self.show(s)?;
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = operands.first() {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s)?,
                            Object::Integer(_) | Object::Real(_) => {
                                let n = match item {
                                    Object::Integer(v) => *v as f32,
                                    Object::Real(v) if v.is_finite() => *v,
                                    _ => 0.0,
                                };
                                let tx = -n / 1000.0 * self.gs.size * self.gs.scale;
                                self.advance(tx);
                            }
                            _ => {}
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                    self.draw_xobject(name, resources)?;
                }
            }
            "BI" => self.out.has_image = true,
            "BMC" if self.marked.len() < MAX_GSTATE_STACK => self.marked.push(None),
            "BDC" => {
                let actual = operands
                    .get(1)
                    .and_then(|p| match p {
                        Object::Name(name) => lookup(self.doc, resources, b"Properties", name),
                        other => Some(other),
                    })
                    .and_then(|p| resolve::dict(self.doc, Some(p)))
                    .and_then(|d| d.get(b"ActualText").ok())
                    .map(|t| resolve::object(self.doc, t))
                    .and_then(|t| lopdf::decode_text_string(t).ok());
                let open = self.marked.iter().any(Option::is_some);
                if self.marked.len() < MAX_GSTATE_STACK {
                    self.marked.push(match actual {
                        Some(text) if !open => {
                            self.actual_anchor = None;
                            Some((self.out.glyphs.len(), self.out.text.len(), text))
                        }
                        _ => None,
                    });
                }
            }
            "EMC" => {
                if let Some(Some((glyph_start, text_start, text))) = self.marked.pop() {
                    self.replace_with_actual_text(glyph_start, text_start, &text)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn advance(&mut self, tx: f32) {
        if tx.is_finite() {
            self.tm[4] += tx * self.tm[0];
            self.tm[5] += tx * self.tm[1];
        }
    }

    fn show(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        let font = self
            .gs
            .font
            .clone()
            .unwrap_or_else(|| self.fallback.clone());
        let (size, scale) = (self.gs.size, self.gs.scale);
        let (tc, tw, rise) = (self.gs.char_spacing, self.gs.word_spacing, self.gs.rise);
        let ctm = self.gs.ctm;
        let mut stop = None;
        font.decode(bytes, |glyph| {
            if stop.is_some() {
                return;
            }
            let m = mul(&self.tm, &ctm);
            let visual = glyph.width * size * scale;
            let anchor = self.actual_anchor.is_none() && self.marked.iter().any(Option::is_some);
            if !glyph.text.is_empty() || anchor {
                let x0 = rise * m[2] + m[4];
                let y0 = rise * m[3] + m[5];
                let (x1, y1) = (x0 + visual * m[0], y0 + visual * m[1]);
                let height = size * font.size_scale * (m[2] * m[2] + m[3] * m[3]).sqrt();
                if let Some(dir) = direction(m[0] * scale.signum(), m[1] * scale.signum())
                    && height.is_finite()
                    && x0.is_finite()
                    && y0.is_finite()
                {
                    let (u0, v) = to_frame(dir, x0, y0);
                    let (u1, _) = to_frame(dir, x1, y1);
                    let (u0, u1) = (u0.min(u1), u0.max(u1));
                    if anchor {
                        self.actual_anchor = Some((u0, u1, v, height, dir));
                    }
                    if let Err(e) = self.place(glyph.text, u0, u1, v, height, dir) {
                        stop = Some(e);
                        return;
                    }
                }
            }
            let word = if glyph.word_space { tw } else { 0.0 };
            self.advance((glyph.width * size + tc + word) * scale);
        });
        stop.map_or(Ok(()), Err)
    }

    fn place(
        &mut self,
        text: &str,
        u0: f32,
        u1: f32,
        v: f32,
        size: f32,
        dir: u8,
    ) -> Result<(), Stop> {
        if self.out.text.len() + text.len() > self.limits.text_bytes {
            return Err(Stop::TooLarge(format!(
                "over {} MiB of text on a page",
                self.limits.text_bytes >> 20
            )));
        }
        if self.out.glyphs.len() >= self.limits.glyphs {
            return Err(Stop::TooLarge(format!(
                "over {} glyphs on a page",
                self.limits.glyphs
            )));
        }
        let start = self.out.text.len();
        let mut space = true;
        for c in text.chars() {
            if let Some(expanded) = expand_ligature(c) {
                self.out.text.push_str(expanded);
                space = false;
            } else if c.is_whitespace() {
                self.out.text.push(' ');
            } else if !c.is_control() {
                self.out.text.push(c);
                space = false;
            }
        }
        let len = self.out.text.len() - start;
        if len == 0 {
            return Ok(());
        }
        self.out.glyphs.push(PlacedGlyph {
            u0,
            u1,
            v,
            size: size.abs(),
            dir,
            space,
            start: start as u32,
            len: len as u32,
        });
        Ok(())
    }

    /// Replaces the glyphs placed since `glyph_start` with one glyph carrying `text`, where
    /// they stood (`/ActualText`: the author's text for what was drawn).
    fn replace_with_actual_text(
        &mut self,
        glyph_start: usize,
        text_start: usize,
        text: &str,
    ) -> Result<(), Stop> {
        let Some((u0, u1, v, size, dir)) = self.actual_anchor.take() else {
            return Ok(());
        };
        let placed = &self.out.glyphs[glyph_start.min(self.out.glyphs.len())..];
        let u1 = placed.iter().map(|g| g.u1).fold(u1, f32::max);
        self.out.glyphs.truncate(glyph_start);
        self.out.text.truncate(text_start);
        self.place(text, u0, u1, v, size, dir)
    }

    fn draw_xobject(&mut self, name: &[u8], resources: &[&'a Dictionary]) -> Result<(), Stop> {
        let doc = self.doc;
        let Some(entry) = lookup(doc, resources, b"XObject", name) else {
            return Ok(());
        };
        let id = entry.as_reference().ok();
        let Object::Stream(stream) = resolve::object(doc, entry) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                self.out.has_image = true;
                return Ok(());
            }
            Ok(b"Form") => {}
            _ => return Ok(()),
        }
        if id.is_some_and(|id| self.form_stack.contains(&id))
            || self.form_stack.len() >= self.limits.form_depth
        {
            return Ok(());
        }
        self.used_forms += 1;
        if self.used_forms > self.limits.forms {
            return Err(Stop::TooLarge(format!(
                "over {} forms drawn on a page",
                self.limits.forms
            )));
        }
        let remaining = self.limits.content_bytes.saturating_sub(self.used_bytes);
        let recovered = recover_stream(stream, self.file);
        let source = recovered.as_ref().unwrap_or(stream);
        let mut data = match self.decode(source, remaining)? {
            Ok(data) => {
                self.note_undecodable(source, &data, "form content");
                data
            }
            Err(e) => {
                self.out.problems.push(format!("form content: {e}"));
                return Ok(());
            }
        };
        self.used_bytes += data.len();
        let form_resources = resolve::dict(doc, stream.dict.get(b"Resources").ok());
        let inner: Vec<&'a Dictionary> = match form_resources {
            Some(r) => std::iter::once(r)
                .chain(resources.iter().copied())
                .collect(),
            None => resources.to_vec(),
        };
        let matrix = resolve::matrix(doc, stream.dict.get(b"Matrix").ok()).unwrap_or(IDENTITY);
        // A form runs as if inside q ... Q, with its own text objects.
        let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
        self.gs.ctm = mul(&matrix, &self.gs.ctm);
        if let Some(id) = id {
            self.form_stack.push(id);
        }
        let result = self.run(&mut data, &inner);
        if id.is_some() {
            self.form_stack.pop();
        }
        self.gs = saved.0;
        self.stack.truncate(saved.1);
        self.tm = saved.2;
        self.tlm = saved.3;
        result
    }
}

/// A copy of `stream` with its data read up to `endstream` in the file, when lopdf left it
/// empty because its `/Length` could not be read (a broken or self-referencing length).
fn recover_stream(stream: &lopdf::Stream, file: &[u8]) -> Option<lopdf::Stream> {
    if !stream.content.is_empty() {
        return None;
    }
    let start = stream.start_position?;
    let rest = file.get(start..)?;
    let rest = &rest[..rest.len().min(4 * 1024 * 1024)];
    let end = rest.windows(9).position(|w| w == b"endstream")?;
    let mut data = &rest[..end];
    while let [head @ .., b'\r' | b'\n'] = data {
        data = head;
    }
    Some(lopdf::Stream::new(stream.dict.clone(), data.to_vec()))
}

/// The quarter turn closest to the direction `(a, b)`, if it has a length.
fn direction(a: f32, b: f32) -> Option<u8> {
    if !(a.is_finite() && b.is_finite()) || (a == 0.0 && b == 0.0) {
        return None;
    }
    Some(if a.abs() >= b.abs() {
        if a > 0.0 { 0 } else { 2 }
    } else if b > 0.0 {
        1
    } else {
        3
    })
}

/// Device point in the frame of direction `dir`: (along the text, across it).
fn to_frame(dir: u8, x: f32, y: f32) -> (f32, f32) {
    match dir {
        0 => (x, y),
        1 => (y, -x),
        2 => (-x, -y),
        _ => (-y, x),
    }
}

/// The page's resource dictionaries, nearest first (inherited ones after).
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
        out.extend(direct);
        for id in ids {
            if let Ok(d) = doc.get_dictionary(id)
                && out.len() < 64
            {
                out.push(d);
            }
        }
    }
    out
}

/// The streams of a page's `/Contents` (a stream or an array of them).
fn content_streams<'a>(doc: &'a Document, contents: Option<&'a Object>) -> Vec<&'a lopdf::Stream> {
    let Some(contents) = contents else {
        return Vec::new();
    };
    match resolve::object(doc, contents) {
        Object::Stream(s) => vec![s],
        Object::Array(items) => items
            .iter()
            .take(10_000)
            .filter_map(|o| match resolve::object(doc, o) {
                Object::Stream(s) => Some(s),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The entry `name` in the `category` (`/Font`, `/XObject`) of the first resource
/// dictionary that has it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|r| {
        let cat = resolve::dict(doc, r.get(category).ok())?;
        cat.get(name).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let translate = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        // Translate, then scale: the offset is scaled too.
        assert_eq!(mul(&translate, &scale), [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
        assert_eq!(mul(&scale, &translate), [2.0, 0.0, 0.0, 2.0, 10.0, 20.0]);
    }

    #[test]
    fn directions_and_frames() {
        assert_eq!(direction(1.0, 0.0), Some(0));
        assert_eq!(direction(0.0, 1.0), Some(1));
        assert_eq!(direction(-1.0, 0.1), Some(2));
        assert_eq!(direction(0.0, -3.0), Some(3));
        assert_eq!(direction(0.0, 0.0), None);
        assert_eq!(to_frame(1, 100.0, 72.0), (72.0, -100.0));
    }
}
