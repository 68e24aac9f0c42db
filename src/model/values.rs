//! The model's value vocabulary: roles, policies, priorities, patterns, kinds and weights.
//!
//! These mirror the file's value types one to one; [`crate::load::build`] converts them, so the
//! model (and everything that works on it) does not depend on how a file spells them.

/// A participant's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// The role as files spell it (`social_secretary`, `first_line_manager`, …).
    pub fn name(self) -> &'static str {
        match self {
            Role::SocialSecretary => "social_secretary",
            Role::Executor => "executor",
            Role::FirstLineManager => "first_line_manager",
            Role::Other => "other",
        }
    }
}

/// How mentor–mentee pairs within the same municipality are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameMunicipality {
    /// Never pair people from the same municipality.
    Forbidden,
    /// Allowed at the cost [`Weights::same_municipality`].
    Penalised,
    /// No rule.
    Allowed,
}

/// Where a mentor–mentee pair meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingPlace {
    /// At the mentor's municipality.
    Mentor,
    /// At the mentee's municipality.
    Mentee,
    /// At the municipality minimising the two people's combined travel.
    MinCombinedTravel,
}

/// Weights of the mentorship objective terms (and the timetable's, nested).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Cost per minute of one-way travel between mentor and mentee municipalities.
    pub travel_per_minute: f64,
    /// Cost of a same-municipality pair when the policy is penalised.
    pub same_municipality: f64,
    /// Cost per mentee interest tag not covered by the mentor's expertise.
    pub interest_mismatch: f64,
    /// Cost of repeating an earlier pair.
    pub repeat_pair: f64,
    /// Load balance: the k-th mentee of a mentor costs `balance × (k − 1)`.
    pub balance: f64,
    /// Weights of the course timetable's objective terms.
    pub timetable: TimetableWeights,
}

/// How the days of a course session are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayPattern {
    /// Consecutive working days.
    #[default]
    Consecutive,
    /// One day a week on the same weekday (at most one skipped week between two course days).
    Weekly,
    /// Days at least the course's `min_gap_days` calendar days apart.
    Spread,
}

/// How much serving a demand matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Priority {
    /// Must be served if at all possible.
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

/// Weights of the timetable's objective terms, in SEK-equivalents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimetableWeights {
    /// Penalty of an unserved high-priority demand.
    pub unserved_high: f64,
    /// Penalty of an unserved normal-priority demand.
    pub unserved_normal: f64,
    /// Penalty of an unserved low-priority demand.
    pub unserved_low: f64,
    /// Extra penalty of an unserved demand with a deadline, scaled by how early it falls.
    pub deadline_urgency: f64,
    /// Cost per minute of a participant's travel (round trip, per course day).
    pub travel_per_minute: f64,
    /// Weight of session costs per SEK.
    pub cost_per_sek: f64,
    /// Cost per participant in the largest single-municipality group of a session.
    pub mixing: f64,
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

/// The kind of a group programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Professional supervision for new hires (yrkeshandledning).
    Supervision,
    /// Reflection groups mixed from all municipalities.
    Reflection,
    /// Research circle (FoU-cirkel).
    ResearchCircle,
}

impl GroupKind {
    /// The kind's name as written in files.
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Supervision => "supervision",
            GroupKind::Reflection => "reflection",
            GroupKind::ResearchCircle => "research_circle",
        }
    }
}

/// Meeting rules of a group programme.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMeetingRules {
    /// Fewest meetings.
    pub min: u32,
    /// Most meetings.
    pub max: u32,
    /// Smallest gap between meetings, days.
    pub min_days_between: u32,
    /// Prefer the same weekday for all meetings of a group.
    pub same_weekday: bool,
    /// Largest gap between consecutive meetings, days (a compact series).
    pub max_days_between: Option<u32>,
    /// Days after the round's start before the first meeting of a group starting with it.
    pub first_meeting_after_days: u32,
}

/// Weights of the benefit of putting two people in one group, and of members' travel.
#[derive(Debug, Clone, PartialEq)]
pub struct DiversityWeights {
    /// Benefit when the two work in different municipalities.
    pub different_municipality: f64,
    /// Benefit when the two work in different units.
    pub different_unit: f64,
    /// Benefit when the two have different roles.
    pub different_role: f64,
    /// Benefit when the two were not in a group together before.
    pub not_together_before: f64,
    /// Cost per minute of a member's one-way travel to the group's meeting place.
    pub travel_per_minute: f64,
}
