//! Forming the groups of one programme, step by step: who is eligible, how many groups, who is
//! served when seats are short, the grouping problem and its solution, the leaders and the
//! meetings.

use super::mdgp::{AttributeCap, GroupingProblem, SiteCosts};
use super::{
    eligible_window, ineligibility, ineligibility_on, pair_benefit, schedule_group, CourseCohort, FormedGroup, GroupParams,
    ProgrammeOutcome,
};
use crate::load::limits::MAX_GROUP_MEMBERS;
use crate::model::groups::GroupProgramme;
use crate::model::pins::PinnedGroup;
use crate::model::{Instance, MunicipalityId, ParticipantId};
use crate::solve::strategy::Strategy;
use crate::solve::SolveError;
use crate::text::tr;
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

/// An eligible participant left without a group: (participant, reason code, message).
type Unserved = (usize, &'static str, String);

/// A mixing cap: the label of every participant, the cap per group, and what the label is.
type LabelCap = (Vec<usize>, usize, &'static str);

/// One programme being formed: the instance, the programme and its fixed groups.
struct Programme<'a> {
    inst: &'a Instance,
    prog: &'a GroupProgramme,
    pins: &'a [PinnedGroup],
}

/// The leaders a programme can use: leaders qualified for it with room left in the round, and
/// the number of groups they (and the pinned leaders) can lead.
struct Leaders {
    qualified: Vec<usize>,
    places: usize,
    /// Groups the places can lead with the programme's number of distinct leaders per group.
    groups: usize,
}

/// What the programmes of a round share: leaders' loads and reserved places, people's busy
/// days, and the timetable's sessions for linked programmes.
pub(super) struct Round<'r> {
    pub leader_load: &'r mut [usize],
    pub reserved: &'r mut [usize],
    pub busy: &'r mut BTreeMap<String, BTreeSet<NaiveDate>>,
    pub sessions: &'r [CourseCohort],
    /// The group meetings dated so far, by day and month.
    pub days: &'r mut super::super::meetings::Spread,
}

/// A cohort: the people eligible on its start and not yet grouped, who form groups together.
struct Cohort {
    /// The start; None: the round's start (a programme without cohorts).
    start: Option<NaiveDate>,
    /// The course session the cohort attended (a linked programme).
    session: Option<String>,
    /// The eligible candidates.
    eligible: Vec<usize>,
}

/// Forms programme `pi`'s groups with the strategy of `params`, cohort by cohort, assigns
/// leaders (updating the round's leader loads and the places reserved for pinned leaders) and
/// dates the meetings. Everyone in the programme's scope (eligible on some day of the round;
/// for a linked programme, an attendee of the course eligible on their session's start) is in
/// a group or listed as unserved with a reason.
pub(super) fn solve_programme(inst: &Instance, pi: usize, params: &GroupParams, round: &mut Round) -> Result<ProgrammeOutcome, SolveError> {
    let prog = &inst.group_programmes[pi];
    let strat = params.strategy;
    let pp = Programme { inst, prog, pins: inst.pins.groups.get(pi).map_or(&[], |v| v.as_slice()) };
    let mut out = ProgrammeOutcome::empty(pi, strat.name(), strat.method(), true);
    let windows = pp.windows(&mut out.not_eligible);
    let mut unserved: BTreeMap<usize, Unserved> = BTreeMap::new();
    // Under a time limit the programme's share ends here; its cohorts divide it.
    let end = params.deadline.map(|_| Instant::now() + params.time_limit);
    if let Some(course) = prog.linked_course {
        let count = round.sessions.iter().filter(|s| s.course == course).count();
        for (k, session) in round.sessions.iter().filter(|s| s.course == course).enumerate() {
            let eligible: Vec<usize> = session
                .attendees
                .iter()
                .copied()
                .filter(|&p| windows.contains_key(&p) && ineligibility_on(inst, prog, ParticipantId(p), session.start).is_none())
                .collect();
            let cohort = Cohort { start: Some(session.start), session: Some(session.id.clone()), eligible };
            for u in form_cohort(&pp, &cohort, &cohort_params(params, end, (k, count)), round, &mut out)? {
                unserved.insert(u.0, u);
            }
        }
    } else if let Some(every) = prog.cohort_months {
        rolling_cohorts(&pp, every, &windows, (params, end), round, &mut out, &mut unserved)?;
    } else {
        let start = inst.calendar.start;
        let eligible: Vec<usize> = windows.iter().filter(|(_, w)| w.0 <= start).map(|(&p, _)| p).collect();
        pp.pinned_eligible(&eligible)?;
        for &p in windows.keys().filter(|p| !eligible.contains(p)) {
            let msg = tr!("groups-msg-eligible-after-start", date = windows[&p].0.to_string());
            unserved.insert(p, (p, "eligible_later", msg));
        }
        for u in form_cohort(&pp, &Cohort { start: None, session: None, eligible }, params, round, &mut out)? {
            unserved.insert(u.0, u);
        }
    }
    out.unserved = unserved.into_values().collect();
    out.unserved.sort_by(|a, b| inst.participants[a.0].id.cmp(&inst.participants[b.0].id));
    Ok(out)
}

