// @ts-check
/**
 * The overlay's styles. Sales marks are orange with a wavy underline, value marks blue with a dotted underline:
 * the two differ in shape as well as hue (Okabe-Ito orange #D55E00 / blue #0072B2), so they stay distinct for
 * colour-blind users and in greyscale.
 */

export const SIDE_CLASS = { sales: 'sales', platform: 'sales', value: 'value' };
export const HIGHLIGHT_NAMES = { sales: 'postcoach-sales', value: 'postcoach-value' };

/** Page-scope rules for the CSS Custom Highlight API (static text, no page or draft content). */
export const PAGE_HIGHLIGHT_CSS = `
::highlight(postcoach-sales) { text-decoration: underline wavy #d55e00; text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(213, 94, 0, 0.10); }
::highlight(postcoach-value) { text-decoration: underline dotted #0072b2; text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(0, 114, 178, 0.08); }
`;

/** Shadow-root rules for the fallback mark boxes. */
export const MARKS_CSS = `
:host { all: initial; }
.mark { position: fixed; pointer-events: none; box-sizing: border-box; }
.mark.sales { border-bottom: 2px dashed #d55e00; background: rgba(213, 94, 0, 0.10); }
.mark.value { border-bottom: 3px double #0072b2; background: rgba(0, 114, 178, 0.08); }
`;

export const BADGE_CSS = `
:host { all: initial; }
button { position: fixed; display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; height: 22px;
  box-sizing: border-box; border: 1px solid #8a8a8a; border-radius: 11px; background: #fff; color: #1b1b1b;
  font: 600 12px/1 system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.2); white-space: nowrap; }
button:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
.s { color: #a64500; } .v { color: #005a8c; }
.dot { width: 9px; height: 9px; border-radius: 50%; background: #999; }
.dot.sales-pitch { background: #d55e00; border-radius: 1px; }
.dot.balanced { background: #e6a700; transform: rotate(45deg); border-radius: 1px; }
.dot.conversation { background: #009e73; }
.pending { opacity: .6; }
`;

export const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 520px);
  overflow: auto; padding: 14px 16px; background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 14px/1.45 system-ui, sans-serif; }
h2 { font-size: 15px; margin: 0 28px 6px 0; }
p { margin: 6px 0; }
.principle { color: #444; font-size: 13px; border-left: 3px solid #0072b2; padding-left: 8px; }
.side-sales h2::before { content: "▲ "; color: #a64500; }
.side-value h2::before { content: "● "; color: #005a8c; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
button { font: inherit; font-size: 13px; padding: 5px 10px; border-radius: 6px; border: 1px solid #666; background: #f4f4f4;
  color: #1b1b1b; cursor: pointer; text-align: left; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
button:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
.close { position: absolute; top: 8px; right: 8px; padding: 2px 8px; }
.compare { display: grid; gap: 8px; }
.compare section { border: 1px solid #ccc; border-radius: 6px; padding: 6px 8px; }
.compare h3 { font-size: 12px; margin: 0 0 4px; color: #444; }
.compare .text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul { padding-left: 18px; margin: 6px 0; }
li button { border: none; background: none; padding: 2px 0; text-decoration: underline; }
.note { font-size: 12px; color: #555; }
`;
