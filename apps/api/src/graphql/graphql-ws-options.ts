import { Logger } from '@nestjs/common';
import { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { TOKEN_EXPIRED } from '@app/platform';
import { GraphQLError } from 'graphql';
import { CloseCode, ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { Authenticator } from '../auth/authenticator';
import { Identity } from '../auth/identity';

/** What graphql-ws keeps for each socket: its `ws` server puts the socket there, and we add who opened it. */
interface SocketExtra {
  readonly socket: WebSocket;
  identity?: Identity;
  expiryTimer?: NodeJS.Timeout;
}

/** The reason a socket opened without a token is closed with, naming the connection params it needs. */
const MISSING_TOKEN = 'Send the connection params { "authorization": "Bearer <token>" }.';

/** When the token cannot be checked at all (the identity provider is unreachable, say), the client should retry. */
const CANNOT_CHECK_TOKEN = 'Try again later: the token could not be checked just now.';

/** WebSocket close code 1013, "Try Again Later": graphql-ws clients reconnect after it, unlike 4401 or 4500. */
const TRY_AGAIN_LATER = 1013;

/** RFC 6455 allows a close reason of 123 bytes at most; `ws` throws on a longer one. */
const MAX_REASON_BYTES = 123;

/** Node fires a longer timeout at once; a token valid for longer than this is checked again when it fires. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** "Unauthorized: " and the sentence the authenticator gave, as a close reason a client can show. */
function unauthorizedReason(message: string): string {
  const reason = `Unauthorized: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  return Buffer.byteLength(reason) <= MAX_REASON_BYTES ? reason : 'Unauthorized';
}

/**
 * graphql-ws over the socket: a socket is authenticated once, by the token in its connection
 * params, and lives no longer than that token. A refusal closes it with 4401 and the reason.
 */
export function graphqlWsOptions(
  authenticator: Authenticator,
  validationAndErrors: Pick<ServerOptions, 'validate' | 'onNext' | 'onError'>,
): GraphQLWsSubscriptionsConfig {
  const logger = new Logger('GraphQL');
  const options: ServerOptions<Record<string, unknown> | undefined, SocketExtra> = {
    onConnect: async ({ connectionParams, extra }) => {
      let identity: Identity | null;
      try {
        identity = await authenticator.identify(connectionParams?.authorization ?? connectionParams?.Authorization);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
          return refuse(extra.socket, error.message);
        }
        logger.error(error);
        extra.socket.close(TRY_AGAIN_LATER, CANNOT_CHECK_TOKEN);
        return false;
      }
      if (!identity) return refuse(extra.socket, MISSING_TOKEN);
      extra.identity = identity;
      if (identity.tokenExpiresAt) closeAtExpiry(extra, identity.tokenExpiresAt);
      return true;
    },
    onClose: ({ extra }) => clearTimeout(extra.expiryTimer),
    ...validationAndErrors,
  };
  return { path: '/graphql', ...options } as GraphQLWsSubscriptionsConfig;
}

/**
 * Returning false alone would make graphql-ws close with 4403 "Forbidden". Closing first, with
 * 4401 and the reason, makes its own close a no-op on the closing socket; returning false still
 * keeps the connection unacknowledged, so nothing sent meanwhile is executed.
 */
function refuse(socket: WebSocket, message: string): false {
  socket.close(CloseCode.Unauthorized, unauthorizedReason(message));
  return false;
}

/** Unref'd, so an open socket never keeps the process alive; cleared when the socket closes. */
function closeAtExpiry(extra: SocketExtra, expiresAt: Date): void {
  const remaining = expiresAt.getTime() - Date.now();
  if (remaining <= 0) {
    extra.socket.close(CloseCode.Unauthorized, unauthorizedReason(TOKEN_EXPIRED));
    return;
  }
  extra.expiryTimer = setTimeout(() => closeAtExpiry(extra, expiresAt), Math.min(remaining, MAX_TIMER_DELAY_MS));
  extra.expiryTimer.unref();
}
