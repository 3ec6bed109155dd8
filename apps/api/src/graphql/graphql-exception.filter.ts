import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { Request, Response } from 'express';

/**
 * GraphQL errors go straight back to Apollo, whose formatError maps refusals to their codes and
 * logs only what is unexpected; Nest would otherwise log every refusal as an error with a stack.
 * A request to /graphql that fails before GraphQL sees it (a body that is not JSON) is answered
 * in GraphQL's own shape, so clients find a code where they look for one.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
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
