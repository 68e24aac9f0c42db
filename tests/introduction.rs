//! Introduktörer (issue 11, item 7): every new hire of the round gets an introduktör of their
//! own unit for their first years of employment (Uppsala: 4 h a week in year one, 2 h in year
//! two), within each introduktör's capacity; hires left without one are listed with the reason,
//! and the checker verifies all of it on its own.

mod common;

use common::{codes, load, read_json, solve_checked};
use serde_json::{json, Value};
use trappa::format::plan::{IntroductionUnserved, PlanFile};
use trappa::load::LoadedInstance;
use trappa::solve::SolveParams;

/// Uppsala's small round with an introduction: p01 (Uppsala BoU 1) and p07 and p03 (Enköping)
/// are new hires, as are p04 (Östhammar, no introduktör there), p02 (Uppsala BoU 2, none there
/// either) and p05 (Heby, in year two).
/// Uppsala BoU 1 has two introduktörer, one of them the participant Håkan Sjöberg (p06);
/// Enköping has one place for two hires.
fn round() -> Value {
    let mut v = read_json("instances/uppsala-small.json");
    let employed = [("p01", "2027-09-01"), ("p03", "2026-12-01"), ("p04", "2027-06-01"), ("p07", "2027-10-01")];
    for (id, date) in employed {
        let p = v["participants"].as_array_mut().unwrap().iter_mut().find(|p| p["id"] == id).unwrap();
        p["employment_start"] = date.into();
    }
    v["introduction"] = json!({"hours_per_week": [4, 2]});
    v["introducers"] = json!([
        {"id": "i1", "name": "Ida Introduktör", "unit": "upp-bou-1", "capacity": 1},
        {"id": "p06", "name": "Håkan Sjöberg", "unit": "upp-bou-1", "capacity": 1},
        {"id": "i2", "name": "Eva Enköping", "unit": "enk-bou", "capacity": 1}
    ]);
    v
}

fn solved() -> (LoadedInstance, PlanFile) {
    let loaded = load(&round());
    let plan = solve_checked(&loaded, &SolveParams::default());
    (loaded, plan)
}

#[test]
fn every_new_hire_gets_an_introducer_of_their_unit_or_a_reason() {
    let (_, plan) = solved();
    let intro = plan.introduction.as_ref().expect("the round plans an introduction");
    let of = |hire: &str| intro.assignments.iter().find(|a| a.hire == hire);
    let p01 = of("p01").expect("p01 is introduced");
    assert!(p01.introducer == "i1" || p01.introducer == "p06");
    assert_eq!(p01.periods.len(), 1, "year one only, inside the round");
    assert_eq!((p01.periods[0].year, p01.periods[0].hours_per_week), (1, 4.0));
    assert_eq!((p01.periods[0].from.to_string(), p01.periods[0].to.to_string()), ("2027-09-01".into(), "2028-06-16".into()));
    // p03 (year one ends 2027-11-30, then year two) and p07 share Enköping's one place.
    let enk: Vec<&str> = ["p03", "p07"].into_iter().filter(|h| of(h).is_some()).collect();
    assert_eq!(enk.len(), 1, "{intro:?}");
    let reason = |hire: &str| intro.unserved.iter().find(|u| u.hire == hire).map(|u| u.reason.as_str());
    let other = if enk[0] == "p03" { "p07" } else { "p03" };
    assert_eq!(reason(other), Some("introducers_full"));
    if let Some(p03) = of("p03") {
        let hours: Vec<(u32, f64)> = p03.periods.iter().map(|p| (p.year, p.hours_per_week)).collect();
        assert_eq!(hours, vec![(1, 4.0), (2, 2.0)]);
    }
    assert_eq!(reason("p04"), Some("no_introducer_in_unit"));
    // p05 (employed 2026-08-01) is in year two when the round starts: 2 h a week.
    let p05 = reason("p05");
    assert_eq!(p05, Some("no_introducer_in_unit"));
    // p02 (employed 2026-02-01, Uppsala BoU 2 without introduktörer) is in year two.
    assert_eq!(reason("p02"), Some("no_introducer_in_unit"));
    // p06 (employed 2019) is past the introduction years: neither assigned nor listed.
    assert!(of("p06").is_none() && reason("p06").is_none());
    assert!(!intro.unserved.iter().any(|u| u.message.is_empty() || u.message.contains("p0")), "reasons in words, by name");
}

#[test]
fn nobody_introduces_themselves() {
    // p01 is a new hire and the only introduktör of Uppsala BoU 1.
    let mut v = round();
    v["introducers"] = json!([{"id": "p01", "name": "Åsa Öberg", "unit": "upp-bou-1"}]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &SolveParams::default());
    let intro = plan.introduction.unwrap();
    assert!(intro.assignments.iter().all(|a| a.hire != a.introducer));
    assert_eq!(intro.unserved.iter().find(|u| u.hire == "p01").map(|u| u.reason.as_str()), Some("no_introducer_in_unit"));
}

