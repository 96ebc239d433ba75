//! Glyphs -> lines of text in reading order.
//!
//! Per text direction (the most common first): glyphs in stream order form chunks on one
//! baseline; chunks cluster into lines by baseline, top to bottom; within a line, glyphs
//! sorted left to right become words where a gap exceeds [`SPACE_FACTOR`] of the font size
//! or a space glyph stands. A vertical gutter (an x band no line crosses over most of the
//! text height) splits a two-column region into its columns, emitted whole, left first.
//! Letter-spaced lines ("S K I L L S") collapse into words.

use super::content::{PageGlyphs, PlacedGlyph};

/// A gap wider than this share of the font size between two glyphs is a word break.
pub(super) const SPACE_FACTOR: f32 = 0.15;
/// A gap wider than this share of the font size separates fragments (gutter detection).
const FRAGMENT_FACTOR: f32 = 1.0;
/// Baselines closer than this share of the smaller font size are one line.
const LINE_FACTOR: f32 = 0.5;
/// A gutter must leave this share of the text height uncrossed.
const GUTTER_MIN_SHARE: f32 = 0.5;
/// Most lines examined for columns (the search costs lines x 1000 bins).
const MAX_GUTTER_LINES: usize = 2000;
/// Fewest lines on each side of a gutter.
const GUTTER_MIN_LINES: usize = 3;

#[derive(Debug, Clone)]
struct Word {
    text: String,
    u0: f32,
    u1: f32,
    size: f32,
}

#[derive(Debug, Clone)]
struct Line {
    v: f32,
    words: Vec<Word>,
}

/// The page's lines of text in reading order.
pub(super) fn page_lines(page: &PageGlyphs) -> Vec<String> {
    let mut counts = [0usize; 4];
    for g in &page.glyphs {
        counts[g.dir as usize & 3] += 1;
    }
    let mut dirs: Vec<u8> = (0..4u8).filter(|&d| counts[d as usize] > 0).collect();
    dirs.sort_by_key(|&d| std::cmp::Reverse(counts[d as usize]));
    let mut out = Vec::new();
    for dir in dirs {
        let glyphs: Vec<&PlacedGlyph> = page.glyphs.iter().filter(|g| g.dir == dir).collect();
        let lines = build_lines(page, &glyphs);
        for line in order_columns(lines, 0) {
            let text = line_text(&line.words);
            if !text.is_empty() {
                out.push(text);
            }
        }
    }
    out
}

struct Chunk {
    v: f32,
    size: f32,
    glyphs: Vec<usize>,
}

fn build_lines(page: &PageGlyphs, glyphs: &[&PlacedGlyph]) -> Vec<Line> {
    // Chunks: runs of glyphs in stream order on one baseline, moving forward.
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut end = f32::NEG_INFINITY;
    for (i, g) in glyphs.iter().enumerate() {
        let joins = chunks.last().is_some_and(|c| {
            let size = c.size.max(g.size).max(0.1);
            (g.v - c.v).abs() <= 0.2 * size && g.u0 >= end - 0.5 * size
        });
        if joins {
            let c = chunks.last_mut().expect("joins implies a chunk");
            c.glyphs.push(i);
            c.size = c.size.max(g.size);
        } else {
            chunks.push(Chunk {
                v: g.v,
                size: g.size,
                glyphs: vec![i],
            });
        }
        end = g.u1;
    }
    // Lines: chunks clustered by baseline, top to bottom.
    chunks.sort_by(|a, b| b.v.total_cmp(&a.v));
    let mut groups: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for chunk in chunks {
        match groups.last_mut() {
            Some((v, size, members)) if *v - chunk.v <= line_tolerance(*size, chunk.size) => {
                members.extend(chunk.glyphs);
                *size = size.max(chunk.size);
                let _ = v;
            }
            _ => groups.push((chunk.v, chunk.size, chunk.glyphs)),
        }
    }
    groups
        .into_iter()
        .filter_map(|(v, _, mut members)| {
            members.sort_by(|&a, &b| glyphs[a].u0.total_cmp(&glyphs[b].u0));
            let words = words(page, glyphs, &members);
            (!words.is_empty()).then_some(Line { v, words })
        })
        .collect()
}

