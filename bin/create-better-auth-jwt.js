#!/usr/bin/env node
// Kept tiny and old-syntax-safe so that an old Node prints one clear line instead of a
// syntax error. Everything else lives in the bundled ../dist/cli.js.
var parts = process.versions.node.split('.');
var major = Number(parts[0]);
var minor = Number(parts[1]);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(
    'create-better-auth-jwt needs Node.js 20.12 or newer (this is ' + process.version + '). Please upgrade Node.js.\n',
  );
  process.exit(1);
}
// A reader that stops early (`--help | head`) closes the pipe: that is not an error.
process.stdout.on('error', function (error) {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw error;
});
import('../dist/cli.js').then(
  function (cli) {
    return cli.main(process.argv).then(function (code) {
      process.exitCode = code;
    });
  },
  function (error) {
    process.stderr.write('error: cannot load create-better-auth-jwt (' + (error && error.message) + '); was it built? run: npm run build\n');
    process.exitCode = 1;
  },
);
