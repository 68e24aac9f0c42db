//! Multi-start iterated tabu search (ITS) for the grouping problem.
//!
//! Each start:
//! 1. builds a random feasible assignment (greedy fill of the group minimums,
//!    respecting maximums, caps and allowed groups, then a bounded min-conflicts
//!    repair when the greedy pass could not satisfy everything);
//! 2. alternates a **tabu search** phase and a **perturbation**. The tabu search
//!    takes, at every iteration, the best admissible neighbour among all
//!    *moves* (one element to another group, when both groups' bounds allow it)
//!    and all *swaps* (two elements of different groups). Gains are O(1) from
//!    a maintained `m × n` matrix `A[g][i] = sum of w_ij over j in group g`
//!    (updated in O(n) per applied move); group-pair upper bounds skip most
//!    swap pairs without evaluating them.
//!    An element that leaves group `g` may not re-enter it for a random tenure
//!    (aspiration: a tabu neighbour is taken if it beats the start's best). A
//!    phase ends after `max_iterations_without_improvement` iterations without
//!    improving the phase's best;
//! 3. the perturbation restarts from the start's best (or the phase's best) and
//!    applies a random number of random feasible swaps/moves.
//!
//! Half of the starts (the even ones) fill the groups towards the size profile
//! that would be best if all weights were equal (a small DP); in the `ds`
//! instances the optimum has groups at their extreme sizes and a random profile
//! is hard to leave by single moves.
//!
//! Above 700 elements a full scan (O(n²) swaps) is too slow per iteration: each
//! tabu iteration then scans only the moves and swaps of a random sample of
//! about 150,000 / n elements, and every start/perturbation is followed by a
//! first-improvement descent over all elements. A group-major weight-sum
//! matrix keeps these scans sequential in memory.
//!
//! With site costs, candidates are scored with each group's current meeting
//! site held fixed (a lower bound on the true gain, O(1)); the chosen neighbour
//! is applied exactly, re-choosing both groups' sites in O(n_sites) from
//! maintained per-group per-site cost sums. Caps are kept by per-group label
//! counters (O(number of caps) per check).
//!
//! # Determinism
//! Start `s` draws all its random numbers from ChaCha8 seeded with
//! `SearchParams::seed` on stream `s`, and stops after its iteration budget
//! (`max_iterations`). Starts run in parallel with rayon but share nothing;
//! the best result is chosen by value, ties going to the lowest start index.
//! Hence: **the same problem, seed, `starts`, `max_iterations` and
//! `max_iterations_without_improvement` give the same assignment, on any
//! machine and with any number of threads, provided no start is cut by the time
//! limit** (`Solution::stopped_by_time == false`). When the time limit cuts a
//! start, the result depends on machine speed and may differ between runs.

use super::{GroupingError, GroupingProblem, Objective, Prepared};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Number of independent starts used when [`SearchParams::starts`] is 0.
///
/// A constant (not the number of cores) so that results do not depend on the
/// machine.
pub const AUTO_STARTS: usize = 4;

/// Settings of [`local_search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchParams {
    /// Seed of every random choice (see the module docs on determinism).
    pub seed: u64,
    /// Wall-clock limit for the whole call. With more starts than rayon
    /// threads, each start gets its share (`time_limit / waves`).
    pub time_limit: Duration,
    /// Number of independent starts, run in parallel; 0 = [`AUTO_STARTS`].
    pub starts: usize,
    /// Tabu-search iterations per start (for n > 700, where one iteration
    /// samples the neighbourhood, the initial descent counts as well). `None` =
    /// automatic: `200 * n`, capped at about 1.5e9 pair evaluations per start,
    /// at least 10,000 (n=240: 48,000, n=2000: 10,000; a few seconds per
    /// start on a 2020s core). `Some(u64::MAX)` searches until the time limit
    /// (then not reproducible).
    pub max_iterations: Option<u64>,
    /// Length of a tabu-search phase without improving the phase's best before
    /// perturbing. `None` = automatic (`max(500, 5 * n)`).
    pub max_iterations_without_improvement: Option<u64>,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            seed: 0,
            time_limit: Duration::from_secs(30),
            starts: 0,
            max_iterations: None,
            max_iterations_without_improvement: None,
        }
    }
}

/// Result of [`local_search`] (or [`super::brute_force`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// `assignment[i]` = group of element `i`.
    pub assignment: Vec<usize>,
    /// Exact value of the assignment.
    pub objective: Objective,
    /// Tabu-search iterations done, summed over the starts.
    pub iterations: u64,
    /// Number of starts that ran.
    pub starts_run: usize,
    /// True if the time limit cut at least one start before its budget; the
    /// result is then not guaranteed to be reproducible.
    pub stopped_by_time: bool,
    /// True if at least one start stopped because its run had stalled and no new construction
    /// was found (see [`local_search_until`]).
    pub stalled: bool,
    /// Restarts after a stall window, summed over the starts.
    pub restarts: u64,
    /// Index of the start that produced the assignment.
    pub best_start: usize,
}

/// Finds a good grouping with a multi-start iterated tabu search.
///
/// Errors: [`GroupingError::InvalidProblem`] for malformed data,
/// [`GroupingError::Infeasible`] when the bounds/caps/allowed groups provably
/// cannot be met, or when no feasible assignment was found by the bounded
/// repair search (then the problem is very likely infeasible). Never loops
/// forever: every start ends at its iteration budget or the time limit.
pub fn local_search(p: &GroupingProblem, params: &SearchParams) -> Result<Solution, GroupingError> {
    local_search_until(p, params, &AtomicBool::new(false), None)
}

