// Placeholder: the terminal (issue 19), being written.
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { WebLinksAddon } from "@xterm/addon-web-links";
export const terminal = async () => {
  throw new Error("the terminal is not written yet");
};
export { Terminal, FitAddon, WebLinksAddon };
