//! The command line: clap arguments → validated settings → commands → exit codes.
//!
//! Exit codes: 0 success; 1 the plan violates rules (check) ; 2 bad input or usage (the
//! message says what, where and what to do). Nothing is written when the input is bad.
//!
//! Output goes through [`say`] (standard output) and [`note`] (standard error): a reader that
//! stops early (`trappa diff … | head -1`) ends the command quietly with exit 0, never a panic.

pub mod commands;

use crate::check;
use crate::format::plan::PlanFile;
use crate::generate::{self, GenOptions, GenRegion};
use crate::load::{self, adapters, InputError};
use crate::solve::{self, strategy, GroupStrategy, MatchingStrategy, SolveParams, TimetableStrategy};
use crate::text::tr;
use crate::write;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// trappa plans regional competence-development programmes for social workers: mentor–mentee
/// pairs with monthly meeting series, proven optimal, checked independently.
#[derive(Debug, Parser)]
#[command(name = "trappa", version = crate::solve::backend::VERSION_TEXT, about, long_about = None)]
pub struct Cli {
    /// Language of what trappa writes for people: summaries, CSV headers, calendars, the
    /// report [default: sv, or the environment variable TRAPPA_LANG].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::text::Lang>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// trappa's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Solve a round: match mentors and mentees, date their meetings, write the plan directory.
    Solve {
        /// The instance file (JSON).
        instance: PathBuf,
        /// Output directory, written atomically. A plan directory trappa wrote there is replaced
        /// (unless someone put files of their own into it); any other directory is refused.
        #[arg(long, default_value = "plan")]
        out: PathBuf,
        /// Seed of all randomness; the same instance and seed give the same plan.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Time limit in seconds [default: none: every search stops at its fixed budget, so the
        /// same seed gives the same plan; the grouping MILP is cut off after 600 s].
        #[arg(long, value_name = "SECONDS")]
        time_limit: Option<f64>,
        /// Matching strategy (`exact` is proven optimal).
        #[arg(long, default_value = "exact", value_parser = strategy::parser::<MatchingStrategy>())]
        strategy: MatchingStrategy,
        /// Grouping strategy.
        #[arg(long, default_value = "auto", value_parser = strategy::parser::<GroupStrategy>())]
        group_strategy: GroupStrategy,
        /// Timetable strategy.
        #[arg(long, default_value = "auto", value_parser = strategy::parser::<TimetableStrategy>())]
        timetable_strategy: TimetableStrategy,
        /// Print the plan's summary only, no progress.
        #[arg(long)]
        quiet: bool,
    },
    /// Explain a participant's part of a plan: sessions, meetings, and why a demand is unserved.
    Explain {
        /// The instance file.
        instance: PathBuf,
        /// The plan directory or its plan.json.
        plan: PathBuf,
        /// The participant's id.
        #[arg(long)]
        participant: String,
    },
    /// Compare timetable (and grouping) strategies on one instance: objective, bound, gap and time.
    Compare {
        /// The instance file.
        instance: PathBuf,
        /// Comma-separated timetable strategies.
        #[arg(long, value_delimiter = ',', default_value = "milp,greedy,local-search,auto", value_parser = strategy::parser::<TimetableStrategy>())]
        strategies: Vec<TimetableStrategy>,
        /// Comma-separated grouping strategies to compare as well.
        #[arg(long, value_delimiter = ',', value_parser = strategy::parser::<GroupStrategy>())]
        group_strategies: Vec<GroupStrategy>,
        /// Time limit per strategy in seconds [default: none: each strategy stops at its fixed
        /// budget; the grouping MILP is cut off after 600 s].
        #[arg(long, value_name = "SECONDS")]
        time_limit: Option<f64>,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Run the benchmark suite: every round under each timetable strategy as a child process
    /// (wall time, peak memory), every plan checked; a table, results.csv and results.json.
    Bench {
        /// `quick` or `full` (rounds of benches/suite.json), or a manifest file.
        #[arg(long, default_value = "quick")]
        suite: String,
        /// Time limit of every run, seconds (default: the suite's).
        #[arg(long)]
        time_limit: Option<f64>,
        /// Output directory: generated instances, plans, logs and the results.
        #[arg(long, default_value = "bench-out")]
        out: PathBuf,
        /// Runs at the same time (1 keeps wall times and memory apart).
        #[arg(long, default_value_t = 1)]
        jobs: usize,
        /// Also write the results table into this Markdown file (between its bench markers).
        #[arg(long)]
        markdown: Option<PathBuf>,
    },
    /// Internal to `trappa bench`: run one command as the only child, print its wall time and
    /// peak memory as JSON.
    #[command(hide = true)]
    BenchProbe {
        /// Where the command's output goes.
        #[arg(long)]
        log: PathBuf,
        /// Kill the command after this many seconds.
        #[arg(long)]
        watchdog: f64,
        /// The trappa arguments of the command.
        #[arg(last = true, required = true)]
        args: Vec<String>,
    },
    /// Check a plan against its instance: every hard rule, and the objective recomputed.
    Check {
        /// The instance file.
        instance: PathBuf,
        /// The plan directory or its plan.json.
        plan: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Generate a realistic round from the bundled municipality data.
    Generate {
        /// Region.
        #[arg(long, value_enum, default_value = "gr")]
        region: GenRegion,
        /// Number of participants.
        #[arg(long, default_value_t = 300)]
        participants: usize,
        /// Participants in the practised phase who want a mentor (default about 23 %).
        #[arg(long)]
        mentees: Option<usize>,
        /// Number of mentors (default: enough for the mentees, plus 15 %).
        #[arg(long)]
        mentors: Option<usize>,
        /// Capacity of every mentor (default 1–3, mostly 2).
        #[arg(long)]
        mentor_capacity: Option<i64>,
        /// Seed; the same options and seed give the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Leave out the group programmes (supervision, research circle) and their leaders.
        #[arg(long)]
        no_groups: bool,
        /// Also generate courses, trainers, venues, individual plans and course history.
        #[arg(long)]
        courses: bool,
        /// Plan one term (spring, January–June) instead of a whole year.
        #[arg(long)]
        term: bool,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Convert a roster (spreadsheets) or an external benchmark file into an instance.
    Import {
        /// What to import.
        #[arg(value_enum)]
        kind: ImportKind,
        /// The file (for `roster`: an .xlsx workbook or a directory of .csv files).
        file: PathBuf,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// `roster` only: the rules file (default: regler.json beside the workbook or in the directory).
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Write an instance as a roster: an .xlsx workbook or a directory of .csv files, plus regler.json.
    Export {
        /// What to export.
        #[arg(value_enum)]
        kind: ExportKind,
        /// The instance file.
        instance: PathBuf,
        /// A path ending in .xlsx for a workbook, else a directory for CSV files.
        #[arg(long)]
        out: PathBuf,
        /// Where to write the rules file (default: regler.json beside the workbook or in the directory).
        #[arg(long)]
        rules_out: Option<PathBuf>,
    },
    /// Pseudonymise an instance for sharing: names and person ids replaced consistently.
    Anonymise {
        /// The instance file.
        instance: PathBuf,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Secret key of the pseudonyms: the same key gives the same file (default: a random key).
        #[arg(long)]
        key: Option<String>,
    },
    /// Write an instance file of an older format version (1) in the current one (2), beside
    /// it as X.v2.json unless --out is given; a current file is left alone.
    Upgrade {
        /// The instance file.
        instance: PathBuf,
        /// Output file (default: beside the instance, X.v2.json for X.json). An existing file
        /// is never replaced without --force.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Re-plan a round in progress after the instance changed, with the fewest people's
    /// dates changed: everything before --today is kept as it was.
    Replan {
        /// The changed instance file.
        instance: PathBuf,
        /// The previous plan (directory or plan.json).
        #[arg(long)]
        previous: PathBuf,
        /// The planning date (YYYY-MM-DD): activities before it are frozen.
        #[arg(long)]
        today: String,
        /// Output directory, written atomically; never the previous plan's [default: a new
        /// directory beside the previous plan, named after it and --today, e.g. plan-2027-03-01]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Weight of a changed person by role, e.g. `participant=1,mentor=1,trainer=2,leader=1`
        /// [default: 1 each].
        #[arg(long, value_name = "ROLE=WEIGHT,…")]
        change_weights: Option<String>,
        /// Print only the change summary.
        #[arg(long)]
        quiet: bool,
    },
    /// List the differences between two plans person by person: who must be told what.
    Diff {
        /// The earlier plan (directory or plan.json).
        a: PathBuf,
        /// The later plan.
        b: PathBuf,
        /// Only entries dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write an HTML report of a plan: figures, timeline, map, costs per municipality, calendars.
    Report {
        /// The plan directory or its plan.json.
        plan: PathBuf,
        /// Output file (written atomically).
        #[arg(long, default_value = "report.html")]
        out: PathBuf,
        /// The instance (default: instance.json in the plan directory, else the plan's instance.path).
        #[arg(long)]
        instance: Option<PathBuf>,
        /// How course costs are split between municipalities.
        #[arg(long, value_enum, default_value = "population")]
        cost_split: crate::report::html::CostSplit,
    },
    /// Start the coordinator's workplace in a browser: rounds, planning with progress, the
    /// report, downloads and re-planning (docs/serve.md).
    Serve {
        /// The data directory: the database and every version's files.
        #[arg(long, default_value = "trappa-data")]
        data: PathBuf,
        /// The address to listen on; any other than 127.0.0.1 (or ::1) needs a password.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// The password every page asks for.
        #[arg(long, conflicts_with = "password_file")]
        password: Option<String>,
        /// A file holding the password (its first line).
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the instance format (or the plan format).
    Schema {
        /// Which format.
        #[arg(value_enum, default_value = "instance")]
        which: SchemaKind,
    },
}

/// Importable benchmark formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportKind {
    /// OR-Library linear assignment (size n, then the n×n cost matrix).
    Assignment,
    /// MDGPLIB maximally diverse grouping (`n m ss|ds L1 U1 …`, then `i j d_ij` lines).
    Mdgp,
    /// A roster: an .xlsx workbook or a directory of .csv files (docs/roster.md).
    Roster,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportKind {
    /// A roster: an .xlsx workbook or a directory of .csv files, plus the rules file.
    Roster,
}

/// Schemas `trappa schema` prints.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// The instance file.
    Instance,
    /// The plan file.
    Plan,
}

/// A command's failure, mapped to an exit code by [`run`].
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or usage: exit 2.
    #[error("{0}")]
    Usage(String),
    /// The plan violates rules: exit 1 (the report was printed).
    #[error("the plan violates {0} rule(s)")]
    Violations(usize),
    /// Standard output was closed by its reader (`| head`): exit 0, nothing more to say.
    #[error("standard output closed")]
    OutputClosed,
}

impl CliError {
    /// The process exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Violations(_) => 1,
            CliError::OutputClosed => 0,
        }
    }
}

pub(crate) fn input_error(e: InputError) -> CliError {
    CliError::Usage(e.to_string())
}

/// Checks a solved plan while its files are rendered and written (the files do not depend on
/// the verdict). The independent checker sees the plan as `trappa check` will: a plan it
/// rejects is written (to be examined) but never passes with exit 0.
fn check_and_write(
    loaded: &load::LoadedInstance,
    plan: &PlanFile,
    bytes: Vec<u8>,
    out: &Path,
) -> (check::CheckReport, Result<(), write::OutputError>) {
    std::thread::scope(|scope| {
        let report = scope.spawn(|| check::check(&loaded.file, &loaded.sha256, plan));
        let written = write::render_plan_files(plan, &loaded.file, &loaded.model).and_then(|mut files| {
            // A copy of the instance makes the plan directory self-contained (report, replan, diff).
            files.insert(write::INSTANCE_COPY.into(), bytes);
            write::write_plan_dir(out, plan, &files)
        });
        (report.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), written)
    })
}

/// A flag that Ctrl-C sets: the solver stops and the best plan so far is written.
pub(crate) fn ctrl_c_flag() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    stop
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    set_language(cli.lang)?;
    // A version-1 instance read by a command is noted once on standard error (not with --quiet).
    let quiet = matches!(cli.command, Command::Solve { quiet: true, .. } | Command::Replan { quiet: true, .. });
    load::upgrade::announce_upgrades(!quiet);
    match cli.command {
        Command::Solve { instance, out, seed, time_limit, strategy, timetable_strategy, group_strategy, quiet } => {
            // The time limit counts from here: reading is inside it, writing in the solve's reserve.
            let clock = Instant::now();
            let time_limit = parse_time_limit(time_limit)?;
            write::check_plan_dir(&out).map_err(|e| CliError::Usage(e.to_string()))?;
            // When the plan is made (the calendars' DTSTAMP): a bad SOURCE_DATE_EPOCH is refused first.
            let created = write::plan::creation_time().map_err(|e| CliError::Usage(e.to_string()))?;
            // Ctrl-C: stop the search and write the best plan so far (atomically, as always).
            let stop = ctrl_c_flag();
            let progress = Progress::new(quiet);
            progress.stage(&tr!("progress-reading"));
            // Read once: the plan's SHA-256 and its instance.json copy are of the bytes planned.
            let bytes = load::read_instance_bytes(&instance).map_err(input_error)?;
            let loaded = load::load_instance_bytes(&bytes, &instance.display().to_string()).map_err(input_error)?;
            progress.stage(&tr!("progress-planning"));
            let progress_bar = progress.bar.clone();
            progress_bar
                .set_prefix(time_limit.map(|t| format!(" {}", tr!("progress-of-limit", seconds = t.as_secs_f64()))).unwrap_or_default());
            let observer = solve::Observer::new(move |e: &solve::ProgressEvent| progress_bar.set_message(progress_line(e)));
            let left = time_limit.map(|t| t.saturating_sub(clock.elapsed()));
            let params = SolveParams { strategy, seed, time_limit: left, timetable_strategy, group_strategy, stop, progress: observer };
            let mut solved = solve::solve(&loaded.model, &params).map_err(|e| CliError::Usage(e.to_string()))?;
            // The plan records the limit the user gave.
            solved.run.time_limit = time_limit;
            let mut plan = write::plan::plan_file(&loaded, &instance.display().to_string(), &solved);
            plan.run.created = Some(created);
            plan.calendar = Some(write::calendar::record(&plan, None, &loaded.file, &loaded.model));
            progress.stage(&tr!("progress-checking-writing"));
            let (report, written) = check_and_write(&loaded, &plan, bytes, &out);
            written.map_err(|e| CliError::Usage(e.to_string()))?;
            progress.finish();
            for line in crate::report::roles::role_notes(&loaded.model) {
                note(&tr!("summary-note", note = line.as_str()));
            }
            let said = say(&format!(
                "{}{}{}{}\n",
                crate::report::summary(&plan),
                crate::report::timetable_summary(&plan),
                crate::report::status_summary(&plan),
                tr!("solve-written", dir = out.display().to_string())
            ));
            // A closed output does not hide the verdict.
            if report.is_valid() {
                return said;
            }
            for v in &report.violations {
                note(&format!("{v}"));
            }
            note(&tr!("solve-rejected", n = report.violations.len(), dir = out.display().to_string()));
            Err(CliError::Violations(report.violations.len()))
        }
        Command::Replan { instance, previous, today, out, seed, change_weights, quiet } => {
            let weights = change_weights.unwrap_or_default();
            commands::replan::run_replan(&instance, &previous, &today, out.as_deref(), seed, &weights, quiet)
        }
        Command::Bench { suite, time_limit, out, jobs, markdown } => {
            commands::bench::run(&commands::bench::BenchArgs { suite, time_limit, out, jobs, markdown })
        }
        Command::BenchProbe { log, watchdog, args } => commands::bench::probe(&log, watchdog, &args),
        Command::Diff { a, b, from, json } => commands::replan::run_diff(&a, &b, from.as_deref(), json),
        Command::Check { instance, plan, json } => {
            let bytes = load::read_instance_bytes(&instance).map_err(input_error)?;
            let file = load::parse_and_validate_file(&bytes, &instance.display().to_string())
                .map_err(|problems| input_error(InputError::Invalid { path: instance.display().to_string(), problems }))?;
            let plan_path = crate::files::plan_json_path(&plan);
            let plan_file = read_plan(&plan_path)?;
            let report = check::check(&file, &load::sha256_hex(&bytes), &plan_file);
            let said = say(&check_text(&report, &plan_file, json));
            // A closed output does not hide the verdict: violations still exit 1.
            if report.is_valid() {
                said
            } else {
                Err(CliError::Violations(report.violations.len()))
            }
        }
        Command::Explain { instance, plan, participant } => {
            let loaded = load::read_instance(&instance).map_err(input_error)?;
            let plan_path = crate::files::plan_json_path(&plan);
            let plan_file = read_plan(&plan_path)?;
            let text = crate::report::explain_participant(&loaded.model, &plan_file, &participant).map_err(CliError::Usage)?;
            say(&text)
        }
        Command::Compare { instance, strategies, group_strategies, time_limit, seed } => {
            let time_limit = parse_time_limit(time_limit)?;
            let loaded = load::read_instance(&instance).map_err(input_error)?;
            say(&commands::compare::compare(&loaded, &strategies, seed, time_limit).map_err(|e| CliError::Usage(e.to_string()))?)?;
            if !group_strategies.is_empty() {
                say(&commands::compare::compare_groups(&loaded, &group_strategies, seed, time_limit)
                    .map_err(|e| CliError::Usage(e.to_string()))?)?;
            }
            Ok(())
        }
        Command::Generate { region, participants, mentees, mentors, mentor_capacity, seed, courses, term, no_groups, out } => {
            generate_sizes(participants, mentors, mentor_capacity)?;
            let file =
                generate::generate(&GenOptions { region, participants, mentees, mentors, mentor_capacity, seed, courses, term, no_groups })
                    .map_err(|e| CliError::Usage(e.to_string()))?;
            write_json(out.as_deref(), &file)
        }
        Command::Import { kind: ImportKind::Roster, file, out, rules } => {
            commands::roster::run_import(&file, rules.as_deref(), out.as_deref())
        }
        Command::Export { kind: ExportKind::Roster, instance, out, rules_out } => {
            commands::roster::run_export(&instance, &out, rules_out.as_deref())
        }
        Command::Anonymise { instance, out, key } => commands::anonymise::run(&instance, out.as_deref(), key.as_deref()),
        Command::Upgrade { instance, out, force } => commands::upgrade::run(&instance, out.as_deref(), force),
        Command::Import { kind, file, out, rules } => {
            if rules.is_some() {
                return Err(CliError::Usage("--rules applies to `trappa import roster` only".into()));
            }
            let bytes = read_benchmark_bytes(&file)?;
            let text = load::json::text_of(&bytes)
                .map_err(|problems| input_error(InputError::Invalid { path: file.display().to_string(), problems }))?;
            let name = file.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "benchmark".into());
            let instance = match kind {
                ImportKind::Assignment => {
                    let (n, costs) = adapters::parse_assignment(text).map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
                    adapters::assignment_instance(&name, n, &costs)
                }
                ImportKind::Mdgp => {
                    let problem = crate::load::mdgplib::parse_mdgplib(text).map_err(|e| {
                        let code = e.code();
                        CliError::Usage(format!("{}: {code} {}: {e}", file.display(), code.kind()))
                    })?;
                    adapters::mdgp_instance(&name, &problem)
                }
                ImportKind::Roster => return commands::roster::run_import(&file, None, out.as_deref()),
            };
            write_json(out.as_deref(), &instance)
        }
        Command::Report { plan, out, instance, cost_split } => {
            commands::report::run(&plan, &out, instance.as_deref(), crate::report::html::ReportOptions { cost_split })
        }
        Command::Serve { data, addr, password, password_file } => commands::serve::run(data, &addr, password, password_file.as_deref()),
        Command::Schema { which } => {
            let schema = match which {
                SchemaKind::Instance => schemars::schema_for!(crate::format::InstanceFile),
                SchemaKind::Plan => schemars::schema_for!(PlanFile),
            };
            say(&format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default()))
        }
    }
}

