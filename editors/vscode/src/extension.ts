// VS Code client for prfaq-lsp: starts the server for Markdown files (the
// server decides which ones are PR/FAQs), sends the "prfaq" settings section
// as initializationOptions and answers workspace/configuration from it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

const SECTION = 'prfaq';
const EXE = process.platform === 'win32' ? 'prfaq-lsp.exe' : 'prfaq-lsp';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

// The settings keys the server reads (diagnostics/config.go), without the
// editor-only ones (server.path, trace.server).
const SERVER_KEYS = ['rules', 'files', 'sections', 'allow', 'jargon', 'wordsPerPage', 'stage', 'rulesUrl', 'maxFindings', 'checkOn'];

/** The "prfaq" section as the server wants it: only keys with a value. */
export function serverSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const v = cfg.get(key);
    if (v !== undefined && v !== null) {
      out[key] = v;
    }
  }
  return out;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The vsce targets this machine can run, most specific first. */
function targets(): string[] {
  const arch = process.arch;
  const platform = process.platform;
  const list = [`${platform}-${arch}`];
  if (platform === 'linux') {
    list.push(`alpine-${arch}`); // a static binary runs on either libc
  }
  return list;
}

/**
 * Binary lookup: the prfaq.server.path setting, then the binary bundled in
 * the VSIX (bin/<target>/prfaq-lsp), then prfaq-lsp on PATH.
 */
export function findServer(context: vscode.ExtensionContext): { path: string; from: string } | undefined {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '').trim();
  if (configured) {
    let p = expandHome(configured);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!path.isAbsolute(p) && folder) {
      p = path.join(folder.uri.fsPath, p);
    }
    return { path: p, from: 'the prfaq.server.path setting' };
  }
  for (const t of targets()) {
    const bundled = context.asAbsolutePath(path.join('bin', t, EXE));
    if (isExecutable(bundled)) {
      return { path: bundled, from: `the extension (bin/${t})` };
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) {
      return { path: candidate, from: 'PATH' };
    }
  }
  return undefined;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const server = findServer(context);
  if (!server) {
    const choice = await vscode.window.showErrorMessage(
      'PR/FAQ: prfaq-lsp was not found. Install it on PATH or set prfaq.server.path.',
      'Open settings',
    );
    if (choice === 'Open settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'prfaq.server.path');
    }
    return;
  }
  output?.appendLine(`Starting ${server.path} (from ${server.from})`);
  const serverOptions: ServerOptions = {
    run: { command: server.path, transport: TransportKind.stdio },
    debug: { command: server.path, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: { [SECTION]: serverSettings() },
    // Sends workspace/didChangeConfiguration on changes and answers
    // workspace/configuration for the "prfaq" section.
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.prfaq.yaml'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('prfaq', 'PR/FAQ', serverOptions, clientOptions);
  await client.start();
}

/** The whole PR/FAQ skeleton as a snippet (the same parts as `prfaq new`). */
export function documentSnippet(title: string): string {
  const esc = (s: string) => s.replace(/[$}\\]/g, (c) => '\\' + c);
  return [
    title ? `# ${esc(title)}` : '# ${1:Product} lets ${2:customers} ${3:do what, with what measurable benefit}',
    '',
    '*${4:One sentence: who it is for and what they get}*',
    '',
    '${5:CITY} — ${6:Month Day, Year} — ${7:Company} today announced ${8:product}, which lets ${9:customers} ${10:benefit}.',
    '',
    '## The problem',
    '',
    "${11:Who has the problem, how often, and what it costs them today.}",
    '',
    '## The solution',
    '',
    "${12:How the product solves the problem, in the customer's words.}",
    '',
    '“${13:Why we built this and what changes for customers},” said ${14:Name}, ${15:CEO} of ${16:Company}.',
    '',
    '“${17:The difference it made, in numbers},” said ${18:Name}, a ${19:customer} at ${20:Customer company}.',
    '',
    '## How to get started',
    '',
    '${21:Where and how to get it, and what it costs}: ${22:https://example.com}.',
    '',
    '## FAQ',
    '',
    '### External FAQ',
    '',
    '#### ${23:What will customers ask?}',
    '',
    '${24:A direct answer.}',
    '',
    '### Internal FAQ',
    '',
    '#### ${25:What will stakeholders ask?}',
    '',
    '${26:A direct answer.}',
    '',
  ].join('\n');
}

async function newDocument(): Promise<void> {
  const title = await vscode.window.showInputBox({
    title: 'PR/FAQ: New document',
    prompt: 'Headline (leave empty to fill it in later)',
    placeHolder: 'Acme Ledger lets shops send invoices in one click',
  });
  if (title === undefined) {
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  let doc: vscode.TextDocument;
  if (folder && folder.uri.scheme === 'file') {
    const slug =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'launch';
    let file = path.join(folder.uri.fsPath, `${slug}.prfaq.md`);
    for (let n = 2; fs.existsSync(file); n++) {
      file = path.join(folder.uri.fsPath, `${slug}-${n}.prfaq.md`);
    }
    fs.writeFileSync(file, '');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  } else {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  }
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(documentSnippet(title.trim())));
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  if (client) {
    output?.appendLine('Restarting the server');
    const old = client;
    client = undefined;
    try {
      await old.stop(5000);
    } catch (e) {
      output?.appendLine(`stop: ${e}`);
    }
  }
  await startClient(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('PR/FAQ', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('prfaq.newDocument', newDocument),
    vscode.commands.registerCommand('prfaq.restartServer', () => restartServer(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('prfaq.server.path')) {
        void restartServer(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
