// What every template sees, derived from the options alone.
import type { PackageManager, Provider, ProjectOptions } from '../options/choices.js';
import { BACKEND_LABELS } from '../features/backend.js';
import type { ProviderInfo, TemplateContext } from '../features/types.js';

export const PROVIDER_LABELS: Readonly<Record<Provider, string>> = {
  google: 'Google',
  github: 'GitHub',
  discord: 'Discord',
  microsoft: 'Microsoft',
  apple: 'Apple',
  gitlab: 'GitLab',
};

const RUN: Readonly<Record<PackageManager, string>> = { npm: 'npm run', pnpm: 'pnpm', yarn: 'yarn', bun: 'bun run' };

export function runCommand(pm: PackageManager): string {
  return RUN[pm];
}

export function installCommand(pm: PackageManager): string {
  return `${pm} install`;
}

export function buildTemplateContext(options: ProjectOptions): TemplateContext {
  const providerList: ProviderInfo[] = options.providers.map((id) => ({
    id,
    label: PROVIDER_LABELS[id],
    envPrefix: id.toUpperCase(),
  }));
  return {
    ...options,
    providers: [...options.providers],
    providerList,
    hasProviders: providerList.length > 0,
    run: runCommand(options.pm),
    installCommand: installCommand(options.pm),
    hasSeparateBackend: options.backend !== 'next',
    backendLabel: options.backend === 'next' ? '' : BACKEND_LABELS[options.backend],
    hasNodeBackend: options.backend !== 'next' && options.backend !== 'fastapi',
  };
}
