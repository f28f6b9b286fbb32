/** The toolbar popup: the settings form, the mix of the last posts (mix.js), the privacy statement and a way to the
 * options page. */
import { renderSettingsForm } from '../common/settings-form.js';
import { renderMix } from './mix.js';
import { ext } from '../common/settings.js';

renderSettingsForm(document.getElementById('settings'));
renderMix(document.getElementById('mix'));
document.getElementById('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());
