//! The plan file of a solved round: a domain [`Plan`] turned into `plan.json`'s sections (ids,
//! dates, objectives by term rounded to the plan's precision, statuses, reasons in words).
//! A solve and a re-plan both build their file here.

use super::OutputError;
use crate::format::plan::*;
use crate::load::LoadedInstance;
use crate::model::{Instance, ParticipantId};
use crate::rules::mentorship::mentee_group;
use crate::solve::groups::ProgrammeOutcome;
use crate::solve::mentor_matching::balance_cost;
use crate::solve::plan::{self as domain, DatedPair, Mentorship, Plan, TimetableResult, Unmatched};
use crate::solve::timetable;
use crate::text::tr;
use std::collections::BTreeMap;

/// Rounds to three decimals, the precision plans are written with.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// When a plan is made, in whole seconds (UTC): `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) when it is set, so that a run can be repeated byte for
/// byte, and the clock otherwise. The commands put it in the plan's `run.created` (the
/// calendars' `DTSTAMP`); [`plan_file`] leaves that empty, so a plan built twice is the same.
pub fn creation_time() -> Result<chrono::DateTime<chrono::Utc>, OutputError> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| OutputError::SourceDateEpoch(v.clone()))?,
        Err(std::env::VarError::NotPresent) => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        }
        Err(std::env::VarError::NotUnicode(v)) => return Err(OutputError::SourceDateEpoch(v.to_string_lossy().into())),
    };
    chrono::DateTime::from_timestamp(secs, 0).ok_or_else(|| OutputError::SourceDateEpoch(secs.to_string()))
}

/// The plan file of a plan solved on `loaded`, whose instance file is `instance_path`. The
/// `replan` section is left empty (a re-plan fills it in).
pub fn plan_file(loaded: &LoadedInstance, instance_path: &str, plan: &Plan) -> PlanFile {
    let inst = &loaded.model;
    let (mentorship, objective) = mentorship_plan(inst, &plan.mentorship);
    let (optimality, bound, gap) = if plan.mentorship.proven_optimal {
        (Optimality::Optimal, Some(objective.cost), Some(0.0))
    } else {
        (Optimality::Feasible, None, None)
    };
    let mut file = PlanFile {
        format: "trappa-plan".into(),
        version: 1,
        trappa_version: crate::VERSION.into(),
        instance: InstanceRef { path: instance_path.into(), sha256: loaded.sha256.clone(), round: inst.name.clone() },
        run: RunInfo {
            strategy: plan.run.strategy.clone(),
            seed: plan.run.seed,
            runtime_seconds: round3(plan.run.runtime.as_secs_f64()),
            time_limit_seconds: plan.run.time_limit.map(|d| d.as_secs_f64()),
            created: None,
        },
        status: mentorship_status(plan, optimality, bound, gap),
        objective,
        mentorship,
        groups: plan.groups.iter().map(|o| group_plan(inst, o)).collect(),
        timetable: plan.timetable.as_ref().map(|t| timetable_section(inst, t)),
        replan: None,
        calendar: None,
        introduction: plan.introduction.as_ref().map(|o| introduction_plan(inst, o)),
        cost: None,
    };
    file.cost = Some(crate::cost::plan_cost(inst, &file));
    file
}

/// The introduction section: each new hire's introduktör and weekly hours, or the reason.
fn introduction_plan(inst: &Instance, o: &crate::solve::introduction::Outcome) -> IntroductionPlan {
    use crate::solve::introduction::Unserved;
    let intro = &inst.introduction;
    let assignments = o
        .assignments
        .iter()
        .map(|(p, i, periods)| IntroductionAssignment {
            hire: inst.participants[*p].id.clone(),
            introducer: intro.introducers[*i].id.clone(),
            periods: periods
                .iter()
                .map(|&(year, from, to, hours_per_week)| IntroductionPeriod { year, from, to, hours_per_week })
                .collect(),
        })
        .collect();
    let unserved = o
        .unserved
        .iter()
        .map(|&(p, why)| {
            let (hire, unit) = (inst.participants[p].name.as_str(), inst.units[inst.participants[p].unit].name.as_str());
            let message = match why {
                Unserved::NoIntroducerInUnit => tr!("introduction-msg-no-introducer", hire = hire, unit = unit),
                Unserved::IntroducersFull => tr!("introduction-msg-full", hire = hire, unit = unit),
            };
            IntroductionUnserved { hire: inst.participants[p].id.clone(), reason: why.name().into(), message }
        })
        .collect();
    IntroductionPlan { assignments, unserved }
}

