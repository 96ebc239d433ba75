//! Generates the embedded data from the repository's `roles/` directory (two levels up), so
//! a run with the default data parses and indexes nothing:
//! - `embedded_roles.rs`: every `roles/*.json` file, sorted by name, as text (the tool works
//!   with no flags, and the embedded list always equals the files in `roles/`), and
//!   `roles/imported/skills.json` when it exists;
//! - `embedded_taxonomy.rs`: the taxonomy packed without pointers (`skillgap_data::packed`)
//!   with its id index (see
//!   `Taxonomy::embedded` in the tool): `roles/skills.json` (curated) merged with
//!   `roles/imported/skills.json` when it exists (`skillgap_data::skill::merge`: a curated
//!   entry always wins);
//! - `embedded_index.rs`: the matcher's form index of that taxonomy, built by the same code
//!   as at run time (`skillgap_data::index`).
//!
//! When the taxonomy cannot be prepared (invalid JSON, a shape problem, a duplicate id, in
//! either file), both tables are `None` and the binary parses the text at run time, so the error is
//! reported as usual and `skillgap roles check` can still say where it is.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use skillgap_data::{Skill, index};

/// The repository's data directory, from this crate's directory.
const ROLES: &str = "../../roles";

/// The imported taxonomy, inside [`ROLES`]; it may be absent.
const IMPORTED: &str = "imported/skills.json";

fn main() {
    // A directory is scanned whole, so this also sees `imported/skills.json` appear.
    println!("cargo:rerun-if-changed={ROLES}");
    // Watched by name only while they exist: a path that is missing makes cargo rerun the
    // script on every build, and the tables would never stay cached.
    for path in [format!("{ROLES}/imported"), format!("{ROLES}/{IMPORTED}")] {
        if Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    let imported = match fs::read_to_string(format!("{ROLES}/{IMPORTED}")) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("roles/{IMPORTED}: {e}"),
    };
    let roles = embedded_roles(imported.is_some());
    fs::write(out.join("embedded_roles.rs"), roles).expect("write embedded_roles.rs");

    let text = fs::read_to_string(format!("{ROLES}/skills.json")).expect("roles/skills.json");
    let (taxonomy, index) = match read_skills(&text, imported.as_deref()) {
        Ok(skills) => (taxonomy_tables(&skills), index_tables(&skills)),
        Err(why) => {
            println!(
                "cargo:warning=the taxonomy is not prepared at build time ({why}); it will be parsed at run time: run `skillgap roles check`"
            );
            (
                "pub static SKILLS: Option<Packed> = None;\n".to_owned(),
                "pub static INDEX: Option<Index<'static>> = None;\n".to_owned(),
            )
        }
    };
    let taxonomy = format!("{SKILLS_DOC}{taxonomy}");
    fs::write(out.join("embedded_taxonomy.rs"), taxonomy).expect("write embedded_taxonomy.rs");
    let index = format!("{INDEX_DOC}{index}");
    fs::write(out.join("embedded_index.rs"), index).expect("write embedded_index.rs");
}

/// The doc comments of the generated statics (the crate has `missing_docs` on).
const SKILLS_DOC: &str = "/// The taxonomy's skills in the order of `skills.json`, packed without pointers\n/// (`skillgap_data::packed`, with their indices sorted by id); `None` when the build could\n/// not prepare the file.\n";
const INDEX_DOC: &str = "/// The matcher's form index of [`SKILLS`]; `None` when the build could not prepare\n/// `skills.json`.\n";

