//! The timetable's large-neighbourhood search: a neighbourhood re-solved exactly repairs a
//! deliberately worsened plan, the search never returns worse than it got, every plan passes
//! the checker, and without a time limit the same round and seed give the same plan.

mod common;

use common::assert_valid;
use trappa::generate::generate;
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::model::VenueId;
use trappa::solve::timetable;
use trappa::solve::timetable::lns::{self, Neighbourhood};
use trappa::solve::timetable::milp_budget::Budget;
use trappa::solve::timetable::state::State;
use trappa::solve::timetable::{Context, Timetable};
use trappa::solve::{self, Plan, SolveParams, TimetableStrategy};
use trappa::write::plan::plan_file;

/// A generated courses-only term (no mentees: re-timed courses cannot meet mentor meetings
/// dated around the old days).
fn generated(participants: usize, seed: u64) -> LoadedInstance {
    let text = serde_json::to_string_pretty(&generate(&common::course_term(participants, seed)).unwrap()).unwrap();
    load_instance_text(&text, "generated").unwrap()
}

/// A plan of `loaded` solved with `strategy` (no time limit), checked, and its timetable.
fn solved(loaded: &LoadedInstance, strategy: TimetableStrategy, seed: u64) -> (Plan, Timetable) {
    let params = SolveParams { seed, timetable_strategy: strategy, ..Default::default() };
    let solution = solve::solve(&loaded.model, &params).unwrap();
    assert_valid(loaded, &plan_file(loaded, "test.json", &solution));
    let tt = solution.timetable.as_ref().unwrap().outcome.timetable.clone();
    (solution, tt)
}

/// `plan` with its timetable replaced by `tt`, written as a plan file (costs recomputed) and
/// checked by the independent checker.
fn assert_checked(loaded: &LoadedInstance, plan: &Plan, tt: &Timetable) {
    let mut plan = plan.clone();
    plan.timetable.as_mut().unwrap().outcome.timetable = tt.clone();
    assert_valid(loaded, &plan_file(loaded, "test.json", &plan));
}

fn total(loaded: &LoadedInstance, tt: &Timetable) -> f64 {
    State::from_timetable(&loaded.model, tt).total()
}

/// Moves every session of the course with the most sessions to the free venue farthest from
/// its attendees (same days, trainers and attendees), as far as a venue is free.
fn worsened(loaded: &LoadedInstance, tt: &Timetable) -> (usize, Timetable) {
    let inst = &loaded.model;
    let m = &inst.timetable;
    let mut count = vec![0usize; m.courses.len()];
    for s in &tt.sessions {
        count[s.course.index()] += 1;
    }
    let course = (0..count.len()).max_by_key(|&c| (count[c], std::cmp::Reverse(c))).unwrap();
    let mut out = tt.clone();
    for i in 0..out.sessions.len() {
        if out.sessions[i].course.index() != course {
            continue;
        }
        let s = out.sessions[i].clone();
        let taken = |v: usize| out.sessions.iter().any(|o| o.venue.index() == v && o.days.iter().any(|t| s.days.contains(t)));
        let far = (0..m.venues.len())
            .filter(|&v| v != s.venue.index() && !taken(v))
            .filter(|&v| s.days.iter().all(|&t| m.venue_free[v][t]))
            .filter(|&v| m.venues[v].capacity.min(m.courses[course].max_size) >= s.attendees.len())
            .max_by(|&a, &b| {
                let cost = |v: usize| -> f64 {
                    s.attendees.iter().map(|d| m.travel_cost(inst, m.demands[*d].participant.index(), v, s.days.len())).sum()
                };
                cost(a).total_cmp(&cost(b)).then(b.cmp(&a))
            });
        if let Some(v) = far {
            out.sessions[i].venue = VenueId(v);
        }
    }
    (course, out)
}

#[test]
fn a_course_neighbourhood_repairs_a_course_moved_to_far_venues() {
    let loaded = generated(60, 4);
    let (plan, original) = solved(&loaded, TimetableStrategy::LocalSearch, 1);
    let (course, bad) = worsened(&loaded, &original);
    assert_checked(&loaded, &plan, &bad);
    assert!(total(&loaded, &bad) > total(&loaded, &original) + 1e-6, "the move to far venues did not worsen the plan");
    let step = lns::step(&loaded.model, &bad, Neighbourhood::Course(course), Budget { work: None, seconds: None }).unwrap();
    assert!(step.improved);
    assert_checked(&loaded, &plan, &step.timetable);
    assert!((step.total - total(&loaded, &step.timetable)).abs() < 1e-6);
    assert!(step.total <= total(&loaded, &original) + 1e-6, "step {} > original {}", step.total, total(&loaded, &original));
}