/// [`local_search`] that also stops, keeping each start's best, when `stop` is set (Ctrl-C).
/// With `stall`, a start whose current run has not improved on that run's best for that long
/// starts again from a new construction, keeping its best (`Solution::restarts`), until its
/// share of the time ends: a stall window depends on the clock, so give it only under a time
/// limit. (`Solution::stalled` is set only when no new construction was found.)
pub fn local_search_until(
    p: &GroupingProblem,
    params: &SearchParams,
    stop: &AtomicBool,
    stall: Option<Duration>,
) -> Result<Solution, GroupingError> {
    let t0 = Instant::now();
    let prep = Prepared::new(p)?;
    let starts = if params.starts == 0 { AUTO_STARTS } else { params.starts };
    let n = prep.n as u64;
    let budget = params.max_iterations.unwrap_or_else(|| auto_budget(prep.n));
    let depth = params.max_iterations_without_improvement.unwrap_or_else(|| (5 * n).max(500)).max(1);
    let threads = rayon::current_num_threads().max(1);
    let waves = starts.div_ceil(threads).max(1) as u32;
    let global_deadline = t0 + params.time_limit;
    let per_start = params.time_limit / waves;
    let cfg = Config { budget, depth, tuning: Tuning::default(), target: target_sizes(&prep) };

    let results: Vec<Result<StartResult, GroupingError>> = (0..starts)
        .into_par_iter()
        .map(|s| {
            let now = Instant::now();
            let deadline = (now + per_start).min(global_deadline);
            run_start(&prep, &cfg, params.seed, s as u64, &Limits { deadline, stop, stall })
        })
        .collect();

    let mut best: Option<(usize, StartResult, Objective)> = None;
    let mut iterations = 0;
    let mut stopped_by_time = false;
    let mut stalled = false;
    let mut restarts = 0;
    let mut first_err = None;
    for (s, r) in results.into_iter().enumerate() {
        match r {
            Ok(r) => {
                iterations += r.iterations;
                stopped_by_time |= r.stopped_by_time;
                stalled |= r.stalled;
                restarts += r.restarts;
                let obj = p.evaluate(&r.assignment);
                if best.as_ref().is_none_or(|b| obj.total > b.2.total) {
                    best = Some((s, r, obj));
                }
            }
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match best {
        Some((s, r, objective)) => Ok(Solution {
            assignment: r.assignment,
            objective,
            iterations,
            starts_run: starts,
            stopped_by_time,
            stalled,
            restarts,
            best_start: s,
        }),
        None => Err(first_err.unwrap_or_else(|| GroupingError::Infeasible("no start produced a solution".into()))),
    }
}

/// Internal knobs, chosen on all six n=120 MDGPLIB instances × 3 seeds (tabu
/// tenure mattered most: short tenures were clearly better), not on one
/// instance.
#[derive(Debug, Clone)]
struct Tuning {
    /// Tabu tenure = `(tenure_base + U(0,1) * tenure_rand) * n` iterations.
    tenure_base: f64,
    tenure_rand: f64,
    /// Perturbation strength range as fractions of n.
    perturb_lo: f64,
    perturb_hi: f64,
    /// Probability to perturb the start's best instead of the phase's best.
    p_elite: f64,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning { tenure_base: 0.03, tenure_rand: 0.07, perturb_lo: 0.05, perturb_hi: 0.15, p_elite: 0.5 }
    }
}

/// Automatic iteration budget per start: `200 * n`, but at most about
/// 1.5e9 pair evaluations (counting `min(n²/2, SAMPLED_WORK)` per
/// iteration), and at least 10,000.
fn auto_budget(n: usize) -> u64 {
    budget_for_work(n, 1_500_000_000)
}

/// Iteration budget per start for at most about `pair_evaluations` pair
/// evaluations: `200 * n` iterations, fewer when each iteration is costly, at
/// least 10,000. A deterministic way to trade quality for time.
pub fn budget_for_work(n: usize, pair_evaluations: u64) -> u64 {
    let per_iter = (n * n / 2).clamp(1, SAMPLED_WORK) as u64;
    (200 * n as u64).min(pair_evaluations / per_iter).max(10_000)
}

struct Config {
    budget: u64,
    depth: u64,
    tuning: Tuning,
    target: Option<Vec<usize>>,
}

struct StartResult {
    assignment: Vec<usize>,
    iterations: u64,
    stopped_by_time: bool,
    stalled: bool,
    restarts: u64,
}

/// When a start stops besides its budget: the deadline, the stop flag, the stall window.
struct Limits<'a> {
    deadline: Instant,
    stop: &'a AtomicBool,
    stall: Option<Duration>,
}

impl Limits<'_> {
    /// True when the deadline passed or a stop was requested.
    fn cut(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || Instant::now() >= self.deadline
    }
}

