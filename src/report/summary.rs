//! The summary of a batch `analyze` for people: one table row per resume, the most common
//! missing skills, and the files that failed.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::style::{Style, cell};
use super::{AnalyzeReport, percent, wrapped_line};
use crate::batch::FileError;

/// The rows of a batch summary, gathered as the reports come in (in input order).
#[derive(Debug, Default)]
pub(crate) struct BatchSummary {
    rows: Vec<Row>,
    failed: Vec<String>,
    missing: MissingTally,
}

/// One analysed resume.
#[derive(Debug)]
struct Row {
    path: PathBuf,
    role: String,
    coverage: f64,
    missing: usize,
    months: f64,
}

impl BatchSummary {
    /// Adds one file's result.
    pub(crate) fn add(&mut self, path: &Path, result: Result<AnalyzeReport, FileError>) {
        match result {
            Ok(r) => {
                self.missing
                    .add(r.missing_skills.iter().map(|m| m.name.as_str()));
                self.rows.push(Row {
                    path: path.to_path_buf(),
                    role: r.role.id,
                    coverage: r.coverage,
                    missing: r.missing_skills.len(),
                    months: r.time_to_ready.months,
                });
            }
            Err(e) => self.failed.push(e.message),
        }
    }

    /// Writes the summary: "Analysed N resumes, M failed", the table and the most common
    /// missing skills (when one resume was analysed), then a `failed:` line per failure.
    pub(crate) fn write(&self, style: &Style, out: &mut dyn Write) -> io::Result<()> {
        let analysed = self.rows.len();
        let plural = if analysed == 1 { "resume" } else { "resumes" };
        writeln!(
            out,
            "Analysed {analysed} {plural}, {} failed",
            self.failed.len()
        )?;
        if analysed > 0 {
            let mut t = style.table(&["Resume", "Role", "Coverage", "Missing", "Months to ready"]);
            for row in &self.rows {
                t.add_row(vec![
                    cell(&row.path.display().to_string()),
                    cell(&row.role),
                    cell(&percent(row.coverage)),
                    cell(&row.missing.to_string()),
                    cell(&format!("{:.1}", row.months)),
                ]);
            }
            // On a narrow terminal the Role column goes first when it says the same in
            // every row (one --role); otherwise long paths wrap, within words if need be.
            let same_role = self.rows.windows(2).all(|w| w[0].role == w[1].role);
            let droppable: &[usize] = if same_role { &[1] } else { &[] };
            writeln!(out, "{}", style.fit(t, droppable, &[]))?;
            let top = self.missing.top(10);
            if !top.is_empty() {
                let list: Vec<String> = top
                    .iter()
                    .map(|(name, n)| format!("{name} ({n})"))
                    .collect();
                wrapped_line(
                    out,
                    &format!("Most common missing skills: {}", list.join(", ")),
                    style.width,
                )?;
            }
        }
        // The message names the file already ("cannot read `path`: ...").
        for message in &self.failed {
            wrapped_line(out, &format!("failed: {message}"), style.width)?;
        }
        Ok(())
    }
}

/// Counts of missing skills across a batch, for the summary.
#[derive(Debug, Default)]
pub(crate) struct MissingTally {
    counts: BTreeMap<String, usize>,
}

impl MissingTally {
    /// Counts each missing skill name of one report once.
    pub(crate) fn add<'a>(&mut self, names: impl Iterator<Item = &'a str>) {
        for name in names {
            *self.counts.entry(name.to_owned()).or_default() += 1;
        }
    }

    /// The `n` most common, most first (ties by name).
    pub(crate) fn top(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.counts.iter().map(|(k, &c)| (k.as_str(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_ranks_by_count_then_name() {
        let mut t = MissingTally::default();
        t.add(["Redis", "AWS"].into_iter());
        t.add(["AWS", "Kubernetes"].into_iter());
        assert_eq!(t.top(2), vec![("AWS", 2), ("Kubernetes", 1)]);
    }

    #[test]
    fn names_paths_and_messages_are_safe_for_the_terminal() {
        let mut report = crate::report::testdata::backend_report();
        report.missing_skills[0].name = "Re\u{1b}[31mdis".into();
        let mut summary = BatchSummary::default();
        summary.add(Path::new("cv\u{7}.txt"), Ok(report));
        summary.add(
            Path::new("b.txt"),
            Err(FileError {
                kind: "other".into(),
                message: "cannot read `b\u{1b}]0;x\u{7}.txt`".into(),
            }),
        );
        let mut out = Vec::new();
        summary.write(&Style::PLAIN, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(text.contains("│ cv.txt "), "{text}");
        assert!(text.contains("Re[31mdis (1)"), "{text}");
        assert!(
            text.ends_with("failed: cannot read `b]0;x.txt`\n"),
            "{text}"
        );
    }

    #[test]
    fn fits_the_width_dropping_the_role_only_when_it_never_changes() {
        let long = "applicants/engineering/backend/long-name.txt";
        let render = |roles: [&str; 2], width: Option<usize>| {
            let mut summary = BatchSummary::default();
            for role in roles {
                let mut report = crate::report::testdata::backend_report();
                report.role.id = role.into();
                summary.add(Path::new(long), Ok(report));
            }
            let style = Style {
                width,
                ..Style::PLAIN
            };
            let mut out = Vec::new();
            summary.write(&style, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let widest = |t: &str| t.lines().map(|l| l.chars().count()).max().unwrap();
        let full = render(["backend-engineer"; 2], None);
        assert!(widest(&full) > 80 && full.contains(long), "{full}");
        let same = render(["backend-engineer"; 2], Some(80));
        assert!(widest(&same) <= 80, "{same}");
        assert!(!same.contains("Role") && same.contains(long), "{same}");
        let mixed = render(["backend-engineer", "data-scientist"], Some(80));
        assert!(widest(&mixed) <= 80, "{mixed}");
        assert!(mixed.contains("┆ data-scientist "), "{mixed}");
    }
}
