//! Group formation: supervision groups, reflection groups and research circles.
//!
//! Owns who is eligible for a group programme, how many groups are formed, the pairwise
//! diversity benefit, the grouping itself (a maximally diverse grouping problem with mixing caps
//! and a travel term, solved by [`mdgp`]), the choice of leaders (an exact assignment of groups
//! to qualified leaders' places, minimising leaders' travel) and the dated monthly meetings.

pub mod mdgp;

use super::meetings::{best_series_with, TARGET_DAY_OF_MONTH};
use super::SolveError;
use crate::model::groups::GroupProgramme;
use crate::model::Instance;
pub use crate::rules::groups::{ineligibility, pair_benefit};
use chrono::{Datelike, NaiveDate};
use mdgp::{AttributeCap, GroupingError, GroupingProblem, SiteCosts};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// Settings of a group solve.
#[derive(Debug, Clone)]
pub struct GroupParams {
    /// Strategy name (see [`strategies`]).
    pub strategy: String,
    /// Seed.
    pub seed: u64,
    /// Time limit per programme.
    pub time_limit: Duration,
}

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
}

/// A grouping strategy.
pub trait GroupStrategy: Sync {
    /// Name used with `--group-strategy`.
    fn name(&self) -> &'static str;
    /// One line on the method.
    fn method(&self) -> &'static str;
    /// Solves a grouping problem.
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError>;
}

struct LocalSearch;

impl GroupStrategy for LocalSearch {
    fn name(&self) -> &'static str {
        "local-search"
    }
    fn method(&self) -> &'static str {
        "heuristic: multi-start iterated tabu search (move and swap neighbourhoods, incremental evaluation), 2 starts with a fixed work budget, deterministic per seed; no bound"
    }
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError> {
        // A programme round is planned again and again (people join and leave): two starts
        // (one per core here) and about 3·10⁸ pair evaluations each keep a regional round to
        // seconds; the benchmark-grade budget of `SearchParams::default` gains a few tenths of
        // a per cent for ten times the time.
        let sp = mdgp::SearchParams {
            seed: params.seed,
            time_limit: params.time_limit,
            starts: 2,
            max_iterations: Some(mdgp::budget_for_work(p.n, 300_000_000)),
            ..mdgp::SearchParams::default()
        };
        let s = mdgp::local_search(p, &sp)?;
        let note = s.stopped_by_time.then(|| {
            format!(
                "the time limit ({:.0} s) cut the search before its fixed budget: a re-run may give other groups; a longer --time-limit makes the plan reproducible",
                params.time_limit.as_secs_f64()
            )
        });
        Ok(Grouping { assignment: s.assignment, optimal: false, bound: None, note })
    }
}

struct Milp;

impl GroupStrategy for Milp {
    fn name(&self) -> &'static str {
        "milp"
    }
    fn method(&self) -> &'static str {
        "exact: set-partitioning MILP over candidate groups (good_lp, microlp backend), for small programmes; proves the optimum"
    }
    fn solve(&self, p: &GroupingProblem, params: &GroupParams) -> Result<Grouping, GroupingError> {
        let s = mdgp::exact_milp(p, params.time_limit)?;
        let optimal = s.status == mdgp::ExactStatus::Optimal;
        let note = (!optimal).then(|| "the time limit stopped the MILP before it proved the optimum".to_string());
        Ok(Grouping { assignment: s.assignment, optimal, bound: s.bound, note })
    }
}

struct Auto;

impl GroupStrategy for Auto {
    fn name(&self) -> &'static str {
        "auto"
    }
    fn method(&self) -> &'static str {
        "exact MILP where the programme is small enough to prove the optimum, else the iterated tabu search"
    }
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

/// The registry of grouping strategies, default first.
pub fn strategies() -> Vec<Box<dyn GroupStrategy>> {
    vec![Box::new(Auto), Box::new(LocalSearch), Box::new(Milp)]
}

/// Looks a grouping strategy up by name.
pub fn strategy(name: &str) -> Result<Box<dyn GroupStrategy>, SolveError> {
    strategies().into_iter().find(|s| s.name() == name).ok_or_else(|| SolveError::UnknownStrategy {
        name: name.to_string(),
        known: strategies().iter().map(|s| s.name()).collect::<Vec<_>>().join(", "),
    })
}

