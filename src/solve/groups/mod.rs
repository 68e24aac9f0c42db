//! Group formation: supervision groups, reflection groups and research circles.
//!
//! Owns who is eligible for a group programme, how many groups are formed, the pairwise
//! diversity benefit, the grouping itself (a maximally diverse grouping problem with mixing caps
//! and a travel term, solved by [`mdgp`]), the choice of leaders (an exact assignment of groups
//! to qualified leaders' places, minimising leaders' travel) and the dated monthly meetings.

pub mod mdgp;
mod programme;

use super::meetings::{best_series_within, Spread, TARGET_DAY_OF_MONTH};
use super::status::StopReason;
use super::strategy::{Method, Strategy};
use super::timetable::explain::session_ids;
use super::timetable::Timetable;
use super::SolveError;
use crate::model::groups::GroupProgramme;
use crate::model::{CourseId, Instance, MunicipalityId};
pub use crate::rules::groups::{eligible_window, ineligibility, ineligibility_on, pair_benefit};
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use mdgp::{GroupingError, GroupingProblem};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Settings of a group solve.
#[derive(Debug, Clone)]
pub struct GroupParams {
    /// The grouping strategy.
    pub strategy: GroupStrategy,
    /// Seed.
    pub seed: u64,
    /// Time limit of the programme being solved ([`solve_groups`] sets each programme's share).
    pub time_limit: Duration,
    /// When the whole grouping must end at the latest (None: no time limit; each search then
    /// ends at its fixed work budget, reproducibly).
    pub deadline: Option<Instant>,
    /// Set by the Ctrl-C handler: stop and keep the best grouping so far.
    pub stop: Arc<AtomicBool>,
}

impl GroupParams {
    /// Settings without a time limit and with a fresh stop flag.
    pub fn new(strategy: GroupStrategy, seed: u64) -> Self {
        GroupParams { strategy, seed, time_limit: NO_LIMIT_GUARD, deadline: None, stop: Arc::new(AtomicBool::new(false)) }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Without a time limit a search ends at its fixed budget (reproducible); this only guards
/// against a runaway search.
pub const NO_LIMIT_GUARD: Duration = Duration::from_secs(600);

/// The result of a grouping strategy.
#[derive(Debug, Clone)]
pub struct Grouping {
    /// Group of each element.
    pub assignment: Vec<usize>,
    /// Proven optimal.
    pub optimal: bool,
    /// Upper bound on the objective (maximisation), when known.
    pub bound: Option<f64>,
    /// A remark for the plan, e.g. that the time limit cut the search.
    pub note: Option<String>,
    /// Why the search stopped.
    pub stop: StopReason,
}

/// The grouping strategies (`--group-strategy`, `compare --group-strategies`), default first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum GroupStrategy {
    /// Exact MILP where the programme is small enough, else the tabu search.
    Auto,
    /// Multi-start iterated tabu search.
    LocalSearch,
    /// Set-partitioning MILP, for small programmes.
    Milp,
}

impl Strategy for GroupStrategy {
    type Imp = dyn GroupSolver;

    fn imp(self) -> &'static dyn GroupSolver {
        match self {
            GroupStrategy::Auto => &Auto,
            GroupStrategy::LocalSearch => &LocalSearch,
            GroupStrategy::Milp => &Milp,
        }
    }
}

/// The implementation of a grouping strategy.
pub trait GroupSolver: Method + Sync {
    /// Solves a grouping problem.
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError>;
}

struct LocalSearch;

impl Method for LocalSearch {
    fn method(&self) -> &'static str {
        "heuristic: multi-start iterated tabu search (move and swap neighbourhoods, incremental evaluation); without a time limit 2 starts with a fixed work budget, deterministic per seed; with one 4 starts until the grouping's share of the limit ends, each starting again from a new construction when its run stalls; no bound"
    }
}

