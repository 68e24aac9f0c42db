//! The incremental state every timetable strategy builds on: which sessions are open, who
//! attends what, every booking by day, and the objective kept up to date move by move.
//!
//! Owns the hard rules as the solvers apply them (one named check per rule). The checker in
//! [`crate::check::timetable`] states the same rules again, independently, from the files.

use super::{Session, Timetable};
use crate::model::timetable::TimetableModel;
use crate::model::{CourseId, DemandId, Instance, TrainerId, VenueId};
use crate::rules::timetable::{Cadence, TermLoad, Workload};
use std::collections::{BTreeMap, BTreeSet};

/// Why a participant cannot join a session (or a session cannot be placed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Block {
    /// The session has no free seat.
    Full,
    /// The session lies outside the participant's window (employment start, deadline).
    OutsideWindow,
    /// The participant is unavailable on a session day.
    Unavailable,
    /// The participant has another course on a session day.
    Clash,
    /// The participant would exceed the course days allowed in a month.
    MonthLimit,
    /// The participant would exceed the course days allowed in the round.
    RoundDaysLimit,
    /// The participant would exceed the number of courses allowed in the round.
    CourseCountLimit,
    /// Too many colleagues of the participant's unit are away on a session day.
    UnitCap,
    /// A prerequisite is neither completed nor attended before the session starts.
    Prerequisite,
    /// The participant would exceed the courses, course days or areas allowed in a term.
    TermLimit,
}

impl Block {
    /// The name used in plans and explanations.
    pub fn name(self) -> &'static str {
        match self {
            Block::Full => "sessions_full",
            Block::OutsideWindow => "outside_window",
            Block::Unavailable => "unavailable",
            Block::Clash => "clash_with_other_course",
            Block::MonthLimit => "workload_month",
            Block::RoundDaysLimit => "workload_round_days",
            Block::CourseCountLimit => "workload_course_count",
            Block::UnitCap => "unit_absence_cap",
            Block::Prerequisite => "prerequisite_missing",
            Block::TermLimit => "workload_term",
        }
    }
}

/// A session as the search holds it: plain indices into the model's lists, turned into a
/// [`Session`] with typed ids when the timetable is handed on ([`State::to_timetable`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSession {
    /// Course index.
    pub course: usize,
    /// Working-day indices of the session, ascending.
    pub days: Vec<usize>,
    /// Venue index.
    pub venue: usize,
    /// Trainer indices.
    pub trainers: Vec<usize>,
    /// Demand indices of the attendees.
    pub attendees: Vec<usize>,
}

impl OpenSession {
    /// The session with typed ids, attendees and trainers in ascending order.
    fn to_session(&self) -> Session {
        let mut trainers: Vec<TrainerId> = self.trainers.iter().map(|&r| TrainerId(r)).collect();
        let mut attendees: Vec<DemandId> = self.attendees.iter().map(|&d| DemandId(d)).collect();
        trainers.sort_unstable();
        attendees.sort_unstable();
        Session { course: CourseId(self.course), days: self.days.clone(), venue: VenueId(self.venue), trainers, attendees }
    }
}

/// An open session with its bookkeeping.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The session.
    pub session: OpenSession,
    /// Attendees per municipality.
    muni_count: BTreeMap<usize, usize>,
    /// Size of the largest single-municipality group.
    max_group: usize,
    /// The session's cost (trainers, venue, fixed).
    pub cost: f64,
    /// The session realises a fixed session of the instance: it is never closed, moved or
    /// re-staffed, and stays at its minimum group.
    pub pinned: bool,
}

