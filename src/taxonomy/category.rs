//! The closed set of skill categories, on its own: it depends on nothing else in the crate,
//! so that `build.rs` can include this file and read `skills.json` with the same names.

use serde::{Deserialize, Serialize};

/// A broad kind of skill. The set is closed so that reports can group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A programming, query or markup language (Python, SQL, HTML).
    Language,
    /// An application framework (Django, React, Spring Boot).
    Framework,
    /// A library or SDK used from code (pandas, NumPy, PyTorch).
    Library,
    /// A database or data store (PostgreSQL, Redis, Snowflake).
    Database,
    /// A cloud platform or a named cloud service (AWS, S3, BigQuery).
    Cloud,
    /// A tool, product or platform (Docker, Git, Terraform, Excel).
    Tool,
    /// A practice, method or field of knowledge (REST APIs, CI/CD, machine learning).
    Practice,
}

impl Category {
    /// The kebab-case name used in the data files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Framework => "framework",
            Category::Library => "library",
            Category::Database => "database",
            Category::Cloud => "cloud",
            Category::Tool => "tool",
            Category::Practice => "practice",
        }
    }
}
