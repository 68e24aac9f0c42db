//! Calendars: every person's mentor meetings, group meetings and course days as events with
//! time, place and the names of the people taking part, and one `.ics` file per person, which
//! also holds the weeks of the introductions the person takes part in (as new hire or
//! introduktör) as whole-day notes.
//!
//! Times are Swedish local time (`Europe/Stockholm`, with its `VTIMEZONE` in each file): the
//! instance's `round.meeting_times` and each course's `start_time`/`end_time`, by default
//! mentor meetings 13:00–15:00, group meetings 13:00–16:00 and course days 09:00–16:00. The
//! place is the venue (with its address) for course days and the municipality (with its
//! `meeting_venue`) for meetings.
//!
//! Calendars update across re-plans (RFC 5545): an event's UID is derived from the round, the
//! series (pair, group or course session) and the meeting's number in it, so the n-th meeting
//! of a series keeps its UID when it moves; its `SEQUENCE` counts the times its date, time or
//! place changed; an event a person no longer has is written into that person's file as
//! `STATUS:CANCELLED` with a higher `SEQUENCE`. `DTSTAMP` is the plan's creation time. The
//! plan's [`CalendarRecord`] carries what the next re-plan needs: the times and places as
//! sent, the sequences and the cancellations.

use super::ics::Ics;
use crate::format::plan::{CalendarRecord, CancelledEvent, PlanFile, SeriesRecord};
use crate::format::{ClockTime, CourseSpec, InstanceFile};
use crate::model::Instance;
use crate::text::tr;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The time zone of every time in the calendars.
pub const TIME_ZONE: &str = "Europe/Stockholm";

/// What kind of programme activity a calendar entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    /// A mentor–mentee meeting.
    MentorMeeting,
    /// A meeting of a supervision group, reflection group or research circle.
    GroupMeeting,
    /// A day of a course session.
    CourseDay,
    /// A week of a new hire's introduction (a whole-day note over the working week).
    Introduction,
}

/// One activity in a person's programme calendar: when, what, where and with whom. The `.ics`
/// files and the HTML report's per-person calendar are both built from these entries.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    /// The day.
    pub date: NaiveDate,
    /// Start, local time (`Europe/Stockholm`).
    pub start: NaiveDateTime,
    /// End, local time.
    pub end: NaiveDateTime,
    /// The kind of activity.
    pub kind: EntryKind,
    /// The event's UID: the round, the series and the meeting's number in it.
    pub uid: String,
    /// The series: `["pair", mentor, mentee]`, `["group", programme, group]` or
    /// `["session", session]`.
    pub series: Vec<String>,
    /// Short title, e.g. "Mentorsträff 3/10 med adept Anna Berg".
    pub summary: String,
    /// Longer description naming the people by name.
    pub description: String,
    /// Where, in words (the municipality's meeting venue or name; the venue, its address and
    /// municipality).
    pub location: String,
    /// Municipality id of the place (the meeting place, or the venue's municipality).
    pub municipality: String,
    /// The pair (`mentor–mentee`), group or session id the entry belongs to.
    pub reference: String,
    /// The person's role in the activity: `mentor`, `adept`, `ledare`, `deltagare`, `utbildare`.
    pub role: &'static str,
    /// Ids of the other people taking part (partner; leader and members; trainers and attendees).
    pub with: Vec<String>,
}

impl CalendarEntry {
    /// The time of day, e.g. `13:00–15:00`.
    pub fn hours(&self) -> String {
        format!("{}–{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
    }
}

/// Display names of everyone who can appear in a calendar: participants, mentors, group
/// leaders and trainers, by id.
pub fn person_names(inst: &Instance) -> BTreeMap<&str, &str> {
    inst.participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(inst.mentors.iter().map(|m| (m.id.as_str(), m.name.as_str())))
        .chain(inst.group_leaders.iter().map(|l| (l.id.as_str(), l.name.as_str())))
        .chain(inst.timetable.trainers.iter().map(|t| (t.id.as_str(), t.name.as_str())))
        .chain(inst.introduction.introducers.iter().map(|x| (x.id.as_str(), x.name.as_str())))
        .collect()
}

/// Names, places and times by id, for writing entries.
struct Lookup<'a> {
    file: &'a InstanceFile,
    /// The plan's round name (UIDs are derived from it).
    round: &'a str,
    names: BTreeMap<&'a str, &'a str>,
    /// Municipality id → (name, meeting venue).
    municipality: HashMap<&'a str, (&'a str, Option<&'a str>)>,
    course: HashMap<&'a str, &'a CourseSpec>,
    programme: HashMap<&'a str, &'a str>,
}