/// The incremental solver state.
#[derive(Debug, Clone)]
pub struct State<'a> {
    /// The timetable model.
    pub m: &'a TimetableModel,
    /// The instance.
    pub inst: &'a Instance,
    width: usize,
    /// Open sessions by slot; `None` for a closed slot.
    pub slots: Vec<Option<Slot>>,
    /// Slot each demand is served in.
    pub assigned: Vec<Option<usize>>,
    /// Demands pinned to their slot (attendees of fixed sessions): never removed.
    pub pinned_demand: Vec<bool>,
    person_day: Vec<bool>,
    trainer_day: Vec<bool>,
    venue_day: Vec<bool>,
    trainer_used: Vec<usize>,
    month_days: Vec<u16>,
    round_days: Vec<u16>,
    courses_taken: Vec<u16>,
    term_days: Vec<u16>,
    term_courses: Vec<u16>,
    term_areas: Vec<u16>,
    unit_absent: Vec<u16>,
    course_sessions: Vec<usize>,
    /// Open sessions of each course by start day.
    course_starts: Vec<BTreeMap<usize, usize>>,
    /// Sum of penalties of unserved demands.
    pub unserved_penalty: f64,
    /// Travel term.
    pub travel: f64,
    /// Session cost term.
    pub session_cost: f64,
    /// Mixing term.
    pub mixing: f64,
}

impl<'a> State<'a> {
    /// An empty timetable: nothing open, every demand unserved.
    pub fn new(inst: &'a Instance) -> Self {
        let m = &inst.timetable;
        let w = m.days.len();
        let p = inst.participants.len();
        State {
            m,
            inst,
            width: w,
            slots: Vec::new(),
            assigned: vec![None; m.demands.len()],
            pinned_demand: vec![false; m.demands.len()],
            person_day: vec![false; p * w],
            trainer_day: vec![false; m.trainers.len() * w],
            venue_day: vec![false; m.venues.len() * w],
            trainer_used: vec![0; m.trainers.len()],
            month_days: vec![0; p * m.months],
            round_days: vec![0; p],
            courses_taken: vec![0; p],
            term_days: vec![0; p * m.terms.len()],
            term_courses: vec![0; p * m.terms.len()],
            term_areas: vec![0; p * m.terms.len() * m.areas.len()],
            unit_absent: vec![0; inst.units.len() * w],
            course_sessions: vec![0; m.courses.len()],
            course_starts: vec![BTreeMap::new(); m.courses.len()],
            unserved_penalty: m.demands.iter().map(|d| d.penalty).sum(),
            travel: 0.0,
            session_cost: 0.0,
            mixing: 0.0,
        }
    }

    /// Rebuilds a state from a timetable (sessions and attendees are trusted to be feasible).
    pub fn from_timetable(inst: &'a Instance, tt: &Timetable) -> Self {
        let mut st = State::new(inst);
        for s in &tt.sessions {
            let trainers = s.trainers.iter().map(|r| r.index()).collect();
            let slot = st.open(s.course.index(), s.days.clone(), s.venue.index(), trainers);
            for &d in &s.attendees {
                st.add(d.index(), slot);
            }
        }
        st
    }

    /// The objective: penalties + travel + session costs + mixing.
    pub fn total(&self) -> f64 {
        self.unserved_penalty + self.travel + self.session_cost + self.mixing
    }

    /// The open slot `s`.
    pub fn slot(&self, s: usize) -> &Slot {
        self.slots[s].as_ref().expect("an open slot")
    }

    /// Indices of the open slots of a course.
    pub fn slots_of_course(&self, course: usize) -> Vec<usize> {
        (0..self.slots.len()).filter(|&s| self.slots[s].as_ref().is_some_and(|x| x.session.course == course)).collect()
    }

    /// Indices of all open slots.
    pub fn open_slots(&self) -> Vec<usize> {
        (0..self.slots.len()).filter(|&s| self.slots[s].is_some()).collect()
    }

    /// Whether slot `s` is a pinned session.
    pub fn is_pinned(&self, s: usize) -> bool {
        self.slots[s].as_ref().is_some_and(|x| x.pinned)
    }

    /// Marks slot `s` as a pinned session.
    pub fn pin_slot(&mut self, s: usize) {
        if let Some(x) = self.slots[s].as_mut() {
            x.pinned = true;
        }
    }

    /// Number of attendees of slot `s`.
    pub fn size(&self, s: usize) -> usize {
        self.slot(s).session.attendees.len()
    }

