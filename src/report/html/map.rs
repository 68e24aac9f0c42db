//! The map: municipalities at their coordinates (equirectangular, longitudes scaled by the
//! cosine of the middle latitude), circles sized by inhabitants, mentor pairs as lines between
//! the mentor's and the mentee's municipalities, group memberships as curves from each group's
//! meeting place to its members' municipalities.

use super::{esc, int_sv, Figures, Lookup, MENTOR_COLOUR};
use crate::format::plan::PlanFile;
use crate::model::Municipality;
use crate::text::tr;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const GROUP_COLOUR: &str = "#3f8f5f";
const HUB_COLOUR: &str = "#2d6a45";
const WIDTH: f64 = 1000.0;
const MAP_W: f64 = 740.0;
const MARGIN: f64 = 34.0;

/// Writes the `map` section.
pub(crate) fn render(h: &mut String, plan: &PlanFile, look: &Lookup, f: &Figures) {
    let munis = &look.inst.municipalities;
    let n = munis.len();
    let pairs = PairTally::new(plan, look, n);
    let groups = GroupTally::new(plan, look, n);
    let proj = Projection::new(munis);

    let venues = VenueTally::new(plan, look, n);
    let mut svg = String::new();
    let _ = write!(svg, "<rect x=\"0\" y=\"0\" width=\"{MAP_W}\" height=\"{:.0}\" fill=\"#f3f7fa\"/>", proj.height);
    outline(&mut svg, &proj);
    // Course travel and group curves first, then pair lines, so the thinner mentor lines stay
    // visible on top.
    venue_lines(&mut svg, munis, &proj, &venues.lines);
    group_curves(&mut svg, munis, &proj, &groups.lines);
    pair_lines(&mut svg, munis, &proj, &pairs.lines);
    circles(&mut svg, munis, &proj, f, &pairs.local, &groups.local);
    hub_marks(&mut svg, munis, &proj, &groups.hubs);
    venue_marks(&mut svg, munis, &proj, &venues.places);
    let unlabelled = labels(&mut svg, munis, &proj, f);
    let has = Shown { pairs: !plan.mentorship.pairs.is_empty(), hubs: !groups.hubs.is_empty(), venues: !venues.places.is_empty() };
    let ly = legend(&mut svg, &proj, munis, has);
    let ly = unlabelled_list(&mut svg, munis, f, &unlabelled, ly);
    let height = proj.height.max(ly + 20.0);

    let caption = caption(f, &pairs, &groups);
    let _ = writeln!(
        h,
        "<section id=\"map\" data-municipalities=\"{n}\" data-pair-lines=\"{}\" data-group-lines=\"{}\" data-group-hubs=\"{}\" data-cross-pairs=\"{}\" \
         data-venues=\"{}\" data-venue-lines=\"{}\" data-unlabelled=\"{}\">\n\
         <h2>{}</h2>\n<p class=\"note\">{} {} {}</p>\n\
         <figure><svg viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"{}\">{svg}</svg>\
         <figcaption>{caption}</figcaption></figure>\n</section>",
        pairs.lines.len(),
        groups.lines.len(),
        groups.hubs.len(),
        pairs.cross,
        venues.places.len(),
        venues.lines.len(),
        unlabelled.len(),
        esc(&tr!("report-map")),
        esc(&tr!("map-intro")),
        esc(&map_texts().note),
        esc(&tr!("map-hover")),
        esc(&tr!("report-map")),
    );
}

/// The texts added to the map: the note on the outline and the venues, the legend's entries
/// and the list of municipalities without a label.
struct MapTexts {
    note: String,
    outline: String,
    outline_note: String,
    venue: String,
    venue_line: String,
    unlabelled: String,
    smallest: String,
}

fn map_texts() -> MapTexts {
    MapTexts {
        note: tr!("map-note"),
        outline: tr!("map-outline"),
        outline_note: tr!("map-outline-note"),
        venue: tr!("map-venue"),
        venue_line: tr!("map-venue-line"),
        unlabelled: tr!("map-unlabelled"),
        smallest: tr!("map-smallest"),
    }
}

