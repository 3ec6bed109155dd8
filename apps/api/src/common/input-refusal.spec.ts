import type { ValidationError } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { InputValidationError } from '@app/platform';
import { inputRefusal } from './input-refusal';
import { ENTITY_ID_CONSTRAINT } from './input-validators';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []) =>
  ({ property, constraints, children }) as ValidationError;

describe('inputRefusal', () => {
  it('given only malformed ids, when refused, then it is NOT_FOUND naming the first field', () => {
    const refusal = inputRefusal([error('workstreamId', { [ENTITY_ID_CONSTRAINT]: 'workstreamId names nothing.' })]);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', details: { field: 'workstreamId' } });
  });

  it('given errors holding no constraint at all, when refused, then it is VALIDATION_FAILED, not a crash', () => {
    const refusal = inputRefusal([error('input', undefined, [error('areas')])]);
    expect(refusal).toBeInstanceOf(InputValidationError);
    expect((refusal as InputValidationError).problems).toEqual([]);
  });
});
