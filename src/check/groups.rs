//! Checker rules for group programmes: sizes, eligibility, mixing caps, leaders, meetings and
//! the objective, re-derived from the instance file. One function per rule; the drivers walk
//! the programmes, their groups and each group's meetings in the plan's order.

use super::derive::{
    self, count_breaks, history_before, in_round, index_by_id, month_of, phase_admitted, unavailable_on, unordered, Region,
};
use super::{bound_beyond, violation, CheckCode, CheckReport, Violation};
use crate::format::plan::{GroupPlan, GroupProgrammePlan, PlanFile};
use crate::format::{GroupProgrammeSpec, InstanceFile};
use crate::text::tr;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

struct Ctx<'a> {
    f: &'a InstanceFile,
    person: HashMap<&'a str, usize>,
    region: Region<'a>,
}

impl<'a> Ctx<'a> {
    fn municipality(&self, p: usize) -> &'a str {
        self.region.municipality_id(&self.f.participants[p].unit)
    }

    /// The position of each member's municipality (None when unknown).
    fn member_positions(&self, members: &[usize]) -> Vec<Option<usize>> {
        members.iter().map(|&p| self.region.position_of_unit(&self.f.participants[p].unit)).collect()
    }

    /// Why participant p may not join the programme at the round's start, in the checker's own
    /// words.
    fn not_eligible(&self, g: &GroupProgrammeSpec, p: usize) -> Option<String> {
        self.not_eligible_on(g, p, self.f.round.start)
    }

    /// Why participant p may not join a group of the programme starting on `date`: phase and
    /// months in the profession on that day, themes and roles.
    fn not_eligible_on(&self, g: &GroupProgrammeSpec, p: usize, date: NaiveDate) -> Option<String> {
        Some(match self.ineligible_on(g, p, date)? {
            Ineligible::Phase(phase) => tr!("check-why-phase", phase = phase, date = date.to_string()),
            Ineligible::Months(months) => tr!("check-why-months", months = format!("{months:.1}")),
            Ineligible::Themes => tr!("check-why-themes"),
            Ineligible::Role => tr!("check-why-role"),
        })
    }

    /// The rule that keeps participant p from a group of the programme starting on `date`,
    /// without its words (asked for every day of the round).
    fn ineligible_on(&self, g: &GroupProgrammeSpec, p: usize, date: NaiveDate) -> Option<Ineligible<'a>> {
        let part = &self.f.participants[p];
        let years = derive::years_on(self.f, p, date);
        let phase = derive::phase_on(self.f, p, date).map_or("", |i| self.f.phases[i].id.as_str());
        let e = &g.eligibility;
        if !phase_admitted(&e.phases, phase) {
            return Some(Ineligible::Phase(phase));
        }
        let months = years * 12.0;
        if e.min_months.is_some_and(|m| months < m) || e.max_months.is_some_and(|m| months > m) {
            return Some(Ineligible::Months(months));
        }
        if !e.themes.is_empty() && !part.interests.iter().any(|t| e.themes.contains(t)) {
            return Some(Ineligible::Themes);
        }
        if !e.roles.is_empty() && !e.roles.contains(&part.role) {
            return Some(Ineligible::Role);
        }
        None
    }

    /// Whether participant p may join the programme on some day of the round (they are then in
    /// its scope: grouped, or listed with a reason).
    fn eligible_in_round(&self, g: &GroupProgrammeSpec, p: usize) -> bool {
        let (start, end) = (self.f.round.start, self.f.round.end);
        let (part, e) = (&self.f.participants[p], &g.eligibility);
        if (!e.themes.is_empty() && !part.interests.iter().any(|t| e.themes.contains(t)))
            || (!e.roles.is_empty() && !e.roles.contains(&part.role))
        {
            return false;
        }
        start.iter_days().take_while(|d| *d <= end).any(|d| self.ineligible_on(g, p, d).is_none())
    }
}

/// Why a participant may not join a group on a day (see [`Ctx::not_eligible_on`] for the words).
enum Ineligible<'a> {
    Phase(&'a str),
    Months(f64),
    Themes,
    Role,
}

/// Group leaders over all programmes: their positions, groups led and meeting days.
struct Leaders<'a> {
    index: HashMap<&'a str, usize>,
    groups: BTreeMap<usize, usize>,
    days: HashSet<(usize, NaiveDate)>,
}

/// One programme with what its rules derive from the instance.
struct Programme<'a> {
    spec: &'a GroupProgrammeSpec,
    plan: &'a GroupProgrammePlan,
    /// Pairs of participants that were together before.
    before: HashSet<(usize, usize)>,
    /// Explicit pair weights, by unordered pair of ids.
    explicit: HashMap<(&'a str, &'a str), f64>,
    /// The programme's default group size range.
    sizes: (usize, usize),
    /// For a programme linked to a course: the plan's sessions of the course, by id: first
    /// day and attendees.
    sessions: Option<HashMap<&'a str, (NaiveDate, HashSet<&'a str>)>>,
}

