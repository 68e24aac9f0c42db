//! Pseudonymised copies of an instance, for sharing a round with a developer or researcher.
//!
//! Every person id (participants, mentors, group leaders, trainers, introduktörer, and earlier
//! mentees or group members the round only mentions) becomes a pseudonym — `P0001` for
//! participants, `M0001` mentors, `L0001` group leaders, `T0001` trainers, `I0001`
//! introduktörer, `X0001` people outside the round — consistently in every reference; names
//! become `Deltagare P0001` and so on (a person with several roles keeps the first role's). Pseudonyms are
//! numbered in the order of a keyed SHA-256 hash of the original id, so the same instance and
//! key give the same file, and without the key the numbering says nothing about the original
//! ids. People lists and lists of references are sorted by pseudonym, so a row's position does
//! not give the person away either.
//!
//! Kept, because the rules and the plan depend on them: units, municipalities, roles,
//! profession and employment start dates (phases, deadlines, group eligibility and who is
//! served first all use them; shifting them would change the plan), unavailable dates,
//! interests, expertise, capacities, years in the profession. Dropped: the free-text reasons
//! of people's unavailable dates (they can reveal illness or parental leave) and of pair
//! exclusions ("former manager"). Every other free text that could hold a name is replaced by
//! neutral text ([`neutral_texts`]): the round's name, the reasons of closed dates and of
//! venues' unavailable dates, the labels of pinned sessions, and the names of venues, courses
//! and group programmes (a course "Barnsamtal med Eva Lund" names a trainer). Ids, theme tags
//! and the region are kept: its municipalities' names are public geography (the report's map)
//! and its units' names are the organisation's (the copy keeps the region as it is).
//!
//! The result is pseudonymised, not anonymous: a colleague who knows a small unit may still
//! recognise someone by unit and start dates. Share it only with people who need it.

use crate::format::{DateOrRange, InstanceFile};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// Calls `f` on every person id of the instance: the people lists' own ids and every reference
/// to a person (mentor history, exclusions, pair costs, group enrolment, earlier groups, pair
/// weights, individual plans, course history). The one place that knows where person ids are;
/// a new field holding person ids belongs here.
pub fn for_each_person_id(file: &mut InstanceFile, f: &mut dyn FnMut(&mut String)) {
    for p in &mut file.participants {
        f(&mut p.id);
    }
    for m in &mut file.mentors {
        f(&mut m.id);
        m.history.iter_mut().for_each(&mut *f);
    }
    for l in &mut file.group_leaders {
        f(&mut l.id);
    }
    for t in &mut file.trainers {
        f(&mut t.id);
    }
    for x in &mut file.introducers {
        f(&mut x.id);
    }
    for e in &mut file.mentorship.exclusions {
        f(&mut e.mentor);
        f(&mut e.mentee);
    }
    for c in &mut file.mentorship.pair_costs {
        f(&mut c.mentor);
        f(&mut c.mentee);
    }
    for p in &mut file.mentorship.fixed_pairs {
        f(&mut p.mentor);
        f(&mut p.mentee);
    }
    for s in &mut file.fixed_sessions {
        s.trainers.iter_mut().flatten().for_each(&mut *f);
        s.attendees.iter_mut().flatten().for_each(&mut *f);
    }
    for g in &mut file.group_programmes {
        if let Some(enrolled) = &mut g.enrolled {
            enrolled.iter_mut().for_each(&mut *f);
        }
        for group in &mut g.together_before {
            group.iter_mut().for_each(&mut *f);
        }
        for w in &mut g.pair_weights {
            f(&mut w.a);
            f(&mut w.b);
        }
        for fg in &mut g.fixed_groups {
            fg.members.iter_mut().for_each(&mut *f);
            fg.leader.iter_mut().for_each(&mut *f);
        }
    }
    for d in &mut file.demand {
        f(&mut d.participant);
    }
    for c in &mut file.course_history {
        f(&mut c.participant);
    }
}

fn keyed_hash(key: &[u8], class: char, id: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"trappa-anonymise\0");
    h.update((key.len() as u64).to_le_bytes());
    h.update(key);
    h.update([class as u8, 0]);
    h.update(id.as_bytes());
    h.finalize().into()
}

