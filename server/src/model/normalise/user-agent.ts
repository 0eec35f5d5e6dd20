// Cheating tools and emulators recognised in user agents or device fingerprints. A hit becomes a
// Tool node (Account/Device -[:RAN]-> Tool). Ordinary browsers and apps match nothing.
export interface ToolSignature {
  key: string;
  category: 'emulator' | 'automation' | 'group-control' | 'anti-detect' | 'scripting';
  pattern: RegExp;
}

export const TOOL_SIGNATURES: readonly ToolSignature[] = [
  { key: 'headless-chrome', category: 'automation', pattern: /HeadlessChrome/i },
  { key: 'phantomjs', category: 'automation', pattern: /PhantomJS/i },
  { key: 'selenium', category: 'automation', pattern: /selenium|webdriver/i },
  { key: 'puppeteer', category: 'automation', pattern: /puppeteer|playwright/i },
  { key: 'python-requests', category: 'scripting', pattern: /python-requests|python-urllib|aiohttp/i },
  { key: 'curl', category: 'scripting', pattern: /^curl\//i },
  { key: 'go-http-client', category: 'scripting', pattern: /Go-http-client/i },
  {
    key: 'android-emulator',
    category: 'emulator',
    pattern: /sdk_gphone|Android SDK built for|generic_x86|goldfish|ranchu/i,
  },
  { key: 'genymotion', category: 'emulator', pattern: /Genymotion|vbox86p/i },
  { key: 'bluestacks', category: 'emulator', pattern: /\bBlueStacks\b/i },
  { key: 'nox', category: 'emulator', pattern: /\bNox(Player)?\b/ },
  { key: 'ldplayer', category: 'emulator', pattern: /\bLDPlayer\b/i },
  { key: 'memu', category: 'emulator', pattern: /\bMEmu\b/ },
  { key: 'xposed', category: 'group-control', pattern: /Xposed|VirtualApp|Parallel ?Space/i },
  { key: 'group-control', category: 'group-control', pattern: /GroupControl|QunKong|群控/i },
  { key: 'autojs', category: 'group-control', pattern: /Auto\.?js|Hamibot/i },
  { key: 'multilogin', category: 'anti-detect', pattern: /Multilogin|GoLogin|AdsPower|Dolphin ?Anty|Incogniton/i },
];

export function detectTools(text: string | undefined): ToolSignature[] {
  if (!text) return [];
  return TOOL_SIGNATURES.filter((t) => t.pattern.test(text));
}
