//! Every reader is total: the instance reader, the JSON position scanner, the plan reader, the
//! roster reader (CSV and xlsx) and the benchmark importers answer every input with a coded
//! error and a position — never a panic, an abort, a hang or an unbounded allocation — and
//! sizes that would blow a run up are refused up front with `E070`, naming the limit.
//!
//! Each bad input through the command line: exit code 2, a code, a position, nothing written.

use assert_cmd::Command;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use trappa::load::{self, limits, Problem};

fn trappa() -> Command {
    Command::cargo_bin("trappa").expect("binary built")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn small_text() -> String {
    fs::read_to_string(root().join("instances/uppsala-small.json")).unwrap()
}

fn small() -> Value {
    serde_json::from_str(&small_text()).unwrap()
}

/// The problems of an instance given as bytes (it must not be valid).
fn problems_of(bytes: &[u8]) -> Vec<Problem> {
    load::parse_and_validate_bytes(bytes).expect_err("the input is not a valid instance")
}

/// Every problem is coded with a code of `docs/errors.md` and located by a path or a line.
fn assert_coded(problems: &[Problem]) {
    assert!(!problems.is_empty());
    for p in problems {
        assert!(load::ValidationCode::ALL.contains(&p.code), "unknown code: {p}");
        assert!(p.line.is_some() || !p.path.is_empty() || p.code == "E070", "no position: {p}");
    }
}

/// `trappa solve` on the bytes: exit 2, the code and a line in the message, no plan written.
/// Returns the message.
fn solve_refuses(bytes: &[u8], code: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("round.json");
    fs::write(&input, bytes).unwrap();
    let out = dir.path().join("plan");
    let assert = trappa().env("TRAPPA_LANG", "en").arg("solve").arg(&input).arg("--out").arg(&out).arg("--quiet").assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains(code), "expected {code}: {stderr}");
    assert!(stderr.contains("(line "), "no line: {stderr}");
    assert!(!out.exists(), "a plan was written for bad input");
    stderr
}

mod instance_reader {
    use super::*;

    #[test]
    fn a_closing_bracket_where_a_value_should_stand_is_a_syntax_error() {
        let err = solve_refuses(b"{\"a\": [}", "E001 syntax");
        assert!(err.contains("line 1, column 8"), "{err}");
        for text in ["{\"a\": }", "[}", "{\"a\": [1, }", "]", "}"] {
            let p = problems_of(text.as_bytes());
            assert_eq!(p[0].code, "E001", "{text}: {p:?}");
        }
    }

    #[test]
    fn a_stray_brace_in_a_real_instance_is_located() {
        let text = small_text();
        let i = text.find("\"participants\"").unwrap();
        let broken = format!("{}}}{}", &text[..i], &text[i..]);
        let err = solve_refuses(broken.as_bytes(), "E001 syntax");
        assert!(err.contains("line 83"), "{err}");
    }

    #[test]
    fn every_truncation_and_mutation_of_a_real_instance_gets_coded_problems() {
        let bytes = small_text().into_bytes();
        for end in (0..bytes.len()).step_by(7) {
            assert_coded(&problems_of(&bytes[..end]));
        }
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let alphabet = b"{}[],:\"\\ 0-e.tn\xc5\x80";
        for _ in 0..1_500 {
            let mut b = bytes.clone();
            for _ in 0..rng.gen_range(1..4) {
                let at = rng.gen_range(0..b.len());
                match rng.gen_range(0..3) {
                    0 => {
                        b.remove(at);
                    }
                    1 => b.insert(at, alphabet[rng.gen_range(0..alphabet.len())]),
                    _ => b[at] = alphabet[rng.gen_range(0..alphabet.len())],
                }
            }
            if let Err(problems) = load::parse_and_validate_bytes(&b) {
                assert_coded(&problems);
            }
            // The position scanner is total on the same text.
            let text = String::from_utf8_lossy(&b);
            let _ = load::jsonpos::value_positions(&text);
        }
    }

