//! Calendars that update: a person who imports the `.ics` file of every plan of a round (or
//! only the first and the last) into a calendar program ends up with exactly the meetings of
//! the last plan (and the earlier meetings that took place), read back with the `icalendar`
//! crate's parser; times are Swedish local time with a `VTIMEZONE`; descriptions name people
//! by name; long texts fold in linear time.

use assert_cmd::Command;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use trappa::format::plan::PlanFile;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::load::{load_instance_text, LoadedInstance};
use trappa::solve::{self, SolveParams, TimetableStrategy};
use trappa::write::plan::plan_file;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

/// `trappa` with the plan's creation time pinned (seconds since 1970).
fn trappa(epoch: i64) -> Command {
    let mut cmd = Command::cargo_bin("trappa").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", epoch.to_string());
    cmd
}

fn epoch(day: &str) -> i64 {
    date(day).and_hms_opt(8, 0, 0).unwrap().and_utc().timestamp()
}

// ------------------------------------------------------------------ reading calendars

/// An event as a calendar program keeps it.
#[derive(Debug, Clone)]
struct Event {
    uid: String,
    sequence: u32,
    stamp: DateTime<Utc>,
    cancelled: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
    summary: String,
    description: String,
    location: String,
}

fn local_time(p: Option<DatePerhapsTime>) -> NaiveDateTime {
    match p {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Stockholm");
            date_time
        }
        other => panic!("not a local time in Europe/Stockholm: {other:?}"),
    }
}

fn events(text: &str) -> Vec<Event> {
    let cal: icalendar::Calendar = text.parse().expect("parses as iCalendar");
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| Event {
            uid: e.get_uid().expect("UID").to_string(),
            sequence: e.get_sequence().expect("SEQUENCE"),
            stamp: e.get_timestamp().expect("DTSTAMP"),
            cancelled: e.get_status() == Some(EventStatus::Cancelled),
            start: local_time(e.get_start()),
            end: local_time(e.get_end()),
            summary: e.get_summary().unwrap_or_default().to_string(),
            description: e.get_description().unwrap_or_default().to_string(),
            location: e.get_location().unwrap_or_default().to_string(),
        })
        .collect()
}

/// A person's calendar program, by UID. An imported event replaces the stored one if its
/// SEQUENCE is higher, or equal with a later DTSTAMP (RFC 5546 2.1.5); a cancelled one removes
/// it. A changed date, time or place must come with a higher SEQUENCE.
#[derive(Default)]
struct Store {
    events: BTreeMap<String, Event>,
}

impl Store {
    fn import(&mut self, text: &str) {
        for e in events(text) {
            if let Some(old) = self.events.get(&e.uid) {
                if (e.sequence, e.stamp) < (old.sequence, old.stamp) {
                    continue;
                }
                if e.cancelled || (old.start, old.end, &old.location) != (e.start, e.end, &e.location) {
                    assert!(e.sequence > old.sequence, "{} changed or was cancelled without a higher SEQUENCE: {old:?} → {e:?}", e.uid);
                }
            }
            if e.cancelled {
                self.events.remove(&e.uid);
            } else {
                self.events.insert(e.uid.clone(), e);
            }
        }
    }

    fn times(&self) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut t: Vec<_> = self.events.values().map(|e| (e.start, e.end)).collect();
        t.sort();
        t
    }
}

fn calendar_files(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir.join("calendars"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_stem().unwrap().to_string_lossy().to_string(), fs::read_to_string(&p).unwrap()))
        .collect()
}

// ------------------------------------------------------------------ what the plans say

/// Times of day by kind, as the test sets them in the instance.
#[derive(Clone)]
struct Times {
    mentor: (NaiveTime, NaiveTime),
    course: BTreeMap<String, (NaiveTime, NaiveTime)>,
    course_default: (NaiveTime, NaiveTime),
}

impl Default for Times {
    fn default() -> Self {
        Times { mentor: (hm("13:00"), hm("15:00")), course: BTreeMap::new(), course_default: (hm("09:00"), hm("16:00")) }
    }
}

/// A meeting of a series: (series, number in it).
type Slot = (String, usize);

