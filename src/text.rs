//! Every text a coordinator reads, in one message catalogue per language (Project Fluent):
//! `locales/sv/trappa.ftl` (the default) and `locales/en/trappa.ftl`, embedded in the binary.
//!
//! The language is set once per process ([`set_lang`]: the command line's `--lang`, else the
//! environment variable `TRAPPA_LANG`, else Swedish). Messages are looked up with [`t`] or the
//! `tr!` macro, which passes named arguments: `tr!("summary-round", name = round)`.
//! Plural forms are the catalogue's (`{ $n -> [one] … *[other] … }`), so pass counts as numbers.
//! Arguments are inserted without Unicode isolation marks, so CSV, calendars and HTML stay clean.
//!
//! This module is on the ground floor: it imports nothing from the crate.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

/// The languages trappa speaks. Swedish is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Swedish (svenska), the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// All languages, the default first.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language's code: `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language of a code (`sv`, `en`, also `sv_SE.UTF-8`, `en-GB`), if trappa speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.trim().split(['_', '-', '.']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The catalogue's source text (all `.ftl` files of the language, one bundle).
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Sv => include_str!("../locales/sv/trappa.ftl"),
            Lang::En => include_str!("../locales/en/trappa.ftl"),
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::Sv => 1,
            Lang::En => 2,
        }
    }
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANG_ENV: &str = "TRAPPA_LANG";

/// 0: not chosen yet (the environment decides at the first look-up).
static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of the process (the command line does this once, before any output).
pub fn set_lang(lang: Lang) {
    PROCESS_LANG.store(lang.index(), Ordering::Relaxed);
}

/// Sets the language of the calling thread only, over the process's (`None` clears it): for
/// tests that need one language while others run in parallel.
pub fn set_thread_lang(lang: Option<Lang>) {
    THREAD_LANG.with(|l| l.set(lang));
}

/// Runs `f` with the calling thread's language set to `lang`, then restores the thread's own.
pub fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD_LANG.with(Cell::get);
    set_thread_lang(Some(lang));
    let out = f();
    set_thread_lang(before);
    out
}

/// The language in force: the thread's, else the process's, else `TRAPPA_LANG`, else Swedish.
/// A `TRAPPA_LANG` trappa does not speak is refused by the command line ([`lang_from_env`]);
/// here it falls back to Swedish.
pub fn lang() -> Lang {
    if let Some(l) = THREAD_LANG.with(Cell::get) {
        return l;
    }
    match PROCESS_LANG.load(Ordering::Relaxed) {
        1 => Lang::Sv,
        2 => Lang::En,
        _ => {
            let l = lang_from_env().ok().flatten().unwrap_or_default();
            set_lang(l);
            l
        }
    }
}

/// The language `TRAPPA_LANG` names (`None` when unset or empty), or the value it holds when
/// trappa does not speak that language.
pub fn lang_from_env() -> Result<Option<Lang>, String> {
    match std::env::var(LANG_ENV) {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => Lang::from_code(&v).map(Some).ok_or(v),
        Err(_) => Ok(None),
    }
}

/// Named arguments of a message.
pub type Args<'a> = FluentArgs<'a>;

/// One bundle per language, built at first use from the embedded catalogue.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[usize::from(lang.index() - 1)].get_or_init(|| build_bundle(lang).0)
}

/// The bundle of a language (what could be read) and the errors of its catalogue (a test keeps
/// the catalogues free of them).
pub fn build_bundle(lang: Lang) -> (FluentBundle<FluentResource>, Vec<String>) {
    let mut errors = Vec::new();
    let resource = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(res, errs)| {
        errors.extend(errs.iter().map(|e| format!("{e:?}")));
        res
    });
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    if let Err(errs) = bundle.add_resource(resource) {
        errors.extend(errs.iter().map(|e| format!("{e:?}")));
    }
    (bundle, errors)
}

/// The message `id` in the language in force, with its arguments. An id the catalogue lacks
/// gives the id itself (a test keeps every id used in `src/` in both catalogues).
pub fn t_args(id: &str, args: Option<&Args>) -> String {
    format_in(lang(), id, args)
}

/// The message `id` without arguments, in the language in force.
pub fn t(id: &str) -> String {
    t_args(id, None)
}

/// The message `id` in the given language.
pub fn format_in(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// An argument's value.
pub type Arg = FluentValue<'static>;

/// An argument value: numbers select plural forms, everything else is text.
pub fn arg<'a, T: Into<FluentValue<'a>>>(value: T) -> FluentValue<'a> {
    value.into()
}

