//! Uploads: the multipart form of a workbook or the roster's CSV files (and an optional rules
//! file), read within the size limit, imported with the library's roster reader in a scratch
//! directory, and either stored as a new version or shown as a table of every bad cell
//! (nothing stored).

use super::html;
use super::store::{Store, Version};
use crate::roster;
use crate::text::tr;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The rules file of the shipped template, used when a new round's upload brings none.
pub const TEMPLATE_RULES: &[u8] = include_bytes!("../../instances/mall/regler.json");

/// The shipped template workbook.
pub const TEMPLATE_XLSX: &[u8] = include_bytes!("../../instances/mall/mall.xlsx");

/// An uploaded file.
#[derive(Debug, Clone)]
pub struct UploadedFile {
    /// The name the browser gave.
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A multipart form read into memory: text fields and files.
#[derive(Debug, Default)]
pub struct Upload {
    /// Text fields.
    pub fields: HashMap<String, String>,
    /// Files by field name, in the order sent (empty file inputs are left out).
    pub files: HashMap<String, Vec<UploadedFile>>,
}

impl Upload {
    /// A text field, or "".
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// The roster's files (the `workbook` field: one workbook, or the CSV files with perhaps
    /// `regler.json` among them) and the rules file (the `rules` field, else a `.json` among
    /// the roster's files), or the message to show when there is nothing to import.
    pub fn roster(&self) -> Result<(Vec<UploadedFile>, Option<Vec<u8>>), String> {
        let mut files = vec![];
        let mut rules = self.files.get("rules").and_then(|f| f.first()).map(|f| f.bytes.clone());
        for f in self.files.get("workbook").into_iter().flatten() {
            if extension(&f.name) == "json" {
                if rules.is_some() {
                    return Err(tr!("serve-two-rules-files"));
                }
                rules = Some(f.bytes.clone());
            } else {
                files.push(f.clone());
            }
        }
        if files.is_empty() {
            return Err(tr!("serve-no-workbook"));
        }
        Ok((files, rules))
    }
}

/// A file name's extension, lower case ("" without one).
fn extension(name: &str) -> String {
    Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// The name an uploaded CSV file is kept under: the last part of the browser's name, when it
/// is a plain file name ending in `.csv`.
fn csv_file_name(name: &str) -> Option<&str> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    (extension(base) == "csv" && !base.starts_with('.') && !base.contains('\0')).then_some(base)
}

/// Reads a multipart form; a body over the limit becomes the Swedish "too large" page (413).
pub async fn read(mut mp: Multipart) -> Result<Upload, Response> {
    let mut up = Upload::default();
    let fail = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            let mb = super::MAX_UPLOAD_BYTES / (1024 * 1024);
            html::error_response(StatusCode::PAYLOAD_TOO_LARGE, &tr!("serve-upload-too-large", mb = mb))
        } else {
            html::error_response(StatusCode::BAD_REQUEST, &tr!("serve-upload-broken", error = e.body_text()))
        }
    };
    while let Some(field) = mp.next_field().await.map_err(fail)? {
        let name = field.name().unwrap_or("").to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(fail)?;
                if !bytes.is_empty() {
                    up.files.entry(name).or_default().push(UploadedFile { name: file_name, bytes: bytes.to_vec() });
                }
            }
            None => {
                let text = field.text().await.map_err(fail)?;
                up.fields.insert(name, text);
            }
        }
    }
    Ok(up)
}

/// One problem of a workbook, placed where the coordinator finds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellProblem {
    /// The sheet (or file).
    pub sheet: String,
    /// The row.
    pub row: String,
    /// The column letter and header.
    pub column: String,
    /// What the cell holds.
    pub value: String,
    /// What was expected (or the whole problem when it is not about one cell).
    pub expected: String,
}

/// Matches `text` against a catalogue template whose arguments are marked `\u{1}`, `\u{2}`, …:
/// the arguments' texts in the order of their marks, or None.
fn match_template(template: &str, text: &str) -> Option<Vec<String>> {
    let mut pieces: Vec<(Option<usize>, &str)> = vec![];
    let mut rest = template;
    while let Some(i) = rest.find(|c: char| ('\u{1}'..='\u{8}').contains(&c)) {
        pieces.push((None, &rest[..i]));
        let mark = rest[i..].chars().next()? as usize;
        pieces.push((Some(mark), ""));
        rest = &rest[i + 1..];
    }
    pieces.push((None, rest));
    let mut out = vec![String::new(); 9];
    let mut pos = 0;
    for (k, (mark, lit)) in pieces.iter().enumerate() {
        match mark {
            None => {
                if !text[pos..].starts_with(lit) {
                    return None;
                }
                pos += lit.len();
            }
            Some(m) => {
                let next = pieces.get(k + 1).map(|p| p.1).unwrap_or("");
                let end = if next.is_empty() && k + 2 >= pieces.len() { text.len() } else { pos + text[pos..].find(next)? };
                out[*m] = text[pos..end].to_string();
                pos = end;
            }
        }
    }
    (pos == text.len()).then_some(out)
}

