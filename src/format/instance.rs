//! The instance file format (JSON, version 2; version 1 is read and upgraded): serde types only.
//!
//! These types mirror the file a coordinator writes. They carry no derived data and no rules;
//! [`crate::load::validate`] checks them and [`crate::model`] builds the solver's indexed model
//! from them. Every default is documented here and in `docs/format.md`.

use chrono::{NaiveDate, NaiveTime, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date;
use super::groups::{GroupLeaderSpec, GroupProgrammeSpec};

/// The format version this build of trappa writes. It reads this one and version 1, which
/// the loader upgrades in memory (`crate::load::upgrade`; `docs/format.md`, "Version 2 and the
/// upgrade of version 1").
pub const FORMAT_VERSION: u32 = 2;

/// A programme round: everything trappa needs to plan it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InstanceFile {
    /// Always `"trappa-instance"`.
    pub format: String,
    /// Format version: 2, or 1 (read as version 2: see `docs/format.md`, "Version 2 and the
    /// upgrade of version 1").
    #[schemars(range(min = 1, max = 2))]
    pub version: u32,
    /// The round's name and dates.
    pub round: RoundSpec,
    /// Closed dates on top of weekends and Swedish public holidays.
    #[serde(default)]
    pub calendar: CalendarSpec,
    /// Municipalities, units and travel times.
    pub region: RegionSpec,
    /// The phase staircase (years in the profession). Default: new < 2 y, practised 2–5 y,
    /// experienced ≥ 5 y.
    #[serde(default = "default_phases")]
    pub phases: Vec<PhaseSpec>,
    /// The round's participants.
    #[serde(default)]
    pub participants: Vec<ParticipantSpec>,
    /// The mentor pool.
    #[serde(default)]
    pub mentors: Vec<MentorSpec>,
    /// Rules of the mentorship programme.
    #[serde(default)]
    pub mentorship: MentorshipRules,
    /// Weights of the objective terms.
    #[serde(default)]
    pub weights: Weights,
    /// Group programmes: supervision groups, reflection groups, research circles.
    #[serde(default)]
    pub group_programmes: Vec<GroupProgrammeSpec>,
    /// Group leaders (supervisors, circle leaders).
    #[serde(default)]
    pub group_leaders: Vec<GroupLeaderSpec>,
    /// Courses of the round's timetable. Default: none (no timetable is planned).
    #[serde(default)]
    pub courses: Vec<CourseSpec>,
    /// Trainers who teach the courses.
    #[serde(default)]
    pub trainers: Vec<TrainerSpec>,
    /// Venues where courses are held.
    #[serde(default)]
    pub venues: Vec<VenueSpec>,
    /// Individual plans: which participant wants which course (agreed in development talks).
    #[serde(default)]
    pub demand: Vec<DemandSpec>,
    /// Default demand per phase: every participant of the phase wants the course unless it is
    /// in their course history or their individual plan names the course already.
    #[serde(default)]
    pub phase_demand: Vec<PhaseDemandSpec>,
    /// Courses participants completed before this round (they satisfy prerequisites).
    #[serde(default)]
    pub course_history: Vec<CourseRecord>,
    /// Limits that keep participants and their units from being overloaded.
    #[serde(default)]
    pub workload: WorkloadRules,
    /// The terms the per-term workload limits apply to, in date order and not overlapping.
    /// Default (empty): calendar half-years, VT (January–June) and HT (July–December).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<TermSpec>,
    /// Course sessions fixed by hand: every solver opens them as given (see `docs/format.md`,
    /// "Pinning by hand").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_sessions: Vec<FixedSession>,
    /// Introduction of new hires: hours per week an introduktör gives, by year of employment.
    /// Default: none (no introduktörer are assigned).
    #[serde(default, skip_serializing_if = "IntroductionRules::is_empty")]
    pub introduction: IntroductionRules,
    /// Introduktörer: colleagues who introduce new hires of their own unit. The same id as a
    /// participant, mentor, trainer or group leader is the same person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introducers: Vec<IntroducerSpec>,
    /// What the programme costs beyond the sessions' own costs (fees, travel), in SEK. Default:
    /// nothing (see `docs/format.md`, "Costs and cost-sharing agreements").
    #[serde(default, skip_serializing_if = "CostSpec::is_default")]
    pub costs: CostSpec,
    /// Expected hires not yet known by name, per municipality (optionally unit) and month
    /// (issue 11, item 3). Each entry counts the month's hires *including* those already listed
    /// as participants; the rest become anonymous placeholders that hold course seats (see
    /// `docs/format.md`, "Forecast of new hires"). Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecast: Vec<ForecastSpec>,
}

/// Expected hires of a municipality (or one of its units) in a month.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ForecastSpec {
    /// Municipality id.
    pub municipality: String,
    /// Unit id (a unit of the municipality). Default: none; the placeholders then belong to the
    /// municipality's first unit (file order) for the unit absence cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The month of employment, `"YYYY-MM"`, a month the round touches.
    pub month: String,
    /// Hires expected in the month, named ones included (0–500).
    pub hires: i64,
    /// Role of the hires. Default `social_secretary`.
    #[serde(default = "default_role")]
    pub role: Role,
    /// Years in the profession the hires bring. Default 0: new in the profession.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub years_in_profession: f64,
}