/// Each person's meetings in a plan, read from plan.json: slot → (start, end).
fn programme(plan: &Value, t: &Times) -> BTreeMap<String, BTreeMap<Slot, (NaiveDateTime, NaiveDateTime)>> {
    let mut out: BTreeMap<String, BTreeMap<Slot, (NaiveDateTime, NaiveDateTime)>> = BTreeMap::new();
    let at = |d: &Value, (a, b): (NaiveTime, NaiveTime)| {
        let d = date(d.as_str().unwrap());
        (d.and_time(a), d.and_time(b))
    };
    for p in plan["mentorship"]["pairs"].as_array().unwrap() {
        let series = format!("pair {} {}", p["mentor"], p["mentee"]);
        for (k, d) in p["meetings"].as_array().unwrap().iter().enumerate() {
            for who in [&p["mentor"], &p["mentee"]] {
                out.entry(who.as_str().unwrap().into()).or_default().insert((series.clone(), k), at(d, t.mentor));
            }
        }
    }
    for s in plan["timetable"]["sessions"].as_array().into_iter().flatten() {
        let hours = t.course.get(s["course"].as_str().unwrap()).copied().unwrap_or(t.course_default);
        let series = format!("session {} {}", s["course"], s["dates"]);
        for (k, d) in s["dates"].as_array().unwrap().iter().enumerate() {
            for who in s["attendees"].as_array().unwrap().iter().chain(s["trainers"].as_array().unwrap()) {
                out.entry(who.as_str().unwrap().into()).or_default().insert((series.clone(), k), at(d, hours));
            }
        }
    }
    out
}

/// Solves a round, then re-plans it step by step. Each step: the changed instance, the
/// planning date and the times the instance sets.
struct Round {
    dir: tempfile::TempDir,
    plans: Vec<(PathBuf, Option<NaiveDate>, Times)>,
}

impl Round {
    fn solve(instance: &Value, extra: &[&str], created: &str) -> Round {
        let dir = tempfile::tempdir().unwrap();
        let inst = dir.path().join("round-0.json");
        fs::write(&inst, serde_json::to_string_pretty(instance).unwrap()).unwrap();
        let out = dir.path().join("plan-0");
        trappa(epoch(created)).arg("solve").arg(&inst).args(["--quiet", "--out"]).arg(&out).args(extra).assert().success();
        trappa(0).arg("check").arg(&inst).arg(&out).assert().success();
        Round { dir, plans: vec![(out, None, Times::default())] }
    }

    fn last_plan(&self) -> Value {
        read_json(&self.plans.last().unwrap().0.join("plan.json"))
    }

    fn replan(&mut self, instance: &Value, today: &str, times: Times, created: &str) {
        let k = self.plans.len();
        let inst = self.dir.path().join(format!("round-{k}.json"));
        fs::write(&inst, serde_json::to_string_pretty(instance).unwrap()).unwrap();
        let out = self.dir.path().join(format!("plan-{k}"));
        let previous = &self.plans[k - 1].0;
        trappa(epoch(created))
            .arg("replan")
            .arg(&inst)
            .arg("--previous")
            .arg(previous)
            .args(["--today", today, "--quiet", "--out"])
            .arg(&out)
            .assert()
            .success();
        trappa(0).arg("check").arg(&inst).arg(&out).assert().success();
        self.plans.push((out, Some(date(today)), times));
    }

    /// Everyone's calendar program after importing the files of `steps` in order equals the
    /// last plan's meetings plus the meetings that took place before a re-plan dropped them.
    fn assert_calendars_update(&self, steps: &[usize]) {
        let progs: Vec<_> = self.plans.iter().map(|(d, _, t)| programme(&read_json(&d.join("plan.json")), t)).collect();
        let files: Vec<_> = self.plans.iter().map(|(d, ..)| calendar_files(d)).collect();
        let people: BTreeSet<&String> = progs.iter().flat_map(|p| p.keys()).chain(files.iter().flat_map(|f| f.keys())).collect();
        let last = progs.len() - 1;
        let none = BTreeMap::new();
        let mut checked = 0;
        for person in people {
            let mut want: BTreeMap<Slot, (NaiveDateTime, NaiveDateTime)> = progs[last].get(person).unwrap_or(&none).clone();
            for k in 0..last {
                let today = self.plans[k + 1].1.unwrap();
                let next = progs[k + 1].get(person).unwrap_or(&none);
                for (slot, t) in progs[k].get(person).unwrap_or(&none) {
                    if t.0.date() < today && !next.contains_key(slot) {
                        want.entry(slot.clone()).or_insert(*t);
                    }
                }
            }
            let mut store = Store::default();
            for &k in steps {
                if let Some(text) = files[k].get(person) {
                    store.import(text);
                }
            }
            let mut want: Vec<_> = want.into_values().collect();
            want.sort();
            assert_eq!(store.times(), want, "{person}'s calendar after importing plans {steps:?}");
            checked += 1;
        }
        assert!(checked > 0);
    }
}

