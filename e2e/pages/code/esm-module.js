export const answer = 42;
export function greet(name) {
  return `hello ${name}`;
}
