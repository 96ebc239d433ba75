//! How output looks on this terminal: colour on or off, Unicode or plain ASCII, the width to
//! fit (none off a terminal), decided once per run; plus the table and bar helpers every
//! people-facing format shares.
//!
//! The cell and paint helpers are where text enters a table or a painted span, so they are
//! where it is made safe for the terminal ([`terminal_safe`]): callers pass names as they
//! are.

use std::io::IsTerminal;

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets,
};
use unicode_width::UnicodeWidthStr;

use super::terminal_safe;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Output style of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Style {
    /// ANSI colours on.
    pub color: bool,
    /// Unicode box drawing and block bars; plain ASCII otherwise.
    pub unicode: bool,
    /// Display columns that tables and long lines fit in (wrapped at word boundaries), or
    /// `None` for no wrapping: the full lines of files and pipes.
    pub width: Option<usize>,
}

impl Style {
    /// No colour, Unicode: the style of files and pipes (and of golden tests).
    #[cfg(test)]
    pub(crate) const PLAIN: Style = Style {
        color: false,
        unicode: true,
        width: None,
    };

    /// Decides the style from `--color`, whether stdout is a terminal, `NO_COLOR`, and the
    /// locale (`LC_ALL`, `LC_CTYPE`, `LANG`: the first one set; Unicode unless it is set and
    /// names no UTF-8 encoding, such as `C` or `POSIX`), and the width from [`output_width`].
    pub(crate) fn detect(choice: ColorChoice) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stdout().is_terminal() && !no_color,
        };
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        let unicode = locale.is_none_or(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("utf-8") || l.contains("utf8")
        });
        let terminal = std::io::stdout().is_terminal();
        let width = output_width(
            terminal,
            std::env::var("COLUMNS").ok().as_deref(),
            // The terminal's size as comfy-table reads it (only asked on a terminal).
            || Table::new().width(),
        );
        Style {
            color,
            unicode,
            width,
        }
    }

    /// A table in the house style: fitted to [`Style::width`] when there is one (cells
    /// wrapped at word boundaries), never wrapped otherwise, so piped output is stable;
    /// Unicode or ASCII borders; styled cells only when colour is on.
    pub(crate) fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_style(if self.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
        match self.width {
            Some(width) => table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(width).unwrap_or(u16::MAX)),
            None => table.set_content_arrangement(ContentArrangement::Disabled),
        };
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(header.iter().map(|h| Cell::new(*h)));
        table
    }

    /// `table` (rows added) ready to print in [`Style::width`], wrapped by comfy-table
    /// between words. Each column gets a lower bound: a short column (numbers, percentages,
    /// ids: no cell line over [`SHORT_COLUMN`] display columns) its widest cell, another
    /// column its longest word (headers may wrap in either). When these do not fit, headers
    /// break after a `/` too ("Hours/" "week"), then the
    /// columns of `droppable` (indexes, least needed first) are hidden one by one, and then
    /// the largest bounds are lowered evenly (a word may then be split). The columns of
    /// `tight` are held at their bound, leaving the room to the others. Without a width:
    /// `table` as it is.
    pub(crate) fn fit(&self, mut table: Table, droppable: &[usize], tight: &[usize]) -> Table {
        let Some(width) = self.width else {
            return table;
        };
        let columns = table.column_iter().count();
        let longest_word = |text: &str| text.split_whitespace().map(str::width).max();
        let bodies: Vec<usize> = (0..columns)
            .map(|i| {
                let cells: Vec<String> = table
                    .column_cells_iter(i)
                    .flatten()
                    .map(Cell::content)
                    .collect();
                let widest = cells.iter().flat_map(|c| c.lines()).map(str::width).max();
                match widest {
                    Some(w) if w <= SHORT_COLUMN => w,
                    _ => cells
                        .iter()
                        .filter_map(|c| longest_word(c))
                        .max()
                        .unwrap_or(0),
                }
            })
            .collect();
        let mut headers: Vec<String> = table
            .header()
            .map(|h| h.cell_iter().map(Cell::content).collect())
            .unwrap_or_default();
        let bounds = |headers: &[String]| -> Vec<usize> {
            (0..columns)
                .map(|i| {
                    let header = headers.get(i).and_then(|h| longest_word(h));
                    bodies[i].max(header.unwrap_or(0)).max(1)
                })
                .collect()
        };
        let mut mins = bounds(&headers);
        let mut shown = vec![true; columns];
        // Each shown column has a border to its left and one padding space either side.
        let total = |mins: &[usize], shown: &[bool]| {
            1 + mins
                .iter()
                .zip(shown)
                .filter(|(_, s)| **s)
                .map(|(m, _)| m + 3)
                .sum::<usize>()
        };
        if total(&mins, &shown) > width && headers.iter().any(|h| h.contains('/')) {
            headers = headers.iter().map(|h| h.replace('/', "/\n")).collect();
            mins = bounds(&headers);
            table.set_header(headers.iter().map(Cell::new));
        }
        for &i in droppable {
            if total(&mins, &shown) <= width {
                break;
            }
            if let Some(s) = shown.get_mut(i) {
                *s = false;
            }
        }
        while total(&mins, &shown) > width {
            let widest = (0..columns)
                .filter(|&i| shown[i])
                .max_by_key(|&i| (mins[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) if mins[i] > 1 => mins[i] -= 1,
                _ => break,
            }
        }
        for i in 0..columns {
            let min = Width::Fixed(u16::try_from(mins[i] + 2).unwrap_or(u16::MAX));
            let constraint = if !shown[i] {
                ColumnConstraint::Hidden
            } else if tight.contains(&i) {
                ColumnConstraint::Absolute(min)
            } else {
                ColumnConstraint::LowerBoundary(min)
            };
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(constraint);
            }
        }
        table
    }

    /// Whether coverage bars fit in table cells: without a width, or in one of at least
    /// [`BARS_WIDTH`] columns; a table shows only the percentage otherwise.
    pub(crate) fn bars_in_tables(&self) -> bool {
        self.width.is_none_or(|w| w >= BARS_WIDTH)
    }

    /// A cell for a missing skill, safe for the terminal: stands out (red, bold) when colour
    /// is on.
    pub(crate) fn missing(&self, text: &str) -> Cell {
        cell(text).fg(Color::Red).add_attribute(Attribute::Bold)
    }

    /// A cell for present skills, safe for the terminal: quiet (dim) when colour is on.
    pub(crate) fn quiet(&self, text: &str) -> Cell {
        cell(text).add_attribute(Attribute::Dim)
    }

    /// `text` made safe for the terminal and wrapped in an ANSI colour, for lines outside
    /// tables (red for missing, bold for headings); without colour only made safe.
    pub(crate) fn paint(&self, text: &str, kind: Paint) -> String {
        let text = terminal_safe(text);
        if !self.color {
            return text;
        }
        let code = match kind {
            Paint::Missing => "1;31",
            Paint::Strong => "1",
        };
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    }

    /// A bar of `width` characters showing `fraction` (0..1): eighth blocks in Unicode
    /// ("████▌░░░░░"), `#` and `-` in ASCII ("####------").
    pub(crate) fn bar(&self, fraction: f64, width: usize) -> String {
        let fraction = fraction.clamp(0.0, 1.0);
        if !self.unicode {
            let full = (fraction * width as f64).round() as usize;
            return format!("{}{}", "#".repeat(full), "-".repeat(width - full));
        }
        let eighths = (fraction * width as f64 * 8.0).round() as usize;
        let (full, part) = (eighths / 8, eighths % 8);
        let mut out = "█".repeat(full);
        if part > 0 {
            out.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][part]);
        }
        let used = full + usize::from(part > 0);
        out.push_str(&"░".repeat(width - used));
        out
    }
}

