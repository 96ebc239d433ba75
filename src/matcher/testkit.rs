//! The small taxonomy the matcher's tests run on, and a helper that lists the skills found.

use super::{Document, MatchKind, Matcher};
use crate::taxonomy::Taxonomy;

const TAXONOMY: &str = r#"{"skills": [
{"id": "c", "name": "C", "category": "language", "ambiguous": true, "reject": ["Series C", "grade: C", "plan C", "C-level", "vitamin C"]},
{"id": "cpp", "name": "C++", "category": "language"},
{"id": "csharp", "name": "C#", "category": "language"},
{"id": "fsharp", "name": "F#", "category": "language"},
{"id": "objective-c", "name": "Objective-C", "category": "language"},
{"id": "go", "name": "Go", "category": "language", "aliases": ["Golang"], "ambiguous": true, "reject": ["go live", "go to", "go-to"]},
{"id": "r", "name": "R", "category": "language", "ambiguous": true},
{"id": "java", "name": "Java", "category": "language", "ambiguous": true},
{"id": "javascript", "name": "JavaScript", "category": "language", "aliases": ["JS"]},
{"id": "react", "name": "React", "category": "framework", "aliases": ["React.js", "ReactJS"], "ambiguous": true, "reject": ["react to"], "implies": ["javascript"]},
{"id": "nextjs", "name": "Next.js", "category": "framework", "implies": ["react"]},
{"id": "dotnet", "name": ".NET", "category": "framework"},
{"id": "aspnet-core", "name": "ASP.NET Core", "category": "framework", "implies": ["dotnet"]},
{"id": "nodejs", "name": "Node.js", "category": "framework", "implies": ["javascript"]},
{"id": "ci-cd", "name": "CI/CD", "category": "practice"},
{"id": "plsql", "name": "PL/SQL", "category": "language"},
{"id": "sql", "name": "SQL", "category": "language"},
{"id": "html", "name": "HTML", "category": "language", "aliases": ["HTML5"]},
{"id": "css", "name": "CSS", "category": "language"},
{"id": "kubernetes", "name": "Kubernetes", "category": "tool", "aliases": ["k8s"]},
{"id": "postgresql", "name": "PostgreSQL", "category": "database", "aliases": ["Postgres"], "implies": ["sql"]},
{"id": "python", "name": "Python", "category": "language"},
{"id": "rust", "name": "Rust", "category": "language", "ambiguous": true, "reject": ["rust-proofing"]},
{"id": "spring", "name": "Spring", "category": "framework", "ambiguous": true},
{"id": "spring-boot", "name": "Spring Boot", "category": "framework", "implies": ["java"]},
{"id": "swift", "name": "Swift", "category": "language", "ambiguous": true},
{"id": "excel", "name": "Excel", "category": "tool", "ambiguous": true, "reject": ["excel at", "excel in"]},
{"id": "shell", "name": "Shell", "category": "language", "ambiguous": true},
{"id": "symfony", "name": "Symfony", "category": "framework"},
{"id": "javascript-engines", "name": "Data Structures", "category": "practice", "aliases": ["数据结构"]},
{"id": "docker", "name": "Docker", "category": "tool"},
{"id": "machine-learning", "name": "Machine Learning", "category": "practice", "aliases": ["ML"]},
{"id": "kafka", "name": "Kafka", "category": "tool", "reject": ["Franz Kafka"]}
]}"#;

/// The test taxonomy.
pub(super) fn tax() -> Taxonomy {
    Taxonomy::from_json(TAXONOMY).unwrap()
}

/// The ids of the skills found (not implied) in `text`, in document order.
pub(super) fn ids(text: &str) -> Vec<String> {
    ids_with(&tax(), text)
}

/// The ids found in `text` with the taxonomy given as JSON (`taxonomy`), implied skills left
/// out.
pub(super) fn ids_in(taxonomy: &str, text: &str) -> Vec<String> {
    ids_with(&Taxonomy::from_json(taxonomy).unwrap(), text)
}

fn ids_with(t: &Taxonomy, text: &str) -> Vec<String> {
    let m = Matcher::new(t);
    let got = m.extract(&Document::from_text(text));
    got.skills
        .iter()
        .filter(|s| s.how != MatchKind::Implied)
        .map(|s| s.id.clone())
        .collect()
}
