//! Meeting series of mentor–mentee pairs: dated monthly meetings and a meeting place.
//!
//! Owns the rules of a series (one meeting per calendar month, a minimum gap, working days on
//! which both people are free, a first meeting a stated while after the matching, at most
//! `mentor_meetings_per_day` meetings a day for a mentor and `place_meetings_per_day` at a
//! meeting place), the spread of the series over the days and months of the round, and the
//! choice of place.
//! Which pairs exist is decided by [`super::mentor_matching`].

use crate::model::calendar::month_key;
use crate::model::{Instance, ParticipantId};
use crate::model::{MeetingPlace, MunicipalityId};
use crate::rules::mentorship::{mentee_phase_on, mentoring_from};
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
    series_around_by(days, pinned, max, gap, &|d| (d.day() as i64 - TARGET_DAY_OF_MONTH).abs())
}

/// Keeps the `DAYS_PER_MONTH` days of each month with the least penalty (ties: the earlier).
fn thin_by_month(days: &[NaiveDate], penalty: &dyn Fn(NaiveDate) -> i64) -> Vec<NaiveDate> {
    let mut by_month: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for d in days {
        by_month.entry(month_key(*d)).or_default().push(*d);
    }
    let mut out = Vec::new();
    for (_, mut v) in by_month {
        v.sort_by_key(|d| (penalty(*d), *d));
        v.truncate(DAYS_PER_MONTH);
        out.extend(v);
    }
    out.sort();
    out
}

/// A series among `days` (ascending) containing every `pinned` date, like [`series_around`],
/// with each other day's penalty given by `penalty`.
fn series_around_by(days: &[NaiveDate], pinned: &[NaiveDate], max: usize, gap: i64, penalty: &dyn Fn(NaiveDate) -> i64) -> Vec<NaiveDate> {
    let months: HashSet<i32> = pinned.iter().map(|d| month_key(*d)).collect();
    let mut cands: Vec<NaiveDate> = days
        .iter()
        .copied()
        .filter(|d| !months.contains(&month_key(*d)) && pinned.iter().all(|p| (*d - *p).num_days().abs() >= gap))
        .chain(pinned.iter().copied())
        .collect();
    cands.sort();
    cands.dedup();
    let pen: Vec<i64> = cands.iter().map(|d| if pinned.contains(d) { PINNED_DATE_BONUS } else { penalty(*d) }).collect();
    best_series_with(&cands, &pen, max.max(pinned.len()), gap).into_iter().map(|t| cands[t]).collect()
}

/// Weight of one meeting already held on a day (by any pair) in that day's penalty; the middle
/// of the month (at most 16 days off) only breaks ties between equally used days.
const DAY_LOAD_WEIGHT: i64 = 1_000;

/// A mentor meeting already dated (e.g. a kept pair's in a re-plan): its mentor, place and day,
/// counted in the capacities per day of the series dated after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Booked {
    /// The pair's mentor.
    pub mentor: usize,
    /// The pair's meeting place.
    pub place: MunicipalityId,
    /// The meeting day.
    pub date: NaiveDate,
}

/// Meetings dated so far, by day and by month: the penalty of a further meeting on a day
/// grows with the meetings already on it and in its month (per working day, to compare months
/// of different lengths), so that series spread over the days and the months they skip rotate.
/// Used for mentor pairs and for groups.
pub struct Spread {
    /// The first working day: day counts are kept by days since it.
    first: NaiveDate,
    day: Vec<i64>,
    /// The first month's key: month counts are kept by months since it.
    first_month: i32,
    month: Vec<i64>,
    month_days: Vec<i64>,
    weight: i64,
}

impl Spread {
    /// An empty count over the round's `working` days (ascending); `weight` per meeting
    /// already on a day.
    pub fn new(working: &[NaiveDate], weight: i64) -> Self {
        let (first, last) = (working.first().copied().unwrap_or_default(), working.last().copied().unwrap_or_default());
        let first_month = month_key(first);
        let months = (month_key(last) - first_month + 1).max(1) as usize;
        let mut month_days = vec![0; months];
        for d in working {
            month_days[(month_key(*d) - first_month) as usize] += 1;
        }
        let days = (last - first).num_days().max(0) as usize + 1;
        Spread { first, day: vec![0; days], first_month, month: vec![0; months], month_days, weight }
    }