impl<'a> Programme<'a> {
    fn new(ctx: &Ctx, spec: &'a GroupProgrammeSpec, plan: &'a GroupProgrammePlan, file: &'a PlanFile) -> Self {
        let mut before: HashSet<(usize, usize)> = HashSet::new();
        for group in &spec.together_before {
            let ids: Vec<usize> = group.iter().filter_map(|id| ctx.person.get(id.as_str()).copied()).collect();
            for (k, &a) in ids.iter().enumerate() {
                for &b in &ids[k + 1..] {
                    before.insert(unordered(a, b));
                }
            }
        }
        let explicit = spec.pair_weights.iter().map(|pw| (unordered(pw.a.as_str(), pw.b.as_str()), pw.w)).collect();
        let (dmin, dmax) = spec.kind.default_size();
        let sessions = spec.linked_course.as_ref().map(|course| {
            let all = file.timetable.iter().flat_map(|t| &t.sessions);
            all.filter(|s| &s.course == course)
                .filter_map(|s| Some((s.id.as_str(), (*s.dates.first()?, s.attendees.iter().map(String::as_str).collect()))))
                .collect()
        });
        Programme { spec, plan, before, explicit, sizes: (spec.min_size.unwrap_or(dmin), spec.max_size.unwrap_or(dmax)), sessions }
    }

    /// Whether the programme's groups start during the round (cohorts or a linked course).
    fn staged(&self) -> bool {
        self.spec.cohort_months.is_some() || self.spec.linked_course.is_some()
    }

    /// The day a group starts: its stated start, else the round's.
    fn start_of(&self, ctx: &Ctx, group: &GroupPlan) -> NaiveDate {
        group.start.unwrap_or(ctx.f.round.start)
    }

    /// Whether participant p is in the programme's scope: eligible on some day of the round;
    /// for a linked programme, an attendee of a session of the course eligible on its first day.
    fn in_scope(&self, ctx: &Ctx, p: usize) -> bool {
        match &self.sessions {
            None => ctx.eligible_in_round(self.spec, p),
            Some(sessions) => {
                let id = ctx.f.participants[p].id.as_str();
                sessions.values().any(|(d, who)| who.contains(id) && ctx.ineligible_on(self.spec, p, *d).is_none())
            }
        }
    }

    /// Whether participant p could have joined the group: eligible on its start and, for a
    /// linked programme, an attendee of its session.
    fn could_join(&self, ctx: &Ctx, group: &GroupPlan, p: usize) -> bool {
        let attended = match (&self.sessions, &group.session) {
            (None, _) => true,
            (Some(sessions), Some(s)) => sessions.get(s.as_str()).is_some_and(|(_, who)| who.contains(ctx.f.participants[p].id.as_str())),
            (Some(_), None) => false,
        };
        attended && ctx.ineligible_on(self.spec, p, self.start_of(ctx, group)).is_none()
    }

    /// The diversity benefit of participants a and b in one group.
    fn benefit(&self, ctx: &Ctx, a: usize, b: usize) -> f64 {
        let (pa, pb) = (&ctx.f.participants[a], &ctx.f.participants[b]);
        if let Some(w) = self.explicit.get(&unordered(pa.id.as_str(), pb.id.as_str())) {
            return *w;
        }
        if self.spec.pair_weights_only {
            return 0.0;
        }
        let w = &self.spec.diversity;
        let mut x = 0.0;
        if ctx.municipality(a) != ctx.municipality(b) {
            x += w.different_municipality;
        }
        if pa.unit != pb.unit {
            x += w.different_unit;
        }
        if pa.role != pb.role {
            x += w.different_role;
        }
        if !self.before.contains(&unordered(a, b)) {
            x += w.not_together_before;
        }
        x
    }

    /// The members' travel to `place`, weighted.
    fn travel_to(&self, ctx: &Ctx, members: &[usize], place: &str) -> f64 {
        match ctx.region.municipality.get(place) {
            Some(&at) => self.travel_to_position(ctx, &ctx.member_positions(members), at),
            None => 0.0,
        }
    }

    /// The travel of members whose municipalities are at `positions` to the municipality at
    /// position `at`, weighted (a member of an unknown municipality travels 0).
    fn travel_to_position(&self, ctx: &Ctx, positions: &[Option<usize>], at: usize) -> f64 {
        positions.iter().map(|p| p.map_or(0.0, |a| ctx.region.travel(a, at))).sum::<f64>() * self.spec.diversity.travel_per_minute
    }
}