/// How far apart two baselines may be for one line, given the font sizes of the upper and
/// the lower one: half the smaller size; when the upper text is much smaller (a superscript
/// over its line) half the larger; when the lower text is much smaller (a subscript, or a
/// small line under a heading) a quarter of the larger.
fn line_tolerance(upper: f32, lower: f32) -> f32 {
    let (upper, lower) = (upper.max(0.1), lower.max(0.1));
    if upper < 0.8 * lower {
        LINE_FACTOR * lower
    } else if lower < 0.8 * upper {
        (LINE_FACTOR * lower).min(0.25 * upper)
    } else {
        LINE_FACTOR * upper.min(lower)
    }
}

/// Glyphs of one line (sorted by position) -> words.
fn words(page: &PageGlyphs, glyphs: &[&PlacedGlyph], members: &[usize]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    let mut kept: [Option<&PlacedGlyph>; 2] = [None, None];
    for &i in members {
        let g = glyphs[i];
        let text = page.glyph_text(g);
        // The same glyph drawn again at (nearly) the same place: fake bold or a shadow.
        if kept.iter().flatten().any(|k| {
            page.glyph_text(k) == text
                && (k.u0 - g.u0).abs() < (0.5 * (g.u1 - g.u0)).min(0.3 * g.size)
                && (k.v - g.v).abs() < 0.3 * g.size.max(0.1)
        }) {
            continue;
        }
        kept = [Some(g), kept[0]];
        if g.space {
            out.extend(current.take());
            continue;
        }
        if let Some(w) = &mut current {
            let gap = g.u0 - w.u1;
            if gap <= SPACE_FACTOR * (w.size + g.size) / 2.0 {
                w.text.push_str(text);
                w.u1 = w.u1.max(g.u1);
                w.size = w.size.max(g.size);
                continue;
            }
            out.extend(current.take());
        }
        current = Some(Word {
            text: text.to_owned(),
            u0: g.u0,
            u1: g.u1,
            size: g.size,
        });
    }
    out.extend(current);
    out
}