impl<'a> Lookup<'a> {
    fn new(plan: &'a PlanFile, file: &'a InstanceFile, inst: &'a Instance) -> Self {
        Lookup {
            file,
            round: &plan.instance.round,
            names: person_names(inst),
            municipality: file
                .region
                .municipalities
                .iter()
                .map(|m| (m.id.as_str(), (m.name.as_str(), m.meeting_venue.as_deref())))
                .collect(),
            course: file.courses.iter().map(|c| (c.id.as_str(), c)).collect(),
            programme: file.group_programmes.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect(),
        }
    }

    fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.names.get(id).copied().unwrap_or(id)
    }

    fn names(&self, ids: &[String]) -> String {
        ids.iter().map(|i| self.name(i)).collect::<Vec<_>>().join(", ")
    }

    fn muni_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.municipality.get(id).map(|m| m.0).unwrap_or(id)
    }

    /// Where meetings in a municipality take place: its meeting venue, and its name.
    fn meeting_place(&self, muni: &str) -> String {
        place(self.municipality.get(muni).and_then(|m| m.1).into_iter(), self.muni_name(muni))
    }

    /// A course venue: its name, address and municipality, and the municipality's id.
    fn venue(&self, id: &str) -> (String, String) {
        match self.file.venues.iter().find(|v| v.id == id) {
            Some(v) => {
                (place([v.name.as_str()].into_iter().chain(v.address.as_deref()), self.muni_name(&v.municipality)), v.municipality.clone())
            }
            None => (id.to_string(), String::new()),
        }
    }

    fn course_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.course.get(id).map(|c| c.name.as_str()).unwrap_or(id)
    }

    /// The first fields of an entry of a series' `n`-th meeting (0-based) on `date`.
    fn entry(&self, kind: EntryKind, series: &[String], n: usize, date: NaiveDate, (start, end): (ClockTime, ClockTime)) -> CalendarEntry {
        CalendarEntry {
            date,
            start: date.and_time(start.time()),
            end: date.and_time(end.time()),
            kind,
            uid: uid(self.round, series, n + 1),
            series: series.to_vec(),
            summary: String::new(),
            description: String::new(),
            location: String::new(),
            municipality: String::new(),
            reference: String::new(),
            role: "",
            with: vec![],
        }
    }
}

/// A place in words: the given parts, then the municipality unless the last part ends with it.
fn place<'p>(parts: impl Iterator<Item = &'p str>, municipality: &str) -> String {
    let mut words: Vec<&str> = parts.map(str::trim).filter(|p| !p.is_empty()).collect();
    if !words.last().is_some_and(|w| w.ends_with(municipality)) {
        words.push(municipality);
    }
    words.join(", ")
}

/// The UID of a series' `n`-th meeting (1-based): the same on every run and re-plan.
fn uid(round: &str, series: &[String], n: usize) -> String {
    let mut key = String::from(round);
    for part in series {
        key.push('\u{1f}');
        key.push_str(part);
    }
    key.push('\u{1f}');
    key.push_str(&n.to_string());
    let h = crate::load::sha256_hex(key.as_bytes());
    format!("{}@trappa", &h[..32])
}

type Entries = BTreeMap<String, Vec<CalendarEntry>>;

