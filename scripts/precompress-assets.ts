// `npm run build`'s last step (issue #18): every script and stylesheet of public/build written
// again as .br (brotli, highest quality) and .gz (gzip -9) beside itself. The files are
// fingerprinted and never change, so they are compressed once, harder than the server could afford
// per request (brotli 11 against the middleware's 4: React's chunk is 11 KiB smaller); the server
// sends these as they are (app/utils/precompressed-static.server.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = "public/build";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let before = 0;
let after = 0;
for (const path of files(ROOT).filter((f) => /\.(js|css)$/.test(f))) {
  const bytes = readFileSync(path);
  // Under 256 bytes the two headers an encoded answer adds outweigh the saving: sent as they are.
  if (bytes.length < 256) continue;
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  before += bytes.length;
  after += br.length;
}
console.log(
  `Precompressed public/build: ${(before / 1024).toFixed(0)} KiB of scripts, ${(after / 1024).toFixed(0)} KiB as brotli.`,
);
