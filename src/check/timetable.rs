//! Checker rules for the course timetable: sessions, trainers, venues, attendance, workload,
//! unit absence, unserved demand and the timetable objective.
//!
//! Everything is derived again from the instance file: the demand (individual plans and phase
//! defaults), windows and deadlines, working days, unit caps. One function per rule.

mod cadence;
mod reasons;
mod roles;
mod terms;

use super::derive::{
    self, completed_courses, deadline, history_before, in_round, index_by_id, month_of, open_day, phase_admitted, unavailable_on, Closed,
    Region,
};
use super::{bound_beyond, violation, CheckCode, CheckReport, Violation};
use crate::format::plan::{PlanFile, SessionPlan, TimetablePlan};
use crate::format::{DayPattern, InstanceFile, Priority};
use crate::text::tr;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A demand as the checker derives it.
#[derive(Debug, Clone)]
struct Want {
    priority: Priority,
    /// Share of the round after the deadline (0 without a deadline): scales the urgency term.
    urgency: f64,
    /// First and last date the course may occupy; None when no working day is left.
    window: Option<(NaiveDate, NaiveDate)>,
    /// Whether the course's phases admit the participant on some working day of the window
    /// (of the round, when no working day is left).
    eligible: bool,
}

struct Ctx<'a> {
    f: &'a InstanceFile,
    participant: HashMap<&'a str, usize>,
    course: HashMap<&'a str, usize>,
    venue: HashMap<&'a str, usize>,
    trainer: HashMap<&'a str, usize>,
    region: Region<'a>,
    headcount: HashMap<&'a str, i64>,
    wants: BTreeMap<(usize, usize), Want>,
    /// For a re-planned round: its planning date. Sessions that started before it are history,
    /// and people who have left the round no longer appear in them, so they may have fallen
    /// below the course's minimum size.
    history_before: Option<NaiveDate>,
}

impl<'a> Ctx<'a> {
    fn participant_muni(&self, p: usize) -> usize {
        self.region.municipality_of(&self.f.participants[p].unit)
    }
}

/// The window of participant `p` for course `c`: from the employment start (or the round's
/// start) to the deadline (or the round's end), trimmed to working days.
fn window(ctx: &Ctx, p: usize, c: usize) -> Option<(NaiveDate, NaiveDate)> {
    let f = ctx.f;
    let part = &f.participants[p];
    let from = part.employment_start.max(f.round.start);
    let to = deadline(f, p, c).map_or(f.round.end, |last| f.round.end.min(last));
    let mut d = from;
    while d <= to {
        if open_day(ctx.f, d) {
            return Some((from, to));
        }
        d += Duration::days(1);
    }
    None
}

/// Whether the course `c` admits participant `p` on `day`: the phase on that day is one of the
/// course's (when it names any) and, for a phase default, at least the default's phase.
fn admitted(f: &InstanceFile, p: usize, c: usize, from_phase: Option<usize>, day: NaiveDate) -> bool {
    let Some(phase) = derive::phase_on(f, p, day) else { return true };
    from_phase.is_none_or(|least| phase >= least) && phase_admitted(&f.courses[c].phases, &f.phases[phase].id)
}

/// The window narrowed to the phase: from its first working day on which the participant is
/// admitted to the day before the next working day on which they are not. Also whether they are
/// admitted on any working day of the window (of the round without a window).
fn phase_window(
    f: &InstanceFile,
    (p, c): (usize, usize),
    from_phase: Option<usize>,
    window: Option<(NaiveDate, NaiveDate)>,
) -> (Option<(NaiveDate, NaiveDate)>, bool) {
    let ok = |d: NaiveDate| open_day(f, d) && admitted(f, p, c, from_phase, d);
    let Some((from, to)) = window else {
        let any = (0..=(f.round.end - f.round.start).num_days()).any(|k| ok(f.round.start + Duration::days(k)));
        return (None, any);
    };
    let days = || (0..=(to - from).num_days()).map(move |k| from + Duration::days(k));
    let Some(first) = days().find(|&d| ok(d)) else { return (None, false) };
    // Working days before `first` in the window are not admitted: the window starts there.
    let start = if days().take_while(|&d| d < first).any(|d| open_day(f, d)) { first } else { from };
    let end = days().filter(|&d| d > first && open_day(f, d)).find(|&d| !ok(d)).map_or(to, |d| d - Duration::days(1));
    (Some((start, end)), true)
}

