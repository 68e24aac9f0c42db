//! The rounds pages: the list, creating a round (upload or template), a round with its
//! versions, re-planning and comparing two versions.

use super::html::{self, csrf_field, page_response};
use super::planner::Task;
use super::security::{check_csrf, Session, TokenForm};
use super::store::{Round, Status, Version};
use super::upload::{self, Imported, UploadedFile};
use super::versions;
use super::State;
use crate::text::tr;
use axum::extract::{Form, Multipart, Path, Query, State as AxState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};

/// A 500 page for a storage failure.
pub fn internal(e: impl std::fmt::Display) -> Response {
    html::error_response(StatusCode::INTERNAL_SERVER_ERROR, &tr!("serve-internal", error = e.to_string()))
}

/// A 404 page.
pub fn not_found() -> Response {
    html::error_response(StatusCode::NOT_FOUND, &tr!("serve-not-found"))
}

/// The upload form of a workbook or the roster's CSV files (and optional rules file), posting
/// to `action`.
fn upload_form(session: &Session, action: &str, extra: Markup, button: &str) -> Markup {
    html! {
        form method="post" action=(action) enctype="multipart/form-data" {
            (csrf_field(session))
            label { (tr!("serve-workbook")) " " input type="file" name="workbook" accept=".xlsx,.xls,.ods,.csv,.json" multiple required; }
            label { (tr!("serve-rules-file")) " " input type="file" name="rules" accept=".json"; }
            (extra)
            button type="submit" { (button) }
        }
    }
}

fn new_round_section(session: &Session) -> Markup {
    html! {
        section id="new-round" {
            h2 { (tr!("serve-new-round")) }
            p { (tr!("serve-new-round-help")) " " a href="/mall.xlsx" { (tr!("serve-download-template")) } }
            (upload_form(session, "/rounds", html! {}, &tr!("serve-upload")))
            form method="post" action="/rounds/from-template" {
                (csrf_field(session))
                button type="submit" id="from-template" { (tr!("serve-from-template")) }
            }
        }
    }
}