/// Joins words with single spaces, first collapsing letter-spaced words: when every word
/// of the line is one letter, runs of evenly spaced letters become words, split where a
/// gap is clearly wider than the letter gaps.
fn line_text(words: &[Word]) -> String {
    let single = |w: &Word| {
        let mut chars = w.text.chars();
        chars.next().is_some_and(char::is_alphanumeric) && chars.next().is_none()
    };
    if words.len() >= 3 && words.iter().all(single) {
        let gaps: Vec<f32> = words.windows(2).map(|p| p[1].u0 - p[0].u1).collect();
        let mut sorted = gaps.clone();
        sorted.sort_by(f32::total_cmp);
        let small = sorted[0].max(0.0);
        let size = words.iter().map(|w| w.size).fold(0.0, f32::max);
        let limit = (small * 1.6).max(small + 0.1 * size);
        let mut out = String::new();
        out.push_str(&words[0].text);
        for (gap, word) in gaps.iter().zip(&words[1..]) {
            if *gap > limit {
                out.push(' ');
            }
            out.push_str(&word.text);
        }
        return out;
    }
    // Words may hold spaces of their own (from `/ActualText`): keep single spaces only.
    let mut out = String::new();
    for part in words.iter().flat_map(|w| w.text.split(' ')) {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Orders lines with column detection: finds a gutter, emits lines above the column
/// region, the left column, the right column, then lines below (each part examined again,
/// to a small depth).
fn order_columns(lines: Vec<Line>, depth: usize) -> Vec<Line> {
    if depth >= 3 || lines.len() < 2 * GUTTER_MIN_LINES || lines.len() > MAX_GUTTER_LINES {
        return lines;
    }
    let Some((start, end, gutter)) = find_gutter(&lines) else {
        return lines;
    };
    let mut before = Vec::new();
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut after = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if i < start {
            before.push(line);
        } else if i > end {
            after.push(line);
        } else {
            let (l, r): (Vec<Word>, Vec<Word>) = line
                .words
                .into_iter()
                .partition(|w| (w.u0 + w.u1) / 2.0 < gutter);
            if !l.is_empty() {
                left.push(Line {
                    v: line.v,
                    words: l,
                });
            }
            if !r.is_empty() {
                right.push(Line {
                    v: line.v,
                    words: r,
                });
            }
        }
    }
    let mut out = order_columns(before, depth + 1);
    out.extend(order_columns(left, depth + 1));
    out.extend(order_columns(right, depth + 1));
    out.extend(order_columns(after, depth + 1));
    out
}

/// The widest vertical band that no line crosses over a run of lines covering most of the
/// text height, with text on both sides: `(first line, last line, band centre)`.
fn find_gutter(lines: &[Line]) -> Option<(usize, usize, f32)> {
    let words = lines.iter().flat_map(|l| &l.words);
    let lo = words.clone().map(|w| w.u0).fold(f32::INFINITY, f32::min);
    let hi = words.map(|w| w.u1).fold(f32::NEG_INFINITY, f32::max);
    let width = hi - lo;
    if !width.is_finite() || width < 50.0 {
        return None;
    }
    let bins = ((width / 2.0).ceil() as usize).clamp(8, 1000);
    let bin_w = width / bins as f32;
    let bin = |u: f32| (((u - lo) / bin_w) as usize).min(bins - 1);
    // covered[line * bins + b]: a fragment of the line lies over bin b.
    let mut covered = vec![false; lines.len() * bins];
    for (li, line) in lines.iter().enumerate() {
        let row = &mut covered[li * bins..(li + 1) * bins];
        let mut frag: Option<(f32, f32, f32)> = None;
        for w in &line.words {
            frag = match frag {
                Some((a, b, s)) if w.u0 - b <= FRAGMENT_FACTOR * s.max(w.size) => {
                    Some((a, b.max(w.u1), s.max(w.size)))
                }
                Some((a, b, _)) => {
                    row[bin(a)..=bin(b)].fill(true);
                    Some((w.u0, w.u1, w.size))
                }
                None => Some((w.u0, w.u1, w.size)),
            };
        }
        if let Some((a, b, _)) = frag {
            row[bin(a)..=bin(b)].fill(true);
        }
    }
    // The first and last covered bin of each line, to tell text on either side of a bin.
    let spans: Vec<(usize, usize)> = (0..lines.len())
        .map(|li| {
            let row = &covered[li * bins..(li + 1) * bins];
            let first = row.iter().position(|&c| c).unwrap_or(bins);
            let last = row.iter().rposition(|&c| c).unwrap_or(0);
            (first, last)
        })
        .collect();
    let height = lines[0].v - lines[lines.len() - 1].v;
    if height <= 0.0 {
        return None;
    }
    // For each bin, its longest run of lines not covering it.
    let mut best: Option<(f32, usize, usize, usize)> = None; // (extent, start, end, bin)
    for b in bins / 10..bins - bins / 10 {
        let mut run_start: Option<usize> = None;
        for li in 0..=lines.len() {
            let open = li < lines.len() && !covered[li * bins + b];
            match (open, run_start) {
                (true, None) => run_start = Some(li),
                (false, Some(s)) => {
                    let e = li - 1;
                    let extent = lines[s].v - lines[e].v;
                    if e - s + 1 >= 2 * GUTTER_MIN_LINES
                        && extent >= GUTTER_MIN_SHARE * height
                        && best.is_none_or(|(x, ..)| extent > x)
                        && sides_have_text(&spans[s..=e], b)
                    {
                        best = Some((extent, s, e, b));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
    }
    let (_, start, end, b) = best?;
    // Widen to the whole free band for this run and take its centre.
    let free = |x: usize| (start..=end).all(|li| !covered[li * bins + x]);
    let (mut l, mut r) = (b, b);
    while l > 0 && free(l - 1) {
        l -= 1;
    }
    while r + 1 < bins && free(r + 1) {
        r += 1;
    }
    let centre = lo + (l as f32 + r as f32 + 1.0) / 2.0 * bin_w;
    Some((start, end, centre))
}

fn sides_have_text(extent: &[(usize, usize)], b: usize) -> bool {
    let left = extent.iter().filter(|(first, _)| *first < b).count();
    let right = extent.iter().filter(|(_, last)| *last > b).count();
    left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, u0: f32, u1: f32) -> Word {
        Word {
            text: text.into(),
            u0,
            u1,
            size: 10.0,
        }
    }

    #[test]
    fn letter_spacing_collapses() {
        let spaced: Vec<Word> = "SKILLS"
            .chars()
            .enumerate()
            .map(|(i, c)| word(&c.to_string(), i as f32 * 10.0, i as f32 * 10.0 + 7.0))
            .collect();
        assert_eq!(line_text(&spaced), "SKILLS");
        let two = [
            word("A", 0.0, 7.0),
            word("B", 10.0, 17.0),
            word("C", 30.0, 37.0),
            word("D", 40.0, 47.0),
        ];
        assert_eq!(line_text(&two), "AB CD");
        let mixed = [
            word("C", 0.0, 7.0),
            word("R", 10.0, 17.0),
            word("Go", 20.0, 30.0),
        ];
        assert_eq!(line_text(&mixed), "C R Go");
    }
}
