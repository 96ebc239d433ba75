//! The rules of a taxonomy file (`skills.json` or the imported one): skills, ids, names
//! and aliases, implications and their cycles, forms an imported skill takes from a curated
//! one, and curated skills no role uses.

use std::collections::{HashMap, HashSet};

use skillgap_data::form::{form_key, normal_form};
use skillgap_data::read;
use skillgap_data::schema::{self};

use super::{
    Category, Code, Diagnostic, Node, Pos, Sink, SkillFacts, SourceFile, TaxonomyFacts,
    TaxonomyKind, Value, check_id, list, suggest_skill,
};

/// Checks a taxonomy file (`skills.json` or the imported one); returns what it defines, or
/// `None` when it is not usable JSON.
pub(super) fn check_taxonomy(
    file: &SourceFile,
    kind: TaxonomyKind<'_>,
    out: &mut Vec<Diagnostic>,
) -> Option<TaxonomyFacts> {
    let mut sink = Sink {
        path: &file.path,
        out,
        errors: 0,
    };
    let root = sink.parse(&file.text)?;
    sink.object(&root, read::WHAT_TAXONOMY, &schema::TAXONOMY, &[])?;
    sink.field(&root, &schema::TAXONOMY, "$schema", read::WHAT_TAXONOMY);
    let items = sink
        .field(&root, &schema::TAXONOMY, "skills", read::WHAT_TAXONOMY)
        .and_then(Node::as_array)?;
    let mut facts = TaxonomyFacts {
        skills: Vec::with_capacity(items.len()),
        by_id: HashMap::new(),
    };
    for (i, item) in items.iter().enumerate() {
        facts.skills.push(check_skill(&mut sink, item, i));
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        let Some(pos) = skill.id_pos else { continue };
        if let Some(&first) = facts.by_id.get(&skill.id) {
            let line = facts.skills[first].id_pos.map_or(0, |p| p.line);
            let message = format!("skill id `{}` is already defined on line {line}", skill.id);
            sink.emit(Code::DuplicateTaxonomyId, pos, message, None);
        } else {
            facts.by_id.insert(skill.id.clone(), i);
        }
    }
    if let TaxonomyKind::Imported(Some(curated)) = kind {
        // A curated entry always wins: an imported skill with a curated id is left out whole
        // (`skillgap_data::skill::merge`), so none of its rules apply.
        facts.by_id.retain(|id, _| !curated.by_id.contains_key(id));
    }
    aliases(&mut sink, &facts);
    if let TaxonomyKind::Imported(Some(curated)) = kind {
        curated_forms(&mut sink, &facts, curated);
    }
    implications(&mut sink, &facts, kind);
    if sink.errors == 0 {
        sink.loads(read::taxonomy_of(&root), "the taxonomy");
    }
    Some(facts)
}

fn check_skill(sink: &mut Sink<'_>, item: &Node, i: usize) -> SkillFacts {
    let what = read::what_skill(item, i);
    let mut facts = SkillFacts {
        id: String::new(),
        id_pos: None,
        name: None,
        name_pos: None,
        ambiguous: false,
        aliases: Vec::new(),
        implies: Vec::new(),
    };
    if sink.object(item, &what, &schema::SKILL, &[]).is_none() {
        return facts;
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "id", &what) {
        let id = node.as_str().unwrap_or_default();
        check_id(sink, id, node.pos, "skill");
        facts.id = id.to_owned();
        facts.id_pos = Some(node.pos);
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "name", &what) {
        let name = node.as_str().unwrap_or_default();
        if normal_form(name).is_empty() {
            let message = format!("{what} has a blank name");
            sink.emit(Code::BlankForm, node.pos, message, None);
        }
        facts.name = Some(name.to_owned());
        facts.name_pos = Some(node.pos);
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "category", &what) {
        let category = node.as_str().unwrap_or_default();
        let names = Category::ALL.iter().map(|c| c.as_str());
        if Category::from_name(category).is_none() {
            let help = match crate::suggest::closest(category, names.clone(), 1).first() {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of {}", list(names)),
            };
            let message = format!("{what} has unknown category `{category}`");
            sink.emit(Code::UnknownCategory, node.pos, message, Some(help));
        }
    }
    facts.ambiguous = sink
        .field(item, &schema::SKILL, "ambiguous", &what)
        .map(|n| n.value == Value::Bool(true))
        == Some(true);
    let owned = |v: Vec<(&str, Pos)>| v.into_iter().map(|(s, p)| (s.to_owned(), p)).collect();
    facts.aliases = owned(sink.strings(item, &schema::SKILL, "aliases", &what));
    facts.implies = owned(sink.strings(item, &schema::SKILL, "implies", &what));
    sink.strings(item, &schema::SKILL, "reject", &what);
    sink.strings(item, &schema::SKILL, "cues", &what);
    facts
}

