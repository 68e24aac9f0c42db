# trappa's Swedish messages (the default language). Every id here is in locales/en/trappa.ftl
# too, with the same arguments; tests/text.rs checks that, and that src/ uses no other id.
# Counts are numbers and choose the plural form: { $n -> [one] … *[other] … }.

## Command line

error-unknown-language = TRAPPA_LANG={ $value } är inget språk trappa talar: välj sv eller en

## Reason codes of plans

reason-no-eligible-mentor = ingen behörig mentor
reason-eligible-mentors-full = de behöriga mentorerna är fullbokade
reason-groups-full = grupperna är fulla
reason-too-few-for-a-group = för få för en grupp
reason-mixing-cap = taket för deltagare från samma kommun
reason-no-leader = ingen ledare med plats
reason-eligible-later = behörig först efter att grupperna startat
reason-not-eligible = ej behörig
reason-phase-not-eligible = fasen ger inte kursen
reason-deadline-passed = sista dagen har passerat
reason-starts-after-round = börjar efter omgången
reason-no-qualified-trainer = ingen behörig utbildare
reason-no-venue = ingen lokal
reason-prerequisite-missing = förkunskapskrav saknas
reason-workload-month = för många kursdagar i månaden
reason-workload-round-days = för många kursdagar i omgången
reason-workload-course-count = för många kurser i omgången
reason-unit-too-small = enheten är för liten
reason-unit-absence-cap = enhetens frånvarotak
reason-unavailable = inte tillgänglig
reason-too-few-participants = för få deltagare
reason-trainers-fully-booked = utbildarna är fullbokade
reason-no-session = inget kurstillfälle
reason-too-far = för lång resväg
reason-sessions-full = kurstillfällena är fulla
reason-outside-window = utanför tidsfönstret
reason-clash-with-other-course = krockar med annan kurs
reason-workload-term = för många kurser, kursdagar eller områden under terminen
reason-cadence = kursens startregler ger ingen start inom tidsfönstret

## Strategies, kinds, priorities, objective terms

strategy-exact = exakt tilldelning
strategy-greedy = girig
strategy-local-search = lokal sökning
strategy-milp = heltalsoptimering
strategy-auto = automatiskt val
kind-supervision = handledning
kind-reflection = reflektionsgrupp
kind-research-circle = FoU-cirkel
priority-high = hög
priority-normal = normal
priority-low = låg
term-travel = resor
term-same-municipality = samma kommun
term-interest-mismatch = olika intressen
term-repeat-pair = upprepat par
term-explicit-pair-cost = angiven parkostnad
term-balance = jämn belastning
term-session-cost = tillfälleskostnad
term-mixing = kommunblandning
term-unserved-high = ej placerade (hög prioritet)
term-unserved-normal = ej placerade (normal prioritet)
term-unserved-low = ej placerade (låg prioritet)
stop-proven = bevisad optimal
stop-no-improvement = ingen förbättring på { $seconds } s
stop-time-limit = tidsgränsen
stop-interrupted = avbruten (Ctrl-C)
stop-finished = arbetsbudgeten klar

## Terminal summary

count-mentees = { $n ->
    [one] 1 adept
   *[other] { $n } adepter
}
summary-round = Omgång: { $name }
summary-groups = Grupper { $programme } ({ $kind }): { $groups ->
    [one] 1 grupp
   *[other] { $groups } grupper
}, { $members } deltagare, { $unserved } utan plats, { $not_eligible } ej behöriga; mångfald { $diversity }, resor { $travel }; { $conflicts ->
    [one] 1 krock
   *[other] { $conflicts } krockar
} för deltagare listade
groups-note-clock = sökningen gick på klockan (sin del av tidsgränsen, { $seconds } s): en ny körning kan ge andra grupper; utan --time-limit körs en fast arbetsbudget och planen blir densamma varje gång
summary-note = obs: { $note }
summary-pairs = Mentorspar: { $pairs } ({ $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}; { $shortfalls ->
    [one] 1 par
   *[other] { $shortfalls } par
} med för få träffar)
summary-unmatched = Adepter utan mentor: { $n }
summary-not-eligible = Vill ha mentor men är inte behöriga i sin fas: { $n }
summary-objective = Mål: { $matched } matchade; kostnad { $cost } ({ $terms })
summary-sessions = Kurstillfällen: { $sessions } ({ $days ->
    [one] 1 kursdag
   *[other] { $days } kursdagar
})
summary-coverage = prioritet { $priority }: { $served } av { $demanded } behov tillgodosedda
summary-unserved = ej placerade, { $reason }: { $n }
summary-timetable-objective = Schemats mål: { $total } ({ $terms })
summary-timetable-bound = Schemats gräns: { $bound }
status-heading = Status per del:
status-optimal = optimal
status-gap = gap { $gap } %
status-heuristic = heuristik
status-below-maximum = ; under maximum: { $max ->
    [one] 1 adept hade kunnat matchas
   *[other] { $max } adepter hade kunnat matchas
}
status-timetable = Kurstillfällen: { $status } [{ $strategy }]
status-groups = Grupper { $programme }: { $status } [{ $strategy }]
status-mentorship = Mentorskap: { $status } [{ $strategy }]
status-total-time = Total tid: { $seconds } s
status-total-time-limit = Total tid: { $seconds } s (tidsgräns { $limit } s)
status-interrupted = Planeringen avbruten (Ctrl-C): den bästa planen hittills är sparad.

## explain

explain-no-participant = ingen deltagare "{ $id }" i instansen; ange ett id från "participants"
explain-person = { $name } ({ $id }), { $unit } i { $municipality }, fas { $phase } ({ $years } år i yrket), anställd { $employed }
explain-no-demand = Inget kursbehov i den här omgången.
explain-origin-plan = individuell plan
explain-origin-phase = fasens kurser
explain-demand = { $course } ({ $id }, prioritet { $priority }, { $origin })
explain-session = tillfälle { $session } i { $venue } den { $dates }, { $n ->
    [one] utbildare
   *[other] utbildare
} { $trainers }
explain-not-served = EJ PLACERAD ({ $reason }): { $message }
explain-not-in-plan = finns inte i planen (planen kan vara gjord för en annan version av instansen)
explain-mentor = Mentor { $mentor } i { $place }; träffar: { $dates }
explain-no-mentor = Ingen mentor ({ $reason }): { $message }

## diff and replan

change-changed = ändrade eller borttagna datum
change-new-dates = bara nya datum
change-departed = har lämnat omgången
diff-course = { $date } kurs { $course } på { $place }
diff-mentor-meeting = { $date } mentorsmöte med { $person } i { $place }
diff-group = { $date } gruppträff { $group } i { $place }
role-mentor = mentor
role-trainer = utbildare
role-leader = gruppledare
role-participant = deltagare
diff-from = Ändringar från och med { $date } (det som ligger före är oförändrat):
diff-person = { $name } ({ $role }): { $removed } borttagna eller flyttade, { $added } nya
diff-counts = { $n ->
    [one] 1 person
   *[other] { $n } personer
} berörs: { $changed } med ändrade eller borttagna datum, { $new_dates } med bara nya datum, { $departed } som lämnat omgången
replan-summary = Omplanerad från { $today }: { $changed ->
    [one] 1 person
   *[other] { $changed } personer
} med ändrade datum (viktat { $weighted }), { $added } med bara nya datum
replan-written = Planen skrevs till { $dir } (den förra planen ligger kvar i { $previous_dir }); `trappa diff { $previous } { $dir }` listar ändringarna person för person

## solve and check

progress-reading = läser och kontrollerar instansen
progress-planning = planerar kurstillfällen, bildar grupper, matchar mentorer och sätter mötesdagar
progress-of-limit = av { $seconds } s
progress-checking = kontrollerar planen
progress-writing = skriver planen
progress-checking-writing = kontrollerar och skriver planen
progress-objective-gap = mål { $objective }, gap { $gap } %
progress-objective = mål { $objective }
progress-part = planerar { $part }
progress-ctrl-c = Ctrl-C behåller den bästa planen
part-sessions = kurstillfällen
part-groups = grupper
part-mentorship = mentorskap och mötesdagar
solve-written = Planen skrevs till { $dir }
solve-rejected = fel: kontrollen underkänner planen ({ $n ->
    [one] 1 regelbrott
   *[other] { $n } regelbrott
}); den skrevs till { $dir } så att den kan granskas
check-valid = Giltig: { $pairs } par, { $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}, { $groups ->
    [one] 1 grupp
   *[other] { $groups } grupper
}; alla regler håller; omräknad kostnad { $cost }
check-timetable-valid = Schemat giltigt: { $sessions } kurstillfällen; omräknat mål { $objective }

## Calendars (one event per meeting)

calendar-mentor-description = { $round }: mentorsträff { $k } av { $n } för { $mentor } (mentor) och { $mentee } (adept).
calendar-mentor-summary-mentee = Mentorsträff { $k }/{ $n } med adept { $name }
calendar-mentor-summary-mentor = Mentorsträff { $k }/{ $n } med mentor { $name }
calendar-no-leader = ingen ledare
calendar-group-summary = { $programme } { $k }/{ $n } ({ $group })
calendar-group-description = { $round }: { $programme }, grupp { $group }, träff { $k } av { $n }. Ledare: { $leader }. Deltagare: { $members }.
calendar-course-summary = Kurs: { $course } dag { $k }/{ $n }
calendar-course-description = { $round }: { $course }, dag { $k } av { $n } (kurstillfälle { $session }). Utbildare: { $trainers }. { $attendees } deltagare.
calendar-no-trainer = ingen
calendar-cancelled-summary = Inställt: { $summary }
calendar-cancelled-description = { $round }: aktiviteten ingår inte längre i din planering.

## The plan's spreadsheets: header columns separated by ;

csv-pairs-header = mentor_id;mentor;mentor_kommun;adept_id;adept;adept_kommun;mötesplats;restid_min;antal_möten;möten;kostnad;anmärkning
csv-sessions-header = tillfälle_id;kurs_id;kurs;första_dag;sista_dag;antal_dagar;datum;lokal;kommun;utbildare;antal_deltagare
csv-attendance-header = deltagare_id;deltagare;kommun;enhet;kurs_id;kurs;status;tillfälle_id;datum;lokal;anledning
csv-groups-header = program;grupp;roll;person_id;namn;kommun;enhet;mötesplats;antal_möten;möten;kan_ej_delta
csv-placed = placerad
csv-not-placed = ej placerad
csv-role-leader = ledare
csv-role-participant = deltagare

## The roster template: kinds of cells, sheets, columns, settings and the läs_mig sheet

cell-text = text
cell-date = datum (2027-01-15 eller ett Excel-datum)
cell-int = heltal
cell-number = tal (decimalkomma eller punkt)
cell-bool = ja/nej (även yes/no, x, 1/0)
cell-list = lista åtskild med , eller ;
cell-date-list = datum och perioder åtskilda med , eller ; (2027-03-01..2027-03-05 (orsak))
cell-choice = ett av de uppräknade orden
cell-time = klockslag (13:00, 13.00 eller en Excel-tid)
readme-header = blad;kolumn;alias;krävs;format;betydelse
readme-yes = ja
readme-no = nej
readme-setting-sheet = omgång (inställning)
readme-line-headers = Rubriker: valfri ordning, stora eller små bokstäver; svenska eller engelska namn och aliasen ovan. En rubrik som börjar med # (eller kommentar, anteckningar) används inte.
readme-line-values = Datum: Excel-datum eller text 2027-01-15. Tal: decimalkomma eller punkt. ja/nej, yes/no, x, 1/0. Listor: åtskilda med , eller ;.
readme-line-rules = Kurser, gruppverksamheter, faser, stängda perioder och schemats vikter står i regelfilen regler.json bredvid arbetsboken.
readme-line-import = Import: trappa import roster ARBETSBOK.xlsx --out instance.json (docs/roster.md).
roster-col-unavailable = datum och perioder då personen (eller lokalen) inte kan delta
roster-col-round-setting = inställningens namn (se listan över inställningar)
roster-col-round-value = dess värde; ett tomt värde lämnar inställningen åt regelfilen eller standardvärdet
roster-col-round-description = fri text, används inte vid import
roster-sheet-round = omgångens inställningar, en per rad: namn, datum, region, regler för mentorskap, vikter, gränser för kursbelastning
roster-col-municipalities-id = id som används i de andra bladen, t.ex. molndal
roster-col-municipalities-name = namnet som visas, t.ex. Mölndal
roster-col-municipalities-population = invånare
roster-col-municipalities-lat = centralortens latitud, grader norr
roster-col-municipalities-lon = centralortens longitud, grader öst
roster-col-municipalities-cost_share = andel av gemensamma kostnader, 0–1
roster-col-municipalities-meeting_venue = var mentors- och gruppträffar i kommunen hålls (rum, adress); visas i kalendrarna
roster-col-municipalities-subregion = delregionen kommunen hör till (t.ex. Skaraborg); en kurs kan hållas för vissa delregioner ("subregions" i regler.json)
roster-sheet-municipalities = de deltagande kommunerna
roster-col-units-id = id som används i personbladen
roster-col-units-name = namnet som visas (standard: id:t)
roster-col-units-municipality = kommunens id (bladet kommuner)
roster-col-units-headcount = anställda i enheten
roster-sheet-units = enheter (arbetsgrupper) där personerna arbetar
roster-col-travel-from = kommunens id
roster-col-travel-to = kommunens id
roster-col-travel-minutes = restid i en riktning, minuter (gäller båda håll)
roster-sheet-travel = angivna restider som ersätter de beräknade (valfritt)
roster-col-participants-id = id, unikt bland deltagarna; samma id på en rad i mentorer, gruppledare eller utbildare betyder att personen även har den rollen
roster-col-participants-name = fullständigt namn
roster-col-participants-unit = enhetens id (bladet enheter)
roster-col-participants-role = socialsekreterare (standard), utförare, arbetsledare eller annan (engelska: social_secretary, executor, first_line_manager, other)
roster-col-participants-profession_start = började i yrket; avgör fasen
roster-col-participants-employment_start = anställd hos nuvarande arbetsgivare sedan
roster-col-participants-interests = intressen, matchas mot mentorernas expertis
roster-col-participants-wants_mentor = vill ha mentor (standard nej)
roster-sheet-participants = omgångens deltagare
roster-col-mentors-id = id, unikt bland mentorerna; en deltagare som även är mentor skrivs med sitt deltagar-id (samma namn och enhet)
roster-col-mentors-name = fullständigt namn
roster-col-mentors-unit = enhetens id (bladet enheter)
roster-col-mentors-capacity = antal adepter samtidigt (standard 1)
roster-col-mentors-trained = har gått mentorsutbildningen (standard nej)
roster-col-mentors-years_in_profession = år i yrket
roster-col-mentors-expertise = expertisområden
roster-col-mentors-max_travel_minutes = längsta godtagbara restid i en riktning, minuter (tomt: ingen gräns)
roster-col-mentors-history = id för tidigare adepter
roster-sheet-mentors = mentorerna
roster-col-leaders-id = id, unikt bland gruppledarna; en deltagare, mentor eller utbildare som även leder grupper skrivs med samma id och namn
roster-col-leaders-name = fullständigt namn
roster-col-leaders-municipality = hemkommunens id
roster-col-leaders-qualifications = t.ex. supervision, reflection, research_circle (handledning, reflektionsgrupp, FoU-cirkel)
roster-col-leaders-max_groups = flest grupper i omgången (standard 2)
roster-sheet-leaders = handledare och cirkelledare för gruppverksamheterna
roster-col-trainers-id = id, unikt bland utbildarna; en deltagare, mentor eller gruppledare som även utbildar skrivs med samma id och namn
roster-col-trainers-name = fullständigt namn
roster-col-trainers-internal = en kollega som lånar ut dagar (ja) eller upphandlad (nej, standard)
roster-col-trainers-municipality = hemkommunens id
roster-col-trainers-courses = id för kurserna utbildaren håller (kurserna står i regelfilen)
roster-col-trainers-max_days = flest utbildningsdagar i omgången
roster-col-trainers-day_rate = kostnad per utbildningsdag, kronor (standard 0)
roster-sheet-trainers = utbildare som håller kurserna
roster-col-venues-id = id
roster-col-venues-name = namnet som visas
roster-col-venues-municipality = kommunens id
roster-col-venues-capacity = platser
roster-col-venues-day_rate = hyra per dag, kronor (standard 0)
roster-col-venues-address = gatuadress, visas i kalendrarna
roster-sheet-venues = kurslokaler
roster-col-demand-participant = deltagarens id
roster-col-demand-course = kursens id
roster-col-demand-priority = hög, normal (standard) eller låg (engelska: high, normal, low)
roster-sheet-demand = individuella planer: vilken deltagare som önskar vilken kurs
roster-col-history-participant = deltagarens id
roster-col-history-course = kursens id
roster-sheet-history = kurser som deltagarna gått före omgången
roster-col-exclusions-mentor = mentorns id
roster-col-exclusions-mentee = deltagarens id
roster-col-exclusions-reason = varför (valfritt)
roster-sheet-exclusions = par av mentor och adept som aldrig får bildas
roster-setting-round-name = omgångens namn, visas i planer och kalendrar
roster-setting-round-start = omgångens första dag
roster-setting-round-end = omgångens sista dag (den räknas med)
roster-setting-region-name = regionens namn
roster-setting-region-travel-road_factor = vägavstånd ÷ fågelvägen (standard 1,3)
roster-setting-region-travel-speed_kmh = genomsnittlig reshastighet, km/h (standard 70)
roster-setting-mentorship-min_meetings = minsta antal träffar för ett mentorspar (standard 8)
roster-setting-mentorship-max_meetings = största antal träffar för ett mentorspar (standard 10)
roster-setting-mentorship-min_days_between = dagar mellan två träffar för ett par (standard 21)
roster-setting-mentorship-eligible_phases = faser vars deltagare kan få mentor (standard practised, van)
roster-setting-mentorship-mentor_min_years = minsta antal år i yrket för en mentor (standard 5)
roster-setting-mentorship-require_training = bara mentorsutbildade mentorer (standard ja)
roster-setting-mentorship-same_municipality = par inom en kommun: förbjuden, straffad (standard) eller tillåten
roster-setting-mentorship-meeting_place = var ett par träffas: mentor, adept eller kortast_restid (standard)
roster-setting-weights-travel_per_minute = matchningskostnad per minut restid (standard 1)
roster-setting-weights-same_municipality = kostnad för ett par inom samma kommun (standard 30)
roster-setting-weights-interest_mismatch = kostnad per intresse som mentorn saknar (standard 15)
roster-setting-weights-repeat_pair = kostnad för att upprepa ett tidigare par (standard 100)
roster-setting-weights-balance = jämn fördelning mellan mentorerna (standard 10)
roster-setting-workload-max_course_days_per_month = flest kursdagar för en deltagare under en månad (standard 2)
roster-setting-workload-max_course_days_per_round = flest kursdagar för en deltagare i omgången (standard 15)
roster-setting-workload-max_courses_per_round = flest kurser för en deltagare i omgången (tomt: ingen gräns)
roster-setting-workload-unit_absence_share = största andel av en enhet som är borta på kurs samma dag (standard 0,25)
roster-setting-round-meeting_times-mentor-start = när mentorsträffar börjar (standard 13:00)
roster-setting-round-meeting_times-mentor-end = när mentorsträffar slutar (standard 15:00)
roster-setting-round-meeting_times-group-start = när gruppträffar börjar (standard 13:00)
roster-setting-round-meeting_times-group-end = när gruppträffar slutar (standard 16:00)
roster-setting-round-meeting_times-course-start = när kursdagar börjar, om inte kursen anger egen start_time i regelfilen (standard 09:00)
roster-setting-round-meeting_times-course-end = när kursdagar slutar, om inte kursen anger egen end_time i regelfilen (standard 16:00)

