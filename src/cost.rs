//! What a plan costs: the one place where the instance's cost items (fees, session costs,
//! travel per km) are applied to a plan and the result is divided between participants and
//! municipalities by the cost-sharing agreements. `write::plan` records it in `plan.json`, the
//! report shows it; the checker recomputes it on its own (`check::cost`, C093).
//!
//! Every cost belongs to a participant: their programme fee, course fees, mentor fees and
//! travel; a session's costs (fixed and day costs, trainers' and venue's day rates) and a
//! group's leader fees are shared equally by its attendees or members. A session nobody
//! attends is paid by its venue's municipality. A municipality pays its participants' costs,
//! or, in an agreement, its weight of the pooled costs of the agreement's members.

use crate::format::plan::{CostRecord, PlanFile};
use crate::model::{Instance, MunicipalityId};
use std::collections::{BTreeMap, HashMap};

/// The cost parts as `plan.json` names them, in the order the report shows them.
pub const PARTS: [&str; 6] = ["programme_fees", "course_fees", "sessions", "group_leaders", "mentors", "travel"];

/// Rounds to öre, the precision the cost is recorded with.
pub fn round_ore(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Costs as they add up: by participant (instance order), by part, and unattended sessions'
/// costs by municipality.
struct Tally<'a> {
    inst: &'a Instance,
    participant: HashMap<&'a str, usize>,
    mentor: HashMap<&'a str, usize>,
    municipality: HashMap<&'a str, usize>,
    per_participant: Vec<f64>,
    unattended: Vec<f64>,
    parts: BTreeMap<&'static str, f64>,
}

impl<'a> Tally<'a> {
    fn new(inst: &'a Instance) -> Self {
        Tally {
            inst,
            participant: inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect(),
            mentor: inst.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect(),
            municipality: inst.municipalities.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect(),
            per_participant: vec![0.0; inst.participants.len()],
            unattended: vec![0.0; inst.municipalities.len()],
            parts: BTreeMap::new(),
        }
    }

    fn charge(&mut self, p: usize, part: &'static str, amount: f64) {
        if amount != 0.0 {
            self.per_participant[p] += amount;
            *self.parts.entry(part).or_insert(0.0) += amount;
        }
    }

    /// A shared cost, equally on `people` (or, with nobody, on the municipality `fallback`).
    fn share(&mut self, people: &[usize], part: &'static str, amount: f64, fallback: Option<usize>) {
        if amount == 0.0 {
            return;
        }
        if people.is_empty() {
            if let Some(m) = fallback {
                self.unattended[m] += amount;
                *self.parts.entry(part).or_insert(0.0) += amount;
            }
            return;
        }
        let each = amount / people.len() as f64;
        for &p in people {
            self.charge(p, part, each);
        }
    }

    /// Round-trip travel cost between two municipalities, `times` times.
    fn travel(&self, from: MunicipalityId, to: MunicipalityId, times: usize) -> f64 {
        2.0 * self.inst.costs.km(from, to) * self.inst.costs.rates.travel_per_km * times as f64
    }

    fn people(&self, ids: &[String]) -> Vec<usize> {
        ids.iter().filter_map(|id| self.participant.get(id.as_str()).copied()).collect()
    }

    fn mentorship(&mut self, plan: &PlanFile) {
        let rates = &self.inst.costs.rates;
        let (per_meeting, per_mentee) = (rates.mentor_fee_per_meeting, rates.mentor_fee_per_mentee);
        for pair in &plan.mentorship.pairs {
            let Some(&p) = self.participant.get(pair.mentee.as_str()) else { continue };
            let n = pair.meetings.len();
            self.charge(p, "mentors", per_mentee + per_meeting * n as f64);
            if let Some(&place) = self.municipality.get(pair.meeting_place.as_str()) {
                let place = MunicipalityId(place);
                let mut travel = self.travel(self.inst.participants[p].municipality, place, n);
                if let Some(&m) = self.mentor.get(pair.mentor.as_str()) {
                    travel += self.travel(self.inst.mentors[m].municipality, place, n);
                }
                self.charge(p, "travel", travel);
            }
        }
    }

