// Reads in files that are not code (issue 11, class 5): docker-compose interpolation and the
// Prisma schema's env("X").
import { describe, expect, it } from 'vitest';
import { scanCompose, isComposeFile } from '../../src/env/scan-compose.js';
import { scanPrisma } from '../../src/env/scan-prisma.js';
import { scanProject } from '../../src/env/scan.js';
import { materialise } from './helpers.js';

const reads = (r: { reads: Array<{ name: string; line: number; kind: string }> }) => r.reads.map((x) => `${x.name}:${x.line}:${x.kind}`);

describe('docker-compose files', () => {
  it('knows compose file names', () => {
    expect(['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml', 'docker-compose.dev.yml', 'docker/compose.prod.yaml'].every(isComposeFile)).toBe(true);
    expect(['compose.json', 'my-compose.yml', 'docker-compose.yml.bak', 'litefs.yml'].some(isComposeFile)).toBe(false);
  });

  it('reads ${VAR}, ${VAR:-d}, ${VAR?e}, $VAR; skips $$ and comments', () => {
    const text = [
      '# ${IN_COMMENT}',
      'services:',
      '  a:',
      '    environment:',
      '      A: ${A}',
      '      B: "${B:-default}" # ${TRAILING_COMMENT}',
      '      C: ${C?required}',
      '      - D=$D',
      '    command: echo $$ESCAPED "#not-a-comment ${E}"',
    ].join('\n');
    expect(reads(scanCompose(text, 'compose.yaml'))).toEqual(['A:5:compose', 'B:6:compose', 'C:7:compose', 'D:8:compose', 'E:9:compose']);
  });
});

describe('schema.prisma', () => {
  it('reads env("X"), not in comments or strings', () => {
    const text = ['datasource db {', '  url = env("DATABASE_URL")', '  // directUrl = env("NO")', '  x = "env(\\"NO_EITHER\\")"', '}'].join('\n');
    expect(reads(scanPrisma(text, 'prisma/schema.prisma'))).toEqual(['DATABASE_URL:2:schema']);
  });
});

describe('scanProject', () => {
  it('lists compose files and Prisma schemas with the code', async () => {
    const scan = await scanProject(materialise('c5-compose-prisma'));
    expect(scan.reads.map((r) => `${r.name} ${r.file}:${r.line}`).sort()).toEqual([
      'API_URL docker-compose.yml:14',
      'DATABASE_URL prisma/schema.prisma:3',
      'DEV_ONLY_VAR docker-compose.dev.yml:3',
      'DIRECT_URL prisma/schema.prisma:5',
      'DOMAIN docker-compose.yml:12',
      'POSTGRES_DB docker-compose.yml:7',
      'POSTGRES_PASSWORD docker-compose.yml:6',
      'SMTP_USER docker-compose.yml:15',
    ]);
  });
});
