//! The timeline: course sessions as bars on course rows across the round's months, and the
//! mentor and group meetings of each month as stacked bars.

use super::{esc, int_sv, Figures, Lookup, MENTOR_COLOUR, PALETTE};
use crate::format::plan::{PlanFile, SessionPlan};
use crate::text::{month, month_short, tr};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Colours of the group programmes in the monthly bars (apart from the mentor blue).
const GROUP_COLOURS: [&str; 6] = ["#4c956c", "#8e5ea2", "#b08900", "#c44536", "#2f8f9d", "#d45087"];

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 200.0;
const RIGHT: f64 = 20.0;
const LANE: f64 = 11.0;

/// First days of the months the round touches, and the first day after the last one.
fn months(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    while m <= end {
        out.push(m);
        m = m.checked_add_months(chrono::Months::new(1)).unwrap_or(end + chrono::Duration::days(1));
    }
    out.push(m);
    out
}

/// Lane of each session within its course row: the first lane whose last session ended before.
fn lanes(sessions: &[&SessionPlan]) -> (Vec<usize>, usize) {
    let mut ends: Vec<NaiveDate> = Vec::new();
    let mut out = Vec::with_capacity(sessions.len());
    for s in sessions {
        let (Some(&first), Some(&last)) = (s.dates.first(), s.dates.last()) else {
            out.push(0);
            continue;
        };
        match ends.iter().position(|&e| e < first) {
            Some(l) => {
                ends[l] = last;
                out.push(l);
            }
            None => {
                ends.push(last);
                out.push(ends.len() - 1);
            }
        }
    }
    (out, ends.len().max(1))
}

/// The round's months on the horizontal axis.
struct Axis {
    /// First days of the months the round touches, and the first day after the last one.
    month_starts: Vec<NaiveDate>,
    /// The first day drawn.
    x0: NaiveDate,
    /// The day after the last one drawn.
    x_end: NaiveDate,
    /// Days drawn.
    span: f64,
    /// Width of the plot area.
    plot: f64,
    /// Width of one day's bar.
    day_w: f64,
}

impl Axis {
    fn new(start: NaiveDate, end: NaiveDate) -> Self {
        let month_starts = months(start, end);
        let x0 = month_starts[0];
        let x_end = *month_starts.last().unwrap_or(&end);
        let span = (x_end - x0).num_days().max(1) as f64;
        let plot = WIDTH - LEFT - RIGHT;
        let day_w = (plot / span).max(2.5);
        Axis { month_starts, x0, x_end, span, plot, day_w }
    }

    /// Horizontal position of the start of a day.
    fn x(&self, d: NaiveDate) -> f64 {
        LEFT + (d - self.x0).num_days() as f64 / self.span * self.plot
    }

    /// The months of the round (without the first day after it).
    fn months_only(&self) -> &[NaiveDate] {
        &self.month_starts[..self.month_starts.len() - 1]
    }

    /// Every how many months a month is labelled (at most about 14 labels).
    fn label_every(&self) -> usize {
        (self.months_only().len() / 14).max(1)
    }
}

/// A series of the monthly bars: key, label, colour and meetings per month.
type Series<'a> = (String, String, &'a str, BTreeMap<NaiveDate, usize>);