    fn groups(&mut self, plan: &PlanFile) {
        let fee = self.inst.costs.rates.leader_fee_per_meeting;
        for g in plan.groups.iter().flat_map(|prog| &prog.groups) {
            let members = self.people(&g.members);
            let place = self.municipality.get(g.meeting_place.as_str()).copied();
            let leaders = g.leader.iter().count() + g.co_leaders.len();
            self.share(&members, "group_leaders", fee * (leaders * g.meetings.len()) as f64, place);
            if let Some(place) = place {
                for &p in &members {
                    let travel = self.travel(self.inst.participants[p].municipality, MunicipalityId(place), g.meetings.len());
                    self.charge(p, "travel", travel);
                }
            }
        }
    }

    fn sessions(&mut self, plan: &PlanFile) {
        let Some(t) = &plan.timetable else { return };
        let tm = &self.inst.timetable;
        let course: HashMap<&str, usize> = tm.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let venue: HashMap<&str, usize> = tm.venues.iter().enumerate().map(|(i, v)| (v.id.as_str(), i)).collect();
        let trainer: HashMap<&str, usize> = tm.trainers.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        for s in &t.sessions {
            let days = s.dates.len() as f64;
            let v = venue.get(s.venue.as_str()).map(|&v| &tm.venues[v]);
            let mut shared = v.map(|v| v.day_rate).unwrap_or(0.0) * days;
            shared += s.trainers.iter().filter_map(|r| trainer.get(r.as_str())).map(|&r| tm.trainers[r].day_rate).sum::<f64>() * days;
            if let Some(&c) = course.get(s.course.as_str()) {
                shared += tm.courses[c].fixed_cost + tm.courses[c].day_cost * days;
            }
            let attendees = self.people(&s.attendees);
            self.share(&attendees, "sessions", shared, v.map(|v| v.municipality.index()));
            let fee = self.inst.costs.course_fee.get(s.course.as_str()).copied().unwrap_or(0.0);
            for &p in &attendees {
                self.charge(p, "course_fees", fee);
                if let Some(v) = v {
                    let travel = self.travel(self.inst.participants[p].municipality, v.municipality, s.dates.len());
                    self.charge(p, "travel", travel);
                }
            }
        }
    }

    /// What each municipality pays: its own participants' and unattended costs, or its weight
    /// of its agreement's pool.
    fn by_municipality(&self) -> Vec<f64> {
        let mut own = self.unattended.clone();
        for (p, cost) in self.per_participant.iter().enumerate() {
            own[self.inst.participants[p].municipality.index()] += cost;
        }
        let mut pays = own.clone();
        for a in &self.inst.costs.agreements {
            let pool: f64 = a.members.iter().map(|m| own[m.index()]).sum();
            for (m, w) in a.members.iter().zip(&a.weights) {
                pays[m.index()] = pool * w;
            }
        }
        pays
    }
}

/// The cost of `plan` on `inst`, every amount rounded to öre.
pub fn plan_cost(inst: &Instance, plan: &PlanFile) -> CostRecord {
    let mut t = Tally::new(inst);
    let fee = inst.costs.rates.programme_fee;
    for (p, _) in inst.named_participants() {
        t.charge(p.index(), "programme_fees", fee);
    }
    t.mentorship(plan);
    t.groups(plan);
    t.sessions(plan);
    let pays = t.by_municipality();
    let parts: BTreeMap<String, f64> = t.parts.iter().map(|(k, v)| (k.to_string(), round_ore(*v))).collect();
    CostRecord {
        total: round_ore(t.parts.values().sum()),
        parts,
        municipalities: inst.municipalities.iter().zip(&pays).map(|(m, c)| (m.id.clone(), round_ore(*c))).collect(),
        participants: inst
            .participants
            .iter()
            .zip(&t.per_participant)
            .filter(|(p, _)| p.forecast.is_none())
            .map(|(p, c)| (p.id.clone(), round_ore(*c)))
            .collect(),
        unattended: inst
            .municipalities
            .iter()
            .zip(&t.unattended)
            .filter(|(_, c)| **c != 0.0)
            .map(|(m, c)| (m.id.clone(), round_ore(*c)))
            .collect(),
    }
}