## Roster import and export

import-rules-from = regler från { $path }
import-summary = { $round }: { $participants } deltagare, { $mentors ->
    [one] 1 mentor
   *[other] { $mentors } mentorer
}, { $leaders } gruppledare, { $trainers } utbildare, { $venues ->
    [one] 1 lokal
   *[other] { $venues } lokaler
} → { $path }
export-wrote = skrev { $path }

## Roster import: what was found in a cell, what was expected, where

cell-found-empty = en tom cell
cell-found-number = talet { $value }
cell-found-bool = sanningsvärdet { $value }
cell-found-date = datumet { $value }
cell-found-error = felet { $value }
cell-expected-text = väntade text
cell-expected-date = väntade ett datum som 2027-01-15
cell-expected-number = väntade ett tal som 12 eller 2,5
cell-expected-int = väntade ett heltal som 12
cell-expected-time = väntade ett klockslag som 13:00
cell-expected-bool = väntade ja eller nej (även yes/no, x, 1/0)
cell-expected-list = väntade en lista med ord åtskilda med , eller ;
cell-expected-dates = väntade datum eller perioder som 2027-03-01..2027-03-05 (semester); 2027-04-12, åtskilda med , eller ;
cell-expected-dates-item = väntade datum eller perioder som 2027-03-01..2027-03-05 (semester); 2027-04-12, åtskilda med , eller ;; "{ $item }" är inget sådant
cell-expected-choice = väntade ett av { $words }
roster-impossible-date = ett omöjligt datum (serienummer { $serial })
roster-duration = en tidslängd ({ $value })
roster-too-many-cells = { $place }: bladet har fler än { $limit } celler (E070 size-limit; räknat rad för rad fram till radens sista värde; gränsen MAX_SHEET_CELLS i docs/limits.md). Oftast är det ett bortglömt värde långt till höger om eller under tabellen: rensa det (Ctrl+End visar den sista använda cellen), eller dela bladet
roster-cannot-open-workbook = { $name }: E001 syntax: kan inte öppna arbetsboken: { $error }. Ange en .xlsx-fil (sparad från Excel eller LibreOffice) eller en mapp med .csv-filer
roster-cannot-read = { $name }: kan inte läsas: { $error }
roster-not-utf8 = { $name }, rad { $line }: filen är inte UTF-8-text (byte 0x{ $byte } i kolumn { $column }{ $hint }). Spara den som "CSV UTF-8 (kommaavgränsad)" i Excel (eller UTF-8 i LibreOffice)
roster-cannot-read-csv = { $name }, rad { $line }: E001 syntax: kan inte läsa CSV-filen: { $error }
roster-loc-sheet = { $file }, blad { $sheet }
roster-loc-row = { $source }, rad { $row }
roster-loc-cell = { $source }, rad { $row }, kolumn { $column } ({ $header })
roster-loc-column = kolumn { $column } ({ $header })
roster-loc-column-key = kolumn { $key }
roster-loc-top-level = översta nivån
roster-loc-rules = { $rules } vid { $path }
roster-loc-instance = instansen vid { $path }
roster-repeated-column = { $loc }: kolumnen upprepar kolumn { $column } ({ $header }); behåll en av dem
roster-unknown-column = { $loc }: okänd kolumn; kolumnerna i { $sheet } är { $columns }. Byt namn på den, eller börja rubriken med # för att behålla den som kommentar
roster-missing-column = { $source }: den obligatoriska kolumnen { $column } saknas; lägg till en kolumn med den rubriken på rad { $row }
roster-value-without-header = { $source }, rad { $row }, kolumn { $column }: ett värde ({ $found }) i en kolumn utan rubrik; ge kolumnen en rubrik eller rensa den
roster-empty-required = { $loc }: tom obligatorisk cell; väntade { $kind } ({ $help })
roster-bad-cell = { $loc }: { $expected }, fann { $found }
roster-empty-setting-name = { $loc }: inställningen saknar namn för värdet { $found }; namnge inställningen eller rensa raden
roster-unknown-setting = { $loc }: okänd inställning "{ $name }"; inställningarna är { $settings }
roster-repeated-setting = { $loc }: inställningen { $name } finns redan på rad { $row }; behåll en
roster-bad-setting = { $loc } (inställningen { $name }): { $expected }, fann { $found }
roster-cannot-read-dir = { $path }: kan inte läsa mappen: { $error }
roster-no-such-input = { $path }: filen eller mappen finns inte. Ange en .xlsx-arbetsbok eller en mapp med .csv-filer (en per blad)
roster-second-table = { $source }: { $dir ->
    [yes] en andra fil
   *[no] ett andra blad
} för { $sheet }; behåll en
roster-ignored-table = { $source }: används inte ({ $dir ->
    [yes] filnamnet
   *[no] bladnamnet
} är inte något av { $sheets })
roster-missing-file = { $path }: filen { $file } saknas: { $help }; lägg till den
roster-missing-sheet = { $path }: bladet { $sheet } saknas: { $help }; lägg till det
roster-setting-replaces = { $loc }: { $setting } = { $value } ersätter { $old } från { $rules }
roster-rows-replace = { $source }: { $n ->
    [one] dess rad ersätter
   *[other] dess { $n } rader ersätter
} { $key } från { $rules }
roster-what-round-name = omgångens namn
roster-what-round-start = omgångens första dag
roster-what-round-end = omgångens sista dag
roster-what-region-name = regionens namn
roster-missing-setting = { $source }: inställningen { $name } saknas ({ $what }); lägg till en rad med { $name } i kolumn A och värdet i kolumn B
roster-cannot-read-rules = { $name }: kan inte läsa regelfilen: { $error }
roster-rules-not-object = { $name }, rad { $line }, kolumn { $column }: { $code }: regelfilen måste vara ett JSON-objekt som {"{"}"courses": […], "group_programmes": […]{"}"}
roster-duplicate-id = { $source }, rad { $row }, { $column }: id "{ $id }" finns redan på rad { $first }; ge varje rad ett eget id
roster-unknown-reference = { $source }, rad { $row }, { $column }: okänd { $what ->
    [unit] enhet
    [municipality] kommun
    [participant] deltagare
   *[mentor] mentor
} "{ $id }"; den finns inte i { $present ->
    [yes] bladet
   *[no] det saknade bladet
} { $sheet }. Lägg till den där eller rätta id:t
roster-problems = { $n ->
    [one] förteckningen har 1 problem; inget skrevs:
   *[other] förteckningen har { $n } problem; inget skrevs:
}
roster-place-in = i { $path }
roster-place-beside = bredvid { $path }
roster-more-course-refs = { " " }(och { $n ->
    [one] 1 hänvisning
   *[other] { $n } hänvisningar
} till kurser till)
roster-no-rules-file = { $problem }{ $more }: ingen regelfil hittades — kurserna står i regelfilen, och det finns ingen regler.json (eller rules.json) { $place }. Lägg omgångens regler.json där, eller ange den med --rules FIL

## Why a course demand is unserved (plans, attendance.csv, explain, the report)

why-phase-not-eligible = { $course } är för { $n ->
    [one] fasen
   *[other] faserna
} { $phases }; { $participant } är i fasen { $phase } från { $date }
why-starts-after-round = { $participant } börjar { $date }, efter att omgången slutat
why-deadline-passed = { $course } ska vara genomförd inom { $months } månader från anställningen: { $participant } anställdes { $employed }, alltså senast { $date }, och ingen arbetsdag i omgången återstår före det
why-no-working-day = { $participant } har ingen arbetsdag i omgången
why-no-qualified-trainer = { $course } behöver { $needed } utbildare per tillfälle men { $trainers } behöriga utbildare har { $days } dagar att ge
why-no-venue = ingen lokal rymmer minsta gruppen för { $course } ({ $min } personer)
why-prerequisite-missing = { $course } kräver { $prerequisite }, som { $participant } varken har gått eller önskat
why-workload-month = varje möjlig förläggning av { $course } ger fler än { $max } kursdagar under en månad, det mesta en deltagare får ha
why-unit-too-small = { $participant }s enhet { $unit } har { $staff } anställda: någon måste stanna, så ingen kan vara borta på kurs
why-unavailable = { $participant } är upptagen vid varje möjligt tillfälle av { $course } mellan { $from } och { $to }
why-too-few-participants = bara { $n } deltagare kan gå { $course } i den här omgången; ett tillfälle behöver minst { $min }
why-trainers-fully-booked = inget tillfälle av { $course } öppnades: de behöriga utbildarnas dagar går åt till andra tillfällen
why-no-session = inget tillfälle av { $course } kunde samla { $min } deltagare lediga samma dagar med ledig utbildare och lokal, till en kostnad under straffet för ett ej tillgodosett behov
why-too-far = { $session } har en plats, men { $minutes } minuters resa åt varje håll i { $days } dagar kostar mer än att lämna behovet utan plats
why-cadence = inget tillfälle av { $course } ligger mellan { $from } och { $to }, och kursens startregler (starter per år, dagar mellan starter) tillåter ingen ytterligare start då
why-blocked = { $participant } kan inte gå något tillfälle av { $course }: { $detail }
block-full = fullt
block-outside-window = utanför tidsfönstret (anställningsstart eller sista dag)
block-unavailable = upptagen en kursdag
block-clash = en annan kurs en kursdag
block-month-limit = för många kursdagar den månaden
block-round-days-limit = för många kursdagar i omgången
block-course-count-limit = redan flest tillåtna kurser i omgången
block-unit-cap = för många kollegor från enheten borta
block-prerequisite = förkunskapskursen går inte före
block-term-limit = för många kurser, kursdagar eller områden den terminen

## The HTML report

report-title = { $round } – rapport
report-made-by = plan från trappa { $version } · instansens SHA-256 { $sha }…
report-total = Totalt
report-overview = Översikt
report-unserved = Ej placerade
report-timeline = Tidslinje
report-map = Karta
report-costs = Kostnad per kommun
report-people = Kalender per person
report-changes = Ändringar sedan förra planen
report-changes-intro = Omplanerad från { $today }: allt före dagen är oförändrat. { $changed ->
    [one] 1 person får
   *[other] { $changed } personer får
} ändrade eller borttagna datum (viktat { $weighted }), { $added } får bara nya datum.
report-status-optimal = bevisat optimal
report-status-gap = högst { $gap } från optimum
report-status-heuristic = heuristik, optimum inte bevisat
report-pairs-shortfall = { $n } par med för få träffar
report-group-word = { $n ->
    [one] grupp
   *[other] grupper
}
report-known-absences = { $n ->
    [one] 1 frånvaro känd
   *[other] { $n } frånvaron kända
} i förväg
phase-new = ny
phase-practised = van
phase-experienced = erfaren
map-municipality = { $name }: { $population } invånare, { $participants } deltagare; { $mentees ->
    [one] 1 adept
   *[other] { $mentees } adepter
}, { $mentors } mentorsuppdrag ({ $local_pairs } par inom kommunen), { $group_places } gruppplatser ({ $local_members } träffas i hemkommunen), { $course_seats } kursplatser
map-hub = { $n ->
    [one] 1 grupp träffas
   *[other] { $n } grupper träffas
} i { $place }: { $groups }
map-legend-hub = Mötesplats för grupper
people-activities = { $n ->
    [0] inga aktiviteter
    [one] 1 aktivitet
   *[other] { $count } aktiviteter
}
people-cannot-attend = kan inte delta: { $why }
people-absence-unavailable = ledig/upptagen
people-absence-other-activity = annan aktivitet i programmet
map-intro = Kommunerna efter latitud och longitud (cirkelns yta efter invånarantal). Blå linjer: mentorpar där mentor och adept arbetar i olika kommuner. Gröna streckade kurvor: gruppdeltagare som reser från hemkommunen till gruppens mötesplats.
map-hover = Håll muspekaren över en cirkel eller linje för siffrorna.
map-venue-title = { $place }: { $venues } ({ $seats ->
    [one] 1 kursplats
   *[other] { $seats } kursplatser
})
timeline-intro = Kurstillfällen per kurs över omgångens månader (ett tillfälle per stapel, parallella tillfällen på egna rader), och mentors- och gruppträffar per månad. Skuggade band är stängda perioder (lov och helgdagar); veckonumren står överst. Varje tillfälle står också i tabellen under bilden.
timeline-caption = { $from } – { $to }: { $sessions } kurstillfällen, { $mentor_meetings } mentorsträffar, { $group_meetings } gruppträffar.
timeline-legend-course = Kurs: { $course }
cost-chart-participants = Deltagare per kommun
cost-chart-kr = Kostnad (kr)
map-note = Den grå konturen är ett konvext hölje kring kommunernas mittpunkter, inte den verkliga länsgränsen. Orange kvadrater: kurslokaler; orange linjer: kursdeltagare som reser från hemkommunen till lokalen (tjockare = fler).
map-outline = Regionens kontur
map-outline-note = (konvext hölje, inte gränsen)
map-venue = Kurslokal
map-venue-line = Kursdeltagare till lokalen
map-unlabelled = Utan namn på kartan:
map-inhabitants = { $n } invånare
map-smallest = minsta
map-venue-travel = { $seats ->
    [one] 1 kursplats
   *[other] { $seats } kursplatser
}: deltagare från { $home } reser till { $place }
map-group-travel = { $n } gruppdeltagare från { $home } träffas i { $place }
map-pair-line = Mentorpar { $a } – { $b }: { $n } (mentor i { $a }: { $ab }, mentor i { $b }: { $ba })
map-legend-pairs = Mentorpar mellan kommuner
map-legend-pairs-note = (tjockare = fler par)
map-legend-groups-1 = Gruppdeltagare från
map-legend-groups-2 = hemkommunen till
map-legend-groups-3 = gruppens mötesplats
map-legend-number = Siffran efter namnet: deltagare
map-caption = Blandning över kommungränser: { $parts }.
map-caption-pairs = { $share } av { $n } mentorpar har mentor och adept i olika kommuner
map-caption-groups = { $share } av { $n } gruppdeltagare träffas utanför hemkommunen; i snitt { $mean } kommuner per grupp
map-caption-none = Planen har inga mentorpar eller grupper att visa mellan kommunerna.
report-legend = Förklaring
timeline-closed = stängt
timeline-closed-periods = Stängda perioder
timeline-sessions = Kurstillfällen
timeline-col-course = Kurs
timeline-col-session = Tillfälle
timeline-col-dates = Datum (vecka)
timeline-col-venue = Lokal
timeline-col-trainers = Utbildare
timeline-col-attendees = Deltagare
timeline-week = v { $week }
timeline-weeks = v { $from }–{ $to }
timeline-meetings-per-month = Träffar per månad
timeline-no-timetable = Ingen kursplan i denna plan.
timeline-no-courses = Inga kurser.
timeline-no-sessions = inga tillfällen
timeline-no-meetings = Inga mentors- eller gruppträffar i denna plan.
cost-no-timetable = Planen har ingen kursplan, så det finns inga kurskostnader att fördela (0 kr). Tabellen visar deltagare, platser och restid.
cost-plan-term = { $kr } i planen
cost-basis = Kostnaden som fördelas är kursplanens kostnader: utbildarnas dagarvoden ({ $trainers } kr), lokalernas dagshyror ({ $venues } kr) och kurstillfällenas fasta kostnader och dagkostnader ({ $fixed } kr) för { $sessions } kurstillfällen, totalt <strong>{ $total } kr</strong>. Den motsvarar kursplanens kostnadsterm (<code>session_cost</code>{ $plan_term }). Mentorskap och grupper har inga kostnader i planen och ingår inte; deltagarnas restid redovisas i timmar men prissätts inte här.
cost-split-cost-share = Fördelning efter befolkningsandel: instansens kostnadsandelar (<code>cost_share</code>, som Göteborgsregionens andelar) normerade till 100 %.
cost-split-population = Fördelning efter befolkningsandel: kommunens invånare delat med alla deltagande kommuners invånare.
cost-split-seats = Fördelning per deltagare: efter antalet kursplatser kommunens deltagare använder (välj <code>--cost-split population</code> för befolkningsandel).
cost-split-no-seats = Fördelning per deltagare valdes, men inga kursplatser används; kostnaden fördelas därför efter invånare.
cost-note = Omgångens kurskostnad är { $per_participant } och { $per_seat }. Tabellen visar båda fördelningarna sida vid sida: efter befolkning (andel) och efter användning (kursplatser som kommunens deltagare använder); den valda ({ $chosen }) är fetstil och ger kronor per deltagare och per kursplats. Beloppen är avrundade till hela kronor så att de summerar exakt till totalen. Restid: deltagarnas och mentorernas resor tur och retur från hemkommunen till kursdagar, mentorsträffar och gruppträffar, i timmar (planens restider där de finns, annars instansens resmodell).
cost-per-participant = { $kr } kr per deltagare
cost-per-seat = { $kr } kr per kursplats
cost-by-population = efter befolkning
cost-by-usage = efter användning
cost-col-municipality = Kommun
cost-col-population = Invånare
cost-col-participants = Deltagare
cost-col-course-seats = Kursplatser
cost-col-group-places = Gruppplatser
cost-col-mentees = Adepter
cost-col-mentor-assignments = Mentorsuppdrag
cost-col-travel = Restid (h)
cost-col-share = Andel
cost-col-by-population = Efter befolkning (kr)
cost-col-by-usage = Efter användning (kr)
cost-col-per-participant = kr per deltagare
cost-col-per-seat = kr per kursplats

