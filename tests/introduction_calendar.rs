//! Introductions in the calendars (issue 11, items 6 and 7: one person, one joint calendar): a
//! new hire's and their introduktör's `.ics` files hold one whole-day note per working week of
//! the introduction, read back with the `icalendar` crate's parser, with UIDs that stay the same
//! across solves; a re-plan that gives a hire another introduktör cancels the weeks from the
//! re-plan's date on in the old introduktör's and the hire's calendars and sends the new ones.

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::{assert_valid, load, read_json, solve_checked};
use icalendar::{Component, DatePerhapsTime, EventStatus};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use trappa::format::plan::PlanFile;
use trappa::load::LoadedInstance;
use trappa::replan::{replan, ChangeWeights, ReplanParams};
use trappa::solve::SolveParams;
use trappa::write::person_calendars;

const TODAY: &str = "2027-11-01";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Uppsala's small round: Saga Björk (p07, employed 2027-10-01, a Friday) is Enköping's only
/// new hire; Eva Ek introduces her, 4 hours a week.
fn round() -> Value {
    let mut v = read_json("instances/uppsala-small.json");
    let p = v["participants"].as_array_mut().unwrap().iter_mut().find(|p| p["id"] == "p07").unwrap();
    p["employment_start"] = "2027-10-01".into();
    v["introduction"] = json!({"hours_per_week": [4, 2]});
    v["introducers"] = json!([
        {"id": "e1", "name": "Eva Ek", "unit": "enk-bou", "capacity": 2},
        {"id": "e2", "name": "Erik Ask", "unit": "enk-bou", "capacity": 2}
    ]);
    v
}

/// An event as a calendar program reads it: whole days (first day, day after the last).
#[derive(Debug, Clone, PartialEq)]
struct Note {
    uid: String,
    sequence: u32,
    cancelled: bool,
    first: NaiveDate,
    end: NaiveDate,
    summary: String,
    description: String,
}

fn day(p: Option<DatePerhapsTime>) -> Option<NaiveDate> {
    match p {
        Some(DatePerhapsTime::Date(d)) => Some(d),
        _ => None,
    }
}

/// The whole-day events of a calendar (the introduction weeks); timed events are left out.
fn notes(text: &str) -> Vec<Note> {
    let cal: icalendar::Calendar = text.parse().expect("parses as iCalendar");
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .filter_map(|e| {
            Some(Note {
                uid: e.get_uid().expect("UID").to_string(),
                sequence: e.get_sequence().expect("SEQUENCE"),
                cancelled: e.get_status() == Some(EventStatus::Cancelled),
                first: day(e.get_start())?,
                end: day(e.get_end()).expect("a whole-day event ends on a date"),
                summary: e.get_summary().unwrap_or_default().to_string(),
                description: e.get_description().unwrap_or_default().to_string(),
            })
        })
        .collect()
}

fn calendars(loaded: &LoadedInstance, plan: &PlanFile) -> BTreeMap<String, String> {
    person_calendars(plan, &loaded.file, &loaded.model)
}

fn solved(loaded: &LoadedInstance) -> PlanFile {
    solve_checked(loaded, &SolveParams::default())
}

#[test]
fn the_hire_and_the_introducer_see_every_week_of_the_introduction() {
    let loaded = load(&round());
    let plan = solved(&loaded);
    let a = plan.introduction.as_ref().unwrap().assignments.iter().find(|a| a.hire == "p07").unwrap().clone();
    let cals = calendars(&loaded, &plan);
    let hire = notes(&cals["p07"]);
    let introducer = notes(cals.get(&a.introducer).expect("an introduktör who is nothing else has a calendar"));
    let name = if a.introducer == "e1" { "Eva Ek" } else { "Erik Ask" };
    // 2027-10-01 (a Friday) to the round's end 2028-06-16 (a Friday): the first week is one
    // day, then Monday to Friday every week.
    let (from, to) = (date("2027-10-01"), date("2028-06-16"));
    let weeks = 1 + ((to - date("2027-10-04")).num_days() / 7 + 1) as usize;
    assert_eq!(hire.len(), weeks, "{hire:?}");
    assert_eq!(introducer.len(), weeks);
    assert_eq!((hire[0].first, hire[0].end), (from, date("2027-10-02")));
    for n in &hire[1..] {
        assert_eq!(n.first.weekday(), Weekday::Mon, "{n:?}");
        assert_eq!((n.end - n.first).num_days(), 5, "Monday to Friday: {n:?}");
        assert!(n.first >= from && n.end <= to.succ_opt().unwrap());
    }
    assert!(hire.iter().all(|n| !n.cancelled && n.sequence == 0));
    assert!(hire.iter().all(|n| n.summary.contains(name) && n.summary.contains('4')), "{:?}", hire[0]);
    assert!(introducer.iter().all(|n| n.summary.contains("Saga Björk")), "{:?}", introducer[0]);
    assert!(hire[0].description.contains("Saga Björk") && hire[0].description.contains(name) && !hire[0].description.contains("p07"));
    // The same events in both calendars, with UIDs that another solve gives again.
    let uids = |ns: &[Note]| ns.iter().map(|n| n.uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&hire), uids(&introducer));
    let mut unique = uids(&hire);
    unique.dedup();
    assert_eq!(unique.len(), weeks);
    let again = calendars(&loaded, &solved(&loaded));
    assert_eq!(uids(&notes(&again["p07"])), uids(&hire));
}

