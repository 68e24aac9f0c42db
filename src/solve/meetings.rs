//! Meeting series of mentor–mentee pairs: dated monthly meetings and a meeting place.
//!
//! Owns the rules of a series (one meeting per calendar month, a minimum gap, working days on
//! which both people are free, at most one meeting a day for a mentor) and the choice of place.
//! Which pairs exist is decided by [`super::mentor_matching`].

use crate::model::calendar::month_key;
use crate::model::{Instance, ParticipantId};
use crate::model::{MeetingPlace, MunicipalityId};
use crate::rules::mentorship::{mentee_phase_on, mentoring_from};
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Preferred day of the month for meetings: the middle, so that a one-month rhythm keeps a
/// comfortable distance from the neighbouring months' meetings.
pub const TARGET_DAY_OF_MONTH: i64 = 15;
/// Candidate days kept per month before the exact search (a fallback uses all days).
const DAYS_PER_MONTH: usize = 8;

/// The dated series of one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Meeting dates, ascending.
    pub dates: Vec<NaiveDate>,
    /// Municipality of the meeting place.
    pub place: MunicipalityId,
    /// Why fewer than the minimum fit, if they did not.
    pub shortfall: Option<String>,
}

/// Picks the meeting place of a pair by the programme's policy.
pub fn meeting_place(inst: &Instance, mentor_muni: MunicipalityId, mentee_muni: MunicipalityId) -> MunicipalityId {
    match inst.mentorship.meeting_place {
        MeetingPlace::Mentor => mentor_muni,
        MeetingPlace::Mentee => mentee_muni,
        MeetingPlace::MinCombinedTravel => {
            let mut best = (inst.travel(mentee_muni, mentee_muni) + inst.travel(mentor_muni, mentee_muni), mentee_muni);
            let mut consider = |m: MunicipalityId| {
                let t = inst.travel(mentee_muni, m) + inst.travel(mentor_muni, m);
                if t < best.0 - 1e-9 {
                    best = (t, m);
                }
            };
            consider(mentor_muni);
            for m in 0..inst.municipalities.len() {
                consider(MunicipalityId(m));
            }
            best.1
        }
    }
}

/// Chooses up to `max` dates among `days` (ascending): strictly increasing months, at least
/// `gap` days apart; maximises the number, then minimises the distance of each date from the
/// middle of its month. Exact dynamic programme over the given days.
fn best_series(days: &[NaiveDate], max: usize, gap: i64) -> Vec<NaiveDate> {
    let penalty: Vec<i64> = days.iter().map(|d| (d.day() as i64 - TARGET_DAY_OF_MONTH).abs()).collect();
    best_series_with(days, &penalty, max, gap).into_iter().map(|t| days[t]).collect()
}

/// The general series search: among `days` (ascending) with a penalty each, picks up to `max`
/// of them in strictly increasing months and at least `gap` days apart, maximising the number
/// and then minimising the summed penalty (ties: earliest end). Returns indices into `days`.
pub fn best_series_with(days: &[NaiveDate], penalty: &[i64], max: usize, gap: i64) -> Vec<usize> {
    best_series_within(days, penalty, max, gap, None)
}

/// [`best_series_with`] for a compact series: consecutive meetings also at most `max_gap` days
/// apart, when given.
pub fn best_series_within(days: &[NaiveDate], penalty: &[i64], max: usize, gap: i64, max_gap: Option<i64>) -> Vec<usize> {
    let n = days.len();
    let max_gap = max_gap.unwrap_or(i64::MAX);
    if n == 0 || max == 0 {
        return vec![];
    }
    // Plain integers in the inner loop: day number, month key.
    let num: Vec<i64> = days.iter().map(|d| d.num_days_from_ce() as i64).collect();
    let month: Vec<i32> = days.iter().map(|d| month_key(*d)).collect();
    // dp[t*max + c]: least penalty of a series of c+1 meetings ending at day t.
    let mut dp = vec![i64::MAX; n * max];
    let mut prev = vec![usize::MAX; n * max];
    for t in 0..n {
        dp[t * max] = penalty[t];
        for s in 0..t {
            if month[s] >= month[t] || num[t] - num[s] < gap || num[t] - num[s] > max_gap {
                continue;
            }
            for c in 1..max {
                let before = dp[s * max + c - 1];
                if before == i64::MAX {
                    continue;
                }
                let v = before + penalty[t];
                if v < dp[t * max + c] {
                    dp[t * max + c] = v;
                    prev[t * max + c] = s;
                }
            }
        }
    }
    for c in (0..max).rev() {
        let end = (0..n).filter(|&t| dp[t * max + c] != i64::MAX).min_by_key(|&t| (dp[t * max + c], t));
        if let Some(mut t) = end {
            let mut out = vec![t];
            let mut k = c;
            while k > 0 {
                t = prev[t * max + k];
                k -= 1;
                out.push(t);
            }
            out.reverse();
            return out;
        }
    }
    vec![]
}

/// Penalty that makes the series search keep a pinned date whenever it can (and it always can:
/// the other candidate days are compatible with every pinned date).
pub const PINNED_DATE_BONUS: i64 = -1_000_000_000;

