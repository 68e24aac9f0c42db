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
    let unknown = |push: &mut dyn FnMut(Code, String, String, &str), path: String, what: &str, id: &str| {
        push(Code::UnknownReference, path, format!("unknown {what} \"{id}\""), "use an id that the file defines, or remove the pin");
    };
    // References first; the rules are checked only when every reference resolves.
    for (i, fp) in f.mentorship.fixed_pairs.iter().enumerate() {
        let path = format!("mentorship.fixed_pairs[{i}]");
        if !mentors.contains(fp.mentor.as_str()) {
            unknown(&mut push, format!("{path}.mentor"), "mentor", &fp.mentor);
        }
        if !participants.contains(fp.mentee.as_str()) {
            unknown(&mut push, format!("{path}.mentee"), "participant", &fp.mentee);
        }
    }
    for (i, s) in f.fixed_sessions.iter().enumerate() {
        let path = format!("fixed_sessions[{i}]");
        if !f.courses.iter().any(|c| c.id == s.course) {
            unknown(&mut push, format!("{path}.course"), "course", &s.course);
        }
        if let Some(v) = &s.venue {
            if !f.venues.iter().any(|x| &x.id == v) {
                unknown(&mut push, format!("{path}.venue"), "venue", v);
            }
        }
        for (k, t) in s.trainers.iter().flatten().enumerate() {
            if !f.trainers.iter().any(|x| &x.id == t) {
                unknown(&mut push, format!("{path}.trainers[{k}]"), "trainer", t);
            }
        }
        for (k, a) in s.attendees.iter().flatten().enumerate() {
            if !participants.contains(a.as_str()) {
                unknown(&mut push, format!("{path}.attendees[{k}]"), "participant", a);
            }
        }
    }
    for (pi, g) in f.group_programmes.iter().enumerate() {
        for (k, fg) in g.fixed_groups.iter().enumerate() {
            let path = format!("group_programmes[{pi}].fixed_groups[{k}]");
            for (j, m) in fg.members.iter().enumerate() {
                if !participants.contains(m.as_str()) {
                    unknown(&mut push, format!("{path}.members[{j}]"), "participant", m);
                }
            }
            if let Some(l) = &fg.leader {
                if !f.group_leaders.iter().any(|x| &x.id == l) {
                    unknown(&mut push, format!("{path}.leader"), "group leader", l);
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
    fn push(&mut self, code: Code, path: String, message: String, action: &str) {
        self.out.push(problem(code, path, message, action.to_string()));
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
                format!("{} meetings are pinned, more than the {max} allowed", sorted.len()),
                "pin at most the programme's maximum number of meetings",
            );
        }
        for (i, d) in dates.iter().enumerate() {
            let p = format!("{path}.meetings[{i}]");
            if *d < cal.start || *d > cal.end {
                self.push(
                    Code::PinnedMeetings,
                    p,
                    format!("{d} lies outside the round ({} – {})", cal.start, cal.end),
                    "pin a date inside the round",
                );
            } else if !cal.is_working_day(*d) {
                self.push(Code::PinnedMeetings, p, format!("{d} is a weekend, a public holiday or a closed date"), "pin a working day");
            } else if let Some((who, _)) = people.iter().find(|(_, u)| u.contains(d)) {
                self.push(
                    Code::PinnedMeetings,
                    p,
                    format!("{who} is unavailable on {d}"),
                    "pin a date both are free, or change the unavailability",
                );
            }
        }
        for w in sorted.windows(2) {
            if month_key(w[0]) == month_key(w[1]) {
                self.push(
                    Code::PinnedMeetings,
                    format!("{path}.meetings"),
                    format!("{} and {} fall in the same month; meetings are monthly", w[0], w[1]),
                    "pin at most one meeting a month",
                );
            } else if (w[1] - w[0]).num_days() < gap {
                self.push(
                    Code::PinnedMeetings,
                    format!("{path}.meetings"),
                    format!("{} and {} are {} days apart, fewer than the minimum {gap}", w[0], w[1], (w[1] - w[0]).num_days()),
                    "move one of the dates further apart",
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
                    format!("{} is already pinned to a mentor at {first}", mentee.id),
                    "pin one mentor per mentee",
                );
                continue;
            }
            if !mentee.wants_mentor || crate::rules::mentorship::mentoring_from(inst, p).is_none() {
                self.push(
                    Code::PinnedPair,
                    format!("{path}.mentee"),
                    format!(
                        "{} cannot have a mentor: {}",
                        mentee.id,
                        if !mentee.wants_mentor {
                            "wants_mentor is false".to_string()
                        } else {
                            format!(
                                "phase \"{}\" is not among mentorship.eligible_phases early enough in the round for a series",
                                inst.phases[mentee.phase].id
                            )
                        }
                    ),
                    "set wants_mentor, add the phase to eligible_phases, or remove the pin",
                );
                continue;
            }
            if let Some(rule) = pair_violation(inst, m, p) {
                let why = match rule.name() {
                    "no_capacity" => "the mentor's capacity is 0".to_string(),
                    "not_trained" => "the mentor has not taken the mentor training, which mentorship.require_training demands".into(),
                    "too_junior" => {
                        format!("the mentor has {} years in the profession, fewer than {}", mentor.years, rules.file.mentor_min_years)
                    }
                    "same_unit" => "mentor and mentee work in the same unit".into(),
                    "same_municipality" => "mentor and mentee work in the same municipality, which the programme forbids".into(),
                    "excluded" => "the pair is listed in mentorship.exclusions".into(),
                    _ => format!("the travel time exceeds the mentor's max_travel_minutes ({:?})", mentor.max_travel_minutes),
                };
                self.push(
                    Code::PinnedPair,
                    path.clone(),
                    format!("the fixed pair {}–{} breaks a hard rule: {why}", mentor.id, mentee.id),
                    "pin another mentor, or change the rule that forbids the pair",
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
                        format!("mentor {} already has a pinned meeting on {d} ({first})", mentor.id),
                        "pin another date",
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
                    format!("mentor {} has capacity {cap} but {} fixed pairs ({})", inst.mentors[m].id, paths.len(), paths.join(", ")),
                    "raise the mentor's capacity or pin fewer mentees to them",
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
                self.push(
                    Code::PinnedSession,
                    path.clone(),
                    "the fixed session pins nothing but its course".into(),
                    "give at least one of dates, venue, trainers or attendees",
                );
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
                    format!("{d} is outside the round or a weekend, public holiday or closed date"),
                    "pin working days of the round",
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
                format!("{} distinct date(s) pinned, but course {} has {} day(s)", days.len(), c.id, c.days),
                "pin exactly the course's number of days",
            );
            return false;
        }
        if !tm.starts[pin.course.index()].contains(&days) {
            self.push(
                Code::PinnedSession,
                format!("{path}.dates"),
                format!("the dates do not follow course {}'s {:?} day pattern", c.id, c.pattern).to_lowercase(),
                "pin dates that follow the pattern (see docs/format.md, courses)",
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
                    format!("venue {} is unavailable on {d}", venue.id),
                    "pin another venue or other dates",
                );
            }
            let seats = venue.capacity.min(c.max_size);
            if pin.attendees.len() > seats || seats < c.min_size {
                self.push(
                    Code::PinnedAttendee,
                    format!("{path}.venue"),
                    format!(
                        "venue {} seats {} for course {} (max size {}, min size {}), but {} attendees are pinned",
                        venue.id,
                        venue.capacity,
                        c.id,
                        c.max_size,
                        c.min_size,
                        pin.attendees.len()
                    ),
                    "pin a larger venue or fewer attendees",
                );
            }
        }
        if pin.attendees.len() > c.max_size {
            self.push(
                Code::PinnedAttendee,
                format!("{path}.attendees"),
                format!("{} attendees are pinned, more than course {}'s max size {}", pin.attendees.len(), c.id, c.max_size),
                "pin at most the course's max size",
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
                format!("{} trainers pinned, course {} has {} per session", pin.trainers.len(), c.id, c.trainers_per_session),
                "pin at most trainers_per_session trainers",
            );
        }
        for (k, &r) in pin.trainers.iter().enumerate() {
            let t = &tm.trainers[r];
            if !c.qualified.contains(&r) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    format!("trainer {} is not qualified for course {}", t.id, c.id),
                    "pin a qualified trainer, or add the course to the trainer's courses",
                );
            } else if let Some(d) = pinned_days.iter().find(|d| t.unavailable.contains(d)) {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    format!("trainer {} is unavailable on {d}", t.id),
                    "pin another trainer or other dates",
                );
            } else if t.max_days < c.days {
                self.push(
                    Code::PinnedSession,
                    format!("{path}.trainers[{k}]"),
                    format!("trainer {} teaches at most {} day(s), course {} has {}", t.id, t.max_days, c.id, c.days),
                    "pin another trainer",
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
                let role = crate::format::Role::from(who.role).name();
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    format!("{} is a {role} participant and may not take course {}, which is for other roles", who.id, c.id),
                    "remove the attendee, or add the role to the course's \"roles\"",
                );
                continue;
            }
            let Some(d) = *d else {
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    format!("{} has no demand for course {} (individual plan or phase default)", who.id, c.id),
                    "add a line to \"demand\" for the participant and course, or remove the attendee",
                );
                continue;
            };
            let dem = &tm.demands[d];
            if !dem.eligible {
                self.push(
                    Code::PinnedAttendee,
                    ap,
                    format!("{}'s phase \"{}\" may not take course {}", who.id, inst.phases[who.phase].id, c.id),
                    "remove the attendee or the course's phase restriction",
                );
                continue;
            }
            if let Some(first) = claims.attendee_course.insert((p.index(), pin.course.index()), path.to_string()) {
                self.push(
                    Code::PinnedAttendee,
                    ap.clone(),
                    format!("{} is already pinned into a session of course {} ({first})", who.id, c.id),
                    "pin each attendee into one session of a course",
                );
            }
            let Some(days) = pin.days.as_ref().filter(|_| days_ok) else { continue };
            match dem.window {
                Some((lo, hi)) if days[0] >= lo && days[days.len() - 1] <= hi => {}
                _ => self.push(
                    Code::PinnedAttendee,
                    ap.clone(),
                    format!("the pinned dates lie outside {}'s window for course {} (employment start to deadline)", who.id, c.id),
                    "pin dates inside the window or remove the attendee",
                ),
            }
            for &t in days {
                let date = tm.days[t];
                if who.unavailable.contains(&date) {
                    self.push(
                        Code::PinnedAttendee,
                        ap.clone(),
                        format!("{} is unavailable on {date}", who.id),
                        "pin other dates or remove the attendee",
                    );
                } else if let Some(first) = claims.person_day.insert((p.index(), date), path.to_string()) {
                    self.push(
                        Code::PinnedAttendee,
                        ap.clone(),
                        format!("{} is also pinned into {first} on {date}", who.id),
                        "a person attends one session a day: change one of the pins",
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
                    format!("{} is pinned to a course day on {d} and to a meeting on that day ({mpath})", inst.participants[p].id),
                    "move the session or the meeting",
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
                    format!("{} fixed groups, but the programme forms {mx}", pins.len()),
                    "pin fewer groups or raise \"groups\"",
                );
            }
            let largest = prog.group_sizes.as_ref().map_or(prog.max_size, |s| s.iter().map(|r| r.1).max().unwrap_or(0));
            for pin in &pins {
                let path = pin.path.clone();
                if pin.members.is_empty() {
                    self.push(
                        Code::PinnedGroup,
                        format!("{path}.members"),
                        "a fixed group with no members".into(),
                        "list the members who belong together",
                    );
                }
                if pin.members.len() > largest {
                    self.push(
                        Code::PinnedGroup,
                        format!("{path}.members"),
                        format!("{} members pinned together, more than the programme's largest group ({largest})", pin.members.len()),
                        "split the fixed group or raise max_size",
                    );
                }
                for (j, &p) in pin.members.iter().enumerate() {
                    let who = &inst.participants[p];
                    if let Some(first) = member_of.insert(p, path.clone()) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            format!("{} is also pinned into {first}", who.id),
                            "a participant is in one group of a programme: keep one pin",
                        );
                    }
                    if !prog.candidates.contains(&p) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            format!("{} is not enrolled in programme {}", who.id, prog.id),
                            "add the participant to \"enrolled\" or remove them from the fixed group",
                        );
                    } else if let Some(why) = crate::rules::groups::ineligibility(inst, prog, p) {
                        self.push(
                            Code::PinnedGroup,
                            format!("{path}.members[{j}]"),
                            format!("{} is not eligible for programme {}: {why}", who.id, prog.id),
                            "remove them from the fixed group or widen the eligibility",
                        );
                    }
                    for (k, d) in pin.meetings.iter().enumerate() {
                        if let Some(ppath) = pair_days.get(&(p, *d)) {
                            self.push(
                                Code::PinnedMeetings,
                                format!("{path}.meetings[{k}]"),
                                format!("member {} has a pinned mentor meeting on {d} ({ppath})", who.id),
                                "pin another date for one of the two",
                            );
                        }
                    }
                }
                let caps = [
                    (prog.max_per_unit, "unit", pin.members.iter().map(|&p| inst.participants[p].unit.index()).collect::<Vec<_>>()),
                    (
                        prog.max_per_municipality,
                        "municipality",
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
                                format!("{n} members from one {what}, more than the programme's cap of {cap}"),
                                "change the members or the mixing cap",
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
                            format!("leader {} lacks the qualification \"{}\"", leader.id, prog.qualification),
                            "pin a qualified leader, or add the qualification",
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
                    format!(
                        "leader {} leads at most {} groups but is pinned to {} ({})",
                        leader.id,
                        leader.max_groups,
                        paths.len(),
                        paths.join(", ")
                    ),
                    "pin another leader or raise max_groups",
                );
            }
        }
    }
}
