//! Build, the last step of reading (parse → validate → build): the validated, indexed
//! [`Instance`] from a file that passed [`crate::load::validate::validate`].
//!
//! Every reference becomes an index and every derived quantity (phase, travel time,
//! municipality of a person, demand and deadlines, session starts, pins) is computed once,
//! here. Unresolvable references cannot occur after validation; should one slip through, the
//! item is attached to index 0 (or the reference left out) rather than panicking.

mod forecast;
mod groups;
mod pins;
mod timetable;
mod values;

use crate::format::{DateOrRange, InstanceFile};
use crate::model::calendar::{expand_range, Calendar};
use crate::model::cost::{Agreement, CostModel, SplitBy};
use crate::model::pins::Pins;
use crate::model::timetable::TimetableModel;
use crate::model::{
    phase_of_years, years_between, Instance, Mentor, MentorId, MentorshipModel, Municipality, MunicipalityId, Participant, ParticipantId,
    Phase, PhaseId, Unit, UnitId,
};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Builds the model of a file that passed validation.
pub fn build(f: &InstanceFile) -> Instance {
    let calendar = Calendar::new(f.round.start, f.round.end, date_set(&f.calendar.closed, (f.round.start, f.round.end)));
    let municipalities = municipalities(f);
    let muni_index = index_by_id(&municipalities, |m| &m.id);
    let units = units(f, &muni_index);
    let travel_minutes = travel_minutes(f, &municipalities, &muni_index);
    let phases: Vec<Phase> = f.phases.iter().map(|p| Phase { id: p.id.clone(), min_years: p.min_years }).collect();
    let mut participants = participants(f, &units, &phases);
    let mentors = mentors(f, &units, &participants);
    let mentorship = mentorship(f, &phases, &participants, &mentors);
    // Placeholders of forecast hires come after the named participants (whose indices they
    // leave as they were), once the mentors and their rules are resolved among the named.
    let forecast = forecast::build(f, &calendar, &municipalities, &units, &phases, &mut participants);
    let (group_programmes, group_leaders) = groups::build(f, &muni_index);
    let introduction = introduction(f, &units);
    let mut inst = Instance {
        group_programmes,
        group_leaders,
        round_start: f.round.start,
        name: f.round.name.clone(),
        calendar,
        municipalities,
        units,
        travel_minutes,
        phases,
        participants,
        mentors,
        mentorship,
        weights: (&f.weights).into(),
        timetable: TimetableModel::default(),
        pins: Pins::default(),
        introduction,
        costs: Default::default(),
        forecast,
    };
    inst.timetable = timetable::build(f, &inst);
    inst.pins = pins::build(f, &inst);
    inst.costs = cost_model(f, &inst.municipalities);
    block_pinned_meeting_days(&mut inst);
    inst
}

/// The introduktörer and the weekly hours of the introduction (issue 11, item 7).
fn introduction(f: &InstanceFile, units: &[crate::model::Unit]) -> crate::model::introduction::IntroductionModel {
    let unit_index = index_by_id(units, |u| &u.id);
    crate::model::introduction::IntroductionModel {
        hours_per_week: f.introduction.hours_per_week.clone(),
        introducers: f
            .introducers
            .iter()
            .map(|i| crate::model::introduction::Introducer {
                id: i.id.clone(),
                name: i.name.clone(),
                unit: UnitId(unit_index.get(i.unit.as_str()).copied().unwrap_or(0)),
                capacity: i.capacity as usize,
            })
            .collect(),
    }
}

/// Index of each item by its id (the last one wins on a duplicate, which validation rejects).
fn index_by_id<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a String) -> HashMap<&'a str, usize> {
    items.iter().enumerate().map(|(i, x)| (id(x).as_str(), i)).collect()
}

/// Expands a list of dates and ranges into the set of its dates within `round` (first and
/// last day): dates outside the round never matter to a plan, and only a range's part inside
/// the round is expanded, so a range over decades costs no more than the round's days.
fn date_set(list: &[DateOrRange], round: (NaiveDate, NaiveDate)) -> BTreeSet<NaiveDate> {
    let (first, last) = round;
    let mut out = BTreeSet::new();
    for item in list {
        match item {
            DateOrRange::Date(d) => {
                if (first..=last).contains(d) {
                    out.insert(*d);
                }
            }
            DateOrRange::Range { from, to, .. } => out.extend(expand_range((*from).max(first), (*to).min(last))),
        }
    }
    out
}

/// Great-circle distance in km between two points given in degrees.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

fn municipalities(f: &InstanceFile) -> Vec<Municipality> {
    f.region
        .municipalities
        .iter()
        .map(|m| Municipality {
            id: m.id.clone(),
            name: m.name.clone(),
            population: m.population,
            lat: m.lat,
            lon: m.lon,
            cost_share: m.cost_share,
            subregion: m.subregion.clone(),
            cost_split: m.cost_split.clone(),
        })
        .collect()
}

