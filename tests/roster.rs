//! Rosters (spreadsheets in and out) and pseudonymised sharing: round trips through xlsx and
//! CSV, one test per kind of bad cell, the committed template, and `trappa anonymise`.

mod common;

use common::{root, trappa};
use rust_xlsxwriter::{Format, Workbook};
use std::fs;
use std::path::Path;
use trappa::format::InstanceFile;
use trappa::roster::{self, write::Out};

fn parsed(rel: &str) -> InstanceFile {
    let text = fs::read_to_string(root().join(rel)).unwrap();
    trappa::load::parse_and_validate(&text).unwrap()
}

// ---------------------------------------------------------------- round trips

fn round_trip(rel: &str) {
    let file = parsed(rel);
    let dir = tempfile::tempdir().unwrap();
    // CSV directory (regler.json inside).
    let csv = dir.path().join("csv");
    roster::export(&file, &csv, None).unwrap();
    let back = roster::import(&csv, None).unwrap();
    assert_eq!(back.instance, file, "{rel} via CSV");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    // Workbook (regler.json beside it).
    let xlsx_dir = dir.path().join("xlsx");
    fs::create_dir(&xlsx_dir).unwrap();
    let xlsx = xlsx_dir.join("omgang.xlsx");
    roster::export(&file, &xlsx, None).unwrap();
    let back = roster::import(&xlsx, None).unwrap();
    assert_eq!(back.instance, file, "{rel} via xlsx");
    // Canonical JSON is the same too.
    assert_eq!(serde_json::to_string(&back.instance).unwrap(), serde_json::to_string(&file).unwrap());
}

#[test]
fn round_trip_uppsala_small() {
    round_trip("instances/uppsala-small.json");
}

#[test]
fn round_trip_gr_2027() {
    round_trip("instances/gr-2027.json");
}

#[test]
fn round_trip_gr_vt2027_kurser_with_courses_trainers_venues() {
    round_trip("instances/gr-vt2027-kurser.json");
}

#[test]
fn cli_export_then_import_keeps_swedish_letters() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("omgång.xlsx");
    trappa().args(["export", "roster"]).arg(root().join("instances/mall/exempel.json")).arg("--out").arg(&xlsx).assert().success();
    let out = dir.path().join("instans.json");
    trappa().args(["import", "roster"]).arg(&xlsx).arg("--out").arg(&out).assert().success();
    let text = fs::read_to_string(&out).unwrap();
    for s in ["Åsa Öberg", "Härryda", "Mölndal", "Örjan Ekström", "Élise Lundqvist", "Mölndals stadshus, sal 3", "sportlov"] {
        assert!(text.contains(s), "{s} lost");
    }
    assert_eq!(trappa::load::parse_and_validate(&text).unwrap(), parsed("instances/mall/exempel.json"));
    // The CSV files are UTF-8 with a byte-order mark and keep the letters too.
    let csv = dir.path().join("csv");
    trappa().args(["export", "roster"]).arg(root().join("instances/mall/exempel.json")).arg("--out").arg(&csv).assert().success();
    let bytes = fs::read(csv.join("deltagare.csv")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    assert!(String::from_utf8(bytes).unwrap().contains("Åsa Öberg;har-bou"));
    let kommuner = fs::read_to_string(csv.join("kommuner.csv")).unwrap();
    assert!(kommuner.contains("molndal;Mölndal;70000;57,656;12,014;0,06"), "{kommuner}");
}

// ---------------------------------------------------------------- the template

