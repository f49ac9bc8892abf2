/** Where Debian's dovecot-core puts the IMAP server the tests start (scripts/ensure-dovecot.ts installs it). */
export const DOVECOT_BINARY = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot";