/// The mentorship's status. A heuristic below the maximum says so, in the method's words and in
/// `matched_maximum`.
fn mentorship_status(plan: &Plan, optimality: Optimality, bound: Option<f64>, gap: Option<f64>) -> SolveStatus {
    let m = &plan.mentorship;
    let mut method = plan.run.method.clone();
    if let Some(max) = m.matched_maximum {
        method.push_str(&format!("; heuristic, below the maximum: {} of {max} matchable mentees matched", m.pairs.len()));
    }
    SolveStatus { optimality, method, bound, gap, stop_reason: m.stop.map(|s| s.text()), matched_maximum: m.matched_maximum }
}

/// The mentorship section and the objective: the matching's cost (or, without one, the sum of
/// the written terms), matched and unmatched counts.
fn mentorship_plan(inst: &Instance, m: &Mentorship) -> (MentorshipPlan, ObjectiveReport) {
    let (pairs, terms) = pair_plans(inst, &m.pairs);
    let cost = round3(m.cost.unwrap_or_else(|| terms.values().sum()));
    let mut unmatched = unmatched_mentees(inst, &m.unmatched);
    if let Some(max) = m.matched_maximum {
        // The mentors are full, but only because a heuristic filled them: say so.
        for u in unmatched.iter_mut().filter(|u| u.reason == "eligible_mentors_full") {
            let n = u.full_mentors.len();
            u.message = match inst.participants.iter().position(|p| p.id == u.mentee).and_then(|p| full_for(inst, p)) {
                Some(municipality) => tr!("why-mentors-full-municipality-below-maximum", n = n, municipality = municipality, max = max),
                None => tr!("why-mentors-full-below-maximum", n = n, max = max),
            };
        }
    }
    let not_eligible = not_eligible_mentees(inst, &m.not_eligible);
    let objective = ObjectiveReport { matched: pairs.len(), unmatched: unmatched.len(), cost, terms };
    (MentorshipPlan { pairs, unmatched, not_eligible }, objective)
}

/// The plan's pairs from dated pairs with their cost terms, and the objective's terms: each cost
/// term summed over the pairs, plus the balance term of the mentors' loads (all rounded to the
/// plan's precision).
pub fn pair_plans(inst: &Instance, pairs: &[DatedPair]) -> (Vec<PairPlan>, BTreeMap<String, f64>) {
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    let mut load = vec![0usize; inst.mentors.len()];
    let mut plans = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let (m, p) = (pair.mentor, pair.mentee);
        load[m] += 1;
        let by_name = pair.cost.by_name();
        for (k, v) in &by_name {
            *terms.entry(k.clone()).or_insert(0.0) += v;
        }
        plans.push(PairPlan {
            mentor: inst.mentors[m].id.clone(),
            mentee: inst.participants[p].id.clone(),
            travel_minutes: round3(inst.travel(inst.mentors[m].municipality, inst.participants[p].municipality)),
            cost: by_name.into_iter().map(|(k, v)| (k, round3(v))).collect(),
            meeting_place: inst.municipalities[pair.series.place].id.clone(),
            meetings: pair.series.dates.clone(),
            shortfall: pair.series.shortfall.clone(),
        });
    }
    terms.insert("balance".into(), load.iter().map(|&l| balance_cost(inst.weights.balance, l)).sum());
    (plans, terms.into_iter().map(|(k, v)| (k, round3(v))).collect())
}