/// The widest column (in display columns) that [`Style::fit`] keeps whole rather than
/// wrapping: numbers, percentages, bars with their percentage, role ids.
pub(crate) const SHORT_COLUMN: usize = 16;

/// The narrowest width, in display columns, whose tables show coverage bars.
pub(crate) const BARS_WIDTH: usize = 72;

/// The width output fits in: on a terminal (`terminal`), `COLUMNS` when it is a positive
/// integer, else the terminal's column count (`terminal_size`, `None` or 0 when unknown);
/// off a terminal `None` (no wrapping), whatever `COLUMNS` says.
pub(crate) fn output_width(
    terminal: bool,
    columns: Option<&str>,
    terminal_size: impl FnOnce() -> Option<u16>,
) -> Option<usize> {
    if !terminal {
        return None;
    }
    match columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        Some(c) if c > 0 => Some(c),
        _ => terminal_size().filter(|&w| w > 0).map(usize::from),
    }
}

/// What a painted span means.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Paint {
    /// A missing skill: stands out.
    Missing,
    /// A heading.
    Strong,
}

/// A cell holding `text` made safe for the terminal (control characters removed, line
/// breaks included: one line).
pub(crate) fn cell(text: &str) -> Cell {
    Cell::new(terminal_safe(text))
}

/// A cell of several lines, each made safe for the terminal.
pub(crate) fn lines_cell<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) -> Cell {
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| terminal_safe(l.as_ref()))
        .collect();
    Cell::new(lines.join("\n"))
}

/// A right-aligned cell for a number or another text the report makes itself (not cleaned).
pub(crate) fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_unicode_and_plain() {
        let u = Style::PLAIN;
        assert_eq!(u.bar(0.0, 10), "░░░░░░░░░░");
        assert_eq!(u.bar(1.0, 10), "██████████");
        assert_eq!(u.bar(0.45, 10), "████▌░░░░░");
        let a = Style {
            color: false,
            unicode: false,
            width: None,
        };
        assert_eq!(a.bar(0.67, 10), "#######---");
    }

    #[test]
    fn paint_only_with_colour() {
        assert_eq!(Style::PLAIN.paint("Redis", Paint::Missing), "Redis");
        let c = Style {
            color: true,
            unicode: true,
            width: None,
        };
        assert_eq!(
            c.paint("Redis", Paint::Missing),
            "\u{1b}[1;31mRedis\u{1b}[0m"
        );
    }

    #[test]
    fn tables_have_no_escapes_without_colour() {
        let s = Style::PLAIN;
        let mut t = s.table(&["Skill"]);
        t.add_row(vec![s.missing("Redis")]);
        assert!(!t.to_string().contains('\u{1b}'));
        let c = Style {
            color: true,
            unicode: false,
            width: None,
        };
        let mut t = c.table(&["Skill"]);
        t.add_row(vec![c.missing("Redis")]);
        assert!(t.to_string().contains("\u{1b}["));
    }

    #[test]
    fn width_only_on_a_terminal_columns_first() {
        let size = || Some(100);
        assert_eq!(output_width(false, Some("80"), size), None);
        assert_eq!(output_width(true, Some("80"), size), Some(80));
        assert_eq!(output_width(true, None, size), Some(100));
        assert_eq!(output_width(true, Some("0"), size), Some(100));
        assert_eq!(output_width(true, Some("wide"), size), Some(100));
        assert_eq!(output_width(true, None, || Some(0)), None);
        assert_eq!(output_width(true, None, || None), None);
    }
}
