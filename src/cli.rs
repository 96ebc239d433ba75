//! Command-line interface (clap derive). The doc comments here are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_STATUS: &str = "\
Exit status:
  0  success
  1  findings: `roles check` found errors (or warnings with --deny-warnings); coverage or
     match score under --fail-under; with several inputs, some could not be read
  2  the tool could not do its job: unreadable, empty or unsupported file, a PDF with no
     text layer or a password, a posting with no skills, unknown role, bad flags, a full
     disk; with several inputs, none could be read";

/// Finds the skills in a resume and shows the gap to a target role: missing skills, the
/// phase to start at, the time to ready at your pace, and related roles.
#[derive(Debug, Parser)]
#[command(name = "skillgap", version, about, after_help = EXIT_STATUS, propagate_version = true)]
#[command(before_long_help = "\
Examples:
  skillgap analyze resume.pdf --role backend-engineer
  skillgap analyze resume.pdf --hours-per-week 6 --format json
  skillgap extract resume.md
  skillgap roles list")]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,

    /// Use the role files and skills.json in DIR instead of the embedded set.
    #[arg(long, global = true, value_name = "DIR")]
    pub roles_dir: Option<PathBuf>,

    /// When to colour output: auto = stdout is a terminal and NO_COLOR is unset or empty.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

pub use crate::report::style::ColorChoice;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare a resume with a role: missing skills, phase to start at, time to ready.
    ///
    /// Only claimed skills count: skills being learned, planned or of interest ("planning to
    /// learn Go") are listed as learning, and negated ones ("no experience with Kubernetes")
    /// as mentioned, not claimed; neither closes a gap.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap analyze resume.pdf --role backend-engineer
  skillgap analyze resume.pdf                      # best-fitting role
  cat resume.md | skillgap analyze - --role data-engineer --hours-per-week 6 --format json
  skillgap analyze resumes/ --role backend-engineer --format jsonl > gaps.jsonl
  skillgap analyze resume.pdf --job posting.md
  skillgap analyze resume.pdf --role backend-engineer --format html > road.html")]
    Analyze(AnalyzeArgs),
    /// List the skills found in a resume, with evidence.
    ///
    /// Claimed skills first; then skills being learned, planned or of interest, and skills
    /// mentioned under a negation, each with the cue that governed it (in JSON: `learning`,
    /// `not_claimed`, `evidence[].cue`). Every skill carries its `provenance` in JSON.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap extract resume.pdf
  skillgap extract resume.docx --format json | jq '.skills[].id'")]
    Extract(ExtractArgs),
    /// Print the text skillgap reads from a document, line by line, as the matcher sees it.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap text resume.pdf
  skillgap text resume.pdf | grep -n Kubernetes")]
    Text(TextArgs),
    /// List, show and check the roles.
    #[command(subcommand, after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap roles list
  skillgap roles show backend-engineer
  skillgap roles check roles/")]
    Roles(RolesCommand),
    /// Print a shell completion script.
    #[command(before_long_help = "\
Examples:
  skillgap completions bash > ~/.local/share/bash-completion/completions/skillgap
  skillgap completions zsh > ~/.zfunc/_skillgap
  skillgap completions fish > ~/.config/fish/completions/skillgap.fish")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command to a directory.
    #[command(before_long_help = "\
Examples:
  skillgap man > skillgap.1 && man ./skillgap.1
  skillgap man --out-dir ~/.local/share/man/man1    # skillgap.1, skillgap-analyze.1, ...")]
    Man {
        /// Write skillgap.1 and a page per subcommand (skillgap-analyze.1,
        /// skillgap-roles-check.1, ...) into DIR, created if missing, instead of printing
        /// skillgap.1.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// Output format of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// JSON for scripts (stdout only; shape documented in README).
    Json,
    /// Markdown.
    Markdown,
}

pub use crate::report::check::CheckFormat;

/// Output format of `analyze` and `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tables for people (for several inputs: a summary table).
    Table,
    /// JSON for scripts (one object; an array of them for several inputs).
    Json,
    /// JSON Lines: one object per input per line, in input order, each with its `path`.
    Jsonl,
    /// Markdown for an issue, a pull request or notes (one input).
    Markdown,
    /// One self-contained HTML page with the road drawn as a timeline (one input).
    Html,
}

