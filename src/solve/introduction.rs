//! Introduktörer for new hires (issue 11, item 7): every participant in their first years of
//! employment during the round gets an introduktör of their own unit (never themselves), each
//! introduktör taking at most their capacity. An exact assignment (linear sum assignment on
//! hires × introduktörs' places, `lsap`) serves as many hires as possible and, among those
//! plans, spreads the hires over the introduktörer (the k-th place of an introduktör costs k).
//! A hire left without one is listed with the reason.

use crate::model::introduction::Period;
use crate::model::{Instance, ParticipantId};
use std::collections::HashMap;

/// Why a new hire has no introduktör.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unserved {
    /// Nobody of the hire's unit (but the hire) introduces.
    NoIntroducerInUnit,
    /// The unit's introduktörer are all at capacity.
    IntroducersFull,
}

impl Unserved {
    /// The reason's name as written in plans.
    pub fn name(self) -> &'static str {
        match self {
            Unserved::NoIntroducerInUnit => "no_introducer_in_unit",
            Unserved::IntroducersFull => "introducers_full",
        }
    }
}

/// The introduction of a round.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// (hire, introducer index, the hire's periods), in participant order.
    pub assignments: Vec<(ParticipantId, usize, Vec<Period>)>,
    /// Hires without an introduktör, in participant order.
    pub unserved: Vec<(ParticipantId, Unserved)>,
}

/// The new hires of the round: participants with a year of introduction inside it.
pub fn hires(inst: &Instance) -> Vec<(ParticipantId, Vec<Period>)> {
    let round = (inst.calendar.start, inst.calendar.end);
    // Placeholders of forecast hires get no introduktör: they are not persons yet.
    inst.named_participants()
        .map(|(p, _)| p)
        .map(|p| (p, inst.introduction.periods(inst.participants[p].employment_start, round)))
        .filter(|(_, periods)| !periods.is_empty())
        .collect()
}

/// Whether introducer `i` may introduce participant `p`: same unit, not the same person.
pub fn allowed(inst: &Instance, i: usize, p: ParticipantId) -> bool {
    let (x, hire) = (&inst.introduction.introducers[i], &inst.participants[p]);
    x.unit == hire.unit && x.id != hire.id
}

/// Assigns introduktörer to the round's new hires; `None` when the round plans no introduction.
pub fn assign(inst: &Instance) -> Option<Outcome> {
    assign_keeping(inst, &HashMap::new())
}

/// Assigns introduktörer as [`assign`] does, keeping as many of the `previous` assignments
/// (hire → introducer index) as possible: the most hires served first, then the fewest hires
/// whose introduktör changes, then the spread over the introduktörer.
pub fn assign_keeping(inst: &Instance, previous: &HashMap<ParticipantId, usize>) -> Option<Outcome> {
    if inst.introduction.is_empty() {
        return None;
    }
    let hires = hires(inst);
    // An introduktör's places beyond the hires they may take are never used: the matrix stays
    // within hires × (hires of each introduktör's unit) whatever the capacities say.
    let takes = |i: usize| hires.iter().filter(|(p, _)| allowed(inst, i, *p)).count();
    let slots: Vec<(usize, usize)> =
        inst.introduction.introducers.iter().enumerate().flat_map(|(i, x)| (0..x.capacity.min(takes(i))).map(move |k| (i, k))).collect();
    // A change of introduktör costs more than any spread of places (k < hires) can save, and
    // every hire has a place of its own at the dummy cost, dearer than changing every hire: the
    // assignment serves as many hires as there can be, then keeps the most earlier ones.
    let n = hires.len() as f64;
    let change = if previous.is_empty() { 0.0 } else { n + 1.0 };
    let none = (n + 1.0) * (change + n + 1.0);
    let forbidden = none * 1e3;
    let (rows, cols) = (hires.len(), slots.len() + hires.len());
    let mut cost = vec![forbidden; rows * cols];
    for (r, (p, _)) in hires.iter().enumerate() {
        for (c, &(i, k)) in slots.iter().enumerate() {
            if allowed(inst, i, *p) {
                cost[r * cols + c] = k as f64 + if previous.get(p) == Some(&i) { 0.0 } else { change };
            }
        }
        cost[r * cols + slots.len() + r] = none;
    }
    let mut out = Outcome::default();
    let chosen = if rows == 0 { Some((vec![], vec![])) } else { lsap::solve(rows, cols, &cost, false).ok() };
    let columns = chosen.map(|(_, c)| c).unwrap_or_else(|| vec![cols; rows]);
    for (r, ((p, periods), c)) in hires.into_iter().zip(columns).enumerate() {
        if c < slots.len() && cost[r * cols + c] < forbidden {
            out.assignments.push((p, slots[c].0, periods));
        } else {
            let any = (0..inst.introduction.introducers.len()).any(|i| allowed(inst, i, p));
            out.unserved.push((p, if any { Unserved::IntroducersFull } else { Unserved::NoIntroducerInUnit }));
        }
    }
    Some(out)
}
