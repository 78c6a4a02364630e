//! One integration-test binary, grouped by theme (as ripgrep does).

mod util;

mod cli;
mod corpus;
mod crash;
mod docx;
mod editors_policy;
mod explain;
mod formats;
mod fuzz;
mod hostile;
mod ner;
mod properties;
mod review_e2e;
mod review_server;
mod styles;
mod training;
