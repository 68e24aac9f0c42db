//! Tests of the MDGP solvers: parsing, optimality on MDGPLIB n=10/12, agreement
//! with brute force, determinism, constraints and infeasibility.

mod common;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::time::{Duration, Instant};
use trappa::solve::groups::mdgp::{
    brute_force, exact_milp, local_search, local_search_until, parse_mdgplib, AttributeCap, ExactStatus, GroupingError, GroupingProblem,
    MdgpParseError, SearchParams, SiteCosts,
};

fn data(name: &str) -> String {
    let sub = if name.ends_with(".csv") { "" } else { "instances/" };
    let path = format!("{}/tests/data/mdgp/{sub}{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

// ---------------------------------------------------------------- parsing

#[test]
fn parses_a_benchmark_file() {
    let p = parse_mdgplib(&data("RanInt_n012_ds_01.txt")).unwrap();
    assert_eq!(p.n, 12);
    assert_eq!(p.group_bounds, vec![(3, 4), (3, 4), (2, 5), (3, 4)]);
    assert!(p.caps.is_empty() && p.site_costs.is_none() && p.allowed_groups.is_none());
    p.validate().unwrap();
    for i in 0..12 {
        for j in 0..12 {
            assert_eq!(p.weights[i * 12 + j], p.weights[j * 12 + i]);
        }
    }
}

#[test]
fn parses_a_tiny_text_with_blank_lines_and_any_pair_order() {
    let p = parse_mdgplib("3 1 ss 3 3\n\n1 0 2.5\n0 2 1\n 2 1 -4 \n").unwrap();
    assert_eq!(p.weights, vec![0.0, 2.5, 1.0, 2.5, 0.0, -4.0, 1.0, -4.0, 0.0]);
    assert_eq!(p.evaluate(&[0, 0, 0]).total, -0.5);
}

fn parse_err(text: &str) -> MdgpParseError {
    parse_mdgplib(text).expect_err("should fail")
}

#[test]
fn parse_errors_name_the_line_and_the_problem() {
    use MdgpParseError::*;
    let e = parse_err("");
    assert!(matches!(e, BadHeader { line: 1, .. }), "{e}");
    let e = parse_err("3 x ss 1 3");
    assert!(matches!(e, BadHeader { line: 1, .. }), "{e}");
    assert!(e.to_string().contains("`x`"), "{e}");
    let e = parse_err("3 1 xs 1 3\n0 1 1\n0 2 1\n1 2 1");
    assert!(e.to_string().contains("ss` or `ds"), "{e}");
    // Bound count mismatch.
    let e = parse_err("3 2 ds 1 3 1\n0 1 1\n0 2 1\n1 2 1");
    assert!(matches!(e, BadHeader { line: 1, .. }), "{e}");
    assert!(e.to_string().contains("needs 4 bound values"), "{e}");
    let e = parse_err("3 1 ds 3 2\n0 1 1\n0 2 1\n1 2 1");
    assert!(e.to_string().contains("L = 3 > U = 2"), "{e}");
    // Sum of L > n, sum of U < n.
    let e = parse_err("3 2 ds 2 3 2 3\n0 1 1\n0 2 1\n1 2 1");
    assert!(matches!(e, InfeasibleBounds { line: 1, .. }), "{e}");
    assert!(e.to_string().contains("sum of L is 4 > n = 3"), "{e}");
    let e = parse_err("4 2 ss 1 1 1 1\n0 1 1\n0 2 1\n0 3 1\n1 2 1\n1 3 1\n2 3 1");
    assert!(e.to_string().contains("sum of U is 2 < n = 4"), "{e}");
    // Pair lines.
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 2\n1 2 1");
    assert!(matches!(e, BadPairLine { line: 3, .. }), "{e}");
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 2 abc\n1 2 1");
    assert!(matches!(e, BadPairLine { line: 3, .. }), "{e}");
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 2 NaN\n1 2 1");
    assert!(matches!(e, BadPairLine { line: 3, .. }), "{e}");
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 -2 1\n1 2 1");
    assert!(matches!(e, BadPairLine { line: 3, .. }), "{e}");
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 3 1\n1 2 1");
    assert_eq!(e, IndexOutOfRange { line: 3, index: 3, n: 3 });
    assert_eq!(e.line(), 3);
    let e = parse_err("3 1 ss 3 3\n0 1 1\n2 2 1\n1 2 1");
    assert_eq!(e, SelfPair { line: 3, i: 2 });
    let e = parse_err("3 1 ss 3 3\n0 1 1\n1 0 1\n1 2 1");
    assert_eq!(e, DuplicatePair { line: 3, i: 1, j: 0, first_line: 2 });
    // Too many lines ends in a duplicate.
    let e = parse_err("3 1 ss 3 3\n0 1 1\n0 2 1\n1 2 1\n2 1 1");
    assert!(matches!(e, DuplicatePair { line: 5, .. }), "{e}");
    let e = parse_err("3 1 ss 3 3\n0 1 1\n1 2 1\n");
    assert!(matches!(e, MissingPairs { expected: 3, found: 2, i: 0, j: 2, .. }), "{e}");
    // A huge n with few lines fails fast without allocating n*n.
    let e = parse_err("4000000000 1 ss 4000000000 4000000000\n0 1 1\n");
    assert!(matches!(e, MissingPairs { .. }), "{e}");
}

// ------------------------------------------------ optimality on MDGPLIB n=10/12

#[test]
fn local_search_reaches_every_small_proven_optimum() {
    let params = SearchParams {
        seed: 7,
        time_limit: Duration::from_secs(60),
        starts: 1,
        max_iterations: Some(2_000),
        max_iterations_without_improvement: None,
    };
    let t = Instant::now();
    for (name, opt) in common::mdgp_small_optima() {
        let p = parse_mdgplib(&data(&format!("{name}.txt"))).unwrap();
        let s = local_search(&p, &params).unwrap();
        assert!(p.violations(&s.assignment).is_empty(), "{name}");
        assert!(close(s.objective.total, opt), "{name}: local search {} vs optimum {opt}", s.objective.total);
        assert!(!s.stopped_by_time);
    }
    eprintln!("local search, 120 instances: {:.2?}", t.elapsed());
}

#[test]
fn a_stalled_run_starts_again_and_keeps_the_best_until_the_limit() {
    // Under a time limit with a stall window, a start whose run stops improving starts again
    // from a new construction instead of ending early; the start's best is kept.
    let (name, opt) = common::mdgp_small_optima().into_iter().next().unwrap();
    let p = parse_mdgplib(&data(&format!("{name}.txt"))).unwrap();
    let params = SearchParams {
        seed: 3,
        time_limit: Duration::from_millis(1_000),
        starts: 1,
        max_iterations: Some(u64::MAX),
        max_iterations_without_improvement: None,
    };
    let stop = std::sync::atomic::AtomicBool::new(false);
    let t = Instant::now();
    let s = local_search_until(&p, &params, &stop, Some(Duration::from_millis(20))).unwrap();
    assert!(s.restarts >= 1, "no restart in {:.2?}", t.elapsed());
    assert!(!s.stalled, "a new construction was always found");
    assert!(s.stopped_by_time, "the search ran to its limit");
    assert!(t.elapsed() >= Duration::from_millis(900), "ended early: {:.2?}", t.elapsed());
    assert!(p.violations(&s.assignment).is_empty());
    assert!(close(s.objective.total, opt), "{name}: {} vs optimum {opt}", s.objective.total);
    assert!(close(s.objective.total, p.evaluate(&s.assignment).total));
}

#[test]
fn exact_milp_proves_every_small_optimum() {
    let t = Instant::now();
    for (name, opt) in common::mdgp_small_optima() {
        let p = parse_mdgplib(&data(&format!("{name}.txt"))).unwrap();
        let s = exact_milp(&p, Duration::from_secs(60)).unwrap();
        assert_eq!(s.status, ExactStatus::Optimal, "{name}");
        assert!(p.violations(&s.assignment).is_empty(), "{name}");
        assert!(close(s.objective.total, opt), "{name}: MILP {} vs optimum {opt}", s.objective.total);
        assert!(close(s.bound.unwrap(), opt), "{name}");
    }
    eprintln!("exact MILP, 120 instances: {:.2?}", t.elapsed());
}

#[test]
fn brute_force_matches_some_proven_optima() {
    for name in ["Geo_n010_ds_04", "RanReal_n010_ss_03", "RanInt_n012_ss_02"] {
        let opt = common::mdgp_small_optima().into_iter().find(|(n, _)| n == name).unwrap().1;
        let p = parse_mdgplib(&data(&format!("{name}.txt"))).unwrap();
        let s = brute_force(&p).unwrap();
        assert!(close(s.objective.total, opt), "{name}");
    }
}

// ------------------------------------------------ random instances with all features

/// A random instance with optional caps, site costs and allowed groups.
/// The local search of the random cases: two starts, 3,000 iterations each.
fn random_case_search(seed: u64) -> SearchParams {
    SearchParams {
        seed,
        time_limit: Duration::from_secs(30),
        starts: 2,
        max_iterations: Some(3_000),
        max_iterations_without_improvement: None,
    }
}

fn random_problem(rng: &mut ChaCha8Rng, n: usize, m: usize, features: u8) -> GroupingProblem {
    let mut w = vec![0.0; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let v = (rng.gen_range(-3.0..10.0_f64) * 4.0).round() / 4.0;
            w[i * n + j] = v;
            w[j * n + i] = v;
        }
    }
    // Bounds around n/m, always feasible in total.
    let base = n / m;
    let bounds: Vec<(usize, usize)> = (0..m)
        .map(|_| {
            let lo = base.saturating_sub(rng.gen_range(0..2)).max(1);
            (lo, base + rng.gen_range(1..3))
        })
        .collect();
    let mut p = GroupingProblem::new(n, w, bounds);
    if features & 1 != 0 {
        p.caps.push(AttributeCap { label: (0..n).map(|_| rng.gen_range(0..(n as u32 / 2).max(2))).collect(), max_per_group: 2 });
    }
    if features & 2 != 0 {
        let ns = 3;
        p.site_costs =
            Some(SiteCosts { n_sites: ns, cost: (0..n * ns).map(|_| (rng.gen_range(0.0..4.0_f64) * 4.0).round() / 4.0).collect() });
    }
    if features & 4 != 0 {
        // Two "leaders" may only lead (be in) groups 0 and 1.
        let mut allowed = vec![vec![true; m]; n];
        for row in allowed.iter_mut().take(2) {
            for (g, a) in row.iter_mut().enumerate() {
                *a = g < 2;
            }
        }
        p.allowed_groups = Some(allowed);
    }
    p
}

#[test]
fn exact_milp_and_local_search_agree_with_brute_force() {
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let mut checked = 0;
    for case in 0..80 {
        let n = rng.gen_range(5..=9);
        let m = rng.gen_range(2..=3);
        let features = (case % 8) as u8;
        let p = random_problem(&mut rng, n, m, features);
        let Some(bf) = brute_force(&p) else {
            // Infeasible: every solver must say so.
            assert!(matches!(local_search(&p, &SearchParams::default()), Err(GroupingError::Infeasible(_))));
            continue;
        };
        let ex = exact_milp(&p, Duration::from_secs(30)).unwrap();
        assert_eq!(ex.status, ExactStatus::Optimal);
        assert!(p.violations(&ex.assignment).is_empty(), "case {case}");
        assert!(
            close(ex.objective.total, bf.objective.total),
            "case {case} (features {features}): MILP {} vs brute force {}",
            ex.objective.total,
            bf.objective.total
        );
        let ls = local_search(&p, &random_case_search(case)).unwrap();
        assert!(p.violations(&ls.assignment).is_empty(), "case {case}");
        assert!(
            close(ls.objective.total, bf.objective.total),
            "case {case} (features {features}): local search {} vs brute force {}",
            ls.objective.total,
            bf.objective.total
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} feasible cases");
}

#[test]
fn constraints_hold_on_larger_random_instances() {
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    for case in 0..12u64 {
        let n = rng.gen_range(40..160);
        let m = rng.gen_range(4..12);
        let p = random_problem(&mut rng, n, m, (case % 8) as u8);
        let s = local_search(&p, &random_case_search(case)).unwrap();
        assert_eq!(p.violations(&s.assignment), Vec::<String>::new(), "case {case}");
        let e = p.evaluate(&s.assignment);
        assert_eq!(e, s.objective);
        assert!((e.total - (e.pair_benefit - e.travel_cost)).abs() < 1e-9);
    }
}

// ------------------------------------------------ determinism

#[test]
fn same_seed_same_plan_regardless_of_threads() {
    let p = parse_mdgplib(&data("RanReal_n120_ds_01.txt")).unwrap();
    let params = SearchParams {
        seed: 42,
        time_limit: Duration::from_secs(120),
        starts: 3,
        max_iterations: Some(5_000),
        max_iterations_without_improvement: None,
    };
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(|| local_search(&p, &params).unwrap())
    };
    let a = run(1);
    let b = run(2);
    let c = run(3);
    assert!(!a.stopped_by_time);
    assert_eq!(a.assignment, b.assignment);
    assert_eq!(a.assignment, c.assignment);
    assert_eq!(a.objective, b.objective);
    assert_eq!(a.iterations, 3 * 5_000);
    // A different seed explores differently.
    let d = local_search(&p, &SearchParams { seed: 43, ..params }).unwrap();
    assert_ne!(a.assignment, d.assignment);
}

#[test]
fn same_seed_same_plan_with_all_features() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let p = random_problem(&mut rng, 90, 9, 7);
    let params = SearchParams {
        seed: 1,
        time_limit: Duration::from_secs(120),
        starts: 2,
        max_iterations: Some(4_000),
        max_iterations_without_improvement: Some(300),
    };
    let a = local_search(&p, &params).unwrap();
    let b = local_search(&p, &params).unwrap();
    assert_eq!(a, b);
}

