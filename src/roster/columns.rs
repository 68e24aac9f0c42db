//! The roster's tables: sheet names, column names (Swedish first, English second, then other
//! aliases), which columns are required, and the `omgång` sheet's settings.
//!
//! One table drives the reader, the writer, the template's `läs_mig` sheet and the
//! documentation (`docs/roster.md`), so they cannot drift apart. What the sheets, columns and
//! settings mean is in the message catalogue (`locales/*/trappa.ftl`, ids `roster-…`).

use crate::text::tr;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Free text (ids, names).
    Text,
    /// A date: an Excel date cell or ISO text `2027-01-15`.
    Date,
    /// A whole number.
    Int,
    /// A number; decimal comma or point.
    Number,
    /// ja/nej, yes/no, x (yes), 1/0.
    Bool,
    /// Several values in one cell, separated by `,` or `;`.
    List,
    /// Dates and ranges in one cell: `2027-03-01..2027-03-05 (semester); 2027-04-12`.
    DateList,
    /// One of a few words (listed in the column's help).
    Choice,
    /// A time of day: `13:00`, `13.00` or an Excel time cell.
    Time,
}

impl CellKind {
    /// How the kind is described in English (for the import's messages, which are in English).
    pub fn describe_en(self) -> String {
        crate::text::in_lang(crate::text::Lang::En, || self.describe())
    }

    /// How the kind is described to a coordinator.
    pub fn describe(self) -> String {
        match self {
            CellKind::Text => tr!("cell-text"),
            CellKind::Date => tr!("cell-date"),
            CellKind::Int => tr!("cell-int"),
            CellKind::Number => tr!("cell-number"),
            CellKind::Bool => tr!("cell-bool"),
            CellKind::List => tr!("cell-list"),
            CellKind::DateList => tr!("cell-date-list"),
            CellKind::Choice => tr!("cell-choice"),
            CellKind::Time => tr!("cell-time"),
        }
    }
}

/// A column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// The field it fills (the instance format's field name), e.g. `unit`.
    pub key: &'static str,
    /// Accepted headers: Swedish (written on export), English, other aliases.
    pub names: &'static [&'static str],
    /// Whether the column must be present and every cell filled.
    pub required: bool,
    /// Cell content.
    pub kind: CellKind,
    /// The message id of what it means (for the template's `läs_mig` sheet and the docs):
    /// [`Col::help_text`] gives it in the language in force.
    pub help: &'static str,
}

impl Col {
    /// What the column means, in the language in force.
    pub fn help_text(&self) -> String {
        crate::text::t(self.help)
    }

    /// What it means, in English (for the import's messages, which are in English).
    pub fn help_en(&self) -> String {
        crate::text::format_in(crate::text::Lang::En, self.help, None)
    }
}

/// A table: one sheet of the workbook or one CSV file.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    /// Internal name, also the JSON path the table fills.
    pub key: &'static str,
    /// Accepted sheet / file names: Swedish (written on export), English, aliases.
    pub names: &'static [&'static str],
    /// Whether the table must be present.
    pub required: bool,
    /// Columns, in the order written on export.
    pub cols: &'static [Col],
    /// The message id of what the table holds ([`Sheet::help_text`]).
    pub help: &'static str,
}

/// A table's or column's name for messages: the Swedish name, then the English one if there
/// is one, e.g. `deltagare (participants)`.
pub fn shown(names: &[&str]) -> String {
    shown_with(names, "")
}

/// [`shown`] with a suffix on each name, e.g. `deltagare.csv (participants.csv)`.
pub fn shown_with(names: &[&str], suffix: &str) -> String {
    match names {
        [] => String::new(),
        [one] => format!("{one}{suffix}"),
        [first, second, ..] => format!("{first}{suffix} ({second}{suffix})"),
    }
}

impl Sheet {
    /// The name written on export (Swedish).
    pub fn name(&self) -> &'static str {
        self.names[0]
    }

    /// What the table holds, in the language in force.
    pub fn help_text(&self) -> String {
        crate::text::t(self.help)
    }

    /// What it means, in English (for the import's messages, which are in English).
    pub fn help_en(&self) -> String {
        crate::text::format_in(crate::text::Lang::En, self.help, None)
    }
}