    /// Positions of `d` in the day and month counts, if it lies among the working days'.
    fn index(&self, d: NaiveDate) -> Option<(usize, usize)> {
        let day = usize::try_from((d - self.first).num_days()).ok().filter(|&i| i < self.day.len())?;
        let month = usize::try_from(month_key(d) - self.first_month).ok().filter(|&i| i < self.month.len())?;
        Some((day, month))
    }

    /// Counts a meeting on `d`.
    pub fn book(&mut self, d: NaiveDate) {
        if let Some((day, month)) = self.index(d) {
            self.day[day] += 1;
            self.month[month] += 1;
        }
    }

    /// `weight` × (the meetings on `d` + its month's meetings per working day).
    pub fn penalty(&self, d: NaiveDate) -> i64 {
        self.index(d)
            .map_or(0, |(day, month)| self.weight * self.day[day] + self.weight * self.month[month] / self.month_days[month].max(1))
    }
}

/// The mentor meetings dated so far: their [`Spread`], and how many fall on each day per mentor
/// and per meeting place (the capacities per day).
pub struct DayLoad {
    spread: Spread,
    mentor: HashMap<(usize, NaiveDate), u32>,
    place: HashMap<(MunicipalityId, NaiveDate), u32>,
}

impl DayLoad {
    /// No meetings yet over the round's `working` days (ascending).
    pub fn new(working: &[NaiveDate]) -> Self {
        DayLoad { spread: Spread::new(working, DAY_LOAD_WEIGHT), mentor: HashMap::new(), place: HashMap::new() }
    }

    /// Counts one more meeting.
    pub fn book(&mut self, b: Booked) {
        self.spread.book(b.date);
        *self.mentor.entry((b.mentor, b.date)).or_insert(0) += 1;
        *self.place.entry((b.place, b.date)).or_insert(0) += 1;
    }

    /// Whether mentor `m` can hold one more meeting at `place` on `d`.
    pub fn has_room(&self, inst: &Instance, m: usize, place: MunicipalityId, d: NaiveDate) -> bool {
        let rules = &inst.mentorship.file;
        self.mentor.get(&(m, d)).copied().unwrap_or(0) < rules.mentor_meetings_per_day
            && rules.place_meetings_per_day.is_none_or(|cap| self.place.get(&(place, d)).copied().unwrap_or(0) < cap)
    }

    /// The penalty of a meeting on `d`: the [`Spread`], then the distance from the middle of
    /// the month.
    fn penalty(&self, d: NaiveDate) -> i64 {
        self.spread.penalty(d) + (d.day() as i64 - TARGET_DAY_OF_MONTH).abs()
    }
}

/// Schedules the meeting series of every pair `(mentor, participant)`. `busy` holds each
/// person's already-booked dates (e.g. course days), by person id; the meetings scheduled here
/// are added to it.
pub fn schedule_series(inst: &Instance, pairs: &[(usize, usize)], busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>) -> Vec<Series> {
    schedule_series_around(inst, pairs, busy, &[])
}

/// [`schedule_series`] beside meetings already dated (`booked`, counted in the capacities).
///
/// The series are dated greedily: pairs with pinned dates first, then the others in the given
/// order. Each series takes the most meetings that fit (working days both are free, from
/// `first_meeting_after_days` after the round's start or the mentee's later start, one a month,
/// the minimum gap, the mentor's and the meeting place's meetings per day) and, among those,
/// the days least used by the series dated before it ([`DayLoad::penalty`]), so that meetings
/// spread over the days of each month and the skipped months differ between pairs.
pub fn schedule_series_around(
    inst: &Instance,
    pairs: &[(usize, usize)],
    busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>,
    booked: &[Booked],
) -> Vec<Series> {
    let working = inst.calendar.working_days();
    let mut load = DayLoad::new(&working);
    for b in booked {
        load.book(*b);
    }
    let pinned_of = |m: usize, p: usize| {
        inst.pins.pairs.iter().find(|x| x.mentor.index() == m && x.mentee.index() == p).map_or(&[][..], |x| x.meetings.as_slice())
    };
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&i| pinned_of(pairs[i].0, pairs[i].1).is_empty());
    let mut out: Vec<Option<Series>> = vec![None; pairs.len()];
    for i in order {
        let (m, p) = pairs[i];
        let series = date_pair(inst, (m, p), pinned_of(m, p), &working, busy, &load);
        for &date in &series.dates {
            load.book(Booked { mentor: m, place: series.place, date });
        }
        busy.entry(inst.participants[p].id.clone()).or_default().extend(series.dates.iter().copied());
        out[i] = Some(series);
    }
    let out: Vec<Series> = out.into_iter().flatten().collect();
    for (&(m, _), s) in pairs.iter().zip(&out) {
        busy.entry(inst.mentors[m].id.clone()).or_default().extend(s.dates.iter().copied());
    }
    out
}

