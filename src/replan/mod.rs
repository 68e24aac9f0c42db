//! Re-planning a round in progress with the fewest changes.
//!
//! `trappa replan` takes the changed instance (people added or removed, a trainer unavailable,
//! a venue lost …), the previous plan and the planning date `today`:
//!
//! 1. **Frozen past.** Everything dated before `today` stays exactly as it was, for everyone
//!    still in the round (people removed from the instance leave the plan entirely).
//! 2. **Kept unless a hard rule forbids it.** Planned sessions, running pairs and groups and
//!    their planned dates stay. Where a rule of the changed round breaks one, it is repaired
//!    by the option that changes the fewest people's dates (weighted by role): another
//!    trainer (only trainers are told), another venue, other days, and last cancelling and
//!    seating its people elsewhere.
//! 3. **Then coverage.** Newcomers and everyone displaced are seated in planned sessions with a
//!    free seat, placed in running groups with room, matched to mentors with free capacity
//!    (exactly: the most mentees, then the least cost); new course sessions are opened only
//!    for demand that still has no seat.
//!
//! The order of the objective is therefore: the weighted number of people whose planned dates
//! (from `today` on) change or disappear, then coverage, then the usual terms. The plan's
//! `replan` section lists the changed people; `trappa diff` shows what changed for each.

pub mod groups;
pub mod mentorship;
pub mod previous;
pub mod timetable;

use crate::diff;
use crate::format::plan::*;
use crate::load::LoadedInstance;
use crate::model::{Instance, MentorId, ParticipantId};
use crate::solve::mentor_matching::pair_cost;
use crate::solve::plan::{self as domain, DatedPair, Mentorship, Plan, Run, TimetableResult};
use crate::solve::{self, SolveError};
use crate::text::tr;
use crate::write::plan::{plan_file, round3};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Weight of a changed person, by role.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeWeights {
    /// A participant (course days, group meetings, mentee meetings).
    pub participant: f64,
    /// A mentor.
    pub mentor: f64,
    /// A trainer.
    pub trainer: f64,
    /// A group leader.
    pub leader: f64,
}

impl Default for ChangeWeights {
    fn default() -> Self {
        ChangeWeights { participant: 1.0, mentor: 1.0, trainer: 1.0, leader: 1.0 }
    }
}

impl ChangeWeights {
    /// Parses `role=weight` items separated by commas, e.g. `participant=1,trainer=2`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut w = ChangeWeights::default();
        for item in s.split(',').map(str::trim).filter(|x| !x.is_empty()) {
            let (k, v) = item.split_once('=').ok_or_else(|| format!("change weight \"{item}\": expected role=weight, e.g. trainer=2"))?;
            let v: f64 = v.trim().parse().map_err(|_| format!("change weight \"{item}\": {} is not a number", v.trim()))?;
            if !(v.is_finite() && v >= 0.0) {
                return Err(format!("change weight \"{item}\": the weight must be a number ≥ 0"));
            }
            match k.trim() {
                "participant" => w.participant = v,
                "mentor" => w.mentor = v,
                "trainer" => w.trainer = v,
                "leader" => w.leader = v,
                other => return Err(format!("change weight \"{item}\": unknown role \"{other}\" (participant, mentor, trainer, leader)")),
            }
        }
        Ok(w)
    }

    /// The weight of a role name.
    pub fn of(&self, role: &str) -> f64 {
        match role {
            "mentor" => self.mentor,
            "trainer" => self.trainer,
            "leader" => self.leader,
            _ => self.participant,
        }
    }

    fn to_map(&self) -> BTreeMap<String, f64> {
        [("participant", self.participant), ("mentor", self.mentor), ("trainer", self.trainer), ("leader", self.leader)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
    }
}

