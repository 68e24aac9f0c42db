//! The timetable part of the model: courses, trainers, venues, the demand derived from
//! individual plans and phase defaults (with each participant's window and deadline
//! urgency), and every possible session of each course.

use super::{date_set, index_by_id};
use crate::format::InstanceFile;
use crate::model::timetable::{
    deadline_date, unit_absence_cap, Cadence, CadenceYear, Course, Demand, DemandOrigin, Term, TimetableModel, Trainer, Venue, Workload,
};
use crate::model::{CourseId, DayPattern, DemandId, Instance, MunicipalityId, ParticipantId, PhaseId, Priority, TrainerId};
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Longest calendar gap between two successive days of a consecutive course: a long weekend
/// with a holiday on each side (Thursday → Tuesday over Easter) is five days.
const MAX_CONSECUTIVE_GAP_DAYS: i64 = 5;

/// Builds the timetable model from a validated file and its [`Instance`] (people, phases,
/// units and calendar already built).
pub(super) fn build(f: &InstanceFile, inst: &Instance) -> TimetableModel {
    let days = inst.calendar.working_days();
    let first_month = inst.calendar.start.year() * 12 + inst.calendar.start.month0() as i32;
    let day_month: Vec<usize> = days.iter().map(|d| (d.year() * 12 + d.month0() as i32 - first_month) as usize).collect();
    let months = (inst.calendar.end.year() * 12 + inst.calendar.end.month0() as i32 - first_month + 1).max(1) as usize;
    let day_index: HashMap<NaiveDate, usize> = days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let course_index = index_by_id(&f.courses, |c| &c.id);
    let participant_index = index_by_id(&inst.participants, |p| &p.id);
    let muni_index = index_by_id(&inst.municipalities, |m| &m.id);

    let trainers: Vec<Trainer> = f
        .trainers
        .iter()
        .map(|t| Trainer {
            id: t.id.clone(),
            name: t.name.clone(),
            max_days: t.max_days as usize,
            day_rate: t.day_rate,
            unavailable: date_set(&t.unavailable, (inst.calendar.start, inst.calendar.end)),
            person: participant_index.get(t.id.as_str()).map(|&p| ParticipantId(p)),
        })
        .collect();
    let mut trainer_of = vec![None; inst.participants.len()];
    for (r, t) in trainers.iter().enumerate() {
        if let Some(p) = t.person {
            trainer_of[p.index()] = Some(TrainerId(r));
        }
    }
    let (courses, areas) = courses(f, inst, &course_index);
    let terms = terms(f, inst.calendar.start, inst.calendar.end);
    let day_term = days.iter().map(|d| terms.iter().position(|t| t.start <= *d && *d <= t.end)).collect();
    let years = cadence_years(inst.calendar.start, inst.calendar.end);
    let day_year = days.iter().map(|d| years.iter().position(|y| *d <= y.end).unwrap_or(years.len().saturating_sub(1))).collect();
    let venues: Vec<Venue> = f
        .venues
        .iter()
        .map(|v| Venue {
            id: v.id.clone(),
            name: v.name.clone(),
            municipality: MunicipalityId(muni_index.get(v.municipality.as_str()).copied().unwrap_or(0)),
            capacity: v.capacity as usize,
            day_rate: v.day_rate,
            unavailable: date_set(&v.unavailable, (inst.calendar.start, inst.calendar.end)),
        })
        .collect();
    let completed: HashSet<(ParticipantId, CourseId)> = f
        .course_history
        .iter()
        .filter_map(|r| {
            Some((ParticipantId(*participant_index.get(r.participant.as_str())?), CourseId(*course_index.get(r.course.as_str())?)))
        })
        .collect();
    let (demands, role_excluded) = demands(f, inst, &courses, &days, &completed);
    let mut demands_of = vec![Vec::new(); inst.participants.len()];
    for (i, d) in demands.iter().enumerate() {
        demands_of[d.participant.index()].push(DemandId(i));
    }

    let starts = courses.iter().map(|c| session_starts(&days, &day_index, c)).collect();
    let free = |unavailable: &BTreeSet<NaiveDate>| days.iter().map(|d| !unavailable.contains(d)).collect::<Vec<bool>>();
    let wl = &f.workload;
    let per_term = |n: Option<u32>| n.map_or(usize::MAX, |n| n as usize);
    TimetableModel {
        day_month,
        months,
        terms,
        day_term,
        years,
        day_year,
        areas,
        trainer_free: trainers.iter().map(|t| free(&t.unavailable)).collect(),
        venue_free: venues.iter().map(|v| free(&v.unavailable)).collect(),
        participant_free: inst.participants.iter().map(|p| free(&p.unavailable)).collect(),
        trainer_of,
        courses,
        trainers,
        venues,
        demands,
        demands_of,
        completed,
        role_excluded,
        workload: Workload {
            max_days_per_month: wl.max_course_days_per_month as usize,
            max_days_per_round: wl.max_course_days_per_round as usize,
            max_courses: wl.max_courses_per_round.map_or(usize::MAX, |n| n as usize),
            max_courses_per_term: per_term(wl.max_courses_per_term),
            max_days_per_term: per_term(wl.max_course_days_per_term),
            max_areas_per_term: per_term(wl.max_areas_per_term),
            unit_cap: inst.units.iter().map(|u| unit_absence_cap(u.headcount, wl.unit_absence_share)).collect(),
        },
        weights: (&f.weights.timetable).into(),
        starts,
        days,
    }
}

