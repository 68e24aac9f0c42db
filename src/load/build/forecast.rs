//! The forecast of hires not yet named (issue 11, item 3): each entry netted against the named
//! participants employed in its month, and the placeholders that remain appended to the
//! participants.

use super::index_by_id;
use crate::format::{ForecastSpec, InstanceFile};
use crate::model::calendar::Calendar;
use crate::model::forecast::{placeholder_id, ForecastEntry};
use crate::model::{phase_of_years, years_between, Municipality, MunicipalityId, Participant, ParticipantId, Phase, Unit, UnitId};
use crate::text::tr;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeSet, HashSet};

/// Whether `d` falls in the month starting `month`.
fn in_month(d: NaiveDate, month: NaiveDate) -> bool {
    d.year() == month.year() && d.month() == month.month()
}

/// The forecast entries, netted, and their placeholders appended to `participants` (which holds
/// the named participants only).
pub(super) fn build(
    f: &InstanceFile,
    calendar: &Calendar,
    municipalities: &[Municipality],
    units: &[Unit],
    phases: &[Phase],
    participants: &mut Vec<Participant>,
) -> Vec<ForecastEntry> {
    let muni_index = index_by_id(municipalities, |m| &m.id);
    let unit_index = index_by_id(units, |u| &u.id);
    let working = calendar.working_days();
    // Months in which a unit has an entry of its own: its named hires count there, not against
    // the municipality's entry.
    let unit_months: HashSet<(usize, NaiveDate)> =
        f.forecast.iter().filter_map(|e| Some((*unit_index.get(e.unit.as_deref()?)?, e.month_start()?))).collect();
    let named = participants.len();
    let mut entries = Vec::new();
    for e in &f.forecast {
        let (Some(&m), Some(month)) = (muni_index.get(e.municipality.as_str()), e.month_start()) else {
            continue;
        };
        let unit = e.unit.as_deref().and_then(|u| unit_index.get(u).copied());
        let counts = |p: &Participant| {
            p.municipality == MunicipalityId(m)
                && in_month(p.employment_start, month)
                && match unit {
                    Some(u) => p.unit == UnitId(u),
                    None => !unit_months.contains(&(p.unit.index(), month)),
                }
        };
        let start = working.iter().copied().find(|d| in_month(*d, month)).unwrap_or(month.max(calendar.start));
        let entry = ForecastEntry {
            municipality: MunicipalityId(m),
            unit: unit.map(UnitId),
            month,
            hires: e.hires.max(0) as usize,
            named: (0..named).filter(|&p| counts(&participants[p])).map(ParticipantId).collect(),
            start,
        };
        let seat_unit = unit.or_else(|| units.iter().position(|u| u.municipality == MunicipalityId(m))).unwrap_or(0);
        for n in 1..=entry.placeholders() {
            participants.push(placeholder(f, e, &entry, entries.len(), n, (UnitId(seat_unit), &municipalities[m]), phases));
        }
        entries.push(entry);
    }
    entries
}

/// Placeholder `n` (from 1) of entry `k`.
fn placeholder(
    f: &InstanceFile,
    e: &ForecastSpec,
    entry: &ForecastEntry,
    k: usize,
    n: usize,
    (unit, muni): (UnitId, &Municipality),
    phases: &[Phase],
) -> Participant {
    let profession_start = entry.start - Duration::days((e.years_in_profession * 365.25).round() as i64);
    let years = years_between(profession_start, f.round.start).max(0.0);
    let month = crate::text::month(entry.month.month());
    Participant {
        id: placeholder_id(&e.municipality, e.unit.as_deref(), entry.month, n),
        name: tr!("forecast-placeholder-name", n = n, municipality = muni.name.as_str(), month = month, year = entry.month.year()),
        unit,
        municipality: entry.municipality,
        role: e.role.into(),
        years,
        phase: phase_of_years(phases, years),
        profession_start,
        employment_start: entry.start,
        unavailable: BTreeSet::new(),
        interests: vec![],
        wants_mentor: false,
        forecast: Some(k),
    }
}
