//! The planner: one plan at a time per server, the others wait in a queue. A plan is solved
//! (or re-planned) by the library, checked by the independent checker, and written with the
//! plan writer (atomically, with its marker) into the version's `plan/` directory. Progress is
//! kept in a [`Live`] per version, which the progress stream reads; "avbryt" sets the stop flag
//! the solve watches (the one Ctrl-C sets on the command line), and the best plan is kept.

use super::store::{Status, Store, Version};
use crate::check;
use crate::load::{self, LoadedInstance};
use crate::replan::{self, previous, ChangeWeights, ReplanParams};
use crate::solve::{self, GroupStrategy, MatchingStrategy, SolveParams, TimetableStrategy};
use crate::text::tr;
use crate::write;
use chrono::NaiveDate;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What a planning job is to do.
#[derive(Debug, Clone)]
pub enum Task {
    /// Solve the version's instance.
    Plan {
        /// Time limit.
        time_limit: Option<Duration>,
        /// Matching strategy.
        strategy: MatchingStrategy,
        /// Timetable strategy.
        timetable: TimetableStrategy,
        /// Grouping strategy.
        groups: GroupStrategy,
    },
    /// Re-plan from the plan of an earlier version.
    Replan {
        /// The earlier version.
        previous: Version,
        /// The planning date.
        today: NaiveDate,
    },
}

/// The live state of a queued or running plan.
#[derive(Debug, Default)]
pub struct Live {
    /// The part being planned, objective and gap of the last finished part.
    pub progress: Mutex<Progress>,
    /// Set to stop the search and keep the best plan.
    pub stop: Arc<AtomicBool>,
}

/// Progress of one plan.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// When planning started (None while queued).
    pub started: Option<Instant>,
    /// The part in words.
    pub part: String,
    /// Objective of the last finished part.
    pub objective: Option<f64>,
    /// Its gap.
    pub gap: Option<f64>,
    /// True when planning has ended (the version's state says how).
    pub ended: bool,
}

struct Job {
    version: Version,
    task: Task,
}

/// The queue and the live states.
#[derive(Default)]
pub struct Planner {
    queue: Mutex<VecDeque<Job>>,
    wake: Condvar,
    live: Mutex<HashMap<i64, Arc<Live>>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Planner {
    /// Starts the planner's worker thread.
    pub fn start(store: Arc<Store>) -> Arc<Planner> {
        let planner = Arc::new(Planner::default());
        let p = planner.clone();
        std::thread::Builder::new()
            .name("trappa-planner".into())
            .spawn(move || loop {
                let job = {
                    let mut q = lock(&p.queue);
                    loop {
                        if let Some(j) = q.pop_front() {
                            break j;
                        }
                        q = p.wake.wait(q).unwrap_or_else(|e| e.into_inner());
                    }
                };
                p.run(&store, job);
            })
            .expect("the planner thread starts");
        planner
    }

    /// Queues a job; the version is marked queued.
    pub fn enqueue(&self, store: &Store, version: Version, task: Task) -> Result<(), String> {
        let limit = match &task {
            Task::Plan { time_limit, .. } => time_limit.map(|d| d.as_secs_f64()),
            Task::Replan { .. } => None,
        };
        store.set_status(version.id, Status::Queued, limit)?;
        lock(&self.live).insert(version.id, Arc::new(Live::default()));
        lock(&self.queue).push_back(Job { version, task });
        self.wake.notify_one();
        Ok(())
    }

    /// The live state of a version, while the server knows it.
    pub fn live(&self, version_id: i64) -> Option<Arc<Live>> {
        lock(&self.live).get(&version_id).cloned()
    }

    /// How many jobs wait before this version (None when it is not waiting).
    pub fn queue_position(&self, version_id: i64) -> Option<usize> {
        lock(&self.queue).iter().position(|j| j.version.id == version_id)
    }

    /// Asks a version's planning to stop: a waiting job leaves the queue (and fails), a
    /// running one stops its search and keeps the best plan.
    pub fn cancel(&self, store: &Store, version_id: i64) -> Result<(), String> {
        let removed = {
            let mut q = lock(&self.queue);
            let before = q.len();
            q.retain(|j| j.version.id != version_id);
            before != q.len()
        };
        if let Some(live) = self.live(version_id) {
            live.stop.store(true, Ordering::Relaxed);
            if removed {
                lock(&live.progress).ended = true;
            }
        }
        if removed {
            store.finish(version_id, Status::Failed, &tr!("serve-cancelled-queued"))?;
        }
        Ok(())
    }

    fn run(&self, store: &Store, job: Job) {
        let Some(live) = self.live(job.version.id) else { return };
        if live.stop.load(Ordering::Relaxed) {
            return;
        }
        {
            let mut p = lock(&live.progress);
            p.started = Some(Instant::now());
            p.part = tr!("progress-reading");
        }
        let v = &job.version;
        let _ = store.set_status(v.id, Status::Planning, None);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| plan_version(store, v, &job.task, &live)))
            .unwrap_or_else(|_| Err(tr!("serve-plan-panicked")));
        let (status, note, action) = match outcome {
            Ok(note) => (Status::Done, note, if v.kind == "replan" { "replanned" } else { "planned" }),
            Err(e) => (Status::Failed, e, "failed"),
        };
        let _ = store.finish(v.id, status, &note);
        let _ = store.audit(Some(v.round_id), Some(v.id), action, &note);
        lock(&live.progress).ended = true;
    }
}

