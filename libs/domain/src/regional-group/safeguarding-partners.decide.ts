import { dateOrToday, requireNotBefore, requireNotFuture } from '../shared/dates';
import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { requireName } from '../shared/text';
import { SafeguardingPartnersNamed, Seniority } from './delegation';
import { requiredTypesOn } from './law';
import { currentPartner } from './membership.decide';
import { isChair, partnerRepresentedBy } from './permissions';
import { SENIORITIES } from './regional-group.commands';
import { ActiveGroup } from './regional-group.state';
import { termsInForceOn } from './terms';

export type NameSafeguardingPartners = Message<
  'NameSafeguardingPartners',
  {
    partnerId: string;
    leadName: string;
    leadTitle: string;
    delegateName: string;
    delegateTitle: string;
    delegateSeniority: Seniority;
    from: string | null;
    actor: Actor;
    now: string;
  }
>;

/**
 * R17: a statutory partner records its lead and the delegate the lead named, from the day named
 * (never in the future, never before the partner joined). The partner's own current
 * representative records it, or the administrator or the group's chair for it. A delegate below
 * the group's minimum is accepted and flagged on the read side (`delegationBelowMinimum`).
 */
export function nameSafeguardingPartners(
  command: NameSafeguardingPartners,
  group: ActiveGroup,
): SafeguardingPartnersNamed[] {
  const { actor, now, partnerId } = command.data;
  const partner = currentPartner(group, partnerId);
  const mayRecord =
    actor.roles.includes('ADMINISTRATOR') ||
    isChair(group, actor) ||
    partnerRepresentedBy(group, actor, now) === partnerId;
  if (!mayRecord) {
    throw new DomainError(
      'FORBIDDEN',
      `Only a representative of ${partner.name}, the group's chair or an administrator can name its safeguarding partners.`,
      { requiredRole: 'REPRESENTATIVE of the partner, CHAIR or ADMINISTRATOR' },
    );
  }
  const from = dateOrToday(command.data.from, now);
  requireNotFuture(from, now, 'The day the delegate was named');
  requireNotBefore(from, partner.admittedOn, 'The day the delegate was named', `${partner.name} joined the group`);
  if (
    !requiredTypesOn(termsInForceOn(group.terms, from).terms, group.requirements, 'PARTNERS', from).includes(
      partner.agencyType,
    )
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${partner.name} is not a statutory partner on ${from}: only statutory partners name lead and delegated safeguarding partners.`,
    );
  }
  if (!(SENIORITIES as readonly string[]).includes(command.data.delegateSeniority))
    throw new DomainError('VALIDATION_FAILED', `The seniority must be one of ${SENIORITIES.join(', ')}.`);
  return [
    {
      type: 'SafeguardingPartnersNamed',
      data: {
        partnerId,
        lead: {
          name: requireName(command.data.leadName, "The lead safeguarding partner's name"),
          title: requireName(command.data.leadTitle, "The lead safeguarding partner's title"),
        },
        delegate: {
          name: requireName(command.data.delegateName, "The delegated safeguarding partner's name"),
          title: requireName(command.data.delegateTitle, "The delegated safeguarding partner's title"),
          seniority: command.data.delegateSeniority,
        },
        from,
      },
    },
  ];
}