/// Sets the language of everything written for people: `--lang`, else `TRAPPA_LANG`, else Swedish.
fn set_language(lang: Option<crate::text::Lang>) -> Result<(), CliError> {
    let lang = match lang {
        Some(l) => l,
        None => crate::text::lang_from_env()
            .map_err(|v| CliError::Usage(crate::text::tr!("error-unknown-language", value = v)))?
            .unwrap_or_default(),
    };
    crate::text::set_lang(lang);
    Ok(())
}

/// Longest `--time-limit`, seconds (30 days; a deadline further away than the clock can
/// represent would overflow).
pub const MAX_TIME_LIMIT_SECONDS: f64 = 30.0 * 24.0 * 3600.0;

fn parse_time_limit(t: Option<f64>) -> Result<Option<Duration>, CliError> {
    match t {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            Err(CliError::Usage(format!("--time-limit must be a positive number of seconds, got {t}")))
        }
        Some(t) if t > MAX_TIME_LIMIT_SECONDS => Err(CliError::Usage(format!(
            "--time-limit {t} is over the limit MAX_TIME_LIMIT_SECONDS = {MAX_TIME_LIMIT_SECONDS} (30 days); give a shorter one"
        ))),
        Some(t) => Ok(Some(Duration::from_secs_f64(t))),
        None => Ok(None),
    }
}