/// Arguments of `analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Resume files (PDF, DOCX, JSON Resume, LaTeX, YAML, Markdown or text), directories
    /// (searched for .pdf, .docx, .md, .txt, .tex, JSON Resume .json and YAML resume .yaml
    /// files), or `-` for stdin.
    #[arg(required = true, value_name = "RESUME")]
    pub inputs: Vec<PathBuf>,
    /// Target role id (see `skillgap roles list`); default: the best-fitting role.
    #[arg(long, value_name = "ID", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub role: Option<String>,
    /// Your study pace in hours per week; default: the role's own pace.
    #[arg(long, value_name = "HOURS", value_parser = parse_hours, allow_negative_numbers = true)]
    pub hours_per_week: Option<f64>,
    /// Share of the role's skills another role must exceed to count as related: a
    /// fraction (0.4) or a percent (40%). Not with --job, which lists the three roles most
    /// like the posting instead.
    #[arg(long, value_name = "FRACTION", default_value_t = crate::gap::DEFAULT_RELATED_THRESHOLD, value_parser = parse_fraction, conflicts_with = "job", allow_negative_numbers = true)]
    pub related_threshold: f64,
    /// Output format [default: table; jsonl for several inputs when stdout is not a terminal].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Files processed in parallel [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256), allow_negative_numbers = true)]
    pub jobs: Option<u16>,
    /// Compare with a job posting (PDF, DOCX, Markdown, text, or `-`) instead of a role: its
    /// skills become the target, split into required and preferred by its headings. Repeat
    /// it, or give a directory, to rank several postings by match score.
    #[arg(long, value_name = "POSTING", conflicts_with = "role", action = clap::ArgAction::Append)]
    pub job: Vec<PathBuf>,
    /// Exit 1 when the coverage is below PERCENT (0..100: `67` or `67%`; a bare number
    /// between 0 and 1, like 0.67, is refused as ambiguous); for several inputs, when any
    /// resume's coverage is; with --job, when the match score is.
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent, allow_negative_numbers = true)]
    pub fail_under: Option<f64>,
}

/// Output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A table for people (for several inputs: one line per resume).
    Table,
    /// JSON for scripts (one object; an array of them for several inputs).
    Json,
    /// JSON Lines: one object per input per line, in input order, each with its `path`.
    Jsonl,
}

impl From<ExtractFormat> for ReportFormat {
    fn from(f: ExtractFormat) -> ReportFormat {
        match f {
            ExtractFormat::Table => ReportFormat::Table,
            ExtractFormat::Json => ReportFormat::Json,
            ExtractFormat::Jsonl => ReportFormat::Jsonl,
        }
    }
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Resume files (PDF, DOCX, JSON Resume, LaTeX, YAML, Markdown or text), directories, or
    /// `-` for stdin.
    #[arg(required = true, value_name = "RESUME")]
    pub inputs: Vec<PathBuf>,
    /// Output format [default: table; jsonl for several inputs when stdout is not a terminal].
    #[arg(long, value_enum)]
    pub format: Option<ExtractFormat>,
    /// Files processed in parallel [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256), allow_negative_numbers = true)]
    pub jobs: Option<u16>,
}

/// Arguments of `text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// Document (PDF, DOCX, JSON Resume, LaTeX, YAML, Markdown or text), or `-` for stdin.
    pub document: PathBuf,
    /// Prefix each line with its line number (and page, for PDFs).
    #[arg(long)]
    pub line_numbers: bool,
}

/// `roles` subcommands.
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// List the roles: id, title, months, hours per week, phases.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap roles list
  skillgap roles list --format json | jq -r '.roles[].id'
  skillgap roles list --roles-dir my-roles/      # your own role files")]
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one role: phases, skills, milestones, salary, related roles.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap roles show backend-engineer
  skillgap roles show data-scientist --format markdown > data-scientist.md
  skillgap roles show data-engineer --related-threshold 0.25   # more related roles")]
    Show {
        /// Role id.
        #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Share of its skills another role must exceed to count as related: a fraction
        /// (0.4) or a percent (40%).
        #[arg(long, value_name = "FRACTION", default_value_t = crate::gap::DEFAULT_RELATED_THRESHOLD, value_parser = parse_fraction, allow_negative_numbers = true)]
        related_threshold: f64,
    },
    /// Validate role files and the taxonomy; exit 1 on errors.
    #[command(after_help = EXIT_STATUS, before_long_help = "\
Examples:
  skillgap roles check                 # the embedded data
  skillgap roles check roles/          # a directory of role files
  skillgap roles check roles/ --format github")]
    Check {
        /// Directory holding skills.json and one ID.json file per role; default: the embedded set.
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
}

/// The command line for shell completion: [`Cli`], with the values of `--role` and of
/// `roles show ID` completed from `roles`, (id, title) pairs. Only the completion scripts
/// see these values; parsing is [`Cli`]'s own (an unknown id is the "unknown role ..., did
/// you mean" error).
pub fn completion_command(roles: &[(&'static str, &'static str)]) -> clap::Command {
    use clap::CommandFactory;
    use clap::builder::{PossibleValue, PossibleValuesParser};
    let ids = || {
        PossibleValuesParser::new(
            roles
                .iter()
                .map(|&(id, title)| PossibleValue::new(id).help(title)),
        )
    };
    // The `mut_*s` forms keep the order of the subcommands and arguments (`mut_subcommand`
    // and `mut_arg` move the one changed to the end).
    let role_arg = |command: clap::Command, name: &str| {
        command.mut_args(|a| match a.get_id() == name {
            true => a.value_parser(ids()),
            false => a,
        })
    };
    Cli::command().mut_subcommands(|c| match c.get_name() {
        "analyze" => role_arg(c, "role"),
        "roles" => c.mut_subcommands(|c| match c.get_name() {
            "show" => role_arg(c, "id"),
            _ => c,
        }),
        _ => c,
    })
}

