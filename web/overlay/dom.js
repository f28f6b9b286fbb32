// @ts-check
/**
 * Tiny DOM helpers for the overlay's Shadow DOM UI. Text only ever goes in through textContent: draft and page
 * text are never parsed as HTML.
 */

/**
 * Create an element. `props` sets attributes (strings), `on*` listeners and `text` (textContent).
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {Array<Node|null|false>} [children]
 */
export function el(doc, tag, props = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * A host element with an open shadow root carrying the overlay's stylesheet; appended to <html> so that page
 * layout (body flex/grid, overflow) cannot clip it.
 * @param {Document} doc @param {string} css @param {string} label the host's data-postcoach ('badge', 'card', ...)
 * @returns {{host: HTMLElement, root: ShadowRoot}}
 */
export function createShadowHost(doc, css, label) {
  const host = doc.createElement('postcoach-ui');
  host.setAttribute('data-postcoach', label);
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646;';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root, css);
  doc.documentElement.append(host);
  return { host, root };
}

/**
 * Give a document or shadow root static CSS: a constructed stylesheet where possible (not subject to the page's
 * style-src CSP), else a <style> element.
 * @param {Document} doc @param {Document | ShadowRoot} target @param {string} css
 */
export function adoptStyles(doc, target, css) {
  try {
    const sheet = new (/** @type {Window & typeof globalThis} */ (doc.defaultView)).CSSStyleSheet();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    if (target.adoptedStyleSheets.includes(sheet)) return;
  } catch { /* fall back to a <style> element */ }
  const style = doc.createElement('style');
  style.setAttribute('data-postcoach-styles', '');
  style.textContent = css;
  (target === doc ? doc.head || doc.documentElement : target).append(style);
}

/** Human wording of a verdict id ("sales-pitch" -> "sales pitch"). @param {string | undefined} verdict */
export const verdictLabel = (verdict) => String(verdict || '').replace(/-/g, ' ');
