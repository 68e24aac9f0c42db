//! Fixed sessions (pins) in the timetable: every strategy starts from a state in which the
//! pinned sessions are open as given — pinned dates, venue and trainers, the rest chosen here —
//! with their pinned attendees seated and at least the course's minimum group. Such slots are
//! marked pinned, so the heuristics never close, move or re-staff them nor unseat pinned
//! attendees; the MILP states the pins as constraints instead (see [`super::milp`]).
//!
//! When the pins cannot all hold together (the same only trainer on one day, a pinned attendee
//! over the monthly course-day limit, a unit's absence cap, …) the search reports the pins
//! involved and why, rather than dropping one.

use super::state::{Block, State};
use crate::model::pins::PinnedSession;
use crate::model::{Instance, ParticipantId};
use crate::solve::SolveError;
use crate::text::tr;

/// Placements tried in the backtracking search over pins before it gives up.
const MAX_PLACEMENTS: usize = 20_000;
/// Options (days × venue) kept per pin, cheapest first.
const MAX_OPTIONS: usize = 400;

/// A state with every pinned session open and its pinned attendees seated, or an error naming
/// the pins that cannot hold together.
pub fn pinned_state(inst: &Instance) -> Result<State<'_>, SolveError> {
    let mut st = State::new(inst);
    let pins = &inst.pins.sessions;
    if pins.is_empty() {
        return Ok(st);
    }
    if let Some((pin, k)) = pins.iter().find_map(|p| p.demands.iter().position(Option::is_none).map(|k| (p, k))) {
        return Err(SolveError::Pins(tr!(
            "pin-no-demand",
            pin = pin.label.as_str(),
            path = pin.path.as_str(),
            attendee = inst.participants[pin.attendees[k]].id.as_str(),
            course = inst.timetable.courses[pin.course].id.as_str()
        )));
    }
    // Fully dated pins first, then those with fewest choices.
    let mut order: Vec<usize> = (0..pins.len()).collect();
    order.sort_by_key(|&i| (pins[i].days.is_none(), pins[i].venue.is_none(), pins[i].trainers.is_empty(), i));
    let mut budget = MAX_PLACEMENTS;
    let mut failure: Option<(usize, String)> = None;
    if place(&mut st, &order, 0, &mut budget, &mut failure) {
        return Ok(st);
    }
    let (k, why) = failure.unwrap_or_else(|| (order[0], tr!("pin-no-placement")));
    let pin = &pins[k];
    let others: Vec<String> = pins
        .iter()
        .enumerate()
        .filter(|&(j, q)| j != k && shares_resources(inst, pin, q))
        .map(|(_, q)| format!("{} ({})", q.label, q.path))
        .collect();
    let competes = if others.is_empty() { String::new() } else { format!(" {}", tr!("pin-competes", others = others.join(", "))) };
    Err(SolveError::Pins(tr!("pin-cannot-place", pin = pin.label.as_str(), path = pin.path.as_str(), why = why, others = competes)))
}

/// Whether two pins could compete: same course, trainer, venue, attendee or attendee's unit.
fn shares_resources(inst: &Instance, a: &PinnedSession, b: &PinnedSession) -> bool {
    let unit = |p: &ParticipantId| inst.participants[*p].unit;
    a.course == b.course
        || a.trainers.iter().any(|r| b.trainers.contains(r))
        || (a.venue.is_some() && a.venue == b.venue)
        || a.attendees.iter().any(|p| b.attendees.iter().any(|q| p == q || unit(p) == unit(q)))
        || inst.timetable.courses[a.course].qualified.iter().any(|r| inst.timetable.courses[b.course].qualified.contains(r))
}

/// Backtracking over the pins in `order` from position `i`.
fn place(st: &mut State, order: &[usize], i: usize, budget: &mut usize, failure: &mut Option<(usize, String)>) -> bool {
    let Some(&k) = order.get(i) else {
        return true;
    };
    let pin = &st.inst.pins.sessions[k];
    let (opts, mut last_reason) = options(st, pin);
    for (days, venue) in opts {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        let snapshot = st.clone();
        match try_open(st, pin, &days, venue) {
            Ok(()) => {
                if place(st, order, i + 1, budget, failure) {
                    return true;
                }
            }
            Err(why) => last_reason = Some(why),
        }
        *st = snapshot;
    }
    if failure.as_ref().is_none_or(|f| f.0 != k) && (failure.is_none() || last_reason.is_some()) {
        let why = last_reason.unwrap_or_else(|| tr!("pin-no-fit"));
        *failure = Some((k, why));
    }
    false
}

