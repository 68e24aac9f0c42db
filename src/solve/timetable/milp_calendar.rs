//! The session model's rows for the rules over the calendar: a course's cadence (starts per
//! year, days between consecutive starts) and the per-term limits of a participant (courses,
//! course days, development areas). The numbers come from [`crate::rules::timetable`], as in
//! the search.
//!
//! A start is a (course, day) with any open session: `s ≥ y` for each session starting then and
//! `s ≤ Σ y`. Starts per year: `lo ≤ Σ s ≤ hi`. Minimum gap: at most one start in any window of
//! the gap's length. Maximum gap: `after[t]` is 1 when some start lies on or after `t`
//! (`after[t] ≥ s[t]`, `after[t] ≥ after[next]`); a start at `t` followed by any start beyond
//! `t + gap` needs a start in between: `s[t] + after[first beyond] ≤ 1 + Σ s(t, t + gap]`.

use super::milp::Candidate;
use crate::model::Instance;
use crate::rules::timetable::{Cadence, Workload};
use good_lp::{variable, Expression, ProblemVariables, SolverModel, Variable};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The variables of the calendar rules.
#[derive(Debug, Default)]
pub(super) struct CalendarVars {
    /// (course, start day) → the course starts that day.
    starts: BTreeMap<(usize, usize), Variable>,
    /// (course, start day) → the course starts on that day or later.
    after: BTreeMap<(usize, usize), Variable>,
    /// (participant, term, area) → the participant takes a course of the area in the term.
    areas: BTreeMap<(usize, usize, usize), Variable>,
}

/// Declares the calendar variables of candidates `cands` with attendance `pairs`.
pub(super) fn variables(vars: &mut ProblemVariables, inst: &Instance, cands: &[Candidate], pairs: &[(usize, usize)]) -> CalendarVars {
    let m = &inst.timetable;
    let mut cv = CalendarVars::default();
    for c in cands.iter().filter(|c| m.courses[c.course].cadence.is_set()) {
        cv.starts.entry((c.course, c.days[0])).or_insert_with(|| vars.add(variable().binary()));
    }
    for (&(c, t), _) in cv.starts.iter().filter(|((c, _), _)| m.courses[*c].cadence.max_gap_days.is_some()) {
        cv.after.insert((c, t), vars.add(variable().min(0).max(1)));
    }
    if m.workload.max_areas_per_term != usize::MAX {
        let workload = Workload::of(m);
        for &(d, k) in pairs {
            if let Some(term) = workload.course_term(&cands[k].days) {
                let key = (m.demands[d].participant.index(), term, m.courses[cands[k].course].area);
                cv.areas.entry(key).or_insert_with(|| vars.add(variable().binary()));
            }
        }
    }
    cv
}

/// Adds the cadence rows over session variables `y`.
pub(super) fn cadence_rows(model: &mut impl SolverModel, inst: &Instance, cands: &[Candidate], y: &[Variable], cv: &CalendarVars) {
    let m = &inst.timetable;
    let cadence = Cadence::of(m);
    let mut of_start: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, c) in cands.iter().enumerate().filter(|(_, c)| cv.starts.contains_key(&(c.course, c.days[0]))) {
        of_start.entry((c.course, c.days[0])).or_default().push(k);
    }
    for (key, list) in &of_start {
        let s = cv.starts[key];
        for &k in list {
            model.add_constraint((Expression::from(y[k]) - s).leq(0.0));
        }
        let sum: Expression = list.iter().map(|&k| y[k]).sum();
        model.add_constraint((Expression::from(s) - sum).leq(0.0));
    }
    for course in 0..m.courses.len() {
        let days: Vec<usize> = cv.starts.range((course, 0)..(course + 1, 0)).map(|(&(_, t), _)| t).collect();
        let rules = &m.courses[course].cadence;
        if !rules.is_set() {
            continue;
        }
        let s = |t: usize| cv.starts[&(course, t)];
        for year in 0..m.years.len() {
            let (lo, hi) = cadence.starts_allowed(course, year);
            let sum: Expression = days.iter().filter(|&&t| m.day_year[t] == year).map(|&t| s(t)).sum();
            if lo > 0 {
                model.add_constraint(sum.clone().geq(lo as f64));
            }
            if hi != usize::MAX {
                model.add_constraint(sum.leq(hi as f64));
            }
        }
        if let Some(g) = rules.min_gap_days {
            for (i, &t) in days.iter().enumerate() {
                let near: Vec<usize> = days[i..].iter().copied().take_while(|&u| cadence.gap(t, u) < g).collect();
                if near.len() >= 2 {
                    let sum: Expression = near.iter().map(|&u| s(u)).sum();
                    model.add_constraint(sum.leq(1.0));
                }
            }
        }
        if let Some(g) = rules.max_gap_days {
            let after = |t: usize| cv.after[&(course, t)];
            for (i, &t) in days.iter().enumerate() {
                model.add_constraint((Expression::from(s(t)) - after(t)).leq(0.0));
                if let Some(&next) = days.get(i + 1) {
                    model.add_constraint((Expression::from(after(next)) - after(t)).leq(0.0));
                }
                let within: Expression = days[i + 1..].iter().take_while(|&&u| cadence.gap(t, u) <= g).map(|&u| s(u)).sum();
                if let Some(&beyond) = days[i + 1..].iter().find(|&&u| cadence.gap(t, u) > g) {
                    model.add_constraint((Expression::from(s(t)) + after(beyond) - within).leq(1.0));
                }
            }
        }
    }
}