/// One start of the iterated tabu search.
fn run_start(p: &Prepared, cfg: &Config, seed: u64, stream: u64, lim: &Limits) -> Result<StartResult, GroupingError> {
    let deadline = lim.deadline;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    // Even starts aim at the size profile that is best for the average weight
    // (see `target_sizes`), odd starts use random sizes.
    let target = if stream & 1 == 0 { cfg.target.as_deref() } else { None };
    let init = construct(p, target, deadline, &mut rng).ok_or_else(|| {
        GroupingError::Infeasible(format!(
            "no assignment satisfying the size bounds, caps and allowed groups was found{}",
            if Instant::now() >= deadline { " before the time limit" } else { " by the bounded repair search" }
        ))
    })?;
    let mut st = State::new(p, init);
    let mut ts = Tabu::new(p);
    let mut best_assign = st.grp.clone();
    let mut best_val = st.value();
    let mut phase_assign = st.grp.clone();
    let mut iter: u64 = 0;
    let mut stopped_by_time = false;
    let mut stalled = false;
    // The best of the current run (since the start or the last restart) and when it last
    // improved: the stall window is measured on the run, not on the start's best.
    let mut run_best = best_val;
    let mut run_assign = st.grp.clone();
    let mut improved_at = Instant::now();
    let mut restarts: u64 = 0;
    let t = &cfg.tuning;
    let n = p.n as f64;
    let tenure_base = (t.tenure_base * n).max(2.0);
    let tenure_rand = (t.tenure_rand * n).max(2.0);

    'outer: loop {
        if ts.sample > 0 {
            // Large instance: a cheap first-improvement descent before the
            // (sampled) tabu phase; `sample` element scans count as one
            // iteration.
            let max_scans = cfg.budget.saturating_sub(iter).saturating_mul(ts.sample as u64);
            let (scans, timed_out) = ts.descend(&mut st, max_scans, lim, &mut rng);
            iter += scans.div_ceil(ts.sample as u64);
            if st.value() > run_best + eps(run_best) {
                run_best = st.value();
                run_assign.copy_from_slice(&st.grp);
                improved_at = Instant::now();
            }
            if st.value() > best_val + eps(best_val) {
                best_val = st.value();
                best_assign.copy_from_slice(&st.grp);
            }
            if timed_out {
                stopped_by_time = true;
                break 'outer;
            }
        }
        let mut phase_val = st.value();
        phase_assign.copy_from_slice(&st.grp);
        let mut since = 0;
        while since < cfg.depth {
            if iter >= cfg.budget {
                break 'outer;
            }
            if lim.cut() {
                stopped_by_time = true;
                break 'outer;
            }
            if lim.stall.is_some_and(|w| improved_at.elapsed() >= w) {
                // The run has stalled: start again from a new construction (the start keeps
                // its best). Where the starts of different seeds differ, new runs find what
                // perturbing one stalled run does not.
                let Some(fresh) = construct(p, target, deadline, &mut rng) else {
                    stalled = true;
                    break 'outer;
                };
                st = State::new(p, fresh);
                ts = Tabu::new(p);
                run_best = st.value();
                run_assign.copy_from_slice(&st.grp);
                improved_at = Instant::now();
                restarts += 1;
                continue 'outer;
            }
            let cur = st.value();
            let pick = ts.scan(&st, iter, best_val - cur, &mut rng);
            iter += 1;
            match pick {
                Pick::Empty => break 'outer,
                Pick::AllTabu => {
                    since += 1;
                    continue;
                }
                Pick::Move(i, h) => {
                    let g = st.grp[i];
                    st.relocate(i, h);
                    ts.forbid(i, g, iter + tenure(&mut rng, tenure_base, tenure_rand));
                }
                Pick::Swap(i, j) => {
                    let (g, h) = (st.grp[i], st.grp[j]);
                    st.relocate(i, h);
                    st.relocate(j, g);
                    ts.forbid(i, g, iter + tenure(&mut rng, tenure_base, tenure_rand));
                    ts.forbid(j, h, iter + tenure(&mut rng, tenure_base, tenure_rand));
                }
            }
            let v = st.value();
            if v > phase_val + eps(phase_val) {
                phase_val = v;
                phase_assign.copy_from_slice(&st.grp);
                since = 0;
            } else {
                since += 1;
            }
            if v > run_best + eps(run_best) {
                run_best = v;
                run_assign.copy_from_slice(&st.grp);
                improved_at = Instant::now();
            }
            if v > best_val + eps(best_val) {
                best_val = v;
                best_assign.copy_from_slice(&st.grp);
            }
        }
        // Perturbation from the start's best or the phase's best.
        // The elite is the run's best: before any restart that is the start's best; after one,
        // perturbing the start's best would pull the new run back into the stalled basin.
        let base = if rng.gen_bool(t.p_elite.clamp(0.0, 1.0)) { &run_assign } else { &phase_assign };
        st = State::new(p, base.clone());
        let lo = (t.perturb_lo * n).max(1.0) as usize;
        let hi = ((t.perturb_hi * n) as usize).max(lo);
        let k = rng.gen_range(lo..=hi);
        perturb(&mut st, &mut ts, k, iter, tenure_base, &mut rng);
    }
    Ok(StartResult { assignment: best_assign, iterations: iter, stopped_by_time, stalled, restarts })
}

/// The group sizes maximising `mean(w) * sum_g s_g (s_g - 1) / 2` within the
/// bounds, by dynamic programming over the groups: the best size profile if all
/// weights were equal. With positive weights this makes groups as unequal as
/// the bounds allow, which is where the MDGP optimum of `ds` instances lies;
/// reaching such a profile from a random one takes many uphill moves, so half
/// of the starts begin there. `None` if the DP would be too large.
fn target_sizes(p: &Prepared) -> Option<Vec<usize>> {
    let (n, m) = (p.n, p.m);
    if n < 2 || p.lo == p.hi {
        return None;
    }
    let work: usize = p.hi.iter().map(|&h| h.min(n) + 1).sum::<usize>().saturating_mul(n + 1);
    if work > 50_000_000 {
        return None;
    }
    let mean = p.w.iter().sum::<f64>() / (n * (n - 1)) as f64;
    let f = |s: usize| mean * (s * s.saturating_sub(1)) as f64 / 2.0;
    // best[g][t]: best value of groups 0..g holding t elements; choice[g][t].
    let mut best = vec![f64::NEG_INFINITY; n + 1];
    best[0] = 0.0;
    let mut choice = vec![0usize; m * (n + 1)];
    for g in 0..m {
        let mut next = vec![f64::NEG_INFINITY; n + 1];
        for t in 0..=n {
            if best[t] == f64::NEG_INFINITY {
                continue;
            }
            for s in p.lo[g]..=p.hi[g].min(n - t) {
                let v = best[t] + f(s);
                if v > next[t + s] {
                    next[t + s] = v;
                    choice[g * (n + 1) + t + s] = s;
                }
            }
        }
        best = next;
    }
    if best[n] == f64::NEG_INFINITY {
        return None;
    }
    let mut sizes = vec![0; m];
    let mut t = n;
    for g in (0..m).rev() {
        sizes[g] = choice[g * (n + 1) + t];
        t -= sizes[g];
    }
    Some(sizes)
}

