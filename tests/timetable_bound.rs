//! The aggregated timetable bound (per-course models with and without time, dominated venues
//! dropped, exact penalties per demand, whole sessions per trainer) never exceeds an optimum the
//! full MILP proves, on the bundled small round and on small generated rounds with employment
//! starts and deadlines inside the term.

mod common;

use std::time::{Duration, Instant};
use trappa::format::plan::Optimality;
use trappa::generate::generate;
use trappa::load::{load_instance_text, read_instance, LoadedInstance};
use trappa::solve::timetable::{bound, Context};
use trappa::solve::{self, SolveParams, TimetableStrategy};
use trappa::write::plan::plan_file;

fn master_bound(loaded: &LoadedInstance) -> f64 {
    let mut ctx = Context::new(1);
    ctx.deadline = Some(Instant::now() + Duration::from_secs(10));
    bound::master(&loaded.model, &ctx, 1.0).expect("the aggregated model is built").bound
}

/// The proven optimum of the full MILP, or None when it is not proven. No time limit: the full
/// model then runs to its proof, so the verdict does not depend on the machine's speed.
fn proven_optimum(loaded: &LoadedInstance) -> Option<f64> {
    let params = SolveParams { seed: 1, time_limit: None, timetable_strategy: TimetableStrategy::Milp, ..Default::default() };
    let plan = plan_file(loaded, "test.json", &solve::solve(&loaded.model, &params).unwrap());
    common::assert_valid(loaded, &plan);
    let t = plan.timetable.as_ref().unwrap();
    (t.status.optimality == Optimality::Optimal).then_some(t.objective.total)
}

/// A small generated round the full model proves: a short term, three courses, few trainers.
fn small_round(seed: u64) -> LoadedInstance {
    load_instance_text(&serde_json::to_string(&small_file(seed)).unwrap(), "small").unwrap()
}

/// The file of [`small_round`].
fn small_file(seed: u64) -> trappa::format::InstanceFile {
    let mut file = generate(&common::course_term(16, seed)).unwrap();
    file.round.end = chrono::NaiveDate::from_ymd_opt(2027, 1, 29).unwrap();
    // New hires starting later in the term start inside the short round instead (their
    // windows stay narrower than the round's).
    let late = chrono::NaiveDate::from_ymd_opt(2027, 1, 18).unwrap();
    for p in &mut file.participants {
        p.employment_start = p.employment_start.min(late);
        p.profession_start = p.profession_start.min(p.employment_start);
    }
    common::keep_three_courses(&mut file);
    file
}

#[test]
fn aggregated_bound_stays_below_the_bundled_small_optimum() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/liten-kursomgang.json");
    let loaded = read_instance(&path).unwrap();
    let b = master_bound(&loaded);
    assert!(b <= 52_681.0 + 1e-6, "bound {b} above the proven optimum 52,681");
    // Not trivially weak either: above the bound from penalties of unservable demand alone.
    assert!(b > 0.0);
}

#[test]
fn aggregated_bound_stays_below_proven_optima_of_generated_rounds() {
    let mut proven = 0;
    for seed in 1..=4 {
        let loaded = small_round(seed);
        if !trappa::solve::timetable::milp::full_model_fits(&loaded.model) {
            continue;
        }
        let Some(opt) = proven_optimum(&loaded) else { continue };
        proven += 1;
        let b = master_bound(&loaded);
        assert!(b <= opt + 1e-6 * opt.abs().max(1.0), "seed {seed}: bound {b} above the proven optimum {opt}");
        let comb = bound::combinatorial(&loaded.model);
        assert!(comb <= opt + 1e-6 * opt.abs().max(1.0), "seed {seed}: combinatorial bound {comb} above the optimum {opt}");
    }
    assert!(proven >= 2, "only {proven} small rounds were proven optimal");
}

/// The small round with the per-participant limits tightened (`courses`: courses per round;
/// `areas`: areas per term), so that participants wanting two courses can take one.
fn small_round_limited(seed: u64, courses: Option<u32>, areas: Option<u32>) -> LoadedInstance {
    let mut file = small_file(seed);
    file.workload.max_courses_per_round = courses;
    file.workload.max_areas_per_term = areas;
    load_instance_text(&serde_json::to_string(&file).unwrap(), "limited").unwrap()
}

