// Lets a script call lib's server modules directly (`npm run bench:import`): their `import
// "server-only"` throws outside React Server Components, and the react-server condition that would
// silence it also makes next-intl load React's server build, which plain Node cannot run. So only
// that one marker package resolves to its empty module (as tests/support/server-only.ts does for vitest).
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
