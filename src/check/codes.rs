//! The checker's codes: one variant per rule it verifies, each with its stable code, the short
//! rule name and a one-line meaning. `docs/checker.md` lists every one (a test holds the two
//! together); a violation carries its code, and plans' check reports print it as the string.

use serde::{Serialize, Serializer};
use std::fmt;

/// Defines [`CheckCode`] from one table: variant, code, rule name, meaning.
macro_rules! check_codes {
    ($($variant:ident = $code:literal, $rule:literal, $meaning:literal;)+) => {
        /// A rule of the independent checker.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CheckCode {
            $(
                #[doc = $meaning]
                $variant,
            )+
        }

        impl CheckCode {
            /// Every code, in the order of `docs/checker.md`.
            pub const ALL: &'static [CheckCode] = &[$(CheckCode::$variant),+];

            /// The stable code, e.g. `"C031"`.
            pub fn code(self) -> &'static str {
                match self {
                    $(CheckCode::$variant => $code,)+
                }
            }

            /// The short name of the rule, e.g. `"not-maximum"`.
            pub fn rule(self) -> &'static str {
                match self {
                    $(CheckCode::$variant => $rule,)+
                }
            }

            /// What the rule's violation means, in one line.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(CheckCode::$variant => $meaning,)+
                }
            }
        }
    };
}

