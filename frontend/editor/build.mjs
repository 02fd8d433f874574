// Builds the editor bundle into frontend/static/frontend/editor/, and with
// --tests the node test files and the command-line helpers the Python tests
// call, into frontend/static-tests/ (not served, not committed).
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const frontend = join(here, "..");

await build({
  entryPoints: [join(here, "main.ts")],
  bundle: true,
  format: "esm",
  target: "es2020",
  minify: true,
  outfile: join(frontend, "static/frontend/editor/editor.js"),
  logLevel: "warning",
});

if (process.argv.includes("--tests")) {
  const entries = [
    ...readdirSync(join(here, "tests")).filter((f) => f.endsWith(".test.ts")).map((f) => join(here, "tests", f)),
    ...readdirSync(join(here, "tools")).filter((f) => f.endsWith(".ts")).map((f) => join(here, "tools", f)),
  ];
  await build({
    entryPoints: entries,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: join(frontend, "static-tests"),
    outbase: here,
    logLevel: "warning",
  });
}
