import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ArgumentMetadata,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  ValidationPipe,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';

/** The input refusal of the mutation being handled, held back until whether the person may act is known. */
interface HeldRefusal {
  refusal: unknown;
}
const held = new AsyncLocalStorage<HeldRefusal>();

/** Refusals that say the person may not act at all, which come before anything about their input. */
export function refusesThePerson(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === 'FORBIDDEN';
  return error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED';
}

/**
 * The refusal of this mutation's input, when its arguments failed validation; null otherwise.
 * The command gateway asks before deciding: with one held back, it decides only to learn whether
 * the person may act, and records nothing.
 */
export function heldInputRefusal(): unknown {
  return held.getStore()?.refusal ?? null;
}

/**
 * The global ValidationPipe, which refuses a mutation's input only once the mutation's own rules
 * have said whether the person may act: someone who may not do a thing is told so, not what is
 * wrong with their input. Outside a mutation (a query's arguments) it refuses at once.
 */
export class AuthorisationFirstValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const slot = held.getStore();
      if (!slot) throw error;
      slot.refusal ??= error;
      return value;
    }
  }
}

/**
 * Around each mutation: validation's refusal is held back while the mutation runs, and given when the
 * mutation fails for any reason but the person's own (FORBIDDEN, UNAUTHENTICATED). The gateway never
 * records a command while a refusal is held, so a mutation that got this far still changed nothing.
 */
@Injectable()
export class AuthorisationFirstInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isMutation =
      context.getType<string>() === 'graphql' &&
      GqlExecutionContext.create(context).getInfo<{ parentType: { name: string } }>().parentType.name === 'Mutation';
    if (!isMutation) return next.handle();
    const slot: HeldRefusal = { refusal: null };
    return new Observable((subscriber) =>
      held.run(slot, () =>
        next.handle().subscribe({
          next: (value) => {
            if (slot.refusal) subscriber.error(slot.refusal);
            else subscriber.next(value);
          },
          error: (error: unknown) => subscriber.error(slot.refusal && !refusesThePerson(error) ? slot.refusal : error),
          complete: () => subscriber.complete(),
        }),
      ),
    );
  }
}
