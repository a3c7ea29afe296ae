// The environment a server process starts with (`npm start`, `npm run dev`,
// the benchmark runner; the browser tests give theirs explicitly): what the
// C library reads once, when a process starts, so the server cannot set it
// for itself.
//
// MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc
// arena, up to eight per core. The server's threads (main, PGlite's, V8's
// helpers, libuv's pool) kept several arenas of 25-60 MB resident each. In
// five interleaved pairs of the fan-out benchmark two arenas cut its server
// from 666-708 to 604-635 MB resident and the CPU a message by about 7%,
// and with them the work of a kernel memory monitor that scans resident
// pages on some hosts (docs/benchmarks.md, second session of 2026-12-02).
// An operator's own value wins.
export function serverProcessEnv(env = process.env) {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
