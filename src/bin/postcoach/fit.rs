//! `postcoach fit`: fits the rule weights, the gram model and the verdict thresholds (`postcoach::fit`) and
//! writes them into the rule pack and the model file.

use std::io::Write;

use postcoach::fit::{fit, FitError};
use postcoach::Engine;

use crate::args::FitJob;
use crate::CliError;

pub fn run(job: &FitJob, out: &mut impl Write) -> Result<(), CliError> {
    let fitted = fit(&job.corpora, &Engine::new()).map_err(CliError::Fit)?;
    write!(out, "{}", fitted.notes)?;
    writeln!(
        out,
        "thresholds: promotion {:.3}, point {:.3}; value bias {:.3}",
        fitted.promo, fitted.point, fitted.value_bias
    )?;
    for (id, (w, point)) in &fitted.rule_weights {
        match point {
            Some(point) => writeln!(out, "  {id:<20} {w:.3}  point {point:.3}")?,
            None => writeln!(out, "  {id:<20} {w:.3}")?,
        }
    }
    if job.dry_run {
        return Ok(());
    }
    let io = |path: &std::path::Path| {
        let path = path.display().to_string();
        move |error| CliError::Fit(FitError::Io { path, error })
    };
    let pack = std::fs::read_to_string(&job.pack).map_err(io(&job.pack))?;
    let (pack, changed) = fitted.write_weights(&pack);
    std::fs::write(&job.pack, pack).map_err(io(&job.pack))?;
    std::fs::write(&job.model, fitted.model_file()).map_err(io(&job.model))?;
    writeln!(
        out,
        "wrote {} rule weights into {} and {} grams into {}",
        changed.len(),
        job.pack.display(),
        fitted.grams.len(),
        job.model.display()
    )?;
    Ok(())
}
