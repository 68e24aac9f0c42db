//! The checker's own derivations from the instance file, each written once: positions by id,
//! the region (units' municipalities, travel times, the best meeting place), the round's
//! calendar (open days, closed dates, months, the re-plan's history date), people (years in the
//! profession, phase, completed courses, course deadlines) and a capacitated bipartite matching.
//!
//! Like the rest of [`crate::check`] it reads the file types only and shares no code with the
//! solvers' model or rules.

use super::calendar::closed_reason;
use crate::format::plan::PlanFile;
use crate::format::{DateOrRange, InstanceFile};
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::collections::{BTreeSet, HashMap, VecDeque};

// ----- Ids -----

/// The position of each item by its id (of two items with one id, the later one).
pub(super) fn index_by_id<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
}

/// An unordered pair as a key: the smaller first.
pub(super) fn unordered<T: Ord + Copy>(a: T, b: T) -> (T, T) {
    (a.min(b), a.max(b))
}

// ----- Region -----

/// Municipalities by id, the municipality of each unit, and the travel minutes between every
/// two municipalities (worked out once: the checker asks for them per pair and per member).
pub(super) struct Region<'a> {
    f: &'a InstanceFile,
    /// Municipality id → its position in `region.municipalities`.
    pub municipality: HashMap<&'a str, usize>,
    /// Unit id → the id of its municipality.
    unit_municipality: HashMap<&'a str, &'a str>,
    /// Unit id → the position of its municipality.
    unit_position: HashMap<&'a str, usize>,
    /// Travel minutes, row-major over the municipalities' positions (empty for a region too
    /// large to hold them all; then each is worked out when asked).
    minutes: Vec<f64>,
}

/// Regions with more municipalities than this work out travel times when asked.
const TRAVEL_MATRIX_MAX: usize = 2_000;

impl<'a> Region<'a> {
    pub fn new(f: &'a InstanceFile) -> Self {
        let municipality = index_by_id(&f.region.municipalities, |m| m.id.as_str());
        let unit_position =
            f.region.units.iter().filter_map(|u| Some((u.id.as_str(), *municipality.get(u.municipality.as_str())?))).collect();
        let n = f.region.municipalities.len();
        let minutes = if n <= TRAVEL_MATRIX_MAX { travel_matrix(f) } else { Vec::new() };
        Region {
            f,
            municipality,
            unit_municipality: f.region.units.iter().map(|u| (u.id.as_str(), u.municipality.as_str())).collect(),
            unit_position,
            minutes,
        }
    }

    /// Travel minutes between the municipalities at positions `a` and `b`.
    pub fn travel(&self, a: usize, b: usize) -> f64 {
        let n = self.f.region.municipalities.len();
        if self.minutes.len() == n * n {
            self.minutes[a * n + b]
        } else {
            travel(self.f, a, b)
        }
    }

    /// The id of a unit's municipality ("" for an unknown unit).
    pub fn municipality_id(&self, unit: &str) -> &'a str {
        self.unit_municipality.get(unit).copied().unwrap_or("")
    }

    /// The position of a unit's municipality (None when the unit or its municipality is unknown).
    pub fn position_of_unit(&self, unit: &str) -> Option<usize> {
        self.unit_position.get(unit).copied()
    }

    /// The position of a unit's municipality (0 when the unit or its municipality is unknown).
    pub fn municipality_of(&self, unit: &str) -> usize {
        self.unit_position.get(unit).copied().unwrap_or(0)
    }

    /// The least of `cost` over every municipality of the region (infinite when there is none).
    pub fn least_over_municipalities(&self, cost: impl Fn(usize) -> f64) -> f64 {
        (0..self.f.region.municipalities.len()).map(cost).fold(f64::INFINITY, f64::min)
    }
}

/// Travel minutes between every two municipalities (row-major), as [`travel`] gives them: the
/// explicit table's first entry for the pair, else the coordinates.
fn travel_matrix(f: &InstanceFile) -> Vec<f64> {
    let n = f.region.municipalities.len();
    let mut table: HashMap<(&str, &str), f64> = HashMap::new();
    for e in &f.region.travel.table {
        table.entry((e.from.as_str(), e.to.as_str())).or_insert(e.minutes);
        table.entry((e.to.as_str(), e.from.as_str())).or_insert(e.minutes);
    }
    let ids: Vec<&str> = f.region.municipalities.iter().map(|m| m.id.as_str()).collect();
    let mut minutes = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            minutes[a * n + b] = match table.get(&(ids[a], ids[b])) {
                Some(&m) => m,
                None => by_coordinates(f, a, b),
            };
        }
    }
    minutes
}