/// Share of the round that lies after the participant's deadline for the course (0 without a
/// deadline), clamped to 0–1.
fn urgency(ctx: &Ctx, p: usize, c: usize) -> f64 {
    let f = ctx.f;
    let Some(deadline) = deadline(f, p, c) else {
        return 0.0;
    };
    let len = (f.round.end - f.round.start).num_days().max(1) as f64;
    ((f.round.end - deadline).num_days() as f64 / len).clamp(0.0, 1.0)
}

/// Derives the demand: individual plans, then phase defaults (not for completed courses, not
/// where the plan names the course, not for a role the course does not admit). A phase default
/// whose deadline passed before the round is a demand without a window: it must be listed.
fn derive_wants(ctx: &mut Ctx) {
    let f = ctx.f;
    let completed = completed_courses(f);
    let mut wants = BTreeMap::new();
    for d in &f.demand {
        if let (Some(&p), Some(&c)) = (ctx.participant.get(d.participant.as_str()), ctx.course.get(d.course.as_str())) {
            let (window, eligible) = phase_window(f, (p, c), None, window(ctx, p, c));
            wants.insert((p, c), Want { priority: d.priority, urgency: urgency(ctx, p, c), window, eligible });
        }
    }
    for p in 0..f.participants.len() {
        // The phases the participant holds from the round's start to its end, each bringing its
        // default courses from the day it is reached.
        let (first, last) = (derive::phase_on(f, p, f.round.start), derive::phase_on(f, p, f.round.end));
        for pd in &f.phase_demand {
            let Some(&c) = ctx.course.get(pd.course.as_str()) else {
                continue;
            };
            let Some(phase) = f.phases.iter().position(|ph| ph.id == pd.phase) else { continue };
            let held = first.zip(last).is_some_and(|(a, b)| a <= phase && phase <= b);
            if !held || wants.contains_key(&(p, c)) || completed.contains(&(f.participants[p].id.as_str(), pd.course.as_str())) {
                continue;
            }
            if !roles::role_admitted(f, p, c) || !roles::subregion_admitted(f, p, c) {
                continue;
            }
            let w = window(ctx, p, c);
            let (window, eligible) = phase_window(f, (p, c), Some(phase), w);
            wants.insert((p, c), Want { priority: pd.priority, urgency: urgency(ctx, p, c), window, eligible });
        }
    }
    ctx.wants = wants;
}

/// Unit absence cap: share × headcount rounded down, at least one, never the whole unit.
fn absence_cap(headcount: i64, share: f64) -> i64 {
    if headcount < 2 {
        0
    } else {
        ((share * headcount as f64 + 1e-9).floor() as i64).max(1).min(headcount - 1)
    }
}

/// Verifies the timetable section of a plan.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let mut ctx = Ctx {
        f,
        participant: index_by_id(&f.participants, |p| p.id.as_str()),
        course: index_by_id(&f.courses, |c| c.id.as_str()),
        venue: index_by_id(&f.venues, |v| v.id.as_str()),
        trainer: index_by_id(&f.trainers, |t| t.id.as_str()),
        region: Region::new(f),
        headcount: f.region.units.iter().map(|u| (u.id.as_str(), u.headcount)).collect(),
        wants: BTreeMap::new(),
        history_before: history_before(plan),
    };
    derive_wants(&mut ctx);
    let Some(tt) = &plan.timetable else {
        if !ctx.wants.is_empty() {
            report.violations.push(violation(CheckCode::UnservedUnexplained, tr!("check-timetable-missing", n = ctx.wants.len())));
        }
        return;
    };
    let v = &mut report.violations;
    let valid = references(&ctx, tt, v);
    for &(s, c, venue) in &valid {
        session_pattern(&ctx, s, c, v);
        session_days_open(&ctx, s, v);
        session_size(&ctx, s, c, venue, v);
        trainers_qualified(&ctx, s, c, v);
    }
    venue_conflicts(&ctx, &valid, v);
    trainer_conflicts(&ctx, &valid, v);
    max_sessions(&ctx, &valid, v);
    cadence::check(&ctx, &valid, v);
    let attended = attendance(&ctx, &valid, plan, v);
    workload(&ctx, &valid, v);
    terms::check(&ctx, &valid, v);
    unit_absence(&ctx, &valid, v);
    unserved_listed(&ctx, tt, (&valid, &attended), v);
    let total = objective(&ctx, tt, &valid, &attended, v);
    report.recomputed_timetable = Some(total);
}

