//! Validation of instance files: every problem at once, each with a stable code.
//!
//! The codes are listed in `docs/errors.md`, and `instances/invalid/` holds one example file
//! per code. Validation only reports; it never repairs.

mod costs;
mod course_roles;
mod course_subregions;
mod courses_in_time;
mod forecast;
mod introduction;

use super::{Problem, ValidationCode as Code};
use crate::format::*;
use crate::text::tr;
use chrono::NaiveDate;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Largest `first_meeting_after_days`: half a year.
const MAX_FIRST_MEETING_AFTER_DAYS: u32 = 183;

pub(super) fn problem(code: Code, path: impl Into<String>, message: impl Into<String>, action: impl Into<String>) -> Problem {
    Problem { code, path: path.into(), line: None, column: None, message: message.into(), action: action.into() }
}

/// Parses the text into the file types. Syntax errors carry line and column; type errors
/// are collected element by element so that one bad participant does not hide another.
pub fn parse(text: &str) -> Result<InstanceFile, Vec<Problem>> {
    let value: Value = super::json::parse_value(text)?;
    if let Some(p) = check_format_marker(&value) {
        return Err(vec![p]);
    }
    match serde_path_to_error::deserialize::<_, InstanceFile>(&value) {
        Ok(file) => Ok(file),
        Err(_) => Err(collect_type_errors(&value)),
    }
}

/// A serde_json message without its " at line … column …" tail.
pub(super) fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn check_format_marker(value: &Value) -> Option<Problem> {
    let obj = match value.as_object() {
        Some(o) => o,
        None => {
            return Some(problem(Code::Type, "", tr!("load-not-an-object"), tr!("load-not-an-object-hint")));
        }
    };
    match obj.get("format").and_then(Value::as_str) {
        Some("trappa-instance") => {}
        other => {
            return Some(problem(
                Code::FormatVersion,
                "format",
                tr!("load-format-expected", found = other.map(|s| format!("\"{s}\"")).unwrap_or_else(|| tr!("load-found-nothing"))),
                tr!("load-format-hint"),
            ))
        }
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(v) if super::upgrade::reads(v) => None,
        other => Some(problem(
            Code::FormatVersion,
            "version",
            tr!(
                "load-version-expected",
                version = super::upgrade::readable_versions(),
                found = other.map(|v| v.to_string()).unwrap_or_else(|| tr!("load-found-none"))
            ),
            tr!("load-version-hint"),
        )),
    }
}

fn type_problem(path: String, err: &serde_json::Error) -> Problem {
    let message = super::json::serde_text(&strip_position(&err.to_string()));
    if err.to_string().starts_with(crate::format::date::INVALID_DATE) {
        return problem(Code::DateFormat, path, message, tr!("load-date-hint"));
    }
    problem(Code::Type, path, message, tr!("load-type-hint"))
}

fn collect_type_errors(value: &Value) -> Vec<Problem> {
    const ARRAYS: &[(&str, &str)] = &[
        ("participants", ""),
        ("mentors", ""),
        ("municipalities", "region"),
        ("units", "region"),
        ("courses", ""),
        ("trainers", ""),
        ("venues", ""),
        ("demand", ""),
    ];
    let mut problems = Vec::new();
    let mut stripped = value.clone();
    for (name, parent) in ARRAYS {
        let container = if parent.is_empty() { Some(&mut stripped) } else { stripped.get_mut(*parent) };
        let Some(container) = container else { continue };
        let Some(items) = container.get_mut(*name).and_then(|v| v.as_array_mut()) else {
            continue;
        };
        let prefix = if parent.is_empty() { name.to_string() } else { format!("{parent}.{name}") };
        for (i, item) in items.iter().enumerate() {
            let result = match *name {
                "participants" => serde_path_to_error::deserialize::<_, ParticipantSpec>(item.clone()).map(|_| ()),
                "mentors" => serde_path_to_error::deserialize::<_, MentorSpec>(item.clone()).map(|_| ()),
                "municipalities" => serde_path_to_error::deserialize::<_, MunicipalitySpec>(item.clone()).map(|_| ()),
                "courses" => serde_path_to_error::deserialize::<_, CourseSpec>(item.clone()).map(|_| ()),
                "trainers" => serde_path_to_error::deserialize::<_, TrainerSpec>(item.clone()).map(|_| ()),
                "venues" => serde_path_to_error::deserialize::<_, VenueSpec>(item.clone()).map(|_| ()),
                "demand" => serde_path_to_error::deserialize::<_, DemandSpec>(item.clone()).map(|_| ()),
                _ => serde_path_to_error::deserialize::<_, UnitSpec>(item.clone()).map(|_| ()),
            };
            if let Err(e) = result {
                problems.push(type_problem(join_path(&format!("{prefix}[{i}]"), &e.path().to_string()), e.inner()));
            }
        }
        items.clear();
    }
    if let Err(e) = serde_path_to_error::deserialize::<_, InstanceFile>(stripped) {
        problems.push(type_problem(e.path().to_string(), e.inner()));
    }
    problems
}

