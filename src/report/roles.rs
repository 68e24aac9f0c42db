//! Course eligibility by role in the coordinator's words: why a participant has no demand for a
//! course their role rules out, and which courses' roles leave nobody of the round eligible.

use crate::model::{Instance, ParticipantId, Role};
use crate::text::{self, tr};

/// The courses a participant's role rules out, one sentence each ("Ledarskap är för
/// arbetsledare; p2 är socialsekreterare"): phase defaults that are not demands because the
/// course is for other roles.
pub fn role_exclusions(inst: &Instance, p: ParticipantId) -> Vec<String> {
    let m = &inst.timetable;
    let role = role_word(inst.participants[p].role);
    m.role_excluded
        .iter()
        .filter(|(q, _)| *q == p)
        .map(|&(_, c)| {
            let course = &m.courses[c];
            let roles = role_words(&course.roles);
            let participant = inst.participants[p].name.as_str();
            tr!("why-role-not-eligible", course = course.name.as_str(), roles = roles, participant = participant, role = role.as_str())
        })
        .collect()
}

/// One note per course whose roles leave nobody of the round eligible (the course then has no
/// demand at all).
pub fn role_notes(inst: &Instance) -> Vec<String> {
    inst.timetable
        .courses
        .iter()
        .filter(|c| !c.roles.is_empty() && !inst.participants.iter().any(|p| c.admits_role(p.role)))
        .map(|c| {
            let roles = role_words(&c.roles);
            tr!("note-course-role-nobody", course = c.name.as_str(), roles = roles)
        })
        .collect()
}

/// A role in the coordinator's words, e.g. "arbetsledare".
pub fn role_word(role: Role) -> String {
    text::role(crate::format::Role::from(role).name())
}

/// A course's roles in the coordinator's words, e.g. "arbetsledare, utförare".
fn role_words(roles: &[Role]) -> String {
    roles.iter().map(|&r| role_word(r)).collect::<Vec<_>>().join(", ")
}
