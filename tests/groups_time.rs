//! Groups and mentorship in time: eligibility follows the phase and the months in the profession
//! on the activity's dates, cohorts start during the round as people become eligible, compact
//! series, groups drawn from a course session's attendees, two leaders per group. Every solve
//! is checked, and corrupted plans are caught by the checker.

mod common;

use chrono::NaiveDate;
use common::{codes, load, read_json, solve_checked};
use serde_json::{json, Value};
use trappa::format::plan::{GroupProgrammePlan, PlanFile};
use trappa::solve::SolveParams;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Uppsala's region over 2027-08-16 – 2028-06-16 with `people` participants (id, profession
/// start), spread over the five units, nobody wanting a mentor, four supervision leaders and
/// no group programme yet.
fn round(people: &[(&str, &str)]) -> Value {
    let mut v = read_json("instances/uppsala-small.json");
    let units = ["upp-bou-1", "upp-bou-2", "enk-bou", "ost-ifo", "heby-ifo"];
    v["participants"] = people
        .iter()
        .enumerate()
        .map(|(i, (id, start))| {
            json!({"id": id, "name": format!("Person {id}"), "unit": units[i % units.len()], "profession_start": start,
                   "employment_start": start, "wants_mentor": false})
        })
        .collect();
    v["group_leaders"] = json!([
        {"id": "l1", "name": "Lena Lund", "municipality": "uppsala", "qualifications": ["supervision"], "max_groups": 2},
        {"id": "l2", "name": "Lars Berg", "municipality": "enkoping", "qualifications": ["supervision"], "max_groups": 2},
        {"id": "l3", "name": "Lisa Holm", "municipality": "heby", "qualifications": ["supervision"], "max_groups": 2},
        {"id": "l4", "name": "Leo Strand", "municipality": "osthammar", "qualifications": ["supervision"], "max_groups": 2}
    ]);
    v["mentorship"]["exclusions"] = json!([]);
    v
}

/// Supervision from six months in the profession, groups of 3–5 meeting 3–4 times.
fn supervision() -> Value {
    json!({"id": "handledning", "name": "Yrkeshandledning", "kind": "supervision",
           "eligibility": {"min_months": 6.0}, "min_size": 3, "max_size": 5, "max_per_unit": 5,
           "meetings": {"min": 3, "max": 4}})
}

/// Four people past six months at the round's start, four who reach six months on 2027-11-01.
fn early_and_late() -> Vec<(&'static str, &'static str)> {
    vec![
        ("e1", "2026-12-01"),
        ("e2", "2026-11-01"),
        ("e3", "2026-10-01"),
        ("e4", "2026-09-01"),
        ("s1", "2027-05-01"),
        ("s2", "2027-05-01"),
        ("s3", "2027-05-01"),
        ("s4", "2027-05-01"),
    ]
}

fn programme<'a>(plan: &'a PlanFile, id: &str) -> &'a GroupProgrammePlan {
    plan.groups.iter().find(|g| g.programme == id).expect("the programme's plan")
}

fn params() -> SolveParams {
    SolveParams { seed: 5, ..Default::default() }
}

