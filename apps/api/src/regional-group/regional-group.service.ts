import { Injectable } from '@nestjs/common';
import { RegionalGroupCommand, regionalGroupDecider, RegionalGroupEvent, regionalGroupStream } from '@app/domain';
import { childId, newEntityId } from '@app/event-store';
import { Actors } from '../auth/actors';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EstablishRegionalGroupInput } from './establish-regional-group.input';
import {
  DefineAgencyTypeInput,
  RecordPartnershipChairInput,
  RequireAgencyTypeInput,
  SetDelegateMinimumSeniorityInput,
} from './law.inputs';
import {
  AdmitCorePartnerInput,
  AdoptTermsOfReferenceInput,
  AppointChairInput,
  AppointRepresentativeInput,
  ChangePartnerCoverageInput,
  CorrectAppointmentDatesInput,
  CorrectFundingContributionInput,
  EndRepresentativeAppointmentInput,
  FundingContributionInput,
  RecordSuccessionInput,
  RecordTermsOfReferenceReviewInput,
  RotateChairInput,
} from './membership.inputs';
import { GiveNoticeToLeaveInput, WithdrawNoticeInput } from './notice.types';
import type { AddAreaInput } from './add-area.resolver';
import type { AppointGroupScrutineerInput } from './group-scrutiny.resolver';
import type { NameSafeguardingPartnersInput } from './safeguarding-partners.resolver';

type GroupInput = IdempotentInput & { groupId: string };
type Build = (context: PreparedCommand) => RegionalGroupCommand | Promise<RegionalGroupCommand>;

/** What agreeing a funding contribution and changing one both record. */
const contribution = (input: FundingContributionInput) => ({
  partnerId: input.partnerId,
  financialYear: input.financialYear,
  amountPence: input.amountPence,
  inKind: input.inKind ?? null,
  on: input.on ?? null,
});

/**
 * The regional group's use cases (R2-R5, R7, R12-R17, D4): establishing it, its membership,
 * terms, law, funding and notices, all decided on the group's own stream. Each answers the
 * events it recorded, from which the caller reads the gaps it made and the posts it vacated.
 */