/// GET /: every round with its versions, and the forms to create one.
pub async fn index(AxState(app): AxState<State>, Extension(session): Extension<Session>) -> Response {
    let rounds = match app.store.rounds() {
        Ok(r) => r,
        Err(e) => return internal(e),
    };
    let mut rows = vec![];
    for r in rounds {
        let versions = app.store.versions(r.id).unwrap_or_default();
        rows.push((r, versions));
    }
    let body = html! {
        (new_round_section(&session))
        section id="rounds" {
            h2 { (tr!("serve-rounds")) }
            @if rows.is_empty() { p class="muted" { (tr!("serve-no-rounds")) } }
            @else {
                table {
                    thead { tr { th { (tr!("serve-col-round")) } th { (tr!("serve-col-created")) } th { (tr!("serve-col-versions")) } } }
                    tbody {
                        @for (r, vs) in &rows {
                            tr {
                                td { a href={ "/rounds/" (r.id) } { (r.name) } }
                                td { (r.created) }
                                td {
                                    @for v in vs {
                                        a href={ "/versions/" (v.id) } { "v" (v.number) } " (" (html::status_text(v.status)) ") "
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page_response(&tr!("serve-rounds-title"), &session, body)
}

/// GET /mall.xlsx: the shipped template workbook.
pub async fn template(AxState(app): AxState<State>) -> Response {
    let _ = app.store.audit(None, None, "downloaded", "mall.xlsx");
    html::download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mall.xlsx", upload::TEMPLATE_XLSX.to_vec())
}

/// Imports a workbook (or CSV files) as the first version of a new round; a bad one shows its
/// problems and stores nothing.
async fn new_round(app: State, session: &Session, files: Vec<UploadedFile>, rules: Vec<u8>) -> Response {
    let data = app.store.data().to_path_buf();
    let imported = match tokio::task::spawn_blocking(move || upload::import(&data, files, rules)).await {
        Ok(i) => i,
        Err(e) => return internal(e),
    };
    match imported {
        Imported::Bad(problems, csv) => {
            let body = html! { (upload::problems_table(&problems, csv)) (new_round_section(session)) };
            let title = if csv { tr!("serve-csv-bad-title") } else { tr!("serve-workbook-bad-title") };
            let mut r = page_response(&title, session, body);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            r
        }
        Imported::Ok { json, round_name, files, rules } => {
            let stored = store_new_round(&app, &round_name, &json, &files, &rules);
            match stored {
                Ok(v) => Redirect::to(&format!("/versions/{}", v.id)).into_response(),
                Err(e) => internal(e),
            }
        }
    }
}

/// Stores a new round with its first version's files; on failure nothing is left behind.
fn store_new_round(app: &State, name: &str, json: &str, files: &[UploadedFile], rules: &[u8]) -> Result<Version, String> {
    let round = app.store.create_round(name)?;
    let v = match app.store.add_version(round, "plan", None, None) {
        Ok(v) => v,
        Err(e) => {
            let _ = app.store.delete_empty_round(round);
            return Err(e);
        }
    };
    if let Err(e) = upload::store_files(&app.store, &v, json, files, rules) {
        let _ = std::fs::remove_dir_all(app.store.version_dir(&v));
        let _ = app.store.delete_version(v.id);
        let _ = app.store.delete_empty_round(round);
        return Err(e);
    }
    app.store.audit(Some(round), Some(v.id), "uploaded", &upload::names(files))?;
    Ok(v)
}

/// POST /rounds: a new round from an uploaded workbook or the roster's CSV files (and rules
/// file; without one, the template's rules).
pub async fn create(AxState(app): AxState<State>, Extension(session): Extension<Session>, mp: Multipart) -> Response {
    let up = match upload::read(mp).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    if let Err(r) = check_csrf(&session, up.field("csrf")) {
        return r;
    }
    let (files, rules) = match up.roster() {
        Ok(x) => x,
        Err(m) => return html::error_response(StatusCode::BAD_REQUEST, &m),
    };
    new_round(app, &session, files, rules.unwrap_or_else(|| upload::TEMPLATE_RULES.to_vec())).await
}

/// POST /rounds/from-template: a new round from the shipped template.
pub async fn create_from_template(
    AxState(app): AxState<State>,
    Extension(session): Extension<Session>,
    Form(form): Form<TokenForm>,
) -> Response {
    if let Err(r) = check_csrf(&session, &form.csrf) {
        return r;
    }
    let book = UploadedFile { name: "mall.xlsx".into(), bytes: upload::TEMPLATE_XLSX.to_vec() };
    new_round(app, &session, vec![book], upload::TEMPLATE_RULES.to_vec()).await
}

fn round_and_versions(app: &State, id: i64) -> Result<(Round, Vec<Version>), Response> {
    let round = app.store.round(id).map_err(internal)?.ok_or_else(not_found)?;
    let versions = app.store.versions(id).map_err(internal)?;
    Ok((round, versions))
}

fn versions_table(versions: &[Version]) -> Markup {
    html! {
        table id="versions" {
            thead { tr {
                th { (tr!("serve-col-version")) } th { (tr!("serve-col-kind")) } th { (tr!("serve-col-status")) }
                th { (tr!("serve-col-created")) } th { (tr!("serve-col-finished")) }
            } }
            tbody {
                @for v in versions {
                    tr {
                        td { a href={ "/versions/" (v.id) } { "v" (v.number) } }
                        td { (version_kind(v)) }
                        td { (html::status_text(v.status)) }
                        td { (v.created) }
                        td { (v.finished.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}

/// A version's kind in words ("ny plan", "omplanering från v1 per 2027-03-01").
pub fn version_kind(v: &Version) -> String {
    if v.kind == "replan" {
        tr!("serve-kind-replan", today = v.today.clone().unwrap_or_default())
    } else {
        tr!("serve-kind-plan")
    }
}

fn replan_section(session: &Session, round: &Round, versions: &[Version]) -> Markup {
    let done: Vec<&Version> = versions.iter().filter(|v| v.status == Status::Done).collect();
    html! {
        section id="replan" {
            h2 { (tr!("serve-replan")) }
            @if done.is_empty() { p class="muted" { (tr!("serve-replan-needs-plan")) } }
            @else {
                p { (tr!("serve-replan-help")) }
                (upload_form(session, &format!("/rounds/{}/replan", round.id), html! {
                    label { (tr!("serve-replan-previous")) " " select name="previous" {
                        @for v in done.iter().rev() { option value=(v.id) { "v" (v.number) } }
                    } }
                    label { (tr!("serve-replan-today")) " " input type="date" name="today" required; }
                }, &tr!("serve-replan-start")))
            }
        }
    }
}

fn compare_section(round: &Round, versions: &[Version]) -> Markup {
    let done: Vec<&Version> = versions.iter().filter(|v| v.status == Status::Done).collect();
    html! {
        @if done.len() >= 2 {
            section id="compare" {
                h2 { (tr!("serve-compare")) }
                form method="get" action={ "/rounds/" (round.id) "/compare" } {
                    label { (tr!("serve-compare-a")) " " select name="a" { @for v in &done { option value=(v.id) { "v" (v.number) } } } }
                    label { (tr!("serve-compare-b")) " " select name="b" { @for v in done.iter().rev() { option value=(v.id) { "v" (v.number) } } } }
                    button type="submit" { (tr!("serve-compare-button")) }
                }
            }
        }
    }
}

/// GET /rounds/{id}: the versions, re-planning, comparing and the audit log.
pub async fn show(AxState(app): AxState<State>, Extension(session): Extension<Session>, Path(id): Path<i64>) -> Response {
    let (round, versions) = match round_and_versions(&app, id) {
        Ok(x) => x,
        Err(r) => return r,
    };
    page_response(&round.name, &session, round_body(&app, &session, &round, &versions, html! {}))
}

fn round_body(app: &State, session: &Session, round: &Round, versions: &[Version], top: Markup) -> Markup {
    let log = app.store.audit_log(round.id).unwrap_or_default();
    html! {
        (top)
        section { h2 { (tr!("serve-versions")) } (versions_table(versions)) }
        (replan_section(session, round, versions))
        (compare_section(round, versions))
        section id="audit" {
            h2 { (tr!("serve-audit")) }
            table {
                thead { tr { th { (tr!("serve-col-when")) } th { (tr!("serve-col-version")) } th { (tr!("serve-col-what")) } th { (tr!("serve-col-detail")) } } }
                tbody {
                    @for e in &log {
                        tr data-action=(e.action) {
                            td { (e.at) }
                            td { @if let Some(v) = e.version_id { a href={ "/versions/" (v) } { (v) } } }
                            td { (html::audit_action_text(&e.action)) }
                            td { (e.detail.lines().next().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

/// POST /rounds/{id}/replan: a changed workbook re-planned from an earlier version on a date.
pub async fn replan(AxState(app): AxState<State>, Extension(session): Extension<Session>, Path(id): Path<i64>, mp: Multipart) -> Response {
    let up = match upload::read(mp).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    if let Err(r) = check_csrf(&session, up.field("csrf")) {
        return r;
    }
    let (round, versions) = match round_and_versions(&app, id) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let bad = |m: String| html::error_response(StatusCode::BAD_REQUEST, &m);
    let Some(prev) = up.field("previous").parse::<i64>().ok().and_then(|p| versions.iter().find(|v| v.id == p && v.status == Status::Done))
    else {
        return bad(tr!("serve-replan-bad-previous"));
    };
    let Ok(today) = chrono::NaiveDate::parse_from_str(up.field("today"), "%Y-%m-%d") else {
        return bad(tr!("serve-replan-bad-date", value = up.field("today")));
    };
    let (files, rules) = match up.roster() {
        Ok(x) => x,
        Err(m) => return bad(m),
    };
    let rules = rules.unwrap_or_else(|| {
        std::fs::read(app.store.version_dir(prev).join("upload/regler.json")).unwrap_or_else(|_| upload::TEMPLATE_RULES.to_vec())
    });
    let data = app.store.data().to_path_buf();
    let imported = match tokio::task::spawn_blocking(move || upload::import(&data, files, rules)).await {
        Ok(i) => i,
        Err(e) => return internal(e),
    };
    let (json, files, rules) = match imported {
        Imported::Bad(problems, csv) => {
            let top = upload::problems_table(&problems, csv);
            let mut r = page_response(&round.name, &session, round_body(&app, &session, &round, &versions, top));
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return r;
        }
        Imported::Ok { json, files, rules, .. } => (json, files, rules),
    };
    let today_text = today.to_string();
    let v = match app.store.add_version(round.id, "replan", Some(prev.id), Some(&today_text)) {
        Ok(v) => v,
        Err(e) => return internal(e),
    };
    if let Err(e) = upload::store_files(&app.store, &v, &json, &files, &rules) {
        let _ = std::fs::remove_dir_all(app.store.version_dir(&v));
        let _ = app.store.delete_version(v.id);
        return internal(e);
    }
    let _ = app.store.audit(Some(round.id), Some(v.id), "uploaded", &upload::names(&files));
    if let Err(e) = app.planner.enqueue(&app.store, v.clone(), Task::Replan { previous: prev.clone(), today }) {
        return internal(e);
    }
    Redirect::to(&format!("/versions/{}", v.id)).into_response()
}

/// The query of the comparison.
#[derive(Debug, serde::Deserialize)]
pub struct CompareQuery {
    a: i64,
    b: i64,
}

/// GET /rounds/{id}/compare?a=…&b=…: who must be told what between two versions, by name.
pub async fn compare(
    AxState(app): AxState<State>,
    Extension(session): Extension<Session>,
    Path(id): Path<i64>,
    Query(q): Query<CompareQuery>,
) -> Response {
    let (round, versions) = match round_and_versions(&app, id) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let find = |vid: i64| versions.iter().find(|v| v.id == vid && v.status == Status::Done);
    let (Some(a), Some(b)) = (find(q.a), find(q.b)) else {
        return html::error_response(StatusCode::BAD_REQUEST, &tr!("serve-compare-bad"));
    };
    let (store, a2, b2) = (app.store.clone(), a.clone(), b.clone());
    let section = match tokio::task::spawn_blocking(move || versions::diff_section(&store, &a2, &b2, false)).await {
        Ok(Ok(m)) => m,
        Ok(Err(e)) => return html::error_response(StatusCode::UNPROCESSABLE_ENTITY, &e),
        Err(e) => return internal(e),
    };
    let title = tr!("serve-compare-title", round = round.name.as_str(), a = a.number, b = b.number);
    page_response(&title, &session, section)
}
