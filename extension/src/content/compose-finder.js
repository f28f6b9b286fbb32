/**
 * Finds the compose boxes of a single-page app as they appear and disappear: a MutationObserver (coalesced to
 * one sweep per 150 ms) plus focusin, so a box is coached as soon as it is shown or focused.
 *
 * Coached: textareas and contenteditable roots - Lexical `[data-lexical-editor]`, Quill `.ql-editor`, Draft.js
 * `.public-DraftEditor-content` (X's `[data-testid^=tweetTextarea]`), role=textbox editables. Left alone:
 * inputs (one-line, password, search), search boxes, one-line textboxes (aria-multiline=false, rows=1 textareas
 * labelled as search), read-only or disabled fields, and anything hidden.
 */

const SWEEP_MS = 150;
const CANDIDATES = 'textarea, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

const isSearchy = (el) => {
  const words = [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('name'),
    el.getAttribute('aria-placeholder'), el.id, el.getAttribute('data-testid')].filter(Boolean).join(' ');
  return /\bsearch/i.test(words) || el.getAttribute('role') === 'searchbox' || el.getAttribute('role') === 'combobox'
    || !!el.closest('[role="search"], form[action*="search"]');
};

function isVisible(el) {
  if (el.getClientRects().length === 0) return false;
  const box = el.getBoundingClientRect();
  if (box.width < 20 || box.height < 8) return false;
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
}

/** The editable root of an element (the outermost contenteditable ancestor-or-self). */
function editableRoot(el) {
  if (el.localName === 'textarea') return el;
  if (!el.isContentEditable) return null;
  let root = el;
  while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
  return root;
}

/** Whether an element is a compose box the coach should attach to. */
export function isComposeBox(el) {
  if (!el || el.closest('postcoach-ui')) return false;
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

/**
 * Watch the document; call onFound(element) once per compose box and onLost(element) when it leaves the DOM.
 * @returns {{ stop(): void, sweep(): void }}
 */
export function watchComposeBoxes(doc, { onFound, onLost }) {
  const known = new Set();
  let timer = 0;

  function sweep() {
    timer = 0;
    for (const el of known) {
      if (!el.isConnected) { known.delete(el); onLost(el); }
    }
    for (const candidate of doc.querySelectorAll(CANDIDATES)) {
      const root = editableRoot(candidate);
      if (root && !known.has(root) && isComposeBox(root)) {
        known.add(root);
        onFound(root);
      }
    }
  }
  // SPAs mutate constantly: sweep at most every SWEEP_MS (focusin attaches at once anyway)
  const schedule = () => { if (!timer) timer = setTimeout(sweep, SWEEP_MS); };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['contenteditable', 'hidden', 'style', 'class', 'aria-hidden', 'readonly', 'disabled'] });
  const onFocus = (event) => {
    const root = event.target instanceof Element ? editableRoot(event.target) : null;
    if (root && !known.has(root) && isComposeBox(root)) { known.add(root); onFound(root); }
  };
  doc.addEventListener('focusin', onFocus, true);
  sweep();
  return {
    sweep,
    stop() {
      observer.disconnect();
      doc.removeEventListener('focusin', onFocus, true);
      clearTimeout(timer);
      for (const el of known) onLost(el);
      known.clear();
    },
  };
}
