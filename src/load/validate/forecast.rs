//! Validation of the forecast of hires not yet named (issue 11, item 3): known municipalities
//! and units, months the round touches, sensible numbers, one entry per municipality, unit and
//! month.

use super::{Code, Validator};
use crate::format::InstanceFile;
use crate::text::tr;
use chrono::Datelike;
use std::collections::{HashMap, HashSet};

/// Most hires one entry may expect (a month's hires of one municipality).
const MAX_HIRES: i64 = 500;
/// Most hires the whole forecast may expect.
const MAX_TOTAL_HIRES: i64 = 10_000;
/// Most years in the profession forecast hires may bring.
const MAX_YEARS: f64 = 50.0;

impl Validator {
    /// Every forecast entry: municipality (E090), unit (E091), month (E092), numbers (E093),
    /// duplicates (E094).
    pub(super) fn forecast(&mut self, f: &InstanceFile) {
        let munis: HashSet<&str> = f.region.municipalities.iter().map(|m| m.id.as_str()).collect();
        let unit_muni: HashMap<&str, &str> = f.region.units.iter().map(|u| (u.id.as_str(), u.municipality.as_str())).collect();
        let round_months =
            (f.round.start.year() * 12 + f.round.start.month0() as i32)..=(f.round.end.year() * 12 + f.round.end.month0() as i32);
        let mut seen: HashMap<(&str, Option<&str>, &str), usize> = HashMap::new();
        let mut total = 0i64;
        for (i, e) in f.forecast.iter().enumerate() {
            let path = format!("forecast[{i}]");
            let muni = e.municipality.as_str();
            if !munis.contains(muni) {
                self.push(
                    Code::ForecastMunicipality,
                    format!("{path}.municipality"),
                    tr!("load-forecast-municipality", id = muni),
                    tr!("load-use-municipality-id"),
                );
            } else if let Some(unit) = e.unit.as_deref() {
                match unit_muni.get(unit) {
                    None => {
                        self.push(Code::ForecastUnit, format!("{path}.unit"), tr!("load-forecast-unit", id = unit), tr!("load-use-unit-id"))
                    }
                    Some(m) if *m != muni => self.push(
                        Code::ForecastUnit,
                        format!("{path}.unit"),
                        tr!("load-forecast-unit-elsewhere", id = unit, municipality = muni, other = *m),
                        tr!("load-forecast-unit-elsewhere-hint"),
                    ),
                    Some(_) => {}
                }
            } else if !unit_muni.values().any(|m| *m == muni) {
                self.push(
                    Code::ForecastUnit,
                    format!("{path}.municipality"),
                    tr!("load-forecast-no-unit", id = muni),
                    tr!("load-forecast-no-unit-hint"),
                );
            }
            match e.month_start() {
                None => self.push(
                    Code::ForecastMonth,
                    format!("{path}.month"),
                    tr!("load-forecast-month-format", month = e.month.as_str()),
                    tr!("load-forecast-month-format-hint"),
                ),
                Some(m) if !round_months.contains(&(m.year() * 12 + m.month0() as i32)) => self.push(
                    Code::ForecastMonth,
                    format!("{path}.month"),
                    tr!(
                        "load-forecast-month-outside",
                        month = e.month.as_str(),
                        start = f.round.start.to_string(),
                        end = f.round.end.to_string()
                    ),
                    tr!("load-forecast-month-outside-hint"),
                ),
                Some(_) => {}
            }
            if !(0..=MAX_HIRES).contains(&e.hires) {
                self.push(
                    Code::ForecastHires,
                    format!("{path}.hires"),
                    tr!("load-forecast-hires", n = e.hires, max = MAX_HIRES),
                    tr!("load-forecast-hires-hint", max = MAX_HIRES),
                );
            }
            if !e.years_in_profession.is_finite() || !(0.0..=MAX_YEARS).contains(&e.years_in_profession) {
                self.push(
                    Code::ForecastHires,
                    format!("{path}.years_in_profession"),
                    tr!("load-forecast-years", years = e.years_in_profession.to_string(), max = MAX_YEARS),
                    tr!("load-forecast-years-hint", max = MAX_YEARS),
                );
            }
            total += e.hires.clamp(0, MAX_HIRES);
            if let Some(first) = seen.insert((muni, e.unit.as_deref(), e.month.as_str()), i) {
                self.push(
                    Code::ForecastDuplicate,
                    path,
                    tr!("load-forecast-duplicate", municipality = muni, month = e.month.as_str(), first = first),
                    tr!("load-forecast-duplicate-hint"),
                );
            }
        }
        if total > MAX_TOTAL_HIRES {
            self.push(
                Code::ForecastHires,
                "forecast",
                tr!("load-forecast-total", n = total, max = MAX_TOTAL_HIRES),
                tr!("load-forecast-total-hint"),
            );
        }
    }
}
