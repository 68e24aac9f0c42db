//! C093: the plan's recorded cost, recomputed from the instance file and the plan file alone.
//!
//! Written again from the files, sharing no code with `crate::cost`: every participant pays
//! their programme fee, course fees, mentor fees (per mentee and per meeting) and round-trip
//! travel (km × the rate; to course days, group meetings, and both people's to pair meetings);
//! a session's fixed, day, trainer and venue costs and a group's leader fees are divided
//! equally among its attendees or members (the venue's or meeting place's municipality pays
//! when there are none). A municipality pays its participants' costs, or in a cost-sharing
//! agreement its share of the members' pooled costs. A plan without a `cost` section (made
//! before it was recorded) is not checked here.

use super::derive::{index_by_id, road_km, Region};
use super::{violation, CheckCode, CheckReport};
use crate::format::plan::{CostRecord, PlanFile};
use crate::format::InstanceFile;
use crate::text::tr;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Amounts further apart than this (kronor, plus a relative part) differ; the plan rounds to öre.
const TOLERANCE: f64 = 0.02;

/// The recomputed cost: by participant and municipality position, by part.
struct Recomputed {
    participant: Vec<f64>,
    unattended: Vec<f64>,
    parts: BTreeMap<String, f64>,
}

impl Recomputed {
    fn add(&mut self, who: Option<usize>, part: &str, x: f64) {
        if x == 0.0 {
            return;
        }
        if let Some(p) = who {
            self.participant[p] += x;
            *self.parts.entry(part.to_string()).or_default() += x;
        }
    }

    /// `x` divided equally among `people`; with nobody, the municipality `place` pays.
    fn divide(&mut self, people: &[usize], place: Option<usize>, part: &str, x: f64) {
        if x == 0.0 {
            return;
        }
        if people.is_empty() {
            if let Some(m) = place {
                self.unattended[m] += x;
                *self.parts.entry(part.to_string()).or_default() += x;
            }
        } else {
            for &p in people {
                self.add(Some(p), part, x / people.len() as f64);
            }
        }
    }
}

/// Recomputes the cost of `plan` on `f`.
fn recompute(f: &InstanceFile, plan: &PlanFile) -> (Recomputed, Vec<f64>) {
    let region = Region::new(f);
    let c = &f.costs;
    let person = index_by_id(&f.participants, |p| p.id.as_str());
    let home: Vec<Option<usize>> = f.participants.iter().map(|p| region.position_of_unit(&p.unit)).collect();
    let place = |id: &str| region.municipality.get(id).copied();
    let trip = |a: Option<usize>, b: Option<usize>, n: usize| match (a, b) {
        (Some(a), Some(b)) => 2.0 * road_km(f, a, b) * c.travel_per_km * n as f64,
        _ => 0.0,
    };
    let mut r = Recomputed {
        participant: vec![0.0; f.participants.len()],
        unattended: vec![0.0; f.region.municipalities.len()],
        parts: BTreeMap::new(),
    };
    for p in 0..f.participants.len() {
        r.add(Some(p), "programme_fees", c.programme_fee);
    }
    let mentor_home: HashMap<&str, Option<usize>> = f.mentors.iter().map(|m| (m.id.as_str(), region.position_of_unit(&m.unit))).collect();
    for pair in &plan.mentorship.pairs {
        let p = person.get(pair.mentee.as_str()).copied();
        let n = pair.meetings.len();
        r.add(p, "mentors", c.mentor_fee_per_mentee + c.mentor_fee_per_meeting * n as f64);
        let at = place(&pair.meeting_place);
        if at.is_some() {
            let mentor = mentor_home.get(pair.mentor.as_str()).copied().flatten();
            r.add(p, "travel", trip(p.and_then(|p| home[p]), at, n) + trip(mentor, at, n));
        }
    }
    for g in plan.groups.iter().flat_map(|prog| prog.groups.iter()) {
        let members: Vec<usize> = g.members.iter().filter_map(|m| person.get(m.as_str()).copied()).collect();
        let at = place(&g.meeting_place);
        let leaders = usize::from(g.leader.is_some()) + g.co_leaders.len();
        r.divide(&members, at, "group_leaders", c.leader_fee_per_meeting * leaders as f64 * g.meetings.len() as f64);
        for &m in &members {
            r.add(Some(m), "travel", trip(home[m], at, g.meetings.len()));
        }
    }
    sessions(f, plan, &person, &home, &mut r);
    let pays = municipalities_pay(f, &home, &r);
    (r, pays)
}

/// The sessions' shared costs, course fees and travel.
fn sessions(f: &InstanceFile, plan: &PlanFile, person: &HashMap<&str, usize>, home: &[Option<usize>], r: &mut Recomputed) {
    let Some(t) = &plan.timetable else { return };
    let munis = index_by_id(&f.region.municipalities, |m| m.id.as_str());
    let course: HashMap<&str, (f64, f64, f64)> =
        f.courses.iter().map(|c| (c.id.as_str(), (c.fixed_cost, c.day_cost, c.fee_per_participant))).collect();
    let venue: HashMap<&str, (f64, Option<usize>)> =
        f.venues.iter().map(|v| (v.id.as_str(), (v.day_rate, munis.get(v.municipality.as_str()).copied()))).collect();
    let trainer_rate: HashMap<&str, f64> = f.trainers.iter().map(|x| (x.id.as_str(), x.day_rate)).collect();
    for s in &t.sessions {
        let n = s.dates.len();
        let (rent, at) = venue.get(s.venue.as_str()).copied().unwrap_or((0.0, None));
        let (fixed, per_day, fee) = course.get(s.course.as_str()).copied().unwrap_or((0.0, 0.0, 0.0));
        let trainers: f64 = s.trainers.iter().filter_map(|x| trainer_rate.get(x.as_str())).sum();
        let shared = fixed + (per_day + rent + trainers) * n as f64;
        let attendees: Vec<usize> = s.attendees.iter().filter_map(|a| person.get(a.as_str()).copied()).collect();
        r.divide(&attendees, at, "sessions", shared);
        for &a in &attendees {
            r.add(Some(a), "course_fees", fee);
            if let (Some(h), Some(v)) = (home[a], at) {
                r.add(Some(a), "travel", 2.0 * road_km(f, h, v) * f.costs.travel_per_km * n as f64);
            }
        }
    }
}