// ------------------------------------------------ infeasible and invalid input

#[test]
fn infeasible_problems_are_reported_not_looped() {
    let n = 6;
    let w = vec![1.0; n * n];
    let quick = SearchParams { time_limit: Duration::from_secs(5), ..SearchParams::default() };
    let check = |p: GroupingProblem, needle: &str| {
        let t = Instant::now();
        match local_search(&p, &quick) {
            Err(GroupingError::Infeasible(msg)) => assert!(msg.contains(needle), "{msg}"),
            other => panic!("expected infeasible, got {other:?}"),
        }
        assert!(matches!(exact_milp(&p, Duration::from_secs(5)), Err(GroupingError::Infeasible(_))));
        assert!(brute_force(&p).is_none());
        assert!(t.elapsed() < Duration::from_secs(5));
    };
    check(GroupingProblem::new(n, w.clone(), vec![(4, 4), (3, 3)]), "minimums");
    check(GroupingProblem::new(n, w.clone(), vec![(1, 2), (1, 2)]), "maximums");
    // Four elements share a label but two groups × 1 per group hold only 2.
    let mut p = GroupingProblem::new(n, w.clone(), vec![(3, 3), (3, 3)]);
    p.caps.push(AttributeCap { label: vec![0, 0, 0, 0, 1, 2], max_per_group: 1 });
    check(p, "cap 0");
    // Nobody is allowed in group 1, which needs 3 members.
    let mut p = GroupingProblem::new(n, w.clone(), vec![(3, 3), (3, 3)]);
    p.allowed_groups = Some(vec![vec![true, false]; n]);
    check(p, "group 1");
    // Passes the quick counting checks but is infeasible: elements 0 and 1 share
    // a label (cap 1) and may both only go to group 0.
    let mut p = GroupingProblem::new(n, w, vec![(3, 3), (3, 3)]);
    p.caps.push(AttributeCap { label: vec![0, 0, 1, 2, 3, 4], max_per_group: 1 });
    let mut allowed = vec![vec![true, true]; n];
    for row in allowed.iter_mut().take(2) {
        row[1] = false;
    }
    p.allowed_groups = Some(allowed);
    check(p, "");
}

