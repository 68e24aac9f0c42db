//! Validation of course eligibility by role: an individual plan may not ask for a course whose
//! roles leave the participant's role out.

use super::{Code, Validator};
use crate::format::{CourseSpec, InstanceFile, ParticipantSpec};
use crate::text::{self, tr};
use std::collections::HashMap;

impl Validator {
    /// Each individual plan line names a course the participant's role may take.
    pub(super) fn course_roles(&mut self, f: &InstanceFile) {
        let participants: HashMap<&str, &ParticipantSpec> = f.participants.iter().map(|p| (p.id.as_str(), p)).collect();
        let courses: HashMap<&str, &CourseSpec> = f.courses.iter().map(|c| (c.id.as_str(), c)).collect();
        for (i, d) in f.demand.iter().enumerate() {
            let (Some(part), Some(course)) = (participants.get(d.participant.as_str()), courses.get(d.course.as_str())) else {
                continue;
            };
            if course.roles.is_empty() || course.roles.contains(&part.role) {
                continue;
            }
            let roles = course.roles.iter().map(|r| text::role(r.name())).collect::<Vec<_>>().join(", ");
            self.push(
                Code::CourseRole,
                format!("demand[{i}]"),
                tr!(
                    "load-course-role",
                    who = part.id.as_str(),
                    role = text::role(part.role.name()),
                    course = course.id.as_str(),
                    roles = roles
                ),
                tr!("load-course-role-hint"),
            );
        }
    }
}