fn join_path(prefix: &str, rest: &str) -> String {
    if rest.is_empty() || rest == "." {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// Semantic validation of a parsed file: references, ids, numbers, dates and rules.
pub fn validate(f: &InstanceFile) -> Vec<Problem> {
    let mut v = Validator { problems: Vec::new() };
    v.round(f);
    v.times(f);
    v.calendar(f);
    v.region(f);
    v.phases(f);
    v.people(f);
    v.mentorship(f);
    v.weights(f);
    v.groups(f);
    v.courses(f);
    v.trainers_and_venues(f);
    v.demand(f);
    v.workload(f);
    v.courses_in_time(f);
    v.course_roles(f);
    v.course_subregions(f);
    v.introduction(f);
    v.costs(f);
    v.forecast(f);
    // The size limits keep building the model (pins need it) bounded.
    v.problems.extend(super::limits::check_file(f));
    // Pins are checked against an otherwise valid file (they need its model).
    if v.problems.is_empty() {
        v.problems.extend(super::validate_pins::validate_pins(f));
    }
    v.problems
}

struct Validator {
    problems: Vec<Problem>,
}

/// What kind of item a reference names.
#[derive(Clone, Copy)]
enum Ref {
    Municipality,
    Unit,
    Phase,
    Participant,
    Mentor,
    Course,
}

impl Validator {
    fn push(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>, action: impl Into<String>) {
        self.problems.push(problem(code, path, message, action));
    }

    /// A reference to an id the file does not define (`E021`).
    fn unknown(&mut self, path: String, kind: Ref, id: &str) {
        let (message, action) = match kind {
            Ref::Municipality => (tr!("load-unknown-municipality", id = id), tr!("load-use-municipality-id")),
            Ref::Unit => (tr!("load-unknown-unit", id = id), tr!("load-use-unit-id")),
            Ref::Phase => (tr!("load-unknown-phase", id = id), tr!("load-use-phase-id")),
            Ref::Participant => (tr!("load-unknown-participant", id = id), tr!("load-use-participant-id")),
            Ref::Mentor => (tr!("load-unknown-mentor", id = id), tr!("load-use-mentor-id")),
            Ref::Course => (tr!("load-unknown-course", id = id), tr!("load-use-course-id")),
        };
        self.push(Code::UnknownReference, path, message, action);
    }

    fn finite(&mut self, path: String, x: f64, min: f64, max: f64, what: &str) {
        if !x.is_finite() || x < min || x > max {
            self.push(
                Code::OutOfRange,
                path,
                tr!("load-out-of-range", what = what, value = x.to_string(), min = min.to_string(), max = max.to_string()),
                tr!("load-out-of-range-hint", what = what, min = min.to_string(), max = max.to_string()),
            );
        }
    }

    fn nonempty(&mut self, path: String, s: &str, what: &str) {
        if s.trim().is_empty() {
            self.push(Code::EmptyField, path, tr!("load-empty", what = what), tr!("load-empty-hint", what = what));
        }
    }

    fn unique_ids<'a>(&mut self, prefix: &str, ids: impl Iterator<Item = &'a str>, seen: &mut HashMap<String, String>) {
        for (i, id) in ids.enumerate() {
            let path = format!("{prefix}[{i}].id");
            self.nonempty(path.clone(), id, &tr!("load-what-id"));
            if let Some(first) = seen.get(id) {
                let first = first.clone();
                self.push(Code::DuplicateId, path, tr!("load-duplicate-id", id = id, first = first), tr!("load-duplicate-id-hint"));
            } else {
                seen.insert(id.to_string(), path);
            }
        }
    }

    /// Each kind of activity ends after it starts (the defaults filling what is not given).
    fn times(&mut self, f: &InstanceFile) {
        let t = &f.round.meeting_times;
        let action = tr!("load-meeting-times-hint");
        let kinds = [
            ("mentor", tr!("load-what-mentor-meetings"), t.mentor, t.mentor()),
            ("group", tr!("load-what-group-meetings"), t.group, t.group()),
            ("course", tr!("load-what-course-days"), t.course, t.course(None)),
        ];
        for (key, what, given, (start, end)) in kinds {
            if end <= start {
                let field = if given.end.is_some() { "end" } else { "start" };
                self.push(
                    Code::MeetingTimes,
                    format!("round.meeting_times.{key}.{field}"),
                    tr!("load-meeting-times", what = what, end = end.to_string(), start = start.to_string()),
                    action.as_str(),
                );
            }
        }
        for (i, c) in f.courses.iter().enumerate().filter(|(_, c)| c.start_time.is_some() || c.end_time.is_some()) {
            let (start, end) = t.course(Some(c));
            if end <= start {
                let field = if c.end_time.is_some() { "end_time" } else { "start_time" };
                self.push(
                    Code::MeetingTimes,
                    format!("courses[{i}].{field}"),
                    tr!("load-course-times", course = c.id.as_str(), end = end.to_string(), start = start.to_string()),
                    action.as_str(),
                );
            }
        }
    }

    fn round(&mut self, f: &InstanceFile) {
        self.nonempty("round.name".into(), &f.round.name, &tr!("load-what-round-name"));
        if f.round.end < f.round.start {
            self.push(
                Code::RoundDates,
                "round.end",
                tr!("load-round-reversed", end = f.round.end.to_string(), start = f.round.start.to_string()),
                tr!("load-round-reversed-hint"),
            );
        } else if (f.round.end - f.round.start).num_days() > 3 * 366 {
            self.push(Code::RoundDates, "round.end", tr!("load-round-too-long"), tr!("load-round-too-long-hint"));
        }
        // A round may start with a forecast only: its hires are not named yet.
        if f.participants.is_empty() && f.forecast.iter().all(|e| e.hires <= 0) {
            self.push(Code::EmptyRound, "participants", tr!("load-no-participants"), tr!("load-no-participants-hint"));
        }
    }

    fn date_list(&mut self, prefix: &str, list: &[DateOrRange]) {
        for (i, item) in list.iter().enumerate() {
            if let DateOrRange::Range { from, to, .. } = item {
                if to < from {
                    self.push(
                        Code::DateRange,
                        format!("{prefix}[{i}]"),
                        tr!("load-range-reversed", to = to.to_string(), from = from.to_string()),
                        tr!("load-range-reversed-hint"),
                    );
                }
            }
        }
    }

    fn calendar(&mut self, f: &InstanceFile) {
        self.date_list("calendar.closed", &f.calendar.closed);
    }

    fn region(&mut self, f: &InstanceFile) {
        let r = &f.region;
        if r.municipalities.is_empty() {
            self.push(Code::UnknownReference, "region.municipalities", tr!("load-no-municipalities"), tr!("load-no-municipalities-hint"));
        }
        let mut seen = HashMap::new();
        self.unique_ids("region.municipalities", r.municipalities.iter().map(|m| m.id.as_str()), &mut seen);
        for (i, m) in r.municipalities.iter().enumerate() {
            let p = format!("region.municipalities[{i}]");
            self.nonempty(format!("{p}.name"), &m.name, &tr!("load-what-name"));
            if m.population < 0 {
                self.push(
                    Code::NegativeNumber,
                    format!("{p}.population"),
                    tr!("load-population-negative", value = m.population.to_string()),
                    tr!("load-population-hint"),
                );
            }
            self.finite(format!("{p}.lat"), m.lat, -90.0, 90.0, &tr!("load-what-latitude"));
            self.finite(format!("{p}.lon"), m.lon, -180.0, 180.0, &tr!("load-what-longitude"));
            if let Some(s) = m.cost_share {
                self.finite(format!("{p}.cost_share"), s, 0.0, 1.0, &tr!("load-what-cost-share"));
            }
        }
        let munis: HashSet<&str> = r.municipalities.iter().map(|m| m.id.as_str()).collect();
        let mut seen_units = HashMap::new();
        self.unique_ids("region.units", r.units.iter().map(|u| u.id.as_str()), &mut seen_units);
        for (i, u) in r.units.iter().enumerate() {
            let p = format!("region.units[{i}]");
            if !munis.contains(u.municipality.as_str()) {
                self.unknown(format!("{p}.municipality"), Ref::Municipality, &u.municipality);
            }
            if u.headcount <= 0 {
                self.push(
                    Code::NegativeNumber,
                    format!("{p}.headcount"),
                    tr!("load-headcount-negative", value = u.headcount.to_string()),
                    tr!("load-headcount-hint"),
                );
            }
        }
        let t = &r.travel;
        self.finite("region.travel.road_factor".into(), t.road_factor, 1.0, 5.0, &tr!("load-what-road-factor"));
        self.finite("region.travel.speed_kmh".into(), t.speed_kmh, 1.0, 300.0, &tr!("load-what-speed"));
        let mut pairs = HashSet::new();
        for (i, e) in t.table.iter().enumerate() {
            let p = format!("region.travel.table[{i}]");
            for (field, id) in [("from", &e.from), ("to", &e.to)] {
                if !munis.contains(id.as_str()) {
                    self.unknown(format!("{p}.{field}"), Ref::Municipality, id);
                }
            }
            self.finite(format!("{p}.minutes"), e.minutes, 0.0, 24.0 * 60.0, &tr!("load-what-travel-minutes"));
            let key = if e.from <= e.to { (e.from.clone(), e.to.clone()) } else { (e.to.clone(), e.from.clone()) };
            if !pairs.insert(key) {
                self.push(
                    Code::DuplicateId,
                    p,
                    tr!("load-travel-twice", from = e.from.as_str(), to = e.to.as_str()),
                    tr!("load-travel-twice-hint"),
                );
            }
        }
    }

    fn phases(&mut self, f: &InstanceFile) {
        if f.phases.is_empty() {
            self.push(Code::Phases, "phases", tr!("load-no-phases"), tr!("load-no-phases-hint"));
            return;
        }
        if f.phases[0].min_years != 0.0 {
            self.push(
                Code::Phases,
                "phases[0].min_years",
                tr!("load-first-phase", years = f.phases[0].min_years.to_string()),
                tr!("load-first-phase-hint"),
            );
        }
        let mut ids = HashSet::new();
        for (i, ph) in f.phases.iter().enumerate() {
            self.nonempty(format!("phases[{i}].id"), &ph.id, &tr!("load-what-phase-id"));
            if !ids.insert(ph.id.as_str()) {
                self.push(
                    Code::Phases,
                    format!("phases[{i}].id"),
                    tr!("load-phase-twice", id = ph.id.as_str()),
                    tr!("load-phase-twice-hint"),
                );
            }
            if !ph.min_years.is_finite() || (i > 0 && ph.min_years <= f.phases[i - 1].min_years) {
                self.push(Code::Phases, format!("phases[{i}].min_years"), tr!("load-phases-order"), tr!("load-phases-order-hint"));
            }
        }
    }

    fn people(&mut self, f: &InstanceFile) {
        let units: HashMap<&str, i64> = f.region.units.iter().map(|u| (u.id.as_str(), u.headcount)).collect();
        self.unique_ids("participants", f.participants.iter().map(|p| p.id.as_str()), &mut HashMap::new());
        self.unique_ids("mentors", f.mentors.iter().map(|m| m.id.as_str()), &mut HashMap::new());
        self.unique_ids("group_leaders", f.group_leaders.iter().map(|l| l.id.as_str()), &mut HashMap::new());
        self.joint_people(f);
        let mut per_unit: HashMap<&str, i64> = HashMap::new();
        let participants: HashSet<&str> = f.participants.iter().map(|p| p.id.as_str()).collect();
        let mentor_ids: HashSet<&str> = f.mentors.iter().map(|m| m.id.as_str()).collect();
        for (i, p) in f.participants.iter().enumerate() {
            let path = format!("participants[{i}]");
            self.nonempty(format!("{path}.name"), &p.name, &tr!("load-what-name"));
            if units.contains_key(p.unit.as_str()) {
                *per_unit.entry(p.unit.as_str()).or_default() += 1;
            } else {
                self.unknown(format!("{path}.unit"), Ref::Unit, &p.unit);
            }
            for (field, date) in [("profession_start", p.profession_start), ("employment_start", p.employment_start)] {
                if date > f.round.end {
                    self.push(
                        Code::ImpossibleDate,
                        format!("{path}.{field}"),
                        tr!("load-date-after-round", field = field, date = date.to_string(), end = f.round.end.to_string()),
                        tr!("load-date-after-round-hint"),
                    );
                }
            }
            self.date_list(&format!("{path}.unavailable"), &p.unavailable);
        }
        for (i, m) in f.mentors.iter().enumerate() {
            let path = format!("mentors[{i}]");
            self.nonempty(format!("{path}.name"), &m.name, &tr!("load-what-name"));
            if m.unit.trim().is_empty() {
                self.push(Code::EmptyField, format!("{path}.unit"), tr!("load-mentor-no-unit"), tr!("load-mentor-no-unit-hint"));
            } else if units.contains_key(m.unit.as_str()) {
                // A participant who also mentors is one person of the unit, counted once.
                if !participants.contains(m.id.as_str()) {
                    *per_unit.entry(m.unit.as_str()).or_default() += 1;
                }
            } else {
                self.unknown(format!("{path}.unit"), Ref::Unit, &m.unit);
            }
            if m.capacity < 0 {
                self.push(
                    Code::NegativeNumber,
                    format!("{path}.capacity"),
                    tr!("load-capacity-negative", value = m.capacity.to_string()),
                    tr!("load-mentor-capacity-hint"),
                );
            }
            self.finite(format!("{path}.years_in_profession"), m.years_in_profession, 0.0, 60.0, &tr!("load-what-years-in-profession"));
            if let Some(t) = m.max_travel_minutes {
                self.finite(format!("{path}.max_travel_minutes"), t, 0.0, 24.0 * 60.0, &tr!("load-what-max-travel-minutes"));
            }
            self.date_list(&format!("{path}.unavailable"), &m.unavailable);
            for (k, h) in m.history.iter().enumerate() {
                // Earlier mentees who are not in this round do no harm: they cannot be paired
                // again. Only a reference to a mentor is wrong.
                if !participants.contains(h.as_str()) && mentor_ids.contains(h.as_str()) {
                    self.push(
                        Code::UnknownReference,
                        format!("{path}.history[{k}]"),
                        tr!("load-history-mentor", id = h.as_str()),
                        tr!("load-history-mentor-hint"),
                    );
                }
            }
        }
        let mut unit_index: Vec<(&str, i64)> = per_unit.into_iter().collect();
        unit_index.sort();
        for (unit, count) in unit_index {
            let headcount = units[unit];
            if headcount > 0 && count > headcount {
                let i = f.region.units.iter().position(|u| u.id == unit).unwrap_or(0);
                self.push(
                    Code::UnitOverfull,
                    format!("region.units[{i}].headcount"),
                    tr!("load-unit-overfull", unit = unit, headcount = headcount.to_string(), count = count),
                    tr!("load-unit-overfull-hint"),
                );
            }
        }
    }

    /// The spread of meeting days: capacities per day of at least one meeting, and a first
    /// meeting at most half a year after the round's start.
    fn meeting_days(&mut self, f: &InstanceFile) {
        let r = &f.mentorship;
        let caps = [
            ("mentorship.mentor_meetings_per_day", Some(r.mentor_meetings_per_day)),
            ("mentorship.place_meetings_per_day", r.place_meetings_per_day),
        ];
        for (path, cap) in caps {
            if cap == Some(0) {
                self.push(
                    Code::MeetingRules,
                    path,
                    tr!("load-meetings-per-day-zero", field = path),
                    tr!("load-meetings-per-day-zero-hint"),
                );
            }
        }
        let mut after = vec![("mentorship.first_meeting_after_days".to_string(), r.first_meeting_after_days)];
        for (i, g) in f.group_programmes.iter().enumerate() {
            after.push((format!("group_programmes[{i}].meetings.first_meeting_after_days"), g.meetings.first_meeting_after_days));
        }
        for (path, days) in after.into_iter().filter(|(_, d)| *d > MAX_FIRST_MEETING_AFTER_DAYS) {
            self.push(
                Code::MeetingRules,
                path,
                tr!("load-first-meeting-after", days = days.to_string()),
                tr!("load-first-meeting-after-hint", max = MAX_FIRST_MEETING_AFTER_DAYS.to_string()),
            );
        }
    }

    /// One person, several roles (`E023`): an id given in more than one of the lists of
    /// participants, mentors, group leaders, trainers and introduktörer is one person, who holds
    /// every role it is listed in. The records must then agree on the name, and those with a
    /// unit (participant, mentor, introduktör) on the unit.
    fn joint_people(&mut self, f: &InstanceFile) {
        let records = f
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("participants[{i}]"), p.id.as_str(), p.name.as_str(), Some(p.unit.as_str())))
            .chain(
                f.mentors.iter().enumerate().map(|(i, m)| (format!("mentors[{i}]"), m.id.as_str(), m.name.as_str(), Some(m.unit.as_str()))),
            )
            .chain(f.group_leaders.iter().enumerate().map(|(i, l)| (format!("group_leaders[{i}]"), l.id.as_str(), l.name.as_str(), None)))
            .chain(f.trainers.iter().enumerate().map(|(i, t)| (format!("trainers[{i}]"), t.id.as_str(), t.name.as_str(), None)))
            .chain(
                f.introducers
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("introducers[{i}]"), x.id.as_str(), x.name.as_str(), Some(x.unit.as_str()))),
            );
        let mut first: HashMap<&str, (String, &str, Option<&str>)> = HashMap::new();
        for (path, id, name, unit) in records {
            let list = path.split('[').next().unwrap_or_default().to_string();
            let Some((at, first_name, first_unit)) = first.get(id).cloned() else {
                first.insert(id, (path, name, unit));
                continue;
            };
            // A repeat inside one list is a duplicate id (`E020`), reported by `unique_ids`.
            if at.starts_with(&format!("{list}[")) {
                continue;
            }
            if name.trim() != first_name.trim() {
                self.push(
                    Code::PersonMismatch,
                    format!("{path}.name"),
                    tr!("load-person-name-mismatch", id = id, first = at.as_str(), first_name = first_name, name = name),
                    tr!("load-person-mismatch-hint"),
                );
            } else if let (Some(u), Some(fu)) = (unit, first_unit) {
                if u != fu {
                    self.push(
                        Code::PersonMismatch,
                        format!("{path}.unit"),
                        tr!("load-person-unit-mismatch", id = id, first = at.as_str(), first_unit = fu, unit = u),
                        tr!("load-person-mismatch-hint"),
                    );
                }
            }
            if first_unit.is_none() && unit.is_some() {
                first.insert(id, (at, first_name, unit));
            }
        }
    }

    fn mentorship(&mut self, f: &InstanceFile) {
        self.meeting_days(f);
        let r = &f.mentorship;
        if r.max_meetings == 0 || r.min_meetings > r.max_meetings {
            self.push(
                Code::MeetingRules,
                "mentorship.min_meetings",
                tr!("load-meeting-count", min = r.min_meetings.to_string(), max = r.max_meetings.to_string()),
                tr!("load-meeting-count-hint"),
            );
        }
        if r.max_meetings > 36 {
            self.push(
                Code::MeetingRules,
                "mentorship.max_meetings",
                tr!("load-max-meetings", max = r.max_meetings.to_string()),
                tr!("load-max-meetings-hint"),
            );
        }
        if r.min_days_between == 0 || r.min_days_between > 62 {
            self.push(
                Code::MeetingRules,
                "mentorship.min_days_between",
                tr!("load-min-days-between", days = r.min_days_between.to_string()),
                tr!("load-min-days-between-hint"),
            );
        }
        // Only a round with mentors forms pairs; a course-only term need not fit eight meetings.
        if f.round.end >= f.round.start && !f.mentors.is_empty() {
            let months = month_span(f.round.start, f.round.end);
            if (r.min_meetings as i64) > months {
                self.push(
                    Code::MeetingRules,
                    "mentorship.min_meetings",
                    tr!("load-meetings-do-not-fit", n = r.min_meetings.to_string(), months = months),
                    tr!("load-meetings-do-not-fit-hint"),
                );
            }
        }
        let phases: HashSet<&str> = f.phases.iter().map(|p| p.id.as_str()).collect();
        for (i, ph) in r.eligible_phases.iter().enumerate() {
            if !phases.contains(ph.as_str()) {
                self.unknown(format!("mentorship.eligible_phases[{i}]"), Ref::Phase, ph);
            }
        }
        self.finite("mentorship.mentor_min_years".into(), r.mentor_min_years, 0.0, 60.0, &tr!("load-what-mentor-min-years"));
        let mentors: HashSet<&str> = f.mentors.iter().map(|m| m.id.as_str()).collect();
        let participants: HashSet<&str> = f.participants.iter().map(|p| p.id.as_str()).collect();
        let mut excl = HashSet::new();
        for (i, e) in r.exclusions.iter().enumerate() {
            self.pair_refs(&format!("mentorship.exclusions[{i}]"), &e.mentor, &e.mentee, &mentors, &participants);
            if !excl.insert((e.mentor.as_str(), e.mentee.as_str())) {
                self.push(
                    Code::DuplicateId,
                    format!("mentorship.exclusions[{i}]"),
                    tr!("load-exclusion-twice", mentor = e.mentor.as_str(), mentee = e.mentee.as_str()),
                    tr!("load-one-entry-per-pair"),
                );
            }
        }
        let mut costs = HashSet::new();
        for (i, c) in r.pair_costs.iter().enumerate() {
            let path = format!("mentorship.pair_costs[{i}]");
            self.pair_refs(&path, &c.mentor, &c.mentee, &mentors, &participants);
            self.finite(format!("{path}.cost"), c.cost, -1e9, 1e9, &tr!("load-what-pair-cost"));
            if !costs.insert((c.mentor.as_str(), c.mentee.as_str())) {
                self.push(
                    Code::DuplicateId,
                    path,
                    tr!("load-pair-cost-twice", mentor = c.mentor.as_str(), mentee = c.mentee.as_str()),
                    tr!("load-one-entry-per-pair"),
                );
            }
        }
    }

    fn groups(&mut self, f: &InstanceFile) {
        let munis: HashSet<&str> = f.region.municipalities.iter().map(|m| m.id.as_str()).collect();
        let phases: HashSet<&str> = f.phases.iter().map(|p| p.id.as_str()).collect();
        let participants: HashSet<&str> = f.participants.iter().map(|p| p.id.as_str()).collect();
        let mut seen = HashMap::new();
        self.unique_ids("group_programmes", f.group_programmes.iter().map(|g| g.id.as_str()), &mut seen);
        for (i, g) in f.group_programmes.iter().enumerate() {
            let path = format!("group_programmes[{i}]");
            self.nonempty(format!("{path}.name"), &g.name, &tr!("load-what-name"));
            let (dmin, dmax) = g.kind.default_size();
            let (lo, hi) = (g.min_size.unwrap_or(dmin), g.max_size.unwrap_or(dmax));
            if lo == 0 || lo > hi {
                self.push(
                    Code::GroupRules,
                    format!("{path}.min_size"),
                    tr!("load-group-size-empty", min = lo.to_string(), max = hi.to_string()),
                    tr!("load-size-hint"),
                );
            }
            if let Some(sizes) = &g.group_sizes {
                if sizes.is_empty() || sizes.iter().any(|r| r.min == 0 || r.min > r.max) {
                    self.push(Code::GroupRules, format!("{path}.group_sizes"), tr!("load-group-sizes-empty"), tr!("load-group-sizes-hint"));
                }
            }
            if g.groups == Some(0) {
                self.push(Code::GroupRules, format!("{path}.groups"), tr!("load-zero-groups"), tr!("load-zero-groups-hint"));
            }
            if matches!(g.max_per_municipality, Some(0)) || matches!(g.max_per_unit, Some(0)) {
                self.push(Code::GroupRules, path.clone(), tr!("load-mixing-cap-zero"), tr!("load-mixing-cap-zero-hint"));
            }
            let m = &g.meetings;
            if m.max == 0 || m.min > m.max || m.min_days_between == 0 || m.min_days_between > 62 {
                self.push(
                    Code::GroupRules,
                    format!("{path}.meetings"),
                    tr!("load-group-meetings", min = m.min.to_string(), max = m.max.to_string(), gap = m.min_days_between.to_string()),
                    tr!("load-group-meetings-hint"),
                );
            } else if f.round.end >= f.round.start && (m.min as i64) > month_span(f.round.start, f.round.end) {
                self.push(
                    Code::GroupRules,
                    format!("{path}.meetings.min"),
                    tr!("load-group-meetings-do-not-fit", n = m.min.to_string()),
                    tr!("load-group-meetings-do-not-fit-hint"),
                );
            }
            for (k, ph) in g.eligibility.phases.iter().enumerate() {
                if !phases.contains(ph.as_str()) {
                    self.unknown(format!("{path}.eligibility.phases[{k}]"), Ref::Phase, ph);
                }
            }
            if let (Some(a), Some(b)) = (g.eligibility.min_months, g.eligibility.max_months) {
                if a > b {
                    self.push(
                        Code::GroupRules,
                        format!("{path}.eligibility.min_months"),
                        tr!("load-months-reversed", min = a.to_string(), max = b.to_string()),
                        tr!("load-months-reversed-hint"),
                    );
                }
            }
            for (k, id) in g.enrolled.iter().flatten().enumerate() {
                if !participants.contains(id.as_str()) {
                    self.unknown(format!("{path}.enrolled[{k}]"), Ref::Participant, id);
                }
            }
            if let Some(v) = &g.venue {
                if !munis.contains(v.as_str()) {
                    self.unknown(format!("{path}.venue"), Ref::Municipality, v);
                }
            }
            let dw = &g.diversity;
            for (name, x) in [
                ("different_municipality", dw.different_municipality),
                ("different_unit", dw.different_unit),
                ("different_role", dw.different_role),
                ("not_together_before", dw.not_together_before),
                ("travel_per_minute", dw.travel_per_minute),
            ] {
                self.finite(format!("{path}.diversity.{name}"), x, 0.0, 1e6, &tr!("load-what-weight"));
            }
            self.pair_weights(&path, &g.pair_weights, &participants);
            self.group_time(f, &path, g);
        }
        self.group_leaders(f, &munis);
    }

    /// A programme's rules in time: cohorts, a linked course, compact series, leaders per group.
    fn group_time(&mut self, f: &InstanceFile, path: &str, g: &GroupProgrammeSpec) {
        if let Some(c) = &g.linked_course {
            if !f.courses.iter().any(|x| &x.id == c) {
                self.unknown(format!("{path}.linked_course"), Ref::Course, c);
            }
        }
        if g.cohort_months == Some(0) || g.cohort_months.is_some_and(|n| n > 120) {
            self.push(Code::GroupRules, format!("{path}.cohort_months"), tr!("load-cohort-months"), tr!("load-cohort-months-hint"));
        }
        let staged = g.cohort_months.is_some() || g.linked_course.is_some();
        if g.cohort_months.is_some() && g.linked_course.is_some() {
            self.push(Code::GroupRules, path.to_string(), tr!("load-cohort-and-linked"), tr!("load-cohort-and-linked-hint"));
        }
        if staged && (g.groups.is_some() || g.group_sizes.is_some() || !g.fixed_groups.is_empty()) {
            self.push(Code::GroupRules, path.to_string(), tr!("load-staged-with-groups"), tr!("load-staged-with-groups-hint"));
        }
        if g.leaders_per_group == 0 || g.leaders_per_group > 4 {
            self.push(
                Code::GroupRules,
                format!("{path}.leaders_per_group"),
                tr!("load-leaders-per-group", n = g.leaders_per_group.to_string()),
                tr!("load-leaders-per-group-hint"),
            );
        }
        if let Some(max) = g.meetings.max_days_between {
            if max < g.meetings.min_days_between {
                self.push(
                    Code::GroupRules,
                    format!("{path}.meetings.max_days_between"),
                    tr!("load-max-days-between", max = max.to_string(), min = g.meetings.min_days_between.to_string()),
                    tr!("load-max-days-between-hint"),
                );
            }
        }
    }

    fn pair_weights(&mut self, path: &str, weights: &[PairWeight], participants: &HashSet<&str>) {
        let mut pairs = HashSet::new();
        for (k, pw) in weights.iter().enumerate() {
            let pp = format!("{path}.pair_weights[{k}]");
            for (field, id) in [("a", &pw.a), ("b", &pw.b)] {
                if !participants.contains(id.as_str()) {
                    self.unknown(format!("{pp}.{field}"), Ref::Participant, id);
                }
            }
            self.finite(format!("{pp}.w"), pw.w, -1e9, 1e9, &tr!("load-what-pair-weight"));
            let key = if pw.a <= pw.b { (pw.a.as_str(), pw.b.as_str()) } else { (pw.b.as_str(), pw.a.as_str()) };
            if pw.a == pw.b || !pairs.insert(key) {
                self.push(
                    Code::DuplicateId,
                    pp,
                    tr!("load-pair-weight-twice", a = pw.a.as_str(), b = pw.b.as_str()),
                    tr!("load-pair-weight-twice-hint"),
                );
            }
        }
    }

    fn group_leaders(&mut self, f: &InstanceFile, munis: &HashSet<&str>) {
        for (i, l) in f.group_leaders.iter().enumerate() {
            let path = format!("group_leaders[{i}]");
            self.nonempty(format!("{path}.name"), &l.name, &tr!("load-what-name"));
            if !munis.contains(l.municipality.as_str()) {
                self.unknown(format!("{path}.municipality"), Ref::Municipality, &l.municipality);
            }
            if l.max_groups < 0 {
                self.push(
                    Code::NegativeNumber,
                    format!("{path}.max_groups"),
                    tr!("load-max-groups-negative", value = l.max_groups.to_string()),
                    tr!("load-max-groups-hint"),
                );
            }
            self.date_list(&format!("{path}.unavailable"), &l.unavailable);
        }
    }

    fn pair_refs(&mut self, path: &str, mentor: &str, mentee: &str, mentors: &HashSet<&str>, participants: &HashSet<&str>) {
        if !mentors.contains(mentor) {
            self.unknown(format!("{path}.mentor"), Ref::Mentor, mentor);
        }
        if !participants.contains(mentee) {
            self.unknown(format!("{path}.mentee"), Ref::Participant, mentee);
        }
    }

    fn weights(&mut self, f: &InstanceFile) {
        let w = &f.weights;
        for (name, x) in [
            ("travel_per_minute", w.travel_per_minute),
            ("same_municipality", w.same_municipality),
            ("interest_mismatch", w.interest_mismatch),
            ("repeat_pair", w.repeat_pair),
            ("balance", w.balance),
        ] {
            self.finite(format!("weights.{name}"), x, 0.0, 1e6, &tr!("load-what-weight"));
        }
    }
}

