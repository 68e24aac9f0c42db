//! Plain data of the benchmark formats trappa imports: an MDGPLIB grouping instance (the
//! OR-Library assignment matrices need no type of their own: a size and a cost matrix).

/// An MDGPLIB instance as read: `n` elements, the row-major symmetric `n × n` diversity matrix
/// and one `(min, max)` size range per group.
#[derive(Debug, Clone, PartialEq)]
pub struct MdgpInstance {
    /// Number of elements, indexed `0..n`.
    pub n: usize,
    /// Row-major `n × n` symmetric matrix; `weights[i * n + j]` is `d_ij`.
    pub weights: Vec<f64>,
    /// One `(min, max)` size range per group.
    pub group_bounds: Vec<(usize, usize)>,
}
