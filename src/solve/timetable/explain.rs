//! Why a demand is unserved, in programme terms: one reason code and a sentence per demand.
//!
//! Static reasons (deadline passed, no trainer, no venue, prerequisite, too few participants)
//! come first; otherwise the sessions that were planned are tried one by one and the rule that
//! keeps the participant out of each is reported.

use super::bound::servable;
use super::state::{Block, State};
use super::Timetable;
use crate::model::timetable::deadline_date;
use crate::model::{CourseId, Instance};
use crate::text::tr;
use std::collections::BTreeMap;

/// An unserved demand and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unserved {
    /// Demand index.
    pub demand: usize,
    /// Reason code (see `docs/timetable.md`).
    pub reason: &'static str,
    /// The reason in words.
    pub message: String,
}

/// Every reason code an explanation may give, with its meaning.
pub const REASONS: &[(&str, &str)] = &[
    ("phase_not_eligible", "the course is not for the participant's phase"),
    ("deadline_passed", "the course's deadline (months of employment) lies before the round or its first possible session"),
    ("starts_after_round", "the participant's employment starts after the round"),
    ("no_qualified_trainer", "too few trainers are qualified for the course"),
    ("no_venue", "no venue seats the course's minimum group"),
    ("prerequisite_missing", "a prerequisite is neither completed nor asked for"),
    ("unit_too_small", "the participant's unit is too small for anyone to be away"),
    ("unavailable", "the participant is unavailable for every possible session in the window"),
    ("too_few_participants", "fewer participants than the minimum group can take the course at all"),
    ("trainers_fully_booked", "no session was opened: the qualified trainers' days are used up"),
    ("no_session", "no session of the course could gather a minimum group on common free days"),
    ("too_far", "a session has a seat, but the travel would cost more than leaving the demand unserved"),
    ("sessions_full", "every session of the course the participant could attend is full"),
    ("outside_window", "every session lies outside the participant's window (employment start, deadline)"),
    ("clash_with_other_course", "every session clashes with another course of the participant"),
    ("workload_month", "every session would exceed the participant's course days for a month"),
    ("workload_round_days", "every session would exceed the participant's course days for the round"),
    ("workload_course_count", "the participant already has the most courses allowed in the round"),
    ("unit_absence_cap", "on every session's days too many colleagues of the unit are already away"),
    ("workload_term", "every session would exceed the participant's courses, course days or development areas for a term"),
    ("cadence", "no session lies in the participant's window and the course's start rules allow no further start in it"),
];

/// Stable session ids: course id and a two-digit number in the timetable's order.
pub fn session_ids(inst: &Instance, tt: &Timetable) -> Vec<String> {
    let mut count: BTreeMap<CourseId, usize> = BTreeMap::new();
    tt.sessions
        .iter()
        .map(|s| {
            let n = count.entry(s.course).or_default();
            *n += 1;
            format!("{}-{:02}", inst.timetable.courses[s.course].id, n)
        })
        .collect()
}

/// Explains every unserved demand of a timetable, in demand order.
pub fn explain_all(inst: &Instance, tt: &Timetable) -> Vec<Unserved> {
    let st = State::from_timetable(inst, tt);
    let ok = servable(inst);
    let ids = session_ids(inst, tt);
    let slot_id: BTreeMap<usize, String> = {
        // Slots are opened in timetable order, so slot i is session i.
        st.open_slots().into_iter().zip(ids).collect()
    };
    st.unserved().into_iter().map(|d| explain(&st, &ok, &slot_id, d)).collect()
}

