//! Re-planning the course timetable: the past as it was, planned sessions kept where the
//! rules still allow them, broken ones repaired with the fewest people told, newcomers seated.

use super::Ctx;
use crate::format::plan::{PlanFile, SessionPlan};
use crate::model::{Instance, TrainerId, VenueId};
use crate::solve::timetable::greedy;
use crate::solve::timetable::pins::pinned_state;
use crate::solve::timetable::state::State;
use crate::solve::timetable::{Context, Outcome};
use crate::solve::SolveError;
use crate::text::tr;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Gives the re-planned sessions the ids of the planned sessions they continue, so that a
/// session keeps its name, and its calendar events their UIDs, when it is kept, repaired or
/// moved: first a planned session of the course on the same days (at the same venue first),
/// then the planned session of the course it shares the most attendees with (the nearest in
/// time on a tie). Sessions that continue none are numbered after the course's highest number
/// so far, so that no id of the previous plan is reused for another session.
pub fn restore_session_ids(previous: &[SessionPlan], sessions: &mut [SessionPlan]) {
    let prev: Vec<&SessionPlan> = previous.iter().collect();
    let mut used = vec![false; prev.len()];
    let mut ids: Vec<Option<String>> = vec![None; sessions.len()];
    for same_venue in [true, false] {
        for (i, s) in sessions.iter().enumerate() {
            if ids[i].is_some() {
                continue;
            }
            let hit = (0..prev.len())
                .find(|&j| !used[j] && prev[j].course == s.course && prev[j].dates == s.dates && (!same_venue || prev[j].venue == s.venue));
            if let Some(j) = hit {
                used[j] = true;
                ids[i] = Some(prev[j].id.clone());
            }
        }
    }
    loop {
        let mut best: Option<((usize, i64), usize, usize)> = None;
        for (i, s) in sessions.iter().enumerate().filter(|(i, _)| ids[*i].is_none()) {
            for (j, p) in prev.iter().enumerate().filter(|(j, p)| !used[*j] && p.course == s.course) {
                let shared = s.attendees.iter().filter(|a| p.attendees.contains(a)).count();
                let gap = match (s.dates.first(), p.dates.first()) {
                    (Some(a), Some(b)) => (*a - *b).num_days().abs(),
                    _ => i64::MAX,
                };
                let key = (shared, -gap);
                if shared > 0 && best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        used[j] = true;
        ids[i] = Some(prev[j].id.clone());
    }
    let number = |id: &str, course: &str| id.strip_prefix(course).and_then(|r| r.strip_prefix('-')).and_then(|n| n.parse::<usize>().ok());
    for (i, s) in sessions.iter_mut().enumerate() {
        if ids[i].is_none() {
            let taken = prev.iter().map(|p| p.id.as_str()).chain(ids.iter().flatten().map(String::as_str));
            let highest = taken.filter_map(|id| number(id, &s.course)).max().unwrap_or(0);
            ids[i] = Some(format!("{}-{:02}", s.course, highest + 1));
        }
        s.id = ids[i].clone().unwrap_or_default();
    }
}

/// A copy of the instance in which nothing new can be placed before `today`: every person,
/// trainer and venue is taken as unavailable on earlier days, and no session may start then.
/// The frozen sessions are put into the state directly, without these checks.
pub fn frozen_model(inst: &Instance, today_idx: usize) -> Instance {
    let mut fi = inst.clone();
    let m = &mut fi.timetable;
    for row in m.participant_free.iter_mut().chain(m.trainer_free.iter_mut()).chain(m.venue_free.iter_mut()) {
        for f in row.iter_mut().take(today_idx) {
            *f = false;
        }
    }
    for starts in m.starts.iter_mut() {
        starts.retain(|days| days[0] >= today_idx);
    }
    fi
}

/// A previous session mapped onto the new instance.
struct Mapped<'p> {
    prev: &'p SessionPlan,
    /// Position in the previous plan's session list.
    prev_index: usize,
    course: usize,
    days: Option<Vec<usize>>,
    venue: Option<usize>,
    /// Previous trainers still in the instance.
    trainers: Vec<usize>,
    /// Previous attendees (demand indices) still in the instance and still asking for it.
    attendees: Vec<usize>,
}

/// Re-plans the timetable. Returns the outcome on the instance's indices.
pub fn replan(inst: &Instance, previous: &PlanFile, ctx: &mut Ctx) -> Result<Option<Outcome>, SolveError> {
    if inst.timetable.is_empty() {
        return Ok(None);
    }
    let m = &inst.timetable;
    let today_idx = m.days.iter().position(|d| *d >= ctx.today).unwrap_or(m.days.len());
    let mut fi = frozen_model(inst, today_idx);
    let mapped = map_previous(inst, previous, ctx);
    let pinned_prev = adopt_pins(inst, &mut fi, &mapped, ctx.today);
    let mut st = pinned_state(&fi)?;
    let future = keep_past(inst, &mut st, mapped, &pinned_prev, ctx, today_idx);
    for s in future {
        // The displaced are seated below with everyone else who has no seat.
        repair_planned(inst, &mut st, s, ctx, today_idx);
    }
    seat_everyone(&mut st, ctx, today_idx);
    let timetable = st.to_timetable();
    Ok(Some(Outcome {
        timetable,
        bound: None,
        proven_optimal: false,
        interrupted: false,
        stalled: None,
        neighbourhoods_exhausted: false,
        detail: "re-plan: frozen past, planned sessions kept or repaired with the fewest people changed, newcomers seated".into(),
    }))
}

/// The previous plan's sessions on the instance's indices, earliest first; sessions of
/// courses no longer in the instance are dropped (and noted).
fn map_previous<'p>(inst: &Instance, previous: &'p PlanFile, ctx: &mut Ctx) -> Vec<Mapped<'p>> {
    let m = &inst.timetable;
    let course_of: HashMap<&str, usize> = m.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let venue_of: HashMap<&str, usize> = m.venues.iter().enumerate().map(|(i, v)| (v.id.as_str(), i)).collect();
    let trainer_of: HashMap<&str, usize> = m.trainers.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let day_of: HashMap<chrono::NaiveDate, usize> = m.days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let part_of: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let demand_of: HashMap<(usize, usize), usize> =
        m.demands.iter().enumerate().map(|(d, x)| ((x.participant.index(), x.course.index()), d)).collect();

    let mut heirs = Heirs::new(inst, previous, &demand_of);
    let mut prev_sessions: Vec<(usize, &SessionPlan)> = previous.timetable.iter().flat_map(|t| &t.sessions).enumerate().collect();
    prev_sessions.sort_by(|a, b| (a.1.dates.first(), &a.1.id).cmp(&(b.1.dates.first(), &b.1.id)));
    let mut mapped = Vec::new();
    for (prev_index, s) in prev_sessions {
        let Some(&course) = course_of.get(s.course.as_str()) else {
            ctx.notes.push(tr!("replan-session-course-gone", session = s.id.as_str(), course = s.course.as_str()));
            continue;
        };
        let days: Option<Vec<usize>> = s.dates.iter().map(|d| day_of.get(d).copied()).collect();
        let venue = venue_of.get(s.venue.as_str()).copied();
        let trainers: Vec<usize> = s.trainers.iter().filter_map(|t| trainer_of.get(t.as_str()).copied()).collect();
        let mut attendees: Vec<usize> = s
            .attendees
            .iter()
            .chain(&s.forecast)
            .filter_map(|a| part_of.get(a.as_str()).and_then(|&p| demand_of.get(&(p, course)).copied()))
            .collect();
        // A placeholder the forecast no longer leaves was named: the named hire takes its seat.
        attendees.extend(s.forecast.iter().filter(|a| !part_of.contains_key(a.as_str())).filter_map(|a| heirs.take(a, course)));
        mapped.push(Mapped { prev: s, prev_index, course, days, venue, trainers, attendees });
    }
    mapped
}

