//! Deterministic mutations of seed inputs: bytes, JSON text and values, CSV tables.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

/// Bytes that matter to JSON, CSV and the date and number parsers.
const ALPHABET: &[u8] = b"{}[],:;\"\\ \n\r\t0123456789-+eE.tfnul\xc5\x80\xff";

/// Numbers at the edges of every integer and float type the readers use.
const EXTREME_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "-1",
    "1e309",
    "-1e309",
    "1e-400",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "9007199254740993",
    "0.5",
    "1.0000000000000002",
    "123456789012345678901234567890",
    "1E400",
    "2147483648",
];

/// Dates that do not exist, are out of range or are written the wrong way.
const ODD_DATES: &[&str] = &[
    "2027-02-30",
    "2027-02-29",
    "2028-02-29",
    "2027-13-01",
    "2027-00-10",
    "0000-00-00",
    "9999-12-31",
    "1899-12-31",
    "2201-01-01",
    "2027-2-3",
    "+2027-01-01",
    "2027-01-01T00:00:00",
    "27-01-01",
    "2027/01/01",
    "2027-01-01..2026-01-01",
    "2027-01-01..",
    "..2027-01-01",
    "2027-W01",
    "",
];

/// Cell texts for roster mutations: numbers, dates, words and junk.
const ODD_CELLS: &[&str] = &[
    "",
    " ",
    "-1",
    "0",
    "1,5",
    "1e309",
    "NaN",
    "inf",
    "99999999999999999999",
    "ja",
    "nej",
    "kanske",
    "=1+1",
    "\"",
    "a;b",
    "2027-02-30",
    "2027-01-01..2026-01-01",
    "1899-12-31",
    "46000",
    "25:61",
    "08:00-07:00",
    "x, y, ,",
    "d01",
    "m01",
    "\u{feff}id",
    "Åsa\u{0}",
];

/// A value of another type (or an extreme one) to put where any value stood.
pub fn odd_value(rng: &mut ChaCha8Rng) -> Value {
    match rng.gen_range(0..14) {
        0 => json!(null),
        1 => json!(true),
        2 => json!([]),
        3 => json!({}),
        4 => json!(""),
        5 => json!(ODD_DATES[rng.gen_range(0..ODD_DATES.len())]),
        6 => json!(rng.gen::<i64>()),
        7 => json!(u64::MAX),
        8 => json!(rng.gen_range(-3.0..3.0)),
        9 => json!(1e300),
        10 => json!([json!(null), json!("x"), json!(1)]),
        11 => json!({"id": "x", "": 0}),
        12 => json!("x".repeat(rng.gen_range(0..5_000))),
        _ => json!(rng.gen_range(-2..100)),
    }
}