/// Session ids are distinct and every session names a known course, venue, trainers and
/// participants. Returns the sessions with a known course and venue, with their positions.
fn references<'t>(ctx: &Ctx, tt: &'t TimetablePlan, v: &mut Vec<Violation>) -> Vec<(&'t SessionPlan, usize, usize)> {
    let mut ids = BTreeSet::new();
    let mut valid: Vec<(&SessionPlan, usize, usize)> = Vec::new();
    for s in &tt.sessions {
        if !ids.insert(s.id.as_str()) {
            v.push(violation(CheckCode::TimetableReference, tr!("check-session-id-twice", session = s.id.as_str())));
        }
        match (ctx.course.get(s.course.as_str()), ctx.venue.get(s.venue.as_str())) {
            (Some(&c), Some(&venue)) => valid.push((s, c, venue)),
            _ => v.push(violation(
                CheckCode::TimetableReference,
                tr!("check-session-unknown-course", session = s.id.as_str(), course = s.course.as_str(), venue = s.venue.as_str()),
            )),
        }
        for t in s.trainers.iter().filter(|t| !ctx.trainer.contains_key(t.as_str())) {
            v.push(violation(
                CheckCode::TimetableReference,
                tr!("check-session-unknown-trainer", session = s.id.as_str(), trainer = t.as_str()),
            ));
        }
        for a in s.attendees.iter().filter(|a| !ctx.participant.contains_key(a.as_str())) {
            v.push(violation(
                CheckCode::TimetableReference,
                tr!("check-session-unknown-participant", session = s.id.as_str(), id = a.as_str()),
            ));
        }
    }
    valid
}

/// The session has the course's number of days, laid out by its pattern.
fn session_pattern(ctx: &Ctx, s: &SessionPlan, c: usize, v: &mut Vec<Violation>) {
    let course = &ctx.f.courses[c];
    if s.dates.len() != course.days as usize {
        v.push(violation(
            CheckCode::SessionPattern,
            tr!("check-session-days", session = s.id.as_str(), n = s.dates.len(), course = course.id.as_str(), days = course.days),
        ));
        return;
    }
    for w in s.dates.windows(2) {
        let gap = (w[1] - w[0]).num_days();
        let between_closed = (1..gap).all(|k| !open_day(ctx.f, w[0] + Duration::days(k)));
        let ok = match course.pattern {
            DayPattern::Consecutive => (1..=5).contains(&gap) && between_closed,
            DayPattern::Weekly => gap == 7 || (gap == 14 && !open_day(ctx.f, w[0] + Duration::days(7))),
            DayPattern::Spread => gap >= i64::from(course.min_gap_days.max(1)),
        };
        if !ok {
            v.push(violation(
                CheckCode::SessionPattern,
                tr!(
                    "check-session-pattern",
                    session = s.id.as_str(),
                    first = w[0].to_string(),
                    second = w[1].to_string(),
                    pattern = format!("{:?}", course.pattern),
                    course = course.id.as_str()
                ),
            ));
        }
    }
}

/// Every session day is an open working day of the round.
fn session_days_open(ctx: &Ctx, s: &SessionPlan, v: &mut Vec<Violation>) {
    for &d in &s.dates {
        if !open_day(ctx.f, d) {
            let why = match derive::closed(ctx.f, d) {
                Some(Closed::Holiday(name)) => super::calendar::closed_text(name),
                _ if !in_round(ctx.f, d) => tr!("check-day-outside-round"),
                _ => tr!("check-day-closed"),
            };
            v.push(violation(
                CheckCode::SessionClosedDay,
                tr!("check-session-closed-day", session = s.id.as_str(), date = d.to_string(), why = why),
            ))
        }
    }
}

/// The group is within the course's sizes and the venue's seats.
fn session_size(ctx: &Ctx, s: &SessionPlan, c: usize, venue: usize, v: &mut Vec<Violation>) {
    let course = &ctx.f.courses[c];
    let n = s.attendees.len() as u32;
    let seats = course.max_size.min(ctx.f.venues[venue].capacity);
    let history = ctx.history_before.is_some_and(|t| s.dates.first().is_some_and(|d| *d < t));
    if (n < course.min_size && !history) || n > seats {
        v.push(violation(
            CheckCode::SessionSize,
            tr!(
                "check-session-size",
                session = s.id.as_str(),
                n = n,
                course = course.id.as_str(),
                min = course.min_size,
                max = course.max_size,
                venue = s.venue.as_str(),
                seats = ctx.f.venues[venue].capacity
            ),
        ));
    }
}

