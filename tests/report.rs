//! `trappa report`: the HTML page's figures against the plan, the cost split, escaping, bad
//! input, and a real browser (headless Chromium) parsing and drawing the page. Every solve is
//! checked with the checker.

mod common;

use common::{root, trappa};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use trappa::format::plan::PlanFile;
use trappa::report::html::{self, CostSplit, ReportOptions};

/// A scratch directory for this test binary's run (solves are shared between tests).
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::Builder::new().prefix("report-tests-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()).path()
}

/// Solves an instance with the binary into `scratch()/name`, checks the plan with the checker
/// and returns the plan directory. `extra` keeps the solves fast (the page, not the plan's
/// quality, is under test).
fn solve_checked(instance: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = scratch().join(name);
    trappa().arg("solve").arg(instance).arg("--out").arg(&out).arg("--quiet").args(extra).assert().success();
    let bytes = fs::read(instance).unwrap();
    let file = trappa::load::parse_and_validate(&String::from_utf8_lossy(&bytes)).expect("valid instance");
    let plan = read_plan(&out);
    let report = trappa::check::check(&file, &trappa::load::sha256_hex(&bytes), &plan);
    assert!(report.is_valid(), "{name}: {:?}", report.violations);
    out
}

fn read_plan(dir: &Path) -> PlanFile {
    serde_json::from_str(&fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap()
}

/// A fixture: the instance, its plan directory and the report written with the default options.
struct Fixture {
    instance: PathBuf,
    plan_dir: PathBuf,
    html: String,
}

fn fixture(name: &str, instance: PathBuf, extra: &[&str]) -> Fixture {
    let plan_dir = solve_checked(&instance, name, extra);
    let out = scratch().join(format!("{name}.html"));
    trappa().arg("report").arg(&plan_dir).arg("--out").arg(&out).assert().success();
    Fixture { instance, html: fs::read_to_string(&out).unwrap(), plan_dir }
}

/// Göteborgsregionen 2027: mentors and groups, no timetable.
fn gr() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| fixture("gr", root().join("instances/gr-2027.json"), &["--time-limit", "2"]))
}

/// A small course round: a timetable only.
fn liten() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| fixture("liten", root().join("instances/liten-kursomgang.json"), &["--timetable-strategy", "greedy"]))
}

/// A generated Uppsala term with every part: mentors, groups and courses.
fn uppsala() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let path = generated("uppsala-all.json", trappa::generate::GenRegion::Uppsala, 150, true);
        fixture("uppsala", path, &["--timetable-strategy", "greedy", "--time-limit", "2"])
    })
}

/// A generated round written to `scratch()/name` (seed 3; with courses, one term).
fn generated(name: &str, region: trappa::generate::GenRegion, participants: usize, courses: bool) -> PathBuf {
    let opts = trappa::generate::GenOptions {
        region,
        participants,
        mentees: None,
        mentors: None,
        mentor_capacity: None,
        seed: 3,
        courses,
        term: courses,
        no_groups: false,
    };
    let file = trappa::generate::generate(&opts).unwrap();
    let path = scratch().join(name);
    fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path
}

/// The names that must come out escaped.
const NASTY_ROUND: &str = "<b>Runda</b> & \"citat\" 'enkla'";
const NASTY_PERSON: &str = "<script>alert(\"x\")</script> Öberg & Co";
const NASTY_MUNI: &str = "Heby <kommun> & \"Ö\"";

/// Uppsala small (mentors only) with markup, ampersands and quotes in names.
fn nasty() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut v: Value = serde_json::from_str(&fs::read_to_string(root().join("instances/uppsala-small.json")).unwrap()).unwrap();
        v["round"]["name"] = NASTY_ROUND.into();
        v["participants"][0]["name"] = NASTY_PERSON.into();
        for m in v["region"]["municipalities"].as_array_mut().unwrap() {
            if m["id"] == "heby" {
                m["name"] = NASTY_MUNI.into();
            }
        }
        let path = scratch().join("nasty.json");
        fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        fixture("nasty", path, &[])
    })
}

/// The value of attribute `name` on the element whose start tag begins with `tag_start`.
fn attr(html: &str, tag_start: &str, name: &str) -> String {
    let i = html.find(tag_start).unwrap_or_else(|| panic!("no {tag_start}"));
    let tag = &html[i..i + html[i..].find('>').unwrap()];
    let key = format!(" {name}=\"");
    let j = tag.find(&key).unwrap_or_else(|| panic!("no {name} on {tag_start}")) + key.len();
    tag[j..j + tag[j..].find('"').unwrap()].to_string()
}

fn num(html: &str, tag_start: &str, name: &str) -> i64 {
    attr(html, tag_start, name).parse().unwrap_or_else(|e| panic!("{name} on {tag_start}: {e}"))
}

/// Every start tag beginning with `tag_start`, as the text up to its `>`.
fn tags<'a>(html: &'a str, tag_start: &str) -> Vec<&'a str> {
    html.match_indices(tag_start).map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()]).collect()
}

fn tag_attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let j = tag.find(&key).unwrap_or_else(|| panic!("no {name} in {tag}")) + key.len();
    tag[j..j + tag[j..].find('"').unwrap()].to_string()
}

