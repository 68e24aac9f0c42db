//! The rest of what a coordinator reads follows the language: the report's overview cards,
//! phase and parts tables, suggestions, people section and re-plan section; month and weekday
//! names; the re-plan's notes; and the errors when pinned pairs or groups cannot hold. Swedish
//! by default, English with `--lang en`, and neither language leaks into the other.

mod common;

use common::{read_json, trappa, visible_text};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use trappa::text::{in_lang, month, month_short, weekday_short, Lang};

/// Swedish words of the report's parts that an English report must not show.
const SWEDISH: &[&str] = &[
    "Förslag",
    "Översikt",
    "Deltagare",
    "Mentorpar",
    "Mentorsträffar",
    "Gruppträffar",
    "Kurstillfällen",
    "Kursplatser",
    "Planens delar",
    "Omfattning",
    "Med mentor",
    "Minst en insats",
    "Med kursplats",
    "Ej placerad",
    "ej placerad",
    "Datum och tid",
    "Aktivitet",
    "Utbildare",
    "utbildare",
    "Gruppledare",
    "Övriga",
    "deltagare",
    "träffar",
    "kursönskemål",
    "prioritet)",
    "Ingen mentor",
    "Vill ha mentor",
    "Sök ",
    "Kalender per person",
    "Vad som ändrades",
    "Får bara nya datum",
    "Borttagna",
    "upphör",
    "ingen kursplan",
    "inga gruppprogram",
];

/// English words of the same parts that a Swedish report must not show.
const ENGLISH: &[&str] = &[
    "Suggestion",
    "Overview",
    "Participants",
    "participants",
    "Mentor pairs",
    "Mentor meetings",
    "Group meetings",
    "Course sessions",
    "Course seats",
    "Parts of the plan",
    "Scope",
    "With a mentor",
    "At least one",
    "With a course seat",
    "not placed",
    "Not placed",
    "Date and time",
    "Activity",
    "Trainers",
    "trainer",
    "Group leaders",
    "Others",
    "meetings",
    "course requests",
    "priority)",
    "No mentor",
    "Wants a mentor",
    "Search",
    "Calendar per person",
    "What changed",
    "Only new dates",
    "Removed/changed",
    " ends:",
    "no timetable",
    "no group programmes",
];

/// A generated Uppsala term with mentors, groups and courses, written into `dir`.
fn all_parts(dir: &Path) -> (PathBuf, Value) {
    let opts = trappa::generate::GenOptions {
        courses: true,
        term: true,
        ..trappa::generate::GenOptions::new(trappa::generate::GenRegion::Uppsala, 60, 3)
    };
    let v = serde_json::to_value(trappa::generate::generate(&opts).unwrap()).unwrap();
    let path = dir.join("round.json");
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    (path, v)
}

/// `trappa --lang LANG solve INSTANCE --out OUT` (greedy timetable, short limit).
fn solve(lang: &str, instance: &Path, out: &Path) {
    trappa()
        .env_remove("TRAPPA_LANG")
        .args(["--lang", lang, "solve"])
        .arg(instance)
        .arg("--out")
        .arg(out)
        .args(["--quiet", "--timetable-strategy", "greedy", "--time-limit", "2"])
        .assert()
        .success();
}

/// `trappa --lang LANG replan CHANGED --previous PREVIOUS --today TODAY --out OUT`.
fn replan(lang: &str, changed: &Path, previous: &Path, today: &str, out: &Path) {
    trappa()
        .env_remove("TRAPPA_LANG")
        .args(["--lang", lang, "replan"])
        .arg(changed)
        .arg("--previous")
        .arg(previous)
        .args(["--today", today, "--quiet"])
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

/// The report of `plan` in `lang`, as the text a reader sees (no script, style, tags or
/// `<code>` elements, which name files and fields).
fn report_text(lang: &str, plan: &Path) -> String {
    let out = plan.with_extension("html");
    trappa().env_remove("TRAPPA_LANG").args(["--lang", lang, "report"]).arg(plan).arg("--out").arg(&out).assert().success();
    visible_text(&fs::read_to_string(&out).unwrap())
}

/// What the report's attributes say to a reader: the search box's placeholder and label, and
/// the person counter's template.
fn report_attributes(plan: &Path) -> String {
    let html = fs::read_to_string(plan.with_extension("html")).unwrap();
    ["placeholder=\"", "aria-label=\"Sök", "aria-label=\"Search", "data-of=\""]
        .iter()
        .filter_map(|key| html.find(key).map(|i| html[i..i + 60.min(html.len() - i)].to_string()))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn assert_none(what: &str, text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "{what} shows \"{word}\":\n{text}");
    }
}