impl ForecastSpec {
    /// The first day of the entry's month, if `month` is written `"YYYY-MM"`.
    pub fn month_start(&self) -> Option<NaiveDate> {
        let (y, m) = self.month.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
    }
}

/// How new hires are introduced (issue 11, item 7): each participant in their first years of
/// employment gets an introduktör of their own unit.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroductionRules {
    /// Hours per week the introduktör gives a hire in each year of employment, first year
    /// first: Uppsala `[4, 2]` (4 h a week in year one, 2 h in year two). Its length is the
    /// number of years a hire is introduced; empty: no introduction is planned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours_per_week: Vec<f64>,
}

impl IntroductionRules {
    /// True when no introduction is planned.
    pub fn is_empty(&self) -> bool {
        self.hours_per_week.is_empty()
    }
}

/// An introduktör.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroducerSpec {
    /// Unique among the introduktörer; the same id as another role's is the same person.
    pub id: String,
    /// Full name.
    pub name: String,
    /// The unit whose new hires they introduce.
    pub unit: String,
    /// New hires at a time.
    #[serde(default = "default_introducer_capacity")]
    pub capacity: u32,
}

fn default_introducer_capacity() -> u32 {
    2
}

/// The programme's cost items in SEK, all optional (default 0). The plan records what they come
/// to (`plan.json`'s `cost`), per participant and per municipality; a course's own fee per
/// participant is `courses[].fee_per_participant`, its session costs `fixed_cost`, `day_cost`
/// and the trainers' and venues' `day_rate`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CostSpec {
    /// Programme fee per participant of the round (Halland: 40,000 kr), charged for every
    /// participant listed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub programme_fee: f64,
    /// Fee of a mentor per pair meeting, charged to the mentee.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mentor_fee_per_meeting: f64,
    /// Fee of a mentor per mentee (once per pair), charged to the mentee.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mentor_fee_per_mentee: f64,
    /// Fee of a group leader per group meeting, for each of the group's leaders; shared equally
    /// by the group's members.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub leader_fee_per_meeting: f64,
    /// Travel cost per km (round trip; distance from the municipalities' coordinates × the road
    /// factor): participants to course days and group meetings, mentee and mentor to pair
    /// meetings (charged to the mentee).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub travel_per_km: f64,
}

impl CostSpec {
    /// True when no cost item is stated.
    pub fn is_default(&self) -> bool {
        *self == CostSpec::default()
    }
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// A course session fixed by hand: a session of the course must run, on the given dates, at the
/// given venue, with the given trainers and attendees — whichever of these are given (at least
/// one); the solver chooses the rest.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FixedSession {
    /// Course id.
    pub course: String,
    /// Optional label of the pinned session, used in messages (e.g. `"intro-autumn"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The session's dates: exactly the course's number of days, following its day pattern.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "date::strict_opt_list")]
    pub dates: Option<Vec<NaiveDate>>,
    /// Venue id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Trainer ids (at most the course's trainers per session; the solver adds the rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainers: Option<Vec<String>>,
    /// Participant ids who attend this session (each needs a demand for the course).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Vec<String>>,
}

/// A mentor–mentee pair fixed by hand.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FixedPair {
    /// Mentor id.
    pub mentor: String,
    /// Participant id.
    pub mentee: String,
    /// Meeting dates that must be among the pair's meetings; the rest of the series is dated
    /// around them. Default: none fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "date::strict_list")]
    pub meetings: Vec<NaiveDate>,
}

/// The round: a name and the first and last day (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoundSpec {
    /// Name shown in plans and calendars, e.g. "Yrkesresan VT 2027".
    pub name: String,
    /// First day of the round (ISO date).
    #[serde(deserialize_with = "date::strict")]
    pub start: NaiveDate,
    /// Last day of the round, inclusive (ISO date).
    #[serde(deserialize_with = "date::strict")]
    pub end: NaiveDate,
    /// Times of day of the meetings and course days in the calendars (Swedish time,
    /// `Europe/Stockholm`). Default: mentor meetings 13:00–15:00, group meetings 13:00–16:00,
    /// course days 09:00–16:00.
    #[serde(default, skip_serializing_if = "MeetingTimes::is_default")]
    pub meeting_times: MeetingTimes,
}

/// A time of day on the 24-hour clock, written `"HH:MM"`, e.g. `"13:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(NaiveTime);

impl ClockTime {
    /// The time `hour:minute`, if it exists (0–23, 0–59).
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(ClockTime)
    }

    /// The time as chrono's type.
    pub fn time(self) -> NaiveTime {
        self.0
    }

    /// Reads `"H:MM"` or `"HH:MM"`.
    pub fn parse(s: &str) -> Option<ClockTime> {
        let (h, m) = s.split_once(':')?;
        let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if !(1..=2).contains(&h.len()) || m.len() != 2 || !digits(h) || !digits(m) {
            return None;
        }
        ClockTime::new(h.parse().ok()?, m.parse().ok()?)
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("expected a time of day as HH:MM, e.g. \"13:00\", found \"{s}\"")))
    }
}