/// The course costs of a plan in SEK, recomputed from the instance's rates.
fn course_cost(instance: &Value, plan: &PlanFile) -> f64 {
    let Some(t) = &plan.timetable else { return 0.0 };
    let find = |list: &str, id: &str| instance[list].as_array().unwrap().iter().find(|x| x["id"] == id).cloned().unwrap();
    let rate = |x: &Value, k: &str| x[k].as_f64().unwrap_or(0.0);
    t.sessions
        .iter()
        .map(|s| {
            let days = s.dates.len() as f64;
            let course = find("courses", &s.course);
            let venue = find("venues", &s.venue);
            let trainers: f64 = s.trainers.iter().map(|r| rate(&find("trainers", r), "day_rate")).sum();
            (rate(&venue, "day_rate") + trainers + rate(&course, "day_cost")) * days + rate(&course, "fixed_cost")
        })
        .sum()
}

/// The page's headline, timeline, map and people figures equal those recomputed from the plan.
fn assert_figures(f: &Fixture) {
    let plan = read_plan(&f.plan_dir);
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let h = &f.html;
    let hl = "<section id=\"headline\"";
    let groups: usize = plan.groups.iter().map(|g| g.groups.len()).sum();
    let sessions = plan.timetable.as_ref().map(|t| t.sessions.len()).unwrap_or(0);
    assert_eq!(num(h, hl, "data-pairs") as usize, plan.mentorship.pairs.len());
    assert_eq!(num(h, hl, "data-groups") as usize, groups);
    assert_eq!(num(h, hl, "data-sessions") as usize, sessions);
    assert_eq!(num(h, hl, "data-participants") as usize, instance["participants"].as_array().unwrap().len());
    assert_eq!(num(h, hl, "data-unmatched") as usize, plan.mentorship.unmatched.len());
    assert_eq!(num(h, hl, "data-group-unserved") as usize, plan.groups.iter().map(|g| g.unserved.len()).sum::<usize>());
    assert_eq!(num(h, hl, "data-timetable-unserved") as usize, plan.timetable.as_ref().map(|t| t.unserved.len()).unwrap_or(0));
    let mentor_meetings: usize = plan.mentorship.pairs.iter().map(|p| p.meetings.len()).sum();
    let group_meetings: usize = plan.groups.iter().flat_map(|g| &g.groups).map(|g| g.meetings.len()).sum();
    assert_eq!(num(h, hl, "data-mentor-meetings") as usize, mentor_meetings);
    assert_eq!(num(h, hl, "data-group-meetings") as usize, group_meetings);

    // Unserved by reason: the counts on the details elements add up per category.
    let by_reason: i64 = tags(h, "<details class=\"reasons\"").iter().map(|t| tag_attr(t, "data-count").parse::<i64>().unwrap()).sum();
    let expected = plan.mentorship.unmatched.len()
        + plan.mentorship.not_eligible.len()
        + plan.groups.iter().map(|g| g.unserved.len() + g.not_eligible.len()).sum::<usize>()
        + plan.timetable.as_ref().map(|t| t.unserved.len()).unwrap_or(0);
    assert_eq!(by_reason as usize, expected);

    // Timeline: one session group per session, month bars adding up to the meetings.
    assert_eq!(h.matches("<g class=\"session\"").count(), sessions);
    let mut month_mentor = 0;
    let mut month_group = 0;
    for t in tags(h, "<rect class=\"month-bar\"") {
        let n: usize = tag_attr(t, "data-count").parse().unwrap();
        if tag_attr(t, "data-series") == "mentor" {
            month_mentor += n;
        } else {
            month_group += n;
        }
    }
    assert_eq!((month_mentor, month_group), (mentor_meetings, group_meetings));

    // Map: a circle per municipality; pair lines count the cross-municipality pairs.
    let munis = instance["region"]["municipalities"].as_array().unwrap();
    assert_eq!(h.matches("<circle class=\"muni\"").count(), munis.len());
    let line_pairs: usize = tags(h, "<line class=\"pair-line\"").iter().map(|t| tag_attr(t, "data-count").parse::<usize>().unwrap()).sum();
    assert_eq!(line_pairs as i64, num(h, "<section id=\"map\"", "data-cross-pairs"));
    assert_eq!(tags(h, "<line class=\"pair-line\"").len() as i64, num(h, "<section id=\"map\"", "data-pair-lines"));
    assert_eq!(tags(h, "<path class=\"group-line\"").len() as i64, num(h, "<section id=\"map\"", "data-group-lines"));

    // Municipalities: seats add up to the plan's.
    let rows = tags(h, "<tr data-municipality=");
    assert_eq!(rows.len(), munis.len());
    let sum = |k: &str| rows.iter().map(|t| tag_attr(t, k).parse::<i64>().unwrap()).sum::<i64>();
    assert_eq!(sum("data-mentees") as usize, plan.mentorship.pairs.len());
    assert_eq!(sum("data-mentors") as usize, plan.mentorship.pairs.len());
    assert_eq!(sum("data-group-places") as usize, plan.groups.iter().flat_map(|g| &g.groups).map(|g| g.members.len()).sum::<usize>());
    assert_eq!(
        sum("data-course-seats") as usize,
        plan.timetable.iter().flat_map(|t| &t.sessions).map(|s| s.attendees.len()).sum::<usize>()
    );
    assert_eq!(sum("data-participants") as usize, instance["participants"].as_array().unwrap().len());
    let total = num(h, "<section id=\"municipalities\"", "data-total-cost");
    assert_eq!(sum("data-cost"), total, "the parts add up to the total");
    let cost = course_cost(&instance, &plan);
    assert_eq!(total, cost.round() as i64);
    if let Some(t) = &plan.timetable {
        assert!((t.objective.terms["session_cost"] - cost).abs() < 0.5, "the plan's session_cost term is the split cost");
    }

    // People: every participant has an entry; the entries' days match the plan.
    assert_eq!(h.matches("<details class=\"person\"").count() as i64, num(h, "<section id=\"people\"", "data-people"));
    for p in instance["participants"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        assert!(h.contains(&format!("id=\"person-{id}\"")), "{id} has a calendar entry");
    }
    if let Some(pair) = plan.mentorship.pairs.first() {
        let tag = format!("<details class=\"person\" id=\"person-{}\"", pair.mentee);
        let n = num(h, &tag, "data-entries") as usize;
        let sessions_of: usize =
            plan.timetable.iter().flat_map(|t| &t.sessions).filter(|s| s.attendees.contains(&pair.mentee)).map(|s| s.dates.len()).sum();
        let groups_of: usize =
            plan.groups.iter().flat_map(|g| &g.groups).filter(|g| g.members.contains(&pair.mentee)).map(|g| g.meetings.len()).sum();
        assert_eq!(n, pair.meetings.len() + sessions_of + groups_of);
        let start = h.find(&tag).unwrap();
        let block = &h[start..start + h[start..].find("</details>").unwrap()];
        for d in &pair.meetings {
            assert!(block.contains(&format!("data-date=\"{d}\"")), "meeting {d} in {}'s calendar", pair.mentee);
        }
    }
}

