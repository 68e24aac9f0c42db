//! The iCalendar text format (RFC 5545) as far as the calendars need it: content lines with
//! escaped text, folded at 75 octets, local times with a time zone, and the `VTIMEZONE` of
//! Swedish time.
//!
//! Written by hand rather than with the `icalendar` crate's builder: its line folding scans
//! each line from the start for every fold, so a long value took quadratic time (a 256 KB
//! round name 10 s, 1 MB over a minute). Folding here is one pass over the line.

use chrono::{DateTime, NaiveDateTime, Utc};

/// Longest line in octets, the line break not counted (RFC 5545 3.1).
const LINE_OCTETS: usize = 75;

/// The `VTIMEZONE` of `Europe/Stockholm`: CET (UTC+1) and, from the last Sunday of March at
/// 02:00 to the last Sunday of October at 03:00, CEST (UTC+2), the EU rule since 1996.
const STOCKHOLM: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "X-LIC-LOCATION:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// An iCalendar text being written, line by line.
pub struct Ics {
    out: String,
}

impl Ics {
    /// An empty text; `size` is a guess of its length.
    pub fn with_capacity(size: usize) -> Ics {
        Ics { out: String::with_capacity(size) }
    }

    /// A property whose value is written as given (dates, numbers, keywords).
    pub fn raw(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + 1 + value.len());
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        fold_into(&mut self.out, &line);
    }

    /// A property of type TEXT: backslash, `;`, `,` and line breaks escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// A local date-time in the time zone `tzid`, e.g. `DTSTART;TZID=Europe/Stockholm:…`.
    pub fn local(&mut self, name: &str, tzid: &str, at: NaiveDateTime) {
        self.raw(&format!("{name};TZID={tzid}"), &at.format("%Y%m%dT%H%M%S").to_string());
    }

    /// A UTC date-time, e.g. `DTSTAMP:20270101T000000Z`.
    pub fn utc(&mut self, name: &str, at: DateTime<Utc>) {
        self.raw(name, &at.format("%Y%m%dT%H%M%SZ").to_string());
    }

    /// The `VTIMEZONE` block of `Europe/Stockholm`.
    pub fn stockholm_time_zone(&mut self) {
        for line in STOCKHOLM {
            fold_into(&mut self.out, line);
        }
    }

    /// The text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Appends `line` and its CRLF, folded so that no line exceeds 75 octets: a CRLF and a space
/// go before each continuation, and no UTF-8 character is split. One pass over the line.
pub fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// A TEXT value escaped (RFC 5545 3.3.11): `\` `;` `,` with a backslash, line breaks as `\n`;
/// other control characters, which TEXT may not hold, are left out.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        fold_into(&mut out, "SUMMARY:Mentorsträff");
        assert_eq!(out, "SUMMARY:Mentorsträff\r\n");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        for line in ["SUMMARY:".to_string() + &"å".repeat(200), "X:".to_string() + &"a€𝄞ö".repeat(100), "Y:".to_string() + &"b".repeat(149)]
        {
            let mut out = String::new();
            fold_into(&mut out, &line);
            assert!(out.ends_with("\r\n"));
            let body = &out[..out.len() - 2];
            for (i, l) in body.split("\r\n").enumerate() {
                assert!(l.len() <= 75, "line {i} has {} octets", l.len());
                assert!(i == 0 || l.starts_with(' '));
                // Every physical line but the last is filled to within one character.
                assert!(l.len() >= 71 || i == body.split("\r\n").count() - 1, "line {i} is short: {}", l.len());
            }
            assert_eq!(unfold(body), line);
        }
    }

    #[test]
    fn a_line_of_exactly_75_octets_stays_whole() {
        let line = "D:".to_string() + &"x".repeat(73);
        let mut out = String::new();
        fold_into(&mut out, &line);
        assert_eq!(out, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf\rg\u{7}h"), "a\\,b\\;c\\\\d\\ne\\nf\\ngh");
    }
}
