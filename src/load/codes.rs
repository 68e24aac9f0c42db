//! The validation codes: one variant per code, each with its stable code (`E021`), its short
//! name (`unknown-reference`) and what it means. `docs/errors.md` lists them, and
//! `instances/invalid/` holds one example file per code, named `<code>-<kind>.json`.

use serde::{Serialize, Serializer};
use std::fmt;

/// Defines [`ValidationCode`] from one table, so that code, name and meaning cannot drift apart.
macro_rules! validation_codes {
    ($($variant:ident = ($code:literal, $kind:literal, $meaning:literal),)*) => {
        /// A validation code: what kind of problem an input file has.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ValidationCode {
            $(
                #[doc = concat!("`", $code, "` ", $kind, ": ", $meaning, ".")]
                $variant,
            )*
        }

        impl ValidationCode {
            /// Every code, in ascending order.
            pub const ALL: &'static [ValidationCode] = &[$(ValidationCode::$variant,)*];

            /// The stable code, e.g. `E021`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ValidationCode::$variant => $code,)*
                }
            }

            /// The short name, e.g. `unknown-reference`.
            pub fn kind(self) -> &'static str {
                match self {
                    $(ValidationCode::$variant => $kind,)*
                }
            }

            /// What the code means, in one line.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(ValidationCode::$variant => $meaning,)*
                }
            }
        }
    };
}

