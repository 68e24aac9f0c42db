//! Group programmes and leaders with references resolved to indices.

use super::{date_set, index_by_id};
use crate::format::InstanceFile;
use crate::model::groups::{ordered, GroupLeader, GroupProgramme};
use crate::model::{CourseId, MunicipalityId, ParticipantId, PhaseId};
use std::collections::{HashMap, HashSet};

/// Builds the group programmes and leaders of a validated file.
pub(super) fn build(f: &InstanceFile, muni_index: &HashMap<&str, usize>) -> (Vec<GroupProgramme>, Vec<GroupLeader>) {
    let person = index_by_id(&f.participants, |p| &p.id);
    let phase = index_by_id(&f.phases, |p| &p.id);
    let course = index_by_id(&f.courses, |c| &c.id);
    let programmes = f
        .group_programmes
        .iter()
        .map(|g| {
            let (dmin, dmax) = g.kind.default_size();
            let candidates = match &g.enrolled {
                Some(list) => list.iter().filter_map(|id| person.get(id.as_str()).copied().map(ParticipantId)).collect(),
                None => (0..f.participants.len()).map(ParticipantId).collect(),
            };
            let mut together_before = HashSet::new();
            for group in &g.together_before {
                let members: Vec<ParticipantId> =
                    group.iter().filter_map(|id| person.get(id.as_str()).copied().map(ParticipantId)).collect();
                for (k, &a) in members.iter().enumerate() {
                    for &b in &members[k + 1..] {
                        together_before.insert(ordered(a, b));
                    }
                }
            }
            GroupProgramme {
                id: g.id.clone(),
                name: g.name.clone(),
                kind: g.kind.into(),
                candidates,
                phases: g.eligibility.phases.iter().filter_map(|p| phase.get(p.as_str()).map(|&i| PhaseId(i))).collect(),
                min_months: g.eligibility.min_months,
                max_months: g.eligibility.max_months,
                themes: g.eligibility.themes.clone(),
                roles: g.eligibility.roles.iter().map(|&r| r.into()).collect(),
                explicit_enrolment: g.enrolled.is_some(),
                min_size: g.min_size.unwrap_or(dmin),
                max_size: g.max_size.unwrap_or(dmax),
                groups: g.groups,
                group_sizes: g.group_sizes.as_ref().map(|v| v.iter().map(|r| (r.min, r.max)).collect()),
                max_per_municipality: g.max_per_municipality,
                max_per_unit: g.max_per_unit,
                leader_required: g.leader_required,
                qualification: g.leader_qualification.clone().unwrap_or_else(|| g.kind.name().to_string()),
                meetings: (&g.meetings).into(),
                venue: g.venue.as_ref().and_then(|v| muni_index.get(v.as_str()).copied()).map(MunicipalityId),
                together_before,
                diversity: (&g.diversity).into(),
                pair_weights: g
                    .pair_weights
                    .iter()
                    .filter_map(|pw| {
                        Some((ordered(ParticipantId(*person.get(pw.a.as_str())?), ParticipantId(*person.get(pw.b.as_str())?)), pw.w))
                    })
                    .collect(),
                pair_weights_only: g.pair_weights_only,
                cohort_months: g.cohort_months,
                linked_course: g.linked_course.as_ref().and_then(|c| course.get(c.as_str()).map(|&i| CourseId(i))),
                leaders_per_group: g.leaders_per_group.max(1),
            }
        })
        .collect();
    let leaders = f
        .group_leaders
        .iter()
        .map(|l| GroupLeader {
            id: l.id.clone(),
            name: l.name.clone(),
            municipality: MunicipalityId(muni_index.get(l.municipality.as_str()).copied().unwrap_or(0)),
            qualifications: l.qualifications.clone(),
            max_groups: l.max_groups.max(0) as usize,
            unavailable: date_set(&l.unavailable, (f.round.start, f.round.end)),
        })
        .collect();
    (programmes, leaders)
}