const fn col(key: &'static str, names: &'static [&'static str], required: bool, kind: CellKind, help: &'static str) -> Col {
    Col { key, names, required, kind, help }
}

use CellKind::*;

const UNAVAILABLE: Col =
    col("unavailable", &["ej_tillgänglig", "unavailable", "frånvaro", "upptagen"], false, DateList, "roster-col-unavailable");

/// The `omgång` sheet: one setting a row.
pub const ROUND: Sheet = Sheet {
    key: "round",
    names: &["omgång", "round", "inställningar", "settings"],
    required: true,
    cols: &[
        col("setting", &["inställning", "setting", "nyckel", "key", "parameter"], true, Text, "roster-col-round-setting"),
        col("value", &["värde", "value"], true, Text, "roster-col-round-value"),
        col("description", &["beskrivning", "description", "förklaring"], false, Text, "roster-col-round-description"),
    ],
    help: "roster-sheet-round",
};

/// Municipalities.
pub const MUNICIPALITIES: Sheet = Sheet {
    key: "region.municipalities",
    names: &["kommuner", "municipalities"],
    required: true,
    cols: &[
        col("id", &["id", "kommun_id"], true, Text, "roster-col-municipalities-id"),
        col("name", &["namn", "name", "kommunnamn"], true, Text, "roster-col-municipalities-name"),
        col("population", &["invånare", "population", "befolkning"], true, Int, "roster-col-municipalities-population"),
        col("lat", &["lat", "latitud", "latitude"], true, Number, "roster-col-municipalities-lat"),
        col("lon", &["lon", "longitud", "longitude"], true, Number, "roster-col-municipalities-lon"),
        col("cost_share", &["kostnadsandel", "cost_share"], false, Number, "roster-col-municipalities-cost_share"),
        col("cost_split", &["kostnadsavtal", "cost_split", "avtal"], false, Text, "roster-col-municipalities-cost_split"),
        col("meeting_venue", &["träfflokal", "meeting_venue", "mötesrum"], false, Text, "roster-col-municipalities-meeting_venue"),
        col("subregion", &["delregion", "subregion"], false, Text, "roster-col-municipalities-subregion"),
    ],
    help: "roster-sheet-municipalities",
};

/// Units.
pub const UNITS: Sheet = Sheet {
    key: "region.units",
    names: &["enheter", "units"],
    required: true,
    cols: &[
        col("id", &["id", "enhet_id"], true, Text, "roster-col-units-id"),
        col("name", &["namn", "name", "enhetsnamn"], false, Text, "roster-col-units-name"),
        col("municipality", &["kommun", "municipality"], true, Text, "roster-col-units-municipality"),
        col("headcount", &["antal_anställda", "headcount", "anställda", "personal"], true, Int, "roster-col-units-headcount"),
    ],
    help: "roster-sheet-units",
};

/// Explicit travel times.
pub const TRAVEL: Sheet = Sheet {
    key: "region.travel.table",
    names: &["restider", "travel", "restid"],
    required: false,
    cols: &[
        col("from", &["från", "from"], true, Text, "roster-col-travel-from"),
        col("to", &["till", "to"], true, Text, "roster-col-travel-to"),
        col("minutes", &["minuter", "minutes"], true, Number, "roster-col-travel-minutes"),
    ],
    help: "roster-sheet-travel",
};

/// Participants.
pub const PARTICIPANTS: Sheet = Sheet {
    key: "participants",
    names: &["deltagare", "participants"],
    required: true,
    cols: &[
        col("id", &["id", "deltagar_id"], true, Text, "roster-col-participants-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-participants-name"),
        col("unit", &["enhet", "unit"], true, Text, "roster-col-participants-unit"),
        col("role", &["roll", "role"], false, Choice, "roster-col-participants-role"),
        col(
            "profession_start",
            &["yrkesstart", "profession_start", "i_yrket_sedan"],
            true,
            Date,
            "roster-col-participants-profession_start",
        ),
        col(
            "employment_start",
            &["anställd", "employment_start", "anställningsdatum", "anställd_sedan"],
            true,
            Date,
            "roster-col-participants-employment_start",
        ),
        UNAVAILABLE,
        col("interests", &["intressen", "interests"], false, List, "roster-col-participants-interests"),
        col("wants_mentor", &["vill_ha_mentor", "wants_mentor", "önskar_mentor"], false, Bool, "roster-col-participants-wants_mentor"),
    ],
    help: "roster-sheet-participants",
};

/// Mentors.
pub const MENTORS: Sheet = Sheet {
    key: "mentors",
    names: &["mentorer", "mentors"],
    required: false,
    cols: &[
        col("id", &["id", "mentor_id"], true, Text, "roster-col-mentors-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-mentors-name"),
        col("unit", &["enhet", "unit"], true, Text, "roster-col-mentors-unit"),
        col("capacity", &["kapacitet", "capacity", "antal_adepter"], false, Int, "roster-col-mentors-capacity"),
        col("trained", &["mentorsutbildad", "trained", "utbildad"], false, Bool, "roster-col-mentors-trained"),
        col(
            "years_in_profession",
            &["år_i_yrket", "years_in_profession", "yrkesår"],
            true,
            Number,
            "roster-col-mentors-years_in_profession",
        ),
        col("expertise", &["expertis", "expertise", "kompetens"], false, List, "roster-col-mentors-expertise"),
        UNAVAILABLE,
        col("max_travel_minutes", &["max_restid", "max_travel_minutes"], false, Number, "roster-col-mentors-max_travel_minutes"),
        col("history", &["tidigare_adepter", "history", "historik"], false, List, "roster-col-mentors-history"),
    ],
    help: "roster-sheet-mentors",
};

/// Group leaders.
pub const LEADERS: Sheet = Sheet {
    key: "group_leaders",
    names: &["gruppledare", "group_leaders", "ledare"],
    required: false,
    cols: &[
        col("id", &["id", "ledar_id"], true, Text, "roster-col-leaders-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-leaders-name"),
        col("municipality", &["kommun", "municipality"], true, Text, "roster-col-leaders-municipality"),
        col("qualifications", &["kvalifikationer", "qualifications"], true, List, "roster-col-leaders-qualifications"),
        col("max_groups", &["max_grupper", "max_groups"], false, Int, "roster-col-leaders-max_groups"),
        UNAVAILABLE,
    ],
    help: "roster-sheet-leaders",
};

/// Trainers.
pub const TRAINERS: Sheet = Sheet {
    key: "trainers",
    names: &["utbildare", "trainers", "kursledare"],
    required: false,
    cols: &[
        col("id", &["id", "utbildar_id"], true, Text, "roster-col-trainers-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-trainers-name"),
        col("internal", &["intern", "internal"], false, Bool, "roster-col-trainers-internal"),
        col("municipality", &["kommun", "municipality"], false, Text, "roster-col-trainers-municipality"),
        col("courses", &["kurser", "courses"], true, List, "roster-col-trainers-courses"),
        col("max_days", &["max_dagar", "max_days"], true, Int, "roster-col-trainers-max_days"),
        col("day_rate", &["dagarvode", "day_rate", "arvode_per_dag"], false, Number, "roster-col-trainers-day_rate"),
        UNAVAILABLE,
    ],
    help: "roster-sheet-trainers",
};

/// Introduktörer: colleagues who introduce the new hires of their unit.
pub const INTRODUCERS: Sheet = Sheet {
    key: "introducers",
    names: &["introduktörer", "introducers"],
    required: false,
    cols: &[
        col("id", &["id", "introduktör_id"], true, Text, "roster-col-introducers-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-introducers-name"),
        col("unit", &["enhet", "unit"], true, Text, "roster-col-introducers-unit"),
        col("capacity", &["kapacitet", "capacity", "antal_nyanställda"], false, Int, "roster-col-introducers-capacity"),
    ],
    help: "roster-sheet-introducers",
};

/// The forecast of hires not yet named: expected hires per municipality (or unit) and month.
pub const FORECAST: Sheet = Sheet {
    key: "forecast",
    names: &["prognos", "forecast", "prognos_nyanställda"],
    required: false,
    cols: &[
        col("municipality", &["kommun", "municipality"], true, Text, "roster-col-forecast-municipality"),
        col("unit", &["enhet", "unit"], false, Text, "roster-col-forecast-unit"),
        col("month", &["månad", "month"], true, Text, "roster-col-forecast-month"),
        col("hires", &["antal", "hires", "antal_nyanställda"], true, Int, "roster-col-forecast-hires"),
        col("role", &["roll", "role"], false, Choice, "roster-col-forecast-role"),
        col(
            "years_in_profession",
            &["år_i_yrket", "years_in_profession", "yrkesår"],
            false,
            Number,
            "roster-col-forecast-years_in_profession",
        ),
    ],
    help: "roster-sheet-forecast",
};

/// Venues.
pub const VENUES: Sheet = Sheet {
    key: "venues",
    names: &["lokaler", "venues", "lokal"],
    required: false,
    cols: &[
        col("id", &["id", "lokal_id"], true, Text, "roster-col-venues-id"),
        col("name", &["namn", "name"], true, Text, "roster-col-venues-name"),
        col("municipality", &["kommun", "municipality"], true, Text, "roster-col-venues-municipality"),
        col("capacity", &["platser", "capacity", "antal_platser"], true, Int, "roster-col-venues-capacity"),
        col("day_rate", &["hyra_per_dag", "day_rate", "dagshyra"], false, Number, "roster-col-venues-day_rate"),
        UNAVAILABLE,
        col("address", &["adress", "address", "besöksadress"], false, Text, "roster-col-venues-address"),
    ],
    help: "roster-sheet-venues",
};

/// Individual plans (course demand).
pub const DEMAND: Sheet = Sheet {
    key: "demand",
    names: &["önskemål", "demand", "kursönskemål"],
    required: false,
    cols: &[
        col("participant", &["deltagare", "participant"], true, Text, "roster-col-demand-participant"),
        col("course", &["kurs", "course"], true, Text, "roster-col-demand-course"),
        col("priority", &["prioritet", "priority"], false, Choice, "roster-col-demand-priority"),
    ],
    help: "roster-sheet-demand",
};

/// Completed courses.
pub const HISTORY: Sheet = Sheet {
    key: "course_history",
    names: &["kurshistorik", "course_history", "genomförda_kurser"],
    required: false,
    cols: &[
        col("participant", &["deltagare", "participant"], true, Text, "roster-col-history-participant"),
        col("course", &["kurs", "course"], true, Text, "roster-col-history-course"),
    ],
    help: "roster-sheet-history",
};

/// Forbidden mentor pairs.
pub const EXCLUSIONS: Sheet = Sheet {
    key: "mentorship.exclusions",
    names: &["uteslutna_par", "exclusions"],
    required: false,
    cols: &[
        col("mentor", &["mentor"], true, Text, "roster-col-exclusions-mentor"),
        col("mentee", &["adept", "mentee", "deltagare"], true, Text, "roster-col-exclusions-mentee"),
        col("reason", &["orsak", "reason"], false, Text, "roster-col-exclusions-reason"),
    ],
    help: "roster-sheet-exclusions",
};

/// Every table, in the order written on export.
pub const SHEETS: &[&Sheet] = &[
    &ROUND,
    &MUNICIPALITIES,
    &UNITS,
    &TRAVEL,
    &PARTICIPANTS,
    &MENTORS,
    &LEADERS,
    &TRAINERS,
    &INTRODUCERS,
    &FORECAST,
    &VENUES,
    &DEMAND,
    &HISTORY,
    &EXCLUSIONS,
];

/// Names of the explanation sheet the template carries (ignored on import).
pub const README_SHEET: &[&str] = &["läs_mig", "readme", "instruktioner"];

/// A setting of the `omgång` sheet and the instance field it fills.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Accepted names: Swedish (written on export), English, aliases.
    pub names: &'static [&'static str],
    /// JSON path of the instance field.
    pub path: &'static [&'static str],
    /// Value kind (`Choice` settings list their words in the help).
    pub kind: CellKind,
    /// The message id of what it means ([`Setting::help_text`]).
    pub help: &'static str,
}

