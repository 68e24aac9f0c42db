//! `trappa serve` driven over HTTP: the server runs as its own process on an ephemeral port
//! with a temporary `--data`, and each test clicks through it as a browser would (cookies,
//! CSRF tokens, multipart uploads, redirects). Every plan it makes is checked with the
//! independent checker.

mod common;

use common::root;
use common::server::Server;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use trappa::format::InstanceFile;

/// An answer.
#[derive(Debug)]
struct Resp {
    status: u16,
    location: Option<String>,
    content_type: String,
    csp: String,
    body: Vec<u8>,
}

impl Resp {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// A browser-like client: keeps the session cookie, follows no redirects by itself.
struct Client {
    base: String,
    agent: ureq::Agent,
    cookie: Mutex<String>,
}

impl Client {
    fn new(base: &str) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Client { base: base.to_string(), agent, cookie: Mutex::new(String::new()) }
    }

    fn finish(&self, r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
        let mut r = r.expect("the server answers");
        let h = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        if let Some(c) = h("set-cookie") {
            *self.cookie.lock().unwrap() = c.split(';').next().unwrap_or("").to_string();
        }
        let (location, content_type, csp) =
            (h("location"), h("content-type").unwrap_or_default(), h("content-security-policy").unwrap_or_default());
        let status = r.status().as_u16();
        let body = r.body_mut().with_config().limit(100 * 1024 * 1024).read_to_vec().expect("a body");
        Resp { status, location, content_type, csp, body }
    }

    fn get(&self, path: &str) -> Resp {
        let cookie = self.cookie.lock().unwrap().clone();
        let r = self.agent.get(format!("{}{path}", self.base)).header("Cookie", cookie).call();
        self.finish(r)
    }

    /// GET, following one redirect.
    fn get_page(&self, path: &str) -> Resp {
        let r = self.get(path);
        match (r.status, &r.location) {
            (303, Some(l)) => self.get(l),
            _ => r,
        }
    }

    fn post(&self, path: &str, content_type: &str, body: &[u8], origin: Option<&str>) -> Resp {
        let cookie = self.cookie.lock().unwrap().clone();
        let mut req = self.agent.post(format!("{}{path}", self.base)).header("Cookie", cookie).header("Content-Type", content_type);
        if let Some(o) = origin {
            req = req.header("Origin", o);
        }
        let r = req.send(body);
        self.finish(r)
    }

    fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
        self.post(path, "application/x-www-form-urlencoded", body.join("&").as_bytes(), None)
    }

    fn post_multipart(&self, path: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Resp {
        let boundary = "----trappa-test-boundary-7d1f";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
        }
        for (k, name, bytes) in files {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend(b"\r\n");
        }
        body.extend(format!("--{boundary}--\r\n").as_bytes());
        self.post(path, &format!("multipart/form-data; boundary={boundary}"), &body, None)
    }

    /// The CSRF token of the session (from the rounds page's forms).
    fn csrf(&self) -> String {
        let page = self.get_page("/").text();
        attr_after(&page, "name=\"csrf\" value=\"").expect("a CSRF field")
    }

    /// Reads a version's progress stream to its end: the `progress` lines seen.
    fn progress(&self, version: &str) -> Vec<String> {
        let cookie = self.cookie.lock().unwrap().clone();
        let mut r = self.agent.get(format!("{}/versions/{version}/events", self.base)).header("Cookie", cookie).call().expect("events");
        assert_eq!(r.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("text/event-stream"));
        let mut lines = BufReader::new(r.body_mut().as_reader());
        let (mut seen, mut event, mut line) = (vec![], String::new(), String::new());
        loop {
            line.clear();
            if lines.read_line(&mut line).expect("a line") == 0 {
                panic!("the stream ended without `done`; progress: {seen:?}");
            }
            let l = line.trim_end();
            if let Some(e) = l.strip_prefix("event: ").or_else(|| l.strip_prefix("event:")) {
                event = e.to_string();
            } else if let Some(d) = l.strip_prefix("data: ").or_else(|| l.strip_prefix("data:")) {
                if event == "done" {
                    return seen;
                }
                seen.push(d.to_string());
            }
        }
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn attr_after(page: &str, marker: &str) -> Option<String> {
    let i = page.find(marker)? + marker.len();
    Some(page[i..].split('"').next()?.to_string())
}

/// The version id a redirect points at (`/versions/3` → `3`).
fn version_of(r: &Resp) -> String {
    assert_eq!(r.status, 303, "{}", r.text());
    let l = r.location.as_deref().expect("a redirect");
    l.strip_prefix("/versions/").unwrap_or_else(|| panic!("not a version: {l}")).to_string()
}

fn template_instance() -> InstanceFile {
    trappa::roster::import(&root().join("instances/mall/mall.xlsx"), Some(&root().join("instances/mall/regler.json")))
        .expect("the template imports")
        .instance
}

fn workbook(file: &InstanceFile) -> Vec<u8> {
    let tables = trappa::roster::write::tables(file).expect("tables");
    trappa::roster::write::xlsx_bytes(&tables).expect("a workbook")
}

fn template_bytes() -> Vec<u8> {
    std::fs::read(root().join("instances/mall/mall.xlsx")).unwrap()
}

fn rules_bytes() -> Vec<u8> {
    std::fs::read(root().join("instances/mall/regler.json")).unwrap()
}

/// Everything stored under `data` besides the database: rounds' files and scratch directories.
fn stored_files(data: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![data.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.file_name().unwrap().to_string_lossy().starts_with("trappa.sqlite") {
                out.push(p);
            }
        }
    }
    out
}

