/**
 * What of a configuration value may be shown in an error or a log. A variable named like a
 * credential (SECRET, TOKEN, KEY, PASSWORD) is never shown at all, and the `user:password@` of any
 * URL is masked, so a database URL can be named in a message without its password.
 */

const SECRET_NAME = /SECRET|TOKEN|KEY|PASSWORD/;
/** `scheme://userinfo@`: the userinfo is masked whatever it holds (a password, or a token as the user). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi;

export function isSecretVariable(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function maskUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/** The value as it may be shown, or undefined when nothing of it may be. */
export function shownValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined || isSecretVariable(name)) return undefined;
  return maskUrlCredentials(value);
}
