//! Reading a roster: an `.xlsx` workbook (also `.xls`, `.ods`) or a directory of CSV files →
//! tables of cells → one JSON value per row → the instance, merged with the rules file.

use super::cells::{self, column_letter, Cell};
use super::columns::{self, CellKind, Col, Sheet, SETTINGS};
use super::RosterError;
use crate::load::json;
use crate::load::limits::MAX_FILE_BYTES;
use crate::text::tr;
use calamine::{Data, Reader};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One table as read: where it came from, its header and its non-empty rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Where the table is, for messages: `roster.xlsx, sheet deltagare` or `dir/deltagare.csv`.
    pub source: String,
    /// The header row's number (1-based).
    pub header_row: usize,
    /// Header cells: (column index, text).
    pub headers: Vec<(usize, String)>,
    /// Data rows: (row number, cells by column index). Empty rows are left out.
    pub rows: Vec<(usize, Vec<Cell>)>,
}

impl Table {
    fn from_rows(source: String, rows: Vec<(usize, Vec<Cell>)>) -> Table {
        let mut rows = rows.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        let (header_row, headers) = match rows.next() {
            Some((r, cells)) => (r, cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, c)| (i, c.as_text())).collect()),
            None => (1, vec![]),
        };
        Table { source, header_row, headers, rows: rows.collect() }
    }
}

fn data_to_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            let t = s.trim();
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.to_string())
            }
        }
        Data::Bool(b) => Cell::Bool(*b),
        // A time of day alone (13:00 is 0.5417 of a day): the number, read by time cells.
        Data::DateTime(e) if e.is_datetime() && (0.0..1.0).contains(&e.as_f64()) => Cell::Number(e.as_f64()),
        Data::DateTime(e) if e.is_datetime() => {
            let (y, m, day, ..) = e.to_ymd_hms_milli();
            match chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32) {
                Some(date) => Cell::Date(date),
                None => Cell::Error(tr!("roster-impossible-date", serial = e.as_f64())),
            }
        }
        Data::DateTime(e) => Cell::Error(tr!("roster-duration", value = e.as_f64())),
        Data::Error(e) => Cell::Error(format!("{e:?}")),
    }
}

/// Most cells of one sheet that the reader keeps, counted row by row up to each row's last
/// value (a roster of 50,000 participants has about 600,000).
pub const MAX_SHEET_CELLS: usize = 2_000_000;

/// A sheet or CSV file over [`MAX_SHEET_CELLS`], found at `place`.
fn too_many_cells(place: &str) -> RosterError {
    RosterError::one(tr!("roster-too-many-cells", place = place, limit = MAX_SHEET_CELLS.to_string()))
}

/// The non-empty cells of a sheet gathered into rows, within [`MAX_SHEET_CELLS`].
struct SheetCells<'a> {
    source: &'a str,
    rows: BTreeMap<u32, Vec<Cell>>,
    budget: usize,
}

impl SheetCells<'_> {
    fn add(&mut self, (r, c): (u32, u32), value: Cell) -> Result<(), RosterError> {
        if value.is_empty() {
            return Ok(());
        }
        let row = self.rows.entry(r).or_default();
        let need = (c as usize + 1).saturating_sub(row.len());
        if need > self.budget {
            return Err(too_many_cells(&format!("{}, cell {}{}", self.source, column_letter(c as usize), r as u64 + 1)));
        }
        self.budget -= need;
        if row.len() <= c as usize {
            row.resize(c as usize + 1, Cell::Empty);
        }
        row[c as usize] = value;
        Ok(())
    }

    fn into_rows(self) -> Vec<(usize, Vec<Cell>)> {
        self.rows.into_iter().map(|(r, cells)| (r as usize + 1, cells)).collect()
    }
}