/// Writes the `timeline` section.
pub(crate) fn render(h: &mut String, plan: &PlanFile, look: &Lookup, f: &Figures) {
    let round = &look.file.round;
    let (start, end) = (round.start, round.end.max(round.start));
    let axis = Axis::new(start, end);
    let mut body = String::new();
    let grid_top = 22.0;
    let grid_bottom = course_rows(&mut body, plan, look, &axis, 52.0);

    // Meetings per month, stacked: mentor meetings, then each group programme.
    let y = grid_bottom + 30.0;
    let _ =
        write!(body, "<text x=\"8\" y=\"{y:.1}\" font-size=\"13\" font-weight=\"600\">{}</text>", esc(&tr!("timeline-meetings-per-month")));
    let series = meeting_series(plan, look);
    let (base, stack_max) = month_chart(&mut body, &axis, &series, y + 24.0);
    let legend_y = base + if stack_max > 0 { 40.0 } else { 24.0 };
    let courses = if plan.timetable.is_some() { course_ids(plan, look) } else { vec![] };
    let (legend, height) = legend(&series, &courses, look, legend_y);

    // Closed periods, then the month grid and labels on top, drawn first so that the bars lie
    // over them; ISO week numbers (as Swedish calendars show them) on Mondays.
    let periods = closed_periods(look);
    let mut grid = closed_bands(&axis, &periods, grid_top, grid_bottom);
    grid.push_str(&month_grid(&axis, grid_top, grid_bottom));
    week_grid(&mut grid, &axis, grid_bottom);

    let _ = writeln!(
        h,
        "<section id=\"timeline\" data-sessions=\"{}\" data-months=\"{}\" data-mentor-meetings=\"{}\" data-group-meetings=\"{}\">\n<h2>{}</h2>\n\
         <p class=\"note\">{}</p>\n\
         <figure><svg viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"{}\">{grid}{body}{legend}</svg>\
         <figcaption>{}</figcaption></figure>",
        f.sessions,
        axis.months_only().len(),
        f.mentor_meetings,
        f.group_meetings,
        esc(&tr!("report-timeline")),
        esc(&tr!("timeline-intro")),
        esc(&tr!("report-timeline")),
        esc(&tr!(
            "timeline-caption",
            from = super::date_sv(start),
            to = super::date_sv(end),
            sessions = int_sv(f.sessions as i64),
            mentor_meetings = int_sv(f.mentor_meetings as i64),
            group_meetings = int_sv(f.group_meetings as i64)
        ))
    );
    closed_list(h, &periods);
    session_table(h, plan, look, &courses);
    h.push_str("</section>\n");
}

/// A closed period of the round: first and last day, and its name.
pub(crate) struct ClosedPeriod {
    /// First closed weekday.
    pub from: NaiveDate,
    /// Last closed weekday.
    pub to: NaiveDate,
    /// The instance's reasons (e.g. "sportlov"), else the holidays' names.
    pub name: String,
}

/// The closed weekdays of the round (the instance's closed dates and ranges, and the Swedish
/// holidays), joined into periods when only a weekend lies between them.
pub(crate) fn closed_periods(look: &Lookup) -> Vec<ClosedPeriod> {
    use crate::format::DateOrRange;
    let round = &look.file.round;
    let (start, end) = (round.start, round.end.max(round.start));
    let weekday = |d: &NaiveDate| d.weekday().num_days_from_monday() < 5;
    // Date → (from the instance, name).
    let mut days: BTreeMap<NaiveDate, (bool, String)> = BTreeMap::new();
    for year in start.year()..=end.year() {
        for h in crate::model::calendar::swedish_holidays(year) {
            days.insert(h.date, (false, h.name));
        }
    }
    for c in &look.file.calendar.closed {
        let (from, to, reason) = match c {
            DateOrRange::Date(d) => (*d, *d, None),
            DateOrRange::Range { from, to, reason } => (*from, *to, reason.clone()),
        };
        for d in crate::model::calendar::expand_range(from, to) {
            days.insert(d, (true, reason.clone().unwrap_or_else(|| tr!("timeline-closed"))));
        }
    }
    let mut out: Vec<(ClosedPeriod, Vec<(bool, String)>)> = Vec::new();
    for (d, named) in days.into_iter().filter(|(d, _)| *d >= start && *d <= end && weekday(d)) {
        match out.last_mut() {
            Some((p, names)) if next_weekday(p.to) == d => {
                p.to = d;
                names.push(named);
            }
            _ => out.push((ClosedPeriod { from: d, to: d, name: String::new() }, vec![named])),
        }
    }
    out.into_iter()
        .map(|(mut p, names)| {
            let own = names.iter().any(|n| n.0);
            let mut list: Vec<&str> = Vec::new();
            for (_, n) in names.iter().filter(|n| n.0 == own) {
                if !list.contains(&n.as_str()) {
                    list.push(n);
                }
            }
            p.name = list.join(", ");
            p
        })
        .collect()
}