/// The page is one self-contained document: nothing from the network, the sections in place.
fn assert_self_contained(h: &str) {
    assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(h.contains("<meta charset=\"utf-8\">"));
    assert!(!h.contains("http://") && !h.contains("https://") && !h.contains("//cdn"), "no network references");
    assert!(!h.contains(" src="), "no external sources");
    for (i, _) in h.match_indices(" href=\"") {
        assert!(h[i + 7..].starts_with('#'), "only in-page links: {}", &h[i..i + 60.min(h.len() - i)]);
    }
    assert_eq!(h.matches("<script").count(), 1, "one inline script");
    for id in ["headline", "unserved", "timeline", "map", "municipalities", "people"] {
        assert_eq!(h.matches(&format!("<section id=\"{id}\"")).count(), 1, "section {id}");
    }
    for label in ["Deltagare", "Mentorpar", "Ej placerade", "Tidslinje", "Karta", "Kostnad per kommun", "Kalender per person"] {
        assert!(h.contains(label), "label {label}");
    }
    assert!(h.contains("<svg") && h.contains("Förklaring"), "pictures with legends");
}

#[test]
fn mentors_and_groups_page_matches_the_plan() {
    let f = gr();
    assert_self_contained(&f.html);
    assert_figures(f);
    // No timetable: nothing to split, and the page says so.
    assert_eq!(num(&f.html, "<section id=\"municipalities\"", "data-total-cost"), 0);
    assert!(f.html.contains("ingen kursplan"));
    assert!(num(&f.html, "<section id=\"map\"", "data-group-lines") > 0);
}

#[test]
fn course_round_page_matches_the_plan() {
    let f = liten();
    assert_self_contained(&f.html);
    assert_figures(f);
    assert!(num(&f.html, "<section id=\"headline\"", "data-sessions") > 0);
}

#[test]
fn all_parts_page_matches_the_plan_and_splits_costs_by_population() {
    let f = uppsala();
    assert_self_contained(&f.html);
    assert_figures(f);
    let h = &f.html;
    assert_eq!(attr(h, "<section id=\"municipalities\"", "data-cost-split"), "population");
    let total = num(h, "<section id=\"municipalities\"", "data-total-cost");
    assert!(total > 0);
    // Each part is the municipality's population share of the total (within rounding).
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let munis = instance["region"]["municipalities"].as_array().unwrap();
    let pop: f64 = munis.iter().map(|m| m["population"].as_f64().unwrap()).sum();
    for m in munis {
        let tag = format!("<tr data-municipality=\"{}\"", m["id"].as_str().unwrap());
        let want = total as f64 * m["population"].as_f64().unwrap() / pop;
        let got = num(h, &tag, "data-cost") as f64;
        assert!((got - want).abs() <= 1.0, "{tag}: {got} vs {want}");
    }
}

#[test]
fn per_participant_split_follows_course_seats_and_adds_up() {
    let f = uppsala();
    let out = scratch().join("uppsala-participants.html");
    trappa().arg("report").arg(&f.plan_dir).arg("--out").arg(&out).args(["--cost-split", "participants"]).assert().success();
    let h = fs::read_to_string(&out).unwrap();
    assert_eq!(attr(&h, "<section id=\"municipalities\"", "data-cost-split"), "participants");
    let total = num(&h, "<section id=\"municipalities\"", "data-total-cost");
    let rows = tags(&h, "<tr data-municipality=");
    let seats: Vec<f64> = rows.iter().map(|t| tag_attr(t, "data-course-seats").parse().unwrap()).collect();
    let costs: Vec<i64> = rows.iter().map(|t| tag_attr(t, "data-cost").parse().unwrap()).collect();
    assert_eq!(costs.iter().sum::<i64>(), total);
    let all: f64 = seats.iter().sum();
    for (s, c) in seats.iter().zip(&costs) {
        assert!((*c as f64 - total as f64 * s / all).abs() <= 1.0);
    }
    assert_ne!(h, f.html, "the split changes the page");
}

