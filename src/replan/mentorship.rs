//! Re-planning mentor pairs: running pairs kept (their past meetings as they were, planned
//! ones kept where still possible), mentees without a mentor matched exactly to the mentors'
//! free capacity, new series dated from today.

use super::Ctx;
use crate::format::plan::{KeptPair, PlanFile};
use crate::model::{Instance, MentorId, MunicipalityId, ParticipantId};
use crate::rules::mentorship::PairRule;
use crate::rules::mentorship::{mentee_group, mentees_conflict};
use crate::solve::meetings::{self, best_series_with, Series, TARGET_DAY_OF_MONTH};
use crate::solve::mentor_matching::{self, build_problem, pair_violation, Matching, MatchingProblem};
use crate::solve::SolveError;
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeSet, HashMap};

/// The re-planned pairs: (mentor, participant, series), the matching problem of the mentees
/// left to match and its solution, and the pairs kept.
pub struct Outcome {
    /// Every pair of the new plan with its series.
    pub pairs: Vec<(usize, usize, Series)>,
    /// The problem the new pairs were matched in (capacities net of the kept pairs).
    pub problem: MatchingProblem,
    /// Its exact solution.
    pub matching: Matching,
    /// The kept pairs.
    pub kept: Vec<KeptPair>,
}

/// Re-plans the pairs; `ctx.busy` holds everyone's course and group days.
pub fn replan(inst: &Instance, previous: &PlanFile, ctx: &mut Ctx) -> Result<Outcome, SolveError> {
    let mentor_of: HashMap<&str, usize> = inst.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let part_of: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut problem = build_problem(inst);
    let eligible: BTreeSet<usize> = problem.mentees.iter().copied().collect();
    let mut load = vec![0usize; inst.mentors.len()];
    let mut kept: Vec<(usize, usize, Vec<NaiveDate>, String)> = Vec::new();
    // Pairs pinned by hand come first; a pinned mentee's other pair ends.
    let mut pinned_dates: HashMap<(usize, usize), Vec<NaiveDate>> = HashMap::new();
    for pin in &inst.pins.pairs {
        let (m, p) = (pin.mentor.index(), pin.mentee.index());
        load[m] += 1;
        pinned_dates.insert((m, p), pin.meetings.clone());
        let planned = previous.mentorship.pairs.iter().find(|pp| pp.mentor == inst.mentors[m].id && pp.mentee == inst.participants[p].id);
        let (dates, place) = planned.map(|pp| (pp.meetings.clone(), pp.meeting_place.clone())).unwrap_or_default();
        kept.push((m, p, dates, place));
    }
    let pinned_mentee: BTreeSet<usize> = inst.pins.pairs.iter().map(|p| p.mentee.index()).collect();
    let mut prev_pairs: Vec<_> = previous.mentorship.pairs.iter().collect();
    // Pairs that have met keep their mentor first when capacity shrank.
    prev_pairs
        .sort_by_key(|p| (std::cmp::Reverse(p.meetings.iter().filter(|d| **d < ctx.today).count()), p.mentor.clone(), p.mentee.clone()));
    for pp in prev_pairs {
        let (Some(&m), Some(&p)) = (mentor_of.get(pp.mentor.as_str()), part_of.get(pp.mentee.as_str())) else {
            ctx.notes.push(tr!("replan-pair-ends-left", mentor = pp.mentor.as_str(), mentee = pp.mentee.as_str()));
            continue;
        };
        if pinned_dates.contains_key(&(m, p)) {
            continue;
        }
        if pinned_mentee.contains(&p) {
            ctx.notes.push(tr!("replan-pair-ends-pinned", mentor = pp.mentor.as_str(), mentee = pp.mentee.as_str()));
            continue;
        }
        if let Some(rule) = pair_violation(inst, MentorId(m), ParticipantId(p)) {
            let rule = rule_words(rule);
            ctx.notes.push(tr!("replan-pair-ends-rule", mentor = pp.mentor.as_str(), mentee = pp.mentee.as_str(), rule = rule));
            continue;
        }
        if !eligible.contains(&p) {
            ctx.notes.push(tr!("replan-pair-ends-not-eligible", mentor = pp.mentor.as_str(), mentee = pp.mentee.as_str()));
            continue;
        }
        // `mentorship.one_mentee_per_municipality`: a kept pair must not be the mentor's second
        // mentee of a municipality.
        if let Some(other) = kept.iter().find(|k| k.0 == m && mentees_conflict(inst, ParticipantId(k.1), ParticipantId(p))) {
            ctx.notes.push(tr!(
                "replan-pair-ends-municipality",
                mentor = pp.mentor.as_str(),
                mentee = pp.mentee.as_str(),
                other = inst.participants[other.1].id.as_str()
            ));
            continue;
        }
        if load[m] >= inst.mentors[m].capacity {
            ctx.notes.push(tr!(
                "replan-pair-ends-capacity",
                mentor = pp.mentor.as_str(),
                mentee = pp.mentee.as_str(),
                capacity = inst.mentors[m].capacity
            ));
            continue;
        }
        load[m] += 1;
        kept.push((m, p, pp.meetings.clone(), pp.meeting_place.clone()));
    }

    // Mentees to match: every eligible mentee without a kept pair, against the mentors' free
    // capacity. The exact assignment maximises the number matched, then minimises the cost.
    let kept_mentees: BTreeSet<usize> = kept.iter().map(|k| k.1).collect();
    let keep_rows: Vec<usize> = (0..problem.mentees.len()).filter(|&i| !kept_mentees.contains(&problem.mentees[i])).collect();
    problem.mentees = keep_rows.iter().map(|&i| problem.mentees[i]).collect();
    problem.candidates = keep_rows.iter().map(|&i| problem.candidates[i].clone()).collect();
    problem.excluded_by = keep_rows.iter().map(|&i| problem.excluded_by[i].clone()).collect();
    for (m, cap) in problem.capacity.iter_mut().enumerate() {
        *cap -= load[m];
    }
    problem.taken = kept.iter().filter_map(|k| Some((k.0, mentee_group(inst, ParticipantId(k.1))?.index()))).collect();
    let matching = mentor_matching::solve_exact(&problem)?;

    let mut pairs = date_kept(inst, &kept, &pinned_dates, ctx);
    let working: BTreeSet<NaiveDate> = inst.calendar.working_days().into_iter().collect();
    // New pairs: dated from today on.
    let new_pairs: Vec<(usize, usize)> =
        matching.mentor_of.iter().enumerate().filter_map(|(i, mo)| mo.map(|m| (m, problem.mentees[i]))).collect();
    let mut busy = ctx.busy.clone();
    let past: Vec<NaiveDate> = working.iter().copied().filter(|d| *d < ctx.today).collect();
    for &(m, p) in &new_pairs {
        for who in [&inst.mentors[m].id, &inst.participants[p].id] {
            busy.entry(who.clone()).or_default().extend(past.iter().copied());
        }
    }
    let series = meetings::schedule_series_around(inst, &new_pairs, &mut busy, &booked(&pairs));
    for (&(m, p), s) in new_pairs.iter().zip(series) {
        for who in [&inst.mentors[m].id, &inst.participants[p].id] {
            ctx.busy.entry(who.clone()).or_default().extend(s.dates.iter().copied());
        }
        pairs.push((m, p, s));
    }
    let mut kept_pairs: Vec<KeptPair> =
        kept.iter().map(|k| KeptPair { mentor: inst.mentors[k.0].id.clone(), mentee: inst.participants[k.1].id.clone() }).collect();
    kept_pairs.sort();
    Ok(Outcome { pairs, problem, matching, kept: kept_pairs })
}

