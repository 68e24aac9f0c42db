//! Cells and how their text is read: dates (Excel dates or ISO text), numbers with decimal
//! comma, ja/nej booleans, lists and date lists. Each parser returns what it expected on
//! failure, so the reader can say "expected a date like 2027-01-15, found "15/13/2027"".

use crate::format::{ClockTime, DateOrRange};
use crate::text::tr;
use chrono::{Datelike, NaiveDate};

/// One cell as read from a workbook or a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (or only spaces).
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number cell.
    Number(f64),
    /// A boolean cell.
    Bool(bool),
    /// A date cell.
    Date(NaiveDate),
    /// A cell holding a spreadsheet error such as `#REF!`, or a value that cannot be read.
    Error(String),
}

impl Cell {
    /// Whether the cell is empty.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text (numbers without a needless `.0`, dates ISO).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => format_number(*x),
            Cell::Bool(b) => if *b { "ja" } else { "nej" }.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }

    /// What was found, for messages: `"15/13/2027"`, `the number 3.5`, `an empty cell`.
    pub fn found(&self) -> String {
        match self {
            Cell::Empty => tr!("cell-found-empty"),
            Cell::Text(s) => format!("\"{s}\""),
            Cell::Number(x) => tr!("cell-found-number", value = format_number(*x)),
            Cell::Bool(b) => tr!("cell-found-bool", value = if *b { "TRUE" } else { "FALSE" }),
            Cell::Date(d) => tr!("cell-found-date", value = d.to_string()),
            Cell::Error(e) => tr!("cell-found-error", value = e.as_str()),
        }
    }
}

/// A number as text: shortest form that reads back exactly, no trailing `.0`.
pub fn format_number(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// An Excel serial day number (1900 date system) as a date. Serials before 1900-03-01 are
/// refused (Excel counts a 29 February 1900 that never existed).
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

/// The Excel serial day number of a date.
pub fn date_to_excel_serial(d: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid epoch");
    (d - epoch).num_days() as f64
}

fn expect_date() -> String {
    tr!("cell-expected-date")
}

/// Reads a date from ISO text (`2027-01-15`, optionally followed by a time of day).
pub fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.split(['T', ' ']).next().unwrap_or(s);
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    // Four-digit years only: "27-01-15" is not read as the year 27.
    (day.split('-').next().map(|y| y.len() == 4).unwrap_or(false) && d.year() >= 1900).then_some(d)
}

/// A date cell: a date, an Excel serial number or ISO text.
pub fn parse_date(c: &Cell) -> Result<NaiveDate, String> {
    match c {
        Cell::Date(d) => Ok(*d),
        Cell::Number(x) => excel_serial_date(*x).ok_or_else(expect_date),
        Cell::Text(s) => parse_date_text(s).ok_or_else(expect_date),
        _ => Err(expect_date()),
    }
}

