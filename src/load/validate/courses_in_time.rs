//! Validation of the rules over the calendar: a course's cadence (starts per year, days
//! between starts), the terms and the per-term workload limits.

use super::{Code, Validator};
use crate::format::InstanceFile;
use crate::text::tr;

impl Validator {
    /// Cadence numbers that leave a course some valid set of starts; terms with names, in order,
    /// not overlapping; per-term limits of at least one.
    pub(super) fn courses_in_time(&mut self, f: &InstanceFile) {
        for (i, c) in f.courses.iter().enumerate() {
            let p = format!("courses[{i}]");
            let limits = [
                ("starts_per_year", tr!("load-what-starts-a-year"), c.min_starts_per_year, c.max_starts_per_year),
                ("days_between_starts", tr!("load-what-days-between-starts"), c.min_days_between_starts, c.max_days_between_starts),
            ];
            for (field, what, lo, hi) in limits {
                if hi == Some(0) {
                    self.push(
                        Code::CourseRules,
                        format!("{p}.max_{field}"),
                        tr!("load-cadence-zero", course = c.id.as_str(), what = what.as_str()),
                        tr!("load-cadence-zero-hint", field = field),
                    );
                }
                if let Some((lo, hi)) = lo.zip(hi).filter(|(lo, hi)| lo > hi) {
                    self.push(
                        Code::CourseRules,
                        format!("{p}.min_{field}"),
                        tr!(
                            "load-cadence-reversed",
                            course = c.id.as_str(),
                            min = lo.to_string(),
                            max = hi.to_string(),
                            what = what.as_str()
                        ),
                        tr!("load-cadence-reversed-hint", field = field),
                    );
                }
            }
            if let Some(area) = &c.area {
                self.nonempty(format!("{p}.area"), area, &tr!("load-what-area"));
            }
        }
        for (i, t) in f.terms.iter().enumerate() {
            let p = format!("terms[{i}]");
            self.nonempty(format!("{p}.name"), &t.name, &tr!("load-what-name"));
            if t.end < t.start {
                self.push(
                    Code::DateRange,
                    p.clone(),
                    tr!("load-term-reversed", term = t.name.as_str(), end = t.end.to_string(), start = t.start.to_string()),
                    tr!("load-term-reversed-hint"),
                );
            }
            if let Some(prev) = i.checked_sub(1).map(|j| &f.terms[j]) {
                if t.start <= prev.end {
                    self.push(
                        Code::DateRange,
                        format!("{p}.start"),
                        tr!(
                            "load-term-overlap",
                            term = t.name.as_str(),
                            start = t.start.to_string(),
                            previous = prev.name.as_str(),
                            previous_end = prev.end.to_string()
                        ),
                        tr!("load-term-overlap-hint"),
                    );
                }
            }
        }
        let w = &f.workload;
        if w.max_courses_per_term == Some(0) || w.max_course_days_per_term == Some(0) || w.max_areas_per_term == Some(0) {
            self.push(Code::NegativeNumber, "workload", tr!("load-term-limit-zero"), tr!("load-term-limit-zero-hint"));
        }
        if let Some(mx) = w.max_course_days_per_term {
            for (i, c) in f.courses.iter().enumerate().filter(|(_, c)| c.days > mx && f.terms.is_empty()) {
                self.push(
                    Code::CourseExceedsWorkload,
                    format!("courses[{i}].days"),
                    tr!("load-course-over-term", course = c.id.as_str(), days = c.days.to_string(), max = mx.to_string()),
                    tr!("load-course-over-term-hint"),
                );
            }
        }
    }
}
