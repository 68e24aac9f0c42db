//! Checker rules for mentor–mentee pairs and their meeting series, one function per code.
//!
//! The driver walks the pairs in the plan's order and, for each pair and each of its meetings,
//! asks the rules in a fixed order, so violations are listed pair by pair; then come the rules
//! over all pairs (capacity, unmatched mentees, maximum matching, objective).

use super::derive::{augmenting_matching, count_breaks, in_round, index_by_id, month_of, phase_of, unavailable_on, Region};
use super::{bound_beyond, derive, violation, CheckCode, CheckReport, Violation};
use crate::format::plan::{Optimality, PairPlan, PlanFile, UnmatchedMentee};
use crate::format::{DateOrRange, InstanceFile, MeetingPlace, SameMunicipality};
use crate::text::tr;
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
    fn pair_rule(&self, m: usize, p: usize) -> Broken<'_> {
        self_mentoring(self, m, p)
            .or_else(|| same_unit(self, m, p))
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

/// A broken pair rule: its code and its message, written only when asked for (the maximum
/// matching's test asks millions of times whether a pair is allowed, and never for the words).
type Broken<'c> = Option<(CheckCode, Box<dyn FnOnce() -> String + 'c>)>;

/// Verifies pairs, meetings, unmatched claims and the objective.
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    let ctx = Ctx::new(f);
    let v = &mut report.violations;
    let mut load: BTreeMap<usize, usize> = BTreeMap::new();
    let mut paired: HashSet<usize> = HashSet::new();
    let mut busy: Busy = HashMap::new();
    let mut places: HashMap<(&str, NaiveDate), u32> = HashMap::new();
    let frozen = plan.replan.as_ref().map(|r| r.today);
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
        if let Some((code, msg)) = ctx.pair_rule(m, p).filter(|(code, _)| *code != CheckCode::MentorOverCapacity).map(|(c, msg)| (c, msg()))
        {
            v.push(violation(code, msg));
        }
        pair_cost(&ctx, pair, m, p, &mut terms);
        v.extend(meeting_count(&ctx, pair));
        let (mentor, mentee) = (ctx.mentor(m), ctx.participant(p));
        meetings(&ctx, pair, (&mentor, &mentee), &mut busy, v);
        v.extend(meeting_place(&ctx, pair, mentor.municipality, mentee.municipality));
        v.extend(first_meeting(&ctx, pair, frozen));
        place_capacity(&ctx, pair, frozen, &mut places, v);
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
    v.extend(bound_beyond(&tr!("check-of-mentorship"), plan.status.bound, cost, cost_tolerance(cost, plan.mentorship.pairs.len()), false));
    report.recomputed_cost = cost;
    report.recomputed_terms = terms;
}

/// Mentor meetings per person and day so far: (as a mentor, as a mentee).
type Busy<'p> = HashMap<(&'p str, NaiveDate), (u32, u32)>;

/// The rules of one meeting series, meeting by meeting: C021, C022, C025/C026 for the mentor
/// then the mentee, C023 and C024 against the meeting before.
fn meetings<'p>(ctx: &Ctx, pair: &'p PairPlan, people: (&Person, &Person), busy: &mut Busy<'p>, v: &mut Vec<Violation>) {
    for (k, &d) in pair.meetings.iter().enumerate() {
        v.extend(meeting_outside_round(ctx, pair, d));
        v.extend(meeting_closed_day(ctx, pair, d));
        v.extend(meeting_phase(ctx, pair, k, d));
        for (role, (who, person)) in [(&pair.mentor, people.0), (&pair.mentee, people.1)].into_iter().enumerate() {
            v.extend(meeting_unavailable(pair, who, person, d));
            v.extend(double_booked(ctx, who, role == 0, d, busy));
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
        _ => Err(violation(
            CheckCode::UnknownPerson,
            tr!("check-pair-unknown-person", mentor = pair.mentor.as_str(), mentee = pair.mentee.as_str()),
        )),
    }
}

/// C011: the mentee wants a mentor and is in a phase with mentors.
fn mentee_not_eligible(ctx: &Ctx, pair: &PairPlan, p: usize) -> Option<Violation> {
    (!ctx.eligible_mentee(p)).then(|| {
        violation(
            CheckCode::MenteeNotEligible,
            tr!(
                "check-mentee-not-eligible",
                mentee = pair.mentee.as_str(),
                phase = phase_of(ctx.f, p),
                phases = format!("{:?}", ctx.f.mentorship.eligible_phases)
            ),
        )
    })
}

