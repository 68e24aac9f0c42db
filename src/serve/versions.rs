//! A version's pages: planning (form, progress, cancel), the plan (report, downloads, person
//! search) and, for a re-plan, who must be told what.

use super::html::{self, csrf_field, page_response};
use super::planner::{Progress, Task};
use super::rounds::{internal, not_found, version_kind};
use super::security::{check_csrf, Session, TokenForm};
use super::store::{Status, Store, Version};
use super::State;
use crate::diff;
use crate::format::plan::PlanFile;
use crate::replan::previous;
use crate::solve::strategy::Strategy;
use crate::solve::{GroupStrategy, MatchingStrategy, TimetableStrategy};
use crate::text::tr;
use axum::extract::{Form, Path, Query, State as AxState};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use std::io::Write;
use std::time::Duration;

fn version_of(app: &State, id: i64) -> Result<Version, Response> {
    app.store.version(id).map_err(internal)?.ok_or_else(not_found)
}

fn strategy_select<S: Strategy>(name: &str, label: &str) -> Markup {
    let names: Vec<String> = S::all().iter().map(|s| s.name()).collect();
    html! {
        label { (label) " " select name=(name) { @for n in &names { option value=(n) { (n) } } } }
    }
}

fn plan_form(session: &Session, v: &Version) -> Markup {
    html! {
        section id="plan-form" {
            h2 { (tr!("serve-plan")) }
            form method="post" action={ "/versions/" (v.id) "/plan" } {
                (csrf_field(session))
                label { (tr!("serve-time-limit")) " " input type="number" name="time_limit" min="1" step="any" placeholder=(tr!("serve-time-limit-none")); }
                details {
                    summary { (tr!("serve-advanced")) }
                    (strategy_select::<MatchingStrategy>("strategy", &tr!("serve-strategy-matching")))
                    (strategy_select::<TimetableStrategy>("timetable_strategy", &tr!("serve-strategy-timetable")))
                    (strategy_select::<GroupStrategy>("group_strategy", &tr!("serve-strategy-groups")))
                }
                button type="submit" id="start-plan" { (tr!("serve-plan-start")) }
            }
        }
    }
}

/// The progress line of a queued or running plan.
pub fn progress_text(app: &State, v: &Version) -> String {
    if let Some(pos) = app.planner.queue_position(v.id) {
        return tr!("serve-queued", n = pos + 1);
    }
    let Some(live) = app.planner.live(v.id) else { return html::status_text(v.status) };
    let p: Progress = live.progress.lock().map(|p| p.clone()).unwrap_or_default();
    let elapsed = p.started.map(|s| s.elapsed().as_secs_f64()).unwrap_or(0.0);
    let result = match (p.objective, p.gap) {
        (Some(o), Some(g)) => {
            format!(" – {}", tr!("progress-objective-gap", objective = format!("{o:.0}"), gap = format!("{:.1}", g * 100.0)))
        }
        (Some(o), None) => format!(" – {}", tr!("progress-objective", objective = format!("{o:.0}"))),
        _ => String::new(),
    };
    format!("{} – {}{result}", tr!("serve-elapsed", seconds = format!("{elapsed:.1}")), tr!("progress-part", part = p.part))
}

fn progress_section(app: &State, session: &Session, v: &Version) -> Markup {
    html! {
        section id="progress" data-events={ "/versions/" (v.id) "/events" } {
            noscript { meta http-equiv="refresh" content="2"; }
            p id="progress-line" { (progress_text(app, v)) }
            form method="post" action={ "/versions/" (v.id) "/cancel" } {
                (csrf_field(session))
                button type="submit" id="cancel" { (tr!("serve-cancel")) }
            }
            p class="muted" { (tr!("serve-cancel-help")) }
        }
        script src="/static/progress.js" {}
    }
}

fn downloads(v: &Version, plan_dir: &std::path::Path) -> Markup {
    let files: Vec<&str> = ["pairs.csv", "sessions.csv", "groups.csv", "attendance.csv", "plan.json"]
        .into_iter()
        .filter(|f| plan_dir.join(f).is_file())
        .collect();
    html! {
        section id="downloads" {
            h2 { (tr!("serve-downloads")) }
            ul {
                li { a href={ "/versions/" (v.id) "/download/plan.zip" } { (tr!("serve-download-zip")) } }
                @for f in &files { li { a href={ "/versions/" (v.id) "/download/" (f) } { (f) } } }
            }
        }
    }
}