/// Travel minutes between two municipalities, from the explicit table or the coordinates.
pub(super) fn travel(f: &InstanceFile, a: usize, b: usize) -> f64 {
    let ma = &f.region.municipalities[a];
    let mb = &f.region.municipalities[b];
    for e in &f.region.travel.table {
        if (e.from == ma.id && e.to == mb.id) || (e.from == mb.id && e.to == ma.id) {
            return e.minutes;
        }
    }
    by_coordinates(f, a, b)
}

/// Travel minutes between two municipalities from their coordinates.
fn by_coordinates(f: &InstanceFile, a: usize, b: usize) -> f64 {
    road_km(f, a, b) / f.region.travel.speed_kmh * 60.0
}

/// Road km between two municipalities: the great-circle distance between their coordinates ×
/// the road factor (the explicit travel table gives minutes, not km).
pub(super) fn road_km(f: &InstanceFile, a: usize, b: usize) -> f64 {
    let (ma, mb) = (&f.region.municipalities[a], &f.region.municipalities[b]);
    let rad = std::f64::consts::PI / 180.0;
    let (la, lb) = (ma.lat * rad, mb.lat * rad);
    let h = ((lb - la) / 2.0).sin().powi(2) + la.cos() * lb.cos() * (((mb.lon - ma.lon) * rad) / 2.0).sin().powi(2);
    let km = 2.0 * 6371.0088 * h.sqrt().asin();
    km * f.region.travel.road_factor
}

// ----- Calendar -----

/// True when `d` is one of the dates or inside one of the ranges.
pub(super) fn unavailable_on(list: &[DateOrRange], d: NaiveDate) -> bool {
    list.iter().any(|item| match item {
        DateOrRange::Date(x) => *x == d,
        DateOrRange::Range { from, to, .. } => *from <= d && d <= *to,
    })
}

/// True when `d` lies inside the round.
pub(super) fn in_round(f: &InstanceFile, d: NaiveDate) -> bool {
    f.round.start <= d && d <= f.round.end
}

/// Why a day is closed, whether inside the round or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Closed {
    /// A weekend or public holiday, by name ("a Saturday", "Midsummer Eve").
    Holiday(&'static str),
    /// One of the round's closed dates (`calendar.closed`).
    RoundClosed,
}

impl Closed {
    /// Why the day is closed, in the language in force (`round` is the text of a closed date).
    pub(super) fn text(&self, round: String) -> String {
        match self {
            Closed::Holiday(name) => super::calendar::closed_text(name),
            Closed::RoundClosed => round,
        }
    }
}

/// Whether `d` is a weekend, a public holiday (checked first) or a closed date of the round.
pub(super) fn closed(f: &InstanceFile, d: NaiveDate) -> Option<Closed> {
    match closed_reason(d) {
        Some(why) => Some(Closed::Holiday(why)),
        None if unavailable_on(&f.calendar.closed, d) => Some(Closed::RoundClosed),
        None => None,
    }
}

/// The round's open days: inside the round, a weekday, no holiday, not a closed date.
pub(super) fn open_day(f: &InstanceFile, d: NaiveDate) -> bool {
    in_round(f, d) && closed(f, d).is_none()
}

/// The calendar month of a date, as (year, month).
pub(super) fn month_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

/// Whether a meeting series of `n` meetings breaks its count rule: more than `max`, or fewer
/// than `min` without a stated shortfall.
pub(super) fn count_breaks(n: usize, min: u32, max: u32, shortfall_stated: bool) -> bool {
    n > max as usize || (n < min as usize && !shortfall_stated)
}

/// For a re-planned round: its planning date. What lies before it is history.
pub(super) fn history_before(plan: &PlanFile) -> Option<NaiveDate> {
    plan.replan.as_ref().map(|r| r.today)
}

// ----- People -----

/// Years in the profession of participant `p` on `date` (years of 365.25 days).
pub(super) fn years_on(f: &InstanceFile, p: usize, date: NaiveDate) -> f64 {
    ((date - f.participants[p].profession_start).num_days() as f64 / 365.25).max(0.0)
}

/// Phase id of participant `p` at the round's start: the last phase whose `min_years` the years
/// in the profession reach (the first phase when none is reached).
pub(super) fn phase_of(f: &InstanceFile, p: usize) -> &str {
    phase_on(f, p, f.round.start).map_or("", |i| f.phases[i].id.as_str())
}

