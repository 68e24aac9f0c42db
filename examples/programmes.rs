//! Writes the programme instances of `instances/program/`: each is its hand-written structure
//! (`instances/program/source/<name>.json`: round, calendar, municipalities, phases, courses,
//! groups, costs, rules) with synthetic people filled in by a seeded generator, following the
//! `people` block of the source file (counts, phase mix, roles, who holds several roles).
//!
//! ```text
//! cargo run --example programmes -- yrkesresan        # prints the instance
//! cargo run --example programmes -- --write           # rewrites every instances/program/*.json
//! ```
//! The same source gives the same file, byte for byte (`tests/programmes.rs` checks the shipped
//! files against it).

use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// The programmes shipped, by file name.
pub const PROGRAMMES: [&str; 4] = ["yrkesresan", "halland", "jonkoping", "uppsala"];

const FIRST: [&str; 24] = [
    "Anna", "Maria", "Sara", "Emma", "Johanna", "Elin", "Karin", "Linnea", "Ida", "Fatima", "Amira", "Hanna", "Erik", "Johan", "Anders",
    "Ahmed", "Karl", "Oskar", "Mikael", "Jonas", "Ali", "Lars", "Petra", "Sofia",
];
const LAST: [&str; 20] = [
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
    "Lindberg",
    "Hassan",
    "Mohammed",
    "Berg",
    "Lund",
];
const TAGS: [&str; 8] =
    ["barnsamtal", "missbruk", "vald", "juridik", "utvecklingspsykologi", "placering", "familjebehandling", "dokumentation"];

/// The source file of a programme.
pub fn source_path(root: &Path, name: &str) -> PathBuf {
    root.join("instances/program/source").join(format!("{name}.json"))
}

/// The shipped instance of a programme.
pub fn instance_path(root: &Path, name: &str) -> PathBuf {
    root.join("instances/program").join(format!("{name}.json"))
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().expect("a date"), "%Y-%m-%d").expect("a valid date")
}

fn num(p: &Value, key: &str) -> f64 {
    p.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

fn count(p: &Value, key: &str) -> usize {
    num(p, key) as usize
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array).map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect()).unwrap_or_default()
}

fn name(rng: &mut ChaCha8Rng) -> String {
    format!("{} {}", FIRST[rng.gen_range(0..FIRST.len())], LAST[rng.gen_range(0..LAST.len())])
}

fn tags(rng: &mut ChaCha8Rng, n: usize) -> Vec<&'static str> {
    let mut t: Vec<&str> = TAGS.choose_multiple(rng, n).copied().collect();
    t.sort();
    t
}