#[test]
fn template_imports_to_a_valid_instance_and_cannot_go_stale() {
    let example = parsed("instances/mall/exempel.json");
    let mall = root().join("instances/mall");
    // Both the workbook and the CSV set import to the example instance.
    assert_eq!(roster::import(&mall.join("mall.xlsx"), None).unwrap().instance, example);
    assert_eq!(roster::import(&mall, None).unwrap().instance, example);
    // Exporting the example reproduces every committed file byte for byte.
    let files = roster::render(&example, &mall, None).unwrap();
    assert_eq!(files.len(), 13);
    let mut files_xlsx = roster::render(&example, &mall.join("mall.xlsx"), None).unwrap();
    files_xlsx.truncate(1);
    for (path, bytes) in files.iter().chain(&files_xlsx) {
        let committed = fs::read(path).unwrap_or_else(|_| panic!("{} is not committed", path.display()));
        assert!(
            &committed == bytes,
            "{} is stale: run `trappa export roster instances/mall/exempel.json --out instances/mall` and `--out instances/mall/mall.xlsx`",
            path.display()
        );
    }
    // The workbook explains its columns.
    let rows = roster::write::readme_rows();
    assert!(rows.iter().any(|r| r.len() > 1 && r[0] == "deltagare" && r[1] == "anställd"));
}

// ---------------------------------------------------------------- bad input

/// A workbook as sheets of rows of cells (row 0 is the header).
type Sheets = Vec<(String, Vec<Vec<Out>>)>;

/// The tables of uppsala-small, header rows included, to be spoilt cell by cell.
fn base() -> Sheets {
    let file = parsed("instances/uppsala-small.json");
    roster::write::tables(&file)
        .unwrap()
        .into_iter()
        .map(|t| {
            let mut rows = vec![t.header.iter().map(|h| Out::Text(h.clone())).collect::<Vec<_>>()];
            rows.extend(t.rows);
            (t.sheet.name().to_string(), rows)
        })
        .collect()
}

fn sheet<'a>(s: &'a mut Sheets, name: &str) -> &'a mut Vec<Vec<Out>> {
    &mut s.iter_mut().find(|(n, _)| n == name).unwrap().1
}

/// Sets a cell by spreadsheet row (1-based, header = 1) and column letter.
fn set(s: &mut Sheets, name: &str, row: usize, col: char, v: Out) {
    let rows = sheet(s, name);
    let c = (col as u8 - b'A') as usize;
    let r = &mut rows[row - 1];
    while r.len() <= c {
        r.push(Out::Empty);
    }
    r[c] = v;
}

fn text(s: &str) -> Out {
    Out::Text(s.into())
}

