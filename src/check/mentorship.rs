//! Checker rules for mentor–mentee pairs and their meeting series, one function per code.
//!
//! The driver walks the pairs in the plan's order and, for each pair and each of its meetings,
//! asks the rules in a fixed order, so violations are listed pair by pair; then come the rules
//! over all pairs (capacity, unmatched mentees, maximum matching, objective).

use super::derive::{augmenting_matching, count_breaks, in_round, index_by_id, month_of, phase_of, unavailable_on, Closed, Region};
use super::{bound_beyond, derive, violation, CheckCode, CheckReport, Violation};
use crate::format::plan::{Optimality, PairPlan, PlanFile, UnmatchedMentee};
use crate::format::{DateOrRange, InstanceFile, MeetingPlace, SameMunicipality};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A mentor or mentee as the pair rules see them.
struct Person<'a> {
    unit: &'a str,
    municipality: usize,
    unavailable: &'a [DateOrRange],
}

/// What the mentorship rules look up, derived once from the instance.
struct Ctx<'a> {
    f: &'a InstanceFile,
    region: Region<'a>,
    participant: HashMap<&'a str, usize>,
    mentor: HashMap<&'a str, usize>,
    excluded: HashSet<(&'a str, &'a str)>,
    explicit: HashMap<(&'a str, &'a str), f64>,
    history: HashSet<(&'a str, &'a str)>,
}

impl<'a> Ctx<'a> {
    fn new(f: &'a InstanceFile) -> Self {
        let rules = &f.mentorship;
        Ctx {
            f,
            region: Region::new(f),
            participant: index_by_id(&f.participants, |p| p.id.as_str()),
            mentor: index_by_id(&f.mentors, |m| m.id.as_str()),
            excluded: rules.exclusions.iter().map(|e| (e.mentor.as_str(), e.mentee.as_str())).collect(),
            explicit: rules.pair_costs.iter().map(|c| ((c.mentor.as_str(), c.mentee.as_str()), c.cost)).collect(),
            history: f.mentors.iter().flat_map(|m| m.history.iter().map(move |h| (m.id.as_str(), h.as_str()))).collect(),
        }
    }

    fn participant(&self, p: usize) -> Person<'a> {
        let x = &self.f.participants[p];
        Person { unit: &x.unit, municipality: self.region.municipality_of(&x.unit), unavailable: &x.unavailable }
    }

    fn mentor(&self, m: usize) -> Person<'a> {
        let x = &self.f.mentors[m];
        Person { unit: &x.unit, municipality: self.region.municipality_of(&x.unit), unavailable: &x.unavailable }
    }

    /// The participant wants a mentor and can be mentored in the round ([`mentored_from`]).
    fn eligible_mentee(&self, p: usize) -> bool {
        self.f.participants[p].wants_mentor && mentored_from(self.f, p).is_some()
    }

    /// The first hard pair rule that mentor `m` and participant `p` would break, if any.
    fn pair_rule(&self, m: usize, p: usize) -> Option<(CheckCode, String)> {
        same_unit(self, m, p)
            .or_else(|| same_municipality(self, m, p))
            .or_else(|| mentor_not_qualified(self, m))
            .or_else(|| mentor_without_capacity(self, m))
            .or_else(|| excluded_pair(self, m, p))
            .or_else(|| too_far(self, m, p))
    }

    /// Whether the hard pair rules allow mentor `m` for participant `p`.
    fn allowed(&self, m: usize, p: usize) -> bool {
        self.pair_rule(m, p).is_none()
    }
}

