//! Writing a plan directory: `plan.json`, `pairs.csv` and one `.ics` calendar per person.
//!
//! The directory is written atomically: everything goes into a fresh sibling directory that
//! replaces the old plan in one `renameat2(RENAME_EXCHANGE)` (or, where the filesystem lacks
//! it, two renames with the old plan kept until the new one is in place). A failed or
//! interrupted run leaves the previous plan untouched; a directory that is not a trappa plan is
//! never replaced. Files are not fsynced one by one: a national round writes thousands of
//! calendars, and on a busy disk forcing each to the device took seconds to tens of seconds,
//! for protection against power loss rather than against an interrupted run.

pub mod plan;

use crate::format::plan::{PlanFile, TimetablePlan};
use crate::format::InstanceFile;
use crate::model::{Instance, MunicipalityId};
use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};
use std::collections::BTreeMap;
use std::path::Path;

/// Errors while writing output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Writing the plan directory failed.
    #[error(transparent)]
    File(#[from] crate::files::FileError),
    /// Serialisation failed.
    #[error("cannot serialise the plan: {0}")]
    Serialise(String),
}

/// Name of the byte-for-byte copy of the instance that `solve` puts in the plan directory
/// (its SHA-256 is the plan's `instance.sha256`).
pub const INSTANCE_COPY: &str = "instance.json";

/// The marker file in every plan directory: it says the directory is trappa's and lists the
/// files written into it with their SHA-256 (`docs/replan.md`, "Plans are the user's").
pub const PLAN_MARKER: &str = ".trappa-plan";

/// The `format` of the marker file.
pub const PLAN_MARKER_FORMAT: &str = "trappa-plan-directory";

/// The files of a plan directory, name → bytes.
pub type PlanFiles = BTreeMap<String, Vec<u8>>;

/// Renders every file of the plan directory in memory.
pub fn render_plan_files(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> Result<PlanFiles, OutputError> {
    let mut files = PlanFiles::new();
    let mut json = serde_json::to_vec_pretty(plan).map_err(|e| OutputError::Serialise(e.to_string()))?;
    json.push(b'\n');
    files.insert("plan.json".into(), json);
    files.insert("pairs.csv".into(), pairs_csv(plan, inst)?);
    if !plan.groups.is_empty() {
        files.insert("groups.csv".into(), groups_csv(plan, inst)?);
    }
    if let Some(tt) = &plan.timetable {
        files.insert("sessions.csv".into(), sessions_csv(tt, inst)?);
        files.insert("attendance.csv".into(), attendance_csv(tt, inst)?);
    }
    for (id, ics) in person_calendars(plan, file, inst) {
        files.insert(format!("calendars/{}.ics", safe_file_name(&id)), ics.into_bytes());
    }
    Ok(files)
}

/// A file name made from a person id: letters, digits, `-` and `_` kept, the rest `_`.
pub fn safe_file_name(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// `pairs.csv`: UTF-8 with a byte-order mark and `;` as separator, the form Swedish
/// spreadsheet programs open directly with å, ä and ö intact.
pub fn pairs_csv(plan: &PlanFile, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let mentor_index: BTreeMap<&str, usize> = inst.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let part_index: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let muni_name: BTreeMap<&str, &str> = inst.municipalities.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        let ser = |e: csv::Error| OutputError::Serialise(e.to_string());
        w.write_record([
            "mentor_id",
            "mentor",
            "mentor_kommun",
            "mentee_id",
            "mentee",
            "mentee_kommun",
            "mötesplats",
            "restid_min",
            "antal_möten",
            "möten",
            "kostnad",
            "anmärkning",
        ])
        .map_err(ser)?;
        for p in &plan.mentorship.pairs {
            let m = mentor_index.get(p.mentor.as_str()).map(|&i| &inst.mentors[i]);
            let e = part_index.get(p.mentee.as_str()).map(|&i| &inst.participants[i]);
            let muni = |i: MunicipalityId| inst.municipalities[i].name.clone();
            let cost: f64 = p.cost.values().sum();
            w.write_record([
                p.mentor.clone(),
                m.map(|m| m.name.clone()).unwrap_or_default(),
                m.map(|m| muni(m.municipality)).unwrap_or_default(),
                p.mentee.clone(),
                e.map(|e| e.name.clone()).unwrap_or_default(),
                e.map(|e| muni(e.municipality)).unwrap_or_default(),
                muni_name.get(p.meeting_place.as_str()).map(|s| s.to_string()).unwrap_or_default(),
                format!("{:.0}", p.travel_minutes),
                p.meetings.len().to_string(),
                p.meetings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" "),
                format!("{cost:.1}").replace('.', ","),
                p.shortfall.clone().unwrap_or_default(),
            ])
            .map_err(ser)?;
        }
        w.flush().map_err(|e| OutputError::Serialise(e.to_string()))?;
    }
    Ok(out)
}