/// The weekday after `d`.
fn next_weekday(d: NaiveDate) -> NaiveDate {
    let mut n = d + chrono::Duration::days(1);
    while n.weekday().num_days_from_monday() >= 5 {
        n += chrono::Duration::days(1);
    }
    n
}

/// The shaded band of each closed period over the course rows, named where it is wide enough.
fn closed_bands(axis: &Axis, periods: &[ClosedPeriod], top: f64, bottom: f64) -> String {
    let mut out = String::new();
    for p in periods {
        let (x0, x1) = (axis.x(p.from), axis.x(p.to) + axis.day_w);
        let _ = write!(
            out,
            "<rect class=\"closed-period\" data-from=\"{}\" data-to=\"{}\" x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#e9dcdc\" fill-opacity=\"0.7\"><title>{}</title></rect>",
            p.from,
            p.to,
            x1 - x0,
            bottom - top,
            esc(&format!("{}: {}", p.name, period_dates(p)))
        );
        if x1 - x0 >= p.name.chars().count() as f64 * 5.5 + 4.0 {
            let _ = write!(
                out,
                "<text class=\"closed-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#7a4a4a\">{}</text>",
                (x0 + x1) / 2.0,
                bottom - 3.0,
                esc(&p.name)
            );
        }
    }
    out
}

/// "22–26 feb 2027 (v 8)".
fn period_dates(p: &ClosedPeriod) -> String {
    let day = |d: NaiveDate| format!("{} {} {}", d.day(), month_short(d.month()), d.year());
    let weeks = if p.from.iso_week() == p.to.iso_week() {
        tr!("timeline-week", week = p.from.iso_week().week())
    } else {
        tr!("timeline-weeks", from = p.from.iso_week().week(), to = p.to.iso_week().week())
    };
    if p.from == p.to {
        format!("{} ({weeks})", day(p.from))
    } else {
        format!("{} – {} ({weeks})", day(p.from), day(p.to))
    }
}

/// The headers of the session table.
fn session_headers() -> [String; 6] {
    [
        tr!("timeline-col-course"),
        tr!("timeline-col-session"),
        tr!("timeline-col-dates"),
        tr!("timeline-col-venue"),
        tr!("timeline-col-trainers"),
        tr!("timeline-col-attendees"),
    ]
}

/// The closed periods as a list under the picture, readable in print.
fn closed_list(h: &mut String, periods: &[ClosedPeriod]) {
    if periods.is_empty() {
        return;
    }
    let _ = write!(h, "<h3>{}</h3>\n<ul class=\"closed-periods\">", esc(&tr!("timeline-closed-periods")));
    for p in periods {
        let _ = write!(
            h,
            "<li data-from=\"{}\" data-to=\"{}\"><strong>{}</strong>: {}</li>",
            p.from,
            p.to,
            esc(&p.name),
            esc(&period_dates(p))
        );
    }
    h.push_str("</ul>\n");
}