fn tenure(rng: &mut ChaCha8Rng, base: f64, rand_part: f64) -> u64 {
    (base + rng.gen::<f64>() * rand_part) as u64 + 1
}

/// Tolerance for "strictly better" on accumulated floating-point values.
fn eps(v: f64) -> f64 {
    1e-9 * (1.0 + v.abs())
}

/// Applies `k` random feasible swaps or moves, making each undo tabu.
fn perturb(st: &mut State, ts: &mut Tabu, k: usize, iter: u64, tenure: f64, rng: &mut ChaCha8Rng) {
    let n = st.p.n;
    if n < 2 {
        return;
    }
    let mut done = 0;
    let mut attempts = 0;
    while done < k && attempts < 50 * k + 100 {
        attempts += 1;
        let i = rng.gen_range(0..n);
        let j = rng.gen_range(0..n);
        let (g, h) = (st.grp[i], st.grp[j]);
        if g == h {
            continue;
        }
        if rng.gen_bool(0.5) && st.can_move(i, h) {
            st.relocate(i, h);
            ts.forbid(i, g, iter + tenure as u64 + 1);
            done += 1;
        } else if st.can_swap(i, j) {
            st.relocate(i, h);
            st.relocate(j, g);
            ts.forbid(i, g, iter + tenure as u64 + 1);
            ts.forbid(j, h, iter + tenure as u64 + 1);
            done += 1;
        }
    }
}

/// Incrementally maintained assignment.
#[derive(Clone)]
pub(crate) struct State<'p> {
    pub p: &'p Prepared,
    pub grp: Vec<usize>,
    size: Vec<usize>,
    members: Vec<Vec<usize>>,
    pos: Vec<usize>,
    /// Group-major `m × n`: `a[g * n + k]` = sum of `w_kj` over members `j` of
    /// group `g`.
    a: Vec<f64>,
    /// `own[k] = a[grp[k] * n + k]`.
    own: Vec<f64>,
    pairs: f64,
    /// Per cap, `m × n_labels` member counts.
    capc: Vec<Vec<u32>>,
    /// `m × n_sites` member cost sums.
    ssum: Vec<f64>,
    site: Vec<usize>,
    scost: Vec<f64>,
    /// `own_cost[k]` = cost of `k` at its group's site (0 without sites).
    own_cost: Vec<f64>,
    travel: f64,
}

