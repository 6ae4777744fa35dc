// The values of one env file (or of the real environment with --from-process): required ones
// present, each value valid for its kind, access tokens expiring before the session.
import { finding, type Finding } from './findings.js';
import { checkValue, parseSeconds } from './values.js';
import type { UnitContext, UnitFacts } from './check-facts.js';

const ACCESS_TTL = 'JWT_ACCESS_TOKEN_EXPIRES';
const SESSION_TTL = 'JWT_REFRESH_TOKEN_EXPIRES';

type At = (name: string) => { variable: string; file: string | undefined; line: number | undefined };

/**
 * The names read in the same expression as `name` (`env.A ?? env.B`): either one set is
 * enough, whichever way round the code reads them.
 */
function fallbacksByName(facts: UnitFacts): Map<string, Set<string>> {
  const fallbacks = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    const set = fallbacks.get(a) ?? new Set<string>();
    set.add(b);
    fallbacks.set(a, set);
  };
  for (const list of facts.readsByName.values()) {
    for (const r of list) {
      for (const alt of r.alternatives ?? []) {
        add(r.name, alt);
        add(alt, r.name);
      }
    }
  }
  // Better Auth falls back to AUTH_SECRET.
  add('BETTER_AUTH_SECRET', 'AUTH_SECRET');
  return fallbacks;
}

function missingRequiredFindings(facts: UnitFacts, values: ReadonlyMap<string, string>, source: string, valuesFile: string | undefined, at: At): Finding[] {
  const { registryByName } = facts;
  const required = new Set<string>();
  for (const v of facts.unitRegistry ?? []) if (v.required) required.add(v.name);
  for (const e of facts.example ?? []) if (e.required === true && !registryByName.has(e.name)) required.add(e.name);
  if (facts.signsTokens) required.add('BETTER_AUTH_SECRET');
  const isSet = (name: string) => (values.get(name) ?? '').trim() !== '';
  const fallbacks = fallbacksByName(facts);
  const findings: Finding[] = [];
  for (const name of required) {
    const value = values.get(name);
    const alternatives = [...(fallbacks.get(name) ?? [])].sort();
    if (isSet(name) || alternatives.some(isSet)) continue;
    const what = value === undefined ? `missing from ${source}` : `empty in ${source}`;
    // AUTH_SECRET is Better Auth's own fallback, not one the code spells out: named only when read.
    const named = alternatives.filter((a) => a !== 'AUTH_SECRET' || facts.readsByName.has(a));
    const or = named.length ? ` (the code falls back to ${named.join(' or ')}, which is not set either)` : '';
    findings.push(finding('missing-required', `${name} is required but ${what}${or}`, value === undefined ? { variable: name, file: valuesFile } : at(name)));
  }
  return findings;
}

function invalidValueFindings(facts: UnitFacts, values: ReadonlyMap<string, string>, at: At): Finding[] {
  const { isRoot, betterAuth, describe } = facts;
  const checked = new Set<string>([...facts.registryByName.keys(), ...facts.known.keys(), ...facts.exampleByName.keys()]);
  if (isRoot && betterAuth && !describe('BETTER_AUTH_SECRET') && values.has('BETTER_AUTH_SECRET')) checked.add('BETTER_AUTH_SECRET');
  if (isRoot && betterAuth && values.has('AUTH_SECRET')) checked.add('AUTH_SECRET');
  const findings: Finding[] = [];
  for (const name of checked) {
    const value = values.get(name);
    if (value === undefined || value === '') continue;
    let v = describe(name);
    if (!v && (name === 'BETTER_AUTH_SECRET' || name === 'AUTH_SECRET')) {
      v = { name, group: '', description: '', required: true, kind: 'secret', example: '', usedBy: ['backend'], secret: true };
    }
    if (!v) continue;
    const examples = [v.example, facts.exampleByName.get(name)?.value ?? ''];
    const problem = checkValue(v, value, examples, facts.isSecret(name));
    if (problem) findings.push(finding(problem.rule, problem.message, at(name)));
  }
  return findings;
}

/** Access tokens are minted from the session: they must expire first (within one env file). */
function ttlOrderFindings(facts: UnitFacts, values: ReadonlyMap<string, string>, at: At): Finding[] {
  const { describe } = facts;
  if (describe(ACCESS_TTL) === undefined && !(facts.unitRegistry === undefined && values.has(ACCESS_TTL))) return [];
  const fallback = (name: string) => describe(name)?.localDefault ?? describe(name)?.example;
  const accessRaw = values.get(ACCESS_TTL) || fallback(ACCESS_TTL);
  const sessionRaw = values.get(SESSION_TTL) || fallback(SESSION_TTL);
  const access = accessRaw === undefined ? undefined : parseSeconds(accessRaw);
  const session = sessionRaw === undefined ? undefined : parseSeconds(sessionRaw);
  if (access === undefined || session === undefined || access < session || !(values.get(ACCESS_TTL) || values.get(SESSION_TTL))) return [];
  const anchor = values.get(ACCESS_TTL) ? ACCESS_TTL : SESSION_TTL;
  return [
    finding(
      'ttl-order',
      `${ACCESS_TTL} (${access}s) must be shorter than ${SESSION_TTL} (${session}s, the session lifetime): access tokens are refreshed from the session, so they cannot outlive it`,
      at(anchor),
    ),
  ];
}

/** Values from the env file, or from the real environment. */
export function valueFindings(facts: UnitFacts, ctx: UnitContext): Finding[] {
  const { unit, isRoot, dotenv } = facts;
  let values: ReadonlyMap<string, string> | undefined;
  let valuesFile: string | undefined;
  if (ctx.fromProcess) {
    values = new Map(Object.entries(ctx.processEnv).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } else if (dotenv) {
    values = dotenv.values;
    valuesFile = unit.file;
  } else if (facts.dotenvStatus === 'absent' && (facts.unitRegistry !== undefined || facts.example !== undefined)) {
    return [finding('dotenv-missing', `there is no ${unit.file}, so required variables were not checked (copy ${unit.example} to ${unit.file}, or use --from-process where the environment provides them)`, { file: unit.file })];
  }
  if (!values) return [];
  const at: At = (name) => ({ variable: name, file: valuesFile, line: valuesFile ? facts.dotenvLine.get(name) : undefined });
  const source = ctx.fromProcess ? `the environment${isRoot ? '' : ` (it belongs in ${unit.file})`}` : unit.file;
  return [...missingRequiredFindings(facts, values, source, valuesFile, at), ...invalidValueFindings(facts, values, at), ...ttlOrderFindings(facts, values, at)];
}