fn write_xlsx(s: &Sheets, path: &Path) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in s {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, o) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match o {
                    Out::Empty => {}
                    Out::Text(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    Out::Num(x) => {
                        ws.write_number(r, c, *x).unwrap();
                    }
                    Out::Date(d) => {
                        ws.write_number_with_format(r, c, trappa::roster::cells::date_to_excel_serial(*d), &date).unwrap();
                    }
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// Writes the sheets as `roster.xlsx` in a fresh directory (no rules file: uppsala-small's
/// calendar is dropped, which is fine), imports it through the command line and returns the
/// error output, checking exit code 2 and that nothing was written.
fn import_fails(s: &Sheets) -> String {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("roster.xlsx");
    write_xlsx(s, &xlsx);
    let out = dir.path().join("instance.json");
    let assert = trappa().env("TRAPPA_LANG", "en").args(["import", "roster"]).arg(&xlsx).arg("--out").arg(&out).assert().code(2);
    assert!(!out.exists(), "nothing may be written on bad input");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary files left behind");
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

fn import_ok(s: &Sheets) -> roster::Imported {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("roster.xlsx");
    write_xlsx(s, &xlsx);
    roster::import(&xlsx, None).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_unspoilt_base_imports() {
    let imported = import_ok(&base());
    assert_eq!(imported.instance.participants.len(), 7);
    assert_eq!(imported.instance.participants[0].name, "Åsa Öberg");
}

#[test]
fn bad_date_is_reported_with_sheet_row_and_column() {
    let mut s = base();
    set(&mut s, "deltagare", 4, 'F', text("15/13/2027"));
    let err = import_fails(&s);
    assert!(
        err.contains("roster.xlsx, sheet deltagare, row 4, column F (anställd): expected a date like 2027-01-15, found \"15/13/2027\""),
        "{err}"
    );
}

#[test]
fn bad_number_is_reported() {
    let mut s = base();
    set(&mut s, "mentorer", 3, 'F', text("många"));
    let err = import_fails(&s);
    assert!(err.contains("sheet mentorer, row 3, column F (år_i_yrket): expected a number like 12 or 2,5, found \"många\""), "{err}");
}

#[test]
fn bad_whole_number_is_reported() {
    let mut s = base();
    set(&mut s, "enheter", 2, 'D', Out::Num(12.5));
    let err = import_fails(&s);
    assert!(
        err.contains("sheet enheter, row 2, column D (antal_anställda): expected a whole number like 12, found the number 12.5"),
        "{err}"
    );
}

#[test]
fn bad_boolean_is_reported() {
    let mut s = base();
    set(&mut s, "deltagare", 2, 'I', text("kanske"));
    let err = import_fails(&s);
    assert!(
        err.contains("sheet deltagare, row 2, column I (vill_ha_mentor): expected ja or nej (also yes/no, x, 1/0), found \"kanske\""),
        "{err}"
    );
}

#[test]
fn bad_date_list_item_is_reported() {
    let mut s = base();
    set(&mut s, "deltagare", 3, 'G', text("2027-10-04..snart"));
    let err = import_fails(&s);
    assert!(err.contains("sheet deltagare, row 3, column G (ej_tillgänglig): expected dates or ranges"), "{err}");
    assert!(err.contains("\"2027-10-04..snart\" is not one"), "{err}");
}

#[test]
fn bad_choice_is_reported() {
    let mut s = base();
    set(&mut s, "deltagare", 5, 'D', text("chef"));
    let err = import_fails(&s);
    assert!(
        err.contains(
            "sheet deltagare, row 5, column D (roll): expected one of socialsekreterare, utförare, arbetsledare, annan, found \"chef\""
        ),
        "{err}"
    );
}

#[test]
fn empty_required_cell_is_reported() {
    let mut s = base();
    set(&mut s, "deltagare", 6, 'B', Out::Empty);
    let err = import_fails(&s);
    assert!(err.contains("sheet deltagare, row 6, column B (namn): empty required cell; expected text (full name)"), "{err}");
}

#[test]
fn unknown_unit_reference_is_reported_with_its_row() {
    let mut s = base();
    set(&mut s, "deltagare", 7, 'C', text("okänd-enhet"));
    let err = import_fails(&s);
    assert!(err.contains("sheet deltagare, row 7, column C (enhet): unknown unit \"okänd-enhet\"; it is not in sheet enheter"), "{err}");
}

#[test]
fn unknown_municipality_reference_is_reported_with_its_row() {
    let mut s = base();
    set(&mut s, "enheter", 3, 'C', text("stockholm"));
    let err = import_fails(&s);
    assert!(err.contains("sheet enheter, row 3, column C (kommun): unknown municipality \"stockholm\""), "{err}");
}

#[test]
fn duplicate_id_is_reported() {
    let mut s = base();
    set(&mut s, "deltagare", 5, 'A', text("p01"));
    let err = import_fails(&s);
    assert!(err.contains("sheet deltagare, row 5, column A (id): duplicate id \"p01\", already used in row 2"), "{err}");
}

#[test]
fn missing_column_is_reported() {
    let mut s = base();
    for row in sheet(&mut s, "deltagare") {
        row.remove(2); // enhet
    }
    let err = import_fails(&s);
    assert!(err.contains("sheet deltagare: missing required column enhet (unit); add a column with that header to row 1"), "{err}");
    // Reported once, not once per row.
    assert_eq!(err.matches("enhet (unit)").count(), 1, "{err}");
}

#[test]
fn missing_sheet_is_reported() {
    let mut s = base();
    s.retain(|(n, _)| n != "kommuner");
    let err = import_fails(&s);
    assert!(err.contains("missing sheet kommuner (municipalities)"), "{err}");
}

#[test]
fn unknown_column_is_an_error_but_comment_columns_are_not() {
    let mut s = base();
    set(&mut s, "deltagare", 1, 'J', text("favoritfärg"));
    set(&mut s, "deltagare", 2, 'J', text("blå"));
    let err = import_fails(&s);
    assert!(
        err.contains("sheet deltagare, row 1, column J (favoritfärg): unknown column; the columns of deltagare are id, namn, enhet"),
        "{err}"
    );
    let mut s = base();
    set(&mut s, "deltagare", 1, 'J', text("# anteckning"));
    set(&mut s, "deltagare", 2, 'J', text("ringer tillbaka"));
    set(&mut s, "mentorer", 1, 'K', text("Kommentar"));
    import_ok(&s);
}

/// The row of a setting in the omgång sheet (1-based, header = 1).
fn setting_row(s: &mut Sheets, name: &str) -> usize {
    sheet(s, "omgång").iter().position(|r| r[0] == text(name)).unwrap() + 1
}

#[test]
fn meeting_times_and_places_come_from_the_roster() {
    let mut s = base();
    for (name, v) in [("mentorsträff_start", text("13.30")), ("mentorsträff_slut", Out::Num(0.625)), ("kursdag_start", text("8"))] {
        let row = setting_row(&mut s, name);
        set(&mut s, "omgång", row, 'B', v);
    }
    let col = sheet(&mut s, "kommuner")[0].iter().position(|h| *h == text("träfflokal")).unwrap();
    set(&mut s, "kommuner", 2, (b'A' + col as u8) as char, text("Stadshuset, rum Linnea"));
    let i = import_ok(&s).instance;
    let times = &i.round.meeting_times;
    assert_eq!((times.mentor().0.to_string(), times.mentor().1.to_string()), ("13:30".into(), "15:00".into()));
    assert_eq!(times.course(None).0.to_string(), "08:00");
    assert_eq!(i.region.municipalities[0].meeting_venue.as_deref(), Some("Stadshuset, rum Linnea"));
    // And back out: the settings and the column are written as they were read.
    let tables = roster::write::tables(&i).unwrap();
    let omg = tables.iter().find(|t| t.sheet.name() == "omgång").unwrap();
    assert!(omg.rows.iter().any(|r| r[0] == text("mentorsträff_start") && r[1] == text("13:30")));

    let row = setting_row(&mut s, "gruppträff_slut");
    set(&mut s, "omgång", row, 'B', text("kvart över fyra"));
    let err = import_fails(&s);
    assert!(
        err.contains(&format!("sheet omgång, row {row}, column B (värde) (setting gruppträff_slut): expected a time of day like 13:00")),
        "{err}"
    );
}

#[test]
fn unknown_setting_and_missing_round_name_are_reported() {
    let mut s = base();
    set(&mut s, "omgång", 2, 'A', text("omgångsnamn"));
    let err = import_fails(&s);
    assert!(err.contains("sheet omgång, row 2, column A (inställning): unknown setting \"omgångsnamn\""), "{err}");
    assert!(err.contains("missing setting namn (the round's name)"), "{err}");
}

#[test]
fn bad_setting_value_is_reported() {
    let mut s = base();
    set(&mut s, "omgång", 8, 'B', text("åtta"));
    let err = import_fails(&s);
    assert!(
        err.contains("sheet omgång, row 8, column B (värde) (setting min_träffar): expected a whole number like 12, found \"åtta\""),
        "{err}"
    );
}

#[test]
fn several_bad_cells_are_reported_at_once_with_their_rows_and_columns() {
    let mut s = base();
    set(&mut s, "deltagare", 3, 'E', text("2024-13-01"));
    set(&mut s, "deltagare", 8, 'I', text("kanske"));
    set(&mut s, "mentorer", 4, 'D', text("två"));
    set(&mut s, "kommuner", 2, 'D', text("59°51'"));
    let err = import_fails(&s);
    for want in [
        "sheet deltagare, row 3, column E (yrkesstart): expected a date",
        "sheet deltagare, row 8, column I (vill_ha_mentor): expected ja or nej",
        "sheet mentorer, row 4, column D (kapacitet): expected a whole number",
        "sheet kommuner, row 2, column D (lat): expected a number",
    ] {
        assert!(err.contains(want), "missing {want:?} in {err}");
    }
    assert!(err.contains("4 problem(s)"), "{err}");
}

#[test]
fn validator_problems_are_mapped_back_to_sheet_row_and_column() {
    // Tables fine, instance not: a unit with fewer staff than people in it (E034), a trainer
    // teaching a course no rules file defines (E021).
    let mut s = base();
    set(&mut s, "enheter", 2, 'D', Out::Num(1.0));
    set(&mut s, "utbildare", 1, 'A', text("id"));
    let trainer = sheet(&mut s, "utbildare");
    trainer.push(vec![text("u1"), text("Ylva Söder"), text("ja"), Out::Empty, text("barnsamtal"), Out::Num(5.0)]);
    let err = import_fails(&s);
    assert!(err.contains("sheet enheter, row 2, column D (antal_anställda): E034"), "{err}");
    assert!(err.contains("sheet utbildare, row 2, column E (kurser): E021"), "{err}");
}

#[test]
fn excel_dates_iso_text_serials_aliases_and_case_are_accepted() {
    let mut s = base();
    // English, upper-case and padded headers in another order.
    let rows = sheet(&mut s, "deltagare");
    rows[0][0] = text("  ID ");
    rows[0][1] = text("Name");
    rows[0][5] = text("Employment Start");
    rows.iter_mut().for_each(|r| r.swap(0, 1));
    // An Excel date cell, a bare serial number and ISO text with a time.
    set(&mut s, "deltagare", 2, 'E', Out::Date("2024-09-01".parse().unwrap()));
    set(&mut s, "deltagare", 3, 'E', Out::Num(45658.0)); // 2025-01-01
    set(&mut s, "deltagare", 4, 'E', text("2023-03-01 00:00:00"));
    set(&mut s, "deltagare", 2, 'I', text("X"));
    set(&mut s, "mentorer", 2, 'F', text("12,5"));
    let i = import_ok(&s).instance;
    assert_eq!(i.participants[0].id, "p01");
    assert_eq!(i.participants[0].profession_start.to_string(), "2024-09-01");
    assert_eq!(i.participants[1].profession_start.to_string(), "2025-01-01");
    assert_eq!(i.participants[2].profession_start.to_string(), "2023-03-01");
    assert!(i.participants[0].wants_mentor);
    assert_eq!(i.mentors[0].years_in_profession, 12.5);
}

#[test]
fn csv_with_commas_no_bom_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    roster::export(&parsed("instances/uppsala-small.json"), dir.path(), None).unwrap();
    // Rewrite participants as a comma-separated file without BOM, as another program might.
    let p = dir.path().join("deltagare.csv");
    fs::write(
        &p,
        "id,namn,enhet,yrkesstart,anställd,intressen,vill_ha_mentor\n\
         p01,Åsa Öberg,upp-bou-1,2024-09-01,2024-09-01,\"barnsamtal; lvu\",ja\n\
         p02,Jörgen Ström,upp-bou-2,2025-01-15,2026-02-01,,nej\n",
    )
    .unwrap();
    // Exclusions name p03, who is gone now; drop them.
    fs::write(dir.path().join("uteslutna_par.csv"), "mentor;adept\n").unwrap();
    let i = roster::import(dir.path(), None).unwrap().instance;
    assert_eq!(i.participants.len(), 2);
    assert_eq!(i.participants[0].interests, vec!["barnsamtal", "lvu"]);
    assert_eq!(i.participants[0].name, "Åsa Öberg");
    fs::write(&p, "id,namn,enhet,yrkesstart,anställd\np01,Åsa Öberg,upp-bou-1,1 sept 2024,2024-09-01\n").unwrap();
    let out = dir.path().join("out.json");
    let a = trappa().env("TRAPPA_LANG", "en").args(["import", "roster"]).arg(dir.path()).arg("--out").arg(&out).assert().code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("deltagare.csv, row 2, column D (yrkesstart): expected a date like 2027-01-15, found \"1 sept 2024\""), "{err}");
    assert!(!out.exists());
    // Windows-1252 (Excel's plain "CSV") is refused with what to do.
    fs::write(&p, b"id;namn;enhet;yrkesstart;anst\xe4lld\n").unwrap();
    let a = trappa().env("TRAPPA_LANG", "en").args(["import", "roster"]).arg(dir.path()).assert().code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("deltagare.csv, row 1: the file is not UTF-8 text"), "{err}");
}

#[test]
fn settings_in_the_table_win_over_the_rules_file_with_a_note() {
    trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
    let dir = tempfile::tempdir().unwrap();
    let file = parsed("instances/uppsala-small.json");
    roster::export(&file, dir.path(), None).unwrap();
    // The rules file also sets min_meetings (8); the omgång sheet says 9.
    let rules = dir.path().join("regler.json");
    let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&rules).unwrap()).unwrap();
    v["mentorship"] = serde_json::json!({"min_meetings": 8, "pair_costs": []});
    fs::write(&rules, serde_json::to_string(&v).unwrap()).unwrap();
    let omg = dir.path().join("omgång.csv");
    let text = fs::read_to_string(&omg).unwrap().replace("min_träffar;8;", "min_träffar;9;");
    fs::write(&omg, text).unwrap();
    let imported = roster::import(dir.path(), None).unwrap();
    assert_eq!(imported.instance.mentorship.min_meetings, 9);
    assert!(imported.warnings.iter().any(|w| w.contains("mentorship.min_meetings = 9 replaces 8")), "{:?}", imported.warnings);
    // A rules file error is reported with its line.
    fs::write(&rules, "{\"courses\": [}").unwrap();
    let err = roster::import(dir.path(), None).unwrap_err().to_string();
    assert!(err.contains("regler.json, line 1"), "{err}");
    // A type error inside the rules file names its JSON path.
    fs::write(&rules, "{\"phases\": [{\"id\": \"new\", \"min_years\": \"noll\"}]}").unwrap();
    let err = roster::import(dir.path(), None).unwrap_err().to_string();
    assert!(err.contains("regler.json at phases[0].min_years: E002"), "{err}");
}