/// Settings of a re-plan.
#[derive(Debug, Clone)]
pub struct ReplanParams {
    /// The planning date: everything before it is frozen.
    pub today: NaiveDate,
    /// Weights of changed people by role.
    pub weights: ChangeWeights,
    /// Seed (new sessions are built by the seeded construction).
    pub seed: u64,
    /// Set by Ctrl-C.
    pub stop: Arc<AtomicBool>,
}

/// Working state shared by the parts of a re-plan.
pub struct Ctx {
    /// Planning date.
    pub today: NaiveDate,
    /// Change weights.
    pub weights: ChangeWeights,
    /// Seed.
    pub seed: u64,
    /// Stop flag.
    pub stop: Arc<AtomicBool>,
    /// Notes for the coordinator.
    pub notes: Vec<String>,
    /// Each person's booked days (course days, group meetings, mentor meetings).
    pub busy: BTreeMap<String, BTreeSet<NaiveDate>>,
}

/// Re-plans a round. `previous_sha256` is the SHA-256 of the previous `plan.json`.
/// The plan's `calendar` record is filled in against the previous plan; `run.created` is left
/// to the caller (`trappa replan` sets it from [`crate::write::plan::creation_time`]).
pub fn replan(
    loaded: &LoadedInstance,
    instance_path: &str,
    previous: &PlanFile,
    previous_sha256: &str,
    params: &ReplanParams,
) -> Result<PlanFile, SolveError> {
    let started = Instant::now();
    let inst = &loaded.model;
    let mut ctx = Ctx {
        today: params.today,
        weights: params.weights.clone(),
        seed: params.seed,
        stop: params.stop.clone(),
        notes: vec![],
        busy: BTreeMap::new(),
    };
    if previous.instance.round != inst.name {
        ctx.notes.push(tr!("replan-other-round", previous = previous.instance.round.as_str(), round = inst.name.as_str()));
    }

    // Course days first, then groups, then mentor meetings: the same order as a solve.
    let timetable = timetable::replan(inst, previous, &mut ctx)?.map(|outcome| {
        solve::book_timetable(inst, &outcome.timetable, &mut ctx.busy);
        TimetableResult { strategy: "replan".into(), method: "re-plan of the previous timetable".into(), outcome, stop: None }
    });
    let groups = groups::replan(inst, previous, &mut ctx)?;
    let ment = mentorship::replan(inst, previous, &mut ctx)?;
    let plan = Plan {
        run: Run {
            strategy: "replan".into(),
            method: "re-plan with the fewest changes: frozen past, kept pairs, exact matching of the mentees left to match".into(),
            seed: params.seed,
            time_limit: None,
            runtime: Duration::ZERO,
        },
        mentorship: mentorship_of(inst, &ment),
        groups,
        timetable,
        introduction: introduction(inst, previous, &mut ctx),
    };
    let mut file = plan_file(loaded, instance_path, &plan);
    if let Some(tt) = file.timetable.as_mut() {
        timetable::restore_session_ids(previous.timetable.as_ref().map(|t| t.sessions.as_slice()).unwrap_or_default(), &mut tt.sessions);
    }
    file.replan = Some(changes(&loaded.file, previous, &file, previous_sha256, &ctx, ment.kept));
    // The calendars move, cancel and keep the events people imported from the previous plan.
    file.calendar = Some(crate::write::calendar::record(&file, Some(previous), &loaded.file, inst));
    file.run.runtime_seconds = round3(started.elapsed().as_secs_f64());
    Ok(file)
}

