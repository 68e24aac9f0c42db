//! The cost of the plan by the instance's cost items and cost-sharing agreements
//! ([`crate::cost`], the amounts `plan.json` records): the parts, how the agreements divide
//! the costs and what happens to the municipalities outside them, a table per municipality and
//! one per participant (names, kronor with Swedish thousands separators).

use super::{esc, int_sv, num_cells, Lookup};
use crate::cost::PARTS;
use crate::format::plan::{CostRecord, PlanFile};
use crate::model::cost::SplitBy;
use crate::text::tr;
use std::fmt::Write;

/// Whole kronor, Swedish style: "12 345 kr".
pub fn kr_sv(x: f64) -> String {
    tr!("report-kr", kr = int_sv(x.round() as i64))
}

/// The name of a cost part in the coordinator's words.
fn part_name(part: &str) -> String {
    match part {
        "programme_fees" => tr!("cost-part-programme-fees"),
        "course_fees" => tr!("cost-part-course-fees"),
        "sessions" => tr!("cost-part-sessions"),
        "group_leaders" => tr!("cost-part-group-leaders"),
        "mentors" => tr!("cost-part-mentors"),
        "travel" => tr!("cost-part-travel"),
        other => other.to_string(),
    }
}

/// One sentence per agreement (who is in it, by what it divides), and one on the
/// municipalities outside every agreement.
fn agreement_notes(look: &Lookup) -> Vec<String> {
    let inst = look.inst;
    let agreements = &inst.costs.agreements;
    let mut notes = Vec::new();
    for a in agreements {
        let by = match a.by {
            SplitBy::Shares if a.from_shares_only => tr!("cost-agreement-by-shares-in-proportion"),
            SplitBy::Shares => tr!("cost-agreement-by-shares"),
            SplitBy::Population => tr!("cost-agreement-by-population"),
        };
        let names: Vec<&str> = a.members.iter().map(|m| inst.municipalities[m.index()].name.as_str()).collect();
        notes.push(tr!("cost-agreement", name = a.name.as_str(), n = a.members.len(), members = names.join(", "), by = by));
    }
    let inside: usize = agreements.iter().map(|a| a.members.len()).sum();
    let outside = inst.municipalities.len() - inside.min(inst.municipalities.len());
    notes.push(if agreements.is_empty() { tr!("cost-no-agreement") } else { tr!("cost-outside-agreements", n = outside) });
    notes
}

/// The section: nothing when the plan costs nothing and no agreement exists.
pub fn render(h: &mut String, plan: &PlanFile, look: &Lookup) {
    let cost = crate::cost::plan_cost(look.inst, plan);
    if cost.total == 0.0 && look.inst.costs.agreements.is_empty() {
        return;
    }
    let _ = writeln!(h, "<div id=\"cost-model\" data-cost-total=\"{:.2}\">\n<h3>{}</h3>", cost.total, esc(&tr!("cost-model-title")));
    let parts: Vec<String> = PARTS
        .iter()
        .filter_map(|p| cost.parts.get(*p).filter(|x| **x != 0.0).map(|x| tr!("cost-part-amount", part = part_name(p), kr = kr_sv(*x))))
        .collect();
    let named = look.inst.named_participants().count();
    let per = if named == 0 { 0.0 } else { cost.total / named as f64 };
    let _ = writeln!(
        h,
        "<p class=\"note\">{}</p>",
        esc(&tr!("cost-model-total", total = kr_sv(cost.total), parts = parts.join(", "), per_participant = kr_sv(per)))
    );
    for note in agreement_notes(look) {
        let _ = writeln!(h, "<p class=\"note agreement\">{}</p>", esc(&note));
    }
    if !cost.unattended.is_empty() {
        let list: Vec<String> = cost.unattended.iter().map(|(m, x)| format!("{} {}", look.muni_name(m), kr_sv(*x))).collect();
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&tr!("cost-unattended", list = list.join(", "))));
    }
    municipality_table(h, &cost, look);
    participant_table(h, &cost, look);
    h.push_str("</div>\n");
}

