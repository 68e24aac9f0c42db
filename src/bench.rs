//! The timetable benchmark suite behind `trappa bench`: a manifest of rounds (generated or
//! files) and strategies, each run a child process of the trappa binary (`solve … --quiet`) so
//! that its wall time and peak memory are its own, every plan checked by [`crate::check`], and
//! the results as a Markdown table, CSV and JSON with a per-round gap diagnosis (plan side vs
//! bound side).

use crate::check;
use crate::format::plan::PlanFile;
use crate::generate::{self, GenOptions, GenRegion};
use crate::load;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Errors of the benchmark suite (all bad input or an unusable output directory).
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The manifest cannot be read or is not a suite.
    #[error("{path}: {message}")]
    Manifest {
        /// The manifest file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A generated round cannot be generated.
    #[error("round {round}: {message}")]
    Round {
        /// The round's name.
        round: String,
        /// What went wrong.
        message: String,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> BenchError + '_ {
    move |source| BenchError::Io { path: path.display().to_string(), source }
}

/// A benchmark manifest (`benches/suite.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// What the suite is for, in words.
    #[serde(default)]
    pub description: String,
    /// Time limit of every run, seconds (a round may set its own).
    pub time_limit_seconds: f64,
    /// A suite's own time limit (e.g. `{"quick": 10}`), before the rounds' and the default.
    #[serde(default)]
    pub suite_time_limit_seconds: BTreeMap<String, f64>,
    /// Seed of every solve.
    #[serde(default = "one")]
    pub seed: u64,
    /// Timetable strategies (`--timetable-strategy` names) every round runs under.
    pub strategies: Vec<String>,
    /// The rounds.
    pub rounds: Vec<RoundSpec>,
}

fn one() -> u64 {
    1
}

fn yes() -> bool {
    true
}

/// One round of a manifest: a generated round or an instance file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundSpec {
    /// Name in the results (unique).
    pub name: String,
    /// An instance file, relative to the manifest's directory.
    #[serde(default)]
    pub file: Option<PathBuf>,
    /// Options of `trappa generate`.
    #[serde(default)]
    pub generate: Option<GenerateSpec>,
    /// Suites the round belongs to (`quick`, `full`); empty: every suite.
    #[serde(default)]
    pub suites: Vec<String>,
    /// Strategies of this round instead of the manifest's (a round without courses needs one).
    #[serde(default)]
    pub strategies: Option<Vec<String>>,
    /// The round's optimum where it is known (proven by an exact run without a time limit):
    /// the diagnosis then splits the open gap between the plan side and the bound side.
    #[serde(default)]
    pub known_optimum: Option<f64>,
    /// Time limit of this round's runs instead of the manifest's, seconds (a suite's own limit
    /// and `--time-limit` come first).
    #[serde(default)]
    pub time_limit_seconds: Option<f64>,
}

/// The options of a generated round (`trappa generate`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenerateSpec {
    /// `gr`, `halland`, `jonkoping`, `uppsala` or `national`.
    pub region: String,
    /// Participants.
    pub participants: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Courses, trainers, venues and demand (default true: the suite is about timetables).
    #[serde(default = "yes")]
    pub courses: bool,
    /// One spring term (default true).
    #[serde(default = "yes")]
    pub term: bool,
    /// Leave out the group programmes.
    #[serde(default)]
    pub no_groups: bool,
    /// Mentees (default: the generator's).
    #[serde(default)]
    pub mentees: Option<usize>,
    /// Mentors (default: the generator's).
    #[serde(default)]
    pub mentors: Option<usize>,
}

impl GenerateSpec {
    /// The `trappa generate` command line of the round.
    pub fn command_line(&self) -> String {
        let mut s = format!("trappa generate --region {} --participants {} --seed {}", self.region, self.participants, self.seed);
        for (on, flag) in [(self.courses, "--courses"), (self.term, "--term"), (self.no_groups, "--no-groups")] {
            if on {
                let _ = write!(s, " {flag}");
            }
        }
        for (value, flag) in [(self.mentees, "--mentees"), (self.mentors, "--mentors")] {
            if let Some(v) = value {
                let _ = write!(s, " {flag} {v}");
            }
        }
        s
    }
}