    /// Every JSON path of a value, as a JSON pointer.
    fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => o.iter().for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
            _ => {}
        }
        out.push(at);
    }

    #[test]
    fn any_value_anywhere_in_real_instances_is_answered_without_a_panic() {
        let odd: Vec<Value> = vec![
            json!(0),
            json!(-1),
            json!(4_294_967_295u64),
            json!(18_446_744_073_709_551_615u64),
            json!(-9_223_372_036_854_775_808i64),
            json!(1e300),
            json!(0.5),
            json!(""),
            json!("2027-01-01"),
            json!([]),
            json!({}),
            json!(null),
            json!(true),
        ];
        for rel in ["instances/uppsala-small-pins.json", "instances/liten-kursomgang.json"] {
            let base: Value = serde_json::from_str(&fs::read_to_string(root().join(rel)).unwrap()).unwrap();
            let mut paths = Vec::new();
            leaves(&base, String::new(), &mut paths);
            for path in paths.iter().filter(|p| !p.is_empty()) {
                for x in &odd {
                    let mut v = base.clone();
                    *v.pointer_mut(path).unwrap() = x.clone();
                    let text = v.to_string();
                    let result = std::panic::catch_unwind(|| load::load_instance_text(&text, "r").map(|_| ()));
                    match result {
                        Ok(Ok(())) => {}
                        Ok(Err(e)) => assert_coded(e.problems()),
                        Err(_) => panic!("{rel}: {path} = {x} panics"),
                    }
                }
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_serde_with_its_position() {
        // 60 KB of nested arrays.
        let deep = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
        let err = solve_refuses(deep.as_bytes(), "E006 nesting-depth");
        assert!(err.contains("line 1, column 65"), "{err}");
        // 100,000 levels inside an object, and unclosed.
        let text = format!("{{\"round\": {}", "{\"a\": [".repeat(100_000));
        let p = problems_of(text.as_bytes());
        assert_eq!((p[0].code.code(), p[0].line), ("E006", Some(1)), "{p:?}");
        assert!(p[0].path.starts_with("round.a[0].a"), "{}", p[0].path);
        // The scanner on its own, without a limit, is iterative and finishes.
        let result = load::jsonpos::scan(&text, usize::MAX, |_| {});
        assert!(matches!(result, Err(load::jsonpos::Stop::Malformed { .. })));
    }

    #[test]
    fn duplicate_keys_are_errors_naming_both_places() {
        let text = small_text()
            .replacen("\"start\": \"2027-08-16\",", "\"start\": \"2027-08-16\",\n    \"start\": \"2027-09-01\",", 1)
            .replacen("\"unit\": \"upp-bou-1\",", "\"unit\": \"upp-bou-1\", \"unit\": \"heby-ifo\",", 1);
        let err = solve_refuses(text.as_bytes(), "E005 duplicate-key");
        assert!(err.contains("first at line 6, column 5"), "{err}");
        let p = problems_of(text.as_bytes());
        let found: Vec<(&str, &str)> = p.iter().map(|p| (p.code.code(), p.path.as_str())).collect();
        assert_eq!(found, vec![("E005", "round.start"), ("E005", "participants[0].unit")]);
        assert_eq!(p[0].line, Some(7));
    }

    #[test]
    fn windows_1252_is_refused_with_the_byte_and_the_fix() {
        // "Åsa Öberg" in Windows-1252, as an old Excel or Notepad saves it.
        let text = small_text();
        let cp1252: Vec<u8> = text.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect();
        let err = solve_refuses(&cp1252, "E004 encoding");
        assert!(err.contains("Windows-1252") && err.contains("UTF-8"), "{err}");
        let p = problems_of(&cp1252);
        assert_eq!((p[0].code.code(), p[0].line, p[0].column), ("E004", Some(5), Some(23)), "{p:?}");
        // `check` and `report` read instances the same way.
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        trappa().args(["solve", "instances/uppsala-small.json", "--quiet", "--out"]).arg(&plan).current_dir(root()).assert().success();
        let inst = dir.path().join("cp1252.json");
        fs::write(&inst, &cp1252).unwrap();
        let a = trappa().env("TRAPPA_LANG", "en").arg("check").arg(&inst).arg(&plan).assert().code(2);
        assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("E004 encoding (line 5, column 23)"));
        // A UTF-8 byte-order mark is fine.
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert!(load::parse_and_validate_bytes(&bom).is_ok());
    }

    #[test]
    fn dates_must_be_strict_and_in_range() {
        let cases: [(&str, &str); 8] = [
            ("/round/start", "2027-8-16"),
            ("/participants/0/profession_start", "-0001-01-01"),
            ("/participants/0/employment_start", "2027-02-30"),
            ("/participants/1/unavailable/0/from", "2027-10-4"),
            ("/participants/3/unavailable/0", "+2027-09-15"),
            ("/calendar/closed/0/to", "1899-12-31"),
            ("/mentors/3/unavailable/0/to", "2201-01-01"),
            ("/round/end", "2028-06-16T00:00"),
        ];
        for (pointer, bad) in cases {
            let mut v = small();
            *v.pointer_mut(pointer).unwrap() = bad.into();
            let p = problems_of(v.to_string().as_bytes());
            let path: String = pointer[1..].split('/').fold(String::new(), |acc, s| match s.parse::<usize>() {
                Ok(i) => format!("{acc}[{i}]"),
                Err(_) if acc.is_empty() => s.to_string(),
                Err(_) => format!("{acc}.{s}"),
            });
            assert_eq!((p[0].code.code(), p[0].path.as_str()), ("E007", path.as_str()), "{bad}: {p:?}");
            assert!(p[0].message.contains(bad), "{}", p[0].message);
        }
        // Pinned meeting dates too.
        let mut v = small();
        v["mentorship"]["fixed_pairs"] = json!([{"mentor": "m01", "mentee": "p02", "meetings": ["2027-9-15"]}]);
        let p = problems_of(v.to_string().as_bytes());
        assert_eq!((p[0].code.code(), p[0].path.as_str()), ("E007", "mentorship.fixed_pairs[0].meetings[0]"));
        let err = solve_refuses(v.to_string().as_bytes(), "E007 date-format");
        assert!(err.contains("\"2027-9-15\""), "{err}");
    }

    #[test]
    fn too_many_values_and_too_many_bytes_are_size_limits() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let text = format!("[{}0]", "0,".repeat(limits::MAX_JSON_VALUES));
        let p = problems_of(text.as_bytes());
        assert_eq!((p[0].code.code(), p[0].line), ("E070", Some(1)), "{p:?}");
        assert!(p[0].message.contains("MAX_JSON_VALUES"), "{}", p[0].message);
        // The byte limit: the reader stops at the limit and says so.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("round.json");
        fs::write(&path, small_text()).unwrap();
        let p = &load::json::read_bounded(&path, 1_000).unwrap().unwrap_err()[0];
        assert_eq!(p.code, "E070");
        assert!(p.message.contains("1000 bytes"), "{}", p.message);
        assert_eq!(load::json::read_bounded(&path, 1 << 20).unwrap().unwrap().len(), small_text().len());
    }
}

