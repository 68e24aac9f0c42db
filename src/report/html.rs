//! `trappa report`: one self-contained HTML page for the coordinators of a round.
//!
//! The page shows the headline figures (who is served, in which phase, who is not and why), a
//! timeline of the round, a map of the municipalities with the mentor pairs and group
//! memberships drawn between them, a table per municipality (participants, seats used, travel
//! and the split of the course costs) and every person's calendar. Everything is inline: CSS,
//! SVG and a few lines of script for the person search; the page reads without the script and
//! loads nothing from the network (a Content-Security-Policy says so to the browser).
//!
//! The same plan and instance always give the same bytes.

mod costs;
mod figures;
mod fixes;
mod forecast;
mod map;
mod people;
mod timeline;

pub use figures::{split_cost, CostTotals, Figures, MunicipalityRow};

use crate::format::plan::{Optimality, PlanFile};
use crate::format::InstanceFile;
use crate::model::Instance;
use crate::text::tr;
use chrono::{Datelike, NaiveDate};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How the course costs are split between the municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CostSplit {
    /// By population share: the instance's `cost_share` when every municipality has one
    /// (Göteborgsregionen's shares), else inhabitants.
    #[default]
    Population,
    /// By the course seats the municipality's participants use.
    Participants,
}

impl CostSplit {
    /// The name used on the command line and in the page's `data-cost-split`.
    pub fn name(self) -> &'static str {
        match self {
            CostSplit::Population => "population",
            CostSplit::Participants => "participants",
        }
    }
}

/// Options of the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// How the course costs are split.
    pub cost_split: CostSplit,
}

/// Escapes text for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `id` of a person's entry: `person-` and the id with whitespace replaced by `_` (an HTML
/// id has no whitespace). Escape it with [`esc`] inside attributes.
pub fn person_anchor(id: &str) -> String {
    let clean: String = id.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    format!("person-{clean}")
}

/// A link target to a person's entry: `#person-…`, percent-encoded.
fn person_href(id: &str) -> String {
    let mut out = String::from("#");
    for b in person_anchor(id).bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// An integer with a no-break space as thousands separator (Swedish style).
pub fn int_sv(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

/// A percentage with one decimal and a decimal comma.
fn pct_sv(x: f64) -> String {
    format!("{:.1}\u{a0}%", x * 100.0).replace('.', ",")
}

/// "mån 3 feb 2027" (English: "Mon 3 Feb 2027").
fn date_sv(d: NaiveDate) -> String {
    let weekday = crate::text::weekday_short(d.weekday().number_from_monday());
    format!("{weekday} {} {} {}", d.day(), crate::text::month_short(d.month()), d.year())
}

/// Colours of series (courses, group programmes), chosen to stay apart on screen and in print.
const PALETTE: [&str; 10] = ["#e07a1f", "#4c956c", "#8e5ea2", "#c44536", "#b08900", "#2f8f9d", "#d45087", "#6b705c", "#3d5a80", "#9c6644"];
/// Colour of mentor meetings and pairs.
const MENTOR_COLOUR: &str = "#1f5f8b";

/// A reason code of the plan in the coordinator's words (unknown codes are shown as they are).
fn reason_sv(code: &str) -> String {
    crate::text::reason(code)
}

/// A group programme kind in the coordinator's words.
fn kind_sv(kind: &str) -> String {
    crate::text::group_kind(kind)
}

/// Names and indices of the instance, looked up by id (plans are read leniently: an unknown id
/// is shown as it is, never a panic).
pub(crate) struct Lookup<'a> {
    pub inst: &'a Instance,
    pub file: &'a InstanceFile,
    pub participant: BTreeMap<&'a str, usize>,
    pub mentor: BTreeMap<&'a str, usize>,
    pub trainer: BTreeMap<&'a str, usize>,
    pub municipality: BTreeMap<&'a str, usize>,
    pub venue: BTreeMap<&'a str, usize>,
    pub course: BTreeMap<&'a str, usize>,
    pub programme_name: BTreeMap<&'a str, &'a str>,
    pub names: BTreeMap<&'a str, &'a str>,
}

impl<'a> Lookup<'a> {
    fn new(file: &'a InstanceFile, inst: &'a Instance) -> Self {
        let idx = |it: Vec<&'a str>| it.into_iter().enumerate().map(|(i, s)| (s, i)).collect::<BTreeMap<_, _>>();
        Lookup {
            inst,
            file,
            participant: idx(inst.participants.iter().map(|p| p.id.as_str()).collect()),
            mentor: idx(inst.mentors.iter().map(|p| p.id.as_str()).collect()),
            trainer: idx(inst.timetable.trainers.iter().map(|p| p.id.as_str()).collect()),
            municipality: idx(inst.municipalities.iter().map(|p| p.id.as_str()).collect()),
            venue: idx(inst.timetable.venues.iter().map(|p| p.id.as_str()).collect()),
            course: idx(inst.timetable.courses.iter().map(|p| p.id.as_str()).collect()),
            programme_name: file.group_programmes.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect(),
            names: crate::write::person_names(inst),
        }
    }
    /// A person's display name, or the id.
    pub fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.names.get(id).copied().unwrap_or(id)
    }
    /// A municipality's display name, or the id.
    pub fn muni_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.municipality.get(id).map(|&i| self.inst.municipalities[i].name.as_str()).unwrap_or(id)
    }
    /// A course's display name, or the id.
    pub fn course_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.course.get(id).map(|&i| self.inst.timetable.courses[i].name.as_str()).unwrap_or(id)
    }
    /// The home municipality index of a participant or mentor.
    pub fn home(&self, id: &str) -> Option<usize> {
        if let Some(&p) = self.participant.get(id) {
            return Some(self.inst.participants[p].municipality.index());
        }
        self.mentor.get(id).map(|&m| self.inst.mentors[m].municipality.index())
    }
    /// A person's role in the round, in the coordinator's words (a participant who also
    /// mentors is shown as a participant).
    pub fn role_text(&self, id: &str) -> String {
        let role = if self.participant.contains_key(id) {
            "participant"
        } else if self.mentor.contains_key(id) {
            "mentor"
        } else if self.trainer.contains_key(id) {
            "trainer"
        } else if self.inst.group_leaders.iter().any(|l| l.id == id) {
            "leader"
        } else {
            "participant"
        };
        crate::diff::role_text(role)
    }
    /// A link to a person's calendar entry.
    pub fn person_link(&self, id: &str) -> String {
        format!("<a href=\"{}\">{}</a>", esc(&person_href(id)), esc(self.name(id)))
    }
}

