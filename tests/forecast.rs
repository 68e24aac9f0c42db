//! Hires not yet known (issue 11, item 3): a forecast of expected hires per municipality and
//! month, netted against the named hires, whose placeholders hold introduction seats; the
//! checker derives them itself; a re-plan seats the named hires where their placeholders sat
//! without moving a date; the report, `explain` and the roster know them.

mod common;

use chrono::NaiveDate;
use common::{assert_valid, codes, load, solve_checked};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;
use trappa::format::plan::{IntroductionAssignment, IntroductionPeriod, PlanFile};
use trappa::load::LoadedInstance;
use trappa::replan::{replan, ChangeWeights, ReplanParams};
use trappa::report::html::{self, CostSplit, ReportOptions};
use trappa::solve::timetable::TimetableStrategy;
use trappa::solve::SolveParams;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A year with an introduction course (two days, within three months of employment, for
/// every new hire) and one experienced participant, who does not take it.
fn round() -> Value {
    json!({
        "format": "trappa-instance",
        "version": 2,
        "round": {"name": "Introduktion 2027", "start": "2027-01-04", "end": "2027-12-17"},
        "region": {
            "name": "Test",
            "municipalities": [
                {"id": "goteborg", "name": "Göteborg", "population": 600000, "lat": 57.708, "lon": 11.974},
                {"id": "ale", "name": "Ale", "population": 32000, "lat": 57.92, "lon": 12.08}
            ],
            "units": [
                {"id": "g1", "municipality": "goteborg", "headcount": 40},
                {"id": "ale1", "name": "Ale barn och unga", "municipality": "ale", "headcount": 20},
                {"id": "ale2", "municipality": "ale", "headcount": 20}
            ]
        },
        "participants": [
            {"id": "p1", "name": "Anna Ek", "unit": "g1", "profession_start": "2015-01-01", "employment_start": "2015-01-01"}
        ],
        "courses": [
            {"id": "intro", "name": "Introduktionskurs", "days": 2, "min_size": 2, "max_size": 10, "deadline_months": 3, "max_sessions": 6}
        ],
        "trainers": [{"id": "t1", "name": "Tina Tränare", "courses": ["intro"], "max_days": 30, "day_rate": 4000}],
        "venues": [{"id": "gbg", "name": "Göteborg sal 1", "municipality": "goteborg", "capacity": 12}],
        "phase_demand": [{"phase": "new", "course": "intro", "priority": "high"}],
        "forecast": [{"municipality": "ale", "month": "2027-03", "hires": 2}]
    })
}

fn params() -> SolveParams {
    SolveParams { seed: 3, timetable_strategy: TimetableStrategy::Greedy, time_limit: Some(Duration::from_secs(20)), ..Default::default() }
}

/// Forecast seats per session id.
fn forecast_seats(plan: &PlanFile) -> BTreeMap<String, Vec<String>> {
    plan.timetable.iter().flat_map(|t| &t.sessions).map(|s| (s.id.clone(), s.forecast.clone())).collect()
}

#[test]
fn a_forecast_alone_gets_an_introduction_start_sized_and_dated_for_it() {
    let loaded = load(&round());
    let plan = solve_checked(&loaded, &params());
    let tt = plan.timetable.as_ref().unwrap();
    assert!(tt.unserved.is_empty(), "{:?}", tt.unserved);
    let intro: Vec<_> = tt.sessions.iter().filter(|s| s.course == "intro").collect();
    assert_eq!(intro.len(), 1, "{intro:?}");
    assert_eq!(intro[0].forecast, vec!["prognos-ale-2027-03-1".to_string(), "prognos-ale-2027-03-2".to_string()]);
    assert!(intro[0].attendees.is_empty());
    // Employed on March's first working day (1 March 2027, a Monday), seated within three months.
    assert!(intro[0].dates[0] >= date("2027-03-01") && intro[0].dates[1] <= date("2027-06-01"), "{:?}", intro[0].dates);
}

/// A named hire of Ale employed on `employed`.
fn hire(id: &str, unit: &str, employed: &str) -> Value {
    json!({"id": id, "name": format!("Ny {id}"), "unit": unit, "profession_start": employed, "employment_start": employed})
}

/// The problems' codes of an instance that fails validation.
fn problem_codes(v: &Value) -> Vec<String> {
    let problems = trappa::load::parse_and_validate(&serde_json::to_string(v).unwrap()).unwrap_err();
    problems.iter().map(|p| p.code.to_string()).collect()
}

#[test]
fn named_hires_net_the_forecast_and_placeholders_shrink_by_themselves() {
    let mut v = round();
    v["participants"].as_array_mut().unwrap().push(hire("p2", "ale1", "2027-03-15"));
    // A hire of another month or municipality does not count against the entry.
    v["participants"].as_array_mut().unwrap().push(hire("p3", "g1", "2027-03-01"));
    v["participants"].as_array_mut().unwrap().push(hire("p4", "ale2", "2027-04-01"));
    let loaded = load(&v);
    let placeholders: Vec<&str> = loaded.model.participants.iter().filter(|p| p.forecast.is_some()).map(|p| p.id.as_str()).collect();
    assert_eq!(placeholders, ["prognos-ale-2027-03-1"]);
    let e = &loaded.model.forecast[0];
    assert_eq!((e.hires, e.named.len(), e.placeholders()), (2, 1, 1));
    // More named than forecast: no placeholder, never fewer than none.
    v["participants"].as_array_mut().unwrap().push(hire("p5", "ale2", "2027-03-02"));
    v["participants"].as_array_mut().unwrap().push(hire("p6", "ale2", "2027-03-03"));
    let loaded = load(&v);
    assert!(loaded.model.participants.iter().all(|p| p.forecast.is_none()));
    // A unit's own entry takes its unit's named hires; the municipality's entry the rest.
    let mut v = round();
    v["forecast"] = json!([
        {"municipality": "ale", "month": "2027-03", "hires": 2},
        {"municipality": "ale", "unit": "ale1", "month": "2027-03", "hires": 3, "role": "executor"}
    ]);
    v["participants"].as_array_mut().unwrap().push(hire("p2", "ale1", "2027-03-15"));
    let loaded = load(&v);
    let placeholders: Vec<(&str, &str)> = loaded
        .model
        .participants
        .iter()
        .filter(|p| p.forecast.is_some())
        .map(|p| (p.id.as_str(), loaded.model.units[p.unit.index()].id.as_str()))
        .collect();
    assert_eq!(
        placeholders,
        [
            ("prognos-ale-2027-03-1", "ale1"),
            ("prognos-ale-2027-03-2", "ale1"),
            ("prognos-ale-ale1-2027-03-1", "ale1"),
            ("prognos-ale-ale1-2027-03-2", "ale1")
        ]
    );
    let plan = solve_checked(&loaded, &params());
    let seats: usize = forecast_seats(&plan).values().map(Vec::len).sum();
    assert_eq!(seats, 4);
}

#[test]
fn placeholders_are_named_in_swedish_and_employed_on_the_months_first_working_day() {
    let mut v = round();
    // May 2027: 1 May is a Saturday and a holiday; the 3rd is the first working day.
    v["forecast"] = json!([{"municipality": "ale", "month": "2027-05", "hires": 1, "years_in_profession": 3}]);
    let loaded = trappa::text::in_lang(trappa::text::Lang::Sv, || load(&v));
    let p = loaded.model.participants.last().unwrap();
    assert_eq!(p.name, "Prognos: nyanställd 1, Ale, maj 2027");
    assert_eq!(p.employment_start, date("2027-05-03"));
    assert!(p.years > 2.5 && !p.wants_mentor, "{p:?}");
    // Three years in: not new, so the introduction is not theirs; the plan checks.
    let plan = solve_checked(&loaded, &params());
    assert!(forecast_seats(&plan).values().all(Vec::is_empty));
}

#[test]
fn bad_forecasts_are_refused_with_their_codes() {
    let cases = [
        (json!({"municipality": "kungalv", "month": "2027-03", "hires": 1}), "E090"),
        (json!({"municipality": "ale", "unit": "nowhere", "month": "2027-03", "hires": 1}), "E091"),
        (json!({"municipality": "ale", "unit": "g1", "month": "2027-03", "hires": 1}), "E091"),
        (json!({"municipality": "ale", "month": "2027-3", "hires": 1}), "E092"),
        (json!({"municipality": "ale", "month": "2028-01", "hires": 1}), "E092"),
        (json!({"municipality": "ale", "month": "2027-03", "hires": -2}), "E093"),
        (json!({"municipality": "ale", "month": "2027-03", "hires": 100000}), "E093"),
        (json!({"municipality": "ale", "month": "2027-03", "hires": 1, "years_in_profession": -1}), "E093"),
    ];
    for (entry, code) in cases {
        let mut v = round();
        v["forecast"] = json!([entry]);
        assert_eq!(problem_codes(&v), [code], "{entry}");
    }
    let mut v = round();
    v["forecast"] =
        json!([{"municipality": "ale", "month": "2027-03", "hires": 1}, {"municipality": "ale", "month": "2027-03", "hires": 2}]);
    assert_eq!(problem_codes(&v), ["E094"]);
    // A municipality without units has nowhere to place its hires.
    let mut v = round();
    v["region"]["municipalities"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "lerum", "name": "Lerum", "population": 43000, "lat": 57.77, "lon": 12.27}));
    v["forecast"] = json!([{"municipality": "lerum", "month": "2027-03", "hires": 1}]);
    assert_eq!(problem_codes(&v), ["E091"]);
    // The messages are Swedish and name the problem.
    let mut v = round();
    v["forecast"] = json!([{"municipality": "ale", "month": "2028-01", "hires": 1}]);
    let problems = trappa::text::in_lang(trappa::text::Lang::Sv, || {
        trappa::load::parse_and_validate(&serde_json::to_string(&v).unwrap()).unwrap_err()
    });
    assert!(problems[0].message.contains("utanför omgången"), "{:?}", problems[0]);
}

