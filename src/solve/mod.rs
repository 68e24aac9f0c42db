//! Solving: strategies behind one trait, a registry keyed by CLI name, and the assembly of a
//! plan from a matching and its meeting series.

pub mod groups;
pub mod meetings;
pub mod mentor_matching;
pub mod timetable;

use crate::format::plan::*;
use crate::load::LoadedInstance;
use mentor_matching::{balance_cost, build_problem, Matching, MatchingProblem};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Errors of a solve.
#[derive(Debug, thiserror::Error)]
pub enum SolveError {
    /// The strategy name is not in the registry.
    #[error("unknown strategy \"{name}\"; known strategies: {known}")]
    UnknownStrategy {
        /// The name given.
        name: String,
        /// Registered names.
        known: String,
    },
    /// Costs cannot be handled exactly.
    #[error("{0}")]
    Numeric(String),
    /// The problem exceeds a size limit of `docs/limits.md` (the message names it); loading
    /// refuses such instances up front, so only callers that bypass it see this.
    #[error("{0}")]
    Limit(String),
    /// Pins of the instance cannot all hold together; the message lists them.
    #[error("the pinned parts of the plan cannot all hold: {0}")]
    Pins(String),
}

/// Settings of a solve, validated from the command line.
#[derive(Debug, Clone)]
pub struct SolveParams {
    /// Strategy name (see [`strategies`]).
    pub strategy: String,
    /// Seed of all randomness.
    pub seed: u64,
    /// Optional time limit.
    pub time_limit: Option<Duration>,
    /// Grouping strategy (see [`groups::strategies`]).
    pub group_strategy: String,
    /// Timetable strategy name (see [`timetable::strategies`]).
    pub timetable_strategy: String,
    /// Set (by the Ctrl-C handler) to stop and keep the best plan so far.
    pub stop: Arc<AtomicBool>,
}

impl Default for SolveParams {
    fn default() -> Self {
        SolveParams {
            strategy: "exact".into(),
            seed: 1,
            time_limit: None,
            timetable_strategy: "auto".into(),
            group_strategy: "auto".into(),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// A mentor-matching strategy.
pub trait MatchingStrategy: Sync {
    /// Name used with `--strategy`.
    fn name(&self) -> &'static str;
    /// One line on the method.
    fn method(&self) -> &'static str;
    /// Solves the matching problem.
    fn solve(&self, problem: &MatchingProblem, params: &SolveParams) -> Result<Matching, SolveError>;
}

struct ExactAssignment;

impl MatchingStrategy for ExactAssignment {
    fn name(&self) -> &'static str {
        "exact"
    }
    fn method(&self) -> &'static str {
        "exact linear sum assignment (shortest augmenting path, Jonker–Volgenant/Crouse, lsap crate) on mentees × capacity slots; integer costs, so the optimum is proven"
    }
    fn solve(&self, problem: &MatchingProblem, _params: &SolveParams) -> Result<Matching, SolveError> {
        mentor_matching::solve_exact(problem)
    }
}

struct Greedy;

impl MatchingStrategy for Greedy {
    fn name(&self) -> &'static str {
        "greedy"
    }
    fn method(&self) -> &'static str {
        "greedy heuristic: mentees with fewest candidates first, each takes its cheapest mentor with a free slot; no bound"
    }
    fn solve(&self, problem: &MatchingProblem, _params: &SolveParams) -> Result<Matching, SolveError> {
        Ok(mentor_matching::solve_greedy(problem))
    }
}

/// The registry of matching strategies, default first.
pub fn strategies() -> Vec<Box<dyn MatchingStrategy>> {
    vec![Box::new(ExactAssignment), Box::new(Greedy)]
}

/// Looks a strategy up by name.
pub fn strategy(name: &str) -> Result<Box<dyn MatchingStrategy>, SolveError> {
    strategies().into_iter().find(|s| s.name() == name).ok_or_else(|| SolveError::UnknownStrategy {
        name: name.to_string(),
        known: strategies().iter().map(|s| s.name()).collect::<Vec<_>>().join(", "),
    })
}

