import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { dateTime, summaryList } from '../components';
import { html } from '../html';
import { Pages } from '../page-context';

const HEAD = `{ integrity { head { treeSize rootHash timestamp keyId signature } } }`;

interface Head {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

@Controller('audit')
export class AuditController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api, render }) => {
      const { head } = (await api.send<{ integrity: { head: Head | null } }>(HEAD)).integrity;
      render({
        title: 'Audit',
        current: '/audit',
        content: html`<h1 class="govuk-heading-l">Audit</h1>
          <h2 class="govuk-heading-m">Integrity of the history</h2>
          <p class="govuk-body">
            Every change is an event in a hash-chained log. The platform signs the head of the log (its size and the
            Merkle root of every event so far); keep a copy, and a later check proves the history you saw has not been
            altered, cut short or reordered since.
          </p>
          ${
            head
              ? html`${summaryList([
                    ['Events in the signed log', String(head.treeSize)],
                    ['Signed', dateTime(head.timestamp)],
                    ['Root hash', html`<code>${head.rootHash}</code>`],
                    ['Key', html`<code>${head.keyId}</code>`],
                  ])}
                  <p class="govuk-body">
                    <a class="govuk-link" href="/audit/head.json" download>Download the signed head (JSON)</a>, then
                    check it later with <code>npm run cli -- verify --witness head.json</code>.
                  </p>`
              : html`<p class="govuk-body">No head has been signed yet.</p>`
          }
          <h2 class="govuk-heading-m">Export of the history</h2>
          <p class="govuk-body">
            The whole history as JSON Lines is exported on the platform’s machine with
            <code>npm run cli -- export</code>; the API does not offer it for download yet.
          </p>`,
      });
    });
  }

  @Get('head.json')
  async head(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api }) => {
      const { head } = (await api.send<{ integrity: { head: Head | null } }>(HEAD)).integrity;
      response
        .status(head ? 200 : 404)
        .set({ 'content-type': 'application/json', 'content-disposition': 'attachment; filename="head.json"' })
        .send(`${JSON.stringify(head, null, 2)}\n`);
    });
  }
}