/// Verifies every group programme of the plan.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let ctx = Ctx { f, person: index_by_id(&f.participants, |p| p.id.as_str()), region: Region::new(f) };
    let mut leaders = Leaders { index: index_by_id(&f.group_leaders, |l| l.id.as_str()), groups: BTreeMap::new(), days: HashSet::new() };
    programmes_without_plan(f, plan, &mut report.violations);
    for gp in &plan.groups {
        let Some(spec) = f.group_programmes.iter().find(|g| g.id == gp.programme) else {
            report
                .violations
                .push(violation(CheckCode::GroupSize, tr!("check-groups-unknown-programme", programme = gp.programme.as_str())));
            continue;
        };
        let frozen = plan.replan.as_ref().map(|r| r.today);
        check_programme(&ctx, &Programme::new(&ctx, spec, gp, plan), &mut leaders, frozen, report);
    }
    group_and_mentor_meeting(plan, &mut report.violations);
    leader_in_own_group(plan, &mut report.violations);
    leader_over_max(f, &leaders, &mut report.violations);
}

/// The rules of one programme, group by group, then its unserved participants and objective.
fn check_programme(ctx: &Ctx, prog: &Programme, leaders: &mut Leaders, frozen: Option<NaiveDate>, report: &mut CheckReport) {
    let v = &mut report.violations;
    let mut grouped: HashSet<usize> = HashSet::new();
    let (mut diversity, mut travel) = (0.0, 0.0);
    v.extend(too_many_groups(prog));
    for (gi, group) in prog.plan.groups.iter().enumerate() {
        let members = known_members(ctx, group, v);
        v.extend(group_size(prog, gi, group));
        for &p in &members {
            v.extend(member_not_eligible(ctx, prog, group, p));
            v.extend(member_not_enrolled(ctx, prog, group, p));
            v.extend(member_twice(ctx, prog, p, &mut grouped));
        }
        mixing_caps(ctx, prog, group, &members, v);
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                diversity += prog.benefit(ctx, a, b);
            }
        }
        travel += prog.travel_to(ctx, &members, &group.meeting_place);
        v.extend(meeting_place(ctx, prog, group, &members));
        let group_leaders = group_leader(ctx, prog, group, leaders, v);
        v.extend(meeting_count(prog, group));
        v.extend(group_start(ctx, prog, group));
        v.extend(first_meeting(ctx, prog, group, frozen));
        v.extend(linked_session(prog, group).into_iter().flatten());
        group_meetings(ctx, prog, group, &members, &group_leaders, leaders, v);
    }
    unserved_unexplained(ctx, prog, &grouped, v);
    v.extend(objective_mismatch(prog, diversity, travel));
    let what = tr!("check-of-groups", programme = prog.plan.programme.as_str());
    v.extend(bound_beyond(&what, prog.plan.status.bound, diversity - travel, 2.0 * objective_tolerance(prog, diversity), true));
    let name = &prog.plan.programme;
    report.recomputed_terms.insert(format!("groups.{name}.diversity"), diversity);
    report.recomputed_terms.insert(format!("groups.{name}.travel"), travel);
}

/// The rules of one group's meetings, meeting by meeting: calendar and gap (C075), the leader
/// (C076), members' unlisted conflicts (C077).
fn group_meetings(
    ctx: &Ctx,
    prog: &Programme,
    group: &GroupPlan,
    members: &[usize],
    group_leaders: &[usize],
    leaders: &mut Leaders,
    v: &mut Vec<Violation>,
) {
    let listed: BTreeSet<(NaiveDate, &str)> = group.conflicts.iter().map(|c| (c.date, c.participant.as_str())).collect();
    for (k, &d) in group.meetings.iter().enumerate() {
        v.extend(meeting_outside_round(ctx, group, d));
        v.extend(meeting_closed_day(ctx, group, d));
        if k > 0 {
            v.extend(meeting_gap(prog, group, group.meetings[k - 1], d));
            v.extend(series_gap(prog, group, group.meetings[k - 1], d));
        }
        for &l in group_leaders {
            v.extend(leader_unavailable(ctx, group, l, d));
            v.extend(leader_busy(ctx, l, d, leaders));
        }
        for &p in members {
            v.extend(conflict_unlisted(ctx, group, p, d, &listed));
        }
    }
}

/// C070: a programme has no more groups than it asks for.
fn too_many_groups(prog: &Programme) -> Option<Violation> {
    let spec = prog.spec;
    let n = spec.groups.or(spec.group_sizes.as_ref().map(|s| s.len()))?;
    let (name, have) = (&prog.plan.programme, prog.plan.groups.len());
    (have > n).then(|| violation(CheckCode::GroupSize, tr!("check-groups-too-many", programme = name.as_str(), n = have, max = n)))
}

/// C070: the group's size is within the programme's range (or its own, with `group_sizes`).
fn group_size(prog: &Programme, gi: usize, group: &GroupPlan) -> Option<Violation> {
    let (lo, hi) = match &prog.spec.group_sizes {
        Some(sizes) => sizes.get(gi).map(|s| (s.min, s.max)).unwrap_or((usize::MAX, 0)),
        None => prog.sizes,
    };
    let n = group.members.len();
    (n < lo || n > hi)
        .then(|| violation(CheckCode::GroupSize, tr!("check-group-size", group = group.id.as_str(), n = n, min = lo, max = hi)))
}