/// Every session with course, dates and weeks, venue and trainers: the timeline's details
/// without hovering (print and projector).
fn session_table(h: &mut String, plan: &PlanFile, look: &Lookup, courses: &[&str]) {
    let Some(t) = &plan.timetable else { return };
    if t.sessions.is_empty() {
        return;
    }
    let (title, headers) = (tr!("timeline-sessions"), session_headers());
    let _ = write!(h, "<h3>{}</h3>\n<div class=\"scroll\"><table class=\"sessions\"><thead><tr>", esc(&title));
    for head in headers {
        let _ = write!(h, "<th>{}</th>", esc(&head));
    }
    h.push_str("</tr></thead><tbody>\n");
    let mut sessions: Vec<&SessionPlan> = t.sessions.iter().collect();
    let rank = |c: &str| courses.iter().position(|x| *x == c).unwrap_or(usize::MAX);
    sessions.sort_by(|a, b| (rank(&a.course), a.dates.first(), &a.id).cmp(&(rank(&b.course), b.dates.first(), &b.id)));
    for s in sessions {
        let colour = PALETTE[rank(&s.course) % PALETTE.len()];
        let venue = look.venue.get(s.venue.as_str()).map(|&v| &look.inst.timetable.venues[v]);
        let place =
            venue.map(|v| format!("{}, {}", v.name, look.inst.municipalities[v.municipality].name)).unwrap_or_else(|| s.venue.clone());
        let dates = s
            .dates
            .iter()
            .map(|d| format!("{} {} ({})", d.day(), month_short(d.month()), tr!("timeline-week", week = d.iso_week().week())))
            .collect::<Vec<_>>()
            .join(", ");
        let trainers = s.trainers.iter().map(|r| look.person_link(r)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            h,
            "<tr data-session=\"{}\" data-course=\"{}\"><td><span class=\"swatch\" style=\"background:{colour}\"></span>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{trainers}</td><td class=\"num\">{}</td></tr>",
            esc(&s.id),
            esc(&s.course),
            esc(look.course_name(&s.course)),
            esc(&s.id),
            esc(&dates),
            esc(&place),
            s.attendees.len()
        );
    }
    h.push_str("</tbody></table></div>\n");
}

/// Every course of the instance, then courses only the plan names: the order of the rows and
/// of the colours.
fn course_ids<'a>(plan: &'a PlanFile, look: &'a Lookup) -> Vec<&'a str> {
    let mut course_ids: Vec<&str> = look.inst.timetable.courses.iter().map(|c| c.id.as_str()).collect();
    for s in plan.timetable.iter().flat_map(|t| t.sessions.iter()) {
        if !course_ids.contains(&s.course.as_str()) {
            course_ids.push(s.course.as_str());
        }
    }
    course_ids
}

/// The course rows from `y` down: every course of the instance, then courses only the plan
/// names. Returns where the rows end.
fn course_rows(body: &mut String, plan: &PlanFile, look: &Lookup, axis: &Axis, mut y: f64) -> f64 {
    let sessions: Vec<&SessionPlan> = plan.timetable.iter().flat_map(|t| t.sessions.iter()).collect();
    let course_ids = course_ids(plan, look);
    let _ = write!(body, "<text x=\"8\" y=\"{y:.1}\" font-size=\"13\" font-weight=\"600\">{}</text>", esc(&tr!("timeline-sessions")));
    y += 8.0;
    if plan.timetable.is_none() {
        y += 6.0;
        let _ = write!(
            body,
            "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"12\" fill=\"#5b6776\">{}</text>",
            y + 8.0,
            esc(&tr!("timeline-no-timetable"))
        );
        y += 20.0;
    } else if course_ids.is_empty() {
        let _ = write!(
            body,
            "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"12\" fill=\"#5b6776\">{}</text>",
            y + 8.0,
            esc(&tr!("timeline-no-courses"))
        );
        y += 20.0;
    }
    if plan.timetable.is_some() {
        for (ci, cid) in course_ids.iter().enumerate() {
            let mut mine: Vec<&SessionPlan> = sessions.iter().copied().filter(|s| s.course == *cid).collect();
            mine.sort_by(|a, b| (a.dates.first(), &a.id).cmp(&(b.dates.first(), &b.id)));
            y += course_row(body, look, axis, ci, cid, &mine, y);
        }
    }
    y
}

/// One course's row at `y`, its sessions on lanes; returns the row's height.
fn course_row(body: &mut String, look: &Lookup, axis: &Axis, ci: usize, cid: &str, mine: &[&SessionPlan], y: f64) -> f64 {
    let colour = PALETTE[ci % PALETTE.len()];
    let (lane_of, n_lanes) = lanes(mine);
    let row_h = n_lanes as f64 * (LANE + 3.0) + 7.0;
    let _ = write!(
        body,
        "<g class=\"course-row\" data-course=\"{}\" data-sessions=\"{}\"><rect x=\"0\" y=\"{y:.1}\" width=\"{WIDTH}\" height=\"{row_h:.1}\" fill=\"{}\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\">{} <tspan fill=\"#5b6776\">({})</tspan></text>",
        esc(cid),
        mine.len(),
        if ci.is_multiple_of(2) { "#f6f8fa" } else { "#ffffff" },
        LEFT - 8.0,
        y + row_h / 2.0 + 4.0,
        esc(&truncate(look.course_name(cid), 30)),
        mine.len()
    );
    for (s, lane) in mine.iter().zip(&lane_of) {
        let top = y + 4.0 + *lane as f64 * (LANE + 3.0);
        session_bar(body, look, axis, s, colour, top);
    }
    if mine.is_empty() {
        let _ = write!(
            body,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#8a96a3\">{}</text>",
            LEFT + 6.0,
            y + row_h / 2.0 + 4.0,
            esc(&tr!("timeline-no-sessions"))
        );
    }
    body.push_str("</g>");
    row_h
}

