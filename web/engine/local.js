// @ts-check
/**
 * EngineClient (types.js) over the wasm-bindgen module, in the current JavaScript context (the extension's background and
 * the workshop page). See docs/ARCHITECTURE.md, "The engine interface in JavaScript".
 *
 *   const engine = createLocalEngine(wasmUrl);              // imports postcoach.js next to the .wasm
 *   const engine = createLocalEngine(wasmUrl, bindings);    // bindings = the imported postcoach.js module
 *                                                           // (service workers cannot use dynamic import())
 *
 * The module is initialised once, on first use. Pack errors reject with an Error carrying .line and .column.
 */

/** @typedef {import('./types.js').EngineClient} EngineClient */
/** @typedef {import('./types.js').EngineOptions} EngineOptions */

/* global __POSTCOACH_STATIC_ENGINE__ */   // declared for the type check in ../globals.d.ts
/** import() of the bindings beside the wasm; compiled out of bundles that always pass `bindings` (the background). */
/** @type {null | ((wasmUrl: string|URL) => Promise<any>)} */
const importBeside = typeof __POSTCOACH_STATIC_ENGINE__ !== 'undefined' && __POSTCOACH_STATIC_ENGINE__
  ? null
  : (wasmUrl) => import(/* @vite-ignore */ new URL('postcoach.js', wasmUrl).href);

/**
 * The engine's pack error ({line, column, message}) as an Error carrying .line and .column.
 * @param {unknown} raw
 * @returns {Error & {line?: number, column?: number}}
 */
function packError(raw) {
  if (raw instanceof Error && /** @type {any} */ (raw).line !== undefined) return raw;
  const info = /** @type {{line?: number, column?: number, message?: string}} */ (raw && typeof raw === 'object' ? raw : { line: 0, column: 0, message: String(raw) });
  const error = /** @type {Error & {line?: number, column?: number}} */ (new Error(info.message || String(raw)));
  error.line = info.line ?? 0;
  error.column = info.column ?? 0;
  return error;
}

/**
 * @param {string|URL} wasmUrl URL of postcoach_bg.wasm
 * @param {object} [bindings] the wasm-bindgen module namespace (default: import postcoach.js beside the wasm)
 * @returns {EngineClient & {ready: Promise<void>, version(): Promise<string>,
 *   auditFile(name: string, bytes: Uint8Array, options?: EngineOptions): Promise<any>}}
 */
export function createLocalEngine(wasmUrl, bindings) {
  /** @type {Promise<any> | null} */
  let loading = null;
  const load = () => {
    loading ??= (async () => {
      const mod = bindings || (importBeside ? await importBeside(wasmUrl) : null);
      await mod.default({ module_or_path: wasmUrl });
      return mod;
    })().catch((error) => { loading = null; throw error; });   // a later call tries again
    return loading;
  };
  /** @type {<T>(fn: (mod: any) => T) => Promise<T>} */
  const call = async (fn) => {
    const mod = await load();
    try {
      return fn(mod);
    } catch (raw) {
      throw packError(raw);
    }
  };
  return {
    /** @returns {Promise<void>} */
    get ready() { return load().then(() => undefined); },
    analyze: (text, options = {}) => call((m) => m.analyze(text, clean(options))),
    rewrite: (text, options = {}) => call((m) => m.rewrite(text, clean(options))),
    loadPack: (source) => call((m) => m.load_pack(source)),
    resetPacks: () => call((m) => { m.reset_packs(); }),
    version: () => call((m) => m.version()),
    // The audit of a post history export (the workshop's "Your mix"): wasm audit_file, shared with `postcoach audit`;
    // only the audit engine (dist/engine/audit, feature `audit`) has it.
    auditFile: (name, bytes, options = {}) => call((m) => m.audit_file(name, bytes, clean(options))),
  };
}

/**
 * Only the option keys the engine knows, without undefined values.
 * @param {EngineOptions} [options]
 */
function clean({ platform, sensitivity } = {}) {
  /** @type {EngineOptions} */
  const options = {};
  if (platform) options.platform = platform;
  if (sensitivity) options.sensitivity = sensitivity;
  return options;
}