fn person_form(v: &Version, q: &str) -> Markup {
    html! {
        form method="get" action={ "/versions/" (v.id) "/person" } {
            label { (tr!("serve-person-search")) " " input type="search" name="q" value=(q) required; }
            button type="submit" { (tr!("serve-search")) }
        }
    }
}

fn done_body(app: &State, v: &Version) -> Markup {
    let plan_dir = app.store.plan_dir(v);
    let diff = match (v.kind.as_str(), v.previous_id.and_then(|p| app.store.version(p).ok().flatten())) {
        ("replan", Some(prev)) => Some(diff_section(&app.store, &prev, v, true).unwrap_or_else(|e| html! { p class="error" { (e) } })),
        _ => None,
    };
    html! {
        section class="ok" { pre id="summary" { (v.note) } }
        @if let Some(d) = diff { (d) }
        (downloads(v, &plan_dir))
        section id="person" { h2 { (tr!("serve-person")) } (person_form(v, "")) }
        section id="report" {
            h2 { (tr!("serve-report")) }
            iframe sandbox="allow-scripts" src={ "/versions/" (v.id) "/report" } title=(tr!("serve-report")) {}
            p { a href={ "/versions/" (v.id) "/report" } target="_blank" { (tr!("serve-report-own-page")) } }
        }
    }
}

/// GET /versions/{id}: the plan form, the progress, the plan or why it failed.
pub async fn show(AxState(app): AxState<State>, Extension(session): Extension<Session>, Path(id): Path<i64>) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let round = app.store.round(v.round_id).ok().flatten().map(|r| r.name).unwrap_or_default();
    let title = tr!("serve-version-title", round = round.as_str(), n = v.number);
    let body = match v.status {
        Status::Uploaded => plan_form(&session, &v),
        Status::Queued | Status::Planning => progress_section(&app, &session, &v),
        Status::Done => {
            let app2 = app.clone();
            let v2 = v.clone();
            match tokio::task::spawn_blocking(move || done_body(&app2, &v2)).await {
                Ok(m) => m,
                Err(e) => return internal(e),
            }
        }
        Status::Failed => html! { section class="error" { p { (tr!("serve-failed")) } pre { (v.note) } } },
    };
    let body = html! {
        p { a href={ "/rounds/" (v.round_id) } { (tr!("serve-back-to-round")) } " · " (version_kind(&v)) " · " (html::status_text(v.status)) }
        (body)
    };
    page_response(&title, &session, body)
}

/// The plan form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    time_limit: String,
    #[serde(default)]
    strategy: String,
    #[serde(default)]
    timetable_strategy: String,
    #[serde(default)]
    group_strategy: String,
}

fn strategy_of<S: Strategy>(s: &str) -> Result<S, String> {
    match S::all().first() {
        Some(&first) if s.is_empty() => Ok(first),
        _ => S::from_name(s).map_err(|e| e.to_string()),
    }
}

/// Longest time limit, seconds (30 days, as on the command line).
const MAX_TIME_LIMIT_SECONDS: f64 = 30.0 * 24.0 * 3600.0;

fn plan_task(form: &PlanForm) -> Result<Task, String> {
    let t = form.time_limit.trim().replace(',', ".");
    let time_limit = if t.is_empty() {
        None
    } else {
        match t.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 && x <= MAX_TIME_LIMIT_SECONDS => Some(Duration::from_secs_f64(x)),
            _ => return Err(tr!("serve-bad-time-limit", value = form.time_limit.as_str())),
        }
    };
    Ok(Task::Plan {
        time_limit,
        strategy: strategy_of(&form.strategy)?,
        timetable: strategy_of(&form.timetable_strategy)?,
        groups: strategy_of(&form.group_strategy)?,
    })
}

