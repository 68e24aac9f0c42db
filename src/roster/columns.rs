//! The roster's tables: sheet names, column names (Swedish first, English second, then other
//! aliases), which columns are required, and the `omgång` sheet's settings.
//!
//! One table drives the reader, the writer, the template's `läs_mig` sheet and the
//! documentation (`docs/roster.md`), so they cannot drift apart.

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
    /// How the kind is described to a coordinator.
    pub fn describe(self) -> &'static str {
        match self {
            CellKind::Text => "text",
            CellKind::Date => "date (2027-01-15 or an Excel date)",
            CellKind::Int => "whole number",
            CellKind::Number => "number (decimal comma or point)",
            CellKind::Bool => "ja/nej (yes/no, x, 1/0)",
            CellKind::List => "list separated by , or ;",
            CellKind::DateList => "dates and ranges separated by , or ; (2027-03-01..2027-03-05 (reason))",
            CellKind::Choice => "one of the listed words",
            CellKind::Time => "time of day (13:00, 13.00 or an Excel time)",
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
    /// What it means (for the template's `läs_mig` sheet and the docs).
    pub help: &'static str,
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
    /// What the table holds.
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
}

const fn col(key: &'static str, names: &'static [&'static str], required: bool, kind: CellKind, help: &'static str) -> Col {
    Col { key, names, required, kind, help }
}

use CellKind::*;

const UNAVAILABLE: Col = col(
    "unavailable",
    &["ej_tillgänglig", "unavailable", "frånvaro", "upptagen"],
    false,
    DateList,
    "dates and ranges the person (or room) cannot take part",
);

/// The `omgång` sheet: one setting a row.
pub const ROUND: Sheet = Sheet {
    key: "round",
    names: &["omgång", "round", "inställningar", "settings"],
    required: true,
    cols: &[
        col("setting", &["inställning", "setting", "nyckel", "key", "parameter"], true, Text, "the setting's name (see the settings list)"),
        col("value", &["värde", "value"], true, Text, "its value; an empty value leaves the setting to the rules file or the default"),
        col("description", &["beskrivning", "description", "förklaring"], false, Text, "free text, ignored on import"),
    ],
    help: "the round's settings, one a row: name, dates, region, mentorship rules, weights, workload limits",
};

/// Municipalities.
pub const MUNICIPALITIES: Sheet = Sheet {
    key: "region.municipalities",
    names: &["kommuner", "municipalities"],
    required: true,
    cols: &[
        col("id", &["id", "kommun_id"], true, Text, "identifier used in the other sheets, e.g. molndal"),
        col("name", &["namn", "name", "kommunnamn"], true, Text, "display name, e.g. Mölndal"),
        col("population", &["invånare", "population", "befolkning"], true, Int, "inhabitants"),
        col("lat", &["lat", "latitud", "latitude"], true, Number, "latitude of the seat, degrees north"),
        col("lon", &["lon", "longitud", "longitude"], true, Number, "longitude of the seat, degrees east"),
        col("cost_share", &["kostnadsandel", "cost_share"], false, Number, "share of shared costs, 0–1"),
        col(
            "meeting_venue",
            &["träfflokal", "meeting_venue", "mötesrum"],
            false,
            Text,
            "where mentor and group meetings in the municipality are held (room, address); shown in the calendars",
        ),
    ],
    help: "the municipalities taking part",
};

/// Units.
pub const UNITS: Sheet = Sheet {
    key: "region.units",
    names: &["enheter", "units"],
    required: true,
    cols: &[
        col("id", &["id", "enhet_id"], true, Text, "identifier used in the people sheets"),
        col("name", &["namn", "name", "enhetsnamn"], false, Text, "display name (default: the id)"),
        col("municipality", &["kommun", "municipality"], true, Text, "municipality id (sheet kommuner)"),
        col("headcount", &["antal_anställda", "headcount", "anställda", "personal"], true, Int, "staff in the unit"),
    ],
    help: "units (enheter, arbetsgrupper) people work in",
};

/// Explicit travel times.
pub const TRAVEL: Sheet = Sheet {
    key: "region.travel.table",
    names: &["restider", "travel", "restid"],
    required: false,
    cols: &[
        col("from", &["från", "from"], true, Text, "municipality id"),
        col("to", &["till", "to"], true, Text, "municipality id"),
        col("minutes", &["minuter", "minutes"], true, Number, "one-way travel time, minutes (both directions)"),
    ],
    help: "explicit travel times replacing the computed ones (optional)",
};

/// Participants.
pub const PARTICIPANTS: Sheet = Sheet {
    key: "participants",
    names: &["deltagare", "participants"],
    required: true,
    cols: &[
        col("id", &["id", "deltagar_id"], true, Text, "identifier, unique among all people"),
        col("name", &["namn", "name"], true, Text, "full name"),
        col("unit", &["enhet", "unit"], true, Text, "unit id (sheet enheter)"),
        col(
            "role",
            &["roll", "role"],
            false,
            Choice,
            "socialsekreterare (default), utförare, arbetsledare or annan (English: social_secretary, executor, first_line_manager, other)",
        ),
        col(
            "profession_start",
            &["yrkesstart", "profession_start", "i_yrket_sedan"],
            true,
            Date,
            "entered the profession; gives the phase",
        ),
        col(
            "employment_start",
            &["anställd", "employment_start", "anställningsdatum", "anställd_sedan"],
            true,
            Date,
            "joined the current employer",
        ),
        UNAVAILABLE,
        col("interests", &["intressen", "interests"], false, List, "interest tags, matched against mentors' expertise"),
        col("wants_mentor", &["vill_ha_mentor", "wants_mentor", "önskar_mentor"], false, Bool, "wants a mentor (default nej)"),
    ],
    help: "the round's participants",
};

/// Mentors.
pub const MENTORS: Sheet = Sheet {
    key: "mentors",
    names: &["mentorer", "mentors"],
    required: false,
    cols: &[
        col("id", &["id", "mentor_id"], true, Text, "identifier, unique among all people"),
        col("name", &["namn", "name"], true, Text, "full name"),
        col("unit", &["enhet", "unit"], true, Text, "unit id (sheet enheter)"),
        col("capacity", &["kapacitet", "capacity", "antal_adepter"], false, Int, "mentees at a time (default 1)"),
        col("trained", &["mentorsutbildad", "trained", "utbildad"], false, Bool, "took the mentor training (default nej)"),
        col("years_in_profession", &["år_i_yrket", "years_in_profession", "yrkesår"], true, Number, "years in the profession"),
        col("expertise", &["expertis", "expertise", "kompetens"], false, List, "expertise tags"),
        UNAVAILABLE,
        col(
            "max_travel_minutes",
            &["max_restid", "max_travel_minutes"],
            false,
            Number,
            "longest acceptable one-way travel, minutes (empty: no limit)",
        ),
        col("history", &["tidigare_adepter", "history", "historik"], false, List, "ids of earlier mentees"),
    ],
    help: "the mentor pool",
};

/// Group leaders.
pub const LEADERS: Sheet = Sheet {
    key: "group_leaders",
    names: &["gruppledare", "group_leaders", "ledare"],
    required: false,
    cols: &[
        col("id", &["id", "ledar_id"], true, Text, "identifier, unique among all people"),
        col("name", &["namn", "name"], true, Text, "full name"),
        col("municipality", &["kommun", "municipality"], true, Text, "home municipality id"),
        col("qualifications", &["kvalifikationer", "qualifications"], true, List, "e.g. supervision, reflection, research_circle"),
        col("max_groups", &["max_grupper", "max_groups"], false, Int, "most groups in the round (default 2)"),
        UNAVAILABLE,
    ],
    help: "supervisors and circle leaders of the group programmes",
};

/// Trainers.
pub const TRAINERS: Sheet = Sheet {
    key: "trainers",
    names: &["utbildare", "trainers", "kursledare"],
    required: false,
    cols: &[
        col("id", &["id", "utbildar_id"], true, Text, "identifier, unique among all people"),
        col("name", &["namn", "name"], true, Text, "full name"),
        col("internal", &["intern", "internal"], false, Bool, "a colleague lending days (ja) or procured (nej, default)"),
        col("municipality", &["kommun", "municipality"], false, Text, "home municipality id"),
        col("courses", &["kurser", "courses"], true, List, "course ids the trainer teaches (courses are in the rules file)"),
        col("max_days", &["max_dagar", "max_days"], true, Int, "most teaching days in the round"),
        col("day_rate", &["dagarvode", "day_rate", "arvode_per_dag"], false, Number, "cost per teaching day, SEK (default 0)"),
        UNAVAILABLE,
    ],
    help: "trainers who teach the courses",
};

/// Venues.
pub const VENUES: Sheet = Sheet {
    key: "venues",
    names: &["lokaler", "venues", "lokal"],
    required: false,
    cols: &[
        col("id", &["id", "lokal_id"], true, Text, "identifier"),
        col("name", &["namn", "name"], true, Text, "display name"),
        col("municipality", &["kommun", "municipality"], true, Text, "municipality id"),
        col("capacity", &["platser", "capacity", "antal_platser"], true, Int, "seats"),
        col("day_rate", &["hyra_per_dag", "day_rate", "dagshyra"], false, Number, "rent per day, SEK (default 0)"),
        UNAVAILABLE,
        col("address", &["adress", "address", "besöksadress"], false, Text, "street address, shown in the calendars"),
    ],
    help: "course rooms",
};

/// Individual plans (course demand).
pub const DEMAND: Sheet = Sheet {
    key: "demand",
    names: &["önskemål", "demand", "kursönskemål"],
    required: false,
    cols: &[
        col("participant", &["deltagare", "participant"], true, Text, "participant id"),
        col("course", &["kurs", "course"], true, Text, "course id"),
        col("priority", &["prioritet", "priority"], false, Choice, "hög, normal (default) or låg (high, normal, low)"),
    ],
    help: "individual plans: which participant wants which course",
};

/// Completed courses.
pub const HISTORY: Sheet = Sheet {
    key: "course_history",
    names: &["kurshistorik", "course_history", "genomförda_kurser"],
    required: false,
    cols: &[
        col("participant", &["deltagare", "participant"], true, Text, "participant id"),
        col("course", &["kurs", "course"], true, Text, "course id"),
    ],
    help: "courses participants completed before the round",
};

/// Forbidden mentor pairs.
pub const EXCLUSIONS: Sheet = Sheet {
    key: "mentorship.exclusions",
    names: &["uteslutna_par", "exclusions"],
    required: false,
    cols: &[
        col("mentor", &["mentor"], true, Text, "mentor id"),
        col("mentee", &["adept", "mentee", "deltagare"], true, Text, "participant id"),
        col("reason", &["orsak", "reason"], false, Text, "why (optional)"),
    ],
    help: "mentor–mentee pairs that must never be formed",
};

/// Every table, in the order written on export.
pub const SHEETS: &[&Sheet] =
    &[&ROUND, &MUNICIPALITIES, &UNITS, &TRAVEL, &PARTICIPANTS, &MENTORS, &LEADERS, &TRAINERS, &VENUES, &DEMAND, &HISTORY, &EXCLUSIONS];

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
    /// What it means.
    pub help: &'static str,
}

