// A config-parser module with only an async default export.
export default async (text) => ({ answer: 42, nested: { list: [1, "two"] }, text });