/// The generator's sizes against the instance limits (docs/limits.md): a round it generates
/// must be one trappa reads.
fn generate_sizes(participants: usize, mentors: Option<usize>, mentor_capacity: Option<i64>) -> Result<(), CliError> {
    use load::limits::{MAX_MENTORS, MAX_MENTOR_CAPACITY, MAX_PARTICIPANTS};
    let over = |what: &str, n: String, limit: &str, value: String| {
        Err(CliError::Usage(format!("{what} {n} is over the limit {limit} = {value} (docs/limits.md)")))
    };
    if participants > MAX_PARTICIPANTS {
        return over("--participants", participants.to_string(), "MAX_PARTICIPANTS", MAX_PARTICIPANTS.to_string());
    }
    if let Some(m) = mentors.filter(|&m| m > MAX_MENTORS) {
        return over("--mentors", m.to_string(), "MAX_MENTORS", MAX_MENTORS.to_string());
    }
    if let Some(c) = mentor_capacity.filter(|&c| c > MAX_MENTOR_CAPACITY) {
        return over("--mentor-capacity", c.to_string(), "MAX_MENTOR_CAPACITY", MAX_MENTOR_CAPACITY.to_string());
    }
    Ok(())
}

fn write_json<T: serde::Serialize>(out: Option<&Path>, value: &T) -> Result<(), CliError> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| CliError::Usage(e.to_string()))?;
    text.push('\n');
    match out {
        None => say(&text),
        Some(path) => write_file_atomic(path, text.as_bytes()),
    }
}

