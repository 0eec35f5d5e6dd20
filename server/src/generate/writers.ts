// The files a generated data set consists of, one streaming CSV writer each, with their columns.
import path from 'node:path';
import { CsvWriter } from './csv-writer.js';

export interface Writers {
  registrations: CsvWriter;
  logins: CsvWriter;
  orders: CsvWriter;
  intel: CsvWriter;
  apiAssets: CsvWriter;
  labels: CsvWriter;
  transfers: CsvWriter;
}

export function openWriters(outDir: string): Writers {
  const file = (name: string) => path.join(outDir, name);
  return {
    registrations: new CsvWriter(file('registrations.csv'), [
      'user_id',
      'signup_time',
      'ip_address',
      'device_id',
      'phone',
      'email',
      'user_agent',
      'referrer_id',
      'country',
    ]),
    logins: new CsvWriter(file('logins.csv'), [
      'user_id',
      'timestamp',
      'ip_address',
      'device_id',
      'user_agent',
      'method',
      'path',
      'status',
    ]),
    orders: new CsvWriter(file('orders.csv'), [
      'order_id',
      'user_id',
      'timestamp',
      'amount',
      'status',
      'card_bin',
      'card_last4',
      'card_expiry',
      'shipping_address',
      'seller_id',
      'to_user_id',
    ]),
    intel: new CsvWriter(file('intel.csv'), ['indicator', 'type', 'tags', 'confidence', 'source']),
    apiAssets: new CsvWriter(file('api_assets.csv'), ['method', 'path', 'domain', 'sensitivity', 'controls']),
    labels: new CsvWriter(file('labels.csv'), ['user_id', 'label']),
    // Wallet transfers between customers (kind `order` to ingest: an amount and a recipient).
    transfers: new CsvWriter(file('transfers.csv'), ['from_user_id', 'to_user_id', 'timestamp', 'amount', 'status']),
  };
}