/// One session: a square per day at `top`, a line joining its first and last day.
fn session_bar(body: &mut String, look: &Lookup, axis: &Axis, s: &SessionPlan, colour: &str, top: f64) {
    let venue = look.venue.get(s.venue.as_str()).map(|&v| look.inst.timetable.venues[v].name.as_str()).unwrap_or(&s.venue);
    let title = tr!(
        "timeline-session-title",
        course = look.course_name(&s.course),
        session = s.id.as_str(),
        dates = s.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
        venue = venue,
        n = s.attendees.len(),
        trainers = s.trainers.iter().map(|t| look.name(t)).collect::<Vec<_>>().join(", "),
        count = s.trainers.len()
    );
    let _ = write!(
        body,
        "<g class=\"session\" data-session=\"{}\" data-course=\"{}\" data-days=\"{}\" data-attendees=\"{}\"><title>{}</title>",
        esc(&s.id),
        esc(&s.course),
        s.dates.len(),
        s.attendees.len(),
        esc(&title)
    );
    if let (Some(&a), Some(&b)) = (s.dates.first(), s.dates.last()) {
        if a != b {
            let _ = write!(
                body,
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                axis.x(a),
                top + LANE / 2.0,
                axis.x(b) + axis.day_w,
                top + LANE / 2.0
            );
        }
    }
    for d in &s.dates {
        let _ = write!(
            body,
            "<rect class=\"session-day\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{LANE}\" rx=\"1.5\" fill=\"{colour}\"/>",
            axis.x(*d),
            axis.day_w
        );
    }
    body.push_str("</g>");
}

/// Meetings per month: mentor meetings, then each group programme.
fn meeting_series<'a>(plan: &'a PlanFile, look: &'a Lookup) -> Vec<Series<'a>> {
    let month_of = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    let mut series: Vec<Series> = Vec::new();
    let mut mentor: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for p in &plan.mentorship.pairs {
        for d in &p.meetings {
            *mentor.entry(month_of(*d)).or_default() += 1;
        }
    }
    series.push(("mentor".into(), tr!("timeline-series-mentor"), MENTOR_COLOUR, mentor));
    for (gi, prog) in plan.groups.iter().enumerate() {
        let mut m: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for g in &prog.groups {
            for d in &g.meetings {
                *m.entry(month_of(*d)).or_default() += 1;
            }
        }
        let name = look.programme_name.get(prog.programme.as_str()).copied().unwrap_or(&prog.programme);
        let label = tr!("timeline-series-group", programme = name);
        series.push((format!("group:{}", prog.programme), label, GROUP_COLOURS[gi % GROUP_COLOURS.len()], m));
    }
    series
}

