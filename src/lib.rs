//! skillgap: finds the skills in a resume, compares them with a target role, and reports
//! the gap: missing skills, the phase to start at, time to ready and related roles.
//!
//! Data flows one way: document -> text ([`extract`]) -> skills ([`matcher`]) -> gap
//! ([`gap`]) -> report ([`report`]).

pub mod check;
pub mod extract;
pub mod roles;
pub mod suggest;
pub mod taxonomy;