fn upload(c: &Client, book: &[u8], name: &str) -> Resp {
    let csrf = c.csrf();
    c.post_multipart("/rounds", &[("csrf", &csrf)], &[("workbook", name, book), ("rules", "regler.json", &rules_bytes())])
}

/// Plans a version with a time limit and follows its progress to the end.
fn plan(c: &Client, version: &str, time_limit: &str) -> Vec<String> {
    let csrf = c.csrf();
    let r = c.post_form(&format!("/versions/{version}/plan"), &[("csrf", &csrf), ("time_limit", time_limit)]);
    assert_eq!(r.status, 303, "{}", r.text());
    c.progress(version)
}

/// The plan in a downloaded zip passes the independent checker against the instance in it.
fn assert_zip_plan_valid(zip_bytes: &[u8]) {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).expect("the zip opens");
    let mut read = |name: &str| {
        let mut s = Vec::new();
        z.by_name(name).unwrap_or_else(|_| panic!("{name} in the zip")).read_to_end(&mut s).unwrap();
        s
    };
    let (plan_bytes, inst_bytes) = (read("plan.json"), read("instance.json"));
    let file = trappa::load::parse_and_validate_bytes(&inst_bytes).expect("the instance");
    let plan = trappa::load::parse_plan(&plan_bytes, Path::new("plan.json")).expect("the plan");
    let report = trappa::check::check(&file, &trappa::load::sha256_hex(&inst_bytes), &plan);
    assert!(report.is_valid(), "{:#?}", report.violations);
}

fn csv_rows(bytes: &[u8]) -> usize {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let width = r.headers().expect("a header").len();
    assert!(width > 1, "{text}");
    r.records().map(|rec| assert_eq!(rec.expect("a CSV row").len(), width)).count()
}

/// The template's tables with two bad dates among the participants (rows 3 and 4), one of them
/// markup.
fn broken_tables() -> Vec<trappa::roster::write::OutTable> {
    let mut tables = trappa::roster::write::tables(&template_instance()).unwrap();
    let people = tables.iter_mut().find(|t| t.sheet.name() == "deltagare").expect("the participants' sheet");
    let col = people.header.iter().position(|h| h.contains("yrke")).expect("a date column");
    people.rows[1][col] = trappa::roster::write::Out::Text("igår".into());
    people.rows[2][col] = trappa::roster::write::Out::Text("<b>snart</b>".into());
    tables
}

