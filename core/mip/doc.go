// Package mip installs MicroPython packages the way micropython-lib's
// package manager `mip` does, for the `packages = [...]` config key of
// "mpy" scripts. In the browser the interpreter has no network of its own,
// so the whole protocol runs in Go; the package is pure (no syscall/js, no
// network): every download goes through an injected Fetcher and every file
// through an injected Writer. JSON is parsed by an injected JSONParser (the
// browser's JSON.parse), which keeps encoding/json out of the wasm binary.
//
// Spec forms (a packages entry) and what they fetch, with index I (default
// https://micropython.org/pi/v2), MPY version M (default "py") and target
// folder T (default /lib):
//
//	name, name@version      I/package/M/name/<version or latest>.json
//	github:org/repo[/path][@branch]
//	                        https://raw.githubusercontent.com/org/repo/<branch or HEAD>/<path>
//	gitlab:org/repo[/path][@branch]
//	                        https://gitlab.com/org/repo/-/raw/<branch or HEAD>/<path>
//	http(s)://…             fetched as written
//
// A URL form whose path ends in .py or .mpy is a single file written as
// T/<basename>; one ending in .json is a package.json; anything else is a
// package directory whose <dir>/package.json is fetched. A package.json may
// list:
//
//	"hashes": [[dest, short_sha256], …]  I/file/<hash[:2]>/<hash> → T/dest
//	"urls":   [[dest, url], …]           url (github:, gitlab:, http(s)://, or
//	                                     relative to the package.json) → T/dest
//	"deps":   [[spec, version], …]       installed recursively
//
// Differences from mip, chosen for the browser:
//
//   - The MPY version defaults to "py" (source files), as PyScript's own
//     mip.py does: .py sources work with every MicroPython build, while .mpy
//     files must match the interpreter's bytecode version. Pass the value of
//     sys.implementation._mpy & 0xff as Options.MPYVersion to get .mpy files.
//   - A package is installed once per Installer: dependencies shared by
//     several packages, and dependency cycles, are fetched once.
//   - "@version" after a github:/gitlab: spec is the branch (mip's version=
//     argument); a dependency version "latest" on such a spec means the
//     default branch (HEAD). http(s) URLs are used verbatim, "@" included
//     (mip ignores the version for them, and CDN paths such as
//     cdn.jsdelivr.net/gh/org/repo@v1 contain "@").
//   - Query strings and fragments of http(s) URLs are ignored when deciding
//     between a file and a package, and when naming the installed file.
//   - Destination paths in package.json must be relative and may not use
//     "..": a package cannot write outside the target folder.
//   - Everything in a package.json is checked before any of its files is
//     fetched, so a malformed package.json installs nothing.
//   - Failures are returned as *Error values with messages meant for the
//     page (mip prints and returns False).
package mip
