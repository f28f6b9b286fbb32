// @ts-check
/**
 * The types every part of the web layer shares (JSDoc only; this module exports nothing at run time). They
 * describe the engine's JSON contract (docs/ARCHITECTURE.md, "The report") and the one interface both engine
 * clients satisfy: `createLocalEngine` (wasm in this context) and `createRemoteEngine` (messages to the
 * extension's background).
 *
 * @typedef {{start: number, end: number, start_utf16: number, end_utf16: number}} Span
 *   Byte offsets (start/end) and UTF-16 offsets; JavaScript uses the UTF-16 ones only.
 * @typedef {{span: Span, text: string, label?: string}} Suggestion
 *   Empty `text` removes the span; an empty span inserts at that point.
 * @typedef {{id: string, title: string, summary: string}} Principle
 * @typedef {{
 *   rule: string, side: 'sales'|'value'|'platform', scope: 'phrase'|'post', principle: Principle,
 *   message: string, span: Span, points: number, suggestions: Suggestion[],
 * }} Finding
 * @typedef {'conversation'|'balanced'|'sales-pitch'} Verdict
 * @typedef {{
 *   platform: string, salesiness: number, value: number, verdict: Verdict, summary: string,
 *   findings: Finding[], stats: Record<string, number>,
 * }} Report
 * @typedef {{salesiness: number, value: number, verdict: Verdict}} Scores
 * @typedef {{text: string, before: Scores, after: Scores, applied: string[]}} Rewrite
 * @typedef {{name: string, rules: number, disabled: number}} PackInfo
 * @typedef {{platform?: string, sensitivity?: string}} EngineOptions
 *
 * @typedef {object} EngineClient
 * @property {(text: string, options?: EngineOptions) => Promise<Report>} analyze
 * @property {(text: string, options?: EngineOptions) => Promise<Rewrite>} rewrite
 * @property {(source: string) => Promise<PackInfo>} loadPack  rejects with an Error carrying .line and .column
 * @property {() => Promise<void>} resetPacks
 */
export {};