/// Which kinds of marks the map has (for the legend).
struct Shown {
    pairs: bool,
    hubs: bool,
    venues: bool,
}

const VENUE_COLOUR: &str = "#d9822b";

/// Course seats by venue municipality and the attendee's home municipality.
struct VenueTally {
    /// (venue municipality, attendee's home) → course seats of attendees travelling there.
    lines: BTreeMap<(usize, usize), usize>,
    /// Venue municipality → the venues' names and the seats used there.
    places: BTreeMap<usize, (Vec<String>, usize)>,
}

impl VenueTally {
    fn new(plan: &PlanFile, look: &Lookup, n: usize) -> Self {
        let mut t = VenueTally { lines: BTreeMap::new(), places: BTreeMap::new() };
        let Some(tt) = &plan.timetable else { return t };
        for s in &tt.sessions {
            let Some(&v) = look.venue.get(s.venue.as_str()) else { continue };
            let venue = &look.inst.timetable.venues[v];
            let place = venue.municipality.index();
            if place >= n {
                continue;
            }
            let entry = t.places.entry(place).or_default();
            if !entry.0.contains(&venue.name) {
                entry.0.push(venue.name.clone());
            }
            entry.1 += s.attendees.len();
            for a in &s.attendees {
                match look.home(a) {
                    Some(home) if home != place => *t.lines.entry((place, home)).or_default() += 1,
                    _ => {}
                }
            }
        }
        t
    }
}

/// Straight lines from attendees' homes to the venue's municipality, thicker for more seats.
fn venue_lines(svg: &mut String, munis: &[Municipality], proj: &Projection, lines: &BTreeMap<(usize, usize), usize>) {
    let max = lines.values().copied().max().unwrap_or(1) as f64;
    for (&(place, home), &c) in lines {
        let t = c as f64 / max;
        let title = tr!("map-venue-travel", seats = c, home = munis[home].name.as_str(), place = munis[place].name.as_str());
        let ends = [("from", munis[home].id.as_str()), ("to", munis[place].id.as_str())];
        straight_line(
            svg,
            "venue-line",
            ends,
            c,
            [proj.pos[home], proj.pos[place]],
            (VENUE_COLOUR, 1.0 + 5.0 * t.sqrt(), 0.3 + 0.5 * t),
            &title,
        );
    }
}

/// A straight line between two municipalities: `ends` are its `data-` attributes (name, id),
/// `stroke` its colour, width and opacity; `title` shows on hover.
fn straight_line(
    svg: &mut String,
    class: &str,
    ends: [(&str, &str); 2],
    c: usize,
    at: [(f64, f64); 2],
    stroke: (&str, f64, f64),
    title: &str,
) {
    let [(k1, id1), (k2, id2)] = ends;
    let [(x1, y1), (x2, y2)] = at;
    let (colour, width, opacity) = stroke;
    let _ = write!(
        svg,
        "<line class=\"{class}\" data-{k1}=\"{}\" data-{k2}=\"{}\" data-count=\"{c}\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
         stroke=\"{colour}\" stroke-width=\"{width:.2}\" stroke-opacity=\"{opacity:.2}\" stroke-linecap=\"round\"><title>{}</title></line>",
        esc(id1),
        esc(id2),
        esc(title)
    );
}

/// A square on every municipality with a course venue.
fn venue_marks(svg: &mut String, munis: &[Municipality], proj: &Projection, places: &BTreeMap<usize, (Vec<String>, usize)>) {
    for (&place, (names, seats)) in places {
        let (x, y) = proj.pos[place];
        let _ = write!(
            svg,
            "<rect class=\"venue\" data-municipality=\"{}\" data-seats=\"{seats}\" x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{VENUE_COLOUR}\" \
             stroke=\"#fff\" stroke-width=\"1\"><title>{}</title></rect>",
            esc(&munis[place].id),
            x - 5.0,
            y - 5.0,
            esc(&tr!("map-venue-title", place = munis[place].name.as_str(), venues = names.join(", "), seats = seats))
        );
    }
}

