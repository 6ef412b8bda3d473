// The installed extension's details page (Extensions view → Spaces Explorer → Details): every image of the
// README is loaded. That page shows only images with an absolute https address (it drops relative and data:
// sources, and its content security policy is `img-src https: data:`), so `npm run package` rewrites the
// README's image links to SPACES_IMAGES_BASE_URL. Here that address is a loopback HTTPS server that serves
// the files of the extension as code-server installed it from the VSIX: an image missing from the VSIX, or a
// link not rewritten, shows as a broken image and fails the test.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { sandboxCertificate } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The README's images, as `![alt](path)`. */
const README_IMAGES = [...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('the details page of the installed extension', () => {
  let images;
  const vsix = path.join(os.tmpdir(), `spaces-explorer-details-${process.pid}.vsix`);
  /** What the image server was asked for, and what it answered. */
  const served = [];

  // Registered before useWorkbench's, so it runs first: the VSIX must name the server's address.
  before(async () => {
    const { key, cert } = await sandboxCertificate();
    images = https.createServer({ key, cert }, (req, res) => {
      const file = installedFile(decodeURIComponent(new URL(req.url, 'https://x').pathname));
      let body;
      try {
        body = file && readFileSync(file);
      } catch {
        body = undefined;
      }
      served.push({ url: req.url, status: body ? 200 : 404 });
      res.writeHead(body ? 200 : 404, { 'content-type': body ? 'image/png' : 'text/plain' }).end(body ?? 'not in the installed extension');
    });
    await new Promise((resolve) => images.listen(0, '127.0.0.1', resolve));
    const base = `https://127.0.0.1:${images.address().port}/`;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), vsix], { cwd: ROOT, env: { ...process.env, SPACES_IMAGES_BASE_URL: base }, stdio: 'ignore' });
  });

  after(() => {
    images?.closeAllConnections();
    images?.close();
  });

  const session = useWorkbench({ sandbox: false, spacesView: false, codeServer: () => ({ vsix }), browser: { ignoreHTTPSErrors: true } });

  /** A path inside the extension's folder under code-server's extensions folder, never outside it. */
  function installedFile(relative) {
    const extensions = session.server.paths.extensions;
    const folder = readdirSync(extensions).find((name) => name.startsWith('spaces-explorer.spaces-explorer-'));
    if (!folder) return undefined;
    const root = path.join(extensions, folder);
    const file = path.resolve(root, `.${relative}`);
    return file.startsWith(`${root}${path.sep}`) ? file : undefined;
  }

  it('shows every README image, loaded from the installed extension', async () => {
    const { page, ui } = session;
    assert.ok(README_IMAGES.length >= 3, `the README shows ${README_IMAGES.length} images`);
    // The Extensions view, as a user opens it: its icon in the activity bar; the entry in its Installed list.
    await page.locator('.activitybar').getByRole('tab', { name: /^Extensions/ }).click();
    const entry = page.locator('.extensions-viewlet').getByRole('listitem').filter({ hasText: 'Spaces Explorer' });
    await entry.first().click({ timeout: 30_000 });
    // The extension's editor opens on its Details tab: the README in a webview.
    await page.locator('.extension-editor').waitFor({ timeout: 30_000 });
    const readme = ui.panel();
    await readme.locator('h1', { hasText: 'Spaces Explorer' }).waitFor({ timeout: 30_000 }).catch(async (err) => {
      await ui.shot('failed-details-page');
      throw err;
    });
    const shown = () => readme.locator('img').evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })));
    const final = await eventually(shown, (list) => list.length === README_IMAGES.length && list.every((img) => img.loaded), 'every README image loaded', 30_000).catch(async (err) => {
      await ui.shot('failed-details-images');
      throw new Error(`${err.message}\nimages on the page: ${JSON.stringify(await shown())}\nimage server: ${JSON.stringify(served)}`);
    });
    assert.deepEqual(
      final.map((img) => new URL(img.src).pathname.slice(1)),
      README_IMAGES,
    );
    await ui.shot('details-page');
  });
});