/// Dates the kept pairs again. Intact series first: planned dates stay where they still fit
/// (days both are free, the mentor's and the place's meetings per day); a series with a date
/// that no longer fits is re-dated from today on (the past stays).
fn date_kept(
    inst: &Instance,
    kept: &[(usize, usize, Vec<NaiveDate>, String)],
    pinned_dates: &HashMap<(usize, usize), Vec<NaiveDate>>,
    ctx: &mut Ctx,
) -> Vec<(usize, usize, Series)> {
    let working: BTreeSet<NaiveDate> = inst.calendar.working_days().into_iter().collect();
    let mut pairs = Vec::new();
    let mut order: Vec<usize> = (0..kept.len()).collect();
    let fits = |ctx: &Ctx, m: usize, p: usize, d: NaiveDate| {
        working.contains(&d)
            && !inst.mentors[m].unavailable.contains(&d)
            && !inst.participants[p].unavailable.contains(&d)
            && !ctx.busy.get(&inst.mentors[m].id).is_some_and(|b| b.contains(&d))
            && !ctx.busy.get(&inst.participants[p].id).is_some_and(|b| b.contains(&d))
    };
    // Intact series claim their days before series that must move.
    order.sort_by_key(|&i| {
        let (m, p, dates, _) = &kept[i];
        dates.iter().filter(|d| **d >= ctx.today).any(|&d| !fits(ctx, *m, *p, d))
    });
    // The kept series' meetings, counted in the mentors' and places' meetings per day; a
    // re-dated series takes only days with room, from the first meeting day on.
    let mut load = meetings::DayLoad::new(&working.iter().copied().collect::<Vec<_>>());
    let earliest = inst.calendar.start + chrono::Days::new(u64::from(inst.mentorship.file.first_meeting_after_days));
    for i in order {
        let (m, p, dates, place) = kept[i].clone();
        let pins = pinned_dates.get(&(m, p)).cloned().unwrap_or_default();
        let place_idx = inst
            .municipalities
            .iter()
            .position(|x| x.id == place)
            .map(MunicipalityId)
            .unwrap_or_else(|| meetings::meeting_place(inst, inst.mentors[m].municipality, inst.participants[p].municipality));
        let room = |c: &Ctx, m: usize, p: usize, d: NaiveDate| fits(c, m, p, d) && load.has_room(inst, m, place_idx, d);
        let future_ok = !dates.is_empty()
            && dates.iter().filter(|d| **d >= ctx.today).all(|&d| room(ctx, m, p, d) || pins.contains(&d))
            && pins.iter().all(|d| dates.contains(d));
        let series = if future_ok {
            let shortfall = (dates.len() < inst.mentorship.min_meetings)
                .then(|| tr!("replan-pair-shortfall", n = dates.len(), min = inst.mentorship.min_meetings));
            Series { dates: dates.clone(), place: place_idx, shortfall }
        } else {
            ctx.notes.push(tr!(
                "replan-pair-redated",
                mentor = inst.mentors[m].id.as_str(),
                mentee = inst.participants[p].id.as_str(),
                today = ctx.today.to_string()
            ));
            redate(inst, (m, p), &dates, &pins, place_idx, ctx, &|c: &Ctx, m, p, d| d >= earliest && room(c, m, p, d))
        };
        for &date in &series.dates {
            load.book(meetings::Booked { mentor: m, place: series.place, date });
        }
        for who in [&inst.mentors[m].id, &inst.participants[p].id] {
            ctx.busy.entry(who.clone()).or_default().extend(series.dates.iter().copied());
        }
        pairs.push((m, p, series));
    }
    pairs
}