#[test]
fn invalid_problems_are_rejected() {
    let bad = |p: GroupingProblem| {
        assert!(matches!(local_search(&p, &SearchParams::default()), Err(GroupingError::InvalidProblem(_))));
    };
    bad(GroupingProblem::new(3, vec![0.0; 8], vec![(3, 3)]));
    bad(GroupingProblem::new(2, vec![0.0, 1.0, 2.0, 0.0], vec![(2, 2)]));
    bad(GroupingProblem::new(2, vec![0.0, f64::NAN, f64::NAN, 0.0], vec![(2, 2)]));
    bad(GroupingProblem::new(2, vec![0.0; 4], vec![]));
    bad(GroupingProblem::new(2, vec![0.0; 4], vec![(2, 1)]));
    let mut p = GroupingProblem::new(2, vec![0.0; 4], vec![(2, 2)]);
    p.site_costs = Some(SiteCosts { n_sites: 2, cost: vec![0.0; 3] });
    bad(p);
}

#[test]
fn trivial_sizes_work() {
    // One group holding everybody: the only plan.
    let p = GroupingProblem::new(3, vec![0.0, 1.0, 2.0, 1.0, 0.0, 3.0, 2.0, 3.0, 0.0], vec![(0, 5)]);
    let s = local_search(&p, &SearchParams::default()).unwrap();
    assert_eq!(s.assignment, vec![0, 0, 0]);
    assert_eq!(s.objective.total, 6.0);
    // No elements at all.
    let p = GroupingProblem::new(0, vec![], vec![(0, 3), (0, 3)]);
    let s = local_search(&p, &SearchParams::default()).unwrap();
    assert!(s.assignment.is_empty());
    assert_eq!(exact_milp(&p, Duration::from_secs(1)).unwrap().objective.total, 0.0);
}

