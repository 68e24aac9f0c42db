//! The Maximally Diverse Grouping Problem (MDGP) and its solvers.
//!
//! `n` elements (social workers) are split into `m` groups; group `g` must hold
//! between `group_bounds[g].0` and `group_bounds[g].1` elements. The objective to
//! **maximise** is
//!
//! ```text
//!   sum over groups g of sum_{i<j in g} w_ij
//! - sum over groups g of min_p sum_{i in g} cost[i][p]      (only with site costs)
//! ```
//!
//! i.e. the pairwise benefit of the members being together (the classic MDGP uses
//! the diversity `d_ij`), minus the travel cost of each group meeting at the site
//! that is cheapest for its members. Optional hard constraints: attribute caps
//! (at most `max_per_group` members with the same label, e.g. municipality, in a
//! group) and allowed groups per element.
//!
//! Solvers:
//! * [`local_search`]: multi-start iterated tabu search (move + swap
//!   neighbourhoods, O(1) incremental evaluation), deterministic for a seed and
//!   an iteration budget. The workhorse for any size.
//! * [`exact_milp`]: a MILP (good_lp with the pure-Rust microlp backend) that
//!   proves optimality on small instances (n up to about 12–14).
//! * [`brute_force`]: plain enumeration for tiny instances, a test reference.
//!
//! [`parse_mdgplib`] reads the MDGPLIB benchmark format.

mod exact;
mod local_search;

pub use crate::load::mdgplib::MdgpParseError;
pub use exact::{exact_milp, ExactSolution, ExactStatus, EXACT_MAX_COLUMNS};
pub use local_search::{budget_for_work, local_search, local_search_until, SearchParams, Solution, AUTO_STARTS};

/// Reads an MDGPLIB text ([`crate::load::mdgplib`]) as a plain grouping problem.
pub fn parse_mdgplib(text: &str) -> Result<GroupingProblem, MdgpParseError> {
    crate::load::mdgplib::parse_mdgplib(text).map(GroupingProblem::from)
}

impl From<crate::format::benchmark::MdgpInstance> for GroupingProblem {
    fn from(m: crate::format::benchmark::MdgpInstance) -> Self {
        GroupingProblem::new(m.n, m.weights, m.group_bounds)
    }
}

/// A grouping problem: who is grouped with whom, under size bounds and optional
/// mixing caps, allowed groups and a travel term.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupingProblem {
    /// Number of elements, indexed `0..n`.
    pub n: usize,
    /// Row-major `n × n` symmetric matrix: `weights[i * n + j]` is the benefit of
    /// `i` and `j` being in the same group (may be negative). The diagonal is
    /// ignored.
    pub weights: Vec<f64>,
    /// One `(min, max)` size bound per group; the number of groups `m` is the
    /// length of this vector.
    pub group_bounds: Vec<(usize, usize)>,
    /// Hard mixing caps; may be empty.
    pub caps: Vec<AttributeCap>,
    /// Optional travel term: each group meets at the site minimising its
    /// members' total cost, and that cost is subtracted from the objective.
    pub site_costs: Option<SiteCosts>,
    /// Optional `n × m` table: element `i` may only be placed in group `g` when
    /// `allowed_groups[i][g]` is true (e.g. a leader's qualification). `None`
    /// allows every group.
    pub allowed_groups: Option<Vec<Vec<bool>>>,
}

/// A hard cap on how many members of a group may share a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeCap {
    /// Label of each element (length `n`), e.g. its municipality index.
    pub label: Vec<u32>,
    /// At most this many members of one group may have the same label.
    pub max_per_group: usize,
}

/// Travel costs from each element to each candidate meeting site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteCosts {
    /// Number of candidate sites (at least 1).
    pub n_sites: usize,
    /// Row-major `n × n_sites`: `cost[i * n_sites + p]` is the travel cost of
    /// element `i` to meet at site `p`.
    pub cost: Vec<f64>,
}

/// The value of an assignment, split into its two terms.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Objective {
    /// Sum of `w_ij` over pairs `i < j` in the same group.
    pub pair_benefit: f64,
    /// Sum over groups of the cheapest site's total travel cost (0 without
    /// site costs).
    pub travel_cost: f64,
    /// `pair_benefit - travel_cost`, the value that is maximised.
    pub total: f64,
}