mod plan_reader {
    use super::*;

    fn solved(dir: &Path) -> PathBuf {
        let plan = dir.join("plan");
        trappa().args(["solve", "instances/uppsala-small.json", "--quiet", "--out"]).arg(&plan).current_dir(root()).assert().success();
        plan
    }

    #[test]
    fn every_command_that_reads_a_plan_refuses_a_bad_one_with_a_code_and_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let plan = solved(dir.path());
        let good = fs::read_to_string(plan.join("plan.json")).unwrap();
        let inst = root().join("instances/uppsala-small.json");
        let duplicated = good.replacen("\"format\": \"trappa-plan\",", "\"format\": \"trappa-plan\",\n  \"format\": \"trappa-plan\",", 1);
        assert_ne!(duplicated, good, "the plan names its format");
        let mut cp1252 = b"{\"x\": \"\xc5\",".to_vec();
        cp1252.extend_from_slice(&good.as_bytes()[1..]);
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"{\"a\": [}".to_vec(), "E001 syntax"),
            (Vec::new(), "E001 syntax"),
            (format!("{}{}", "[".repeat(30_000), "]".repeat(30_000)).into_bytes(), "E006 nesting-depth"),
            (duplicated.into_bytes(), "E005 duplicate-key"),
            (cp1252, "E004 encoding"),
            (good.replacen("\"version\": 1", "\"version\": \"one\"", 1).into_bytes(), "E002 type"),
        ];
        for (bytes, code) in cases {
            let bad = dir.path().join("bad");
            fs::create_dir_all(&bad).unwrap();
            fs::write(bad.join("plan.json"), &bytes).unwrap();
            // check, explain, report, replan and diff all read plans through load::read_plan.
            let outputs = [
                trappa().env("TRAPPA_LANG", "en").arg("check").arg(&inst).arg(&bad).output().unwrap(),
                trappa().env("TRAPPA_LANG", "en").arg("explain").arg(&inst).arg(&bad).args(["--participant", "p01"]).output().unwrap(),
                trappa().env("TRAPPA_LANG", "en").arg("report").arg(&bad).arg("--out").arg(dir.path().join("r.html")).output().unwrap(),
                trappa()
                    .env("TRAPPA_LANG", "en")
                    .arg("replan")
                    .arg(&inst)
                    .arg("--previous")
                    .arg(&bad)
                    .args(["--today", "2027-10-01", "--out"])
                    .arg(dir.path().join("re"))
                    .output()
                    .unwrap(),
                trappa().env("TRAPPA_LANG", "en").arg("diff").arg(&plan).arg(&bad).output().unwrap(),
            ];
            for o in outputs {
                let stderr = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(2), "{code}: {stderr}");
                assert!(stderr.contains("not a trappa plan") && stderr.contains(code) && stderr.contains("(line "), "{code}: {stderr}");
            }
            assert!(!dir.path().join("r.html").exists() && !dir.path().join("re").exists(), "{code}: something was written");
            let err = load::read_plan(&bad.join("plan.json")).unwrap_err();
            match err {
                load::PlanReadError::NotAPlan { problems, .. } => assert_eq!(problems[0].code, &code[..4]),
                other => panic!("{other}"),
            }
        }
    }
}

