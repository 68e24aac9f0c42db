//! Person-by-person differences between two plans of a round: who has to be told what.
//!
//! A person's part of a plan is the set of their dated entries: course days (course and
//! venue), mentor meetings (partner and place), group meetings (group and place) and the years of
//! a new hire's introduction (with whom, until when). Two plans
//! differ for a person when these sets differ; the session, group or pair an entry belongs to
//! is named by what the person sees (course and venue, partner, group), not by internal ids,
//! so renumbered sessions do not count as changes. A trainer swap changes the trainers' entries
//! only: the participants keep their dates and place.
//!
//! Every difference is one of three kinds, counted the same way by `replan`, `diff` and the
//! report ([`kind`]): *changed* (a planned entry removed or moved), *new dates* (only entries
//! added, e.g. a newcomer) and *departed* (the person is no longer in the round: their removed
//! dates need cancelling, not a new date).

use crate::format::plan::PlanFile;
use crate::format::InstanceFile;
use crate::text::tr;
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
    /// A new hire's introduction with an introduktör, dated on the last day of a year of
    /// employment inside the round (so that a running introduction counts from any date).
    Introduction {
        /// The other person: the introduktör of a hire, the hire of an introduktör.
        with: String,
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
            Activity::Introduction { with } => write!(f, "{} introduction with {}", self.date, with),
        }
    }
}

/// Everyone's entries in a plan, with the role each person has in it.
#[derive(Debug, Clone, Default)]
pub struct Calendars {
    /// Person id → entries.
    pub entries: BTreeMap<String, BTreeSet<Entry>>,
    /// Person id → role (`participant`, `mentor`, `trainer`, `leader`, `introducer`).
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
            for l in g.leader.iter().chain(&g.co_leaders) {
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
    for a in plan.introduction.iter().flat_map(|i| &i.assignments) {
        for period in &a.periods {
            let entry =
                |with: &str| Entry { date: period.to, activity: Activity::Introduction { with: with.to_string() }, place: String::new() };
            add(&mut c, &a.hire, "participant", entry(&a.introducer));
            add(&mut c, &a.introducer, "introducer", entry(&a.hire));
        }
    }
    c
}

/// The changes of one person between two plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonDiff {
    /// Person id.
    pub person: String,
    /// The person's name, when an instance names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What kind of change this is for the person.
    pub kind: Change,
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

/// The kind of a person's change, the same in `replan`, `diff` and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A planned entry was removed or moved: the person must be told.
    Changed,
    /// Only new entries (a newcomer, an extra mentee or session): nothing planned is lost.
    NewDates,
    /// The person is no longer in the round: their remaining dates are cancelled.
    Departed,
}

impl Change {
    /// The kind in the coordinator's words.
    pub fn text(self) -> String {
        match self {
            Change::Changed => tr!("change-changed"),
            Change::NewDates => tr!("change-new-dates"),
            Change::Departed => tr!("change-departed"),
        }
    }
}

/// The kind of a difference with `removed` and `added` entries, for a person who is (or is
/// not) in the later plan's round.
pub fn kind(removed: usize, in_round: bool) -> Change {
    if !in_round {
        Change::Departed
    } else if removed > 0 {
        Change::Changed
    } else {
        Change::NewDates
    }
}

/// The names a coordinator knows people, courses and places by, from the instances the plans
/// were made from (the later instance wins where both name an id). Ids without a name are
/// shown as they are.
#[derive(Debug, Clone, Default)]
pub struct Names {
    people: BTreeMap<String, String>,
    courses: BTreeMap<String, String>,
    places: BTreeMap<String, String>,
    /// The people of the later plan's round; `None` when its instance is not at hand (then
    /// nobody is taken for departed).
    in_round: Option<BTreeSet<String>>,
}

impl Names {
    /// Names from the earlier instance (if at hand) and the later one (if at hand); the later
    /// one also says who is still in the round.
    pub fn of(earlier: Option<&InstanceFile>, later: Option<&InstanceFile>) -> Names {
        let mut n = Names::default();
        for f in [earlier, later].into_iter().flatten() {
            n.add(f);
        }
        n.in_round = later.map(|f| people_of(f).map(|(id, _)| id.to_string()).collect());
        n
    }

    fn add(&mut self, f: &InstanceFile) {
        self.people.extend(people_of(f).map(|(id, name)| (id.to_string(), name.to_string())));
        self.courses.extend(f.courses.iter().map(|c| (c.id.clone(), c.name.clone())));
        self.places.extend(f.region.municipalities.iter().map(|m| (m.id.clone(), m.name.clone())));
        self.places.extend(f.venues.iter().map(|v| (v.id.clone(), v.name.clone())));
    }

    /// A person's name, or the id when no instance names them.
    pub fn person<'a>(&'a self, id: &'a str) -> &'a str {
        self.people.get(id).map(String::as_str).unwrap_or(id)
    }