/// Why a grouping could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GroupingError {
    /// The problem data is malformed (wrong lengths, non-finite numbers, …).
    #[error("invalid grouping problem: {0}")]
    InvalidProblem(String),
    /// No assignment satisfies the bounds, caps and allowed groups (or, for the
    /// local search, none was found by the bounded repair search).
    #[error("infeasible grouping problem: {0}")]
    Infeasible(String),
    /// The instance is too large for the exact solver.
    #[error("too large for the exact solver: {0}")]
    TooLarge(String),
    /// The MILP solver failed or stopped without any solution.
    #[error("MILP solver failed: {0}")]
    Solver(String),
}

impl GroupingProblem {
    /// A plain MDGP: weights and group bounds only, no caps, sites or allowed
    /// groups.
    pub fn new(n: usize, weights: Vec<f64>, group_bounds: Vec<(usize, usize)>) -> Self {
        GroupingProblem { n, weights, group_bounds, caps: Vec::new(), site_costs: None, allowed_groups: None }
    }

    /// Number of groups `m`.
    pub fn n_groups(&self) -> usize {
        self.group_bounds.len()
    }

    /// Checks lengths, finiteness and symmetry of the data.
    ///
    /// Does not decide feasibility; [`local_search`] and [`exact_milp`] report
    /// that as [`GroupingError::Infeasible`].
    pub fn validate(&self) -> Result<(), GroupingError> {
        let n = self.n;
        let m = self.n_groups();
        let bad = |s: String| Err(GroupingError::InvalidProblem(s));
        if n.checked_mul(n) != Some(self.weights.len()) {
            return bad(format!("weights has {} entries, expected n*n = {}*{}", self.weights.len(), n, n));
        }
        if m == 0 {
            return bad("there must be at least one group".into());
        }
        for (g, &(lo, hi)) in self.group_bounds.iter().enumerate() {
            if lo > hi {
                return bad(format!("group {g} has min {lo} > max {hi}"));
            }
        }
        for i in 0..n {
            for j in (i + 1)..n {
                let a = self.weights[i * n + j];
                let b = self.weights[j * n + i];
                if !a.is_finite() {
                    return bad(format!("weight ({i},{j}) is not finite"));
                }
                if a != b {
                    return bad(format!("weights are not symmetric: w[{i}][{j}] = {a} but w[{j}][{i}] = {b}"));
                }
            }
        }
        for (c, cap) in self.caps.iter().enumerate() {
            if cap.label.len() != n {
                return bad(format!("cap {c} has {} labels, expected n = {n}", cap.label.len()));
            }
        }
        if let Some(s) = &self.site_costs {
            if s.n_sites == 0 {
                return bad("site_costs.n_sites must be at least 1".into());
            }
            if n.checked_mul(s.n_sites) != Some(s.cost.len()) {
                return bad(format!("site_costs.cost has {} entries, expected n*n_sites = {}*{}", s.cost.len(), n, s.n_sites));
            }
            if let Some(k) = s.cost.iter().position(|c| !c.is_finite()) {
                return bad(format!("travel cost of element {} to site {} is not finite", k / s.n_sites, k % s.n_sites));
            }
        }
        if let Some(a) = &self.allowed_groups {
            if a.len() != n {
                return bad(format!("allowed_groups has {} rows, expected n = {n}", a.len()));
            }
            if let Some(i) = a.iter().position(|row| row.len() != m) {
                return bad(format!("allowed_groups[{i}] has {} entries, expected m = {m}", a[i].len()));
            }
        }
        Ok(())
    }

