-- Headless Neovim test of editors/neovim (run by editors/neovim/test/run.sh):
--   nvim --headless -u editors/neovim/test/init.lua
-- Env: PRFAQ_LSP (server binary), PRFAQ_WS (workspace with the fixtures),
-- PRFAQ_TESTDATA (editors/testdata). Exits 0 when every check passed,
-- 1 (cquit) on the first failure.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local plugin_dir = vim.fn.fnamemodify(here, ':h')
vim.opt.runtimepath:prepend(plugin_dir)
vim.opt.swapfile = false
vim.opt.shortmess:append('F')

local server = assert(os.getenv('PRFAQ_LSP'), 'PRFAQ_LSP not set')
local ws = assert(os.getenv('PRFAQ_WS'), 'PRFAQ_WS not set')
local testdata = assert(os.getenv('PRFAQ_TESTDATA'), 'PRFAQ_TESTDATA not set')
-- deferred-answer is a warning by default: the settings make it an error.
vim.g.prfaq = { cmd = { server }, settings = { wordsPerPage = 500, rules = { ['deferred-answer'] = 'error' } } }

local checks = 0
local function out(msg)
  io.stdout:write(msg .. '\n')
end
local function fail(msg)
  out('FAIL ' .. msg)
  vim.cmd('cquit 1')
end
local function ok(cond, msg)
  if not cond then
    fail(msg)
    error('stop')
  end
  checks = checks + 1
  out('ok   ' .. msg)
end

local function read_list(file)
  local items = {}
  for l in io.lines(file) do
    if l ~= '' and not l:match('^#') then
      table.insert(items, l)
    end
  end
  return items
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function clients_of(bufnr)
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

