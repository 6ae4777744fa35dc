// What every template sees, derived from the options and the project layout alone.
import type { PackageManager, Provider, ProjectOptions } from '../options/choices.js';
import { BACKEND_LABELS, separateBackend } from '../features/backend.js';
import { FRAMEWORK_PROFILES } from '../features/frameworks.js';
import type { ProviderInfo, TemplateContext } from '../features/types.js';
import { DEFAULT_LAYOUT, type ProjectLayout } from './layout.js';

export const PROVIDER_LABELS: Readonly<Record<Provider, string>> = {
  google: 'Google',
  github: 'GitHub',
  discord: 'Discord',
  microsoft: 'Microsoft',
  apple: 'Apple',
  gitlab: 'GitLab',
};

export { DEFAULT_LAYOUT, isDefaultLayout, type ProjectLayout } from './layout.js';

const RUN: Readonly<Record<PackageManager, string>> = { npm: 'npm run', pnpm: 'pnpm', yarn: 'yarn', bun: 'bun run' };

export function runCommand(pm: PackageManager): string {
  return RUN[pm];
}

export function installCommand(pm: PackageManager): string {
  return `${pm} install`;
}

function apiUrl(options: ProjectOptions, separate: boolean): Pick<TemplateContext, 'apiUrlExpression' | 'apiUrlImport' | 'apiUrlComment'> {
  const profile = FRAMEWORK_PROFILES[options.framework];
  if (profile.apiInAuthServer) {
    return {
      apiUrlExpression: profile.publicApiUrlExpression,
      apiUrlImport: profile.publicApiUrlImport,
      apiUrlComment: `The auth server (server/), which also serves the API. ${sentence(profile.publicApiUrlHow)}.`,
    };
  }
  const backend = separateBackend(options);
  if (separate && options.storage !== 'cookie' && backend !== undefined) {
    return {
      apiUrlExpression: profile.publicApiUrlExpression,
      apiUrlImport: profile.publicApiUrlImport,
      apiUrlComment: `The ${BACKEND_LABELS[backend]} API server (see backend/): ${profile.publicApiUrlVar}, ${profile.publicApiUrlHow}.`,
    };
  }
  return { apiUrlExpression: '', apiUrlImport: '', apiUrlComment: '' };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildTemplateContext(options: ProjectOptions, layout: ProjectLayout = DEFAULT_LAYOUT): TemplateContext {
  const providerList: ProviderInfo[] = options.providers.map((id) => ({
    id,
    label: PROVIDER_LABELS[id],
    envPrefix: id.toUpperCase(),
  }));
  const profile = FRAMEWORK_PROFILES[options.framework];
  // With apiInAuthServer (React + Vite's server/), --backend is that server's library, not a separate backend/.
  const backend = separateBackend(options);
  const separate = !profile.apiInAuthServer && backend !== undefined;
  return {
    ...options,
    providers: [...options.providers],
    providerList,
    hasProviders: providerList.length > 0,
    run: runCommand(options.pm),
    installCommand: installCommand(options.pm),
    hasSeparateBackend: separate,
    backendLabel: separate && backend !== undefined ? BACKEND_LABELS[backend] : '',
    hasNodeBackend: separate && backend !== 'fastapi',
    frameworkLabel: profile.label,
    webDevCommand: profile.webDevCommand,
    stylesheetPath: profile.stylesheetPath,
    spaOnOtherOrigin: profile.spaOnOtherOrigin,
    serverSetsForwardedFor: profile.serverSetsForwardedFor,
    bffRoute: profile.bffRoute,
    authClientModule: profile.authClientModule,
    rendersOnServer: profile.rendersOnServer,
    privateEnv: profile.privateEnv,
    ...apiUrl(options, separate),
    alias: layout.alias,
    appDir: layout.srcDir ? 'src/' : '',
    proxyFile: layout.proxyFile,
  };
}
