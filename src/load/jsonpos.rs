//! A linear, iterative scanner of JSON text: where each value starts, keyed by JSON path
//! (`a.b[3].c`), and the structure checks that serde_json does not make (duplicate keys,
//! nesting depth).
//!
//! The scanner never recurses and never assumes well-formed input: on text that is not JSON it
//! stops at the first byte that cannot continue a JSON text and reports where. Each byte is
//! looked at a bounded number of times, so a scan is linear in the text's length, and nesting
//! deeper than the caller's limit stops it before any state grows with the depth.

use std::collections::HashMap;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

impl Segment {
    /// Appends the segment to a path in the notation of validation problems (`a.b[3]`).
    pub fn push_to(&self, path: &mut String) {
        match self {
            Segment::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Segment::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
}

/// A 1-based (line, column) in a text; columns count characters.
pub type Position = (usize, usize);

/// The path of a list of segments, e.g. `participants[3].unit`.
pub fn path_of(segments: &[Segment]) -> String {
    let mut path = String::new();
    for s in segments {
        s.push_to(&mut path);
    }
    path
}

/// What the scanner reports, in text order.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A value starts.
    Value {
        /// Its place in the parent: None for the root value.
        segment: Option<Segment>,
        /// Where its key starts (object members only), 1-based line and column.
        key_at: Option<Position>,
        /// Where the value starts, 1-based line and column.
        at: Position,
        /// True for `{` and `[`: a [`Event::Close`] follows after its contents.
        opens: bool,
    },
    /// The innermost open object or array closed.
    Close,
}

/// Why a scan stopped before the end of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The text is not JSON at this line and column (serde_json says precisely why).
    Malformed {
        /// 1-based line.
        line: usize,
        /// 1-based column (characters).
        column: usize,
    },
    /// An object or array opens here at a nesting depth above the limit.
    TooDeep {
        /// 1-based line.
        line: usize,
        /// 1-based column (characters).
        column: usize,
    },
}

/// Scans `text`, calling `on` for every event; nesting deeper than `max_depth` objects and
/// arrays stops the scan. Returns `Ok` when the whole text is one JSON value (scalars are
/// only delimited, not checked: that is serde_json's job).
pub fn scan(text: &str, max_depth: usize, mut on: impl FnMut(Event)) -> Result<(), Stop> {
    Scanner { bytes: text.as_bytes(), text, pos: 0, line: 1, col: 1 }.run(max_depth, &mut on)
}

/// Maps each JSON path in `text` to the (line, column) where its value starts (1-based).
/// Stops quietly where the text stops being JSON. The map holds every path of the text, so
/// its size is the sum of the paths' lengths; to locate a few paths use [`positions_of`].
pub fn value_positions(text: &str) -> HashMap<String, Position> {
    let mut out = HashMap::new();
    let mut path = String::new();
    let mut open: Vec<usize> = Vec::new();
    let _ = scan(text, usize::MAX, |e| match e {
        Event::Value { segment, at, opens, .. } => {
            let parent = path.len();
            if let Some(s) = &segment {
                s.push_to(&mut path);
            }
            out.insert(path.clone(), at);
            if opens {
                open.push(parent);
            } else {
                path.truncate(parent);
            }
        }
        Event::Close => {
            if let Some(parent) = open.pop() {
                path.truncate(parent);
            }
        }
    });
    out
}

/// The (line, column) where the value at each of `paths` starts, for those found in `text`.
/// Linear in the text's length: the scanner follows the paths as a trie and never builds the
/// paths it meets.
pub fn positions_of(text: &str, paths: &[&str]) -> HashMap<String, Position> {
    let mut trie = Trie { children: vec![HashMap::new()], target: vec![None] };
    for p in paths {
        if let Some(segments) = parse_path(p) {
            trie.insert(&segments, p);
        }
    }
    let mut out = HashMap::new();
    // The trie node of each open container (None: off every requested path).
    let mut open: Vec<Option<usize>> = Vec::new();
    let _ = scan(text, usize::MAX, |e| match e {
        Event::Value { segment, at, opens, .. } => {
            let node = match (&segment, open.last()) {
                (None, _) => Some(0),
                (Some(s), Some(Some(parent))) => trie.children[*parent].get(s).copied(),
                (Some(_), _) => None,
            };
            if let Some(target) = node.and_then(|n| trie.target[n].as_ref()) {
                out.entry(target.clone()).or_insert(at);
            }
            if opens {
                open.push(node);
            }
        }
        Event::Close => {
            open.pop();
        }
    });
    out
}

struct Trie {
    children: Vec<HashMap<Segment, usize>>,
    target: Vec<Option<String>>,
}

