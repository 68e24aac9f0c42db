//! Realistic round generator: Swedish regions from the bundled municipality table, units sized
//! like real ones, a phase mix like the sources' and a mentor pool among the experienced.
//!
//! Same options and seed → byte-identical file. The four regions come from the bundled table
//! `data/municipalities.csv` (with Göteborgsregionen's cost shares); the national region has
//! Sweden's 290 municipalities from `data/kommuner.csv` (SCB population 2024, the seats'
//! coordinates; sources and attribution in `data/kommuner.md`).

use crate::format::*;
use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const MUNICIPALITIES_CSV: &str = include_str!("../data/municipalities.csv");
const KOMMUNER_CSV: &str = include_str!("../data/kommuner.csv");

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
    /// Yrkesresan's 36 municipalities in three sub-regions: Göteborgsregionen (13), Skaraborg
    /// (15) and Sjuhärad (8).
    Yrkesresan,
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
    /// Leave out group programmes and leaders (a mentorship-only round).
    pub no_groups: bool,
    /// Also generate courses, trainers, venues, demand and course history.
    pub courses: bool,
    /// One spring term instead of a whole year.
    pub term: bool,
}

impl GenOptions {
    /// A whole year of `participants` in `region` with mentorship and group programmes, no
    /// courses, and the default numbers of mentees and mentors.
    pub fn new(region: GenRegion, participants: usize, seed: u64) -> Self {
        GenOptions {
            region,
            participants,
            mentees: None,
            mentors: None,
            mentor_capacity: None,
            seed,
            no_groups: false,
            courses: false,
            term: false,
        }
    }
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
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Johanna", "Malin", "Ida", "Åsa", "Linnéa", "Sofia", "Elin",
    "Hanna", "Märta", "Ebba", "Lars", "Erik", "Anders", "Johan", "Per", "Mikael", "Björn", "Jonas", "Göran", "Håkan", "Ali", "Amina",
    "Fatima", "Yusuf", "Leila", "Nils", "Oskar", "Jörgen", "Ylva", "Agnes", "Saga", "Ingrid",
];
const LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Öberg",
    "Åberg",
    "Ström",
    "Sjöberg",
    "Forsberg",
    "Hassan",
    "Mohammed",
    "Ali",
    "Lundqvist",
    "Björk",
    "Håkansson",
    "Sandström",
];
const TAGS: &[&str] = &[
    "barnsamtal",
    "lvu",
    "utredning",
    "motiverande-samtal",
    "barnrätt",
    "dokumentation",
    "familjehem",
    "våld-i-nära-relationer",
    "missbruk",
    "utvecklingspsykologi",
    "ensamkommande",
    "hedersrelaterat",
];

/// Generates a round.
pub fn generate(opts: &GenOptions) -> Result<InstanceFile, GenError> {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    check_options(opts)?;
    let (region_name, mut munis) = municipalities(opts.region);
    let start = NaiveDate::from_ymd_opt(2027, 1, 11).expect("valid date");
    let end = if opts.term { NaiveDate::from_ymd_opt(2027, 6, 11) } else { NaiveDate::from_ymd_opt(2027, 12, 17) }.expect("valid date");

    // People per municipality by population (largest remainder), at least one where possible.
    let mentees = opts.mentees.unwrap_or(opts.participants * 23 / 100);
    let cap_mean = opts.mentor_capacity.map(|c| c as f64).unwrap_or(2.0);
    let n_mentors = opts.mentors.unwrap_or(((mentees as f64 / cap_mean) * 1.15).ceil() as usize + 1);
    let part_counts = split_by_population(&munis, opts.participants);
    let mentor_counts = split_by_population(&munis, n_mentors);
    let mut units = Units::new(&munis, &part_counts, &mentor_counts);

    let kinds = phase_kinds(opts.participants, mentees, &mut rng);
    let participants = participants(&mut rng, &mut units, &part_counts, &kinds, start);
    let mentors = mentors(&mut rng, &mut units, &mentor_counts, &participants, n_mentors, opts.mentor_capacity, start);
    for m in &mut munis {
        m.cost_share = m.cost_share.map(|s| (s * 1000.0).round() / 1000.0);
        // The bundled shares (adding up to 1) are the region's cost-sharing agreement.
        m.cost_split = m.cost_share.map(|_| region_name.clone());
    }
    let (mut group_programmes, mut group_leaders) = groups(&mut rng, opts, &participants, &munis, start);
    if opts.no_groups {
        group_programmes.clear();
        group_leaders.clear();
    }
    let mentorship = if opts.term {
        // A term touches six months: four to five monthly meetings fit.
        MentorshipRules { min_meetings: 4, max_meetings: 5, ..MentorshipRules::default() }
    } else {
        MentorshipRules::default()
    };
    let round = RoundSpec {
        name: match (opts.courses, opts.term) {
            (true, true) => format!("{region_name} kompetensutveckling VT 2027"),
            (true, false) => format!("{region_name} kompetensutveckling 2027"),
            _ => format!("{region_name} mentorskap 2027"),
        },
        start,
        end,
        meeting_times: Default::default(),
    };
    let region = RegionSpec { name: region_name, municipalities: munis, units: units.specs, travel: TravelSpec::default() };
    let mut file = InstanceFile {
        calendar: CalendarSpec {
            closed: vec![DateOrRange::Range {
                from: NaiveDate::from_ymd_opt(2027, 6, 28).expect("valid date"),
                to: NaiveDate::from_ymd_opt(2027, 8, 6).expect("valid date"),
                reason: Some("sommaruppehåll".into()),
            }],
        },
        participants,
        mentors,
        mentorship,
        group_programmes,
        group_leaders,
        ..InstanceFile::new(round, region)
    };
    if opts.courses {
        add_courses(&mut file, opts.seed);
    }
    Ok(file)
}

