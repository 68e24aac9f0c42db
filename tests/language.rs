//! What coordinators read is Swedish by default and English with `--lang en` (or `TRAPPA_LANG`):
//! the terminal summary and the HTML report carry no raw reason code and no English solver
//! name in Swedish, plurals are right, and English gives English headings and summary.

mod common;

use common::{root, trappa};
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
    let mut text = html.clone();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>"), ("<code", "</code>")] {
        while let Some(i) = text.find(open) {
            let j = text[i..].find(close).map(|j| i + j + close.len()).unwrap_or(text.len());
            text.replace_range(i..j, " ");
        }
    }
    let mut visible = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                visible.push(' ');
            }
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
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