/// The courses with prerequisites, phases and qualified trainers as indices, and the
/// development areas (named ones in course order, then one per course without an area).
fn courses(f: &InstanceFile, inst: &Instance, course_index: &HashMap<&str, usize>) -> (Vec<Course>, Vec<String>) {
    let mut areas: Vec<String> = Vec::new();
    for a in f.courses.iter().filter_map(|c| c.area.as_ref()) {
        if !areas.contains(a) {
            areas.push(a.clone());
        }
    }
    let mut own_area = areas.len();
    let courses = f
        .courses
        .iter()
        .map(|c| Course {
            id: c.id.clone(),
            name: c.name.clone(),
            days: c.days as usize,
            pattern: c.pattern.into(),
            min_size: c.min_size as usize,
            max_size: c.max_size as usize,
            trainers_per_session: c.trainers_per_session as usize,
            prerequisites: c.prerequisites.iter().filter_map(|p| course_index.get(p.as_str()).copied().map(CourseId)).collect(),
            deadline_months: c.deadline_months,
            max_sessions: c.max_sessions.map(|m| m as usize),
            fixed_cost: c.fixed_cost,
            day_cost: c.day_cost,
            min_gap_days: c.min_gap_days,
            phases: c.phases.iter().filter_map(|ph| inst.phases.iter().position(|x| &x.id == ph).map(PhaseId)).collect(),
            roles: c.roles.iter().map(|&r| r.into()).collect(),
            subregions: c.subregions.clone(),
            qualified: f
                .trainers
                .iter()
                .enumerate()
                .filter(|(_, t)| t.courses.iter().any(|x| x == &c.id))
                .map(|(i, _)| TrainerId(i))
                .collect(),
            cadence: Cadence {
                min_per_year: c.min_starts_per_year.map(|n| n as usize),
                max_per_year: c.max_starts_per_year.map(|n| n as usize),
                min_gap_days: c.min_days_between_starts.map(i64::from),
                max_gap_days: c.max_days_between_starts.map(i64::from),
            },
            area: match &c.area {
                Some(a) => areas.iter().position(|x| x == a).unwrap_or(0),
                None => {
                    own_area += 1;
                    own_area - 1
                }
            },
        })
        .collect();
    areas.extend(f.courses.iter().filter(|c| c.area.is_none()).map(|c| c.id.clone()));
    (courses, areas)
}

/// The terms of the round: the file's explicit terms, else the calendar half-years VT
/// (January–June) and HT (July–December) the round touches.
fn terms(f: &InstanceFile, start: NaiveDate, end: NaiveDate) -> Vec<Term> {
    if !f.terms.is_empty() {
        return f.terms.iter().map(|t| Term { name: t.name.clone(), start: t.start, end: t.end }).collect();
    }
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(start);
    (start.year()..=end.year())
        .flat_map(|y| {
            [
                Term { name: format!("VT {y}"), start: date(y, 1, 1), end: date(y, 6, 30) },
                Term { name: format!("HT {y}"), start: date(y, 7, 1), end: date(y, 12, 31) },
            ]
        })
        .filter(|t| t.end >= start && t.start <= end)
        .collect()
}

