//! `trappa upgrade`: writes a version-1 instance file in the current format version.

use crate::cli::{input_error, say, write_file_atomic, CliError};
use crate::format::FORMAT_VERSION;
use crate::load::{self, InputError};
use crate::text::tr;
use std::path::{Path, PathBuf};

/// The default output: beside the input, named `X.v2.json` for `X.json` (or `X`).
pub fn default_out(instance: &Path) -> PathBuf {
    let name = instance.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    instance.with_file_name(format!("{stem}.v{FORMAT_VERSION}.json"))
}

/// `trappa upgrade`: reads and validates the instance (a version-1 file upgraded in memory),
/// then writes the upgraded file atomically to `out` (default [`default_out`]), never over an
/// existing file unless `force`. A current file is left alone and nothing is written.
pub fn run(instance: &Path, out: Option<&Path>, force: bool) -> Result<(), CliError> {
    let shown = instance.display().to_string();
    let invalid = |problems| input_error(InputError::Invalid { path: shown.clone(), problems });
    let bytes = load::read_instance_bytes(instance).map_err(input_error)?;
    let text = load::json::text_of(&bytes).map_err(invalid)?;
    let (file, up) = load::parse_upgrade_validate(text).map_err(invalid)?;
    let Some(up) = up else {
        return say(&format!("{}\n", tr!("upgrade-already-current", path = shown.as_str(), version = FORMAT_VERSION.to_string())));
    };
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| default_out(instance));
    if !force && out.exists() {
        return Err(CliError::Usage(tr!("upgrade-exists", out = out.display().to_string())));
    }
    let mut json = serde_json::to_string_pretty(&file).map_err(|e| CliError::Usage(e.to_string()))?;
    json.push('\n');
    // The written file must read back as the same, current instance.
    match load::parse_upgrade_validate(&json) {
        Ok((again, None)) if again == file => {}
        Ok(_) => return Err(CliError::Usage(tr!("upgrade-not-same", path = shown.as_str()))),
        Err(problems) => return Err(invalid(problems)),
    }
    write_file_atomic(&out, json.as_bytes())?;
    let mut lines = vec![tr!(
        "upgrade-written",
        path = shown.as_str(),
        from = up.from.to_string(),
        to = FORMAT_VERSION.to_string(),
        out = out.display().to_string()
    )];
    if let Some(&first) = up.agreement_members.first() {
        let agreement = file.region.municipalities[first].cost_split.clone().unwrap_or_default();
        lines.push(tr!("upgrade-agreement", n = up.agreement_members.len(), name = agreement.as_str()));
    }
    say(&format!("{}\n", lines.join("\n")))
}
