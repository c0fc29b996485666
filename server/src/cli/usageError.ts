/** A command line that cannot run as given: `main` prints the message with the usage and exits 2. */
export class UsageError extends Error {}