impl<'p> State<'p> {
    pub fn new(p: &'p Prepared, grp: Vec<usize>) -> State<'p> {
        let (n, m, ns) = (p.n, p.m, p.n_sites);
        let mut size = vec![0; m];
        let mut members = vec![Vec::new(); m];
        let mut pos = vec![0; n];
        for (i, &g) in grp.iter().enumerate() {
            size[g] += 1;
            pos[i] = members[g].len();
            members[g].push(i);
        }
        let mut a = vec![0.0; n * m];
        for (j, &g) in grp.iter().enumerate() {
            let wj = &p.w[j * n..(j + 1) * n];
            for (x, &w) in a[g * n..(g + 1) * n].iter_mut().zip(wj) {
                *x += w;
            }
        }
        let own: Vec<f64> = (0..n).map(|k| a[grp[k] * n + k]).collect();
        let pairs = own.iter().sum::<f64>() / 2.0;
        let capc = p
            .caps
            .iter()
            .map(|c| {
                let mut cnt = vec![0u32; m * c.n_labels];
                for (i, &g) in grp.iter().enumerate() {
                    cnt[g * c.n_labels + c.label[i] as usize] += 1;
                }
                cnt
            })
            .collect();
        let mut ssum = vec![0.0; m * ns];
        for (i, &g) in grp.iter().enumerate() {
            for q in 0..ns {
                ssum[g * ns + q] += p.cost[i * ns + q];
            }
        }
        let mut st = State {
            p,
            grp,
            size,
            members,
            pos,
            a,
            own,
            pairs,
            capc,
            ssum,
            site: vec![0; m],
            scost: vec![0.0; m],
            own_cost: vec![0.0; n],
            travel: 0.0,
        };
        if ns > 0 {
            for g in 0..m {
                st.update_site(g);
            }
            st.travel = st.scost.iter().sum();
            for k in 0..n {
                st.own_cost[k] = p.cost[k * ns + st.site[st.grp[k]]];
            }
        }
        st
    }

    /// Current objective (pairs minus travel), accumulated incrementally.
    pub fn value(&self) -> f64 {
        self.pairs - self.travel
    }

    fn update_site(&mut self, g: usize) {
        let ns = self.p.n_sites;
        let row = &self.ssum[g * ns..(g + 1) * ns];
        let mut best = 0;
        for (q, &v) in row.iter().enumerate() {
            if v < row[best] {
                best = q;
            }
        }
        self.site[g] = best;
        self.scost[g] = if self.size[g] == 0 { 0.0 } else { row[best] };
    }

    /// Moves element `i` to group `h` (no feasibility check).
    pub fn relocate(&mut self, i: usize, h: usize) {
        let p = self.p;
        let n = p.n;
        let g = self.grp[i];
        if g == h {
            return;
        }
        self.pairs += self.a[h * n + i] - self.a[g * n + i];
        let wi = &p.w[i * n..(i + 1) * n];
        {
            let (lo, hi) = self.a.split_at_mut(g.max(h) * n);
            let (rg, rh) = if g < h { (&mut lo[g * n..(g + 1) * n], &mut hi[..n]) } else { (&mut hi[..n], &mut lo[h * n..(h + 1) * n]) };
            for ((x, y), &w) in rg.iter_mut().zip(rh.iter_mut()).zip(wi) {
                *x -= w;
                *y += w;
            }
        }
        // Membership lists.
        let at = self.pos[i];
        self.members[g].swap_remove(at);
        if let Some(&moved) = self.members[g].get(at) {
            self.pos[moved] = at;
        }
        for &k in &self.members[g] {
            self.own[k] -= wi[k];
        }
        for &k in &self.members[h] {
            self.own[k] += wi[k];
        }
        self.pos[i] = self.members[h].len();
        self.members[h].push(i);
        self.own[i] = self.a[h * n + i];
        self.size[g] -= 1;
        self.size[h] += 1;
        for (c, cnt) in p.caps.iter().zip(self.capc.iter_mut()) {
            let l = c.label[i] as usize;
            cnt[g * c.n_labels + l] -= 1;
            cnt[h * c.n_labels + l] += 1;
        }
        self.grp[i] = h;
        let ns = p.n_sites;
        if ns > 0 {
            let ci = &p.cost[i * ns..(i + 1) * ns];
            for (q, &c) in ci.iter().enumerate() {
                self.ssum[g * ns + q] -= c;
                self.ssum[h * ns + q] += c;
            }
            let old = self.scost[g] + self.scost[h];
            self.update_site(g);
            self.update_site(h);
            self.travel += self.scost[g] + self.scost[h] - old;
            for x in [g, h] {
                let site = self.site[x];
                for &k in &self.members[x] {
                    self.own_cost[k] = p.cost[k * ns + site];
                }
            }
        }
    }

    #[inline]
    fn caps_ok_move(&self, i: usize, h: usize) -> bool {
        self.p.caps.iter().zip(&self.capc).all(|(c, cnt)| cnt[h * c.n_labels + c.label[i] as usize] < c.max)
    }

    #[inline]
    fn caps_ok_swap(&self, i: usize, j: usize) -> bool {
        let (g, h) = (self.grp[i], self.grp[j]);
        self.p.caps.iter().zip(&self.capc).all(|(c, cnt)| {
            let (li, lj) = (c.label[i] as usize, c.label[j] as usize);
            li == lj || (cnt[h * c.n_labels + li] < c.max && cnt[g * c.n_labels + lj] < c.max)
        })
    }

    /// Whether moving `i` to `h` keeps the assignment feasible.
    pub fn can_move(&self, i: usize, h: usize) -> bool {
        let g = self.grp[i];
        g != h && self.size[g] > self.p.lo[g] && self.size[h] < self.p.hi[h] && self.p.allowed(i, h) && self.caps_ok_move(i, h)
    }

    /// Whether swapping `i` and `j` keeps the assignment feasible.
    pub fn can_swap(&self, i: usize, j: usize) -> bool {
        let (g, h) = (self.grp[i], self.grp[j]);
        g != h && self.p.allowed(i, h) && self.p.allowed(j, g) && self.caps_ok_swap(i, j)
    }
}

/// Outcome of one neighbourhood scan.
enum Pick {
    /// No feasible neighbour at all.
    Empty,
    /// Feasible neighbours exist but all are tabu.
    AllTabu,
    Move(usize, usize),
    Swap(usize, usize),
}

/// Tabu list and scratch space of the neighbourhood scan.
struct Tabu {
    /// `n × m`: iteration until which element i may not enter group g.
    until: Vec<u64>,
    /// `n × m` scratch: estimated gain of moving i to g.
    d: Vec<f64>,
    /// `m × m` scratch: `best_in[h][g] = max over j in h of d[j][g]`.
    best_in: Vec<f64>,
    wmin_all: f64,
    m: usize,
    /// Scratch row of `m` gains for one element.
    row: Vec<f64>,
    /// 0: scan the whole neighbourhood; k > 0: scan only the neighbours of k
    /// random elements per iteration (large instances).
    sample: usize,
}

/// Instances with more elements than this use the sampled neighbourhood.
const FULL_SCAN_MAX_N: usize = 700;
/// Pair evaluations per iteration in the sampled neighbourhood.
const SAMPLED_WORK: usize = 150_000;

impl Tabu {
    fn new(p: &Prepared) -> Tabu {
        let sample = if p.n <= FULL_SCAN_MAX_N { 0 } else { (SAMPLED_WORK / p.n).max(16) };
        let full = sample == 0;
        Tabu {
            row: vec![0.0; p.m],
            sample,
            until: vec![0; p.n * p.m],
            d: vec![0.0; if full { p.n * p.m } else { 0 }],
            best_in: vec![0.0; if full { p.m * p.m } else { 0 }],
            wmin_all: p.wmin_row.iter().copied().fold(0.0_f64, |a, b| if b.is_finite() { a.min(b) } else { a }),
            m: p.m,
        }
    }

    fn forbid(&mut self, i: usize, g: usize, until: u64) {
        self.until[i * self.m + g] = until;
    }

