//! Courses in time: a course's cadence (starts per year, days between starts) and per-term
//! limits. Every strategy honours them, every plan is checked, and a plan that breaks one is
//! caught by its own checker code.

mod common;

use chrono::NaiveDate;
use common::{codes, load, read_json, solve_checked};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;
use trappa::format::plan::PlanFile;
use trappa::solve::timetable::TimetableStrategy;
use trappa::solve::SolveParams;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const STRATEGIES: [TimetableStrategy; 4] =
    [TimetableStrategy::Greedy, TimetableStrategy::LocalSearch, TimetableStrategy::Milp, TimetableStrategy::Auto];

/// A year-long round (12 months exactly) with one one-day course that four people want and
/// one trainer: without a cadence one session serves them all.
fn year_round() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    v["round"] = json!({"name": "Ett år", "start": "2027-01-04", "end": "2028-01-03"});
    v["courses"] = json!([{"id": "intro", "name": "Introduktion", "days": 1, "min_size": 2, "max_size": 6}]);
    v["trainers"] = json!([{"id": "t1", "name": "Tina Tränare", "courses": ["intro"], "max_days": 10, "day_rate": 4000}]);
    v["venues"] = json!([{"id": "gbg", "name": "Göteborg sal 1", "municipality": "goteborg", "capacity": 6}]);
    v["demand"] = json!(["p1", "p2", "p4", "p5"].iter().map(|p| json!({"participant": p, "course": "intro"})).collect::<Vec<_>>());
    v["phase_demand"] = json!([]);
    v
}

/// The year round with a cadence: at least two starts a year, 60 to 200 days apart.
fn cadenced() -> Value {
    let mut v = year_round();
    v["courses"][0]["min_starts_per_year"] = json!(2);
    v["courses"][0]["max_starts_per_year"] = json!(3);
    v["courses"][0]["min_days_between_starts"] = json!(60);
    v["courses"][0]["max_days_between_starts"] = json!(200);
    v
}

fn params(strategy: TimetableStrategy) -> SolveParams {
    SolveParams { seed: 5, timetable_strategy: strategy, time_limit: Some(Duration::from_secs(20)), ..Default::default() }
}

/// The distinct start dates of `course` in a plan.
fn starts(plan: &PlanFile, course: &str) -> Vec<NaiveDate> {
    let tt = plan.timetable.as_ref().expect("a timetable");
    let set: BTreeSet<NaiveDate> = tt.sessions.iter().filter(|s| s.course == course).map(|s| s.dates[0]).collect();
    set.into_iter().collect()
}

#[test]
fn without_a_cadence_one_start_serves_everyone() {
    let loaded = load(&year_round());
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    assert_eq!(starts(&plan, "intro").len(), 1);
}

#[test]
fn every_strategy_starts_the_course_twice_within_the_gaps() {
    let loaded = load(&cadenced());
    for strategy in STRATEGIES {
        let plan = solve_checked(&loaded, &params(strategy));
        let list = starts(&plan, "intro");
        assert!((2..=3).contains(&list.len()), "{strategy:?}: starts {list:?}");
        for w in list.windows(2) {
            let gap = (w[1] - w[0]).num_days();
            assert!((60..=200).contains(&gap), "{strategy:?}: starts {list:?}");
        }
        assert!(plan.timetable.as_ref().unwrap().unserved.is_empty(), "{strategy:?}: someone unserved");
    }
}

#[test]
fn the_checker_catches_too_few_starts_and_starts_too_close() {
    let loaded = load(&cadenced());
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    // Everyone in one session: one start in the year.
    let mut one = plan.clone();
    let tt = one.timetable.as_mut().unwrap();
    let rest: Vec<String> = tt.sessions.iter().skip(1).flat_map(|s| s.attendees.clone()).collect();
    tt.sessions.truncate(1);
    tt.sessions[0].attendees.extend(rest);
    assert!(codes(&loaded, &one).contains(&"C067"), "{:?}", codes(&loaded, &one));
    // The second start a week after the first.
    let mut close = plan.clone();
    let tt = close.timetable.as_mut().unwrap();
    tt.sessions[1].dates = vec![tt.sessions[0].dates[0] + chrono::Duration::days(7)];
    assert!(codes(&loaded, &close).contains(&"C068"), "{:?}", codes(&loaded, &close));
    // The second start ten months after the first: the gap is over 200 days.
    let mut far = plan;
    let tt = far.timetable.as_mut().unwrap();
    tt.sessions[0].dates = vec![date("2027-01-05")];
    tt.sessions[1].dates = vec![date("2027-11-02")];
    assert!(codes(&loaded, &far).contains(&"C068"), "{:?}", codes(&loaded, &far));
}