/// The parameters of the `k`-th of `count` cohorts: under a time limit each cohort may use an
/// equal share of what is left of the programme's time (which ends at `end`), so that a
/// programme of several cohorts keeps to its share of the limit. A cohort gets at least half
/// of its equal share of the programme's whole time: the leaders and meetings of the cohorts
/// before it (dated after their search) must not leave it no time to form its groups in.
fn cohort_params(params: &GroupParams, end: Option<Instant>, (k, count): (usize, usize)) -> GroupParams {
    match end {
        Some(end) => {
            let left = end.saturating_duration_since(Instant::now()) / count.saturating_sub(k).max(1) as u32;
            let floor = params.time_limit / (2 * count.max(1)) as u32;
            GroupParams { time_limit: left.max(floor), ..params.clone() }
        }
        None => params.clone(),
    }
}

/// Cohorts every `every` months from the round's start, while a series of the minimum number of
/// monthly meetings still fits before the round's end. A cohort starts when at least a group's
/// minimum of people are eligible on its start and not yet grouped (the last one with whoever is
/// left); people not served in one cohort wait for the next while they are eligible.
fn rolling_cohorts(
    pp: &Programme,
    every: u32,
    windows: &BTreeMap<usize, (NaiveDate, NaiveDate)>,
    (params, end): (&GroupParams, Option<Instant>),
    round: &mut Round,
    out: &mut ProgrammeOutcome,
    unserved: &mut BTreeMap<usize, Unserved>,
) -> Result<(), SolveError> {
    let (inst, prog) = (pp.inst, pp.prog);
    let starts = cohort_starts(inst, prog, every);
    let mut grouped: BTreeSet<usize> = BTreeSet::new();
    // Whether a person was ever left out of a cohort that formed groups (they could have
    // joined those groups: the reason must say why they did not).
    let mut seated_out: BTreeMap<usize, Unserved> = BTreeMap::new();
    for (k, &start) in starts.iter().enumerate() {
        let eligible: Vec<usize> = windows
            .keys()
            .copied()
            .filter(|&p| !grouped.contains(&p) && ineligibility_on(inst, prog, ParticipantId(p), start).is_none())
            .collect();
        if eligible.is_empty() || (eligible.len() < prog.min_size && k + 1 < starts.len()) {
            for &p in &eligible {
                let msg = tr!("groups-msg-few-on", n = eligible.len(), date = start.to_string(), min = prog.min_size);
                unserved.insert(p, (p, "too_few_for_a_group", msg));
            }
            continue;
        }
        let before = out.groups.len();
        let cohort = Cohort { start: Some(start), session: None, eligible };
        let left = form_cohort(pp, &cohort, &cohort_params(params, end, (k, starts.len())), round, out)?;
        grouped.extend(out.groups[before..].iter().flat_map(|g| g.members.iter().copied()));
        let formed = out.groups.len() > before;
        for u in left {
            if formed {
                let merged = match seated_out.get(&u.0) {
                    Some(prev) if prev.1 != u.1 => (u.0, "groups_full", u.2.clone()),
                    _ => u.clone(),
                };
                seated_out.insert(u.0, merged);
            }
            unserved.insert(u.0, u);
        }
    }
    for (&p, w) in windows {
        if grouped.contains(&p) {
            unserved.remove(&p);
        } else if let Some(u) = seated_out.remove(&p) {
            unserved.insert(p, u);
        } else {
            unserved.entry(p).or_insert_with(|| {
                let msg = match starts.last() {
                    Some(last) if w.0 > *last => {
                        tr!("groups-msg-eligible-after-last", date = w.0.to_string(), last = last.to_string(), meetings = prog.meetings.min)
                    }
                    _ => tr!("groups-msg-between-cohorts", from = w.0.to_string(), to = w.1.to_string()),
                };
                (p, "eligible_later", msg)
            });
        }
    }
    Ok(())
}

