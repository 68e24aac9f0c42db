//! Benchmark of `local_search` on the MDGPLIB n=120 / n=240 instances.
//!
//! ```text
//! cargo run --release --example mdgp_gap -- [--filter n120] [--seeds 1-5]
//!     [--t120 10] [--t240 30] [--starts 0] [--dump DIR]
//! ```
//! Prints, per instance and seed, the value, the best-known value (TPSDP) and
//! the gap in %, then the mean / min / max gap per instance.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use trappa::solve::groups::mdgp::{local_search, parse_mdgplib, SearchParams};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |k: &str| args.iter().position(|a| a == k).and_then(|p| args.get(p + 1).cloned());
    let filter = get("--filter").unwrap_or_default();
    let seeds = get("--seeds").unwrap_or_else(|| "1-5".into());
    let (s0, s1) = match seeds.split_once('-') {
        Some((a, b)) => (a.parse().unwrap_or(1), b.parse().unwrap_or(5)),
        None => {
            let s = seeds.parse().unwrap_or(1);
            (s, s)
        }
    };
    let t120: f64 = get("--t120").and_then(|v| v.parse().ok()).unwrap_or(10.0);
    let t240: f64 = get("--t240").and_then(|v| v.parse().ok()).unwrap_or(30.0);
    let starts: usize = get("--starts").and_then(|v| v.parse().ok()).unwrap_or(0);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mdgp");
    let csv = std::fs::read_to_string(format!("{dir}/best_known.csv")).expect("best_known.csv");
    let mut best_known = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        best_known.insert(f[0].to_string(), f[3].parse::<f64>().unwrap());
    }
    let mut all_gaps = Vec::new();
    for (name, &bk) in &best_known {
        if !name.contains(&filter) {
            continue;
        }
        let text = std::fs::read_to_string(format!("{dir}/instances/{name}.txt")).expect("instance");
        let p = parse_mdgplib(&text).expect("parse");
        let secs = if p.n <= 120 { t120 } else { t240 };
        let mut gaps = Vec::new();
        for seed in s0..=s1 {
            let t = Instant::now();
            let params = SearchParams {
                seed,
                time_limit: Duration::from_secs_f64(secs),
                starts,
                max_iterations: Some(u64::MAX),
                max_iterations_without_improvement: None,
            };
            let sol = local_search(&p, &params).expect("solve");
            if let Some(dir) = get("--dump") {
                // One line per element: its group (for independent checking).
                let text: String = sol.assignment.iter().map(|g| format!("{g}\n")).collect();
                std::fs::write(format!("{dir}/{name}_seed{seed}.sol"), text).expect("dump");
            }
            assert!(p.violations(&sol.assignment).is_empty());
            let gap = 100.0 * (bk - sol.objective.total) / bk;
            let mut sizes = vec![0; p.n_groups()];
            for &g in &sol.assignment {
                sizes[g] += 1;
            }
            println!(
                "{name} seed {seed}: {:.3} best-known {bk:.3} gap {gap:.3}% ({} it, {:.1}s, best start {}) sizes {:?}",
                sol.objective.total,
                sol.iterations,
                t.elapsed().as_secs_f64(),
                sol.best_start,
                sizes
            );
            gaps.push(gap);
        }
        let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
        let min = gaps.iter().copied().fold(f64::INFINITY, f64::min);
        let max = gaps.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        println!("SUMMARY {name}: gap mean {mean:.3}% min {min:.3}% max {max:.3}%");
        all_gaps.extend(gaps);
    }
    if !all_gaps.is_empty() {
        let mean = all_gaps.iter().sum::<f64>() / all_gaps.len() as f64;
        println!("OVERALL mean gap {mean:.3}% over {} runs", all_gaps.len());
    }
}