/// POST /versions/{id}/plan: queue the version for planning.
pub async fn plan(
    AxState(app): AxState<State>,
    Extension(session): Extension<Session>,
    Path(id): Path<i64>,
    Form(form): Form<PlanForm>,
) -> Response {
    if let Err(r) = check_csrf(&session, &form.csrf) {
        return r;
    }
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    if v.status != Status::Uploaded {
        return Redirect::to(&format!("/versions/{id}")).into_response();
    }
    let task = match plan_task(&form) {
        Ok(t) => t,
        Err(e) => return html::error_response(StatusCode::BAD_REQUEST, &e),
    };
    if let Err(e) = app.planner.enqueue(&app.store, v, task) {
        return internal(e);
    }
    Redirect::to(&format!("/versions/{id}")).into_response()
}

/// POST /versions/{id}/cancel: stop the search and keep the best plan (or leave the queue).
pub async fn cancel(
    AxState(app): AxState<State>,
    Extension(session): Extension<Session>,
    Path(id): Path<i64>,
    Form(form): Form<TokenForm>,
) -> Response {
    if let Err(r) = check_csrf(&session, &form.csrf) {
        return r;
    }
    if let Err(e) = app.planner.cancel(&app.store, id) {
        return internal(e);
    }
    Redirect::to(&format!("/versions/{id}")).into_response()
}

/// GET /versions/{id}/events: the progress as server-sent events (`progress` with the line,
/// `done` when planning has ended).
pub async fn events(AxState(app): AxState<State>, Path(id): Path<i64>) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let stream = futures_util::stream::unfold((app, v.id, 0u32, false), |(app, id, n, done)| async move {
        if done {
            return None;
        }
        if n > 0 {
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
        let v = app.store.version(id).ok().flatten()?;
        let finished = matches!(v.status, Status::Done | Status::Failed | Status::Uploaded);
        let event = if finished {
            Event::default().event("done").data(html::status_text(v.status))
        } else {
            Event::default().event("progress").data(progress_text(&app, &v))
        };
        Some((Ok::<_, std::convert::Infallible>(event), (app, id, n + 1, finished)))
    });
    Sse::new(stream).into_response()
}

/// The plan and instance of a finished version.
fn plan_and_instance(store: &Store, v: &Version) -> Result<(PlanFile, crate::load::LoadedInstance), String> {
    if v.status != Status::Done {
        return Err(tr!("serve-not-planned"));
    }
    let dir = store.plan_dir(v);
    let plan = crate::load::read_plan(&dir.join("plan.json")).map_err(|e| e.to_string())?;
    let loaded = crate::load::read_instance(&dir.join(crate::write::INSTANCE_COPY)).map_err(|e| e.to_string())?;
    Ok((plan, loaded))
}

/// The report's own Content-Security-Policy (the one in its page), allowing only this
/// server to frame it.
const REPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/// GET /versions/{id}/report: the HTML report, with its own Content-Security-Policy.
pub async fn report(AxState(app): AxState<State>, Path(id): Path<i64>) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let store = app.store.clone();
    let rendered = tokio::task::spawn_blocking(move || {
        let (plan, loaded) = plan_and_instance(&store, &v)?;
        Ok::<_, String>(crate::report::html::render(&plan, &loaded.file, &loaded.model, crate::report::html::ReportOptions::default()))
    })
    .await;
    match rendered {
        Ok(Ok(page)) => {
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CONTENT_SECURITY_POLICY, REPORT_CSP)], page).into_response()
        }
        Ok(Err(e)) => html::error_response(StatusCode::NOT_FOUND, &e),
        Err(e) => internal(e),
    }
}

/// The person search's query.
#[derive(Debug, serde::Deserialize)]
pub struct PersonQuery {
    #[serde(default)]
    q: String,
}

