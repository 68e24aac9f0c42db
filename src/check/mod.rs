//! The independent checker: re-verifies every hard rule of a plan and recomputes its
//! objective from the instance file and the plan file alone.
//!
//! It must not use the solver's model or rule code (`crate::model`, `crate::rules`,
//! `crate::solve`, `crate::load`): it reads the file types of [`crate::format`] and derives
//! everything itself (each derivation once, in `derive`), so that a mistake in a solver rule is
//! caught here rather than repeated. Every rule has a [`CheckCode`]; each rule module checks one
//! code per function. The violation messages come from the message catalogue ([`crate::text`],
//! ids `check-…`), in the language in force; they keep the identifiers of the files, so a
//! position can be found.

mod calendar;
mod codes;
pub mod cost;
mod derive;
pub mod forecast;
pub mod groups;
pub mod introduction;
pub mod mentorship;
pub mod pins;
pub mod timetable;

pub use codes::CheckCode;

use crate::format::plan::PlanFile;
use crate::format::InstanceFile;
use crate::text::tr;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::fmt;

/// One violated rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The rule, with its stable code listed in `docs/checker.md`.
    pub code: CheckCode,
    /// What is wrong, naming the people, dates and figures involved.
    pub message: String,
}

impl Violation {
    /// Short name of the rule.
    pub fn rule(&self) -> &'static str {
        self.code.rule()
    }
}

/// Serialised as `{"code": "C031", "rule": "not-maximum", "message": …}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut v = s.serialize_struct("Violation", 3)?;
        v.serialize_field("code", &self.code)?;
        v.serialize_field("rule", self.rule())?;
        v.serialize_field("message", &self.message)?;
        v.end()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.code, self.rule(), self.message)
    }
}

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

pub(crate) fn violation(code: CheckCode, message: String) -> Violation {
    Violation { code, message }
}

/// C041: a stated bound lies on its side of the recomputed objective, within `tol`: a lower
/// bound of a minimised objective not above it, an upper bound of a maximised one not below it.
/// `what` names the objective in the message (`check-of-timetable`, already in the language).
pub(crate) fn bound_beyond(what: &str, bound: Option<f64>, objective: f64, tol: f64, maximised: bool) -> Option<Violation> {
    let b = bound?;
    let beyond = if maximised { b < objective - tol } else { b > objective + tol };
    beyond.then(|| {
        let (bound, objective) = (format!("{b:.3}"), format!("{objective:.3}"));
        let message = if maximised {
            tr!("check-bound-below-maximum", what = what, bound = bound, objective = objective)
        } else {
            tr!("check-bound-above-minimum", what = what, bound = bound, objective = objective)
        };
        violation(CheckCode::BoundBeyondObjective, message)
    })
}

/// Checks a plan against an instance. `instance_sha256` is the hash of the instance file's bytes.
pub fn check(instance: &InstanceFile, instance_sha256: &str, plan: &PlanFile) -> CheckReport {
    let mut report = CheckReport::default();
    if plan.instance.sha256 != instance_sha256 {
        report.violations.push(violation(
            CheckCode::InstanceMismatch,
            tr!("check-instance-mismatch", planned = plan.instance.sha256.as_str(), this = instance_sha256),
        ));
    }
    mentorship::check(instance, plan, &mut report);
    groups::check(instance, plan, &mut report);
    // Placeholders of forecast hires are checked like the named by the timetable rules.
    timetable::check(&forecast::with_placeholders(instance), &forecast::seated(plan), &mut report);
    forecast::check(instance, plan, &mut report);
    pins::check(instance, plan, &mut report);
    introduction::check(instance, plan, &mut report);
    cost::check(instance, plan, &mut report);
    report
}
