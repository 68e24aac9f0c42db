//! One person, several roles (issue 11, item 6): the same id in the participants and among the
//! mentors, trainers or group leaders is one person. The round of `tests/data/joint-roles.json`
//! has Märta Lindström (p03) as participant and mentor and Håkan Sjöberg (p06) as participant,
//! trainer and group leader. Every role is checked against the others by the solvers and, on
//! its own, by the checker; the person has one calendar, one entry in the report and `explain`
//! names all roles; the roster carries the person on each sheet of their roles.

mod common;

use chrono::NaiveDate;
use common::{assert_valid, codes, load, read_json, root, solve_checked};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use trappa::format::plan::PlanFile;
use trappa::load::LoadedInstance;
use trappa::solve::{SolveParams, TimetableStrategy};

fn joint() -> Value {
    read_json("tests/data/joint-roles.json")
}

/// The joint round solved once (and checked).
fn solved() -> &'static (LoadedInstance, PlanFile) {
    static SOLVED: OnceLock<(LoadedInstance, PlanFile)> = OnceLock::new();
    SOLVED.get_or_init(|| {
        let loaded = load(&joint());
        let plan = solve_checked(&loaded, &SolveParams::default());
        (loaded, plan)
    })
}

/// The days `who` attends a course and the days `who` teaches one.
fn course_days(plan: &PlanFile, who: &str) -> (BTreeSet<NaiveDate>, BTreeSet<NaiveDate>) {
    let sessions = &plan.timetable.as_ref().expect("a timetable").sessions;
    let days = |f: &dyn Fn(&trappa::format::plan::SessionPlan) -> bool| -> BTreeSet<NaiveDate> {
        sessions.iter().filter(|s| f(s)).flat_map(|s| s.dates.iter().copied()).collect()
    };
    (days(&|s| s.attendees.iter().any(|a| a == who)), days(&|s| s.trainers.iter().any(|t| t == who)))
}

fn problem_codes(v: &Value) -> Vec<(String, String)> {
    let text = serde_json::to_string_pretty(v).unwrap();
    match trappa::load::parse_and_validate(&text) {
        Ok(_) => vec![],
        Err(problems) => problems.iter().map(|p| (p.code.code().to_string(), p.path.clone())).collect(),
    }
}

// ---------------------------------------------------------------- the shape

#[test]
fn the_same_id_in_several_lists_is_one_person_with_several_roles() {
    let v = joint();
    assert_eq!(problem_codes(&v), vec![], "a participant who also mentors, trains and leads groups is valid");
    let loaded = load(&v);
    let m = &loaded.model;
    assert!(m.mentors.iter().any(|x| x.id == "p03") && m.participants.iter().any(|x| x.id == "p03"));
    let trainer = m.timetable.trainers.iter().position(|t| t.id == "p06").unwrap();
    let p06 = m.participants.iter().position(|p| p.id == "p06").unwrap();
    assert_eq!(m.timetable.trainers[trainer].person.map(|p| p.index()), Some(p06));
    assert_eq!(m.timetable.trainer_of[p06].map(|r| r.index()), Some(trainer));
    // One person counts once towards the unit's headcount: enk-bou (9) with p03 twice is fine
    // even at a headcount of exactly its participants and other mentors.
    let mut tight = v.clone();
    let enk = tight["region"]["units"].as_array().unwrap().iter().position(|u| u["id"] == "enk-bou").unwrap();
    // p03, p07 and mentor m02 work in enk-bou: three people, though p03 is listed twice.
    tight["region"]["units"][enk]["headcount"] = 3.into();
    assert_eq!(problem_codes(&tight), vec![]);
}

