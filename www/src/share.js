/**
 * Share links: the draft and its platform travel in the URL *fragment* (`#draft=...&platform=...`), which browsers
 * never send to a server, so a shared link reveals the draft only to whoever opens it. `readShared` parses a
 * fragment, `shareUrl` builds a link, `watchShared` restores on load and whenever the fragment changes.
 */

/** @typedef {{ draft: string, platform?: string }} SharedDraft */

/**
 * @param {string} hash location.hash (with or without '#')
 * @returns {SharedDraft | null} null when the fragment carries no draft
 */
export function readShared(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('draft')) return null;
  const shared = { draft: params.get('draft') };
  const platform = params.get('platform');
  if (platform) shared.platform = platform;
  return shared;
}

/** The fragment for a draft ("#draft=...&platform=..."). */
export function shareFragment({ draft, platform }) {
  const params = new URLSearchParams({ draft });
  if (platform) params.set('platform', platform);
  return `#${params.toString()}`;
}

/** A full link to this page carrying the draft. */
export function shareUrl(shared, location = window.location) {
  return `${location.origin}${location.pathname}${location.search}${shareFragment(shared)}`;
}

/**
 * Call `restore` with the shared draft now (if the page was opened from a share link) and on every hashchange.
 * @param {(shared: SharedDraft) => void} restore
 */
export function watchShared(restore) {
  const apply = () => {
    const shared = readShared(window.location.hash);
    if (shared) restore(shared);
  };
  window.addEventListener('hashchange', apply);
  apply();
}