/// C012: a participant has one mentor at most.
fn mentee_twice(pair: &PairPlan, p: usize, paired: &mut HashSet<usize>) -> Option<Violation> {
    (!paired.insert(p)).then(|| violation(CheckCode::MenteeTwice, tr!("check-mentee-twice", mentee = pair.mentee.as_str())))
}

/// C013 (over all pairs): a mentor has no more mentees than the capacity.
fn mentor_over_capacity(ctx: &Ctx, load: &BTreeMap<usize, usize>, v: &mut Vec<Violation>) {
    for (&m, &l) in load {
        let cap = ctx.f.mentors[m].capacity.max(0) as usize;
        if l > cap {
            v.push(violation(
                CheckCode::MentorOverCapacity,
                tr!("check-mentor-over-capacity", mentor = ctx.f.mentors[m].id.as_str(), n = l, cap = cap),
            ));
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
                tr!(
                    "check-mentor-two-from-municipality",
                    mentor = ctx.f.mentors[m].id.as_str(),
                    first = ctx.f.participants[q].id.as_str(),
                    second = ctx.f.participants[p].id.as_str(),
                    municipality = ctx.f.region.municipalities[muni].id.as_str()
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
fn mentor_without_capacity<'c>(ctx: &'c Ctx, m: usize) -> Broken<'c> {
    let mentor = &ctx.f.mentors[m];
    (mentor.capacity <= 0).then(|| {
        let msg = move || tr!("check-mentor-no-capacity", mentor = mentor.id.as_str(), cap = mentor.capacity);
        (CheckCode::MentorOverCapacity, Box::new(msg) as _)
    })
}

/// C086: nobody mentors themselves: a participant who also mentors (the same id in both lists)
/// is never their own mentee.
fn self_mentoring<'c>(ctx: &'c Ctx, m: usize, p: usize) -> Broken<'c> {
    let id = ctx.f.mentors[m].id.as_str();
    (id == ctx.f.participants[p].id).then(|| {
        let msg = move || tr!("check-self-mentoring", who = id, name = ctx.f.participants[p].name.as_str());
        (CheckCode::SelfMentoring, Box::new(msg) as _)
    })
}

/// C014: mentor and mentee work in different units.
fn same_unit<'c>(ctx: &'c Ctx, m: usize, p: usize) -> Broken<'c> {
    let (a, b) = (ctx.mentor(m), ctx.participant(p));
    (a.unit == b.unit).then(|| {
        let msg = move || {
            tr!("check-pair-same-unit", mentor = ctx.f.mentors[m].id.as_str(), mentee = ctx.f.participants[p].id.as_str(), unit = a.unit)
        };
        (CheckCode::SameUnit, Box::new(msg) as _)
    })
}

/// C015: mentor and mentee are in different municipalities when the programme forbids the same.
fn same_municipality<'c>(ctx: &'c Ctx, m: usize, p: usize) -> Broken<'c> {
    let (a, b) = (ctx.mentor(m), ctx.participant(p));
    let forbidden = ctx.f.mentorship.same_municipality == SameMunicipality::Forbidden;
    (forbidden && a.municipality == b.municipality).then(|| {
        let place = &ctx.f.region.municipalities[a.municipality].id;
        let msg = move || {
            tr!(
                "check-pair-same-municipality",
                mentor = ctx.f.mentors[m].id.as_str(),
                mentee = ctx.f.participants[p].id.as_str(),
                place = place.to_string()
            )
        };
        (CheckCode::SameMunicipality, Box::new(msg) as _)
    })
}

/// C016: the mentor is trained (when training is required) and has the years in the profession.
fn mentor_not_qualified<'c>(ctx: &'c Ctx, m: usize) -> Broken<'c> {
    let (rules, mentor) = (&ctx.f.mentorship, &ctx.f.mentors[m]);
    if rules.require_training && !mentor.trained {
        return Some((CheckCode::MentorNotQualified, Box::new(move || tr!("check-mentor-untrained", mentor = mentor.id.as_str()))));
    }
    (mentor.years_in_profession < rules.mentor_min_years).then(|| {
        let msg = move || {
            tr!(
                "check-mentor-too-few-years",
                mentor = mentor.id.as_str(),
                years = mentor.years_in_profession.to_string(),
                min = rules.mentor_min_years.to_string()
            )
        };
        (CheckCode::MentorNotQualified, Box::new(msg) as _)
    })
}

/// C017: the pair is not excluded.
fn excluded_pair<'c>(ctx: &'c Ctx, m: usize, p: usize) -> Broken<'c> {
    let (mentor, mentee) = (ctx.f.mentors[m].id.as_str(), ctx.f.participants[p].id.as_str());
    ctx.excluded.contains(&(mentor, mentee)).then(|| {
        let msg = move || tr!("check-pair-excluded", mentor = mentor, mentee = mentee);
        (CheckCode::ExcludedPair, Box::new(msg) as _)
    })
}