mod roster_reader {
    use super::*;
    use rust_xlsxwriter::Workbook;
    use trappa::roster;

    fn exported(dir: &Path) -> PathBuf {
        let file = load::parse_and_validate(&small_text()).unwrap();
        let csv = dir.join("csv");
        roster::export(&file, &csv, None).unwrap();
        csv
    }

    #[test]
    fn a_table_without_its_second_column_or_empty_names_what_is_missing() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let dir = tempfile::tempdir().unwrap();
        let csv = exported(dir.path());
        fs::write(csv.join("uteslutna_par.csv"), "adept\np01\n").unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("uteslutna_par.csv: missing required column mentor;"), "{err}");
        fs::write(csv.join("uteslutna_par.csv"), "").unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("missing required column mentor;") && err.contains("missing required column adept (mentee)"), "{err}");
        let out = dir.path().join("out.json");
        let a = trappa().args(["import", "roster"]).arg(&csv).arg("--out").arg(&out).assert().code(2);
        assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("uteslutna_par.csv"));
        assert!(!out.exists());
    }

    #[test]
    fn no_table_shape_makes_the_reader_panic() {
        let dir = tempfile::tempdir().unwrap();
        let csv = exported(dir.path());
        let names: Vec<PathBuf> =
            fs::read_dir(&csv).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "csv")).collect();
        let shapes: [&[u8]; 8] =
            [b"", b"\n\n", b";;;\n;;\n", b"id\n", b"id;namn\nx;y;z;w;v\n", b"\"", b"id;namn\n\"a\"\"b;c\n", b"\xef\xbb\xbf"];
        for file in &names {
            let original = fs::read(file).unwrap();
            for shape in shapes {
                fs::write(file, shape).unwrap();
                if let Err(e) = roster::import(&csv, None) {
                    assert!(!e.problems.is_empty());
                }
            }
            fs::write(file, original).unwrap();
        }
        assert!(roster::import(&csv, None).is_ok());
    }

    #[test]
    fn twenty_thousand_csv_rows_are_read_with_their_row_numbers() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let dir = tempfile::tempdir().unwrap();
        let csv = exported(dir.path());
        let mut text = String::from("id;namn;enhet;yrkesstart;anställd\r\n");
        for i in 0..20_000 {
            text.push_str(&format!("x{i};Namn {i};upp-bou-1;2024-09-01;2024-09-01\r\n"));
        }
        text.push_str("bad;Namn;upp-bou-1;1 sept 2024;2024-09-01\r\n");
        fs::write(csv.join("deltagare.csv"), text).unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("deltagare.csv, row 20002, column D (yrkesstart)"), "{err}");
    }

    #[test]
    fn windows_1252_csv_and_a_bad_rules_file_are_refused_with_positions() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let dir = tempfile::tempdir().unwrap();
        let csv = exported(dir.path());
        let good = fs::read(csv.join("deltagare.csv")).unwrap();
        fs::write(csv.join("deltagare.csv"), b"id;namn\np99;\xc5sa\n").unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("deltagare.csv, row 2: the file is not UTF-8 text (byte 0xC5 in column 5") && err.contains("\"Å\""), "{err}");
        fs::write(csv.join("deltagare.csv"), good).unwrap();
        let rules = csv.join("regler.json");
        let text = fs::read_to_string(&rules).unwrap();
        fs::write(&rules, text.replacen('{', "{\n  \"phases\": [],", 1)).unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("regler.json, line ") && err.contains("E005 duplicate-key"), "{err}");
        fs::write(&rules, b"{\"x\": \"\xe5\"}").unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("regler.json, line 1, column 8: E004 encoding"), "{err}");
        fs::write(&rules, format!("{}{}", "[".repeat(30_000), "]".repeat(30_000))).unwrap();
        let err = roster::import(&csv, None).unwrap_err().to_string();
        assert!(err.contains("E006 nesting-depth"), "{err}");
    }

    /// A workbook with one sheet `deltagare` holding the given text cells (row, column).
    fn participants_workbook(dir: &Path, cells: impl IntoIterator<Item = (u32, u16, String)>) -> PathBuf {
        let path = dir.join("deltagare.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("deltagare").unwrap();
        for (r, c, text) in cells {
            ws.write_string(r, c, text).unwrap();
        }
        wb.save(&path).unwrap();
        path
    }

    #[test]
    fn a_stray_cell_at_xfd1048576_costs_one_row_and_is_named() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let dir = tempfile::tempdir().unwrap();
        let header = ["id", "namn", "enhet", "yrkesstart", "anställd"].iter().enumerate().map(|(c, h)| (0, c as u16, h.to_string()));
        let path = participants_workbook(dir.path(), header.chain([(1_048_575, 16_383, "oops".to_string())]));
        let err = roster::import(&path, None).unwrap_err().to_string();
        assert!(err.contains("sheet deltagare, row 1048576, column XFD: a value (\"oops\") in a column without a header"), "{err}");
        let out = dir.path().join("out.json");
        trappa().args(["import", "roster"]).arg(&path).arg("--out").arg(&out).assert().code(2);
        assert!(!out.exists());
    }

    #[test]
    fn an_absurdly_large_sheet_is_refused_naming_the_sheet_and_cell() {
        trappa::text::set_thread_lang(Some(trappa::text::Lang::En));
        let dir = tempfile::tempdir().unwrap();
        // Each row reaches column XFD: 16,384 cells a row as the reader keeps them.
        let path = participants_workbook(dir.path(), (0..200).map(|r| (r, 16_383, "x".to_string())));
        let err = roster::import(&path, None).unwrap_err().to_string();
        assert!(err.contains("sheet deltagare, cell XFD123: the sheet holds more than 2000000 cells"), "{err}");
        assert!(err.contains("MAX_SHEET_CELLS"), "{err}");
    }
}