fn person_body(store: &Store, v: &Version, q: &str) -> Result<Markup, String> {
    let (plan, loaded) = plan_and_instance(store, v)?;
    let names = crate::write::calendar::person_names(&loaded.model);
    let needle = q.trim().to_lowercase();
    let found: Vec<(&str, &str)> = names
        .iter()
        .filter(|(id, name)| !needle.is_empty() && name.to_lowercase().contains(&needle) || **id == q.trim())
        .map(|(a, b)| (*a, *b))
        .collect();
    let entries = crate::write::calendar::person_entries(&plan, &loaded.file, &loaded.model);
    Ok(html! {
        (person_form(v, q))
        @if found.is_empty() { p class="muted" { (tr!("serve-person-none", q = q)) } }
        @for (id, name) in found.iter().take(20) {
            section class="person" {
                h2 { (name) }
                @let mine = entries.get(*id).map(Vec::as_slice).unwrap_or(&[]);
                @if mine.is_empty() { p class="muted" { (tr!("serve-person-no-entries")) } }
                @else {
                    p { a href={ "/versions/" (v.id) "/calendar/" (crate::write::safe_file_name(id)) ".ics" } { (tr!("serve-person-calendar")) } }
                    table {
                        thead { tr { th { (tr!("serve-col-date")) } th { (tr!("serve-col-time")) } th { (tr!("serve-col-what")) } th { (tr!("serve-col-where")) } } }
                        tbody { @for e in mine { tr { td { (e.date) } td { (e.hours()) } td { (e.summary) } td { (e.location) } } } }
                    }
                }
                @if let Ok(text) = crate::report::explain_participant(&loaded.model, &plan, id) {
                    h3 { (tr!("serve-person-explain")) }
                    pre { (text) }
                }
            }
        }
    })
}

/// GET /versions/{id}/person?q=…: the people whose name holds `q`, their calendar and why.
pub async fn person(
    AxState(app): AxState<State>,
    Extension(session): Extension<Session>,
    Path(id): Path<i64>,
    Query(q): Query<PersonQuery>,
) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (store, v2, q2) = (app.store.clone(), v.clone(), q.q.clone());
    let body = match tokio::task::spawn_blocking(move || person_body(&store, &v2, &q2)).await {
        Ok(Ok(m)) => m,
        Ok(Err(e)) => return html::error_response(StatusCode::NOT_FOUND, &e),
        Err(e) => return internal(e),
    };
    let body = html! { p { a href={ "/versions/" (v.id) } { (tr!("serve-back-to-plan")) } } (body) };
    page_response(&tr!("serve-person-title", q = q.q.as_str()), &session, body)
}

/// A zip of files (name in the zip, path on disk).
fn zip_of(files: &[(String, std::path::PathBuf)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, path) in files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        zip.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// Every file of a plan directory (calendars included), by name relative to it.
fn plan_files(dir: &std::path::Path) -> Vec<(String, std::path::PathBuf)> {
    let mut out = vec![];
    let mut stack = vec![(String::new(), dir.to_path_buf())];
    while let Some((prefix, d)) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<_> = rd.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            if e.path().is_dir() {
                stack.push((format!("{name}/"), e.path()));
            } else {
                out.push((name, e.path()));
            }
        }
    }
    out.sort();
    out
}

/// The calendars of the people a re-plan changed.
fn changed_calendars(store: &Store, v: &Version) -> Result<Vec<(String, std::path::PathBuf)>, String> {
    let prev = v.previous_id.and_then(|p| store.version(p).ok().flatten()).ok_or_else(|| tr!("serve-not-replan"))?;
    let (diffs, _) = diffs_of(store, &prev, v)?;
    let cal = store.plan_dir(v).join("calendars");
    Ok(diffs
        .iter()
        .map(|d| format!("{}.ics", crate::write::safe_file_name(&d.person)))
        .filter(|f| cal.join(f).is_file())
        .map(|f| (format!("calendars/{f}"), cal.join(&f)))
        .collect())
}

fn download_bytes(store: &Store, v: &Version, name: &str) -> Result<(Vec<u8>, &'static str), Response> {
    if v.status != Status::Done {
        return Err(html::error_response(StatusCode::NOT_FOUND, &tr!("serve-not-planned")));
    }
    let dir = store.plan_dir(v);
    let zip = |files: Result<Vec<(String, std::path::PathBuf)>, String>| {
        files.and_then(|f| zip_of(&f)).map(|b| (b, "application/zip")).map_err(internal)
    };
    match name {
        "plan.zip" => zip(Ok(plan_files(&dir))),
        "andrade-kalendrar.zip" => zip(changed_calendars(store, v)),
        "pairs.csv" | "sessions.csv" | "groups.csv" | "attendance.csv" => {
            std::fs::read(dir.join(name)).map(|b| (b, "text/csv; charset=utf-8")).map_err(|_| not_found())
        }
        "plan.json" => std::fs::read(dir.join(name)).map(|b| (b, "application/json")).map_err(|_| not_found()),
        _ => Err(not_found()),
    }
}

