//! skillgap's data, written once: the shape of every data object (the field definitions in
//! [`schema`]), the JSON reader that keeps positions ([`json`]), the typed reader built on
//! both ([`read`]), the data types it produces ([`Skill`], [`Role`]), and what the form index
//! needs ([`normalize`], [`form`], [`english`], [`index`]).
//!
//! The tool itself, its data check (`skillgap roles check`) and the crate of generated tables
//! (`skillgap-embedded`, whose build script indexes the embedded taxonomy) all use this crate,
//! so the loader, the check and the build accept exactly the same files.

pub mod canonical;
pub mod category;
pub mod english;
pub mod form;
pub mod index;
pub mod json;
pub mod normalize;
pub mod packed;
pub mod read;
pub mod role;
pub mod schema;
pub mod skill;

pub use category::Category;
pub use role::{Family, Phase, Project, Role, Salary, SkillSlot};
pub use skill::{Provenance, Skill, Text, Texts};