    /// Scores an assignment (`assignment[i]` = group of element `i`).
    ///
    /// Elements whose group index is out of range (or missing, if the slice is
    /// short) are ignored; use [`GroupingProblem::violations`] to detect them.
    /// Assumes the problem passed [`GroupingProblem::validate`].
    pub fn evaluate(&self, assignment: &[usize]) -> Objective {
        let n = self.n.min(assignment.len());
        let m = self.n_groups();
        let mut pair = 0.0;
        for i in 0..n {
            let gi = assignment[i];
            if gi >= m {
                continue;
            }
            for (j, &gj) in assignment.iter().enumerate().take(n).skip(i + 1) {
                if gj == gi {
                    pair += self.weights[i * self.n + j];
                }
            }
        }
        let travel = match &self.site_costs {
            None => 0.0,
            Some(s) => {
                let mut sums = vec![0.0; m * s.n_sites];
                for (i, &g) in assignment.iter().enumerate().take(n) {
                    if g < m {
                        for p in 0..s.n_sites {
                            sums[g * s.n_sites + p] += s.cost[i * s.n_sites + p];
                        }
                    }
                }
                sums.chunks(s.n_sites)
                    .map(|row| row.iter().copied().fold(f64::INFINITY, f64::min))
                    .map(|v| if v.is_finite() { v } else { 0.0 })
                    .sum()
            }
        };
        Objective { pair_benefit: pair, travel_cost: travel, total: pair - travel }
    }

    /// The meeting site of each group under `assignment` (the site minimising
    /// the members' total cost, lowest index on ties), or `None` without site
    /// costs.
    pub fn meeting_sites(&self, assignment: &[usize]) -> Option<Vec<usize>> {
        let s = self.site_costs.as_ref()?;
        let m = self.n_groups();
        let mut sums = vec![0.0; m * s.n_sites];
        for (i, &g) in assignment.iter().enumerate().take(self.n) {
            if g < m {
                for p in 0..s.n_sites {
                    sums[g * s.n_sites + p] += s.cost[i * s.n_sites + p];
                }
            }
        }
        Some(sums.chunks(s.n_sites).map(argmin).collect())
    }

    /// Every constraint an assignment breaks, in words (empty when feasible):
    /// length, group index range, size bounds, caps and allowed groups.
    pub fn violations(&self, assignment: &[usize]) -> Vec<String> {
        let mut out = Vec::new();
        let m = self.n_groups();
        if assignment.len() != self.n {
            out.push(format!("assignment has {} entries, expected n = {}", assignment.len(), self.n));
        }
        let mut size = vec![0usize; m];
        for (i, &g) in assignment.iter().enumerate() {
            if g >= m {
                out.push(format!("element {i} is in group {g}, but there are {m} groups"));
            } else {
                size[g] += 1;
            }
        }
        for (g, &(lo, hi)) in self.group_bounds.iter().enumerate() {
            if size[g] < lo || size[g] > hi {
                out.push(format!("group {g} has {} members, allowed {lo}..={hi}", size[g]));
            }
        }
        for (c, cap) in self.caps.iter().enumerate() {
            let mut count: std::collections::BTreeMap<(usize, u32), usize> = Default::default();
            for (i, &g) in assignment.iter().enumerate() {
                if g < m && i < cap.label.len() {
                    *count.entry((g, cap.label[i])).or_default() += 1;
                }
            }
            for ((g, label), k) in count {
                if k > cap.max_per_group {
                    out.push(format!("cap {c}: group {g} has {k} members with label {label}, at most {} allowed", cap.max_per_group));
                }
            }
        }
        if let Some(allowed) = &self.allowed_groups {
            for (i, &g) in assignment.iter().enumerate() {
                if g < m && i < allowed.len() && !allowed[i].get(g).copied().unwrap_or(false) {
                    out.push(format!("element {i} is not allowed in group {g}"));
                }
            }
        }
        out
    }
}

/// Index of the smallest value (first on ties); 0 for an empty slice.
fn argmin(row: &[f64]) -> usize {
    let mut best = 0;
    for (p, &v) in row.iter().enumerate() {
        if v < row[best] {
            best = p;
        }
    }
    best
}

/// Internal, validated and densified form of a [`GroupingProblem`].
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub n: usize,
    pub m: usize,
    /// `n × n`, diagonal zeroed.
    pub w: Vec<f64>,
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    pub caps: Vec<PreparedCap>,
    /// 0 when there is no travel term.
    pub n_sites: usize,
    /// `n × n_sites` (empty without travel term).
    pub cost: Vec<f64>,
    /// Transposed costs, `n_sites × n`.
    pub cost_t: Vec<f64>,
    /// `n × m`, `None` when every group is allowed for everybody.
    pub allowed: Option<Vec<bool>>,
    /// `min_{j != i} w_ij` (0 when `n == 1`).
    pub wmin_row: Vec<f64>,
}