## Why a mentee has no mentor (plans, explain, the report)

why-no-mentors = omgången har inga mentorer
why-no-eligible-mentor = ingen mentor är behörig enligt de fasta reglerna (mentorer uteslutna per regel: { $detail })
why-mentors-full = { $n ->
    [one] den enda behöriga mentorn är fullbokad
   *[other] alla { $n } behöriga mentorer är fullbokade
} med andra adepter; antalet matchade adepter är redan det största möjliga
why-mentors-full-below-maximum = { $n ->
    [one] den enda behöriga mentorn är fullbokad
   *[other] alla { $n } behöriga mentorer är fullbokade
} med andra adepter; den här heuristiska matchningen når inte maximum ({ $max ->
    [one] 1 adept
   *[other] { $max } adepter
} hade kunnat matchas)

why-mentors-full-municipality = { $n ->
    [one] den enda behöriga mentorn är fullbokad eller har redan en adept från { $municipality }
   *[other] alla { $n } behöriga mentorer är fullbokade eller har redan en adept från { $municipality }
} (en mentor tar högst en adept per kommun); antalet matchade adepter är redan det största möjliga
why-mentors-full-municipality-below-maximum = { $n ->
    [one] den enda behöriga mentorn är fullbokad eller har redan en adept från { $municipality }
   *[other] alla { $n } behöriga mentorer är fullbokade eller har redan en adept från { $municipality }
} (en mentor tar högst en adept per kommun); den här heuristiska matchningen når inte maximum ({ $max ->
    [one] 1 adept
   *[other] { $max } adepter
} hade kunnat matchas)
## The report's suggested fixes for the unserved

fix-mentor-places = höj kapaciteten med { $per_mentor } för { $mentors ->
    [one] den fullbokade behöriga mentorn
   *[other] var och en av de { $mentors } fullbokade behöriga mentorerna
} ({ $mentees ->
    [one] 1 adeptplats till behövs
   *[other] { $mentees } adeptplatser till behövs
}), eller rekrytera fler mentorer
fix-recruit-mentors = rekrytera { $mentors ->
    [one] 1 mentor
   *[other] { $mentors } mentorer
} som uppfyller reglerna ({ $capacity ->
    [one] 1 adept
   *[other] { $capacity } adepter
} var)
fix-more-groups = öppna { $groups ->
    [one] 1 grupp
   *[other] { $groups } grupper
} till (högst { $max_size } per grupp)
fix-more-groups-leaders = ; det kräver { $leaders } gruppledare till med plats
fix-more-for-a-group = { $missing ->
    [one] 1 anmäld
   *[other] { $missing } anmälda
} till behövs för att starta en grupp (minst { $min_size })
fix-municipality-cap = höj taket per kommun från { $from } till { $to } (med { $groups ->
    [one] 1 grupp
   *[other] { $groups } grupper
} i programmet)
fix-unit-cap = höj taket per enhet från { $from } till { $to } (med { $groups ->
    [one] 1 grupp
   *[other] { $groups } grupper
} i programmet)
fix-more-leaders = rekrytera { $leaders } gruppledare med kvalifikationen ”{ $qualification }” (eller ge befintliga ledare plats för fler grupper)
fix-more-sessions = öppna { $sessions ->
    [one] 1 tillfälle
   *[other] { $sessions } tillfällen
} till av { $course } ({ $seats } platser per tillfälle)
fix-max-sessions = höj högsta antalet tillfällen av { $course } till { $to }
fix-more-course-participants = { $course }: { $missing } deltagare till behövs för ett tillfälle (minst { $min_size })
fix-trainer-days = { $course }: { $days ->
    [one] 1 utbildardag
   *[other] { $days } utbildardagar
} till (fler behöriga utbildare eller fler dagar per utbildare)
fix-qualify-trainers = behörighetsförklara { $trainers } utbildare till för { $course }
fix-venue = { $course }: boka en lokal med minst { $seats } platser

## Fixed course sessions (pins) that cannot all hold

pin-no-demand = { $pin } ({ $path }): deltagaren { $attendee } har inget kursönskemål för kursen { $course }
pin-cannot-place = { $pin } ({ $path }) kan inte placeras: { $why }{ $others }; ändra eller ta bort någon av dessa fastlåsningar
pin-competes = – den konkurrerar med { $others }
pin-no-placement = ingen placering hittades
pin-no-fit = inget kurstillfälle av kursen passar de fastlåsta datumen, lokalen och utbildarna
pin-attendee-blocked = deltagaren { $attendee } kan inte delta från { $date }: { $why }
pin-trainers-busy = { $n ->
    [one] utbildaren { $trainers } är inte ledig
   *[other] utbildarna { $trainers } är inte lediga
} { $days ->
    [one] den { $date }
   *[other] de { $days } dagarna från { $date }
} (ett annat fastlåst kurstillfälle, otillgänglighet eller deras högsta antal dagar)
pin-too-few-trainers = för få behöriga utbildare är lediga för kurstillfället från { $date }
pin-venue = lokalen { $venue } eller kursens högsta antal kurstillfällen tillåter inget kurstillfälle från { $date }
pin-attendee-twice = deltagaren { $attendee } är fastlåst i två kurstillfällen av kursen
pin-below-minimum = { $n ->
    [one] bara 1 deltagare kan
   *[other] bara { $n } deltagare kan
} delta i ett kurstillfälle från { $date }, kursens minsta grupp är { $min }
pin-block-full = kurstillfället är fullt
pin-block-outside-window = utanför tidsfönstret från anställningsstart till kursens sista dag
pin-block-unavailable = inte tillgänglig en kursdag (eller har en fastlåst mentors- eller gruppträff då)
pin-block-clash = ett annat fastlåst kurstillfälle samma dag
pin-block-month-limit = över antalet kursdagar som är tillåtna under en månad
pin-block-round-days-limit = över antalet kursdagar som är tillåtna i omgången
pin-block-course-count-limit = över antalet kurser som är tillåtna i omgången
pin-block-unit-cap = för många kollegor från enheten är borta på kurs den dagen
pin-block-prerequisite = en förkunskapskurs är varken genomförd eller gås före
pin-block-term-limit = över de kurser, kursdagar eller områden som tillåts under en termin
## trappa serve (docs/serve.md)

serve-listening = trappa serve lyssnar på { $url } (stoppa med Ctrl-C)
serve-bad-addr = --addr { $addr } är ingen adress: skriv t.ex. 127.0.0.1:8080
serve-needs-password = --addr { $addr } når andra datorer än den här: ange --password eller --password-file, eller lyssna på 127.0.0.1
serve-nav-rounds = Omgångar
serve-logout = Logga ut
serve-login = Logga in
serve-login-title = Logga in
serve-login-wrong = Fel lösenord.
serve-login-needed = Logga in först.
serve-password = Lösenord
serve-cross-origin = Formuläret kom från en annan webbplats och avvisades.
serve-csrf = Formuläret saknar en giltig säkerhetsnyckel (det kan vara gammalt): ladda om sidan och försök igen.
serve-error-title = Något gick fel
serve-back-to-rounds = Till omgångarna
serve-back-to-round = Till omgången
serve-back-to-plan = Till planen
serve-internal = Internt fel: { $error }
serve-not-found = Sidan finns inte.
serve-rounds-title = Omgångar
serve-rounds = Alla omgångar
serve-no-rounds = Inga omgångar ännu.
serve-new-round = Ny omgång
serve-new-round-help = Ladda upp omgångens arbetsbok, eller alla dess CSV-filer på en gång (och regelfilen regler.json; utan den används mallens regler), eller börja från mallen.
serve-download-template = Ladda ner mallen (mall.xlsx)
serve-workbook = Arbetsbok (.xlsx) eller CSV-filer
serve-rules-file = Regelfil regler.json (valfri)
serve-upload = Ladda upp
serve-from-template = Börja från mallen
serve-no-workbook = Välj en arbetsbok (eller omgångens CSV-filer) att ladda upp.
serve-two-rules-files = Välj bara en regelfil (regler.json).
serve-csv-twice = { $name } laddades upp två gånger: välj varje CSV-fil en gång.
serve-not-a-workbook = { $name } är ingen arbetsbok: ladda upp en .xlsx-fil (eller .xls/.ods), eller bara omgångens CSV-filer (deltagare.csv, …)
serve-upload-too-large = Filen är för stor: högst { $mb } MB tas emot. Inget sparades.
serve-upload-broken = Uppladdningen kunde inte läsas ({ $error }). Inget sparades.
serve-workbook-bad-title = Arbetsboken har fel
serve-workbook-problems = { $n ->
    [one] Arbetsboken har 1 fel. Inget sparades; rätta cellen och ladda upp igen.
   *[other] Arbetsboken har { $n } fel. Inget sparades; rätta cellerna och ladda upp igen.
}
serve-col-sheet = Blad
serve-col-row = Rad
serve-col-column = Kolumn
serve-col-value = Värde
serve-col-expected = Väntat
serve-col-round = Omgång
serve-col-created = Skapad
serve-col-versions = Versioner
serve-col-version = Version
serve-col-kind = Slag
serve-col-status = Läge
serve-col-finished = Klar
serve-col-when = När
serve-col-what = Vad
serve-col-detail = Detaljer
serve-col-date = Datum
serve-col-time = Tid
serve-col-where = Var
serve-col-name = Namn
serve-col-role = Roll
serve-col-change = Ändring
serve-col-dates = Datum som ändras
serve-versions = Versioner
serve-audit = Logg
serve-kind-plan = ny plan
serve-kind-replan = omplanering per { $today }
serve-status-uploaded = uppladdad, inte planerad
serve-status-queued = i kö
serve-status-planning = planeras
serve-status-done = planerad
serve-status-failed = misslyckades
serve-audit-uploaded = laddades upp
serve-audit-planned = planerades
serve-audit-replanned = planerades om
serve-audit-failed = misslyckades
serve-audit-downloaded = laddades ner
serve-version-title = { $round }, version { $n }
serve-plan = Planera
serve-time-limit = Tidsgräns i sekunder
serve-time-limit-none = ingen: fasta budgetar
serve-advanced = Avancerat
serve-strategy-matching = Strategi för mentorskap
serve-strategy-timetable = Strategi för kurstillfällen
serve-strategy-groups = Strategi för grupper
serve-plan-start = Starta planeringen
serve-bad-time-limit = Tidsgränsen "{ $value }" är inget positivt antal sekunder (högst 30 dagar).
serve-queued = { $n ->
    [one] I kö: en annan plan planeras just nu, den här står först i tur.
   *[other] I kö: en annan plan planeras just nu, den här står som nummer { $n } i kön.
}
serve-elapsed = { $seconds } s
serve-cancel = Avbryt och behåll den bästa planen
serve-cancel-help = Sidan uppdateras av sig själv medan planen görs.
serve-cancelled-queued = Avbruten innan planeringen började.
serve-stopped-kept = Avbruten: den bästa planen hittills sparades.
serve-failed-restart = Servern stoppades medan planen gjordes; ladda upp igen eller planera om.
serve-plan-panicked = Planeringen avbröts av ett internt fel.
serve-check-failed = Den oberoende kontrollen underkände planen ({ $n } regelbrott), så den visas inte: { $first }
serve-failed = Planeringen misslyckades:
serve-not-planned = Versionen är inte planerad.
serve-not-replan = Versionen är ingen omplanering.
serve-downloads = Ladda ner
serve-download-zip = Hela planen (zip)
serve-person = Sök en person
serve-person-search = Namn
serve-search = Sök
serve-person-title = Personer: { $q }
serve-person-none = Ingen i planen heter något med "{ $q }".
serve-person-no-entries = Inget i kalendern.
serve-person-calendar = Kalendern (.ics)
serve-person-explain = Förklaring
serve-report = Rapporten
serve-report-own-page = Öppna rapporten på en egen sida
serve-replan = Planera om
serve-replan-help = Ladda upp den ändrade arbetsboken och välj datum: allt före datumet behålls som det var, och så få personer som möjligt får nya datum.
serve-replan-needs-plan = Omgången behöver en färdig plan innan den kan planeras om.
serve-replan-previous = Utgå från
serve-replan-today = Planera om från
serve-replan-start = Planera om
serve-replan-bad-previous = Välj en färdig version att planera om från.
serve-replan-bad-date = "{ $value }" är inget datum: skriv ÅÅÅÅ-MM-DD.
serve-compare = Jämför två versioner
serve-compare-a = Tidigare
serve-compare-b = Senare
serve-compare-button = Jämför
serve-compare-bad = Välj två färdiga versioner av omgången.
serve-compare-title = { $round }: version { $a } mot { $b }
serve-diff-title = Vem behöver få veta vad (version { $a } → { $b })
serve-diff-none = Ingen behöver få veta något: inga datum ändras.
serve-changed-calendars = { $n ->
    [one] Ladda ner den ändrade personens kalender (zip)
   *[other] Ladda ner de { $n } ändrade personernas kalendrar (zip)
}

## The checker's violations (trappa check): identifiers as in the files, so a position can be found.

