//! Re-planning groups: running groups kept with their members and dates, a leader who left
//! replaced (by one free on the planned dates if there is one), newcomers placed in groups
//! with a free seat, groups that fall below their minimum dissolved into the others.

use super::Ctx;
use crate::format::plan::{GroupProgrammePlan, PlanFile};
use crate::model::groups::GroupProgramme;
use crate::model::pins::PinnedGroup;
use crate::model::{Instance, MunicipalityId, ParticipantId};
use crate::rules::groups::series_gap_too_long;
use crate::solve::groups::{eligible_window, ineligibility, ineligibility_on, pair_benefit, FormedGroup, ProgrammeOutcome};
use crate::solve::meetings::{best_series_within, TARGET_DAY_OF_MONTH};
use crate::solve::SolveError;
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeSet, HashMap};

/// A group of the re-plan with the id it keeps.
type Kept = (String, FormedGroup);

/// The re-planned programmes; each kept group carries its id.
pub fn replan(inst: &Instance, previous: &PlanFile, ctx: &mut Ctx) -> Result<Vec<ProgrammeOutcome>, SolveError> {
    let mut leader_load = vec![0usize; inst.group_leaders.len()];
    let mut out = Vec::new();
    for pi in 0..inst.group_programmes.len() {
        out.push(replan_programme(inst, pi, previous, ctx, &mut leader_load)?);
    }
    Ok(out)
}

/// Re-plans programme `pi`: its running groups kept, fixed groups honoured, newcomers placed,
/// groups below their minimum dissolved, leaders replaced and meetings dated again where needed.
fn replan_programme(
    inst: &Instance,
    pi: usize,
    previous: &PlanFile,
    ctx: &mut Ctx,
    leader_load: &mut [usize],
) -> Result<ProgrammeOutcome, SolveError> {
    let prog = &inst.group_programmes[pi];
    let method = "re-plan: running groups kept, leaders replaced where needed, newcomers placed in free seats";
    let mut o = ProgrammeOutcome::empty(pi, "replan".into(), method, false);
    // In scope: eligible on some day of the round; members are eligible on their group's start.
    let eligible: BTreeSet<usize> =
        prog.candidates.iter().copied().filter(|&p| eligible_window(inst, prog, p).is_some()).map(ParticipantId::index).collect();
    if prog.explicit_enrolment {
        o.not_eligible = prog
            .candidates
            .iter()
            .filter(|&&p| eligible_window(inst, prog, p).is_none())
            .map(|&p| (p.index(), ineligibility(inst, prog, p).unwrap_or_default()))
            .collect();
    }
    let Some(prev) = previous.groups.iter().find(|g| g.programme == prog.id) else {
        ctx.notes.push(tr!("replan-programme-new", programme = prog.name.as_str()));
        let why = tr!("replan-programme-added", programme = prog.name.as_str());
        o.unserved = eligible.iter().map(|&p| (p, "groups_full", why.clone())).collect();
        return Ok(o);
    };
    let mut groups = kept_groups(inst, prog, prev, &eligible, ctx, leader_load);
    for (k, pin) in inst.pins.groups.get(pi).into_iter().flatten().enumerate() {
        place_pin(inst, prog, &mut groups, k, pin, ctx, leader_load)?;
    }
    // Newcomers (and those unserved before): earliest employment first, each to the
    // group with a free seat where they add the most diversity, within the caps.
    let placed: BTreeSet<usize> = groups.iter().flat_map(|g| g.1.members.iter().copied()).collect();
    let mut waiting: Vec<usize> = eligible.iter().copied().filter(|p| !placed.contains(p)).collect();
    waiting.sort_by(|&a, &b| {
        (inst.participants[a].employment_start, &inst.participants[a].id)
            .cmp(&(inst.participants[b].employment_start, &inst.participants[b].id))
    });
    let mut unplaced = place_all(inst, prog, &mut groups, &waiting);
    unplaced.extend(dissolve_small(inst, prog, &mut groups, ctx, leader_load));
    o.unserved = unplaced
        .into_iter()
        .map(|p| {
            if !groups.iter().any(|(_, g)| joinable(inst, prog, g, p)) {
                let from = eligible_window(inst, prog, ParticipantId(p)).map_or(inst.calendar.start, |w| w.0);
                let why = tr!("replan-group-eligible-later", date = from.to_string(), programme = prog.name.as_str());
                return (p, "eligible_later", why);
            }
            (p, "groups_full", tr!("replan-group-no-seat", programme = prog.name.as_str(), min = prog.min_size))
        })
        .collect();
    o.unserved.sort_by(|a, b| inst.participants[a.0].id.cmp(&inst.participants[b.0].id));
    for (id, g) in groups.iter_mut() {
        let pins: Vec<NaiveDate> =
            g.pin.and_then(|k| inst.pins.groups.get(pi).and_then(|v| v.get(k))).map(|p| p.meetings.clone()).unwrap_or_default();
        lead_and_date(inst, prog, id, g, &pins, ctx, leader_load);
    }
    // Conflicts, objective; kept groups keep their ids.
    for (id, g) in groups.iter_mut() {
        finish_group(inst, prog, g, &mut o);
        g.id = Some(id.clone());
    }
    o.groups = groups.into_iter().map(|g| g.1).collect();
    Ok(o)
}

