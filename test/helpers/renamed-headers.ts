// Generated logs with every header renamed to a name ingest has never been told about (did, ts,
// src_addr, member_ref, amt, …): what a risk team brings from a system we have never seen. Values
// are untouched, so ingest has to recognise each column from its values and from the other files.
import fs from 'node:fs';
import path from 'node:path';

export const RENAMES: Record<string, Record<string, string>> = {
  'api_assets.csv': { method: 'm', path: 'p', domain: 'd', sensitivity: 's', controls: 'c' },
  'intel.csv': { indicator: 'v', type: 'k', tags: 'tg', confidence: 'cf', source: 'org' },
  'registrations.csv': {
    user_id: 'member_ref',
    signup_time: 'ts',
    ip_address: 'src_addr',
    device_id: 'did',
    phone: 'contact_no',
    email: 'handle',
    user_agent: 'client_sig',
    referrer_id: 'invited_by',
    country: 'loc',
  },
  'logins.csv': {
    user_id: 'member_ref',
    timestamp: 'ts',
    ip_address: 'src_addr',
    device_id: 'did',
    user_agent: 'client_sig',
    method: 'op',
    path: 'rsrc',
    status: 'rc',
  },
  'orders.csv': {
    order_id: 'ref_no',
    user_id: 'member_ref',
    timestamp: 'ts',
    amount: 'amt',
    status: 'rc',
    card_bin: 'c_pre',
    card_last4: 'c_suf',
    card_expiry: 'c_exp',
    shipping_address: 'drop',
    seller_id: 'cp_a',
    to_user_id: 'cp_b',
  },
  'transfers.csv': { from_user_id: 'p1', to_user_id: 'p2', timestamp: 'ts', amount: 'amt', status: 'rc' },
  'labels.csv': { user_id: 'member_ref', label: 'verdict' },
};

/** Copies the generated files to `out` with their header line renamed; returns the new paths. */
export function renameHeaders(dir: string, out: string, files: string[]): string[] {
  fs.mkdirSync(out, { recursive: true });
  return files.map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const nl = text.indexOf('\n');
    const renames = RENAMES[f] ?? {};
    const header = text
      .slice(0, nl)
      .split(',')
      .map((h) => {
        const to = renames[h];
        if (!to) throw new Error(`${f}: no new name for column '${h}'`);
        return to;
      });
    fs.writeFileSync(path.join(out, f), `${header.join(',')}${text.slice(nl)}`);
    return path.join(out, f);
  });
}
