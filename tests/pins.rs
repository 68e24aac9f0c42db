//! Pinning by hand: fixed pairs, sessions and groups in the instance are honoured by every
//! strategy (the checker verifies them), only ever make the objective worse than the unpinned
//! optimum, change the plan when they force a worse choice, and pins that cannot hold together
//! stop the solve with exit code 2 naming them; a plan that breaks a pin is rejected.

mod common;

use assert_cmd::Command;
use common::oracles::solve_brute_force;
use common::{codes, load, read_json as read, root, solve_checked};
use serde_json::{json, Value};
use std::time::Duration;
use trappa::format::plan::PlanFile;
use trappa::solve::{self, mentor_matching, GroupStrategy, MatchingStrategy, SolveParams, Strategy, TimetableStrategy};

fn params(matching: MatchingStrategy, timetable: TimetableStrategy, groups: GroupStrategy, limit: Option<f64>) -> SolveParams {
    SolveParams {
        strategy: matching,
        timetable_strategy: timetable,
        group_strategy: groups,
        time_limit: limit.map(Duration::from_secs_f64),
        ..Default::default()
    }
}

fn pair_list(plan: &PlanFile) -> Vec<(String, String)> {
    plan.mentorship.pairs.iter().map(|p| (p.mentor.clone(), p.mentee.clone())).collect()
}

// ----- Pairs -----

#[test]
fn fixed_pairs_hold_under_every_matching_strategy_and_cost_at_least_the_optimum() {
    let free = load(&read("instances/uppsala-small.json"));
    let pinned = load(&read("instances/uppsala-small-pins.json"));
    let unpinned = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::Auto, None));
    assert!(!pair_list(&unpinned).contains(&("m01".into(), "p03".into())), "the pin must force a choice the optimum avoids");
    for s in MatchingStrategy::all() {
        let plan = solve_checked(&pinned, &params(*s, TimetableStrategy::Auto, GroupStrategy::Auto, None));
        let pairs = pair_list(&plan);
        assert!(pairs.contains(&("m01".into(), "p03".into())) && pairs.contains(&("m04".into(), "p07".into())), "{}: {pairs:?}", s.name());
        let m01p03 = plan.mentorship.pairs.iter().find(|p| p.mentor == "m01" && p.mentee == "p03").unwrap();
        for d in ["2027-10-20", "2028-02-09"] {
            assert!(m01p03.meetings.iter().any(|x| x.to_string() == d), "{}: pinned meeting {d} missing", s.name());
        }
        assert_eq!(plan.objective.matched, unpinned.objective.matched);
        assert!(plan.objective.cost >= unpinned.objective.cost - 1e-9, "{}", s.name());
        assert_ne!(pair_list(&plan), pair_list(&unpinned));
    }
}

#[test]
fn exact_matching_with_pins_equals_brute_force() {
    let pinned = load(&read("instances/uppsala-small-pins.json"));
    let problem = mentor_matching::build_problem(&pinned.model);
    let exact = mentor_matching::solve_with_pins(&pinned.model, &problem, mentor_matching::solve_exact).unwrap();
    let brute = mentor_matching::solve_with_pins(&pinned.model, &problem, |p| Ok(solve_brute_force(p))).unwrap();
    assert_eq!(exact.matched, brute.matched);
    assert!((exact.cost - brute.cost).abs() < 1e-6, "{} vs {}", exact.cost, brute.cost);
    // Brute force over the unpinned problem restricted to plans containing the pins agrees.
    let mut free = problem.clone();
    free.pinned = vec![None; free.mentees.len()];
    let all = solve_brute_force(&free);
    assert!(exact.cost >= all.cost - 1e-9);
}

#[test]
fn a_pinned_pair_that_uses_the_only_mentor_of_another_mentee_is_kept() {
    // p05 can only have m01 (capacity 2); pinning two others to m01 leaves p05 unmatched, and
    // the checker's maximality rule counts the pins as given.
    let mut v = read("instances/uppsala-small.json");
    v["mentorship"]["fixed_pairs"] = json!([{"mentor": "m01", "mentee": "p03"}, {"mentor": "m01", "mentee": "p04"}]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::Auto, None));
    let pairs = pair_list(&plan);
    assert_eq!(pairs.iter().filter(|p| p.0 == "m01").count(), 2);
    assert!(pairs.contains(&("m01".into(), "p03".into())) && pairs.contains(&("m01".into(), "p04".into())));
}

// ----- Sessions -----

fn course_round() -> Value {
    let mut v = read("instances/liten-kursomgang.json");
    v["workload"]["max_course_days_per_month"] = json!(3);
    v
}

fn session_of<'a>(plan: &'a PlanFile, course: &str) -> Vec<&'a trappa::format::plan::SessionPlan> {
    plan.timetable.as_ref().unwrap().sessions.iter().filter(|s| s.course == course).collect()
}

