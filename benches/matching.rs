//! Mentor matching at 500, 2,000 and 5,000 mentees (national rounds from the generator,
//! mentors of capacity 2 with a third more places than mentees): building the problem
//! (eligibility and costs of every pair) and the exact assignment.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::time::Duration;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::solve::mentor_matching::{build_problem, solve_exact};

fn matching(c: &mut Criterion) {
    let mut group = c.benchmark_group("mentor_matching");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    for mentees in [500usize, 2_000, 5_000] {
        let file = generate(&GenOptions {
            mentees: Some(mentees),
            mentors: Some(mentees * 2 / 3),
            mentor_capacity: Some(2),
            no_groups: true,
            ..GenOptions::new(GenRegion::National, mentees * 2, 1)
        })
        .expect("generator options are valid");
        let inst = trappa::load::build(&file);
        group.bench_with_input(BenchmarkId::new("build_and_solve_exact", mentees), &inst, |b, inst| {
            b.iter(|| {
                let problem = build_problem(inst);
                solve_exact(&problem).expect("solves")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
