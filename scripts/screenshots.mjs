// `npm run screenshots`: the README's pictures (docs/images/tree.png, grouped.png, panel.png, dark.png), taken from
// the demo by test/e2e/demo.test.mjs in code-server and Chromium at the harness's fixed viewport (1400 × 900), and
// a table's export buttons (export.png) by test/e2e/export.test.mjs, then
// made small with Debian's pngquant (`apt-get install -y pngquant`), since they travel inside the VSIX.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const IMAGES = path.join(ROOT, 'docs', 'images');
const run = (command, args, env = {}) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });

run('npm', ['run', '--silent', 'package']);
run(process.execPath, ['esbuild.mjs', '--tests']);
run(process.execPath, ['--test', '--test-concurrency=1', 'test/e2e/demo.test.mjs', 'test/e2e/export.test.mjs'], { SPACES_VSIX: path.join(ROOT, 'spaces-explorer.vsix'), SPACES_README_SCREENSHOTS: IMAGES });

const pictures = ['tree', 'grouped', 'panel', 'dark', 'export'].map((name) => path.join(IMAGES, `${name}.png`));
if (spawnSync('pngquant', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('pngquant is not installed (apt-get install -y pngquant): the pictures are left uncompressed');
  process.exit(1);
}
// 256 colours lose nothing visible in a workbench picture and make each about a quarter of its size.
run('pngquant', ['--force', '--strip', '--ext', '.png', ...pictures]);
