//! Exports the exact matcher's assignment matrix of an instance, so that another assignment
//! solver (e.g. scipy's `linear_sum_assignment`, see `benches/scipy_lsap.py`) can be timed on
//! the very same matrix. Prints the matrix size, trappa's kernel time and its optimal value.
//!
//! Usage: `cargo run --release --example lsap_matrix -- INSTANCE OUT.f64`
//! The file holds rows × cols little-endian f64 values, row-major.

use std::io::Write;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        return Err("usage: lsap_matrix INSTANCE OUT.f64".into());
    }
    let loaded = trappa::load::read_instance(std::path::Path::new(&args[1]))?;
    let problem = trappa::solve::mentor_matching::build_problem(&loaded.model);
    let a = trappa::solve::mentor_matching::assignment_matrix(&problem)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2])?);
    for x in &a.cost {
        out.write_all(&x.to_le_bytes())?;
    }
    out.flush()?;
    let t = Instant::now();
    let (rows, cols) = lsap::solve(a.rows, a.cols, &a.cost, false).map_err(|e| format!("{e:?}"))?;
    let secs = t.elapsed().as_secs_f64();
    let value: f64 = rows.iter().zip(&cols).map(|(r, c)| a.cost[r * a.cols + c]).sum();
    println!("rows {} cols {} trappa_lsap_seconds {secs:.3} optimum {value}", a.rows, a.cols);
    Ok(())
}
