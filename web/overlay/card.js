// @ts-check
/**
 * The card: a dialog next to a finding (or the badge) with the message, the principle behind it, the suggestions
 * as buttons, and the whole-post rewrite as before/after with both scores and Apply / Dismiss.
 *
 * Dialog behaviour: role="dialog" with an aria-label, focus moves to its first button on open, Tab and Shift+Tab
 * stay inside, Escape (or the close button) closes it and hands focus back through `onClose` (the field restores
 * its caret). Every draft or engine string is set with textContent.
 */
import { createShadowHost, el, verdictLabel } from './dom.js';
import { CARD_CSS } from './styles.js';

const scoreLine = (s) => `salesiness ${s.salesiness}, value ${s.value} (${verdictLabel(s.verdict)})`;

/** The keyboard shortcuts (event.code with Alt+Shift) that also work while a card has focus. */
export const SHORTCUT_CODES = ['KeyN', 'KeyR', 'KeyB'];

/**
 * @param {Document} doc
 * @param {{ onShortcut?: (code: string) => void }} [options] Alt+Shift+N/R/B pressed inside the card
 */
export function createCard(doc, { onShortcut } = {}) {
  const { host, root } = createShadowHost(doc, CARD_CSS, 'card');
  const win = /** @type {Window} */ (doc.defaultView);
  let dialog = null;
  let onClose = null;

  function close(reason = 'dismiss') {
    if (!dialog) return;
    dialog.remove();
    dialog = null;
    const done = onClose;
    onClose = null;
    done?.(reason);
  }

  function trapKeys(event) {
    event.stopPropagation();
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && SHORTCUT_CODES.includes(event.code)) {
      event.preventDefault();
      onShortcut?.(event.code);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close('escape');
    } else if (event.key === 'Tab') {
      const items = Array.from(dialog.querySelectorAll('button'));
      if (items.length === 0) return;
      const current = root.activeElement;
      const i = items.indexOf(current);
      const next = event.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i === items.length - 1 ? 0 : i + 1);
      event.preventDefault();
      items[next].focus();
    }
  }

  /** Show a dialog built by `build(dialogElement)` near `anchor` (a DOMRect). */
  function open({ label, anchor, className = '', build, onClose: whenClosed }) {
    close('replaced');
    dialog = el(doc, 'div', { class: `card ${className}`, role: 'dialog', 'aria-modal': 'true', 'aria-label': label });
    dialog.addEventListener('keydown', trapKeys);
    dialog.append(el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => close('dismiss') }));
    build(dialog);
    root.append(dialog);
    onClose = whenClosed;
    position(anchor);
    const first = dialog.querySelector('button:not(.close)') || dialog.querySelector('button');
    first.focus();
  }

  function position(anchor) {
    const w = dialog.offsetWidth;
    const h = dialog.offsetHeight;
    const a = anchor || { left: 8, right: 8, top: 8, bottom: 8 };
    let top = a.bottom + 8;
    if (top + h > win.innerHeight - 8) top = Math.max(8, a.top - h - 8);
    const left = Math.max(8, Math.min(a.left, win.innerWidth - w - 8));
    dialog.style.top = `${top}px`;
    dialog.style.left = `${left}px`;
  }

  return {
    host,
    get isOpen() { return !!dialog; },
    get element() { return dialog; },
    close,

    /** One finding: message, principle, suggestions, rewrite. */
    openFinding({ anchor, finding, onSuggestion, onRewrite, onClose: whenClosed }) {
      open({
        label: `postcoach: ${finding.principle?.title || finding.rule}`,
        anchor, className: `side-${finding.side === 'value' ? 'value' : 'sales'}`, onClose: whenClosed,
        build(d) {
          d.append(
            el(doc, 'h2', { text: finding.principle?.title || finding.rule }),
            el(doc, 'p', { class: 'message', text: finding.message }),
            finding.principle?.summary && el(doc, 'p', { class: 'principle', text: finding.principle.summary }),
          );
          const actions = el(doc, 'div', { class: 'actions' });
          (finding.suggestions || []).forEach((s, i) => {
            actions.append(el(doc, 'button', {
              type: 'button', class: 'suggestion', 'data-suggestion': i,
              text: s.label || (s.text ? `Replace with “${s.text}”` : 'Remove this'),
              onclick: () => { close('apply'); onSuggestion(i); },
            }));
          });
          actions.append(el(doc, 'button', { type: 'button', class: 'rewrite', text: 'Rewrite the whole post', onclick: () => { close('rewrite'); onRewrite(); } }));
          d.append(actions);
        },
      });
    },

    /** The badge's card: summary and the list of findings. */
    openSummary({ anchor, report, onFinding, onRewrite, onClose: whenClosed }) {
      open({
        label: `postcoach: ${scoreLine(report)}`, anchor, onClose: whenClosed,
        build(d) {
          d.append(el(doc, 'h2', { text: `Salesiness ${report.salesiness} · value ${report.value} · ${verdictLabel(report.verdict)}` }));
          if (report.summary) d.append(el(doc, 'p', { text: report.summary }));
          const list = el(doc, 'ul');
          report.findings.forEach((f, i) => {
            const item = el(doc, 'li');
            if (f.scope === 'post') item.append(el(doc, 'span', { text: f.message }));
            else item.append(el(doc, 'button', { type: 'button', 'data-finding': i, text: f.message, onclick: () => { close('finding'); onFinding(i); } }));
            list.append(item);
          });
          if (report.findings.length) d.append(list);
          d.append(el(doc, 'div', { class: 'actions' }, [
            el(doc, 'button', { type: 'button', class: 'rewrite primary', text: 'Rewrite the whole post', onclick: () => { close('rewrite'); onRewrite(); } }),
          ]));
          d.append(el(doc, 'p', { class: 'note', text: 'Alt+Shift+N: next finding · Alt+Shift+R: rewrite · Everything stays on this computer.' }));
        },
      });
    },

    /** Before/after of the whole-post rewrite with both scores. */
    openRewrite({ anchor, original, rewrite, onApply, onClose: whenClosed }) {
      open({
        label: 'postcoach: rewrite the whole post', anchor, onClose: whenClosed,
        build(d) {
          d.append(el(doc, 'h2', { text: 'Rewrite the whole post' }));
          d.append(el(doc, 'div', { class: 'compare' }, [
            el(doc, 'section', { class: 'before' }, [
              el(doc, 'h3', { text: `Before: ${scoreLine(rewrite.before)}` }), el(doc, 'div', { class: 'text', text: original }),
            ]),
            el(doc, 'section', { class: 'after' }, [
              el(doc, 'h3', { text: `After: ${scoreLine(rewrite.after)}` }), el(doc, 'div', { class: 'text', text: rewrite.text }),
            ]),
          ]));
          d.append(el(doc, 'div', { class: 'actions' }, [
            el(doc, 'button', { type: 'button', class: 'apply primary', text: 'Apply', onclick: () => { close('apply'); onApply(); } }),
            el(doc, 'button', { type: 'button', class: 'dismiss', text: 'Dismiss', onclick: () => close('dismiss') }),
          ]));
        },
      });
    },

    /** A message that an edit could not be applied, with its text to copy. */
    openNotice({ anchor, title, message, copyText, onClose: whenClosed }) {
      open({
        label: `postcoach: ${title}`, anchor, className: 'notice', onClose: whenClosed,
        build(d) {
          const status = el(doc, 'p', { class: 'note', role: 'status' });
          d.append(el(doc, 'h2', { text: title }), el(doc, 'p', { class: 'message', text: message }));
          if (copyText) d.append(el(doc, 'div', { class: 'compare' }, [el(doc, 'div', { class: 'text', text: copyText })]));
          d.append(el(doc, 'div', { class: 'actions' }, [
            copyText && el(doc, 'button', { type: 'button', class: 'copy primary', text: 'Copy the suggestion', onclick: () => {
              win.navigator.clipboard?.writeText(copyText).then(() => { status.textContent = 'Copied.'; },
                () => { status.textContent = 'Copying was not allowed: select the text above and copy it.'; });
            } }),
            el(doc, 'button', { type: 'button', class: 'dismiss', text: 'Close', onclick: () => close('dismiss') }),
          ]), status);
        },
      });
    },

    destroy() {
      close('destroy');
      host.remove();
    },
  };
}
