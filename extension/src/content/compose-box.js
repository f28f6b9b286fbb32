/**
 * Whether an element is a compose box the coach should attach to.
 *
 * Coached: textareas and contenteditable roots (Lexical, Quill, Draft.js, ProseMirror/TipTap, Slate, CKEditor,
 * plain `role="textbox"` editables, a frame's editable body), in the document, in open shadow roots or in
 * same-origin frames. Left alone: inputs (one-line, password, search), search boxes, one-line textboxes
 * (aria-multiline=false), read-only or disabled fields, and anything hidden (also when a shadow host or frame
 * around it is hidden), and the overlay's own UI.
 */

const isElement = (node) => !!node && node.nodeType === 1;

/** The element's ancestors, crossing shadow roots to their hosts (not frames). */
function* composedAncestors(el) {
  for (let node = el; node;) {
    yield node;
    node = node.parentElement || node.getRootNode().host || null;
  }
}

const isSearchy = (el) => {
  const words = [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('name'),
    el.getAttribute('aria-placeholder'), el.id, el.getAttribute('data-testid')].filter(Boolean).join(' ');
  if (/\bsearch/i.test(words) || el.getAttribute('role') === 'searchbox' || el.getAttribute('role') === 'combobox') return true;
  for (const node of composedAncestors(el)) {
    if (node.matches('[role="search"], form[action*="search"]')) return true;
  }
  return false;
};

function isVisible(el) {
  if (el.getClientRects().length === 0) return false;
  const box = el.getBoundingClientRect();
  if (box.width < 20 || box.height < 8) return false;
  for (const node of composedAncestors(el)) {
    if (node.matches('[hidden], [aria-hidden="true"], [inert]')) return false;
  }
  const style = el.ownerDocument.defaultView.getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
}

/** The editable root of an element (the outermost contenteditable ancestor-or-self), a textarea, or null. */
export function editableRoot(el) {
  if (!isElement(el)) return null;
  if (el.localName === 'textarea') return el;
  if (!el.isContentEditable) return null;
  let root = el;
  while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
  return root;
}

/** Whether an element is a compose box the coach should attach to. */
export function isComposeBox(el) {
  if (!isElement(el) || el.localName === 'postcoach-ui' || el.closest('postcoach-ui')) return false;
  if (el.localName === 'input') return false;
  if (el.localName === 'textarea') {
    if (el.readOnly || el.disabled) return false;
  } else {
    if (!el.isContentEditable || editableRoot(el) !== el) return false;
    if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return false;
    if (el.getAttribute('aria-multiline') === 'false') return false;
  }
  if (isSearchy(el)) return false;
  return isVisible(el);
}