#[test]
fn the_search_never_returns_a_worse_plan_and_its_plans_pass_the_checker() {
    for seed in [2, 3] {
        let loaded = generated(60, seed);
        let (plan, start) = solved(&loaded, TimetableStrategy::LocalSearch, seed);
        let ctx = Context::new(seed);
        let report = lns::improve(&loaded.model, &start, &ctx, Some(lns::NEIGHBOURHOOD_WORK * 2));
        assert_checked(&loaded, &plan, &report.timetable);
        assert!(total(&loaded, &report.timetable) <= total(&loaded, &start) + 1e-9);
        assert!(report.tried >= 1);
        assert_ne!(report.stop, lns::Stop::TimeLimit);
        // Each kind of neighbourhood on its own, too.
        for hood in lns::neighbourhoods(&loaded.model, &start, &ctx).into_iter().take(3) {
            let step = lns::step(&loaded.model, &start, hood, Budget { work: Some(lns::NEIGHBOURHOOD_WORK / 2), seconds: None }).unwrap();
            assert_checked(&loaded, &plan, &step.timetable);
            assert!(step.total <= total(&loaded, &start) + 1e-9, "{hood:?}");
        }
    }
}

#[test]
fn without_a_time_limit_the_same_round_and_seed_give_the_same_plan() {
    let loaded = generated(60, 5);
    let (_, start) = solved(&loaded, TimetableStrategy::LocalSearch, 5);
    let ctx = Context::new(5);
    let a = lns::improve(&loaded.model, &start, &ctx, Some(lns::NEIGHBOURHOOD_WORK * 2));
    let b = lns::improve(&loaded.model, &start, &ctx, Some(lns::NEIGHBOURHOOD_WORK * 2));
    assert_eq!(a.timetable, b.timetable);
    assert_eq!((a.tried, a.improved, a.stop), (b.tried, b.improved, b.stop));
    // And the whole of `auto`, through the solve, on a smaller round.
    let small = generated(30, 5);
    let (_, first) = solved(&small, TimetableStrategy::Auto, 5);
    let (_, second) = solved(&small, TimetableStrategy::Auto, 5);
    assert_eq!(first, second);
}

#[test]
fn the_local_search_reopens_a_course_for_demand_left_without_a_session() {
    // Every session of one course closed: its demand has no session in its window, which the
    // search's random `open` seldom hits on a long round; `open_for_unserved` starts from such
    // a demand and a start it can attend.
    let loaded = generated(120, 3);
    let (plan, tt) = solved(&loaded, TimetableStrategy::Greedy, 3);
    let m = &loaded.model.timetable;
    let mut count = vec![0usize; m.courses.len()];
    for s in &tt.sessions {
        count[s.course.index()] += 1;
    }
    let course = (0..count.len()).max_by_key(|&c| (count[c], std::cmp::Reverse(c))).unwrap();
    let mut cut = tt.clone();
    cut.sessions.retain(|s| s.course.index() != course);
    let mut st = State::from_timetable(&loaded.model, &cut);
    let before = st.total();
    let waiting = |st: &State| (0..m.demands.len()).filter(|&d| m.demands[d].course.index() == course && st.assigned[d].is_none()).count();
    let unserved_before = waiting(&st);
    let ctx = Context::new(3);
    let mut rng = ctx.rng(1);
    for _ in 0..500 {
        timetable::local_search::open_for_unserved(&mut st, &mut rng);
    }
    assert!(!st.slots_of_course(course).is_empty(), "no session of the emptied course reopened");
    assert!(waiting(&st) < unserved_before, "{} of {unserved_before} still waiting", waiting(&st));
    assert!(st.total() < before - 1.0, "{} not below {before}", st.total());
    // The move keeps the incremental objective exact, and its plan passes the checker.
    let out = st.to_timetable();
    assert!((total(&loaded, &out) - st.total()).abs() < 1e-6 * st.total(), "{} vs {}", total(&loaded, &out), st.total());
    assert_checked(&loaded, &plan, &out);
}