mod benchmark_readers {
    use super::*;

    fn import(kind: &str, text: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bench.txt");
        fs::write(&file, text).unwrap();
        let out = dir.path().join("out.json");
        let a = trappa().env("TRAPPA_LANG", "en").args(["import", kind]).arg(&file).arg("--out").arg(&out).assert().code(2);
        assert!(!out.exists());
        String::from_utf8_lossy(&a.get_output().stderr).to_string()
    }

    #[test]
    fn assignment_files_get_a_code_and_a_line() {
        // A huge n is refused before anything is allocated for it.
        let err = import("assignment", b"20000\n1 2 3\n");
        assert!(err.contains("line 1: E070 size-limit") && err.contains("MAX_ASSIGNMENT_SIZE = 1000"), "{err}");
        let err = import("assignment", b"2\n1 2\n3 x\n");
        assert!(err.contains("line 3: E001 syntax: expected a number, found \"x\""), "{err}");
        let err = import("assignment", b"2\n1 2\n3 \xff\n");
        assert!(err.contains("E004 encoding (line 3, column 3)"), "{err}");
        let text = fs::read_to_string(root().join("tests/data/assign100.txt")).unwrap();
        for end in (0..text.len()).step_by(97) {
            if let Err(e) = load::adapters::parse_assignment(&text[..end]) {
                assert!(e.line >= 1 && e.code == "E001", "{e}");
            }
        }
    }