#[test]
fn a_round_without_an_introduction_has_no_section() {
    let loaded = load(&read_json("instances/uppsala-small.json"));
    assert!(solve_checked(&loaded, &SolveParams::default()).introduction.is_none());
}

#[test]
fn bad_hours_and_units_are_errors() {
    let mut v = round();
    v["introduction"]["hours_per_week"] = json!([4, -2]);
    v["introducers"][0]["unit"] = "nowhere".into();
    v["introducers"][2]["name"] = "Märta Lindström".into();
    v["introducers"][2]["id"] = "p03".into();
    v["introducers"][2]["unit"] = "upp-bou-2".into();
    let problems = trappa::load::parse_and_validate(&serde_json::to_string(&v).unwrap()).unwrap_err();
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.code.code(), p.path.as_str())).collect();
    for expected in [("E031", "introduction.hours_per_week[1]"), ("E021", "introducers[0].unit"), ("E023", "introducers[2].unit")] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

#[test]
fn the_checker_catches_each_corruption_of_the_introduction() {
    let (loaded, plan) = solved();
    let corrupt = |f: &dyn Fn(&mut PlanFile)| {
        let mut bad = plan.clone();
        f(&mut bad);
        codes(&loaded, &bad)
    };
    fn intro(p: &mut PlanFile) -> &mut trappa::format::plan::IntroductionPlan {
        p.introduction.as_mut().unwrap()
    }
    // An introduktör of another unit.
    let found = corrupt(&|p| intro(p).assignments.iter_mut().find(|a| a.hire == "p01").unwrap().introducer = "i2".into());
    assert!(found.contains(&"C100"), "{found:?}");
    // Wrong hours.
    let found = corrupt(&|p| intro(p).assignments[0].periods[0].hours_per_week = 8.0);
    assert!(found.contains(&"C100"), "{found:?}");
    // Both Enköping hires with its one introduktör.
    let found = corrupt(&|p| {
        let i = intro(p);
        let served = i.assignments.iter().find(|a| a.hire == "p03" || a.hire == "p07").unwrap().clone();
        let other = if served.hire == "p03" { "p07" } else { "p03" };
        i.unserved.retain(|u| u.hire != other);
        let mut a = served.clone();
        a.hire = other.into();
        a.periods = vec![];
        i.assignments.push(a);
    });
    assert!(found.contains(&"C101"), "{found:?}");
    // A hire forgotten, and a reason made false.
    let found = corrupt(&|p| intro(p).unserved.retain(|u| u.hire != "p04"));
    assert_eq!(found, vec!["C102"]);
    let found = corrupt(&|p| intro(p).unserved.iter_mut().find(|u| u.hire == "p04").unwrap().reason = "introducers_full".into());
    assert_eq!(found, vec!["C102"]);
    let found = corrupt(&|p| {
        intro(p).unserved.push(IntroductionUnserved { hire: "p02".into(), reason: "no_introducer_in_unit".into(), message: String::new() })
    });
    assert_eq!(found, vec!["C102"]);
    let found = corrupt(&|p| p.introduction = None);
    assert_eq!(found, vec!["C102"]);
}

#[test]
fn the_roster_carries_the_introducers_and_the_hours() {
    let file = trappa::load::parse_and_validate(&serde_json::to_string_pretty(&round()).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    trappa::roster::export(&file, dir.path(), None).unwrap();
    let rules = std::fs::read_to_string(dir.path().join("regler.json")).unwrap();
    assert!(rules.contains("hours_per_week"), "{rules}");
    let sheet = std::fs::read_to_string(dir.path().join("introduktörer.csv")).unwrap();
    assert!(sheet.lines().any(|l| l.starts_with("p06;Håkan Sjöberg;upp-bou-1")), "{sheet}");
    assert_eq!(trappa::roster::import(dir.path(), None).unwrap().instance, file);
}

#[test]
fn explain_and_the_report_name_the_introducer() {
    let (loaded, plan) = solved();
    let sv =
        |id: &str| trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, id).unwrap());
    let a = plan.introduction.as_ref().unwrap().assignments.iter().find(|a| a.hire == "p01").unwrap();
    let name = if a.introducer == "i1" { "Ida Introduktör" } else { "Håkan Sjöberg" };
    assert!(sv("p01").contains(&format!("Introduktör: {name}, 4 h/vecka")), "{}", sv("p01"));
    assert!(sv("p04").contains("Ingen introduktör:"), "{}", sv("p04"));
    // Håkan Sjöberg is a participant and an introduktör: one person, two roles.
    assert!(sv("p06").contains("Roller: deltagare, introduktör"), "{}", sv("p06"));
    let html = trappa::report::html::render(&plan, &loaded.file, &loaded.model, Default::default());
    assert!(html.contains(&format!("Introduktör: {name}")), "the hire's entry names the introducer");
    assert!(html.contains("Ingen introduktör:"), "a hire without one says why");
}