    /// Seats of a session of `course` at `venue`.
    pub fn seats(&self, course: usize, venue: usize) -> usize {
        self.m.courses[course].max_size.min(self.m.venues[venue].capacity)
    }

    // ----- Session rules -----

    /// The venue is open and not booked on any of the days.
    fn venue_free(&self, venue: usize, days: &[usize]) -> bool {
        days.iter().all(|&t| self.m.venue_free[venue][t] && !self.venue_day[venue * self.width + t])
    }

    /// The trainer is available, not teaching elsewhere on the days, and within the max days.
    /// Whether trainer `r` is free (available, not teaching, days left) on all of `days`.
    /// A trainer who is also a participant does not teach on a day they attend a course.
    pub fn trainer_free(&self, r: usize, days: &[usize]) -> bool {
        let attends = |t: usize| self.m.trainers[r].person.is_some_and(|p| self.person_day[p.index() * self.width + t]);
        self.trainer_used[r] + days.len() <= self.m.trainers[r].max_days
            && days.iter().all(|&t| self.m.trainer_free[r][t] && !self.trainer_day[r * self.width + t] && !attends(t))
    }

    /// Whether trainer `r` is available, not teaching elsewhere on `days`, and within the max days.
    pub fn can_place_trainer(&self, r: usize, days: &[usize]) -> bool {
        self.trainer_free(r, days)
    }

    /// The course may run one more session.
    fn course_session_left(&self, course: usize) -> bool {
        self.m.courses[course].max_sessions.is_none_or(|mx| self.course_sessions[course] < mx)
    }

    /// The start days of a course's open sessions.
    pub fn starts_of(&self, course: usize) -> BTreeSet<usize> {
        self.course_starts[course].keys().copied().collect()
    }

    /// Whether the course may start on day `t` (cadence: starts per year, gap to other starts).
    pub fn cadence_allows(&self, course: usize, t: usize) -> bool {
        !self.m.courses[course].cadence.is_set() || Cadence::of(self.m).allows_start(course, &self.starts_of(course), t)
    }

    /// How far the course's starts fall short of its cadence minimums (0: met).
    pub fn cadence_shortfall(&self, course: usize) -> usize {
        if !self.m.courses[course].cadence.is_set() {
            return 0;
        }
        Cadence::of(self.m).shortfall(course, &self.starts_of(course))
    }

    /// Whether closing slot `s` keeps its course's cadence shortfall from growing (its start
    /// stays when another session starts the same day).
    pub fn can_close_for_cadence(&self, s: usize) -> bool {
        let sess = &self.slot(s).session;
        let c = sess.course;
        if !self.m.courses[c].cadence.is_set() || self.course_starts[c].get(&sess.days[0]).is_some_and(|&n| n > 1) {
            return true;
        }
        let mut starts = self.starts_of(c);
        let before = Cadence::of(self.m).shortfall(c, &starts);
        starts.remove(&sess.days[0]);
        Cadence::of(self.m).shortfall(c, &starts) <= before
    }

    /// The cadence shortfall summed over all courses.
    pub fn total_cadence_shortfall(&self) -> usize {
        (0..self.m.courses.len()).map(|c| self.cadence_shortfall(c)).sum()
    }

    /// Teaching days trainer `r` has left in the round.
    pub fn trainer_days_left(&self, r: usize) -> usize {
        self.m.trainers[r].max_days.saturating_sub(self.trainer_used[r])
    }

    /// The cheapest free qualified trainers for a session (least-used first among equals), or
    /// None when too few are free.
    pub fn pick_trainers(&self, course: usize, days: &[usize]) -> Option<Vec<usize>> {
        let c = &self.m.courses[course];
        let mut free: Vec<usize> = c.qualified.iter().map(|r| r.index()).filter(|&r| self.trainer_free(r, days)).collect();
        if free.len() < c.trainers_per_session {
            return None;
        }
        free.sort_by(|&a, &b| {
            self.m.trainers[a]
                .day_rate
                .total_cmp(&self.m.trainers[b].day_rate)
                .then(self.trainer_used[a].cmp(&self.trainer_used[b]))
                .then(a.cmp(&b))
        });
        free.truncate(c.trainers_per_session);
        Some(free)
    }