#[test]
fn travel_term_picks_the_cheapest_site_per_group() {
    // Two pairs who like each other equally; each pair lives next to one site.
    let n = 4;
    let w = vec![0.0; n * n];
    let mut p = GroupingProblem::new(n, w, vec![(2, 2), (2, 2)]);
    p.site_costs = Some(SiteCosts { n_sites: 2, cost: vec![1.0, 9.0, 9.0, 1.0, 1.0, 9.0, 9.0, 1.0] });
    let s = exact_milp(&p, Duration::from_secs(5)).unwrap();
    assert_eq!(s.objective.travel_cost, 4.0);
    assert_eq!(s.assignment[0], s.assignment[2]);
    let ls = local_search(&p, &SearchParams::default()).unwrap();
    assert_eq!(ls.objective.travel_cost, 4.0);
    let sites = p.meeting_sites(&ls.assignment).unwrap();
    assert_eq!(sites[ls.assignment[0]], 0);
    assert_eq!(sites[ls.assignment[1]], 1);
}

#[test]
fn exact_milp_refuses_large_instances() {
    let p = parse_mdgplib(&data("RanInt_n120_ss_01.txt")).unwrap();
    assert!(matches!(exact_milp(&p, Duration::from_secs(1)), Err(GroupingError::TooLarge(_))));
}