/// The JSON pointers of every value in `v`.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => o.iter().for_each(|(k, x)| pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// The parent pointer and last segment of a pointer (None for the root).
fn split_pointer(p: &str) -> Option<(&str, String)> {
    let (parent, last) = p.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

/// One structural mutation of a JSON value: delete a key or element, swap a value's type,
/// duplicate an array element (repeated ids), grow an array, or move a subtree elsewhere.
pub fn mutate_value(v: &mut Value, rng: &mut ChaCha8Rng) {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let target = all[rng.gen_range(0..all.len())].clone();
    match rng.gen_range(0..5) {
        0 => {
            if let Some((parent, last)) = split_pointer(&target) {
                match v.pointer_mut(parent) {
                    Some(Value::Object(o)) => {
                        o.shift_remove(&last);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = last.parse::<usize>() {
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        1 => {
            if let Some(slot) = v.pointer_mut(&target) {
                *slot = odd_value(rng);
            }
        }
        2 | 3 => {
            if let Some(Value::Array(a)) = v.pointer_mut(&target) {
                if let Some(first) = a.first().cloned() {
                    let times = if rng.gen_bool(0.9) { 1 } else { rng.gen_range(2..3_000) };
                    a.extend(std::iter::repeat_n(first, times));
                }
            } else if let Some(slot) = v.pointer_mut(&target) {
                *slot = odd_value(rng);
            }
        }
        _ => {
            let source = all[rng.gen_range(0..all.len())].clone();
            let copy = v.pointer(&source).cloned();
            if let (Some(copy), Some(slot)) = (copy, v.pointer_mut(&target)) {
                *slot = copy;
            }
        }
    }
}

/// A random position in `b` (0 for an empty slice).
fn at(b: &[u8], rng: &mut ChaCha8Rng) -> usize {
    if b.is_empty() {
        0
    } else {
        rng.gen_range(0..b.len())
    }
}

/// Replaces the token of `b` starting at a random place where `starts` holds, and running while
/// `within` holds, with `with`.
fn replace_token(b: &mut Vec<u8>, rng: &mut ChaCha8Rng, starts: impl Fn(&[u8], usize) -> bool, within: impl Fn(u8) -> bool, with: &[u8]) {
    let starts_at: Vec<usize> = (0..b.len()).filter(|&i| starts(b, i)).collect();
    if starts_at.is_empty() {
        return;
    }
    let s = starts_at[rng.gen_range(0..starts_at.len())];
    let mut e = s;
    while e < b.len() && within(b[e]) {
        e += 1;
    }
    b.splice(s..e, with.iter().copied());
}

/// One byte-level mutation of any text: truncation, flips, inserts, deletions, repeats,
/// bytes that are not UTF-8, huge runs, deep nesting, extreme numbers and impossible dates.
pub fn mutate_bytes(b: &mut Vec<u8>, rng: &mut ChaCha8Rng) {
    let i = at(b, rng);
    match rng.gen_range(0..12) {
        0 => b.truncate(i),
        1 if !b.is_empty() => b[i] ^= 1 << rng.gen_range(0..8),
        2 => b.insert(i, ALPHABET[rng.gen_range(0..ALPHABET.len())]),
        3 => {
            let end = (i + rng.gen_range(1..64)).min(b.len());
            b.drain(i..end);
        }
        4 => {
            let end = (i + rng.gen_range(1..256)).min(b.len());
            let piece: Vec<u8> = b[i..end].to_vec();
            b.splice(i..i, piece);
        }
        5 => {
            let bad: &[&[u8]] = &[b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x00", b"\xef\xbb\xbf"];
            b.splice(i..i, bad[rng.gen_range(0..bad.len())].iter().copied());
        }
        6 => {
            let n = if rng.gen_bool(0.95) { rng.gen_range(1..20_000) } else { rng.gen_range(100_000..3_000_000) };
            let byte = [b'x', b'9', b' ', b'\\', b'['][rng.gen_range(0..5)];
            b.splice(i..i, std::iter::repeat_n(byte, n));
        }
        7 => {
            let depth = if rng.gen_bool(0.8) { rng.gen_range(1..200) } else { rng.gen_range(200..200_000) };
            let (open, close) = if rng.gen_bool(0.5) { (&b"["[..], &b"]"[..]) } else { (&b"{\"a\":"[..], &b"}"[..]) };
            let mut nest: Vec<u8> = open.repeat(depth);
            nest.push(b'1');
            if rng.gen_bool(0.7) {
                nest.extend(close.repeat(depth));
            }
            let colon: Vec<usize> = (0..b.len()).filter(|&k| b[k] == b':').collect();
            let at = if colon.is_empty() { i } else { colon[rng.gen_range(0..colon.len())] + 1 };
            b.splice(at..at, nest);
        }
        8 => {
            let n = EXTREME_NUMBERS[rng.gen_range(0..EXTREME_NUMBERS.len())].as_bytes();
            let starts = |b: &[u8], k: usize| b[k].is_ascii_digit() && (k == 0 || !b[k - 1].is_ascii_alphanumeric());
            replace_token(b, rng, starts, |c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'-' | b'+'), n);
        }
        9 => {
            let d = ODD_DATES[rng.gen_range(0..ODD_DATES.len())].as_bytes();
            let starts = |b: &[u8], k: usize| k + 10 <= b.len() && b[k..k + 4].iter().all(u8::is_ascii_digit) && b[k + 4] == b'-';
            replace_token(b, rng, starts, |c| c.is_ascii_digit() || c == b'-', d);
        }
        10 => duplicate_key(b, rng),
        _ => {
            let k = at(b, rng);
            if i < b.len() && k < b.len() {
                b.swap(i, k);
            }
        }
    }
}

/// Repeats a key: after a random `{`, the first key that follows it is written again.
fn duplicate_key(b: &mut Vec<u8>, rng: &mut ChaCha8Rng) {
    let braces: Vec<usize> = (0..b.len()).filter(|&k| b[k] == b'{').collect();
    if braces.is_empty() {
        return;
    }
    let open = braces[rng.gen_range(0..braces.len())];
    let Some(q) = b[open..].iter().position(|&c| c == b'"').map(|q| open + q) else { return };
    let Some(len) = b[q + 1..].iter().position(|&c| c == b'"') else { return };
    let mut key = b[q..q + len + 2].to_vec();
    key.extend_from_slice(b": 0, ");
    b.splice(open + 1..open + 1, key);
}

/// A mutated JSON text: 1–4 mutations, structural (on the parsed value, when it parses) or on
/// the bytes.
pub fn mutate_json(seed: &[u8], rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..rng.gen_range(1..5) {
        if rng.gen_bool(0.45) {
            if let Ok(mut v) = serde_json::from_slice::<Value>(&b) {
                mutate_value(&mut v, rng);
                b = if rng.gen_bool(0.5) { serde_json::to_vec_pretty(&v) } else { serde_json::to_vec(&v) }.expect("a value serialises");
                continue;
            }
        }
        mutate_bytes(&mut b, rng);
    }
    b
}

/// A CSV table as lines of cells (`;`-separated, as the templates are written).
pub type Table = Vec<Vec<String>>;

/// Splits CSV text into lines of cells (without quoting: mutations need no more).
pub fn table_of(text: &str) -> Table {
    text.lines().map(|l| l.split(';').map(str::to_string).collect()).collect()
}

/// Writes a table back as `;`-separated text.
pub fn text_of_table(t: &Table) -> String {
    t.iter().map(|r| r.join(";")).collect::<Vec<_>>().join("\n") + "\n"
}

/// One cell, row or column mutation of a table.
pub fn mutate_table(t: &mut Table, rng: &mut ChaCha8Rng) {
    if t.is_empty() {
        t.push(vec![String::new()]);
    }
    let r = rng.gen_range(0..t.len());
    let width = t.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let c = rng.gen_range(0..width);
    match rng.gen_range(0..8) {
        0 | 1 => {
            let row = &mut t[r];
            row.resize(row.len().max(c + 1), String::new());
            row[c] = ODD_CELLS[rng.gen_range(0..ODD_CELLS.len())].to_string();
        }
        2 => {
            t.remove(r);
        }
        3 => {
            let row = t[r].clone();
            // At most about a million cells more: the harness's own tables stay small.
            let times = if rng.gen_bool(0.9) { 1 } else { rng.gen_range(2..2_000).min(1 + 1_000_000 / row.len().max(1)) };
            t.extend(std::iter::repeat_n(row, times));
        }
        4 => t.iter_mut().filter(|row| c < row.len()).for_each(|row| {
            row.remove(c);
        }),
        5 => t.iter_mut().for_each(|row| row.insert(c.min(row.len()), ODD_CELLS[rng.gen_range(0..ODD_CELLS.len())].to_string())),
        6 => {
            let (a, b) = (rng.gen_range(0..t.len()), rng.gen_range(0..t.len()));
            if let (Some(x), Some(y)) = (t[a].get(c).cloned(), t[b].get(c).cloned()) {
                t[a][c] = y;
                t[b][c] = x;
            }
        }
        _ => {
            let width = rng.gen_range(1..20_000);
            t[r] = vec!["1".into(); width];
        }
    }
}
