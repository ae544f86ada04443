#!/usr/bin/env bash
# PDF documents (WeasyPrint) need Pango and a font. Install Debian's packages when missing and root.
set -u
if ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" && fc-list 2>/dev/null | grep -qi dejavu; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Pango and fonts for PDF documents..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig >/dev/null && exit 0
fi
echo "WARNING: Pango/fonts for PDF documents are missing; install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core." >&2
exit 0