/// Solves a round and returns the plan as it will be written.
pub fn solve(loaded: &LoadedInstance, instance_path: &str, params: &SolveParams) -> Result<PlanFile, SolveError> {
    let strat = strategy(&params.strategy)?;
    let started = Instant::now();
    let inst = &loaded.model;
    // Timetable first: mentor meetings are then dated around everyone's course days.
    let mut busy: BTreeMap<String, BTreeSet<chrono::NaiveDate>> = BTreeMap::new();
    let timetable_plan = if inst.timetable.is_empty() {
        None
    } else {
        let tstrat = timetable::strategy(&params.timetable_strategy)?;
        let ctx = timetable::Context { seed: params.seed, deadline: params.time_limit.map(|t| started + t), stop: params.stop.clone() };
        let outcome = tstrat.solve(inst, &ctx)?;
        let plan = timetable_plan(inst, &outcome, tstrat.name(), tstrat.method());
        for s in &plan.sessions {
            for who in s.attendees.iter().chain(&s.trainers) {
                busy.entry(who.clone()).or_default().extend(s.dates.iter().copied());
            }
        }
        block_full_units(inst, &plan, &mut busy);
        Some(plan)
    };
    // Groups next (they avoid course days where they can): a group of eight has fewer common
    // free days than a pair, so the pairs' meetings are dated around the groups' last.
    let group_params = groups::GroupParams {
        strategy: params.group_strategy.clone(),
        seed: params.seed,
        // Without a limit the search ends at its fixed budget (reproducible); the bound only
        // guards against a runaway search.
        time_limit: params.time_limit.unwrap_or(Duration::from_secs(600)),
    };
    let group_outcomes = groups::solve_groups(inst, &group_params, &mut busy)?;
    let problem = build_problem(inst);
    let matching = mentor_matching::solve_with_pins(&problem, |p| strat.solve(p, params))?;

    // Pairs in a stable order: by mentor id, then mentee id.
    let mut pairs: Vec<(usize, usize, usize)> =
        matching.mentor_of.iter().enumerate().filter_map(|(i, m)| m.map(|m| (m, problem.mentees[i], i))).collect();
    pairs.sort_by(|a, b| (&inst.mentors[a.0].id, &inst.participants[a.1].id).cmp(&(&inst.mentors[b.0].id, &inst.participants[b.1].id)));
    let series = meetings::schedule_series(inst, &pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), &mut busy);

    let dated: Vec<(usize, usize, mentor_matching::PairCostTerms, meetings::Series)> = pairs
        .iter()
        .zip(series)
        .map(|(&(m, p, i), s)| (m, p, problem.candidates[i].iter().find(|c| c.0 == m).map(|c| c.1.clone()).unwrap_or_default(), s))
        .collect();
    let (pair_plans, terms) = pair_plans(inst, dated);
    let cost = round3(matching.cost);

    let unmatched = unmatched_mentees(inst, &problem, &matching);
    let not_eligible = not_eligible_mentees(inst, &problem);

    let (optimality, bound, gap) =
        if matching.proven_optimal { (Optimality::Optimal, Some(cost), Some(0.0)) } else { (Optimality::Feasible, None, None) };
    Ok(PlanFile {
        format: "trappa-plan".into(),
        version: 1,
        trappa_version: crate::VERSION.into(),
        instance: InstanceRef { path: instance_path.into(), sha256: loaded.sha256.clone(), round: inst.name.clone() },
        run: RunInfo {
            strategy: strat.name().into(),
            seed: params.seed,
            runtime_seconds: round3(started.elapsed().as_secs_f64()),
            time_limit_seconds: params.time_limit.map(|d| d.as_secs_f64()),
        },
        status: SolveStatus { optimality, method: strat.method().into(), bound, gap },
        objective: ObjectiveReport { matched: matching.matched, unmatched: problem.mentees.len() - matching.matched, cost, terms },
        mentorship: MentorshipPlan { pairs: pair_plans, unmatched, not_eligible },
        groups: group_outcomes.iter().map(|o| group_plan(inst, o)).collect(),
        timetable: timetable_plan,
        replan: None,
    })
}

/// The plan's pairs from dated pairs with their cost terms, and the objective's terms: each cost
/// term summed over the pairs, plus the balance term of the mentors' loads (all rounded to the
/// plan's precision).
pub(crate) fn pair_plans(
    inst: &crate::model::Instance,
    pairs: Vec<(usize, usize, mentor_matching::PairCostTerms, meetings::Series)>,
) -> (Vec<PairPlan>, BTreeMap<String, f64>) {
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    let mut load = vec![0usize; inst.mentors.len()];
    let mut plans = Vec::with_capacity(pairs.len());
    for (m, p, cost, s) in pairs {
        load[m] += 1;
        let by_name = cost.by_name();
        for (k, v) in &by_name {
            *terms.entry(k.clone()).or_insert(0.0) += v;
        }
        plans.push(PairPlan {
            mentor: inst.mentors[m].id.clone(),
            mentee: inst.participants[p].id.clone(),
            travel_minutes: round3(inst.travel(inst.mentors[m].municipality, inst.participants[p].municipality)),
            cost: by_name.into_iter().map(|(k, v)| (k, round3(v))).collect(),
            meeting_place: inst.municipalities[s.place].id.clone(),
            meetings: s.dates,
            shortfall: s.shortfall,
        });
    }
    terms.insert("balance".into(), load.iter().map(|&l| balance_cost(inst.weights.balance, l)).sum());
    (plans, terms.into_iter().map(|(k, v)| (k, round3(v))).collect())
}

