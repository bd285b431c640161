// Placeholder: the editor (issue 19), being written.
import { basicSetup, EditorView } from "codemirror";
import { python } from "@codemirror/lang-python";
import { keymap } from "@codemirror/view";
import { indentUnit } from "@codemirror/language";
import { Compartment } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
export const editors = () => {};
export { basicSetup, EditorView, python, keymap, indentUnit, Compartment, indentWithTab };
