//! Reader for the MDGPLIB benchmark format (Gallego, Laguna, Martí & Duarte 2013).
//!
//! ```text
//! n m ss|ds L1 U1 … Lm Um        (line 1: m groups, group g holds Lg..=Ug elements)
//! i j d_ij                        (n(n-1)/2 lines, 0-based, each unordered pair once)
//! ```
//! Blank lines are ignored. The objective is to maximise the sum of `d_ij` over
//! pairs in the same group, so `d_ij` becomes the weight `w_ij`.

use super::limits::MAX_MDGP_ELEMENTS;
use super::ValidationCode as Code;
use crate::format::benchmark::MdgpInstance;

/// What is wrong with an MDGPLIB text; every variant carries the 1-based line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MdgpParseError {
    /// The first line is missing or not `n m ss|ds L1 U1 … Lm Um`.
    #[error("line {line}: bad header, expected `n m ss|ds L1 U1 … Lm Um`: {message}")]
    BadHeader {
        /// 1-based line number.
        line: usize,
        /// What was found instead.
        message: String,
    },
    /// n is over the size limit.
    #[error("line {line}: n = {n} is over the limit MAX_MDGP_ELEMENTS = {limit} (docs/limits.md)")]
    TooLarge {
        /// 1-based line number (the header).
        line: usize,
        /// The n of the header.
        n: usize,
        /// The limit.
        limit: usize,
    },
    /// The group minimums add up to more than n, or the maximums to less.
    #[error("line {line}: group bounds cannot hold n elements: {message}")]
    InfeasibleBounds {
        /// 1-based line number (the header).
        line: usize,
        /// Which sum fails.
        message: String,
    },
    /// A pair line is not `i j d_ij` with two integers and a finite number.
    #[error("line {line}: expected `i j d_ij`: {message}")]
    BadPairLine {
        /// 1-based line number.
        line: usize,
        /// What was found instead.
        message: String,
    },
    /// An element index is not below n.
    #[error("line {line}: element index {index} out of range, expected 0..{n}")]
    IndexOutOfRange {
        /// 1-based line number.
        line: usize,
        /// The offending index.
        index: usize,
        /// Number of elements.
        n: usize,
    },
    /// A pair with `i == j`.
    #[error("line {line}: pair ({i},{i}) pairs an element with itself")]
    SelfPair {
        /// 1-based line number.
        line: usize,
        /// The element.
        i: usize,
    },
    /// The same unordered pair given twice.
    #[error("line {line}: duplicate pair ({i},{j}), already given on line {first_line}")]
    DuplicatePair {
        /// 1-based line number of the repetition.
        line: usize,
        /// First element.
        i: usize,
        /// Second element.
        j: usize,
        /// Line where the pair first appeared.
        first_line: usize,
    },
    /// Fewer pair lines than n(n-1)/2.
    #[error("line {line}: expected n(n-1)/2 = {expected} pair lines, found {found}; e.g. pair ({i},{j}) is missing")]
    MissingPairs {
        /// Last line of the text.
        line: usize,
        /// n(n-1)/2.
        expected: usize,
        /// Distinct pairs found.
        found: usize,
        /// First element of a missing pair.
        i: usize,
        /// Second element of a missing pair.
        j: usize,
    },
}

impl MdgpParseError {
    /// The code of `docs/errors.md`: `E001` when the text does not follow the format, `E020`
    /// for a pair given twice or pairing an element with itself, `E021` for an element index
    /// out of range, `E050` for group bounds that cannot hold n elements, `E070` for n over
    /// [`MAX_MDGP_ELEMENTS`].
    pub fn code(&self) -> Code {
        match self {
            MdgpParseError::BadHeader { .. } | MdgpParseError::BadPairLine { .. } | MdgpParseError::MissingPairs { .. } => Code::Syntax,
            MdgpParseError::TooLarge { .. } => Code::SizeLimit,
            MdgpParseError::InfeasibleBounds { .. } => Code::GroupRules,
            MdgpParseError::IndexOutOfRange { .. } => Code::UnknownReference,
            MdgpParseError::SelfPair { .. } | MdgpParseError::DuplicatePair { .. } => Code::DuplicateId,
        }
    }

    /// The 1-based line the error refers to.
    pub fn line(&self) -> usize {
        match self {
            MdgpParseError::BadHeader { line, .. }
            | MdgpParseError::TooLarge { line, .. }
            | MdgpParseError::InfeasibleBounds { line, .. }
            | MdgpParseError::BadPairLine { line, .. }
            | MdgpParseError::IndexOutOfRange { line, .. }
            | MdgpParseError::SelfPair { line, .. }
            | MdgpParseError::DuplicatePair { line, .. }
            | MdgpParseError::MissingPairs { line, .. } => *line,
        }
    }
}