/// Refuses options that cannot be honoured.
fn check_options(opts: &GenOptions) -> Result<(), GenError> {
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
    Ok(())
}

/// `n` people shared among the municipalities by population (largest remainder).
fn split_by_population(munis: &[MunicipalitySpec], n: usize) -> Vec<usize> {
    let total_pop: i64 = munis.iter().map(|m| m.population).sum();
    let quotas: Vec<f64> = munis.iter().map(|m| n as f64 * m.population as f64 / total_pop as f64).collect();
    let mut counts: Vec<usize> = quotas.iter().map(|q| q.floor() as usize).collect();
    let mut rest: Vec<(f64, usize)> = quotas.iter().enumerate().map(|(i, q)| (q - q.floor(), i)).collect();
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = n - counts.iter().sum::<usize>();
    for (_, i) in rest.into_iter().take(missing) {
        counts[i] += 1;
    }
    counts
}

/// The units of the region and how many people have been placed in each.
struct Units {
    /// The units, municipality by municipality.
    specs: Vec<UnitSpec>,
    /// The units of each municipality (indices into `specs`).
    of_muni: Vec<Vec<usize>>,
    /// People placed in each unit so far.
    load: Vec<i64>,
}

impl Units {
    /// Units of about 12 staff each; child and youth welfare has roughly 0.55 social
    /// secretaries per 1,000 inhabitants (Uppsala: 130 posts for 240,000).
    fn new(munis: &[MunicipalitySpec], part_counts: &[usize], mentor_counts: &[usize]) -> Self {
        let mut specs = Vec::new();
        let mut of_muni: Vec<Vec<usize>> = Vec::new();
        for (i, m) in munis.iter().enumerate() {
            let people = part_counts[i] + mentor_counts[i];
            let staff = ((m.population as f64 * 0.55 / 1000.0).round() as usize).max(people + people / 3 + 2).max(4);
            let n_units = staff.div_ceil(12).max(1);
            let mut ids = Vec::new();
            for u in 0..n_units {
                let headcount = staff / n_units + usize::from(u < staff % n_units);
                ids.push(specs.len());
                specs.push(UnitSpec {
                    id: format!("{}-{:02}", m.id, u + 1),
                    name: Some(format!("{} barn och unga {}", m.name, u + 1)),
                    municipality: m.id.clone(),
                    headcount: headcount as i64,
                });
            }
            of_muni.push(ids);
        }
        let load = vec![0i64; specs.len()];
        Units { specs, of_muni, load }
    }

    /// A unit of municipality `muni` for one more person: at random, never past the headcount.
    fn pick(&mut self, rng: &mut ChaCha8Rng, muni: usize) -> String {
        let ids = &self.of_muni[muni];
        let open: Vec<usize> = ids.iter().copied().filter(|&u| self.load[u] < self.specs[u].headcount).collect();
        let u = *open.choose(rng).unwrap_or(&ids[0]);
        self.load[u] += 1;
        self.specs[u].id.clone()
    }
}