/// Reads a manifest and checks it: unique round names, one source per round, known regions,
/// positive time limits, at least one strategy.
pub fn read_manifest(path: &Path) -> Result<Manifest, BenchError> {
    let bytes = load::json::read_bounded(path, load::limits::MAX_FILE_BYTES).map_err(io_error(path))?;
    let bad = |message: String| BenchError::Manifest { path: path.display().to_string(), message };
    let bytes = bytes.map_err(|p| bad(p.iter().map(|p| format!("{} ({})", p.message, p.action)).collect::<Vec<_>>().join("; ")))?;
    let text = String::from_utf8(bytes).map_err(|_| bad("not UTF-8 text: save the manifest as UTF-8".into()))?;
    let mut de = serde_json::Deserializer::from_str(&text);
    let manifest: Manifest = serde_path_to_error::deserialize(&mut de).map_err(|e| bad(format!("not a benchmark suite: {e}")))?;
    let positive = |t: f64| t.is_finite() && t > 0.0;
    if !positive(manifest.time_limit_seconds) || !manifest.suite_time_limit_seconds.values().all(|&t| positive(t)) {
        return Err(bad("time limits must be positive numbers of seconds".into()));
    }
    let mut names = std::collections::BTreeSet::new();
    for r in &manifest.rounds {
        if !names.insert(r.name.as_str()) {
            return Err(bad(format!("round {:?} appears twice", r.name)));
        }
        if r.file.is_some() == r.generate.is_some() {
            return Err(bad(format!("round {:?} needs exactly one of \"file\" and \"generate\"", r.name)));
        }
        if let Some(g) = &r.generate {
            region(g).map_err(|m| bad(format!("round {:?}: {m}", r.name)))?;
        }
        if r.time_limit_seconds.is_some_and(|t| !positive(t)) {
            return Err(bad(format!("round {:?}: time_limit_seconds must be a positive number", r.name)));
        }
        if r.strategies.as_ref().unwrap_or(&manifest.strategies).is_empty() {
            return Err(bad(format!("round {:?} has no strategy", r.name)));
        }
    }
    Ok(manifest)
}

fn region(g: &GenerateSpec) -> Result<GenRegion, String> {
    <GenRegion as clap::ValueEnum>::from_str(&g.region, true)
        .map_err(|_| format!("unknown region {:?} (gr, halland, jonkoping, uppsala, national)", g.region))
}

/// The rounds of a suite: those tagged with `suite` (or untagged); every round when `suite` is None.
pub fn select<'a>(manifest: &'a Manifest, suite: Option<&str>) -> Vec<&'a RoundSpec> {
    manifest.rounds.iter().filter(|r| suite.is_none_or(|s| r.suites.is_empty() || r.suites.iter().any(|t| t == s))).collect()
}

/// How a suite runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The trappa binary the runs are child processes of.
    pub exe: PathBuf,
    /// The manifest's directory (instance files are relative to it).
    pub base: PathBuf,
    /// The output directory: `instances/`, `runs/`, results.
    pub out: PathBuf,
    /// Overrides every time limit of the manifest, seconds.
    pub time_limit: Option<f64>,
    /// Runs at the same time (1 for clean wall and memory figures).
    pub jobs: usize,
}

/// The machine a suite ran on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Machine {
    /// Logical cores.
    pub cores: usize,
    /// Load averages (1, 5, 15 minutes) when the suite started.
    pub load_start: Option<[f64; 3]>,
    /// Load averages when it ended.
    pub load_end: Option<[f64; 3]>,
    /// When the suite started (UTC).
    pub started_utc: String,
    /// trappa's version.
    pub trappa_version: String,
}