/// The named hires who take the seats of the previous plan's placeholders the forecast no
/// longer leaves (issue 11, item 3): for each forecast entry, its named hires that the previous
/// plan did not seat in the course, in the order of their ids.
struct Heirs<'a> {
    inst: &'a Instance,
    demand_of: &'a HashMap<(usize, usize), usize>,
    /// Entries' municipality and unit ids and months, to read placeholder ids by.
    keys: Vec<(String, Option<String>, NaiveDate)>,
    /// (participant, course) seated in the previous plan or given a seat here.
    taken: std::collections::HashSet<(usize, usize)>,
}

impl<'a> Heirs<'a> {
    fn new(inst: &'a Instance, previous: &PlanFile, demand_of: &'a HashMap<(usize, usize), usize>) -> Self {
        let part_of: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let course_of: HashMap<&str, usize> = inst.timetable.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let taken = previous
            .timetable
            .iter()
            .flat_map(|t| &t.sessions)
            .flat_map(|s| s.attendees.iter().map(move |a| (a, &s.course)))
            .filter_map(|(a, c)| Some((*part_of.get(a.as_str())?, *course_of.get(c.as_str())?)))
            .collect();
        let keys = inst
            .forecast
            .iter()
            .map(|e| {
                let unit = e.unit.map(|u| inst.units[u.index()].id.clone());
                (inst.municipalities[e.municipality.index()].id.clone(), unit, e.month)
            })
            .collect();
        Heirs { inst, demand_of, keys, taken }
    }