impl GroupSolver for LocalSearch {
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError> {
        // Without a time limit: a round is planned again and again (people join and leave),
        // so two starts (one per core here) and about 3·10⁸ pair evaluations each keep a
        // regional round to seconds, reproducibly. With a time limit the user has given the
        // grouping its share of that time: it searches with the benchmark's starts until the
        // share ends; a start whose run stalls (no gain for the stall window) starts again from
        // a new construction, so the time goes to new runs instead of being left unused.
        let timed = params.deadline.is_some();
        let sp = mdgp::SearchParams {
            seed: params.seed,
            time_limit: params.time_limit,
            // After Ctrl-C one start: its construction is the plan's groups.
            starts: if params.stopped() {
                1
            } else if timed {
                0
            } else {
                2
            },
            max_iterations: Some(if timed { u64::MAX } else { mdgp::budget_for_work(p.n, 300_000_000) }),
            ..mdgp::SearchParams::default()
        };
        let stall = params.deadline.map(|_| super::status::stall_window(params.time_limit));
        let s = mdgp::local_search_until(p, &sp, &params.stop, stall)?;
        let note = (s.stopped_by_time || s.stalled)
            .then(|| crate::text::tr!("groups-note-clock", seconds = format!("{:.0}", params.time_limit.as_secs_f64())));
        let stop = StopReason::of(false, params.stopped(), s.stopped_by_time, s.stalled.then_some(stall).flatten());
        Ok(Grouping { assignment: s.assignment, optimal: false, bound: None, note, stop })
    }
}

struct Milp;

impl Method for Milp {
    fn method(&self) -> &'static str {
        "exact: set-partitioning MILP over candidate groups (good_lp), for small programmes; proves the optimum"
    }
}

impl GroupSolver for Milp {
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError> {
        let s = mdgp::exact_milp(p, params.time_limit)?;
        let optimal = s.status == mdgp::ExactStatus::Optimal;
        let note = (!optimal).then(|| tr!("groups-note-milp-time"));
        let stop = StopReason::of(optimal, params.stopped(), !optimal, None);
        Ok(Grouping { assignment: s.assignment, optimal, bound: s.bound, note, stop })
    }
}

struct Auto;

impl Method for Auto {
    fn method(&self) -> &'static str {
        "exact MILP where the programme is small enough to prove the optimum, else the iterated tabu search"
    }
}

impl GroupSolver for Auto {
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError> {
        if p.n <= 14 {
            match Milp.solve(p, params) {
                Err(GroupingError::TooLarge(_)) => {}
                other => return other,
            }
        }
        LocalSearch.solve(p, params)
    }
}