/// C071: every member is a participant; returns the members' positions.
fn known_members(ctx: &Ctx, group: &GroupPlan, v: &mut Vec<Violation>) -> Vec<usize> {
    group
        .members
        .iter()
        .filter_map(|id| {
            let p = ctx.person.get(id.as_str()).copied();
            if p.is_none() {
                v.push(violation(
                    CheckCode::GroupMemberNotEligible,
                    tr!("check-group-member-unknown", group = group.id.as_str(), id = id.as_str()),
                ));
            }
            p
        })
        .collect()
}

/// C071: the member is eligible for the programme on the group's start.
fn member_not_eligible(ctx: &Ctx, prog: &Programme, group: &GroupPlan, p: usize) -> Option<Violation> {
    let why = ctx.not_eligible_on(prog.spec, p, prog.start_of(ctx, group))?;
    Some(violation(
        CheckCode::GroupMemberNotEligible,
        tr!("check-group-member-not-eligible", group = group.id.as_str(), id = ctx.f.participants[p].id.as_str(), why = why),
    ))
}

/// C071: the member is enrolled, when the programme lists its participants.
fn member_not_enrolled(ctx: &Ctx, prog: &Programme, group: &GroupPlan, p: usize) -> Option<Violation> {
    let id = &ctx.f.participants[p].id;
    let list = prog.spec.enrolled.as_ref()?;
    (!list.contains(id)).then(|| {
        violation(CheckCode::GroupMemberNotEligible, tr!("check-group-member-not-enrolled", group = group.id.as_str(), id = id.as_str()))
    })
}

/// C072: a participant is in one group of a programme at most.
fn member_twice(ctx: &Ctx, prog: &Programme, p: usize, grouped: &mut HashSet<usize>) -> Option<Violation> {
    (!grouped.insert(p)).then(|| {
        violation(
            CheckCode::GroupMemberTwice,
            tr!("check-group-member-twice", programme = prog.plan.programme.as_str(), id = ctx.f.participants[p].id.as_str()),
        )
    })
}

/// C073: no more members from one municipality or unit than the caps.
fn mixing_caps(ctx: &Ctx, prog: &Programme, group: &GroupPlan, members: &[usize], v: &mut Vec<Violation>) {
    let mut by_muni: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_unit: BTreeMap<&str, usize> = BTreeMap::new();
    for &p in members {
        *by_muni.entry(ctx.municipality(p)).or_default() += 1;
        *by_unit.entry(ctx.f.participants[p].unit.as_str()).or_default() += 1;
    }
    let spec = prog.spec;
    for (unit, counts, cap) in [(false, &by_muni, spec.max_per_municipality), (true, &by_unit, spec.max_per_unit)] {
        let Some(cap) = cap else {
            continue;
        };
        for (label, &c) in counts.iter().filter(|(_, &c)| c > cap) {
            let (group, label) = (group.id.as_str(), *label);
            let message = if unit {
                tr!("check-group-mixing-unit", group = group, n = c, unit = label, cap = cap)
            } else {
                tr!("check-group-mixing-municipality", group = group, n = c, municipality = label, cap = cap)
            };
            v.push(violation(CheckCode::GroupMixingCap, message));
        }
    }
}

/// C080: the group meets at the programme's venue, or else where its members' travel is least.
fn meeting_place(ctx: &Ctx, prog: &Programme, group: &GroupPlan, members: &[usize]) -> Option<Violation> {
    let (gid, place) = (&group.id, &group.meeting_place);
    match &prog.spec.venue {
        Some(venue) if venue != place => Some(violation(
            CheckCode::GroupMeetingPlace,
            tr!("check-group-place-venue", group = gid.as_str(), place = place.as_str(), venue = venue.as_str()),
        )),
        None if ctx.region.municipality.contains_key(place.as_str()) => {
            let positions = ctx.member_positions(members);
            let best = ctx.region.least_over_municipalities(|i| prog.travel_to_position(ctx, &positions, i));
            (prog.travel_to(ctx, members, place) > best + 1e-6).then(|| {
                violation(CheckCode::GroupMeetingPlace, tr!("check-group-place-travel", group = gid.as_str(), place = place.as_str()))
            })
        }
        None => {
            Some(violation(CheckCode::GroupMeetingPlace, tr!("check-group-place-unknown", group = gid.as_str(), place = place.as_str())))
        }
        _ => None,
    }
}

