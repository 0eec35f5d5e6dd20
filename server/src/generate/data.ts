// The generator's vocabulary: user agents, names, streets, the shop's API and its asset register.
// Pure data, apart from the code that draws from it.

export const LEGIT_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Linux; Android 12; M2101K6G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36',
  'ShopApp/5.12.0 (iPhone; iOS 17.4; Scale/3.00)',
  'ShopApp/5.12.0 (Android 14; SM-A546B)',
];
export const EMULATOR_UA =
  'Mozilla/5.0 (Linux; Android 9; Android SDK built for x86 Build/PSR1.180720.093) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.100 Mobile Safari/537.36';
export const AUTOMATION_UAS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36',
  'python-requests/2.31.0',
];
export const FIRST = [
  'anna',
  'li',
  'wei',
  'maria',
  'john',
  'fatima',
  'lucas',
  'yuki',
  'omar',
  'sofia',
  'chen',
  'james',
  'noah',
  'mia',
  'ivan',
  'zoe',
  'amir',
  'lena',
  'raj',
  'ella',
];
export const LAST = [
  'smith',
  'wang',
  'garcia',
  'mueller',
  'tanaka',
  'khan',
  'rossi',
  'silva',
  'kim',
  'novak',
  'ali',
  'brown',
  'zhang',
  'lopez',
  'martin',
  'singh',
];
export const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'qq.com', '163.com', 'proton.me'];
export const STREETS = [
  'Oak Street',
  'Maple Avenue',
  'Harbour Road',
  'Station Lane',
  'Park Drive',
  'Hill Court',
  'River Place',
  'Elm Boulevard',
];
export const CITIES = ['Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Greenville', 'Kingsport'];

export const LEGIT_APIS: [string, string][] = [
  ['GET', '/api/v1/home'],
  ['GET', '/api/v1/products/{id}'],
  ['POST', '/api/v1/cart/items'],
  ['POST', '/api/v1/orders'],
  ['POST', '/api/v1/login'],
];
export const API_ASSETS: { method: string; path: string; domain: string; sensitivity: string; controls: string[] }[] = [
  { method: 'GET', path: '/api/v1/home', domain: 'catalog', sensitivity: 'low', controls: ['cdn-cache'] },
  { method: 'GET', path: '/api/v1/products/{id}', domain: 'catalog', sensitivity: 'low', controls: ['rate-limit'] },
  { method: 'POST', path: '/api/v1/cart/items', domain: 'cart', sensitivity: 'medium', controls: ['auth'] },
  {
    method: 'POST',
    path: '/api/v1/orders',
    domain: 'checkout',
    sensitivity: 'high',
    controls: ['auth', 'risk-engine'],
  },
  {
    method: 'POST',
    path: '/api/v1/login',
    domain: 'identity',
    sensitivity: 'high',
    controls: ['rate-limit', 'captcha'],
  },
  { method: 'POST', path: '/api/v1/register', domain: 'identity', sensitivity: 'high', controls: ['captcha'] },
  { method: 'POST', path: '/api/v1/sms/send-code', domain: 'identity', sensitivity: 'high', controls: [] },
  { method: 'POST', path: '/api/v1/coupons/claim', domain: 'marketing', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/invite/redeem', domain: 'marketing', sensitivity: 'medium', controls: [] },
  {
    method: 'POST',
    path: '/api/v1/payments/authorize',
    domain: 'payments',
    sensitivity: 'critical',
    controls: ['auth', '3ds'],
  },
  { method: 'PUT', path: '/api/v1/users/{id}/address', domain: 'identity', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/refunds', domain: 'after-sales', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/reviews', domain: 'community', sensitivity: 'medium', controls: ['auth'] },
  {
    method: 'POST',
    path: '/api/v1/wallet/transfer',
    domain: 'payments',
    sensitivity: 'critical',
    controls: ['auth', 'otp'],
  },
];
