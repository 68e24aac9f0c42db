//! Person-by-person differences between two plans of a round: who has to be told what.
//!
//! A person's part of a plan is the set of their dated entries: course days (course and
//! venue), mentor meetings (partner and place) and group meetings (group and place). Two plans
//! differ for a person when these sets differ; the session, group or pair an entry belongs to
//! is named by what the person sees (course and venue, partner, group), not by internal ids,
//! so renumbered sessions do not count as changes. A trainer swap changes the trainers' entries
//! only: the participants keep their dates and place.

use crate::format::plan::PlanFile;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// What a dated entry in a person's calendar is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Activity {
    /// A course day.
    Course {
        /// Course id.
        course: String,
    },
    /// A mentor meeting.
    MentorMeeting {
        /// The other person of the pair.
        with: String,
    },
    /// A group meeting.
    Group {
        /// Group id.
        group: String,
    },
}

/// One dated entry of a person's calendar.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Entry {
    /// The day.
    pub date: NaiveDate,
    /// What happens.
    #[serde(flatten)]
    pub activity: Activity,
    /// Where: venue id for course days, municipality id for meetings.
    pub place: String,
}

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.activity {
            Activity::Course { course } => write!(f, "{} course {} at {}", self.date, course, self.place),
            Activity::MentorMeeting { with } => write!(f, "{} mentor meeting with {} in {}", self.date, with, self.place),
            Activity::Group { group } => write!(f, "{} group {} in {}", self.date, group, self.place),
        }
    }
}

/// Everyone's entries in a plan, with the role each person has in it.
#[derive(Debug, Clone, Default)]
pub struct Calendars {
    /// Person id → entries.
    pub entries: BTreeMap<String, BTreeSet<Entry>>,
    /// Person id → role (`participant`, `mentor`, `trainer`, `leader`).
    pub roles: BTreeMap<String, &'static str>,
}

/// Collects every person's entries from a plan.
pub fn calendars(plan: &PlanFile) -> Calendars {
    let mut c = Calendars::default();
    let add = |c: &mut Calendars, who: &str, role: &'static str, e: Entry| {
        c.entries.entry(who.to_string()).or_default().insert(e);
        c.roles.entry(who.to_string()).or_insert(role);
    };
    if let Some(tt) = &plan.timetable {
        for s in &tt.sessions {
            for &date in &s.dates {
                let e = Entry { date, activity: Activity::Course { course: s.course.clone() }, place: s.venue.clone() };
                for t in &s.trainers {
                    add(&mut c, t, "trainer", e.clone());
                }
                for a in &s.attendees {
                    add(&mut c, a, "participant", e.clone());
                }
            }
        }
    }
    for g in plan.groups.iter().flat_map(|p| &p.groups) {
        for &date in &g.meetings {
            let e = Entry { date, activity: Activity::Group { group: g.id.clone() }, place: g.meeting_place.clone() };
            if let Some(l) = &g.leader {
                add(&mut c, l, "leader", e.clone());
            }
            for m in &g.members {
                add(&mut c, m, "participant", e.clone());
            }
        }
    }
    for p in &plan.mentorship.pairs {
        for &date in &p.meetings {
            let place = p.meeting_place.clone();
            add(
                &mut c,
                &p.mentor,
                "mentor",
                Entry { date, activity: Activity::MentorMeeting { with: p.mentee.clone() }, place: place.clone() },
            );
            add(&mut c, &p.mentee, "participant", Entry { date, activity: Activity::MentorMeeting { with: p.mentor.clone() }, place });
        }
    }
    c
}

/// The changes of one person between two plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonDiff {
    /// Person id.
    pub person: String,
    /// Role in the plans.
    pub role: String,
    /// Entries of the first plan that the second does not have.
    pub removed: Vec<Entry>,
    /// Entries of the second plan that the first does not have.
    pub added: Vec<Entry>,
}

impl PersonDiff {
    /// True when the person loses or changes a planned entry (not only gains new ones).
    pub fn disrupted(&self) -> bool {
        !self.removed.is_empty()
    }
}

/// Differences person by person, restricted to entries dated on or after `from` if given.
/// People without differences are left out; the order is by person id.
pub fn diff(a: &PlanFile, b: &PlanFile, from: Option<NaiveDate>) -> Vec<PersonDiff> {
    let (ca, cb) = (calendars(a), calendars(b));
    let empty = BTreeSet::new();
    let people: BTreeSet<&String> = ca.entries.keys().chain(cb.entries.keys()).collect();
    let keep = |e: &&Entry| from.is_none_or(|f| e.date >= f);
    people
        .into_iter()
        .filter_map(|p| {
            let ea = ca.entries.get(p).unwrap_or(&empty);
            let eb = cb.entries.get(p).unwrap_or(&empty);
            let removed: Vec<Entry> = ea.difference(eb).filter(keep).cloned().collect();
            let added: Vec<Entry> = eb.difference(ea).filter(keep).cloned().collect();
            if removed.is_empty() && added.is_empty() {
                return None;
            }
            let role = ca.roles.get(p).or_else(|| cb.roles.get(p)).copied().unwrap_or("participant");
            Some(PersonDiff { person: p.clone(), role: role.to_string(), removed, added })
        })
        .collect()
}

/// The differences as text for the coordinator: one block per person, each entry marked
/// `-` (no longer planned) or `+` (new), with a count at the end.
pub fn render_text(diffs: &[PersonDiff]) -> String {
    let mut s = String::new();
    for d in diffs {
        let _ = writeln!(s, "{} ({}): {} removed, {} added", d.person, d.role, d.removed.len(), d.added.len());
        // Interleave by date so a moved meeting reads as "- old / + new".
        let mut lines: Vec<(NaiveDate, u8, String)> = d.removed.iter().map(|e| (e.date, 0, format!("  - {e}"))).collect();
        lines.extend(d.added.iter().map(|e| (e.date, 1, format!("  + {e}"))));
        lines.sort();
        for (_, _, l) in lines {
            let _ = writeln!(s, "{l}");
        }
    }
    let changed = diffs.iter().filter(|d| d.disrupted()).count();
    let _ = writeln!(
        s,
        "{} person(s) affected: {changed} with changed or removed dates, {} with new dates only",
        diffs.len(),
        diffs.len() - changed
    );
    s
}
