//! Validation of the rules over the calendar: a course's cadence (starts per year, days
//! between starts), the terms and the per-term workload limits.

use super::{Code, Validator};
use crate::format::InstanceFile;

impl Validator {
    /// Cadence numbers that leave a course some valid set of starts; terms with names, in order,
    /// not overlapping; per-term limits of at least one.
    pub(super) fn courses_in_time(&mut self, f: &InstanceFile) {
        for (i, c) in f.courses.iter().enumerate() {
            let p = format!("courses[{i}]");
            let limits = [
                ("starts_per_year", "starts a year", c.min_starts_per_year, c.max_starts_per_year),
                ("days_between_starts", "days between starts", c.min_days_between_starts, c.max_days_between_starts),
            ];
            for (field, what, lo, hi) in limits {
                if hi == Some(0) {
                    self.push(
                        Code::CourseRules,
                        format!("{p}.max_{field}"),
                        format!("{} allows 0 {what}", c.id),
                        format!("allow at least 1 for max_{field}, or leave it out"),
                    );
                }
                if let Some((lo, hi)) = lo.zip(hi).filter(|(lo, hi)| lo > hi) {
                    self.push(
                        Code::CourseRules,
                        format!("{p}.min_{field}"),
                        format!("{} asks for at least {lo} and at most {hi} {what}", c.id),
                        format!("set min_{field} ≤ max_{field}"),
                    );
                }
            }
            if let Some(area) = &c.area {
                self.nonempty(format!("{p}.area"), area, "area");
            }
        }
        for (i, t) in f.terms.iter().enumerate() {
            let p = format!("terms[{i}]");
            self.nonempty(format!("{p}.name"), &t.name, "name");
            if t.end < t.start {
                self.push(
                    Code::DateRange,
                    p.clone(),
                    format!("term {} ends on {} before it starts on {}", t.name, t.end, t.start),
                    "swap the dates",
                );
            }
            if let Some(prev) = i.checked_sub(1).map(|j| &f.terms[j]) {
                if t.start <= prev.end {
                    self.push(
                        Code::DateRange,
                        format!("{p}.start"),
                        format!("term {} starts on {}, not after the end of term {} ({})", t.name, t.start, prev.name, prev.end),
                        "list the terms in date order without overlaps",
                    );
                }
            }
        }
        let w = &f.workload;
        if w.max_courses_per_term == Some(0) || w.max_course_days_per_term == Some(0) || w.max_areas_per_term == Some(0) {
            self.push(
                Code::NegativeNumber,
                "workload",
                "a per-term limit of 0 forbids every course",
                "give per-term limits of at least 1, or leave them out",
            );
        }
        if let Some(mx) = w.max_course_days_per_term {
            for (i, c) in f.courses.iter().enumerate().filter(|(_, c)| c.days > mx && f.terms.is_empty()) {
                self.push(
                    Code::CourseExceedsWorkload,
                    format!("courses[{i}].days"),
                    format!("{} has {} days but a participant may have at most {mx} course days a term", c.id, c.days),
                    "raise workload.max_course_days_per_term or split the course",
                );
            }
        }
    }
}