/// `n` split over weights by largest remainder, at least one each while `n` allows.
fn split(weights: &[f64], n: usize) -> Vec<usize> {
    let total: f64 = weights.iter().sum();
    let min = usize::from(n >= weights.len());
    let rest = n - min * weights.len();
    let exact: Vec<f64> = weights.iter().map(|w| w / total * rest as f64).collect();
    let mut out: Vec<usize> = exact.iter().map(|e| min + e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let short = n - out.iter().sum::<usize>();
    for &i in order.iter().take(short) {
        out[i] += 1;
    }
    out
}

/// A person of the round as the generator sees it.
struct Person {
    id: String,
    name: String,
    unit: String,
    muni: usize,
    /// Years in the profession on the round's start (negative: enters during the round).
    years: f64,
    role: &'static str,
}

/// The units and participants, municipality by municipality by population.
fn participants(
    rng: &mut ChaCha8Rng,
    p: &Value,
    munis: &[Value],
    start: NaiveDate,
    end: NaiveDate,
) -> (Vec<Value>, Vec<Person>, Vec<Value>) {
    let n = count(p, "participants");
    let hires = count(p, "hires");
    let weights: Vec<f64> = munis.iter().map(|m| num(m, "population")).collect();
    let per_muni = split(&weights, n + hires);
    let unit_size = count(p, "unit_size").max(4);
    let mix: Vec<(f64, f64, f64)> = p["phase_mix"]
        .as_array()
        .expect("phase_mix")
        .iter()
        .map(|r| (r[0].as_f64().unwrap(), r[1].as_f64().unwrap(), r[2].as_f64().unwrap()))
        .collect();
    let mix_counts = split(&mix.iter().map(|m| m.2).collect::<Vec<_>>(), n);
    let mut kinds: Vec<Option<usize>> = mix_counts.iter().enumerate().flat_map(|(k, &c)| std::iter::repeat_n(Some(k), c)).collect();
    kinds.extend(std::iter::repeat_n(None, hires));
    kinds.shuffle(rng);
    let executor = num(p, "executor_share");
    let manager = num(p, "manager_share");
    let (mlo, mhi) = p.get("mentee_years").map(|v| (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())).unwrap_or((2.0, 5.0));
    let mentee_share = num(p, "mentee_share");
    let width = (n + hires).to_string().len().max(3);
    let round_days = (end - start).num_days();
    let (mut units, mut people, mut records) = (Vec::new(), Vec::new(), Vec::new());
    let mut k = 0;
    for (mi, &c) in per_muni.iter().enumerate() {
        let m = &munis[mi];
        let mid = m["id"].as_str().unwrap();
        let n_units = c.div_ceil(unit_size).max(1);
        for u in 0..n_units {
            let share = c / n_units + usize::from(u < c % n_units);
            units.push(json!({"id": format!("{mid}-{:02}", u + 1), "name": format!("{} barn och unga {}", m["name"].as_str().unwrap(), u + 1), "municipality": mid, "headcount": share + 6}));
        }
        for j in 0..c {
            let kind = kinds[k];
            k += 1;
            let id = format!("p{k:0width$}");
            let unit = format!("{mid}-{:02}", j % n_units + 1);
            let (profession_start, employment_start, years) = match kind {
                Some(kk) => {
                    let (lo, hi, _) = mix[kk];
                    let years: f64 = rng.gen_range(lo + 0.02..hi - 0.02);
                    let ps = start - Duration::days((years * 365.25) as i64);
                    let es = ps + Duration::days((rng.gen_range(0.0..years) * 365.25 * 0.6) as i64);
                    (ps, es, years)
                }
                None => {
                    let days = rng.gen_range(0..round_days * 9 / 10);
                    let joins = start + Duration::days(days);
                    (joins, joins, -(days as f64) / 365.25)
                }
            };
            let x: f64 = rng.gen();
            let role = if x < manager {
                "first_line_manager"
            } else if x < manager + executor {
                "executor"
            } else {
                "social_secretary"
            };
            let person = Person { id: id.clone(), name: name(rng), unit: unit.clone(), muni: mi, years, role };
            let wants = role != "first_line_manager" && years >= mlo && years < mhi && rng.gen_bool(mentee_share.clamp(0.0, 1.0));
            let mut r = json!({"id": id, "name": person.name, "unit": unit, "role": role, "profession_start": profession_start.to_string(), "employment_start": employment_start.to_string()});
            if rng.gen_bool(0.3) {
                let from = start + Duration::days(rng.gen_range(0..round_days - 14));
                r["unavailable"] = json!([{"from": from.to_string(), "to": (from + Duration::days(rng.gen_range(3..14))).to_string(), "reason": "ledighet"}]);
            }
            let k = rng.gen_range(1..3);
            r["interests"] = json!(tags(rng, k));
            if wants {
                r["wants_mentor"] = json!(true);
            }
            records.push(r);
            people.push(person);
        }
    }
    (units, people, records)
}

/// Experienced participants picked for extra roles (`from_participants`), the most senior
/// of a shuffled list first, each picked once over all roles.
fn pick_senior(rng: &mut ChaCha8Rng, people: &[Person], taken: &mut Vec<usize>, min_years: f64, n: usize) -> Vec<usize> {
    let mut pool: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].years >= min_years && people[i].role != "first_line_manager" && !taken.contains(&i))
        .collect();
    pool.shuffle(rng);
    pool.truncate(n);
    pool.sort();
    taken.extend(&pool);
    pool
}

