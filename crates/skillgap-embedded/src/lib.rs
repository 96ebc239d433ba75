//! The data compiled into skillgap, generated from the repository's `roles/` directory by
//! this crate's build script:
//! - [`FILES`]: every role file and `skills.json`, as text;
//! - [`IMPORTED`]: `imported/skills.json` as text, when it exists;
//! - [`SKILLS`]: the taxonomy (the curated skills merged with the imported ones), packed
//!   without pointers (`skillgap_data::packed`), with its id index;
//! - [`INDEX`]: the matcher's form index of that taxonomy.
//!
//! [`SKILLS`] and [`INDEX`] are `None` when the build could not prepare the taxonomy
//! (invalid JSON, a shape problem, a duplicate id): the tool then parses the text at run
//! time, so the error is reported as for any other data.

// Unused when the build could not prepare the taxonomy (the tables are then `None`).
#[allow(unused_imports)]
use skillgap_data::index::{FuzzyForm, Index, Letters, Pattern, Span};
#[allow(unused_imports)]
use skillgap_data::packed::Packed;
#[allow(unused_imports)]
use std::borrow::Cow::Borrowed as B;

/// One row of `roles list`: (id, title, months, hours per week, number of phases).
pub type RoleRow = (&'static str, &'static str, f64, f64, usize);

include!(concat!(env!("OUT_DIR"), "/embedded_roles.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_taxonomy.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));
