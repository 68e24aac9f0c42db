//! Forecast hires (issue 11, item 3): expected hires per municipality (or unit) and month that
//! have no names yet. The hires a forecast entry expects beyond the named participants employed
//! in its month become anonymous placeholder participants (appended after the named ones), who
//! hold course seats from the month's first working day and take no mentor, group or
//! introduktör: they are not persons yet.

use super::{MunicipalityId, ParticipantId, UnitId};
use chrono::NaiveDate;

/// One entry of the forecast, resolved and netted.
#[derive(Debug, Clone)]
pub struct ForecastEntry {
    /// The municipality.
    pub municipality: MunicipalityId,
    /// The unit, if the entry names one.
    pub unit: Option<UnitId>,
    /// The first day of the month of employment.
    pub month: NaiveDate,
    /// Hires expected in the month, named ones included.
    pub hires: usize,
    /// Named participants employed in the month who count against the entry.
    pub named: Vec<ParticipantId>,
    /// The placeholders' employment date: the month's first working day in the round.
    pub start: NaiveDate,
}

impl ForecastEntry {
    /// Placeholders left: the expected hires not yet named.
    pub fn placeholders(&self) -> usize {
        self.hires.saturating_sub(self.named.len())
    }
}

/// The placeholder id of hire `n` (from 1) of an entry: `prognos-<municipality>-<YYYY-MM>-<n>`,
/// with the unit after the municipality when the entry names one.
pub fn placeholder_id(municipality: &str, unit: Option<&str>, month: NaiveDate, n: usize) -> String {
    let month = month.format("%Y-%m");
    match unit {
        Some(u) => format!("prognos-{municipality}-{u}-{month}-{n}"),
        None => format!("prognos-{municipality}-{month}-{n}"),
    }
}

/// The entry (index into the forecast) and number of a placeholder id, given the entries with
/// their municipality and unit ids: also for placeholders a later forecast no longer has.
pub fn entry_of(id: &str, entries: &[(String, Option<String>, NaiveDate)]) -> Option<(usize, usize)> {
    entries.iter().enumerate().find_map(|(k, (m, u, month))| {
        let prefix = placeholder_id(m, u.as_deref(), *month, 0);
        let stem = prefix.strip_suffix('0')?;
        id.strip_prefix(stem)?.parse::<usize>().ok().map(|n| (k, n))
    })
}