/// Position in `f.phases` of participant `p`'s phase on `date`: people move up the staircase
/// during a round (years of 365.25 days since entering the profession). None without phases.
pub(super) fn phase_on(f: &InstanceFile, p: usize, date: NaiveDate) -> Option<usize> {
    let years = ((date - f.participants[p].profession_start).num_days() as f64 / 365.25).max(0.0);
    let mut phase = (!f.phases.is_empty()).then_some(0);
    for (i, ph) in f.phases.iter().enumerate() {
        if years >= ph.min_years {
            phase = Some(i);
        }
    }
    phase
}

/// Whether a list of phases admits `phase`; an empty list admits every phase.
pub(super) fn phase_admitted(phases: &[String], phase: &str) -> bool {
    phases.is_empty() || phases.iter().any(|x| x == phase)
}

/// The courses completed before the round, as (participant id, course id).
pub(super) fn completed_courses(f: &InstanceFile) -> BTreeSet<(&str, &str)> {
    f.course_history.iter().map(|r| (r.participant.as_str(), r.course.as_str())).collect()
}

/// The last day participant `p` may take course `c`: the day before the anniversary of the
/// employment start `deadline_months` on; None when the course has no deadline.
pub(super) fn deadline(f: &InstanceFile, p: usize, c: usize) -> Option<NaiveDate> {
    let months = f.courses[c].deadline_months?;
    let anniversary = f.participants[p].employment_start.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX);
    Some(anniversary - Duration::days(1))
}

// ----- Matching -----

/// A maximum bipartite matching with capacities, by augmenting paths (Kuhn, breadth-first,
/// iterative), taking the left vertices in order. `adj[u]` lists the right vertices left vertex
/// `u` may take; `capacity[r]` is how many right vertex `r` takes. Returns the right vertex of
/// each left vertex. A left vertex is matched exactly when it can join the ones before it (the
/// greedy basis of the transversal matroid), so which ones stay unmatched does not depend on the
/// order the paths are searched in.
pub(super) fn augmenting_matching(adj: &[Vec<usize>], capacity: &[usize]) -> Vec<Option<usize>> {
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); capacity.len()];
    let mut right_of: Vec<Option<usize>> = vec![None; adj.len()];
    for start in 0..adj.len() {
        // BFS over left vertices, recording how each was reached, to find an augmenting path.
        let mut parent: Vec<Option<(usize, usize)>> = vec![None; adj.len()]; // (previous left, right)
        let mut seen_right = vec![false; capacity.len()];
        let mut queue = VecDeque::from([start]);
        let mut visited = vec![false; adj.len()];
        visited[start] = true;
        let mut end: Option<(usize, usize)> = None;
        'bfs: while let Some(u) = queue.pop_front() {
            for &r in &adj[u] {
                if seen_right[r] {
                    continue;
                }
                seen_right[r] = true;
                if assigned[r].len() < capacity[r] {
                    end = Some((u, r));
                    break 'bfs;
                }
                for &v in &assigned[r] {
                    if !visited[v] {
                        visited[v] = true;
                        parent[v] = Some((u, r));
                        queue.push_back(v);
                    }
                }
            }
        }
        if let Some((mut u, mut r)) = end {
            loop {
                // u takes r; u's old right vertex (if any) is handed to its parent.
                let old = right_of[u];
                if let Some(o) = old {
                    assigned[o].retain(|&x| x != u);
                }
                assigned[r].push(u);
                right_of[u] = Some(r);
                match parent[u] {
                    Some((pu, _)) => {
                        r = old.expect("a reached left vertex is matched");
                        u = pu;
                    }
                    None => break,
                }
            }
        }
    }
    right_of
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matching_respects_adjacency_and_capacity() {
        let adj = [vec![0], vec![0, 1], vec![1], vec![0, 1]];
        let m = augmenting_matching(&adj, &[1, 2]);
        for (u, r) in m.iter().enumerate() {
            if let Some(r) = r {
                assert!(adj[u].contains(r));
            }
        }
        assert_eq!(m.iter().filter(|r| **r == Some(0)).count(), 1);
        assert_eq!(m.iter().filter(|r| **r == Some(1)).count(), 2);
        // The last one finds every place taken by those before it.
        assert_eq!(m[3], None);
    }

    #[test]
    fn phases_are_admitted_by_an_empty_list_or_by_name() {
        assert!(phase_admitted(&[], "new"));
        assert!(phase_admitted(&["new".to_string()], "new"));
        assert!(!phase_admitted(&["experienced".to_string()], "new"));
    }

    #[test]
    fn unordered_pairs_put_the_smaller_first() {
        assert_eq!(unordered(3, 1), (1, 3));
        assert_eq!(unordered("b", "a"), ("a", "b"));
    }
}
