//! C067 and C068: a course's start dates follow its cadence — the starts per year of the round
//! and the calendar days between consecutive starts — derived from the instance and the plan
//! alone. Sessions of a course starting on the same date are one start.

use super::reasons::Sessions;
use super::Ctx;
use crate::check::{violation, CheckCode, Violation};
use crate::format::{CourseSpec, InstanceFile};
use crate::text::tr;
use chrono::{Duration, Months, NaiveDate};
use std::collections::BTreeSet;

/// A year of the round: a 12-month window from the round's start, cut at its end, with the
/// share of the full window it covers.
struct Year {
    start: NaiveDate,
    end: NaiveDate,
    share: f64,
}

/// The years of the round.
fn years(f: &InstanceFile) -> Vec<Year> {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(start) = f.round.start.checked_add_months(Months::new(12 * k)).filter(|s| *s <= f.round.end) {
        let next = f.round.start.checked_add_months(Months::new(12 * (k + 1))).unwrap_or(NaiveDate::MAX);
        let end = f.round.end.min(next - Duration::days(1));
        let share = ((end - start).num_days() + 1) as f64 / (next - start).num_days() as f64;
        out.push(Year { start, end, share });
        k += 1;
    }
    out
}

/// The fewest and most starts of the course in a year with `share` of a full year: the per-year
/// numbers times the share, the fewest rounded down and the most up.
fn limits(course: &CourseSpec, share: f64) -> (u64, u64) {
    let lo = course.min_starts_per_year.map_or(0, |n| (f64::from(n) * share + 1e-9).floor() as u64);
    let hi = course.max_starts_per_year.map_or(u64::MAX, |n| (f64::from(n) * share - 1e-9).ceil() as u64);
    (lo, hi)
}

/// Whether the course has a cadence rule.
fn has_cadence(course: &CourseSpec) -> bool {
    course.min_starts_per_year.is_some()
        || course.max_starts_per_year.is_some()
        || course.min_days_between_starts.is_some()
        || course.max_days_between_starts.is_some()
}

/// The start dates of course `c` in the plan.
pub(super) fn starts(sessions: &Sessions, c: usize) -> BTreeSet<NaiveDate> {
    sessions.iter().filter(|x| x.1 == c).filter_map(|x| x.0.dates.first().copied()).collect()
}

/// C067 (starts per year) and C068 (days between starts) for every course with a cadence.
pub(super) fn check(ctx: &Ctx, sessions: &Sessions, v: &mut Vec<Violation>) {
    let years = years(ctx.f);
    for (c, course) in ctx.f.courses.iter().enumerate().filter(|(_, course)| has_cadence(course)) {
        let starts = starts(sessions, c);
        for y in &years {
            let n = starts.range(y.start..=y.end).count() as u64;
            let (lo, hi) = limits(course, y.share);
            if n < lo || n > hi {
                v.push(violation(
                    CheckCode::CourseStartsPerYear,
                    tr!(
                        "check-course-starts-per-year",
                        course = course.id.as_str(),
                        n = n,
                        from = y.start.to_string(),
                        to = y.end.to_string(),
                        min = lo,
                        max = if hi == u64::MAX { tr!("check-any-number") } else { hi.to_string() }
                    ),
                ));
            }
        }
        let list: Vec<NaiveDate> = starts.into_iter().collect();
        for w in list.windows(2) {
            let gap = (w[1] - w[0]).num_days();
            let short = course.min_days_between_starts.is_some_and(|g| gap < i64::from(g));
            let long = course.max_days_between_starts.is_some_and(|g| gap > i64::from(g));
            if short || long {
                v.push(violation(
                    CheckCode::CourseStartGap,
                    tr!(
                        "check-course-start-gap",
                        course = course.id.as_str(),
                        first = w[0].to_string(),
                        next = w[1].to_string(),
                        days = gap,
                        min = course.min_days_between_starts.unwrap_or(0),
                        max = course.max_days_between_starts.map_or(tr!("check-any-number"), |g| g.to_string())
                    ),
                ));
            }
        }
    }
}

/// Whether the cadence of course `c` rules out a new start on `d`, given the plan's `starts`:
/// the year of `d` has its most starts, or another start lies nearer than the minimum gap. A
/// date that already is a start is not ruled out (a parallel session).
pub(super) fn blocks_start(ctx: &Ctx, c: usize, starts: &BTreeSet<NaiveDate>, d: NaiveDate) -> bool {
    let course = &ctx.f.courses[c];
    if !has_cadence(course) || starts.contains(&d) {
        return false;
    }
    let full = years(ctx.f).into_iter().find(|y| y.start <= d && d <= y.end).is_some_and(|y| {
        let n = starts.range(y.start..=y.end).count() as u64;
        n >= limits(course, y.share).1
    });
    let near = course.min_days_between_starts.is_some_and(|g| starts.iter().any(|s| (*s - d).num_days().abs() < i64::from(g)));
    full || near
}