/// A formed group.
#[derive(Debug, Clone)]
pub struct FormedGroup {
    /// Participant indices.
    pub members: Vec<usize>,
    /// Meeting place.
    pub place: MunicipalityId,
    /// Leader index.
    pub leader: Option<usize>,
    /// Further leaders, when the programme has more than one per group.
    pub co_leaders: Vec<usize>,
    /// The cohort's start, for a programme whose groups start during the round (cohorts, a
    /// linked course): members are eligible on it and meetings fall on or after it. None: the
    /// group starts with the round.
    pub start: Option<NaiveDate>,
    /// For a programme linked to a course: the session the members attended.
    pub session: Option<String>,
    /// Meeting dates.
    pub meetings: Vec<NaiveDate>,
    /// (date, participant) pairs where a member is unavailable or busy.
    pub conflicts: Vec<(NaiveDate, usize, &'static str)>,
    /// Why fewer than the minimum meetings fit.
    pub shortfall: Option<String>,
    /// Index of the fixed group (in the programme's `fixed_groups`) this group realises.
    pub pin: Option<usize>,
    /// The id a group keeps from the previous plan in a re-plan; None: the plan numbers the
    /// programme's groups by position.
    pub id: Option<String>,
}

/// The result for one programme.
#[derive(Debug, Clone)]
pub struct ProgrammeOutcome {
    /// Programme index.
    pub programme: usize,
    /// Groups in order.
    pub groups: Vec<FormedGroup>,
    /// Eligible participants left without a group: (participant, reason code, message).
    pub unserved: Vec<(usize, &'static str, String)>,
    /// Enrolled participants who are not eligible: (participant, message).
    pub not_eligible: Vec<(usize, String)>,
    /// Sum of pairwise benefits within groups.
    pub diversity: f64,
    /// Members' weighted travel to their group's meeting place.
    pub travel: f64,
    /// Leaders' one-way travel minutes to their groups, summed.
    pub leader_travel_minutes: f64,
    /// Proven optimal grouping.
    pub optimal: bool,
    /// Why the grouping search stopped; None when no search ran (no groups, a re-plan).
    pub stop: Option<StopReason>,
    /// Upper bound on diversity − travel, when known.
    pub bound: Option<f64>,
    /// Strategy used (its name).
    pub strategy: String,
    /// Method in words.
    pub method: &'static str,
    /// Notes for the coordinator (e.g. the group count was adapted).
    pub notes: Vec<String>,
}

impl ProgrammeOutcome {
    /// The outcome of programme `programme` before any group is formed: no groups, nobody
    /// served, the objective zero.
    pub fn empty(programme: usize, strategy: String, method: &'static str, optimal: bool) -> Self {
        ProgrammeOutcome {
            programme,
            groups: vec![],
            unserved: vec![],
            not_eligible: vec![],
            diversity: 0.0,
            travel: 0.0,
            leader_travel_minutes: 0.0,
            optimal,
            stop: None,
            bound: None,
            strategy,
            method,
            notes: vec![],
        }
    }
}

/// A course session whose attendees a linked group programme draws its groups from.
#[derive(Debug, Clone)]
pub struct CourseCohort {
    /// The course.
    pub course: CourseId,
    /// The session's id in the plan.
    pub id: String,
    /// The session's first day.
    pub start: NaiveDate,
    /// The attendees (participant indices).
    pub attendees: Vec<usize>,
}

/// The sessions of a timetable as cohorts for linked group programmes, by first day.
pub fn course_cohorts(inst: &Instance, tt: &Timetable) -> Vec<CourseCohort> {
    let m = &inst.timetable;
    let mut out: Vec<CourseCohort> = tt
        .sessions
        .iter()
        .zip(session_ids(inst, tt))
        .filter_map(|(s, id)| {
            let start = m.days[*s.days.first()?];
            Some(CourseCohort {
                course: s.course,
                id,
                start,
                // Placeholders of forecast hires hold seats but join no group.
                attendees: s
                    .attendees
                    .iter()
                    .map(|&d| m.demands[d].participant)
                    .filter(|&p| !inst.is_placeholder(p))
                    .map(|p| p.index())
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    out
}

/// Forms the groups of every programme, assigns leaders and dates meetings. `busy` holds each
/// person's booked dates (courses, other meetings); members' conflicts with them are avoided
/// where possible and listed, and the groups' dates are added to it. `sessions` are the
/// timetable's sessions that linked programmes draw their groups from.
pub fn solve_groups(
    inst: &Instance,
    params: &GroupParams,
    busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>,
    sessions: &[CourseCohort],
) -> Result<Vec<ProgrammeOutcome>, SolveError> {
    let mut leader_load = vec![0usize; inst.group_leaders.len()];
    // Places of pinned leaders are reserved before any programme assigns leaders.
    let mut reserved = vec![0usize; inst.group_leaders.len()];
    for l in inst.pins.groups.iter().flatten().filter_map(|g| g.leader) {
        reserved[l.index()] += 1;
    }
    if let Some(l) = (0..reserved.len()).find(|&l| reserved[l] > inst.group_leaders[l].max_groups) {
        return Err(SolveError::Pins(tr!(
            "pin-leader-too-many",
            leader = inst.group_leaders[l].id.as_str(),
            n = reserved[l],
            max = inst.group_leaders[l].max_groups
        )));
    }
    // Pinned mentor meetings are other programme days of the mentee, kept free of groups.
    for pair in &inst.pins.pairs {
        busy.entry(inst.participants[pair.mentee].id.clone()).or_default().extend(pair.meetings.iter().copied());
    }
    let mut outcomes = Vec::new();
    let mut days = Spread::new(&inst.calendar.working_days(), GROUP_DAY_WEIGHT);
    let count = inst.group_programmes.len();
    for pi in 0..count {
        // Each programme gets an equal share of what is left of the grouping's time.
        let time_limit = match params.deadline {
            Some(d) => d.saturating_duration_since(Instant::now()) / (count - pi) as u32,
            None => params.time_limit,
        };
        let params = GroupParams { time_limit, ..params.clone() };
        let mut round = programme::Round { leader_load: &mut leader_load, reserved: &mut reserved, busy, sessions, days: &mut days };
        outcomes.push(programme::solve_programme(inst, pi, &params, &mut round)?);
    }
    Ok(outcomes)
}

/// Weight of one group meeting already on a day in that day's penalty: below a weekday's (200),
/// above the distance from the middle of the month.
const GROUP_DAY_WEIGHT: i64 = 20;

/// Dates a group's meetings: on working days from the group's start on (for a group starting
/// with the round, `first_meeting_after_days` after it) that its leaders are free (hard), at
/// most the programme's largest gap apart, preferring days no member is unavailable or busy,
/// one weekday throughout, days and months fewer groups meet on (`load`), and the middle of the
/// month.
///
/// `pinned` dates (a fixed group's) are always among the meetings; the others are dated in the
/// other months, at least the minimum gap from them. A member's pinned mentor meeting day is
/// never a group day.
fn schedule_group(
    inst: &Instance,
    prog: &GroupProgramme,
    group: &mut FormedGroup,
    pinned: &[NaiveDate],
    busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>,
    load: &mut Spread,
) {
    let rules = &prog.meetings;
    let empty = BTreeSet::new();
    let leaders: Vec<&crate::model::groups::GroupLeader> =
        group.leader.iter().chain(&group.co_leaders).map(|&l| &inst.group_leaders[l]).collect();
    let leader_free = |d: &NaiveDate| leaders.iter().all(|l| !l.unavailable.contains(d) && !busy.get(&l.id).unwrap_or(&empty).contains(d));
    // A group starting with the round first meets the stated while after it is formed.
    let start = group.start.unwrap_or(inst.calendar.start + chrono::Days::new(u64::from(rules.first_meeting_after_days)));
    let pinned_months: BTreeSet<i32> = pinned.iter().map(|d| crate::model::calendar::month_key(*d)).collect();
    let gap = rules.min_days_between as i64;
    let mentor_day = |d: &NaiveDate| inst.pins.pairs.iter().any(|x| x.meetings.contains(d) && group.members.contains(&x.mentee.index()));
    let days: Vec<NaiveDate> = inst
        .calendar
        .working_days()
        .into_iter()
        .filter(|d| {
            pinned.contains(d)
                || (*d >= start
                    && leader_free(d)
                    && !mentor_day(d)
                    && !pinned_months.contains(&crate::model::calendar::month_key(*d))
                    && pinned.iter().all(|p| (*d - *p).num_days().abs() >= gap))
        })
        .collect();
    let conflicts_on = |d: NaiveDate| -> Vec<(usize, &'static str)> {
        group
            .members
            .iter()
            .filter_map(|&p| {
                let part = &inst.participants[p];
                if part.unavailable.contains(&d) {
                    Some((p, "unavailable"))
                } else if busy.get(&part.id).is_some_and(|b| b.contains(&d)) {
                    Some((p, "another programme activity"))
                } else {
                    None
                }
            })
            .collect()
    };
    let conflict_count: Vec<i64> = days.iter().map(|&d| conflicts_on(d).len() as i64).collect();
    let mut best: Option<(usize, i64, Vec<usize>)> = None;
    for weekday in 0..5u32 {
        let penalty: Vec<i64> = days
            .iter()
            .zip(&conflict_count)
            .map(|(d, &c)| {
                if pinned.contains(d) {
                    return super::meetings::PINNED_DATE_BONUS;
                }
                let off_day = if rules.same_weekday && d.weekday().num_days_from_monday() != weekday { 200 } else { 0 };
                c * 10_000 + off_day + load.penalty(*d) + (d.day() as i64 - TARGET_DAY_OF_MONTH).abs()
            })
            .collect();
        let max_gap = rules.max_days_between.map(i64::from);
        let picked = best_series_within(&days, &penalty, (rules.max as usize).max(pinned.len()), gap, max_gap);
        let total: i64 = picked.iter().map(|&t| penalty[t]).sum();
        let better = match &best {
            None => true,
            Some((n, p, _)) => picked.len() > *n || (picked.len() == *n && total < *p),
        };
        if better {
            best = Some((picked.len(), total, picked));
        }
        if !rules.same_weekday {
            break;
        }
    }
    let picked = best.map(|b| b.2).unwrap_or_default();
    group.meetings = picked.iter().map(|&t| days[t]).collect();
    group.conflicts = group.meetings.iter().flat_map(|&d| conflicts_on(d).into_iter().map(move |(p, why)| (d, p, why))).collect();
    if group.meetings.len() < rules.min as usize {
        let most = rules.max_days_between.map(|m| tr!("groups-shortfall-most", days = m)).unwrap_or_default();
        let from = group.start.map(|s| tr!("groups-shortfall-from", date = s.to_string())).unwrap_or_default();
        group.shortfall = Some(tr!(
            "groups-shortfall",
            n = group.meetings.len(),
            min = rules.min,
            days = rules.min_days_between,
            most = most,
            from = from
        ));
    }
    for d in &group.meetings {
        load.book(*d);
    }
    let mut people: Vec<&str> = group.members.iter().map(|&p| inst.participants[p].id.as_str()).collect();
    people.extend(leaders.iter().map(|l| l.id.as_str()));
    for who in people {
        busy.entry(who.to_string()).or_default().extend(group.meetings.iter().copied());
    }
}