/// GET /versions/{id}/download/{name}: the plan's zip, its CSV files, plan.json, or (for a
/// re-plan) the changed people's calendars.
pub async fn download(AxState(app): AxState<State>, Path((id, name)): Path<(i64, String)>) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (store, v2, n2) = (app.store.clone(), v.clone(), name.clone());
    match tokio::task::spawn_blocking(move || download_bytes(&store, &v2, &n2)).await {
        Ok(Ok((bytes, kind))) => {
            let _ = app.store.audit(Some(v.round_id), Some(v.id), "downloaded", &name);
            let file = format!("v{}-{name}", v.number);
            html::download(kind, &file, bytes)
        }
        Ok(Err(r)) => r,
        Err(e) => internal(e),
    }
}

/// GET /versions/{id}/calendar/{file}: one person's calendar (`<id>.ics`).
pub async fn calendar(AxState(app): AxState<State>, Path((id, file)): Path<(i64, String)>) -> Response {
    let v = match version_of(&app, id) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let ok_name = file.strip_suffix(".ics").is_some_and(|s| !s.is_empty() && crate::write::safe_file_name(s) == s);
    if v.status != Status::Done || !ok_name {
        return not_found();
    }
    match std::fs::read(app.store.plan_dir(&v).join("calendars").join(&file)) {
        Ok(bytes) => {
            let _ = app.store.audit(Some(v.round_id), Some(v.id), "downloaded", &format!("calendars/{file}"));
            html::download("text/calendar; charset=utf-8", &file, bytes)
        }
        Err(_) => not_found(),
    }
}

/// The differences between two finished versions of one round, from the later one's
/// re-plan date, with the names of both instances.
fn diffs_of(store: &Store, a: &Version, b: &Version) -> Result<(Vec<diff::PersonDiff>, diff::Names), String> {
    let pa = previous::open(&store.plan_dir(a)).map_err(|e| e.to_string())?;
    let pb = previous::open(&store.plan_dir(b)).map_err(|e| e.to_string())?;
    previous::same_round(&pa, &pb).map_err(|e| e.to_string())?;
    let from = pb.plan.replan.as_ref().map(|r| r.today);
    let (ia, ib) = (previous::instance_copy(&pa), previous::instance_copy(&pb));
    let names = diff::Names::of(ia.as_ref(), ib.as_ref());
    Ok((diff::diff(&pa.plan, &pb.plan, from, &names), names))
}

/// "Who must be told what" between two versions, by name; with the download of the changed
/// people's calendars when `b` is a re-plan of `a`.
pub fn diff_section(store: &Store, a: &Version, b: &Version, calendars_link: bool) -> Result<Markup, String> {
    let (diffs, names) = diffs_of(store, a, b)?;
    Ok(html! {
        section id="diff" {
            h2 { (tr!("serve-diff-title", a = a.number, b = b.number)) }
            @if diffs.is_empty() { p { (tr!("serve-diff-none")) } }
            @else {
                @if calendars_link {
                    p { a href={ "/versions/" (b.id) "/download/andrade-kalendrar.zip" } { (tr!("serve-changed-calendars", n = diffs.len())) } }
                }
                table {
                    thead { tr { th { (tr!("serve-col-name")) } th { (tr!("serve-col-role")) } th { (tr!("serve-col-change")) } th { (tr!("serve-col-dates")) } } }
                    tbody {
                        @for d in &diffs {
                            tr {
                                td { (names.person(&d.person)) }
                                td { (diff::role_text(&d.role)) }
                                td { (d.kind.text()) }
                                td {
                                    ul {
                                        @for e in &d.removed { li { "− " (names.describe(e)) } }
                                        @for e in &d.added { li { "+ " (names.describe(e)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}