#[test]
fn a_broken_workbook_shows_every_bad_cell_and_stores_nothing() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let tables = broken_tables();
    let book = trappa::roster::write::xlsx_bytes(&tables).unwrap();
    let r = upload(&c, &book, "trasig.xlsx");
    assert_eq!(r.status, 422);
    let page = r.text();
    assert!(page.contains("id=\"problems\""), "{page}");
    assert!(page.contains("Arbetsboken har 2 fel"), "{page}");
    assert!(page.contains("<td>deltagare</td>") && page.contains("<td>3</td>") && page.contains("<td>4</td>"), "{page}");
    assert!(page.contains("igår") && page.contains("&lt;b&gt;snart&lt;/b&gt;") && !page.contains("<b>snart"), "{page}");
    assert!(c.get_page("/").text().contains("Inga omgångar ännu"));
    assert_eq!(stored_files(data.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_round_is_uploaded_planned_downloaded_replanned_compared_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    // The template's download is the shipped workbook.
    let t = c.get("/mall.xlsx");
    assert_eq!((t.status, t.body.clone()), (200, template_bytes()));
    let v1 = version_of(&upload(&c, &template_bytes(), "mall.xlsx"));
    let page = c.get_page(&format!("/versions/{v1}")).text();
    assert!(page.contains("Starta planeringen") && page.contains("Avancerat"), "{page}");
    let progress = plan(&c, &v1, "3");
    assert!(!progress.is_empty(), "no progress events");
    assert!(progress.iter().any(|p| p.contains("planerar") || p.contains("kö")), "{progress:?}");
    let page = c.get_page(&format!("/versions/{v1}")).text();
    assert!(page.contains("<iframe sandbox=\"allow-scripts\"") && page.contains("Mentorskap"), "{page}");
    let report = c.get(&format!("/versions/{v1}/report"));
    assert_eq!(report.status, 200);
    assert!(report.csp.starts_with("default-src 'none'"), "{}", report.csp);
    assert!(report.text().contains("Content-Security-Policy") && report.text().contains("Göran Wästberg"));
    // Every download on the page is a real file.
    let zip = c.get(&format!("/versions/{v1}/download/plan.zip"));
    assert_eq!(zip.content_type, "application/zip");
    assert_zip_plan_valid(&zip.body);
    for name in ["pairs.csv", "sessions.csv", "groups.csv", "attendance.csv"] {
        if page.contains(&format!("/download/{name}\"")) {
            let r = c.get(&format!("/versions/{v1}/download/{name}"));
            assert_eq!(r.status, 200, "{name}");
            assert!(csv_rows(&r.body) > 0, "{name} has rows");
        }
    }
    assert!(page.contains("/download/pairs.csv\"") && page.contains("/download/sessions.csv\""));
    // The person search: the calendar entries, the .ics and the explanation.
    let found = c.get(&format!("/versions/{v1}/person?q=%C3%A5sa")).text();
    assert!(found.contains("Åsa Öberg") && found.contains("Förklaring") && found.contains("Mentorsträff"), "{found}");
    let ics_link = attr_after(&found, &format!("href=\"/versions/{v1}/calendar/"))
        .map(|s| format!("/versions/{v1}/calendar/{s}"))
        .expect("a calendar link");
    let ics = c.get(&ics_link);
    assert_eq!(ics.status, 200, "{ics_link}");
    assert!(ics.text().starts_with("BEGIN:VCALENDAR") && ics.text().contains("BEGIN:VEVENT"));
    // Re-plan: from 2027-03-01 Linnéa Sjöström no longer wants a mentor.
    let mut changed = template_instance();
    changed.participants.iter_mut().find(|p| p.id == "d06").unwrap().wants_mentor = false;
    let csrf = c.csrf();
    let r = c.post_multipart(
        "/rounds/1/replan",
        &[("csrf", &csrf), ("previous", &v1), ("today", "2027-03-01")],
        &[("workbook", "ändrad.xlsx", &workbook(&changed))],
    );
    let v2 = version_of(&r);
    c.progress(&v2);
    let page = c.get_page(&format!("/versions/{v2}")).text();
    assert!(page.contains("Vem behöver få veta vad"), "{page}");
    assert!(page.contains("Linnéa Sjöström") && page.contains("Göran Wästberg"), "{page}");
    let changed_cals = c.get(&format!("/versions/{v2}/download/andrade-kalendrar.zip"));
    let z = zip::ZipArchive::new(std::io::Cursor::new(changed_cals.body.clone())).expect("the changed calendars' zip opens");
    let names: Vec<String> = z.file_names().filter_map(Result::ok).map(|n| n.to_string()).collect();
    assert!(names.iter().any(|n| n == "calendars/m01.ics"), "{names:?}");
    assert_zip_plan_valid(&c.get(&format!("/versions/{v2}/download/plan.zip")).body);
    let cmp = c.get(&format!("/rounds/1/compare?a={v1}&b={v2}"));
    assert_eq!(cmp.status, 200);
    assert!(cmp.text().contains("Linnéa Sjöström"));
    // A restart keeps everything.
    server.kill();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let round = c.get_page("/rounds/1").text();
    assert!(round.contains("Exempel: mentorskap och kurser VT 2027") && round.contains("omplanering per 2027-03-01"), "{round}");
    assert!(round.contains("uploaded") && round.contains("replanned") && round.contains("downloaded"), "the audit log: {round}");
    assert!(c.get_page(&format!("/versions/{v2}")).text().contains("Linnéa Sjöström"));
    assert_zip_plan_valid(&c.get(&format!("/versions/{v1}/download/plan.zip")).body);
}

/// A round large enough that planning it takes a while: generated with courses, as a workbook.
fn large_round() -> (Vec<u8>, Vec<u8>) {
    let mut opts = common::course_term(250, 3);
    opts.courses = true;
    let file = trappa::generate::generate(&opts).expect("generated");
    (workbook(&file), trappa::roster::write::rules_text(&file).unwrap().into_bytes())
}

#[test]
fn a_plan_killed_midway_is_marked_failed_after_a_restart_and_nothing_else_is_lost() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let v1 = version_of(&upload(&c, &template_bytes(), "mall.xlsx"));
    plan(&c, &v1, "2");
    let (book, rules) = large_round();
    let csrf = c.csrf();
    let v2 =
        version_of(&c.post_multipart("/rounds", &[("csrf", &csrf)], &[("workbook", "stor.xlsx", &book), ("rules", "regler.json", &rules)]));
    let r = c.post_form(&format!("/versions/{v2}/plan"), &[("csrf", &csrf), ("time_limit", "60")]);
    assert_eq!(r.status, 303);
    let page = c.get_page(&format!("/versions/{v2}")).text();
    assert!(page.contains("planeras") || page.contains("i kö"), "{page}");
    server.kill();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let page = c.get_page(&format!("/versions/{v2}")).text();
    assert!(page.contains("misslyckades") && page.contains("Servern stoppades"), "{page}");
    assert!(c.get_page(&format!("/versions/{v1}")).text().contains("<iframe"));
    assert_zip_plan_valid(&c.get(&format!("/versions/{v1}/download/plan.zip")).body);
}