// ------------------------------------------------------------------ updates

/// Mentor pairs: a pair is forbidden (it ends and its later meetings are cancelled), a
/// mentee's unavailability moves meetings; then the instance moves every mentor meeting to
/// 14:00–16:00 and names a meeting venue in Uppsala.
#[test]
fn calendars_follow_replans_of_mentor_meetings() {
    let v = read_json(&root().join("instances/uppsala-small.json"));
    let mut round = Round::solve(&v, &[], "2027-06-01");
    let first = round.last_plan();
    assert_eq!(first["run"]["created"], "2027-06-01T08:00:00Z");
    let removed = first["mentorship"]["pairs"].as_array().unwrap().iter().find(|p| p["mentee"] == "p04").unwrap().clone();
    let mut v1 = v.clone();
    v1["mentorship"]["exclusions"].as_array_mut().unwrap().push(json!({"mentor": removed["mentor"], "mentee": "p04"}));
    v1["participants"][0]["unavailable"] = json!([{"from": "2027-11-10", "to": "2027-11-20"}]);
    round.replan(&v1, "2027-11-01", Times::default(), "2027-10-25");
    let second = round.last_plan();
    assert!(!second["mentorship"]["pairs"].as_array().unwrap().iter().any(|p| p["mentor"] == removed["mentor"] && p["mentee"] == "p04"));
    assert!(!second["calendar"]["cancelled"].as_array().unwrap().is_empty());
    assert!(!second["calendar"]["sequences"].as_object().unwrap().is_empty(), "p01's meetings moved");
    round.assert_calendars_update(&[0, 1]);

    let mut v2 = v1.clone();
    v2["round"]["meeting_times"] = json!({"mentor": {"start": "14:00", "end": "16:00"}});
    v2["region"]["municipalities"][0]["meeting_venue"] = "Stadshuset, Stationsgatan 12".into();
    let later = Times { mentor: (hm("14:00"), hm("16:00")), ..Times::default() };
    round.replan(&v2, "2028-01-10", later, "2028-01-05");
    round.assert_calendars_update(&[0, 1, 2]);
    // Someone who skipped the middle plan is brought up to date too.
    round.assert_calendars_update(&[0, 2]);

    let files = calendar_files(&round.plans[2].0);
    // p04 has no meetings any more: the file only cancels.
    let p04 = events(&files["p04"]);
    assert!(!p04.is_empty() && p04.iter().all(|e| e.cancelled && e.summary.starts_with("Inställt: Mentorsträff")), "{p04:?}");
    for e in files.values().flat_map(|f| events(f)) {
        assert_eq!(e.stamp.to_rfc3339(), "2028-01-05T08:00:00+00:00", "DTSTAMP is the plan's creation time");
    }
    // Meetings that moved twice (a date in the first re-plan, the time in the second) are at
    // SEQUENCE 2; the meetings in Uppsala name the venue.
    let p01 = events(&files["p01"]);
    assert!(p01.iter().any(|e| e.sequence == 2), "{p01:?}");
    assert!(p01
        .iter()
        .filter(|e| !e.cancelled)
        .all(|e| e.location == "Stadshuset, Stationsgatan 12, Uppsala" && e.start.time() == hm("14:00")));
}