/// C074: the group has its required leaders (the programme's number per group), known, distinct
/// and qualified; counts the groups each leader leads. Returns the leaders' positions.
fn group_leader(ctx: &Ctx, prog: &Programme, group: &GroupPlan, leaders: &mut Leaders, v: &mut Vec<Violation>) -> Vec<usize> {
    let gid = &group.id;
    let spec = prog.spec;
    let per_group = spec.leaders_per_group.max(1);
    let named: Vec<&str> = group.leader.iter().chain(&group.co_leaders).map(String::as_str).collect();
    if group.leader.is_none() && spec.leader_required {
        v.push(violation(CheckCode::GroupLeader, tr!("check-group-no-leader", group = gid.as_str())));
    } else if group.leader.is_none() && !group.co_leaders.is_empty() {
        v.push(violation(CheckCode::GroupLeader, tr!("check-group-co-leaders-only", group = gid.as_str())));
    }
    if named.len() > per_group || (spec.leader_required && group.leader.is_some() && named.len() < per_group) {
        v.push(violation(
            CheckCode::GroupLeader,
            tr!("check-group-leader-count", group = gid.as_str(), n = named.len(), per_group = per_group),
        ));
    }
    let qualification = spec.leader_qualification.clone().unwrap_or_else(|| spec.kind.name().to_string());
    let mut found = Vec::new();
    for (k, l) in named.iter().enumerate() {
        if named[..k].contains(l) {
            v.push(violation(CheckCode::GroupLeader, tr!("check-group-leader-twice", group = gid.as_str(), leader = *l)));
            continue;
        }
        let Some(&i) = leaders.index.get(l) else {
            v.push(violation(CheckCode::GroupLeader, tr!("check-group-leader-unknown", group = gid.as_str(), leader = *l)));
            continue;
        };
        *leaders.groups.entry(i).or_default() += 1;
        if !ctx.f.group_leaders[i].qualifications.contains(&qualification) {
            v.push(violation(
                CheckCode::GroupLeader,
                tr!("check-group-leader-unqualified", group = gid.as_str(), leader = *l, qualification = qualification.as_str()),
            ));
        }
        found.push(i);
    }
    found
}

/// C074 (over all programmes): a leader leads no more groups than their maximum.
fn leader_over_max(f: &InstanceFile, leaders: &Leaders, v: &mut Vec<Violation>) {
    for (&l, &n) in &leaders.groups {
        let max = f.group_leaders[l].max_groups.max(0) as usize;
        if n > max {
            v.push(violation(
                CheckCode::GroupLeader,
                tr!("check-leader-over-max", leader = f.group_leaders[l].id.as_str(), n = n, max = max),
            ));
        }
    }
}

/// C075: the number of meetings is within the rules, or a shortfall is stated.
fn meeting_count(prog: &Programme, group: &GroupPlan) -> Option<Violation> {
    let rules = &prog.spec.meetings;
    let n = group.meetings.len();
    count_breaks(n, rules.min, rules.max, group.shortfall.is_some()).then(|| {
        violation(
            CheckCode::GroupMeetings,
            tr!("check-group-meeting-count", group = group.id.as_str(), n = n, min = rules.min, max = rules.max),
        )
    })
}

/// C075: the meeting lies inside the round.
fn meeting_outside_round(ctx: &Ctx, group: &GroupPlan, d: NaiveDate) -> Option<Violation> {
    (!in_round(ctx.f, d))
        .then(|| violation(CheckCode::GroupMeetings, tr!("check-group-outside-round", group = group.id.as_str(), date = d.to_string())))
}

/// C075: the meeting falls on no weekend, holiday or closed date.
fn meeting_closed_day(ctx: &Ctx, group: &GroupPlan, d: NaiveDate) -> Option<Violation> {
    let why = derive::closed(ctx.f, d)?.text(tr!("check-day-closed"));
    Some(violation(CheckCode::GroupMeetings, tr!("check-group-closed-day", group = group.id.as_str(), date = d.to_string(), why = why)))
}

/// C075: consecutive meetings ascend, fall in different months and keep the minimum gap.
fn meeting_gap(prog: &Programme, group: &GroupPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let min = prog.spec.meetings.min_days_between;
    (month_of(prev) == month_of(d) || d <= prev || (d - prev).num_days() < min as i64).then(|| {
        violation(
            CheckCode::GroupMeetings,
            tr!("check-group-meeting-gap", group = group.id.as_str(), prev = prev.to_string(), date = d.to_string(), min = min),
        )
    })
}

/// C084: consecutive meetings lie at most the programme's `max_days_between` apart.
fn series_gap(prog: &Programme, group: &GroupPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let max = prog.spec.meetings.max_days_between?;
    ((d - prev).num_days() > max as i64).then(|| {
        violation(
            CheckCode::GroupSeriesGap,
            tr!("check-group-series-gap", group = group.id.as_str(), prev = prev.to_string(), date = d.to_string(), max = max),
        )
    })
}