#[test]
fn the_same_id_with_another_name_or_unit_is_a_person_mismatch() {
    let mut v = joint();
    let mentors = v["mentors"].as_array().unwrap().len();
    v["mentors"][mentors - 1]["name"] = "Märta Lindqvist".into();
    assert_eq!(problem_codes(&v), vec![("E023".to_string(), format!("mentors[{}].name", mentors - 1))]);
    let mut v = joint();
    v["mentors"][mentors - 1]["unit"] = "upp-bou-2".into();
    assert_eq!(problem_codes(&v), vec![("E023".to_string(), format!("mentors[{}].unit", mentors - 1))]);
    let mut v = joint();
    v["trainers"][0]["name"] = "H. Sjöberg".into();
    v["group_leaders"][0]["name"] = "Håkan S.".into();
    let found = problem_codes(&v);
    assert_eq!(found.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), vec!["group_leaders[0].name", "trainers[0].name"], "{found:?}");
    assert!(found.iter().all(|c| c.0 == "E023"), "{found:?}");
    // Within one list an id stays unique.
    let mut v = joint();
    let again = v["mentors"][0].clone();
    v["mentors"].as_array_mut().unwrap().push(again);
    assert!(problem_codes(&v).iter().any(|c| c.0 == "E020"), "{:?}", problem_codes(&v));
}

// ---------------------------------------------------------------- the solvers

#[test]
fn roles_of_one_person_are_kept_apart_in_a_solved_round() {
    let (_, plan) = solved();
    let pairs = &plan.mentorship.pairs;
    assert!(pairs.iter().all(|p| p.mentor != p.mentee), "nobody mentors themselves");
    // p03 mentors and is mentored: never two meetings on one day.
    let as_mentor: BTreeSet<NaiveDate> = pairs.iter().filter(|p| p.mentor == "p03").flat_map(|p| p.meetings.clone()).collect();
    let as_mentee: BTreeSet<NaiveDate> = pairs.iter().filter(|p| p.mentee == "p03").flat_map(|p| p.meetings.clone()).collect();
    assert!(!as_mentor.is_empty() && !as_mentee.is_empty(), "p03 has both roles in the plan");
    assert!(as_mentor.is_disjoint(&as_mentee));
    // p06 teaches and attends, never on one day.
    let (attends, teaches) = course_days(plan, "p06");
    assert!(!attends.is_empty() && !teaches.is_empty(), "p06 teaches and attends");
    assert!(attends.is_disjoint(&teaches));
    // p06 leads a group he is not a member of; his group days are not course days.
    let groups = &plan.groups[0].groups;
    let led: Vec<_> = groups.iter().filter(|g| g.leader.as_deref() == Some("p06")).collect();
    assert_eq!(led.len(), 1);
    assert!(groups.iter().all(|g| !(g.leader.as_deref() == Some("p06") && g.members.iter().any(|m| m == "p06"))));
    let led_days: BTreeSet<NaiveDate> = led[0].meetings.iter().copied().collect();
    assert!(led_days.is_disjoint(&attends) && led_days.is_disjoint(&teaches));
}

#[test]
fn every_timetable_strategy_keeps_a_trainer_off_the_days_they_attend() {
    // Three working days: a two-day course and a one-day course taught by p06, who attends the
    // two-day one. Only the plans with the one-day course on the third (or first) day hold.
    let mut v = joint();
    v["round"]["start"] = "2027-09-06".into();
    v["round"]["end"] = "2027-09-08".into();
    v["calendar"]["closed"] = serde_json::json!([]);
    v["mentors"] = serde_json::json!([]);
    v["mentorship"] = serde_json::json!({});
    v["group_programmes"] = serde_json::json!([]);
    v["group_leaders"] = serde_json::json!([]);
    v["trainers"][1]["courses"] = serde_json::json!(["barnsamtal"]);
    v["workload"] = serde_json::json!({"max_course_days_per_month": 3});
    let loaded = load(&v);
    for strategy in [TimetableStrategy::Greedy, TimetableStrategy::LocalSearch, TimetableStrategy::Milp, TimetableStrategy::Auto] {
        let params =
            SolveParams { timetable_strategy: strategy, time_limit: Some(std::time::Duration::from_secs(10)), ..SolveParams::default() };
        let plan = solve_checked(&loaded, &params);
        let tt = plan.timetable.as_ref().unwrap();
        assert!(tt.unserved.is_empty(), "{strategy:?}: everyone is served: {:?}", tt.unserved);
        let (attends, teaches) = course_days(&plan, "p06");
        assert_eq!((attends.len(), teaches.len()), (2, 1), "{strategy:?}");
        assert!(attends.is_disjoint(&teaches), "{strategy:?}: p06 teaches on a day he attends");
    }
}

