//! The `server-stub` binary: reads the configuration, sets up logging, opens and migrates the
//! database, then serves until Ctrl-C or SIGTERM, or prints the stored callback requests.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use server_stub::cli::{CallbacksAction, Cli, Command};
use server_stub::clock::SystemClock;
use server_stub::db::{self, Db};
use server_stub::settings::Settings;
use server_stub::{app, listing, AppState};
use tracing_subscriber::EnvFilter;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal; logs captured by scripts and CI stay plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let base = std::env::current_dir().context("cannot read the current directory")?;
    let settings = Settings::load(cli.config.as_deref(), &cli.overrides(), &base)?;

    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Callbacks { action: CallbacksAction::List { json } } => {
            let db = Db::open_existing(&settings.database_path())?;
            let callbacks = db.run_blocking(|connection| db::list_callbacks(connection))?;
            print!("{}", if json { listing::to_json(&callbacks) + "\n" } else { listing::to_table(&callbacks) });
            Ok(())
        }
    }
}

#[tokio::main]
async fn serve(settings: Settings) -> anyhow::Result<()> {
    let database = settings.database_path();
    let db = Db::open(&database).with_context(|| format!("cannot open the database {}", database.display()))?;
    if !settings.widget_dist.is_dir() {
        tracing::warn!(dir = %settings.widget_dist.display(), "the widget is not built yet; /widget/ answers 404 (run scripts/build-widget.sh)");
    }
    let listen = settings.listen;
    let state = AppState::new(settings, db, Arc::new(SystemClock))?;
    let listener = tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(database = %database.display(), "listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; requests in flight are finished, new connections refused.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
