#!/bin/sh
# Qt's xcb platform plugin needs a few X libraries that a minimal Debian lacks
# (see shared/STACK_NOTES.md).  Install them when missing and we are root;
# otherwise say exactly what to install.  Does nothing where they are present.
missing=""
for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0 libEGL.so.1 libGL.so.1; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
pkgs="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libgl1"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing the X libraries Qt needs:$missing" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null; }
else
  echo "Qt needs these libraries:$missing" >&2
  echo "install them with: sudo apt-get install $pkgs" >&2
  exit 1
fi
