/**
 * Applying an edit through the editor's own input path, so that the editor's state, caret, further typing and
 * undo keep working: focus the field, select the range (DOM selection for contenteditable, setSelectionRange
 * for a textarea), let the editor see the selection change, then `document.execCommand('insertText')` (an
 * empty text removes the range). Where execCommand is refused, a cancelable `beforeinput` is offered to the
 * editor (Lexical handles it); a textarea that nobody handled gets `setRangeText` plus an `input` event.
 *
 * Never a synthetic `input` after a handled `beforeinput`: that duplicates text in Lexical.
 *
 * Text with line breaks goes into a contenteditable as a paste (a `paste` event carrying text/plain): Lexical,
 * Quill and Draft.js all turn a pasted "\n" into their own line or paragraph, with undo, whereas a multi-line
 * insertText loses the breaks in Lexical and corrupts Draft.js's DOM. An editor that ignores the paste event gets
 * execCommand's insertText, which a plain contenteditable handles.
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

/** Offer `text` to the editor as a paste; true when the editor took it (cancelled the native paste). */
function pasteText(element, text) {
  let data;
  try {
    data = new DataTransfer();
    data.setData('text/plain', text);
  } catch {
    return false;
  }
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  return !element.dispatchEvent(event);
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
  if (text.includes('\n') && adapter.kind === 'contenteditable' && pasteText(adapter.element, text)) return true;
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