/// Reads a number from text: decimal comma or point, spaces as thousands separators, `−`.
pub fn parse_number_text(s: &str) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    if cleaned.is_empty() || cleaned.chars().filter(|&c| c == '.').count() > 1 {
        return None;
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A number cell.
pub fn parse_number(c: &Cell) -> Result<f64, String> {
    let e = || tr!("cell-expected-number");
    match c {
        Cell::Number(x) if x.is_finite() => Ok(*x),
        Cell::Text(s) => parse_number_text(s).ok_or_else(e),
        _ => Err(e()),
    }
}

/// A whole-number cell.
pub fn parse_int(c: &Cell) -> Result<i64, String> {
    let e = || tr!("cell-expected-int");
    let x = parse_number(c).map_err(|_| e())?;
    if x == x.trunc() && x.abs() < 9e15 {
        Ok(x as i64)
    } else {
        Err(e())
    }
}

/// A time-of-day cell: `13:00`, `13.00` (the Swedish way), `13` (a full hour), `13:00:00`, or an
/// Excel time (a fraction of a day).
pub fn parse_time(c: &Cell) -> Result<ClockTime, String> {
    let e = || tr!("cell-expected-time");
    match c {
        Cell::Number(x) if (0.0..1.0).contains(x) => {
            let minutes = (x * 1440.0).round() as u32;
            ClockTime::new(minutes / 60, minutes % 60).ok_or_else(e)
        }
        Cell::Number(x) if x.fract() == 0.0 && (1.0..24.0).contains(x) => ClockTime::new(*x as u32, 0).ok_or_else(e),
        Cell::Text(s) => {
            let t = s.trim().replace('.', ":");
            let t = match t.matches(':').count() {
                0 => format!("{t}:00"),
                2 => t.strip_suffix(":00").ok_or_else(e)?.to_string(),
                _ => t,
            };
            ClockTime::parse(&t).ok_or_else(e)
        }
        _ => Err(e()),
    }
}

/// A boolean cell: ja/nej, yes/no, x, 1/0, sant/falskt, true/false.
pub fn parse_bool(c: &Cell) -> Result<bool, String> {
    let e = || tr!("cell-expected-bool");
    match c {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(x) if *x == 1.0 => Ok(true),
        Cell::Number(x) if *x == 0.0 => Ok(false),
        Cell::Text(s) => match s.trim().to_lowercase().as_str() {
            "ja" | "j" | "yes" | "y" | "x" | "1" | "sant" | "true" => Ok(true),
            "nej" | "n" | "no" | "0" | "falskt" | "false" => Ok(false),
            _ => Err(e()),
        },
        _ => Err(e()),
    }
}

/// Splits a list cell at `,` and `;` outside parentheses; items trimmed, empty ones dropped.
pub fn split_list(s: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                cur.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                cur.push(c);
            }
            ',' | ';' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
            }
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

/// A list cell (a number cell counts as one item).
pub fn parse_list(c: &Cell) -> Result<Vec<String>, String> {
    match c {
        Cell::Empty => Ok(vec![]),
        Cell::Text(s) => Ok(split_list(s)),
        Cell::Number(_) => Ok(vec![c.as_text()]),
        _ => Err(tr!("cell-expected-list")),
    }
}

/// One item of a date list: `2027-04-12`, `2027-03-01..2027-03-05` or either followed by a
/// reason in parentheses (ranges only keep it).
pub fn parse_date_item(item: &str) -> Option<DateOrRange> {
    let item = item.trim();
    let (body, reason) = match item.find('(') {
        Some(i) if item.ends_with(')') => (item[..i].trim(), Some(item[i + 1..item.len() - 1].trim().to_string())),
        Some(_) => return None,
        None => (item, None),
    };
    let reason = reason.filter(|r| !r.is_empty());
    for sep in ["..", "–", "—"] {
        if let Some((a, b)) = body.split_once(sep) {
            let from = parse_date_text(a)?;
            let to = parse_date_text(b)?;
            return Some(DateOrRange::Range { from, to, reason });
        }
    }
    let d = parse_date_text(body)?;
    match reason {
        None => Some(DateOrRange::Date(d)),
        Some(r) => Some(DateOrRange::Range { from: d, to: d, reason: Some(r) }),
    }
}

/// A date-list cell. A single date cell or serial number is a one-item list.
pub fn parse_date_list(c: &Cell) -> Result<Vec<DateOrRange>, String> {
    match c {
        Cell::Empty => Ok(vec![]),
        Cell::Date(_) | Cell::Number(_) => parse_date(c).map(|d| vec![DateOrRange::Date(d)]),
        Cell::Text(s) => {
            let mut out = vec![];
            for item in split_list(s) {
                match parse_date_item(&item) {
                    Some(d) => out.push(d),
                    None => return Err(tr!("cell-expected-dates-item", item = item.as_str())),
                }
            }
            Ok(out)
        }
        _ => Err(tr!("cell-expected-dates")),
    }
}