/// A first and a last name.
fn person_name(rng: &mut ChaCha8Rng) -> String {
    format!("{} {}", FIRST.choose(rng).unwrap_or(&"Anna"), LAST.choose(rng).unwrap_or(&"Andersson"))
}

/// `lo` to `hi` distinct tags, sorted.
fn tags(rng: &mut ChaCha8Rng, lo: usize, hi: usize) -> Vec<String> {
    let k = rng.gen_range(lo..=hi);
    let mut t: Vec<String> = TAGS.choose_multiple(rng, k).map(|s| s.to_string()).collect();
    t.sort();
    t
}

/// Sometimes a leave of a few days, and up to two single days away.
fn unavailable(rng: &mut ChaCha8Rng, start: NaiveDate) -> Vec<DateOrRange> {
    let mut v = Vec::new();
    if rng.gen_bool(0.25) {
        let from = start + Duration::days(rng.gen_range(0..300));
        v.push(DateOrRange::Range { from, to: from + Duration::days(rng.gen_range(2..14)), reason: Some("ledighet".into()) });
    }
    for _ in 0..rng.gen_range(0..3) {
        v.push(DateOrRange::Date(start + Duration::days(rng.gen_range(0..340))));
    }
    v
}

/// The kind of each participant, shuffled: 0 new, 1 practised and wanting a mentor, 2
/// practised, 3 experienced. The sources' mix (Yrkesresan: 377 new, 235 practised), plus
/// experienced staff.
fn phase_kinds(participants: usize, mentees: usize, rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut kinds: Vec<u8> = Vec::with_capacity(participants);
    kinds.extend(std::iter::repeat_n(1, mentees));
    let rest = participants - mentees;
    for i in 0..rest {
        let x = (i as f64 + 0.5) / rest as f64;
        kinds.push(if x < 0.62 {
            0
        } else if x < 0.8 {
            2
        } else {
            3
        });
    }
    kinds.shuffle(rng);
    kinds
}

/// The participants, municipality by municipality (`counts`), of the given kinds.
fn participants(rng: &mut ChaCha8Rng, units: &mut Units, counts: &[usize], kinds: &[u8], start: NaiveDate) -> Vec<ParticipantSpec> {
    let mut participants = Vec::with_capacity(kinds.len());
    let mut k = 0;
    let width = kinds.len().to_string().len().max(3);
    for (mi, &count) in counts.iter().enumerate() {
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
                name: person_name(rng),
                unit: units.pick(rng, mi),
                role: if rng.gen_bool(0.9) {
                    Role::SocialSecretary
                } else if rng.gen_bool(0.5) {
                    Role::Executor
                } else {
                    Role::FirstLineManager
                },
                profession_start,
                employment_start,
                unavailable: unavailable(rng, start),
                interests: tags(rng, 1, 3),
                wants_mentor: kind == 1 || (kind == 0 && rng.gen_bool(0.05)),
            });
        }
    }
    participants
}

/// The `n_mentors` mentors, municipality by municipality (`counts`); a few mentored one of the
/// participants before.
fn mentors(
    rng: &mut ChaCha8Rng,
    units: &mut Units,
    counts: &[usize],
    participants: &[ParticipantSpec],
    n_mentors: usize,
    capacity: Option<i64>,
    start: NaiveDate,
) -> Vec<MentorSpec> {
    let mut mentors = Vec::with_capacity(n_mentors);
    let mwidth = n_mentors.to_string().len().max(3);
    let mut j = 0;
    for (mi, &count) in counts.iter().enumerate() {
        for _ in 0..count {
            j += 1;
            let history = if rng.gen_bool(0.1) && !participants.is_empty() {
                vec![participants[rng.gen_range(0..participants.len())].id.clone()]
            } else {
                vec![]
            };
            mentors.push(MentorSpec {
                id: format!("m{:0mwidth$}", j),
                name: person_name(rng),
                unit: units.pick(rng, mi),
                capacity: capacity.unwrap_or_else(|| [1, 2, 2, 2, 3][rng.gen_range(0..5)]),
                trained: rng.gen_bool(0.92),
                years_in_profession: (rng.gen_range(5.0..30.0f64) * 10.0).round() / 10.0,
                expertise: tags(rng, 2, 4),
                unavailable: unavailable(rng, start),
                max_travel_minutes: if rng.gen_bool(0.4) { Some([45.0, 60.0, 90.0, 120.0][rng.gen_range(0..4)]) } else { None },
                history,
            });
        }
    }
    mentors
}