/// The session has the course's number of trainers, all qualified for it.
fn trainers_qualified(ctx: &Ctx, s: &SessionPlan, c: usize, v: &mut Vec<Violation>) {
    let course = &ctx.f.courses[c];
    if s.trainers.len() != course.trainers_per_session as usize || s.trainers.iter().collect::<BTreeSet<_>>().len() != s.trainers.len() {
        v.push(violation(
            CheckCode::TrainerNotQualified,
            tr!(
                "check-session-trainer-count",
                session = s.id.as_str(),
                trainers = format!("{:?}", s.trainers),
                course = course.id.as_str(),
                n = course.trainers_per_session
            ),
        ));
    }
    for t in &s.trainers {
        if let Some(&r) = ctx.trainer.get(t.as_str()) {
            if !ctx.f.trainers[r].courses.iter().any(|x| x == &course.id) {
                v.push(violation(
                    CheckCode::TrainerNotQualified,
                    tr!("check-trainer-unqualified", trainer = t.as_str(), session = s.id.as_str(), course = course.id.as_str()),
                ));
            }
        }
    }
}

/// A venue hosts at most one session a day and none on its unavailable dates.
fn venue_conflicts(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let mut booked: HashMap<(usize, NaiveDate), &str> = HashMap::new();
    for &(s, _, venue) in sessions {
        let unavailable = &ctx.f.venues[venue].unavailable;
        for &d in &s.dates {
            if let Some(other) = booked.insert((venue, d), &s.id) {
                v.push(violation(
                    CheckCode::VenueConflict,
                    tr!(
                        "check-venue-conflict",
                        venue = s.venue.as_str(),
                        other = other.to_string(),
                        session = s.id.as_str(),
                        date = d.to_string()
                    ),
                ));
            }
            if unavailable_on(unavailable, d) {
                v.push(violation(
                    CheckCode::VenueConflict,
                    tr!("check-venue-unavailable", venue = s.venue.as_str(), date = d.to_string(), session = s.id.as_str()),
                ));
            }
        }
    }
}

/// A trainer teaches at most one session a day, never when unavailable, and within the
/// maximum days.
fn trainer_conflicts(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let mut booked: HashMap<(usize, NaiveDate), &str> = HashMap::new();
    let mut days: BTreeMap<usize, u32> = BTreeMap::new();
    for &(s, _, _) in sessions {
        for t in &s.trainers {
            let Some(&r) = ctx.trainer.get(t.as_str()) else {
                continue;
            };
            let unavailable = &ctx.f.trainers[r].unavailable;
            for &d in &s.dates {
                if let Some(other) = booked.insert((r, d), &s.id) {
                    v.push(violation(
                        CheckCode::TrainerConflict,
                        tr!(
                            "check-trainer-conflict",
                            trainer = t.as_str(),
                            other = other.to_string(),
                            session = s.id.as_str(),
                            date = d.to_string()
                        ),
                    ));
                }
                if unavailable_on(unavailable, d) {
                    v.push(violation(
                        CheckCode::TrainerConflict,
                        tr!("check-trainer-unavailable", trainer = t.as_str(), date = d.to_string(), session = s.id.as_str()),
                    ));
                }
            }
            *days.entry(r).or_default() += s.dates.len() as u32;
        }
    }
    for (r, n) in days {
        if n > ctx.f.trainers[r].max_days {
            v.push(violation(
                CheckCode::TrainerConflict,
                tr!("check-trainer-max-days", trainer = ctx.f.trainers[r].id.as_str(), n = n, max = ctx.f.trainers[r].max_days),
            ));
        }
    }
}

/// A course runs at most its maximum number of sessions.
fn max_sessions(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let mut n: BTreeMap<usize, u32> = BTreeMap::new();
    for &(_, c, _) in sessions {
        *n.entry(c).or_default() += 1;
    }
    for (c, k) in n {
        if let Some(mx) = ctx.f.courses[c].max_sessions {
            if k > mx {
                v.push(violation(
                    CheckCode::MaxSessions,
                    tr!("check-course-max-sessions", course = ctx.f.courses[c].id.as_str(), n = k, max = mx),
                ));
            }
        }
    }
}

