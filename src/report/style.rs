//! How output looks on this terminal: colour on or off, Unicode or plain ASCII, decided once
//! per run; plus the table and bar helpers every people-facing format shares.
//!
//! The cell and paint helpers are where text enters a table or a painted span, so they are
//! where it is made safe for the terminal ([`terminal_safe`]): callers pass names as they
//! are.

use std::io::IsTerminal;

use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};

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
}

impl Style {
    /// No colour, Unicode: the style of files and pipes (and of golden tests).
    #[cfg(test)]
    pub(crate) const PLAIN: Style = Style {
        color: false,
        unicode: true,
    };

    /// Decides the style from `--color`, whether stdout is a terminal, `NO_COLOR`, and the
    /// locale (`LC_ALL`, `LC_CTYPE`, `LANG`: the first one set; Unicode unless it is set and
    /// names no UTF-8 encoding, such as `C` or `POSIX`).
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
        Style { color, unicode }
    }

    /// A table in the house style: never wrapped to the terminal width, so piped output is
    /// stable; Unicode or ASCII borders; styled cells only when colour is on.
    pub(crate) fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_style(if self.unicode {
                presets::UTF8_FULL_CONDENSED
            } else {
                presets::ASCII_FULL_CONDENSED
            })
            .set_content_arrangement(ContentArrangement::Disabled);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(header.iter().map(|h| Cell::new(*h)));
        table
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
        };
        assert_eq!(a.bar(0.67, 10), "#######---");
    }

    #[test]
    fn paint_only_with_colour() {
        assert_eq!(Style::PLAIN.paint("Redis", Paint::Missing), "Redis");
        let c = Style {
            color: true,
            unicode: true,
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
        };
        let mut t = c.table(&["Skill"]);
        t.add_row(vec![c.missing("Redis")]);
        assert!(t.to_string().contains("\u{1b}["));
    }
}