fn mentors(rng: &mut ChaCha8Rng, p: &Value, people: &[Person], taken: &mut Vec<usize>, units: &[Value]) -> Vec<Value> {
    let n = count(p, "mentors");
    let senior = p.get("senior_years").and_then(Value::as_f64).unwrap_or(5.0);
    let from = pick_senior(rng, people, taken, senior, count(p, "mentors_from_participants").min(n));
    let caps = [1, 2, 2, 3];
    let mut out = Vec::new();
    for j in 0..n {
        let (id, nm, unit, years) = match from.get(j) {
            Some(&i) => (people[i].id.clone(), people[i].name.clone(), people[i].unit.clone(), (people[i].years * 10.0).round() / 10.0),
            None => (
                format!("m{:03}", j + 1),
                name(rng),
                units[rng.gen_range(0..units.len())]["id"].as_str().unwrap().to_string(),
                (rng.gen_range(5.0..25.0f64) * 10.0).round() / 10.0,
            ),
        };
        out.push(json!({"id": id, "name": nm, "unit": unit, "capacity": caps[rng.gen_range(0..caps.len())], "trained": true, "years_in_profession": years.max(5.0), "expertise": tags(rng, 3)}));
    }
    out
}

fn introducers(rng: &mut ChaCha8Rng, p: &Value, people: &[Person], taken: &mut Vec<usize>, units: &[Value]) -> Vec<Value> {
    let per_unit = count(p, "introducers_per_unit");
    let mut out = Vec::new();
    for u in units {
        let uid = u["id"].as_str().unwrap();
        let mut pool: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].unit == uid && people[i].years >= 3.0 && people[i].role != "first_line_manager" && !taken.contains(&i))
            .collect();
        pool.shuffle(rng);
        for j in 0..per_unit {
            match pool.get(j) {
                Some(&i) => {
                    taken.push(i);
                    out.push(json!({"id": people[i].id, "name": people[i].name, "unit": uid, "capacity": 2}));
                }
                None => out.push(json!({"id": format!("i-{uid}-{}", j + 1), "name": name(rng), "unit": uid, "capacity": 2})),
            }
        }
    }
    out
}

fn trainers(rng: &mut ChaCha8Rng, p: &Value, courses: &[Value], people: &[Person], taken: &mut Vec<usize>, munis: &[Value]) -> Vec<Value> {
    let per_course = count(p, "trainers_per_course");
    let specialists = pick_senior(rng, people, taken, 6.0, count(p, "trainers_from_participants"));
    let mut out = Vec::new();
    for c in courses {
        let cid = c["id"].as_str().unwrap();
        for j in 0..per_course {
            let internal = j % 2 == 0;
            let muni = munis[rng.gen_range(0..munis.len())]["id"].clone();
            out.push(json!({"id": format!("t-{cid}-{}", j + 1), "name": name(rng), "internal": internal, "municipality": muni, "courses": [cid], "max_days": 40, "day_rate": if internal { 3000 } else { 9000 }}));
        }
    }
    for &i in &specialists {
        let all = strings(p.get("specialist_courses"));
        out.push(json!({"id": people[i].id, "name": people[i].name, "internal": true, "municipality": munis[people[i].muni]["id"], "courses": all, "max_days": 20, "day_rate": 3000}));
    }
    out
}

fn venues(p: &Value, munis: &[Value]) -> Vec<Value> {
    let min_pop = num(p, "venue_min_population");
    let mut out = Vec::new();
    for m in munis {
        let pop = num(m, "population");
        if pop >= min_pop {
            let rooms = if pop >= 8.0 * min_pop.max(1.0) { 2 } else { 1 };
            for r in 0..rooms {
                out.push(json!({"id": format!("{}-sal-{}", m["id"].as_str().unwrap(), r + 1), "name": format!("{} kommunhus, sal {}", m["name"].as_str().unwrap(), r + 1), "municipality": m["id"], "capacity": 30}));
            }
        }
    }
    out
}

