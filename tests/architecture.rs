//! The floors of `docs/architecture.md` hold: every `use crate::…` arrow between top-level
//! modules is one the table allows, every top-level module has a row, and no function runs
//! over 150 lines.

mod common;

use common::{root, rust_files};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const MAX_FUNCTION_LINES: usize = 150;

/// The table "| module | floor | may import |" of docs/architecture.md.
fn allowed() -> BTreeMap<String, Option<BTreeSet<String>>> {
    let doc = fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md");
    let mut table = BTreeMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() != 3 || !cells[0].starts_with('`') {
            continue;
        }
        let module = cells[0].trim_matches('`').to_string();
        let imports = match cells[2] {
            "every module" => None,
            "—" => Some(BTreeSet::new()),
            list => Some(list.split(',').map(|s| s.trim().trim_matches('`').to_string()).collect()),
        };
        table.insert(module, imports);
    }
    assert!(table.len() >= 10, "the module table of docs/architecture.md was not found");
    table
}

/// The top-level module a file belongs to (`src/solve/groups/mod.rs` → `solve`).
fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// The text without comments and without `#[cfg(test)]` modules (tests may reach further).
fn code_only(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i64> = None;
    let mut depth = 0i64;
    let mut pending_cfg_test = false;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim();
        if skip_depth.is_none() && trimmed.starts_with("#[cfg(test)]") {
            pending_cfg_test = true;
            continue;
        }
        let opens = code.matches('{').count() as i64;
        let closes = code.matches('}').count() as i64;
        if pending_cfg_test && skip_depth.is_none() {
            pending_cfg_test = false;
            if trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ") {
                skip_depth = Some(depth);
            }
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d && (opens > 0 || closes > 0) {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every top-level module named through `crate::` in the code (items of the crate root, such as
/// `crate::VERSION`, are not modules).
fn arrows(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect() };
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim());
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                found.insert(name);
            }
        }
        rest = after;
    }
    found.retain(|name| name.starts_with(|c: char| c.is_ascii_lowercase()));
    found
}

#[test]
fn every_arrow_points_down() {
    let src = root().join("src");
    let table = allowed();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut bad = Vec::new();
    let mut modules = BTreeSet::new();
    for file in &files {
        let me = top_module(&src, file);
        if me == "lib" || me == "main" {
            continue;
        }
        modules.insert(me.clone());
        let text = fs::read_to_string(file).expect("readable source");
        let Some(may) = table.get(&me) else {
            bad.push(format!("{}: module `{me}` has no row in docs/architecture.md", file.display()));
            continue;
        };
        let Some(may) = may else { continue };
        for target in arrows(&code_only(&text)) {
            if target != me && !may.contains(&target) {
                bad.push(format!("{}: `{me}` uses `crate::{target}`, which docs/architecture.md does not allow", file.display()));
            }
        }
    }
    for m in table.keys() {
        if !modules.contains(m) {
            bad.push(format!("docs/architecture.md names `{m}`, which is not a module of src/"));
        }
    }
    assert!(bad.is_empty(), "forbidden arrows:\n{}", bad.join("\n"));
}

/// Function lengths: from a `fn` line to the line that closes its body.
fn long_functions(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "async fn ", "pub async fn ", "const fn ", "pub const fn "]
            .iter()
            .any(|p| t.starts_with(p));
        if !is_fn {
            i += 1;
            continue;
        }
        let (mut depth, mut started, mut j) = (0i64, false, i);
        while j < lines.len() {
            let code = lines[j].split("//").next().unwrap_or("");
            depth += code.matches('{').count() as i64 - code.matches('}').count() as i64;
            started |= code.contains('{');
            if (started && depth <= 0) || (!started && code.trim_end().ends_with(';')) {
                break;
            }
            j += 1;
        }
        if started && j + 1 - i > MAX_FUNCTION_LINES {
            long.push((i + 1, j + 1 - i));
        }
        i = if started { j + 1 } else { i + 1 };
    }
    long
}

#[test]
fn no_function_runs_over_150_lines() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut bad = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source");
        for (line, n) in long_functions(&text) {
            bad.push(format!("{}:{line}: {n} lines", file.display()));
        }
    }
    assert!(bad.is_empty(), "functions over {MAX_FUNCTION_LINES} lines:\n{}", bad.join("\n"));
}

/// The checker stays independent: it reads the file types and the message catalogue (the ground
/// floor's `text`, which holds no rule code) and nothing of the model, the rules, the loader or
/// the solvers, whatever the table says.
#[test]
fn the_checker_reads_only_the_file_types_and_the_catalogue() {
    let may: BTreeSet<String> = ["format", "text"].iter().map(|s| s.to_string()).collect();
    assert_eq!(allowed().get("check"), Some(&Some(may.clone())), "docs/architecture.md: `check` may import `format` and `text` only");
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src.join("check"), &mut files);
    assert!(files.len() >= 5, "the checker's files were found: {}", files.len());
    let mut used = BTreeSet::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source");
        for target in arrows(&code_only(&text)) {
            assert!(target == "check" || may.contains(&target), "{}: the checker uses `crate::{target}`", file.display());
            used.insert(target);
        }
    }
    assert!(used.contains("text"), "the checker's messages come from the catalogue");
}

#[test]
fn the_scanner_sees_arrows_and_skips_tests() {
    let text = "use crate::format::X;\nuse crate::{model, rules::Y};\n// crate::cli in a comment\n\
                #[cfg(test)]\nmod tests {\n    use crate::solve;\n}\nfn f() { crate::load::g(); }\n";
    let found = arrows(&code_only(text));
    let want: BTreeSet<String> = ["format", "model", "rules", "load"].iter().map(|s| s.to_string()).collect();
    assert_eq!(found, want);
    let long: String =
        std::iter::once("fn big() {\n".to_string()).chain((0..160).map(|_| "    x();\n".to_string())).chain(["}\n".to_string()]).collect();
    assert_eq!(long_functions(&long), vec![(1, 162)]);
    assert!(long_functions("fn small() {\n}\n").is_empty());
}

/// The `src/` files of the table in docs/architecture.md's "Adding a rule: a worked example".
fn worked_example_files() -> BTreeSet<String> {
    let doc = fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md");
    let start = doc.find("## Adding a rule: a worked example").expect("the worked example section");
    let section = &doc[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |end| end + 3)];
    let mut files = BTreeSet::new();
    for line in section.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() == 3 && cells[1].starts_with("`src/") {
            files.insert(cells[1].trim_matches('`').to_string());
        }
    }
    files
}

#[test]
fn the_worked_example_lists_every_file_of_the_rule() {
    let listed = worked_example_files();
    assert!(!listed.is_empty(), "the worked example's table of files was not found");
    assert!(listed.len() <= 6, "the worked example touches {} source files, more than 6: {listed:?}", listed.len());
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let naming: BTreeSet<String> = files
        .iter()
        .filter(|f| fs::read_to_string(f).expect("readable source").contains("one_mentee_per_municipality"))
        .map(|f| f.strip_prefix(root()).expect("under the root").to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(naming, listed, "the src/ files that name one_mentee_per_municipality differ from the worked example's table");
}