/// Plans one version, returns the note shown with it (or why it failed).
fn plan_version(store: &Store, v: &Version, task: &Task, live: &Arc<Live>) -> Result<String, String> {
    let dir = store.version_dir(v);
    let inst_path = dir.join(write::INSTANCE_COPY);
    let bytes = load::read_instance_bytes(&inst_path).map_err(|e| e.to_string())?;
    let loaded = load::load_instance_bytes(&bytes, &inst_path.display().to_string()).map_err(|e| e.to_string())?;
    let created = write::plan::creation_time().map_err(|e| e.to_string())?;
    set_part(live, tr!("progress-planning"), None, None);
    let mut plan = match task {
        Task::Plan { time_limit, strategy, timetable, groups } => {
            let progress = {
                let live = live.clone();
                solve::Observer::new(move |e: &solve::ProgressEvent| live.update(e))
            };
            let params = SolveParams {
                strategy: *strategy,
                seed: 1,
                time_limit: *time_limit,
                timetable_strategy: *timetable,
                group_strategy: *groups,
                stop: live.stop.clone(),
                progress,
            };
            let solved = solve::solve(&loaded.model, &params).map_err(|e| e.to_string())?;
            let mut plan = write::plan::plan_file(&loaded, write::INSTANCE_COPY, &solved);
            plan.calendar = Some(write::calendar::record(&plan, None, &loaded.file, &loaded.model));
            plan
        }
        Task::Replan { previous: prev_version, today } => replan_plan(store, v, prev_version, *today, &loaded, live)?,
    };
    plan.run.created = Some(created);
    set_part(live, tr!("progress-checking"), None, None);
    let report = check::check(&loaded.file, &loaded.sha256, &plan);
    if !report.is_valid() {
        let first = report.violations.iter().take(3).map(|v| v.to_string()).collect::<Vec<_>>().join("; ");
        return Err(tr!("serve-check-failed", n = report.violations.len(), first = first));
    }
    set_part(live, tr!("progress-writing"), None, None);
    let mut files = write::render_plan_files(&plan, &loaded.file, &loaded.model).map_err(|e| e.to_string())?;
    files.insert(write::INSTANCE_COPY.into(), bytes);
    write::write_plan_dir(&store.plan_dir(v), &plan, &files).map_err(|e| e.to_string())?;
    let mut note =
        format!("{}{}{}", crate::report::summary(&plan), crate::report::timetable_summary(&plan), crate::report::status_summary(&plan));
    if live.stop.load(Ordering::Relaxed) {
        note = format!("{}\n{note}", tr!("serve-stopped-kept"));
    }
    Ok(note)
}

impl Live {
    fn update(&self, e: &solve::ProgressEvent) {
        let part = match e.part {
            "kurstillfällen" => tr!("part-sessions"),
            "grupper" => tr!("part-groups"),
            "mentorskap och mötesdagar" => tr!("part-mentorship"),
            other => other.to_string(),
        };
        set_part(self, part, e.objective, e.gap);
    }
}

fn set_part(live: &Live, part: String, objective: Option<f64>, gap: Option<f64>) {
    let mut p = lock(&live.progress);
    p.part = part;
    if objective.is_some() {
        p.objective = objective;
        p.gap = gap;
    }
}

/// Re-plans from the plan of `prev_version` on `today`.
fn replan_plan(
    store: &Store,
    v: &Version,
    prev_version: &Version,
    today: NaiveDate,
    loaded: &LoadedInstance,
    live: &Live,
) -> Result<crate::format::plan::PlanFile, String> {
    let prev_dir = store.plan_dir(prev_version);
    let prev = previous::open(&prev_dir).map_err(|e| e.to_string())?;
    previous::verify(&prev, loaded, today).map_err(|e| e.to_string())?;
    let params = ReplanParams { today, weights: ChangeWeights::default(), seed: 1, stop: live.stop.clone() };
    let mut plan = replan::replan(loaded, write::INSTANCE_COPY, &prev.plan, &prev.sha256, &params).map_err(|e| e.to_string())?;
    if let Some(r) = plan.replan.as_mut() {
        r.previous_plan = Some(previous::relative(&store.plan_dir(v), &prev.dir));
    }
    Ok(plan)
}