/// Writes rows as `;`-separated UTF-8 with a byte-order mark (the pairs.csv conventions).
fn excel_csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        let ser = |e: csv::Error| OutputError::Serialise(e.to_string());
        w.write_record(header).map_err(ser)?;
        for r in rows {
            w.write_record(&r).map_err(ser)?;
        }
        w.flush().map_err(|e| OutputError::Serialise(e.to_string()))?;
    }
    Ok(out)
}

/// Display names of courses, venues (with municipality), trainers and participants by id.
struct Names<'a> {
    course: BTreeMap<&'a str, &'a str>,
    venue: BTreeMap<&'a str, (&'a str, &'a str)>,
    person: BTreeMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(inst: &'a Instance) -> Self {
        let m = &inst.timetable;
        Names {
            course: m.courses.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect(),
            venue: m.venues.iter().map(|v| (v.id.as_str(), (v.name.as_str(), inst.municipalities[v.municipality].name.as_str()))).collect(),
            person: inst
                .participants
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str()))
                .chain(inst.mentors.iter().map(|x| (x.id.as_str(), x.name.as_str())))
                .chain(m.trainers.iter().map(|t| (t.id.as_str(), t.name.as_str())))
                .collect(),
        }
    }
    fn course(&self, id: &str) -> String {
        self.course.get(id).map(|s| s.to_string()).unwrap_or_else(|| id.to_string())
    }
    fn person(&self, id: &str) -> String {
        self.person.get(id).map(|s| s.to_string()).unwrap_or_else(|| id.to_string())
    }
}

/// `sessions.csv`: one row per session (same conventions as `pairs.csv`).
pub fn sessions_csv(tt: &TimetablePlan, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let names = Names::new(inst);
    let rows = tt
        .sessions
        .iter()
        .map(|s| {
            let (venue, muni) = names.venue.get(s.venue.as_str()).copied().unwrap_or((s.venue.as_str(), ""));
            vec![
                s.id.clone(),
                s.course.clone(),
                names.course(&s.course),
                s.dates.first().map(|d| d.to_string()).unwrap_or_default(),
                s.dates.last().map(|d| d.to_string()).unwrap_or_default(),
                s.dates.len().to_string(),
                s.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" "),
                venue.to_string(),
                muni.to_string(),
                s.trainers.iter().map(|t| names.person(t)).collect::<Vec<_>>().join(", "),
                s.attendees.len().to_string(),
            ]
        })
        .collect();
    excel_csv(
        &[
            "session_id",
            "kurs_id",
            "kurs",
            "första_dag",
            "sista_dag",
            "antal_dagar",
            "datum",
            "lokal",
            "kommun",
            "utbildare",
            "antal_deltagare",
        ],
        rows,
    )
}

