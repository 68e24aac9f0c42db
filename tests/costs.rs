//! The cost model (issue 11, item 9): fees, travel per km and cost-sharing agreements, the
//! plan's `cost` (total, parts, per municipality, per participant), the checker's C093, the
//! report's cost table, the summary and `explain`, validation (E080, E031, E022) and the
//! roster's new settings and column. Every solve is checked.

mod common;

use common::{assert_valid, codes, root, solve_checked, visible_text};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fs;
use std::time::Duration;
use trappa::format::plan::PlanFile;
use trappa::format::InstanceFile;
use trappa::generate::{generate, GenOptions, GenRegion};
use trappa::load::{load_instance_text, parse_and_validate, LoadedInstance};
use trappa::report::html::{self, int_sv, ReportOptions};
use trappa::roster;
use trappa::solve::{GroupStrategy, SolveParams, TimetableStrategy};
use trappa::text::{in_lang, Lang};

const FEE: f64 = 40_000.0;
const AGREEMENT: &str = "Göteborgsregionen";

/// Göteborgsregionen's 13 municipalities (with their bundled cost shares), widened to 36: 23
/// more with one unit and two participants each and no share, as in a Yrkesresan round over
/// three sub-regions. With `named`, the 13 name their agreement (`cost_split`) and their shares
/// are scaled to add up to 1; without, only `cost_share` says who shares (the old meaning, a
/// version-1 file).
fn wide_round(named: bool) -> Value {
    let file = generate(&GenOptions { courses: true, term: true, ..GenOptions::new(GenRegion::Gr, 60, 11) }).unwrap();
    let mut v = serde_json::to_value(&file).unwrap();
    let template = v["participants"][0].clone();
    for k in 0..23 {
        let (id, unit) = (format!("extra{k:02}"), format!("extra{k:02}-enhet"));
        v["region"]["municipalities"].as_array_mut().unwrap().push(json!({
            "id": id, "name": format!("Västkommun {k}"), "population": 10_000 + 1_000 * k,
            "lat": 57.9 + 0.02 * k as f64, "lon": 12.6 + 0.05 * k as f64
        }));
        v["region"]["units"].as_array_mut().unwrap().push(json!({"id": unit, "municipality": id, "headcount": 10}));
        for n in 0..2 {
            let mut p = template.clone();
            p["id"] = json!(format!("x{k:02}-{n}"));
            p["name"] = json!(format!("Extra Deltagare {k}-{n}"));
            p["unit"] = json!(unit);
            p["wants_mentor"] = json!(false);
            v["participants"].as_array_mut().unwrap().push(p);
        }
    }
    let munis = v["region"]["municipalities"].as_array_mut().unwrap();
    let sum: f64 = munis.iter().filter_map(|m| m["cost_share"].as_f64()).sum();
    for m in munis.iter_mut().filter(|m| m.get("cost_share").is_some()) {
        if named {
            m["cost_share"] = json!(m["cost_share"].as_f64().unwrap() / sum);
            m["cost_split"] = json!(AGREEMENT);
        } else {
            m.as_object_mut().unwrap().remove("cost_split");
        }
    }
    if !named {
        v["version"] = json!(1);
    }
    v["costs"] = json!({
        "programme_fee": FEE, "mentor_fee_per_meeting": 500, "mentor_fee_per_mentee": 2000,
        "leader_fee_per_meeting": 3000, "travel_per_km": 2.5
    });
    v["courses"][0]["fee_per_participant"] = json!(1500);
    v
}

fn load(v: &Value) -> LoadedInstance {
    load_instance_text(&serde_json::to_string_pretty(v).unwrap(), "test.json").unwrap_or_else(|e| panic!("{e}"))
}

fn solve(loaded: &LoadedInstance) -> PlanFile {
    let params = SolveParams {
        seed: 3,
        time_limit: Some(Duration::from_secs(3)),
        timetable_strategy: TimetableStrategy::Greedy,
        group_strategy: GroupStrategy::LocalSearch,
        ..Default::default()
    };
    solve_checked(loaded, &params)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.05 + 1e-9 * a.abs().max(b.abs())
}

/// The municipality of each participant (id → municipality id), from the file.
fn homes(file: &InstanceFile) -> BTreeMap<String, String> {
    let unit: BTreeMap<&str, &str> = file.region.units.iter().map(|u| (u.id.as_str(), u.municipality.as_str())).collect();
    file.participants.iter().map(|p| (p.id.clone(), unit[p.unit.as_str()].to_string())).collect()
}

