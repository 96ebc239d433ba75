//! The form index, kept in the data crate (see `skillgap_data::index`) so that the crate of
//! generated tables (`skillgap-embedded`) builds the embedded taxonomy's index with the same
//! code as the matcher does at run time for `--roles-dir` data.

pub(crate) use skillgap_data::index::*;