impl JsonSchema for ClockTime {
    fn schema_name() -> String {
        "ClockTime".into()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, Metadata, SchemaObject, StringValidation};
        SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            metadata: Some(Box::new(Metadata {
                description: Some("A time of day on the 24-hour clock, \"HH:MM\", e.g. \"13:00\".".into()),
                ..Default::default()
            })),
            string: Some(Box::new(StringValidation { pattern: Some("^([01]?[0-9]|2[0-3]):[0-5][0-9]$".into()), ..Default::default() })),
            ..Default::default()
        }
        .into()
    }
}

/// The start and end of an activity; either may be left out for its default.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// Start, e.g. `"13:00"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ClockTime>,
    /// End, e.g. `"15:00"`; after the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<ClockTime>,
}

impl TimeSpan {
    fn is_default(&self) -> bool {
        *self == TimeSpan::default()
    }

    /// Start and end, each given or else from `default`.
    pub fn or(&self, default: (ClockTime, ClockTime)) -> (ClockTime, ClockTime) {
        (self.start.unwrap_or(default.0), self.end.unwrap_or(default.1))
    }
}

/// Times of day of the programme's activities, by kind. A course's own `start_time` and
/// `end_time` take precedence over `course`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MeetingTimes {
    /// Mentor meetings. Default 13:00–15:00 (two hours: the programmes' monthly talk).
    #[serde(default, skip_serializing_if = "TimeSpan::is_default")]
    pub mentor: TimeSpan,
    /// Meetings of supervision groups, reflection groups and research circles. Default
    /// 13:00–16:00 (an afternoon: a group needs longer than a pair).
    #[serde(default, skip_serializing_if = "TimeSpan::is_default")]
    pub group: TimeSpan,
    /// Course days. Default 09:00–16:00.
    #[serde(default, skip_serializing_if = "TimeSpan::is_default")]
    pub course: TimeSpan,
}

/// Default hours (start, end) of mentor meetings.
pub const DEFAULT_MENTOR_TIMES: (u32, u32) = (13, 15);
/// Default hours (start, end) of group meetings.
pub const DEFAULT_GROUP_TIMES: (u32, u32) = (13, 16);
/// Default hours (start, end) of course days.
pub const DEFAULT_COURSE_TIMES: (u32, u32) = (9, 16);

fn full_hours((a, b): (u32, u32)) -> (ClockTime, ClockTime) {
    (ClockTime::new(a, 0).expect("a valid hour"), ClockTime::new(b, 0).expect("a valid hour"))
}

impl MeetingTimes {
    fn is_default(&self) -> bool {
        *self == MeetingTimes::default()
    }

    /// Start and end of mentor meetings.
    pub fn mentor(&self) -> (ClockTime, ClockTime) {
        self.mentor.or(full_hours(DEFAULT_MENTOR_TIMES))
    }

    /// Start and end of group meetings.
    pub fn group(&self) -> (ClockTime, ClockTime) {
        self.group.or(full_hours(DEFAULT_GROUP_TIMES))
    }

    /// Start and end of a course's days: the course's own times, else the round's, else the
    /// default (`None`: a course the instance does not have).
    pub fn course(&self, course: Option<&CourseSpec>) -> (ClockTime, ClockTime) {
        let (start, end) = self.course.or(full_hours(DEFAULT_COURSE_TIMES));
        (course.and_then(|c| c.start_time).unwrap_or(start), course.and_then(|c| c.end_time).unwrap_or(end))
    }
}