/// Verifies pairs, meetings, unmatched claims and the objective.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let ctx = Ctx::new(f);
    let v = &mut report.violations;
    let mut load: BTreeMap<usize, usize> = BTreeMap::new();
    let mut paired: HashSet<usize> = HashSet::new();
    let mut busy: HashSet<(&str, NaiveDate)> = HashSet::new();
    let mut terms: BTreeMap<String, f64> = BTreeMap::new();
    let mut pair_list: Vec<(usize, usize)> = Vec::new();

    for pair in &plan.mentorship.pairs {
        let (m, p) = match unknown_person(&ctx, pair) {
            Ok(mp) => mp,
            Err(e) => {
                v.push(e);
                continue;
            }
        };
        pair_list.push((m, p));
        v.extend(mentee_not_eligible(&ctx, pair, p));
        v.extend(mentee_twice(pair, p, &mut paired));
        *load.entry(m).or_insert(0) += 1;
        // Capacity is counted over all pairs below, not pair by pair.
        if let Some((code, msg)) = ctx.pair_rule(m, p).filter(|(code, _)| *code != CheckCode::MentorOverCapacity) {
            v.push(violation(code, msg));
        }
        pair_cost(&ctx, pair, m, p, &mut terms);
        v.extend(meeting_count(&ctx, pair));
        let (mentor, mentee) = (ctx.mentor(m), ctx.participant(p));
        meetings(&ctx, pair, (&mentor, &mentee), &mut busy, v);
        v.extend(meeting_place(&ctx, pair, mentor.municipality, mentee.municipality));
    }

    mentor_over_capacity(&ctx, &load, v);
    let places = one_mentee_per_municipality(&ctx, &pair_list, v);
    let balance: f64 = load.values().map(|&l| f.weights.balance * (l * l.saturating_sub(1)) as f64 / 2.0).sum();
    terms.insert("balance".into(), balance);
    let eligible: Vec<usize> = (0..f.participants.len()).filter(|&i| ctx.eligible_mentee(i)).collect();
    unmatched_unexplained(&ctx, plan, &eligible, (&paired, &load, &places), v);
    v.extend(not_maximum(&ctx, plan, &eligible, &pair_list));
    not_eligible_listed(&ctx, plan, v);
    let cost: f64 = terms.values().sum();
    objective_mismatch(plan, &terms, cost, v);
    v.extend(bound_beyond("the mentorship's", plan.status.bound, cost, cost_tolerance(cost, plan.mentorship.pairs.len()), false));
    report.recomputed_cost = cost;
    report.recomputed_terms = terms;
}

/// The rules of one meeting series, meeting by meeting: C021, C022, C025/C026 for the mentor
/// then the mentee, C023 and C024 against the meeting before.
fn meetings<'p>(
    ctx: &Ctx,
    pair: &'p PairPlan,
    people: (&Person, &Person),
    busy: &mut HashSet<(&'p str, NaiveDate)>,
    v: &mut Vec<Violation>,
) {
    for (k, &d) in pair.meetings.iter().enumerate() {
        v.extend(meeting_outside_round(ctx, pair, d));
        v.extend(meeting_closed_day(ctx, pair, d));
        v.extend(meeting_phase(ctx, pair, k, d));
        for (who, person) in [(&pair.mentor, people.0), (&pair.mentee, people.1)] {
            v.extend(meeting_unavailable(pair, who, person, d));
            v.extend(double_booked(who, d, busy));
        }
        if k > 0 {
            let prev = pair.meetings[k - 1];
            v.extend(meeting_same_month(pair, prev, d));
            v.extend(meeting_gap(ctx, pair, prev, d));
        }
    }
}

/// C010: both people of the pair are in the instance; returns (mentor, participant).
fn unknown_person(ctx: &Ctx, pair: &PairPlan) -> Result<(usize, usize), Violation> {
    match (ctx.mentor.get(pair.mentor.as_str()), ctx.participant.get(pair.mentee.as_str())) {
        (Some(&m), Some(&p)) => Ok((m, p)),
        _ => Err(violation(CheckCode::UnknownPerson, format!("pair {}–{} names someone not in the instance", pair.mentor, pair.mentee))),
    }
}

/// C011: the mentee wants a mentor and is in a phase with mentors.
fn mentee_not_eligible(ctx: &Ctx, pair: &PairPlan, p: usize) -> Option<Violation> {
    (!ctx.eligible_mentee(p)).then(|| {
        violation(
            CheckCode::MenteeNotEligible,
            format!(
                "{} is paired but does not want a mentor or is in phase \"{}\", not among {:?}",
                pair.mentee,
                phase_of(ctx.f, p),
                ctx.f.mentorship.eligible_phases
            ),
        )
    })
}

/// C012: a participant has one mentor at most.
fn mentee_twice(pair: &PairPlan, p: usize, paired: &mut HashSet<usize>) -> Option<Violation> {
    (!paired.insert(p)).then(|| violation(CheckCode::MenteeTwice, format!("{} has more than one mentor", pair.mentee)))
}