/// Course days: a trainer falls ill on the first day of a planned session, and one course
/// moves to 08:30–15:30.
#[test]
fn calendars_follow_replans_of_course_days() {
    let v = read_json(&root().join("instances/liten-kursomgang.json"));
    let mut round = Round::solve(&v, &["--timetable-strategy", "greedy"], "2027-01-15");
    let plan = round.last_plan();
    let mut future: Vec<&Value> = plan["timetable"]["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| date(s["dates"][0].as_str().unwrap()) >= date("2027-02-02"))
        .collect();
    future.sort_by_key(|s| (s["dates"][0].as_str().unwrap().to_string(), s["id"].as_str().unwrap().to_string()));
    let hit = future[0];
    let mut v1 = v.clone();
    for t in v1["trainers"].as_array_mut().unwrap() {
        if t["id"] == hit["trainers"][0] {
            t["unavailable"] = json!([hit["dates"][0]]);
        }
    }
    let course = v1["courses"][0]["id"].as_str().unwrap().to_string();
    v1["courses"][0]["start_time"] = "08:30".into();
    v1["courses"][0]["end_time"] = "15:30".into();
    let mut times = Times::default();
    times.course.insert(course, (hm("08:30"), hm("15:30")));
    round.replan(&v1, "2027-02-02", times, "2027-02-01");
    round.assert_calendars_update(&[0, 1]);
    // Sessions that run on as planned keep their ids (and so their events' UIDs).
    let after = round.last_plan();
    for s in plan["timetable"]["sessions"].as_array().unwrap() {
        if let Some(same) =
            after["timetable"]["sessions"].as_array().unwrap().iter().find(|x| x["course"] == s["course"] && x["dates"] == s["dates"])
        {
            assert_eq!(same["id"], s["id"]);
        }
    }
}

#[test]
fn a_bad_source_date_epoch_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let mut cmd = Command::cargo_bin("trappa").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", "yesterday").arg("solve").arg(root().join("instances/uppsala-small.json")).arg("--out").arg(&out);
    cmd.assert().code(2).stderr(predicates::str::contains("SOURCE_DATE_EPOCH"));
    assert!(!out.exists());
}

/// `replan` stamps its plan too: the time is `SOURCE_DATE_EPOCH`, and a bad one is refused
/// before anything is written.
#[test]
fn a_replan_is_stamped_with_its_creation_time() {
    let v = read_json(&root().join("instances/uppsala-small.json"));
    let mut round = Round::solve(&v, &[], "2027-08-02");
    let first = round.last_plan();
    assert_eq!(first["run"]["created"], "2027-08-02T08:00:00Z");
    let bad = round.dir.path().join("plan-bad");
    let mut cmd = Command::cargo_bin("trappa").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", "1.5e9").arg("replan").arg(root().join("instances/uppsala-small.json"));
    cmd.arg("--previous").arg(&round.plans[0].0).args(["--today", "2027-11-01", "--out"]).arg(&bad);
    cmd.assert().code(2).stderr(predicates::str::contains("SOURCE_DATE_EPOCH"));
    assert!(!bad.exists());
    round.replan(&v, "2027-11-01", Times::default(), "2027-10-25");
    assert_eq!(round.last_plan()["run"]["created"], "2027-10-25T08:00:00Z");
    let stamps: BTreeSet<String> =
        calendar_files(&round.plans[1].0).values().flat_map(|t| events(t)).map(|e| e.stamp.to_rfc3339()).collect();
    assert_eq!(stamps.into_iter().collect::<Vec<_>>(), ["2027-10-25T08:00:00+00:00"]);
}

// ------------------------------------------------------------------ contents

fn solve_library(file: &Value) -> (LoadedInstance, PlanFile) {
    let loaded = load_instance_text(&serde_json::to_string_pretty(file).unwrap(), "test.json").unwrap();
    let params = SolveParams { timetable_strategy: TimetableStrategy::Greedy, ..Default::default() };
    let plan = plan_file(&loaded, "test.json", &solve::solve(&loaded.model, &params).unwrap());
    (loaded, plan)
}