    /// Whether a session of `course` may be placed on `days` at `venue` with `trainers`.
    pub fn can_place(&self, course: usize, days: &[usize], venue: usize, trainers: &[usize]) -> bool {
        self.course_session_left(course)
            && self.cadence_allows(course, days[0])
            && self.seats(course, venue) >= self.m.courses[course].min_size
            && self.venue_free(venue, days)
            && trainers.len() == self.m.courses[course].trainers_per_session
            && trainers.iter().all(|&r| self.m.courses[course].qualified.contains(&TrainerId(r)) && self.trainer_free(r, days))
    }

    /// Opens a session (the caller has checked [`State::can_place`]); returns its slot.
    pub fn open(&mut self, course: usize, days: Vec<usize>, venue: usize, trainers: Vec<usize>) -> usize {
        for &t in &days {
            self.venue_day[venue * self.width + t] = true;
            for &r in &trainers {
                self.trainer_day[r * self.width + t] = true;
            }
        }
        for &r in &trainers {
            self.trainer_used[r] += days.len();
        }
        self.course_sessions[course] += 1;
        *self.course_starts[course].entry(days[0]).or_default() += 1;
        let cost = self.m.session_cost(course, venue, &trainers);
        self.session_cost += cost;
        let slot = Slot {
            session: OpenSession { course, days, venue, trainers, attendees: Vec::new() },
            muni_count: BTreeMap::new(),
            max_group: 0,
            cost,
            pinned: false,
        };
        match self.slots.iter().position(Option::is_none) {
            Some(i) => {
                self.slots[i] = Some(slot);
                i
            }
            None => {
                self.slots.push(Some(slot));
                self.slots.len() - 1
            }
        }
    }

    /// Replaces the trainers of slot `s` when `trainers` are qualified and free on its days
    /// (its current trainers not counted); returns whether it did.
    pub fn set_trainers(&mut self, s: usize, trainers: Vec<usize>) -> bool {
        let (course, days, venue, old) = {
            let x = &self.slot(s).session;
            (x.course, x.days.clone(), x.venue, x.trainers.clone())
        };
        self.book_trainers(&old, &days, false);
        let ok = trainers.len() == self.m.courses[course].trainers_per_session
            && trainers.iter().all(|&r| self.m.courses[course].qualified.contains(&TrainerId(r)) && self.trainer_free(r, &days))
            && trainers.iter().collect::<std::collections::BTreeSet<_>>().len() == trainers.len();
        let now = if ok { trainers } else { old };
        self.book_trainers(&now, &days, true);
        let cost = self.m.session_cost(course, venue, &now);
        let slot = self.slots[s].as_mut().expect("an open slot");
        self.session_cost += cost - slot.cost;
        slot.cost = cost;
        slot.session.trainers = now;
        ok
    }

    fn book_trainers(&mut self, trainers: &[usize], days: &[usize], on: bool) {
        for &r in trainers {
            for &t in days {
                self.trainer_day[r * self.width + t] = on;
            }
            if on {
                self.trainer_used[r] += days.len();
            } else {
                self.trainer_used[r] -= days.len();
            }
        }
    }

    /// The cheapest trainers for slot `s` if its own trainers were released.
    pub fn cheapest_trainers_for(&mut self, s: usize) -> Option<Vec<usize>> {
        let (course, days, old) = {
            let x = &self.slot(s).session;
            (x.course, x.days.clone(), x.trainers.clone())
        };
        self.book_trainers(&old, &days, false);
        let best = self.pick_trainers(course, &days);
        self.book_trainers(&old, &days, true);
        best
    }

    /// Closes an empty session.
    pub fn close(&mut self, s: usize) {
        let slot = self.slots[s].take().expect("an open slot");
        debug_assert!(slot.session.attendees.is_empty());
        let OpenSession { course, days, venue, trainers, .. } = slot.session;
        for &t in &days {
            self.venue_day[venue * self.width + t] = false;
            for &r in &trainers {
                self.trainer_day[r * self.width + t] = false;
            }
        }
        for &r in &trainers {
            self.trainer_used[r] -= days.len();
        }
        self.course_sessions[course] -= 1;
        if let Some(n) = self.course_starts[course].get_mut(&days[0]) {
            *n -= 1;
            if *n == 0 {
                self.course_starts[course].remove(&days[0]);
            }
        }
        self.session_cost -= slot.cost;
    }