    /// Best admissible neighbour. `aspiration` = gain needed to beat the
    /// start's best (a tabu neighbour with a larger gain is admissible).
    fn scan(&mut self, st: &State, iter: u64, aspiration: f64, rng: &mut ChaCha8Rng) -> Pick {
        if self.sample > 0 {
            return self.scan_sampled(st, iter, aspiration, rng);
        }
        let p = st.p;
        let (n, m, ns) = (p.n, p.m, p.n_sites);
        // Estimated gains of single moves, group-major: d[h * n + i].
        for h in 0..m {
            let ah = &st.a[h * n..(h + 1) * n];
            let dh = &mut self.d[h * n..(h + 1) * n];
            if ns == 0 {
                for ((d, &a), &o) in dh.iter_mut().zip(ah).zip(&st.own) {
                    *d = a - o;
                }
            } else {
                let ct = &p.cost_t[st.site[h] * n..(st.site[h] + 1) * n];
                for (k, d) in dh.iter_mut().enumerate() {
                    *d = ah[k] - st.own[k] - ct[k] + st.own_cost[k];
                }
            }
        }
        // best_in[h * m + g] = max over j in h of d[g * n + j].
        self.best_in.fill(f64::NEG_INFINITY);
        for g in 0..m {
            let dg = &self.d[g * n..(g + 1) * n];
            for (j, &v) in dg.iter().enumerate() {
                let b = &mut self.best_in[st.grp[j] * m + g];
                if v > *b {
                    *b = v;
                }
            }
        }
        let asp = aspiration + eps(aspiration);
        let mut c = Choice::new(f64::NEG_INFINITY);
        // Moves.
        for h in 0..m {
            if st.size[h] >= p.hi[h] {
                continue;
            }
            for i in 0..n {
                let g = st.grp[i];
                if h == g || st.size[g] <= p.lo[g] {
                    continue;
                }
                let d = self.d[h * n + i];
                if d < c.best || !p.allowed(i, h) || !st.caps_ok_move(i, h) {
                    continue;
                }
                if self.until[i * m + h] > iter && d <= asp {
                    c.any_tabu = true;
                    continue;
                }
                c.offer(d, Pick::Move(i, h), rng);
            }
        }
        // Swaps, group pair by group pair, with upper bounds.
        let caps = !p.caps.is_empty();
        for g in 0..m {
            for h in (g + 1)..m {
                let bg = self.best_in[h * m + g];
                if self.best_in[g * m + h] + bg - 2.0 * self.wmin_all < c.best {
                    continue;
                }
                for &i in &st.members[g] {
                    let di = self.d[h * n + i];
                    if di + bg - 2.0 * p.wmin_row[i] < c.best || !p.allowed(i, h) {
                        continue;
                    }
                    let wi = &p.w[i * n..(i + 1) * n];
                    for &j in &st.members[h] {
                        let d = di + self.d[g * n + j] - 2.0 * wi[j];
                        if d < c.best || !p.allowed(j, g) || (caps && !st.caps_ok_swap(i, j)) {
                            continue;
                        }
                        if (self.until[i * m + h] > iter || self.until[j * m + g] > iter) && d <= asp {
                            c.any_tabu = true;
                            continue;
                        }
                        c.offer(d, Pick::Swap(i, j), rng);
                    }
                }
            }
        }
        c.into_pick()
    }

    /// Best-improvement-per-element descent: scans the elements in random
    /// order, applying each element's best improving move or swap, until a
    /// whole pass improves nothing (or `max_scans` element scans, or the
    /// deadline). Returns the scans done and whether the deadline stopped it.
    fn descend(&mut self, st: &mut State, max_scans: u64, lim: &Limits, rng: &mut ChaCha8Rng) -> (u64, bool) {
        let n = st.p.n;
        let mut order: Vec<usize> = (0..n).collect();
        let mut scans = 0u64;
        loop {
            order.shuffle(rng);
            let mut improved = false;
            for &i in &order {
                if scans >= max_scans {
                    return (scans, false);
                }
                scans += 1;
                let mut c = Choice::new(eps(st.value()));
                self.neighbours_of(st, i, None, &mut c, rng);
                match c.pick {
                    Pick::Move(i, h) => st.relocate(i, h),
                    Pick::Swap(i, j) => {
                        let (g, h) = (st.grp[i], st.grp[j]);
                        st.relocate(i, h);
                        st.relocate(j, g);
                    }
                    _ => continue,
                }
                improved = true;
            }
            if !improved {
                return (scans, false);
            }
            if lim.cut() {
                return (scans, true);
            }
        }
    }

    /// Like [`Tabu::scan`], restricted to moves and swaps of `self.sample`
    /// random elements (each against every element of another group).
    fn scan_sampled(&mut self, st: &State, iter: u64, aspiration: f64, rng: &mut ChaCha8Rng) -> Pick {
        let mut c = Choice::new(f64::NEG_INFINITY);
        let asp = aspiration + eps(aspiration);
        for _ in 0..self.sample {
            let i = rng.gen_range(0..st.p.n);
            self.neighbours_of(st, i, Some((iter, asp)), &mut c, rng);
        }
        c.into_pick()
    }

