//! Line and column of every value in a JSON text, keyed by JSON path (`a.b[3].c`).
//!
//! Used only to point validation problems at a line; the text has already been parsed by
//! serde_json, so this scanner may assume well-formed input and simply stops otherwise.

use std::collections::HashMap;

/// Maps each JSON path in `text` to the (line, column) where its value starts (1-based).
pub fn value_positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0, line: 1, col: 1, out: HashMap::new() };
    scanner.value(String::new());
    scanner.out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    col: usize,
    out: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            self.col += 1;
        }
        Some(b)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn string(&mut self) -> Option<String> {
        let start = self.pos + 1;
        self.bump()?; // opening quote
        loop {
            match self.bump()? {
                b'\\' => {
                    self.bump()?;
                }
                b'"' => break,
                _ => {}
            }
        }
        let raw = std::str::from_utf8(&self.bytes[start..self.pos - 1]).ok()?;
        Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()))
    }

    fn value(&mut self, path: String) -> Option<()> {
        self.skip_ws();
        self.out.insert(path.clone(), (self.line, self.col));
        match self.peek()? {
            b'{' => {
                self.bump();
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b'}' => {
                            self.bump();
                            return Some(());
                        }
                        b',' => {
                            self.bump();
                        }
                        b'"' => {
                            let key = self.string()?;
                            self.skip_ws();
                            self.bump()?; // colon
                            let child = if path.is_empty() { key } else { format!("{path}.{key}") };
                            self.value(child)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.bump();
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b']' => {
                            self.bump();
                            return Some(());
                        }
                        b',' => {
                            self.bump();
                        }
                        _ => {
                            self.value(format!("{path}[{index}]"))?;
                            index += 1;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
                Some(())
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.bump();
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_positions() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": true}\n}";
        let pos = value_positions(text);
        assert_eq!(pos["a"], (2, 8));
        assert_eq!(pos["a[1].b"], (2, 18));
        assert_eq!(pos["c.d"], (3, 14));
    }
}
