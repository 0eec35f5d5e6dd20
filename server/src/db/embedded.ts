// Starts, reuses and stops the embedded Neo4j launcher (neo4j/, a Maven-built Java program) when
// NEO4J_URI is not set. Attached mode ties the JVM's life to this process (stdin EOF = parent
// gone); detached mode (`ringscope db start`) leaves it running with a pid file and a log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config.js';

export class EmbeddedError extends Error {}

export interface EmbeddedHandle {
  uri: string;
  /** True when this process started the JVM (and so stops it). */
  owned: boolean;
  pid: number | undefined;
  startMs: number;
  stop(): Promise<void>;
}

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-XX:+UseG1GC',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
];

function launcherDir(config: Config) {
  const dir = path.join(config.rootDir, 'neo4j');
  return {
    dir,
    classes: path.join(dir, 'target', 'classes'),
    lib: path.join(dir, 'target', 'lib'),
    plugins: path.join(dir, 'target', 'plugins'),
  };
}

function onPath(cmd: string): boolean {
  return spawnSync(cmd, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** Newest modification time under a path (files only), 0 when it does not exist. */
function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** Builds the launcher with Maven if it has not been built yet, or its sources or POM changed since. */
export function ensureLauncherBuilt(config: Config, log: (line: string) => void = console.error): void {
  const { dir, classes, lib, plugins } = launcherDir(config);
  const launcherClass = path.join(classes, 'ringscope', 'neo4j', 'Launcher.class');
  const stamp = path.join(dir, 'target', 'ringscope-build.stamp');
  const built =
    fs.existsSync(launcherClass) && fs.existsSync(lib) && fs.existsSync(plugins)
      ? Math.max(fs.statSync(launcherClass).mtimeMs, fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0)
      : 0;
  if (built > 0 && built >= Math.max(newestMtime(path.join(dir, 'src')), newestMtime(path.join(dir, 'pom.xml'))))
    return;
  if (!onPath('java')) {
    throw new EmbeddedError('Java 17+ is required for the embedded Neo4j (java not found on PATH); or set NEO4J_URI');
  }
  if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error !== undefined) {
    throw new EmbeddedError(
      'Maven is required to build the embedded Neo4j launcher (mvn not found on PATH); or set NEO4J_URI',
    );
  }
  log('ringscope: building the embedded Neo4j launcher with Maven (first run downloads ~160 MB)…');
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(dir, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new EmbeddedError(`Maven build of ${dir} failed (exit ${r.status})`);
  // Maven leaves classes it found up to date untouched (e.g. after a POM-only change): a stamp
  // marks the build as current, or every start would build again. Removed first, so a stamp
  // hard-linked from another checkout is replaced, not touched.
  fs.rmSync(stamp, { force: true });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function pidFile(config: Config) {
  return path.join(config.embedded.home, 'launcher.pid');
}

/** Removes the pid file only if it still names `pid`: a launcher started since owns it then. */
export function removePidFile(config: Config, pid: number | undefined): void {
  try {
    if (pid !== undefined && fs.readFileSync(pidFile(config), 'utf8').trim() === String(pid))
      fs.rmSync(pidFile(config), { force: true });
  } catch {
    // no pid file: nothing to remove
  }
}

function readPid(config: Config): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(config), 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function launcherArgs(config: Config, attached: boolean): { args: string[]; env: NodeJS.ProcessEnv } {
  const { classes, lib, plugins } = launcherDir(config);
  const args = [
    `-Xmx${config.embedded.heap}`,
    '-Xms256m',
    ...JVM_FLAGS,
    '-cp',
    `${classes}${path.delimiter}${path.join(lib, '*')}`,
    'ringscope.neo4j.Launcher',
  ];
  if (attached) args.push('--exit-on-stdin-eof');
  const env = {
    ...process.env,
    RINGSCOPE_NEO4J_HOME: config.embedded.home,
    RINGSCOPE_BOLT_ADDRESS: '127.0.0.1',
    RINGSCOPE_BOLT_PORT: String(config.embedded.boltPort),
    RINGSCOPE_PAGECACHE: config.embedded.pageCache,
    RINGSCOPE_PROCEDURES: config.embedded.procedures ? 'on' : 'off',
    // Graph Data Science (detect --engine gds), loaded with ringscope's own procedures.
    RINGSCOPE_PLUGIN_DIR: plugins,
    NEO4J_PASSWORD: config.neo4j.password,
  };
  return { args, env };
}

/**
 * Runs Neo4j's offline importer through the launcher (`--import ARGS_FILE`, see BulkImport.java) on
 * the embedded store, which must be stopped. The importer's report goes to `logPath`.
 */
export function runLauncherImport(config: Config, argsFile: string, logPath: string): Promise<void> {
  ensureLauncherBuilt(config);
  fs.mkdirSync(config.embedded.home, { recursive: true });
  const { args, env } = launcherArgs(config, false);
  const out = fs.openSync(logPath, 'a');
  const child = spawn('java', [...args, '--import', argsFile], { env, stdio: ['ignore', 'pipe', out] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', (e) => reject(new EmbeddedError(`could not run the offline importer: ${e.message}`)));
    child.once('exit', (code) => {
      fs.closeSync(out);
      const error = /RINGSCOPE_NEO4J_ERROR (.*)/.exec(stdout)?.[1];
      if (code === 0 && stdout.includes('RINGSCOPE_NEO4J_IMPORTED')) resolve();
      else reject(new EmbeddedError(`${error ?? `the offline importer exited with code ${code}`} (log: ${logPath})`));
    });
  });
}

/** Waits for the launcher's ready or error line in a stream of text lines. */
function waitForReady(
  child: ChildProcess,
  readLines: (onLine: (line: string) => void) => void,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new EmbeddedError(`embedded Neo4j did not become ready within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new EmbeddedError(`embedded Neo4j exited before it was ready (exit ${code})`));
    };
    child.once('exit', onExit);
    readLines((line) => {
      if (line.startsWith('RINGSCOPE_NEO4J_READY')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(Number(/startMs=(\d+)/.exec(line)?.[1] ?? 0));
      } else if (line.startsWith('RINGSCOPE_NEO4J_ERROR')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        reject(new EmbeddedError(`embedded Neo4j: ${line.slice('RINGSCOPE_NEO4J_ERROR '.length)}`));
      }
    });
  });
}

function stopPid(pid: number, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve) => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      resolve();
      return;
    }
    const deadline = Date.now() + timeoutMs;
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
        if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 100);
  });
}

/**
 * Makes sure an embedded Neo4j is listening: reuses one already running on the configured port,
 * otherwise starts one. Attached: the JVM stops when this process exits, however it exits.
 */
export async function startEmbedded(
  config: Config,
  opts: { attached: boolean; log?: (line: string) => void } = { attached: true },
): Promise<EmbeddedHandle> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const uri = `bolt://127.0.0.1:${config.embedded.boltPort}`;
  if (await portOpen(config.embedded.boltPort)) {
    return { uri, owned: false, pid: readPid(config), startMs: 0, stop: async () => {} };
  }
  ensureLauncherBuilt(config, log);
  fs.mkdirSync(config.embedded.home, { recursive: true });
  const { args, env } = launcherArgs(config, opts.attached);

  if (opts.attached) {
    const child = spawn('java', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const logFile = fs.createWriteStream(path.join(config.embedded.home, 'launcher.log'), { flags: 'a' });
    child.stderr?.pipe(logFile);
    let buffer = '';
    const listeners: ((line: string) => void)[] = [];
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        logFile.write(line + '\n');
        for (const l of listeners) l(line);
      }
    });
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const startMs = await waitForReady(child, (f) => listeners.push(f), 180_000);
    fs.writeFileSync(pidFile(config), String(child.pid));
    return {
      uri,
      owned: true,
      pid: child.pid,
      startMs,
      stop: async () => {
        process.off('exit', killOnExit);
        if (child.exitCode === null && child.pid) await stopPid(child.pid);
        removePidFile(config, child.pid);
      },
    };
  }

  const logPath = path.join(config.embedded.home, 'launcher.log');
  const out = fs.openSync(logPath, 'a');
  const startOffset = fs.statSync(logPath).size;
  const child = spawn('java', args, { env, stdio: ['ignore', out, out], detached: true });
  child.unref();
  const startMs = await waitForReady(
    child,
    (onLine) => {
      const poll = setInterval(() => {
        const text = fs.readFileSync(logPath, 'utf8').slice(startOffset);
        for (const line of text.split('\n')) {
          if (line.startsWith('RINGSCOPE_NEO4J_')) {
            clearInterval(poll);
            onLine(line);
            return;
          }
        }
      }, 200);
      child.once('exit', () => clearInterval(poll));
    },
    180_000,
  );
  fs.writeFileSync(pidFile(config), String(child.pid));
  return { uri, owned: false, pid: child.pid, startMs, stop: async () => {} };
}

/** Stops an embedded Neo4j started by `ringscope db start` (found by its pid file). */
export async function stopEmbedded(config: Config): Promise<boolean> {
  const pid = readPid(config);
  if (pid === undefined) return false;
  await stopPid(pid);
  removePidFile(config, pid);
  return true;
}

export async function embeddedStatus(config: Config): Promise<{ listening: boolean; pid: number | undefined }> {
  return { listening: await portOpen(config.embedded.boltPort), pid: readPid(config) };
}
