//! The JSON reading front shared by trappa's JSON readers (instances, plans, the roster's rules
//! file): bytes → text → structure → serde_json. Every failure is a coded [`Problem`] with a
//! position:
//! - a file over [`MAX_FILE_BYTES`] is `E070` (read no further than the limit), and so is a
//!   text of more than [`MAX_JSON_VALUES`] values (objects, arrays, scalars);
//! - text that is not UTF-8 is `E004`, naming the first bad byte's offset, line and column and
//!   how to save the file as UTF-8 (a UTF-8 byte-order mark is accepted);
//! - nesting deeper than [`MAX_JSON_DEPTH`] is `E006` (checked by the iterative scanner of
//!   [`super::jsonpos`] before serde_json, which would recurse);
//! - a syntax error is `E001` with serde_json's line and column;
//! - a key repeated within one object is `E005` at the repetition, naming the first occurrence
//!   (serde_json would silently keep the last value).

use super::jsonpos::{self, Stop, Structure, StructureLimits};
use super::limits::{MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_JSON_VALUES};
use super::validate::{problem, strip_position};
use super::{Problem, ValidationCode as Code};
use crate::text::tr;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// Most repeated keys reported one by one (the last problem counts the rest).
pub const MAX_DUPLICATES_LISTED: usize = 20;

/// Reads a file of at most `limit` bytes, never more. The outer error: the file cannot be
/// read; the inner: it is larger than the limit (one `E070` problem).
pub fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Result<Vec<u8>, Vec<Problem>>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = if limit >= 1 << 20 {
            tr!("load-size-mib", n = (limit >> 20).to_string())
        } else {
            tr!("load-size-bytes", n = limit.to_string())
        };
        let limit_name = if limit == MAX_FILE_BYTES { "MAX_FILE_BYTES".to_string() } else { tr!("load-reader-limit") };
        return Ok(Err(vec![problem(
            Code::SizeLimit,
            "",
            tr!("load-file-too-large", size = size, limit = limit_name),
            tr!("load-file-too-large-hint"),
        )]));
    }
    Ok(Ok(bytes))
}

/// Windows-1252's characters for the bytes 0x80–0x9F (`\0`: undefined); 0xA0–0xFF are Latin-1.
const CP1252_HIGH: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

/// The (line, column) of byte `offset` of `bytes`, whose first `offset` bytes are UTF-8.
pub fn position_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let prefix = &bytes[..offset.min(bytes.len())];
    let line_start = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = prefix[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, column)
}

/// What a byte that is not UTF-8 would be in Windows-1252 (the usual culprit: an old Excel or
/// Notepad export), for the message.
pub fn cp1252_hint(byte: u8) -> String {
    let ch = match byte {
        0x80..=0x9F => CP1252_HIGH.chars().nth((byte - 0x80) as usize).filter(|&c| c != '\0'),
        0xA0..=0xFF => char::from_u32(byte as u32),
        _ => None,
    };
    match ch {
        Some(c) => tr!("load-cp1252", char = c.to_string()),
        None => String::new(),
    }
}

/// The text of a file that must be UTF-8 (a leading byte-order mark is skipped), else one
/// `E004` problem naming the first bad byte and how to fix the file.
pub fn text_of(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
    std::str::from_utf8(&bytes[bom..]).map_err(|e| {
        let offset = bom + e.valid_up_to();
        let (line, column) = position_of_byte(bytes, offset);
        let byte = bytes[offset];
        let mut p = problem(
            Code::Encoding,
            "",
            tr!("load-not-utf8", byte = format!("{byte:02X}"), offset = offset.to_string(), hint = cp1252_hint(byte)),
            tr!("load-not-utf8-hint"),
        );
        p.line = Some(line);
        p.column = Some(column);
        vec![p]
    })
}

