// @ts-check
/**
 * The score badge: salesiness and value with the verdict, anchored just outside the field's top-right corner
 * (below the bottom-right corner when there is no room above) so it never covers the draft or the site's own
 * buttons under the field. Its accessible name says the figures, e.g.
 * "postcoach: salesiness 72, value 18, sales pitch".
 */
import { createShadowHost, el, verdictLabel } from './dom.js';
import { BADGE_CSS } from './styles.js';

const GAP = 4;

/**
 * The accessible name of the badge for a report (null = not analysed yet).
 * @param {import('../engine/types.js').Report | null} report
 */
export function badgeLabel(report) {
  if (!report) return 'postcoach: salesiness –, value –, analysing';
  return `postcoach: salesiness ${report.salesiness}, value ${report.value}, ${verdictLabel(report.verdict)}`;
}

/**
 * @param {HTMLElement} fieldElement the coached field
 * @param {{onActivate: () => void}} handlers a click on the badge
 */
export function createBadge(fieldElement, { onActivate }) {
  const doc = fieldElement.ownerDocument;
  const win = /** @type {Window} */ (doc.defaultView);
  const { host, root } = createShadowHost(doc, BADGE_CSS, 'badge');
  const dot = el(doc, 'span', { class: 'dot', 'aria-hidden': 'true' });
  const sales = el(doc, 'span', { class: 's', text: '–' });
  const value = el(doc, 'span', { class: 'v', text: '–' });
  // the visible words are a prefix-free part of the accessible name ("salesiness 72 · value 18"), so that
  // speech-input users can say what they see (WCAG 2.5.3, label in name)
  const words = el(doc, 'span', { class: 'words' }, [doc.createTextNode('salesiness '), sales, doc.createTextNode(' · value '), value]);
  const button = el(doc, 'button', {
    type: 'button', class: 'pending', 'aria-label': badgeLabel(null), 'aria-haspopup': 'dialog',
    title: 'postcoach: salesiness / value (Alt+Shift+N: next finding, Alt+Shift+R: rewrite)',
    onclick: () => onActivate(),
  }, [dot, words]);
  root.append(button);

  function place() {
    const box = fieldElement.getBoundingClientRect();
    const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < win.innerHeight;
    button.style.display = visible ? '' : 'none';
    if (!visible) return;
    const h = button.offsetHeight || 22;
    const w = button.offsetWidth || 80;
    const top = box.top - h - GAP >= 0 ? box.top - h - GAP : box.bottom + GAP;
    const left = Math.max(0, Math.min(box.right - w, win.innerWidth - w));
    button.style.top = `${top}px`;
    button.style.left = `${left}px`;
  }

  return {
    element: button,
    host,
    /** Dim the badge (and mark it aria-busy) while an edit waits for its analysis. */
    setPending(/** @type {boolean} */ pending) {
      button.classList.toggle('pending', pending);
      if (pending) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
    },
    update(/** @type {import('../engine/types.js').Report | null} */ report) {
      button.classList.toggle('pending', !report);
      if (report) button.removeAttribute('aria-busy');
      else button.setAttribute('aria-busy', 'true');
      button.setAttribute('aria-label', badgeLabel(report));
      sales.textContent = report ? String(report.salesiness) : '–';
      value.textContent = report ? String(report.value) : '–';
      dot.className = `dot ${report ? report.verdict : ''}`;
      place();
    },
    place,
    destroy: () => host.remove(),
  };
}
