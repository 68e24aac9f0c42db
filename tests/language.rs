//! What coordinators read is Swedish by default and English with `--lang en` (or `TRAPPA_LANG`):
//! the terminal summary and the HTML report carry no raw reason code and no English solver
//! name in Swedish, plurals are right, and English gives English headings and summary.

mod common;

use common::{root, trappa, visible_text};
use std::fs;
use std::path::Path;

/// Reason codes and method names that a Swedish text must not show.
const RAW: &[&str] = &[
    "no_eligible_mentor",
    "eligible_mentors_full",
    "not_eligible",
    "mixing_cap",
    "unit_absence_cap",
    "groups_full",
    "too_few_for_a_group",
    "no_leader",
    "workload_month",
    "sessions_full",
    "session_cost",
    "same_municipality",
    "interest_mismatch",
    "unserved_high",
];
const ENGLISH: &[&str] = &[
    "exact",
    "greedy",
    "local search",
    "local-search",
    "heuristic",
    "proven optimal",
    "van (practised)",
    "(heuristik)",
    "grupp(er)",
    "person(er)",
    "1 adepter",
    "Round:",
    "Mentor pairs",
    "Plan written",
    "cannot join",
    "eligible mentor",
    "Mixing across",
    "inhabitants",
    "course seat",
    "per participant",
    "Closed periods",
    "Meetings per month",
    "No timetable",
    "cannot be placed",
    "at capacity",
];

/// Solves `instance` into `dir/plan` with the given extra arguments; the summary printed.
fn solve(dir: &Path, instance: &str, extra: &[&str]) -> String {
    let out = trappa()
        .env_remove("TRAPPA_LANG")
        .env("SOURCE_DATE_EPOCH", "1811836800")
        .arg("solve")
        .arg(root().join(instance))
        .arg("--out")
        .arg(dir.join("plan"))
        .args(["--quiet", "--timetable-strategy", "greedy"])
        .args(extra)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The report of `dir/plan`, as the text a reader sees: no script, no style, no tags, and no
/// `<code>` elements (they name fields of the instance file, e.g. `cost_share`).
fn report_text(dir: &Path, extra: &[&str]) -> (String, String) {
    let out = dir.join("report.html");
    trappa().env_remove("TRAPPA_LANG").arg("report").arg(dir.join("plan")).arg("--out").arg(&out).args(extra).assert().success();
    let html = fs::read_to_string(&out).unwrap();
    let visible = visible_text(&html);
    (html, visible)
}

fn assert_swedish(what: &str, text: &str) {
    for raw in RAW {
        assert!(!text.contains(raw), "{what} shows the raw code {raw}:\n{text}");
    }
    for word in ENGLISH {
        assert!(!text.to_lowercase().contains(&word.to_lowercase()), "{what} shows English \"{word}\":\n{text}");
    }
}

#[test]
fn the_swedish_summary_and_report_show_no_raw_code_and_no_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A mentorship round with an unmatched mentee (mentors full) and one not eligible by phase.
    let summary = solve(d, "instances/uppsala-small.json", &[]);
    assert!(summary.contains("Omgång: ") && summary.contains("Mentorspar: 4 (40 träffar; 0 par med för få träffar)"), "{summary}");
    assert!(summary.contains("de behöriga mentorerna är fullbokade: 1"), "{summary}");
    assert!(summary.contains("[exakt tilldelning]") && summary.contains("Planen skrevs till"), "{summary}");
    assert_swedish("the summary", &summary);
    let (html, text) = report_text(d, &[]);
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(text.contains("Översikt") && text.contains("Ej placerade") && text.contains("Kalender per person"), "{text}");
    assert!(text.contains("ej behörig") && text.contains("exakt tilldelning"), "{text}");
    assert_swedish("the report", &text);
    // The greedy matching: a heuristic status in Swedish words.
    let greedy = tempfile::tempdir().unwrap();
    let summary = solve(greedy.path(), "instances/uppsala-small.json", &["--strategy", "greedy"]);
    assert!(
        summary.contains("Mentorskap: heuristik") && summary.contains("; under maximum: 4 adepter hade kunnat matchas [girig]"),
        "{summary}"
    );
    assert_swedish("the greedy summary", &summary);
    let (_, text) = report_text(greedy.path(), &[]);
    assert!(text.contains("heuristik, optimum inte bevisat"), "{text}");
    assert_swedish("the greedy report", &text);
}

