//! Version 1 of the instance format read as version 2.
//!
//! Version 2 (see `docs/format.md`, "Version 2 and the upgrade of version 1") has the same
//! shape as version 1 with one rule made explicit: a municipality's `cost_share` belongs to a
//! named cost-sharing agreement (`cost_split`). Version 1's implicit agreement — without
//! `cost_split` anywhere, the municipalities with a `cost_share` share their costs in
//! proportion to their shares — becomes an agreement named after the region. The loader
//! upgrades a version-1 file in memory after parsing and before validation, so every
//! problem's path and position still point into the user's file; `trappa upgrade` writes the
//! upgraded file.

use crate::format::{InstanceFile, FORMAT_VERSION};
use crate::text::tr;
use std::sync::atomic::{AtomicBool, Ordering};

/// The instance format versions this build reads, oldest first; the last is the one it writes.
pub const READS: [u32; 2] = [1, FORMAT_VERSION];

/// Whether a version-1 file read by name is announced on standard error (the command line
/// turns this on unless `--quiet`).
static ANNOUNCE: AtomicBool = AtomicBool::new(false);
/// Whether the announcement was made already in this run (it is made once).
static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Turns the note on standard error about an upgraded version-1 file on or off for this run.
pub fn announce_upgrades(on: bool) {
    ANNOUNCE.store(on, Ordering::Relaxed);
}

/// The versions this build reads, as words for messages ("1 och 2").
pub fn readable_versions() -> String {
    let all: Vec<String> = READS.iter().map(|v| v.to_string()).collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => tr!("load-versions-list", rest = rest.join(", "), last = last.as_str()),
        _ => all.join(""),
    }
}

/// Whether this build reads files of `version`.
pub fn reads(version: u64) -> bool {
    READS.iter().any(|&v| u64::from(v) == version)
}

/// What an upgrade changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Upgrade {
    /// The version the file was written in.
    pub from: u32,
    /// Municipalities (by index) given `cost_split` = the region's name.
    pub agreement_members: Vec<usize>,
}

/// Upgrades a file of an older version to [`FORMAT_VERSION`] in place; `None` when it is
/// current already (or of a version this build does not read: validation refuses it).
pub fn upgrade(file: &mut InstanceFile) -> Option<Upgrade> {
    if file.version != 1 {
        return None;
    }
    let up = Upgrade { from: file.version, agreement_members: explicit_agreement(file) };
    file.version = FORMAT_VERSION;
    Some(up)
}

/// Version 1's implicit agreement made explicit: when no municipality names a `cost_split`,
/// every municipality with a `cost_share` gets `cost_split` = the region's name. The shares stay
/// as written: the agreement named after the region divides in proportion to its shares, as
/// version 1's implicit one did (they need not add up to 1). Returns the members. Also used by
/// the roster import, whose `kostnadsandel` column without any `kostnadsavtal` keeps this
/// meaning.
pub fn explicit_agreement(file: &mut InstanceFile) -> Vec<usize> {
    let name = if file.region.name.trim().is_empty() { tr!("load-upgrade-agreement-name") } else { file.region.name.clone() };
    let munis = &mut file.region.municipalities;
    if munis.iter().any(|m| m.cost_split.is_some()) {
        return vec![];
    }
    let members: Vec<usize> = (0..munis.len()).filter(|&i| munis[i].cost_share.is_some()).collect();
    for &i in &members {
        munis[i].cost_split = Some(name.clone());
    }
    members
}

/// Says once per run, on standard error and when turned on ([`announce_upgrades`]), that the
/// file `name` is of an older version and was read as the current one.
pub(super) fn announce(name: &str, up: &Upgrade) {
    if !ANNOUNCE.load(Ordering::Relaxed) || ANNOUNCED.swap(true, Ordering::Relaxed) {
        return;
    }
    eprintln!("{}", note(name, up));
}

/// The note about an upgraded file, in the coordinator's language.
pub fn note(name: &str, up: &Upgrade) -> String {
    tr!("load-upgraded-note", path = name, from = up.from.to_string(), to = FORMAT_VERSION.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{MunicipalitySpec, RegionSpec, RoundSpec, TravelSpec};

    fn muni(id: &str, share: Option<f64>) -> MunicipalitySpec {
        MunicipalitySpec {
            id: id.into(),
            name: id.into(),
            population: 1000,
            lat: 57.7,
            lon: 12.0,
            cost_share: share,
            cost_split: None,
            meeting_venue: None,
            subregion: None,
        }
    }

    fn file(munis: Vec<MunicipalitySpec>) -> InstanceFile {
        let round: RoundSpec =
            serde_json::from_value(serde_json::json!({"name": "R", "start": "2027-01-11", "end": "2027-06-11"})).unwrap();
        let region = RegionSpec { name: "GR".into(), municipalities: munis, units: vec![], travel: TravelSpec::default() };
        InstanceFile { version: 1, ..InstanceFile::new(round, region) }
    }

    #[test]
    fn shares_alone_become_an_agreement_named_after_the_region_with_the_shares_as_written() {
        let mut f = file(vec![muni("a", Some(0.06)), muni("b", None), muni("c", Some(0.04))]);
        let up = upgrade(&mut f).unwrap();
        assert_eq!((up.from, up.agreement_members.clone()), (1, vec![0, 2]));
        assert_eq!(f.version, FORMAT_VERSION);
        let m = &f.region.municipalities;
        assert_eq!((m[0].cost_split.as_deref(), m[1].cost_split.as_deref(), m[0].cost_share), (Some("GR"), None, Some(0.06)));
        assert_eq!(upgrade(&mut f), None, "a current file is left alone");
    }

    #[test]
    fn named_agreements_are_kept_as_written() {
        let mut a = muni("a", Some(0.5));
        a.cost_split = Some("X".into());
        let mut f = file(vec![a, muni("b", Some(0.5))]);
        let before = f.region.clone();
        assert_eq!(upgrade(&mut f).unwrap().agreement_members, Vec::<usize>::new());
        assert_eq!(f.region, before);
    }
}
