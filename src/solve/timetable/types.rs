//! The types of course timetabling: sessions, a timetable, its objective (evaluated from
//! scratch), what a strategy may use (seed, deadline, stop flag) and what it returns.

use crate::model::Priority;
use crate::model::{CourseId, DemandId, Instance, TrainerId, VenueId};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// One course session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The course.
    pub course: CourseId,
    /// Working-day indices of the session, ascending.
    pub days: Vec<usize>,
    /// The venue.
    pub venue: VenueId,
    /// The trainers.
    pub trainers: Vec<TrainerId>,
    /// The demands of the attendees.
    pub attendees: Vec<DemandId>,
}

/// A timetable: the sessions; demands in no session are unserved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timetable {
    /// Sessions in canonical order (course, first day, venue).
    pub sessions: Vec<Session>,
}

/// The timetable's objective by term.
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    /// Weighted terms: `unserved_high`, `unserved_normal`, `unserved_low`, `travel`,
    /// `session_cost`, `mixing`.
    pub terms: BTreeMap<String, f64>,
    /// Sum of the terms (minimised).
    pub total: f64,
    /// Demands by priority name: (demanded, served).
    pub coverage: BTreeMap<String, (usize, usize)>,
}

/// Evaluates a timetable from scratch (independent of the incremental state).
pub fn evaluate(inst: &Instance, tt: &Timetable) -> Objective {
    let m = &inst.timetable;
    let mut served = vec![false; m.demands.len()];
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    let mut sum = CourseCost::default();
    for s in &tt.sessions {
        add_session(inst, s, &mut sum, &mut served);
    }
    let mut coverage: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for p in Priority::ALL {
        terms.insert(format!("unserved_{}", p.name()), 0.0);
    }
    for (d, dem) in m.demands.iter().enumerate() {
        let e = coverage.entry(dem.priority.name().to_string()).or_default();
        e.0 += 1;
        if served[d] {
            e.1 += 1;
        } else {
            *terms.entry(format!("unserved_{}", dem.priority.name())).or_default() += dem.penalty;
        }
    }
    terms.insert("travel".into(), sum.travel);
    terms.insert("session_cost".into(), sum.sessions);
    terms.insert("mixing".into(), sum.mixing);
    let total = terms.values().sum();
    Objective { terms, total, coverage }
}

/// One course's share of a timetable's objective (see [`course_costs`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CourseCost {
    /// Its sessions' costs (venue, trainers, fixed and day costs).
    pub sessions: f64,
    /// Its attendees' travel.
    pub travel: f64,
    /// Its sessions' mixing term.
    pub mixing: f64,
    /// Penalties of its demands left unserved that could be served (`servable`).
    pub unserved: f64,
}

impl CourseCost {
    /// The course's part of the objective.
    pub fn total(&self) -> f64 {
        self.sessions + self.travel + self.mixing + self.unserved
    }
}

/// Adds one session's cost, its attendees' travel and its mixing term to `into`, in the order
/// [`evaluate`] sums them; marks its attendees' demands served.
fn add_session(inst: &Instance, s: &Session, into: &mut CourseCost, served: &mut [bool]) {
    let m = &inst.timetable;
    let trainers: Vec<usize> = s.trainers.iter().map(|r| r.index()).collect();
    into.sessions += m.session_cost(s.course.index(), s.venue.index(), &trainers);
    let mut per_muni: BTreeMap<usize, usize> = BTreeMap::new();
    for &d in &s.attendees {
        served[d.index()] = true;
        let p = m.demands[d].participant.index();
        into.travel += m.travel_cost(inst, p, s.venue.index(), s.days.len());
        *per_muni.entry(inst.participants[p].municipality.index()).or_default() += 1;
    }
    into.mixing += m.weights.mixing * per_muni.values().copied().max().unwrap_or(0) as f64;
}

