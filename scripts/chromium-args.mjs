// The Chromium flags for the HTML report's screenshots (screenshot-report.mjs) and its browser
// test (test/e2e/html-browser.test.ts): headless, no sandbox as root, no background traffic.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