/// A cap with labels renumbered densely.
#[derive(Debug, Clone)]
pub(crate) struct PreparedCap {
    pub label: Vec<u32>,
    pub n_labels: usize,
    pub max: u32,
}

impl Prepared {
    /// Validates the problem, runs the cheap feasibility checks and builds the
    /// internal form.
    pub fn new(p: &GroupingProblem) -> Result<Prepared, GroupingError> {
        p.validate()?;
        let n = p.n;
        let m = p.n_groups();
        let mut w = p.weights.clone();
        for i in 0..n {
            w[i * n + i] = 0.0;
        }
        let wmin_row = (0..n)
            .map(|i| (0..n).filter(|&j| j != i).map(|j| w[i * n + j]).fold(f64::INFINITY, f64::min))
            .map(|v| if v.is_finite() { v } else { 0.0 })
            .collect();
        let caps = p
            .caps
            .iter()
            .map(|c| {
                let mut map = std::collections::BTreeMap::new();
                let label: Vec<u32> = c
                    .label
                    .iter()
                    .map(|&l| {
                        let next = map.len() as u32;
                        *map.entry(l).or_insert(next)
                    })
                    .collect();
                PreparedCap { label, n_labels: map.len(), max: c.max_per_group.min(u32::MAX as usize) as u32 }
            })
            .collect();
        let (n_sites, cost) = match &p.site_costs {
            Some(s) => (s.n_sites, s.cost.clone()),
            None => (0, Vec::new()),
        };
        let allowed = p.allowed_groups.as_ref().and_then(|rows| {
            if rows.iter().all(|r| r.iter().all(|&b| b)) {
                None
            } else {
                Some(rows.iter().flat_map(|r| r.iter().copied()).collect())
            }
        });
        let mut cost_t = vec![0.0; cost.len()];
        for i in 0..n {
            for q in 0..n_sites {
                cost_t[q * n + i] = cost[i * n_sites + q];
            }
        }
        let prep = Prepared {
            cost_t,
            n,
            m,
            w,
            lo: p.group_bounds.iter().map(|b| b.0).collect(),
            hi: p.group_bounds.iter().map(|b| b.1).collect(),
            caps,
            n_sites,
            cost,
            allowed,
            wmin_row,
        };
        prep.check_feasibility()?;
        Ok(prep)
    }

    /// Whether element `i` may be placed in group `g`.
    #[inline]
    pub fn allowed(&self, i: usize, g: usize) -> bool {
        match &self.allowed {
            None => true,
            Some(a) => a[i * self.m + g],
        }
    }

    /// Necessary conditions for feasibility, with a clear message when one fails.
    fn check_feasibility(&self) -> Result<(), GroupingError> {
        let (n, m) = (self.n, self.m);
        let inf = |s: String| Err(GroupingError::Infeasible(s));
        let sum_lo: usize = self.lo.iter().sum();
        let sum_hi: usize = self.hi.iter().fold(0usize, |a, &b| a.saturating_add(b));
        if sum_lo > n {
            return inf(format!("the group minimums add up to {sum_lo}, more than the {n} elements"));
        }
        if sum_hi < n {
            return inf(format!("the group maximums add up to {sum_hi}, fewer than the {n} elements"));
        }
        if let Some(i) = (0..n).find(|&i| (0..m).all(|g| !self.allowed(i, g))) {
            return inf(format!("element {i} is not allowed in any group"));
        }
        for g in 0..m {
            let k = (0..n).filter(|&i| self.allowed(i, g)).count();
            if k < self.lo[g] {
                return inf(format!("group {g} needs at least {} members but only {k} elements are allowed in it", self.lo[g]));
            }
        }
        for (c, cap) in self.caps.iter().enumerate() {
            let mut count = vec![0usize; cap.n_labels];
            for &l in &cap.label {
                count[l as usize] += 1;
            }
            let max = cap.max as usize;
            if let Some(l) = count.iter().position(|&k| k > max.saturating_mul(m)) {
                return inf(format!(
                    "cap {c}: {} elements share one label but {m} groups × {max} per group hold only {}",
                    count[l],
                    max.saturating_mul(m)
                ));
            }
            for g in 0..m {
                // Each label can contribute at most `max` members to group g.
                let room: usize = {
                    let mut per = vec![0usize; cap.n_labels];
                    for i in 0..n {
                        if self.allowed(i, g) {
                            per[cap.label[i] as usize] += 1;
                        }
                    }
                    per.iter().map(|&k| k.min(max)).sum()
                };
                if room < self.lo[g] {
                    return inf(format!("cap {c}: group {g} needs {} members but at most {room} fit under the cap", self.lo[g]));
                }
            }
        }
        Ok(())
    }

