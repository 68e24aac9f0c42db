//! The rules of a group programme: who may join ([`ineligibility`]) and what two members
//! bring to a group ([`pair_benefit`]). Used by pin validation, grouping and re-planning.

use crate::model::groups::{ordered, GroupProgramme};
use crate::model::{Instance, ParticipantId};

/// Why a participant may not join a programme, if they may not.
pub fn ineligibility(inst: &Instance, prog: &GroupProgramme, p: ParticipantId) -> Option<String> {
    let part = &inst.participants[p];
    if !prog.phases.is_empty() && !prog.phases.contains(&part.phase) {
        return Some(format!("phase \"{}\" is not among the programme's phases", inst.phases[part.phase].id));
    }
    let months = part.years * 12.0;
    if let Some(min) = prog.min_months {
        if months < min {
            return Some(format!("{months:.0} months in the profession, the programme starts at {min}"));
        }
    }
    if let Some(max) = prog.max_months {
        if months > max {
            return Some(format!("{months:.0} months in the profession, the programme ends at {max}"));
        }
    }
    if !prog.themes.is_empty() && !part.interests.iter().any(|t| prog.themes.contains(t)) {
        return Some(format!("no interest in the themes {}", prog.themes.join(", ")));
    }
    if !prog.roles.is_empty() && !prog.roles.contains(&part.role) {
        return Some(format!("role {:?} is not among the programme's roles", part.role));
    }
    None
}

/// The benefit of participants `a` and `b` in one group.
pub fn pair_benefit(inst: &Instance, prog: &GroupProgramme, a: ParticipantId, b: ParticipantId) -> f64 {
    if let Some(&w) = prog.pair_weights.get(&ordered(a, b)) {
        return w;
    }
    if prog.pair_weights_only {
        return 0.0;
    }
    let (pa, pb) = (&inst.participants[a], &inst.participants[b]);
    let w = &prog.diversity;
    let mut x = 0.0;
    if pa.municipality != pb.municipality {
        x += w.different_municipality;
    }
    if pa.unit != pb.unit {
        x += w.different_unit;
    }
    if pa.role != pb.role {
        x += w.different_role;
    }
    if !prog.together_before.contains(&ordered(a, b)) {
        x += w.not_together_before;
    }
    x
}