/// C082: a stated start lies inside the round, only programmes with cohorts or a linked course
/// state one, and no meeting falls before the group's start.
fn group_start(ctx: &Ctx, prog: &Programme, group: &GroupPlan) -> Option<Violation> {
    let gid = &group.id;
    if let Some(s) = group.start {
        if !prog.staged() {
            return Some(violation(CheckCode::GroupStart, tr!("check-group-start-staged", group = gid.as_str(), date = s.to_string())));
        }
        if !in_round(ctx.f, s) {
            return Some(violation(CheckCode::GroupStart, tr!("check-group-start-outside", group = gid.as_str(), date = s.to_string())));
        }
    }
    let start = prog.start_of(ctx, group);
    let early = group.meetings.iter().find(|&&d| d < start)?;
    Some(violation(
        CheckCode::GroupStart,
        tr!("check-group-before-start", group = gid.as_str(), date = early.to_string(), start = start.to_string()),
    ))
}

/// C094: a group without a start of its own (it starts with the round) first meets
/// `meetings.first_meeting_after_days` after the round's start or later; dates pinned for a
/// fixed group with a member of this group, and a re-plan's past (before `frozen`), excepted.
fn first_meeting(ctx: &Ctx, prog: &Programme, group: &GroupPlan, frozen: Option<NaiveDate>) -> Option<Violation> {
    if group.start.is_some() {
        return None;
    }
    let days = prog.spec.meetings.first_meeting_after_days;
    let earliest = ctx.f.round.start + chrono::Days::new(u64::from(days));
    let pinned = |d: NaiveDate| {
        prog.spec.fixed_groups.iter().any(|g| g.meetings.contains(&d) && g.members.iter().any(|m| group.members.contains(m)))
    };
    let &d = group.meetings.iter().find(|&&d| d < earliest && frozen.is_none_or(|t| d >= t) && !pinned(d))?;
    Some(violation(
        CheckCode::GroupFirstMeeting,
        tr!("check-group-first-meeting", group = group.id.as_str(), date = d.to_string(), earliest = earliest.to_string(), days = days),
    ))
}

/// C083: a group of a linked programme names a session of the course, starts on its first day,
/// and every member attended it.
fn linked_session(prog: &Programme, group: &GroupPlan) -> Option<Vec<Violation>> {
    let sessions = prog.sessions.as_ref()?;
    let gid = &group.id;
    let Some((first, who)) = group.session.as_deref().and_then(|s| sessions.get(s)) else {
        let message = match group.session.as_deref() {
            Some(named) => tr!("check-group-session-unknown", group = gid.as_str(), session = named),
            None => tr!("check-group-session-none", group = gid.as_str()),
        };
        return Some(vec![violation(CheckCode::GroupLinkedSession, message)]);
    };
    let mut out = Vec::new();
    if group.start != Some(*first) {
        out.push(violation(
            CheckCode::GroupLinkedSession,
            tr!("check-group-session-start", group = gid.as_str(), date = first.to_string()),
        ));
    }
    for m in group.members.iter().filter(|m| !who.contains(m.as_str())) {
        out.push(violation(CheckCode::GroupLinkedSession, tr!("check-group-session-absent", group = gid.as_str(), id = m.as_str())));
    }
    Some(out)
}

/// C076: the leader is available on the meeting date.
fn leader_unavailable(ctx: &Ctx, group: &GroupPlan, l: usize, d: NaiveDate) -> Option<Violation> {
    let leader = &ctx.f.group_leaders[l];
    unavailable_on(&leader.unavailable, d).then(|| {
        violation(
            CheckCode::GroupLeaderUnavailable,
            tr!("check-group-leader-unavailable", group = group.id.as_str(), leader = leader.id.as_str(), date = d.to_string()),
        )
    })
}

/// C076: a leader has one group meeting a day at most, over all programmes.
fn leader_busy(ctx: &Ctx, l: usize, d: NaiveDate, leaders: &mut Leaders) -> Option<Violation> {
    (!leaders.days.insert((l, d))).then(|| {
        violation(
            CheckCode::GroupLeaderUnavailable,
            tr!("check-leader-double-booked", leader = ctx.f.group_leaders[l].id.as_str(), date = d.to_string()),
        )
    })
}

/// C077: a member unavailable on a meeting date is listed among the group's conflicts.
fn conflict_unlisted(ctx: &Ctx, group: &GroupPlan, p: usize, d: NaiveDate, listed: &BTreeSet<(NaiveDate, &str)>) -> Option<Violation> {
    let part = &ctx.f.participants[p];
    (unavailable_on(&part.unavailable, d) && !listed.contains(&(d, part.id.as_str()))).then(|| {
        violation(
            CheckCode::GroupConflictUnlisted,
            tr!("check-group-conflict-unlisted", group = group.id.as_str(), id = part.id.as_str(), date = d.to_string()),
        )
    })
}

/// C078: every programme of the instance has a plan.
fn programmes_without_plan(f: &InstanceFile, plan: &PlanFile, v: &mut Vec<Violation>) {
    let planned: HashSet<&str> = plan.groups.iter().map(|g| g.programme.as_str()).collect();
    for g in f.group_programmes.iter().filter(|g| !planned.contains(g.id.as_str())) {
        v.push(violation(CheckCode::GroupUnservedUnexplained, tr!("check-groups-no-plan", programme = g.id.as_str())));
    }
}