/// The cohort starts of a programme: every `every` months from the round's start, while the
/// months left hold the minimum number of monthly meetings: months with a working day from the
/// start on (a month wholly closed, e.g. July in a summer break, holds no meeting).
fn cohort_starts(inst: &Instance, prog: &GroupProgramme, every: u32) -> Vec<NaiveDate> {
    let (start, end) = (inst.calendar.start, inst.calendar.end);
    let months_left = |d: NaiveDate| {
        let open: std::collections::BTreeSet<(i32, u32)> =
            d.iter_days().take_while(|x| *x <= end).filter(|x| inst.calendar.is_working_day(*x)).map(|x| (x.year(), x.month())).collect();
        open.len() as i64
    };
    (0..)
        .map_while(|k: u32| start.checked_add_months(Months::new(k * every)))
        .take_while(|&d| d <= end && months_left(d) >= prog.meetings.min.max(1) as i64)
        .collect()
}

/// Forms one cohort's groups: how many, who is served, the grouping, leaders and meetings. The
/// groups are added to `out` (with the cohort's start and session) and the objective, status
/// and notes accumulated; returns the cohort's eligible people left without a group.
fn form_cohort(
    pp: &Programme,
    cohort: &Cohort,
    params: &GroupParams,
    round: &mut Round,
    out: &mut ProgrammeOutcome,
) -> Result<Vec<Unserved>, SolveError> {
    let (inst, prog) = (pp.inst, pp.prog);
    let eligible = &cohort.eligible;
    let leaders = pp.leaders(round.leader_load, round.reserved);
    let n = eligible.len();
    let mut notes = Vec::new();
    let mut m = pp.group_count(n, &leaders, &mut notes);
    let order = pp.service_order(eligible);
    let label_caps = pp.label_caps();
    if m < pp.pins.len() {
        return Err(pp.pin_error(tr!("pin-groups-too-few", pins = pp.pins.len(), m = m, n = n, places = leaders.places)));
    }
    let label = |note: String| match cohort.start {
        Some(s) => tr!("groups-msg-cohort", start = s.to_string(), note = note),
        None => note,
    };
    if m == 0 {
        out.notes.extend(notes.into_iter().map(label));
        let (code, msg) = if n < prog.min_size {
            ("too_few_for_a_group", tr!("groups-msg-too-few", n = n, min = prog.min_size))
        } else {
            ("no_leader", tr!("groups-msg-no-leader", qualification = prog.qualification.as_str()))
        };
        return Ok(order.iter().map(|&p| (p, code, msg.clone())).collect());
    }
    let (served, unserved) = pp.select_members(&order, &label_caps, &mut m, &mut notes)?;
    if served.is_empty() {
        out.notes.extend(notes.into_iter().map(label));
        return Ok(unserved);
    }
    let (problem, slot_of_pin) = pp.grouping_problem(&served, &label_caps, m)?;
    let grouping =
        params.strategy.imp().solve(&problem, params).map_err(|e| SolveError::Numeric(format!("group programme {}: {e}", prog.id)))?;
    let value = problem.evaluate(&grouping.assignment);
    out.diversity += value.pair_benefit;
    out.travel += match prog.venue {
        Some(v) => served.iter().map(|&p| prog.diversity.travel_per_minute * inst.travel(inst.participants[p].municipality, v)).sum(),
        None => value.travel_cost,
    };
    out.optimal &= grouping.optimal;
    if out.stop.is_none() || !grouping.optimal {
        out.stop = Some(grouping.stop);
    }
    notes.extend(grouping.note.clone());
    out.notes.extend(notes.into_iter().map(label));
    let first = out.groups.is_empty();
    out.bound = match (first, out.bound, grouping.bound) {
        (true, _, b) => b,
        (false, Some(a), Some(b)) => Some(a + b),
        _ => None,
    };
    let mut groups = pp.form_groups(&served, &problem, &grouping.assignment, m, &slot_of_pin);
    out.leader_travel_minutes += pp.assign_leaders(&mut groups, &leaders.qualified, round.leader_load, round.reserved);
    for group in &mut groups {
        group.start = cohort.start;
        group.session = cohort.session.clone();
        let pinned: &[NaiveDate] = group.pin.map_or(&[], |j| pp.pins[j].meetings.as_slice());
        schedule_group(inst, prog, group, pinned, round.busy, round.days);
    }
    out.groups.extend(groups);
    Ok(unserved)
}

