//! Every person's calendar for the round: one `<details id="person-…">` per participant, mentor,
//! group leader and trainer, with their mentor, groups and course sessions, every day with place
//! and with whom, and what the plan could not give them.

use super::{date_sv, esc, header_cells, int_sv, person_anchor, reason_sv, Lookup};
use crate::format::plan::PlanFile;
use crate::text::tr;
use crate::write::{CalendarEntry, EntryKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A person of the list: id, name and a short description (role, municipality, unit).
type Person<'a> = (&'a str, &'a str, String);

/// What the page says about each person besides the calendar.
#[derive(Default)]
struct Notes<'a> {
    /// What each person takes part in, in words (mentor, groups, sessions).
    context: BTreeMap<&'a str, Vec<String>>,
    /// What the plan could not give each person.
    issues: BTreeMap<&'a str, Vec<String>>,
    /// (person, group, date) → why the person cannot attend that group meeting.
    absent: BTreeMap<(&'a str, &'a str, NaiveDate), &'a str>,
}

impl<'a> Notes<'a> {
    fn new(plan: &'a PlanFile, look: &Lookup) -> Self {
        let mut notes = Notes::default();
        notes.mentorship(plan, look);
        notes.groups(plan, look);
        notes.courses(plan, look);
        notes.introduction(plan, look);
        notes
    }

    /// Each new hire's introduktör and weekly hours, the hires of an introduktör who is in
    /// the list, and who got no introduktör.
    fn introduction(&mut self, plan: &'a PlanFile, look: &Lookup) {
        let Some(intro) = &plan.introduction else { return };
        let inst = look.inst;
        let name = |id: &str| -> String {
            let x = inst.introduction.introducers.iter().find(|x| x.id == id).map(|x| x.name.as_str());
            esc(x.unwrap_or_else(|| look.name(id)))
        };
        for a in &intro.assignments {
            let hours = a
                .periods
                .iter()
                .map(|p| tr!("people-introduction-period", hours = p.hours_per_week, from = date_sv(p.from), to = date_sv(p.to)))
                .collect::<Vec<_>>()
                .join("; ");
            let line = tr!("people-introducer", introducer = name(&a.introducer), hours = hours.as_str());
            self.context.entry(a.hire.as_str()).or_default().push(line);
            let line = tr!("people-introduces", hire = look.person_link(&a.hire), hours = hours.as_str());
            self.context.entry(a.introducer.as_str()).or_default().push(line);
        }
        for u in &intro.unserved {
            let line = tr!("people-no-introducer", message = esc(&u.message));
            self.issues.entry(u.hire.as_str()).or_default().push(line);
        }
    }

    /// Mentor and mentee of each pair, and who got no mentor.
    fn mentorship(&mut self, plan: &'a PlanFile, look: &Lookup) {
        for p in &plan.mentorship.pairs {
            let place = look.muni_name(&p.meeting_place);
            let short = p.shortfall.as_deref().map(|s| tr!("people-shortfall", why = esc(s))).unwrap_or_default();
            self.context.entry(p.mentee.as_str()).or_default().push(tr!(
                "people-mentor",
                mentor = look.person_link(&p.mentor),
                home = esc(&home_name(look, &p.mentor)),
                n = p.meetings.len(),
                place = esc(place),
                shortfall = short.as_str()
            ));
            self.context.entry(p.mentor.as_str()).or_default().push(tr!(
                "people-mentee",
                mentee = look.person_link(&p.mentee),
                home = esc(&home_name(look, &p.mentee)),
                n = p.meetings.len(),
                place = esc(place),
                shortfall = short.as_str()
            ));
        }
        for u in &plan.mentorship.unmatched {
            let line = tr!("people-no-mentor", reason = esc(&reason_sv(&u.reason)), message = esc(&u.message));
            self.issues.entry(u.mentee.as_str()).or_default().push(line);
        }
        for u in &plan.mentorship.not_eligible {
            let line = tr!("people-mentor-not-eligible", phase = esc(&u.phase), message = esc(&u.message));
            self.issues.entry(u.participant.as_str()).or_default().push(line);
        }
    }

