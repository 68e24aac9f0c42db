//! Size limits: the sizes trappa accepts, so that every run stays within a stated memory
//! budget (about 2 GB at the limits; `docs/limits.md` gives the arithmetic).
//!
//! Each limit is a named constant. A file over a limit is refused up front with code `E070`
//! (`size-limit`), a path to the offending list or value, and a message naming the limit. Two
//! kinds of limit are checked:
//! - [`check_file`]: counts and numbers of the file itself (part of validation), which keep the
//!   model's construction bounded;
//! - [`check_model`]: sizes derived from the built model that bound the solvers' dense tables
//!   (the matching's mentees × mentor places, a group programme's members, a course's demands).

use super::validate::problem;
use super::{Problem, ValidationCode as Code};
use crate::format::InstanceFile;
use crate::model::Instance;
use crate::text::tr;

/// Largest instance, plan, rules or roster file read, in bytes (128 MiB; a generated national
/// round of 2,000 participants with courses is under 2 MB, an imported 1,000 × 1,000
/// assignment benchmark about 100 MB).
pub const MAX_FILE_BYTES: u64 = 128 << 20;
/// Most JSON values (objects, arrays and scalars) in a file: each costs up to about 100 bytes
/// parsed, so 5 million are at most 500 MB (a round of 50,000 participants has under 2 million).
pub const MAX_JSON_VALUES: usize = 5_000_000;
/// Deepest nesting of JSON objects and arrays (the instance format needs 6, plans fewer than
/// 10; serde_json itself stops at 128).
pub const MAX_JSON_DEPTH: usize = 64;

/// Most participants of a round.
pub const MAX_PARTICIPANTS: usize = 50_000;
/// Most mentors.
pub const MAX_MENTORS: usize = 50_000;
/// Most group leaders.
pub const MAX_GROUP_LEADERS: usize = 10_000;
/// Most municipalities (the travel-time table is municipalities²).
pub const MAX_MUNICIPALITIES: usize = 1_000;
/// Most units (the timetable keeps units × working days absence counts).
pub const MAX_UNITS: usize = 10_000;
/// Most courses (every course keeps its possible sessions: working days × course days).
pub const MAX_COURSES: usize = 200;
/// Most trainers.
pub const MAX_TRAINERS: usize = 5_000;
/// Most venues.
pub const MAX_VENUES: usize = 5_000;
/// Most group programmes.
pub const MAX_GROUP_PROGRAMMES: usize = 100;
/// Most phases of the staircase.
pub const MAX_PHASES: usize = 100;

/// Largest mentor capacity (mentees at a time).
pub const MAX_MENTOR_CAPACITY: i64 = 100;
/// Largest `max_groups` of a group leader.
pub const MAX_LEADER_GROUPS: i64 = 100;
/// Largest course session (`max_size`).
pub const MAX_SESSION_SIZE: u32 = 1_000;
/// Most trainers per course session (sessions are chosen among teams of qualified trainers).
pub const MAX_TRAINERS_PER_SESSION: u32 = 10;
/// Most seats of a venue.
pub const MAX_VENUE_SEATS: u32 = 100_000;
/// Largest group of a group programme (`min_size`, `max_size`, `group_sizes`), and largest
/// earlier group in `together_before`.
pub const MAX_GROUP_SIZE: usize = 1_000;
/// Most groups of a group programme (`groups`, or the length of `group_sizes`).
pub const MAX_GROUPS: usize = 10_000;
/// Most pairs that `together_before` lists across all programmes (a group of k lists
/// k(k−1)/2 pairs).
pub const MAX_TOGETHER_BEFORE_PAIRS: usize = 5_000_000;
/// Largest population of a municipality.
pub const MAX_POPULATION: i64 = 100_000_000;
/// Largest headcount of a unit.
pub const MAX_HEADCOUNT: i64 = 1_000_000;

/// Most cells of the mentor matching: mentees who may get a mentor × the larger of mentors,
/// mentor places (capacities, each at most the number of mentees) and mentees. The exact
/// matching keeps a dense table of this size (8 bytes a cell) and the candidate pairs
/// (56 bytes a cell at most): 10 million cells are at most 640 MB.
pub const MAX_MATCHING_CELLS: usize = 10_000_000;
/// Most eligible members of one group programme (the grouping keeps a dense members² table of
/// pair benefits: 4,000 members are 128 MB).
pub const MAX_GROUP_MEMBERS: usize = 4_000;
/// Largest OR-Library assignment benchmark imported (n × n pair costs; 1,000 gives a 100 MB
/// instance, the largest published one is 800).
pub const MAX_ASSIGNMENT_SIZE: usize = 1_000;
/// Largest MDGPLIB benchmark imported (elements; the grouping limit [`MAX_GROUP_MEMBERS`]).
pub const MAX_MDGP_ELEMENTS: usize = MAX_GROUP_MEMBERS;
/// Most demands of one course (seating keeps a demands × (seats + demands) table: 5,000
/// demands are at most 400 MB).
pub const MAX_COURSE_DEMANDS: usize = 5_000;

