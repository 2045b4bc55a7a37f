-- prfaq-lsp for Neovim 0.7 to 0.10: starts the server for PR/FAQ buffers
-- only (one client per project root) and attaches them to it.
--
-- Options come from vim.g.prfaq (all optional):
--   vim.g.prfaq = {
--     cmd = { 'prfaq-lsp' },                  -- the server command
--     settings = { rules = { ['deferred-answer'] = 'error' } },  -- the prfaq section
--     files = { 'docs/**/*.md' },             -- extra PR/FAQ globs (also sent to the server)
--   }
-- Neovim 0.11+ users can instead use lsp/prfaq.lua with vim.lsp.enable('prfaq').
local M = {}

-- project root -> client id
M.clients = {}

local name_pattern = { 'prfaq[^/\\]*%.md$', 'pr%-faq[^/\\]*%.md$', 'pr_faq[^/\\]*%.md$', 'prfaq[^/\\]*%.markdown$', 'pr%-faq[^/\\]*%.markdown$', 'pr_faq[^/\\]*%.markdown$' }

local function options()
  local o = vim.g.prfaq
  if type(o) ~= 'table' then
    o = {}
  end
  return o
end

-- The prfaq settings section, from vim.g.prfaq.settings (plus files).
function M.section()
  local o = options()
  local s = vim.deepcopy(o.settings or {})
  if o.files and s.files == nil then
    s.files = o.files
  end
  return s
end

-- Front matter "prfaq: true|false", or nil when absent.
local function front_matter(lines)
  if lines[1] ~= '---' then
    return nil
  end
  for i = 2, math.min(#lines, 200) do
    local l = lines[i]
    if l == '---' or l == '...' then
      return nil
    end
    local v = l:match('^prfaq%s*:%s*(%S+)')
    if v then
      v = v:lower()
      if v == 'true' or v == 'yes' or v == 'on' then
        return true
      elseif v == 'false' or v == 'no' or v == 'off' then
        return false
      end
    end
  end
  return nil
end

local function glob_match(glob, path)
  local ok, pat = pcall(vim.fn.glob2regpat, glob)
  if not ok then
    return false
  end
  if not glob:find('/') then
    path = vim.fn.fnamemodify(path, ':t')
  else
    pat = pat:gsub('^%^', '\\(^\\|/\\)')
  end
  return vim.fn.match(path, pat) >= 0
end

-- Whether buffer bufnr is a PR/FAQ, as the server decides it: front matter
-- first, then the file name, then the configured globs, then the content (a
-- title heading plus an FAQ heading). The server has the last word: it gives
-- no findings for a document that is not a PR/FAQ.
function M.is_prfaq(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local fm = front_matter(lines)
  if fm ~= nil then
    return fm
  end
  local path = vim.api.nvim_buf_get_name(bufnr)
  local base = vim.fn.fnamemodify(path, ':t'):lower()
  for _, p in ipairs(name_pattern) do
    if base:match(p) then
      return true
    end
  end
  for _, g in ipairs(M.section().files or {}) do
    if glob_match(g, path) then
      return true
    end
  end
  local title, faq = false, false
  for _, l in ipairs(lines) do
    if l:match('^#%s') then
      title = true
    end
    local h = l:match('^#+%s+(.*)$')
    if h then
      local hl = h:lower()
      if hl:match('faq') or hl:match('frequently asked questions') then
        faq = true
      end
    end
  end
  return title and faq
end

-- The project root of buffer bufnr: the nearest folder up with .prfaq.yaml
-- or .git, else the file's folder.
function M.root(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs({ '.prfaq.yaml', '.git' }) do
    local f = vim.fn.findfile(marker, dir .. ';')
    if f ~= '' then
      return vim.fn.fnamemodify(f, ':p:h')
    end
    local d = vim.fn.finddir(marker, dir .. ';')
    if d ~= '' then
      return vim.fn.fnamemodify(d, ':p:h:h')
    end
  end
  return dir
end

-- Start (or reuse) the client for bufnr's root and attach the buffer. Returns
-- the client id, or nil for a buffer that is not a PR/FAQ.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' or vim.api.nvim_buf_get_name(bufnr) == '' then
    return nil
  end
  if not M.is_prfaq(bufnr) then
    return nil
  end
  local root = M.root(bufnr)
  local id = M.clients[root]
  if id == nil then
    local o = options()
    local section = M.section()
    id = vim.lsp.start_client({
      name = 'prfaq',
      cmd = o.cmd or { 'prfaq-lsp' },
      root_dir = root,
      settings = { prfaq = section },
      init_options = { prfaq = section },
      on_exit = function()
        if M.clients[root] == id then
          M.clients[root] = nil
        end
      end,
    })
    if id == nil then
      return nil
    end
    M.clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- Stop every client this module started.
function M.stop()
  for root, id in pairs(M.clients) do
    local c = vim.lsp.get_client_by_id(id)
    if c then
      c.stop()
    end
    M.clients[root] = nil
  end
end

-- Restart: stop, then attach every loaded PR/FAQ buffer again.
function M.restart()
  M.stop()
  vim.defer_fn(function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].filetype == 'markdown' then
        M.attach(b)
      end
    end
  end, 500)
end

-- setup({cmd=..., settings=..., files=...}) merges into vim.g.prfaq; optional.
function M.setup(opts)
  vim.g.prfaq = vim.tbl_deep_extend('force', options(), opts or {})
end

return M
