//! Validation of courses held for some sub-regions: the names must be sub-regions of the
//! region, and an individual plan may not ask for a course held for other sub-regions.

use super::{Code, Validator};
use crate::format::{CourseSpec, InstanceFile, ParticipantSpec};
use crate::text::tr;
use std::collections::{BTreeSet, HashMap};

impl Validator {
    /// Each course's sub-regions exist; each individual plan line names a course held for the
    /// participant's sub-region.
    pub(super) fn course_subregions(&mut self, f: &InstanceFile) {
        let known: BTreeSet<&str> = f.region.municipalities.iter().filter_map(|m| m.subregion.as_deref()).collect();
        for (c, course) in f.courses.iter().enumerate() {
            for (i, name) in course.subregions.iter().enumerate() {
                if !known.contains(name.as_str()) {
                    let names = known.iter().copied().collect::<Vec<_>>().join(", ");
                    self.push(
                        Code::UnknownSubregion,
                        format!("courses[{c}].subregions[{i}]"),
                        tr!(
                            "load-unknown-subregion",
                            course = course.id.as_str(),
                            subregion = name.as_str(),
                            n = known.len(),
                            known = names
                        ),
                        tr!("load-unknown-subregion-hint"),
                    );
                }
            }
        }
        let of_muni: HashMap<&str, Option<&str>> =
            f.region.municipalities.iter().map(|m| (m.id.as_str(), m.subregion.as_deref())).collect();
        let of_unit: HashMap<&str, Option<&str>> =
            f.region.units.iter().map(|u| (u.id.as_str(), of_muni.get(u.municipality.as_str()).copied().flatten())).collect();
        let participants: HashMap<&str, &ParticipantSpec> = f.participants.iter().map(|p| (p.id.as_str(), p)).collect();
        let courses: HashMap<&str, &CourseSpec> = f.courses.iter().map(|c| (c.id.as_str(), c)).collect();
        for (i, d) in f.demand.iter().enumerate() {
            let (Some(part), Some(course)) = (participants.get(d.participant.as_str()), courses.get(d.course.as_str())) else {
                continue;
            };
            let theirs = of_unit.get(part.unit.as_str()).copied().flatten();
            // A course naming an unknown sub-region is already E047: its name is what is wrong.
            let unknown = course.subregions.iter().any(|s| !known.contains(s.as_str()));
            if unknown || course.subregions.is_empty() || theirs.is_some_and(|s| course.subregions.iter().any(|x| x == s)) {
                continue;
            }
            self.push(
                Code::CourseSubregion,
                format!("demand[{i}]"),
                tr!(
                    "load-course-subregion",
                    who = part.id.as_str(),
                    subregion = theirs.unwrap_or("-"),
                    course = course.id.as_str(),
                    subregions = course.subregions.join(", ")
                ),
                tr!("load-course-subregion-hint"),
            );
        }
    }
}
