// Bundles the help center's progressive-enhancement script (components/help/browser/help.ts) into
// public/help-assets/ with esbuild: ES modules with code splitting, so the search library and the
// message checker's rules load only on pages and at moments that use them. Run by `npm run build`
// and `npm run dev` before Next (docs/decisions/009).
//
//   tsx scripts/build-help-assets.ts [--watch]
import { rmSync } from "node:fs";
import path from "node:path";
import { build, context, type BuildOptions } from "esbuild";
import { HELP_ASSET_DIR } from "../components/help/browser/asset-paths";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "public", HELP_ASSET_DIR);

const options: BuildOptions = {
  absWorkingDir: root,
  entryPoints: { help: "components/help/browser/help.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  sourcemap: false,
  chunkNames: "chunk-[hash]",
  tsconfig: path.join(root, "tsconfig.json"),
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
};

rmSync(outdir, { recursive: true, force: true });
if (process.argv.includes("--watch")) {
  const watcher = await context(options);
  await watcher.watch();
  process.stdout.write(`help assets: watching, writing to public/${HELP_ASSET_DIR}/\n`);
} else {
  const result = await build(options);
  const outputs = Object.entries(result.metafile?.outputs ?? {}).map(
    ([file, output]) => `${path.basename(file)} ${(output.bytes / 1024).toFixed(1)} kB`,
  );
  process.stdout.write(`help assets: ${outputs.join(", ")}\n`);
}