    /// The demand for `course` of the named hire who takes the seat of `placeholder`, if any.
    fn take(&mut self, placeholder: &str, course: usize) -> Option<usize> {
        let (k, _) = crate::model::forecast::entry_of(placeholder, &self.keys)?;
        let mut named = self.inst.forecast[k].named.clone();
        named.sort_by(|a, b| self.inst.participants[a.index()].id.cmp(&self.inst.participants[b.index()].id));
        let p = named
            .into_iter()
            .map(|p| p.index())
            .find(|&p| !self.taken.contains(&(p, course)) && self.demand_of.contains_key(&(p, course)))?;
        self.taken.insert((p, course));
        self.demand_of.get(&(p, course)).copied()
    }
}

/// Sessions pinned by hand. A pin the previous plan already realises keeps that session (its
/// unpinned parts as planned, fixed in `fi`); a pin realised by a session that has started is
/// met by the frozen past (dropped from `fi`). The others are placed by the solvers' pin
/// search, from today on. Returns the previous sessions that realise a kept pin: previous
/// index → pin index.
fn adopt_pins(inst: &Instance, fi: &mut Instance, mapped: &[Mapped], today: NaiveDate) -> HashMap<usize, usize> {
    let mut realised: Vec<Option<usize>> = vec![None; fi.pins.sessions.len()];
    for (k, pin) in inst.pins.sessions.iter().enumerate() {
        let hit = mapped.iter().position(|s| {
            !realised.contains(&Some(s.prev_index))
                && s.days.as_ref().zip(s.venue).is_some_and(|(days, venue)| pin.admits(s.course, days, venue, &s.trainers))
        });
        if let Some(i) = hit {
            realised[k] = Some(mapped[i].prev_index);
        }
    }
    let mut pinned_prev: HashMap<usize, usize> = HashMap::new();
    let mut drop_pins = Vec::new();
    for (k, r) in realised.iter().enumerate() {
        let Some(pi) = r else { continue };
        let s = mapped.iter().find(|s| s.prev_index == *pi).expect("a mapped session");
        if s.prev.dates.first().is_some_and(|d| *d < today) {
            drop_pins.push(k);
        } else {
            let pin = &mut fi.pins.sessions[k];
            pin.days = s.days.clone();
            pin.venue = s.venue.map(VenueId);
            pin.trainers = s.trainers.iter().copied().map(TrainerId).collect();
            pinned_prev.insert(*pi, k);
        }
    }
    for k in drop_pins.into_iter().rev() {
        fi.pins.sessions.remove(k);
    }
    pinned_prev
}

/// The past (and running sessions, which started before today): exactly as planned, for
/// everyone still in the round; sessions realising a kept pin seat their planned participants
/// in the pinned slot. Returns the planned sessions that have not started.
fn keep_past<'p>(
    inst: &Instance,
    st: &mut State,
    mapped: Vec<Mapped<'p>>,
    pinned_prev: &HashMap<usize, usize>,
    ctx: &mut Ctx,
    today_idx: usize,
) -> Vec<Mapped<'p>> {
    let m = &inst.timetable;
    let mut future = Vec::new();
    for s in mapped {
        if pinned_prev.contains_key(&s.prev_index) {
            seat_in_pinned_slot(st, &s);
            continue;
        }
        let started = s.prev.dates.first().is_some_and(|d| *d < ctx.today);
        if !started {
            future.push(s);
            continue;
        }
        match (&s.days, s.venue) {
            (Some(days), Some(venue)) => {
                let slot = st.open(s.course, days.clone(), venue, s.trainers.clone());
                for &d in &s.attendees {
                    if st.assigned[d].is_none() {
                        st.add(d, slot);
                    }
                }
                if s.prev.dates.last().is_some_and(|d| *d >= ctx.today) {
                    let broken = s.trainers.len() < s.prev.trainers.len()
                        || days
                            .iter()
                            .any(|&t| t >= today_idx && (!m.venue_free[venue][t] || s.trainers.iter().any(|&r| !m.trainer_free[r][t])));
                    if broken {
                        ctx.notes.push(tr!("replan-session-started-broken", session = s.prev.id.as_str()));
                    }
                }
            }
            _ => ctx.notes.push(tr!("replan-session-past-gone", session = s.prev.id.as_str(), today = ctx.today.to_string())),
        }
    }
    future
}