fn mentor_entries(look: &Lookup, plan: &PlanFile, out: &mut Entries) {
    let times = look.file.round.meeting_times.mentor();
    for p in &plan.mentorship.pairs {
        let series = ["pair".to_string(), p.mentor.clone(), p.mentee.clone()];
        let (mentor, mentee) = (look.name(&p.mentor), look.name(&p.mentee));
        let location = look.meeting_place(&p.meeting_place);
        let n = p.meetings.len();
        for (k, d) in p.meetings.iter().enumerate() {
            let base = CalendarEntry {
                description: tr!(
                    "calendar-mentor-description",
                    round = look.file.round.name.as_str(),
                    k = k + 1,
                    n = n,
                    mentor = mentor,
                    mentee = mentee
                ),
                location: location.clone(),
                municipality: p.meeting_place.clone(),
                reference: format!("{}–{}", p.mentor, p.mentee),
                ..look.entry(EntryKind::MentorMeeting, &series, k, *d, times)
            };
            for (me, other, with_mentee, my_role) in [(&p.mentor, &p.mentee, true, "mentor"), (&p.mentee, &p.mentor, false, "adept")] {
                let summary = if with_mentee {
                    tr!("calendar-mentor-summary-mentee", k = k + 1, n = n, name = look.name(other))
                } else {
                    tr!("calendar-mentor-summary-mentor", k = k + 1, n = n, name = look.name(other))
                };
                out.entry(me.clone()).or_default().push(CalendarEntry {
                    summary,
                    role: my_role,
                    with: vec![other.clone()],
                    ..base.clone()
                });
            }
        }
    }
}

