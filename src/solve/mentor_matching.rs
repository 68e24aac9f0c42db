//! Mentor matching: which eligible mentee gets which mentor.
//!
//! Owns the exact assignment; the eligibility rules of a mentor–mentee pair and the pair's soft
//! cost are [`crate::rules::mentorship`]'s. The meeting series of each pair is [`super::meetings`]' business.
//!
//! Method: the mentors' capacities are expanded into slots (the k-th slot of a mentor carries
//! the balance cost `balance × k`, which makes load spreading an exact convex cost), and a
//! rectangular linear sum assignment problem of mentees × slots is solved exactly by the
//! shortest-augmenting-path (Jonker–Volgenant / Crouse) algorithm of the `lsap` crate. Forbidden
//! cells and padding columns carry the "unmatched" cost `U`, larger than any difference of pair
//! costs over all mentees, so the number of matched mentees is maximised first and the cost
//! second. All costs are quantised to integer thousandths, so the float arithmetic is exact and
//! the optimum is proven, not approximate.
//!
//! With the rule "a mentor takes at most one mentee per municipality"
//! (`mentorship.one_mentee_per_municipality`, stated by [`crate::rules::mentorship::mentee_group`]) the matching is no longer an assignment but a
//! b-matching with a cap of one per (mentor, municipality) besides the mentor's capacity: a
//! min-cost flow source → mentee → (mentor, municipality) → mentor → sink, the mentor's arcs to
//! the sink being its slots with the balance cost. It is solved as a linear programme with
//! `good_lp`'s microlp ([`solve_exact`] then calls [`solve_grouped`]): the constraint matrix of a
//! flow is totally unimodular, so the simplex optimum is integral and proven optimal. Like the
//! assignment it is lexicographic: one programme finds the most mentees that can be matched,
//! a second the least cost among matchings of that size.

use super::SolveError;
use crate::load::limits::MAX_MATCHING_CELLS;
use crate::model::{Instance, MentorId, ParticipantId};
pub use crate::rules::mentorship::{mentee_group, pair_cost, pair_violation, PairCostTerms, PairRule};
use crate::text::tr;
use std::collections::{BTreeMap, BTreeSet};

/// Allowed mentors of one mentee with the pair cost.
pub type Candidates = Vec<(usize, PairCostTerms)>;

/// The matching problem: eligible mentees, and for each the allowed mentors with their cost.
#[derive(Debug, Clone)]
pub struct MatchingProblem {
    /// Participant indices of eligible mentees, in instance order.
    pub mentees: Vec<usize>,
    /// For each mentee (same order): allowed mentors and the pair cost.
    pub candidates: Vec<Vec<(usize, PairCostTerms)>>,
    /// For each mentee: how many mentors each rule excluded (first failing rule per mentor).
    pub excluded_by: Vec<BTreeMap<PairRule, usize>>,
    /// Participants who want a mentor but whose phase is not eligible.
    pub not_eligible: Vec<usize>,
    /// Capacity of each mentor.
    pub capacity: Vec<usize>,
    /// Weight of the balance term.
    pub balance_weight: f64,
    /// Mentees each mentor already has outside this problem (pinned pairs taken out by
    /// [`solve_with_pins`]): the balance cost of a mentor's slots starts after them.
    pub load_offset: Vec<usize>,
    /// For each mentee (same order): the mentor of its pinned pair, if the pair is fixed by hand.
    pub pinned: Vec<Option<usize>>,
    /// The group of each participant (indexed by participant, not by mentee row) of which a
    /// mentor takes one mentee at most ([`mentee_group`]); empty or all `None` without the rule.
    pub group: Vec<Option<usize>>,
    /// (mentor, group) places already used by pairs outside this problem (pinned or kept pairs).
    pub taken: BTreeSet<(usize, usize)>,
}

impl MatchingProblem {
    /// The group of mentee row `i`, if the one-mentee-per-group rule applies.
    pub fn group_of(&self, i: usize) -> Option<usize> {
        self.group.get(self.mentees[i]).copied().flatten()
    }

