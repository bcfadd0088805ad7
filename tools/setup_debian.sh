#!/usr/bin/env bash
# Install the Debian packages the product and its tests need, where missing: QGIS 3.40 LTR
# (Debian 12: from bookworm-backports, whose apt source is added when absent; Debian 13: its
# own archive), PostgreSQL with the matching PostGIS, and the build and test tools.
# On Debian 12 QGIS's Python has shapely 1.8: shapely 2 is built against the system GEOS and
# installed for the system Python, the way the plugin's install note tells a Debian 12 user.
set -euo pipefail

SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
. /etc/os-release

QGIS_PACKAGES="qgis python3-qgis qgis-providers"
PACKAGES="python3-venv python3-pip python3-dev gcc pkg-config python3-numpy python3-scipy \
python3-pyproj python3-gdal python3-psycopg2 python3-sqlalchemy proj-bin xvfb xauth unzip \
libsqlite3-mod-spatialite postgresql pyqt5-dev-tools qttools5-dev-tools poppler-utils libgeos-dev"
# python3-sqlalchemy (1.4) is there on purpose: the plugin must use its bundled copy regardless

case "${VERSION_CODENAME:-}" in
bookworm)
    QGIS_SUITE="bookworm-backports"
    if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
        echo "apt-bron bookworm-backports toevoegen (voor QGIS 3.40 LTR)"
        printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
    fi
    ;;
trixie)
    QGIS_SUITE="trixie"
    PACKAGES="$PACKAGES python3-shapely"
    ;;
*)
    echo "FOUT: dit is ${PRETTY_NAME:-een onbekend systeem}; make setup kent Debian 12 (bookworm) en 13 (trixie)." >&2
    exit 1
    ;;
esac

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
# empty when python3-qgis is not installed (dpkg-query fails then; pipefail must not end the script)
qgis_version() { { dpkg-query -W -f='${Version}' python3-qgis 2>/dev/null || true; } | sed 's/[+~-].*//'; }
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

# the package lists are refreshed once, before the first install of this run
apt_install() {
    if [ -z "${UPDATED:-}" ]; then
        $SUDO apt-get update -q
        UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$@"
}

missing=""
for p in $PACKAGES; do installed "$p" || missing="$missing $p"; done
if [ -n "$missing" ]; then
    echo "Debian-pakketten installeren:$missing"
    apt_install $missing
fi

# PostGIS for the PostgreSQL major that is installed (15 on bookworm, 17 on trixie)
pg_major=$(ls /usr/lib/postgresql | sort -n | tail -1)
installed "postgresql-$pg_major-postgis-3" || apt_install "postgresql-$pg_major-postgis-3"

current=$(qgis_version)
if [ -z "$current" ] || ! version_at_least "$current" "3.40"; then
    echo "QGIS 3.40 LTR installeren uit $QGIS_SUITE (nu: ${current:-geen})"
    apt_install -t "$QGIS_SUITE" $QGIS_PACKAGES
fi

if ! /usr/bin/python3 -c 'import shapely, sys; sys.exit(int(shapely.__version__.split(".")[0]) < 2)' 2>/dev/null; then
    echo "shapely 2 bouwen tegen de GEOS van het systeem, voor de Python van QGIS"
    $SUDO /usr/bin/python3 -m pip install -q --break-system-packages --no-deps \
        --no-binary shapely 'shapely>=2.0,<2.2'
fi