    /// Offers every feasible move and swap of element `i` to `c`. With
    /// `tabu = Some((iter, asp))`, tabu neighbours whose gain is at most `asp`
    /// are skipped.
    fn neighbours_of(&mut self, st: &State, i: usize, tabu: Option<(u64, f64)>, c: &mut Choice, rng: &mut ChaCha8Rng) {
        let p = st.p;
        let (n, m, ns) = (p.n, p.m, p.n_sites);
        let caps = !p.caps.is_empty();
        let (iter, asp) = tabu.unwrap_or((0, f64::NEG_INFINITY));
        let g = st.grp[i];
        let di = &mut self.row[..m];
        let base = st.own[i] - st.own_cost[i];
        for (h, d) in di.iter_mut().enumerate() {
            *d = st.a[h * n + i] - base;
            if ns > 0 {
                *d -= p.cost[i * ns + st.site[h]];
            }
        }
        if st.size[g] > p.lo[g] {
            for (h, &d) in di.iter().enumerate() {
                if h == g || d < c.best || st.size[h] >= p.hi[h] || !p.allowed(i, h) || !st.caps_ok_move(i, h) {
                    continue;
                }
                if self.until[i * m + h] > iter && d <= asp {
                    c.any_tabu = true;
                    continue;
                }
                c.offer(d, Pick::Move(i, h), rng);
            }
        }
        let wi = &p.w[i * n..(i + 1) * n];
        let ag = &st.a[g * n..(g + 1) * n];
        let ct = if ns > 0 { &p.cost_t[st.site[g] * n..(st.site[g] + 1) * n] } else { &[][..] };
        for j in 0..n {
            let h = st.grp[j];
            if h == g {
                continue;
            }
            let mut dj = ag[j] - st.own[j];
            if ns > 0 {
                dj += st.own_cost[j] - ct[j];
            }
            let d = di[h] + dj - 2.0 * wi[j];
            if d < c.best || !p.allowed(i, h) || !p.allowed(j, g) || (caps && !st.caps_ok_swap(i, j)) {
                continue;
            }
            if (self.until[i * m + h] > iter || self.until[j * m + g] > iter) && d <= asp {
                c.any_tabu = true;
                continue;
            }
            c.offer(d, Pick::Swap(i, j), rng);
        }
    }
}

/// Running best of a neighbourhood scan.
struct Choice {
    best: f64,
    ties: u32,
    pick: Pick,
    any_tabu: bool,
}

impl Choice {
    /// Candidates below `threshold` are ignored.
    fn new(threshold: f64) -> Choice {
        Choice { best: threshold, ties: 0, pick: Pick::Empty, any_tabu: false }
    }

    /// Keeps the best candidate, choosing uniformly among ties (reservoir
    /// sampling). Callers skip candidates with `d < self.best`.
    #[inline]
    fn offer(&mut self, d: f64, mv: Pick, rng: &mut ChaCha8Rng) {
        if d > self.best || self.ties == 0 {
            self.best = d;
            self.ties = 1;
            self.pick = mv;
        } else {
            self.ties += 1;
            if rng.gen_range(0..self.ties) == 0 {
                self.pick = mv;
            }
        }
    }

