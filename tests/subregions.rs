//! Sub-regions (delregioner): municipalities belong to a sub-region (Yrkesresan's 36 are
//! Göteborgsregionen, Skaraborg and Sjuhärad), and a course may be held for some sub-regions
//! only. Every solve is checked by the independent checker.

mod common;

use common::{codes, load, load_error, read_json, solve_checked, trappa};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;
use trappa::solve::{SolveParams, TimetableStrategy};

/// The small course round with Göteborg in the sub-region "Centrum" and Alingsås in "Nordost";
/// `barnsamtal` is held for Centrum only and is every phase's default course.
fn local_course() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    v["region"]["municipalities"][0]["subregion"] = json!("Centrum");
    v["region"]["municipalities"][1]["subregion"] = json!("Nordost");
    v["courses"][0]["subregions"] = json!(["Centrum"]);
    let lvu: Vec<Value> = v["demand"].as_array().unwrap().iter().filter(|d| d["course"] == "lvu").cloned().collect();
    v["demand"] = json!(lvu);
    v["phase_demand"] = json!([
        {"phase": "new", "course": "barnsamtal"},
        {"phase": "practised", "course": "barnsamtal"},
        {"phase": "experienced", "course": "barnsamtal"}
    ]);
    v
}

/// Participants of Göteborg's units (g1, g2).
const CENTRUM: [&str; 5] = ["p1", "p2", "p3", "p4", "p8"];

#[test]
fn every_strategy_seats_only_the_courses_sub_region_and_the_checker_agrees() {
    let loaded = load(&local_course());
    let centrum: BTreeSet<String> = CENTRUM.iter().map(|s| s.to_string()).collect();
    for strategy in [TimetableStrategy::Greedy, TimetableStrategy::LocalSearch, TimetableStrategy::Milp, TimetableStrategy::Auto] {
        let params = SolveParams { seed: 3, time_limit: Some(Duration::from_secs(5)), timetable_strategy: strategy, ..Default::default() };
        let plan = solve_checked(&loaded, &params);
        let tt = plan.timetable.as_ref().unwrap();
        let served: BTreeSet<String> =
            tt.sessions.iter().filter(|s| s.course == "barnsamtal").flat_map(|s| s.attendees.iter().cloned()).collect();
        let listed: BTreeSet<String> = tt.unserved.iter().filter(|u| u.course == "barnsamtal").map(|u| u.participant.clone()).collect();
        assert!(!served.is_empty(), "{strategy:?} serves nobody");
        let all: BTreeSet<String> = served.union(&listed).cloned().collect();
        assert_eq!(all, centrum, "{strategy:?}: Centrum's people, and only they, are served or listed");
    }
}

#[test]
fn the_checker_catches_an_attendee_from_another_sub_region() {
    let loaded = load(&local_course());
    let params = SolveParams { seed: 3, timetable_strategy: TimetableStrategy::Greedy, ..Default::default() };
    let mut plan = solve_checked(&loaded, &params);
    let s = plan.timetable.as_mut().unwrap().sessions.iter_mut().find(|s| s.course == "barnsamtal").expect("a session");
    s.attendees.push("p5".into());
    assert!(codes(&loaded, &plan).contains(&"C089"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn an_unknown_sub_region_or_an_individual_plan_from_another_is_an_error_with_a_code() {
    let mut v = local_course();
    v["courses"][0]["subregions"] = json!(["Centrum", "Söder"]);
    let e = trappa::text::in_lang(trappa::text::Lang::Sv, || load_error(&v));
    assert!(e.contains("E047") && e.contains("courses[0].subregions[1]") && e.contains("delregionerna är Centrum, Nordost"), "{e}");
    let mut v = local_course();
    v["demand"].as_array_mut().unwrap().push(json!({"participant": "p6", "course": "barnsamtal"}));
    let e = trappa::text::in_lang(trappa::text::Lang::Sv, || load_error(&v));
    assert!(e.contains("E048") && e.contains("hör till delregionen Nordost"), "{e}");
}

#[test]
fn the_roster_carries_the_sub_regions_and_the_generator_knows_yrkesresan() {
    let file = load(&local_course()).file;
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("omgang.xlsx");
    trappa::roster::export(&file, &xlsx, None).unwrap();
    let back = trappa::roster::import(&xlsx, None).unwrap();
    assert_eq!(back.instance.region.municipalities[1].subregion.as_deref(), Some("Nordost"));
    assert_eq!(back.instance, file);

    let out = dir.path().join("yrkesresan.json");
    trappa().args(["generate", "--region", "yrkesresan", "--participants", "120", "--seed", "4", "--out"]).arg(&out).assert().success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let subregions: BTreeSet<&str> =
        v["region"]["municipalities"].as_array().unwrap().iter().filter_map(|m| m["subregion"].as_str()).collect();
    assert_eq!(subregions, BTreeSet::from(["Göteborgsregionen", "Sjuhärad", "Skaraborg"]));
    load(&v);
}
