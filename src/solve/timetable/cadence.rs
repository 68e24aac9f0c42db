//! Cadence-aware construction: where a course has cadence rules (starts per year, days between
//! starts), the construction first places its starts where the demand needs them and spaces the
//! rest evenly, then the greedy fills in as usual.
//!
//! Target start days come from the demand windows, not from a constant: each hire's window
//! (employment start to deadline) must hold a start, so the fewest starts that hit every window
//! are taken (earliest deadline first, each start as late as that hire allows, so it serves as
//! many later hires as possible); when the years ask for more starts than that, each start
//! serves at most its share of the hires, so the starts follow the intake. Years still short of their minimum get the days farthest from
//! every target, and a gap longer than the maximum gets the day in its middle.

use super::greedy::{evaluate_candidate, Candidate};
use super::state::State;
use crate::rules::timetable::Cadence;
use std::collections::{BTreeMap, BTreeSet};

/// Nearest start days tried around each target.
const NEAR_TARGET: usize = 8;

/// The start days the course should have (working-day indices, ascending).
pub fn targets(st: &State, course: usize, pending: &[usize]) -> Vec<usize> {
    let m = st.m;
    let starts = &m.starts[course];
    let rules = m.courses[course].cadence;
    if starts.is_empty() || !rules.is_set() {
        return Vec::new();
    }
    // Each pending demand: the first and last start day whose session fits its window.
    let mut windows: Vec<(usize, usize)> = pending
        .iter()
        .filter_map(|&d| {
            let (lo, hi) = m.demands[d].window?;
            let fits = |days: &&Vec<usize>| days[0] >= lo && days[days.len() - 1] <= hi;
            Some((starts.iter().find(fits)?[0], starts.iter().rev().find(fits)?[0]))
        })
        .collect();
    // A window holding every start (no deadline, employed before the round) needs no start of
    // its own: the greedy places those.
    let (first_start, last_start) = (starts[0][0], starts[starts.len() - 1][0]);
    windows.retain(|&(first, last)| first > first_start || last < last_start);
    windows.sort_by_key(|&(first, last)| (last, first));
    // Each start serves at most `cap` windows; a window without a start with room gets one.
    let stab = |cap: usize| {
        let mut chosen: BTreeSet<usize> = st.starts_of(course);
        let mut load: BTreeMap<usize, usize> = BTreeMap::new();
        for &(first, last) in &windows {
            match chosen.range(first..=last).copied().find(|t| load.get(t).copied().unwrap_or(0) < cap) {
                Some(t) => *load.entry(t).or_default() += 1,
                None => {
                    chosen.insert(last);
                    load.insert(last, 1);
                }
            }
        }
        chosen
    };
    let cadence = Cadence::of(m);
    let mut chosen = stab(usize::MAX);
    // Fewer starts than the years ask for: the hires spread over more starts, so each of them
    // still gathers a group.
    let needed: usize = (0..m.years.len()).map(|y| cadence.starts_allowed(course, y).0).sum();
    if chosen.len() < needed {
        let cap = windows.len().div_ceil(needed).max(m.courses[course].min_size);
        chosen = stab(cap);
    }
    let distance = |chosen: &BTreeSet<usize>, t: usize| chosen.iter().map(|&u| cadence.gap(t, u)).min().unwrap_or(i64::MAX);
    for year in 0..m.years.len() {
        let (lo, _) = cadence.starts_allowed(course, year);
        let in_year: Vec<usize> = starts.iter().map(|days| days[0]).filter(|&t| m.day_year[t] == year).collect();
        if lo > 0 && !in_year.is_empty() && !chosen.iter().any(|&t| m.day_year[t] == year) {
            // Evenly spaced over the year: the middles of `lo` equal parts.
            chosen.extend((0..lo).map(|i| in_year[((2 * i + 1) * in_year.len() / (2 * lo)).min(in_year.len() - 1)]));
        }
        while chosen.iter().filter(|&&t| m.day_year[t] == year).count() < lo {
            let Some(&best) = in_year.iter().filter(|t| !chosen.contains(t)).max_by_key(|&&t| (distance(&chosen, t), std::cmp::Reverse(t)))
            else {
                break;
            };
            chosen.insert(best);
        }
    }
    if let Some(g) = rules.max_gap_days {
        loop {
            let list: Vec<usize> = chosen.iter().copied().collect();
            let Some(w) = list.windows(2).find(|w| cadence.gap(w[0], w[1]) > g) else { break };
            let middle = m.days[w[0]] + chrono::Duration::days(cadence.gap(w[0], w[1]) / 2);
            let Some(t) =
                starts.iter().map(|days| days[0]).filter(|&t| t > w[0] && t < w[1]).min_by_key(|&t| (m.days[t] - middle).num_days().abs())
            else {
                break;
            };
            chosen.insert(t);
        }
    }
    chosen.into_iter().collect()
}

/// The best session of `course` starting near day `target`, over every venue, for the
/// `pending` demands: with a positive saving, or any that gathers a minimum group when the
/// course still falls short of its cadence.
pub fn near_target(st: &State, course: usize, target: usize, pending: &[usize]) -> Option<Candidate> {
    let m = st.m;
    let mut near: Vec<&Vec<usize>> = m.starts[course].iter().collect();
    near.sort_by_key(|days| (days[0].abs_diff(target), days[0]));
    near.truncate(NEAR_TARGET);
    let required = st.cadence_shortfall(course) > 0;
    let mut best: Option<Candidate> = None;
    for days in near {
        let Some(trainers) = st.pick_trainers(course, days) else { continue };
        for v in 0..m.venues.len() {
            if !st.can_place(course, days, v, &trainers) {
                continue;
            }
            if let Some(cand) = evaluate_candidate(st, course, days, v, trainers.clone(), pending) {
                if (required || cand.saving > 0.0) && best.as_ref().is_none_or(|b| cand.saving > b.saving) {
                    best = Some(cand);
                }
            }
        }
    }
    best
}

/// Opens the course's target starts (see [`targets`]) before the greedy fills in the rest.
pub fn place_starts(st: &mut State, course: usize) {
    let m = st.m;
    let pending = |st: &State| -> Vec<usize> {
        (0..m.demands.len())
            .filter(|&d| m.demands[d].course.index() == course && st.assigned[d].is_none() && m.demands[d].window.is_some())
            .collect()
    };
    let open = pending(st);
    let targets: Vec<usize> = targets(st, course, &open).into_iter().filter(|t| !st.starts_of(course).contains(t)).collect();
    // Each pending demand goes to an admissible target with the fewest so far (the most
    // constrained first), so that every target can gather its group.
    let admits = |d: usize, t: usize| m.demands[d].window.is_some_and(|(lo, hi)| t >= lo && t <= hi);
    let mut order = open.clone();
    order.sort_by_key(|&d| (targets.iter().filter(|&&t| admits(d, t)).count(), d));
    let mut share: Vec<Vec<usize>> = vec![Vec::new(); targets.len()];
    for d in order {
        if let Some(i) = (0..targets.len()).filter(|&i| admits(d, targets[i])).min_by_key(|&i| (share[i].len(), i)) {
            share[i].push(d);
        }
    }
    for (i, &target) in targets.iter().enumerate() {
        let free: Vec<usize> = share[i].iter().copied().filter(|&d| st.assigned[d].is_none()).collect();
        if let Some(cand) = near_target(st, course, target, &free) {
            let slot = st.open(cand.course, cand.days, cand.venue, cand.trainers);
            for d in cand.attendees {
                st.add(d, slot);
            }
        }
    }
}