/// One run: a round under a strategy.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunResult {
    /// The round.
    pub round: String,
    /// The timetable strategy.
    pub strategy: String,
    /// `timetable` (the timetable objective) or `mentorship` (a round without courses: the pairs' cost).
    pub objective_kind: String,
    /// The plan's objective.
    pub objective: Option<f64>,
    /// The plan's lower bound.
    pub bound: Option<f64>,
    /// Relative gap `(objective − bound) / objective`.
    pub gap: Option<f64>,
    /// `optimal` or `feasible`.
    pub optimality: Option<String>,
    /// Served / demanded by priority (`high`, `normal`, `low`).
    pub served_by_priority: BTreeMap<String, [usize; 2]>,
    /// Wall time of the child process, seconds.
    pub wall_seconds: f64,
    /// Peak resident memory of the child process, MB (None where the platform does not say).
    pub peak_memory_mb: Option<f64>,
    /// The child's exit code (None: killed by a signal).
    pub exit_code: Option<i32>,
    /// The checker's verdict: `valid`, `invalid: N (codes)`, or why there is no plan to check.
    pub checker_verdict: String,
    /// The checker's violations.
    pub checker_violations: usize,
    /// The objective the checker recomputed from the files.
    pub checker_objective: Option<f64>,
    /// Why the solver stopped, when plan.json says.
    pub stop_reason: Option<String>,
    /// Share of the objective a better plan of another strategy closes: `(objective − best plan) / objective`.
    pub plan_side: Option<f64>,
    /// Share of the objective a better bound of another strategy closes: `(best bound − bound) / objective`.
    pub bound_side: Option<f64>,
    /// The `trappa solve` command line.
    pub command: String,
}

/// A round's gap across strategies: the best plan against the best bound.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoundDiagnosis {
    /// The round.
    pub round: String,
    /// How the round was made (a `trappa generate` command line or the file).
    pub source: String,
    /// The least objective of a valid plan, and its strategy.
    pub best_plan: Option<(f64, String)>,
    /// The greatest bound, and its strategy.
    pub best_bound: Option<(f64, String)>,
    /// `(best plan − best bound) / best plan`.
    pub gap: Option<f64>,
    /// Where the gap of the round's best single run lies, in words.
    pub diagnosis: String,
}

/// The results of a suite.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BenchReport {
    /// The suite (`quick`, `full` or the manifest file).
    pub suite: String,
    /// The machine.
    pub machine: Machine,
    /// Every run, in manifest order.
    pub runs: Vec<RunResult>,
    /// One diagnosis per round.
    pub rounds: Vec<RoundDiagnosis>,
}

/// The load averages of `/proc/loadavg` (what `uptime` prints), None where there is no such file.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let v: Vec<f64> = text.split_whitespace().take(3).filter_map(|x| x.parse().ok()).collect();
    (v.len() == 3).then(|| [v[0], v[1], v[2]])
}

fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
}

/// A round ready to run: its instance file and strategies.
struct Prepared<'a> {
    spec: &'a RoundSpec,
    instance: PathBuf,
    source: String,
}

/// Writes the generated rounds to `out/instances/` and resolves the file rounds.
fn prepare<'a>(rounds: &[&'a RoundSpec], opts: &RunOptions) -> Result<Vec<Prepared<'a>>, BenchError> {
    let dir = opts.out.join("instances");
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut out = Vec::new();
    for spec in rounds {
        let (instance, source) = match (&spec.file, &spec.generate) {
            (Some(file), _) => {
                let path = opts.base.join(file);
                if !path.is_file() {
                    return Err(BenchError::Round { round: spec.name.clone(), message: format!("no instance file {}", path.display()) });
                }
                (path, file.display().to_string())
            }
            (None, Some(g)) => {
                let options = GenOptions {
                    region: region(g).map_err(|message| BenchError::Round { round: spec.name.clone(), message })?,
                    participants: g.participants,
                    mentees: g.mentees,
                    mentors: g.mentors,
                    mentor_capacity: None,
                    seed: g.seed,
                    courses: g.courses,
                    term: g.term,
                    no_groups: g.no_groups,
                };
                let file =
                    generate::generate(&options).map_err(|e| BenchError::Round { round: spec.name.clone(), message: e.to_string() })?;
                let path = dir.join(format!("{}.json", spec.name));
                let text = serde_json::to_string_pretty(&file)
                    .map_err(|e| BenchError::Round { round: spec.name.clone(), message: e.to_string() })?;
                std::fs::write(&path, text).map_err(io_error(&path))?;
                (path, g.command_line())
            }
            (None, None) => {
                return Err(BenchError::Round { round: spec.name.clone(), message: "neither \"file\" nor \"generate\"".into() })
            }
        };
        out.push(Prepared { spec, instance, source });
    }
    Ok(out)
}

