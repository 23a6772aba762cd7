// The inline stylesheet of report.html (kept apart so the page builder stays readable).
// System fonts only: the page must load nothing from the network.

export const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #222; max-width: 1500px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ddd; } h2 small { color: #777; font-weight: normal; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
tr.missing td, tr.nopos td { color: #996; font-style: italic; } tr.avg td { background: #fafafa; font-weight: bold; }
.na { color: #999; } .small { font-size: 12px; color: #555; }
.warning { background: #fff3cd; border: 1px solid #e0c56e; padding: 8px 12px; margin: 8px 0; }
.verdict { font-size: 15px; background: #eef6ee; border-left: 4px solid #5a9; padding: 6px 12px; }
.notes { font-size: 12px; color: #7a5a00; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 12px; color: #666; }
details summary { cursor: pointer; font-weight: bold; margin: 12px 0; }
.window { border: 1px solid #ccc; margin: 10px 0; }
.window .head { background: #f5f5f5; padding: 4px 8px; font-size: 13px; }
.vs { float: right; } .vs span { margin-left: 14px; }
.cls { background: #fde2e1; border: 1px solid #e99; border-radius: 3px; padding: 0 4px; }
.normal { color: #2c7a2c; } .flag { color: #b00; font-weight: bold; }
table.lines { width: 100%; table-layout: fixed; margin: 0; font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
table.lines td { border: none; border-top: 1px solid #f0f0f0; vertical-align: top; }
table.lines td.text { text-align: left; white-space: pre-wrap; word-break: break-all; }
table.lines td.where { color: #666; white-space: nowrap; } table.lines td.labels { color: #b00; text-align: left; }
table.lines td.where { width: 200px; } table.lines td.score { width: 60px; } table.lines td.mark { width: 18px; } table.lines td.labels { width: 170px; }
table.lines td.more { text-align: left; color: #777; }
tr.anomalous td { background: #fde2e1; } tr.flagged td.mark { color: #b00; } tr.flagged td.score { font-weight: bold; }
.key { padding: 0 4px; font-weight: normal; } .key.anomalous { background: #fde2e1; } .key.flagged { color: #b00; }
`;
