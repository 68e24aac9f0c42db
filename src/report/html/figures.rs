//! The figures of the report, computed once from the plan and the instance: counts, seats per
//! municipality, travel and the split of the course costs.

use super::{CostSplit, Lookup};
use crate::format::plan::PlanFile;
use crate::model::{Instance, MunicipalityId};
use std::collections::BTreeSet;

/// Participants of one phase and how many of them each part of the plan serves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhaseRow {
    /// Participants in the phase.
    pub participants: usize,
    /// Of which with a mentor.
    pub mentees: usize,
    /// Of which in at least one group.
    pub group_members: usize,
    /// Of which with at least one course seat.
    pub course_participants: usize,
    /// Of which served by at least one part.
    pub any: usize,
}

/// What the shares of the cost split were computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitBasis {
    /// The instance's `cost_share` of every municipality.
    CostShare,
    /// Inhabitants.
    Population,
    /// Course seats used.
    Seats,
}

/// The course costs of the plan in SEK, by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostTotals {
    /// Trainers' day rates × session days.
    pub trainer_days: f64,
    /// Venues' day rates × session days.
    pub venue_days: f64,
    /// Courses' fixed costs per session plus day costs × days.
    pub course_fixed: f64,
    /// The sum.
    pub total: f64,
    /// The sum in whole kronor: what is split.
    pub total_rounded: i64,
    /// The plan's `session_cost` term in SEK (÷ the `cost_per_sek` weight), when the plan has a
    /// timetable.
    pub plan_term: Option<f64>,
}

/// One municipality's row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityRow {
    /// Municipality id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Inhabitants.
    pub population: i64,
    /// Participants of the round working there.
    pub participants: usize,
    /// Course seats its participants use (one per attendee and session).
    pub course_seats: usize,
    /// Group places its participants use (one per member and group).
    pub group_places: usize,
    /// Its participants with a mentor.
    pub mentees: usize,
    /// Mentor assignments of its mentors (one per pair).
    pub mentors: usize,
    /// Round-trip travel minutes of its participants and mentors to course days and meetings.
    pub travel_minutes: f64,
    /// Its share of the cost (0–1).
    pub share: f64,
    /// Its part of the cost, whole kronor.
    pub cost: i64,
    /// Its part of the cost split by population share (`cost_share` or inhabitants).
    pub cost_population: i64,
    /// Its part of the cost split by the course seats its participants use; `None` when no
    /// seat is used.
    pub cost_usage: Option<i64>,
}

impl MunicipalityRow {
    /// Its part of the cost per participant of the round working there.
    pub fn cost_per_participant(&self) -> Option<f64> {
        (self.participants > 0).then(|| self.cost as f64 / self.participants as f64)
    }

    /// Its part of the cost per course seat its participants use.
    pub fn cost_per_seat(&self) -> Option<f64> {
        (self.course_seats > 0).then(|| self.cost as f64 / self.course_seats as f64)
    }

    /// Round-trip travel in hours.
    pub fn travel_hours(&self) -> f64 {
        self.travel_minutes / 60.0
    }
}

/// Every figure of the page.
#[derive(Debug, Clone)]
pub struct Figures {
    /// Participants of the round.
    pub participants: usize,
    /// Participants served by at least one part of the plan.
    pub served_any: usize,
    /// Mentor pairs.
    pub pairs: usize,
    /// Groups over all programmes.
    pub groups: usize,
    /// Group places (members over all groups).
    pub group_members: usize,
    /// Course sessions.
    pub sessions: usize,
    /// Mentor meetings.
    pub mentor_meetings: usize,
    /// Group meetings.
    pub group_meetings: usize,
    /// Session days.
    pub course_days: usize,
    /// Course seats (attendees over all sessions).
    pub course_seats: usize,
    /// Eligible mentees without a mentor.
    pub unmatched: usize,
    /// Participants who want a mentor but are not eligible.
    pub not_eligible: usize,
    /// Eligible participants without a group (all programmes).
    pub group_unserved: usize,
    /// Enrolled participants not eligible for their programme.
    pub group_not_eligible: usize,
    /// Course demands not served.
    pub timetable_unserved: usize,
    /// By phase, in the instance's phase order.
    pub by_phase: Vec<PhaseRow>,
    /// By municipality, in the instance's order.
    pub municipalities: Vec<MunicipalityRow>,
    /// The course costs.
    pub costs: CostTotals,
    /// What the cost shares were computed from.
    pub split_basis: SplitBasis,
}

