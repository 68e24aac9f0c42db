//! People move up the staircase during a round: a course follows the phase on its dates, and a
//! phase default applies from the day the phase is reached. Every solve is checked.

mod common;

use chrono::NaiveDate;
use common::{codes, load, read_json, solve_checked};
use serde_json::{json, Value};
use std::time::Duration;
use trappa::load::LoadedInstance;
use trappa::solve::SolveParams;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The small course round over four months: `barnsamtal` is for new social workers, `lvu` for
/// practised ones, each the default of its phase. Anna Ek (p1) reaches two years in the
/// profession on 2027-03-02 (730 days after 2025-03-01 are 1.9986 years, 731 days 2.0014).
fn staircase() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    v["round"] = json!({"name": "Trappan", "start": "2027-02-01", "end": "2027-05-28"});
    let starts = [("p1", "2025-03-01"), ("p2", "2026-01-10"), ("p3", "2026-05-01"), ("p4", "2020-01-01"), ("p5", "2024-06-01")];
    for p in v["participants"].as_array_mut().unwrap() {
        let id = p["id"].as_str().unwrap().to_string();
        if let Some((_, s)) = starts.iter().find(|(q, _)| *q == id) {
            p["profession_start"] = json!(s);
            p["employment_start"] = json!(s);
        }
    }
    v["courses"][0]["phases"] = json!(["new"]);
    v["courses"][1]["phases"] = json!(["practised"]);
    v["demand"] = json!([]);
    v["phase_demand"] = json!([{"phase": "new", "course": "barnsamtal"}, {"phase": "practised", "course": "lvu"}]);
    v["trainers"][0]["max_days"] = json!(12);
    v
}

/// The first and last working day of participant `id`'s demand for `course`, if it has one.
fn window(loaded: &LoadedInstance, id: &str, course: &str) -> Option<Option<(NaiveDate, NaiveDate)>> {
    let m = &loaded.model;
    let tt = &m.timetable;
    tt.demands
        .iter()
        .find(|d| m.participants[d.participant.index()].id == id && tt.courses[d.course.index()].id == course)
        .map(|d| d.window.map(|(lo, hi)| (tt.days[lo], tt.days[hi])))
}

#[test]
fn a_course_window_ends_and_a_phase_default_starts_where_the_phase_changes() {
    let loaded = load(&staircase());
    // New at the start: the course for new social workers until the last working day before
    // the second anniversary in the profession (2027-03-01 is a Monday)...
    assert_eq!(window(&loaded, "p1", "barnsamtal"), Some(Some((date("2027-02-01"), date("2027-03-01")))));
    // ... and the practised phase's default from the day it is reached to the round's end.
    assert_eq!(window(&loaded, "p1", "lvu"), Some(Some((date("2027-03-02"), date("2027-05-28")))));
    // Someone new for the whole round gets no practised default; someone practised from the
    // start gets no new-hire course; someone experienced neither.
    assert_eq!(window(&loaded, "p3", "lvu"), None);
    assert_eq!(window(&loaded, "p5", "barnsamtal"), None);
    assert_eq!(window(&loaded, "p5", "lvu"), Some(Some((date("2027-02-01"), date("2027-05-28")))));
    assert_eq!(window(&loaded, "p4", "barnsamtal"), None);
    assert_eq!(window(&loaded, "p4", "lvu"), None);
}

/// The dates of the sessions of `course` that `id` attends.
fn attended(plan: &trappa::format::plan::PlanFile, id: &str, course: &str) -> Vec<Vec<NaiveDate>> {
    let tt = plan.timetable.as_ref().expect("a timetable");
    tt.sessions.iter().filter(|s| s.course == course && s.attendees.iter().any(|a| a == id)).map(|s| s.dates.clone()).collect()
}

#[test]
fn the_plan_follows_the_phase_on_each_session_date_and_the_checker_agrees() {
    let loaded = load(&staircase());
    let params = SolveParams { seed: 3, time_limit: Some(Duration::from_secs(5)), ..Default::default() };
    let plan = solve_checked(&loaded, &params);
    let change = date("2027-03-02");
    for dates in attended(&plan, "p1", "barnsamtal") {
        assert!(dates.iter().all(|d| *d < change), "barnsamtal after the phase change: {dates:?}");
    }
    for dates in attended(&plan, "p1", "lvu") {
        assert!(dates.iter().all(|d| *d >= change), "lvu before the phase change: {dates:?}");
    }
    // Anna Ek's practised course is served or explained, never forgotten.
    let tt = plan.timetable.as_ref().unwrap();
    let explained = tt.unserved.iter().any(|u| u.participant == "p1" && u.course == "lvu");
    assert!(explained || !attended(&plan, "p1", "lvu").is_empty(), "p1's lvu is neither served nor explained");
}

#[test]
fn the_checker_refuses_a_course_taken_after_the_phase_has_passed() {
    let loaded = load(&staircase());
    let params = SolveParams { seed: 3, time_limit: Some(Duration::from_secs(5)), ..Default::default() };
    let mut plan = solve_checked(&loaded, &params);
    let tt = plan.timetable.as_mut().unwrap();
    // Move one barnsamtal session, with Anna Ek in it, to two working days in April.
    let s = tt.sessions.iter_mut().find(|s| s.course == "barnsamtal").expect("a barnsamtal session");
    if !s.attendees.iter().any(|a| a == "p1") {
        s.attendees.push("p1".into());
    }
    s.dates = vec![date("2027-04-13"), date("2027-04-14")];
    assert!(codes(&loaded, &plan).contains(&"C057"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn an_unserved_course_names_the_phase_the_participant_has_when_they_could_take_it() {
    // Anna Ek is new when the round begins but is employed only on 2027-03-10, after reaching
    // the practised phase (2027-03-02): the course for new social workers is out of reach, and
    // the reason names the phase she has from her employment, not the one she had before it.
    let mut v = staircase();
    for p in v["participants"].as_array_mut().unwrap() {
        if p["id"] == "p1" {
            p["employment_start"] = json!("2027-03-10");
        }
    }
    v["demand"] = json!([{"participant": "p1", "course": "barnsamtal", "priority": "high"}]);
    let loaded = load(&v);
    let params = SolveParams { seed: 3, time_limit: Some(Duration::from_secs(5)), ..Default::default() };
    let plan = solve_checked(&loaded, &params);
    let tt = plan.timetable.as_ref().unwrap();
    let u = tt.unserved.iter().find(|u| u.participant == "p1" && u.course == "barnsamtal").expect("p1's barnsamtal is explained");
    assert_eq!(u.reason, "phase_not_eligible");
    assert!(u.message.contains("practised") && u.message.contains("2027-03-10"), "{}", u.message);
    assert!(!u.message.contains("i fasen new") && !u.message.contains("in phase new"), "{}", u.message);
    // The coordinator reads names, not ids.
    assert!(u.message.contains("Anna Ek") && !u.message.contains("p1"), "{}", u.message);
}
