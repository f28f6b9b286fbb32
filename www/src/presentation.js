/**
 * Presentation mode for a projector (1280x720): large type, high contrast, only the draft and the meter (or the
 * rewrite) on screen, no scrolling, and keyboard only:
 *
 *   P                     enter (from anywhere outside a text field)
 *   → / PageDown / N      next example          ← / PageUp / B   previous example
 *   R                     toggle the rewrite     0                reset the example (and close the rewrite)
 *   1 / 2 / 3             Facebook / LinkedIn / X
 *   E                     edit the draft         Esc              leave the draft; Esc again exits
 *
 * Presenter clickers send PageDown/PageUp, so they work too. Keys typed in the draft stay in the draft; Escape
 * inside the coach's own card is left to the card.
 */

const NEXT = new Set(['ArrowRight', 'PageDown', 'n', 'N']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp', 'b', 'B']);

/** Layout changed under the overlay: window resize is the signal it listens to for re-placing marks and badge. */
export function relayout() {
  requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
}

function isTextEntry(node) {
  return node instanceof HTMLElement
    && (node.isContentEditable || node.tagName === 'TEXTAREA' || (node.tagName === 'INPUT' && !['button', 'radio', 'checkbox', 'file', 'submit'].includes(node.type)));
}

/** True when the event comes from inside a dialog (the overlay's card lives in Shadow DOM; composedPath sees it). */
function fromDialog(event) {
  return event.composedPath().some((node) => node instanceof Element && node.getAttribute('role') === 'dialog');
}

/**
 * @param {Document} doc
 * @param {{ next(): void, previous(): void, toggleRewrite(): void, reset(): void, editDraft(): void, platform(index: number): void,
 *           onChange?(presenting: boolean): void }} actions
 */
export function createPresentation(doc, actions) {
  const bar = doc.getElementById('presentation-bar');
  const button = doc.getElementById('present-button');
  const main = doc.getElementById('main');
  let presenting = false;

  function enter() {
    if (presenting) return;
    presenting = true;
    doc.body.classList.add('presenting');
    bar.hidden = false;
    main.tabIndex = -1;
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    relayout();
    actions.onChange?.(true);
  }

  function exit() {
    if (!presenting) return;
    presenting = false;
    doc.body.classList.remove('presenting');
    bar.hidden = true;
    main.removeAttribute('tabindex');
    button.focus();
    relayout();
    actions.onChange?.(false);
  }

  button.addEventListener('click', enter);

  doc.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (fromDialog(event)) return;
    if (isTextEntry(target)) {
      // In the draft, keys type; Escape hands the keyboard back to the presentation.
      if (presenting && event.key === 'Escape') {
        event.preventDefault();
        main.focus({ preventScroll: true });
      }
      return;
    }
    if (!presenting) {
      if (event.key === 'p' || event.key === 'P') { event.preventDefault(); enter(); }
      return;
    }
    let handled = true;
    if (NEXT.has(event.key)) actions.next();
    else if (PREVIOUS.has(event.key)) actions.previous();
    else if (event.key === 'r' || event.key === 'R') actions.toggleRewrite();
    else if (event.key === '0') actions.reset();
    else if (['1', '2', '3'].includes(event.key)) actions.platform(Number(event.key) - 1);
    else if (event.key === 'e' || event.key === 'E') actions.editDraft();
    else if (event.key === 'Escape') exit();
    else handled = false;
    if (handled) event.preventDefault();
  });

  return { enter, exit, isPresenting: () => presenting, setTitle: (text) => { doc.getElementById('presentation-example').textContent = text; } };
}
