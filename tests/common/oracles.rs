//! Test oracles of the mentor matching: a brute force over all matchings and the maximum
//! cardinality of the eligibility graph, each computed independently of the exact assignment.

use trappa::solve::mentor_matching::{matching_cost, Matching, MatchingProblem};

/// Brute force over all matchings, for tiny problems (≤ 8 mentees): maximises the number
/// matched, then minimises the cost.
pub fn solve_brute_force(problem: &MatchingProblem) -> Matching {
    fn rec(
        p: &MatchingProblem,
        i: usize,
        load: &mut Vec<usize>,
        cur: &mut Vec<Option<usize>>,
        best: &mut Option<(usize, f64, Vec<Option<usize>>)>,
    ) {
        if i == p.mentees.len() {
            let matched = cur.iter().filter(|m| m.is_some()).count();
            let cost = matching_cost(p, cur);
            let better = match best {
                None => true,
                Some((bm, bc, _)) => matched > *bm || (matched == *bm && cost < *bc - 1e-9),
            };
            if better {
                *best = Some((matched, cost, cur.clone()));
            }
            return;
        }
        cur.push(None);
        rec(p, i + 1, load, cur, best);
        cur.pop();
        for (m, _) in &p.candidates[i] {
            if load[*m] < p.capacity[*m] {
                load[*m] += 1;
                cur.push(Some(*m));
                rec(p, i + 1, load, cur, best);
                cur.pop();
                load[*m] -= 1;
            }
        }
    }
    let mut best = None;
    rec(problem, 0, &mut vec![0; problem.capacity.len()], &mut Vec::new(), &mut best);
    let (matched, cost, mentor_of) = best.unwrap_or((0, 0.0, vec![]));
    Matching { mentor_of, matched, cost, proven_optimal: true }
}

/// Maximum number of mentees that can be matched at all, by a maximum matching on the
/// eligibility graph (mentees × mentor slots) with petgraph. Independent of costs; used to
/// cross-check that the assignment maximised the number matched.
pub fn max_cardinality(problem: &MatchingProblem) -> usize {
    use petgraph::graph::UnGraph;
    let mut g: UnGraph<(), ()> = UnGraph::new_undirected();
    let mentee_nodes: Vec<_> = problem.mentees.iter().map(|_| g.add_node(())).collect();
    let slot_nodes: Vec<Vec<_>> =
        problem.capacity.iter().map(|&c| (0..c.min(problem.mentees.len())).map(|_| g.add_node(())).collect()).collect();
    for (i, cands) in problem.candidates.iter().enumerate() {
        for (m, _) in cands {
            for s in &slot_nodes[*m] {
                g.add_edge(mentee_nodes[i], *s, ());
            }
        }
    }
    petgraph::algo::maximum_matching(&g).len()
}