/// Per municipality: agreement, participants, their own costs, what it pays, per participant.
fn municipality_table(h: &mut String, cost: &CostRecord, look: &Lookup) {
    let inst = look.inst;
    let heads = [
        tr!("cost-col-municipality"),
        tr!("cost-model-col-agreement"),
        tr!("cost-col-participants"),
        tr!("cost-model-col-own"),
        tr!("cost-model-col-pays"),
        tr!("cost-col-per-participant"),
    ];
    h.push_str("<div class=\"scroll\"><table class=\"cost-municipalities\"><thead><tr>");
    for (i, name) in heads.iter().enumerate() {
        let class = if i < 2 { "" } else { " class=\"num\"" };
        let _ = write!(h, "<th{class}>{}</th>", esc(name));
    }
    h.push_str("</tr></thead><tbody>\n");
    let mut own = vec![0.0; inst.municipalities.len()];
    let mut count = vec![0usize; inst.municipalities.len()];
    for (_, p) in inst.named_participants() {
        own[p.municipality.index()] += cost.participants.get(&p.id).copied().unwrap_or(0.0);
        count[p.municipality.index()] += 1;
    }
    for (m, x) in &cost.unattended {
        if let Some(&i) = look.municipality.get(m.as_str()) {
            own[i] += x;
        }
    }
    let agreement_of = |i: usize| inst.costs.agreements.iter().find(|a| a.members.iter().any(|m| m.index() == i)).map(|a| a.name.as_str());
    for (i, m) in inst.municipalities.iter().enumerate() {
        let pays = cost.municipalities.get(&m.id).copied().unwrap_or(0.0);
        let per = if count[i] > 0 { int_sv((pays / count[i] as f64).round() as i64) } else { "–".into() };
        let _ = writeln!(
            h,
            "<tr data-cost-municipality=\"{}\" data-pays=\"{pays:.2}\"><td>{}</td><td>{}</td>{}</tr>",
            esc(&m.id),
            esc(&m.name),
            esc(agreement_of(i).unwrap_or("–")),
            num_cells(&[int_sv(count[i] as i64), int_sv(own[i].round() as i64), int_sv(pays.round() as i64), per])
        );
    }
    let cells = num_cells(&[
        int_sv(inst.named_participants().count() as i64),
        int_sv(own.iter().sum::<f64>().round() as i64),
        int_sv(cost.municipalities.values().sum::<f64>().round() as i64),
        String::new(),
    ]);
    let _ = writeln!(h, "</tbody><tfoot><tr><td>{}</td><td></td>{cells}</tr></tfoot></table></div>", esc(&tr!("report-total")));
}

/// Per participant: name, municipality and the costs they cause (folded away by default).
fn participant_table(h: &mut String, cost: &CostRecord, look: &Lookup) {
    let inst = look.inst;
    let _ = writeln!(
        h,
        "<details class=\"cost-participants\"><summary>{}</summary><div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        esc(&tr!("cost-model-participants", n = inst.named_participants().count())),
        esc(&tr!("cost-model-col-participant")),
        esc(&tr!("cost-col-municipality")),
        esc(&tr!("cost-model-col-cost"))
    );
    for (_, p) in inst.named_participants() {
        let x = cost.participants.get(&p.id).copied().unwrap_or(0.0);
        let _ = writeln!(
            h,
            "<tr data-cost-participant=\"{}\" data-cost=\"{x:.2}\"><td>{}</td><td>{}</td>{}</tr>",
            esc(&p.id),
            look.person_link(&p.id),
            esc(&inst.municipalities[p.municipality.index()].name),
            num_cells(&[int_sv(x.round() as i64)])
        );
    }
    h.push_str("</tbody></table></div></details>\n");
}