/// Seats a previous session's planned participants in the pinned slot that realises it.
fn seat_in_pinned_slot(st: &mut State, s: &Mapped) {
    let slot = st.open_slots().into_iter().find(|&x| {
        let sl = &st.slot(x).session;
        Some(&sl.days) == s.days.as_ref() && Some(sl.venue) == s.venue && sl.course == s.course
    });
    if let Some(slot) = slot {
        for &d in &s.attendees {
            if st.assigned[d].is_none() && st.attend_check(d, slot).is_ok() {
                st.add(d, slot);
            }
        }
    }
}

/// A planned session that has not started: kept, or repaired by the option that changes the
/// fewest people's dates, or cancelled (its participants are seated later where possible).
fn repair_planned(inst: &Instance, st: &mut State, s: Mapped, ctx: &mut Ctx, today_idx: usize) {
    match repair_option(inst, st, &s, today_idx) {
        Some((rank, days, venue, trainers)) => {
            if rank > 0 {
                let what = match rank {
                    1 => tr!("replan-repair-trainers"),
                    2 => tr!("replan-repair-venue"),
                    _ => tr!("replan-repair-days"),
                };
                ctx.notes.push(tr!("replan-session-repaired", session = s.prev.id.as_str(), what = what));
            }
            let slot = st.open(s.course, days, venue, trainers);
            for &d in &s.attendees {
                if st.assigned[d].is_none() && st.attend_check(d, slot).is_ok() {
                    st.add(d, slot);
                }
            }
        }
        None => {
            ctx.notes.push(tr!("replan-session-cancelled", session = s.prev.id.as_str()));
        }
    }
}

/// The options for a planned session in order of how many people they change: b only touches
/// the trainers it replaces, c and d touch everyone in the session (its place or its dates
/// move), so the first option that works changes the fewest people, whatever the role
/// weights. Returns (rank, days, venue, trainers); rank 0 is the session as planned.
fn repair_option(inst: &Instance, st: &State, s: &Mapped, today_idx: usize) -> Option<(u8, Vec<usize>, usize, Vec<usize>)> {
    let m = &inst.timetable;
    let fm = st.m;
    if let (Some(days), Some(venue)) = (&s.days, s.venue) {
        if s.trainers.len() == s.prev.trainers.len() && st.can_place(s.course, days, venue, &s.trainers) {
            // a. As planned.
            return Some((0, days.clone(), venue, s.trainers.clone()));
        } else if let Some(t) = keep_trainers_at(st, s.course, days, venue, &s.trainers) {
            // b. Same days and venue, other trainers: only trainers are told.
            return Some((1, days.clone(), venue, t));
        }
        // c. Same days, another venue: everyone's place changes.
        let mut best: Option<(f64, usize, Vec<usize>)> = None;
        for v in 0..fm.venues.len() {
            if v == venue || st.seats(s.course, v) < s.attendees.len().max(fm.courses[s.course].min_size) {
                continue;
            }
            let Some(t) = keep_trainers_at(st, s.course, days, v, &s.trainers) else { continue };
            let travel: f64 = s
                .attendees
                .iter()
                .map(|&d| inst.travel(inst.participants[m.demands[d].participant].municipality, fm.venues[v].municipality))
                .sum();
            if best.as_ref().is_none_or(|b| travel < b.0) {
                best = Some((travel, v, t));
            }
        }
        if let Some((_, v, t)) = best {
            return Some((2, days.clone(), v, t));
        }
    }
    // d. Other days (at the planned venue if it is free, else another).
    move_session(st, s, today_idx).map(|(days, v, t)| (3, days, v, t))
}

