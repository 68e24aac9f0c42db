//! Courses for some roles only (a leadership course for first-line managers), and nobody in a
//! course's scope silently dropped: a hire whose deadline passed before the round is listed
//! unserved with the reason. Every solve is checked by the independent checker.

mod common;

use common::{codes, load, load_error, read_json, solve_checked};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;
use trappa::format::plan::PlanFile;
use trappa::load::LoadedInstance;
use trappa::solve::{SolveParams, TimetableStrategy};
use trappa::text::{in_lang, Lang};

const STRATEGIES: [TimetableStrategy; 4] =
    [TimetableStrategy::Greedy, TimetableStrategy::LocalSearch, TimetableStrategy::Milp, TimetableStrategy::Auto];

const MANAGERS: [&str; 3] = ["p1", "p3", "p7"];

/// The small course round where `barnsamtal` is for first-line managers (p1 new, p3 practised,
/// p7 experienced) and the default course of every phase; `lvu` stays an individual-plan course.
fn leadership() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    for p in v["participants"].as_array_mut().unwrap() {
        if MANAGERS.contains(&p["id"].as_str().unwrap()) {
            p["role"] = json!("first_line_manager");
        }
    }
    v["courses"][0]["roles"] = json!(["first_line_manager"]);
    let lvu: Vec<Value> = v["demand"].as_array().unwrap().iter().filter(|d| d["course"] == "lvu").cloned().collect();
    v["demand"] = json!(lvu);
    v["phase_demand"] = json!([
        {"phase": "new", "course": "barnsamtal"},
        {"phase": "practised", "course": "barnsamtal"},
        {"phase": "experienced", "course": "barnsamtal"}
    ]);
    v
}

fn params(strategy: TimetableStrategy) -> SolveParams {
    SolveParams { seed: 5, time_limit: Some(Duration::from_secs(5)), timetable_strategy: strategy, ..Default::default() }
}

/// The attendees of `course`'s sessions and the participants listed unserved for it.
fn served_and_listed(plan: &PlanFile, course: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let tt = plan.timetable.as_ref().expect("a timetable");
    let served = tt.sessions.iter().filter(|s| s.course == course).flat_map(|s| s.attendees.iter().cloned()).collect();
    let listed = tt.unserved.iter().filter(|u| u.course == course).map(|u| u.participant.clone()).collect();
    (served, listed)
}

#[test]
fn only_the_courses_roles_are_in_its_demand() {
    let loaded = load(&leadership());
    let m = &loaded.model;
    let tt = &m.timetable;
    let wanting: BTreeSet<&str> = tt
        .demands
        .iter()
        .filter(|d| tt.courses[d.course.index()].id == "barnsamtal")
        .map(|d| m.participants[d.participant.index()].id.as_str())
        .collect();
    assert_eq!(wanting, MANAGERS.into_iter().collect());
}

#[test]
fn every_strategy_seats_only_the_courses_roles_and_the_checker_agrees() {
    let loaded = load(&leadership());
    let managers: BTreeSet<String> = MANAGERS.iter().map(|s| s.to_string()).collect();
    for strategy in STRATEGIES {
        let plan = solve_checked(&loaded, &params(strategy));
        let (served, listed) = served_and_listed(&plan, "barnsamtal");
        assert!(served.is_subset(&managers), "{strategy:?} seats {served:?} on the course for first-line managers");
        assert!(listed.is_subset(&managers), "{strategy:?} lists {listed:?} unserved for a course not for them");
        let all: BTreeSet<String> = served.union(&listed).cloned().collect();
        assert_eq!(all, managers, "{strategy:?}: every first-line manager is served or listed");
        assert!(!served.is_empty(), "{strategy:?} serves none of the first-line managers");
    }
}

