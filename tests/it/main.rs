//! The integration tests, one binary: each module runs the real binary or reads the
//! shipped data; `common` holds the helpers they share.

mod analyze;
mod batch;
mod cli;
mod common;
mod data;
mod formats;
mod scripts;
