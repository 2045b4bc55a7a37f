-- prfaq-lsp for Neovim 0.11+: put this folder on 'runtimepath' (or copy this
-- file to ~/.config/nvim/lsp/prfaq.lua) and call vim.lsp.enable('prfaq').
-- Settings go in the "prfaq" section:
--   vim.lsp.config('prfaq', { settings = { prfaq = { rules = { ['deferred-answer'] = 'error' } } } })
-- The client only attaches to PR/FAQ buffers: root_dir calls on_dir for them
-- alone (front matter "prfaq: true", a *prfaq*.md / *pr-faq*.md / *pr_faq*.md
-- name, or a title plus an FAQ heading).

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

local function is_prfaq(bufnr)
  local ok, prfaq = pcall(require, 'prfaq')
  if ok then
    return prfaq.is_prfaq(bufnr)
  end
  -- standalone copy of this file: the same test without the plugin module
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local fm = front_matter(lines)
  if fm ~= nil then
    return fm
  end
  local base = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t'):lower()
  if base:match('prfaq[^/\\]*%.md$') or base:match('pr%-faq[^/\\]*%.md$') or base:match('pr_faq[^/\\]*%.md$') then
    return true
  end
  local title, faq = false, false
  for _, l in ipairs(lines) do
    title = title or l:match('^#%s') ~= nil
    local h = l:match('^#+%s+(.*)$')
    if h and (h:lower():match('faq') or h:lower():match('frequently asked questions')) then
      faq = true
    end
  end
  return title and faq
end

local function root_of(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if vim.fs and vim.fs.root then
    return vim.fs.root(bufnr, { '.prfaq.yaml', '.git' }) or vim.fs.dirname(path)
  end
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local f = vim.fn.findfile('.prfaq.yaml', dir .. ';')
  if f ~= '' then
    return vim.fn.fnamemodify(f, ':p:h')
  end
  local d = vim.fn.finddir('.git', dir .. ';')
  if d ~= '' then
    return vim.fn.fnamemodify(d, ':p:h:h')
  end
  return dir
end

return {
  cmd = { 'prfaq-lsp' },
  filetypes = { 'markdown' },
  root_markers = { '.prfaq.yaml', '.git' },
  root_dir = function(bufnr, on_dir)
    if vim.api.nvim_buf_get_name(bufnr) == '' or not is_prfaq(bufnr) then
      return
    end
    on_dir(root_of(bufnr))
  end,
  init_options = { prfaq = {} },
  settings = { prfaq = {} },
}
