//! Sessions, the login and CSRF protection.
//!
//! Every visitor gets a session cookie (`HttpOnly`, `SameSite=Strict`). Every form carries the
//! session's CSRF token and every POST handler checks it; a POST whose `Origin` (or
//! `Sec-Fetch-Site`) says it comes from another site is refused before it reaches a handler.
//! With a password, every route but the login answers a page request with a redirect to the
//! login and anything else with 401 until the session has logged in.

use super::html;
use super::State;
use crate::text::tr;
use axum::extract::{Form, Request};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// The session cookie's name.
pub const COOKIE: &str = "trappa_session";

/// Sessions kept before the ones that never logged in are forgotten.
const MAX_SESSIONS: usize = 10_000;

/// The server's secret, the password's hash and the sessions.
pub struct Security {
    secret: [u8; 32],
    password: Option<[u8; 32]>,
    sessions: Mutex<HashMap<String, bool>>,
}

/// The session of a request, as the handlers see it.
#[derive(Debug, Clone)]
pub struct Session {
    /// The token every form must carry.
    pub csrf: String,
    /// True when the server has a password (the pages show "logga ut").
    pub with_password: bool,
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn random_hex() -> String {
    use rand::RngCore;
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Compares two byte strings in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Security {
    /// A fresh secret; the password (if any) kept as its SHA-256.
    pub fn new(password: Option<&str>) -> Security {
        let mut secret = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
        Security { secret, password: password.map(|p| hash(p.as_bytes())), sessions: Mutex::new(HashMap::new()) }
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<String, bool>> {
        self.sessions.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn csrf_of(&self, id: &str) -> String {
        let mut h = Sha256::new();
        h.update(self.secret);
        h.update(id.as_bytes());
        h.finalize().iter().take(16).map(|x| format!("{x:02x}")).collect()
    }

    fn new_session(&self, authed: bool) -> String {
        let id = random_hex();
        let mut s = self.sessions();
        if s.len() >= MAX_SESSIONS {
            s.retain(|_, a| *a);
        }
        s.insert(id.clone(), authed);
        id
    }
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == COOKIE).then(|| v.to_string())
    })
}

fn set_cookie(id: &str) -> String {
    format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict")
}

/// True when the request says it comes from another site: by `Sec-Fetch-Site` where the
/// browser sends it (anything but `same-origin` or `none`, a typed address), else by an
/// `Origin` that is not this server (or `null`).
fn cross_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site != "same-origin" && site != "none";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return false };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    origin == "null" || origin_host != host
}

/// The middleware in front of every route: session, cross-origin refusal, login.
pub async fn guard(axum::extract::State(app): axum::extract::State<State>, mut req: Request, next: Next) -> Response {
    let sec = &app.security;
    let known = session_cookie(req.headers()).and_then(|id| sec.sessions().get(&id).map(|a| (id, *a)));
    let (id, authed, fresh) = match known {
        Some((id, authed)) => (id, authed, false),
        None => {
            let authed = sec.password.is_none();
            (sec.new_session(authed), authed, true)
        }
    };
    let is_post = req.method() != Method::GET && req.method() != Method::HEAD;
    let mut resp = if is_post && cross_origin(req.headers()) {
        html::error_response(StatusCode::FORBIDDEN, &tr!("serve-cross-origin"))
    } else if !authed && req.uri().path() != "/login" {
        if is_post || (req.uri().path().starts_with("/versions/") && req.uri().path().ends_with("/events")) {
            html::error_response(StatusCode::UNAUTHORIZED, &tr!("serve-login-needed"))
        } else {
            Redirect::to("/login").into_response()
        }
    } else {
        req.extensions_mut().insert(Session { csrf: sec.csrf_of(&id), with_password: sec.password.is_some() });
        next.run(req).await
    };
    let h = resp.headers_mut();
    if fresh {
        if let Ok(v) = set_cookie(&id).parse() {
            h.append(header::SET_COOKIE, v);
        }
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, header::HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, header::HeaderValue::from_static("same-origin"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, header::HeaderValue::from_static(html::CSP));
    }
    resp
}

/// Refuses a form whose CSRF token is not the session's.
pub fn check_csrf(session: &Session, token: &str) -> Result<(), Response> {
    if same(session.csrf.as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(html::error_response(StatusCode::FORBIDDEN, &tr!("serve-csrf")))
    }
}

/// The login form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
}

/// GET /login.
pub async fn login_page(Extension(session): Extension<Session>) -> Response {
    html::page_response(&tr!("serve-login-title"), &session, html::login_form(&session, None))
}

/// POST /login: a right password logs the session in under a new session id.
pub async fn login(
    axum::extract::State(app): axum::extract::State<State>,
    Extension(session): Extension<Session>,
    Form(form): Form<LoginForm>,
) -> Response {
    if let Err(r) = check_csrf(&session, &form.csrf) {
        return r;
    }
    let sec = &app.security;
    let right = sec.password.is_some_and(|p| same(&p, &hash(form.password.as_bytes())));
    if !right {
        let body = html::login_form(&session, Some(&tr!("serve-login-wrong")));
        let mut r = html::page_response(&tr!("serve-login-title"), &session, body);
        *r.status_mut() = StatusCode::UNAUTHORIZED;
        return r;
    }
    let id = sec.new_session(true);
    let mut r = Redirect::to("/").into_response();
    if let Ok(v) = set_cookie(&id).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The logout form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct TokenForm {
    /// The CSRF token.
    #[serde(default)]
    pub csrf: String,
}

/// POST /logout: forgets the session.
pub async fn logout(
    axum::extract::State(app): axum::extract::State<State>,
    headers: HeaderMap,
    Extension(session): Extension<Session>,
    Form(form): Form<TokenForm>,
) -> Response {
    if let Err(r) = check_csrf(&session, &form.csrf) {
        return r;
    }
    if let Some(id) = session_cookie(&headers) {
        app.security.sessions().remove(&id);
    }
    Redirect::to("/login").into_response()
}