/// Attendance rules, attendee by attendee in session order: phase and demand (C057), window
/// (C061), once per course (C057), then day by day availability (C058) and double booking
/// (C059); after that mentor meetings on course days (C059) and prerequisites (C060).
/// Returns (participant, course) → session index.
fn attendance(
    ctx: &Ctx,
    sessions: &[(&SessionPlan, usize, usize)],
    plan: &PlanFile,
    v: &mut Vec<Violation>,
) -> BTreeMap<(usize, usize), usize> {
    let mut attended: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut day_of: HashMap<(usize, NaiveDate), &str> = HashMap::new();
    for (i, &(s, c, _)) in sessions.iter().enumerate() {
        for a in &s.attendees {
            let Some(&p) = ctx.participant.get(a.as_str()) else {
                continue;
            };
            v.extend(attendee_phase(ctx, s, c, a, p));
            v.extend(roles::attendee_role(ctx, s, c, a, p));
            v.extend(roles::attendee_subregion(ctx, s, c, a, p));
            v.extend(attendee_not_demanded(ctx, s, c, a, p));
            v.extend(attendee_outside_window(ctx, s, c, a, p));
            v.extend(attendee_twice(sessions, i, (p, c), a, &mut attended));
            for &d in &s.dates {
                v.extend(attendee_unavailable(ctx, s, a, p, d));
                v.extend(attendee_double_booked(s, a, p, d, &mut day_of));
            }
        }
    }
    mentor_meeting_on_course_day(sessions, plan, v);
    teaches_and_attends(sessions, v);
    prerequisites(ctx, sessions, &attended, v);
    attended
}

/// C057: the attendee is in one of the course's phases (when it names any) on every day of the
/// session: the phase on the day, not at the round's start.
fn attendee_phase(ctx: &Ctx, s: &SessionPlan, c: usize, a: &str, p: usize) -> Option<Violation> {
    let phases = &ctx.f.courses[c].phases;
    s.dates.iter().find_map(|&d| {
        let phase = derive::phase_on(ctx.f, p, d).map_or("", |i| ctx.f.phases[i].id.as_str());
        (!phase_admitted(phases, phase)).then(|| {
            violation(
                CheckCode::AttendeeNotDemanded,
                tr!(
                    "check-attendee-phase",
                    id = a,
                    session = s.id.as_str(),
                    phase = phase,
                    date = d.to_string(),
                    phases = format!("{phases:?}")
                ),
            )
        })
    })
}

/// C057: the attendee asked for the course.
fn attendee_not_demanded(ctx: &Ctx, s: &SessionPlan, c: usize, a: &str, p: usize) -> Option<Violation> {
    (!ctx.wants.contains_key(&(p, c))).then(|| {
        violation(
            CheckCode::AttendeeNotDemanded,
            tr!("check-attendee-not-demanded", id = a, session = s.id.as_str(), course = s.course.as_str()),
        )
    })
}

/// C061: a demanded course is attended inside the window from employment start to deadline.
fn attendee_outside_window(ctx: &Ctx, s: &SessionPlan, c: usize, a: &str, p: usize) -> Option<Violation> {
    let w = ctx.wants.get(&(p, c))?;
    let inside = w.window.is_some_and(|(from, to)| s.dates.first().is_some_and(|d| *d >= from) && s.dates.last().is_some_and(|d| *d <= to));
    (!inside).then(|| {
        violation(
            CheckCode::Deadline,
            tr!(
                "check-attendee-window",
                id = a,
                session = s.id.as_str(),
                start = ctx.f.participants[p].employment_start.to_string(),
                course = s.course.as_str()
            ),
        )
    })
}

/// C057: the attendee takes the course once; records session `i` as theirs for it.
fn attendee_twice(
    sessions: &[(&SessionPlan, usize, usize)],
    i: usize,
    key: (usize, usize),
    a: &str,
    attended: &mut BTreeMap<(usize, usize), usize>,
) -> Option<Violation> {
    let prev = attended.insert(key, i)?;
    let s = sessions[i].0;
    Some(violation(
        CheckCode::AttendeeNotDemanded,
        tr!("check-attendee-twice", id = a, course = s.course.as_str(), first = sessions[prev].0.id.as_str(), second = s.id.as_str()),
    ))
}