/// Reads the non-empty cells of one sheet. `.xlsx` and `.xlsb` sheets are streamed cell by
/// cell, so a stray cell at XFD1048576 costs one row, not the whole rectangle up to it;
/// `.xls` and `.ods` sheets are read whole by calamine (within its own caps) first.
fn sheet_rows<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Sheets<RS>,
    sheet: &str,
    source: &str,
) -> Result<Vec<(usize, Vec<Cell>)>, RosterError> {
    let cannot = |e: &dyn std::fmt::Display| RosterError::one(tr!("roster-cannot-read-sheet", name = source, error = e.to_string()));
    let mut cells = SheetCells { source, rows: BTreeMap::new(), budget: MAX_SHEET_CELLS };
    match wb {
        calamine::Sheets::Xlsx(x) => {
            let mut reader = match x.worksheet_cells_reader(sheet) {
                Ok(r) => r,
                Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(vec![]),
                Err(e) => return Err(cannot(&e)),
            };
            while let Some(c) = reader.next_cell().map_err(|e| cannot(&e))? {
                cells.add(c.get_position(), data_to_cell(&Data::from(c.get_value().clone())))?;
            }
        }
        calamine::Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(sheet).map_err(|e| cannot(&e))?;
            while let Some(c) = reader.next_cell().map_err(|e| cannot(&e))? {
                cells.add(c.get_position(), data_to_cell(&Data::from(c.get_value().clone())))?;
            }
        }
        _ => {
            let range = wb.worksheet_range(sheet).map_err(|e| cannot(&e))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                cells.add((r0 + r as u32, c0 + c as u32), data_to_cell(d))?;
            }
        }
    }
    Ok(cells.into_rows())
}

/// Reads every sheet of a workbook: (sheet name, table).
pub fn read_workbook(path: &Path) -> Result<Vec<(String, Table)>, RosterError> {
    let name = path.display().to_string();
    let mut wb = calamine::open_workbook_auto(path)
        .map_err(|e| RosterError::one(tr!("roster-cannot-open-workbook", name = name.as_str(), error = e.to_string())))?;
    let mut out = vec![];
    for sheet in wb.sheet_names() {
        let source = tr!("roster-loc-sheet", file = name.as_str(), sheet = sheet.as_str());
        let rows = sheet_rows(&mut wb, &sheet, &source)?;
        out.push((sheet.clone(), Table::from_rows(source, rows)));
    }
    Ok(out)
}

/// Reads one CSV file: UTF-8 with or without byte-order mark, `;` or `,` separated (whichever
/// the header line uses more).
pub fn read_csv(path: &Path) -> Result<Table, RosterError> {
    let name = path.display().to_string();
    let bytes = json::read_bounded(path, MAX_FILE_BYTES)
        .map_err(|e| RosterError::one(tr!("roster-cannot-read", name = name.as_str(), error = crate::text::io_reason(&e))))?
        .map_err(|problems| {
            let problems = problems.iter().map(|p| format!("{name}: {} {}: {}. {}", p.code, p.kind(), p.message, p.action)).collect();
            RosterError { problems, warnings: vec![] }
        })?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = json::position_of_byte(bytes, offset);
        RosterError::one(tr!(
            "roster-not-utf8",
            name = name.as_str(),
            line = line,
            byte = format!("{:02X}", bytes[offset]),
            column = column,
            hint = json::cp1252_hint(bytes[offset])
        ))
    })?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    let delimiter = if comma > semi { b',' } else { b';' };
    let lines = LineIndex::new(text);
    // A record's fields are all held at once by the CSV reader: refuse one wider than a whole
    // sheet may be before reading it.
    if let Some(offset) = first_overwide_record(text.as_bytes(), delimiter, MAX_SHEET_CELLS) {
        return Err(too_many_cells(&tr!("roster-loc-row", source = name.as_str(), row = lines.line_of(offset))));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut cells = SheetCells { source: &name, rows: BTreeMap::new(), budget: MAX_SHEET_CELLS };
    for (k, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| lines.line_of(p.byte() as usize)).unwrap_or(0);
            RosterError::one(tr!("roster-cannot-read-csv", name = name.as_str(), line = line, error = e.to_string()))
        })?;
        // The row as a spreadsheet shows it: counted from the record's byte offset (the csv
        // crate's own line counter does not count CRLF line ends the same way).
        let line = match rec.position() {
            Some(p) => lines.line_of(p.byte() as usize),
            None => k + 1,
        };
        for (c, s) in rec.iter().enumerate() {
            let s = s.trim();
            let at = (u32::try_from(line - 1).unwrap_or(u32::MAX), u32::try_from(c).unwrap_or(u32::MAX));
            cells.add(at, if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) })?;
        }
    }
    let rows = cells.into_rows();
    Ok(Table::from_rows(name, rows))
}

