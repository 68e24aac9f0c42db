//! C069: the per-term limits of a participant — courses, course days and development areas per
//! term — derived from the instance and the plan alone. A course counts in the term of its
//! first day, each course day in its own term; a course without an area is an area of its own.

use super::reasons::Sessions;
use super::Ctx;
use crate::check::{violation, CheckCode, Violation};
use crate::format::plan::SessionPlan;
use crate::format::InstanceFile;
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// A term: name, first and last date.
type Term = (String, NaiveDate, NaiveDate);

/// The terms: the instance's own, else the half-years VT (January–June) and HT (July–December)
/// of the years the round touches.
fn terms(f: &InstanceFile) -> Vec<Term> {
    if !f.terms.is_empty() {
        return f.terms.iter().map(|t| (t.name.clone(), t.start, t.end)).collect();
    }
    let mut out = Vec::new();
    for y in f.round.start.year()..=f.round.end.year() {
        for (name, from, to) in [("VT", (1, 1), (6, 30)), ("HT", (7, 1), (12, 31))] {
            if let (Some(a), Some(b)) = (NaiveDate::from_ymd_opt(y, from.0, from.1), NaiveDate::from_ymd_opt(y, to.0, to.1)) {
                out.push((format!("{name} {y}"), a, b));
            }
        }
    }
    out
}

/// What a participant has in one term: courses, days and areas.
#[derive(Default)]
struct Load<'f> {
    courses: u32,
    days: u32,
    areas: BTreeSet<(bool, &'f str)>,
}

/// The per-term load of one participant attending `sessions`.
fn loads<'f>(f: &'f InstanceFile, terms: &[Term], sessions: &[&SessionPlan]) -> BTreeMap<usize, Load<'f>> {
    let term_of = |d: NaiveDate| terms.iter().position(|t| t.1 <= d && d <= t.2);
    let mut out: BTreeMap<usize, Load> = BTreeMap::new();
    for s in sessions {
        for &d in &s.dates {
            if let Some(t) = term_of(d) {
                out.entry(t).or_default().days += 1;
            }
        }
        if let Some(t) = s.dates.first().and_then(|&d| term_of(d)) {
            let load = out.entry(t).or_default();
            load.courses += 1;
            let area = match f.courses.iter().find(|c| c.id == s.course) {
                Some(c) => c.area.as_deref().map_or((false, c.id.as_str()), |a| (true, a)),
                None => (false, ""),
            };
            load.areas.insert(area);
        }
    }
    out
}

/// The limit a term load breaks, in words; None when it keeps within all.
fn broken(f: &InstanceFile, load: &Load) -> Option<String> {
    let w = &f.workload;
    if let Some(mx) = w.max_courses_per_term.filter(|&mx| load.courses > mx) {
        return Some(tr!("check-term-courses", n = load.courses, max = mx));
    }
    if let Some(mx) = w.max_course_days_per_term.filter(|&mx| load.days > mx) {
        return Some(tr!("check-term-days", n = load.days, max = mx));
    }
    if let Some(mx) = w.max_areas_per_term.filter(|&mx| load.areas.len() as u32 > mx) {
        return Some(tr!("check-term-areas", n = load.areas.len(), max = mx));
    }
    None
}

/// Whether the instance has a per-term limit.
fn has_limits(f: &InstanceFile) -> bool {
    let w = &f.workload;
    w.max_courses_per_term.is_some() || w.max_course_days_per_term.is_some() || w.max_areas_per_term.is_some()
}

/// C069: no participant exceeds a per-term limit.
pub(super) fn check(ctx: &Ctx, sessions: &Sessions, v: &mut Vec<Violation>) {
    if !has_limits(ctx.f) {
        return;
    }
    let terms = terms(ctx.f);
    let mut of: BTreeMap<usize, Vec<&SessionPlan>> = BTreeMap::new();
    for &(s, _, _) in sessions {
        for p in s.attendees.iter().filter_map(|a| ctx.participant.get(a.as_str())) {
            of.entry(*p).or_default().push(s);
        }
    }
    for (p, mine) in of {
        for (t, load) in loads(ctx.f, &terms, &mine) {
            if let Some(why) = broken(ctx.f, &load) {
                v.push(violation(
                    CheckCode::TermWorkload,
                    tr!("check-term-workload", id = ctx.f.participants[p].id.as_str(), why = why, term = terms[t].0.as_str()),
                ));
            }
        }
    }
}

/// Whether joining session `s` would take a participant attending `mine` over a per-term limit.
pub(super) fn over_term(ctx: &Ctx, mine: &[&SessionPlan], s: &SessionPlan) -> bool {
    if !has_limits(ctx.f) {
        return false;
    }
    let terms = terms(ctx.f);
    let mut all: Vec<&SessionPlan> = mine.to_vec();
    all.push(s);
    loads(ctx.f, &terms, &all).values().any(|load| broken(ctx.f, load).is_some())
}
