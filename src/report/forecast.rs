//! What a plan holds for forecast hires (issue 11, item 3): seats per course start and
//! municipality, and `explain` of a placeholder or of a municipality, in the coordinator's
//! words (names, never ids).

use crate::format::plan::PlanFile;
use crate::model::Instance;
use crate::text::{self, tr};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Seats held for forecast hires at one course start in one municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldSeats {
    /// The course's name.
    pub course: String,
    /// The session's first day.
    pub start: NaiveDate,
    /// The hires' municipality's name.
    pub municipality: String,
    /// Seats held.
    pub seats: usize,
}

/// The seats a plan holds for forecast hires, by course start (then course) and municipality.
pub fn held_seats(inst: &Instance, plan: &PlanFile) -> Vec<HeldSeats> {
    let part: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut rows: BTreeMap<(NaiveDate, String, String), usize> = BTreeMap::new();
    for s in plan.timetable.iter().flat_map(|t| &t.sessions) {
        let Some(&start) = s.dates.first() else { continue };
        let course = inst.timetable.courses.iter().find(|c| c.id == s.course).map_or(s.course.clone(), |c| c.name.clone());
        for a in &s.forecast {
            let muni = part
                .get(a.as_str())
                .map_or_else(String::new, |&p| inst.municipalities[inst.participants[p].municipality.index()].name.clone());
            *rows.entry((start, course.clone(), muni)).or_default() += 1;
        }
    }
    rows.into_iter().map(|((start, course, municipality), seats)| HeldSeats { course, start, municipality, seats }).collect()
}

/// The month of an entry in words, e.g. "mars 2027".
fn month_words(month: NaiveDate) -> String {
    format!("{} {}", text::month(month.month()), month.year())
}

/// The `explain` line of a placeholder, if `p` is one.
pub fn placeholder_line(inst: &Instance, p: usize) -> Option<String> {
    let e = &inst.forecast[inst.participants.get(p)?.forecast?];
    Some(tr!(
        "explain-forecast-placeholder",
        municipality = inst.municipalities[e.municipality.index()].name.as_str(),
        month = month_words(e.month),
        hires = e.hires,
        named = e.named.len(),
        employed = e.start.to_string()
    ))
}

/// `explain` of a municipality: its forecast entries (expected, named, placeholders left) and
/// the seats held for them. None when `id` is no municipality.
pub fn explain_municipality(inst: &Instance, plan: &PlanFile, id: &str) -> Option<String> {
    let m = inst.municipalities.iter().position(|x| x.id == id)?;
    let name = inst.municipalities[m].name.as_str();
    let mut s = String::new();
    let entries: Vec<_> = inst.forecast.iter().filter(|e| e.municipality.index() == m).collect();
    if entries.is_empty() {
        let _ = writeln!(s, "{}", tr!("explain-forecast-none", municipality = name));
        return Some(s);
    }
    let _ = writeln!(s, "{}", tr!("explain-forecast-heading", municipality = name));
    for e in entries {
        let unit = e.unit.map_or_else(|| "none".to_string(), |u| inst.units[u.index()].name.clone());
        let line = tr!(
            "explain-forecast-entry",
            month = month_words(e.month),
            unit = unit,
            hires = e.hires,
            named = e.named.len(),
            left = e.placeholders()
        );
        let _ = writeln!(s, "- {line}");
    }
    for r in held_seats(inst, plan).into_iter().filter(|r| r.municipality == name) {
        let line = tr!("explain-forecast-seats", course = r.course.as_str(), start = r.start.to_string(), n = r.seats);
        let _ = writeln!(s, "- {line}");
    }
    Some(s)
}
