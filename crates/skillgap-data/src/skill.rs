//! One skill of the taxonomy, as the tool uses it.

use std::borrow::Cow;

use crate::Category;

/// A text of the taxonomy: borrowed from the data compiled into the binary (the embedded
/// taxonomy, prepared by the build of `skillgap-embedded`) or owned (data read at run time).
pub type Text = Cow<'static, str>;

/// A list of [`Text`]s, compiled in or owned like them.
pub type Texts = Cow<'static, [Text]>;

/// One canonical skill as written in `roles/skills.json` (fields: [`crate::schema::SKILL`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Kebab-case identifier, unique in the taxonomy (`postgresql`, `rest-apis`).
    pub id: Text,
    /// Display name, also matched in text (`PostgreSQL`).
    pub name: Text,
    /// Broad kind of skill.
    pub category: Category,
    /// Other names matched in text (`Postgres`, `psql`). Case-insensitive unless `ambiguous`.
    pub aliases: Texts,
    /// Skill ids this skill implies (`django` implies `python`). Must not form a cycle.
    pub implies: Texts,
    /// When true, the name and aliases are also ordinary words ("Go", "React", "Excel"):
    /// they match only in the case written here and only with evidence (a skills list,
    /// an attached version, a cue phrase, an unambiguous neighbour).
    pub ambiguous: bool,
    /// Phrases in which an alias is an ordinary word, not the skill ("go live", "react to").
    /// Each phrase contains one of the skill's names; matched case-insensitively.
    pub reject: Texts,
    /// Phrases that confirm an ambiguous alias ("in Go", "R scripts", "Unity3D").
    /// Each phrase contains one of the skill's names; matched case-insensitively.
    pub cues: Texts,
    /// Where an imported skill comes from: one entry per source record, sorted by source and
    /// source id; empty for a skill only curated by hand.
    pub provenance: Cow<'static, [Provenance]>,
}

/// One source record behind a skill (fields: [`crate::schema::PROVENANCE`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Provenance {
    /// The source: `onet`, `linguist` or `simple-icons`.
    pub source: Text,
    /// The record's id in that source: the O*NET example, linguist's `languageId`, the
    /// simple-icons slug.
    pub source_id: Text,
    /// For O*NET: the commodity class title of the example (its class with most rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onet_class: Option<Text>,
    /// For O*NET: whether the example is flagged Hot Technology.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hot_technology: Option<bool>,
}

impl Skill {
    /// The name followed by the aliases: every form matched in text.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name).chain(self.aliases.iter().map(|a| &**a))
    }
}

/// The indices of `skills` ordered by id: the id index, searched by bisection.
///
/// Errors with "duplicate skill id `x`" for the first id (in id order) that two skills share.
pub fn id_order(skills: &[Skill]) -> Result<Vec<u32>, String> {
    let count =
        u32::try_from(skills.len()).map_err(|_| format!("more than {} skills", u32::MAX))?;
    let mut by_id: Vec<u32> = (0..count).collect();
    by_id.sort_by(|&a, &b| skills[a as usize].id.cmp(&skills[b as usize].id));
    if let Some(pair) = by_id
        .windows(2)
        .find(|w| skills[w[0] as usize].id == skills[w[1] as usize].id)
    {
        return Err(format!(
            "duplicate skill id `{}`",
            skills[pair[0] as usize].id
        ));
    }
    Ok(by_id)
}

/// The taxonomy made of the curated skills (`roles/skills.json`, written by hand) and the
/// imported ones (`roles/imported/skills.json`, written by scripts). A curated entry always
/// wins: an imported skill whose id a curated skill has keeps every curated field (its name
/// and category there are ignored) and adds only its provenance and the aliases that no form
/// of a curated skill takes (compared by [`crate::form::form_key`]), so a re-import never
/// changes a curated field. The result is ordered by id, curated before imported for equal
/// ids among the imported (which the duplicate-id check then reports).
pub fn merge(curated: Vec<Skill>, imported: Vec<Skill>) -> Vec<Skill> {
    use std::collections::{HashMap, HashSet};
    let curated_ids: HashMap<Text, usize> = curated
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut all = curated;
    let mut taken: Option<HashSet<String>> = None;
    let mut kept = Vec::with_capacity(imported.len());
    for s in imported {
        let Some(&i) = curated_ids.get(&s.id) else {
            kept.push(s);
            continue;
        };
        let taken = taken.get_or_insert_with(|| {
            all.iter()
                .flat_map(|c| c.forms().map(crate::form::form_key))
                .collect()
        });
        let target = &mut all[i];
        for alias in s.aliases.iter() {
            if taken.insert(crate::form::form_key(alias)) {
                target.aliases.to_mut().push(alias.clone());
            }
        }
        target
            .provenance
            .to_mut()
            .extend(s.provenance.iter().cloned());
    }
    all.extend(kept);
    all.sort_by(|a, b| a.id.cmp(&b.id)); // stable
    all
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn skill(id: &str, name: &str, aliases: &[&str]) -> Skill {
        Skill {
            id: Cow::Owned(id.to_owned()),
            name: Cow::Owned(name.to_owned()),
            category: Category::Tool,
            aliases: Cow::Owned(aliases.iter().map(|a| Cow::Owned(a.to_string())).collect()),
            implies: Cow::Borrowed(&[]),
            ambiguous: false,
            reject: Cow::Borrowed(&[]),
            cues: Cow::Borrowed(&[]),
            provenance: Cow::Borrowed(&[]),
        }
    }

    #[test]
    fn a_curated_entry_always_wins() {
        let curated = vec![
            skill("docker", "Docker", &["Docker Engine"]),
            skill("git", "Git", &[]),
        ];
        let imported = vec![
            skill("ansible", "Ansible", &[]),
            // Same id as a curated skill: left out whole, with its name and aliases.
            skill("docker", "Docker CE", &["Moby", "Docker Engine"]),
            skill("helm", "Helm", &["Helm charts"]),
        ];
        let merged = merge(curated.clone(), imported);
        let ids: Vec<&str> = merged.iter().map(|s| &*s.id).collect();
        assert_eq!(ids, ["ansible", "docker", "git", "helm"]);
        // The curated fields stay; only the alias no curated form takes is added.
        let docker = &merged[1];
        assert_eq!(docker.name, "Docker");
        assert_eq!(
            docker.forms().collect::<Vec<_>>(),
            ["Docker", "Docker Engine", "Moby"]
        );
        assert!(id_order(&merged).is_ok());
        // Nothing imported: the curated file as it is.
        assert_eq!(merge(curated.clone(), Vec::new()), curated);
    }

    #[test]
    fn the_id_order_names_the_first_duplicate() {
        let skills = vec![
            skill("b", "B", &[]),
            skill("a", "A", &[]),
            skill("b", "C", &[]),
        ];
        assert_eq!(id_order(&skills), Err("duplicate skill id `b`".to_owned()));
        assert_eq!(id_order(&skills[..2]), Ok(vec![1, 0]));
    }
}
