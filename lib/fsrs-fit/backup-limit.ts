// The backup size limit, for the import form (client) and the parser. No imports: no zod in the client.
/** Largest backup we accept (bytes). The request passes the Next.js proxy, which buffers at most 10 MB. */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;