/// The cost items, the cost-sharing agreements and the road km between municipalities. An
/// agreement is every municipality naming one `cost_split`; without any, the municipalities with
/// a `cost_share` form one agreement named after the region (validation ensures that no share
/// is left outside an agreement and that named agreements' shares add up to 1).
fn cost_model(f: &InstanceFile, municipalities: &[Municipality]) -> CostModel {
    let n = municipalities.len();
    let road = f.region.travel.road_factor;
    let mut km = vec![0.0; n * n];
    for (i, a) in municipalities.iter().enumerate() {
        for (j, b) in municipalities.iter().enumerate() {
            km[i * n + j] = haversine_km(a.lat, a.lon, b.lat, b.lon) * road;
        }
    }
    let named = municipalities.iter().any(|m| m.cost_split.is_some());
    let mut groups: Vec<(String, Vec<MunicipalityId>)> = Vec::new();
    for (i, m) in municipalities.iter().enumerate() {
        let name = match (&m.cost_split, named, m.cost_share) {
            (Some(s), _, _) => s.clone(),
            (None, false, Some(_)) => f.region.name.clone(),
            _ => continue,
        };
        match groups.iter_mut().find(|(g, _)| *g == name) {
            Some((_, members)) => members.push(MunicipalityId(i)),
            None => groups.push((name, vec![MunicipalityId(i)])),
        }
    }
    let agreements = groups
        .into_iter()
        .map(|(name, members)| {
            let shares: Option<Vec<f64>> = members.iter().map(|m| municipalities[m.0].cost_share).collect();
            let (raw, by) = match shares {
                Some(s) if s.iter().sum::<f64>() > 0.0 => (s, SplitBy::Shares),
                _ => (members.iter().map(|m| municipalities[m.0].population.max(0) as f64).collect(), SplitBy::Population),
            };
            let sum: f64 = raw.iter().sum();
            let weights = if sum > 0.0 { raw.iter().map(|w| w / sum).collect() } else { vec![1.0 / members.len() as f64; members.len()] };
            let from_shares_only = name == f.region.name;
            Agreement { name, from_shares_only, members, weights, by }
        })
        .collect();
    let course_fee = f.courses.iter().filter(|c| c.fee_per_participant != 0.0).map(|c| (c.id.clone(), c.fee_per_participant)).collect();
    CostModel { rates: f.costs.clone(), course_fee, agreements, km }
}

fn units(f: &InstanceFile, muni_index: &HashMap<&str, usize>) -> Vec<Unit> {
    f.region
        .units
        .iter()
        .map(|u| Unit {
            id: u.id.clone(),
            name: u.name.clone().unwrap_or_else(|| u.id.clone()),
            municipality: MunicipalityId(muni_index.get(u.municipality.as_str()).copied().unwrap_or(0)),
            headcount: u.headcount,
        })
        .collect()
}

/// Travel minutes, row-major `municipalities × municipalities`: the road distance (great
/// circle × road factor) at the travel speed, unless the table gives the pair's time.
fn travel_minutes(f: &InstanceFile, municipalities: &[Municipality], muni_index: &HashMap<&str, usize>) -> Vec<f64> {
    let n = municipalities.len();
    let mut travel_minutes = vec![0.0; n * n];
    let t = &f.region.travel;
    for i in 0..n {
        for j in 0..n {
            let (a, b) = (&municipalities[i], &municipalities[j]);
            let km = haversine_km(a.lat, a.lon, b.lat, b.lon) * t.road_factor;
            travel_minutes[i * n + j] = km / t.speed_kmh * 60.0;
        }
    }
    for e in &t.table {
        if let (Some(&i), Some(&j)) = (muni_index.get(e.from.as_str()), muni_index.get(e.to.as_str())) {
            travel_minutes[i * n + j] = e.minutes;
            travel_minutes[j * n + i] = e.minutes;
        }
    }
    travel_minutes
}

fn participants(f: &InstanceFile, units: &[Unit], phases: &[Phase]) -> Vec<Participant> {
    let unit_index = index_by_id(units, |u| &u.id);
    f.participants
        .iter()
        .map(|p| {
            let unit = UnitId(unit_index.get(p.unit.as_str()).copied().unwrap_or(0));
            let years = years_between(p.profession_start, f.round.start).max(0.0);
            Participant {
                id: p.id.clone(),
                name: p.name.clone(),
                unit,
                municipality: units.get(unit.0).map(|u| u.municipality).unwrap_or_default(),
                role: p.role.into(),
                years,
                phase: phase_of_years(phases, years),
                profession_start: p.profession_start,
                employment_start: p.employment_start,
                unavailable: date_set(&p.unavailable, (f.round.start, f.round.end)),
                interests: p.interests.clone(),
                wants_mentor: p.wants_mentor,
                forecast: None,
            }
        })
        .collect()
}

