// Phones → E.164 ("+8613800000000") when a country can be inferred (a leading + or 00, or a
// North-American 11-digit number starting with 1), digits otherwise.
export function normalisePhone(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/[a-z]/i.test(text.replace(/\s*(ext|x)\.?\s*\d+$/i, ''))) return undefined;
  const digits = text.replace(/\s*(ext|x)\.?\s*\d+$/i, '').replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return undefined;
  if (text.startsWith('+')) return `+${digits}`;
  if (text.startsWith('00') && digits.length > 8) return `+${digits.slice(2)}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return digits;
}

/** The number without its last 4 digits: consecutive numbers bought from one SMS platform share it. */
export function phoneBlock(phone: string): string {
  return phone.slice(0, -4);
}