/// Adds the per-term rows of participant `p`'s attendance pairs `list` (indices into `pairs`).
pub(super) fn term_rows(
    model: &mut impl SolverModel,
    inst: &Instance,
    (cands, pairs): (&[Candidate], &[(usize, usize)]),
    (p, list): (usize, &[usize]),
    x: &[Variable],
    cv: &CalendarVars,
) {
    let m = &inst.timetable;
    let workload = Workload::of(m);
    if !workload.has_term_limits() {
        return;
    }
    let w = &m.workload;
    let mut days: BTreeMap<usize, Vec<(usize, f64)>> = BTreeMap::new();
    let mut courses: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in list {
        let k = &cands[pairs[i].1];
        for (term, n) in workload.days_per_term(&k.days) {
            days.entry(term).or_default().push((i, n as f64));
        }
        if let Some(term) = workload.course_term(&k.days) {
            courses.entry(term).or_default().push(i);
            if let Some(&a) = cv.areas.get(&(p, term, m.courses[k.course].area)) {
                model.add_constraint((Expression::from(x[i]) - a).leq(0.0));
            }
        }
    }
    if w.max_days_per_term != usize::MAX {
        for terms in days.values() {
            let sum: Expression = terms.iter().map(|&(i, n)| n * x[i]).sum();
            model.add_constraint(sum.leq(w.max_days_per_term as f64));
        }
    }
    if w.max_courses_per_term != usize::MAX {
        for list in courses.values().filter(|l| l.len() > w.max_courses_per_term) {
            let sum: Expression = list.iter().map(|&i| x[i]).sum();
            model.add_constraint(sum.leq(w.max_courses_per_term as f64));
        }
    }
    if w.max_areas_per_term != usize::MAX {
        for &term in courses.keys() {
            let vars: Vec<Variable> = cv.areas.range((p, term, 0)..(p, term + 1, 0)).map(|(_, &v)| v).collect();
            if vars.len() > w.max_areas_per_term {
                let sum: Expression = vars.into_iter().sum();
                model.add_constraint(sum.leq(w.max_areas_per_term as f64));
            }
        }
    }
}

/// The calendar variables' values for a warm start with the `open` candidates and the `seat`ed
/// (demand, candidate) pairs.
pub(super) fn warm(
    inst: &Instance,
    cands: &[Candidate],
    cv: &CalendarVars,
    open: &[bool],
    seat: &HashMap<(usize, usize), bool>,
) -> Vec<(Variable, f64)> {
    let m = &inst.timetable;
    let started: BTreeSet<(usize, usize)> = cands.iter().zip(open).filter(|(_, &o)| o).map(|(c, _)| (c.course, c.days[0])).collect();
    let mut out: Vec<(Variable, f64)> = cv.starts.iter().map(|(key, &v)| (v, if started.contains(key) { 1.0 } else { 0.0 })).collect();
    for (&(c, t), &v) in &cv.after {
        let later = started.range((c, t)..(c + 1, 0)).next().is_some();
        out.push((v, if later { 1.0 } else { 0.0 }));
    }
    let workload = Workload::of(m);
    let taken: BTreeSet<(usize, usize, usize)> = seat
        .keys()
        .filter_map(|&(d, k)| {
            let term = workload.course_term(&cands[k].days)?;
            Some((m.demands[d].participant.index(), term, m.courses[cands[k].course].area))
        })
        .collect();
    out.extend(cv.areas.iter().map(|(key, &v)| (v, if taken.contains(key) { 1.0 } else { 0.0 })));
    out
}