impl Validator {
    fn courses(&mut self, f: &InstanceFile) {
        let mut seen = HashMap::new();
        self.unique_ids("courses", f.courses.iter().map(|c| c.id.as_str()), &mut seen);
        let ids: HashSet<&str> = f.courses.iter().map(|c| c.id.as_str()).collect();
        for (i, c) in f.courses.iter().enumerate() {
            let p = format!("courses[{i}]");
            self.nonempty(format!("{p}.name"), &c.name, &tr!("load-what-name"));
            if c.days == 0 || c.days > 60 {
                self.push(
                    Code::CourseRules,
                    format!("{p}.days"),
                    tr!("load-course-days", course = c.id.as_str(), days = c.days.to_string()),
                    tr!("load-course-days-hint"),
                );
            }
            if c.min_size == 0 || c.max_size == 0 || c.min_size > c.max_size {
                self.push(
                    Code::CourseRules,
                    format!("{p}.min_size"),
                    tr!("load-course-sizes", min = c.min_size.to_string(), max = c.max_size.to_string()),
                    tr!("load-size-hint"),
                );
            }
            if c.trainers_per_session == 0 {
                self.push(Code::CourseRules, format!("{p}.trainers_per_session"), tr!("load-no-trainer"), tr!("load-no-trainer-hint"));
            }
            if c.deadline_months == Some(0) {
                self.push(Code::CourseRules, format!("{p}.deadline_months"), tr!("load-deadline-zero"), tr!("load-deadline-zero-hint"));
            }
            if c.max_sessions == Some(0) {
                self.push(
                    Code::CourseRules,
                    format!("{p}.max_sessions"),
                    tr!("load-max-sessions-zero"),
                    tr!("load-max-sessions-zero-hint"),
                );
            }
            self.finite(format!("{p}.fixed_cost"), c.fixed_cost, 0.0, 1e9, &tr!("load-what-fixed-cost"));
            for (k, pre) in c.prerequisites.iter().enumerate() {
                if !ids.contains(pre.as_str()) {
                    self.unknown(format!("{p}.prerequisites[{k}]"), Ref::Course, pre);
                }
            }
            if c.pattern == DayPattern::Consecutive && c.days > f.workload.max_course_days_per_month.saturating_mul(2) {
                self.push(
                    Code::CourseExceedsWorkload,
                    format!("{p}.days"),
                    tr!(
                        "load-consecutive-over-month",
                        course = c.id.as_str(),
                        days = c.days.to_string(),
                        in_month = c.days.div_ceil(2).to_string(),
                        max = f.workload.max_course_days_per_month.to_string()
                    ),
                    tr!("load-consecutive-over-month-hint"),
                );
            }
            for (k, ph) in c.phases.iter().enumerate() {
                if !f.phases.iter().any(|x| &x.id == ph) {
                    self.unknown(format!("{p}.phases[{k}]"), Ref::Phase, ph);
                }
            }
            if c.pattern == DayPattern::Spread && c.min_gap_days == 0 {
                self.push(Code::CourseRules, format!("{p}.min_gap_days"), tr!("load-spread-gap"), tr!("load-spread-gap-hint"));
            }
            self.finite(format!("{p}.day_cost"), c.day_cost, 0.0, 1e9, &tr!("load-what-day-cost"));
            if c.days > f.workload.max_course_days_per_round {
                self.push(
                    Code::CourseExceedsWorkload,
                    format!("{p}.days"),
                    tr!(
                        "load-course-over-round",
                        course = c.id.as_str(),
                        days = c.days.to_string(),
                        max = f.workload.max_course_days_per_round.to_string()
                    ),
                    tr!("load-course-over-round-hint"),
                );
            }
        }
        self.prerequisite_cycles(f);
    }

