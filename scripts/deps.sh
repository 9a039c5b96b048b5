#!/bin/sh
# Installs the Debian packages okrportal needs, when any is missing.
#   scripts/deps.sh build   the C libraries the build links (libyaml, cmark-gfm and its extensions)
#   scripts/deps.sh test    the same; the suite's other tools are added here as the suite needs them
set -eu
need="libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing Debian packages:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
