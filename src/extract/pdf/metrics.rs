//! Glyph widths of the standard 14 fonts, for fonts that a PDF names without `/Widths`.
//! Printable ASCII is exact for Helvetica and Times-Roman (from their AFM files); other
//! characters and the bold and italic faces use close approximations, which is all that
//! word-gap detection needs.

/// Helvetica widths for U+0020..=U+007E, in 1/1000 em.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Times-Roman widths for U+0020..=U+007E, in 1/1000 em.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // ' '../
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0..?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @..O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P.._
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // `..o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p..~
];

/// The family of a standard 14 font, from its base name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standard {
    /// Helvetica and Arial (and any unknown sans face).
    Helvetica,
    /// Times and Times New Roman.
    Times,
    /// Courier: every glyph is 600.
    Courier,
}

impl Standard {
    /// The family for a `/BaseFont` name (subset prefix `ABCDEF+` allowed), if it is one of
    /// the standard 14 fonts or a common alias.
    pub(super) fn from_base_font(name: &str) -> Option<Standard> {
        let name = name.split_once('+').map_or(name, |(_, rest)| rest);
        let lower = name.to_ascii_lowercase();
        if lower.starts_with("helvetica") || lower.starts_with("arial") {
            Some(Standard::Helvetica)
        } else if lower.starts_with("times") {
            Some(Standard::Times)
        } else if lower.starts_with("courier") {
            Some(Standard::Courier)
        } else {
            None
        }
    }

    /// Width of `c` in 1/1000 em.
    pub(super) fn width(self, c: char) -> u16 {
        match self {
            Standard::Courier => 600,
            Standard::Helvetica => table_width(&HELVETICA, c, 556),
            Standard::Times => table_width(&TIMES, c, 500),
        }
    }
}

fn table_width(table: &[u16; 95], c: char, default: u16) -> u16 {
    match c {
        ' '..='~' => table[c as usize - 0x20],
        '\u{A0}' => table[0],
        '\u{2013}' => default,
        '\u{2014}' | '\u{2026}' => 1000,
        '\u{2018}' | '\u{2019}' | '\u{201A}' => table[7] + 31,
        '\u{2022}' => 350,
        c if c.is_uppercase() => 722,
        _ => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(Standard::Helvetica.width(' '), 278);
        assert_eq!(Standard::Helvetica.width('W'), 944);
        assert_eq!(Standard::Helvetica.width('~'), 584);
        assert_eq!(Standard::Times.width('m'), 778);
        assert_eq!(Standard::Courier.width('i'), 600);
        assert_eq!(
            Standard::from_base_font("ABCDEF+Arial-BoldMT"),
            Some(Standard::Helvetica)
        );
        assert_eq!(Standard::from_base_font("Calibri"), None);
        let rust: u32 = "Rust"
            .chars()
            .map(|c| u32::from(Standard::Helvetica.width(c)))
            .sum();
        assert_eq!(rust, 2056);
    }
}
