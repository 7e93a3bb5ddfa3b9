"""The preview server: on-demand pages, incremental rebuilds, live reload.

Modules, each importing only those listed before it: `files` (docs-folder reads), `cache`
(parsed pages), `pagewriter` (the write stage one page at a time), `pages` (inputs and pages,
parsed and rendered on demand), `outputs` (page HTML and site-wide files made from `pages`),
`changes` (what a changed file invalidates), `state` (the lock around all of it), `overlay` and
`reloader` (what the browser sees of problems and changes), `app` (WSGI), `server` (threads,
watcher, `mintrender serve`).
"""
