//! Man pages (roff): clap_mangen's sections, plus EXIT STATUS and EXAMPLES made from the
//! help text. clap_mangen puts a command's `after_help` (our exit status) under "EXTRA",
//! re-wrapped, and leaves out `before_long_help` (our examples); here the exit status is a
//! list of codes and the examples are kept line for line.

use std::io::{self, Write};

use clap::Command;

/// Writes the man page of `command` (built, so that a subcommand is named
/// "skillgap-analyze"): clap_mangen's NAME, SYNOPSIS, DESCRIPTION, OPTIONS, SUBCOMMANDS,
/// then EXIT STATUS (from the `after_help` text, "Exit status:" and lines "  N  meaning")
/// and EXAMPLES (from the `before_long_help` text, "Examples:" and indented lines), then
/// VERSION.
pub(crate) fn write_page(command: &Command, out: &mut dyn Write) -> io::Result<()> {
    let exit_status = command
        .get_after_help()
        .map(|h| exit_status_section(&h.to_string()))
        .unwrap_or_default();
    let examples = command
        .get_before_long_help()
        .map(|h| examples_section(&h.to_string()))
        .unwrap_or_default();
    let plain = command
        .clone()
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let mut page = Vec::new();
    clap_mangen::Man::new(plain).render(&mut page)?;
    let page = String::from_utf8(page).expect("clap_mangen writes UTF-8");
    let ours = format!("{exit_status}{examples}");
    let page = match page.find("\n.SH VERSION\n") {
        Some(at) => format!("{}{ours}{}", &page[..=at], &page[at + 1..]),
        None => format!("{page}{ours}"),
    };
    out.write_all(page.as_bytes())
}

/// The file name of `command`'s page ("skillgap-analyze.1").
pub(crate) fn file_name(command: &Command) -> String {
    clap_mangen::Man::new(command.clone()).get_filename()
}

/// `.SH "EXIT STATUS"` with a `.TP` paragraph per code, from text like "Exit status:\n  0
/// success\n  1  findings: ...\n     continued". Empty when `help` has no such list.
fn exit_status_section(help: &str) -> String {
    let mut codes: Vec<(String, String)> = Vec::new();
    for line in help
        .lines()
        .skip_while(|l| !l.starts_with("Exit status:"))
        .skip(1)
    {
        let text = line.trim();
        match text.split_once("  ") {
            Some((code, meaning)) if code.parse::<u8>().is_ok() && line.starts_with("  ") => {
                codes.push((code.to_owned(), meaning.trim().to_owned()));
            }
            _ => match codes.last_mut() {
                Some((_, meaning)) if !text.is_empty() => {
                    meaning.push(' ');
                    meaning.push_str(text);
                }
                _ => break,
            },
        }
    }
    if codes.is_empty() {
        return String::new();
    }
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in codes {
        roff += &format!(".TP\n\\fB{code}\\fR\n{}\n", text_line(&meaning));
    }
    roff
}

/// `.SH EXAMPLES` with the example lines after "Examples:" kept as they are (no fill), or
/// empty when `help` has none.
fn examples_section(help: &str) -> String {
    let lines: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Examples:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut roff = String::from(".SH EXAMPLES\n.RS 4\n.nf\n");
    for line in lines {
        roff.push_str(&text_line(line));
        roff.push('\n');
    }
    roff.push_str(".fi\n.RE\n");
    roff
}

/// `text` as one roff text line: backslashes, hyphens and apostrophes escaped (`\*(Aq` is
/// defined by clap_mangen's preamble), and a leading `.` or `'` made literal.
fn text_line(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\e")
        .replace('-', "\\-")
        .replace('\'', "\\*(Aq");
    if escaped.starts_with('.') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_status_is_a_list_of_codes() {
        let help =
            "Exit status:\n  0  success\n  1  findings: a gate\n     failed; or not\n  2  error";
        assert_eq!(
            exit_status_section(help),
            ".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nsuccess\n.TP\n\\fB1\\fR\n\
             findings: a gate failed; or not\n.TP\n\\fB2\\fR\nerror\n"
        );
        assert_eq!(exit_status_section("Notes:\n  0  zero"), "");
    }

    #[test]
    fn examples_are_kept_line_for_line_and_escaped() {
        let help = "Examples:\n  skillgap x --format json | jq '.a'\n  .hidden\n\nMore";
        assert_eq!(
            examples_section(help),
            ".SH EXAMPLES\n.RS 4\n.nf\nskillgap x \\-\\-format json | jq \\*(Aq.a\\*(Aq\n\
             \\&.hidden\n.fi\n.RE\n"
        );
        assert_eq!(examples_section("Usage: x"), "");
    }
}