fn explain(st: &State, ok: &[bool], slot_id: &BTreeMap<usize, String>, d: usize) -> Unserved {
    let inst = st.inst;
    let m = st.m;
    let dem = &m.demands[d];
    let c = &m.courses[dem.course];
    let part = &inst.participants[dem.participant];
    let out = |reason: &'static str, message: String| Unserved { demand: d, reason, message };
    let (course, participant) = (c.name.as_str(), part.name.as_str());
    if !dem.eligible {
        let phases = c.phases.iter().map(|&ph| inst.phases[ph].id.as_str()).collect::<Vec<_>>().join(", ");
        // The phase from the first day the participant could take the course (employment or
        // the round's start): people move up during the round, and someone employed after
        // reaching a later phase never has the phase they had when the round began.
        let from = part.employment_start.max(inst.calendar.start);
        let (n, phase) = (c.phases.len(), inst.phases[part.phase_on(&inst.phases, from)].id.as_str());
        let date = from.to_string();
        return out(
            "phase_not_eligible",
            tr!("why-phase-not-eligible", course = course, phases = phases, n = n, participant = participant, phase = phase, date = date),
        );
    }
    if dem.window.is_none() {
        if part.employment_start > inst.calendar.end {
            let message = tr!("why-starts-after-round", participant = part.name.as_str(), date = part.employment_start.to_string());
            return out("starts_after_round", message);
        }
        let by = c.deadline_months.map(|mo| (mo, deadline_date(part.employment_start, mo)));
        return match by {
            Some((months, date)) => {
                let (employed, date) = (part.employment_start.to_string(), date.to_string());
                out(
                    "deadline_passed",
                    tr!(
                        "why-deadline-passed",
                        course = course,
                        months = months,
                        participant = participant,
                        employed = employed,
                        date = date
                    ),
                )
            }
            None => out("no_session", tr!("why-no-working-day", participant = part.name.as_str())),
        };
    }
    let trainers = c.qualified.iter().filter(|&&r| m.trainers[r].max_days >= c.days).count();
    if trainers < c.trainers_per_session {
        return out(
            "no_qualified_trainer",
            tr!("why-no-qualified-trainer", course = c.name.as_str(), needed = c.trainers_per_session, trainers = trainers, days = c.days),
        );
    }
    if !m.venues.iter().any(|v| v.capacity.min(c.max_size) >= c.min_size) {
        return out("no_venue", tr!("why-no-venue", course = c.name.as_str(), min = c.min_size));
    }
    for &q in &c.prerequisites {
        if !m.completed.contains(&(dem.participant, q)) && !m.demands_of[dem.participant.index()].iter().any(|&e| m.demands[e].course == q)
        {
            return out(
                "prerequisite_missing",
                tr!(
                    "why-prerequisite-missing",
                    course = c.name.as_str(),
                    prerequisite = m.courses[q].name.as_str(),
                    participant = part.name.as_str()
                ),
            );
        }
    }
    if !super::bound::fits_month_cap(inst, dem.course.index()) {
        return out("workload_month", tr!("why-workload-month", course = c.name.as_str(), max = m.workload.max_days_per_month));
    }
    if m.workload.unit_cap[part.unit.index()] == 0 {
        return out(
            "unit_too_small",
            tr!(
                "why-unit-too-small",
                participant = part.name.as_str(),
                unit = inst.units[part.unit].name.as_str(),
                staff = inst.units[part.unit].headcount
            ),
        );
    }
    let (lo, hi) = dem.window.expect("checked above");
    if !ok[d] {
        let fits = m.starts[dem.course.index()].iter().any(|days| {
            days[0] >= lo && days[days.len() - 1] <= hi && days.iter().all(|&t| m.participant_free[dem.participant.index()][t])
        });
        if !fits {
            return out(
                "unavailable",
                tr!(
                    "why-unavailable",
                    participant = part.name.as_str(),
                    course = c.name.as_str(),
                    from = m.days[lo].to_string(),
                    to = m.days[hi].to_string()
                ),
            );
        }
        let n = ok.iter().enumerate().filter(|(e, f)| **f && m.demands[*e].course == dem.course).count();
        return out("too_few_participants", tr!("why-too-few-participants", n = n, course = c.name.as_str(), min = c.min_size));
    }
    let slots = st.slots_of_course(dem.course.index());
    if slots.is_empty() {
        if c.qualified.iter().filter(|&&r| st.trainer_days_left(r.index()) >= c.days).count() < c.trainers_per_session {
            return out("trainers_fully_booked", tr!("why-trainers-fully-booked", course = c.name.as_str()));
        }
        return out("no_session", tr!("why-no-session", course = c.name.as_str(), min = c.min_size));
    }
    let mut blocks: Vec<(Block, String)> = Vec::new();
    for &s in &slots {
        let id = slot_id.get(&s).cloned().unwrap_or_default();
        match st.attend_check(d, s) {
            Ok(()) => {
                let minutes = inst.travel(part.municipality, m.venues[st.slot(s).session.venue].municipality);
                return out("too_far", tr!("why-too-far", session = id.as_str(), minutes = format!("{minutes:.0}"), days = c.days));
            }
            Err(b) => blocks.push((b, id)),
        }
    }
    let cadence_blocks = c.cadence.is_set() && (lo..=hi).all(|t| !st.cadence_allows(dem.course.index(), t));
    if cadence_blocks && blocks.iter().all(|(b, _)| *b == Block::OutsideWindow) {
        return out("cadence", tr!("why-cadence", course = c.name.as_str(), from = m.days[lo].to_string(), to = m.days[hi].to_string()));
    }
    let mut count: BTreeMap<Block, usize> = BTreeMap::new();
    for (b, _) in &blocks {
        *count.entry(*b).or_default() += 1;
    }
    let main = count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|x| *x.0).unwrap_or(Block::Full);
    let detail = blocks.iter().map(|(b, id)| format!("{id}: {}", block_words(*b))).collect::<Vec<_>>().join("; ");
    out(main.name(), tr!("why-blocked", participant = part.name.as_str(), course = c.name.as_str(), detail = detail))
}

fn block_words(b: Block) -> String {
    match b {
        Block::Full => tr!("block-full"),
        Block::OutsideWindow => tr!("block-outside-window"),
        Block::Unavailable => tr!("block-unavailable"),
        Block::Clash => tr!("block-clash"),
        Block::MonthLimit => tr!("block-month-limit"),
        Block::RoundDaysLimit => tr!("block-round-days-limit"),
        Block::CourseCountLimit => tr!("block-course-count-limit"),
        Block::UnitCap => tr!("block-unit-cap"),
        Block::Prerequisite => tr!("block-prerequisite"),
        Block::TermLimit => tr!("block-term-limit"),
    }
}
