-- prfaq-lsp: attach PR/FAQ Markdown buffers to the server on Neovim 0.7 to
-- 0.10. On 0.11+ use lsp/prfaq.lua with vim.lsp.enable('prfaq') instead
-- (set vim.g.prfaq = { legacy = true } to keep this path there).
if vim.g.loaded_prfaq then
  return
end
vim.g.loaded_prfaq = true

if vim.fn.has('nvim-0.11') == 1 and not (type(vim.g.prfaq) == 'table' and vim.g.prfaq.legacy) then
  return
end

local group = vim.api.nvim_create_augroup('prfaq_lsp', { clear = true })
vim.api.nvim_create_autocmd({ 'FileType' }, {
  group = group,
  pattern = 'markdown',
  callback = function(args)
    require('prfaq').attach(args.buf)
  end,
})
-- A Markdown file can become a PR/FAQ while it is written.
vim.api.nvim_create_autocmd({ 'BufWritePost' }, {
  group = group,
  callback = function(args)
    if vim.bo[args.buf].filetype == 'markdown' then
      require('prfaq').attach(args.buf)
    end
  end,
})
vim.api.nvim_create_user_command('PrfaqRestart', function()
  require('prfaq').restart()
end, { desc = 'Restart prfaq-lsp' })