/// `attendance.csv`: one row per demand, placed or not, with the session or the reason.
pub fn attendance_csv(tt: &TimetablePlan, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let names = Names::new(inst);
    let part: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let who = |id: &str| -> (String, String, String) {
        match part.get(id) {
            Some(&i) => {
                let p = &inst.participants[i];
                (p.name.clone(), inst.municipalities[p.municipality].name.clone(), inst.units[p.unit].name.clone())
            }
            None => (id.to_string(), String::new(), String::new()),
        }
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for s in &tt.sessions {
        let (venue, muni) = names.venue.get(s.venue.as_str()).copied().unwrap_or((s.venue.as_str(), ""));
        for a in &s.attendees {
            let (name, kommun, enhet) = who(a);
            rows.push(vec![
                a.clone(),
                name,
                kommun,
                enhet,
                s.course.clone(),
                names.course(&s.course),
                "placerad".into(),
                s.id.clone(),
                s.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" "),
                format!("{venue}, {muni}"),
                String::new(),
            ]);
        }
    }
    for u in &tt.unserved {
        let (name, kommun, enhet) = who(&u.participant);
        rows.push(vec![
            u.participant.clone(),
            name,
            kommun,
            enhet,
            u.course.clone(),
            names.course(&u.course),
            "ej placerad".into(),
            String::new(),
            String::new(),
            String::new(),
            format!("{}: {}", u.reason, u.message),
        ]);
    }
    rows.sort_by(|a, b| (&a[0], &a[4]).cmp(&(&b[0], &b[4])));
    excel_csv(
        &["deltagare_id", "deltagare", "kommun", "enhet", "kurs_id", "kurs", "status", "session_id", "datum", "lokal", "anledning"],
        rows,
    )
}

/// A stable UID: the same person, partner and date give the same UID on every re-run.
fn uid(round: &str, kind: &str, a: &str, b: &str, date: NaiveDate) -> String {
    let h = crate::load::sha256_hex(format!("{round}\u{1f}{kind}\u{1f}{a}\u{1f}{b}\u{1f}{date}").as_bytes());
    format!("{}@trappa", &h[..32])
}

/// What kind of programme activity a calendar entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    /// A mentor–mentee meeting.
    MentorMeeting,
    /// A meeting of a supervision group, reflection group or research circle.
    GroupMeeting,
    /// A day of a course session.
    CourseDay,
}

/// One day in a person's programme calendar: what, where and with whom. The `.ics` files and
/// the HTML report's per-person calendar are both built from these entries.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    /// The day (all-day event).
    pub date: NaiveDate,
    /// The kind of activity.
    pub kind: EntryKind,
    /// Stable UID: the same person, partner and date give the same UID on every re-run.
    pub uid: String,
    /// Short title, e.g. "Mentorsträff 3/10 med adept Anna Berg".
    pub summary: String,
    /// Longer description.
    pub description: String,
    /// Where, in words (municipality, or venue and municipality).
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