/// The previous plan's groups of a programme, with the members still in the round and
/// eligible, and their leader if still qualified with room.
fn kept_groups(
    inst: &Instance,
    prog: &GroupProgramme,
    prev: &GroupProgrammePlan,
    eligible: &BTreeSet<usize>,
    ctx: &mut Ctx,
    leader_load: &mut [usize],
) -> Vec<Kept> {
    let part_of: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let leader_of: HashMap<&str, usize> = inst.group_leaders.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut groups: Vec<Kept> = Vec::new();
    for g in &prev.groups {
        let start = g.start.unwrap_or(inst.calendar.start);
        let stays = |p: usize| eligible.contains(&p) && ineligibility_on(inst, prog, ParticipantId(p), start).is_none();
        let members: Vec<usize> = g.members.iter().filter_map(|m| part_of.get(m.as_str()).copied()).filter(|&p| stays(p)).collect();
        for m in &g.members {
            if !part_of.get(m.as_str()).is_some_and(|&p| stays(p)) {
                ctx.notes.push(tr!("replan-member-leaves", member = m.as_str(), group = g.id.as_str()));
            }
        }
        let place = MunicipalityId(inst.municipalities.iter().position(|x| x.id == g.meeting_place).unwrap_or(0));
        let leader = g.leader.as_deref().and_then(|l| leader_of.get(l).copied()).filter(|&l| {
            inst.group_leaders[l].qualifications.contains(&prog.qualification) && leader_load[l] < inst.group_leaders[l].max_groups
        });
        if let Some(l) = leader {
            leader_load[l] += 1;
        }
        groups.push((
            g.id.clone(),
            FormedGroup {
                members,
                place,
                leader,
                co_leaders: kept_co_leaders(inst, prog, g, leader, &leader_of, leader_load),
                start: g.start,
                session: g.session.clone(),
                meetings: g.meetings.clone(),
                conflicts: vec![],
                shortfall: None,
                pin: None,
                id: None,
            },
        ));
    }
    groups
}

/// The previous plan's further leaders of a group who are still qualified with room (and not
/// its leader); counts their load.
fn kept_co_leaders(
    inst: &Instance,
    prog: &GroupProgramme,
    g: &crate::format::plan::GroupPlan,
    leader: Option<usize>,
    leader_of: &HashMap<&str, usize>,
    leader_load: &mut [usize],
) -> Vec<usize> {
    let mut kept = Vec::new();
    for l in g.co_leaders.iter().filter_map(|l| leader_of.get(l.as_str()).copied()) {
        let gl = &inst.group_leaders[l];
        if Some(l) != leader && !kept.contains(&l) && gl.qualifications.contains(&prog.qualification) && leader_load[l] < gl.max_groups {
            leader_load[l] += 1;
            kept.push(l);
        }
    }
    kept
}