    #[test]
    fn mdgplib_files_get_a_code_and_a_line() {
        // A huge n with few lines is a missing pair (no n × n allocation); with its lines it is
        // over the limit.
        let err = import("mdgp", b"100000 2 ss 1 50000 1 50000\n0 1 1\n");
        assert!(err.contains("E001 syntax") && err.contains("pair (0,2) is missing"), "{err}");
        let n = limits::MAX_MDGP_ELEMENTS + 1;
        // The size is refused once the text has a line for every pair, before any is read.
        let text = format!("{n} 1 ss {n} {n}\n{}", "x\n".repeat(n * (n - 1) / 2));
        let e = load::mdgplib::parse_mdgplib(&text).unwrap_err();
        assert_eq!((e.code().code(), e.line()), ("E070", 1));
        assert!(e.to_string().contains("MAX_MDGP_ELEMENTS"), "{e}");
        let err = import("mdgp", b"3 1 ss 3 3\n0 1 1\n0 2 abc\n1 2 1\n");
        assert!(err.contains("E001 syntax: line 3"), "{err}");
        let err = import("mdgp", b"3 1 ss 3 3\n0 1 1\n1 0 1\n1 2 1\n");
        assert!(err.contains("E020 duplicate-id: line 3"), "{err}");
        let dir = root().join("tests/data/mdgp/instances");
        let name = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains("n012")).unwrap();
        let text = fs::read_to_string(name).unwrap();
        for end in 0..text.len() {
            if let Err(e) = load::mdgplib::parse_mdgplib(&text[..end]) {
                assert!(e.line() >= 1 && !e.code().code().is_empty(), "{e}");
            }
        }
    }
}

mod size_limits {
    use super::*;
    use trappa::solve::mentor_matching::{assignment_matrix, MatchingProblem};

