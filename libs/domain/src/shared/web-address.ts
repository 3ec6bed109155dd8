import { isURL } from 'class-validator';
import { DomainError } from './domain-error';
import { isWellFormedText, requireText } from './text';

/** The longest address accepted: validator.js's default, after Internet Explorer's; far above any report's. */
export const WEB_ADDRESS_MAX = 2_084;

/*
 * http and https only, written in full: a `javascript:` or `data:` address would run in the page of
 * whoever opens it, and a relative one would open a page of the platform's own. validator.js
 * (through class-validator, a dependency already) does the parsing: host names, labels, ports.
 */
const WEB_ADDRESS = {
  require_protocol: true,
  protocols: ['https', 'http'],
  validate_length: true,
  max_allowed_length: WEB_ADDRESS_MAX,
};

/**
 * A web address people open from the platform (a report's link, where an area published the
 * minutes): an absolute http or https address of at most `WEB_ADDRESS_MAX` characters, without
 * white space, whose host is on the web (a domain with its top level, or an IP address: not `localhost`).
 * validator.js lets a lone surrogate through in the path, which no store or page can hold faithfully,
 * so text that is not well-formed is refused first.
 */
export function isWebAddress(value: unknown): value is string {
  return typeof value === 'string' && isWellFormedText(value) && isURL(value, WEB_ADDRESS);
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