// ---------------------------------------------------------------- the checker

/// The checker's codes for the solved plan corrupted by `f`.
fn corrupted(f: impl FnOnce(&mut PlanFile)) -> Vec<&'static str> {
    let (loaded, plan) = solved();
    assert_valid(loaded, plan);
    let mut bad = plan.clone();
    f(&mut bad);
    codes(loaded, &bad)
}

#[test]
fn a_pair_of_one_person_with_themselves_is_c086() {
    let found = corrupted(|p| {
        let pair = p.mentorship.pairs.iter_mut().find(|x| x.mentor == "p03").unwrap();
        pair.mentee = "p03".into();
    });
    assert!(found.contains(&"C086"), "{found:?}");
}

#[test]
fn a_leader_in_their_own_group_is_c087() {
    let found = corrupted(|p| {
        let g = p.groups[0].groups.iter_mut().find(|g| g.leader.as_deref() == Some("p06")).unwrap();
        g.members.push("p06".into());
    });
    assert!(found.contains(&"C087"), "{found:?}");
}

#[test]
fn a_trainer_attending_on_a_day_they_teach_is_c088() {
    // p06 teaches his own session's day as one of its attendees.
    let found = corrupted(|p| {
        let s = p.timetable.as_mut().unwrap().sessions.iter_mut().find(|s| s.trainers.iter().any(|t| t == "p06")).unwrap();
        s.attendees.push("p06".into());
    });
    assert!(found.contains(&"C088"), "{found:?}");
    // The session he teaches moved onto a day he attends another.
    let found = corrupted(|p| {
        let sessions = &mut p.timetable.as_mut().unwrap().sessions;
        let day = sessions.iter().find(|s| s.attendees.iter().any(|a| a == "p06")).unwrap().dates[0];
        let taught = sessions.iter_mut().find(|s| s.trainers.iter().any(|t| t == "p06")).unwrap();
        taught.dates = vec![day];
    });
    assert!(found.contains(&"C088"), "{found:?}");
}

#[test]
fn the_joint_calendar_rules_see_every_role_of_a_person() {
    // p03's meeting as mentor moved onto a day of their meeting as mentee: one person, two
    // mentor meetings a day (C026).
    let found = corrupted(|p| {
        let day = p.mentorship.pairs.iter().find(|x| x.mentee == "p03").unwrap().meetings[3];
        let mine = p.mentorship.pairs.iter_mut().find(|x| x.mentor == "p03").unwrap();
        mine.meetings[3] = day;
    });
    assert!(found.contains(&"C026"), "{found:?}");
    // p03's meeting as mentor moved onto a course day p03 attends (C059).
    let found = corrupted(|p| {
        let day = p.timetable.as_ref().unwrap().sessions.iter().find(|s| s.attendees.iter().any(|a| a == "p03")).unwrap().dates[0];
        let mine = p.mentorship.pairs.iter_mut().find(|x| x.mentor == "p03").unwrap();
        mine.meetings[0] = day;
        mine.meetings.sort();
    });
    assert!(found.contains(&"C059"), "{found:?}");
    // A group p06 leads moved onto a day p06 teaches is caught with the leader's group days
    // against a mentor meeting of the same person when p06 mentors; here: p03's group meeting
    // and p03's meeting as mentor on one day (C081).
    let found = corrupted(|p| {
        let day = p.groups[0].groups.iter().find(|g| g.members.iter().any(|m| m == "p03")).unwrap().meetings[1];
        let mine = p.mentorship.pairs.iter_mut().find(|x| x.mentor == "p03").unwrap();
        mine.meetings[5] = day;
        mine.meetings.sort();
    });
    assert!(found.contains(&"C081"), "{found:?}");
}

