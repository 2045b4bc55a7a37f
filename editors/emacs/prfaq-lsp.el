;;; prfaq-lsp.el --- Working Backwards PR/FAQ checks with prfaq-lsp and eglot  -*- lexical-binding: t; -*-

;; Author: prfaq-lsp authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools, markdown
;; URL: https://github.com/prfaq-lsp/prfaq-lsp
;; SPDX-License-Identifier: MIT

;;; Commentary:

;; A `prfaq-mode' for Amazon-style "Working Backwards" PR/FAQ documents in
;; Markdown (derived from `markdown-mode' when it is installed), turned on for
;; files named *prfaq*.md, *pr-faq*.md or *pr_faq*.md and for Markdown files
;; with front matter "prfaq: true", and the eglot registration that runs
;; prfaq-lsp for it.
;;
;;   (add-to-list 'load-path "/path/to/prfaq-lsp/editors/emacs")
;;   (require 'prfaq-lsp)
;;
;; Eglot starts by itself in `prfaq-mode' buffers (see `prfaq-lsp-auto-start').
;; Findings arrive through Flymake.  Settings are the "prfaq" section:
;;
;;   (setq prfaq-lsp-settings '(:rules (:deferred-answer "error") :wordsPerPage 400))

;;; Code:

(require 'eglot)
(require 'markdown-mode nil t)

(defgroup prfaq-lsp nil
  "Working Backwards PR/FAQ checks with prfaq-lsp."
  :group 'tools
  :prefix "prfaq-lsp-")

(defcustom prfaq-lsp-command '("prfaq-lsp")
  "The prfaq-lsp server command: the program and its arguments."
  :type '(repeat string))

(defcustom prfaq-lsp-settings nil
  "The \"prfaq\" settings section, as a plist.
Sent as initializationOptions and answered on workspace/configuration.
Keys: :rules, :files, :sections, :allow, :jargon, :wordsPerPage.  A
.prfaq.yaml in the project takes the same keys."
  :type 'plist)

(defcustom prfaq-lsp-auto-start t
  "When non-nil, `prfaq-mode' buffers connect to prfaq-lsp with `eglot-ensure'."
  :type 'boolean)

(defun prfaq-lsp--section ()
  "The prfaq section as a JSON object (an empty one when unset)."
  (or prfaq-lsp-settings (make-hash-table)))

(if (fboundp 'markdown-mode)
    (define-derived-mode prfaq-mode markdown-mode "PR/FAQ"
      "Major mode for Working Backwards PR/FAQ documents (Markdown).")
  (define-derived-mode prfaq-mode text-mode "PR/FAQ"
    "Major mode for Working Backwards PR/FAQ documents (Markdown)."))

(defconst prfaq-lsp-file-regexp
  "\\(?:prfaq\\|pr-faq\\|pr_faq\\)[^/]*\\.\\(?:md\\|markdown\\)\\'"
  "File names that are PR/FAQs (matched case-insensitively).")

(add-to-list 'auto-mode-alist (cons prfaq-lsp-file-regexp 'prfaq-mode))

(defun prfaq-lsp--front-matter-p ()
  "Non-nil when the buffer is Markdown with front matter \"prfaq: true\"."
  (and buffer-file-name
       (string-match-p "\\.\\(?:md\\|markdown\\)\\'" buffer-file-name)
       (save-excursion
         (goto-char (point-min))
         (and (looking-at "---[ \t]*$")
              (let ((end (save-excursion
                           (forward-line 1)
                           (re-search-forward "^\\(?:---\\|\\.\\.\\.\\)[ \t]*$" 8192 t))))
                (and end
                     (re-search-forward "^prfaq[ \t]*:[ \t]*\\(?:true\\|yes\\|on\\)[ \t]*$" end t)))))))

(add-to-list 'magic-mode-alist (cons #'prfaq-lsp--front-matter-p 'prfaq-mode))

(defun prfaq-lsp--contact (&optional _interactive)
  "The eglot contact: `prfaq-lsp-command' with the initializationOptions."
  (append prfaq-lsp-command
          (list :initializationOptions
                (lambda (_server) (list :prfaq (prfaq-lsp--section))))))

(add-to-list 'eglot-server-programs (cons 'prfaq-mode #'prfaq-lsp--contact))

(defun prfaq-lsp-workspace-configuration (&optional _server)
  "The workspace configuration eglot answers with: the prfaq section."
  (list :prfaq (prfaq-lsp--section)))

;; eglot answers workspace/configuration from the default (or directory-local)
;; value of `eglot-workspace-configuration': add the prfaq section to it.
(let ((current (default-value 'eglot-workspace-configuration)))
  (cond ((null current)
         (setq-default eglot-workspace-configuration #'prfaq-lsp-workspace-configuration))
        ((and (listp current) (keywordp (car current)) (not (plist-member current :prfaq)))
         (setq-default eglot-workspace-configuration
                       (append current (list :prfaq (prfaq-lsp--section)))))))

(defun prfaq-lsp--maybe-start ()
  "Connect the buffer to prfaq-lsp when `prfaq-lsp-auto-start' is on."
  (when prfaq-lsp-auto-start
    (eglot-ensure)))

(add-hook 'prfaq-mode-hook #'prfaq-lsp--maybe-start)

(provide 'prfaq-lsp)
;;; prfaq-lsp.el ends here
