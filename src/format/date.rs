//! Dates as instance files write them: strictly `YYYY-MM-DD`, a four-digit year from
//! [`MIN_YEAR`] to [`MAX_YEAR`] and a two-digit month and day. chrono on its own also takes
//! `2027-1-5`, `+12027-01-05` and `-0001-01-01`; these deserializers do not.
//!
//! Used with `#[serde(deserialize_with = …)]` on every date of the instance format. The error
//! message starts with [`INVALID_DATE`], so that readers can give it its own code.

use chrono::{Datelike, NaiveDate};
use serde::de::{Deserialize, Deserializer, Error};

/// Earliest year of a date in an instance.
pub const MIN_YEAR: i32 = 1900;
/// Latest year of a date in an instance.
pub const MAX_YEAR: i32 = 2200;
/// How every date error message starts.
pub const INVALID_DATE: &str = "invalid date";

/// Parses `YYYY-MM-DD` strictly (see the module docs).
pub fn parse_strict(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let shown: String = s.chars().take(40).collect();
    let ellipsis = if s.chars().count() > 40 { "…" } else { "" };
    if !shape {
        return Err(format!(
            "{INVALID_DATE} \"{shown}{ellipsis}\": dates are written YYYY-MM-DD, with a four-digit year and a two-digit month and day, e.g. \"2027-01-05\""
        ));
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{INVALID_DATE} \"{shown}\": no such day in the calendar"))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        return Err(format!("{INVALID_DATE} \"{shown}\": the year must lie between {MIN_YEAR} and {MAX_YEAR}"));
    }
    Ok(date)
}

/// Deserializes one strict date.
pub fn strict<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse_strict(&s).map_err(D::Error::custom)
}

/// A strict date as a serde field type, for lists.
struct Strict(NaiveDate);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        strict(d).map(Strict)
    }
}

/// Deserializes a list of strict dates.
pub fn strict_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Ok(Vec::<Strict>::deserialize(d)?.into_iter().map(|s| s.0).collect())
}

/// Deserializes an optional list of strict dates.
pub fn strict_opt_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<NaiveDate>>, D::Error> {
    Ok(Option::<Vec<Strict>>::deserialize(d)?.map(|v| v.into_iter().map(|s| s.0).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_strict_form_in_range_is_a_date() {
        assert_eq!(parse_strict("2027-01-05"), Ok(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()));
        for bad in [
            "2027-1-5",
            "2027-01-5",
            "-0001-01-01",
            "+2027-01-05",
            "12027-01-05",
            "2027-02-30",
            "1899-12-31",
            "2201-01-01",
            "2027/01/05",
            "",
            "2027-01-05T00:00",
        ] {
            let e = parse_strict(bad).unwrap_err();
            assert!(e.starts_with(INVALID_DATE), "{bad}: {e}");
        }
        assert!(parse_strict("1900-01-01").is_ok() && parse_strict("2200-12-31").is_ok());
    }
}
