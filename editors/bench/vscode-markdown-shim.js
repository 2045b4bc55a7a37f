// VS Code's Markdown language server as VS Code runs it, for the benchmarks
// in cmd/prfaq-lsp: the server asks its client to tokenize a document
// (`markdown/parse`), and VS Code answers from its markdown-it engine, with
// tokens cached per document version. This shim answers that request in the
// server's own process, the same way, so the client needs no markdown-it.
// (VS Code would also send the tokens over IPC; here they are not
// serialised, which flatters the server a little.)
//
//   node editors/bench/vscode-markdown-shim.js --stdio
'use strict';
const lsp = require('vscode-languageserver/node');
const MarkdownIt = require('markdown-it');
const { startVsCodeServer } = require('vscode-markdown-languageserver/out/server');

// VS Code's engine: html and linkify on (its defaults), typographer off.
const md = MarkdownIt({ html: true, linkify: true, typographer: false });

// The server keeps its documents in a TextDocuments; catch it as it listens.
let documents;
const listen = lsp.TextDocuments.prototype.listen;
lsp.TextDocuments.prototype.listen = function (connection) {
  documents = this;
  return listen.call(this, connection);
};

const connection = lsp.createConnection();
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);

const cache = new Map(); // uri → {version, tokens}
const sendRequest = connection.sendRequest.bind(connection);
connection.sendRequest = function (type, params, ...rest) {
  const method = typeof type === 'string' ? type : type.method;
  if (method === 'markdown/parse') {
    const doc = documents && documents.get(params.uri);
    if (!doc) {
      return Promise.resolve([]);
    }
    const hit = cache.get(params.uri);
    if (hit && hit.version === doc.version) {
      return Promise.resolve(hit.tokens);
    }
    const tokens = md.parse(doc.getText(), {});
    cache.set(params.uri, { version: doc.version, tokens });
    return Promise.resolve(tokens);
  }
  return sendRequest(type, params, ...rest);
};
startVsCodeServer(connection);