/// The pseudonym of every person id of the instance under `key`.
pub fn pseudonyms(file: &InstanceFile, key: &[u8]) -> HashMap<String, String> {
    // The class of an id: the first people list it appears in; ids only referred to are 'X'.
    let mut class: HashMap<String, char> = HashMap::new();
    for (c, ids) in [
        ('P', file.participants.iter().map(|p| &p.id).collect::<Vec<_>>()),
        ('M', file.mentors.iter().map(|p| &p.id).collect()),
        ('L', file.group_leaders.iter().map(|p| &p.id).collect()),
        ('T', file.trainers.iter().map(|p| &p.id).collect()),
        ('I', file.introducers.iter().map(|p| &p.id).collect()),
    ] {
        for id in ids {
            class.entry(id.clone()).or_insert(c);
        }
    }
    let mut copy = file.clone();
    for_each_person_id(&mut copy, &mut |id: &mut String| {
        class.entry(id.clone()).or_insert('X');
    });
    let mut by_class: BTreeMap<char, Vec<([u8; 32], String)>> = BTreeMap::new();
    for (id, c) in &class {
        by_class.entry(*c).or_default().push((keyed_hash(key, *c, id), id.clone()));
    }
    let mut out = HashMap::new();
    for (c, mut ids) in by_class {
        // Sorting by (hash, id) is total, so even equal hashes give distinct, stable numbers.
        ids.sort();
        let width = ids.len().to_string().len().max(4);
        for (n, (_, id)) in ids.into_iter().enumerate() {
            out.insert(id, format!("{c}{:0width$}", n + 1));
        }
    }
    out
}

fn drop_reasons(list: &mut [DateOrRange]) {
    for d in list {
        if let DateOrRange::Range { reason, .. } = d {
            *reason = None;
        }
    }
}

/// Replaces the free texts that could hold a name with neutral text built from ids, dates and
/// positions: the round's name, closed dates' and venues' reasons, pinned sessions' labels,
/// and the names of venues, courses and group programmes.
fn neutral_texts(out: &mut InstanceFile) {
    out.round.name = format!("Omgång {} – {}", out.round.start, out.round.end);
    drop_reasons(&mut out.calendar.closed);
    for (k, s) in out.fixed_sessions.iter_mut().enumerate() {
        if s.id.is_some() {
            s.id = Some(format!("fast-{:02}", k + 1));
        }
    }
    for v in &mut out.venues {
        v.name = format!("Lokal {}", v.id);
        drop_reasons(&mut v.unavailable);
    }
    for c in &mut out.courses {
        c.name = format!("Kurs {}", c.id);
    }
    for g in &mut out.group_programmes {
        g.name = format!("Program {}", g.id);
    }
}

