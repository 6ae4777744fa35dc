// The lines to add to the user's server file, printed, never written: the import of the
// guard, CORS when this command set it up, the guard for every route under /api, and one
// route that reads the user. Sections have fixed headings, so a test can apply them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExistingApi, NodeApi, PythonApi } from './detect.js';

export interface MountInstructions {
  /** The file the lines go into (posix, relative), or a description when none was found. */
  file: string;
  imports: string[];
  /** Right after the app is created, before any route. */
  setup: string[];
  /** Every route under /api. */
  guard: string[];
  /** Where the guard line goes, in words. */
  guardWhere: string;
  /** One protected route that reads the verified user. */
  route: string[];
  /** Options for the app's request logger, so a token put in a query string never reaches the log. */
  logger?: { where: string; lines: string[] };
}

export const SECTION = {
  imports: 'Imports (with the others at the top):',
  setup: 'Setup (right after the app is created, before any route):',
  route: 'A protected route that reads the user (to try it):',
} as const;

const ORIGINS = "(process.env.CORS_ORIGIN ?? '').split(',').map((origin) => origin.trim())";

/** The name the entry file gives its app (`const app = express()`), else the usual one. */
function appName(root: string, api: ExistingApi): string {
  const fallback = api.kind === 'fastify' ? 'fastify' : 'app';
  if (!api.entry) return fallback;
  let text = '';
  try {
    text = readFileSync(path.join(root, api.entry), 'utf8');
  } catch {
    return fallback;
  }
  const pattern = api.kind === 'fastapi' ? /^(\w+)\s*(?::\s*\w+\s*)?=\s*FastAPI\s*\(/m : /\b(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:express\s*\(|new\s+Hono\b|[Ff]astify\s*\(|require\(\s*['"]fastify['"]\s*\)\s*\()/;
  return pattern.exec(text)?.[1] ?? fallback;
}

/** `guard` as the entry file imports it: relative, `.js` for TypeScript and ES modules, no extension for CommonJS. */
function specifier(api: NodeApi, guard: string): string {
  const from = api.entry ? path.posix.dirname(api.entry) : api.codeDir || '.';
  let rel = path.posix.relative(from, guard);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (api.typescript) return rel.replace(/\.ts$/, '.js');
  return api.module === 'cjs' ? rel.replace(/\.js$/, '') : rel;
}

function nodeInstructions(root: string, api: NodeApi, guard: string, cors: boolean): MountInstructions {
  const app = appName(root, api);
  const from = specifier(api, guard);
  const esm = api.typescript || api.module === 'esm';
  const importLine = (names: string, module: string, defaultImport = false) =>
    esm ? `import ${defaultImport ? names : `{ ${names} }`} from '${module}';` : `const ${defaultImport ? names : `{ ${names} }`} = require('${module}');`;
  const imports = [importLine('requireAuth', from)];
  const setup: string[] = [];
  const corsOptions = (headers: string, methods: string) => `origin: ${ORIGINS}, ${headers}: ['Authorization', 'Content-Type'], ${methods}: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], maxAge: 600`;
  if (api.kind === 'express') {
    if (api.hasMorgan) {
      // morgan's :url has the query string: a token sent as ?access_token= would reach the log.
      if (esm) imports.push(importLine('morgan', 'morgan', true));
      setup.push(`${esm ? 'morgan' : "require('morgan')"}.token('url', (req) => req.originalUrl.split('?', 1)[0]); // no query strings (tokens) in the access log`);
    }
    if (cors) {
      imports.push(importLine('cors', 'cors', true));
      setup.push(`${app}.use(cors({ ${corsOptions('allowedHeaders', 'methods')} }));`);
    }
    return {
      file: api.entry ?? `the file that calls express() in ${api.codeDir || 'the project'}`,
      imports,
      setup,
      guard: [`${app}.use('/api', requireAuth);`],
      guardWhere: 'Protect every route under /api (after your CORS and other middleware, before those routes):',
      route: [`${app}.get('/api/users/me', requireAuth, (req, res) => { const { id, email, name } = req.user; res.json({ id, email, name }); });`],
    };
  }
  if (api.kind === 'fastify') {
    if (cors) {
      imports.push(importLine('cors', '@fastify/cors', true));
      setup.push(`${esm ? 'await ' : ''}${app}.register(cors, { ${corsOptions('allowedHeaders', 'methods')} });`);
    }
    return {
      file: api.entry ?? `the file that creates the Fastify app in ${api.codeDir || 'the project'}`,
      imports,
      setup,
      guard: ["fastify.addHook('preHandler', requireAuth);"],
      logger: {
        where: "Keep tokens in query strings out of Fastify's request log (in the options of Fastify(...), instead of logger: true):",
        lines: ["logger: { serializers: { req: (request) => ({ method: request.method, url: request.url.split('?', 1)[0] }) } },"],
      },
      guardWhere: 'Protect every route of a plugin (in the plugin that registers your API routes, e.g. with prefix /api; import requireAuth there too):',
      route: [`${app}.get('/api/users/me', { preHandler: requireAuth }, async (request) => { const { id, email, name } = request.user; return { id, email, name }; });`],
    };
  }
  if (cors) {
    imports.push(importLine('cors', 'hono/cors'));
    setup.push(`${app}.use('*', cors({ ${corsOptions('allowHeaders', 'allowMethods')} }));`);
  }
  return {
    file: api.entry ?? `the file that calls new Hono() in ${api.codeDir || 'the project'}`,
    imports,
    setup,
    guard: [`${app}.use('/api/*', requireAuth);`],
    ...(api.hasHonoLogger
      ? {
          logger: {
            where: "Keep tokens in query strings out of hono/logger's lines (instead of logger()):",
            lines: ["logger((message, ...rest) => console.log(message.replace(/\\?\\S*/, ''), ...rest))"],
          },
        }
      : {}),
    guardWhere: 'Protect every route under /api (after your CORS and other middleware, before those routes):',
    route: [`${app}.get('/api/users/me', requireAuth, (c) => { const { id, email, name } = c.get('user'); return c.json({ id, email, name }); });`],
  };
}

function pythonInstructions(root: string, api: PythonApi, cors: boolean): MountInstructions {
  const app = appName(root, api);
  const entryDir = api.entry?.includes('/') ? api.entry.slice(0, api.entry.lastIndexOf('/')) : '';
  const prefix = api.codeDir && entryDir === api.codeDir ? '.' : api.codeDir ? `${api.codeDir.replace(/\//g, '.')}.` : '';
  const imports = [
    'import logging',
    'from fastapi import Depends',
    `from ${prefix}auth import AuthError, AuthUnavailable, RedactTokens, User, auth_error_handler, require_user`,
  ];
  const setup = [
    `${app}.add_exception_handler(AuthError, auth_error_handler)`,
    `${app}.add_exception_handler(AuthUnavailable, auth_error_handler)`,
    'logging.getLogger("uvicorn.access").addFilter(RedactTokens())',
  ];
  if (cors) {
    imports.push('from fastapi.middleware.cors import CORSMiddleware', `from ${prefix}auth_settings import settings as auth_settings`);
    setup.push(
      `${app}.add_middleware(CORSMiddleware, allow_origins=list(auth_settings.cors_origins), allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], allow_headers=["Authorization", "Content-Type"], expose_headers=["WWW-Authenticate"], max_age=600)`,
    );
  }
  return {
    file: api.entry ?? 'the module that creates FastAPI()',
    imports,
    setup,
    guard: ['dependencies=[Depends(require_user)]'],
    guardWhere: 'Protect every route of a router (add to its app.include_router(...) or APIRouter(...) call):',
    route: [`@${app}.get("/api/users/me")`, 'def me(user: User = Depends(require_user)):', '    return {"id": user.id, "email": user.email, "name": user.name}'],
  };
}

export function mountInstructions(root: string, api: ExistingApi, guard: string, cors: boolean): MountInstructions {
  return api.kind === 'fastapi' ? pythonInstructions(root, api, cors) : nodeInstructions(root, api, guard, cors);
}

/** The printed text: a heading, then each section's lines indented by four spaces. */
export function renderInstructions(mount: MountInstructions, extra: readonly string[] = []): string {
  const section = (heading: string, lines: readonly string[]) => (lines.length ? [`  ${heading}`, ...lines.map((line) => `    ${line}`)] : []);
  return [
    `Mount the guard in ${mount.file} (add backend never edits your server code):`,
    ...section(SECTION.imports, mount.imports),
    ...section(SECTION.setup, mount.setup),
    ...section(mount.guardWhere, mount.guard),
    ...section(SECTION.route, mount.route),
    ...(mount.logger ? section(mount.logger.where, mount.logger.lines) : []),
    ...(extra.length ? ['', ...extra] : []),
  ].join('\n');
}
