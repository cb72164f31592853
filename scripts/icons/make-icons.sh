#!/usr/bin/env bash
# Renders the app icon (app/icon.svg) into the raster files browsers and phones ask for:
# app/favicon.ico (16, 32, 48 px), app/apple-icon.png (180 px) and public/icon-192.png,
# public/icon-512.png for the web manifest. Needs ImageMagick (apt-get install -y imagemagick).
# The outputs are committed; run this again only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../.."
svg=app/icon.svg
CONVERT=${CONVERT:-convert} # the path of ImageMagick's convert, if another one comes first on PATH
mkdir -p public
render() { "$CONVERT" -background none -density 1200 "$svg" -resize "$1x$1" "$2"; }
tmp=$(mktemp -d)
for size in 16 32 48; do render "$size" "$tmp/$size.png"; done
"$CONVERT" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" app/favicon.ico
render 180 app/apple-icon.png
render 192 public/icon-192.png
render 512 public/icon-512.png
rm -rf "$tmp"
echo "icons written: app/favicon.ico app/apple-icon.png public/icon-192.png public/icon-512.png"