/// Every person's programme days (mentor meetings, group meetings, course days), keyed by person
/// id, each list in date order (entries of one day in the order mentor meeting, group meeting,
/// course day).
pub fn person_entries(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> BTreeMap<String, Vec<CalendarEntry>> {
    let names: BTreeMap<&str, &str> = person_names(inst);
    let muni_name: BTreeMap<&str, &str> = inst.municipalities.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    let mut entries: BTreeMap<String, Vec<CalendarEntry>> = BTreeMap::new();
    for p in &plan.mentorship.pairs {
        let n = p.meetings.len();
        for (k, d) in p.meetings.iter().enumerate() {
            for (me, other, role, my_role) in [(&p.mentor, &p.mentee, "adept", "mentor"), (&p.mentee, &p.mentor, "mentor", "adept")] {
                let other_name = names.get(other.as_str()).copied().unwrap_or(other);
                entries.entry(me.clone()).or_default().push(CalendarEntry {
                    date: *d,
                    kind: EntryKind::MentorMeeting,
                    uid: uid(&file.round.name, "mentor-meeting", &p.mentor, &p.mentee, *d),
                    summary: format!("Mentorsträff {}/{n} med {role} {other_name}", k + 1),
                    description: format!("{}: mentorskap {} – {}", file.round.name, p.mentor, p.mentee),
                    location: muni_name.get(p.meeting_place.as_str()).copied().unwrap_or(&p.meeting_place).to_string(),
                    municipality: p.meeting_place.clone(),
                    reference: format!("{}–{}", p.mentor, p.mentee),
                    role: my_role,
                    with: vec![other.clone()],
                });
            }
        }
    }
    for prog in &plan.groups {
        let prog_name = file.group_programmes.iter().find(|g| g.id == prog.programme).map(|g| g.name.as_str()).unwrap_or(&prog.programme);
        for group in &prog.groups {
            let n = group.meetings.len();
            let leader = group.leader.as_deref().map(|l| names.get(l).copied().unwrap_or(l)).unwrap_or("ingen ledare");
            for (k, d) in group.meetings.iter().enumerate() {
                let people: Vec<(&String, &'static str)> =
                    group.members.iter().map(|m| (m, "deltagare")).chain(group.leader.iter().map(|l| (l, "ledare"))).collect();
                for (who, role) in &people {
                    entries.entry((*who).clone()).or_default().push(CalendarEntry {
                        date: *d,
                        kind: EntryKind::GroupMeeting,
                        uid: uid(&file.round.name, "group-meeting", &group.id, "", *d),
                        summary: format!("{prog_name} {}/{n} ({})", k + 1, group.id),
                        description: format!("{}: {}, ledare {leader}, {} deltagare", file.round.name, group.id, group.members.len()),
                        location: muni_name.get(group.meeting_place.as_str()).copied().unwrap_or(&group.meeting_place).to_string(),
                        municipality: group.meeting_place.clone(),
                        reference: group.id.clone(),
                        role,
                        with: group.leader.iter().chain(group.members.iter()).filter(|x| x != who).cloned().collect(),
                    });
                }
            }
        }
    }
    if let Some(tt) = &plan.timetable {
        let names = Names::new(inst);
        for s in &tt.sessions {
            let (venue, muni) = names.venue.get(s.venue.as_str()).copied().unwrap_or((s.venue.as_str(), ""));
            let muni_id = inst
                .timetable
                .venues
                .iter()
                .find(|v| v.id == s.venue)
                .map(|v| inst.municipalities[v.municipality].id.clone())
                .unwrap_or_default();
            let n = s.dates.len();
            for (k, d) in s.dates.iter().enumerate() {
                for (me, role) in s.attendees.iter().map(|a| (a, "deltagare")).chain(s.trainers.iter().map(|t| (t, "utbildare"))) {
                    entries.entry(me.clone()).or_default().push(CalendarEntry {
                        date: *d,
                        kind: EntryKind::CourseDay,
                        uid: uid(&file.round.name, "course-day", &s.id, me, *d),
                        summary: format!("Kurs: {} dag {}/{n}", names.course(&s.course), k + 1),
                        description: format!(
                            "{}: {} ({role}), utbildare {}",
                            file.round.name,
                            s.id,
                            s.trainers.iter().map(|t| names.person(t)).collect::<Vec<_>>().join(", ")
                        ),
                        location: format!("{venue}, {muni}"),
                        municipality: muni_id.clone(),
                        reference: s.id.clone(),
                        role,
                        with: s.trainers.iter().chain(s.attendees.iter()).filter(|x| *x != me).cloned().collect(),
                    });
                }
            }
        }
    }
    for list in entries.values_mut() {
        list.sort_by_key(|e| e.date);
    }
    entries
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
        .collect()
}

/// One iCalendar file per person with a meeting, keyed by person id.
pub fn person_calendars(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> BTreeMap<String, String> {
    let names = person_names(inst);
    // DTSTAMP must be present; a fixed stamp (the round's start) keeps files identical across
    // re-runs, so calendar programs see unchanged events as unchanged.
    let stamp = file.round.start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    person_entries(plan, file, inst)
        .into_iter()
        .map(|(id, entries)| {
            let mut cal = Calendar::empty();
            cal.append_property(("VERSION", "2.0"));
            cal.append_property(("PRODID", "-//trappa//trappa//SV"));
            cal.append_property(("CALSCALE", "GREGORIAN"));
            cal.name(&format!("{} – {}", file.round.name, names.get(id.as_str()).copied().unwrap_or(&id)));
            for e in entries {
                cal.push(
                    Event::new()
                        .uid(&e.uid)
                        .timestamp(stamp)
                        .summary(&e.summary)
                        .description(&e.description)
                        .location(&e.location)
                        // All-day event: DTEND is exclusive (RFC 5545 3.6.1), so the next day.
                        .starts(e.date)
                        .ends(e.date + chrono::Duration::days(1))
                        .done(),
                );
            }
            (id, cal.done().to_string())
        })
        .collect()
}

/// Refuses an `out` that [`write_plan_dir`] would refuse, before a command's long work.
pub fn check_plan_dir(out: &Path) -> Result<(), OutputError> {
    crate::files::check_replaceable(out, PLAN_MARKER).map_err(OutputError::from)
}

/// Writes the files of `plan` into `out` atomically, with the marker [`PLAN_MARKER`] (see
/// [`crate::files::write_dir_atomic`]): an existing `out` is replaced only if it is empty or a
/// plan directory holding nothing but the files trappa wrote into it.
pub fn write_plan_dir(out: &Path, plan: &PlanFile, files: &PlanFiles) -> Result<(), OutputError> {
    let mut about = serde_json::Map::new();
    about.insert("format".into(), PLAN_MARKER_FORMAT.into());
    about.insert("version".into(), 1.into());
    about.insert("plan_format".into(), plan.format.clone().into());
    about.insert("plan_version".into(), plan.version.into());
    about.insert("round".into(), plan.instance.round.clone().into());
    about.insert("instance_sha256".into(), plan.instance.sha256.clone().into());
    about.insert("trappa_version".into(), plan.trappa_version.clone().into());
    let marker = crate::files::Marker { name: PLAN_MARKER, about };
    crate::files::write_dir_atomic(out, files.iter().map(|(n, b)| (n.as_str(), b.as_slice())), &marker).map_err(OutputError::from)
}

/// `groups.csv`: one row per group leader and member, same conventions as `pairs.csv`.
pub fn groups_csv(plan: &PlanFile, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let part: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let leader: BTreeMap<&str, usize> = inst.group_leaders.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let muni_name: BTreeMap<&str, &str> = inst.municipalities.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    let mut rows = Vec::new();
    for prog in &plan.groups {
        for g in &prog.groups {
            let dates = g.meetings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" ");
            let place = muni_name.get(g.meeting_place.as_str()).copied().unwrap_or(&g.meeting_place).to_string();
            let row = |role: &str, id: &str, name: String, muni: String, unit: String, missed: String| {
                vec![
                    prog.programme.clone(),
                    g.id.clone(),
                    role.into(),
                    id.into(),
                    name,
                    muni,
                    unit,
                    place.clone(),
                    g.meetings.len().to_string(),
                    dates.clone(),
                    missed,
                ]
            };
            if let Some(l) = g.leader.as_deref() {
                let (name, muni) = leader
                    .get(l)
                    .map(|&i| (inst.group_leaders[i].name.clone(), inst.municipalities[inst.group_leaders[i].municipality].name.clone()))
                    .unwrap_or_default();
                rows.push(row("ledare", l, name, muni, String::new(), String::new()));
            }
            for m in &g.members {
                let (name, muni, unit) = part
                    .get(m.as_str())
                    .map(|&i| {
                        let p = &inst.participants[i];
                        (p.name.clone(), inst.municipalities[p.municipality].name.clone(), inst.units[p.unit].name.clone())
                    })
                    .unwrap_or_default();
                let missed = g.conflicts.iter().filter(|c| &c.participant == m).map(|c| c.date.to_string()).collect::<Vec<_>>().join(" ");
                rows.push(row("deltagare", m, name, muni, unit, missed));
            }
        }
    }
    excel_csv(
        &["program", "grupp", "roll", "person_id", "namn", "kommun", "enhet", "mötesplats", "antal_möten", "möten", "kan_ej_delta"],
        rows,
    )
}