#[test]
fn both_cost_splits_side_by_side_with_kronor_per_participant_and_seat_and_travel_in_hours() {
    let f = uppsala();
    let h = &f.html;
    let total = num(h, "<section id=\"municipalities\"", "data-total-cost");
    assert!(total > 0, "the round has course costs");
    let rows = tags(h, "<tr data-municipality=");
    let col = |k: &str| rows.iter().map(|t| tag_attr(t, k)).collect::<Vec<String>>();
    let ints = |k: &str| col(k).iter().map(|v| v.parse::<i64>().unwrap()).collect::<Vec<i64>>();
    // The population split is the chosen one here: it is the row's cost.
    assert_eq!(ints("data-cost-population"), ints("data-cost"));
    // The usage split: by course seats, adding up to the total.
    let seats: Vec<f64> = ints("data-course-seats").iter().map(|&s| s as f64).collect();
    assert_eq!(ints("data-cost-usage"), html::split_cost(total, &seats));
    assert_eq!(ints("data-cost-usage").iter().sum::<i64>(), total);
    // Kronor per participant and per used seat of the chosen split; empty where there are none.
    for (((cost, parts), seats), (pp, ps)) in ints("data-cost")
        .iter()
        .zip(ints("data-participants"))
        .zip(ints("data-course-seats"))
        .zip(col("data-cost-per-participant").iter().zip(col("data-cost-per-seat")))
    {
        let expect = |n: i64| if n > 0 { format!("{:.0}", *cost as f64 / n as f64) } else { String::new() };
        assert_eq!(pp, &expect(parts));
        assert_eq!(ps, expect(seats));
    }
    // Travel in hours with one decimal.
    for (min, hours) in ints("data-travel-minutes").iter().zip(col("data-travel-hours")) {
        assert!((hours.parse::<f64>().unwrap() - *min as f64 / 60.0).abs() <= 0.051, "{min} min is {hours} h");
    }
    let table = &h[h.find("<table class=\"municipalities\"").unwrap()..];
    let head = &table[..table.find("</thead>").unwrap()];
    for label in ["Restid (h)", "Efter befolkning (kr)", "Efter användning (kr)", "kr per deltagare", "kr per kursplats"] {
        assert!(head.contains(label), "column {label}");
    }
    assert!(!head.contains("Restid (min)"));
    let seats_total: i64 = ints("data-course-seats").iter().sum();
    let per_seat = html::int_sv((total as f64 / seats_total as f64).round() as i64);
    assert!(h.contains(&format!("{per_seat} kr per kursplats")), "the round's cost per seat in the note");
}

