/** A problem with what the user asked for (a path, a ref, an argument): one line, exit 2. */
export class DiffUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffUsageError';
  }
}
