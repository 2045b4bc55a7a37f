// Drives VS Code (code-server) in Debian's headless Chromium with
// playwright-core: opens the PR/FAQ, reads the Problems panel and the
// Outline, runs the extension's commands, and saves screenshots.
//   node test.mjs URL WORKSPACE TESTDATA SHOTS_DIR LOG_DIR
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [url, ws, testdata, shots, logDir] = process.argv.slice(2);
const T = Number(process.env.PRFAQ_E2E_TIMEOUT_MS ?? 90000);
let checks = 0;
const ok = (cond, msg) => {
  if (!cond) throw new Error(`FAIL ${msg}`);
  checks++;
  console.log(`ok   ${msg}`);
};
const list = (f) =>
  readFileSync(join(testdata, f), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
const expected = list('launch.prfaq.expected').map((l) => {
  const [line, code] = l.split(/\s+/);
  return { line: Number(line), code };
});
const outline = list('launch.prfaq.outline');

function grepLogs(dir, re) {
  const hits = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.size < 5e6) for (const l of readFileSync(p, 'utf8').split('\n')) if (re.test(l)) hits.push(l);
    }
  };
  walk(dir);
  return hits;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.setDefaultTimeout(T);

async function command(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
}

try {
  const start = Date.now();
  await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor();
  const explorerRow = page.locator('.explorer-folders-view .monaco-list-row[aria-label="launch.prfaq.md"]');
  await explorerRow.waitFor();
  ok(true, `VS Code workbench loaded with the workspace (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  const about = await page.evaluate(() => document.title);
  console.log(`     window title: ${about}`);

  // 1. Open the PR/FAQ; the extension activates onLanguage:markdown.
  await explorerRow.click();
  await page.locator('.tabs-container .tab[aria-label*="launch.prfaq.md"]').first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  ok(true, 'launch.prfaq.md opened in an editor');

  // 2. The Problems panel lists the findings at the fixture's lines.
  await command('View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  const rows = panel.locator('.monaco-list-row');
  const readRows = async () => (await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} | ${e.textContent ?? ''}`)));
  let labels = [];
  const want = (w) => (l) => l.includes(w.code) && new RegExp(`\\b(line|Ln) ${w.line}\\b`, 'i').test(l);
  const deadline = Date.now() + T;
  while (Date.now() < deadline) {
    labels = await readRows();
    if (expected.every((w) => labels.some(want(w)))) break;
    await page.waitForTimeout(500);
  }
  for (const l of labels) console.log(`     problems: ${l.replace(/\s+/g, ' ').slice(0, 160)}`);
  for (const w of expected) ok(labels.some(want(w)), `Problems panel: ${w.code} at line ${w.line}`);
  ok(labels.some((l) => /^Error: Deferred answer/.test(l)), 'Problems panel: deferred-answer is an Error, as the prfaq.rules setting says');
  ok(labels.filter((l) => /missing-section|deferred-answer|faq-/.test(l)).every((l) => /prfaq/.test(l)), 'Problems panel: findings carry source prfaq');
  // The findings came by pull: VS Code 1.100 offers pull diagnostics, so
  // the server never pushes to it; it logs so, and when the first
  // textDocument/diagnostic comes.
  const pullLog = () => grepLogs(logDir, /diagnostics: (the client pulls them|first pull, for )/);
  const dp = Date.now() + T;
  while (Date.now() < dp && !(pullLog().some((l) => /pulls them/.test(l)) && pullLog().some((l) => /first pull, for .*launch\.prfaq\.md/.test(l)))) await page.waitForTimeout(300);
  for (const l of pullLog()) console.log(`     log: ${l.trim()}`);
  ok(pullLog().some((l) => /pulls them/.test(l)) && pullLog().some((l) => /first pull, for .*launch\.prfaq\.md/.test(l)), 'the findings came by pull: the server logged that VS Code pulls them (textDocument/diagnostic, nothing pushed) and its first pull, of launch.prfaq.md');
  const counts = await page.locator('.statusbar-item[id="status.problems"]').first().textContent().catch(() => '');
  console.log(`     status bar problems: ${counts?.replace(/\s+/g, ' ').trim()}`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shots, 'vscode-problems.png') });
  ok(true, `screenshot ${join(shots, 'vscode-problems.png')}`);

  // 3. The Outline view shows the press release parts and the questions.
  await command('View: Hide Panel');
  await command('Explorer: Focus on Outline View');
  // Give the Outline the side bar: collapse the folder section above it.
  const folders = page.locator('.explorer-viewlet .pane-header', { hasText: 'WS' }).first();
  if ((await folders.getAttribute('aria-expanded').catch(() => null)) === 'true') await folders.click();
  const outlineRows = page.locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row');
  let names = [];
  const d2 = Date.now() + T;
  while (Date.now() < d2) {
    names = await outlineRows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent || ''));
    if (outline.every((w) => names.some((n) => n.includes(w)))) break;
    await page.waitForTimeout(500);
  }
  for (const n of names) console.log(`     outline: ${n}`);
  for (const w of outline) ok(names.some((n) => n.includes(w)), `Outline view has "${w}"`);
  await page.screenshot({ path: join(shots, 'vscode-outline.png') });
  ok(true, `screenshot ${join(shots, 'vscode-outline.png')}`);

  // 4. The server came from the VSIX (PATH has no prfaq-lsp here).
  const started = grepLogs(logDir, /Starting .*prfaq-lsp/);
  for (const l of started) console.log(`     log: ${l.trim()}`);
  ok(started.some((l) => /bin\/linux-x64\/prfaq-lsp.*from the extension/.test(l)), 'the extension started its bundled bin/linux-x64/prfaq-lsp');

  // 5. PR/FAQ: Restart server, then the findings come back.
  await command('PR/FAQ: Restart server');
  const d3 = Date.now() + T;
  let restarted = [];
  while (Date.now() < d3) {
    restarted = grepLogs(logDir, /Starting .*prfaq-lsp/);
    if (restarted.length > started.length) break;
    await page.waitForTimeout(500);
  }
  ok(restarted.length > started.length, '"PR/FAQ: Restart server" started the server again');
  await command('View: Focus Problems');
  await rows.first().waitFor();
  const d4 = Date.now() + T;
  while (Date.now() < d4) {
    labels = await readRows();
    if (expected.every((w) => labels.some(want(w)))) break;
    await page.waitForTimeout(500);
  }
  ok(expected.every((w) => labels.some(want(w))), 'after the restart the Problems panel has the findings again');

  // 6. README.md is Markdown too (the server runs for it) but gets no findings.
  await page.keyboard.press('Control+P');
  const qi = page.locator('.quick-input-widget input');
  await qi.waitFor({ state: 'visible' });
  await qi.fill('README.md');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'README.md' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab[aria-label*="README.md"]').first().waitFor();
  await page.waitForTimeout(2000);
  await command('View: Focus Problems');
  labels = await readRows();
  ok(labels.some((l) => l.includes('launch.prfaq.md')) && !labels.some((l) => l.includes('README.md')), 'README.md open: the Problems panel lists launch.prfaq.md only');

  // 7. Completion: typing "#" at the end of the FAQ suggests an FAQ entry.
  await page.locator('.tabs-container .tab[aria-label*="launch.prfaq.md"]').first().click();
  await page.locator('.tabs-container .tab.active[aria-label*="launch.prfaq.md"]').first().waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.locator('.monaco-editor.focused').first().waitFor();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('#');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'FAQ entry' }).first();
  await suggestion.waitFor({ state: 'visible' });
  const offered = await page.locator('.suggest-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
  console.log(`     suggestions: ${offered.join(' | ').slice(0, 200)}`);
  await page.screenshot({ path: join(shots, 'vscode-completion.png') });
  ok(true, 'typing # at the end of the FAQ suggests "FAQ entry" (screenshot vscode-completion.png)');
  await page.keyboard.press('Escape');

  // 8. PR/FAQ: New document makes a new PR/FAQ file from the skeleton.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>PR/FAQ: New document');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'PR/FAQ: New document' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.keyboard.type('Ledger for food trucks');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab[aria-label*="ledger-for-food-trucks.prfaq.md"]').first().waitFor();
  await page.waitForFunction(() => /How.to.get.started/.test(document.querySelector('.monaco-editor.focused .view-lines')?.textContent ?? ''), null, { timeout: T });
  ok(true, '"PR/FAQ: New document" opened ledger-for-food-trucks.prfaq.md with the skeleton');

  // 9. "Allow" through the quick fix menu: the server answers with a
  // WorkspaceEdit that creates .prfaq.yaml at the workspace folder (no
  // client-side command); once it is on disk the finding goes away.
  await page.locator('.tabs-container .tab[aria-label*="launch.prfaq.md"]').first().click();
  await page.locator('.tabs-container .tab.active[aria-label*="launch.prfaq.md"]').first().waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.locator('.monaco-editor.focused').first().waitFor();
  const gotoLine = async (n) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(String(n));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
  };
  // Line 5 wraps, so End would stop mid-line: type at its start.
  await gotoLine(5);
  await page.keyboard.type('It is seamless. ');
  await command('View: Focus Problems');
  const jargonRow = (l) => l.includes('jargon') && l.includes('seamless');
  const d5 = Date.now() + T;
  while (Date.now() < d5 && !(await readRows()).some(jargonRow)) await page.waitForTimeout(300);
  ok((await readRows()).some(jargonRow), 'typing "seamless" in the press release brings a jargon finding');
  // Opening the problem puts the cursor on it; Ctrl+. shows its fixes.
  await rows.filter({ hasText: 'seamless' }).first().dblclick();
  await page.locator('.monaco-editor.focused').first().waitFor();
  await page.keyboard.press('Control+.');
  const allow = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row', { hasText: 'Allow “seamless” in this project' }).first();
  await allow.waitFor({ state: 'visible' });
  const menu = await page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent));
  console.log(`     quick fixes: ${menu.join(' | ').slice(0, 300)}`);
  await page.screenshot({ path: join(shots, 'vscode-allow.png') });
  // The menu focuses the row under the mouse; Enter applies it (a
  // click waits on the widget's pointer handling).
  await allow.hover({ force: true });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  const cfgFile = join(ws, '.prfaq.yaml');
  const onDisk = () => { try { return readFileSync(cfgFile, 'utf8'); } catch { return ''; } };
  const d6 = Date.now() + 10000;
  while (Date.now() < d6 && !onDisk().includes('seamless')) await page.waitForTimeout(300);
  let how = 'saved by VS Code (files.refactoring.autoSave)';
  if (!onDisk().includes('seamless')) {
    await command('File: Save All');
    how = 'saved with File: Save All';
    const d7 = Date.now() + T;
    while (Date.now() < d7 && !onDisk().includes('seamless')) await page.waitForTimeout(300);
  }
  console.log(`     .prfaq.yaml: ${JSON.stringify(onDisk())}`);
  ok(onDisk() === 'allow:\n  - seamless\n', `"Allow “seamless” in this project" created ${cfgFile} (${how})`);
  await command('View: Focus Problems');
  const d8 = Date.now() + T;
  while (Date.now() < d8 && (await readRows()).some(jargonRow)) await page.waitForTimeout(300);
  labels = await readRows();
  ok(!labels.some(jargonRow) && labels.some((l) => l.includes('deferred-answer')), 'after allowing it, "seamless" is no longer flagged; the other findings stay');

  // 10. "Fix all" through the quick fix menu: two jargon words with a safe
  // fix, one action (resolved by the server) that fixes both in one edit.
  await page.locator('.tabs-container .tab[aria-label*="launch.prfaq.md"]').first().click();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.locator('.monaco-editor.focused').first().waitFor();
  await gotoLine(5);
  await page.keyboard.type('We leverage the app and leverage the phone. ');
  await command('View: Focus Problems');
  const leverageRows = async () => (await readRows()).filter((l) => l.includes('jargon') && l.includes('leverage'));
  const d9 = Date.now() + T;
  while (Date.now() < d9 && (await leverageRows()).length < 2) await page.waitForTimeout(300);
  ok((await leverageRows()).length === 2, 'typing "leverage" twice brings two jargon findings');
  await rows.filter({ hasText: 'leverage' }).first().dblclick();
  await page.locator('.monaco-editor.focused').first().waitFor();
  await page.keyboard.press('Control+.');
  const fixAll = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row', { hasText: 'Fix all jargon problems in this document' }).first();
  await fixAll.waitFor({ state: 'visible' });
  const menu2 = await page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent));
  console.log(`     quick fixes: ${menu2.join(' | ').slice(0, 300)}`);
  await page.screenshot({ path: join(shots, 'vscode-fix-all.png') });
  await fixAll.hover({ force: true });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await command('View: Focus Problems');
  const d10 = Date.now() + T;
  while (Date.now() < d10 && (await leverageRows()).length > 0) await page.waitForTimeout(300);
  ok((await leverageRows()).length === 0 && (await readRows()).some((l) => l.includes('deferred-answer')), '"Fix all jargon problems in this document" fixed both; the other findings stay');
  // The editor's text (the document is not saved: the test writes nothing
  // the user did not ask for).
  await page.locator('.tabs-container .tab[aria-label*="launch.prfaq.md"]').first().click();
  const editorText = () => page.locator('.editor-group-container .monaco-editor .view-lines').first().evaluate((el) => el.textContent ?? '');
  const fixedText = (t) => t.replace(/\u00a0/g, ' ').includes('We use the app and use the phone. It is seamless.') && !t.includes('leverage');
  const d11 = Date.now() + T;
  while (Date.now() < d11 && !fixedText(await editorText())) await page.waitForTimeout(300);
  console.log(`     editor: ${JSON.stringify((await editorText()).replace(/\u00a0/g, ' ').slice(0, 160))}`);
  ok(fixedText(await editorText()), 'the editor reads "We use the app and use the phone. It is seamless." where "leverage" was typed twice');

  // 11. source.fixAll.prfaq through VS Code's own "Fix All" command.
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.locator('.monaco-editor.focused').first().waitFor();
  await gotoLine(5);
  await page.keyboard.type('We leverage it. ');
  const d12 = Date.now() + T;
  while (Date.now() < d12 && (await leverageRows()).length !== 1) await page.waitForTimeout(300);
  ok((await leverageRows()).length === 1, 'typing "leverage" again brings one jargon finding');
  await command('Fix All');
  const fixedAgain = (t) => t.replace(/\u00a0/g, ' ').includes('We use it. We use the app') && !t.includes('leverage');
  const d13 = Date.now() + T;
  while (Date.now() < d13 && !fixedAgain(await editorText())) await page.waitForTimeout(300);
  console.log(`     editor: ${JSON.stringify((await editorText()).replace(/\u00a0/g, ' ').slice(0, 160))}`);
  ok(fixedAgain(await editorText()), '"Fix All" (source.fixAll.prfaq) replaced it: the editor reads "We use it. We use the app"');
  console.log(`vscode-e2e: ${checks} checks passed`);
} catch (e) {
  console.log(String(e.message ?? e));
  await page.screenshot({ path: join(shots, 'vscode-failure.png') }).catch(() => {});
  console.log(`     failure screenshot: ${join(shots, 'vscode-failure.png')}`);
  await browser.close();
  process.exit(1);
}
await browser.close();
