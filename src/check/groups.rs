//! Checker rules for group programmes: sizes, eligibility, mixing caps, leaders, meetings and
//! the objective, re-derived from the instance file.

use super::calendar::closed_reason;
use super::mentorship::{travel, unavailable_on};
use super::{violation, CheckReport};
use crate::format::plan::{GroupProgrammePlan, PlanFile};
use crate::format::{GroupProgrammeSpec, InstanceFile};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

struct Ctx<'a> {
    f: &'a InstanceFile,
    person: HashMap<&'a str, usize>,
    muni_of_unit: HashMap<&'a str, &'a str>,
    muni: HashMap<&'a str, usize>,
}

impl<'a> Ctx<'a> {
    fn municipality(&self, p: usize) -> &'a str {
        self.muni_of_unit.get(self.f.participants[p].unit.as_str()).copied().unwrap_or("")
    }

    fn minutes(&self, a: &str, b: &str) -> f64 {
        match (self.muni.get(a), self.muni.get(b)) {
            (Some(&i), Some(&j)) => travel(self.f, i, j),
            _ => 0.0,
        }
    }

    /// Why participant p may not join the programme, in the checker's own words.
    fn not_eligible(&self, g: &GroupProgrammeSpec, p: usize) -> Option<String> {
        let part = &self.f.participants[p];
        let years = ((self.f.round.start - part.profession_start).num_days() as f64 / 365.25).max(0.0);
        let phase = self.f.phases.iter().rfind(|ph| years >= ph.min_years).map(|ph| ph.id.as_str()).unwrap_or("");
        let e = &g.eligibility;
        if !e.phases.is_empty() && !e.phases.iter().any(|x| x == phase) {
            return Some(format!("phase {phase}"));
        }
        let months = years * 12.0;
        if e.min_months.is_some_and(|m| months < m) || e.max_months.is_some_and(|m| months > m) {
            return Some(format!("{months:.1} months in the profession"));
        }
        if !e.themes.is_empty() && !part.interests.iter().any(|t| e.themes.contains(t)) {
            return Some("no interest in the programme's themes".into());
        }
        if !e.roles.is_empty() && !e.roles.contains(&part.role) {
            return Some("role".into());
        }
        None
    }

    fn benefit(
        &self,
        g: &GroupProgrammeSpec,
        explicit: &HashMap<(&str, &str), f64>,
        before: &HashSet<(usize, usize)>,
        a: usize,
        b: usize,
    ) -> f64 {
        let (ia, ib) = (self.f.participants[a].id.as_str(), self.f.participants[b].id.as_str());
        if let Some(w) = explicit.get(&(ia.min(ib), ia.max(ib))) {
            return *w;
        }
        if g.pair_weights_only {
            return 0.0;
        }
        let (pa, pb) = (&self.f.participants[a], &self.f.participants[b]);
        let w = &g.diversity;
        let mut x = 0.0;
        if self.municipality(a) != self.municipality(b) {
            x += w.different_municipality;
        }
        if pa.unit != pb.unit {
            x += w.different_unit;
        }
        if pa.role != pb.role {
            x += w.different_role;
        }
        if !before.contains(&(a.min(b), a.max(b))) {
            x += w.not_together_before;
        }
        x
    }
}

