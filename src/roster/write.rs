//! Writing a roster: the instance's tables as an `.xlsx` workbook (with a `läs_mig` sheet
//! explaining the columns) or as CSV files (UTF-8 with byte-order mark, `;`-separated, decimal
//! comma: what Swedish Excel opens directly), and the rest as the rules file.

use super::cells::{self, format_number};
use super::columns::{self, CellKind, Sheet, SETTINGS};
use super::read::choice_word;
use crate::format::{DateOrRange, InstanceFile};
use crate::text::tr;
use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use serde_json::{Map, Value};

/// A cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Num(f64),
    /// A date.
    Date(NaiveDate),
}

/// One table to write: the sheet and its data rows (cells in the sheet's column order).
#[derive(Debug, Clone)]
pub struct OutTable {
    /// The sheet.
    pub sheet: &'static Sheet,
    /// Header texts.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Out>>,
}

fn to_out(key: &str, kind: CellKind, v: Option<&Value>, what: &str) -> Result<Out, String> {
    let Some(v) = v.filter(|v| !v.is_null()) else { return Ok(Out::Empty) };
    Ok(match kind {
        CellKind::Text => Out::Text(v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())),
        CellKind::Date => Out::Date(v.as_str().and_then(|s| s.parse().ok()).ok_or_else(|| format!("{what}: not a date: {v}"))?),
        CellKind::Int | CellKind::Number => Out::Num(v.as_f64().ok_or_else(|| format!("{what}: not a number: {v}"))?),
        CellKind::Bool => Out::Text(if v.as_bool().unwrap_or(false) { "ja" } else { "nej" }.into()),
        CellKind::Time => Out::Text(v.as_str().map(str::to_string).ok_or_else(|| format!("{what}: not a time of day: {v}"))?),
        CellKind::Choice => Out::Text(choice_word(key, v.as_str().unwrap_or_default())),
        CellKind::List => {
            let items: Vec<String> = v
                .as_array()
                .map(|a| a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect())
                .unwrap_or_default();
            if let Some(bad) = items.iter().find(|s| s.contains([',', ';', '(', ')']) || s.trim() != s.as_str() || s.is_empty()) {
                return Err(format!("{what}: the item \"{bad}\" cannot be written in a list cell (no , ; ( ) or surrounding spaces)"));
            }
            Out::Text(items.join(", "))
        }
        CellKind::DateList => {
            let items: Vec<DateOrRange> = serde_json::from_value(v.clone()).map_err(|e| format!("{what}: {e}"))?;
            for d in &items {
                if let DateOrRange::Range { reason: Some(r), .. } = d {
                    if r.contains(['(', ')']) || r.trim() != r {
                        return Err(format!(
                            "{what}: the reason \"{r}\" cannot be written in a cell (no parentheses or surrounding spaces)"
                        ));
                    }
                }
            }
            Out::Text(cells::format_date_list(&items))
        }
    })
}

fn get_path<'a>(root: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(root, |v, k| v.get(*k))
}

/// The instance's tables, in the order of [`columns::SHEETS`].
pub fn tables(file: &InstanceFile) -> Result<Vec<OutTable>, String> {
    let root = serde_json::to_value(file).map_err(|e| e.to_string())?;
    let mut out = vec![];
    for s in columns::SHEETS {
        let header = s.cols.iter().map(|c| c.names[0].to_string()).collect();
        let mut rows = vec![];
        if s.key == columns::ROUND.key {
            for st in SETTINGS {
                let last = st.path[st.path.len() - 1];
                let v = to_out(last, st.kind, get_path(&root, st.path), &st.path.join("."))?;
                rows.push(vec![Out::Text(st.names[0].to_string()), v, Out::Text(st.help_text())]);
            }
        } else {
            let path: Vec<&str> = s.key.split('.').collect();
            let items = get_path(&root, &path).and_then(Value::as_array).cloned().unwrap_or_default();
            for (i, item) in items.iter().enumerate() {
                let mut row = vec![];
                for c in s.cols {
                    row.push(to_out(c.key, c.kind, item.get(c.key), &format!("{}[{i}].{}", s.key, c.key))?);
                }
                rows.push(row);
            }
        }
        // A round without introduktörer gets no sheet of them (the template stays as it was;
        // a coordinator who needs one adds the sheet `introduktörer`, see docs/roster.md).
        // Likewise a round without a forecast gets no sheet `prognos`.
        if (s.key == columns::INTRODUCERS.key || s.key == columns::FORECAST.key) && rows.is_empty() {
            continue;
        }
        out.push(OutTable { sheet: s, header, rows });
    }
    Ok(out)
}