/// A year over two terms with two one-day courses that the same four people want, one course
/// per term allowed.
fn two_terms() -> Value {
    let mut v = year_round();
    v["round"] = json!({"name": "Två terminer", "start": "2027-01-04", "end": "2027-12-17"});
    v["courses"] = json!([
        {"id": "barnsamtal", "name": "Barnsamtal", "days": 1, "min_size": 2, "max_size": 6, "area": "barn"},
        {"id": "lvu", "name": "LVU", "days": 1, "min_size": 2, "max_size": 6, "area": "juridik"}
    ]);
    v["trainers"][0]["courses"] = json!(["barnsamtal", "lvu"]);
    let mut demand = Vec::new();
    for p in ["p1", "p2", "p4", "p5"] {
        demand.push(json!({"participant": p, "course": "barnsamtal"}));
        demand.push(json!({"participant": p, "course": "lvu"}));
    }
    v["demand"] = json!(demand);
    v["workload"]["max_courses_per_term"] = json!(1);
    v
}

#[test]
fn one_course_per_term_spreads_two_courses_over_two_terms() {
    let loaded = load(&two_terms());
    let ht = date("2027-07-01");
    for strategy in STRATEGIES {
        let plan = solve_checked(&loaded, &params(strategy));
        let tt = plan.timetable.as_ref().unwrap();
        assert!(tt.unserved.is_empty(), "{strategy:?}: {:?}", tt.unserved);
        for p in ["p1", "p2", "p4", "p5"] {
            let terms: BTreeSet<bool> =
                tt.sessions.iter().filter(|s| s.attendees.iter().any(|a| a == p)).map(|s| s.dates[0] >= ht).collect();
            assert_eq!(terms.len(), 2, "{strategy:?}: {p} has both courses in one term");
        }
    }
}

