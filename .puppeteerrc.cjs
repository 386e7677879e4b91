// The project drives Debian's Chromium and never downloads a browser on
// install. Where there is no Debian Chromium (Read the Docs), the browser that
// `npx puppeteer browsers install chrome-headless-shell` fetched is used.
const fs = require("fs");

module.exports = {
  skipDownload: true,
  ...(fs.existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
};
