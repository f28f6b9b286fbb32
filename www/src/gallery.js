/**
 * The gallery: ready example posts (www/gallery.json — sales, balanced and value posts from several industries
 * and platforms) listed as one-click buttons. Also the order presentation mode steps through with next/previous.
 */

/** @typedef {{ id: string, title: string, kind: 'sales'|'balanced'|'value', industry: string, platform: string, text: string }} Example */

const KIND_LABELS = { sales: 'Sales pitch', balanced: 'Balanced', value: 'Value first' };
const PLATFORM_LABELS = { facebook: 'Facebook', linkedin: 'LinkedIn', x: 'X' };

/** Fetch the examples (same origin; kept by the service worker for offline use). */
export async function loadExamples(url = 'gallery.json') {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`gallery: HTTP ${response.status}`);
  const { examples } = await response.json();
  return /** @type {Example[]} */ (examples);
}

/** Human label of a platform id ("linkedin" -> "LinkedIn"). */
export function platformLabel(platform) {
  return PLATFORM_LABELS[platform] || platform;
}

/**
 * Render the example list into #gallery-list.
 * @param {Document} doc
 * @param {Example[]} examples
 * @param {(index: number) => void} onPick
 * @returns {{ markCurrent(index: number | null): void }}
 */
export function renderGallery(doc, examples, onPick) {
  const list = doc.getElementById('gallery-list');
  const buttons = examples.map((example, index) => {
    const item = doc.createElement('li');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = `example example-${example.kind}`;
    button.dataset.exampleId = example.id;
    const title = doc.createElement('span');
    title.className = 'example-title';
    title.textContent = example.title;
    const meta = doc.createElement('span');
    meta.className = 'example-meta';
    const kind = doc.createElement('span');
    kind.className = 'example-kind';
    kind.textContent = KIND_LABELS[example.kind] || example.kind;
    meta.append(kind, ` · ${example.industry} · ${platformLabel(example.platform)}`);
    const preview = doc.createElement('span');
    preview.className = 'example-preview';
    preview.textContent = example.text.length > 90 ? `${example.text.slice(0, 88)}…` : example.text;
    button.append(title, meta, preview);
    button.addEventListener('click', () => onPick(index));
    item.append(button);
    list.append(item);
    return button;
  });
  return {
    markCurrent(index) {
      buttons.forEach((button, i) => {
        if (i === index) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      });
    },
  };
}

/** The next index in the gallery order, wrapping; from "no example" (null) forward is 0, backward the last. */
export function stepIndex(current, step, count) {
  if (count === 0) return null;
  if (current === null) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}
