//! trappa plans regional competence-development programmes for social workers in child and
//! youth welfare: mentor–mentee pairs with their meeting series (exact assignment), checked by
//! an independent checker, written as JSON, CSV and iCalendar files.
//!
//! Reading is parse → validate → build ([`load::read_instance`]); solving works on the
//! validated [`model::Instance`]; [`check`] re-verifies a plan from the files alone.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod anonymise;
pub mod bench;
pub mod check;
pub mod cli;
pub mod cost;
pub mod diff;
pub mod files;
pub mod format;
pub mod generate;
pub mod load;
pub mod model;
pub mod replan;
pub mod report;
pub mod roster;
pub mod rules;
pub mod serve;
pub mod solve;
pub mod text;
pub mod write;

/// trappa's version, written into every plan.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