/// `duplicate-alias` and `alias-is-other-id`. Later copies of a duplicated id are left out:
/// they are reported once, as `duplicate-taxonomy-id`.
fn aliases(sink: &mut Sink<'_>, facts: &TaxonomyFacts) {
    // Alias key -> (skill index, alias as written) of its first owner.
    let mut owners: HashMap<String, (usize, &str)> = HashMap::new();
    // Key of an id or name -> every (skill index, "id" or "name") it is.
    let mut names: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
    for (i, s) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        names
            .entry(s.id.to_ascii_lowercase())
            .or_default()
            .push((i, "id"));
        if let Some(name) = &s.name {
            names.entry(form_key(name)).or_default().push((i, "name"));
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        // Within one skill, an ambiguous skill's forms match only as written, so `JAVA`
        // and `Java` are different aliases there.
        let mut own: HashMap<String, &str> = HashMap::new();
        for (alias, pos) in &skill.aliases {
            // Compared as the matcher sees them: normalised ("Ｐｏｓｔｇｒｅｓ" is "Postgres").
            let normal = normal_form(alias);
            if normal.is_empty() {
                let message = format!(
                    "alias `{}` of skill `{}` is blank",
                    alias.escape_debug(),
                    skill.id
                );
                sink.emit(Code::BlankForm, *pos, message, None);
                continue;
            }
            let key = form_key(&normal);
            let own_key = if skill.ambiguous {
                normal.into_owned()
            } else {
                key.clone()
            };
            if let Some(first) = own.get(&own_key) {
                let also = if first == alias {
                    String::new()
                } else {
                    format!(" (as `{first}`, ignoring case)")
                };
                let message = format!("skill `{}` lists alias `{alias}` twice{also}", skill.id);
                sink.emit(Code::DuplicateAlias, *pos, message, None);
                continue;
            }
            own.insert(own_key, alias);
            match owners.get(&key) {
                Some(&(j, first)) if j != i => {
                    let message = format!(
                        "alias `{alias}` of skill `{}` is also an alias of skill `{}` (`{first}`)",
                        skill.id, facts.skills[j].id
                    );
                    let help = "an alias must name one skill; keep it on one of them".to_owned();
                    sink.emit(Code::DuplicateAlias, *pos, message, Some(help));
                }
                Some(_) => {}
                None => {
                    owners.insert(key.clone(), (i, alias));
                }
            }
            let other = names
                .get(&key)
                .and_then(|v| v.iter().find(|(j, _)| *j != i));
            if let Some(&(j, what)) = other {
                let message = format!(
                    "alias `{alias}` of skill `{}` is the {what} of skill `{}`",
                    skill.id, facts.skills[j].id
                );
                let help = match what {
                    "id" => {
                        "an alias must not name another skill; if this skill implies it, use `implies`"
                    }
                    _ => "an alias must not name another skill; remove the alias",
                };
                sink.emit(Code::AliasIsOtherId, *pos, message, Some(help.to_owned()));
            }
        }
    }
}