/// Candidate (days, venue) of a pin, cheapest first: the session cost and the pinned attendees'
/// travel, then the earliest days.
/// With no option, the reason a pinned attendee rules out the first layout of days.
fn options(st: &State, pin: &PinnedSession) -> (Vec<(Vec<usize>, usize)>, Option<String>) {
    let m = st.m;
    let c = pin.course.index();
    let day_options: Vec<Vec<usize>> = match &pin.days {
        Some(d) => vec![d.clone()],
        None => m.starts[c].clone(),
    };
    let venues: Vec<usize> = match pin.venue {
        Some(v) => vec![v.index()],
        None => (0..m.venues.len()).collect(),
    };
    let mut out: Vec<(f64, usize, usize, Vec<usize>)> = Vec::new();
    let mut reason = None;
    for (di, days) in day_options.iter().enumerate() {
        // Pinned attendees must be inside their window and free.
        if let Some((d, b)) = pin.demands.iter().flatten().find_map(|&d| st.attend_check_days(d.index(), days).err().map(|b| (d, b))) {
            if reason.is_none() {
                reason = Some(attendee_blocked(&st.inst.participants[m.demands[d].participant].id, m.days[days[0]], b));
            }
            continue;
        }
        for &v in &venues {
            if st.seats(c, v) < pin.attendees.len().max(m.courses[c].min_size) && pin.venue.is_none() {
                continue;
            }
            let travel: f64 = pin.attendees.iter().map(|&p| m.travel_cost(st.inst, p.index(), v, days.len())).sum();
            let cost = m.session_cost(c, v, &[]) + travel;
            out.push((cost, di, v, days.clone()));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    out.truncate(MAX_OPTIONS);
    let reason = if out.is_empty() { reason } else { None };
    (out.into_iter().map(|(_, _, v, days)| (days, v)).collect(), reason)
}

/// Opens the pin's session on `days` at `venue` (pinned trainers plus the cheapest free
/// qualified ones), seats its attendees and fills it to the minimum group; on failure the
/// state is left partly changed (the caller restores it) and the reason is returned.
fn try_open(st: &mut State, pin: &PinnedSession, days: &[usize], venue: usize) -> Result<(), String> {
    let m = st.m;
    let c = pin.course.index();
    let course = &m.courses[c];
    let name = |r: &usize| m.trainers[*r].id.clone();
    // Trainers: the pinned ones, then the cheapest other qualified and free ones.
    let mut trainers: Vec<usize> = pin.trainers.iter().map(|r| r.index()).collect();
    if trainers.len() < course.trainers_per_session {
        let extra: Vec<usize> = {
            let mut free: Vec<usize> = course
                .qualified
                .iter()
                .map(|r| r.index())
                .filter(|r| !trainers.contains(r) && st.can_place(c, days, venue, &one_team(&trainers, *r, course.trainers_per_session)))
                .collect();
            free.sort_by(|&a, &b| m.trainers[a].day_rate.total_cmp(&m.trainers[b].day_rate).then(a.cmp(&b)));
            free
        };
        // Fill the team greedily and check the whole team at the end.
        for r in extra {
            if trainers.len() == course.trainers_per_session {
                break;
            }
            trainers.push(r);
        }
    }
    trainers.sort_unstable();
    if !st.can_place(c, days, venue, &trainers) {
        let busy: Vec<String> =
            pin.trainers.iter().map(|r| r.index()).filter(|&r| !st.can_place_trainer(r, days)).map(|r| name(&r)).collect();
        let date = m.days[days[0]];
        return Err(if !busy.is_empty() {
            tr!("pin-trainers-busy", n = busy.len(), trainers = busy.join(", "), days = days.len(), date = date.to_string())
        } else if trainers.len() < course.trainers_per_session {
            tr!("pin-too-few-trainers", date = date.to_string())
        } else {
            tr!("pin-venue", venue = m.venues[venue].id.as_str(), date = date.to_string())
        });
    }
    let slot = st.open(c, days.to_vec(), venue, trainers);
    st.pin_slot(slot);
    for (k, &d) in pin.demands.iter().enumerate() {
        let Some(d) = d.map(|d| d.index()) else { continue };
        if let Some(other) = st.assigned[d] {
            if other != slot {
                return Err(tr!("pin-attendee-twice", attendee = st.inst.participants[pin.attendees[k]].id.as_str()));
            }
            continue;
        }
        if let Err(b) = st.attend_check(d, slot) {
            return Err(attendee_blocked(&st.inst.participants[pin.attendees[k]].id, m.days[days[0]], b));
        }
        st.add(d, slot);
        st.pinned_demand[d] = true;
    }
    // Fill to the minimum group with the demands that gain most.
    while st.size(slot) < course.min_size {
        let best = (0..m.demands.len())
            .filter(|&d| m.demands[d].course.index() == c && st.assigned[d].is_none() && st.attend_check(d, slot).is_ok())
            .map(|d| (st.add_delta(d, slot), d))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        match best {
            Some((_, d)) => st.add(d, slot),
            None => return Err(tr!("pin-below-minimum", n = st.size(slot), date = m.days[days[0]].to_string(), min = course.min_size)),
        }
    }
    Ok(())
}

/// `team` plus `r`, padded to `size` with `r` (only used to test one trainer's fit).
fn one_team(team: &[usize], r: usize, size: usize) -> Vec<usize> {
    let mut t = team.to_vec();
    t.push(r);
    while t.len() < size {
        t.push(r);
    }
    t.truncate(size.max(1));
    t
}

/// Why a pinned attendee cannot attend a session from `date`.
fn attendee_blocked(attendee: &str, date: chrono::NaiveDate, b: Block) -> String {
    tr!("pin-attendee-blocked", attendee = attendee, date = date.to_string(), why = block_words(b))
}

/// A blocking rule in words.
fn block_words(b: Block) -> String {
    match b {
        Block::Full => tr!("pin-block-full"),
        Block::OutsideWindow => tr!("pin-block-outside-window"),
        Block::Unavailable => tr!("pin-block-unavailable"),
        Block::Clash => tr!("pin-block-clash"),
        Block::MonthLimit => tr!("pin-block-month-limit"),
        Block::RoundDaysLimit => tr!("pin-block-round-days-limit"),
        Block::CourseCountLimit => tr!("pin-block-course-count-limit"),
        Block::UnitCap => tr!("pin-block-unit-cap"),
        Block::Prerequisite => tr!("pin-block-prerequisite"),
        Block::TermLimit => tr!("pin-block-term-limit"),
    }
}
