// Devices and addresses: keys that survive case, spacing and punctuation differences.
export const ADDRESS_WORDS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  apartment: 'apt',
  suite: 'ste',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  floor: 'fl',
  building: 'bldg',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

export function normaliseDevice(raw: string): string | undefined {
  const key = raw.trim().toLowerCase();
  return key.length > 0 && key.length <= 256 ? key : undefined;
}

export function normaliseAddress(raw: string): string | undefined {
  const words = raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w);
  const key = words.join(' ');
  return key.length >= 3 ? key : undefined;
}
