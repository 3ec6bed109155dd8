import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import { Request, Response } from 'express';
import { Pages } from './page-context';

/** Addresses for programs, not people: a mistyped one keeps its JSON 404. */
const NOT_PAGES = ['/graphql', '/health', '/assets', '/web', '/graphiql-assets', '/.well-known'];

/** An address a person could have typed for a page: not a program's, and not a file's (no extension). */
function isPageAddress(path: string): boolean {
  if (NOT_PAGES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return !path.slice(path.lastIndexOf('/') + 1).includes('.');
}

/**
 * A GET no route matched (Express sets `request.route` only once one does) is answered with the
 * "Page not found" page instead of Nest's JSON. Every other exception, and a 404 a route or
 * GraphQL raised itself, goes to `otherwise`: Nest uses the first filter that catches it, never two.
 */
@Catch(NotFoundException)
export class PageNotFoundFilter implements ExceptionFilter {
  constructor(
    private readonly pages: Pages,
    private readonly otherwise: ExceptionFilter,
  ) {}

  catch(exception: NotFoundException, host: ArgumentsHost): unknown {
    if (host.getType() === 'http') {
      const http = host.switchToHttp();
      const request = http.getRequest<Request & { route?: unknown }>();
      if (!request.route && (request.method === 'GET' || request.method === 'HEAD') && isPageAddress(request.path)) {
        return this.pages.notFound(request, http.getResponse<Response>());
      }
    }
    return this.otherwise.catch(exception, host);
  }
}