const fn setting(names: &'static [&'static str], path: &'static [&'static str], kind: CellKind, help: &'static str) -> Setting {
    Setting { names, path, kind, help }
}

/// The settings of the `omgång` sheet, in the order written on export.
pub const SETTINGS: &[Setting] = &[
    setting(&["namn", "name", "omgångens_namn", "round_name"], &["round", "name"], Text, "the round's name, shown in plans and calendars"),
    setting(&["start", "startdatum", "början"], &["round", "start"], Date, "first day of the round"),
    setting(&["slut", "end", "slutdatum"], &["round", "end"], Date, "last day of the round (inclusive)"),
    setting(&["region", "region_name", "regionnamn"], &["region", "name"], Text, "the region's name"),
    setting(
        &["vägfaktor", "road_factor"],
        &["region", "travel", "road_factor"],
        Number,
        "road distance ÷ great-circle distance (default 1,3)",
    ),
    setting(
        &["hastighet_kmh", "speed_kmh", "hastighet"],
        &["region", "travel", "speed_kmh"],
        Number,
        "average travel speed, km/h (default 70)",
    ),
    setting(&["min_träffar", "min_meetings"], &["mentorship", "min_meetings"], Int, "fewest meetings of a mentor pair (default 8)"),
    setting(&["max_träffar", "max_meetings"], &["mentorship", "max_meetings"], Int, "most meetings of a mentor pair (default 10)"),
    setting(
        &["min_dagar_mellan", "min_days_between"],
        &["mentorship", "min_days_between"],
        Int,
        "days between two meetings of a pair (default 21)",
    ),
    setting(
        &["faser_med_mentor", "eligible_phases"],
        &["mentorship", "eligible_phases"],
        List,
        "phases whose participants may get a mentor (default practised)",
    ),
    setting(
        &["mentor_min_år", "mentor_min_years"],
        &["mentorship", "mentor_min_years"],
        Number,
        "fewest years in the profession for a mentor (default 5)",
    ),
    setting(
        &["kräv_mentorsutbildning", "require_training"],
        &["mentorship", "require_training"],
        Bool,
        "only trained mentors (default ja)",
    ),
    setting(
        &["samma_kommun", "same_municipality"],
        &["mentorship", "same_municipality"],
        Choice,
        "pairs within one municipality: förbjuden, straffad (default) or tillåten (forbidden, penalised, allowed)",
    ),
    setting(
        &["mötesplats", "meeting_place"],
        &["mentorship", "meeting_place"],
        Choice,
        "where a pair meets: mentor, adept or kortast_restid (default) (mentor, mentee, min_combined_travel)",
    ),
    setting(
        &["vikt_restid", "travel_per_minute"],
        &["weights", "travel_per_minute"],
        Number,
        "matching cost per minute of travel (default 1)",
    ),
    setting(
        &["vikt_samma_kommun", "same_municipality_weight"],
        &["weights", "same_municipality"],
        Number,
        "cost of a same-municipality pair (default 30)",
    ),
    setting(
        &["vikt_intressen", "interest_mismatch"],
        &["weights", "interest_mismatch"],
        Number,
        "cost per interest the mentor lacks (default 15)",
    ),
    setting(&["vikt_upprepat_par", "repeat_pair"], &["weights", "repeat_pair"], Number, "cost of repeating an earlier pair (default 100)"),
    setting(&["vikt_balans", "balance"], &["weights", "balance"], Number, "load spreading between mentors (default 10)"),
    setting(
        &["max_kursdagar_per_månad", "max_course_days_per_month"],
        &["workload", "max_course_days_per_month"],
        Int,
        "most course days of a participant in a month (default 2)",
    ),
    setting(
        &["max_kursdagar_per_omgång", "max_course_days_per_round"],
        &["workload", "max_course_days_per_round"],
        Int,
        "most course days of a participant in the round (default 15)",
    ),
    setting(
        &["max_kurser_per_omgång", "max_courses_per_round"],
        &["workload", "max_courses_per_round"],
        Int,
        "most courses of a participant in the round (empty: no limit)",
    ),
    setting(
        &["frånvaroandel_enhet", "unit_absence_share"],
        &["workload", "unit_absence_share"],
        Number,
        "largest share of a unit away on course on one day (default 0,25)",
    ),
    setting(
        &["mentorsträff_start", "mentor_meeting_start"],
        &["round", "meeting_times", "mentor", "start"],
        Time,
        "start of mentor meetings (default 13:00)",
    ),
    setting(
        &["mentorsträff_slut", "mentor_meeting_end"],
        &["round", "meeting_times", "mentor", "end"],
        Time,
        "end of mentor meetings (default 15:00)",
    ),
    setting(
        &["gruppträff_start", "group_meeting_start"],
        &["round", "meeting_times", "group", "start"],
        Time,
        "start of group meetings (default 13:00)",
    ),
    setting(
        &["gruppträff_slut", "group_meeting_end"],
        &["round", "meeting_times", "group", "end"],
        Time,
        "end of group meetings (default 16:00)",
    ),
    setting(
        &["kursdag_start", "course_day_start"],
        &["round", "meeting_times", "course", "start"],
        Time,
        "start of course days, unless the course gives its own start_time in the rules file (default 09:00)",
    ),
    setting(
        &["kursdag_slut", "course_day_end"],
        &["round", "meeting_times", "course", "end"],
        Time,
        "end of course days, unless the course gives its own end_time in the rules file (default 16:00)",
    ),
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
