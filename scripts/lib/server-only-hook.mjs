// A module hook for the scripts that call lib's server modules outside Next (documents:render,
// documents:measure): `server-only` guards against a client bundle, which a script is not. The
// react-server condition would do the same but changes which React build next-intl loads.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}