/// The byte offset of the first CSV record of `text` with more than `max` fields, if any
/// (delimiters inside quotes do not count).
fn first_overwide_record(text: &[u8], delimiter: u8, max: usize) -> Option<usize> {
    let (mut start, mut fields, mut quoted) = (0, 1, false);
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => (start, fields) = (i + 1, 1),
            _ if b == delimiter && !quoted => {
                fields += 1;
                if fields > max {
                    return Some(start);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where each line of a text starts, to turn byte offsets into line numbers in O(log n).
struct LineIndex<'a> {
    bytes: &'a [u8],
    /// Byte offset of every `\n`.
    newlines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        LineIndex { bytes, newlines: bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i).collect() }
    }

    /// The line (1-based) of the first character at or after `byte` that is not a line end: a
    /// record's position may point at the line end before it.
    fn line_of(&self, byte: usize) -> usize {
        let b = self.bytes;
        let mut i = byte.min(b.len());
        while i < b.len() && (b[i] == b'\r' || b[i] == b'\n') {
            i += 1;
        }
        self.newlines.partition_point(|&n| n < i) + 1
    }
}

/// Where a table-made section came from: (JSON path prefix, source, row numbers by index,
/// field → (column index, header)).
pub type SectionOrigin = (String, String, Vec<usize>, HashMap<String, (usize, String)>);

/// The accepted words of one choice: (JSON value, words; the first is written on export).
pub type ChoiceWords = &'static [(&'static str, &'static [&'static str])];

/// Where each row and column of a table-made section came from, to map the validator's JSON
/// paths back to sheet, row and column.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// JSON path prefix of a section (e.g. `participants`) → (source, row numbers by index,
    /// field → (column index, header)).
    pub sections: Vec<SectionOrigin>,
    /// Setting JSON path (e.g. `mentorship.min_meetings`) → location of its value cell.
    pub settings: Vec<(String, String)>,
    /// The rules file's name, if one was read.
    pub rules: Option<String>,
}

impl Provenance {
    /// The location of a JSON path of the merged instance, as a coordinator finds it.
    pub fn locate(&self, path: &str) -> String {
        for (prefix, source, rows, cols) in &self.sections {
            if let Some(rest) = path.strip_prefix(prefix.as_str()) {
                if rest.is_empty() {
                    return source.clone();
                }
                let Some(rest) = rest.strip_prefix('[') else { continue };
                let Some((idx, tail)) = rest.split_once(']') else { continue };
                let Ok(i) = idx.parse::<usize>() else { continue };
                let Some(&row) = rows.get(i) else { continue };
                let field = tail.trim_start_matches('.').split(['.', '[']).next().unwrap_or("");
                return match cols.get(field) {
                    Some((c, h)) => {
                        tr!("roster-loc-cell", source = source.as_str(), row = row, column = column_letter(*c), header = h.as_str())
                    }
                    None => tr!("roster-loc-row", source = source.as_str(), row = row),
                };
            }
        }
        for (p, loc) in &self.settings {
            if path == p || path.starts_with(&format!("{p}.")) || path.starts_with(&format!("{p}[")) {
                return loc.clone();
            }
        }
        let path = if path.is_empty() { tr!("roster-loc-top-level") } else { path.to_string() };
        match &self.rules {
            Some(r) => tr!("roster-loc-rules", rules = r.as_str(), path = path),
            None => tr!("roster-loc-instance", path = path),
        }
    }
}

