// A minimal stand-in for DOM nodes (what web/overlay/text/model.js reads: nodeType, tagName, data, firstChild,
// nextSibling, previousSibling, parentNode, getAttribute), so the text model is tested without a browser.

/** A text node. */
export const t = (data) => ({ nodeType: 3, data, parentNode: null, nextSibling: null, previousSibling: null, firstChild: null });

/** An element: h('p', {attrs}, ...children) or h('p', ...children). */
export function h(tag, ...rest) {
  const attrs = rest.length && rest[0] && !rest[0].nodeType && typeof rest[0] === 'object' ? rest.shift() : {};
  const children = rest.map((c) => (typeof c === 'string' ? t(c) : c));
  const el = {
    nodeType: 1, tagName: tag.toUpperCase(), parentNode: null, nextSibling: null, previousSibling: null,
    firstChild: children[0] || null, childNodes: children, getAttribute: (name) => attrs[name] ?? null,
  };
  children.forEach((c, i) => {
    c.parentNode = el;
    c.nextSibling = children[i + 1] || null;
    c.previousSibling = children[i - 1] || null;
  });
  return el;
}
