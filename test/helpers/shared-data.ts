// The public data sets in ../shared/data (see its README). A checkout may sit one level deeper (a
// git worktree under wt/): the first of these folders that exists is used, RINGSCOPE_SHARED_DATA first.
import fs from 'node:fs';
import path from 'node:path';

export function sharedData(...parts: string[]): string {
  const roots = [process.env.RINGSCOPE_SHARED_DATA, '../shared/data', '../../shared/data'].filter(
    (r): r is string => !!r,
  );
  const root = roots.map((r) => path.resolve(r)).find((r) => fs.existsSync(r));
  if (!root) throw new Error(`the shared data sets are not there: looked in ${roots.join(', ')}`);
  return path.join(root, ...parts);
}
