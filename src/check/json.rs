//! The positioned JSON reader, kept in the data crate (see `skillgap_data::json`): every
//! value and object key knows the 1-based line and column of its first character.

pub(crate) use skillgap_data::json::*;