#[test]
fn fixed_sessions_hold_under_every_timetable_strategy() {
    let free = load(&course_round());
    let base = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Greedy, GroupStrategy::Auto, Some(5.0)));
    let base_bound = base.timetable.as_ref().unwrap().status.bound.unwrap();
    let cases: Vec<(&str, Value)> = vec![
        ("dates+venue", json!([{"course": "barnsamtal", "id": "bs-als", "dates": ["2027-02-08", "2027-02-09"], "venue": "als"}])),
        ("trainers", json!([{"course": "barnsamtal", "trainers": ["t2"]}])),
        ("attendees", json!([{"course": "lvu", "attendees": ["p3", "p4"]}, {"course": "barnsamtal", "attendees": ["p6"]}])),
        ("venue", json!([{"course": "lvu", "venue": "als"}])),
    ];
    for (what, pins) in cases {
        let mut v = course_round();
        v["fixed_sessions"] = pins.clone();
        let loaded = load(&v);
        for s in TimetableStrategy::all() {
            let plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, *s, GroupStrategy::Auto, Some(2.0)));
            let tt = plan.timetable.as_ref().unwrap();
            // The objective can only get worse than the unpinned round's lower bound.
            assert!(tt.objective.total >= base_bound - 1e-6, "{what}/{}", s.name());
            if let Some(b) = tt.status.bound {
                assert!(b <= tt.objective.total + 1e-6, "{what}/{}: bound {b} above objective", s.name());
            }
            for pin in pins.as_array().unwrap() {
                let course = pin["course"].as_str().unwrap();
                let ok = session_of(&plan, course).iter().any(|sess| {
                    pin.get("venue").is_none_or(|v| v == sess.venue.as_str())
                        && pin.get("dates").is_none_or(|d| {
                            d.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect::<Vec<_>>()
                                == sess.dates.iter().map(|x| x.to_string()).collect::<Vec<_>>()
                        })
                        && pin.get("trainers").is_none_or(|t| t.as_array().unwrap().iter().all(|x| sess.trainers.iter().any(|y| y == x)))
                        && pin.get("attendees").is_none_or(|a| a.as_array().unwrap().iter().all(|x| sess.attendees.iter().any(|y| y == x)))
                });
                assert!(ok, "{what}/{}: pin {pin} not honoured: {:?}", s.name(), session_of(&plan, course));
            }
        }
    }
}

#[test]
fn a_pinned_session_that_forces_a_worse_choice_changes_the_plan() {
    let free = load(&course_round());
    let base = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Greedy, GroupStrategy::Auto, None));
    assert!(session_of(&base, "barnsamtal").iter().all(|s| s.venue != "als"));
    let mut v = course_round();
    v["fixed_sessions"] = json!([{"course": "barnsamtal", "venue": "als", "trainers": ["t2"]}]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, TimetableStrategy::Greedy, GroupStrategy::Auto, None));
    assert!(session_of(&plan, "barnsamtal").iter().any(|s| s.venue == "als" && s.trainers.contains(&"t2".to_string())));
    assert_ne!(plan.timetable.as_ref().unwrap().sessions, base.timetable.as_ref().unwrap().sessions);
    assert!(plan.timetable.as_ref().unwrap().objective.total >= base.timetable.as_ref().unwrap().status.bound.unwrap() - 1e-6);
}

#[test]
fn pins_that_cannot_hold_together_stop_the_solve_naming_them() {
    // Unit g1 may miss two people a day (8 staff × 0.25); three are pinned to courses on one day.
    let mut v = course_round();
    v["fixed_sessions"] = json!([
        {"course": "barnsamtal", "id": "bs-feb", "dates": ["2027-02-03", "2027-02-04"], "attendees": ["p1", "p2"]},
        {"course": "lvu", "id": "lvu-feb", "dates": ["2027-02-03"], "attendees": ["p8"]}
    ]);
    let loaded = load(&v);
    for s in TimetableStrategy::all() {
        let err = solve::solve(&loaded.model, &params(MatchingStrategy::Exact, *s, GroupStrategy::Auto, Some(3.0))).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("lvu-feb") && msg.contains("bs-feb") && msg.contains("p8"), "{}: {msg}", s.name());
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("conflict.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = dir.path().join("plan");
    let assert =
        Command::cargo_bin("trappa").unwrap().args(["--lang", "en"]).arg("solve").arg(&file).arg("--out").arg(&out).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("pinned") && stderr.contains("lvu-feb") && stderr.contains("unit"), "{stderr}");
    assert!(!out.exists());
}

// ----- Groups -----

fn group_round() -> Value {
    let file = trappa::generate::generate(&trappa::generate::GenOptions::new(trappa::generate::GenRegion::Uppsala, 40, 3)).unwrap();
    serde_json::to_value(file).unwrap()
}