/// A single date or an inclusive range of dates.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum DateOrRange {
    /// One date, e.g. `"2027-02-03"`.
    Date(NaiveDate),
    /// An inclusive range, e.g. `{"from": "2027-07-01", "to": "2027-08-08"}`.
    Range {
        /// First closed date.
        from: NaiveDate,
        /// Last closed date (inclusive).
        to: NaiveDate,
        /// Optional reason, e.g. "sommaruppehåll".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

/// The fields of a range, with strict dates.
#[derive(Deserialize)]
struct RangeFields {
    #[serde(deserialize_with = "date::strict")]
    from: NaiveDate,
    #[serde(deserialize_with = "date::strict")]
    to: NaiveDate,
    #[serde(default)]
    reason: Option<String>,
}

impl<'de> Deserialize<'de> for DateOrRange {
    /// A string is a date, an object a range; both with strict dates, and an error that says
    /// which part is wrong (an untagged enum would only say that nothing matched).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DateOrRange;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date \"YYYY-MM-DD\" or a range {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateOrRange, E> {
                date::parse_strict(s).map(DateOrRange::Date).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<DateOrRange, A::Error> {
                let r = RangeFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(DateOrRange::Range { from: r.from, to: r.to, reason: r.reason })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Extra closed dates. Weekends and Swedish public holidays (with Midsummer Eve, Christmas
/// Eve and New Year's Eve) are always closed and need not be listed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// Dates and ranges on which no programme activity takes place (e.g. a summer break).
    #[serde(default)]
    pub closed: Vec<DateOrRange>,
}

/// The region: municipalities, units and how travel time is computed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RegionSpec {
    /// Name of the region, e.g. "Göteborgsregionen".
    pub name: String,
    /// The municipalities taking part.
    pub municipalities: Vec<MunicipalitySpec>,
    /// The units (enheter / arbetsgrupper) people work in.
    pub units: Vec<UnitSpec>,
    /// How travel times are obtained.
    #[serde(default)]
    pub travel: TravelSpec,
}

/// A municipality (kommun).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MunicipalitySpec {
    /// Identifier used in references, e.g. `"molndal"`.
    pub id: String,
    /// Display name, e.g. "Mölndal".
    pub name: String,
    /// Inhabitants.
    pub population: i64,
    /// Latitude of the seat, degrees north.
    pub lat: f64,
    /// Longitude of the seat, degrees east.
    pub lon: f64,
    /// Share of shared costs (0–1), e.g. Göteborgsregionen's population shares. Optional. The
    /// municipalities of one cost-sharing agreement (`cost_split`) split their participants'
    /// costs by these shares (which then add up to 1). In format version 2 a share needs an
    /// agreement; in version 1, without `cost_split` anywhere, the municipalities with a share
    /// formed one agreement (the upgrade names it after the region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_share: Option<f64>,
    /// Name of the cost-sharing agreement the municipality belongs to, e.g.
    /// "Göteborgsregionen". The costs of the participants of an agreement's municipalities are
    /// pooled and split by their `cost_share` (all members have one) or, when no member has one,
    /// by population. A municipality in no agreement pays its own participants' costs. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_split: Option<String>,
    /// Where mentor and group meetings in the municipality are held (a room, an address),
    /// e.g. "Socialkontoret, Kungsgatan 5, rum Linnea"; shown in the calendars. Default: only
    /// the municipality's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_venue: Option<String>,
    /// The sub-region (delregion) the municipality belongs to, by name: Yrkesresan's 36
    /// municipalities are Göteborgsregionen, Skaraborg and Sjuhärad. A course may be held for
    /// some sub-regions only (`courses[].subregions`); the report counts people per sub-region.
    /// Default: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subregion: Option<String>,
}

/// A unit (enhet, arbetsgrupp, stadsdel) inside a municipality.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitSpec {
    /// Identifier used in references.
    pub id: String,
    /// Display name. Defaults to the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Id of the municipality the unit belongs to.
    pub municipality: String,
    /// Number of staff in the unit.
    pub headcount: i64,
}

/// Travel time: from coordinates (great-circle distance × road factor ÷ speed) unless an
/// explicit table gives the minutes for a pair.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TravelSpec {
    /// Road distance ÷ great-circle distance. Default 1.3.
    #[serde(default = "default_road_factor")]
    pub road_factor: f64,
    /// Average travel speed in km/h. Default 70.
    #[serde(default = "default_speed")]
    pub speed_kmh: f64,
    /// Explicit travel times in minutes; they replace the computed time for that pair (both
    /// directions).
    #[serde(default)]
    pub table: Vec<TravelEntry>,
}

impl Default for TravelSpec {
    fn default() -> Self {
        TravelSpec { road_factor: default_road_factor(), speed_kmh: default_speed(), table: vec![] }
    }
}

/// One explicit travel time.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TravelEntry {
    /// Municipality id.
    pub from: String,
    /// Municipality id.
    pub to: String,
    /// One-way travel time in minutes.
    pub minutes: f64,
}

/// One step of the staircase: a phase starts at `min_years` in the profession.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    /// Phase id, e.g. `"new"`, `"practised"`, `"experienced"`.
    pub id: String,
    /// Years in the profession from which this phase applies, counted on the date of each
    /// activity (a participant moves up a phase during a long round).
    pub min_years: f64,
}

/// Default staircase (Yrkesresan): new < 2 y, practised 2–5 y, experienced ≥ 5 y.
pub fn default_phases() -> Vec<PhaseSpec> {
    vec![
        PhaseSpec { id: "new".into(), min_years: 0.0 },
        PhaseSpec { id: "practised".into(), min_years: 2.0 },
        PhaseSpec { id: "experienced".into(), min_years: 5.0 },
    ]
}

/// A participant's role.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Socialsekreterare / handläggare.
    SocialSecretary,
    /// Utförare: staff carrying out decided interventions.
    Executor,
    /// Arbetsledare / first-line manager.
    FirstLineManager,
    /// Any other role.
    Other,
}

impl Role {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Role::SocialSecretary => "social_secretary",
            Role::Executor => "executor",
            Role::FirstLineManager => "first_line_manager",
            Role::Other => "other",
        }
    }
}

/// A participant of the round.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ParticipantSpec {
    /// Identifier, unique among all people (participants and mentors).
    pub id: String,
    /// Full name.
    pub name: String,
    /// Id of the participant's unit.
    pub unit: String,
    /// Role. Default `social_secretary`.
    #[serde(default = "default_role")]
    pub role: Role,
    /// Date the participant entered the profession; the phase is computed from it.
    #[serde(deserialize_with = "date::strict")]
    pub profession_start: NaiveDate,
    /// Date the participant joined the current employer.
    #[serde(deserialize_with = "date::strict")]
    pub employment_start: NaiveDate,
    /// Dates and ranges the participant cannot attend.
    #[serde(default)]
    pub unavailable: Vec<DateOrRange>,
    /// Interest tags, matched against mentors' expertise.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Whether the participant wants a mentor.
    #[serde(default)]
    pub wants_mentor: bool,
}

