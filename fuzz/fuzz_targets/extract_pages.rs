//! Fuzzes the PDF text layer: any bytes must give text or an error, never a panic that
//! escapes, an abort, a hang or a blow-up (libFuzzer's -timeout and -rss_limit_mb).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = skillgap::extract::pdf::extract_pages(data);
});