/// `duplicate-alias` across the taxonomy files: a name or alias of an imported skill (that the merge keeps) that
/// is, by its comparison key, a name or alias of a curated skill: the matcher would find two
/// skills in one word.
fn curated_forms(sink: &mut Sink<'_>, facts: &TaxonomyFacts, curated: &TaxonomyFacts) {
    // Form key -> (curated skill index, the form as written, "name" or "an alias").
    let mut owners: HashMap<String, (usize, &str, &str)> = HashMap::new();
    for (j, skill) in curated.skills.iter().enumerate() {
        if !curated.is_first(j) {
            continue;
        }
        let name = skill.name.iter().map(|n| (n.as_str(), "the name"));
        let aliases = skill.aliases.iter().map(|(a, _)| (a.as_str(), "an alias"));
        for (form, what) in name.chain(aliases) {
            owners.entry(form_key(form)).or_insert((j, form, what));
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        let name = skill
            .name
            .iter()
            .zip(skill.name_pos)
            .map(|(n, pos)| (n.as_str(), pos, "name"));
        let aliases = skill
            .aliases
            .iter()
            .map(|(a, pos)| (a.as_str(), *pos, "alias"));
        for (form, pos, what) in name.chain(aliases) {
            let Some(&(j, owned, owned_what)) = owners.get(&form_key(form)) else {
                continue;
            };
            let other = &curated.skills[j].id;
            let message = format!(
                "{what} `{form}` of imported skill `{}` is {owned_what} of curated skill `{other}` (`{owned}`)",
                skill.id
            );
            let help = format!(
                "a form must name one skill: leave it out of the import, or import the skill as `{other}` (the curated entry then wins)"
            );
            sink.emit(Code::DuplicateAlias, pos, message, Some(help));
        }
    }
}

/// `unknown-implied-skill` and `implication-cycle`, over first definitions of ids. Imported
/// skills may imply curated ones (no cycle can pass through those: curated skills imply
/// curated skills only).
fn implications(sink: &mut Sink<'_>, facts: &TaxonomyFacts, kind: TaxonomyKind<'_>) {
    // Edges between first definitions: skill index -> [(target index, position)].
    let mut edges: Vec<Vec<(usize, Pos)>> = vec![Vec::new(); facts.skills.len()];
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        for (target, pos) in &skill.implies {
            let curated = match kind {
                TaxonomyKind::Curated => Some(false),
                TaxonomyKind::Imported(Some(curated)) => Some(curated.by_id.contains_key(target)),
                TaxonomyKind::Imported(None) => None,
            };
            match (facts.by_id.get(target), curated) {
                (Some(&j), _) => edges[i].push((j, *pos)),
                // Not judged: the curated file is unusable.
                (None, None) | (None, Some(true)) => {}
                (None, Some(false)) => {
                    let message = format!("skill `{}` implies unknown skill `{target}`", skill.id);
                    let help = match kind {
                        // Near ids of both files.
                        TaxonomyKind::Imported(Some(curated)) => {
                            suggest_skill(&curated.with_imported(facts), target)
                        }
                        _ => suggest_skill(facts, target),
                    };
                    sink.emit(Code::UnknownImpliedSkill, *pos, message, help);
                }
            }
        }
    }
    let mut state = vec![Visit::New; facts.skills.len()];
    let mut stack = Vec::new();
    for start in 0..facts.skills.len() {
        if state[start] == Visit::New {
            find_cycles(sink, facts, &edges, start, &mut state, &mut stack);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Visit {
    New,
    Open,
    Done,
}

/// Depth-first search; each edge that closes a cycle is reported once, where it is written.
fn find_cycles(
    sink: &mut Sink<'_>,
    facts: &TaxonomyFacts,
    edges: &[Vec<(usize, Pos)>],
    node: usize,
    state: &mut [Visit],
    stack: &mut Vec<usize>,
) {
    state[node] = Visit::Open;
    stack.push(node);
    for &(next, pos) in &edges[node] {
        match state[next] {
            Visit::New => find_cycles(sink, facts, edges, next, state, stack),
            Visit::Open => {
                let from = stack.iter().position(|&s| s == next).unwrap_or(0);
                let ids: Vec<String> = stack[from..]
                    .iter()
                    .chain(std::iter::once(&next))
                    .map(|&s| format!("`{}`", facts.skills[s].id))
                    .collect();
                let message = format!("skills imply each other in a cycle: {}", ids.join(" -> "));
                let help = format!(
                    "remove `{}` from the implies of `{}`, or another link of the cycle",
                    facts.skills[next].id, facts.skills[node].id
                );
                sink.emit(Code::ImplicationCycle, pos, message, Some(help));
            }
            Visit::Done => {}
        }
    }
    stack.pop();
    state[node] = Visit::Done;
}

/// `unused-skill`: a skill that nothing can ever produce. No role lists it, no skill implies
/// it, and the matcher cannot find it in a resume because every name and alias it has is
/// also a name or alias of another skill. Skills that only serve resume detection are used
/// (by the matcher), so a large taxonomy with few roles has no warnings.
pub(super) fn unused_skills(sink: &mut Sink<'_>, facts: &TaxonomyFacts, used: &HashSet<String>) {
    let implied: HashSet<&str> = facts
        .skills
        .iter()
        .flat_map(|s| s.implies.iter().map(|(t, _)| t.as_str()))
        .collect();
    let mut owners: HashMap<String, HashSet<usize>> = HashMap::new();
    for (i, skill) in facts
        .skills
        .iter()
        .enumerate()
        .filter(|&(i, _)| facts.is_first(i))
    {
        for form in skill.forms() {
            owners.entry(form).or_default().insert(i);
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        let Some(pos) = skill.id_pos.filter(|_| facts.is_first(i)) else {
            continue;
        };
        if used.contains(&skill.id) || implied.contains(skill.id.as_str()) {
            continue;
        }
        let mut forms = skill.forms().peekable();
        if forms.peek().is_none() {
            continue;
        }
        let shadowed = forms.all(|f| owners.get(&f).is_some_and(|o| o.iter().any(|&j| j != i)));
        if shadowed {
            let others: Vec<String> = skill
                .forms()
                .flat_map(|f| owners[&f].iter().copied().collect::<Vec<_>>())
                .filter(|&j| j != i)
                .map(|j| format!("`{}`", facts.skills[j].id))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let message = format!(
                "skill `{}` is unused: no role lists it, no skill implies it, and its names all belong to {}",
                skill.id,
                others.join(", ")
            );
            let help = "remove the skill, or give it a name or alias of its own".to_owned();
            sink.emit(Code::UnusedSkill, pos, message, Some(help));
        }
    }
}