/// C078: every eligible candidate is grouped or listed as unserved; every unserved entry names
/// an ungrouped candidate once, with a reason that holds ([`unserved_reason`]); with explicit
/// enrolment, the enrolled who are not eligible are listed as such, and nobody else is.
fn unserved_unexplained(ctx: &Ctx, prog: &Programme, grouped: &HashSet<usize>, v: &mut Vec<Violation>) {
    let f = ctx.f;
    let name = &prog.plan.programme;
    let candidates: Vec<usize> = match &prog.spec.enrolled {
        Some(list) => list.iter().filter_map(|id| ctx.person.get(id.as_str()).copied()).collect(),
        None => (0..f.participants.len()).collect(),
    };
    let candidate: HashSet<usize> = candidates.iter().copied().collect();
    let mut listed: HashSet<&str> = HashSet::new();
    for u in &prog.plan.unserved {
        let id = u.participant.as_str();
        let wrong = match ctx.person.get(id) {
            None => Some(tr!("check-why-not-participant")),
            Some(p) if !candidate.contains(p) => Some(tr!("check-why-not-enrolled")),
            Some(p) if grouped.contains(p) => Some(tr!("check-why-in-group")),
            Some(_) if !listed.insert(id) => Some(tr!("check-why-listed-twice")),
            Some(&p) => unserved_reason(ctx, prog, p, &u.reason),
        };
        if let Some(why) = wrong {
            v.push(violation(
                CheckCode::GroupUnservedUnexplained,
                tr!("check-group-unserved-wrong", programme = name.as_str(), id = id, reason = u.reason.as_str(), why = why),
            ));
        }
    }
    for &p in &candidates {
        if !grouped.contains(&p) && !listed.contains(f.participants[p].id.as_str()) && prog.in_scope(ctx, p) {
            v.push(violation(
                CheckCode::GroupUnservedUnexplained,
                tr!("check-group-unserved-missing", programme = name.as_str(), id = f.participants[p].id.as_str()),
            ));
        }
    }
    not_eligible_listed(ctx, prog, &candidates, v);
}

/// C078: why an ungrouped candidate's reason does not hold, if it does not. `not_eligible`: the
/// eligibility rules keep them out on every day of the round. Otherwise they are in the
/// programme's scope, and, over the groups they could have joined (eligible on the group's
/// start; for a linked programme, attendees of its session): `groups_full`: every such group is
/// at its largest size or would break a mixing cap with them; `mixing_cap`: the programme has a
/// cap and every such group would break it with them; `too_few_for_a_group`, `no_leader` and
/// `eligible_later`: there is no such group.
fn unserved_reason(ctx: &Ctx, prog: &Programme, p: usize, reason: &str) -> Option<String> {
    let eligible = ctx.eligible_in_round(prog.spec, p);
    if reason == "not_eligible" {
        return eligible.then(|| tr!("check-why-eligible"));
    }
    if !prog.in_scope(ctx, p) {
        let why = ctx.not_eligible(prog.spec, p).unwrap_or_else(|| tr!("check-why-out-of-scope"));
        return Some(tr!("check-why-not-eligible", why = why));
    }
    let groups: Vec<(usize, &GroupPlan)> = prog.plan.groups.iter().enumerate().filter(|(_, g)| prog.could_join(ctx, g, p)).collect();
    let holds = match reason {
        "groups_full" => groups.iter().all(|&(gi, g)| g.members.len() >= largest_size(prog, gi) || breaks_cap(ctx, prog, g, p)),
        "mixing_cap" => {
            (prog.spec.max_per_municipality.is_some() || prog.spec.max_per_unit.is_some())
                && groups.iter().all(|(_, g)| breaks_cap(ctx, prog, g, p))
        }
        "too_few_for_a_group" | "no_leader" | "eligible_later" => groups.is_empty(),
        other => return Some(tr!("check-reason-unknown", code = other)),
    };
    (!holds).then(|| match reason {
        "too_few_for_a_group" | "no_leader" | "eligible_later" => tr!("check-why-groups-to-join", n = groups.len()),
        _ => tr!("check-why-free-seat"),
    })
}

/// The largest size group `gi` of the programme may have.
fn largest_size(prog: &Programme, gi: usize) -> usize {
    match &prog.spec.group_sizes {
        Some(sizes) => sizes.get(gi).map_or(0, |s| s.max),
        None => prog.sizes.1,
    }
}

/// Whether participant `p` joining the group would exceed a mixing cap.
fn breaks_cap(ctx: &Ctx, prog: &Programme, group: &GroupPlan, p: usize) -> bool {
    let f = ctx.f;
    let members: Vec<usize> = group.members.iter().filter_map(|id| ctx.person.get(id.as_str()).copied()).collect();
    let same_muni = members.iter().filter(|&&q| ctx.municipality(q) == ctx.municipality(p)).count();
    let same_unit = members.iter().filter(|&&q| f.participants[q].unit == f.participants[p].unit).count();
    prog.spec.max_per_municipality.is_some_and(|c| same_muni >= c) || prog.spec.max_per_unit.is_some_and(|c| same_unit >= c)
}

