// Column mapping: which input column holds which canonical field, and which log kind a file is.
// Detected from headers (common synonyms, case and punctuation ignored) or given by a mapping
// file (--mapping M.json), which always wins.
import fs from 'node:fs';
import { z } from 'zod';

export const KINDS = ['registration', 'login', 'order', 'intel', 'api-assets', 'labels', 'link'] as const;
export type Kind = (typeof KINDS)[number];

export const FIELDS = [
  'account',
  'time',
  'ip',
  'device',
  'phone',
  'email',
  'address',
  'city',
  'state',
  'postal',
  'country',
  'userAgent',
  'referrer',
  'card',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'amount',
  'status',
  'event',
  'orderId',
  'method',
  'path',
  'toAccount',
  'seller',
  'label',
  'indicator',
  'indicatorType',
  'tags',
  'confidence',
  'source',
  'domain',
  'sensitivity',
  'controls',
  'tool',
] as const;
export type Field = (typeof FIELDS)[number];

/** Header synonyms, compared after lower-casing and removing everything but letters and digits. */
const SYNONYMS: Record<Field, string[]> = {
  account: [
    'userid',
    'uid',
    'user',
    'account',
    'accountid',
    'customerid',
    'memberid',
    'entityid',
    'accountkey',
    'username',
    'fromuserid',
    'buyerid',
    'buyer',
  ],
  time: [
    'timestamp',
    'eventtimestamp',
    'eventtime',
    'time',
    'ts',
    'createdat',
    'datetime',
    'date',
    'signuptime',
    'registeredat',
    'registrationtime',
    'logintime',
    'ordertime',
    'purchasetime',
    'occurredat',
  ],
  ip: ['ip', 'ipaddress', 'clientip', 'ipaddr', 'remoteaddr', 'remoteip', 'srcip', 'sourceip', 'loginip', 'toip'],
  device: [
    'deviceid',
    'device',
    'devicefingerprint',
    'fingerprint',
    'deviceuuid',
    'imei',
    'idfa',
    'androidid',
    'todeviceid',
  ],
  phone: ['phone', 'phonenumber', 'mobile', 'msisdn', 'billingphone', 'tel', 'cellphone', 'tophone'],
  email: ['email', 'emailaddress', 'customeremail', 'mail', 'toemail'],
  address: [
    'address',
    'shippingaddress',
    'billingaddress',
    'shipaddress',
    'street',
    'billingstreet',
    'shippingstreet',
    'deliveryaddress',
    'toaddress',
  ],
  city: ['city', 'billingcity', 'shippingcity'],
  state: ['state', 'billingstate', 'shippingstate', 'province', 'region'],
  postal: ['zip', 'zipcode', 'postal', 'postalcode', 'postcode', 'billingzip', 'billingpostal', 'shippingzip'],
  country: ['country', 'billingcountry', 'countrycode'],
  userAgent: ['useragent', 'ua', 'httpuseragent', 'browseragent'],
  referrer: ['referrer', 'referredby', 'referreruserid', 'inviter', 'inviterid', 'referrerid'],
  card: [
    'cardhash',
    'cardfingerprint',
    'cardid',
    'cardtoken',
    'paymentmethod',
    'paymentmethodid',
    'cardnumber',
    'pan',
    'tocardid',
    'card',
  ],
  cardBin: ['cardbin', 'bin', 'iin'],
  cardLast4: ['cardlast4', 'last4', 'lastfour', 'cardlastfour'],
  cardExpiry: ['cardexpiry', 'expiry', 'expirydate', 'cardexp', 'exp'],
  amount: ['amount', 'orderprice', 'price', 'total', 'orderamount', 'value', 'orderamt'],
  status: ['status', 'paymentstatus', 'result', 'outcome', 'orderstatus', 'decision'],
  event: ['event', 'eventtype', 'action', 'eventname'],
  orderId: ['orderid', 'order', 'transactionid', 'txnid', 'eventid', 'paymentid'],
  method: ['method', 'httpmethod', 'verb', 'requestmethod'],
  path: ['path', 'endpoint', 'url', 'uri', 'api', 'route', 'requestpath'],
  toAccount: ['touserid', 'toaccount', 'recipient', 'recipientid', 'payee', 'payeeid', 'touid', 'beneficiary'],
  seller: ['seller', 'sellerid', 'merchantid', 'shopid', 'storeid'],
  label: ['label', 'class', 'isfraud', 'fraud', 'eventlabel', 'fraudlabel', 'target', 'truth'],
  indicator: ['indicator', 'ioc', 'observable', 'indicatorvalue'],
  indicatorType: ['indicatortype', 'ioctype', 'observabletype', 'type'],
  tags: ['tags', 'categories', 'threattags'],
  confidence: ['confidence', 'score', 'severity'],
  source: ['feed', 'provider', 'intelsource', 'source'],
  domain: ['domain', 'businessdomain', 'service'],
  sensitivity: ['sensitivity', 'risklevel', 'criticality'],
  controls: ['controls', 'protections', 'defenses', 'defences'],
  tool: ['tool', 'toolname', 'software', 'toolsignature'],
};

