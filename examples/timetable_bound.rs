//! The timetable bounds of an instance on their own: the per-course combinatorial bound and the
//! aggregated MILP bound with a given time, and how long each took. With `--solve S`, also
//! `auto`'s plan with a time limit of S seconds, and where the gap lies course by course: each
//! course's part of the plan's objective beside its part of the per-course bound.
//!
//! ```text
//! cargo run --release --example timetable_bound -- INSTANCE.json [SECONDS] [--solve S]
//! ```

use std::time::{Duration, Instant};
use trappa::solve::timetable::{bound, course_costs, Context, TimetableStrategy};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || -> ! {
        eprintln!("usage: timetable_bound INSTANCE.json [SECONDS] [--solve SECONDS]");
        std::process::exit(2);
    };
    let Some(path) = args.first() else { usage() };
    let seconds: f64 = args.get(1).filter(|a| !a.starts_with("--")).and_then(|s| s.parse().ok()).unwrap_or(20.0);
    let solve: Option<f64> =
        args.iter().position(|a| a == "--solve").map(|i| args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or_else(|| usage()));
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
    ctx.deadline = Some(Instant::now() + Duration::from_secs_f64(seconds));
    let master = bound::master(inst, &ctx, 1.0);
    match &master {
        Some(m) => println!("aggregated bound {:.0} (optimal {}, {:.2} s)", m.bound, m.optimal, t.elapsed().as_secs_f64()),
        None => println!("aggregated model too large ({:.2} s)", t.elapsed().as_secs_f64()),
    }
    let Some(limit) = solve else { return };
    let mut ctx = Context::new(1);
    ctx.deadline = Some(Instant::now() + Duration::from_secs_f64(limit));
    let out = match TimetableStrategy::Auto.solve(inst, &ctx) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let total = trappa::solve::timetable::evaluate(inst, &out.timetable).total;
    println!("auto, {limit} s: objective {total:.0}, bound {:.0}", out.bound.unwrap_or(f64::NAN));
    let parts = course_costs(inst, &out.timetable, &bound::servable(inst));
    let by_course = master.map(|m| m.by_course).unwrap_or_default();
    println!("course | sessions | plan (sessions, travel, mixing, unserved) | per-course bound | plan − bound");
    for (c, part) in parts.iter().enumerate() {
        let course = &inst.timetable.courses[c];
        let n = out.timetable.sessions.iter().filter(|s| s.course.index() == c).count();
        let b = by_course.get(c).copied().flatten();
        println!(
            "{} | {n} | {:.0} ({:.0}, {:.0}, {:.0}, {:.0}) | {} | {}",
            course.id,
            part.total(),
            part.sessions,
            part.travel,
            part.mixing,
            part.unserved,
            b.map_or("-".into(), |b| format!("{b:.0}")),
            b.map_or("-".into(), |b| format!("{:.0}", (part.total() - b).max(0.0))),
        );
    }
}