/// C078: with explicit enrolment, the enrolled who are not eligible are listed as not eligible
/// (once each); nobody else is listed.
fn not_eligible_listed(ctx: &Ctx, prog: &Programme, candidates: &[usize], v: &mut Vec<Violation>) {
    let f = ctx.f;
    let name = &prog.plan.programme;
    let explicit = prog.spec.enrolled.is_some();
    let mut listed: HashSet<&str> = HashSet::new();
    for n in &prog.plan.not_eligible {
        let id = n.participant.as_str();
        let wrong = match ctx.person.get(id) {
            None => Some(tr!("check-why-not-participant")),
            Some(_) if !explicit => Some(tr!("check-why-no-enrolment-list")),
            Some(p) if !candidates.contains(p) => Some(tr!("check-why-not-enrolled")),
            Some(&p) if ctx.eligible_in_round(prog.spec, p) => Some(tr!("check-why-is-eligible")),
            Some(_) if !listed.insert(id) => Some(tr!("check-why-listed-twice")),
            Some(_) => None,
        };
        if let Some(why) = wrong {
            v.push(violation(
                CheckCode::GroupUnservedUnexplained,
                tr!("check-group-not-eligible-wrong", programme = name.as_str(), id = id, why = why),
            ));
        }
    }
    if explicit {
        for &p in candidates {
            let id = f.participants[p].id.as_str();
            if let (false, Some(why), false) = (ctx.eligible_in_round(prog.spec, p), ctx.not_eligible(prog.spec, p), listed.contains(id)) {
                v.push(violation(
                    CheckCode::GroupUnservedUnexplained,
                    tr!("check-group-not-eligible-missing", programme = name.as_str(), id = id, why = why),
                ));
            }
        }
    }
}

/// How far a reported group objective may lie from the recomputed one (terms are rounded to
/// three decimals).
fn objective_tolerance(prog: &Programme, diversity: f64) -> f64 {
    1e-6 * diversity.abs().max(1.0) + 1e-3 * (prog.plan.groups.len() as f64 + 1.0)
}

/// C079: the reported diversity, travel and total equal the recomputed ones.
fn objective_mismatch(prog: &Programme, diversity: f64, travel: f64) -> Option<Violation> {
    let tol = objective_tolerance(prog, diversity);
    let o = &prog.plan.objective;
    let off =
        (o.diversity - diversity).abs() > tol || (o.travel - travel).abs() > tol || (o.total - (diversity - travel)).abs() > 2.0 * tol;
    off.then(|| {
        violation(
            CheckCode::GroupObjectiveMismatch,
            tr!(
                "check-groups-objective",
                programme = prog.plan.programme.as_str(),
                diversity = format!("{:.3}", o.diversity),
                travel = format!("{:.3}", o.travel),
                recomputed_diversity = format!("{diversity:.3}"),
                recomputed_travel = format!("{travel:.3}")
            ),
        )
    })
}

/// C087: a leader (or co-leader) of a group is not one of its members: one person, several
/// roles, but never leading a group they sit in.
fn leader_in_own_group(plan: &PlanFile, v: &mut Vec<Violation>) {
    for gp in &plan.groups {
        for (i, g) in gp.groups.iter().enumerate() {
            for who in g.leader.iter().chain(&g.co_leaders).filter(|l| g.members.contains(l)) {
                v.push(violation(
                    CheckCode::LeaderInOwnGroup,
                    tr!("check-leader-in-own-group", who = who.as_str(), programme = gp.programme.as_str(), group = i + 1),
                ));
            }
        }
    }
}

/// C081: one joint calendar: a mentor meeting never falls on a day the person meets their group.
/// In a re-planned round the days before its date are history: someone who joined a running
/// group is listed for its earlier meetings too (a group has one member list).
fn group_and_mentor_meeting(plan: &PlanFile, v: &mut Vec<Violation>) {
    let mut group_days: HashSet<(&str, NaiveDate)> = HashSet::new();
    for gp in &plan.groups {
        for g in &gp.groups {
            for who in g.members.iter().chain(g.leader.iter()).chain(&g.co_leaders) {
                group_days.extend(g.meetings.iter().map(|&d| (who.as_str(), d)));
            }
        }
    }
    let history_before = history_before(plan);
    for pair in &plan.mentorship.pairs {
        for &d in pair.meetings.iter().filter(|d| history_before.is_none_or(|t| **d >= t)) {
            for who in [&pair.mentor, &pair.mentee] {
                if group_days.contains(&(who.as_str(), d)) {
                    v.push(violation(
                        CheckCode::GroupAndMentorMeeting,
                        tr!("check-group-and-mentor-meeting", who = who.as_str(), date = d.to_string()),
                    ));
                }
            }
        }
    }
}
