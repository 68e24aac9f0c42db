//! The message catalogues (`locales/*/trappa.ftl`): both parse, hold the same ids with the same
//! arguments, and hold every id that `src/` looks up with `tr!`, with the arguments it passes.

mod common;

use common::{root, rust_files};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use trappa::roster::columns::{SETTINGS, SHEETS};
use trappa::text::{build_bundle, Lang};

/// Each message of a catalogue: its id and the variables (`$name`) it uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in lang.catalogue().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        // A message starts at the line's start; its other lines are indented or close a
        // placeable (`}`).
        if !line.starts_with([' ', '}']) {
            let Some((id, _)) = line.split_once('=') else { panic!("{}: unexpected line {line:?}", lang.code()) };
            let id = id.trim().to_string();
            assert!(!out.contains_key(&id), "{}: {id} is defined twice", lang.code());
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        }
        let id = current.as_ref().expect("a message before its continuation");
        let vars = out.get_mut(id).expect("the message");
        let mut rest = line;
        while let Some(i) = rest.find('$') {
            rest = &rest[i + 1..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect();
            vars.insert(name);
        }
    }
    out
}

/// The argument names of a `tr!` call's rest (after the id): `name = expr` at depth 0.
fn argument_names(rest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0i32;
    let mut in_str = false;
    let mut prev = ' ';
    let mut segment = String::new();
    for c in rest.chars() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                if let Some((k, _)) = segment.split_once('=') {
                    names.insert(k.trim().to_string());
                }
                segment.clear();
                prev = c;
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            segment.push(c);
        }
        prev = c;
    }
    if let Some((k, _)) = segment.split_once('=') {
        names.insert(k.trim().to_string());
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Every `tr!("id", …)` of `src/`: the id, where, and the argument names.
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).expect("readable source");
        // Comments may show the macro without calling it.
        let text: String = source.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")).collect();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("tr!(") {
            let before = &rest[..i];
            rest = &rest[i + 4..];
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let call = rest.trim_start();
            let Some(call) = call.strip_prefix('"') else { continue };
            let Some(end) = call.find('"') else { continue };
            let id = call[..end].to_string();
            let after = call[end + 1..].trim_start();
            let args = after.strip_prefix(',').map(argument_names).unwrap_or_default();
            out.push((id, file.strip_prefix(root()).unwrap_or(&file).display().to_string(), args));
        }
    }
    out
}

#[test]
fn both_catalogues_parse_without_errors() {
    for lang in Lang::ALL {
        let (_, errors) = build_bundle(lang);
        assert!(errors.is_empty(), "locales/{}/trappa.ftl does not parse: {errors:?}", lang.code());
    }
}

#[test]
fn both_catalogues_have_the_same_ids_with_the_same_arguments() {
    let sv = messages(Lang::Sv);
    let en = messages(Lang::En);
    let sv_ids: BTreeSet<&String> = sv.keys().collect();
    let en_ids: BTreeSet<&String> = en.keys().collect();
    assert_eq!(sv_ids.difference(&en_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "ids only in locales/sv");
    assert_eq!(en_ids.difference(&sv_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "ids only in locales/en");
    // A language may leave an argument out (English shows reason codes, Swedish does not);
    // `every_id_used_in_src_…` checks the arguments against the code.
    assert!(sv.len() > 50, "the catalogue was read: {} messages", sv.len());
}

#[test]
fn every_id_used_in_src_is_in_both_catalogues_with_its_arguments() {
    let uses = uses();
    assert!(uses.len() > 50, "the uses were found: {}", uses.len());
    let mut used = BTreeSet::new();
    let (sv, en) = (messages(Lang::Sv), messages(Lang::En));
    for (id, file, args) in &uses {
        for (lang, catalogue) in [(Lang::Sv, &sv), (Lang::En, &en)] {
            let Some(vars) = catalogue.get(id) else {
                panic!("{file}: tr!(\"{id}\") is not in locales/{}/trappa.ftl", lang.code());
            };
            assert!(vars.is_subset(args), "{file}: tr!(\"{id}\") lacks arguments that locales/{}/trappa.ftl uses", lang.code());
        }
        let both: BTreeSet<String> = sv[id].union(&en[id]).cloned().collect();
        assert_eq!(&both, args, "{file}: tr!(\"{id}\") passes arguments no language uses");
        used.insert(id.clone());
    }
    // The roster's tables name their descriptions by id (the template's läs_mig sheet).
    let table_ids =
        SHEETS.iter().flat_map(|s| std::iter::once(s.help).chain(s.cols.iter().map(|c| c.help))).chain(SETTINGS.iter().map(|s| s.help));
    for id in table_ids {
        for lang in Lang::ALL {
            let vars = messages(lang).remove(id).unwrap_or_else(|| panic!("roster table: {id} is not in locales/{}", lang.code()));
            assert!(vars.is_empty(), "{id}: a description takes no arguments");
        }
        used.insert(id.to_string());
    }
    let unused: Vec<String> = messages(Lang::Sv).into_keys().filter(|id| !used.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