/// The report of `trappa check`: JSON, or the violations and, for a valid plan, its figures.
fn check_text(report: &check::CheckReport, plan: &PlanFile, json: bool) -> String {
    use std::fmt::Write;
    if json {
        return format!("{}\n", serde_json::to_string_pretty(report).unwrap_or_default());
    }
    let mut text = String::new();
    for v in &report.violations {
        let _ = writeln!(text, "{v}");
    }
    if report.is_valid() {
        let groups: usize = plan.groups.iter().map(|g| g.groups.len()).sum();
        let line = tr!(
            "check-valid",
            pairs = plan.mentorship.pairs.len(),
            meetings = plan.mentorship.pairs.iter().map(|p| p.meetings.len()).sum::<usize>(),
            groups = groups,
            cost = format!("{:.3}", report.recomputed_cost + 0.0)
        );
        let _ = writeln!(text, "{line}");
        if let Some(t) = report.recomputed_timetable {
            let sessions = plan.timetable.as_ref().map(|t| t.sessions.len()).unwrap_or(0);
            let _ = writeln!(text, "{}", tr!("check-timetable-valid", sessions = sessions, objective = format!("{t:.3}")));
        }
    }
    text
}

/// Writes text to standard output. A reader that closed it (`| head`) ends the command with
/// [`CliError::OutputClosed`], exit 0; any other failure is a usage error.
pub fn say(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(CliError::OutputClosed),
        Err(e) => Err(CliError::Usage(tr!("cli-stdout-cannot-write", reason = crate::text::io_reason(&e)))),
    }
}

