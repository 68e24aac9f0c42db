//! A structured mutation harness over trappa's readers, on stable Rust.
//!
//! Each execution takes a seed input (the instances of `instances/`, `instances/invalid/` and
//! `instances/mall/`, plans solved from them, the roster template and the benchmark files),
//! mutates it deterministically for `(seed, reader, iteration)` and gives it to one reader
//! in-process under `catch_unwind`, timing it. A finding is a panic, an input that took over
//! [`HANG`], an error without a code or a position, or an accepted instance whose small-budget
//! plan the independent checker rejects. Used by `tests/fuzz.rs` (smoke run and regressions)
//! and `examples/fuzz.rs` (the long run, in child processes under a 2 GiB address-space limit).

#![allow(dead_code)]

pub mod mutate;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use trappa::load::{self, InputError, PlanReadError, Problem, ValidationCode};

/// An input that takes longer than this is a hang.
pub const HANG: Duration = Duration::from_secs(5);

/// The readers fuzzed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// `load::load_instance_bytes`: UTF-8, structure scan, parse, validation, model, limits.
    Instance,
    /// `load::parse_plan`.
    Plan,
    /// `roster::import` of a CSV directory or an `.xlsx` workbook with `regler.json`.
    Roster,
    /// `load::mdgplib::parse_mdgplib` and `load::adapters::parse_assignment`.
    Benchmark,
}

impl Reader {
    /// Every reader.
    pub const ALL: [Reader; 4] = [Reader::Instance, Reader::Plan, Reader::Roster, Reader::Benchmark];

    /// Its name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Reader::Instance => "instance",
            Reader::Plan => "plan",
            Reader::Roster => "roster",
            Reader::Benchmark => "benchmark",
        }
    }

    /// The reader of a name.
    pub fn by_name(name: &str) -> Option<Reader> {
        Reader::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// One input: the bytes of a file, or the files of a roster (name, bytes).
#[derive(Debug, Clone)]
pub enum Input {
    /// A single file.
    File(Vec<u8>),
    /// Files written into one directory; the roster reader is given the workbook if there is
    /// one, else the directory.
    Files(Vec<(String, Vec<u8>)>),
}

/// What a reader answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The input was accepted (exit 0 on the command line).
    Accepted,
    /// The input was accepted, solved with a small budget and the plan checked.
    Solved,
    /// The input was refused with coded, located problems (exit 2).
    Refused,
}

/// Something wrong with how a reader answered.
#[derive(Debug, Clone)]
pub struct Finding {
    /// `panic`, `hang`, `uncoded` or `checker`.
    pub kind: &'static str,
    /// What happened.
    pub detail: String,
}

/// The seed inputs, read once.
pub struct Seeds {
    /// Instance files (valid and invalid).
    pub instances: Vec<Vec<u8>>,
    /// Plan files solved from the small instances.
    pub plans: Vec<Vec<u8>>,
    /// The roster template's CSV files and rules file (name, bytes).
    pub roster: Vec<(String, Vec<u8>)>,
    /// The template workbook.
    pub workbook: Vec<u8>,
    /// MDGPLIB files (a few) and the OR-Library assignment file.
    pub mdgp: Vec<Vec<u8>>,
    /// The OR-Library assignment file.
    pub assignment: Vec<u8>,
}

/// The crate's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a directory with one of the extensions, sorted by name.
fn files_in(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| exts.iter().any(|e| x == *e))).collect())
        .unwrap_or_default();
    out.sort();
    out
}

