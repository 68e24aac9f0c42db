//! Re-planning with the fewest changes: the frozen past is untouched, an unchanged round
//! re-plans to no changes, repairs change as few people as a brute force over the
//! alternatives finds, and `replan`/`diff` work from the command line. Every plan is checked.

mod common;

use chrono::NaiveDate;
use common::{assert_valid, load, read_json, root, trappa};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use trappa::check;
use trappa::diff::{calendars, diff, Names};
use trappa::format::plan::PlanFile;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::load::LoadedInstance;
use trappa::model::{CourseId, DemandId, TrainerId, VenueId};
use trappa::replan::{replan, ChangeWeights, ReplanParams};
use trappa::solve::timetable::{Outcome, Session, Timetable};
use trappa::solve::{SolveParams, TimetableStrategy};
use trappa::write::plan::timetable_plan;

fn read(name: &str) -> Value {
    read_json(&format!("instances/{name}"))
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn solve_checked(loaded: &LoadedInstance) -> PlanFile {
    // The greedy timetable is deterministic at any speed (the MILP's result depends on where
    // its time limit cuts it), so scenarios built on the plan are stable.
    let params = SolveParams { timetable_strategy: TimetableStrategy::Greedy, ..Default::default() };
    common::solve_checked(loaded, &params)
}

fn replan_checked(loaded: &LoadedInstance, previous: &PlanFile, today: &str, weights: ChangeWeights) -> PlanFile {
    let params = ReplanParams { today: date(today), weights, seed: 1, stop: Default::default() };
    // The notes are read in English below (a pair that "ends").
    let plan = trappa::text::in_lang(trappa::text::Lang::En, || replan(loaded, "test.json", previous, "0", &params)).unwrap();
    assert_valid(loaded, &plan);
    plan
}

fn ids(loaded: &LoadedInstance) -> BTreeSet<String> {
    let i = &loaded.model;
    i.participants
        .iter()
        .map(|p| p.id.clone())
        .chain(i.mentors.iter().map(|m| m.id.clone()))
        .chain(i.group_leaders.iter().map(|l| l.id.clone()))
        .chain(i.timetable.trainers.iter().map(|t| t.id.clone()))
        .collect()
}

/// Everything before `today` is as it was, for everyone still in the round.
fn assert_frozen(loaded: &LoadedInstance, a: &PlanFile, b: &PlanFile, today: &str) {
    let (ca, cb) = (calendars(a), calendars(b));
    let t = date(today);
    let empty = BTreeSet::new();
    for id in ids(loaded) {
        let before = |c: &trappa::diff::Calendars| -> Vec<_> {
            c.entries.get(&id).unwrap_or(&empty).iter().filter(|e| e.date < t).cloned().collect()
        };
        let (pa, mut pb) = (before(&ca), before(&cb));
        // A group's plan names one leader: a replacement leader is named for the group's
        // earlier meetings too. Participants' past is compared in full.
        if cb.roles.get(&id) == Some(&"leader") {
            pb.retain(|e| pa.contains(e));
        }
        // A pair that ended (someone left, or a rule or pin forbids it now) leaves the plan
        // with its meetings, and the plan's notes say so: nothing else may go.
        let pa: Vec<_> = pa
            .into_iter()
            .filter(|e| match &e.activity {
                trappa::diff::Activity::MentorMeeting { with } => {
                    let ended = b.replan.as_ref().is_some_and(|r| {
                        r.notes.iter().any(|n| n.contains("ends") && n.contains(with.as_str()) && n.contains(id.as_str()))
                    });
                    ids(loaded).contains(with) && !ended
                }
                _ => true,
            })
            .collect();
        assert_eq!(pa, pb, "the past of {id} changed");
    }
}

fn weighted(plan: &PlanFile) -> f64 {
    plan.replan.as_ref().unwrap().weighted_changes
}

fn all_parts() -> Value {
    let file = generate(&GenOptions { courses: true, term: true, ..GenOptions::new(GenRegion::Uppsala, 150, 3) }).unwrap();
    serde_json::to_value(file).unwrap()
}

#[test]
fn an_unchanged_round_replans_to_no_changes() {
    let v = all_parts();
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    for today in ["2027-01-11", "2027-03-01", "2027-05-17"] {
        let again = replan_checked(&loaded, &plan, today, ChangeWeights::default());
        let r = again.replan.as_ref().unwrap();
        assert!(r.changed.is_empty(), "{today}: {:?}", r.changed);
        assert_eq!(r.weighted_changes, 0.0);
        assert_eq!(r.kept_pairs.len(), plan.mentorship.pairs.len());
        assert_frozen(&loaded, &plan, &again, today);
        // Nothing planned is lost: the new plan holds every entry of the old one.
        let (ca, cb) = (calendars(&plan), calendars(&again));
        for (who, es) in &ca.entries {
            assert!(es.is_subset(cb.entries.get(who).unwrap()), "{who} lost an entry");
        }
    }
}

/// A mentor leaves, a trainer falls ill on a planned session, a participant leaves and a new
/// one joins.
#[test]
fn people_leave_and_join_mid_round() {
    let v = all_parts();
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let today = "2027-03-01";
    let mut v2 = v.clone();
    let gone_mentor = plan.mentorship.pairs[0].mentor.clone();
    let lost_mentees: Vec<String> = plan.mentorship.pairs.iter().filter(|p| p.mentor == gone_mentor).map(|p| p.mentee.clone()).collect();
    v2["mentors"].as_array_mut().unwrap().retain(|m| m["id"] != gone_mentor.as_str());
    let tt = plan.timetable.as_ref().unwrap();
    let mut future: Vec<_> = tt.sessions.iter().filter(|s| s.dates[0] >= date(today)).collect();
    future.sort_by_key(|s| s.dates[0]);
    let ill = future[0].trainers[0].clone();
    for t in v2["trainers"].as_array_mut().unwrap() {
        if t["id"] == ill.as_str() {
            t["unavailable"] = serde_json::json!(future[0].dates);
        }
    }
    let newcomer = {
        let mut p = v2["participants"][0].clone();
        p["id"] = "ny-001".into();
        p["name"] = "Åsa Nyström".into();
        p["wants_mentor"] = true.into();
        p
    };
    let unit = newcomer["unit"].as_str().unwrap().to_string();
    v2["participants"].as_array_mut().unwrap().push(newcomer);
    for u in v2["region"]["units"].as_array_mut().unwrap() {
        if u["id"] == unit.as_str() {
            u["headcount"] = (u["headcount"].as_i64().unwrap() + 1).into();
        }
    }
    let loaded2 = load(&v2);
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    assert_frozen(&loaded2, &plan, &again, today);
    let r = again.replan.as_ref().unwrap();
    let changed: BTreeSet<&str> = r.changed.iter().map(|c| c.person.as_str()).collect();
    // The ill trainer is replaced; the participants of that session keep their dates if
    // another trainer is free (only trainers are then told).
    assert!(changed.contains(ill.as_str()), "{changed:?}");
    for m in &lost_mentees {
        assert!(changed.contains(m.as_str()), "{m} lost a mentor and must be told");
    }
    // Pairs of other mentors run on.
    for p in plan.mentorship.pairs.iter().filter(|p| p.mentor != gone_mentor) {
        assert!(r.kept_pairs.iter().any(|k| k.mentor == p.mentor && k.mentee == p.mentee));
    }
    // Nobody outside the affected sessions, pairs and groups is told anything: when the session
    // moves, a mentor meeting of one of its attendees may have to move with it (meetings spread
    // over the month, so a moved course day can land on one), and that mentor is told too.
    let attendees_mentors: BTreeSet<&str> =
        plan.mentorship.pairs.iter().filter(|p| future[0].attendees.contains(&p.mentee)).map(|p| p.mentor.as_str()).collect();
    assert!(
        r.changed.len() <= lost_mentees.len() + 1 + future[0].trainers.len() + future[0].attendees.len() + attendees_mentors.len(),
        "{:#?}",
        r.changed
    );
    // diff agrees with the plan's list of changed people.
    let d: BTreeSet<String> = diff(&plan, &again, Some(date(today)), &Names::default())
        .into_iter()
        .filter(|x| x.disrupted() && ids(&loaded2).contains(&x.person))
        .map(|x| x.person)
        .collect();
    assert_eq!(d, changed.iter().map(|s| s.to_string()).collect());
}

/// Weighted change count of `cand` against `prev`, people still in the round only.
fn change_count(loaded: &LoadedInstance, prev: &PlanFile, cand: &PlanFile, today: &str, w: &ChangeWeights) -> f64 {
    let present = ids(loaded);
    diff(prev, cand, Some(date(today)), &Names::default())
        .iter()
        .filter(|d| d.disrupted() && present.contains(&d.person))
        .map(|d| w.of(&d.role))
        .sum()
}

/// The small course round: one future session breaks; a brute force tries every session
/// that could replace it (any start, venue and trainer, any set of its course's participants,
/// or none) with everything else as planned, keeps the plans the checker accepts, and finds
/// the fewest weighted changes and then the most served. The re-plan must reach both.
fn brute_force_timetable(mutate: impl Fn(&mut Value, &PlanFile), today: &str, w: ChangeWeights) {
    let v = read("liten-kursomgang.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let mut v2 = v.clone();
    mutate(&mut v2, &plan);
    let loaded2 = load(&v2);
    let again = replan_checked(&loaded2, &plan, today, w.clone());
    assert_frozen(&loaded2, &plan, &again, today);

    let inst = &loaded2.model;
    let m = &inst.timetable;
    let t0 = m.days.iter().position(|d| *d >= date(today)).unwrap();
    let prev = plan.timetable.as_ref().unwrap();
    let course = |id: &str| m.courses.iter().position(|c| c.id == id).unwrap();
    let demand =
        |p: &str, c: usize| m.demands.iter().position(|d| inst.participants[d.participant].id == p && d.course.index() == c).map(DemandId);
    let to_session = |s: &trappa::format::plan::SessionPlan| {
        let c = course(&s.course);
        Session {
            course: CourseId(c),
            days: s.dates.iter().map(|d| m.days.iter().position(|x| x == d).unwrap()).collect(),
            venue: VenueId(m.venues.iter().position(|x| x.id == s.venue).unwrap()),
            trainers: s.trainers.iter().map(|t| TrainerId(m.trainers.iter().position(|x| &x.id == t).unwrap())).collect(),
            attendees: s.attendees.iter().filter_map(|a| demand(a, c)).collect(),
        }
    };
    // The session the change hits is the first planned one that the new round does not
    // accept as it was; the others stay as planned.
    let mut future: Vec<_> = prev.sessions.iter().filter(|s| s.dates[0] >= date(today)).collect();
    future.sort_by_key(|s| (s.dates[0], s.id.clone()));
    let hit = future
        .iter()
        .position(|s| {
            again.timetable.as_ref().unwrap().sessions.iter().all(|x| x.dates != s.dates || x.venue != s.venue || x.trainers != s.trainers)
        })
        .expect("the change hits a planned session");
    let broken = [future[hit]];
    let fixed: Vec<Session> = prev
        .sessions
        .iter()
        .filter(|s| s.dates[0] < date(today) || (s.dates[0] >= date(today) && s.id != broken[0].id))
        .map(to_session)
        .collect();
    let c = course(&broken[0].course);
    let cands: Vec<usize> = (0..m.demands.len()).filter(|&d| m.demands[d].course.index() == c).collect();
    assert!(cands.len() <= 10);
    let mut best: Option<(i64, i64)> = None;
    let mut tried = 0;
    let mut options: Vec<Option<Session>> = vec![None];
    for days in m.starts[c].iter().filter(|d| d[0] >= t0) {
        for venue in 0..m.venues.len() {
            for &r in &m.courses[c].qualified {
                for mask in 0u32..(1 << cands.len()) {
                    let attendees: Vec<DemandId> = (0..cands.len()).filter(|i| mask >> i & 1 == 1).map(|i| DemandId(cands[i])).collect();
                    options.push(Some(Session {
                        course: CourseId(c),
                        days: days.clone(),
                        venue: VenueId(venue),
                        trainers: vec![r],
                        attendees,
                    }));
                }
            }
        }
    }
    for o in options {
        let mut sessions = fixed.clone();
        sessions.extend(o);
        let outcome = Outcome {
            timetable: Timetable { sessions },
            bound: None,
            proven_optimal: false,
            interrupted: false,
            stalled: None,
            neighbourhoods_exhausted: false,
            detail: String::new(),
        };
        let mut cand = again.clone();
        cand.timetable = Some(timetable_plan(inst, &outcome, "brute-force", "enumeration"));
        if !check::check(&loaded2.file, &loaded2.sha256, &cand).is_valid() {
            continue;
        }
        tried += 1;
        let changes = (change_count(&loaded2, &plan, &cand, today, &w) * 1000.0).round() as i64;
        let served: i64 = cand.timetable.as_ref().unwrap().sessions.iter().map(|s| s.attendees.len() as i64).sum();
        let key = (changes, -served);
        if best.is_none_or(|b| key < b) {
            best = Some(key);
        }
    }
    eprintln!("brute force: {tried} valid alternatives, best (changes×1000, −served) {best:?}");
    assert!(tried > 0);
    let best = best.unwrap();
    let got = (
        (weighted(&again) * 1000.0).round() as i64,
        -(again.timetable.as_ref().unwrap().sessions.iter().map(|s| s.attendees.len() as i64).sum::<i64>()),
    );
    assert_eq!(got, best, "re-plan (changes×1000, −served) vs brute force over {tried} valid alternatives");
}

fn make_unavailable(v: &mut Value, list: &str, id: &str, dates: &[&str]) {
    for x in v[list].as_array_mut().unwrap() {
        if x["id"] == id {
            x["unavailable"] = serde_json::json!(dates);
        }
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn first_future<'p>(plan: &'p PlanFile, today: &str) -> &'p trappa::format::plan::SessionPlan {
    let mut future: Vec<_> = plan.timetable.as_ref().unwrap().sessions.iter().filter(|s| s.dates[0] >= date(today)).collect();
    future.sort_by_key(|s| (s.dates[0], s.id.clone()));
    future[0]
}

/// The first planned session's trainer falls ill on its first day.
fn ill_on_first_future_day(v: &mut Value, plan: &PlanFile, today: &str) {
    let s = first_future(plan, today);
    make_unavailable(v, "trainers", &s.trainers[0], &[leak(s.dates[0].to_string())]);
}

#[test]
fn ill_trainer_is_replaced_as_brute_force_finds() {
    for w in [ChangeWeights::default(), ChangeWeights::parse("trainer=10").unwrap(), ChangeWeights::parse("participant=3").unwrap()] {
        brute_force_timetable(|v, p| ill_on_first_future_day(v, p, "2027-02-02"), "2027-02-02", w);
    }
}

#[test]
fn lost_venue_is_repaired_as_brute_force_finds() {
    brute_force_timetable(
        |v, p| {
            let s = first_future(p, "2027-02-02");
            let dates: Vec<&str> = s.dates.iter().map(|d| leak(d.to_string())).collect();
            make_unavailable(v, "venues", &s.venue, &dates);
        },
        "2027-02-02",
        ChangeWeights::default(),
    );
}

#[test]
fn both_trainers_ill_on_a_day_as_brute_force_finds() {
    brute_force_timetable(
        |v, p| {
            let s = first_future(p, "2027-02-02");
            let last = leak(s.dates.last().unwrap().to_string());
            make_unavailable(v, "trainers", "t1", &[last]);
            make_unavailable(v, "trainers", "t2", &[last]);
        },
        "2027-02-02",
        ChangeWeights::default(),
    );
}

/// Mentors: a mentor leaves. A brute force over every matching of the round (pairs kept or
/// not, any capacity-feasible assignment) finds the fewest people whose pair changes, then
/// the most matched; the re-plan reaches both.
#[test]
fn mentor_leaving_rematches_as_brute_force_finds() {
    let v = read("uppsala-small.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let today = "2027-11-01";
    for gone in ["m01", "m02", "m04"] {
        let mut v2 = v.clone();
        v2["mentors"].as_array_mut().unwrap().retain(|m| m["id"] != gone);
        if let Some(x) = v2["mentorship"]["exclusions"].as_array_mut() {
            x.retain(|e| e["mentor"] != gone);
        }
        let loaded2 = load(&v2);
        let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
        assert_frozen(&loaded2, &plan, &again, today);
        let problem = trappa::solve::mentor_matching::build_problem(&loaded2.model);
        let inst = &loaded2.model;
        let old: BTreeMap<String, String> = plan.mentorship.pairs.iter().map(|p| (p.mentee.clone(), p.mentor.clone())).collect();
        // Enumerate every assignment of the eligible mentees (mentor or none).
        let n = problem.mentees.len();
        let mut best: Option<(usize, i64)> = None;
        let mut choice = vec![0usize; n];
        loop {
            let mut load = vec![0usize; inst.mentors.len()];
            let mut ok = true;
            let mut pairs: BTreeMap<String, String> = BTreeMap::new();
            for (i, &c) in choice.iter().enumerate() {
                if c > 0 {
                    let (mm, _) = &problem.candidates[i][c - 1];
                    load[*mm] += 1;
                    ok &= load[*mm] <= problem.capacity[*mm];
                    pairs.insert(inst.participants[problem.mentees[i]].id.clone(), inst.mentors[*mm].id.clone());
                }
            }
            if ok {
                // Changed: a mentee whose mentor differs, and a present mentor losing a mentee.
                let present = ids(&loaded2);
                let mut changed: BTreeSet<String> = BTreeSet::new();
                for (e, mo) in &old {
                    if pairs.get(e) != Some(mo) {
                        if present.contains(e) {
                            changed.insert(e.clone());
                        }
                        if present.contains(mo) {
                            changed.insert(mo.clone());
                        }
                    }
                }
                let key = (changed.len(), -(pairs.len() as i64));
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
            let mut i = 0;
            while i < n {
                choice[i] += 1;
                if choice[i] <= problem.candidates[i].len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
            if i == n {
                break;
            }
        }
        let got = (again.replan.as_ref().unwrap().changed.len(), -(again.mentorship.pairs.len() as i64));
        assert_eq!(Some(got), best, "mentor {gone} leaves");
    }
}

/// Groups: a leader leaves; another qualified leader free on the planned dates takes the group
/// and the members keep their dates.
#[test]
fn leader_leaving_is_replaced_without_moving_members() {
    let v = all_parts();
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let today = "2027-03-01";
    let g = plan.groups.iter().flat_map(|p| &p.groups).find(|g| g.leader.is_some()).unwrap().clone();
    let leader = g.leader.clone().unwrap();
    let mut v2 = v.clone();
    v2["group_leaders"].as_array_mut().unwrap().retain(|l| l["id"] != leader.as_str());
    let loaded2 = load(&v2);
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    assert_frozen(&loaded2, &plan, &again, today);
    let g2 = again.groups.iter().flat_map(|p| &p.groups).find(|x| x.id == g.id).unwrap();
    assert_ne!(g2.leader.as_deref(), Some(leader.as_str()));
    assert_eq!(g2.members, g.members);
    let r = again.replan.as_ref().unwrap();
    if g2.meetings == g.meetings {
        assert!(r.changed.iter().all(|c| !g.members.contains(&c.person)), "members keep their dates: {:?}", r.changed);
    }
}

#[test]
fn replan_and_diff_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let inst = root().join("instances/liten-kursomgang.json");
    let p1 = dir.path().join("p1");
    trappa()
        .args(["solve", inst.to_str().unwrap(), "--quiet", "--timetable-strategy", "greedy", "--out", p1.to_str().unwrap()])
        .assert()
        .success();
    assert!(p1.join("instance.json").exists());
    let plan: PlanFile = serde_json::from_str(&std::fs::read_to_string(p1.join("plan.json")).unwrap()).unwrap();
    let s = first_future(&plan, "2027-02-02");
    let (ill, day, course) = (s.trainers[0].clone(), s.dates[0].to_string(), s.course.clone());
    let mut v = read("liten-kursomgang.json");
    make_unavailable(&mut v, "trainers", &ill, &[leak(day.clone())]);
    let changed = dir.path().join("changed.json");
    std::fs::write(&changed, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let p2 = dir.path().join("p2");
    let out = trappa()
        .env("TRAPPA_LANG", "en")
        .args([
            "replan",
            changed.to_str().unwrap(),
            "--previous",
            p1.to_str().unwrap(),
            "--today",
            "2027-02-02",
            "--out",
            p2.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("person(s) with changed dates"), "{text}");
    trappa().args(["check", changed.to_str().unwrap(), p2.to_str().unwrap()]).assert().success();
    let d = trappa().args(["diff", p1.to_str().unwrap(), p2.to_str().unwrap()]).assert().success();
    let text = String::from_utf8_lossy(&d.get_output().stdout).to_string();
    let name_of =
        |list: &str, id: &str| v[list].as_array().unwrap().iter().find(|x| x["id"] == id).unwrap()["name"].as_str().unwrap().to_string();
    assert!(text.contains(&format!("{} (utbildare)", name_of("trainers", &ill))), "{text}");
    assert!(text.contains(&format!("- {day} kurs {}", name_of("courses", &course))), "{text}");
    // The report of a re-planned round shows who must be told.
    let html = dir.path().join("r.html");
    trappa().args(["report", p2.to_str().unwrap(), "--out", html.to_str().unwrap()]).assert().success();
    let page = std::fs::read_to_string(&html).unwrap();
    let p2plan: PlanFile = serde_json::from_str(&std::fs::read_to_string(p2.join("plan.json")).unwrap()).unwrap();
    let n_changed = p2plan.replan.as_ref().unwrap().changed.len();
    assert!(page.contains(&format!("<section id=\"changes\" data-changed=\"{n_changed}\"")), "no changes section");
    assert!(page.contains(&format!("id=\"person-{ill}\"")) || page.contains(&ill));
    let d = trappa().args(["diff", p1.to_str().unwrap(), p1.to_str().unwrap(), "--json"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&d.get_output().stdout).trim(), "[]");
    // Bad input: exit 2, nothing written.
    let p3 = dir.path().join("p3");
    let bad_replan = |previous: &std::path::Path, today: &str, extra: &[&str]| {
        let mut args = vec!["replan", changed.to_str().unwrap(), "--previous", previous.to_str().unwrap(), "--today", today];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--out", p3.to_str().unwrap()]);
        trappa().args(&args).assert().code(2);
    };
    bad_replan(&p1, "2027-13-01", &[]);
    bad_replan(&p1, "2027-02-02", &["--change-weights", "boss=3"]);
    bad_replan(&changed, "2027-02-02", &[]);
    assert!(!p3.exists());
}

/// Pins added by hand before a re-plan hold in the re-planned round (the checker verifies
/// them, C090–C092), and the rest is kept.
#[test]
fn pins_added_before_a_replan_hold() {
    // Mentor pairs: the previous plan had no pins; the coordinator pins two pairs with dates.
    let v = read("uppsala-small.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let mut v2 = read("uppsala-small-pins.json");
    v2["round"]["name"] = v["round"]["name"].clone();
    let loaded2 = load(&v2);
    let today = "2027-10-01";
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    assert_frozen(&loaded2, &plan, &again, today);
    for fp in v2["mentorship"]["fixed_pairs"].as_array().unwrap() {
        let pair = again
            .mentorship
            .pairs
            .iter()
            .find(|p| p.mentor == fp["mentor"].as_str().unwrap() && p.mentee == fp["mentee"].as_str().unwrap());
        let pair = pair.unwrap_or_else(|| panic!("pinned pair {fp} missing"));
        for d in fp["meetings"].as_array().into_iter().flatten() {
            assert!(pair.meetings.contains(&date(d.as_str().unwrap())), "pinned date {d} missing");
        }
    }

    // A course session: the coordinator pins the first planned session's venue and a
    // participant into it; the session and its people stay as planned.
    let v = read("liten-kursomgang.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let today = "2027-02-02";
    let s = first_future(&plan, today).clone();
    let extra = loaded
        .model
        .timetable
        .demands
        .iter()
        .map(|d| (loaded.model.participants[d.participant].id.clone(), loaded.model.timetable.courses[d.course].id.clone()))
        .find(|(p, c)| *c == s.course && s.attendees.contains(p))
        .unwrap()
        .0;
    let mut v2 = v.clone();
    v2["fixed_sessions"] = serde_json::json!([{ "id": "pinned", "course": s.course, "venue": s.venue, "attendees": [extra] }]);
    let loaded2 = load(&v2);
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    assert_frozen(&loaded2, &plan, &again, today);
    assert_eq!(weighted(&again), 0.0, "{:?}", again.replan);
    assert!(again
        .timetable
        .as_ref()
        .unwrap()
        .sessions
        .iter()
        .any(|x| x.dates == s.dates && x.venue == s.venue && x.attendees.contains(&extra)));

    // Groups: pin two members of different groups together.
    let v = all_parts();
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let prog = &plan.groups[0];
    let (a, b) = (prog.groups[0].members[0].clone(), prog.groups[1].members[0].clone());
    let mut v2 = v.clone();
    let pi = v2["group_programmes"].as_array().unwrap().iter().position(|g| g["id"] == prog.programme.as_str()).unwrap();
    v2["group_programmes"][pi]["fixed_groups"] = serde_json::json!([{ "members": [a, b] }]);
    let loaded2 = load(&v2);
    let today = "2027-03-01";
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    let g = again.groups[0].groups.iter().find(|g| g.members.contains(&a)).unwrap();
    assert!(g.members.contains(&b));
    // Only the moved members are told: the one joining the pinned partner and, if that group
    // was full, the one making room; everyone else keeps their dates.
    let r = again.replan.as_ref().unwrap();
    assert!(r.changed.len() <= 2, "{:?}", r.changed);
    assert!(r.changed.iter().any(|c| c.person == a || c.person == b));
}

fn remove_participant(v: &mut Value, id: &str) {
    v["participants"].as_array_mut().unwrap().retain(|p| p["id"] != id);
    // `get_mut`, not indexing: indexing a missing key would add it as null.
    for key in ["demand", "course_history"] {
        if let Some(a) = v.get_mut(key).and_then(Value::as_array_mut) {
            a.retain(|x| x["participant"] != id);
        }
    }
    for key in ["exclusions", "pair_costs"] {
        if let Some(a) = v.get_mut("mentorship").and_then(|m| m.get_mut(key)).and_then(Value::as_array_mut) {
            a.retain(|x| x["mentee"] != id);
        }
    }
    if let Some(gs) = v.get_mut("group_programmes").and_then(Value::as_array_mut) {
        for g in gs {
            if let Some(e) = g.get_mut("enrolled").and_then(Value::as_array_mut) {
                e.retain(|x| x != id);
            }
        }
    }
}

/// People who leave after a session has run: the session is history and stays as it was for
/// the others, even below the course's minimum size now (the checker accepts that for
/// sessions before the re-plan's date, and only for them).
#[test]
fn leaving_after_a_session_keeps_its_history() {
    let v = read("mall/exempel.json");
    let loaded = load(&v);
    let plan = solve_checked(&loaded);
    let today = "2027-03-01";
    let tt = plan.timetable.as_ref().unwrap();
    let s = tt.sessions.iter().find(|s| s.dates[0] < date(today)).expect("a session before today").clone();
    let min = v["courses"].as_array().unwrap().iter().find(|c| c["course"] == s.course.as_str() || c["id"] == s.course.as_str()).unwrap()
        ["min_size"]
        .as_u64()
        .unwrap_or(6) as usize;
    let mut v2 = v.clone();
    let leaving: Vec<String> = s.attendees.iter().take(s.attendees.len() + 1 - min.min(s.attendees.len())).cloned().collect();
    for id in &leaving {
        remove_participant(&mut v2, id);
    }
    let loaded2 = load(&v2);
    let again = replan_checked(&loaded2, &plan, today, ChangeWeights::default());
    assert_frozen(&loaded2, &plan, &again, today);
    let kept = again.timetable.as_ref().unwrap().sessions.iter().find(|x| x.dates == s.dates && x.course == s.course).unwrap();
    assert!(kept.attendees.len() < min, "the scenario puts the past session below its minimum");
    // The same session planned from today on would break the rule: the checker says so.
    let mut moved = again.clone();
    moved.replan.as_mut().unwrap().today = s.dates[0];
    let report = check::check(&loaded2.file, &loaded2.sha256, &moved);
    assert!(report.violations.iter().any(|x| x.code == "C053"), "{:?}", report.violations);
}

/// `diff` is what a coordinator acts on: from the re-plan date on (a departed person's past is
/// not listed), by name, counted as `replan` counts, with newcomers as "new dates"; the
/// report's change table lists the newcomers too.
#[test]
fn diff_names_people_from_the_replan_date_and_counts_as_replan_does() {
    let dir = tempfile::tempdir().unwrap();
    let v = read("mall/exempel.json");
    let (inst, p1) = (dir.path().join("round.json"), dir.path().join("plan"));
    std::fs::write(&inst, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    trappa().args(["solve", inst.to_str().unwrap(), "--quiet", "--out", p1.to_str().unwrap()]).assert().success();
    let plan: PlanFile = serde_json::from_str(&std::fs::read_to_string(p1.join("plan.json")).unwrap()).unwrap();
    let today = "2027-03-01";
    // d01 leaves (a mentee with meetings before and after today); a newcomer who wants a mentor joins.
    let pair = plan.mentorship.pairs.iter().find(|p| p.mentee == "d01").expect("d01 has a mentor");
    assert!(pair.meetings.iter().any(|d| *d < date(today)) && pair.meetings.iter().any(|d| *d >= date(today)));
    let mut v2 = v.clone();
    remove_participant(&mut v2, "d01");
    let mut newcomer = v["participants"][0].clone();
    newcomer["id"] = "d99".into();
    newcomer["name"] = "Nora Nykomling".into();
    v2["participants"].as_array_mut().unwrap().push(newcomer);
    let changed = dir.path().join("round2.json");
    std::fs::write(&changed, serde_json::to_string_pretty(&v2).unwrap()).unwrap();
    let out = trappa()
        .env("TRAPPA_LANG", "en")
        .args(["replan", changed.to_str().unwrap(), "--previous", p1.to_str().unwrap(), "--today", today, "--quiet"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let p2 = dir.path().join(format!("plan-{today}"));
    trappa().args(["check", changed.to_str().unwrap(), p2.to_str().unwrap()]).assert().success();
    let again: PlanFile = serde_json::from_str(&std::fs::read_to_string(p2.join("plan.json")).unwrap()).unwrap();
    let r = again.replan.as_ref().unwrap();
    assert!(r.added.contains(&"d99".to_string()), "the newcomer only gains dates: {:?}", r.added);
    assert!(said.contains(&format!("{} person(s) with changed dates", r.changed.len())), "{said}");

    let d = trappa().args(["diff", p1.to_str().unwrap(), p2.to_str().unwrap()]).assert().success();
    let text = String::from_utf8_lossy(&d.get_output().stdout).to_string();
    assert!(text.contains(&format!("från och med {today}")), "the default is the re-plan date: {text}");
    // Names, not ids; the departed mentee's past meetings are not listed.
    assert!(text.contains("Nora Nykomling (deltagare)") && !text.contains("d99"), "{text}");
    assert!(text.contains("Åsa Öberg (deltagare)"), "{text}");
    for past in pair.meetings.iter().filter(|d| **d < date(today)) {
        assert!(!text.contains(&past.to_string()), "a date before the re-plan is listed: {past}\n{text}");
    }
    let last = text.lines().last().unwrap();
    assert!(
        last.contains(&format!(
            "{} med ändrade eller borttagna datum, {} med bara nya datum, 1 som lämnat omgången",
            r.changed.len(),
            r.added.len()
        )),
        "diff counts as replan does: {last}"
    );
    // The same kinds in JSON.
    let d = trappa().args(["diff", p1.to_str().unwrap(), p2.to_str().unwrap(), "--json"]).assert().success();
    let j: Value = serde_json::from_slice(&d.get_output().stdout).unwrap();
    let kind_of = |id: &str| j.as_array().unwrap().iter().find(|x| x["person"] == id).map(|x| x["kind"].as_str().unwrap().to_string());
    assert_eq!(kind_of("d99").as_deref(), Some("new_dates"));
    assert_eq!(kind_of("d01").as_deref(), Some("departed"));
    for c in &r.changed {
        assert_eq!(kind_of(&c.person).as_deref(), Some("changed"), "{}", c.person);
    }
    // `--from` still chooses another day: from the round's start, d01's past is listed.
    let d = trappa().args(["diff", p1.to_str().unwrap(), p2.to_str().unwrap(), "--from", "2027-01-11"]).assert().success();
    let all = String::from_utf8_lossy(&d.get_output().stdout).to_string();
    assert!(pair.meetings.iter().all(|m| all.contains(&m.to_string())), "{all}");
    // The report lists the newcomer as one who only gets new dates.
    let html = dir.path().join("r.html");
    trappa().args(["report", p2.to_str().unwrap(), "--out", html.to_str().unwrap()]).assert().success();
    let page = std::fs::read_to_string(&html).unwrap();
    let section = &page[page.find("<section id=\"changes\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("Får bara nya datum") && section.contains("Nora Nykomling"), "{section}");
}