#[test]
fn a_post_without_the_csrf_token_or_from_another_origin_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let csrf = c.csrf();
    assert_eq!(c.post_form("/rounds/from-template", &[]).status, 403);
    assert_eq!(c.post_form("/rounds/from-template", &[("csrf", "0123456789abcdef")]).status, 403);
    let r = c.post_multipart("/rounds", &[("csrf", "wrong")], &[("workbook", "mall.xlsx", &template_bytes())]);
    assert_eq!(r.status, 403);
    let body = format!("csrf={csrf}");
    let r = c.post("/rounds/from-template", "application/x-www-form-urlencoded", body.as_bytes(), Some("http://evil.example"));
    assert_eq!(r.status, 403);
    assert!(r.text().contains("annan webbplats"));
    let r = c.post("/rounds/from-template", "application/x-www-form-urlencoded", body.as_bytes(), Some("null"));
    assert_eq!(r.status, 403);
    // Another client's token is not this session's.
    let other = Client::new(&server.base);
    let theirs = other.csrf();
    assert_ne!(theirs, csrf);
    assert_eq!(c.post_form("/rounds/from-template", &[("csrf", &theirs)]).status, 403);
    assert_eq!(stored_files(data.path()), Vec::<PathBuf>::new());
    // With the right token from this origin it works.
    assert_eq!(c.post_form("/rounds/from-template", &[("csrf", &csrf)]).status, 303);
}