    /// A round with `participants` practised participants (some wanting a mentor), `mentors`
    /// mentors of capacity 1, in one municipality with a unit per 20 people.
    fn round(participants: usize, mentees: usize, mentors: usize) -> Value {
        let units: Vec<Value> =
            (0..(participants + mentors) / 20 + 1).map(|u| json!({"id": format!("u{u}"), "municipality": "m", "headcount": 40})).collect();
        let people: Vec<Value> = (0..participants)
            .map(|i| {
                json!({"id": format!("p{i}"), "name": format!("P {i}"), "unit": format!("u{}", i / 20),
                       "profession_start": "2024-01-01", "employment_start": "2024-01-01", "wants_mentor": i < mentees})
            })
            .collect();
        let mentor_list: Vec<Value> = (0..mentors)
            .map(|i| {
                json!({"id": format!("m{i}"), "name": format!("M {i}"), "unit": format!("u{}", (participants + i) / 20),
                       "trained": true, "years_in_profession": 10})
            })
            .collect();
        json!({
            "format": "trappa-instance", "version": 1,
            "round": {"name": "R", "start": "2027-01-11", "end": "2027-12-17"},
            "region": {"name": "Reg", "municipalities": [{"id": "m", "name": "M", "population": 10000, "lat": 59.0, "lon": 15.0}], "units": units},
            "participants": people, "mentors": mentor_list,
            "mentorship": {"same_municipality": "allowed"}
        })
    }

