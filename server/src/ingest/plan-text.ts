// The plan in words for a terminal (`ringscope ingest --plan`, and the heading of every ingest),
// and as the JSON contract: { files: [{ file, kind, columns: [{ column, role, evidence, confidence }] }] }.
import path from 'node:path';
import type { FilePlan, Plan } from './plan.js';

export function planJson(plan: Plan) {
  return {
    files: plan.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      mapping: f.mappingEntry,
      sampledRows: f.sampledRows,
      columns: f.columns.map((c) => ({
        column: c.column,
        role: c.role,
        ...(c.type ? { type: c.type } : {}),
        ...(c.field ? { field: c.field } : {}),
        ...(c.property ? { property: c.property } : {}),
        evidence: c.evidence,
        confidence: c.confidence,
      })),
    })),
    problems: plan.problems,
  };
}

function roleText(c: FilePlan['columns'][number]): string {
  if (c.role === 'identifier' || c.role === 'counterparty' || (c.role === 'time' && c.type))
    return `${c.role} ${c.type}`;
  if (c.property) return `${c.role} ${c.property}`;
  return c.role;
}

export function planText(plan: Plan): string {
  const lines: string[] = [];
  for (const f of plan.files) {
    const via =
      f.mappingEntry === null ? 'detected' : f.mappingEntry === 'single' ? 'mapping' : `mapping '${f.mappingEntry}'`;
    lines.push(`${path.basename(f.file)}: ${f.kind} (${via}; ${f.sampledRows} rows sampled)`);
    const { account, email } = f.mapping.columns;
    if (account === undefined && email !== undefined)
      lines.push(`  (no account column: each row's '${email}' is its account, rows with one email are one account)`);
    const width = Math.min(28, Math.max(...f.columns.map((c) => c.column.length)));
    const roleWidth = Math.max(...f.columns.map((c) => roleText(c).length));
    for (const c of f.columns) {
      lines.push(
        `  ${c.column.padEnd(width)}  ${roleText(c).padEnd(roleWidth)}  ${c.confidence.toFixed(2)}  ${c.evidence}`,
      );
    }
  }
  for (const p of plan.problems) lines.push(`PROBLEM: ${p.message}`);
  return lines.join('\n');
}