/// Group programmes and their leaders: professional supervision for new hires from six months
/// in the profession (monthly, 8–10 meetings, groups of 5–8 mixed across municipalities), and a
/// research circle on child interviews for the practised and experienced.
fn groups(
    rng: &mut ChaCha8Rng,
    opts: &GenOptions,
    participants: &[ParticipantSpec],
    munis: &[MunicipalitySpec],
    start: NaiveDate,
) -> (Vec<GroupProgrammeSpec>, Vec<GroupLeaderSpec>) {
    let supervision_eligible = participants
        .iter()
        .filter(|p| {
            (start - p.profession_start).num_days() as f64 >= 0.5 * 365.25 && (start - p.profession_start).num_days() as f64 / 365.25 < 2.0
        })
        .count();
    let supervision_groups = supervision_eligible.div_ceil(8);
    let circle_groups = (opts.participants / 150).clamp(1, 6);
    let n_supervisors = supervision_groups.div_ceil(2) + 1;
    let n_circle_leaders = circle_groups.div_ceil(2);
    let mut by_size: Vec<usize> = (0..munis.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(munis[i].population));
    let mut group_leaders = Vec::new();
    for k in 0..n_supervisors + n_circle_leaders {
        // Leaders live where people live: the larger municipalities, weighted.
        let home = by_size[rng.gen_range(0..by_size.len().min(6))];
        let circle = k >= n_supervisors;
        group_leaders.push(GroupLeaderSpec {
            id: format!("l{:03}", k + 1),
            name: person_name(rng),
            municipality: munis[home].id.clone(),
            qualifications: if circle { vec!["research_circle".into()] } else { vec!["supervision".into()] },
            max_groups: if circle { 2 } else { [2, 2, 3][rng.gen_range(0..3)] },
            unavailable: unavailable(rng, start),
        });
    }
    (group_programmes(opts.term, circle_groups), group_leaders)
}

/// The two group programmes; the research circle has `circle_groups` groups.
fn group_programmes(term: bool, circle_groups: usize) -> Vec<GroupProgrammeSpec> {
    vec![
        GroupProgrammeSpec {
            eligibility: GroupEligibility { phases: vec!["new".into()], min_months: Some(6.0), ..GroupEligibility::default() },
            min_size: Some(5),
            max_size: Some(8),
            max_per_unit: Some(2),
            // A term touches six months: supervision meets monthly, four to six times.
            meetings: if term {
                GroupMeetingRules { min: 4, max: 6, ..GroupMeetingRules::default() }
            } else {
                GroupMeetingRules::default()
            },
            ..GroupProgrammeSpec::new("handledning", "Yrkeshandledning för nyanställda", GroupKind::Supervision)
        },
        GroupProgrammeSpec {
            eligibility: GroupEligibility {
                phases: vec!["practised".into(), "experienced".into()],
                themes: vec!["barnsamtal".into(), "utvecklingspsykologi".into()],
                ..GroupEligibility::default()
            },
            min_size: Some(8),
            max_size: Some(12),
            groups: Some(circle_groups),
            max_per_municipality: Some(4),
            max_per_unit: Some(2),
            meetings: if term {
                GroupMeetingRules { min: 3, max: 5, ..GroupMeetingRules::default() }
            } else {
                GroupMeetingRules { min: 6, max: 8, ..GroupMeetingRules::default() }
            },
            ..GroupProgrammeSpec::new("fou-cirkel", "FoU-cirkel barnsamtal", GroupKind::ResearchCircle)
        },
    ]
}