/// The stacked monthly bars with their scale from `chart_top` down, and the month labels
/// under them. Returns the chart's base line and the highest stack.
fn month_chart(body: &mut String, axis: &Axis, series: &[Series], chart_top: f64) -> (f64, usize) {
    let stack_max =
        axis.months_only().iter().map(|m| series.iter().map(|s| s.3.get(m).copied().unwrap_or(0)).sum::<usize>()).max().unwrap_or(0);
    let chart_h = if stack_max == 0 { 24.0 } else { 130.0 };
    let base = chart_top + chart_h;
    // Grid lines every `step` (1, 2 or 5 × 10^k), at most five above zero.
    let step = nice_ceiling(stack_max.max(1).div_ceil(5));
    let scale_max = stack_max.max(1).div_ceil(step) * step;
    for k in 0..=scale_max / step {
        if stack_max == 0 {
            break;
        }
        let v = step * k;
        let gy = base - v as f64 / scale_max as f64 * chart_h;
        let _ = write!(
            body,
            "<line x1=\"{LEFT}\" y1=\"{gy:.1}\" x2=\"{:.1}\" y2=\"{gy:.1}\" stroke=\"#e3e8ee\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"10\" fill=\"#5b6776\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            gy + 3.5,
            int_sv(v as i64)
        );
    }
    let chart = Chart { base, height: chart_h, scale_max };
    for w in axis.month_starts.windows(2) {
        chart.month_bars(body, axis, series, w[0], w[1]);
    }
    if stack_max == 0 {
        let _ = write!(
            body,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#5b6776\">{}</text>",
            LEFT + 10.0,
            base - 6.0,
            esc(&tr!("timeline-no-meetings"))
        );
    }
    let _ = write!(body, "<line x1=\"{LEFT}\" y1=\"{base:.1}\" x2=\"{:.1}\" y2=\"{base:.1}\" stroke=\"#1d2733\"/>", WIDTH - RIGHT);

    // Month labels under the chart.
    let label_every = axis.label_every();
    for (i, m) in axis.months_only().iter().enumerate() {
        if i % label_every == 0 && stack_max > 0 {
            let cx = (axis.x(*m) + axis.x(axis.month_starts[i + 1])) / 2.0;
            let _ = write!(
                body,
                "<text class=\"month-label\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                base + 15.0,
                month_short(m.month())
            );
        }
    }
    (base, stack_max)
}

/// The vertical scale of the monthly bars.
struct Chart {
    /// The base line (zero meetings).
    base: f64,
    /// Height of the scale's top above the base line.
    height: f64,
    /// Meetings at the scale's top.
    scale_max: usize,
}

impl Chart {
    /// The stacked bars of the month starting `m` (the next one starts `next`) and its total.
    fn month_bars(&self, body: &mut String, axis: &Axis, series: &[Series], m: NaiveDate, next: NaiveDate) {
        let slot = axis.x(next) - axis.x(m);
        let bw = (slot * 0.62).max(2.0);
        let bx = axis.x(m) + (slot - bw) / 2.0;
        let mut top = self.base;
        let mut total = 0;
        for (key, label, colour, counts) in series {
            let n = counts.get(&m).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            total += n;
            let bh = n as f64 / self.scale_max as f64 * self.height;
            top -= bh;
            let _ = write!(
                body,
                "<rect class=\"month-bar\" data-month=\"{}\" data-series=\"{}\" data-count=\"{n}\" x=\"{bx:.1}\" y=\"{top:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{colour}\"><title>{} {}: {} {}</title></rect>",
                m.format("%Y-%m"),
                esc(key),
                month(m.month()),
                m.year(),
                n,
                esc(&label.to_lowercase())
            );
        }
        if total > 0 {
            let _ = write!(
                body,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d2733\">{}</text>",
                bx + bw / 2.0,
                top - 3.0,
                int_sv(total as i64)
            );
        }
    }
}

