" prfaq-lsp for Vim 8.2+/9: Working Backwards PR/FAQ checks in Markdown.
" Registers the server with ALE and with vim-lsp, whichever is installed.
"
" Install: copy this file to ~/.vim/plugin/ (or source it from your vimrc
" after `packadd ale`). Options (set them before this file is loaded):
"   let g:prfaq_lsp_command = 'prfaq-lsp'            " the server binary
"   let g:prfaq_lsp_settings = {'rules': {'deferred-answer': 'error'}}
"                                                   " the "prfaq" settings section
" ALE starts the server only for PR/FAQ buffers (file names *prfaq*.md,
" *pr-faq*.md, *pr_faq*.md, front matter "prfaq: true", or a title plus an FAQ
" heading); with g:ale_linters set explicitly, add 'prfaq' for markdown.
" vim-lsp attaches to all Markdown: the server reports only on PR/FAQs.
if exists('g:loaded_prfaq_lsp')
  finish
endif
let g:loaded_prfaq_lsp = 1

let g:prfaq_lsp_command = get(g:, 'prfaq_lsp_command', 'prfaq-lsp')
let g:prfaq_lsp_settings = get(g:, 'prfaq_lsp_settings', {})

function! PrfaqLspSection() abort
  return {'prfaq': g:prfaq_lsp_settings}
endfunction

" Whether buffer a:buffer is a PR/FAQ, as the server decides it.
function! PrfaqLspIsPrfaq(buffer) abort
  let l:lines = getbufline(a:buffer, 1, '$')
  if get(l:lines, 0, '') ==# '---'
    for l:line in l:lines[1:200]
      if l:line ==# '---' || l:line ==# '...'
        break
      endif
      let l:m = matchlist(l:line, '\c^prfaq\s*:\s*\(\S\+\)')
      if !empty(l:m)
        return l:m[1] =~? '^\(true\|yes\|on\)$'
      endif
    endfor
  endif
  let l:name = fnamemodify(bufname(a:buffer), ':t')
  if l:name =~? '\(prfaq\|pr-faq\|pr_faq\).*\.\(md\|markdown\)$'
    return 1
  endif
  let l:title = 0
  let l:faq = 0
  for l:line in l:lines
    if l:line =~# '^#\s'
      let l:title = 1
    endif
    if l:line =~? '^#\+\s.*\(faq\|frequently asked questions\)'
      let l:faq = 1
    endif
  endfor
  return l:title && l:faq
endfunction

" The project root for ALE: the nearest folder with .prfaq.yaml or .git, else
" the file's folder; '' (no server) for buffers that are not PR/FAQs.
function! PrfaqLspProjectRoot(buffer) abort
  if !PrfaqLspIsPrfaq(a:buffer)
    return ''
  endif
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  let l:file = findfile('.prfaq.yaml', l:dir . ';')
  if !empty(l:file)
    return fnamemodify(l:file, ':p:h')
  endif
  let l:git = finddir('.git', l:dir . ';')
  if !empty(l:git)
    return fnamemodify(l:git, ':p:h:h')
  endif
  return l:dir
endfunction

function! s:RegisterAle() abort
  if exists('s:ale_done') || empty(globpath(&runtimepath, 'autoload/ale/linter.vim'))
    return
  endif
  let s:ale_done = 1
  call ale#linter#Define('markdown', {
  \   'name': 'prfaq',
  \   'lsp': 'stdio',
  \   'executable': {b -> g:prfaq_lsp_command},
  \   'command': '%e',
  \   'project_root': function('PrfaqLspProjectRoot'),
  \   'initialization_options': {b -> PrfaqLspSection()},
  \   'lsp_config': {b -> PrfaqLspSection()},
  \})
endfunction

function! s:RegisterVimLsp() abort
  if exists('s:vimlsp_done') || !exists('*lsp#register_server')
    return
  endif
  let s:vimlsp_done = 1
  call lsp#register_server({
  \   'name': 'prfaq-lsp',
  \   'cmd': {server_info -> [g:prfaq_lsp_command]},
  \   'allowlist': ['markdown'],
  \   'initialization_options': PrfaqLspSection(),
  \   'workspace_config': PrfaqLspSection(),
  \})
endfunction

call s:RegisterAle()
augroup prfaq_lsp
  autocmd!
  " Plugins loaded after this file (or lazily) get registered later.
  autocmd VimEnter * call s:RegisterAle()
  autocmd User lsp_setup call s:RegisterVimLsp()
augroup END
if exists('*lsp#register_server')
  call s:RegisterVimLsp()
endif