/// Splits whole kronor by weights with the largest-remainder method, so the parts add up to
/// the total exactly. Zero or invalid weights everywhere split equally; ties go to the first.
pub fn split_cost(total: i64, weights: &[f64]) -> Vec<i64> {
    if weights.is_empty() {
        return vec![];
    }
    let clean: Vec<f64> = weights.iter().map(|w| if w.is_finite() && *w > 0.0 { *w } else { 0.0 }).collect();
    let sum: f64 = clean.iter().sum();
    let shares: Vec<f64> =
        if sum > 0.0 { clean.iter().map(|w| w / sum).collect() } else { vec![1.0 / weights.len() as f64; weights.len()] };
    let exact: Vec<f64> = shares.iter().map(|s| s * total as f64).collect();
    let mut parts: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let mut k = 0;
    while left > 0 {
        parts[order[k % order.len()]] += 1;
        left -= 1;
        k += 1;
    }
    while left < 0 {
        // Only with negative totals: take back from the largest remainders' owners.
        parts[order[k % order.len()]] -= 1;
        left += 1;
        k += 1;
    }
    parts
}

impl Figures {
    /// Computes every figure of the page.
    pub(crate) fn compute(plan: &PlanFile, look: &Lookup, split: CostSplit) -> Figures {
        let inst = look.inst;
        let mut rows = municipality_rows(inst);
        let mut served = Served::default();
        // Travel adds up in this order: mentor meetings, group meetings, course days.
        let mentor_meetings = tally_mentorship(plan, look, &mut rows, &mut served.mentees);
        let groups = GroupCounts::tally(plan, look, &mut rows, &mut served.groups);
        let courses = CourseCounts::tally(plan, look, &mut rows, &mut served.courses);
        let split_basis = split_costs(inst, &mut rows, split, courses.seats, courses.costs.total_rounded);
        let (by_phase, served_any) = served.by_phase(inst);

        Figures {
            participants: inst.named_participants().count(),
            served_any,
            pairs: plan.mentorship.pairs.len(),
            groups: groups.groups,
            group_members: groups.members,
            sessions: courses.sessions,
            mentor_meetings,
            group_meetings: groups.meetings,
            course_days: courses.days,
            course_seats: courses.seats,
            unmatched: plan.mentorship.unmatched.len(),
            not_eligible: plan.mentorship.not_eligible.len(),
            group_unserved: groups.unserved,
            group_not_eligible: groups.not_eligible,
            timetable_unserved: courses.unserved,
            by_phase,
            municipalities: rows,
            costs: courses.costs,
            split_basis,
        }
    }
}

/// A row per municipality with its participants counted; the rest is filled in later.
fn municipality_rows(inst: &Instance) -> Vec<MunicipalityRow> {
    let mut rows: Vec<MunicipalityRow> = inst
        .municipalities
        .iter()
        .map(|m| MunicipalityRow {
            id: m.id.clone(),
            name: m.name.clone(),
            population: m.population,
            participants: 0,
            course_seats: 0,
            group_places: 0,
            mentees: 0,
            mentors: 0,
            travel_minutes: 0.0,
            share: 0.0,
            cost: 0,
            cost_population: 0,
            cost_usage: None,
        })
        .collect();
    for (_, p) in inst.named_participants() {
        if let Some(r) = rows.get_mut(p.municipality.index()) {
            r.participants += 1;
        }
    }
    rows
}

/// The participants with a mentor, with a group place and with a course seat.
#[derive(Default)]
struct Served<'a> {
    mentees: BTreeSet<&'a str>,
    groups: BTreeSet<&'a str>,
    courses: BTreeSet<&'a str>,
}

