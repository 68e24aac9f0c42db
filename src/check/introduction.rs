//! Checker rules for the introduction of new hires (issue 11, item 7), one function per code,
//! derived from the instance file alone: who is a new hire of the round and in which years of
//! employment, which introduktörer may introduce them, and the reasons of those left without.

use super::{violation, CheckCode, CheckReport, Violation};
use crate::format::plan::{IntroductionPeriod, PlanFile};
use crate::format::InstanceFile;
use crate::text::tr;
use chrono::{Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A year of employment inside the round: (year, first day, last day, hours per week).
type Year = (u32, NaiveDate, NaiveDate, f64);

/// The new hires of the round with their years inside it, the hires assigned, and each
/// introduktör's number of hires.
type Served<'a> = (&'a BTreeMap<&'a str, Vec<Year>>, &'a BTreeSet<&'a str>, &'a BTreeMap<usize, usize>);

/// The years of employment of a hire employed on `employed` inside the round, clipped to it:
/// (year, first day, last day, hours per week).
fn periods(f: &InstanceFile, employed: NaiveDate) -> Vec<Year> {
    let mut out = Vec::new();
    for (y, &hours) in f.introduction.hours_per_week.iter().enumerate() {
        let year = y as u32;
        let (Some(first), Some(next)) =
            (employed.checked_add_months(Months::new(12 * year)), employed.checked_add_months(Months::new(12 * (year + 1))))
        else {
            break;
        };
        let last = next - chrono::Duration::days(1);
        let (from, to) = (first.max(f.round.start), last.min(f.round.end));
        if from <= to {
            out.push((year + 1, from, to, hours));
        }
    }
    out
}

/// Verifies the introduction section: assignments (C100), capacities (C101), and that every
/// new hire is served or listed with a true reason (C102).
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let v = &mut report.violations;
    let Some(intro) = &plan.introduction else {
        if !f.introduction.hours_per_week.is_empty() {
            v.push(violation(CheckCode::IntroductionUnexplained, tr!("check-introduction-missing")));
        }
        return;
    };
    let participants: HashMap<&str, usize> = f.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let introducers: HashMap<&str, usize> = f.introducers.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let hires: BTreeMap<&str, Vec<Year>> =
        f.participants.iter().map(|p| (p.id.as_str(), periods(f, p.employment_start))).filter(|(_, periods)| !periods.is_empty()).collect();
    let may = |x: usize, p: usize| f.introducers[x].unit == f.participants[p].unit && f.introducers[x].id != f.participants[p].id;
    let mut load: BTreeMap<usize, usize> = BTreeMap::new();
    let mut served: BTreeSet<&str> = BTreeSet::new();
    for a in &intro.assignments {
        let (Some(&p), Some(&x)) = (participants.get(a.hire.as_str()), introducers.get(a.introducer.as_str())) else {
            v.push(violation(
                CheckCode::IntroductionAssignment,
                tr!("check-introduction-unknown", hire = a.hire.as_str(), introducer = a.introducer.as_str()),
            ));
            continue;
        };
        *load.entry(x).or_default() += 1;
        v.extend(assignment(f, a.hire.as_str(), a.introducer.as_str(), may(x, p), hires.get(a.hire.as_str()), &a.periods));
        if !served.insert(a.hire.as_str()) {
            v.push(violation(CheckCode::IntroductionAssignment, tr!("check-introduction-twice", hire = a.hire.as_str())));
        }
    }
    for (&x, &n) in &load {
        if n > f.introducers[x].capacity as usize {
            let who = f.introducers[x].id.as_str();
            v.push(violation(
                CheckCode::IntroducerOverCapacity,
                tr!("check-introducer-over-capacity", who = who, n = n, cap = f.introducers[x].capacity),
            ));
        }
    }
    unserved(f, plan, (&hires, &served, &load), v);
}

/// C100: the introduktör is of the hire's unit and not the hire; the hire is a new hire of the
/// round; the periods and hours are those of the hire's years of employment inside the round.
fn assignment(
    f: &InstanceFile,
    hire: &str,
    introducer: &str,
    allowed: bool,
    expected: Option<&Vec<Year>>,
    given: &[IntroductionPeriod],
) -> Vec<Violation> {
    let mut v = Vec::new();
    if !allowed {
        v.push(violation(CheckCode::IntroductionAssignment, tr!("check-introduction-not-allowed", hire = hire, introducer = introducer)));
    }
    let Some(expected) = expected else {
        v.push(violation(
            CheckCode::IntroductionAssignment,
            tr!("check-introduction-not-a-hire", hire = hire, round = f.round.name.as_str()),
        ));
        return v;
    };
    let same = expected.len() == given.len()
        && expected.iter().zip(given).all(|(e, g)| (e.0, e.1, e.2) == (g.year, g.from, g.to) && (e.3 - g.hours_per_week).abs() < 1e-9);
    if !same {
        v.push(violation(CheckCode::IntroductionAssignment, tr!("check-introduction-periods", hire = hire)));
    }
    v
}

/// C102: every new hire is assigned or listed once, and the reason of a listed one holds:
/// `no_introducer_in_unit` when nobody of the unit but the hire introduces, `introducers_full`
/// when every other introduktör of the unit is at capacity in the plan.
fn unserved(f: &InstanceFile, plan: &PlanFile, (hires, served, load): Served, v: &mut Vec<Violation>) {
    let Some(intro) = &plan.introduction else { return };
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    for u in &intro.unserved {
        let hire = u.hire.as_str();
        let Some(p) = f.participants.iter().position(|p| p.id == u.hire).filter(|_| hires.contains_key(hire)) else {
            v.push(violation(
                CheckCode::IntroductionUnexplained,
                tr!("check-introduction-not-a-hire", hire = hire, round = f.round.name.as_str()),
            ));
            continue;
        };
        if served.contains(hire) || !listed.insert(hire) {
            v.push(violation(CheckCode::IntroductionUnexplained, tr!("check-introduction-listed-twice", hire = hire)));
            continue;
        }
        let part = &f.participants[p];
        let colleagues: Vec<usize> =
            (0..f.introducers.len()).filter(|&x| f.introducers[x].unit == part.unit && f.introducers[x].id != part.id).collect();
        let holds = match u.reason.as_str() {
            "no_introducer_in_unit" => colleagues.is_empty(),
            "introducers_full" => {
                !colleagues.is_empty()
                    && colleagues.iter().all(|&x| load.get(&x).copied().unwrap_or(0) >= f.introducers[x].capacity as usize)
            }
            _ => false,
        };
        if !holds {
            v.push(violation(
                CheckCode::IntroductionUnexplained,
                tr!("check-introduction-reason", hire = hire, reason = u.reason.as_str()),
            ));
        }
    }
    for hire in hires.keys().filter(|h| !served.contains(**h) && !listed.contains(**h)) {
        v.push(violation(CheckCode::IntroductionUnexplained, tr!("check-introduction-forgotten", hire = *hire)));
    }
}