/// The message of a count or number over a limit.
fn over(what: &str, found: impl std::fmt::Display, limit: &str, value: impl std::fmt::Display) -> String {
    tr!("load-over-limit", what = what, found = found.to_string(), limit = limit, value = value.to_string())
}

fn refuse(out: &mut Vec<Problem>, path: impl Into<String>, message: String, action: String) {
    out.push(problem(Code::SizeLimit, path, message, action));
}

/// The file's counts and numbers against the limits (part of validation).
pub fn check_file(f: &InstanceFile) -> Vec<Problem> {
    let mut out = Vec::new();
    let counts: [(&str, usize, &str, usize); 10] = [
        ("participants", f.participants.len(), "MAX_PARTICIPANTS", MAX_PARTICIPANTS),
        ("mentors", f.mentors.len(), "MAX_MENTORS", MAX_MENTORS),
        ("group_leaders", f.group_leaders.len(), "MAX_GROUP_LEADERS", MAX_GROUP_LEADERS),
        ("region.municipalities", f.region.municipalities.len(), "MAX_MUNICIPALITIES", MAX_MUNICIPALITIES),
        ("region.units", f.region.units.len(), "MAX_UNITS", MAX_UNITS),
        ("courses", f.courses.len(), "MAX_COURSES", MAX_COURSES),
        ("trainers", f.trainers.len(), "MAX_TRAINERS", MAX_TRAINERS),
        ("venues", f.venues.len(), "MAX_VENUES", MAX_VENUES),
        ("group_programmes", f.group_programmes.len(), "MAX_GROUP_PROGRAMMES", MAX_GROUP_PROGRAMMES),
        ("phases", f.phases.len(), "MAX_PHASES", MAX_PHASES),
    ];
    for (path, n, name, limit) in counts {
        if n > limit {
            refuse(&mut out, path, over(&tr!("load-what-number-of", items = path), n, name, limit), tr!("load-split-round"));
        }
    }
    for (i, m) in f.region.municipalities.iter().enumerate() {
        if m.population > MAX_POPULATION {
            let msg = over(&tr!("load-what-population"), m.population, "MAX_POPULATION", MAX_POPULATION);
            refuse(&mut out, format!("region.municipalities[{i}].population"), msg, tr!("load-population-real-hint"));
        }
    }
    for (i, u) in f.region.units.iter().enumerate() {
        if u.headcount > MAX_HEADCOUNT {
            let msg = over(&tr!("load-what-headcount"), u.headcount, "MAX_HEADCOUNT", MAX_HEADCOUNT);
            refuse(&mut out, format!("region.units[{i}].headcount"), msg, tr!("load-headcount-real-hint"));
        }
    }
    for (i, m) in f.mentors.iter().enumerate() {
        if m.capacity > MAX_MENTOR_CAPACITY {
            let msg = over(&tr!("load-what-capacity"), m.capacity, "MAX_MENTOR_CAPACITY", MAX_MENTOR_CAPACITY);
            refuse(&mut out, format!("mentors[{i}].capacity"), msg, tr!("load-mentor-capacity-limit-hint"));
        }
    }
    for (i, l) in f.group_leaders.iter().enumerate() {
        if l.max_groups > MAX_LEADER_GROUPS {
            let msg = over("max_groups", l.max_groups, "MAX_LEADER_GROUPS", MAX_LEADER_GROUPS);
            refuse(&mut out, format!("group_leaders[{i}].max_groups"), msg, tr!("load-max-groups-limit-hint"));
        }
    }
    courses_and_venues(f, &mut out);
    group_programmes(f, &mut out);
    out
}

fn courses_and_venues(f: &InstanceFile, out: &mut Vec<Problem>) {
    for (i, c) in f.courses.iter().enumerate() {
        if c.max_size > MAX_SESSION_SIZE {
            let msg = over("max_size", c.max_size, "MAX_SESSION_SIZE", MAX_SESSION_SIZE);
            refuse(out, format!("courses[{i}].max_size"), msg, tr!("load-session-size-hint"));
        }
        if c.trainers_per_session > MAX_TRAINERS_PER_SESSION {
            let msg = over("trainers_per_session", c.trainers_per_session, "MAX_TRAINERS_PER_SESSION", MAX_TRAINERS_PER_SESSION);
            refuse(out, format!("courses[{i}].trainers_per_session"), msg, tr!("load-trainers-per-session-hint"));
        }
    }
    for (i, v) in f.venues.iter().enumerate() {
        if v.capacity > MAX_VENUE_SEATS {
            let msg = over(&tr!("load-what-capacity"), v.capacity, "MAX_VENUE_SEATS", MAX_VENUE_SEATS);
            refuse(out, format!("venues[{i}].capacity"), msg, tr!("load-venue-seats-hint"));
        }
    }
}