/// The unmatched mentees of a matching, each with the reason: no eligible mentor (with how
/// many mentors each rule excluded) or every eligible mentor full.
pub fn unmatched_mentees(inst: &crate::model::Instance, problem: &MatchingProblem, matching: &Matching) -> Vec<UnmatchedMentee> {
    let mut unmatched = Vec::new();
    for (i, m) in matching.mentor_of.iter().enumerate() {
        if m.is_some() {
            continue;
        }
        let p = problem.mentees[i];
        let cands = &problem.candidates[i];
        let entry = if cands.is_empty() {
            let excluded_by: BTreeMap<String, usize> = problem.excluded_by[i].iter().map(|(r, n)| (r.name().to_string(), *n)).collect();
            let detail = excluded_by.iter().map(|(r, n)| format!("{r}: {n}")).collect::<Vec<_>>().join(", ");
            UnmatchedMentee {
                mentee: inst.participants[p].id.clone(),
                reason: "no_eligible_mentor".into(),
                message: if inst.mentors.is_empty() {
                    "there are no mentors in the round".into()
                } else {
                    format!("no mentor is eligible under the hard rules (mentors excluded by rule: {detail})")
                },
                full_mentors: vec![],
                excluded_by,
            }
        } else {
            let mut full: Vec<String> = cands.iter().map(|(m, _)| inst.mentors[*m].id.clone()).collect();
            full.sort();
            UnmatchedMentee {
                mentee: inst.participants[p].id.clone(),
                reason: "eligible_mentors_full".into(),
                message: format!(
                    "all {} eligible mentor(s) are at capacity with other mentees; the number of matched mentees is already the maximum",
                    full.len()
                ),
                full_mentors: full,
                excluded_by: BTreeMap::new(),
            }
        };
        unmatched.push(entry);
    }
    unmatched.sort_by(|a, b| a.mentee.cmp(&b.mentee));
    unmatched
}

/// Participants who want a mentor but whose phase is not eligible.
pub fn not_eligible_mentees(inst: &crate::model::Instance, problem: &MatchingProblem) -> Vec<NotEligible> {
    problem
        .not_eligible
        .iter()
        .map(|&p| {
            let part = &inst.participants[p];
            let phase = inst.phases[part.phase].id.clone();
            NotEligible {
                participant: part.id.clone(),
                message: format!(
                    "wants a mentor but is in phase \"{phase}\" ({:.1} years in the profession); the programme offers mentors to phase(s) {}",
                    part.years,
                    eligible_phase_names(inst)
                ),
                phase,
            }
        })
        .collect()
}

/// Marks, for every unit whose absence cap is already filled by course days on a date, that
/// date as busy for all its participants and mentors, so mentor meetings do not take more
/// people away from a unit that is at its cap.
pub(crate) fn block_full_units(
    inst: &crate::model::Instance,
    plan: &TimetablePlan,
    busy: &mut BTreeMap<String, BTreeSet<chrono::NaiveDate>>,
) {
    let index: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut away: BTreeMap<(usize, chrono::NaiveDate), usize> = BTreeMap::new();
    for s in &plan.sessions {
        for a in &s.attendees {
            if let Some(&p) = index.get(a.as_str()) {
                for &d in &s.dates {
                    *away.entry((inst.participants[p].unit, d)).or_default() += 1;
                }
            }
        }
    }
    let people = inst.participants.iter().map(|p| (p.unit, &p.id)).chain(inst.mentors.iter().map(|m| (m.unit, &m.id)));
    let mut of_unit: BTreeMap<usize, Vec<&String>> = BTreeMap::new();
    for (u, id) in people {
        of_unit.entry(u).or_default().push(id);
    }
    for ((u, d), n) in away {
        if n >= inst.timetable.workload.unit_cap[u] {
            for id in of_unit.get(&u).into_iter().flatten() {
                busy.entry((*id).clone()).or_default().insert(d);
            }
        }
    }
}

