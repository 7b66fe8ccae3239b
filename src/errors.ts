/**
 * A problem the user can fix (a missing file, a sheet without the right headers), told in one sentence.
 * The command line prints its message alone, with no stack trace, and exits with status 2.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
