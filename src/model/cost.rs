//! The programme's cost items and cost-sharing agreements, as the cost of a plan
//! ([`crate::cost`]) needs them: rates, course fees by course, the agreements with their
//! members' weights, and road distances.

use super::MunicipalityId;
use std::collections::HashMap;

/// Cost items, agreements and distances of an instance.
#[derive(Debug, Clone, Default)]
pub struct CostModel {
    /// The instance's `costs` section, carried whole (fees and the travel rate, SEK).
    pub rates: crate::format::CostSpec,
    /// Course fee per participant, by course id (courses without a fee are left out).
    pub course_fee: HashMap<String, f64>,
    /// The cost-sharing agreements, in the order their first member is listed.
    pub agreements: Vec<Agreement>,
    /// Road km between every two municipalities (great circle × road factor), row-major.
    pub km: Vec<f64>,
}

/// How an agreement's pooled cost is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitBy {
    /// By the members' `cost_share`.
    Shares,
    /// By the members' inhabitants.
    Population,
}

/// A cost-sharing agreement: its members pool their participants' costs and pay by weight.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// The agreement's name (`cost_split`, or the region's name for the agreement formed by
    /// `cost_share` alone).
    pub name: String,
    /// True for the region's own agreement of shares: the one named after the region, which
    /// is what a version-1 file's `cost_share` without any `cost_split` becomes (upgraded, or
    /// read as version 1). The report says its shares are used in proportion.
    pub from_shares_only: bool,
    /// The members.
    pub members: Vec<MunicipalityId>,
    /// Each member's part of the pooled cost (adds up to 1).
    pub weights: Vec<f64>,
    /// What the weights come from.
    pub by: SplitBy,
}

impl CostModel {
    /// Road km between two municipalities.
    pub fn km(&self, a: MunicipalityId, b: MunicipalityId) -> f64 {
        let n = (self.km.len() as f64).sqrt() as usize;
        if n == 0 {
            return 0.0;
        }
        self.km[a.0 * n + b.0]
    }
}