impl Served<'_> {
    /// The rows by phase, and the participants served by at least one part.
    fn by_phase(&self, inst: &Instance) -> (Vec<PhaseRow>, usize) {
        let mut by_phase = vec![PhaseRow::default(); inst.phases.len()];
        let mut served_any = 0;
        for (_, p) in inst.named_participants() {
            let id = p.id.as_str();
            let (m, g, c) = (self.mentees.contains(id), self.groups.contains(id), self.courses.contains(id));
            if let Some(r) = by_phase.get_mut(p.phase.index()) {
                r.participants += 1;
                r.mentees += m as usize;
                r.group_members += g as usize;
                r.course_participants += c as usize;
                r.any += (m || g || c) as usize;
            }
            served_any += (m || g || c) as usize;
        }
        (by_phase, served_any)
    }
}

/// Mentorship: mentees and mentor assignments per municipality, and travel: the plan's one-way
/// minutes between the two homes where the meeting place is one of them, else the instance's
/// travel model. Returns the mentor meetings.
fn tally_mentorship<'a>(plan: &'a PlanFile, look: &Lookup, rows: &mut [MunicipalityRow], mentees: &mut BTreeSet<&'a str>) -> usize {
    let inst = look.inst;
    let mut mentor_meetings = 0;
    for pair in &plan.mentorship.pairs {
        mentor_meetings += pair.meetings.len();
        mentees.insert(pair.mentee.as_str());
        let (mentor_home, mentee_home) = (look.home(&pair.mentor), look.home(&pair.mentee));
        let place = look.municipality.get(pair.meeting_place.as_str()).copied();
        let one_way = |from: Option<usize>| -> f64 {
            match (from, place) {
                (Some(a), Some(b)) if a == b => 0.0,
                (Some(a), Some(b)) => {
                    let homes = [mentor_home, mentee_home];
                    if homes.contains(&Some(a)) && homes.contains(&Some(b)) && pair.travel_minutes.is_finite() {
                        pair.travel_minutes
                    } else {
                        inst.travel(MunicipalityId(a), MunicipalityId(b))
                    }
                }
                _ => 0.0,
            }
        };
        let n = pair.meetings.len() as f64;
        if let Some(m) = mentor_home {
            rows[m].mentors += 1;
            rows[m].travel_minutes += 2.0 * one_way(Some(m)) * n;
        }
        if let Some(m) = mentee_home {
            rows[m].mentees += 1;
            rows[m].travel_minutes += 2.0 * one_way(Some(m)) * n;
        }
    }
    mentor_meetings
}

/// The groups of the plan, counted.
struct GroupCounts {
    groups: usize,
    members: usize,
    meetings: usize,
    unserved: usize,
    not_eligible: usize,
}

impl GroupCounts {
    /// Counts the groups, and adds group places and travel to the meeting places to the rows.
    fn tally<'a>(plan: &'a PlanFile, look: &Lookup, rows: &mut [MunicipalityRow], members: &mut BTreeSet<&'a str>) -> Self {
        let inst = look.inst;
        let mut c = GroupCounts { groups: 0, members: 0, meetings: 0, unserved: 0, not_eligible: 0 };
        for prog in &plan.groups {
            c.groups += prog.groups.len();
            c.unserved += prog.unserved.len();
            c.not_eligible += prog.not_eligible.len();
            for g in &prog.groups {
                c.members += g.members.len();
                c.meetings += g.meetings.len();
                let place = look.municipality.get(g.meeting_place.as_str()).copied();
                for m in &g.members {
                    members.insert(m.as_str());
                    if let Some(home) = look.home(m) {
                        rows[home].group_places += 1;
                        if let Some(p) = place {
                            rows[home].travel_minutes +=
                                2.0 * inst.travel(MunicipalityId(home), MunicipalityId(p)) * g.meetings.len() as f64;
                        }
                    }
                }
            }
        }
        c
    }
}

/// The course sessions of the plan, counted, and their costs.
#[derive(Default)]
struct CourseCounts {
    sessions: usize,
    days: usize,
    seats: usize,
    unserved: usize,
    costs: CostTotals,
}

