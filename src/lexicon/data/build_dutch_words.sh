#!/usr/bin/env bash
# Builds dutch_words.txt: the lower-case words of the OpenTaal word list as Debian's wdutch
# package ships it (BSD or CC-BY 3.0, at the user's choice; see SOURCES.md). Proper names
# (capitalised entries) are left out: the list answers "is this capitalised word also a
# common Dutch word?", and a surname is exactly what it must not call common.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download wdutch >/dev/null && dpkg-deb -x wdutch_*.deb x)
{
  echo "# Lower-case Dutch words, OpenTaal word list via Debian wdutch $(dpkg-deb -f "$tmp"/wdutch_*.deb Version). Built by build_dutch_words.sh; licence in SOURCES.md."
  LC_ALL=C.UTF-8 grep -E '^[[:lower:]][[:lower:]]+$' "$tmp/x/usr/share/dict/dutch" | LC_ALL=C sort -u
} > dutch_words.txt
cp "$tmp/x/usr/share/doc/wdutch/copyright" LICENSE.opentaal
wc -l dutch_words.txt