/// A group pinned by hand: in the group holding most of its members (a distinct group per
/// pin); members elsewhere move there, the pinned leader takes it.
fn place_pin(
    inst: &Instance,
    prog: &GroupProgramme,
    groups: &mut [Kept],
    k: usize,
    pin: &PinnedGroup,
    ctx: &mut Ctx,
    leader_load: &mut [usize],
) -> Result<(), SolveError> {
    let pinned: Vec<usize> = pin.members.iter().map(|p| p.index()).collect();
    let target = groups
        .iter()
        .enumerate()
        .filter(|(_, (_, g))| g.pin.is_none())
        .map(|(i, (_, g))| (pinned.iter().filter(|p| g.members.contains(p)).count(), std::cmp::Reverse(i)))
        .max()
        .map(|(_, std::cmp::Reverse(i))| i);
    let Some(t) = target else {
        return Err(SolveError::Pins(tr!("replan-pin-no-group", path = pin.path.as_str(), programme = prog.name.as_str())));
    };
    for (i, (id, g)) in groups.iter_mut().enumerate() {
        if i != t && g.members.iter().any(|p| pinned.contains(p)) {
            g.members.retain(|p| !pinned.contains(p));
            ctx.notes.push(tr!("replan-pin-members-leave", path = pin.path.as_str(), group = id.as_str()));
        }
    }
    let overflow = gather_pin(inst, prog, &mut groups[t], pin, ctx)?;
    let mut others: Vec<Kept> = groups.iter().enumerate().filter(|(i, _)| *i != t).map(|(_, x)| x.clone()).collect();
    let left = place_all(inst, prog, &mut others, &overflow);
    if !left.is_empty() {
        return Err(SolveError::Pins(tr!(
            "replan-pin-no-room",
            path = pin.path.as_str(),
            people = left.iter().map(|&p| inst.participants[p].id.as_str()).collect::<Vec<_>>().join(", ")
        )));
    }
    let target_group = groups[t].clone();
    let mut it = others.into_iter();
    for (i, slot) in groups.iter_mut().enumerate() {
        *slot = if i == t { target_group.clone() } else { it.next().expect("same count") };
    }
    let g = &mut groups[t].1;
    if let Some(l) = pin.leader.map(|l| l.index()) {
        if g.leader != Some(l) {
            if let Some(old) = g.leader {
                leader_load[old] -= 1;
            }
            leader_load[l] += 1;
            g.leader = Some(l);
        }
    }
    g.pin = Some(k);
    Ok(())
}

/// Brings a fixed group's members into its target group. Over the maximum, members not
/// pinned make room (the latest employed first); they are returned to be placed elsewhere.
fn gather_pin(
    inst: &Instance,
    prog: &GroupProgramme,
    target: &mut Kept,
    pin: &PinnedGroup,
    ctx: &mut Ctx,
) -> Result<Vec<usize>, SolveError> {
    let max = size_range(prog, 1).1;
    let (gid, g) = target;
    let pinned: Vec<usize> = pin.members.iter().map(|p| p.index()).collect();
    for &p in &pinned {
        if !g.members.contains(&p) {
            g.members.push(p);
        }
    }
    let mut overflow = Vec::new();
    while g.members.len() > max {
        let Some(q) = g
            .members
            .iter()
            .copied()
            .filter(|p| !pinned.contains(p))
            .max_by_key(|&p| (inst.participants[p].employment_start, inst.participants[p].id.clone()))
        else {
            break;
        };
        g.members.retain(|&p| p != q);
        overflow.push(q);
    }
    if g.members.len() > max {
        return Err(SolveError::Pins(tr!("replan-pin-too-large", path = pin.path.as_str(), n = pin.members.len(), max = max)));
    }
    for &q in &overflow {
        let note = tr!("replan-pin-moves-out", member = inst.participants[q].id.as_str(), group = gid.as_str(), path = pin.path.as_str());
        ctx.notes.push(note);
    }
    Ok(overflow)
}

/// Groups below their minimum are dissolved into the others (a hard rule); returns the
/// members who found no room.
fn dissolve_small(inst: &Instance, prog: &GroupProgramme, groups: &mut Vec<Kept>, ctx: &mut Ctx, leader_load: &mut [usize]) -> Vec<usize> {
    let mut unplaced = Vec::new();
    loop {
        let under = groups.iter().position(|(_, g)| g.pin.is_none() && g.members.len() < size_range(prog, groups.len()).0);
        let Some(i) = under else { break };
        let (id, g) = groups.remove(i);
        ctx.notes.push(tr!("replan-group-dissolved", group = id.as_str(), n = g.members.len(), min = size_range(prog, groups.len() + 1).0));
        if let Some(l) = g.leader {
            leader_load[l] -= 1;
        }
        let rest = place_all(inst, prog, groups, &g.members);
        unplaced.extend(rest);
    }
    unplaced
}