@Injectable()
export class RegionalGroupService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
  ) {}

  /** Administrators only; answers the new group's id. */
  async establish(input: EstablishRegionalGroupInput, meta: RequestMeta): Promise<string> {
    const groupId = newEntityId('regional-group', meta.identity.personId, input.idempotencyKey);
    await this.gateway.change(
      { operation: 'establishRegionalGroup', input, meta },
      null,
      regionalGroupStream(groupId),
      regionalGroupDecider,
      ({ actor, now }): RegionalGroupCommand => ({
        type: 'EstablishRegionalGroup',
        data: {
          groupId,
          name: input.name,
          areas: input.areas.map((area, index) => ({ areaId: childId(groupId, 'area', index), name: area.name })),
          establishedOn: input.establishedOn ?? null,
          actor,
          now,
        },
      }),
    );
    return groupId;
  }

  admitCorePartner(input: AdmitCorePartnerInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('admitCorePartner', input, meta, ({ actor, now }) => ({
      type: 'AdmitCorePartner',
      data: {
        partnerId: newEntityId(
          'core-partner',
          meta.identity.personId,
          input.idempotencyKey,
          regionalGroupStream(input.groupId),
        ),
        name: input.name,
        agencyType: input.agencyType,
        areaIds: input.areaIds,
        admittedOn: input.admittedOn,
        actor,
        now,
      },
    }));
  }

  changePartnerCoverage(input: ChangePartnerCoverageInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('changePartnerCoverage', input, meta, ({ actor, now }) => ({
      type: 'ChangePartnerCoverage',
      data: {
        partnerId: input.partnerId,
        areaIds: input.areaIds,
        changedOn: input.changedOn ?? null,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  recordSuccession(input: RecordSuccessionInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('recordSuccession', input, meta, ({ actor, now }) => ({
      type: 'RecordSuccession',
      data: {
        predecessorId: input.predecessorId,
        successorId:
          input.successorId ??
          newEntityId('core-partner', meta.identity.personId, input.idempotencyKey, regionalGroupStream(input.groupId)),
        successorName: input.successorName ?? '',
        effectiveOn: input.effectiveOn,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  appointRepresentative(input: AppointRepresentativeInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('appointRepresentative', input, meta, async ({ actor, now }) => ({
      type: 'AppointRepresentative',
      data: {
        appointmentId: newEntityId(
          'appointment',
          meta.identity.personId,
          input.idempotencyKey,
          regionalGroupStream(input.groupId),
        ),
        personId: input.personId,
        personName: (await this.actors.access()).people.get(input.personId)?.name ?? null,
        partnerId: input.partnerId,
        title: input.title,
        role: input.role,
        seniority: input.seniority,
        startDate: input.startDate,
        actor,
        now,
      },
    }));
  }

  endRepresentativeAppointment(
    input: EndRepresentativeAppointmentInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('endRepresentativeAppointment', input, meta, ({ actor, now }) => ({
      type: 'EndRepresentativeAppointment',
      data: { appointmentId: input.appointmentId, endDate: input.endDate, reason: input.reason, actor, now },
    }));
  }

  appointChair(input: AppointChairInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('appointChair', input, meta, ({ actor, now }) => ({
      type: 'AppointChair',
      data: { appointmentId: input.appointmentId, from: input.from ?? null, actor, now },
    }));
  }

  appointDeputyChair(input: AppointChairInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('appointDeputyChair', input, meta, ({ actor, now }) => ({
      type: 'AppointDeputyChair',
      data: { appointmentId: input.appointmentId, from: input.from ?? null, actor, now },
    }));
  }

  rotateChair(input: RotateChairInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('rotateChair', input, meta, ({ actor, now }) => ({
      type: 'RotateChair',
      data: { newDeputyAppointmentId: input.newDeputyAppointmentId, on: input.on ?? null, actor, now },
    }));
  }

  adoptTermsOfReference(input: AdoptTermsOfReferenceInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('adoptTermsOfReference', input, meta, ({ actor, now }) => ({
      type: 'AdoptTermsOfReference',
      data: {
        version: input.version,
        summary: input.summary,
        quorumPercentage: input.quorumPercentage,
        meetingCadenceMonths: input.meetingCadenceMonths,
        noticePeriodMonths: input.noticePeriodMonths,
        statutoryTypesPerArea: input.statutoryTypesPerArea,
        adoptedOn: input.adoptedOn,
        firstReviewBy: input.firstReviewBy ?? null,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  defineAgencyType(input: DefineAgencyTypeInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('defineAgencyType', input, meta, ({ actor, now }) => ({
      type: 'DefineAgencyType',
      data: { code: input.code, name: input.name, definedOn: input.definedOn ?? null, actor, now },
    }));
  }

  requireAgencyType(input: RequireAgencyTypeInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('requireAgencyType', input, meta, ({ actor, now }) => ({
      type: 'RequireAgencyType',
      data: { code: input.code, inForceFrom: input.inForceFrom, scope: input.scope, actor, now },
    }));
  }

  setDelegateMinimumSeniority(
    input: SetDelegateMinimumSeniorityInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('setDelegateMinimumSeniority', input, meta, ({ actor, now }) => ({
      type: 'SetDelegateMinimumSeniority',
      data: { seniority: input.seniority, from: input.from ?? null, actor, now },
    }));
  }

  recordPartnershipChair(
    input: RecordPartnershipChairInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('recordPartnershipChair', input, meta, ({ actor, now }) => ({
      type: 'RecordPartnershipChair',
      data: { name: input.name, title: input.title, from: input.from ?? null, actor, now },
    }));
  }

  recordTermsOfReferenceReview(
    input: RecordTermsOfReferenceReviewInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('recordTermsOfReferenceReview', input, meta, ({ actor, now }) => ({
      type: 'RecordTermsOfReferenceReview',
      data: { reviewedOn: input.reviewedOn, notes: input.notes, actor, now },
    }));
  }

  agreeFundingContribution(input: FundingContributionInput, meta: RequestMeta): Promise<readonly RegionalGroupEvent[]> {
    return this.change('agreeFundingContribution', input, meta, ({ actor, now }) => ({
      type: 'AgreeFundingContribution',
      data: { ...contribution(input), actor, now },
    }));
  }

  changeFundingContribution(
    input: FundingContributionInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('changeFundingContribution', input, meta, ({ actor, now }) => ({
      type: 'ChangeFundingContribution',
      data: { ...contribution(input), actor, now },
    }));
  }

  correctAppointmentDates(
    input: CorrectAppointmentDatesInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('correctAppointmentDates', input, meta, ({ actor, now }) => ({
      type: 'CorrectAppointmentDates',
      data: {
        appointmentId: input.appointmentId,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        reason: input.reason ?? '',
        actor,
        now,
      },
    }));
  }

  correctFundingContribution(
    input: CorrectFundingContributionInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('correctFundingContribution', input, meta, ({ actor, now }) => ({
      type: 'CorrectFundingContribution',
      data: {
        partnerId: input.partnerId,
        financialYear: input.financialYear,
        amountPence: input.amountPence,
        inKind: input.inKind ?? null,
        reason: input.reason ?? '',
        actor,
        now,
      },
    }));
  }

  /** R13: answers the notice's id. */
  async giveNoticeToLeave(input: GiveNoticeToLeaveInput, meta: RequestMeta): Promise<string> {
    const noticeId = newEntityId(
      'notice',
      meta.identity.personId,
      input.idempotencyKey,
      regionalGroupStream(input.groupId),
    );
    await this.change('giveNoticeToLeave', input, meta, ({ actor, now }) => ({
      type: 'GiveNoticeToLeave',
      data: {
        noticeId,
        partnerId: input.partnerId,
        givenOn: input.givenOn,
        effectiveOn: input.effectiveOn,
        actor,
        now,
      },
    }));
    return noticeId;
  }

  async withdrawNotice(input: WithdrawNoticeInput, meta: RequestMeta): Promise<string> {
    await this.change('withdrawNotice', input, meta, ({ actor, now }) => ({
      type: 'WithdrawNotice',
      data: { noticeId: input.noticeId, actor, now },
    }));
    return input.noticeId;
  }

  /** R1-R3: an area joins the group from the day given, covered by the partners named; answers its id and the events. */
  async addArea(
    input: AddAreaInput,
    meta: RequestMeta,
  ): Promise<{ areaId: string; events: readonly RegionalGroupEvent[] }> {
    const areaId = newEntityId(
      'local-area',
      meta.identity.personId,
      input.idempotencyKey,
      regionalGroupStream(input.groupId),
    );
    const events = await this.change('addArea', input, meta, ({ actor, now }) => ({
      type: 'AddArea',
      data: {
        areaId,
        name: input.name,
        addedOn: input.addedOn,
        coveringPartnerIds: input.coveringPartnerIds,
        actor,
        now,
      },
    }));
    return { areaId, events };
  }

  /** R17: a statutory partner's lead and the delegate the lead named. */
  nameSafeguardingPartners(
    input: NameSafeguardingPartnersInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    return this.change('nameSafeguardingPartners', input, meta, ({ actor, now }) => ({
      type: 'NameSafeguardingPartners',
      data: {
        partnerId: input.partnerId,
        leadName: input.leadName,
        leadTitle: input.leadTitle,
        delegateName: input.delegateName,
        delegateTitle: input.delegateTitle,
        delegateSeniority: input.delegateSeniority,
        from: input.from ?? null,
        actor,
        now,
      },
    }));
  }

  /** L6: an independent scrutineer for the whole group, with dates. */
  appointGroupScrutineer(
    input: AppointGroupScrutineerInput,
    meta: RequestMeta,
  ): Promise<readonly RegionalGroupEvent[]> {
    const scrutineerId = newEntityId(
      'group-scrutineer',
      meta.identity.personId,
      input.idempotencyKey,
      regionalGroupStream(input.groupId),
    );
    return this.change('appointGroupScrutineer', input, meta, ({ actor, now }) => ({
      type: 'AppointGroupScrutineer',
      data: { scrutineerId, name: input.name, from: input.from, to: input.to ?? null, actor, now },
    }));
  }

  /** A change to an existing group, acting for the partner the person represents in it. */
  private async change(
    operation: string,
    input: GroupInput,
    meta: RequestMeta,
    build: Build,
  ): Promise<readonly RegionalGroupEvent[]> {
    const outcome = await this.gateway.change(
      { operation, input, meta },
      input.groupId,
      regionalGroupStream(input.groupId),
      regionalGroupDecider,
      build,
    );
    return outcome.events;
  }
}
