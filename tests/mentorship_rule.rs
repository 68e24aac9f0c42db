//! The optional rule "a mentor takes at most one mentee per municipality"
//! (`mentorship.one_mentee_per_municipality`): the exact and the greedy matching honour it, so do
//! pinned pairs and re-plans; the checker accepts their plans and catches a plan that breaks it
//! with C019.

mod common;

use chrono::NaiveDate;
use common::{assert_valid, codes, load, read_json, solve_checked};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use trappa::format::plan::PlanFile;
use trappa::replan::{replan, ChangeWeights, ReplanParams};
use trappa::solve::{self, MatchingStrategy, SolveParams};

/// The small Uppsala round with one mentor, m01, who has room for every mentee: without the
/// rule the cheapest matching gives m01 both Enköping mentees (p03, p07).
fn round(rule: bool) -> Value {
    let mut v = read_json("instances/uppsala-small.json");
    v["mentors"][0]["capacity"] = json!(7);
    for m in 1..4 {
        v["mentors"][m]["capacity"] = json!(0);
    }
    v["mentorship"]["one_mentee_per_municipality"] = json!(rule);
    v
}

fn params(strategy: MatchingStrategy) -> SolveParams {
    SolveParams { strategy, ..Default::default() }
}

/// The number of mentees per (mentor, mentee's municipality) in a plan.
fn per_place(v: &Value, plan: &PlanFile) -> BTreeMap<(String, String), usize> {
    let muni_of_unit: BTreeMap<&str, &str> =
        v["region"]["units"].as_array().unwrap().iter().map(|u| (u["id"].as_str().unwrap(), u["municipality"].as_str().unwrap())).collect();
    let unit_of: BTreeMap<&str, &str> =
        v["participants"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p["unit"].as_str().unwrap())).collect();
    let mut count = BTreeMap::new();
    for pair in &plan.mentorship.pairs {
        let muni = muni_of_unit[unit_of[pair.mentee.as_str()]].to_string();
        *count.entry((pair.mentor.clone(), muni)).or_insert(0) += 1;
    }
    count
}

fn pairs(plan: &PlanFile) -> Vec<(String, String)> {
    plan.mentorship.pairs.iter().map(|p| (p.mentor.clone(), p.mentee.clone())).collect()
}

#[test]
fn the_rule_changes_the_exact_matching_and_the_checker_accepts_it() {
    let free = solve_checked(&load(&round(false)), &params(MatchingStrategy::Exact));
    assert!(per_place(&round(false), &free).values().any(|&n| n > 1), "without the rule a mentor has two mentees of one municipality");

    let v = round(true);
    let ruled = solve_checked(&load(&v), &params(MatchingStrategy::Exact));
    assert!(per_place(&v, &ruled).values().all(|&n| n == 1), "{:?}", per_place(&v, &ruled));
    assert_ne!(pairs(&free), pairs(&ruled));
    assert_eq!(ruled.mentorship.pairs.len() + 1, free.mentorship.pairs.len(), "one Enköping mentee loses the mentor");
    assert!(ruled.mentorship.unmatched.iter().any(|u| u.reason == "eligible_mentors_full"));
}

#[test]
fn the_greedy_matching_honours_the_rule() {
    let v = round(true);
    let plan = solve_checked(&load(&v), &params(MatchingStrategy::Greedy));
    assert!(per_place(&v, &plan).values().all(|&n| n == 1), "{:?}", per_place(&v, &plan));
}

#[test]
fn a_plan_that_breaks_the_rule_is_caught_with_c019() {
    let free = solve_checked(&load(&round(false)), &params(MatchingStrategy::Exact));
    let loaded = load(&round(true));
    let mut plan = solve_checked(&loaded, &params(MatchingStrategy::Exact));
    assert!(!codes(&loaded, &plan).contains(&"C019"));
    plan.mentorship.pairs = free.mentorship.pairs.clone();
    assert!(codes(&loaded, &plan).contains(&"C019"), "{:?}", codes(&loaded, &plan));
}

#[test]
fn pinned_pairs_keep_the_rule() {
    let mut v = round(true);
    v["mentorship"]["fixed_pairs"] = json!([{ "mentor": "m01", "mentee": "p07" }]);
    let plan = solve_checked(&load(&v), &params(MatchingStrategy::Exact));
    assert!(plan.mentorship.pairs.iter().any(|p| p.mentor == "m01" && p.mentee == "p07"));
    assert!(per_place(&v, &plan).values().all(|&n| n == 1), "{:?}", per_place(&v, &plan));

    // Two pinned mentees of one municipality with one mentor cannot hold together.
    v["mentorship"]["fixed_pairs"] = json!([{ "mentor": "m01", "mentee": "p07" }, { "mentor": "m01", "mentee": "p03" }]);
    let loaded = load(&v);
    let err = trappa::text::in_lang(trappa::text::Lang::En, || {
        solve::solve(&loaded.model, &params(MatchingStrategy::Exact)).unwrap_err().to_string()
    });
    assert!(err.contains("one mentee per municipality"), "{err}");
}

#[test]
fn a_replan_under_the_rule_ends_the_second_pair_of_a_municipality() {
    let free = solve_checked(&load(&round(false)), &params(MatchingStrategy::Exact));
    let v = round(true);
    let loaded = load(&v);
    let today = NaiveDate::from_ymd_opt(2027, 10, 1).unwrap();
    let replan_params = ReplanParams { today, weights: ChangeWeights::default(), seed: 1, stop: Default::default() };
    let again = replan(&loaded, "test.json", &free, "0", &replan_params).unwrap();
    assert_valid(&loaded, &again);
    assert!(per_place(&v, &again).values().all(|&n| n == 1), "{:?}", per_place(&v, &again));
}