    /// Whether mentor `m` may take mentee row `i` besides mentees of other groups, i.e. the
    /// place (m, group) is not taken outside the problem.
    fn place_free(&self, i: usize, m: usize) -> bool {
        self.group_of(i).is_none_or(|g| !self.taken.contains(&(m, g)))
    }
}

/// Builds the matching problem from an instance: eligibility and costs of every pair.
pub fn build_problem(inst: &Instance) -> MatchingProblem {
    let mut mentees = Vec::new();
    let mut not_eligible = Vec::new();
    for (p, part) in inst.participants.iter().enumerate() {
        if !part.wants_mentor {
            continue;
        }
        if crate::rules::mentorship::mentoring_from(inst, ParticipantId(p)).is_some() {
            mentees.push(p);
        } else {
            not_eligible.push(p);
        }
    }
    let per_mentee: Vec<(Candidates, BTreeMap<PairRule, usize>)> = {
        use rayon::prelude::*;
        mentees
            .par_iter()
            .map(|&p| {
                let mut cands = Vec::new();
                let mut excluded = BTreeMap::new();
                for m in 0..inst.mentors.len() {
                    let (mentor, mentee) = (MentorId(m), ParticipantId(p));
                    match pair_violation(inst, mentor, mentee) {
                        Some(rule) => *excluded.entry(rule).or_insert(0) += 1,
                        None => cands.push((m, pair_cost(inst, mentor, mentee))),
                    }
                }
                (cands, excluded)
            })
            .collect()
    };
    let (candidates, excluded_by) = per_mentee.into_iter().unzip();
    let pinned = mentees.iter().map(|&p| inst.pins.pairs.iter().find(|x| x.mentee.index() == p).map(|x| x.mentor.index())).collect();
    MatchingProblem {
        mentees,
        candidates,
        excluded_by,
        not_eligible,
        capacity: inst.mentors.iter().map(|m| m.capacity).collect(),
        balance_weight: inst.weights.balance,
        load_offset: vec![0; inst.mentors.len()],
        pinned,
        group: (0..inst.participants.len()).map(|p| mentee_group(inst, ParticipantId(p)).map(|g| g.index())).collect(),
        taken: BTreeSet::new(),
    }
}

/// Solves a matching problem with its pinned pairs forced: the pinned pairs take their mentors'
/// first slots, and `solver` optimises the other mentees over the remaining capacity (whose
/// balance cost continues after the pinned mentees). With no pins this is `solver(problem)`.
/// A pinned pair that is not allowed or exceeds the mentor's capacity is an error (validation
/// rejects such files) naming the people of `inst`, the instance the problem was built from.
pub fn solve_with_pins(
    inst: &Instance,
    problem: &MatchingProblem,
    solver: impl FnOnce(&MatchingProblem) -> Result<Matching, SolveError>,
) -> Result<Matching, SolveError> {
    if problem.pinned.iter().all(Option::is_none) {
        return solver(problem);
    }
    let mut offset = problem.load_offset.clone();
    let mut taken = problem.taken.clone();
    for (i, pin) in problem.pinned.iter().enumerate() {
        if let Some(m) = *pin {
            let mentor = inst.mentors.get(m).map_or("?", |x| x.id.as_str());
            let mentee = inst.participants.get(problem.mentees[i]).map_or("?", |x| x.id.as_str());
            if !problem.place_free(i, m) || problem.group_of(i).is_some_and(|g| !taken.insert((m, g))) {
                return Err(SolveError::Pins(tr!("pin-pair-same-municipality", mentor = mentor, mentee = mentee)));
            }
            if !problem.candidates[i].iter().any(|c| c.0 == m) {
                return Err(SolveError::Pins(tr!("pin-pair-forbidden", mentor = mentor, mentee = mentee)));
            }
            offset[m] += 1;
            if offset[m] > problem.capacity[m] {
                return Err(SolveError::Pins(tr!("pin-pair-capacity", mentor = mentor, capacity = problem.capacity[m])));
            }
        }
    }
    let free: Vec<usize> = (0..problem.mentees.len()).filter(|&i| problem.pinned[i].is_none()).collect();
    let reduced = MatchingProblem {
        mentees: free.iter().map(|&i| problem.mentees[i]).collect(),
        candidates: free
            .iter()
            .map(|&i| problem.candidates[i].iter().filter(|c| offset[c.0] < problem.capacity[c.0]).cloned().collect())
            .collect(),
        excluded_by: free.iter().map(|&i| problem.excluded_by[i].clone()).collect(),
        not_eligible: vec![],
        capacity: problem.capacity.iter().zip(&offset).map(|(c, o)| c - o).collect(),
        balance_weight: problem.balance_weight,
        load_offset: offset,
        pinned: vec![None; free.len()],
        group: problem.group.clone(),
        taken,
    };
    let sub = solver(&reduced)?;
    let mut mentor_of = problem.pinned.clone();
    for (k, &i) in free.iter().enumerate() {
        mentor_of[i] = sub.mentor_of.get(k).copied().flatten();
    }
    let matched = mentor_of.iter().filter(|m| m.is_some()).count();
    let cost = matching_cost(problem, &mentor_of);
    Ok(Matching { mentor_of, matched, cost, proven_optimal: sub.proven_optimal })
}

