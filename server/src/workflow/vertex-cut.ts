// Minimum vertex cut between a source side and a sink side of a small graph (a ring's chain
// graph): node splitting (v_in → v_out with the node's capacity) and Edmonds–Karp max-flow, then
// the nodes whose v_in is reachable from the source in the residual graph but v_out is not.
// Hand-written: no well-kept npm package does max-flow / min-cut (graphology has none).
// Cost: O(V · E²) worst case; the flow value is the cut size, so in practice O(cut · E).

export interface CutGraph {
  /** Node capacities: the cost of cutting the node (Infinity: never cut). */
  capacity: number[];
  /** Directed edges [from, to] of unlimited capacity. */
  edges: [number, number][];
  sources: number[];
  sinks: number[];
}

export interface CutResult {
  cut: number[];
  value: number;
}

const INF = Number.POSITIVE_INFINITY;

export function minVertexCut(g: CutGraph): CutResult {
  const n = g.capacity.length;
  // Flow nodes: 2v = v_in, 2v+1 = v_out, 2n = super source, 2n+1 = super sink.
  const S = 2 * n;
  const T = 2 * n + 1;
  const head: number[][] = Array.from({ length: 2 * n + 2 }, () => []);
  const to: number[] = [];
  const cap: number[] = [];
  const add = (a: number, b: number, c: number) => {
    head[a]!.push(to.length);
    to.push(b);
    cap.push(c);
    head[b]!.push(to.length);
    to.push(a);
    cap.push(0);
  };
  for (let v = 0; v < n; v++) add(2 * v, 2 * v + 1, g.capacity[v]!);
  for (const [a, b] of g.edges) add(2 * a + 1, 2 * b, INF);
  for (const s of g.sources) add(S, 2 * s, INF);
  for (const t of g.sinks) add(2 * t + 1, T, INF);

  const bfs = (): Int32Array => {
    const via = new Int32Array(2 * n + 2).fill(-1);
    const seen = new Uint8Array(2 * n + 2);
    seen[S] = 1;
    const queue = [S];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const e of head[u]!) {
        const v = to[e]!;
        if (!seen[v] && cap[e]! > 0) {
          seen[v] = 1;
          via[v] = e;
          queue.push(v);
        }
      }
    }
    return via;
  };

  let value = 0;
  for (;;) {
    const via = bfs();
    if (via[T] === -1) break;
    let push = INF;
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    if (push === INF) return { cut: [], value: INF }; // no finite cut separates the sides
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    value += push;
  }
  const reach = bfs();
  const reached = (x: number) => x === S || reach[x] !== -1;
  const cut: number[] = [];
  for (let v = 0; v < n; v++) if (reached(2 * v) && !reached(2 * v + 1)) cut.push(v);
  return { cut, value };
}
