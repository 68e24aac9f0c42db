//! The rules of a mentor–mentee pair: which hard rule forbids a pair ([`pair_violation`]),
//! which mentees one mentor may not take together ([`mentee_group`], [`mentees_conflict`]) and
//! what an allowed pair costs ([`pair_cost`]). Used by pin validation (`load`), matching
//! (`solve`), re-planning and explanations; the checker states the same rules on its own.

use crate::model::SameMunicipality;
use crate::model::{Instance, MentorId, MunicipalityId, ParticipantId};
use std::collections::BTreeMap;

/// A hard rule that can exclude a mentor for a mentee. The names are those used in plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PairRule {
    /// Mentor and mentee are one person (a participant who also mentors, the same id in both
    /// lists): nobody mentors themselves.
    SamePerson,
    /// The mentor's capacity is zero.
    NoCapacity,
    /// The mentor has not taken the mentor training and training is required.
    NotTrained,
    /// The mentor has fewer years in the profession than required.
    TooJunior,
    /// Mentor and mentee work in the same unit (always forbidden).
    SameUnit,
    /// Same municipality, and the programme forbids it.
    SameMunicipality,
    /// The pair is explicitly excluded (e.g. line manager).
    Excluded,
    /// The travel time exceeds the mentor's maximum.
    TooFar,
}

impl PairRule {
    /// The rule's name as written in plans.
    pub fn name(self) -> &'static str {
        match self {
            PairRule::SamePerson => "same_person",
            PairRule::NoCapacity => "no_capacity",
            PairRule::NotTrained => "not_trained",
            PairRule::TooJunior => "too_junior",
            PairRule::SameUnit => "same_unit",
            PairRule::SameMunicipality => "same_municipality",
            PairRule::Excluded => "excluded",
            PairRule::TooFar => "too_far",
        }
    }
}

/// The soft cost of a pair by term (weighted).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairCostTerms {
    /// Weighted one-way travel time.
    pub travel: f64,
    /// Same-municipality penalty.
    pub same_municipality: f64,
    /// Mentee interests not covered by the mentor's expertise.
    pub interest_mismatch: f64,
    /// Repeat of an earlier pair.
    pub repeat_pair: f64,
    /// Explicit pair cost from the instance (replaces all the terms above).
    pub explicit: Option<f64>,
}

impl PairCostTerms {
    /// Sum of the terms.
    pub fn total(&self) -> f64 {
        match self.explicit {
            Some(c) => c,
            None => self.travel + self.same_municipality + self.interest_mismatch + self.repeat_pair,
        }
    }

    /// The terms by name, as reported in plans.
    pub fn by_name(&self) -> BTreeMap<String, f64> {
        let mut m = BTreeMap::new();
        match self.explicit {
            Some(c) => {
                m.insert("explicit_pair_cost".to_string(), c);
            }
            None => {
                m.insert("travel".to_string(), self.travel);
                m.insert("same_municipality".to_string(), self.same_municipality);
                m.insert("interest_mismatch".to_string(), self.interest_mismatch);
                m.insert("repeat_pair".to_string(), self.repeat_pair);
            }
        }
        m
    }
}

/// The first hard rule that forbids mentor `m` for participant `p`, if any.
pub fn pair_violation(inst: &Instance, m: MentorId, p: ParticipantId) -> Option<PairRule> {
    let mentor = &inst.mentors[m];
    let mentee = &inst.participants[p];
    let rules = &inst.mentorship;
    if mentor.id == mentee.id {
        return Some(PairRule::SamePerson);
    }
    if mentor.capacity == 0 {
        return Some(PairRule::NoCapacity);
    }
    if rules.file.require_training && !mentor.trained {
        return Some(PairRule::NotTrained);
    }
    if mentor.years < rules.file.mentor_min_years {
        return Some(PairRule::TooJunior);
    }
    if mentor.unit == mentee.unit {
        return Some(PairRule::SameUnit);
    }
    if rules.same_municipality == SameMunicipality::Forbidden && mentor.municipality == mentee.municipality {
        return Some(PairRule::SameMunicipality);
    }
    if !rules.exclusions.is_empty() && rules.exclusions.contains(&(m, p)) {
        return Some(PairRule::Excluded);
    }
    if let Some(max) = mentor.max_travel_minutes {
        if inst.travel(mentor.municipality, mentee.municipality) > max {
            return Some(PairRule::TooFar);
        }
    }
    None
}