check-bound-below-maximum = { $what } angivna gräns { $bound } ligger under det omräknade maximerade värdet { $objective }: ingen gräns kan göra det
check-bound-above-minimum = { $what } angivna gräns { $bound } ligger över den omräknade minimerade kostnaden { $objective }: ingen gräns kan göra det
check-instance-mismatch = planen gjordes för en instans med SHA-256 { $planned }, den här har { $this }
check-pin-pair-missing = { $path }: det fastlåsta paret { $mentor }–{ $mentee } finns inte i planen
check-pin-pair-meeting = { $path }: den fastlåsta träffen { $date } för { $mentor }–{ $mentee } finns inte bland parets träffar
check-pin-session-none = inget kurstillfälle i planen har den fastlåsta kursen, datumen, lokalen, utbildarna och deltagarna
check-pin-session-taken = { $n ->
    [one] tillfället som passar ({ $sessions }) används redan för ett annat fastlåst tillfälle
   *[other] tillfällena som passar ({ $sessions }) används redan för andra fastlåsta tillfällen
}
check-pin-session = fastlåst kurstillfälle { $label } (kurs { $course }): { $why }
check-pin-group-no-plan = gruppverksamheten { $programme } har fastlåsta grupper men ingen plan
check-pin-group-split = { $path }: medlemmarna { $members } är inte alla i samma grupp i { $programme }
check-pin-group-shared = { $path } och { $other } är båda i grupp { $group }; fastlåsta grupper måste vara olika
check-pin-group-leader = { $path }: grupp { $group } leds av { $by } i stället för den fastlåsta ledaren { $leader }
check-pin-group-no-leader = { $path }: grupp { $group } har ingen ledare i stället för den fastlåsta ledaren { $leader }
check-pin-group-meeting = { $path }: den fastlåsta träffen { $date } finns inte bland grupp { $group }s träffar
check-day-saturday = en lördag
check-day-sunday = en söndag
check-day-new-year = nyårsdagen
check-day-epiphany = trettondedag jul
check-day-may-day = första maj
check-day-national-day = nationaldagen
check-day-christmas-eve = julafton
check-day-christmas-day = juldagen
check-day-boxing-day = annandag jul
check-day-new-years-eve = nyårsafton
check-day-good-friday = långfredagen
check-day-easter-monday = annandag påsk
check-day-ascension = Kristi himmelsfärdsdag
check-day-midsummer-eve = midsommarafton
check-day-round-closed = en stängd dag i omgången
check-day-closed = en stängd dag
check-day-outside-round = utanför omgången
check-of-timetable = schemats
check-of-mentorship = mentorskapets
check-of-groups = gruppverksamheten { $programme }s
check-pair-closed-day = { $mentor }–{ $mentee } träffas { $date }, { $why }
check-group-closed-day = { $group } träffas { $date }, { $why }
check-session-closed-day = kurstillfälle { $session } äger rum { $date }, { $why }
check-pair-unknown-person = paret { $mentor }–{ $mentee } nämner någon som inte finns i instansen
check-mentee-not-eligible = { $mentee } har en mentor men vill inte ha någon eller är i fasen "{ $phase }", som inte är bland { $phases }
check-mentee-twice = { $mentee } har mer än en mentor
check-mentor-over-capacity = mentor { $mentor } har { $n } adepter, kapaciteten är { $cap }
check-mentor-two-from-municipality = mentor { $mentor } har adepterna { $first } och { $second } från { $municipality }; programmet tillåter en adept per kommun
check-mentor-no-capacity = mentor { $mentor } har kapaciteten { $cap }
check-pair-same-unit = mentor { $mentor } och adept { $mentee } arbetar båda i enhet { $unit }
check-pair-same-municipality = mentor { $mentor } och adept { $mentee } finns båda i { $place }
check-mentor-untrained = mentor { $mentor } har inte gått mentorsutbildningen
check-mentor-too-few-years = mentor { $mentor } har { $years } år i yrket, färre än { $min }
check-pair-excluded = paret { $mentor }–{ $mentee } är uteslutet
check-pair-too-far = mentor { $mentor } skulle resa { $minutes } min till adept { $mentee }, mer än högst { $max }
check-pair-meeting-count = { $mentor }–{ $mentee } har { $n ->
    [one] 1 träff
   *[other] { $n } träffar
}; reglerna kräver { $min }–{ $max }
check-pair-meeting-phase = { $mentor }–{ $mentee } träffas { $date }, när { $mentee } är i fasen "{ $phase }", som inte har mentorer
check-pair-outside-round = { $mentor }–{ $mentee } träffas { $date }, utanför omgången { $start }–{ $end }
check-pair-same-month = { $mentor }–{ $mentee } träffas två gånger under { $month }
check-pair-meetings-unordered = { $mentor }–{ $mentee }: träffarna står inte i datumordning ({ $prev }, { $date })
check-pair-meetings-close = { $mentor }–{ $mentee } träffas { $prev } och { $date }, { $days ->
    [one] 1 dag
   *[other] { $days } dagar
} emellan; minst { $min } krävs
check-pair-unavailable = { $who } är inte tillgänglig { $date }, en träff för { $mentor }–{ $mentee }
check-pair-double-booked = { $who } har två träffar { $date }
check-pair-unknown-place = { $mentor }–{ $mentee } träffas i en okänd kommun "{ $place }"
check-pair-place-policy = { $mentor }–{ $mentee } träffas i { $place }, i strid med regeln { $policy } för mötesplats
check-unmatched-unknown = { $id } står som utan mentor men är inte deltagare i instansen
check-unmatched-not-eligible = { $id } står som utan mentor men är inte en behörig adept
check-unmatched-paired = { $id } står som utan mentor men har en mentor i planen
check-unmatched-twice = { $id } står som utan mentor två gånger
check-unmatched-missing = { $id } är behörig till en mentor men har varken fått en mentor eller står som utan mentor
check-reason-mentors-allowed = { $n ->
    [one] mentorn { $mentors } tillåts av alla ovillkorliga regler
   *[other] mentorerna { $mentors } tillåts av alla ovillkorliga regler
}
check-reason-lists-full = den listar fullbokade mentorer { $mentors }
check-reason-excluded-by = dess excluded_by räknar { $n ->
    [one] 1 mentor
   *[other] { $n } mentorer
}; omgången har { $total }
check-reason-none-allowed = ingen mentor tillåts av de ovillkorliga reglerna
check-reason-full-list = full_mentors listar { $listed }; de tillåtna mentorerna är { $allowed }
check-reason-mentor-free = mentor { $mentor } har { $n ->
    [one] 1 adept
   *[other] { $n } adepter
}, kapaciteten är { $cap }
check-reason-unknown = "{ $code }" är ingen orsakskod
check-unmatched-reason = { $mentee } står som utan mentor med orsaken "{ $reason }", som inte stämmer: { $why }
check-not-eligible-unknown = { $id } står som ej behörig till mentor men är inte deltagare i instansen
check-not-eligible-no-wish = { $id } står som ej behörig till mentor men vill inte ha någon mentor
check-not-eligible-is-eligible = { $id } står som ej behörig till mentor men är behörig (fas { $phase })
check-not-eligible-phase = { $id } står som ej behörig till mentor men är i fasen { $phase }, inte { $listed }
check-not-eligible-twice = { $id } står som ej behörig till mentor två gånger
check-not-eligible-missing = { $id } vill ha en mentor men är i fasen { $phase }, som inte är bland { $phases }, och står inte som ej behörig
check-not-maximum = { $matched } adepter har fått mentor men { $best } kunde få det, och planens status säger inte det (matched_maximum)
check-not-maximum-stated = planens status säger att { $stated } adepter kunde få mentor ({ $optimality }, { $matched } har fått); kontrollen finner { $best }
check-objective-counts = planen anger { $matched } med mentor och { $unmatched } utan men listar { $pairs } par och { $listed } utan mentor
check-objective-cost = planen anger kostnaden { $reported }, omräknad { $recomputed }
check-objective-term = termen { $term }: planen anger { $reported }, omräknad { $recomputed }
check-why-phase = fas { $phase } den { $date }
check-why-months = { $months } månader i yrket
check-why-themes = inget intresse för verksamhetens teman
check-why-role = rollen
check-groups-unknown-programme = planen har grupper för en okänd gruppverksamhet { $programme }
check-groups-too-many = { $programme }: { $n ->
    [one] 1 grupp
   *[other] { $n } grupper
}, verksamheten tillåter högst { $max }
check-group-size = { $group } har { $n ->
    [one] 1 medlem
   *[other] { $n } medlemmar
}, verksamhetens grupper rymmer { $min }–{ $max }
check-group-member-unknown = { $group }: { $id } är inte deltagare
check-group-member-not-eligible = { $group }: { $id } är inte behörig ({ $why })
check-group-member-not-enrolled = { $group }: { $id } är inte anmäld
check-group-member-twice = { $programme }: { $id } är med i mer än en grupp
check-group-mixing-municipality = { $group } har { $n ->
    [one] 1 medlem
   *[other] { $n } medlemmar
} från kommunen { $municipality }, högst { $cap } tillåts
check-group-mixing-unit = { $group } har { $n ->
    [one] 1 medlem
   *[other] { $n } medlemmar
} från enheten { $unit }, högst { $cap } tillåts
check-group-place-venue = { $group } träffas i { $place }, verksamhetens mötesplats är { $venue }
check-group-place-travel = { $group } träffas i { $place }; en annan kommun ger medlemmarna kortare resor
check-group-place-unknown = { $group } träffas i en okänd kommun { $place }
check-group-no-leader = { $group } har ingen ledare
check-group-co-leaders-only = { $group } har medledare men ingen ledare
check-group-leader-count = { $group } har { $n ->
    [one] 1 ledare
   *[other] { $n } ledare
}, verksamheten har { $per_group } per grupp
check-group-leader-twice = { $group }: ledaren { $leader } står med två gånger
check-group-leader-unknown = { $group }: ledaren { $leader } är okänd
check-group-leader-unqualified = { $group }: ledaren { $leader } är inte behörig för "{ $qualification }"
check-leader-over-max = ledaren { $leader } leder { $n ->
    [one] 1 grupp
   *[other] { $n } grupper
}, högst { $max }
check-group-meeting-count = { $group } har { $n ->
    [one] 1 träff
   *[other] { $n } träffar
}, reglerna kräver { $min }–{ $max }
check-group-outside-round = { $group } träffas { $date }, utanför omgången
check-group-meeting-gap = { $group } träffas { $prev } och { $date }: en gång i månaden, minst { $min } dagar emellan
check-group-series-gap = { $group } träffas { $prev } och { $date }, mer än { $max } dagar emellan
check-group-start-staged = { $group } börjar { $date }, men verksamhetens grupper börjar med omgången
check-group-start-outside = { $group } börjar { $date }, utanför omgången
check-group-before-start = { $group } träffas { $date }, före sin start { $start }
check-group-session-unknown = { $group } anger kurstillfälle { $session }, som inte är ett tillfälle av den kopplade kursen
check-group-session-none = { $group } anger inget kurstillfälle av den kopplade kursen
check-group-session-start = { $group } börjar inte på kurstillfällets första dag { $date }
check-group-session-absent = { $group }: { $id } deltog inte i kurstillfället
check-group-leader-unavailable = { $group }: ledaren { $leader } är inte tillgänglig { $date }
check-leader-double-booked = ledaren { $leader } har två gruppträffar { $date }
check-group-conflict-unlisted = { $group }: { $id } är inte tillgänglig { $date } och krocken står inte med
check-groups-no-plan = gruppverksamheten { $programme } har ingen plan
check-why-not-participant = är inte deltagare i instansen
check-why-not-enrolled = är inte anmäld
check-why-in-group = är med i en grupp
check-why-listed-twice = står med två gånger
check-why-eligible = personen är behörig
check-why-out-of-scope = inte inom verksamhetens målgrupp
check-why-not-eligible = personen är inte behörig ({ $why })
check-why-groups-to-join = verksamheten har { $n ->
    [one] 1 grupp
   *[other] { $n } grupper
} som personen kunde gå med i
check-why-free-seat = en grupp har en ledig plats inom gränserna för blandning
check-why-no-enrolment-list = verksamheten har ingen anmälningslista att stå med från
check-why-is-eligible = är behörig
check-group-unserved-wrong = { $programme }: { $id } står som ej placerad ("{ $reason }") men { $why }
check-group-unserved-missing = { $programme }: { $id } är behörig men varken med i en grupp eller står som ej placerad
check-group-not-eligible-wrong = { $programme }: { $id } står som ej behörig men { $why }
check-group-not-eligible-missing = { $programme }: { $id } är anmäld men inte behörig ({ $why }) och står inte som ej behörig
check-groups-objective = { $programme }: planen anger mångfald { $diversity }, resor { $travel }; omräknat { $recomputed_diversity }, { $recomputed_travel }
check-group-and-mentor-meeting = { $who } har både en mentorsträff och en gruppträff { $date }
check-timetable-missing = instansen har { $n ->
    [one] 1 kursbehov
   *[other] { $n } kursbehov
} men planen har inget schema
check-session-id-twice = kurstillfällets id { $session } används två gånger
check-session-unknown-course = kurstillfälle { $session } anger en okänd kurs "{ $course }" eller lokal "{ $venue }"
check-session-unknown-trainer = kurstillfälle { $session } anger en okänd utbildare "{ $trainer }"
check-session-unknown-participant = kurstillfälle { $session } anger en okänd deltagare "{ $id }"
check-session-days = kurstillfälle { $session } har { $n ->
    [one] 1 dag
   *[other] { $n } dagar
}; { $course } har { $days }
check-session-pattern = kurstillfälle { $session }: { $first } och { $second } följer inte mönstret { $pattern } för { $course }
check-session-size = kurstillfälle { $session } har { $n ->
    [one] 1 deltagare
   *[other] { $n } deltagare
}; { $course } behöver { $min }–{ $max } och { $venue } har { $seats } platser
check-session-trainer-count = kurstillfälle { $session } har utbildarna { $trainers }; { $course } behöver { $n ->
    [one] 1 utbildare
   *[other] { $n } olika utbildare
}
check-trainer-unqualified = utbildaren { $trainer } undervisar på kurstillfälle { $session } men är inte behörig för { $course }
check-venue-conflict = lokalen { $venue } har kurstillfällena { $other } och { $session } { $date }
check-venue-unavailable = lokalen { $venue } är inte tillgänglig { $date }, en dag av kurstillfälle { $session }
check-trainer-conflict = utbildaren { $trainer } undervisar på kurstillfällena { $other } och { $session } { $date }
check-trainer-unavailable = utbildaren { $trainer } är inte tillgänglig { $date }, en dag av kurstillfälle { $session }
check-trainer-max-days = utbildaren { $trainer } undervisar { $n ->
    [one] 1 dag
   *[other] { $n } dagar
}, fler än högst { $max }
check-course-max-sessions = { $course } ges vid { $n ->
    [one] 1 tillfälle
   *[other] { $n } tillfällen
}, fler än högst { $max }
check-attendee-phase = { $id } deltar i { $session } men är i fasen { $phase } den { $date }, som inte är bland { $phases }
check-attendee-not-demanded = { $id } deltar i { $session } men har inget behov av { $course }
check-attendee-window = { $id } deltar i { $session } utanför tidsfönstret (anställd från { $start }, sista dag) för { $course }
check-attendee-twice = { $id } går { $course } två gånger ({ $first } och { $second })
check-attendee-unavailable = { $id } är inte tillgänglig { $date }, en dag av kurstillfälle { $session }
check-attendee-double-booked = { $id } har kurstillfällena { $other } och { $session } { $date }
check-mentor-meeting-and-session = { $who } har både en mentorsträff och kurstillfälle { $session } { $date }
check-prerequisite = { $id } deltar i { $session } utan att ha gått förkunskapskursen { $prerequisite }
check-workload-month = { $id } har { $n ->
    [one] 1 kursdag
   *[other] { $n } kursdagar
} under { $month }, fler än { $max }
check-no-limit = ingen
check-workload-round = { $id } har { $days ->
    [one] 1 kursdag
   *[other] { $days } kursdagar
} och { $courses ->
    [one] 1 kurs
   *[other] { $courses } kurser
} i omgången; gränserna är { $max_days } och { $max_courses }
check-unit-absence = { $n ->
    [one] 1 person
   *[other] { $n } personer
} från enheten { $unit } är på kurs { $date }; högst { $cap } får vara borta
check-unserved-unknown = posten om ej tillgodosett behov { $id }–{ $course } anger en okänd deltagare eller kurs
check-unserved-not-asked = { $id } står som ej tillgodosedd för { $course }, som personen inte har sökt
check-unserved-reason = { $id }–{ $course } står som ej tillgodosett med orsaken "{ $reason }": { $why }
check-unserved-priority = { $id }–{ $course } står med prioriteten { $listed }, instansen anger { $priority }
check-unserved-attends = { $id } står som ej tillgodosedd för { $course } men deltar i kursen
check-unserved-missing = { $id } har sökt { $course } men varken deltar eller står som ej tillgodosedd
check-unserved-times = { $id }–{ $course } står som ej tillgodosett { $n } gånger
check-timetable-term = schemats term { $term }: planen anger { $reported }, omräknat { $recomputed }
check-timetable-objective = planen anger schemats mål till { $reported }, omräknat { $recomputed }
check-timetable-coverage = täckning för prioriteten { $priority }: planen anger { $reported }, omräknat { $recomputed }
check-any-number = hur många som helst
check-course-starts-per-year = { $course } startar { $n ->
    [one] 1 gång
   *[other] { $n } gånger
} från { $from } till { $to }; den delen av omgången kräver { $min } till { $max }
check-course-start-gap = { $course } startar { $first } och nästa gång { $next }, { $days ->
    [one] 1 dag
   *[other] { $days } dagar
} senare; kursen kräver { $min } till { $max } dagar
check-term-courses = { $n ->
    [one] 1 kurs
   *[other] { $n } kurser
}, fler än { $max }
check-term-days = { $n ->
    [one] 1 kursdag
   *[other] { $n } kursdagar
}, fler än { $max }
check-term-areas = kurser inom { $n ->
    [one] 1 utvecklingsområde
   *[other] { $n } utvecklingsområden
}, fler än { $max }
check-term-workload = { $id } har { $why } under { $term }
check-reason-does-not-hold = "{ $reason }" stämmer inte för { $id } och { $course }
role-social-secretary = socialsekreterare
role-executor = utförare
role-first-line-manager = arbetsledare
role-other = annan roll
check-attendee-role = { $id } deltar i { $session } men är { $role }; kursen är för { $roles }
why-role-not-eligible = { $course }: kursen är för { $roles }, och { $participant } är { $role }
note-course-role-nobody = kursen { $course } är för { $roles }, och ingen deltagare i omgången har den rollen


