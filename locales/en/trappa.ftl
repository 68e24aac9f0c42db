# trappa's English messages (`--lang en`). Every id here is in locales/sv/trappa.ftl too, with
# the same arguments; tests/text.rs checks that, and that src/ uses no other id.
# Counts are numbers and choose the plural form: { $n -> [one] … *[other] … }.

## Command line

error-unknown-language = TRAPPA_LANG={ $value } is not a language trappa speaks: choose sv or en

## Reason codes of plans

reason-no-eligible-mentor = no eligible mentor
reason-eligible-mentors-full = the eligible mentors are fully booked
reason-groups-full = the groups are full
reason-too-few-for-a-group = too few for a group
reason-mixing-cap = cap on participants from one municipality
reason-no-leader = no leader with room
reason-eligible-later = eligible only after the groups started
reason-not-eligible = not eligible
reason-phase-not-eligible = the phase does not include the course
reason-deadline-passed = the deadline has passed
reason-starts-after-round = starts after the round
reason-no-qualified-trainer = no qualified trainer
reason-no-venue = no venue
reason-prerequisite-missing = prerequisite missing
reason-workload-month = too many course days in the month
reason-workload-round-days = too many course days in the round
reason-workload-course-count = too many courses in the round
reason-unit-too-small = the unit is too small
reason-unit-absence-cap = the unit's absence cap
reason-unavailable = unavailable
reason-too-few-participants = too few participants
reason-trainers-fully-booked = the trainers are fully booked
reason-no-session = no session
reason-too-far = too far to travel
reason-sessions-full = the sessions are full
reason-outside-window = outside the time window
reason-clash-with-other-course = clashes with another course
reason-workload-term = too many courses, course days or areas in the term
reason-cadence = the course's start rules leave no start in the time window

## Strategies, kinds, priorities, objective terms

strategy-exact = exact
strategy-greedy = greedy
strategy-local-search = local-search
strategy-milp = milp
strategy-auto = auto
kind-supervision = supervision
kind-reflection = reflection
kind-research-circle = research_circle
priority-high = high
priority-normal = normal
priority-low = low
term-travel = travel
term-same-municipality = same_municipality
term-interest-mismatch = interest_mismatch
term-repeat-pair = repeat_pair
term-explicit-pair-cost = explicit_pair_cost
term-balance = balance
term-session-cost = session_cost
term-mixing = mixing
term-unserved-high = unserved_high
term-unserved-normal = unserved_normal
term-unserved-low = unserved_low
stop-proven = proven optimal
stop-no-improvement = no improvement for { $seconds } s
stop-time-limit = time limit
stop-interrupted = interrupted (Ctrl-C)
stop-finished = work budget done

## Terminal summary

count-mentees = { $n ->
    [one] 1 mentee
   *[other] { $n } mentees
}
summary-round = Round: { $name }
summary-groups = Groups { $programme } ({ $kind }): { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}, { $members } members, { $unserved } unserved, { $not_eligible } not eligible; diversity { $diversity }, travel { $travel }; { $conflicts ->
    [one] 1 member conflict
   *[other] { $conflicts } member conflicts
} listed
groups-note-clock = the search ran on the clock (its share of the time limit, { $seconds } s): a re-run may give other groups; without --time-limit it runs a fixed work budget and is reproducible
summary-note = note: { $note }
summary-pairs = Mentor pairs: { $pairs } ({ $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}; { $shortfalls ->
    [one] 1 pair
   *[other] { $shortfalls } pairs
} with too few meetings)
summary-unmatched = Unmatched mentees: { $n }
summary-not-eligible = Want a mentor but not eligible by phase: { $n }
summary-objective = Objective: { $matched } matched; cost { $cost } ({ $terms })
summary-sessions = Course sessions: { $sessions } ({ $days ->
    [one] 1 course day
   *[other] { $days } course days
})
summary-coverage = { $priority } priority: { $served } of { $demanded } demands served
summary-unserved = unserved, { $reason }: { $n }
summary-timetable-objective = Timetable objective: { $total } ({ $terms })
summary-timetable-bound = Timetable bound: { $bound }
status-heading = Status per part:
status-optimal = optimal
status-gap = gap { $gap } %
status-heuristic = heuristic
status-below-maximum = ; below the maximum: { $max ->
    [one] 1 mentee could have been matched
   *[other] { $max } mentees could have been matched
}
status-timetable = Course sessions: { $status } [{ $strategy }]
status-groups = Groups { $programme }: { $status } [{ $strategy }]
status-mentorship = Mentorship: { $status } [{ $strategy }]
status-total-time = Total time: { $seconds } s
status-total-time-limit = Total time: { $seconds } s (time limit { $limit } s)
status-interrupted = Planning interrupted (Ctrl-C): the best plan so far is saved.

## explain

explain-no-participant = no participant "{ $id }" in the instance; give an id from "participants"
explain-person = { $name } ({ $id }), { $unit } in { $municipality }, phase { $phase } ({ $years } years in the profession), employed { $employed }
explain-no-demand = No course demand in this round.
explain-origin-plan = individual plan
explain-origin-phase = phase default
explain-demand = { $course } ({ $id }, { $priority } priority, { $origin })
explain-session = session { $session } at { $venue } on { $dates }, { $n ->
    [one] trainer
   *[other] trainers
} { $trainers }
explain-not-served = NOT SERVED ({ $code }): { $reason }: { $message }
explain-not-in-plan = not in the plan (the plan may be for another version of the instance)
explain-mentor = Mentor { $mentor } in { $place }; meetings: { $dates }
explain-no-mentor = No mentor ({ $reason }): { $message }

## diff and replan

change-changed = changed or removed dates
change-new-dates = new dates only
change-departed = has left the round
diff-course = { $date } course { $course } at { $place }
diff-mentor-meeting = { $date } mentor meeting with { $person } in { $place }
diff-group = { $date } group meeting { $group } in { $place }
role-mentor = mentor
role-trainer = trainer
role-leader = group leader
role-participant = participant
diff-from = Changes from { $date } on (everything before is unchanged):
diff-person = { $name } ({ $role }): { $removed } removed or moved, { $added } new
diff-counts = { $n ->
    [one] 1 person
   *[other] { $n } people
} affected: { $changed } with changed or removed dates, { $new_dates } with new dates only, { $departed } who left the round
replan-summary = Re-planned from { $today }: { $changed } person(s) with changed dates (weighted { $weighted }), { $added } with new dates only
replan-written = Plan written to { $dir } (the previous plan stays in { $previous_dir }); `trappa diff { $previous } { $dir }` lists the changes person by person

## solve and check

progress-reading = reading and validating the instance
progress-planning = planning course sessions, forming groups, matching mentors and dating meetings
progress-of-limit = of { $seconds } s
progress-checking = checking the plan
progress-writing = writing the plan
progress-checking-writing = checking and writing the plan
progress-objective-gap = objective { $objective }, gap { $gap } %
progress-objective = objective { $objective }
progress-part = planning { $part }
progress-ctrl-c = Ctrl-C keeps the best plan
part-sessions = course sessions
part-groups = groups
part-mentorship = mentorship and meeting dates
solve-written = Plan written to { $dir }
solve-rejected = error: the checker rejects this plan ({ $n ->
    [one] 1 violation
   *[other] { $n } violations
}); it was written to { $dir } for inspection
check-valid = Valid: { $pairs } pairs, { $meetings } meetings, { $groups } groups; every rule holds; recomputed cost { $cost }
check-timetable-valid = Timetable valid: { $sessions } sessions; recomputed objective { $objective }

## Calendars (one event per meeting)

calendar-mentor-description = { $round }: mentor meeting { $k } of { $n } for { $mentor } (mentor) and { $mentee } (mentee).
calendar-mentor-summary-mentee = Mentor meeting { $k }/{ $n } with mentee { $name }
calendar-mentor-summary-mentor = Mentor meeting { $k }/{ $n } with mentor { $name }
calendar-no-leader = no leader
calendar-group-summary = { $programme } { $k }/{ $n } ({ $group })
calendar-group-description = { $round }: { $programme }, group { $group }, meeting { $k } of { $n }. Leader: { $leader }. Members: { $members }.
calendar-course-summary = Course: { $course } day { $k }/{ $n }
calendar-course-description = { $round }: { $course }, day { $k } of { $n } (session { $session }). Trainers: { $trainers }. { $attendees ->
    [one] 1 participant
   *[other] { $attendees } participants
}.
calendar-no-trainer = none
calendar-cancelled-summary = Cancelled: { $summary }
calendar-cancelled-description = { $round }: this activity is no longer part of your plan.

## The plan's spreadsheets: header columns separated by ;

csv-pairs-header = mentor_id;mentor;mentor_municipality;mentee_id;mentee;mentee_municipality;meeting_place;travel_min;meetings_count;meetings;cost;note
csv-sessions-header = session_id;course_id;course;first_day;last_day;days;dates;venue;municipality;trainers;participants
csv-attendance-header = participant_id;participant;municipality;unit;course_id;course;status;session_id;dates;venue;reason
csv-groups-header = programme;group;role;person_id;name;municipality;unit;meeting_place;meetings_count;meetings;cannot_attend
csv-placed = placed
csv-not-placed = not placed
csv-role-leader = leader
csv-role-participant = participant

## The roster template: kinds of cells, sheets, columns, settings and the läs_mig sheet

cell-text = text
cell-date = date (2027-01-15 or an Excel date)
cell-int = whole number
cell-number = number (decimal comma or point)
cell-bool = ja/nej (yes/no, x, 1/0)
cell-list = list separated by , or ;
cell-date-list = dates and ranges separated by , or ; (2027-03-01..2027-03-05 (reason))
cell-choice = one of the listed words
cell-time = time of day (13:00, 13.00 or an Excel time)
readme-header = sheet;column;alias;required;format;meaning
readme-yes = yes
readme-no = no
readme-setting-sheet = omgång (setting)
readme-line-headers = Header names: any order, any case; Swedish or English names and the aliases above. A header starting with # (or kommentar, notes) is ignored.
readme-line-values = Dates: Excel dates or text 2027-01-15. Numbers: decimal comma or point. ja/nej, yes/no, x, 1/0. Lists: separated by , or ;.
readme-line-rules = Courses, group programmes, phases, calendar closures and timetable weights are in the rules file regler.json beside the workbook.
readme-line-import = Import: trappa import roster WORKBOOK.xlsx --out instance.json (docs/roster.md).
roster-col-unavailable = dates and ranges the person (or room) cannot take part
roster-col-round-setting = the setting's name (see the settings list)
roster-col-round-value = its value; an empty value leaves the setting to the rules file or the default
roster-col-round-description = free text, ignored on import
roster-sheet-round = the round's settings, one a row: name, dates, region, mentorship rules, weights, workload limits
roster-col-municipalities-id = identifier used in the other sheets, e.g. molndal
roster-col-municipalities-name = display name, e.g. Mölndal
roster-col-municipalities-population = inhabitants
roster-col-municipalities-lat = latitude of the seat, degrees north
roster-col-municipalities-lon = longitude of the seat, degrees east
roster-col-municipalities-cost_share = share of shared costs, 0–1
roster-col-municipalities-meeting_venue = where mentor and group meetings in the municipality are held (room, address); shown in the calendars
roster-col-municipalities-subregion = the sub-region the municipality belongs to (e.g. Skaraborg); a course may be held for some sub-regions ("subregions" in regler.json)
roster-sheet-municipalities = the municipalities taking part
roster-col-units-id = identifier used in the people sheets
roster-col-units-name = display name (default: the id)
roster-col-units-municipality = municipality id (sheet kommuner)
roster-col-units-headcount = staff in the unit
roster-sheet-units = units (enheter, arbetsgrupper) people work in
roster-col-travel-from = municipality id
roster-col-travel-to = municipality id
roster-col-travel-minutes = one-way travel time, minutes (both directions)
roster-sheet-travel = explicit travel times replacing the computed ones (optional)
roster-col-participants-id = identifier, unique among the participants; the same id on a row of mentors, group leaders or trainers means the person also holds that role
roster-col-participants-name = full name
roster-col-participants-unit = unit id (sheet enheter)
roster-col-participants-role = socialsekreterare (default), utförare, arbetsledare or annan (English: social_secretary, executor, first_line_manager, other)
roster-col-participants-profession_start = entered the profession; gives the phase
roster-col-participants-employment_start = joined the current employer
roster-col-participants-interests = interest tags, matched against mentors' expertise
roster-col-participants-wants_mentor = wants a mentor (default nej)
roster-sheet-participants = the round's participants
roster-col-mentors-id = identifier, unique among the mentors; a participant who also mentors is written with their participant id (same name and unit)
roster-col-mentors-name = full name
roster-col-mentors-unit = unit id (sheet enheter)
roster-col-mentors-capacity = mentees at a time (default 1)
roster-col-mentors-trained = took the mentor training (default nej)
roster-col-mentors-years_in_profession = years in the profession
roster-col-mentors-expertise = expertise tags
roster-col-mentors-max_travel_minutes = longest acceptable one-way travel, minutes (empty: no limit)
roster-col-mentors-history = ids of earlier mentees
roster-sheet-mentors = the mentor pool
roster-col-leaders-id = identifier, unique among the group leaders; a participant, mentor or trainer who also leads groups is written with the same id and name
roster-col-leaders-name = full name
roster-col-leaders-municipality = home municipality id
roster-col-leaders-qualifications = e.g. supervision, reflection, research_circle
roster-col-leaders-max_groups = most groups in the round (default 2)
roster-sheet-leaders = supervisors and circle leaders of the group programmes
roster-col-trainers-id = identifier, unique among the trainers; a participant, mentor or group leader who also trains is written with the same id and name
roster-col-trainers-name = full name
roster-col-trainers-internal = a colleague lending days (ja) or procured (nej, default)
roster-col-trainers-municipality = home municipality id
roster-col-trainers-courses = course ids the trainer teaches (courses are in the rules file)
roster-col-trainers-max_days = most teaching days in the round
roster-col-trainers-day_rate = cost per teaching day, SEK (default 0)
roster-sheet-trainers = trainers who teach the courses
roster-col-venues-id = identifier
roster-col-venues-name = display name
roster-col-venues-municipality = municipality id
roster-col-venues-capacity = seats
roster-col-venues-day_rate = rent per day, SEK (default 0)
roster-col-venues-address = street address, shown in the calendars
roster-sheet-venues = course rooms
roster-col-demand-participant = participant id
roster-col-demand-course = course id
roster-col-demand-priority = hög, normal (default) or låg (high, normal, low)
roster-sheet-demand = individual plans: which participant wants which course
roster-col-history-participant = participant id
roster-col-history-course = course id
roster-sheet-history = courses participants completed before the round
roster-col-exclusions-mentor = mentor id
roster-col-exclusions-mentee = participant id
roster-col-exclusions-reason = why (optional)
roster-sheet-exclusions = mentor–mentee pairs that must never be formed
roster-setting-round-name = the round's name, shown in plans and calendars
roster-setting-round-start = first day of the round
roster-setting-round-end = last day of the round (inclusive)
roster-setting-region-name = the region's name
roster-setting-region-travel-road_factor = road distance ÷ great-circle distance (default 1,3)
roster-setting-region-travel-speed_kmh = average travel speed, km/h (default 70)
roster-setting-mentorship-min_meetings = fewest meetings of a mentor pair (default 8)
roster-setting-mentorship-max_meetings = most meetings of a mentor pair (default 10)
roster-setting-mentorship-min_days_between = days between two meetings of a pair (default 21)
roster-setting-mentorship-eligible_phases = phases whose participants may get a mentor (default practised)
roster-setting-mentorship-mentor_min_years = fewest years in the profession for a mentor (default 5)
roster-setting-mentorship-require_training = only trained mentors (default ja)
roster-setting-mentorship-same_municipality = pairs within one municipality: förbjuden, straffad (default) or tillåten (forbidden, penalised, allowed)
roster-setting-mentorship-meeting_place = where a pair meets: mentor, adept or kortast_restid (default) (mentor, mentee, min_combined_travel)
roster-setting-weights-travel_per_minute = matching cost per minute of travel (default 1)
roster-setting-weights-same_municipality = cost of a same-municipality pair (default 30)
roster-setting-weights-interest_mismatch = cost per interest the mentor lacks (default 15)
roster-setting-weights-repeat_pair = cost of repeating an earlier pair (default 100)
roster-setting-weights-balance = load spreading between mentors (default 10)
roster-setting-workload-max_course_days_per_month = most course days of a participant in a month (default 2)
roster-setting-workload-max_course_days_per_round = most course days of a participant in the round (default 15)
roster-setting-workload-max_courses_per_round = most courses of a participant in the round (empty: no limit)
roster-setting-workload-unit_absence_share = largest share of a unit away on course on one day (default 0,25)
roster-setting-round-meeting_times-mentor-start = start of mentor meetings (default 13:00)
roster-setting-round-meeting_times-mentor-end = end of mentor meetings (default 15:00)
roster-setting-round-meeting_times-group-start = start of group meetings (default 13:00)
roster-setting-round-meeting_times-group-end = end of group meetings (default 16:00)
roster-setting-round-meeting_times-course-start = start of course days, unless the course gives its own start_time in the rules file (default 09:00)
roster-setting-round-meeting_times-course-end = end of course days, unless the course gives its own end_time in the rules file (default 16:00)