/// The objective of `tt` split by course, each course's terms as [`evaluate`] counts them; the
/// penalties of demands no plan can serve (`servable[d]` false) are left out, so each course's
/// part compares with its part of the per-course bound ([`super::bound::Master::by_course`]).
pub fn course_costs(inst: &Instance, tt: &Timetable, servable: &[bool]) -> Vec<CourseCost> {
    let m = &inst.timetable;
    let mut out = vec![CourseCost::default(); m.courses.len()];
    let mut served = vec![false; m.demands.len()];
    for s in &tt.sessions {
        add_session(inst, s, &mut out[s.course.index()], &mut served);
    }
    for (d, dem) in m.demands.iter().enumerate() {
        if !served[d] && servable.get(d).copied().unwrap_or(false) {
            out[dem.course.index()].unserved += dem.penalty;
        }
    }
    out
}

/// What a timetable solve may use: the seed, a deadline and a stop flag (Ctrl-C).
#[derive(Debug, Clone)]
pub struct Context {
    /// Seed of all randomness.
    pub seed: u64,
    /// When to stop at the latest.
    pub deadline: Option<Instant>,
    /// Set by the Ctrl-C handler: stop and return the best plan so far.
    pub stop: Arc<AtomicBool>,
}

impl Context {
    /// A context with a seed, no deadline and a fresh stop flag.
    pub fn new(seed: u64) -> Self {
        Context { seed, deadline: None, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// True when the deadline passed or a stop was requested.
    pub fn expired(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// This context without its deadline: it expires on Ctrl-C only. For the one construction
    /// a run always builds, so that a run cut by its time limit never returns an empty
    /// timetable.
    pub fn ctrl_c_only(&self) -> Context {
        Context { deadline: None, ..self.clone() }
    }

    /// Runs `work` on a thread of its own and waits for its result, but gives up as soon as a
    /// stop is requested (Ctrl-C), or once the deadline has passed by [`DEADLINE_GRACE`], and
    /// returns `None`; after a stop, `work` is not begun. For solvers that cannot be stopped
    /// from outside (the MILP backend has a time limit but no stop hook, and building its model
    /// or reading back its solution is not counted in that limit): the caller goes on at once
    /// with what it has, while the abandoned work runs on until its own time limit or the end
    /// of the process, at the lowest CPU priority (on Linux), so that it does not slow down the
    /// finishing of the plan. The work runs in a thread pool of its own, so what it leaves
    /// running never holds up the caller's parallel work. Without a stop and without a deadline
    /// (a run on its work budget) the result is the same as calling `work` directly.
    pub fn unless_stopped<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let workers = Workers::default();
        let (own, pool) = (workers.clone(), workers.clone());
        // The MILP backend's branch and bound may recurse deeply: the main thread's stack size.
        let handle = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                own.join();
                // A pool of its own: abandoned work must not hold the global pool's threads,
                // which the search that goes on after a stop needs.
                let threads = rayon::current_num_threads();
                let result = match rayon::ThreadPoolBuilder::new().num_threads(threads).start_handler(move |_| pool.join()).build() {
                    Ok(pool) => pool.install(work),
                    Err(_) => work(),
                };
                let _ = tx.send(result);
            })
            .ok()?;
        loop {
            match rx.recv_timeout(std::time::Duration::from_millis(25)) {
                Ok(v) => return Some(v),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) if self.stop.load(Ordering::Relaxed) || self.overdue() => {
                    workers.yield_cpu();
                    return None;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
                    Err(panic) => std::panic::resume_unwind(panic),
                    Ok(()) => return None,
                },
            }
        }
    }

    /// True once the deadline has passed by more than [`DEADLINE_GRACE`].
    fn overdue(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d + DEADLINE_GRACE)
    }

    /// Seconds left before the deadline (None: no deadline).
    pub fn remaining_secs(&self) -> Option<f64> {
        self.deadline.map(|d| d.saturating_duration_since(Instant::now()).as_secs_f64())
    }

    /// The random generator of multi-start run `index`: derived from (seed, index) only, so a
    /// run's result does not depend on how runs are spread over threads.
    pub fn rng(&self, index: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(index);
        rng
    }
}