#[test]
fn with_a_password_every_route_but_the_login_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &["--password", "hemligt ord"]);
    let c = Client::new(&server.base);
    for path in [
        "/",
        "/mall.xlsx",
        "/rounds/1",
        "/rounds/1/compare?a=1&b=2",
        "/versions/1",
        "/versions/1/report",
        "/versions/1/person?q=a",
        "/versions/1/download/plan.zip",
        "/versions/1/calendar/d01.ics",
        "/static/progress.js",
        "/no/such/page",
    ] {
        let r = c.get(path);
        assert_eq!((r.status, r.location.as_deref()), (303, Some("/login")), "{path}");
    }
    assert_eq!(c.get("/versions/1/events").status, 401);
    for path in ["/rounds", "/rounds/from-template", "/rounds/1/replan", "/versions/1/plan", "/versions/1/cancel", "/logout"] {
        assert_eq!(c.post_form(path, &[]).status, 401, "{path}");
    }
    let login = c.get("/login");
    assert_eq!(login.status, 200);
    let csrf = attr_after(&login.text(), "name=\"csrf\" value=\"").unwrap();
    assert_eq!(c.post_form("/login", &[("csrf", &csrf), ("password", "fel")]).status, 401);
    assert_eq!(c.get("/").status, 303);
    let r = c.post_form("/login", &[("csrf", &csrf), ("password", "hemligt ord")]);
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/")));
    assert_eq!(c.get("/").status, 200);
    assert_eq!(c.get("/mall.xlsx").body, template_bytes());
    // Listening beyond this machine without a password is refused.
    let out =
        Command::new(env!("CARGO_BIN_EXE_trappa")).args(["serve", "--addr", "0.0.0.0:0", "--data"]).arg(data.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--password"));
}

#[test]
fn an_oversized_upload_is_refused_with_a_clear_message_and_nothing_is_stored() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let big = vec![b'x'; trappa::serve::MAX_UPLOAD_BYTES + 1024];
    let r = upload(&c, &big, "stor.xlsx");
    assert_eq!(r.status, 413);
    assert!(r.text().contains("Filen är för stor") && r.text().contains("Inget sparades"), "{}", r.text());
    assert_eq!(stored_files(data.path()), Vec::<PathBuf>::new());
    assert!(c.get_page("/").text().contains("Inga omgångar ännu"));
}

#[test]
fn a_name_with_a_script_tag_stays_text_everywhere() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let mut file = template_instance();
    file.round.name = "<script>alert('omgång')</script>".into();
    file.participants.iter_mut().find(|p| p.id == "d01").unwrap().name = "<script>alert(1)</script> Åsa".into();
    let v = version_of(&upload(&c, &workbook(&file), "<img src=x>.xlsx"));
    plan(&c, &v, "2");
    for path in ["/".to_string(), "/rounds/1".into(), format!("/versions/{v}"), format!("/versions/{v}/person?q=%3Cscript")] {
        let page = c.get_page(&path).text();
        assert!(!page.contains("<script>alert") && !page.contains("<img src=x>"), "{path}: {page}");
        assert!(page.contains("&lt;script&gt;alert("), "{path}: {page}");
    }
    let started = Instant::now();
    let found = c.get(&format!("/versions/{v}/person?q=%3Cscript")).text();
    assert!(found.contains("Mentorsträff") && started.elapsed() < Duration::from_secs(30));
}

