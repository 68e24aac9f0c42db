//! Timetable strategies on generated rounds: one group per strategy, one benchmark per size.
//!
//! Sizes: `small` (Halland, 60 participants), `regional` (Göteborgsregionen, 600) and `national`
//! (8,000; only with `TRAPPA_BENCH_NATIONAL=1`, it takes long). Time-limited strategies run with
//! a limit per size, so a sample measures the time to the limit or to the end of the search.

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::solve::timetable::{Context, TimetableStrategy};
use trappa::solve::Strategy;

fn round(region: GenRegion, participants: usize) -> LoadedInstance {
    let file = generate(&GenOptions { courses: true, term: true, no_groups: true, ..GenOptions::new(region, participants, 1) })
        .expect("generated");
    load_instance_text(&serde_json::to_string(&file).expect("json"), "bench").expect("valid")
}

fn sizes() -> Vec<(&'static str, LoadedInstance, f64)> {
    let mut v = vec![("small", round(GenRegion::Halland, 60), 5.0), ("regional", round(GenRegion::Gr, 600), 20.0)];
    if std::env::var_os("TRAPPA_BENCH_NATIONAL").is_some() {
        v.push(("national", round(GenRegion::National, 8000), 120.0));
    }
    v
}

fn bench(c: &mut Criterion) {
    let sizes = sizes();
    for &strategy in TimetableStrategy::all() {
        let mut group = c.benchmark_group(strategy.name());
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(1));
        for (name, loaded, limit) in &sizes {
            group.bench_function(*name, |b| {
                b.iter(|| {
                    let mut ctx = Context::new(1);
                    ctx.deadline = Some(std::time::Instant::now() + Duration::from_secs_f64(*limit));
                    strategy.solve(&loaded.model, &ctx).expect("solved")
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