#[test]
fn a_replan_with_another_introducer_cancels_the_old_weeks_and_sends_the_new() {
    let v = round();
    let first = load(&v);
    let before = solved(&first);
    let was = before.introduction.as_ref().unwrap().assignments[0].introducer.clone();
    let mut v2 = v.clone();
    v2["introducers"].as_array_mut().unwrap().retain(|x| x["id"] != was.as_str());
    let loaded = load(&v2);
    let params = ReplanParams { today: date(TODAY), weights: ChangeWeights::default(), seed: 1, stop: Default::default() };
    let after = replan(&loaded, "test.json", &before, "0", &params).unwrap();
    assert_valid(&loaded, &after);
    let now = after.introduction.as_ref().unwrap().assignments[0].introducer.clone();
    assert_ne!(now, was);
    let (old, new) = (notes(&calendars(&first, &before)["p07"]), notes(&calendars(&loaded, &after)["p07"]));
    // The old introduktör's weeks from the re-plan's date on are cancelled, above the sequence
    // they were sent with; earlier weeks took place and are left alone.
    let cancelled: Vec<&Note> = new.iter().filter(|n| n.cancelled).collect();
    let future: Vec<&Note> = old.iter().filter(|n| n.first >= date(TODAY)).collect();
    assert_eq!(cancelled.len(), future.len());
    for (c, o) in cancelled.iter().zip(&future) {
        assert_eq!((&c.uid, c.first, c.end), (&o.uid, o.first, o.end));
        assert!(c.sequence > o.sequence);
    }
    // The new introduktör's weeks, for the whole introduction, under other UIDs.
    let live: Vec<&Note> = new.iter().filter(|n| !n.cancelled).collect();
    assert_eq!(live.len(), old.len());
    assert!(live.iter().all(|n| old.iter().all(|o| o.uid != n.uid)));
    // The introduktör who left gets the cancellations; the new one the weeks.
    let cals = calendars(&loaded, &after);
    let gone = notes(&cals[&was]);
    assert_eq!(gone.len(), future.len());
    assert!(gone.iter().all(|n| n.cancelled));
    assert_eq!(notes(&cals[&now]).len(), old.len());
    // A second re-plan of the unchanged round changes nothing in the calendars.
    let again = replan(&loaded, "test.json", &after, "0", &params).unwrap();
    assert_valid(&loaded, &again);
    assert_eq!(notes(&calendars(&loaded, &again)["p07"]), new);
}

#[test]
fn the_report_and_explain_show_an_introducer_who_is_nothing_else() {
    let loaded = load(&round());
    let plan = solved(&loaded);
    let a = plan.introduction.as_ref().unwrap().assignments.iter().find(|a| a.hire == "p07").unwrap().clone();
    let name = if a.introducer == "e1" { "Eva Ek" } else { "Erik Ask" };
    let html = trappa::text::in_lang(trappa::text::Lang::Sv, || {
        trappa::report::html::render(&plan, &loaded.file, &loaded.model, Default::default())
    });
    // The introduktör has an entry of their own in the people list, naming their hire and hours.
    let at = html.find(&format!("data-person=\"{}\"", a.introducer));
    let entry = &html[at.unwrap_or_else(|| panic!("{name} is in the people list"))..];
    let entry = &entry[..entry.find("</details>").unwrap()];
    assert!(entry.contains(name) && entry.contains("introduktör i"), "{entry}");
    assert!(entry.contains("Introduktör för") && entry.contains("Saga Björk") && entry.contains("4 h/vecka"), "{entry}");
    // The one without hires is listed too.
    let other = if a.introducer == "e1" { "e2" } else { "e1" };
    assert!(html.contains(&format!("data-person=\"{other}\"")), "every introduktör is listed");
    let explain =
        trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, &a.introducer));
    let explain = explain.expect("explain knows an introduktör");
    assert!(explain.contains(name) && explain.contains("Saga Björk") && explain.contains("4 h/vecka"), "{explain}");
    let none = trappa::text::in_lang(trappa::text::Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, other));
    assert!(none.unwrap().contains("ingen nyanställd"));
    assert!(trappa::report::explain_participant(&loaded.model, &plan, "nobody").is_err());
}
