//! `galaxie admin …`: the accounts of the web administration (`/admin`). The first
//! administrator can only be made here; the others are made in `/admin/comptes` too.
//! Passwords are asked twice on the terminal (never echoed), or read from standard input with
//! `--password-stdin` (scripts, containers), and stored as argon2id hashes.

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use std::io::BufRead;

/// `admin …`
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an account that signs in at /admin: an instance administrator, or with
    /// --editor-of the editor of some places only.
    ///
    /// The password (at least 12 characters) is asked twice, or read from the first line of
    /// standard input with --password-stdin:
    ///
    ///   printf '%s\n' "$PASSWORD" | galaxie admin create camille@lieu.example --password-stdin
    Create {
        /// The e-mail address used to sign in.
        email: String,
        /// Read the password from standard input instead of asking for it.
        #[arg(long)]
        password_stdin: bool,
        /// Make an editor of these places (usernames, comma-separated) instead of an
        /// instance administrator.
        #[arg(long, value_delimiter = ',')]
        editor_of: Vec<String>,
    },
    /// Set a new password for an account (its sessions end).
    Password {
        /// The account's e-mail address.
        email: String,
        /// Read the password from standard input instead of asking for it.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
}

fn read_password(from_stdin: bool) -> Result<String, CliError> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            CliError::Invalid(format!("cannot read the password from standard input: {e}"))
        })?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    let first = rpassword::prompt_password("Mot de passe / Password: ").map_err(|e| {
        CliError::Invalid(format!(
            "cannot ask for a password ({e}); use --password-stdin when there is no terminal"
        ))
    })?;
    let second = rpassword::prompt_password("Encore une fois / Again: ")
        .map_err(|e| CliError::Invalid(format!("cannot ask for a password: {e}")))?;
    if first != second {
        return Err(CliError::Invalid(
            "the two passwords differ: nothing was changed".into(),
        ));
    }
    Ok(first)
}

async fn hash(password: &str) -> Result<String, CliError> {
    galaxie_site::auth::hash_password(password)
        .await
        .map_err(|e| CliError::Invalid(e.to_string()))
}

/// Creates an account with `password`: an administrator, or the editor of `editor_of`.
pub async fn create_account(
    app: &App,
    email: &str,
    password: &str,
    editor_of: &[String],
) -> Result<galaxie_db::entities::accounts::Model, CliError> {
    let email = galaxie_domain::identity::parse_email(email)
        .map_err(|e| CliError::Invalid(format!("invalid input: email: {e}")))?;
    let conn = app.db.conn();
    let mut places = Vec::new();
    for username in editor_of {
        let place = galaxie_db::places::by_username(conn, username)
            .await?
            .ok_or_else(|| CliError::Invalid(format!("place {username} not found")))?;
        places.push(place.id);
    }
    let hash = hash(password).await?;
    let account = galaxie_db::accounts::create(conn, &email, &hash, places.is_empty()).await?;
    for id in places {
        galaxie_db::accounts::grant_place(conn, account.id, id).await?;
    }
    Ok(account)
}

/// Runs `galaxie admin …`.
pub async fn run_admin(app: &App, command: AdminCommand) -> Result<(), CliError> {
    match command {
        AdminCommand::Create {
            email,
            password_stdin,
            editor_of,
        } => {
            let password = read_password(password_stdin)?;
            let account = create_account(app, &email, &password, &editor_of).await?;
            let role = if account.is_admin { "admin" } else { "editor" };
            println!(
                "created\t{}\t{role}\t{}admin/connexion",
                account.email, app.config.instance.public_url
            );
        }
        AdminCommand::Password {
            email,
            password_stdin,
        } => {
            let conn = app.db.conn();
            let account = galaxie_db::accounts::by_email(conn, &email)
                .await?
                .ok_or_else(|| CliError::Invalid(format!("no account has the e-mail {email}")))?;
            let password = read_password(password_stdin)?;
            let hash = hash(&password).await?;
            galaxie_db::accounts::set_password(conn, account, &hash).await?;
            println!("password changed\t{email}");
        }
        AdminCommand::List => {
            for a in galaxie_db::accounts::list(app.db.conn()).await? {
                println!(
                    "{}\t{}",
                    a.email,
                    if a.is_admin { "admin" } else { "editor" }
                );
            }
        }
    }
    Ok(())
}
