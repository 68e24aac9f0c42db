//! Checker rules for mentor–mentee pairs and their meeting series.

use super::calendar::closed_reason;
use super::{violation, CheckReport};
use crate::format::plan::PlanFile;
use crate::format::{DateOrRange, InstanceFile, MeetingPlace, SameMunicipality};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};

struct Person<'a> {
    unit: &'a str,
    municipality: usize,
    unavailable: &'a [DateOrRange],
}

/// True when `d` is one of the dates or inside one of the ranges.
pub(crate) fn unavailable_on(list: &[DateOrRange], d: NaiveDate) -> bool {
    list.iter().any(|item| match item {
        DateOrRange::Date(x) => *x == d,
        DateOrRange::Range { from, to, .. } => *from <= d && d <= *to,
    })
}

/// Travel minutes between two municipalities, from the explicit table or the coordinates.
pub(crate) fn travel(f: &InstanceFile, a: usize, b: usize) -> f64 {
    let ma = &f.region.municipalities[a];
    let mb = &f.region.municipalities[b];
    for e in &f.region.travel.table {
        if (e.from == ma.id && e.to == mb.id) || (e.from == mb.id && e.to == ma.id) {
            return e.minutes;
        }
    }
    let rad = std::f64::consts::PI / 180.0;
    let (la, lb) = (ma.lat * rad, mb.lat * rad);
    let h = ((lb - la) / 2.0).sin().powi(2) + la.cos() * lb.cos() * (((mb.lon - ma.lon) * rad) / 2.0).sin().powi(2);
    let km = 2.0 * 6371.0088 * h.sqrt().asin();
    km * f.region.travel.road_factor / f.region.travel.speed_kmh * 60.0
}