/// A matching: for each mentee (problem order) the mentor, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Matching {
    /// Mentor of each mentee in [`MatchingProblem::mentees`] order.
    pub mentor_of: Vec<Option<usize>>,
    /// Number of matched mentees.
    pub matched: usize,
    /// Total cost: pair costs plus the balance term.
    pub cost: f64,
    /// True when the method proves the matching optimal.
    pub proven_optimal: bool,
}

/// Scale of the integer quantisation of costs (thousandths).
const QUANTUM: f64 = 1000.0;

fn quantise(x: f64) -> f64 {
    (x * QUANTUM).round()
}

/// The balance cost of a mentor with `load` mentees: `balance × (0 + 1 + … + (load − 1))`.
pub fn balance_cost(weight: f64, load: usize) -> f64 {
    weight * (load * load.saturating_sub(1)) as f64 / 2.0
}

/// Total cost of a matching under the problem's costs (pair costs plus balance).
pub fn matching_cost(problem: &MatchingProblem, mentor_of: &[Option<usize>]) -> f64 {
    let mut load = vec![0usize; problem.capacity.len()];
    let mut cost = 0.0;
    for (i, m) in mentor_of.iter().enumerate() {
        if let Some(m) = *m {
            load[m] += 1;
            cost += problem.candidates[i].iter().find(|c| c.0 == m).map(|c| c.1.total()).unwrap_or(f64::INFINITY);
        }
    }
    cost + load
        .iter()
        .zip(&problem.load_offset)
        .map(|(&l, &o)| balance_cost(problem.balance_weight, l + o) - balance_cost(problem.balance_weight, o))
        .sum::<f64>()
}

/// The dense assignment matrix of a matching problem: mentees (rows) × mentor slots and
/// padding (columns), integer-valued costs. Public so that benchmarks can hand the very same
/// matrix to other assignment solvers.
#[derive(Debug, Clone)]
pub struct AssignmentMatrix {
    /// Rows (mentees).
    pub rows: usize,
    /// Columns (slots, then padding).
    pub cols: usize,
    /// Row-major costs, `rows × cols`.
    pub cost: Vec<f64>,
    /// Mentor of each slot column; columns past its length are padding.
    pub slot_mentor: Vec<usize>,
    /// Cost of leaving a mentee unmatched (forbidden cells and padding carry it).
    pub unmatched: f64,
}