#[test]
fn cost_shares_of_the_instance_are_used_when_given() {
    let f = uppsala();
    let plan = read_plan(&f.plan_dir);
    let mut file = trappa::load::parse_and_validate(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let n = file.region.municipalities.len();
    for (i, m) in file.region.municipalities.iter_mut().enumerate() {
        m.cost_share = Some(if i == 0 { 0.5 } else { 0.5 / (n - 1) as f64 });
    }
    let inst = trappa::load::build(&file);
    let h = html::render(&plan, &file, &inst, ReportOptions { cost_split: CostSplit::Population });
    let total = num(&h, "<section id=\"municipalities\"", "data-total-cost");
    let first = format!("<tr data-municipality=\"{}\"", file.region.municipalities[0].id);
    assert!((num(&h, &first, "data-cost") as f64 - total as f64 / 2.0).abs() <= 1.0);
    assert!(h.contains("cost_share"));
    assert_eq!(tags(&h, "<tr data-municipality=").iter().map(|t| tag_attr(t, "data-cost").parse::<i64>().unwrap()).sum::<i64>(), total);
}

#[test]
fn every_combination_of_parts_renders() {
    let f = uppsala();
    let full = read_plan(&f.plan_dir);
    let file = trappa::load::parse_and_validate(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let inst = trappa::load::build(&file);
    for (groups, timetable, mentors) in
        [(true, true, true), (true, false, true), (false, true, true), (false, false, true), (false, false, false)]
    {
        let mut plan = full.clone();
        if !groups {
            plan.groups.clear();
        }
        if !timetable {
            plan.timetable = None;
        }
        if !mentors {
            plan.mentorship = Default::default();
        }
        for split in [CostSplit::Population, CostSplit::Participants] {
            let h = html::render(&plan, &file, &inst, ReportOptions { cost_split: split });
            assert_self_contained(&h);
            assert_eq!(num(&h, "<section id=\"headline\"", "data-groups") > 0, groups);
            assert_eq!(num(&h, "<section id=\"headline\"", "data-sessions") > 0, timetable);
            assert_eq!(num(&h, "<section id=\"municipalities\"", "data-total-cost") > 0, timetable);
            let costs: i64 = tags(&h, "<tr data-municipality=").iter().map(|t| tag_attr(t, "data-cost").parse::<i64>().unwrap()).sum();
            assert_eq!(costs, num(&h, "<section id=\"municipalities\"", "data-total-cost"));
        }
    }
}

#[test]
fn same_plan_gives_the_same_bytes() {
    let f = liten();
    let out = scratch().join("liten-again.html");
    trappa().arg("report").arg(f.plan_dir.join("plan.json")).arg("--out").arg(&out).assert().success();
    assert_eq!(fs::read_to_string(&out).unwrap(), f.html);
}

#[test]
fn names_with_markup_are_escaped() {
    let f = nasty();
    let h = &f.html;
    assert_self_contained(h);
    assert!(!h.contains("<b>Runda"), "round name not markup");
    assert!(!h.contains("<script>alert"), "person name not markup");
    assert!(!h.contains("<kommun>"));
    assert!(h.contains("&lt;b&gt;Runda&lt;/b&gt; &amp; &quot;citat&quot; &#39;enkla&#39;"));
    assert!(h.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Öberg &amp; Co"));
    assert!(h.contains("Heby &lt;kommun&gt; &amp; &quot;Ö&quot;"));
    assert_figures(f);
}

#[test]
fn instance_is_found_beside_the_plan_or_at_its_recorded_path() {
    let f = liten();
    // Without instance.json in the directory, the path recorded in the plan is used.
    let copy = scratch().join("liten-no-copy");
    fs::create_dir_all(&copy).unwrap();
    fs::copy(f.plan_dir.join("plan.json"), copy.join("plan.json")).unwrap();
    let out = scratch().join("liten-no-copy.html");
    trappa().arg("report").arg(&copy).arg("--out").arg(&out).assert().success();
    assert_eq!(fs::read_to_string(&out).unwrap(), f.html);
    // --instance names it explicitly.
    let out2 = scratch().join("liten-explicit.html");
    trappa().arg("report").arg(&copy).arg("--instance").arg(&f.instance).arg("--out").arg(&out2).assert().success();
    assert_eq!(fs::read_to_string(&out2).unwrap(), f.html);
}

#[test]
fn bad_plan_path_exits_2_and_writes_nothing() {
    let out = scratch().join("never.html");
    let assert = trappa().arg("report").arg(scratch().join("no-such-plan")).arg("--out").arg(&out).assert().code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("no-such-plan"), "{err}");
    assert!(!out.exists());
}

#[test]
fn instance_hash_mismatch_exits_2_and_writes_nothing() {
    let f = liten();
    let copy = scratch().join("liten-changed");
    fs::create_dir_all(&copy).unwrap();
    fs::copy(f.plan_dir.join("plan.json"), copy.join("plan.json")).unwrap();
    // Same content, one more newline: a different file, so a different hash.
    let mut bytes = fs::read(f.plan_dir.join("instance.json")).unwrap();
    bytes.push(b'\n');
    fs::write(copy.join("instance.json"), bytes).unwrap();
    let out = scratch().join("mismatch.html");
    let assert = trappa().arg("report").arg(&copy).arg("--out").arg(&out).assert().code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("SHA-256") && err.contains("--instance"), "{err}");
    assert!(!out.exists());
    // Another round's instance given explicitly is refused too.
    trappa()
        .arg("report")
        .arg(&f.plan_dir)
        .arg("--instance")
        .arg(root().join("instances/uppsala-small.json"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);
    assert!(!out.exists());
}

/// Göteborgsregionen with the research circle squeezed: two groups and at most two members
/// from a municipality, so people are left out because the groups are full and by the cap.
fn gr_squeezed() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut v: Value = serde_json::from_str(&fs::read_to_string(root().join("instances/gr-2027.json")).unwrap()).unwrap();
        let prog = &mut v["group_programmes"][1];
        assert_eq!(prog["id"], "fou-cirkel");
        prog["groups"] = 2.into();
        prog["max_per_municipality"] = 2.into();
        let path = scratch().join("gr-squeezed.json");
        fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        fixture("gr-squeezed", path, &["--time-limit", "2"])
    })
}

/// Each participant's home municipality (the municipality of the unit).
fn homes(instance: &Value) -> std::collections::BTreeMap<String, String> {
    let unit: std::collections::BTreeMap<&str, &str> = instance["region"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["id"].as_str().unwrap(), u["municipality"].as_str().unwrap()))
        .collect();
    instance["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap().to_string(), unit[p["unit"].as_str().unwrap()].to_string()))
        .collect()
}

/// The text of the suggestion after the reason `reason` of the category `category`.
fn fix_text<'a>(h: &'a str, category: &str, reason: &str) -> Option<&'a str> {
    h.match_indices(&format!("data-category=\"{category}\"")).find_map(|(start, _)| {
        let block = &h[start..start + h[start..].find("</div>").unwrap()];
        let at = block.find(&format!("<p class=\"fix\" data-reason=\"{reason}\">"))?;
        Some(&block[at..at + block[at..].find("</p>").unwrap()])
    })
}

#[test]
fn unserved_reasons_come_with_fixes_computed_from_the_plan() {
    let f = gr_squeezed();
    let plan = read_plan(&f.plan_dir);
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let prog = plan.groups.iter().find(|g| g.programme == "fou-cirkel").unwrap();
    let full = prog.unserved.iter().filter(|u| u.reason == "groups_full").count();
    let capped = prog.unserved.iter().filter(|u| u.reason == "mixing_cap").count();
    assert!(full > 0 && capped > 0, "the squeezed circle leaves people out for both reasons");
    // Groups full: as many more groups of at most 12 as the unserved fill.
    let more = full.div_ceil(12);
    let text = fix_text(&f.html, "groups", "groups_full").expect("a fix for full groups");
    assert!(text.contains(&format!("öppna {more} grupp")), "{text}");
    // The cap: members and people left out from the same municipality over the groups they fill.
    let home = homes(&instance);
    let mut ids: Vec<&str> = prog.groups.iter().flat_map(|g| g.members.iter().map(String::as_str)).collect();
    ids.extend(prog.unserved.iter().filter(|u| u.reason == "groups_full" || u.reason == "mixing_cap").map(|u| u.participant.as_str()));
    let groups = ids.len().div_ceil(12).max(prog.groups.len());
    let mut per_muni: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for id in &ids {
        *per_muni.entry(home[*id].as_str()).or_default() += 1;
    }
    let cap = per_muni.values().map(|n| n.div_ceil(groups)).max().unwrap().min(12);
    let text = fix_text(&f.html, "groups", "mixing_cap").expect("a fix for the mixing cap");
    assert!(text.contains(&format!("höj taket per kommun från 2 till {cap} (med {groups} grupper")), "{text}");
}

