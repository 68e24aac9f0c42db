//! The `trappa` binary: a thin shell over [`trappa::cli`].

use clap::Parser;

fn main() {
    let cli = trappa::cli::Cli::parse();
    if let Err(e) = trappa::cli::run(cli) {
        let code = e.exit_code();
        if code != 0 {
            trappa::cli::note(&format!("trappa: {e}"));
        }
        std::process::exit(code);
    }
}