/// The roster's CSV files as `trappa export roster` writes them, by file name.
fn csv_files(file: &InstanceFile) -> Vec<(String, Vec<u8>)> {
    trappa::roster::write::tables(file)
        .expect("tables")
        .iter()
        .map(|t| (format!("{}.csv", t.sheet.name()), trappa::roster::write::csv_bytes(t).expect("a CSV file")))
        .collect()
}

/// Uploads CSV files (and `regler.json`) as one multi-file choice of the form's roster field.
fn upload_csv(c: &Client, path: &str, fields: &[(&str, &str)], files: &[(String, Vec<u8>)]) -> Resp {
    let csrf = c.csrf();
    let rules = rules_bytes();
    let mut parts: Vec<(&str, &str, &[u8])> = files.iter().map(|(n, b)| ("workbook", n.as_str(), b.as_slice())).collect();
    parts.push(("workbook", "regler.json", &rules));
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    c.post_multipart(path, &all, &parts)
}

/// Reloads `path` until it contains `what` (a generous bound, not a measure of speed).
fn wait_for(c: &Client, path: &str, what: &str) -> String {
    let started = Instant::now();
    loop {
        let page = c.get_page(path).text();
        if page.contains(what) {
            return page;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "{path} never showed {what:?}: {page}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_round_is_created_and_replanned_from_the_csv_files_and_the_rules_file() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let files = csv_files(&template_instance());
    assert!(files.iter().any(|(n, _)| n == "deltagare.csv"), "{:?}", files.iter().map(|f| &f.0).collect::<Vec<_>>());
    let v1 = version_of(&upload_csv(&c, "/rounds", &[], &files));
    for (name, bytes) in &files {
        let stored = data.path().join("rounds/1/v1/upload").join(name);
        assert_eq!(&std::fs::read(&stored).unwrap_or_else(|e| panic!("{}: {e}", stored.display())), bytes);
    }
    assert_eq!(std::fs::read(data.path().join("rounds/1/v1/upload/regler.json")).unwrap(), rules_bytes());
    plan(&c, &v1, "2");
    let page = c.get_page(&format!("/versions/{v1}")).text();
    assert!(page.contains("<iframe") && page.contains("Mentorskap"), "{page}");
    assert_zip_plan_valid(&c.get(&format!("/versions/{v1}/download/plan.zip")).body);
    // Re-plan from the changed CSV files: Linnéa Sjöström no longer wants a mentor.
    let mut changed = template_instance();
    changed.participants.iter_mut().find(|p| p.id == "d06").unwrap().wants_mentor = false;
    let fields = [("previous", v1.as_str()), ("today", "2027-03-01")];
    let v2 = version_of(&upload_csv(&c, "/rounds/1/replan", &fields, &csv_files(&changed)));
    c.progress(&v2);
    let page = c.get_page(&format!("/versions/{v2}")).text();
    assert!(page.contains("Vem behöver få veta vad") && page.contains("Linnéa Sjöström"), "{page}");
    assert_zip_plan_valid(&c.get(&format!("/versions/{v2}/download/plan.zip")).body);
    // The log names what happened in Swedish; the stored codes stay as they were.
    let round = c.get_page("/rounds/1").text();
    assert!(round.contains("<td>laddades upp</td>") && round.contains("<td>planerades om</td>"), "{round}");
    assert!(!round.contains("<td>uploaded</td>") && round.contains("data-action=\"uploaded\""), "{round}");
}

#[test]
fn a_broken_csv_file_shows_every_bad_cell_and_stores_nothing() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let tables = broken_tables();
    let files: Vec<(String, Vec<u8>)> =
        tables.iter().map(|t| (format!("{}.csv", t.sheet.name()), trappa::roster::write::csv_bytes(t).unwrap())).collect();
    let r = upload_csv(&c, "/rounds", &[], &files);
    assert_eq!(r.status, 422, "{}", r.text());
    let page = r.text();
    // CSV files are not a workbook: the table says "the files".
    assert!(page.contains("id=\"problems\"") && page.contains("Filerna har 2 fel"), "{page}");
    assert!(!page.contains("Arbetsboken"), "{page}");
    assert!(page.contains("<td>deltagare.csv</td>") && page.contains("<td>3</td>") && page.contains("<td>4</td>"), "{page}");
    assert!(page.contains("igår") && page.contains("&lt;b&gt;snart&lt;/b&gt;") && !page.contains("<b>snart"), "{page}");
    assert!(!page.contains(&data.path().display().to_string()), "the scratch folder shows: {page}");
    // A CSV file missing, a file that is neither, and the same file twice: refused, nothing stored.
    let r = upload_csv(&c, "/rounds", &[], &files[1..]);
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains(files[0].0.as_str()) && r.text().contains("saknas"), "{}", r.text());
    let r = upload_csv(&c, "/rounds", &[], &[files[0].clone(), ("anteckningar.txt".into(), b"x".to_vec())]);
    assert!(r.status == 422 && r.text().contains("anteckningar.txt är ingen arbetsbok"), "{}", r.text());
    let r = upload_csv(&c, "/rounds", &[], &[files[0].clone(), files[0].clone()]);
    assert!(r.status == 422 && r.text().contains("två gånger"), "{}", r.text());
    assert!(c.get_page("/").text().contains("Inga omgångar ännu"));
    assert_eq!(stored_files(data.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_second_plan_waits_in_the_queue_and_cancelling_keeps_the_best_plan() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let c = Client::new(&server.base);
    let (book, rules) = large_round();
    let csrf = c.csrf();
    let big =
        version_of(&c.post_multipart("/rounds", &[("csrf", &csrf)], &[("workbook", "stor.xlsx", &book), ("rules", "regler.json", &rules)]));
    // A time limit far beyond the test's waits: the plan is still running when it is cancelled.
    assert_eq!(c.post_form(&format!("/versions/{big}/plan"), &[("csrf", &csrf), ("time_limit", "3600")]).status, 303);
    wait_for(&c, "/rounds/1", "<td>planeras</td>");
    let small = version_of(&upload(&c, &template_bytes(), "mall.xlsx"));
    assert_eq!(c.post_form(&format!("/versions/{small}/plan"), &[("csrf", &csrf), ("time_limit", "2")]).status, 303);
    let third = version_of(&upload(&c, &template_bytes(), "mall.xlsx"));
    assert_eq!(c.post_form(&format!("/versions/{third}/plan"), &[("csrf", &csrf), ("time_limit", "2")]).status, 303);
    let waiting = c.get_page(&format!("/versions/{small}")).text();
    assert!(waiting.contains("I kö") && waiting.contains("först i tur"), "{waiting}");
    let waiting = c.get_page(&format!("/versions/{third}")).text();
    assert!(waiting.contains("I kö") && waiting.contains("nummer 2 i kön"), "{waiting}");
    // Cancelling a waiting plan takes it out of the queue.
    assert_eq!(c.post_form(&format!("/versions/{third}/cancel"), &[("csrf", &csrf)]).status, 303);
    let page = wait_for(&c, &format!("/versions/{third}"), "Avbruten innan planeringen började");
    assert!(page.contains("misslyckades"), "{page}");
    assert!(c.get_page(&format!("/versions/{small}")).text().contains("först i tur"));
    // Cancelling the running plan keeps the best plan so far, and the next one starts.
    let page = c.get_page(&format!("/versions/{big}")).text();
    assert!(page.contains("id=\"cancel\"") && !page.contains("<iframe"), "{page}");
    assert_eq!(c.post_form(&format!("/versions/{big}/cancel"), &[("csrf", &csrf)]).status, 303);
    c.progress(&big);
    let page = c.get_page(&format!("/versions/{big}")).text();
    assert!(page.contains("Avbruten: den bästa planen hittills sparades") && page.contains("<iframe"), "{page}");
    assert_zip_plan_valid(&c.get(&format!("/versions/{big}/download/plan.zip")).body);
    c.progress(&small);
    assert!(c.get_page(&format!("/versions/{small}")).text().contains("<iframe"));
    assert_zip_plan_valid(&c.get(&format!("/versions/{small}/download/plan.zip")).body);
}