#[test]
fn sampled_neighbourhood_for_large_n_is_deterministic_and_feasible() {
    // n > 700 switches to the sampled neighbourhood plus descent.
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut p = random_problem(&mut rng, 760, 95, 3);
    p.group_bounds = vec![(6, 10); 95];
    let params = SearchParams {
        seed: 3,
        time_limit: Duration::from_secs(120),
        starts: 2,
        max_iterations: Some(300),
        max_iterations_without_improvement: Some(100),
    };
    let a = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| local_search(&p, &params).unwrap());
    let b = local_search(&p, &params).unwrap();
    assert!(!a.stopped_by_time);
    assert_eq!(a.assignment, b.assignment);
    assert!(p.violations(&a.assignment).is_empty());
}

#[test]
fn tight_caps_are_met_by_construction_and_repair() {
    // 100 elements, 10 labels × 10, groups of exactly 10 with at most one per
    // label: every group must hold exactly one element of each label. A second
    // cap (two labels per "region" of five municipalities) makes it tighter.
    let n = 100;
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let mut w = vec![0.0; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let v = rng.gen_range(0.0..1.0);
            w[i * n + j] = v;
            w[j * n + i] = v;
        }
    }
    let mut p = GroupingProblem::new(n, w, vec![(10, 10); 10]);
    p.caps.push(AttributeCap { label: (0..n as u32).map(|i| i % 10).collect(), max_per_group: 1 });
    p.caps.push(AttributeCap { label: (0..n as u32).map(|i| (i % 10) / 5).collect(), max_per_group: 5 });
    for seed in 0..4 {
        let s = local_search(
            &p,
            &SearchParams {
                seed,
                time_limit: Duration::from_secs(60),
                starts: 2,
                max_iterations: Some(2_000),
                max_iterations_without_improvement: None,
            },
        )
        .unwrap();
        assert_eq!(p.violations(&s.assignment), Vec::<String>::new());
    }
}