/// Turns a timetable outcome into the plan file's timetable section (ids, dates, objective by
/// term, status with bound and gap, unserved demands with reasons).
pub fn timetable_plan(inst: &crate::model::Instance, outcome: &timetable::Outcome, strategy: &str, method: &str) -> TimetablePlan {
    let m = &inst.timetable;
    let tt = &outcome.timetable;
    let objective = timetable::evaluate(inst, tt);
    let ids = timetable::explain::session_ids(inst, tt);
    let sessions = tt
        .sessions
        .iter()
        .zip(ids)
        .map(|(s, id)| {
            let mut attendees: Vec<String> = s.attendees.iter().map(|&d| inst.participants[m.demands[d].participant].id.clone()).collect();
            attendees.sort();
            SessionPlan {
                id,
                course: m.courses[s.course].id.clone(),
                dates: s.days.iter().map(|&t| m.days[t]).collect(),
                venue: m.venues[s.venue].id.clone(),
                trainers: s.trainers.iter().map(|&r| m.trainers[r].id.clone()).collect(),
                attendees,
            }
        })
        .collect();
    let unserved = timetable::explain::explain_all(inst, tt)
        .into_iter()
        .map(|u| {
            let d = &m.demands[u.demand];
            UnservedDemand {
                participant: inst.participants[d.participant].id.clone(),
                course: m.courses[d.course].id.clone(),
                priority: d.priority,
                reason: u.reason.into(),
                message: u.message,
            }
        })
        .collect();
    let total = round3(objective.total);
    let bound = outcome.bound.map(|b| round3(b.min(objective.total)));
    let optimality = if outcome.proven_optimal { Optimality::Optimal } else { Optimality::Feasible };
    let mut method = method.to_string();
    if !outcome.detail.is_empty() {
        method = format!("{method} [{}]", outcome.detail);
    }
    if outcome.interrupted {
        method.push_str(" (stopped by the time limit or Ctrl-C: best plan so far)");
    }
    TimetablePlan {
        strategy: strategy.into(),
        status: SolveStatus {
            optimality,
            method,
            bound,
            gap: if outcome.proven_optimal {
                Some(0.0)
            } else {
                bound.map(|b| (timetable::relative_gap(objective.total, b) * 1e6).round() / 1e6)
            },
        },
        objective: TimetableObjective {
            total,
            terms: objective.terms.into_iter().map(|(k, v)| (k, round3(v))).collect(),
            coverage: objective.coverage.into_iter().map(|(k, (demanded, served))| (k, Coverage { demanded, served })).collect(),
        },
        sessions,
        unserved,
    }
}

fn eligible_phase_names(inst: &crate::model::Instance) -> String {
    let mut v: Vec<&str> = inst.mentorship.eligible_phases.iter().map(|&i| inst.phases[i].id.as_str()).collect();
    v.sort();
    v.join(", ")
}

/// Rounds to three decimals, the precision plans are written with.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(crate) fn group_plan(inst: &crate::model::Instance, o: &groups::ProgrammeOutcome) -> GroupProgrammePlan {
    let prog = &inst.group_programmes[o.programme];
    let pid = |p: usize| inst.participants[p].id.clone();
    let width = o.groups.len().to_string().len().max(2);
    let total = round3(o.diversity - o.travel);
    GroupProgrammePlan {
        programme: prog.id.clone(),
        kind: prog.kind.name().into(),
        strategy: o.strategy.into(),
        status: SolveStatus {
            optimality: if o.optimal { Optimality::Optimal } else { Optimality::Feasible },
            method: o.method.into(),
            bound: o.bound.map(round3),
            gap: o.bound.map(|b| if b.abs() > 1e-9 { round3((b - total).max(0.0) / b.abs()) } else { 0.0 }),
        },
        objective: GroupObjective {
            diversity: round3(o.diversity),
            travel: round3(o.travel),
            total,
            leader_travel_minutes: round3(o.leader_travel_minutes),
        },
        groups: o
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| GroupPlan {
                id: format!("{}-{:0width$}", prog.id, g + 1),
                leader: group.leader.map(|l| inst.group_leaders[l].id.clone()),
                meeting_place: inst.municipalities[group.place].id.clone(),
                members: group.members.iter().map(|&p| pid(p)).collect(),
                meetings: group.meetings.clone(),
                conflicts: group
                    .conflicts
                    .iter()
                    .map(|(d, p, why)| GroupConflict { date: *d, participant: pid(*p), reason: (*why).into() })
                    .collect(),
                shortfall: group.shortfall.clone(),
            })
            .collect(),
        unserved: o
            .unserved
            .iter()
            .map(|(p, code, msg)| GroupUnserved { participant: pid(*p), reason: (*code).into(), message: msg.clone() })
            .collect(),
        not_eligible: o
            .not_eligible
            .iter()
            .map(|(p, msg)| GroupUnserved { participant: pid(*p), reason: "not_eligible".into(), message: msg.clone() })
            .collect(),
        notes: o.notes.clone(),
    }
}