fn default_role() -> Role {
    Role::SocialSecretary
}

/// A mentor in the mentor pool.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MentorSpec {
    /// Identifier, unique among all people.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Id of the mentor's unit.
    pub unit: String,
    /// Mentees at a time. Default 1.
    #[serde(default = "one")]
    pub capacity: i64,
    /// Has taken the mentor training.
    #[serde(default)]
    pub trained: bool,
    /// Years in the profession.
    pub years_in_profession: f64,
    /// Expertise tags, matched against mentees' interests.
    #[serde(default)]
    pub expertise: Vec<String>,
    /// Dates and ranges the mentor cannot meet.
    #[serde(default)]
    pub unavailable: Vec<DateOrRange>,
    /// Longest acceptable one-way travel time to a mentee's municipality, minutes. None: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_travel_minutes: Option<f64>,
    /// Ids of earlier mentees (pairs that should not be repeated).
    #[serde(default)]
    pub history: Vec<String>,
}

fn one() -> i64 {
    1
}

/// How pairs within the same municipality are treated.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SameMunicipality {
    /// Never pair people from the same municipality.
    Forbidden,
    /// Allowed at the cost `weights.same_municipality`.
    Penalised,
    /// No rule.
    Allowed,
}

/// Where a pair meets.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MeetingPlace {
    /// At the mentor's municipality.
    Mentor,
    /// At the mentee's municipality.
    Mentee,
    /// At the municipality minimising the two people's combined travel.
    MinCombinedTravel,
}

impl InstanceFile {
    /// A round of `region` with nothing in it yet: no people, programmes or courses, the
    /// default phases, rules and weights. Callers fill in the rest by struct update.
    pub fn new(round: RoundSpec, region: RegionSpec) -> Self {
        InstanceFile {
            format: "trappa-instance".into(),
            version: FORMAT_VERSION,
            round,
            calendar: CalendarSpec::default(),
            region,
            phases: default_phases(),
            participants: vec![],
            mentors: vec![],
            mentorship: MentorshipRules::default(),
            weights: Weights::default(),
            group_programmes: vec![],
            group_leaders: vec![],
            courses: vec![],
            trainers: vec![],
            venues: vec![],
            demand: vec![],
            phase_demand: vec![],
            course_history: vec![],
            workload: WorkloadRules::default(),
            terms: vec![],
            fixed_sessions: vec![],
            introduction: IntroductionRules::default(),
            introducers: vec![],
            costs: CostSpec::default(),
            forecast: vec![],
        }
    }
}

/// Rules of the mentorship programme (Uppsala, Halland: the mentor works in another unit,
/// preferably another municipality; they meet once a month for 8–10 months).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MentorshipRules {
    /// Fewest meetings a pair should have. Default 8.
    #[serde(default = "default_min_meetings")]
    pub min_meetings: u32,
    /// Most meetings a pair may have. Default 10.
    #[serde(default = "default_max_meetings")]
    pub max_meetings: u32,
    /// Smallest number of days between two meetings of a pair. Default 21.
    #[serde(default = "default_min_gap")]
    pub min_days_between: u32,
    /// Phases whose participants may get a mentor. Default `["practised"]`.
    #[serde(default = "default_eligible_phases")]
    pub eligible_phases: Vec<String>,
    /// Fewest years in the profession for a mentor. Default 5.
    #[serde(default = "default_mentor_years")]
    pub mentor_min_years: f64,
    /// Only mentors who took the mentor training. Default true.
    #[serde(default = "yes")]
    pub require_training: bool,
    /// Same-municipality pairs: `forbidden`, `penalised` (default) or `allowed`.
    #[serde(default = "default_same_municipality")]
    pub same_municipality: SameMunicipality,
    /// Where a pair meets. Default `min_combined_travel`.
    #[serde(default = "default_meeting_place")]
    pub meeting_place: MeetingPlace,
    /// A mentor takes at most one mentee per municipality (the mentees' municipalities).
    /// Default false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_mentee_per_municipality: bool,
    /// Pairs that must never be formed (e.g. a line manager).
    #[serde(default)]
    pub exclusions: Vec<PairExclusion>,
    /// Explicit pair costs that replace the computed soft cost (used to load external
    /// assignment benchmarks).
    #[serde(default)]
    pub pair_costs: Vec<PairCost>,
    /// Pairs fixed by hand: they are always in the plan; the rest is optimised around them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_pairs: Vec<FixedPair>,
    /// Days after the round's start (when the pairs are matched) before a series' first
    /// meeting: no meeting falls before `round.start` + this many days (a mentee who reaches a
    /// phase with mentors later starts then). Default 14; 0 allows the round's first day.
    #[serde(default = "default_first_meeting_after_days", skip_serializing_if = "is_default_first_meeting_after_days")]
    pub first_meeting_after_days: u32,
    /// Most mentor meetings a mentor holds on one day, over all their mentees. Default 1.
    #[serde(default = "default_one", skip_serializing_if = "is_one")]
    pub mentor_meetings_per_day: u32,
    /// Most mentor meetings held at one municipality's meeting place on one day (a room's
    /// capacity), over all pairs meeting there. Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_meetings_per_day: Option<u32>,
}