fn group_members<'a>(plan: &'a PlanFile, programme: &str) -> Vec<(Option<&'a str>, &'a [String], Vec<String>)> {
    plan.groups
        .iter()
        .find(|g| g.programme == programme)
        .unwrap()
        .groups
        .iter()
        .map(|g| (g.leader.as_deref(), g.members.as_slice(), g.meetings.iter().map(|d| d.to_string()).collect()))
        .collect()
}

#[test]
fn fixed_groups_hold_under_every_group_strategy() {
    let free = load(&group_round());
    let base = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::LocalSearch, None));
    let groups = group_members(&base, "handledning");
    // Two people the unpinned plan puts apart, and a leader it does not use.
    let (a, b) = (groups[0].1[0].clone(), groups[1].1[0].clone());
    let used: Vec<&str> = groups.iter().filter_map(|g| g.0).collect();
    let leader = ["l001", "l002", "l003"].into_iter().find(|l| !used.contains(l)).unwrap();
    let (c, d) = (groups[2].1[0].clone(), groups[2].1[1].clone());
    let date = groups[0].2[2].clone();
    let mut v = group_round();
    v["group_programmes"][0]["fixed_groups"] = json!([{"members": [a, b], "leader": leader, "meetings": [date]}, {"members": [c, d]}]);
    let loaded = load(&v);
    for s in GroupStrategy::all() {
        let plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, *s, Some(20.0)));
        let gs = group_members(&plan, "handledning");
        let home = gs.iter().find(|g| g.1.contains(&a)).unwrap();
        assert!(home.1.contains(&b), "{}: {a} and {b} apart", s.name());
        assert_eq!(home.0, Some(leader), "{}", s.name());
        assert!(home.2.contains(&date), "{}: pinned meeting {date} missing", s.name());
        let other = gs.iter().find(|g| g.1.contains(&c)).unwrap();
        assert!(other.1.contains(&d) && !other.1.contains(&a), "{}", s.name());
        // Maximisation: a proven pinned optimum never beats the proven unpinned one.
        if plan.groups[0].status.optimality == trappa::format::plan::Optimality::Optimal {
            let exact = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, *s, Some(20.0)));
            if exact.groups[0].status.optimality == trappa::format::plan::Optimality::Optimal {
                assert!(plan.groups[0].objective.total <= exact.groups[0].objective.total + 1e-6, "{}", s.name());
            }
        }
    }
}

// ----- Checker -----

#[test]
fn the_checker_flags_broken_pins() {
    // Pair.
    let pinned = load(&read("instances/uppsala-small-pins.json"));
    let mut plan = solve_checked(&pinned, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::Auto, None));
    let k = plan.mentorship.pairs.iter().position(|p| p.mentor == "m01" && p.mentee == "p03").unwrap();
    plan.mentorship.pairs[k].meetings.retain(|d| d.to_string() != "2027-10-20");
    assert!(codes(&pinned, &plan).contains(&"C090"));
    // Session.
    let mut v = course_round();
    v["fixed_sessions"] = json!([{"course": "barnsamtal", "venue": "als", "trainers": ["t2"]}]);
    let loaded = load(&v);
    let mut plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, TimetableStrategy::Greedy, GroupStrategy::Auto, None));
    for s in &mut plan.timetable.as_mut().unwrap().sessions {
        if s.venue == "als" {
            s.venue = "gbg".into();
        }
    }
    assert!(codes(&loaded, &plan).contains(&"C091"));
    // Group.
    let mut v = group_round();
    let free = load(&v);
    let base = solve_checked(&free, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::LocalSearch, None));
    let gs = group_members(&base, "handledning");
    let (a, b) = (gs[0].1[0].clone(), gs[0].1[1].clone());
    v["group_programmes"][0]["fixed_groups"] = json!([{"members": [a, b]}]);
    let loaded = load(&v);
    let mut plan = solve_checked(&loaded, &params(MatchingStrategy::Exact, TimetableStrategy::Auto, GroupStrategy::LocalSearch, None));
    let groups = &mut plan.groups[0].groups;
    let g = groups.iter().position(|g| g.members.contains(&b)).unwrap();
    let h = (g + 1) % groups.len();
    groups[g].members.retain(|m| *m != b);
    groups[h].members.push(b);
    assert!(codes(&loaded, &plan).contains(&"C092"));
}

#[test]
fn cli_solves_and_checks_the_pinned_example() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let inst = root().join("instances/uppsala-small-pins.json");
    Command::cargo_bin("trappa").unwrap().arg("solve").arg(&inst).arg("--out").arg(&out).arg("--quiet").assert().success();
    Command::cargo_bin("trappa").unwrap().arg("check").arg(&inst).arg(&out).assert().success();
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    let pairs = plan["mentorship"]["pairs"].as_array().unwrap();
    assert!(pairs.iter().any(|p| p["mentor"] == "m01" && p["mentee"] == "p03"));
}
