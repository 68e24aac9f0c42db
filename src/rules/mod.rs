//! Each hard rule and objective term that more than one part of trappa states, written once:
//! pin validation (`load`), the solvers, re-planning and the explanations call these. The
//! checker (`check`) states the same rules again on its own, from the files, and shares no
//! code with this module.

pub mod groups;
pub mod mentorship;
pub mod timetable;