/// Accepted words of the choice columns and settings: (JSON value, accepted words; the first
/// is written on export).
pub const CHOICES: &[(&str, ChoiceWords)] = &[
    (
        "role",
        &[
            ("social_secretary", &["socialsekreterare", "social_secretary", "handläggare"]),
            ("executor", &["utförare", "executor"]),
            ("first_line_manager", &["arbetsledare", "first_line_manager"]),
            ("other", &["annan", "other", "övrig"]),
        ],
    ),
    ("priority", &[("high", &["hög", "high"]), ("normal", &["normal"]), ("low", &["låg", "low"])]),
    (
        "same_municipality",
        &[
            ("forbidden", &["förbjuden", "forbidden"]),
            ("penalised", &["straffad", "penalised", "penalized"]),
            ("allowed", &["tillåten", "allowed"]),
        ],
    ),
    (
        "meeting_place",
        &[("mentor", &["mentor"]), ("mentee", &["adept", "mentee"]), ("min_combined_travel", &["kortast_restid", "min_combined_travel"])],
    ),
];

fn choice_words(key: &str) -> ChoiceWords {
    CHOICES.iter().find(|(k, _)| *k == key).map(|(_, w)| *w).unwrap_or(&[])
}

/// The Swedish word written on export for a choice's JSON value.
pub fn choice_word(key: &str, value: &str) -> String {
    choice_words(key).iter().find(|(v, _)| *v == value).map(|(_, w)| w[0].to_string()).unwrap_or_else(|| value.to_string())
}

/// Reads one cell as a JSON value of the given kind; `Err` says what was expected.
fn cell_value(key: &str, kind: CellKind, c: &Cell) -> Result<Value, String> {
    Ok(match kind {
        CellKind::Text => match c {
            Cell::Error(_) => return Err(tr!("cell-expected-text")),
            _ => Value::String(c.as_text()),
        },
        CellKind::Date => Value::String(cells::parse_date(c)?.to_string()),
        CellKind::Int => Value::from(cells::parse_int(c)?),
        CellKind::Number => Value::from(cells::parse_number(c)?),
        CellKind::Bool => Value::Bool(cells::parse_bool(c)?),
        CellKind::List => Value::from(cells::parse_list(c)?),
        CellKind::DateList => serde_json::to_value(cells::parse_date_list(c)?).map_err(|e| e.to_string())?,
        CellKind::Time => Value::String(cells::parse_time(c)?.to_string()),
        CellKind::Choice => {
            let words = choice_words(key);
            let t = c.as_text();
            match words.iter().find(|(_, names)| columns::matches(names, &t)) {
                Some((v, _)) => Value::String(v.to_string()),
                None => {
                    let all: Vec<&str> = words.iter().map(|(_, n)| n[0]).collect();
                    return Err(tr!("cell-expected-choice", words = all.join(", ")));
                }
            }
        }
    })
}

/// A table bound to its spec: which column holds which field.
struct Bound<'a> {
    table: &'a Table,
    cols: Vec<(&'static Col, usize, String)>,
}

/// A cell's place: file (and sheet), row, column letter and header.
fn cell_loc(table: &Table, row: usize, col: usize, header: &str) -> String {
    tr!("roster-loc-cell", source = table.source.as_str(), row = row, column = column_letter(col), header = header)
}

impl Bound<'_> {
    fn loc(&self, row: usize, col: usize, header: &str) -> String {
        cell_loc(self.table, row, col, header)
    }
    fn col(&self, key: &str) -> Option<&(&'static Col, usize, String)> {
        self.cols.iter().find(|(c, ..)| c.key == key)
    }
}

