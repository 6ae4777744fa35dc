// Secrets a public prefix (NEXT_PUBLIC_, VITE_, …) would inline into browser code.
import { finding, type Finding } from './findings.js';
import { looksSecret, publicPrefixOf } from './names.js';
import type { UnitFacts } from './check-facts.js';

export function publicSecretFindings(facts: UnitFacts): Finding[] {
  const { unit, exampleByName, dotenvLine } = facts;
  const findings: Finding[] = [];
  for (const name of [...facts.allNames].sort()) {
    const prefix = publicPrefixOf(name);
    if (!prefix) continue;
    const rest = name.slice(prefix.length);
    if (!looksSecret(rest) && !(facts.registryByName.get(name)?.secret ?? false)) continue;
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
