//! Group programmes and leaders with references resolved to indices.

use super::date_set;
use crate::format::{DiversityWeights, GroupKind, GroupMeetingRules, InstanceFile, Role};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A group programme.
#[derive(Debug, Clone)]
pub struct GroupProgramme {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: GroupKind,
    /// Participants considered (the enrolled list, or everyone), indices.
    pub candidates: Vec<usize>,
    /// Eligible phases (indices); empty = all.
    pub phases: HashSet<usize>,
    /// Months in the profession at the round's start: lower bound.
    pub min_months: Option<f64>,
    /// Upper bound.
    pub max_months: Option<f64>,
    /// Theme tags; empty = no theme.
    pub themes: Vec<String>,
    /// Eligible roles; empty = all.
    pub roles: Vec<Role>,
    /// Whether the enrolled list was explicit (then ineligible entries are reported).
    pub explicit_enrolment: bool,
    /// Group size bounds.
    pub min_size: usize,
    /// Group size bounds.
    pub max_size: usize,
    /// Fixed number of groups, if given.
    pub groups: Option<usize>,
    /// Per-group size ranges, if the groups differ (fixes the number of groups).
    pub group_sizes: Option<Vec<(usize, usize)>>,
    /// Mixing cap per municipality.
    pub max_per_municipality: Option<usize>,
    /// Mixing cap per unit.
    pub max_per_unit: Option<usize>,
    /// Every group needs a leader.
    pub leader_required: bool,
    /// Qualification tag of leaders.
    pub qualification: String,
    /// Meeting rules.
    pub meetings: GroupMeetingRules,
    /// Fixed venue (municipality index).
    pub venue: Option<usize>,
    /// Participant pairs (i < j) that were in a group together before.
    pub together_before: HashSet<(usize, usize)>,
    /// Diversity and travel weights.
    pub diversity: DiversityWeights,
    /// Explicit pair benefits, keyed (i < j).
    pub pair_weights: HashMap<(usize, usize), f64>,
    /// Unlisted pairs have benefit 0.
    pub pair_weights_only: bool,
}

/// A group leader.
#[derive(Debug, Clone)]
pub struct GroupLeader {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Home municipality index.
    pub municipality: usize,
    /// Qualification tags.
    pub qualifications: Vec<String>,
    /// Most groups in the round.
    pub max_groups: usize,
    /// Dates the leader cannot meet.
    pub unavailable: BTreeSet<NaiveDate>,
}

/// Orders a pair of indices.
pub fn ordered(a: usize, b: usize) -> (usize, usize) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Builds the group programmes and leaders of a validated file.
pub fn build(f: &InstanceFile, muni_index: &HashMap<&str, usize>) -> (Vec<GroupProgramme>, Vec<GroupLeader>) {
    let person: HashMap<&str, usize> = f.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let phase: HashMap<&str, usize> = f.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let programmes = f
        .group_programmes
        .iter()
        .map(|g| {
            let (dmin, dmax) = g.kind.default_size();
            let candidates = match &g.enrolled {
                Some(list) => list.iter().filter_map(|id| person.get(id.as_str()).copied()).collect(),
                None => (0..f.participants.len()).collect(),
            };
            let mut together_before = HashSet::new();
            for group in &g.together_before {
                let members: Vec<usize> = group.iter().filter_map(|id| person.get(id.as_str()).copied()).collect();
                for (k, &a) in members.iter().enumerate() {
                    for &b in &members[k + 1..] {
                        together_before.insert(ordered(a, b));
                    }
                }
            }
            GroupProgramme {
                id: g.id.clone(),
                name: g.name.clone(),
                kind: g.kind,
                candidates,
                phases: g.eligibility.phases.iter().filter_map(|p| phase.get(p.as_str()).copied()).collect(),
                min_months: g.eligibility.min_months,
                max_months: g.eligibility.max_months,
                themes: g.eligibility.themes.clone(),
                roles: g.eligibility.roles.clone(),
                explicit_enrolment: g.enrolled.is_some(),
                min_size: g.min_size.unwrap_or(dmin),
                max_size: g.max_size.unwrap_or(dmax),
                groups: g.groups,
                group_sizes: g.group_sizes.as_ref().map(|v| v.iter().map(|r| (r.min, r.max)).collect()),
                max_per_municipality: g.max_per_municipality,
                max_per_unit: g.max_per_unit,
                leader_required: g.leader_required,
                qualification: g.leader_qualification.clone().unwrap_or_else(|| g.kind.name().to_string()),
                meetings: g.meetings.clone(),
                venue: g.venue.as_ref().and_then(|v| muni_index.get(v.as_str()).copied()),
                together_before,
                diversity: g.diversity.clone(),
                pair_weights: g
                    .pair_weights
                    .iter()
                    .filter_map(|pw| Some((ordered(*person.get(pw.a.as_str())?, *person.get(pw.b.as_str())?), pw.w)))
                    .collect(),
                pair_weights_only: g.pair_weights_only,
            }
        })
        .collect();
    let leaders = f
        .group_leaders
        .iter()
        .map(|l| GroupLeader {
            id: l.id.clone(),
            name: l.name.clone(),
            municipality: muni_index.get(l.municipality.as_str()).copied().unwrap_or(0),
            qualifications: l.qualifications.clone(),
            max_groups: l.max_groups.max(0) as usize,
            unavailable: date_set(&l.unavailable, (f.round.start, f.round.end)),
        })
        .collect();
    (programmes, leaders)
}
