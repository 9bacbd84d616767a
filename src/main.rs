//! The `backchannel` binary: a headless command, or the window.

use std::process::ExitCode;

use clap::Parser;

use backchannel::cli::{self, Cli};

/// mimalloc instead of the system allocator: loading a 100,000-node dataset makes
/// millions of small allocations, and glibc's allocator spent a third of the load
/// consolidating and freeing them (measured with `perf` on `cargo bench --bench load`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => cli::run(command, &cli.columns.read_options()),
        #[cfg(feature = "gui")]
        None => match backchannel::ui::run_window(cli.file, cli.columns.read_options()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "error: this build has no window (built without the \"gui\" feature); use a command, see --help"
            );
            ExitCode::FAILURE
        }
    }
}
