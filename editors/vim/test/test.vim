" Vim 9 + ALE test of editors/vim/prfaq-lsp.vim (run by run.sh):
"   vim -N -u NONE -i NONE -es -S test.vim
" Env: PRFAQ_LSP, PRFAQ_WS, PRFAQ_TESTDATA, PRFAQ_OUT (report file).
set nocompatible
set nomore noswapfile
let s:out = $PRFAQ_OUT
let s:checks = 0
function! s:Say(msg) abort
  call writefile([a:msg], s:out, 'a')
endfunction
function! s:Ok(cond, msg) abort
  if !a:cond
    call s:Say('FAIL ' . a:msg)
    cquit 1
  endif
  let s:checks += 1
  call s:Say('ok   ' . a:msg)
endfunction
function! s:Wait(expr, ms) abort
  let l:waited = 0
  while !eval(a:expr) && l:waited < a:ms
    sleep 100m
    let l:waited += 100
  endwhile
  return eval(a:expr)
endfunction

filetype plugin on
syntax off
packadd ale
let g:ale_lint_on_enter = 1
let g:ale_lint_on_text_changed = 'never'
let g:ale_set_loclist = 1
" the lists are set when the results are, not on a timer after them: the
" test reads them right after the results arrive
let g:ale_set_lists_synchronously = 1
let g:ale_echo_cursor = 0
let g:ale_virtualtext_cursor = 'disabled'
let g:prfaq_lsp_command = $PRFAQ_LSP
" deferred-answer is a warning by default: the settings make it an error.
let g:prfaq_lsp_settings = {'wordsPerPage': 500, 'rules': {'deferred-answer': 'error'}}
execute 'source ' . fnameescape(expand('<sfile>:p:h:h') . '/prfaq-lsp.vim')
doautocmd VimEnter

call s:Ok(exists('g:loaded_ale'), 'ALE loaded with packadd ale (' . (has('patch-9.0.0') ? 'Vim 9' : 'Vim') . ')')
call s:Ok(index(map(copy(ale#linter#Get('markdown')), 'v:val.name'), 'prfaq') >= 0, 'prfaq linter defined for markdown in ALE')

function! s:Codes(buf) abort
  return map(copy(get(get(g:ale_buffer_info, a:buf, {}), 'loclist', [])), {_, v -> v.lnum . ' ' . get(v, 'code', '')})
endfunction
let s:want = filter(readfile($PRFAQ_TESTDATA . '/launch.prfaq.expected'), 'v:val !~# "^#" && v:val !=# ""')
function! s:HaveAll(buf) abort
  let l:have = s:Codes(a:buf)
  for l:w in s:want
    if index(l:have, substitute(l:w, '\s\+', ' ', 'g')) < 0
      return 0
    endif
  endfor
  return 1
endfunction

" 1. The PR/FAQ: ALE starts prfaq-lsp and shows its diagnostics.
execute 'edit ' . fnameescape($PRFAQ_WS . '/launch.prfaq.md')
filetype detect
let s:buf = bufnr('%')
call s:Ok(&filetype ==# 'markdown', 'launch.prfaq.md has filetype markdown')
call s:Ok(PrfaqLspProjectRoot(s:buf) ==# $PRFAQ_WS, 'project root of launch.prfaq.md is the workspace')
ALELint
let s:got = s:Wait('s:HaveAll(' . s:buf . ')', 20000)
for s:item in get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])
  call s:Say(printf('     ale %d:%d %s [%s] %s', s:item.lnum, s:item.col, get(s:item, 'code', ''), s:item.linter_name, s:item.text))
endfor
for s:w in s:want
  call s:Ok(s:got, 'ALE diagnostic at line ' . substitute(s:w, '\s\+', ' code ', ''))
endfor
call s:Ok(len(filter(copy(g:ale_buffer_info[s:buf].loclist), 'get(v:val, "code", "") ==# "deferred-answer" && v:val.type ==# "E"')) == 1, 'deferred-answer is an error (type E), as g:prfaq_lsp_settings says')
call s:Ok(len(filter(copy(g:ale_buffer_info[s:buf].loclist), 'v:val.linter_name !=# "prfaq"')) == 0, 'every diagnostic comes from the prfaq linter')
call s:Ok(len(getloclist(0)) > 0, 'the location list shows them (' . len(getloclist(0)) . ' entries)')

" 2. README.md: no server and no diagnostics.
execute 'edit ' . fnameescape($PRFAQ_WS . '/README.md')
filetype detect
let s:readme = bufnr('%')
call s:Ok(&filetype ==# 'markdown', 'README.md has filetype markdown')
call s:Ok(PrfaqLspProjectRoot(s:readme) ==# '', 'README.md has no project root, so ALE starts no server for it')
ALELint
call s:Wait('0', 2000)
call s:Ok(empty(get(get(g:ale_buffer_info, s:readme, {}), 'loclist', [])), 'README.md has no diagnostics')
call s:Ok(empty(getloclist(0)), 'README.md has an empty location list')

call s:Say(printf('vim: %d checks passed', s:checks))
qall!
