//! Checker rules for the forecast of hires not yet named (issue 11, item 3).
//!
//! The checker derives the placeholders from the instance's `forecast` itself: each entry's
//! hires less the named participants of its municipality (and unit, when it names one; a
//! municipality's entry leaves out units with an entry of their own that month) employed in its
//! month, each placeholder employed on the month's first open day of the round. The timetable
//! rules then check the placeholders like the named ([`with_placeholders`], [`seated`]); the
//! rules here check the placeholder ids and that placeholders stay out of pairs, groups and the
//! introduction.

use super::derive::{index_by_id, open_day};
use super::{violation, CheckCode, CheckReport};
use crate::format::plan::PlanFile;
use crate::format::{InstanceFile, ParticipantSpec};
use crate::text::tr;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeSet, HashMap, HashSet};

/// One forecast entry as the checker derives it.
struct Entry {
    /// Id prefix of its placeholders, e.g. `prognos-ale-2027-03-`.
    prefix: String,
    /// Placeholders left after netting.
    left: usize,
    hires: i64,
    named: usize,
}

fn same_month(d: NaiveDate, month: NaiveDate) -> bool {
    (d.year(), d.month()) == (month.year(), month.month())
}

/// The entries, with their placeholders as participants (the file's spelling).
fn derive(f: &InstanceFile) -> Vec<(Entry, Vec<ParticipantSpec>)> {
    let unit_muni: HashMap<&str, &str> = f.region.units.iter().map(|u| (u.id.as_str(), u.municipality.as_str())).collect();
    let unit_months: HashSet<(&str, NaiveDate)> = f.forecast.iter().filter_map(|e| Some((e.unit.as_deref()?, e.month_start()?))).collect();
    let mut out = Vec::new();
    for e in &f.forecast {
        let Some(month) = e.month_start() else { continue };
        let named = f
            .participants
            .iter()
            .filter(|p| unit_muni.get(p.unit.as_str()) == Some(&e.municipality.as_str()) && same_month(p.employment_start, month))
            .filter(|p| match &e.unit {
                Some(u) => p.unit == *u,
                None => !unit_months.contains(&(p.unit.as_str(), month)),
            })
            .count();
        let left = (e.hires.max(0) as usize).saturating_sub(named);
        let prefix = match &e.unit {
            Some(u) => format!("prognos-{}-{u}-{}-", e.municipality, month.format("%Y-%m")),
            None => format!("prognos-{}-{}-", e.municipality, month.format("%Y-%m")),
        };
        let first = month.max(f.round.start);
        let start = first.iter_days().take_while(|d| same_month(*d, month)).find(|d| open_day(f, *d)).unwrap_or(first);
        let unit = e.unit.clone().or_else(|| f.region.units.iter().find(|u| u.municipality == e.municipality).map(|u| u.id.clone()));
        let people = (1..=left)
            .map(|n| ParticipantSpec {
                id: format!("{prefix}{n}"),
                name: format!("{prefix}{n}"),
                unit: unit.clone().unwrap_or_default(),
                role: e.role,
                profession_start: start - Duration::days((e.years_in_profession * 365.25).round() as i64),
                employment_start: start,
                unavailable: vec![],
                interests: vec![],
                wants_mentor: false,
            })
            .collect();
        out.push((Entry { prefix, left, hires: e.hires, named }, people));
    }
    out
}

/// The instance with the forecast's placeholders added to its participants, for the timetable
/// rules (the file itself when it has no forecast).
pub fn with_placeholders(f: &InstanceFile) -> std::borrow::Cow<'_, InstanceFile> {
    if f.forecast.is_empty() {
        return std::borrow::Cow::Borrowed(f);
    }
    let mut g = f.clone();
    g.participants.extend(derive(f).into_iter().flat_map(|(_, people)| people));
    std::borrow::Cow::Owned(g)
}

/// The plan with every session's forecast seats among its attendees, for the timetable rules
/// (the plan itself when no session holds one).
pub fn seated(plan: &PlanFile) -> std::borrow::Cow<'_, PlanFile> {
    if plan.timetable.as_ref().is_none_or(|t| t.sessions.iter().all(|s| s.forecast.is_empty())) {
        return std::borrow::Cow::Borrowed(plan);
    }
    let mut p = plan.clone();
    for s in p.timetable.iter_mut().flat_map(|t| t.sessions.iter_mut()) {
        s.attendees.append(&mut s.forecast);
        s.attendees.sort();
    }
    std::borrow::Cow::Owned(p)
}

/// Verifies the placeholders of a plan: C110–C113.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let entries = derive(f);
    let placeholders: BTreeSet<String> = entries.iter().flat_map(|(_, people)| people.iter().map(|p| p.id.clone())).collect();
    let named = index_by_id(&f.participants, |p| p.id.as_str());
    let v = &mut report.violations;
    let mut counted: BTreeSet<&str> = BTreeSet::new();
    for s in plan.timetable.iter().flat_map(|t| &t.sessions) {
        for a in s.attendees.iter().filter(|a| placeholders.contains(a.as_str()) && !named.contains_key(a.as_str())) {
            v.push(violation(CheckCode::ForecastListed, tr!("check-forecast-placeholder-named", session = s.id.as_str(), id = a.as_str())));
        }
        for a in &s.forecast {
            if named.contains_key(a.as_str()) {
                v.push(violation(
                    CheckCode::ForecastListed,
                    tr!("check-forecast-named-placeholder", session = s.id.as_str(), id = a.as_str()),
                ));
                continue;
            }
            if placeholders.contains(a) {
                continue;
            }
            let beyond = entries.iter().find(|(e, _)| a.strip_prefix(&e.prefix).is_some_and(|n| n.parse::<usize>().is_ok()));
            match beyond {
                Some((e, _)) if counted.insert(e.prefix.as_str()) => v.push(violation(
                    CheckCode::ForecastCount,
                    tr!("check-forecast-count", session = s.id.as_str(), id = a.as_str(), left = e.left, hires = e.hires, named = e.named),
                )),
                Some(_) => {}
                None => {
                    v.push(violation(CheckCode::ForecastUnknown, tr!("check-forecast-unknown", session = s.id.as_str(), id = a.as_str())))
                }
            }
        }
    }
    let is_placeholder = |id: &str| !named.contains_key(id) && (placeholders.contains(id) || id.starts_with("prognos-"));
    let mentees = plan.mentorship.pairs.iter().map(|p| (p.mentee.as_str(), tr!("check-forecast-as-mentee")));
    let members = plan.groups.iter().flat_map(|g| {
        g.groups.iter().flat_map(|x| x.members.iter().map(|m| (m.as_str(), tr!("check-forecast-as-member", group = x.id.as_str()))))
    });
    let hires = plan.introduction.iter().flat_map(|i| i.assignments.iter().map(|a| (a.hire.as_str(), tr!("check-forecast-as-hire"))));
    for (id, role) in mentees.chain(members).chain(hires) {
        if is_placeholder(id) {
            v.push(violation(CheckCode::ForecastNotPerson, tr!("check-forecast-not-person", id = id, role = role)));
        }
    }
}
