/**
 * Trainer's rules: load a rule-pack file (TOML) into the page's engine to demonstrate an industry's own rules.
 * The engine validates it; an error is shown with its line and column and the previous rules stay active
 * (the engine keeps them). "Try the example pack" loads www/packs/dental-clinic.toml; "Back to the default
 * rules" drops every loaded pack.
 */

export const EXAMPLE_PACK = 'packs/dental-clinic.toml';

/**
 * @param {Document} doc
 * @param {{ engine: import('../../web/engine/types.js').EngineClient, onRulesChanged(): void }} deps
 */
export function createTrainerRules(doc, { engine, onRulesChanged }) {
  const input = doc.getElementById('pack-file');
  const reset = doc.getElementById('pack-reset');
  const status = doc.getElementById('pack-status');
  let active = 'Default rules.';

  function show(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  async function loadSource(source, fileName) {
    try {
      const info = await engine.loadPack(source);
      const off = info.disabled ? `, ${info.disabled} switched off` : '';
      active = `Pack “${info.name}” loaded from ${fileName}: ${info.rules} rule${info.rules === 1 ? '' : 's'}${off}.`;
      show(active, false);
      onRulesChanged();
      return info;
    } catch (error) {
      const where = error && error.line ? `Line ${error.line}, column ${error.column}: ` : '';
      show(`${fileName} was not loaded. ${where}${error?.message || error}. Still using: ${active.replace(/\.$/, '')}.`, true);
      return null;
    }
  }

  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    await loadSource(await file.text(), file.name);
    input.value = '';
  });
  doc.getElementById('pack-example').addEventListener('click', async () => {
    const response = await fetch(EXAMPLE_PACK);
    if (!response.ok) return show(`The example pack could not be fetched (HTTP ${response.status}).`, true);
    await loadSource(await response.text(), EXAMPLE_PACK.split('/').pop());
  });
  reset.addEventListener('click', async () => {
    await engine.resetPacks();
    active = 'Default rules.';
    show(active, false);
    onRulesChanged();
  });

  return { loadSource };
}
