//! The `trappa` binary: a thin shell over [`trappa::cli`].

use clap::Parser;

fn main() {
    ignore_file_size_signal();
    let cli = trappa::cli::Cli::parse();
    if let Err(e) = trappa::cli::run(cli) {
        let code = e.exit_code();
        if code != 0 {
            trappa::cli::note(&format!("trappa: {e}"));
        }
        std::process::exit(code);
    }
}

/// A file-size limit (`ulimit -f`) or a quota would otherwise kill the process with SIGXFSZ in
/// the middle of a write; ignored, the write fails with an error trappa reports (exit 2), and
/// the staged output is removed while the old output stays as it was.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        use nix::sys::signal::{signal, SigHandler, Signal};
        // SAFETY: SIG_IGN installs no handler code; nothing else has set this signal yet.
        let _ = unsafe { signal(Signal::SIGXFSZ, SigHandler::SigIgn) };
    }
}