/// A roster problem split into sheet, row, column, value and what was expected, by the
/// catalogue's own templates (so it works in either language); a problem that is not about one
/// cell keeps its whole text under "expected".
pub fn cell_problem(problem: &str) -> CellProblem {
    let a = |n: u32| char::from_u32(n).map(String::from).unwrap_or_default();
    let loc_cell = tr!("roster-loc-cell", source = a(1), row = a(2), column = a(3), header = a(4));
    let loc_sheet = tr!("roster-loc-sheet", file = a(5), sheet = a(6));
    let place = |loc: &str| -> Option<(String, String, String)> {
        let l = match_template(&loc_cell, loc)?;
        let sheet = match_template(&loc_sheet, &l[1]).map(|s| s[6].clone()).unwrap_or_else(|| l[1].clone());
        Some((sheet, l[2].clone(), format!("{} ({})", l[3], l[4])))
    };
    let bad_cell = tr!("roster-bad-cell", loc = a(1), expected = a(2), found = a(3));
    if let Some(m) = match_template(&bad_cell, problem) {
        if let Some((sheet, row, column)) = place(&m[1]) {
            return CellProblem { sheet, row, column, value: m[3].clone(), expected: m[2].clone() };
        }
    }
    // Any other problem that starts with a cell's place: the rest is what was expected.
    if let Some((loc, rest)) = problem.split_once(": ") {
        if let Some((sheet, row, column)) = place(loc) {
            return CellProblem { sheet, row, column, value: String::new(), expected: rest.to_string() };
        }
    }
    CellProblem { expected: problem.to_string(), ..CellProblem::default() }
}

/// The table of a roster's problems (`csv`: the upload was CSV files, not a workbook).
pub fn problems_table(problems: &[CellProblem], csv: bool) -> Markup {
    let intro = if csv { tr!("serve-csv-problems", n = problems.len()) } else { tr!("serve-workbook-problems", n = problems.len()) };
    html! {
        section class="error" {
            p { (intro) }
            table id="problems" {
                thead { tr {
                    th { (tr!("serve-col-sheet")) } th { (tr!("serve-col-row")) } th { (tr!("serve-col-column")) }
                    th { (tr!("serve-col-value")) } th { (tr!("serve-col-expected")) }
                } }
                tbody {
                    @for p in problems {
                        tr { td { (p.sheet) } td { (p.row) } td { (p.column) } td { (p.value) } td { (p.expected) } }
                    }
                }
            }
        }
    }
}

/// A roster (workbook or CSV files) imported into an instance, or its problems.
pub enum Imported {
    /// The roster imported.
    Ok {
        /// The instance as JSON.
        json: String,
        /// The round's name.
        round_name: String,
        /// The roster's files as uploaded, to keep: one workbook or the CSV files.
        files: Vec<UploadedFile>,
        /// The rules file used, to keep.
        rules: Vec<u8>,
    },
    /// Every problem (nothing is stored), and whether the upload was CSV files.
    Bad(Vec<CellProblem>, bool),
}

/// One problem that is not about a cell.
fn bad(expected: String, csv: bool) -> Imported {
    Imported::Bad(vec![CellProblem { expected, ..Default::default() }], csv)
}

/// Where the uploaded roster is staged: one workbook (`omgång.xlsx`) or a folder of CSV files.
enum Staged {
    Workbook(String),
    Csv,
}

