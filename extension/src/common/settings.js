/**
 * Settings shared by the content script, popup and options page: which sites are coached, the platform
 * profile override and the sensitivity, kept in `storage.local` (never synced, never sent anywhere).
 */

/** The WebExtension API object of this browser (Firefox `browser`, Chrome `chrome`). */
export const ext = globalThis.browser ?? globalThis.chrome;

export const SITES = [
  { id: 'facebook', label: 'Facebook', hosts: ['facebook.com'] },
  { id: 'linkedin', label: 'LinkedIn', hosts: ['linkedin.com'] },
  { id: 'x', label: 'X (Twitter)', hosts: ['x.com', 'twitter.com'] },
];
export const PROFILES = ['auto', 'facebook', 'linkedin', 'x', 'instagram', 'generic'];
export const SENSITIVITIES = ['gentle', 'normal', 'strict'];

export const DEFAULT_SETTINGS = Object.freeze({
  sites: { facebook: true, linkedin: true, x: true },
  profile: 'auto',
  sensitivity: 'normal',
});

/** The site id ('facebook' | 'linkedin' | 'x') of a hostname, or null. */
export function siteForHost(hostname) {
  const host = String(hostname || '').toLowerCase();
  const site = SITES.find((s) => s.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
  return site ? site.id : null;
}

/** The engine platform to use on a site, honouring the profile override. */
export function platformFor(site, settings) {
  return settings.profile && settings.profile !== 'auto' ? settings.profile : site || 'generic';
}

function merge(stored) {
  const s = stored || {};
  return {
    sites: { ...DEFAULT_SETTINGS.sites, ...(s.sites || {}) },
    profile: PROFILES.includes(s.profile) ? s.profile : DEFAULT_SETTINGS.profile,
    sensitivity: SENSITIVITIES.includes(s.sensitivity) ? s.sensitivity : DEFAULT_SETTINGS.sensitivity,
  };
}

export async function loadSettings() {
  const { settings } = await ext.storage.local.get('settings');
  return merge(settings);
}

export async function saveSettings(patch) {
  const current = await loadSettings();
  const next = merge({ ...current, ...patch, sites: { ...current.sites, ...(patch.sites || {}) } });
  await ext.storage.local.set({ settings: next });
  return next;
}

/** Call `listener(settings)` whenever the settings change (in any context). Returns an unsubscribe. */
export function onSettingsChanged(listener) {
  const handler = (changes, area) => {
    if (area === 'local' && changes.settings) listener(merge(changes.settings.newValue));
  };
  ext.storage.onChanged.addListener(handler);
  return () => ext.storage.onChanged.removeListener(handler);
}