    /// Reports each prerequisite cycle once, naming every course in it: the strongly connected
    /// components of the prerequisite graph with more than one course, and each course that
    /// lists itself. The problem points at the cycle's first course (in file order), at its
    /// prerequisite that lies on the cycle.
    fn prerequisite_cycles(&mut self, f: &InstanceFile) {
        let index: HashMap<&str, usize> = f.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let prerequisites_of = |c: usize| f.courses[c].prerequisites.iter().map(|p| index.get(p.as_str()).copied());
        let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(f.courses.len(), 0);
        let nodes: Vec<NodeIndex> = f.courses.iter().map(|_| graph.add_node(())).collect();
        for c in 0..f.courses.len() {
            for q in prerequisites_of(c).flatten() {
                graph.update_edge(nodes[c], nodes[q], ());
            }
        }
        let mut cycles: Vec<Vec<usize>> = tarjan_scc(&graph)
            .into_iter()
            .map(|component| {
                let mut courses: Vec<usize> = component.iter().map(|n| n.index()).collect();
                courses.sort_unstable();
                courses
            })
            .filter(|courses| courses.len() > 1 || graph.contains_edge(nodes[courses[0]], nodes[courses[0]]))
            .collect();
        cycles.sort();
        for cycle in cycles {
            let first = cycle[0];
            let path = match prerequisites_of(first).position(|q| q.is_some_and(|q| cycle.contains(&q))) {
                Some(k) => format!("courses[{first}].prerequisites[{k}]"),
                None => format!("courses[{first}].prerequisites"),
            };
            let ids: Vec<&str> = cycle.iter().map(|&c| f.courses[c].id.as_str()).collect();
            let message = match ids.as_slice() {
                [id] => tr!("load-prerequisite-self", course = *id),
                [init @ .., last] => tr!("load-prerequisite-cycle", courses = init.join(", "), last = *last),
                [] => continue,
            };
            self.push(Code::PrerequisiteCycle, path, message, tr!("load-prerequisite-cycle-hint"));
        }
    }