impl Trie {
    fn insert(&mut self, segments: &[Segment], path: &str) {
        let mut node = 0;
        for s in segments {
            node = match self.children[node].get(s) {
                Some(&n) => n,
                None => {
                    self.children.push(HashMap::new());
                    self.target.push(None);
                    let n = self.children.len() - 1;
                    self.children[node].insert(s.clone(), n);
                    n
                }
            };
        }
        self.target[node] = Some(path.to_string());
    }
}

/// Splits a path such as `a.b[3].c` into segments; None when an index is not a number.
pub fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !key.is_empty() {
                    out.push(Segment::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                if !key.is_empty() {
                    out.push(Segment::Key(std::mem::take(&mut key)));
                }
                let digits: String = chars.by_ref().take_while(|&c| c != ']').collect();
                out.push(Segment::Index(digits.parse().ok()?));
            }
            c => key.push(c),
        }
    }
    if !key.is_empty() {
        out.push(Segment::Key(key));
    }
    Some(out)
}

/// A key given twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Path of the repeated member, e.g. `round.start`.
    pub path: String,
    /// The key.
    pub key: String,
    /// Where the repetition's key starts (line, column).
    pub at: Position,
    /// Where the first occurrence's key starts (line, column).
    pub first: Position,
}

/// What [`check_structure`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Structure {
    /// Where the scan stopped early, if it did.
    pub stop: Option<Stop>,
    /// Path of the container in which a value opened too deep ([`Stop::TooDeep`]).
    pub too_deep_path: String,
    /// Keys repeated within one object, in text order (at most `max_duplicates`).
    pub duplicates: Vec<DuplicateKey>,
    /// Number of repeated keys beyond those listed.
    pub more_duplicates: usize,
    /// Number of values (objects, arrays and scalars, the root included) scanned.
    pub values: usize,
    /// Where the value after the first `max_values` starts, if there are more.
    pub too_many_at: Option<Position>,
}

/// Limits of a [`check_structure`] scan.
#[derive(Debug, Clone, Copy)]
pub struct StructureLimits {
    /// Deepest nesting of objects and arrays.
    pub max_depth: usize,
    /// Values counted before [`Structure::too_many_at`] is set.
    pub max_values: usize,
    /// Repeated keys listed one by one.
    pub max_duplicates: usize,
}

