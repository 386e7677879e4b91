// Never download a browser: the project drives Debian's Chromium.
module.exports = {
  skipDownload: true,
  executablePath: "/usr/bin/chromium",
};