/// A date list as cell text (the inverse of [`parse_date_list`]).
pub fn format_date_list(items: &[DateOrRange]) -> String {
    items
        .iter()
        .map(|d| match d {
            DateOrRange::Date(d) => d.to_string(),
            DateOrRange::Range { from, to, reason: None } => format!("{from}..{to}"),
            DateOrRange::Range { from, to, reason: Some(r) } if from == to => format!("{from} ({r})"),
            DateOrRange::Range { from, to, reason: Some(r) } => format!("{from}..{to} ({r})"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A spreadsheet column letter: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut i: usize) -> String {
    let mut s = vec![];
    loop {
        s.push((b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date(&Cell::Text("2027-01-15".into())), Ok(d("2027-01-15")));
        assert_eq!(parse_date(&Cell::Text("2027-01-15 00:00:00".into())), Ok(d("2027-01-15")));
        assert!(parse_date(&Cell::Text("15/13/2027".into())).is_err());
        assert!(parse_date(&Cell::Text("2027-02-30".into())).is_err());
        assert!(parse_date(&Cell::Text("27-01-15".into())).is_err());
        // 2027-01-15 is serial 46402 in Excel.
        assert_eq!(parse_date(&Cell::Number(46402.0)), Ok(d("2027-01-15")));
        assert_eq!(date_to_excel_serial(d("2027-01-15")), 46402.0);
        assert_eq!(excel_serial_date(61.0), Some(d("1900-03-01")));
    }

    #[test]
    fn numbers_and_booleans() {
        assert_eq!(parse_number(&Cell::Text("2,5".into())), Ok(2.5));
        assert_eq!(parse_number(&Cell::Text("1 500".into())), Ok(1500.0));
        assert_eq!(parse_number(&Cell::Text("−3".into())), Ok(-3.0));
        assert!(parse_number(&Cell::Text("två".into())).is_err());
        assert!(parse_number(&Cell::Text("1,2,3".into())).is_err());
        assert_eq!(parse_int(&Cell::Text("12".into())), Ok(12));
        assert!(parse_int(&Cell::Text("2,5".into())).is_err());
        for (s, b) in [("ja", true), ("Nej", false), ("x", true), ("1", true), ("0", false), ("yes", true), ("NO", false)] {
            assert_eq!(parse_bool(&Cell::Text(s.into())), Ok(b), "{s}");
        }
        assert!(parse_bool(&Cell::Text("kanske".into())).is_err());
    }

    #[test]
    fn times_of_day() {
        let t = |h, m| Ok(ClockTime::new(h, m).unwrap());
        assert_eq!(parse_time(&Cell::Text("13:00".into())), t(13, 0));
        assert_eq!(parse_time(&Cell::Text("9.30".into())), t(9, 30));
        assert_eq!(parse_time(&Cell::Text("9".into())), t(9, 0));
        assert_eq!(parse_time(&Cell::Text("16:15:00".into())), t(16, 15));
        // An Excel time is a fraction of a day: 13:30 is 0.5625.
        assert_eq!(parse_time(&Cell::Number(0.5625)), t(13, 30));
        assert_eq!(parse_time(&Cell::Number(15.0)), t(15, 0));
        for bad in ["25:00", "13:5", "13:60", "kl 13", "16:15:30", ""] {
            assert!(parse_time(&Cell::Text(bad.into())).is_err(), "{bad}");
        }
        assert!(parse_time(&Cell::Number(24.0)).is_err());
        assert!(parse_time(&Cell::Date(d("2027-01-15"))).is_err());
    }

    #[test]
    fn lists_and_date_lists() {
        assert_eq!(split_list("a, b;c ;; "), vec!["a", "b", "c"]);
        let items = parse_date_list(&Cell::Text("2027-03-01..2027-03-05 (semester, vecka 9); 2027-04-12".into())).unwrap();
        assert_eq!(
            items,
            vec![
                DateOrRange::Range { from: d("2027-03-01"), to: d("2027-03-05"), reason: Some("semester, vecka 9".into()) },
                DateOrRange::Date(d("2027-04-12"))
            ]
        );
        assert_eq!(parse_date_list(&Cell::Text(format_date_list(&items))).unwrap(), items);
        assert!(parse_date_list(&Cell::Text("2027-03-01..snart".into())).is_err());
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