#[test]
fn a_course_round_in_swedish_names_its_reasons_and_its_csv_columns_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let summary = solve(d, "instances/liten-kursomgang.json", &[]);
    assert!(summary.contains("Kurstillfällen: ") && summary.contains("  ej placerade, "), "{summary}");
    assert_swedish("the summary", &summary);
    let (_, text) = report_text(d, &[]);
    assert!(text.contains("Kurser: ej placerade kursönskemål"), "{text}");
    assert_swedish("the report", &text);
    let attendance = fs::read_to_string(d.join("plan/attendance.csv")).unwrap();
    assert!(attendance.contains("tillfälle_id") && !attendance.contains("session_id"), "{attendance}");
    assert!(attendance.contains(";ej placerad;"), "{attendance}");
    assert_swedish("attendance.csv", &attendance);
}

#[test]
fn english_gives_english_headings_summary_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let summary = solve(d, "instances/uppsala-small.json", &["--lang", "en"]);
    assert!(summary.contains("Round: Uppsala län mentorskap HT 2027"), "{summary}");
    assert!(summary.contains("Mentor pairs: 4 (40 meetings; 0 pairs with too few meetings)"), "{summary}");
    assert!(summary.contains("the eligible mentors are fully booked: 1") && summary.contains("Plan written to"), "{summary}");
    let pairs = fs::read_to_string(d.join("plan/pairs.csv")).unwrap();
    assert!(pairs.contains("mentee_id;mentee;mentee_municipality"), "{pairs}");
    let (html, text) = report_text(d, &["--lang", "en"]);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(text.contains("Overview") && text.contains("Not placed") && text.contains("Calendar per person"), "{text}");
    assert!(!text.contains("Översikt") && !text.contains("Kalender per person"), "{text}");
    // TRAPPA_LANG does the same; --lang wins over it; an unknown language is refused.
    let inst = root().join("instances/uppsala-small.json");
    let mut cmd = trappa();
    cmd.env("TRAPPA_LANG", "en").arg("explain").arg(&inst).arg(d.join("plan")).args(["--participant", "p01"]);
    let out = cmd.assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("years in the profession"));
    let mut cmd = trappa();
    cmd.env("TRAPPA_LANG", "en").args(["--lang", "sv", "explain"]).arg(&inst).arg(d.join("plan")).args(["--participant", "p01"]);
    let out = cmd.assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("år i yrket"));
    let out = trappa().env("TRAPPA_LANG", "de").args(["schema"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("TRAPPA_LANG=de"));
}

/// A message of the catalogue in a language, with named arguments.
fn message(lang: trappa::text::Lang, id: &str, args: &[(&str, trappa::text::Arg)]) -> String {
    let mut a = trappa::text::Args::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    trappa::text::format_in(lang, id, Some(&a))
}

#[test]
fn plurals_follow_the_count() {
    use trappa::text::{arg, Lang};
    assert_eq!(message(Lang::Sv, "count-mentees", &[("n", arg(1))]), "1 adept");
    assert_eq!(message(Lang::Sv, "count-mentees", &[("n", arg(2))]), "2 adepter");
    let hub =
        |lang, n: usize, groups: &'static str| message(lang, "map-hub", &[("n", arg(n)), ("place", arg("Heby")), ("groups", arg(groups))]);
    assert_eq!(hub(Lang::Sv, 1, "g1"), "1 grupp träffas i Heby: g1");
    assert_eq!(hub(Lang::Sv, 2, "g1, g2"), "2 grupper träffas i Heby: g1, g2");
    assert_eq!(message(Lang::Sv, "report-group-word", &[("n", arg(1))]), "grupp");
    assert_eq!(message(Lang::En, "count-mentees", &[("n", arg(1))]), "1 mentee");
    assert_eq!(hub(Lang::En, 2, "g1, g2"), "2 groups meet in Heby: g1, g2");
}