#[test]
fn a_later_cohort_starts_for_those_who_reach_six_months_during_the_round() {
    let mut v = round(&early_and_late());
    let mut prog = supervision();
    prog["cohort_months"] = json!(3);
    v["group_programmes"] = json!([prog]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let p = programme(&plan, "handledning");
    assert!(p.unserved.is_empty(), "everyone reaches a group: {:?}", p.unserved);
    let group_of = |id: &str| p.groups.iter().find(|g| g.members.iter().any(|m| m == id)).expect("grouped");
    // The early ones start with the round; the late ones in the cohort of 2027-11-16, the first
    // cohort start after they reach six months, and meet only from then on.
    assert_eq!(group_of("e1").start, Some(date("2027-08-16")));
    let late = group_of("s1");
    assert_eq!(late.start, Some(date("2027-11-16")));
    assert!(late.meetings.iter().all(|d| *d >= date("2027-11-16")), "{:?}", late.meetings);
    assert!(late.members.iter().all(|m| m.starts_with('s')), "{:?}", late.members);

    // A plan that puts someone into a group before they are eligible is caught.
    let mut bad = plan.clone();
    let gp = bad.groups.iter_mut().find(|g| g.programme == "handledning").unwrap();
    let early = gp.groups.iter_mut().find(|g| g.start == Some(date("2027-08-16"))).unwrap();
    early.members.push("s4".into());
    early.members.sort();
    let later = gp.groups.iter_mut().find(|g| g.start == Some(date("2027-11-16"))).unwrap();
    later.members.retain(|m| m != "s4");
    assert!(codes(&loaded, &bad).contains(&"C071"), "{:?}", codes(&loaded, &bad));
    // So is a group whose meetings begin before its start.
    let mut bad = plan.clone();
    let gp = bad.groups.iter_mut().find(|g| g.programme == "handledning").unwrap();
    let later = gp.groups.iter_mut().find(|g| g.start == Some(date("2027-11-16"))).unwrap();
    later.meetings[0] = date("2027-10-12");
    assert!(codes(&loaded, &bad).contains(&"C082"), "{:?}", codes(&loaded, &bad));
}

#[test]
fn without_cohorts_those_eligible_later_are_listed_with_a_reason() {
    let mut v = round(&early_and_late());
    v["group_programmes"] = json!([supervision()]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let p = programme(&plan, "handledning");
    let mut later: Vec<&str> = p.unserved.iter().filter(|u| u.reason == "eligible_later").map(|u| u.participant.as_str()).collect();
    later.sort();
    assert_eq!(later, ["s1", "s2", "s3", "s4"]);
    assert!(p.groups.iter().all(|g| g.start.is_none() && g.members.iter().all(|m| m.starts_with('e'))));
    // Dropping them from the list silently is caught.
    let mut bad = plan.clone();
    bad.groups[0].unserved.retain(|u| u.participant != "s2");
    assert!(codes(&loaded, &bad).contains(&"C078"), "{:?}", codes(&loaded, &bad));
}

#[test]
fn a_compact_series_keeps_its_meetings_close_and_a_spread_one_is_caught() {
    let mut v = round(&early_and_late()[..4]);
    let mut prog = supervision();
    prog["kind"] = json!("reflection");
    prog["leader_qualification"] = json!("supervision");
    prog["min_size"] = json!(3);
    prog["max_size"] = json!(5);
    prog["meetings"] = json!({"min": 3, "max": 3, "max_days_between": 40});
    v["group_programmes"] = json!([prog]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let g = &programme(&plan, "handledning").groups[0];
    assert_eq!(g.meetings.len(), 3);
    assert!(g.meetings.windows(2).all(|w| (w[1] - w[0]).num_days() <= 40), "{:?}", g.meetings);
    let mut bad = plan.clone();
    let last = bad.groups[0].groups[0].meetings.len() - 1;
    bad.groups[0].groups[0].meetings[last] = date("2028-05-16");
    assert!(codes(&loaded, &bad).contains(&"C084"), "{:?}", codes(&loaded, &bad));
}

#[test]
fn two_leaders_lead_each_group_within_their_capacity() {
    let mut people = early_and_late();
    people.extend([("e5", "2026-01-01"), ("e6", "2026-02-01")]);
    let mut v = round(&people[..4].iter().chain(&people[8..]).copied().collect::<Vec<_>>());
    for (i, l) in v["group_leaders"].as_array_mut().unwrap().iter_mut().enumerate() {
        l["max_groups"] = json!(if i == 0 { 2 } else { 1 });
    }
    let mut prog = supervision();
    prog["leaders_per_group"] = json!(2);
    prog["min_size"] = json!(3);
    prog["max_size"] = json!(3);
    v["group_programmes"] = json!([prog]);
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let p = programme(&plan, "handledning");
    assert_eq!(p.groups.len(), 2);
    let mut load_of = std::collections::BTreeMap::new();
    for g in &p.groups {
        let leader = g.leader.clone().expect("a leader");
        assert_eq!(g.co_leaders.len(), 1, "{g:?}");
        assert_ne!(g.co_leaders[0], leader);
        for l in std::iter::once(&leader).chain(&g.co_leaders) {
            *load_of.entry(l.clone()).or_insert(0) += 1;
        }
    }
    assert!(load_of.iter().all(|(l, n)| *n <= if l == "l1" { 2 } else { 1 }), "{load_of:?}");
    // A group with one leader named twice is caught.
    let mut bad = plan.clone();
    let g = &mut bad.groups[0].groups[0];
    g.co_leaders = vec![g.leader.clone().unwrap()];
    assert!(codes(&loaded, &bad).contains(&"C074"), "{:?}", codes(&loaded, &bad));
}

#[test]
fn a_mentee_reaching_the_phase_mid_round_meets_from_that_day() {
    let mut v = read_json("instances/uppsala-small.json");
    v["phases"] = json!([{"id": "new", "min_years": 0.0}, {"id": "practised", "min_years": 2.0}]);
    v["mentorship"]["eligible_phases"] = json!(["practised"]);
    v["mentorship"]["min_meetings"] = json!(3);
    // p05 (1.04 years at the round's start) would be practised only after the round: moved so
    // that they are practised from 2028-01-16 (730 days after 2026-01-15 are 1.9986 years).
    for p in v["participants"].as_array_mut().unwrap() {
        if p["id"] == "p05" {
            p["profession_start"] = json!("2026-01-15");
        }
    }
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let practised = date("2028-01-16");
    let pair = plan.mentorship.pairs.iter().find(|p| p.mentee == "p05").expect("p05 is matched");
    assert!(!pair.meetings.is_empty());
    assert!(pair.meetings.iter().all(|d| *d >= practised), "{:?}", pair.meetings);
    // A meeting before the phase is reached is caught.
    let mut bad = plan.clone();
    let pair = bad.mentorship.pairs.iter_mut().find(|p| p.mentee == "p05").unwrap();
    pair.meetings[0] = date("2027-11-16");
    pair.meetings.sort();
    assert!(codes(&loaded, &bad).contains(&"C028"), "{:?}", codes(&loaded, &bad));
}

/// The four-month course round of `liten-kursomgang` with a group programme drawn from the
/// attendees of each `barnsamtal` session.
fn linked_round() -> Value {
    let mut v = read_json("instances/liten-kursomgang.json");
    v["round"] = json!({"name": "Kurs med fördjupning", "start": "2027-02-01", "end": "2027-05-28"});
    v["trainers"][0]["max_days"] = json!(12);
    v["group_leaders"] = json!([
        {"id": "l1", "name": "Lena Lund", "municipality": "goteborg", "qualifications": ["reflection"], "max_groups": 2},
        {"id": "l2", "name": "Lars Berg", "municipality": "alingsas", "qualifications": ["reflection"], "max_groups": 2}
    ]);
    v["group_programmes"] = json!([{"id": "fordjupning", "name": "Fördjupning barnsamtal", "kind": "reflection",
        "linked_course": "barnsamtal", "min_size": 2, "max_size": 4, "max_per_unit": 4,
        "meetings": {"min": 2, "max": 3}}]);
    v
}

#[test]
fn a_linked_programme_draws_each_group_from_one_sessions_attendees() {
    let v = linked_round();
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let tt = plan.timetable.as_ref().expect("a timetable");
    let p = programme(&plan, "fordjupning");
    assert!(!p.groups.is_empty(), "{p:?}");
    for g in &p.groups {
        let s = tt.sessions.iter().find(|s| Some(&s.id) == g.session.as_ref()).expect("the group's session");
        assert_eq!(s.course, "barnsamtal");
        assert_eq!(g.start, Some(s.dates[0]));
        assert!(g.members.iter().all(|m| s.attendees.contains(m)), "{g:?} from {s:?}");
        assert!(g.meetings.iter().all(|d| *d >= s.dates[0]));
    }
    // Nobody outside the course is grouped; every attendee is grouped or listed.
    let attendees: Vec<&String> = tt.sessions.iter().filter(|s| s.course == "barnsamtal").flat_map(|s| &s.attendees).collect();
    for a in &attendees {
        let grouped = p.groups.iter().any(|g| g.members.contains(a));
        assert!(grouped || p.unserved.iter().any(|u| &&u.participant == a), "{a} is neither grouped nor listed");
    }
    // A member who did not attend the group's session is caught.
    let outsider = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"].into_iter().find(|p| !attendees.iter().any(|a| a == p));
    let mut bad = plan.clone();
    let g = &mut bad.groups[0].groups[0];
    match outsider {
        Some(o) => g.members.push(o.into()),
        None => g.session = Some("no-such-session".into()),
    }
    assert!(codes(&loaded, &bad).contains(&"C083"), "{:?}", codes(&loaded, &bad));
}

#[test]
fn a_mentee_whose_phase_ends_before_a_common_free_day_gets_no_series_and_a_reason() {
    // p01 is practised (with mentors) at the round's start and experienced (without) from late
    // August, and away on every working day until then: the series cannot start while
    // the phase has mentors, so the pair has no meetings and says why (the checker's C028
    // refuses a series that starts after the phase).
    let mut v = read_json("instances/uppsala-small.json");
    v["phases"] = json!([{"id": "new", "min_years": 0.0}, {"id": "practised", "min_years": 2.0}, {"id": "experienced", "min_years": 5.0}]);
    v["mentorship"]["eligible_phases"] = json!(["practised"]);
    let away: Vec<String> = date("2027-08-16").iter_days().take_while(|d| *d <= date("2027-08-31")).map(|d| d.to_string()).collect();
    for p in v["participants"].as_array_mut().unwrap() {
        if p["id"] == "p01" {
            p["profession_start"] = json!("2022-08-25");
            p["unavailable"] = json!(away);
        }
    }
    let loaded = load(&v);
    let plan = solve_checked(&loaded, &params());
    let pair = plan.mentorship.pairs.iter().find(|p| p.mentee == "p01").expect("p01 is matched: practised at the round's start");
    assert!(pair.meetings.is_empty(), "{:?}", pair.meetings);
    // The reason names the day the phase ends.
    let reason = pair.shortfall.as_deref().unwrap_or_default();
    assert!(reason.contains("2027-08-2"), "{reason}");
}