/// The structure problems of a text: too many values, nesting too deep, a syntax error
/// (serde_json's `E001`, with its line and column), repeated keys.
fn structure_problems(text: &str) -> Vec<Problem> {
    let limits = StructureLimits { max_depth: MAX_JSON_DEPTH, max_values: MAX_JSON_VALUES, max_duplicates: MAX_DUPLICATES_LISTED };
    let s: Structure = jsonpos::check_structure(text, limits);
    if let Some((line, column)) = s.too_many_at {
        let mut p = problem(
            Code::SizeLimit,
            "",
            tr!("load-too-many-values", n = s.values.to_string(), limit = MAX_JSON_VALUES.to_string()),
            tr!("load-too-many-values-hint"),
        );
        p.line = Some(line);
        p.column = Some(column);
        return vec![p];
    }
    match s.stop {
        Some(Stop::TooDeep { line, column }) => {
            let mut p = problem(
                Code::NestingDepth,
                s.too_deep_path,
                tr!("load-too-deep", depth = MAX_JSON_DEPTH.to_string()),
                tr!("load-too-deep-hint"),
            );
            p.line = Some(line);
            p.column = Some(column);
            vec![p]
        }
        // serde_json says precisely why (a typed parse could meet a wrong field first).
        Some(Stop::Malformed { .. }) => match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(e) => vec![syntax_problem(&e)],
            Ok(_) => vec![],
        },
        None => {
            let n = s.duplicates.len();
            s.duplicates
                .into_iter()
                .enumerate()
                .map(|(i, d)| {
                    let more = if i + 1 == n && s.more_duplicates > 0 {
                        tr!("load-more-duplicate-keys", n = s.more_duplicates)
                    } else {
                        String::new()
                    };
                    let mut p = problem(
                        Code::DuplicateKey,
                        d.path,
                        tr!(
                            "load-duplicate-key",
                            key = d.key.as_str(),
                            line = d.first.0.to_string(),
                            column = d.first.1.to_string(),
                            more = more
                        ),
                        tr!("load-duplicate-key-hint"),
                    );
                    p.line = Some(d.at.0);
                    p.column = Some(d.at.1);
                    p
                })
                .collect()
        }
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let mut p = problem(Code::Syntax, "", tr!("load-invalid-json", detail = strip_position(&e.to_string())), tr!("load-invalid-json-hint"));
    p.line = Some(e.line());
    p.column = Some(e.column());
    p
}

/// What `expected …` of a serde message says, in the language in force.
fn serde_expected(detail: &str) -> String {
    if let Some(list) = detail.strip_prefix("expected one of ") {
        tr!("load-serde-expected-one-of", list = list)
    } else if let Some(what) = detail.strip_prefix("expected ") {
        tr!("load-serde-expected", what = what)
    } else if detail == "there are no fields" {
        tr!("load-serde-no-fields")
    } else {
        detail.to_string()
    }
}

/// A serde message (without its position) in the language in force: the usual forms — a
/// missing or unknown field, an unknown variant, a value of the wrong type, a date or time not
/// written as the format says — in the catalogue's words; any other as serde wrote it. Field
/// names, the values found and the types expected stay as serde names them.
pub fn serde_text(msg: &str) -> String {
    if let Some(field) = msg.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return tr!("load-serde-missing-field", field = field);
    }
    if let Some((field, rest)) = msg.strip_prefix("unknown field `").and_then(|r| r.split_once("`, ")) {
        return tr!("load-serde-unknown-field", field = field, expected = serde_expected(rest));
    }
    if let Some((value, rest)) = msg.strip_prefix("unknown variant `").and_then(|r| r.split_once("`, ")) {
        return tr!("load-serde-unknown-variant", value = value, expected = serde_expected(rest));
    }
    if let Some((found, rest)) = msg.strip_prefix("invalid type: ").and_then(|r| r.split_once(", expected ")) {
        return tr!("load-serde-invalid-type", found = found, expected = serde_expected(&format!("expected {rest}")));
    }
    if let Some((found, rest)) = msg.strip_prefix("invalid value: ").and_then(|r| r.split_once(", expected ")) {
        return tr!("load-serde-invalid-value", found = found, expected = serde_expected(&format!("expected {rest}")));
    }
    if let Some(found) = msg.strip_prefix("expected a time of day as HH:MM, e.g. \"13:00\", found \"").and_then(|r| r.strip_suffix('"')) {
        return tr!("load-time-shape", found = found);
    }
    let date = crate::format::date::INVALID_DATE;
    if let Some((shown, why)) = msg.strip_prefix(date).and_then(|r| r.strip_prefix(" \"")).and_then(|r| r.rsplit_once("\": ")) {
        if why.starts_with("dates are written YYYY-MM-DD") {
            return tr!("load-date-shape", date = shown);
        }
        if why == "no such day in the calendar" {
            return tr!("load-date-no-such-day", date = shown);
        }
        if why.starts_with("the year must lie between") {
            let (min, max) = (crate::format::date::MIN_YEAR.to_string(), crate::format::date::MAX_YEAR.to_string());
            return tr!("load-date-year", date = shown, min = min, max = max);
        }
    }
    msg.to_string()
}

