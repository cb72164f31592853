// The request header scripts/serve.ts sets on every request: "<per-process token> <address>".
// The server trusts it only with the right token, so a client cannot forge it.
export const CLIENT_ADDRESS_HEADER = "x-trickdeck-client";

/** The address from the header, or null if the token does not match (the request did not pass through serve.ts). */
export function readClientAddress(value: string | null | undefined, token: string | undefined): string | null {
  if (!value || !token) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== token) return null;
  return value.slice(space + 1) || null;
}