impl CourseCounts {
    /// Counts the sessions and their costs, and adds course seats and travel to the venues to
    /// the rows.
    fn tally<'a>(plan: &'a PlanFile, look: &Lookup, rows: &mut [MunicipalityRow], attendees: &mut BTreeSet<&'a str>) -> Self {
        let mut c = CourseCounts::default();
        let Some(t) = &plan.timetable else { return c };
        let inst = look.inst;
        c.sessions = t.sessions.len();
        c.unserved = t.unserved.len();
        let tm = &inst.timetable;
        let costs = &mut c.costs;
        for s in &t.sessions {
            let days = s.dates.len();
            c.days += days;
            c.seats += s.attendees.len();
            let venue = look.venue.get(s.venue.as_str()).map(|&v| &tm.venues[v]);
            costs.venue_days += venue.map(|v| v.day_rate).unwrap_or(0.0) * days as f64;
            costs.trainer_days +=
                s.trainers.iter().filter_map(|r| look.trainer.get(r.as_str())).map(|&r| tm.trainers[r].day_rate).sum::<f64>() * days as f64;
            if let Some(&k) = look.course.get(s.course.as_str()) {
                costs.course_fixed += tm.courses[k].fixed_cost + tm.courses[k].day_cost * days as f64;
            }
            for a in &s.attendees {
                attendees.insert(a.as_str());
                if let Some(home) = look.home(a) {
                    rows[home].course_seats += 1;
                    if let Some(v) = venue {
                        rows[home].travel_minutes += 2.0 * inst.travel(MunicipalityId(home), v.municipality) * days as f64;
                    }
                }
            }
        }
        costs.total = costs.trainer_days + costs.venue_days + costs.course_fixed;
        costs.total_rounded = costs.total.round() as i64;
        let w = tm.weights.cost_per_sek;
        costs.plan_term = t.objective.terms.get("session_cost").map(|&x| if w > 0.0 { x / w } else { x });
        c
    }
}

/// Splits the rounded course cost `total` between the rows (share and kronor) and says from
/// what.
fn split_costs(inst: &Instance, rows: &mut [MunicipalityRow], split: CostSplit, course_seats: usize, total: i64) -> SplitBasis {
    let nm = inst.municipalities.len();
    let all_shares = !inst.municipalities.is_empty() && inst.municipalities.iter().all(|m| m.cost_share.is_some());
    let population_weights = |rows: &[MunicipalityRow]| -> (Vec<f64>, SplitBasis) {
        if all_shares {
            (inst.municipalities.iter().map(|m| m.cost_share.unwrap_or(0.0)).collect(), SplitBasis::CostShare)
        } else {
            (rows.iter().map(|r| r.population as f64).collect(), SplitBasis::Population)
        }
    };
    let (weights, split_basis) = match split {
        CostSplit::Population => population_weights(rows),
        CostSplit::Participants if course_seats > 0 => (rows.iter().map(|r| r.course_seats as f64).collect(), SplitBasis::Seats),
        CostSplit::Participants => population_weights(rows),
    };
    let wsum: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    let parts = split_cost(total, &weights);
    // Both splits side by side, whichever was chosen.
    let by_population = split_cost(total, &population_weights(rows).0);
    let by_usage = (course_seats > 0).then(|| split_cost(total, &rows.iter().map(|r| r.course_seats as f64).collect::<Vec<_>>()));
    for (i, r) in rows.iter_mut().enumerate() {
        r.share = if wsum > 0.0 { weights[i].max(0.0) / wsum } else { 1.0 / nm as f64 };
        r.cost = parts[i];
        r.cost_population = by_population[i];
        r.cost_usage = by_usage.as_ref().map(|u| u[i]);
    }
    split_basis
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_adds_up() {
        assert_eq!(split_cost(100, &[1.0, 1.0, 1.0]), vec![34, 33, 33]);
        assert_eq!(split_cost(10, &[0.5, 0.25, 0.25]), vec![5, 3, 2]);
        assert_eq!(split_cost(7, &[0.0, 0.0]), vec![4, 3]);
        assert_eq!(split_cost(0, &[3.0, 1.0]), vec![0, 0]);
        let w = [588_000.0, 68_000.0, 40_000.0, 12_000.0, 7_000.0];
        assert_eq!(split_cost(1_234_567, &w).iter().sum::<i64>(), 1_234_567);
    }
}