fn group_programmes(f: &InstanceFile, out: &mut Vec<Problem>) {
    let mut pairs = 0usize;
    let mut reported = false;
    for (i, g) in f.group_programmes.iter().enumerate() {
        let path = format!("group_programmes[{i}]");
        for (field, size) in [("min_size", g.min_size), ("max_size", g.max_size)] {
            if let Some(s) = size.filter(|&s| s > MAX_GROUP_SIZE) {
                refuse(out, format!("{path}.{field}"), over(field, s, "MAX_GROUP_SIZE", MAX_GROUP_SIZE), tr!("load-group-size-limit-hint"));
            }
        }
        if let Some(n) = g.groups.filter(|&n| n > MAX_GROUPS) {
            refuse(
                out,
                format!("{path}.groups"),
                over(&tr!("load-what-number-of-groups"), n, "MAX_GROUPS", MAX_GROUPS),
                tr!("load-groups-limit-hint"),
            );
        }
        if let Some(sizes) = &g.group_sizes {
            if sizes.len() > MAX_GROUPS {
                let msg = over(&tr!("load-what-number-of-groups"), sizes.len(), "MAX_GROUPS", MAX_GROUPS);
                refuse(out, format!("{path}.group_sizes"), msg, tr!("load-group-sizes-limit-hint"));
            }
            if let Some(k) = sizes.iter().position(|r| r.min.max(r.max) > MAX_GROUP_SIZE) {
                let msg = over(&tr!("load-what-a-group-size"), sizes[k].min.max(sizes[k].max), "MAX_GROUP_SIZE", MAX_GROUP_SIZE);
                refuse(out, format!("{path}.group_sizes[{k}]"), msg, tr!("load-group-size-range-hint"));
            }
        }
        for (k, group) in g.together_before.iter().enumerate() {
            if group.len() > MAX_GROUP_SIZE {
                let msg = over(&tr!("load-what-earlier-group-size"), group.len(), "MAX_GROUP_SIZE", MAX_GROUP_SIZE);
                refuse(out, format!("{path}.together_before[{k}]"), msg, tr!("load-earlier-group-hint"));
            } else {
                pairs = pairs.saturating_add(group.len() * group.len().saturating_sub(1) / 2);
            }
        }
        if pairs > MAX_TOGETHER_BEFORE_PAIRS && !reported {
            let msg = over(&tr!("load-what-together-before-pairs"), pairs, "MAX_TOGETHER_BEFORE_PAIRS", MAX_TOGETHER_BEFORE_PAIRS);
            refuse(out, format!("{path}.together_before"), msg, tr!("load-together-before-hint"));
            reported = true;
        }
    }
}

/// Sizes derived from a built model against the solvers' limits: the mentor matching's
/// cells, each group programme's eligible members and each course's demands.
pub fn check_model(inst: &Instance) -> Vec<Problem> {
    let mut out = Vec::new();
    let mentees = (0..inst.participants.len())
        .filter(|&p| {
            inst.participants[p].wants_mentor && crate::rules::mentorship::mentoring_from(inst, crate::model::ParticipantId(p)).is_some()
        })
        .count();
    if mentees > 0 {
        let places = inst.mentors.iter().map(|m| m.capacity.min(mentees)).fold(0usize, usize::saturating_add);
        let cells = mentees.saturating_mul(mentees.max(places).max(inst.mentors.len()));
        if cells > MAX_MATCHING_CELLS {
            let msg = tr!(
                "load-matching-cells",
                mentees = mentees.to_string(),
                mentors = inst.mentors.len().to_string(),
                places = places.to_string(),
                cells = cells.to_string(),
                limit = MAX_MATCHING_CELLS.to_string()
            );
            refuse(&mut out, "participants", msg, tr!("load-matching-cells-hint"));
        }
    }
    for (i, prog) in inst.group_programmes.iter().enumerate() {
        let members = prog.candidates.iter().filter(|&&p| crate::rules::groups::ineligibility(inst, prog, p).is_none()).count();
        if members > MAX_GROUP_MEMBERS {
            let msg =
                tr!("load-group-members", n = members.to_string(), programme = prog.id.as_str(), limit = MAX_GROUP_MEMBERS.to_string());
            refuse(&mut out, format!("group_programmes[{i}]"), msg, tr!("load-group-members-hint"));
        }
    }
    let mut per_course = vec![0usize; inst.timetable.courses.len()];
    for d in &inst.timetable.demands {
        per_course[d.course.index()] += 1;
    }
    for (c, &n) in per_course.iter().enumerate() {
        if n > MAX_COURSE_DEMANDS {
            let course = inst.timetable.courses[c].id.as_str();
            let msg = tr!("load-course-demands", n = n.to_string(), course = course, limit = MAX_COURSE_DEMANDS.to_string());
            refuse(&mut out, format!("courses[{c}]"), msg, tr!("load-course-demands-hint"));
        }
    }
    out
}
