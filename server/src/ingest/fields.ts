// The words of ingest: log kinds, the canonical fields a column can hold, their header synonyms,
// and the resolved mapping of one file (which column holds which field).
export const KINDS = ['registration', 'login', 'order', 'intel', 'api-assets', 'labels', 'link', 'attributes'] as const;
export type Kind = (typeof KINDS)[number];

export const FIELDS = [
  'account',
  'time',
  'orderTime',
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
export const SYNONYMS: Record<Field, string[]> = {
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
  // The account's first order or purchase, given on a registration row (velocity: sign-up to order).
  orderTime: ['purchasetime', 'firstordertime', 'firstpurchasetime', 'firstorderat', 'ordertime'],
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
  /**
   * Attribute tables (kind `attributes`): identifier property name → column, merged onto the
   * identifier node the row's one identifier column names (device → os, model; card → BIN, …).
   */
  nodeProps: Record<string, string>;
  /** Fields that must be present and non-empty on every row (others are optional). */
  required: Field[];
}