/// The unmatched mentees in words, by mentee id.
pub fn unmatched_mentees(inst: &Instance, unmatched: &[domain::UnmatchedMentee]) -> Vec<UnmatchedMentee> {
    let mut out: Vec<UnmatchedMentee> = unmatched
        .iter()
        .map(|u| {
            let mentee = inst.participants[u.mentee].id.clone();
            match &u.reason {
                Unmatched::NoEligibleMentor { excluded_by } => {
                    let excluded_by: BTreeMap<String, usize> = excluded_by.iter().map(|(r, n)| (r.name().to_string(), *n)).collect();
                    let detail = excluded_by.iter().map(|(r, n)| format!("{r}: {n}")).collect::<Vec<_>>().join(", ");
                    UnmatchedMentee {
                        mentee,
                        reason: "no_eligible_mentor".into(),
                        message: if inst.mentors.is_empty() {
                            tr!("why-no-mentors")
                        } else {
                            tr!("why-no-eligible-mentor", detail = detail)
                        },
                        full_mentors: vec![],
                        excluded_by,
                    }
                }
                Unmatched::EligibleMentorsFull { mentors } => {
                    let mut full: Vec<String> = mentors.iter().map(|&m| inst.mentors[m].id.clone()).collect();
                    full.sort();
                    UnmatchedMentee {
                        mentee,
                        reason: "eligible_mentors_full".into(),
                        message: match full_for(inst, u.mentee) {
                            Some(municipality) => tr!("why-mentors-full-municipality", n = full.len(), municipality = municipality),
                            None => tr!("why-mentors-full", n = full.len()),
                        },
                        full_mentors: full,
                        excluded_by: BTreeMap::new(),
                    }
                }
            }
        })
        .collect();
    out.sort_by(|a, b| a.mentee.cmp(&b.mentee));
    out
}

/// With a rule that lets a mentor take one mentee of a group (a municipality), a mentor counts as
/// full for the mentee when it has no place left or already has a mentee of the mentee's group:
/// the group's name, for the words of the reason.
fn full_for(inst: &Instance, p: usize) -> Option<&str> {
    mentee_group(inst, ParticipantId(p)).map(|g| inst.municipalities[g].name.as_str())
}

/// Participants who want a mentor but whose phase is not eligible, in words.
pub fn not_eligible_mentees(inst: &Instance, participants: &[usize]) -> Vec<NotEligible> {
    participants
        .iter()
        .map(|&p| {
            let part = &inst.participants[p];
            let phase = inst.phases[part.phase].id.clone();
            NotEligible {
                participant: part.id.clone(),
                message: format!(
                    "wants a mentor but is in phase \"{phase}\" ({:.1} years in the profession); the programme offers mentors to phase(s) {}{}",
                    part.years,
                    eligible_phase_names(inst),
                    match crate::rules::mentorship::first_phase_day(inst, crate::model::ParticipantId(p)) {
                        Some(d) => format!(" (reached on {d}, too late for {} monthly meetings before the round ends)", inst.mentorship.min_meetings),
                        None => String::new(),
                    }
                ),
                phase,
            }
        })
        .collect()
}

fn eligible_phase_names(inst: &Instance) -> String {
    let mut v: Vec<&str> = inst.mentorship.eligible_phases.iter().map(|&i| inst.phases[i].id.as_str()).collect();
    v.sort();
    v.join(", ")
}

fn timetable_section(inst: &Instance, t: &TimetableResult) -> TimetablePlan {
    let mut section = timetable_plan(inst, &t.outcome, &t.strategy, &t.method);
    section.status.stop_reason = t.stop.map(|s| s.text());
    section
}