/// The cadence years of a round: 12-month windows from its start, the last cut at its end,
/// each with the share of a full window it covers.
pub fn cadence_years(start: NaiveDate, end: NaiveDate) -> Vec<CadenceYear> {
    let mut years = Vec::new();
    let mut from = start;
    let mut k = 1;
    while from <= end {
        let next = start.checked_add_months(Months::new(12 * k)).unwrap_or(NaiveDate::MAX);
        let to = (next - Duration::days(1)).min(end);
        let share = ((to - from).num_days() + 1) as f64 / (next - from).num_days().max(1) as f64;
        years.push(CadenceYear { start: from, end: to, share });
        from = next;
        k += 1;
    }
    years
}

/// The demands: individual plans first (file order), then the phase defaults (participant
/// order) that the plan or the course history do not rule out. A phase default whose deadline
/// passed before the round is a demand without a window (listed unserved with the reason), so
/// nobody in a course's scope is silently dropped. Also the phase defaults the participant's
/// role rules out (the course is for other roles): those are not demands.
fn demands(
    f: &InstanceFile,
    inst: &Instance,
    courses: &[Course],
    days: &[NaiveDate],
    completed: &HashSet<(ParticipantId, CourseId)>,
) -> (Vec<Demand>, Vec<(ParticipantId, CourseId)>) {
    let course_index = index_by_id(&f.courses, |c| &c.id);
    let participant_index = index_by_id(&inst.participants, |p| &p.id);
    let window = |p: usize, c: usize| -> Option<(usize, usize)> {
        let part = &inst.participants[p];
        let earliest = part.employment_start.max(inst.calendar.start);
        let latest = match courses[c].deadline_months {
            Some(m) => deadline_date(part.employment_start, m).min(inst.calendar.end),
            None => inst.calendar.end,
        };
        let lo = days.partition_point(|d| *d < earliest);
        let hi = days.partition_point(|d| *d <= latest);
        (lo < hi).then(|| (lo, hi - 1))
    };
    let w = &inst.weights.timetable;
    let round_len = (inst.calendar.end - inst.calendar.start).num_days().max(1) as f64;
    // Unserved penalty: by priority, plus the deadline urgency (earlier deadlines first).
    let penalty = |p: usize, c: usize, priority: Priority| -> f64 {
        let urgency = courses[c].deadline_months.map_or(0.0, |mo| {
            let deadline = deadline_date(inst.participants[p].employment_start, mo);
            ((inst.calendar.end - deadline).num_days() as f64 / round_len).clamp(0.0, 1.0)
        });
        w.unserved(priority) + w.deadline_urgency * urgency
    };
    // The course's phases must admit the participant on every day of the session: people move
    // up the staircase during the round, so the window ends (or starts) where the phase changes.
    // A phase default applies from the day the participant reaches that phase (`from_phase`).
    let admitted = |p: usize, c: usize, from_phase: Option<PhaseId>, day: NaiveDate| {
        let phase = inst.participants[p].phase_on(&inst.phases, day);
        from_phase.is_none_or(|f| phase >= f) && (courses[c].phases.is_empty() || courses[c].phases.contains(&phase))
    };
    let demand = |p: usize, c: usize, priority: Priority, origin: DemandOrigin, from_phase: Option<PhaseId>| {
        let (eligible, window) = match window(p, c) {
            Some((lo, hi)) => {
                let run = admitted_run(lo, hi, |i| admitted(p, c, from_phase, days[i]));
                (run.is_some(), run)
            }
            // No working day left for the participant: eligible when the phases admit them on
            // some working day of the round (the reason is then the dates, not the phase).
            None => (days.iter().any(|&d| admitted(p, c, from_phase, d)), None),
        };
        Demand { participant: ParticipantId(p), course: CourseId(c), priority, penalty: penalty(p, c, priority), window, origin, eligible }
    };
    let mut demands = Vec::new();
    let mut role_excluded = Vec::new();
    let mut explicit = HashSet::new();
    for d in &f.demand {
        let (Some(&p), Some(&c)) = (participant_index.get(d.participant.as_str()), course_index.get(d.course.as_str())) else {
            continue;
        };
        explicit.insert((p, c));
        demands.push(demand(p, c, d.priority.into(), DemandOrigin::IndividualPlan, None));
    }
    for (p, part) in inst.participants.iter().enumerate() {
        for pd in &f.phase_demand {
            let Some(&c) = course_index.get(pd.course.as_str()) else {
                continue;
            };
            // Every phase the participant holds during the round brings its default courses.
            let held = part.phases_between(&inst.phases, inst.calendar.start, inst.calendar.end);
            let Some(phase) = held.into_iter().find(|&ph| inst.phases[ph].id == pd.phase) else {
                continue;
            };
            if explicit.contains(&(p, c)) || completed.contains(&(ParticipantId(p), CourseId(c))) {
                continue;
            }
            // A course held for other sub-regions is not this participant's to take.
            if !courses[c].admits_subregion(inst.municipalities[part.municipality.index()].subregion.as_deref()) {
                continue;
            }
            if !courses[c].admits_role(part.role) {
                if !role_excluded.contains(&(ParticipantId(p), CourseId(c))) {
                    role_excluded.push((ParticipantId(p), CourseId(c)));
                }
                continue;
            }
            demands.push(demand(p, c, pd.priority.into(), DemandOrigin::Phase, Some(phase)));
        }
    }
    (demands, role_excluded)
}

