//! The file's value types converted to the model's ([`crate::model::values`]), and back where a
//! writer puts a model value into a plan file.

use crate::format as file;
use crate::model as m;

impl From<file::Role> for m::Role {
    fn from(r: file::Role) -> Self {
        match r {
            file::Role::SocialSecretary => m::Role::SocialSecretary,
            file::Role::Executor => m::Role::Executor,
            file::Role::FirstLineManager => m::Role::FirstLineManager,
            file::Role::Other => m::Role::Other,
        }
    }
}

impl From<m::Role> for file::Role {
    fn from(r: m::Role) -> Self {
        match r {
            m::Role::SocialSecretary => file::Role::SocialSecretary,
            m::Role::Executor => file::Role::Executor,
            m::Role::FirstLineManager => file::Role::FirstLineManager,
            m::Role::Other => file::Role::Other,
        }
    }
}

impl From<file::SameMunicipality> for m::SameMunicipality {
    fn from(s: file::SameMunicipality) -> Self {
        match s {
            file::SameMunicipality::Forbidden => m::SameMunicipality::Forbidden,
            file::SameMunicipality::Penalised => m::SameMunicipality::Penalised,
            file::SameMunicipality::Allowed => m::SameMunicipality::Allowed,
        }
    }
}

impl From<file::MeetingPlace> for m::MeetingPlace {
    fn from(p: file::MeetingPlace) -> Self {
        match p {
            file::MeetingPlace::Mentor => m::MeetingPlace::Mentor,
            file::MeetingPlace::Mentee => m::MeetingPlace::Mentee,
            file::MeetingPlace::MinCombinedTravel => m::MeetingPlace::MinCombinedTravel,
        }
    }
}

impl From<&file::Weights> for m::Weights {
    fn from(w: &file::Weights) -> Self {
        m::Weights {
            travel_per_minute: w.travel_per_minute,
            same_municipality: w.same_municipality,
            interest_mismatch: w.interest_mismatch,
            repeat_pair: w.repeat_pair,
            balance: w.balance,
            timetable: (&w.timetable).into(),
        }
    }
}

impl From<file::DayPattern> for m::DayPattern {
    fn from(p: file::DayPattern) -> Self {
        match p {
            file::DayPattern::Consecutive => m::DayPattern::Consecutive,
            file::DayPattern::Weekly => m::DayPattern::Weekly,
            file::DayPattern::Spread => m::DayPattern::Spread,
        }
    }
}

impl From<file::Priority> for m::Priority {
    fn from(p: file::Priority) -> Self {
        match p {
            file::Priority::High => m::Priority::High,
            file::Priority::Normal => m::Priority::Normal,
            file::Priority::Low => m::Priority::Low,
        }
    }
}

impl From<m::Priority> for file::Priority {
    fn from(p: m::Priority) -> Self {
        match p {
            m::Priority::High => file::Priority::High,
            m::Priority::Normal => file::Priority::Normal,
            m::Priority::Low => file::Priority::Low,
        }
    }
}

impl From<&file::TimetableWeights> for m::TimetableWeights {
    fn from(w: &file::TimetableWeights) -> Self {
        m::TimetableWeights {
            unserved_high: w.unserved_high,
            unserved_normal: w.unserved_normal,
            unserved_low: w.unserved_low,
            deadline_urgency: w.deadline_urgency,
            travel_per_minute: w.travel_per_minute,
            cost_per_sek: w.cost_per_sek,
            mixing: w.mixing,
        }
    }
}

impl From<file::GroupKind> for m::GroupKind {
    fn from(k: file::GroupKind) -> Self {
        match k {
            file::GroupKind::Supervision => m::GroupKind::Supervision,
            file::GroupKind::Reflection => m::GroupKind::Reflection,
            file::GroupKind::ResearchCircle => m::GroupKind::ResearchCircle,
        }
    }
}

impl From<&file::GroupMeetingRules> for m::GroupMeetingRules {
    fn from(r: &file::GroupMeetingRules) -> Self {
        m::GroupMeetingRules {
            min: r.min,
            max: r.max,
            min_days_between: r.min_days_between,
            same_weekday: r.same_weekday,
            max_days_between: r.max_days_between,
            first_meeting_after_days: r.first_meeting_after_days,
        }
    }
}

impl From<&file::DiversityWeights> for m::DiversityWeights {
    fn from(w: &file::DiversityWeights) -> Self {
        m::DiversityWeights {
            different_municipality: w.different_municipality,
            different_unit: w.different_unit,
            different_role: w.different_role,
            not_together_before: w.not_together_before,
            travel_per_minute: w.travel_per_minute,
        }
    }
}