/// Verifies pairs, meetings, unmatched claims and the objective.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let rules = &f.mentorship;
    let w = &f.weights;
    let muni: HashMap<&str, usize> = f.region.municipalities.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let unit_muni: HashMap<&str, usize> =
        f.region.units.iter().map(|u| (u.id.as_str(), muni.get(u.municipality.as_str()).copied().unwrap_or(0))).collect();
    let participants: HashMap<&str, usize> = f.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mentors: HashMap<&str, usize> = f.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let participant_of = |i: usize| {
        let p = &f.participants[i];
        Person { unit: &p.unit, municipality: unit_muni.get(p.unit.as_str()).copied().unwrap_or(0), unavailable: &p.unavailable }
    };
    let mentor_of = |i: usize| {
        let m = &f.mentors[i];
        Person { unit: &m.unit, municipality: unit_muni.get(m.unit.as_str()).copied().unwrap_or(0), unavailable: &m.unavailable }
    };

    // Phase of each participant at the round's start (years of 365.25 days).
    let phase_of = |i: usize| -> &str {
        let years = ((f.round.start - f.participants[i].profession_start).num_days() as f64 / 365.25).max(0.0);
        let mut phase = f.phases.first().map(|p| p.id.as_str()).unwrap_or("");
        for p in &f.phases {
            if years >= p.min_years {
                phase = &p.id;
            }
        }
        phase
    };
    let eligible_mentee = |i: usize| f.participants[i].wants_mentor && rules.eligible_phases.iter().any(|ph| ph == phase_of(i));
    let excluded: HashSet<(&str, &str)> = rules.exclusions.iter().map(|e| (e.mentor.as_str(), e.mentee.as_str())).collect();
    let explicit: HashMap<(&str, &str), f64> = rules.pair_costs.iter().map(|c| ((c.mentor.as_str(), c.mentee.as_str()), c.cost)).collect();
    let history: HashSet<(&str, &str)> =
        f.mentors.iter().flat_map(|m| m.history.iter().map(move |h| (m.id.as_str(), h.as_str()))).collect();

    // Whether the hard pair rules allow mentor m for participant p (checker's own statement).
    let allowed = |m: usize, p: usize| -> Result<(), (&'static str, String)> {
        let mentor = &f.mentors[m];
        let (a, b) = (mentor_of(m), participant_of(p));
        if a.unit == b.unit {
            return Err(("C014", format!("mentor {} and mentee {} both work in unit {}", mentor.id, f.participants[p].id, a.unit)));
        }
        if rules.same_municipality == SameMunicipality::Forbidden && a.municipality == b.municipality {
            return Err((
                "C015",
                format!(
                    "mentor {} and mentee {} are both in {}",
                    mentor.id, f.participants[p].id, f.region.municipalities[a.municipality].id
                ),
            ));
        }
        if rules.require_training && !mentor.trained {
            return Err(("C016", format!("mentor {} has not taken the mentor training", mentor.id)));
        }
        if mentor.years_in_profession < rules.mentor_min_years {
            return Err((
                "C016",
                format!(
                    "mentor {} has {} years in the profession, fewer than {}",
                    mentor.id, mentor.years_in_profession, rules.mentor_min_years
                ),
            ));
        }
        if mentor.capacity <= 0 {
            return Err(("C013", format!("mentor {} has capacity {}", mentor.id, mentor.capacity)));
        }
        if excluded.contains(&(mentor.id.as_str(), f.participants[p].id.as_str())) {
            return Err(("C017", format!("the pair {}–{} is excluded", mentor.id, f.participants[p].id)));
        }
        if let Some(max) = mentor.max_travel_minutes {
            let t = travel(f, a.municipality, b.municipality);
            if t > max {
                return Err((
                    "C018",
                    format!("mentor {} would travel {t:.1} min to mentee {}, more than the maximum {max}", mentor.id, f.participants[p].id),
                ));
            }
        }
        Ok(())
    };

    let mut load: HashMap<usize, usize> = HashMap::new();
    let mut paired: HashSet<usize> = HashSet::new();
    let mut day_of: HashMap<(&str, NaiveDate), usize> = HashMap::new();
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    let mut pair_list: Vec<(usize, usize)> = Vec::new();

    for pair in &plan.mentorship.pairs {
        let (Some(&m), Some(&p)) = (mentors.get(pair.mentor.as_str()), participants.get(pair.mentee.as_str())) else {
            report.violations.push(violation("C010", format!("pair {}–{} names someone not in the instance", pair.mentor, pair.mentee)));
            continue;
        };
        pair_list.push((m, p));
        if !eligible_mentee(p) {
            report.violations.push(violation(
                "C011",
                format!(
                    "{} is paired but does not want a mentor or is in phase \"{}\", not among {:?}",
                    pair.mentee,
                    phase_of(p),
                    rules.eligible_phases
                ),
            ));
        }
        if !paired.insert(p) {
            report.violations.push(violation("C012", format!("{} has more than one mentor", pair.mentee)));
        }
        *load.entry(m).or_insert(0) += 1;
        if let Err((code, msg)) = allowed(m, p) {
            if code != "C013" {
                report.violations.push(violation(code, msg));
            }
        }

        // Cost of the pair.
        let (a, b) = (mentor_of(m), participant_of(p));
        let key = (pair.mentor.as_str(), pair.mentee.as_str());
        if let Some(c) = explicit.get(&key) {
            *terms.entry("explicit_pair_cost".into()).or_insert(0.0) += c;
        } else {
            *terms.entry("travel".into()).or_insert(0.0) += w.travel_per_minute * travel(f, a.municipality, b.municipality);
            let same = if a.municipality == b.municipality && rules.same_municipality == SameMunicipality::Penalised {
                w.same_municipality
            } else {
                0.0
            };
            *terms.entry("same_municipality".into()).or_insert(0.0) += same;
            let expertise: HashSet<&str> = f.mentors[m].expertise.iter().map(String::as_str).collect();
            let missing = f.participants[p].interests.iter().filter(|t| !expertise.contains(t.as_str())).count();
            *terms.entry("interest_mismatch".into()).or_insert(0.0) += w.interest_mismatch * missing as f64;
            *terms.entry("repeat_pair".into()).or_insert(0.0) += if history.contains(&key) { w.repeat_pair } else { 0.0 };
        }

        // Meetings.
        let n = pair.meetings.len();
        if n > rules.max_meetings as usize || (n < rules.min_meetings as usize && pair.shortfall.is_none()) {
            report.violations.push(violation(
                "C020",
                format!(
                    "{}–{} has {n} meetings; the rules ask for {}–{}",
                    pair.mentor, pair.mentee, rules.min_meetings, rules.max_meetings
                ),
            ));
        }
        for (k, &d) in pair.meetings.iter().enumerate() {
            if d < f.round.start || d > f.round.end {
                report.violations.push(violation(
                    "C021",
                    format!("{}–{} meets on {d}, outside the round {}–{}", pair.mentor, pair.mentee, f.round.start, f.round.end),
                ));
            }
            if let Some(why) = closed_reason(d) {
                report.violations.push(violation("C022", format!("{}–{} meets on {d}, {why}", pair.mentor, pair.mentee)));
            } else if unavailable_on(&f.calendar.closed, d) {
                report
                    .violations
                    .push(violation("C022", format!("{}–{} meets on {d}, a closed date of the round", pair.mentor, pair.mentee)));
            }
            for (who, person) in [(&pair.mentor, &a), (&pair.mentee, &b)] {
                if unavailable_on(person.unavailable, d) {
                    report
                        .violations
                        .push(violation("C025", format!("{who} is unavailable on {d}, a meeting of {}–{}", pair.mentor, pair.mentee)));
                }
                if day_of.insert((who.as_str(), d), k).is_some() {
                    report.violations.push(violation("C026", format!("{who} has two meetings on {d}")));
                }
            }
            if k > 0 {
                let prev = pair.meetings[k - 1];
                if (prev.year(), prev.month()) == (d.year(), d.month()) {
                    report
                        .violations
                        .push(violation("C023", format!("{}–{} meets twice in {}-{:02}", pair.mentor, pair.mentee, d.year(), d.month())));
                }
                if d <= prev {
                    report.violations.push(violation(
                        "C024",
                        format!("{}–{}: meetings are not in ascending order ({prev}, {d})", pair.mentor, pair.mentee),
                    ));
                } else if (d - prev).num_days() < rules.min_days_between as i64 {
                    report.violations.push(violation(
                        "C024",
                        format!(
                            "{}–{} meets on {prev} and {d}, {} days apart; the minimum is {}",
                            pair.mentor,
                            pair.mentee,
                            (d - prev).num_days(),
                            rules.min_days_between
                        ),
                    ));
                }
            }
        }
        match muni.get(pair.meeting_place.as_str()) {
            None => report.violations.push(violation(
                "C027",
                format!("{}–{} meets in unknown municipality \"{}\"", pair.mentor, pair.mentee, pair.meeting_place),
            )),
            Some(&place) => {
                let ok = match rules.meeting_place {
                    MeetingPlace::Mentor => place == a.municipality,
                    MeetingPlace::Mentee => place == b.municipality,
                    MeetingPlace::MinCombinedTravel => {
                        let cost = |x: usize| travel(f, a.municipality, x) + travel(f, b.municipality, x);
                        let best = (0..f.region.municipalities.len()).map(cost).fold(f64::INFINITY, f64::min);
                        cost(place) <= best + 1e-6
                    }
                };
                if !ok {
                    report.violations.push(violation(
                        "C027",
                        format!(
                            "{}–{} meets in {} against the policy {:?}",
                            pair.mentor, pair.mentee, pair.meeting_place, rules.meeting_place
                        ),
                    ));
                }
            }
        }
    }

    for (&m, &l) in &load {
        let cap = f.mentors[m].capacity.max(0) as usize;
        if l > cap {
            report.violations.push(violation("C013", format!("mentor {} has {l} mentees, capacity {cap}", f.mentors[m].id)));
        }
    }
    let balance: f64 = load.values().map(|&l| w.balance * (l * l.saturating_sub(1)) as f64 / 2.0).sum();
    terms.insert("balance".into(), balance);

    // Unmatched mentees: every eligible, unpaired mentee must be listed with a true reason.
    let listed: HashMap<&str, &crate::format::plan::UnmatchedMentee> =
        plan.mentorship.unmatched.iter().map(|u| (u.mentee.as_str(), u)).collect();
    let eligible: Vec<usize> = (0..f.participants.len()).filter(|&i| eligible_mentee(i)).collect();
    for &p in &eligible {
        if paired.contains(&p) {
            continue;
        }
        let id = f.participants[p].id.as_str();
        let candidates: Vec<usize> = (0..f.mentors.len()).filter(|&m| allowed(m, p).is_ok()).collect();
        match listed.get(id) {
            None => report
                .violations
                .push(violation("C030", format!("{id} is eligible for a mentor but neither paired nor listed as unmatched"))),
            Some(u) => {
                let truthful = match u.reason.as_str() {
                    "no_eligible_mentor" => candidates.is_empty(),
                    "eligible_mentors_full" => !candidates.is_empty(),
                    _ => false,
                };
                if !truthful {
                    report
                        .violations
                        .push(violation("C030", format!("{id} is listed as unmatched with reason \"{}\", which does not hold", u.reason)));
                }
            }
        }
    }

    // Maximum number matched: Kuhn's augmenting paths on the eligibility graph.
    // Fixed pairs — pinned in the instance, or kept by a re-plan because they run on — are in
    // the plan by rule: they take their mentors' slots first, the maximum is over the others.
    let mut slots: Vec<usize> = (0..f.mentors.len()).map(|m| f.mentors[m].capacity.max(0) as usize).collect();
    let mut fixed: HashSet<usize> = HashSet::new();
    let mentor_idx: HashMap<&str, usize> = f.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let part_idx: HashMap<&str, usize> = f.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let pinned = f.mentorship.fixed_pairs.iter().map(|fp| (fp.mentor.as_str(), fp.mentee.as_str(), false));
    let kept = plan.replan.iter().flat_map(|r| &r.kept_pairs).map(|k| (k.mentor.as_str(), k.mentee.as_str(), true));
    for (mentor, mentee, must_be_in_plan) in pinned.chain(kept) {
        if let (Some(&m), Some(&p)) = (mentor_idx.get(mentor), part_idx.get(mentee)) {
            let in_plan = !must_be_in_plan || pair_list.contains(&(m, p));
            if in_plan && eligible.contains(&p) && allowed(m, p).is_ok() && slots[m] > 0 && !fixed.contains(&p) {
                fixed.insert(p);
                slots[m] -= 1;
            }
        }
    }
    let adj: Vec<Vec<usize>> = eligible
        .iter()
        .map(|&p| if fixed.contains(&p) { vec![] } else { (0..f.mentors.len()).filter(|&m| allowed(m, p).is_ok()).collect() })
        .collect();
    let best = max_matching(&adj, &slots) + fixed.len();
    let valid_pairs = pair_list.iter().filter(|(m, p)| allowed(*m, *p).is_ok()).count();
    if best > plan.mentorship.pairs.len().max(valid_pairs) {
        report.violations.push(violation("C031", format!("{} mentees are matched but {best} could be", plan.mentorship.pairs.len())));
    }

    // Objective.
    let cost: f64 = terms.values().sum();
    report.recomputed_cost = cost;
    if plan.objective.matched != plan.mentorship.pairs.len() || plan.objective.unmatched != plan.mentorship.unmatched.len() {
        report.violations.push(violation(
            "C040",
            format!(
                "the plan reports {} matched and {} unmatched but lists {} pairs and {} unmatched",
                plan.objective.matched,
                plan.objective.unmatched,
                plan.mentorship.pairs.len(),
                plan.mentorship.unmatched.len()
            ),
        ));
    }
    let tol = 1e-6 * cost.abs().max(1.0) + 1e-3 * (plan.mentorship.pairs.len() as f64 + 1.0);
    if (plan.objective.cost - cost).abs() > tol {
        report.violations.push(violation("C040", format!("the plan reports cost {:.3}, recomputed {cost:.3}", plan.objective.cost)));
    }
    for (name, value) in &terms {
        let reported = plan.objective.terms.get(name).copied().unwrap_or(0.0);
        if (reported - value).abs() > tol {
            report.violations.push(violation("C040", format!("term {name}: the plan reports {reported:.3}, recomputed {value:.3}")));
        }
    }
    report.recomputed_terms = terms;
}