/// The first run of consecutive working days `lo..=hi` on which `admitted` holds, if any.
fn admitted_run(lo: usize, hi: usize, admitted: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let first = (lo..=hi).find(|&i| admitted(i))?;
    let last = (first..=hi).take_while(|&i| admitted(i)).last().unwrap_or(first);
    Some((first, last))
}

/// Every layout of a course's days in the round, as working-day indices.
fn session_starts(days: &[NaiveDate], day_index: &HashMap<NaiveDate, usize>, c: &Course) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    if c.days == 0 {
        return out;
    }
    for first in 0..days.len() {
        let seq = match c.pattern {
            DayPattern::Consecutive => consecutive_days(days, first, c.days),
            DayPattern::Weekly => weekly_days(days, day_index, first, c.days),
            DayPattern::Spread => spread_days(days, first, c.days, c.min_gap_days as i64),
        };
        if let Some(seq) = seq {
            out.push(seq);
        }
    }
    out
}

/// `n` consecutive working days from `first`, none further than
/// [`MAX_CONSECUTIVE_GAP_DAYS`] from the previous one (so a closure is never spanned).
fn consecutive_days(days: &[NaiveDate], first: usize, n: usize) -> Option<Vec<usize>> {
    if first + n > days.len() {
        return None;
    }
    let seq: Vec<usize> = (first..first + n).collect();
    seq.windows(2).all(|w| (days[w[1]] - days[w[0]]).num_days() <= MAX_CONSECUTIVE_GAP_DAYS).then_some(seq)
}

/// `n` days from `first`, each the first working day at least `gap` calendar days after the
/// previous one.
fn spread_days(days: &[NaiveDate], first: usize, n: usize, gap: i64) -> Option<Vec<usize>> {
    let mut seq = vec![first];
    while seq.len() < n {
        let last = days[*seq.last()?];
        let next = days.partition_point(|d| (*d - last).num_days() < gap.max(1));
        if next >= days.len() {
            return None;
        }
        seq.push(next);
    }
    Some(seq)
}

/// `n` days on the weekday of `first`, one a week; a closed week is skipped, two are not.
fn weekly_days(days: &[NaiveDate], day_index: &HashMap<NaiveDate, usize>, first: usize, n: usize) -> Option<Vec<usize>> {
    let mut seq = vec![first];
    let mut current = days[first];
    while seq.len() < n {
        let next = [7, 14].iter().find_map(|&k| day_index.get(&(current + Duration::days(k))).copied())?;
        current = days[next];
        seq.push(next);
    }
    Some(seq)
}