#[test]
fn bound_with_person_limits_stays_below_proven_optima() {
    // One course per round, or one area per term (the round is one term): the bound relaxes
    // these limits with multipliers and must stay a valid lower bound.
    let mut proven = 0;
    for seed in 1..=4 {
        let (courses, areas) = if seed % 2 == 1 { (Some(1), None) } else { (None, Some(1)) };
        let loaded = small_round_limited(seed, courses, areas);
        if !trappa::solve::timetable::milp::full_model_fits(&loaded.model) {
            continue;
        }
        let Some(opt) = proven_optimum(&loaded) else { continue };
        proven += 1;
        let b = master_bound(&loaded);
        assert!(b <= opt + 1e-6 * opt.abs().max(1.0), "seed {seed} {courses:?}/{areas:?}: bound {b} above the proven optimum {opt}");
    }
    assert!(proven >= 2, "only {proven} limited rounds were proven optimal");
}

#[test]
fn bound_sees_the_limit_of_one_course_per_round() {
    // Participants who want two courses but may take one: the bound of the limited round is
    // above that of the same round without the limit (the per-course models alone cannot see
    // the limit), and it stays below the limited round's proven optimum.
    let text = |limit: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/liten-kursomgang.json");
        let mut file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        file["workload"]["max_courses_per_round"] = serde_json::from_str(limit).unwrap();
        serde_json::to_string(&file).unwrap()
    };
    let free = load_instance_text(&text("null"), "free").unwrap();
    let limited = load_instance_text(&text("1"), "limited").unwrap();
    let (b_free, b_limited) = (master_bound(&free), master_bound(&limited));
    assert!(b_limited > b_free + 1.0, "the limit of one course per round left the bound at {b_limited} (without it {b_free})");
    if let Some(opt) = proven_optimum(&limited) {
        assert!(b_limited <= opt + 1e-6 * opt.abs().max(1.0), "bound {b_limited} above the proven optimum {opt}");
    }
}

#[test]
fn the_gap_split_by_course_adds_up_and_no_course_falls_below_its_bound() {
    // `course_costs` splits a plan's objective by course (the penalties of demand no plan can
    // serve aside), and each course's part of any valid plan is at least its part of the
    // per-course bound (`Master::by_course`): the split the timetable_bound example prints.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/liten-kursomgang.json");
    let rounds = [read_instance(&path).unwrap(), small_round(1), small_round(2)];
    for loaded in &rounds {
        let inst = &loaded.model;
        let params = SolveParams { seed: 1, time_limit: None, timetable_strategy: TimetableStrategy::Greedy, ..Default::default() };
        let solved = solve::solve(inst, &params).unwrap();
        common::assert_valid(loaded, &plan_file(loaded, "test.json", &solved));
        let tt = &solved.timetable.as_ref().expect("a timetable").outcome.timetable;
        let ok = bound::servable(inst);
        let parts = trappa::solve::timetable::course_costs(inst, tt, &ok);
        let unservable: f64 = inst.timetable.demands.iter().enumerate().filter(|(d, _)| !ok[*d]).map(|(_, d)| d.penalty).sum();
        let total = trappa::solve::timetable::evaluate(inst, tt).total;
        let sum: f64 = parts.iter().map(|p| p.total()).sum::<f64>() + unservable;
        assert!((sum - total).abs() <= 1e-6 * total.max(1.0), "parts {sum} vs objective {total}");
        let mut ctx = Context::new(1);
        ctx.deadline = Some(Instant::now() + Duration::from_secs(10));
        let master = bound::master(inst, &ctx, 1.0).expect("the aggregated model is built");
        assert_eq!(master.by_course.len(), parts.len());
        assert!(master.by_course.iter().any(Option::is_some), "no course has a part of the bound");
        for (c, (part, b)) in parts.iter().zip(&master.by_course).enumerate() {
            if let Some(b) = b {
                assert!(part.total() >= b - 1e-6 * b.abs().max(1.0), "course {c}: plan part {} below its bound {b}", part.total());
            }
        }
    }
}
