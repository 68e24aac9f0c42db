//! Typed ids: a reference from one entity of the model to another is the index of the other in
//! its [`super::Instance`] list, wrapped in a type per list, so a unit cannot be looked up among
//! municipalities. Zero cost: each id is a `usize`; `list[id]` indexes the list it belongs to.

use std::ops::{Index, IndexMut};

/// Declares an id newtype and lets it index the list of the entity it refers to.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident => $entity:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub usize);

        impl $name {
            /// The position in the list the id refers to.
            #[inline]
            pub fn index(self) -> usize {
                self.0
            }
        }

        impl From<usize> for $name {
            #[inline]
            fn from(i: usize) -> Self {
                $name(i)
            }
        }

        impl Index<$name> for [$entity] {
            type Output = $entity;
            #[inline]
            fn index(&self, id: $name) -> &$entity {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for [$entity] {
            #[inline]
            fn index_mut(&mut self, id: $name) -> &mut $entity {
                &mut self[id.0]
            }
        }

        impl Index<$name> for Vec<$entity> {
            type Output = $entity;
            #[inline]
            fn index(&self, id: $name) -> &$entity {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for Vec<$entity> {
            #[inline]
            fn index_mut(&mut self, id: $name) -> &mut $entity {
                &mut self[id.0]
            }
        }
    };
}

typed_id!(
    /// A municipality: index into [`super::Instance::municipalities`].
    MunicipalityId => super::Municipality
);
typed_id!(
    /// A unit: index into [`super::Instance::units`].
    UnitId => super::Unit
);
typed_id!(
    /// A participant: index into [`super::Instance::participants`].
    ParticipantId => super::Participant
);
typed_id!(
    /// A mentor: index into [`super::Instance::mentors`].
    MentorId => super::Mentor
);
typed_id!(
    /// A phase of the staircase: index into [`super::Instance::phases`].
    PhaseId => super::Phase
);
typed_id!(
    /// A course: index into [`super::timetable::TimetableModel::courses`].
    CourseId => super::timetable::Course
);
typed_id!(
    /// A trainer: index into [`super::timetable::TimetableModel::trainers`].
    TrainerId => super::timetable::Trainer
);
typed_id!(
    /// A venue: index into [`super::timetable::TimetableModel::venues`].
    VenueId => super::timetable::Venue
);
typed_id!(
    /// A demand: index into [`super::timetable::TimetableModel::demands`].
    DemandId => super::timetable::Demand
);
typed_id!(
    /// A group leader: index into [`super::Instance::group_leaders`].
    LeaderId => super::groups::GroupLeader
);
