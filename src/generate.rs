//! Realistic round generator: Swedish regions from the bundled municipality table, units sized
//! like real ones, a phase mix like the sources' and a mentor pool among the experienced.
//!
//! Same options and seed → byte-identical file. The national region has 290 municipalities:
//! the 39 real ones of the bundled table plus synthetic ones ("Kommun 040" …) placed and sized
//! like Swedish municipalities in general, since the table covers four regions only.

use crate::io::format::*;
use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const MUNICIPALITIES_CSV: &str = include_str!("../data/municipalities.csv");

/// A region the generator knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GenRegion {
    /// Göteborgsregionen: 13 municipalities.
    Gr,
    /// Jönköpings län: 13 municipalities.
    Jonkoping,
    /// Uppsala län: 8 municipalities.
    Uppsala,
    /// Halland: 6 municipalities.
    Halland,
    /// All of Sweden: 290 municipalities.
    National,
}

/// Options of the generator.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Region.
    pub region: GenRegion,
    /// Number of participants.
    pub participants: usize,
    /// Participants in the practised phase who want a mentor; default about a quarter.
    pub mentees: Option<usize>,
    /// Number of mentors; default enough for the mentees at the mean capacity, plus a margin.
    pub mentors: Option<usize>,
    /// Capacity of every mentor; default 1–3 (mostly 2).
    pub mentor_capacity: Option<i64>,
    /// Seed.
    pub seed: u64,
    /// Also generate courses, trainers, venues, demand and course history.
    pub courses: bool,
    /// One spring term instead of a whole year.
    pub term: bool,
}

/// Errors of the generator.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// Options that cannot be honoured.
    #[error("{0}")]
    Options(String),
}

struct Row {
    region: String,
    name: String,
    population: i64,
    lat: f64,
    lon: f64,
    share: Option<f64>,
}

fn table() -> Vec<Row> {
    MUNICIPALITIES_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Some(Row {
                region: f.first()?.to_string(),
                name: f.get(1)?.to_string(),
                population: f.get(2)?.parse().ok()?,
                lat: f.get(3)?.parse().ok()?,
                lon: f.get(4)?.parse().ok()?,
                share: f.get(5).and_then(|s| s.trim().parse::<f64>().ok()).map(|p| p / 100.0),
            })
        })
        .collect()
}

/// An ASCII id from a Swedish name: "Mölndal" → "molndal", "Lilla Edet" → "lilla-edet".
pub fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect()
}

const FIRST: &[&str] = &[
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Johanna", "Malin", "Ida", "Åsa", "Linnéa", "Sofia", "Elin", "Hanna",
    "Märta", "Ebba", "Lars", "Erik", "Anders", "Johan", "Per", "Mikael", "Björn", "Jonas", "Göran", "Håkan", "Ali", "Amina", "Fatima", "Yusuf",
    "Leila", "Nils", "Oskar", "Jörgen", "Ylva", "Agnes", "Saga", "Ingrid",
];
const LAST: &[&str] = &[
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson",
    "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Öberg", "Åberg", "Ström",
    "Sjöberg", "Forsberg", "Hassan", "Mohammed", "Ali", "Lundqvist", "Björk", "Håkansson", "Sandström",
];
const TAGS: &[&str] = &[
    "barnsamtal", "lvu", "utredning", "motiverande-samtal", "barnrätt", "dokumentation", "familjehem", "våld-i-nära-relationer", "missbruk",
    "utvecklingspsykologi", "ensamkommande", "hedersrelaterat",
];