/// The introduktörer of a re-planned round: every earlier assignment whose hire and
/// introduktör are still in the round is kept unless capacity forbids it; a hire whose
/// introduktör changes (left, or had no room) is named in the notes with the new one.
fn introduction(inst: &Instance, previous: &PlanFile, ctx: &mut Ctx) -> Option<crate::solve::introduction::Outcome> {
    let hires: BTreeMap<&str, ParticipantId> =
        inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), ParticipantId(i))).collect();
    let introducers: BTreeMap<&str, usize> = inst.introduction.introducers.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let earlier: Vec<(ParticipantId, &str)> = previous
        .introduction
        .iter()
        .flat_map(|i| &i.assignments)
        .filter_map(|a| hires.get(a.hire.as_str()).map(|&p| (p, a.introducer.as_str())))
        .collect();
    let kept: HashMap<ParticipantId, usize> = earlier.iter().filter_map(|&(p, x)| introducers.get(x).map(|&i| (p, i))).collect();
    let outcome = crate::solve::introduction::assign_keeping(inst, &kept)?;
    let now: BTreeMap<ParticipantId, usize> = outcome.assignments.iter().map(|(p, i, _)| (*p, *i)).collect();
    for &(p, x) in &earlier {
        let hire = inst.participants[p].name.as_str();
        // The name of an introduktör who left is not in the changed instance: the note then
        // says only that they left.
        let was = introducers.get(x).map(|&i| inst.introduction.introducers[i].name.as_str());
        let note = match (now.get(&p), was) {
            (Some(&i), _) if kept.get(&p) == Some(&i) => continue,
            (Some(&i), Some(was)) => {
                tr!("replan-introducer-moved", hire = hire, was = was, introducer = inst.introduction.introducers[i].name.as_str())
            }
            (Some(&i), None) => tr!("replan-introducer-left", hire = hire, introducer = inst.introduction.introducers[i].name.as_str()),
            (None, _) => tr!("replan-introducer-none", hire = hire),
        };
        ctx.notes.push(note);
    }
    Some(outcome)
}

/// The people whose dates changed, weighted by role, and those who only got new dates: the
/// kinds of [`diff::kind`], counted as `trappa diff` counts them. People who left the round
/// are neither (their dates are cancelled).
fn changes(
    file: &crate::format::InstanceFile,
    previous: &PlanFile,
    plan: &PlanFile,
    previous_sha256: &str,
    ctx: &Ctx,
    kept_pairs: Vec<KeptPair>,
) -> ReplanInfo {
    let names = diff::Names::of(None, Some(file));
    let mut changed = Vec::new();
    let mut added = Vec::new();
    for d in diff::diff(previous, plan, Some(ctx.today), &names) {
        match d.kind {
            diff::Change::Changed => changed.push(ChangedPerson {
                weight: ctx.weights.of(&d.role),
                role: d.role,
                person: d.person,
                removed: d.removed.len(),
                added: d.added.len(),
            }),
            diff::Change::NewDates => added.push(d.person),
            diff::Change::Departed => {}
        }
    }
    ReplanInfo {
        previous_plan_sha256: previous_sha256.into(),
        previous_plan: None,
        today: ctx.today,
        change_weights: ctx.weights.to_map(),
        weighted_changes: round3(changed.iter().map(|c| c.weight).sum::<f64>() + 0.0),
        changed,
        added,
        kept_pairs,
        notes: ctx.notes.clone(),
    }
}

/// The mentorship of a re-planned round: every pair (kept and new) in the plan's order with
/// its cost terms, and the mentees left unmatched by the matching of the new pairs.
fn mentorship_of(inst: &Instance, o: &mentorship::Outcome) -> Mentorship {
    let mut pairs = o.pairs.clone();
    pairs.sort_by(|a, b| (&inst.mentors[a.0].id, &inst.participants[a.1].id).cmp(&(&inst.mentors[b.0].id, &inst.participants[b.1].id)));
    Mentorship {
        pairs: pairs
            .into_iter()
            .map(|(m, p, series)| DatedPair { mentor: m, mentee: p, cost: pair_cost(inst, MentorId(m), ParticipantId(p)), series })
            .collect(),
        unmatched: domain::unmatched_mentees(&o.problem, &o.matching),
        not_eligible: o.problem.not_eligible.clone(),
        cost: None,
        proven_optimal: false,
        stop: None,
        matched_maximum: None,
    }
}