impl Seeds {
    /// Reads the seeds and solves the small instances (a short greedy solve) for plan seeds.
    pub fn load() -> Seeds {
        let r = root();
        let mut instances = Vec::new();
        for dir in ["instances", "instances/invalid", "instances/mall"] {
            instances.extend(files_in(&r.join(dir), &["json"]).iter().map(|p| fs::read(p).expect("seed readable")));
        }
        let plans = ["uppsala-small.json", "uppsala-small-pins.json", "liten-kursomgang.json", "mall/exempel.json"]
            .iter()
            .map(|f| plan_seed(&r.join("instances").join(f)))
            .collect();
        let roster = files_in(&r.join("instances/mall"), &["csv"])
            .into_iter()
            .chain([r.join("instances/mall/regler.json")])
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&p).expect("template readable")))
            .collect();
        let mdgp =
            files_in(&r.join("tests/data/mdgp/instances"), &["txt"]).iter().take(6).map(|p| fs::read(p).expect("readable")).collect();
        Seeds {
            instances,
            plans,
            roster,
            workbook: fs::read(r.join("instances/mall/mall.xlsx")).expect("template workbook"),
            mdgp,
            assignment: fs::read(r.join("tests/data/assign100.txt")).expect("assignment file"),
        }
    }

    /// The mutated input of one execution: deterministic in (seed, reader, iteration).
    pub fn input(&self, reader: Reader, seed: u64, iteration: u64) -> Input {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (reader as u64) << 56 ^ iteration.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let pick = |rng: &mut ChaCha8Rng, v: &[Vec<u8>]| v[rng.gen_range(0..v.len())].clone();
        match reader {
            Reader::Instance => Input::File(mutate::mutate_json(&pick(&mut rng, &self.instances), &mut rng)),
            Reader::Plan => Input::File(mutate::mutate_json(&pick(&mut rng, &self.plans), &mut rng)),
            Reader::Benchmark => {
                let mut b = if rng.gen_bool(0.5) { pick(&mut rng, &self.mdgp) } else { self.assignment.clone() };
                (0..rng.gen_range(1..4)).for_each(|_| mutate::mutate_bytes(&mut b, &mut rng));
                Input::File(b)
            }
            Reader::Roster => self.roster_input(&mut rng),
        }
    }

    /// A mutated roster: CSV cells, rows and columns, CSV bytes, the rules file, the workbook's
    /// bytes, or mutated tables written as a new workbook.
    fn roster_input(&self, rng: &mut ChaCha8Rng) -> Input {
        let mut files = self.roster.clone();
        let way = rng.gen_range(0..10);
        if way == 9 {
            let mut wb = self.workbook.clone();
            (0..rng.gen_range(1..4)).for_each(|_| mutate::mutate_bytes(&mut wb, rng));
            files.retain(|(n, _)| n == "regler.json");
            files.push(("mall.xlsx".into(), wb));
            return Input::Files(files);
        }
        for _ in 0..rng.gen_range(1..4) {
            let k = rng.gen_range(0..files.len());
            let (name, bytes) = &mut files[k];
            if name.ends_with(".json") {
                *bytes = mutate::mutate_json(bytes, rng);
            } else if way < 2 {
                mutate::mutate_bytes(bytes, rng);
            } else {
                let mut t = mutate::table_of(&String::from_utf8_lossy(bytes));
                mutate::mutate_table(&mut t, rng);
                *bytes = mutate::text_of_table(&t).into_bytes();
            }
        }
        if way >= 7 {
            return Input::Files(as_workbook(&files));
        }
        Input::Files(files)
    }
}

/// The tables of a CSV roster written as one workbook (numbers as numbers), beside its rules file.
fn as_workbook(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let mut out = Vec::new();
    for (name, bytes) in files {
        let Some(sheet_name) = name.strip_suffix(".csv") else {
            out.push((name.clone(), bytes.clone()));
            continue;
        };
        let sheet = wb.add_worksheet();
        let _ = sheet.set_name(sheet_name);
        let text = String::from_utf8_lossy(bytes);
        for (r, row) in mutate::table_of(text.trim_start_matches('\u{feff}')).iter().enumerate().take(1_000_000) {
            for (c, cell) in row.iter().enumerate().take(16_000) {
                let (r, c) = (r as u32, c as u16);
                let _ = match cell.parse::<f64>() {
                    Ok(x) if x.is_finite() => sheet.write_number(r, c, x).map(|_| ()),
                    _ => sheet.write_string(r, c, cell).map(|_| ()),
                };
            }
        }
    }
    match wb.save_to_buffer() {
        Ok(bytes) => {
            out.push(("omgång.xlsx".into(), bytes));
            out
        }
        // Tables a workbook cannot hold (e.g. over 16,384 columns) stay CSV files.
        Err(_) => files.to_vec(),
    }
}

/// A plan of an instance, solved quickly, as the JSON `trappa solve` writes.
fn plan_seed(path: &Path) -> Vec<u8> {
    let loaded = load::read_instance(path).expect("seed instance valid");
    let plan = solve_quickly(&loaded).expect("seed instance solvable");
    serde_json::to_vec_pretty(&trappa::write::plan::plan_file(&loaded, "round.json", &plan)).expect("plan serialises")
}

/// A solve with a small budget: greedy timetable, local-search groups, exact matching, 1 s.
fn solve_quickly(loaded: &load::LoadedInstance) -> Result<trappa::solve::Plan, trappa::solve::SolveError> {
    let params = trappa::solve::SolveParams {
        time_limit: Some(Duration::from_secs(1)),
        timetable_strategy: trappa::solve::TimetableStrategy::Greedy,
        group_strategy: trappa::solve::GroupStrategy::LocalSearch,
        ..Default::default()
    };
    trappa::solve::solve(&loaded.model, &params)
}