/// Checks the nesting depth, counts the values and looks for keys repeated within one object
/// (serde_json keeps the last silently).
pub fn check_structure(text: &str, limits: StructureLimits) -> Structure {
    let StructureLimits { max_depth, max_values, max_duplicates } = limits;
    let mut out = Structure::default();
    // Open containers: their segment and the keys seen in them (objects) with positions.
    let mut open: Vec<(Option<Segment>, HashMap<String, Position>)> = Vec::new();
    let result = scan(text, max_depth, |e| match e {
        Event::Value { segment, key_at, opens, at } => {
            out.values += 1;
            if out.values == max_values.saturating_add(1) {
                out.too_many_at = Some(at);
            }
            if let (Some(Segment::Key(k)), Some((_, keys))) = (&segment, open.last_mut()) {
                let at = key_at.unwrap_or((0, 0));
                match keys.get(k) {
                    Some(&first) if out.duplicates.len() < max_duplicates => {
                        let mut segments: Vec<Segment> = open.iter().filter_map(|(s, _)| s.clone()).collect();
                        segments.push(Segment::Key(k.clone()));
                        out.duplicates.push(DuplicateKey { path: path_of(&segments), key: k.clone(), at, first });
                    }
                    Some(_) => out.more_duplicates += 1,
                    None => {
                        keys.insert(k.clone(), at);
                    }
                }
            }
            if opens {
                open.push((segment, HashMap::new()));
            }
        }
        Event::Close => {
            open.pop();
        }
    });
    if let Err(stop) = result {
        if matches!(stop, Stop::TooDeep { .. }) {
            out.too_deep_path = path_of(&open.iter().filter_map(|(s, _)| s.clone()).collect::<Vec<_>>());
        }
        out.stop = Some(stop);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Object,
    Array(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Just after `{`: a key or `}`.
    ObjectStart,
    /// Just after `[`: a value or `]`.
    ArrayStart,
    /// After a complete value: `,`, a closing bracket, or the end of the text.
    AfterValue,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    col: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                self.col += 1;
            }
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn here(&self) -> Position {
        (self.line, self.col)
    }

    fn malformed(&self) -> Stop {
        Stop::Malformed { line: self.line, column: self.col }
    }

    /// Skips a string starting at the opening quote; returns the byte range of its contents.
    fn string(&mut self) -> Result<Position, Stop> {
        self.bump();
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.malformed()),
                Some(b'\\') => {
                    self.bump();
                    if self.peek().is_none() {
                        return Err(self.malformed());
                    }
                    self.bump();
                }
                Some(b'"') => {
                    let end = self.pos;
                    self.bump();
                    return Ok((start, end));
                }
                Some(_) => self.bump(),
            }
        }
    }

    /// A key: the string at the cursor, unescaped.
    fn key(&mut self) -> Result<String, Stop> {
        let at = self.malformed();
        let (start, end) = self.string()?;
        let raw = &self.text[start..end];
        if !raw.contains('\\') {
            return Ok(raw.to_string());
        }
        serde_json::from_str::<String>(&self.text[start - 1..=end]).map_err(|_| at)
    }

    /// A key, the colon after it, and the start of its value.
    fn member(&mut self) -> Result<(Segment, Position), Stop> {
        let key_at = self.here();
        if self.peek() != Some(b'"') {
            return Err(self.malformed());
        }
        let key = self.key()?;
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.malformed());
        }
        self.bump();
        Ok((Segment::Key(key), key_at))
    }

    fn run(&mut self, max_depth: usize, on: &mut dyn FnMut(Event)) -> Result<(), Stop> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut state = State::AfterValue;
        // The value expected next: its segment and key position (the root has neither).
        let mut expect: Option<(Option<Segment>, Option<Position>)> = Some((None, None));
        loop {
            self.skip_ws();
            if let Some((segment, key_at)) = expect.take() {
                let at = self.here();
                match self.peek() {
                    Some(open @ (b'{' | b'[')) => {
                        if stack.len() >= max_depth {
                            return Err(Stop::TooDeep { line: at.0, column: at.1 });
                        }
                        self.bump();
                        on(Event::Value { segment, key_at, at, opens: true });
                        if open == b'{' {
                            stack.push(Frame::Object);
                            state = State::ObjectStart;
                        } else {
                            stack.push(Frame::Array(0));
                            state = State::ArrayStart;
                        }
                    }
                    Some(b'"') => {
                        on(Event::Value { segment, key_at, at, opens: false });
                        self.string()?;
                        state = State::AfterValue;
                    }
                    None | Some(b'}' | b']' | b',' | b':') => return Err(self.malformed()),
                    Some(_) => {
                        on(Event::Value { segment, key_at, at, opens: false });
                        while let Some(b) = self.peek() {
                            if matches!(b, b',' | b'}' | b']' | b':' | b'{' | b'[' | b'"' | b' ' | b'\t' | b'\n' | b'\r') {
                                break;
                            }
                            self.bump();
                        }
                        state = State::AfterValue;
                    }
                }
                continue;
            }
            match (state, stack.last_mut()) {
                (State::ObjectStart, _) => {
                    if self.peek() == Some(b'}') {
                        self.close(&mut stack, on);
                        state = State::AfterValue;
                    } else {
                        let (segment, key_at) = self.member()?;
                        expect = Some((Some(segment), Some(key_at)));
                    }
                }
                (State::ArrayStart, Some(Frame::Array(next))) => {
                    if self.peek() == Some(b']') {
                        self.close(&mut stack, on);
                        state = State::AfterValue;
                    } else {
                        expect = Some((Some(Segment::Index(*next)), None));
                        *next += 1;
                    }
                }
                (State::AfterValue, None) => {
                    return if self.pos == self.bytes.len() { Ok(()) } else { Err(self.malformed()) };
                }
                (State::AfterValue, Some(Frame::Object)) => match self.peek() {
                    Some(b',') => {
                        self.bump();
                        self.skip_ws();
                        let (segment, key_at) = self.member()?;
                        expect = Some((Some(segment), Some(key_at)));
                    }
                    Some(b'}') => {
                        self.close(&mut stack, on);
                        state = State::AfterValue;
                    }
                    _ => return Err(self.malformed()),
                },
                (State::AfterValue, Some(Frame::Array(next))) => match self.peek() {
                    Some(b',') => {
                        self.bump();
                        expect = Some((Some(Segment::Index(*next)), None));
                        *next += 1;
                    }
                    Some(b']') => {
                        self.close(&mut stack, on);
                        state = State::AfterValue;
                    }
                    _ => return Err(self.malformed()),
                },
                (State::ArrayStart, _) => return Err(self.malformed()),
            }
        }
    }

    fn close(&mut self, stack: &mut Vec<Frame>, on: &mut dyn FnMut(Event)) {
        self.bump();
        stack.pop();
        on(Event::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(max_duplicates: usize) -> StructureLimits {
        StructureLimits { max_depth: 64, max_values: 1_000, max_duplicates }
    }

    #[test]
    fn values_are_counted_and_the_first_over_the_limit_located() {
        let text = "[1, 2,\n 3, [4]]";
        let s = check_structure(text, StructureLimits { max_depth: 64, max_values: 4, max_duplicates: 1 });
        assert_eq!((s.values, s.too_many_at), (6, Some((2, 5))));
        let s = check_structure(text, StructureLimits { max_depth: 64, max_values: 6, max_duplicates: 1 });
        assert_eq!((s.values, s.too_many_at), (6, None));
    }

    #[test]
    fn finds_nested_positions() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": true}\n}";
        let pos = value_positions(text);
        assert_eq!(pos["a"], (2, 8));
        assert_eq!(pos["a[1].b"], (2, 18));
        assert_eq!(pos["c.d"], (3, 14));
    }

    #[test]
    fn locates_only_the_requested_paths() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": true}\n}";
        let pos = positions_of(text, &["a[1].b", "c.d", "c.e", "", "x[zz]"]);
        assert_eq!(pos.len(), 3, "{pos:?}");
        assert_eq!(pos["a[1].b"], (2, 18));
        assert_eq!(pos["c.d"], (3, 14));
        assert_eq!(pos[""], (1, 1));
    }

    /// Number of values in a parsed JSON value, itself included.
    fn count(v: &serde_json::Value) -> usize {
        1 + match v {
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            serde_json::Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }

    #[test]
    fn every_value_of_well_formed_text_is_seen() {
        let small = "{\"e\": {}, \"f\": [], \"g\": [[], {}, [[]]], \"s\": \"a\\\"]}\", \"u\": \"åäö\", \"n\": -1.5e3, \"t\": null}";
        for text in
            [small, "3", "\"x\"", " [ ] ", include_str!("../../instances/uppsala-small.json"), include_str!("../../instances/gr-2027.json")]
        {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let mut events = 0;
            assert_eq!(scan(text, 64, |e| events += matches!(e, Event::Value { .. }) as usize), Ok(()), "{text:.40}");
            assert_eq!(events, count(&value), "{text:.40}");
        }
        let pos = value_positions(small);
        assert_eq!((pos["g[2][0]"], pos["u"], pos["t"]), ((1, 35), (1, 60), (1, 85)));
        let text = include_str!("../../instances/gr-2027.json");
        let pos = positions_of(text, &["participants[3].unit", "region.municipalities[0].id"]);
        let line = |p: &str| pos[p].0;
        let all = value_positions(text);
        assert_eq!(line("participants[3].unit"), all["participants[3].unit"].0);
        assert_eq!(pos["region.municipalities[0].id"], all["region.municipalities[0].id"]);
    }

    #[test]
    fn a_closing_bracket_where_a_value_should_stand_stops_the_scan() {
        for text in ["{\"a\": [}", "{\"a\": }", "[1, ]", "[}", "{\"a\" 1}", "{\"a\": 1,}", "", "   ", "[1] 2", "\"abc", "{\"a\\"] {
            let result = scan(text, 64, |_| {});
            assert!(matches!(result, Err(Stop::Malformed { .. })), "{text:?}: {result:?}");
            // The position helpers stop quietly too.
            let _ = value_positions(text);
            let _ = positions_of(text, &["a"]);
        }
        assert_eq!(scan("{\"a\": [}", 64, |_| {}), Err(Stop::Malformed { line: 1, column: 8 }));
    }

    #[test]
    fn deep_nesting_stops_at_the_limit_without_recursion() {
        let text = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(scan(&text, 64, |_| {}), Err(Stop::TooDeep { line: 1, column: 65 }));
        let s = check_structure(&text, limits(10));
        assert_eq!(s.stop, Some(Stop::TooDeep { line: 1, column: 65 }));
        assert!(s.too_deep_path.starts_with("[0][0]"), "{}", s.too_deep_path);
        // Without a limit the scan still finishes, iteratively.
        assert_eq!(scan(&text, usize::MAX, |_| {}), Ok(()));
    }

    #[test]
    fn duplicate_keys_are_found_with_both_positions() {
        let text = "{\"a\": {\"b\": 1,\n \"b\": 2}, \"c\": [{\"d\": 1, \"d\": 2}], \"a\": 3}";
        let s = check_structure(text, limits(10));
        assert_eq!(s.stop, None);
        let found: Vec<(&str, Position, Position)> = s.duplicates.iter().map(|d| (d.path.as_str(), d.at, d.first)).collect();
        assert_eq!(found, vec![("a.b", (2, 2), (1, 8)), ("c[0].d", (2, 26), (2, 18)), ("a", (2, 36), (1, 2))]);
        // Keys are compared after unescaping.
        let s = check_structure("{\"\\u0061\": 1, \"a\": 2}", limits(10));
        assert_eq!(s.duplicates.len(), 1);
        assert_eq!(s.duplicates[0].key, "a");
        // Only `max_duplicates` are listed.
        let many = format!("{{{}}}", (0..50).map(|_| "\"k\": 1").collect::<Vec<_>>().join(","));
        let s = check_structure(&many, limits(5));
        assert_eq!((s.duplicates.len(), s.more_duplicates), (5, 44));
    }
}
