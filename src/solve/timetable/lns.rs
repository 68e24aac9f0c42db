//! Large-neighbourhood search with exact re-optimisation.
//!
//! After the local search, `auto` frees one neighbourhood of the incumbent at a time — the
//! sessions of one course, the sessions starting in one month, or the sessions at one venue,
//! with their attendees and the unserved demand they could take — keeps the rest, and re-solves
//! the freed part with the session model of [`super::milp`]: every start of the freed courses
//! in the freed window, at the venues nearest the freed demand, with the cheapest trainer teams
//! and the incumbent's own, within a size limit. The fixed sessions that share a course, a
//! trainer, an attendee or an attendee's unit with the freed part enter the model kept open
//! with their seats, so their use of trainers, venues, person-days, workload and unit caps is
//! taken as it is; the other fixed sessions cannot interact with the freed part, and the
//! candidates that would clash with their trainers or venues are left out. The model starts
//! from the incumbent (feasible by construction), so it never returns worse; its plan is merged
//! with the sessions left out and replayed through [`State`], and it replaces the incumbent only
//! when the whole plan's objective improves.
//!
//! Neighbourhoods are ordered by what they cost (unserved demand, travel, session costs), the
//! kinds taken in turn, ties broken by the seed. The search stops at the time limit, after a
//! full round of neighbourhoods without improvement, or, without a time limit, at its work
//! budget (simplex pivots × model variables, no clock), so the plan depends on the seed only.

use super::milp::{self, Candidate};
use super::milp_budget::Budget;
use super::state::State;
use super::{Context, Session, Timetable};
use crate::model::Instance;
use rand::Rng;
use std::collections::{BTreeMap, BTreeSet};

/// Most candidate sessions one neighbourhood adds to the incumbent's: a few hundred binaries
/// keep a neighbourhood's model to seconds of microlp, whatever the round's size.
const MAX_NEW_CANDIDATES: usize = 300;
/// Venues tried per start and team, nearest to the freed demand first (a course's demand
/// rarely travels past its few nearest venues: travel cost grows with distance).
const MAX_VENUES: usize = 6;
/// Trainer teams tried per course besides the incumbent's, cheapest first.
const MAX_TEAMS: usize = 3;
/// Most seats offered to the freed demands; past it each keeps its nearest ones and its seat
/// in the incumbent (the same scale as the restricted model's [`milp`] limit).
const MAX_FREED_PAIRS: usize = 2_500;
/// Work of one neighbourhood's model (simplex pivots × variables): a quarter of the exact
/// model's budget, about two and a half seconds of one core; a neighbourhood that needs more
/// keeps the best plan found.
pub const NEIGHBOURHOOD_WORK: u64 = super::milp_budget::EXACT_WORK / 4;
/// Work of the whole search when the run has no time limit: forty neighbourhoods' worth.
pub const LNS_WORK: u64 = 40 * NEIGHBOURHOOD_WORK;
/// Improvements smaller than this are ties.
const EPS: f64 = 1e-6;
/// The generator stream of the neighbourhood order (apart from the local search's starts).
const STREAM: u64 = 1_000;

/// Why the search stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The time limit ended it.
    TimeLimit,
    /// Ctrl-C: the incumbent is kept.
    Interrupted,
    /// A full round of neighbourhoods found nothing better.
    Exhausted,
    /// The work budget (no time limit) ran out.
    WorkBudget,
}

/// A neighbourhood: what is freed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Neighbourhood {
    /// The sessions and demand of one course.
    Course(usize),
    /// The sessions starting in one month (0 = the round's first), and the unserved demand
    /// that could start then.
    Month(usize),
    /// The sessions at one venue, and the unserved demand of their courses.
    Venue(usize),
}

/// The search's result.
#[derive(Debug, Clone)]
pub struct Report {
    /// The best timetable.
    pub timetable: Timetable,
    /// Why the search stopped.
    pub stop: Stop,
    /// Neighbourhoods solved.
    pub tried: usize,
    /// Neighbourhoods that improved the incumbent.
    pub improved: usize,
}

