//! Property tests: on random small rounds the exact matcher equals a brute-force optimum, the
//! number matched equals a maximum matching found by petgraph, the checker accepts the plan,
//! and the same seed gives the same plan.

mod common;

use chrono::NaiveDate;
use common::oracles::{max_cardinality, solve_brute_force};
use proptest::prelude::*;
use trappa::format::*;
use trappa::load::{sha256_hex, LoadedInstance};
use trappa::solve::mentor_matching::{build_problem, solve_exact, solve_greedy};
use trappa::solve::{solve, MatchingStrategy, SolveParams, Strategy as _};
use trappa::write::plan::plan_file;

/// (unit, capacity, trained, years, expertise, max travel)
type MentorGen = (usize, i64, bool, f64, Vec<usize>, Option<f64>);

#[derive(Debug, Clone)]
struct Spec {
    munis: Vec<(f64, f64)>,
    units: Vec<usize>,
    mentees: Vec<(usize, u8, Vec<usize>, bool)>,
    mentors: Vec<MentorGen>,
    policy: u8,
    exclusions: Vec<(usize, usize)>,
    balance: f64,
    explicit: Vec<(usize, usize, f64)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec((57.0f64..60.0, 12.0f64..18.0), 1..4),
        prop::collection::vec(0usize..3, 2..6),
        prop::collection::vec(
            (0usize..6, prop_oneof![1 => Just(0u8), 4 => Just(1u8), 1 => Just(2u8)], prop::collection::vec(0usize..4, 0..3), any::<bool>()),
            1..7,
        ),
        prop::collection::vec(
            (
                0usize..6,
                prop_oneof![1 => Just(0i64), 3 => Just(1i64), 3 => Just(2i64), 1 => Just(3i64)],
                prop::bool::weighted(0.85),
                4.0f64..20.0,
                prop::collection::vec(0usize..4, 0..3),
                prop::option::weighted(0.3, 20.0f64..200.0),
            ),
            0..6,
        ),
        prop_oneof![1 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8)],
        prop::collection::vec((0usize..6, 0usize..7), 0..3),
        prop_oneof![Just(0.0), 1.0f64..50.0],
        prop::collection::vec((0usize..6, 0usize..7, -20.0f64..300.0), 0..3),
    )
        .prop_map(|(munis, units, mentees, mentors, policy, exclusions, balance, explicit)| Spec {
            munis,
            units,
            mentees,
            mentors,
            policy,
            exclusions,
            balance,
            explicit,
        })
}