/// Builds the assignment matrix (see the module docs).
pub fn assignment_matrix(problem: &MatchingProblem) -> Result<AssignmentMatrix, SolveError> {
    let nr = problem.mentees.len();
    // Slots: only mentors some mentee may have, at most as many slots as such mentees.
    let mut demand = vec![0usize; problem.capacity.len()];
    for cands in &problem.candidates {
        for (m, _) in cands {
            demand[*m] += 1;
        }
    }
    let slots_of = |m: usize| problem.capacity[m].min(demand[m]);
    let mut slot_mentor: Vec<usize> = Vec::new();
    let mut first_slot = vec![usize::MAX; problem.capacity.len()];
    for (m, first) in first_slot.iter_mut().enumerate() {
        if slots_of(m) > 0 {
            *first = slot_mentor.len();
        }
        slot_mentor.extend(std::iter::repeat_n(m, slots_of(m)));
    }
    let nc = slot_mentor.len().max(nr);
    if nr.saturating_mul(nc) > MAX_MATCHING_CELLS {
        return Err(SolveError::Limit(format!(
            "{nr} mentees × {nc} mentor places make {} matching cells, over the limit MAX_MATCHING_CELLS = {MAX_MATCHING_CELLS}; match in smaller rounds",
            nr.saturating_mul(nc)
        )));
    }

    // Shift costs to be ≥ 0 and pick U above any possible difference.
    let mut min_c = f64::INFINITY;
    let mut max_c = f64::NEG_INFINITY;
    for cands in &problem.candidates {
        for (m, c) in cands {
            let base = quantise(c.total());
            let top = base + quantise(problem.balance_weight * (problem.load_offset[*m] + slots_of(*m).saturating_sub(1)) as f64);
            min_c = min_c.min(base);
            max_c = max_c.max(top);
        }
    }
    if !min_c.is_finite() {
        min_c = 0.0;
        max_c = 0.0;
    }
    let span = max_c - min_c;
    let unmatched = span * (nr as f64 + 1.0) + 1.0;
    if unmatched * (nr as f64 + 1.0) > 2f64.powi(52) {
        return Err(SolveError::Numeric(format!(
            "pair costs span {:.3} over {nr} mentees: too wide for exact arithmetic; rescale the weights",
            span / QUANTUM
        )));
    }
    let mut cost = vec![unmatched; nr * nc];
    for (i, cands) in problem.candidates.iter().enumerate() {
        let row = &mut cost[i * nc..(i + 1) * nc];
        for (m, c) in cands {
            if first_slot[*m] == usize::MAX {
                continue;
            }
            let base = quantise(c.total()) - min_c;
            for k in 0..slots_of(*m) {
                row[first_slot[*m] + k] = base + quantise(problem.balance_weight * (problem.load_offset[*m] + k) as f64);
            }
        }
    }
    Ok(AssignmentMatrix { rows: nr, cols: nc, cost, slot_mentor, unmatched })
}

/// Exact matching by linear sum assignment (see the module docs).
pub fn solve_exact(problem: &MatchingProblem) -> Result<Matching, SolveError> {
    if problem.mentees.is_empty() {
        return Ok(Matching { mentor_of: vec![], matched: 0, cost: 0.0, proven_optimal: true });
    }
    if (0..problem.mentees.len()).any(|i| problem.group_of(i).is_some()) {
        return solve_grouped(problem);
    }
    let a = assignment_matrix(problem)?;
    let (rows, cols) =
        lsap::solve(a.rows, a.cols, &a.cost, false).map_err(|e| SolveError::Numeric(format!("assignment kernel failed: {e:?}")))?;
    let mut mentor_of = vec![None; a.rows];
    for (r, c) in rows.into_iter().zip(cols) {
        if c < a.slot_mentor.len() && a.cost[r * a.cols + c] < a.unmatched {
            mentor_of[r] = Some(a.slot_mentor[c]);
        }
    }
    let matched = mentor_of.iter().filter(|m| m.is_some()).count();
    let cost = matching_cost(problem, &mentor_of);
    Ok(Matching { mentor_of, matched, cost, proven_optimal: true })
}

/// Exact matching under the one-mentee-per-group rule, as the linear programme of a min-cost
/// flow (see the module docs): first the most mentees, then the least cost for that many.
pub fn solve_grouped(problem: &MatchingProblem) -> Result<Matching, SolveError> {
    let most = flow_lp(problem, None)?.iter().flatten().count();
    let mentor_of = flow_lp(problem, Some(most))?;
    let matched = mentor_of.iter().filter(|m| m.is_some()).count();
    if matched != most || !respects_groups(problem, &mentor_of) {
        return Err(SolveError::Numeric("the matching's flow programme returned a fractional or infeasible flow".into()));
    }
    let cost = matching_cost(problem, &mentor_of);
    Ok(Matching { mentor_of, matched, cost, proven_optimal: true })
}