    fn trainers_and_venues(&mut self, f: &InstanceFile) {
        self.unique_ids("trainers", f.trainers.iter().map(|t| t.id.as_str()), &mut HashMap::new());
        let courses: HashSet<&str> = f.courses.iter().map(|c| c.id.as_str()).collect();
        for (i, t) in f.trainers.iter().enumerate() {
            let p = format!("trainers[{i}]");
            self.nonempty(format!("{p}.name"), &t.name, &tr!("load-what-name"));
            for (k, c) in t.courses.iter().enumerate() {
                if !courses.contains(c.as_str()) {
                    self.unknown(format!("{p}.courses[{k}]"), Ref::Course, c);
                }
            }
            self.finite(format!("{p}.day_rate"), t.day_rate, 0.0, 1e7, &tr!("load-what-day-rate"));
            self.date_list(&format!("{p}.unavailable"), &t.unavailable);
            if let Some(muni) = &t.municipality {
                if !f.region.municipalities.iter().any(|m| &m.id == muni) {
                    self.unknown(format!("{p}.municipality"), Ref::Municipality, muni);
                }
            }
        }
        let munis: HashSet<&str> = f.region.municipalities.iter().map(|m| m.id.as_str()).collect();
        let mut seen = HashMap::new();
        self.unique_ids("venues", f.venues.iter().map(|v| v.id.as_str()), &mut seen);
        for (i, v) in f.venues.iter().enumerate() {
            let p = format!("venues[{i}]");
            self.nonempty(format!("{p}.name"), &v.name, &tr!("load-what-name"));
            if !munis.contains(v.municipality.as_str()) {
                self.unknown(format!("{p}.municipality"), Ref::Municipality, &v.municipality);
            }
            if v.capacity == 0 {
                self.push(Code::NegativeNumber, format!("{p}.capacity"), tr!("load-venue-no-seats"), tr!("load-venue-no-seats-hint"));
            }
            self.finite(format!("{p}.day_rate"), v.day_rate, 0.0, 1e7, &tr!("load-what-day-rate"));
            self.date_list(&format!("{p}.unavailable"), &v.unavailable);
        }
    }