fn embedded_roles(imported: bool) -> String {
    let mut names: Vec<String> = fs::read_dir(ROLES)
        .expect("roles/ directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "schema.json")
        .collect();
    names.sort();
    let mut out = String::from(
        "/// (file name, contents) of every `roles/*.json` file, sorted by name.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed={ROLES}/{name}");
        writeln!(
            out,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{ROLES}/{name}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    out.push_str(&role_rows(&names));
    let occupations = format!("{ROLES}/imported/occupations.tsv");
    println!("cargo:rerun-if-changed={occupations}");
    out.push_str("/// The contents of `roles/imported/occupations.tsv` (O*NET-SOC codes, titles and Hot\n/// Technology skill ids), when it exists.\npub const OCCUPATIONS: Option<&str> = ");
    if Path::new(&occupations).exists() {
        writeln!(
            out,
            "Some(include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{occupations}\")));"
        )
        .unwrap();
    } else {
        out.push_str("None;\n");
    }
    out.push_str("/// The contents of `roles/imported/skills.json`, when it exists.\npub const IMPORTED: Option<&str> = ");
    if imported {
        writeln!(
            out,
            "Some(include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{ROLES}/{IMPORTED}\")));"
        )
        .unwrap();
    } else {
        out.push_str("None;\n");
    }
    out
}

/// `ROLE_ROWS`: (id, title, months, hours per week, phases) of every role file, sorted by id,
/// for `roles list`, which then parses nothing; `None` when a role file does not read (the
/// tool then parses the files and reports the error as usual).
fn role_rows(names: &[String]) -> String {
    let mut rows = Vec::new();
    for name in names {
        if name == "skills.json" || name == "families.json" {
            continue;
        }
        let text = fs::read_to_string(format!("{ROLES}/{name}")).expect("role file");
        match skillgap_data::read::role(&text) {
            Ok(r) => rows.push((
                r.id.clone(),
                r.title.clone(),
                r.months(),
                r.hours_per_week,
                r.phases.len(),
            )),
            Err(_) => {
                return "/// `roles list` rows; `None`: a role file did not read at build time.\npub const ROLE_ROWS: Option<&[RoleRow]> = None;\n".to_owned();
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from(
        "/// (id, title, months, hours per week, phases) of every role file, sorted by id, for\n/// `roles list`; `None` when a role file did not read at build time.\npub const ROLE_ROWS: Option<&[RoleRow]> = Some(&[\n",
    );
    for (id, title, months, hours, phases) in rows {
        writeln!(
            out,
            "    ({id:?}, {title:?}, {months:?}, {hours:?}, {phases}),"
        )
        .unwrap();
    }
    out.push_str("]);\n");
    out
}

/// `skills.json`, merged with the imported skills when there are any, read by the typed
/// reader `Taxonomy::from_json` uses, so the build prepares exactly the files the run-time
/// loader accepts. A test compares the two results.
fn read_skills(text: &str, imported: Option<&str>) -> Result<Vec<Skill>, String> {
    let read = |file: &str, text: &str| {
        skillgap_data::read::taxonomy(text).map_err(|e| format!("roles/{file}: {e}"))
    };
    let mut skills = read("skills.json", text)?;
    if let Some(imported) = imported {
        skills = skillgap_data::skill::merge(skills, read(IMPORTED, imported)?);
    }
    skillgap_data::skill::id_order(&skills)?;
    Ok(skills)
}

fn taxonomy_tables(skills: &[Skill]) -> String {
    let (text, numbers) = skillgap_data::packed::pack(skills);
    let by_id = skillgap_data::skill::id_order(skills).expect("ids checked by read_skills");
    format!(
        "pub static SKILLS: Option<Packed> = Some(Packed {{\n    text: {text:?},\n    numbers: &[{}],\n    by_id: &[{}],\n}});\n",
        joined(&numbers),
        joined(&by_id)
    )
}

fn index_tables(skills: &[Skill]) -> String {
    let forms: Vec<index::SkillForms<'_>> = skills
        .iter()
        .map(|s| index::SkillForms {
            ambiguous: s.ambiguous,
            forms: s.forms().collect(),
        })
        .collect();
    let ix = index::Index::build(&forms);
    let span = |s: index::Span| format!("Span({}, {})", s.0, s.1);
    let mut out = String::from("pub static INDEX: Option<Index<'static>> = Some(Index {\n");
    writeln!(out, "    text: B({:?}),", ix.text).unwrap();
    out.push_str("    patterns: B(&[\n");
    for p in ix.patterns.iter() {
        writeln!(
            out,
            "        Pattern {{ skill: {}, form: {}, lower: {}, anchor: {}, is_name: {}, plain_ambiguous: {}, case_with_evidence: {}, exact_case: {}, cjk: {} }},",
            p.skill,
            span(p.form),
            span(p.lower),
            p.anchor,
            p.is_name,
            p.plain_ambiguous,
            p.case_with_evidence,
            p.exact_case,
            p.cjk
        )
        .unwrap();
    }
    out.push_str("    ]),\n    keys: B(&[\n");
    for (hash, id) in ix.keys.iter() {
        writeln!(out, "        ({hash:#x}, {id}),").unwrap();
    }
    let numbers = joined;
    writeln!(out, "    ]),\n    loose: B(&[{}]),", numbers(&ix.loose)).unwrap();
    let ranges: Vec<String> = ix
        .skill_patterns
        .iter()
        .map(|(a, b)| format!("({a}, {b})"))
        .collect();
    writeln!(out, "    skill_patterns: B(&[{}]),", ranges.join(", ")).unwrap();
    out.push_str("    fuzzy: B(&[\n");
    for f in ix.fuzzy.iter() {
        writeln!(
            out,
            "        FuzzyForm {{ first: {:?}, lower: {}, skill: {}, letters: Letters::from_counts({:?}) }},",
            f.first,
            span(f.lower),
            f.skill,
            f.letters.counts
        )
        .unwrap();
    }
    out.push_str("    ]),\n});\n");
    out
}

/// Numbers as Rust literals, comma-separated.
fn joined(items: &[u32]) -> String {
    let items: Vec<String> = items.iter().map(u32::to_string).collect();
    items.join(", ")
}