/// The agreement's 13 members pay their shares of their pooled costs; the 23 others pay their
/// own participants' costs; the amounts add up.
fn assert_split(loaded: &LoadedInstance, plan: &PlanFile) {
    let file = &loaded.file;
    let cost = plan.cost.as_ref().expect("the plan records its cost");
    assert_eq!(file.region.municipalities.len(), 36);
    assert_eq!(cost.municipalities.len(), 36);
    assert_eq!(cost.participants.len(), file.participants.len());
    let mut own: BTreeMap<String, f64> = BTreeMap::new();
    for (p, m) in homes(file) {
        *own.entry(m).or_default() += cost.participants[&p];
    }
    let members: Vec<_> = file.region.municipalities.iter().filter(|m| m.cost_share.is_some()).collect();
    assert_eq!(members.len(), 13);
    let share_sum: f64 = members.iter().map(|m| m.cost_share.unwrap()).sum();
    let pool: f64 = members.iter().map(|m| own.get(&m.id).copied().unwrap_or(0.0)).sum();
    assert!(pool > 0.0);
    for m in &file.region.municipalities {
        let pays = cost.municipalities[&m.id];
        let want = match m.cost_share {
            Some(s) => pool * s / share_sum,
            None => own.get(&m.id).copied().unwrap_or(0.0),
        };
        assert!(close(pays, want), "{}: pays {pays}, expected {want}", m.id);
        if m.cost_share.is_none() {
            // Two participants, each at least the programme fee.
            assert!(pays >= 2.0 * FEE, "{}: {pays}", m.id);
        }
    }
    assert!(close(cost.parts["programme_fees"], FEE * file.participants.len() as f64));
    assert!(close(cost.total, cost.parts.values().sum()));
    assert!(close(cost.total, cost.municipalities.values().sum()), "{} vs {}", cost.total, cost.municipalities.values().sum::<f64>());
    assert!(close(cost.total, cost.participants.values().sum::<f64>() + cost.unattended.values().sum::<f64>()));
    for part in ["mentors", "travel", "sessions", "course_fees", "group_leaders"] {
        assert!(cost.parts.get(part).copied().unwrap_or(0.0) > 0.0, "part {part} missing: {:?}", cost.parts);
    }
}

#[test]
fn a_named_agreement_over_13_of_36_municipalities_pools_its_members_and_the_rest_pay_their_own() {
    let loaded = load(&wide_round(true));
    let plan = solve(&loaded);
    assert_split(&loaded, &plan);
    // The cost is a function of the plan file: computed again, it is the same.
    assert_eq!(plan.cost, Some(trappa::cost::plan_cost(&loaded.model, &plan)));
}

#[test]
fn cost_share_alone_on_13_of_36_is_an_agreement_of_those_13_and_the_report_says_how_the_rest_pay() {
    let loaded = load(&wide_round(false));
    let plan = solve(&loaded);
    assert_split(&loaded, &plan);
    let h = in_lang(Lang::Sv, || html::render(&plan, &loaded.file, &loaded.model, ReportOptions::default()));
    let text = visible_text(&h);
    assert!(text.contains("Bara 13 av 36 kommuner har en kostnadsandel"), "the old split's note");
    assert!(text.contains("Kostnadsavtalet Göteborgsregionen (13 kommuner:"), "the agreement");
    assert!(text.contains("i proportion till kostnadsandelarna"));
    assert!(text.contains("De 23 kommunerna utanför kostnadsavtalen betalar var och en för sina egna deltagare."));
}

#[test]
fn the_report_has_a_cost_table_per_municipality_and_participant_with_names_and_swedish_kronor() {
    let loaded = load(&wide_round(true));
    let plan = solve(&loaded);
    let cost = plan.cost.as_ref().unwrap();
    let h = in_lang(Lang::Sv, || html::render(&plan, &loaded.file, &loaded.model, ReportOptions::default()));
    let section = &h[h.find("<div id=\"cost-model\"").expect("the cost section")..];
    let section = &section[..section.find("</details>").expect("the participants' table")];
    assert!(section.contains("Kostnad enligt kostnadsposter och kostnadsavtal"));
    for head in ["Kommun", "Kostnadsavtal", "Egna deltagares kostnad (kr)", "Betalar (kr)", "Kostnad per deltagare"] {
        assert!(section.contains(head), "header {head}");
    }
    // One row per municipality with its name, agreement and what it pays in whole kronor with a
    // no-break space between thousands.
    for m in &loaded.file.region.municipalities {
        let pays = cost.municipalities[&m.id];
        let start = section.find(&format!("<tr data-cost-municipality=\"{}\"", m.id)).unwrap_or_else(|| panic!("row of {}", m.id));
        let row = &section[start..start + section[start..].find("</tr>").unwrap()];
        assert!(row.contains(&format!("<td>{}</td>", m.name)), "{row}");
        let agreement = if m.cost_split.is_some() { AGREEMENT } else { "–" };
        assert!(row.contains(&format!("<td>{agreement}</td>")), "{row}");
        let kr = int_sv(pays.round() as i64);
        assert!(row.contains(&format!("<td class=\"num\">{kr}</td>")), "{row} lacks {kr}");
        assert!(pays < 1000.0 || kr.contains('\u{a0}'), "{kr}");
    }
    // A row per participant, by name.
    let p = &loaded.file.participants[0];
    let start = section.find(&format!("<tr data-cost-participant=\"{}\"", p.id)).unwrap();
    let row = &section[start..start + section[start..].find("</tr>").unwrap()];
    assert!(row.contains(&p.name), "{row}");
    assert!(row.contains(&int_sv(cost.participants[&p.id].round() as i64)));
    // Names, never ids, for the coordinator.
    let visible = visible_text(section);
    assert!(!visible.contains("extra00") && visible.contains("Västkommun 0"));
    // The summary and the explanation of a participant mention the cost.
    let summary = in_lang(Lang::Sv, || trappa::report::summary(&plan));
    assert!(summary.contains(&format!("Kostnad: {} kr", int_sv(cost.total.round() as i64))), "{summary}");
    let explained = in_lang(Lang::Sv, || trappa::report::explain_participant(&loaded.model, &plan, &p.id).unwrap());
    assert!(explained.contains(&format!("{} kr", int_sv(cost.participants[&p.id].round() as i64))), "{explained}");
}

