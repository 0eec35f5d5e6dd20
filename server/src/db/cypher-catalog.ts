// The catalogue of Cypher statements shipped in cypher/: every statement the product runs is read
// from there by name (e.g. "ingest/link-device"), never built from strings in code.
import fs from 'node:fs';
import path from 'node:path';

export interface CypherFile {
  /** "<folder>/<file name without .cypher>", e.g. "schema/constraints". */
  name: string;
  file: string;
  text: string;
}

export class CypherCatalog {
  private readonly files = new Map<string, CypherFile>();

  constructor(readonly dir: string) {
    for (const folder of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const entry of fs.readdirSync(path.join(dir, folder.name)).sort()) {
        if (!entry.endsWith('.cypher')) continue;
        const file = path.join(dir, folder.name, entry);
        const name = `${folder.name}/${entry.slice(0, -'.cypher'.length)}`;
        this.files.set(name, { name, file, text: fs.readFileSync(file, 'utf8') });
      }
    }
  }

  /** The statement text of one file; throws naming the file when it is missing. */
  get(name: string): string {
    const f = this.files.get(name);
    if (!f) throw new Error(`Cypher statement '${name}' not found in ${this.dir} (expected ${name}.cypher)`);
    return f.text;
  }

  /** All files of one folder ("schema", "queries", …) in name order. */
  folder(folder: string): CypherFile[] {
    return [...this.files.values()].filter((f) => f.name.startsWith(`${folder}/`));
  }
}

/**
 * Splits a file of several statements on semicolons that end a line; `//` comment lines are
 * dropped. Used for schema files, which hold one statement per constraint or index.
 */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
