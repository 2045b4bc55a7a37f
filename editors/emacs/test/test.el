;;; test.el --- Emacs batch test of editors/emacs/prfaq-lsp.el  -*- lexical-binding: t; -*-
;; emacs -q --batch -l test.el  (run.sh sets PRFAQ_LSP, PRFAQ_WS, PRFAQ_TESTDATA)
;; -q, not -Q: Debian's eglot lives in site-lisp/elpa, which -Q hides.

(package-initialize)
(setq debug-on-error nil
      make-backup-files nil
      create-lockfiles nil
      auto-save-default nil
      eglot-sync-connect 10
      flymake-no-changes-timeout nil)

(defvar prfaq-test-checks 0)
(defun prfaq-test-fail (msg)
  (princ (format "FAIL %s\n" msg))
  (kill-emacs 1))
(defun prfaq-test-ok (cond msg)
  (unless cond (prfaq-test-fail msg))
  (setq prfaq-test-checks (1+ prfaq-test-checks))
  (princ (format "ok   %s\n" msg)))
(defun prfaq-test-wait (pred seconds)
  "Poll PRED while serving process output, for up to SECONDS."
  (let ((deadline (+ (float-time) seconds)) done)
    (while (and (not (setq done (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    done))
(defun prfaq-test-read-list (file)
  (with-temp-buffer
    (insert-file-contents file)
    (cl-remove-if (lambda (l) (or (string-empty-p l) (string-prefix-p "#" l)))
                  (split-string (buffer-string) "\n"))))

(let* ((here (file-name-directory (or load-file-name buffer-file-name)))
       (server (getenv "PRFAQ_LSP"))
       (ws (file-name-as-directory (getenv "PRFAQ_WS")))
       (testdata (getenv "PRFAQ_TESTDATA")))
  (add-to-list 'load-path (expand-file-name ".." here))
  (require 'prfaq-lsp)
  (setq prfaq-lsp-command (list server)
        prfaq-lsp-settings '(:wordsPerPage 500 :rules (:deferred-answer "error")))
  (prfaq-test-ok (and (featurep 'eglot) (featurep 'markdown-mode))
                 (format "eglot and markdown-mode loaded from Debian's elpa (%s; Emacs %s)"
                         (file-name-directory (locate-library "eglot")) emacs-version))

  ;; 1. The PR/FAQ opens in prfaq-mode (derived from markdown-mode) and connects.
  (find-file (expand-file-name "launch.prfaq.md" ws))
  (prfaq-test-ok (eq major-mode 'prfaq-mode) "launch.prfaq.md opens in prfaq-mode (auto-mode-alist)")
  (prfaq-test-ok (derived-mode-p 'markdown-mode) "prfaq-mode is derived from markdown-mode")
  ;; In batch no command loop runs: run eglot-ensure's post-command-hook by hand.
  (run-hooks 'post-command-hook)
  (prfaq-test-ok (prfaq-test-wait (lambda () (eglot-current-server)) 15)
                 "eglot connected to prfaq-lsp")
  (let ((srv (eglot-current-server)))
    (prfaq-test-ok (equal (car (process-command (jsonrpc--process srv))) server)
                   (format "the server process is %s" server))
    (prfaq-test-ok (memq 'prfaq-mode (ensure-list (eglot--major-modes srv)))
                   "eglot-server-programs maps prfaq-mode to prfaq-lsp"))
  (prfaq-test-ok (equal (prfaq-lsp--contact)
                        (append (list server) (list :initializationOptions (nth 2 (prfaq-lsp--contact)))))
                 "the contact carries :initializationOptions")
  (prfaq-test-ok (equal (funcall (nth 2 (prfaq-lsp--contact)) nil) (list :prfaq prfaq-lsp-settings))
                 "initializationOptions are {\"prfaq\": prfaq-lsp-settings}")

  ;; 2. Diagnostics reach Flymake at the fixture's lines.
  (flymake-start)
  (let* ((want (mapcar (lambda (l) (let ((f (split-string l))) (cons (string-to-number (car f)) (cadr f))))
                       (prfaq-test-read-list (expand-file-name "launch.prfaq.expected" testdata))))
         (code-of (lambda (d) (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)))
         (line-of (lambda (d) (line-number-at-pos (flymake-diagnostic-beg d))))
         (have-all (lambda ()
                     (let ((diags (flymake-diagnostics)))
                       (cl-every (lambda (w)
                                   (cl-some (lambda (d) (and (= (funcall line-of d) (car w))
                                                             (equal (funcall code-of d) (cdr w))))
                                            diags))
                                 want)))))
    (let ((got (prfaq-test-wait (lambda () (flymake-start) (funcall have-all)) 20)))
      (dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
        (princ (format "     flymake %d %s %s\n" (funcall line-of d) (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
      (dolist (w want)
        (prfaq-test-ok got (format "flymake diagnostic at line %d code %s" (car w) (cdr w)))))
    (prfaq-test-ok (cl-some (lambda (d) (and (equal (funcall code-of d) "deferred-answer")
                                             (eq (flymake-diagnostic-type d) 'eglot-error)))
                            (flymake-diagnostics))
                   "deferred-answer is an error in Flymake, as prfaq-lsp-settings says")
    (prfaq-test-ok (cl-every (lambda (d) (string-prefix-p "prfaq" (flymake-diagnostic-text d))) (flymake-diagnostics))
                   "every Flymake diagnostic comes from source prfaq"))

  ;; 2b. The outline: eglot's imenu index from documentSymbol.
  (let* ((index (funcall imenu-create-index-function))
         (names nil))
    (cl-labels ((walk (items)
                  (dolist (it items)
                    (push (car it) names)
                    (when (imenu--subalist-p it) (walk (cdr it))))))
      (walk index))
    (princ (format "     imenu %S\n" (reverse names)))
    (dolist (w (prfaq-test-read-list (expand-file-name "launch.prfaq.outline" testdata)))
      (prfaq-test-ok (cl-some (lambda (n) (string-match-p (regexp-quote w) (format "%s" n))) names)
                     (format "imenu outline has \"%s\"" w))))

  ;; 3. workspace/configuration is answered with the prfaq section.
  (prfaq-test-ok (equal (eglot-handle-request (eglot-current-server) 'workspace/configuration
                                              :items (vector (list :section "prfaq")))
                        (vector prfaq-lsp-settings))
                 "workspace/configuration for section prfaq answers prfaq-lsp-settings")

  ;; 4. README.md stays in markdown-mode, with no server and no diagnostics.
  (find-file (expand-file-name "README.md" ws))
  (run-hooks 'post-command-hook)
  (prfaq-test-ok (eq major-mode 'markdown-mode) "README.md opens in markdown-mode, not prfaq-mode")
  (prfaq-test-wait (lambda () nil) 1)
  (prfaq-test-ok (null (eglot-current-server)) "README.md has no eglot server")
  (prfaq-test-ok (null (and (bound-and-true-p flymake-mode) (flymake-diagnostics))) "README.md has no diagnostics")

  ;; 5. Front matter "prfaq: true" selects prfaq-mode too.
  (find-file (expand-file-name "notes/strategy.md" ws))
  (prfaq-test-ok (eq major-mode 'prfaq-mode) "notes/strategy.md (front matter prfaq: true) opens in prfaq-mode")
  (find-file (expand-file-name "launch.prfaq.md" ws))

  ;; 6. Shut down.
  (let ((srv (eglot-current-server)))
    (eglot-shutdown srv)
    (prfaq-test-ok (prfaq-test-wait (lambda () (not (process-live-p (jsonrpc--process srv)))) 10)
                   "eglot-shutdown stopped the server"))
  (princ (format "emacs: %d checks passed\n" prfaq-test-checks))
  (kill-emacs 0))