#[test]
fn month_and_weekday_names_follow_the_language() {
    in_lang(Lang::Sv, || {
        assert_eq!(month(1), "januari");
        assert_eq!(month(5), "maj");
        assert_eq!(month(12), "december");
        assert_eq!(month_short(5), "maj");
        assert_eq!(month_short(10), "okt");
        assert_eq!(weekday_short(1), "mån");
        assert_eq!(weekday_short(6), "lör");
    });
    in_lang(Lang::En, || {
        assert_eq!(month(1), "January");
        assert_eq!(month(5), "May");
        assert_eq!(month(12), "December");
        assert_eq!(month_short(5), "May");
        assert_eq!(month_short(10), "Oct");
        assert_eq!(weekday_short(1), "Mon");
        assert_eq!(weekday_short(6), "Sat");
    });
}

#[test]
fn the_report_and_the_replan_notes_are_swedish_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (instance, v) = all_parts(d);
    // The same change for both languages: the mentor of the first pair leaves mid-round.
    let first: Value = serde_json::from_str(&{
        solve("sv", &instance, &d.join("sv"));
        fs::read_to_string(d.join("sv/plan.json")).unwrap()
    })
    .unwrap();
    let gone = first["mentorship"]["pairs"][0]["mentor"].as_str().expect("a mentor pair").to_string();
    let mut changed = v.clone();
    changed["mentors"].as_array_mut().unwrap().retain(|m| m["id"] != gone.as_str());
    let changed_path = d.join("changed.json");
    fs::write(&changed_path, serde_json::to_string_pretty(&changed).unwrap()).unwrap();
    let start: chrono::NaiveDate = v["round"]["start"].as_str().unwrap().parse().unwrap();
    let today = (start + chrono::Duration::days(45)).to_string();
    solve("en", &instance, &d.join("en"));
    replan("sv", &changed_path, &d.join("sv"), &today, &d.join("sv-2"));
    replan("en", &changed_path, &d.join("en"), &today, &d.join("en-2"));

    for plan in ["sv", "sv-2"] {
        let text = report_text("sv", &d.join(plan));
        assert_none(&format!("the Swedish report of {plan}"), &text, ENGLISH);
        assert_none(&format!("the Swedish report of {plan}"), &report_attributes(&d.join(plan)), &["Search", "%shown of"]);
        for word in ["Översikt", "Deltagare per fas", "Planens delar", "Mentorpar", "Kalender per person", "Datum och tid"] {
            assert!(text.contains(word), "the Swedish report of {plan} lacks \"{word}\":\n{text}");
        }
        // Month names: the round's months in Swedish short forms (the term runs January–June).
        assert!(text.contains(" jan ") || text.contains(" feb "), "{text}");
        assert!(text.contains("maj") && !text.contains("May"), "{text}");
    }
    for plan in ["en", "en-2"] {
        let text = report_text("en", &d.join(plan));
        assert_none(&format!("the English report of {plan}"), &text, SWEDISH);
        assert_none(&format!("the English report of {plan}"), &report_attributes(&d.join(plan)), &["Sök", "%shown av"]);
        for word in ["Overview", "Participants by phase", "Parts of the plan", "Mentor pairs", "Calendar per person", "Date and time"] {
            assert!(text.contains(word), "the English report of {plan} lacks \"{word}\":\n{text}");
        }
        assert!(text.contains(" Jan ") || text.contains(" Feb "), "{text}");
        assert!(text.contains("May") && !text.contains(" maj"), "{text}");
    }

    // The re-plan's notes name the ended pair in the run's language, in the plan and the report.
    let notes = |plan: &str| -> Vec<String> {
        let p: Value = serde_json::from_str(&fs::read_to_string(d.join(plan).join("plan.json")).unwrap()).unwrap();
        p["replan"]["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect()
    };
    let (sv, en) = (notes("sv-2"), notes("en-2"));
    let pair_ends = |notes: &[String], word: &str| notes.iter().any(|n| n.contains(&gone) && n.contains(word));
    assert!(pair_ends(&sv, "upphör: en av dem är inte längre med i omgången"), "{sv:?}");
    assert!(pair_ends(&en, "ends: one of the two is no longer in the round"), "{en:?}");
    assert!(sv.iter().all(|n| !n.contains(" ends") && !n.contains("session ") && !n.contains("group ")), "{sv:?}");
    assert!(en.iter().all(|n| !n.contains("upphör") && !n.contains("kurstillfälle") && !n.contains("grupp ")), "{en:?}");
    let text = report_text("sv", &d.join("sv-2"));
    assert!(text.contains("Vad som ändrades och varför") && text.contains("upphör"), "{text}");
    let text = report_text("en", &d.join("en-2"));
    assert!(text.contains("What changed and why") && text.contains("ends: one of the two"), "{text}");
}

