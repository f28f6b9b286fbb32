/**
 * Finds the compose boxes of a page as they appear, move and disappear, wherever the user writes:
 *
 *   - the document, and every open shadow root in it, nested ones and roots attached after load;
 *   - same-origin frames that get no content script of their own (about:blank and srcdoc frames, where editors
 *     such as TinyMCE write); frames with their own address on a matched host run their own content script
 *     (the manifest's all_frames), so they are left to it;
 *   - any field that gets the focus (the composed target of focusin, so inside shadow roots too).
 *
 * One MutationObserver watches every tree (document, shadow roots, frame documents), coalesced to one sweep
 * per 150 ms. A shadow root attached without a mutation is found by watching custom elements that are not yet
 * defined (checked every 250 ms while there are any: their upgrade attaches the root) and by a walk of all
 * elements, done at most once a second on mutations and every 2 s otherwise.
 */
import { editableRoot, isComposeBox } from './compose-box.js';

const SWEEP_MS = 150;
const WALK_MS = 1000;
const IDLE_WALK_MS = 2000;
const UPGRADE_MS = 250;
const CANDIDATES = 'textarea, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';
const OBSERVED = { childList: true, subtree: true, attributes: true,
  attributeFilter: ['contenteditable', 'hidden', 'style', 'class', 'aria-hidden', 'readonly', 'disabled', 'src', 'srcdoc'] };

/** The document of a frame when it is same-origin and no content script of its own runs there, else null. */
export function scriptlessFrameDocument(frame) {
  try {
    const doc = frame.contentDocument;
    const protocol = frame.contentWindow?.location.protocol;
    return doc && doc.documentElement && protocol !== 'http:' && protocol !== 'https:' ? doc : null;
  } catch {
    return null;   // cross-origin
  }
}

/**
 * Watch a document; call onFound(element) once per compose box (its ownerDocument may be a frame's),
 * onLost(element) when it leaves the DOM, and onMoved(element) when a sweep finds a known box somewhere else on
 * the screen (the page moved it without a scroll or resize: a framework re-parenting it, a layout change).
 * @returns {{ stop(): void, sweep(): void }}
 */
export function watchComposeBoxes(doc, { onFound, onLost, onMoved = () => {} }) {
  const known = new Map();      // element -> where it was at the last sweep ('left,top,width,height')
  const trees = new Set();      // the document, open shadow roots, scriptless frame documents
  const docs = new Set();       // documents with our focus listener
  let timer = 0;
  let lastWalk = -Infinity;
  const undefinedElements = new Set();   // custom elements waiting for their definition
  let upgradeTimer = 0;
  const observer = new MutationObserver(onMutations);

  const placeOf = (el) => { const r = el.getBoundingClientRect(); return `${r.left},${r.top},${r.width},${r.height}`; };
  function found(root) {
    known.set(root, placeOf(root));
    onFound(root);
  }
  function consider(candidate) {
    const root = editableRoot(candidate);
    if (root && !known.has(root) && isComposeBox(root)) found(root);
  }

  function addTree(tree) {
    if (trees.has(tree)) return;
    trees.add(tree);
    observer.observe(tree, OBSERVED);
    if (tree.nodeType === 11) findShadowRoots(tree);   // nested shadow roots
    const owner = tree.nodeType === 9 ? tree : null;
    if (owner && !docs.has(owner)) {
      docs.add(owner);
      owner.addEventListener('focusin', onFocus, true);
    }
  }

  /** Shadow roots of `scope`'s elements (and of `scope` itself when it is an element). */
  function findShadowRoots(scope) {
    if (scope.nodeType === 1 && scope.shadowRoot) addTree(scope.shadowRoot);
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) addTree(el.shadowRoot);
  }

  /** Elements upgraded since the last check get their shadow roots looked at. */
  function checkUpgrades() {
    upgradeTimer = 0;
    for (const el of undefinedElements) {
      if (!el.isConnected) undefinedElements.delete(el);
      else if (el.matches(':defined')) { undefinedElements.delete(el); findShadowRoots(el); schedule(0); }
    }
    if (undefinedElements.size) upgradeTimer = setTimeout(checkUpgrades, UPGRADE_MS);
  }

  function sweep() {
    timer = 0;
    for (const [el, place] of known) {
      if (!el.isConnected) { known.delete(el); onLost(el); continue; }
      const now = placeOf(el);
      if (now !== place) { known.set(el, now); onMoved(el); }
    }
    for (const tree of trees) {
      // a shadow root whose host left, a frame document that was replaced (found again if they come back)
      if (tree.nodeType === 9 ? tree !== doc && !tree.defaultView : !tree.isConnected) trees.delete(tree);
    }
    const now = performance.now();
    if (now - lastWalk >= WALK_MS) {
      lastWalk = now;
      for (const tree of Array.from(trees)) findShadowRoots(tree);
    }
    for (const tree of Array.from(trees)) {
      for (const frame of tree.querySelectorAll('iframe, frame')) {
        const frameDoc = scriptlessFrameDocument(frame);
        if (frameDoc) addTree(frameDoc);
      }
      for (const candidate of tree.querySelectorAll(CANDIDATES)) consider(candidate);
      for (const el of tree.querySelectorAll(':not(:defined)')) undefinedElements.add(el);
      // a frame's editable body (designMode or contenteditable) is its compose box
      if (tree.nodeType === 9 && tree !== doc && tree.body && (tree.body.isContentEditable || tree.designMode === 'on')) consider(tree.body);
    }
    if (undefinedElements.size && !upgradeTimer) upgradeTimer = setTimeout(checkUpgrades, UPGRADE_MS);
  }

  // SPAs mutate constantly: sweep at most every SWEEP_MS (focusin attaches at once anyway)
  const schedule = (delay = SWEEP_MS) => { if (!timer) timer = setTimeout(sweep, delay); };
  function onMutations(records) {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) findShadowRoots(node);
    }
    schedule();
  }
  function onFocus(event) {
    const target = event.composedPath()[0];
    const root = editableRoot(target);
    if (root && root.getRootNode() !== root.ownerDocument) addTree(root.getRootNode());
    if (root && !known.has(root) && isComposeBox(root)) found(root);
  }
  const idle = setInterval(() => { if (doc.visibilityState !== 'hidden') { lastWalk = -Infinity; schedule(0); } }, IDLE_WALK_MS);

  addTree(doc);
  sweep();
  return {
    sweep,
    stop() {
      observer.disconnect();
      for (const d of docs) d.removeEventListener('focusin', onFocus, true);
      clearTimeout(timer);
      clearInterval(idle);
      clearTimeout(upgradeTimer);
      undefinedElements.clear();
      for (const el of known.keys()) onLost(el);
      known.clear();
      trees.clear();
      docs.clear();
    },
  };
}
