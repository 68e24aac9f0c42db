//! Faults: a process killed at any moment (SIGKILL), interrupted (SIGINT), stopped by a full
//! disk or a file-size limit, or pointed at a place it may not write, leaves either the old
//! output or the new one, never half of one, and says what happened.

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_trappa"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn instance(name: &str) -> String {
    root().join("instances").join(name).display().to_string()
}

/// Runs trappa to the end in `dir`: (exit code, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(bin()).env("TRAPPA_LANG", "en").current_dir(dir).args(args).stdout(Stdio::null()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into())
}

/// Every file of a directory (relative path → bytes), hidden ones included.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.insert(p.strip_prefix(base).unwrap().display().to_string(), fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A plan directory is whole: its marker lists exactly the files present, each with the
/// SHA-256 of its bytes, and the plan is one the checker accepts.
fn assert_whole_plan(dir: &Path, instance_path: &str) {
    let files = snapshot(dir);
    let marker: Value = serde_json::from_slice(&files[".trappa-plan"]).expect("the marker is complete JSON");
    let listed = marker["files"].as_object().unwrap();
    let present: Vec<&String> = files.keys().filter(|k| *k != ".trappa-plan").collect();
    assert_eq!(present.len(), listed.len(), "files present {present:?} vs listed {:?}", listed.keys());
    for (name, sha) in listed {
        assert_eq!(trappa::files::sha256_hex(&files[name]), sha.as_str().unwrap(), "{name} differs from its marker entry");
    }
    let (code, err) = run(dir.parent().unwrap(), &["check", instance_path, &dir.display().to_string()]);
    assert_eq!(code, 0, "the checker refuses the plan left behind: {err}");
}

/// Leftover staging directories of `name` in `parent`.
fn staging_left(parent: &Path, name: &str) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect()
}