#[test]
fn the_checker_catches_an_attendee_whose_role_the_course_excludes() {
    let loaded = load(&leadership());
    let mut plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    let tt = plan.timetable.as_mut().unwrap();
    let s = tt.sessions.iter_mut().find(|s| s.course == "barnsamtal").expect("a session of the leadership course");
    s.attendees.push("p2".into());
    assert!(codes(&loaded, &plan).contains(&"C085"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn an_individual_plan_or_a_pin_for_an_excluded_role_is_an_error_with_a_code() {
    let mut v = leadership();
    v["demand"].as_array_mut().unwrap().push(json!({"participant": "p2", "course": "barnsamtal"}));
    let e = load_error(&v);
    assert!(e.contains("E044"), "{e}");
    let mut v = leadership();
    v["fixed_sessions"] = json!([{"course": "barnsamtal", "attendees": ["p1", "p4"]}]);
    let e = load_error(&v);
    assert!(e.contains("E063"), "{e}");
    let mut v = leadership();
    v["courses"][0]["roles"] = json!(["chef"]);
    assert!(load_error(&v).contains("E002"));
}

#[test]
fn explain_says_the_course_is_for_first_line_managers() {
    let loaded = load(&leadership());
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Greedy));
    let text = in_lang(Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, "p2")).unwrap();
    assert!(text.contains("kursen är för arbetsledare"), "{text}");
    let text = in_lang(Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, "p1")).unwrap();
    assert!(!text.contains("kursen är för arbetsledare"), "{text}");
}

#[test]
fn a_course_whose_roles_leave_nobody_is_noted_and_has_no_demand() {
    let mut v = leadership();
    v["courses"][0]["roles"] = json!(["executor"]);
    let loaded = load(&v);
    let notes = in_lang(Lang::Sv, || trappa::report::roles::role_notes(&loaded.model));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("Barnsamtal") && notes[0].contains("utförare"), "{notes:?}");
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Auto));
    assert_eq!(served_and_listed(&plan, "barnsamtal"), (BTreeSet::new(), BTreeSet::new()));
}

/// A round starting 2027-02-01 with a three-month introduction course for new hires: p9 was
/// hired on 2026-11-01, so the deadline (2027-01-31) passed the day before the round; p1 was
/// hired on 2026-12-01 and can still take it.
fn late_hire() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    v["courses"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "introduktion", "name": "Introduktion", "days": 1, "min_size": 1, "max_size": 6, "deadline_months": 3}));
    v["trainers"].as_array_mut().unwrap().push(json!({"id": "t3", "name": "Ina Inledare", "courses": ["introduktion"], "max_days": 5}));
    v["phase_demand"] = json!([{"phase": "new", "course": "introduktion", "priority": "high"}]);
    for p in v["participants"].as_array_mut().unwrap() {
        if p["id"] == "p1" {
            p["profession_start"] = json!("2026-12-01");
            p["employment_start"] = json!("2026-12-01");
        }
    }
    v["participants"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "p9", "name": "Nils Ny", "unit": "a1", "profession_start": "2026-11-01", "employment_start": "2026-11-01"}));
    v
}

fn reason_of<'a>(plan: &'a PlanFile, id: &str, course: &str) -> Option<&'a str> {
    let tt = plan.timetable.as_ref()?;
    tt.unserved.iter().find(|u| u.participant == id && u.course == course).map(|u| u.reason.as_str())
}

fn solve_late_hire() -> (LoadedInstance, PlanFile) {
    let loaded = load(&late_hire());
    let plan = solve_checked(&loaded, &params(TimetableStrategy::Auto));
    (loaded, plan)
}

#[test]
fn a_hire_whose_deadline_passed_the_day_before_the_round_is_listed_with_the_reason() {
    let (loaded, plan) = solve_late_hire();
    assert_eq!(reason_of(&plan, "p9", "introduktion"), Some("deadline_passed"));
    let (served, _) = served_and_listed(&plan, "introduktion");
    assert!(served.contains("p1"), "{served:?}");
    let text = in_lang(Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, "p9")).unwrap();
    let why = in_lang(Lang::Sv, || trappa::text::reason("deadline_passed"));
    assert!(text.contains("Introduktion") && text.contains(&why), "{text}");
}

#[test]
fn the_checker_catches_a_plan_that_drops_someone_in_scope() {
    let (loaded, mut plan) = solve_late_hire();
    plan.timetable.as_mut().unwrap().unserved.retain(|u| u.participant != "p9");
    assert!(codes(&loaded, &plan).contains(&"C064"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn the_roster_carries_the_courses_roles_in_the_rules_file() {
    let file = load(&leadership()).file;
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("omgang.xlsx");
    trappa::roster::export(&file, &xlsx, None).unwrap();
    let rules = std::fs::read_to_string(dir.path().join("regler.json")).unwrap();
    assert!(rules.contains("first_line_manager"), "{rules}");
    let back = trappa::roster::import(&xlsx, None).unwrap();
    assert_eq!(back.instance.courses[0].roles, vec![trappa::format::Role::FirstLineManager]);
    assert_eq!(back.instance, file);
}