    fn refused(v: &Value) -> Vec<Problem> {
        match load::load_instance_text(&v.to_string(), "round.json") {
            Err(e) => e.problems().to_vec(),
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn counts_and_numbers_over_their_limits_are_refused_by_validation() {
        let mut v = small();
        v["mentors"][0]["capacity"] = (limits::MAX_MENTOR_CAPACITY + 1).into();
        v["region"]["units"][0]["headcount"] = json!(4_000_000_000_000_000_000i64);
        v["courses"] = json!([{"id": "c", "name": "C", "days": 1, "max_size": 100_000, "trainers_per_session": 11}]);
        v["venues"] = json!([{"id": "v", "name": "V", "municipality": "uppsala", "capacity": 4_000_000_000u32}]);
        v["group_programmes"] = json!([{"id": "g", "name": "G", "kind": "reflection", "groups": 1_000_000_000_000u64,
                                         "min_size": 5, "max_size": 1_000_000_000_000_000u64,
                                         "together_before": [(0..1_001).map(|i| format!("x{i}")).collect::<Vec<_>>()]}]);
        let munis: Vec<Value> = (0..limits::MAX_MUNICIPALITIES)
            .map(|i| json!({"id": format!("extra{i}"), "name": "X", "population": 1, "lat": 59.0, "lon": 17.0}))
            .collect();
        v["region"]["municipalities"].as_array_mut().unwrap().extend(munis);
        let p = problems_of(v.to_string().as_bytes());
        let found: Vec<&str> = p.iter().filter(|p| p.code == "E070").map(|p| p.path.as_str()).collect();
        assert_eq!(
            found,
            vec![
                "region.municipalities",
                "region.units[0].headcount",
                "mentors[0].capacity",
                "courses[0].max_size",
                "courses[0].trainers_per_session",
                "venues[0].capacity",
                "group_programmes[0].max_size",
                "group_programmes[0].groups",
                "group_programmes[0].together_before[0]",
            ],
            "{p:#?}"
        );
        for p in p.iter().filter(|p| p.code == "E070") {
            assert!(p.message.contains("MAX_") && p.line.is_some(), "{p}");
        }
    }

    #[test]
    fn the_mentor_matching_is_refused_up_front_above_its_cells() {
        // 3,200 mentees × 3,200 mentors: 10.24 million cells.
        let v = round(3_200, 3_200, 3_200);
        let p = refused(&v);
        assert_eq!((p[0].code.code(), p[0].path.as_str()), ("E070", "participants"), "{p:?}");
        assert!(p[0].message.contains("MAX_MATCHING_CELLS") && p[0].line.is_some(), "{}", p[0].message);
        let err = solve_refuses(v.to_string().as_bytes(), "E070 size-limit");
        assert!(err.contains("matching cells"), "{err}");
        // Just under the limit the round loads.
        assert!(load::load_instance_text(&round(3_000, 3_000, 3_000).to_string(), "r").is_ok());
        // The matrix itself refuses too, for callers that bypass loading.
        let n = 3_200;
        let problem = MatchingProblem {
            mentees: (0..n).collect(),
            candidates: vec![vec![]; n],
            excluded_by: vec![Default::default(); n],
            not_eligible: vec![],
            capacity: vec![1; n],
            balance_weight: 0.0,
            load_offset: vec![0; n],
            pinned: vec![None; n],
            group: vec![],
            taken: Default::default(),
        };
        let err = assignment_matrix(&problem).unwrap_err().to_string();
        assert!(err.contains("MAX_MATCHING_CELLS"), "{err}");
    }

    #[test]
    fn a_group_programme_and_a_course_are_refused_above_their_members_and_demands() {
        let n = limits::MAX_COURSE_DEMANDS.max(limits::MAX_GROUP_MEMBERS) + 1;
        let mut v = round(n, 0, 0);
        v["group_programmes"] = json!([{"id": "refl", "name": "Reflektion", "kind": "reflection", "leader_required": false}]);
        v["courses"] = json!([{"id": "intro", "name": "Intro", "days": 1}]);
        v["trainers"] = json!([{"id": "t", "name": "T", "courses": ["intro"], "max_days": 10}]);
        v["venues"] = json!([{"id": "v", "name": "V", "municipality": "m", "capacity": 30}]);
        v["phase_demand"] = json!([{"phase": "practised", "course": "intro"}]);
        let p = refused(&v);
        let found: Vec<(&str, &str)> = p.iter().map(|p| (p.code.code(), p.path.as_str())).collect();
        assert_eq!(found, vec![("E070", "group_programmes[0]"), ("E070", "courses[0]")], "{p:#?}");
        assert!(p[0].message.contains("MAX_GROUP_MEMBERS") && p[1].message.contains("MAX_COURSE_DEMANDS"));
    }

    #[test]
    fn teams_of_trainers_are_counted_before_they_are_listed() {
        let mut v = small();
        let trainers: Vec<Value> =
            (0..40).map(|i| json!({"id": format!("t{i}"), "name": "T", "courses": ["c"], "max_days": 100})).collect();
        v["courses"] = json!([{"id": "c", "name": "C", "days": 1, "min_size": 1, "trainers_per_session": 10}]);
        v["trainers"] = json!(trainers);
        v["venues"] = json!([{"id": "v", "name": "V", "municipality": "uppsala", "capacity": 30}]);
        let loaded = load::load_instance_text(&v.to_string(), "r").unwrap();
        // C(40, 10) = 847,660,528 teams a day: counted, not listed.
        assert!(trappa::solve::timetable::milp::all_candidates(&loaded.model, 400).is_none());
    }

    #[test]
    fn date_ranges_over_centuries_cost_only_the_round() {
        let mut v = round(2_000, 0, 0);
        for p in v["participants"].as_array_mut().unwrap() {
            p["unavailable"] = json!([{"from": "1900-01-01", "to": "2200-12-31"}, "2150-06-01"]);
        }
        v["calendar"] = json!({"closed": [{"from": "1900-01-01", "to": "2200-12-31"}]});
        let loaded = load::load_instance_text(&v.to_string(), "r").unwrap();
        let days = loaded.model.calendar.len_days();
        assert!(loaded.model.participants.iter().all(|p| p.unavailable.len() == days));
        assert!(loaded.model.calendar.working_days().is_empty());
    }
}

mod command_line_numbers {
    use super::*;

    #[test]
    fn huge_numbers_on_the_command_line_are_usage_errors() {
        let a = trappa()
            .args(["solve", "instances/uppsala-small.json", "--time-limit", "1e300", "--out"])
            .arg("/nonexistent/p")
            .current_dir(root())
            .assert()
            .code(2);
        assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("MAX_TIME_LIMIT_SECONDS"));
        for (flag, value, limit) in [
            ("--participants", "100000000000", "MAX_PARTICIPANTS"),
            ("--mentors", "100000000000", "MAX_MENTORS"),
            ("--mentor-capacity", "100000000000", "MAX_MENTOR_CAPACITY"),
        ] {
            let a = trappa().args(["generate", flag, value]).assert().code(2);
            let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
            assert!(stderr.contains(limit), "{flag}: {stderr}");
            assert!(a.get_output().stdout.is_empty());
        }
    }
}
