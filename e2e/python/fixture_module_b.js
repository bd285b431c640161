// Second module for js_import with several URLs.
export const name = "module b";