/// C013 (over all pairs): a mentor has no more mentees than the capacity.
fn mentor_over_capacity(ctx: &Ctx, load: &BTreeMap<usize, usize>, v: &mut Vec<Violation>) {
    for (&m, &l) in load {
        let cap = ctx.f.mentors[m].capacity.max(0) as usize;
        if l > cap {
            v.push(violation(CheckCode::MentorOverCapacity, format!("mentor {} has {l} mentees, capacity {cap}", ctx.f.mentors[m].id)));
        }
    }
}

/// The mentee of each (mentor, municipality) place the plan's pairs take (C019).
type Places = HashMap<(usize, usize), usize>;

/// C019 (over all pairs): with `one_mentee_per_municipality`, a mentor has at most one mentee
/// of each municipality. Returns the (mentor, municipality) places the pairs take (empty
/// without the rule).
fn one_mentee_per_municipality(ctx: &Ctx, pair_list: &[(usize, usize)], v: &mut Vec<Violation>) -> Places {
    let mut places = Places::new();
    if !ctx.f.mentorship.one_mentee_per_municipality {
        return places;
    }
    for &(m, p) in pair_list {
        let muni = ctx.participant(p).municipality;
        match places.get(&(m, muni)) {
            Some(&q) if q != p => v.push(violation(
                CheckCode::OneMenteePerMunicipality,
                format!(
                    "mentor {} has mentees {} and {} from {}; the programme allows one mentee per municipality",
                    ctx.f.mentors[m].id, ctx.f.participants[q].id, ctx.f.participants[p].id, ctx.f.region.municipalities[muni].id
                ),
            )),
            Some(_) => {}
            None => {
                places.insert((m, muni), p);
            }
        }
    }
    places
}

/// C013 (as a pair rule): a mentor without capacity may take no mentee.
fn mentor_without_capacity(ctx: &Ctx, m: usize) -> Option<(CheckCode, String)> {
    let mentor = &ctx.f.mentors[m];
    (mentor.capacity <= 0).then(|| (CheckCode::MentorOverCapacity, format!("mentor {} has capacity {}", mentor.id, mentor.capacity)))
}

/// C014: mentor and mentee work in different units.
fn same_unit(ctx: &Ctx, m: usize, p: usize) -> Option<(CheckCode, String)> {
    let (a, b) = (ctx.mentor(m), ctx.participant(p));
    (a.unit == b.unit).then(|| {
        let msg = format!("mentor {} and mentee {} both work in unit {}", ctx.f.mentors[m].id, ctx.f.participants[p].id, a.unit);
        (CheckCode::SameUnit, msg)
    })
}

/// C015: mentor and mentee are in different municipalities when the programme forbids the same.
fn same_municipality(ctx: &Ctx, m: usize, p: usize) -> Option<(CheckCode, String)> {
    let (a, b) = (ctx.mentor(m), ctx.participant(p));
    let forbidden = ctx.f.mentorship.same_municipality == SameMunicipality::Forbidden;
    (forbidden && a.municipality == b.municipality).then(|| {
        let place = &ctx.f.region.municipalities[a.municipality].id;
        (CheckCode::SameMunicipality, format!("mentor {} and mentee {} are both in {place}", ctx.f.mentors[m].id, ctx.f.participants[p].id))
    })
}

/// C016: the mentor is trained (when training is required) and has the years in the profession.
fn mentor_not_qualified(ctx: &Ctx, m: usize) -> Option<(CheckCode, String)> {
    let (rules, mentor) = (&ctx.f.mentorship, &ctx.f.mentors[m]);
    if rules.require_training && !mentor.trained {
        return Some((CheckCode::MentorNotQualified, format!("mentor {} has not taken the mentor training", mentor.id)));
    }
    (mentor.years_in_profession < rules.mentor_min_years).then(|| {
        let msg = format!(
            "mentor {} has {} years in the profession, fewer than {}",
            mentor.id, mentor.years_in_profession, rules.mentor_min_years
        );
        (CheckCode::MentorNotQualified, msg)
    })
}

/// C017: the pair is not excluded.
fn excluded_pair(ctx: &Ctx, m: usize, p: usize) -> Option<(CheckCode, String)> {
    let (mentor, mentee) = (ctx.f.mentors[m].id.as_str(), ctx.f.participants[p].id.as_str());
    ctx.excluded.contains(&(mentor, mentee)).then(|| (CheckCode::ExcludedPair, format!("the pair {mentor}–{mentee} is excluded")))
}