    /// Each group for its members and leader, their absences, and who got no place.
    fn groups(&mut self, plan: &'a PlanFile, look: &Lookup) {
        for prog in &plan.groups {
            let pname = look.programme_name.get(prog.programme.as_str()).copied().unwrap_or(&prog.programme);
            for g in &prog.groups {
                let leader = match g.leader.iter().chain(&g.co_leaders).map(|l| look.person_link(l)).collect::<Vec<_>>() {
                    v if v.is_empty() => tr!("people-no-leader"),
                    v => v.join(", "),
                };
                let members = g.members.iter().map(|m| look.person_link(m)).collect::<Vec<_>>().join(", ");
                let line = tr!(
                    "people-group",
                    group = esc(&g.id),
                    programme = esc(pname),
                    place = esc(look.muni_name(&g.meeting_place)),
                    n = g.meetings.len(),
                    leader = leader,
                    members = members
                );
                for who in g.members.iter().chain(g.leader.iter()).chain(&g.co_leaders) {
                    self.context.entry(who.as_str()).or_default().push(line.clone());
                }
                for c in &g.conflicts {
                    self.absent.insert((c.participant.as_str(), g.id.as_str(), c.date), c.reason.as_str());
                }
            }
            for u in prog.unserved.iter().chain(prog.not_eligible.iter()) {
                let line = tr!("people-no-group", programme = esc(pname), reason = esc(&reason_sv(&u.reason)), message = esc(&u.message));
                self.issues.entry(u.participant.as_str()).or_default().push(line);
            }
        }
    }

    /// Each course session for its attendees and trainers, and who got no seat.
    fn courses(&mut self, plan: &'a PlanFile, look: &Lookup) {
        let Some(t) = &plan.timetable else { return };
        let inst = look.inst;
        for s in &t.sessions {
            let venue = look.venue.get(s.venue.as_str()).map(|&v| &inst.timetable.venues[v]);
            let place =
                venue.map(|v| format!("{}, {}", v.name, inst.municipalities[v.municipality].name)).unwrap_or_else(|| s.venue.clone());
            let dates = s.dates.iter().map(|d| d.format("%-d/%-m").to_string()).collect::<Vec<_>>().join(", ");
            let trainers = s.trainers.iter().map(|r| look.person_link(r)).collect::<Vec<_>>().join(", ");
            let line = tr!(
                "people-course",
                course = esc(look.course_name(&s.course)),
                session = esc(&s.id),
                place = esc(&place),
                dates = dates,
                trainers = trainers,
                n = s.attendees.len()
            );
            for who in s.attendees.iter().chain(s.trainers.iter()) {
                self.context.entry(who.as_str()).or_default().push(line.clone());
            }
        }
        for u in &t.unserved {
            let line = tr!(
                "people-no-seat",
                course = esc(look.course_name(&u.course)),
                reason = esc(&reason_sv(&u.reason)),
                message = esc(&u.message)
            );
            self.issues.entry(u.participant.as_str()).or_default().push(line);
        }
    }
}

/// Writes the `people` section.
pub(crate) fn render(h: &mut String, plan: &PlanFile, look: &Lookup, entries: &BTreeMap<String, Vec<CalendarEntry>>) {
    let notes = Notes::new(plan, look);
    let categories = categories(look, entries);
    let total: usize = categories.iter().map(|c| c.1.len()).sum();

    let _ = writeln!(
        h,
        "<section id=\"people\" data-people=\"{total}\">\n<h2>{}</h2>\n\
         <p class=\"note\">{}</p>\n\
         <div class=\"people-tools\"><input id=\"person-search\" type=\"search\" hidden placeholder=\"{}\" aria-label=\"{}\"> \
         <span id=\"person-count\" class=\"muted\" data-of=\"{}\"></span></div>",
        esc(&tr!("report-people")),
        tr!("people-intro"),
        esc(&tr!("people-search-placeholder")),
        esc(&tr!("people-search-label")),
        esc(&tr!("people-search-count"))
    );
    for (title, list) in &categories {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(h, "<h3 class=\"people-group\">{} ({})</h3>", esc(title), int_sv(list.len() as i64));
        for person in list {
            let mine = entries.get(person.0).map(Vec::as_slice).unwrap_or(&[]);
            person_entry(h, look, &notes, person, mine);
        }
    }
    h.push_str("</section>\n");
}

