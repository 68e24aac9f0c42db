//! The pages' frame and shared parts, in `maud` (every value is escaped; nothing a person
//! typed or uploaded is ever inserted unescaped).

use super::security::Session;
use crate::text::tr;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

/// The Content-Security-Policy of the server's own pages: nothing from elsewhere, scripts
/// only from the server's one file, no framing by other sites.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                       frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The script that follows a plan's progress (server-sent events); without it the page
/// refreshes itself.
const PROGRESS_JS: &str = include_str!("progress.js");

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}\
header{background:#23415a;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center}\
header a{color:#fff;text-decoration:none;font-weight:600}header form{margin-left:auto}\
main{max-width:72em;margin:1em auto;padding:0 1.2em}section{background:#fff;border:1px solid #d8dde3;\
border-radius:6px;padding:.8em 1.2em;margin:1em 0}table{border-collapse:collapse;width:100%}\
th,td{border-bottom:1px solid #e3e7eb;padding:.3em .5em;text-align:left;vertical-align:top}\
.error{background:#fdecec;border-color:#e4a5a5}.ok{background:#ecf8ef}.muted{color:#667}\
pre{white-space:pre-wrap}iframe{width:100%;height:70vh;border:1px solid #d8dde3;border-radius:6px}\
button{padding:.3em .9em}label{display:block;margin:.4em 0}";

/// A whole page.
pub fn page(title: &str, session: &Session, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – trappa" }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                header {
                    a href="/" { "trappa" }
                    a href="/" { (tr!("serve-nav-rounds")) }
                    @if session.with_password {
                        form method="post" action="/logout" {
                            (csrf_field(session))
                            button type="submit" { (tr!("serve-logout")) }
                        }
                    }
                }
                main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    }
}

/// A page as a response.
pub fn page_response(title: &str, session: &Session, body: Markup) -> Response {
    html_response(page(title, session, body))
}

/// HTML as a response.
pub fn html_response(m: Markup) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], m.into_string()).into_response()
}

/// An error page (without the frame: it may answer before there is a session).
pub fn error_response(status: StatusCode, message: &str) -> Response {
    let m = html! {
        (DOCTYPE)
        html lang="sv" {
            head { meta charset="utf-8"; title { (tr!("serve-error-title")) " – trappa" } }
            body {
                h1 { (tr!("serve-error-title")) }
                p class="error" { (message) }
                p { a href="/" { (tr!("serve-back-to-rounds")) } }
            }
        }
    };
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], m.into_string()).into_response()
}

/// The hidden CSRF field of a form.
pub fn csrf_field(session: &Session) -> Markup {
    html! { input type="hidden" name="csrf" value=(session.csrf); }
}

/// The login form.
pub fn login_form(session: &Session, problem: Option<&str>) -> Markup {
    html! {
        section {
            @if let Some(p) = problem { p class="error" { (p) } }
            form method="post" action="/login" {
                (csrf_field(session))
                label { (tr!("serve-password")) " " input type="password" name="password" autofocus; }
                button type="submit" { (tr!("serve-login")) }
            }
        }
    }
}

/// GET /static/progress.js.
pub async fn progress_js() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], PROGRESS_JS).into_response()
}

/// A file download.
pub fn download(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    if let (Ok(t), Ok(d)) = (content_type.parse(), disposition.parse()) {
        h.insert(header::CONTENT_TYPE, t);
        h.insert(header::CONTENT_DISPOSITION, d);
    }
    r
}

/// A version's state in words.
pub fn status_text(s: super::store::Status) -> String {
    use super::store::Status;
    match s {
        Status::Uploaded => tr!("serve-status-uploaded"),
        Status::Queued => tr!("serve-status-queued"),
        Status::Planning => tr!("serve-status-planning"),
        Status::Done => tr!("serve-status-done"),
        Status::Failed => tr!("serve-status-failed"),
    }
}

/// An audit log action in words. The database keeps the stable code (`uploaded`, `planned`,
/// `replanned`, `failed`, `downloaded`); a code this version does not know is shown as stored.
pub fn audit_action_text(code: &str) -> String {
    match code {
        "uploaded" => tr!("serve-audit-uploaded"),
        "planned" => tr!("serve-audit-planned"),
        "replanned" => tr!("serve-audit-replanned"),
        "failed" => tr!("serve-audit-failed"),
        "downloaded" => tr!("serve-audit-downloaded"),
        other => other.to_string(),
    }
}