/// C018: the travel time is within the mentor's maximum.
fn too_far(ctx: &Ctx, m: usize, p: usize) -> Option<(CheckCode, String)> {
    let mentor = &ctx.f.mentors[m];
    let max = mentor.max_travel_minutes?;
    let t = ctx.region.travel(ctx.mentor(m).municipality, ctx.participant(p).municipality);
    (t > max).then(|| {
        let msg =
            format!("mentor {} would travel {t:.1} min to mentee {}, more than the maximum {max}", mentor.id, ctx.f.participants[p].id);
        (CheckCode::TooFar, msg)
    })
}

/// C020: the number of meetings is within the rules, or a shortfall is stated.
fn meeting_count(ctx: &Ctx, pair: &PairPlan) -> Option<Violation> {
    let rules = &ctx.f.mentorship;
    let n = pair.meetings.len();
    count_breaks(n, rules.min_meetings, rules.max_meetings, pair.shortfall.is_some()).then(|| {
        violation(
            CheckCode::MeetingCount,
            format!("{}–{} has {n} meetings; the rules ask for {}–{}", pair.mentor, pair.mentee, rules.min_meetings, rules.max_meetings),
        )
    })
}

/// Whether participant p's phase on `d` is among the phases with mentors.
fn phase_has_mentors(f: &InstanceFile, p: usize, d: NaiveDate) -> bool {
    let phase = derive::phase_on(f, p, d).map_or("", |i| f.phases[i].id.as_str());
    f.mentorship.eligible_phases.iter().any(|x| x == phase)
}

/// The day from which participant p can be mentored in the round: the round's start when their
/// phase has mentors then; else the first day they reach such a phase, if days that are not
/// closed remain from then on in at least `min_meetings` calendar months.
fn mentored_from(f: &InstanceFile, p: usize) -> Option<NaiveDate> {
    let (start, end) = (f.round.start, f.round.end);
    let from = start.iter_days().take_while(|d| *d <= end).find(|&d| phase_has_mentors(f, p, d))?;
    if from == start {
        return Some(from);
    }
    let months: BTreeSet<(i32, u32)> =
        from.iter_days().take_while(|d| *d <= end).filter(|&d| derive::closed(f, d).is_none()).map(month_of).collect();
    (months.len() >= f.mentorship.min_meetings as usize).then_some(from)
}

/// C028: no meeting falls before the mentee can be mentored, and the first falls on a day their
/// phase has mentors (the series then runs its course).
fn meeting_phase(ctx: &Ctx, pair: &PairPlan, k: usize, d: NaiveDate) -> Option<Violation> {
    let &p = ctx.participant.get(pair.mentee.as_str())?;
    let early = mentored_from(ctx.f, p).is_some_and(|from| d < from);
    (early || (k == 0 && !phase_has_mentors(ctx.f, p, d))).then(|| {
        let phase = derive::phase_on(ctx.f, p, d).map_or("", |i| ctx.f.phases[i].id.as_str());
        violation(
            CheckCode::MeetingPhase,
            format!("{}–{} meets on {d}, when {} is in phase \"{phase}\", which has no mentors", pair.mentor, pair.mentee, pair.mentee),
        )
    })
}

/// C021: the meeting lies inside the round.
fn meeting_outside_round(ctx: &Ctx, pair: &PairPlan, d: NaiveDate) -> Option<Violation> {
    let round = &ctx.f.round;
    (!in_round(ctx.f, d)).then(|| {
        violation(
            CheckCode::MeetingOutsideRound,
            format!("{}–{} meets on {d}, outside the round {}–{}", pair.mentor, pair.mentee, round.start, round.end),
        )
    })
}

/// C022: the meeting falls on no weekend, holiday or closed date.
fn meeting_closed_day(ctx: &Ctx, pair: &PairPlan, d: NaiveDate) -> Option<Violation> {
    let why = match derive::closed(ctx.f, d)? {
        Closed::Holiday(why) => why,
        Closed::RoundClosed => "a closed date of the round",
    };
    Some(violation(CheckCode::MeetingClosedDay, format!("{}–{} meets on {d}, {why}", pair.mentor, pair.mentee)))
}