/// The fish line completing `roles show ID` from `roles`, (id, title) pairs: clap_complete's
/// fish script completes options only, not positional arguments.
pub fn fish_role_ids(roles: &[(&str, &str)]) -> String {
    // In fish's double quotes `\`, `"` and `$` are escaped; the title, in single quotes
    // inside, escapes `'` as clap_complete does.
    let quote = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('$', "\\$")
            .replace('\'', "\\'")
    };
    let values: Vec<String> = (roles.iter())
        .map(|(id, title)| format!("{}\\t'{}'", quote(id), quote(title)))
        .collect();
    format!(
        "complete -c skillgap -n \"__fish_skillgap_using_subcommand roles; and \
         __fish_seen_subcommand_from show\" -f -a \"{}\"\n",
        values.join("\n")
    )
}

/// `number` (the flag's value `s`, or its part before `%`) as a finite number; `nan` and
/// `inf` are not numbers a flag can take.
fn finite(number: &str, s: &str) -> Result<f64, String> {
    number
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("`{s}` is not a number"))
}

fn parse_hours(s: &str) -> Result<f64, String> {
    let v = finite(s, s)?;
    let (lo, hi) = crate::gap::PACE_HOURS;
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(format!("`{s}` is outside {lo}..{hi} hours per week"))
    }
}

/// `--fail-under`: a percent, `67` or `67%`, in 0..100. A bare number strictly between 0
/// and 1 (`0.67`) is refused as ambiguous, with the percent it likely means: read as a
/// percent it would let almost everything pass.
fn parse_percent(s: &str) -> Result<f64, String> {
    let (number, sign) = match s.strip_suffix('%') {
        Some(number) => (number, true),
        None => (s, false),
    };
    let v = finite(number, s)?;
    if !(0.0..=100.0).contains(&v) {
        Err(format!("`{s}` is outside 0..100"))
    } else if !sign && v > 0.0 && v < 1.0 {
        Err(format!(
            "`{s}` looks like a fraction; this takes a percent (0..100): did you mean {}?",
            shortest(v * 100.0)
        ))
    } else {
        Ok(v)
    }
}

/// `--related-threshold`: a fraction in 0..1 (`0.4`) or a percent (`40%`), as a fraction.
fn parse_fraction(s: &str) -> Result<f64, String> {
    if let Some(number) = s.strip_suffix('%') {
        let v = finite(number, s)?;
        return match (0.0..=100.0).contains(&v) {
            true => Ok(v / 100.0),
            false => Err(format!("`{s}` is outside 0%..100%")),
        };
    }
    let v = finite(s, s)?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else if v > 1.0 && v <= 100.0 {
        Err(format!(
            "`{s}` is outside 0..1; this takes a fraction (0.4) or a percent (40%): did you \
             mean {s}%?"
        ))
    } else {
        Err(format!("`{s}` is outside 0..1"))
    }
}

/// `v` with at most 6 decimals and no trailing zeros (`67`, `66.7`, not `67.00000000000001`).
fn shortest(v: f64) -> String {
    let fixed = format!("{v:.6}");
    fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn out_of_range_numbers_are_quoted_as_written() {
        assert_eq!(
            super::parse_hours("1e-300").unwrap_err(),
            "`1e-300` is outside 1..80 hours per week"
        );
        assert_eq!(
            super::parse_percent("1e300").unwrap_err(),
            "`1e300` is outside 0..100"
        );
        assert_eq!(
            super::parse_fraction("NaN").unwrap_err(),
            "`NaN` is not a number"
        );
        assert_eq!(super::parse_percent("67%"), Ok(67.0));
    }

    #[test]
    fn percent_and_fraction_forms() {
        use super::{parse_fraction, parse_percent};
        assert_eq!(parse_percent("67"), Ok(67.0));
        assert_eq!(parse_percent("0"), Ok(0.0));
        assert_eq!(parse_percent("1"), Ok(1.0));
        assert_eq!(parse_percent("0.5%"), Ok(0.5));
        assert_eq!(
            parse_percent("0.67").unwrap_err(),
            "`0.67` looks like a fraction; this takes a percent (0..100): did you mean 67?"
        );
        assert_eq!(
            parse_percent("0.667").unwrap_err(),
            "`0.667` looks like a fraction; this takes a percent (0..100): did you mean 66.7?"
        );
        assert_eq!(parse_percent("67%%").unwrap_err(), "`67%%` is not a number");
        assert_eq!(parse_fraction("0.4"), Ok(0.4));
        assert_eq!(parse_fraction("40%"), Ok(0.4));
        assert_eq!(parse_fraction("1"), Ok(1.0));
        assert_eq!(
            parse_fraction("40").unwrap_err(),
            "`40` is outside 0..1; this takes a fraction (0.4) or a percent (40%): did you \
             mean 40%?"
        );
        assert_eq!(
            parse_fraction("140%").unwrap_err(),
            "`140%` is outside 0%..100%"
        );
    }
}
