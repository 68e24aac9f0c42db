//! One registry for every strategy family: a family is a `clap::ValueEnum` whose variants are
//! the names the command line accepts and plans record, and each variant maps to the
//! implementation behind it. The command line parses a name once ([`parser`]); solving then
//! carries the typed choice.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::ValueEnum;
use std::ffi::OsStr;
use std::fmt;
use std::marker::PhantomData;

/// A name that is not one of a family's strategies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown strategy \"{name}\"; known strategies: {known}")]
pub struct UnknownStrategy {
    /// The name given.
    pub name: String,
    /// The family's names, default first.
    pub known: String,
}

/// What every implementation of a strategy says about itself.
pub trait Method {
    /// One line on the method, saying whether it is exact or a heuristic.
    fn method(&self) -> &'static str;
}

/// A strategy family: the choices (a `clap::ValueEnum`, default first) and the implementation
/// of each.
pub trait Strategy: ValueEnum + Copy + Eq + fmt::Debug + Send + Sync + 'static {
    /// The interface the family's implementations share.
    type Imp: ?Sized + Method + Sync + 'static;

    /// The implementation of this choice.
    fn imp(self) -> &'static Self::Imp;

    /// Every choice, the default first.
    fn all() -> &'static [Self] {
        Self::value_variants()
    }

    /// The name on the command line and in plans.
    fn name(self) -> String {
        self.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
    }

    /// One line on the method of this choice.
    fn method(self) -> &'static str {
        self.imp().method()
    }

    /// The choice of a name; an unknown name is an error listing the known ones.
    fn from_name(name: &str) -> Result<Self, UnknownStrategy> {
        Self::all().iter().copied().find(|s| s.name() == name).ok_or_else(|| UnknownStrategy {
            name: name.to_string(),
            known: Self::all().iter().map(|s| s.name()).collect::<Vec<_>>().join(", "),
        })
    }
}

/// The clap value parser of a strategy family: accepts the family's names, lists them in
/// `--help`, and rejects other names with [`UnknownStrategy`]'s message (exit code 2).
pub fn parser<S: Strategy>() -> StrategyParser<S> {
    StrategyParser(PhantomData)
}

/// See [`parser`].
#[derive(Debug)]
pub struct StrategyParser<S>(PhantomData<S>);

impl<S> Clone for StrategyParser<S> {
    fn clone(&self) -> Self {
        StrategyParser(PhantomData)
    }
}

impl<S: Strategy> TypedValueParser for StrategyParser<S> {
    type Value = S;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<S, clap::Error> {
        S::from_name(&value.to_string_lossy()).map_err(|e| {
            let what = arg.map(|a| format!("invalid value for {a}: ")).unwrap_or_default();
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{what}{e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(S::all().iter().filter_map(|s| s.to_possible_value())))
    }
}

/// `Display` of strategy families: their names (padded as asked, for tables).
macro_rules! display_by_name {
    ($($family:ty),*) => {
        $(impl fmt::Display for $family {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.name())
            }
        })*
    };
}

display_by_name!(super::MatchingStrategy, super::timetable::TimetableStrategy, super::groups::GroupStrategy);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{GroupStrategy, MatchingStrategy, TimetableStrategy};

    /// Every family's names parse back to their choice, and every choice has a method.
    fn round_trip<S: Strategy>() {
        for &s in S::all() {
            assert_eq!(S::from_name(&s.name()), Ok(s));
            assert!(!s.method().is_empty(), "{s:?}");
        }
    }

    #[test]
    fn names_parse_back_and_the_default_comes_first() {
        round_trip::<MatchingStrategy>();
        round_trip::<TimetableStrategy>();
        round_trip::<GroupStrategy>();
        assert_eq!(MatchingStrategy::all()[0], MatchingStrategy::Exact);
        assert_eq!(TimetableStrategy::all()[0], TimetableStrategy::Auto);
        assert_eq!(GroupStrategy::all()[0], GroupStrategy::Auto);
        assert_eq!(TimetableStrategy::LocalSearch.name(), "local-search");
    }

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let e = TimetableStrategy::from_name("magic").unwrap_err();
        assert_eq!(e.to_string(), "unknown strategy \"magic\"; known strategies: auto, milp, greedy, local-search");
    }

    #[test]
    fn display_is_the_name_padded_for_tables() {
        assert_eq!(format!("{:<8}|", GroupStrategy::Milp), "milp    |");
    }

    #[test]
    fn the_command_line_parser_rejects_unknown_names_with_the_choices() {
        let cmd = clap::Command::new("t").arg(clap::Arg::new("s").long("s").value_parser(parser::<MatchingStrategy>()));
        let ok = cmd.clone().try_get_matches_from(["t", "--s", "greedy"]).unwrap();
        assert_eq!(ok.get_one::<MatchingStrategy>("s"), Some(&MatchingStrategy::Greedy));
        let err = cmd.try_get_matches_from(["t", "--s", "magic"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("known strategies: exact, greedy"), "{err}");
    }
}