    fn demand(&mut self, f: &InstanceFile) {
        let participants: HashSet<&str> = f.participants.iter().map(|p| p.id.as_str()).collect();
        let courses: HashSet<&str> = f.courses.iter().map(|c| c.id.as_str()).collect();
        let check_refs = |v: &mut Validator, path: &str, participant: &str, course: &str| {
            if !participants.contains(participant) {
                v.unknown(format!("{path}.participant"), Ref::Participant, participant);
            }
            if !courses.contains(course) {
                v.unknown(format!("{path}.course"), Ref::Course, course);
            }
        };
        let mut history = HashSet::new();
        for (i, r) in f.course_history.iter().enumerate() {
            let path = format!("course_history[{i}]");
            check_refs(self, &path, &r.participant, &r.course);
            if !history.insert((r.participant.as_str(), r.course.as_str())) {
                self.push(
                    Code::DuplicateId,
                    path,
                    tr!("load-history-twice", participant = r.participant.as_str(), course = r.course.as_str()),
                    tr!("load-one-entry-per-participant-course"),
                );
            }
        }
        let mut wanted = HashSet::new();
        for (i, d) in f.demand.iter().enumerate() {
            let path = format!("demand[{i}]");
            check_refs(self, &path, &d.participant, &d.course);
            if !wanted.insert((d.participant.as_str(), d.course.as_str())) {
                self.push(
                    Code::DuplicateId,
                    path.clone(),
                    tr!("load-demand-twice", participant = d.participant.as_str(), course = d.course.as_str()),
                    tr!("load-one-entry-per-participant-course"),
                );
            }
            if history.contains(&(d.participant.as_str(), d.course.as_str())) {
                self.push(
                    Code::DemandCompleted,
                    path,
                    tr!("load-demand-completed", participant = d.participant.as_str(), course = d.course.as_str()),
                    tr!("load-demand-completed-hint"),
                );
            }
        }
        let phases: HashSet<&str> = f.phases.iter().map(|p| p.id.as_str()).collect();
        let mut phase_pairs = HashSet::new();
        for (i, d) in f.phase_demand.iter().enumerate() {
            let path = format!("phase_demand[{i}]");
            if !phases.contains(d.phase.as_str()) {
                self.unknown(format!("{path}.phase"), Ref::Phase, &d.phase);
            }
            if !courses.contains(d.course.as_str()) {
                self.unknown(format!("{path}.course"), Ref::Course, &d.course);
            }
            if !phase_pairs.insert((d.phase.as_str(), d.course.as_str())) {
                self.push(
                    Code::DuplicateId,
                    path,
                    tr!("load-phase-demand-twice", phase = d.phase.as_str(), course = d.course.as_str()),
                    tr!("load-phase-demand-twice-hint"),
                );
            }
        }
    }