## Reading an instance: the problems of a file (code and JSON path stay as they are; docs/errors.md)

load-at-path = vid { $path }
load-line-column = rad { $line }, kolumn { $column }
load-line = rad { $line }
load-cannot-read = kan inte läsa { $path }: { $error }
load-not-an-instance = { $path } är { $what }, inte en instansfil: { $action }
load-problems = { $path }: { $n } problem:
load-what-plan-directory = en planmapp
load-what-csv-directory = en mapp med CSV-filer (en förteckning)
load-what-directory = en mapp
load-what-workbook = en arbetsbok
load-what-csv-file = en CSV-fil (ett blad i en förteckning)
load-import-first = kör först `trappa import roster { $path } --out round.json` och ange sedan round.json
load-import-dir-first = kör först `trappa import roster { $dir } --out round.json` på filens mapp och ange sedan round.json
load-give-plan-instance = ange instansfilen (planens kopia av den är { $copy })
load-give-instance-json = ange instansens JSON-fil
load-plan-cannot-read = kan inte läsa planen { $path }: { $error }
load-not-a-plan = { $path }: ingen plan från trappa: { $problems }. Ange planmappen som `trappa solve` skrev, eller dess plan.json
load-size-mib = { $n } MiB
load-size-bytes = { $n } byte
load-reader-limit = läsarens gräns
load-file-too-large = filen är större än { $size } ({ $limit }, docs/limits.md)
load-file-too-large-hint = ange rätt fil; en så stor omgång måste delas upp i mindre instanser
load-cp1252 = ; i Windows-1252 (Latin-1) är det "{ $char }", så filen sparades troligen med den teckenkodningen
load-not-utf8 = filen är inte UTF-8-text: byten 0x{ $byte } på position { $offset } är inte giltig UTF-8{ $hint }
load-not-utf8-hint = spara filen som UTF-8 (Anteckningar: Spara som → Kodning UTF-8; LibreOffice: teckenuppsättning Unicode (UTF-8); export från Excel: "CSV UTF-8"); trappa läser JSON bara som UTF-8
load-too-many-values = filen innehåller { $n } JSON-värden, över gränsen MAX_JSON_VALUES = { $limit }; här är det första värdet över gränsen
load-too-many-values-hint = ange rätt fil; en så stor omgång måste delas upp i mindre instanser (docs/limits.md)
load-too-deep = objekt och listor är nästlade fler än { $depth } nivåer djupt (MAX_JSON_DEPTH)
load-too-deep-hint = formatet nästlar aldrig så djupt: leta efter en lång rad inledande hakparenteser, t.ex. från en trasig export
load-more-duplicate-keys = { " " }({ $n ->
    [one] 1 upprepad nyckel till följer
   *[other] { $n } upprepade nycklar till följer
})
load-duplicate-key = nyckeln "{ $key }" står två gånger i samma objekt, första gången på rad { $line }, kolumn { $column }{ $more }
load-duplicate-key-hint = behåll ett av de två värdena (JSON-läsare skiljer sig åt i vilket de behåller)
load-invalid-json = ogiltig JSON: { $detail }
load-invalid-json-hint = rätta JSON-syntaxen på angiven rad och kolumn (oftast saknas ett kommatecken, ett citattecken eller en parentes)
load-plan-type-hint = ge värdet den typ som formatet anger (docs/format.md); ta bort felstavade fält
load-serde-missing-field = fältet `{ $field }` saknas
load-serde-unknown-field = okänt fält `{ $field }`, { $expected }
load-serde-unknown-variant = okänt värde `{ $value }`, { $expected }
load-serde-expected-one-of = väntade ett av { $list }
load-serde-expected = väntade { $what }
load-serde-no-fields = det finns inga fält
load-serde-invalid-type = fel typ: { $found }, { $expected }
load-serde-invalid-value = ogiltigt värde: { $found }, { $expected }
load-time-shape = väntade ett klockslag som TT:MM, t.ex. "13:00", fann "{ $found }"
load-date-shape = ogiltigt datum "{ $date }": datum skrivs ÅÅÅÅ-MM-DD, med fyrsiffrigt år och tvåsiffrig månad och dag, t.ex. "2027-01-05"
load-date-no-such-day = ogiltigt datum "{ $date }": dagen finns inte i kalendern
load-date-year = ogiltigt datum "{ $date }": året måste ligga mellan { $min } och { $max }
load-not-an-object = filen måste innehålla ett JSON-objekt
load-not-an-object-hint = utgå från ett exempel i instances/
load-format-expected = väntade "trappa-instance", fann { $found }
load-found-nothing = ingenting
load-format-hint = sätt "format": "trappa-instance" (är det en planfil? använd `trappa check INSTANS PLAN`)
load-version-expected = den här versionen av trappa läser formatversion { $version }, fann { $found }
load-found-none = ingen
load-version-hint = sätt "version": 2 (en fil i version 1 läses också och uppgraderas), eller använd den version av trappa som skrev filen
load-date-hint = skriv datumet som ÅÅÅÅ-MM-DD, t.ex. "2027-01-05" (fyrsiffrigt år 1900–2200, tvåsiffrig månad och dag)
load-type-hint = ge fältet den typ som docs/format.md anger (datum som "ÅÅÅÅ-MM-DD"); ta bort felstavade fält
load-out-of-range = { $what } är { $value }, utanför { $min }..{ $max }
load-out-of-range-hint = ange { $what } mellan { $min } och { $max }
load-empty = { $what } är tomt
load-empty-hint = fyll i { $what } för varje post
load-duplicate-id = id "{ $id }" används redan vid { $first }
load-duplicate-id-hint = ge varje post ett eget id
load-unknown-municipality = okänd kommun "{ $id }"
load-unknown-unit = okänd enhet "{ $id }"
load-unknown-phase = okänd fas "{ $id }"
load-unknown-participant = okänd deltagare "{ $id }"
load-unknown-mentor = okänd mentor "{ $id }"
load-unknown-course = okänd kurs "{ $id }"
load-unknown-venue = okänd lokal "{ $id }"
load-unknown-trainer = okänd utbildare "{ $id }"
load-unknown-group-leader = okänd gruppledare "{ $id }"
load-use-municipality-id = använd ett id från region.municipalities
load-use-unit-id = använd ett id från region.units
load-use-phase-id = använd ett fas-id från "phases"
load-use-participant-id = använd ett id från "participants"
load-use-mentor-id = använd ett id från "mentors"
load-use-course-id = använd ett id från "courses"
load-what-id = id
load-what-name = namn
load-what-round-name = omgångens namn
load-what-phase-id = fasens id
load-what-area = utvecklingsområde
load-what-latitude = latitud
load-what-longitude = longitud
load-what-cost-share = kostnadsandel
load-what-road-factor = vägfaktor
load-what-speed = hastighet
load-what-travel-minutes = restid i minuter
load-what-years-in-profession = år i yrket
load-what-max-travel-minutes = längsta restid i minuter
load-what-mentor-min-years = minsta antal år i yrket för mentorer
load-what-pair-cost = parkostnad
load-what-weight = vikt
load-what-pair-weight = parvikt
load-what-fixed-cost = fast kostnad
load-what-day-cost = dagkostnad
load-what-day-rate = dagarvode
load-what-unit-absence-share = andel av enheten som får vara borta
load-what-mentor-meetings = mentorsträffar
load-what-group-meetings = gruppträffar
load-what-course-days = kursdagar
load-meeting-times = { $what } slutar kl. { $end }, inte efter att de börjar kl. { $start }
load-course-times = kursdagarna i { $course } slutar kl. { $end }, inte efter att de börjar kl. { $start }
load-meeting-times-hint = ange en sluttid efter starttiden (standard: mentorsträffar 13:00–15:00, gruppträffar 13:00–16:00, kursdagar 09:00–16:00)
load-round-reversed = omgången slutar ({ $end }) innan den börjar ({ $start })
load-round-reversed-hint = byt plats på eller rätta round.start och round.end
load-round-too-long = omgången varar mer än tre år
load-round-too-long-hint = dela upp programmet i omgångar på högst tre år
load-no-participants = omgången har inga deltagare
load-no-participants-hint = lägg till omgångens deltagare (se exemplen i instances/)
load-range-reversed = perioden slutar ({ $to }) innan den börjar ({ $from })
load-range-reversed-hint = byt plats på eller rätta "from" och "to"
load-no-municipalities = regionen har inga kommuner
load-no-municipalities-hint = lista kommunerna som deltar
load-population-negative = invånarantalet är { $value }
load-population-hint = ange antalet invånare (0 eller fler)
load-headcount-negative = antalet anställda är { $value }
load-headcount-hint = ange enhetens antal anställda (minst 1)
load-travel-twice = restiden { $from }–{ $to } står två gånger
load-travel-twice-hint = behåll en post per kommunpar
load-no-phases = inga faser är angivna
load-no-phases-hint = lista faserna, den första med min_years 0, eller utelämna "phases" för att få standardfaserna
load-first-phase = den första fasen börjar vid { $years } år
load-first-phase-hint = låt den första fasen börja vid 0 år
load-phase-twice = fasen "{ $id }" står två gånger
load-phase-twice-hint = ge varje fas ett eget id
load-phases-order = faserna står inte i strikt stigande ordning efter min_years
load-phases-order-hint = ordna faserna från nyanställd till mest erfaren
load-date-after-round = { $field } { $date } ligger efter omgångens slut ({ $end })
load-date-after-round-hint = rätta datumet, eller låt personen stå utanför den här omgången
load-mentor-no-unit = mentorn har ingen enhet
load-mentor-no-unit-hint = ange mentorns enhet: regeln 'mentor från en annan enhet' behöver den
load-capacity-negative = kapaciteten är { $value }
load-mentor-capacity-hint = ange hur många adepter mentorn kan ta samtidigt (0 eller fler)
load-history-mentor = "{ $id }" är en mentor, inte en adept
load-history-mentor-hint = lista tidigare adepters deltagar-id
load-unit-overfull = enheten "{ $unit }" har { $headcount } anställda men { $count } av omgångens personer arbetar där
load-unit-overfull-hint = höj antalet anställda till enhetens verkliga antal
load-meeting-count = min_meetings { $min } och max_meetings { $max } ger inget giltigt antal
load-meeting-count-hint = sätt 1 ≤ min_meetings ≤ max_meetings (standard 8–10)
load-max-meetings = max_meetings är { $max }, fler än en träff i månaden i tre år
load-max-meetings-hint = träffarna är månatliga: använd högst omgångens antal månader
load-min-days-between = min_days_between är { $days }
load-min-days-between-hint = använd 1–62 dagar (standard 21)
load-meetings-do-not-fit = { $n } månatliga träffar ryms inte i en omgång som berör { $months ->
    [one] 1 månad
   *[other] { $months } månader
}
load-meetings-do-not-fit-hint = sänk min_meetings eller förläng omgången
load-exclusion-twice = uteslutningen { $mentor }–{ $mentee } står två gånger
load-pair-cost-twice = parkostnaden { $mentor }–{ $mentee } står två gånger
load-one-entry-per-pair = behåll en post per par
load-group-size-empty = gruppstorleken { $min }–{ $max } är tom
load-size-hint = sätt 1 ≤ min_size ≤ max_size
load-group-sizes-empty = ett intervall för gruppstorlek är tomt
load-group-sizes-hint = ge varje grupp 1 ≤ min ≤ max, och ange minst en grupp
load-zero-groups = noll grupper
load-zero-groups-hint = utelämna "groups" så väljer trappa, eller ange minst 1
load-mixing-cap-zero = ett tak på 0 per kommun eller enhet släpper inte in någon
load-mixing-cap-zero-hint = använd ett tak på minst 1, eller utelämna det
load-group-meetings = { $min }–{ $max } träffar med minst { $gap } dagar emellan går inte att uppfylla
load-group-meetings-hint = sätt 1 ≤ min ≤ max och ett mellanrum på 1–62 dagar (standard 8–10 träffar, 21 dagar)
load-group-meetings-do-not-fit = { $n } månatliga träffar ryms inte i omgången
load-group-meetings-do-not-fit-hint = sänk meetings.min eller förläng omgången
load-months-reversed = min_months { $min } är större än max_months { $max }
load-months-reversed-hint = rätta antalet månader i yrket
load-cohort-months = kohorter var 0:e månad
load-cohort-months-hint = ange 1–120 månader, eller utelämna det
load-cohort-and-linked = både cohort_months och linked_course är angivna
load-cohort-and-linked-hint = en gruppverksamhet som är kopplad till en kurs startar en kohort per kurstillfälle: utelämna cohort_months
load-staged-with-groups = groups, group_sizes och fixed_groups kan inte kombineras med kohorter eller en kopplad kurs
load-staged-with-groups-hint = utelämna groups, group_sizes och fixed_groups: varje kohort bildar så många grupper som dess deltagare behöver
load-leaders-per-group = { $n } gruppledare per grupp
load-leaders-per-group-hint = ange 1–4 gruppledare per grupp
load-max-days-between = högst { $max } dagar mellan träffarna, men minst { $min } krävs
load-max-days-between-hint = sätt max_days_between ≥ min_days_between
load-pair-weight-twice = paret { $a }–{ $b } står två gånger eller parar ihop en person med sig själv
load-pair-weight-twice-hint = behåll en post per par av två personer
load-max-groups-negative = max_groups är { $value }
load-max-groups-hint = ange hur många grupper gruppledaren kan ta (0 eller fler)
load-course-days = ett kurstillfälle av { $course } har { $days } dagar
load-course-days-hint = ange antalet kursdagar för ett kurstillfälle (1–60)
load-course-sizes = min_size { $min } och max_size { $max } ger ingen giltig gruppstorlek
load-no-trainer = ett kurstillfälle behöver minst en utbildare
load-no-trainer-hint = sätt trainers_per_session till 1 eller fler
load-deadline-zero = en sista tid på 0 månaders anställning lämnar ingen tid för kursen
load-deadline-zero-hint = ange inom hur många månaders anställning kursen ska vara klar, eller utelämna det
load-max-sessions-zero = max_sessions 0 förbjuder alla kurstillfällen
load-max-sessions-zero-hint = ta bort kursen, eller tillåt minst ett kurstillfälle
load-consecutive-over-month = { $course } har { $days } kursdagar i följd, så minst { $in_month } hamnar i samma månad, men en deltagare får ha högst { $max } kursdagar i månaden
load-consecutive-over-month-hint = höj workload.max_course_days_per_month, eller ge kursen mönstret "weekly" eller "spread"
load-spread-gap = en utspridd kurs behöver minst en dag mellan kursdagarna
load-spread-gap-hint = ange min_gap_days (standard 7)
load-course-over-round = { $course } har { $days } dagar men en deltagare får ha högst { $max } kursdagar i omgången
load-course-over-round-hint = höj workload.max_course_days_per_round eller dela kursen
load-prerequisite-self = kursen { $course } är förkunskapskrav för sig själv
load-prerequisite-cycle = kurserna { $courses } och { $last } är förkunskapskrav för varandra i en cirkel: var och en kräver sig själv genom de andra
load-prerequisite-cycle-hint = ta bort ett av förkunskapskraven i cirkeln
load-venue-no-seats = lokalen har inga platser
load-venue-no-seats-hint = ange antalet platser (minst 1)
load-history-twice = att { $participant } har gått { $course } står två gånger
load-demand-twice = { $participant } söker { $course } två gånger
load-one-entry-per-participant-course = behåll en post per deltagare och kurs
load-demand-completed = { $participant } söker { $course }, men enligt kurshistoriken har personen redan gått kursen
load-demand-completed-hint = ta bort behovet, eller posten i kurshistoriken om kursen ska gås om
load-phase-demand-twice = fasen { $phase } anger { $course } två gånger
load-phase-demand-twice-hint = behåll en post per fas och kurs
load-workload-zero = en gräns för arbetsbelastningen på 0 förbjuder alla kurser
load-workload-zero-hint = ange positiva gränser (standard: 6 dagar i månaden, 15 dagar och 2 kurser per omgång)
load-what-starts-a-year = starter per år
load-what-days-between-starts = dagar mellan starterna
load-cadence-zero = { $course } tillåter 0 { $what }
load-cadence-zero-hint = tillåt minst 1 för max_{ $field }, eller utelämna det
load-cadence-reversed = { $course } kräver minst { $min } och högst { $max } { $what }
load-cadence-reversed-hint = sätt min_{ $field } ≤ max_{ $field }
load-term-reversed = terminen { $term } slutar { $end } innan den börjar { $start }
load-term-reversed-hint = byt plats på datumen
load-term-overlap = terminen { $term } börjar { $start }, inte efter slutet av terminen { $previous } ({ $previous_end })
load-term-overlap-hint = lista terminerna i datumordning utan överlapp
load-term-limit-zero = en gräns per termin på 0 förbjuder alla kurser
load-term-limit-zero-hint = ange gränser per termin på minst 1, eller utelämna dem
load-course-over-term = { $course } har { $days } dagar men en deltagare får ha högst { $max } kursdagar per termin
load-course-over-term-hint = höj workload.max_course_days_per_term eller dela kursen
load-over-limit = { $what } är { $found }, över gränsen { $limit } = { $value }
load-split-round = dela omgången (t.ex. per delregion eller termin) i instanser inom gränserna i docs/limits.md
load-what-number-of = antalet { $items }
load-what-population = invånarantalet
load-what-headcount = antalet anställda
load-what-capacity = kapaciteten
load-what-number-of-groups = antalet grupper
load-what-a-group-size = en gruppstorlek
load-what-earlier-group-size = storleken på en tidigare grupp
load-what-together-before-pairs = antalet par i together_before (alla gruppverksamheter hittills)
load-population-real-hint = ange kommunens verkliga invånarantal
load-headcount-real-hint = ange enhetens verkliga antal anställda
load-mentor-capacity-limit-hint = ange hur många adepter mentorn kan ta samtidigt
load-max-groups-limit-hint = ange hur många grupper gruppledaren kan ta
load-session-size-hint = ange den största grupp som ett kurstillfälle tar emot
load-trainers-per-session-hint = ange hur många utbildare som undervisar ett kurstillfälle
load-venue-seats-hint = ange lokalens verkliga antal platser
load-group-size-limit-hint = ange storleken på en grupp
load-groups-limit-hint = ange hur många grupper som ska bildas
load-group-sizes-limit-hint = ange ett storleksintervall per grupp som ska bildas
load-group-size-range-hint = ange storleksintervallet för en grupp
load-earlier-group-hint = lista medlemmarna i en tidigare grupp
load-together-before-hint = lista bara tidigare grupper med personer i den här omgången
load-matching-cells = { $mentees } adepter som kan få mentor och { $mentors } mentorer med { $places } platser ger { $cells } celler i matchningen, över gränsen MAX_MATCHING_CELLS = { $limit }
load-matching-cells-hint = matcha i mindre omgångar (t.ex. en per delregion), eller erbjud mentorer till färre faser
load-group-members = { $n } deltagare kan gå med i { $programme }, över gränsen MAX_GROUP_MEMBERS = { $limit }
load-group-members-hint = dela gruppverksamheten (t.ex. per delregion), eller skriv in dess deltagare med "enrolled"
load-course-demands = { $n } deltagare vill gå { $course }, över gränsen MAX_COURSE_DEMANDS = { $limit }
load-course-demands-hint = dela kursen i flera kurser (t.ex. en per delregion eller termin)
load-pin-unknown-hint = använd ett id som filen anger, eller ta bort fastlåsningen
load-pin-too-many-meetings = { $n ->
    [one] 1 träff är fastlåst
   *[other] { $n } träffar är fastlåsta
}, fler än de { $max } som tillåts
load-pin-too-many-meetings-hint = lås högst programmets största antal träffar
load-pin-outside-round = { $date } ligger utanför omgången ({ $start } – { $end })
load-pin-inside-round-hint = lås ett datum inom omgången
load-pin-closed-day = { $date } är en lördag eller söndag, en helgdag eller en stängd dag
load-pin-working-day-hint = lås en arbetsdag
load-pin-unavailable = { $who } är inte tillgänglig { $date }
load-pin-both-free-hint = lås ett datum då båda är lediga, eller ändra otillgängligheten
load-pin-same-month = { $first } och { $second } ligger i samma månad; träffarna är månatliga
load-pin-same-month-hint = lås högst en träff i månaden
load-pin-too-close = { $first } och { $second } ligger { $days ->
    [one] 1 dag
   *[other] { $days } dagar
} isär, färre än minst { $gap }
load-pin-too-close-hint = flytta isär datumen
load-pin-mentee-twice = { $mentee } är redan fastlåst till en mentor vid { $first }
load-pin-mentee-twice-hint = lås en mentor per adept
load-pin-no-mentor-wanted = { $mentee } kan inte få mentor: wants_mentor är false
load-pin-phase-not-eligible = { $mentee } kan inte få mentor: fasen "{ $phase }" finns inte bland mentorship.eligible_phases tidigt nog i omgången för en serie träffar
load-pin-cannot-have-mentor-hint = sätt wants_mentor, lägg till fasen i eligible_phases, eller ta bort fastlåsningen
load-pin-why-no-capacity = mentorns kapacitet är 0
load-pin-why-not-trained = mentorn har inte gått mentorsutbildningen, som mentorship.require_training kräver
load-pin-why-too-junior = mentorn har { $years } år i yrket, färre än { $min }
load-pin-why-same-unit = mentor och adept arbetar i samma enhet
load-pin-why-same-municipality = mentor och adept arbetar i samma kommun, vilket programmet inte tillåter
load-pin-why-excluded = paret står i mentorship.exclusions
load-pin-why-too-far = restiden är längre än mentorns max_travel_minutes ({ $max })
load-pin-pair-breaks-rule = det fastlåsta paret { $mentor }–{ $mentee } bryter mot en regel som alltid gäller: { $why }
load-pin-pair-breaks-rule-hint = lås en annan mentor, eller ändra regeln som förbjuder paret
load-pin-mentor-date-twice = mentorn { $mentor } har redan en fastlåst träff { $date } ({ $first })
load-pin-another-date-hint = lås ett annat datum
load-pin-mentor-capacity = mentorn { $mentor } har kapaciteten { $capacity } men { $n } fastlåsta par ({ $paths })
load-pin-mentor-capacity-hint = höj mentorns kapacitet eller lås färre adepter till mentorn
load-pin-session-nothing = det fastlåsta kurstillfället låser inget utom kursen
load-pin-session-nothing-hint = ange minst ett av dates, venue, trainers eller attendees
load-pin-session-date = { $date } ligger utanför omgången eller är en lördag eller söndag, en helgdag eller en stängd dag
load-pin-session-date-hint = lås arbetsdagar inom omgången
load-pin-session-day-count = { $n ->
    [one] 1 datum är fastlåst
   *[other] { $n } olika datum är fastlåsta
}, men kursen { $course } har { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}
load-pin-session-day-count-hint = lås exakt kursens antal dagar
load-pin-session-pattern = datumen följer inte dagmönstret { $pattern } för kursen { $course }
load-pin-session-pattern-hint = lås datum som följer mönstret (se docs/format.md, courses)
load-pin-venue-unavailable = lokalen { $venue } är inte tillgänglig { $date }
load-pin-venue-unavailable-hint = lås en annan lokal eller andra datum
load-pin-venue-seats = lokalen { $venue } har { $capacity } platser för kursen { $course } (högst { $max }, minst { $min } deltagare), men { $n ->
    [one] 1 deltagare är fastlåst
   *[other] { $n } deltagare är fastlåsta
}
load-pin-venue-seats-hint = lås en större lokal eller färre deltagare
load-pin-attendees-over = { $n ->
    [one] 1 deltagare är fastlåst
   *[other] { $n } deltagare är fastlåsta
}, fler än den största gruppen ({ $max }) för kursen { $course }
load-pin-attendees-over-hint = lås högst kursens största gruppstorlek
load-pin-trainers-over = { $n } utbildare är fastlåsta, kursen { $course } har { $per } per kurstillfälle
load-pin-trainers-over-hint = lås högst trainers_per_session utbildare
load-pin-trainer-not-qualified = utbildaren { $trainer } är inte behörig för kursen { $course }
load-pin-trainer-not-qualified-hint = lås en behörig utbildare, eller lägg till kursen bland utbildarens kurser
load-pin-trainer-unavailable = utbildaren { $trainer } är inte tillgänglig { $date }
load-pin-trainer-unavailable-hint = lås en annan utbildare eller andra datum
load-pin-trainer-days = utbildaren { $trainer } undervisar högst { $max ->
    [one] 1 dag
   *[other] { $max } dagar
}, kursen { $course } har { $days }
load-pin-trainer-days-hint = lås en annan utbildare
load-pin-no-demand = { $who } har inget behov av kursen { $course } (individuell plan eller fasens standard)
load-pin-no-demand-hint = lägg till en rad i "demand" för deltagaren och kursen, eller ta bort deltagaren
load-pin-phase-may-not = { $who } är i fasen "{ $phase }", som inte får gå kursen { $course }
load-pin-phase-may-not-hint = ta bort deltagaren eller kursens begränsning till vissa faser
load-pin-attendee-twice = { $who } är redan fastlåst i ett kurstillfälle av kursen { $course } ({ $first })
load-pin-attendee-twice-hint = lås varje deltagare i ett enda kurstillfälle per kurs
load-pin-outside-window = de fastlåsta datumen ligger utanför tidsfönstret för { $who } och kursen { $course } (från anställningsstart till sista dag)
load-pin-outside-window-hint = lås datum inom tidsfönstret eller ta bort deltagaren
load-pin-other-dates-hint = lås andra datum eller ta bort deltagaren
load-pin-also-in = { $who } är också fastlåst i { $first } { $date }
load-pin-also-in-hint = en person deltar i ett kurstillfälle per dag: ändra en av fastlåsningarna
load-pin-meeting-on-course-day = { $who } är fastlåst till en kursdag { $date } och till en träff samma dag ({ $meeting })
load-pin-meeting-on-course-day-hint = flytta kurstillfället eller träffen
load-pin-groups-over = { $n ->
    [one] 1 fastlåst grupp
   *[other] { $n } fastlåsta grupper
}, men gruppverksamheten bildar { $max }
load-pin-groups-over-hint = lås färre grupper eller höj "groups"
load-pin-group-empty = en fastlåst grupp utan medlemmar
load-pin-group-empty-hint = lista medlemmarna som hör ihop
load-pin-group-too-big = { $n } medlemmar är fastlåsta tillsammans, fler än gruppverksamhetens största grupp ({ $largest })
load-pin-group-too-big-hint = dela den fastlåsta gruppen eller höj max_size
load-pin-member-twice = { $who } är också fastlåst i { $first }
load-pin-member-twice-hint = en deltagare är med i en grupp per gruppverksamhet: behåll en fastlåsning
load-pin-not-enrolled = { $who } är inte inskriven i gruppverksamheten { $programme }
load-pin-not-enrolled-hint = lägg till deltagaren i "enrolled" eller ta bort personen ur den fastlåsta gruppen
load-pin-not-eligible = { $who } är inte behörig till gruppverksamheten { $programme }: { $why }
load-pin-not-eligible-hint = ta bort personen ur den fastlåsta gruppen eller vidga behörigheten
load-pin-member-mentor-meeting = medlemmen { $who } har en fastlåst mentorsträff { $date } ({ $pair })
load-pin-member-mentor-meeting-hint = lås ett annat datum för en av de två
load-what-unit = enhet
load-what-municipality = kommun
load-pin-cap = { $n } medlemmar från samma { $what }, fler än gruppverksamhetens tak på { $cap }
load-pin-cap-hint = ändra medlemmarna eller taket per kommun eller enhet
load-pin-leader-qualification = gruppledaren { $leader } saknar behörigheten "{ $qualification }"
load-pin-leader-qualification-hint = lås en behörig gruppledare, eller lägg till behörigheten
load-pin-leader-over = gruppledaren { $leader } leder högst { $max } grupper men är fastlåst till { $n } ({ $paths })
load-pin-leader-over-hint = lås en annan gruppledare eller höj max_groups