/// Looks a message up with named arguments: `tr!("id")` or `tr!("id", n = 3, name = x)`.
/// Give counts as integers (they choose the plural form) and formatted numbers as strings.
/// Import it as `use crate::text::tr;` (outside the crate, [`format_in`] does the same).
macro_rules! tr {
    ($id:literal) => {
        $crate::text::t($id)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::text::Args::new();
        $( args.set(stringify!($key), $crate::text::arg($value)); )+
        $crate::text::t_args($id, Some(&args))
    }};
}

/// A reason code of a plan (`not_eligible`, `mixing_cap`, …) in the coordinator's words;
/// an unknown code is shown as it is.
pub fn reason(code: &str) -> String {
    match code {
        "no_eligible_mentor" => tr!("reason-no-eligible-mentor"),
        "eligible_mentors_full" => tr!("reason-eligible-mentors-full"),
        "groups_full" => tr!("reason-groups-full"),
        "too_few_for_a_group" => tr!("reason-too-few-for-a-group"),
        "mixing_cap" => tr!("reason-mixing-cap"),
        "no_leader" => tr!("reason-no-leader"),
        "eligible_later" => tr!("reason-eligible-later"),
        "not_eligible" => tr!("reason-not-eligible"),
        "phase_not_eligible" => tr!("reason-phase-not-eligible"),
        "deadline_passed" => tr!("reason-deadline-passed"),
        "starts_after_round" => tr!("reason-starts-after-round"),
        "no_qualified_trainer" => tr!("reason-no-qualified-trainer"),
        "no_venue" => tr!("reason-no-venue"),
        "prerequisite_missing" => tr!("reason-prerequisite-missing"),
        "workload_month" => tr!("reason-workload-month"),
        "workload_round_days" => tr!("reason-workload-round-days"),
        "workload_course_count" => tr!("reason-workload-course-count"),
        "unit_too_small" => tr!("reason-unit-too-small"),
        "unit_absence_cap" => tr!("reason-unit-absence-cap"),
        "unavailable" => tr!("reason-unavailable"),
        "too_few_participants" => tr!("reason-too-few-participants"),
        "trainers_fully_booked" => tr!("reason-trainers-fully-booked"),
        "no_session" => tr!("reason-no-session"),
        "too_far" => tr!("reason-too-far"),
        "sessions_full" => tr!("reason-sessions-full"),
        "outside_window" => tr!("reason-outside-window"),
        "clash_with_other_course" => tr!("reason-clash-with-other-course"),
        "workload_term" => tr!("reason-workload-term"),
        "cadence" => tr!("reason-cadence"),
        other => other.to_string(),
    }
}

/// The name of a phase: the default staircase's ids (`new`, `practised`, `experienced`) in the
/// reader's language, any other phase id as the instance writes it.
pub fn phase(id: &str) -> String {
    match id {
        "new" => tr!("phase-new"),
        "practised" => tr!("phase-practised"),
        "experienced" => tr!("phase-experienced"),
        other => other.to_string(),
    }
}

/// A participant's role as files spell it (`first_line_manager`, …) in the coordinator's words
/// (`arbetsledare`); an unknown name is shown as it is.
pub fn role(name: &str) -> String {
    match name {
        "social_secretary" => tr!("role-social-secretary"),
        "executor" => tr!("role-executor"),
        "first_line_manager" => tr!("role-first-line-manager"),
        "other" => tr!("role-other"),
        other => other.to_string(),
    }
}

/// A strategy's name as plans record it (`exact`, `local-search`, `milp`, …) in the
/// coordinator's words; an unknown name is shown as it is.
pub fn strategy(name: &str) -> String {
    match name {
        "exact" => tr!("strategy-exact"),
        "greedy" => tr!("strategy-greedy"),
        "local-search" => tr!("strategy-local-search"),
        "milp" => tr!("strategy-milp"),
        "auto" => tr!("strategy-auto"),
        "replan" => tr!("strategy-replan"),
        other => other.to_string(),
    }
}

/// A group programme's kind as files spell it (`supervision`, …) in the coordinator's words.
pub fn group_kind(kind: &str) -> String {
    match kind {
        "supervision" => tr!("kind-supervision"),
        "reflection" => tr!("kind-reflection"),
        "research_circle" => tr!("kind-research-circle"),
        other => other.to_string(),
    }
}

/// A priority as files spell it (`high`, `normal`, `low`) in the coordinator's words.
pub fn priority(name: &str) -> String {
    match name {
        "high" => tr!("priority-high"),
        "normal" => tr!("priority-normal"),
        "low" => tr!("priority-low"),
        other => other.to_string(),
    }
}

