/**
 * Applying an edit through the editor's own input path, so that the editor's state, caret, further typing and
 * undo keep working: focus the field, select the range (DOM selection for contenteditable, setSelectionRange
 * for a textarea), let the editor see the selection change, then `document.execCommand('insertText')` (an
 * empty text removes the range). Where execCommand is refused, a cancelable `beforeinput` is offered to the
 * editor (Lexical handles it); a textarea that nobody handled gets `setRangeText` plus an `input` event.
 *
 * Never a synthetic `input` after a handled `beforeinput`: that duplicates text in Lexical.
 */

/** Resolve after the document's next selectionchange (editors such as Draft.js read the selection there). */
function selectionSettled(doc) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', finish);
      // one more task so that the editor's own selectionchange handler has run
      setTimeout(resolve, 0);
    };
    doc.addEventListener('selectionchange', finish);
    setTimeout(finish, 50);
  });
}

/**
 * Replace [start, end) of the field with `text`, provided the field still holds `expected` (the text the edit
 * was computed from) once the selection is in place; otherwise nothing is changed.
 * @param {ReturnType<import('./field-adapters.js').createAdapter>} adapter
 * @returns {Promise<boolean>} whether the editor took the edit
 */
export async function applyEdit(adapter, start, end, text, expected = adapter.readText()) {
  const doc = adapter.element.ownerDocument;
  if (adapter.readText() !== expected) return false;
  adapter.focus();
  adapter.select(start, end);
  await selectionSettled(doc);
  const before = adapter.readText();
  if (before !== expected) return false;   // the user typed while the editor caught up: their text wins
  let ok = false;
  try {
    ok = doc.execCommand('insertText', false, text);
  } catch { ok = false; }
  // Editors such as Lexical cancel the native edit and re-render on a microtask: trust execCommand's answer.
  if (ok) return true;

  const event = new InputEvent('beforeinput', { inputType: text ? 'insertText' : 'deleteContentBackward', data: text || null, bubbles: true, cancelable: true, composed: true });
  const handled = !adapter.element.dispatchEvent(event);
  if (handled) return adapter.readText() !== before;
  if (adapter.kind === 'textarea') {
    adapter.element.setRangeText(text, start, end, 'end');
    adapter.element.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
    return true;
  }
  return false;
}
