//! The closed set of skill categories.

use serde::{Deserialize, Serialize};

/// A broad kind of skill. The set is closed so that reports can group by it. Written in data
/// files and JSON output by its kebab-case name ([`Category::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(try_from = "String", into = "&'static str")]
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
    /// Every category, in the order above.
    pub const ALL: [Category; 7] = [
        Category::Language,
        Category::Framework,
        Category::Library,
        Category::Database,
        Category::Cloud,
        Category::Tool,
        Category::Practice,
    ];

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

    /// The category with this kebab-case name; `None` for any other text.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl From<Category> for &'static str {
    fn from(c: Category) -> &'static str {
        c.as_str()
    }
}

impl TryFrom<String> for Category {
    type Error = String;

    /// Errors with "unknown category `x`".
    fn try_from(name: String) -> Result<Category, String> {
        Category::from_name(&name).ok_or_else(|| format!("unknown category `{name}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for c in Category::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), c);
            assert_eq!(Category::from_name(c.as_str()), Some(c));
        }
        assert!(serde_json::from_str::<Category>("\"langauge\"").is_err());
    }
}