fn mentors(f: &InstanceFile, units: &[Unit], participants: &[Participant]) -> Vec<Mentor> {
    let unit_index = index_by_id(units, |u| &u.id);
    let participant_index = index_by_id(participants, |p| &p.id);
    f.mentors
        .iter()
        .map(|m| {
            let unit = UnitId(unit_index.get(m.unit.as_str()).copied().unwrap_or(0));
            Mentor {
                id: m.id.clone(),
                name: m.name.clone(),
                unit,
                municipality: units.get(unit.0).map(|u| u.municipality).unwrap_or_default(),
                capacity: m.capacity.max(0) as usize,
                trained: m.trained,
                years: m.years_in_profession,
                expertise: m.expertise.clone(),
                unavailable: date_set(&m.unavailable, (f.round.start, f.round.end)),
                max_travel_minutes: m.max_travel_minutes,
                history: m.history.iter().filter_map(|h| participant_index.get(h.as_str()).copied().map(ParticipantId)).collect(),
            }
        })
        .collect()
}

fn mentorship(f: &InstanceFile, phases: &[Phase], participants: &[Participant], mentors: &[Mentor]) -> MentorshipModel {
    let participant_index = index_by_id(participants, |p| &p.id);
    let mentor_index = index_by_id(mentors, |m| &m.id);
    let r = &f.mentorship;
    let resolve = |mentor: &str, mentee: &str| Some((MentorId(*mentor_index.get(mentor)?), ParticipantId(*participant_index.get(mentee)?)));
    MentorshipModel {
        file: r.clone(),
        min_meetings: r.min_meetings as usize,
        max_meetings: r.max_meetings as usize,
        min_days_between: r.min_days_between as i64,
        eligible_phases: r.eligible_phases.iter().filter_map(|id| phases.iter().position(|p| &p.id == id).map(PhaseId)).collect(),
        same_municipality: r.same_municipality.into(),
        meeting_place: r.meeting_place.into(),
        exclusions: r.exclusions.iter().filter_map(|e| resolve(&e.mentor, &e.mentee)).collect(),
        pair_costs: r.pair_costs.iter().filter_map(|c| Some((resolve(&c.mentor, &c.mentee)?, c.cost))).collect(),
    }
}

/// A participant's pinned mentor and group meetings keep them from courses on those days.
fn block_pinned_meeting_days(inst: &mut Instance) {
    let pinned_meetings: Vec<(usize, NaiveDate)> = inst
        .pins
        .pairs
        .iter()
        .flat_map(|p| p.meetings.iter().map(move |&d| (p.mentee.index(), d)))
        .chain(
            inst.pins
                .groups
                .iter()
                .flatten()
                .flat_map(|g| g.members.iter().flat_map(move |&p| g.meetings.iter().map(move |&d| (p.index(), d)))),
        )
        .collect();
    for (p, d) in pinned_meetings {
        if let (Ok(t), Some(free)) = (inst.timetable.days.binary_search(&d), inst.timetable.participant_free.get_mut(p)) {
            free[t] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_gothenburg_to_molndal_is_about_six_km() {
        let km = haversine_km(57.708, 11.974, 57.656, 12.014);
        assert!((km - 6.3).abs() < 0.5, "{km}");
        assert_eq!(haversine_km(57.708, 11.974, 57.708, 11.974), 0.0);
    }

    #[test]
    fn date_set_expands_ranges_and_merges_dates() {
        let d = |m, dd| NaiveDate::from_ymd_opt(2027, m, dd).unwrap();
        let set =
            date_set(&[DateOrRange::Date(d(3, 1)), DateOrRange::Range { from: d(3, 1), to: d(3, 3), reason: None }], (d(1, 1), d(12, 31)));
        assert_eq!(set.into_iter().collect::<Vec<_>>(), vec![d(3, 1), d(3, 2), d(3, 3)]);
    }

    #[test]
    fn date_set_keeps_only_the_round() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let list = [
            DateOrRange::Date(d(2026, 12, 31)),
            DateOrRange::Date(d(2027, 1, 4)),
            DateOrRange::Range { from: d(1900, 1, 1), to: d(2027, 1, 2), reason: None },
            DateOrRange::Range { from: d(2027, 1, 6), to: d(2200, 12, 31), reason: None },
        ];
        let set = date_set(&list, (d(2027, 1, 1), d(2027, 1, 7)));
        assert_eq!(set.into_iter().collect::<Vec<_>>(), vec![d(2027, 1, 1), d(2027, 1, 2), d(2027, 1, 4), d(2027, 1, 6), d(2027, 1, 7)]);
    }
}
