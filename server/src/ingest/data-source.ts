// The data source a file's rows came from: named by `ingest --source NAME`, or by the file's name
// without its extensions (`orders.csv.gz` → `orders`). Accounts remember every source they were
// seen in, so rings can be filtered by where their evidence came from.
import path from 'node:path';

export function dataSourceOf(file: string, named?: string): string {
  if (named !== undefined && named.trim() !== '') return named.trim().slice(0, 120);
  return path.basename(file).replace(/(\.(gz|csv|tsv|txt|jsonl|ndjson|json))+$/i, '') || path.basename(file);
}
