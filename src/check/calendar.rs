//! The checker's own calendar rules. Deliberately a separate implementation from
//! `model::calendar` (Easter by Oudin's algorithm rather than the anonymous Gregorian one), so a
//! mistake in one is caught by the other.

use crate::text::tr;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

fn easter(year: i32) -> NaiveDate {
    // Oudin (1940), as given in the Explanatory Supplement to the Astronomical Almanac.
    let y = year;
    let c = y / 100;
    let n = y - 19 * (y / 19);
    let k = (c - 17) / 25;
    let mut i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
    i -= 30 * (i / 30);
    i -= (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    let mut j = y + y / 4 + i + 2 - c + c / 4;
    j -= 7 * (j / 7);
    let l = i - j;
    let m = 3 + (l + 40) / 44;
    let d = l + 28 - 31 * (m / 4);
    NaiveDate::from_ymd_opt(y, m as u32, d as u32).unwrap_or(NaiveDate::MIN)
}

/// Why a date is closed, if it is: weekend, or the name of the holiday.
pub fn closed_reason(d: NaiveDate) -> Option<&'static str> {
    match d.weekday() {
        Weekday::Sat => return Some("a Saturday"),
        Weekday::Sun => return Some("a Sunday"),
        _ => {}
    }
    let (m, day) = (d.month(), d.day());
    let fixed = match (m, day) {
        (1, 1) => Some("New Year's Day"),
        (1, 6) => Some("Epiphany"),
        (5, 1) => Some("May Day"),
        (6, 6) => Some("National Day"),
        (12, 24) => Some("Christmas Eve"),
        (12, 25) => Some("Christmas Day"),
        (12, 26) => Some("Boxing Day"),
        (12, 31) => Some("New Year's Eve"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let e = easter(d.year());
    if d == e - Duration::days(2) {
        return Some("Good Friday");
    }
    if d == e + Duration::days(1) {
        return Some("Easter Monday");
    }
    if d == e + Duration::days(39) {
        return Some("Ascension Day");
    }
    // Midsummer Eve: the Friday from 19 to 25 June.
    if m == 6 && (19..=25).contains(&day) && d.weekday() == Weekday::Fri {
        return Some("Midsummer Eve");
    }
    None
}

/// A closed day's reason ([`closed_reason`]'s name) in the language in force.
pub fn closed_text(name: &str) -> String {
    match name {
        "a Saturday" => tr!("check-day-saturday"),
        "a Sunday" => tr!("check-day-sunday"),
        "New Year's Day" => tr!("check-day-new-year"),
        "Epiphany" => tr!("check-day-epiphany"),
        "May Day" => tr!("check-day-may-day"),
        "National Day" => tr!("check-day-national-day"),
        "Christmas Eve" => tr!("check-day-christmas-eve"),
        "Christmas Day" => tr!("check-day-christmas-day"),
        "Boxing Day" => tr!("check-day-boxing-day"),
        "New Year's Eve" => tr!("check-day-new-years-eve"),
        "Good Friday" => tr!("check-day-good-friday"),
        "Easter Monday" => tr!("check-day-easter-monday"),
        "Ascension Day" => tr!("check-day-ascension"),
        "Midsummer Eve" => tr!("check-day-midsummer-eve"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_solver_calendar_for_four_centuries() {
        for y in 1900..2300 {
            assert_eq!(easter(y), crate::model::calendar::easter_sunday(y), "Easter {y}");
        }
    }

    #[test]
    fn known_closed_days() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(closed_reason(d(2027, 3, 26)), Some("Good Friday"));
        assert_eq!(closed_reason(d(2027, 6, 25)), Some("Midsummer Eve"));
        assert_eq!(closed_reason(d(2027, 5, 6)), Some("Ascension Day"));
        assert_eq!(closed_reason(d(2027, 3, 30)), None);
    }
}
