/**
 * The crash child runs under plain ts-node, which knows nothing of the `@app/<lib>` paths Jest
 * maps and the build rewrites (tsc-alias). The store adapters import the domain's declarations
 * (free-text fields, the redactions stream), so the child resolves those paths itself.
 */
import Module from 'node:module';
import { join } from 'node:path';

const LIBS = join(__dirname, '../../libs');
const resolving = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = resolving._resolveFilename.bind(Module);
resolving._resolveFilename = (request, ...rest) => {
  const alias = /^@app\/([a-z-]+)(\/.*)?$/.exec(request);
  return resolve(alias ? join(LIBS, alias[1], 'src', alias[2] ?? '') : request, ...rest);
};