/// The rule "a mentor takes at most one mentee per municipality"
/// (`mentorship.one_mentee_per_municipality`): the group a mentee counts in — the mentee's
/// municipality — of which one mentor may take one mentee; None when the round does not have
/// the rule. Not a pair rule: it is about the other mentees of the same mentor.
pub fn mentee_group(inst: &Instance, p: ParticipantId) -> Option<MunicipalityId> {
    inst.mentorship.file.one_mentee_per_municipality.then(|| inst.participants[p].municipality)
}

/// Whether one mentor may not take both mentees `a` and `b` ([`mentee_group`]).
pub fn mentees_conflict(inst: &Instance, a: ParticipantId, b: ParticipantId) -> bool {
    a != b && mentee_group(inst, a).is_some_and(|g| mentee_group(inst, b) == Some(g))
}

/// The soft cost of an allowed pair.
pub fn pair_cost(inst: &Instance, m: MentorId, p: ParticipantId) -> PairCostTerms {
    if !inst.mentorship.pair_costs.is_empty() {
        if let Some(&c) = inst.mentorship.pair_costs.get(&(m, p)) {
            return PairCostTerms { explicit: Some(c), ..Default::default() };
        }
    }
    let mentor = &inst.mentors[m];
    let mentee = &inst.participants[p];
    let w = &inst.weights;
    let same = mentor.municipality == mentee.municipality;
    // Tag lists are short (a handful each): a linear scan beats hashing.
    let uncovered = mentee.interests.iter().filter(|t| !mentor.expertise.iter().any(|e| e == *t)).count();
    PairCostTerms {
        travel: w.travel_per_minute * inst.travel(mentor.municipality, mentee.municipality),
        same_municipality: if same && inst.mentorship.same_municipality == SameMunicipality::Penalised { w.same_municipality } else { 0.0 },
        interest_mismatch: w.interest_mismatch * uncovered as f64,
        repeat_pair: if !mentor.history.is_empty() && mentor.history.contains(&p) { w.repeat_pair } else { 0.0 },
        explicit: None,
    }
}

/// Whether participant `p` is in a phase with mentors on `date` (people move up the staircase
/// during a round).
pub fn mentee_phase_on(inst: &Instance, p: ParticipantId, date: chrono::NaiveDate) -> bool {
    inst.mentorship.eligible_phases.contains(&inst.participants[p].phase_on(&inst.phases, date))
}

/// The first day of the round on which participant `p`'s phase has mentors, if there is one.
pub fn first_phase_day(inst: &Instance, p: ParticipantId) -> Option<chrono::NaiveDate> {
    let (start, end) = (inst.calendar.start, inst.calendar.end);
    start.iter_days().take_while(|d| *d <= end).find(|&d| mentee_phase_on(inst, p, d))
}

/// The day from which participant `p` (who wants a mentor) can be mentored in this round, if
/// they can: the round's start when their phase has mentors then; otherwise the day they reach
/// such a phase during the round, provided a whole series still fits (working days from that
/// day on in at least `min_meetings` calendar months). A series starts on or after this day,
/// with its first meeting on a day the mentee's phase has mentors, and then runs its course
/// (a mentee who moves up a phase mid-series keeps their mentor).
pub fn mentoring_from(inst: &Instance, p: ParticipantId) -> Option<chrono::NaiveDate> {
    let from = first_phase_day(inst, p)?;
    if from == inst.calendar.start {
        return Some(from);
    }
    let months: std::collections::BTreeSet<i32> =
        inst.calendar.working_days().into_iter().filter(|d| *d >= from).map(crate::model::calendar::month_key).collect();
    (months.len() >= inst.mentorship.min_meetings).then_some(from)
}