/// Parses an MDGPLIB instance into a plain [`MdgpInstance`] (weights and
/// bounds only). Never panics; allocates the `n × n` matrix only after
/// checking that the text has enough lines for it.
pub fn parse_mdgplib(text: &str) -> Result<MdgpInstance, MdgpParseError> {
    let mut lines = text.lines().enumerate().map(|(k, l)| (k + 1, l.trim())).filter(|(_, l)| !l.is_empty());
    let header_err = |line: usize, message: String| MdgpParseError::BadHeader { line, message };
    let (hline, header) = lines.next().ok_or_else(|| header_err(1, "the text is empty".into()))?;
    let tok: Vec<&str> = header.split_whitespace().collect();
    if tok.len() < 3 {
        return Err(header_err(hline, format!("found only {} fields", tok.len())));
    }
    let num = |k: usize, what: &str| -> Result<usize, MdgpParseError> {
        tok[k].parse::<usize>().map_err(|_| header_err(hline, format!("{what} must be a non-negative integer, found `{}`", tok[k])))
    };
    let n = num(0, "n")?;
    let m = num(1, "m")?;
    if n == 0 {
        return Err(header_err(hline, "n must be at least 1".into()));
    }
    if m == 0 {
        return Err(header_err(hline, "m must be at least 1".into()));
    }
    if tok[2] != "ss" && tok[2] != "ds" {
        return Err(header_err(hline, format!("the third field must be `ss` or `ds`, found `{}`", tok[2])));
    }
    let expected_bounds = m.saturating_mul(2);
    if tok.len() - 3 != expected_bounds {
        return Err(header_err(hline, format!("m = {m} needs {expected_bounds} bound values after `{}`, found {}", tok[2], tok.len() - 3)));
    }
    let mut bounds = Vec::with_capacity(m);
    for g in 0..m {
        let lo = num(3 + 2 * g, &format!("L{}", g + 1))?;
        let hi = num(4 + 2 * g, &format!("U{}", g + 1))?;
        if lo > hi {
            return Err(header_err(hline, format!("group {} has L = {lo} > U = {hi}", g + 1)));
        }
        bounds.push((lo, hi));
    }
    let sum_lo = bounds.iter().fold(0usize, |a, b| a.saturating_add(b.0));
    let sum_hi = bounds.iter().fold(0usize, |a, b| a.saturating_add(b.1));
    if sum_lo > n {
        return Err(MdgpParseError::InfeasibleBounds { line: hline, message: format!("the sum of L is {sum_lo} > n = {n}") });
    }
    if sum_hi < n {
        return Err(MdgpParseError::InfeasibleBounds { line: hline, message: format!("the sum of U is {sum_hi} < n = {n}") });
    }
    let expected = usize::try_from(n as u128 * (n as u128 - 1) / 2).unwrap_or(usize::MAX);
    let found = lines.clone().count();
    if found < expected {
        // Cheap early exit that also bounds the allocation below by the text size.
        let rest: Vec<(usize, &str)> = lines.collect();
        let (i, j) = first_missing_small(n, &rest);
        return Err(MdgpParseError::MissingPairs { line: text.lines().count().max(1), expected, found, i, j });
    }
    if n > MAX_MDGP_ELEMENTS {
        return Err(MdgpParseError::TooLarge { line: hline, n, limit: MAX_MDGP_ELEMENTS });
    }
    let rest: Vec<(usize, &str)> = lines.collect();
    let mut weights = vec![0.0; n * n];
    // first_line[i * n + j] for i < j; 0 = not seen yet.
    let mut seen = vec![0usize; n * n];
    for &(line, l) in &rest {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.len() != 3 {
            return Err(MdgpParseError::BadPairLine { line, message: format!("found {} fields", f.len()) });
        }
        let idx = |s: &str| -> Result<usize, MdgpParseError> {
            s.parse::<usize>()
                .map_err(|_| MdgpParseError::BadPairLine { line, message: format!("`{s}` is not a non-negative integer index") })
        };
        let (i, j) = (idx(f[0])?, idx(f[1])?);
        for index in [i, j] {
            if index >= n {
                return Err(MdgpParseError::IndexOutOfRange { line, index, n });
            }
        }
        if i == j {
            return Err(MdgpParseError::SelfPair { line, i });
        }
        let d: f64 = f[2]
            .parse()
            .ok()
            .filter(|d: &f64| d.is_finite())
            .ok_or_else(|| MdgpParseError::BadPairLine { line, message: format!("`{}` is not a finite number", f[2]) })?;
        let (a, b) = (i.min(j), i.max(j));
        if seen[a * n + b] != 0 {
            return Err(MdgpParseError::DuplicatePair { line, i, j, first_line: seen[a * n + b] });
        }
        seen[a * n + b] = line;
        weights[a * n + b] = d;
        weights[b * n + a] = d;
    }
    // More lines than pairs would have hit a duplicate; fewer was caught above,
    // so every pair is present here.
    Ok(MdgpInstance { n, weights, group_bounds: bounds })
}

/// A pair absent from `rest` (used only when there are too few lines, so the
/// scan is cheap: it looks at pairs in order and stops at the first gap).
fn first_missing_small(n: usize, rest: &[(usize, &str)]) -> (usize, usize) {
    let mut present = std::collections::HashSet::new();
    for (_, l) in rest {
        let f: Vec<usize> = l.split_whitespace().take(2).filter_map(|s| s.parse().ok()).collect();
        if f.len() == 2 {
            present.insert((f[0].min(f[1]), f[0].max(f[1])));
        }
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if !present.contains(&(i, j)) {
                return (i, j);
            }
        }
    }
    (0, 1)
}