/// Every problem is coded with a code of `docs/errors.md` and located by a JSON path or a line
/// (a size limit over the whole file has neither, and names its limit instead).
fn problems_uncoded(problems: &[Problem]) -> Option<String> {
    if problems.is_empty() {
        return Some("refused without a problem".into());
    }
    let bad = problems.iter().find(|p| {
        !ValidationCode::ALL.contains(&p.code)
            || (p.line.is_none() && p.path.is_empty() && !(p.code == "E070" && p.message.contains("MAX_")))
    })?;
    Some(format!("a problem without a code or a position: {bad}"))
}

/// A roster problem names its file (and sheet) and either a code or a place in it (row,
/// column, line, JSON path), or the file, sheet or setting that is missing.
fn roster_uncoded(problems: &[String]) -> Option<String> {
    if problems.is_empty() {
        return Some("refused without a problem".into());
    }
    let file = |p: &str| [".csv", ".xlsx", ".xls", ".ods", ".json", "sheet "].iter().any(|x| p.contains(x));
    let coded = |p: &str| p.as_bytes().windows(4).any(|w| w[0] == b'E' && w[1..].iter().all(u8::is_ascii_digit));
    let place = |p: &str| ["row ", "line ", "column ", " at "].iter().any(|x| p.contains(x));
    let missing = |p: &str| ["missing file", "missing sheet", "missing setting"].iter().any(|x| p.contains(x));
    let bad = problems.iter().find(|p| !(missing(p) || (file(p) && (coded(p) || place(p)))))?;
    Some(format!("a roster problem without a code or a place: {bad}"))
}

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Solve (small budget) and check the accepted instances among every n-th input; 0 never.
    pub solve_every: u64,
    /// Only instances with at most this many participants and mentors are solved.
    pub solve_max_people: usize,
    /// A directory the roster inputs are written to (emptied before each input).
    pub workdir: PathBuf,
}

/// Counts of a run of one reader.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Inputs given to the reader.
    pub executions: u64,
    /// Inputs accepted.
    pub accepted: u64,
    /// Accepted instances solved and checked.
    pub solved: u64,
    /// The slowest input, seconds.
    pub slowest: f64,
}

/// Processor time (user + system) the process has used so far, where it can be read.
fn process_cpu() -> Option<Duration> {
    #[cfg(unix)]
    {
        use nix::sys::resource::{getrusage, UsageWho};
        let u = getrusage(UsageWho::RUSAGE_SELF).ok()?;
        let (user, system) = (u.user_time(), u.system_time());
        let micros = |t: nix::sys::time::TimeVal| t.tv_sec() as u64 * 1_000_000 + t.tv_usec() as u64;
        Some(Duration::from_micros(micros(user) + micros(system)))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Gives one input to a reader: its outcome, or a finding.
pub fn run_one(reader: Reader, input: &Input, settings: &Settings, solve: bool) -> Result<Outcome, Finding> {
    let started = Instant::now();
    let cpu_before = process_cpu();
    let result = catch_unwind(AssertUnwindSafe(|| answer(reader, input, settings, solve)));
    // A hang must last in wall time and in processor time (the lesser of the two counts), so
    // an input is not blamed for a loaded machine; an input that blocks without using the
    // processor is a hang at 12 times the limit.
    let wall = started.elapsed();
    let took = match (cpu_before, process_cpu()) {
        (Some(a), Some(b)) if wall < HANG * 12 => wall.min(b.saturating_sub(a)),
        _ => wall,
    };
    let outcome = match result {
        Ok(r) => r?,
        Err(payload) => {
            let message = payload.downcast_ref::<String>().cloned().or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()));
            return Err(Finding { kind: "panic", detail: message.unwrap_or_else(|| "a panic without a message".into()) });
        }
    };
    if took > HANG {
        return Err(Finding { kind: "hang", detail: format!("took {:.1} s", took.as_secs_f64()) });
    }
    Ok(outcome)
}

