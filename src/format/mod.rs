//! The ground floor: the file types trappa reads and writes (serde + schemars), and nothing
//! else. Instance files ([`instance`], [`groups`]), plan files ([`plan`]) and the benchmark
//! formats' plain data ([`benchmark`]). This module imports nothing from the rest of the crate.

pub mod benchmark;
pub mod date;
pub mod groups;
pub mod instance;
pub mod plan;

pub use groups::*;
pub use instance::*;