// ---------------------------------------------------------------- calendar, report, explain

#[test]
fn one_person_has_one_calendar_with_every_role() {
    let (loaded, plan) = solved();
    let entries = trappa::write::person_entries(plan, &loaded.file, &loaded.model);
    let roles = |who: &str| -> BTreeSet<&str> { entries[who].iter().map(|e| e.role).collect() };
    assert_eq!(roles("p06"), BTreeSet::from(["deltagare", "ledare", "utbildare"]));
    assert_eq!(roles("p03"), BTreeSet::from(["adept", "deltagare", "mentor"]));
    let calendars = trappa::write::person_calendars(plan, &loaded.file, &loaded.model);
    let ics = &calendars["p06"];
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), entries["p06"].len());
    assert!(ics.contains("Håkan Sjöberg"), "the calendar is the person's, by name");
    assert!(!calendars.keys().any(|k| k != "p03" && k.contains("p03")), "one file per person");
}

#[test]
fn the_report_lists_one_person_once_with_all_roles() {
    let (loaded, plan) = solved();
    let html = trappa::report::html::render(plan, &loaded.file, &loaded.model, Default::default());
    assert_eq!(html.matches("data-person=\"p06\"").count(), 1, "one entry for p06");
    assert_eq!(html.matches("data-person=\"p03\"").count(), 1, "one entry for p03");
    assert!(html.contains("även gruppledare, utbildare"), "p06's other roles are named");
    assert!(html.contains("även mentor"), "p03's other role is named");
    assert!(html.contains("(som utbildare)") && html.contains("(som mentor)"), "the days of each role say which role");
}

#[test]
fn explain_names_every_role() {
    let (loaded, plan) = solved();
    let text = trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, plan, "p06").unwrap());
    assert!(text.contains("Roller: deltagare, gruppledare, utbildare"), "{text}");
    assert!(text.contains("Som utbildare: leder LVU i praktiken"), "{text}");
    assert!(text.contains("Som gruppledare: leder grupp"), "{text}");
    let text = trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, plan, "p03").unwrap());
    assert!(text.contains("Roller: deltagare, mentor") && text.contains("Som mentor: adept"), "{text}");
    let text = trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, plan, "p01").unwrap());
    assert!(!text.contains("Roller:"), "someone with one role gets no roles line: {text}");
}

// ---------------------------------------------------------------- roster

#[test]
fn the_roster_carries_a_person_on_each_sheet_of_their_roles() {
    let file = trappa::load::parse_and_validate(&std::fs::read_to_string(root().join("tests/data/joint-roles.json")).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    trappa::roster::export(&file, &csv, None).unwrap();
    let mentors = std::fs::read_to_string(csv.join("mentorer.csv")).unwrap();
    assert!(mentors.lines().any(|l| l.starts_with("p03") && l.contains("Märta Lindström")), "{mentors}");
    let back = trappa::roster::import(&csv, None).unwrap();
    assert_eq!(back.instance, file, "via CSV");
    let xlsx = dir.path().join("omgang.xlsx");
    trappa::roster::export(&file, &xlsx, None).unwrap();
    assert_eq!(trappa::roster::import(&xlsx, None).unwrap().instance, file, "via xlsx");
    // A coordinator who types another name on the mentor row is told where.
    let text = mentors.replacen("Märta Lindström", "Märta Lindqvist", 1);
    std::fs::write(csv.join("mentorer.csv"), text).unwrap();
    let err = trappa::roster::import(&csv, None).unwrap_err().to_string();
    assert!(err.contains("E023") && err.contains("mentorer"), "{err}");
}
