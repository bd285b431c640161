// PyScript's event attributes, which older published apps use throughout:
// <button py-click="handler"> (mpy-click for MicroPython; any event name;
// the value a global of the page's interpreter, or a dotted path "ns.on")
// calls that Python function with the event once the interpreter of that
// type is ready. Until then form controls carrying one are disabled (when
// the page has scripts of that type: otherwise a click says there are none).
// Elements and attributes added later are picked up too.
const ATTRIBUTE = /^(m?py)-(.+)$/;
const MAIN = (type) => `script[type="${type}"]:not([worker]),${type}-script:not([worker])`;

// Returns ready(type, wrap), which the core calls once the page's
// interpreter of that type runs; report(type, text) shows an error.
export const eventAttributes = (report) => {
  const ready = { py: Promise.withResolvers(), mpy: Promise.withResolvers() };
  const enabled = new Set();
  const parse = (name) => {
    const [, type, event] = name.match(ATTRIBUTE) ?? [];
    return event && event !== "env" ? { type, event } : null;
  };
  const run = async (event) => {
    for (const { name, value } of [...event.currentTarget.attributes]) {
      const found = parse(name);
      if (found?.event !== event.type) continue;
      const { type } = found;
      if (!document.querySelector(MAIN(type))) {
        const available = ["py", "mpy"].filter((t) => document.querySelector(MAIN(t)));
        report(type, `The interpreter "${type}" was not found. ` +
          (available.length ? `Available interpreters are: ${available.map((t) => `"${t}"`).join(", ")}.` : "There are no interpreters in this page."));
        continue;
      }
      const wrap = await ready[type].promise;
      try {
        await wrap.runEvent(value, event);
      } catch (error) {
        report(type, `${name}="${value}": ${error?.message ?? error}`);
      }
    }
  };
  const watch = (el, name) => {
    const found = parse(name);
    if (!found) return;
    if (!el.hasAttribute(name)) return el.removeEventListener(found.event, run);
    el.addEventListener(found.event, run);
    // Disabled until its interpreter runs; where none will, a click says so.
    if (!enabled.has(found.type) && document.querySelector(MAIN(found.type)) && "disabled" in el && !el.disabled) {
      el.disabled = true;
      ready[found.type].promise.then(() => (el.disabled = false));
    }
  };
  const scan = (root) => {
    const found = document.evaluate('.//@*[starts-with(name(),"py-") or starts-with(name(),"mpy-")]', root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) watch(found.snapshotItem(i).ownerElement, found.snapshotItem(i).name);
  };
  scan(document);
  new MutationObserver((records) => {
    for (const { type, target, attributeName, addedNodes } of records) {
      if (type === "attributes") watch(target, attributeName);
      else for (const node of addedNodes) if (node.nodeType === 1) scan(node);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  return (type, wrap) => {
    enabled.add(type);
    ready[type]?.resolve(wrap);
  };
};