#[test]
fn full_course_sessions_come_with_the_sessions_that_would_serve_them() {
    let f = liten();
    let plan = read_plan(&f.plan_dir);
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let t = plan.timetable.as_ref().unwrap();
    let full: Vec<_> = t.unserved.iter().filter(|u| u.reason == "sessions_full").collect();
    assert!(!full.is_empty(), "the small round leaves demands unserved in full sessions");
    let text = fix_text(&f.html, "timetable", "sessions_full").expect("a fix for full sessions");
    for c in instance["courses"].as_array().unwrap() {
        let n = full.iter().filter(|u| u.course == c["id"].as_str().unwrap()).count();
        if n == 0 {
            continue;
        }
        let seats = c["max_size"].as_u64().unwrap() as usize;
        let more = n.div_ceil(seats);
        let word = if more == 1 { "tillfälle" } else { "tillfällen" };
        let name = c["name"].as_str().unwrap();
        assert!(text.contains(&format!("öppna {more} {word} till av {name} ({seats} platser per tillfälle)")), "{text}");
    }
}

/// The four numbers of a `data-box` attribute.
fn label_box(tag: &str) -> [f64; 4] {
    let v: Vec<f64> = tag_attr(tag, "data-box").split(' ').map(|x| x.parse().unwrap()).collect();
    [v[0], v[1], v[2], v[3]]
}

/// A generated national round: 290 municipalities, a crowded map.
fn national() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        fixture("national", generated("national.json", trappa::generate::GenRegion::National, 300, false), &["--time-limit", "2"])
    })
}

#[test]
fn map_labels_never_overlap_and_the_rest_are_listed_beside_the_map() {
    for f in [national(), gr(), uppsala()] {
        let h = &f.html;
        let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
        let munis = instance["region"]["municipalities"].as_array().unwrap();
        let labels = tags(h, "<text class=\"muni-label\"");
        let boxes: Vec<[f64; 4]> = labels.iter().map(|t| label_box(t)).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assert!(apart, "label boxes {a:?} and {b:?} overlap");
            }
        }
        // Every municipality (of a national round: the 40 with most participants) is named: on
        // the map or in the list beside it.
        let listed = tags(h, "<text class=\"unlabelled\"").len();
        assert_eq!(listed as i64, num(h, "<section id=\"map\"", "data-unlabelled"));
        assert_eq!(labels.len() + listed, if munis.len() > 60 { 40 } else { munis.len() });
        // The legend reaches the smallest municipality.
        let smallest = munis.iter().min_by_key(|m| m["population"].as_i64().unwrap()).unwrap();
        let pop = html::int_sv(smallest["population"].as_i64().unwrap());
        assert!(h.contains(&format!(">{pop} invånare</text>")), "legend circle of {pop}");
        assert!(h.contains(&format!("(minsta: {})", smallest["name"].as_str().unwrap())));
        // The outline is the hull under the circles, and the note says what it is.
        let map = &h[h.find("<section id=\"map\"").unwrap()..];
        let outline = map.find("<polygon class=\"region-outline\"").expect("an outline");
        assert!(outline < map.find("<circle class=\"muni\"").unwrap());
        assert!(map.contains("konvext hölje"));
    }
    let crowded = &national().html;
    assert!(tags(crowded, "<text class=\"muni-label\"").len() >= 20, "most of the 40 largest are named on the national map");
}

#[test]
fn map_shows_course_venues_and_where_people_travel_from() {
    let f = uppsala();
    let plan = read_plan(&f.plan_dir);
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let venue_muni: std::collections::BTreeMap<&str, &str> =
        instance["venues"].as_array().unwrap().iter().map(|v| (v["id"].as_str().unwrap(), v["municipality"].as_str().unwrap())).collect();
    let home = homes(&instance);
    let mut travel: std::collections::BTreeMap<(&str, &str), usize> = std::collections::BTreeMap::new();
    let mut places: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for s in &plan.timetable.as_ref().unwrap().sessions {
        let place = venue_muni[s.venue.as_str()];
        places.insert(place);
        for a in &s.attendees {
            if home[a.as_str()] != place {
                *travel.entry((home[a.as_str()].as_str(), place)).or_default() += 1;
            }
        }
    }
    let h = &f.html;
    let marks = tags(h, "<rect class=\"venue\"");
    assert_eq!(
        marks.iter().map(|t| tag_attr(t, "data-municipality")).collect::<std::collections::BTreeSet<_>>(),
        places.iter().map(|p| p.to_string()).collect()
    );
    let lines = tags(h, "<line class=\"venue-line\"");
    assert_eq!(lines.len(), travel.len());
    for t in lines {
        let key = (tag_attr(t, "data-from"), tag_attr(t, "data-to"));
        assert_eq!(tag_attr(t, "data-count").parse::<usize>().unwrap(), travel[&(key.0.as_str(), key.1.as_str())]);
    }
    // A round without courses has no venues.
    assert!(!gr().html.contains("<rect class=\"venue\""));
}

