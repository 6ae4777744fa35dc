// The files `add backend` writes into an API: the generated backends' own verifier and guard
// (TypeScript as is, JavaScript without types; CommonJS gets them as ES modules, .mjs, behind
// a small CommonJS glue), a config module of the verifier's variables, and for FastAPI the
// generated auth.py with a settings module. The texts come from sources.ts (derived from
// templates/ at build time); here they only get their names and import paths.
import type { ExistingApi, NodeApi, PythonApi } from './detect.js';
import { verifierSources, type VerifierSources } from './sources.js';

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

const join = (dir: string, file: string) => (dir ? `${dir}/${file}` : file);

/** `text` with `from` replaced; throws when the template no longer has it (caught by the tests, never shipped). */
function replaced(text: string, from: string | RegExp, to: string): string {
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`add backend: a verifier template no longer contains ${String(from)}`);
  return text.replace(from, to);
}

function source(sources: VerifierSources, name: string): string {
  const text = sources[name];
  if (text === undefined) throw new Error(`add backend: no verifier source named ${name}`);
  return text;
}

function nodeFiles(api: NodeApi, sources: VerifierSources): VerifierLayout {
  const dir = join(api.codeDir, 'auth');
  const language = api.typescript ? 'ts' : 'js';
  // CommonJS: jose is an ES module, so the verifier and the guard stay ES modules (.mjs) behind CommonJS glue.
  const commonJs = !api.typescript && api.module === 'cjs';
  const ext = commonJs ? 'mjs' : language;
  const imported = commonJs ? 'mjs' : 'js';
  const files = [
    { path: `${dir}/verify-jwt.${ext}`, content: replaced(source(sources, `verify-jwt.${language}`), "from './config.js'", `from './config.${imported}'`) },
    { path: `${dir}/config.${ext}`, content: source(sources, `config.${language}`) },
    { path: `${dir}/require-auth.${ext}`, content: replaced(source(sources, `require-auth-${api.kind}.${language}`), "from './auth.js'", `from './verify-jwt.${imported}'`) },
  ];
  if (commonJs) files.push({ path: `${dir}/require-auth.js`, content: source(sources, 'require-auth.cjs') });
  return { files, guard: `${dir}/require-auth.${commonJs ? 'js' : ext}`, config: `${dir}/config.${ext}` };
}

function pythonFiles(api: PythonApi, sources: VerifierSources): VerifierLayout {
  // In a package (app/), the verifier imports its settings relatively, as the package's own modules do.
  const settingsImport = api.codeDir ? 'from .auth_settings import settings' : 'from auth_settings import settings';
  const auth = replaced(source(sources, 'auth.py'), /^from settings import settings$/m, settingsImport);
  const files = [
    { path: join(api.codeDir, 'auth.py'), content: auth },
    { path: join(api.codeDir, 'auth_settings.py'), content: source(sources, 'auth_settings.py') },
  ];
  return { files, guard: join(api.codeDir, 'auth.py'), config: join(api.codeDir, 'auth_settings.py') };
}

export async function verifierFiles(api: ExistingApi): Promise<VerifierLayout> {
  const sources = await verifierSources();
  return api.kind === 'fastapi' ? pythonFiles(api, sources) : nodeFiles(api, sources);
}

/** Python requirement lines the verifier needs (the generated backend's, minus the server's). */
export const PYTHON_REQUIREMENTS = ['PyJWT[crypto]>=2.6,!=2.10.0,<3  # 2.10.0 matched issuers by substring (CVE-2024-53861)', 'cryptography>=38'];