/// The legend from `legend_y` down: the series with meetings, and a colour per course. Returns
/// the legend and the picture's height.
fn legend(series: &[Series], courses: &[&str], look: &Lookup, mut legend_y: f64) -> (String, f64) {
    let mut lx = LEFT;
    let mut legend = String::new();
    let item = |legend: &mut String, lx: &mut f64, ly: &mut f64, colour: &str, label: &str, key: &str| {
        let w = 22.0 + label.chars().count() as f64 * 6.6;
        if *lx + w > WIDTH - RIGHT {
            *lx = LEFT;
            *ly += 18.0;
        }
        let _ = write!(
            legend,
            "<rect class=\"legend-item\" data-key=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            esc(key),
            *lx,
            *ly - 10.0,
            *lx + 16.0,
            *ly,
            esc(label)
        );
        *lx += w + 14.0;
    };
    let _ = write!(legend, "<text x=\"8\" y=\"{legend_y:.1}\" font-size=\"12\" font-weight=\"600\">{}</text>", esc(&tr!("report-legend")));
    for (key, label, colour, _) in series.iter().filter(|s| !s.3.is_empty()) {
        item(&mut legend, &mut lx, &mut legend_y, colour, label, key);
    }
    for (ci, c) in courses.iter().enumerate() {
        let label = tr!("timeline-legend-course", course = truncate(look.course_name(c), 40));
        item(&mut legend, &mut lx, &mut legend_y, PALETTE[ci % PALETTE.len()], &label, &format!("course:{c}"));
    }
    (legend, legend_y + 14.0)
}

/// Dashed month lines from `grid_top` to `grid_bottom`, with month names on top.
fn month_grid(axis: &Axis, grid_top: f64, grid_bottom: f64) -> String {
    let mut grid = String::new();
    let month_starts = &axis.month_starts;
    let label_every = axis.label_every();
    for (i, m) in month_starts.iter().enumerate() {
        let gx = axis.x(*m);
        let _ = write!(
            grid,
            "<line class=\"month-grid\" x1=\"{gx:.1}\" y1=\"{grid_top:.1}\" x2=\"{gx:.1}\" y2=\"{grid_bottom:.1}\" stroke=\"#c9d1da\" stroke-dasharray=\"2 3\"/>"
        );
        if i + 1 < month_starts.len() && i % label_every == 0 {
            let cx = (gx + axis.x(month_starts[i + 1])) / 2.0;
            let label = if i == 0 || m.month() == 1 { format!("{} {}", month_short(m.month()), m.year()) } else { month_short(m.month()) };
            let _ = write!(
                grid,
                "<text class=\"month-label\" x=\"{cx:.1}\" y=\"16\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                esc(&label)
            );
        }
    }
    grid
}

/// A week line with its ISO week number (as Swedish calendars show them) on Mondays: every
/// Monday when a week is at least 22 units wide, else every second, fourth, … week.
fn week_grid(grid: &mut String, axis: &Axis, grid_bottom: f64) {
    let week_w = 7.0 / axis.span * axis.plot;
    let every = (22.0 / week_w).ceil().max(1.0) as u32;
    let mut d = axis.x0;
    while d < axis.x_end {
        if d.weekday() == chrono::Weekday::Mon && (d.iso_week().week() - 1).is_multiple_of(every) {
            let gx = axis.x(d);
            let _ = write!(
                grid,
                "<line class=\"week-grid\" x1=\"{gx:.1}\" y1=\"34\" x2=\"{gx:.1}\" y2=\"{grid_bottom:.1}\" stroke=\"#e6eaef\"/>\
                 <text class=\"week-label\" data-week=\"{}\" x=\"{:.1}\" y=\"31\" font-size=\"9\" fill=\"#5b6776\">{}</text>",
                d.iso_week().week(),
                gx + 2.0,
                tr!("timeline-week", week = d.iso_week().week())
            );
        }
        d += chrono::Duration::days(1);
    }
}

/// The smallest of 1, 2, 5 × 10^k at or above `n` (a round top for the chart's scale).
fn nice_ceiling(n: usize) -> usize {
    let mut p = 1;
    loop {
        for m in [1, 2, 5] {
            if m * p >= n {
                return m * p;
            }
        }
        p *= 10;
    }
}

/// At most `n` characters, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n.saturating_sub(1)).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cover_the_round() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let m = months(d(2027, 1, 11), d(2027, 3, 31));
        assert_eq!(m, vec![d(2027, 1, 1), d(2027, 2, 1), d(2027, 3, 1), d(2027, 4, 1)]);
        assert_eq!(nice_ceiling(7), 10);
        assert_eq!(nice_ceiling(130), 200);
        assert_eq!(nice_ceiling(1), 1);
        assert_eq!(truncate("Barnkonventionen i praktiken", 10), "Barnkonve…");
    }
}
