// Type-checks generated projects the way `tsc --noEmit -p <dir>` does, but in one process
// with a shared cache of parsed declaration files. All projects link the same deps cache,
// so next/react/better-auth typings (~1,300 files) are parsed and bound once instead of 36
// times; this is what tsserver's DocumentRegistry does across projects. Each project still
// gets its own Program and checker, so the diagnostics are the ones tsc would report.
import { execa } from 'execa';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';

export interface TypecheckResult {
  ok: boolean;
  /** tsc-formatted diagnostics (empty when ok). */
  output: string;
}

export function createTypechecker(nodeModules: string) {
  // The TypeScript the generated projects pin, not the repo's own.
  const ts = createRequire(path.join(nodeModules, 'noop.js'))('typescript') as typeof TS;
  const tscBin = path.join(nodeModules, 'typescript/bin/tsc');
  const shared = new Map<string, TS.SourceFile | undefined>();

  function check(projectDir: string): TypecheckResult {
    const configPath = path.join(projectDir, 'tsconfig.json');
    const configDiagnostics: TS.Diagnostic[] = [];
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      { noEmit: true, incremental: false },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => configDiagnostics.push(d),
      },
    );
    const formatHost: TS.FormatDiagnosticsHost = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => projectDir,
      getNewLine: () => '\n',
    };
    if (!parsed) return { ok: false, output: ts.formatDiagnostics(configDiagnostics, formatHost) };

    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      // Only declaration files under node_modules are shared; project sources are per project.
      if (!fileName.includes('/node_modules/') || !fileName.endsWith('.d.ts')) {
        return getSourceFile(fileName, languageVersion, onError, shouldCreate);
      }
      const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
      if (!shared.has(key)) shared.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
      return shared.get(key);
    };
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
    const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
    return diagnostics.length === 0
      ? { ok: true, output: '' }
      : { ok: false, output: ts.formatDiagnostics(diagnostics, formatHost) };
  }

  /** The real thing, for confirming and showing a failure exactly as a user would see it. */
  async function runTsc(projectDir: string): Promise<TypecheckResult> {
    const result = await execa('node', [tscBin, '--noEmit', '-p', projectDir], { cwd: projectDir, reject: false, all: true, timeout: 180_000 });
    return { ok: result.exitCode === 0, output: result.all ?? '' };
  }

  return { check, runTsc, version: ts.version };
}
