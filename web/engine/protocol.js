// @ts-check
/**
 * The message protocol between the extension's pages / content scripts and the background that hosts the engine.
 *
 *   request:  {type: 'analyze', text, options} | {type: 'rewrite', text, options}
 *             | {type: 'loadPack', source} | {type: 'resetPacks'} | {type: 'status'}
 *             | {type: 'recordPost', post} | {type: 'clearHistory'}   (the extension's post history,
 *               extension/src/background/history.js)
 *   response: {ok: true, json} (the result as a JSON string) | {ok: false, error: {message, line?, column?}}
 *
 * An analysis report travels packed (`packReport` / `unpackReport`): every finding of a rule carries the same
 * message and principle, so they are sent once per rule. That halves a long draft's reply (120 KB to 62 KB
 * for 187 findings) and with it the messaging layer's copying.
 */

/** @typedef {import('./types.js').Report} Report */
/** @typedef {import('./types.js').Finding} Finding */
/**
 * @typedef {{type: 'analyze'|'rewrite', text: string, options?: import('./types.js').EngineOptions}
 *   | {type: 'loadPack', source: string} | {type: 'resetPacks'} | {type: 'status'}
 *   | {type: 'recordPost', post: {platform: string, salesiness: number, value: number, verdict: string,
 *       firstLine?: string}} | {type: 'clearHistory'}} Request
 * @typedef {{message: string, line?: number, column?: number}} ErrorInfo
 * @typedef {{ok: true, json: string} | {ok: false, error: ErrorInfo}} Response
 * @typedef {Omit<Finding, 'message'|'principle'>} PackedFinding
 * @typedef {Omit<Report, 'findings'> & {findings: PackedFinding[],
 *   rules: Record<string, {message: string, principle: import('./types.js').Principle}>}} PackedReport
 */

export const MESSAGE_TYPES = /** @type {const} */ ([
  'analyze', 'rewrite', 'loadPack', 'resetPacks', 'status', 'recordPost', 'clearHistory',
]);

/**
 * Turn a failed response back into an Error carrying .line / .column (pack errors).
 * @param {ErrorInfo | undefined} error
 * @returns {Error & {line?: number, column?: number}}
 */
export function errorFromResponse(error) {
  const e = /** @type {Error & {line?: number, column?: number}} */ (new Error(error?.message || 'postcoach: engine error'));
  if (error && error.line !== undefined) {
    e.line = error.line;
    e.column = error.column;
  }
  return e;
}

/**
 * The failure response for an error thrown while answering.
 * @param {any} error
 * @returns {Response}
 */
export function errorResponse(error) {
  return { ok: false, error: { message: error?.message || String(error), line: error?.line, column: error?.column } };
}

/**
 * A report with each rule's message and principle moved out of its findings into `rules`.
 * @param {Report} report
 * @returns {PackedReport}
 */
export function packReport(report) {
  if (!report || !Array.isArray(report.findings)) return /** @type {any} */ (report);
  /** @type {PackedReport['rules']} */
  const rules = {};
  const findings = report.findings.map(({ message, principle, ...finding }) => {
    rules[finding.rule] ??= { message, principle };
    return finding;
  });
  return { ...report, findings, rules };
}

/**
 * The report `packReport` packed, as the engine wrote it.
 * @param {PackedReport} packed
 * @returns {Report}
 */
export function unpackReport(packed) {
  if (!packed || !packed.rules || !Array.isArray(packed.findings)) return /** @type {any} */ (packed);
  const { rules, ...rest } = packed;
  const findings = packed.findings.map((finding) => /** @type {Finding} */ ({ ...finding, ...rules[finding.rule] }));
  return { ...rest, findings };
}
