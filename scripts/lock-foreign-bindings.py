#!/usr/bin/env python3
"""Record Taro's native bindings for other platforms in package-lock.json.

The registry these machines reach does not serve @tarojs/binding-* for macOS, Windows or ARM. npm install
then leaves them out of the lock, and `npm ci` refuses the lock as out of sync. Listing them as optional,
platform-restricted entries (what npm writes when it can see them) keeps `npm ci` happy; on a machine of
that platform with the full registry, npm fetches them as usual. Run after `npm install` changes the lock.
"""
import json
import pathlib

LOCK = pathlib.Path(__file__).resolve().parent.parent / "package-lock.json"
PLATFORMS = {
    "darwin-arm64": ("darwin", "arm64"),
    "darwin-x64": ("darwin", "x64"),
    "linux-arm64-gnu": ("linux", "arm64"),
    "win32-x64-msvc": ("win32", "x64"),
}

lock = json.loads(LOCK.read_text())
packages = lock["packages"]
version = packages["node_modules/@tarojs/binding"]["version"]
for suffix, (os_name, cpu) in PLATFORMS.items():
    key = f"node_modules/@tarojs/binding-{suffix}"
    packages.setdefault(key, {"version": version, "cpu": [cpu], "dev": True, "license": "MIT", "optional": True, "os": [os_name]})
lock["packages"] = dict(sorted(packages.items(), key=lambda item: item[0]))
LOCK.write_text(json.dumps(lock, indent=2, ensure_ascii=False) + "\n")
