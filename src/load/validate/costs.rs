//! Validation of the cost model: fees and rates are finite and not negative, and no
//! municipality's cost share is left outside a cost-sharing agreement or divided wrongly: a
//! named agreement's members all have a share (adding up to 1; the agreement named after the
//! region uses them in proportion) or none has one (then by population), and once any municipality names an agreement, a share without one is refused;
//! in a version-2 file a share without any agreement named is refused too (E095).

use super::{Code, Validator};
use crate::format::{InstanceFile, MunicipalitySpec};
use crate::text::tr;

/// Most a single fee or rate may be, in SEK (ten million: far above any programme's fee).
const MAX_FEE: f64 = 10_000_000.0;

/// How far a named agreement's shares may add up from 1 (rounded population shares).
const SHARE_SUM_TOLERANCE: f64 = 0.005;

impl Validator {
    /// Fees, rates and the cost-sharing agreements.
    pub(super) fn costs(&mut self, f: &InstanceFile) {
        let c = &f.costs;
        let rates = [
            ("programme_fee", c.programme_fee, tr!("load-what-programme-fee")),
            ("mentor_fee_per_meeting", c.mentor_fee_per_meeting, tr!("load-what-mentor-fee-per-meeting")),
            ("mentor_fee_per_mentee", c.mentor_fee_per_mentee, tr!("load-what-mentor-fee-per-mentee")),
            ("leader_fee_per_meeting", c.leader_fee_per_meeting, tr!("load-what-leader-fee-per-meeting")),
            ("travel_per_km", c.travel_per_km, tr!("load-what-travel-per-km")),
        ];
        for (field, x, what) in rates {
            self.finite(format!("costs.{field}"), x, 0.0, MAX_FEE, &what);
        }
        for (i, course) in f.courses.iter().enumerate() {
            self.finite(
                format!("courses[{i}].fee_per_participant"),
                course.fee_per_participant,
                0.0,
                MAX_FEE,
                &tr!("load-what-course-fee"),
            );
        }
        let munis = &f.region.municipalities;
        for (i, m) in munis.iter().enumerate() {
            if let Some(name) = &m.cost_split {
                self.nonempty(format!("region.municipalities[{i}].cost_split"), name, &tr!("load-what-cost-split"));
            }
        }
        if munis.iter().any(|m| m.cost_split.is_some()) {
            self.named_agreements(munis, &f.region.name);
        } else if f.version >= 2 {
            self.shares_without_agreement(f);
        } else {
            let with_share: Vec<usize> = (0..munis.len()).filter(|&i| munis[i].cost_share.is_some()).collect();
            let sum: f64 = with_share.iter().filter_map(|&i| munis[i].cost_share).sum();
            if let Some(&first) = with_share.first().filter(|_| sum <= 0.0) {
                self.push(
                    Code::CostSplit,
                    format!("region.municipalities[{first}].cost_share"),
                    tr!("load-cost-shares-zero", n = with_share.len()),
                    tr!("load-cost-shares-zero-hint"),
                );
            }
        }
    }

    /// Version 2 has no implicit agreement: each municipality with a `cost_share` while no
    /// municipality names a `cost_split` is refused, with what version 1 meant as the remedy.
    fn shares_without_agreement(&mut self, f: &InstanceFile) {
        for (i, m) in f.region.municipalities.iter().enumerate() {
            if let Some(share) = m.cost_share {
                self.push(
                    Code::ShareWithoutAgreement,
                    format!("region.municipalities[{i}].cost_share"),
                    tr!("load-share-without-agreement", municipality = m.name.as_str(), share = share.to_string()),
                    tr!("load-share-without-agreement-hint", region = f.region.name.as_str()),
                );
            }
        }
    }

    /// Each named agreement: all members with a share adding up to 1, or none with one; no share
    /// outside an agreement.
    /// The agreement named after the region (`region`) is the region's own, version 1's implicit
    /// one made explicit: its shares are used in proportion, so they need not add up to 1, only
    /// not all be 0.
    fn named_agreements(&mut self, munis: &[MunicipalitySpec], region: &str) {
        let mut names: Vec<&str> = Vec::new();
        for m in munis {
            if let Some(s) = m.cost_split.as_deref().filter(|s| !names.contains(s)) {
                names.push(s);
            }
        }
        for (i, m) in munis.iter().enumerate() {
            if let (None, Some(share)) = (&m.cost_split, m.cost_share) {
                self.push(
                    Code::CostSplit,
                    format!("region.municipalities[{i}].cost_share"),
                    tr!("load-cost-share-outside", municipality = m.name.as_str(), share = share.to_string()),
                    tr!("load-cost-share-outside-hint", agreements = names.join(", ")),
                );
            }
        }
        for name in names {
            let members: Vec<usize> = (0..munis.len()).filter(|&i| munis[i].cost_split.as_deref() == Some(name)).collect();
            let without: Vec<usize> = members.iter().copied().filter(|&i| munis[i].cost_share.is_none()).collect();
            if without.is_empty() {
                let sum: f64 = members.iter().filter_map(|&i| munis[i].cost_share).sum();
                if name == region {
                    if sum <= 0.0 {
                        self.push(
                            Code::CostSplit,
                            format!("region.municipalities[{}].cost_share", members[0]),
                            tr!("load-cost-shares-zero", n = members.len()),
                            tr!("load-cost-shares-zero-hint"),
                        );
                    }
                } else if (sum - 1.0).abs() > SHARE_SUM_TOLERANCE {
                    self.push(
                        Code::CostSplit,
                        format!("region.municipalities[{}].cost_share", members[0]),
                        tr!("load-cost-split-sum", split = name, sum = format!("{sum:.4}"), n = members.len()),
                        tr!("load-cost-split-sum-hint"),
                    );
                }
            } else if without.len() < members.len() {
                let missing: Vec<&str> = without.iter().map(|&i| munis[i].name.as_str()).collect();
                self.push(
                    Code::CostSplit,
                    format!("region.municipalities[{}].cost_share", without[0]),
                    tr!("load-cost-split-mixed", split = name, missing = missing.join(", "), with = members.len() - without.len()),
                    tr!("load-cost-split-mixed-hint"),
                );
            }
        }
    }
}
