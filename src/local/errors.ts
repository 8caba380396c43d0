/**
 * The exceptions emulated services throw. Apps Script shows a service's exception as
 * `Exception: <message>`; the runtime rethrows these as the bundle's realm Errors
 * (`CallCounter.rethrow`).
 */

/** An Apps Script exception: `Exception: <message>` as Apps Script shows it. */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