    /// Weight between `i` and `j`.
    #[inline]
    pub fn w(&self, i: usize, j: usize) -> f64 {
        self.w[i * self.n + j]
    }
}

/// Enumerates every feasible assignment of a tiny instance and returns a best
/// one (the lexicographically first among equal values).
///
/// Returns `None` when `n > 12`, when the problem is invalid or infeasible.
/// Intended as a test reference; cost grows like `m^n`, pruned by the bounds,
/// caps and allowed groups.
pub fn brute_force(p: &GroupingProblem) -> Option<Solution> {
    if p.n > 12 {
        return None;
    }
    let prep = Prepared::new(p).ok()?;
    let mut e = Enumerator {
        p: &prep,
        assign: vec![0; prep.n],
        size: vec![0; prep.m],
        cap_count: prep.caps.iter().map(|c| vec![0u32; prep.m * c.n_labels]).collect(),
        best: None,
        problem: p,
    };
    e.recurse(0, 0.0);
    let (assignment, _) = e.best?;
    let objective = p.evaluate(&assignment);
    Some(Solution {
        assignment,
        objective,
        iterations: 0,
        starts_run: 1,
        stopped_by_time: false,
        stalled: false,
        restarts: 0,
        best_start: 0,
    })
}

struct Enumerator<'a> {
    p: &'a Prepared,
    problem: &'a GroupingProblem,
    assign: Vec<usize>,
    size: Vec<usize>,
    cap_count: Vec<Vec<u32>>,
    best: Option<(Vec<usize>, f64)>,
}

impl Enumerator<'_> {
    fn recurse(&mut self, i: usize, pair_value: f64) {
        let p = self.p;
        if i == p.n {
            if (0..p.m).any(|g| self.size[g] < p.lo[g]) {
                return;
            }
            let total = if p.n_sites > 0 { self.problem.evaluate(&self.assign).total } else { pair_value };
            if self.best.as_ref().is_none_or(|(_, b)| total > *b) {
                self.best = Some((self.assign.clone(), total));
            }
            return;
        }
        // Prune: the remaining elements must be able to fill every deficit.
        let deficit: usize = (0..p.m).map(|g| p.lo[g].saturating_sub(self.size[g])).sum();
        if deficit > p.n - i {
            return;
        }
        for g in 0..p.m {
            if self.size[g] >= p.hi[g] || !p.allowed(i, g) {
                continue;
            }
            if p.caps.iter().zip(&self.cap_count).any(|(c, cnt)| cnt[g * c.n_labels + c.label[i] as usize] >= c.max) {
                continue;
            }
            let gain: f64 = (0..i).filter(|&k| self.assign[k] == g).map(|k| p.w(i, k)).sum();
            self.assign[i] = g;
            self.size[g] += 1;
            for (c, cnt) in p.caps.iter().zip(self.cap_count.iter_mut()) {
                cnt[g * c.n_labels + c.label[i] as usize] += 1;
            }
            self.recurse(i + 1, pair_value + gain);
            for (c, cnt) in p.caps.iter().zip(self.cap_count.iter_mut()) {
                cnt[g * c.n_labels + c.label[i] as usize] -= 1;
            }
            self.size[g] -= 1;
        }
        self.assign[i] = 0;
    }
}