/// The region's outline: the convex hull of the municipalities' centres, padded outwards, under
/// everything else. Not the real border.
fn outline(svg: &mut String, proj: &Projection) {
    let hull = convex_hull(&proj.pos);
    if hull.len() < 3 {
        return;
    }
    let (cx, cy) = (hull.iter().map(|p| p.0).sum::<f64>() / hull.len() as f64, hull.iter().map(|p| p.1).sum::<f64>() / hull.len() as f64);
    let pad = 18.0;
    let points = hull
        .iter()
        .map(|&(x, y)| {
            let (dx, dy) = (x - cx, y - cy);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            format!("{:.1},{:.1}", x + dx / d * pad, y + dy / d * pad)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(
        svg,
        "<polygon class=\"region-outline\" points=\"{points}\" fill=\"#e6edf3\" stroke=\"#9aa6b2\" stroke-width=\"1.5\" stroke-linejoin=\"round\"><title>{}</title></polygon>",
        esc(&map_texts().outline)
    );
}

/// The convex hull of points (Andrew's monotone chain), counter-clockwise, without repeats.
pub(crate) fn convex_hull(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut p: Vec<(f64, f64)> = points.to_vec();
    p.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    p.dedup();
    if p.len() < 3 {
        return p;
    }
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0);
    let mut hull: Vec<(f64, f64)> = Vec::with_capacity(2 * p.len());
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &(f64, f64)>> = if pass == 0 { Box::new(p.iter()) } else { Box::new(p.iter().rev()) };
        for &q in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], q) <= 0.0 {
                hull.pop();
            }
            hull.push(q);
        }
        hull.pop();
    }
    hull
}

/// The municipalities whose label found no free place, listed beside the map from `ly` down;
/// returns the baseline of the last line.
fn unlabelled_list(svg: &mut String, munis: &[Municipality], f: &Figures, unlabelled: &[usize], mut ly: f64) -> f64 {
    if unlabelled.is_empty() {
        return ly;
    }
    let lx = MAP_W + 20.0;
    ly += 26.0;
    let _ = write!(svg, "<text x=\"{lx}\" y=\"{ly:.1}\" font-size=\"12\" font-weight=\"600\">{}</text>", esc(&map_texts().unlabelled));
    let mut names: Vec<usize> = unlabelled.to_vec();
    names.sort_by(|&a, &b| munis[a].name.cmp(&munis[b].name));
    for i in names {
        ly += 15.0;
        let _ = write!(
            svg,
            "<text class=\"unlabelled\" data-municipality=\"{}\" x=\"{lx}\" y=\"{ly:.1}\" font-size=\"11\">{} ({})</text>",
            esc(&munis[i].id),
            esc(&munis[i].name),
            f.municipalities[i].participants
        );
    }
    ly
}

/// Mentor pairs by the municipalities of mentor and mentee.
struct PairTally {
    /// Pairs between municipalities: unordered pair → (a→b, b→a) counts (mentor → mentee).
    lines: BTreeMap<(usize, usize), (usize, usize)>,
    /// Pairs within each municipality.
    local: Vec<usize>,
    /// Pairs between municipalities, in all.
    cross: usize,
}