/// `trappa --lang LANG solve` of a round whose pins cannot hold: exit 2, and what it says.
fn pin_error(lang: &str, v: &Value) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pins.json");
    fs::write(&file, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let out = trappa()
        .env_remove("TRAPPA_LANG")
        .args(["--lang", lang, "solve"])
        .arg(&file)
        .arg("--out")
        .arg(dir.path().join("plan"))
        .arg("--quiet")
        .assert()
        .code(2);
    assert!(!dir.path().join("plan").exists());
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

#[test]
fn pinned_pairs_that_cannot_hold_are_reported_in_both_languages() {
    // One mentor with room, the one-mentee-per-municipality rule, and two pinned mentees of one
    // municipality.
    let mut v = read_json("instances/uppsala-small.json");
    v["mentors"][0]["capacity"] = json!(7);
    for m in 1..4 {
        v["mentors"][m]["capacity"] = json!(0);
    }
    v["mentorship"]["one_mentee_per_municipality"] = json!(true);
    v["mentorship"]["fixed_pairs"] = json!([{ "mentor": "m01", "mentee": "p07" }, { "mentor": "m01", "mentee": "p03" }]);
    let sv = pin_error("sv", &v);
    assert!(sv.contains("de fastlåsta delarna av planen kan inte alla gälla samtidigt"), "{sv}");
    assert!(sv.contains("mentorn m01 har två fastlåsta adepter") && sv.contains("en mentor tar högst en adept per kommun"), "{sv}");
    assert!(!sv.contains("pinned") && !sv.contains("municipality"), "{sv}");
    let en = pin_error("en", &v);
    assert!(en.contains("the pinned parts of the plan cannot all hold"), "{en}");
    assert!(en.contains("mentor m01 has two pinned mentees") && en.contains("a mentor takes one mentee per municipality"), "{en}");
    assert!(!en.contains("fastlåsta") && !en.contains("kommun"), "{en}");
}

#[test]
fn pinned_groups_that_cannot_hold_are_reported_in_both_languages() {
    // One fixed group (of one member each) more than the programme can form: its members are
    // eligible, as the unpinned plan's groups show.
    let dir = tempfile::tempdir().unwrap();
    let (instance, mut v) = all_parts(dir.path());
    solve("sv", &instance, &dir.path().join("plan"));
    let plan: Value = serde_json::from_str(&fs::read_to_string(dir.path().join("plan/plan.json")).unwrap()).unwrap();
    let groups = plan["groups"][0]["groups"].as_array().unwrap();
    let members: Vec<Value> = groups
        .iter()
        .flat_map(|g| g["members"].as_array().unwrap().iter())
        .take(groups.len() + 1)
        .map(|p| json!({ "members": [p.clone()] }))
        .collect();
    assert_eq!(members.len(), groups.len() + 1, "more members than groups");
    v["group_programmes"][0]["fixed_groups"] = Value::Array(members);
    let sv = pin_error("sv", &v);
    let en = pin_error("en", &v);
    assert!(sv.contains("gruppverksamheten") && sv.contains("fastlåsta grupper"), "{sv}");
    assert!(en.contains("group programme") && en.contains("fixed groups"), "{en}");
    assert!(!sv.contains("fixed groups") && !en.contains("fastlåsta"), "{sv}\n{en}");
}
