//! Helpers shared by the integration tests: paths, the binary, loading an instance from JSON,
//! solving and checking a plan, and the test oracles of the mentor matching ([`oracles`]).
//!
//! Each test file declares `mod common;` and uses what it needs; the rest is unused there, hence
//! the `dead_code` allowance.
#![allow(dead_code)]

pub mod oracles;
pub mod server;

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use trappa::check;
use trappa::format::plan::PlanFile;
use trappa::format::InstanceFile;
use trappa::generate::{GenOptions, GenRegion};
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::solve::{self, SolveParams};
use trappa::write::plan::plan_file;

/// The crate's root directory (where `instances/`, `tests/` and `docs/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, recursively, appended to `out`.
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `trappa` binary, ready for arguments.
pub fn trappa() -> Command {
    Command::cargo_bin("trappa").expect("binary built")
}

/// A JSON file of the crate, `rel` relative to the root.
pub fn read_json(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap()
}

/// Validates and builds an instance given as JSON; panics with the problems when it is invalid.
pub fn load(v: &Value) -> LoadedInstance {
    load_instance_text(&serde_json::to_string_pretty(v).unwrap(), "test.json").unwrap_or_else(|e| panic!("{e}"))
}

/// The load error of an instance that must not load, as its message.
pub fn load_error(v: &Value) -> String {
    match load_instance_text(&serde_json::to_string_pretty(v).unwrap(), "test.json") {
        Ok(_) => panic!("the file loads"),
        Err(e) => e.to_string(),
    }
}

/// Asserts that the checker accepts the plan.
pub fn assert_valid(loaded: &LoadedInstance, plan: &PlanFile) {
    let report = check::check(&loaded.file, &loaded.sha256, plan);
    assert!(report.is_valid(), "checker rejects the plan: {:#?}", report.violations);
}

/// Solves with `params`, writes the plan file and asserts that the checker accepts it.
pub fn solve_checked(loaded: &LoadedInstance, params: &SolveParams) -> PlanFile {
    let plan = plan_file(loaded, "test.json", &solve::solve(&loaded.model, params).unwrap_or_else(|e| panic!("{e}")));
    assert_valid(loaded, &plan);
    plan
}

/// The checker's violation codes of a plan, sorted and without repeats.
pub fn codes(loaded: &LoadedInstance, plan: &PlanFile) -> Vec<&'static str> {
    let mut c: Vec<&str> = check::check(&loaded.file, &loaded.sha256, plan).violations.iter().map(|v| v.code.code()).collect();
    c.sort();
    c.dedup();
    c
}

/// Generator options of a short courses-only term in Halland: no mentees, mentors or groups.
pub fn course_term(participants: usize, seed: u64) -> GenOptions {
    GenOptions {
        mentees: Some(0),
        mentors: Some(0),
        courses: true,
        term: true,
        no_groups: true,
        ..GenOptions::new(GenRegion::Halland, participants, seed)
    }
}

/// (instance name, proven optimum) of the small MDGPLIB instances (n = 10, 12), from
/// `tests/data/mdgp/optimal_small.csv`.
pub fn mdgp_small_optima() -> Vec<(String, f64)> {
    std::fs::read_to_string(root().join("tests/data/mdgp/optimal_small.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[4].parse().unwrap())
        })
        .collect()
}

/// Cuts a generated course round down to its first three courses, the demand, history and
/// trainers (at most four) that go with them; sessions may run with two people and no course
/// has prerequisites. Small enough for the full timetable MILP.
pub fn keep_three_courses(file: &mut InstanceFile) {
    file.courses.truncate(3);
    let keep: Vec<String> = file.courses.iter().map(|c| c.id.clone()).collect();
    file.demand.retain(|d| keep.contains(&d.course));
    file.course_history.retain(|d| keep.contains(&d.course));
    file.phase_demand.retain(|d| keep.contains(&d.course));
    for t in &mut file.trainers {
        t.courses.retain(|c| keep.contains(c));
    }
    file.trainers.retain(|t| !t.courses.is_empty());
    file.trainers.truncate(4);
    for c in &mut file.courses {
        c.min_size = 2;
        c.prerequisites.clear();
    }
}

/// The text a reader sees of an HTML page: no script, no style, no tags, and no `<code>`
/// elements (they name files and fields of the instance, e.g. `cost_share`).
pub fn visible_text(html: &str) -> String {
    let mut text = html.to_string();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>"), ("<code", "</code>")] {
        while let Some(i) = text.find(open) {
            let j = text[i..].find(close).map(|j| i + j + close.len()).unwrap_or(text.len());
            text.replace_range(i..j, " ");
        }
    }
    let mut visible = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                visible.push(' ');
            }
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    visible
}