/// Turns a timetable outcome into the plan file's timetable section (ids, dates, objective by
/// term, status with bound and gap, unserved demands with reasons).
pub fn timetable_plan(inst: &Instance, outcome: &timetable::Outcome, strategy: &str, method: &str) -> TimetablePlan {
    let m = &inst.timetable;
    let tt = &outcome.timetable;
    let objective = timetable::evaluate(inst, tt);
    let ids = timetable::explain::session_ids(inst, tt);
    let sessions = tt
        .sessions
        .iter()
        .zip(ids)
        .map(|(s, id)| {
            // Placeholders of forecast hires hold seats but are listed apart from the named.
            let (forecast, named): (Vec<_>, Vec<_>) =
                s.attendees.iter().map(|&d| &inst.participants[m.demands[d].participant]).partition(|p| p.forecast.is_some());
            let ids = |people: Vec<&crate::model::Participant>| {
                let mut ids: Vec<String> = people.into_iter().map(|p| p.id.clone()).collect();
                ids.sort();
                ids
            };
            let (attendees, forecast) = (ids(named), ids(forecast));
            SessionPlan {
                id,
                course: m.courses[s.course].id.clone(),
                dates: s.days.iter().map(|&t| m.days[t]).collect(),
                venue: m.venues[s.venue].id.clone(),
                trainers: s.trainers.iter().map(|&r| m.trainers[r].id.clone()).collect(),
                attendees,
                forecast,
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
                priority: d.priority.into(),
                reason: u.reason.into(),
                message: u.message,
            }
        })
        .collect();
    TimetablePlan {
        strategy: strategy.into(),
        status: timetable_status(outcome, objective.total, method),
        objective: TimetableObjective {
            total: round3(objective.total),
            terms: objective.terms.into_iter().map(|(k, v)| (k, round3(v))).collect(),
            coverage: objective.coverage.into_iter().map(|(k, (demanded, served))| (k, Coverage { demanded, served })).collect(),
        },
        sessions,
        unserved,
    }
}

/// The timetable's status: optimality, the method with how the result was obtained, the bound
/// (never above the objective) and the relative gap.
fn timetable_status(outcome: &timetable::Outcome, total: f64, method: &str) -> SolveStatus {
    let bound = outcome.bound.map(|b| round3(b.min(total)));
    let optimality = if outcome.proven_optimal { Optimality::Optimal } else { Optimality::Feasible };
    let mut method = method.to_string();
    if !outcome.detail.is_empty() {
        method = format!("{method} [{}]", outcome.detail);
    }
    if outcome.interrupted {
        method.push_str(" (stopped by the time limit or Ctrl-C: best plan so far)");
    }
    let gap = if outcome.proven_optimal { Some(0.0) } else { bound.map(|b| (timetable::relative_gap(total, b) * 1e6).round() / 1e6) };
    SolveStatus { optimality, method, bound, gap, stop_reason: None, matched_maximum: None }
}

/// A group programme's section: status, objective, the groups (numbered by position unless
/// they keep an id from a previous plan), unserved and not eligible participants, notes.
pub fn group_plan(inst: &Instance, o: &ProgrammeOutcome) -> GroupProgrammePlan {
    let prog = &inst.group_programmes[o.programme];
    let pid = |p: usize| inst.participants[p].id.clone();
    let width = o.groups.len().to_string().len().max(2);
    let total = round3(o.diversity - o.travel);
    GroupProgrammePlan {
        programme: prog.id.clone(),
        kind: prog.kind.name().into(),
        strategy: o.strategy.clone(),
        status: SolveStatus {
            optimality: if o.optimal { Optimality::Optimal } else { Optimality::Feasible },
            method: o.method.into(),
            bound: o.bound.map(round3),
            gap: o.bound.map(|b| if b.abs() > 1e-9 { round3((b - total).max(0.0) / b.abs()) } else { 0.0 }),
            stop_reason: o.stop.map(|s| s.text()),
            matched_maximum: None,
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
                id: group.id.clone().unwrap_or_else(|| format!("{}-{:0width$}", prog.id, g + 1)),
                leader: group.leader.map(|l| inst.group_leaders[l].id.clone()),
                co_leaders: group.co_leaders.iter().map(|&l| inst.group_leaders[l].id.clone()).collect(),
                start: group.start,
                session: group.session.clone(),
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