/// C023: two consecutive meetings fall in different months.
fn meeting_same_month(pair: &PairPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let (y, m) = month_of(d);
    (month_of(prev) == (y, m))
        .then(|| violation(CheckCode::MeetingSameMonth, format!("{}–{} meets twice in {y}-{m:02}", pair.mentor, pair.mentee)))
}

/// C024: consecutive meetings ascend and are at least the minimum gap apart.
fn meeting_gap(ctx: &Ctx, pair: &PairPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let min = ctx.f.mentorship.min_days_between;
    if d <= prev {
        return Some(violation(
            CheckCode::MeetingGap,
            format!("{}–{}: meetings are not in ascending order ({prev}, {d})", pair.mentor, pair.mentee),
        ));
    }
    let days = (d - prev).num_days();
    (days < min as i64).then(|| {
        violation(
            CheckCode::MeetingGap,
            format!("{}–{} meets on {prev} and {d}, {days} days apart; the minimum is {min}", pair.mentor, pair.mentee),
        )
    })
}

/// C025: neither of the two is unavailable on the meeting date.
fn meeting_unavailable(pair: &PairPlan, who: &str, person: &Person, d: NaiveDate) -> Option<Violation> {
    unavailable_on(person.unavailable, d).then(|| {
        violation(CheckCode::MeetingUnavailable, format!("{who} is unavailable on {d}, a meeting of {}–{}", pair.mentor, pair.mentee))
    })
}

/// C026: a person has one mentor meeting a day at most (`busy` holds the days seen so far).
fn double_booked<'p>(who: &'p str, d: NaiveDate, busy: &mut HashSet<(&'p str, NaiveDate)>) -> Option<Violation> {
    (!busy.insert((who, d))).then(|| violation(CheckCode::DoubleBooked, format!("{who} has two meetings on {d}")))
}

/// C027: the pair meets in a known municipality, chosen by the programme's policy.
fn meeting_place(ctx: &Ctx, pair: &PairPlan, mentor_muni: usize, mentee_muni: usize) -> Option<Violation> {
    let Some(&place) = ctx.region.municipality.get(pair.meeting_place.as_str()) else {
        return Some(violation(
            CheckCode::MeetingPlace,
            format!("{}–{} meets in unknown municipality \"{}\"", pair.mentor, pair.mentee, pair.meeting_place),
        ));
    };
    let policy = ctx.f.mentorship.meeting_place;
    let ok = match policy {
        MeetingPlace::Mentor => place == mentor_muni,
        MeetingPlace::Mentee => place == mentee_muni,
        MeetingPlace::MinCombinedTravel => {
            let cost = |x: usize| ctx.region.travel(mentor_muni, x) + ctx.region.travel(mentee_muni, x);
            cost(place) <= ctx.region.least_over_municipalities(cost) + 1e-6
        }
    };
    (!ok).then(|| {
        violation(
            CheckCode::MeetingPlace,
            format!("{}–{} meets in {} against the policy {:?}", pair.mentor, pair.mentee, pair.meeting_place, policy),
        )
    })
}

/// C030: every eligible, unpaired mentee is listed as unmatched, once, and nobody else is;
/// each listed reason holds ([`unmatched_reason`]).
fn unmatched_unexplained(
    ctx: &Ctx,
    plan: &PlanFile,
    eligible: &[usize],
    (paired, load, places): (&HashSet<usize>, &BTreeMap<usize, usize>, &Places),
    v: &mut Vec<Violation>,
) {
    let eligible_set: HashSet<usize> = eligible.iter().copied().collect();
    let mut listed: HashMap<&str, &UnmatchedMentee> = HashMap::new();
    for u in &plan.mentorship.unmatched {
        let id = u.mentee.as_str();
        let wrong = match ctx.participant.get(id) {
            None => Some("is not a participant of the instance"),
            Some(p) if !eligible_set.contains(p) => Some("is not an eligible mentee"),
            Some(p) if paired.contains(p) => Some("has a mentor in the plan"),
            Some(_) if listed.insert(id, u).is_some() => Some("is listed twice"),
            Some(_) => None,
        };
        if let Some(why) = wrong {
            v.push(violation(CheckCode::UnmatchedUnexplained, format!("{id} is listed as unmatched but {why}")));
        }
    }
    for &p in eligible.iter().filter(|p| !paired.contains(p)) {
        let id = ctx.f.participants[p].id.as_str();
        match listed.get(id) {
            None => v.push(violation(
                CheckCode::UnmatchedUnexplained,
                format!("{id} is eligible for a mentor but neither paired nor listed as unmatched"),
            )),
            Some(u) => v.extend(unmatched_reason(ctx, u, p, load, places)),
        }
    }
}

