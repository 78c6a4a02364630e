//! One integration-test binary, grouped by theme (as ripgrep does).

mod util;

mod cli;
mod formats;
mod properties;
