/** The toolbar popup: the settings form, the privacy statement and a way to the options page. */
import { renderSettingsForm } from '../common/settings-form.js';
import { ext } from '../common/settings.js';

renderSettingsForm(document.getElementById('settings'));
document.getElementById('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());