#[test]
fn the_reports_cost_map_and_timeline_and_the_summarys_priorities_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let summary = solve(d, "instances/liten-kursomgang.json", &[]);
    let at = |word: &str| summary.find(&format!("prioritet {word}:")).unwrap_or_else(|| panic!("no {word} line:\n{summary}"));
    assert!(at("hög") < at("normal") && at("normal") < at("låg"), "priorities hög, normal, låg:\n{summary}");
    let terms = |a: &str, b: &str| summary.find(a).zip(summary.find(b)).is_some_and(|(i, j)| i < j);
    assert!(terms("(hög prioritet)", "(normal prioritet)") && terms("(normal prioritet)", "(låg prioritet)"), "{summary}");
    let (_, text) = report_text(d, &[]);
    for swedish in
        ["Förklaring", "Kurstillfällen", "Datum (vecka)", "kr per deltagare", "kr per kursplats", "Restid (h)", "Träffar per månad"]
    {
        assert!(text.contains(swedish), "the Swedish report lacks \"{swedish}\":\n{text}");
    }
    assert!(text.contains("Planen har inga mentorpar eller grupper att visa mellan kommunerna."), "{text}");
    assert!(!text.contains("Legend"), "{text}");
    assert_swedish("the course report", &text);
    let (_, text) = report_text(d, &["--lang", "en"]);
    for english in
        ["Legend", "Course sessions", "Dates (week)", "kr per participant", "kr per course seat", "Travel (h)", "Meetings per month"]
    {
        assert!(text.contains(english), "the English report lacks \"{english}\":\n{text}");
    }
    assert!(text.contains("The plan has no mentor pairs or groups to show between municipalities."), "{text}");
    // The map, the timeline and the cost table carry no Swedish sentence in English.
    let swedish = [
        "Förklaring",
        "Träffar per månad",
        "Kurstillfällen per kurs",
        "mentorsträffar, ",
        "Kurs: ",
        "kr per deltagare",
        "kr per kursplats",
        "Restid (h)",
        "Kostnad (kr)",
        "Totalt",
        "Blandning",
        "invånare",
        "kursplatser)",
        "Håll muspekaren",
        "Fördelning",
        "Omgångens kurskostnad",
    ];
    for swedish in swedish {
        assert!(!text.contains(swedish), "the English report shows \"{swedish}\":\n{text}");
    }
}

#[test]
fn suggested_fixes_pins_and_full_mentors_read_well_in_both_languages() {
    use trappa::text::{arg, Lang};
    let places = |lang, mentors: usize, mentees: usize| {
        message(lang, "fix-mentor-places", &[("mentors", arg(mentors)), ("mentees", arg(mentees)), ("per_mentor", arg(1))])
    };
    assert_eq!(
        places(Lang::Sv, 1, 1),
        "höj kapaciteten med 1 för den fullbokade behöriga mentorn (1 adeptplats till behövs), eller rekrytera fler mentorer"
    );
    assert_eq!(
        places(Lang::Sv, 2, 3),
        "höj kapaciteten med 1 för var och en av de 2 fullbokade behöriga mentorerna (3 adeptplatser till behövs), eller rekrytera fler mentorer"
    );
    assert!(places(Lang::En, 1, 1).contains("for the full eligible mentor (1 more mentee place is needed)"));
    let full = |lang, n: usize| message(lang, "why-mentors-full-municipality", &[("n", arg(n)), ("municipality", arg("Heby"))]);
    assert!(
        full(Lang::Sv, 1).starts_with("den enda behöriga mentorn är fullbokad eller har redan en adept från Heby"),
        "{}",
        full(Lang::Sv, 1)
    );
    assert!(full(Lang::Sv, 2).contains("en mentor tar högst en adept per kommun"));
    assert!(full(Lang::En, 2).starts_with("all 2 eligible mentors are at capacity or already have a mentee from Heby"));
    let busy = |lang, n: usize, days: usize| {
        message(lang, "pin-trainers-busy", &[("n", arg(n)), ("trainers", arg("r1")), ("days", arg(days)), ("date", arg("2027-02-03"))])
    };
    assert!(busy(Lang::Sv, 1, 2).starts_with("utbildaren r1 är inte ledig de 2 dagarna från 2027-02-03"), "{}", busy(Lang::Sv, 1, 2));
    assert!(busy(Lang::En, 1, 1).starts_with("trainer r1 is not free for 1 day from 2027-02-03"), "{}", busy(Lang::En, 1, 1));
    let blocked = message(Lang::Sv, "pin-block-unit-cap", &[]);
    assert_eq!(blocked, "för många kollegor från enheten är borta på kurs den dagen");
}

