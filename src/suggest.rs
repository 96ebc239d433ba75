//! "Did you mean" suggestions for ids typed by people (roles, skills, subcommands).

/// Candidates whose Jaro-Winkler similarity to `query` is at least 0.85, best first,
/// at most `max`. Ties keep candidate order.
pub(crate) fn closest<'a>(
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let q = query.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(&q, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn closest_ranks_by_similarity() {
        let ids = ["backend-engineer", "frontend-engineer", "data-engineer"];
        assert_eq!(
            closest("backend-enginer", ids.iter().copied(), 1),
            vec!["backend-engineer"]
        );
        assert!(closest("zzz", ids.iter().copied(), 3).is_empty());
    }
}
