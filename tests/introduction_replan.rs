//! Re-planning keeps introduktörer (issue 11, item 7): a hire whose introduktör is still in the
//! round with room keeps them, a hire whose introduktör left gets another one of the unit and
//! the notes say so, capacities hold, and the diff counts the hires and introduktörer whose
//! introduction changed. Every plan is checked.

mod common;

use common::{assert_valid, load, read_json, solve_checked};
use serde_json::{json, Value};
use trappa::diff::{diff, Activity, Change, Names};
use trappa::format::plan::PlanFile;
use trappa::load::LoadedInstance;
use trappa::replan::{replan, ChangeWeights, ReplanParams};
use trappa::solve::SolveParams;

const TODAY: &str = "2027-11-01";

/// Uppsala's small round: Märta Lindström (p03) and Saga Björk (p07) are new hires of
/// Enköping, which has two introduktörer with room for two each.
fn round() -> Value {
    let mut v = read_json("instances/uppsala-small.json");
    for (id, date) in [("p03", "2027-06-01"), ("p07", "2027-10-01")] {
        let p = v["participants"].as_array_mut().unwrap().iter_mut().find(|p| p["id"] == id).unwrap();
        p["employment_start"] = date.into();
    }
    v["introduction"] = json!({"hours_per_week": [4, 2]});
    v["introducers"] = json!([
        {"id": "e1", "name": "Eva Ek", "unit": "enk-bou", "capacity": 2},
        {"id": "e2", "name": "Erik Ask", "unit": "enk-bou", "capacity": 2}
    ]);
    v
}

/// The round solved, then both hires given to Eva Ek (a plan a coordinator may have made by
/// hand, or an earlier round's capacities): a fresh solve would spread them over both.
fn previous(loaded: &LoadedInstance) -> PlanFile {
    let mut plan = solve_checked(loaded, &SolveParams::default());
    let intro = plan.introduction.as_mut().unwrap();
    assert_eq!(intro.assignments.len(), 2, "{intro:?}");
    for a in &mut intro.assignments {
        a.introducer = "e1".into();
    }
    assert_valid(loaded, &plan);
    plan
}

fn replanned(loaded: &LoadedInstance, previous: &PlanFile) -> PlanFile {
    let params = ReplanParams {
        today: chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap(),
        weights: ChangeWeights::default(),
        seed: 1,
        stop: Default::default(),
    };
    let plan = trappa::text::in_lang(trappa::text::Lang::En, || replan(loaded, "test.json", previous, "0", &params)).unwrap();
    assert_valid(loaded, &plan);
    plan
}

fn introducer_of<'a>(plan: &'a PlanFile, hire: &str) -> Option<&'a str> {
    plan.introduction.as_ref()?.assignments.iter().find(|a| a.hire == hire).map(|a| a.introducer.as_str())
}

fn introduction_notes(plan: &PlanFile) -> Vec<&String> {
    plan.replan.as_ref().unwrap().notes.iter().filter(|n| n.contains("introducer")).collect()
}

#[test]
fn an_unchanged_round_keeps_every_introducer() {
    let v = round();
    let loaded = load(&v);
    let before = previous(&loaded);
    let after = replanned(&loaded, &before);
    assert_eq!(introducer_of(&after, "p03"), Some("e1"));
    assert_eq!(introducer_of(&after, "p07"), Some("e1"));
    assert_eq!(before.introduction.as_ref().unwrap().assignments, after.introduction.as_ref().unwrap().assignments);
    assert!(introduction_notes(&after).is_empty(), "{:?}", after.replan);
    let r = after.replan.as_ref().unwrap();
    assert!(r.changed.is_empty() && r.weighted_changes == 0.0, "{:?}", r.changed);
}

#[test]
fn a_hire_whose_introducer_left_gets_another_and_is_told() {
    let v = round();
    let before = previous(&load(&v));
    let mut v2 = v.clone();
    v2["introducers"].as_array_mut().unwrap().retain(|x| x["id"] != "e1");
    let loaded = load(&v2);
    let after = replanned(&loaded, &before);
    assert_eq!(introducer_of(&after, "p03"), Some("e2"));
    assert_eq!(introducer_of(&after, "p07"), Some("e2"));
    let notes = introduction_notes(&after);
    assert_eq!(notes.len(), 2, "{notes:?}");
    for name in ["Märta Lindström", "Saga Björk"] {
        assert!(notes.iter().any(|n| n.contains(name) && n.contains("Erik Ask") && n.contains("no longer")), "{name}: {notes:?}");
    }
    assert!(notes.iter().all(|n| !n.contains("e1") && !n.contains("p0")), "names, not ids: {notes:?}");
    // Both hires' introduction changed; Erik Ask only got new hires.
    let r = after.replan.as_ref().unwrap();
    let changed: Vec<&str> = r.changed.iter().map(|c| c.person.as_str()).collect();
    assert_eq!(changed, vec!["p03", "p07"], "{:?}", r.changed);
    assert_eq!(r.added, vec!["e2".to_string()]);
    let d = diff(
        &before,
        &after,
        Some(chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()),
        &Names::of(Some(&load(&v).file), Some(&loaded.file)),
    );
    let e1 = d.iter().find(|p| p.person == "e1").expect("Eva Ek's hires are cancelled");
    assert_eq!(e1.kind, Change::Departed);
    assert!(e1.removed.iter().all(|e| matches!(&e.activity, Activity::Introduction { .. })));
}

#[test]
fn capacity_is_respected_with_the_fewest_changes() {
    let v = round();
    let before = previous(&load(&v));
    let mut v2 = v.clone();
    v2["introducers"][0]["capacity"] = 1.into();
    let loaded = load(&v2);
    let after = replanned(&loaded, &before);
    let now = [introducer_of(&after, "p03"), introducer_of(&after, "p07")];
    assert_eq!(now.iter().filter(|x| **x == Some("e1")).count(), 1, "{now:?}");
    assert_eq!(now.iter().filter(|x| **x == Some("e2")).count(), 1, "{now:?}");
    let notes = introduction_notes(&after);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("instead of Eva Ek") && notes[0].contains("Erik Ask"), "{notes:?}");
    let r = after.replan.as_ref().unwrap();
    // The hire who moved and Eva Ek, who lost one; Erik Ask only gained one.
    assert_eq!(r.changed.len(), 2, "{:?}", r.changed);
    assert!(r.changed.iter().any(|c| c.person == "e1" && c.role == "introducer"));
    assert_eq!(r.added, vec!["e2".to_string()]);
}

#[test]
fn a_new_hire_in_a_replan_gets_a_free_place() {
    let v = round();
    let before = previous(&load(&v));
    let mut v2 = v.clone();
    let mut newcomer = v2["participants"][0].clone();
    newcomer["id"] = "p99".into();
    newcomer["name"] = "Nora Ny".into();
    newcomer["unit"] = "enk-bou".into();
    newcomer["employment_start"] = "2027-10-15".into();
    v2["participants"].as_array_mut().unwrap().push(newcomer);
    let loaded = load(&v2);
    let after = replanned(&loaded, &before);
    // The two earlier hires keep Eva Ek (who has no room left); the newcomer gets Erik Ask.
    assert_eq!(introducer_of(&after, "p03"), Some("e1"));
    assert_eq!(introducer_of(&after, "p07"), Some("e1"));
    assert_eq!(introducer_of(&after, "p99"), Some("e2"));
    assert!(introduction_notes(&after).is_empty());
}
