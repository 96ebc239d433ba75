//! One line's normalisation, kept in the data crate (see `skillgap_data::normalize`) so
//! that the build of the embedded form index normalises forms exactly as the matcher
//! normalises document lines at run time.

pub use skillgap_data::normalize::normalize_line;
