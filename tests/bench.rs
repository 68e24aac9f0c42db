//! `trappa bench` on a tiny manifest: one small round, two strategies, 1 s a run. The CSV and
//! JSON carry every column, every run was measured as its own child process, and every verdict
//! is the checker's (its recomputed objective is the plan's).

mod common;

use common::{root, trappa};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A manifest in `dir` with the bundled small course round and a generated round without
/// courses, two strategies, 1 s a run.
fn tiny_manifest(dir: &Path) -> PathBuf {
    let manifest = serde_json::json!({
        "description": "test",
        "time_limit_seconds": 1,
        "strategies": ["greedy", "local-search"],
        "rounds": [
            {"name": "small", "file": root().join("instances/liten-kursomgang.json")},
            {"name": "pairs", "generate": {"region": "halland", "participants": 30, "seed": 3, "courses": false, "term": true, "no_groups": true},
             "strategies": ["auto"]}
        ]
    });
    let path = dir.join("suite.json");
    std::fs::write(&path, serde_json::to_string_pretty(&manifest).unwrap()).unwrap();
    path
}

#[test]
fn bench_runs_a_tiny_manifest_and_every_verdict_is_the_checkers() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = tiny_manifest(dir.path());
    let out = dir.path().join("out");
    let doc = dir.path().join("benchmarks.md");
    std::fs::write(&doc, "# Results\n<!-- bench:begin -->\nold\n<!-- bench:end -->\nafter\n").unwrap();
    let assert = trappa().arg("bench").arg("--suite").arg(&manifest).arg("--out").arg(&out).arg("--markdown").arg(&doc).assert().success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(stdout.contains(
        "| round | strategy | objective | bound | gap | served by priority | wall s | peak MB | checker verdict | stop reason |"
    ));
    assert!(stdout.contains("cores; load average"), "{stdout}");

    // CSV: the header and one row per run.
    let text = std::fs::read_to_string(out.join("results.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    for column in [
        "round",
        "strategy",
        "objective",
        "bound",
        "gap",
        "served_by_priority",
        "wall_seconds",
        "peak_memory_mb",
        "checker_verdict",
        "stop_reason",
        "plan_side",
        "bound_side",
    ] {
        assert!(header.iter().any(|h| h == column), "results.csv lacks {column}: {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let verdict = header.iter().position(|h| h == "checker_verdict").unwrap();
    assert!(rows.iter().all(|r| &r[verdict] == "valid"), "{rows:?}");

    // JSON: the machine, every run measured and checked.
    let json: Value = serde_json::from_str(&std::fs::read_to_string(out.join("results.json")).unwrap()).unwrap();
    assert!(json["machine"]["cores"].as_u64().unwrap() >= 1);
    let runs = json["runs"].as_array().unwrap();
    let pairs: Vec<(&str, &str)> = runs.iter().map(|r| (r["round"].as_str().unwrap(), r["strategy"].as_str().unwrap())).collect();
    assert_eq!(pairs, [("small", "greedy"), ("small", "local-search"), ("pairs", "auto")]);
    for r in runs {
        assert_eq!(r["checker_verdict"], "valid", "{r}");
        assert_eq!(r["checker_violations"], 0);
        assert_eq!(r["exit_code"], 0);
        assert!(r["wall_seconds"].as_f64().unwrap() > 0.0);
        if cfg!(unix) {
            assert!(r["peak_memory_mb"].as_f64().unwrap() > 0.0, "{r}");
        }
        // The verdict is the checker's: its objective, recomputed from the files, is the plan's
        // (which is rounded to three decimals).
        let objective = r["objective"].as_f64().unwrap();
        let recomputed = r["checker_objective"].as_f64().unwrap();
        assert!((objective - recomputed).abs() <= 1e-3 + 1e-6 * objective.abs(), "{r}");
    }
    assert_eq!(runs[0]["objective_kind"], "timetable");
    assert_eq!(runs[2]["objective_kind"], "mentorship");
    // The small round's ten demands are all counted by priority.
    let served = &runs[0]["served_by_priority"];
    let demanded: u64 = served.as_object().unwrap().values().map(|v| v[1].as_u64().unwrap()).sum();
    assert_eq!(demanded, 10);
    // Each plan is in the output directory, and the checker from the command line agrees.
    trappa().arg("check").arg(root().join("instances/liten-kursomgang.json")).arg(out.join("runs/small--greedy")).assert().success();
    assert_eq!(json["rounds"].as_array().unwrap().len(), 2);

    // The document got the table between its markers, the rest kept.
    let doc = std::fs::read_to_string(&doc).unwrap();
    assert!(doc.starts_with("# Results\n<!-- bench:begin -->\n"));
    assert!(doc.ends_with("<!-- bench:end -->\nafter\n"));
    assert!(!doc.contains("\nold\n"));
    assert!(doc.contains("| small | greedy |"));
}

#[test]
fn bench_rejects_bad_suites_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"time_limit_seconds": 1, "strategies": ["greedy"], "rounds": [{"name": "x"}]}"#).unwrap();
    trappa().arg("bench").arg("--suite").arg(&bad).arg("--out").arg(dir.path().join("o")).assert().code(2);
    let unknown = dir.path().join("unknown.json");
    std::fs::write(
        &unknown,
        r#"{"time_limit_seconds": 1, "strategies": ["greedy"], "rounds": [{"name": "x", "generate": {"region": "mars", "participants": 5, "seed": 1}}]}"#,
    )
    .unwrap();
    trappa().arg("bench").arg("--suite").arg(&unknown).arg("--out").arg(dir.path().join("o")).assert().code(2);
    trappa().arg("bench").arg("--suite").arg(dir.path().join("missing.json")).assert().code(2);
    trappa().arg("bench").arg("--suite").arg(&bad).arg("--time-limit").arg("-1").assert().code(2);
}
