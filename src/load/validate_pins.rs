//! Validation of pins (`mentorship.fixed_pairs`, `fixed_sessions`,
//! `group_programmes[].fixed_groups`): unknown ids, and pins that cannot hold on their own —
//! a pair a hard rule forbids, dates on closed days, a session that does not fit its course, a
//! trainer or venue that is not free, a fixed group that breaks its programme's rules. Pins that
//! only conflict with each other in ways that depend on the solver's choices are reported by the
//! solve (see [`crate::solve::timetable::pins`]).
//!
//! Runs on a file that passed the other checks, so the indexed model can be built from it.

use super::validate::problem;
use super::{Problem, ValidationCode as Code};
use crate::format::*;
use crate::model::calendar::month_key;
use crate::model::pins::PinnedSession;
use crate::model::{Instance, LeaderId, MentorId, ParticipantId};
use crate::rules::mentorship::pair_violation;
use crate::text::tr;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every problem of the pins of a file that is otherwise valid.
pub fn validate_pins(f: &InstanceFile) -> Vec<Problem> {
    let mut out = Vec::new();
    if f.mentorship.fixed_pairs.is_empty() && f.fixed_sessions.is_empty() && f.group_programmes.iter().all(|g| g.fixed_groups.is_empty()) {
        return out;
    }
    let mut push = |code, path: String, msg: String, action: &str| out.push(problem(code, path, msg, action.to_string()));
    let participants: HashSet<&str> = f.participants.iter().map(|p| p.id.as_str()).collect();
    let mentors: HashSet<&str> = f.mentors.iter().map(|m| m.id.as_str()).collect();
    let unknown = |push: &mut dyn FnMut(Code, String, String, &str), path: String, message: String| {
        push(Code::UnknownReference, path, message, &tr!("load-pin-unknown-hint"));
    };
    // References first; the rules are checked only when every reference resolves.
    for (i, fp) in f.mentorship.fixed_pairs.iter().enumerate() {
        let path = format!("mentorship.fixed_pairs[{i}]");
        if !mentors.contains(fp.mentor.as_str()) {
            unknown(&mut push, format!("{path}.mentor"), tr!("load-unknown-mentor", id = fp.mentor.as_str()));
        }
        if !participants.contains(fp.mentee.as_str()) {
            unknown(&mut push, format!("{path}.mentee"), tr!("load-unknown-participant", id = fp.mentee.as_str()));
        }
    }
    for (i, s) in f.fixed_sessions.iter().enumerate() {
        let path = format!("fixed_sessions[{i}]");
        if !f.courses.iter().any(|c| c.id == s.course) {
            unknown(&mut push, format!("{path}.course"), tr!("load-unknown-course", id = s.course.as_str()));
        }
        if let Some(v) = &s.venue {
            if !f.venues.iter().any(|x| &x.id == v) {
                unknown(&mut push, format!("{path}.venue"), tr!("load-unknown-venue", id = v.as_str()));
            }
        }
        for (k, t) in s.trainers.iter().flatten().enumerate() {
            if !f.trainers.iter().any(|x| &x.id == t) {
                unknown(&mut push, format!("{path}.trainers[{k}]"), tr!("load-unknown-trainer", id = t.as_str()));
            }
        }
        for (k, a) in s.attendees.iter().flatten().enumerate() {
            if !participants.contains(a.as_str()) {
                unknown(&mut push, format!("{path}.attendees[{k}]"), tr!("load-unknown-participant", id = a.as_str()));
            }
        }
    }
    for (pi, g) in f.group_programmes.iter().enumerate() {
        for (k, fg) in g.fixed_groups.iter().enumerate() {
            let path = format!("group_programmes[{pi}].fixed_groups[{k}]");
            for (j, m) in fg.members.iter().enumerate() {
                if !participants.contains(m.as_str()) {
                    unknown(&mut push, format!("{path}.members[{j}]"), tr!("load-unknown-participant", id = m.as_str()));
                }
            }
            if let Some(l) = &fg.leader {
                if !f.group_leaders.iter().any(|x| &x.id == l) {
                    unknown(&mut push, format!("{path}.leader"), tr!("load-unknown-group-leader", id = l.as_str()));
                }
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    let inst = super::build(f);
    let mut v = PinValidator { f, inst: &inst, out };
    v.pairs();
    v.sessions();
    v.groups();
    v.out
}

/// What the pinned sessions checked so far claim: the session (path) each attendee is on a
/// course in on a date, and the session each attendee is pinned into for a course.
#[derive(Default)]
struct SessionClaims {
    person_day: HashMap<(usize, NaiveDate), String>,
    attendee_course: HashMap<(usize, usize), String>,
}

struct PinValidator<'a> {
    f: &'a InstanceFile,
    inst: &'a Instance,
    out: Vec<Problem>,
}

impl PinValidator<'_> {
    fn push(&mut self, code: Code, path: String, message: String, action: String) {
        self.out.push(problem(code, path, message, action));
    }

    /// Pinned meeting dates: in the round, on working days, one a month, at least `gap` apart,
    /// at most `max`, and free for `people` (id, unavailable dates).
    fn meeting_dates(
        &mut self,
        path: &str,
        dates: &[NaiveDate],
        max: usize,
        gap: i64,
        people: &[(&str, &std::collections::BTreeSet<NaiveDate>)],
    ) {
        let cal = &self.inst.calendar;
        let mut sorted = dates.to_vec();
        sorted.sort();
        if sorted.len() > max {
            self.push(
                Code::PinnedMeetings,
                format!("{path}.meetings"),
                tr!("load-pin-too-many-meetings", n = sorted.len(), max = max.to_string()),
                tr!("load-pin-too-many-meetings-hint"),
            );
        }
        for (i, d) in dates.iter().enumerate() {
            let p = format!("{path}.meetings[{i}]");
            if *d < cal.start || *d > cal.end {
                self.push(
                    Code::PinnedMeetings,
                    p,
                    tr!("load-pin-outside-round", date = d.to_string(), start = cal.start.to_string(), end = cal.end.to_string()),
                    tr!("load-pin-inside-round-hint"),
                );
            } else if !cal.is_working_day(*d) {
                self.push(Code::PinnedMeetings, p, tr!("load-pin-closed-day", date = d.to_string()), tr!("load-pin-working-day-hint"));
            } else if let Some((who, _)) = people.iter().find(|(_, u)| u.contains(d)) {
                self.push(
                    Code::PinnedMeetings,
                    p,
                    tr!("load-pin-unavailable", who = *who, date = d.to_string()),
                    tr!("load-pin-both-free-hint"),
                );
            }
        }
        for w in sorted.windows(2) {
            if month_key(w[0]) == month_key(w[1]) {
                self.push(
                    Code::PinnedMeetings,
                    format!("{path}.meetings"),
                    tr!("load-pin-same-month", first = w[0].to_string(), second = w[1].to_string()),
                    tr!("load-pin-same-month-hint"),
                );
            } else if (w[1] - w[0]).num_days() < gap {
                self.push(
                    Code::PinnedMeetings,
                    format!("{path}.meetings"),
                    tr!(
                        "load-pin-too-close",
                        first = w[0].to_string(),
                        second = w[1].to_string(),
                        days = (w[1] - w[0]).num_days(),
                        gap = gap.to_string()
                    ),
                    tr!("load-pin-too-close-hint"),
                );
            }
        }
    }

    fn pairs(&mut self) {
        let inst = self.inst;
        let rules = &inst.mentorship;
        let mut per_mentor: BTreeMap<MentorId, Vec<String>> = BTreeMap::new();
        let mut mentee_seen: HashMap<ParticipantId, String> = HashMap::new();
        let mut mentor_dates: HashMap<(MentorId, NaiveDate), String> = HashMap::new();
        for pin in inst.pins.pairs.clone() {
            let (m, p) = (pin.mentor, pin.mentee);
            let (mentor, mentee) = (&inst.mentors[m], &inst.participants[p]);
            let path = pin.path.clone();
            if let Some(first) = mentee_seen.insert(p, path.clone()) {
                self.push(
                    Code::PinnedPair,
                    path.clone(),
                    tr!("load-pin-mentee-twice", mentee = mentee.id.as_str(), first = first),
                    tr!("load-pin-mentee-twice-hint"),
                );
                continue;
            }
            if !mentee.wants_mentor || crate::rules::mentorship::mentoring_from(inst, p).is_none() {
                self.push(
                    Code::PinnedPair,
                    format!("{path}.mentee"),
                    if !mentee.wants_mentor {
                        tr!("load-pin-no-mentor-wanted", mentee = mentee.id.as_str())
                    } else {
                        tr!("load-pin-phase-not-eligible", mentee = mentee.id.as_str(), phase = inst.phases[mentee.phase].id.as_str())
                    },
                    tr!("load-pin-cannot-have-mentor-hint"),
                );
                continue;
            }
            if let Some(rule) = pair_violation(inst, m, p) {
                let why = match rule.name() {
                    "same_person" => tr!("load-pin-why-same-person"),
                    "no_capacity" => tr!("load-pin-why-no-capacity"),
                    "not_trained" => tr!("load-pin-why-not-trained"),
                    "too_junior" => {
                        tr!("load-pin-why-too-junior", years = mentor.years.to_string(), min = rules.file.mentor_min_years.to_string())
                    }
                    "same_unit" => tr!("load-pin-why-same-unit"),
                    "same_municipality" => tr!("load-pin-why-same-municipality"),
                    "excluded" => tr!("load-pin-why-excluded"),
                    _ => tr!("load-pin-why-too-far", max = format!("{:?}", mentor.max_travel_minutes)),
                };
                self.push(
                    Code::PinnedPair,
                    path.clone(),
                    tr!("load-pin-pair-breaks-rule", mentor = mentor.id.as_str(), mentee = mentee.id.as_str(), why = why),
                    tr!("load-pin-pair-breaks-rule-hint"),
                );
            }
            per_mentor.entry(m).or_default().push(path.clone());
            self.meeting_dates(
                &path,
                &pin.meetings,
                rules.max_meetings,
                rules.min_days_between,
                &[(&mentor.id, &mentor.unavailable), (&mentee.id, &mentee.unavailable)],
            );
            for (i, d) in pin.meetings.iter().enumerate() {
                if let Some(first) = mentor_dates.insert((m, *d), path.clone()) {
                    self.push(
                        Code::PinnedMeetings,
                        format!("{path}.meetings[{i}]"),
                        tr!("load-pin-mentor-date-twice", mentor = mentor.id.as_str(), date = d.to_string(), first = first),
                        tr!("load-pin-another-date-hint"),
                    );
                }
            }
        }
        for (m, paths) in per_mentor {
            let cap = inst.mentors[m].capacity;
            if paths.len() > cap && cap > 0 {
                self.push(
                    Code::PinnedPair,
                    paths[cap].clone(),
                    tr!(
                        "load-pin-mentor-capacity",
                        mentor = inst.mentors[m].id.as_str(),
                        capacity = cap.to_string(),
                        n = paths.len(),
                        paths = paths.join(", ")
                    ),
                    tr!("load-pin-mentor-capacity-hint"),
                );
            }
        }
    }

    fn sessions(&mut self) {
        let (f, inst) = (self.f, self.inst);
        let mut claims = SessionClaims::default();
        for (i, spec) in f.fixed_sessions.iter().enumerate() {
            let path = format!("fixed_sessions[{i}]");
            let Some(pin) = inst.pins.sessions.iter().find(|p| p.path == path) else { continue };
            if spec.dates.is_none() && spec.venue.is_none() && spec.trainers.is_none() && spec.attendees.is_none() {
                self.push(Code::PinnedSession, path.clone(), tr!("load-pin-session-nothing"), tr!("load-pin-session-nothing-hint"));
            }
            let days_ok = self.session_dates(&path, spec, pin);
            let tm = &inst.timetable;
            let pinned_days: Vec<NaiveDate> = if days_ok { pin.days.iter().flatten().map(|&t| tm.days[t]).collect() } else { vec![] };
            self.session_venue_and_size(&path, pin, &pinned_days);
            self.session_trainers(&path, pin, &pinned_days);
            self.session_attendees(&path, pin, days_ok, &mut claims);
        }
        self.meetings_on_session_days(&claims.person_day);
    }

    /// The pinned dates: working days of the round, the course's number of days and pattern.
    /// Returns whether they are usable for the checks that follow.
    fn session_dates(&mut self, path: &str, spec: &FixedSession, pin: &PinnedSession) -> bool {
        let inst = self.inst;
        let tm = &inst.timetable;
        let c = &tm.courses[pin.course];
        let Some(dates) = &spec.dates else { return true };
        let mut days_ok = true;
        for (k, d) in dates.iter().enumerate() {
            if *d < inst.calendar.start || *d > inst.calendar.end || !inst.calendar.is_working_day(*d) {
                days_ok = false;
                self.push(
                    Code::PinnedSession,
                    format!("{path}.dates[{k}]"),
                    tr!("load-pin-session-date", date = d.to_string()),
                    tr!("load-pin-session-date-hint"),
                );
            }
        }
        if !days_ok {
            return false;
        }
        let days = pin.days.clone().unwrap_or_default();
        if days.len() != c.days {
            self.push(
                Code::PinnedSession,
                format!("{path}.dates"),
                tr!("load-pin-session-day-count", n = days.len(), course = c.id.as_str(), days = c.days),
                tr!("load-pin-session-day-count-hint"),
            );
            return false;
        }
        if !tm.starts[pin.course.index()].contains(&days) {
            self.push(
                Code::PinnedSession,
                format!("{path}.dates"),
                tr!("load-pin-session-pattern", course = c.id.as_str(), pattern = format!("{:?}", c.pattern)).to_lowercase(),
                tr!("load-pin-session-pattern-hint"),
            );
            return false;
        }
        true
    }

    /// The pinned venue is free on the pinned days and seats the pinned attendees; the
    /// attendees fit the course.
    fn session_venue_and_size(&mut self, path: &str, pin: &PinnedSession, pinned_days: &[NaiveDate]) {
        let tm = &self.inst.timetable;
        let c = &tm.courses[pin.course];
        if let Some(v) = pin.venue {
            let venue = &tm.venues[v];
            if let Some(d) = pinned_days.iter().find(|d| venue.unavailable.contains(d)) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.venue"),
                    tr!("load-pin-venue-unavailable", venue = venue.id.as_str(), date = d.to_string()),
                    tr!("load-pin-venue-unavailable-hint"),
                );
            }
            let seats = venue.capacity.min(c.max_size);
            if pin.attendees.len() > seats || seats < c.min_size {
                self.push(
                    Code::PinnedAttendee,
                    format!("{path}.venue"),
                    tr!(
                        "load-pin-venue-seats",
                        venue = venue.id.as_str(),
                        capacity = venue.capacity.to_string(),
                        course = c.id.as_str(),
                        max = c.max_size.to_string(),
                        min = c.min_size.to_string(),
                        n = pin.attendees.len()
                    ),
                    tr!("load-pin-venue-seats-hint"),
                );
            }
        }
        if pin.attendees.len() > c.max_size {
            self.push(
                Code::PinnedAttendee,
                format!("{path}.attendees"),
                tr!("load-pin-attendees-over", n = pin.attendees.len(), course = c.id.as_str(), max = c.max_size.to_string()),
                tr!("load-pin-attendees-over-hint"),
            );
        }
    }

    /// The pinned trainers: not more than the course uses, each qualified, free on the pinned
    /// days and with enough teaching days.
    fn session_trainers(&mut self, path: &str, pin: &PinnedSession, pinned_days: &[NaiveDate]) {
        let tm = &self.inst.timetable;
        let c = &tm.courses[pin.course];
        if pin.trainers.len() > c.trainers_per_session {
            self.push(
                Code::PinnedSession,
                format!("{path}.trainers"),
                tr!("load-pin-trainers-over", n = pin.trainers.len(), course = c.id.as_str(), per = c.trainers_per_session.to_string()),
                tr!("load-pin-trainers-over-hint"),
            );
        }
        for (k, &r) in pin.trainers.iter().enumerate() {
            let t = &tm.trainers[r];
            // One person, several roles: a trainer who also attends the session cannot teach it.
            if let Some(j) = pin.attendees.iter().position(|&p| self.inst.participants[p].id == t.id) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    tr!("load-pin-trainer-attends", trainer = t.name.as_str(), path = format!("{path}.attendees[{j}]")),
                    tr!("load-pin-trainer-attends-hint"),
                );
            }
            if !c.qualified.contains(&r) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    tr!("load-pin-trainer-not-qualified", trainer = t.id.as_str(), course = c.id.as_str()),
                    tr!("load-pin-trainer-not-qualified-hint"),
                );
            } else if let Some(d) = pinned_days.iter().find(|d| t.unavailable.contains(d)) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    tr!("load-pin-trainer-unavailable", trainer = t.id.as_str(), date = d.to_string()),
                    tr!("load-pin-trainer-unavailable-hint"),
                );
            } else if t.max_days < c.days {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    tr!(
                        "load-pin-trainer-days",
                        trainer = t.id.as_str(),
                        max = t.max_days,
                        course = c.id.as_str(),
                        days = c.days.to_string()
                    ),
                    tr!("load-pin-trainer-days-hint"),
                );
            }
        }
    }

    /// The pinned attendees: each has an eligible demand for the course, is pinned into one
    /// session of it, and (with usable dates) is inside their window, free and in no other
    /// pinned session on those days.
    fn session_attendees(&mut self, path: &str, pin: &PinnedSession, days_ok: bool, claims: &mut SessionClaims) {
        let inst = self.inst;
        let tm = &inst.timetable;
        let c = &tm.courses[pin.course];
        for (k, (&p, d)) in pin.attendees.iter().zip(&pin.demands).enumerate() {
            let ap = format!("{path}.attendees[{k}]");
            let who = &inst.participants[p];
            if !c.admits_role(who.role) {
                let role = crate::text::role(who.role.name());
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    tr!("load-pin-role", who = who.id.as_str(), role = role, course = c.id.as_str()),
                    tr!("load-pin-role-hint"),
                );
                continue;
            }
            let subregion = inst.municipalities[who.municipality.index()].subregion.as_deref();
            if !c.admits_subregion(subregion) {
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    tr!(
                        "load-pin-subregion",
                        who = who.id.as_str(),
                        subregion = subregion.unwrap_or("-"),
                        course = c.id.as_str(),
                        subregions = c.subregions.join(", ")
                    ),
                    tr!("load-pin-subregion-hint"),
                );
                continue;
            }
            let Some(d) = *d else {
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    tr!("load-pin-no-demand", who = who.id.as_str(), course = c.id.as_str()),
                    tr!("load-pin-no-demand-hint"),
                );
                continue;
            };
            let dem = &tm.demands[d];
            if !dem.eligible {
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    tr!(
                        "load-pin-phase-may-not",
                        who = who.id.as_str(),
                        phase = inst.phases[who.phase].id.as_str(),
                        course = c.id.as_str()
                    ),
                    tr!("load-pin-phase-may-not-hint"),
                );
                continue;
            }
            if let Some(first) = claims.attendee_course.insert((p.index(), pin.course.index()), path.to_string()) {
                self.push(
                    Code::PinnedAttendee,
                    ap.clone(),
                    tr!("load-pin-attendee-twice", who = who.id.as_str(), course = c.id.as_str(), first = first),
                    tr!("load-pin-attendee-twice-hint"),
                );
            }
            let Some(days) = pin.days.as_ref().filter(|_| days_ok) else { continue };
            match dem.window {
                Some((lo, hi)) if days[0] >= lo && days[days.len() - 1] <= hi => {}
                _ => self.push(
                    Code::PinnedAttendee,
                    ap.clone(),
                    tr!("load-pin-outside-window", who = who.id.as_str(), course = c.id.as_str()),
                    tr!("load-pin-outside-window-hint"),
                ),
            }
            for &t in days {
                let date = tm.days[t];
                if who.unavailable.contains(&date) {
                    self.push(
                        Code::PinnedAttendee,
                        ap.clone(),
                        tr!("load-pin-unavailable", who = who.id.as_str(), date = date.to_string()),
                        tr!("load-pin-other-dates-hint"),
                    );
                } else if let Some(first) = claims.person_day.insert((p.index(), date), path.to_string()) {
                    self.push(
                        Code::PinnedAttendee,
                        ap.clone(),
                        tr!("load-pin-also-in", who = who.id.as_str(), first = first, date = date.to_string()),
                        tr!("load-pin-also-in-hint"),
                    );
                }
            }
        }
    }

    /// Pinned mentor and group meetings of the attendees on pinned session days.
    fn meetings_on_session_days(&mut self, person_day: &HashMap<(usize, NaiveDate), String>) {
        let inst = self.inst;
        let meetings: Vec<(usize, NaiveDate, String)> = inst
            .pins
            .pairs
            .iter()
            .flat_map(|x| x.meetings.iter().map(move |&d| (x.mentee.index(), d, x.path.clone())))
            .chain(
                inst.pins
                    .groups
                    .iter()
                    .flatten()
                    .flat_map(|g| g.members.iter().flat_map(move |&p| g.meetings.iter().map(move |&d| (p.index(), d, g.path.clone())))),
            )
            .collect();
        for (p, d, mpath) in meetings {
            if let Some(spath) = person_day.get(&(p, d)) {
                self.push(
                    Code::PinnedAttendee,
                    spath.clone(),
                    tr!("load-pin-meeting-on-course-day", who = inst.participants[p].id.as_str(), date = d.to_string(), meeting = mpath),
                    tr!("load-pin-meeting-on-course-day-hint"),
                );
            }
        }
    }

    fn groups(&mut self) {
        let inst = self.inst;
        let mut leader_pins: BTreeMap<LeaderId, Vec<String>> = BTreeMap::new();
        let mut pair_days: HashMap<(ParticipantId, NaiveDate), String> = HashMap::new();
        for x in &inst.pins.pairs {
            for &d in &x.meetings {
                pair_days.insert((x.mentee, d), x.path.clone());
            }
        }
        for (pi, prog) in inst.group_programmes.iter().enumerate() {
            let pins = inst.pins.groups[pi].clone();
            let mut member_of: HashMap<ParticipantId, String> = HashMap::new();
            let max_groups = prog.group_sizes.as_ref().map(|s| s.len()).or(prog.groups);
            if let Some(mx) = max_groups.filter(|&mx| pins.len() > mx) {
                self.push(
                    Code::PinnedGroup,
                    format!("group_programmes[{pi}].fixed_groups"),
                    tr!("load-pin-groups-over", n = pins.len(), max = mx.to_string()),
                    tr!("load-pin-groups-over-hint"),
                );
            }
            let largest = prog.group_sizes.as_ref().map_or(prog.max_size, |s| s.iter().map(|r| r.1).max().unwrap_or(0));
            for pin in &pins {
                let path = pin.path.clone();
                if pin.members.is_empty() {
                    self.push(Code::PinnedGroup, format!("{path}.members"), tr!("load-pin-group-empty"), tr!("load-pin-group-empty-hint"));
                }
                if pin.members.len() > largest {
                    self.push(
                        Code::PinnedGroup,
                        format!("{path}.members"),
                        tr!("load-pin-group-too-big", n = pin.members.len(), largest = largest.to_string()),
                        tr!("load-pin-group-too-big-hint"),
                    );
                }
                for (j, &p) in pin.members.iter().enumerate() {
                    let who = &inst.participants[p];
                    if let Some(first) = member_of.insert(p, path.clone()) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            tr!("load-pin-member-twice", who = who.id.as_str(), first = first),
                            tr!("load-pin-member-twice-hint"),
                        );
                    }
                    if !prog.candidates.contains(&p) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            tr!("load-pin-not-enrolled", who = who.id.as_str(), programme = prog.id.as_str()),
                            tr!("load-pin-not-enrolled-hint"),
                        );
                    } else if let Some(why) = crate::rules::groups::ineligibility(inst, prog, p) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            tr!("load-pin-not-eligible", who = who.id.as_str(), programme = prog.id.as_str(), why = why),
                            tr!("load-pin-not-eligible-hint"),
                        );
                    }
                    for (k, d) in pin.meetings.iter().enumerate() {
                        if let Some(ppath) = pair_days.get(&(p, *d)) {
                            self.push(
                                Code::PinnedMeetings,
                                format!("{path}.meetings[{k}]"),
                                tr!("load-pin-member-mentor-meeting", who = who.id.as_str(), date = d.to_string(), pair = ppath.as_str()),
                                tr!("load-pin-member-mentor-meeting-hint"),
                            );
                        }
                    }
                }
                let caps = [
                    (
                        prog.max_per_unit,
                        tr!("load-what-unit"),
                        pin.members.iter().map(|&p| inst.participants[p].unit.index()).collect::<Vec<_>>(),
                    ),
                    (
                        prog.max_per_municipality,
                        tr!("load-what-municipality"),
                        pin.members.iter().map(|&p| inst.participants[p].municipality.index()).collect(),
                    ),
                ];
                for (cap, what, labels) in caps {
                    if let Some(cap) = cap {
                        let mut count: HashMap<usize, usize> = HashMap::new();
                        for l in labels {
                            *count.entry(l).or_default() += 1;
                        }
                        if let Some(n) = count.values().copied().find(|&n| n > cap) {
                            self.push(
                                Code::PinnedGroup,
                                format!("{path}.members"),
                                tr!("load-pin-cap", n = n, what = what.as_str(), cap = cap.to_string()),
                                tr!("load-pin-cap-hint"),
                            );
                        }
                    }
                }
                let mut unavailable = vec![];
                if let Some(l) = pin.leader {
                    let leader = &inst.group_leaders[l];
                    if !leader.qualifications.contains(&prog.qualification) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.leader"),
                            tr!("load-pin-leader-qualification", leader = leader.id.as_str(), qualification = prog.qualification.as_str()),
                            tr!("load-pin-leader-qualification-hint"),
                        );
                    }
                    // One person, several roles: a leader who is also a member cannot lead their
                    // own group.
                    if let Some(j) = pin.members.iter().position(|&p| inst.participants[p].id == leader.id) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.leader"),
                            tr!("load-pin-leader-is-member", leader = leader.name.as_str(), path = format!("{path}.members[{j}]")),
                            tr!("load-pin-leader-is-member-hint"),
                        );
                    }
                    leader_pins.entry(l).or_default().push(path.clone());
                    unavailable.push((leader.id.as_str(), &leader.unavailable));
                }
                self.meeting_dates(&path, &pin.meetings, prog.meetings.max as usize, prog.meetings.min_days_between as i64, &unavailable);
            }
        }
        for (l, paths) in leader_pins {
            let leader = &inst.group_leaders[l];
            if paths.len() > leader.max_groups {
                self.push(
                    Code::PinnedGroup,
                    format!("{}.leader", paths[leader.max_groups]),
                    tr!(
                        "load-pin-leader-over",
                        leader = leader.id.as_str(),
                        max = leader.max_groups.to_string(),
                        n = paths.len(),
                        paths = paths.join(", ")
                    ),
                    tr!("load-pin-leader-over-hint"),
                );
            }
        }
    }
}