impl Default for MentorshipRules {
    fn default() -> Self {
        MentorshipRules {
            min_meetings: default_min_meetings(),
            max_meetings: default_max_meetings(),
            min_days_between: default_min_gap(),
            eligible_phases: default_eligible_phases(),
            mentor_min_years: default_mentor_years(),
            require_training: true,
            same_municipality: default_same_municipality(),
            meeting_place: default_meeting_place(),
            one_mentee_per_municipality: false,
            exclusions: vec![],
            pair_costs: vec![],
            fixed_pairs: vec![],
            first_meeting_after_days: default_first_meeting_after_days(),
            mentor_meetings_per_day: 1,
            place_meetings_per_day: None,
        }
    }
}

/// A forbidden mentor–mentee pair.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairExclusion {
    /// Mentor id.
    pub mentor: String,
    /// Participant id.
    pub mentee: String,
    /// Why, e.g. "line manager".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An explicit soft cost for a pair.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairCost {
    /// Mentor id.
    pub mentor: String,
    /// Participant id.
    pub mentee: String,
    /// The cost, replacing travel, same-municipality, interest and repeat terms for this pair.
    pub cost: f64,
}

/// Weights of the objective terms. The matcher first maximises the number of matched
/// mentees, then minimises the weighted sum of these terms.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Cost per minute of one-way travel between mentor and mentee municipalities. Default 1.
    #[serde(default = "default_travel_weight")]
    pub travel_per_minute: f64,
    /// Cost of a same-municipality pair when the policy is `penalised`. Default 30.
    #[serde(default = "default_same_muni_weight")]
    pub same_municipality: f64,
    /// Cost per mentee interest tag not covered by the mentor's expertise. Default 15.
    #[serde(default = "default_interest_weight")]
    pub interest_mismatch: f64,
    /// Cost of repeating an earlier pair. Default 100.
    #[serde(default = "default_repeat_weight")]
    pub repeat_pair: f64,
    /// Load balance: the k-th mentee of a mentor (k = 1, 2, …) costs `balance × (k − 1)`,
    /// so load spreads across mentors. Default 10.
    #[serde(default = "default_balance_weight")]
    pub balance: f64,
    /// Weights of the course timetable's objective terms.
    #[serde(default)]
    pub timetable: TimetableWeights,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            travel_per_minute: default_travel_weight(),
            same_municipality: default_same_muni_weight(),
            interest_mismatch: default_interest_weight(),
            repeat_pair: default_repeat_weight(),
            balance: default_balance_weight(),
            timetable: TimetableWeights::default(),
        }
    }
}

fn default_road_factor() -> f64 {
    1.3
}
fn default_speed() -> f64 {
    70.0
}
fn default_min_meetings() -> u32 {
    8
}
fn default_max_meetings() -> u32 {
    10
}
fn default_min_gap() -> u32 {
    21
}
/// Two weeks from the matching to a series' first meeting (see
/// `MentorshipRules::first_meeting_after_days`).
pub(crate) fn default_first_meeting_after_days() -> u32 {
    14
}
pub(crate) fn is_default_first_meeting_after_days(days: &u32) -> bool {
    *days == default_first_meeting_after_days()
}
fn default_one() -> u32 {
    1
}
fn is_one(n: &u32) -> bool {
    *n == 1
}
fn default_eligible_phases() -> Vec<String> {
    vec!["practised".into()]
}
fn default_mentor_years() -> f64 {
    5.0
}
fn yes() -> bool {
    true
}
fn default_same_municipality() -> SameMunicipality {
    SameMunicipality::Penalised
}
fn default_meeting_place() -> MeetingPlace {
    MeetingPlace::MinCombinedTravel
}
fn default_travel_weight() -> f64 {
    1.0
}
fn default_same_muni_weight() -> f64 {
    30.0
}
fn default_interest_weight() -> f64 {
    15.0
}
fn default_repeat_weight() -> f64 {
    100.0
}
fn default_balance_weight() -> f64 {
    10.0
}

/// How the days of a course session are laid out.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum DayPattern {
    /// Consecutive working days (weekends, holidays and closed dates in between are skipped).
    #[default]
    Consecutive,
    /// One day a week on the same weekday; a week whose day is closed is skipped (at most one
    /// skipped week between two course days).
    Weekly,
    /// Days at least `min_gap_days` calendar days apart: each day is the first working day
    /// after the gap.
    Spread,
}

