/**
 * The settings form shared by the popup and the options page: on/off per site, profile override, sensitivity.
 * Changes are saved at once; the content scripts pick them up through storage.onChanged.
 */
import { loadSettings, saveSettings, PROFILES, SENSITIVITIES, SITES } from './settings.js';

const PROFILE_LABELS = { auto: 'Follow the site', facebook: 'Facebook', linkedin: 'LinkedIn', x: 'X', instagram: 'Instagram', generic: 'Generic' };

export function node(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** Render the form into `container`. */
export async function renderSettingsForm(container) {
  const settings = await loadSettings();
  const sites = node('fieldset', {}, [node('legend', { text: 'Coach me on' })]);
  for (const site of SITES) {
    const box = node('input', { type: 'checkbox', id: `site-${site.id}`, checked: settings.sites[site.id] !== false });
    box.addEventListener('change', () => saveSettings({ sites: { [site.id]: box.checked } }));
    sites.append(node('div', {}, [box, node('label', { for: `site-${site.id}`, text: ` ${site.label}` })]));
  }
  const select = (id, label, values, labels, current, key) => {
    const s = node('select', { id });
    for (const v of values) s.append(node('option', { value: v, text: labels[v] || v[0].toUpperCase() + v.slice(1), selected: v === current }));
    s.addEventListener('change', () => saveSettings({ [key]: s.value }));
    return node('div', { class: 'row' }, [node('label', { for: id, text: label }), s]);
  };
  container.append(
    sites,
    select('profile', 'Platform profile', PROFILES, PROFILE_LABELS, settings.profile, 'profile'),
    select('sensitivity', 'Sensitivity', SENSITIVITIES, {}, settings.sensitivity, 'sensitivity'),
  );
}