/// The rules file: everything of the instance the tables do not hold (calendar, phases,
/// courses, group programmes, phase demand, pair costs, timetable weights).
pub fn rules_value(file: &InstanceFile) -> Result<Value, String> {
    let mut root = serde_json::to_value(file).map_err(|e| e.to_string())?;
    let obj = root.as_object_mut().ok_or("not an object")?;
    for k in ["format", "version", "round", "region"] {
        obj.remove(k);
    }
    for s in columns::SHEETS {
        remove_path(&mut root, &s.key.split('.').collect::<Vec<_>>());
    }
    for st in SETTINGS {
        remove_path(&mut root, st.path);
    }
    // Empty lists and objects at the top two levels are the defaults: leave them out.
    if let Some(obj) = root.as_object_mut() {
        for v in obj.values_mut() {
            if let Some(o) = v.as_object_mut() {
                o.retain(|_, x| !is_empty(x));
            }
        }
        obj.retain(|_, x| !is_empty(x));
    }
    Ok(root)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn remove_path(root: &mut Value, path: &[&str]) {
    let mut cur = root;
    for k in &path[..path.len() - 1] {
        match cur.get_mut(*k) {
            Some(v) => cur = v,
            None => return,
        }
    }
    if let Some(o) = cur.as_object_mut() {
        o.remove(path[path.len() - 1]);
    }
}

/// The rules file's text (pretty JSON, newline-terminated).
pub fn rules_text(file: &InstanceFile) -> Result<String, String> {
    let v = rules_value(file)?;
    let v = if v.is_null() { Value::Object(Map::new()) } else { v };
    let mut s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

fn csv_text(o: &Out) -> String {
    match o {
        Out::Empty => String::new(),
        Out::Text(s) => s.clone(),
        Out::Num(x) => format_number(*x).replace('.', ","),
        Out::Date(d) => d.to_string(),
    }
}

/// One table as CSV bytes: byte-order mark, `;`, decimal comma, CRLF line ends (as Excel
/// writes them).
pub fn csv_bytes(t: &OutTable) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(b"\xef\xbb\xbf".to_vec());
    w.write_record(&t.header).map_err(|e| e.to_string())?;
    for r in &t.rows {
        w.write_record(r.iter().map(csv_text)).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The workbook: a `läs_mig` sheet explaining every sheet and column, then one sheet per table
/// (header in bold, frozen; dates as Excel dates shown as 2027-01-15).
pub fn xlsx_bytes(tables: &[OutTable]) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    // A fixed creation time keeps the file the same for the same instance.
    let created = ExcelDateTime::from_ymd(2027, 1, 1).map_err(err)?;
    wb.set_properties(&DocProperties::new().set_title("trappa roster").set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    {
        let ws = wb.add_worksheet();
        ws.set_name(columns::README_SHEET[0]).map_err(err)?;
        let lines = readme_rows();
        for (r, row) in lines.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if r == 0 || row.len() == 1 {
                    ws.write_string_with_format(r as u32, c as u16, text, &bold).map_err(err)?;
                } else {
                    ws.write_string_with_format(r as u32, c as u16, text, &wrap).map_err(err)?;
                }
            }
        }
        for (c, w) in [18.0, 24.0, 24.0, 10.0, 30.0, 60.0].iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(err)?;
        }
    }
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.sheet.name()).map_err(err)?;
        for (c, h) in t.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold).map_err(err)?;
            ws.set_column_width(c as u16, (h.chars().count() as f64 + 4.0).max(12.0)).map_err(err)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, o) in row.iter().enumerate() {
                let c = c as u16;
                match o {
                    Out::Empty => {}
                    Out::Text(s) => {
                        ws.write_string(r, c, s).map_err(err)?;
                    }
                    Out::Num(x) => {
                        ws.write_number(r, c, *x).map_err(err)?;
                    }
                    Out::Date(d) => {
                        ws.write_number_with_format(r, c, cells::date_to_excel_serial(*d), &date).map_err(err)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

/// The rows of the `läs_mig` sheet: how to fill in the workbook, then every column.
pub fn readme_rows() -> Vec<Vec<String>> {
    let yes_no = |b: bool| if b { tr!("readme-yes") } else { tr!("readme-no") };
    let mut rows: Vec<Vec<String>> = vec![tr!("readme-header").split(';').map(String::from).collect()];
    for s in columns::SHEETS {
        rows.push(vec![s.name().to_string(), String::new(), s.names[1..].join(", "), yes_no(s.required), String::new(), s.help_text()]);
        for c in s.cols {
            rows.push(vec![
                s.name().to_string(),
                c.names[0].to_string(),
                c.names[1..].join(", "),
                yes_no(c.required),
                c.kind.describe(),
                c.help_text(),
            ]);
        }
    }
    for st in SETTINGS {
        rows.push(vec![
            tr!("readme-setting-sheet"),
            st.names[0].to_string(),
            st.names[1..].join(", "),
            yes_no(false),
            st.kind.describe(),
            st.help_text(),
        ]);
    }
    rows.push(vec![String::new()]);
    for line in [tr!("readme-line-headers"), tr!("readme-line-values"), tr!("readme-line-rules"), tr!("readme-line-import")] {
        rows.push(vec![line]);
    }
    rows
}
