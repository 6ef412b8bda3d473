// The Debian packages the test tiers need, installed by the test command itself so that `npm ci && npm test`
// is all a newcomer types: Chromium (the browser that drives the workbench), tinyproxy (a real proxy for the
// HTTP tests) and ripgrep (the search binary the oldest supported VS Code is given); and the build tools
// code-server's native modules need when it is installed. As root, or with sudo that asks no password, the
// missing ones are installed quietly, once; otherwise what needs them fails and says which command to type.
//
//   node test/harness/systemPackages.mjs     # installs what is missing, prints nothing when all are there
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);

/** Every package some tier needs (`test/run.mjs` asks for those of the tiers it runs). */
export const TEST_PACKAGES = ['chromium', 'tinyproxy', 'ripgrep'];

/** What node-gyp builds code-server's native modules with, once, when it is installed (tests and demo). */
export const BUILD_TOOLS = ['python3', 'make', 'g++'];

/** Whether dpkg has `name` installed. */
async function installed(name) {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f=${Status}', name]);
    return stdout.trim() === 'install ok installed';
  } catch {
    return false;
  }
}

/** Those of `packages` that dpkg does not have installed. */
export async function missingPackages(packages) {
  const missing = [];
  for (const name of packages) if (!(await installed(name))) missing.push(name);
  return missing;
}

/** The command prefix that runs apt-get as root here, or undefined when none can without a password. */
async function asRoot() {
  if (process.getuid?.() === 0) return [];
  try {
    await run('sudo', ['-n', 'true']);
    return ['sudo', '-n'];
  } catch {
    return undefined;
  }
}

/**
 * Installs those of `packages` that are missing. Throws, naming the command to type, when they cannot be
 * installed from here (no apt-get, or neither root nor a password-less sudo).
 */
export async function ensureSystemPackages(packages = TEST_PACKAGES, { log = (m) => console.error(`[packages] ${m}`) } = {}) {
  const missing = await missingPackages(packages);
  if (missing.length === 0) return [];
  const typed = `sudo apt-get install -y ${missing.join(' ')}`;
  const prefix = await asRoot();
  if (!prefix) throw new Error(`the tests need Debian's ${missing.join(', ')}: install them with \`${typed}\` (no password-less sudo here to do it for you)`);
  log(`installing ${missing.join(', ')} from Debian's packages (once)`);
  const apt = async (...args) => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    await run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
  };
  try {
    await apt('update', '-qq');
    await apt('install', '-y', '-qq', ...missing);
  } catch (err) {
    throw new Error(`installing ${missing.join(', ')} failed (try \`${typed}\`): ${String(err.stderr || err.message).trim().slice(-2000)}`);
  }
  return missing;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSystemPackages().catch((err) => {
    console.error(`[packages] ${err.message}`);
    process.exit(1);
  });
}