/// A course of the programme (introduction course, child law, LVU, child interviews, …).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CourseSpec {
    /// Identifier used in references, e.g. `"barnratt"`.
    pub id: String,
    /// Display name, e.g. "Barnrätt".
    pub name: String,
    /// Number of course days of one session.
    pub days: u32,
    /// Layout of the days. Default `consecutive`.
    #[serde(default)]
    pub pattern: DayPattern,
    /// For the `spread` pattern: fewest calendar days between two course days. Default 7.
    #[serde(default = "default_min_gap_days")]
    pub min_gap_days: u32,
    /// Phases whose participants may take the course. Default: all phases.
    #[serde(default)]
    pub phases: Vec<String>,
    /// Roles whose participants may take the course (e.g. `["first_line_manager"]` for a
    /// leadership course). Default: every role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Sub-regions whose participants may take the course (a course held locally, e.g.
    /// `["Skaraborg"]`): the names of `region.municipalities[].subregion`. Default: the whole
    /// region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subregions: Vec<String>,
    /// Smallest viable group. Default 6.
    #[serde(default = "default_min_size")]
    pub min_size: u32,
    /// Largest group. Default 24.
    #[serde(default = "default_max_size")]
    pub max_size: u32,
    /// Trainers teaching each session. Default 1.
    #[serde(default = "one_u32")]
    pub trainers_per_session: u32,
    /// Course ids that must be completed before (in the course history, or in a session of
    /// this round that ends before this course starts).
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// The course must be finished within this many months of the participant's employment
    /// start (e.g. 3 for Halland's introduction programme). None: no deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_months: Option<u32>,
    /// Most sessions (course starts) in the round. None: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_sessions: Option<u32>,
    /// Fewest start dates of the course per year of the round (each 12-month window from the
    /// round's start; a shorter last window or round gets the share of its days, rounded down).
    /// Sessions starting on the same date count as one start. None: no minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_starts_per_year: Option<u32>,
    /// Most start dates of the course per year of the round (a shorter last window or round
    /// gets the share of its days, rounded up). None: no maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_starts_per_year: Option<u32>,
    /// Fewest calendar days between two consecutive start dates of the course. None: no minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_days_between_starts: Option<u32>,
    /// Most calendar days between two consecutive start dates of the course. None: no maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days_between_starts: Option<u32>,
    /// The development area the course belongs to (e.g. `"barn"`), for
    /// `workload.max_areas_per_term`. None: the course counts as an area of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Fixed cost of one session in SEK (opening it: material, a procured lecturer's fee).
    /// Default 0.
    #[serde(default)]
    pub fixed_cost: f64,
    /// Cost per session day in SEK (catering, material). Default 0.
    #[serde(default)]
    pub day_cost: f64,
    /// Course fee per participant in SEK (a seat bought from a provider). Default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fee_per_participant: f64,
    /// When a course day starts, e.g. `"09:30"`. Default: `round.meeting_times.course`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<ClockTime>,
    /// When a course day ends, e.g. `"15:30"`. Default: `round.meeting_times.course`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<ClockTime>,
}

/// A named term (planning period), e.g. `{"name": "VT 2027", "start": "2027-01-01", "end":
/// "2027-06-30"}`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    /// The term's name, shown to coordinators.
    pub name: String,
    /// First day of the term.
    #[serde(deserialize_with = "date::strict")]
    pub start: NaiveDate,
    /// Last day of the term (inclusive).
    #[serde(deserialize_with = "date::strict")]
    pub end: NaiveDate,
}

/// A trainer: an internal colleague lending days or a procured lecturer.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TrainerSpec {
    /// Identifier, unique among all people.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Internal (a colleague lending days) or external (procured). Default false (external).
    #[serde(default)]
    pub internal: bool,
    /// Id of the trainer's home municipality. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Course ids the trainer is qualified to teach.
    pub courses: Vec<String>,
    /// Most teaching days in the round.
    pub max_days: u32,
    /// Cost per teaching day in SEK. Default 0 (internal trainer).
    #[serde(default)]
    pub day_rate: f64,
    /// Dates and ranges the trainer cannot teach.
    #[serde(default)]
    pub unavailable: Vec<DateOrRange>,
}

/// A venue (course room) in a municipality.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VenueSpec {
    /// Identifier used in references.
    pub id: String,
    /// Display name, e.g. "Mölndals stadshus, sal 3".
    pub name: String,
    /// Street address, e.g. "Göteborgsvägen 11, Mölndal"; shown in the calendars. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Id of the municipality the venue lies in.
    pub municipality: String,
    /// Seats.
    pub capacity: u32,
    /// Rent per day in SEK. Default 0.
    #[serde(default)]
    pub day_rate: f64,
    /// Dates and ranges the venue is not available.
    #[serde(default)]
    pub unavailable: Vec<DateOrRange>,
}

/// How much serving a demand matters.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Must be served if at all possible (e.g. the introduction course of a new hire).
    High,
    /// Agreed in the development talk.
    #[default]
    Normal,
    /// Nice to have.
    Low,
}

impl Priority {
    /// All priorities, highest first.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Normal, Priority::Low];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }
}

/// One line of an individual plan: a participant wants a course.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DemandSpec {
    /// Participant id.
    pub participant: String,
    /// Course id.
    pub course: String,
    /// Priority. Default `normal`.
    #[serde(default)]
    pub priority: Priority,
}