/// How the uploaded files are read: exactly one workbook, or only CSV files (each name once).
fn staging(files: &[UploadedFile]) -> Result<Staged, String> {
    if let [one] = files {
        let ext = extension(&one.name);
        if ["xlsx", "xls", "ods"].contains(&ext.as_str()) {
            return Ok(Staged::Workbook(ext));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for f in files {
        let Some(name) = csv_file_name(&f.name) else {
            return Err(tr!("serve-not-a-workbook", name = f.name.as_str()));
        };
        if !seen.insert(name.to_lowercase()) {
            return Err(tr!("serve-csv-twice", name = name));
        }
    }
    Ok(Staged::Csv)
}

/// Imports a roster with the library's roster reader, in a scratch directory under `data`
/// that is removed afterwards: one workbook, or CSV files staged as a folder (as
/// `trappa import roster DIR` reads it); `rules` is the rules file to put beside it.
pub fn import(data: &Path, files: Vec<UploadedFile>, rules: Vec<u8>) -> Imported {
    let staged = match staging(&files) {
        Ok(s) => s,
        Err(e) => return bad(e, files.len() > 1 || files.iter().any(|f| csv_file_name(&f.name).is_some())),
    };
    let csv = matches!(staged, Staged::Csv);
    let scratch = match tempfile::Builder::new().prefix("upload-").tempdir_in(data) {
        Ok(d) => d,
        Err(e) => return bad(e.to_string(), csv),
    };
    let (input, shown): (PathBuf, String) = match &staged {
        Staged::Workbook(ext) => (scratch.path().join(format!("omgång.{ext}")), files[0].name.clone()),
        Staged::Csv => (scratch.path().join("omgång"), "omgång".into()),
    };
    let rules_path = scratch.path().join("regler.json");
    let written = match &staged {
        Staged::Workbook(_) => std::fs::write(&input, &files[0].bytes),
        Staged::Csv => std::fs::create_dir(&input)
            .and_then(|_| files.iter().try_for_each(|f| std::fs::write(input.join(csv_file_name(&f.name).unwrap_or("-.csv")), &f.bytes))),
    };
    if let Err(e) = written.and_then(|_| std::fs::write(&rules_path, &rules)) {
        return bad(e.to_string(), csv);
    }
    match roster::import(&input, Some(&rules_path)) {
        Ok(i) => Imported::Ok { round_name: i.instance.round.name.clone(), json: i.json, files, rules },
        Err(e) => {
            let (input_text, rules_text) = (input.display().to_string(), rules_path.display().to_string());
            let inside = format!("{input_text}{}", std::path::MAIN_SEPARATOR);
            let place = |p: &String| p.replace(&rules_text, "regler.json").replace(&inside, "").replace(&input_text, &shown);
            Imported::Bad(e.problems.iter().map(|p| cell_problem(&place(p))).collect(), csv)
        }
    }
}

/// Stores an imported roster as the files of a new version: the workbook (as `omgång.xlsx`)
/// or the CSV files (by their names), the rules file and the instance. On failure the caller
/// removes the version.
pub fn store_files(store: &Store, v: &Version, json: &str, files: &[UploadedFile], rules: &[u8]) -> Result<(), String> {
    let dir = store.version_dir(v);
    let upload = dir.join("upload");
    std::fs::create_dir_all(&upload).map_err(|e| format!("{}: {e}", upload.display()))?;
    let write = |p: PathBuf, b: &[u8]| crate::files::write_file_atomic(&p, b).map_err(|e| e.to_string());
    for f in files {
        let name = match csv_file_name(&f.name) {
            Some(csv) => csv.to_string(),
            None => format!("omgång.{}", Some(extension(&f.name)).filter(|e| !e.is_empty()).unwrap_or_else(|| "xlsx".into())),
        };
        write(upload.join(name), &f.bytes)?;
    }
    write(upload.join("regler.json"), rules)?;
    write(dir.join(crate::write::INSTANCE_COPY), json.as_bytes())
}

/// The uploaded files' names for the audit log.
pub fn names(files: &[UploadedFile]) -> String {
    files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_cell_is_split_into_sheet_row_column_value_and_expected() {
        let loc = tr!(
            "roster-loc-cell",
            source = tr!("roster-loc-sheet", file = "a.xlsx", sheet = "deltagare"),
            row = 3,
            column = "E",
            header = "yrkesstart"
        );
        let text = tr!("roster-bad-cell", loc = loc, expected = "ett datum", found = "\"igår\"");
        let p = cell_problem(&text);
        assert_eq!(p.sheet, "deltagare");
        assert_eq!(p.row, "3");
        assert_eq!(p.column, "E (yrkesstart)");
        assert_eq!(p.value, "\"igår\"");
        assert_eq!(p.expected, "ett datum");
        assert_eq!(cell_problem("något annat").expected, "något annat");
    }
}
