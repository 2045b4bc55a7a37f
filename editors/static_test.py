#!/usr/bin/env python3
"""Parse checks for the editors CI cannot run here (Helix, Sublime, Zed, coc):
each file parses, names the prfaq-lsp binary and carries the "prfaq" settings
section. Prints one line per check; exits 1 on the first failure."""
import json
import os
import shutil
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
checks = 0


def ok(cond, what):
    global checks
    checks += 1
    if not cond:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def load_toml(rel):
    with open(os.path.join(HERE, rel), "rb") as f:
        return tomllib.load(f)


def load_json(rel):
    with open(os.path.join(HERE, rel)) as f:
        return json.load(f)


# Helix
hx = load_toml("helix/languages.toml")
srv = hx["language-server"]["prfaq-lsp"]
ok(srv["command"] == "prfaq-lsp", "helix: language-server.prfaq-lsp.command is prfaq-lsp")
ok(isinstance(srv["config"].get("prfaq"), dict), "helix: config has the prfaq section (initializationOptions + workspace/configuration)")
md = [l for l in hx["language"] if l["name"] == "markdown"]
ok(md and "prfaq-lsp" in md[0]["language-servers"], "helix: markdown language lists prfaq-lsp")

# Sublime LSP
st = load_json("sublime/LSP.sublime-settings")["clients"]["prfaq"]
ok(st["command"][0] == "prfaq-lsp", "sublime: clients.prfaq.command runs prfaq-lsp")
ok("markdown" in st["selector"], "sublime: selector is Markdown")
ok("prfaq" in st["settings"] and "prfaq" in st["initializationOptions"], "sublime: settings and initializationOptions carry the prfaq section")

# coc.nvim
coc = load_json("coc/coc-settings.json")["languageserver"]["prfaq"]
ok(coc["command"] == "prfaq-lsp", "coc: languageserver.prfaq.command is prfaq-lsp")
ok(coc["filetypes"] == ["markdown"], "coc: filetypes markdown")
ok("prfaq" in coc["settings"] and "prfaq" in coc["initializationOptions"], "coc: settings and initializationOptions carry the prfaq section")

# Zed
ext = load_toml("zed/extension.toml")
ok(ext["id"] and ext["schema_version"] == 1, "zed: extension.toml parses (id, schema_version 1)")
ok(ext["language_servers"]["prfaq-lsp"]["languages"] == ["Markdown"], "zed: language server prfaq-lsp for Markdown")
cargo = load_toml("zed/Cargo.toml")
ok(cargo["lib"]["crate-type"] == ["cdylib"] and "zed_extension_api" in cargo["dependencies"], "zed: Cargo.toml is a cdylib on zed_extension_api")
src = open(os.path.join(HERE, "zed/src/lib.rs")).read()
ok('"prfaq-lsp"' in src and '"prfaq"' in src and "register_extension!" in src, "zed: lib.rs names the binary, the prfaq section and registers the extension")
if shutil.which("rustfmt"):
    r = subprocess.run(["rustfmt", "--check", "--edition", "2021", os.path.join(HERE, "zed/src/lib.rs")], capture_output=True, text=True)
    ok(r.returncode == 0, "zed: lib.rs parses and is formatted (rustfmt --check)" + ("" if r.returncode == 0 else "\n" + r.stdout + r.stderr))
else:
    print("SKIP zed: rustfmt not installed, lib.rs not parsed")

# VS Code manifest (the extension's own tests build it)
pkg = load_json("vscode/package.json")
props = pkg["contributes"]["configuration"]["properties"]
ok("prfaq.server.path" in props, "vscode: package.json contributes prfaq.server.path")
ok("onLanguage:markdown" in pkg["activationEvents"], "vscode: activates onLanguage:markdown")

print(f"static: {checks} checks passed")
