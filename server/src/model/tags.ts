// Intel and investigator tags that change what sharing an identifier means. Pure words with no
// imports: the client build may import this file.

/** Crowds where sharing is normal (carrier CGNAT, offices, public Wi-Fi, …): sharing says nothing. */
export const BENIGN_TAGS: readonly string[] = [
  'cgnat',
  'carrier',
  'corporate',
  'office',
  'public-wifi',
  'public',
  'school',
  'hotel',
];

/** Resources fraud operations buy or run: sharing one says more. */
export const RISKY_TAGS: readonly string[] = [
  'proxy',
  'datacenter',
  'tor',
  'vpn',
  'sms-platform',
  'virtual-number',
  'emulator',
  'fraud-tool',
  'drop',
  'reshipper',
];

/** Risky resources bought upstream of the accounts (the left end of the chain view). */
export const UPSTREAM_TAGS: readonly string[] = [
  'sms-platform',
  'virtual-number',
  'proxy',
  'datacenter',
  'emulator',
  'fraud-tool',
];

export const hasBenignTag = (tags: readonly string[]): boolean => tags.some((t) => BENIGN_TAGS.includes(t));
export const hasRiskyTag = (tags: readonly string[]): boolean => tags.some((t) => RISKY_TAGS.includes(t));

/** IPs that hide where the user is: proxies, data centres, Tor exits, VPNs. */
export const PROXY_TAGS: readonly string[] = ['proxy', 'datacenter', 'tor', 'vpn'];

/** Phone numbers bought from SMS platforms or virtual-number services. */
export const SMS_TAGS: readonly string[] = ['sms-platform', 'virtual-number'];

/** Categories of tools (from user agents or intel) that run accounts in bulk or hide a device. */
export const FRAUD_TOOL_CATEGORIES: readonly string[] = [
  'emulator',
  'automation',
  'group-control',
  'anti-detect',
  'scripting',
];