/// C030: an unmatched mentee's reason holds. `no_eligible_mentor`: the hard pair rules allow no
/// mentor, no full mentors are listed and `excluded_by` counts every mentor once.
/// `eligible_mentors_full`: some mentor is allowed, `full_mentors` lists exactly the allowed
/// mentors, and each of them has as many mentees in the plan as their capacity, or (with
/// `one_mentee_per_municipality`) a mentee from the unmatched mentee's municipality.
fn unmatched_reason(ctx: &Ctx, u: &UnmatchedMentee, p: usize, load: &BTreeMap<usize, usize>, places: &Places) -> Option<Violation> {
    let muni = ctx.participant(p).municipality;
    let mentors = &ctx.f.mentors;
    let allowed: Vec<usize> = (0..mentors.len()).filter(|&m| ctx.allowed(m, p)).collect();
    let allowed_ids: BTreeSet<&str> = allowed.iter().map(|&m| mentors[m].id.as_str()).collect();
    let listed: BTreeSet<&str> = u.full_mentors.iter().map(String::as_str).collect();
    let why = match u.reason.as_str() {
        "no_eligible_mentor" if !allowed.is_empty() => Some(format!("mentor(s) {allowed_ids:?} are allowed by every hard rule")),
        "no_eligible_mentor" if !u.full_mentors.is_empty() => Some(format!("it lists full mentors {listed:?}")),
        "no_eligible_mentor" => {
            let n: usize = u.excluded_by.values().sum();
            (n != mentors.len()).then(|| format!("its excluded_by counts {n} mentor(s); the round has {}", mentors.len()))
        }
        "eligible_mentors_full" if allowed.is_empty() => Some("no mentor is allowed by the hard rules".to_string()),
        "eligible_mentors_full" if listed != allowed_ids || listed.len() != u.full_mentors.len() => {
            Some(format!("full_mentors lists {:?}; the allowed mentors are {allowed_ids:?}", u.full_mentors))
        }
        "eligible_mentors_full" => allowed.iter().find_map(|&m| {
            let (l, cap) = (load.get(&m).copied().unwrap_or(0), mentors[m].capacity.max(0) as usize);
            (l < cap && !places.contains_key(&(m, muni))).then(|| format!("mentor {} has {l} mentee(s), capacity {cap}", mentors[m].id))
        }),
        other => Some(format!("\"{other}\" is not a reason code")),
    };
    why.map(|w| {
        violation(
            CheckCode::UnmatchedUnexplained,
            format!("{} is listed as unmatched with reason \"{}\", which does not hold: {w}", u.mentee, u.reason),
        )
    })
}

/// C032: the participants who want a mentor but are not in an eligible phase are listed as not
/// eligible, each once with their phase, and nobody else is.
fn not_eligible_listed(ctx: &Ctx, plan: &PlanFile, v: &mut Vec<Violation>) {
    let f = ctx.f;
    let mut listed: HashSet<&str> = HashSet::new();
    for n in &plan.mentorship.not_eligible {
        let id = n.participant.as_str();
        let wrong = match ctx.participant.get(id) {
            None => Some("is not a participant of the instance".to_string()),
            Some(&p) if !f.participants[p].wants_mentor => Some("does not want a mentor".to_string()),
            Some(&p) if ctx.eligible_mentee(p) => Some(format!("is eligible (phase {})", phase_of(f, p))),
            Some(&p) if n.phase != phase_of(f, p) => Some(format!("is in phase {}, not {}", phase_of(f, p), n.phase)),
            Some(_) if !listed.insert(id) => Some("is listed twice".to_string()),
            Some(_) => None,
        };
        if let Some(why) = wrong {
            v.push(violation(CheckCode::NotEligibleListed, format!("{id} is listed as not eligible for a mentor but {why}")));
        }
    }
    for (p, part) in f.participants.iter().enumerate() {
        if part.wants_mentor && !ctx.eligible_mentee(p) && !listed.contains(part.id.as_str()) {
            v.push(violation(
                CheckCode::NotEligibleListed,
                format!(
                    "{} wants a mentor but is in phase {}, not among {:?}, and is not listed as not eligible",
                    part.id,
                    phase_of(f, p),
                    f.mentorship.eligible_phases
                ),
            ));
        }
    }
}