    fn workload(&mut self, f: &InstanceFile) {
        let w = &f.workload;
        if w.max_course_days_per_month == 0 || w.max_course_days_per_round == 0 || w.max_courses_per_round == Some(0) {
            self.push(Code::NegativeNumber, "workload", tr!("load-workload-zero"), tr!("load-workload-zero-hint"));
        }
        self.finite("workload.unit_absence_share".into(), w.unit_absence_share, 0.0, 1.0, &tr!("load-what-unit-absence-share"));
        let t = &f.weights.timetable;
        for (name, x) in [
            ("unserved_high", t.unserved_high),
            ("unserved_normal", t.unserved_normal),
            ("unserved_low", t.unserved_low),
            ("deadline_urgency", t.deadline_urgency),
            ("travel_per_minute", t.travel_per_minute),
            ("cost_per_sek", t.cost_per_sek),
            ("mixing", t.mixing),
        ] {
            self.finite(format!("weights.timetable.{name}"), x, 0.0, 1e9, &tr!("load-what-weight"));
        }
    }
}

/// Number of calendar months the inclusive range touches.
fn month_span(start: NaiveDate, end: NaiveDate) -> i64 {
    let key = |d: NaiveDate| chrono::Datelike::year(&d) as i64 * 12 + chrono::Datelike::month0(&d) as i64;
    key(end) - key(start) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Problems of the E041 example with its courses replaced: `(id, prerequisites)`.
    fn with_prerequisites(courses: &[(&str, &[&str])]) -> Vec<Problem> {
        crate::text::set_thread_lang(Some(crate::text::Lang::En));
        let mut v: Value = serde_json::from_str(include_str!("../../instances/invalid/E041-prerequisite-cycle.json")).unwrap();
        v["courses"] = courses
            .iter()
            .map(|(id, pre)| json!({"id": id, "name": id, "days": 2, "min_size": 1, "max_size": 20, "prerequisites": pre}))
            .collect();
        v["trainers"][0]["courses"] = courses.iter().map(|(id, _)| json!(id)).collect();
        v["demand"] = json!([]);
        v["course_history"] = json!([]);
        crate::load::parse_and_validate(&serde_json::to_string_pretty(&v).unwrap()).err().unwrap_or_default()
    }

    fn cycles(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems.iter().filter(|p| p.code == Code::PrerequisiteCycle).map(|p| (p.path.as_str(), p.message.as_str())).collect()
    }

    #[test]
    fn a_three_course_cycle_is_one_problem_naming_all_three() {
        let problems =
            with_prerequisites(&[("intro", &[]), ("lvu", &["barnratt"]), ("samtal", &["lvu", "intro"]), ("barnratt", &["samtal"])]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].line.is_some(), "{problems:?}");
        assert_eq!(
            cycles(&problems),
            [(
                "courses[1].prerequisites[0]",
                "courses lvu, samtal and barnratt form a prerequisite cycle: each requires itself through the others"
            )]
        );
    }

    #[test]
    fn a_course_that_lists_itself_is_a_cycle_of_one() {
        let problems = with_prerequisites(&[("intro", &[]), ("lvu", &["intro", "lvu"])]);
        assert_eq!(cycles(&problems), [("courses[1].prerequisites[1]", "course lvu is its own prerequisite")]);
    }

    #[test]
    fn each_cycle_is_reported_once_and_courses_that_only_lead_into_one_are_not_named() {
        let problems =
            with_prerequisites(&[("a", &["b"]), ("b", &["a"]), ("after", &["a"]), ("c", &["d"]), ("d", &["e"]), ("e", &["c", "d"])]);
        let found = cycles(&problems);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].1, "courses a and b form a prerequisite cycle: each requires itself through the others");
        assert_eq!(
            found[1],
            ("courses[3].prerequisites[0]", "courses c, d and e form a prerequisite cycle: each requires itself through the others")
        );
        assert!(found.iter().all(|(_, m)| !m.contains("after")));
    }

    #[test]
    fn prerequisites_without_a_cycle_pass() {
        let problems = with_prerequisites(&[("a", &[]), ("b", &["a"]), ("c", &["a", "b"])]);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
