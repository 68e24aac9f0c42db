//! C085: course eligibility by role. A course that names roles admits only participants of
//! those roles; derived from the instance file alone.

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
