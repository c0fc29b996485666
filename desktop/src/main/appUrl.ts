/**
 * The app's own address: the bundled console is served at tandem://app/console/, the same path
 * the server mounts it at, so one renderer build works in both places.
 */
export const APP_SCHEME = 'tandem';
export const APP_HOST = 'app';
export const CONSOLE_BASE_PATH = '/console/';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}${CONSOLE_BASE_PATH}`;