    // ----- Attendance rules -----

    /// The session lies inside the participant's window for the course.
    fn in_window(&self, d: usize, days: &[usize]) -> bool {
        matches!(self.m.demands[d].window, Some((lo, hi)) if days[0] >= lo && days[days.len() - 1] <= hi)
    }

    /// The participant is available on every session day.
    fn available(&self, p: usize, days: &[usize]) -> bool {
        days.iter().all(|&t| self.m.participant_free[p][t])
    }

    /// The participant has no other course on any session day, nor teaches on one (a
    /// participant who is also a trainer).
    fn no_clash(&self, p: usize, days: &[usize]) -> bool {
        let teaches = |t: usize| self.m.trainer_of[p].is_some_and(|r| self.trainer_day[r.index() * self.width + t]);
        days.iter().all(|&t| !self.person_day[p * self.width + t] && !teaches(t))
    }

    /// The participant stays within the course days allowed per month.
    fn month_ok(&self, p: usize, days: &[usize]) -> bool {
        Workload::of(self.m).fits_month(days, |mo| self.month_days[p * self.m.months + mo] as usize)
    }

    /// What participant `p` already has in `term`.
    fn term_load(&self, p: usize, term: usize) -> TermLoad {
        let (terms, areas) = (self.m.terms.len(), self.m.areas.len());
        let base = (p * terms + term) * areas;
        TermLoad {
            courses: self.term_courses[p * terms + term] as usize,
            days: self.term_days[p * terms + term] as usize,
            areas: (0..areas).filter(|&a| self.term_areas[base + a] > 0).collect(),
        }
    }

    /// The participant stays within the per-term limits.
    fn term_ok(&self, d: usize, days: &[usize]) -> bool {
        let p = self.m.demands[d].participant.index();
        Workload::of(self.m).fits_term(self.m.demands[d].course.index(), days, |term| self.term_load(p, term))
    }

    /// The unit keeps enough staff at work on every session day.
    fn unit_ok(&self, p: usize, days: &[usize]) -> bool {
        let u = self.inst.participants[p].unit.index();
        let cap = self.m.workload.unit_cap[u];
        days.iter().all(|&t| (self.unit_absent[u * self.width + t] as usize) < cap)
    }

    /// How many more people of `p`'s unit may be away on all of `days`.
    pub fn unit_room(&self, p: usize, days: &[usize]) -> usize {
        let u = self.inst.participants[p].unit.index();
        let cap = self.m.workload.unit_cap[u];
        days.iter().map(|&t| cap.saturating_sub(self.unit_absent[u * self.width + t] as usize)).min().unwrap_or(0)
    }

    /// Every prerequisite is completed, or attended in a session ending before `first`.
    fn prerequisites_met(&self, d: usize, first: usize) -> bool {
        let dem = &self.m.demands[d];
        self.m.courses[dem.course].prerequisites.iter().all(|&q| {
            self.m.completed.contains(&(dem.participant, q))
                || self.m.demands_of[dem.participant.index()].iter().any(|&e| {
                    self.m.demands[e].course == q
                        && self.assigned[e.index()].is_some_and(|s| self.slot(s).session.days.last().is_some_and(|&last| last < first))
                })
        })
    }