/// How long [`Context::unless_stopped`] still waits for work once the deadline has passed: a
/// MILP that ran to its own time limit at the deadline then hands back its solution (values
/// read, plan replayed), which is worth waiting for briefly. One second is half the two
/// seconds a run may take beyond its time limit for reading and writing, and the parts are
/// given their deadlines well before the limit (`solve::SOLO_SHARE`), so the grace never
/// pushes a run past it; it does not depend on the round.
pub const DEADLINE_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// The threads running work for [`Context::unless_stopped`] (their Linux thread ids), so that
/// work abandoned at a stop can be given the lowest CPU priority.
#[derive(Debug, Clone, Default)]
struct Workers(Arc<std::sync::Mutex<Vec<i32>>>);

impl Workers {
    /// Counts the calling thread among the workers.
    fn join(&self) {
        #[cfg(target_os = "linux")]
        if let Ok(mut ids) = self.0.lock() {
            ids.push(rustix::thread::gettid().as_raw_pid());
        }
    }

    /// Gives every worker thread the lowest priority (nice 19): what it computes is no longer
    /// awaited, and the threads finishing the plan should have the processors. Best effort: a
    /// thread that has ended is skipped.
    fn yield_cpu(&self) {
        #[cfg(target_os = "linux")]
        if let Ok(ids) = self.0.lock() {
            // On Linux, PRIO_PROCESS with a thread id sets that thread's nice value only (never
            // `None`, which would be the calling process).
            for pid in ids.iter().filter_map(|&id| rustix::process::Pid::from_raw(id)) {
                let _ = rustix::process::setpriority_process(Some(pid), 19);
            }
        }
    }
}

/// A strategy's result.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The timetable.
    pub timetable: Timetable,
    /// A proven lower bound on the objective, when the strategy has one.
    pub bound: Option<f64>,
    /// True when the optimum is proven (bound equals objective).
    pub proven_optimal: bool,
    /// True when the time limit or Ctrl-C cut the search short.
    pub interrupted: bool,
    /// The stall window, when the search stopped because its best had not improved for it.
    pub stalled: Option<std::time::Duration>,
    /// True when a neighbourhood search went through every neighbourhood of the plan without
    /// improving it (`auto`).
    pub neighbourhoods_exhausted: bool,
    /// How the result was obtained, in a few words.
    pub detail: String,
}

/// True when a plan of objective `total` meets the proven lower bound `bound`, to a relative
/// 1e-9 for the rounding of sums: no plan is better.
pub fn meets_bound(total: f64, bound: f64) -> bool {
    total <= bound + 1e-9 * total.abs().max(1.0)
}

/// Relative gap between an objective and a lower bound: `(objective − bound) / objective`.
pub fn relative_gap(objective: f64, bound: f64) -> f64 {
    if objective.abs() < 1e-9 {
        0.0
    } else {
        ((objective - bound) / objective.abs()).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Work still running once the deadline has passed by the grace is given up: the caller
    /// gets `None` and goes on, while the work runs on by itself.
    #[test]
    fn work_that_overruns_the_deadline_is_given_up() {
        let ctx = Context { deadline: Some(Instant::now()), ..Context::new(1) };
        let (release, held) = std::sync::mpsc::channel::<()>();
        // The work cannot end before the test releases it, which is after the call returned.
        let got = ctx.unless_stopped(move || {
            let _ = held.recv_timeout(Duration::from_secs(600));
            7
        });
        assert_eq!(got, None);
        drop(release);
    }

    /// Without a deadline (a run on its work budget) the work is awaited, however long it takes
    /// past the grace; with a deadline not yet reached its result is returned.
    #[test]
    fn work_is_awaited_without_a_deadline_and_before_it() {
        let slow = || {
            std::thread::sleep(DEADLINE_GRACE + Duration::from_millis(200));
            7
        };
        assert_eq!(Context::new(1).unless_stopped(slow), Some(7));
        let later = Context { deadline: Some(Instant::now() + Duration::from_secs(3600)), ..Context::new(1) };
        assert_eq!(later.unless_stopped(|| 8), Some(8));
    }
}