/// One course of the generator's catalogue: (id, name, days, pattern, min, max, prerequisite,
/// deadline months).
type CourseTemplate = (&'static str, &'static str, u32, DayPattern, u32, u32, Option<&'static str>, Option<u32>);

/// The course catalogue of the sources: (id, name, days, pattern, min, max, prerequisite,
/// deadline months). Introduction course in the first months of employment (Halland,
/// Yrkesresan), child law 5 days, LVU 2 days, child interviews 3 days, plain-language writing
/// 2 days, motivational interviewing, developmental psychology one day a week (002).
const COURSES: &[CourseTemplate] = &[
    ("introduktion", "Introduktionsutbildning för nyanställda", 5, DayPattern::Consecutive, 8, 24, None, Some(6)),
    ("barnratt", "Barnrätt och socialtjänstlagen", 5, DayPattern::Consecutive, 8, 24, None, None),
    ("lvu", "LVU i praktiken", 2, DayPattern::Consecutive, 8, 24, Some("barnratt"), None),
    ("barnsamtal", "Barnsamtal", 3, DayPattern::Consecutive, 6, 16, None, None),
    ("klarsprak", "Klarspråk i utredningar", 2, DayPattern::Consecutive, 8, 24, None, None),
    ("mi", "Motiverande samtal (MI)", 3, DayPattern::Consecutive, 6, 18, None, None),
    ("utvecklingspsykologi", "Utvecklingspsykologi", 6, DayPattern::Weekly, 8, 24, None, None),
    ("bbic", "Utredning enligt BBIC", 3, DayPattern::Consecutive, 8, 20, None, None),
    ("vald", "Våld i nära relationer", 2, DayPattern::Consecutive, 8, 24, None, None),
    ("familjehem", "Placering och familjehemsvård", 2, DayPattern::Consecutive, 6, 20, None, None),
];

/// Courses each phase asks for in individual plans (phase index: 0 new, 1 practised, 2
/// experienced), with weights.
const WISHES: [&[(&str, u32)]; 3] = [
    &[("barnratt", 5), ("barnsamtal", 3), ("bbic", 3), ("klarsprak", 2)],
    &[("lvu", 3), ("mi", 3), ("barnsamtal", 2), ("klarsprak", 2), ("vald", 2), ("utvecklingspsykologi", 2), ("familjehem", 1)],
    &[("mi", 2), ("vald", 2), ("utvecklingspsykologi", 2), ("familjehem", 2), ("lvu", 1)],
];

/// Adds courses, trainers, venues, individual plans, phase defaults and course history to a
/// generated round. Uses its own random stream, so the people are those of the plain round.
fn add_courses(file: &mut InstanceFile, seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(7);
    file.courses = COURSES.iter().map(course_spec).collect();
    late_arrivals(file, &mut rng);
    file.venues = venues(file, &mut rng);
    file.trainers = trainers(file, &mut rng);
    add_demand(file, &mut rng);
    // Yrkesresan-like limits: a five-day course fits in a month; two courses a round.
    file.workload = WorkloadRules { max_course_days_per_month: 6, max_courses_per_round: Some(2), ..WorkloadRules::default() };
}

/// A course of the catalogue as the instance has it.
fn course_spec(&(id, name, days, pattern, min, max, pre, deadline): &CourseTemplate) -> CourseSpec {
    CourseSpec {
        id: id.into(),
        name: name.into(),
        days,
        pattern,
        min_size: min,
        max_size: max,
        trainers_per_session: 1,
        prerequisites: pre.map(|p| vec![p.to_string()]).unwrap_or_default(),
        deadline_months: deadline,
        max_sessions: None,
        min_starts_per_year: None,
        max_starts_per_year: None,
        min_days_between_starts: None,
        max_days_between_starts: None,
        area: None,
        fixed_cost: if id == "introduktion" { 5000.0 } else { 2000.0 },
        day_cost: 0.0,
        fee_per_participant: 0.0,
        start_time: None,
        end_time: None,
        min_gap_days: 7,
        phases: match id {
            "introduktion" => vec!["new".into()],
            "lvu" | "familjehem" => vec!["practised".into(), "experienced".into()],
            _ => vec![],
        },
        roles: vec![],
        subregions: vec![],
    }
}

/// Phase index of a participant at the round's start: 0 new, 1 practised, 2 experienced.
fn phase_at(start: NaiveDate, p: &ParticipantSpec) -> usize {
    let years = (start - p.profession_start).num_days() as f64 / 365.25;
    if years < 2.0 {
        0
    } else if years < 5.0 {
        1
    } else {
        2
    }
}

/// New hires keep arriving: a few of the newest start during the round's first months.
fn late_arrivals(file: &mut InstanceFile, rng: &mut ChaCha8Rng) {
    let start = file.round.start;
    let round_days = (file.round.end - start).num_days().max(1);
    for p in file.participants.iter_mut() {
        if phase_at(start, p) == 0 && !p.wants_mentor && rng.gen_bool(0.08) {
            let joins = start + Duration::days(rng.gen_range(0..(round_days / 2).max(1)));
            p.employment_start = joins;
            p.profession_start = p.profession_start.min(joins);
        }
    }
}

/// Venues: municipalities get rooms by the square root of their population (D'Hondt), so the
/// largest city has several and small municipalities none.
fn venues(file: &InstanceFile, rng: &mut ChaCha8Rng) -> Vec<VenueSpec> {
    let start = file.round.start;
    let round_days = (file.round.end - start).num_days().max(1);
    let n_venues = (file.participants.len() / 50).clamp(3, 80);
    let mut seats_of: Vec<(usize, usize)> = Vec::new();
    let mut counts = vec![0usize; file.region.municipalities.len()];
    for _ in 0..n_venues {
        let best = (0..counts.len())
            .max_by(|&a, &b| {
                let q = |i: usize| (file.region.municipalities[i].population as f64).sqrt() / (counts[i] + 1) as f64;
                q(a).total_cmp(&q(b)).then(b.cmp(&a))
            })
            .unwrap_or(0);
        counts[best] += 1;
        seats_of.push((best, counts[best]));
    }
    seats_of.sort();
    seats_of
        .iter()
        .map(|&(m, k)| {
            let muni = &file.region.municipalities[m];
            let municipal = rng.gen_bool(0.6);
            VenueSpec {
                id: format!("{}-lokal-{k}", muni.id),
                name: format!("{} {} {k}", muni.name, if municipal { "kommunhus, sal" } else { "konferenscenter, rum" }),
                address: None,
                municipality: muni.id.clone(),
                capacity: [16, 20, 24, 24, 30][rng.gen_range(0..5)],
                day_rate: if municipal { 0.0 } else { [2000.0, 3000.0, 4500.0][rng.gen_range(0..3)] },
                unavailable: if rng.gen_bool(0.3) {
                    let from = start + Duration::days(rng.gen_range(0..round_days));
                    vec![DateOrRange::Range { from, to: from + Duration::days(rng.gen_range(1..10)), reason: Some("uthyrd".into()) }]
                } else {
                    vec![]
                },
            }
        })
        .collect()
}

/// Trainers: internal colleagues lending days (cheap, few days) and procured lecturers.
fn trainers(file: &InstanceFile, rng: &mut ChaCha8Rng) -> Vec<TrainerSpec> {
    let (start, end) = (file.round.start, file.round.end);
    let round_days = (end - start).num_days().max(1);
    let n_trainers = (file.participants.len() / 20).max(10);
    let mut trainers = Vec::with_capacity(n_trainers);
    for i in 0..n_trainers {
        let internal = rng.gen_bool(0.6);
        // Every course gets qualified trainers: the first ones cycle through the catalogue.
        let mut courses = vec![COURSES[i % COURSES.len()].0.to_string()];
        for _ in 0..rng.gen_range(0..3) {
            let c = COURSES[rng.gen_range(0..COURSES.len())].0.to_string();
            if !courses.contains(&c) {
                courses.push(c);
            }
        }
        courses.sort();
        let months = ((end - start).num_days() as f64 / 30.4).max(1.0);
        let max_days = if internal { (months * 2.5).round() as u32 } else { (months * 5.0).round() as u32 };
        let home = &file.region.municipalities[rng.gen_range(0..file.region.municipalities.len())];
        trainers.push(TrainerSpec {
            internal,
            municipality: Some(home.id.clone()),
            id: format!("t{:03}", i + 1),
            name: format!("{} {}", FIRST[rng.gen_range(0..FIRST.len())], LAST[rng.gen_range(0..LAST.len())]),
            courses,
            max_days: max_days.max(6),
            day_rate: if internal { 4000.0 } else { [9000.0, 12000.0, 14000.0][rng.gen_range(0..3)] },
            unavailable: if rng.gen_bool(0.4) {
                let from = start + Duration::days(rng.gen_range(0..round_days));
                vec![DateOrRange::Range { from, to: from + Duration::days(rng.gen_range(3..15)), reason: Some("semester".into()) }]
            } else {
                vec![]
            },
        });
    }
    trainers
}

/// Demand: the introduction course is the new phase's default; individual plans add one or two
/// courses by phase; experienced staff completed child law before.
fn add_demand(file: &mut InstanceFile, rng: &mut ChaCha8Rng) {
    let start = file.round.start;
    file.phase_demand = vec![PhaseDemandSpec { phase: "new".into(), course: "introduktion".into(), priority: Priority::High }];
    let mut demand = Vec::new();
    let mut history = Vec::new();
    for p in &file.participants {
        let ph = phase_at(start, p);
        let employed_months = (start - p.employment_start).num_days() as f64 / 30.4;
        let has_intro = ph == 0 && employed_months < 6.0;
        if ph > 0 || (ph == 0 && employed_months >= 6.0) {
            history.push(CourseRecord { participant: p.id.clone(), course: "introduktion".into() });
        }
        let knows_law = ph == 2 || (ph == 1 && rng.gen_bool(0.8));
        if knows_law {
            history.push(CourseRecord { participant: p.id.clone(), course: "barnratt".into() });
        }
        let wishes = if has_intro { usize::from(rng.gen_bool(0.3)) } else { [0, 1, 1, 1, 2][rng.gen_range(0..5)] };
        for c in wished_courses(rng, ph, wishes, knows_law) {
            let priority = match ph {
                0 => Priority::Normal,
                1 => {
                    if rng.gen_bool(0.3) {
                        Priority::High
                    } else {
                        Priority::Normal
                    }
                }
                _ => {
                    if rng.gen_bool(0.5) {
                        Priority::Low
                    } else {
                        Priority::Normal
                    }
                }
            };
            demand.push(DemandSpec { participant: p.id.clone(), course: c, priority });
        }
    }
    file.demand = demand;
    file.course_history = history;
}

/// Up to `wishes` courses drawn by the weights of phase `ph` (three tries each); child law
/// is left out for those who know it, and comes first for LVU when they do not.
fn wished_courses(rng: &mut ChaCha8Rng, ph: usize, wishes: usize, knows_law: bool) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for _ in 0..wishes * 3 {
        if chosen.len() >= wishes {
            break;
        }
        let list = WISHES[ph];
        let total: u32 = list.iter().map(|x| x.1).sum();
        let mut r = rng.gen_range(0..total);
        let pick = list
            .iter()
            .find(|x| {
                if r < x.1 {
                    true
                } else {
                    r -= x.1;
                    false
                }
            })
            .map(|x| x.0)
            .unwrap_or(list[0].0);
        if chosen.iter().any(|c| c == pick) || (pick == "barnratt" && knows_law) {
            continue;
        }
        // LVU builds on child law: without it, child law comes first in the same plan.
        if pick == "lvu" && !knows_law {
            if chosen.len() + 2 > 2 || chosen.iter().any(|c| c == "barnratt") {
                continue;
            }
            chosen.push("barnratt".into());
        }
        chosen.push(pick.to_string());
    }
    chosen
}

