//! The readers under a structured mutation harness (`tests/fuzz_harness`): a short smoke run
//! of every reader, and every input the long run (`examples/fuzz.rs`, `docs/fuzzing.md`) ever
//! found replayed from `tests/fuzz-regressions/` — each must be answered with acceptance or
//! coded, located problems, without a panic and within 5 s.
//!
//! `TRAPPA_FUZZ_ITERATIONS` sets the smoke run's executions per reader (default 400, about 10 s),
//! `TRAPPA_FUZZ_SEED` its seed (default 1).

mod fuzz_harness;

use fuzz_harness::{Input, Reader, Seeds, Settings};
use std::fs;
use std::path::Path;

fn settings(dir: &Path) -> Settings {
    Settings { solve_every: 25, solve_max_people: 80, workdir: dir.join("roster") }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn a_smoke_run_of_every_reader_finds_nothing() {
    // The harness reads the roster's messages in English (places as "row", "column").
    trappa::text::set_lang(trappa::text::Lang::En);
    let seeds = Seeds::load();
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(dir.path());
    let iterations = env_u64("TRAPPA_FUZZ_ITERATIONS", 400);
    let seed = env_u64("TRAPPA_FUZZ_SEED", 1);
    let mut findings = Vec::new();
    for reader in Reader::ALL {
        let stats = fuzz_harness::run_range(&seeds, reader, seed, 0..iterations, &settings, |i, _, f| {
            findings.push(format!("{} seed {seed} iteration {i}: {} — {}", reader.name(), f.kind, f.detail))
        });
        eprintln!("{}: {} executions, {} accepted, slowest {:.2} s", reader.name(), stats.executions, stats.accepted, stats.slowest);
        assert_eq!(stats.executions, iterations);
    }
    assert!(
        findings.is_empty(),
        "replay with `cargo run --profile test --example fuzz -- --replay READER SEED ITERATION`:\n{}",
        findings.join("\n")
    );
}

/// The input kept at a path of `tests/fuzz-regressions/`: `READER-NAME.EXT` files, and
/// `roster-NAME/` directories of roster files.
fn kept_input(path: &Path) -> (Reader, Input) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let reader = Reader::by_name(name.split('-').next().unwrap()).unwrap_or_else(|| panic!("{name}: no reader of that name"));
    if path.is_dir() {
        let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(path)
            .unwrap()
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
            .collect();
        files.sort();
        (reader, Input::Files(files))
    } else {
        (reader, Input::File(fs::read(path).unwrap()))
    }
}

#[test]
fn every_input_the_fuzzer_found_is_answered_without_a_panic() {
    // The harness reads the roster's messages in English (places as "row", "column").
    trappa::text::set_lang(trappa::text::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(dir.path());
    let kept = fuzz_harness::root().join("tests/fuzz-regressions");
    let mut paths: Vec<_> = fs::read_dir(&kept).unwrap().flatten().map(|e| e.path()).filter(|p| !p.ends_with("README.md")).collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs kept in {}", kept.display());
    for path in paths {
        let (reader, input) = kept_input(&path);
        let outcome = fuzz_harness::run_one(reader, &input, &settings, true);
        assert!(outcome.is_ok(), "{}: {:?}", path.display(), outcome.unwrap_err());
    }
}

/// The fuzzer's first abort: a CSV file of 26 million cells was read whole (1.7 GB) although a
/// sheet may hold 2 million. Now a CSV file is held to `MAX_SHEET_CELLS` like a sheet, and a
/// single record wider than that is refused before the CSV reader holds its fields.
#[test]
fn a_csv_over_the_cell_limit_is_refused_with_e070() {
    // The harness reads the roster's messages in English (places as "row", "column").
    trappa::text::set_lang(trappa::text::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let settings = settings(dir.path());
    let mall = fuzz_harness::root().join("instances/mall");
    let base: Vec<(String, Vec<u8>)> = fs::read_dir(&mall)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv" || x == "json") && e.file_name() != "exempel.json")
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
        .collect();
    let many_rows = format!("från;till;minuter\n{}", format!("{}1\n", "1;".repeat(19_999)).repeat(120));
    let one_wide_row = format!("från;till;minuter\n{}1\n", ";".repeat(2_100_000));
    for (what, text) in [("many wide rows", many_rows), ("one record over the limit", one_wide_row)] {
        let mut files = base.clone();
        files.retain(|(n, _)| n != "restider.csv");
        files.push(("restider.csv".into(), text.into_bytes()));
        let target = fuzz_harness::write_files(&settings.workdir, &files).unwrap();
        let err = trappa::roster::import(&target, None).expect_err(what);
        let shown = err.to_string();
        assert!(
            shown.contains("restider.csv, ") && shown.contains("E070 size-limit") && shown.contains("MAX_SHEET_CELLS"),
            "{what}: {shown}"
        );
        assert!(shown.contains(if what == "many wide rows" { "cell " } else { "row 2:" }), "{what}: {shown}");
        let outcome = fuzz_harness::run_one(Reader::Roster, &Input::Files(files), &settings, false);
        assert!(outcome.is_ok(), "{what}: {:?}", outcome.unwrap_err());
    }
}
