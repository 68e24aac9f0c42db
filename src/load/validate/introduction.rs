//! Validation of the introduction of new hires: the weekly hours per year of employment and
//! the introduktörer (ids, names, units, capacities).

use super::{Code, Ref, Validator};
use crate::format::InstanceFile;
use crate::text::tr;
use std::collections::{HashMap, HashSet};

/// Most years of employment an introduction may cover.
const MAX_YEARS: usize = 5;

impl Validator {
    /// Hours per week in 0–40 for at most five years; introduktörer with unique ids, names and
    /// known units.
    pub(super) fn introduction(&mut self, f: &InstanceFile) {
        let hours = &f.introduction.hours_per_week;
        if hours.len() > MAX_YEARS {
            self.push(
                Code::OutOfRange,
                "introduction.hours_per_week",
                tr!("load-introduction-years", n = hours.len(), max = MAX_YEARS),
                tr!("load-introduction-years-hint"),
            );
        }
        for (i, &h) in hours.iter().enumerate() {
            self.finite(format!("introduction.hours_per_week[{i}]"), h, 0.0, 40.0, &tr!("load-what-introduction-hours"));
        }
        self.unique_ids("introducers", f.introducers.iter().map(|x| x.id.as_str()), &mut HashMap::new());
        let units: HashSet<&str> = f.region.units.iter().map(|u| u.id.as_str()).collect();
        for (i, x) in f.introducers.iter().enumerate() {
            let path = format!("introducers[{i}]");
            self.nonempty(format!("{path}.name"), &x.name, &tr!("load-what-name"));
            if !units.contains(x.unit.as_str()) {
                self.unknown(format!("{path}.unit"), Ref::Unit, &x.unit);
            }
        }
    }
}