/// Seats the displaced and the newcomers in planned sessions; then below-minimum sessions are
/// cancelled (a hard rule) and their people seated again; new sessions are opened only for
/// demand that still has no seat.
fn seat_everyone(st: &mut State, ctx: &mut Ctx, today_idx: usize) {
    let fm = st.m;
    greedy::fill(st);
    loop {
        let under: Vec<usize> = st
            .open_slots()
            .into_iter()
            .filter(|&s| {
                let sl = st.slot(s);
                !st.is_pinned(s) && sl.session.days[0] >= today_idx && sl.session.attendees.len() < fm.courses[sl.session.course].min_size
            })
            .collect();
        let Some(&s) = under.first() else { break };
        let id = st.slot(s).session.clone();
        ctx.notes.push(tr!(
            "replan-session-too-small",
            course = fm.courses[id.course].name.as_str(),
            date = fm.days[id.days[0]].to_string(),
            n = id.attendees.len(),
            min = fm.courses[id.course].min_size
        ));
        for d in id.attendees.clone() {
            st.remove(d);
        }
        st.close(s);
        greedy::fill(st);
    }
    let tctx = Context { seed: ctx.seed, deadline: None, stop: ctx.stop.clone() };
    let mut rng = tctx.rng(0);
    greedy::construct(st, &mut rng, &greedy::Options::default(), &tctx);
    greedy::fill(st);
}

/// Trainers for `days`: the still-free previous trainers, completed by the cheapest free
/// qualified ones.
fn keep_trainers(st: &State, course: usize, days: &[usize], previous: &[usize]) -> Option<Vec<usize>> {
    let need = st.m.courses[course].trainers_per_session;
    let mut keep: Vec<usize> = previous
        .iter()
        .copied()
        .filter(|&r| st.m.courses[course].qualified.contains(&TrainerId(r)) && st.trainer_free(r, days))
        .take(need)
        .collect();
    if keep.len() < need {
        let pick = st.pick_trainers(course, days)?;
        for r in pick {
            if keep.len() == need {
                break;
            }
            if !keep.contains(&r) {
                keep.push(r);
            }
        }
    }
    (keep.len() == need).then_some(keep)
}

fn keep_trainers_at(st: &State, course: usize, days: &[usize], venue: usize, previous: &[usize]) -> Option<Vec<usize>> {
    let t = keep_trainers(st, course, days, previous)?;
    st.can_place(course, days, venue, &t).then_some(t)
}

/// Days, venue and trainers of a session.
type Placement = (Vec<usize>, usize, Vec<usize>);

/// The best other start for a session: most of its attendees can come, then the planned
/// venue, then the nearest start to the planned one.
fn move_session(st: &State, s: &Mapped, today_idx: usize) -> Option<Placement> {
    let m = st.m;
    let planned_start = s.days.as_ref().map(|d| d[0]).unwrap_or(today_idx);
    let mut best: Option<((usize, u8, usize, usize), Placement)> = None;
    let venues: Vec<usize> = match s.venue {
        Some(v) => std::iter::once(v).chain((0..m.venues.len()).filter(|&x| x != v)).collect(),
        None => (0..m.venues.len()).collect(),
    };
    for days in &m.starts[s.course] {
        if days[0] < today_idx {
            continue;
        }
        let come = s.attendees.iter().filter(|&&d| st.attend_check_days(d, days).is_ok()).count();
        for (rank, &v) in venues.iter().enumerate() {
            let Some(t) = keep_trainers_at(st, s.course, days, v, &s.trainers) else { continue };
            let dist = days[0].abs_diff(planned_start);
            let travel_rank = (rank > 0) as u8;
            let key = (s.attendees.len() - come, travel_rank, dist, v);
            if best.as_ref().is_none_or(|b| key < b.0) {
                best = Some((key, (days.clone(), v, t)));
            }
            break;
        }
    }
    best.map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, day: u32, venue: &str, attendees: &[&str]) -> SessionPlan {
        SessionPlan {
            id: id.into(),
            course: "barnratt".into(),
            dates: vec![chrono::NaiveDate::from_ymd_opt(2027, 3, day).unwrap()],
            venue: venue.into(),
            trainers: vec!["t1".into()],
            attendees: attendees.iter().map(|a| a.to_string()).collect(),
            forecast: vec![],
        }
    }

    #[test]
    fn sessions_keep_the_ids_of_the_sessions_they_continue() {
        let previous = [
            session("barnratt-01", 1, "v1", &["a", "b"]),
            session("barnratt-02", 8, "v1", &["c", "d"]),
            session("barnratt-03", 15, "v1", &["e"]),
        ];
        // Numbered afresh by date: the first session moved to another venue, the second to
        // later days, the third was cancelled, and a new one opened before them all.
        let mut now = [
            session("barnratt-01", 2, "v2", &["x"]),
            session("barnratt-02", 1, "v2", &["a", "b"]),
            session("barnratt-03", 22, "v1", &["c", "d", "e"]),
        ];
        restore_session_ids(&previous, &mut now);
        let ids: Vec<&str> = now.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["barnratt-04", "barnratt-01", "barnratt-02"]);
    }
}
