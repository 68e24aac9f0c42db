//! The source programmes shipped in `instances/program/` (Yrkesresan, Halland, Jönköping's
//! "Närd inte tärd", Uppsala's staircase): each file is what its generator prints, each loads,
//! solves (fixed work budgets, no time limit: the same plan on any machine), passes the
//! independent checker, serves everyone in scope or lists them with a reason, renders a report
//! naming the programme's parts, and visibly honours the programme's own rule.

mod common;

#[allow(dead_code)]
#[path = "../examples/programmes.rs"]
mod programmes;

use chrono::NaiveDate;
use common::{assert_valid, root};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use trappa::format::plan::PlanFile;
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::report::html::{self, ReportOptions};
use trappa::solve::timetable::TimetableStrategy;
use trappa::solve::{self, SolveParams};
use trappa::write::plan::plan_file;

/// A solved programme: the instance (loaded and as JSON), the checked plan (and as JSON).
struct Solved {
    loaded: LoadedInstance,
    inst: Value,
    plan: PlanFile,
    json: Value,
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().expect("a date"), "%Y-%m-%d").expect("a valid date")
}

fn solve_programme(name: &str) -> Solved {
    let text = std::fs::read_to_string(programmes::instance_path(&root(), name)).unwrap();
    let loaded = load_instance_text(&text, &format!("{name}.json")).unwrap_or_else(|e| panic!("{name}: {e}"));
    // The greedy timetable and the groups' and matching's fixed budgets: no clock involved.
    let params = SolveParams { seed: 1, timetable_strategy: TimetableStrategy::Greedy, ..Default::default() };
    let solution = solve::solve(&loaded.model, &params).unwrap_or_else(|e| panic!("{name}: {e}"));
    let plan = plan_file(&loaded, &format!("{name}.json"), &solution);
    assert_valid(&loaded, &plan);
    let inst = serde_json::from_str(&text).unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    Solved { loaded, inst, plan, json }
}

