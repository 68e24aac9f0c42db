//! The long fuzz run of trappa's readers (see `docs/fuzzing.md`).
//!
//! ```text
//! cargo run --profile test --example fuzz -- [--seconds S] [--iterations N] [--readers instance,plan,roster,benchmark]
//!                                           [--seed N] [--from N] [--batch N] [--out DIR]
//! cargo run --profile test --example fuzz -- --replay READER SEED ITERATION [--out DIR]
//! cargo run --profile test --example fuzz -- --corpus DIR COUNT [--seed N]
//! ```
//!
//! `--iterations N` is the end (exclusive) of the iterations run; `--from N` their start.
//!
//! The parent splits each reader's iterations into batches and runs every batch in a child
//! process limited to 2 GiB of address space (`RLIMIT_AS`), so an allocation over 2 GiB
//! aborts the child instead of the machine. The child reports each iteration before it starts
//! it (on stderr), so a child that aborts or does not finish within its watchdog names the
//! input; the parent keeps it and goes on after it. Findings (panics, hangs over 5 s, errors
//! without a code or a position, plans the checker rejects, aborts) are written to `--out`
//! (default `target/fuzz-findings`) as the input and a `.txt` with what happened.

#[path = "../tests/fuzz_harness/mod.rs"]
mod fuzz_harness;

use fuzz_harness::{Finding, Input, Reader, Seeds, Settings, Stats};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The address-space limit of a child.
const ADDRESS_SPACE: u64 = 2 << 30;

