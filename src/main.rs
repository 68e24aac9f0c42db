//! The `trappa` binary: a thin shell over [`trappa::cli`].

use clap::Parser;

fn main() {
    let cli = trappa::cli::Cli::parse();
    if let Err(e) = trappa::cli::run(cli) {
        eprintln!("trappa: {e}");
        std::process::exit(e.exit_code());
    }
}
