/** A problem with what the user asked for (a path that does not exist, or is not data): one line, no stack trace. */
export class UsageError extends Error {}