/// Whether a matching keeps every rule of the flow: one mentor per mentee among its candidates,
/// the capacities and one mentee per (mentor, group) place.
fn respects_groups(problem: &MatchingProblem, mentor_of: &[Option<usize>]) -> bool {
    let mut load = vec![0usize; problem.capacity.len()];
    let mut taken = problem.taken.clone();
    mentor_of.iter().enumerate().all(|(i, m)| {
        m.is_none_or(|m| {
            load[m] += 1;
            load[m] <= problem.capacity[m]
                && problem.candidates[i].iter().any(|c| c.0 == m)
                && problem.group_of(i).is_none_or(|g| taken.insert((m, g)))
        })
    })
}

/// One linear programme of the matching's flow. `matched: None` maximises the number of
/// matched mentees; `Some(k)` matches exactly `k` and minimises the quantised pair costs plus
/// the balance cost of the mentors' slots. Returns the mentor of each mentee row.
fn flow_lp(problem: &MatchingProblem, matched: Option<usize>) -> Result<Vec<Option<usize>>, SolveError> {
    use good_lp::{variable, Expression, ProblemVariables, Solution, SolverModel};
    let mut vars = ProblemVariables::new();
    // Arcs mentee → mentor (through the mentee's group), with their quantised pair cost.
    let mut arcs: Vec<(usize, usize, good_lp::Variable, f64)> = Vec::new();
    for (i, cands) in problem.candidates.iter().enumerate() {
        for (m, c) in cands.iter().filter(|(m, _)| problem.capacity[*m] > 0 && problem.place_free(i, *m)) {
            arcs.push((i, *m, vars.add(variable().min(0.0).max(1.0)), quantise(c.total())));
        }
    }
    let mut into: Vec<Expression> = vec![Expression::from(0.0); problem.capacity.len()];
    let mut of_row: Vec<Expression> = vec![Expression::from(0.0); problem.mentees.len()];
    let mut of_place: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
    for &(i, m, x, _) in &arcs {
        into[m] += x;
        of_row[i] += x;
        if let Some(g) = problem.group_of(i) {
            *of_place.entry((m, g)).or_insert_with(|| Expression::from(0.0)) += x;
        }
    }
    // The mentor's slots: the k-th carries the balance cost of the mentor's (offset + k)-th mentee.
    let mut out_of: Vec<Expression> = vec![Expression::from(0.0); problem.capacity.len()];
    let mut slot_cost = Expression::from(0.0);
    for (m, &cap) in problem.capacity.iter().enumerate() {
        for k in 0..cap.min(problem.mentees.len()) {
            let s = vars.add(variable().min(0.0).max(1.0));
            out_of[m] += s;
            slot_cost += quantise(problem.balance_weight * (problem.load_offset[m] + k) as f64) * s;
        }
    }
    let count: Expression = arcs.iter().map(|a| a.2).sum();
    let pair_cost: Expression = arcs.iter().map(|a| a.3 * a.2).sum();
    let mut model = match matched {
        None => vars.maximise(count.clone()).using(crate::solve::backend::solver),
        Some(_) => vars.minimise(pair_cost + slot_cost).using(crate::solve::backend::solver),
    };
    for row in of_row {
        model = model.with(row.leq(1.0));
    }
    for place in of_place.into_values() {
        model = model.with(place.leq(1.0));
    }
    for (a, b) in into.into_iter().zip(out_of) {
        model = model.with(a.eq(b));
    }
    if let Some(k) = matched {
        model = model.with(count.eq(k as f64));
    }
    let solution = model.solve().map_err(|e| SolveError::Numeric(format!("the matching's flow programme failed: {e}")))?;
    let mut mentor_of = vec![None; problem.mentees.len()];
    for &(i, m, x, _) in &arcs {
        if solution.value(x) > 0.5 {
            mentor_of[i] = Some(m);
        }
    }
    Ok(mentor_of)
}

