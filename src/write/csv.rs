//! The plan's spreadsheets: `pairs.csv`, `groups.csv`, `sessions.csv` and `attendance.csv`,
//! all UTF-8 with a byte-order mark, `;` as separator and decimal comma: the form Swedish
//! spreadsheet programs open directly with å, ä and ö intact.

use super::OutputError;
use crate::format::plan::{PlanFile, TimetablePlan};
use crate::model::{Instance, MunicipalityId};
use crate::text::tr;
use std::collections::BTreeMap;

/// `pairs.csv`: UTF-8 with a byte-order mark and `;` as separator, the form Swedish
/// spreadsheet programs open directly with å, ä and ö intact.
pub fn pairs_csv(plan: &PlanFile, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let mentor_index: BTreeMap<&str, usize> = inst.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let part_index: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let muni_name: BTreeMap<&str, &str> = inst.municipalities.iter().map(|m| (m.id.as_str(), m.name.as_str())).collect();
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        let ser = |e: ::csv::Error| OutputError::Serialise(e.to_string());
        w.write_record(header(&tr!("csv-pairs-header"))).map_err(ser)?;
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

/// The columns of a header message (`;`-separated in the catalogue).
fn header(message: &str) -> Vec<&str> {
    message.split(';').map(str::trim).collect()
}

/// Writes rows as `;`-separated UTF-8 with a byte-order mark (the pairs.csv conventions).
fn excel_csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        let ser = |e: ::csv::Error| OutputError::Serialise(e.to_string());
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
    excel_csv(&header(&tr!("csv-sessions-header")), rows)
}

/// `attendance.csv`: one row per demand, placed or not, with the session or the reason.
pub fn attendance_csv(tt: &TimetablePlan, inst: &Instance) -> Result<Vec<u8>, OutputError> {
    let names = Names::new(inst);
    let part: BTreeMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    // A row: the participant (id, name, municipality, unit), the course (id, name), then `rest`:
    // status, session, dates, place, note.
    let row = |id: &str, course: &str, rest: [String; 5]| -> Vec<String> {
        let (name, kommun, enhet) = match part.get(id) {
            Some(&i) => {
                let p = &inst.participants[i];
                (p.name.clone(), inst.municipalities[p.municipality].name.clone(), inst.units[p.unit].name.clone())
            }
            None => (id.to_string(), String::new(), String::new()),
        };
        let mut r = vec![id.to_string(), name, kommun, enhet, course.to_string(), names.course(course)];
        r.extend(rest);
        r
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for s in &tt.sessions {
        let (venue, muni) = names.venue.get(s.venue.as_str()).copied().unwrap_or((s.venue.as_str(), ""));
        let dates = s.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" ");
        for a in &s.attendees {
            rows.push(row(a, &s.course, [tr!("csv-placed"), s.id.clone(), dates.clone(), format!("{venue}, {muni}"), String::new()]));
        }
    }
    for u in &tt.unserved {
        let note = format!("{}: {}", crate::text::reason(&u.reason), u.message);
        rows.push(row(&u.participant, &u.course, [tr!("csv-not-placed"), String::new(), String::new(), String::new(), note]));
    }
    rows.sort_by(|a, b| (&a[0], &a[4]).cmp(&(&b[0], &b[4])));
    excel_csv(&header(&tr!("csv-attendance-header")), rows)
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
            for l in g.leader.iter().chain(&g.co_leaders).map(String::as_str) {
                let (name, muni) = leader
                    .get(l)
                    .map(|&i| (inst.group_leaders[i].name.clone(), inst.municipalities[inst.group_leaders[i].municipality].name.clone()))
                    .unwrap_or_default();
                rows.push(row(&tr!("csv-role-leader"), l, name, muni, String::new(), String::new()));
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
                rows.push(row(&tr!("csv-role-participant"), m, name, muni, unit, missed));
            }
        }
    }
    excel_csv(&header(&tr!("csv-groups-header")), rows)
}
