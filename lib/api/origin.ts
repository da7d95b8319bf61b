// The portal's address, for the links handed to people (invitations, password resets): AUTH_URL
// when it is set (behind a proxy that terminates HTTPS), else the address the request came to.
export function portalOrigin(requestUrl: string): string {
  const configured = process.env.AUTH_URL?.trim();
  return (configured ? new URL(configured).origin : new URL(requestUrl).origin).replace(/\/$/, "");
}

/** The same for a server action, from its request headers. */
export function portalOriginOf(headers: Headers): string {
  const host = headers.get("host") ?? "localhost";
  return portalOrigin(`http://${host}/`);
}