/// C058: the attendee is available on the session day.
fn attendee_unavailable(ctx: &Ctx, s: &SessionPlan, a: &str, p: usize, d: NaiveDate) -> Option<Violation> {
    unavailable_on(&ctx.f.participants[p].unavailable, d).then(|| {
        violation(CheckCode::AttendeeUnavailable, tr!("check-attendee-unavailable", id = a, date = d.to_string(), session = s.id.as_str()))
    })
}

/// C059: the attendee has one session a day at most (`day_of` holds the days seen so far).
fn attendee_double_booked<'s>(
    s: &'s SessionPlan,
    a: &str,
    p: usize,
    d: NaiveDate,
    day_of: &mut HashMap<(usize, NaiveDate), &'s str>,
) -> Option<Violation> {
    let other = day_of.insert((p, d), &s.id)?;
    Some(violation(
        CheckCode::PersonDoubleBooked,
        tr!("check-attendee-double-booked", id = a, other = other.to_string(), session = s.id.as_str(), date = d.to_string()),
    ))
}

/// C059: mentor meetings never fall on a course day of the mentee, the mentor or a trainer.
fn mentor_meeting_on_course_day(sessions: &[(&SessionPlan, usize, usize)], plan: &PlanFile, v: &mut Vec<Violation>) {
    let mut course_days: HashMap<(&str, NaiveDate), &str> = HashMap::new();
    for &(s, _, _) in sessions {
        for who in s.attendees.iter().chain(&s.trainers) {
            for &d in &s.dates {
                course_days.insert((who.as_str(), d), &s.id);
            }
        }
    }
    for pair in &plan.mentorship.pairs {
        for &d in &pair.meetings {
            for who in [&pair.mentor, &pair.mentee] {
                if let Some(s) = course_days.get(&(who.as_str(), d)) {
                    v.push(violation(
                        CheckCode::PersonDoubleBooked,
                        tr!("check-mentor-meeting-and-session", who = who.to_string(), session = s.to_string(), date = d.to_string()),
                    ));
                }
            }
        }
    }
}

/// C088: a trainer who is also a participant (the same id in both lists) never teaches on a day
/// they attend a session, nor attends the session they teach.
fn teaches_and_attends(sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let mut attends: HashMap<(&str, NaiveDate), &str> = HashMap::new();
    for &(s, _, _) in sessions {
        for a in &s.attendees {
            for &d in &s.dates {
                attends.insert((a.as_str(), d), &s.id);
            }
        }
    }
    for &(s, _, _) in sessions {
        for t in &s.trainers {
            for &d in &s.dates {
                if let Some(other) = attends.get(&(t.as_str(), d)) {
                    v.push(violation(
                        CheckCode::TeachesAndAttends,
                        tr!(
                            "check-teaches-and-attends",
                            who = t.as_str(),
                            session = s.id.as_str(),
                            other = other.to_string(),
                            date = d.to_string()
                        ),
                    ));
                }
            }
        }
    }
}

/// C060: prerequisites are completed before the round, or attended in a session that ends first.
fn prerequisites(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], attended: &BTreeMap<(usize, usize), usize>, v: &mut Vec<Violation>) {
    let f = ctx.f;
    let completed = completed_courses(f);
    for (&(p, c), &i) in attended {
        let start = sessions[i].0.dates.first().copied().unwrap_or(NaiveDate::MIN);
        for q in &f.courses[c].prerequisites {
            let Some(&qi) = ctx.course.get(q.as_str()) else {
                continue;
            };
            let done = completed.contains(&(f.participants[p].id.as_str(), q.as_str()))
                || attended.get(&(p, qi)).is_some_and(|&j| sessions[j].0.dates.last().is_some_and(|&e| e < start));
            if !done {
                v.push(violation(
                    CheckCode::Prerequisite,
                    tr!(
                        "check-prerequisite",
                        id = f.participants[p].id.as_str(),
                        session = sessions[i].0.id.as_str(),
                        prerequisite = q.as_str()
                    ),
                ));
            }
        }
    }
}