/// A kept group's leader and dates: a group without a leader gets a qualified one with room,
/// free on all planned dates if possible (then the members keep their dates), else the one
/// free on most, nearest first; meetings that no longer fit are dated again from today on.
/// The group's days are booked for its people.
fn lead_and_date(
    inst: &Instance,
    prog: &GroupProgramme,
    id: &str,
    g: &mut FormedGroup,
    pins: &[NaiveDate],
    ctx: &mut Ctx,
    leader_load: &mut [usize],
) {
    g.members.sort_by(|&a, &b| inst.participants[a].id.cmp(&inst.participants[b].id));
    let future: Vec<NaiveDate> = g.meetings.iter().copied().filter(|d| *d >= ctx.today).collect();
    if g.leader.is_none() && (prog.leader_required || !future.is_empty()) {
        let best = (0..inst.group_leaders.len())
            .filter(|&l| {
                inst.group_leaders[l].qualifications.contains(&prog.qualification) && leader_load[l] < inst.group_leaders[l].max_groups
            })
            .map(|l| {
                let blocked = future.iter().filter(|&&d| !leader_free(inst, ctx, l, d)).count();
                (blocked, (inst.travel(inst.group_leaders[l].municipality, g.place) * 1000.0).round() as i64, l)
            })
            .min();
        if let Some((_, _, l)) = best {
            ctx.notes.push(tr!("replan-group-new-leader", group = id, leader = inst.group_leaders[l].id.as_str()));
            leader_load[l] += 1;
            g.leader = Some(l);
        }
    }
    let ok = future.iter().all(|&d| pins.contains(&d) || (inst.calendar.is_working_day(d) && leaders_free(inst, ctx, g, d)))
        && pins.iter().all(|d| g.meetings.contains(d))
        && series_gap_too_long(prog, &g.meetings).is_none();
    if !ok {
        ctx.notes.push(tr!("replan-group-redated", group = id, today = ctx.today.to_string()));
        redate(inst, prog, g, pins, ctx);
    }
    let mut people: Vec<String> = g.members.iter().map(|&p| inst.participants[p].id.clone()).collect();
    if let Some(l) = g.leader {
        people.push(inst.group_leaders[l].id.clone());
    }
    for who in people {
        ctx.busy.entry(who).or_default().extend(g.meetings.iter().copied());
    }
}

/// A group's conflicts (members unavailable on a meeting day) and shortfall, and its share
/// of the programme's objective.
fn finish_group(inst: &Instance, prog: &GroupProgramme, g: &mut FormedGroup, o: &mut ProgrammeOutcome) {
    g.conflicts = g
        .meetings
        .iter()
        .flat_map(|&d| {
            g.members.iter().filter_map(move |&p| {
                let part = &inst.participants[p];
                if part.unavailable.contains(&d) {
                    Some((d, p, "unavailable"))
                } else {
                    None
                }
            })
        })
        .collect();
    g.shortfall = (g.meetings.len() < prog.meetings.min as usize)
        .then(|| tr!("replan-group-shortfall", n = g.meetings.len(), min = prog.meetings.min));
    o.diversity += g
        .members
        .iter()
        .enumerate()
        .flat_map(|(i, &a)| g.members[i + 1..].iter().map(move |&b| (a, b)))
        .map(|(a, b)| pair_benefit(inst, prog, ParticipantId(a), ParticipantId(b)))
        .sum::<f64>();
    o.travel +=
        g.members.iter().map(|&p| prog.diversity.travel_per_minute * inst.travel(inst.participants[p].municipality, g.place)).sum::<f64>();
    if let Some(l) = g.leader {
        o.leader_travel_minutes += inst.travel(inst.group_leaders[l].municipality, g.place);
    }
}

/// The size range of groups in a programme with `count` groups.
fn size_range(prog: &GroupProgramme, count: usize) -> (usize, usize) {
    match &prog.group_sizes {
        Some(s) if !s.is_empty() => {
            let lo = s.iter().take(count.max(1)).map(|x| x.0).min().unwrap_or(prog.min_size);
            let hi = s.iter().take(count.max(1)).map(|x| x.1).max().unwrap_or(prog.max_size);
            (lo, hi)
        }
        _ => (prog.min_size, prog.max_size),
    }
}