/// Runs the selected rounds of a manifest under each strategy and checks every plan.
pub fn run_suite(manifest: &Manifest, suite: Option<&str>, label: &str, opts: &RunOptions) -> Result<BenchReport, BenchError> {
    let load_start = load_average();
    let started_utc = now_utc();
    let rounds = select(manifest, suite);
    if rounds.is_empty() {
        return Err(BenchError::Manifest { path: label.into(), message: "the suite has no round".into() });
    }
    let prepared = prepare(&rounds, opts)?;
    let runs_dir = opts.out.join("runs");
    std::fs::create_dir_all(&runs_dir).map_err(io_error(&runs_dir))?;
    let mut jobs: Vec<Job> = Vec::new();
    for p in &prepared {
        for strategy in p.spec.strategies.as_ref().unwrap_or(&manifest.strategies) {
            let limit = opts
                .time_limit
                .or_else(|| suite.and_then(|s| manifest.suite_time_limit_seconds.get(s).copied()))
                .or(p.spec.time_limit_seconds)
                .unwrap_or(manifest.time_limit_seconds);
            let stem = format!("{}--{}", p.spec.name, strategy);
            jobs.push(Job {
                round: p.spec.name.clone(),
                strategy: strategy.clone(),
                instance: p.instance.clone(),
                plan_dir: runs_dir.join(&stem),
                log: runs_dir.join(format!("{stem}.log")),
                seed: manifest.seed,
                limit,
            });
        }
    }
    let mut runs = run_jobs(&jobs, &opts.exe, opts.jobs.max(1))?;
    let rounds = diagnose(&prepared.iter().map(|p| (p.spec, p.source.clone())).collect::<Vec<_>>(), &mut runs);
    let machine = Machine {
        cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        load_start,
        load_end: load_average(),
        started_utc,
        trappa_version: crate::solve::backend::VERSION_TEXT.into(),
    };
    Ok(BenchReport { suite: label.into(), machine, runs, rounds })
}

/// One child run.
struct Job {
    round: String,
    strategy: String,
    instance: PathBuf,
    plan_dir: PathBuf,
    log: PathBuf,
    seed: u64,
    limit: f64,
}

impl Job {
    fn args(&self) -> Vec<String> {
        vec![
            "solve".into(),
            self.instance.display().to_string(),
            "--out".into(),
            self.plan_dir.display().to_string(),
            "--seed".into(),
            self.seed.to_string(),
            "--time-limit".into(),
            self.limit.to_string(),
            "--timetable-strategy".into(),
            self.strategy.clone(),
            "--quiet".into(),
        ]
    }
}

/// Runs the jobs, `jobs` at a time, results in job order.
fn run_jobs(list: &[Job], exe: &Path, jobs: usize) -> Result<Vec<RunResult>, BenchError> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: std::sync::Mutex<Vec<Option<Result<RunResult, BenchError>>>> = std::sync::Mutex::new(list.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(list.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(job) = list.get(i) else { break };
                let r = run_one(job, exe);
                if let Ok(mut guard) = results.lock() {
                    guard[i] = Some(r);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_default();
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(BenchError::Round { round: "?".into(), message: "a run did not finish".into() })))
        .collect()
}

/// What a measured child process did ([`measure`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Measurement {
    /// Its exit code (None: ended by a signal).
    pub exit_code: Option<i32>,
    /// Wall time from start to exit, seconds.
    pub wall_seconds: f64,
    /// Peak resident memory, kB (None where the platform does not say).
    pub peak_kb: Option<u64>,
    /// True when the watchdog killed it.
    pub killed: bool,
}