/// C018: the travel time is within the mentor's maximum.
fn too_far<'c>(ctx: &'c Ctx, m: usize, p: usize) -> Broken<'c> {
    let mentor = &ctx.f.mentors[m];
    let max = mentor.max_travel_minutes?;
    let t = ctx.region.travel(ctx.mentor(m).municipality, ctx.participant(p).municipality);
    (t > max).then(|| {
        let msg = move || {
            tr!(
                "check-pair-too-far",
                mentor = mentor.id.as_str(),
                minutes = format!("{t:.1}"),
                mentee = ctx.f.participants[p].id.as_str(),
                max = max.to_string()
            )
        };
        (CheckCode::TooFar, Box::new(msg) as _)
    })
}

/// C020: the number of meetings is within the rules, or a shortfall is stated.
fn meeting_count(ctx: &Ctx, pair: &PairPlan) -> Option<Violation> {
    let rules = &ctx.f.mentorship;
    let n = pair.meetings.len();
    count_breaks(n, rules.min_meetings, rules.max_meetings, pair.shortfall.is_some()).then(|| {
        violation(
            CheckCode::MeetingCount,
            tr!(
                "check-pair-meeting-count",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                n = n,
                min = rules.min_meetings,
                max = rules.max_meetings
            ),
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
            tr!(
                "check-pair-meeting-phase",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                date = d.to_string(),
                phase = phase
            ),
        )
    })
}

/// C021: the meeting lies inside the round.
fn meeting_outside_round(ctx: &Ctx, pair: &PairPlan, d: NaiveDate) -> Option<Violation> {
    let round = &ctx.f.round;
    (!in_round(ctx.f, d)).then(|| {
        violation(
            CheckCode::MeetingOutsideRound,
            tr!(
                "check-pair-outside-round",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                date = d.to_string(),
                start = round.start.to_string(),
                end = round.end.to_string()
            ),
        )
    })
}

/// C022: the meeting falls on no weekend, holiday or closed date.
fn meeting_closed_day(ctx: &Ctx, pair: &PairPlan, d: NaiveDate) -> Option<Violation> {
    let why = derive::closed(ctx.f, d)?.text(tr!("check-day-round-closed"));
    Some(violation(
        CheckCode::MeetingClosedDay,
        tr!("check-pair-closed-day", mentor = pair.mentor.as_str(), mentee = pair.mentee.as_str(), date = d.to_string(), why = why),
    ))
}

/// C023: two consecutive meetings fall in different months.
fn meeting_same_month(pair: &PairPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let (y, m) = month_of(d);
    (month_of(prev) == (y, m)).then(|| {
        let month = format!("{y}-{m:02}");
        violation(
            CheckCode::MeetingSameMonth,
            tr!("check-pair-same-month", mentor = pair.mentor.as_str(), mentee = pair.mentee.as_str(), month = month),
        )
    })
}

/// C024: consecutive meetings ascend and are at least the minimum gap apart.
fn meeting_gap(ctx: &Ctx, pair: &PairPlan, prev: NaiveDate, d: NaiveDate) -> Option<Violation> {
    let min = ctx.f.mentorship.min_days_between;
    if d <= prev {
        return Some(violation(
            CheckCode::MeetingGap,
            tr!(
                "check-pair-meetings-unordered",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                prev = prev.to_string(),
                date = d.to_string()
            ),
        ));
    }
    let days = (d - prev).num_days();
    (days < min as i64).then(|| {
        violation(
            CheckCode::MeetingGap,
            tr!(
                "check-pair-meetings-close",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                prev = prev.to_string(),
                date = d.to_string(),
                days = days,
                min = min
            ),
        )
    })
}

/// C025: neither of the two is unavailable on the meeting date.
fn meeting_unavailable(pair: &PairPlan, who: &str, person: &Person, d: NaiveDate) -> Option<Violation> {
    unavailable_on(person.unavailable, d).then(|| {
        violation(
            CheckCode::MeetingUnavailable,
            tr!("check-pair-unavailable", who = who, date = d.to_string(), mentor = pair.mentor.as_str(), mentee = pair.mentee.as_str()),
        )
    })
}

