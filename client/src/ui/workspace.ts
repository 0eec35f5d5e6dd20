// The investigation on the canvas: what is shown, the undo history, the ring in view, and the
// actions that change them (open a ring or entity, expand, add a graph, clear). Panels call these
// and listen to `onChange` instead of reaching into each other.
import type { Core } from 'cytoscape';
import { ExpandQuery, RingQuery, type GGraph, type RingDetail } from '../api/queries.js';
import { gql } from '../api/graphql.js';
import { toElements } from '../graph/elements.js';
import { History } from '../graph/history.js';
import { runChain, runForce } from '../graph/layouts.js';
import { clearDetails, showRing } from './details-panel.js';
import { EMPTY_HINT, setStatus, showError, showOverlay } from './status.js';

export type LayoutChoice = 'force' | 'chain' | 'none';

export class Workspace {
  readonly history: History;
  currentRing: RingDetail | null = null;
  private listeners: (() => void)[] = [];

  constructor(readonly cy: Core) {
    this.history = new History(cy);
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }
  changed(): void {
    for (const fn of this.listeners) fn();
  }

  fail(e: unknown): void {
    showError(e, this.cy.elements().length === 0);
  }

  /** Adds a graph to the canvas as one undoable step; returns the ids added. */
  addGraph(g: Pick<GGraph, 'nodes' | 'edges'>, layout: LayoutChoice = 'force'): string[] {
    const fresh = toElements(g).filter((el) => this.cy.getElementById(String(el.data.id)).empty());
    const added = this.cy.add(fresh);
    this.history.record({ added: added.jsons() as never, removed: [] });
    if (this.cy.elements().length) showOverlay(null);
    if (layout === 'chain') runChain(this.cy);
    else if (layout === 'force' && added.length) runForce(this.cy);
    this.changed();
    return added.map((e) => e.id());
  }

  clear(): void {
    this.cy.elements().remove();
    this.history.clear();
    this.currentRing = null;
    clearDetails();
    setStatus('');
    showOverlay(EMPTY_HINT);
    this.changed();
  }

  async openRing(id: string): Promise<void> {
    showOverlay('Loading ring…', 'loading');
    try {
      const { ring } = await gql(RingQuery, { id });
      if (!ring) {
        showOverlay(`Ring ${id} not found (detection may have been re-run).`, 'error');
        return;
      }
      this.cy.elements().remove();
      this.history.clear();
      this.currentRing = ring;
      this.addGraph(ring.graph, 'chain');
      setStatus(
        `Ring ${id}: ${ring.size} accounts, score ${ring.score.toFixed(2)}${ring.graph.truncated ? ' (picture truncated)' : ''}`,
      );
      showRing(this, ring);
    } catch (e) {
      this.fail(e);
    }
  }

  async openEntity(id: string): Promise<void> {
    if (this.cy.getElementById(id).empty()) await this.expand([id]);
    this.cy.$(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  async expand(ids: string[], type = ''): Promise<void> {
    setStatus(`Expanding ${ids.length} node(s)…`);
    try {
      const { expand } = await gql(ExpandQuery, { ids, types: type ? [type] : null, limit: 400 });
      const added = this.addGraph(expand, 'force');
      const capped = expand.capped.map((c) => `${c.id} has ${c.degree} links (showing the strongest 100)`);
      setStatus(
        `Added ${added.length} elements.${capped.length ? ` ${capped.join('; ')}.` : ''}${expand.truncated && !capped.length ? ' Result truncated at 400 nodes.' : ''}`,
      );
    } catch (e) {
      this.fail(e);
    }
  }
}