## Roster import and export

import-rules-from = rules from { $path }
import-summary = { $round }: { $participants } participants, { $mentors } mentors, { $leaders } group leaders, { $trainers } trainers, { $venues } venues → { $path }
export-wrote = wrote { $path }

## Roster import: what was found in a cell, what was expected, where

cell-found-empty = an empty cell
cell-found-number = the number { $value }
cell-found-bool = the boolean { $value }
cell-found-date = the date { $value }
cell-found-error = the error { $value }
cell-expected-text = expected text
cell-expected-date = expected a date like 2027-01-15
cell-expected-number = expected a number like 12 or 2,5
cell-expected-int = expected a whole number like 12
cell-expected-time = expected a time of day like 13:00
cell-expected-bool = expected ja or nej (also yes/no, x, 1/0)
cell-expected-list = expected a list of words separated by , or ;
cell-expected-dates = expected dates or ranges like 2027-03-01..2027-03-05 (semester); 2027-04-12, separated by , or ;
cell-expected-dates-item = expected dates or ranges like 2027-03-01..2027-03-05 (semester); 2027-04-12, separated by , or ;; "{ $item }" is not one
cell-expected-choice = expected one of { $words }
roster-impossible-date = an impossible date (serial { $serial })
roster-duration = a duration ({ $value })
roster-too-many-cells = { $place }: the sheet holds more than { $limit } cells (E070 size-limit; counted row by row up to each row's last value; the limit MAX_SHEET_CELLS of docs/limits.md). A stray value far right of or below the table is the usual cause: clear it (Ctrl+End shows the last used cell), or split the sheet
roster-cannot-open-workbook = { $name }: E001 syntax: cannot open the workbook: { $error }. Give an .xlsx file (saved from Excel or LibreOffice) or a directory of .csv files
roster-cannot-read = { $name }: cannot read: { $error }
roster-not-utf8 = { $name }, row { $line }: the file is not UTF-8 text (byte 0x{ $byte } in column { $column }{ $hint }). Save it as "CSV UTF-8 (kommaavgränsad)" in Excel (or UTF-8 in LibreOffice)
roster-cannot-read-csv = { $name }, row { $line }: E001 syntax: cannot read the CSV: { $error }
roster-loc-sheet = { $file }, sheet { $sheet }
roster-loc-row = { $source }, row { $row }
roster-loc-cell = { $source }, row { $row }, column { $column } ({ $header })
roster-loc-column = column { $column } ({ $header })
roster-loc-column-key = column { $key }
roster-loc-top-level = the top level
roster-loc-rules = { $rules } at { $path }
roster-loc-instance = the instance at { $path }
roster-repeated-column = { $loc }: the column repeats column { $column } ({ $header }); keep one of them
roster-unknown-column = { $loc }: unknown column; the columns of { $sheet } are { $columns }. Rename it, or start its header with # to keep it as a comment
roster-missing-column = { $source }: missing required column { $column }; add a column with that header to row { $row }
roster-value-without-header = { $source }, row { $row }, column { $column }: a value ({ $found }) in a column without a header; give the column a header or clear it
roster-empty-required = { $loc }: empty required cell; expected { $kind } ({ $help })
roster-bad-cell = { $loc }: { $expected }, found { $found }
roster-empty-setting-name = { $loc }: empty setting name for the value { $found }; name the setting or clear the row
roster-unknown-setting = { $loc }: unknown setting "{ $name }"; the settings are { $settings }
roster-repeated-setting = { $loc }: the setting { $name } is already given in row { $row }; keep one
roster-bad-setting = { $loc } (setting { $name }): { $expected }, found { $found }
roster-cannot-read-dir = { $path }: cannot read the directory: { $error }
roster-no-such-input = { $path }: no such file or directory. Give an .xlsx workbook or a directory of .csv files (one per sheet)
roster-second-table = { $source }: a second { $dir ->
    [yes] file
   *[no] sheet
} for { $sheet }; keep one
roster-ignored-table = { $source }: ignored ({ $dir ->
    [yes] file
   *[no] sheet
} name not one of { $sheets })
roster-missing-file = { $path }: missing file { $file }: { $help }; add it
roster-missing-sheet = { $path }: missing sheet { $sheet }: { $help }; add it
roster-setting-replaces = { $loc }: { $setting } = { $value } replaces { $old } from { $rules }
roster-rows-replace = { $source }: its { $n } row(s) replace { $key } from { $rules }
roster-what-round-name = the round's name
roster-what-round-start = the round's first day
roster-what-round-end = the round's last day
roster-what-region-name = the region's name
roster-missing-setting = { $source }: missing setting { $name } ({ $what }); add a row with { $name } in column A and the value in column B
roster-cannot-read-rules = { $name }: cannot read the rules file: { $error }
roster-rules-not-object = { $name }, line { $line }, column { $column }: { $code }: the rules file must be a JSON object like {"{"}"courses": […], "group_programmes": […]{"}"}
roster-duplicate-id = { $source }, row { $row }, { $column }: duplicate id "{ $id }", already used in row { $first }; give each row its own id
roster-unknown-reference = { $source }, row { $row }, { $column }: unknown { $what } "{ $id }"; it is not in { $present ->
    [yes] sheet
   *[no] the missing sheet
} { $sheet }. Add it there or correct the id
roster-problems = the roster has { $n } problem(s); nothing was written:
roster-place-in = in { $path }
roster-place-beside = beside { $path }
roster-more-course-refs = { " " }(and { $n } more reference(s) to courses)
roster-no-rules-file = { $problem }{ $more }: no rules file was found — courses are defined in the rules file, and there is no regler.json (or rules.json) { $place }. Put the round's regler.json there, or give it with --rules FILE

## Why a course demand is unserved (plans, attendance.csv, explain, the report)

why-phase-not-eligible = { $course } is for { $n ->
    [one] phase
   *[other] phases
} { $phases }; { $participant } is in phase { $phase } from { $date }
why-starts-after-round = { $participant } starts on { $date }, after the round ends
why-deadline-passed = { $course } must be finished within { $months } months of employment: { $participant } was employed on { $employed }, so by { $date }, and no working day of the round is left before then
why-no-working-day = { $participant } has no working day in the round
why-no-qualified-trainer = { $course } needs { $needed } trainer(s) per session but { $trainers } qualified trainer(s) have { $days } days to give
why-no-venue = no venue seats the minimum group of { $course } ({ $min } people)
why-prerequisite-missing = { $course } requires { $prerequisite }, which { $participant } has neither completed nor asked for
why-workload-month = every possible layout of { $course } puts more than { $max } course days in one month, the most a participant may have
why-unit-too-small = { $participant }'s unit { $unit } has { $staff } staff: someone must stay, so nobody can be away on course
why-unavailable = { $participant } is unavailable for every possible session of { $course } between { $from } and { $to }
why-too-few-participants = only { $n } participant(s) can take { $course } in this round; a session needs at least { $min }
why-trainers-fully-booked = no session of { $course } was opened: the qualified trainers' teaching days are used up by other sessions
why-no-session = no session of { $course } could gather { $min } participants free on the same days with a free trainer and venue, at a cost below the penalty of the unserved demand
why-too-far = { $session } has a seat, but { $minutes } minutes' travel each way for { $days } days costs more than leaving the demand unserved
why-cadence = no session of { $course } lies between { $from } and { $to }, and the course's start rules (starts per year, days between starts) allow no further start then
why-blocked = { $participant } cannot join any session of { $course }: { $detail }
block-full = full
block-outside-window = outside the window (employment start or deadline)
block-unavailable = unavailable on a session day
block-clash = another course on a session day
block-month-limit = too many course days that month
block-round-days-limit = too many course days in the round
block-course-count-limit = already the most courses allowed in the round
block-unit-cap = too many colleagues of the unit away
block-prerequisite = the prerequisite is not attended before
block-term-limit = too many courses, course days or areas that term

## The HTML report

report-title = { $round } – report
report-made-by = plan by trappa { $version } · instance SHA-256 { $sha }…
report-total = Total
report-overview = Overview
report-unserved = Not placed
report-timeline = Timeline
report-map = Map
report-costs = Cost per municipality
report-people = Calendar per person
report-changes = Changes since the previous plan
report-changes-intro = Re-planned from { $today }: everything before that day is unchanged. { $changed ->
    [one] 1 person gets
   *[other] { $changed } people get
} changed or removed dates (weighted { $weighted }), { $added } get new dates only.
report-status-optimal = proven optimal
report-status-gap = at most { $gap } from the optimum
report-status-heuristic = heuristic, optimum not proven
report-pairs-shortfall = { $n ->
    [one] 1 pair
   *[other] { $n } pairs
} with too few meetings
report-group-word = { $n ->
    [one] group
   *[other] groups
}
report-known-absences = { $n ->
    [one] 1 absence
   *[other] { $n } absences
} known in advance
phase-new = new
phase-practised = practised
phase-experienced = experienced
map-municipality = { $name }: { $population } inhabitants, { $participants } participants; { $mentees ->
    [one] 1 mentee
   *[other] { $mentees } mentees
}, { $mentors } mentor places ({ $local_pairs } pairs within the municipality), { $group_places } group places ({ $local_members } meet in their home municipality), { $course_seats } course seats
map-hub = { $n ->
    [one] 1 group meets
   *[other] { $n } groups meet
} in { $place }: { $groups }
map-legend-hub = Meeting place of groups
people-activities = { $n ->
    [0] no activities
    [one] 1 activity
   *[other] { $count } activities
}
people-cannot-attend = cannot attend: { $why }
people-absence-unavailable = on leave/busy
people-absence-other-activity = another activity of the programme
map-intro = The municipalities by latitude and longitude (the circle's area by population). Blue lines: mentor pairs whose mentor and mentee work in different municipalities. Green dashed curves: group members travelling from their home municipality to the group's meeting place.
map-hover = Hover over a circle or line for the figures.
map-venue-title = { $place }: { $venues } ({ $seats ->
    [one] 1 course seat
   *[other] { $seats } course seats
})
timeline-intro = Course sessions per course over the round's months (one session per bar, parallel sessions on their own rows), and mentor and group meetings per month. Shaded bands are closed periods (school holidays and public holidays); week numbers are at the top. Every session is also in the table below the picture.
timeline-caption = { $from } – { $to }: { $sessions } course sessions, { $mentor_meetings } mentor meetings, { $group_meetings } group meetings.
timeline-legend-course = Course: { $course }
cost-chart-participants = Participants per municipality
cost-chart-kr = Cost (kr)
map-note = The grey outline is a convex hull around the municipalities' centres, not the real county border. Orange squares: course venues; orange lines: course participants travelling from their home municipality to the venue (thicker = more).
map-outline = The region's outline
map-outline-note = (convex hull, not the border)
map-venue = Course venue
map-venue-line = Course participants to the venue
map-unlabelled = Not named on the map:
map-inhabitants = { $n } inhabitants
map-smallest = smallest
map-venue-travel = { $seats ->
    [one] 1 course seat
   *[other] { $seats } course seats
}: participants from { $home } travel to { $place }
map-group-travel = { $n } group members from { $home } meet in { $place }
map-pair-line = Mentor pairs { $a } – { $b }: { $n } (mentor in { $a }: { $ab }, mentor in { $b }: { $ba })
map-legend-pairs = Mentor pairs across municipalities
map-legend-pairs-note = (thicker = more pairs)
map-legend-groups-1 = Group members from
map-legend-groups-2 = their home municipality to
map-legend-groups-3 = the group's meeting place
map-legend-number = The number after the name: participants
map-caption = Mixing across municipal borders: { $parts }.
map-caption-pairs = { $share } of { $n } mentor pairs have mentor and mentee in different municipalities
map-caption-groups = { $share } of { $n } group members meet outside their home municipality; on average { $mean } municipalities per group
map-caption-none = The plan has no mentor pairs or groups to show between municipalities.
report-legend = Legend
timeline-closed = closed
timeline-closed-periods = Closed periods
timeline-sessions = Course sessions
timeline-col-course = Course
timeline-col-session = Session
timeline-col-dates = Dates (week)
timeline-col-venue = Venue
timeline-col-trainers = Trainers
timeline-col-attendees = Participants
timeline-week = w { $week }
timeline-weeks = w { $from }–{ $to }
timeline-meetings-per-month = Meetings per month
timeline-no-timetable = No timetable in this plan.
timeline-no-courses = No courses.
timeline-no-sessions = no sessions
timeline-no-meetings = No mentor or group meetings in this plan.
cost-no-timetable = The plan has no timetable, so there are no course costs to split (0 kr). The table shows participants, places and travel.
cost-plan-term = { $kr } in the plan
cost-basis = The cost split is the timetable's cost: trainers' day fees ({ $trainers } kr), venues' day rents ({ $venues } kr) and the sessions' fixed and daily costs ({ $fixed } kr) for { $sessions } course sessions, in total <strong>{ $total } kr</strong>. It is the timetable's cost term (<code>session_cost</code>{ $plan_term }). Mentorship and groups have no costs in the plan and are not included; participants' travel is reported in hours but not priced here.
cost-split-cost-share = Split by population share: the instance's cost shares (<code>cost_share</code>, like the Gothenburg region's shares) scaled to 100 %.
cost-split-population = Split by population share: the municipality's inhabitants divided by all participating municipalities' inhabitants.
cost-split-seats = Split per participant: by the number of course seats the municipality's participants use (choose <code>--cost-split population</code> for population share).
cost-split-no-seats = Split per participant was chosen, but no course seats are used; the cost is therefore split by inhabitants.
cost-note = The round's course cost is { $per_participant } and { $per_seat }. The table shows both splits side by side: by population (share) and by usage (course seats the municipality's participants use); the chosen one ({ $chosen }) is in bold and gives kronor per participant and per course seat. Amounts are rounded to whole kronor so that they add up exactly to the total. Travel: participants' and mentors' return journeys from their home municipality to course days, mentor meetings and group meetings, in hours (the plan's travel times where it has them, otherwise the instance's travel model).
cost-per-participant = { $kr } kr per participant
cost-per-seat = { $kr } kr per course seat
cost-by-population = by population
cost-by-usage = by usage
cost-col-municipality = Municipality
cost-col-population = Population
cost-col-participants = Participants
cost-col-course-seats = Course seats
cost-col-group-places = Group places
cost-col-mentees = Mentees
cost-col-mentor-assignments = Mentor assignments
cost-col-travel = Travel (h)
cost-col-share = Share
cost-col-by-population = By population (kr)
cost-col-by-usage = By usage (kr)
cost-col-per-participant = kr per participant
cost-col-per-seat = kr per course seat