/// C026: a mentee has one mentor meeting a day at most, a mentor at most
/// `mentorship.mentor_meetings_per_day`, and nobody meets both as a mentor and as a mentee on
/// one day (`busy` counts the meetings seen so far).
fn double_booked<'p>(ctx: &Ctx, who: &'p str, as_mentor: bool, d: NaiveDate, busy: &mut Busy<'p>) -> Option<Violation> {
    let cap = ctx.f.mentorship.mentor_meetings_per_day;
    let (mentor, mentee) = {
        let seen = busy.entry((who, d)).or_insert((0, 0));
        if as_mentor {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
        *seen
    };
    if mentor > cap && cap > 1 {
        let (n, max) = (mentor, cap);
        return Some(violation(CheckCode::DoubleBooked, tr!("check-mentor-day-full", who = who, date = d.to_string(), n = n, max = max)));
    }
    (mentor > cap || mentee > 1 || (mentor > 0 && mentee > 0))
        .then(|| violation(CheckCode::DoubleBooked, tr!("check-pair-double-booked", who = who, date = d.to_string())))
}

/// Whether `d` is a meeting date the instance pins for the pair (kept whatever the rules of
/// the series), or lies before a re-plan's `today` (the frozen past, dated under earlier rules).
fn fixed_date(ctx: &Ctx, pair: &PairPlan, frozen: Option<NaiveDate>, d: NaiveDate) -> bool {
    frozen.is_some_and(|today| d < today)
        || ctx.f.mentorship.fixed_pairs.iter().any(|x| x.mentor == pair.mentor && x.mentee == pair.mentee && x.meetings.contains(&d))
}

/// C033: no meeting of the pair falls before `first_meeting_after_days` after the round's
/// start (pinned dates and a re-plan's past excepted), unless the mentee's phase on that day has
/// no mentors (a mentee about to leave the phases with mentors starts while they can).
fn first_meeting(ctx: &Ctx, pair: &PairPlan, frozen: Option<NaiveDate>) -> Option<Violation> {
    let days = ctx.f.mentorship.first_meeting_after_days;
    let earliest = ctx.f.round.start + chrono::Days::new(u64::from(days));
    let &p = ctx.participant.get(pair.mentee.as_str())?;
    if !phase_has_mentors(ctx.f, p, earliest) {
        return None;
    }
    let &d = pair.meetings.iter().find(|&&d| d < earliest && !fixed_date(ctx, pair, frozen, d))?;
    Some(violation(
        CheckCode::FirstMeeting,
        tr!(
            "check-pair-first-meeting",
            mentor = pair.mentor.as_str(),
            mentee = pair.mentee.as_str(),
            date = d.to_string(),
            earliest = earliest.to_string(),
            days = days
        ),
    ))
}

/// C029: a municipality's meeting place hosts at most `mentorship.place_meetings_per_day`
/// mentor meetings a day (`places` counts the meetings seen so far; pinned dates and a
/// re-plan's past count but are not blamed).
fn place_capacity<'p>(
    ctx: &Ctx,
    pair: &'p PairPlan,
    frozen: Option<NaiveDate>,
    places: &mut HashMap<(&'p str, NaiveDate), u32>,
    v: &mut Vec<Violation>,
) {
    for &d in &pair.meetings {
        let n = places.entry((pair.meeting_place.as_str(), d)).or_insert(0);
        *n += 1;
        let Some(max) = ctx.f.mentorship.place_meetings_per_day else { continue };
        if *n > max && !fixed_date(ctx, pair, frozen, d) {
            let message = tr!("check-pair-place-full", place = pair.meeting_place.as_str(), date = d.to_string(), n = *n, max = max);
            v.push(violation(CheckCode::PlaceCapacity, message));
        }
    }
}

