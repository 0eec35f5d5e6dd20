// Undo and redo of canvas changes: each step remembers what it added and what it removed, as
// element JSON, so both directions can be replayed.
import type { Core, ElementDefinition } from 'cytoscape';

export interface Step {
  added: ElementDefinition[];
  removed: ElementDefinition[];
}

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(private readonly cy: Core) {}

  record(step: Step): void {
    if (!step.added.length && !step.removed.length) return;
    this.done.push(step);
    this.undone.length = 0;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  undo(): Step | null {
    const step = this.done.pop();
    if (!step) return null;
    this.cy.batch(() => {
      for (const el of step.added) this.cy.getElementById(String(el.data.id)).remove();
      this.addMissing(step.removed);
    });
    this.undone.push(step);
    return step;
  }

  redo(): Step | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.cy.batch(() => {
      for (const el of step.removed) this.cy.getElementById(String(el.data.id)).remove();
      this.addMissing(step.added);
    });
    this.done.push(step);
    return step;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /** Nodes first, then edges whose ends are present (an edge cannot outlive its nodes). */
  private addMissing(els: ElementDefinition[]): void {
    const fresh = els.filter((el) => this.cy.getElementById(String(el.data.id)).empty());
    this.cy.add(fresh.filter((el) => el.group === 'nodes'));
    this.cy.add(
      fresh.filter(
        (el) =>
          el.group === 'edges' &&
          !this.cy.getElementById(String(el.data.source)).empty() &&
          !this.cy.getElementById(String(el.data.target)).empty(),
      ),
    );
  }
}
