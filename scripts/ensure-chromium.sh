#!/usr/bin/env bash
# Browser tests drive Debian's Chromium at /usr/bin/chromium. Install it when missing and root.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
cat >&2 <<'MSG'
############################################################################
#  /usr/bin/chromium is missing and could not be installed (not root?).   #
#  Browser tests will be reported as SKIPPED. Install it with:            #
#      sudo apt-get install chromium                                      #
############################################################################
MSG
exit 0
