//! Why a part of a solve (the timetable, a group programme, the matching) stopped searching,
//! in words for the coordinator (Swedish), recorded in the plan next to the part's status.

use std::time::Duration;

/// How long a search under a time limit may go without improving its best before it stops:
/// 10 % of its share of the limit, at least 2 s. Without a time limit there is no stall stop
/// (the search ends at its fixed work budget, so the plan depends on the seed only).
pub fn stall_window(share: Duration) -> Duration {
    (share / 10).max(Duration::from_secs(2))
}

/// How plans record [`StopReason::NeighbourhoodsExhausted`] (shown through the catalogue by
/// [`crate::text::stop_reason`]).
pub const NEIGHBOURHOODS_EXHAUSTED: &str = "inget grannskap förbättrade planen";

/// Why a part's search stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StopReason {
    /// The result is proven optimal.
    Proven,
    /// The best result did not improve for this long (the stall stop).
    NoImprovement(Duration),
    /// The part's share of the time limit ran out.
    TimeLimit,
    /// Ctrl-C: the best result so far was kept.
    Interrupted,
    /// The method ran to its end (a construction, or its fixed work budget); no proof.
    Finished,
    /// A neighbourhood search re-solved every neighbourhood of the plan without improving it.
    NeighbourhoodsExhausted,
}

impl StopReason {
    /// The reason in the coordinator's words.
    pub fn text(self) -> String {
        match self {
            StopReason::Proven => "bevisad optimal".into(),
            StopReason::NoImprovement(d) => format!("ingen förbättring på {} s", d.as_secs_f64().round()),
            StopReason::TimeLimit => "tidsgränsen".into(),
            StopReason::Interrupted => "avbruten (Ctrl-C)".into(),
            StopReason::Finished => "arbetsbudgeten klar".into(),
            StopReason::NeighbourhoodsExhausted => NEIGHBOURHOODS_EXHAUSTED.into(),
        }
    }

    /// The reason of a part that searched until `proven`, the stop flag (`interrupted`), the
    /// deadline (`timed_out`) or a stall, else to its end.
    pub fn of(proven: bool, interrupted: bool, timed_out: bool, stalled: Option<Duration>) -> Self {
        if proven {
            StopReason::Proven
        } else if interrupted {
            StopReason::Interrupted
        } else if timed_out {
            StopReason::TimeLimit
        } else if let Some(d) = stalled {
            StopReason::NoImprovement(d)
        } else {
            StopReason::Finished
        }
    }

    /// This reason, or [`StopReason::NeighbourhoodsExhausted`] when a neighbourhood search
    /// ended the part by finding nothing better (a proof, Ctrl-C or the clock still come first).
    pub fn or_exhausted(self, exhausted: bool) -> Self {
        match self {
            StopReason::Finished | StopReason::NoImprovement(_) if exhausted => StopReason::NeighbourhoodsExhausted,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_outranks_every_other_reason_and_ctrl_c_outranks_the_clock() {
        assert_eq!(StopReason::of(true, true, true, None), StopReason::Proven);
        assert_eq!(StopReason::of(false, true, true, None), StopReason::Interrupted);
        assert_eq!(StopReason::of(false, false, true, Some(Duration::from_secs(2))), StopReason::TimeLimit);
        assert_eq!(StopReason::of(false, false, false, Some(Duration::from_secs(2))).text(), "ingen förbättring på 2 s");
        assert_eq!(StopReason::of(false, false, false, None).text(), "arbetsbudgeten klar");
    }
}