/// Checks `plan` against `instance` with `trappa check` (exit 1: a violation); what it prints.
fn check_text(instance: &Path, plan: &Path, extra: &[&str]) -> String {
    let out = trappa().env_remove("TRAPPA_LANG").args(extra).arg("check").arg(instance).arg(plan).assert().code(1);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_corrupted_plan_is_checked_in_swedish_and_in_english() {
    use chrono::{Datelike, Duration, NaiveDate};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    solve(d, "instances/uppsala-small.json", &[]);
    let mut plan: serde_json::Value = serde_json::from_str(&fs::read_to_string(d.join("plan/plan.json")).unwrap()).unwrap();
    // A pair's first meeting moved to the Saturday after it, a reason code that is none, and a
    // cost that is not the recomputed one.
    let first = &mut plan["mentorship"]["pairs"][0]["meetings"][0];
    let mut day: NaiveDate = first.as_str().unwrap().parse().unwrap();
    while day.weekday() != chrono::Weekday::Sat {
        day += Duration::days(1);
    }
    *first = day.to_string().into();
    plan["mentorship"]["unmatched"][0]["reason"] = "bogus".into();
    plan["objective"]["cost"] = (plan["objective"]["cost"].as_f64().unwrap() + 100.0).into();
    let corrupted = d.join("corrupted.json");
    fs::write(&corrupted, plan.to_string()).unwrap();
    let instance = root().join("instances/uppsala-small.json");

    let sv = check_text(&instance, &corrupted, &[]);
    for swedish in [&format!("träffas {day}, en lördag"), "\"bogus\" är ingen orsakskod", "planen anger kostnaden", "C022", "C030", "C040"]
    {
        assert!(sv.contains(swedish), "the Swedish check lacks \"{swedish}\":\n{sv}");
    }
    assert_swedish("the check", &sv);
    for english in ["meets on", "a Saturday", "is not a reason code", "is listed as", "the plan reports", "recomputed"] {
        assert!(!sv.contains(english), "the Swedish check shows English \"{english}\":\n{sv}");
    }

    let en = check_text(&instance, &corrupted, &["--lang", "en"]);
    for english in
        [&format!("meets on {day}, a Saturday"), "\"bogus\" is not a reason code", "the plan reports cost", "C022", "C030", "C040"]
    {
        assert!(en.contains(english), "the English check lacks \"{english}\":\n{en}");
    }
    assert!(!en.contains("träffas") && !en.contains("orsakskod"), "{en}");
}

/// The instance reader's problem in `file` (of `instances/invalid/`), read in `lang`: its code,
/// path, message and hint.
fn reader_problem(file: &str, lang: trappa::text::Lang) -> (String, String, String, String) {
    let bytes = fs::read(root().join("instances/invalid").join(file)).unwrap();
    let problems = trappa::text::in_lang(lang, || trappa::load::parse_and_validate_bytes(&bytes)).unwrap_err();
    assert_eq!(problems.len(), 1, "{file}: {problems:?}");
    let p = &problems[0];
    (p.code.to_string(), p.path.clone(), p.message.clone(), p.action.clone())
}

#[test]
fn the_instance_readers_problems_are_swedish_by_default_and_english_with_lang_en() {
    use trappa::text::Lang;
    // (file, code, path, Swedish message and hint, English message and hint)
    let cases = [
        (
            "E021-unknown-reference.json",
            "E021",
            "participants[2].unit",
            ["okänd enhet \"enk-ifo\"", "använd ett id från region.units"],
            ["unknown unit \"enk-ifo\"", "use an id from region.units"],
        ),
        (
            "E020-duplicate-id.json",
            "E020",
            "participants[6].id",
            ["id \"p02\" används redan vid participants[1].id", "ge varje post ett eget id"],
            ["id \"p02\" is already used at participants[1].id", "give each item its own id"],
        ),
        (
            "E030-negative-number.json",
            "E030",
            "mentors[1].capacity",
            ["kapaciteten är -1", "ange hur många adepter mentorn kan ta samtidigt (0 eller fler)"],
            ["capacity is -1", "give the number of mentees the mentor can take at a time (0 or more)"],
        ),
        (
            "E060-pinned-pair.json",
            "E060",
            "mentorship.fixed_pairs[0]",
            [
                "det fastlåsta paret m04–p01 bryter mot en regel som alltid gäller: mentor och adept arbetar i samma enhet",
                "lås en annan mentor, eller ändra regeln som förbjuder paret",
            ],
            [
                "the fixed pair m04–p01 breaks a hard rule: mentor and mentee work in the same unit",
                "pin another mentor, or change the rule that forbids the pair",
            ],
        ),
        (
            "E012-date-range.json",
            "E012",
            "participants[1].unavailable[0]",
            ["perioden slutar (2027-10-04) innan den börjar (2027-10-29)", "byt plats på eller rätta \"from\" och \"to\""],
            ["the range ends (2027-10-04) before it starts (2027-10-29)", "swap or correct \"from\" and \"to\""],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (file, code, path, sv, en) in cases {
        let swedish = reader_problem(file, Lang::Sv);
        let english = reader_problem(file, Lang::En);
        assert_eq!((swedish.0.as_str(), swedish.1.as_str()), (code, path), "{file}");
        assert_eq!((english.0.as_str(), english.1.as_str()), (code, path), "{file}");
        assert_eq!([swedish.2.as_str(), swedish.3.as_str()], sv, "{file}");
        assert_eq!([english.2.as_str(), english.3.as_str()], en, "{file}");
        // What `trappa solve` prints: Swedish without a language, English with --lang en; the
        // code, its short name and the path the same.
        let instance = root().join("instances/invalid").join(file);
        let out = dir.path().join("plan");
        let run = |lang: &[&str]| {
            let a = trappa().env_remove("TRAPPA_LANG").args(lang).arg("solve").arg(&instance).arg("--out").arg(&out).assert().code(2);
            String::from_utf8_lossy(&a.get_output().stderr).to_string()
        };
        let (default, english) = (run(&[]), run(&["--lang", "en"]));
        assert!(default.contains(&format!("{code} ")) && default.contains(&format!("vid {path} (rad ")), "{default}");
        assert!(default.contains(&format!("{}. {}", sv[0], sv[1])), "{default}");
        assert!(english.contains(&format!("{code} ")) && english.contains(&format!("at {path} (line ")), "{english}");
        assert!(english.contains(&format!("{}. {}", en[0], en[1])), "{english}");
        assert!(!out.exists(), "{file}: a refused round writes no plan");
    }
}

/// The refusals to write into a directory trappa did not write (P010), into a plan holding a
/// file of someone else's (P011), and a file that cannot be read: Swedish by default, English
/// with `--lang en`, with the operating system's reason in words.
#[test]
fn refusals_to_write_and_unreadable_files_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let instance = root().join("instances/uppsala-small.json");
    let stderr = |lang: &[&str], out: &Path| {
        let a = trappa().env_remove("TRAPPA_LANG").args(lang).arg("solve").arg(&instance).arg("--out").arg(out).assert().code(2);
        String::from_utf8_lossy(&a.get_output().stderr).to_string()
    };
    let foreign = dir.path().join("dokument");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("budget.xlsx"), "värdefull").unwrap();
    let (sv, en) = (stderr(&[], &foreign), stderr(&["--lang", "en"], &foreign));
    assert!(sv.contains("P010") && sv.contains("är ingen plankatalog från trappa") && sv.contains("inget har ändrats"), "{sv}");
    assert!(en.contains("P010") && en.contains("is not a trappa plan directory") && en.contains("nothing was changed"), "{en}");
    assert_swedish("P010", &sv);

    let plan = dir.path().join("plan");
    solve(dir.path(), "instances/uppsala-small.json", &[]);
    fs::write(plan.join("anteckningar.txt"), "mina").unwrap();
    fs::write(plan.join("budget.docx"), "mina").unwrap();
    let (sv, en) = (stderr(&[], &plan), stderr(&["--lang", "en"], &plan));
    assert!(
        sv.contains("P011")
            && sv.contains("innehåller 2 filer")
            && sv.contains("anteckningar.txt, budget.docx")
            && sv.contains("Flytta dem"),
        "{sv}"
    );
    assert!(en.contains("P011") && en.contains("holds 2 files") && en.contains("Move them"), "{en}");
    assert_swedish("P011", &sv);
    assert_eq!(fs::read_to_string(plan.join("budget.docx")).unwrap(), "mina", "a refused plan changes nothing");

    let missing = trappa().env_remove("TRAPPA_LANG").arg("solve").arg(dir.path().join("saknas.json")).assert().code(2);
    let sv = String::from_utf8_lossy(&missing.get_output().stderr).to_string();
    assert!(sv.contains("kan inte läsa") && sv.contains("filen eller katalogen finns inte"), "{sv}");
    assert!(!sv.contains("os error"), "{sv}");
}