/// A formed group.
#[derive(Debug, Clone)]
pub struct FormedGroup {
    /// Participant indices.
    pub members: Vec<usize>,
    /// Meeting place (municipality index).
    pub place: usize,
    /// Leader index.
    pub leader: Option<usize>,
    /// Meeting dates.
    pub meetings: Vec<NaiveDate>,
    /// (date, participant) pairs where a member is unavailable or busy.
    pub conflicts: Vec<(NaiveDate, usize, &'static str)>,
    /// Why fewer than the minimum meetings fit.
    pub shortfall: Option<String>,
    /// Index of the fixed group (in the programme's `fixed_groups`) this group realises.
    pub pin: Option<usize>,
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
    /// Upper bound on diversity − travel, when known.
    pub bound: Option<f64>,
    /// Strategy used.
    pub strategy: &'static str,
    /// Method in words.
    pub method: &'static str,
    /// Notes for the coordinator (e.g. the group count was adapted).
    pub notes: Vec<String>,
}

/// Forms the groups of every programme, assigns leaders and dates meetings. `busy` holds each
/// person's booked dates (courses, other meetings); members' conflicts with them are avoided
/// where possible and listed, and the groups' dates are added to it.
pub fn solve_groups(
    inst: &Instance,
    params: &GroupParams,
    busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>,
) -> Result<Vec<ProgrammeOutcome>, SolveError> {
    let strat = strategy(&params.strategy)?;
    let mut leader_load = vec![0usize; inst.group_leaders.len()];
    // Places of pinned leaders are reserved before any programme assigns leaders.
    let mut reserved = vec![0usize; inst.group_leaders.len()];
    for l in inst.pins.groups.iter().flatten().filter_map(|g| g.leader) {
        reserved[l] += 1;
    }
    if let Some(l) = (0..reserved.len()).find(|&l| reserved[l] > inst.group_leaders[l].max_groups) {
        return Err(SolveError::Pins(format!(
            "leader {} is pinned to {} fixed groups but leads at most {}",
            inst.group_leaders[l].id, reserved[l], inst.group_leaders[l].max_groups
        )));
    }
    // Pinned mentor meetings are other programme days of the mentee, kept free of groups.
    for pair in &inst.pins.pairs {
        busy.entry(inst.participants[pair.mentee].id.clone()).or_default().extend(pair.meetings.iter().copied());
    }
    let mut outcomes = Vec::new();
    for (pi, prog) in inst.group_programmes.iter().enumerate() {
        outcomes.push(solve_programme(inst, pi, prog, strat.as_ref(), params, &mut leader_load, &mut reserved, busy)?);
    }
    Ok(outcomes)
}

#[allow(clippy::too_many_arguments)]
fn solve_programme(
    inst: &Instance,
    pi: usize,
    prog: &GroupProgramme,
    strat: &dyn GroupStrategy,
    params: &GroupParams,
    leader_load: &mut [usize],
    reserved: &mut [usize],
    busy: &mut BTreeMap<String, BTreeSet<NaiveDate>>,
) -> Result<ProgrammeOutcome, SolveError> {
    let pins: &[crate::model::pins::PinnedGroup] = inst.pins.groups.get(pi).map_or(&[], |v| v.as_slice());
    let pin_error = |why: String| {
        SolveError::Pins(format!(
            "group programme {}: {why} (fixed groups: {})",
            prog.id,
            pins.iter().map(|g| g.path.as_str()).collect::<Vec<_>>().join(", ")
        ))
    };
    let mut out = ProgrammeOutcome {
        programme: pi,
        groups: vec![],
        unserved: vec![],
        not_eligible: vec![],
        diversity: 0.0,
        travel: 0.0,
        leader_travel_minutes: 0.0,
        optimal: true,
        bound: None,
        strategy: strat.name(),
        method: strat.method(),
        notes: vec![],
    };
    let mut eligible = Vec::new();
    for &p in &prog.candidates {
        match ineligibility(inst, prog, p) {
            None => eligible.push(p),
            Some(why) if prog.explicit_enrolment => out.not_eligible.push((p, why)),
            Some(_) => {}
        }
    }
    if let Some(p) = pins.iter().flat_map(|g| &g.members).find(|p| !eligible.contains(p)) {
        return Err(pin_error(format!("pinned member {} is not an eligible candidate of the programme", inst.participants[*p].id)));
    }
    // Leaders: qualified, with room left in the round (places reserved for pinned leaders
    // excepted); groups with a pinned leader need no place.
    let room = |l: usize| inst.group_leaders[l].max_groups.saturating_sub(leader_load[l] + reserved[l]);
    let qualified: Vec<usize> = (0..inst.group_leaders.len())
        .filter(|&l| inst.group_leaders[l].qualifications.contains(&prog.qualification) && room(l) > 0)
        .collect();
    let pinned_leaders = pins.iter().filter(|g| g.leader.is_some()).count();
    let leader_places: usize = qualified.iter().map(|&l| room(l)).sum::<usize>() + pinned_leaders;

    // Number of groups: fixed, or as few as the maximum size allows; never more than leaders.
    let n = eligible.len();
    let sizes_for = |m: usize| -> Vec<(usize, usize)> {
        match &prog.group_sizes {
            Some(sizes) => sizes.iter().copied().take(m).collect(),
            None => vec![(prog.min_size, prog.max_size); m],
        }
    };
    let need = |m: usize| sizes_for(m).iter().map(|s| s.0).sum::<usize>();
    let mut m = prog.group_sizes.as_ref().map(|s| s.len()).or(prog.groups).unwrap_or_else(|| n.div_ceil(prog.max_size.max(1)));
    // Every fixed group is a group of its own: form at least as many groups as there are.
    if prog.groups.is_none() && prog.group_sizes.is_none() && m < pins.len() {
        m = pins.len();
    }
    if prog.leader_required && m > leader_places {
        out.notes.push(format!(
            "{m} groups are needed but the qualified leaders ({}) have room for {leader_places}",
            qualified.iter().map(|&l| inst.group_leaders[l].id.as_str()).collect::<Vec<_>>().join(", ")
        ));
        m = leader_places;
    }
    if need(m) > n {
        let fit = (0..=m).rev().find(|&k| need(k) <= n).unwrap_or(0);
        if prog.groups.is_some() || prog.group_sizes.is_some() {
            out.notes.push(format!("{m} groups need at least {} members; {n} are eligible, so {fit} group(s) are formed", need(m)));
        }
        m = fit;
    }
    // Who is served when seats are short: earliest employment first (they have waited
    // longest), then id, a rule a coordinator can state; someone whose municipality or unit
    // already fills its share of seats under a mixing cap waits.
    let mut order = eligible.clone();
    let is_pinned = |p: usize| pins.iter().any(|g| g.members.contains(&p));
    // Pinned members are served first.
    order.sort_by(|&a, &b| {
        (!is_pinned(a), inst.participants[a].employment_start, &inst.participants[a].id).cmp(&(
            !is_pinned(b),
            inst.participants[b].employment_start,
            &inst.participants[b].id,
        ))
    });
    // Mixing caps as (label of every participant, cap, what the label is).
    let label_caps: Vec<(Vec<usize>, usize, &str)> = [
        prog.max_per_municipality.map(|c| (inst.participants.iter().map(|p| p.municipality).collect(), c, "municipality")),
        prog.max_per_unit.map(|c| (inst.participants.iter().map(|p| p.unit).collect(), c, "unit")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if m < pins.len() {
        return Err(pin_error(format!(
            "{} fixed groups but only {m} group(s) can be formed ({n} eligible participants, {leader_places} leader place(s))",
            pins.len()
        )));
    }
    if m == 0 {
        let (code, msg) = if n < prog.min_size {
            ("too_few_for_a_group", format!("only {n} eligible participant(s); a group needs at least {}", prog.min_size))
        } else {
            ("no_leader", format!("no leader qualified for \"{}\" has room for a group", prog.qualification))
        };
        out.unserved = order.iter().map(|&p| (p, code, msg.clone())).collect();
        out.unserved.sort_by(|a, b| inst.participants[a.0].id.cmp(&inst.participants[b.0].id));
        return Ok(out);
    }
    // Select the served members for m groups; if the mixing caps leave too few for m groups,
    // try one group fewer.
    let (served, unserved) = loop {
        let seats: usize = sizes_for(m).iter().map(|s| s.1).sum();
        let mut served = Vec::new();
        let mut unserved = Vec::new();
        let mut used: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); label_caps.len()];
        for &p in &order {
            if served.len() == seats {
                unserved.push((
                    p,
                    "groups_full",
                    format!("all {m} group(s) are full ({seats} seats); earlier employment dates were served first"),
                ));
                continue;
            }
            let blocked =
                label_caps.iter().enumerate().find(|(c, (label, cap, _))| used[*c].get(&label[p]).copied().unwrap_or(0) >= m * cap);
            if let Some((_, (_, cap, what))) = blocked {
                unserved.push((
                    p,
                    "mixing_cap",
                    format!("the {m} group(s) already hold {} people from the same {what} (at most {cap} per group)", m * cap),
                ));
                continue;
            }
            for (c, (label, _, _)) in label_caps.iter().enumerate() {
                *used[c].entry(label[p]).or_default() += 1;
            }
            served.push(p);
        }
        if served.len() >= need(m) {
            break (served, unserved);
        }
        if m <= pins.len() {
            return Err(pin_error(format!(
                "the mixing caps leave {} participants, too few for the {m} group(s) the fixed groups need",
                served.len()
            )));
        }
        if m == 1 {
            let msg = format!("only {} participant(s) fit the mixing caps; a group needs at least {}", served.len(), prog.min_size);
            unserved.extend(served.iter().map(|&p| (p, "too_few_for_a_group", msg.clone())));
            break (vec![], unserved);
        }
        out.notes.push(format!(
            "the mixing caps leave {} participants, too few for {m} groups of at least {}; trying {}",
            served.len(),
            prog.min_size,
            m - 1
        ));
        m -= 1;
    };
    out.unserved = unserved;
    out.unserved.sort_by(|a, b| inst.participants[a.0].id.cmp(&inst.participants[b.0].id));
    if served.is_empty() {
        return Ok(out);
    }

    // The grouping problem.
    let k = served.len();
    if k > crate::load::limits::MAX_GROUP_MEMBERS {
        let limit = crate::load::limits::MAX_GROUP_MEMBERS;
        return Err(SolveError::Limit(format!("{k} members for {}, over the limit MAX_GROUP_MEMBERS = {limit}", prog.id)));
    }
    let mut weights = vec![0.0; k * k];
    for a in 0..k {
        for b in a + 1..k {
            let w = pair_benefit(inst, prog, served[a], served[b]);
            weights[a * k + b] = w;
            weights[b * k + a] = w;
        }
    }
    let caps: Vec<AttributeCap> = label_caps
        .iter()
        .map(|(label, cap, _)| AttributeCap { label: served.iter().map(|&p| label[p] as u32).collect(), max_per_group: *cap })
        .collect();
    let n_sites = inst.municipalities.len();
    let site_costs = match prog.venue {
        Some(_) => None,
        None => Some(SiteCosts {
            n_sites,
            cost: served
                .iter()
                .flat_map(|&p| {
                    (0..n_sites).map(move |s| prog.diversity.travel_per_minute * inst.travel(inst.participants[p].municipality, s))
                })
                .collect(),
        }),
    };
    // Fixed group j goes to group slot_of_pin[j] (a size range that holds it); its members may
    // only be placed there, so they stay together and apart from other fixed groups.
    let bounds = sizes_for(m);
    let mut slot_of_pin = vec![usize::MAX; pins.len()];
    let mut by_size: Vec<usize> = (0..pins.len()).collect();
    by_size.sort_by_key(|&j| (std::cmp::Reverse(pins[j].members.len()), j));
    let mut taken = vec![false; m];
    for j in by_size {
        let Some(g) = (0..m).find(|&g| !taken[g] && bounds[g].1 >= pins[j].members.len()) else {
            return Err(pin_error(format!("no group of the programme can hold the {} members of {}", pins[j].members.len(), pins[j].path)));
        };
        taken[g] = true;
        slot_of_pin[j] = g;
    }
    let allowed_groups = (!pins.is_empty()).then(|| {
        served
            .iter()
            .map(|&p| match pins.iter().position(|g| g.members.contains(&p)) {
                Some(j) => (0..m).map(|g| g == slot_of_pin[j]).collect(),
                None => vec![true; m],
            })
            .collect()
    });
    let problem = GroupingProblem { n: k, weights, group_bounds: bounds, caps, site_costs, allowed_groups };
    let grouping = strat.solve(&problem, params).map_err(|e| SolveError::Numeric(format!("group programme {}: {e}", prog.id)))?;
    let value = problem.evaluate(&grouping.assignment);
    let sites = problem.meeting_sites(&grouping.assignment);
    out.diversity = value.pair_benefit;
    out.travel = value.travel_cost;
    out.optimal = grouping.optimal;
    out.notes.extend(grouping.note.clone());
    out.bound = grouping.bound;
    let mut groups: Vec<FormedGroup> = (0..m)
        .map(|g| FormedGroup {
            members: (0..k).filter(|&i| grouping.assignment[i] == g).map(|i| served[i]).collect(),
            place: prog.venue.or_else(|| sites.as_ref().map(|s| s[g])).unwrap_or(0),
            leader: None,
            meetings: vec![],
            conflicts: vec![],
            shortfall: None,
            pin: slot_of_pin.iter().position(|&x| x == g),
        })
        .collect();
    if let Some(v) = prog.venue {
        out.travel = served.iter().map(|&p| prog.diversity.travel_per_minute * inst.travel(inst.participants[p].municipality, v)).sum();
    }
    // Stable order: by the first member's id (groups of different sizes keep the order of
    // their size ranges).
    for g in &mut groups {
        g.members.sort_by(|&a, &b| inst.participants[a].id.cmp(&inst.participants[b].id));
    }
    if prog.group_sizes.is_none() {
        groups.sort_by(|a, b| inst.participants[a.members[0]].id.cmp(&inst.participants[b.members[0]].id));
    }

    // Pinned leaders first (their places were reserved).
    for group in &mut groups {
        if let Some(l) = group.pin.and_then(|j| pins[j].leader) {
            group.leader = Some(l);
            leader_load[l] += 1;
            reserved[l] -= 1;
            out.leader_travel_minutes += inst.travel(inst.group_leaders[l].municipality, group.place);
        }
    }
    // The other leaders: exact assignment of groups to leaders' free places, minimising travel.
    let open: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].leader.is_none()).collect();
    if !qualified.is_empty() && !open.is_empty() {
        let slots: Vec<usize> = qualified
            .iter()
            .flat_map(|&l| std::iter::repeat_n(l, inst.group_leaders[l].max_groups.saturating_sub(leader_load[l] + reserved[l])))
            .collect();
        let (rows, cols) = (open.len(), slots.len().max(open.len()));
        let big = 1e9;
        let mut cost = vec![big; rows * cols];
        for (row, &g) in open.iter().enumerate() {
            for (s, &l) in slots.iter().enumerate() {
                cost[row * cols + s] = (inst.travel(inst.group_leaders[l].municipality, groups[g].place) * 1000.0).round();
            }
        }
        if let Ok((r, c)) = lsap::solve(rows, cols, &cost, false) {
            for (row, s) in r.into_iter().zip(c) {
                if s < slots.len() {
                    let g = open[row];
                    groups[g].leader = Some(slots[s]);
                    leader_load[slots[s]] += 1;
                    out.leader_travel_minutes += inst.travel(inst.group_leaders[slots[s]].municipality, groups[g].place);
                }
            }
        }
    }

    for group in &mut groups {
        let pinned: &[NaiveDate] = group.pin.map_or(&[], |j| pins[j].meetings.as_slice());
        schedule_group(inst, prog, group, pinned, busy);
    }
    out.groups = groups;
    Ok(out)
}

