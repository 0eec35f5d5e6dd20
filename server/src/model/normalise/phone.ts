// Phones → E.164 ("+8613800000000") when a country can be inferred, digits otherwise. libphonenumber-js
// reads the number: a leading + or 00 gives the country; a North-American number written nationally
// ("(555) 355-1785", "1-555-355-1785", "555.355.1785") is read as +1, so every way of writing one
// number meets at one node. Trunk prefixes written in brackets ("+44 (0)20 …") are dropped.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const EXTENSION = /\s*(ext|x)\.?\s*\d+$/i;
/** Ten digits shaped like a North-American number (area and exchange codes start with 2-9). */
const NANP = /^1?[2-9]\d{2}[2-9]\d{6}$/;

function e164(text: string, country?: 'US'): string | undefined {
  return parsePhoneNumberFromString(text, country)?.number;
}

export function normalisePhone(raw: string): string | undefined {
  const text = raw.trim().replace(EXTENSION, '');
  if (!text || /[a-z]/i.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return undefined;
  if (text.startsWith('+')) return e164(text) ?? `+${digits}`;
  if (text.startsWith('00') && digits.length > 8) return e164(`+${digits.slice(2)}`) ?? `+${digits.slice(2)}`;
  if (NANP.test(digits)) return e164(digits, 'US') ?? digits;
  return digits;
}

/** The number without its last 4 digits: consecutive numbers bought from one SMS platform share it. */
export function phoneBlock(phone: string): string {
  return phone.slice(0, -4);
}