/// Runs `exe args` as this process's only child (standard output and error into `log`), kills
/// it after `watchdog`, and measures its wall time and peak resident memory: as the only child,
/// `getrusage(RUSAGE_CHILDREN)` after it is reaped is its own. `trappa bench` runs each solve
/// under a `trappa bench-probe` process that calls this, so that runs never share the figure.
pub fn measure(exe: &Path, args: &[String], log: &Path, watchdog: Duration) -> std::io::Result<Measurement> {
    let out = std::fs::File::create(log)?;
    let err = out.try_clone()?;
    let started = Instant::now();
    let mut child = Command::new(exe).args(args).stdin(Stdio::null()).stdout(Stdio::from(out)).stderr(Stdio::from(err)).spawn()?;
    let mut killed = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if !killed && started.elapsed() > watchdog {
            child.kill()?;
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Measurement { exit_code: status.code(), wall_seconds: started.elapsed().as_secs_f64(), peak_kb: children_peak_kb(), killed })
}

#[cfg(unix)]
fn children_peak_kb() -> Option<u64> {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).ok()?;
    let rss = u64::try_from(usage.max_rss()).ok()?;
    // macOS reports bytes, Linux and the BSDs kilobytes.
    Some(if cfg!(target_os = "macos") { rss / 1024 } else { rss })
}

#[cfg(not(unix))]
fn children_peak_kb() -> Option<u64> {
    None
}

/// Runs one solve under a `trappa bench-probe` child (see [`measure`]) and checks its plan.
fn run_one(job: &Job, exe: &Path) -> Result<RunResult, BenchError> {
    let args = job.args();
    // A run that ignores its limit is stopped well after it: three times the limit plus a minute.
    let watchdog = job.limit * 3.0 + 60.0;
    let probe = Command::new(exe)
        .args(["bench-probe", "--log", &job.log.display().to_string(), "--watchdog", &watchdog.to_string(), "--"])
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .map_err(io_error(exe))?;
    let exit: Measurement = serde_json::from_slice(&probe.stdout).map_err(|e| BenchError::Round {
        round: job.round.clone(),
        message: format!("the measuring process failed ({e}): {}", String::from_utf8_lossy(&probe.stderr).trim()),
    })?;
    let command = format!("trappa {}", args.join(" "));
    let mut result = RunResult {
        round: job.round.clone(),
        strategy: job.strategy.clone(),
        objective_kind: "timetable".into(),
        objective: None,
        bound: None,
        gap: None,
        optimality: None,
        served_by_priority: BTreeMap::new(),
        wall_seconds: exit.wall_seconds,
        peak_memory_mb: exit.peak_kb.map(|kb| kb as f64 / 1024.0),
        exit_code: exit.exit_code,
        checker_verdict: String::new(),
        checker_violations: 0,
        checker_objective: None,
        stop_reason: exit.killed.then(|| format!("killed after {watchdog:.0} s")),
        plan_side: None,
        bound_side: None,
        command,
    };
    if exit.exit_code != Some(0) {
        let tail = std::fs::read_to_string(&job.log).unwrap_or_default();
        let last = tail.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string();
        result.checker_verdict = match exit.exit_code {
            Some(c) => format!("no plan: solve exited {c} ({last})"),
            None => "no plan: solve was killed".into(),
        };
        return Ok(result);
    }
    read_and_check(job, &mut result);
    Ok(result)
}