fn bind<'a>(sheet: &'static Sheet, table: &'a Table, problems: &mut Vec<String>) -> Bound<'a> {
    let mut cols: Vec<(&'static Col, usize, String)> = vec![];
    let mut known_cols = HashSet::new();
    // A header cell's place: its row is the table's header row.
    let header_cell = |i: usize, h: &str| cell_loc(table, table.header_row, i, h);
    for (i, h) in &table.headers {
        if columns::is_comment_header(h) {
            known_cols.insert(*i);
            continue;
        }
        match sheet.cols.iter().find(|c| columns::matches(c.names, h)) {
            Some(c) => {
                known_cols.insert(*i);
                if let Some((_, j, h2)) = cols.iter().find(|(c2, ..)| c2.key == c.key) {
                    let loc = header_cell(*i, h);
                    problems.push(tr!("roster-repeated-column", loc = loc, column = column_letter(*j), header = h2.as_str()));
                } else {
                    cols.push((c, *i, h.clone()));
                }
            }
            None => {
                let loc = header_cell(*i, h);
                let known = sheet.cols.iter().map(|c| c.names[0]).collect::<Vec<_>>().join(", ");
                problems.push(tr!("roster-unknown-column", loc = loc, sheet = sheet.name(), columns = known));
            }
        }
    }
    for c in sheet.cols.iter().filter(|c| c.required) {
        if !cols.iter().any(|(c2, ..)| c2.key == c.key) {
            problems.push(tr!(
                "roster-missing-column",
                source = table.source.as_str(),
                column = columns::shown(c.names),
                row = table.header_row
            ));
        }
    }
    // A value under no header is most likely a column someone forgot to name.
    let mut reported = HashSet::new();
    for (r, cells) in &table.rows {
        for (i, c) in cells.iter().enumerate() {
            if !c.is_empty() && !known_cols.contains(&i) && reported.insert(i) {
                problems.push(tr!(
                    "roster-value-without-header",
                    source = table.source.as_str(),
                    row = *r,
                    column = column_letter(i),
                    found = c.found()
                ));
            }
        }
    }
    cols.sort_by_key(|(_, i, _)| *i);
    Bound { table, cols }
}

/// Reads the rows of a bound table into JSON objects (one per row).
fn read_rows(b: &Bound, problems: &mut Vec<String>) -> (Vec<Value>, Vec<usize>) {
    let mut out = vec![];
    let mut rows = vec![];
    for (r, cells) in &b.table.rows {
        let mut obj = Map::new();
        for (col, i, h) in &b.cols {
            let c = cells.get(*i).unwrap_or(&Cell::Empty);
            if c.is_empty() {
                if col.required {
                    let loc = b.loc(*r, *i, h);
                    problems.push(tr!("roster-empty-required", loc = loc, kind = col.kind.describe(), help = col.help_text()));
                }
                continue;
            }
            match cell_value(col.key, col.kind, c) {
                Ok(v) => {
                    obj.insert(col.key.to_string(), v);
                }
                Err(e) => problems.push(tr!("roster-bad-cell", loc = b.loc(*r, *i, h), expected = e, found = c.found())),
            }
        }
        out.push(Value::Object(obj));
        rows.push(*r);
    }
    (out, rows)
}

/// Reads the `omgång` sheet: (JSON path, value, location of the value cell).
fn read_settings(b: &Bound, problems: &mut Vec<String>) -> Vec<(&'static [&'static str], Value, String)> {
    let mut out: Vec<(&'static [&'static str], Value, String)> = vec![];
    let (Some((_, ks, kh)), Some((_, vs, vh))) = (b.col("setting"), b.col("value")) else { return out };
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    for (r, cells) in &b.table.rows {
        let k = cells.get(*ks).unwrap_or(&Cell::Empty);
        let v = cells.get(*vs).unwrap_or(&Cell::Empty);
        if k.is_empty() {
            if !v.is_empty() {
                problems.push(tr!("roster-empty-setting-name", loc = b.loc(*r, *ks, kh), found = v.found()));
            }
            continue;
        }
        let name = k.as_text();
        let Some(s) = columns::setting_by_name(&name) else {
            let known = SETTINGS.iter().map(|s| s.names[0]).collect::<Vec<_>>().join(", ");
            problems.push(tr!("roster-unknown-setting", loc = b.loc(*r, *ks, kh), name = name.as_str(), settings = known));
            continue;
        };
        if let Some(first) = seen.insert(s.names[0], *r) {
            problems.push(tr!("roster-repeated-setting", loc = b.loc(*r, *ks, kh), name = s.names[0], row = first));
            continue;
        }
        if v.is_empty() {
            continue;
        }
        let last = s.path[s.path.len() - 1];
        match cell_value(last, s.kind, v) {
            Ok(val) => out.push((s.path, val, b.loc(*r, *vs, vh))),
            Err(e) => {
                let loc = b.loc(*r, *vs, vh);
                problems.push(tr!("roster-bad-setting", loc = loc, name = s.names[0], expected = e, found = v.found()));
            }
        }
    }
    out
}

fn get_path<'a>(root: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(root, |v, k| v.get(*k))
}

