// The shell of every HTML report: one self-contained file (inline CSS, inline SVG, no script, no
// font, no image, and a Content-Security-Policy that forbids loading anything), with the TLP
// marking at the top of the screen and of every printed page, in TLP 2.0's colours.
import type { Tlp } from '../../plan/types.js';
import { htmlText as h } from '../../safe-text/index.js';

// TLP 2.0: the label in its colour on black, at the top of each page.
const TLP_COLOUR: Record<Tlp, string> = { CLEAR: '#ffffff', GREEN: '#33ff00', AMBER: '#ffc000', 'AMBER+STRICT': '#ffc000', RED: '#ff2b2b' };

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1f23;background:#fff}
main{padding:56px 28px 48px;max-width:1400px;margin:0 auto}
.tlp-banner{position:fixed;top:0;left:0;right:0;z-index:10;background:#000;text-align:center;padding:6px 0;font:bold 14pt/1.2 system-ui,Arial,sans-serif;letter-spacing:.04em}
.tlp-footer{position:fixed;bottom:0;left:0;right:0;background:#000;text-align:center;padding:3px 0;font:bold 12pt/1.2 system-ui,Arial,sans-serif}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5d8de;padding-bottom:4px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}.meta dt{color:#555;font-weight:600}.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}th,td{border:1px solid #d5d8de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f6}tr.retracted td{text-decoration:line-through;color:#777}tr.inject td{background:#fff8e1}
.result{display:inline-block;padding:2px 10px;border-radius:4px;font-weight:bold}.passed{background:#d9f2d9;color:#1f5e1f}.failed{background:#fde0e0;color:#8a1c1c}
.status-met{color:#1f5e1f}.status-met-late,.status-overdue{color:#a11;font-weight:600}.status-missed{color:#a11;font-weight:600}.status-late{color:#a60;font-weight:600}
.diagram{overflow-x:auto;border:1px solid #d5d8de;border-radius:4px;margin:6px 0 12px}.diagram svg{display:block}
.chart svg{max-width:100%;height:auto}
.note{white-space:pre-wrap;background:#f6f7f9;border-left:3px solid #c9ced6;padding:6px 10px;margin:6px 0}
.legend span{display:inline-block;margin-right:14px}.swatch{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin-right:4px;border:1px solid #666}
table.page-frame,table.page-frame>*>tr>td{border:none;padding:0;margin:0;background:none}
table.page-frame{table-layout:fixed}
.page-frame>thead,.page-frame>tfoot{display:none}
.tlp-print{background:#000;text-align:center;padding:4px 0;font:bold 12pt/1.2 system-ui,Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page-frame>thead .tlp-print{margin-bottom:6mm}.page-frame>tfoot .tlp-print{margin-top:4mm}
@page{margin:10mm 12mm}
@media print{
.tlp-banner,.tlp-footer{display:none}
.page-frame>thead{display:table-header-group}.page-frame>tfoot{display:table-footer-group}
main{padding:0;max-width:none}h2{break-after:avoid}tr,.chart{break-inside:avoid}
.diagram{overflow:visible;border:none}.diagram svg{max-width:100%;height:auto}}
`;

export interface PageInput {
  title: string; // from input: escaped here
  tlp: Tlp;
  body: string; // HTML built by the report renderers (their input text already escaped)
}

/** The whole document (ends with a newline). */
export function htmlPage(page: PageInput): string {
  const colour = TLP_COLOUR[page.tlp] ?? '#ffffff';
  const marking = `TLP:${h(page.tlp)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load: no script, no font, no image, no frame, no connection.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="tlp" content="${marking}">`,
    `<title>${marking} ${h(page.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<div class="tlp-banner" role="note" aria-label="Traffic Light Protocol marking" style="color:${colour}">${marking}</div>`,
    // In print a table's head and foot repeat on every page: the marking tops (and ends) each one.
    '<table class="page-frame">',
    `<thead><tr><td><div class="tlp-print" style="color:${colour}">${marking}</div></td></tr></thead>`,
    `<tfoot><tr><td><div class="tlp-print" style="color:${colour}">${marking}</div></td></tr></tfoot>`,
    '<tbody><tr><td><main>',
    page.body,
    '</main></td></tr></tbody>',
    '</table>',
    `<div class="tlp-footer" style="color:${colour}">${marking}</div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A table from header cells and rows of already-escaped cell HTML. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], rowClass: (i: number) => string = () => ''): string {
  const head = `<tr>${header.map((c) => `<th>${h(c)}</th>`).join('')}</tr>`;
  const body = rows.map((r, i) => {
    const cls = rowClass(i);
    return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** Label/value pairs (values already escaped). */
export function htmlMeta(pairs: readonly [string, string][]): string {
  return `<dl class="meta">${pairs.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}
