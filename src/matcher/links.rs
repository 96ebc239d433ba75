//! Rule: links claim no skill. URLs, e-mail addresses, host names and Markdown link targets
//! are masked ([`links`]), and a form that labels a link (`github: https://github.com/x`) is a
//! contact detail ([`is_link_label`]).

use std::sync::OnceLock;

use super::ByteRange;

/// True when the match ending at `end` labels a link ("github: https://github.com/x"): a
/// contact detail, not a skill claim.
pub(super) fn is_link_label(text: &str, end: usize, masked: &[ByteRange]) -> bool {
    let Some(rest) = text[end..].strip_prefix(':') else {
        return false;
    };
    let start = end + 1 + (rest.len() - rest.trim_start().len());
    masked.iter().any(|r| r.start == start)
}

/// The link pattern without its flags: URLs with a scheme, "www." addresses, e-mail
/// addresses, and host names with a common top-level domain, with an optional path.
const LINK: &str = r"\b(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?-i:com|org|net|io|dev|me|ai|co|edu|gov|app|info|site|tech|xyz|page|cn|uk|de|in)\b(?:/\S*)?)";

static UNICODE: OnceLock<regex::Regex> = OnceLock::new();
static ASCII: OnceLock<regex::bytes::Regex> = OnceLock::new();

fn ascii_link_regex() -> &'static regex::bytes::Regex {
    ASCII.get_or_init(|| {
        regex::bytes::Regex::new(&format!("(?i-u){LINK}")).expect("valid link pattern")
    })
}

/// Builds the matcher's lazily built tables (the ASCII link pattern and the English word
/// sets) now. A one-resume run calls it on the thread that read the document, which is
/// otherwise idle while the matcher is built, instead of paying for it in the first
/// extraction. Matching is the same either way.
pub(crate) fn warm_up() {
    ascii_link_regex();
    crate::english::is_word_form("");
}

/// Byte ranges of URLs ("https://...", "www...", "github.com/...") and e-mail addresses.
///
/// Start-up matters here: the Unicode regex takes milliseconds to compile. No part of
/// [`LINK`] matches whitespace, and `\b` sees a space and the end of the text alike, so a
/// line's links are the links of its space-separated words. Words that cannot hold a link
/// (no "://", no "@", no "." before a non-space) skip the regex; ASCII words, nearly all,
/// use the pattern compiled for ASCII, which finds the same links in ASCII text (`\w`, `\S`,
/// `\b` and case folding agree there) and compiles several times faster. Only a word with
/// both a link sign and a non-ASCII character ("•www.example.com") needs the Unicode regex.
pub(super) fn links(text: &str) -> Vec<ByteRange> {
    let mut out = markdown_link_targets(text);
    if !may_hold_link(text) {
        return out;
    }
    let mut from = 0;
    for word in text.split(|c: char| c.is_ascii_whitespace()) {
        let at = from;
        from += word.len() + 1;
        if !may_hold_link(word) {
            continue;
        }
        if word.is_ascii() {
            let re = ascii_link_regex();
            out.extend(
                re.find_iter(word.as_bytes())
                    .map(|m| ByteRange::new(at + m.start(), at + m.end())),
            );
        } else {
            let re = UNICODE.get_or_init(|| {
                regex::Regex::new(&format!("(?i){LINK}")).expect("valid link pattern")
            });
            out.extend(
                re.find_iter(word)
                    .map(|m| ByteRange::new(at + m.start(), at + m.end())),
            );
        }
    }
    out
}

/// Byte ranges of Markdown link and image targets, the "(...)" after "](", with nested
/// parentheses: a target is an address whatever its scheme ("javascript:", "mailto:",
/// a relative path), never a skill claim. An unclosed target runs to the end of the line.
fn markdown_link_targets(text: &str) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("](") {
        let open = from + pos + 1;
        let mut depth = 0usize;
        let mut end = text.len();
        for (i, b) in text.as_bytes()[open..].iter().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(ByteRange::new(open, end));
        from = end;
    }
    out
}