/// Dates a group's meetings: on working days the leader is free (hard), preferring days no
/// member is unavailable or busy, one weekday throughout, and the middle of the month.
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
) {
    let rules = &prog.meetings;
    let empty = BTreeSet::new();
    let leader = group.leader.map(|l| &inst.group_leaders[l]);
    let leader_busy = leader.and_then(|l| busy.get(&l.id)).unwrap_or(&empty);
    let pinned_months: BTreeSet<i32> = pinned.iter().map(|d| crate::model::calendar::month_key(*d)).collect();
    let gap = rules.min_days_between as i64;
    let mentor_day = |d: &NaiveDate| inst.pins.pairs.iter().any(|x| x.meetings.contains(d) && group.members.contains(&x.mentee));
    let days: Vec<NaiveDate> = inst
        .calendar
        .working_days()
        .into_iter()
        .filter(|d| {
            pinned.contains(d)
                || (leader.is_none_or(|l| !l.unavailable.contains(d))
                    && !leader_busy.contains(d)
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
                c * 10_000 + off_day + (d.day() as i64 - TARGET_DAY_OF_MONTH).abs()
            })
            .collect();
        let picked = best_series_with(&days, &penalty, (rules.max as usize).max(pinned.len()), gap);
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
        group.shortfall = Some(format!(
            "only {} of the required {} meetings fit on days the leader is free, at least {} days apart",
            group.meetings.len(),
            rules.min,
            rules.min_days_between
        ));
    }
    let mut people: Vec<&str> = group.members.iter().map(|&p| inst.participants[p].id.as_str()).collect();
    if let Some(l) = leader {
        people.push(&l.id);
    }
    for who in people {
        busy.entry(who.to_string()).or_default().extend(group.meetings.iter().copied());
    }
}
