/** The report's only style sheet, inlined in `<head>`; no fonts or images are fetched. */
export const reportCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
header { border-bottom: 2px solid #d8dee4; margin-bottom: 8px; padding-bottom: 12px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin: 0 0 8px; }
h3 { font-size: 16px; margin: 24px 0 8px; color: #33383f; }
h4 { font-size: 14px; margin: 16px 0 6px; color: #33383f; }
p { margin: 6px 0; }
.subtitle { font-size: 16px; color: #57606a; margin: 0 0 8px; }
.hv-reference { color: #33383f; }
nav ol { margin: 4px 0 0; padding-left: 22px; }
nav a, a { color: #0a58ca; text-decoration: none; }
section.study-section, section.overall, section.notes { background: #fff; border: 1px solid #d8dee4;
  border-radius: 8px; padding: 18px 22px 20px; margin: 22px 0; }
.description { color: #57606a; }
.row { display: flex; flex-wrap: wrap; gap: 20px 32px; align-items: flex-start; }
.row > .tables { flex: 1 1 340px; min-width: 300px; overflow-x: auto; }
table.ranks, table.dunn { align-self: flex-start; }
figure.plot { margin: 0; display: inline-block; max-width: 100%; }
figure.plot svg { display: block; max-width: 100%; height: auto; }
figure.plot .chart { max-width: 100%; overflow-x: auto; }
.pick-status { font-size: 12.5px; color: #8a5a00; margin: 2px 0 0; min-height: 0; }
.pick-status:empty { display: none; }
tr.picked td { background: #ffe8a3 !important; font-weight: 600; }
figcaption { font-size: 12.5px; color: #57606a; margin-top: 4px; max-width: 560px; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 10px; }
caption { caption-side: top; text-align: left; font-size: 12.5px; color: #57606a; padding-bottom: 4px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e4e8ec; text-align: left; white-space: nowrap; }
thead th { background: #f0f3f6; border-bottom: 1px solid #c9d1d9; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tr.significant td { background: #fff4d6 !important; }
tr.significant td.verdict { font-weight: 700; color: #8a5a00; }
td.best { font-weight: 700; }
.stat-line { font-variant-numeric: tabular-nums; }
.muted { color: #6e7781; }
footer { color: #6e7781; font-size: 12px; margin-top: 28px; }
`;
