// The Node options the server runs with. `npm start` and `npm run demo` pass them (package.json;
// tests/integration/node-options.spec.ts holds the two to this list), the server benchmarks
// start scripts/server.js with them, and README («Sikkerhet og drift») names them for a server
// started with `node scripts/server.js`. They must be given when Node starts: V8 sizes its
// heap before any of our code runs.
//
// --max-old-space-size=1024 (https://nodejs.org/api/cli.html#--max-old-space-sizesize-in-mib):
// after each full collection V8 lets its heap grow to a multiple of what survived before it
// collects again, up to 4 times when the heap may grow to 2 GB or more (on 64-bit; V8's
// src/heap/heap-controller.cc, MaxGrowingFactor), as the default on a machine with a few GB
// allows. At national scale about 50 MB survives, and after the server benchmark the heap held
// 230 MB, the process 338 MB (peak 349 MB); with a ceiling of 1 GB the multiple is about 1.6:
// 112 MB of heap, 210 MB resident (peak 233 MB), pages within a few milliseconds of before
// (bench/results/server-memory-national-2026-12-04.md). 1 GB is still twice what the heaviest
// download has needed (bench/results/exports-national-2026-12-02-streaming.md).
export const SERVER_NODE_OPTIONS = ['--max-old-space-size=1024'];