fn main() -> ExitCode {
    // The harness recognises a problem's place by the English catalogue's words ("row",
    // "column", "missing sheet"), as the smoke run in tests/fuzz.rs does; both catalogues
    // give every message the same arguments (tests/text.rs).
    trappa::text::set_lang(trappa::text::Lang::En);
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fuzz: {e}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name`, parsed.
fn opt<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).map(Some).ok_or_else(|| format!("{name} needs a value")),
    }
}

fn settings(out: &Path) -> Settings {
    Settings { solve_every: 50, solve_max_people: 80, workdir: out.join(format!("work-{}", std::process::id())) }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let out: PathBuf = opt(args, "--out")?.unwrap_or_else(|| fuzz_harness::root().join("target/fuzz-findings"));
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let reader_at = |i: usize| args.get(i).and_then(|r| Reader::by_name(r)).ok_or("READER is instance, plan, roster or benchmark");
    let number_at = |i: usize| args.get(i).and_then(|n| n.parse::<u64>().ok()).ok_or("SEED and ITERATION are numbers");
    if let Some(i) = args.iter().position(|a| a == "--worker") {
        // --worker READER SEED FROM TO
        return worker(reader_at(i + 1)?, number_at(i + 2)?, number_at(i + 3)?..number_at(i + 4)?, &out);
    }
    if let Some(i) = args.iter().position(|a| a == "--replay") {
        let (reader, seed, iteration) = (reader_at(i + 1)?, number_at(i + 2)?, number_at(i + 3)?);
        let seeds = Seeds::load();
        let input = seeds.input(reader, seed, iteration);
        let answer = fuzz_harness::run_one(reader, &input, &settings(&out), true);
        println!("{} seed {seed} iteration {iteration}: {answer:?}", reader.name());
        println!("input kept at {}", keep(&out, reader, seed, iteration, &input, &format!("{answer:?}")).display());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(i) = args.iter().position(|a| a == "--corpus") {
        // --corpus DIR COUNT: the first COUNT inputs of every reader, as files to give the CLI.
        let dir = PathBuf::from(args.get(i + 1).ok_or("--corpus needs a directory")?);
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let (count, seed) = (number_at(i + 2)?, opt(args, "--seed")?.unwrap_or(1));
        let seeds = Seeds::load();
        for reader in Reader::ALL {
            for k in 0..count {
                keep(&dir, reader, seed, k, &seeds.input(reader, seed, k), "corpus");
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let readers: Vec<Reader> = match opt::<String>(args, "--readers")? {
        Some(list) => list.split(',').map(|r| Reader::by_name(r).ok_or(format!("unknown reader {r}"))).collect::<Result<_, _>>()?,
        None => Reader::ALL.to_vec(),
    };
    let seconds: Option<f64> = opt(args, "--seconds")?;
    let iterations: u64 = opt(args, "--iterations")?.unwrap_or(if seconds.is_some() { u64::MAX } else { 10_000 });
    let seed: u64 = opt(args, "--seed")?.unwrap_or(1);
    let batch: u64 = opt(args, "--batch")?.unwrap_or(20_000);
    // `--from N` starts at iteration N, so a long run can be continued or split across
    // processes: each iteration's input depends only on the reader, the seed and N.
    let first: u64 = opt(args, "--from")?.unwrap_or(0);
    let per_reader = seconds.map(|s| Duration::from_secs_f64(s / readers.len() as f64));
    let mut total_findings = 0;
    for reader in readers {
        total_findings += parent(reader, seed, first..iterations, per_reader, batch, &out)?;
    }
    Ok(if total_findings == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Keeps a finding's input (a file, or a directory of roster files) and what happened.
fn keep(out: &Path, reader: Reader, seed: u64, iteration: u64, input: &Input, what: &str) -> PathBuf {
    let stem = out.join(format!("{}-s{seed}-i{iteration}", reader.name()));
    let path = match input {
        Input::File(bytes) => {
            let path = stem.with_extension(if reader == Reader::Benchmark { "txt" } else { "json" });
            let _ = fs::write(&path, bytes);
            path
        }
        Input::Files(files) => {
            let _ = fuzz_harness::write_files(&stem, files);
            stem.clone()
        }
    };
    let _ = fs::write(stem.with_extension("finding.txt"), format!("{what}\n"));
    path
}

/// A child: iterations `range` of one reader under the address-space limit. Writes each
/// iteration to stderr before it starts it, findings to `out`, and its counts to stdout.
fn worker(reader: Reader, seed: u64, range: std::ops::Range<u64>, out: &Path) -> Result<ExitCode, String> {
    #[cfg(unix)]
    nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_AS, ADDRESS_SPACE, ADDRESS_SPACE)
        .map_err(|e| format!("setrlimit: {e}"))?;
    std::panic::set_hook(Box::new(|_| {}));
    let seeds = Seeds::load();
    let settings = settings(out);
    let mut findings = 0;
    let mut err = std::io::stderr();
    let mut stats = Stats::default();
    for i in range {
        let _ = writeln!(err, "{i}");
        let part = fuzz_harness::run_range(&seeds, reader, seed, i..i + 1, &settings, |i, input, f: &Finding| {
            findings += 1;
            keep(out, reader, seed, i, input, &format!("{}: {}", f.kind, f.detail));
        });
        stats.executions += part.executions;
        stats.accepted += part.accepted;
        stats.solved += part.solved;
        stats.slowest = stats.slowest.max(part.slowest);
    }
    let _ = fs::remove_dir_all(&settings.workdir);
    let max_rss_kib = peak_kib();
    println!("{} {} {} {} {:.3} {}", stats.executions, stats.accepted, stats.solved, findings, stats.slowest, max_rss_kib);
    Ok(ExitCode::SUCCESS)
}

/// This process's peak resident set, KiB.
fn peak_kib() -> i64 {
    #[cfg(unix)]
    {
        nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_SELF).map(|u| u.max_rss()).unwrap_or(0)
    }
    #[cfg(not(unix))]
    0
}

/// Totals of one reader over all its batches.
#[derive(Default)]
struct Totals {
    executions: u64,
    accepted: u64,
    solved: u64,
    findings: u64,
    slowest: f64,
    peak_kib: i64,
    children: u64,
}

/// What a child did: its counts, or the iteration it was on when it aborted or hung.
enum Child {
    Done([f64; 6]),
    Died { at: u64, why: String },
}

/// Runs iterations `from..to` in a child, killed after `watchdog`.
fn child(reader: Reader, seed: u64, from: u64, to: u64, out: &Path, watchdog: Duration) -> Result<Child, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let log = out.join(format!("{}-progress.log", reader.name()));
    let progress = fs::File::create(&log).map_err(|e| e.to_string())?;
    let mut c = Command::new(exe)
        .args(["--worker", reader.name(), &seed.to_string(), &from.to_string(), &to.to_string(), "--out"])
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(progress)
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = c.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        // The watchdog counts the child's processor time, so a child starved by a loaded
        // machine is not taken for a hang; a child blocked without using the processor is
        // stopped at ten times the watchdog of wall time.
        if cpu_seconds(c.id()).map_or(started.elapsed() > watchdog, |cpu| cpu > watchdog.as_secs_f64()) || started.elapsed() > watchdog * 10
        {
            let _ = c.kill();
            let _ = c.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let last =
        fs::read_to_string(&log).unwrap_or_default().lines().filter_map(|l| l.trim().parse::<u64>().ok()).next_back().unwrap_or(from);
    let mut text = String::new();
    if let Some(mut o) = c.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut o, &mut text);
    }
    match status {
        Some(s) if s.success() => {
            let v: Vec<f64> = text.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            let counts: [f64; 6] = v.try_into().map_err(|_| format!("a child wrote {text:?}"))?;
            Ok(Child::Done(counts))
        }
        Some(s) => {
            Ok(Child::Died { at: last, why: format!("the child ended with {s} (an abort: e.g. an allocation over the 2 GiB limit)") })
        }
        None => Ok(Child::Died { at: last, why: format!("hang: no answer within the {} s watchdog", watchdog.as_secs()) }),
    }
}

/// Processor time (user + system) a running process has used, from `/proc/PID/stat` (in
/// clock ticks of 1/100 s, the fixed `USER_HZ` of Linux); None where it cannot be read.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|x| x.parse::<f64>().ok());
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// The batches of one reader; returns the number of findings.
fn parent(reader: Reader, seed: u64, range: std::ops::Range<u64>, budget: Option<Duration>, batch: u64, out: &Path) -> Result<u64, String> {
    let started = Instant::now();
    let mut t = Totals::default();
    let iterations = range.end;
    let mut next = range.start;
    let mut size = batch.min(200);
    let mut seeds: Option<Seeds> = None;
    while next < iterations && budget.is_none_or(|b| started.elapsed() < b) {
        let (from, to) = (next, next.saturating_add(size).min(iterations));
        let batch_started = Instant::now();
        let watchdog = Duration::from_secs(60).max(Duration::from_secs_f64(30.0 + 0.05 * (to - next) as f64));
        t.children += 1;
        match child(reader, seed, next, to, out, watchdog)? {
            Child::Done([executions, accepted, solved, findings, slowest, kib]) => {
                t.executions += executions as u64;
                t.accepted += accepted as u64;
                t.solved += solved as u64;
                t.findings += findings as u64;
                t.slowest = t.slowest.max(slowest);
                t.peak_kib = t.peak_kib.max(kib as i64);
                next = to;
            }
            Child::Died { at, why } => {
                eprintln!("{} iteration {at}: {why}", reader.name());
                let seeds = seeds.get_or_insert_with(Seeds::load);
                keep(out, reader, seed, at, &seeds.input(reader, seed, at), &why);
                t.executions += at + 1 - next;
                t.findings += 1;
                next = at + 1;
            }
        }
        // Batches of about 20 s each, so that a long run is cut into many children.
        let rate = (next - from) as f64 / batch_started.elapsed().as_secs_f64().max(1e-3);
        size = ((rate * 20.0) as u64).clamp(50, batch.max(50));
        eprintln!(
            "{}: {} executions ({} accepted, {} solved and checked), {} findings, slowest {:.2} s, peak {} MiB, {:.0} s",
            reader.name(),
            t.executions,
            t.accepted,
            t.solved,
            t.findings,
            t.slowest,
            t.peak_kib / 1024,
            started.elapsed().as_secs_f64()
        );
    }
    let _ = fs::remove_file(out.join(format!("{}-progress.log", reader.name())));
    let summary: BTreeMap<&str, String> = [
        ("reader", reader.name().to_string()),
        ("first_iteration", range.start.to_string()),
        ("executions", t.executions.to_string()),
        ("accepted", t.accepted.to_string()),
        ("solved_and_checked", t.solved.to_string()),
        ("findings", t.findings.to_string()),
        ("slowest_s", format!("{:.3}", t.slowest)),
        ("peak_rss_mib", (t.peak_kib / 1024).to_string()),
        ("children", t.children.to_string()),
        ("seconds", format!("{:.0}", started.elapsed().as_secs_f64())),
    ]
    .into_iter()
    .collect();
    println!("{}", serde_json::to_string(&summary).map_err(|e| e.to_string())?);
    Ok(t.findings)
}