/// The round with an introduction (introduktörer in Ale), mentors wanted and a group programme
/// for new hires: placeholders take none of them.
fn with_people_programmes() -> Value {
    let mut v = round();
    v["participants"].as_array_mut().unwrap().push(json!({
        "id": "p2", "name": "Nora Ny", "unit": "ale1", "profession_start": "2027-01-04", "employment_start": "2027-01-04", "wants_mentor": true
    }));
    v["introduction"] = json!({"hours_per_week": [4, 2]});
    v["introducers"] = json!([{"id": "i1", "name": "Ida Introduktör", "unit": "ale1", "capacity": 5}]);
    v["mentors"] = json!([{"id": "m1", "name": "Mona Mentor", "unit": "g1", "capacity": 3, "trained": true, "years_in_profession": 12}]);
    v["costs"] = json!({"programme_fee": 1000});
    v
}

#[test]
fn placeholders_take_no_mentor_group_introducer_fee_or_calendar() {
    let loaded = load(&with_people_programmes());
    let plan = solve_checked(&loaded, &params());
    let is_placeholder = |id: &str| id.starts_with("prognos-");
    assert!(plan.mentorship.pairs.iter().all(|p| !is_placeholder(&p.mentee)));
    assert!(plan.mentorship.unmatched.iter().all(|p| !is_placeholder(&p.mentee)));
    let intro = plan.introduction.as_ref().expect("an introduction");
    assert_eq!(intro.assignments.iter().map(|a| a.hire.as_str()).collect::<Vec<_>>(), ["p2"]);
    assert!(intro.unserved.is_empty());
    let cost = plan.cost.as_ref().expect("a cost");
    assert!(cost.participants.keys().all(|p| !is_placeholder(p)), "{:?}", cost.participants);
    assert_eq!(cost.parts.get("programme_fees").copied(), Some(2000.0));
    // The intro session seats the named new hire and the two placeholders.
    let tt = plan.timetable.as_ref().unwrap();
    let seated: usize = tt.sessions.iter().map(|s| s.attendees.len() + s.forecast.len()).sum();
    assert_eq!(seated, 3, "{:?}", tt.sessions);
    // No calendar file for a placeholder.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    common::trappa().arg("solve").arg(write_instance(dir.path(), &with_people_programmes())).arg("--out").arg(&out).assert().success();
    let mut names = Vec::new();
    for entry in walk(&out) {
        names.push(entry.file_name().unwrap().to_string_lossy().to_string());
    }
    assert!(names.iter().any(|n| n.contains("p2")), "{names:?}");
    assert!(names.iter().all(|n| !n.contains("prognos")), "{names:?}");
}