#[test]
fn the_checker_recomputes_the_cost_and_catches_a_tampered_amount() {
    let loaded = load(&wide_round(true));
    let plan = solve(&loaded);
    assert!(!codes(&loaded, &plan).contains(&"C093"));
    let tamper = |f: &dyn Fn(&mut trappa::format::plan::CostRecord)| {
        let mut p = plan.clone();
        f(p.cost.as_mut().unwrap());
        codes(&loaded, &p)
    };
    assert_eq!(tamper(&|c| c.total += 1000.0), vec!["C093"]);
    assert_eq!(tamper(&|c| *c.parts.get_mut("travel").unwrap() -= 5.0), vec!["C093"]);
    assert_eq!(tamper(&|c| *c.municipalities.get_mut("extra03").unwrap() += 1.0), vec!["C093"]);
    assert_eq!(
        tamper(&|c| {
            let first = c.participants.keys().next().unwrap().clone();
            *c.participants.get_mut(&first).unwrap() *= 0.5;
        }),
        vec!["C093"]
    );
    assert_eq!(
        tamper(&|c| {
            c.municipalities.remove("goteborg");
        }),
        vec!["C093"]
    );
    assert_eq!(
        tamper(&|c| {
            c.participants.insert("nobody".into(), 0.0);
        }),
        vec!["C093"]
    );
    // Moving money between two members of the agreement is caught: the split is recomputed.
    assert_eq!(
        tamper(&|c| {
            *c.municipalities.get_mut("goteborg").unwrap() += 10_000.0;
            *c.municipalities.get_mut("molndal").unwrap() -= 10_000.0;
        }),
        vec!["C093"]
    );
    // The checker names the amount in its message.
    let mut p = plan.clone();
    p.cost.as_mut().unwrap().total += 1000.0;
    let report = in_lang(Lang::Sv, || trappa::check::check(&loaded.file, &loaded.sha256, &p));
    assert!(report.violations[0].message.contains("summan: planen"), "{}", report.violations[0].message);
    // A plan made before the cost was recorded is not checked for it.
    let mut old = plan.clone();
    old.cost = None;
    assert_valid(&loaded, &old);
}

#[test]
fn a_changed_fee_in_the_instance_makes_the_recorded_cost_wrong() {
    let v = wide_round(true);
    let loaded = load(&v);
    let plan = solve(&loaded);
    let mut dearer = v.clone();
    dearer["costs"]["programme_fee"] = json!(45_000);
    let other = load(&dearer);
    let mut p = plan.clone();
    p.instance.sha256 = other.sha256.clone();
    assert_eq!(codes(&other, &p), vec!["C093"]);
}

// ---------------------------------------------------------------- validation

fn example() -> Value {
    serde_json::from_str(&fs::read_to_string(root().join("instances/invalid/E080-cost-split.json")).unwrap()).unwrap()
}

/// The (code, path) of every problem of `v`.
fn problems(v: &Value) -> Vec<(String, String)> {
    match parse_and_validate(&v.to_string()) {
        Ok(_) => vec![],
        Err(ps) => ps.iter().map(|p| (p.code.code().to_string(), p.path.clone())).collect(),
    }
}

fn e080(path: &str) -> Vec<(String, String)> {
    vec![("E080".to_string(), path.to_string())]
}

