//! The timetable bounds of an instance on their own: the per-course combinatorial bound and the
//! aggregated MILP bound with a given time, and how long each took.
//!
//! ```text
//! cargo run --release --example timetable_bound -- INSTANCE.json [SECONDS]
//! ```

use std::time::Instant;
use trappa::solve::timetable::{bound, Context};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: timetable_bound INSTANCE.json [SECONDS]");
        std::process::exit(2);
    };
    let seconds: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20.0);
    let loaded = match trappa::load::read_instance(std::path::Path::new(path)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let inst = &loaded.model;
    let t = Instant::now();
    let comb = bound::combinatorial(inst);
    println!("combinatorial bound {comb:.0} ({:.2} s)", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut ctx = Context::new(1);
    ctx.deadline = Some(Instant::now() + std::time::Duration::from_secs_f64(seconds));
    match bound::master(inst, &ctx, 1.0) {
        Some(m) => println!("aggregated bound {:.0} (optimal {}, {:.2} s)", m.bound, m.optimal, t.elapsed().as_secs_f64()),
        None => println!("aggregated model too large ({:.2} s)", t.elapsed().as_secs_f64()),
    }
}
