import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import { Request, Response } from 'express';
import { Pages } from './page-context';

/** Addresses for programs, not people: a mistyped one keeps its JSON 404. */
const NOT_PAGES = ['/graphql', '/health', '/assets', '/web', '/graphiql-assets', '/.well-known'];

/** An address a person could have typed for a page: not a program's, and not a file's (no extension). */
function isPageAddress(path: string): boolean {
  if (NOT_PAGES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return !path.slice(path.lastIndexOf('/') + 1).includes('.');
}

/** A path with a `%` the router cannot decode, which Nest turns from the router's URIError into a 400. */
function isUndecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Addresses no page can answer, answered with a page instead of Nest's JSON: a GET no route matched
 * (Express sets `request.route` only once one does) with "Page not found", and an address whose
 * percent-encoding the router could not decode (whatever the method) with a 400 page.
 * Every other exception, and a 404 a route or GraphQL raised itself, goes to `otherwise`: Nest uses
 * the first filter that catches it, never two.
 */
@Catch(NotFoundException, BadRequestException)
export class PageAddressFilter implements ExceptionFilter {
  constructor(
    private readonly pages: Pages,
    private readonly otherwise: ExceptionFilter,
  ) {}

  catch(exception: NotFoundException | BadRequestException, host: ArgumentsHost): unknown {
    if (host.getType() === 'http') {
      const http = host.switchToHttp();
      const request = http.getRequest<Request & { route?: unknown }>();
      if (!request.route && isPageAddress(request.path)) {
        const response = http.getResponse<Response>();
        if (exception instanceof NotFoundException && (request.method === 'GET' || request.method === 'HEAD'))
          return this.pages.notFound(request, response);
        if (exception instanceof BadRequestException && isUndecodable(request.path))
          return this.pages.badAddress(request, response);
      }
    }
    return this.otherwise.catch(exception, host);
  }
}
