//! Group formation: the local search on MDGPLIB instances (n = 120 and 240) with a fixed
//! iteration budget, and a whole national supervision round (about 2,000 new hires from the
//! generator: grouping, leaders and meeting dates).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::solve::groups::mdgp::{local_search, parse_mdgplib, SearchParams};
use trappa::solve::groups::{solve_groups, GroupParams, GroupStrategy};

fn mdgp(c: &mut Criterion) {
    let mut group = c.benchmark_group("mdgp_local_search");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    for name in ["RanReal_n120_ss_01", "RanReal_n240_ss_01"] {
        let path = format!("{}/tests/data/mdgp/instances/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        let problem = parse_mdgplib(&std::fs::read_to_string(path).expect("benchmark file")).expect("parses");
        let params = SearchParams {
            seed: 1,
            starts: 2,
            max_iterations: Some(20_000),
            time_limit: Duration::from_secs(600),
            ..SearchParams::default()
        };
        group.bench_with_input(BenchmarkId::new("20k_iterations_2_starts", name), &problem, |b, p| {
            b.iter(|| local_search(p, &params).expect("solves"))
        });
    }
    group.finish();
}

fn national_supervision(c: &mut Criterion) {
    let mut group = c.benchmark_group("group_round");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(60));
    let file = generate(&GenOptions::new(GenRegion::National, 5_600, 1)).expect("generator options are valid");
    let inst = trappa::load::build(&file);
    let params = GroupParams::new(GroupStrategy::LocalSearch, 1);
    group.bench_function("national_supervision_2000", |b| {
        b.iter(|| {
            let mut busy: BTreeMap<String, BTreeSet<chrono::NaiveDate>> = BTreeMap::new();
            solve_groups(&inst, &params, &mut busy, &[]).expect("solves")
        })
    });
    group.finish();
}

criterion_group!(benches, mdgp, national_supervision);
criterion_main!(benches);
