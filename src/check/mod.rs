//! The independent checker: re-verifies every hard rule of a plan and recomputes its
//! objective from the instance file and the plan file alone.
//!
//! It must not use the solver's model or rule code (`crate::model`, `crate::solve`): it reads
//! the file types of [`crate::load`] and derives everything itself, so that a mistake in a solver
//! rule is caught here rather than repeated.

mod calendar;
pub mod groups;
pub mod mentorship;
pub mod pins;
pub mod timetable;

use crate::format::plan::PlanFile;
use crate::format::InstanceFile;
use serde::Serialize;
use std::fmt;

/// One violated rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// Stable code, listed in `docs/checker.md`.
    pub code: &'static str,
    /// Short name of the rule.
    pub rule: &'static str,
    /// What is wrong, naming the people, dates and figures involved.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.code, self.rule, self.message)
    }
}

/// Every checker code: (code, rule, meaning).
pub const CODES: &[(&str, &str, &str)] = &[
    ("C001", "instance-mismatch", "the plan names another instance file (SHA-256 differs)"),
    ("C010", "unknown-person", "a pair names a mentor or participant not in the instance"),
    ("C011", "mentee-not-eligible", "the mentee does not want a mentor or is in a phase without mentors"),
    ("C012", "mentee-twice", "a participant has more than one mentor"),
    ("C013", "mentor-over-capacity", "a mentor has more mentees than the capacity"),
    ("C014", "same-unit", "mentor and mentee work in the same unit"),
    ("C015", "same-municipality", "mentor and mentee are in the same municipality and the programme forbids it"),
    ("C016", "mentor-not-qualified", "the mentor is untrained (training required) or has too few years"),
    ("C017", "excluded-pair", "the pair is explicitly excluded"),
    ("C018", "too-far", "the travel time exceeds the mentor's maximum"),
    ("C020", "meeting-count", "more meetings than the maximum, or fewer than the minimum without a stated shortfall"),
    ("C021", "meeting-outside-round", "a meeting lies outside the round"),
    ("C022", "meeting-closed-day", "a meeting falls on a weekend, a public holiday or a closed date"),
    ("C023", "meeting-same-month", "two meetings of a pair fall in one calendar month"),
    ("C024", "meeting-gap", "two meetings of a pair are closer than the minimum gap"),
    ("C025", "meeting-unavailable", "a meeting falls on a date one of the two is unavailable"),
    ("C026", "double-booked", "a person has two meetings on one day"),
    ("C027", "meeting-place", "the meeting place is unknown or does not follow the programme's policy"),
    ("C030", "unmatched-unexplained", "an eligible mentee is neither paired nor listed as unmatched, or the reason is false"),
    ("C031", "not-maximum", "more mentees could have been matched"),
    ("C040", "objective-mismatch", "the reported objective differs from the recomputed one"),
    ("C050", "timetable-reference", "a session names an unknown course, venue, trainer or participant, or a session id is used twice"),
    ("C051", "session-pattern", "a session has the wrong number of days or does not follow the course's day pattern"),
    ("C052", "session-closed-day", "a session day lies outside the round or on a weekend, holiday or closed date"),
    ("C053", "session-size", "a session is below the course's minimum group or above its maximum or the venue's seats"),
    ("C054", "venue-conflict", "a venue hosts two sessions on one day or a session on an unavailable date"),
    ("C055", "trainer-not-qualified", "a session has the wrong number of trainers or a trainer not qualified for the course"),
    ("C056", "trainer-conflict", "a trainer teaches two sessions a day, on an unavailable date, or more than the maximum days"),
    ("C057", "attendee-not-demanded", "a participant attends a course they did not ask for, or the same course twice"),
    ("C058", "attendee-unavailable", "a participant attends on a date they are unavailable"),
    ("C059", "person-double-booked", "a person has two sessions on one day, or a mentor meeting on a course day"),
    ("C060", "prerequisite", "a participant attends a course without its prerequisite completed before"),
    ("C061", "deadline", "a participant attends outside the window from employment start to the course's deadline"),
    ("C062", "workload", "a participant exceeds the course days per month or round, or the courses per round"),
    ("C063", "unit-absence", "more people of a unit are on course on one day than the unit may miss"),
    ("C064", "unserved-unexplained", "an unserved demand is not listed, is listed wrongly, or its reason does not hold"),
    ("C065", "timetable-objective", "the timetable's reported objective or coverage differs from the recomputed one"),
    ("C066", "max-sessions", "a course runs more sessions than its maximum"),
    ("C070", "group-size", "a group is smaller or larger than the programme allows, or there are more groups than asked for"),
    ("C071", "group-member-not-eligible", "a group member is unknown, not enrolled or not eligible"),
    ("C072", "group-member-twice", "a participant is in two groups of one programme"),
    ("C073", "group-mixing-cap", "a group has more members from one municipality or unit than the cap"),
    ("C074", "group-leader", "a group lacks a required leader, or its leader is unknown, unqualified or over their number of groups"),
    ("C075", "group-meetings", "a group's meetings break the count, calendar, monthly or gap rules"),
    ("C076", "group-leader-unavailable", "a leader is unavailable on a meeting date or has two group meetings on a day"),
    ("C077", "group-conflict-unlisted", "a member is unavailable on a meeting date and the conflict is not listed"),
    (
        "C078",
        "group-unserved-unexplained",
        "an eligible participant is neither in a group nor listed as unserved, or a programme has no plan",
    ),
    ("C079", "group-objective-mismatch", "a group programme's reported objective differs from the recomputed one"),
    ("C080", "group-meeting-place", "a group meets elsewhere than the fixed venue, or not where its members' travel is least"),
    ("C081", "group-and-mentor-meeting", "a person has a mentor meeting on a day they meet their group"),
    ("C090", "pinned-pair", "a fixed pair is not in the plan, or a pinned meeting date is not among its meetings"),
    ("C091", "pinned-session", "no session of the plan realises a fixed session (course, dates, venue, trainers, attendees), one per pin"),
    (
        "C092",
        "pinned-group",
        "a fixed group's members are not together in one group, two fixed groups share a group, or its leader or pinned meetings differ",
    ),
];

/// The result of a check.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    /// Every violation found.
    pub violations: Vec<Violation>,
    /// The recomputed objective by term.
    pub recomputed_terms: std::collections::BTreeMap<String, f64>,
    /// The recomputed total cost.
    pub recomputed_cost: f64,
    /// The recomputed timetable objective, when the plan has a timetable.
    pub recomputed_timetable: Option<f64>,
}

impl CheckReport {
    /// True when no rule is violated.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

pub(crate) fn violation(code: &'static str, message: String) -> Violation {
    let rule = CODES.iter().find(|c| c.0 == code).map(|c| c.1).unwrap_or("unknown");
    Violation { code, rule, message }
}

/// Checks a plan against an instance. `instance_sha256` is the hash of the instance file's bytes.
pub fn check(instance: &InstanceFile, instance_sha256: &str, plan: &PlanFile) -> CheckReport {
    let mut report = CheckReport::default();
    if plan.instance.sha256 != instance_sha256 {
        report.violations.push(violation(
            "C001",
            format!("the plan was made for an instance with SHA-256 {}, this one has {}", plan.instance.sha256, instance_sha256),
        ));
    }
    mentorship::check(instance, plan, &mut report);
    groups::check(instance, plan, &mut report);
    timetable::check(instance, plan, &mut report);
    pins::check(instance, plan, &mut report);
    report
}
