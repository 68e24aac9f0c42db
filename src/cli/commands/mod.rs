//! The commands' `run` functions that need more than a few lines: each reads its inputs, calls
//! the library and maps its errors to [`super::CliError`] (and so to exit codes).

pub mod anonymise;
pub mod bench;
pub mod compare;
pub mod replan;
pub mod report;
pub mod roster;
pub mod serve;
pub mod upgrade;