/// Generates a round.
pub fn generate(opts: &GenOptions) -> Result<InstanceFile, GenError> {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    if opts.participants == 0 {
        return Err(GenError::Options("--participants must be at least 1".into()));
    }
    if let Some(k) = opts.mentees {
        if k > opts.participants {
            return Err(GenError::Options(format!("--mentees {k} exceeds --participants {}", opts.participants)));
        }
    }
    if matches!(opts.mentor_capacity, Some(c) if c < 1) {
        return Err(GenError::Options("--mentor-capacity must be at least 1".into()));
    }
    let (region_name, mut munis) = municipalities(opts.region, &mut rng);
    let start = NaiveDate::from_ymd_opt(2027, 1, 11).expect("valid date");
    let end = NaiveDate::from_ymd_opt(2027, 12, 17).expect("valid date");

    // People per municipality by population (largest remainder), at least one where possible.
    let mentees = opts.mentees.unwrap_or(opts.participants * 23 / 100);
    let cap_mean = opts.mentor_capacity.map(|c| c as f64).unwrap_or(2.0);
    let n_mentors = opts.mentors.unwrap_or(((mentees as f64 / cap_mean) * 1.15).ceil() as usize + 1);
    let total_pop: i64 = munis.iter().map(|m| m.population).sum();
    let split = |n: usize| -> Vec<usize> {
        let quotas: Vec<f64> = munis.iter().map(|m| n as f64 * m.population as f64 / total_pop as f64).collect();
        let mut counts: Vec<usize> = quotas.iter().map(|q| q.floor() as usize).collect();
        let mut rest: Vec<(f64, usize)> = quotas.iter().enumerate().map(|(i, q)| (q - q.floor(), i)).collect();
        rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let missing = n - counts.iter().sum::<usize>();
        for (_, i) in rest.into_iter().take(missing) {
            counts[i] += 1;
        }
        counts
    };
    let part_counts = split(opts.participants);
    let mentor_counts = split(n_mentors);

    // Units: about 12 staff each; child and youth welfare has roughly 0.55 social secretaries
    // per 1,000 inhabitants (Uppsala: 130 posts for 240,000).
    let mut units = Vec::new();
    let mut unit_of_muni: Vec<Vec<usize>> = Vec::new();
    for (i, m) in munis.iter().enumerate() {
        let people = part_counts[i] + mentor_counts[i];
        let staff = ((m.population as f64 * 0.55 / 1000.0).round() as usize).max(people + people / 3 + 2).max(4);
        let n_units = staff.div_ceil(12).max(1);
        let mut ids = Vec::new();
        for u in 0..n_units {
            let headcount = staff / n_units + usize::from(u < staff % n_units);
            ids.push(units.len());
            units.push(UnitSpec {
                id: format!("{}-{:02}", m.id, u + 1),
                name: Some(format!("{} barn och unga {}", m.name, u + 1)),
                municipality: m.id.clone(),
                headcount: headcount as i64,
            });
        }
        unit_of_muni.push(ids);
    }
    let mut unit_load = vec![0i64; units.len()];
    let mut pick_unit = |rng: &mut ChaCha8Rng, muni: usize, units: &Vec<UnitSpec>| -> String {
        let ids = &unit_of_muni[muni];
        // Fill units at random, never past the headcount.
        let open: Vec<usize> = ids.iter().copied().filter(|&u| unit_load[u] < units[u].headcount).collect();
        let u = *open.choose(rng).unwrap_or(&ids[0]);
        unit_load[u] += 1;
        units[u].id.clone()
    };
    let name = |rng: &mut ChaCha8Rng| format!("{} {}", FIRST.choose(rng).unwrap_or(&"Anna"), LAST.choose(rng).unwrap_or(&"Andersson"));
    let tags = |rng: &mut ChaCha8Rng, lo: usize, hi: usize| -> Vec<String> {
        let k = rng.gen_range(lo..=hi);
        let mut t: Vec<String> = TAGS.choose_multiple(rng, k).map(|s| s.to_string()).collect();
        t.sort();
        t
    };
    let unavailable = |rng: &mut ChaCha8Rng| -> Vec<DateOrRange> {
        let mut v = Vec::new();
        if rng.gen_bool(0.25) {
            let from = start + Duration::days(rng.gen_range(0..300));
            v.push(DateOrRange::Range { from, to: from + Duration::days(rng.gen_range(2..14)), reason: Some("ledighet".into()) });
        }
        for _ in 0..rng.gen_range(0..3) {
            v.push(DateOrRange::Date(start + Duration::days(rng.gen_range(0..340))));
        }
        v
    };

    // Phases: the sources' mix (Yrkesresan: 377 new, 235 practised), plus experienced staff.
    let mut kinds: Vec<u8> = Vec::with_capacity(opts.participants); // 0 new, 1 practised+mentor, 2 practised, 3 experienced
    kinds.extend(std::iter::repeat_n(1, mentees));
    let rest = opts.participants - mentees;
    for i in 0..rest {
        let x = (i as f64 + 0.5) / rest as f64;
        kinds.push(if x < 0.62 { 0 } else if x < 0.8 { 2 } else { 3 });
    }
    kinds.shuffle(&mut rng);
    let mut participants = Vec::with_capacity(opts.participants);
    let mut k = 0;
    let width = opts.participants.to_string().len().max(3);
    for (mi, &count) in part_counts.iter().enumerate() {
        for _ in 0..count {
            let kind = kinds[k];
            k += 1;
            let years: f64 = match kind {
                0 => rng.gen_range(0.05..1.95),
                1 | 2 => rng.gen_range(2.05..4.95),
                _ => rng.gen_range(5.05..25.0),
            };
            let profession_start = start - Duration::days((years * 365.25) as i64);
            let employment_start = profession_start + Duration::days((rng.gen_range(0.0..years) * 365.25 * 0.5) as i64);
            participants.push(ParticipantSpec {
                id: format!("p{:0width$}", k),
                name: name(&mut rng),
                unit: pick_unit(&mut rng, mi, &units),
                role: if rng.gen_bool(0.9) { Role::SocialSecretary } else if rng.gen_bool(0.5) { Role::Executor } else { Role::FirstLineManager },
                profession_start,
                employment_start,
                unavailable: unavailable(&mut rng),
                interests: tags(&mut rng, 1, 3),
                wants_mentor: kind == 1 || (kind == 0 && rng.gen_bool(0.05)),
            });
        }
    }
    let mut mentors = Vec::with_capacity(n_mentors);
    let mwidth = n_mentors.to_string().len().max(3);
    let mut j = 0;
    for (mi, &count) in mentor_counts.iter().enumerate() {
        for _ in 0..count {
            j += 1;
            let history = if rng.gen_bool(0.1) && !participants.is_empty() {
                vec![participants[rng.gen_range(0..participants.len())].id.clone()]
            } else {
                vec![]
            };
            mentors.push(MentorSpec {
                id: format!("m{:0mwidth$}", j),
                name: name(&mut rng),
                unit: pick_unit(&mut rng, mi, &units),
                capacity: opts.mentor_capacity.unwrap_or_else(|| [1, 2, 2, 2, 3][rng.gen_range(0..5)]),
                trained: rng.gen_bool(0.92),
                years_in_profession: (rng.gen_range(5.0..30.0f64) * 10.0).round() / 10.0,
                expertise: tags(&mut rng, 2, 4),
                unavailable: unavailable(&mut rng),
                max_travel_minutes: if rng.gen_bool(0.4) { Some([45.0, 60.0, 90.0, 120.0][rng.gen_range(0..4)]) } else { None },
                history,
            });
        }
    }
    for m in &mut munis {
        m.cost_share = m.cost_share.map(|s| (s * 1000.0).round() / 1000.0);
    }
    Ok(InstanceFile {
        format: "trappa-instance".into(),
        version: FORMAT_VERSION,
        round: RoundSpec { name: format!("{region_name} mentorskap 2027"), start, end },
        calendar: CalendarSpec {
            closed: vec![DateOrRange::Range {
                from: NaiveDate::from_ymd_opt(2027, 6, 28).expect("valid date"),
                to: NaiveDate::from_ymd_opt(2027, 8, 6).expect("valid date"),
                reason: Some("sommaruppehåll".into()),
            }],
        },
        region: RegionSpec { name: region_name, municipalities: munis, units, travel: TravelSpec::default() },
        phases: default_phases(),
        participants,
        mentors,
        mentorship: MentorshipRules::default(),
        weights: Weights::default(),
        courses: vec![],
        trainers: vec![],
        venues: vec![],
        demand: vec![],
        phase_demand: vec![],
        course_history: vec![],
        workload: WorkloadRules::default(),
    })
}

