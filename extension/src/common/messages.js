/**
 * The message protocol between the extension's pages/content script and the background that hosts the engine.
 *
 *   request:  {type: 'analyze', text, options} | {type: 'rewrite', text, options}
 *             | {type: 'loadPack', source} | {type: 'resetPacks'} | {type: 'status'}
 *   response: {ok: true, json} (the result as a JSON string) | {ok: false, error: {message, line?, column?}}
 */
export const MESSAGE_TYPES = ['analyze', 'rewrite', 'loadPack', 'resetPacks', 'status'];

/** Turn a failed response back into an Error carrying .line / .column (pack errors). */
export function errorFromResponse(error) {
  const e = new Error(error?.message || 'postcoach: engine error');
  if (error && error.line !== undefined) {
    e.line = error.line;
    e.column = error.column;
  }
  return e;
}