impl Setting {
    /// What the setting means, in the language in force.
    pub fn help_text(&self) -> String {
        crate::text::t(self.help)
    }

    /// What it means, in English (for the import's messages, which are in English).
    pub fn help_en(&self) -> String {
        crate::text::format_in(crate::text::Lang::En, self.help, None)
    }
}

const fn setting(names: &'static [&'static str], path: &'static [&'static str], kind: CellKind, help: &'static str) -> Setting {
    Setting { names, path, kind, help }
}

/// The settings of the `omgång` sheet, in the order written on export.
pub const SETTINGS: &[Setting] = &[
    setting(&["namn", "name", "omgångens_namn", "round_name"], &["round", "name"], Text, "roster-setting-round-name"),
    setting(&["start", "startdatum", "början"], &["round", "start"], Date, "roster-setting-round-start"),
    setting(&["slut", "end", "slutdatum"], &["round", "end"], Date, "roster-setting-round-end"),
    setting(&["region", "region_name", "regionnamn"], &["region", "name"], Text, "roster-setting-region-name"),
    setting(&["vägfaktor", "road_factor"], &["region", "travel", "road_factor"], Number, "roster-setting-region-travel-road_factor"),
    setting(
        &["hastighet_kmh", "speed_kmh", "hastighet"],
        &["region", "travel", "speed_kmh"],
        Number,
        "roster-setting-region-travel-speed_kmh",
    ),
    setting(&["min_träffar", "min_meetings"], &["mentorship", "min_meetings"], Int, "roster-setting-mentorship-min_meetings"),
    setting(&["max_träffar", "max_meetings"], &["mentorship", "max_meetings"], Int, "roster-setting-mentorship-max_meetings"),
    setting(
        &["min_dagar_mellan", "min_days_between"],
        &["mentorship", "min_days_between"],
        Int,
        "roster-setting-mentorship-min_days_between",
    ),
    setting(
        &["faser_med_mentor", "eligible_phases"],
        &["mentorship", "eligible_phases"],
        List,
        "roster-setting-mentorship-eligible_phases",
    ),
    setting(
        &["mentor_min_år", "mentor_min_years"],
        &["mentorship", "mentor_min_years"],
        Number,
        "roster-setting-mentorship-mentor_min_years",
    ),
    setting(
        &["kräv_mentorsutbildning", "require_training"],
        &["mentorship", "require_training"],
        Bool,
        "roster-setting-mentorship-require_training",
    ),
    setting(
        &["samma_kommun", "same_municipality"],
        &["mentorship", "same_municipality"],
        Choice,
        "roster-setting-mentorship-same_municipality",
    ),
    setting(&["mötesplats", "meeting_place"], &["mentorship", "meeting_place"], Choice, "roster-setting-mentorship-meeting_place"),
    setting(&["vikt_restid", "travel_per_minute"], &["weights", "travel_per_minute"], Number, "roster-setting-weights-travel_per_minute"),
    setting(
        &["vikt_samma_kommun", "same_municipality_weight"],
        &["weights", "same_municipality"],
        Number,
        "roster-setting-weights-same_municipality",
    ),
    setting(
        &["vikt_intressen", "interest_mismatch"],
        &["weights", "interest_mismatch"],
        Number,
        "roster-setting-weights-interest_mismatch",
    ),
    setting(&["vikt_upprepat_par", "repeat_pair"], &["weights", "repeat_pair"], Number, "roster-setting-weights-repeat_pair"),
    setting(&["vikt_balans", "balance"], &["weights", "balance"], Number, "roster-setting-weights-balance"),
    setting(
        &["max_kursdagar_per_månad", "max_course_days_per_month"],
        &["workload", "max_course_days_per_month"],
        Int,
        "roster-setting-workload-max_course_days_per_month",
    ),
    setting(
        &["max_kursdagar_per_omgång", "max_course_days_per_round"],
        &["workload", "max_course_days_per_round"],
        Int,
        "roster-setting-workload-max_course_days_per_round",
    ),
    setting(
        &["max_kurser_per_omgång", "max_courses_per_round"],
        &["workload", "max_courses_per_round"],
        Int,
        "roster-setting-workload-max_courses_per_round",
    ),
    setting(
        &["frånvaroandel_enhet", "unit_absence_share"],
        &["workload", "unit_absence_share"],
        Number,
        "roster-setting-workload-unit_absence_share",
    ),
    setting(
        &["mentorsträff_start", "mentor_meeting_start"],
        &["round", "meeting_times", "mentor", "start"],
        Time,
        "roster-setting-round-meeting_times-mentor-start",
    ),
    setting(
        &["mentorsträff_slut", "mentor_meeting_end"],
        &["round", "meeting_times", "mentor", "end"],
        Time,
        "roster-setting-round-meeting_times-mentor-end",
    ),
    setting(
        &["gruppträff_start", "group_meeting_start"],
        &["round", "meeting_times", "group", "start"],
        Time,
        "roster-setting-round-meeting_times-group-start",
    ),
    setting(
        &["gruppträff_slut", "group_meeting_end"],
        &["round", "meeting_times", "group", "end"],
        Time,
        "roster-setting-round-meeting_times-group-end",
    ),
    setting(
        &["kursdag_start", "course_day_start"],
        &["round", "meeting_times", "course", "start"],
        Time,
        "roster-setting-round-meeting_times-course-start",
    ),
    setting(
        &["kursdag_slut", "course_day_end"],
        &["round", "meeting_times", "course", "end"],
        Time,
        "roster-setting-round-meeting_times-course-end",
    ),
    setting(&["programavgift_per_deltagare", "programme_fee"], &["costs", "programme_fee"], Number, "roster-setting-costs-programme_fee"),
    setting(
        &["mentorsarvode_per_träff", "mentor_fee_per_meeting"],
        &["costs", "mentor_fee_per_meeting"],
        Number,
        "roster-setting-costs-mentor_fee_per_meeting",
    ),
    setting(
        &["mentorsarvode_per_adept", "mentor_fee_per_mentee"],
        &["costs", "mentor_fee_per_mentee"],
        Number,
        "roster-setting-costs-mentor_fee_per_mentee",
    ),
    setting(
        &["ledararvode_per_träff", "leader_fee_per_meeting"],
        &["costs", "leader_fee_per_meeting"],
        Number,
        "roster-setting-costs-leader_fee_per_meeting",
    ),
    setting(&["reskostnad_per_km", "travel_per_km"], &["costs", "travel_per_km"], Number, "roster-setting-costs-travel_per_km"),
];

