// The files `add backend` writes into an API: the generated backends' own verifier, read from
// their templates (TypeScript as is; JavaScript from templates/add-backend/js/, the same code
// without types; CommonJS gets the ES-module verifier as .mjs and a small CommonJS glue file),
// and for FastAPI the generated auth.py with a settings module of the verifier's variables.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../plan/disk-store.js';
import type { ExistingApi, NodeApi, PythonApi } from './detect.js';

export interface VerifierFile {
  /** posix, relative to the project. */
  path: string;
  content: string;
}

/** The module an app imports the guard from, and the names it exports. */
export interface VerifierLayout {
  files: VerifierFile[];
  /** The guard's file (posix, relative to the project). */
  guard: string;
  /** The config/settings file (CORS lines import it). */
  config: string;
}

function template(rel: string): string {
  return readFileSync(path.join(packageRoot(), 'templates', rel), 'utf8');
}

const join = (dir: string, file: string) => (dir ? `${dir}/${file}` : file);

/** `text` with `from` replaced; throws when the template no longer has it (caught by the tests, never shipped). */
function replaced(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`add backend: a verifier template no longer contains ${String(from)}`);
  return out;
}

function nodeFiles(api: NodeApi): VerifierLayout {
  const dir = join(api.codeDir, 'auth');
  const toVerifier = (text: string) => replaced(text, "from './auth.js'", "from './verify-jwt.js'");
  if (api.typescript) {
    const files = [
      { path: `${dir}/verify-jwt.ts`, content: template('backend-node/backend/src/auth.ts') },
      { path: `${dir}/config.ts`, content: template('add-backend/node/config.ts') },
      { path: `${dir}/require-auth.ts`, content: toVerifier(template(`backend-${api.kind}/backend/src/require-auth.ts`)) },
    ];
    return { files, guard: `${dir}/require-auth.ts`, config: `${dir}/config.ts` };
  }
  if (api.module === 'esm') {
    const files = [
      { path: `${dir}/verify-jwt.js`, content: template('add-backend/js/verify-jwt.js') },
      { path: `${dir}/config.js`, content: template('add-backend/js/config.js') },
      { path: `${dir}/require-auth.js`, content: toVerifier(template(`add-backend/js/require-auth-${api.kind}.js`)) },
    ];
    return { files, guard: `${dir}/require-auth.js`, config: `${dir}/config.js` };
  }
  // CommonJS: jose is an ES module, so the verifier stays one (.mjs) behind CommonJS glue.
  const files = [
    { path: `${dir}/verify-jwt.mjs`, content: replaced(template('add-backend/js/verify-jwt.js'), "from './config.js'", "from './config.mjs'") },
    { path: `${dir}/config.mjs`, content: template('add-backend/js/config.js') },
    { path: `${dir}/require-auth.js`, content: template(`add-backend/cjs/require-auth-${api.kind}.js`) },
  ];
  return { files, guard: `${dir}/require-auth.js`, config: `${dir}/config.mjs` };
}

function pythonFiles(api: PythonApi): VerifierLayout {
  // In a package (app/), the verifier imports its settings relatively, as the package's own modules do.
  const settingsImport = api.codeDir ? 'from .auth_settings import settings' : 'from auth_settings import settings';
  const auth = replaced(template('backend-fastapi/backend/auth.py'), /^from settings import settings$/m, settingsImport);
  const files = [
    { path: join(api.codeDir, 'auth.py'), content: auth },
    { path: join(api.codeDir, 'auth_settings.py'), content: template('add-backend/fastapi/auth_settings.py') },
  ];
  return { files, guard: join(api.codeDir, 'auth.py'), config: join(api.codeDir, 'auth_settings.py') };
}

export function verifierFiles(api: ExistingApi): VerifierLayout {
  return api.kind === 'fastapi' ? pythonFiles(api) : nodeFiles(api);
}

/** Python requirement lines the verifier needs (the generated backend's, minus the server's). */
export const PYTHON_REQUIREMENTS = ['PyJWT[crypto]>=2.6,!=2.10.0,<3  # 2.10.0 matched issuers by substring (CVE-2024-53861)', 'cryptography>=38'];