fn group_entries(look: &Lookup, plan: &PlanFile, out: &mut Entries) {
    let times = look.file.round.meeting_times.group();
    for prog in &plan.groups {
        let prog_name = look.programme.get(prog.programme.as_str()).copied().unwrap_or(&prog.programme);
        for group in &prog.groups {
            let series = ["group".to_string(), prog.programme.clone(), group.id.clone()];
            let n = group.meetings.len();
            let leaders: Vec<String> = group.leader.iter().chain(&group.co_leaders).cloned().collect();
            let leader = if leaders.is_empty() { tr!("calendar-no-leader") } else { look.names(&leaders) };
            let members = look.names(&group.members);
            let location = look.meeting_place(&group.meeting_place);
            let people: Vec<(&String, &'static str)> =
                group.members.iter().map(|m| (m, "deltagare")).chain(leaders.iter().map(|l| (l, "ledare"))).collect();
            for (k, d) in group.meetings.iter().enumerate() {
                let base = CalendarEntry {
                    summary: tr!("calendar-group-summary", programme = prog_name, k = k + 1, n = n, group = group.id.as_str()),
                    description: tr!(
                        "calendar-group-description",
                        round = look.file.round.name.as_str(),
                        programme = prog_name,
                        group = group.id.as_str(),
                        k = k + 1,
                        n = n,
                        leader = leader.as_str(),
                        members = members.as_str()
                    ),
                    location: location.clone(),
                    municipality: group.meeting_place.clone(),
                    reference: group.id.clone(),
                    ..look.entry(EntryKind::GroupMeeting, &series, k, *d, times)
                };
                for (who, role) in &people {
                    out.entry((*who).clone()).or_default().push(CalendarEntry {
                        role,
                        with: leaders.iter().chain(group.members.iter()).filter(|x| x != who).cloned().collect(),
                        ..base.clone()
                    });
                }
            }
        }
    }
}

fn course_entries(look: &Lookup, plan: &PlanFile, out: &mut Entries) {
    let Some(tt) = &plan.timetable else { return };
    for s in &tt.sessions {
        let series = ["session".to_string(), s.id.clone()];
        let times = look.file.round.meeting_times.course(look.course.get(s.course.as_str()).copied());
        let course = look.course_name(&s.course);
        let (location, municipality) = look.venue(&s.venue);
        let trainers = look.names(&s.trainers);
        let n = s.dates.len();
        for (k, d) in s.dates.iter().enumerate() {
            let base = CalendarEntry {
                summary: tr!("calendar-course-summary", course = course, k = k + 1, n = n),
                description: tr!(
                    "calendar-course-description",
                    round = look.file.round.name.as_str(),
                    course = course,
                    k = k + 1,
                    n = n,
                    session = s.id.as_str(),
                    trainers = if trainers.is_empty() { tr!("calendar-no-trainer") } else { trainers.clone() },
                    attendees = s.attendees.len()
                ),
                location: location.clone(),
                municipality: municipality.clone(),
                reference: s.id.clone(),
                ..look.entry(EntryKind::CourseDay, &series, k, *d, times)
            };
            for (me, role) in s.attendees.iter().map(|a| (a, "deltagare")).chain(s.trainers.iter().map(|t| (t, "utbildare"))) {
                out.entry(me.clone()).or_default().push(CalendarEntry {
                    role,
                    with: s.trainers.iter().chain(s.attendees.iter()).filter(|x| *x != me).cloned().collect(),
                    ..base.clone()
                });
            }
        }
    }
}

/// The weeks of a new hire's introduction: one whole-day note per working week (Monday to
/// Friday, clipped to the year of employment inside the round) of each year, numbered through
/// all years, in the hire's and the introduktör's calendars.
fn introduction_entries(look: &Lookup, plan: &PlanFile, out: &mut Entries) {
    let Some(intro) = &plan.introduction else { return };
    let Some(midnight) = ClockTime::new(0, 0) else { return };
    for a in &intro.assignments {
        let series = ["introduction".to_string(), a.introducer.clone(), a.hire.clone()];
        let (hire, introducer) = (look.name(&a.hire), look.name(&a.introducer));
        let mut k = 0;
        for period in &a.periods {
            let mut monday = period.from - chrono::Duration::days(period.from.weekday().num_days_from_monday().into());
            while monday <= period.to {
                let (first, last) = (monday.max(period.from), (monday + chrono::Duration::days(4)).min(period.to));
                monday += chrono::Duration::days(7);
                if first > last {
                    continue;
                }
                let h = period.hours_per_week;
                let base = CalendarEntry {
                    start: first.and_time(chrono::NaiveTime::MIN),
                    end: (last + chrono::Duration::days(1)).and_time(chrono::NaiveTime::MIN),
                    description: tr!(
                        "calendar-introduction-description",
                        round = look.file.round.name.as_str(),
                        hire = hire,
                        introducer = introducer,
                        year = period.year,
                        hours = h
                    ),
                    reference: format!("{}–{}", a.introducer, a.hire),
                    ..look.entry(EntryKind::Introduction, &series, k, first, (midnight, midnight))
                };
                k += 1;
                for (me, other, role, summary) in [
                    (&a.hire, &a.introducer, "nyanställd", tr!("calendar-introduction-summary-hire", name = introducer, hours = h)),
                    (&a.introducer, &a.hire, "introduktör", tr!("calendar-introduction-summary-introducer", name = hire, hours = h)),
                ] {
                    out.entry(me.clone()).or_default().push(CalendarEntry { summary, role, with: vec![other.clone()], ..base.clone() });
                }
            }
        }
    }
}

/// Everything in a person's `.ics` file: their programme ([`person_entries`]) and the weeks of
/// the introductions they take part in, as new hire or introduktör.
fn calendar_entries(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> Entries {
    let mut entries = person_entries(plan, file, inst);
    introduction_entries(&Lookup::new(plan, file, inst), plan, &mut entries);
    for list in entries.values_mut() {
        list.sort_by_key(|e| (e.start, e.kind));
    }
    entries
}

/// Every person's programme (mentor meetings, group meetings, course days), keyed by person id,
/// each list in order of time (and of kind: mentor meeting, group meeting, course day).
pub fn person_entries(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> BTreeMap<String, Vec<CalendarEntry>> {
    let look = Lookup::new(plan, file, inst);
    let mut entries = Entries::new();
    mentor_entries(&look, plan, &mut entries);
    group_entries(&look, plan, &mut entries);
    course_entries(&look, plan, &mut entries);
    for list in entries.values_mut() {
        list.sort_by_key(|e| (e.start, e.kind));
    }
    entries
}

/// A plan's entries as its calendars were written: with the times and places its record kept
/// (the instance may have changed them since), else as the instance has them.
fn entries_as_sent(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> Entries {
    let mut entries = calendar_entries(plan, file, inst);
    let Some(rec) = &plan.calendar else { return entries };
    let sent: HashMap<&[String], &SeriesRecord> = rec.series.iter().map(|s| (s.series.as_slice(), s)).collect();
    for e in entries.values_mut().flatten() {
        if let Some(s) = sent.get(e.series.as_slice()) {
            e.start = e.date.and_time(s.start.time());
            e.end = e.date.and_time(s.end.time());
            e.location.clone_from(&s.location);
        }
    }
    entries
}

fn clock(t: NaiveDateTime) -> ClockTime {
    ClockTime::new(t.hour(), t.minute()).expect("a time of day")
}

/// The calendar record of a plan: its series' times and places, and, for a re-plan, the
/// sequences and cancellations against the previous plan (whose record, if it has one, is
/// carried on). An event's sequence rises by one when its date, time or place differs from
/// what the previous plan sent, and above its cancellation when a person gets it back. An
/// event a person had from the re-plan's date on and no longer has is cancelled for that
/// person; earlier ones took place and are left alone.
pub fn record(plan: &PlanFile, previous: Option<&PlanFile>, file: &InstanceFile, inst: &Instance) -> CalendarRecord {
    let now = calendar_entries(plan, file, inst);
    let mut series: BTreeMap<&[String], SeriesRecord> = BTreeMap::new();
    // Introduction weeks are whole days wherever the instance's times are: nothing to keep.
    for e in now.values().flatten().filter(|e| e.kind != EntryKind::Introduction) {
        series.entry(e.series.as_slice()).or_insert_with(|| SeriesRecord {
            series: e.series.clone(),
            start: clock(e.start),
            end: clock(e.end),
            location: e.location.clone(),
        });
    }
    let mut rec = CalendarRecord { time_zone: TIME_ZONE.into(), series: series.into_values().collect(), ..Default::default() };
    let Some(prev) = previous else { return rec };
    let before = entries_as_sent(prev, file, inst);
    let old = prev.calendar.clone().unwrap_or_default();
    let old_sequence = |uid: &str| old.sequences.get(uid).copied().unwrap_or(0);
    let sent: HashMap<&str, &CalendarEntry> = before.values().flatten().map(|e| (e.uid.as_str(), e)).collect();
    let mut sequences: BTreeMap<String, u32> = BTreeMap::new();
    for e in now.values().flatten() {
        sequences.entry(e.uid.clone()).or_insert_with(|| {
            let moved = sent.get(e.uid.as_str()).is_some_and(|b| (b.start, b.end, &b.location) != (e.start, e.end, &e.location));
            old_sequence(&e.uid) + u32::from(moved)
        });
    }
    let mut cancelled: BTreeMap<(String, String), CancelledEvent> =
        old.cancelled.into_iter().map(|c| ((c.person.clone(), c.uid.clone()), c)).collect();
    let mut has: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (person, list) in &now {
        for e in list {
            has.insert((person, &e.uid));
            // Someone gets back an event cancelled for them: it must outrank the cancellation.
            if let Some(c) = cancelled.remove(&(person.clone(), e.uid.clone())) {
                let s = sequences.entry(e.uid.clone()).or_default();
                *s = (*s).max(c.sequence + 1);
            }
        }
    }
    let today = plan.replan.as_ref().map(|r| r.today);
    for (person, list) in &before {
        for b in list.iter().filter(|b| !has.contains(&(person.as_str(), b.uid.as_str())) && today.is_none_or(|t| b.date >= t)) {
            cancelled.insert(
                (person.clone(), b.uid.clone()),
                CancelledEvent {
                    uid: b.uid.clone(),
                    person: person.clone(),
                    sequence: old_sequence(&b.uid) + 1,
                    start: b.start,
                    end: b.end,
                    summary: b.summary.clone(),
                    location: b.location.clone(),
                    all_day: b.kind == EntryKind::Introduction,
                },
            );
        }
    }
    rec.sequences = sequences.into_iter().filter(|(_, s)| *s > 0).collect();
    rec.cancelled = cancelled.into_values().collect();
    rec.cancelled.sort_by(|a, b| (&a.person, a.start, &a.uid).cmp(&(&b.person, b.start, &b.uid)));
    rec
}

/// One iCalendar file per person with an event (or a cancelled one), keyed by person id.
pub fn person_calendars(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> BTreeMap<String, String> {
    let names = person_names(inst);
    let entries = calendar_entries(plan, file, inst);
    let rec = plan.calendar.as_ref();
    let sequence = |uid: &str| rec.and_then(|r| r.sequences.get(uid)).copied().unwrap_or(0);
    let mut cancelled: BTreeMap<&str, Vec<&CancelledEvent>> = BTreeMap::new();
    for c in rec.map(|r| r.cancelled.as_slice()).unwrap_or_default() {
        cancelled.entry(c.person.as_str()).or_default().push(c);
    }
    // DTSTAMP: when the plan was made. Plans from before that was recorded take the round's
    // start, as their calendars did.
    let stamp = plan.run.created.unwrap_or_else(|| file.round.start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    let people: Vec<&str> =
        entries.keys().map(String::as_str).chain(cancelled.keys().copied()).collect::<BTreeSet<_>>().into_iter().collect();
    // One calendar per person, written in parallel (a national round has thousands), in the
    // language of the calling thread.
    let lang = crate::text::lang();
    people
        .into_par_iter()
        .map(|id| {
            crate::text::in_lang(lang, || {
                let live = entries.get(id).map(Vec::as_slice).unwrap_or_default();
                let gone = cancelled.get(id).map(Vec::as_slice).unwrap_or_default();
                let size = 600 + live.iter().map(|e| 400 + e.summary.len() + e.description.len() + e.location.len()).sum::<usize>();
                let mut ics = Ics::with_capacity(size + gone.len() * 400);
                ics.raw("BEGIN", "VCALENDAR");
                ics.raw("VERSION", "2.0");
                ics.raw("PRODID", "-//trappa//trappa//SV");
                ics.raw("CALSCALE", "GREGORIAN");
                let title = format!("{} – {}", file.round.name, names.get(id).copied().unwrap_or(id));
                ics.text("NAME", &title);
                ics.text("X-WR-CALNAME", &title);
                ics.raw("X-WR-TIMEZONE", TIME_ZONE);
                ics.stockholm_time_zone();
                for e in live {
                    event(
                        &mut ics,
                        stamp,
                        &e.uid,
                        sequence(&e.uid),
                        "CONFIRMED",
                        (e.start, e.end, e.kind == EntryKind::Introduction),
                        [&e.summary, &e.description, &e.location],
                    );
                }
                for c in gone {
                    let summary = tr!("calendar-cancelled-summary", summary = c.summary.as_str());
                    let description = tr!("calendar-cancelled-description", round = file.round.name.as_str());
                    event(
                        &mut ics,
                        stamp,
                        &c.uid,
                        c.sequence,
                        "CANCELLED",
                        (c.start, c.end, c.all_day),
                        [&summary, &description, &c.location],
                    );
                }
                ics.raw("END", "VCALENDAR");
                (id.to_string(), ics.finish())
            })
        })
        .collect()
}

/// Writes one `VEVENT`.
fn event(
    ics: &mut Ics,
    stamp: chrono::DateTime<chrono::Utc>,
    uid: &str,
    sequence: u32,
    status: &str,
    (start, end, all_day): (NaiveDateTime, NaiveDateTime, bool),
    [summary, description, location]: [&str; 3],
) {
    ics.raw("BEGIN", "VEVENT");
    ics.raw("UID", uid);
    ics.utc("DTSTAMP", stamp);
    ics.raw("SEQUENCE", &sequence.to_string());
    ics.raw("STATUS", status);
    if all_day {
        // A whole-day note: dates without time zone, the end the day after the last day.
        ics.raw("DTSTART;VALUE=DATE", &start.format("%Y%m%d").to_string());
        ics.raw("DTEND;VALUE=DATE", &end.format("%Y%m%d").to_string());
        ics.raw("TRANSP", "TRANSPARENT");
    } else {
        ics.local("DTSTART", TIME_ZONE, start);
        ics.local("DTEND", TIME_ZONE, end);
    }
    ics.text("SUMMARY", summary);
    ics.text("DESCRIPTION", description);
    ics.text("LOCATION", location);
    ics.raw("END", "VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_name_the_municipality_once() {
        assert_eq!(place(["Stadshuset", "Stationsgatan 12, Uppsala"].into_iter(), "Uppsala"), "Stadshuset, Stationsgatan 12, Uppsala");
        assert_eq!(place(["Uppsala kommunhus, sal 2"].into_iter(), "Uppsala"), "Uppsala kommunhus, sal 2, Uppsala");
        assert_eq!(place([" "].into_iter(), "Heby"), "Heby");
        assert_eq!(place(std::iter::empty(), "Heby"), "Heby");
    }

    #[test]
    fn uids_depend_on_round_series_and_number_only() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let a = uid("HT 2027", &s(&["pair", "m01", "p01"]), 3);
        assert_eq!(a, uid("HT 2027", &s(&["pair", "m01", "p01"]), 3));
        assert!(a.ends_with("@trappa") && a.len() == 32 + 7);
        assert_ne!(a, uid("HT 2027", &s(&["pair", "m01", "p01"]), 4));
        assert_ne!(a, uid("HT 2027", &s(&["pair", "m01p", "01"]), 3));
        assert_ne!(a, uid("VT 2028", &s(&["pair", "m01", "p01"]), 3));
    }
}
