import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { Request, Response } from 'express';

/**
 * GraphQL errors go straight back to Apollo, whose formatError maps refusals to their codes and
 * logs only what is unexpected; Nest would otherwise log every refusal as an error with a stack.
 * A request to /graphql that fails before GraphQL sees it (a body that is not JSON, or larger than
 * the body parser takes) is answered in GraphQL's own shape, so clients find a code where they look
 * for one, and is not logged: it is the client's to mend.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    if (request.path === '/graphql' && isTooLarge(exception)) {
      http
        .getResponse<Response>()
        .status(413)
        .json({
          errors: [
            {
              message:
                `The request body is ${sizeOf(exception)}, more than the ${kilobytes(exception.limit)} ` +
                'the API takes in one request: send long texts in separate requests, or shorten them.',
              extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: exception.limit },
            },
          ],
        });
      return undefined;
    }
    if (exception instanceof HttpException && exception.getStatus() === 400 && request.path === '/graphql') {
      http
        .getResponse<Response>()
        .status(400)
        .json({
          errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
        });
      return undefined;
    }
    return super.catch(exception, host);
  }
}

/**
 * The body parser's refusal of a body over its limit (an http-errors error, not a Nest HttpException):
 * `length` from Content-Length, or, for a chunked or compressed body, what it had `received` when it stopped.
 */
function isTooLarge(exception: unknown): exception is { length?: number; received?: number; limit: number } {
  const error = exception as { type?: unknown; limit?: unknown } | null;
  return error?.type === 'entity.too.large' && typeof error.limit === 'number';
}

const kilobytes = (bytes: number): string => `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;

/** How the refusal states the body's size: exactly when it was declared, as a lower bound when it was streamed. */
function sizeOf(body: { length?: number; received?: number }): string {
  if (typeof body.length === 'number') return kilobytes(body.length);
  return typeof body.received === 'number' ? `over ${kilobytes(body.received)}` : 'too large';
}
