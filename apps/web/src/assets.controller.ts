import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { dirname, join } from 'node:path';

const GOVUK_FRONTEND = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

/** The Design System's files this app serves itself (no CDN: the pages make no request elsewhere). */
const GOVUK_FILES: Record<string, string> = {
  'govuk-frontend.min.css': 'text/css; charset=utf-8',
  'govuk-frontend.min.js': 'text/javascript; charset=utf-8',
};

/** Small files of our own, kept here so the build needs no copying step. */
const OWN_FILES: Record<string, { type: string; body: string }> = {
  // What the Design System's page template runs inline, before the page paints.
  'js-enabled.js': {
    type: 'text/javascript; charset=utf-8',
    body: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');\n",
  },
  'init.mjs': {
    type: 'text/javascript; charset=utf-8',
    body: "import { initAll } from '/web/govuk-frontend.min.js';\n\ninitAll();\n",
  },
  // Only what the Design System has no class for.
  'app.css': {
    type: 'text/css; charset=utf-8',
    body: '.app-signed-in { padding-top: 10px; text-align: right; }\n.app-inline-form { display: inline; }\n.app-inline-list li { display: inline-block; margin-right: 20px; }\n.app-break-words { word-break: break-all; }\n',
  },
};

const ONE_DAY_SECONDS = 86_400;

@Controller()
export class AssetsController {
  @Get('web/:file')
  web(@Param('file') file: string, @Res() response: Response): void {
    const own = OWN_FILES[file];
    if (own) {
      response.set({ 'content-type': own.type, 'cache-control': `public, max-age=${ONE_DAY_SECONDS}` }).send(own.body);
      return;
    }
    if (!GOVUK_FILES[file]) throw new NotFoundException();
    response.sendFile(file, {
      root: GOVUK_FRONTEND,
      maxAge: ONE_DAY_SECONDS * 1000,
      headers: { 'content-type': GOVUK_FILES[file] },
    });
  }

  /** The fonts and images the Design System's stylesheet asks for at /assets/. */
  @Get('assets/:kind/:file')
  asset(@Param('kind') kind: string, @Param('file') file: string, @Res() response: Response): void {
    if (kind !== 'fonts' && kind !== 'images') throw new NotFoundException();
    // `root` refuses any path that climbs out of it.
    response.sendFile(
      file,
      { root: join(GOVUK_FRONTEND, 'assets', kind), maxAge: 365 * ONE_DAY_SECONDS * 1000, immutable: kind === 'fonts' },
      (error) => {
        if (error && !response.headersSent) response.status(404).end();
      },
    );
  }
}
