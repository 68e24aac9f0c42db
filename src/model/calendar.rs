//! The programme calendar: working days, Swedish public holidays and closed dates.
//!
//! Owns the question "may a programme activity take place on this date?". It knows nothing
//! about people; personal unavailability lives with the people in [`crate::model`].

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a valid date")
}

/// A named day on which no programme activity is held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDay {
    /// The date.
    pub date: NaiveDate,
    /// Swedish name of the holiday or the reason it is closed.
    pub name: String,
}

/// Swedish public holidays of a year, plus the eves treated as closed (Midsummer Eve,
/// Christmas Eve, New Year's Eve). Holidays that always fall on a weekend (Easter Sunday,
/// Whitsunday, Midsummer Day, All Saints' Day) are included for completeness.
pub fn swedish_holidays(year: i32) -> Vec<ClosedDay> {
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holiday date");
    let easter = easter_sunday(year);
    // Midsummer Eve is the Friday between 19 and 25 June.
    let midsummer_eve = (19..=25).map(|d| ymd(6, d)).find(|d| d.weekday() == Weekday::Fri).expect("a Friday in any seven days");
    // All Saints' Day is the Saturday between 31 October and 6 November.
    let all_saints =
        (0..7).map(|k| ymd(10, 31) + Duration::days(k)).find(|d| d.weekday() == Weekday::Sat).expect("a Saturday in any seven days");
    let mut days = vec![
        (ymd(1, 1), "Nyårsdagen"),
        (ymd(1, 6), "Trettondedag jul"),
        (easter - Duration::days(2), "Långfredagen"),
        (easter, "Påskdagen"),
        (easter + Duration::days(1), "Annandag påsk"),
        (ymd(5, 1), "Första maj"),
        (easter + Duration::days(39), "Kristi himmelsfärdsdag"),
        (easter + Duration::days(49), "Pingstdagen"),
        (ymd(6, 6), "Sveriges nationaldag"),
        (midsummer_eve, "Midsommarafton"),
        (midsummer_eve + Duration::days(1), "Midsommardagen"),
        (all_saints, "Alla helgons dag"),
        (ymd(12, 24), "Julafton"),
        (ymd(12, 25), "Juldagen"),
        (ymd(12, 26), "Annandag jul"),
        (ymd(12, 31), "Nyårsafton"),
    ];
    days.sort_by_key(|(d, _)| *d);
    days.into_iter().map(|(date, name)| ClosedDay { date, name: name.to_string() }).collect()
}

/// The round's calendar: which dates between start and end are open for programme activities.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// First day of the round.
    pub start: NaiveDate,
    /// Last day of the round (inclusive).
    pub end: NaiveDate,
    closed: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// Builds the calendar of a round from its dates, the Swedish holidays of every year it
    /// touches and the instance's extra closed dates.
    pub fn new(start: NaiveDate, end: NaiveDate, extra_closed: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut closed: BTreeSet<NaiveDate> = extra_closed.into_iter().collect();
        for year in start.year()..=end.year() {
            closed.extend(swedish_holidays(year).into_iter().map(|h| h.date));
        }
        Calendar { start, end, closed }
    }

    /// Number of calendar days in the round (inclusive of both ends).
    pub fn len_days(&self) -> usize {
        ((self.end - self.start).num_days() + 1).max(0) as usize
    }

    /// The date of day index `i` (0 = start).
    pub fn date(&self, i: usize) -> NaiveDate {
        self.start + Duration::days(i as i64)
    }

    /// Day index of a date, if it lies inside the round.
    pub fn index(&self, d: NaiveDate) -> Option<usize> {
        if d < self.start || d > self.end {
            None
        } else {
            Some((d - self.start).num_days() as usize)
        }
    }

    /// True when the date is a weekday that is neither a holiday nor a closed date.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.closed.contains(&d)
    }

    /// All working days of the round, in order.
    pub fn working_days(&self) -> Vec<NaiveDate> {
        (0..self.len_days()).map(|i| self.date(i)).filter(|d| self.is_working_day(*d)).collect()
    }
}

/// Expands an inclusive date range into its dates.
pub fn expand_range(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let n = (to - from).num_days().max(-1) + 1;
    (0..n).map(move |k| from + Duration::days(k))
}

/// A month key `year * 12 + month0`, so consecutive months differ by one.
pub fn month_key(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_known_years() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
        assert_eq!(easter_sunday(2285), d(2285, 3, 22));
    }

    #[test]
    fn holidays_2027() {
        let names: Vec<(NaiveDate, String)> = swedish_holidays(2027).into_iter().map(|h| (h.date, h.name)).collect();
        assert!(names.contains(&(d(2027, 3, 26), "Långfredagen".into())));
        assert!(names.contains(&(d(2027, 3, 29), "Annandag påsk".into())));
        assert!(names.contains(&(d(2027, 5, 6), "Kristi himmelsfärdsdag".into())));
        assert!(names.contains(&(d(2027, 6, 25), "Midsommarafton".into())));
        assert!(names.contains(&(d(2027, 11, 6), "Alla helgons dag".into())));
        assert_eq!(names.len(), 16);
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_closed() {
        let cal = Calendar::new(d(2027, 12, 20), d(2028, 1, 9), [d(2027, 12, 27)]);
        let days = cal.working_days();
        assert!(!days.contains(&d(2027, 12, 24)));
        assert!(!days.contains(&d(2027, 12, 27)));
        assert!(!days.contains(&d(2027, 12, 31)));
        assert!(!days.contains(&d(2028, 1, 6)));
        assert!(days.contains(&d(2027, 12, 28)));
        assert!(days.iter().all(|x| x.weekday() != Weekday::Sat && x.weekday() != Weekday::Sun));
    }
}
