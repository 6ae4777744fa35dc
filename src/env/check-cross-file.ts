// Settings the app (which signs tokens) and an API server (which verifies them) must share:
// a warning when an API server's env file and the app's `.env` disagree on one.
import { finding, showValue, type Finding } from './findings.js';
import { DEFAULT_ENV_FILE } from './render.js';
import { checkValue } from './values.js';
import type { UnitValues } from './check-unit.js';

const SHARED_SETTINGS = ['BETTER_AUTH_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ALGORITHM'] as const;
type SharedSetting = (typeof SHARED_SETTINGS)[number];

function urlOf(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * The value a setting takes at run time, as the generated code computes it: JWT_ISSUER and
 * JWT_AUDIENCE default to the BETTER_AUTH_URL origin, JWT_ALGORITHM to EdDSA; URLs compare
 * without a trailing slash. undefined: unknown (unset without a default, or unparsable base).
 */
function effective(values: ReadonlyMap<string, string>, name: SharedSetting): { value: string; explicit: boolean } | undefined {
  const raw = (values.get(name) ?? '').trim();
  if (name === 'BETTER_AUTH_URL') {
    if (!raw) return undefined;
    const url = urlOf(raw);
    return { value: url ? `${url.origin}${url.pathname.replace(/\/+$/, '')}` : raw, explicit: true };
  }
  if (raw) return { value: raw, explicit: true };
  if (name === 'JWT_ALGORITHM') return { value: 'EdDSA', explicit: false };
  const base = urlOf((values.get('BETTER_AUTH_URL') ?? '').trim());
  return base ? { value: base.origin, explicit: false } : undefined;
}

const CONSEQUENCE: Record<SharedSetting, string> = {
  BETTER_AUTH_URL: 'the API server fetches its keys (JWKS) from another server than the one that signs the tokens',
  JWT_ISSUER: 'the API server rejects every token the app mints (iss check)',
  JWT_AUDIENCE: 'the API server rejects every token the app mints (aud check)',
  JWT_ALGORITHM: 'the API server accepts only its own algorithm, so it rejects every token the app signs',
};

/** Warns when an API server's env file and the app's `.env` disagree on a shared setting. */
export function crossFileFindings(units: readonly UnitValues[]): Finding[] {
  const app = units.find((u) => u.unit.file === DEFAULT_ENV_FILE);
  if (!app?.values) return [];
  const findings: Finding[] = [];
  for (const other of units) {
    if (other === app || !other.values) continue;
    let urlOriginsDiffer = false;
    for (const name of SHARED_SETTINGS) {
      const appVar = app.describe(name);
      const otherVar = other.describe(name);
      if (!appVar || !otherVar) continue;
      const a = effective(app.values, name);
      const b = effective(other.values, name);
      if (!a || !b || a.value === b.value) continue;
      // An invalid value is already an error of its own file; comparing it adds only noise.
      if (checkValue(appVar, a.value, [], false) || checkValue(otherVar, b.value, [], false)) continue;
      if (name === 'BETTER_AUTH_URL') {
        urlOriginsDiffer = urlOf(a.value)?.origin !== urlOf(b.value)?.origin;
      } else if (!a.explicit && !b.explicit) {
        // Both follow BETTER_AUTH_URL: the BETTER_AUTH_URL warning already says it.
        continue;
      }
      // Values are shown only where both files' registries declare the variable public.
      const declaredPublic = appVar.secret === false && otherVar.secret === false;
      const show = (e: { value: string; explicit: boolean }) => `${showValue(name, e.value, declaredPublic)}${e.explicit ? '' : ' by default'}`;
      const appAt = app.lines.get(name) ? `${app.unit.file}:${app.lines.get(name)}` : app.unit.file;
      let message = `${name} differs between ${appAt} (${show(a)}) and ${other.unit.file} (${show(b)}): ${CONSEQUENCE[name]}`;
      if (name === 'BETTER_AUTH_URL' && urlOriginsDiffer) {
        const follow = ['JWT_ISSUER', 'JWT_AUDIENCE'].filter((n) => !(app.values?.get(n) ?? '').trim() && !(other.values?.get(n) ?? '').trim());
        if (follow.length) message += `; ${follow.join(' and ')} default to its origin, so tokens would fail those checks too`;
      }
      // A defaulted issuer/audience comes from BETTER_AUTH_URL: point there when JWT_* is absent.
      const line = other.lines.get(name) ?? (!b.explicit && name !== 'JWT_ALGORITHM' ? other.lines.get('BETTER_AUTH_URL') : undefined);
      findings.push(finding('cross-file-mismatch', message, { variable: name, file: other.unit.file, line }));
    }
  }
  return findings;
}
