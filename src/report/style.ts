/**
 * The report's inline style: system fonts, a colour-blind-safe palette (Okabe and Ito's), and A4 print rules
 * (each section kept whole, the details of every chart's data shown on paper).
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #505a5f; --rule: #b1b4b6; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--rule); border-left: 6px solid var(--accent); padding: 10px 12px; }
.card .label { font-weight: 600; }
.card .value { font-size: 28px; font-weight: 700; }
.card .exact { color: var(--muted); font-size: 14px; }
figure { margin: 0; }
figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 10px; text-align: left; }
td:not(:first-child) { font-variant-numeric: tabular-nums; }
details summary { cursor: pointer; color: var(--accent); }
.note { color: var(--muted); font-size: 14px; }
.pupil-card { border-top: 4px solid var(--ink); margin-top: 32px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 12px; }
  section.chart, .card, figure { break-inside: avoid; }
  #headline .cards { grid-template-columns: repeat(6, 1fr); gap: 6px; }
  .card { padding: 6px 8px; }
  .card .value { font-size: 20px; }
  h2 { margin: 16px 0 6px; }
  /* Charts at four fifths of the page's width: still legible, and the overview fits on fewer pages. */
  figure > svg, figure > figure { max-width: 80%; }
  h2, h3 { break-after: avoid; }
  details > summary { display: none; }
  details.list > summary { display: list-item; color: var(--ink); }
  details.list:not([open]) > summary::after { content: " (open the list before printing to print it)"; color: var(--muted); }
  .pupil-card { break-before: page; }
  .pupil-card section { break-inside: auto; }
}
`;