fn set_path(root: &mut Value, path: &[&str], value: Value) -> Option<Value> {
    let mut cur = root;
    for k in &path[..path.len() - 1] {
        if !cur.get(*k).map(|v| v.is_object()).unwrap_or(false) {
            cur.as_object_mut()?.insert(k.to_string(), Value::Object(Map::new()));
        }
        cur = cur.get_mut(*k)?;
    }
    cur.as_object_mut()?.insert(path[path.len() - 1].to_string(), value)
}

fn section_path(sheet: &Sheet) -> Vec<&'static str> {
    sheet.key.split('.').collect()
}

/// Where the rules file is looked for when `--rules` is not given: `regler.json` (or
/// `rules.json`) in the CSV directory, or beside the workbook.
pub fn default_rules(input: &Path) -> Option<PathBuf> {
    let dir = if input.is_dir() { input.to_path_buf() } else { input.parent().map(Path::to_path_buf).unwrap_or_default() };
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    ["regler.json", "rules.json"].iter().map(|n| dir.join(n)).find(|p| p.is_file())
}

/// The result of reading a roster.
#[derive(Debug)]
pub struct Merged {
    /// The instance as JSON (before typing and validation).
    pub value: Value,
    /// Where things came from.
    pub provenance: Provenance,
    /// Notes for the coordinator (ignored sheets, table values overriding the rules file).
    pub warnings: Vec<String>,
}

