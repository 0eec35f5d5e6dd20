// ringscope web app entry: draws the page frame, creates the canvas and wires the panels to one
// Workspace (the investigation on the canvas).
import { createCanvas } from './graph/canvas.js';
import { TYPE_STYLE } from './graph/style.js';
import { initDetailsPanel } from './ui/details-panel.js';
import { byId } from './ui/dom.js';
import { initExports } from './ui/exports.js';
import { initHealth } from './ui/health.js';
import { initLegend } from './ui/legend.js';
import { initReport } from './ui/report.js';
import { initRingsPanel } from './ui/rings-panel.js';
import { initRiskiestPanel } from './ui/riskiest-panel.js';
import { initSavedQueriesPanel } from './ui/saved-queries-panel.js';
import { initSearchPanel } from './ui/search-panel.js';
import { initShortcuts } from './ui/shortcuts.js';
import { initSignIn } from './ui/sign-in.js';
import { guardRoleControls } from './ui/roles.js';
import { renderShell } from './ui/shell.js';
import { initTabs } from './ui/tabs.js';
import { initTimeWindow } from './ui/time-window.js';
import { initTriagePanel } from './ui/triage-panel.js';
import { initImpactPanel } from './ui/impact-panel.js';
import { initBlindSpotsPanel } from './ui/blind-spots-panel.js';
import { initCasePanel } from './ui/case-panel.js';
import { initToolbar } from './ui/toolbar.js';
import { Workspace } from './ui/workspace.js';
import './style.css';

renderShell(byId('app'));
const ws = new Workspace(createCanvas(byId('cy')), byId('tier-headings'));
initDetailsPanel(ws);
initTabs();
initLegend();
initToolbar(ws);
initShortcuts(ws);
initTimeWindow(ws);
initExports(ws.cy);
initReport(ws);
initRingsPanel(ws);
initRiskiestPanel(ws);
initTriagePanel(ws, byId('tab-triage'));
initImpactPanel(ws, byId('tab-block'));
initBlindSpotsPanel(byId('tab-apis'));
initCasePanel(ws, byId('tab-cases'));
initSearchPanel(ws);
initSavedQueriesPanel(ws);
initHealth();
guardRoleControls();
void initSignIn();

// Test hook: browser tests read the canvas through `window.ringscope.cy`.
(window as unknown as { ringscope: unknown }).ringscope = { cy: ws.cy, workspace: ws, TYPE_STYLE };