fn group_leaders(rng: &mut ChaCha8Rng, p: &Value, people: &[Person], taken: &mut Vec<usize>, munis: &[Value]) -> Vec<Value> {
    let weights: Vec<f64> = munis.iter().map(|m| num(m, "population").sqrt()).collect();
    let mut out = Vec::new();
    for (g, spec) in p["group_leaders"].as_array().cloned().unwrap_or_default().iter().enumerate() {
        let n = count(spec, "count");
        let quals = spec["qualifications"].clone();
        let max_groups = count(spec, "max_groups").max(1);
        let from = pick_senior(rng, people, taken, 6.0, count(spec, "from_participants").min(n));
        let per_muni = split(&weights, n - from.len());
        for &i in &from {
            out.push(json!({"id": people[i].id, "name": people[i].name, "municipality": munis[people[i].muni]["id"], "qualifications": quals, "max_groups": max_groups}));
        }
        let mut j = 0;
        for (mi, &c) in per_muni.iter().enumerate() {
            for _ in 0..c {
                j += 1;
                out.push(json!({"id": format!("l{}-{j:02}", g + 1), "name": name(rng), "municipality": munis[mi]["id"], "qualifications": quals, "max_groups": max_groups}));
            }
        }
    }
    out
}

/// Individual plans: each participant in the years range picks some of the listed courses;
/// managers get the courses for their role; mentors who participate get `mentor_courses`.
fn demand(rng: &mut ChaCha8Rng, p: &Value, source: &Map<String, Value>, people: &[Person], mentor_ids: &[String]) -> Vec<Value> {
    let mut out = Vec::new();
    let courses = source.get("courses").and_then(Value::as_array).cloned().unwrap_or_default();
    let phases: Vec<(String, f64)> = source["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|ph| (ph["id"].as_str().unwrap().to_string(), num(ph, "min_years")))
        .collect();
    let round_years = (date(&source["round"]["end"]) - date(&source["round"]["start"])).num_days() as f64 / 365.25;
    let phase_of = |y: f64| phases.iter().rev().find(|(_, min)| y >= *min).map(|(id, _)| id.clone()).unwrap_or_default();
    // A course is offered to someone whose phase at the round's start or end it admits.
    let admits = |course: &str, years: f64| {
        let c = courses.iter().find(|c| c["id"] == course).expect("a listed course");
        let allowed = strings(c.get("phases"));
        allowed.is_empty() || allowed.contains(&phase_of(years)) || allowed.contains(&phase_of(years + round_years - 0.25))
    };
    let ind = &p["individual"];
    let list = strings(ind.get("courses"));
    let (lo, hi) = ind.get("years").map(|v| (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())).unwrap_or((2.0, 100.0));
    let (kmin, kmax) = ind.get("per_person").map(|v| (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize)).unwrap_or((0, 0));
    let role_courses: Vec<&Value> =
        courses.iter().filter(|c| c["roles"].as_array().is_some_and(|r| r.iter().any(|x| x == "first_line_manager"))).collect();
    let mentor_courses = strings(p.get("mentor_courses"));
    for person in people {
        if person.role == "first_line_manager" {
            for c in &role_courses {
                out.push(json!({"participant": person.id, "course": c["id"], "priority": "high"}));
            }
        } else if person.years >= lo && person.years < hi && !list.is_empty() && kmax > 0 {
            let open: Vec<&String> = list.iter().filter(|c| admits(c, person.years)).collect();
            let k = rng.gen_range(kmin..=kmax).min(open.len());
            let mut picked: Vec<&String> = open.choose_multiple(rng, k).copied().collect();
            picked.sort();
            for c in picked {
                out.push(json!({"participant": person.id, "course": c, "priority": if rng.gen_bool(0.4) { "high" } else { "normal" }}));
            }
        }
        if mentor_ids.contains(&person.id) {
            for c in &mentor_courses {
                out.push(json!({"participant": person.id, "course": c, "priority": "high"}));
            }
        }
    }
    out
}

/// Course history: the phase defaults with a deadline whose window closed before the round
/// were taken then (`course_history`), so the round's scope is who can still take them.
fn history(source: &Value, records: &[Value], start: NaiveDate) -> Vec<Value> {
    let mut out = Vec::new();
    let courses = source["courses"].as_array().cloned().unwrap_or_default();
    for d in source["phase_demand"].as_array().cloned().unwrap_or_default() {
        let Some(c) = courses.iter().find(|c| c["id"] == d["course"]) else { continue };
        let Some(months) = c["deadline_months"].as_u64() else { continue };
        for r in records {
            let es = date(&r["employment_start"]);
            if es.checked_add_months(chrono::Months::new(months as u32)).is_some_and(|d| d < start) {
                out.push(json!({"participant": r["id"], "course": c["id"]}));
            }
        }
    }
    out
}

/// The instance of one programme from its source file's text.
pub fn build(source_text: &str) -> String {
    let mut source: Map<String, Value> = serde_json::from_str(source_text).expect("a JSON object");
    let p = source.remove("people").expect("a people block");
    let mut rng = ChaCha8Rng::seed_from_u64(p["seed"].as_u64().unwrap_or(1));
    let start = date(&source["round"]["start"]);
    let end = date(&source["round"]["end"]);
    let munis = source["region"]["municipalities"].as_array().cloned().expect("municipalities");
    let (units, people, records) = participants(&mut rng, &p, &munis, start, end);
    let mut taken = Vec::new();
    let mentor_list = mentors(&mut rng, &p, &people, &mut taken, &units);
    let mentor_ids: Vec<String> =
        mentor_list.iter().filter_map(|m| m["id"].as_str().map(String::from)).filter(|id| id.starts_with('p')).collect();
    let intro = introducers(&mut rng, &p, &people, &mut taken, &units);
    let courses = source.get("courses").and_then(Value::as_array).cloned().unwrap_or_default();
    let leaders = group_leaders(&mut rng, &p, &people, &mut taken, &munis);
    let trainer_list = if courses.is_empty() { vec![] } else { trainers(&mut rng, &p, &courses, &people, &mut taken, &munis) };
    let demand_list = demand(&mut rng, &p, &source, &people, &mentor_ids);
    let history_list = history(&Value::Object(source.clone()), &records, start);
    if let Some(enrol) = p.get("mentor_group").and_then(Value::as_str) {
        for g in source.get_mut("group_programmes").and_then(Value::as_array_mut).expect("group_programmes") {
            if g["id"] == enrol {
                g["enrolled"] = json!(mentor_ids);
            }
        }
    }
    let mut out = Map::new();
    for (k, v) in source {
        let region = k == "region";
        out.insert(k, v);
        if region {
            out["region"]["units"] = json!(units);
        }
    }
    out.insert("participants".into(), json!(records));
    out.insert("mentors".into(), json!(mentor_list));
    if !intro.is_empty() {
        out.insert("introducers".into(), json!(intro));
    }
    if !leaders.is_empty() {
        out.insert("group_leaders".into(), json!(leaders));
    }
    if !courses.is_empty() {
        out.insert("trainers".into(), json!(trainer_list));
        out.insert("venues".into(), json!(venues(&p, &munis)));
        out.insert("demand".into(), json!(demand_list));
        out.insert("course_history".into(), json!(history_list));
    }
    serde_json::to_string_pretty(&Value::Object(out)).expect("serialisable") + "\n"
}

#[allow(dead_code)]
fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let names: Vec<&str> = if write { PROGRAMMES.to_vec() } else { args.iter().map(String::as_str).collect() };
    if names.is_empty() {
        eprintln!("usage: programmes NAME… | --write   (names: {})", PROGRAMMES.join(", "));
        std::process::exit(2);
    }
    for n in names {
        let text = match std::fs::read_to_string(source_path(&root, n)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", source_path(&root, n).display());
                std::process::exit(2);
            }
        };
        let out = build(&text);
        if write {
            std::fs::write(instance_path(&root, n), out).expect("writable instances/program");
        } else {
            print!("{out}");
        }
    }
}