#[test]
fn timeline_shows_closed_periods_weeks_a_colour_per_course_and_every_session() {
    let f = uppsala();
    let plan = read_plan(&f.plan_dir);
    let instance: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    let h = &f.html;
    let tl = &h[h.find("<section id=\"timeline\"").unwrap()..h.find("<section id=\"map\"").unwrap()];
    // Closed periods: every weekday holiday of the term lies in a shaded band and in the list.
    let bands: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = tags(tl, "<rect class=\"closed-period\"")
        .iter()
        .map(|t| (tag_attr(t, "data-from").parse().unwrap(), tag_attr(t, "data-to").parse().unwrap()))
        .collect();
    let (start, end): (chrono::NaiveDate, chrono::NaiveDate) =
        (instance["round"]["start"].as_str().unwrap().parse().unwrap(), instance["round"]["end"].as_str().unwrap().parse().unwrap());
    let holidays: Vec<_> = trappa::model::calendar::swedish_holidays(2027)
        .into_iter()
        .filter(|d| d.date >= start && d.date <= end && chrono::Datelike::weekday(&d.date).number_from_monday() <= 5)
        .collect();
    assert!(holidays.iter().any(|d| d.name == "Långfredagen"), "the term has Easter");
    for d in &holidays {
        assert!(bands.iter().any(|(a, b)| *a <= d.date && d.date <= *b), "{} {} is shaded", d.name, d.date);
        assert!(tl.contains(&d.name), "{} is named", d.name);
    }
    assert_eq!(tags(tl, "<li data-from=").len(), bands.len());
    // Week numbers along the axis: ISO weeks of Mondays.
    let weeks = tags(tl, "<text class=\"week-label\"");
    assert!(weeks.len() >= 10, "a label every week or every other week of a term");
    let monday = start + chrono::Duration::days((7 - chrono::Datelike::weekday(&start).num_days_from_monday() as i64) % 7);
    let first_week = chrono::Datelike::iso_week(&monday).week();
    assert!(weeks.iter().any(|t| tag_attr(t, "data-week").parse::<u32>().unwrap() <= first_week + 1));
    // A legend entry per course, in the course rows' colours.
    for c in instance["courses"].as_array().unwrap() {
        let key = format!("course:{}", c["id"].as_str().unwrap());
        assert_eq!(tags(tl, "<rect class=\"legend-item\"").iter().filter(|t| tag_attr(t, "data-key") == key).count(), 1, "{key}");
    }
    // Every session in the table, with course, dates and weeks, venue and trainers.
    let t = plan.timetable.as_ref().unwrap();
    assert_eq!(tags(tl, "<tr data-session=").len(), t.sessions.len());
    let names: std::collections::BTreeMap<&str, &str> =
        instance["trainers"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap())).collect();
    for s in &t.sessions {
        let at = tl.find(&format!("<tr data-session=\"{}\"", s.id)).unwrap();
        let row = &tl[at..at + tl[at..].find("</tr>").unwrap()];
        for d in &s.dates {
            assert!(row.contains(&format!("(v {})", chrono::Datelike::iso_week(d).week())), "{} on {d}", s.id);
        }
        for r in &s.trainers {
            assert!(row.contains(&html::esc(names[r.as_str()])), "{} trained by {r}", s.id);
        }
    }
}

#[test]
fn closed_ranges_of_the_instance_are_named_on_the_timeline() {
    let f = liten();
    let plan = read_plan(&f.plan_dir);
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&f.instance).unwrap()).unwrap();
    v["calendar"] = serde_json::json!({"closed": [{"from": "2027-02-04", "to": "2027-02-05", "reason": "sportlov"}, "2027-02-10"]});
    let file = trappa::load::parse_and_validate(&v.to_string()).unwrap();
    let inst = trappa::load::build(&file);
    let h = html::render(&plan, &file, &inst, ReportOptions::default());
    assert!(h.contains("<rect class=\"closed-period\" data-from=\"2027-02-04\" data-to=\"2027-02-05\""));
    assert!(h.contains("<li data-from=\"2027-02-04\" data-to=\"2027-02-05\"><strong>sportlov</strong>: 4 feb 2027 – 5 feb 2027 (v 5)</li>"));
    assert!(h.contains("<li data-from=\"2027-02-10\" data-to=\"2027-02-10\"><strong>stängt</strong>: 10 feb 2027 (v 6)</li>"));
}

/// Headless Chromium: the browser parses the page as meant and draws it.
mod browser {
    use super::*;
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    /// The Chromium binary; a missing browser fails the test unless `TRAPPA_SKIP_BROWSER=1`.
    fn chromium() -> Option<PathBuf> {
        let candidates =
            [std::env::var("TRAPPA_CHROMIUM").ok(), Some("/usr/bin/chromium".into()), Some("/usr/bin/chromium-browser".into())];
        if let Some(p) = candidates.into_iter().flatten().map(PathBuf::from).find(|p| p.is_file()) {
            return Some(p);
        }
        if std::env::var("TRAPPA_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("chromium not found; browser test skipped because TRAPPA_SKIP_BROWSER=1");
            return None;
        }
        panic!("chromium not found (install the Debian package `chromium`, or set TRAPPA_CHROMIUM=/path/to/chromium; TRAPPA_SKIP_BROWSER=1 skips)");
    }

