// Records the editors' events as "<event> <id of the script>" in window.seen.
window.seen = [];
for (const name of ["py-editor", "mpy-editor", "py-editor:done"])
  addEventListener(name, (e) => window.seen.push(`${e.type} ${e.target.id}`));
// And what a Content-Security-Policy refused.
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