fn build(s: &Spec) -> InstanceFile {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let tags = ["lvu", "barnsamtal", "utredning", "familjehem"];
    let municipalities = s
        .munis
        .iter()
        .enumerate()
        .map(|(i, (lat, lon))| MunicipalitySpec {
            id: format!("k{i}"),
            name: format!("Kommun {i}"),
            population: 10_000,
            lat: *lat,
            lon: *lon,
            cost_share: None,
            cost_split: None,
            meeting_venue: None,
            subregion: None,
        })
        .collect();
    let units: Vec<UnitSpec> = s
        .units
        .iter()
        .enumerate()
        .map(|(i, m)| UnitSpec { id: format!("u{i}"), name: None, municipality: format!("k{}", m % s.munis.len()), headcount: 50 })
        .collect();
    let unit = |i: usize| format!("u{}", i % units.len());
    let participants: Vec<ParticipantSpec> = s
        .mentees
        .iter()
        .enumerate()
        .map(|(i, (u, phase, interests, wants))| ParticipantSpec {
            id: format!("p{i}"),
            name: format!("Deltagare {i}"),
            unit: unit(*u),
            role: Role::SocialSecretary,
            profession_start: [d(2026, 6, 1), d(2024, 1, 1), d(2015, 1, 1)][*phase as usize],
            employment_start: d(2026, 6, 1),
            unavailable: if i % 3 == 0 {
                vec![DateOrRange::Range { from: d(2027, 3, 1), to: d(2027, 3, 31), reason: None }]
            } else {
                vec![]
            },
            interests: interests.iter().map(|t| tags[*t].to_string()).collect(),
            wants_mentor: *wants || *phase == 1,
        })
        .collect();
    let mentors: Vec<MentorSpec> = s
        .mentors
        .iter()
        .enumerate()
        .map(|(i, (u, cap, trained, years, expertise, max_travel))| MentorSpec {
            id: format!("m{i}"),
            name: format!("Mentor {i}"),
            unit: unit(*u),
            capacity: *cap,
            trained: *trained,
            years_in_profession: *years,
            expertise: expertise.iter().map(|t| tags[*t].to_string()).collect(),
            unavailable: vec![],
            max_travel_minutes: *max_travel,
            history: if i % 2 == 0 && !participants.is_empty() { vec![format!("p{}", i % participants.len())] } else { vec![] },
        })
        .collect();
    let pair_ok = |m: usize, p: usize| m < mentors.len() && p < participants.len();
    let mut exclusions: Vec<PairExclusion> = s
        .exclusions
        .iter()
        .filter(|(m, p)| pair_ok(*m, *p))
        .map(|(m, p)| PairExclusion { mentor: format!("m{m}"), mentee: format!("p{p}"), reason: None })
        .collect();
    exclusions.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    exclusions.dedup_by(|a, b| a.mentor == b.mentor && a.mentee == b.mentee);
    let mut pair_costs: Vec<PairCost> = s
        .explicit
        .iter()
        .filter(|(m, p, _)| pair_ok(*m, *p))
        .map(|(m, p, c)| PairCost { mentor: format!("m{m}"), mentee: format!("p{p}"), cost: (*c * 10.0).round() / 10.0 })
        .collect();
    pair_costs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    pair_costs.dedup_by(|a, b| a.mentor == b.mentor && a.mentee == b.mentee);
    let round = RoundSpec { name: "Egenskapstest".into(), start: d(2027, 1, 11), end: d(2027, 12, 17), meeting_times: Default::default() };
    let region = RegionSpec { name: "Test".into(), municipalities, units, travel: TravelSpec::default() };
    InstanceFile {
        participants,
        mentors,
        mentorship: MentorshipRules {
            same_municipality: [SameMunicipality::Forbidden, SameMunicipality::Penalised, SameMunicipality::Allowed][s.policy as usize],
            exclusions,
            pair_costs,
            ..MentorshipRules::default()
        },
        weights: Weights { balance: s.balance, ..Weights::default() },
        ..InstanceFile::new(round, region)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn exact_matching_equals_brute_force_and_the_checker_accepts_it(s in spec()) {
        let file = build(&s);
        let text = serde_json::to_string(&file).unwrap();
        let file = trappa::load::parse_and_validate(&text).expect("generated instances are valid");
        let model = trappa::load::build(&file);
        let problem = build_problem(&model);
        let exact = solve_exact(&problem).unwrap();
        let brute = solve_brute_force(&problem);
        prop_assert_eq!(exact.matched, brute.matched);
        prop_assert!((exact.cost - brute.cost).abs() < 1e-6, "exact {} brute {}", exact.cost, brute.cost);
        prop_assert_eq!(exact.matched, max_cardinality(&problem));
        let greedy = solve_greedy(&problem);
        prop_assert!(greedy.matched < exact.matched || (greedy.matched == exact.matched && greedy.cost >= exact.cost - 1e-6));

        let sha = sha256_hex(text.as_bytes());
        let loaded = LoadedInstance { file: file.clone(), model, sha256: sha.clone() };
        for strategy in ["exact", "greedy"] {
            let params = SolveParams { strategy: MatchingStrategy::from_name(strategy).unwrap(), ..SolveParams::default() };
            let plan = plan_file(&loaded, "prop.json", &solve(&loaded.model, &params).unwrap());
            let report = trappa::check::check(&file, &sha, &plan);
            if strategy == "exact" {
                prop_assert!(report.is_valid(), "{:?}", report.violations);
            } else {
                // A greedy plan may leave a matchable mentee out (C031); every other rule holds.
                prop_assert!(report.violations.iter().all(|v| v.code == "C031"), "{:?}", report.violations);
            }
            let again = plan_file(&loaded, "prop.json", &solve(&loaded.model, &params).unwrap());
            prop_assert_eq!(&plan.mentorship, &again.mentorship);
        }
    }
}
