//! The command line: `server-stub [--config FILE] [--listen ADDR] [--data-dir DIR] [serve]` and
//! `server-stub [--config FILE] callbacks list [--json]`. Every option can also come from the
//! environment (`SERVER_STUB_CONFIG`, ...); the command line wins over the file.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::settings::Overrides;

/// The contact widget's server: serves the demo and the widget, stores callback requests.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// The TOML configuration file (see docs/server.md); without it every setting takes its default.
    #[arg(long, env = "SERVER_STUB_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// The address to listen on, overriding `listen` in the file (e.g. 127.0.0.1:8080).
    #[arg(long, env = "SERVER_STUB_LISTEN", global = true)]
    pub listen: Option<SocketAddr>,
    /// The data directory, overriding `data_dir` in the file; holds callbacks.sqlite3.
    #[arg(long, env = "SERVER_STUB_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The server's commands.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Serve the demo, the widget and the API until Ctrl-C or SIGTERM (the default).
    Serve,
    /// Work with stored callback requests.
    Callbacks {
        /// What to do with them.
        #[command(subcommand)]
        action: CallbacksAction,
    },
}

/// What `server-stub callbacks` does.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum CallbacksAction {
    /// Print every stored request, oldest first.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    /// The values that override the configuration file.
    pub fn overrides(&self) -> Overrides {
        Overrides { listen: self.listen, data_dir: self.data_dir.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn commands_parse_with_options_before_or_after_them() {
        let cases: [(&[&str], Option<Command>); 4] = [
            (&["server-stub"], None),
            (&["server-stub", "--config", "a.toml", "serve"], Some(Command::Serve)),
            (
                &["server-stub", "--config", "a.toml", "callbacks", "list"],
                Some(Command::Callbacks { action: CallbacksAction::List { json: false } }),
            ),
            (
                &["server-stub", "callbacks", "list", "--json", "--data-dir", "d"],
                Some(Command::Callbacks { action: CallbacksAction::List { json: true } }),
            ),
        ];
        for (args, expected) in cases {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.command, expected, "{args:?}");
        }
    }
}