// ---------------------------------------------------------------- anonymise

fn anonymise_cli(input: &Path, key: &str) -> String {
    let a = trappa().arg("anonymise").arg(input).args(["--key", key]).assert().success();
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn solve_checked(file: &InstanceFile, name: &str) -> trappa::format::plan::PlanFile {
    let json = serde_json::to_string(file).unwrap();
    let loaded = trappa::load::load_instance_text(&json, name).unwrap();
    common::solve_checked(&loaded, &trappa::solve::SolveParams::default())
}

#[test]
fn anonymised_instance_validates_solves_alike_and_hides_names_and_ids() {
    let input = root().join("instances/uppsala-small.json");
    let original = parsed("instances/uppsala-small.json");
    let text = anonymise_cli(&input, "hemlig");
    let anon = trappa::load::parse_and_validate(&text).expect("the anonymised instance validates");
    // Nothing personal left: no names, no original person ids anywhere, no leave reasons.
    let people: Vec<(&str, &str)> = original
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(original.mentors.iter().map(|m| (m.id.as_str(), m.name.as_str())))
        .collect();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut strings = vec![];
    collect_strings(&value, &mut strings);
    for (id, name) in &people {
        assert!(!text.contains(name), "{name} survives");
        assert!(!strings.iter().any(|s| s == id), "id {id} survives");
    }
    assert!(!text.contains("föräldraledighet") && !text.contains("tidigare chef"));
    // Structure kept: units, municipalities, dates, phases.
    assert_eq!(anon.region, original.region);
    assert_eq!(anon.participants.len(), original.participants.len());
    assert!(anon.participants.iter().all(|p| p.id.starts_with('P') && p.name == format!("Deltagare {}", p.id)));
    assert!(anon.mentors.iter().all(|m| m.id.starts_with('M')));
    let mut dates_a: Vec<_> = original.participants.iter().map(|p| (p.unit.clone(), p.profession_start, p.employment_start)).collect();
    let mut dates_b: Vec<_> = anon.participants.iter().map(|p| (p.unit.clone(), p.profession_start, p.employment_start)).collect();
    dates_a.sort();
    dates_b.sort();
    assert_eq!(dates_a, dates_b);
    // References renamed consistently: the exclusion still names a mentor and a participant
    // with the same units as before.
    let ex_o = &original.mentorship.exclusions[0];
    let ex_a = &anon.mentorship.exclusions[0];
    let unit_of = |f: &InstanceFile, id: &str| f.participants.iter().find(|p| p.id == id).map(|p| p.unit.clone());
    let munit_of = |f: &InstanceFile, id: &str| f.mentors.iter().find(|p| p.id == id).map(|p| p.unit.clone());
    assert_eq!(unit_of(&original, &ex_o.mentee), unit_of(&anon, &ex_a.mentee));
    assert_eq!(munit_of(&original, &ex_o.mentor), munit_of(&anon, &ex_a.mentor));
    // Solves to a plan of the same value.
    let a = solve_checked(&original, "original");
    let b = solve_checked(&anon, "anonymised");
    assert_eq!(a.objective.matched, b.objective.matched);
    assert_eq!(a.objective.unmatched, b.objective.unmatched);
    assert!((a.objective.cost - b.objective.cost).abs() < 1e-6, "{} vs {}", a.objective.cost, b.objective.cost);
    assert_eq!(a.mentorship.pairs.len(), b.mentorship.pairs.len());
    // Deterministic for a key; another key numbers differently.
    assert_eq!(text, anonymise_cli(&input, "hemlig"));
    assert_ne!(text, anonymise_cli(&input, "annan nyckel"));
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

#[test]
fn anonymise_renames_every_reference_of_a_course_and_group_round() {
    // gr-vt2027-kurser has demand, course history, trainers; gr-2027 group programmes.
    for rel in ["instances/gr-vt2027-kurser.json", "instances/gr-2027.json"] {
        let original = parsed(rel);
        let anon = trappa::anonymise::anonymise(&original, b"k");
        let text = serde_json::to_string(&anon).unwrap();
        trappa::load::parse_and_validate(&text).unwrap_or_else(|p| panic!("{rel}: {:?}", &p[..p.len().min(3)]));
        let mut strings = vec![];
        collect_strings(&serde_json::to_value(&anon).unwrap(), &mut strings);
        let ids: std::collections::HashSet<&str> = original
            .participants
            .iter()
            .map(|p| p.id.as_str())
            .chain(original.mentors.iter().map(|m| m.id.as_str()))
            .chain(original.trainers.iter().map(|t| t.id.as_str()))
            .chain(original.group_leaders.iter().map(|l| l.id.as_str()))
            .collect();
        assert!(!strings.iter().any(|s| ids.contains(s.as_str())), "{rel}: an original id survives");
        for p in original.participants.iter().take(50) {
            assert!(!text.contains(&p.name), "{rel}: {} survives", p.name);
        }
        assert_eq!(anon.demand.len(), original.demand.len());
        assert_eq!(anon.course_history.len(), original.course_history.len());
        // Each participant keeps the number of courses they want.
        let mut counts_o: Vec<usize> =
            original.participants.iter().map(|p| original.demand.iter().filter(|d| d.participant == p.id).count()).collect();
        let map = trappa::anonymise::pseudonyms(&original, b"k");
        let mut counts_a: Vec<usize> =
            original.participants.iter().map(|p| anon.demand.iter().filter(|d| d.participant == map[&p.id]).count()).collect();
        assert_eq!(counts_o, counts_a, "{rel}");
        counts_o.sort();
        counts_a.sort();
        assert_eq!(counts_o, counts_a);
    }
}

#[test]
fn anonymise_writes_atomically_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("delad.json");
    trappa().arg("anonymise").arg(root().join("instances/uppsala-small.json")).args(["--key", "k", "--out"]).arg(&out).assert().success();
    trappa::load::parse_and_validate(&fs::read_to_string(&out).unwrap()).unwrap();
    let bad = dir.path().join("bad.json");
    fs::write(&bad, "{").unwrap();
    let out2 = dir.path().join("x.json");
    trappa().arg("anonymise").arg(&bad).arg("--out").arg(&out2).assert().code(2);
    assert!(!out2.exists());
}

#[test]
fn csv_rows_are_counted_like_a_spreadsheet_with_crlf_line_ends() {
    trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
    let dir = tempfile::tempdir().unwrap();
    roster::export(&parsed("instances/uppsala-small.json"), dir.path(), None).unwrap();
    let p = dir.path().join("mentorer.csv");
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains("\r\n"));
    // m03 is on the fourth line (header, m01, m02, m03).
    fs::write(&p, text.replace("m03;Ylva Hansson;ost-ifo;1;", "m03;Ylva Hansson;ost-ifo;ett;")).unwrap();
    let err = roster::import(dir.path(), None).unwrap_err().to_string();
    assert!(err.contains("mentorer.csv, row 4, column D (kapacitet): expected a whole number like 12, found \"ett\""), "{err}");
}

