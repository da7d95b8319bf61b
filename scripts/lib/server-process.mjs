// Loaded with `node --import` by processes that run lib's server modules outside Next (the job
// worker): "server-only" guards modules from client bundles and throws outside React's server
// condition; here we are the server, and the react-server condition itself cannot be used, since
// next-intl would then load React's server build, which has no hooks.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
    }`,
  )}`,
  import.meta.url,
);