# Course roles at load
load-pin-role = { $who } är { $role } och får inte gå kursen { $course }, som är för andra roller
load-pin-role-hint = ta bort deltagaren ur tillfället, eller lägg till rollen i kursens "roles"
load-course-role = { $who } är { $role }, men kursen { $course } är för { $roles }
load-course-role-hint = ta bort raden, eller lägg till deltagarens roll i kursens "roles"


# Månader och veckodagar (1 = januari, 1 = måndag); rapportens återstående texter, omplaneringens
# anteckningar och fastlåsningsfel i mentorskap och grupper.
month-name = { $n ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
month-short = { $n ->
    [1] jan
    [2] feb
    [3] mar
    [4] apr
    [5] maj
    [6] jun
    [7] jul
    [8] aug
    [9] sep
    [10] okt
    [11] nov
   *[12] dec
}
weekday-short = { $n ->
    [1] mån
    [2] tis
    [3] ons
    [4] tor
    [5] fre
    [6] lör
   *[7] sön
}
strategy-replan = omplanering med så få ändringar som möjligt
pins-cannot-hold = de fastlåsta delarna av planen kan inte alla gälla samtidigt: { $why }
report-col-person = Person
report-col-role = Roll
report-col-removed = Borttagna/ändrade
report-col-new = Nya
report-new-dates-only = Får bara nya datum
report-what-changed = Vad som ändrades och varför
report-card-participants = Deltagare
report-card-served = Deltagare med minst en insats
report-card-pairs = Mentorpar
report-card-mentor-meetings = Mentorsträffar
report-card-groups = Grupper
report-card-group-meetings = Gruppträffar
report-card-sessions = Kurstillfällen
report-card-course-seats = Kursplatser
report-by-phase = Deltagare per fas
report-col-phase = Fas
report-col-participants = Deltagare
report-col-with-mentor = Med mentor
report-col-in-group = I grupp
report-col-with-seat = Med kursplats
report-col-any = Minst en insats
report-parts = Planens delar
report-col-part = Del
report-col-scope = Omfattning
report-col-status = Status
report-part-pairs = { $pairs } mentorpar, { $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}
report-part-group-people = { $members } deltagare, { $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}
report-part-courses = Kurser
report-part-sessions = { $sessions } kurstillfällen, { $days ->
    [one] 1 kursdag
   *[other] { $days } kursdagar
}; { $served } av { $demanded } kursönskemål uppfyllda
report-part-no-timetable = ingen kursplan i denna plan
report-part-no-groups = inga gruppprogram i denna plan
report-none = Inga.
report-suggestion = Förslag:
report-unserved-intro = Antal per orsak; öppna en rad för att se vilka det gäller och planerarens förklaring. Under orsaken står ett förslag på vad som skulle ge dem plats, när planens och instansens siffror ger ett.
report-unmatched = Mentorskap: utan mentor
report-phase-message = fas { $phase }: { $message }
report-mentorship-not-eligible = Mentorskap: vill ha mentor men är inte behöriga
report-group-unserved = Grupper, { $programme }: utan grupp
report-group-not-eligible = Grupper, { $programme }: anmälda men inte behöriga
report-course-demand = { $course } ({ $priority } prioritet): { $message }
report-timetable-unserved = Kurser: ej placerade kursönskemål
report-kr = { $kr } kr
report-participants = { $n } deltagare
people-shortfall = { " " }– för få träffar: { $why }
people-mentor = Mentor: { $mentor } ({ $home }), { $n ->
    [one] 1 träff
   *[other] { $n } träffar
} i { $place }{ $shortfall }
people-mentee = Adept: { $mentee } ({ $home }), { $n ->
    [one] 1 träff
   *[other] { $n } träffar
} i { $place }{ $shortfall }
people-no-mentor = Ingen mentor ({ $reason }): { $message }
people-mentor-not-eligible = Vill ha mentor men är inte behörig (fas { $phase }): { $message }
people-no-leader = ingen ledare
people-group = Grupp { $group } ({ $programme }) i { $place }, { $n ->
    [one] 1 träff
   *[other] { $n } träffar
}; ledare { $leader }; deltagare: { $members }
people-no-group = Ingen plats i { $programme } ({ $reason }): { $message }
people-course = Kurs { $course } ({ $session }), { $place }; { $dates }; utbildare { $trainers }; { $n } deltagare
people-no-seat = Ej placerad på { $course } ({ $reason }): { $message }
people-intro = Varje persons dagar i omgången: kursdagar, mentorsträffar och gruppträffar med plats och med vem, och det planen inte kunde ge. Öppna en person för kalendern; länken <code>#person-ID</code> leder direkt dit. Samma dagar finns i planens kalenderfiler (<code>calendars/ID.ics</code>).
people-search-placeholder = Sök namn, id eller kommun
people-search-label = Sök person
people-search-count = %shown av %total
people-participants = Deltagare
people-mentors = Mentorer
people-leaders = Gruppledare
people-trainers = Utbildare
people-others = Övriga
people-about-mentor = mentor, { $municipality }, { $unit }
people-about-leader = gruppledare, { $municipality }
people-about-trainer = utbildare
people-about-unknown = finns inte i instansen
people-missing = { $n ->
    [one] 1 ej placerad
   *[other] { $n } ej placerade
}
people-no-entries = Inga kursdagar eller träffar i planen.
people-col-when = Datum och tid
people-col-activity = Aktivitet
people-col-place = Plats
people-col-with = Med
people-with-group = gruppen { $group } ({ $n } personer)
people-with-trainers = utbildare { $trainers }
timeline-session-title = { $course } ({ $session }): { $dates }; { $venue }; { $n } deltagare; utbildare { $trainers }
timeline-series-mentor = Mentorsträffar
timeline-series-group = Gruppträffar: { $programme }
pin-pair-same-municipality = mentorn { $mentor } har två fastlåsta adepter från samma kommun, den andra är { $mentee }, och en mentor tar högst en adept per kommun
pin-pair-forbidden = det fastlåsta paret { $mentor }–{ $mentee } bryter mot en regel för mentorskapet (valideringen borde ha sagt det)
pin-pair-capacity = mentorn { $mentor } har fler fastlåsta par än { $capacity ->
    [one] sin 1 plats
   *[other] sina { $capacity } platser
}
pin-leader-too-many = ledaren { $leader } är fastlåst i { $n } grupper men leder högst { $max }
pin-groups-too-few = { $pins } fastlåsta grupper men bara { $m ->
    [one] 1 grupp
   *[other] { $m } grupper
} kan bildas ({ $n } behöriga deltagare, { $places ->
    [one] 1 ledarplats
   *[other] { $places } ledarplatser
})
pin-group-programme = gruppverksamheten { $programme }: { $why } (fastlåsta grupper: { $pins })
pin-group-member-not-eligible = den fastlåsta medlemmen { $member } är inte behörig till gruppverksamheten
pin-groups-mixing-caps = taken för blandning lämnar { $n } deltagare, för få för { $m ->
    [one] den grupp
   *[other] de { $m } grupper
} som de fastlåsta grupperna behöver
pin-group-too-large = ingen grupp i verksamheten rymmer de { $n } medlemmarna i { $path }
replan-pair-ends-left = paret { $mentor }–{ $mentee } upphör: en av dem är inte längre med i omgången
replan-pair-ends-pinned = paret { $mentor }–{ $mentee } upphör: { $mentee } är fastlåst till en annan mentor
replan-pair-ends-rule = paret { $mentor }–{ $mentee } upphör: den ändrade omgången tillåter det inte ({ $rule })
replan-pair-ends-not-eligible = paret { $mentor }–{ $mentee } upphör: { $mentee } vill inte längre ha eller får inte längre ha mentor
replan-pair-ends-municipality = paret { $mentor }–{ $mentee } upphör: mentorn { $mentor } behåller { $other } från samma kommun, och en mentor tar högst en adept per kommun
replan-pair-ends-capacity = paret { $mentor }–{ $mentee } upphör: mentorn { $mentor } har nu { $capacity ->
    [one] 1 adeptplats
   *[other] { $capacity } adeptplatser
}
replan-pair-shortfall = bara { $n } av de { $min } träffar som krävs planerades för paret
replan-pair-redated = paret { $mentor }–{ $mentee }: en planerad träff passar inte längre (frånvaro, en kurs- eller gruppdag, en stängd dag); träffarna från { $today } får nya datum
replan-pair-shortfall-after = bara { $n } av de { $min } träffar som krävs får plats efter omplaneringen från { $today }
replan-rule-no-capacity = mentorn har inga platser
replan-rule-not-trained = mentorn har inte gått mentorsutbildningen
replan-rule-too-junior = mentorn har för få år i yrket
replan-rule-same-unit = samma enhet
replan-rule-same-municipality = samma kommun
replan-rule-excluded = paret är uteslutet
replan-rule-too-far = för lång restid
replan-programme-new = gruppverksamheten { $programme } har inga grupper i den förra planen; en omplanering behåller grupper men bildar ingen ny verksamhet: kör `trappa solve` för den
replan-programme-added = verksamheten { $programme } lades till efter att omgången planerades
replan-group-eligible-later = blir behörig { $date }, efter att alla pågående grupper i { $programme } har startat
replan-group-no-seat = ingen pågående grupp i { $programme } har en ledig plats inom taken för blandning; en ny grupp behöver minst { $min } personer
replan-member-leaves = { $member } lämnar grupp { $group }: inte längre med i omgången eller inte längre behörig
replan-pin-no-group = { $path }: de pågående grupperna i { $programme } rymmer inte också den här fastlåsta gruppen; ändra fastlåsningen eller kör `trappa solve`
replan-pin-members-leave = medlemmarna i den fastlåsta gruppen { $path } lämnar grupp { $group }
replan-pin-no-room = { $path }: ingen annan grupp har plats för { $people }, som skulle lämna plats åt den fastlåsta gruppen; ändra fastlåsningen eller kör `trappa solve`
replan-pin-too-large = { $path }: den fastlåsta gruppen har { $n } medlemmar, fler än högst { $max }
replan-pin-moves-out = { $member } flyttar från grupp { $group } för att ge plats åt den fastlåsta gruppen { $path }
replan-group-dissolved = grupp { $group } har { $n ->
    [one] 1 medlem
   *[other] { $n } medlemmar
}, färre än minst { $min }: den upplöses och medlemmarna placeras i andra grupper där det finns plats
replan-group-new-leader = grupp { $group } får ledaren { $leader } (den förra ledaren kan inte längre leda den)
replan-group-redated = grupp { $group }: en planerad träff passar inte längre ledaren; träffarna från { $today } får nya datum
replan-group-shortfall = bara { $n } av de { $min } träffar som krävs får plats på dagar då ledaren är ledig
replan-session-course-gone = kurstillfälle { $session } av kursen { $course } stryks: kursen finns inte längre i instansen
replan-session-started-broken = kurstillfälle { $session } har börjat och behålls som det är, men en utbildare eller lokalen är inte längre tillgänglig en av de återstående dagarna: ordna en ersättare för hand
replan-session-past-gone = kurstillfälle { $session } ligger före { $today } men dess dagar eller lokal finns inte längre i instansen; det lämnas utanför planen
replan-repair-trainers = andra utbildare
replan-repair-venue = en annan lokal
replan-repair-days = andra dagar
replan-session-repaired = kurstillfälle { $session } repareras med { $what }: det planerade bryter mot en regel i den ändrade omgången
replan-session-cancelled = kurstillfälle { $session } kan inte hållas någon dag med en ledig behörig utbildare och lokal; det ställs in och deltagarna placeras i andra tillfällen där det går
replan-session-too-small = ett planerat kurstillfälle av { $course } med start { $date } har { $n } deltagare, färre än minst { $min }: det ställs in
replan-other-round = den förra planen gäller omgången "{ $previous }", instansen omgången "{ $round }"
serve-csv-bad-title = Filerna har fel
serve-csv-problems = { $n ->
    [one] Filerna har 1 fel. Inget sparades; rätta cellen och ladda upp igen.
   *[other] Filerna har { $n } fel. Inget sparades; rätta cellerna och ladda upp igen.
}

# Group programmes: why someone has no group
groups-msg-eligible-after-start = blir behörig { $date }, efter att programmets grupper startat; det finns inga senare omgångar
groups-msg-few-on = bara { $n } behöriga { $date }; en grupp behöver minst { $min }
groups-msg-eligible-after-last = blir behörig { $date }, efter den sista gruppstarten { $last } som ger plats för { $meetings } träffar
groups-msg-between-cohorts = behörig från { $from } till { $to }, mellan gruppstarterna
groups-msg-cohort = grupperna som startar { $start }: { $note }
groups-msg-too-few = { $n ->
    [one] bara 1 behörig deltagare
   *[other] bara { $n } behöriga deltagare
}; en grupp behöver minst { $min }
groups-msg-no-leader = ingen gruppledare med behörigheten "{ $qualification }" har plats för en grupp till
groups-msg-caps-too-few = { $n ->
    [one] bara 1 deltagare ryms
   *[other] bara { $n } deltagare ryms
} inom blandningsgränserna; en grupp behöver minst { $min }
groups-msg-caps-retry = blandningsgränserna lämnar { $n } deltagare, för få för { $m } grupper med minst { $min }; prövar { $next }
groups-msg-full = { $m ->
    [one] gruppen är full
   *[other] alla { $m } grupper är fulla
} ({ $seats } platser); de som anställdes tidigast fick plats först
groups-msg-cap = { $m ->
    [one] gruppen har
   *[other] de { $m } grupperna har
} redan { $n } personer från samma { $what ->
    [municipality] kommun
   *[unit] enhet
} (högst { $cap } per grupp)
groups-note-milp-time = tidsgränsen stoppade heltalsoptimeringen innan optimum var bevisat

# Previous plans (replan, diff): refusals
plan-p001 = { $path } har formatet "{ $format }" version { $version }, inte en "trappa-plan" av version 1
plan-p001-hint = Ange en plan som den här versionen av trappa skrev (`trappa solve` eller `trappa replan`)
plan-p005-instance = { $path } är en plan för omgången "{ $round }" som börjar { $start }, men instansen är omgången "{ $other }" som börjar { $other_start }
plan-p005-instance-hint = Ange omgångens förra plan med --previous (en omplanering behåller omgångens namn och första dag)
plan-p006 = --today { $today } ligger utanför omgången "{ $round }", { $start } till { $end }
plan-p006-hint = Ange planeringsdagen, en dag i omgången: allt före den behålls som planerat
plan-p004 = { $path } håller inte mot instansen den gjordes från ({ $n ->
    [one] 1 regelbrott
   *[other] { $n } regelbrott
}: { $quoted }{ $more })
plan-p004-more = ; och { $n } till
plan-p004-hint = En plan som ändrats för hand måste fortfarande klara `trappa check`; ange planen som trappa skrev den, eller planera omgången på nytt
plan-p002 = { $copy } saknas bredvid { $path }: instansen som planen gjordes från behövs för att kontrollera den
plan-p002-hint = Ange plankatalogen som `trappa solve` eller `trappa replan` skrev (den innehåller kopian instance.json)
plan-p003-size = { $copy } är större än någon instans trappa läser, så den är inte den som { $path } gjordes för
plan-p003-sha = { $copy } har SHA-256 { $sha }, men { $path } gjordes för { $recorded }
plan-p003-hint = Plankatalogen har ändrats efter att trappa skrev den; ange en oförändrad plan, eller planera omgången på nytt
plan-p004-instance = instansen { $copy } är inte längre giltig ({ $n ->
    [one] 1 problem
   *[other] { $n } problem
}, det första: { $first })
plan-p004-instance-hint = Planera omgången på nytt från en giltig instans
plan-round-starting = omgången "{ $round }" som börjar { $start }
plan-round = omgången "{ $round }"
plan-p005-plans = { $a } är en plan för { $round_a }, { $b } för { $round_b }
plan-p005-plans-hint = Jämför två planer för samma omgång (en plan och dess omplaneringar)
plan-p007 = --out { $out } är den förra planens katalog { $previous } eller ligger i den: en omplanering skriver aldrig över planen den utgår från
plan-p007-hint = Utelämna --out för en ny katalog bredvid den förra planen, eller ange en annan

# Meeting series that do not fit
meetings-shortfall = bara { $n } av de { $min } träffar som krävs får plats: de två har en gemensam ledig arbetsdag i { $months ->
    [one] 1 månad
   *[other] { $months } månader
} av omgången{ $from }, med minst { $days } dagar mellan träffarna
meetings-shortfall-phase-ends = ingen träff kan börja: adeptens fas har inga mentorer från { $date }, och före dess har de två ingen gemensam ledig arbetsdag
meetings-shortfall-from = {" "}från { $date }, när adeptens fas har mentorer
groups-shortfall = bara { $n } av de { $min } träffar som krävs får plats på dagar då gruppledaren är ledig, minst { $days } dagar isär{ $most }{ $from }
groups-shortfall-most = , högst { $days } dagar isär
groups-shortfall-from = , från { $date }

# Meeting days that spread (capacity per day, first meeting after the matching)
load-meetings-per-day-zero = { $field } är 0
load-meetings-per-day-zero-hint = ange minst 1 träff per dag, eller utelämna fältet
load-first-meeting-after = first_meeting_after_days är { $days }
load-first-meeting-after-hint = använd 0–{ $max } dagar (standard 14)
meetings-shortfall-after = {" "}från { $date }, { $days } dagar efter omgångens start
check-pair-first-meeting = paret { $mentor }–{ $mentee } träffas första gången { $date }, före { $earliest } ({ $days } dagar efter omgångens start)
check-pair-place-full = { $place } har { $n } mentorsträffar { $date }, fler än de { $max } som ryms per dag
check-mentor-day-full = { $who } har { $n } mentorsträffar { $date }, fler än de { $max } som tillåts per dag
check-group-first-meeting = gruppen { $group } träffas första gången { $date }, före { $earliest } ({ $days } dagar efter omgångens start)
# The file system (text::io_reason) and atomic writes (files)
io-not-found = filen eller katalogen finns inte
io-permission-denied = åtkomst nekad (behörighet saknas)
io-already-exists = det finns redan en fil med det namnet
io-storage-full = disken är full
io-is-a-directory = det är en katalog, inte en fil
io-not-a-directory = en del av sökvägen är inte en katalog
io-read-only = filsystemet är skrivskyddat
io-invalid-data = innehållet går inte att läsa
io-directory-not-empty = katalogen är inte tom
io-file-too-large = filen är för stor
io-unexpected-eof = filen tog slut för tidigt
io-with-detail = { $reason } ({ $detail })
files-io = kan inte skriva { $path }: { $reason }. Inget som fanns där tidigare har ändrats. Frigör utrymme på disken, kontrollera att katalogen går att skriva i, eller skriv någon annanstans (--out)
files-p010 = P010 not-a-plan-directory: { $path } finns och är ingen plankatalog från trappa (den saknar markeringsfilen { $marker }, som trappa skriver i varje plankatalog); inget har ändrats. Välj en annan --out, eller flytta undan katalogen själv
files-p011 = P011 foreign-files: plankatalogen { $path } innehåller { $n ->
    [one] en fil
   *[other] { $n } filer
} som trappa inte skrev eller som ändrats sedan: { $files }; inget har ändrats. Flytta { $n ->
    [one] den
   *[other] dem
} ur katalogen, eller skriv planen någon annanstans med --out
files-and-more = { $list } och { $n } till
roster-cannot-read-sheet = { $name }: E001 syntax: kan inte läsa bladet: { $error }

# Why someone may not join a programme's groups (rules::groups::ineligibility)
groups-inel-phase = fasen "{ $phase }" hör inte till programmets faser
groups-inel-months-min = { $months } månader i yrket; programmet börjar vid { $min }
groups-inel-months-max = { $months } månader i yrket; programmet slutar vid { $max }
groups-inel-themes = inget intresse för temana { $themes }
groups-inel-role = rollen "{ $role }" hör inte till programmets roller
cli-stdout-cannot-write = kan inte skriva till standard output: { $reason }

# Sub-regions (delregioner)
load-unknown-subregion = kursen { $course } är för delregionen "{ $subregion }", men ingen kommun i regionen hör dit ({ $n ->
    [0] ingen kommun har en delregion
   *[other] delregionerna är { $known }
})
load-unknown-subregion-hint = rätta namnet, eller ange delregionen på kommunerna ("subregion")
load-course-subregion = { $who } hör till delregionen { $subregion }, men kursen { $course } hålls för { $subregions }
load-course-subregion-hint = ta bort raden, eller lägg till deltagarens delregion i kursens "subregions"
check-attendee-subregion = { $id } deltar i { $session } men hör till delregionen { $subregion }; kursen hålls för { $subregions }
load-pin-subregion = { $who } hör till delregionen { $subregion }, men kursen { $course } hålls för { $subregions }
load-pin-subregion-hint = ta bort deltagaren ur det fasta kurstillfället, eller lägg till delregionen i kursens "subregions"
# One person, several roles
load-person-name-mismatch = id "{ $id }" står för en person, men namnet här ("{ $name }") skiljer sig från namnet vid { $first } ("{ $first_name }")
load-person-unit-mismatch = id "{ $id }" står för en person, men enheten här ("{ $unit }") skiljer sig från enheten vid { $first } ("{ $first_unit }")
load-person-mismatch-hint = samma id i flera listor (deltagare, mentorer, gruppledare, utbildare) är samma person med flera roller: skriv samma namn och enhet, eller ge olika personer olika id
replan-rule-same-person = mentorn och adepten är samma person
load-pin-why-same-person = mentorn och adepten är samma person (samma id i båda listorna)
check-self-mentoring = { $name } ({ $who }) är både mentor och adept i samma par: ingen är sin egen mentor
check-leader-in-own-group = { $who } leder grupp { $group } i { $programme } och är själv medlem i den
check-teaches-and-attends = { $who } leder kurstillfälle { $session } { $date } och går samtidigt kurstillfälle { $other }
people-role-mentor = mentor
people-role-leader = gruppledare
people-role-trainer = utbildare
people-also-roles = { $about }; även { $roles }
people-as-role = som { $role }
explain-role-participant = deltagare
explain-roles = Roller: { $roles }
explain-as-mentor = Som mentor: adept { $mentee }, { $n } träffar ({ $dates })
explain-as-mentor-none = Som mentor: ingen adept i planen
explain-as-leader = Som gruppledare: leder grupp { $group } i { $programme }, { $n } träffar
explain-as-leader-none = Som gruppledare: leder ingen grupp i planen
explain-as-trainer = Som utbildare: leder { $course } ({ $session }) { $dates }
explain-as-trainer-none = Som utbildare: leder inget kurstillfälle i planen

# Introduction of new hires (introduktörer)
load-introduction-years = introduktionen gäller { $n } anställningsår, högst { $max } går att planera
load-introduction-years-hint = ange timmar per vecka för högst fem år, första året först (t.ex. [4, 2])
load-what-introduction-hours = timmar per vecka med introduktör
introduction-msg-no-introducer = { $hire } har ingen introduktör: ingen i { $unit } är introduktör
introduction-msg-full = { $hire } har ingen introduktör: introduktörerna i { $unit } har inga platser kvar
check-introduction-missing = instansen planerar introduktörer men planen har ingen introduktion
check-introduction-unknown = introduktionen nämner { $hire } och introduktören { $introducer }, men någon av dem finns inte i instansen
check-introduction-twice = { $hire } har mer än en introduktör
check-introducer-over-capacity = introduktören { $who } har { $n } nyanställda men plats för { $cap }
check-introduction-not-allowed = { $introducer } kan inte vara introduktör för { $hire }: inte i samma enhet, eller samma person
check-introduction-not-a-hire = { $hire } är inte nyanställd under { $round }
check-introduction-periods = introduktionsperioderna eller timmarna för { $hire } stämmer inte med anställningsåren
check-introduction-listed-twice = { $hire } listas utan introduktör trots att hen har en, eller listas två gånger
check-introduction-reason = skälet { $reason } till att { $hire } saknar introduktör stämmer inte
check-introduction-forgotten = { $hire } är nyanställd men har varken introduktör eller ett skäl
people-introduction-period = { $hours } h/vecka { $from }–{ $to }
people-introducer = Introduktör: { $introducer }, { $hours }
people-introduces = Introduktör för { $hire }, { $hours }
people-no-introducer = Ingen introduktör: { $message }
explain-role-introducer = introduktör
explain-introduction-period = { $hours } h/vecka { $from }–{ $to }
explain-introducer = Introduktör: { $introducer }, { $hours }
explain-no-introducer = Ingen introduktör: { $message }
explain-as-introducer = Som introduktör: för { $hire }, { $hours }
explain-as-introducer-none = Som introduktör: ingen nyanställd i planen
roster-sheet-introducers = introduktörer som introducerar de nyanställda i sin enhet
roster-col-introducers-id = id, unikt bland introduktörerna; en deltagare som även är introduktör skrivs med sitt deltagar-id
roster-col-introducers-name = fullständigt namn
roster-col-introducers-unit = enhetens id: introduktören tar emot nyanställda i den enheten
roster-col-introducers-capacity = antal nyanställda åt gången (standard 2)
# Costs and cost-sharing agreements (issue 11, item 9)
load-what-programme-fee = programavgiften per deltagare (costs.programme_fee)
load-what-mentor-fee-per-meeting = mentorsarvodet per träff (costs.mentor_fee_per_meeting)
load-what-mentor-fee-per-mentee = mentorsarvodet per adept (costs.mentor_fee_per_mentee)
load-what-leader-fee-per-meeting = gruppledararvodet per träff (costs.leader_fee_per_meeting)
load-what-travel-per-km = reskostnaden per km (costs.travel_per_km)
load-what-course-fee = kursavgiften per deltagare
load-what-cost-split = kostnadsavtalets namn
load-cost-shares-zero = { $n ->
    [one] den enda kostnadsandelen är 0
   *[other] alla { $n } kostnadsandelar är 0
}: kostnaderna kan inte fördelas efter dem
load-cost-shares-zero-hint = ge kommunerna sina andelar (som summerar till 1), eller ta bort kostnadsandelarna så att varje kommun betalar för sina egna deltagare
load-cost-share-outside = { $municipality } har kostnadsandelen { $share } men hör inte till något kostnadsavtal, fast andra kommuner gör det: andelen skulle inte användas
load-cost-share-outside-hint = ange kommunens kostnadsavtal ({ $agreements }) eller ta bort andelen; en kommun utanför alla avtal betalar för sina egna deltagare
load-cost-split-sum = kostnadsandelarna i avtalet "{ $split }" ({ $n } kommuner) summerar till { $sum }, inte 1
load-cost-split-sum-hint = justera andelarna så att de summerar till 1, eller ta bort dem alla så att avtalet fördelar efter invånarantal
load-cost-split-mixed = i kostnadsavtalet "{ $split }" har { $with } kommuner en kostnadsandel men { $missing } saknar en
load-cost-split-mixed-hint = ge alla kommuner i avtalet en andel (summa 1), eller ingen: då fördelas avtalets kostnader efter invånarantal
check-cost-mismatch = planens kostnad stämmer inte med den som räknas om från instansens kostnadsposter och kostnadsavtal: { $n ->
    [one] 1 belopp skiljer sig
   *[other] { $n } belopp skiljer sig
} ({ $list })
check-cost-amount = { $what }: planen { $recorded } kr, omräknat { $recomputed } kr
check-cost-total = summan
check-cost-part = delen { $part }
check-cost-municipality = kommunen { $id }
check-cost-unattended = kurstillfällen utan deltagare i { $id }
check-cost-participant = deltagaren { $id }
check-cost-unknown = { $id } finns inte i instansen men har ett belopp i planens kostnad
cost-model-title = Kostnad enligt kostnadsposter och kostnadsavtal
cost-model-total = Planen kostar { $total } ({ $parts }), { $per_participant } per deltagare.
cost-part-amount = { $part } { $kr }
cost-part-programme-fees = programavgifter
cost-part-course-fees = kursavgifter
cost-part-sessions = kurstillfällen
cost-part-group-leaders = gruppledararvoden
cost-part-mentors = mentorsarvoden
cost-part-travel = resor
cost-agreement = Kostnadsavtalet { $name } ({ $n ->
    [one] 1 kommun
   *[other] { $n } kommuner
}: { $members }) lägger ihop medlemmarnas deltagarkostnader och fördelar dem { $by }.
cost-agreement-by-shares = efter kostnadsandel
cost-agreement-by-shares-in-proportion = i proportion till kostnadsandelarna
cost-agreement-by-population = efter invånarantal
cost-outside-agreements = { $n ->
    [0] Alla kommuner hör till ett kostnadsavtal.
    [one] 1 kommun utanför kostnadsavtalen betalar för sina egna deltagare.
   *[other] De { $n } kommunerna utanför kostnadsavtalen betalar var och en för sina egna deltagare.
}
cost-no-agreement = Inget kostnadsavtal: varje kommun betalar för sina egna deltagare.
cost-unattended = Kurstillfällen utan deltagare betalas av lokalens kommun: { $list }.
cost-model-col-agreement = Kostnadsavtal
cost-model-col-own = Egna deltagares kostnad (kr)
cost-model-col-pays = Betalar (kr)
cost-model-participants = Kostnad per deltagare ({ $n } deltagare)
cost-model-col-participant = Deltagare
cost-model-col-cost = Kostnad (kr)
cost-split-partial-shares = Bara { $n } av { $total } kommuner har en kostnadsandel, så fördelningen i tabellen går efter invånare i alla kommuner; hur kostnadsavtalet fördelar kostnaderna mellan sina medlemmar och vad övriga kommuner betalar visas under tabellen.
summary-cost = Kostnad: { $total } kr, { $per_participant } kr per deltagare
explain-cost = Kostnad för deltagaren (avgifter, resor och del av gemensamma kostnader): { $kr } kr
roster-col-municipalities-cost_split = kostnadsavtalet kommunen hör till, t.ex. Göteborgsregionen: avtalets kommuner delar sina deltagares kostnader efter kostnadsandel (alla har en, summa 1) eller efter invånare (ingen har en); tomt: kommunen betalar för sina egna deltagare
roster-setting-costs-programme_fee = programavgift per deltagare i kronor, t.ex. 40000 (standard 0)
roster-setting-costs-mentor_fee_per_meeting = mentorsarvode per mentorsträff i kronor, betalas för adepten (standard 0)
roster-setting-costs-mentor_fee_per_mentee = mentorsarvode per adept i kronor, en gång per par (standard 0)
roster-setting-costs-leader_fee_per_meeting = gruppledararvode per gruppträff och ledare i kronor, delas lika av gruppens medlemmar (standard 0)
roster-setting-costs-travel_per_km = reskostnad per km i kronor, tur och retur, avstånd från kommunernas koordinater × vägfaktorn (standard 0)

## Prognos över nyanställda (issue 11, punkt 3)
forecast-placeholder-name = Prognos: nyanställd { $n }, { $municipality }, { $month } { $year }
load-forecast-municipality = prognosen nämner en okänd kommun "{ $id }"
load-forecast-unit = prognosen nämner en okänd enhet "{ $id }"
load-forecast-unit-elsewhere = enheten "{ $id }" hör till { $other }, inte till { $municipality }
load-forecast-unit-elsewhere-hint = ange en enhet i prognosradens kommun, eller utelämna enheten
load-forecast-no-unit = kommunen "{ $id }" har ingen enhet att placera de prognostiserade nyanställda i
load-forecast-no-unit-hint = lägg till en enhet för kommunen under region.units
load-forecast-month-format = månaden "{ $month }" är inte skriven ÅÅÅÅ-MM
load-forecast-month-format-hint = skriv månaden som t.ex. "2027-03"
load-forecast-month-outside = månaden { $month } ligger utanför omgången ({ $start } – { $end })
load-forecast-month-outside-hint = ange en månad som omgången berör, eller ta bort raden
load-forecast-hires = { $n } nyanställda på en prognosrad, men antalet ska vara 0–{ $max }
load-forecast-hires-hint = ange det förväntade antalet nyanställda den månaden, 0–{ $max }
load-forecast-years = { $years } år i yrket för prognostiserade nyanställda, men det ska vara 0–{ $max }
load-forecast-years-hint = ange 0 (nya i yrket) eller antalet år de har med sig, högst { $max }
load-forecast-total = prognosen förväntar { $n } nyanställda, fler än { $max }
load-forecast-total-hint = dela upp omgången eller minska prognosen
load-forecast-duplicate = prognosen har två rader för { $municipality } { $month } (första är rad { $first })
load-forecast-duplicate-hint = slå ihop raderna till en med det sammanlagda antalet
check-forecast-placeholder-named = { $session }: platshållaren { $id } för en prognostiserad nyanställd står bland de namngivna deltagarna, inte bland prognosplatserna
check-forecast-named-placeholder = { $session }: { $id } är en namngiven deltagare men står bland prognosplatserna
check-forecast-count = { $session }: { $id } går utöver prognosen, som lämnar { $left } platshållare ({ $hires } förväntade nyanställda, { $named } redan med namn)
check-forecast-unknown = { $session }: prognosplatsen { $id } är ingen platshållare i omgångens prognos
check-forecast-not-person = platshållaren { $id } för en prognostiserad nyanställd { $role }, men platshållare är inga personer än
check-forecast-as-mentee = har en mentor
check-forecast-as-member = är med i gruppen { $group }
check-forecast-as-hire = har en introduktör
explain-forecast-placeholder = Platshållare för en prognostiserad nyanställd i { $municipality }, { $month } ({ $hires } förväntade, { $named } redan med namn), räknad som anställd { $employed }. Det är ingen person än: platshållaren håller en kursplats men får ingen mentor, grupp eller introduktör och inga kalenderfiler. När namnet förs in tar den nyanställda platsen vid nästa omplanering.
explain-forecast-none = { $municipality } har ingen prognos över nyanställda i omgången.
explain-forecast-heading = Prognos över nyanställda i { $municipality }:
explain-forecast-entry = { $month }{ $unit ->
    [none] {""}
   *[other] , { $unit }
}: { $hires } förväntade, { $named } med namn, { $left } platshållare
explain-forecast-seats = { $course } med start { $start }: { $n ->
    [one] 1 plats hålls
   *[other] { $n } platser hålls
} för prognostiserade nyanställda
report-forecast = Prognos över nyanställda
report-forecast-intro = { $seats } kursplatser hålls för { $placeholders } prognostiserade nyanställda som ännu saknar namn. Platserna går till de nyanställda när namnen förs in och omgången planeras om, utan att kursdatumen flyttas.
report-forecast-col-course = Kurs
report-forecast-col-start = Start
report-forecast-col-municipality = Kommun
report-forecast-col-seats = Platser för prognostiserade
roster-sheet-forecast = prognos över nyanställda som ännu saknar namn: förväntade nyanställda per kommun (eller enhet) och månad, de redan namngivna inräknade
roster-col-forecast-municipality = kommunens id
roster-col-forecast-unit = enhetens id (frivilligt); tomt: hela kommunen
roster-col-forecast-month = anställningsmånad, t.ex. 2027-03 (skriv den som text)
roster-col-forecast-hires = förväntade nyanställda den månaden, de som redan finns bland deltagarna inräknade (0–500)
roster-col-forecast-role = roll: socialsekreterare (standard), utförare, arbetsledare eller annan
roster-col-forecast-years_in_profession = år i yrket de nyanställda har med sig (standard 0: nya i yrket)

# Introduktörer i kalendrar, rapporter och omplaneringar (issue 11)
replan-introducer-moved = { $hire } får { $introducer } som introduktör i stället för { $was }, som inte har plats längre
replan-introducer-left = introduktören för { $hire } är inte längre med; ny introduktör: { $introducer }
replan-introducer-none = { $hire } har inte längre någon introduktör: ingen i enheten har plats
diff-introduction = introduktion med { $person } till och med { $date }
calendar-introduction-summary-hire = Introduktion med { $name } ({ $hours } h den här veckan)
calendar-introduction-summary-introducer = Introduktion av { $name } ({ $hours } h den här veckan)
calendar-introduction-description = { $round }: { $introducer } introducerar den nyanställda { $hire }, { $hours } timmar i veckan under anställningsår { $year }.
people-introducers = Introduktörer
people-about-introducer = introduktör i { $unit }
explain-introducer-person = { $name } ({ $id }), introduktör i { $unit }
load-pin-leader-is-member = { $leader } är både ledare och medlem ({ $path }) i den fasta gruppen
load-pin-leader-is-member-hint = ta bort personen ur medlemmarna eller ange en annan ledare
load-pin-trainer-attends = { $trainer } är både utbildare och deltagare ({ $path }) i det fasta kurstillfället
load-pin-trainer-attends-hint = ta bort personen ur deltagarna eller ange en annan utbildare

# Format version 2 and the upgrade of version-1 files (trappa upgrade)
load-versions-list = { $rest } och { $last }
load-upgrade-agreement-name = regionen
load-upgraded-note = obs: { $path } är skriven i formatversion { $from } och lästes som version { $to }; `trappa upgrade { $path }` skriver filen i version { $to }
load-share-without-agreement = { $municipality } har kostnadsandelen { $share } men ingen kommun har något kostnadsavtal (cost_split); i formatversion 2 gäller en kostnadsandel bara inom ett namngivet avtal
load-share-without-agreement-hint = lägg till "cost_split": "{ $region }" hos varje kommun med en kostnadsandel (det som version 1 menade), eller ta bort andelen så att kommunen betalar för sina egna deltagare
upgrade-already-current = { $path } är redan i formatversion { $version }; ingenting skrevs
upgrade-exists = { $out } finns redan och skrivs inte över; ge --force för att ersätta den, eller --out för ett annat namn
upgrade-not-same = den uppgraderade filen blev inte samma instans som { $path } när den lästes igen; ingenting skrevs
upgrade-written = { $path } (formatversion { $from }) skrevs i formatversion { $to } till { $out }
upgrade-agreement = { $n ->
    [one] en kommun med kostnadsandel fick kostnadsavtalet "{ $name }" (det version 1 menade med andelar utan avtal)
   *[other] { $n } kommuner med kostnadsandel fick kostnadsavtalet "{ $name }" (det version 1 menade med andelar utan avtal)
}

# The timetable's neighbourhood search (auto)
stop-neighbourhoods-exhausted = inget grannskap förbättrade planen