/// Verifies every group programme of the plan.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let ctx = Ctx {
        f,
        person: f.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect(),
        muni_of_unit: f.region.units.iter().map(|u| (u.id.as_str(), u.municipality.as_str())).collect(),
        muni: f.region.municipalities.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect(),
    };
    let leaders: HashMap<&str, usize> = f.group_leaders.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut leader_groups: BTreeMap<usize, usize> = BTreeMap::new();
    let mut leader_days: HashSet<(usize, NaiveDate)> = HashSet::new();
    let planned: HashSet<&str> = plan.groups.iter().map(|g| g.programme.as_str()).collect();
    for g in &f.group_programmes {
        if !planned.contains(g.id.as_str()) {
            report.violations.push(violation("C078", format!("group programme {} has no plan", g.id)));
        }
    }
    for gp in &plan.groups {
        let Some(spec) = f.group_programmes.iter().find(|g| g.id == gp.programme) else {
            report.violations.push(violation("C070", format!("the plan has groups for unknown programme {}", gp.programme)));
            continue;
        };
        check_programme(&ctx, spec, gp, &leaders, &mut leader_groups, &mut leader_days, report);
    }
    // One joint calendar: a mentor meeting never falls on a day the person meets their group.
    let mut group_days: HashSet<(&str, NaiveDate)> = HashSet::new();
    for gp in &plan.groups {
        for g in &gp.groups {
            for who in g.members.iter().chain(g.leader.iter()) {
                group_days.extend(g.meetings.iter().map(|&d| (who.as_str(), d)));
            }
        }
    }
    // In a re-planned round the days before its date are history: someone who joined a
    // running group is listed for its earlier meetings too (a group has one member list).
    let history_before = plan.replan.as_ref().map(|r| r.today);
    for pair in &plan.mentorship.pairs {
        for &d in pair.meetings.iter().filter(|d| history_before.is_none_or(|t| **d >= t)) {
            for who in [&pair.mentor, &pair.mentee] {
                if group_days.contains(&(who.as_str(), d)) {
                    report.violations.push(violation("C081", format!("{who} has a mentor meeting and a group meeting on {d}")));
                }
            }
        }
    }
    for (l, n) in leader_groups {
        let max = f.group_leaders[l].max_groups.max(0) as usize;
        if n > max {
            report.violations.push(violation("C074", format!("leader {} leads {n} groups, at most {max}", f.group_leaders[l].id)));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_programme(
    ctx: &Ctx,
    spec: &GroupProgrammeSpec,
    gp: &GroupProgrammePlan,
    leaders: &HashMap<&str, usize>,
    leader_groups: &mut BTreeMap<usize, usize>,
    leader_days: &mut HashSet<(usize, NaiveDate)>,
    report: &mut CheckReport,
) {
    let f = ctx.f;
    let (dmin, dmax) = spec.kind.default_size();
    let (lo, hi) = (spec.min_size.unwrap_or(dmin), spec.max_size.unwrap_or(dmax));
    let qualification = spec.leader_qualification.clone().unwrap_or_else(|| spec.kind.name().to_string());
    let mut before: HashSet<(usize, usize)> = HashSet::new();
    for group in &spec.together_before {
        let ids: Vec<usize> = group.iter().filter_map(|id| ctx.person.get(id.as_str()).copied()).collect();
        for (k, &a) in ids.iter().enumerate() {
            for &b in &ids[k + 1..] {
                before.insert((a.min(b), a.max(b)));
            }
        }
    }
    let explicit: HashMap<(&str, &str), f64> =
        spec.pair_weights.iter().map(|pw| ((pw.a.as_str().min(pw.b.as_str()), pw.a.as_str().max(pw.b.as_str())), pw.w)).collect();
    let mut grouped: HashSet<usize> = HashSet::new();
    let mut diversity = 0.0;
    let mut travel = 0.0;
    let rules = &spec.meetings;
    let name = &gp.programme;
    if let Some(n) = spec.groups.or(spec.group_sizes.as_ref().map(|s| s.len())) {
        if gp.groups.len() > n {
            report.violations.push(violation("C070", format!("{name}: {} groups, the programme asks for at most {n}", gp.groups.len())));
        }
    }
    for (gi, group) in gp.groups.iter().enumerate() {
        let gid = &group.id;
        let (lo, hi) = match &spec.group_sizes {
            Some(sizes) => sizes.get(gi).map(|s| (s.min, s.max)).unwrap_or((usize::MAX, 0)),
            None => (lo, hi),
        };
        let members: Vec<usize> = group
            .members
            .iter()
            .filter_map(|id| {
                let p = ctx.person.get(id.as_str()).copied();
                if p.is_none() {
                    report.violations.push(violation("C071", format!("{gid}: {id} is not a participant")));
                }
                p
            })
            .collect();
        if group.members.len() < lo || group.members.len() > hi {
            report
                .violations
                .push(violation("C070", format!("{gid} has {} members, the programme's groups hold {lo}–{hi}", group.members.len())));
        }
        for &p in &members {
            if let Some(why) = ctx.not_eligible(spec, p) {
                report.violations.push(violation("C071", format!("{gid}: {} is not eligible ({why})", f.participants[p].id)));
            }
            if let Some(list) = &spec.enrolled {
                if !list.contains(&f.participants[p].id) {
                    report.violations.push(violation("C071", format!("{gid}: {} is not enrolled", f.participants[p].id)));
                }
            }
            if !grouped.insert(p) {
                report.violations.push(violation("C072", format!("{name}: {} is in more than one group", f.participants[p].id)));
            }
        }
        // Mixing caps.
        let mut by_muni: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_unit: BTreeMap<&str, usize> = BTreeMap::new();
        for &p in &members {
            *by_muni.entry(ctx.municipality(p)).or_default() += 1;
            *by_unit.entry(f.participants[p].unit.as_str()).or_default() += 1;
        }
        for (what, counts, cap) in [("municipality", &by_muni, spec.max_per_municipality), ("unit", &by_unit, spec.max_per_unit)] {
            if let Some(cap) = cap {
                for (label, &c) in counts.iter() {
                    if c > cap {
                        report.violations.push(violation("C073", format!("{gid} has {c} members from {what} {label}, at most {cap}")));
                    }
                }
            }
        }
        // Objective terms.
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                diversity += ctx.benefit(spec, &explicit, &before, a, b);
            }
        }
        let cost_at = |place: &str| -> f64 {
            members.iter().map(|&p| ctx.minutes(ctx.municipality(p), place)).sum::<f64>() * spec.diversity.travel_per_minute
        };
        travel += cost_at(&group.meeting_place);
        match &spec.venue {
            Some(v) if v != &group.meeting_place => {
                report.violations.push(violation("C080", format!("{gid} meets in {}, the programme's venue is {v}", group.meeting_place)));
            }
            None if ctx.muni.contains_key(group.meeting_place.as_str()) => {
                let best = f.region.municipalities.iter().map(|m| cost_at(&m.id)).fold(f64::INFINITY, f64::min);
                if cost_at(&group.meeting_place) > best + 1e-6 {
                    report.violations.push(violation(
                        "C080",
                        format!("{gid} meets in {}; another municipality gives the members less travel", group.meeting_place),
                    ));
                }
            }
            None => report.violations.push(violation("C080", format!("{gid} meets in unknown municipality {}", group.meeting_place))),
            _ => {}
        }
        // Leader.
        let leader = group.leader.as_deref().and_then(|l| leaders.get(l).copied());
        match (group.leader.as_deref(), leader) {
            (None, _) if spec.leader_required => report.violations.push(violation("C074", format!("{gid} has no leader"))),
            (Some(l), None) => report.violations.push(violation("C074", format!("{gid}: leader {l} is unknown"))),
            (_, Some(l)) => {
                *leader_groups.entry(l).or_default() += 1;
                if !f.group_leaders[l].qualifications.contains(&qualification) {
                    report.violations.push(violation(
                        "C074",
                        format!("{gid}: leader {} is not qualified for \"{qualification}\"", f.group_leaders[l].id),
                    ));
                }
            }
            _ => {}
        }
        // Meetings.
        let n = group.meetings.len();
        if n > rules.max as usize || (n < rules.min as usize && group.shortfall.is_none()) {
            report.violations.push(violation("C075", format!("{gid} has {n} meetings, the rules ask for {}–{}", rules.min, rules.max)));
        }
        let listed: BTreeSet<(NaiveDate, &str)> = group.conflicts.iter().map(|c| (c.date, c.participant.as_str())).collect();
        for (k, &d) in group.meetings.iter().enumerate() {
            if d < f.round.start || d > f.round.end {
                report.violations.push(violation("C075", format!("{gid} meets on {d}, outside the round")));
            }
            if let Some(why) = closed_reason(d) {
                report.violations.push(violation("C075", format!("{gid} meets on {d}, {why}")));
            } else if unavailable_on(&f.calendar.closed, d) {
                report.violations.push(violation("C075", format!("{gid} meets on {d}, a closed date")));
            }
            if k > 0 {
                let prev = group.meetings[k - 1];
                if (prev.year(), prev.month()) == (d.year(), d.month())
                    || d <= prev
                    || (d - prev).num_days() < rules.min_days_between as i64
                {
                    report.violations.push(violation(
                        "C075",
                        format!("{gid} meets on {prev} and {d}: one a month, at least {} days apart", rules.min_days_between),
                    ));
                }
            }
            if let Some(l) = leader {
                if unavailable_on(&f.group_leaders[l].unavailable, d) {
                    report.violations.push(violation("C076", format!("{gid}: leader {} is unavailable on {d}", f.group_leaders[l].id)));
                }
                if !leader_days.insert((l, d)) {
                    report.violations.push(violation("C076", format!("leader {} has two group meetings on {d}", f.group_leaders[l].id)));
                }
            }
            for &p in &members {
                if unavailable_on(&f.participants[p].unavailable, d) && !listed.contains(&(d, f.participants[p].id.as_str())) {
                    report.violations.push(violation(
                        "C077",
                        format!("{gid}: {} is unavailable on {d} and the conflict is not listed", f.participants[p].id),
                    ));
                }
            }
        }
    }
    // Every eligible candidate is grouped or listed as unserved.
    let listed: HashSet<&str> = gp.unserved.iter().map(|u| u.participant.as_str()).collect();
    let candidates: Vec<usize> = match &spec.enrolled {
        Some(list) => list.iter().filter_map(|id| ctx.person.get(id.as_str()).copied()).collect(),
        None => (0..f.participants.len()).collect(),
    };
    for p in candidates {
        if ctx.not_eligible(spec, p).is_none() && !grouped.contains(&p) && !listed.contains(f.participants[p].id.as_str()) {
            report.violations.push(violation(
                "C078",
                format!("{name}: {} is eligible but neither in a group nor listed as unserved", f.participants[p].id),
            ));
        }
    }
    // Objective.
    let tol = 1e-6 * diversity.abs().max(1.0) + 1e-3 * (gp.groups.len() as f64 + 1.0);
    let o = &gp.objective;
    if (o.diversity - diversity).abs() > tol || (o.travel - travel).abs() > tol || (o.total - (diversity - travel)).abs() > 2.0 * tol {
        report.violations.push(violation(
            "C079",
            format!(
                "{name}: the plan reports diversity {:.3}, travel {:.3}; recomputed {diversity:.3}, {travel:.3}",
                o.diversity, o.travel
            ),
        ));
    }
    report.recomputed_terms.insert(format!("groups.{name}.diversity"), diversity);
    report.recomputed_terms.insert(format!("groups.{name}.travel"), travel);
}
