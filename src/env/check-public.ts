// Secrets a public prefix (NEXT_PUBLIC_, VITE_, …) would inline into browser code.
import { finding, type Finding } from './findings.js';
import { looksSecret, publicPrefixOf } from './names.js';
import type { UnitFacts } from './check-facts.js';

const BOOLEAN_VALUE = /^(?:true|false|1|0|yes|no|on|off)$/i;
/** Words that make a name a switch: DISABLE_EMAIL_PASSWORD_SIGNUP is about a password, it holds none. */
const FLAG_NAME = /^(?:DISABLE|ENABLE|IS|HAS|SHOW|HIDE|ALLOW)_|_(?:ENABLED|DISABLED)$/;

/**
 * A boolean switch rather than a secret. The values written down decide (true/false/1/0/yes/no
 * in .env or .env.example); only where none is written does the name decide.
 */
function isFlag(facts: UnitFacts, name: string, rest: string): boolean {
  const values = [facts.exampleByName.get(name)?.value, facts.dotenv?.values.get(name)].map((v) => v?.trim() ?? '').filter((v) => v !== '');
  if (values.length > 0) return values.every((v) => BOOLEAN_VALUE.test(v));
  return FLAG_NAME.test(rest);
}

export function publicSecretFindings(facts: UnitFacts): Finding[] {
  const { unit, exampleByName, dotenvLine } = facts;
  const findings: Finding[] = [];
  for (const name of [...facts.allNames].sort()) {
    const prefix = publicPrefixOf(name);
    if (!prefix) continue;
    const rest = name.slice(prefix.length);
    const registrySecret = facts.registryByName.get(name)?.secret ?? false;
    if (!registrySecret && (!looksSecret(rest) || isFlag(facts, name, rest))) continue;
    const read = facts.readsByName.get(name)?.[0];
    const where = read
      ? { variable: name, file: read.file, line: read.line }
      : exampleByName.has(name)
        ? { variable: name, file: unit.example, line: exampleByName.get(name)?.line }
        : dotenvLine.has(name)
          ? { variable: name, file: unit.file, line: dotenvLine.get(name) }
          : { variable: name };
    findings.push(finding('public-secret', `${name} looks like a secret, but the ${prefix} prefix makes the bundler inline it into browser code where anyone can read it; drop the prefix and read it on the server`, where));
  }
  return findings;
}
