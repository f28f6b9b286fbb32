/**
 * Detects that a coached draft was posted, the same way on the three sites' composers (Lexical, Quill, Draft.js
 * and plain textareas): the site's post button was used (a click on a button labelled Post / Tweet / Reply /
 * Share..., X's data-testid="tweetButton*", or Ctrl/Cmd+Enter in the draft), and right after it (within a few
 * seconds) the draft was cleared or its composer closed. A draft cleared without the button (discarded), or a
 * button that did not clear the draft (the site refused it), is not a post.
 *
 *   const watcher = watchPosting(document, { coach, analyze, onPosted });   // onPosted({text, report})
 *   watcher.stop();
 *
 * `coach` is the overlay (its attached fields); `analyze(text)` scores a draft whose last report is stale (the
 * button was used before the debounce ran).
 */
const POST_LABEL = /^(post|post all|tweet|tweet all|reply|share|share now|publish|send)$/i;
const POST_TEST_IDS = new Set(['tweetButton', 'tweetButtonInline']);
/** How long after the button the draft may take to clear. */
const WINDOW_MS = 8000;
const POLL_MS = 150;

/** The post button `target` is in, or null. */
export function postButtonOf(target) {
  const button = target instanceof Element ? target.closest('button, [role="button"]') : null;
  if (!button || button.disabled || button.getAttribute('aria-disabled') === 'true') return null;
  if (POST_TEST_IDS.has(button.dataset.testid)) return button;
  const label = (button.getAttribute('aria-label') || button.textContent || '').trim();
  return POST_LABEL.test(label) ? button : null;
}

export function watchPosting(doc, { coach, analyze, onPosted, windowMs = WINDOW_MS }) {
  /** Drafts waiting to be cleared: {element, adapter, text, report, until} */
  let pending = [];
  let timer = 0;

  function arm(fields) {
    const until = Date.now() + windowMs;
    for (const field of fields) {
      const { adapter } = field;
      const text = adapter.readText();
      if (!text.trim() || pending.some((p) => p.element === field.element)) continue;
      const report = field.text === text ? field.report : null;
      pending.push({ element: field.element, adapter, text, report, until });
    }
    timer ||= setInterval(check, POLL_MS);
  }

  function check() {
    const now = Date.now();
    const still = [];
    for (const draft of pending) {
      const cleared = !draft.element.isConnected || !draft.adapter.readText().trim();
      if (cleared) posted(draft);
      else if (now < draft.until) still.push(draft);
    }
    pending = still;
    if (!pending.length) {
      clearInterval(timer);
      timer = 0;
    }
  }

  async function posted({ text, report }) {
    try {
      await onPosted({ text, report: report || (await analyze(text)) });
    } catch (error) {
      console.warn('postcoach: could not record the post', error);
    }
  }

  const onClick = (event) => {
    if (postButtonOf(event.target)) arm(coach.fields);
  };
  const onKeyDown = (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    const field = coach.fields.find((f) => f.element.contains(event.target));
    if (field) arm([field]);
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKeyDown, true);
  return {
    stop() {
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      clearInterval(timer);
      pending = [];
    },
  };
}
