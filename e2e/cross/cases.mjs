// The cross-engine smokes: one page per feature area (e2e/pages/cross/), run
// once per interpreter in a fresh browsing context of each engine.
//
// A case names its server (SERVERS: isolated or not, which also decides
// whether WebKitGTK gets SharedArrayBuffer), the page, and steps. A step does
// one thing — open the page, reload it, click (`click`: a selector, or a
// function of the interpreter's type giving one), type (`type: { selector,
// text }`: a click on the element, then text as real key presses, "\n" as
// Enter) — then waits until the page's state (smoke.js's smoke.state():
// events, `.out` texts, errors, terminals, editors …) passes `until`,
// and then compares what `expect(type)` lists with that state: a value must
// be equal, a RegExp (or any object with a test method) must match.
//
// `engines` (optional) limits a case to the engines it is about.
//
// `known: { engine: { why, fails } }` marks a failure understood and
// reported: it must fail with a message matching `fails` (else it is a new
// failure), and one that passes fails the run until the mark is removed.
//
// A case may give the pages `core` in its `query` (smoke.js loads core.js
// from there), as the CDN cases do: a query value may be a function of the
// servers' origins (SERVERS: the runner starts each on the next port).

export const SERVERS = {
  // Cross-origin isolated (COOP/COEP): workers get shared memory.
  coi: { flags: [], isolated: true },
  // What most hosts send: no isolation.
  plain: { flags: ["-no-coi"], isolated: false },
  // Isolated, in a browser started without JSC_useSharedArrayBuffer=1: what
  // WebKitGTK gives such a page by default (no SharedArrayBuffer).
  coiNoSAB: { flags: [], isolated: false },
  // dist/ as a public CDN serves it: another origin, CORS for everyone.
  cdn: { flags: ["-no-coi", "-cors"], isolated: false },
};

// A page's core.js from the CDN server instead of its own.
const fromCDN = { core: (origins) => `${origins.cdn}/dist/core.js` };

const allDone = (s) => s.events.includes("py:all-done");
// Each script's ready and done (async scripts interleave), then all-done.
const events = (type, ...ids) => {
  const each = ids.flatMap((id) => [`${type}:ready ${id}`, `${type}:done ${id}`]).sort();
  return {
    test: (seen) => Array.isArray(seen) && seen.at(-1) === "py:all-done" && seen.slice(0, -1).sort().join() === each.join(),
    toString: () => `${each.join(", ")} in any order, then py:all-done`,
  };
};
// The one worker script of a worker page (id "w" unless named).
const workerEvents = (type, id = "w") => [`${type}:ready ${id} worker`, `${type}:done ${id} worker`, "py:all-done"];
const clean = { errors: [], notices: [], pageErrors: [] };
const NAME = { mpy: "micropython", py: "cpython" };
// A terminal xterm.js rendered: rows of text, showing text (smoke.js's
// terminals: rows without trailing blanks).
const someRows = { test: (rows) => rows > 0, toString: () => "some rows" };
const terminal = (text) => ({ rows: someRows, text });
const terminalShows = (s, text) => s.terminals.length === 1 && s.terminals[0].text.includes(text);

// What e2e/pages/hooks/plugin.js logs around one async main-thread script.
const mainHooks = (type) => [
  `onReady ${type} s function function object`,
  "onReady awaited",
  `${type}:ready`,
  "onBeforeRunAsync s",
  "onBeforeRunAsync awaited",
  "codeBeforeRunAsync",
  "code",
  "stdout hello",
  "codeAfterRunAsync",
  "onAfterRunAsync s",
  "onAfterRunAsync awaited",
  `${type}:done`,
];

