//! Course-session timetabling: which course runs on which days, where, taught by whom, and
//! which participants attend.
//!
//! The types of a timetable and its objective are in [`types`]; the strategies, chosen by
//! [`TimetableStrategy`], in [`strategies`]: `milp` (exact on small rounds, decomposed on large
//! ones), `greedy`, `local-search` (multi-start) and `auto`. All of them build on
//! [`state::State`], which applies the hard rules and keeps the objective up to date. This
//! module does not write files or check plans.

pub mod bound;
pub mod cadence;
pub mod explain;
pub mod greedy;
pub mod lns;
pub mod local_search;
pub mod milp;
pub mod milp_budget;
mod milp_calendar;
mod milp_strength;
pub mod pins;
pub mod state;
pub mod strategies;
pub mod types;

pub use strategies::{TimetableSolver, TimetableStrategy};
pub use types::{course_costs, evaluate, relative_gap, Context, CourseCost, Objective, Outcome, Session, Timetable};