/// C031: no more mentees could be matched. Kuhn's augmenting paths on the eligibility graph.
/// Fixed pairs — pinned in the instance, or kept by a re-plan because they run on — are in the
/// plan by rule: they take their mentors' slots first, the maximum is over the others.
fn not_maximum(ctx: &Ctx, plan: &PlanFile, eligible: &[usize], pair_list: &[(usize, usize)]) -> Option<Violation> {
    let f = ctx.f;
    let mut slots: Vec<usize> = f.mentors.iter().map(|m| m.capacity.max(0) as usize).collect();
    let mut fixed: HashSet<usize> = HashSet::new();
    let per_municipality = f.mentorship.one_mentee_per_municipality;
    let mut taken: HashSet<(usize, usize)> = HashSet::new();
    let pinned = f.mentorship.fixed_pairs.iter().map(|fp| (fp.mentor.as_str(), fp.mentee.as_str(), false));
    let kept = plan.replan.iter().flat_map(|r| &r.kept_pairs).map(|k| (k.mentor.as_str(), k.mentee.as_str(), true));
    for (mentor, mentee, must_be_in_plan) in pinned.chain(kept) {
        if let (Some(&m), Some(&p)) = (ctx.mentor.get(mentor), ctx.participant.get(mentee)) {
            let in_plan = !must_be_in_plan || pair_list.contains(&(m, p));
            let place = (m, ctx.participant(p).municipality);
            let place_free = !per_municipality || !taken.contains(&place);
            if in_plan && eligible.contains(&p) && ctx.allowed(m, p) && slots[m] > 0 && !fixed.contains(&p) && place_free {
                fixed.insert(p);
                slots[m] -= 1;
                taken.insert(place);
            }
        }
    }
    let adj: Vec<Vec<usize>> = eligible
        .iter()
        .map(|&p| if fixed.contains(&p) { vec![] } else { (0..f.mentors.len()).filter(|&m| ctx.allowed(m, p)).collect() })
        .collect();
    let best = if per_municipality {
        let muni: Vec<usize> = eligible.iter().map(|&p| ctx.participant(p).municipality).collect();
        max_matching_per_municipality(&adj, &slots, &muni, &taken)
    } else {
        max_matching(&adj, &slots)
    } + fixed.len();
    let valid_pairs = pair_list.iter().filter(|(m, p)| ctx.allowed(*m, *p)).count();
    let matched = plan.mentorship.pairs.len();
    let below = best > matched.max(valid_pairs);
    let status = &plan.status;
    match status.matched_maximum {
        None => below.then(|| {
            violation(
                CheckCode::NotMaximum,
                format!("{matched} mentees are matched but {best} could be, and the plan's status does not state it (matched_maximum)"),
            )
        }),
        // A heuristic below the maximum may stand, saying so truthfully.
        Some(k) if k == best && below && status.optimality == Optimality::Feasible => None,
        Some(k) => Some(violation(
            CheckCode::NotMaximum,
            format!(
                "the plan's status states that {k} mentees could be matched ({:?}, {matched} matched); the checker finds {best}",
                status.optimality
            ),
        )),
    }
}

/// Maximum bipartite matching with capacities: how many mentees the mentors can take.
fn max_matching(adj: &[Vec<usize>], capacity: &[usize]) -> usize {
    augmenting_matching(adj, capacity).iter().flatten().count()
}

