/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with --require */
// Loaded with `--require` by bin/lectern.mjs. Server modules import "server-only", which throws
// outside React Server Components. The CLI is plain Node, not an RSC bundle: running it with the
// `react-server` condition instead would also swap React for its server build, which has no
// `react-dom/server` (so emails could not render their HTML). This maps only "server-only" to the
// package's own empty module.
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(path.dirname(require.resolve("server-only")), "empty.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