fn write_instance(dir: &std::path::Path, v: &Value) -> std::path::PathBuf {
    let path = dir.join("round.json");
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    path
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The intro session of a plan (the first that holds forecast seats).
fn held(plan: &mut PlanFile) -> &mut trappa::format::plan::SessionPlan {
    plan.timetable.as_mut().unwrap().sessions.iter_mut().find(|s| !s.forecast.is_empty()).expect("a session with forecast seats")
}

#[test]
fn the_checker_derives_the_placeholders_and_catches_each_corruption() {
    let loaded = load(&round());
    let plan = solve_checked(&loaded, &params());
    // C110: a seat for an id no forecast entry gives.
    let mut bad = plan.clone();
    held(&mut bad).forecast.push("prognos-kungalv-2027-03-1".into());
    assert!(codes(&loaded, &bad).contains(&"C110"), "{:?}", codes(&loaded, &bad));
    // C111: a third placeholder of an entry that leaves two.
    let mut bad = plan.clone();
    held(&mut bad).forecast.push("prognos-ale-2027-03-3".into());
    assert!(codes(&loaded, &bad).contains(&"C111"), "{:?}", codes(&loaded, &bad));
    // C112: a placeholder among the named attendees.
    let mut bad = plan.clone();
    let s = held(&mut bad);
    let p = s.forecast.pop().unwrap();
    s.attendees.push(p);
    assert!(codes(&loaded, &bad).contains(&"C112"), "{:?}", codes(&loaded, &bad));
    // C113: a placeholder with an introduktör.
    let mut bad = plan.clone();
    let period = IntroductionPeriod { year: 1, from: date("2027-03-01"), to: date("2027-12-17"), hours_per_week: 4.0 };
    bad.introduction = Some(trappa::format::plan::IntroductionPlan {
        assignments: vec![IntroductionAssignment { hire: "prognos-ale-2027-03-1".into(), introducer: "p1".into(), periods: vec![period] }],
        unserved: vec![],
    });
    assert!(codes(&loaded, &bad).contains(&"C113"), "{:?}", codes(&loaded, &bad));
    // Placeholders are checked like the named: a seat before their employment breaks the window,
    // a placeholder left out is unexplained.
    let mut bad = plan.clone();
    held(&mut bad).dates = vec![date("2027-02-01"), date("2027-02-02")];
    assert!(!codes(&loaded, &bad).is_empty());
    let mut bad = plan.clone();
    held(&mut bad).forecast.pop();
    assert!(!codes(&loaded, &bad).is_empty());
    assert_valid(&loaded, &plan);
}

#[test]
fn old_plans_without_forecast_seats_read_as_before() {
    let loaded = load(&round());
    let plan = solve_checked(&loaded, &params());
    let text = serde_json::to_string(&plan).unwrap();
    assert!(text.contains("\"forecast\":[\"prognos-ale-2027-03-1\""), "{text}");
    // A session without placeholders writes no `forecast` key, and reads without one.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let session = &mut v["timetable"]["sessions"][0];
    session.as_object_mut().unwrap().remove("forecast");
    let back: PlanFile = serde_json::from_value(v).unwrap();
    assert!(back.timetable.unwrap().sessions[0].forecast.is_empty());
}

fn replan_checked(loaded: &LoadedInstance, previous: &PlanFile, today: &str) -> PlanFile {
    let params = ReplanParams { today: date(today), weights: ChangeWeights::default(), seed: 1, stop: Default::default() };
    let plan = replan(loaded, "test.json", previous, "0", &params).unwrap();
    assert_valid(loaded, &plan);
    plan
}

#[test]
fn replan_seats_the_named_hires_where_their_placeholders_sat_without_moving_dates() {
    let mut v = round();
    v["forecast"] =
        json!([{"municipality": "ale", "month": "2027-03", "hires": 3}, {"municipality": "goteborg", "month": "2027-09", "hires": 2}]);
    let first = load(&v);
    let before = solve_checked(&first, &params());
    let seats_before = forecast_seats(&before);
    let ale_session: Vec<String> =
        seats_before.iter().filter(|(_, f)| f.iter().any(|p| p.starts_with("prognos-ale-"))).map(|(s, _)| s.clone()).collect();
    // Two of Ale's three March hires got names; the forecast is unchanged.
    v["participants"].as_array_mut().unwrap().push(hire("ny1", "ale1", "2027-03-01"));
    v["participants"].as_array_mut().unwrap().push(hire("ny2", "ale2", "2027-03-01"));
    let second = load(&v);
    let after = replan_checked(&second, &before, "2027-02-01");
    let dates = |p: &PlanFile| -> BTreeMap<String, Vec<NaiveDate>> {
        p.timetable.iter().flat_map(|t| &t.sessions).map(|s| (s.id.clone(), s.dates.clone())).collect()
    };
    assert_eq!(dates(&after), dates(&before));
    let tt = after.timetable.as_ref().unwrap();
    for named in ["ny1", "ny2"] {
        let theirs: Vec<&str> = tt.sessions.iter().filter(|s| s.attendees.iter().any(|a| a == named)).map(|s| s.id.as_str()).collect();
        assert_eq!(theirs.len(), 1, "{named}: {:?}", tt.sessions);
        assert!(ale_session.iter().any(|s| s == theirs[0]), "{named} sits in {theirs:?}, placeholders sat in {ale_session:?}");
    }
    // One Ale placeholder and Göteborg's two remain.
    let left: Vec<String> = forecast_seats(&after).into_values().flatten().collect();
    assert_eq!(left.iter().filter(|p| p.starts_with("prognos-ale-")).count(), 1, "{left:?}");
    assert_eq!(left.iter().filter(|p| p.starts_with("prognos-goteborg-")).count(), 2, "{left:?}");
}

#[test]
fn the_report_and_explain_tell_the_seats_held_for_forecast_hires() {
    let file: trappa::format::InstanceFile = serde_json::from_value(round()).unwrap();
    let loaded = load(&round());
    let plan = solve_checked(&loaded, &params());
    let (h, placeholder, municipality) = trappa::text::in_lang(trappa::text::Lang::Sv, || {
        (
            html::render(&plan, &file, &loaded.model, ReportOptions { cost_split: CostSplit::Population }),
            trappa::report::explain_participant(&loaded.model, &plan, "prognos-ale-2027-03-1").unwrap(),
            trappa::report::explain_participant(&loaded.model, &plan, "ale").unwrap(),
        )
    });
    let text = common::visible_text(&h);
    assert!(h.contains("id=\"forecast\" data-seats=\"2\" data-placeholders=\"2\""), "{h}");
    assert!(text.contains("Prognos över nyanställda"), "{text}");
    assert!(text.contains("Introduktionskurs") && text.contains("Ale"), "{text}");
    assert!(!text.contains("prognos-ale"), "ids leak into the report: {text}");
    assert!(placeholder.contains("Prognos: nyanställd 1, Ale, mars 2027"), "{placeholder}");
    assert!(placeholder.contains("ingen person än") && placeholder.contains("Introduktionskurs"), "{placeholder}");
    assert!(municipality.contains("mars 2027: 2 förväntade, 0 med namn, 2 platshållare"), "{municipality}");
    assert!(municipality.contains("2 platser hålls"), "{municipality}");
    let none =
        trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, "goteborg").unwrap());
    assert!(none.contains("ingen prognos"), "{none}");
}