/// Folds a header, sheet or setting name for tolerant matching: trimmed, lower case, spaces
/// and hyphens as `_`, decomposed å/ä/ö/é (as macOS writes file names) composed, and
/// å, ä → a, ö → o, é → e so that `anstalld` matches `anställd`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_sep = true;
    for c in s.trim().trim_start_matches('\u{feff}').chars() {
        let c = match c {
            // Combining ring above, diaeresis, acute: drop (the base letter stays).
            '\u{030a}' | '\u{0308}' | '\u{0301}' => continue,
            'å' | 'ä' | 'Å' | 'Ä' | 'á' | 'à' => 'a',
            'ö' | 'Ö' | 'ø' | 'Ø' => 'o',
            'é' | 'É' | 'è' => 'e',
            ' ' | '-' | '_' | '\u{a0}' | '.' => '_',
            c => c,
        };
        if c == '_' {
            if !last_sep {
                out.push('_');
            }
            last_sep = true;
            continue;
        }
        last_sep = false;
        out.extend(c.to_lowercase());
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Whether `name` matches one of `names` after [`fold`].
pub fn matches(names: &[&str], name: &str) -> bool {
    let f = fold(name);
    names.iter().any(|n| fold(n) == f)
}

/// The table a sheet or file name stands for.
pub fn sheet_by_name(name: &str) -> Option<&'static Sheet> {
    SHEETS.iter().copied().find(|s| matches(s.names, name))
}

