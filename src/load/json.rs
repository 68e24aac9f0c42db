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
        let size = if limit >= 1 << 20 { format!("{} MiB", limit >> 20) } else { format!("{limit} bytes") };
        let limit_name = if limit == MAX_FILE_BYTES { "MAX_FILE_BYTES" } else { "the reader's limit" };
        return Ok(Err(vec![problem(
            Code::SizeLimit,
            "",
            format!("the file is larger than {size} ({limit_name}, docs/limits.md)"),
            "give the right file; a round this large must be split into smaller instances",
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
        Some(c) => format!("; in Windows-1252 (Latin-1) it is \"{c}\", so the file was probably saved in that encoding"),
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
            format!("the file is not UTF-8 text: byte 0x{byte:02X} at offset {offset} is not valid UTF-8{}", cp1252_hint(byte)),
            "save the file as UTF-8 (Notepad: Save as → Encoding UTF-8; LibreOffice: character set Unicode (UTF-8); \
             Excel exports: \"CSV UTF-8\"); trappa reads JSON as UTF-8 only",
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
            format!(
                "the file holds {} JSON values, over the limit MAX_JSON_VALUES = {MAX_JSON_VALUES}; this is the first over it",
                s.values
            ),
            "give the right file; a round this large must be split into smaller instances (docs/limits.md)",
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
                format!("objects and arrays are nested more than {MAX_JSON_DEPTH} deep (MAX_JSON_DEPTH)"),
                "the format never nests this deep: look for a run of opening brackets, e.g. from a broken export",
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
                        format!(" ({} more repeated keys follow)", s.more_duplicates)
                    } else {
                        String::new()
                    };
                    let mut p = problem(
                        Code::DuplicateKey,
                        d.path,
                        format!(
                            "the key \"{}\" is given twice in one object, first at line {}, column {}{more}",
                            d.key, d.first.0, d.first.1
                        ),
                        "keep one of the two values (JSON readers differ in which one they keep)",
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
    let mut p = problem(
        Code::Syntax,
        "",
        format!("invalid JSON: {}", strip_position(&e.to_string())),
        "fix the JSON syntax at the given line and column (a missing comma, quote or bracket is the usual cause)",
    );
    p.line = Some(e.line());
    p.column = Some(e.column());
    p
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
                    strip_position(&inner.to_string()),
                    "give the value the type of the format (docs/format.md); remove misspelt fields",
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
