import { DomainError } from './domain-error';
import { isWellFormedText, requireText } from './text';

/** The longest address accepted: Internet Explorer's limit, the shortest of the browsers'; far above any report's. */
export const WEB_ADDRESS_MAX = 2_084;

/*
 * http and https only, written in full with both slashes: a `javascript:` or `data:` address would run
 * in the page of whoever opens it, a relative one would open a page of the platform's own, and the URL
 * parser would quietly complete `https:somerset.example` to `https://somerset.example/`.
 */
const WRITTEN_IN_FULL = /^https?:\/\//i;

/*
 * The parser drops white space and controls without a word and reads a backslash as a slash, so
 * what it read would not be what was sent; angle brackets end an address in prose and markup.
 */
const NOT_IN_AN_ADDRESS = /[\s\p{Cc}<>\\]/u;

const END_OF_AUTHORITY = /[/?#]/;

const ASCII_HOST = /^[\x21-\x7e]*$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

const isPunycode = (label: string): boolean => label.startsWith('xn--');

/** A host name on the web as the parser writes it (lower case, punycode): labels, then a top level that is not a number. */
function isDomainName(host: string): boolean {
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && TOP_LEVEL.test(labels[labels.length - 1]);
}

/**
 * A web address people open from the platform (a report's link, where an area published the
 * minutes): an absolute http or https address of at most `WEB_ADDRESS_MAX` characters, without
 * white space or controls, whose host is on the web (a domain with its top level, or an IP address:
 * not `localhost`) and read as written, and without a user name or password, which would let
 * `https://somerset.gov.uk@elsewhere.example` read as one place and open another.
 */
export function isWebAddress(value: unknown): value is string {
  if (typeof value !== 'string' || !isWellFormedText(value) || value.length > WEB_ADDRESS_MAX) return false;
  if (!WRITTEN_IN_FULL.test(value) || NOT_IN_AN_ADDRESS.test(value)) return false;
  const authority = value.slice(value.indexOf('//') + 2).split(END_OF_AUTHORITY, 1)[0];
  if (authority.includes('@')) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.port === '0') return false;
  const host = url.hostname;
  if (host.startsWith('[')) return true;
  const written = authority.replace(/:[^:]*$/, '');
  // The parser completes `192.168.1` to `192.168.0.1`, decodes `%2E` and skips a third slash: taken only as written.
  // A name written beyond ASCII is an internationalised one, which the parser writes in punycode; one
  // the parser maps to plain ASCII (full-width letters, an ideographic full stop) looks like one place
  // and opens another, as `ｓomerset。example` opens somerset.example.
  if (ASCII_HOST.test(written) ? written.toLowerCase() !== host : !host.split('.').some(isPunycode)) return false;
  return IPV4.test(host) || isDomainName(host);
}

/**
 * A web address a command cannot go without, as recorded: without surrounding white space;
 * VALIDATION_FAILED, naming it by `label`, when it is empty or not a web address (`isWebAddress`).
 */
export function requireWebAddress(value: string, label: string): string {
  const address = requireText(value, label);
  if (!isWebAddress(address)) throw new DomainError('VALIDATION_FAILED', `${label} must be an http or https address.`);
  return address;
}