/// The setting a name stands for.
pub fn setting_by_name(name: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| matches(s.names, name))
}

/// Whether a header names a free-text comment column, ignored on import: it starts with `#`
/// or is `kommentar`, `anteckning(ar)`, `notering`, `comment(s)` or `note(s)`.
pub fn is_comment_header(header: &str) -> bool {
    header.trim_start().starts_with('#')
        || matches(&["kommentar", "kommentarer", "anteckning", "anteckningar", "notering", "comment", "comments", "note", "notes"], header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_unambiguous_after_folding() {
        let mut sheet_names = std::collections::HashSet::new();
        for s in SHEETS {
            for n in s.names {
                assert!(sheet_names.insert(fold(n)), "sheet name {n} is ambiguous");
            }
            let mut cols = std::collections::HashSet::new();
            for c in s.cols {
                for n in c.names {
                    assert!(cols.insert(fold(n)), "column {n} of {} is ambiguous", s.name());
                    assert!(!is_comment_header(n));
                }
            }
        }
        let mut settings = std::collections::HashSet::new();
        for s in SETTINGS {
            for n in s.names {
                assert!(settings.insert(fold(n)), "setting {n} is ambiguous");
            }
        }
        for n in README_SHEET {
            assert!(sheet_by_name(n).is_none());
        }
    }

    #[test]
    fn folding_is_tolerant() {
        assert_eq!(fold("  Anställd "), "anstalld");
        assert_eq!(fold("Ej tillgänglig"), "ej_tillganglig");
        assert_eq!(fold("omga\u{030a}ng"), "omgang");
        assert!(matches(PARTICIPANTS.cols[5].names, "ANSTÄLLD"));
        assert!(sheet_by_name("Deltagare").is_some());
        assert!(sheet_by_name("participants").is_some());
        assert!(setting_by_name("Min träffar").is_some());
    }
}