impl PairTally {
    fn new(plan: &PlanFile, look: &Lookup, n: usize) -> Self {
        let mut t = PairTally { lines: BTreeMap::new(), local: vec![0usize; n], cross: 0 };
        for p in &plan.mentorship.pairs {
            let (Some(a), Some(b)) = (look.home(&p.mentor), look.home(&p.mentee)) else { continue };
            if a == b {
                t.local[a] += 1;
                continue;
            }
            t.cross += 1;
            let e = t.lines.entry((a.min(b), a.max(b))).or_default();
            if a < b {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        t
    }
}

/// Group memberships by the group's meeting place and the member's municipality.
struct GroupTally<'a> {
    /// (meeting place, member's home) → members meeting away from home.
    lines: BTreeMap<(usize, usize), usize>,
    /// Meeting place → its groups.
    hubs: BTreeMap<usize, Vec<&'a str>>,
    /// Members meeting in their own municipality, per municipality.
    local: Vec<usize>,
    /// Members in all.
    members_total: usize,
    /// Members meeting outside their municipality.
    members_away: usize,
    /// Municipalities each group draws its members from.
    munis_per_group: Vec<usize>,
}

impl<'a> GroupTally<'a> {
    fn new(plan: &'a PlanFile, look: &Lookup, n: usize) -> Self {
        let mut t = GroupTally {
            lines: BTreeMap::new(),
            hubs: BTreeMap::new(),
            local: vec![0usize; n],
            members_total: 0,
            members_away: 0,
            munis_per_group: Vec::new(),
        };
        for prog in &plan.groups {
            for g in &prog.groups {
                let Some(&place) = look.municipality.get(g.meeting_place.as_str()) else { continue };
                t.hubs.entry(place).or_default().push(g.id.as_str());
                let mut homes = BTreeSet::new();
                for m in &g.members {
                    let Some(home) = look.home(m) else { continue };
                    homes.insert(home);
                    t.members_total += 1;
                    if home == place {
                        t.local[home] += 1;
                    } else {
                        t.members_away += 1;
                        *t.lines.entry((place, home)).or_default() += 1;
                    }
                }
                t.munis_per_group.push(homes.len());
            }
        }
        t
    }
}

/// Where each municipality is drawn, the map's height and the circles' scale.
struct Projection {
    /// Centre of each municipality's circle.
    pos: Vec<(f64, f64)>,
    /// Height of the map (without the legend).
    height: f64,
    /// The largest population (at least 1), which gets the largest circle.
    max_pop: f64,
}

impl Projection {
    fn new(munis: &[Municipality]) -> Self {
        let n = munis.len();
        let mut lat_min = munis.iter().map(|m| m.lat).fold(f64::INFINITY, f64::min);
        let mut lat_max = munis.iter().map(|m| m.lat).fold(f64::NEG_INFINITY, f64::max);
        let mut lon_min = munis.iter().map(|m| m.lon).fold(f64::INFINITY, f64::min);
        let mut lon_max = munis.iter().map(|m| m.lon).fold(f64::NEG_INFINITY, f64::max);
        let k = ((lat_min + lat_max) / 2.0).to_radians().cos().max(0.05);
        // A few neighbouring municipalities are not spread over the whole picture: the map shows
        // at least a degree of latitude (about 110 km) each way.
        const MIN_EXTENT_DEG: f64 = 1.0;
        if n > 0 && lat_max - lat_min < MIN_EXTENT_DEG {
            let pad = (MIN_EXTENT_DEG - (lat_max - lat_min)) / 2.0;
            (lat_min, lat_max) = (lat_min - pad, lat_max + pad);
        }
        if n > 0 && (lon_max - lon_min) * k < MIN_EXTENT_DEG {
            let pad = (MIN_EXTENT_DEG / k - (lon_max - lon_min)) / 2.0;
            (lon_min, lon_max) = (lon_min - pad, lon_max + pad);
        }
        let (dx, dy) = (((lon_max - lon_min) * k).max(0.0), (lat_max - lat_min).max(0.0));
        let inner_w = MAP_W - 2.0 * MARGIN;
        let height = if dx > 1e-9 { (inner_w * dy / dx + 2.0 * MARGIN).clamp(320.0, 640.0) } else { 400.0 };
        let inner_h = height - 2.0 * MARGIN;
        let scale = match (dx > 1e-9, dy > 1e-9) {
            (true, true) => (inner_w / dx).min(inner_h / dy),
            (true, false) => inner_w / dx,
            (false, true) => inner_h / dy,
            (false, false) => 1.0,
        };
        let (off_x, off_y) = (MARGIN + (inner_w - dx * scale) / 2.0, MARGIN + (inner_h - dy * scale) / 2.0);
        let pos: Vec<(f64, f64)> = if n == 0 {
            vec![]
        } else {
            munis.iter().map(|m| (off_x + (m.lon - lon_min) * k * scale, off_y + (lat_max - m.lat) * scale)).collect()
        };
        let max_pop = munis.iter().map(|m| m.population).max().unwrap_or(1).max(1) as f64;
        Projection { pos, height, max_pop }
    }