/// Workload: course days per month and per round, courses per round.
fn workload(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let w = &ctx.f.workload;
    let mut month: BTreeMap<(usize, i32, u32), u32> = BTreeMap::new();
    let mut round: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
    for &(s, _, _) in sessions {
        for a in &s.attendees {
            let Some(&p) = ctx.participant.get(a.as_str()) else {
                continue;
            };
            for &d in &s.dates {
                let (y, mo) = month_of(d);
                *month.entry((p, y, mo)).or_default() += 1;
            }
            let e = round.entry(p).or_default();
            e.0 += s.dates.len() as u32;
            e.1 += 1;
        }
    }
    for ((p, y, mo), n) in month {
        if n > w.max_course_days_per_month {
            v.push(violation(
                CheckCode::Workload,
                tr!(
                    "check-workload-month",
                    id = ctx.f.participants[p].id.as_str(),
                    n = n,
                    month = format!("{y}-{mo:02}"),
                    max = w.max_course_days_per_month
                ),
            ));
        }
    }
    for (p, (days, courses)) in round {
        if days > w.max_course_days_per_round || w.max_courses_per_round.is_some_and(|mx| courses > mx) {
            v.push(violation(
                CheckCode::Workload,
                tr!(
                    "check-workload-round",
                    id = ctx.f.participants[p].id.as_str(),
                    days = days,
                    courses = courses,
                    max_days = w.max_course_days_per_round,
                    max_courses = w.max_courses_per_round.map_or(tr!("check-no-limit"), |x| x.to_string())
                ),
            ));
        }
    }
}

/// On every day, a unit has at most its cap of people away on course, and someone stays.
fn unit_absence(ctx: &Ctx, sessions: &[(&SessionPlan, usize, usize)], v: &mut Vec<Violation>) {
    let mut away: BTreeMap<(&str, NaiveDate), i64> = BTreeMap::new();
    for &(s, _, _) in sessions {
        for a in &s.attendees {
            let Some(&p) = ctx.participant.get(a.as_str()) else {
                continue;
            };
            for &d in &s.dates {
                *away.entry((ctx.f.participants[p].unit.as_str(), d)).or_default() += 1;
            }
        }
    }
    for ((unit, d), n) in away {
        let cap = absence_cap(ctx.headcount.get(unit).copied().unwrap_or(0), ctx.f.workload.unit_absence_share);
        if n > cap {
            v.push(violation(CheckCode::UnitAbsence, tr!("check-unit-absence", n = n, unit = unit, date = d.to_string(), cap = cap)));
        }
    }
}

/// Every unserved demand is listed once, nothing served or undemanded is listed, and every
/// reason holds (see [`reasons`]).
fn unserved_listed(
    ctx: &Ctx,
    tt: &TimetablePlan,
    (sessions, attended): (&reasons::Sessions, &BTreeMap<(usize, usize), usize>),
    v: &mut Vec<Violation>,
) {
    let mut listed: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for u in &tt.unserved {
        let (Some(&p), Some(&c)) = (ctx.participant.get(u.participant.as_str()), ctx.course.get(u.course.as_str())) else {
            v.push(violation(
                CheckCode::UnservedUnexplained,
                tr!("check-unserved-unknown", id = u.participant.as_str(), course = u.course.as_str()),
            ));
            continue;
        };
        *listed.entry((p, c)).or_default() += 1;
        match ctx.wants.get(&(p, c)) {
            None => v.push(violation(
                CheckCode::UnservedUnexplained,
                tr!("check-unserved-not-asked", id = u.participant.as_str(), course = u.course.as_str()),
            )),
            Some(w) => {
                if let Some(why) = reasons::reason_fails(ctx, sessions, attended, (p, c), &u.reason) {
                    v.push(violation(
                        CheckCode::UnservedUnexplained,
                        tr!(
                            "check-unserved-reason",
                            id = u.participant.as_str(),
                            course = u.course.as_str(),
                            reason = u.reason.as_str(),
                            why = why
                        ),
                    ));
                }
                if u.priority != w.priority {
                    v.push(violation(
                        CheckCode::UnservedUnexplained,
                        tr!(
                            "check-unserved-priority",
                            id = u.participant.as_str(),
                            course = u.course.as_str(),
                            listed = format!("{:?}", u.priority),
                            priority = format!("{:?}", w.priority)
                        ),
                    ));
                }
            }
        }
        if attended.contains_key(&(p, c)) {
            v.push(violation(
                CheckCode::UnservedUnexplained,
                tr!("check-unserved-attends", id = u.participant.as_str(), course = u.course.as_str()),
            ));
        }
    }
    for (&(p, c), _) in ctx.wants.iter().filter(|(k, _)| !attended.contains_key(k)) {
        match listed.get(&(p, c)) {
            None => v.push(violation(
                CheckCode::UnservedUnexplained,
                tr!("check-unserved-missing", id = ctx.f.participants[p].id.as_str(), course = ctx.f.courses[c].id.as_str()),
            )),
            Some(&n) if n > 1 => v.push(violation(
                CheckCode::UnservedUnexplained,
                tr!("check-unserved-times", id = ctx.f.participants[p].id.as_str(), course = ctx.f.courses[c].id.as_str(), n = n),
            )),
            _ => {}
        }
    }
}

