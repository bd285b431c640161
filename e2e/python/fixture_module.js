// Imported by test_context.py through pyscript.js_import.
export const answer = 42;
export function greet(name) {
  return `hello ${name}`;
}