/// The result of one neighbourhood's model.
#[derive(Debug, Clone)]
pub struct Step {
    /// The whole plan after the step (the incumbent when nothing better was found).
    pub timetable: Timetable,
    /// Its objective ([`State::total`]).
    pub total: f64,
    /// True when the step improved the incumbent.
    pub improved: bool,
    /// Work done (simplex pivots × model variables).
    pub work: u64,
}

/// Improves `tt` neighbourhood by neighbourhood until the context expires, a full round finds
/// nothing, or `work` (pivots × variables; None: no budget) is spent. Never returns worse.
pub fn improve(inst: &Instance, tt: &Timetable, ctx: &Context, work: Option<u64>) -> Report {
    let mut best = tt.clone();
    let (mut tried, mut improved, mut idle, mut pos, mut used) = (0, 0, 0, 0, 0u64);
    let mut order = neighbourhoods(inst, &best, ctx);
    let stop = loop {
        if ctx.stop.load(std::sync::atomic::Ordering::Relaxed) {
            break Stop::Interrupted;
        }
        if ctx.expired() {
            break Stop::TimeLimit;
        }
        if order.is_empty() || idle >= order.len() {
            break Stop::Exhausted;
        }
        let left = work.map(|w| w.saturating_sub(used));
        if left == Some(0) {
            break Stop::WorkBudget;
        }
        let hood = order[pos % order.len()];
        pos += 1;
        let budget = Budget { work: Some(left.unwrap_or(u64::MAX).min(NEIGHBOURHOOD_WORK)), seconds: ctx.remaining_secs() };
        let (sinst, stt) = (inst.clone(), best.clone());
        let Some(result) = ctx.unless_stopped(move || step(&sinst, &stt, hood, budget)) else {
            break Stop::Interrupted;
        };
        tried += 1;
        match result {
            Some(s) if s.improved => {
                used = used.saturating_add(s.work);
                best = s.timetable;
                improved += 1;
                idle = 0;
                order = neighbourhoods(inst, &best, ctx);
            }
            Some(s) => {
                used = used.saturating_add(s.work);
                idle += 1;
            }
            // Nothing to free (or the model failed): counts as a neighbourhood without gain;
            // the work of building it is charged so a budget always ends the search.
            None => {
                used = used.saturating_add(NEIGHBOURHOOD_WORK / 100);
                idle += 1;
            }
        }
    };
    Report { timetable: best, stop, tried, improved }
}

/// What each part of the plan costs: unserved penalties of its demand, travel of its
/// attendees and its sessions' costs.
fn costs(inst: &Instance, tt: &Timetable) -> BTreeMap<Neighbourhood, f64> {
    let m = &inst.timetable;
    let mut cost: BTreeMap<Neighbourhood, f64> = BTreeMap::new();
    let mut served = vec![false; m.demands.len()];
    for s in &tt.sessions {
        let trainers: Vec<usize> = s.trainers.iter().map(|r| r.index()).collect();
        let mut c = m.session_cost(s.course.index(), s.venue.index(), &trainers);
        for d in &s.attendees {
            served[d.index()] = true;
            c += m.travel_cost(inst, m.demands[*d].participant.index(), s.venue.index(), s.days.len());
        }
        for hood in
            [Neighbourhood::Course(s.course.index()), Neighbourhood::Month(m.day_month[s.days[0]]), Neighbourhood::Venue(s.venue.index())]
        {
            *cost.entry(hood).or_default() += c;
        }
    }
    for dem in m.demands.iter().enumerate().filter(|(d, _)| !served[*d]).map(|(_, dem)| dem) {
        *cost.entry(Neighbourhood::Course(dem.course.index())).or_default() += dem.penalty;
        if let Some((lo, hi)) = dem.window {
            let months: BTreeSet<usize> =
                m.starts[dem.course.index()].iter().filter(|s| s[0] >= lo && s[s.len() - 1] <= hi).map(|s| m.day_month[s[0]]).collect();
            for mo in &months {
                *cost.entry(Neighbourhood::Month(*mo)).or_default() += dem.penalty / months.len() as f64;
            }
        }
    }
    cost
}