fn solved(name: &'static str) -> &'static Solved {
    static CELLS: [OnceLock<Solved>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = programmes::PROGRAMMES.iter().position(|p| *p == name).expect("a shipped programme");
    CELLS[i].get_or_init(|| solve_programme(name))
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// The phase id of someone who entered the profession on `start`, on `day` (365.25-day years).
fn phase_on(inst: &Value, start: NaiveDate, day: NaiveDate) -> String {
    let years = (day - start).num_days() as f64 / 365.25;
    let mut phase = String::new();
    for ph in list(inst, "phases") {
        if years >= ph["min_years"].as_f64().unwrap() {
            phase = s(&ph["id"]).to_string();
        }
    }
    phase
}

/// Every seventh day of the round.
fn round_days(inst: &Value) -> Vec<NaiveDate> {
    let (a, b) = (date(&inst["round"]["start"]), date(&inst["round"]["end"]));
    a.iter_days().step_by(7).take_while(|d| *d <= b).chain(std::iter::once(b)).collect()
}

/// Everyone in scope is served or listed with a reason: course demand (individual plans and
/// phase defaults), mentees, group programmes (their members' scope worked out here from the
/// file) and new hires' introduktörer.
fn assert_everyone_served_or_listed(name: &str, x: &Solved) {
    let (inst, plan) = (&x.inst, &x.json);
    let by_id: BTreeMap<&str, &Value> = list(inst, "participants").iter().map(|p| (s(&p["id"]), p)).collect();
    let people = &by_id;
    let days = round_days(inst);
    let mut wanted: BTreeSet<(String, String)> =
        list(inst, "demand").iter().map(|d| (s(&d["participant"]).into(), s(&d["course"]).into())).collect();
    let done: BTreeSet<(String, String)> =
        list(inst, "course_history").iter().map(|d| (s(&d["participant"]).into(), s(&d["course"]).into())).collect();
    for pd in list(inst, "phase_demand") {
        let course = list(inst, "courses").iter().find(|c| c["id"] == pd["course"]).unwrap();
        let roles = list(course, "roles");
        for p in people.values() {
            let in_phase = days.iter().any(|d| phase_on(inst, date(&p["profession_start"]), *d) == s(&pd["phase"]));
            let role_ok = roles.is_empty() || roles.contains(&p["role"]);
            let key = (s(&p["id"]).to_string(), s(&pd["course"]).to_string());
            if in_phase && role_ok && !done.contains(&key) {
                wanted.insert(key);
            }
        }
    }
    let tt = &plan["timetable"];
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    for sess in list(tt, "sessions") {
        for a in list(sess, "attendees") {
            covered.insert((s(a).into(), s(&sess["course"]).into()));
        }
    }
    for u in list(tt, "unserved") {
        assert!(!s(&u["reason"]).is_empty() && !s(&u["message"]).is_empty(), "{name}: unserved without a reason: {u}");
        covered.insert((s(&u["participant"]).into(), s(&u["course"]).into()));
    }
    let missing: Vec<_> = wanted.difference(&covered).collect();
    assert!(missing.is_empty(), "{name}: course demand neither served nor listed: {missing:?}");

    // Mentees.
    let mut mentees: BTreeSet<&str> = list(&plan["mentorship"], "pairs").iter().map(|p| s(&p["mentee"])).collect();
    mentees.extend(list(&plan["mentorship"], "unmatched").iter().map(|u| s(&u["mentee"])));
    mentees.extend(list(&plan["mentorship"], "not_eligible").iter().map(|u| s(&u["participant"])));
    for p in people.values().filter(|p| p["wants_mentor"] == true) {
        assert!(mentees.contains(s(&p["id"])), "{name}: {} wants a mentor and is not listed", p["id"]);
    }

    // Group programmes.
    for gp in list(inst, "group_programmes") {
        let gplan =
            list(plan, "groups").iter().find(|g| g["programme"] == gp["id"]).unwrap_or_else(|| panic!("{name}: {} not planned", gp["id"]));
        let mut listed: BTreeSet<&str> = list(gplan, "groups").iter().flat_map(|g| list(g, "members").iter().map(s)).collect();
        listed.extend(list(gplan, "unserved").iter().map(|u| s(&u["participant"])));
        listed.extend(list(gplan, "not_eligible").iter().map(|u| s(&u["participant"])));
        let scope: Vec<&str> = if let Some(course) = gp.get("linked_course") {
            let phases = list(&gp["eligibility"], "phases");
            list(tt, "sessions")
                .iter()
                .filter(|x| x["course"] == *course)
                .flat_map(|x| {
                    let first = date(&x["dates"][0]);
                    list(x, "attendees").iter().map(s).filter(move |a| {
                        phases.is_empty() || phases.iter().any(|ph| s(ph) == phase_on(inst, date(&people[a]["profession_start"]), first))
                    })
                })
                .collect()
        } else if let Some(enrolled) = gp.get("enrolled") {
            enrolled.as_array().unwrap().iter().map(s).collect()
        } else {
            let phases = list(&gp["eligibility"], "phases");
            let min_months = gp["eligibility"]["min_months"].as_f64().unwrap_or(0.0);
            people
                .values()
                .filter(|p| {
                    let start = date(&p["profession_start"]);
                    days.iter().any(|d| {
                        let months = (*d - start).num_days() as f64 / (365.25 / 12.0);
                        months >= min_months && (phases.is_empty() || phases.iter().any(|ph| s(ph) == phase_on(inst, start, *d)))
                    })
                })
                .map(|p| s(&p["id"]))
                .collect()
        };
        let missing: Vec<&&str> = scope.iter().filter(|p| !listed.contains(**p)).collect();
        assert!(missing.is_empty(), "{name}: {} neither grouped nor listed: {missing:?}", gp["id"]);
    }

    // Introduktörer: every new hire of the round (one of the introduced years in the round).
    let years = list(&inst["introduction"], "hours_per_week").len() as i64;
    if years > 0 {
        let intro = &plan["introduction"];
        let mut listed: BTreeSet<&str> = list(intro, "assignments").iter().map(|a| s(&a["hire"])).collect();
        listed.extend(list(intro, "unserved").iter().map(|u| s(&u["hire"])));
        let (start, end) = (date(&inst["round"]["start"]), date(&inst["round"]["end"]));
        for p in people.values() {
            let hired = date(&p["employment_start"]);
            let until = hired.checked_add_months(chrono::Months::new(12 * years as u32)).unwrap();
            if hired <= end && until > start {
                assert!(listed.contains(s(&p["id"])), "{name}: new hire {} has neither an introduktör nor a reason", p["id"]);
            }
        }
    }
}

/// The report renders and names the round and the programme's parts: every course that runs,
/// every group programme, and the mentors' part when there are pairs.
fn assert_report_names_the_parts(name: &str, x: &Solved) {
    let page = html::render(&x.plan, &x.loaded.file, &x.loaded.model, ReportOptions::default());
    assert!(page.contains(&html::esc(s(&x.inst["round"]["name"]))), "{name}: the report does not name the round");
    let running: BTreeSet<&str> = list(&x.json["timetable"], "sessions").iter().map(|t| s(&t["course"])).collect();
    for c in list(&x.inst, "courses").iter().filter(|c| running.contains(s(&c["id"]))) {
        assert!(page.contains(&html::esc(s(&c["name"]))), "{name}: the report does not name the course {}", c["name"]);
    }
    for g in list(&x.inst, "group_programmes") {
        assert!(page.contains(&html::esc(s(&g["name"]))), "{name}: the report does not name the group programme {}", g["name"]);
    }
    for pair in list(&x.json["mentorship"], "pairs").iter().take(3) {
        let mentor = list(&x.inst, "mentors").iter().find(|m| m["id"] == pair["mentor"]).unwrap();
        assert!(page.contains(&html::esc(s(&mentor["name"]))), "{name}: the report does not name the mentor {}", mentor["name"]);
    }
}

fn assert_common(name: &'static str) -> &'static Solved {
    let x = solved(name);
    assert_everyone_served_or_listed(name, x);
    assert_report_names_the_parts(name, x);
    x
}

/// The distinct start dates of a course.
fn starts(x: &Solved, course: &str) -> Vec<NaiveDate> {
    let set: BTreeSet<NaiveDate> =
        list(&x.json["timetable"], "sessions").iter().filter(|t| t["course"] == course).map(|t| date(&t["dates"][0])).collect();
    set.into_iter().collect()
}

#[test]
fn shipped_programme_files_are_what_the_generator_prints() {
    for name in programmes::PROGRAMMES {
        let source = std::fs::read_to_string(programmes::source_path(&root(), name)).unwrap();
        let shipped = std::fs::read_to_string(programmes::instance_path(&root(), name)).unwrap();
        assert!(
            programmes::build(&source) == shipped,
            "{name}: instances/program/{name}.json differs from `cargo run --example programmes -- {name}`"
        );
    }
}

#[test]
fn yrkesresan_spreads_four_or_more_introduction_starts_over_the_year() {
    let x = assert_common("yrkesresan");
    let inst = &x.inst;
    assert_eq!(list(&inst["region"], "municipalities").len(), 36);
    let subregions: BTreeSet<&str> = list(&inst["region"], "municipalities").iter().map(|m| s(&m["subregion"])).collect();
    assert_eq!(subregions.len(), 3);
    let people = list(inst, "participants").len();
    assert!((550..=650).contains(&people), "{people} participants");
    let intro = starts(x, "introduktion");
    assert!((4..=6).contains(&intro.len()), "introduction starts: {intro:?}");
    assert!(intro.windows(2).all(|w| (w[1] - w[0]).num_days() >= 35), "starts too close: {intro:?}");
    let quarters: BTreeSet<u32> = intro.iter().map(|d| chrono::Datelike::month0(d) / 3).collect();
    assert!(quarters.len() >= 3, "starts bunched in {quarters:?}: {intro:?}");
    // Hires of the year are in scope: the last start is after the summer.
    assert!(intro.last().is_some_and(|d| chrono::Datelike::month(d) >= 8), "{intro:?}");
    // Göteborgsregionen's agreement covers its 13 members only; the other 23 pay their own.
    let members: Vec<&Value> = list(&inst["region"], "municipalities").iter().filter(|m| m["cost_split"] == "Göteborgsregionen").collect();
    assert_eq!(members.len(), 13);
    let shares: f64 = members.iter().map(|m| m["cost_share"].as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 0.005);
    let paid = x.json["cost"]["municipalities"].as_object().unwrap();
    assert!(paid.keys().any(|k| members.iter().all(|m| m["id"] != k.as_str())), "no municipality outside the agreement pays");
}

#[test]
fn halland_draws_the_deepening_groups_from_the_child_interview_cohort() {
    let x = assert_common("halland");
    let inst = &x.inst;
    assert_eq!(list(inst, "phases").len(), 4);
    let sessions: BTreeMap<&str, &Value> = list(&x.json["timetable"], "sessions").iter().map(|t| (s(&t["id"]), t)).collect();
    let linked = list(&x.json, "groups").iter().find(|g| g["programme"] == "fordjupningsgrupper").unwrap();
    assert!(!list(linked, "groups").is_empty(), "no deepening group formed");
    for g in list(linked, "groups") {
        let session = sessions[s(&g["session"])];
        assert_eq!(session["course"], "barnsamtal");
        assert_eq!(g["start"], session["dates"][0]);
        for m in list(g, "members") {
            assert!(list(session, "attendees").contains(m), "{m} in {} is not in the cohort {}", g["id"], g["session"]);
        }
        assert!(list(g, "meetings").iter().all(|d| date(d) >= date(&g["start"])));
    }
    // The year-long course runs over most of the year.
    for t in sessions.values().filter(|t| t["course"] == "barnsamtal") {
        let dates = list(t, "dates");
        assert!((date(dates.last().unwrap()) - date(&dates[0])).num_days() >= 180, "barnsamtal {} is not year-long", t["id"]);
    }
    // Introduction within three months of employment.
    let people: BTreeMap<&str, &Value> = list(inst, "participants").iter().map(|p| (s(&p["id"]), p)).collect();
    for t in sessions.values().filter(|t| t["course"] == "introduktion") {
        let last = date(list(t, "dates").last().unwrap());
        for a in list(t, "attendees") {
            let hired = date(&people[s(a)]["employment_start"]);
            assert!(last < hired.checked_add_months(chrono::Months::new(3)).unwrap(), "{a} gets the introduction after three months");
        }
    }
    // 40,000 kr per participant.
    assert_eq!(x.json["cost"]["parts"]["programme_fees"].as_f64().unwrap(), 40_000.0 * people.len() as f64);
    // Specialists in several roles: participants who are also introduktör, mentor, trainer or leader.
    let ids = |k: &str| -> BTreeSet<&str> { list(inst, k).iter().map(|p| s(&p["id"])).collect() };
    for role in ["mentors", "introducers", "trainers", "group_leaders"] {
        assert!(ids("participants").intersection(&ids(role)).next().is_some(), "no participant is also in {role}");
    }
}

#[test]
fn jonkoping_gives_nobody_two_development_areas_in_one_term() {
    let x = assert_common("jonkoping");
    let inst = &x.inst;
    let people = list(inst, "participants").len();
    assert!((280..=330).contains(&people), "{people} participants");
    let area: BTreeMap<&str, &str> =
        list(inst, "courses").iter().map(|c| (s(&c["id"]), c.get("area").map(s).unwrap_or(s(&c["id"])))).collect();
    let eight = ["ratt", "krissamtal", "barn", "natverk", "missbruk", "overgrepp", "lvu", "utvpsyk"];
    let mut per_term: BTreeMap<(&str, String), BTreeSet<&str>> = BTreeMap::new();
    let mut days = 0;
    let mut run: BTreeSet<&str> = BTreeSet::new();
    for t in list(&x.json["timetable"], "sessions") {
        let first = date(&t["dates"][0]);
        let term = format!("{}-{}", chrono::Datelike::year(&first), if chrono::Datelike::month(&first) <= 6 { "VT" } else { "HT" });
        days += list(t, "dates").len();
        run.insert(s(&t["course"]));
        for a in list(t, "attendees") {
            per_term.entry((s(a), term.clone())).or_default().insert(area[s(&t["course"])]);
        }
    }
    for ((p, term), areas) in &per_term {
        assert!(areas.len() <= 1, "{p} has {areas:?} in {term}");
    }
    assert!(eight.iter().all(|c| run.contains(c)), "not all eight courses run: {run:?}");
    assert!(days >= 80, "only {days} course days in 2.5 years");
    // Courses spread over the round: no term holds more than half the course days.
    let mut by_half: BTreeMap<String, usize> = BTreeMap::new();
    for t in list(&x.json["timetable"], "sessions") {
        for d in list(t, "dates") {
            let d = date(d);
            *by_half.entry(format!("{}-{}", chrono::Datelike::year(&d), chrono::Datelike::month(&d) <= 6)).or_default() += 1;
        }
    }
    assert!(by_half.len() >= 5 && by_half.values().all(|&n| 2 * n <= days), "course days by term: {by_half:?}");
}

#[test]
fn uppsala_supervision_members_are_six_months_in_on_their_group_start() {
    let x = assert_common("uppsala");
    let inst = &x.inst;
    let people: BTreeMap<&str, &Value> = list(inst, "participants").iter().map(|p| (s(&p["id"]), p)).collect();
    let round_start = date(&inst["round"]["start"]);
    let supervision = list(&x.json, "groups").iter().find(|g| g["programme"] == "yrkeshandledning").unwrap();
    let mut cohort_starts = BTreeSet::new();
    for g in list(supervision, "groups") {
        let start = g.get("start").filter(|v| !v.is_null()).map(date).unwrap_or(round_start);
        cohort_starts.insert(start);
        for m in list(g, "members") {
            let entered = date(&people[s(m)]["profession_start"]);
            let months = (start - entered).num_days() as f64 / (365.25 / 12.0);
            assert!(months >= 6.0 - 0.1, "{m} is {months:.1} months in on {start}");
        }
        assert!(list(g, "meetings").len() >= 8, "{} meets {} times", g["id"], list(g, "meetings").len());
    }
    assert!(cohort_starts.len() >= 2, "supervision groups start only on {cohort_starts:?}");
    // Introduktörer: 4 h/week in year one, 2 h/week in year two.
    for a in list(&x.json["introduction"], "assignments") {
        for period in list(a, "periods") {
            let expect = if period["year"] == 1 { 4.0 } else { 2.0 };
            assert_eq!(period["hours_per_week"].as_f64().unwrap(), expect);
        }
    }
    assert!(!list(&x.json["introduction"], "assignments").is_empty());
    // Mentors who themselves get training and supervision: mentor-participants attend the mentor
    // course and meet in the mentors' network.
    let mentors: BTreeSet<&str> =
        list(&x.json["mentorship"], "pairs").iter().map(|p| s(&p["mentor"])).filter(|m| people.contains_key(m)).collect();
    assert!(!mentors.is_empty(), "no mentor is a participant");
    let trained: BTreeSet<&str> = list(&x.json["timetable"], "sessions")
        .iter()
        .filter(|t| t["course"] == "mentorutbildning")
        .flat_map(|t| list(t, "attendees").iter().map(s))
        .collect();
    let network = list(&x.json, "groups").iter().find(|g| g["programme"] == "mentornatverk").unwrap();
    let networked: BTreeSet<&str> = list(network, "groups").iter().flat_map(|g| list(g, "members").iter().map(s)).collect();
    assert!(mentors.iter().any(|m| trained.contains(m) && networked.contains(m)), "no mentor is both trained and in the network");
}

/// Cohorts start only while the months left hold the minimum of monthly meetings, counting
/// months with working days: Uppsala's summer break closes July 2028, so a cohort on
/// 2028-05-16 (eight calendar months left, seven with working days) would get seven of its
/// eight meetings.
#[test]
fn supervision_cohorts_start_only_while_their_meetings_fit_around_the_summer_break() {
    let x = solved("uppsala");
    let supervision = list(&x.json, "groups").iter().find(|g| g["programme"] == "yrkeshandledning").unwrap();
    for g in list(supervision, "groups") {
        assert!(g.get("shortfall").is_none_or(Value::is_null), "{}: {}", g["id"], g["shortfall"]);
    }
    let starts: BTreeSet<&str> = list(supervision, "groups").iter().map(|g| s(&g["start"])).collect();
    assert!(!starts.contains("2028-05-16"), "a cohort starts on 2028-05-16: {starts:?}");
    let later: Vec<&Value> = list(supervision, "unserved").iter().filter(|u| u["reason"] == "eligible_later").collect();
    assert!(!later.is_empty(), "those eligible after the last start are listed");
}