    /// Radius of the circle of a municipality with `pop` inhabitants.
    fn radius(&self, pop: i64) -> f64 {
        4.0 + 20.0 * (pop.max(0) as f64 / self.max_pop).sqrt()
    }
}

/// Dashed curves from each group meeting place to its members' municipalities.
fn group_curves(svg: &mut String, munis: &[Municipality], proj: &Projection, lines: &BTreeMap<(usize, usize), usize>) {
    let max_g = lines.values().copied().max().unwrap_or(1) as f64;
    for (&(place, home), &c) in lines {
        let ((x1, y1), (x2, y2)) = (proj.pos[place], proj.pos[home]);
        // Bend the curve to one side so it does not hide a mentor line between the same places.
        let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        let (vx, vy) = (x2 - x1, y2 - y1);
        let (cx, cy) = (mx - vy * 0.18, my + vx * 0.18);
        let t = c as f64 / max_g;
        let _ = write!(
            svg,
            "<path class=\"group-line\" data-from=\"{}\" data-to=\"{}\" data-count=\"{c}\" d=\"M{x1:.1},{y1:.1} Q{cx:.1},{cy:.1} {x2:.1},{y2:.1}\" \
             fill=\"none\" stroke=\"{GROUP_COLOUR}\" stroke-width=\"{:.2}\" stroke-opacity=\"{:.2}\" stroke-dasharray=\"5 3\"><title>{}</title></path>",
            esc(&munis[place].id),
            esc(&munis[home].id),
            1.0 + 4.0 * t.sqrt(),
            0.35 + 0.5 * t,
            esc(&tr!("map-group-travel", n = c, home = munis[home].name.as_str(), place = munis[place].name.as_str()))
        );
    }
}

/// Lines between the municipalities of mentor and mentee, thicker for more pairs.
fn pair_lines(svg: &mut String, munis: &[Municipality], proj: &Projection, lines: &BTreeMap<(usize, usize), (usize, usize)>) {
    let max_p = lines.values().map(|(a, b)| a + b).max().unwrap_or(1) as f64;
    for (&(a, b), &(ab, ba)) in lines {
        let c = ab + ba;
        let t = c as f64 / max_p;
        let (na, nb) = (&munis[a].name, &munis[b].name);
        let title = tr!("map-pair-line", a = na.as_str(), b = nb.as_str(), n = c, ab = ab, ba = ba);
        let ends = [("a", munis[a].id.as_str()), ("b", munis[b].id.as_str())];
        straight_line(svg, "pair-line", ends, c, [proj.pos[a], proj.pos[b]], (MENTOR_COLOUR, 1.0 + 5.0 * t.sqrt(), 0.3 + 0.6 * t), &title);
    }
}

/// Municipalities: circles by inhabitants, the largest drawn first so small ones stay on top.
fn circles(svg: &mut String, munis: &[Municipality], proj: &Projection, f: &Figures, local_pairs: &[usize], local_members: &[usize]) {
    let mut order: Vec<usize> = (0..munis.len()).collect();
    order.sort_by(|&a, &b| munis[b].population.cmp(&munis[a].population).then(a.cmp(&b)));
    for &i in &order {
        let m = &munis[i];
        let r = &f.municipalities[i];
        let (x, y) = proj.pos[i];
        let title = tr!(
            "map-municipality",
            name = m.name.as_str(),
            population = int_sv(m.population),
            participants = r.participants,
            mentees = r.mentees,
            mentors = r.mentors,
            local_pairs = local_pairs[i],
            group_places = r.group_places,
            local_members = local_members[i],
            course_seats = r.course_seats
        );
        let _ = write!(
            svg,
            "<circle class=\"muni\" data-municipality=\"{}\" data-participants=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#9ec5e0\" fill-opacity=\"{:.2}\" \
             stroke=\"#2b5d80\" stroke-width=\"1\"><title>{}</title></circle>",
            esc(&m.id),
            r.participants,
            proj.radius(m.population),
            if r.participants > 0 { 0.8 } else { 0.35 },
            esc(&title)
        );
    }
}

/// A diamond on every municipality where groups meet.
fn hub_marks(svg: &mut String, munis: &[Municipality], proj: &Projection, hubs: &BTreeMap<usize, Vec<&str>>) {
    for (&place, groups) in hubs {
        let (x, y) = proj.pos[place];
        let s = 5.5;
        let _ = write!(
            svg,
            "<rect class=\"group-hub\" data-municipality=\"{}\" data-groups=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{HUB_COLOUR}\" \
             stroke=\"#fff\" stroke-width=\"1\" transform=\"rotate(45 {x:.1} {y:.1})\"><title>{}</title></rect>",
            esc(&munis[place].id),
            groups.len(),
            x - s,
            y - s,
            2.0 * s,
            2.0 * s,
            esc(&tr!("map-hub", n = groups.len(), place = munis[place].name.as_str(), groups = groups.join(", ")))
        );
    }
}

/// Name labels: all of them for a region, the 40 with most participants for a national round.
/// Largest first, each at the first of eight places around its circle that stays on the map
/// and overlaps no label placed before (of those, the one overlapping other circles least).
/// Labels never overlap: a municipality whose label finds no such place is returned, to be
/// listed beside the map.
fn labels(svg: &mut String, munis: &[Municipality], proj: &Projection, f: &Figures) -> Vec<usize> {
    let n = munis.len();
    let mut labelled: Vec<usize> = (0..n).collect();
    if n > 60 {
        labelled.sort_by(|&a, &b| {
            (f.municipalities[b].participants, munis[b].population)
                .cmp(&(f.municipalities[a].participants, munis[a].population))
                .then(a.cmp(&b))
        });
        labelled.truncate(40);
        labelled.sort();
    }
    labelled.sort_by(|&a, &b| munis[b].population.cmp(&munis[a].population).then(a.cmp(&b)));
    let circles: Vec<Rect> = (0..n)
        .map(|i| {
            let (x, y) = proj.pos[i];
            let r = proj.radius(munis[i].population);
            Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r }
        })
        .collect();
    let mut placer = LabelPlacer { circles, placed: Vec::new(), map_h: proj.height };
    let mut unplaced = Vec::new();
    for i in labelled {
        let text = format!("{} ({})", munis[i].name, f.municipalities[i].participants);
        let Some(((tx, ty, anchor), b)) = placer.place(i, proj.pos[i], proj.radius(munis[i].population), &text) else {
            unplaced.push(i);
            continue;
        };
        let _ = write!(
            svg,
            "<text class=\"muni-label\" data-box=\"{:.1} {:.1} {:.1} {:.1}\" x=\"{tx:.1}\" y=\"{ty:.1}\" text-anchor=\"{anchor}\" font-size=\"12\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">{}</text>",
            b.x0,
            b.y0,
            b.x1,
            b.y1,
            esc(&text)
        );
    }
    unplaced
}