const CSS: &str = r#"
:root{--ink:#1d2733;--muted:#5b6776;--line:#d5dbe3;--bg:#f6f8fa;--mentor:#1f5f8b;--accent:#e07a1f}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;line-height:1.45}
header.top{background:#16324f;color:#fff;padding:18px 0 14px}
header.top h1{margin:0 0 4px;font-size:1.6rem}
header.top p{margin:0;color:#cfdbe8;font-size:.95rem}
nav.toc{background:#eef2f6;border-bottom:1px solid var(--line);font-size:.92rem}
nav.toc a{display:inline-block;padding:8px 10px;color:#16324f;text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.wrap{max-width:1180px;margin:0 auto;padding:0 20px}
section{padding:10px 0 18px;border-bottom:1px solid var(--line)}
h2{font-size:1.3rem;margin:18px 0 10px}
h3{font-size:1.05rem;margin:16px 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:8px 0 14px}
.card{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.card .n{font-size:1.7rem;font-weight:650;line-height:1.1}
.card .l{color:var(--muted);font-size:.85rem}
.card.warn .n{color:#b23a2e}
table{border-collapse:collapse;font-size:.9rem;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th.chosen{border-bottom:3px solid var(--accent)}
tfoot td{font-weight:650;border-top:2px solid var(--ink)}
.muted{color:var(--muted)}
.note{color:var(--muted);font-size:.88rem;max-width:900px}
details{margin:4px 0}
details>summary{cursor:pointer}
details.reasons{background:var(--bg);border:1px solid var(--line);border-radius:5px;padding:4px 10px}
details.reasons ul{margin:6px 0 8px;padding-left:20px;font-size:.88rem}
p.fix{margin:2px 0 8px 12px;font-size:.9rem;border-left:4px solid #4c956c;padding-left:8px}
figure{margin:8px 0 14px}
figure svg{width:100%;height:auto;display:block;border:1px solid var(--line);border-radius:6px;background:#fff}
figcaption{color:var(--muted);font-size:.85rem;margin-top:4px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.legend{font-size:12px;fill:#1d2733}
.people-tools{margin:6px 0 10px}
.people-tools input{font-size:1rem;padding:6px 10px;width:min(420px,100%);border:1px solid #9aa6b2;border-radius:4px}
details.person{border-bottom:1px solid var(--line);padding:3px 0}
details.person>summary{padding:2px 0}
details.person>summary .who{font-weight:600}
details.person table{margin:6px 0 8px 18px}
details.person[open]{background:#fbfcfd}
.kind-mentor{border-left:4px solid var(--mentor);padding-left:6px}
.kind-group{border-left:4px solid #4c956c;padding-left:6px}
.kind-course{border-left:4px solid var(--accent);padding-left:6px}
ul.issues{margin:4px 0 8px 18px;padding-left:18px;color:#8a2c22;font-size:.88rem}
h3.people-group{border-bottom:1px solid var(--line);padding-bottom:4px}
@media print{nav.toc,.people-tools{display:none}details{display:block}section{break-inside:avoid-page}}
"#;

const SCRIPT: &str = r#"
(function(){
  var box=document.getElementById('person-search');
  if(!box){return;}
  box.hidden=false;
  var people=Array.prototype.slice.call(document.querySelectorAll('details.person'));
  var count=document.getElementById('person-count');
  box.addEventListener('input',function(){
    var q=box.value.trim().toLowerCase();var shown=0;
    people.forEach(function(d){var hit=!q||d.getAttribute('data-search').indexOf(q)>=0;d.hidden=!hit;if(hit){shown++;}});
    if(count){count.textContent=(count.getAttribute('data-of')||'%shown / %total').replace('%shown',shown).replace('%total',people.length);}
  });
  function openTarget(){
    var id=decodeURIComponent(location.hash.slice(1));var el=id&&document.getElementById(id);
    if(el&&el.tagName==='DETAILS'){el.hidden=false;el.open=true;el.scrollIntoView();}
  }
  window.addEventListener('hashchange',openTarget);openTarget();
})();
"#;

/// Renders the page.
pub fn render(plan: &PlanFile, file: &InstanceFile, inst: &Instance, opts: ReportOptions) -> String {
    let look = Lookup::new(file, inst);
    let fig = Figures::compute(plan, &look, opts.cost_split);
    let entries = crate::write::person_entries(plan, file, inst);
    let mut h = String::with_capacity(1 << 20);
    let title = tr!("report-title", round = file.round.name.as_str());
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"trappa {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        crate::text::lang().code(),
        esc(&plan.trappa_version),
        esc(&title)
    );
    let _ = writeln!(
        h,
        "<header class=\"top\"><div class=\"wrap\"><h1>{}</h1><p>{} · {} – {} · {}</p></div></header>",
        esc(&file.round.name),
        esc(&file.region.name),
        esc(&date_sv(file.round.start)),
        esc(&date_sv(file.round.end)),
        esc(&tr!(
            "report-made-by",
            version = plan.trappa_version.as_str(),
            sha = plan.instance.sha256.get(..12).unwrap_or(&plan.instance.sha256)
        ))
    );
    let _ = writeln!(
        h,
        "<nav class=\"toc\"><div class=\"wrap\"><a href=\"#headline\">{}</a><a href=\"#unserved\">{}</a>\
         <a href=\"#timeline\">{}</a><a href=\"#map\">{}</a><a href=\"#municipalities\">{}</a>\
         <a href=\"#people\">{}</a></div></nav>\n<main class=\"wrap\">",
        esc(&tr!("report-overview")),
        esc(&tr!("report-unserved")),
        esc(&tr!("report-timeline")),
        esc(&tr!("report-map")),
        esc(&tr!("report-costs")),
        esc(&tr!("report-people"))
    );
    headline(&mut h, plan, &look, &fig);
    changes(&mut h, plan, &look);
    unserved(&mut h, plan, &look, &fig);
    timeline::render(&mut h, plan, &look, &fig);
    forecast::render(&mut h, plan, inst);
    map::render(&mut h, plan, &look, &fig);
    municipalities(&mut h, plan, inst, &fig, opts);
    costs::render(&mut h, plan, &look);
    people::render(&mut h, plan, &look, &entries);
    h.push_str("</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// For a re-planned round: who must be told about changed dates, and what was repaired.
fn changes(h: &mut String, plan: &PlanFile, look: &Lookup) {
    let Some(r) = &plan.replan else { return };
    let _ = writeln!(
        h,
        "<section id=\"changes\" data-changed=\"{}\" data-added=\"{}\">\n<h2>{}</h2>\n<p>{}</p>",
        r.changed.len(),
        r.added.len(),
        esc(&tr!("report-changes")),
        esc(&tr!(
            "report-changes-intro",
            today = date_sv(r.today),
            changed = r.changed.len(),
            weighted = r.weighted_changes.to_string(),
            added = r.added.len()
        ))
    );
    if !r.changed.is_empty() {
        let heads = [tr!("report-col-person"), tr!("report-col-role"), tr!("report-col-removed"), tr!("report-col-new")];
        let _ = writeln!(h, "<table><thead><tr>{}</tr></thead><tbody>", header_cells(&heads));
        for c in &r.changed {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                look.person_link(&c.person),
                crate::diff::role_text(&c.role),
                c.removed,
                c.added
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if !r.added.is_empty() {
        // Newcomers and people given an extra mentee or session: nothing of theirs moved.
        let heads = header_cells(&[tr!("report-col-person"), tr!("report-col-role")]);
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<table class=\"new-dates\"><thead><tr>{heads}</tr></thead><tbody>",
            esc(&tr!("report-new-dates-only"))
        );
        for p in &r.added {
            let _ = writeln!(h, "<tr><td>{}</td><td>{}</td></tr>", look.person_link(p), look.role_text(p));
        }
        h.push_str("</tbody></table>\n");
    }
    if !r.notes.is_empty() {
        let _ = writeln!(h, "<details><summary>{}</summary><ul>", esc(&tr!("report-what-changed")));
        for n in &r.notes {
            let _ = writeln!(h, "<li>{}</li>", esc(n));
        }
        h.push_str("</ul></details>\n");
    }
    h.push_str("</section>\n");
}

fn status_sv(opt: Optimality, gap: Option<f64>) -> String {
    match (opt, gap) {
        (Optimality::Optimal, _) => tr!("report-status-optimal"),
        (Optimality::Feasible, Some(g)) => tr!("report-status-gap", gap = pct_sv(g)),
        (Optimality::Feasible, None) => tr!("report-status-heuristic"),
    }
}

fn card(h: &mut String, n: usize, label: &str, warn: bool) {
    let _ = write!(
        h,
        "<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>",
        if warn && n > 0 { " warn" } else { "" },
        int_sv(n as i64),
        esc(label)
    );
}

fn headline(h: &mut String, plan: &PlanFile, look: &Lookup, f: &Figures) {
    let _ = writeln!(
        h,
        "<section id=\"headline\" data-participants=\"{}\" data-served=\"{}\" data-pairs=\"{}\" data-groups=\"{}\" data-group-members=\"{}\" \
         data-sessions=\"{}\" data-mentor-meetings=\"{}\" data-group-meetings=\"{}\" data-course-days=\"{}\" data-course-seats=\"{}\" \
         data-unmatched=\"{}\" data-not-eligible=\"{}\" data-group-unserved=\"{}\" data-group-not-eligible=\"{}\" data-timetable-unserved=\"{}\">",
        f.participants,
        f.served_any,
        f.pairs,
        f.groups,
        f.group_members,
        f.sessions,
        f.mentor_meetings,
        f.group_meetings,
        f.course_days,
        f.course_seats,
        f.unmatched,
        f.not_eligible,
        f.group_unserved,
        f.group_not_eligible,
        f.timetable_unserved
    );
    let _ = write!(h, "<h2>{}</h2>\n<div class=\"cards\">", esc(&tr!("report-overview")));
    card(h, f.participants, &tr!("report-card-participants"), false);
    card(h, f.served_any, &tr!("report-card-served"), false);
    let has_mentorship = !look.inst.mentors.is_empty()
        || !plan.mentorship.pairs.is_empty()
        || !plan.mentorship.unmatched.is_empty()
        || !plan.mentorship.not_eligible.is_empty();
    if has_mentorship {
        card(h, f.pairs, &tr!("report-card-pairs"), false);
        card(h, f.mentor_meetings, &tr!("report-card-mentor-meetings"), false);
    }
    if !plan.groups.is_empty() {
        card(h, f.groups, &tr!("report-card-groups"), false);
        card(h, f.group_meetings, &tr!("report-card-group-meetings"), false);
    }
    if plan.timetable.is_some() {
        card(h, f.sessions, &tr!("report-card-sessions"), false);
        card(h, f.course_seats, &tr!("report-card-course-seats"), false);
    }
    card(h, f.unmatched + f.group_unserved + f.timetable_unserved, &tr!("report-unserved"), true);
    h.push_str("</div>\n");

    // Served by phase.
    let _ = write!(
        h,
        "<h3>{}</h3>\n<table class=\"phases\"><thead><tr><th>{}</th>",
        esc(&tr!("report-by-phase")),
        esc(&tr!("report-col-phase"))
    );
    for head in [
        tr!("report-col-participants"),
        tr!("report-col-with-mentor"),
        tr!("report-col-in-group"),
        tr!("report-col-with-seat"),
        tr!("report-col-any"),
    ] {
        let _ = write!(h, "<th class=\"num\">{}</th>", esc(&head));
    }
    h.push_str("</tr></thead><tbody>");
    for (i, ph) in look.inst.phases.iter().enumerate() {
        let r = &f.by_phase[i];
        let _ = write!(
            h,
            "<tr data-phase=\"{}\" data-participants=\"{}\" data-mentees=\"{}\" data-group-members=\"{}\" data-course-participants=\"{}\"><td>{}</td>{}</tr>",
            esc(&ph.id),
            r.participants,
            r.mentees,
            r.group_members,
            r.course_participants,
            esc(&crate::text::phase(&ph.id)),
            phase_cells(r)
        );
    }
    let t = f.by_phase.iter().fold(figures::PhaseRow::default(), |a, r| figures::PhaseRow {
        participants: a.participants + r.participants,
        mentees: a.mentees + r.mentees,
        group_members: a.group_members + r.group_members,
        course_participants: a.course_participants + r.course_participants,
        any: a.any + r.any,
    });
    let _ = writeln!(h, "</tbody><tfoot><tr><td>{}</td>{}</tr></tfoot></table>", esc(&tr!("report-total")), phase_cells(&t));

    // Parts of the plan and their status.
    let heads = header_cells(&[tr!("report-col-part"), tr!("report-col-scope"), tr!("report-col-status")]);
    let _ = write!(h, "<h3>{}</h3>\n<table class=\"parts\"><thead><tr>{heads}</tr></thead><tbody>", esc(&tr!("report-parts")));
    let shortfalls = plan.mentorship.pairs.iter().filter(|p| p.shortfall.is_some()).count();
    let _ = write!(
        h,
        "<tr><td>{}</td><td>{}{}</td><td>{} ({})</td></tr>",
        esc(&tr!("report-card-pairs")),
        esc(&tr!("report-part-pairs", pairs = f.pairs, meetings = f.mentor_meetings)),
        if shortfalls > 0 { format!(", {}", tr!("report-pairs-shortfall", n = shortfalls)) } else { String::new() },
        esc(&status_sv(plan.status.optimality, plan.status.gap)),
        esc(&crate::text::strategy(&plan.run.strategy))
    );
    for g in &plan.groups {
        let members: usize = g.groups.iter().map(|x| x.members.len()).sum();
        let meetings: usize = g.groups.iter().map(|x| x.meetings.len()).sum();
        let conflicts: usize = g.groups.iter().map(|x| x.conflicts.len()).sum();
        let _ = write!(
            h,
            "<tr data-programme=\"{}\" data-groups=\"{}\"><td>{} <span class=\"muted\">({})</span></td><td>{} {}, {}{}</td><td>{}</td></tr>",
            esc(&g.programme),
            g.groups.len(),
            esc(look.programme_name.get(g.programme.as_str()).copied().unwrap_or(&g.programme)),
            esc(&kind_sv(&g.kind)),
            int_sv(g.groups.len() as i64),
            tr!("report-group-word", n = g.groups.len()),
            esc(&tr!("report-part-group-people", members = members, meetings = meetings)),
            if conflicts > 0 { format!(", {}", tr!("report-known-absences", n = conflicts)) } else { String::new() },
            esc(&status_sv(g.status.optimality, g.status.gap))
        );
    }
    if let Some(t) = &plan.timetable {
        let served: usize = t.objective.coverage.values().map(|c| c.served).sum();
        let demanded: usize = t.objective.coverage.values().map(|c| c.demanded).sum();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{} ({})</td></tr>",
            esc(&tr!("report-part-courses")),
            esc(&tr!("report-part-sessions", sessions = f.sessions, days = f.course_days, served = served, demanded = demanded)),
            esc(&status_sv(t.status.optimality, t.status.gap)),
            esc(&crate::text::strategy(&t.strategy))
        );
    } else {
        absent_part(h, &tr!("report-part-courses"), &tr!("report-part-no-timetable"));
    }
    if plan.groups.is_empty() {
        absent_part(h, &tr!("report-card-groups"), &tr!("report-part-no-groups"));
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// A row of the parts table for a part the plan does not have.
fn absent_part(h: &mut String, part: &str, note: &str) {
    let _ = write!(h, "<tr><td>{}</td><td class=\"muted\">{}</td><td></td></tr>", esc(part), esc(note));
}

/// Header cells of a table row.
fn header_cells(heads: &[String]) -> String {
    heads.iter().map(|head| format!("<th>{}</th>", esc(head))).collect()
}

/// Table cells of figures, right-aligned.
fn num_cells(values: &[String]) -> String {
    values.iter().map(|v| format!("<td class=\"num\">{v}</td>")).collect()
}

/// The figures of one row of the phase table.
fn phase_cells(r: &figures::PhaseRow) -> String {
    num_cells(&[r.participants, r.mentees, r.group_members, r.course_participants, r.any].map(|n| int_sv(n as i64)))
}

/// One category of unserved participants: per reason code, the list of (person, message).
type ReasonLists<'p> = BTreeMap<&'p str, Vec<(&'p str, String)>>;

fn reason_block(h: &mut String, look: &Lookup, category: &str, title: &str, lists: &ReasonLists, fixes: &fixes::Fixes) {
    let total: usize = lists.values().map(Vec::len).sum();
    let _ = write!(
        h,
        "<div class=\"reason-category\" data-category=\"{}\" data-count=\"{total}\"><h3>{} ({})</h3>",
        category,
        esc(title),
        total
    );
    if lists.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">{}</p></div>", esc(&tr!("report-none")));
        return;
    }
    for (reason, items) in lists {
        let _ = write!(
            h,
            "<details class=\"reasons\" data-reason=\"{}\" data-count=\"{}\"><summary>{}: <strong>{}</strong></summary><ul>",
            esc(reason),
            items.len(),
            esc(&reason_sv(reason)),
            int_sv(items.len() as i64)
        );
        for (who, msg) in items {
            let _ = write!(h, "<li>{}: {}</li>", look.person_link(who), esc(msg));
        }
        h.push_str("</ul></details>\n");
        if let Some(fix) = fixes.get(*reason) {
            let _ = writeln!(
                h,
                "<p class=\"fix\" data-reason=\"{}\"><strong>{}</strong> {}.</p>",
                esc(reason),
                esc(&tr!("report-suggestion")),
                esc(fix)
            );
        }
    }
    h.push_str("</div>\n");
}

fn unserved(h: &mut String, plan: &PlanFile, look: &Lookup, f: &Figures) {
    let _ = writeln!(
        h,
        "<section id=\"unserved\" data-unmatched=\"{}\" data-group-unserved=\"{}\" data-timetable-unserved=\"{}\">\n<h2>{}</h2>\n\
         <p class=\"note\">{}</p>",
        f.unmatched,
        f.group_unserved,
        f.timetable_unserved,
        esc(&tr!("report-unserved")),
        esc(&tr!("report-unserved-intro"))
    );
    let mut m: ReasonLists = BTreeMap::new();
    for u in &plan.mentorship.unmatched {
        m.entry(u.reason.as_str()).or_default().push((u.mentee.as_str(), u.message.clone()));
    }
    reason_block(h, look, "mentorship", &tr!("report-unmatched"), &m, &fixes::mentorship(plan, look));
    if !plan.mentorship.not_eligible.is_empty() {
        let mut ne: ReasonLists = BTreeMap::new();
        for u in &plan.mentorship.not_eligible {
            ne.entry("not_eligible")
                .or_default()
                .push((u.participant.as_str(), tr!("report-phase-message", phase = u.phase.as_str(), message = u.message.as_str())));
        }
        let title = tr!("report-mentorship-not-eligible");
        reason_block(h, look, "mentorship-not-eligible", &title, &ne, &fixes::Fixes::new());
    }
    for g in &plan.groups {
        let name = look.programme_name.get(g.programme.as_str()).copied().unwrap_or(&g.programme);
        let mut l: ReasonLists = BTreeMap::new();
        for u in &g.unserved {
            l.entry(u.reason.as_str()).or_default().push((u.participant.as_str(), u.message.clone()));
        }
        reason_block(h, look, "groups", &tr!("report-group-unserved", programme = name), &l, &fixes::groups(plan, g, look));
        if !g.not_eligible.is_empty() {
            let mut l: ReasonLists = BTreeMap::new();
            for u in &g.not_eligible {
                l.entry(u.reason.as_str()).or_default().push((u.participant.as_str(), u.message.clone()));
            }
            let title = tr!("report-group-not-eligible", programme = name);
            reason_block(h, look, "groups-not-eligible", &title, &l, &fixes::Fixes::new());
        }
        for note in &g.notes {
            let _ = writeln!(h, "<p class=\"note\">{}: {}</p>", esc(name), esc(note));
        }
    }
    if let Some(t) = &plan.timetable {
        let mut l: ReasonLists = BTreeMap::new();
        for u in &t.unserved {
            l.entry(u.reason.as_str()).or_default().push((
                u.participant.as_str(),
                tr!(
                    "report-course-demand",
                    course = look.course_name(&u.course),
                    priority = priority_sv(u.priority.name()),
                    message = u.message.as_str()
                ),
            ));
        }
        reason_block(h, look, "timetable", &tr!("report-timetable-unserved"), &l, &fixes::timetable(t, look));
    }
    h.push_str("</section>\n");
}

fn priority_sv(p: &str) -> String {
    crate::text::priority(p)
}

fn municipalities(h: &mut String, plan: &PlanFile, inst: &Instance, f: &Figures, opts: ReportOptions) {
    let c = &f.costs;
    let _ = writeln!(
        h,
        "<section id=\"municipalities\" data-cost-split=\"{}\" data-total-cost=\"{}\" data-municipalities=\"{}\">\n<h2>{}</h2>",
        opts.cost_split.name(),
        c.total_rounded,
        f.municipalities.len(),
        esc(&tr!("report-costs"))
    );
    if plan.timetable.is_none() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", tr!("cost-no-timetable"));
    } else {
        let plan_term = match c.plan_term {
            Some(t) => format!(" {}", tr!("cost-plan-term", kr = int_sv(t.round() as i64))),
            None => String::new(),
        };
        let basis = tr!(
            "cost-basis",
            trainers = int_sv(c.trainer_days.round() as i64),
            venues = int_sv(c.venue_days.round() as i64),
            fixed = int_sv(c.course_fixed.round() as i64),
            sessions = int_sv(f.sessions as i64),
            total = int_sv(c.total_rounded),
            plan_term = plan_term
        );
        let _ = writeln!(h, "<p class=\"note\">{basis}</p>");
    }
    let how = match (opts.cost_split, f.split_basis) {
        (CostSplit::Population, figures::SplitBasis::CostShare) => tr!("cost-split-cost-share"),
        (CostSplit::Population, _) => tr!("cost-split-population"),
        (CostSplit::Participants, figures::SplitBasis::Seats) => tr!("cost-split-seats"),
        (CostSplit::Participants, _) => tr!("cost-split-no-seats"),
    };
    let _ = writeln!(h, "<p class=\"note\">{how} {}</p>", cost_note(f, opts.cost_split));
    let with_share = inst.municipalities.iter().filter(|m| m.cost_share.is_some()).count();
    if with_share > 0 && with_share < f.municipalities.len() {
        // Shares on some municipalities only: the split above is over all of them; the
        // agreements' division follows (`costs::render`).
        let _ =
            writeln!(h, "<p class=\"note\">{}</p>", esc(&tr!("cost-split-partial-shares", n = with_share, total = f.municipalities.len())));
    }
    municipality_table(h, f, opts.cost_split);
    cost_chart(h, f);
    h.push_str("</section>\n");
}

/// The texts of the cost table: the note after the choice of split (with the round's cost per
/// participant and per course seat), and the column headers.
fn cost_note(f: &Figures, split: CostSplit) -> String {
    let total = f.costs.total_rounded as f64;
    let kr = |n: usize| if n > 0 { int_sv((total / n as f64).round() as i64) } else { "–".to_string() };
    let chosen = match split {
        CostSplit::Population => tr!("cost-by-population"),
        CostSplit::Participants => tr!("cost-by-usage"),
    };
    tr!(
        "cost-note",
        per_participant = tr!("cost-per-participant", kr = kr(f.participants)),
        per_seat = tr!("cost-per-seat", kr = kr(f.course_seats)),
        chosen = chosen
    )
}

/// The column headers of the cost table.
fn cost_headers() -> [String; 13] {
    [
        tr!("cost-col-municipality"),
        tr!("cost-col-population"),
        tr!("cost-col-participants"),
        tr!("cost-col-course-seats"),
        tr!("cost-col-group-places"),
        tr!("cost-col-mentees"),
        tr!("cost-col-mentor-assignments"),
        tr!("cost-col-travel"),
        tr!("cost-col-share"),
        tr!("cost-col-by-population"),
        tr!("cost-col-by-usage"),
        tr!("cost-col-per-participant"),
        tr!("cost-col-per-seat"),
    ]
}

/// Hours with one decimal and a decimal comma.
fn hours_sv(h: f64) -> String {
    format!("{h:.1}").replace('.', ",")
}

/// The table of municipalities: counts, travel in hours, both cost splits side by side (the
/// chosen one in bold) and the chosen split's kronor per participant and per seat.
fn municipality_table(h: &mut String, f: &Figures, split: CostSplit) {
    let headers = cost_headers();
    h.push_str("<div class=\"scroll\"><table class=\"municipalities\"><thead><tr>");
    for (i, name) in headers.iter().enumerate() {
        let chosen = (i == 9 && split == CostSplit::Population) || (i == 10 && split == CostSplit::Participants);
        let class = match (i, chosen) {
            (0, _) => String::new(),
            (_, true) => " class=\"num chosen\"".into(),
            _ => " class=\"num\"".into(),
        };
        let _ = write!(h, "<th{class}>{}</th>", esc(name));
    }
    h.push_str("</tr></thead><tbody>\n");
    let kr = |x: Option<f64>| x.map(|v| int_sv(v.round() as i64)).unwrap_or_else(|| "–".into());
    let bold = |on: bool, s: String| if on { format!("<strong>{s}</strong>") } else { s };
    let pop_chosen = split == CostSplit::Population;
    for r in &f.municipalities {
        let _ = writeln!(
            h,
            "<tr data-municipality=\"{}\" data-participants=\"{}\" data-course-seats=\"{}\" data-group-places=\"{}\" data-mentees=\"{}\" data-mentors=\"{}\" \
             data-travel-minutes=\"{:.0}\" data-travel-hours=\"{:.1}\" data-share=\"{:.6}\" data-cost=\"{}\" data-cost-population=\"{}\" data-cost-usage=\"{}\" \
             data-cost-per-participant=\"{}\" data-cost-per-seat=\"{}\"><td>{}</td>{}</tr>",
            esc(&r.id),
            r.participants,
            r.course_seats,
            r.group_places,
            r.mentees,
            r.mentors,
            r.travel_minutes,
            r.travel_hours(),
            r.share,
            r.cost,
            r.cost_population,
            r.cost_usage.map(|c| c.to_string()).unwrap_or_default(),
            r.cost_per_participant().map(|c| format!("{c:.0}")).unwrap_or_default(),
            r.cost_per_seat().map(|c| format!("{c:.0}")).unwrap_or_default(),
            esc(&r.name),
            num_cells(&[
                int_sv(r.population),
                int_sv(r.participants as i64),
                int_sv(r.course_seats as i64),
                int_sv(r.group_places as i64),
                int_sv(r.mentees as i64),
                int_sv(r.mentors as i64),
                hours_sv(r.travel_hours()),
                pct_sv(r.share),
                bold(pop_chosen, int_sv(r.cost_population)),
                bold(!pop_chosen, r.cost_usage.map(int_sv).unwrap_or_else(|| "–".into())),
                kr(r.cost_per_participant()),
                kr(r.cost_per_seat()),
            ])
        );
    }
    let sum = |g: fn(&MunicipalityRow) -> i64| f.municipalities.iter().map(g).sum::<i64>();
    let total = f.costs.total_rounded as f64;
    let per = |n: usize| (n > 0).then(|| total / n as f64);
    let cells = num_cells(&[
        int_sv(sum(|r| r.population)),
        int_sv(sum(|r| r.participants as i64)),
        int_sv(sum(|r| r.course_seats as i64)),
        int_sv(sum(|r| r.group_places as i64)),
        int_sv(sum(|r| r.mentees as i64)),
        int_sv(sum(|r| r.mentors as i64)),
        hours_sv(f.municipalities.iter().map(MunicipalityRow::travel_hours).sum::<f64>()),
        "100,0\u{a0}%".to_string(),
        int_sv(f.costs.total_rounded),
        if f.course_seats > 0 { int_sv(f.costs.total_rounded) } else { "–".into() },
        kr(per(f.participants)),
        kr(per(f.course_seats)),
    ]);
    let _ = writeln!(h, "</tbody><tfoot><tr><td>{}</td>{cells}</tr></tfoot></table></div>", esc(&tr!("report-total")));
}

/// Horizontal bars: each municipality's cost (or, without costs, its participants).
fn cost_chart(h: &mut String, f: &Figures) {
    let rows: Vec<&MunicipalityRow> = f.municipalities.iter().filter(|r| r.cost > 0 || r.participants > 0).collect();
    if rows.is_empty() {
        return;
    }
    let by_cost = f.costs.total_rounded > 0;
    let value = |r: &MunicipalityRow| if by_cost { r.cost as f64 } else { r.participants as f64 };
    let max = rows.iter().map(|r| value(r)).fold(0.0, f64::max).max(1.0);
    let bar_h = 16.0;
    let (left, width) = (170.0, 1000.0);
    let height = 30.0 + rows.len() as f64 * (bar_h + 4.0) + 10.0;
    let _ = write!(
        h,
        "<figure class=\"cost-chart\"><svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(&if by_cost { tr!("report-costs") } else { tr!("cost-chart-participants") })
    );
    let unit = if by_cost { tr!("cost-chart-kr") } else { tr!("cost-col-participants") };
    let _ = write!(h, "<text x=\"{left}\" y=\"18\" class=\"legend\">{}</text>", esc(&unit));
    for (i, r) in rows.iter().enumerate() {
        let y = 28.0 + i as f64 * (bar_h + 4.0);
        let w = (value(r) / max * (width - left - 120.0)).max(if value(r) > 0.0 { 1.0 } else { 0.0 });
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">{}</text>\
             <rect class=\"cost-bar\" data-municipality=\"{}\" x=\"{left}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"{}\"><title>{}: {}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            left - 6.0,
            y + 12.0,
            esc(&r.name),
            esc(&r.id),
            if by_cost { PALETTE[0] } else { MENTOR_COLOUR },
            esc(&r.name),
            if by_cost { tr!("report-kr", kr = int_sv(r.cost)) } else { tr!("report-participants", n = r.participants) },
            left + w + 6.0,
            y + 12.0,
            if by_cost { tr!("report-kr", kr = int_sv(r.cost)) } else { int_sv(r.participants as i64) }
        );
    }
    h.push_str("</svg></figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(esc("Åsa Öberg"), "Åsa Öberg");
    }

    #[test]
    fn anchors_and_links() {
        assert_eq!(person_anchor("p 1"), "person-p_1");
        assert_eq!(person_href("p<1>"), "#person-p%3C1%3E");
        assert_eq!(person_href("å"), "#person-%C3%A5");
    }

    #[test]
    fn swedish_numbers() {
        assert_eq!(int_sv(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(int_sv(12), "12");
        assert_eq!(int_sv(-1000), "−1\u{a0}000");
        assert_eq!(pct_sv(0.1234), "12,3\u{a0}%");
    }
}