export type ColumnMap = Partial<Record<Field, string>>;

export interface Mapping {
  kind: Kind;
  columns: ColumnMap;
  /** Extra columns copied onto the account as properties: property name → column. */
  accountProps: Record<string, string>;
  /** Fields that must be present and non-empty on every row (others are optional). */
  required: Field[];
}

const mappingFileSchema = z
  .object({
    kind: z.enum(KINDS).optional(),
    columns: z.partialRecord(z.enum(FIELDS), z.string().min(1)).optional(),
    accountProps: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/), z.string().min(1)).optional(),
    required: z.array(z.enum(FIELDS)).optional(),
  })
  .strict();

export type MappingFile = z.infer<typeof mappingFileSchema>;

export class MappingError extends Error {}

export function readMappingFile(file: string): MappingFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MappingError(`mapping file ${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MappingError(`mapping file ${file}: ${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const squash = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Finds the canonical field for each header; the first synonym in list order wins a tie. */
export function detectColumns(headers: string[]): ColumnMap {
  const byName = new Map(headers.map((h) => [squash(h), h]));
  const used = new Set<string>();
  const columns: ColumnMap = {};
  for (const field of FIELDS) {
    for (const syn of SYNONYMS[field]) {
      const h = byName.get(syn);
      if (h !== undefined && !used.has(h)) {
        columns[field] = h;
        used.add(h);
        break;
      }
    }
  }
  return columns;
}

/** Guesses the log kind from the mapped fields and the file name. */
export function detectKind(columns: ColumnMap, fileName: string, headerCount: number): Kind | undefined {
  const has = (f: Field) => columns[f] !== undefined;
  const name = fileName.toLowerCase();
  if (has('indicator')) return 'intel';
  if (has('path') && (has('sensitivity') || has('controls') || has('domain')) && !has('account')) return 'api-assets';
  const account = has('account') || has('email');
  if (!account) return undefined;
  if (has('label') && headerCount <= 3 && !has('time')) return 'labels';
  if (/regist|signup|sign_up|account/.test(name)) return 'registration';
  if (/login|api|access|traffic|session/.test(name)) return 'login';
  if (/order|transaction|payment|txn|purchase|refund/.test(name)) return 'order';
  if (has('amount') || has('card') || has('cardBin') || has('orderId') || has('seller') || has('toAccount'))
    return 'order';
  if (has('method') || has('path')) return 'login';
  if (!has('time')) return 'link';
  return 'registration';
}

/** The mapping for one file: detected from its header, with a mapping file's entries on top. */
export function resolveMapping(
  headers: string[],
  fileName: string,
  opts: { kind?: Kind | undefined; file?: MappingFile | undefined },
): Mapping {
  const detected = detectColumns(headers);
  const columns: ColumnMap = opts.file?.columns ? { ...opts.file.columns } : detected;
  if (opts.file?.columns && !opts.file.kind && !opts.kind) {
    // An explicit column map still benefits from detection of the columns it does not name.
    for (const [f, h] of Object.entries(detected) as [Field, string][]) {
      if (columns[f] === undefined && !Object.values(columns).includes(h)) columns[f] = h;
    }
  }
  for (const [field, header] of Object.entries(columns) as [Field, string][]) {
    if (!headers.includes(header)) {
      throw new MappingError(
        `${fileName}: mapping names column '${header}' for ${field}, but the file has no such column`,
      );
    }
  }
  const kind = opts.kind ?? opts.file?.kind ?? detectKind(columns, fileName, headers.length);
  if (!kind) {
    throw new MappingError(
      `${fileName}: cannot tell what kind of log this is from its columns (${headers.slice(0, 12).join(', ')}); pass --kind or --mapping`,
    );
  }
  for (const [prop, header] of Object.entries(opts.file?.accountProps ?? {})) {
    if (!headers.includes(header)) {
      throw new MappingError(
        `${fileName}: accountProps.${prop} names column '${header}', which the file does not have`,
      );
    }
  }
  return { kind, columns, accountProps: opts.file?.accountProps ?? {}, required: opts.file?.required ?? [] };
}
