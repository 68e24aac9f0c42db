//! C064: the reason an unserved demand is listed with holds, derived from the instance and the
//! plan alone.
//!
//! Reasons that rule the demand out before any session is planned (phase, deadline, trainers,
//! venues, prerequisites, the unit, availability, too few participants, no session) are derived
//! from the instance and the sessions of the course. A reason that names the rule keeping the
//! participant out of the sessions that were planned is the most common one over those sessions,
//! so it holds when it keeps them out of at least one session of the course.

use super::{absence_cap, Ctx};
use crate::check::derive::{completed_courses, month_of, open_day, unavailable_on};
use crate::format::plan::SessionPlan;
use crate::format::DayPattern;
use crate::text::tr;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// The sessions of a plan with their course and venue positions.
pub(super) type Sessions<'t> = [(&'t SessionPlan, usize, usize)];

/// Why the reason `reason` of participant `p`'s unserved demand for course `c` does not hold;
/// None when it holds. The demand is one the checker derived (`ctx.wants`).
pub(super) fn reason_fails(
    ctx: &Ctx,
    sessions: &Sessions,
    attended: &BTreeMap<(usize, usize), usize>,
    (p, c): (usize, usize),
    reason: &str,
) -> Option<String> {
    let f = ctx.f;
    let (course, part) = (&f.courses[c], &f.participants[p]);
    let window = ctx.wants.get(&(p, c)).and_then(|w| w.window);
    let of_course: Vec<&SessionPlan> = sessions.iter().filter(|x| x.1 == c).map(|x| x.0).collect();
    let mine: Vec<&SessionPlan> = attended.iter().filter(|((q, _), _)| *q == p).map(|(_, &i)| sessions[i].0).collect();
    let holds = match reason {
        "phase_not_eligible" => ctx.wants.get(&(p, c)).is_some_and(|w| !w.eligible),
        "starts_after_round" => part.employment_start > f.round.end,
        "deadline_passed" => window.is_none() && course.deadline_months.is_some() && part.employment_start <= f.round.end,
        "no_qualified_trainer" => qualified_trainers(ctx, c, &BTreeMap::new()) < course.trainers_per_session as usize,
        "no_venue" => !f.venues.iter().any(|v| v.capacity.min(course.max_size) >= course.min_size),
        "prerequisite_missing" => {
            let completed = completed_courses(f);
            course.prerequisites.iter().any(|q| !completed.contains(&(part.id.as_str(), q.as_str())))
        }
        "unit_too_small" => absence_cap(ctx.headcount.get(part.unit.as_str()).copied().unwrap_or(0), f.workload.unit_absence_share) == 0,
        "unavailable" => {
            let busy = blocked_days(ctx, p);
            let in_window = window.is_some_and(|(from, to)| days_between(from, to).any(|d| open_day(f, d) && busy.contains(&d)));
            in_window || window_too_short(ctx, c, window) || of_course.iter().any(|s| s.dates.iter().any(|d| busy.contains(d)))
        }
        "too_few_participants" => of_course.iter().all(|s| s.attendees.len() < course.min_size as usize),
        "trainers_fully_booked" => {
            of_course.is_empty() && qualified_trainers(ctx, c, &days_taught(ctx, sessions)) < course.trainers_per_session as usize
        }
        "no_session" => of_course.is_empty() || window.is_none(),
        "too_far" => of_course.iter().any(|s| s.attendees.len() < seats(ctx, s, c)),
        "sessions_full" => of_course.iter().any(|s| s.attendees.len() >= seats(ctx, s, c)),
        "outside_window" => of_course.iter().any(|s| !inside(window, s)),
        "clash_with_other_course" => {
            of_course.iter().any(|s| s.dates.iter().any(|d| mine.iter().any(|o| o.id != s.id && o.dates.contains(d))))
        }
        "workload_month" => course.days > f.workload.max_course_days_per_month || of_course.iter().any(|s| over_month(ctx, &mine, s)),
        "workload_round_days" => {
            let days: usize = mine.iter().map(|o| o.dates.len()).sum();
            of_course.iter().any(|s| days + s.dates.len() > f.workload.max_course_days_per_round as usize)
        }
        "workload_term" => of_course.iter().any(|s| super::terms::over_term(ctx, &mine, s)),
        "cadence" => {
            let starts = super::cadence::starts(sessions, c);
            let blocked = window.is_some_and(|(from, to)| {
                days_between(from, to).filter(|&d| open_day(f, d)).all(|d| super::cadence::blocks_start(ctx, c, &starts, d))
            });
            blocked && !of_course.iter().any(|s| inside(window, s))
        }
        "workload_course_count" => f.workload.max_courses_per_round.is_some_and(|mx| mine.len() >= mx as usize),
        "unit_absence_cap" => {
            let cap = absence_cap(ctx.headcount.get(part.unit.as_str()).copied().unwrap_or(0), f.workload.unit_absence_share);
            let away = unit_away(ctx, sessions, &part.unit);
            of_course.iter().any(|s| s.dates.iter().any(|d| away.get(d).copied().unwrap_or(0) >= cap))
        }
        other => return Some(tr!("check-reason-unknown", code = other)),
    };
    (!holds).then(|| tr!("check-reason-does-not-hold", reason = reason, id = part.id.as_str(), course = course.id.as_str()))
}