/// The neighbourhoods of `tt` in the order the search takes them: each kind sorted by cost,
/// costliest first (ties and near-ties broken by the seed), the kinds taken in turn.
pub fn neighbourhoods(inst: &Instance, tt: &Timetable, ctx: &Context) -> Vec<Neighbourhood> {
    let mut rng = ctx.rng(STREAM);
    let mut kinds: [Vec<(f64, Neighbourhood)>; 3] = Default::default();
    for (hood, c) in costs(inst, tt) {
        if c <= EPS {
            continue;
        }
        // A jitter of up to 5 %: the seed varies the order of parts of about equal cost.
        let key = c * (1.0 + 0.05 * rng.gen::<f64>());
        let kind = match hood {
            Neighbourhood::Course(_) => 0,
            Neighbourhood::Month(_) => 1,
            Neighbourhood::Venue(_) => 2,
        };
        kinds[kind].push((key, hood));
    }
    for list in &mut kinds {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    let first = (ctx.seed % 3) as usize;
    let longest = kinds.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..longest {
        for j in 0..3 {
            if let Some(&(_, hood)) = kinds[(first + j) % 3].get(i) {
                out.push(hood);
            }
        }
    }
    out
}

/// The freed part of a neighbourhood: incumbent sessions (indices), demands and the starts
/// (course, days) new candidates may use.
struct Freed {
    sessions: BTreeSet<usize>,
    demands: BTreeSet<usize>,
    starts: Vec<(usize, Vec<usize>)>,
}

/// True when a pin admits the session (a pinned session is never freed).
fn pinned(inst: &Instance, s: &Session) -> bool {
    let c = Candidate::of(s);
    inst.pins.sessions.iter().any(|p| p.admits(c.course, &c.days, c.venue, &c.trainers))
}

/// What `hood` frees in `tt`.
fn free(inst: &Instance, tt: &Timetable, hood: Neighbourhood) -> Freed {
    let m = &inst.timetable;
    let pinned_demand: BTreeSet<usize> = inst.pins.sessions.iter().flat_map(|p| p.demands.iter().flatten().map(|d| d.index())).collect();
    let mut served = vec![false; m.demands.len()];
    for d in tt.sessions.iter().flat_map(|s| &s.attendees) {
        served[d.index()] = true;
    }
    let sessions: BTreeSet<usize> = (0..tt.sessions.len())
        .filter(|&i| {
            let s = &tt.sessions[i];
            !pinned(inst, s)
                && match hood {
                    Neighbourhood::Course(c) => s.course.index() == c,
                    Neighbourhood::Month(mo) => m.day_month[s.days[0]] == mo,
                    Neighbourhood::Venue(v) => s.venue.index() == v,
                }
        })
        .collect();
    let mut courses: BTreeSet<usize> = sessions.iter().map(|&i| tt.sessions[i].course.index()).collect();
    if let Neighbourhood::Course(c) = hood {
        courses.insert(c);
    }
    let in_window = |d: usize, days: &[usize]| m.demands[d].window.is_some_and(|(lo, hi)| days[0] >= lo && days[days.len() - 1] <= hi);
    let month_ok = |days: &[usize]| match hood {
        Neighbourhood::Month(mo) => m.day_month[days[0]] == mo,
        _ => true,
    };
    let mut demands: BTreeSet<usize> = sessions.iter().flat_map(|&i| tt.sessions[i].attendees.iter().map(|d| d.index())).collect();
    for (d, dem) in m.demands.iter().enumerate() {
        if served[d] || pinned_demand.contains(&d) {
            continue;
        }
        let c = dem.course.index();
        let fits = m.starts[c].iter().any(|s| month_ok(s) && in_window(d, s));
        let wanted = match hood {
            Neighbourhood::Month(_) => fits,
            _ => courses.contains(&c) && fits,
        };
        if wanted {
            demands.insert(d);
            courses.insert(c);
        }
    }
    demands.retain(|d| !pinned_demand.contains(d));
    let starts = courses.iter().flat_map(|&c| m.starts[c].iter().filter(|s| month_ok(s)).map(move |s| (c, s.clone()))).collect();
    Freed { sessions, demands, starts }
}

/// The new candidates of a freed part: for each start, the cheapest teams (and the incumbent's
/// teams of the course) at the venues nearest the course's freed demand, none clashing with
/// the fixed sessions' trainers or venues, at most [`MAX_NEW_CANDIDATES`].
fn new_candidates(inst: &Instance, tt: &Timetable, freed: &Freed) -> Vec<Candidate> {
    let m = &inst.timetable;
    let mut busy_trainer: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut busy_venue: BTreeSet<(usize, usize)> = BTreeSet::new();
    for s in tt.sessions.iter().enumerate().filter(|(i, _)| !freed.sessions.contains(i)).map(|(_, s)| s) {
        for &t in &s.days {
            busy_venue.insert((s.venue.index(), t));
            busy_trainer.extend(s.trainers.iter().map(|r| (r.index(), t)));
        }
    }
    let courses: BTreeSet<usize> = freed.starts.iter().map(|(c, _)| *c).collect();
    let mut per_course: BTreeMap<usize, (Vec<usize>, Vec<Vec<usize>>)> = BTreeMap::new();
    for &c in &courses {
        let course = &m.courses[c];
        let len = course.days;
        let mut venues: Vec<(f64, usize)> = (0..m.venues.len())
            .filter(|&v| m.venues[v].capacity.min(course.max_size) >= course.min_size)
            .map(|v| {
                let travel: f64 = freed
                    .demands
                    .iter()
                    .filter(|&&d| m.demands[d].course.index() == c)
                    .map(|&d| m.travel_cost(inst, m.demands[d].participant.index(), v, len))
                    .sum();
                (travel, v)
            })
            .collect();
        venues.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let venues: Vec<usize> = venues.into_iter().take(MAX_VENUES).map(|x| x.1).collect();
        let mut teams: Vec<Vec<usize>> = tt
            .sessions
            .iter()
            .filter(|s| s.course.index() == c)
            .map(|s| s.trainers.iter().map(|r| r.index()).collect())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        teams.extend(cheapest_teams(inst, c, venues.first().copied().unwrap_or(0)));
        teams.dedup();
        per_course.insert(c, (venues, teams));
    }
    // Share the limit evenly among the starts, but never fewer than one team at each of the
    // nearest venues: first the best team at each venue, nearest first, then the next teams.
    let room = (MAX_NEW_CANDIDATES / freed.starts.len().max(1)).max(MAX_VENUES);
    let mut out = Vec::new();
    for (c, days) in &freed.starts {
        let (venues, teams) = &per_course[c];
        let venues: Vec<usize> =
            venues.iter().copied().filter(|&v| days.iter().all(|&t| m.venue_free[v][t] && !busy_venue.contains(&(v, t)))).collect();
        let teams: Vec<&Vec<usize>> = teams
            .iter()
            .filter(|team| {
                team.iter().all(|&r| {
                    m.trainers[r].max_days >= days.len() && days.iter().all(|&t| m.trainer_free[r][t] && !busy_trainer.contains(&(r, t)))
                })
            })
            .collect();
        let all = teams.iter().flat_map(|team| venues.iter().map(move |&v| (v, *team)));
        out.extend(all.take(room).map(|(v, team)| Candidate { course: *c, days: days.clone(), venue: v, trainers: team.clone() }));
    }
    out
}

/// The [`MAX_TEAMS`] cheapest teams of course `c` (at venue `v`), from its qualified trainers
/// ordered by day rate.
fn cheapest_teams(inst: &Instance, c: usize, v: usize) -> Vec<Vec<usize>> {
    let m = &inst.timetable;
    let course = &m.courses[c];
    let k = course.trainers_per_session;
    let mut trainers: Vec<usize> = course.qualified.iter().map(|r| r.index()).collect();
    trainers.sort_by(|&a, &b| m.trainers[a].day_rate.total_cmp(&m.trainers[b].day_rate).then(a.cmp(&b)));
    trainers.truncate(k + MAX_TEAMS);
    let mut teams = milp::combinations(&trainers, k);
    teams.sort_by(|a, b| m.session_cost(c, v, a).total_cmp(&m.session_cost(c, v, b)).then(a.cmp(b)));
    teams.truncate(MAX_TEAMS);
    teams
}

/// Solves one neighbourhood of `tt` within `budget`. None when it frees nothing or the model
/// fails; otherwise the whole plan after the step (the incumbent unless it improved).
pub fn step(inst: &Instance, tt: &Timetable, hood: Neighbourhood, budget: Budget) -> Option<Step> {
    let freed = free(inst, tt, hood);
    if freed.demands.is_empty() && freed.sessions.is_empty() {
        return None;
    }
    let fresh = new_candidates(inst, tt, &freed);
    let kept = kept_sessions(inst, tt, &freed, &fresh);
    // Candidates: the kept sessions (fixed open), the freed incumbent sessions, the new ones.
    let mut cands: Vec<Candidate> = kept.iter().map(|&i| Candidate::of(&tt.sessions[i])).collect();
    let fixed: Vec<usize> = (0..cands.len()).collect();
    let mut seen: BTreeSet<Candidate> = cands.iter().cloned().collect();
    for c in freed.sessions.iter().map(|&i| Candidate::of(&tt.sessions[i])).chain(fresh) {
        if seen.insert(c.clone()) {
            cands.push(c);
        }
    }
    let in_model: Vec<usize> = kept.iter().chain(&freed.sessions).copied().collect();
    let pairs = seats(inst, tt, &freed, &cands, &in_model);
    let warm = Timetable { sessions: in_model.iter().map(|&i| tt.sessions[i].clone()).collect() };
    let before = State::from_timetable(inst, tt).total();
    let r = milp::session_model(inst, (&cands, &pairs), Some(&warm), budget, &fixed, milp::Form::Plain).ok()?;
    let work = r.work;
    let outside = (0..tt.sessions.len()).filter(|i| !kept.contains(i) && !freed.sessions.contains(i)).map(|i| tt.sessions[i].clone());
    let merged: Vec<Session> = r.timetable.sessions.into_iter().chain(outside).collect();
    match settle(inst, &merged) {
        Some(st) if st.total() < before - EPS => Some(Step { total: st.total(), timetable: st.to_timetable(), improved: true, work }),
        _ => Some(Step { timetable: tt.clone(), total: before, improved: false, work }),
    }
}

/// The incumbent sessions outside the freed part that must enter the model: those of a freed
/// course (session limits, cadence), those sharing a trainer with a candidate (trainers'
/// days), those attended by a freed demand's participant or by someone of a freed
/// participant's unit (person-days, workload, unit caps), and every pinned session.
fn kept_sessions(inst: &Instance, tt: &Timetable, freed: &Freed, fresh: &[Candidate]) -> Vec<usize> {
    let m = &inst.timetable;
    let courses: BTreeSet<usize> = freed.starts.iter().map(|(c, _)| *c).collect();
    let mut trainers: BTreeSet<usize> = fresh.iter().flat_map(|c| c.trainers.iter().copied()).collect();
    trainers.extend(freed.sessions.iter().flat_map(|&i| tt.sessions[i].trainers.iter().map(|r| r.index())));
    let people: BTreeSet<usize> = freed.demands.iter().map(|&d| m.demands[d].participant.index()).collect();
    let units: BTreeSet<usize> = people.iter().map(|&p| inst.participants[p].unit.index()).collect();
    // People who are trainers of the freed part, and trainers who are freed participants.
    let persons: BTreeSet<usize> = trainers.iter().filter_map(|&r| m.trainers[r].person.map(|p| p.index())).collect();
    let person_trainers: BTreeSet<usize> = people.iter().filter_map(|&p| m.trainer_of[p].map(|r| r.index())).collect();
    (0..tt.sessions.len())
        .filter(|i| !freed.sessions.contains(i))
        .filter(|&i| {
            let s = &tt.sessions[i];
            courses.contains(&s.course.index())
                || s.trainers.iter().any(|r| trainers.contains(&r.index()) || person_trainers.contains(&r.index()))
                || s.attendees.iter().any(|d| {
                    let p = m.demands[*d].participant.index();
                    people.contains(&p) || persons.contains(&p) || units.contains(&inst.participants[p].unit.index())
                })
                || pinned(inst, s)
        })
        .collect()
}

/// The model's seats: each kept session's attendees in it, and each freed demand's compatible
/// seats (its nearest ones when there are too many) plus its seat in the incumbent.
fn seats(inst: &Instance, tt: &Timetable, freed: &Freed, cands: &[Candidate], in_model: &[usize]) -> Vec<(usize, usize)> {
    let m = &inst.timetable;
    let index: BTreeMap<&Candidate, usize> = cands.iter().enumerate().map(|(k, c)| (c, k)).collect();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &i in in_model {
        let k = index[&Candidate::of(&tt.sessions[i])];
        pairs.extend(tt.sessions[i].attendees.iter().map(|d| (d.index(), k)));
    }
    let mut servable = super::bound::servable(inst);
    for &d in &freed.demands {
        servable[d] = true;
    }
    let mut of_demand: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    for (k, cand) in cands.iter().enumerate() {
        for &d in freed.demands.iter().filter(|&&d| m.demands[d].course.index() == cand.course) {
            if milp::compatible(inst, &servable, d, cand) {
                let t = m.travel_cost(inst, m.demands[d].participant.index(), cand.venue, cand.days.len());
                of_demand.entry(d).or_default().push((t, k));
            }
        }
    }
    let keep = (MAX_FREED_PAIRS / of_demand.len().max(1)).max(2);
    for (d, mut list) in of_demand {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        pairs.extend(list.into_iter().take(keep).map(|(_, k)| (d, k)));
    }
    pairs.into_iter().collect()
}

/// A plan's sessions replayed through the state (every rule applied by the search's own code;
/// a seat that breaks one is dropped), with the pins marked. None when a pin is not realised.
fn settle<'a>(inst: &'a Instance, sessions: &[Session]) -> Option<State<'a>> {
    let mut st = State::new(inst);
    let mut seats: Vec<(usize, usize, usize)> = Vec::new();
    for s in sessions {
        let trainers: Vec<usize> = s.trainers.iter().map(|r| r.index()).collect();
        if st.can_place(s.course.index(), &s.days, s.venue.index(), &trainers) {
            let slot = st.open(s.course.index(), s.days.clone(), s.venue.index(), trainers);
            seats.extend(s.attendees.iter().map(|d| (s.days[0], slot, d.index())));
        }
    }
    let mut used = BTreeSet::new();
    for pin in &inst.pins.sessions {
        let slot = st.open_slots().into_iter().find(|&k| {
            let o = &st.slot(k).session;
            !used.contains(&k) && pin.admits(o.course, &o.days, o.venue, &o.trainers)
        })?;
        used.insert(slot);
        st.pin_slot(slot);
        for d in pin.demands.iter().flatten() {
            st.pinned_demand[d.index()] = true;
        }
    }
    seats.sort();
    for (_, slot, d) in seats {
        if st.attend_check(d, slot).is_ok() {
            st.add(d, slot);
        }
    }
    st.repair();
    Some(st)
}