/// Default demand of a phase (e.g. every new hire takes the introduction course).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PhaseDemandSpec {
    /// Phase id.
    pub phase: String,
    /// Course id.
    pub course: String,
    /// Priority. Default `normal`.
    #[serde(default)]
    pub priority: Priority,
}

/// A course a participant completed before the round.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CourseRecord {
    /// Participant id.
    pub participant: String,
    /// Course id.
    pub course: String,
}

/// Workload limits ("the study pace was sometimes too high"; "someone must still handle
/// intake while colleagues are on courses").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WorkloadRules {
    /// Most course days of a participant in one calendar month. Default 2.
    #[serde(default = "default_days_per_month")]
    pub max_course_days_per_month: u32,
    /// Most course days of a participant in the round. Default 15.
    #[serde(default = "default_days_per_round")]
    pub max_course_days_per_round: u32,
    /// Most courses of a participant in the round (e.g. 1: "one development area per term").
    /// Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_courses_per_round: Option<u32>,
    /// Most courses of a participant per term (a course counts in the term of its first day).
    /// Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_courses_per_term: Option<u32>,
    /// Most course days of a participant per term (each day in its own term). Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_course_days_per_term: Option<u32>,
    /// Most development areas (`courses[].area`) a participant takes courses in per term: 1 =
    /// "one development area per term". Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_areas_per_term: Option<u32>,
    /// Largest share of a unit's headcount away on course on one day. Default 0.25. At least
    /// one person may always go (if the unit has two or more staff), and at least one always stays.
    #[serde(default = "default_absence_share")]
    pub unit_absence_share: f64,
}

impl Default for WorkloadRules {
    fn default() -> Self {
        WorkloadRules {
            max_course_days_per_month: default_days_per_month(),
            max_course_days_per_round: default_days_per_round(),
            max_courses_per_round: None,
            max_courses_per_term: None,
            max_course_days_per_term: None,
            max_areas_per_term: None,
            unit_absence_share: default_absence_share(),
        }
    }
}

/// Weights of the timetable's objective terms, in SEK-equivalents. The timetable minimises
/// the sum of unserved-demand penalties (by priority: `high` is "required", `normal` and `low`
/// "requested"), participants' travel time, session costs and a mixing term. The defaults make
/// coverage dominate (a lexicographic order in practice); lower penalties trade coverage for
/// travel and cost.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimetableWeights {
    /// Penalty of an unserved high-priority demand. Default 100,000.
    #[serde(default = "default_unserved_high")]
    pub unserved_high: f64,
    /// Penalty of an unserved normal-priority demand. Default 30,000.
    #[serde(default = "default_unserved_normal")]
    pub unserved_normal: f64,
    /// Penalty of an unserved low-priority demand. Default 10,000.
    #[serde(default = "default_unserved_low")]
    pub unserved_low: f64,
    /// Extra penalty of an unserved demand with a deadline, scaled by how early the deadline
    /// falls: `deadline_urgency × (round end − deadline) / round length`, so earlier deadlines
    /// are served first. Default 20,000.
    #[serde(default = "default_deadline_urgency")]
    pub deadline_urgency: f64,
    /// Cost per minute of a participant's travel (round trip, per course day). Default 8
    /// (about an hour's salary with overhead, 500 SEK, spread over 60 minutes).
    #[serde(default = "default_course_travel")]
    pub travel_per_minute: f64,
    /// Weight of session costs (trainers' day rates, venue rent, fixed costs) per SEK. Default 1.
    #[serde(default = "default_session_cost")]
    pub cost_per_sek: f64,
    /// Cost per participant in the largest single-municipality group of a session, so that
    /// sessions mix municipalities. Default 500.
    #[serde(default = "default_mixing")]
    pub mixing: f64,
}

impl Default for TimetableWeights {
    fn default() -> Self {
        TimetableWeights {
            unserved_high: default_unserved_high(),
            unserved_normal: default_unserved_normal(),
            unserved_low: default_unserved_low(),
            deadline_urgency: default_deadline_urgency(),
            travel_per_minute: default_course_travel(),
            cost_per_sek: default_session_cost(),
            mixing: default_mixing(),
        }
    }
}

impl TimetableWeights {
    /// The penalty of leaving a demand of this priority unserved.
    pub fn unserved(&self, p: Priority) -> f64 {
        match p {
            Priority::High => self.unserved_high,
            Priority::Normal => self.unserved_normal,
            Priority::Low => self.unserved_low,
        }
    }
}

fn default_min_size() -> u32 {
    6
}
fn default_max_size() -> u32 {
    24
}
fn one_u32() -> u32 {
    1
}
fn default_days_per_month() -> u32 {
    2
}
fn default_days_per_round() -> u32 {
    15
}
fn default_min_gap_days() -> u32 {
    7
}
fn default_absence_share() -> f64 {
    0.25
}
fn default_unserved_high() -> f64 {
    100_000.0
}
fn default_unserved_normal() -> f64 {
    30_000.0
}
fn default_unserved_low() -> f64 {
    10_000.0
}
fn default_deadline_urgency() -> f64 {
    20_000.0
}
fn default_course_travel() -> f64 {
    8.0
}
fn default_session_cost() -> f64 {
    1.0
}
fn default_mixing() -> f64 {
    500.0
}
