//! Adapters for published benchmark formats, turning them into trappa instances.

use super::limits::MAX_ASSIGNMENT_SIZE;
use super::ValidationCode as Code;
use crate::format::*;
use chrono::NaiveDate;

/// Errors of an adapter, with the line where the input went wrong and a code of
/// `docs/errors.md` (`E001`: the text does not follow the format; `E070`: over a size limit).
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {code} {}: {message}", code.kind())]
pub struct AdapterError {
    /// 1-based line number.
    pub line: usize,
    /// The code, e.g. `E001`.
    pub code: Code,
    /// What is wrong and what was expected.
    pub message: String,
}

/// Reads an OR-Library assignment file (J. E. Beasley): the size n, then the n×n integer cost
/// matrix row by row (numbers may wrap over lines). Returns the matrix. n is at most
/// [`MAX_ASSIGNMENT_SIZE`], and the matrix grows only as the text supplies numbers.
pub fn parse_assignment(text: &str) -> Result<(usize, Vec<f64>), AdapterError> {
    let syntax = |line: usize, message: String| AdapterError { line, code: Code::Syntax, message };
    let mut tokens = text.lines().enumerate().flat_map(|(i, l)| l.split_whitespace().map(move |t| (i + 1, t)));
    let (line, first) = tokens.next().ok_or_else(|| syntax(1, "empty file; expected the size n".into()))?;
    let n: usize = first.parse().map_err(|_| syntax(line, format!("expected the size n, found \"{first}\"")))?;
    if n == 0 {
        return Err(syntax(line, "size 0: expected the size n ≥ 1".into()));
    }
    if n > MAX_ASSIGNMENT_SIZE {
        let message = format!("size {n} is over the limit MAX_ASSIGNMENT_SIZE = {MAX_ASSIGNMENT_SIZE} (docs/limits.md)");
        return Err(AdapterError { line, code: Code::SizeLimit, message });
    }
    // Each number takes at least two bytes of the text (a digit and a separator).
    let mut costs = Vec::with_capacity((n * n).min(text.len() / 2 + 1));
    let mut last_line = line;
    for (line, t) in tokens {
        last_line = line;
        if costs.len() == n * n {
            return Err(syntax(line, format!("more than {n}×{n} = {} costs", n * n)));
        }
        let c: f64 = t.parse().map_err(|_| syntax(line, format!("expected a number, found \"{t}\"")))?;
        if !c.is_finite() {
            return Err(syntax(line, format!("cost \"{t}\" is not finite")));
        }
        costs.push(c);
    }
    if costs.len() != n * n {
        return Err(syntax(last_line, format!("found {} costs, expected {n}×{n} = {}", costs.len(), n * n)));
    }
    Ok((n, costs))
}

/// Builds an instance from an n×n cost matrix: n mentors of capacity 1 and n mentees, each in
/// a unit and municipality of its own, with the matrix as explicit pair costs (row = mentee,
/// column = mentor) and no balance term, so the matching optimum equals the assignment optimum.
pub fn assignment_instance(name: &str, n: usize, costs: &[f64]) -> InstanceFile {
    let start = NaiveDate::from_ymd_opt(2027, 1, 11).expect("valid date");
    let end = NaiveDate::from_ymd_opt(2027, 12, 17).expect("valid date");
    let width = n.to_string().len();
    let municipalities = vec![MunicipalitySpec {
        id: "m".into(),
        name: "Benchmark".into(),
        population: 0,
        lat: 59.0,
        lon: 15.0,
        cost_share: None,
        cost_split: None,
        meeting_venue: None,
        subregion: None,
    }];
    let mut units = Vec::new();
    let mut participants = Vec::new();
    let mut mentors = Vec::new();
    let mut pair_costs = Vec::with_capacity(n * n);
    for i in 0..n {
        let id = format!("{:0width$}", i + 1);
        units.push(UnitSpec { id: format!("u-p{id}"), name: None, municipality: "m".into(), headcount: 1 });
        units.push(UnitSpec { id: format!("u-m{id}"), name: None, municipality: "m".into(), headcount: 1 });
        participants.push(ParticipantSpec {
            id: format!("p{id}"),
            name: format!("Mentee {id}"),
            unit: format!("u-p{id}"),
            role: Role::SocialSecretary,
            profession_start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date"),
            employment_start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date"),
            unavailable: vec![],
            interests: vec![],
            wants_mentor: true,
        });
        mentors.push(MentorSpec {
            id: format!("m{id}"),
            name: format!("Mentor {id}"),
            unit: format!("u-m{id}"),
            capacity: 1,
            trained: true,
            years_in_profession: 10.0,
            expertise: vec![],
            unavailable: vec![],
            max_travel_minutes: None,
            history: vec![],
        });
    }
    for r in 0..n {
        for c in 0..n {
            pair_costs.push(PairCost {
                mentor: format!("m{:0width$}", c + 1),
                mentee: format!("p{:0width$}", r + 1),
                cost: costs[r * n + c],
            });
        }
    }
    let round = RoundSpec { name: name.into(), start, end, meeting_times: Default::default() };
    let region = RegionSpec { name: "Benchmark".into(), municipalities, units, travel: TravelSpec::default() };
    InstanceFile {
        participants,
        mentors,
        mentorship: MentorshipRules { same_municipality: SameMunicipality::Allowed, pair_costs, ..MentorshipRules::default() },
        weights: Weights { balance: 0.0, ..Weights::default() },
        ..InstanceFile::new(round, region)
    }
}

/// Builds an instance from an MDGPLIB grouping problem (n elements, group size ranges and the
/// pairwise diversity): n participants, each in a unit of their own, and one reflection-group
/// programme without leaders whose explicit pair weights are the diversities and whose
/// travel weight is 0, so the programme's objective equals the benchmark's.
pub fn mdgp_instance(name: &str, problem: &crate::format::benchmark::MdgpInstance) -> InstanceFile {
    let mut file = assignment_instance(name, 0, &[]);
    let n = problem.n;
    let width = n.to_string().len().max(3);
    let pid = |i: usize| format!("p{:0width$}", i + 1);
    file.region.units =
        (0..n).map(|i| UnitSpec { id: format!("u{:0width$}", i + 1), name: None, municipality: "m".into(), headcount: 1 }).collect();
    file.participants = (0..n)
        .map(|i| ParticipantSpec {
            id: pid(i),
            name: format!("Element {}", i + 1),
            unit: format!("u{:0width$}", i + 1),
            role: Role::SocialSecretary,
            profession_start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date"),
            employment_start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date"),
            unavailable: vec![],
            interests: vec![],
            wants_mentor: false,
        })
        .collect();
    let mut pair_weights = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            pair_weights.push(PairWeight { a: pid(i), b: pid(j), w: problem.weights[i * n + j] });
        }
    }
    file.group_programmes = vec![GroupProgrammeSpec {
        group_sizes: Some(problem.group_bounds.iter().map(|&(min, max)| SizeRange { min, max }).collect()),
        max_per_unit: None,
        leader_required: false,
        venue: Some("m".into()),
        diversity: DiversityWeights { travel_per_minute: 0.0, ..DiversityWeights::default() },
        pair_weights,
        pair_weights_only: true,
        ..GroupProgrammeSpec::new("mdgp", format!("MDGP {name}"), GroupKind::Reflection)
    }];
    file
}