/// Maximum bipartite matching with capacities by augmenting paths (Kuhn), iterative.
fn max_matching(adj: &[Vec<usize>], capacity: &[usize]) -> usize {
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); capacity.len()];
    let mut mentor_of: Vec<Option<usize>> = vec![None; adj.len()];
    let mut matched = 0;
    for start in 0..adj.len() {
        // BFS over mentees, recording how each was reached, to find an augmenting path.
        let mut parent: Vec<Option<(usize, usize)>> = vec![None; adj.len()]; // (previous mentee, mentor)
        let mut seen_mentor = vec![false; capacity.len()];
        let mut queue = std::collections::VecDeque::from([start]);
        let mut visited = vec![false; adj.len()];
        visited[start] = true;
        let mut end: Option<(usize, usize)> = None;
        'bfs: while let Some(u) = queue.pop_front() {
            for &m in &adj[u] {
                if seen_mentor[m] {
                    continue;
                }
                seen_mentor[m] = true;
                if assigned[m].len() < capacity[m] {
                    end = Some((u, m));
                    break 'bfs;
                }
                for &v in &assigned[m] {
                    if !visited[v] {
                        visited[v] = true;
                        parent[v] = Some((u, m));
                        queue.push_back(v);
                    }
                }
            }
        }
        if let Some((mut u, mut m)) = end {
            loop {
                // u takes m; u's old mentor (if any) is handed to its parent.
                let old = mentor_of[u];
                if let Some(o) = old {
                    assigned[o].retain(|&x| x != u);
                }
                assigned[m].push(u);
                mentor_of[u] = Some(m);
                match parent[u] {
                    Some((pu, _)) => {
                        m = old.expect("a reached mentee has a mentor");
                        u = pu;
                    }
                    None => break,
                }
            }
            matched += 1;
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::max_matching;

    #[test]
    fn kuhn_finds_augmenting_paths() {
        // Mentee 0 can take mentor 0 or 1; mentee 1 only mentor 0. Capacity 1 each.
        assert_eq!(max_matching(&[vec![0, 1], vec![0]], &[1, 1]), 2);
        assert_eq!(max_matching(&[vec![0], vec![0], vec![0]], &[2]), 2);
        assert_eq!(max_matching(&[vec![], vec![1]], &[1, 1]), 1);
    }
}