/// Whether no layout of course `c` fits in the window at all, whoever attends: it has fewer open
/// days than the course, or spans fewer days than the course's day pattern needs.
fn window_too_short(ctx: &Ctx, c: usize, window: Option<(NaiveDate, NaiveDate)>) -> bool {
    let Some((from, to)) = window else { return true };
    let course = &ctx.f.courses[c];
    let days = i64::from(course.days);
    let open = days_between(from, to).filter(|&d| open_day(ctx.f, d)).count() as i64;
    let step = match course.pattern {
        DayPattern::Consecutive => 1,
        DayPattern::Weekly => 7,
        DayPattern::Spread => i64::from(course.min_gap_days.max(1)),
    };
    open < days || (to - from).num_days() < step * (days - 1)
}

/// Days from `from` to `to`, inclusive.
fn days_between(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    (0..=(to - from).num_days()).map(move |k| from + Duration::days(k))
}

/// The days participant `p` cannot be on course: their unavailable dates, and the dates of
/// their pinned mentor and group meetings.
fn blocked_days(ctx: &Ctx, p: usize) -> BTreeSet<NaiveDate> {
    let f = ctx.f;
    let id = f.participants[p].id.as_str();
    let mut days: BTreeSet<NaiveDate> =
        days_between(f.round.start, f.round.end).filter(|&d| unavailable_on(&f.participants[p].unavailable, d)).collect();
    days.extend(f.mentorship.fixed_pairs.iter().filter(|fp| fp.mentee == id).flat_map(|fp| fp.meetings.iter().copied()));
    let groups = f.group_programmes.iter().flat_map(|g| &g.fixed_groups);
    days.extend(groups.filter(|g| g.members.iter().any(|m| m == id)).flat_map(|g| g.meetings.iter().copied()));
    days
}

/// Trainers qualified for course `c` with the course's days left to teach, `taught` days used.
fn qualified_trainers(ctx: &Ctx, c: usize, taught: &BTreeMap<usize, u32>) -> usize {
    let course = &ctx.f.courses[c];
    let qualified = ctx.f.trainers.iter().enumerate().filter(|(_, t)| t.courses.contains(&course.id));
    qualified.filter(|(r, t)| t.max_days.saturating_sub(taught.get(r).copied().unwrap_or(0)) >= course.days).count()
}

/// The days each trainer teaches in the plan.
fn days_taught(ctx: &Ctx, sessions: &Sessions) -> BTreeMap<usize, u32> {
    let mut taught: BTreeMap<usize, u32> = BTreeMap::new();
    for (s, _, _) in sessions {
        for &r in s.trainers.iter().filter_map(|t| ctx.trainer.get(t.as_str())) {
            *taught.entry(r).or_default() += s.dates.len() as u32;
        }
    }
    taught
}

/// The seats of a session: the course's largest group, at most the venue's capacity.
fn seats(ctx: &Ctx, s: &SessionPlan, c: usize) -> usize {
    let venue = ctx.venue.get(s.venue.as_str()).map_or(0, |&v| ctx.f.venues[v].capacity);
    ctx.f.courses[c].max_size.min(venue) as usize
}

/// Whether the session lies inside the window (false without a window).
fn inside(window: Option<(NaiveDate, NaiveDate)>, s: &SessionPlan) -> bool {
    window.is_some_and(|(from, to)| s.dates.first().is_some_and(|d| *d >= from) && s.dates.last().is_some_and(|d| *d <= to))
}

/// Whether joining session `s` would give the participant (attending `mine`) more course days
/// in a month than allowed.
fn over_month(ctx: &Ctx, mine: &[&SessionPlan], s: &SessionPlan) -> bool {
    let mut month: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for d in mine.iter().flat_map(|o| &o.dates).chain(&s.dates) {
        *month.entry(month_of(*d)).or_default() += 1;
    }
    month.values().any(|&n| n > ctx.f.workload.max_course_days_per_month)
}

/// How many people of `unit` are on course on each day of the plan.
fn unit_away(ctx: &Ctx, sessions: &Sessions, unit: &str) -> BTreeMap<NaiveDate, i64> {
    let mut away: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (s, _, _) in sessions {
        let n = s.attendees.iter().filter(|a| ctx.participant.get(a.as_str()).is_some_and(|&q| ctx.f.participants[q].unit == unit)).count();
        for &d in &s.dates {
            *away.entry(d).or_default() += n as i64;
        }
    }
    away
}
