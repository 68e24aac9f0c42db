//! The report's section on forecast hires: seats held per course start and municipality.

use super::{date_sv, esc, int_sv};
use crate::format::plan::PlanFile;
use crate::model::Instance;
use crate::report::forecast::held_seats;
use crate::text::tr;
use std::fmt::Write;

/// The section, when the round has a forecast.
pub(super) fn render(h: &mut String, plan: &PlanFile, inst: &Instance) {
    if inst.forecast.is_empty() {
        return;
    }
    let rows = held_seats(inst, plan);
    let total: usize = rows.iter().map(|r| r.seats).sum();
    let left: usize = inst.forecast.iter().map(|e| e.placeholders()).sum();
    let _ = writeln!(
        h,
        "<section id=\"forecast\" data-seats=\"{total}\" data-placeholders=\"{left}\">\n<h2>{}</h2>\n<p>{}</p>",
        esc(&tr!("report-forecast")),
        esc(&tr!("report-forecast-intro", seats = total, placeholders = left))
    );
    if rows.is_empty() {
        h.push_str("</section>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        esc(&tr!("report-forecast-col-course")),
        esc(&tr!("report-forecast-col-start")),
        esc(&tr!("report-forecast-col-municipality")),
        esc(&tr!("report-forecast-col-seats"))
    );
    for r in rows {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&r.course),
            esc(&date_sv(r.start)),
            esc(&r.municipality),
            int_sv(r.seats as i64)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}
