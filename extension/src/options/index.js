/**
 * The options page: the settings form plus the trainer's rule-pack import. The pack is validated by the engine
 * in the background; an error is shown with its line and column and the previous pack stays in use.
 */
import { renderSettingsForm } from '../common/settings-form.js';
import { backgroundEngine } from '../common/engine.js';

const engine = backgroundEngine();
const $ = (id) => document.getElementById(id);
const source = $('pack-source');
const status = $('pack-status');

function say(text, kind) {
  status.textContent = text;
  status.className = `status ${kind || ''}`;
}

async function showCurrent() {
  try {
    const { version, pack } = await engine.status();
    $('pack-current').textContent = pack
      ? `In use: the default rules (engine ${version}) plus pack "${pack.name}" (${pack.rules} rules, ${pack.disabled} switched off).`
      : `In use: the default rules (engine ${version}).`;
  } catch (error) {
    $('pack-current').textContent = `The engine is not available: ${error.message}`;
  }
}

$('pack-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) source.value = await file.text();
});

$('pack-load').addEventListener('click', async () => {
  say('Checking the pack…');
  try {
    const info = await engine.loadPack(source.value);
    say(`Loaded "${info.name}": ${info.rules} rules, ${info.disabled} switched off.`, 'ok');
  } catch (error) {
    const where = error.line ? `Line ${error.line}, column ${error.column}: ` : '';
    say(`${where}${error.message}\nThe previous rules are still in use.`, 'error');
    if (error.line) {
      const lines = source.value.split('\n');
      const start = lines.slice(0, error.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, error.column - 1);
      source.focus();
      source.setSelectionRange(start, Math.min(source.value.length, start + 1));
    }
  }
  showCurrent();
});

$('pack-reset').addEventListener('click', async () => {
  await engine.resetPacks();
  say('Back to the default rules.', 'ok');
  showCurrent();
});

renderSettingsForm($('settings'));
showCurrent();