/// Everyone, by category (participants, then the mentors, group leaders and trainers with
/// calendar entries, the introduktörer, then ids of entries the instance does not know), sorted by name then id.
fn categories<'a>(look: &Lookup<'a>, entries: &'a BTreeMap<String, Vec<CalendarEntry>>) -> Vec<(String, Vec<Person<'a>>)> {
    let inst = look.inst;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut categories: Vec<(String, Vec<Person>)> = Vec::new();
    // Placeholders of forecast hires are not persons yet: the section on the forecast shows them.
    let parts: Vec<Person> = inst
        .named_participants()
        .map(|(_, p)| p)
        .map(|p| (p.id.as_str(), p.name.as_str(), format!("{}, {}", inst.municipalities[p.municipality].name, inst.units[p.unit].name)))
        .collect();
    categories.push((tr!("people-participants"), sorted_people(parts)));
    let mentors: Vec<Person> = inst
        .mentors
        .iter()
        .filter(|m| entries.contains_key(&m.id))
        .map(|m| {
            let about = tr!(
                "people-about-mentor",
                municipality = inst.municipalities[m.municipality].name.as_str(),
                unit = inst.units[m.unit].name.as_str()
            );
            (m.id.as_str(), m.name.as_str(), about)
        })
        .collect();
    categories.push((tr!("people-mentors"), sorted_people(mentors)));
    let leaders: Vec<Person> = inst
        .group_leaders
        .iter()
        .filter(|l| entries.contains_key(&l.id))
        .map(|l| {
            let about = tr!("people-about-leader", municipality = inst.municipalities[l.municipality].name.as_str());
            (l.id.as_str(), l.name.as_str(), about)
        })
        .collect();
    categories.push((tr!("people-leaders"), sorted_people(leaders)));
    let trainers: Vec<Person> = inst
        .timetable
        .trainers
        .iter()
        .filter(|t| entries.contains_key(&t.id))
        .map(|t| (t.id.as_str(), t.name.as_str(), tr!("people-about-trainer")))
        .collect();
    categories.push((tr!("people-trainers"), sorted_people(trainers)));
    // Introduktörer have no dated entries of their own (their weeks with a hire are in the
    // `.ics` files): each is listed, with their hires and hours among the notes.
    let introducers: Vec<Person> = inst
        .introduction
        .introducers
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str(), tr!("people-about-introducer", unit = inst.units[x.unit].name.as_str())))
        .collect();
    categories.push((tr!("people-introducers"), sorted_people(introducers)));
    joint_people(&mut categories);
    let mut others: Vec<Person> = Vec::new();
    for (_, list) in &categories {
        for (id, _, _) in list {
            seen.insert(id);
        }
    }
    for id in entries.keys() {
        if !seen.contains(id.as_str()) {
            others.push((id.as_str(), id.as_str(), tr!("people-about-unknown")));
        }
    }
    categories.push((tr!("people-others"), others));
    categories
}

/// One person, several roles: a person listed in more than one category (the same id as
/// participant and mentor, say) stays in the first, with the other roles named there, so each
/// person has one entry and one calendar.
fn joint_people(categories: &mut [(String, Vec<Person>)]) {
    let role = |c: usize| match c {
        1 => tr!("people-role-mentor"),
        2 => tr!("people-role-leader"),
        3 => tr!("people-role-trainer"),
        _ => tr!("explain-role-introducer"),
    };
    let mut first: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut also: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for (c, (_, list)) in categories.iter_mut().enumerate() {
        list.retain(|(id, ..)| match first.get(id) {
            Some(&at) => {
                also.entry(at).or_default().push(role(c));
                false
            }
            None => true,
        });
        for (i, (id, ..)) in list.iter().enumerate() {
            first.insert(id, (c, i));
        }
    }
    for ((c, i), roles) in also {
        let about = &mut categories[c].1[i].2;
        *about = tr!("people-also-roles", about = about.as_str(), roles = roles.join(", "));
    }
}