/// Starts `args` in `dir` and kills it with SIGKILL after `delay` (if it still runs).
fn killed_after(dir: &Path, args: &[&str], delay: Duration) {
    let mut child = Command::new(bin()).current_dir(dir).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

/// How long one uninterrupted run takes here (the kills are spread over it).
fn duration_of(dir: &Path, args: &[&str]) -> Duration {
    let t = Instant::now();
    assert_eq!(run(dir, args).0, 0);
    t.elapsed()
}

#[test]
fn solve_killed_at_any_moment_leaves_the_old_plan_or_the_new_one() {
    let d = tempfile::tempdir().unwrap();
    let inst = instance("uppsala-small.json");
    let args = ["solve", inst.as_str(), "--out", "plan", "--quiet", "--seed", "2"];
    let took = duration_of(d.path(), &args);
    assert_whole_plan(&d.path().join("plan"), &inst);
    // Kill moments spread from the start to past the end of a run (process start, solving,
    // staging, the swap).
    let steps = 40u32;
    for i in 0..steps {
        killed_after(d.path(), &args, took * (i * 5 / 4) / steps);
        assert_whole_plan(&d.path().join("plan"), &inst);
    }
    // The next run cleans whatever staging the killed ones left behind.
    assert_eq!(run(d.path(), &args).0, 0);
    assert_whole_plan(&d.path().join("plan"), &inst);
    assert!(staging_left(d.path(), "plan").is_empty(), "{:?}", staging_left(d.path(), "plan"));
}

#[test]
fn replan_killed_at_any_moment_leaves_no_plan_or_a_whole_one_and_the_previous_untouched() {
    let d = tempfile::tempdir().unwrap();
    let inst = instance("uppsala-small.json");
    assert_eq!(run(d.path(), &["solve", inst.as_str(), "--out", "plan", "--quiet"]).0, 0);
    let before = snapshot(&d.path().join("plan"));
    let args = ["replan", inst.as_str(), "--previous", "plan", "--today", "2027-11-01", "--out", "next", "--quiet"];
    let took = duration_of(d.path(), &args);
    fs::remove_dir_all(d.path().join("next")).unwrap();
    for i in 0..24u32 {
        killed_after(d.path(), &args, took * (i * 5 / 4) / 24);
        assert_eq!(snapshot(&d.path().join("plan")), before, "the previous plan changed");
        let next = d.path().join("next");
        if next.exists() {
            assert_whole_plan(&next, &inst);
            fs::remove_dir_all(&next).unwrap();
        }
    }
}

#[test]
fn import_killed_at_any_moment_leaves_the_old_instance_or_the_new_one() {
    let d = tempfile::tempdir().unwrap();
    let book = root().join("instances/mall/mall.xlsx").display().to_string();
    let args = ["import", "roster", book.as_str(), "--out", "round.json"];
    let took = duration_of(d.path(), &args);
    let new = fs::read(d.path().join("round.json")).unwrap();
    let old = b"{\"an\": \"older instance the coordinator keeps\"}\n".to_vec();
    for i in 0..24u32 {
        fs::write(d.path().join("round.json"), &old).unwrap();
        killed_after(d.path(), &args, took * (i * 5 / 4) / 24);
        let now = fs::read(d.path().join("round.json")).unwrap();
        assert!(now == old || now == new, "round.json is neither the old file nor the new one ({} bytes)", now.len());
    }
}

#[test]
fn a_file_size_limit_stops_every_writer_with_a_clear_error_and_keeps_the_old_output() {
    let d = tempfile::tempdir().unwrap();
    let inst = instance("uppsala-small.json");
    assert_eq!(run(d.path(), &["solve", inst.as_str(), "--out", "plan", "--quiet", "--seed", "2"]).0, 0);
    fs::write(d.path().join("round.json"), b"{\"old\": true}\n").unwrap();
    let before = (snapshot(&d.path().join("plan")), fs::read(d.path().join("round.json")).unwrap());
    let book = root().join("instances/mall/mall.xlsx").display().to_string();
    let bin = bin().display().to_string();
    // 2 KiB per file, as a full disk or a quota would stop the writes half way.
    for cmd in [
        format!("{bin} solve {inst} --out plan --quiet"),
        format!("{bin} replan {inst} --previous plan --today 2027-11-01 --out next --quiet"),
        format!("{bin} import roster {book} --out round.json"),
    ] {
        let out = Command::new("sh")
            .env("TRAPPA_LANG", "en")
            .current_dir(d.path())
            .args(["-c", &format!("ulimit -f 2; exec {cmd}")])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("cannot write") && err.contains("Nothing that was there before was changed"), "{cmd}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!((snapshot(&d.path().join("plan")), fs::read(d.path().join("round.json")).unwrap()), before);
    assert!(!d.path().join("next").exists());
    assert!(staging_left(d.path(), "plan").is_empty() && staging_left(d.path(), "next").is_empty());
    let temp_files: Vec<_> =
        fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().starts_with(".tmp")).collect();
    assert!(temp_files.is_empty(), "{temp_files:?}");
}

#[test]
fn a_place_that_cannot_be_written_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let inst = instance("uppsala-small.json");
    // /proc and /sys refuse new files even to root, where permission bits would not.
    for out in ["/proc/trappa/plan", "/sys/plan"] {
        let (code, err) = run(d.path(), &["solve", inst.as_str(), "--out", out, "--quiet"]);
        assert_eq!(code, 2, "{out}: {err}");
        assert!(err.contains("cannot write") && err.contains("write elsewhere (--out)"), "{err}");
    }
}

#[test]
fn ctrl_c_returns_soon_with_the_best_timetable_so_far() {
    let d = tempfile::tempdir().unwrap();
    let inst = instance("gr-vt2027-kurser.json");
    let child = Command::new(bin())
        .current_dir(d.path())
        .args(["solve", inst.as_str(), "--out", "plan", "--quiet", "--time-limit", "600"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(8));
    kill(Pid::from_raw(child.id() as i32), Signal::SIGINT).unwrap();
    let asked = Instant::now();
    let out = child.wait_with_output().unwrap();
    let waited = asked.elapsed();
    assert_eq!(out.status.code(), Some(0));
    // Far inside the 600 s limit: the interrupt, not the clock, ended the run (the 2 s target
    // itself is measured outside the tests, where the machine's load is known).
    assert!(waited < Duration::from_secs(120), "took {waited:?} after Ctrl-C");
    let plan: Value = serde_json::from_slice(&fs::read(d.path().join("plan/plan.json")).unwrap()).unwrap();
    let sessions = plan["timetable"]["sessions"].as_array().unwrap();
    assert!(!sessions.is_empty(), "the interrupted run kept an empty timetable");
    assert_eq!(plan["timetable"]["status"]["stop_reason"], "avbruten (Ctrl-C)", "{}", plan["timetable"]["status"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("avbruten"));
    assert_whole_plan(&d.path().join("plan"), &inst);
}
