//! `trappa bench`: runs a benchmark suite (child processes of this binary), prints the results
//! table and writes `results.csv`, `results.json` and `results.md` in the output directory.

use super::super::CliError;
use crate::bench::{self, RunOptions};
use std::path::{Path, PathBuf};

/// The manifest of the built-in suites, relative to the repository root.
pub const SUITE_FILE: &str = "benches/suite.json";

/// The options of `trappa bench`.
#[derive(Debug, Clone)]
pub struct BenchArgs {
    /// `quick`, `full` or a manifest file.
    pub suite: String,
    /// Overrides every time limit of the suite, seconds.
    pub time_limit: Option<f64>,
    /// Output directory.
    pub out: PathBuf,
    /// Runs at the same time.
    pub jobs: usize,
    /// A Markdown file whose `<!-- bench:begin -->`…`<!-- bench:end -->` part gets the results.
    pub markdown: Option<PathBuf>,
}

fn usage(e: impl std::fmt::Display) -> CliError {
    CliError::Usage(e.to_string())
}

/// Runs `trappa bench`.
pub fn run(args: &BenchArgs) -> Result<(), CliError> {
    if let Some(t) = args.time_limit {
        if !(t.is_finite() && t > 0.0) {
            return Err(usage(format!("--time-limit must be a positive number of seconds, got {t}")));
        }
    }
    if args.jobs == 0 {
        return Err(usage("--jobs must be at least 1"));
    }
    let (manifest_path, suite) = match args.suite.as_str() {
        "quick" | "full" => (PathBuf::from(SUITE_FILE), Some(args.suite.as_str())),
        file => (PathBuf::from(file), None),
    };
    if !manifest_path.is_file() {
        return Err(usage(format!(
            "no benchmark manifest {}: run `trappa bench` from the repository root, or pass --suite FILE",
            manifest_path.display()
        )));
    }
    let manifest = bench::read_manifest(&manifest_path).map_err(usage)?;
    if let Some(doc) = &args.markdown {
        // Fail before hours of runs, not after.
        read_markers(doc)?;
    }
    let base = manifest_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    let exe = std::env::current_exe().map_err(|e| usage(format!("cannot find the trappa binary: {e}")))?;
    let opts = RunOptions { exe, base, out: args.out.clone(), time_limit: args.time_limit, jobs: args.jobs };
    let report = bench::run_suite(&manifest, suite, &args.suite, &opts).map_err(usage)?;
    let table = bench::markdown(&report);
    print!("{table}");
    let json = serde_json::to_string_pretty(&report).map_err(usage)? + "\n";
    super::super::write_file_atomic(&args.out.join("results.json"), json.as_bytes())?;
    super::super::write_file_atomic(&args.out.join("results.csv"), bench::csv(&report).map_err(usage)?.as_bytes())?;
    super::super::write_file_atomic(&args.out.join("results.md"), table.as_bytes())?;
    println!("Results written to {}", args.out.display());
    if let Some(doc) = &args.markdown {
        let text = read_markers(doc)?;
        let spliced = bench::splice(&text, &table).ok_or_else(|| usage(format!("{}: the markers went missing", doc.display())))?;
        super::super::write_file_atomic(doc, spliced.as_bytes())?;
        println!("Table written into {}", doc.display());
    }
    Ok(())
}

/// The document `--markdown` names, which must hold the begin and end markers.
fn read_markers(doc: &Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(doc).map_err(|e| usage(format!("cannot read {}: {e}", doc.display())))?;
    if bench::splice(&text, "").is_none() {
        return Err(usage(format!("{} has no `<!-- bench:begin -->` … `<!-- bench:end -->` markers for the table", doc.display())));
    }
    Ok(text)
}

/// The hidden `trappa bench-probe`: runs `trappa ARGS` as its only child and prints the
/// [`bench::Measurement`] as JSON.
pub fn probe(log: &Path, watchdog: f64, args: &[String]) -> Result<(), CliError> {
    if !(watchdog.is_finite() && watchdog > 0.0) {
        return Err(usage(format!("--watchdog must be a positive number of seconds, got {watchdog}")));
    }
    let exe = std::env::current_exe().map_err(|e| usage(format!("cannot find the trappa binary: {e}")))?;
    let m = bench::measure(&exe, args, log, std::time::Duration::from_secs_f64(watchdog))
        .map_err(|e| usage(format!("cannot run trappa {}: {e}", args.join(" "))))?;
    println!("{}", serde_json::to_string(&m).map_err(usage)?);
    Ok(())
}