    fn course<'a>(&'a self, id: &'a str) -> &'a str {
        self.courses.get(id).map(String::as_str).unwrap_or(id)
    }

    fn place<'a>(&'a self, id: &'a str) -> &'a str {
        self.places.get(id).map(String::as_str).unwrap_or(id)
    }

    fn in_round(&self, id: &str) -> bool {
        self.in_round.as_ref().is_none_or(|s| s.contains(id))
    }

    /// One entry in the coordinator's words, with names.
    pub fn describe(&self, e: &Entry) -> String {
        let place = self.place(&e.place);
        match &e.activity {
            Activity::Course { course } => tr!("diff-course", date = e.date.to_string(), course = self.course(course), place = place),
            Activity::MentorMeeting { with } => {
                tr!("diff-mentor-meeting", date = e.date.to_string(), person = self.person(with), place = place)
            }
            Activity::Group { group } => tr!("diff-group", date = e.date.to_string(), group = group.as_str(), place = place),
            Activity::Introduction { with } => tr!("diff-introduction", date = e.date.to_string(), person = self.person(with)),
        }
    }
}

/// Every person of a round with their name: participants, mentors, trainers, group leaders.
fn people_of(f: &InstanceFile) -> impl Iterator<Item = (&str, &str)> {
    f.participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(f.mentors.iter().map(|m| (m.id.as_str(), m.name.as_str())))
        .chain(f.trainers.iter().map(|t| (t.id.as_str(), t.name.as_str())))
        .chain(f.group_leaders.iter().map(|l| (l.id.as_str(), l.name.as_str())))
        .chain(f.introducers.iter().map(|x| (x.id.as_str(), x.name.as_str())))
}

/// A role in the coordinator's words.
pub fn role_text(role: &str) -> String {
    match role {
        "mentor" => tr!("role-mentor"),
        "trainer" => tr!("role-trainer"),
        "leader" => tr!("role-leader"),
        "introducer" => tr!("explain-role-introducer"),
        _ => tr!("role-participant"),
    }
}

/// Differences person by person, restricted to entries dated on or after `from` if given,
/// each with its kind and the person's name from `names`. People without differences are left
/// out; the order is by person id.
pub fn diff(a: &PlanFile, b: &PlanFile, from: Option<NaiveDate>, names: &Names) -> Vec<PersonDiff> {
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
            Some(PersonDiff {
                person: p.clone(),
                name: names.people.get(p.as_str()).cloned(),
                kind: kind(removed.len(), names.in_round(p)),
                role: role.to_string(),
                removed,
                added,
            })
        })
        .collect()
}

/// The number of people of each kind among `diffs`.
pub fn counts(diffs: &[PersonDiff]) -> BTreeMap<Change, usize> {
    let mut c = BTreeMap::new();
    for d in diffs {
        *c.entry(d.kind).or_insert(0) += 1;
    }
    c
}

/// The differences as text for the coordinator, in Swedish and by name: the people with
/// changed dates first, then those with new dates only, then those who left the round; each
/// entry marked `-` (no longer planned) or `+` (new), interleaved by date so a moved meeting
/// reads as `-`/`+`; the counts at the end, the same as `replan`'s.
pub fn render_text(diffs: &[PersonDiff], names: &Names, from: Option<NaiveDate>) -> String {
    let mut s = String::new();
    if let Some(f) = from {
        let _ = writeln!(s, "{}\n", tr!("diff-from", date = f.to_string()));
    }
    for kind in [Change::Changed, Change::NewDates, Change::Departed] {
        let of_kind: Vec<&PersonDiff> = diffs.iter().filter(|d| d.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{} ({}):", capitalised(&kind.text()), of_kind.len());
        for d in of_kind {
            let line = tr!(
                "diff-person",
                name = names.person(&d.person),
                role = role_text(&d.role),
                removed = d.removed.len(),
                added = d.added.len()
            );
            let _ = writeln!(s, "{line}");
            let mut lines: Vec<(NaiveDate, u8, String)> =
                d.removed.iter().map(|e| (e.date, 0, format!("  - {}", names.describe(e)))).collect();
            lines.extend(d.added.iter().map(|e| (e.date, 1, format!("  + {}", names.describe(e)))));
            lines.sort();
            for (_, _, l) in lines {
                let _ = writeln!(s, "{l}");
            }
        }
        s.push('\n');
    }
    let c = counts(diffs);
    let n = |k| c.get(&k).copied().unwrap_or(0);
    let line =
        tr!("diff-counts", n = diffs.len(), changed = n(Change::Changed), new_dates = n(Change::NewDates), departed = n(Change::Departed));
    let _ = writeln!(s, "{line}");
    s
}

fn capitalised(t: &str) -> String {
    let mut c = t.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