/// Recomputes the timetable objective and compares it term by term with the plan's.
fn objective(
    ctx: &Ctx,
    tt: &TimetablePlan,
    sessions: &[(&SessionPlan, usize, usize)],
    attended: &BTreeMap<(usize, usize), usize>,
    v: &mut Vec<Violation>,
) -> f64 {
    let f = ctx.f;
    let w = &f.weights.timetable;
    let venue_muni: Vec<usize> =
        f.venues.iter().map(|x| ctx.region.municipality.get(x.municipality.as_str()).copied().unwrap_or(0)).collect();
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    for p in ["high", "normal", "low"] {
        terms.insert(format!("unserved_{p}"), 0.0);
    }
    let mut coverage: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (key, want) in &ctx.wants {
        let (base, name) = match want.priority {
            Priority::High => (w.unserved_high, "high"),
            Priority::Normal => (w.unserved_normal, "normal"),
            Priority::Low => (w.unserved_low, "low"),
        };
        let penalty = base + w.deadline_urgency * want.urgency;
        let e = coverage.entry(name.to_string()).or_default();
        e.0 += 1;
        if attended.contains_key(key) {
            e.1 += 1;
        } else {
            *terms.entry(format!("unserved_{name}")).or_default() += penalty;
        }
    }
    let (mut travel_sum, mut cost, mut mixing) = (0.0, 0.0, 0.0);
    for &(s, c, venue) in sessions {
        let course = &f.courses[c];
        let rates: f64 = s.trainers.iter().filter_map(|t| ctx.trainer.get(t.as_str())).map(|&r| f.trainers[r].day_rate).sum();
        cost += w.cost_per_sek * ((f.venues[venue].day_rate + rates + course.day_cost) * s.dates.len() as f64 + course.fixed_cost);
        let mut per_muni: BTreeMap<usize, usize> = BTreeMap::new();
        for a in &s.attendees {
            let Some(&p) = ctx.participant.get(a.as_str()) else {
                continue;
            };
            let muni = ctx.participant_muni(p);
            travel_sum += w.travel_per_minute * 2.0 * ctx.region.travel(muni, venue_muni[venue]) * s.dates.len() as f64;
            *per_muni.entry(muni).or_default() += 1;
        }
        mixing += w.mixing * per_muni.values().copied().max().unwrap_or(0) as f64;
    }
    terms.insert("travel".into(), travel_sum);
    terms.insert("session_cost".into(), cost);
    terms.insert("mixing".into(), mixing);
    let total: f64 = terms.values().sum();
    let tol = 1e-6 * total.abs().max(1.0) + 0.01;
    for (name, value) in &terms {
        let reported = tt.objective.terms.get(name).copied().unwrap_or(0.0);
        if (reported - value).abs() > tol {
            v.push(violation(
                CheckCode::TimetableObjective,
                tr!("check-timetable-term", term = name.as_str(), reported = format!("{reported:.3}"), recomputed = format!("{value:.3}")),
            ));
        }
    }
    v.extend(bound_beyond(&tr!("check-of-timetable"), tt.status.bound, total, tol, false));
    if (tt.objective.total - total).abs() > tol {
        v.push(violation(
            CheckCode::TimetableObjective,
            tr!("check-timetable-objective", reported = format!("{:.3}", tt.objective.total), recomputed = format!("{total:.3}")),
        ));
    }
    for (name, (demanded, served)) in &coverage {
        let reported = tt.objective.coverage.get(name).map(|c| (c.demanded, c.served));
        if reported != Some((*demanded, *served)) {
            v.push(violation(
                CheckCode::TimetableObjective,
                tr!(
                    "check-timetable-coverage",
                    priority = name.as_str(),
                    reported = format!("{reported:?}"),
                    recomputed = format!("({demanded}, {served})")
                ),
            ));
        }
    }
    total
}