const sharedMemory = {
  name: "worker, shared memory: page DOM, pyscript.sync, done",
  page: "cross/workers.html",
  server: "coi",
  types: ["mpy", "py"],
  steps: [
    {
      open: true,
      until: (s) => allDone(s) && s.out[2] !== "",
      expect: (type) => ({
        out: ["the worker read: cross: workers with shared memory", "sync.double(21) = 42", "the page asked: add(2, 3) = 5"],
        events: workerEvents(type),
        extra: { transport: "shared-memory" },
        ...clean,
      }),
    },
  ],
};

const messages = {
  name: "worker, messages transport (no isolation)",
  page: "cross/messages.html",
  server: "plain",
  types: ["mpy"],
  steps: [
    {
      open: true,
      until: (s) => allDone(s) && s.out[0] !== "",
      expect: (type) => ({
        out: ["await sync.double(21) = 42, the DOM is not reachable"],
        events: workerEvents(type),
        extra: { transport: "messages" },
        ...clean,
        notices: [/not cross-origin isolated/],
      }),
    },
  ],
};

// The two editors of cross/editor.html, sharing an env, with their outputs.
const editorPair = (type, first, second) => {
  const env = `${type === "py" ? "pyodide" : "micropython"}-shared`;
  return [
    { env, code: 'import sys\nx = 41\nprint("Hello from " + sys.implementation.name)', output: first },
    { env, code: "print(x + 1)", output: second },
  ];
};
// Both editors told they were ready, in order (py:all-done may come at any
// time: the page has no other script).
const editorsReady = (type) => {
  const each = [`${type}-editor first`, `${type}-editor second`];
  return {
    test: (seen) => Array.isArray(seen) && seen.filter((e) => e !== "py:all-done").join() === each.join(),
    toString: () => `${each.join(", ")}, py:all-done at any point`,
  };
};
const runButton = (id) => (type) => `#${id} + ${type}-editor .${type}-editor-run-button`;