impl Programme<'_> {
    fn pin_error(&self, why: String) -> SolveError {
        SolveError::Pins(tr!(
            "pin-group-programme",
            programme = self.prog.name.as_str(),
            why = why,
            pins = self.pins.iter().map(|g| g.path.as_str()).collect::<Vec<_>>().join(", ")
        ))
    }

    /// The size ranges of `m` groups.
    fn sizes_for(&self, m: usize) -> Vec<(usize, usize)> {
        match &self.prog.group_sizes {
            Some(sizes) => sizes.iter().copied().take(m).collect(),
            None => vec![(self.prog.min_size, self.prog.max_size); m],
        }
    }

    /// The members `m` groups need at least.
    fn need(&self, m: usize) -> usize {
        self.sizes_for(m).iter().map(|s| s.0).sum::<usize>()
    }

    /// The candidates in the programme's scope with their eligibility windows (see
    /// [`eligible_window`]); enrolled candidates eligible on no day of the round go to
    /// `not_eligible` with the reason on the round's start.
    fn windows(&self, not_eligible: &mut Vec<(usize, String)>) -> BTreeMap<usize, (NaiveDate, NaiveDate)> {
        let mut windows = BTreeMap::new();
        for &id in &self.prog.candidates {
            match eligible_window(self.inst, self.prog, id) {
                Some(w) => {
                    windows.insert(id.index(), w);
                }
                None if self.prog.explicit_enrolment => {
                    not_eligible.push((id.index(), ineligibility(self.inst, self.prog, id).unwrap_or_default()));
                }
                None => {}
            }
        }
        windows
    }

    /// A pinned member who is not eligible at the round's start is an error.
    fn pinned_eligible(&self, eligible: &[usize]) -> Result<(), SolveError> {
        if let Some(p) = self.pins.iter().flat_map(|g| &g.members).find(|p| !eligible.contains(&p.index())) {
            return Err(self.pin_error(tr!("pin-group-member-not-eligible", member = self.inst.participants[*p].id.as_str())));
        }
        Ok(())
    }

    /// Leaders: qualified, with room left in the round (places reserved for pinned leaders
    /// excepted); groups with a pinned leader need no place.
    fn leaders(&self, leader_load: &[usize], reserved: &[usize]) -> Leaders {
        let inst = self.inst;
        let room = |l: usize| inst.group_leaders[l].max_groups.saturating_sub(leader_load[l] + reserved[l]);
        let qualified: Vec<usize> = (0..inst.group_leaders.len())
            .filter(|&l| inst.group_leaders[l].qualifications.contains(&self.prog.qualification) && room(l) > 0)
            .collect();
        let pinned_leaders = self.pins.iter().filter(|g| g.leader.is_some()).count();
        let places = qualified.iter().map(|&l| room(l)).sum::<usize>() + pinned_leaders;
        // g groups with k distinct leaders each need k·g places, at most g of them one leader's.
        let k = self.prog.leaders_per_group.max(1);
        let groups = (0..=places / k)
            .rev()
            .find(|&g| qualified.iter().map(|&l| room(l).min(g)).sum::<usize>() + pinned_leaders >= k * g)
            .unwrap_or(0);
        Leaders { qualified, places, groups }
    }

    /// Number of groups: fixed, or as few as the maximum size allows; never more than leaders
    /// can lead nor more than the eligible can fill. Adaptations are noted.
    fn group_count(&self, n: usize, leaders: &Leaders, notes: &mut Vec<String>) -> usize {
        let prog = self.prog;
        let mut m = prog.group_sizes.as_ref().map(|s| s.len()).or(prog.groups).unwrap_or_else(|| n.div_ceil(prog.max_size.max(1)));
        // Every fixed group is a group of its own: form at least as many groups as there are.
        if prog.groups.is_none() && prog.group_sizes.is_none() && m < self.pins.len() {
            m = self.pins.len();
        }
        if prog.leader_required && m > leaders.groups {
            notes.push(format!(
                "{m} groups are needed but the qualified leaders ({}) have room for {}",
                leaders.qualified.iter().map(|&l| self.inst.group_leaders[l].id.as_str()).collect::<Vec<_>>().join(", "),
                leaders.groups
            ));
            m = leaders.groups;
        }
        if self.need(m) > n {
            let fit = (0..=m).rev().find(|&k| self.need(k) <= n).unwrap_or(0);
            if prog.groups.is_some() || prog.group_sizes.is_some() {
                notes.push(format!("{m} groups need at least {} members; {n} are eligible, so {fit} group(s) are formed", self.need(m)));
            }
            m = fit;
        }
        m
    }

    /// Who is served when seats are short: pinned members first, then earliest employment
    /// (they have waited longest), then id, a rule a coordinator can state.
    fn service_order(&self, eligible: &[usize]) -> Vec<usize> {
        let inst = self.inst;
        let mut order = eligible.to_vec();
        let is_pinned = |p: usize| self.pins.iter().any(|g| g.members.contains(&ParticipantId(p)));
        order.sort_by(|&a, &b| {
            (!is_pinned(a), inst.participants[a].employment_start, &inst.participants[a].id).cmp(&(
                !is_pinned(b),
                inst.participants[b].employment_start,
                &inst.participants[b].id,
            ))
        });
        order
    }

    /// The programme's mixing caps.
    fn label_caps(&self) -> Vec<LabelCap> {
        let inst = self.inst;
        [
            self.prog.max_per_municipality.map(|c| (inst.participants.iter().map(|p| p.municipality.index()).collect(), c, "municipality")),
            self.prog.max_per_unit.map(|c| (inst.participants.iter().map(|p| p.unit.index()).collect(), c, "unit")),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Selects the served members for `m` groups in service order; someone whose municipality
    /// or unit already fills its share of seats under a mixing cap waits. If the caps leave too
    /// few for `m` groups, one group fewer is tried (and noted).
    fn select_members(
        &self,
        order: &[usize],
        label_caps: &[LabelCap],
        m: &mut usize,
        notes: &mut Vec<String>,
    ) -> Result<(Vec<usize>, Vec<Unserved>), SolveError> {
        loop {
            let (served, mut unserved) = self.fill_seats(order, label_caps, *m);
            if served.len() >= self.need(*m) {
                return Ok((served, unserved));
            }
            if *m <= self.pins.len() {
                return Err(self.pin_error(tr!("pin-groups-mixing-caps", n = served.len(), m = *m)));
            }
            if *m == 1 {
                let msg = tr!("groups-msg-caps-too-few", n = served.len(), min = self.prog.min_size);
                unserved.extend(served.iter().map(|&p| (p, "too_few_for_a_group", msg.clone())));
                return Ok((vec![], unserved));
            }
            notes.push(tr!("groups-msg-caps-retry", n = served.len(), m = *m, min = self.prog.min_size, next = *m - 1));
            *m -= 1;
        }
    }

    /// The seats of `m` groups filled in service order within the mixing caps: (served,
    /// unserved with reasons).
    fn fill_seats(&self, order: &[usize], label_caps: &[LabelCap], m: usize) -> (Vec<usize>, Vec<Unserved>) {
        let seats: usize = self.sizes_for(m).iter().map(|s| s.1).sum();
        let mut served = Vec::new();
        let mut unserved = Vec::new();
        let mut used: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); label_caps.len()];
        for &p in order {
            if served.len() == seats {
                unserved.push((p, "groups_full", tr!("groups-msg-full", m = m, seats = seats)));
                continue;
            }
            let blocked =
                label_caps.iter().enumerate().find(|(c, (label, cap, _))| used[*c].get(&label[p]).copied().unwrap_or(0) >= m * cap);
            if let Some((_, (_, cap, what))) = blocked {
                unserved.push((p, "mixing_cap", tr!("groups-msg-cap", m = m, n = m * cap, what = *what, cap = *cap)));
                continue;
            }
            for (c, (label, _, _)) in label_caps.iter().enumerate() {
                *used[c].entry(label[p]).or_default() += 1;
            }
            served.push(p);
        }
        (served, unserved)
    }

    /// The grouping problem of the served members in `m` groups, and the group slot of each
    /// fixed group (a size range that holds it; its members may only be placed there, so they
    /// stay together and apart from other fixed groups).
    fn grouping_problem(&self, served: &[usize], label_caps: &[LabelCap], m: usize) -> Result<(GroupingProblem, Vec<usize>), SolveError> {
        let (inst, prog, pins) = (self.inst, self.prog, self.pins);
        let k = served.len();
        if k > MAX_GROUP_MEMBERS {
            return Err(SolveError::Limit(format!("{k} members for {}, over the limit MAX_GROUP_MEMBERS = {MAX_GROUP_MEMBERS}", prog.id)));
        }
        let mut weights = vec![0.0; k * k];
        for a in 0..k {
            for b in a + 1..k {
                let w = pair_benefit(inst, prog, ParticipantId(served[a]), ParticipantId(served[b]));
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
                        (0..n_sites).map(move |s| {
                            prog.diversity.travel_per_minute * inst.travel(inst.participants[p].municipality, MunicipalityId(s))
                        })
                    })
                    .collect(),
            }),
        };
        let bounds = self.sizes_for(m);
        let mut slot_of_pin = vec![usize::MAX; pins.len()];
        let mut by_size: Vec<usize> = (0..pins.len()).collect();
        by_size.sort_by_key(|&j| (std::cmp::Reverse(pins[j].members.len()), j));
        let mut taken = vec![false; m];
        for j in by_size {
            let Some(g) = (0..m).find(|&g| !taken[g] && bounds[g].1 >= pins[j].members.len()) else {
                return Err(self.pin_error(tr!("pin-group-too-large", n = pins[j].members.len(), path = pins[j].path.as_str())));
            };
            taken[g] = true;
            slot_of_pin[j] = g;
        }
        let allowed_groups = (!pins.is_empty()).then(|| {
            served
                .iter()
                .map(|&p| match pins.iter().position(|g| g.members.contains(&ParticipantId(p))) {
                    Some(j) => (0..m).map(|g| g == slot_of_pin[j]).collect(),
                    None => vec![true; m],
                })
                .collect()
        });
        Ok((GroupingProblem { n: k, weights, group_bounds: bounds, caps, site_costs, allowed_groups }, slot_of_pin))
    }

    /// The groups of a solved grouping, members sorted by id, in a stable order: by the first
    /// member's id (groups of different sizes keep the order of their size ranges).
    fn form_groups(
        &self,
        served: &[usize],
        problem: &GroupingProblem,
        assignment: &[usize],
        m: usize,
        slot_of_pin: &[usize],
    ) -> Vec<FormedGroup> {
        let inst = self.inst;
        let sites = problem.meeting_sites(assignment);
        let mut groups: Vec<FormedGroup> = (0..m)
            .map(|g| FormedGroup {
                members: (0..served.len()).filter(|&i| assignment[i] == g).map(|i| served[i]).collect(),
                place: self.prog.venue.or_else(|| sites.as_ref().map(|s| MunicipalityId(s[g]))).unwrap_or_default(),
                leader: None,
                co_leaders: vec![],
                start: None,
                session: None,
                meetings: vec![],
                conflicts: vec![],
                shortfall: None,
                pin: slot_of_pin.iter().position(|&x| x == g),
                id: None,
            })
            .collect();
        for g in &mut groups {
            g.members.sort_by(|&a, &b| inst.participants[a].id.cmp(&inst.participants[b].id));
        }
        if self.prog.group_sizes.is_none() {
            groups.sort_by(|a, b| inst.participants[a.members[0]].id.cmp(&inst.participants[b.members[0]].id));
        }
        groups
    }

    /// Leaders for the groups: pinned leaders first (their places were reserved), then an
    /// exact assignment of the other groups to qualified leaders' free places, minimising
    /// travel. Returns the leaders' travel minutes to their groups, summed.
    fn assign_leaders(&self, groups: &mut [FormedGroup], qualified: &[usize], leader_load: &mut [usize], reserved: &mut [usize]) -> f64 {
        let inst = self.inst;
        let mut travel = 0.0;
        for group in groups.iter_mut() {
            if let Some(l) = group.pin.and_then(|j| self.pins[j].leader).map(|l| l.index()) {
                group.leader = Some(l);
                leader_load[l] += 1;
                reserved[l] -= 1;
                travel += inst.travel(inst.group_leaders[l].municipality, group.place);
            }
        }
        let open: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].leader.is_none()).collect();
        for (g, l) in self.leader_round(groups, &open, qualified, leader_load, reserved) {
            groups[g].leader = Some(l);
            travel += inst.travel(inst.group_leaders[l].municipality, groups[g].place);
        }
        // Further leaders, one round each: a leader already in a group is not its second.
        for _ in 1..self.prog.leaders_per_group {
            let open: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].leader.is_some()).collect();
            for (g, l) in self.leader_round(groups, &open, qualified, leader_load, reserved) {
                groups[g].co_leaders.push(l);
                travel += inst.travel(inst.group_leaders[l].municipality, groups[g].place);
            }
        }
        travel
    }

    /// One leader for each of the `open` groups where places are left: an exact assignment of
    /// the groups to qualified leaders' free places (never a leader the group already has, nor
    /// one of its members: one person, several roles), minimising travel. Counts the load;
    /// returns (group, leader) pairs.
    fn leader_round(
        &self,
        groups: &[FormedGroup],
        open: &[usize],
        qualified: &[usize],
        leader_load: &mut [usize],
        reserved: &[usize],
    ) -> Vec<(usize, usize)> {
        let inst = self.inst;
        if qualified.is_empty() || open.is_empty() {
            return vec![];
        }
        let slots: Vec<usize> = qualified
            .iter()
            .flat_map(|&l| std::iter::repeat_n(l, inst.group_leaders[l].max_groups.saturating_sub(leader_load[l] + reserved[l])))
            .collect();
        let (rows, cols) = (open.len(), slots.len().max(open.len()));
        let big = 1e9;
        let mut cost = vec![big; rows * cols];
        for (row, &g) in open.iter().enumerate() {
            for (s, &l) in slots.iter().enumerate() {
                // Never a leader the group already has, nor one of its members (one person).
                let member = groups[g].members.iter().any(|&p| inst.participants[p].id == inst.group_leaders[l].id);
                if groups[g].leader != Some(l) && !groups[g].co_leaders.contains(&l) && !member {
                    cost[row * cols + s] = (inst.travel(inst.group_leaders[l].municipality, groups[g].place) * 1000.0).round();
                }
            }
        }
        let mut out = Vec::new();
        if let Ok((r, c)) = lsap::solve(rows, cols, &cost, false) {
            for (row, s) in r.into_iter().zip(c) {
                if s < slots.len() && cost[row * cols + s] < big {
                    leader_load[slots[s]] += 1;
                    out.push((open[row], slots[s]));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_cohorts_of_a_programme_divide_its_share_of_the_time_limit() {
        let params = GroupParams {
            deadline: Some(Instant::now() + Duration::from_secs(60)),
            time_limit: Duration::from_secs(9),
            ..GroupParams::new(crate::solve::GroupStrategy::Auto, 1)
        };
        let end = Some(Instant::now() + Duration::from_secs(9));
        // The first of three cohorts: a third of what is left; the last: all that is left.
        let first = cohort_params(&params, end, (0, 3)).time_limit;
        assert!(first <= Duration::from_secs(3) && first > Duration::from_millis(2900), "{first:?}");
        let last = cohort_params(&params, end, (2, 3)).time_limit;
        assert!(last <= Duration::from_secs(9) && last > Duration::from_millis(8900), "{last:?}");
        // Past the programme's end a cohort still gets half of its equal share (1.5 s of 9 s).
        let late = cohort_params(&params, Some(Instant::now()), (2, 3)).time_limit;
        assert_eq!(late, Duration::from_millis(1500));
        // Without a time limit the parameters stay as they are.
        assert_eq!(cohort_params(&params, None, (0, 3)).time_limit, Duration::from_secs(9));
    }
}
