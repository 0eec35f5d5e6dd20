// What one render benchmark run measures, in milliseconds: written by the page's bench hook
// (bench-entry.ts) and read by the runner (bench/render.ts), so both sides agree on the fields.
export interface RenderTiming {
  addMs: number;
  layoutMs: number;
  firstFrameMs: number;
  totalMs: number;
  /** Mean time per frame while zooming in and out 20 times. */
  zoomFrameMs: number;
  /** Mean time per frame while panning 30 frames (dragging the picture around). */
  panFrameMs: number;
  /** Selecting a node until the next frame is drawn. */
  selectMs: number;
  /** Adding 100 new nodes around one node (an expand) with incremental placement, to the next frame. */
  expandMs: number;
}