#[test]
fn shares_of_a_named_agreement_must_add_up_to_one() {
    let mut v = example();
    assert_eq!(problems(&v), e080("region.municipalities[0].cost_share"));
    v["region"]["municipalities"][1]["cost_share"] = json!(0.4);
    assert_eq!(problems(&v), vec![], "0.6 + 0.4 = 1");
    v["region"]["municipalities"][1]["cost_share"] = json!(0.404);
    assert_eq!(problems(&v), vec![], "within 0.005 of 1 (rounded shares)");
}

#[test]
fn a_member_without_a_share_beside_members_with_one_is_refused() {
    let mut v = example();
    v["region"]["municipalities"][1].as_object_mut().unwrap().remove("cost_share");
    assert_eq!(problems(&v), e080("region.municipalities[1].cost_share"));
    let message = in_lang(Lang::Sv, || parse_and_validate(&v.to_string()).unwrap_err()[0].message.clone());
    assert!(message.contains("\"Göteborgsregionen\"") && message.contains("Mölndal saknar en"), "{message}");
    // Without any share the agreement divides by population.
    v["region"]["municipalities"][0].as_object_mut().unwrap().remove("cost_share");
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn a_share_outside_every_agreement_is_refused_when_agreements_are_named() {
    let mut v = example();
    v["region"]["municipalities"][1]["cost_share"] = json!(0.4);
    v["region"]["municipalities"][2]["cost_share"] = json!(0.1);
    assert_eq!(problems(&v), e080("region.municipalities[2].cost_share"));
    let message = in_lang(Lang::Sv, || parse_and_validate(&v.to_string()).unwrap_err()[0].message.clone());
    assert!(message.contains("Borås") && message.contains("skulle inte användas"), "{message}");
}

#[test]
fn shares_alone_that_are_all_zero_are_refused_and_shares_on_a_subset_are_fine() {
    let mut v = example();
    for m in v["region"]["municipalities"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("cost_split");
    }
    v["version"] = json!(1);
    assert_eq!(problems(&v), vec![], "shares on 2 of 3, no names: an agreement of the 2");
    v["region"]["municipalities"][0]["cost_share"] = json!(0.0);
    v["region"]["municipalities"][1]["cost_share"] = json!(0.0);
    assert_eq!(problems(&v), e080("region.municipalities[0].cost_share"));
}

#[test]
fn fees_must_be_finite_and_not_negative_and_an_agreement_needs_a_name() {
    let mut v = example();
    v["region"]["municipalities"][1]["cost_share"] = json!(0.4);
    v["costs"]["travel_per_km"] = json!(-1.0);
    assert_eq!(problems(&v), vec![("E031".to_string(), "costs.travel_per_km".to_string())]);
    v["costs"]["travel_per_km"] = json!(2.5);
    v["region"]["municipalities"][0]["cost_split"] = json!(" ");
    let ps = problems(&v);
    assert!(ps.contains(&("E022".to_string(), "region.municipalities[0].cost_split".to_string())), "{ps:?}");
}

// ---------------------------------------------------------------- roster

#[test]
fn the_roster_carries_fees_as_settings_and_agreements_as_a_column_and_round_trips() {
    let v = wide_round(true);
    let file: InstanceFile = parse_and_validate(&v.to_string()).unwrap();
    let tables = in_lang(Lang::Sv, || roster::write::tables(&file).unwrap());
    let munis = tables.iter().find(|t| t.sheet.name() == "kommuner").unwrap();
    assert!(munis.header.iter().any(|h| h == "kostnadsavtal"), "{:?}", munis.header);
    let round = tables.iter().find(|t| t.sheet.name() == "omgång").unwrap();
    let setting = |name: &str| round.rows.iter().find(|r| matches!(&r[0], roster::write::Out::Text(t) if t == name)).cloned();
    let fee = setting("programavgift_per_deltagare").expect("the programme fee's setting");
    assert!(matches!(fee[1], roster::write::Out::Num(x) if x == FEE));
    assert!(matches!(&fee[2], roster::write::Out::Text(t) if t.contains("programavgift per deltagare")));
    for name in ["mentorsarvode_per_träff", "mentorsarvode_per_adept", "ledararvode_per_träff", "reskostnad_per_km"] {
        assert!(setting(name).is_some(), "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    roster::export(&file, &csv, None).unwrap();
    assert_eq!(roster::import(&csv, None).unwrap().instance, file, "via CSV");
    let xlsx_dir = dir.path().join("xlsx");
    fs::create_dir(&xlsx_dir).unwrap();
    let xlsx = xlsx_dir.join("omgang.xlsx");
    roster::export(&file, &xlsx, None).unwrap();
    let back = roster::import(&xlsx, None).unwrap().instance;
    assert_eq!(back, file, "via xlsx");
    assert_eq!(back.costs.programme_fee, FEE);
    assert_eq!(back.region.municipalities.iter().filter(|m| m.cost_split.as_deref() == Some(AGREEMENT)).count(), 13);
}