/// Dates the series of one pair (see [`schedule_series_around`]).
fn date_pair(
    inst: &Instance,
    (m, p): (usize, usize),
    pinned: &[NaiveDate],
    working: &[NaiveDate],
    busy: &BTreeMap<String, BTreeSet<NaiveDate>>,
    load: &DayLoad,
) -> Series {
    let rules = &inst.mentorship;
    let empty = BTreeSet::new();
    let mentor = &inst.mentors[m];
    let mentee = &inst.participants[p];
    let mentor_busy = busy.get(&mentor.id).unwrap_or(&empty);
    let mentee_busy = busy.get(&mentee.id).unwrap_or(&empty);
    let place = meeting_place(inst, mentor.municipality, mentee.municipality);
    // The series starts when the mentee's phase has mentors, and not before the stated while
    // after the matching at the round's start, unless their phase has no mentors by then (it
    // then starts while it still can).
    let phase_from = mentoring_from(inst, ParticipantId(p)).unwrap_or(inst.calendar.start);
    let after = rules.file.first_meeting_after_days;
    let earliest = inst.calendar.start + chrono::Days::new(u64::from(after));
    let from = if mentee_phase_on(inst, ParticipantId(p), earliest) { phase_from.max(earliest) } else { phase_from };
    let free: Vec<NaiveDate> = working
        .iter()
        .copied()
        .filter(|d| {
            *d >= from
                && !mentor.unavailable.contains(d)
                && !mentee.unavailable.contains(d)
                && !mentor_busy.contains(d)
                && !mentee_busy.contains(d)
                && load.has_room(inst, m, place, *d)
        })
        .collect();
    // Each free day's penalty, once (the searches below ask for it many times).
    let scored: Vec<i64> = free.iter().map(|d| load.penalty(*d)).collect();
    let penalty = |d: NaiveDate| free.binary_search(&d).map_or_else(|_| load.penalty(d), |i| scored[i]);
    let series = |days: &[NaiveDate]| series_around_by(days, pinned, rules.max_meetings, rules.min_days_between, &penalty);
    let mut dates = series(&thin_by_month(&free, &penalty));
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
            dates = series_around_by(&free, &[*first], rules.max_meetings, rules.min_days_between, &penalty);
        } else {
            // No common free day while the phase has mentors (a mentee who moves up soon after
            // the round's start, with those days taken): no series can start.
            let ends = from.iter_days().take_while(|d| *d <= inst.calendar.end).find(|d| !mentee_phase_on(inst, ParticipantId(p), *d));
            let shortfall = tr!("meetings-shortfall-phase-ends", date = ends.unwrap_or(from).to_string());
            return Series { dates: Vec::new(), place, shortfall: Some(shortfall) };
        }
    }
    let shortfall = (dates.len() < rules.min_meetings).then(|| {
        let months: HashSet<i32> = free.iter().map(|d| month_key(*d)).collect();
        let from = if phase_from > earliest {
            tr!("meetings-shortfall-from", date = from.to_string())
        } else if after > 0 {
            tr!("meetings-shortfall-after", date = from.to_string(), days = after)
        } else {
            String::new()
        };
        tr!(
            "meetings-shortfall",
            n = dates.len(),
            min = rules.min_meetings,
            months = months.len(),
            from = from,
            days = rules.min_days_between
        )
    });
    Series { dates, place, shortfall }
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