/// A best series among `days` that contains every `pinned` date (validated to be working days
/// in distinct months, at least `gap` apart, at most `max`): the other candidates are the days in
/// months without a pinned date and at least `gap` from each. Without pins, [`best_series`].
pub fn series_around(days: &[NaiveDate], pinned: &[NaiveDate], max: usize, gap: i64) -> Vec<NaiveDate> {
    if pinned.is_empty() {
        return best_series(days, max, gap);
    }
    let months: HashSet<i32> = pinned.iter().map(|d| month_key(*d)).collect();
    let mut cands: Vec<NaiveDate> = days
        .iter()
        .copied()
        .filter(|d| !months.contains(&month_key(*d)) && pinned.iter().all(|p| (*d - *p).num_days().abs() >= gap))
        .chain(pinned.iter().copied())
        .collect();
    cands.sort();
    cands.dedup();
    let penalty: Vec<i64> =
        cands.iter().map(|d| if pinned.contains(d) { PINNED_DATE_BONUS } else { (d.day() as i64 - TARGET_DAY_OF_MONTH).abs() }).collect();
    best_series_with(&cands, &penalty, max.max(pinned.len()), gap).into_iter().map(|t| cands[t]).collect()
}

/// Keeps the `DAYS_PER_MONTH` days of each month closest to the month's middle.
fn thin_by_month(days: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut by_month: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for d in days {
        by_month.entry(month_key(*d)).or_default().push(*d);
    }
    let mut out = Vec::new();
    for (_, mut v) in by_month {
        v.sort_by_key(|d| ((d.day() as i64 - TARGET_DAY_OF_MONTH).abs(), *d));
        v.truncate(DAYS_PER_MONTH);
        out.extend(v);
    }
    out.sort();
    out
}

/// Schedules the meeting series of every pair `(mentor, participant)`, in the given order.
/// `busy` holds each person's already-booked dates (e.g. course days), by person id; the
/// meetings scheduled here are added to it so a mentor never has two meetings on a day.
pub fn schedule_series(inst: &Instance, pairs: &[(usize, usize)], busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>) -> Vec<Series> {
    let rules = &inst.mentorship;
    let working = inst.calendar.working_days();
    let empty = BTreeSet::new();
    pairs
        .iter()
        .map(|&(m, p)| {
            let mentor = &inst.mentors[m];
            let mentee = &inst.participants[p];
            let mentor_busy = busy.get(&mentor.id).unwrap_or(&empty);
            let mentee_busy = busy.get(&mentee.id).unwrap_or(&empty);
            // The series starts when the mentee's phase has mentors.
            let from = mentoring_from(inst, ParticipantId(p)).unwrap_or(inst.calendar.start);
            let free: Vec<NaiveDate> = working
                .iter()
                .copied()
                .filter(|d| {
                    !mentor.unavailable.contains(d)
                        && !mentee.unavailable.contains(d)
                        && !mentor_busy.contains(d)
                        && !mentee_busy.contains(d)
                        && *d >= from
                })
                .collect();
            let pinned =
                inst.pins.pairs.iter().find(|x| x.mentor.index() == m && x.mentee.index() == p).map_or(&[][..], |x| x.meetings.as_slice());
            let series = |days: &[NaiveDate]| series_around(days, pinned, rules.max_meetings, rules.min_days_between);
            let mut dates = series(&thin_by_month(&free));
            if dates.len() < rules.max_meetings {
                let full = series(&free);
                if full.len() > dates.len() {
                    dates = full;
                }
            }
            // The first meeting falls while the mentee's phase has mentors: if the best series
            // starts later, it is dated again around the first such free day.
            if dates.first().is_some_and(|d| !mentee_phase_on(inst, ParticipantId(p), *d)) && pinned.is_empty() {
                if let Some(first) = free.iter().find(|d| mentee_phase_on(inst, ParticipantId(p), **d)) {
                    dates = series_around(&free, &[*first], rules.max_meetings, rules.min_days_between);
                }
            }
            let phase_cut = from > inst.calendar.start;
            let shortfall = (dates.len() < rules.min_meetings).then(|| {
                let months: HashSet<i32> = free.iter().map(|d| month_key(*d)).collect();
                let from = if phase_cut { tr!("meetings-shortfall-from", date = from.to_string()) } else { String::new() };
                tr!(
                    "meetings-shortfall",
                    n = dates.len(),
                    min = rules.min_meetings,
                    months = months.len(),
                    from = from,
                    days = rules.min_days_between
                )
            });
            for who in [&mentor.id, &mentee.id] {
                busy.entry(who.clone()).or_default().extend(dates.iter().copied());
            }
            Series { dates, place: meeting_place(inst, mentor.municipality, mentee.municipality), shortfall }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn one_per_month_with_gap() {
        let days: Vec<NaiveDate> = (1..=12).flat_map(|m| [d(m, 2), d(m, 15), d(m, 27)]).collect();
        let s = best_series(&days, 10, 21);
        assert_eq!(s.len(), 10);
        for w in s.windows(2) {
            assert!(month_key(w[0]) < month_key(w[1]));
            assert!((w[1] - w[0]).num_days() >= 21);
        }
        assert!(s.iter().all(|x| x.day() == 15));
    }

    #[test]
    fn pinned_dates_are_kept_and_the_rest_fits_around_them() {
        let days: Vec<NaiveDate> = (1..=12).flat_map(|m| [d(m, 2), d(m, 15), d(m, 27)]).collect();
        let pinned = [d(3, 2), d(7, 27)];
        let s = series_around(&days, &pinned, 10, 21);
        assert_eq!(s.len(), 10);
        assert!(pinned.iter().all(|p| s.contains(p)));
        for w in s.windows(2) {
            assert!(month_key(w[0]) < month_key(w[1]));
            assert!((w[1] - w[0]).num_days() >= 21);
        }
    }

    #[test]
    fn gap_forces_skipping() {
        // Only the 28th of January and the 2nd of February: 5 days apart, one must go.
        let s = best_series(&[d(1, 28), d(2, 2)], 10, 21);
        assert_eq!(s.len(), 1);
    }
}
