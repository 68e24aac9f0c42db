//! The rules of a group programme: who may join, on which date ([`ineligibility_on`],
//! [`eligible_window`]), how far apart meetings may lie ([`series_gap_too_long`]) and what two
//! members bring to a group ([`pair_benefit`]). Used by pin validation, grouping and re-planning.

use crate::model::groups::{ordered, GroupProgramme};
use crate::model::{years_between, Instance, Participant, ParticipantId};
use crate::text::{self, tr};
use chrono::NaiveDate;

/// Why a participant may not join a programme starting at the round's start, if they may not
/// (see [`ineligibility_on`]).
pub fn ineligibility(inst: &Instance, prog: &GroupProgramme, p: ParticipantId) -> Option<String> {
    ineligibility_on(inst, prog, p, inst.round_start)
}

/// Why a participant may not join a group of the programme whose first meeting is on `date`, if
/// they may not: the phase and the months in the profession are those on that date (people move
/// up the staircase during a round); themes and roles do not change.
pub fn ineligibility_on(inst: &Instance, prog: &GroupProgramme, p: ParticipantId, date: NaiveDate) -> Option<String> {
    let part = &inst.participants[p];
    let phase = part.phase_on(&inst.phases, date);
    if !prog.phases.is_empty() && !prog.phases.contains(&phase) {
        return Some(tr!("groups-inel-phase", phase = text::phase(&inst.phases[phase].id)));
    }
    let months = years_between(part.profession_start, date).max(0.0) * 12.0;
    if let Some(min) = prog.min_months {
        if months < min {
            return Some(tr!("groups-inel-months-min", months = format!("{months:.0}"), min = min));
        }
    }
    if let Some(max) = prog.max_months {
        if months > max {
            return Some(tr!("groups-inel-months-max", months = format!("{months:.0}"), max = max));
        }
    }
    timeless_ineligibility(prog, part)
}

/// Why a participant may not join on any date: themes and roles.
fn timeless_ineligibility(prog: &GroupProgramme, part: &Participant) -> Option<String> {
    if !prog.themes.is_empty() && !part.interests.iter().any(|t| prog.themes.contains(t)) {
        return Some(tr!("groups-inel-themes", themes = prog.themes.join(", ")));
    }
    if !prog.roles.is_empty() && !prog.roles.contains(&part.role) {
        return Some(tr!("groups-inel-role", role = text::role(part.role.name())));
    }
    None
}

/// Whether the phase and months of participant `p` on `date` admit them (see
/// [`ineligibility_on`]; themes and roles are not looked at).
fn admitted_on(inst: &Instance, prog: &GroupProgramme, part: &Participant, date: NaiveDate) -> bool {
    let months = years_between(part.profession_start, date).max(0.0) * 12.0;
    (prog.phases.is_empty() || prog.phases.contains(&part.phase_on(&inst.phases, date)))
        && prog.min_months.is_none_or(|m| months >= m)
        && prog.max_months.is_none_or(|m| months <= m)
}

/// The days of the round on which participant `p` may join a group starting that day: the
/// first and the last day of their first run of such days. None when no day of the round
/// admits them (they are not in the programme's scope).
pub fn eligible_window(inst: &Instance, prog: &GroupProgramme, p: ParticipantId) -> Option<(NaiveDate, NaiveDate)> {
    let part = &inst.participants[p];
    if timeless_ineligibility(prog, part).is_some() {
        return None;
    }
    let (start, end) = (inst.calendar.start, inst.calendar.end);
    let first = start.iter_days().take_while(|d| *d <= end).find(|&d| admitted_on(inst, prog, part, d))?;
    let last = first.iter_days().take_while(|d| *d <= end && admitted_on(inst, prog, part, *d)).last().unwrap_or(first);
    Some((first, last))
}

/// A compact series: consecutive meetings at most `max_days_between` apart (when the programme
/// sets it). Returns the first pair of meetings too far apart.
pub fn series_gap_too_long(prog: &GroupProgramme, meetings: &[NaiveDate]) -> Option<(NaiveDate, NaiveDate)> {
    let max = prog.meetings.max_days_between? as i64;
    meetings.windows(2).find(|w| (w[1] - w[0]).num_days() > max).map(|w| (w[0], w[1]))
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
