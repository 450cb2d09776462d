// Stands in for node:net in browser bundles only (next.config.mjs, turbopack.resolveAlias).
// The script-free help pages (pages/, docs/decisions/009) import the brand, which reads lib/env.ts,
// which uses node:net to parse proxy settings. Next still compiles a browser bundle for every
// Pages Router page even though those pages never send it (unstable_runtimeJS: false), and a
// browser bundle cannot contain node:net. Nothing here ever runs in a browser.
export function isIP() {
  return 0;
}

export class BlockList {
  addAddress() {}
  addRange() {}
  addSubnet() {}
  check() {
    return false;
  }
}