fn municipalities(region: GenRegion) -> (String, Vec<MunicipalitySpec>) {
    let want = match region {
        GenRegion::Gr => "Göteborgsregionen",
        GenRegion::Jonkoping => "Jönköpings län",
        GenRegion::Uppsala => "Uppsala län",
        GenRegion::Halland => "Halland",
        GenRegion::National => return ("Sverige".to_string(), sweden()),
        GenRegion::Yrkesresan => return ("Yrkesresan".to_string(), yrkesresan()),
    };
    let mut out: Vec<MunicipalitySpec> = Vec::new();
    for r in table().iter().filter(|r| r.region == want) {
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
            cost_share: r.share,
            cost_split: None,
            meeting_venue: None,
            subregion: None,
        });
    }
    (want.to_string(), out)
}

/// Sweden's 290 municipalities from `data/kommuner.csv`, in code order. Ids are the names'
/// slugs; where two names share one ("Håbo" and "Habo"), the later also carries its code.
fn sweden() -> Vec<MunicipalitySpec> {
    let mut reader = csv::Reader::from_reader(KOMMUNER_CSV.as_bytes());
    let mut out: Vec<MunicipalitySpec> = Vec::new();
    for record in reader.records().flatten() {
        let field = |i: usize| record.get(i).unwrap_or("");
        let (code, name) = (field(0), field(1));
        let (Ok(population), Ok(lat), Ok(lon)) = (field(4).parse::<i64>(), field(6).parse::<f64>(), field(7).parse::<f64>()) else {
            continue;
        };
        let mut id = slug(name);
        if out.iter().any(|m| m.id == id) {
            id = format!("{id}-{code}");
        }
        out.push(MunicipalitySpec {
            id,
            name: name.to_string(),
            population,
            lat,
            lon,
            cost_share: None,
            cost_split: None,
            meeting_venue: None,
            subregion: None,
        });
    }
    out
}