    fn into_pick(self) -> Pick {
        if matches!(self.pick, Pick::Empty) && self.any_tabu {
            Pick::AllTabu
        } else {
            self.pick
        }
    }
}

/// Random feasible assignment: greedy fill, then min-conflicts repair.
pub(crate) fn construct(p: &Prepared, target: Option<&[usize]>, deadline: Instant, rng: &mut ChaCha8Rng) -> Option<Vec<usize>> {
    let (n, m) = (p.n, p.m);
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    if p.allowed.is_some() {
        order.sort_by_key(|&i| (0..m).filter(|&g| p.allowed(i, g)).count());
    }
    let mut grp = vec![usize::MAX; n];
    let mut size = vec![0usize; m];
    let mut capc: Vec<Vec<u32>> = p.caps.iter().map(|c| vec![0; m * c.n_labels]).collect();
    let mut deficit: usize = p.lo.iter().sum();
    let mut cand = Vec::with_capacity(m);
    for (idx, &i) in order.iter().enumerate() {
        let remaining = n - idx;
        let must_fill = remaining <= deficit;
        let caps_ok =
            |g: usize, capc: &Vec<Vec<u32>>| p.caps.iter().zip(capc).all(|(c, cnt)| cnt[g * c.n_labels + c.label[i] as usize] < c.max);
        cand.clear();
        cand.extend((0..m).filter(|&g| p.allowed(i, g) && size[g] < p.hi[g] && (!must_fill || size[g] < p.lo[g]) && caps_ok(g, &capc)));
        if cand.iter().any(|&g| size[g] < p.lo[g]) {
            cand.retain(|&g| size[g] < p.lo[g]);
        } else if let Some(t) = target {
            if cand.iter().any(|&g| size[g] < t[g]) {
                cand.retain(|&g| size[g] < t[g]);
            }
        }
        if cand.is_empty() {
            cand.extend((0..m).filter(|&g| p.allowed(i, g) && size[g] < p.hi[g]));
        }
        if cand.is_empty() {
            cand.extend((0..m).filter(|&g| p.allowed(i, g)));
        }
        if cand.is_empty() {
            return None;
        }
        let g = cand[rng.gen_range(0..cand.len())];
        grp[i] = g;
        if size[g] < p.lo[g] {
            deficit -= 1;
        }
        size[g] += 1;
        for (c, cnt) in p.caps.iter().zip(capc.iter_mut()) {
            cnt[g * c.n_labels + c.label[i] as usize] += 1;
        }
    }
    repair(p, &mut grp, &mut size, &mut capc, deadline, rng).then_some(grp)
}

/// Min-conflicts repair of size and cap violations (elements only ever go to
/// allowed groups). Returns false if violations remain after the budget.
fn repair(p: &Prepared, grp: &mut [usize], size: &mut [usize], capc: &mut [Vec<u32>], deadline: Instant, rng: &mut ChaCha8Rng) -> bool {
    let (n, m) = (p.n, p.m);
    let dev = |g: usize, s: usize| p.lo[g].saturating_sub(s) + s.saturating_sub(p.hi[g]);
    let exc = |c: u32, max: u32| c.saturating_sub(max) as i64;
    let limit = 2_000 + 50 * n;
    // Total cap excess per group.
    let mut excess = vec![0u64; m];
    for (c, cnt) in p.caps.iter().zip(capc.iter()) {
        for g in 0..m {
            excess[g] += cnt[g * c.n_labels..(g + 1) * c.n_labels].iter().map(|&k| k.saturating_sub(c.max) as u64).sum::<u64>();
        }
    }
    let mut ops: Vec<(i64, usize, usize, bool)> = Vec::new(); // (delta, i, target, is_swap)
    let mut bad: Vec<usize> = Vec::new();
    for it in 0..limit {
        if it % 64 == 63 && Instant::now() >= deadline {
            return false;
        }
        bad.clear();
        bad.extend((0..m).filter(|&g| dev(g, size[g]) > 0 || excess[g] > 0));
        if bad.is_empty() {
            return true;
        }
        let g = bad[rng.gen_range(0..bad.len())];
        let move_delta = |i: usize, h: usize, size: &[usize], capc: &[Vec<u32>]| -> i64 {
            let g = grp[i];
            let mut d = dev(g, size[g] - 1) as i64 - dev(g, size[g]) as i64 + dev(h, size[h] + 1) as i64 - dev(h, size[h]) as i64;
            for (c, cnt) in p.caps.iter().zip(capc) {
                let l = c.label[i] as usize;
                let (a, b) = (cnt[g * c.n_labels + l], cnt[h * c.n_labels + l]);
                d += exc(a - 1, c.max) - exc(a, c.max) + exc(b + 1, c.max) - exc(b, c.max);
            }
            d
        };
        let swap_delta = |i: usize, j: usize, capc: &[Vec<u32>]| -> i64 {
            let (g, h) = (grp[i], grp[j]);
            let mut d = 0;
            for (c, cnt) in p.caps.iter().zip(capc) {
                let (li, lj) = (c.label[i] as usize, c.label[j] as usize);
                if li == lj {
                    continue;
                }
                let (a, b) = (cnt[g * c.n_labels + li], cnt[h * c.n_labels + li]);
                d += exc(a - 1, c.max) - exc(a, c.max) + exc(b + 1, c.max) - exc(b, c.max);
                let (a, b) = (cnt[h * c.n_labels + lj], cnt[g * c.n_labels + lj]);
                d += exc(a - 1, c.max) - exc(a, c.max) + exc(b + 1, c.max) - exc(b, c.max);
            }
            d
        };
        ops.clear();
        if size[g] < p.lo[g] {
            for (k, &gk) in grp.iter().enumerate() {
                if gk != g && p.allowed(k, g) {
                    ops.push((move_delta(k, g, size, capc), k, g, false));
                }
            }
        } else {
            let over = size[g] > p.hi[g];
            for i in 0..n {
                if grp[i] != g {
                    continue;
                }
                // Only members that cause the violation are worth moving.
                let in_excess = p.caps.iter().zip(capc.iter()).any(|(c, cnt)| cnt[g * c.n_labels + c.label[i] as usize] > c.max);
                if !over && !in_excess {
                    continue;
                }
                for h in 0..m {
                    if h != g && p.allowed(i, h) {
                        ops.push((move_delta(i, h, size, capc), i, h, false));
                    }
                }
                if !p.caps.is_empty() {
                    for (j, &gj) in grp.iter().enumerate() {
                        if gj != g && p.allowed(i, gj) && p.allowed(j, g) {
                            ops.push((swap_delta(i, j, capc), i, j, true));
                        }
                    }
                }
            }
        }
        if ops.is_empty() {
            continue;
        }
        let chosen = if rng.gen_bool(0.1) {
            ops[rng.gen_range(0..ops.len())]
        } else {
            let best = ops.iter().map(|o| o.0).min().unwrap_or(0);
            let ties: Vec<_> = ops.iter().filter(|o| o.0 == best).collect();
            *ties[rng.gen_range(0..ties.len())]
        };
        let (_, i, t, is_swap) = chosen;
        let mut relocate = |x: usize, h: usize, grp: &mut [usize]| {
            let g = grp[x];
            size[g] -= 1;
            size[h] += 1;
            for (c, cnt) in p.caps.iter().zip(capc.iter_mut()) {
                let l = c.label[x] as usize;
                if cnt[g * c.n_labels + l] > c.max {
                    excess[g] -= 1;
                }
                cnt[g * c.n_labels + l] -= 1;
                cnt[h * c.n_labels + l] += 1;
                if cnt[h * c.n_labels + l] > c.max {
                    excess[h] += 1;
                }
            }
            grp[x] = h;
        };
        if is_swap {
            let (gi, gj) = (grp[i], grp[t]);
            relocate(i, gj, grp);
            relocate(t, gi, grp);
        } else {
            relocate(i, t, grp);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_state_matches_evaluate() {
        let n = 9;
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut w = vec![0.0; n * n];
        for i in 0..n {
            for j in (i + 1)..n {
                let v: f64 = rng.gen_range(-5.0..10.0);
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        let mut prob = GroupingProblem::new(n, w, vec![(2, 4); 3]);
        prob.site_costs = Some(super::super::SiteCosts { n_sites: 3, cost: (0..n * 3).map(|_| rng.gen_range(0.0..5.0)).collect() });
        let prep = Prepared::new(&prob).unwrap();
        let mut st = State::new(&prep, vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
        for _ in 0..200 {
            let i = rng.gen_range(0..n);
            let j = rng.gen_range(0..n);
            if st.can_swap(i, j) {
                let (g, h) = (st.grp[i], st.grp[j]);
                st.relocate(i, h);
                st.relocate(j, g);
            } else if st.can_move(i, st.grp[j]) {
                st.relocate(i, st.grp[j]);
            }
            let exact = prob.evaluate(&st.grp).total;
            assert!((exact - st.value()).abs() < 1e-9, "{exact} vs {}", st.value());
        }
    }
}