/// Places each of `who` (in order) in the best group with room; returns those not placed.
fn place_all(inst: &Instance, prog: &GroupProgramme, groups: &mut [Kept], who: &[usize]) -> Vec<usize> {
    let (min, max) = size_range(prog, groups.len());
    let mut left = Vec::new();
    for &p in who {
        let part = &inst.participants[p];
        let best = groups
            .iter()
            .enumerate()
            .filter(|(_, (_, g))| g.members.len() < max && joinable(inst, prog, g, p))
            .filter(|(_, (_, g))| {
                prog.max_per_municipality
                    .is_none_or(|c| g.members.iter().filter(|&&q| inst.participants[q].municipality == part.municipality).count() < c)
                    && prog.max_per_unit.is_none_or(|c| g.members.iter().filter(|&&q| inst.participants[q].unit == part.unit).count() < c)
            })
            .map(|(i, (_, g))| {
                let gain: f64 = g.members.iter().map(|&q| pair_benefit(inst, prog, ParticipantId(p), ParticipantId(q))).sum::<f64>()
                    - prog.diversity.travel_per_minute * inst.travel(part.municipality, g.place);
                // A group below its minimum would be dissolved (everyone in it told): filling
                // it comes before diversity.
                ((g.members.len() < min, (gain * 1000.0).round() as i64), i)
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, i)) => groups[i].1.members.push(p),
            None => left.push(p),
        }
    }
    left
}

/// Whether participant `p` may join the group: eligible on its start (the round's, when the
/// group started with the round).
fn joinable(inst: &Instance, prog: &GroupProgramme, g: &FormedGroup, p: usize) -> bool {
    ineligibility_on(inst, prog, ParticipantId(p), g.start.unwrap_or(inst.calendar.start)).is_none()
}

/// Whether every leader of the group (leader and co-leaders) is free on `d`.
fn leaders_free(inst: &Instance, ctx: &Ctx, g: &FormedGroup, d: NaiveDate) -> bool {
    g.leader.iter().chain(&g.co_leaders).all(|&l| leader_free(inst, ctx, l, d))
}

fn leader_free(inst: &Instance, ctx: &Ctx, l: usize, d: NaiveDate) -> bool {
    let leader = &inst.group_leaders[l];
    !leader.unavailable.contains(&d) && !ctx.busy.get(&leader.id).is_some_and(|b| b.contains(&d))
}

/// Dates a kept group again from today on (meetings before today stay): on working days the
/// leader is free, preferring the planned dates that still fit, days no member is busy, and
/// the middle of the month.
fn redate(inst: &Instance, prog: &GroupProgramme, g: &mut FormedGroup, pins: &[NaiveDate], ctx: &Ctx) {
    // Mandatory: the past and the pinned dates.
    let mut past: Vec<NaiveDate> = g.meetings.iter().copied().filter(|d| *d < ctx.today).collect();
    let extra: Vec<NaiveDate> = pins.iter().copied().filter(|d| !past.contains(d)).collect();
    past.extend(extra);
    past.sort();
    let planned: BTreeSet<NaiveDate> = g.meetings.iter().copied().collect();
    // A group formed with the round first meets the stated while after its start (as planned).
    let first = g.start.unwrap_or(inst.calendar.start + chrono::Days::new(u64::from(prog.meetings.first_meeting_after_days)));
    let mut days = past.clone();
    days.extend(
        inst.calendar
            .working_days()
            .into_iter()
            .filter(|&d| d >= ctx.today && !past.contains(&d) && leaders_free(inst, ctx, g, d) && d >= first),
    );
    days.sort();
    let busy_members = |d: NaiveDate| {
        g.members
            .iter()
            .filter(|&&p| {
                inst.participants[p].unavailable.contains(&d) || ctx.busy.get(&inst.participants[p].id).is_some_and(|b| b.contains(&d))
            })
            .count() as i64
    };
    let penalty: Vec<i64> = days
        .iter()
        .map(|&d| {
            if past.contains(&d) {
                -1_000_000_000
            } else {
                busy_members(d) * 10_000 + if planned.contains(&d) { -1_000 } else { (d.day() as i64 - TARGET_DAY_OF_MONTH).abs() }
            }
        })
        .collect();
    let mut picked: Vec<NaiveDate> = best_series_within(
        &days,
        &penalty,
        prog.meetings.max as usize,
        prog.meetings.min_days_between as i64,
        prog.meetings.max_days_between.map(i64::from),
    )
    .into_iter()
    .map(|t| days[t])
    .collect();
    for d in past {
        if !picked.contains(&d) {
            picked.push(d);
        }
    }
    picked.sort();
    g.meetings = picked;
}
