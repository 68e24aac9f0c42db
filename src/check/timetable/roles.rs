//! C085: course eligibility by role. A course that names roles admits only participants of
//! those roles. C089: a course held for some sub-regions admits only participants of
//! municipalities in them. Both derived from the instance file alone.

use super::Ctx;
use crate::check::{violation, CheckCode, Violation};
use crate::format::plan::SessionPlan;
use crate::format::InstanceFile;
use crate::text::{self, tr};

/// Whether course `c` admits participant `p` by role (a course without roles admits every role).
pub(super) fn role_admitted(f: &InstanceFile, p: usize, c: usize) -> bool {
    let roles = &f.courses[c].roles;
    roles.is_empty() || roles.contains(&f.participants[p].role)
}

/// C085: the attendee's role is one of the course's roles (when it names any).
pub(super) fn attendee_role(ctx: &Ctx, s: &SessionPlan, c: usize, a: &str, p: usize) -> Option<Violation> {
    let f = ctx.f;
    (!role_admitted(f, p, c)).then(|| {
        let roles = f.courses[c].roles.iter().map(|&r| text::role(r.name())).collect::<Vec<_>>().join(", ");
        violation(
            CheckCode::AttendeeRole,
            tr!("check-attendee-role", id = a, session = s.id.as_str(), role = text::role(f.participants[p].role.name()), roles = roles),
        )
    })
}

/// The sub-region of participant `p`'s municipality, if the file gives one.
fn subregion_of(f: &InstanceFile, p: usize) -> Option<&str> {
    let unit = f.participants[p].unit.as_str();
    let muni = f.region.units.iter().find(|u| u.id == unit)?.municipality.as_str();
    f.region.municipalities.iter().find(|m| m.id == muni).and_then(|m| m.subregion.as_deref())
}

/// Whether course `c` admits participant `p` by sub-region (a course without sub-regions
/// admits the whole region).
pub(super) fn subregion_admitted(f: &InstanceFile, p: usize, c: usize) -> bool {
    let held_for = &f.courses[c].subregions;
    held_for.is_empty() || subregion_of(f, p).is_some_and(|s| held_for.iter().any(|x| x == s))
}

/// C089: the attendee's municipality lies in one of the course's sub-regions (when it names any).
pub(super) fn attendee_subregion(ctx: &Ctx, s: &SessionPlan, c: usize, a: &str, p: usize) -> Option<Violation> {
    let f = ctx.f;
    (!subregion_admitted(f, p, c)).then(|| {
        violation(
            CheckCode::AttendeeSubregion,
            tr!(
                "check-attendee-subregion",
                id = a,
                session = s.id.as_str(),
                subregion = subregion_of(f, p).unwrap_or("-"),
                subregions = f.courses[c].subregions.join(", ")
            ),
        )
    })
}
