//! The rules of the families file (`families.json`): its shape, family ids, members that
//! are skills of the taxonomy, at least two members, and no id twice.

use std::collections::HashMap;

use skillgap_data::read;
use skillgap_data::schema;

use super::{Code, Node, Sink, SourceFile, TaxonomyFacts, check_id, suggest_skill};

/// Family id -> member ids, for judging the family slots of role files.
pub(super) type FamilyFacts = HashMap<String, Vec<String>>;

/// The smallest family: one member is a plain skill.
const MIN_MEMBERS: usize = 2;

/// Checks the families file; returns its families when it parses (even with errors, so
/// role files are judged against what it defines). Skills the families name go to `used`.
pub(super) fn check_families(
    sink: &mut Sink<'_>,
    file: &SourceFile,
    facts: Option<&TaxonomyFacts>,
    used: &mut std::collections::HashSet<String>,
) -> Option<FamilyFacts> {
    let root = sink.parse(&file.text)?;
    let what = read::WHAT_FAMILIES;
    sink.object(&root, what, &schema::FAMILIES, &[])?;
    sink.field(&root, &schema::FAMILIES, "$schema", what);
    let mut out = FamilyFacts::new();
    let items = sink
        .field(&root, &schema::FAMILIES, "families", what)
        .and_then(Node::as_array)
        .unwrap_or_default();
    for (i, node) in items.iter().enumerate() {
        let what = read::what_family(node, i);
        if sink.object(node, &what, &schema::FAMILY, &[]).is_none() {
            continue;
        }
        for key in ["name", "summary", "reference"] {
            sink.field(node, &schema::FAMILY, key, &what);
        }
        let id = sink
            .field(node, &schema::FAMILY, "id", &what)
            .and_then(|n| Some((n.as_str()?, n.pos)));
        let members = sink.strings(node, &schema::FAMILY, "members", &what);
        if let Some(list) = node.get("members").filter(|n| n.as_array().is_some())
            && members.len() < MIN_MEMBERS
        {
            let message = format!(
                "{what} has {}; a family needs at least {MIN_MEMBERS}",
                match members.len() {
                    0 => "no members".to_owned(),
                    1 => "1 member".to_owned(),
                    n => format!("{n} members"),
                }
            );
            let help = "name a single skill in role files on its own".to_owned();
            sink.emit(Code::FamilyTooSmall, list.pos, message, Some(help));
        }
        let mut seen: Vec<&str> = Vec::new();
        for &(member, pos) in &members {
            if seen.contains(&member) {
                let message = format!("{what} lists member `{member}` twice");
                sink.emit(Code::DuplicateSkill, pos, message, None);
                continue;
            }
            seen.push(member);
            used.insert(member.to_owned());
            if let Some(facts) = facts
                && !facts.by_id.contains_key(member)
            {
                let message = format!("{what} lists unknown skill `{member}`");
                sink.emit(
                    Code::UnknownSkill,
                    pos,
                    message,
                    suggest_skill(facts, member),
                );
            }
        }
        let Some((id, pos)) = id else { continue };
        check_id(sink, id, pos, "family");
        if out.contains_key(id) {
            let message = format!("family id `{id}` appears twice");
            sink.emit(Code::DuplicateFamilyId, pos, message, None);
            continue;
        }
        out.insert(
            id.to_owned(),
            members.iter().map(|(m, _)| (*m).to_owned()).collect(),
        );
    }
    if sink.errors == 0 {
        sink.loads(read::families_of(&root), "the families file");
    }
    Some(out)
}
