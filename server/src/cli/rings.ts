// `ringscope rings`: the triage queue (status, assignee, attack type) from the command line, and
// with --changes what happened to rings in the last detection run (born, grew, merged, split, …).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { isAttackType } from '../model/attack-types.js';

interface RingsOptions {
  changes?: boolean | string;
  status?: string;
  assignee?: string;
  attack?: string;
  source?: string;
  minScore: string;
  first: string;
  json?: boolean;
}

export function registerRings(program: Command): void {
  program
    .command('rings')
    .description('the triage queue: rings with status, assignee and attack type; --changes: ring history of a run')
    .option('--changes [runId]', 'what happened to rings in the last (or the given) detection run')
    .option('--status <list>', 'comma-separated statuses: new, investigating, confirmed, dismissed')
    .option('--assignee <name>', 'rings assigned to this investigator ("" for unassigned)')
    .option('--attack <type>', 'attack type, e.g. card-testing')
    .option('--min-score <x>', 'lowest ring score', '0')
    .option('--source <name>', 'rings with a member seen in this data source (ingest file name or --source)')
    .option('--first <n>', 'how many rings', '50')
    .option('--json', 'machine-readable output')
    .action(async (opts: RingsOptions) => {
      const { describeChange, runChanges } = await import('../workflow/history.js');
      const { isTriageStatus, listTriage } = await import('../workflow/triage.js');
      const statuses = opts.status?.split(',').map((s) => s.trim()) ?? null;
      for (const s of statuses ?? [])
        if (!isTriageStatus(s)) throw new Error(`--status: '${s}' is not new, investigating, confirmed or dismissed`);
      if (opts.attack && !isAttackType(opts.attack))
        throw new Error(`--attack: '${opts.attack}' is not an attack type`);
      const minScore = Number(opts.minScore);
      const first = Number(opts.first);
      if (!(minScore >= 0 && minScore <= 1)) throw new Error('--min-score must be from 0 to 1');
      if (!Number.isInteger(first) || first < 1) throw new Error('--first must be a whole number of at least 1');
      const open = await openDatabase(loadConfig());
      try {
        if (opts.changes) {
          const changes = await runChanges(open.db, typeof opts.changes === 'string' ? opts.changes : null);
          if (opts.json) console.log(JSON.stringify({ runId: changes[0]?.runId ?? null, changes }));
          else if (!changes.length) console.log('no ring changes recorded (run `ringscope detect` first)');
          else {
            console.log(`detection run ${changes[0]!.runId} (${changes[0]!.at})`);
            for (const c of changes) console.log(`  ${c.kind.padEnd(9)} ${describeChange(c)}`);
          }
          return;
        }
        const { rows, total } = await listTriage(open.db, {
          statuses: statuses as never,
          assignee: opts.assignee ?? null,
          attackType: (opts.attack as never) ?? null,
          minScore,
          since: null,
          until: null,
          source: opts.source?.trim() ? opts.source.trim() : null,
          first,
          skip: 0,
        });
        if (opts.json) console.log(JSON.stringify({ total, rings: rows }));
        else {
          console.log(`${total} ring(s)`);
          for (const r of rows)
            console.log(
              `  ${r.id}  ${r.score.toFixed(2)}  ${String(r.size).padStart(4)} accounts  ${r.status.padEnd(13)} ${(r.assignee ?? '-').padEnd(12)} ${r.attackType ?? 'unclear'}${r.attackConfidence ? ` (${r.attackConfidence.toFixed(2)})` : ''}  ${r.sources.join(', ')}`,
            );
        }
      } finally {
        await open.close();
      }
    });
}