fn answer(reader: Reader, input: &Input, settings: &Settings, solve: bool) -> Result<Outcome, Finding> {
    let uncoded = |detail: String| Finding { kind: "uncoded", detail };
    match (reader, input) {
        (Reader::Instance, Input::File(bytes)) => match load::load_instance_bytes(bytes, "fuzz.json") {
            Ok(loaded) => {
                if solve && solve_and_check(&loaded, settings)? {
                    return Ok(Outcome::Solved);
                }
                Ok(Outcome::Accepted)
            }
            Err(InputError::Invalid { problems, .. }) => problems_uncoded(&problems).map_or(Ok(Outcome::Refused), |d| Err(uncoded(d))),
            Err(e) => Err(uncoded(format!("not a coded error: {e}"))),
        },
        (Reader::Plan, Input::File(bytes)) => match load::parse_plan(bytes, Path::new("plan.json")) {
            Ok(_) => Ok(Outcome::Accepted),
            Err(PlanReadError::NotAPlan { problems, .. }) => problems_uncoded(&problems).map_or(Ok(Outcome::Refused), |d| Err(uncoded(d))),
            Err(e) => Err(uncoded(format!("not a coded error: {e}"))),
        },
        (Reader::Benchmark, Input::File(bytes)) => {
            let text = String::from_utf8_lossy(bytes);
            let mdgp = load::mdgplib::parse_mdgplib(&text).map(|_| ()).map_err(|e| (e.code(), e.line()));
            let assignment = load::adapters::parse_assignment(&text).map(|_| ()).map_err(|e| (e.code, e.line));
            for (code, line) in [mdgp.err(), assignment.err()].into_iter().flatten() {
                if !ValidationCode::ALL.contains(&code) || line == 0 {
                    return Err(uncoded(format!("benchmark error {code} at line {line}")));
                }
            }
            Ok(if mdgp.is_ok() || assignment.is_ok() { Outcome::Accepted } else { Outcome::Refused })
        }
        (Reader::Roster, Input::Files(files)) => {
            let target = write_files(&settings.workdir, files).map_err(|e| Finding { kind: "setup", detail: e.to_string() })?;
            match trappa::roster::import(&target, None) {
                // What `import roster` writes, `solve` must read as it is; a small one is solved
                // and checked like an accepted instance.
                Ok(imported) => match load::load_instance_bytes(imported.json.as_bytes(), "round.json") {
                    Ok(loaded) if solve && solve_and_check(&loaded, settings)? => Ok(Outcome::Solved),
                    Ok(_) => Ok(Outcome::Accepted),
                    Err(e) => Err(Finding { kind: "import", detail: format!("the imported round is refused by solve: {e}") }),
                },
                Err(e) => roster_uncoded(&e.problems).map_or(Ok(Outcome::Refused), |d| Err(uncoded(d))),
            }
        }
        _ => Err(Finding { kind: "setup", detail: format!("no {} input of this shape", reader.name()) }),
    }
}

/// Writes a roster's files into an emptied `dir`: the workbook's path, or the directory.
pub fn write_files(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<PathBuf> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    let mut target = dir.to_path_buf();
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes)?;
        if name.ends_with(".xlsx") {
            target = dir.join(name);
        }
    }
    Ok(target)
}

/// Solves a small accepted instance with a small budget; the checker must accept the plan.
/// False when the instance is too large to solve here or the solver refuses it (pins that
/// cannot all hold).
fn solve_and_check(loaded: &load::LoadedInstance, settings: &Settings) -> Result<bool, Finding> {
    let people = loaded.file.participants.len() + loaded.file.mentors.len();
    if people > settings.solve_max_people {
        return Ok(false);
    }
    let Ok(plan) = solve_quickly(loaded) else { return Ok(false) };
    let file = trappa::write::plan::plan_file(loaded, "fuzz.json", &plan);
    let report = trappa::check::check(&loaded.file, &loaded.sha256, &file);
    if report.violations.is_empty() {
        return Ok(true);
    }
    let shown: Vec<String> = report.violations.iter().take(3).map(|v| format!("{v:?}")).collect();
    Err(Finding { kind: "checker", detail: format!("the checker rejects the solved plan: {}", shown.join("; ")) })
}

/// Runs iterations `from..to` of one reader; calls `found` with each finding and its input.
pub fn run_range(
    seeds: &Seeds,
    reader: Reader,
    seed: u64,
    range: std::ops::Range<u64>,
    settings: &Settings,
    mut found: impl FnMut(u64, &Input, &Finding),
) -> Stats {
    let mut stats = Stats::default();
    for i in range {
        let input = seeds.input(reader, seed, i);
        let solve = settings.solve_every > 0 && i % settings.solve_every == 0;
        let started = Instant::now();
        match run_one(reader, &input, settings, solve) {
            Ok(Outcome::Accepted) => stats.accepted += 1,
            Ok(Outcome::Solved) => {
                stats.accepted += 1;
                stats.solved += 1;
            }
            Ok(Outcome::Refused) => {}
            Err(f) => found(i, &input, &f),
        }
        stats.executions += 1;
        stats.slowest = stats.slowest.max(started.elapsed().as_secs_f64());
    }
    stats
}
