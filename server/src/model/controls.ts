// Protective controls on an API (from the API asset table or analysts' edits): a sensitive API
// abused by rings without any of these is a defence blind spot. 'auth' and caching are not
// protection against fraud operations that hold real accounts. Pure: the client may import it.
export const PROTECTIVE_CONTROLS: readonly string[] = [
  'captcha',
  'rate-limit',
  'device-check',
  'risk-engine',
  'bot-detection',
  'mfa',
  'otp',
  '3ds',
];

export const isProtected = (controls: readonly string[]): boolean =>
  controls.some((c) => PROTECTIVE_CONTROLS.includes(c));
