// A classic (non-module) library build: it sets a global and exports nothing.
window.ClassicLib = { version: "1.0" };