/// Reads the run's plan into the result and checks it against the instance.
fn read_and_check(job: &Job, result: &mut RunResult) {
    let plan_path = crate::files::plan_json_path(&job.plan_dir);
    let plan = match load::read_plan(&plan_path) {
        Ok(p) => p,
        Err(e) => {
            result.checker_verdict = format!("no plan: {e}");
            return;
        }
    };
    fill_from_plan(&plan, result);
    result.stop_reason = result.stop_reason.take().or_else(|| stop_reason(&plan_path));
    // The same bounded read as `solve` (at most `MAX_FILE_BYTES`, a workbook refused).
    let bytes = match load::read_instance_bytes(&job.instance) {
        Ok(b) => b,
        Err(e) => {
            result.checker_verdict = format!("not checked: {e}");
            return;
        }
    };
    let file = match load::parse_and_validate(&String::from_utf8_lossy(&bytes)) {
        Ok(f) => f,
        Err(problems) => {
            result.checker_verdict = format!("not checked: the instance has {} problem(s)", problems.len());
            return;
        }
    };
    let report = check::check(&file, &load::sha256_hex(&bytes), &plan);
    result.checker_violations = report.violations.len();
    result.checker_objective = if plan.timetable.is_some() { report.recomputed_timetable } else { Some(report.recomputed_cost) };
    result.checker_verdict = if report.is_valid() {
        "valid".into()
    } else {
        let mut codes: Vec<&str> = report.violations.iter().map(|v| v.code.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        format!("invalid: {} ({})", report.violations.len(), codes.join(", "))
    };
}

fn fill_from_plan(plan: &PlanFile, result: &mut RunResult) {
    match &plan.timetable {
        Some(t) => {
            result.objective = Some(t.objective.total);
            result.bound = t.status.bound;
            result.gap = t.status.gap;
            result.optimality = Some(optimality_name(t.status.optimality));
            result.served_by_priority = t.objective.coverage.iter().map(|(k, c)| (k.clone(), [c.served, c.demanded])).collect();
        }
        None => {
            result.objective_kind = "mentorship".into();
            result.objective = Some(plan.objective.cost);
            result.bound = plan.status.bound;
            result.gap = plan.status.gap;
            result.optimality = Some(optimality_name(plan.status.optimality));
        }
    }
}

fn optimality_name(o: crate::format::plan::Optimality) -> String {
    serde_json::to_value(o).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A `stop_reason` in plan.json (the timetable's status, the plan's status or the run), if any.
fn stop_reason(plan_path: &Path) -> Option<String> {
    let bytes = load::json::read_bounded(plan_path, load::limits::MAX_FILE_BYTES).ok()?.ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let found = [&v["timetable"]["status"]["stop_reason"], &v["status"]["stop_reason"], &v["run"]["stop_reason"]]
        .into_iter()
        .find_map(|x| x.as_str().map(str::to_string));
    found
}

/// Fills each run's plan side and bound side, and returns one diagnosis per round.
fn diagnose(rounds: &[(&RoundSpec, String)], runs: &mut [RunResult]) -> Vec<RoundDiagnosis> {
    let mut out = Vec::new();
    for (spec, source) in rounds {
        let name = &spec.name;
        let mine = || runs.iter().filter(|r| &r.round == name && r.checker_verdict == "valid");
        let best_plan = mine().filter_map(|r| r.objective.map(|o| (o, r.strategy.clone()))).min_by(|a, b| a.0.total_cmp(&b.0));
        let best_bound = mine().filter_map(|r| r.bound.map(|b| (b, r.strategy.clone()))).max_by(|a, b| a.0.total_cmp(&b.0));
        let gap = match (&best_plan, &best_bound) {
            (Some((p, _)), Some((b, _))) => Some(crate_gap(*p, *b)),
            _ => None,
        };
        for r in runs.iter_mut().filter(|r| &r.round == name && r.checker_verdict == "valid") {
            if let (Some(o), Some((p, _))) = (r.objective, &best_plan) {
                r.plan_side = Some(share(o - p, o));
            }
            if let (Some(o), Some(b), Some((bb, _))) = (r.objective, r.bound, &best_bound) {
                r.bound_side = Some(share(bb - b, o));
            }
        }
        let mut diagnosis = round_diagnosis(runs.iter().filter(|r| &r.round == name), gap);
        if let (Some(opt), Some((p, _)), Some((b, _))) = (spec.known_optimum, &best_plan, &best_bound) {
            let _ = write!(
                diagnosis,
                "; against the known optimum {opt:.0}: plan side {:.2} %, bound side {:.2} %",
                share(p - opt, *p) * 100.0,
                share(opt - b, *p) * 100.0
            );
        }
        out.push(RoundDiagnosis { round: name.clone(), source: source.clone(), best_plan, best_bound, gap, diagnosis });
    }
    out
}

fn share(part: f64, whole: f64) -> f64 {
    if whole.abs() < 1e-9 {
        0.0
    } else {
        (part / whole.abs()).max(0.0)
    }
}

fn crate_gap(plan: f64, bound: f64) -> f64 {
    share(plan - bound, plan)
}

/// Where the gap of the round's best single run lies: the part another strategy's plan closes
/// (plan side), the part another strategy's bound closes (bound side), and what stays open
/// between the best plan and the best bound.
fn round_diagnosis<'a>(runs: impl Iterator<Item = &'a RunResult>, gap: Option<f64>) -> String {
    let Some(open) = gap else { return "no valid plan with a bound".into() };
    let best = runs.filter_map(|r| Some((r, r.gap?, r.plan_side?, r.bound_side?))).min_by(|a, b| a.1.total_cmp(&b.1));
    let Some((r, own, plan, bound)) = best else { return "no run with a bound".into() };
    if own < 1e-9 {
        return format!("closed: {} proves its plan optimal", r.strategy);
    }
    let side = if plan < 1e-9 && bound < 1e-9 {
        format!("open: no other strategy's plan or bound narrows {}'s {:.2} %", r.strategy, own * 100.0)
    } else if bound >= plan {
        format!("bound side: another strategy's bound closes {:.2} % of {}'s {:.2} %", bound * 100.0, r.strategy, own * 100.0)
    } else {
        format!("plan side: another strategy's plan closes {:.2} % of {}'s {:.2} %", plan * 100.0, r.strategy, own * 100.0)
    };
    format!("{side}; {:.2} % between the best plan and the best bound", open * 100.0)
}

fn fmt_opt(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}")).unwrap_or_else(|| "-".into())
}