check_codes! {
    InstanceMismatch = "C001", "instance-mismatch", "the plan names another instance file (SHA-256 differs)";
    UnknownPerson = "C010", "unknown-person", "a pair names a mentor or participant not in the instance";
    MenteeNotEligible = "C011", "mentee-not-eligible", "the mentee does not want a mentor or cannot be mentored in the round (no phase with mentors at its start, nor reached in time for a series)";
    MenteeTwice = "C012", "mentee-twice", "a participant has more than one mentor";
    MentorOverCapacity = "C013", "mentor-over-capacity", "a mentor has more mentees than the capacity";
    SameUnit = "C014", "same-unit", "mentor and mentee work in the same unit";
    SameMunicipality = "C015", "same-municipality", "mentor and mentee are in the same municipality and the programme forbids it";
    MentorNotQualified = "C016", "mentor-not-qualified", "the mentor is untrained (training required) or has too few years";
    ExcludedPair = "C017", "excluded-pair", "the pair is explicitly excluded";
    TooFar = "C018", "too-far", "the travel time exceeds the mentor's maximum";
    // C019 states `mentorship.one_mentee_per_municipality` (check/mentorship.rs).
    OneMenteePerMunicipality = "C019", "one-mentee-per-municipality", "a mentor has two mentees from one municipality and the programme allows one";
    MeetingCount = "C020", "meeting-count", "more meetings than the maximum, or fewer than the minimum without a stated shortfall";
    MeetingOutsideRound = "C021", "meeting-outside-round", "a meeting lies outside the round";
    MeetingClosedDay = "C022", "meeting-closed-day", "a meeting falls on a weekend, a public holiday or a closed date";
    MeetingSameMonth = "C023", "meeting-same-month", "two meetings of a pair fall in one calendar month";
    MeetingGap = "C024", "meeting-gap", "two meetings of a pair are closer than the minimum gap";
    MeetingUnavailable = "C025", "meeting-unavailable", "a meeting falls on a date one of the two is unavailable";
    DoubleBooked = "C026", "double-booked", "a mentee has two mentor meetings on one day, a mentor more than mentorship.mentor_meetings_per_day, or a person meets as mentor and as mentee on one day";
    MeetingPlace = "C027", "meeting-place", "the meeting place is unknown or does not follow the programme's policy";
    MeetingPhase = "C028", "meeting-phase", "a mentor meeting falls before the mentee reaches a phase with mentors, or the series starts on a day their phase has none";
    PlaceCapacity = "C029", "place-capacity", "a meeting place hosts more mentor meetings on one day than mentorship.place_meetings_per_day";
    UnmatchedUnexplained = "C030", "unmatched-unexplained", "an eligible mentee is neither paired nor listed as unmatched, is listed wrongly, or the reason or its list of full mentors is false";
    NotMaximum = "C031", "not-maximum", "more mentees could have been matched and the plan's status does not say so truthfully";
    NotEligibleListed = "C032", "not-eligible-listed", "a participant who wants a mentor but is not eligible is not listed as such, or the list names someone else or a wrong phase";
    FirstMeeting = "C033", "first-meeting", "a pair meets before mentorship.first_meeting_after_days after the round's start (pinned dates, a re-plan's past and mentees whose phase has no mentors by then excepted)";
    ObjectiveMismatch = "C040", "objective-mismatch", "the reported objective differs from the recomputed one";
    BoundBeyondObjective = "C041", "bound-beyond-objective", "a stated bound lies beyond the recomputed objective: above a minimised cost or below a maximised total";
    TimetableReference = "C050", "timetable-reference", "a session names an unknown course, venue, trainer or participant, or a session id is used twice";
    SessionPattern = "C051", "session-pattern", "a session has the wrong number of days or does not follow the course's day pattern";
    SessionClosedDay = "C052", "session-closed-day", "a session day lies outside the round or on a weekend, holiday or closed date";
    SessionSize = "C053", "session-size", "a session is below the course's minimum group or above its maximum or the venue's seats";
    VenueConflict = "C054", "venue-conflict", "a venue hosts two sessions on one day or a session on an unavailable date";
    TrainerNotQualified = "C055", "trainer-not-qualified", "a session has the wrong number of trainers or a trainer not qualified for the course";
    TrainerConflict = "C056", "trainer-conflict", "a trainer teaches two sessions a day, on an unavailable date, or more than the maximum days";
    AttendeeNotDemanded = "C057", "attendee-not-demanded", "a participant attends a course they did not ask for, or the same course twice";
    AttendeeUnavailable = "C058", "attendee-unavailable", "a participant attends on a date they are unavailable";
    PersonDoubleBooked = "C059", "person-double-booked", "a person has two sessions on one day, or a mentor meeting on a course day";
    Prerequisite = "C060", "prerequisite", "a participant attends a course without its prerequisite completed before";
    Deadline = "C061", "deadline", "a participant attends outside the window from employment start to the course's deadline";
    Workload = "C062", "workload", "a participant exceeds the course days per month or round, or the courses per round";
    UnitAbsence = "C063", "unit-absence", "more people of a unit are on course on one day than the unit may miss";
    UnservedUnexplained = "C064", "unserved-unexplained", "an unserved demand is not listed, is listed wrongly, or its reason does not hold";
    TimetableObjective = "C065", "timetable-objective", "the timetable's reported objective or coverage differs from the recomputed one";
    MaxSessions = "C066", "max-sessions", "a course runs more sessions than its maximum";
    CourseStartsPerYear = "C067", "course-starts-per-year", "a course starts fewer or more times in a year of the round than its cadence allows";
    CourseStartGap = "C068", "course-start-gap", "two consecutive starts of a course lie fewer or more days apart than its cadence allows";
    TermWorkload = "C069", "term-workload", "a participant exceeds the courses, course days or development areas allowed per term";
    GroupSize = "C070", "group-size", "a group is smaller or larger than the programme allows, or there are more groups than asked for";
    GroupMemberNotEligible = "C071", "group-member-not-eligible", "a group member is unknown, not enrolled or not eligible on the group's start (phase and months on that day)";
    GroupMemberTwice = "C072", "group-member-twice", "a participant is in two groups of one programme";
    GroupMixingCap = "C073", "group-mixing-cap", "a group has more members from one municipality or unit than the cap";
    GroupLeader = "C074", "group-leader", "a group lacks a required leader (or one of the programme's leaders per group), or a leader is unknown, unqualified, named twice or over their number of groups";
    GroupMeetings = "C075", "group-meetings", "a group's meetings break the count, calendar, monthly or gap rules";
    GroupLeaderUnavailable = "C076", "group-leader-unavailable", "a leader is unavailable on a meeting date or has two group meetings on a day";
    GroupConflictUnlisted = "C077", "group-conflict-unlisted", "a member is unavailable on a meeting date and the conflict is not listed";
    GroupUnservedUnexplained = "C078", "group-unserved-unexplained", "an eligible participant is neither in a group nor listed as unserved, an unserved or not-eligible entry is wrong or its reason false, or a programme has no plan";
    GroupObjectiveMismatch = "C079", "group-objective-mismatch", "a group programme's reported objective differs from the recomputed one";
    GroupMeetingPlace = "C080", "group-meeting-place", "a group meets elsewhere than the fixed venue, or not where its members' travel is least";
    GroupAndMentorMeeting = "C081", "group-and-mentor-meeting", "a person has a mentor meeting on a day they meet their group";
    GroupStart = "C082", "group-start", "a group's start lies outside the round, is given for a programme whose groups start with the round, or a meeting falls before it";
    GroupLinkedSession = "C083", "group-linked-session", "a group of a programme linked to a course names no session of that course, starts on another day than the session, or has a member who did not attend it";
    GroupSeriesGap = "C084", "group-series-gap", "two consecutive meetings of a group lie further apart than the programme's max_days_between";
    AttendeeRole = "C085", "attendee-role", "a participant attends a course whose roles do not include theirs";
    SelfMentoring = "C086", "self-mentoring", "mentor and mentee are one person (the same id in the mentors and the participants)";
    LeaderInOwnGroup = "C087", "leader-in-own-group", "a group's leader or co-leader is also a member of that group";
    TeachesAndAttends = "C088", "teaches-and-attends", "a person teaches a session on a day they attend a session (their own included)";
    AttendeeSubregion = "C089", "attendee-subregion", "a participant attends a course held for other sub-regions than their municipality's";
    PinnedPair = "C090", "pinned-pair", "a fixed pair is not in the plan, or a pinned meeting date is not among its meetings";
    PinnedSession = "C091", "pinned-session", "no session of the plan realises a fixed session (course, dates, venue, trainers, attendees), one per pin";
    PinnedGroup = "C092", "pinned-group", "a fixed group's members are not together in one group, two fixed groups share a group, or its leader or pinned meetings differ";
    CostMismatch = "C093", "cost-mismatch", "the plan's recorded cost (total, a part, a municipality's or a participant's amount) differs from the cost recomputed from the instance's cost items and agreements";
    GroupFirstMeeting = "C094", "group-first-meeting", "a group starting with the round meets before its programme's first_meeting_after_days after the round's start (pinned dates and a re-plan's past excepted)";
    IntroductionAssignment = "C100", "introduction-assignment", "an introduktör is unknown, of another unit than the hire or the hire themselves, or a hire is unknown, not a new hire of the round, assigned twice, or given other periods or hours than the introduction's";
    IntroducerOverCapacity = "C101", "introducer-over-capacity", "an introduktör introduces more new hires than their capacity";
    IntroductionUnexplained = "C102", "introduction-unexplained", "a new hire of the round is neither assigned nor listed, is listed twice or wrongly, or the reason does not hold, or the plan lacks the introduction the instance plans";
    ForecastUnknown = "C110", "forecast-unknown", "a session's forecast seats name an id that is no placeholder of the instance's forecast";
    ForecastCount = "C111", "forecast-count", "the plan holds seats for more placeholders of a municipality (or unit) and month than its forecast hires less its named hires";
    ForecastListed = "C112", "forecast-listed", "a placeholder of a forecast hire is listed among a session's named attendees, or a named participant among its forecast seats";
    ForecastNotPerson = "C113", "forecast-not-person", "a placeholder of a forecast hire has a mentor, a group or an introduktör (placeholders are not persons yet)";
}

impl CheckCode {
    /// The variant with the stable code `code` (`"C031"`), if there is one.
    pub fn from_code(code: &str) -> Option<CheckCode> {
        CheckCode::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Prints the stable code, e.g. `C031`.
impl fmt::Display for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Serialised as the stable code string, e.g. `"C031"`.
impl Serialize for CheckCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Compares with a code string: `code == "C031"`.
impl PartialEq<&str> for CheckCode {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

impl PartialEq<str> for CheckCode {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

#[cfg(test)]
mod tests {
    use super::CheckCode;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_distinct_ascending_and_round_trip() {
        let codes: Vec<&str> = CheckCode::ALL.iter().map(|c| c.code()).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        let rules: BTreeSet<&str> = CheckCode::ALL.iter().map(|c| c.rule()).collect();
        assert_eq!(rules.len(), CheckCode::ALL.len());
        for &c in CheckCode::ALL {
            assert_eq!(CheckCode::from_code(c.code()), Some(c));
            assert_eq!(c.to_string(), c.code());
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.code()));
            assert!(!c.meaning().is_empty());
        }
        assert_eq!(CheckCode::from_code("C999"), None);
        assert!(CheckCode::NotMaximum == "C031");
    }
}