/// Parses JSON text into a value after the structure checks (`E006`, `E001`, `E005`).
pub fn parse_value(text: &str) -> Result<Value, Vec<Problem>> {
    let problems = structure_problems(text);
    if !problems.is_empty() {
        return Err(problems);
    }
    serde_json::from_str(text).map_err(|e| vec![syntax_problem(&e)])
}

/// Parses JSON text straight into a type after the structure checks: `E006`, `E005`, then
/// `E001` for syntax and `E002` (with the JSON path) for a value of the wrong type.
pub fn parse_typed<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    let problems = structure_problems(text);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        let mut p = match inner.classify() {
            serde_json::error::Category::Data => {
                let path = e.path().to_string();
                problem(
                    Code::Type,
                    if path == "." { String::new() } else { path },
                    serde_text(&strip_position(&inner.to_string())),
                    tr!("load-plan-type-hint"),
                )
            }
            _ => syntax_problem(inner),
        };
        p.line = Some(inner.line());
        p.column = Some(inner.column());
        vec![p]
    })?;
    de.end().map_err(|e| vec![syntax_problem(&e)])?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_named_with_its_position() {
        crate::text::set_thread_lang(Some(crate::text::Lang::En));
        let bytes = b"{\n  \"name\": \"\xc5sa \xd6berg\"\n}";
        let p = &text_of(bytes).unwrap_err()[0];
        assert_eq!((p.code.code(), p.line, p.column), ("E004", Some(2), Some(12)));
        assert!(p.message.contains("0xC5 at offset 13") && p.message.contains("\"Å\""), "{}", p.message);
        assert!(p.action.contains("UTF-8"));
        // A byte-order mark is fine, and offsets count it.
        assert_eq!(text_of(b"\xef\xbb\xbf{}").unwrap(), "{}");
        assert!(text_of(b"\xef\xbb\xbf[\x80]").unwrap_err()[0].message.contains("offset 4"));
    }

    #[test]
    fn structure_comes_before_serde() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let p = parse_value(&deep).unwrap_err();
        assert_eq!((p[0].code.code(), p[0].line, p[0].column), ("E006", Some(1), Some(65)));
        let p = parse_value("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!((p[0].code.code(), p[0].path.as_str(), p[0].line, p[0].column), ("E005", "a", Some(2), Some(2)));
        let p = parse_value("{\"a\": [}").unwrap_err();
        assert_eq!((p[0].code.code(), p[0].line, p[0].column), ("E001", Some(1), Some(8)));
        assert_eq!(parse_value("{\"a\": [1]}").unwrap()["a"][0], 1);
    }

    #[test]
    fn typed_parse_names_the_path_of_a_wrong_type() {
        #[derive(serde::Deserialize, Debug)]
        struct T {
            #[allow(dead_code)]
            a: Vec<u32>,
        }
        let p = parse_typed::<T>("{\"a\": [1,\n \"x\"]}").unwrap_err();
        assert_eq!((p[0].code.code(), p[0].path.as_str(), p[0].line), ("E002", "a[1]", Some(2)));
        let p = parse_typed::<T>("{\"a\": [1]} x").unwrap_err();
        assert_eq!(p[0].code, "E001");
        assert!(parse_typed::<T>("{\"a\": [1]}").is_ok());
    }
}
