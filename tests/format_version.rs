//! Format version 2 and the upgrade of version-1 files (issue 11): a version-1 file is read as
//! version 2, said once on standard error, and plans exactly as its upgrade; `trappa upgrade`
//! writes the upgraded file (valid, idempotent, never over an existing file without --force);
//! a version-2 file with cost shares but no agreement is E095; other versions are E003; the
//! writers write version 2. Every solve is checked.

mod common;

use common::{root, trappa};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;
use trappa::load::{load_instance_text, parse_and_validate, parse_upgrade_validate};
use trappa::text::{in_lang, Lang};

const V1: &str = "instances/v1/gr-2027.json";
const NOTE: &str = "lästes som version 2";

/// Solves `instance` into `out` and checks the plan with `trappa check`; the plan and what the
/// solve said on standard error.
fn solve_and_check(instance: &Path, out: &Path, quiet: bool) -> (Value, String) {
    let mut cmd = trappa();
    cmd.env("SOURCE_DATE_EPOCH", "1811836800").env("TRAPPA_LANG", "sv");
    cmd.arg("solve").arg(instance).arg("--out").arg(out);
    if quiet {
        cmd.arg("--quiet");
    }
    let output = cmd.assert().success().get_output().clone();
    trappa().arg("check").arg(instance).arg(out).assert().success();
    let plan = serde_json::from_str(&fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    (plan, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// The plan without what names the run and the instance file (path, hash, time).
fn content(mut plan: Value) -> Value {
    let obj = plan.as_object_mut().unwrap();
    obj.remove("run");
    obj.remove("instance");
    plan
}

fn upgrade(args: &[&Path]) -> assert_cmd::assert::Assert {
    let mut cmd = trappa();
    cmd.env("TRAPPA_LANG", "sv").arg("upgrade");
    for a in args {
        cmd.arg(a);
    }
    cmd.assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn a_version_1_file_is_read_with_one_note_and_plans_exactly_as_its_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = root().join(V1);
    let v2 = dir.path().join("gr-2027.v2.json");
    upgrade(&[&v1, Path::new("--out"), &v2]).success();

    let (plan1, said1) = solve_and_check(&v1, &dir.path().join("plan1"), false);
    assert_eq!(said1.matches(NOTE).count(), 1, "said once: {said1}");
    assert!(said1.contains("formatversion 1") && said1.contains(&format!("trappa upgrade {}", v1.display())), "{said1}");
    let (plan2, said2) = solve_and_check(&v2, &dir.path().join("plan2"), false);
    assert!(!said2.contains(NOTE), "a version-2 file is not noted: {said2}");
    let (_, quiet) = solve_and_check(&v1, &dir.path().join("plan3"), true);
    assert!(!quiet.contains(NOTE), "--quiet: {quiet}");

    assert_eq!(plan1["objective"], plan2["objective"]);
    assert_eq!(plan1["mentorship"]["pairs"], plan2["mentorship"]["pairs"]);
    assert_eq!(content(plan1.clone()), content(plan2), "the same plan, pairs, meetings, sessions, groups and cost");
    assert!(plan1["objective"]["matched"].as_u64().unwrap() > 100);
    // The shipped version-2 example is this upgrade (its own layout kept).
    let read = |p: &Path| parse_upgrade_validate(&fs::read_to_string(p).unwrap()).unwrap();
    assert_eq!(read(&v2), read(&root().join("instances/gr-2027.json")));
    // The plan's instance copy is the file as written.
    assert_eq!(fs::read(dir.path().join("plan1/instance.json")).unwrap(), fs::read(&v1).unwrap());
}

#[test]
fn upgrade_writes_a_valid_version_2_file_once_and_never_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("omgång.json");
    fs::copy(root().join(V1), &input).unwrap();
    let out = dir.path().join("omgång.v2.json");

    let first = upgrade(&[&input]).success();
    let said = stdout(&first);
    assert!(said.contains("omgång.v2.json") && said.contains("13 kommuner") && said.contains("\"Göteborgsregionen\""), "{said}");
    let text = fs::read_to_string(&out).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((v["format"].as_str(), v["version"].as_u64()), (Some("trappa-instance"), Some(2)));
    // Fields in the format's order: format, version, round first.
    let keys: Vec<&String> = v.as_object().unwrap().keys().take(3).collect();
    assert_eq!(keys, ["format", "version", "round"]);
    let munis = v["region"]["municipalities"].as_array().unwrap();
    assert!(munis.iter().filter(|m| m.get("cost_share").is_some()).all(|m| m["cost_split"] == "Göteborgsregionen"));
    let loaded = load_instance_text(&text, "omgång.v2.json").unwrap();
    assert_eq!(loaded.file.version, 2);
    assert_eq!(
        loaded.file,
        parse_and_validate(&fs::read_to_string(&input).unwrap()).unwrap(),
        "the same instance as the version-1 file read"
    );

    // Idempotent: a version-2 file is current and nothing is written.
    let again = upgrade(&[&out]).success();
    assert!(stdout(&again).contains("redan i formatversion 2"), "{}", stdout(&again));
    assert!(!dir.path().join("omgång.v2.v2.json").exists());
    assert_eq!(fs::read_to_string(&out).unwrap(), text);

    // Never over an existing file without --force.
    fs::write(&out, "mine").unwrap();
    let refused = upgrade(&[&input]).code(2);
    assert!(stderr(&refused).contains("finns redan") && stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
    upgrade(&[&input, Path::new("--force")]).success();
    assert_eq!(fs::read_to_string(&out).unwrap(), text);

    // A missing file and an invalid one: exit 2 with what is wrong, nothing written.
    let missing = upgrade(&[&dir.path().join("saknas.json")]).code(2);
    assert!(stderr(&missing).contains("saknas.json"), "{}", stderr(&missing));
    let mut bad: Value = serde_json::from_str(&fs::read_to_string(root().join(V1)).unwrap()).unwrap();
    bad["participants"][0]["unit"] = json!("ingenstans");
    let bad_path = dir.path().join("trasig.json");
    fs::write(&bad_path, serde_json::to_string_pretty(&bad).unwrap()).unwrap();
    let invalid = upgrade(&[&bad_path]).code(2);
    assert!(stderr(&invalid).contains("E021") && stderr(&invalid).contains("participants[0].unit"), "{}", stderr(&invalid));
    assert!(!dir.path().join("trasig.v2.json").exists());
}

/// The E080 example without its agreement names: shares on two municipalities, none named.
fn shares_without_agreement(version: u64) -> Value {
    let mut v: Value = serde_json::from_str(&fs::read_to_string(root().join("instances/invalid/E080-cost-split.json")).unwrap()).unwrap();
    for m in v["region"]["municipalities"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("cost_split");
    }
    v["region"]["municipalities"][1]["cost_share"] = json!(0.4);
    v["version"] = json!(version);
    v
}

#[test]
fn a_cost_share_without_any_agreement_is_e095_in_version_2_and_the_old_meaning_in_version_1() {
    let text = serde_json::to_string_pretty(&shares_without_agreement(2)).unwrap();
    let problems = parse_and_validate(&text).unwrap_err();
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.code.code(), p.path.as_str())).collect();
    assert_eq!(found, [("E095", "region.municipalities[0].cost_share"), ("E095", "region.municipalities[1].cost_share")]);
    assert!(problems.iter().all(|p| p.line.is_some()), "positions in the file: {problems:?}");
    let (message, action) = in_lang(Lang::Sv, || {
        let p = parse_and_validate(&text).unwrap_err().remove(0);
        (p.message, p.action)
    });
    assert!(message.contains("Göteborg") && message.contains("0.6") && message.contains("cost_split"), "{message}");
    assert!(action.contains("\"cost_split\": \"Exempel\""), "{action}");

    // The same shares in a version-1 file: one agreement named after the region, as before.
    let (file, up) = parse_upgrade_validate(&serde_json::to_string_pretty(&shares_without_agreement(1)).unwrap()).unwrap();
    let up = up.expect("upgraded");
    assert_eq!((up.from, up.agreement_members), (1, vec![0, 1]));
    let splits: Vec<Option<&str>> = file.region.municipalities.iter().map(|m| m.cost_split.as_deref()).collect();
    assert_eq!(splits, [Some("Exempel"), Some("Exempel"), None]);
    // The CLI refuses the version-2 file with exit 2 and the code.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("andelar.json");
    fs::write(&path, &text).unwrap();
    let a = trappa().env("TRAPPA_LANG", "sv").arg("solve").arg(&path).arg("--out").arg(dir.path().join("plan")).assert().code(2);
    assert!(stderr(&a).contains("E095 share-without-agreement"), "{}", stderr(&a));
    assert!(!dir.path().join("plan").exists());
}

#[test]
fn versions_other_than_1_and_2_are_refused_naming_the_versions_read() {
    let base: Value = serde_json::from_str(&fs::read_to_string(root().join("instances/uppsala-small.json")).unwrap()).unwrap();
    for version in [json!(3), json!(0), Value::Null] {
        let mut v = base.clone();
        match &version {
            Value::Null => {
                v.as_object_mut().unwrap().remove("version");
            }
            n => v["version"] = n.clone(),
        }
        let problems = in_lang(Lang::Sv, || parse_and_validate(&v.to_string()).unwrap_err());
        assert_eq!(problems.len(), 1, "{version}: {problems:?}");
        assert_eq!((problems[0].code.code(), problems[0].path.as_str()), ("E003", "version"));
        assert!(problems[0].message.contains("formatversion 1 och 2"), "{}", problems[0].message);
    }
    let a = trappa().arg("upgrade").arg(root().join("instances/invalid/E003-format-version.json")).assert().code(2);
    assert!(stderr(&a).contains("E003"), "{}", stderr(&a));
    assert!(!root().join("instances/invalid/E003-format-version.v2.json").exists());
}

#[test]
fn the_writers_write_version_2() {
    let dir = tempfile::tempdir().unwrap();
    // generate: the bundled cost shares as an agreement named after the region.
    let gen = dir.path().join("gen.json");
    trappa().args(["generate", "--region", "gr", "--participants", "40", "--seed", "3", "--out"]).arg(&gen).assert().success();
    let text = fs::read_to_string(&gen).unwrap();
    let (file, up) = parse_upgrade_validate(&text).unwrap();
    assert_eq!((file.version, up), (2, None));
    assert!(file.region.municipalities.iter().all(|m| m.cost_split.as_deref() == Some("Göteborgsregionen")));
    // anonymise: a version-1 input comes out in version 2.
    let anon = dir.path().join("anon.json");
    trappa().arg("anonymise").arg(root().join(V1)).args(["--key", "k", "--out"]).arg(&anon).assert().success();
    let (file, up) = parse_upgrade_validate(&fs::read_to_string(&anon).unwrap()).unwrap();
    assert_eq!((file.version, up), (2, None));
    // import roster: the template's workbook.
    let imported = trappa::roster::import(&root().join("instances/mall/mall.xlsx"), None).unwrap();
    assert_eq!(imported.instance.version, 2);
    assert!(imported.json.contains("\"version\": 2"));
    // The schema says which versions are read.
    let schema = read_schema();
    assert_eq!(
        (schema["properties"]["version"]["minimum"].as_f64(), schema["properties"]["version"]["maximum"].as_f64()),
        (Some(1.0), Some(2.0))
    );
}

fn read_schema() -> Value {
    serde_json::from_str(&fs::read_to_string(root().join("docs/instance.schema.json")).unwrap()).unwrap()
}