    /// Whether demand `d` may attend a session of its course on `days` (seats not considered).
    pub fn attend_check_days(&self, d: usize, days: &[usize]) -> Result<(), Block> {
        let p = self.m.demands[d].participant.index();
        if !self.in_window(d, days) {
            return Err(Block::OutsideWindow);
        }
        if !self.available(p, days) {
            return Err(Block::Unavailable);
        }
        if !self.no_clash(p, days) {
            return Err(Block::Clash);
        }
        if self.courses_taken[p] as usize >= self.m.workload.max_courses {
            return Err(Block::CourseCountLimit);
        }
        if self.round_days[p] as usize + days.len() > Workload::of(self.m).max_per_round() {
            return Err(Block::RoundDaysLimit);
        }
        if !self.month_ok(p, days) {
            return Err(Block::MonthLimit);
        }
        if !self.term_ok(d, days) {
            return Err(Block::TermLimit);
        }
        if !self.unit_ok(p, days) {
            return Err(Block::UnitCap);
        }
        if !self.prerequisites_met(d, days[0]) {
            return Err(Block::Prerequisite);
        }
        Ok(())
    }

    /// Whether unserved demand `d` may join open slot `s`.
    pub fn attend_check(&self, d: usize, s: usize) -> Result<(), Block> {
        let slot = self.slot(s);
        debug_assert_eq!(slot.session.course, self.m.demands[d].course.index());
        if slot.session.attendees.len() >= self.seats(slot.session.course, slot.session.venue) {
            return Err(Block::Full);
        }
        self.attend_check_days(d, &slot.session.days)
    }

    /// True when another served course of the participant depends on `d`'s course as a
    /// prerequisite; such an attendance is not moved by local moves.
    pub fn has_dependents(&self, d: usize) -> bool {
        let dem = &self.m.demands[d];
        self.m.demands_of[dem.participant.index()]
            .iter()
            .any(|&e| self.assigned[e.index()].is_some() && self.m.courses[self.m.demands[e].course].prerequisites.contains(&dem.course))
    }

    /// Objective change if `d` joined slot `s`.
    pub fn add_delta(&self, d: usize, s: usize) -> f64 {
        let slot = self.slot(s);
        let dem = &self.m.demands[d];
        let muni = self.inst.participants[dem.participant].municipality.index();
        let n = slot.muni_count.get(&muni).copied().unwrap_or(0) + 1;
        let mix = if n > slot.max_group { self.m.weights.mixing * (n - slot.max_group) as f64 } else { 0.0 };
        -dem.penalty + self.m.travel_cost(self.inst, dem.participant.index(), slot.session.venue, slot.session.days.len()) + mix
    }

    /// The open session of `d`'s course that `d` may join with the smallest objective change
    /// (ties: the lowest slot), with that change.
    pub fn best_seat(&self, d: usize) -> Option<(f64, usize)> {
        self.slots_of_course(self.m.demands[d].course.index())
            .into_iter()
            .filter(|&s| self.attend_check(d, s).is_ok())
            .map(|s| (self.add_delta(d, s), s))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
    }

    /// Objective change if `d` left its slot.
    pub fn remove_delta(&self, d: usize) -> f64 {
        let s = self.assigned[d].expect("a served demand");
        let slot = self.slot(s);
        let dem = &self.m.demands[d];
        let muni = self.inst.participants[dem.participant].municipality.index();
        let n = slot.muni_count.get(&muni).copied().unwrap_or(0);
        let mix =
            if n == slot.max_group && slot.muni_count.values().filter(|&&c| c == n).count() == 1 { -self.m.weights.mixing } else { 0.0 };
        dem.penalty - self.m.travel_cost(self.inst, dem.participant.index(), slot.session.venue, slot.session.days.len()) + mix
    }