/// Reads the tables and the rules file and merges them into one instance value. Every bad
/// cell, missing column or sheet, duplicate id and unknown reference is reported at once.
pub fn read_and_merge(input: &Path, rules: Option<&Path>) -> Result<Merged, RosterError> {
    let mut problems = vec![];
    let mut warnings = vec![];
    // 1. The tables.
    let raw: Vec<(String, Table)> = if input.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(input)
            .map_err(|e| {
                RosterError::one(tr!("roster-cannot-read-dir", path = input.display().to_string(), error = crate::text::io_reason(&e)))
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().map(|x| x.eq_ignore_ascii_case("csv")).unwrap_or(false))
            .collect();
        files.sort();
        let mut out = vec![];
        for f in files {
            let stem = f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            match read_csv(&f) {
                Ok(t) => out.push((stem, t)),
                Err(e) => problems.extend(e.problems),
            }
        }
        out
    } else if input.is_file() {
        read_workbook(input)?
    } else {
        return Err(RosterError::one(tr!("roster-no-such-input", path = input.display().to_string())));
    };
    let is_dir = if input.is_dir() { "yes" } else { "no" };
    let mut tables: BTreeMap<&'static str, Table> = BTreeMap::new();
    for (name, t) in raw {
        match columns::sheet_by_name(&name) {
            Some(s) => {
                if tables.contains_key(s.key) {
                    problems.push(tr!("roster-second-table", source = t.source.as_str(), dir = is_dir, sheet = s.name()));
                } else {
                    tables.insert(s.key, t);
                }
            }
            None if columns::README_SHEET.iter().any(|n| columns::fold(n) == columns::fold(&name)) => {}
            None => {
                let known = columns::SHEETS.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ");
                warnings.push(tr!("roster-ignored-table", source = t.source.as_str(), dir = is_dir, sheets = known));
            }
        }
    }
    for s in columns::SHEETS.iter().filter(|s| s.required) {
        if !tables.contains_key(s.key) {
            problems.push(if input.is_dir() {
                let file = columns::shown_with(s.names, ".csv");
                tr!("roster-missing-file", path = input.display().to_string(), file = file, help = s.help_text())
            } else {
                tr!("roster-missing-sheet", path = input.display().to_string(), sheet = columns::shown(s.names), help = s.help_text())
            });
        }
    }

    // 2. Rows → JSON values.
    let mut provenance = Provenance::default();
    let mut sections: Vec<(&'static Sheet, Vec<Value>, Vec<usize>, String)> = vec![];
    let mut settings = vec![];
    for s in columns::SHEETS {
        let Some(t) = tables.get(s.key) else { continue };
        let b = bind(s, t, &mut problems);
        if s.key == columns::ROUND.key {
            settings = read_settings(&b, &mut problems);
            continue;
        }
        let (values, rows) = read_rows(&b, &mut problems);
        let cols = b.cols.iter().map(|(c, i, h)| (c.key.to_string(), (*i, h.clone()))).collect();
        provenance.sections.push((s.key.to_string(), t.source.clone(), rows.clone(), cols));
        sections.push((s, values, rows, t.source.clone()));
    }
    check_ids_and_references(&sections, &tables, &mut problems);

    // 3. The rules file.
    let rules_path = rules.map(Path::to_path_buf).or_else(|| default_rules(input));
    let mut value = match &rules_path {
        Some(p) => {
            provenance.rules = Some(p.display().to_string());
            match read_rules(p) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(e);
                    Value::Object(Map::new())
                }
            }
        }
        None => Value::Object(Map::new()),
    };
    let rules_name = provenance.rules.clone().unwrap_or_default();

    // 4. Merge: a table (or a setting row) wins over the rules file; a note says so.
    let obj = value.as_object_mut().expect("an object");
    obj.entry("format").or_insert_with(|| Value::from("trappa-instance"));
    obj.entry("version").or_insert_with(|| Value::from(crate::format::FORMAT_VERSION));
    for (path, v, loc) in &settings {
        let dotted = path.join(".");
        if let Some(old) = set_path(&mut value, path, v.clone()) {
            if &old != v {
                let note = tr!(
                    "roster-setting-replaces",
                    loc = loc.as_str(),
                    setting = dotted.as_str(),
                    value = v.to_string(),
                    old = old.to_string(),
                    rules = rules_name.as_str()
                );
                warnings.push(note);
            }
        }
        provenance.settings.push((dotted, loc.clone()));
    }
    for (s, values, _, source) in &sections {
        let path = section_path(s);
        let n = values.len();
        if let Some(old) = set_path(&mut value, &path, Value::Array(values.clone())) {
            if old.as_array().map(|a| !a.is_empty()).unwrap_or(true) && old != Value::Array(values.clone()) {
                warnings.push(tr!("roster-rows-replace", source = source.as_str(), n = n, key = s.key, rules = rules_name.as_str()));
            }
        }
    }
    for (names, path, what) in [
        (&["namn"][..], &["round", "name"][..], tr!("roster-what-round-name")),
        (&["start"], &["round", "start"], tr!("roster-what-round-start")),
        (&["slut"], &["round", "end"], tr!("roster-what-round-end")),
        (&["region"], &["region", "name"], tr!("roster-what-region-name")),
    ] {
        if get_path(&value, path).is_none() {
            let source = tables.get(columns::ROUND.key).map(|t| t.source.clone()).unwrap_or_else(|| input.display().to_string());
            problems.push(tr!("roster-missing-setting", source = source, name = names[0], what = what));
        }
    }
    if problems.is_empty() {
        Ok(Merged { value, provenance, warnings })
    } else {
        Err(RosterError { problems, warnings })
    }
}

