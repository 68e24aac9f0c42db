//! The compact exact timetable model: on small rounds `auto` proves the same optimum as the
//! full model (every session with its trainer team), the plan passes the checker, and the
//! proof does not depend on the machine's speed (no time limit: no clock inside the solver).

mod common;

use common::{assert_valid, keep_three_courses, load, read_json, solve_checked};
use trappa::format::plan::Optimality;
use trappa::generate::generate;
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::solve::timetable::{self, milp_compact::Compact, Context};
use trappa::solve::{SolveParams, TimetableStrategy};

/// A generated three-course round of a few weeks, small enough for the full model.
fn small_round(participants: usize, seed: u64) -> LoadedInstance {
    let mut file = generate(&common::course_term(participants, seed)).unwrap();
    file.round.end = chrono::NaiveDate::from_ymd_opt(2027, 1, 29).unwrap();
    keep_three_courses(&mut file);
    // Only the people employed by the round's end (a few weeks).
    let end = file.round.end;
    file.participants.retain(|p| p.employment_start <= end);
    let kept: Vec<String> = file.participants.iter().map(|p| p.id.clone()).collect();
    file.demand.retain(|d| kept.contains(&d.participant));
    file.course_history.retain(|d| kept.contains(&d.participant));
    load_instance_text(&serde_json::to_string(&file).unwrap(), "small").unwrap()
}

/// `auto` proves the optimum with the compact model; the full model proves the same optimum.
fn compact_equals_full(loaded: &LoadedInstance) {
    let compact = Compact::of(&loaded.model).expect("the compact model fits a small round");
    assert!(compact.sessions() > 0, "the round has sessions to choose from");
    assert!(timetable::milp::full_model_fits(&loaded.model), "the full model fits a small round");
    let full = timetable::milp::solve_full(&loaded.model, &Context::new(1)).unwrap();
    assert!(full.proven_optimal, "the full model proves its optimum: {}", full.detail);
    let full_total = timetable::evaluate(&loaded.model, &full.timetable).total;
    for strategy in [TimetableStrategy::Auto, TimetableStrategy::Milp] {
        let params = SolveParams { seed: 1, timetable_strategy: strategy, ..Default::default() };
        let plan = solve_checked(loaded, &params);
        let t = plan.timetable.as_ref().unwrap();
        assert_eq!(t.status.optimality, Optimality::Optimal, "{strategy}: {}", t.status.method);
        let tol = 1e-6 * full_total.abs().max(1.0);
        assert!((t.objective.total - full_total).abs() <= tol, "{strategy}: compact {} vs full {full_total}", t.objective.total);
        let bound = t.status.bound.expect("an exact model reports its bound");
        assert!((bound - full_total).abs() <= tol, "{strategy}: bound {bound} vs optimum {full_total}");
    }
}

#[test]
fn compact_model_proves_the_small_course_rounds_optimum() {
    let loaded = load(&read_json("instances/liten-kursomgang.json"));
    compact_equals_full(&loaded);
}

#[test]
fn compact_model_agrees_with_the_full_model_on_generated_small_rounds() {
    for (participants, seed) in [(14, 5), (16, 11), (18, 23)] {
        compact_equals_full(&small_round(participants, seed));
    }
}

#[test]
fn compact_model_is_deterministic_and_checked() {
    let loaded = small_round(16, 11);
    let params = SolveParams { seed: 3, timetable_strategy: TimetableStrategy::Auto, ..Default::default() };
    let a = solve_checked(&loaded, &params);
    let b = solve_checked(&loaded, &params);
    assert_valid(&loaded, &a);
    assert_eq!(a.timetable.as_ref().unwrap().sessions, b.timetable.as_ref().unwrap().sessions);
}

#[test]
fn pinned_rounds_use_the_full_model() {
    let mut v = read_json("instances/liten-kursomgang.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &SolveParams { seed: 1, ..Default::default() });
    let first = plan.timetable.as_ref().unwrap().sessions[0].clone();
    v["fixed_sessions"] = serde_json::json!([{"course": first.course, "dates": first.dates, "venue": first.venue}]);
    let pinned = load(&v);
    assert!(Compact::of(&pinned.model).is_none(), "a round with pinned sessions has no compact model");
    let plan = solve_checked(&pinned, &SolveParams { seed: 1, ..Default::default() });
    assert!(!plan.timetable.as_ref().unwrap().sessions.is_empty());
}
