/**
 * The message protocol between the extension's pages/content script and the background that hosts the engine.
 *
 *   request:  {type: 'analyze', text, options} | {type: 'rewrite', text, options}
 *             | {type: 'loadPack', source} | {type: 'resetPacks'} | {type: 'status'}
 *             | {type: 'recordPost', post} | {type: 'clearHistory'}   (the post history, background/history.js)
 *   response: {ok: true, json} (the result as a JSON string) | {ok: false, error: {message, line?, column?}}
 *
 * An analysis report travels packed (`packReport` / `unpackReport`): every finding of a rule carries the same
 * message and principle, so they are sent once per rule. That halves a long draft's reply (120 KB to 62 KB
 * for 187 findings) and with it the messaging layer's copying.
 */
export const MESSAGE_TYPES = ['analyze', 'rewrite', 'loadPack', 'resetPacks', 'status', 'recordPost', 'clearHistory'];

/** Turn a failed response back into an Error carrying .line / .column (pack errors). */
export function errorFromResponse(error) {
  const e = new Error(error?.message || 'postcoach: engine error');
  if (error && error.line !== undefined) {
    e.line = error.line;
    e.column = error.column;
  }
  return e;
}

/** A report with each rule's message and principle moved out of its findings into `rules`. */
export function packReport(report) {
  if (!report || !Array.isArray(report.findings)) return report;
  const rules = {};
  const findings = report.findings.map(({ message, principle, ...finding }) => {
    rules[finding.rule] ??= { message, principle };
    return finding;
  });
  return { ...report, findings, rules };
}

/** The report `packReport` packed, as the engine wrote it. */
export function unpackReport(packed) {
  if (!packed || !packed.rules || !Array.isArray(packed.findings)) return packed;
  const { rules, ...report } = packed;
  report.findings = packed.findings.map((finding) => ({ ...finding, ...rules[finding.rule] }));
  return report;
}