#[test]
fn docs_name_every_sheet_column_and_setting() {
    use trappa::roster::columns::{SETTINGS, SHEETS};
    let doc = fs::read_to_string(root().join("docs/roster.md")).unwrap();
    for s in SHEETS {
        assert!(doc.contains(s.names[0]), "sheet {} missing from docs/roster.md", s.names[0]);
        for c in s.cols {
            assert!(doc.contains(&format!("`{}`", c.names[0])), "column {} of {} missing from docs/roster.md", c.names[0], s.names[0]);
        }
    }
    for st in SETTINGS {
        assert!(doc.contains(&format!("`{}`", st.names[0])), "setting {} missing from docs/roster.md", st.names[0]);
    }
}

/// Pins name people too: an anonymised pinned round still validates, its pins name the
/// pseudonyms, and it solves to a checked plan with the same matching as the original.
#[test]
fn anonymise_renames_people_in_pins() {
    let original = parsed("instances/uppsala-small-pins.json");
    let anon = trappa::anonymise::anonymise(&original, b"hemlig");
    let text = serde_json::to_string_pretty(&anon).unwrap();
    let loaded = trappa::load::load_instance_text(&text, "anon.json").expect("the anonymised pinned round validates");
    for fp in &anon.mentorship.fixed_pairs {
        assert!(fp.mentor.starts_with('M') && fp.mentee.starts_with('P'), "{fp:?}");
    }
    for p in &original.participants {
        assert!(!text.contains(&format!("\"{}\"", p.id)), "id {} survives", p.id);
    }
    let plan = trappa::write::plan::plan_file(
        &loaded,
        "anon.json",
        &trappa::solve::solve(&loaded.model, &trappa::solve::SolveParams::default()).unwrap(),
    );
    let report = trappa::check::check(&loaded.file, &loaded.sha256, &plan);
    assert!(report.is_valid(), "{:#?}", report.violations);
    let text0 = serde_json::to_string_pretty(&original).unwrap();
    let loaded0 = trappa::load::load_instance_text(&text0, "orig.json").unwrap();
    let plan0 = trappa::write::plan::plan_file(
        &loaded0,
        "orig.json",
        &trappa::solve::solve(&loaded0.model, &trappa::solve::SolveParams::default()).unwrap(),
    );
    assert_eq!(plan.objective.matched, plan0.objective.matched);
    assert!((plan.objective.cost - plan0.objective.cost).abs() < 1e-6);
}