/// Writes a line to standard error (notes, progress words, the final error); a closed
/// standard error is ignored.
pub fn note(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Writes a file atomically ([`crate::files::write_file_atomic`]); a failure is a usage error.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    crate::files::write_file_atomic(path, bytes).map_err(|e| CliError::Usage(e.to_string()))
}

/// The bytes of a benchmark file for `trappa import`, read no further than
/// [`load::limits::MAX_FILE_BYTES`]; a failure is a usage error.
fn read_benchmark_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let name = path.display().to_string();
    load::json::read_bounded(path, load::limits::MAX_FILE_BYTES)
        .map_err(|e| CliError::Usage(format!("cannot read {name}: {e}")))?
        .map_err(|problems| input_error(InputError::Invalid { path: name, problems }))
}

/// Reads a plan ([`crate::load::read_plan`]); a failure is a usage error.
pub fn read_plan(path: &Path) -> Result<PlanFile, CliError> {
    load::read_plan(path).map_err(|e| CliError::Usage(e.to_string()))
}

/// The progress line of a solve's event (after the elapsed time and the limit): the part, the
/// finished part's objective and gap, and that Ctrl-C keeps the plan.
fn progress_line(e: &solve::ProgressEvent) -> String {
    let result = match (e.objective, e.gap) {
        (Some(o), Some(g)) => {
            format!(" – {}", tr!("progress-objective-gap", objective = format!("{o:.0}"), gap = format!("{:.1}", g * 100.0)))
        }
        (Some(o), None) => format!(" – {}", tr!("progress-objective", objective = format!("{o:.0}"))),
        _ => String::new(),
    };
    let part = match e.part {
        "kurstillfällen" => tr!("part-sessions"),
        "grupper" => tr!("part-groups"),
        "mentorskap och mötesdagar" => tr!("part-mentorship"),
        other => other.to_string(),
    };
    format!("{}{result} – {}", tr!("progress-part", part = part), tr!("progress-ctrl-c"))
}

/// A spinner on the terminal (hidden when stderr is not a terminal or with --quiet).
struct Progress {
    bar: indicatif::ProgressBar,
}

impl Progress {
    fn new(quiet: bool) -> Self {
        let bar = if quiet { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new_spinner() };
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {elapsed}{prefix} – {msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }
    fn stage(&self, msg: &str) {
        self.bar.set_message(msg.to_string());
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod progress_tests {
    use super::*;

    #[test]
    fn the_progress_line_names_the_part_its_result_and_that_ctrl_c_keeps_the_plan() {
        let e = solve::ProgressEvent { part: "kurstillfällen", objective: Some(1234.4), gap: Some(0.305) };
        assert_eq!(progress_line(&e), "planerar kurstillfällen – mål 1234, gap 30.5 % – Ctrl-C behåller den bästa planen");
        let e = solve::ProgressEvent { part: "grupper", objective: None, gap: None };
        assert_eq!(progress_line(&e), "planerar grupper – Ctrl-C behåller den bästa planen");
    }
}