/// The maximum matching when a mentor takes one mentee per municipality (C031 with C019): a
/// maximum flow source → mentee → (mentor, municipality) → mentor → sink, each (mentor,
/// municipality) place carrying one mentee and each mentor its free slots; places in `taken`
/// are used by fixed pairs. `muni[i]` is the municipality of mentee `i` of `adj`.
fn max_matching_per_municipality(adj: &[Vec<usize>], slots: &[usize], muni: &[usize], taken: &HashSet<(usize, usize)>) -> usize {
    let mut g: petgraph::graph::DiGraph<(), u32> = petgraph::graph::DiGraph::new();
    let (source, sink) = (g.add_node(()), g.add_node(()));
    let mentors: Vec<_> = slots
        .iter()
        .map(|&s| {
            let node = g.add_node(());
            g.add_edge(node, sink, u32::try_from(s).unwrap_or(u32::MAX));
            node
        })
        .collect();
    let mut places = HashMap::new();
    for (i, ms) in adj.iter().enumerate() {
        let mentee = g.add_node(());
        g.add_edge(source, mentee, 1);
        for &m in ms.iter().filter(|&&m| !taken.contains(&(m, muni[i]))) {
            let place = *places.entry((m, muni[i])).or_insert_with(|| {
                let node = g.add_node(());
                g.add_edge(node, mentors[m], 1);
                node
            });
            g.add_edge(mentee, place, 1);
        }
    }
    petgraph::algo::dinics(&g, source, sink).0 as usize
}

/// Adds the objective terms of one pair: its explicit cost, or travel, same municipality,
/// interest mismatch and repeat pair.
fn pair_cost(ctx: &Ctx, pair: &PairPlan, m: usize, p: usize, terms: &mut BTreeMap<String, f64>) {
    let (f, w) = (ctx.f, &ctx.f.weights);
    let key = (pair.mentor.as_str(), pair.mentee.as_str());
    if let Some(c) = ctx.explicit.get(&key) {
        *terms.entry("explicit_pair_cost".into()).or_insert(0.0) += c;
        return;
    }
    let (a, b) = (ctx.mentor(m).municipality, ctx.participant(p).municipality);
    *terms.entry("travel".into()).or_insert(0.0) += w.travel_per_minute * ctx.region.travel(a, b);
    let same = if a == b && f.mentorship.same_municipality == SameMunicipality::Penalised { w.same_municipality } else { 0.0 };
    *terms.entry("same_municipality".into()).or_insert(0.0) += same;
    let expertise: HashSet<&str> = f.mentors[m].expertise.iter().map(String::as_str).collect();
    let missing = f.participants[p].interests.iter().filter(|t| !expertise.contains(t.as_str())).count();
    *terms.entry("interest_mismatch".into()).or_insert(0.0) += w.interest_mismatch * missing as f64;
    *terms.entry("repeat_pair".into()).or_insert(0.0) += if ctx.history.contains(&key) { w.repeat_pair } else { 0.0 };
}

/// How far a reported cost may lie from the recomputed one: the plan rounds every term to three
/// decimals.
fn cost_tolerance(cost: f64, pairs: usize) -> f64 {
    1e-6 * cost.abs().max(1.0) + 1e-3 * (pairs as f64 + 1.0)
}

/// C040: the reported counts, cost and terms equal the recomputed ones.
fn objective_mismatch(plan: &PlanFile, terms: &BTreeMap<String, f64>, cost: f64, v: &mut Vec<Violation>) {
    let (o, pairs, unmatched) = (&plan.objective, plan.mentorship.pairs.len(), plan.mentorship.unmatched.len());
    if o.matched != pairs || o.unmatched != unmatched {
        v.push(violation(
            CheckCode::ObjectiveMismatch,
            format!(
                "the plan reports {} matched and {} unmatched but lists {pairs} pairs and {unmatched} unmatched",
                o.matched, o.unmatched
            ),
        ));
    }
    let tol = cost_tolerance(cost, pairs);
    if (o.cost - cost).abs() > tol {
        v.push(violation(CheckCode::ObjectiveMismatch, format!("the plan reports cost {:.3}, recomputed {cost:.3}", o.cost)));
    }
    for (name, value) in terms {
        let reported = o.terms.get(name).copied().unwrap_or(0.0);
        if (reported - value).abs() > tol {
            v.push(violation(CheckCode::ObjectiveMismatch, format!("term {name}: the plan reports {reported:.3}, recomputed {value:.3}")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::max_matching;

    #[test]
    fn kuhn_finds_augmenting_paths() {
        // Mentee 0 can take mentor 0 or 1; mentee 1 only mentor 0. Capacity 1 each.
        assert_eq!(max_matching(&[vec![0, 1], vec![0]], &[1, 1]), 2);
        assert_eq!(max_matching(&[vec![0], vec![0], vec![0]], &[2]), 2);
        assert_eq!(max_matching(&[vec![], vec![1]], &[1, 1]), 1);
    }
}
