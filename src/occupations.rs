//! The O*NET-SOC occupation table: every occupation code of the O*NET Database (March 2024
//! release, CC BY 4.0, by USDOL/ETA) with its title and the taxonomy skills O*NET flags as
//! its Hot Technologies.
//!
//! The table is `roles/imported/occupations.tsv`, written by `scripts/import-taxonomy.py`
//! from `roles/sources/onet/` and compiled into the binary. It is reference data: a
//! `--roles-dir` set is checked against the same table.

use std::sync::OnceLock;

/// One occupation of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupation {
    /// O*NET-SOC code ("15-1252.00").
    pub code: &'static str,
    /// O*NET title ("Software Developers").
    pub title: &'static str,
    /// Space-separated ids of the taxonomy skills O*NET flags Hot Technology for it.
    hot: &'static str,
}

impl Occupation {
    /// The taxonomy ids of the occupation's Hot Technologies, sorted.
    pub fn hot_technologies(&self) -> impl Iterator<Item = &'static str> {
        self.hot.split(' ').filter(|s| !s.is_empty())
    }
}

/// Every occupation, in code order; empty when the build had no table.
pub fn all() -> &'static [Occupation] {
    static TABLE: OnceLock<Vec<Occupation>> = OnceLock::new();
    TABLE.get_or_init(|| {
        skillgap_embedded::OCCUPATIONS
            .map(parse)
            .unwrap_or_default()
    })
}

/// The occupation with this code.
pub fn find(code: &str) -> Option<&'static Occupation> {
    let table = all();
    table
        .binary_search_by(|o| o.code.cmp(code))
        .ok()
        .map(|i| &table[i])
}

/// Whether `code` is written as an O*NET-SOC code: `NN-NNNN.NN`.
pub fn well_formed(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 => *c == b'-',
            7 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
}

fn parse(text: &'static str) -> Vec<Occupation> {
    let mut out: Vec<Occupation> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let mut cols = l.splitn(3, '\t');
            Some(Occupation {
                code: cols.next()?,
                title: cols.next()?,
                hot: cols.next().unwrap_or(""),
            })
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(b.code));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_onet_occupation_with_titles_and_hot_technologies() {
        assert_eq!(all().len(), 1016);
        let dev = find("15-1252.00").unwrap();
        assert_eq!(dev.title, "Software Developers");
        let hot: Vec<&str> = dev.hot_technologies().collect();
        assert!(hot.contains(&"git"), "{hot:?}");
        assert!(hot.contains(&"python"), "{hot:?}");
        assert_eq!(find("15-1252.99"), None);
        assert_eq!(
            find("29-9021.00").map(|o| o.title),
            Some("Health Information Technologists and Medical Registrars")
        );
    }

    #[test]
    fn codes_are_checked_for_form() {
        assert!(well_formed("15-1252.00"));
        assert!(!well_formed("15-1252"));
        assert!(!well_formed("151252.00"));
        assert!(!well_formed("15-1252.0a"));
    }
}