fn fmt_pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.2} %", x * 100.0)).unwrap_or_else(|| "-".into())
}

/// Served by priority as `high 10/10, normal 40/41, low 3/9`.
pub fn served_text(served: &BTreeMap<String, [usize; 2]>) -> String {
    if served.is_empty() {
        return "-".into();
    }
    ["high", "normal", "low"]
        .iter()
        .filter_map(|k| served.get(*k).map(|[s, d]| format!("{k} {s}/{d}")))
        .chain(served.iter().filter(|(k, _)| !["high", "normal", "low"].contains(&k.as_str())).map(|(k, [s, d])| format!("{k} {s}/{d}")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn load_text(l: Option<[f64; 3]>) -> String {
    l.map(|[a, b, c]| format!("{a:.2}, {b:.2}, {c:.2}")).unwrap_or_else(|| "unknown".into())
}

/// The results as Markdown: the machine, the runs table and the rounds' diagnoses.
pub fn markdown(report: &BenchReport) -> String {
    let m = &report.machine;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Suite `{}`, trappa {}, {}; {} cores; load average (1, 5, 15 min) {} at the start, {} at the end.\n",
        report.suite,
        m.trappa_version,
        m.started_utc,
        m.cores,
        load_text(m.load_start),
        load_text(m.load_end)
    );
    s.push_str("| round | strategy | objective | bound | gap | served by priority | wall s | peak MB | checker verdict | stop reason | plan side | bound side |\n");
    s.push_str("|---|---|---:|---:|---:|---|---:|---:|---|---|---:|---:|\n");
    for r in &report.runs {
        let objective = match r.objective_kind.as_str() {
            "timetable" => fmt_opt(r.objective, 0),
            _ => format!("{} (pairs)", fmt_opt(r.objective, 1)),
        };
        let gap = if r.optimality.as_deref() == Some("optimal") { "opt".to_string() } else { fmt_pct(r.gap) };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {:.1} | {} | {} | {} | {} | {} |",
            r.round,
            r.strategy,
            objective,
            fmt_opt(r.bound, 0),
            gap,
            served_text(&r.served_by_priority),
            r.wall_seconds,
            fmt_opt(r.peak_memory_mb, 0),
            r.checker_verdict.replace('|', "/"),
            r.stop_reason.as_deref().unwrap_or("-"),
            fmt_pct(r.plan_side),
            fmt_pct(r.bound_side)
        );
    }
    s.push_str("\n| round | made by | best plan | best bound | gap | diagnosis |\n|---|---|---:|---:|---:|---|\n");
    for d in &report.rounds {
        let who = |x: &Option<(f64, String)>| x.as_ref().map(|(v, st)| format!("{v:.0} ({st})")).unwrap_or_else(|| "-".into());
        let _ = writeln!(
            s,
            "| {} | `{}` | {} | {} | {} | {} |",
            d.round,
            d.source,
            who(&d.best_plan),
            who(&d.best_bound),
            fmt_pct(d.gap),
            d.diagnosis
        );
    }
    s
}

/// One CSV row (the columns of the Markdown table, numbers unformatted).
#[derive(Serialize)]
struct CsvRow<'a> {
    round: &'a str,
    strategy: &'a str,
    objective_kind: &'a str,
    objective: Option<f64>,
    bound: Option<f64>,
    gap: Option<f64>,
    served_by_priority: String,
    wall_seconds: f64,
    peak_memory_mb: Option<f64>,
    checker_verdict: &'a str,
    stop_reason: Option<&'a str>,
    plan_side: Option<f64>,
    bound_side: Option<f64>,
}