/// False when no alternative of [`LINK`] can match: each needs "://", "@", or a "." followed
/// by a character other than ASCII whitespace.
fn may_hold_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.contains(&b'@')
        || text.contains("://")
        || bytes
            .windows(2)
            .any(|w| w[0] == b'.' && !w[1].is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::super::testkit::ids;
    use super::*;

    /// Byte ranges as (start, end) pairs, for short tables.
    fn pairs(ranges: &[ByteRange]) -> Vec<(usize, usize)> {
        ranges.iter().map(|r| (r.start, r.end)).collect()
    }

    #[test]
    fn ascii_link_pattern_agrees_with_unicode() {
        let unicode = regex::Regex::new(&format!("(?i){LINK}")).unwrap();
        for line in [
            "github.com/dana-python and https://docker.example.org/k8s",
            "mail dana.python@example.com, WWW.Example.COM/path or ftp://x",
            "Portfolio: dana.dev | linkedin.com/in/dana | +1 555 0100",
            "Python 3.11, Node.js and ASP.NET. Shipped v2.0.",
            "e.g. C++/C# work; i.e. nothing. Next sentence",
            "no links at all here",
            "dot at the end.",
            "user@host",
            "caf\u{e9}.com and https://\u{fc}ber.de/x", // not ASCII: the Unicode pattern
            "\u{2022} www.example.com \u{b7} dana@example.org \u{2022}x.io/a\u{e9}",
            "\u{2022}\tgitlab.com/dana  \u{212a}ubernetes.io.",
        ] {
            let want: Vec<(usize, usize)> = unicode
                .find_iter(line)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(pairs(&links(line)), want, "{line}");
        }
        assert!(!may_hold_link("Python. Go, Rust; and C."));
        assert!(may_hold_link("a.b"));
    }

    #[test]
    fn links_are_masked() {
        assert!(ids("github.com/dana-python and https://docker.example.org/k8s").is_empty());
        assert!(ids("mail dana.python@example.com").is_empty());
        assert!(
            ids("docker: https://hub.docker.com/u/dana").is_empty(),
            "a link label"
        );
        assert_eq!(ids("Languages: R 4.2"), vec!["r"]);
        // A Markdown link target is an address, whatever its scheme.
        assert_eq!(
            ids("Demo: [play](javascript:start(1)) and [code](docs/python(3).md), in Docker"),
            vec!["docker"]
        );
        assert_eq!(
            pairs(&markdown_link_targets("[a](b(c)) x [d](e")),
            vec![(3, 9), (15, 17)]
        );
        assert_eq!(
            ids("Shipped ASP.NET Core and Node.js apps"),
            vec!["aspnet-core", "nodejs"]
        );
    }

    #[test]
    fn links_table() {
        let rows: &[(&str, &[(usize, usize)])] = &[
            ("no links here", &[]),
            ("see dana.dev now", &[(4, 12)]),
            ("mail a@b.org", &[(5, 12)]),
            ("https://x.io/a?b=c", &[(0, 18)]),
            ("WWW.EXAMPLE.COM", &[(0, 15)]),
            ("Node.js and ASP.NET", &[]),
            ("site.COM", &[]), // top-level domains match in lowercase only
            ("[me](about.md) and x.io", &[(4, 14), (19, 23)]),
            ("[me](about", &[(4, 10)]),
            ("\u{2022}www.example.com", &[(3, 18)]),
        ];
        for &(text, want) in rows {
            assert_eq!(pairs(&links(text)), want, "{text:?}");
        }
    }

    #[test]
    fn may_hold_link_table() {
        let rows: &[(&str, bool)] = &[
            ("", false),
            ("plain words", false),
            ("end.", false),
            ("end. Next", false),
            ("a.b", true),
            ("a@b", true),
            ("x://", true),
            ("e.g.", true),
        ];
        for &(text, want) in rows {
            assert_eq!(may_hold_link(text), want, "{text:?}");
        }
    }

    #[test]
    fn is_link_label_table() {
        let masked = [ByteRange::new(8, 20)];
        // (text, end of the match, labels the link at 8)
        let rows: &[(&str, usize, bool)] = &[
            ("docker: hub.docker.c", 6, true),
            ("docker:  ub.docker.c", 6, false),
            ("docker hub.docker.co", 6, false),
            ("docker:hub.docker.co", 6, false),
            ("dock:   hub.docker.c", 4, true),
        ];
        for &(text, end, want) in rows {
            assert_eq!(is_link_label(text, end, &masked), want, "{text:?}");
        }
    }
}