## Why a mentee has no mentor (plans, explain, the report)

why-no-mentors = there are no mentors in the round
why-no-eligible-mentor = no mentor is eligible under the hard rules (mentors excluded by rule: { $detail })
why-mentors-full = { $n ->
    [one] the only eligible mentor is at capacity
   *[other] all { $n } eligible mentors are at capacity
} with other mentees; the number of matched mentees is already the maximum
why-mentors-full-below-maximum = { $n ->
    [one] the only eligible mentor is at capacity
   *[other] all { $n } eligible mentors are at capacity
} with other mentees; this heuristic matching is below the maximum ({ $max ->
    [one] 1 mentee
   *[other] { $max } mentees
} could be matched)

why-mentors-full-municipality = { $n ->
    [one] the only eligible mentor is at capacity or already has a mentee from { $municipality }
   *[other] all { $n } eligible mentors are at capacity or already have a mentee from { $municipality }
} (a mentor takes at most one mentee per municipality); the number of matched mentees is already the maximum
why-mentors-full-municipality-below-maximum = { $n ->
    [one] the only eligible mentor is at capacity or already has a mentee from { $municipality }
   *[other] all { $n } eligible mentors are at capacity or already have a mentee from { $municipality }
} (a mentor takes at most one mentee per municipality); this heuristic matching is below the maximum ({ $max ->
    [one] 1 mentee
   *[other] { $max } mentees
} could be matched)
## The report's suggested fixes for the unserved

fix-mentor-places = raise the capacity by { $per_mentor } for { $mentors ->
    [one] the full eligible mentor
   *[other] each of the { $mentors } full eligible mentors
} ({ $mentees ->
    [one] 1 more mentee place is needed
   *[other] { $mentees } more mentee places are needed
}), or recruit more mentors
fix-recruit-mentors = recruit { $mentors ->
    [one] 1 mentor
   *[other] { $mentors } mentors
} who meet the rules ({ $capacity ->
    [one] 1 mentee
   *[other] { $capacity } mentees
} each)
fix-more-groups = open { $groups ->
    [one] 1 more group
   *[other] { $groups } more groups
} (at most { $max_size } per group)
fix-more-groups-leaders = ; that takes { $leaders ->
    [one] 1 more group leader
   *[other] { $leaders } more group leaders
} with room
fix-more-for-a-group = { $missing ->
    [one] 1 more applicant is
   *[other] { $missing } more applicants are
} needed to start a group (at least { $min_size })
fix-municipality-cap = raise the cap per municipality from { $from } to { $to } (with { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} in the programme)
fix-unit-cap = raise the cap per unit from { $from } to { $to } (with { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} in the programme)
fix-more-leaders = recruit { $leaders ->
    [one] 1 group leader
   *[other] { $leaders } group leaders
} qualified for “{ $qualification }” (or give the present leaders room for more groups)
fix-more-sessions = open { $sessions ->
    [one] 1 more session
   *[other] { $sessions } more sessions
} of { $course } ({ $seats } seats per session)
fix-max-sessions = raise the most sessions of { $course } to { $to }
fix-more-course-participants = { $course }: { $missing ->
    [one] 1 more participant is
   *[other] { $missing } more participants are
} needed for a session (at least { $min_size })
fix-trainer-days = { $course }: { $days ->
    [one] 1 more trainer day
   *[other] { $days } more trainer days
} (more qualified trainers or more days per trainer)
fix-qualify-trainers = qualify { $trainers ->
    [one] 1 more trainer
   *[other] { $trainers } more trainers
} for { $course }
fix-venue = { $course }: book a venue with at least { $seats } seats

## Fixed course sessions (pins) that cannot all hold

pin-no-demand = { $pin } ({ $path }): attendee { $attendee } has no demand for course { $course }
pin-cannot-place = { $pin } ({ $path }) cannot be placed: { $why }{ $others }; change or remove one of these pins
pin-competes = — it competes with { $others }
pin-no-placement = no placement found
pin-no-fit = no session of the course fits the pinned dates, venue and trainers
pin-attendee-blocked = attendee { $attendee } cannot attend from { $date }: { $why }
pin-trainers-busy = { $n ->
    [one] trainer { $trainers } is not free
   *[other] trainers { $trainers } are not free
} for { $days ->
    [one] 1 day
   *[other] { $days } days
} from { $date } (another pinned session, unavailability or their maximum days)
pin-too-few-trainers = too few qualified trainers are free for the session from { $date }
pin-venue = venue { $venue } or the course's session limit does not allow a session from { $date }
pin-attendee-twice = attendee { $attendee } is pinned into two sessions of the course
pin-below-minimum = only { $n ->
    [one] 1 participant
   *[other] { $n } participants
} can attend a session from { $date }, the course's minimum group is { $min }
pin-block-full = the session is full
pin-block-outside-window = outside the window from employment start to the course's deadline
pin-block-unavailable = unavailable on a session day (or has a pinned mentor or group meeting then)
pin-block-clash = another pinned session on the same day
pin-block-month-limit = over the course days allowed in a month
pin-block-round-days-limit = over the course days allowed in the round
pin-block-course-count-limit = over the courses allowed in the round
pin-block-unit-cap = too many colleagues of the unit are away on course that day
pin-block-prerequisite = a prerequisite is neither completed nor attended before
pin-block-term-limit = over the courses, course days or areas allowed in a term
## trappa serve (docs/serve.md)