local function run()
  -- The plugin is loaded from the runtimepath, not sourced by hand.
  ok(vim.g.loaded_prfaq == true, 'plugin/prfaq.lua loaded from runtimepath (Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) .. ')')

  -- 1. The PR/FAQ gets a client and diagnostics at the fixture's lines.
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/launch.prfaq.md'))
  local buf = vim.api.nvim_get_current_buf()
  ok(vim.bo[buf].filetype == 'markdown', 'launch.prfaq.md has filetype markdown')
  ok(vim.wait(10000, function()
    local cs = clients_of(buf)
    return #cs == 1 and cs[1].initialized
  end, 50), 'launch.prfaq.md: one prfaq client attached and initialized')
  local client = clients_of(buf)[1]
  ok(client.name == 'prfaq', 'client is named prfaq')
  ok(vim.deep_equal(client.config.init_options, { prfaq = vim.g.prfaq.settings }), 'initializationOptions are {prfaq = vim.g.prfaq.settings}')
  local answer = vim.lsp.handlers['workspace/configuration'](nil, { items = { { section = 'prfaq' } } }, { client_id = client.id })
  ok(vim.deep_equal(answer, { vim.g.prfaq.settings }), 'workspace/configuration for section prfaq answers vim.g.prfaq.settings')
  ok(client.config.root_dir == ws, 'client root_dir is the workspace (' .. tostring(client.config.root_dir) .. ')')

  local want = read_list(testdata .. '/launch.prfaq.expected')
  local function have_all()
    local diags = vim.diagnostic.get(buf)
    for _, w in ipairs(want) do
      local line, code = w:match('^(%d+)%s+(%S+)')
      local found = false
      for _, d in ipairs(diags) do
        if d.lnum + 1 == tonumber(line) and code_of(d) == code then
          found = true
        end
      end
      if not found then
        return false
      end
    end
    return true
  end
  local got = vim.wait(15000, have_all, 100)
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    return a.lnum < b.lnum
  end)
  for _, d in ipairs(diags) do
    out(string.format('     diagnostic %d:%d %s [%s] %s', d.lnum + 1, d.col + 1, tostring(code_of(d)), tostring(d.source), d.message))
  end
  for _, w in ipairs(want) do
    ok(got, 'diagnostic at line ' .. w:gsub('%s+', ' code '))
  end
  local severe = false
  for _, d in ipairs(diags) do
    severe = severe or (code_of(d) == 'deferred-answer' and d.severity == vim.diagnostic.severity.ERROR)
  end
  ok(severe, 'deferred-answer is an error, as vim.g.prfaq.settings.rules says')
  local sources = true
  for _, d in ipairs(diags) do
    sources = sources and d.source == 'prfaq'
  end
  ok(#diags > 0 and sources, 'every diagnostic has source "prfaq"')

  -- 2. A working outline: the documentSymbol request, and :lua vim.lsp.buf.document_symbol() filling the location list.
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 10000)
  ok(res ~= nil, 'documentSymbol answered')
  local names = {}
  local function walk(syms, depth)
    for _, s in ipairs(syms or {}) do
      table.insert(names, s.name)
      out(string.format('     outline %s%s (line %d)', string.rep('  ', depth), s.name, ((s.range or s.location.range).start.line) + 1))
      walk(s.children, depth + 1)
    end
  end
  for _, r in pairs(res) do
    ok(r.err == nil, 'documentSymbol without error')
    walk(r.result, 0)
  end
  for _, w in ipairs(read_list(testdata .. '/launch.prfaq.outline')) do
    local found = false
    for _, n in ipairs(names) do
      if n:find(w, 1, true) then
        found = true
      end
    end
    ok(found, 'outline has "' .. w .. '"')
  end
  -- Neovim 0.7's handler fills the quickfix list (0.10+: the location list).
  vim.fn.setqflist({})
  vim.fn.setloclist(0, {})
  vim.lsp.buf.document_symbol()
  local function entries()
    return math.max(#vim.fn.getqflist(), #vim.fn.getloclist(0))
  end
  local filled = vim.wait(5000, function()
    return entries() > 0
  end, 50)
  ok(filled, 'vim.lsp.buf.document_symbol() filled the symbol list (' .. entries() .. ' entries)')
  vim.cmd('cclose | lclose')
  vim.cmd('buffer ' .. buf)

  -- 3. One client per root: a second PR/FAQ in the same folder reuses it.
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/second-pr-faq.md'))
  local buf2 = vim.api.nvim_get_current_buf()
  ok(vim.wait(5000, function()
    return #clients_of(buf2) == 1
  end, 50), 'second-pr-faq.md attached')
  ok(clients_of(buf2)[1].id == client.id, 'second PR/FAQ in the same root shares the client (one client per root)')
  ok(#vim.lsp.get_active_clients() == 1, 'exactly one prfaq client running')

  -- 4. README.md: no client, no diagnostics.
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/README.md'))
  local readme = vim.api.nvim_get_current_buf()
  ok(vim.bo[readme].filetype == 'markdown', 'README.md has filetype markdown')
  vim.wait(1500, function()
    return false
  end, 100)
  ok(#clients_of(readme) == 0, 'README.md gets no client')
  ok(#vim.diagnostic.get(readme) == 0, 'README.md has no diagnostics')

  -- 5. lsp/prfaq.lua (the Neovim 0.11+ config): root_dir gates on PR/FAQ buffers.
  local cfg = dofile(plugin_dir .. '/lsp/prfaq.lua')
  ok(type(cfg.cmd) == 'table' and cfg.cmd[1] == 'prfaq-lsp', 'lsp/prfaq.lua: cmd is prfaq-lsp')
  ok(vim.deep_equal(cfg.filetypes, { 'markdown' }), 'lsp/prfaq.lua: filetypes markdown')
  ok(cfg.settings.prfaq ~= nil, 'lsp/prfaq.lua: settings carry the prfaq section')
  local function gate(b)
    local got_dir
    cfg.root_dir(b, function(d)
      got_dir = d
    end)
    return got_dir
  end
  ok(gate(buf) == ws, 'lsp/prfaq.lua: root_dir calls on_dir(workspace) for launch.prfaq.md')
  ok(gate(readme) == nil, 'lsp/prfaq.lua: root_dir does not call on_dir for README.md')
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/notes/strategy.md'))
  ok(gate(vim.api.nvim_get_current_buf()) == ws, 'lsp/prfaq.lua: root_dir accepts a PR/FAQ by front matter (notes/strategy.md)')
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/notes/optout-prfaq.md'))
  ok(gate(vim.api.nvim_get_current_buf()) == nil, 'lsp/prfaq.lua: root_dir honours front matter prfaq: false')
  -- The same gate when lsp/prfaq.lua is copied alone (no lua/prfaq module).
  local saved = package.loaded.prfaq
  package.loaded.prfaq = nil
  package.preload.prfaq = function()
    error('not installed')
  end
  ok(gate(buf) == ws and gate(readme) == nil, 'lsp/prfaq.lua standalone: root_dir gates launch.prfaq.md in, README.md out')
  package.preload.prfaq = nil
  package.loaded.prfaq = saved

  -- 6. Stop cleanly.
  require('prfaq').stop()
  ok(vim.wait(5000, function()
    return #vim.lsp.get_active_clients() == 0
  end, 50), 'client stopped')
  out(string.format('neovim: %d checks passed', checks))
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.schedule(function()
      local okk, err = pcall(run)
      if not okk then
        if err ~= nil and not tostring(err):match('stop') then
          out('FAIL error: ' .. tostring(err))
        end
        vim.cmd('cquit 1')
      end
    end)
  end,
})