#[test]
fn the_checker_catches_two_courses_in_one_term() {
    let loaded = load(&two_terms());
    let mut plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    let tt = plan.timetable.as_mut().unwrap();
    let (a, b) = (tt.sessions[0].dates[0], tt.sessions[1].dates[0]);
    // Both sessions in the term of the earlier one, on different days.
    let first = a.min(b);
    tt.sessions[0].dates = vec![first];
    tt.sessions[1].dates = vec![first + chrono::Duration::days(if first.format("%u").to_string() == "5" { 3 } else { 1 })];
    assert!(codes(&loaded, &plan).contains(&"C069"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn explicit_terms_and_one_area_per_term_are_honoured() {
    let mut v = two_terms();
    v["workload"] = json!({"max_course_days_per_month": 3, "max_areas_per_term": 1});
    v["terms"] = json!([
        {"name": "Vår", "start": "2027-01-01", "end": "2027-05-31"},
        {"name": "Höst", "start": "2027-06-01", "end": "2027-12-31"}
    ]);
    let loaded = load(&v);
    let split = date("2027-06-01");
    let plan = solve_checked(&loaded, &params(TimetableStrategy::LocalSearch));
    let tt = plan.timetable.as_ref().unwrap();
    for p in ["p1", "p2", "p4", "p5"] {
        let mine: Vec<_> = tt.sessions.iter().filter(|s| s.attendees.iter().any(|a| a == p)).collect();
        if mine.len() == 2 {
            assert_ne!(mine[0].dates[0] >= split, mine[1].dates[0] >= split, "{p} has two areas in one term");
        }
    }
}

/// Rolling intake: eight hires over the year in four waves, each to take the introduction
/// within three months of employment; the course starts four to six times a year.
fn rolling_intake() -> Value {
    let mut v = year_round();
    let waves = [("p1", "2027-01-11"), ("p3", "2027-02-01"), ("p2", "2027-04-01"), ("p5", "2027-04-19")];
    let later = [("p4", "2027-07-01"), ("p6", "2027-07-15"), ("p7", "2027-10-01"), ("p8", "2027-10-11")];
    for p in v["participants"].as_array_mut().unwrap() {
        let id = p["id"].as_str().unwrap().to_string();
        if let Some((_, d)) = waves.iter().chain(&later).find(|(q, _)| *q == id) {
            p["employment_start"] = json!(d);
            p["profession_start"] = json!(d);
        }
    }
    v["courses"][0]["deadline_months"] = json!(3);
    v["courses"][0]["min_starts_per_year"] = json!(4);
    v["courses"][0]["max_starts_per_year"] = json!(6);
    v["courses"][0]["min_days_between_starts"] = json!(30);
    v["demand"] = json!(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]
        .iter()
        .map(|p| json!({"participant": p, "course": "intro", "priority": "high"}))
        .collect::<Vec<_>>());
    v
}

#[test]
fn hires_through_the_year_each_get_the_introduction_within_their_deadline() {
    let loaded = load(&rolling_intake());
    for strategy in [TimetableStrategy::Greedy, TimetableStrategy::LocalSearch, TimetableStrategy::Auto] {
        let plan = solve_checked(&loaded, &params(strategy));
        let tt = plan.timetable.as_ref().unwrap();
        assert!(tt.unserved.is_empty(), "{strategy:?}: {:?}", tt.unserved);
        let list = starts(&plan, "intro");
        assert!((4..=6).contains(&list.len()), "{strategy:?}: starts {list:?}");
    }
}

/// The rolling intake with one start a year, solved greedily: most hires are left out.
fn one_start_a_year() -> (trappa::load::LoadedInstance, PlanFile) {
    let mut v = rolling_intake();
    v["courses"][0]["min_starts_per_year"] = json!(1);
    v["courses"][0]["max_starts_per_year"] = json!(1);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    (loaded, plan)
}

#[test]
fn a_hire_left_out_by_the_cadence_is_listed_with_the_cadence_reason() {
    let (_, plan) = one_start_a_year();
    let tt = plan.timetable.as_ref().unwrap();
    assert_eq!(starts(&plan, "intro").len(), 1);
    // One start serves the hires whose windows it lies in; everyone else is left out by the
    // cadence and told so.
    assert!(tt.unserved.len() >= 4, "{:?}", tt.unserved);
    assert!(tt.unserved.iter().all(|u| u.reason == "cadence"), "{:?}", tt.unserved);
}

#[test]
fn contradictory_cadence_and_terms_are_refused_with_their_paths() {
    let mut v = cadenced();
    v["courses"][0]["min_starts_per_year"] = json!(4);
    v["courses"][0]["max_starts_per_year"] = json!(2);
    v["terms"] = json!([
        {"name": "Höst", "start": "2027-06-01", "end": "2027-12-31"},
        {"name": "Vår", "start": "2027-01-01", "end": "2027-06-30"}
    ]);
    v["workload"]["max_courses_per_term"] = json!(0);
    let problems = trappa::load::parse_and_validate(&v.to_string()).unwrap_err();
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.code.code(), p.path.as_str())).collect();
    assert!(found.contains(&("E040", "courses[0].min_starts_per_year")), "{found:?}");
    assert!(found.contains(&("E012", "terms[1].start")), "{found:?}");
    assert!(found.contains(&("E030", "workload")), "{found:?}");
}

#[test]
fn false_cadence_and_term_reasons_are_caught() {
    let (loaded, plan) = one_start_a_year();
    // No per-term limit: "workload_term" cannot hold.
    let mut term = plan.clone();
    term.timetable.as_mut().unwrap().unserved[0].reason = "workload_term".into();
    assert!(codes(&loaded, &term).contains(&"C064"), "{:?}", codes(&loaded, &term));
    // A session inside the left-out hire's window: "cadence" no longer holds.
    let mut inside = plan;
    let tt = inside.timetable.as_mut().unwrap();
    let who = tt.unserved[0].participant.clone();
    let employed = loaded.file.participants.iter().find(|p| p.id == who).unwrap().employment_start;
    let mut extra = tt.sessions[0].clone();
    extra.id = "intro-extra".into();
    extra.dates = vec![(1..10)
        .map(|k| employed + chrono::Duration::days(k))
        .find(|d| chrono::Datelike::weekday(d).number_from_monday() < 6)
        .unwrap()];
    tt.sessions.push(extra);
    assert!(codes(&loaded, &inside).contains(&"C064"), "{:?}", codes(&loaded, &inside));
}