/// A label's position: x, y and text anchor.
type LabelAt = (f64, f64, &'static str);

/// Places labels one after the other where they overlap no other label.
struct LabelPlacer {
    /// The box of every municipality's circle.
    circles: Vec<Rect>,
    /// The boxes of the labels placed so far.
    placed: Vec<Rect>,
    /// Height of the map.
    map_h: f64,
}

impl LabelPlacer {
    /// Where the label `text` of municipality `i` (circle at `(x, y)`, radius `r`) goes:
    /// position, text anchor and the label's box; `None` when every place leaves the map or
    /// overlaps a label placed before.
    fn place(&mut self, i: usize, (x, y): (f64, f64), r: f64, text: &str) -> Option<(LabelAt, Rect)> {
        // 12 px system-ui: about 6.6 units a character (7.2 to be safe for wide letters).
        let w = text.chars().count() as f64 * 7.2;
        let d = r * 0.72 + 3.0;
        let candidates: [LabelAt; 8] = [
            (x + d, y - d + 2.0, "start"),
            (x + r + 4.0, y + 4.0, "start"),
            (x + d, y + d + 9.0, "start"),
            (x - d, y - d + 2.0, "end"),
            (x - r - 4.0, y + 4.0, "end"),
            (x - d, y + d + 9.0, "end"),
            (x, y - r - 4.0, "middle"),
            (x, y + r + 13.0, "middle"),
        ];
        let rect_of = |&(tx, ty, anchor): &LabelAt| {
            let x0 = match anchor {
                "start" => tx,
                "end" => tx - w,
                _ => tx - w / 2.0,
            };
            Rect { x0, y0: ty - 11.0, x1: x0 + w, y1: ty + 3.0 }
        };
        let free =
            |b: &Rect| b.x0 >= 0.0 && b.x1 <= MAP_W && b.y0 >= 0.0 && b.y1 <= self.map_h && self.placed.iter().all(|p| p.overlap(b) == 0.0);
        let circle_overlap = |b: &Rect| self.circles.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| c.overlap(b)).sum::<f64>();
        let mut best: Option<(usize, f64)> = None;
        for (k, c) in candidates.iter().enumerate() {
            let b = rect_of(c);
            if !free(&b) {
                continue;
            }
            let v = circle_overlap(&b);
            if best.is_none_or(|(_, bv)| v < bv - 1e-9) {
                best = Some((k, v));
            }
            if v == 0.0 {
                break;
            }
        }
        let (k, _) = best?;
        let chosen = rect_of(&candidates[k]);
        self.placed.push(chosen.clone());
        Some((candidates[k], chosen))
    }
}