/// An objective term as plans record it (`travel`, `session_cost`, `unserved_high`, …) in the
/// coordinator's words; an unknown term is shown as it is.
pub fn term(name: &str) -> String {
    match name {
        "travel" => tr!("term-travel"),
        "same_municipality" => tr!("term-same-municipality"),
        "interest_mismatch" => tr!("term-interest-mismatch"),
        "repeat_pair" => tr!("term-repeat-pair"),
        "explicit_pair_cost" => tr!("term-explicit-pair-cost"),
        "balance" => tr!("term-balance"),
        "session_cost" => tr!("term-session-cost"),
        "mixing" => tr!("term-mixing"),
        "unserved_high" => tr!("term-unserved-high"),
        "unserved_normal" => tr!("term-unserved-normal"),
        "unserved_low" => tr!("term-unserved-low"),
        other => other.to_string(),
    }
}

/// Why a search stopped, as plans record it (in Swedish: `bevisad optimal`, `ingen förbättring
/// på 30 s`, `tidsgränsen`, `avbruten (Ctrl-C)`, `arbetsbudgeten klar`, `inget grannskap
/// förbättrade planen`), in the language in force.
pub fn stop_reason(recorded: &str) -> String {
    if let Some(secs) = recorded.strip_prefix("ingen förbättring på ").and_then(|r| r.strip_suffix(" s")) {
        return tr!("stop-no-improvement", seconds = secs.to_string());
    }
    match recorded {
        "bevisad optimal" => tr!("stop-proven"),
        "tidsgränsen" => tr!("stop-time-limit"),
        "avbruten (Ctrl-C)" => tr!("stop-interrupted"),
        "arbetsbudgeten klar" => tr!("stop-finished"),
        "inget grannskap förbättrade planen" => tr!("stop-neighbourhoods-exhausted"),
        other => other.to_string(),
    }
}

/// A month's name, 1 = January: `januari` (English `January`).
pub fn month(n: u32) -> String {
    tr!("month-name", n = n)
}

/// A month's short name, 1 = January: `jan`, `maj`, `okt` (English `Jan`, `May`, `Oct`).
pub fn month_short(n: u32) -> String {
    tr!("month-short", n = n)
}

/// A weekday's short name, 1 = Monday: `mån`, `lör` (English `Mon`, `Sat`).
pub fn weekday_short(n: u32) -> String {
    tr!("weekday-short", n = n)
}

/// Why the pinned parts of the plan cannot all hold, in the language in force.
pub fn pins_error(why: &str) -> String {
    tr!("pins-cannot-hold", why = why)
}

/// Why a file operation failed, in the language in force: the common kinds (not found, no
/// permission, disk full, …) in words, anything else as the operating system says it.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let reason = match e.kind() {
        K::NotFound => tr!("io-not-found"),
        K::PermissionDenied => tr!("io-permission-denied"),
        K::AlreadyExists => tr!("io-already-exists"),
        K::StorageFull => tr!("io-storage-full"),
        K::IsADirectory => tr!("io-is-a-directory"),
        K::NotADirectory => tr!("io-not-a-directory"),
        K::ReadOnlyFilesystem => tr!("io-read-only"),
        K::InvalidData => tr!("io-invalid-data"),
        K::DirectoryNotEmpty => tr!("io-directory-not-empty"),
        K::FileTooLarge => tr!("io-file-too-large"),
        K::UnexpectedEof => tr!("io-unexpected-eof"),
        _ => return e.to_string(),
    };
    // Errors trappa made itself (invalid UTF-8, a marker that cannot be serialised) carry their own text.
    if e.raw_os_error().is_none() && e.get_ref().is_some() {
        return tr!("io-with-detail", reason = reason, detail = e.to_string());
    }
    reason
}

pub(crate) use tr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_read_leniently() {
        assert_eq!(Lang::from_code("sv"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn both_catalogues_parse_without_errors() {
        for lang in Lang::ALL {
            let (_, errors) = build_bundle(lang);
            assert!(errors.is_empty(), "locales/{}/trappa.ftl: {errors:?}", lang.code());
        }
    }

    #[test]
    fn plurals_and_arguments_come_without_isolation_marks() {
        set_thread_lang(Some(Lang::Sv));
        assert_eq!(tr!("count-mentees", n = 1), "1 adept");
        assert_eq!(tr!("count-mentees", n = 2), "2 adepter");
        set_thread_lang(Some(Lang::En));
        assert_eq!(tr!("count-mentees", n = 1), "1 mentee");
        assert_eq!(tr!("count-mentees", n = 3), "3 mentees");
        set_thread_lang(None);
    }
}
