//! Prints the text layer of a PDF as `extract_pages` sees it, one line per line, pages
//! separated by form feeds. For evaluation (`scripts/eval-text.sh`) and debugging.
//!
//! ```text
//! cargo run --example pdf_text -- FILE.pdf           # our text layer
//! cargo run --example pdf_text -- --lopdf FILE.pdf   # lopdf's extract_text, to compare
//! ```
//! On failure prints `error[KIND]: message` on stderr and exits 2.

use std::process::ExitCode;

use skillgap::extract::pdf::extract_pages;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lopdf_mode, path) = match args.as_slice() {
        [flag, path] if flag == "--lopdf" => (true, path),
        [path] => (false, path),
        _ => {
            eprintln!("usage: pdf_text [--lopdf] FILE.pdf");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error[io]: reading `{path}`: {e}");
            return ExitCode::from(2);
        }
    };
    if lopdf_mode {
        return lopdf_text(&bytes);
    }
    match extract_pages(&bytes) {
        Ok(pages) => {
            let mut out = String::new();
            for (i, page) in pages.iter().enumerate() {
                if i > 0 {
                    out.push('\u{c}');
                }
                for line in page {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error[{}]: {e}", e.kind());
            ExitCode::from(2)
        }
    }
}

/// lopdf's own `extract_text` over all pages, with the same load limits.
fn lopdf_text(bytes: &[u8]) -> ExitCode {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(skillgap::extract::pdf::MAX_DECOMPRESSED),
        ..lopdf::LoadOptions::default()
    };
    match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(doc) => {
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            print!("{}", doc.extract_text(&pages).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error[damaged]: {e}");
            ExitCode::from(2)
        }
    }
}