/// The legend on the right of the map; returns the baseline of its last line.
fn legend(svg: &mut String, proj: &Projection, munis: &[Municipality], has: Shown) -> f64 {
    let texts = map_texts();
    let lx = MAP_W + 20.0;
    let mut ly = 30.0;
    let _ = write!(svg, "<text x=\"{lx}\" y=\"{ly}\" font-size=\"13\" font-weight=\"600\">{}</text>", esc(&tr!("report-legend")));
    ly += 22.0;
    let smallest = munis.iter().min_by(|a, b| a.population.cmp(&b.population).then(a.name.cmp(&b.name)));
    let min_pop = smallest.map(|m| m.population).unwrap_or(0);
    for (pop, label) in legend_populations(min_pop, proj.max_pop as i64) {
        let r = proj.radius(pop);
        let label = tr!("map-inhabitants", n = label.as_str());
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\" fill=\"#9ec5e0\" fill-opacity=\"0.8\" stroke=\"#2b5d80\"/><text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx + 22.0,
            ly + r,
            lx + 50.0,
            ly + r + 4.0,
            label
        );
        if let Some(m) = smallest.filter(|_| pop == min_pop) {
            let _ = write!(
                svg,
                "<text class=\"legend legend-smallest\" x=\"{:.1}\" y=\"{:.1}\" fill=\"#5b6776\">({}: {})</text>",
                lx + 50.0,
                ly + r + 18.0,
                texts.smallest,
                esc(&m.name)
            );
            ly += 12.0;
        }
        ly += 2.0 * r + 10.0;
    }
    ly += 6.0;
    let _ = write!(svg, "<rect x=\"{lx}\" y=\"{:.1}\" width=\"40\" height=\"12\" fill=\"#e6edf3\" stroke=\"#9aa6b2\"/>", ly - 6.0);
    legend_lines(svg, lx + 50.0, ly + 4.0, &[&texts.outline], &[&texts.outline_note]);
    ly += 38.0;
    if has.venues {
        let _ = write!(
            svg,
            "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{:.1}\" y2=\"{ly}\" stroke=\"{VENUE_COLOUR}\" stroke-width=\"4\" stroke-opacity=\"0.7\"/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{VENUE_COLOUR}\"/>",
            lx + 40.0,
            lx + 35.0,
            ly - 5.0,
        );
        legend_lines(svg, lx + 50.0, ly + 4.0, &[&texts.venue, &texts.venue_line], &[]);
        ly += 36.0;
    }
    if has.pairs {
        let _ = write!(
            svg,
            "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{:.1}\" y2=\"{ly}\" stroke=\"{MENTOR_COLOUR}\" stroke-width=\"4\" stroke-opacity=\"0.8\"/>",
            lx + 40.0,
        );
        legend_lines(svg, lx + 50.0, ly + 4.0, &[&tr!("map-legend-pairs")], &[&tr!("map-legend-pairs-note")]);
        ly += 40.0;
    }
    if has.hubs {
        let _ = write!(
            svg,
            "<path d=\"M{lx},{ly} Q{:.1},{:.1} {:.1},{ly}\" fill=\"none\" stroke=\"{GROUP_COLOUR}\" stroke-width=\"3\" stroke-dasharray=\"5 3\"/>",
            lx + 20.0,
            ly - 8.0,
            lx + 40.0,
        );
        let lines = [tr!("map-legend-groups-1"), tr!("map-legend-groups-2"), tr!("map-legend-groups-3")];
        legend_lines(svg, lx + 50.0, ly + 4.0, &[&lines[0], &lines[1], &lines[2]], &[]);
        ly += 54.0;
        let _ = write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"11\" height=\"11\" fill=\"{HUB_COLOUR}\" transform=\"rotate(45 {:.1} {:.1})\"/>",
            lx + 14.5,
            ly - 5.5,
            lx + 20.0,
            ly,
        );
        legend_lines(svg, lx + 50.0, ly + 4.0, &[&tr!("map-legend-hub")], &[]);
        ly += 22.0;
    }
    legend_lines(svg, lx, ly + 4.0, &[], &[&tr!("map-legend-number")]);
    ly
}