#[test]
fn the_roster_has_a_prognos_sheet_that_round_trips() {
    let mut v = round();
    v["forecast"] = json!([
        {"municipality": "ale", "month": "2027-03", "hires": 2},
        {"municipality": "ale", "unit": "ale1", "month": "2027-09", "hires": 4, "role": "executor", "years_in_profession": 2.5}
    ]);
    let file: trappa::format::InstanceFile = serde_json::from_value(v).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    trappa::roster::export(&file, &csv, None).unwrap();
    let sheet = std::fs::read_to_string(csv.join("prognos.csv")).unwrap();
    assert!(sheet.trim_start_matches('\u{feff}').starts_with("kommun;enhet;månad;antal"), "{sheet}");
    assert_eq!(trappa::roster::import(&csv, None).unwrap().instance, file);
    let xlsx = dir.path().join("omgang.xlsx");
    trappa::roster::export(&file, &xlsx, None).unwrap();
    assert_eq!(trappa::roster::import(&xlsx, None).unwrap().instance, file);
    // A coordinator's own sheet with Swedish headers and words.
    std::fs::write(csv.join("prognos.csv"), "kommun;månad;antal;roll\nale;2027-04;3;utförare\n").unwrap();
    let imported = trappa::roster::import(&csv, None).unwrap().instance;
    assert_eq!(imported.forecast.len(), 1);
    assert_eq!((imported.forecast[0].month.as_str(), imported.forecast[0].hires), ("2027-04", 3));
}