/// Greedy matching, a heuristic baseline: cheapest pairs first, hardest mentees (fewest
/// candidates) first among equals. Not optimal; used to compare strategies.
pub fn solve_greedy(problem: &MatchingProblem) -> Matching {
    let mut order: Vec<usize> = (0..problem.mentees.len()).collect();
    order.sort_by_key(|&i| (problem.candidates[i].len(), i));
    let mut load = vec![0usize; problem.capacity.len()];
    let mut mentor_of = vec![None; problem.mentees.len()];
    let mut taken = problem.taken.clone();
    for i in order {
        let group = problem.group_of(i);
        let best = problem.candidates[i]
            .iter()
            .filter(|(m, _)| load[*m] < problem.capacity[*m] && group.is_none_or(|g| !taken.contains(&(*m, g))))
            .map(|(m, c)| (c.total() + problem.balance_weight * (problem.load_offset[*m] + load[*m]) as f64, *m))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((_, m)) = best {
            load[m] += 1;
            mentor_of[i] = Some(m);
            taken.extend(group.map(|g| (m, g)));
        }
    }
    let matched = mentor_of.iter().filter(|m| m.is_some()).count();
    let cost = matching_cost(problem, &mentor_of);
    Matching { mentor_of, matched, cost, proven_optimal: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{InstanceFile, SameMunicipality};

    fn small() -> InstanceFile {
        serde_json::from_str(include_str!("../../instances/uppsala-small.json")).unwrap()
    }

    fn ids(inst: &Instance, mentor: &str, mentee: &str) -> (MentorId, ParticipantId) {
        (
            MentorId(inst.mentors.iter().position(|m| m.id == mentor).unwrap()),
            ParticipantId(inst.participants.iter().position(|p| p.id == mentee).unwrap()),
        )
    }

    fn rule(f: &InstanceFile, mentor: &str, mentee: &str) -> Option<PairRule> {
        let inst = crate::load::build(f);
        let (m, p) = ids(&inst, mentor, mentee);
        pair_violation(&inst, m, p)
    }

    #[test]
    fn same_unit_is_always_forbidden() {
        let mut f = small();
        f.mentorship.same_municipality = SameMunicipality::Allowed;
        assert_eq!(rule(&f, "m04", "p01"), Some(PairRule::SameUnit));
    }

    #[test]
    fn untrained_mentor_only_when_training_is_required() {
        let mut f = small();
        assert_eq!(rule(&f, "m03", "p01"), Some(PairRule::NotTrained));
        f.mentorship.require_training = false;
        assert_eq!(rule(&f, "m03", "p01"), None);
    }

    #[test]
    fn junior_mentor_is_excluded() {
        let mut f = small();
        f.mentorship.mentor_min_years = 7.0;
        assert_eq!(rule(&f, "m04", "p02"), Some(PairRule::TooJunior));
    }

    #[test]
    fn same_municipality_by_policy() {
        let mut f = small();
        assert_eq!(rule(&f, "m01", "p01"), None);
        f.mentorship.same_municipality = SameMunicipality::Forbidden;
        assert_eq!(rule(&f, "m01", "p01"), Some(PairRule::SameMunicipality));
    }

    #[test]
    fn explicit_exclusion_and_travel_limit() {
        let f = small();
        assert_eq!(rule(&f, "m04", "p04"), Some(PairRule::Excluded));
        // m02 (Enköping) accepts at most 60 minutes; Östhammar is further.
        assert_eq!(rule(&f, "m02", "p04"), Some(PairRule::TooFar));
    }

    #[test]
    fn zero_capacity_mentor_is_excluded() {
        let mut f = small();
        f.mentors[0].capacity = 0;
        assert_eq!(rule(&f, "m01", "p02"), Some(PairRule::NoCapacity));
    }

    #[test]
    fn cost_terms_follow_the_weights() {
        let f = small();
        let inst = crate::load::build(&f);
        // m01 (Uppsala, expertise barnsamtal + utredning) with p01 (Uppsala, barnsamtal + lvu):
        // same municipality (penalised 30), no travel, one uncovered interest (15).
        let (m, p) = ids(&inst, "m01", "p01");
        let c = pair_cost(&inst, m, p);
        assert_eq!((c.travel, c.same_municipality, c.interest_mismatch, c.repeat_pair), (0.0, 30.0, 15.0, 0.0));
        // m01 mentored p03 before.
        let (m, p) = ids(&inst, "m01", "p03");
        assert_eq!(pair_cost(&inst, m, p).repeat_pair, 100.0);
        assert_eq!(balance_cost(10.0, 3), 30.0);
    }
}