validation_codes! {
    Syntax = ("E001", "syntax", "the file is not valid JSON"),
    Type = ("E002", "type", "a value has the wrong type, a required field is missing or a field is unknown"),
    FormatVersion = ("E003", "format-version", "the file is not a trappa instance of a version this build reads"),
    Encoding = ("E004", "encoding", "the file is not UTF-8 text"),
    DuplicateKey = ("E005", "duplicate-key", "a key is given twice in one JSON object"),
    NestingDepth = ("E006", "nesting-depth", "objects and arrays are nested deeper than the format ever needs"),
    DateFormat = ("E007", "date-format", "a date is not written YYYY-MM-DD with a year from 1900 to 2200"),
    EmptyRound = ("E010", "empty-round", "the round has no participants"),
    RoundDates = ("E011", "round-dates", "the round ends before it starts or lasts more than three years"),
    DateRange = ("E012", "date-range", "a date range ends before it starts"),
    ImpossibleDate = ("E013", "impossible-date", "a person's date lies after the round's end"),
    MeetingTimes = ("E014", "meeting-times", "a meeting or course day does not end after it starts"),
    DuplicateId = ("E020", "duplicate-id", "two items share an id, or a pair is listed twice"),
    UnknownReference = ("E021", "unknown-reference", "a reference names an id that does not exist"),
    EmptyField = ("E022", "empty-field", "an id or a name is empty"),
    PersonMismatch = (
        "E023",
        "person-mismatch",
        "one id stands for one person: the same id in two lists (participants, mentors, group leaders, trainers, introducers) with different names or units"
    ),
    NegativeNumber = ("E030", "negative-number", "a count or capacity is negative or zero where it must be positive"),
    OutOfRange = ("E031", "out-of-range", "a number is outside its meaningful range or not finite"),
    MeetingRules = ("E032", "meeting-rules", "the meeting rules cannot be met by any pair"),
    Phases = ("E033", "phases", "the phase staircase is not a valid ascending list"),
    UnitOverfull = ("E034", "unit-overfull", "a unit lists more people than its headcount"),
    CourseRules = ("E040", "course-rules", "a course's days, sizes, trainers per session or deadline leave no valid session"),
    PrerequisiteCycle = ("E041", "prerequisite-cycle", "a course is its own prerequisite, directly or through other courses"),
    DemandCompleted = ("E042", "demand-completed", "an individual plan asks for a course the participant has already completed"),
    CourseExceedsWorkload = (
        "E043",
        "course-exceeds-workload",
        "a course has more days than the workload limit allows a participant in the round"
    ),
    CourseRole = ("E044", "course-role", "an individual plan asks for a course whose roles do not include the participant's role"),
    UnknownSubregion = ("E047", "unknown-subregion", "a course names a sub-region that no municipality of the region belongs to"),
    CourseSubregion = (
        "E048",
        "course-subregion",
        "an individual plan asks for a course held for other sub-regions than the participant's"
    ),
    GroupRules = ("E050", "group-rules", "a group programme's sizes, group count or meeting rules cannot be met"),
    PinnedPair = (
        "E060",
        "pinned-pair",
        "a fixed mentor–mentee pair breaks a hard rule, is pinned twice or exceeds the mentor's capacity"
    ),
    PinnedMeetings = (
        "E061",
        "pinned-meetings",
        "pinned meeting dates are outside the round, on closed days, unavailable, too close, too many or clash"
    ),
    PinnedSession = (
        "E062",
        "pinned-session",
        "a fixed session's dates, venue or trainers do not fit its course or are not available"
    ),
    PinnedAttendee = (
        "E063",
        "pinned-attendee",
        "a fixed session's attendee has no demand, is outside their window or unavailable, or the session is overfull"
    ),
    PinnedGroup = (
        "E064",
        "pinned-group",
        "a fixed group breaks its programme's rules (eligibility, size, caps, leader) or a person is in two"
    ),
    SizeLimit = (
        "E070",
        "size-limit",
        "the file, a count or a number in it, or a size derived from them exceeds a limit of docs/limits.md"
    ),
    CostSplit = (
        "E080",
        "cost-split",
        "a cost-sharing agreement's shares are missing for some members, do not add up to 1 or are all 0, or a share lies outside every agreement"
    ),
    ForecastMunicipality = ("E090", "forecast-municipality", "a forecast entry names a municipality that does not exist"),
    ForecastUnit = (
        "E091",
        "forecast-unit",
        "a forecast entry names a unit that does not exist or lies in another municipality, or its municipality has no unit"
    ),
    ForecastMonth = ("E092", "forecast-month", "a forecast entry's month is not written YYYY-MM or lies outside the round"),
    ForecastHires = (
        "E093",
        "forecast-hires",
        "a forecast entry's hires are negative or more than 500, its years in the profession are outside 0–50, or the forecast expects more than 10,000 hires"
    ),
    ForecastDuplicate = ("E094", "forecast-duplicate", "two forecast entries have the same municipality, unit and month"),
    ShareWithoutAgreement = (
        "E095",
        "share-without-agreement",
        "a version-2 file gives municipalities a cost_share but names no cost-sharing agreement (cost_split) at all"
    ),
}

/// Shown as the code, e.g. `E021`.
impl fmt::Display for ValidationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Written as the code, e.g. `"E021"`.
impl Serialize for ValidationCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// A code equals its text, e.g. `ValidationCode::UnknownReference == "E021"`.
impl PartialEq<&str> for ValidationCode {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_ascending_and_named() {
        let codes: Vec<&str> = ValidationCode::ALL.iter().map(|c| c.code()).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        assert!(ValidationCode::ALL.windows(2).all(|w| w[0] < w[1]));
        for c in ValidationCode::ALL {
            assert!(c.code().len() == 4 && c.code().starts_with('E'), "{c}");
            assert!(!c.kind().is_empty() && !c.kind().contains(' '), "{c}: {}", c.kind());
            assert!(!c.meaning().is_empty(), "{c}");
        }
    }

    #[test]
    fn a_code_shows_and_serialises_as_its_text() {
        let c = ValidationCode::UnknownReference;
        assert_eq!(c.to_string(), "E021");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"E021\"");
        assert!(c == "E021" && c != "E020");
        assert_eq!((c.kind(), c.meaning()), ("unknown-reference", "a reference names an id that does not exist"));
    }
}
