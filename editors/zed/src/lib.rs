//! Zed extension for prfaq-lsp: starts `prfaq-lsp` from PATH (or the
//! `lsp.prfaq-lsp.binary.path` setting) for Markdown, and passes the user's
//! `lsp.prfaq-lsp.settings` as the `prfaq` settings section.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "prfaq-lsp";
const SECTION: &str = "prfaq";

struct PrfaqExtension;

impl PrfaqExtension {
    /// The `prfaq` section: the user's `lsp.prfaq-lsp.settings`, wrapped as
    /// `{"prfaq": {...}}` unless it already is.
    fn section(worktree: &zed::Worktree) -> serde_json::Value {
        let settings = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        if settings.get(SECTION).is_some() {
            settings
        } else {
            serde_json::json!({ SECTION: settings })
        }
    }
}

impl zed::Extension for PrfaqExtension {
    fn new() -> Self {
        PrfaqExtension
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.binary);
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_default();
        let command = binary
            .and_then(|b| b.path)
            .or_else(|| worktree.which(SERVER))
            .ok_or_else(|| {
                format!("{SERVER} not found: install it on PATH or set lsp.{SERVER}.binary.path")
            })?;
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(Some(Self::section(worktree)))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(Some(Self::section(worktree)))
    }
}

zed::register_extension!(PrfaqExtension);