/// A pseudonymised copy of the instance (see the module documentation for what is kept).
pub fn anonymise(file: &InstanceFile, key: &[u8]) -> InstanceFile {
    let map = pseudonyms(file, key);
    let mut out = file.clone();
    for_each_person_id(&mut out, &mut |id: &mut String| {
        if let Some(p) = map.get(id.as_str()) {
            *id = p.clone();
        }
    });
    // One person, several roles: the name of their first role in every list they are in.
    let mut names: HashMap<String, String> = HashMap::new();
    let mut name = |id: &str, role: &str| names.entry(id.to_string()).or_insert_with(|| format!("{role} {id}")).clone();
    for p in &mut out.participants {
        p.name = name(&p.id, "Deltagare");
        drop_reasons(&mut p.unavailable);
    }
    for m in &mut out.mentors {
        m.name = name(&m.id, "Mentor");
        drop_reasons(&mut m.unavailable);
        m.history.sort();
    }
    for l in &mut out.group_leaders {
        l.name = name(&l.id, "Gruppledare");
        drop_reasons(&mut l.unavailable);
    }
    for t in &mut out.trainers {
        t.name = name(&t.id, "Utbildare");
        drop_reasons(&mut t.unavailable);
    }
    for x in &mut out.introducers {
        x.name = name(&x.id, "Introduktör");
    }
    for e in &mut out.mentorship.exclusions {
        e.reason = None;
    }
    neutral_texts(&mut out);
    // Positions in the lists would give people away to someone holding the original file.
    out.participants.sort_by(|a, b| a.id.cmp(&b.id));
    out.mentors.sort_by(|a, b| a.id.cmp(&b.id));
    out.group_leaders.sort_by(|a, b| a.id.cmp(&b.id));
    out.trainers.sort_by(|a, b| a.id.cmp(&b.id));
    out.introducers.sort_by(|a, b| a.id.cmp(&b.id));
    out.mentorship.exclusions.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    out.mentorship.pair_costs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    out.demand.sort_by(|a, b| (&a.participant, &a.course).cmp(&(&b.participant, &b.course)));
    out.course_history.sort_by(|a, b| (&a.participant, &a.course).cmp(&(&b.participant, &b.course)));
    for g in &mut out.group_programmes {
        if let Some(e) = &mut g.enrolled {
            e.sort();
        }
        for group in &mut g.together_before {
            group.sort();
        }
        g.together_before.sort();
        g.pair_weights.sort_by(|a, b| (&a.a, &a.b).cmp(&(&b.a, &b.b)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> InstanceFile {
        crate::load::parse_and_validate(include_str!("../instances/uppsala-small.json")).unwrap()
    }

    /// A round with free text everywhere a name could hide: the round, closures, venues,
    /// courses, a pinned session's label, people and their reasons.
    fn talkative() -> (InstanceFile, Vec<String>) {
        let mut v: serde_json::Value = serde_json::from_str(include_str!("../instances/liten-kursomgang.json")).unwrap();
        v["round"]["name"] = "Annas och Bos kursomgång".into();
        v["calendar"] = serde_json::json!({"closed": [{"from": "2027-02-08", "to": "2027-02-09", "reason": "Cias bröllop"}]});
        v["venues"][0]["name"] = "Evas konferensrum".into();
        v["venues"][1]["unavailable"] = serde_json::json!([{"from": "2027-02-10", "to": "2027-02-10", "reason": "Fias fest"}]);
        v["courses"][0]["name"] = "Barnsamtal med Gun Holm".into();
        v["fixed_sessions"] = serde_json::json!([{"course": "lvu", "id": "Hans lvu-pass", "venue": "gbg"}]);
        let f = crate::load::parse_and_validate(&v.to_string()).expect("a valid round");
        let mut texts: Vec<String> = ["Annas och Bos kursomgång", "Cias bröllop", "Evas konferensrum", "Fias fest"]
            .into_iter()
            .chain(["Barnsamtal med Gun Holm", "Hans lvu-pass", "Liten omgång", "Göteborg sal 1", "Alingsås sal", "LVU"])
            .map(String::from)
            .collect();
        texts.extend(f.participants.iter().map(|p| p.name.clone()));
        texts.extend(f.trainers.iter().map(|t| t.name.clone()));
        (f, texts)
    }

    #[test]
    fn no_free_text_of_the_original_survives_and_the_copy_validates() {
        let (f, texts) = talkative();
        let anon = anonymise(&f, b"k");
        let json = serde_json::to_string_pretty(&anon).unwrap();
        for t in &texts {
            assert!(!json.contains(t.as_str()), "\"{t}\" survives in the pseudonymised copy");
        }
        crate::load::parse_and_validate(&json).expect("the copy is a valid instance");
        assert_eq!(anon.round.name, "Omgång 2027-02-01 – 2027-02-12");
        assert_eq!(anon.fixed_sessions[0].id.as_deref(), Some("fast-01"));
        // The rules keep what they depend on: ids of courses and venues, dates, sizes.
        assert_eq!(anon.courses.iter().map(|c| &c.id).collect::<Vec<_>>(), f.courses.iter().map(|c| &c.id).collect::<Vec<_>>());
        assert_eq!(anon.calendar.closed.len(), 1);
    }

    #[test]
    fn pseudonyms_are_distinct_and_keyed() {
        let f = small();
        let a = pseudonyms(&f, b"k1");
        let b = pseudonyms(&f, b"k2");
        let mut values: Vec<_> = a.values().collect();
        values.sort();
        values.dedup();
        assert_eq!(values.len(), a.len());
        assert_eq!(a, pseudonyms(&f, b"k1"));
        assert_ne!(a, b, "another key gives another numbering");
        for p in &f.participants {
            assert!(a[&p.id].starts_with('P'));
        }
        for m in &f.mentors {
            assert!(a[&m.id].starts_with('M'));
        }
    }
}