/// Lines of legend text at `x` from baseline `y`, 14 units apart: first the `plain` lines, then
/// the `grey` ones (notes).
fn legend_lines(svg: &mut String, x: f64, y: f64, plain: &[&str], grey: &[&str]) {
    let lines = plain.iter().map(|t| (t, "")).chain(grey.iter().map(|t| (t, " fill=\"#5b6776\"")));
    for (i, (text, fill)) in lines.enumerate() {
        let _ = write!(svg, "<text class=\"legend\" x=\"{x:.1}\" y=\"{:.1}\"{fill}>{}</text>", y + 14.0 * i as f64, esc(text));
    }
}

/// The figure caption: how much the pairs and groups mix across municipal borders.
fn caption(f: &Figures, pairs: &PairTally, groups: &GroupTally) -> String {
    let pct = |a: usize, b: usize| if b == 0 { "–".to_string() } else { super::pct_sv(a as f64 / b as f64) };
    let per_group = &groups.munis_per_group;
    let mean_munis = if per_group.is_empty() {
        "–".to_string()
    } else {
        format!("{:.1}", per_group.iter().sum::<usize>() as f64 / per_group.len() as f64).replace('.', ",")
    };
    let mut mixing = Vec::new();
    if f.pairs > 0 {
        mixing.push(tr!("map-caption-pairs", share = pct(pairs.cross, f.pairs), n = int_sv(f.pairs as i64)));
    }
    if groups.members_total > 0 {
        mixing.push(tr!(
            "map-caption-groups",
            share = pct(groups.members_away, groups.members_total),
            n = int_sv(groups.members_total as i64),
            mean = mean_munis
        ));
    }
    if mixing.is_empty() {
        tr!("map-caption-none")
    } else {
        tr!("map-caption", parts = mixing.join("; "))
    }
}

/// An axis-aligned box in the map's coordinates.
#[derive(Debug, Clone)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    /// The area two boxes share.
    fn overlap(&self, o: &Rect) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }
}

/// The populations of the legend's circles, largest first: round powers of ten from the largest
/// municipality's down while above the smallest municipality's (at most three), then the
/// smallest municipality's own, so the legend reaches the smallest circle on the map.
fn legend_populations(min: i64, max: i64) -> Vec<(i64, String)> {
    let mut top = 1i64;
    while top * 10 <= max {
        top *= 10;
    }
    let mut out = Vec::new();
    let mut p = top;
    while p > min.max(0) && out.len() < 3 {
        // Skip a round value hardly larger than the smallest (the two circles would coincide).
        if p as f64 >= 1.5 * min as f64 {
            out.push((p, int_sv(p)));
        }
        p /= 10;
    }
    out.push((min.max(0), int_sv(min.max(0))));
    out
}
