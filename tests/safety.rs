//! Plans are the user's: a re-plan never writes over the plan it starts from, a directory is a
//! plan only if trappa's marker says so and nothing trappa did not write is deleted, leftovers
//! of a killed run are cleaned, previous plans are verified (format, instance, round, checker,
//! `--today`), and `diff` refuses plans of two rounds. Also: a closed standard output ends a
//! command quietly, a workbook given as an instance points to `import roster`, and `--help`
//! shows real defaults.

mod common;

use common::{root, trappa};
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Stdio;

/// Runs trappa in `dir` and returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = trappa().current_dir(dir).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// Runs trappa in `dir`, expects exit 2 and a message with `code`; returns the message.
fn refused(dir: &Path, args: &[&str], code: &str) -> String {
    let (status, _, err) = run(dir, args);
    assert_eq!(status, 2, "{args:?}: {err}");
    assert!(err.contains(code), "{args:?} should say {code}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A fresh working directory holding `instances/NAME` as `FILE`, solved into `OUT`.
fn solved_into(dir: &Path, name: &str, file: &str, out: &str) {
    fs::copy(root().join("instances").join(name), dir.join(file)).unwrap();
    let (status, _, err) = run(dir, &["solve", file, "--out", out, "--quiet", "--timetable-strategy", "greedy"]);
    assert_eq!(status, 0, "{err}");
}

/// A working directory with the small course round as `round.json`, solved into `plan/`.
fn course_round() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    solved_into(dir.path(), "liten-kursomgang.json", "round.json", "plan");
    dir
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    n.sort();
    n
}

#[test]
fn replan_writes_a_new_directory_beside_the_previous_plan_and_records_it() {
    let dir = course_round();
    let d = dir.path();
    let before = fs::read(d.join("plan/plan.json")).unwrap();
    let (status, out, err) = run(d, &["replan", "round.json", "--previous", "plan", "--today", "2027-02-03", "--quiet"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("`trappa diff plan plan-2027-02-03`"), "{out}");
    assert_eq!(fs::read(d.join("plan/plan.json")).unwrap(), before, "the previous plan is kept as it was");
    let r = &json(&d.join("plan-2027-02-03/plan.json"))["replan"];
    assert_eq!(r["previous_plan"], "../plan");
    assert_eq!(r["previous_plan_sha256"], trappa::load::sha256_hex(&before));
    // The same planning date again: a new name, nothing replaced.
    let (status, out, err) =
        run(d, &["--lang", "en", "replan", "round.json", "--previous", "plan/plan.json", "--today", "2027-02-03", "--quiet"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("Plan written to plan-2027-02-03-2"), "{out}");
    // A re-plan of a re-plan is named by its own date, beside it; the chain can be walked back.
    let (status, _, err) = run(d, &["replan", "round.json", "--previous", "plan-2027-02-03", "--today", "2027-02-08", "--quiet"]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(names(d), ["plan", "plan-2027-02-03", "plan-2027-02-03-2", "plan-2027-02-08", "round.json"]);
    let latest = d.join("plan-2027-02-08");
    let back = json(&latest.join("plan.json"))["replan"]["previous_plan"].as_str().unwrap().to_string();
    assert_eq!(back, "../plan-2027-02-03");
    let back = json(&latest.join(&back).join("plan.json"))["replan"]["previous_plan"].as_str().unwrap().to_string();
    assert_eq!(back, "../plan");
    // Any two plans of the history can be compared and checked.
    assert_eq!(run(d, &["diff", "plan", "plan-2027-02-08"]).0, 0);
    assert_eq!(run(d, &["check", "round.json", "plan-2027-02-08"]).0, 0);
}

#[test]
fn out_equal_to_the_previous_plan_is_refused() {
    let dir = course_round();
    let d = dir.path();
    let before = fs::read(d.join("plan/plan.json")).unwrap();
    let abs = d.join("plan").display().to_string();
    for previous in ["plan", "plan/plan.json", "./plan/"] {
        for out in ["plan", "plan/", "./plan", abs.as_str(), "plan/sub"] {
            let args = ["replan", "round.json", "--previous", previous, "--today", "2027-02-03", "--out", out];
            refused(d, &args, "P007");
        }
    }
    assert_eq!(fs::read(d.join("plan/plan.json")).unwrap(), before);
    assert!(!d.join("plan/sub").exists());
    assert_eq!(names(d), ["plan", "round.json"]);
}

#[test]
fn files_trappa_did_not_write_are_never_deleted() {
    let dir = course_round();
    let d = dir.path();
    // A directory holding a plan.json is not a plan without trappa's marker.
    fs::create_dir(d.join("d")).unwrap();
    fs::write(d.join("d/plan.json"), "{}").unwrap();
    fs::write(d.join("d/thesis.docx"), "four years of work").unwrap();
    refused(d, &["solve", "round.json", "--out", "d"], "P010");
    assert_eq!(fs::read_to_string(d.join("d/thesis.docx")).unwrap(), "four years of work");
    assert_eq!(fs::read_to_string(d.join("d/plan.json")).unwrap(), "{}");
    // Trappa's own plan with a file of the user's in it: refused, the file named and kept.
    let before = fs::read(d.join("plan/plan.json")).unwrap();
    fs::write(d.join("plan/thesis.docx"), "four years of work").unwrap();
    let err = refused(d, &["solve", "round.json", "--out", "plan"], "P011");
    assert!(err.contains("thesis.docx"), "{err}");
    assert_eq!(fs::read_to_string(d.join("plan/thesis.docx")).unwrap(), "four years of work");
    assert_eq!(fs::read(d.join("plan/plan.json")).unwrap(), before);
    // A file trappa wrote and someone edited counts as theirs.
    fs::rename(d.join("plan/thesis.docx"), d.join("thesis.docx")).unwrap();
    fs::write(d.join("plan/pairs.csv"), "my notes").unwrap();
    let err = refused(d, &["solve", "round.json", "--out", "plan"], "P011");
    assert!(err.contains("pairs.csv") && !err.contains("thesis.docx"), "{err}");
    // Once the plan holds only what trappa wrote, it is replaced as before.
    fs::remove_file(d.join("plan/pairs.csv")).unwrap();
    assert_eq!(run(d, &["solve", "round.json", "--out", "plan", "--quiet", "--timetable-strategy", "greedy"]).0, 0);
    assert!(d.join("plan/pairs.csv").exists() && d.join("plan/.trappa-plan").exists());
}

#[test]
fn leftover_staging_of_a_killed_run_is_cleaned_on_the_next_run() {
    let dir = course_round();
    let d = dir.path();
    // What a run killed while writing leaves behind: a staging directory with the marker (the
    // marker is written first) and the old plan moved aside; 99999999 is above any pid.
    let copy = |to: &str| {
        fs::create_dir_all(d.join(to).join("calendars")).unwrap();
        for name in ["plan.json", ".trappa-plan", "instance.json"] {
            fs::copy(d.join("plan").join(name), d.join(to).join(name)).unwrap();
        }
    };
    copy(".plan.new-99999999-a1b2c3");
    copy(".plan.old-99999999");
    fs::create_dir(d.join(".plan.new-99999999-empty")).unwrap();
    // Not trappa's, or of a running process: kept.
    fs::create_dir(d.join(".plan.new-99999999-mine")).unwrap();
    fs::write(d.join(".plan.new-99999999-mine/notes.txt"), "mine").unwrap();
    let alive = format!(".plan.new-{}-x", std::process::id());
    copy(&alive);
    assert_eq!(run(d, &["solve", "round.json", "--quiet", "--timetable-strategy", "greedy"]).0, 0);
    let mut expected = vec![alive, ".plan.new-99999999-mine".to_string(), "plan".into(), "round.json".into()];
    expected.sort();
    assert_eq!(names(d), expected);
}

#[test]
fn a_plan_of_another_round_is_refused_by_replan_and_diff() {
    let dir = course_round();
    let d = dir.path();
    solved_into(d, "uppsala-small.json", "uppsala.json", "uplan");
    let err = refused(d, &["replan", "round.json", "--previous", "uplan", "--today", "2027-02-03"], "P005");
    assert!(err.contains("Uppsala län mentorskap HT 2027") && err.contains("Liten omgång"), "{err}");
    refused(d, &["diff", "plan", "uplan", "--json"], "P005");
    // Same name, another first day: another round.
    let mut v = json(&d.join("uppsala.json"));
    v["round"]["start"] = "2027-08-23".into();
    fs::write(d.join("later.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(run(d, &["solve", "later.json", "--out", "later", "--quiet"]).0, 0);
    refused(d, &["diff", "uplan", "later"], "P005");
    refused(d, &["replan", "later.json", "--previous", "uplan", "--today", "2027-10-01"], "P005");
    assert_eq!(names(d), ["later", "later.json", "plan", "round.json", "uplan", "uppsala.json"], "nothing written");
}

#[test]
fn a_tampered_edited_or_foreign_format_previous_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    solved_into(d, "uppsala-small.json", "round.json", "plan");
    let variant = |name: &str, edit: &dyn Fn(&Path)| {
        let target = d.join(name);
        fs::create_dir(&target).unwrap();
        for e in fs::read_dir(d.join("plan")).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                fs::copy(e.path(), target.join(e.file_name())).unwrap();
            }
        }
        edit(&target);
    };
    let edit_plan = |p: &Path, f: &dyn Fn(&mut Value)| {
        let mut v = json(&p.join("plan.json"));
        f(&mut v);
        fs::write(p.join("plan.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    };
    variant("copy-edited", &|p| fs::write(p.join("instance.json"), fs::read_to_string(p.join("instance.json")).unwrap() + " ").unwrap());
    variant("format", &|p| edit_plan(p, &|v| v["format"] = "trappa-instance".into()));
    variant("version", &|p| edit_plan(p, &|v| v["version"] = 2.into()));
    variant("pair-removed", &|p| edit_plan(p, &|v| drop(v["mentorship"]["pairs"].as_array_mut().unwrap().pop())));
    variant("no-copy", &|p| fs::remove_file(p.join("instance.json")).unwrap());
    let mut changed = json(&d.join("round.json"));
    changed["participants"][0]["name"] = "Ny Namnsdotter".into();
    fs::write(d.join("changed.json"), serde_json::to_string_pretty(&changed).unwrap()).unwrap();
    for (previous, code) in
        [("copy-edited", "P003"), ("format", "P001"), ("version", "P001"), ("pair-removed", "P004"), ("no-copy", "P002")]
    {
        refused(d, &["replan", "changed.json", "--previous", previous, "--today", "2027-10-01"], code);
    }
    refused(d, &["diff", "plan", "version"], "P001");
    // The untouched plan re-plans.
    assert_eq!(run(d, &["replan", "changed.json", "--previous", "plan", "--today", "2027-10-01", "--quiet"]).0, 0);
}

#[test]
fn today_must_lie_within_the_round() {
    let dir = course_round();
    let d = dir.path();
    for today in ["2020-01-01", "0000-01-01", "2027-01-31", "2027-02-13", "2099-12-31"] {
        let err = refused(d, &["--lang", "en", "replan", "round.json", "--previous", "plan", "--today", today], "P006");
        assert!(err.contains("2027-02-01 to 2027-02-12"), "{err}");
    }
    assert_eq!(names(d), ["plan", "round.json"]);
    for today in ["2027-02-01", "2027-02-12"] {
        assert_eq!(run(d, &["replan", "round.json", "--previous", "plan", "--today", today, "--quiet"]).0, 0, "{today}");
    }
}

/// Runs trappa with its standard output closed before it writes anything (as `| head -0`
/// does) and expects a quiet exit 0.
fn closed_output(dir: &Path, args: &[&str]) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("trappa"))
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    assert!(err.is_empty(), "{args:?}: {err}");
}

#[test]
fn a_closed_standard_output_ends_every_command_quietly() {
    let dir = course_round();
    let d = dir.path();
    assert_eq!(run(d, &["replan", "round.json", "--previous", "plan", "--today", "2027-02-03", "--out", "p2", "--quiet"]).0, 0);
    closed_output(d, &["solve", "round.json", "--out", "p3", "--timetable-strategy", "greedy"]);
    assert!(d.join("p3/plan.json").exists(), "the plan is written before the summary");
    closed_output(d, &["replan", "round.json", "--previous", "plan", "--today", "2027-02-03", "--out", "p4"]);
    closed_output(d, &["diff", "plan", "p2", "--json"]);
    closed_output(d, &["diff", "plan", "p2"]);
    closed_output(d, &["check", "round.json", "plan", "--json"]);
    closed_output(d, &["check", "round.json", "plan"]);
    closed_output(d, &["explain", "round.json", "plan", "--participant", "p1"]);
    closed_output(d, &["schema", "plan"]);
    closed_output(d, &["generate", "--participants", "40"]);
    closed_output(d, &["compare", "round.json", "--strategies", "greedy"]);
}

#[test]
fn a_workbook_csv_or_directory_given_as_instance_points_to_import() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inst = root().join("instances/liten-kursomgang.json");
    let inst = inst.to_str().unwrap();
    assert_eq!(run(d, &["export", "roster", inst, "--out", "mall.xlsx"]).0, 0);
    assert_eq!(run(d, &["export", "roster", inst, "--out", "tabeller"]).0, 0);
    fs::copy(d.join("mall.xlsx"), d.join("mall.json")).unwrap();
    for (args, what) in [
        (vec!["--lang", "en", "solve", "mall.xlsx"], "is a workbook"),
        (vec!["--lang", "en", "solve", "mall.json"], "is a workbook"),
        (vec!["--lang", "en", "check", "mall.xlsx", "plan"], "is a workbook"),
        (vec!["--lang", "en", "solve", "tabeller"], "is a directory of CSV files"),
        (vec!["--lang", "en", "solve", "tabeller/deltagare.csv"], "is a CSV file"),
    ] {
        let (status, _, err) = run(d, &args);
        assert_eq!(status, 2, "{args:?}");
        assert!(err.contains(what) && err.contains("trappa import roster"), "{args:?}: {err}");
        assert!(!err.contains("E001") && !err.contains("invalid JSON"), "{err}");
    }
    assert_eq!(run(d, &["solve", inst, "--out", "plan", "--quiet", "--timetable-strategy", "greedy"]).0, 0);
    let (status, _, err) = run(d, &["--lang", "en", "solve", "plan"]);
    assert_eq!(status, 2);
    assert!(err.contains("is a plan directory") && err.contains("instance.json"), "{err}");
}

#[test]
fn a_roster_without_its_rules_file_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inst = root().join("instances/liten-kursomgang.json");
    assert_eq!(run(d, &["export", "roster", inst.to_str().unwrap(), "--out", "mall.xlsx"]).0, 0);
    fs::remove_file(d.join("regler.json")).unwrap();
    let (status, _, err) = run(d, &["--lang", "en", "import", "roster", "mall.xlsx", "--out", "round.json"]);
    assert_eq!(status, 2);
    assert!(err.contains("1 problem(s)"), "{err}");
    assert_eq!(err.matches("no rules file was found").count(), 1, "{err}");
    assert!(err.contains("beside mall.xlsx") && err.contains("--rules"), "{err}");
    assert!(!d.join("round.json").exists());
}

#[test]
fn help_shows_the_defaults_and_no_empty_one() {
    let commands =
        ["solve", "explain", "compare", "check", "generate", "import", "export", "anonymise", "replan", "diff", "report", "schema"];
    for cmd in commands {
        let out = trappa().args([cmd, "--help"]).output().unwrap();
        assert!(out.status.success(), "{cmd}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("[default: \"\"]") && !text.contains("[default: ]"), "{cmd} --help: {text}");
    }
    for cmd in ["solve", "compare"] {
        let text = String::from_utf8_lossy(&trappa().args([cmd, "--help"]).output().unwrap().stdout).to_string();
        assert!(text.contains("[default: none: ") && text.contains("600 s"), "{cmd} --help: {text}");
    }
    let text = String::from_utf8_lossy(&trappa().args(["replan", "--help"]).output().unwrap().stdout).to_string();
    assert!(text.contains("[default: a new directory beside the previous plan"), "{text}");
}

#[test]
fn every_plan_code_is_documented() {
    let errors = fs::read_to_string(root().join("docs/errors.md")).unwrap();
    for (code, kind, _) in trappa::replan::previous::CODES {
        assert!(errors.contains(&format!("| {code} | {kind} |")), "{code} missing from docs/errors.md");
    }
}

#[test]
fn the_readme_installs_trappa_before_using_it_and_shows_the_whole_round() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    // The first shell line that calls `trappa` by name must come after the install step.
    let install = readme.find("cargo install --path .").expect("README has an install step");
    let first_use = readme.lines().scan(0, |at, l| {
        let start = *at;
        *at += l.len() + 1;
        Some((start, l))
    });
    let first_use = first_use.filter(|(_, l)| l.trim_start().starts_with("trappa ")).map(|(at, _)| at).next().unwrap();
    assert!(install < first_use, "the install step comes after the first `trappa` command");
    // The coordinator's round imports the changed spreadsheets before re-planning them.
    let import2 = readme.find("--out round2.json").expect("the round shows the second import");
    let replan = readme.find("trappa replan round2.json").unwrap();
    assert!(import2 < replan);
    // The sentence about `.ci/run` sits with the test command, not after the round.
    let test_cmd = readme.find("cargo test\n").unwrap();
    let ci = readme.find("`.ci/run` runs this same command").expect("the .ci/run sentence");
    assert!(test_cmd < ci && ci < install, "the .ci/run sentence belongs beside `cargo test`");
}