    /// Books (`on`) or releases the days of demand `d` in slot `s`: the participant's days, the
    /// unit's absences, the month and round counts, the unserved penalty and the travel.
    /// Returns the participant's municipality.
    fn book_attendance(&mut self, d: usize, s: usize, on: bool) -> usize {
        let (m, inst) = (self.m, self.inst);
        let dem = &m.demands[d];
        let p = dem.participant.index();
        let unit = inst.participants[p].unit.index();
        let slot = self.slots[s].as_ref().expect("an open slot");
        let (venue, days) = (slot.session.venue, slot.session.days.clone());
        let step = |x: &mut u16, k: u16| if on { *x += k } else { *x -= k };
        for &t in &days {
            self.person_day[p * self.width + t] = on;
            step(&mut self.unit_absent[unit * self.width + t], 1);
            step(&mut self.month_days[p * m.months + m.day_month[t]], 1);
        }
        step(&mut self.round_days[p], days.len() as u16);
        step(&mut self.courses_taken[p], 1);
        let terms = m.terms.len();
        for &t in &days {
            if let Some(term) = m.day_term[t] {
                step(&mut self.term_days[p * terms + term], 1);
            }
        }
        if let Some(term) = m.day_term[days[0]] {
            step(&mut self.term_courses[p * terms + term], 1);
            step(&mut self.term_areas[(p * terms + term) * m.areas.len() + m.courses[dem.course].area], 1);
        }
        let travel = m.travel_cost(inst, p, venue, days.len());
        if on {
            self.unserved_penalty -= dem.penalty;
            self.travel += travel;
        } else {
            self.unserved_penalty += dem.penalty;
            self.travel -= travel;
        }
        inst.participants[p].municipality.index()
    }

    /// Adds `d` to slot `s` (the caller has checked [`State::attend_check`]).
    pub fn add(&mut self, d: usize, s: usize) {
        let muni = self.book_attendance(d, s, true);
        let mixing_w = self.m.weights.mixing;
        let slot = self.slots[s].as_mut().expect("an open slot");
        slot.session.attendees.push(d);
        let n = slot.muni_count.entry(muni).or_default();
        *n += 1;
        if *n > slot.max_group {
            self.mixing += mixing_w * (*n - slot.max_group) as f64;
            slot.max_group = *n;
        }
        self.assigned[d] = Some(s);
    }

    /// Removes served demand `d` from its slot.
    pub fn remove(&mut self, d: usize) {
        let s = self.assigned[d].take().expect("a served demand");
        let muni = self.book_attendance(d, s, false);
        let mixing_w = self.m.weights.mixing;
        let slot = self.slots[s].as_mut().expect("an open slot");
        slot.session.attendees.retain(|&x| x != d);
        if let Some(n) = slot.muni_count.get_mut(&muni) {
            *n -= 1;
            if *n == 0 {
                slot.muni_count.remove(&muni);
            }
        }
        let new_max = slot.muni_count.values().copied().max().unwrap_or(0);
        self.mixing -= mixing_w * (slot.max_group - new_max) as f64;
        slot.max_group = new_max;
    }

    /// Unserved demand indices.
    pub fn unserved(&self) -> Vec<usize> {
        (0..self.assigned.len()).filter(|&d| self.assigned[d].is_none()).collect()
    }

    /// Closes every session below its course's minimum size (its attendees become unserved),
    /// so the timetable obeys the size rule.
    pub fn drop_undersized(&mut self) {
        for s in self.open_slots() {
            let slot = self.slot(s);
            if !slot.pinned && slot.session.attendees.len() < self.m.courses[slot.session.course].min_size {
                for d in slot.session.attendees.clone() {
                    self.remove(d);
                }
                self.close(s);
            }
        }
    }

    /// Restores every rule after sessions were dropped: attendances whose prerequisite is no
    /// longer attended are removed, then undersized sessions closed, until nothing changes.
    pub fn repair(&mut self) {
        loop {
            self.drop_undersized();
            let broken: Vec<usize> = (0..self.assigned.len())
                .filter(|&d| {
                    !self.pinned_demand[d] && self.assigned[d].is_some_and(|s| !self.prerequisites_met(d, self.slot(s).session.days[0]))
                })
                .collect();
            if broken.is_empty() {
                return;
            }
            for d in broken {
                self.remove(d);
            }
        }
    }

    /// The timetable in canonical order: sessions by course, first day, venue; attendees by
    /// demand index.
    pub fn to_timetable(&self) -> Timetable {
        let mut sessions: Vec<Session> = self.slots.iter().flatten().map(|s| s.session.to_session()).collect();
        sessions.sort_by(|a, b| (a.course, a.days[0], a.venue, &a.trainers).cmp(&(b.course, b.days[0], b.venue, &b.trainers)));
        Timetable { sessions }
    }
}
