// Child processes of the cross-engine runner. Each runs in its own process
// group (a browser's helpers, `go run`'s binary), and every group still
// known is killed when the runner exits, however it exits: no browser or
// server is left behind, and neither are their profiles (under scratch()).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const groups = new Set();
let scratchRoot = null;

// scratch makes a new folder that lives as long as the run.
export function scratch(name) {
  scratchRoot ??= mkdtempSync(join(tmpdir(), "cross-run-"));
  return mkdtempSync(join(scratchRoot, `${name}-`));
}

const killGroup = (pid, signal) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
};

export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true });
  groups.add(child.pid);
  child.output = "";
  const keep = (chunk) => (child.output = (child.output + chunk).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A command that cannot start (ENOENT) reports here rather than throwing.
  child.on("error", (error) => keep(`\n${error.message}`));
  return child;
}

// adopt makes a process group started by someone else (puppeteer's browser)
// one the runner kills on exit too.
export const adopt = (pid) => pid && groups.add(pid);

export const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));

export async function stop(child) {
  if (!child?.pid) return;
  const done = exited(child);
  killGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => killGroup(child.pid, "SIGKILL"), 5000);
  await done;
  clearTimeout(timer);
  // Helpers may outlive the leader: none may.
  killGroup(child.pid, "SIGKILL");
  groups.delete(child.pid);
}

export function stopAll() {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  groups.clear();
  if (scratchRoot) rmSync(scratchRoot, { recursive: true, force: true });
  scratchRoot = null;
}

process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
  process.on(signal, () => {
    console.error(`\ncross: ${signal}, closing the browsers and servers`);
    process.exit(1);
  });

// bounded settles like promise, or rejects saying what did not answer.
export function bounded(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// need says how to get a missing program: the Debian package to install.
export function need(path, pkg, note = "") {
  if (!existsSync(path))
    throw new Error(`${path} is missing: install it with \`apt-get install ${pkg}\` (as root; \`make cross-tools\` does)${note}`);
}

export const output = (command, args, env) =>
  execFileSync(command, args, { encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 }).trim();