serve-listening = trappa serve listens on { $url } (stop with Ctrl-C)
serve-bad-addr = --addr { $addr } is not an address: write e.g. 127.0.0.1:8080
serve-needs-password = --addr { $addr } is reachable from other computers: give --password or --password-file, or listen on 127.0.0.1
serve-nav-rounds = Rounds
serve-logout = Log out
serve-login = Log in
serve-login-title = Log in
serve-login-wrong = Wrong password.
serve-login-needed = Log in first.
serve-password = Password
serve-cross-origin = The form came from another site and was refused.
serve-csrf = The form lacks a valid security token (it may be old): reload the page and try again.
serve-error-title = Something went wrong
serve-back-to-rounds = To the rounds
serve-back-to-round = To the round
serve-back-to-plan = To the plan
serve-internal = Internal error: { $error }
serve-not-found = No such page.
serve-rounds-title = Rounds
serve-rounds = All rounds
serve-no-rounds = No rounds yet.
serve-new-round = New round
serve-new-round-help = Upload the round's workbook, or all its CSV files at once (and the rules file regler.json; without it the template's rules are used), or start from the template.
serve-download-template = Download the template (mall.xlsx)
serve-workbook = Workbook (.xlsx) or CSV files
serve-rules-file = Rules file regler.json (optional)
serve-upload = Upload
serve-from-template = Start from the template
serve-no-workbook = Choose a workbook (or the round's CSV files) to upload.
serve-two-rules-files = Choose only one rules file (regler.json).
serve-csv-twice = { $name } was uploaded twice: choose each CSV file once.
serve-not-a-workbook = { $name } is not a workbook: upload an .xlsx file (or .xls/.ods), or only the round's CSV files (deltagare.csv, …)
serve-upload-too-large = The file is too large: at most { $mb } MB is accepted. Nothing was stored.
serve-upload-broken = The upload could not be read ({ $error }). Nothing was stored.
serve-workbook-bad-title = The workbook has errors
serve-workbook-problems = { $n ->
    [one] The workbook has 1 error. Nothing was stored; correct the cell and upload again.
   *[other] The workbook has { $n } errors. Nothing was stored; correct the cells and upload again.
}
serve-col-sheet = Sheet
serve-col-row = Row
serve-col-column = Column
serve-col-value = Value
serve-col-expected = Expected
serve-col-round = Round
serve-col-created = Created
serve-col-versions = Versions
serve-col-version = Version
serve-col-kind = Kind
serve-col-status = State
serve-col-finished = Finished
serve-col-when = When
serve-col-what = What
serve-col-detail = Details
serve-col-date = Date
serve-col-time = Time
serve-col-where = Where
serve-col-name = Name
serve-col-role = Role
serve-col-change = Change
serve-col-dates = Dates that change
serve-versions = Versions
serve-audit = Log
serve-kind-plan = new plan
serve-kind-replan = re-plan from { $today }
serve-status-uploaded = uploaded, not planned
serve-status-queued = queued
serve-status-planning = planning
serve-status-done = planned
serve-status-failed = failed
serve-audit-uploaded = uploaded
serve-audit-planned = planned
serve-audit-replanned = re-planned
serve-audit-failed = failed
serve-audit-downloaded = downloaded
serve-version-title = { $round }, version { $n }
serve-plan = Plan
serve-time-limit = Time limit in seconds
serve-time-limit-none = none: fixed budgets
serve-advanced = Advanced
serve-strategy-matching = Mentorship strategy
serve-strategy-timetable = Course session strategy
serve-strategy-groups = Group strategy
serve-plan-start = Start planning
serve-bad-time-limit = The time limit "{ $value }" is not a positive number of seconds (at most 30 days).
serve-queued = { $n ->
    [one] Queued: another plan is being planned right now; this one is next.
   *[other] Queued: another plan is being planned right now; this one is number { $n } in the queue.
}
serve-elapsed = { $seconds } s
serve-cancel = Cancel and keep the best plan
serve-cancel-help = The page updates itself while the plan is made.
serve-cancelled-queued = Cancelled before planning began.
serve-stopped-kept = Cancelled: the best plan so far was kept.
serve-failed-restart = The server stopped while the plan was being made; upload again or re-plan.
serve-plan-panicked = Planning was stopped by an internal error.
serve-check-failed = The independent checker rejected the plan ({ $n } violations), so it is not shown: { $first }
serve-failed = Planning failed:
serve-not-planned = The version is not planned.
serve-not-replan = The version is not a re-plan.
serve-downloads = Downloads
serve-download-zip = The whole plan (zip)
serve-person = Find a person
serve-person-search = Name
serve-search = Search
serve-person-title = People: { $q }
serve-person-none = Nobody in the plan has a name containing "{ $q }".
serve-person-no-entries = Nothing in the calendar.
serve-person-calendar = The calendar (.ics)
serve-person-explain = Explanation
serve-report = The report
serve-report-own-page = Open the report on a page of its own
serve-replan = Re-plan
serve-replan-help = Upload the changed workbook and choose the date: everything before it is kept as it was, and as few people as possible get new dates.
serve-replan-needs-plan = The round needs a finished plan before it can be re-planned.
serve-replan-previous = Start from
serve-replan-today = Re-plan from
serve-replan-start = Re-plan
serve-replan-bad-previous = Choose a finished version to re-plan from.
serve-replan-bad-date = "{ $value }" is not a date: write YYYY-MM-DD.
serve-compare = Compare two versions
serve-compare-a = Earlier
serve-compare-b = Later
serve-compare-button = Compare
serve-compare-bad = Choose two finished versions of the round.
serve-compare-title = { $round }: version { $a } against { $b }
serve-diff-title = Who must be told what (version { $a } → { $b })
serve-diff-none = Nobody needs to be told anything: no dates change.
serve-changed-calendars = { $n ->
    [one] Download the changed person's calendar (zip)
   *[other] Download the { $n } changed people's calendars (zip)
}

## The checker's violations (trappa check): identifiers as in the files, so a position can be found.

check-bound-below-maximum = { $what } stated bound { $bound } lies below its recomputed maximised total { $objective }: no bound can
check-bound-above-minimum = { $what } stated bound { $bound } lies above its recomputed minimised cost { $objective }: no bound can
check-instance-mismatch = the plan was made for an instance with SHA-256 { $planned }, this one has { $this }
check-pin-pair-missing = { $path }: the fixed pair { $mentor }–{ $mentee } is not in the plan
check-pin-pair-meeting = { $path }: the pinned meeting on { $date } of { $mentor }–{ $mentee } is not among the pair's meetings
check-pin-session-none = no session of the plan has the pinned course, dates, venue, trainers and attendees
check-pin-session-taken = { $n ->
    [one] the session that fits it ({ $sessions }) realises another fixed session
   *[other] the sessions that fit it ({ $sessions }) realise other fixed sessions
}
check-pin-session = fixed session { $label } (course { $course }): { $why }
check-pin-group-no-plan = group programme { $programme } has fixed groups but no plan
check-pin-group-split = { $path }: the members { $members } are not all in one group of { $programme }
check-pin-group-shared = { $path } and { $other } are both in group { $group }; fixed groups must be distinct
check-pin-group-leader = { $path }: group { $group } is led by { $by } instead of the pinned leader { $leader }
check-pin-group-no-leader = { $path }: group { $group } is led by no one instead of the pinned leader { $leader }
check-pin-group-meeting = { $path }: the pinned meeting on { $date } is not among group { $group }'s meetings
check-day-saturday = a Saturday
check-day-sunday = a Sunday
check-day-new-year = New Year's Day
check-day-epiphany = Epiphany
check-day-may-day = May Day
check-day-national-day = National Day
check-day-christmas-eve = Christmas Eve
check-day-christmas-day = Christmas Day
check-day-boxing-day = Boxing Day
check-day-new-years-eve = New Year's Eve
check-day-good-friday = Good Friday
check-day-easter-monday = Easter Monday
check-day-ascension = Ascension Day
check-day-midsummer-eve = Midsummer Eve
check-day-round-closed = a closed date of the round
check-day-closed = a closed date
check-day-outside-round = outside the round
check-of-timetable = the timetable's
check-of-mentorship = the mentorship's
check-of-groups = group programme { $programme }'s
check-pair-closed-day = { $mentor }–{ $mentee } meets on { $date }, { $why }
check-group-closed-day = { $group } meets on { $date }, { $why }
check-session-closed-day = session { $session } meets on { $date }, { $why }
check-pair-unknown-person = pair { $mentor }–{ $mentee } names someone not in the instance
check-mentee-not-eligible = { $mentee } is paired but does not want a mentor or is in phase "{ $phase }", not among { $phases }
check-mentee-twice = { $mentee } has more than one mentor
check-mentor-over-capacity = mentor { $mentor } has { $n } mentees, capacity { $cap }
check-mentor-two-from-municipality = mentor { $mentor } has mentees { $first } and { $second } from { $municipality }; the programme allows one mentee per municipality
check-mentor-no-capacity = mentor { $mentor } has capacity { $cap }
check-pair-same-unit = mentor { $mentor } and mentee { $mentee } both work in unit { $unit }
check-pair-same-municipality = mentor { $mentor } and mentee { $mentee } are both in { $place }
check-mentor-untrained = mentor { $mentor } has not taken the mentor training
check-mentor-too-few-years = mentor { $mentor } has { $years } years in the profession, fewer than { $min }
check-pair-excluded = the pair { $mentor }–{ $mentee } is excluded
check-pair-too-far = mentor { $mentor } would travel { $minutes } min to mentee { $mentee }, more than the maximum { $max }
check-pair-meeting-count = { $mentor }–{ $mentee } has { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
}; the rules ask for { $min }–{ $max }
check-pair-meeting-phase = { $mentor }–{ $mentee } meets on { $date }, when { $mentee } is in phase "{ $phase }", which has no mentors
check-pair-outside-round = { $mentor }–{ $mentee } meets on { $date }, outside the round { $start }–{ $end }
check-pair-same-month = { $mentor }–{ $mentee } meets twice in { $month }
check-pair-meetings-unordered = { $mentor }–{ $mentee }: meetings are not in ascending order ({ $prev }, { $date })
check-pair-meetings-close = { $mentor }–{ $mentee } meets on { $prev } and { $date }, { $days ->
    [one] 1 day
   *[other] { $days } days
} apart; the minimum is { $min }
check-pair-unavailable = { $who } is unavailable on { $date }, a meeting of { $mentor }–{ $mentee }
check-pair-double-booked = { $who } has two meetings on { $date }
check-pair-unknown-place = { $mentor }–{ $mentee } meets in unknown municipality "{ $place }"
check-pair-place-policy = { $mentor }–{ $mentee } meets in { $place } against the policy { $policy }
check-unmatched-unknown = { $id } is listed as unmatched but is not a participant of the instance
check-unmatched-not-eligible = { $id } is listed as unmatched but is not an eligible mentee
check-unmatched-paired = { $id } is listed as unmatched but has a mentor in the plan
check-unmatched-twice = { $id } is listed as unmatched but is listed twice
check-unmatched-missing = { $id } is eligible for a mentor but neither paired nor listed as unmatched
check-reason-mentors-allowed = { $n ->
    [one] mentor { $mentors } is allowed by every hard rule
   *[other] mentors { $mentors } are allowed by every hard rule
}
check-reason-lists-full = it lists full mentors { $mentors }
check-reason-excluded-by = its excluded_by counts { $n ->
    [one] 1 mentor
   *[other] { $n } mentors
}; the round has { $total }
check-reason-none-allowed = no mentor is allowed by the hard rules
check-reason-full-list = full_mentors lists { $listed }; the allowed mentors are { $allowed }
check-reason-mentor-free = mentor { $mentor } has { $n ->
    [one] 1 mentee
   *[other] { $n } mentees
}, capacity { $cap }
check-reason-unknown = "{ $code }" is not a reason code
check-unmatched-reason = { $mentee } is listed as unmatched with reason "{ $reason }", which does not hold: { $why }
check-not-eligible-unknown = { $id } is listed as not eligible for a mentor but is not a participant of the instance
check-not-eligible-no-wish = { $id } is listed as not eligible for a mentor but does not want a mentor
check-not-eligible-is-eligible = { $id } is listed as not eligible for a mentor but is eligible (phase { $phase })
check-not-eligible-phase = { $id } is listed as not eligible for a mentor but is in phase { $phase }, not { $listed }
check-not-eligible-twice = { $id } is listed as not eligible for a mentor but is listed twice
check-not-eligible-missing = { $id } wants a mentor but is in phase { $phase }, not among { $phases }, and is not listed as not eligible
check-not-maximum = { $matched } mentees are matched but { $best } could be, and the plan's status does not state it (matched_maximum)
check-not-maximum-stated = the plan's status states that { $stated } mentees could be matched ({ $optimality }, { $matched } matched); the checker finds { $best }
check-objective-counts = the plan reports { $matched } matched and { $unmatched } unmatched but lists { $pairs } pairs and { $listed } unmatched
check-objective-cost = the plan reports cost { $reported }, recomputed { $recomputed }
check-objective-term = term { $term }: the plan reports { $reported }, recomputed { $recomputed }
check-why-phase = phase { $phase } on { $date }
check-why-months = { $months } months in the profession
check-why-themes = no interest in the programme's themes
check-why-role = role
check-groups-unknown-programme = the plan has groups for unknown programme { $programme }
check-groups-too-many = { $programme }: { $n ->
    [one] 1 group
   *[other] { $n } groups
}, the programme asks for at most { $max }
check-group-size = { $group } has { $n ->
    [one] 1 member
   *[other] { $n } members
}, the programme's groups hold { $min }–{ $max }
check-group-member-unknown = { $group }: { $id } is not a participant
check-group-member-not-eligible = { $group }: { $id } is not eligible ({ $why })
check-group-member-not-enrolled = { $group }: { $id } is not enrolled
check-group-member-twice = { $programme }: { $id } is in more than one group
check-group-mixing-municipality = { $group } has { $n ->
    [one] 1 member
   *[other] { $n } members
} from municipality { $municipality }, at most { $cap }
check-group-mixing-unit = { $group } has { $n ->
    [one] 1 member
   *[other] { $n } members
} from unit { $unit }, at most { $cap }
check-group-place-venue = { $group } meets in { $place }, the programme's venue is { $venue }
check-group-place-travel = { $group } meets in { $place }; another municipality gives the members less travel
check-group-place-unknown = { $group } meets in unknown municipality { $place }
check-group-no-leader = { $group } has no leader
check-group-co-leaders-only = { $group } has further leaders but no leader
check-group-leader-count = { $group } has { $n ->
    [one] 1 leader
   *[other] { $n } leaders
}, the programme has { $per_group } per group
check-group-leader-twice = { $group }: leader { $leader } is named twice
check-group-leader-unknown = { $group }: leader { $leader } is unknown
check-group-leader-unqualified = { $group }: leader { $leader } is not qualified for "{ $qualification }"
check-leader-over-max = leader { $leader } leads { $n ->
    [one] 1 group
   *[other] { $n } groups
}, at most { $max }
check-group-meeting-count = { $group } has { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
}, the rules ask for { $min }–{ $max }
check-group-outside-round = { $group } meets on { $date }, outside the round
check-group-meeting-gap = { $group } meets on { $prev } and { $date }: one a month, at least { $min } days apart
check-group-series-gap = { $group } meets on { $prev } and { $date }, more than { $max } days apart
check-group-start-staged = { $group } starts on { $date }, but the programme's groups start with the round
check-group-start-outside = { $group } starts on { $date }, outside the round
check-group-before-start = { $group } meets on { $date }, before its start { $start }
check-group-session-unknown = { $group } names session { $session }, not a session of the linked course
check-group-session-none = { $group } names session none, not a session of the linked course
check-group-session-start = { $group } does not start on its session's first day { $date }
check-group-session-absent = { $group }: { $id } did not attend the session
check-group-leader-unavailable = { $group }: leader { $leader } is unavailable on { $date }
check-leader-double-booked = leader { $leader } has two group meetings on { $date }
check-group-conflict-unlisted = { $group }: { $id } is unavailable on { $date } and the conflict is not listed
check-groups-no-plan = group programme { $programme } has no plan
check-why-not-participant = is not a participant of the instance
check-why-not-enrolled = is not enrolled
check-why-in-group = is in a group
check-why-listed-twice = is listed twice
check-why-eligible = they are eligible
check-why-out-of-scope = not in the programme's scope
check-why-not-eligible = they are not eligible ({ $why })
check-why-groups-to-join = the programme has { $n ->
    [one] 1 group
   *[other] { $n } groups
} they could join
check-why-free-seat = a group has a free seat within the mixing caps
check-why-no-enrolment-list = the programme has no enrolment list to be listed from
check-why-is-eligible = is eligible
check-group-unserved-wrong = { $programme }: { $id } is listed as unserved ("{ $reason }") but { $why }
check-group-unserved-missing = { $programme }: { $id } is eligible but neither in a group nor listed as unserved
check-group-not-eligible-wrong = { $programme }: { $id } is listed as not eligible but { $why }
check-group-not-eligible-missing = { $programme }: { $id } is enrolled but not eligible ({ $why }) and not listed as not eligible
check-groups-objective = { $programme }: the plan reports diversity { $diversity }, travel { $travel }; recomputed { $recomputed_diversity }, { $recomputed_travel }
check-group-and-mentor-meeting = { $who } has a mentor meeting and a group meeting on { $date }
check-timetable-missing = the instance has { $n ->
    [one] 1 course demand
   *[other] { $n } course demands
} but the plan has no timetable
check-session-id-twice = session id { $session } is used twice
check-session-unknown-course = session { $session } names an unknown course "{ $course }" or venue "{ $venue }"
check-session-unknown-trainer = session { $session } names an unknown trainer "{ $trainer }"
check-session-unknown-participant = session { $session } names an unknown participant "{ $id }"
check-session-days = session { $session } has { $n ->
    [one] 1 day
   *[other] { $n } days
}; { $course } has { $days }
check-session-pattern = session { $session }: { $first } and { $second } do not follow the { $pattern } pattern of { $course }
check-session-size = session { $session } has { $n ->
    [one] 1 attendee
   *[other] { $n } attendees
}; { $course } needs { $min }–{ $max } and { $venue } seats { $seats }
check-session-trainer-count = session { $session } has trainers { $trainers }; { $course } needs { $n ->
    [one] 1 trainer
   *[other] { $n } different trainers
}
check-trainer-unqualified = trainer { $trainer } teaches session { $session } but is not qualified for { $course }
check-venue-conflict = venue { $venue } hosts sessions { $other } and { $session } on { $date }
check-venue-unavailable = venue { $venue } is unavailable on { $date }, a day of session { $session }
check-trainer-conflict = trainer { $trainer } teaches sessions { $other } and { $session } on { $date }
check-trainer-unavailable = trainer { $trainer } is unavailable on { $date }, a day of session { $session }
check-trainer-max-days = trainer { $trainer } teaches { $n ->
    [one] 1 day
   *[other] { $n } days
}, more than the maximum { $max }
check-course-max-sessions = { $course } runs { $n ->
    [one] 1 session
   *[other] { $n } sessions
}, more than its maximum { $max }
check-attendee-phase = { $id } attends { $session } but is in phase { $phase } on { $date }, not among { $phases }
check-attendee-not-demanded = { $id } attends { $session } but has no demand for { $course }
check-attendee-window = { $id } attends { $session } outside the window (employment start { $start }, deadline) of { $course }
check-attendee-twice = { $id } attends { $course } twice ({ $first } and { $second })
check-attendee-unavailable = { $id } is unavailable on { $date }, a day of session { $session }
check-attendee-double-booked = { $id } has sessions { $other } and { $session } on { $date }
check-mentor-meeting-and-session = { $who } has a mentor meeting and session { $session } on { $date }
check-prerequisite = { $id } attends { $session } without having completed its prerequisite { $prerequisite }
check-workload-month = { $id } has { $n ->
    [one] 1 course day
   *[other] { $n } course days
} in { $month }, more than { $max }
check-no-limit = none
check-workload-round = { $id } has { $days ->
    [one] 1 course day
   *[other] { $days } course days
} and { $courses ->
    [one] 1 course
   *[other] { $courses } courses
} in the round; the limits are { $max_days } and { $max_courses }
check-unit-absence = { $n ->
    [one] 1 person
   *[other] { $n } people
} of unit { $unit } are on course on { $date }; at most { $cap } may be away
check-unserved-unknown = unserved entry { $id }–{ $course } names an unknown participant or course
check-unserved-not-asked = { $id } is listed as unserved for { $course }, which they did not ask for
check-unserved-reason = { $id }–{ $course } is listed as unserved with reason "{ $reason }": { $why }
check-unserved-priority = { $id }–{ $course } is listed with priority { $listed }, the instance says { $priority }
check-unserved-attends = { $id } is listed as unserved for { $course } but attends it
check-unserved-missing = { $id } asked for { $course } but neither attends nor is listed as unserved
check-unserved-times = { $id }–{ $course } is listed as unserved { $n } times
check-timetable-term = timetable term { $term }: the plan reports { $reported }, recomputed { $recomputed }
check-timetable-objective = the plan reports a timetable objective of { $reported }, recomputed { $recomputed }
check-timetable-coverage = coverage of { $priority } priority: the plan reports { $reported }, recomputed { $recomputed }
check-any-number = any number
check-course-starts-per-year = { $course } starts { $n ->
    [one] 1 time
   *[other] { $n } times
} from { $from } to { $to }; that part of the round asks for { $min } to { $max }
check-course-start-gap = { $course } starts on { $first } and next on { $next }, { $days ->
    [one] 1 day
   *[other] { $days } days
} later; the course asks for { $min } to { $max } days
check-term-courses = { $n ->
    [one] 1 course
   *[other] { $n } courses
}, more than { $max }
check-term-days = { $n ->
    [one] 1 course day
   *[other] { $n } course days
}, more than { $max }
check-term-areas = courses in { $n ->
    [one] 1 development area
   *[other] { $n } development areas
}, more than { $max }
check-term-workload = { $id } has { $why } in { $term }
check-reason-does-not-hold = "{ $reason }" does not hold for { $id } and { $course }
role-social-secretary = social secretary
role-executor = executor
role-first-line-manager = first-line manager
role-other = other role
check-attendee-role = { $id } attends { $session } but is a { $role }; the course is for { $roles }
why-role-not-eligible = { $course }: the course is for { $roles }, and { $participant } is a { $role }
note-course-role-nobody = course { $course } is for { $roles }, and nobody in the round has that role


## Reading an instance: the problems of a file (code and JSON path stay as they are; docs/errors.md)

load-at-path = at { $path }
load-line-column = line { $line }, column { $column }
load-line = line { $line }
load-cannot-read = cannot read { $path }: { $error }
load-not-an-instance = { $path } is { $what }, not an instance file: { $action }
load-problems = { $path }: { $n } problem(s):
load-what-plan-directory = a plan directory
load-what-csv-directory = a directory of CSV files (a roster)
load-what-directory = a directory
load-what-workbook = a workbook
load-what-csv-file = a CSV file (a roster table)
load-import-first = run `trappa import roster { $path } --out round.json` first and give round.json
load-import-dir-first = run `trappa import roster { $dir } --out round.json` on its directory first and give round.json
load-give-plan-instance = give the instance file (the plan's copy of it is { $copy })
load-give-instance-json = give the instance's JSON file
load-plan-cannot-read = cannot read plan { $path }: { $error }
load-not-a-plan = { $path }: not a trappa plan: { $problems }. Give the plan directory written by `trappa solve` or its plan.json
load-size-mib = { $n } MiB
load-size-bytes = { $n } bytes
load-reader-limit = the reader's limit
load-file-too-large = the file is larger than { $size } ({ $limit }, docs/limits.md)
load-file-too-large-hint = give the right file; a round this large must be split into smaller instances
load-cp1252 = ; in Windows-1252 (Latin-1) it is "{ $char }", so the file was probably saved in that encoding
load-not-utf8 = the file is not UTF-8 text: byte 0x{ $byte } at offset { $offset } is not valid UTF-8{ $hint }
load-not-utf8-hint = save the file as UTF-8 (Notepad: Save as → Encoding UTF-8; LibreOffice: character set Unicode (UTF-8); Excel exports: "CSV UTF-8"); trappa reads JSON as UTF-8 only
load-too-many-values = the file holds { $n } JSON values, over the limit MAX_JSON_VALUES = { $limit }; this is the first over it
load-too-many-values-hint = give the right file; a round this large must be split into smaller instances (docs/limits.md)
load-too-deep = objects and arrays are nested more than { $depth } deep (MAX_JSON_DEPTH)
load-too-deep-hint = the format never nests this deep: look for a run of opening brackets, e.g. from a broken export
load-more-duplicate-keys = { " " }({ $n ->
    [one] 1 more repeated key follows
   *[other] { $n } more repeated keys follow
})
load-duplicate-key = the key "{ $key }" is given twice in one object, first at line { $line }, column { $column }{ $more }
load-duplicate-key-hint = keep one of the two values (JSON readers differ in which one they keep)
load-invalid-json = invalid JSON: { $detail }
load-invalid-json-hint = fix the JSON syntax at the given line and column (a missing comma, quote or bracket is the usual cause)
load-plan-type-hint = give the value the type of the format (docs/format.md); remove misspelt fields
load-serde-missing-field = missing field `{ $field }`
load-serde-unknown-field = unknown field `{ $field }`, { $expected }
load-serde-unknown-variant = unknown variant `{ $value }`, { $expected }
load-serde-expected-one-of = expected one of { $list }
load-serde-expected = expected { $what }
load-serde-no-fields = there are no fields
load-serde-invalid-type = invalid type: { $found }, { $expected }
load-serde-invalid-value = invalid value: { $found }, { $expected }
load-time-shape = expected a time of day as HH:MM, e.g. "13:00", found "{ $found }"
load-date-shape = invalid date "{ $date }": dates are written YYYY-MM-DD, with a four-digit year and a two-digit month and day, e.g. "2027-01-05"
load-date-no-such-day = invalid date "{ $date }": no such day in the calendar
load-date-year = invalid date "{ $date }": the year must lie between { $min } and { $max }
load-not-an-object = the file must hold a JSON object
load-not-an-object-hint = start from an example in instances/
load-format-expected = expected "trappa-instance", found { $found }
load-found-nothing = nothing
load-format-hint = set "format": "trappa-instance" (is this a plan file? use `trappa check INSTANCE PLAN`)
load-version-expected = this build reads format version { $version }, found { $found }
load-found-none = none
load-version-hint = set "version": 2 (a version-1 file is read too, and upgraded), or use the trappa release that wrote the file
load-date-hint = write the date as YYYY-MM-DD, e.g. "2027-01-05" (four-digit year 1900–2200, two-digit month and day)
load-type-hint = give the field the type shown in docs/format.md (dates as "YYYY-MM-DD"); remove misspelt fields
load-out-of-range = { $what } is { $value }, outside { $min }..{ $max }
load-out-of-range-hint = give { $what } a value between { $min } and { $max }
load-empty = { $what } is empty
load-empty-hint = give every item a non-empty { $what }
load-duplicate-id = id "{ $id }" is already used at { $first }
load-duplicate-id-hint = give each item its own id
load-unknown-municipality = unknown municipality "{ $id }"
load-unknown-unit = unknown unit "{ $id }"
load-unknown-phase = unknown phase "{ $id }"
load-unknown-participant = unknown participant "{ $id }"
load-unknown-mentor = unknown mentor "{ $id }"
load-unknown-course = unknown course "{ $id }"
load-unknown-venue = unknown venue "{ $id }"
load-unknown-trainer = unknown trainer "{ $id }"
load-unknown-group-leader = unknown group leader "{ $id }"
load-use-municipality-id = use an id from region.municipalities
load-use-unit-id = use an id from region.units
load-use-phase-id = use a phase id from "phases"
load-use-participant-id = use an id from "participants"
load-use-mentor-id = use an id from "mentors"
load-use-course-id = use an id from "courses"
load-what-id = id
load-what-name = name
load-what-round-name = round name
load-what-phase-id = phase id
load-what-area = area
load-what-latitude = latitude
load-what-longitude = longitude
load-what-cost-share = cost share
load-what-road-factor = road factor
load-what-speed = speed
load-what-travel-minutes = travel minutes
load-what-years-in-profession = years in the profession
load-what-max-travel-minutes = maximum travel minutes
load-what-mentor-min-years = mentor minimum years
load-what-pair-cost = pair cost
load-what-weight = weight
load-what-pair-weight = pair weight
load-what-fixed-cost = fixed cost
load-what-day-cost = day cost
load-what-day-rate = day rate
load-what-unit-absence-share = unit absence share
load-what-mentor-meetings = mentor meetings
load-what-group-meetings = group meetings
load-what-course-days = course days
load-meeting-times = { $what } end at { $end }, not after they start at { $start }
load-course-times = the days of course { $course } end at { $end }, not after they start at { $start }
load-meeting-times-hint = give an end time after the start time (defaults: mentor meetings 13:00–15:00, group meetings 13:00–16:00, course days 09:00–16:00)
load-round-reversed = the round ends ({ $end }) before it starts ({ $start })
load-round-reversed-hint = swap or correct round.start and round.end
load-round-too-long = the round lasts more than three years
load-round-too-long-hint = split the programme into rounds of at most three years
load-no-participants = the round has no participants
load-no-participants-hint = add the round's participants (see instances/ for examples)
load-range-reversed = the range ends ({ $to }) before it starts ({ $from })
load-range-reversed-hint = swap or correct "from" and "to"
load-no-municipalities = the region has no municipalities
load-no-municipalities-hint = list the municipalities taking part
load-population-negative = population is { $value }
load-population-hint = give the number of inhabitants (0 or more)
load-headcount-negative = headcount is { $value }
load-headcount-hint = give the unit's number of staff (at least 1)
load-travel-twice = travel time { $from }–{ $to } is given twice
load-travel-twice-hint = keep one entry per pair of municipalities
load-no-phases = no phases are defined
load-no-phases-hint = list the phases, the first with min_years 0, or leave "phases" out for the default
load-first-phase = the first phase starts at { $years } years
load-first-phase-hint = let the first phase start at 0 years
load-phase-twice = phase "{ $id }" is listed twice
load-phase-twice-hint = give each phase its own id
load-phases-order = phases are not in strictly ascending order of min_years
load-phases-order-hint = order the phases from newest to most experienced
load-date-after-round = { $field } { $date } is after the round ends ({ $end })
load-date-after-round-hint = correct the date, or leave the person out of this round
load-mentor-no-unit = the mentor has no unit
load-mentor-no-unit-hint = give the mentor's unit: the rule 'mentor in another unit' needs it
load-capacity-negative = capacity is { $value }
load-mentor-capacity-hint = give the number of mentees the mentor can take at a time (0 or more)
load-history-mentor = "{ $id }" is a mentor, not a mentee
load-history-mentor-hint = list earlier mentees' participant ids
load-unit-overfull = unit "{ $unit }" has headcount { $headcount } but { $count } people of the round work there
load-unit-overfull-hint = raise the headcount to the unit's real staff number
load-meeting-count = min_meetings { $min } and max_meetings { $max } leave no valid count
load-meeting-count-hint = set 1 ≤ min_meetings ≤ max_meetings (default 8–10)
load-max-meetings = max_meetings is { $max }, more than one a month for three years
load-max-meetings-hint = meetings are monthly: use at most the round's number of months
load-min-days-between = min_days_between is { $days }
load-min-days-between-hint = use 1–62 days (default 21)
load-meetings-do-not-fit = { $n } monthly meetings cannot fit in a round touching { $months ->
    [one] 1 month
   *[other] { $months } months
}
load-meetings-do-not-fit-hint = lower min_meetings or lengthen the round
load-exclusion-twice = exclusion { $mentor }–{ $mentee } is listed twice
load-pair-cost-twice = pair cost { $mentor }–{ $mentee } is listed twice
load-one-entry-per-pair = keep one entry per pair
load-group-size-empty = group size { $min }–{ $max } is empty
load-size-hint = set 1 ≤ min_size ≤ max_size
load-group-sizes-empty = a group size range is empty
load-group-sizes-hint = give every group 1 ≤ min ≤ max, and at least one group
load-zero-groups = zero groups
load-zero-groups-hint = leave "groups" out to let trappa choose, or give at least 1
load-mixing-cap-zero = a mixing cap of 0 admits no one
load-mixing-cap-zero-hint = use a cap of at least 1, or leave it out
load-group-meetings = meetings { $min }–{ $max } at least { $gap } days apart cannot be met
load-group-meetings-hint = set 1 ≤ min ≤ max and a gap of 1–62 days (default 8–10, 21 days)
load-group-meetings-do-not-fit = { $n } monthly meetings cannot fit in the round
load-group-meetings-do-not-fit-hint = lower meetings.min or lengthen the round
load-months-reversed = min_months { $min } exceeds max_months { $max }
load-months-reversed-hint = correct the months in the profession
load-cohort-months = cohorts every 0 months
load-cohort-months-hint = give 1–120 months, or leave it out
load-cohort-and-linked = both cohort_months and linked_course are given
load-cohort-and-linked-hint = a linked programme starts a cohort per session: leave cohort_months out
load-staged-with-groups = groups, group_sizes and fixed_groups cannot be combined with cohorts or a linked course
load-staged-with-groups-hint = leave groups, group_sizes and fixed_groups out: each cohort forms as many groups as its people need
load-leaders-per-group = { $n } leaders per group
load-leaders-per-group-hint = give 1–4 leaders per group
load-max-days-between = at most { $max } days between meetings, but at least { $min } required
load-max-days-between-hint = set max_days_between ≥ min_days_between
load-pair-weight-twice = pair { $a }–{ $b } is listed twice or pairs a person with themself
load-pair-weight-twice-hint = keep one entry per pair of two people
load-max-groups-negative = max_groups is { $value }
load-max-groups-hint = give the number of groups the leader can take (0 or more)
load-course-days = a session of { $course } has { $days } days
load-course-days-hint = give the number of course days of one session (1–60)
load-course-sizes = min_size { $min } and max_size { $max } leave no valid group size
load-no-trainer = a session needs at least one trainer
load-no-trainer-hint = set trainers_per_session to 1 or more
load-deadline-zero = a deadline of 0 months of employment leaves no time for the course
load-deadline-zero-hint = give the months of employment within which the course must be finished, or leave it out
load-max-sessions-zero = max_sessions 0 forbids every session
load-max-sessions-zero-hint = remove the course, or allow at least one session
load-consecutive-over-month = { $course } has { $days } consecutive days, so at least { $in_month } fall in one month, but a participant may have at most { $max } course days a month
load-consecutive-over-month-hint = raise workload.max_course_days_per_month, or give the course the pattern "weekly" or "spread"
load-spread-gap = a spread course needs a gap of at least one day
load-spread-gap-hint = give min_gap_days (default 7)
load-course-over-round = { $course } has { $days } days but a participant may have at most { $max } course days in the round
load-course-over-round-hint = raise workload.max_course_days_per_round or split the course
load-prerequisite-self = course { $course } is its own prerequisite
load-prerequisite-cycle = courses { $courses } and { $last } form a prerequisite cycle: each requires itself through the others
load-prerequisite-cycle-hint = remove one prerequisite of the cycle
load-venue-no-seats = the venue has no seats
load-venue-no-seats-hint = give the number of seats (at least 1)
load-history-twice = { $participant } completed { $course } is listed twice
load-demand-twice = { $participant } asks for { $course } twice
load-one-entry-per-participant-course = keep one entry per participant and course
load-demand-completed = { $participant } asks for { $course }, which the course history says they completed
load-demand-completed-hint = remove the demand, or the history entry if the course is to be retaken
load-phase-demand-twice = phase { $phase } asks for { $course } twice
load-phase-demand-twice-hint = keep one entry per phase and course
load-workload-zero = a workload limit of 0 forbids every course
load-workload-zero-hint = give positive limits (defaults: 6 days a month, 15 days and 2 courses a round)
load-what-starts-a-year = starts a year
load-what-days-between-starts = days between starts
load-cadence-zero = { $course } allows 0 { $what }
load-cadence-zero-hint = allow at least 1 for max_{ $field }, or leave it out
load-cadence-reversed = { $course } asks for at least { $min } and at most { $max } { $what }
load-cadence-reversed-hint = set min_{ $field } ≤ max_{ $field }
load-term-reversed = term { $term } ends on { $end } before it starts on { $start }
load-term-reversed-hint = swap the dates
load-term-overlap = term { $term } starts on { $start }, not after the end of term { $previous } ({ $previous_end })
load-term-overlap-hint = list the terms in date order without overlaps
load-term-limit-zero = a per-term limit of 0 forbids every course
load-term-limit-zero-hint = give per-term limits of at least 1, or leave them out
load-course-over-term = { $course } has { $days } days but a participant may have at most { $max } course days a term
load-course-over-term-hint = raise workload.max_course_days_per_term or split the course
load-over-limit = { $what } is { $found }, over the limit { $limit } = { $value }
load-split-round = split the round (e.g. by sub-region or term) into instances within the limits of docs/limits.md
load-what-number-of = the number of { $items }
load-what-population = the population
load-what-headcount = the headcount
load-what-capacity = the capacity
load-what-number-of-groups = the number of groups
load-what-a-group-size = a group size
load-what-earlier-group-size = an earlier group's size
load-what-together-before-pairs = the number of pairs in together_before (all programmes up to here)
load-population-real-hint = give the municipality's real population
load-headcount-real-hint = give the unit's real staff number
load-mentor-capacity-limit-hint = give the number of mentees the mentor can take at a time
load-max-groups-limit-hint = give the number of groups the leader can take
load-session-size-hint = give the largest group one session takes
load-trainers-per-session-hint = give the number of trainers who teach one session
load-venue-seats-hint = give the venue's real number of seats
load-group-size-limit-hint = give the size of one group
load-groups-limit-hint = give the number of groups to form
load-group-sizes-limit-hint = give one size range per group to form
load-group-size-range-hint = give the size range of one group
load-earlier-group-hint = list the members of one earlier group
load-together-before-hint = list only the earlier groups of people in this round
load-matching-cells = { $mentees } mentees who may get a mentor and { $mentors } mentors with { $places } places make { $cells } matching cells, over the limit MAX_MATCHING_CELLS = { $limit }
load-matching-cells-hint = match in smaller rounds (e.g. one per sub-region), or offer mentors to fewer phases
load-group-members = { $n } participants may join { $programme }, over the limit MAX_GROUP_MEMBERS = { $limit }
load-group-members-hint = split the programme (e.g. by sub-region), or enrol its participants with "enrolled"
load-course-demands = { $n } participants want { $course }, over the limit MAX_COURSE_DEMANDS = { $limit }
load-course-demands-hint = split the course into several courses (e.g. one per sub-region or term)
load-pin-unknown-hint = use an id that the file defines, or remove the pin
load-pin-too-many-meetings = { $n ->
    [one] 1 meeting is pinned
   *[other] { $n } meetings are pinned
}, more than the { $max } allowed
load-pin-too-many-meetings-hint = pin at most the programme's maximum number of meetings
load-pin-outside-round = { $date } lies outside the round ({ $start } – { $end })
load-pin-inside-round-hint = pin a date inside the round
load-pin-closed-day = { $date } is a weekend, a public holiday or a closed date
load-pin-working-day-hint = pin a working day
load-pin-unavailable = { $who } is unavailable on { $date }
load-pin-both-free-hint = pin a date both are free, or change the unavailability
load-pin-same-month = { $first } and { $second } fall in the same month; meetings are monthly
load-pin-same-month-hint = pin at most one meeting a month
load-pin-too-close = { $first } and { $second } are { $days ->
    [one] 1 day
   *[other] { $days } days
} apart, fewer than the minimum { $gap }
load-pin-too-close-hint = move one of the dates further apart
load-pin-mentee-twice = { $mentee } is already pinned to a mentor at { $first }
load-pin-mentee-twice-hint = pin one mentor per mentee
load-pin-no-mentor-wanted = { $mentee } cannot have a mentor: wants_mentor is false
load-pin-phase-not-eligible = { $mentee } cannot have a mentor: phase "{ $phase }" is not among mentorship.eligible_phases early enough in the round for a series
load-pin-cannot-have-mentor-hint = set wants_mentor, add the phase to eligible_phases, or remove the pin
load-pin-why-no-capacity = the mentor's capacity is 0
load-pin-why-not-trained = the mentor has not taken the mentor training, which mentorship.require_training demands
load-pin-why-too-junior = the mentor has { $years } years in the profession, fewer than { $min }
load-pin-why-same-unit = mentor and mentee work in the same unit
load-pin-why-same-municipality = mentor and mentee work in the same municipality, which the programme forbids
load-pin-why-excluded = the pair is listed in mentorship.exclusions
load-pin-why-too-far = the travel time exceeds the mentor's max_travel_minutes ({ $max })
load-pin-pair-breaks-rule = the fixed pair { $mentor }–{ $mentee } breaks a hard rule: { $why }
load-pin-pair-breaks-rule-hint = pin another mentor, or change the rule that forbids the pair
load-pin-mentor-date-twice = mentor { $mentor } already has a pinned meeting on { $date } ({ $first })
load-pin-another-date-hint = pin another date
load-pin-mentor-capacity = mentor { $mentor } has capacity { $capacity } but { $n } fixed pairs ({ $paths })
load-pin-mentor-capacity-hint = raise the mentor's capacity or pin fewer mentees to them
load-pin-session-nothing = the fixed session pins nothing but its course
load-pin-session-nothing-hint = give at least one of dates, venue, trainers or attendees
load-pin-session-date = { $date } is outside the round or a weekend, public holiday or closed date
load-pin-session-date-hint = pin working days of the round
load-pin-session-day-count = { $n ->
    [one] 1 distinct date
   *[other] { $n } distinct dates
} pinned, but course { $course } has { $days ->
    [one] 1 day
   *[other] { $days } days
}
load-pin-session-day-count-hint = pin exactly the course's number of days
load-pin-session-pattern = the dates do not follow course { $course }'s { $pattern } day pattern
load-pin-session-pattern-hint = pin dates that follow the pattern (see docs/format.md, courses)
load-pin-venue-unavailable = venue { $venue } is unavailable on { $date }
load-pin-venue-unavailable-hint = pin another venue or other dates
load-pin-venue-seats = venue { $venue } seats { $capacity } for course { $course } (max size { $max }, min size { $min }), but { $n ->
    [one] 1 attendee is pinned
   *[other] { $n } attendees are pinned
}
load-pin-venue-seats-hint = pin a larger venue or fewer attendees
load-pin-attendees-over = { $n ->
    [one] 1 attendee is pinned
   *[other] { $n } attendees are pinned
}, more than course { $course }'s max size { $max }
load-pin-attendees-over-hint = pin at most the course's max size
load-pin-trainers-over = { $n ->
    [one] 1 trainer
   *[other] { $n } trainers
} pinned, course { $course } has { $per } per session
load-pin-trainers-over-hint = pin at most trainers_per_session trainers
load-pin-trainer-not-qualified = trainer { $trainer } is not qualified for course { $course }
load-pin-trainer-not-qualified-hint = pin a qualified trainer, or add the course to the trainer's courses
load-pin-trainer-unavailable = trainer { $trainer } is unavailable on { $date }
load-pin-trainer-unavailable-hint = pin another trainer or other dates
load-pin-trainer-days = trainer { $trainer } teaches at most { $max ->
    [one] 1 day
   *[other] { $max } days
}, course { $course } has { $days }
load-pin-trainer-days-hint = pin another trainer
load-pin-no-demand = { $who } has no demand for course { $course } (individual plan or phase default)
load-pin-no-demand-hint = add a line to "demand" for the participant and course, or remove the attendee
load-pin-phase-may-not = { $who }'s phase "{ $phase }" may not take course { $course }
load-pin-phase-may-not-hint = remove the attendee or the course's phase restriction
load-pin-attendee-twice = { $who } is already pinned into a session of course { $course } ({ $first })
load-pin-attendee-twice-hint = pin each attendee into one session of a course
load-pin-outside-window = the pinned dates lie outside { $who }'s window for course { $course } (employment start to deadline)
load-pin-outside-window-hint = pin dates inside the window or remove the attendee
load-pin-other-dates-hint = pin other dates or remove the attendee
load-pin-also-in = { $who } is also pinned into { $first } on { $date }
load-pin-also-in-hint = a person attends one session a day: change one of the pins
load-pin-meeting-on-course-day = { $who } is pinned to a course day on { $date } and to a meeting on that day ({ $meeting })
load-pin-meeting-on-course-day-hint = move the session or the meeting
load-pin-groups-over = { $n ->
    [one] 1 fixed group
   *[other] { $n } fixed groups
}, but the programme forms { $max }
load-pin-groups-over-hint = pin fewer groups or raise "groups"
load-pin-group-empty = a fixed group with no members
load-pin-group-empty-hint = list the members who belong together
load-pin-group-too-big = { $n ->
    [one] 1 member pinned
   *[other] { $n } members pinned together
}, more than the programme's largest group ({ $largest })
load-pin-group-too-big-hint = split the fixed group or raise max_size
load-pin-member-twice = { $who } is also pinned into { $first }
load-pin-member-twice-hint = a participant is in one group of a programme: keep one pin
load-pin-not-enrolled = { $who } is not enrolled in programme { $programme }
load-pin-not-enrolled-hint = add the participant to "enrolled" or remove them from the fixed group
load-pin-not-eligible = { $who } is not eligible for programme { $programme }: { $why }
load-pin-not-eligible-hint = remove them from the fixed group or widen the eligibility
load-pin-member-mentor-meeting = member { $who } has a pinned mentor meeting on { $date } ({ $pair })
load-pin-member-mentor-meeting-hint = pin another date for one of the two
load-what-unit = unit
load-what-municipality = municipality
load-pin-cap = { $n } members from one { $what }, more than the programme's cap of { $cap }
load-pin-cap-hint = change the members or the mixing cap
load-pin-leader-qualification = leader { $leader } lacks the qualification "{ $qualification }"
load-pin-leader-qualification-hint = pin a qualified leader, or add the qualification
load-pin-leader-over = leader { $leader } leads at most { $max } groups but is pinned to { $n } ({ $paths })
load-pin-leader-over-hint = pin another leader or raise max_groups

# Course roles at load
load-pin-role = { $who } is a { $role } participant and may not take course { $course }, which is for other roles
load-pin-role-hint = remove the attendee, or add the role to the course's "roles"
load-course-role = { $who } is a { $role } participant, but course { $course } is for the roles { $roles }
load-course-role-hint = remove the line, or add the participant's role to the course's "roles"


# Months and weekdays (1 = January, 1 = Monday); the report's remaining texts, the re-plan's
# notes and pin errors in mentorship and groups.
month-name = { $n ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
month-short = { $n ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
weekday-short = { $n ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
strategy-replan = re-plan with the fewest changes
pins-cannot-hold = the pinned parts of the plan cannot all hold: { $why }
report-col-person = Person
report-col-role = Role
report-col-removed = Removed/changed
report-col-new = New
report-new-dates-only = Only new dates
report-what-changed = What changed and why
report-card-participants = Participants
report-card-served = Participants with at least one activity
report-card-pairs = Mentor pairs
report-card-mentor-meetings = Mentor meetings
report-card-groups = Groups
report-card-group-meetings = Group meetings
report-card-sessions = Course sessions
report-card-course-seats = Course seats
report-by-phase = Participants by phase
report-col-phase = Phase
report-col-participants = Participants
report-col-with-mentor = With a mentor
report-col-in-group = In a group
report-col-with-seat = With a course seat
report-col-any = At least one activity
report-parts = Parts of the plan
report-col-part = Part
report-col-scope = Scope
report-col-status = Status
report-part-pairs = { $pairs ->
    [one] 1 mentor pair
   *[other] { $pairs } mentor pairs
}, { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}
report-part-group-people = { $members ->
    [one] 1 participant
   *[other] { $members } participants
}, { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}
report-part-courses = Courses
report-part-sessions = { $sessions ->
    [one] 1 course session
   *[other] { $sessions } course sessions
}, { $days ->
    [one] 1 course day
   *[other] { $days } course days
}; { $served } of { $demanded } course requests met
report-part-no-timetable = no timetable in this plan
report-part-no-groups = no group programmes in this plan
report-none = None.
report-suggestion = Suggestion:
report-unserved-intro = The number per reason; open a row to see whom it concerns and the planner's explanation. Below the reason is a suggestion of what would give them a place, when the plan's and the instance's figures give one.
report-unmatched = Mentorship: without a mentor
report-phase-message = phase { $phase }: { $message }
report-mentorship-not-eligible = Mentorship: want a mentor but are not eligible
report-group-unserved = Groups, { $programme }: without a group
report-group-not-eligible = Groups, { $programme }: enrolled but not eligible
report-course-demand = { $course } ({ $priority } priority): { $message }
report-timetable-unserved = Courses: course requests not placed
report-kr = { $kr } kr
report-participants = { $n ->
    [one] 1 participant
   *[other] { $n } participants
}
people-shortfall = { " " }– too few meetings: { $why }
people-mentor = Mentor: { $mentor } ({ $home }), { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
} in { $place }{ $shortfall }
people-mentee = Mentee: { $mentee } ({ $home }), { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
} in { $place }{ $shortfall }
people-no-mentor = No mentor ({ $reason }): { $message }
people-mentor-not-eligible = Wants a mentor but is not eligible (phase { $phase }): { $message }
people-no-leader = no leader
people-group = Group { $group } ({ $programme }) in { $place }, { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
}; leader { $leader }; members: { $members }
people-no-group = No place in { $programme } ({ $reason }): { $message }
people-course = Course { $course } ({ $session }), { $place }; { $dates }; trainers { $trainers }; { $n ->
    [one] 1 participant
   *[other] { $n } participants
}
people-no-seat = Not placed in { $course } ({ $reason }): { $message }
people-intro = Each person's days in the round: course days, mentor meetings and group meetings with place and with whom, and what the plan could not give them. Open a person for the calendar; the link <code>#person-ID</code> leads straight there. The same days are in the plan's calendar files (<code>calendars/ID.ics</code>).
people-search-placeholder = Search name, id or municipality
people-search-label = Search person
people-search-count = %shown of %total
people-participants = Participants
people-mentors = Mentors
people-leaders = Group leaders
people-trainers = Trainers
people-others = Others
people-about-mentor = mentor, { $municipality }, { $unit }
people-about-leader = group leader, { $municipality }
people-about-trainer = trainer
people-about-unknown = not in the instance
people-missing = { $n } not placed
people-no-entries = No course days or meetings in the plan.
people-col-when = Date and time
people-col-activity = Activity
people-col-place = Place
people-col-with = With
people-with-group = the group { $group } ({ $n } people)
people-with-trainers = { $n ->
    [one] trainer
   *[other] trainers
} { $trainers }
timeline-session-title = { $course } ({ $session }): { $dates }; { $venue }; { $n ->
    [one] 1 participant
   *[other] { $n } participants
}; { $count ->
    [one] trainer
   *[other] trainers
} { $trainers }
timeline-series-mentor = Mentor meetings
timeline-series-group = Group meetings: { $programme }
pin-pair-same-municipality = mentor { $mentor } has two pinned mentees from one municipality, the second being { $mentee }, and a mentor takes one mentee per municipality
pin-pair-forbidden = the pinned pair { $mentor }–{ $mentee } breaks a hard rule of the mentorship (validation should have said so)
pin-pair-capacity = mentor { $mentor } has more pinned pairs than { $capacity ->
    [one] the 1 place
   *[other] the { $capacity } places
} they have
pin-leader-too-many = leader { $leader } is pinned to { $n } fixed groups but leads at most { $max }
pin-groups-too-few = { $pins } fixed groups but only { $m ->
    [one] 1 group
   *[other] { $m } groups
} can be formed ({ $n } eligible participants, { $places ->
    [one] 1 leader place
   *[other] { $places } leader places
})
pin-group-programme = group programme { $programme }: { $why } (fixed groups: { $pins })
pin-group-member-not-eligible = pinned member { $member } is not an eligible candidate of the programme
pin-groups-mixing-caps = the mixing caps leave { $n } participants, too few for the { $m ->
    [one] 1 group
   *[other] { $m } groups
} the fixed groups need
pin-group-too-large = no group of the programme can hold the { $n } members of { $path }
replan-pair-ends-left = pair { $mentor }–{ $mentee } ends: one of the two is no longer in the round
replan-pair-ends-pinned = pair { $mentor }–{ $mentee } ends: { $mentee } is pinned to another mentor
replan-pair-ends-rule = pair { $mentor }–{ $mentee } ends: the changed round forbids it ({ $rule })
replan-pair-ends-not-eligible = pair { $mentor }–{ $mentee } ends: { $mentee } no longer asks for or may have a mentor
replan-pair-ends-municipality = pair { $mentor }–{ $mentee } ends: mentor { $mentor } keeps { $other } from the same municipality, and a mentor takes one mentee per municipality
replan-pair-ends-capacity = pair { $mentor }–{ $mentee } ends: mentor { $mentor }'s capacity is now { $capacity }
replan-pair-shortfall = only { $n } of the required { $min } meetings were planned for this pair
replan-pair-redated = pair { $mentor }–{ $mentee }: a planned meeting no longer fits (unavailability, a course or group day, a closed date); the meetings from { $today } on are dated again
replan-pair-shortfall-after = only { $n } of the required { $min } meetings fit after re-planning from { $today }
replan-rule-no-capacity = the mentor has no places
replan-rule-not-trained = the mentor has not taken the mentor training
replan-rule-too-junior = the mentor has too few years in the profession
replan-rule-same-unit = the same unit
replan-rule-same-municipality = the same municipality
replan-rule-excluded = the pair is excluded
replan-rule-too-far = the travel time is too long
replan-programme-new = group programme { $programme } has no groups in the previous plan; re-planning keeps groups, it does not form a programme: run `trappa solve` for it
replan-programme-added = programme { $programme } was added after the round was planned
replan-group-eligible-later = becomes eligible on { $date }, after every running group of { $programme } started
replan-group-no-seat = no running group of { $programme } has a free seat within the mixing caps; a new group needs at least { $min } people
replan-member-leaves = { $member } leaves group { $group }: no longer in the round or no longer eligible
replan-pin-no-group = { $path }: the running groups of { $programme } cannot hold this fixed group as well; change the pin or run `trappa solve`
replan-pin-members-leave = members of the fixed group { $path } leave group { $group }
replan-pin-no-room = { $path }: no other group has room for { $people }, who would make room for the fixed group; change the pin or run `trappa solve`
replan-pin-too-large = { $path }: the fixed group has { $n } members, more than the maximum { $max }
replan-pin-moves-out = { $member } moves out of group { $group } to make room for the fixed group { $path }
replan-group-dissolved = group { $group } has { $n ->
    [one] 1 member
   *[other] { $n } members
}, fewer than the minimum { $min }: it is dissolved and its members placed in other groups where there is room
replan-group-new-leader = group { $group } gets leader { $leader } (the previous leader can no longer lead it)
replan-group-redated = group { $group }: a planned meeting no longer fits the leader; meetings from { $today } on are dated again
replan-group-shortfall = only { $n } of the required { $min } meetings fit on days the leader is free
replan-session-course-gone = session { $session } of course { $course } is dropped: the course is no longer in the instance
replan-session-started-broken = session { $session } has started and is kept as it is, but a trainer or the venue is no longer available on one of its remaining days: arrange a substitute by hand
replan-session-past-gone = session { $session } lies before { $today } but its days or venue are no longer in the instance; it is left out of the plan
replan-repair-trainers = other trainers
replan-repair-venue = another venue
replan-repair-days = other days
replan-session-repaired = session { $session } is repaired with { $what }: the planned one breaks a rule of the changed round
replan-session-cancelled = session { $session } cannot run on any day with a free qualified trainer and venue; it is cancelled and its participants are seated elsewhere where possible
replan-session-too-small = a planned session of { $course } starting { $date } has { $n ->
    [one] 1 participant
   *[other] { $n } participants
}, fewer than the minimum { $min }: it is cancelled
replan-other-round = the previous plan is for round "{ $previous }", the instance is round "{ $round }"
serve-csv-bad-title = The files have errors
serve-csv-problems = { $n ->
    [one] The files have 1 error. Nothing was stored; correct the cell and upload again.
   *[other] The files have { $n } errors. Nothing was stored; correct the cells and upload again.
}

# Group programmes: why someone has no group
groups-msg-eligible-after-start = becomes eligible on { $date }, after the programme's groups start; it has no later cohorts
groups-msg-few-on = only { $n } eligible on { $date }; a group needs at least { $min }
groups-msg-eligible-after-last = becomes eligible on { $date }, after the last cohort start { $last } that leaves room for { $meetings } meetings
groups-msg-between-cohorts = eligible from { $from } to { $to }, between the cohort starts
groups-msg-cohort = cohort { $start }: { $note }
groups-msg-too-few = { $n ->
    [one] only 1 eligible participant
   *[other] only { $n } eligible participants
}; a group needs at least { $min }
groups-msg-no-leader = no leader qualified for "{ $qualification }" has room for a group
groups-msg-caps-too-few = { $n ->
    [one] only 1 participant fits
   *[other] only { $n } participants fit
} the mixing caps; a group needs at least { $min }
groups-msg-caps-retry = the mixing caps leave { $n } participants, too few for { $m } groups of at least { $min }; trying { $next }
groups-msg-full = { $m ->
    [one] the group is full
   *[other] all { $m } groups are full
} ({ $seats } seats); earlier employment dates were served first
groups-msg-cap = { $m ->
    [one] the group already holds
   *[other] the { $m } groups already hold
} { $n } people from the same { $what ->
    [municipality] municipality
   *[unit] unit
} (at most { $cap } per group)
groups-note-milp-time = the time limit stopped the MILP before it proved the optimum

# Previous plans (replan, diff): refusals
plan-p001 = { $path } has format "{ $format }" version { $version }, not a "trappa-plan" of version 1
plan-p001-hint = Give a plan written by this version of trappa (`trappa solve` or `trappa replan`)
plan-p005-instance = { $path } is a plan of round "{ $round }" starting { $start }, the instance is round "{ $other }" starting { $other_start }
plan-p005-instance-hint = Give the previous plan of this round with --previous (a re-plan keeps the round's name and first day)
plan-p006 = --today { $today } lies outside the round "{ $round }", { $start } to { $end }
plan-p006-hint = Give the planning date, a day of the round: everything before it is kept as planned
plan-p004 = { $path } does not hold against the instance it was made from ({ $n ->
    [one] 1 violation
   *[other] { $n } violations
}: { $quoted }{ $more })
plan-p004-more = ; and { $n } more
plan-p004-hint = A plan edited by hand must still pass `trappa check`; give the plan as trappa wrote it, or solve the round again
plan-p002 = no { $copy } beside { $path }: the instance the plan was made from is needed to verify it
plan-p002-hint = Give the plan directory that `trappa solve` or `trappa replan` wrote (it holds the instance.json copy)
plan-p003-size = { $copy } is larger than any instance trappa reads, so it is not the one { $path } was made for
plan-p003-sha = { $copy } has SHA-256 { $sha }, but { $path } was made for { $recorded }
plan-p003-hint = The plan directory was changed after trappa wrote it; give an unchanged plan, or solve the round again
plan-p004-instance = the instance { $copy } no longer validates ({ $n ->
    [one] 1 problem
   *[other] { $n } problems
}, first: { $first })
plan-p004-instance-hint = Solve the round again from a valid instance
plan-round-starting = round "{ $round }" starting { $start }
plan-round = round "{ $round }"
plan-p005-plans = { $a } is a plan of { $round_a }, { $b } of { $round_b }
plan-p005-plans-hint = Compare two plans of one round (a plan and its re-plans)
plan-p007 = --out { $out } is the previous plan's directory { $previous }, or lies inside it: a re-plan never writes over the plan it starts from
plan-p007-hint = Leave --out away for a new directory beside the previous plan, or give another one

# Meeting series that do not fit
meetings-shortfall = only { $n } of the required { $min } meetings fit: the two have a common free working day in { $months ->
    [one] 1 month
   *[other] { $months } months
} of the round{ $from }, with at least { $days } days between meetings
meetings-shortfall-phase-ends = no meeting can start: the mentee's phase has no mentors from { $date }, and before then the two have no common free working day
meetings-shortfall-from = {" "}from { $date }, when the mentee's phase has mentors
groups-shortfall = only { $n } of the required { $min } meetings fit on days the leader is free, at least { $days } days apart{ $most }{ $from }
groups-shortfall-most = , at most { $days } days apart
groups-shortfall-from = , from { $date }

# Meeting days that spread (capacity per day, first meeting after the matching)
load-meetings-per-day-zero = { $field } is 0
load-meetings-per-day-zero-hint = give at least 1 meeting a day, or leave the field out
load-first-meeting-after = first_meeting_after_days is { $days }
load-first-meeting-after-hint = use 0–{ $max } days (default 14)
meetings-shortfall-after = {" "}from { $date }, { $days } days after the round's start
check-pair-first-meeting = the pair { $mentor }–{ $mentee } first meets on { $date }, before { $earliest } ({ $days } days after the round's start)
check-pair-place-full = { $place } hosts { $n } mentor meetings on { $date }, more than the { $max } a day it has room for
check-mentor-day-full = { $who } has { $n } mentor meetings on { $date }, more than the { $max } allowed a day
check-group-first-meeting = the group { $group } first meets on { $date }, before { $earliest } ({ $days } days after the round's start)
# The file system (text::io_reason) and atomic writes (files)
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = a file of that name already exists
io-storage-full = the disk is full
io-is-a-directory = it is a directory, not a file
io-not-a-directory = a part of the path is not a directory
io-read-only = the file system is read-only
io-invalid-data = the contents cannot be read
io-directory-not-empty = the directory is not empty
io-file-too-large = the file is too large
io-unexpected-eof = the file ended too early
io-with-detail = { $reason } ({ $detail })
files-io = cannot write { $path }: { $reason }. Nothing that was there before was changed. Make room on the disk, check that the directory may be written, or write elsewhere (--out)
files-p010 = P010 not-a-plan-directory: { $path } exists and is not a trappa plan directory (it has no { $marker } marker, which trappa writes into every plan directory); nothing was changed. Choose another --out, or move the directory away yourself
files-p011 = P011 foreign-files: the plan directory { $path } holds { $n ->
    [one] 1 file
   *[other] { $n } files
} that trappa did not write or that changed since it was written: { $files }; nothing was changed. Move { $n ->
    [one] it
   *[other] them
} out of the directory, or write the plan elsewhere with --out
files-and-more = { $list } and { $n } more
roster-cannot-read-sheet = { $name }: E001 syntax: cannot read the sheet: { $error }

# Why someone may not join a programme's groups (rules::groups::ineligibility)
groups-inel-phase = phase "{ $phase }" is not among the programme's phases
groups-inel-months-min = { $months } months in the profession; the programme starts at { $min }
groups-inel-months-max = { $months } months in the profession; the programme ends at { $max }
groups-inel-themes = no interest in the themes { $themes }
groups-inel-role = role "{ $role }" is not among the programme's roles
cli-stdout-cannot-write = cannot write to standard output: { $reason }

# Sub-regions (delregioner)
load-unknown-subregion = course { $course } is for the sub-region "{ $subregion }", but no municipality of the region belongs to it ({ $n ->
    [0] no municipality has a sub-region
   *[other] the sub-regions are { $known }
})
load-unknown-subregion-hint = correct the name, or give the municipalities their sub-region ("subregion")
load-course-subregion = { $who } belongs to the sub-region { $subregion }, but course { $course } is held for { $subregions }
load-course-subregion-hint = remove the line, or add the participant's sub-region to the course's "subregions"
check-attendee-subregion = { $id } attends { $session } but belongs to the sub-region { $subregion }; the course is held for { $subregions }
load-pin-subregion = { $who } belongs to the sub-region { $subregion }, but course { $course } is held for { $subregions }
load-pin-subregion-hint = remove the participant from the fixed session, or add the sub-region to the course's "subregions"
# One person, several roles
load-person-name-mismatch = id "{ $id }" stands for one person, but the name here ("{ $name }") differs from the name at { $first } ("{ $first_name }")
load-person-unit-mismatch = id "{ $id }" stands for one person, but the unit here ("{ $unit }") differs from the unit at { $first } ("{ $first_unit }")
load-person-mismatch-hint = the same id in several lists (participants, mentors, group leaders, trainers) is one person with several roles: write the same name and unit, or give different people different ids
replan-rule-same-person = the mentor and the mentee are one person
load-pin-why-same-person = the mentor and the mentee are one person (the same id in both lists)
check-self-mentoring = { $name } ({ $who }) is both mentor and mentee of one pair: nobody mentors themselves
check-leader-in-own-group = { $who } leads group { $group } of { $programme } and is a member of it
check-teaches-and-attends = { $who } teaches session { $session } on { $date } and attends session { $other } that day
people-role-mentor = mentor
people-role-leader = group leader
people-role-trainer = trainer
people-also-roles = { $about }; also { $roles }
people-as-role = as { $role }
explain-role-participant = participant
explain-roles = Roles: { $roles }
explain-as-mentor = As mentor: mentee { $mentee }, { $n } meetings ({ $dates })
explain-as-mentor-none = As mentor: no mentee in the plan
explain-as-leader = As group leader: leads group { $group } of { $programme }, { $n } meetings
explain-as-leader-none = As group leader: leads no group in the plan
explain-as-trainer = As trainer: teaches { $course } ({ $session }) { $dates }
explain-as-trainer-none = As trainer: teaches no session in the plan

# Introduction of new hires (introduktörer)
load-introduction-years = the introduction covers { $n } years of employment; at most { $max } can be planned
load-introduction-years-hint = give hours per week for at most five years, first year first (e.g. [4, 2])
load-what-introduction-hours = hours per week with the introducer
introduction-msg-no-introducer = { $hire } has no introducer: nobody in { $unit } introduces
introduction-msg-full = { $hire } has no introducer: the introducers of { $unit } have no places left
check-introduction-missing = the instance plans introducers but the plan has no introduction
check-introduction-unknown = the introduction names { $hire } and introducer { $introducer }, but one of them is not in the instance
check-introduction-twice = { $hire } has more than one introducer
check-introducer-over-capacity = introducer { $who } has { $n } new hires but room for { $cap }
check-introduction-not-allowed = { $introducer } cannot introduce { $hire }: not of the same unit, or the same person
check-introduction-not-a-hire = { $hire } is not a new hire during { $round }
check-introduction-periods = the introduction periods or hours of { $hire } do not match their years of employment
check-introduction-listed-twice = { $hire } is listed without an introducer although they have one, or listed twice
check-introduction-reason = the reason { $reason } why { $hire } has no introducer does not hold
check-introduction-forgotten = { $hire } is a new hire but has neither an introducer nor a reason
people-introduction-period = { $hours } h/week { $from }–{ $to }
people-introducer = Introducer: { $introducer }, { $hours }
people-introduces = Introducer of { $hire }, { $hours }
people-no-introducer = No introducer: { $message }
explain-role-introducer = introducer
explain-introduction-period = { $hours } h/week { $from }–{ $to }
explain-introducer = Introducer: { $introducer }, { $hours }
explain-no-introducer = No introducer: { $message }
explain-as-introducer = As introducer: of { $hire }, { $hours }
explain-as-introducer-none = As introducer: no new hire in the plan
roster-sheet-introducers = introducers who introduce the new hires of their unit
roster-col-introducers-id = identifier, unique among the introducers; a participant who also introduces is written with their participant id
roster-col-introducers-name = full name
roster-col-introducers-unit = unit id: the introducer takes new hires of this unit
roster-col-introducers-capacity = new hires at a time (default 2)
# Costs and cost-sharing agreements (issue 11, item 9)
load-what-programme-fee = the programme fee per participant (costs.programme_fee)
load-what-mentor-fee-per-meeting = the mentor fee per meeting (costs.mentor_fee_per_meeting)
load-what-mentor-fee-per-mentee = the mentor fee per mentee (costs.mentor_fee_per_mentee)
load-what-leader-fee-per-meeting = the group leader fee per meeting (costs.leader_fee_per_meeting)
load-what-travel-per-km = the travel cost per km (costs.travel_per_km)
load-what-course-fee = the course fee per participant
load-what-cost-split = the cost-sharing agreement's name
load-cost-shares-zero = { $n ->
    [one] the only cost share is 0
   *[other] all { $n } cost shares are 0
}: the costs cannot be divided by them
load-cost-shares-zero-hint = give the municipalities their shares (adding up to 1), or remove the cost shares so that each municipality pays for its own participants
load-cost-share-outside = { $municipality } has the cost share { $share } but belongs to no cost-sharing agreement, while other municipalities do: the share would not be used
load-cost-share-outside-hint = name the municipality's agreement ({ $agreements }) or remove the share; a municipality outside every agreement pays for its own participants
load-cost-split-sum = the cost shares of the agreement "{ $split }" ({ $n } municipalities) add up to { $sum }, not 1
load-cost-split-sum-hint = adjust the shares so that they add up to 1, or remove them all so that the agreement divides by population
load-cost-split-mixed = in the cost-sharing agreement "{ $split }", { $with } municipalities have a cost share but { $missing } have none
load-cost-split-mixed-hint = give every municipality of the agreement a share (adding up to 1), or none: then the agreement's costs are divided by population
check-cost-mismatch = the plan's cost differs from the one recomputed from the instance's cost items and agreements: { $n ->
    [one] 1 amount differs
   *[other] { $n } amounts differ
} ({ $list })
check-cost-amount = { $what }: plan { $recorded } kr, recomputed { $recomputed } kr
check-cost-total = the total
check-cost-part = the part { $part }
check-cost-municipality = the municipality { $id }
check-cost-unattended = sessions without attendees in { $id }
check-cost-participant = the participant { $id }
check-cost-unknown = { $id } is not in the instance but has an amount in the plan's cost
cost-model-title = Cost by cost items and cost-sharing agreements
cost-model-total = The plan costs { $total } ({ $parts }), { $per_participant } per participant.
cost-part-amount = { $part } { $kr }
cost-part-programme-fees = programme fees
cost-part-course-fees = course fees
cost-part-sessions = sessions
cost-part-group-leaders = group leader fees
cost-part-mentors = mentor fees
cost-part-travel = travel
cost-agreement = The cost-sharing agreement { $name } ({ $n ->
    [one] 1 municipality
   *[other] { $n } municipalities
}: { $members }) pools its members' participant costs and divides them { $by }.
cost-agreement-by-shares = by cost share
cost-agreement-by-shares-in-proportion = in proportion to the cost shares
cost-agreement-by-population = by population
cost-outside-agreements = { $n ->
    [0] Every municipality belongs to a cost-sharing agreement.
    [one] 1 municipality outside the agreements pays for its own participants.
   *[other] The { $n } municipalities outside the agreements each pay for their own participants.
}
cost-no-agreement = No cost-sharing agreement: each municipality pays for its own participants.
cost-unattended = Sessions without attendees are paid by the venue's municipality: { $list }.
cost-model-col-agreement = Agreement
cost-model-col-own = Own participants' cost (kr)
cost-model-col-pays = Pays (kr)
cost-model-participants = Cost per participant ({ $n } participants)
cost-model-col-participant = Participant
cost-model-col-cost = Cost (kr)
cost-split-partial-shares = Only { $n } of { $total } municipalities have a cost share, so the split in the table goes by the population of all municipalities; how the cost-sharing agreement divides the costs among its members and what the other municipalities pay is shown below the table.
summary-cost = Cost: { $total } kr, { $per_participant } kr per participant
explain-cost = Cost of the participant (fees, travel and part of shared costs): { $kr } kr
roster-col-municipalities-cost_split = the cost-sharing agreement the municipality belongs to, e.g. Göteborgsregionen: the agreement's municipalities divide their participants' costs by cost share (all have one, adding up to 1) or by population (none has one); empty: the municipality pays for its own participants
roster-setting-costs-programme_fee = programme fee per participant in kronor, e.g. 40000 (default 0)
roster-setting-costs-mentor_fee_per_meeting = mentor fee per mentor meeting in kronor, charged to the mentee (default 0)
roster-setting-costs-mentor_fee_per_mentee = mentor fee per mentee in kronor, once per pair (default 0)
roster-setting-costs-leader_fee_per_meeting = group leader fee per group meeting and leader in kronor, shared equally by the group's members (default 0)
roster-setting-costs-travel_per_km = travel cost per km in kronor, round trip, distance from the municipalities' coordinates × the road factor (default 0)

## Forecast of new hires (issue 11, item 3)
forecast-placeholder-name = Forecast: new hire { $n }, { $municipality }, { $month } { $year }
load-forecast-municipality = the forecast names an unknown municipality "{ $id }"
load-forecast-unit = the forecast names an unknown unit "{ $id }"
load-forecast-unit-elsewhere = the unit "{ $id }" belongs to { $other }, not to { $municipality }
load-forecast-unit-elsewhere-hint = give a unit of the entry's municipality, or leave the unit out
load-forecast-no-unit = the municipality "{ $id }" has no unit to place the forecast hires in
load-forecast-no-unit-hint = add a unit of the municipality under region.units
load-forecast-month-format = the month "{ $month }" is not written YYYY-MM
load-forecast-month-format-hint = write the month as e.g. "2027-03"
load-forecast-month-outside = the month { $month } lies outside the round ({ $start } – { $end })
load-forecast-month-outside-hint = give a month the round touches, or remove the entry
load-forecast-hires = { $n } hires in a forecast entry, but the number must be 0–{ $max }
load-forecast-hires-hint = give the number of hires expected that month, 0–{ $max }
load-forecast-years = { $years } years in the profession for forecast hires, but it must be 0–{ $max }
load-forecast-years-hint = give 0 (new in the profession) or the years they bring, at most { $max }
load-forecast-total = the forecast expects { $n } hires, more than { $max }
load-forecast-total-hint = split the round or reduce the forecast
load-forecast-duplicate = the forecast has two entries for { $municipality } { $month } (the first is entry { $first })
load-forecast-duplicate-hint = merge the entries into one with the total number
check-forecast-placeholder-named = { $session }: the placeholder { $id } of a forecast hire is listed among the named attendees, not among the forecast seats
check-forecast-named-placeholder = { $session }: { $id } is a named participant but is listed among the forecast seats
check-forecast-count = { $session }: { $id } goes beyond the forecast, which leaves { $left } placeholders ({ $hires } hires expected, { $named } already named)
check-forecast-unknown = { $session }: the forecast seat { $id } is no placeholder of the round's forecast
check-forecast-not-person = the placeholder { $id } of a forecast hire { $role }, but placeholders are not persons yet
check-forecast-as-mentee = has a mentor
check-forecast-as-member = is in the group { $group }
check-forecast-as-hire = has an introduktör
explain-forecast-placeholder = Placeholder of a forecast hire in { $municipality }, { $month } ({ $hires } expected, { $named } already named), counted as employed on { $employed }. Not a person yet: the placeholder holds a course seat but gets no mentor, group or introduktör and no calendar files. Once the name is entered, the hire takes the seat at the next re-plan.
explain-forecast-none = { $municipality } has no forecast of new hires in the round.
explain-forecast-heading = Forecast of new hires in { $municipality }:
explain-forecast-entry = { $month }{ $unit ->
    [none] {""}
   *[other] , { $unit }
}: { $hires } expected, { $named } named, { $left } placeholders
explain-forecast-seats = { $course } starting { $start }: { $n ->
    [one] 1 seat held
   *[other] { $n } seats held
} for forecast hires
report-forecast = Forecast of new hires
report-forecast-intro = { $seats } course seats are held for { $placeholders } forecast hires not yet named. The seats go to the hires once their names are entered and the round is re-planned, without moving course dates.
report-forecast-col-course = Course
report-forecast-col-start = Start
report-forecast-col-municipality = Municipality
report-forecast-col-seats = Seats for forecast hires
roster-sheet-forecast = forecast of new hires not yet named: expected hires per municipality (or unit) and month, those already named included
roster-col-forecast-municipality = municipality id
roster-col-forecast-unit = unit id (optional); empty: the whole municipality
roster-col-forecast-month = month of employment, e.g. 2027-03 (write it as text)
roster-col-forecast-hires = hires expected that month, those already among the participants included (0–500)
roster-col-forecast-role = role: socialsekreterare (default), utförare, arbetsledare or annan (English: social_secretary, executor, first_line_manager, other)
roster-col-forecast-years_in_profession = years in the profession the hires bring (default 0: new in the profession)

# Introducers in calendars, reports and re-plans (issue 11)
replan-introducer-moved = { $hire } gets { $introducer } as introducer instead of { $was }, who has no room any more
replan-introducer-left = { $hire }'s introducer is no longer in the round; new introducer: { $introducer }
replan-introducer-none = { $hire } no longer has an introducer: nobody in the unit has room
diff-introduction = introduction with { $person } until { $date }
calendar-introduction-summary-hire = Introduction with { $name } ({ $hours } h this week)
calendar-introduction-summary-introducer = Introduction of { $name } ({ $hours } h this week)
calendar-introduction-description = { $round }: { $introducer } introduces the new hire { $hire }, { $hours } hours a week in year { $year } of employment.
people-introducers = Introducers
people-about-introducer = introducer in { $unit }
explain-introducer-person = { $name } ({ $id }), introducer in { $unit }
load-pin-leader-is-member = { $leader } is both leader and member ({ $path }) of the fixed group
load-pin-leader-is-member-hint = remove the person from the members or give another leader
load-pin-trainer-attends = { $trainer } is both trainer and attendee ({ $path }) of the fixed session
load-pin-trainer-attends-hint = remove the person from the attendees or give another trainer

# Format version 2 and the upgrade of version-1 files (trappa upgrade)
load-versions-list = { $rest } and { $last }
load-upgrade-agreement-name = the region
load-upgraded-note = note: { $path } is written in format version { $from } and was read as version { $to }; `trappa upgrade { $path }` writes the file in version { $to }
load-share-without-agreement = { $municipality } has the cost share { $share } but no municipality names a cost-sharing agreement (cost_split); in format version 2 a cost share applies only within a named agreement
load-share-without-agreement-hint = add "cost_split": "{ $region }" to every municipality with a cost share (what version 1 meant), or remove the share so that the municipality pays for its own participants
upgrade-already-current = { $path } is in format version { $version } already; nothing was written
upgrade-exists = { $out } exists and is not replaced; give --force to replace it, or --out for another name
upgrade-not-same = the upgraded file did not read back as the same instance as { $path }; nothing was written
upgrade-written = { $path } (format version { $from }) was written in format version { $to } to { $out }
upgrade-agreement = { $n ->
    [one] one municipality with a cost share got the cost-sharing agreement "{ $name }" (what version 1 meant by shares without an agreement)
   *[other] { $n } municipalities with a cost share got the cost-sharing agreement "{ $name }" (what version 1 meant by shares without an agreement)
}

# The timetable's neighbourhood search (auto)
stop-neighbourhoods-exhausted = no neighbourhood improved the plan