/// The runs as CSV (comma-separated, a header row).
pub fn csv(report: &BenchReport) -> Result<String, BenchError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: &dyn std::fmt::Display| BenchError::Manifest { path: "results.csv".into(), message: e.to_string() };
    for r in &report.runs {
        w.serialize(CsvRow {
            round: &r.round,
            strategy: &r.strategy,
            objective_kind: &r.objective_kind,
            objective: r.objective,
            bound: r.bound,
            gap: r.gap,
            served_by_priority: served_text(&r.served_by_priority),
            wall_seconds: (r.wall_seconds * 1000.0).round() / 1000.0,
            peak_memory_mb: r.peak_memory_mb.map(|m| (m * 10.0).round() / 10.0),
            checker_verdict: &r.checker_verdict,
            stop_reason: r.stop_reason.as_deref(),
            plan_side: r.plan_side,
            bound_side: r.bound_side,
        })
        .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

/// Replaces the lines between the line `<!-- bench:begin -->` and the next line
/// `<!-- bench:end -->` in `doc` (markers quoted inside a line do not count).
pub fn splice(doc: &str, table: &str) -> Option<String> {
    const BEGIN: &str = "<!-- bench:begin -->";
    const END: &str = "<!-- bench:end -->";
    let lines: Vec<&str> = doc.split_inclusive('\n').collect();
    let begin = lines.iter().position(|l| l.trim() == BEGIN)?;
    let end = begin + lines[begin..].iter().position(|l| l.trim() == END)?;
    let mut out: String = lines[..=begin].concat();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(table.trim_end());
    out.push('\n');
    out.push_str(&lines[end..].concat());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_between_the_markers() {
        let doc = "a\n<!-- bench:begin -->\nold\n<!-- bench:end -->\nb\n";
        assert_eq!(splice(doc, "new\n").unwrap(), "a\n<!-- bench:begin -->\nnew\n<!-- bench:end -->\nb\n");
        assert!(splice("no markers", "x").is_none());
        // Markers quoted inside a line are text, not markers.
        let quoted = "the `<!-- bench:begin -->` and `<!-- bench:end -->` markers\n<!-- bench:begin -->\n<!-- bench:end -->\n";
        assert_eq!(
            splice(quoted, "t").unwrap(),
            "the `<!-- bench:begin -->` and `<!-- bench:end -->` markers\n<!-- bench:begin -->\nt\n<!-- bench:end -->\n"
        );
    }

    #[test]
    fn served_lists_priorities_high_first() {
        let served: BTreeMap<String, [usize; 2]> =
            [("low".to_string(), [1, 2]), ("high".to_string(), [3, 3]), ("normal".to_string(), [4, 5])].into_iter().collect();
        assert_eq!(served_text(&served), "high 3/3, normal 4/5, low 1/2");
    }

    #[test]
    fn the_shipped_suite_is_a_valid_manifest_with_both_suites() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/suite.json");
        let m = read_manifest(&path).unwrap();
        let quick = select(&m, Some("quick"));
        let full = select(&m, Some("full"));
        assert!(!quick.is_empty() && full.len() > quick.len());
        for r in &m.rounds {
            if let Some(f) = &r.file {
                assert!(path.parent().unwrap().join(f).is_file(), "{}", f.display());
            }
        }
    }
}
