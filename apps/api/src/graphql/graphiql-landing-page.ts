import { ApolloServerPlugin } from '@apollo/server';
import * as bundle from '@graphql-yoga/render-graphiql/graphiql';
import { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Where GraphiQL's scripts, styles and icon are served from (outside production only). */
export const GRAPHIQL_ASSETS_PATH = '/graphiql-assets';

const OPTIONS = {
  title: 'Safeguarding partnerships — GraphiQL',
  endpoint: '/graphql',
  subscriptionsProtocol: 'WS',
  defaultQuery:
    '# Paste a token from tokens.json in the data directory (DATA_DIR, ./data/demo unless set)\n# into the headers below:\n# { "Authorization": "Bearer <token>" }\n\nquery {\n  me { personId name roles { role } }\n  regionalGroups { edges { node { id name areas { id name } } } }\n}\n',
  // No header until a token is pasted: an empty bearer token would fail the schema's loading with a 401.
  headers: '',
};

/**
 * The browser script: GraphiQL's editor workers are inlined as blobs (the page needs no other
 * origin), then GraphiQL renders with the options the page carries.
 */
const SCRIPT = `(function () {
  function prepareBlob(workerContent) {
    return URL.createObjectURL(new Blob([workerContent], { type: 'application/javascript' }));
  }
  var workers = {
    editorWorkerService: prepareBlob(${JSON.stringify(bundle.editorWorkerService)}),
    json: prepareBlob(${JSON.stringify(bundle.jsonWorker)}),
    graphql: prepareBlob(${JSON.stringify(bundle.graphqlWorker)}),
  };
  self['MonacoEnvironment'] = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) { return workers[label]; },
  };
})();
${bundle.js};
YogaGraphiQL.renderYogaGraphiQL(
  window.document.querySelector('#root'),
  JSON.parse(document.getElementById('graphiql-options').textContent),
);
`;

interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
  /** Compressed on first request, once, off the event loop; the page is never used in production. */
  encoded?: Promise<{ br: Buffer; gzip: Buffer }>;
}

function named(stem: string, extension: string, body: Buffer): [string, Buffer] {
  return [`${stem}.${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${extension}`, body];
}

/**
 * GraphiQL split as a site serves it: a small page, and its 9 MB of script and styles as
 * assets whose names carry their content's hash, so a browser caches them for good and fetches
 * them again only when the bundle changes. Assets go out brotli- or gzip-compressed.
 */
class GraphiqlSite {
  readonly html: string;
  private readonly assets = new Map<string, Asset>();

  constructor() {
    const [script, scriptBody] = named('graphiql', 'js', Buffer.from(SCRIPT));
    const [styles, stylesBody] = named('graphiql', 'css', Buffer.from(bundle.css));
    const [icon, iconBody] = named('favicon', 'ico', Buffer.from(bundle.favicon.split(',')[1], 'base64'));
    this.assets.set(script, { contentType: 'text/javascript; charset=utf-8', body: scriptBody });
    this.assets.set(styles, { contentType: 'text/css; charset=utf-8', body: stylesBody });
    this.assets.set(icon, { contentType: 'image/x-icon', body: iconBody });
    // Inside a script element only "<" could end it early; \u003c reads back as the same character.
    const options = JSON.stringify(OPTIONS).replace(/</g, '\\u003c');
    this.html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${OPTIONS.title}</title>
    <link rel="icon" href="${GRAPHIQL_ASSETS_PATH}/${icon}" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/${styles}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${options}</script>
    <script src="${GRAPHIQL_ASSETS_PATH}/${script}"></script>
  </body>
</html>
`;
  }

  /** Express middleware for GRAPHIQL_ASSETS_PATH. */
  readonly serve = (request: Request, response: Response, next: NextFunction): void => {
    const asset = this.assets.get(request.path.slice(1));
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    asset.encoded ??= encode(asset.body);
    asset.encoded.then(
      (encoded) => {
        const encoding = request.acceptsEncodings('br', 'gzip');
        const body = encoding === 'br' ? encoded.br : encoding === 'gzip' ? encoded.gzip : asset.body;
        response.setHeader('content-type', asset.contentType);
        response.setHeader('cache-control', 'public, max-age=31536000, immutable');
        response.setHeader('vary', 'Accept-Encoding');
        if (encoding === 'br' || encoding === 'gzip') response.setHeader('content-encoding', encoding);
        response.setHeader('content-length', body.length);
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => next(error),
    );
  };
}

async function encode(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gzipped] = await Promise.all([
    // Quality 6: within a few per cent of the best for this bundle, at a fraction of the time.
    promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
    promisify(gzip)(body),
  ]);
  return { br, gzip: gzipped };
}

let site: GraphiqlSite | undefined;

/** Built on first use: production never serves GraphiQL and never pays for it. */
export function graphiqlSite(): GraphiqlSite {
  site ??= new GraphiqlSite();
  return site;
}

/** Apollo's landing page outside production: GraphiQL's page, which loads its assets from GRAPHIQL_ASSETS_PATH. */
export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    serverWillStart: () => Promise.resolve({ renderLandingPage: () => Promise.resolve({ html: graphiqlSite().html }) }),
  };
}