/// What each municipality pays: its own costs, or its share of its agreement's pool. An
/// agreement is the municipalities naming one `cost_split`; without any such name, those with
/// a `cost_share`. Shares are used in proportion; an agreement without shares divides by
/// population.
fn municipalities_pay(f: &InstanceFile, home: &[Option<usize>], r: &Recomputed) -> Vec<f64> {
    let munis = &f.region.municipalities;
    let mut own = r.unattended.clone();
    for (p, x) in r.participant.iter().enumerate() {
        if let Some(h) = home[p] {
            own[h] += x;
        }
    }
    let named = munis.iter().any(|m| m.cost_split.is_some());
    let key = |i: usize| -> Option<String> {
        if named {
            munis[i].cost_split.clone()
        } else {
            munis[i].cost_share.map(|_| String::new())
        }
    };
    let keys: BTreeSet<String> = (0..munis.len()).filter_map(key).collect();
    let mut pays = own.clone();
    for k in keys {
        let members: Vec<usize> = (0..munis.len()).filter(|&i| key(i).as_ref() == Some(&k)).collect();
        let all_shares = members.iter().all(|&i| munis[i].cost_share.is_some());
        let share_sum: f64 = members.iter().filter_map(|&i| munis[i].cost_share).sum();
        let weight = |i: usize| -> f64 {
            if all_shares && share_sum > 0.0 {
                munis[i].cost_share.unwrap_or(0.0)
            } else {
                munis[i].population.max(0) as f64
            }
        };
        let total_weight: f64 = members.iter().map(|&i| weight(i)).sum();
        let pool: f64 = members.iter().map(|&i| own[i]).sum();
        for &i in &members {
            pays[i] = if total_weight > 0.0 { pool * weight(i) / total_weight } else { pool / members.len() as f64 };
        }
    }
    pays
}

fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > TOLERANCE + 1e-9 * a.abs().max(b.abs())
}

/// Each recorded amount that differs from its recomputed one, as "what: recorded, recomputed".
fn differences(f: &InstanceFile, cost: &CostRecord, r: &Recomputed, pays: &[f64]) -> Vec<String> {
    let mut out = Vec::new();
    let mut compare = |what: String, recorded: Option<f64>, recomputed: f64| {
        let shown = recorded.map(|x| format!("{x:.2}")).unwrap_or_else(|| "—".into());
        if recorded.is_none_or(|x| differs(x, recomputed)) {
            out.push(tr!("check-cost-amount", what = what, recorded = shown, recomputed = format!("{recomputed:.2}")));
        }
    };
    compare(tr!("check-cost-total"), Some(cost.total), r.parts.values().sum());
    let parts: BTreeSet<&String> = cost.parts.keys().chain(r.parts.keys()).collect();
    for k in parts {
        compare(
            tr!("check-cost-part", part = k.as_str()),
            Some(cost.parts.get(k).copied().unwrap_or(0.0)),
            r.parts.get(k).copied().unwrap_or(0.0),
        );
    }
    for (i, m) in f.region.municipalities.iter().enumerate() {
        compare(tr!("check-cost-municipality", id = m.id.as_str()), cost.municipalities.get(&m.id).copied(), pays[i]);
        let unattended = cost.unattended.get(&m.id).copied().unwrap_or(0.0);
        if differs(unattended, r.unattended[i]) {
            compare(tr!("check-cost-unattended", id = m.id.as_str()), Some(unattended), r.unattended[i]);
        }
    }
    for (i, p) in f.participants.iter().enumerate() {
        compare(tr!("check-cost-participant", id = p.id.as_str()), cost.participants.get(&p.id).copied(), r.participant[i]);
    }
    let known: BTreeSet<&str> =
        f.region.municipalities.iter().map(|m| m.id.as_str()).chain(f.participants.iter().map(|p| p.id.as_str())).collect();
    for id in cost.municipalities.keys().chain(cost.participants.keys()).chain(cost.unattended.keys()) {
        if !known.contains(id.as_str()) {
            out.push(tr!("check-cost-unknown", id = id.as_str()));
        }
    }
    out
}

/// C093: the recorded cost equals the recomputed one.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let Some(cost) = &plan.cost else { return };
    let (r, pays) = recompute(f, plan);
    let diffs = differences(f, cost, &r, &pays);
    if !diffs.is_empty() {
        let shown: Vec<&str> = diffs.iter().take(5).map(String::as_str).collect();
        report.violations.push(violation(CheckCode::CostMismatch, tr!("check-cost-mismatch", n = diffs.len(), list = shown.join("; "))));
    }
}