/// Yrkesresan's sub-regions and their municipalities, as the programme names them.
const YRKESRESAN: [(&str, &[&str]); 3] = [
    (
        "Göteborgsregionen",
        &[
            "Ale",
            "Alingsås",
            "Göteborg",
            "Härryda",
            "Kungsbacka",
            "Kungälv",
            "Lerum",
            "Lilla Edet",
            "Mölndal",
            "Partille",
            "Stenungsund",
            "Tjörn",
            "Öckerö",
        ],
    ),
    (
        "Skaraborg",
        &[
            "Essunga",
            "Falköping",
            "Grästorp",
            "Gullspång",
            "Götene",
            "Hjo",
            "Karlsborg",
            "Lidköping",
            "Mariestad",
            "Skara",
            "Skövde",
            "Tibro",
            "Tidaholm",
            "Töreboda",
            "Vara",
        ],
    ),
    ("Sjuhärad", &["Bollebygd", "Borås", "Herrljunga", "Mark", "Svenljunga", "Tranemo", "Ulricehamn", "Vårgårda"]),
];

/// Yrkesresan's 36 municipalities from `data/kommuner.csv`, each with its sub-region, in the
/// table's code order.
fn yrkesresan() -> Vec<MunicipalitySpec> {
    let subregion = |name: &str| YRKESRESAN.iter().find(|(_, names)| names.contains(&name)).map(|(s, _)| s.to_string());
    sweden()
        .into_iter()
        .filter_map(|mut m| {
            m.subregion = Some(subregion(&m.name)?);
            Some(m)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_region_is_swedens_290_real_municipalities() {
        let (name, munis) = municipalities(GenRegion::National);
        assert_eq!(name, "Sverige");
        assert_eq!(munis.len(), 290);
        let ids: std::collections::BTreeSet<&str> = munis.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids.len(), 290, "every id is unique");
        assert!(munis.iter().all(|m| !m.name.starts_with("Kommun ")), "no synthetic rows");
        // Håbo (0305) and Habo (0643) share a slug: the later carries its code.
        assert!(ids.contains("habo") && ids.contains("habo-0643"));
        let kiruna = munis.iter().find(|m| m.name == "Kiruna").expect("Kiruna");
        assert!(kiruna.lat > 67.0 && kiruna.population > 20_000);
        // SCB: 10.59 million on 31 Dec 2024.
        let total: i64 = munis.iter().map(|m| m.population).sum();
        assert!((10_400_000..10_700_000).contains(&total), "{total}");
    }

    #[test]
    fn yrkesresan_is_36_real_municipalities_in_three_sub_regions() {
        let (name, munis) = municipalities(GenRegion::Yrkesresan);
        assert_eq!(name, "Yrkesresan");
        assert_eq!(munis.len(), 36);
        let count = |s: &str| munis.iter().filter(|m| m.subregion.as_deref() == Some(s)).count();
        assert_eq!((count("Göteborgsregionen"), count("Skaraborg"), count("Sjuhärad")), (13, 15, 8));
        let skovde = munis.iter().find(|m| m.name == "Skövde").expect("Skövde");
        assert_eq!(skovde.subregion.as_deref(), Some("Skaraborg"));
        assert!(skovde.population > 50_000 && (58.0..59.0).contains(&skovde.lat));
    }

    #[test]
    fn a_regional_round_keeps_its_bundled_table_and_cost_shares() {
        let (name, munis) = municipalities(GenRegion::Gr);
        assert_eq!(name, "Göteborgsregionen");
        assert_eq!(munis.len(), 13);
        assert!(munis.iter().all(|m| m.cost_share.is_some()));
    }
}
