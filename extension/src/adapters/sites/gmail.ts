/** Gmail as a site: the web client's one host. */
import { describeSite } from './siteDescriptor';

export const gmailSite = describeSite('gmail', 'Gmail', ['mail.google.com']);