/// A round with mentors, groups and courses: every file has the Stockholm time zone, every
/// event its kind's local times, and descriptions name people, never by id.
#[test]
fn events_have_local_times_places_and_names() {
    let file = generate(&GenOptions { courses: true, term: true, ..GenOptions::new(GenRegion::Uppsala, 120, 5) }).unwrap();
    let mut v = serde_json::to_value(&file).unwrap();
    v["courses"][1]["start_time"] = "08:15".into();
    v["venues"][0]["address"] = "Kungsgatan 5".into();
    let (loaded, plan) = solve_library(&v);
    let calendars = trappa::write::person_calendars(&plan, &loaded.file, &loaded.model);
    let f = &loaded.file;
    // Everyone who can appear in a calendar, id → name.
    let people = trappa::write::person_names(&loaded.model);
    let ids: Vec<&str> = people.keys().copied().collect();
    let name = |id: &str| people[id].to_string();
    let mut kinds = BTreeSet::new();
    for (person, text) in &calendars {
        let unfolded = icalendar::parser::unfold(text);
        let tree = icalendar::parser::read_calendar(&unfolded).unwrap();
        let tz = tree.components.iter().find(|c| c.name == "VTIMEZONE").expect("a VTIMEZONE");
        assert_eq!(tz.find_prop("TZID").unwrap().val.as_str(), "Europe/Stockholm");
        let parts: Vec<(&str, &str)> =
            tz.components.iter().map(|c| (c.name.as_str(), c.find_prop("TZOFFSETTO").unwrap().val.as_str())).collect();
        assert_eq!(parts, [("DAYLIGHT", "+0200"), ("STANDARD", "+0100")]);
        for e in events(text) {
            let (kind, hours) = if e.summary.starts_with("Mentorsträff") {
                ("mentor", ("13:00", "15:00"))
            } else if e.summary.starts_with("Kurs: ") {
                if e.summary.contains(&f.courses[1].name) {
                    ("course with its own times", ("08:15", "16:00"))
                } else {
                    ("course", ("09:00", "16:00"))
                }
            } else {
                ("group", ("13:00", "16:00"))
            };
            kinds.insert(kind);
            assert_eq!((e.start.time(), e.end.time()), (hm(hours.0), hm(hours.1)), "{kind}: {e:?}");
            assert_eq!(e.start.date(), e.end.date());
            for id in &ids {
                let words: Vec<&str> = e.description.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).collect();
                assert!(!words.contains(id), "{person}: the description names {id} by id: {}", e.description);
            }
            assert!(e.description.contains(&name(person)) || kind.starts_with("course"), "{person} is named: {}", e.description);
            if e.location.starts_with(&f.venues[0].name) {
                assert!(e.location.contains("Kungsgatan 5"), "{}", e.location);
            }
        }
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    // A course day's description names its trainers.
    let s = &plan.timetable.as_ref().unwrap().sessions[0];
    let day = events(&calendars[&s.attendees[0]]).into_iter().find(|e| e.summary.starts_with("Kurs: ")).unwrap();
    assert!(s.trainers.iter().all(|t| day.description.contains(&name(t))), "{}", day.description);
}

/// A one-megabyte name folds in linear time: every line at most 75 octets, never inside a
/// character, and the parser reads the name back whole.
#[test]
fn a_megabyte_summary_is_folded_and_read_back() {
    let mut v = read_json(&root().join("instances/uppsala-small.json"));
    let name: String = "Kerstin Ek-Åström €𝄞 ".repeat(40_000);
    assert!(name.len() >= 1 << 20);
    v["mentors"][0]["name"] = name.clone().into();
    let (loaded, plan) = solve_library(&v);
    let started = std::time::Instant::now();
    let calendars = trappa::write::person_calendars(&plan, &loaded.file, &loaded.model);
    eprintln!("calendars with a {} byte name written in {:?}", name.len(), started.elapsed());
    let mentee = &plan.mentorship.pairs.iter().find(|p| p.mentor == "m01").unwrap().mentee;
    for text in [&calendars["m01"], &calendars[mentee]] {
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "a line of {} octets", line.len());
        }
    }
    let first = events(&calendars[mentee]).into_iter().find(|e| e.summary.starts_with("Mentorsträff 1/")).unwrap();
    assert!(first.summary.ends_with(&format!("med mentor {name}")), "the summary is read back whole");
    assert!(first.description.contains(&name));
}