fn municipalities(region: GenRegion, rng: &mut ChaCha8Rng) -> (String, Vec<MunicipalitySpec>) {
    let rows = table();
    let want = match region {
        GenRegion::Gr => Some("Göteborgsregionen"),
        GenRegion::Jonkoping => Some("Jönköpings län"),
        GenRegion::Uppsala => Some("Uppsala län"),
        GenRegion::Halland => Some("Halland"),
        GenRegion::National => None,
    };
    let mut out: Vec<MunicipalitySpec> = Vec::new();
    for r in rows.iter().filter(|r| want.is_none_or(|w| r.region == w)) {
        let id = slug(&r.name);
        if out.iter().any(|m| m.id == id) {
            continue; // Kungsbacka belongs to both Göteborgsregionen and Halland.
        }
        out.push(MunicipalitySpec {
            id,
            name: r.name.clone(),
            population: r.population,
            lat: r.lat,
            lon: r.lon,
            cost_share: if want.is_some() { r.share } else { None },
        });
    }
    if let Some(w) = want {
        return (w.to_string(), out);
    }
    let real = out.len();
    for i in real..290 {
        // Most Swedes live in the south: latitude skewed towards 55–60 °N; longitude within
        // the country's rough outline at that latitude.
        let u: f64 = rng.gen();
        let lat = 55.4 + 12.0 * u.powf(1.8);
        let lon_lo = 11.8 + (lat - 55.4) * 0.35;
        let lon_hi = 16.0 + (lat - 55.4) * 0.75;
        let lon = rng.gen_range(lon_lo..lon_hi);
        let population = (4000.0 * (rng.gen::<f64>() * 3.0).exp()).round() as i64;
        out.push(MunicipalitySpec {
            id: format!("kommun-{:03}", i + 1),
            name: format!("Kommun {:03}", i + 1),
            population,
            lat: (lat * 1000.0).round() / 1000.0,
            lon: (lon * 1000.0).round() / 1000.0,
            cost_share: None,
        });
    }
    ("Sverige".to_string(), out)
}