export const CASES = [
  {
    name: "main thread: display, events, @when",
    page: "cross/main.html",
    server: "plain",
    types: ["mpy", "py"],
    steps: [
      {
        open: true,
        until: allDone,
        expect: (type) => ({
          out: [`Hello from ${type === "py" ? "cpython" : "micropython"}`, ""],
          events: events(type, "hello", "counter"),
          ...clean,
        }),
      },
      { click: "#btn", until: (s) => s.out[1] !== "" },
      { click: "#btn", until: (s) => s.out[1].endsWith("2"), expect: () => ({ out: [/^Hello/, "click number 2"], ...clean }) },
    ],
  },
  sharedMemory,
  messages,
  // The same pages in the situations that change how a worker starts or
  // reaches the page.
  {
    ...messages,
    name: "an isolated page without SharedArrayBuffer: the notice says why",
    server: "coiNoSAB",
    engines: ["webkit"],
    steps: [
      {
        ...messages.steps[0],
        expect: (type) => ({
          ...messages.steps[0].expect(type),
          notices: [/this page is cross-origin isolated, but this browser gives it no SharedArrayBuffer/],
        }),
      },
    ],
  },
  { ...sharedMemory, name: "core from a CDN: worker with shared memory", query: fromCDN },
  { ...messages, name: "core from a CDN: worker without isolation", query: fromCDN },
  {
    name: "worker, service-worker transport (reloads once)",
    page: "cross/service-worker.html",
    server: "plain",
    types: ["mpy"],
    steps: [
      {
        open: true,
        until: (s) => s.controlled && allDone(s),
        expect: (type) => ({
          loads: 2,
          out: ["the worker read: cross: workers through a service worker", "sync.double(21) = 42"],
          events: workerEvents(type),
          extra: { transport: "service-worker" },
          ...clean,
        }),
      },
    ],
  },
  {
    name: "pyscript.storage, kept across a reload",
    page: "cross/storage.html",
    server: "plain",
    types: ["mpy"],
    steps: [
      { open: true, until: allDone, expect: () => ({ out: ["visit 1, kept héllo [1, 2.5, None, True]"], ...clean }) },
      {
        reload: true,
        until: (s) => s.loads === 2 && allDone(s),
        expect: () => ({ out: ["visit 2, kept héllo [1, 2.5, None, True]"], ...clean }),
      },
    ],
  },
  {
    name: "hooks.main from a plugin, in order",
    page: "cross/hooks.html",
    server: "plain",
    types: ["mpy"],
    steps: [{ open: true, until: allDone, expect: (type) => ({ extra: mainHooks(type), ...clean }) }],
  },
  {
    name: "hooks.worker from a plugin, in order",
    page: "cross/hooks.html",
    query: { worker: "" },
    server: "coi",
    types: ["mpy"],
    steps: [
      {
        open: true,
        until: (s) => allDone(s) && s.extra?.includes("handler custom"),
        expect: (type) => ({
          extra: [
            "onWorker null true",
            `onReady ${type} function object`,
            "onBeforeRunAsync awaited",
            "codeBeforeRunAsync",
            "code",
            "stdout hello",
            "codeAfterRunAsync",
            "onAfterRunAsync awaited",
            "handler custom",
          ],
          ...clean,
        }),
      },
    ],
  },
  {
    name: "a plugin next to the core's script tag",
    page: "cross/hooks.html",
    query: { tag: "" },
    server: "plain",
    types: ["mpy"],
    steps: [{ open: true, until: allDone, expect: (type) => ({ extra: mainHooks(type), ...clean }) }],
  },
  {
    name: "errors: shown on the page, the next script runs",
    page: "cross/errors.html",
    server: "plain",
    types: ["mpy"],
    steps: [
      {
        open: true,
        until: allDone,
        expect: (type) => ({
          out: ["the next script still ran"],
          events: events(type, "raises", "runs"),
          ...clean,
          errors: [/^Traceback \(most recent call last\):.*ValueError: shown on the page$/s],
        }),
      },
    ],
  },
  {
    name: "terminal in a worker: output, a typed line read by input()",
    page: "cross/terminal.html",
    query: { worker: "" },
    server: "coi",
    types: ["mpy", "py"],
    steps: [
      {
        open: true,
        until: (s) => terminalShows(s, "Your name?"),
        expect: (type) => ({ terminals: [terminal(`Hello from ${NAME[type]}\nYour name?`)], ...clean }),
      },
      {
        type: { selector: "#t + py-terminal .xterm", text: "Ada\n" },
        until: (s) => allDone(s) && terminalShows(s, "Hello, Ada!"),
        expect: (type) => ({
          terminals: [terminal(`Hello from ${NAME[type]}\nYour name? Ada\nHello, Ada!`)],
          events: workerEvents(type, "t"),
          ...clean,
        }),
      },
    ],
  },
  {
    name: "terminal on the page: output",
    page: "cross/terminal.html",
    server: "plain",
    types: ["mpy"],
    steps: [
      {
        open: true,
        until: (s) => allDone(s) && terminalShows(s, "Hello"),
        expect: (type) => ({ terminals: [terminal(`Hello from ${NAME[type]}`)], events: events(type, "t"), ...clean }),
      },
    ],
  },
  {
    name: "editors: CodeMirror, Run shows the output, a shared env keeps a variable",
    page: "cross/editor.html",
    server: "coi",
    types: ["mpy", "py"],
    steps: [
      {
        open: true,
        until: (s) => s.editors.length === 2 && s.editors.every((editor) => editor.code),
        expect: (type) => ({ editors: editorPair(type, "", ""), events: editorsReady(type), ...clean }),
      },
      {
        click: runButton("first"),
        until: (s) => s.events.includes("py-editor:done first"),
        expect: (type) => ({ editors: editorPair(type, `Hello from ${NAME[type]}`, ""), ...clean }),
      },
      {
        click: runButton("second"),
        until: (s) => s.events.includes("py-editor:done second"),
        expect: (type) => ({ editors: editorPair(type, `Hello from ${NAME[type]}`, "42"), ...clean }),
      },
    ],
  },
];