/// The kept pairs' meetings, counted in the mentors' and places' meetings per day of the new
/// pairs' series.
fn booked(pairs: &[(usize, usize, Series)]) -> Vec<meetings::Booked> {
    pairs.iter().flat_map(|(m, _, s)| s.dates.iter().map(|&date| meetings::Booked { mentor: *m, place: s.place, date })).collect()
}

/// Dates a kept pair again: its meetings before today stay; from today on, one a month on
/// days both are free, preferring its planned dates that still fit, then mid-month.
fn redate(
    inst: &Instance,
    (m, p): (usize, usize),
    dates: &[NaiveDate],
    pins: &[NaiveDate],
    place: MunicipalityId,
    ctx: &Ctx,
    fits: &dyn Fn(&Ctx, usize, usize, NaiveDate) -> bool,
) -> Series {
    let rules = &inst.mentorship;
    // Mandatory: the past, and dates pinned by hand.
    let mut past: Vec<NaiveDate> = dates.iter().copied().filter(|d| *d < ctx.today).collect();
    let extra: Vec<NaiveDate> = pins.iter().copied().filter(|d| !past.contains(d)).collect();
    past.extend(extra);
    past.sort();
    let planned: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    let mut days: Vec<NaiveDate> = past.clone();
    days.extend(inst.calendar.working_days().into_iter().filter(|&d| d >= ctx.today && !past.contains(&d) && fits(ctx, m, p, d)));
    days.sort();
    // Past meetings are certain (a large bonus keeps them all); planned dates that still fit
    // are preferred to new ones.
    let penalty: Vec<i64> = days
        .iter()
        .map(|d| {
            if past.contains(d) {
                -1_000_000
            } else if planned.contains(d) {
                -1_000
            } else {
                (d.day() as i64 - TARGET_DAY_OF_MONTH).abs()
            }
        })
        .collect();
    let mut picked: Vec<NaiveDate> =
        best_series_with(&days, &penalty, rules.max_meetings, rules.min_days_between).into_iter().map(|t| days[t]).collect();
    // The past is never dropped (should the gap rule have changed, it is kept as it was).
    for d in &past {
        if !picked.contains(d) {
            picked.push(*d);
        }
    }
    picked.sort();
    let shortfall = (picked.len() < rules.min_meetings)
        .then(|| tr!("replan-pair-shortfall-after", n = picked.len(), min = rules.min_meetings, today = ctx.today.to_string()));
    Series { dates: picked, place, shortfall }
}

/// A hard rule of the mentorship in the coordinator's words (why a kept pair ends).
fn rule_words(rule: PairRule) -> String {
    match rule {
        PairRule::SamePerson => tr!("replan-rule-same-person"),
        PairRule::NoCapacity => tr!("replan-rule-no-capacity"),
        PairRule::NotTrained => tr!("replan-rule-not-trained"),
        PairRule::TooJunior => tr!("replan-rule-too-junior"),
        PairRule::SameUnit => tr!("replan-rule-same-unit"),
        PairRule::SameMunicipality => tr!("replan-rule-same-municipality"),
        PairRule::Excluded => tr!("replan-rule-excluded"),
        PairRule::TooFar => tr!("replan-rule-too-far"),
    }
}
