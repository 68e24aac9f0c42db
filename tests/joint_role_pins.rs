//! One person, several roles, in what a coordinator pins (issue 11, item 6): a fixed group led
//! by one of its own members, or a fixed session whose trainer also attends it, is refused when
//! the instance is read (E064, E062, naming the person), not left to the checker after a solve.

mod common;

use common::read_json;
use serde_json::{json, Value};

/// `tests/data/joint-roles.json`: Håkan Sjöberg (p06) is participant, trainer of LVU and group
/// leader; he also needs LVU here, so that pinning him to attend it is otherwise valid.
fn joint() -> Value {
    let mut v = read_json("tests/data/joint-roles.json");
    v["demand"].as_array_mut().unwrap().push(json!({"participant": "p06", "course": "lvu"}));
    v
}

fn problems(v: &Value) -> Vec<(String, String, String)> {
    let text = serde_json::to_string_pretty(v).unwrap();
    trappa::text::in_lang(trappa::text::Lang::Sv, || match trappa::load::parse_and_validate(&text) {
        Ok(_) => vec![],
        Err(problems) => problems.iter().map(|p| (p.code.code().to_string(), p.path.clone(), p.message.clone())).collect(),
    })
}

#[test]
fn a_fixed_group_led_by_one_of_its_members_is_refused_at_load() {
    let mut v = joint();
    v["group_programmes"][0]["fixed_groups"] = json!([{"members": ["p01", "p02", "p06"], "leader": "l1"}]);
    assert_eq!(problems(&v), vec![], "another leader is fine");
    v["group_programmes"][0]["fixed_groups"] = json!([{"members": ["p01", "p02", "p06"], "leader": "p06"}]);
    let found = problems(&v);
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, path, message) = &found[0];
    assert_eq!((code.as_str(), path.as_str()), ("E064", "group_programmes[0].fixed_groups[0].leader"));
    assert!(message.contains("Håkan Sjöberg") && message.contains("members[2]"), "{message}");
}

#[test]
fn a_fixed_session_taught_by_one_of_its_attendees_is_refused_at_load() {
    let mut v = joint();
    v["fixed_sessions"] = json!([{"course": "lvu", "trainers": ["t1"], "attendees": ["p06", "p01"]}]);
    assert_eq!(problems(&v), vec![], "another trainer is fine");
    v["fixed_sessions"] = json!([{"course": "lvu", "trainers": ["p06"], "attendees": ["p06", "p01"]}]);
    let found = problems(&v);
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, path, message) = &found[0];
    assert_eq!((code.as_str(), path.as_str()), ("E062", "fixed_sessions[0].trainers[0]"));
    assert!(message.contains("Håkan Sjöberg") && message.contains("attendees[0]"), "{message}");
}