/// Reads the rules file: an instance without people (every field optional). It goes through
/// the same JSON front as instances: size limit, UTF-8, nesting, repeated keys, syntax.
fn read_rules(path: &Path) -> Result<Value, String> {
    let name = path.display();
    let shown = |p: &crate::load::Problem| match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{name}, line {l}, column {c}: {} {}: {}. {}", p.code, p.kind(), p.message, p.action),
        _ => format!("{name}: {} {}: {}. {}", p.code, p.kind(), p.message, p.action),
    };
    let all = |problems: Vec<crate::load::Problem>| problems.iter().map(shown).collect::<Vec<_>>().join("\n  ");
    let bytes = json::read_bounded(path, MAX_FILE_BYTES)
        .map_err(|e| tr!("roster-cannot-read-rules", name = name.to_string(), error = crate::text::io_reason(&e)))?
        .map_err(all)?;
    let text = json::text_of(&bytes).map_err(all)?;
    let v = json::parse_value(text).map_err(all)?;
    if !v.is_object() {
        let (line, column) = json::position_of_byte(text.as_bytes(), text.len() - text.trim_start().len());
        let code = crate::load::ValidationCode::Type;
        let code = format!("{code} {}", code.kind());
        return Err(tr!("roster-rules-not-object", name = name.to_string(), line = line, column = column, code = code));
    }
    Ok(v)
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Duplicate ids within a table and references to units, municipalities and people that the
/// tables do not list, each with its row.
fn check_ids_and_references(
    sections: &[(&'static Sheet, Vec<Value>, Vec<usize>, String)],
    tables: &BTreeMap<&'static str, Table>,
    problems: &mut Vec<String>,
) {
    let find = |s: &Sheet| sections.iter().find(|(x, ..)| x.key == s.key);
    let col_of = |s: &Sheet, key: &str, t: &Table| -> String {
        let c = s.cols.iter().find(|c| c.key == key);
        t.headers
            .iter()
            .find(|(_, h)| c.map(|c| columns::matches(c.names, h)).unwrap_or(false))
            .map(|(i, h)| tr!("roster-loc-column", column = column_letter(*i), header = h.as_str()))
            .unwrap_or_else(|| tr!("roster-loc-column-key", key = key))
    };
    for (s, values, rows, source) in sections {
        if s.cols[0].key != "id" {
            continue;
        }
        let t = &tables[s.key];
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (v, r) in values.iter().zip(rows) {
            if let Some(id) = str_field(v, "id") {
                if let Some(f) = first.insert(id, *r) {
                    first.insert(id, f);
                    let column = col_of(s, "id", t);
                    problems.push(tr!("roster-duplicate-id", source = source.as_str(), row = *r, column = column, id = id, first = f));
                }
            }
        }
    }
    let ids = |s: &Sheet| -> Option<HashSet<String>> {
        find(s).map(|(_, values, ..)| values.iter().filter_map(|v| str_field(v, "id").map(str::to_string)).collect())
    };
    let municipalities = ids(&columns::MUNICIPALITIES);
    let units = ids(&columns::UNITS);
    let participants = ids(&columns::PARTICIPANTS);
    let mentors = ids(&columns::MENTORS);
    type Check<'a> = (&'a Sheet, &'a str, &'a Option<HashSet<String>>, &'a Sheet, &'a str);
    let checks: [Check; 12] = [
        (&columns::UNITS, "municipality", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::TRAVEL, "from", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::TRAVEL, "to", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::PARTICIPANTS, "unit", &units, &columns::UNITS, "unit"),
        (&columns::MENTORS, "unit", &units, &columns::UNITS, "unit"),
        (&columns::LEADERS, "municipality", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::TRAINERS, "municipality", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::VENUES, "municipality", &municipalities, &columns::MUNICIPALITIES, "municipality"),
        (&columns::DEMAND, "participant", &participants, &columns::PARTICIPANTS, "participant"),
        (&columns::HISTORY, "participant", &participants, &columns::PARTICIPANTS, "participant"),
        (&columns::EXCLUSIONS, "mentor", &mentors, &columns::MENTORS, "mentor"),
        (&columns::EXCLUSIONS, "mentee", &participants, &columns::PARTICIPANTS, "participant"),
    ];
    for (s, key, known, target, what) in checks {
        let (Some((_, values, rows, source)), Some(known)) = (find(s), known) else { continue };
        let t = &tables[s.key];
        for (v, r) in values.iter().zip(rows) {
            if let Some(id) = str_field(v, key) {
                if !known.contains(id) {
                    let column = col_of(s, key, t);
                    let present = if tables.contains_key(target.key) { "yes" } else { "no" };
                    problems.push(tr!(
                        "roster-unknown-reference",
                        source = source.as_str(),
                        row = *r,
                        column = column,
                        what = what,
                        id = id,
                        present = present,
                        sheet = target.name()
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn an_excel_time_cell_is_read_as_its_fraction_of_a_day() {
        let time = Data::DateTime(ExcelDateTime::new(0.5625, ExcelDateTimeType::DateTime, false));
        assert_eq!(data_to_cell(&time), Cell::Number(0.5625));
        let day = Data::DateTime(ExcelDateTime::new(46402.0, ExcelDateTimeType::DateTime, false));
        assert_eq!(data_to_cell(&day), Cell::Date(chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()));
    }
}
