//! A `trappa serve` process for the tests that drive it over HTTP (tests/serve.rs,
//! tests/browser.rs).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `trappa serve`; killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Starts `trappa serve` on a free port with `data` and the `extra` arguments.
    pub fn start(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trappa"))
            .args(["serve", "--addr", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(extra)
            .env("TRAPPA_LANG", "sv")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("trappa serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("the address line");
        let base = line.trim().trim_end_matches('/').to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{line:?}");
        Server { child, base }
    }

    /// Kills the server (as a crash would).
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