/// One person's `<details>`: summary, what they take part in, what is missing, calendar.
fn person_entry(h: &mut String, look: &Lookup, notes: &Notes, (id, name, about): &Person, mine: &[CalendarEntry]) {
    let missing = notes.issues.get(id).map(Vec::len).unwrap_or(0);
    let search = format!("{name} {id} {about}").to_lowercase();
    let _ = writeln!(
        h,
        "<details class=\"person\" id=\"{}\" data-person=\"{}\" data-entries=\"{}\" data-issues=\"{missing}\" data-search=\"{}\"><summary>\
         <span class=\"who\">{}</span> <span class=\"muted\">{} · {} · {}{}</span></summary>",
        esc(&person_anchor(id)),
        esc(id),
        mine.len(),
        esc(&search),
        esc(name),
        esc(id),
        esc(about),
        activities(mine.len()),
        if missing > 0 { format!(" · {}", esc(&tr!("people-missing", n = missing))) } else { String::new() }
    );
    for (class, lines) in [("context", notes.context.get(id)), ("issues", notes.issues.get(id))] {
        if let Some(lines) = lines {
            let _ = write!(h, "<ul class=\"{class}\">");
            for l in lines {
                let _ = write!(h, "<li>{l}</li>");
            }
            h.push_str("</ul>\n");
        }
    }
    if mine.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&tr!("people-no-entries")));
    } else {
        let heads = [tr!("people-col-when"), tr!("people-col-activity"), tr!("people-col-place"), tr!("people-col-with")];
        let _ = write!(h, "<table class=\"calendar\"><thead><tr>{}</tr></thead><tbody>", header_cells(&heads));
        // One person, several roles: the days of a role that gives (mentor, leader, trainer)
        // say so when the person also takes part as mentee or participant.
        let gives = |r: &str| matches!(r, "mentor" | "ledare" | "utbildare");
        let joint = mine.iter().any(|e| gives(e.role)) && mine.iter().any(|e| !gives(e.role));
        for e in mine {
            calendar_row(h, look, &notes.absent, id, e, joint);
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</details>\n");
}

/// One day of a person's calendar: date, activity (and why they cannot attend), place, with
/// whom.
fn calendar_row(h: &mut String, look: &Lookup, absent: &BTreeMap<(&str, &str, NaiveDate), &str>, id: &str, e: &CalendarEntry, joint: bool) {
    let (class, with) = match e.kind {
        EntryKind::MentorMeeting => ("kind-mentor", e.with.iter().map(|w| look.person_link(w)).collect::<Vec<_>>().join(", ")),
        EntryKind::Introduction => ("kind-introduction", e.with.iter().map(|w| look.person_link(w)).collect::<Vec<_>>().join(", ")),
        EntryKind::GroupMeeting => ("kind-group", tr!("people-with-group", group = esc(&e.reference), n = e.with.len() + 1)),
        EntryKind::CourseDay => {
            let trainers: Vec<String> =
                e.with.iter().filter(|w| look.trainer.contains_key(w.as_str())).map(|w| look.person_link(w)).collect();
            let others = e.with.len() - trainers.len();
            let mut s = String::new();
            if e.role != "utbildare" && !trainers.is_empty() {
                let _ = write!(s, "{}; ", tr!("people-with-trainers", trainers = trainers.join(", "), n = trainers.len()));
            }
            s.push_str(&tr!("report-participants", n = if e.role == "deltagare" { others + 1 } else { others }));
            ("kind-course", s)
        }
    };
    let mut note = absent
        .get(&(id, e.reference.as_str(), e.date))
        .map(|r| format!(" <strong>({})</strong>", esc(&tr!("people-cannot-attend", why = absence(r)))))
        .unwrap_or_default();
    let role = match e.role {
        "mentor" => Some(tr!("people-role-mentor")),
        "ledare" => Some(tr!("people-role-leader")),
        "utbildare" => Some(tr!("people-role-trainer")),
        _ => None,
    };
    if let Some(role) = role.filter(|_| joint) {
        let _ = write!(note, " <span class=\"role\">({})</span>", esc(&tr!("people-as-role", role = role)));
    }
    let _ = write!(
        h,
        "<tr class=\"{class}\" data-date=\"{}\"><td class=\"{class}\">{}</td><td>{}{note}</td><td>{}</td><td>{with}</td></tr>",
        e.date,
        esc(&format!("{} {}", date_sv(e.date), e.hours())),
        esc(&e.summary),
        esc(&e.location)
    );
}

/// People sorted by name (case-insensitive), then id.
fn sorted_people(mut v: Vec<Person>) -> Vec<Person> {
    v.sort_by(|a, b| (a.1.to_lowercase(), a.0).cmp(&(b.1.to_lowercase(), b.0)));
    v
}

fn activities(n: usize) -> String {
    tr!("people-activities", n = n, count = int_sv(n as i64))
}

/// Why a person cannot attend a day of the calendar, in words.
fn absence(reason: &str) -> String {
    match reason {
        "unavailable" => tr!("people-absence-unavailable"),
        "another programme activity" => tr!("people-absence-other-activity"),
        other => other.to_string(),
    }
}

fn home_name(look: &Lookup, id: &str) -> String {
    look.home(id).map(|m| look.inst.municipalities[m].name.clone()).unwrap_or_default()
}