/// C027: the pair meets in a known municipality, chosen by the programme's policy.
fn meeting_place(ctx: &Ctx, pair: &PairPlan, mentor_muni: usize, mentee_muni: usize) -> Option<Violation> {
    let Some(&place) = ctx.region.municipality.get(pair.meeting_place.as_str()) else {
        return Some(violation(
            CheckCode::MeetingPlace,
            tr!(
                "check-pair-unknown-place",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                place = pair.meeting_place.as_str()
            ),
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
            tr!(
                "check-pair-place-policy",
                mentor = pair.mentor.as_str(),
                mentee = pair.mentee.as_str(),
                place = pair.meeting_place.as_str(),
                policy = format!("{policy:?}")
            ),
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
            None => Some(tr!("check-unmatched-unknown", id = id)),
            Some(p) if !eligible_set.contains(p) => Some(tr!("check-unmatched-not-eligible", id = id)),
            Some(p) if paired.contains(p) => Some(tr!("check-unmatched-paired", id = id)),
            Some(_) if listed.insert(id, u).is_some() => Some(tr!("check-unmatched-twice", id = id)),
            Some(_) => None,
        };
        if let Some(message) = wrong {
            v.push(violation(CheckCode::UnmatchedUnexplained, message));
        }
    }
    for &p in eligible.iter().filter(|p| !paired.contains(p)) {
        let id = ctx.f.participants[p].id.as_str();
        match listed.get(id) {
            None => v.push(violation(CheckCode::UnmatchedUnexplained, tr!("check-unmatched-missing", id = id))),
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
        "no_eligible_mentor" if !allowed.is_empty() => {
            Some(tr!("check-reason-mentors-allowed", n = allowed.len(), mentors = format!("{allowed_ids:?}")))
        }
        "no_eligible_mentor" if !u.full_mentors.is_empty() => Some(tr!("check-reason-lists-full", mentors = format!("{listed:?}"))),
        "no_eligible_mentor" => {
            let n: usize = u.excluded_by.values().sum();
            (n != mentors.len()).then(|| tr!("check-reason-excluded-by", n = n, total = mentors.len()))
        }
        "eligible_mentors_full" if allowed.is_empty() => Some(tr!("check-reason-none-allowed")),
        "eligible_mentors_full" if listed != allowed_ids || listed.len() != u.full_mentors.len() => {
            Some(tr!("check-reason-full-list", listed = format!("{:?}", u.full_mentors), allowed = format!("{allowed_ids:?}")))
        }
        "eligible_mentors_full" => allowed.iter().find_map(|&m| {
            let (l, cap) = (load.get(&m).copied().unwrap_or(0), mentors[m].capacity.max(0) as usize);
            (l < cap && !places.contains_key(&(m, muni)))
                .then(|| tr!("check-reason-mentor-free", mentor = mentors[m].id.as_str(), n = l, cap = cap))
        }),
        other => Some(tr!("check-reason-unknown", code = other)),
    };
    why.map(|w| {
        violation(
            CheckCode::UnmatchedUnexplained,
            tr!("check-unmatched-reason", mentee = u.mentee.as_str(), reason = u.reason.as_str(), why = w),
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
            None => Some(tr!("check-not-eligible-unknown", id = id)),
            Some(&p) if !f.participants[p].wants_mentor => Some(tr!("check-not-eligible-no-wish", id = id)),
            Some(&p) if ctx.eligible_mentee(p) => Some(tr!("check-not-eligible-is-eligible", id = id, phase = phase_of(f, p))),
            Some(&p) if n.phase != phase_of(f, p) => {
                Some(tr!("check-not-eligible-phase", id = id, phase = phase_of(f, p), listed = n.phase.as_str()))
            }
            Some(_) if !listed.insert(id) => Some(tr!("check-not-eligible-twice", id = id)),
            Some(_) => None,
        };
        if let Some(message) = wrong {
            v.push(violation(CheckCode::NotEligibleListed, message));
        }
    }
    for (p, part) in f.participants.iter().enumerate() {
        if part.wants_mentor && !ctx.eligible_mentee(p) && !listed.contains(part.id.as_str()) {
            v.push(violation(
                CheckCode::NotEligibleListed,
                tr!(
                    "check-not-eligible-missing",
                    id = part.id.as_str(),
                    phase = phase_of(f, p),
                    phases = format!("{:?}", f.mentorship.eligible_phases)
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
        None => below.then(|| violation(CheckCode::NotMaximum, tr!("check-not-maximum", matched = matched, best = best))),
        // A heuristic below the maximum may stand, saying so truthfully.
        Some(k) if k == best && below && status.optimality == Optimality::Feasible => None,
        Some(k) => Some(violation(
            CheckCode::NotMaximum,
            tr!("check-not-maximum-stated", stated = k, optimality = format!("{:?}", status.optimality), matched = matched, best = best),
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
            tr!("check-objective-counts", matched = o.matched, unmatched = o.unmatched, pairs = pairs, listed = unmatched),
        ));
    }
    let tol = cost_tolerance(cost, pairs);
    if (o.cost - cost).abs() > tol {
        v.push(violation(
            CheckCode::ObjectiveMismatch,
            tr!("check-objective-cost", reported = format!("{:.3}", o.cost), recomputed = format!("{cost:.3}")),
        ));
    }
    for (name, value) in terms {
        let reported = o.terms.get(name).copied().unwrap_or(0.0);
        if (reported - value).abs() > tol {
            v.push(violation(
                CheckCode::ObjectiveMismatch,
                tr!("check-objective-term", term = name.as_str(), reported = format!("{reported:.3}"), recomputed = format!("{value:.3}")),
            ));
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