    /// Runs Chromium headless on a file with extra arguments; returns stdout.
    fn run(chromium: &Path, page: &Path, extra: &[String]) -> String {
        let profile = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::BufReader::new(stdout), &mut s).unwrap();
            s
        });
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "chromium failed: {status}");
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("chromium did not finish in 120 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        reader.join().unwrap()
    }

    /// The DOM with every attribute value emptied (serialisers differ in how they escape `<`
    /// inside attribute values; text nodes always escape it).
    fn without_attribute_values(dom: &str) -> String {
        let mut out = String::with_capacity(dom.len());
        let mut rest = dom;
        while let Some(i) = rest.find("=\"") {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
            let j = rest.find('"').unwrap_or(rest.len());
            rest = &rest[j..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn chromium_parses_and_draws_the_page() {
        let Some(chromium) = chromium() else { return };
        let f = uppsala();
        let page = scratch().join("browser.html");
        fs::write(&page, &f.html).unwrap();
        let dom = run(&chromium, &page, &["--dump-dom".to_string()]);
        let h = &f.html;
        assert!(dom.contains("<html lang=\"sv\">"), "the document was parsed");
        for id in ["headline", "unserved", "timeline", "map", "municipalities", "people"] {
            assert_eq!(dom.matches(&format!("<section id=\"{id}\"")).count(), 1, "section {id} in the DOM");
        }
        // The pictures arrive as SVG elements with the expected parts.
        assert_eq!(dom.matches("<svg").count(), h.matches("<svg").count());
        assert_eq!(dom.matches("<g class=\"session\"").count() as i64, num(h, "<section id=\"headline\"", "data-sessions"));
        assert_eq!(dom.matches("<circle class=\"muni\"").count() as i64, num(h, "<section id=\"map\"", "data-municipalities"));
        assert_eq!(dom.matches("<line class=\"pair-line\"").count() as i64, num(h, "<section id=\"map\"", "data-pair-lines"));
        assert_eq!(dom.matches("<path class=\"group-line\"").count() as i64, num(h, "<section id=\"map\"", "data-group-lines"));
        assert_eq!(dom.matches("<rect class=\"month-bar\"").count(), h.matches("<rect class=\"month-bar\"").count());
        assert!(dom.matches("<rect class=\"month-bar\"").count() > 0);
        assert_eq!(dom.matches("<tr data-municipality=").count() as i64, num(h, "<section id=\"municipalities\"", "data-municipalities"));
        // The coordinator's parts: suggested fixes, both cost splits, closed periods, weeks,
        // the course legend and session table, the map's outline, venues and labels.
        for part in [
            "<p class=\"fix\"",
            "<rect class=\"closed-period\"",
            "<text class=\"week-label\"",
            "<rect class=\"legend-item\"",
            "<tr data-session=",
            "<polygon class=\"region-outline\"",
            "<rect class=\"venue\"",
            "<line class=\"venue-line\"",
            "<text class=\"muni-label\"",
            "<text class=\"unlabelled\"",
        ] {
            assert_eq!(dom.matches(part).count(), h.matches(part).count(), "{part} in the DOM");
        }
        assert!(dom.matches("<tr data-session=").count() > 0 && dom.matches("<rect class=\"closed-period\"").count() > 0);
        assert!(dom.contains("Efter användning (kr)") && dom.contains("Restid (h)"));
        // Every person's entry, with its anchor.
        assert_eq!(dom.matches("<details class=\"person\"").count() as i64, num(h, "<section id=\"people\"", "data-people"));
        let plan = read_plan(&f.plan_dir);
        let mentee = &plan.mentorship.pairs[0].mentee;
        assert!(dom.contains(&format!("id=\"person-{mentee}\"")));
        // The script ran without error: it showed the search box.
        let search = &dom[dom.find("id=\"person-search\"").unwrap() - 40..];
        let tag = &search[search.find("<input").unwrap()..];
        assert!(!tag[..tag.find('>').unwrap()].contains("hidden"), "the search box is shown by the script");

        // A screenshot: a real picture, not an empty page.
        let png = scratch().join("browser.png");
        let _ = fs::remove_file(&png);
        run(&chromium, &page, &[format!("--screenshot={}", png.display()), "--window-size=1280,2000".to_string()]);
        let bytes = fs::read(&png).expect("screenshot written");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (w, hgt) = (u32::from_be_bytes(bytes[16..20].try_into().unwrap()), u32::from_be_bytes(bytes[20..24].try_into().unwrap()));
        assert_eq!((w, hgt), (1280, 2000));
        // A uniform 1280×2000 image compresses to a few kB; text, tables and charts do not.
        assert!(bytes.len() > 60_000, "screenshot of {} bytes looks empty", bytes.len());
    }

    #[test]
    fn chromium_shows_escaped_names_as_text() {
        let Some(chromium) = chromium() else { return };
        let f = nasty();
        let page = scratch().join("browser-nasty.html");
        fs::write(&page, &f.html).unwrap();
        let dom = run(&chromium, &page, &["--dump-dom".to_string()]);
        // Serialised text nodes keep the markup escaped: the names were text, not elements.
        assert!(dom.contains("<h1>&lt;b&gt;Runda&lt;/b&gt; &amp; \"citat\" 'enkla'</h1>"), "round name is text");
        assert!(dom.contains("<span class=\"who\">&lt;script&gt;alert(\"x\")&lt;/script&gt; Öberg &amp; Co</span>"), "person name is text");
        let elements = without_attribute_values(&dom);
        assert_eq!(elements.matches("<script>").count(), 1, "no script element from a name");
        assert_eq!(elements.matches("<b>").count(), 0);
    }
}
