// The investigation on the canvas: what is shown, the undo history, the ring in view, and the
// actions that change them (open a ring or entity, expand, add a graph, clear). Panels call these
// and listen to `onChange` and `onRingOpened` instead of reaching into each other; the workspace
// imports no panel.
import type { Core } from 'cytoscape';
import { ExpandQuery, RingQuery, type GGraph, type RingDetail } from '../api/queries.js';
import { gql } from '../api/graphql.js';
import { toElements } from '../graph/elements.js';
import { History, type Step } from '../graph/history.js';
import { moreId, PAGE, showMore } from '../graph/hub-paging.js';
import { TierHeadings } from '../graph/headings.js';
import { placeIncrementally, runLayout, type LayoutName } from '../graph/layouts.js';
import { EMPTY_HINT, setStatus, showError, showOverlay } from './status.js';

/**
 * How a graph joins the canvas: 'chain' lays the whole picture out as the chain; anything else
 * places only the new nodes and leaves every node already there where it is.
 */
export type LayoutChoice = 'force' | 'chain' | 'none';

export class Workspace {
  readonly history: History;
  readonly headings: TierHeadings;
  currentRing: RingDetail | null = null;
  /** The layout the picture is in; new nodes are placed to fit it. */
  layout: LayoutName = 'force';
  private listeners: (() => void)[] = [];
  private ringListeners: ((ring: RingDetail) => void)[] = [];

  constructor(
    readonly cy: Core,
    headingLayer: HTMLElement = document.createElement('div'),
  ) {
    this.history = new History(cy);
    this.headings = new TierHeadings(cy, headingLayer);
  }

  /** Lays out the whole picture; the chain shows its tier headings (titles from the ring). */
  setLayout(name: LayoutName): void {
    this.layout = name;
    const titles = Object.fromEntries((this.currentRing?.chain ?? []).map((t) => [t.tier, t.title]));
    this.headings.show(runLayout(this.cy, name, titles));
  }

  undo(): void {
    const step = this.history.undo();
    if (!step) return setStatus('Nothing to undo.');
    setStatus(`Undone: ${describe(step)}. Redo with Ctrl+Shift+Z.`);
    this.afterHistory();
  }

  redo(): void {
    const step = this.history.redo();
    if (!step) return setStatus('Nothing to redo.');
    setStatus(`Redone: ${describe(step)}.`);
    this.afterHistory();
  }

  private afterHistory(): void {
    if (!this.cy.nodes().length) {
      this.headings.clear();
      showOverlay(EMPTY_HINT);
    } else showOverlay(null);
    this.changed();
  }

  /** Fits the picture, but never blows a handful of nodes up past 1.5×. */
  fit(): void {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.5) {
      this.cy.zoom(1.5);
      this.cy.center();
    }
  }

  zoomBy(factor: number): void {
    const { width, height } = this.cy.container()?.getBoundingClientRect() ?? { width: 0, height: 0 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  /** Called after every change of the picture (the canvas may be empty: see `cy.nodes()`). */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }
  changed(): void {
    for (const fn of this.listeners) fn();
  }

  /** Called when a ring has replaced the picture (the details panel shows its score and reasons). */
  onRingOpened(fn: (ring: RingDetail) => void): void {
    this.ringListeners.push(fn);
  }

  fail(e: unknown): void {
    showError(e, this.cy.elements().length === 0);
  }

  /** Adds a graph to the canvas as one undoable step; returns the ids added. */
  addGraph(g: Pick<GGraph, 'nodes' | 'edges'>, layout: LayoutChoice = 'force'): string[] {
    const fresh = toElements(g).filter((el) => this.cy.getElementById(String(el.data.id)).empty());
    const added = this.cy.add(fresh);
    if (layout === 'chain') this.setLayout('chain');
    else placeIncrementally(this.cy, added, this.layout);
    if (!this.cy.nodes().length) this.headings.clear();
    // Recorded after placement, so redo puts the nodes back where they were.
    this.history.record({ added: added.jsons() as never, removed: [] });
    if (this.cy.elements().length) showOverlay(null);
    this.changed();
    return added.map((e) => e.id());
  }

  clear(): void {
    this.cy.elements().remove();
    this.history.clear();
    this.currentRing = null;
    this.layout = 'force';
    this.headings.clear();
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
      // Replacing the picture is one undoable step: undo brings the previous picture back.
      const previous = this.cy.elements().jsons() as never[];
      this.cy.elements().remove();
      this.currentRing = ring;
      const added = this.cy.add(toElements(ring.graph));
      this.setLayout('chain');
      this.history.record({ added: added.jsons() as never, removed: previous });
      showOverlay(null);
      this.changed();
      setStatus(
        `Ring ${id}: ${ring.size} accounts, score ${ring.score.toFixed(2)}${ring.graph.truncated ? ' (picture truncated)' : ''}`,
      );
      for (const fn of this.ringListeners) fn(ring);
    } catch (e) {
      this.fail(e);
    }
  }

  async openEntity(id: string): Promise<void> {
    if (this.cy.getElementById(id).empty()) await this.expand([id]);
    this.cy.$(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  async expand(ids: string[], type = '', offset = 0): Promise<void> {
    setStatus(`Expanding ${ids.length} node(s)…`);
    try {
      const { expand } = await gql(ExpandQuery, { ids, types: type ? [type] : null, limit: 400, offset });
      const added = this.addGraph(expand, 'force');
      for (const c of expand.capped) showMore(this.cy, c.id, c.degree, offset + PAGE, type);
      const capped = expand.capped.map(
        (c) =>
          `${c.id} has ${c.degree} links, ${Math.min(c.degree, offset + PAGE)} shown: click “+${c.degree - offset - PAGE} more” to page on`,
      );
      // A page that emptied a hub: its "+N more" node goes.
      if (offset)
        for (const id of ids) if (!expand.capped.some((c) => c.id === id)) this.cy.getElementById(moreId(id)).remove();
      setStatus(
        `Added ${added.length} elements.${capped.length ? ` ${capped.join('; ')}.` : ''}${expand.truncated && !capped.length ? ' Result truncated at 400 nodes.' : ''}`,
      );
    } catch (e) {
      this.fail(e);
    }
  }

  /** Loads the next page of a hub's links (the "+N more" node was tapped). */
  async pageHub(hub: string): Promise<void> {
    const more = this.cy.getElementById(moreId(hub));
    if (more.empty()) return;
    await this.expand([hub], String(more.data('filter') ?? ''), Number(more.data('shown')));
  }
}

function describe(step: Step): string {
  const count = (els: Step['added']) => els.filter((e) => e.group === 'nodes').length;
  const parts = [];
  if (step.added.length) parts.push(`${count(step.added)} nodes added`);
  if (step.removed.length) parts.push(`${count(step.removed)} nodes removed`);
  return parts.join(', ');
}
